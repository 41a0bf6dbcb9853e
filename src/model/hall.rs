//! The room, one block of one row (or one side of a meeting table, or one round table) at a
//! time, as the `Hội trường` sheet describes it.

use serde::Serialize;

use super::located::Src;

/// The shape of the room (`Hội nghị: Kiểu phòng`, or told by the names of its blocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Layout {
    /// Rows facing a stage, the presidium on it (a hall).
    #[default]
    Rows,
    /// A meeting table: the chair's table at the head, arms down both sides (a U), and a
    /// foot closing it (a hollow square).
    Table,
    /// Round tables (banquet style), the first the chair's.
    Round,
}

/// What a line of the `Hội trường` sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum HallPart {
    /// The presidium's row on the stage (`ĐCT`).
    Stage,
    /// A block of a hall row.
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
