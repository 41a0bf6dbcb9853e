//! What the readers produce: cells as they were found (text, number, date, …), each with
//! its place in the file. Nothing is interpreted yet; the normaliser cleans the text and
//! the validator turns cells into the typed model.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::schema::{TableKind, TableSpec};
use crate::diag::{Loc, Origin};
use crate::text::legacy::Legacy;
use crate::text::{Date, Time};

/// A cell's value, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel date/time cell (or an ODS ISO date): the date part when there is one, the
    /// time of day when it is not midnight or the cell is a pure time.
    DateTime {
        date: Option<Date>,
        time: Option<Time>,
    },
    /// `#N/A`, `#REF!` …: a formula that failed in Excel.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            // A zero-width space or a BOM alone is an empty cell too.
            Value::Text(s) => s.chars().all(|c| c.is_whitespace() || crate::text::is_invisible(c)),
            _ => false,
        }
    }

    /// The value as the clerk would read it in the cell, for messages and text fields.
    /// Integral numbers print without `.0`.
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.clone(),
            Value::Number(n) => format_number(*n),
            Value::Bool(true) => "TRUE".into(),
            Value::Bool(false) => "FALSE".into(),
            Value::DateTime { date: Some(d), time: None } => d.dmy(),
            Value::DateTime { date: None, time: Some(t) } => t.hm(),
            Value::DateTime { date: Some(d), time: Some(t) } => format!("{} {}", d.dmy(), t.hm()),
            Value::DateTime { date: None, time: None } => String::new(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// `12.0` → `12`, `0.5` → `0.5`; very large integers keep all their digits.
pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e17 { format!("{}", n as i64) } else { format!("{n}") }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub loc: Loc,
    /// The old font encoding the cell's font names (`.VnTime` → TCVN3), when the file says.
    pub font: Option<Legacy>,
}

/// One row / list item: its cells by field key.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub origin: Origin,
    pub cells: BTreeMap<&'static str, Cell>,
}

impl Record {
    pub fn value(&self, key: &str) -> &Value {
        self.cells.get(key).map_or(&Value::Empty, |c| &c.value)
    }

    /// The place of a field, even when the cell is empty or its column is missing.
    pub fn loc(&self, key: &str) -> Loc {
        self.cells.get(key).map_or_else(|| self.origin.field_loc(key), |c| c.loc.clone())
    }
}

/// One list of the conference as found in the input.
#[derive(Debug, Clone)]
pub struct Table {
    pub spec: &'static TableSpec,
    /// The sheet / YAML key it was read from; `None` when the input has no such list.
    pub loc: Option<Loc>,
    pub records: Vec<Record>,
}

impl Table {
    pub fn empty(spec: &'static TableSpec) -> Table {
        Table { spec, loc: None, records: Vec::new() }
    }
}

/// A table of the clerk's own (a sheet the contract does not name, or an entry of the YAML
/// `sheets:`): a header row and rows, read as loosely as the lists. Its columns are
/// whatever its header says; the report's tables and counts name them.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeTable {
    /// The sheet's name (or the YAML key) as written.
    pub name: String,
    /// The sheet (or the YAML key).
    pub loc: Loc,
    /// The column headers, cleaned, in the sheet's order (no `STT` column).
    pub headers: Vec<String>,
    pub rows: Vec<FreeRow>,
}

/// One row of a [`FreeTable`]: a cell per header (`None` where it is empty).
#[derive(Debug, Clone, PartialEq)]
pub struct FreeRow {
    /// The row (Excel) or the list item (YAML).
    pub loc: Loc,
    pub cells: Vec<Option<Cell>>,
}

/// The settings and every list, as read.
#[derive(Debug, Clone)]
pub struct RawDataset {
    /// The input file's name as shown in messages (`hoi-nghi.xlsx`).
    pub file: Arc<str>,
    /// The settings sheet / the YAML file itself, for settings that are missing.
    pub settings_loc: Loc,
    /// Setting key → cell.
    pub settings: BTreeMap<&'static str, Cell>,
    pub tables: BTreeMap<TableKind, Table>,
    /// The clerk's own tables, in the order of the file.
    pub free: Vec<FreeTable>,
}

impl RawDataset {
    pub fn table(&self, kind: TableKind) -> &Table {
        &self.tables[&kind]
    }

    pub fn setting(&self, key: &str) -> &Value {
        self.settings.get(key).map_or(&Value::Empty, |c| &c.value)
    }
}

/// What the readers hand back before the dataset is assembled.
pub struct Parts {
    pub settings_loc: Loc,
    pub settings: BTreeMap<&'static str, Cell>,
    pub tables: Vec<Table>,
    pub free: Vec<FreeTable>,
}
