//! Logging in and out, and the first account of a page on the network.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::app::{App, Mode};
use super::sessions::{AccountError, Limiter, MIN_PASSWORD, cookie};
use super::views::{Page, VnForm};
use super::visitor::Visitor;

#[derive(Deserialize, Default)]
pub(crate) struct Next {
    #[serde(default)]
    tiep: String,
}

/// Only a path of this page: never `//other.site` or `https://…`.
fn local_path(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') { next.to_string() } else { "/".into() }
}

pub(crate) async fn login_page(State(app): State<Arc<App>>, visitor: Visitor, Query(next): Query<Next>) -> Response {
    if app.mode == Mode::Network && app.accounts.is_empty() {
        return Redirect::to("/khoi-tao").into_response();
    }
    Page::new("dang-nhap.html", "Đăng nhập").with("tiep", local_path(&next.tiep)).render(&app, &visitor)
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    ten: String,
    mat_khau: String,
    #[serde(default)]
    tiep: String,
}

pub(crate) async fn login(State(app): State<Arc<App>>, visitor: Visitor, VnForm(f): VnForm<LoginForm>) -> Response {
    let keys = Limiter::keys(&f.ten, visitor.ip);
    if let Some(wait) = app.limiter.wait(&keys) {
        let secs = wait.as_secs().max(1);
        app.journal.add(&f.ten, None, "đăng nhập bị chặn", &format!("chờ {secs} giây"));
        return Page::new("dang-nhap.html", "Đăng nhập")
            .with("loi", format!("Đăng nhập sai quá nhiều lần. Hãy thử lại sau {secs} giây."))
            .with("tiep", local_path(&f.tiep))
            .status(StatusCode::TOO_MANY_REQUESTS)
            .render(&app, &visitor);
    }
    let verifier = app.clone();
    let (name, password) = (f.ten.clone(), f.mat_khau.clone());
    let user = tokio::task::spawn_blocking(move || verifier.accounts.verify(&name, &password)).await.ok().flatten();
    let Some(user) = user else {
        app.limiter.fail(&keys);
        app.journal.add(&f.ten, None, "đăng nhập sai", "");
        return Page::new("dang-nhap.html", "Đăng nhập")
            .with("loi", "Tên người dùng hoặc mật khẩu không đúng.")
            .with("tiep", local_path(&f.tiep))
            .status(StatusCode::UNAUTHORIZED)
            .render(&app, &visitor);
    };
    app.limiter.succeed(&keys);
    app.journal.add(&user, None, "đăng nhập", "");
    log_in(&app, &visitor, user, &local_path(&f.tiep))
}

/// A new session for `user` (never the one used before logging in), and on to `next`.
fn log_in(app: &App, visitor: &Visitor, user: String, next: &str) -> Response {
    app.sessions.remove(&visitor.token);
    let fresh = app.sessions.create(Some(user));
    let mut r = Redirect::to(next).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie(app.port(), app.secure_cookies, &fresh.token));
    r
}

pub(crate) async fn logout(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    if let Some(user) = &visitor.user {
        app.journal.add(user, None, "đăng xuất", "");
    }
    app.sessions.remove(&visitor.token);
    let mut r = Redirect::to(if app.mode == Mode::Network { "/dang-nhap" } else { "/" }).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie(app.port(), app.secure_cookies, ""));
    r
}

pub(crate) async fn setup_page(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    if app.setup_code().is_none() {
        return Redirect::to("/").into_response();
    }
    Page::new("khoi-tao.html", "Tạo tài khoản đầu tiên").with("toi_thieu", MIN_PASSWORD).render(&app, &visitor)
}

#[derive(Deserialize)]
pub(crate) struct SetupForm {
    ma: String,
    ten: String,
    mat_khau: String,
    nhap_lai: String,
}

pub(crate) async fn setup(State(app): State<Arc<App>>, visitor: Visitor, VnForm(f): VnForm<SetupForm>) -> Response {
    let Some(code) = app.setup_code() else { return Redirect::to("/").into_response() };
    let keys = Limiter::keys("khoi-tao", visitor.ip);
    let again = |msg: String, status| {
        Page::new("khoi-tao.html", "Tạo tài khoản đầu tiên")
            .with("loi", msg)
            .with("ten", f.ten.clone())
            .with("toi_thieu", MIN_PASSWORD)
            .status(status)
            .render(&app, &visitor)
    };
    if let Some(wait) = app.limiter.wait(&keys) {
        return again(
            format!("Nhập sai mã quá nhiều lần. Hãy thử lại sau {} giây.", wait.as_secs().max(1)),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let typed: String = f.ma.chars().filter(char::is_ascii_digit).collect();
    if typed != code.replace('-', "") {
        app.limiter.fail(&keys);
        return again(
            "Mã khởi tạo không đúng: xem mã in trên màn hình máy chủ khi chạy vanthu serve.".into(),
            StatusCode::FORBIDDEN,
        );
    }
    if f.mat_khau != f.nhap_lai {
        return again("Hai lần nhập mật khẩu không giống nhau.".into(), StatusCode::BAD_REQUEST);
    }
    let (adder, name, password) = (app.clone(), f.ten.trim().to_string(), f.mat_khau.clone());
    let added = tokio::task::spawn_blocking(move || adder.accounts.add(&name, &password))
        .await
        .unwrap_or_else(|e| Err(AccountError::Io(e.to_string())));
    if let Err(e) = added {
        return again(format!("Chưa tạo được tài khoản: {e}."), StatusCode::BAD_REQUEST);
    }
    *app.setup_code.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let name = f.ten.trim().to_string();
    app.journal.add(&name, None, "tạo tài khoản đầu tiên", "");
    log_in(&app, &visitor, name, "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_next_page_is_only_this_page_s() {
        assert_eq!(local_path("/hn/a"), "/hn/a");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil"), "/");
    }
}
