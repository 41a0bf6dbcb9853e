//! `thay-doi.xlsx`: what changed since the previous build, and the files to print again.

use rust_xlsxwriter::XlsxError;

use super::xlsx::{Col, cell_format, table_sheet, workbook};
use crate::model::Dataset;
use crate::pack::Changes;

/// `thay-doi.xlsx`: the changes, and the files to print again.
pub(crate) fn workbook_bytes(changes: &Changes, ds: &Dataset) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Thay đổi so với lần trước");
        let fmt = cell_format();
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Phần", width: 14.0 },
            Col { header: "Đối tượng", width: 36.0 },
            Col { header: "Thay đổi", width: 18.0 },
            Col { header: "Cũ", width: 32.0 },
            Col { header: "Mới", width: 32.0 },
        ];
        let first =
            table_sheet(ws, "Thay đổi", "THAY ĐỔI SO VỚI LẦN TẠO TRƯỚC", &cols, changes.changes.len().max(1), true)?;
        if changes.changes.is_empty() {
            let note = if changes.first {
                "Lần tạo đầu tiên: chưa có bản trước để so sánh."
            } else {
                "Không có thay đổi."
            };
            ws.write_string_with_format(first, 1, note, &fmt)?;
        }
        for (n, c) in changes.changes.iter().enumerate() {
            let r = first + n as u32;
            ws.write_number_with_format(r, 0, (n + 1) as f64, &fmt)?;
            for (col, text) in
                [c.area, c.who.as_str(), c.what.as_str(), c.old.as_str(), c.new.as_str()].iter().enumerate()
            {
                ws.write_string_with_format(r, (col + 1) as u16, *text, &fmt)?;
            }
        }
        // The files to print again, then those removed (their printed copies are void).
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Tệp", width: 60.0 },
            Col { header: "Việc cần làm", width: 30.0 },
        ];
        let files: Vec<(&String, &str)> = changes
            .reprint
            .iter()
            .map(|f| (f, "In lại"))
            .chain(changes.removed.iter().map(|f| (f, "Đã xóa: bỏ bản đã in")))
            .collect();
        let first = table_sheet(ws, "In lại", "CÁC TỆP CẦN IN LẠI", &cols, files.len().max(1), false)?;
        if files.is_empty() {
            ws.write_string_with_format(first, 1, "Không có tệp nào cần in lại.", &fmt)?;
        }
        for (n, (f, todo)) in files.iter().enumerate() {
            ws.write_number_with_format(first + n as u32, 0, (n + 1) as f64, &fmt)?;
            ws.write_string_with_format(first + n as u32, 1, f.as_str(), &fmt)?;
            ws.write_string_with_format(first + n as u32, 2, *todo, &fmt)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the change report's cells are within Excel's limits")
}
