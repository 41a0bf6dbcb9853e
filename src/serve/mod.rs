//! `vanthu serve`: the office's page. One machine serves the office's workspace — one
//! folder per conference, the same folders `init` and `build` use — and every clerk works
//! from a browser: new conferences, uploads, the check as a table, builds with live
//! progress, the documents with their previews and downloads, the reprint list, the text
//! documents.
//!
//! ```text
//! request → guard (Host, session, CSRF, headers) → page or action → pipeline
//! ```
//!
//! On its own machine (the default) the page listens on 127.0.0.1 and needs no account:
//! the Host header is checked so that no other site can reach it through DNS rebinding.
//! On the office network (`--mang`) every request needs an account's session.
//!
//! Every action that changes something is written to the workspace's journal
//! (`.vanthu/nhat-ky.jsonl`): who, when, what.

mod accounts;
mod app;
mod build;
mod checks;
mod files;
mod guard;
mod jobs;
mod journal;
mod pages;
mod preview;
mod reprint;
mod sessions;
mod templates;
mod texts;
mod upload;
mod views;
mod visitor;
mod watcher;
mod workspace;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

pub use app::{App, Mode, ServeConfig};
pub use sessions::{AccountError, add_account};

/// The largest request body: an upload of the largest workbook vanthu reads, with room for
/// the form around it. Larger uploads are refused before they are read.
pub const UPLOAD_LIMIT: usize = crate::limits::WORKBOOK_BYTES as usize + 64 * 1024;

/// What the page's own answers allow a browser: its own scripts, styles, pictures and frames
/// only; nothing from elsewhere, no framing by another site, no inline script.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
    object-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";

/// The headers every answer carries (unless it set its own).
fn headers() -> [(HeaderName, HeaderValue); 5] {
    [
        (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN")),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        // `same-origin`, not `no-referrer`: with the latter a browser posts the page's own forms
        // with `Origin: null`, and the CSRF guard refuses them.
        (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
        (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
    ]
}

/// Every route of the page.
pub fn router(app: Arc<App>) -> Router {
    let router = Router::new()
        .route("/", get(pages::conferences))
        .route("/tinh-trang", get(pages::health))
        .route("/tai-nguyen/{file}", get(pages::asset))
        .route("/dang-nhap", get(accounts::login_page).post(accounts::login))
        .route("/dang-xuat", post(accounts::logout))
        .route("/khoi-tao", get(accounts::setup_page).post(accounts::setup))
        .route("/nhat-ky", get(pages::journal))
        .route("/moi", get(pages::new_page).post(upload::create))
        .route("/mau", get(upload::starter))
        .route("/hn/{conf}", get(pages::conference))
        .route("/hn/{conf}/kiem-tra", get(pages::check))
        .route("/hn/{conf}/tai-len", post(upload::replace))
        .route("/hn/{conf}/tao", post(build::start))
        .route("/hn/{conf}/su-kien", get(build::events))
        .route("/hn/{conf}/tep/{*path}", get(files::download))
        .route("/hn/{conf}/xem/{*path}", get(preview::page))
        .route("/hn/{conf}/anh/{*path}", get(preview::image))
        .route("/hn/{conf}/tai-ca-bo", get(files::zip))
        .route("/hn/{conf}/da-in", post(reprint::tick))
        .route("/hn/{conf}/van-ban", post(texts::create))
        .route("/hn/{conf}/van-ban/{name}", get(texts::editor).post(texts::save))
        .route("/hn/{conf}/van-ban/{name}/pdf", get(texts::pdf))
        .route("/hn/{conf}/van-ban/{name}/anh", get(texts::image))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard::guard))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT));
    let router = headers()
        .into_iter()
        .fold(router, |r, (name, value)| r.layer(SetResponseHeaderLayer::if_not_present(name, value)));
    router.with_state(app)
}

/// Serves `app` on `listener` until `shutdown` resolves. The workspace is watched while it
/// runs: a workbook saved in a conference's folder is checked and built as `watch` does.
pub async fn serve(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    app.bound(addr);
    let _watcher = watcher::start(app.clone());
    // A page's event stream never ends by itself: it is ended when the page stops, so that
    // the graceful shutdown (which waits for every answer to finish) can finish.
    let stopping = app.clone();
    let shutdown = async move {
        shutdown.await;
        stopping.stop();
    };
    let service = router(app).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}
