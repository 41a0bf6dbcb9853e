//! Stage 1, load: a workbook or a YAML file → [`RawDataset`] (cells with their places).
//! Input files are only ever read.

pub mod excel;
pub mod raw;
pub mod schema;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use raw::{Cell, Origin, RawDataset, Record, Table, Value};
pub use schema::TableKind;

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};

/// What the readers hand back before the dataset is assembled.
pub struct Parts {
    pub settings_loc: Loc,
    pub settings: BTreeMap<&'static str, Cell>,
    pub tables: Vec<Table>,
}

/// Where the conference comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Bytes compiled into the program (the sample), with the name messages show.
    Embedded { name: &'static str, bytes: &'static [u8] },
}

impl Source {
    /// The name messages use (`hoi-nghi.xlsx`).
    pub fn display_name(&self) -> Arc<str> {
        match self {
            Source::File(p) => p.file_name().map_or_else(|| p.to_string_lossy().into(), |n| n.to_string_lossy().into()),
            Source::Embedded { name, .. } => {
                Path::new(name).file_name().map_or((*name).into(), |n| n.to_string_lossy().into())
            }
        }
    }

    /// The folder next to the input: overriding templates and images are looked up there.
    pub fn dir(&self) -> Option<PathBuf> {
        match self {
            Source::File(p) => Some(p.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)),
            Source::Embedded { .. } => None,
        }
    }

    /// The file's extension, lower case.
    fn extension(&self) -> Option<String> {
        match self {
            Source::File(p) => p.extension().map(|e| e.to_string_lossy().to_lowercase()),
            Source::Embedded { name, .. } => Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()),
        }
    }

    fn is_workbook(&self, bytes: &[u8]) -> bool {
        match self.extension().as_deref() {
            Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => true,
            Some("yaml" | "yml") => false,
            // Unknown extension: sniff zip (xlsx, ods) and OLE (xls) signatures.
            _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
        }
    }
}

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
    let tables = parts.tables.into_iter().map(|t| (t.spec.kind, t)).collect();
    Some(RawDataset { file, settings_loc: parts.settings_loc, settings: parts.settings, tables })
}
