//! Reading a list sheet row by row: records, and the rows that are not records (titles, totals, sections, footers).

use std::collections::BTreeSet;
use std::sync::Arc;

use calamine::{Data, Dimensions, Range};

use super::super::raw::{Cell, Record, Table, Value};
use super::super::schema::{self, STT, TableSpec};
use super::extras::SheetExtras;
use super::grid::{Grid, grid};
use super::header::{Columns, Header, find_header_row, is_column_number_row, map_header_rows};
use crate::diag::{Diagnostic, Diagnostics, Loc, Origin, Text, column_letters, quote};
use crate::text::legacy::{self};

pub(super) fn is_total_row(first_text: &str) -> bool {
    // With its diacritics: `Tổng công ty …` is a company, not a total; and only a number or
    // a bracket may follow (`Tổng cộng: 250 đại biểu`, `Tổng cộng (I+II)`), not words
    // (`Tổng số sản phẩm đạt 3 sao` is a target).
    let lower = crate::text::clean_inline(first_text).to_lowercase();
    ["tổng cộng", "tổng số", "tổng", "cộng", "tong cong", "tong so"].iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start_matches([':', '.', ' ', '-']);
            rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        })
    })
}

/// A row that only heads a section: a single text cell that is merged across columns,
/// written in capitals, or numbered like `I.` / `A.`.
pub(super) fn is_section_row(g: &Grid<'_>, r: usize, extras: &mut SheetExtras<'_>) -> Option<String> {
    let filled: Vec<(usize, String)> =
        (0..g.width()).map(|c| (c, g.text(r, c))).filter(|(_, t)| !t.trim().is_empty()).collect();
    // `II` | `THƯỜNG TRỰC TỈNH ỦY`: the section's number in a cell of its own.
    let is_marker = |t: &str| {
        let t = t.trim().trim_end_matches(['.', ')']);
        let roman = !t.is_empty() && t.len() <= 6 && t.chars().all(|ch| "IVXLC".contains(ch));
        let letter = t.chars().count() == 1 && t.chars().all(|ch| ch.is_ascii_uppercase() || ch == 'Đ');
        roman || letter
    };
    let texts: Vec<&(usize, String)> = filled
        .iter()
        .filter(|(_, t)| t.trim().trim_end_matches('.').parse::<f64>().is_err() && !is_marker(t))
        .collect();
    if texts.len() != 1 || filled.len() > 2 {
        return None;
    }
    let (c, text) = texts[0];
    let marked = filled.iter().any(|(m, t)| m < c && is_marker(t));
    let letters: Vec<char> = text.chars().filter(|ch| ch.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|ch| ch.is_uppercase());
    let first = text.split_whitespace().next().unwrap_or("");
    let numbered = first.len() <= 5
        && (first.ends_with('.') || first.ends_with(')'))
        && first.trim_end_matches(['.', ')']).chars().all(|ch| "IVXLABCDĐ".contains(ch));
    let mut is_merged = || {
        let (row, col) = (g.excel_row(r) - 1, g.excel_col(*c));
        extras.merges().iter().any(|d| d.start == (row, col) && d.end.1 > d.start.1)
    };
    if marked {
        let marker = &filled[0].1;
        return Some(format!("{} {}", marker.trim(), text.trim()));
    }
    (capitals || numbered || is_merged()).then(|| text.clone())
}

/// Text that might be in an old font encoding, whose cell's font is then worth reading.
pub(super) fn legacy_candidate(value: &Value) -> bool {
    matches!(value, Value::Text(t) if legacy::candidate(t))
}

/// Reads one list sheet.
pub(super) fn read_table(
    range: &Range<Data>,
    extras: &mut SheetExtras<'_>,
    spec: &'static TableSpec,
    file: &Arc<str>,
    sheet: &str,
    diags: &mut Diagnostics,
) -> Table {
    let sheet_arc: Arc<str> = sheet.into();
    let sheet_loc = Loc::Sheet { file: file.clone(), sheet: sheet_arc.clone() };
    let g = grid(range);
    if g.height() == 0 {
        return Table { spec, loc: Some(sheet_loc), records: Vec::new() };
    }
    let Some(header_row) = find_header_row(&g, spec, extras) else {
        diags.push(missing_header_row(spec, sheet_loc.clone()));
        return Table { spec, loc: Some(sheet_loc), records: Vec::new() };
    };
    let header = map_header_rows(&g, spec, header_row, extras);
    note_unknown_columns(&header.unknown, &sheet_loc, diags);
    warn_near_misses(spec, &header, g.excel_row(header_row), &sheet_loc, diags);
    report_missing_columns(spec, &header.columns, g.excel_row(header_row), &sheet_loc, diags);
    let mut rows = RowReader {
        g: &g,
        extras,
        spec,
        file,
        sheet: sheet_arc,
        columns: Arc::new(header.columns),
        data_start: header.data_start,
        after_total: false,
        filled_merges: BTreeSet::new(),
    };
    let records = (header.data_start..g.height()).filter_map(|r| rows.read_row(r, diags)).collect();
    Table { spec, loc: Some(sheet_loc), records }
}

/// The error for a sheet without a header row, naming the required columns.
fn missing_header_row(spec: &'static TableSpec, sheet_loc: Loc) -> Diagnostic {
    let expected: Vec<&str> = spec.columns.iter().filter(|c| c.required).map(|c| c.header).collect();
    Diagnostic::error(
        "missing-header-row",
        sheet_loc,
        Text::new("không tìm thấy dòng tiêu đề cột", "no header row found"),
    )
    .with_hint(Text::new(
        format!("sheet phải có một dòng tiêu đề với các cột: {}", expected.join(", ")),
        format!("the sheet needs a header row with the columns: {}", expected.join(", ")),
    ))
}

/// Notes the header cells that name no column of the list, which are ignored.
fn note_unknown_columns(unknown: &[(u32, String)], sheet_loc: &Loc, diags: &mut Diagnostics) {
    if unknown.is_empty() {
        return;
    }
    let unknown: Vec<&String> = unknown.iter().map(|(_, h)| h).collect();
    diags.push(Diagnostic::note(
        "unknown-columns",
        sheet_loc.clone(),
        Text::new(
            format!(
                "các cột không dùng đến được bỏ qua: {}",
                unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")
            ),
            format!("unused columns ignored: {}", unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")),
        ),
    ));
}

/// A value hidden under a merged region (Excel shows only the region's first cell).
fn hidden_under_merge(loc: Loc, d: &Dimensions, col: u32, hidden: &Value, shown: &Value) -> Diagnostic {
    let range = format!("{}{}:{}{}", column_letters(col), d.start.0 + 1, column_letters(col), d.end.0 + 1);
    Diagnostic::error(
        "hidden-by-merge",
        loc,
        Text::new(
            format!(
                "ô này nằm trong vùng gộp {range} (Excel chỉ hiện {}) nhưng còn giữ dữ liệu bị che: {}",
                quote(&shown.display()),
                quote(&hidden.display())
            ),
            format!(
                "this cell is inside the merged cells {range} (Excel shows only {}) but still holds hidden data: {}",
                quote(&shown.display()),
                quote(&hidden.display())
            ),
        ),
    )
    .with_hint(Text::new(
        "bỏ gộp ô (Merge & Center) để thấy và sửa dữ liệu từng dòng",
        "unmerge the cells (Merge & Center) to see and correct each row",
    ))
}

/// A header nobody recognised that is a typo away from a column the sheet lacks (`Chức dụ`
/// for `Chức vụ`) is a warning at its cell: otherwise that column's data would be dropped
/// without a word.
fn warn_near_misses(spec: &'static TableSpec, header: &Header, row: u32, sheet_loc: &Loc, diags: &mut Diagnostics) {
    let Loc::Sheet { file, sheet } = sheet_loc else { return };
    for (col, text) in &header.unknown {
        let Some(meant) = schema::near_miss(spec, text, &|k| header.columns.contains_key(k)) else { continue };
        let loc =
            Loc::Cell { file: file.clone(), sheet: sheet.clone(), row, col: *col, header: Some(text.as_str().into()) };
        diags.push(schema::near_miss_warning(loc, text, meant.header, false));
    }
}

/// An error for each required column the header row (at Excel row `header_row`) lacks.
fn report_missing_columns(
    spec: &'static TableSpec,
    columns: &Columns,
    header_row: u32,
    sheet_loc: &Loc,
    diags: &mut Diagnostics,
) {
    for c in spec.columns.iter().filter(|c| c.required && !columns.contains_key(c.key)) {
        diags.push(
            Diagnostic::error(
                "missing-column",
                sheet_loc.clone(),
                Text::new(format!("thiếu cột “{}”", c.header), format!("the column “{}” is missing", c.header)),
            )
            .with_hint(Text::new(
                format!("thêm cột có tiêu đề “{}” vào dòng tiêu đề (dòng {})", c.header, header_row),
                format!("add a column headed “{}” to the header row (row {})", c.header, header_row),
            )),
        );
    }
}

/// A row's value in one column: the column's key, its Excel column, the value.
type Field = (&'static str, u32, Value);

/// Why a row under the header is not a record.
enum Skip {
    /// Empty, or only an STT number: passed over in silence.
    Blank,
    /// Text alone in the STT column: a section title or a total line (often merged across the row).
    SttText(String),
    /// The column-number row right under the header (`1 2 3` or `(1) (2) (3)`).
    ColumnNumbers,
    /// A total row, with its first text.
    Total(String),
    /// A row after the total line that is not a whole record, with its first text.
    Footer(String),
    /// A row that only heads a section, with its title.
    Section(String),
}

impl Skip {
    /// The note's message saying the row was passed over (none for a blank row).
    fn message(&self) -> Option<Text> {
        Some(match self {
            Skip::Blank => return None,
            Skip::SttText(t) => Text::new(format!("bỏ qua dòng {}", quote(t)), format!("skipped the row {}", quote(t))),
            Skip::ColumnNumbers => Text::new("bỏ qua dòng đánh số cột", "skipped the column-number row"),
            Skip::Total(first_text) => Text::new(
                format!("bỏ qua dòng tổng {}", quote(first_text)),
                format!("skipped the total row {}", quote(first_text)),
            ),
            Skip::Footer(first_text) => Text::new(
                format!("bỏ qua dòng cuối bảng (sau dòng tổng) {}", quote(first_text)),
                format!("skipped the footer row (after the total line) {}", quote(first_text)),
            ),
            Skip::Section(title) => Text::new(
                format!("bỏ qua dòng tiêu đề mục {}", quote(title)),
                format!("skipped the section row {}", quote(title)),
            ),
        })
    }
}

/// Reads the rows under a list sheet's header one by one, with what carries from row to row.
struct RowReader<'a, 'e> {
    g: &'a Grid<'a>,
    extras: &'a mut SheetExtras<'e>,
    spec: &'static TableSpec,
    file: &'a Arc<str>,
    sheet: Arc<str>,
    /// The mapped columns: key → Excel column and header.
    columns: Arc<Columns>,
    /// The first row under the header (relative to the grid).
    data_start: usize,
    /// After the total line, what follows is the list's footer (place and date, "NGƯỜI LẬP
    /// BIỂU", a name): rows that are not whole records are passed over.
    after_total: bool,
    /// The merged regions (first row, last row, column) already said to fill their rows.
    filled_merges: BTreeSet<(u32, u32, u32)>,
}

impl RowReader<'_, '_> {
    /// Reads row `r`: its record, or `None` when it is passed over (said with a note).
    fn read_row(&mut self, r: usize, diags: &mut Diagnostics) -> Option<Record> {
        let excel_row = self.g.excel_row(r);
        match self.record_values(r, diags) {
            Ok(values) => Some(self.record(values, excel_row)),
            Err(skip) => {
                if let Some(message) = skip.message() {
                    let row_loc = Loc::Row { file: self.file.clone(), sheet: self.sheet.clone(), row: excel_row };
                    diags.push(Diagnostic::note("skipped-row", row_loc, message));
                }
                None
            }
        }
    }

    /// The values of row `r` in the mapped columns, completed from merges and formulas; or
    /// why the row is not a record.
    fn record_values(&mut self, r: usize, diags: &mut Diagnostics) -> Result<Vec<Field>, Skip> {
        let mut values: Vec<Field> = self
            .columns
            .iter()
            .map(|(key, (col, _))| (*key, *col, self.g.get(r, (*col - self.g.col0) as usize)))
            .collect();
        let first_text = self.skip_before_filling(r, &values)?;
        self.fill_from_merges(r, &mut values, diags);
        self.mark_uncomputed_formulas(r, &mut values);
        self.skip_after_filling(r, &values, first_text)?;
        Ok(values)
    }

    /// Passes over an empty or STT-only row, the column-number row and a total row (a total
    /// starts the footer); else gives the row's first text.
    fn skip_before_filling(&mut self, r: usize, values: &[Field]) -> Result<String, Skip> {
        if values.iter().all(|(k, _, v)| *k == STT || v.is_empty()) {
            // Empty, or only an STT number: skipped. Text in the STT column alone is a
            // section title or a total line (often merged across the row): said once.
            let stt_text = values.iter().find(|(k, _, _)| *k == STT).map(|(_, _, v)| v);
            if let Some(v @ Value::Text(t)) = stt_text
                && !v.is_empty()
                && t.trim().trim_end_matches('.').parse::<f64>().is_err()
            {
                self.after_total |= is_total_row(t);
                return Err(Skip::SttText(t.clone()));
            }
            return Err(Skip::Blank);
        }
        let row_values: Vec<Value> = (0..self.g.width()).map(|c| self.g.get(r, c)).collect();
        if r == self.data_start && is_column_number_row(&row_values) {
            return Err(Skip::ColumnNumbers);
        }
        let first_text = row_values.iter().map(Value::display).find(|t| !t.trim().is_empty()).unwrap_or_default();
        if is_total_row(&first_text) {
            self.after_total = true;
            return Err(Skip::Total(first_text));
        }
        Ok(first_text)
    }

    /// Fills an empty cell inside a merge that runs down from a row above with that row's
    /// value (`Cơ quan, đơn vị` merged over the delegates of one office), said once a merge.
    fn fill_from_merges(&mut self, r: usize, values: &mut [Field], diags: &mut Diagnostics) {
        let g = self.g;
        let first_data_row = g.row0 + self.data_start as u32;
        let row0 = g.excel_row(r) - 1;
        for (key, col, v) in values.iter_mut().filter(|(k, _, _)| *k != STT) {
            let region = self
                .extras
                .merges()
                .iter()
                .find(|d| d.start.1 == *col && d.start.0 < row0 && row0 <= d.end.0 && d.start.0 >= first_data_row);
            if let Some(d) = region.copied() {
                let top = g.get((d.start.0 - g.row0) as usize, (*col - g.col0) as usize);
                // Excel shows only the merge's first cell; a value kept under it is hidden
                // from the clerk and would be printed anyway.
                // (Some programs write the shown value into every cell: nothing is hidden.)
                if !v.is_empty() && *v != top {
                    let header = self.columns.get(*key).map(|(_, h)| h.clone());
                    let loc = Loc::Cell {
                        file: self.file.clone(),
                        sheet: self.sheet.clone(),
                        row: row0 + 1,
                        col: *col,
                        header,
                    };
                    diags.push(hidden_under_merge(loc, &d, *col, v, &top));
                    continue;
                }
                if v.is_empty() && !top.is_empty() {
                    if self.filled_merges.insert((d.start.0, d.end.0, *col)) {
                        diags.push(self.merged_cells_note(&d, *col, &top));
                    }
                    *v = top;
                }
            }
        }
    }

    /// The note that the value at the top of merged region `d` applies to all its rows.
    fn merged_cells_note(&self, d: &Dimensions, col: u32, top: &Value) -> Diagnostic {
        let range = format!("{}{}:{}{}", column_letters(col), d.start.0 + 1, column_letters(col), d.end.0 + 1);
        Diagnostic::note(
            "merged-cells",
            Loc::Sheet { file: self.file.clone(), sheet: self.sheet.clone() },
            Text::new(
                format!("ô gộp {range}: {} dùng cho cả {} dòng", quote(&top.display()), d.end.0 - d.start.0 + 1),
                format!(
                    "merged cells {range}: {} applies to all {} rows",
                    quote(&top.display()),
                    d.end.0 - d.start.0 + 1
                ),
            ),
        )
    }

    /// Marks a cell that is empty but holds a formula as that formula's error: its value was
    /// never computed (a file written by a program, not saved by Excel). Whatever the column.
    fn mark_uncomputed_formulas(&mut self, r: usize, values: &mut [Field]) {
        let row0 = self.g.excel_row(r) - 1;
        for (key, col, v) in values.iter_mut().filter(|(_, _, v)| matches!(v, Value::Empty)) {
            if *key != STT
                && let Some(f) = self.extras.formula_at(row0, *col)
            {
                *v = Value::Error(format!("={f}"));
            }
        }
    }

    /// Passes over a row that lacks a required value and comes after the total line (the
    /// footer) or heads a section.
    fn skip_after_filling(&mut self, r: usize, values: &[Field], first_text: String) -> Result<(), Skip> {
        let has_required = self
            .spec
            .columns
            .iter()
            .filter(|c| c.required)
            .all(|c| values.iter().any(|(k, _, v)| *k == c.key && !v.is_empty()));
        if has_required {
            return Ok(());
        }
        if self.after_total {
            return Err(Skip::Footer(first_text));
        }
        match is_section_row(self.g, r, self.extras) {
            Some(title) => Err(Skip::Section(title)),
            None => Ok(()),
        }
    }

    /// The record of Excel row `excel_row`: its non-empty values, each located at its cell
    /// and with the old font encoding its text may be in.
    fn record(&mut self, values: Vec<Field>, excel_row: u32) -> Record {
        let cells = values
            .into_iter()
            .filter(|(_, _, v)| !matches!(v, Value::Empty))
            .map(|(key, col, value)| {
                let header = self.columns.get(key).map(|(_, h)| h.clone());
                let loc = Loc::Cell { file: self.file.clone(), sheet: self.sheet.clone(), row: excel_row, col, header };
                let font = legacy_candidate(&value).then(|| self.extras.legacy_font(excel_row - 1, col)).flatten();
                (key, Cell { value, loc, font })
            })
            .collect();
        let origin = Origin::Excel {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: excel_row,
            columns: self.columns.clone(),
        };
        Record { origin, cells }
    }
}
