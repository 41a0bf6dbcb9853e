//! Stage 1, load: a workbook or a YAML file → [`RawDataset`] (cells with their places).
//! Input files are only ever read.

pub mod documents;
pub mod excel;
mod files;
pub mod raw;
pub mod schema;
mod schema_votes;
mod source;
mod spec;
pub mod yaml;

use std::path::{Path, PathBuf};

pub use raw::Cell;
pub use raw::RawDataset;
pub use raw::Record;
pub use raw::{FreeRow, FreeTable};
pub use raw::{Parts, Value};
pub use schema::TableKind;
pub use source::Source;

use files::read_file;

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};

/// Reads the input. `None` (with errors in `diags`) when the file cannot be read at all.
pub fn load(source: &Source, diags: &mut Diagnostics) -> Option<RawDataset> {
    let file = source.display_name();
    let bytes: Vec<u8> = match source {
        Source::Embedded { bytes, .. } => bytes.to_vec(),
        Source::File(path) => {
            let limit = if source.extension().is_some_and(|e| source::YAML_EXTENSIONS.contains(&e.as_str())) {
                crate::limits::YAML_BYTES
            } else {
                crate::limits::WORKBOOK_BYTES
            };
            match read_file(path, limit, path.to_string_lossy().into()) {
                Ok(b) => b,
                Err((d, not_found)) => {
                    diags.push(if not_found { d.with_hint(workbooks_beside(path)) } else { d });
                    return None;
                }
            }
        }
    };
    if let Source::File(path) = source
        && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("~$"))
    {
        let real = path.file_name().map(|n| n.to_string_lossy()[2..].to_string()).unwrap_or_default();
        diags.push(
            Diagnostic::error(
                "lock-file",
                Loc::File { file },
                Text::new(
                    "đây là tệp khóa tạm Excel tạo ra khi đang mở một bảng tính (tên bắt đầu bằng ~$), không phải bảng tính",
                    "this is the lock file Excel makes while a workbook is open (its name starts with ~$), not a workbook",
                ),
            )
            .with_hint(Text::new(
                format!("chọn chính bảng tính, tên không có ~$ (ví dụ …{real})"),
                format!("choose the workbook itself, without ~$ (e.g. …{real})"),
            )),
        );
        return None;
    }
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
    let raw = assemble(file, parts);
    within_limits(&raw, diags).then_some(raw)
}

/// The most rows a list may have ([`crate::limits::LIST_ROWS`]).
pub const MAX_ROWS: usize = crate::limits::LIST_ROWS;

/// Whether every list is within [`MAX_ROWS`]; an error at each one that is not.
fn within_limits(raw: &RawDataset, diags: &mut Diagnostics) -> bool {
    let lists = raw.tables.values().filter_map(|t| Some((t.loc.clone()?, t.records.len())));
    let free = raw.free.iter().map(|t| (t.loc.clone(), t.rows.len()));
    let mut fits = true;
    for (loc, rows) in lists.chain(free).filter(|(_, n)| *n > MAX_ROWS) {
        fits = false;
        let (n, max) = (crate::text::thousands(rows as u64), crate::text::thousands(MAX_ROWS as u64));
        diags.push(
            Diagnostic::error(
                "too-large",
                loc,
                Text::new(
                    format!("danh sách có {n} dòng, quá {max} dòng mà vanthu xử lý được trên một máy"),
                    format!("the list has {n} rows, more than the {max} vanthu can handle on one machine"),
                ),
            )
            .with_hint(Text::new(
                "tách thành nhiều hội nghị (mỗi tệp một đợt), hoặc xóa các dòng thừa ở cuối sheet",
                "split it into several conferences (one file per session), or delete stray rows at the end of the sheet",
            )),
        );
    }
    fits
}

/// The dataset of what a reader found.
pub(crate) fn assemble(file: std::sync::Arc<str>, parts: Parts) -> RawDataset {
    let tables = parts.tables.into_iter().map(|t| (t.spec.kind, t)).collect();
    RawDataset { file, settings_loc: parts.settings_loc, settings: parts.settings, tables, free: parts.free }
}

/// For a file not found: the workbooks that are in its folder, or that there are none.
fn workbooks_beside(path: &Path) -> Text {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let names = workbooks_in(dir);
    let shown = dir.display();
    if names.is_empty() {
        Text::new(
            format!("thư mục {shown} không có bảng tính nào; kiểm tra lại thư mục, hoặc tạo mới bằng `vanthu init`"),
            format!("the folder {shown} has no workbook; check the folder, or start one with `vanthu init`"),
        )
    } else {
        let list = names.join(", ");
        Text::new(
            format!("thư mục {shown} có: {list} — kiểm tra tên tệp"),
            format!("the folder {shown} has: {list} — check the file name"),
        )
    }
}

/// The workbook and YAML files of a folder, sorted (Excel's `~$` lock files and hidden
/// files passed over).
pub fn workbooks_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| !n.starts_with("~$") && !n.starts_with('.'))
                .filter(|n| {
                    let ext = n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
                    source::WORKBOOK_EXTENSIONS.contains(&ext.as_str())
                        || source::YAML_EXTENSIONS.contains(&ext.as_str())
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
