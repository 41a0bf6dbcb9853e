//! The workbooks vanthu writes for the clerk to fill in: the starter (`vanthu init`) and
//! the conversion of a conference between its workbook and YAML forms (`vanthu convert`).
//! Both are driven by the input contract (`input::schema`).

pub mod convert;
mod guide;
mod guide_votes;
pub mod starter;
pub mod synth;
