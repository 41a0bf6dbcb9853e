//! The validated conference: typed, complete, and consistent. Built only by
//! [`crate::validate`]; every later stage (seating, rendering) reads this and nothing else.
//!
//! Invariants once built: required fields are present and parsed; every delegate's group
//! and every `reserved_for` group exists; delegate ids are unique; references (agenda
//! speakers, award → delegate) point at an existing delegate; stars are 3–5.

mod authority;
mod awards;
mod commendation;
mod dataset;
mod document;
mod hall;
mod located;
mod ocop;
mod people;
mod programme;
mod report_tables;
mod settings;
mod sheets;
mod summary;
mod votes;

pub use authority::{Authority, Conferrer, Level};
pub use awards::{Amount, Award, Decision, Handing, Period};
pub use commendation::{AwardKind, AwardType, Category, Face, Holders, TWO_TIER_REFORM};
pub use dataset::Dataset;
pub use document::{
    BodyLine, DOC_TYPES, DocContact, DocDate, DocMarks, DocSigner, DocType, Secrecy, TextDocument, Urgency,
};
pub use hall::{HallBlock, HallPart, Layout};
pub use located::Src;
pub use ocop::*;
pub use people::{
    Attendance, Bridge, DEFAULT_GROUPS, DefaultGroup, Group, Honorific, Introduce, leadership_greeting, official_group,
};
pub use people::{Delegate, Role};
pub use programme::{AgendaItem, AgendaKind};
pub use programme::{Performer, Signing};
pub use report_tables::{Axis, ChartDef, ChartKind, Filter, Place, RowOrder, TableDef, ValueDef};
pub use settings::*;
pub use sheets::{Datum, NumberFormat, Sheet, SheetColumn, SheetRow};
pub use summary::{Direction, ReportSection, Target};
pub use votes::{Base, Candidate, Counts, Election, Threshold};
