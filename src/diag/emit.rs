//! Printing diagnostics for the clerk (one line each, with the fix underneath) or as JSON.

use std::io::{self, Write};

use super::diagnostic::{Diagnostic, Diagnostics, Lang, Severity};

fn label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Note, Lang::Vi) => "ghi chú",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Note, Lang::En) => "note",
    }
}

/// `lỗi: hoi-nghi.xlsx › Đại biểu!B13 (Họ và tên): thiếu Họ và tên` and, when there is
/// one, an indented `cách sửa: …` line.
pub fn render_line(d: &Diagnostic, lang: Lang) -> String {
    let mut s = format!("{}: ", label(d.severity, lang));
    if let Some(loc) = &d.loc {
        s.push_str(&format!("{loc}: "));
    }
    s.push_str(d.message.get(lang));
    if let Some(hint) = &d.hint {
        let fix = if lang == Lang::Vi { "cách sửa" } else { "fix" };
        s.push_str(&format!("\n    {fix}: {}", hint.get(lang)));
    }
    s
}

/// Prints every diagnostic (errors, then warnings, then notes, each group in input order)
/// and a count line.
pub(crate) fn emit(out: &mut dyn Write, diags: &Diagnostics, lang: Lang, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, diags)?;
        return writeln!(out);
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        for d in diags.iter().filter(|d| d.severity == severity) {
            writeln!(out, "{}", render_line(d, lang))?;
        }
    }
    let (e, w) = (diags.count(Severity::Error), diags.count(Severity::Warning));
    if e + w > 0 {
        match lang {
            Lang::Vi => writeln!(out, "=> {e} lỗi, {w} cảnh báo.")?,
            Lang::En => writeln!(out, "=> {e} error(s), {w} warning(s).")?,
        }
    }
    Ok(())
}
