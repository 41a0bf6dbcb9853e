//! Finding the header row and mapping its cells onto the contract's columns.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::super::raw::Value;
use super::super::schema::{self, ColumnSpec, STT, TableSpec};
use super::extras::SheetExtras;
use super::grid::Grid;
use crate::text::loose_key;

/// How strongly a header cell designates a column: its own header, one of its other
/// names, or a known header the cell starts with (`Họ và tên đại biểu` → `Họ và tên`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Strength {
    Header,
    Alias,
    Prefix,
}

pub(super) fn header_strength(c: &ColumnSpec, k: &str) -> Option<Strength> {
    if k.is_empty() {
        return None;
    }
    if schema::loose(c.header) == k {
        return Some(Strength::Header);
    }
    if c.aliases.iter().any(|a| schema::loose(a) == k) {
        return Some(Strength::Alias);
    }
    let prefixed = c.key != STT
        && c.names().any(|h| {
            let hk = schema::loose(h);
            // `Vị trí công tác` is no seat and `Địa chỉ thư điện tử` no address: words that
            // turn the header into something else.
            hk.chars().count() >= 4
                && k.strip_prefix(hk).is_some_and(|rest| {
                    !["congtac", "lamviec", "vieclam", "thudientu", "email"].iter().any(|w| rest.starts_with(w))
                })
        });
    prefixed.then_some(Strength::Prefix)
}

/// Maps a header row's cells (column index, text) to column specs. Whole matches win
/// over partial ones wherever they stand: with both `Email đơn vị` and `Email` in the row,
/// `Email` is the e-mail column and `Email đơn vị` is left unknown; `Chức vụ, đơn vị`
/// (another name of `Cơ quan, đơn vị`) is the position when `Cơ quan, đơn vị` is there
/// too. A cell that only starts with a header counts when it designates one column alone.
pub(super) fn map_headers(
    spec: &'static TableSpec,
    cells: &[(usize, String)],
    taken: &BTreeSet<&'static str>,
) -> Vec<(usize, &'static ColumnSpec)> {
    let keys: Vec<(usize, String)> = cells.iter().map(|(c, h)| (*c, loose_key(h))).collect();
    let mut taken = taken.clone();
    let mut mapped: Vec<(usize, &'static ColumnSpec)> = Vec::new();
    for strength in [Strength::Header, Strength::Alias, Strength::Prefix] {
        for (c, k) in &keys {
            if mapped.iter().any(|(m, _)| m == c) {
                continue;
            }
            let found: Vec<&'static ColumnSpec> = spec
                .columns
                .iter()
                .filter(|col| !taken.contains(col.key) && header_strength(col, k) == Some(strength))
                .collect();
            if found.len() == 1 || (strength != Strength::Prefix && !found.is_empty()) {
                taken.insert(found[0].key);
                mapped.push((*c, found[0]));
            }
        }
    }
    mapped.sort_by_key(|(c, _)| *c);
    mapped
}

/// Finds the header row: the row among the first ones with the most known headers (at
/// least two, or every required column).
pub(super) fn find_header_row(g: &Grid<'_>, spec: &'static TableSpec, extras: &mut SheetExtras<'_>) -> Option<usize> {
    let required = spec.columns.iter().filter(|c| c.required).count();
    let mut best: Option<(usize, usize)> = None;
    for r in 0..g.height().min(HEADER_SEARCH_ROWS) {
        let cells: Vec<(usize, String)> = (0..g.width()).map(|c| (c, g.label(r, c, extras))).collect();
        let score = map_headers(spec, &cells, &BTreeSet::new()).len();
        if score >= 2.min(required.max(1)) && best.is_none_or(|(_, s)| score > s) {
            best = Some((r, score));
        }
    }
    best.map(|(r, _)| r)
}

/// The columns of a list sheet: each mapped column's key → its Excel column and header text.
pub(super) type Columns = BTreeMap<&'static str, (u32, Arc<str>)>;

/// What the header row(s) of a list sheet say.
pub(super) struct Header {
    /// The mapped columns.
    pub(super) columns: Columns,
    /// The header row's texts that name no column, with their Excel column (0-based).
    pub(super) unknown: Vec<(u32, String)>,
    /// The first row under the header (relative to the grid).
    pub(super) data_start: usize,
}

/// Maps the header row's cells onto columns; a second header row (merged group headers
/// above) may add more, and then the data starts under it.
pub(super) fn map_header_rows(
    g: &Grid<'_>,
    spec: &'static TableSpec,
    header_row: usize,
    extras: &mut SheetExtras<'_>,
) -> Header {
    let mut columns: Columns = BTreeMap::new();
    let mut unknown: Vec<(u32, String)> = Vec::new();
    let mut data_start = header_row + 1;
    for r in [header_row, header_row + 1] {
        if r >= g.height() {
            break;
        }
        // A second header row (under merged group headers) has nothing under the columns
        // the first one named; a row with values there is the first record.
        if r > header_row && columns.values().any(|(col, _)| !g.get(r, (*col - g.col0) as usize).is_empty()) {
            break;
        }
        let cells: Vec<(usize, String)> = (0..g.width())
            .filter(|c| !columns.values().any(|(col, _)| *col == g.excel_col(*c)))
            .map(|c| (c, g.label(r, c, extras)))
            .filter(|(_, h)| !h.trim().is_empty())
            .collect();
        let taken: BTreeSet<&'static str> = columns.keys().copied().collect();
        let mapped = map_headers(spec, &cells, &taken);
        let added = !mapped.is_empty();
        for (c, col) in mapped.iter().copied() {
            let header = &cells.iter().find(|(x, _)| *x == c).expect("mapped from cells").1;
            columns.insert(col.key, (g.excel_col(c), crate::text::clean_inline(header).into()));
        }
        if r == header_row {
            unknown.extend(
                cells
                    .iter()
                    .filter(|(c, _)| !mapped.iter().any(|(m, _)| m == c))
                    .map(|(c, h)| (g.excel_col(*c), crate::text::clean_inline(h))),
            );
        }
        if r > header_row && added {
            data_start = r + 1;
            unknown.retain(|(_, u)| !columns.values().any(|(_, h)| **h == **u));
        }
    }
    Header { columns, unknown, data_start }
}

/// `1 2 3 4 …` or `(1) (2) (3)`: the column-number row Vietnamese tables put under headers.
pub(super) fn is_column_number_row(values: &[Value]) -> bool {
    let nums: Vec<i64> = values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| {
            let s = v.display();
            s.trim().trim_start_matches('(').trim_end_matches(')').parse::<i64>().unwrap_or(-1)
        })
        .collect();
    nums.len() >= 3 && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

/// How many rows from the top of a sheet are searched for the header row.
pub(super) const HEADER_SEARCH_ROWS: usize = 30;
