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

/// A table drawn on a canvas: a rectangle (a meeting table's side) or a circle (a round
/// table), with its name. Millimetres from the canvas's top left.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ShapeView {
    /// `rect` or `circle` (then `w` is the diameter).
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

/// A room that is not rows: its tables and seats where they are.
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
    /// `rows` (a stage and rows), `table` (a meeting table) or `round` (round tables).
    pub layout: &'static str,
    /// A meeting table or round tables, drawn (none for rows).
    pub canvas: Option<CanvasView>,
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
    pub rows: Vec<RowView>,
    pub groups: Vec<GroupView>,
    pub index: Vec<IndexEntry>,
}
