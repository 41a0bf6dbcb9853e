//! The room, one block of one row at a time, as the `Hội trường` sheet describes it.

use super::located::Src;

#[derive(Debug, Clone)]
pub struct HallBlock {
    pub block: String,
    pub row: String,
    pub seats: u32,
    /// Indices into [`Dataset::groups`].
    pub reserved_for: Vec<usize>,
    pub src: Src,
}
