//! The types the contract is written in (a sheet, its columns, how cells are cleaned) and
//! the helpers its tables are built with; `schema.rs` and `schema_votes.rs` hold the data.

/// The lists of a conference (one sheet each, one YAML list each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    Delegates,
    Awards,
    Agenda,
    Hall,
    Signings,
    Products,
    Targets,
    Report,
    Groups,
    Decisions,
    ReportTables,
    Bridges,
    Elections,
    Candidates,
}

/// How a column's cells are cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: whitespace folded.
    Inline,
    /// Several lines kept (recipients, narrative, MC lines).
    Multiline,
    /// Several values on one line, separated by `;` (roles, groups, columns); a YAML list
    /// gives the same.
    Items,
}

/// One column of a sheet.
#[derive(Debug)]
pub struct ColumnSpec {
    /// The YAML key, also the field name everywhere in the engine.
    pub key: &'static str,
    /// The header as `workbook.md` writes it.
    pub header: &'static str,
    /// Other headers clerks use for it.
    pub aliases: &'static [&'static str],
    /// A sheet without this column is an error.
    pub required: bool,
    pub text: TextKind,
}

/// One sheet / YAML list.
#[derive(Debug)]
pub struct TableSpec {
    pub kind: TableKind,
    pub sheet: &'static str,
    pub sheet_aliases: &'static [&'static str],
    /// Dotted YAML path of the list (`delegates`, `report.sections`).
    pub yaml: &'static str,
    pub columns: &'static [ColumnSpec],
}

pub(crate) const fn col(key: &'static str, header: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { key, header, aliases, required: false, text: TextKind::Inline }
}

pub(crate) const fn req(key: &'static str, header: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { key, header, aliases, required: true, text: TextKind::Inline }
}

pub(crate) const fn items(mut c: ColumnSpec) -> ColumnSpec {
    c.text = TextKind::Items;
    c
}

pub(crate) const fn multi(mut c: ColumnSpec) -> ColumnSpec {
    c.text = TextKind::Multiline;
    c
}

/// The row-number column every sheet may have; it is read only to recognise empty rows.
pub const STT: &str = "stt";

pub(crate) const STT_COL: ColumnSpec = col(STT, "STT", &["TT", "Số TT", "Số thứ tự"]);
