//! Who is asking: the session a request carries, as the guard found it.

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;

/// Who is asking: their session, its CSRF token, their account (`None`: not logged in).
#[derive(Debug, Clone)]
pub(crate) struct Visitor {
    pub token: String,
    pub user: Option<String>,
    pub csrf: String,
    /// The session was made by this request: its cookie goes with the answer.
    pub fresh: bool,
    pub ip: Option<IpAddr>,
}

impl Visitor {
    /// The name the journal gives.
    pub(crate) fn who(&self) -> &str {
        self.user.as_deref().unwrap_or("(chưa đăng nhập)")
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Visitor>().cloned().ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The header a script sends its CSRF token in; a form sends it in its address (`?csrf=`).
pub(crate) const CSRF_HEADER: &str = "x-csrf";
