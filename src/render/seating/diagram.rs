//! The seating diagram's data, as `templates/so-do-cho-ngoi.typ` reads it.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SeatView {
    /// `05`.
    pub number: String,
    pub code: String,
    /// The given name, printed large (`Hà`).
    pub given: Option<String>,
    /// Family name and middle initials (`Nguyễn T.T.`).
    pub family: Option<String>,
    /// 1-based group number (legend), for an occupied seat.
    pub group: Option<usize>,
    /// An empty seat kept for a group (its number), or for an absent delegate.
    pub reserved: Option<usize>,
    pub aisle: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BlockView {
    pub name: String,
    /// Which column of blocks (aligned from row to row).
    pub column: usize,
    pub seats: Vec<SeatView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RowView {
    pub code: String,
    pub blocks: Vec<BlockView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct GroupView {
    pub number: usize,
    pub name: String,
    pub fill: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndexEntry {
    pub name: String,
    pub detail: String,
    pub seat: String,
    pub place: String,
}

/// A table drawn on a canvas: a rectangle (a meeting table's side, the secretariat's
/// table) or a circle (a round table), with its name; or a label alone (a row's code, a
/// block's name). Millimetres from the canvas's top left.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ShapeView {
    /// `rect`, `circle` (then `w` is the diameter) or `label` (text centred in the box).
    pub shape: &'static str,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub label: String,
}

/// A seat placed on the canvas (its box's top left).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlacedSeat {
    pub x: f64,
    pub y: f64,
    pub seat: SeatView,
}

/// A room that is not only a stage and rows: its tables, rows and seats where they are.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CanvasView {
    pub width: f64,
    pub height: f64,
    /// Fits the drawing to the page (shrinks a big room, enlarges a small one up to 1.5).
    pub scale: f64,
    /// The seats' boxes.
    pub seat_w: f64,
    pub seat_h: f64,
    pub tables: Vec<ShapeView>,
    pub seats: Vec<PlacedSeat>,
}

/// The diagram's data (see `templates/so-do-cho-ngoi.typ`). Lengths are in millimetres.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HallView {
    /// The room's front: `rows` (a stage), `table` (a meeting table) or `round` (round
    /// tables, the chair's among them).
    pub layout: &'static str,
    /// A meeting table (with its secretariat's table and the rows behind it) or round
    /// tables, drawn; before a stage, its round tables (none for a stage and rows).
    pub canvas: Option<CanvasView>,
    /// The secretariat's table on the stage (a stage's room only; else on the canvas).
    pub secretariat: Option<RowView>,
    pub font: Vec<&'static str>,
    pub title: String,
    pub event: String,
    pub when_where: String,
    pub seat_w: f64,
    pub seat_h: f64,
    pub aisle_w: f64,
    /// Width of each block column, in order.
    pub columns: Vec<f64>,
    /// The first presidium row (kept for templates written before `stage_rows`).
    pub stage: Option<RowView>,
    /// Every presidium row, the first (front) one first.
    pub stage_rows: Vec<RowView>,
    /// The rows of chairs (drawn on the canvas behind a meeting table).
    pub rows: Vec<RowView>,
    pub groups: Vec<GroupView>,
    pub index: Vec<IndexEntry>,
}
