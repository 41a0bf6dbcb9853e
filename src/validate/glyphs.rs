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
