//! The room, one block of one row (or one side of a meeting table, or one round table) at a
//! time, as the `Hội trường` sheet describes it.

use serde::Serialize;

use super::located::Src;

/// The front of the room: where who presides sits (told by the names of the blocks, the
/// setting `Hội nghị: Kiểu phòng` deciding only what the names leave open). A room mixes
/// parts: a meeting table may have rows of chairs behind it, a stage rows or round tables
/// before it, and any front a secretariat table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Layout {
    /// A stage, the presidium on it (`ĐCT`), with rows or round tables before it (a hall).
    #[default]
    Rows,
    /// A meeting table: the chair's table at the head, arms down both sides (a U), and a
    /// foot closing it (a hollow square); rows of chairs may stand behind it.
    Table,
    /// Round tables (banquet style), the first (or `Bàn chủ tọa`) the chair's.
    Round,
}

/// What a line of the `Hội trường` sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum HallPart {
    /// The presidium's row on the stage (`ĐCT`).
    Stage,
    /// A block of a hall row (before a stage, or behind a meeting table).
    Audience,
    /// The chair's table (`Bàn chủ tọa`), at the head of a meeting table or the first of
    /// the round tables.
    Head,
    /// The arm of a meeting table on the left as seen from the room (facing the head).
    LeftArm,
    /// The arm on the right as seen from the room.
    RightArm,
    /// The side facing the head (`Cuối bàn`): a hollow square.
    Foot,
    /// A round table.
    Table,
    /// The secretariat's table (`Đoàn thư ký`, `Bàn thư ký`): on the stage, or beside the
    /// chair's table; for the delegates with the role `Thư ký`.
    Secretariat,
}

#[derive(Debug, Clone)]
pub struct HallBlock {
    pub block: String,
    pub row: String,
    pub seats: u32,
    /// Indices into [`Dataset::groups`].
    pub reserved_for: Vec<usize>,
    pub part: HallPart,
    pub src: Src,
}
