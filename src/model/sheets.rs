//! Tables as columns and rows: the clerk's own sheets, and the contract's lists seen the
//! same way (`Khen thưởng` with its `Hình thức`, `Loại` …), so the report can count, sum
//! and chart any of them by the names of their columns.

use crate::diag::Loc;
use crate::text::loose_key;

/// A value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Datum {
    Empty,
    Text(String),
    Number(f64),
    /// A formula that failed in Excel (`#N/A`), or one never computed (`=SUM(…)`).
    Error(String),
}

impl Datum {
    pub fn is_empty(&self) -> bool {
        matches!(self, Datum::Empty)
    }

    /// The number: a number cell, or text typed as one (`5.448`, `0,25`, `12 %`).
    pub fn number(&self) -> Option<f64> {
        match self {
            Datum::Number(n) => Some(*n),
            Datum::Text(t) => crate::text::parse_number(t.trim_end_matches('%')),
            _ => None,
        }
    }
}

/// How a column's numbers print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberFormat {
    /// As typed: `5.448`, `0,25`, `1.234,5`.
    #[default]
    Exact,
    /// One decimal: `95,0` (percentages).
    Percent,
    /// Digits only, no thousands separator (years: `2025`).
    Plain,
}

/// One column: its name as the sheet heads it, other names it answers to, its format.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetColumn {
    pub name: String,
    pub aliases: Vec<String>,
    pub format: NumberFormat,
}

impl SheetColumn {
    pub fn new(name: impl Into<String>) -> SheetColumn {
        SheetColumn { name: name.into(), aliases: Vec::new(), format: NumberFormat::Exact }
    }

    fn answers_to(&self, key: &str) -> bool {
        loose_key(&self.name) == key || self.aliases.iter().any(|a| loose_key(a) == key)
    }
}

/// One row: a value per column, each with its place (for messages).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub cells: Vec<Datum>,
    pub locs: Vec<Loc>,
}

/// A table: a sheet of the clerk's own, or one of the contract's lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name (`Kinh phí`, `Khen thưởng`).
    pub name: String,
    /// Other names it answers to (a list's other sheet names).
    pub aliases: Vec<String>,
    pub loc: Loc,
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<SheetRow>,
}

impl Sheet {
    /// The column a name designates, loosely (`Hình thức` = `HÌNH THỨC` = `Hinh thuc`).
    pub fn column(&self, name: &str) -> Option<usize> {
        let key = loose_key(name);
        (!key.is_empty()).then(|| self.columns.iter().position(|c| c.answers_to(&key))).flatten()
    }

    /// Does `name` designate this sheet?
    pub fn answers_to(&self, name: &str) -> bool {
        let key = loose_key(name);
        !key.is_empty() && (loose_key(&self.name) == key || self.aliases.iter().any(|a| loose_key(a) == key))
    }

    /// The columns' names, for messages (`“Nội dung”, “Dự toán”`).
    pub fn column_names(&self) -> String {
        self.columns.iter().map(|c| format!("“{}”", c.name)).collect::<Vec<_>>().join(", ")
    }
}
