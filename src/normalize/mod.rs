//! Stage 2, normalise: text typed in an old font encoding (TCVN3, VNI) or garbled UTF-8
//! turned back into Unicode with a warning naming the cell, then every text cell in NFC
//! with its whitespace folded (one-line fields) or its lines tidied (multi-line fields).
//! Values change, places do not.

use crate::diag::{Diagnostic, Diagnostics, Text, quote};
use crate::input::schema::{self, TextKind};
use crate::input::{Cell, RawDataset, Value};
use crate::text::legacy::{self, Legacy};
use crate::text::{clean_inline, clean_multiline};

fn clean(cell: &mut Cell, kind: TextKind, diags: &mut Diagnostics) {
    if let Value::Text(s) = &mut cell.value
        && s.contains(crate::text::is_placeholder)
    {
        s.retain(|c| !crate::text::is_placeholder(c));
    }
    if let Value::Text(s) = &cell.value
        && let Some((encoding, fixed)) = legacy::repair(s, cell.font)
    {
        let (old, new) = (clean_inline(s), clean_inline(&fixed));
        let (vi, en) = match encoding {
            Legacy::Tcvn3 { .. } | Legacy::Vni => (
                format!(
                    "chữ gõ bằng bảng mã cũ {}, đã chuyển sang Unicode: {} → {}",
                    encoding.name(),
                    quote(&old),
                    quote(&new)
                ),
                format!(
                    "text typed in the old {} encoding, converted to Unicode: {} → {}",
                    encoding.name(),
                    quote(&old),
                    quote(&new)
                ),
            ),
            Legacy::Mojibake => (
                format!("chữ bị lỗi phông (UTF-8 đọc nhầm), đã sửa: {} → {}", quote(&old), quote(&new)),
                format!("garbled text (UTF-8 read as Windows-1252), repaired: {} → {}", quote(&old), quote(&new)),
            ),
        };
        diags.push(Diagnostic::warning("legacy-encoding", cell.loc.clone(), Text::new(vi, en)).with_hint(Text::new(
            "kiểm tra lại chữ; để khỏi nhắc lại, chuyển mã ô này sang Unicode (Unikey: Công cụ chuyển mã) và dùng phông Times New Roman",
            "check the text; to silence this, convert the cell to Unicode (Unikey's converter) and use Times New Roman",
        )));
        cell.value = Value::Text(fixed);
    }
    if let Value::Text(s) = &cell.value {
        let cleaned = match kind {
            TextKind::Inline | TextKind::Items => clean_inline(s),
            TextKind::Multiline => clean_multiline(s),
        };
        let chars = cleaned.chars().count();
        if kind != TextKind::Multiline && chars > MAX_CELL_CHARS {
            diags.push(
                Diagnostic::error(
                    "cell-too-long",
                    cell.loc.clone(),
                    Text::new(
                        format!(
                            "ô dài {} ký tự, quá {} ký tự của một ô một dòng",
                            crate::text::thousands(chars as u64),
                            crate::text::thousands(MAX_CELL_CHARS as u64)
                        ),
                        format!(
                            "the cell is {chars} characters long, more than the {MAX_CELL_CHARS} of a one-line cell"
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "kiểm tra ô này (có thể đã dán nhầm cả một văn bản vào)",
                    "check this cell (perhaps a whole document was pasted into it)",
                )),
            );
        }
        cell.value = if cleaned.is_empty() { Value::Empty } else { Value::Text(cleaned) };
    }
}

/// The longest one-line cell ([`crate::limits::CELL_CHARS`]).
const MAX_CELL_CHARS: usize = crate::limits::CELL_CHARS;

/// A dataset whose text cells are clean: the only input validation accepts.
#[derive(Debug, Clone)]
pub struct NormalizedDataset(RawDataset);

impl std::ops::Deref for NormalizedDataset {
    type Target = RawDataset;

    fn deref(&self) -> &RawDataset {
        &self.0
    }
}

/// Cleans every text cell of the dataset according to its column's kind.
pub fn normalize(mut data: RawDataset, diags: &mut Diagnostics) -> NormalizedDataset {
    for (key, cell) in data.settings.iter_mut() {
        let kind = schema::setting_by_key(key).map_or(TextKind::Inline, |s| s.text);
        clean(cell, kind, diags);
    }
    for table in data.tables.values_mut() {
        for record in &mut table.records {
            for (key, cell) in record.cells.iter_mut() {
                let kind = table.spec.column(key).map_or(TextKind::Inline, |c| c.text);
                clean(cell, kind, diags);
            }
        }
    }
    for table in &mut data.free {
        table.name = clean_inline(&table.name);
        for h in &mut table.headers {
            *h = clean_inline(h);
        }
        for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut().flatten()) {
            clean(cell, TextKind::Inline, diags);
        }
        table.rows.retain(|r| r.cells.iter().flatten().any(|c| !c.value.is_empty()));
    }
    NormalizedDataset(data)
}

/// A text document cleaned line by line, its lines and their indentation kept (the front
/// matter is YAML): NFC, invisible characters and Word's placeholders removed, Windows line ends and a byte-order
/// mark dropped, non-breaking spaces and tabs made spaces, trailing spaces trimmed.
pub fn text_file(mut file: crate::input::documents::TextFile) -> crate::input::documents::TextFile {
    use unicode_normalization::UnicodeNormalization;
    let text = file.text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n");
    file.text = text
        .split('\n')
        .map(|line| {
            let line: String = line
                .nfc()
                .filter(|c| !crate::text::is_invisible(*c) && !crate::text::is_placeholder(*c))
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    file
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::input::{Source, load};

    #[test]
    fn yaml_text_is_cleaned() {
        let yaml = "conference:\n  title: \"Hội  nghị\u{a0}sơ kết \"\ndelegates:\n  - name: \"Nguye\u{302}\u{303}n  Văn\tAn\"\n    note: \"\"\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.yaml");
        std::fs::write(&path, yaml).unwrap();
        let mut diags = Diagnostics::new();
        let raw = load(&Source::File(path), &mut diags).unwrap();
        let data = normalize(raw, &mut diags);
        assert!(diags.is_empty());
        assert_eq!(data.setting("conference.title"), &Value::Text("Hội nghị sơ kết".into()));
        let rec = &data.table(crate::input::TableKind::Delegates).records[0];
        assert_eq!(rec.value("name"), &Value::Text("Nguyễn Văn An".into()));
        assert_eq!(rec.value("note"), &Value::Empty);
    }
}
