//! The blocks a text document is read into, and the plan the renderer lays out.

use std::sync::Arc;

use crate::model::{DocDate, DocType, Signer};
use crate::text::Date;

/// A body line after its data: its number in the file and its text.
pub(super) type Line = (u32, String);

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// A footnote set here (`[^1]` in the text, `[^1]: …` on a line of its own); the
    /// span's text is then empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParaStyle {
    /// Justified, first line indented.
    Body,
    /// A ground (`Căn cứ …`): italic, like a body paragraph.
    Ground,
    /// Centred, bold (`QUYẾT ĐỊNH:`).
    Centre,
}

/// How a table's column is aligned (from its `|:--|--:|:-:|` rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// By its content: figures right, row numbers centred, text left.
    Auto,
    Left,
    Centre,
    Right,
}

/// A table cell: its text, its column, and how far it stretches.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cell {
    pub spans: Vec<Span>,
    pub col: usize,
    pub colspan: u32,
    pub rowspan: u32,
}

/// A table: header rows (repeated on every page) and body rows; a cell covered by another
/// is left out of its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    pub columns: usize,
    pub align: Vec<Align>,
    /// Each column's share of the width in percent, when its rule gives one (`--20%--`).
    pub widths: Vec<Option<u32>>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum DocBlock {
    /// `Phần I` / `Chương II` and its title.
    Part {
        label: String,
        title: Option<String>,
    },
    /// A Mục heading (`I. MỤC ĐÍCH, YÊU CẦU`).
    Section(String),
    Para {
        spans: Vec<Span>,
        style: ParaStyle,
    },
    Table(Table),
    /// A new page (`---`).
    PageBreak,
}

/// An appendix or attached list, printed after the signature on pages of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Appendix {
    /// `Phụ lục II`; `None` for a list headed by its title alone.
    pub label: Option<String>,
    /// Its title, in capitals, a line each.
    pub title: Vec<String>,
    /// `Kèm theo Quyết định số …/QĐ-UBND ngày … của …` (printed in brackets).
    pub reference: String,
    pub blocks: Vec<DocBlock>,
}

/// A text document ready to render.
#[derive(Debug, Clone)]
pub struct DocPlan {
    /// `van-ban/ke-hoach.md`.
    pub file: Arc<str>,
    /// `ke-hoach`: the PDF is `van-ban/ke-hoach.pdf`.
    pub stem: String,
    pub kind: DocType,
    pub parent: Option<String>,
    /// Upper case.
    pub issuer: String,
    pub number: Option<String>,
    /// `KH-UBND`, `UBND-NLN`.
    pub code: String,
    pub place: String,
    pub date: Option<DocDate>,
    /// The year printed when the date gives none.
    pub year: i32,
    pub subject: Option<String>,
    pub to: Vec<String>,
    pub blocks: Vec<DocBlock>,
    /// Left to right; one for most documents.
    pub signers: Vec<Signer>,
    pub recipients: Vec<String>,
    pub appendices: Vec<Appendix>,
    /// The date the PDF says it was made: the document's, else the conference's.
    pub made: Date,
    /// The marks of Decree 30, Appendix I (urgency, secrecy, draft, drafter, address).
    pub marks: crate::model::DocMarks,
}
