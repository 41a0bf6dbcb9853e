//! Text fragments written by people — the MC's lines in a cell, the conventional lines in
//! `templates/kich-ban/`, the report's narrative — rendered with minijinja.
//!
//! Undefined variables are errors (strict mode), reported at the cell or template line
//! they come from, with the variables that do exist. The result is plain text: it reaches
//! Typst as a string value, never as markup.
//!
//! Every render is bounded ([`crate::limits`]): a number of steps (minijinja's fuel, so a
//! loop cannot run for ever), the text one render may produce, and the text all renders of
//! one environment may produce together — each exceeded limit an error at the text's place.

use std::sync::atomic::{AtomicUsize, Ordering};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::ValueKind;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, Value};

use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Loc, Text};
use crate::limits::{self, TEMPLATE_FUEL, TEMPLATE_OUTPUT, TEMPLATE_TOTAL_OUTPUT};
use crate::text::{amount_in_words, capitalize_first, join_vi, lowercase_first, number_in_words};

/// A strict environment with vanthu's filters.
pub(crate) struct Jinja {
    env: Environment<'static>,
    /// The text its renders have produced so far (bounded by [`TEMPLATE_TOTAL_OUTPUT`]).
    spent: AtomicUsize,
}

/// Why a render stopped: the template's own error, or one of the limits.
enum Failure {
    Template(minijinja::Error),
    /// The render's text passed [`TEMPLATE_OUTPUT`], or all renders' passed
    /// [`TEMPLATE_TOTAL_OUTPUT`] (`true`).
    TooLong {
        total: bool,
    },
}

/// A writer that stops at `room` bytes.
struct Capped {
    out: Vec<u8>,
    room: usize,
    full: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > self.room {
            self.full = true;
            return Err(std::io::Error::other("output limit"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inline marks of a text document (`*`, `|`, `\`) escaped, so a value prints as it is.
fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '|' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Default for Jinja {
    fn default() -> Self {
        Jinja::new()
    }
}

impl Jinja {
    pub fn new() -> Jinja {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Spans of failing expressions, so a message can quote the one that failed.
        env.set_debug(true);
        env.set_fuel(Some(TEMPLATE_FUEL));
        set_formatter(&mut env, false);
        if let Ok(syntax) = SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
            env.set_syntax(syntax);
        }
        env.add_filter("upper_first", |s: String| capitalize_first(&s));
        env.add_filter("lower_first", |s: String| lowercase_first(&s));
        env.add_filter("so_chu", |n: u64| number_in_words(n));
        env.add_filter("tien_chu", |n: u64| amount_in_words(n));
        env.add_filter("join_vi", join_vi);
        Jinja { env, spent: AtomicUsize::new(0) }
    }

    /// Values print with the inline marks of a text document escaped (`\*`, `\|`, `\\`):
    /// a venue `Phòng họp A*2*` is printed with its stars, never read as italics.
    pub(crate) fn escape_markup(&mut self) {
        set_formatter(&mut self.env, true);
    }

    /// Renders `source`, within the limits.
    fn render_bounded(&self, source: &str, context: &Value) -> Result<String, Failure> {
        let spent = self.spent.load(Ordering::Relaxed);
        let room = TEMPLATE_OUTPUT.min(TEMPLATE_TOTAL_OUTPUT.saturating_sub(spent));
        let total = room < TEMPLATE_OUTPUT;
        let template = self.env.template_from_str(source).map_err(Failure::Template)?;
        let mut w = Capped { out: Vec::new(), room, full: false };
        match template.render_captured_to(context.clone(), &mut w) {
            Ok(_) => {
                self.spent.fetch_add(w.out.len(), Ordering::Relaxed);
                // The formatter writes only whole `str`s: the bytes are UTF-8.
                Ok(String::from_utf8_lossy(&w.out).into_owned())
            }
            Err(_) if w.full => Err(Failure::TooLong { total }),
            Err(e) => Err(Failure::Template(e)),
        }
    }

    /// The error for a render stopped by a limit.
    fn limit_diagnostic(&self, failure: Failure, source: &str, loc: Loc, what: &Text, context: &Value) -> Diagnostic {
        let (vi, en) = (&what.vi, &what.en);
        let (message, hint) = match failure {
            Failure::Template(e) if e.kind() == ErrorKind::OutOfFuel => (
                Text::new(
                    format!(
                        "{vi} cần quá {} bước tính (vòng lặp quá lớn hoặc không dừng)",
                        limits::count(TEMPLATE_FUEL)
                    ),
                    format!(
                        "{en} takes more than {} steps (a loop too large, or endless)",
                        limits::count(TEMPLATE_FUEL)
                    ),
                ),
                Text::new(
                    "bỏ bớt vòng lặp {% for %}, hoặc viết sẵn phần chữ cần lặp",
                    "remove {% for %} loops, or write out the text they repeat",
                ),
            ),
            Failure::Template(e) => return self.diagnostic(&e, source, loc, what, context),
            Failure::TooLong { total: false } => (
                Text::new(
                    format!("{vi} tạo ra quá {} chữ", limits::size(TEMPLATE_OUTPUT as u64)),
                    format!("{en} produces more than {} of text", limits::size(TEMPLATE_OUTPUT as u64)),
                ),
                Text::new(
                    "kiểm tra các vòng lặp {% for %} và phép nhân chuỗi (\"x\" * 1000)",
                    "check the {% for %} loops and string repetitions (\"x\" * 1000)",
                ),
            ),
            Failure::TooLong { total: true } => (
                Text::new(
                    format!(
                        "{vi}: các đoạn {{{{ … }}}} đã tạo ra quá {} chữ",
                        limits::size(TEMPLATE_TOTAL_OUTPUT as u64)
                    ),
                    format!(
                        "{en}: the {{{{ … }}}} texts have produced more than {} of text",
                        limits::size(TEMPLATE_TOTAL_OUTPUT as u64)
                    ),
                ),
                Text::new(
                    "kiểm tra các vòng lặp {% for %} trong các ô lời dẫn, báo cáo, văn bản",
                    "check the {% for %} loops of the MC lines, the report and the documents",
                ),
            ),
        };
        Diagnostic::error("template-limit", loc, message).with_hint(hint)
    }

    /// Adds a global value or function (`bang`, `dem` of the report's narrative).
    pub(crate) fn add_global(&mut self, name: &'static str, value: Value) {
        self.env.add_global(name, value);
    }

    fn diagnostic(&self, e: &minijinja::Error, source: &str, loc: Loc, what: &Text, context: &Value) -> Diagnostic {
        // A document's line is rendered alone: its place already names the line.
        let in_text = matches!(loc, Loc::Text { .. });
        let line = e.line().filter(|_| !in_text).map(|l| format!(" (dòng {l})")).unwrap_or_default();
        let line_en = e.line().filter(|_| !in_text).map(|l| format!(" (line {l})")).unwrap_or_default();
        let (vi, en) = (&what.vi, &what.en);
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
        // An example that reads like one: a field of the performer or of the statistics.
        let example = [("by", "by.name"), ("stats", "stats.total"), ("item", "item.title")]
            .iter()
            .find(|(v, _)| names.iter().any(|n| n == v))
            .map(|(_, e)| e.to_string())
            .or_else(|| names.first().cloned());
        let example_en = example.as_ref().map(|e| format!("; e.g. {{{{ {e} }}}}")).unwrap_or_default();
        let example = example.map(|e| format!("; ví dụ {{{{ {e} }}}}")).unwrap_or_default();
        let variables = Text::new(
            format!("các biến có thể dùng: {}{example}", names.join(", ")),
            format!("the variables are: {}{example_en}", names.join(", ")),
        );
        let expr = e.range().and_then(|r| source.get(r)).map(str::trim).filter(|x| !x.is_empty());
        if e.kind() == ErrorKind::UndefinedError
            && let Some(expr) = expr
        {
            // `stats.by_district["Huyện  Na Hang"]`: name the key that is missing and the
            // ones that exist.
            if let Some((base, key)) = split_last_access(expr)
                && let Ok(parent) = self.env.compile_expression(base).and_then(|x| x.eval(context.clone()))
                && !parent.is_undefined()
            {
                let keys: Vec<String> =
                    parent.try_iter().map(|it| it.map(|k| k.to_string()).collect()).unwrap_or_default();
                let shown = keys.iter().take(12).map(|k| format!("“{k}”")).collect::<Vec<_>>().join(", ");
                let more = if keys.len() > 12 { ", …" } else { "" };
                let hint = if keys.is_empty() {
                    variables
                } else {
                    Text::new(format!("{base} có: {shown}{more}"), format!("{base} has: {shown}{more}"))
                };
                return Diagnostic::error(
                    "template-text",
                    loc,
                    Text::new(
                        format!("{vi}{line}: không có {key} trong {base}"),
                        format!("{en}{line_en}: {base} has no {key}"),
                    ),
                )
                .with_hint(hint);
            }
            return Diagnostic::error(
                "template-text",
                loc,
                Text::new(
                    format!("{vi}{line} dùng một biến không có: {expr}"),
                    format!("{en}{line_en} uses a variable that does not exist: {expr}"),
                ),
            )
            .with_hint(variables);
        }
        let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
        let reason = match e.kind() {
            ErrorKind::UndefinedError => ("dùng một biến không có", "uses a variable that does not exist"),
            ErrorKind::SyntaxError => ("viết sai cú pháp", "has a syntax error"),
            ErrorKind::UnknownFilter => ("dùng một bộ lọc không có", "uses an unknown filter"),
            _ => ("không hiển thị được", "cannot be rendered"),
        };
        // An unknown filter: the filters there are, not the variables.
        let hint = if e.kind() == ErrorKind::UnknownFilter {
            Text::new(
                "các bộ lọc: upper_first, lower_first, so_chu, tien_chu, join_vi, và của minijinja: upper, lower, title, join, length, round …",
                "the filters: upper_first, lower_first, so_chu, tien_chu, join_vi, and minijinja's: upper, lower, title, join, length, round …",
            )
        } else {
            variables
        };
        Diagnostic::error(
            "template-text",
            loc,
            Text::new(format!("{vi} {}{line}{detail}", reason.0), format!("{en} {}{line_en}{detail}", reason.1)),
        )
        .with_hint(hint)
    }

    /// Renders text written in a cell (`what` names it in messages: the MC line, the
    /// report's text); errors point at the cell.
    pub(crate) fn render_cell(
        &self,
        source: &str,
        context: &Value,
        loc: &Loc,
        what: &Text,
    ) -> Result<String, Diagnostic> {
        let source = straight_quotes_in_tags(source);
        self.render_bounded(&source, context).map_err(|failure| {
            let e = match failure {
                Failure::Template(e) if e.kind() != ErrorKind::OutOfFuel => e,
                limited => return self.limit_diagnostic(limited, &source, loc.clone(), what, context),
            };
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
            // In a YAML block, the text's first line is where the location points: the
            // failing line is that many lines further.
            let loc = match (loc, e.line()) {
                (Loc::Yaml { file, line, col, path }, Some(l)) if l > 1 => {
                    Loc::Yaml { file: file.clone(), line: line + l as u32 - 1, col: *col, path: path.clone() }
                }
                _ => loc.clone(),
            };
            self.diagnostic(&e, &source, loc, what, context)
        })
    }

    /// A variable written with single braces (`{by.name}`) is printed as it is: said, so
    /// the clerk writes `{{ by.name }}`.
    pub(crate) fn single_braces(source: &str, loc: &Loc) -> Option<Diagnostic> {
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
    pub(crate) fn render_file(&self, store: &TemplateStore, name: &str, context: &Value) -> Result<String, Diagnostic> {
        let Some(source) = store.text(name) else {
            return Err(Diagnostic::error(
                "template",
                Loc::File { file: store.display(name).into() },
                Text::new("không tìm thấy mẫu", "template not found"),
            ));
        };
        self.render_bounded(&source, context).map_err(|failure| {
            let line = match &failure {
                Failure::Template(e) => e.line().unwrap_or(0) as u32,
                Failure::TooLong { .. } => 0,
            };
            let loc = Loc::Template { file: store.display(name).into(), line, col: 1 };
            self.limit_diagnostic(failure, &source, loc, &Text::new("Mẫu", "The template"), context)
        })
    }
}

/// Printed values read as Vietnamese text: an empty value prints nothing (not `None`); a
/// figure (a float) prints the Vietnamese way, `5448.0` as `5.448` and `0.25` as `0,25`
/// (whole numbers — counts, years — print as they are); a list of records with a `text`
/// (`stats.targets`) prints their texts, one sentence. With `markup`, a text document's
/// inline marks in the value are escaped.
fn set_formatter(env: &mut Environment<'static>, markup: bool) {
    env.set_formatter(move |out, state, value| {
        let write = |out: &mut minijinja::Output<'_>, s: &str| {
            let escaped;
            let s = if markup {
                escaped = escape_markup(s);
                escaped.as_str()
            } else {
                s
            };
            out.write_str(s).map_err(|_| minijinja::Error::new(ErrorKind::WriteFailure, "formatting failed"))
        };
        if value.is_none() {
            return Ok(());
        }
        if value.kind() == ValueKind::Number
            && !value.is_integer()
            && let Ok(f) = f64::try_from(value.clone())
        {
            return write(out, &crate::text::vi_number(f));
        }
        if let Some(text) = readable(value) {
            return write(out, &text);
        }
        if markup {
            return write(out, &value.to_string());
        }
        minijinja::escape_formatter(out, state, value)
    });
}

/// A record with a `text` prints its text; a list of them, their texts joined with `; `
/// (a sentence); anything else is left to the default formatter.
fn readable(value: &Value) -> Option<String> {
    let text_of = |v: &Value| v.get_attr("text").ok().filter(|t| t.kind() == ValueKind::String).map(|t| t.to_string());
    match value.kind() {
        ValueKind::Map => text_of(value),
        ValueKind::Seq => {
            let items: Vec<Value> = value.try_iter().ok()?.collect();
            let texts: Option<Vec<String>> = items.iter().map(text_of).collect();
            texts.filter(|t| !t.is_empty()).map(|t| t.join("; "))
        }
        _ => None,
    }
}

/// `stats.by_district["Huyện Na Hang"]` → (`stats.by_district`, `"Huyện Na Hang"`);
/// `by.name` → (`by`, `name`); a bare variable → `None`.
fn split_last_access(expr: &str) -> Option<(&str, &str)> {
    if let Some(inner) = expr.strip_suffix(']') {
        let open = inner.rfind('[')?;
        let base = inner[..open].trim_end();
        return (!base.is_empty()).then(|| (base, inner[open + 1..].trim()));
    }
    let dot = expr.rfind('.')?;
    let (base, key) = (expr[..dot].trim_end(), expr[dot + 1..].trim());
    let simple = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    (simple(key) && !base.is_empty() && !base.contains(['"', '\'', '('])).then_some((base, key))
}

/// Excel and Word turn `"` into “ ” as one types; inside `{{ … }}` and `{% … %}` those are
/// never meant, so they become straight quotes (the text around is left as written).
fn straight_quotes_in_tags(source: &str) -> std::borrow::Cow<'_, str> {
    if !source.contains(['“', '”', '‘', '’']) {
        return source.into();
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find(['{']) {
        let tag_close = match rest[open..].get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find(tag_close) else {
            out.push_str(&rest[open..]);
            return out.into();
        };
        let tag = &rest[open..open + len + 2];
        out.extend(tag.chars().map(|c| match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            c => c,
        }));
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    out.into()
}

/// Any serialisable value as a template value.
pub(crate) fn to_value<T: serde::Serialize>(value: T) -> Value {
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
        let what = Text::new("Lời dẫn", "The MC line");
        assert_eq!(j.render_cell("Mời {{ by.name }}.", &ctx, &loc, &what).unwrap(), "Mời An.");
        let e = j.render_cell("Mời {{ by.chuc_vu }}.", &ctx, &loc, &what).unwrap_err();
        assert_eq!(e.loc, Some(loc.clone()));
        assert_eq!(e.message.vi, "Lời dẫn (dòng 1): không có chuc_vu trong by");
        assert_eq!(e.hint.unwrap().vi, "by có: “name”");
        let e = j.render_cell("{{ khong_co }}", &ctx, &loc, &what).unwrap_err();
        assert_eq!(e.message.vi, "Lời dẫn (dòng 1) dùng một biến không có: khong_co");
        assert_eq!(e.hint.unwrap().vi, "các biến có thể dùng: by; ví dụ {{ by.name }}");
        assert!(j.render_cell("{% if %}", &ctx, &loc, &what).is_err());
        // No performer: said as such, not as an unknown variable.
        let none = to_value(serde_json::json!({"by": null, "item": {"title": "Giải lao"}}));
        let e = j.render_cell("Mời {{ by.name }}.", &none, &loc, &what).unwrap_err();
        assert!(e.message.vi.contains("không có Người thực hiện"), "{}", e.message.vi);
        assert!(Jinja::single_braces("Mời đồng chí {by.name} lên", &loc).is_some());
        assert!(Jinja::single_braces("Mời đồng chí {{ by.name }} lên", &loc).is_none());
        assert!(Jinja::single_braces("{% if by %}x{% endif %} (phút)", &loc).is_none());
    }

    #[test]
    fn a_missing_key_is_named_with_the_keys_that_exist() {
        let j = Jinja::new();
        let ctx = to_value(serde_json::json!({"stats": {"by_district": {"Huyện Na Hang": 12, "Huyện Lâm Bình": 9}}}));
        let loc = Loc::Cell { file: "x.xlsx".into(), sheet: "Báo cáo".into(), row: 5, col: 3, header: None };
        let what = Text::new("Nội dung", "The text");
        let e =
            j.render_cell("Có\n{{ stats.by_district[\"Huyện  na hang\"] }} sản phẩm.", &ctx, &loc, &what).unwrap_err();
        assert_eq!(e.message.vi, "Nội dung (dòng 2): không có \"Huyện  na hang\" trong stats.by_district");
        assert_eq!(e.hint.unwrap().vi, "stats.by_district có: “Huyện Lâm Bình”, “Huyện Na Hang”");
        // Quotes that Excel curled as they were typed work inside tags, and stay outside.
        assert_eq!(
            j.render_cell("“Na Hang”: {{ stats.by_district[“Huyện Na Hang”] }}", &ctx, &loc, &what).unwrap(),
            "“Na Hang”: 12"
        );
    }

    #[test]
    fn values_print_as_vietnamese_text() {
        let j = Jinja::new();
        let ctx = to_value(serde_json::json!({"a": 48.0, "p": 90.5, "q": 100.0 / 3.0, "n": null, "y": 2023}));
        let loc = Loc::Cell { file: "x.xlsx".into(), sheet: "Báo cáo".into(), row: 5, col: 3, header: None };
        let out =
            j.render_cell("{{ a }}|{{ p }}|{{ q }}|{{ n }}|{{ y }}", &ctx, &loc, &Text::new("Nội dung", "The text"));
        assert_eq!(out.unwrap(), "48|90,5|33,33||2023");
    }

    #[test]
    fn filters() {
        let j = Jinja::new();
        let ctx = to_value(serde_json::json!({"n": 3600000, "xs": ["A", "B", "C"], "t": "Phát biểu"}));
        let loc = Loc::File { file: "x".into() };
        assert_eq!(
            j.render_cell("{{ n | tien_chu }}", &ctx, &loc, &Text::new("Lời dẫn", "The MC line")).unwrap(),
            "Ba triệu sáu trăm nghìn đồng"
        );
        assert_eq!(
            j.render_cell("{{ xs | join_vi }}", &ctx, &loc, &Text::new("Lời dẫn", "The MC line")).unwrap(),
            "A, B và C"
        );
        assert_eq!(
            j.render_cell("{{ t | lower_first }}", &ctx, &loc, &Text::new("Lời dẫn", "The MC line")).unwrap(),
            "phát biểu"
        );
    }
}
