//! A table that lists the source's rows (no `Hàng`): the columns `Giá trị` names (every
//! column by default), those empty on every row left out, figures right-aligned and summed
//! when a total is asked for.

use super::query::{Measure, Query, label_of};
use super::table::{ColumnRole, Out, OutColumn, ReportTable};
use crate::diag::{Diagnostic, Text, quote};
use crate::model::{Datum, NumberFormat, RowOrder, SheetRow};

impl Query<'_> {
    /// The listed table.
    pub(super) fn listed(&mut self) -> Option<ReportTable> {
        let mut picked = self.picked()?;
        let mut rows: Vec<&SheetRow> = self.rows.clone();
        picked.retain(|(c, _)| rows.iter().any(|r| !r.cells[*c].is_empty()));
        if picked.is_empty() {
            picked = self.sheet.columns.iter().enumerate().take(1).map(|(i, c)| (i, c.name.clone())).collect();
        }
        let columns: Vec<OutColumn> = picked.iter().map(|(c, header)| self.list_column(*c, header, &rows)).collect();
        self.mixed_columns(&picked, &rows);
        self.sort(&mut rows, &picked, &columns);
        let out_rows: Vec<Vec<Out>> = rows
            .iter()
            .map(|r| {
                picked
                    .iter()
                    .zip(&columns)
                    .map(|((c, _), col)| match (&r.cells[*c], col.role) {
                        (Datum::Empty, _) => Out::Empty,
                        (Datum::Error(e), _) => Out::Text(e.clone()),
                        (d, ColumnRole::Figure) => d.number().map_or(Out::Empty, Out::Number),
                        (Datum::Number(n), ColumnRole::Label) => Out::Text(Out::Number(*n).print(col.format)),
                        (Datum::Text(t), ColumnRole::Label) => Out::Text(t.clone()),
                    })
                    .collect()
            })
            .collect();
        for r in &rows {
            for (c, _) in &picked {
                if let Datum::Error(e) = &r.cells[*c] {
                    self.diags.push(crate::validate::fields::excel_error(r.locs[*c].clone(), e));
                }
            }
        }
        let total = self.def.total.unwrap_or(false).then(|| {
            let sum = |i: usize| Out::Number(out_rows.iter().filter_map(|r| r[i].number()).sum());
            (0..columns.len())
                .map(|i| match i {
                    0 => Out::Text("Tổng cộng".into()),
                    _ if columns[i].summed => sum(i),
                    _ => Out::Empty,
                })
                .collect()
        });
        Some(self.finish(columns, out_rows, total, false))
    }

    /// The columns `Giá trị` names (every column when it is empty), with their headers; a
    /// count or sum without `Hàng` is an error at the cell.
    fn picked(&mut self) -> Option<Vec<(usize, String)>> {
        if self.def.values.is_empty() {
            return Some(self.sheet.columns.iter().enumerate().map(|(i, c)| (i, c.name.clone())).collect());
        }
        let mut picked = Vec::new();
        for v in self.def.values.clone() {
            match self.measure(&v)? {
                (Measure::Column(c), header) => picked.push((c, header)),
                _ => {
                    self.diags.push(
                        Diagnostic::error(
                            "invalid-value",
                            self.def.src.loc("values"),
                            Text::new(
                                format!("{} cần cột “Hàng” để biết gom các dòng theo gì", quote(&v.text)),
                                format!("{} needs the “Hàng” column: what the rows are grouped by", quote(&v.text)),
                            ),
                        )
                        .with_hint(Text::new(
                            "ghi vào cột Hàng tên cột để gom (Hình thức, Nội dung …); bỏ trống Hàng thì Giá trị là các cột in ra",
                            "name the column to group by in Hàng; without Hàng, Giá trị lists the columns to print",
                        )),
                    );
                    return None;
                }
            }
        }
        Some(picked)
    }

    /// Column `c` of the source as listed: figures when every cell holds a number (years
    /// excepted: they are labels), summed when printed as typed.
    fn list_column(&self, c: usize, header: &str, rows: &[&SheetRow]) -> OutColumn {
        let source = &self.sheet.columns[c];
        let cells = || rows.iter().map(|r| &r.cells[c]).filter(|d| !d.is_empty());
        let figures = cells().next().is_some() && cells().all(|d| d.number().is_some());
        let mut col = if figures && source.format != NumberFormat::Plain {
            OutColumn::figure(header, source.format, source.format == NumberFormat::Exact)
        } else {
            OutColumn::label(header)
        };
        col.format = source.format;
        col.aliases.push(source.name.clone());
        col.aliases.extend(source.aliases.iter().cloned());
        col
    }

    /// A column of numbers with some text in it cannot be added up or drawn: when the table
    /// has a total or a chart, each such cell is an error (else it is printed as written).
    fn mixed_columns(&mut self, picked: &[(usize, String)], rows: &[&SheetRow]) {
        if self.def.total != Some(true) && self.def.chart.is_none() {
            return;
        }
        for (c, _) in picked {
            let numbers = rows.iter().filter(|r| matches!(r.cells[*c], Datum::Number(_))).count();
            if numbers == 0 || self.sheet.columns[*c].format == NumberFormat::Plain {
                continue;
            }
            let header = self.sheet.columns[*c].name.clone();
            for r in rows {
                if let Datum::Text(t) = &r.cells[*c]
                    && r.cells[*c].number().is_none()
                {
                    self.diags.push(super::query::not_a_number(r.locs[*c].clone(), &header, t));
                }
            }
        }
    }

    /// Orders the listed rows as `Thứ tự hàng` says (by the first column, or by the first
    /// column of figures).
    fn sort(&self, rows: &mut [&SheetRow], picked: &[(usize, String)], columns: &[OutColumn]) {
        match self.def.order {
            RowOrder::Data | RowOrder::Continuous => {}
            RowOrder::Alphabetic => {
                let c = picked[0].0;
                rows.sort_by_cached_key(|r| crate::text::text_sort_key(&label_of(&r.cells[c], NumberFormat::Exact)));
            }
            RowOrder::Ascending | RowOrder::Descending => {
                if let Some(i) = columns.iter().position(|c| c.role == ColumnRole::Figure) {
                    let c = picked[i].0;
                    let value = |r: &SheetRow| r.cells[c].number().unwrap_or(0.0);
                    rows.sort_by(|a, b| value(a).total_cmp(&value(b)));
                    if self.def.order == RowOrder::Descending {
                        rows.reverse();
                    }
                }
            }
        }
    }
}
