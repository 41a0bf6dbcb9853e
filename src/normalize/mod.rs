//! Stage 2, normalise: every text cell in NFC with its whitespace folded (one-line fields)
//! or its lines tidied (multi-line fields). Pure: values change, places do not.

use crate::input::schema::{self, TextKind};
use crate::input::{Cell, RawDataset, Value};
use crate::text::{clean_inline, clean_multiline};

fn clean(cell: &mut Cell, kind: TextKind) {
    if let Value::Text(s) = &cell.value {
        let cleaned = match kind {
            TextKind::Inline => clean_inline(s),
            TextKind::Multiline => clean_multiline(s),
        };
        cell.value = if cleaned.is_empty() { Value::Empty } else { Value::Text(cleaned) };
    }
}

/// Cleans every text cell of the dataset according to its column's kind.
pub fn normalize(mut data: RawDataset) -> RawDataset {
    for (key, cell) in data.settings.iter_mut() {
        let kind = schema::setting_by_key(key).map_or(TextKind::Inline, |s| s.text);
        clean(cell, kind);
    }
    for table in data.tables.values_mut() {
        for record in &mut table.records {
            for (key, cell) in record.cells.iter_mut() {
                let kind = table.spec.column(key).map_or(TextKind::Inline, |c| c.text);
                clean(cell, kind);
            }
        }
    }
    data
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
        let data = normalize(raw);
        assert_eq!(data.setting("conference.title"), &Value::Text("Hội nghị sơ kết".into()));
        let rec = &data.table(crate::input::TableKind::Delegates).records[0];
        assert_eq!(rec.value("name"), &Value::Text("Nguyễn Văn An".into()));
        assert_eq!(rec.value("note"), &Value::Empty);
    }
}
