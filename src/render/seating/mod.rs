//! Sơ đồ chỗ ngồi: the room's diagram with its index of names, the seat list (XLSX), and the
//! name plates (biển tên, `plates.rs`): the presidium and the first hall row, everyone at a
//! meeting table, the chair's table of a banquet.

mod canvas;
mod diagram;
mod plates;

pub(crate) use self::diagram::*;
pub use self::plates::{PlateView, PlatesView, plates};

use rust_xlsxwriter::{FormatAlign, XlsxError};

use super::context::{Ctx, Rendered};
use super::views;
use super::xlsx::{Col, cell_format, table_sheet, workbook};
use crate::diag::Diagnostics;
use crate::model::{Dataset, HallPart, Layout};
use crate::pack::DocKind;
use crate::plan::Plan;
use crate::plan::seating::SeatingPlan;
use crate::plan::seating::hall::{Hall, Row, SeatIx};
use crate::text::name_sort_key;

/// Print-safe light fills, one per group; every seat also shows its group's number, so the
/// diagram reads the same in greyscale.
const FILLS: [&str; 12] = [
    "#F4CCCC", "#FCE5CD", "#FFF2CC", "#D9EAD3", "#D0E0E3", "#CFE2F3", "#D9D2E9", "#EAD1DC", "#E6E6E6", "#C9DAF8",
    "#F9E79F", "#D5F5E3",
];

/// `Nguyễn Thị Thu Hà` → (`Hà`, `Nguyễn T.T.`).
pub(crate) fn short_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.to_string(), String::new()),
        [family, middle @ .., given] => {
            let initials: String = middle.iter().filter_map(|w| w.chars().next()).map(|c| format!("{c}.")).collect();
            let family = if initials.is_empty() { family.to_string() } else { format!("{family} {initials}") };
            (given.to_string(), family)
        }
    }
}

/// The usable width of an A3 landscape page with 12 mm margins, and the room for row labels.
const PAGE_W: f64 = 420.0 - 2.0 * 12.0;
const LABEL_W: f64 = 2.0 * 9.0;
/// On the stage, what stands beside the secretariat's table in its third (`SÂN KHẤU`).
const STAGE_WORDS_W: f64 = 30.0;
/// The height the stage takes above round tables drawn before it.
const STAGE_H: f64 = 40.0;

/// The sizes of the rows diagram, in mm: block columns aligned across hall rows, each as
/// wide as its widest block; seats as large as the page allows.
struct Geometry {
    /// Per block column: its seats.
    col_seats: Vec<u32>,
    seat_w: f64,
    seat_h: f64,
    aisle_w: f64,
}

impl Geometry {
    fn of(hall: &Hall) -> Geometry {
        let hall_rows: Vec<&Row> = hall.rows.iter().filter(|r| r.part == HallPart::Audience).collect();
        let n_cols = hall_rows.iter().map(|r| r.blocks.len()).max().unwrap_or(1);
        let mut col_seats = vec![0u32; n_cols];
        for r in &hall_rows {
            for (i, b) in r.blocks.iter().enumerate() {
                col_seats[i] = col_seats[i].max(b.numbers.len() as u32);
            }
        }
        let stage_seats = hall.rows.iter().filter(|r| r.presidium).map(|r| r.seats.len()).max().unwrap_or(0) as u32;
        let aisle_w = 9.0;
        let total_seats: u32 = col_seats.iter().sum::<u32>().max(stage_seats).max(1);
        let mut seat_w =
            ((PAGE_W - LABEL_W - aisle_w * (n_cols.saturating_sub(1)) as f64) / f64::from(total_seats)).min(24.0);
        // The secretariat's table shares the stage with the presidium, in the stage's left
        // third (after `SÂN KHẤU`), the lectern in the right one: both thirds as wide.
        if let Some(sec) = hall.rows.iter().find(|r| r.part == HallPart::Secretariat) {
            let n = f64::from(stage_seats) + 2.0 * sec.seats.len() as f64;
            seat_w = seat_w.min((PAGE_W - 6.0 - 2.0 * STAGE_WORDS_W) / n);
        }
        // Fill the page's height when the rows allow it (title, stage, block names and
        // legend take about 80 mm of A3's 273 mm). A second presidium row takes the height
        // of a hall row.
        let extra_stage_rows = hall.rows.iter().filter(|r| r.presidium).count().saturating_sub(1);
        let n_rows = (hall_rows.len() + extra_stage_rows) as f64;
        let seat_h = ((193.0 - 1.2 * n_rows) / (n_rows + 1.0)).min(seat_w * 0.9).clamp(9.0, 16.0);
        Geometry { col_seats, seat_w, seat_h, aisle_w }
    }
}

/// One seat as drawn: its number, who sits there (or the group it is kept for).
fn seat_view(ds: &Dataset, seating: &SeatingPlan, s: SeatIx) -> SeatView {
    let hall = &seating.hall;
    let seat = &hall.seats[s];
    let occupant = seating.occupant[s];
    let (given, family) = match occupant {
        Some(d) => {
            let (g, f) = short_name(&ds.delegates[d].name);
            (Some(g), Some(f))
        }
        None => (None, None),
    };
    let block = &hall.rows[seat.row].blocks[seat.block];
    SeatView {
        number: format!("{:02}", seat.number),
        code: seat.code.clone(),
        given,
        family,
        group: occupant.map(|d| ds.delegates[d].group + 1),
        reserved: if occupant.is_none() { block.reserved_for.first().map(|g| g + 1) } else { None },
        aisle: seat.aisle,
    }
}

/// The index of names beside the diagram: everyone seated, in Vietnamese name order.
fn name_index(ds: &Dataset, plan: &Plan, seating: &SeatingPlan) -> Vec<IndexEntry> {
    let hall = &seating.hall;
    let mut index: Vec<(Vec<u8>, IndexEntry)> = plan
        .protocol
        .iter()
        .filter_map(|&d| {
            let s = seating.seat_of[d]?;
            let del = &ds.delegates[d];
            Some((
                name_sort_key(&del.name),
                IndexEntry {
                    name: del.titled_name(),
                    detail: del.position_and_organization(),
                    seat: hall.seats[s].code.clone(),
                    place: hall.describe(s),
                },
            ))
        })
        .collect();
    index.sort_by(|a, b| a.0.cmp(&b.0));
    index.into_iter().map(|(_, e)| e).collect()
}

pub(crate) fn view(ds: &Dataset, plan: &Plan, seating: &SeatingPlan, font: Vec<&'static str>) -> HallView {
    let hall = &seating.hall;
    let mut counts = vec![0usize; ds.groups.len()];
    for (_, d) in seating.occupied() {
        counts[ds.delegates[d].group] += 1;
    }
    let Geometry { col_seats, mut seat_w, mut seat_h, aisle_w } = Geometry::of(hall);
    let seat_view = |s: SeatIx| seat_view(ds, seating, s);
    let row_view = |row: &Row| RowView {
        code: row.code.clone(),
        blocks: row
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| BlockView {
                name: b.name.clone(),
                column: i,
                seats: b.numbers.clone().map(|n| seat_view(row.seats[(n - 1) as usize])).collect(),
            })
            .collect(),
    };
    let tables_before_stage = hall.rows.iter().any(|r| r.part == HallPart::Table);
    let (layout, canvas) = match hall.layout {
        Layout::Rows if tables_before_stage => {
            let c = canvas::round_tables(hall, &seat_view, canvas::ROOM_H - STAGE_H);
            // The stage's seats as large as the tables' (and no larger than the page allows).
            (seat_w, seat_h) = (seat_w.min(c.seat_w * c.scale + 0.8).max(12.0), (c.seat_h * c.scale).max(9.0));
            ("rows", Some(c))
        }
        Layout::Rows => ("rows", None),
        Layout::Table => ("table", Some(canvas::meeting_table(hall, &seat_view))),
        Layout::Round => ("round", Some(canvas::round_tables(hall, &seat_view, canvas::ROOM_H))),
    };
    let secretariat = match hall.layout {
        Layout::Rows => hall.rows.iter().find(|r| r.part == HallPart::Secretariat).map(row_view),
        _ => None,
    };
    let stage_rows: Vec<RowView> = hall.rows.iter().filter(|r| r.presidium).map(row_view).collect();
    let stage = stage_rows.first().cloned();
    let rows = hall.rows.iter().filter(|r| r.part == HallPart::Audience).map(row_view).collect();
    let c = &ds.conference;
    HallView {
        layout,
        canvas,
        secretariat,
        font,
        title: "SƠ ĐỒ BỐ TRÍ CHỖ NGỒI".into(),
        event: c.title.clone(),
        when_where: format!("{}, {}, {}", c.start_time.long_vi(), views::date_with_weekday(c.date), c.venue),
        seat_w,
        seat_h,
        aisle_w,
        columns: col_seats.iter().map(|n| f64::from(*n) * seat_w).collect(),
        stage,
        stage_rows,
        rows,
        groups: ds
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| GroupView {
                number: i + 1,
                name: g.name.clone(),
                fill: FILLS[i % FILLS.len()],
                count: counts[i],
            })
            .collect(),
        index: name_index(ds, plan, seating),
    }
}

/// Renders the diagram, the plates and the seat list.
pub(crate) fn render(ds: &Dataset, plan: &Plan, ctx: &Ctx<'_>) -> Rendered {
    let Some(seating) = &plan.seating else {
        return Ok((Vec::new(), Diagnostics::new()));
    };
    let date = ds.conference.date;
    let (diagram, mut warnings) = ctx.pdf(
        "so-do-cho-ngoi.typ",
        &view(ds, plan, seating, ctx.font.clone()),
        "so-do-cho-ngoi.pdf",
        DocKind::Seating,
        date,
        |_| None,
    )?;
    let (plates, w) = ctx.pdf(
        "bien-ten.typ",
        &plates(ds, seating, ctx.font.clone()),
        "bien-ten.pdf",
        DocKind::Seating,
        date,
        |_| None,
    )?;
    warnings.extend(w);
    let list = ctx.xlsx("danh-sach-cho-ngoi.xlsx", DocKind::Seating, seat_list(ds, seating));
    Ok((vec![diagram, plates, list], super::context::dedup(warnings)))
}

/// `danh-sach-cho-ngoi.xlsx`: one row per seated delegate, by seat, and again by name.
pub(crate) fn seat_list(ds: &Dataset, seating: &SeatingPlan) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách chỗ ngồi");
        let hall = &seating.hall;
        let by_seat: Vec<(SeatIx, usize)> = seating.occupied().collect();
        let mut by_name = by_seat.clone();
        by_name.sort_by_cached_key(|(s, d)| (name_sort_key(&ds.delegates[*d].name), *s));
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Khu vực", width: 16.0 },
            Col { header: "Hàng", width: 8.0 },
            Col { header: "Ghế", width: 9.0 },
            Col { header: "Họ và tên", width: 24.0 },
            Col { header: "Chức vụ", width: 34.0 },
            Col { header: "Cơ quan, đơn vị", width: 34.0 },
            Col { header: "Nhóm", width: 20.0 },
        ];
        let title = format!("DANH SÁCH CHỖ NGỒI - {}", ds.conference.title.to_uppercase());
        for (name, rows) in [("Theo ghế", &by_seat), ("Theo tên", &by_name)] {
            let ws = wb.add_worksheet();
            let first = table_sheet(ws, name, &title, &cols, rows.len(), true)?;
            let fmt = cell_format();
            let centred = cell_format().set_align(FormatAlign::Center);
            for (n, (s, d)) in rows.iter().enumerate() {
                let (seat, del) = (&hall.seats[*s], &ds.delegates[*d]);
                let row = &hall.rows[seat.row];
                let r = first + n as u32;
                ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
                let texts = [
                    row.blocks[seat.block].name.as_str(),
                    row.code.as_str(),
                    seat.code.as_str(),
                    &del.titled_name(),
                    del.position.as_deref().unwrap_or(""),
                    del.organization.as_str(),
                    ds.groups[del.group].name.as_str(),
                ];
                for (c, t) in texts.iter().enumerate() {
                    ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
                }
            }
        }
        wb.save_to_buffer()
    };
    build().expect("the seat list's cells are within Excel's limits")
}
