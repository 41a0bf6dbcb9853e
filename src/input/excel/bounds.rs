//! A workbook's bytes checked against [`crate::limits`] before calamine opens them
//! (`wbguard`, in `crates/`): calamine allocates what a file declares or spans — a
//! `uniqueCount`, the rectangle up to a stray far cell, repeated ODS cells, what a zip
//! unpacks to — with no limit of its own, so a small hostile file could take gigabytes or
//! abort the process. Each limit broken is an error at the file, sheet or cell, saying the
//! limit and what was found.

use std::sync::Arc;

use wbguard::{Exceeded, Limits};

use crate::diag::{Diagnostic, Loc, Text};
use crate::limits::{self, count, size};

/// The limits of [`crate::limits`], as the pre-scan takes them.
const LIMITS: Limits = Limits {
    max_entries: limits::ZIP_ENTRIES,
    max_entry_bytes: limits::ZIP_ENTRY_BYTES,
    max_total_bytes: limits::ZIP_TOTAL_BYTES,
    max_shared_strings: limits::SHARED_STRINGS,
    max_cells: limits::SHEET_CELLS,
    max_area: limits::SHEET_AREA,
    max_merges: limits::SHEET_MERGES,
    max_text_bytes: limits::WORKBOOK_TEXT_BYTES,
    max_total_area: limits::WORKBOOK_AREA,
    max_xml_token: limits::XML_TOKEN_BYTES,
};

/// `Ok` when the workbook stays within the limits (or is no workbook at all: calamine then
/// says so); else the error.
pub(super) fn check(bytes: &[u8], file: &Arc<str>) -> Result<(), Diagnostic> {
    let exceeded = match wbguard::check(bytes, &LIMITS) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    let at_file = || Loc::File { file: file.clone() };
    let at_sheet = |sheet: &str| Loc::Sheet { file: file.clone(), sheet: sheet.into() };
    let (loc, vi, en) = match exceeded {
        Exceeded::Entries { found, limit } => (
            at_file(),
            format!("bảng tính chứa {} tệp bên trong, quá giới hạn {}", count(found as u64), count(limit as u64)),
            format!(
                "the workbook holds {} files inside, more than the {} limit",
                count(found as u64),
                count(limit as u64)
            ),
        ),
        // Unpacking stops at the limit: how much more there was is not known.
        Exceeded::EntryBytes { entry, limit, .. } => (
            at_file(),
            format!(
                "phần “{entry}” của bảng tính khi giải nén lớn hơn {}: tệp hỏng, hoặc được làm ra để làm tràn bộ nhớ",
                size(limit)
            ),
            format!(
                "the part “{entry}” of the workbook unpacks to more than {}: damaged, or made to exhaust memory",
                size(limit)
            ),
        ),
        Exceeded::TotalBytes { limit, .. } => (
            at_file(),
            format!("bảng tính khi giải nén lớn hơn {}", size(limit)),
            format!("the workbook unpacks to more than {}", size(limit)),
        ),
        Exceeded::SharedStrings { declared_or_found, limit } => (
            at_file(),
            format!("bảng tính khai báo {} chuỗi chữ, quá giới hạn {}", count(declared_or_found), count(limit)),
            format!("the workbook declares {} texts, more than the {} limit", count(declared_or_found), count(limit)),
        ),
        Exceeded::Cells { sheet, found_at_least, limit } => (
            at_sheet(&sheet),
            format!("sheet có hơn {} ô có dữ liệu (ít nhất {})", count(limit), count(found_at_least)),
            format!("the sheet has more than {} filled cells (at least {})", count(limit), count(found_at_least)),
        ),
        Exceeded::Area { sheet, far_cell: (row, col), rows, cols, limit } => (
            Loc::Cell { file: file.clone(), sheet: sheet.as_str().into(), row: row + 1, col, header: None },
            format!(
                "ô này kéo vùng dữ liệu của sheet ra {} dòng × {} cột = {} ô, quá giới hạn {} ô",
                count(rows),
                count(cols),
                count(rows.saturating_mul(cols)),
                count(limit)
            ),
            format!(
                "this cell stretches the sheet's data over {} rows × {} columns = {} cells, more than the {} limit",
                count(rows),
                count(cols),
                count(rows.saturating_mul(cols)),
                count(limit)
            ),
        ),
        Exceeded::Merges { sheet, found_at_least, limit } => (
            at_sheet(&sheet),
            format!("sheet có hơn {} vùng gộp ô (ít nhất {})", count(limit), count(found_at_least)),
            format!("the sheet has more than {} merged regions (at least {})", count(limit), count(found_at_least)),
        ),
        Exceeded::MergeArea { sheet, first: (r, c), last: (r2, c2), limit } => (
            Loc::Cell { file: file.clone(), sheet: sheet.as_str().into(), row: r + 1, col: c, header: None },
            format!(
                "vùng gộp ô từ đây đến dòng {}, cột {} phủ hơn {} ô",
                count(u64::from(r2) + 1),
                count(u64::from(c2) + 1),
                count(limit)
            ),
            format!(
                "the merged region from here to row {}, column {} covers more than {} cells",
                count(u64::from(r2) + 1),
                count(u64::from(c2) + 1),
                count(limit)
            ),
        ),
        Exceeded::TextBytes { sheet, found_at_least, limit } => (
            at_sheet(&sheet),
            format!("chữ trong các ô khi đọc ra lớn hơn {} (ít nhất {})", size(limit), size(found_at_least)),
            format!("the cells' text, once read, is more than {} (at least {})", size(limit), size(found_at_least)),
        ),
        Exceeded::TotalArea { sheet, found_at_least, limit } => (
            at_sheet(&sheet),
            format!("các sheet cộng lại trải ra hơn {} ô (ít nhất {})", count(limit), count(found_at_least)),
            format!("the sheets together span more than {} cells (at least {})", count(limit), count(found_at_least)),
        ),
        Exceeded::Unbounded { part, reason } => (
            at_file(),
            format!("không đọc an toàn được phần “{part}” của bảng tính ({reason})"),
            format!("the part “{part}” of the workbook cannot be read safely ({reason})"),
        ),
    };
    Err(Diagnostic::error("workbook-too-large", loc, Text::new(vi, en)).with_hint(Text::new(
        "bảng tính hội nghị thật chỉ vài MB; nếu đây đúng là tệp của đơn vị: mở bằng Excel, bấm Ctrl+End để tìm ô cuối, xóa các dòng, cột thừa (hoặc chép dữ liệu sang bảng tính mới) rồi lưu lại (giới hạn ở data/README.md)",
        "a real conference workbook is a few MB; if this is your office's file: open it in Excel, press Ctrl+End to find the last cell, delete the stray rows and columns (or copy the data into a new workbook) and save (the limits are in data/README.md)",
    )))
}
