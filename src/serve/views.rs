//! The page templates (`templates/web/*.html`, built into the program) and what every page
//! is given besides its own values: its title, who is logged in, the CSRF token for its
//! forms. Templates see plain values made for them, never the pipeline's types; minijinja
//! escapes every value into HTML and treats a missing one as an error.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use super::app::{App, Mode};
use super::guard::Visitor;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/web/base.html")),
    ("danh-sach.html", include_str!("../../templates/web/danh-sach.html")),
    ("moi.html", include_str!("../../templates/web/moi.html")),
    ("hoi-nghi.html", include_str!("../../templates/web/hoi-nghi.html")),
    ("kiem-tra.html", include_str!("../../templates/web/kiem-tra.html")),
    ("bang-kiem-tra.html", include_str!("../../templates/web/bang-kiem-tra.html")),
    ("xem.html", include_str!("../../templates/web/xem.html")),
    ("van-ban.html", include_str!("../../templates/web/van-ban.html")),
    ("dang-nhap.html", include_str!("../../templates/web/dang-nhap.html")),
    ("khoi-tao.html", include_str!("../../templates/web/khoi-tao.html")),
    ("nhat-ky.html", include_str!("../../templates/web/nhat-ky.html")),
    ("loi.html", include_str!("../../templates/web/loi.html")),
];

/// Steps one page may take (its loops are over lists the limits bound).
const FUEL: u64 = 50_000_000;

/// A path segment as a URL carries it: `Hội nghị` → `H%E1%BB%99i%20ngh%E1%BB%8B`.
pub(crate) fn url(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A path of several segments (`giay-moi/a.pdf`), each encoded.
fn url_path(path: &str) -> String {
    path.split('/').map(url).collect::<Vec<_>>().join("/")
}

pub(crate) struct Pages {
    env: Environment<'static>,
}

impl Pages {
    pub(crate) fn new() -> Pages {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.add_filter("url", |s: String| url(&s));
        env.add_filter("url_path", |s: String| url_path(&s));
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                // The templates are part of the program; tests parse every one.
                eprintln!("mẫu trang {name} lỗi: {e}");
            }
        }
        Pages { env }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_parses() {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source).unwrap_or_else(|e| panic!("{name}: {e:#}"));
        }
    }

    #[test]
    fn a_segment_is_encoded_whole() {
        assert_eq!(url("hội nghị/../x"), "h%E1%BB%99i%20ngh%E1%BB%8B%2F..%2Fx");
        assert_eq!(url_path("giay-moi/a b.pdf"), "giay-moi/a%20b.pdf");
    }
}
