//! The end-to-end harness (`util::browser`) proven on a tiny page of its own: a form whose
//! button changes a text through a same-origin script file (under `Content-Security-Policy:
//! default-src 'self'`, so an inline script is refused), a download, a screenshot and a
//! phone-size viewport.

use std::time::{Duration, Instant};

use axum::Router;
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::Html;
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::util::browser::{browser, run, serve};

/// Generous: the waits end as soon as the page is ready, and `cargo test` runs the heavy
/// typesetting tests beside this one.
const WAIT: Duration = Duration::from_secs(15);

const PAGE: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thử e2e</title>
<script src="/app.js" defer></script>
</head>
<body>
<h1>Hội nghị thử nghiệm</h1>
<form id="f">
  <label>Họ và tên <input id="ten" name="ten"></label>
  <button id="chao" type="submit">Chào</button>
</form>
<p id="out">Chưa chào.</p>
<p id="csp">chặn</p>
<script>document.getElementById('csp').textContent = 'chạy';</script>
<p><a id="tai" href="/tai">Tải thư mời</a></p>
</body>
</html>
"#;

const APP_JS: &str = r#"document.getElementById('f').addEventListener('submit', (e) => {
  e.preventDefault();
  const ten = document.getElementById('ten').value;
  document.getElementById('out').textContent = 'Xin chào, ' + ten + '!';
});
document.body.dataset.ready = '1';
"#;

/// The bytes `/tai` sends as `thu.pdf` (PDF-like; only their arrival is checked).
const PDF: &[u8] = b"%PDF-1.4\n% vanthu e2e\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn app() -> Router {
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/app.js", get(|| async { ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], APP_JS) }))
        .route(
            "/tai",
            get(|| async {
                ([(CONTENT_TYPE, "application/pdf"), (CONTENT_DISPOSITION, "attachment; filename=\"thu.pdf\"")], PDF)
            }),
        )
        .layer(SetResponseHeaderLayer::overriding(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        ))
}

#[test]
fn e2e_smoke() {
    run(async {
        let started = Instant::now();
        let Some(b) = browser("e2e_smoke").await else { return };
        let version = b.cdp("Browser.getVersion", serde_json::json!({})).await;
        eprintln!("e2e_smoke: {} ready in {:?}", version["product"], started.elapsed());
        let base = serve(app()).await;
        let c = b.client();

        c.goto(&base).await.unwrap();
        b.wait_for("body[data-ready]", WAIT).await;
        assert_eq!(c.title().await.unwrap(), "Thử e2e");
        // The inline script was refused (the script file, which ran after it, was not).
        assert_eq!(b.wait_for("#csp", WAIT).await.text().await.unwrap(), "chặn", "an inline script ran");

        b.wait_for("#ten", WAIT).await.send_keys("Nguyễn Thị Lan").await.unwrap();
        b.wait_for("#chao", WAIT).await.click().await.unwrap();
        b.wait_text("#out", "Xin chào, Nguyễn Thị Lan!", WAIT).await;
        assert_eq!(c.current_url().await.unwrap().as_str(), format!("{base}/"), "the form was not submitted");
        b.screenshot("e2e_smoke").await;

        b.wait_for("#tai", WAIT).await.click().await.unwrap();
        let file = b.wait_for_download("thu.pdf", WAIT).await;
        assert_eq!(file.file_name().unwrap(), "thu.pdf");
        assert_eq!(std::fs::read(&file).unwrap(), PDF);
        assert_eq!(b.downloaded(), ["thu.pdf"]);

        b.set_viewport(390, 844).await;
        assert_eq!(b.inner_size().await, (390, 844));
        let button = b.wait_for("#chao", WAIT).await;
        assert!(button.is_displayed().await.unwrap());
        let (x, _, w, _) = button.rectangle().await.unwrap();
        assert!(x + w <= 390.0, "the button sticks out of a phone's width: x {x}, width {w}");
        b.wait_text("#out", "Xin chào, Nguyễn Thị Lan!", WAIT).await;
        b.screenshot("e2e_smoke_phone").await;

        b.close().await;
    })
}
