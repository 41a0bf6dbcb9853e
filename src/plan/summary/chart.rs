//! A table's chart: the columns it draws (named in `Cột biểu đồ`, else the natural ones),
//! checked to share one unit — a chart never puts 5.448 files beside 184 tasks on one axis.

use std::collections::BTreeSet;

use super::query::Query;
use super::table::{ChartPlan, ChartShape, ColumnRole, Out, ReportTable, Series};
use crate::diag::{Diagnostic, Text, quote};
use crate::model::{ChartKind, NumberFormat};
use crate::text::{loose_key, vi_number, vi_percent};

/// Headers of a unit column in the clerk's tables.
const UNIT_COLUMNS: [&str; 3] = ["Đơn vị tính", "ĐVT", "Đơn vị đo"];

impl Query<'_> {
    /// The chart of `table`, when its definition asks for one.
    pub fn chart(&mut self, table: &ReportTable) -> Option<ChartPlan> {
        let def = self.def.chart.as_ref()?;
        let figures: Vec<usize> =
            (0..table.columns.len()).filter(|&i| table.columns[i].role == ColumnRole::Figure).collect();
        if figures.is_empty() || table.rows.is_empty() {
            return None;
        }
        let picked = self.drawn(table, &def.columns, def.kind, &figures)?;
        if def.kind == ChartKind::Pie && picked.len() > 1 {
            self.diags.push(
                Diagnostic::error(
                    "chart-columns",
                    self.def.src.loc("chart_columns"),
                    Text::new("biểu đồ tròn chỉ vẽ một cột số liệu", "a pie chart draws one column of figures"),
                )
                .with_hint(Text::new(
                    "ghi một cột vào Cột biểu đồ, hoặc chọn biểu đồ Cột",
                    "name one column in Cột biểu đồ, or choose Cột",
                )),
            );
            return None;
        }
        if def.kind == ChartKind::Pie
            && let Some(r) =
                table.rows.iter().position(|r| picked.iter().any(|&c| r[c].number().is_some_and(|v| v < 0.0)))
        {
            let label = table.rows[r][0].print(NumberFormat::Exact);
            self.diags.push(
                Diagnostic::error(
                    "chart-columns",
                    self.def.src.loc("chart"),
                    Text::new(
                        format!("biểu đồ tròn không vẽ được số âm (hàng {})", quote(&label)),
                        format!("a pie chart cannot draw a negative figure (row {})", quote(&label)),
                    ),
                )
                .with_hint(Text::new("chọn biểu đồ Cột hoặc Thanh", "choose Cột or Thanh")),
            );
            return None;
        }
        // The table's unit, when it names one only (`sản phẩm`, not `sản phẩm, chủ thể`).
        let unit = self.one_unit(table, &picked)?.or_else(|| table.unit.clone().filter(|u| !u.contains(',')));
        let label = table.columns.iter().position(|c| c.role == ColumnRole::Label).unwrap_or(0);
        let categories: Vec<String> = table.rows.iter().map(|r| r[label].print(table.columns[label].format)).collect();
        let series: Vec<Series> = picked
            .iter()
            .map(|&i| Series {
                name: table.columns[i].header.clone(),
                values: table.rows.iter().map(|r| r[i].number().unwrap_or(0.0)).collect(),
            })
            .collect();
        // One series with a share column: `109 (72,7%)` at each bar.
        let share =
            table.columns.iter().position(|c| c.format == NumberFormat::Percent && c.header.starts_with("Tỷ lệ"));
        let labels = match (share, series.as_slice(), def.kind) {
            (Some(s), [one], ChartKind::Bars | ChartKind::Columns) if !picked.contains(&s) => Some(
                table
                    .rows
                    .iter()
                    .zip(&one.values)
                    .map(|(r, v)| match r[s] {
                        Out::Number(p) => format!("{} ({}%)", vi_number(*v), vi_percent(p)),
                        _ => vi_number(*v),
                    })
                    .collect(),
            ),
            _ => None,
        };
        let shape = match def.kind {
            ChartKind::Columns => ChartShape::Columns,
            ChartKind::Stacked => ChartShape::Stacked,
            ChartKind::Bars => ChartShape::Bars,
            ChartKind::Line => ChartShape::Line,
            ChartKind::Pie => ChartShape::Pie,
        };
        Some(ChartPlan {
            shape,
            title: def.title.clone().unwrap_or_else(|| table.title.clone()),
            notes: vec![None; categories.len()],
            categories,
            series,
            labels,
            unit,
            reference: None,
            columns: picked,
        })
    }

    /// The columns `Cột biểu đồ` names among the table's `figures` (by header or another
    /// name), else the natural ones; an unknown name is an error at the cell.
    fn drawn(
        &mut self,
        table: &ReportTable,
        names: &[String],
        kind: ChartKind,
        figures: &[usize],
    ) -> Option<Vec<usize>> {
        let mut picked = Vec::new();
        for name in names {
            let k = loose_key(name);
            let found = figures.iter().copied().find(|&i| {
                let c = &table.columns[i];
                loose_key(&c.header) == k || c.aliases.iter().any(|a| loose_key(a) == k)
            });
            match found {
                Some(i) => picked.push(i),
                None => {
                    let listed = figures
                        .iter()
                        .map(|&i| format!("“{}”", table.columns[i].header))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.diags.push(
                        Diagnostic::error(
                            "unknown-column",
                            self.def.src.loc("chart_columns"),
                            Text::new(
                                format!("bảng “{}” không có cột số liệu {}", table.title, quote(name)),
                                format!("the table “{}” has no column of figures {}", table.title, quote(name)),
                            ),
                        )
                        .with_hint(Text::new(
                            format!("các cột số liệu của bảng: {listed}"),
                            format!("its columns of figures: {listed}"),
                        )),
                    );
                    return None;
                }
            }
        }
        if picked.is_empty() {
            picked = Self::default_columns(table, kind, figures);
        }
        Some(picked)
    }

    /// The columns drawn when `Cột biểu đồ` is empty: the values spread over columns for
    /// stacked columns, columns and lines; else the first column of figures.
    fn default_columns(table: &ReportTable, kind: ChartKind, figures: &[usize]) -> Vec<usize> {
        let spread: Vec<usize> = figures.iter().copied().filter(|&i| table.columns[i].spread).collect();
        match kind {
            ChartKind::Stacked | ChartKind::Columns | ChartKind::Line if !spread.is_empty() => spread,
            _ => figures.iter().copied().take(1).collect(),
        }
    }

    /// The unit of the axis: the columns' unit when they share one; an error at the chart's
    /// cell when they do not, or when the rows are counted in different units.
    fn one_unit(&mut self, table: &ReportTable, picked: &[usize]) -> Option<Option<String>> {
        let units: Vec<(String, Option<String>)> =
            picked.iter().map(|&i| (table.columns[i].header.clone(), table.columns[i].unit())).collect();
        let distinct: BTreeSet<Option<&String>> = units.iter().map(|(_, u)| u.as_ref()).collect();
        if distinct.len() > 1 {
            let listed = units
                .iter()
                .map(|(h, u)| format!("“{h}” ({})", u.as_deref().unwrap_or("không ghi đơn vị")))
                .collect::<Vec<_>>()
                .join(", ");
            self.diags.push(mixed_units(self.def.src.loc("chart_columns"), &listed));
            return None;
        }
        let unit = units.first().and_then(|(_, u)| u.clone());
        if unit.as_deref() == Some("%") {
            return Some(unit);
        }
        // Rows measured in different units (`hồ sơ`, `nhiệm vụ`) cannot share an axis.
        let unit_col = UNIT_COLUMNS.iter().find_map(|n| self.sheet.column(n));
        if let Some(c) = unit_col {
            let row_units: BTreeSet<String> = self
                .rows
                .iter()
                .filter_map(|r| match &r.cells[c] {
                    crate::model::Datum::Text(t) => Some(t.trim().to_string()),
                    _ => None,
                })
                .collect();
            if row_units.len() > 1 {
                let listed = row_units.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ");
                self.diags.push(
                    mixed_units(self.def.src.loc("chart"), &format!("các dòng tính bằng {listed}")).with_hint(
                        Text::new(
                            "vẽ cột Tỷ lệ (%), hoặc lọc (cột Lọc) để các dòng cùng một đơn vị tính",
                            "chart the Tỷ lệ (%) column, or filter (Lọc) the rows down to one unit",
                        ),
                    ),
                );
                return None;
            }
            if let Some(u) = row_units.into_iter().next() {
                return Some(unit.or(Some(u)));
            }
        }
        Some(unit)
    }
}

fn mixed_units(loc: crate::diag::Loc, listed: &str) -> Diagnostic {
    Diagnostic::error(
        "chart-units",
        loc,
        Text::new(
            format!("không vẽ chung một trục các số liệu khác đơn vị: {listed}"),
            format!("figures in different units cannot share one axis: {listed}"),
        ),
    )
    .with_hint(Text::new(
        "vẽ mỗi đơn vị một biểu đồ (mỗi bảng một biểu đồ), hoặc vẽ cột Tỷ lệ (%)",
        "draw one chart per unit (one table each), or chart the Tỷ lệ (%) column",
    ))
}
