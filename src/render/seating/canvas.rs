//! Rooms that are not only a stage and rows, drawn: a meeting table (the chair's table at
//! the top, the arms down both sides, the foot closing a hollow square, the secretariat's
//! table beside the head, the rows of chairs behind it) and round tables (the chair's
//! first, the others in rows), every seat a box where it is.

use super::diagram::{CanvasView, PlacedSeat, SeatView, ShapeView};
use crate::model::{HallPart, Layout};
use crate::plan::seating::hall::{Hall, Row, SeatIx};

/// A seat's box and the gap between boxes (mm).
const SEAT_W: f64 = 22.0;
const SEAT_H: f64 = 12.5;
const GAP: f64 = 1.5;
/// The depth of a meeting table's side.
const TABLE: f64 = 10.0;
/// The room for the drawing on an A3 landscape page (mm).
const ROOM_W: f64 = 396.0;
pub(super) const ROOM_H: f64 = 200.0;
/// Between a table and what stands beside or behind it; a row's label; an aisle.
const APART: f64 = 12.0;
const LABEL_W: f64 = 10.0;
const LABEL_H: f64 = 6.0;
const AISLE: f64 = 9.0;

/// A drawing being made, in millimetres from any origin: `finish` moves it to the top left
/// of its canvas and fits it to the page.
struct Drawing<'a> {
    seat: &'a dyn Fn(SeatIx) -> SeatView,
    seat_w: f64,
    seat_h: f64,
    tables: Vec<ShapeView>,
    seats: Vec<PlacedSeat>,
}

impl<'a> Drawing<'a> {
    fn new(seat: &'a dyn Fn(SeatIx) -> SeatView, seat_w: f64, seat_h: f64) -> Drawing<'a> {
        Drawing { seat, seat_w, seat_h, tables: Vec::new(), seats: Vec::new() }
    }

    fn seat(&mut self, s: SeatIx, x: f64, y: f64) {
        self.seats.push(PlacedSeat { x, y, seat: (self.seat)(s) });
    }

    /// Seats side by side from `x`, left to right.
    fn seat_row(&mut self, seats: &[SeatIx], x: f64, y: f64) {
        for (i, &s) in seats.iter().enumerate() {
            self.seat(s, x + i as f64 * (self.seat_w + GAP), y);
        }
    }

    fn shape(&mut self, shape: &'static str, (x, y, w, h): (f64, f64, f64, f64), label: String) {
        self.tables.push(ShapeView { shape, x, y, w, h, label });
    }

    /// The width of `n` seats side by side.
    fn width_of(&self, n: usize) -> f64 {
        if n > 0 { n as f64 * (self.seat_w + GAP) - GAP } else { 0.0 }
    }

    /// Moves the drawing to the canvas's top left; the scale fits it to `room_h` of height.
    fn finish(mut self, room_h: f64) -> CanvasView {
        let boxes = self
            .tables
            .iter()
            .map(|t| (t.x, t.y, t.x + t.w, t.y + t.h))
            .chain(self.seats.iter().map(|p| (p.x, p.y, p.x + self.seat_w, p.y + self.seat_h)));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (a, b, c, d) in boxes {
            (x0, y0, x1, y1) = (x0.min(a), y0.min(b), x1.max(c), y1.max(d));
        }
        if x0 > x1 {
            (x0, y0, x1, y1) = (0.0, 0.0, 1.0, 1.0);
        }
        for t in &mut self.tables {
            (t.x, t.y) = (t.x - x0, t.y - y0);
        }
        for p in &mut self.seats {
            (p.x, p.y) = (p.x - x0, p.y - y0);
        }
        let (width, height) = (x1 - x0, y1 - y0);
        let scale = (ROOM_W / width).min(room_h / height).min(1.5);
        CanvasView {
            width,
            height,
            scale,
            seat_w: self.seat_w,
            seat_h: self.seat_h,
            tables: self.tables,
            seats: self.seats,
        }
    }
}

/// The row of `part`, if the room has one.
fn part(hall: &Hall, part: HallPart) -> Option<&Row> {
    hall.rows.iter().find(|r| r.part == part)
}

/// A table's name as the diagram prints it.
fn label(row: &Row) -> String {
    row.blocks.first().map(|b| b.name.to_uppercase()).unwrap_or_default()
}

/// A meeting table seen from the room: the chair's table at the top, its seats above it
/// numbered from the left; the arms below its ends, their seats outside them numbered from
/// the head; the foot at the bottom, its seats below it; the secretariat's table left of
/// the head; the rows of chairs behind, facing the head.
pub(super) fn meeting_table(hall: &Hall, seat: &dyn Fn(SeatIx) -> SeatView) -> CanvasView {
    let mut d = Drawing::new(seat, SEAT_W, SEAT_H);
    let n = |p: HallPart| part(hall, p).map_or(0, |r| r.seats.len());
    let (head_w, foot_w) = (d.width_of(n(HallPart::Head)), d.width_of(n(HallPart::Foot)));
    let inner = (head_w - 2.0 * TABLE).max(foot_w - 2.0 * TABLE).max(40.0);
    let table_w = 2.0 * TABLE + inner;
    let left = SEAT_W + 2.0 * GAP;
    let head_y = SEAT_H + GAP;
    let arm_top = head_y + TABLE;
    let arm_len = n(HallPart::LeftArm).max(n(HallPart::RightArm)) as f64 * (SEAT_H + GAP) + GAP;
    let foot_y = arm_top + arm_len;
    let arm_seat = |i: usize| arm_top + GAP + i as f64 * (SEAT_H + GAP);
    if let Some(r) = part(hall, HallPart::Head) {
        d.seat_row(&r.seats, left + (table_w - head_w) / 2.0, 0.0);
        d.shape("rect", (left, head_y, table_w, TABLE), label(r));
    }
    if let Some(r) = part(hall, HallPart::LeftArm) {
        for (i, &s) in r.seats.iter().enumerate() {
            d.seat(s, left - GAP - SEAT_W, arm_seat(i));
        }
        d.shape("rect", (left, arm_top, TABLE, arm_len), String::new());
    }
    if let Some(r) = part(hall, HallPart::RightArm) {
        for (i, &s) in r.seats.iter().enumerate() {
            d.seat(s, left + table_w + GAP, arm_seat(i));
        }
        d.shape("rect", (left + table_w - TABLE, arm_top, TABLE, arm_len), String::new());
    }
    let mut bottom = foot_y;
    if let Some(r) = part(hall, HallPart::Foot) {
        d.shape("rect", (left, foot_y, table_w, TABLE), r.blocks[0].name.clone());
        d.seat_row(&r.seats, left + (table_w - foot_w) / 2.0, foot_y + TABLE + GAP);
        bottom = foot_y + TABLE + GAP + SEAT_H;
    }
    if let Some(r) = part(hall, HallPart::Secretariat) {
        let w = d.width_of(r.seats.len()).max(30.0);
        secretariat_table(&mut d, r, left - SEAT_W - APART - w, 0.0);
    }
    rows_of_chairs(&mut d, hall, left + table_w / 2.0, bottom + APART);
    d.finish(ROOM_H)
}

/// The secretariat's table with its top left at (`x`, `y`): its seats above it, facing the
/// room, its name on it.
fn secretariat_table(d: &mut Drawing<'_>, row: &Row, x: f64, y: f64) {
    let w = d.width_of(row.seats.len()).max(30.0);
    d.seat_row(&row.seats, x + (w - d.width_of(row.seats.len())) / 2.0, y);
    d.shape("rect", (x, y + d.seat_h + GAP, w, TABLE), label(row));
}

/// The rows of chairs, centred on `cx` from `top` down, the front row first: block columns
/// aligned from row to row (each as wide as its widest block, aisles between them), the
/// blocks' names over the front row, the row's code at both ends.
fn rows_of_chairs(d: &mut Drawing<'_>, hall: &Hall, cx: f64, top: f64) {
    let rows: Vec<&Row> = hall.rows.iter().filter(|r| r.part == HallPart::Audience).collect();
    let Some(front) = rows.first() else { return };
    let n_cols = rows.iter().map(|r| r.blocks.len()).max().unwrap_or(1);
    let mut col_w = vec![0.0f64; n_cols];
    for r in &rows {
        for (i, b) in r.blocks.iter().enumerate() {
            col_w[i] = col_w[i].max(d.width_of(b.numbers.len()));
        }
    }
    let total = col_w.iter().sum::<f64>() + AISLE * (n_cols - 1) as f64;
    let col_x: Vec<f64> = col_w
        .iter()
        .scan(cx - total / 2.0, |x, w| {
            let at = *x;
            *x += w + AISLE;
            Some(at)
        })
        .collect();
    for (i, b) in front.blocks.iter().enumerate() {
        d.shape("label", (col_x[i], top, col_w[i], LABEL_H), format!("KHU {}", b.name.to_uppercase()));
    }
    let mut y = top + LABEL_H + GAP;
    for r in rows {
        let row_mid = y + (d.seat_h - LABEL_H) / 2.0;
        d.shape("label", (cx - total / 2.0 - GAP - LABEL_W, row_mid, LABEL_W, LABEL_H), r.code.clone());
        d.shape("label", (cx + total / 2.0 + GAP, row_mid, LABEL_W, LABEL_H), r.code.clone());
        for (i, b) in r.blocks.iter().enumerate() {
            let seats: Vec<SeatIx> = b.numbers.clone().map(|k| r.seats[(k - 1) as usize]).collect();
            let x = col_x[i] + (col_w[i] - d.width_of(seats.len())) / 2.0;
            d.seat_row(&seats, x, y);
        }
        y += d.seat_h + 2.0 * GAP;
    }
}

/// Round tables: the chair's table alone on the first line (with the secretariat's table
/// left of it), the others in rows below, each circle with its seats around it, seat 1 at
/// the bottom (facing the front), numbered clockwise. Before a stage (no chair's table)
/// the tables start on the first line; `room_h` is the height left for them.
pub(super) fn round_tables(hall: &Hall, seat: &dyn Fn(SeatIx) -> SeatView, room_h: f64) -> CanvasView {
    const W: f64 = 18.0;
    const H: f64 = 10.5;
    let radius = |n: usize| (n as f64 * (W * 0.62) / std::f64::consts::TAU).max(13.0);
    let tables: Vec<&Row> = hall.rows.iter().filter(|r| matches!(r.part, HallPart::Head | HallPart::Table)).collect();
    let biggest = tables.iter().map(|r| r.seats.len()).max().unwrap_or(1);
    // Seats sit on an ellipse a quarter wider than tall (boxes are wider than tall); every
    // table in a cell wide enough for the biggest one with its seats.
    let ring = |n: usize| radius(n) + H / 2.0 + 2.0;
    let cell_w = 2.0 * ring(biggest) * 1.25 + W + 4.0;
    let cell_h = 2.0 * ring(biggest) + H + 6.0;
    let per_line = ((ROOM_W / cell_w).floor() as usize).max(1);
    let heads: Vec<&Row> = tables.iter().copied().filter(|r| r.part == HallPart::Head).collect();
    let others: Vec<&Row> = tables.iter().copied().filter(|r| r.part != HallPart::Head).collect();
    let first = usize::from(!heads.is_empty());
    let columns = per_line.min(others.len().max(1)).max(heads.len());
    let width = columns as f64 * cell_w;
    let mut d = Drawing::new(seat, W, H);
    let draw = |d: &mut Drawing<'_>, row: &Row, cx: f64, cy: f64, head: bool| {
        let n = row.seats.len();
        let r = radius(n);
        let name = row.blocks[0].name.clone();
        d.shape("circle", (cx - r, cy - r, 2.0 * r, 2.0 * r), if head { name.to_uppercase() } else { name });
        let ring = ring(n);
        for (k, &s) in row.seats.iter().enumerate() {
            let angle = std::f64::consts::FRAC_PI_2 + k as f64 * std::f64::consts::TAU / n as f64;
            let (x, y) = (cx + ring * angle.cos() * 1.25, cy + ring * angle.sin());
            d.seat(s, x - W / 2.0, y - H / 2.0);
        }
    };
    let first_line_x = (width - heads.len() as f64 * cell_w) / 2.0;
    for (i, row) in heads.iter().enumerate() {
        draw(&mut d, row, first_line_x + (i as f64 + 0.5) * cell_w, cell_h / 2.0, true);
    }
    // Before a stage, the secretariat's table is on the stage, not here.
    if let Some(r) = part(hall, HallPart::Secretariat).filter(|_| hall.layout == Layout::Round) {
        let w = d.width_of(r.seats.len()).max(30.0);
        secretariat_table(&mut d, r, first_line_x - APART - w, cell_h / 2.0 - (H + GAP + TABLE) / 2.0);
    }
    for (i, row) in others.iter().enumerate() {
        let (line, col) = (first + i / per_line, i % per_line);
        draw(&mut d, row, (col as f64 + 0.5) * cell_w, (line as f64 + 0.5) * cell_h, false);
    }
    d.finish(room_h)
}
