//! A conference held in person and online: the register of its bridge points
//! (`danh-sach-diem-cau.xlsx`: the points, then who attends at each) and the one-page list
//! for the technical team (`diem-cau.pdf`). Made with the invitations, when the data has a
//! `Điểm cầu` sheet.

use rust_xlsxwriter::{FormatAlign, XlsxError};
use serde::Serialize;

use super::context::Ctx;
use super::views::{self, HeaderView};
use super::xlsx::{Col, cell_format, table_sheet, workbook};
use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::pack::{Artefact, DocKind};
use crate::plan::Plan;

#[derive(Debug, Clone, Serialize)]
struct BridgeRow {
    number: usize,
    name: String,
    place: String,
    chair: String,
    contact: String,
    /// As the sheet says (empty when it does not).
    expected: String,
    /// The delegates of the list who attend there.
    listed: usize,
}

/// The list's data (see `templates/diem-cau.typ`).
#[derive(Debug, Clone, Serialize)]
struct BridgesView {
    font: Vec<&'static str>,
    title: &'static str,
    event: String,
    when: String,
    header: HeaderView,
    rows: Vec<BridgeRow>,
    total_expected: String,
    total_listed: usize,
}

/// How many of the list attend at bridge point `b`.
pub(crate) fn listed(ds: &Dataset, b: usize) -> usize {
    ds.delegates.iter().filter(|d| d.bridge == Some(b) && d.attends()).count()
}

fn rows(ds: &Dataset) -> Vec<BridgeRow> {
    ds.bridges
        .iter()
        .enumerate()
        .map(|(i, b)| BridgeRow {
            number: i + 1,
            name: b.name.clone(),
            place: b.place.clone().unwrap_or_default(),
            chair: b.chair.clone().unwrap_or_default(),
            contact: match (&b.contact, &b.phone) {
                (Some(c), Some(p)) => format!("{c}, {p}"),
                (Some(c), None) => c.clone(),
                (None, Some(p)) => p.clone(),
                (None, None) => String::new(),
            },
            expected: b.expected.map(|n| n.to_string()).unwrap_or_default(),
            listed: listed(ds, i),
        })
        .collect()
}

/// The register and the list, when there are bridge points.
pub(crate) fn render(ds: &Dataset, plan: &Plan, ctx: &Ctx<'_>) -> Result<(Vec<Artefact>, Diagnostics), Diagnostics> {
    if ds.bridges.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let rows = rows(ds);
    let c = &ds.conference;
    let view = BridgesView {
        font: ctx.font.clone(),
        title: "Danh sách điểm cầu",
        event: c.title.trim_end_matches('.').to_string(),
        when: format!(
            "{}, {} — điểm cầu trung tâm: {}",
            c.start_time.long_vi(),
            views::date_with_weekday(c.date),
            c.venue
        ),
        // A working list for the technical team: no number, no date of issue.
        header: views::HeaderView { show_number: false, show_date: false, ..views::header(ds, &ds.invitation) },
        total_expected: {
            let sum: u32 = ds.bridges.iter().filter_map(|b| b.expected).sum();
            if sum == 0 { String::new() } else { sum.to_string() }
        },
        total_listed: rows.iter().map(|r| r.listed).sum(),
        rows,
    };
    let date = ds.invitation.date.unwrap_or(c.date);
    let (pdf, warnings) = ctx.pdf("diem-cau.typ", &view, "diem-cau.pdf", DocKind::Invitations, date, |_| None)?;
    let xlsx = ctx.xlsx("danh-sach-diem-cau.xlsx", DocKind::Invitations, register(ds, plan, &view.rows));
    Ok((vec![pdf, xlsx], warnings))
}

/// `danh-sach-diem-cau.xlsx`: the bridge points, then who of the list attends at each.
fn register(ds: &Dataset, plan: &Plan, rows: &[BridgeRow]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách điểm cầu");
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Điểm cầu", width: 30.0 },
            Col { header: "Địa điểm", width: 36.0 },
            Col { header: "Chủ trì", width: 30.0 },
            Col { header: "Liên hệ kỹ thuật", width: 30.0 },
            Col { header: "Số đại biểu dự kiến", width: 14.0 },
            Col { header: "Số người trong danh sách", width: 14.0 },
        ];
        let title = format!("DANH SÁCH ĐIỂM CẦU TRỰC TUYẾN - {}", ds.conference.title.to_uppercase());
        let first = table_sheet(ws, "Điểm cầu", &title, &cols, rows.len(), true)?;
        for (n, r) in rows.iter().enumerate() {
            let row = first + n as u32;
            ws.write_number_with_format(row, 0, r.number as f64, &centred)?;
            for (c, t) in [&r.name, &r.place, &r.chair, &r.contact].into_iter().enumerate() {
                ws.write_string_with_format(row, (c + 1) as u16, t, &fmt)?;
            }
            match r.expected.parse::<f64>() {
                Ok(x) => ws.write_number_with_format(row, 5, x, &centred)?,
                Err(_) => ws.write_string_with_format(row, 5, "", &centred)?,
            };
            ws.write_number_with_format(row, 6, r.listed as f64, &centred)?;
        }
        // Who attends where, in protocol order.
        let people: Vec<usize> = plan
            .protocol
            .iter()
            .copied()
            .filter(|&d| ds.delegates[d].bridge.is_some() && ds.delegates[d].attends())
            .collect();
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Điểm cầu", width: 30.0 },
            Col { header: "Họ và tên", width: 26.0 },
            Col { header: "Chức vụ, đơn vị", width: 50.0 },
            Col { header: "Điện thoại", width: 14.0 },
        ];
        let first =
            table_sheet(ws, "Đại biểu tại điểm cầu", "ĐẠI BIỂU DỰ TẠI CÁC ĐIỂM CẦU", &cols, people.len(), true)?;
        for (n, &d) in people.iter().enumerate() {
            let del = &ds.delegates[d];
            let row = first + n as u32;
            ws.write_number_with_format(row, 0, (n + 1) as f64, &centred)?;
            let bridge = del.bridge.map(|b| ds.bridges[b].name.as_str()).unwrap_or("");
            let texts = [
                bridge.to_string(),
                del.titled_name(),
                del.position_and_organization(),
                del.phone.clone().unwrap_or_default(),
            ];
            for (c, t) in texts.iter().enumerate() {
                ws.write_string_with_format(row, (c + 1) as u16, t, &fmt)?;
            }
        }
        wb.save_to_buffer()
    };
    build().expect("the register's cells are within Excel's limits")
}
