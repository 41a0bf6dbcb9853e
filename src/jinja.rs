//! Text fragments written by people — the MC's lines in a cell, the conventional lines in
//! `templates/kich-ban/`, the report's narrative — rendered with minijinja.
//!
//! Undefined variables are errors (strict mode), reported at the cell or template line
//! they come from, with the variables that do exist. The result is plain text: it reaches
//! Typst as a string value, never as markup.

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, Value};

use crate::diag::{Diagnostic, Loc, Text};
use crate::render::typst::TemplateStore;
use crate::text::{amount_in_words, capitalize_first, lowercase_first, number_in_words};

/// A strict environment with vanthu's filters.
pub struct Jinja {
    env: Environment<'static>,
}

impl Default for Jinja {
    fn default() -> Self {
        Jinja::new()
    }
}

/// `["A", "B", "C"]` → `A, B và C`.
fn join_vi(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} và {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

impl Jinja {
    pub fn new() -> Jinja {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        if let Ok(syntax) = SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
            env.set_syntax(syntax);
        }
        env.add_filter("upper_first", |s: String| capitalize_first(&s));
        env.add_filter("lower_first", |s: String| lowercase_first(&s));
        env.add_filter("so_chu", |n: u64| number_in_words(n));
        env.add_filter("tien_chu", |n: u64| amount_in_words(n));
        env.add_filter("join_vi", join_vi);
        Jinja { env }
    }

    fn diagnostic(e: &minijinja::Error, loc: Loc, what: &str, context: &Value) -> Diagnostic {
        let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
        let reason = match e.kind() {
            ErrorKind::UndefinedError => ("dùng một biến không có", "uses a variable that does not exist"),
            ErrorKind::SyntaxError => ("viết sai cú pháp", "has a syntax error"),
            ErrorKind::UnknownFilter => ("dùng một bộ lọc không có", "uses an unknown filter"),
            _ => ("không hiển thị được", "cannot be rendered"),
        };
        // Only the variables that hold something: an item without a performer has `by`
        // empty, and suggesting it would mislead.
        let mut names: Vec<String> = context
            .try_iter()
            .map(|it| {
                it.filter(|k| context.get_item(k).is_ok_and(|v| !v.is_none() && !v.is_undefined()))
                    .map(|k| k.to_string())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let line = e.line().map(|l| format!(" (dòng {l})")).unwrap_or_default();
        let line_en = e.line().map(|l| format!(" (line {l})")).unwrap_or_default();
        Diagnostic::error(
            "template-text",
            loc,
            Text::new(format!("{what} {}{line}{detail}", reason.0), format!("{what} {}{line_en}{detail}", reason.1)),
        )
        .with_hint(Text::new(
            format!("các biến có thể dùng: {}; ví dụ {{{{ by.name }}}}", names.join(", ")),
            format!("the variables are: {}; e.g. {{{{ by.name }}}}", names.join(", ")),
        ))
    }

    /// Renders text written in a cell; errors point at the cell.
    pub fn render_cell(&self, source: &str, context: &Value, loc: &Loc) -> Result<String, Diagnostic> {
        self.env.render_str(source, context.clone()).map_err(|e| {
            let by_empty = context.get_attr("by").is_ok_and(|v| v.is_none() || v.is_undefined());
            if e.kind() == ErrorKind::UndefinedError && by_empty && source.contains("by.") {
                return Diagnostic::error(
                    "template-text",
                    loc.clone(),
                    Text::new(
                        "Lời dẫn dùng {{ by.… }} nhưng mục này không có Người thực hiện",
                        "the MC line uses {{ by.… }} but this item has no performer (Người thực hiện)",
                    ),
                )
                .with_hint(Text::new(
                    "điền Người thực hiện (Mã đại biểu), hoặc viết tên trực tiếp vào lời dẫn",
                    "fill in Người thực hiện (a delegate's Mã), or write the name into the line",
                ));
            }
            Self::diagnostic(&e, loc.clone(), "Lời dẫn", context)
        })
    }

    /// A variable written with single braces (`{by.name}`) is printed as it is: said, so
    /// the clerk writes `{{ by.name }}`.
    pub fn single_braces(source: &str, loc: &Loc) -> Option<Diagnostic> {
        let bytes = source.as_bytes();
        let found = (0..bytes.len()).find_map(|i| {
            let opens = bytes[i] == b'{' && (i == 0 || bytes[i - 1] != b'{') && bytes.get(i + 1) != Some(&b'{');
            let opens = opens && bytes.get(i + 1) != Some(&b'%');
            if !opens {
                return None;
            }
            let rest = &source[i + 1..];
            let end = rest.find('}')?;
            let inner = rest[..end].trim();
            let name_like = !inner.is_empty()
                && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                && rest.as_bytes().get(end + 1) != Some(&b'}');
            name_like.then(|| inner.to_string())
        })?;
        Some(
            Diagnostic::warning(
                "single-braces",
                loc.clone(),
                Text::new(
                    format!("“{{{found}}}” chỉ có một cặp ngoặc nên được in nguyên văn"),
                    format!("“{{{found}}}” has single braces, so it is printed as it is"),
                ),
            )
            .with_hint(Text::new(
                format!("viết {{{{ {found} }}}} để điền giá trị"),
                format!("write {{{{ {found} }}}} to fill in the value"),
            )),
        )
    }

    /// Renders a template file of `templates/` (overridable); errors point at its line.
    pub fn render_file(&self, store: &TemplateStore, name: &str, context: &Value) -> Result<String, Diagnostic> {
        let Some(source) = store.text(name) else {
            return Err(Diagnostic::error(
                "template",
                Loc::File { file: store.display(name).into() },
                Text::new("không tìm thấy mẫu", "template not found"),
            ));
        };
        self.env.render_str(&source, context.clone()).map_err(|e| {
            let loc = Loc::Template { file: store.display(name).into(), line: e.line().unwrap_or(0) as u32, col: 1 };
            Self::diagnostic(&e, loc, "Mẫu", context)
        })
    }
}

/// Any serialisable value as a template value.
pub fn to_value<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// Text as paragraphs: split at blank lines and line breaks, trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(crate::text::clean_inline).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_and_located() {
        let j = Jinja::new();
        let ctx = to_value(serde_json::json!({"by": {"name": "An"}}));
        let loc = Loc::Cell { file: "x.xlsx".into(), sheet: "Chương trình".into(), row: 5, col: 6, header: None };
        assert_eq!(j.render_cell("Mời {{ by.name }}.", &ctx, &loc).unwrap(), "Mời An.");
        let e = j.render_cell("Mời {{ by.chuc_vu }}.", &ctx, &loc).unwrap_err();
        assert_eq!(e.loc, Some(loc.clone()));
        assert!(e.message.vi.contains("biến không có"), "{}", e.message.vi);
        assert!(e.hint.unwrap().vi.contains("by"));
        assert!(j.render_cell("{{ khong_co }}", &ctx, &loc).is_err());
        assert!(j.render_cell("{% if %}", &ctx, &loc).is_err());
        // No performer: said as such, not as an unknown variable.
        let none = to_value(serde_json::json!({"by": null, "item": {"title": "Giải lao"}}));
        let e = j.render_cell("Mời {{ by.name }}.", &none, &loc).unwrap_err();
        assert!(e.message.vi.contains("không có Người thực hiện"), "{}", e.message.vi);
        assert!(Jinja::single_braces("Mời đồng chí {by.name} lên", &loc).is_some());
        assert!(Jinja::single_braces("Mời đồng chí {{ by.name }} lên", &loc).is_none());
        assert!(Jinja::single_braces("{% if by %}x{% endif %} (phút)", &loc).is_none());
    }

    #[test]
    fn filters() {
        let j = Jinja::new();
        let ctx = to_value(serde_json::json!({"n": 3600000, "xs": ["A", "B", "C"], "t": "Phát biểu"}));
        let loc = Loc::File { file: "x".into() };
        assert_eq!(j.render_cell("{{ n | tien_chu }}", &ctx, &loc).unwrap(), "Ba triệu sáu trăm nghìn đồng");
        assert_eq!(j.render_cell("{{ xs | join_vi }}", &ctx, &loc).unwrap(), "A, B và C");
        assert_eq!(j.render_cell("{{ t | lower_first }}", &ctx, &loc).unwrap(), "phát biểu");
    }
}
