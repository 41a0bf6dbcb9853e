//! Reading a sheet of the clerk's own (a budget, staff numbers, cases handled): its header
//! row is the first row with two or more headers, under titles and a unit line; a second
//! header row under merged group headers (`Kinh phí` over `Dự toán` | `Thực hiện`) names
//! the columns under them. Rows are skipped as in the lists: empty rows, the column-number
//! row, section titles, total lines and, after the total, the footer.

use std::collections::BTreeMap;
use std::sync::Arc;

use calamine::{Data, Range};

use super::super::raw::{Cell, FreeRow, FreeTable, Value};
use super::super::schema::{STT, TableKind, table};
use super::extras::SheetExtras;
use super::grid::{Grid, grid};
use super::header::is_column_number_row;
use super::rows::{is_section_row, is_total_row, legacy_candidate};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::text::{clean_inline, loose_key};

/// How far down the header row may be.
const HEADER_SEARCH_ROWS: usize = 30;

/// Reads sheet `sheet` as a table of the clerk's own; `None` when it has no header row
/// (an empty sheet, a note).
pub(super) fn read_free_table(
    range: &Range<Data>,
    extras: &mut SheetExtras<'_>,
    file: &Arc<str>,
    sheet: &str,
    diags: &mut Diagnostics,
) -> Option<FreeTable> {
    let g = grid(range);
    let header_row = (0..g.height().min(HEADER_SEARCH_ROWS)).find(|&r| {
        (0..g.width()).filter(|&c| matches!(g.get(r, c), Value::Text(_)) && !g.get(r, c).is_empty()).count() >= 2
    })?;
    let (columns, data_start) = header_columns(&g, header_row, extras);
    if columns.is_empty() {
        return None;
    }
    let sheet_arc: Arc<str> = sheet.into();
    let mut reader = FreeRows { g: &g, extras, file, sheet: sheet_arc.clone(), columns: &columns, after_total: false };
    let rows = (data_start..g.height()).filter_map(|r| reader.row(r, r == data_start, diags)).collect();
    Some(FreeTable {
        name: sheet.to_string(),
        loc: Loc::Sheet { file: file.clone(), sheet: sheet_arc },
        headers: columns.iter().map(|(_, h)| h.clone()).collect(),
        rows,
    })
}

/// The columns (grid column, header) of the header row at `r`, with the sub-headers of a
/// second row under merged group headers; and the first data row. Duplicate headers get a
/// number (`Ghi chú 2`); the STT column is left out (vanthu numbers rows itself).
fn header_columns(g: &Grid<'_>, r: usize, extras: &mut SheetExtras<'_>) -> (Vec<(usize, String)>, usize) {
    let mut headers: BTreeMap<usize, String> =
        (0..g.width()).map(|c| (c, clean_inline(&g.label(r, c, extras)))).filter(|(_, h)| !h.is_empty()).collect();
    let mut data_start = r + 1;
    // Group headers merged across columns on row `r`, with sub-headers on the next row.
    let row0 = g.excel_row(r) - 1;
    let groups: Vec<(u32, u32)> = extras
        .merges()
        .iter()
        .filter(|d| d.start.0 == row0 && d.end.1 > d.start.1)
        .map(|d| (d.start.1, d.end.1))
        .collect();
    let next = r + 1;
    let sub = |c: usize| matches!(g.get(next, c), Value::Text(_)) && !g.get(next, c).is_empty();
    let next_is_headers = next < g.height()
        && !groups.is_empty()
        && (0..g.width()).all(|c| g.get(next, c).is_empty() || sub(c))
        && groups.iter().any(|(a, b)| (*a..=*b).any(|col| col >= g.col0 && sub((col - g.col0) as usize)));
    if next_is_headers {
        let parents = headers.clone();
        for c in 0..g.width() {
            if !sub(c) {
                continue;
            }
            let child = clean_inline(&g.label(next, c, extras));
            let col = g.excel_col(c);
            let parent = groups
                .iter()
                .find(|(a, b)| (*a..=*b).contains(&col))
                .and_then(|(a, _)| parents.get(&((a - g.col0) as usize)).cloned());
            let name = match parent {
                Some(p) if p != child => format!("{p} - {child}"),
                _ => child,
            };
            headers.insert(c, name);
        }
        data_start = next + 1;
    }
    let stt = table(TableKind::Delegates).column(STT).expect("the STT column");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let columns = headers
        .into_iter()
        .filter(|(_, h)| !stt.matches(h))
        .map(|(c, h)| {
            let n = seen.entry(loose_key(&h)).or_default();
            *n += 1;
            (c, if *n > 1 { format!("{h} {n}") } else { h })
        })
        .collect();
    (columns, data_start)
}

/// Reads the rows of a free table.
struct FreeRows<'a, 'e> {
    g: &'a Grid<'a>,
    extras: &'a mut SheetExtras<'e>,
    file: &'a Arc<str>,
    sheet: Arc<str>,
    columns: &'a [(usize, String)],
    /// After the total line, rows of fewer than two values are the footer.
    after_total: bool,
}

impl FreeRows<'_, '_> {
    /// Row `r` (`first`: right under the header), or `None` when it is passed over.
    fn row(&mut self, r: usize, first: bool, diags: &mut Diagnostics) -> Option<FreeRow> {
        let g = self.g;
        let excel_row = g.excel_row(r);
        let row_loc = Loc::Row { file: self.file.clone(), sheet: self.sheet.clone(), row: excel_row };
        let values: Vec<Value> = self.columns.iter().map(|(c, _)| g.get(r, *c)).collect();
        let filled = values.iter().filter(|v| !v.is_empty()).count();
        if filled == 0 {
            return None;
        }
        let all: Vec<Value> = (0..g.width()).map(|c| g.get(r, c)).collect();
        let skip = |vi: String, en: String| Diagnostic::note("skipped-row", row_loc.clone(), Text::new(vi, en));
        if first && is_column_number_row(&all) {
            diags.push(skip("bỏ qua dòng đánh số cột".into(), "skipped the column-number row".into()));
            return None;
        }
        let first_text = all.iter().map(Value::display).find(|t| !t.trim().is_empty()).unwrap_or_default();
        if is_total_row(&first_text) {
            self.after_total = true;
            diags.push(skip(
                format!("bỏ qua dòng tổng {} (vanthu tự cộng)", quote(&first_text)),
                format!("skipped the total row {} (vanthu adds up itself)", quote(&first_text)),
            ));
            return None;
        }
        if self.after_total && filled < 2 {
            diags.push(skip(
                format!("bỏ qua dòng cuối bảng (sau dòng tổng) {}", quote(&first_text)),
                format!("skipped the footer row (after the total line) {}", quote(&first_text)),
            ));
            return None;
        }
        if filled == 1
            && let Some(title) = is_section_row(g, r, self.extras)
        {
            diags.push(skip(
                format!("bỏ qua dòng tiêu đề mục {}", quote(&title)),
                format!("skipped the section row {}", quote(&title)),
            ));
            return None;
        }
        let cells = self
            .columns
            .iter()
            .zip(values)
            .map(|((c, header), value)| {
                let col = g.excel_col(*c);
                let value = match value {
                    Value::Empty => match self.extras.formula_at(excel_row - 1, col) {
                        Some(f) => Value::Error(format!("={f}")),
                        None => return None,
                    },
                    v => v,
                };
                let font = legacy_candidate(&value).then(|| self.extras.legacy_font(excel_row - 1, col)).flatten();
                let loc = Loc::Cell {
                    file: self.file.clone(),
                    sheet: self.sheet.clone(),
                    row: excel_row,
                    col,
                    header: Some(header.as_str().into()),
                };
                Some(Cell { value, loc, font })
            })
            .collect();
        Some(FreeRow { loc: row_loc, cells })
    }
}
