//! Counts and sums over any table, without code: a [`TableDef`] (a row of `Bảng biểu`)
//! applied to its source — rows filtered, grouped by a column (and spread over the values
//! of another), figures counted, summed, averaged or counted once per value, a total and
//! the extra columns (share, change) computed. Every name the definition uses is looked up
//! in the source; one that is not there is an error at the definition's cell, listing the
//! ones that are.

use std::collections::{BTreeSet, HashMap};

use super::table::{ColumnRole, Out, OutColumn, ReportTable};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::model::{Axis, Datum, Filter, NumberFormat, RowOrder, Sheet, SheetRow, TableDef, ValueDef};
use crate::text::{loose_key, lowercase_first};

/// What one column of figures computes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Measure {
    /// The number of rows.
    Count,
    /// The sum of a column.
    Sum(usize),
    /// The number of distinct values of a column (`Số chủ thể khác nhau`).
    Distinct(usize),
    Average(usize),
    /// A column as it is (a list), or summed (grouped rows).
    Column(usize),
}

impl Measure {
    /// Whether the total of the column is the sum of its rows.
    fn additive(self) -> bool {
        matches!(self, Measure::Count | Measure::Sum(_) | Measure::Column(_))
    }
}

/// The number of a cell: a number, or text typed as one; `Err` for other text (said at
/// its cell), `Ok(None)` for an empty cell.
fn number_at(row: &SheetRow, c: usize, header: &str) -> Result<Option<f64>, Diagnostic> {
    match &row.cells[c] {
        Datum::Empty => Ok(None),
        Datum::Error(e) => Err(crate::validate::fields::excel_error(row.locs[c].clone(), e)),
        d => d.number().map(Some).ok_or_else(|| {
            let shown = match d {
                Datum::Text(t) => t.clone(),
                _ => String::new(),
            };
            not_a_number(row.locs[c].clone(), header, &shown)
        }),
    }
}

/// A value a filter or a condition looks for that no row of column `c` holds (a typo, or
/// a value of another column): said with the values there are.
pub(super) fn absent_value(loc: Loc, sheet: &Sheet, c: usize, value: &str) -> Diagnostic {
    let mut values: Vec<String> = Vec::new();
    for r in &sheet.rows {
        let v = label_of(&r.cells[c], sheet.columns[c].format);
        if !values.iter().any(|x| loose_key(x) == loose_key(&v)) {
            values.push(v);
        }
    }
    let more = if values.len() > 12 { ", …" } else { "" };
    let shown = values.iter().take(12).map(|v| quote(v)).collect::<Vec<_>>().join(", ");
    let column = &sheet.columns[c].name;
    Diagnostic::warning(
        "absent-value",
        loc,
        Text::new(
            format!("không dòng nào của sheet “{}” có {column} = {}", sheet.name, quote(value)),
            format!("no row of “{}” has {column} = {}", sheet.name, quote(value)),
        ),
    )
    .with_hint(Text::new(
        format!("các giá trị của cột {column}: {shown}{more}"),
        format!("the values of {column}: {shown}{more}"),
    ))
}

/// A cell that should hold a number and does not.
pub(super) fn not_a_number(loc: Loc, header: &str, shown: &str) -> Diagnostic {
    Diagnostic::error(
        "not-a-number",
        loc,
        Text::new(
            format!("{header}: {} không phải là số, không cộng được", quote(shown)),
            format!("{header}: {} is not a number and cannot be added up", quote(shown)),
        ),
    )
    .with_hint(Text::new(
        "ghi số (5.448 hoặc 0,25), hoặc để trống; ghi chú để ở cột khác",
        "write a number (5.448 or 0,25), or leave it empty; put remarks in another column",
    ))
}

/// The number a text starts with (`4 sao` → 4).
fn leading_number(text: &str) -> Option<f64> {
    let head: String = text.trim().chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect();
    crate::text::parse_number(&head)
}

/// Does a cell hold `value` (loosely: `giấy khen` = `Giấy khen`; `4` = `4 sao` = 4.0)?
pub(super) fn holds(d: &Datum, value: &str) -> bool {
    let k = loose_key(value);
    match d {
        Datum::Empty | Datum::Error(_) => k.is_empty(),
        Datum::Number(n) => crate::text::parse_number(value).is_some_and(|v| (v - n).abs() < 1e-9),
        Datum::Text(t) => {
            loose_key(t) == k
                || crate::text::parse_number(value)
                    .is_some_and(|v| leading_number(t).is_some_and(|n| (n - v).abs() < 1e-9) && !k.is_empty())
                    && loose_key(value).chars().all(|c| c.is_ascii_digit())
        }
    }
}

/// How a value prints as a row or column label.
pub(super) fn label_of(d: &Datum, format: NumberFormat) -> String {
    match d {
        Datum::Empty | Datum::Error(_) => "(chưa ghi)".into(),
        Datum::Text(t) => t.clone(),
        Datum::Number(n) => super::table::Out::Number(*n).print(format),
    }
}

/// The error for a name that is not a column of `sheet`, at `loc`.
pub(super) fn unknown_column(loc: Loc, what: &str, name: &str, sheet: &Sheet) -> Diagnostic {
    Diagnostic::error(
        "unknown-column",
        loc,
        Text::new(
            format!("{what}: sheet “{}” không có cột {}", sheet.name, quote(name)),
            format!("{what}: the sheet “{}” has no column {}", sheet.name, quote(name)),
        ),
    )
    .with_hint(Text::new(
        format!("các cột của sheet “{}”: {}", sheet.name, sheet.column_names()),
        format!("the columns of “{}”: {}", sheet.name, sheet.column_names()),
    ))
}

/// A way of writing a figure: its first words, its last words, what it computes.
type Form = (&'static [&'static str], &'static str, fn(usize) -> Measure);

/// Applies a definition to its source.
pub(super) struct Query<'a> {
    pub def: &'a TableDef,
    pub sheet: &'a Sheet,
    /// The rows the filters keep.
    pub rows: Vec<&'a SheetRow>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Query<'a> {
    /// The source of `def` among `sources`, its rows filtered; errors (an unknown sheet or
    /// column) go to `diags`.
    pub fn new(def: &'a TableDef, sources: &'a [Sheet], diags: &mut Diagnostics) -> Option<Query<'a>> {
        // A sheet whose name starts with the one written (`Cán bộ (sửa 12-12)`), when only
        // one does.
        let found = sources.iter().find(|s| s.answers_to(&def.source)).or_else(|| {
            let k = loose_key(&def.source);
            let starting: Vec<&Sheet> =
                sources.iter().filter(|s| !k.is_empty() && loose_key(&s.name).starts_with(&k)).collect();
            let [one] = starting.as_slice() else { return None };
            diags.push(Diagnostic::note(
                "source-by-prefix",
                def.src.loc("source"),
                Text::new(
                    format!("đọc sheet “{}” cho dữ liệu {}", one.name, quote(&def.source)),
                    format!("reading the sheet “{}” for {}", one.name, quote(&def.source)),
                ),
            ));
            Some(*one)
        });
        let Some(sheet) = found else {
            let names: Vec<String> = sources.iter().map(|s| format!("“{}”", s.name)).collect();
            diags.push(
                Diagnostic::error(
                    "unknown-source",
                    def.src.loc("source"),
                    Text::new(
                        format!("không có sheet dữ liệu {}", quote(&def.source)),
                        format!("there is no data sheet {}", quote(&def.source)),
                    ),
                )
                .with_hint(Text::new(
                    format!("các sheet dùng được: {}", names.join(", ")),
                    format!("the sheets that can be used: {}", names.join(", ")),
                )),
            );
            return None;
        };
        let mut q = Query { def, sheet, rows: Vec::new(), diags: Vec::new() };
        let filters: Vec<(usize, &Filter)> =
            def.filters.iter().filter_map(|f| q.column(&f.column, "filter", "Lọc").map(|c| (c, f))).collect();
        for (c, f) in &filters {
            if !sheet.rows.iter().any(|r| holds(&r.cells[*c], &f.value)) {
                diags.push(absent_value(def.src.loc("filter"), sheet, *c, &f.value));
            }
        }
        q.rows = sheet
            .rows
            .iter()
            .filter(|r| filters.iter().all(|(c, f)| holds(&r.cells[*c], &f.value) == f.equal))
            .collect();
        Some(q)
    }

    /// The column `name` of the source; else an error at the definition's `key` cell.
    pub fn column(&mut self, name: &str, key: &str, what: &str) -> Option<usize> {
        let c = self.sheet.column(name);
        if c.is_none() {
            self.diags.push(unknown_column(self.def.src.loc(key), what, name, self.sheet));
        }
        c
    }

    /// A value of `Giá trị`: a column's name, `Đếm`, `Tổng <cột>`, `Số <cột> khác nhau`,
    /// `Trung bình <cột>`; with its header.
    pub(super) fn measure(&mut self, v: &ValueDef) -> Option<(Measure, String)> {
        let header = |default: String| v.label.clone().unwrap_or(default);
        if let Some(c) = self.sheet.column(&v.text) {
            return Some((Measure::Column(c), header(self.sheet.columns[c].name.clone())));
        }
        let k = loose_key(&v.text);
        if ["dem", "demsodong", "soluong", "sodong", "demso", "tongsodong", "count"].contains(&k.as_str()) {
            return Some((Measure::Count, header("Số lượng".into())));
        }
        let t = v.text.trim();
        let lower = t.to_lowercase();
        // The column a form names: `Tổng Số hồ sơ` tries `Số hồ sơ` after `Tổng ` when
        // `hồ sơ` after `Tổng số ` is no column.
        let sheet = self.sheet;
        let strip = |prefixes: &[&str], suffix: &str| {
            prefixes.iter().find_map(|p| {
                let rest = lower.strip_prefix(p)?.strip_suffix(suffix)?;
                let start = t.len() - lower.len() + p.len();
                let name = t.get(start..start + rest.len())?.trim();
                sheet.column(name).map(|_| name.to_string())
            })
        };
        let forms: [Form; 3] = [
            (&["tổng số ", "tổng cộng ", "tổng ", "cộng "], "", Measure::Sum),
            (&["số "], " khác nhau", Measure::Distinct),
            (&["trung bình ", "bình quân "], "", Measure::Average),
        ];
        for (prefixes, suffix, make) in forms {
            if let Some(name) = strip(prefixes, suffix)
                && let Some(c) = self.sheet.column(&name)
            {
                let col = &self.sheet.columns[c].name;
                let default = match make(c) {
                    Measure::Distinct(_) => format!("Số {}", lowercase_first(col)),
                    Measure::Average(_) => format!("Trung bình {}", lowercase_first(col)),
                    _ => col.clone(),
                };
                return Some((make(c), header(default)));
            }
        }
        self.diags.push(unknown_column(self.def.src.loc("values"), "Giá trị", &v.text, self.sheet).with_hint(
            Text::new(
                format!(
                    "ghi tên một cột ({}), hoặc Đếm, Tổng <cột>, Số <cột> khác nhau, Trung bình <cột>",
                    self.sheet.column_names()
                ),
                format!(
                    "name a column ({}), or Đếm, Tổng <column>, Số <column> khác nhau, Trung bình <column>",
                    self.sheet.column_names()
                ),
            ),
        ));
        None
    }

    /// Computes the table (`None`, with the errors in [`Query::diags`], when it cannot).
    pub fn table(&mut self) -> Option<ReportTable> {
        let table = match self.def.rows.clone() {
            Some(axis) => self.grouped(&axis),
            None => self.listed(),
        };
        table.filter(|_| self.diags.is_empty())
    }

    /// The distinct values of column `c` among `rows` (by loose key), the axis's own first.
    fn keys(&self, axis: &Axis, c: usize, rows: &[&SheetRow]) -> Vec<(String, Vec<usize>)> {
        let format = self.sheet.columns[c].format;
        let mut keys: Vec<(String, Vec<usize>)> = axis.values.iter().map(|v| (v.clone(), Vec::new())).collect();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let d = &r.cells[c];
            if let Some(k) = axis.values.iter().position(|v| holds(d, v)) {
                // Printed as the data spells it (`Cao đẳng` for `cao dang`).
                if keys[k].1.is_empty()
                    && let Datum::Text(t) = d
                    && loose_key(t) == loose_key(&axis.values[k])
                {
                    keys[k].0 = t.clone();
                }
                keys[k].1.push(i);
                continue;
            }
            let label = label_of(d, format);
            let at = *index.entry(loose_key(&label)).or_insert_with(|| {
                keys.push((label, Vec::new()));
                keys.len() - 1
            });
            keys[at].1.push(i);
        }
        keys
    }

    /// A figure over some rows; errors at the cells that are no numbers.
    fn figure(&mut self, m: Measure, rows: &[&SheetRow]) -> Out {
        let name = |c: usize| self.sheet.columns[c].name.clone();
        match m {
            Measure::Count => Out::Number(rows.len() as f64),
            Measure::Distinct(c) => {
                let set: BTreeSet<String> = rows
                    .iter()
                    .map(|r| &r.cells[c])
                    .filter(|d| !d.is_empty())
                    .map(|d| loose_key(&label_of(d, NumberFormat::Exact)))
                    .collect();
                Out::Number(set.len() as f64)
            }
            Measure::Sum(c) | Measure::Column(c) | Measure::Average(c) => {
                let header = name(c);
                let mut values = Vec::new();
                for r in rows {
                    match number_at(r, c, &header) {
                        Ok(Some(v)) => values.push(v),
                        Ok(None) => {}
                        Err(d) => {
                            if !self.diags.iter().any(|x| x.loc == d.loc) {
                                self.diags.push(d);
                            }
                        }
                    }
                }
                match m {
                    Measure::Average(_) if values.is_empty() => Out::Empty,
                    Measure::Average(_) => Out::Number(values.iter().sum::<f64>() / values.len() as f64),
                    _ => Out::Number(values.iter().sum()),
                }
            }
        }
    }

    /// Rows grouped by the values of `axis`.
    fn grouped(&mut self, axis: &Axis) -> Option<ReportTable> {
        let row_col = self.column(&axis.column, "rows", "Hàng")?;
        let pivot = match self.def.columns.clone() {
            Some(p) => Some((self.column(&p.column, "columns", "Cột")?, p)),
            None => None,
        };
        let defs = if self.def.values.is_empty() {
            vec![ValueDef { label: None, text: "Đếm".into() }]
        } else {
            self.def.values.clone()
        };
        let measures: Vec<(Measure, String)> = defs.iter().filter_map(|v| self.measure(v)).collect();
        if measures.len() != defs.len() {
            return None;
        }
        let rows: Vec<&SheetRow> = self.rows.clone();
        let mut groups = self.keys(axis, row_col, &rows);
        self.order_groups(&mut groups, row_col, &measures, &rows)?;
        let pivot_keys = pivot.as_ref().map(|(c, p)| self.keys(p, *c, &rows));

        let row_format = self.sheet.columns[row_col].format;
        let mut label = OutColumn::label(self.sheet.columns[row_col].name.clone());
        label.format = row_format;
        let mut columns = vec![label];
        // What each column of figures computes: a measure, over the rows under a pivot value.
        let mut specs: Vec<(Measure, Option<String>)> = Vec::new();
        let (first, rest) = measures.split_first().expect("at least one value");
        let figure_column = |(m, header): &(Measure, String), s: &Sheet| {
            let format = match m {
                Measure::Sum(c) | Measure::Column(c) | Measure::Average(c) => s.columns[*c].format,
                _ => NumberFormat::Exact,
            };
            let mut col = OutColumn::figure(header.clone(), format, m.additive());
            col.aliases.push(header.clone());
            col
        };
        match &pivot_keys {
            Some(keys) => {
                let mut total = figure_column(first, self.sheet);
                total.header = "Tổng số".into();
                columns.push(total);
                specs.push((first.0, None));
                for (label, _) in keys {
                    let mut col = figure_column(first, self.sheet);
                    col.header = label.clone();
                    col.aliases = vec![label.clone()];
                    col.spread = true;
                    columns.push(col);
                    specs.push((first.0, Some(label.clone())));
                }
            }
            None => {
                columns.push(figure_column(first, self.sheet));
                specs.push((first.0, None));
            }
        }
        for m in rest {
            columns.push(figure_column(m, self.sheet));
            specs.push((m.0, None));
        }
        let pivot_col = pivot.as_ref().map(|(c, _)| *c);
        let under = |rows: &[&'a SheetRow], value: &Option<String>, s: &Sheet| -> Vec<&'a SheetRow> {
            match (value, pivot_col) {
                (Some(v), Some(pc)) => {
                    rows.iter().copied().filter(|r| same_key(&r.cells[pc], v, s.columns[pc].format)).collect()
                }
                _ => rows.to_vec(),
            }
        };
        let mut out_rows = Vec::new();
        for (label, members) in &groups {
            let members: Vec<&SheetRow> = members.iter().map(|&i| rows[i]).collect();
            let mut row = vec![Out::Text(label.clone())];
            for (m, value) in &specs {
                let part = under(&members, value, self.sheet);
                row.push(self.figure(*m, &part));
            }
            out_rows.push(row);
        }
        let total = self.def.total.unwrap_or(true).then(|| {
            let mut t = vec![Out::Text("Tổng cộng".into())];
            for (i, (m, value)) in specs.iter().enumerate() {
                t.push(if columns[i + 1].summed {
                    Out::Number(out_rows.iter().filter_map(|r| r[i + 1].number()).sum())
                } else {
                    // A distinct count or an average over all the rows, not the sum.
                    let part = under(&rows, value, self.sheet);
                    self.figure(*m, &part)
                });
            }
            t
        });
        Some(self.finish(columns, out_rows, total, row_format == NumberFormat::Plain))
    }

    /// The table of these columns, rows and total, with its extra columns (`years`: the
    /// rows are years, so the change is `so với năm trước`).
    pub(super) fn finish(
        &self,
        columns: Vec<OutColumn>,
        rows: Vec<Vec<Out>>,
        total: Option<Vec<Out>>,
        years: bool,
    ) -> ReportTable {
        let mut table = ReportTable {
            id: self.def.id.clone(),
            title: self.def.title.clone(),
            unit: self.def.unit.clone(),
            columns,
            rows,
            total,
            chart: None,
            place: self.def.place.clone(),
        };
        self.extras(&mut table, years);
        table
    }

    /// Orders the groups as `Thứ tự hàng` says.
    fn order_groups(
        &mut self,
        groups: &mut Vec<(String, Vec<usize>)>,
        row_col: usize,
        measures: &[(Measure, String)],
        rows: &[&SheetRow],
    ) -> Option<()> {
        match self.def.order {
            RowOrder::Data => {}
            RowOrder::Alphabetic => groups.sort_by_cached_key(|(l, _)| crate::text::text_sort_key(l)),
            RowOrder::Ascending | RowOrder::Descending => {
                let first = measures[0].0;
                let mut keyed: Vec<(f64, (String, Vec<usize>))> = groups
                    .drain(..)
                    .map(|g| {
                        let members: Vec<&SheetRow> = g.1.iter().map(|&i| rows[i]).collect();
                        (self.figure(first, &members).number().unwrap_or(0.0), g)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                if self.def.order == RowOrder::Descending {
                    keyed.reverse();
                }
                groups.extend(keyed.into_iter().map(|(_, g)| g));
            }
            RowOrder::Continuous => {
                let format = self.sheet.columns[row_col].format;
                let numbers: Option<Vec<f64>> =
                    groups.iter().map(|(_, m)| m.first().and_then(|&i| rows[i].cells[row_col].number())).collect();
                let Some(numbers) = numbers.filter(|n| n.iter().all(|v| v.fract() == 0.0) && !n.is_empty()) else {
                    self.diags.push(
                        Diagnostic::error(
                            "invalid-value",
                            self.def.src.loc("order"),
                            Text::new(
                                format!(
                                    "“Liên tục” chỉ dùng khi cột {} là số (năm)",
                                    quote(&self.sheet.columns[row_col].name)
                                ),
                                format!(
                                    "“Liên tục” needs the column {} to hold numbers (years)",
                                    quote(&self.sheet.columns[row_col].name)
                                ),
                            ),
                        )
                        .with_hint(Text::new(
                            "chọn Theo dữ liệu, Tăng dần, Giảm dần hoặc A-Z",
                            "choose Theo dữ liệu, Tăng dần, Giảm dần or A-Z",
                        )),
                    );
                    return None;
                };
                let (lo, hi) = numbers.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
                if hi - lo > 500.0 {
                    return Some(());
                }
                let mut by_number: Vec<(i64, (String, Vec<usize>))> =
                    numbers.iter().map(|v| *v as i64).zip(groups.drain(..)).collect();
                for n in lo as i64..=hi as i64 {
                    if !by_number.iter().any(|(k, _)| *k == n) {
                        by_number.push((n, (label_of(&Datum::Number(n as f64), format), Vec::new())));
                    }
                }
                by_number.sort_by_key(|(k, _)| *k);
                groups.extend(by_number.into_iter().map(|(_, g)| g));
            }
        }
        Some(())
    }

    /// The `Tỷ lệ` and `Tăng giảm` columns, of the first column of figures.
    fn extras(&self, table: &mut ReportTable, years: bool) {
        let Some(f) = table.columns.iter().position(|c| c.role == ColumnRole::Figure) else { return };
        let values: Vec<Option<f64>> = table.rows.iter().map(|r| r[f].number()).collect();
        if self.def.share {
            let total: f64 =
                table.total.as_ref().and_then(|t| t[f].number()).unwrap_or_else(|| values.iter().flatten().sum());
            let share = |v: Option<f64>| match v {
                Some(v) if total != 0.0 => Out::Number(v * 100.0 / total),
                _ => Out::Empty,
            };
            for (row, v) in table.rows.iter_mut().zip(&values) {
                row.push(share(*v));
            }
            if let Some(t) = &mut table.total {
                t.push(if total != 0.0 { Out::Number(100.0) } else { Out::Empty });
            }
            let mut col = OutColumn::figure("Tỷ lệ (%)", NumberFormat::Percent, false);
            col.aliases = vec!["Tỷ lệ".into(), "Tỷ trọng".into(), "Cơ cấu".into()];
            table.columns.push(col);
        }
        if self.def.change {
            let mut previous: Option<f64> = None;
            for (row, v) in table.rows.iter_mut().zip(&values) {
                let change = match (previous, v) {
                    (Some(p), Some(v)) if p != 0.0 => Out::Number((v - p) * 100.0 / p),
                    _ => Out::Empty,
                };
                row.push(change);
                previous = *v;
            }
            if let Some(t) = &mut table.total {
                t.push(Out::Empty);
            }
            let header = if years {
                "Tăng, giảm so với năm trước (%)"
            } else {
                "Tăng, giảm so với kỳ trước (%)"
            };
            let mut col = OutColumn::figure(header, NumberFormat::Percent, false);
            col.aliases = vec!["Tăng giảm".into(), "Tăng, giảm".into()];
            table.columns.push(col);
        }
    }
}

/// Does a cell fall under the pivot column labelled `label`?
fn same_key(d: &Datum, label: &str, format: NumberFormat) -> bool {
    holds(d, label) || loose_key(&label_of(d, format)) == loose_key(label)
}
