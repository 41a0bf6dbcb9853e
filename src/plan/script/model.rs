//! What the script plan is made of: items with their clock times, performers, MC lines and
//! generated parts.

use crate::model::AgendaKind;
use crate::text::Time;

/// The whole script.
#[derive(Debug, Clone)]
pub struct Script {
    pub items: Vec<ScriptItem>,
    pub start: Time,
    pub end: Time,
}

#[derive(Debug, Clone)]
pub struct ScriptItem {
    /// TT, from 1.
    pub number: usize,
    pub start: Time,
    pub end: Time,
    pub title: String,
    pub kind: AgendaKind,
    /// Who performs it, as printed (`Đồng chí Nguyễn Thế Giang, Phó Chủ tịch …`).
    pub performer: Option<String>,
    /// What the MC says, paragraph by paragraph.
    pub mc: Vec<String>,
    pub note: Option<String>,
    pub parts: Vec<ScriptPart>,
}

#[derive(Debug, Clone)]
pub struct ScriptPart {
    pub start: Time,
    pub end: Time,
    pub title: String,
    pub performer: Option<String>,
    pub mc: Vec<String>,
    pub detail: PartDetail,
}

/// What a generated part is about (for checks and other documents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartDetail {
    /// A panel speaker (delegate index).
    Speaker(usize),
    /// A signing (index into `Dataset::signings`).
    Signing(usize),
    /// The reading of an award decision (index into the plan's decisions).
    Decision(usize),
    /// Recipients called on stage together (indices into `Dataset::awards`) and who
    /// presents to them (a delegate).
    Batch { awards: Vec<usize>, presenter: Option<usize> },
    /// Recipients announced, not called up (a title with money only, or the decision's
    /// `Cách trao: công bố`), or receiving it at their bridge point.
    Announced { awards: Vec<usize> },
}
