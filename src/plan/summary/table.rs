//! A report table as planned: its columns, rows of figures and total, and its chart —
//! the same for the PDF and the workbook.

use crate::model::{NumberFormat, Place};
use crate::text::{vi_number, vi_percent};

/// A cell of a computed table.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Empty,
    Text(String),
    Number(f64),
}

impl Out {
    pub fn number(&self) -> Option<f64> {
        match self {
            Out::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The cell as printed, in `format`: `5.448`, `0,25`, `95,0`, `2025`; a missing
    /// percentage prints `-`.
    pub fn print(&self, format: NumberFormat) -> String {
        match (self, format) {
            (Out::Empty, NumberFormat::Percent) => "-".into(),
            (Out::Empty, _) => String::new(),
            (Out::Text(t), _) => t.clone(),
            (Out::Number(n), NumberFormat::Percent) => vi_percent(*n),
            (Out::Number(n), _) if *n == 0.0 => "0".into(),
            (Out::Number(n), NumberFormat::Plain) if n.fract() == 0.0 => format!("{n}"),
            (Out::Number(n), _) => vi_number(*n),
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// Names (the rows' labels, text columns of a list).
    Label,
    /// Figures, right-aligned, summed or charted.
    Figure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutColumn {
    pub header: String,
    pub role: ColumnRole,
    pub format: NumberFormat,
    /// The total line holds the sum of the column (a SUM formula in the workbook).
    pub summed: bool,
    /// Other names the clerk may give it in `Cột biểu đồ` (the value's text, the column
    /// it reads).
    pub aliases: Vec<String>,
    /// One of the columns a value is spread over (`Cột`: `3 sao`, `4 sao`, `5 sao`).
    pub spread: bool,
}

impl OutColumn {
    pub fn label(header: impl Into<String>) -> OutColumn {
        OutColumn {
            header: header.into(),
            role: ColumnRole::Label,
            format: NumberFormat::Exact,
            summed: false,
            aliases: Vec::new(),
            spread: false,
        }
    }

    pub fn figure(header: impl Into<String>, format: NumberFormat, summed: bool) -> OutColumn {
        OutColumn {
            header: header.into(),
            role: ColumnRole::Figure,
            format,
            summed,
            aliases: Vec::new(),
            spread: false,
        }
    }

    /// The unit its header names (`Kinh phí (triệu đồng)` → `triệu đồng`), `%` for a
    /// percentage; none when it does not say.
    pub fn unit(&self) -> Option<String> {
        if self.format == NumberFormat::Percent {
            return Some("%".into());
        }
        let open = self.header.rfind('(')?;
        let unit = self.header[open + 1..].trim_end().strip_suffix(')')?.trim();
        (!unit.is_empty()).then(|| if unit == "%" { "%".to_string() } else { unit.to_lowercase() })
    }
}

/// How a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartShape {
    Columns,
    Stacked,
    Bars,
    Line,
    Pie,
    /// Planned against achieved, side by side, with the percentage achieved above.
    Progress,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// A chart of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    pub shape: ChartShape,
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// What is written at each bar or column instead of its value (`109 (72,7%)`).
    pub labels: Option<Vec<String>>,
    /// Per category, written above it (the percentage achieved).
    pub notes: Vec<Option<String>>,
    /// The unit of the axis, when the columns say one.
    pub unit: Option<String>,
    /// A value marked across the chart, with its label (`100%`: the plan).
    pub reference: Option<(f64, String)>,
    /// The table's columns drawn (indices into [`ReportTable::columns`]), for the
    /// workbook's chart.
    pub columns: Vec<usize>,
}

/// A table of the report, computed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTable {
    pub id: Option<String>,
    pub title: String,
    pub unit: Option<String>,
    pub columns: Vec<OutColumn>,
    pub rows: Vec<Vec<Out>>,
    /// `Tổng cộng`.
    pub total: Option<Vec<Out>>,
    pub chart: Option<ChartPlan>,
    pub place: Place,
}

impl ReportTable {
    /// The value in row `row` (its label, loosely) and column `column` (its header), as
    /// printed: a percentage to one decimal.
    pub fn value(&self, row: &str, column: &str) -> Option<Out> {
        let rk = crate::text::loose_key(row);
        let ck = crate::text::loose_key(column);
        let c = self.columns.iter().position(|c| {
            crate::text::loose_key(&c.header) == ck || c.aliases.iter().any(|a| crate::text::loose_key(a) == ck)
        })?;
        let label = self.columns.iter().position(|c| c.role == ColumnRole::Label).unwrap_or(0);
        let total = ["tongcong", "tong", "cong", "tongso"].contains(&rk.as_str());
        let cell = if total {
            self.total.as_ref().map(|t| &t[c])
        } else {
            self.rows.iter().find(|r| crate::text::loose_key(&r[label].print(NumberFormat::Exact)) == rk).map(|r| &r[c])
        }?;
        Some(match (cell, self.columns[c].format) {
            (Out::Number(n), NumberFormat::Percent) => Out::Number((n * 10.0).round() / 10.0),
            (other, _) => other.clone(),
        })
    }
}
