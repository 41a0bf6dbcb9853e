//! `danh-sach-khen-thuong.xlsx`: every award, decision by decision in list order, with its
//! form or title, its decision and its Số sổ vàng, and the totals by kind as formulas.

use rust_xlsxwriter::{FormatAlign, Formula, XlsxError};

use crate::model::{AwardKind, Dataset};
use crate::plan::awards::AwardsPlan;
use crate::render::xlsx::{Col, cell_format, table_sheet, workbook};

pub(crate) fn award_register(ds: &Dataset, awards: &AwardsPlan) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách khen thưởng");
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Loại", width: 10.0 },
            Col { header: "Danh xưng", width: 10.0 },
            Col { header: "Tên tập thể, cá nhân", width: 34.0 },
            Col { header: "Chức vụ, đơn vị", width: 40.0 },
            Col { header: "Thành tích", width: 40.0 },
            Col { header: "Hình thức", width: 16.0 },
            Col { header: "Quyết định", width: 16.0 },
            Col { header: "Đơn vị đề nghị", width: 26.0 },
            Col { header: "Số sổ vàng", width: 12.0 },
        ];
        let rows: Vec<(usize, usize, usize)> = awards
            .decisions
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.order.iter().enumerate().map(move |(n, &a)| (i, n, a)))
            .collect();
        let title = format!("DANH SÁCH KHEN THƯỞNG - {}", ds.conference.title.to_uppercase());
        let first = table_sheet(ws, "Khen thưởng", &title, &cols, rows.len(), true)?;
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        for (r, &(i, n, a)) in rows.iter().enumerate() {
            let (award, plan) = (&ds.awards[a], &awards.decisions[i]);
            let golden_book = ds.decisions[plan.index]
                .golden_book_start
                .map(|s| (s + n as u64).to_string())
                .unwrap_or_else(|| "…".into());
            let row = first + r as u32;
            ws.write_number_with_format(row, 0, (r + 1) as f64, &centred)?;
            let texts = [
                award.kind.label(),
                award.honorific.map_or("", |h| h.label()),
                award.name.as_str(),
                award.unit.as_deref().unwrap_or(""),
                award.achievement.as_deref().unwrap_or(""),
                award.form.name(),
                plan.number.as_str(),
                award.proposer.as_deref().unwrap_or(""),
                golden_book.as_str(),
            ];
            for (c, t) in texts.iter().enumerate() {
                ws.write_string_with_format(row, (c + 1) as u16, *t, &fmt)?;
            }
        }
        // Totals per kind, as formulas the clerk can follow (with their values for readers
        // that do not compute).
        let last = first + rows.len() as u32;
        let bold = cell_format().set_bold();
        let range = format!("B{}:B{}", first + 1, last);
        let mut totals: Vec<(String, String, usize)> = AwardKind::ALL
            .into_iter()
            .map(|k| (k, rows.iter().filter(|(_, _, a)| ds.awards[*a].kind == k).count()))
            .filter(|(k, n)| *n > 0 || *k != AwardKind::Household)
            .map(|(k, n)| (format!("Tổng số {}", k.noun()), format!("=COUNTIF({range},\"{}\")", k.label()), n))
            .collect();
        totals.push(("Tổng cộng".into(), format!("=COUNTA({range})"), rows.len()));
        for (i, (label, formula, value)) in totals.iter().enumerate() {
            let r = last + 1 + i as u32;
            ws.merge_range(r, 0, r, 2, label, &bold)?;
            ws.write_formula_with_format(r, 3, Formula::new(formula).set_result(value.to_string()), &bold)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the award register's cells are within Excel's limits")
}
