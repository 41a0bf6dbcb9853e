//! Reading an input file, bounded: a regular file only (never a device or a pipe), within
//! its kind's size limit ([`crate::limits`]).

use std::path::Path;

use crate::diag::{Diagnostic, Loc, Text};

/// Reads an input file of at most `limit` bytes (a regular file: never a device or a pipe);
/// the error at `file` when it cannot be, and whether it was not found.
pub(crate) fn read_file(path: &Path, limit: u64, file: std::sync::Arc<str>) -> Result<Vec<u8>, (Diagnostic, bool)> {
    use crate::limits::{self, ReadError};
    let (code, vi, en, hint) = match limits::read_regular(path, limit) {
        Ok(bytes) => return Ok(bytes),
        Err(ReadError::NotFound) => {
            ("unreadable-file", "không tìm thấy tệp".to_string(), "file not found".to_string(), None)
        }
        Err(ReadError::NotAFile) => (
            "not-a-file",
            "đây không phải một tệp thường (là thư mục, thiết bị hoặc ống dẫn): không đọc".to_string(),
            "this is not a regular file (a folder, a device or a pipe): not read".to_string(),
            Some(Text::new("chọn đúng tệp bảng tính hoặc YAML", "choose the workbook or YAML file itself")),
        ),
        Err(ReadError::TooLarge(size)) => (
            "file-too-large",
            format!("tệp lớn {}, quá giới hạn {} của loại tệp này", limits::size(size), limits::size(limit)),
            format!("the file is {}, more than the {} limit for its kind", limits::size(size), limits::size(limit)),
            Some(Text::new(
                "kiểm tra đã chọn đúng tệp chưa (bảng tính của hội nghị 10.000 người chỉ khoảng 2 MB, kế hoạch 100 trang khoảng 300 KB; các giới hạn ở data/README.md)",
                "check that this is the right file (a 10,000-delegate workbook is about 2 MB, a 100-page plan about 300 KB; the limits are in data/README.md)",
            )),
        ),
        Err(ReadError::Io(e)) => {
            ("unreadable-file", format!("không đọc được tệp ({e})"), format!("cannot read the file ({e})"), None)
        }
    };
    let not_found = vi == "không tìm thấy tệp";
    let mut d = Diagnostic::error(code, Loc::File { file }, Text::new(vi, en));
    if let Some(h) = hint {
        d = d.with_hint(h);
    }
    Err((d, not_found))
}
