//! What every request passes before it reaches a page: the Host check (DNS rebinding, on
//! this machine), the session (an account's on the network), and the CSRF token of every
//! request that changes something (the session's own token, in a header or the form's
//! address, from a page of this origin).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::app::{App, Mode};
use super::sessions::{cookie, cookie_name};
use super::visitor::CSRF_HEADER;

/// Pages anyone may open on the network: logging in, the first run, the page's own files.
fn public(path: &str) -> bool {
    path == "/dang-nhap" || path == "/khoi-tao" || path == "/tinh-trang" || path.starts_with("/tai-nguyen/")
}

/// On this machine, the Host must be this machine's: a page of another site that got its
/// name to point at 127.0.0.1 (DNS rebinding) says its own name and is refused.
fn host_ok(app: &App, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else { return false };
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.is_empty() && !p.contains(']') => (n, p.parse::<u16>().ok()),
        _ => (host, None),
    };
    let ours = matches!(name, "127.0.0.1" | "localhost" | "[::1]");
    ours && (app.port() == 0 || port == Some(app.port()))
}

/// A request that changes something must come from a page of this origin.
fn same_origin(headers: &HeaderMap) -> bool {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(site, Some("cross-site" | "same-site")) {
        return false;
    }
    let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST)) else { return true };
    let (Ok(origin), Ok(host)) = (origin.to_str(), host.to_str()) else { return false };
    origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host)
}

fn equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn session_cookie(app: &App, headers: &HeaderMap) -> Option<String> {
    let name = cookie_name(app.port());
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

fn refuse(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_string()).into_response()
}

pub(crate) async fn guard(State(app): State<Arc<App>>, mut req: Request, next: Next) -> Response {
    if app.mode == Mode::Local && !host_ok(&app, req.headers()) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            &format!("Trang vanthu này chỉ mở được tại chính máy chủ: http://127.0.0.1:{}/", app.port()),
        );
    }
    let ip = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let held = session_cookie(&app, req.headers()).and_then(|t| app.sessions.get(&t));
    let mut visitor = held.unwrap_or_else(|| app.sessions.create(None));
    if app.mode == Mode::Local {
        visitor.user = Some(app.local_user.clone());
    }
    visitor.ip = ip;
    let path = req.uri().path().to_string();
    if visitor.user.is_none() && !public(&path) {
        let to = if app.accounts.is_empty() { "/khoi-tao".to_string() } else { login_address(req.uri()) };
        let mut r = if req.method() == Method::GET {
            Redirect::to(&to).into_response()
        } else {
            refuse(StatusCode::UNAUTHORIZED, "Cần đăng nhập: mở lại trang và đăng nhập.")
        };
        if visitor.fresh {
            r.headers_mut().insert(header::SET_COOKIE, cookie(app.port(), app.secure_cookies, &visitor.token));
        }
        return r;
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let sent = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()).map(str::to_string).or_else(|| {
            Query::<HashMap<String, String>>::try_from_uri(req.uri()).ok().and_then(|q| q.0.get("csrf").cloned())
        });
        let ok = !visitor.fresh && same_origin(req.headers()) && sent.is_some_and(|s| equal(&s, &visitor.csrf));
        if !ok {
            return refuse(
                StatusCode::FORBIDDEN,
                "Yêu cầu bị từ chối: phiên làm việc đã hết hoặc yêu cầu không đến từ trang vanthu này. Hãy tải lại trang rồi làm lại.",
            );
        }
    }
    req.extensions_mut().insert(visitor.clone());
    let mut r = next.run(req).await;
    if visitor.fresh && !r.headers().contains_key(header::SET_COOKIE) {
        r.headers_mut().insert(header::SET_COOKIE, cookie(app.port(), app.secure_cookies, &visitor.token));
    }
    if !r.headers().contains_key(header::CACHE_CONTROL) {
        r.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    }
    r
}

fn login_address(uri: &axum::http::Uri) -> String {
    let here = uri.path_and_query().map_or("/", |p| p.as_str());
    let mut q = String::from("/dang-nhap?tiep=");
    for b in here.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            q.push(b as char);
        } else {
            q.push_str(&format!("%{b:02X}"));
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(equal("abc", "abc"));
        assert!(!equal("abc", "abd"));
        assert!(!equal("abc", "abcd"));
    }

    #[test]
    fn a_cross_site_request_is_not_ours() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "http://evil.example".parse().unwrap());
        assert!(!same_origin(&h));
        h.remove(header::ORIGIN);
        h.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!same_origin(&h));
    }
}
