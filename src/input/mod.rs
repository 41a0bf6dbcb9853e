//! Stage 1, load: a workbook or a YAML file → [`RawDataset`] (cells with their places).
//! Input files are only ever read.

pub mod excel;
pub mod raw;
pub mod schema;
mod source;
pub mod yaml;

use std::path::PathBuf;

pub use raw::Cell;
pub use raw::RawDataset;
pub use raw::Record;
pub use raw::{FreeRow, FreeTable};
pub use raw::{Parts, Value};
pub use schema::TableKind;
pub use source::Source;

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};

/// Reads the input. `None` (with errors in `diags`) when the file cannot be read at all.
pub fn load(source: &Source, diags: &mut Diagnostics) -> Option<RawDataset> {
    let file = source.display_name();
    let bytes: Vec<u8> = match source {
        Source::Embedded { bytes, .. } => bytes.to_vec(),
        Source::File(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let (vi, en) = if e.kind() == std::io::ErrorKind::NotFound {
                    ("không tìm thấy tệp".to_string(), "file not found".to_string())
                } else {
                    (format!("không đọc được tệp ({e})"), format!("cannot read the file ({e})"))
                };
                diags.push(Diagnostic::error(
                    "unreadable-file",
                    Loc::File { file: path.to_string_lossy().into() },
                    Text::new(vi, en),
                ));
                return None;
            }
        },
    };
    if source.extension().as_deref() == Some("csv") {
        diags.push(
            Diagnostic::error(
                "unsupported-file",
                Loc::File { file },
                Text::new(
                    "tệp .csv chỉ chứa một bảng, không đủ cho một hội nghị",
                    "a .csv file holds one table, not a whole conference",
                ),
            )
            .with_hint(Text::new(
                "mở bằng Excel và lưu thành .xlsx (hoặc bắt đầu từ `vanthu init`)",
                "open it in Excel and save it as .xlsx (or start from `vanthu init`)",
            )),
        );
        return None;
    }
    let parts = if source.is_workbook(&bytes) {
        match excel::Workbook::open(bytes, file.clone()) {
            Ok(mut wb) => wb.read_all(diags),
            Err(d) => {
                diags.push(d);
                return None;
            }
        }
    } else {
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                diags.push(Diagnostic::error(
                    "not-utf8",
                    Loc::File { file },
                    Text::new(
                        "tệp không phải văn bản UTF-8 (cũng không phải bảng tính)",
                        "the file is neither UTF-8 text nor a workbook",
                    ),
                ));
                return None;
            }
        };
        let base = source.dir().unwrap_or_else(|| PathBuf::from("."));
        yaml::read(text.trim_start_matches('\u{feff}'), file.clone(), &base, diags)?
    };
    Some(assemble(file, parts))
}

/// The dataset of what a reader found.
pub(crate) fn assemble(file: std::sync::Arc<str>, parts: Parts) -> RawDataset {
    let tables = parts.tables.into_iter().map(|t| (t.spec.kind, t)).collect();
    RawDataset { file, settings_loc: parts.settings_loc, settings: parts.settings, tables, free: parts.free }
}
