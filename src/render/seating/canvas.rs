//! Rooms that are not rows, drawn: a meeting table (the chair's table at the top, the arms
//! down both sides, the foot closing a hollow square) and round tables (the chair's first,
//! the others in rows), every seat a box where it is.

use super::diagram::{CanvasView, PlacedSeat, SeatView, ShapeView};
use crate::model::HallPart;
use crate::plan::seating::hall::{Hall, Row, SeatIx};

/// A seat's box and the gap between boxes (mm).
const SEAT_W: f64 = 22.0;
const SEAT_H: f64 = 12.5;
const GAP: f64 = 1.5;
/// The depth of a meeting table's side.
const TABLE: f64 = 10.0;
/// The room for the drawing on an A3 landscape page (mm).
const ROOM_W: f64 = 396.0;
const ROOM_H: f64 = 200.0;

fn fit(width: f64, height: f64) -> f64 {
    (ROOM_W / width).min(ROOM_H / height).min(1.5)
}

/// The row of `part`, if the room has one.
fn part(hall: &Hall, part: HallPart) -> Option<&Row> {
    hall.rows.iter().find(|r| r.part == part)
}

/// A meeting table seen from the room: the chair's table at the top, its seats above it
/// numbered from the left; the arms below its ends, their seats outside them numbered from
/// the head; the foot at the bottom, its seats below it.
pub(super) fn meeting_table(hall: &Hall, seat: &dyn Fn(SeatIx) -> SeatView) -> CanvasView {
    let n = |p: HallPart| part(hall, p).map_or(0, |r| r.seats.len()) as f64;
    let width_of = |k: f64| if k > 0.0 { k * (SEAT_W + GAP) - GAP } else { 0.0 };
    let (head_w, foot_w) = (width_of(n(HallPart::Head)), width_of(n(HallPart::Foot)));
    let inner = (head_w - 2.0 * TABLE).max(foot_w - 2.0 * TABLE).max(40.0);
    let table_w = 2.0 * TABLE + inner;
    let left = SEAT_W + 2.0 * GAP;
    let head_y = SEAT_H + GAP;
    let arm_top = head_y + TABLE;
    let arm_len = n(HallPart::LeftArm).max(n(HallPart::RightArm)) * (SEAT_H + GAP) + GAP;
    let foot_y = arm_top + arm_len;
    let mut tables = Vec::new();
    let mut seats = Vec::new();
    let mut row_of = |p: HallPart, at: &dyn Fn(usize) -> (f64, f64)| {
        if let Some(r) = part(hall, p) {
            for (i, &s) in r.seats.iter().enumerate() {
                let (x, y) = at(i);
                seats.push(PlacedSeat { x, y, seat: seat(s) });
            }
        }
    };
    let head_x = left + (table_w - head_w) / 2.0;
    row_of(HallPart::Head, &|i| (head_x + i as f64 * (SEAT_W + GAP), 0.0));
    row_of(HallPart::LeftArm, &|i| (left - GAP - SEAT_W, arm_top + GAP + i as f64 * (SEAT_H + GAP)));
    row_of(HallPart::RightArm, &|i| (left + table_w + GAP, arm_top + GAP + i as f64 * (SEAT_H + GAP)));
    let foot_x = left + (table_w - foot_w) / 2.0;
    row_of(HallPart::Foot, &|i| (foot_x + i as f64 * (SEAT_W + GAP), foot_y + TABLE + GAP));
    let name = |p: HallPart| part(hall, p).map(|r| r.blocks[0].name.clone()).unwrap_or_default();
    tables.push(ShapeView {
        shape: "rect",
        x: left,
        y: head_y,
        w: table_w,
        h: TABLE,
        label: name(HallPart::Head).to_uppercase(),
    });
    if n(HallPart::LeftArm) > 0.0 {
        tables.push(ShapeView { shape: "rect", x: left, y: arm_top, w: TABLE, h: arm_len, label: String::new() });
    }
    if n(HallPart::RightArm) > 0.0 {
        tables.push(ShapeView {
            shape: "rect",
            x: left + table_w - TABLE,
            y: arm_top,
            w: TABLE,
            h: arm_len,
            label: String::new(),
        });
    }
    let mut height = foot_y;
    if n(HallPart::Foot) > 0.0 {
        tables.push(ShapeView { shape: "rect", x: left, y: foot_y, w: table_w, h: TABLE, label: name(HallPart::Foot) });
        height = foot_y + TABLE + GAP + SEAT_H;
    }
    let width = left + table_w + GAP + SEAT_W + GAP;
    CanvasView { width, height, scale: fit(width, height), seat_w: SEAT_W, seat_h: SEAT_H, tables, seats }
}

/// Round tables: the chair's table alone on the first line, the others in rows below, each
/// circle with its seats around it, seat 1 at the bottom (facing the front), numbered
/// clockwise.
pub(super) fn round_tables(hall: &Hall, seat: &dyn Fn(SeatIx) -> SeatView) -> CanvasView {
    const W: f64 = 18.0;
    const H: f64 = 10.5;
    let radius = |n: usize| (n as f64 * (W * 0.62) / std::f64::consts::TAU).max(13.0);
    let biggest = hall.rows.iter().map(|r| r.seats.len()).max().unwrap_or(1);
    // Seats sit on an ellipse a quarter wider than tall (boxes are wider than tall); every
    // table in a cell wide enough for the biggest one with its seats.
    let ring = |n: usize| radius(n) + H / 2.0 + 2.0;
    let cell_w = 2.0 * ring(biggest) * 1.25 + W + 4.0;
    let cell_h = 2.0 * ring(biggest) + H + 6.0;
    let per_line = ((ROOM_W / cell_w).floor() as usize).max(1);
    let heads: Vec<&Row> = hall.rows.iter().filter(|r| r.part == HallPart::Head).collect();
    let others: Vec<&Row> = hall.rows.iter().filter(|r| r.part != HallPart::Head).collect();
    let lines = 1 + others.len().div_ceil(per_line);
    let columns = per_line.min(others.len().max(1)).max(heads.len());
    let width = columns as f64 * cell_w;
    let height = lines as f64 * cell_h;
    let mut tables = Vec::new();
    let mut seats = Vec::new();
    let mut draw = |row: &Row, cx: f64, cy: f64, head: bool| {
        let n = row.seats.len();
        let r = radius(n);
        let name = row.blocks[0].name.clone();
        tables.push(ShapeView {
            shape: "circle",
            x: cx - r,
            y: cy - r,
            w: 2.0 * r,
            h: 2.0 * r,
            label: if head { name.to_uppercase() } else { name },
        });
        let ring = ring(n);
        for (k, &s) in row.seats.iter().enumerate() {
            let angle = std::f64::consts::FRAC_PI_2 + k as f64 * std::f64::consts::TAU / n as f64;
            let (x, y) = (cx + ring * angle.cos() * 1.25, cy + ring * angle.sin());
            seats.push(PlacedSeat { x: x - W / 2.0, y: y - H / 2.0, seat: seat(s) });
        }
    };
    let first_line_x = (width - heads.len() as f64 * cell_w) / 2.0;
    for (i, row) in heads.iter().enumerate() {
        draw(row, first_line_x + (i as f64 + 0.5) * cell_w, cell_h / 2.0, true);
    }
    for (i, row) in others.iter().enumerate() {
        let (line, col) = (1 + i / per_line, i % per_line);
        draw(row, (col as f64 + 0.5) * cell_w, (line as f64 + 0.5) * cell_h, false);
    }
    CanvasView { width, height, scale: fit(width, height), seat_w: W, seat_h: H, tables, seats }
}
