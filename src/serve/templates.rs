//! The page templates (`templates/web/*.html`, built into the program), in one minijinja
//! environment: every value is escaped into HTML, a missing one is an error, and a page's
//! steps are bounded.

use minijinja::{Environment, UndefinedBehavior};

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
    pub(crate) env: Environment<'static>,
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
