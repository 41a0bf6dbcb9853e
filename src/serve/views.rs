//! What every page is given besides its own values — its title, who is logged in, the CSRF
//! token for its forms — and the answers shared by the handlers. Templates see plain values
//! made for them, never the pipeline's types.

use axum::extract::{Form, FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::app::{App, Mode};
use super::visitor::{CSRF_HEADER, Visitor};

pub(crate) use super::templates::url;

/// One page to render: its template, title and values.
pub(crate) struct Page {
    template: &'static str,
    values: serde_json::Map<String, serde_json::Value>,
    status: StatusCode,
}

impl Page {
    pub(crate) fn new(template: &'static str, title: &str) -> Page {
        let mut values = serde_json::Map::new();
        values.insert("tieu_de".into(), title.into());
        Page { template, values, status: StatusCode::OK }
    }

    pub(crate) fn with(mut self, key: &str, value: impl Serialize) -> Page {
        self.values.insert(key.into(), serde_json::to_value(value).unwrap_or_default());
        self
    }

    pub(crate) fn status(mut self, status: StatusCode) -> Page {
        self.status = status;
        self
    }

    pub(crate) fn render(mut self, app: &App, visitor: &Visitor) -> Response {
        self.values.insert("nguoi_dung".into(), visitor.user.clone().into());
        self.values.insert("csrf".into(), visitor.csrf.clone().into());
        self.values.insert("mang".into(), (app.mode == Mode::Network).into());
        self.values.insert("vanthu".into(), env!("CARGO_PKG_VERSION").into());
        let rendered = app
            .pages
            .env
            .get_template(self.template)
            .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(&self.values))));
        match rendered {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("Lỗi trình bày trang {}: {e:#}", self.template))
                .into_response(),
        }
    }
}

/// The answer to a conference, file or page that is not there (or may not be shown).
pub(crate) fn missing(app: &App, visitor: &Visitor) -> Response {
    Page::new("loi.html", "Không tìm thấy")
        .with("loi", "Không có trang hoặc tệp này. Có thể bộ văn bản đã được tạo lại: hãy quay lại trang hội nghị.")
        .status(StatusCode::NOT_FOUND)
        .render(app, visitor)
}

/// Whether the asker is a script (it wants JSON) rather than a form.
pub(crate) fn wants_json(headers: &HeaderMap) -> bool {
    headers.contains_key(CSRF_HEADER)
        || headers.get("accept").and_then(|v| v.to_str().ok()).is_some_and(|a| a.starts_with("application/json"))
}

/// A form that does not read (a field missing, a body of another kind) is answered in the
/// clerk's words, with the reason as the library gives it.
fn unreadable(detail: &str) -> Response {
    let text = format!("Biểu mẫu gửi lên không đọc được ({detail}). Hãy tải lại trang rồi làm lại.");
    (StatusCode::BAD_REQUEST, [(axum::http::header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// `Form`, refused in Vietnamese.
pub(crate) struct VnForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for VnForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Form::<T>::from_request(req, state).await.map(|Form(v)| VnForm(v)).map_err(|e| unreadable(&e.body_text()))
    }
}

/// `Multipart`, refused in Vietnamese.
pub(crate) struct VnMultipart(pub Multipart);

impl<S: Send + Sync> FromRequest<S> for VnMultipart {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Multipart::from_request(req, state).await.map(VnMultipart).map_err(|e| unreadable(&e.body_text()))
    }
}
