//! Reading a list sheet row by row: records, and the rows that are not records (titles, totals, sections, footers).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use calamine::{Data, Range};

use super::super::raw::{Cell, Record, Table, Value};
use super::super::schema::{STT, TableSpec};
use super::extras::SheetExtras;
use super::grid::{Grid, grid};
use super::header::{find_header_row, is_column_number_row, map_headers};
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
        let expected: Vec<&str> = spec.columns.iter().filter(|c| c.required).map(|c| c.header).collect();
        diags.push(
            Diagnostic::error(
                "missing-header-row",
                sheet_loc.clone(),
                Text::new("không tìm thấy dòng tiêu đề cột", "no header row found"),
            )
            .with_hint(Text::new(
                format!("sheet phải có một dòng tiêu đề với các cột: {}", expected.join(", ")),
                format!("the sheet needs a header row with the columns: {}", expected.join(", ")),
            )),
        );
        return Table { spec, loc: Some(sheet_loc), records: Vec::new() };
    };

    // Map columns; a second header row (merged group headers above) may add more.
    let mut columns: BTreeMap<&'static str, (u32, Arc<str>)> = BTreeMap::new();
    let mut unknown: Vec<String> = Vec::new();
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
                    .map(|(_, h)| crate::text::clean_inline(h)),
            );
        }
        if r > header_row && added {
            data_start = r + 1;
            unknown.retain(|u| !columns.values().any(|(_, h)| **h == **u));
        }
    }
    if !unknown.is_empty() {
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
    for c in spec.columns.iter().filter(|c| c.required && !columns.contains_key(c.key)) {
        diags.push(
            Diagnostic::error(
                "missing-column",
                sheet_loc.clone(),
                Text::new(format!("thiếu cột “{}”", c.header), format!("the column “{}” is missing", c.header)),
            )
            .with_hint(Text::new(
                format!("thêm cột có tiêu đề “{}” vào dòng tiêu đề (dòng {})", c.header, g.excel_row(header_row)),
                format!("add a column headed “{}” to the header row (row {})", c.header, g.excel_row(header_row)),
            )),
        );
    }

    let columns = Arc::new(columns);
    let mut records = Vec::new();
    // After the total line, what follows is the list's footer (place and date, "NGƯỜI LẬP
    // BIỂU", a name): rows that are not whole records are passed over.
    let mut after_total = false;
    let mut filled_merges: BTreeSet<(u32, u32, u32)> = BTreeSet::new();
    for r in data_start..g.height() {
        let mut values: Vec<(&'static str, u32, Value)> =
            columns.iter().map(|(key, (col, _))| (*key, *col, g.get(r, (*col - g.col0) as usize))).collect();
        let content: Vec<&Value> =
            values.iter().filter(|(k, _, v)| *k != STT && !v.is_empty()).map(|(_, _, v)| v).collect();
        let excel_row = g.excel_row(r);
        let row_loc = Loc::Row { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row };
        if content.is_empty() {
            // Empty, or only an STT number: skipped. Text in the STT column alone is a
            // section title or a total line (often merged across the row): said once.
            let stt_text = values.iter().find(|(k, _, _)| *k == STT).map(|(_, _, v)| v);
            if let Some(v @ Value::Text(t)) = stt_text
                && !v.is_empty()
                && t.trim().trim_end_matches('.').parse::<f64>().is_err()
            {
                after_total |= is_total_row(t);
                diags.push(Diagnostic::note(
                    "skipped-row",
                    row_loc,
                    Text::new(format!("bỏ qua dòng {}", quote(t)), format!("skipped the row {}", quote(t))),
                ));
            }
            continue;
        }
        let row_values: Vec<Value> = (0..g.width()).map(|c| g.get(r, c)).collect();
        if r == data_start && is_column_number_row(&row_values) {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new("bỏ qua dòng đánh số cột", "skipped the column-number row"),
            ));
            continue;
        }
        let first_text = row_values.iter().map(Value::display).find(|t| !t.trim().is_empty()).unwrap_or_default();
        if is_total_row(&first_text) {
            after_total = true;
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng tổng {}", quote(&first_text)),
                    format!("skipped the total row {}", quote(&first_text)),
                ),
            ));
            continue;
        }
        // A cell inside a merge that runs down from a row above holds that row's value
        // (`Cơ quan, đơn vị` merged over the delegates of one office).
        for (_, col, v) in values.iter_mut().filter(|(k, _, v)| *k != STT && v.is_empty()) {
            let row0 = excel_row - 1;
            let region = extras.merges().iter().find(|d| {
                d.start.1 == *col && d.start.0 < row0 && row0 <= d.end.0 && d.start.0 >= g.row0 + data_start as u32
            });
            if let Some(d) = region.copied() {
                let top = g.get((d.start.0 - g.row0) as usize, (*col - g.col0) as usize);
                if !top.is_empty() {
                    if filled_merges.insert((d.start.0, d.end.0, *col)) {
                        let range = format!(
                            "{}{}:{}{}",
                            column_letters(*col),
                            d.start.0 + 1,
                            column_letters(*col),
                            d.end.0 + 1
                        );
                        diags.push(Diagnostic::note(
                            "merged-cells",
                            Loc::Sheet { file: file.clone(), sheet: sheet_arc.clone() },
                            Text::new(
                                format!(
                                    "ô gộp {range}: {} dùng cho cả {} dòng",
                                    quote(&top.display()),
                                    d.end.0 - d.start.0 + 1
                                ),
                                format!(
                                    "merged cells {range}: {} applies to all {} rows",
                                    quote(&top.display()),
                                    d.end.0 - d.start.0 + 1
                                ),
                            ),
                        ));
                    }
                    *v = top;
                }
            }
        }
        // A cell that is empty but holds a formula: its value was never computed (a file
        // written by a program, not saved by Excel). Said at the cell, whatever the column.
        for (key, col, v) in values.iter_mut().filter(|(_, _, v)| matches!(v, Value::Empty)) {
            if *key != STT
                && let Some(f) = extras.formula_at(excel_row - 1, *col)
            {
                *v = Value::Error(format!("={f}"));
            }
        }
        let has_required = spec
            .columns
            .iter()
            .filter(|c| c.required)
            .all(|c| values.iter().any(|(k, _, v)| *k == c.key && !v.is_empty()));
        if !has_required && after_total {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng cuối bảng (sau dòng tổng) {}", quote(&first_text)),
                    format!("skipped the footer row (after the total line) {}", quote(&first_text)),
                ),
            ));
            continue;
        }
        if !has_required && let Some(title) = is_section_row(&g, r, extras) {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng tiêu đề mục {}", quote(&title)),
                    format!("skipped the section row {}", quote(&title)),
                ),
            ));
            continue;
        }
        let cells = values
            .into_iter()
            .filter(|(_, _, v)| !matches!(v, Value::Empty))
            .map(|(key, col, value)| {
                let header = columns.get(key).map(|(_, h)| h.clone());
                let loc = Loc::Cell { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row, col, header };
                let font = legacy_candidate(&value).then(|| extras.legacy_font(excel_row - 1, col)).flatten();
                (key, Cell { value, loc, font })
            })
            .collect();
        let origin =
            Origin::Excel { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row, columns: columns.clone() };
        records.push(Record { origin, cells });
    }
    Table { spec, loc: Some(sheet_loc), records }
}
