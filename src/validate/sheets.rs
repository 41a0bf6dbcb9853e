//! The clerk's own tables as [`Sheet`]s: cells as values (numbers stay numbers, dates print
//! `dd/mm/yyyy`), year columns printed without a thousands separator.

use super::Validator;
use crate::input::{FreeTable, Value};
use crate::model::{Datum, NumberFormat, Sheet, SheetColumn, SheetRow};
use crate::text::loose_key;

/// A cell's value as a table's datum.
pub(crate) fn datum(value: &Value) -> Datum {
    match value {
        Value::Empty => Datum::Empty,
        // `-` typed for "none".
        Value::Text(t) if t.trim().is_empty() || ["-", "–", "—"].contains(&t.trim()) => Datum::Empty,
        Value::Text(t) => Datum::Text(t.clone()),
        Value::Number(n) => Datum::Number(*n),
        Value::Bool(true) => Datum::Text("Có".into()),
        Value::Bool(false) => Datum::Text("Không".into()),
        v @ Value::DateTime { .. } => Datum::Text(v.display()),
        Value::Error(e) => Datum::Error(e.clone()),
    }
}

/// A column of years: headed `Năm …` and holding only whole numbers 1900–2100.
fn is_year_column(header: &str, values: &[&Datum]) -> bool {
    loose_key(header).starts_with("nam")
        && values.iter().any(|d| !d.is_empty())
        && values.iter().all(|d| match d {
            Datum::Number(n) => n.fract() == 0.0 && (1900.0..=2100.0).contains(n),
            Datum::Empty => true,
            _ => false,
        })
}

/// One table of the clerk's own.
pub(crate) fn sheet_of(table: &FreeTable) -> Sheet {
    let rows: Vec<SheetRow> = table
        .rows
        .iter()
        .map(|r| SheetRow {
            cells: r.cells.iter().map(|c| c.as_ref().map_or(Datum::Empty, |c| datum(&c.value))).collect(),
            locs: r.cells.iter().map(|c| c.as_ref().map_or_else(|| r.loc.clone(), |c| c.loc.clone())).collect(),
        })
        .collect();
    let child = |h: &str| h.split_once(" - ").map(|(_, c)| loose_key(c));
    let columns = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let values: Vec<&Datum> = rows.iter().map(|r| &r.cells[i]).collect();
            let mut c = SheetColumn::new(h.clone());
            if is_year_column(h, &values) {
                c.format = NumberFormat::Plain;
            }
            // `Kinh phí - Dự toán` (a sub-header under a merged group header) also answers
            // to `Dự toán` and `Kinh phí Dự toán`.
            if let Some((_, sub)) = h.split_once(" - ")
                && table.headers.iter().filter(|o| child(o) == Some(loose_key(sub))).count() == 1
            {
                c.aliases.push(sub.to_string());
            }
            c
        })
        .collect();
    Sheet { name: table.name.clone(), aliases: Vec::new(), loc: table.loc.clone(), columns, rows }
}

impl Validator<'_> {
    /// The clerk's own tables.
    pub(super) fn own_sheets(&mut self) -> Vec<Sheet> {
        self.raw.free.iter().map(sheet_of).collect()
    }
}
