//! Every character the documents will print must be in the font (Typst would leave a blank).

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::Value;
use crate::normalize::NormalizedDataset;

/// Checks that every character of every text cell is in the font, so nothing is dropped
/// silently from a document. `covers` answers for one character.
pub(crate) fn check_glyphs(raw: &NormalizedDataset, covers: &dyn Fn(char) -> bool, diags: &mut Diagnostics) {
    let mut report = |value: &Value, loc: &Loc| {
        let Value::Text(s) = value else { return };
        let missing: Vec<char> = s.chars().filter(|c| !c.is_control() && !covers(*c)).collect();
        if missing.is_empty() {
            return;
        }
        let mut shown: Vec<String> = missing.iter().map(|c| format!("“{c}” (U+{:04X})", *c as u32)).collect();
        shown.dedup();
        let list = shown.join(", ");
        diags.push(
            Diagnostic::error(
                "missing-glyph",
                loc.clone(),
                Text::new(
                    format!("phông chữ không có ký tự {list}: ký tự này sẽ không in ra được"),
                    format!("the font has no glyph for {list}: it would not print"),
                ),
            )
            .with_hint(Text::new(
                "xóa hoặc thay ký tự đó (biểu tượng cảm xúc, chữ Hán, ký tự lạ dán từ web)",
                "remove or replace that character (emoji, CJK, stray characters pasted from the web)",
            )),
        );
    };
    for cell in raw.settings.values() {
        report(&cell.value, &cell.loc);
    }
    for table in raw.tables.values() {
        for rec in &table.records {
            // `★★★` in Hạng sao is read as 3 and never printed as typed.
            for (_, cell) in rec.cells.iter().filter(|(k, _)| **k != "stars") {
                report(&cell.value, &cell.loc);
            }
        }
    }
}

/// The same check for a text document, at the line and column of each missing character.
pub(crate) fn check_text_glyphs(
    file: &crate::input::documents::TextFile,
    covers: &dyn Fn(char) -> bool,
    diags: &mut Diagnostics,
) {
    for (i, line) in file.text.split('\n').enumerate() {
        if let Some((col, c)) = line.chars().enumerate().find(|(_, c)| !c.is_control() && !covers(*c)) {
            diags.push(
                Diagnostic::error(
                    "missing-glyph",
                    Loc::Text { file: file.name.clone(), line: i as u32 + 1, col: col as u32 + 1 },
                    Text::new(
                        format!("phông chữ không có ký tự “{c}” (U+{:04X}): ký tự này sẽ không in ra được", c as u32),
                        format!("the font has no glyph for “{c}” (U+{:04X}): it would not print", c as u32),
                    ),
                )
                .with_hint(Text::new(
                    "xóa hoặc thay ký tự đó (biểu tượng cảm xúc, chữ Hán, ký tự lạ dán từ web)",
                    "remove or replace that character (emoji, CJK, stray characters pasted from the web)",
                )),
            );
        }
    }
}
