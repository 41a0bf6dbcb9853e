//! The report's tables and charts as the template and the workbook see them: cells printed
//! the Vietnamese way (`5.448`, `0,25`, `95,0`), a TT column, widths from the contents.

use serde::Serialize;

use crate::model::NumberFormat;
use crate::plan::summary::{ChartPlan, ChartShape, ColumnRole, ReportTable, SummaryPlan};
use crate::text::vi_number;

/// A table as printed: cells already formatted, with the numbering.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableView {
    /// `Biểu 3. Kinh phí thực hiện năm 2025` (empty when the appendix's title is its title).
    pub title: String,
    /// `Đơn vị tính: triệu đồng` (or empty).
    pub unit: String,
    pub header: Vec<String>,
    pub widths: Vec<Width>,
    /// `left`, `center` or `right` per column.
    pub align: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// The `Tổng cộng` row, bold.
    pub total: Option<Vec<String>>,
}

/// A column's width: fixed for figures and short words, a share of what is left for text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub(crate) enum Width {
    /// Millimetres (`{"mm": 18.5}`).
    Mm { mm: f64 },
    /// A share of the rest (`1fr` … in Typst).
    Fr(f64),
}

/// The printable width of a portrait page (A4 less 30 + 15 mm).
const PORTRAIT_MM: f64 = 165.0;

/// The room a text column needs at least.
const TEXT_MIN_MM: f64 = 38.0;

/// About how wide one character of the tables' 11.5 pt type is, in mm (bold a little more).
const CHAR_MM: f64 = 2.05;

/// The width of a column: a text column longer than a few words takes a share of the
/// line; anything else its own width — the longest cell, the longest word of its header
/// (bold), or half the header (two lines), plus the cell's insets.
fn width(header: &str, cells: &[String], label: bool) -> Width {
    let longest_word = header.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(1) as f64;
    let longest_cell = cells.iter().map(|c| c.chars().count()).max().unwrap_or(0) as f64;
    if label && longest_cell > 16.0 {
        return Width::Fr((longest_cell.min(48.0) / 12.0).max(1.0));
    }
    // A short header on one line, a longer one on two.
    let header_chars = header.chars().count() as f64;
    let header_lines = if header_chars <= 12.0 { 1.0 } else { 2.0 };
    let header_mm = (longest_word * CHAR_MM * 1.12).max(header_chars * CHAR_MM * 1.12 / header_lines);
    Width::Mm { mm: (longest_cell * CHAR_MM).max(header_mm).min(45.0) + 3.5 }
}

/// The widths of a table's columns; when no column takes a share, the widest text (else
/// every column) does, so the table spans the line.
fn fill_line(mut w: Vec<Width>, labels: &[bool]) -> Vec<Width> {
    if !w.iter().any(|x| matches!(x, Width::Fr(_))) {
        let widest = (0..w.len()).filter(|&i| labels[i]).max_by(|&a, &b| mm(w[a]).total_cmp(&mm(w[b])));
        match widest {
            Some(i) => w[i] = Width::Fr(1.0),
            None => w = w.iter().map(|x| Width::Fr(mm(*x))).collect(),
        }
    }
    w
}

fn mm(w: Width) -> f64 {
    match w {
        Width::Mm { mm } => mm,
        Width::Fr(_) => TEXT_MIN_MM,
    }
}

pub(crate) fn table_view(plan: &SummaryPlan, i: usize, titled: bool) -> TableView {
    let t = &plan.tables[i];
    let print_row = |r: &[crate::plan::summary::Out]| -> Vec<String> {
        r.iter().zip(&t.columns).map(|(c, col)| c.print(col.format)).collect()
    };
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| std::iter::once((n + 1).to_string()).chain(print_row(r)).collect())
        .collect();
    let total = t.total.as_ref().map(|r| {
        let mut cells = print_row(r);
        // A percentage the total has no figure for prints nothing, not `-`.
        for (c, col) in cells.iter_mut().zip(&t.columns) {
            if col.format == NumberFormat::Percent && c == "-" {
                c.clear();
            }
        }
        std::iter::once(String::new()).chain(cells).collect()
    });
    let mut header = vec!["TT".to_string()];
    header.extend(t.columns.iter().map(|c| c.header.clone()));
    let mut widths = vec![Width::Mm { mm: 9.0 }];
    let mut labels = vec![false];
    let mut align = vec!["center"];
    for (c, col) in t.columns.iter().enumerate() {
        let cells: Vec<String> = rows.iter().chain(&total).map(|r| r[c + 1].clone()).collect();
        let label = col.role == ColumnRole::Label;
        widths.push(width(&col.header, &cells, label));
        labels.push(label);
        align.push(match (col.role, col.format) {
            (ColumnRole::Figure, _) => "right",
            (ColumnRole::Label, NumberFormat::Plain) => "center",
            // Short words (`Đạt`, `3 sao`) read best centred.
            _ if cells.iter().all(|c| c.chars().count() <= 10) && c > 0 => "center",
            _ => "left",
        });
    }
    let title = match (titled, plan.numbers[i]) {
        (false, _) => String::new(),
        (true, Some(n)) => format!("Biểu {n}. {}", t.title),
        (true, None) => t.title.clone(),
    };
    TableView {
        title,
        unit: t.unit.as_ref().map(|u| format!("Đơn vị tính: {u}")).unwrap_or_default(),
        header,
        widths: fill_line(widths, &labels),
        align,
        rows,
        total,
    }
}

/// Whether a table needs a landscape page: its columns do not fit a portrait line.
pub(crate) fn is_wide(view: &TableView) -> bool {
    view.widths.iter().map(|w| mm(*w)).sum::<f64>() > PORTRAIT_MM
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SeriesView {
    pub name: String,
    pub values: Vec<f64>,
    /// The values as printed (`5.448`, `0,25`).
    pub texts: Vec<String>,
}

/// A chart as the template draws it (`templates/lib/charts.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartView {
    /// `Biểu đồ 2. Sản phẩm OCOP theo địa bàn`.
    pub title: String,
    /// `columns`, `stacked`, `bars`, `line`, `pie`, `progress`.
    pub shape: &'static str,
    pub categories: Vec<String>,
    pub series: Vec<SeriesView>,
    /// Written at each bar instead of its value (`109 (72,7%)`).
    pub labels: Option<Vec<String>>,
    /// Written above each category (the percentage achieved).
    pub notes: Vec<Option<String>>,
    /// The sum of each category's values (on top of stacked columns).
    pub totals: Vec<String>,
    /// The axis's unit (`Đơn vị tính: triệu đồng`), or empty.
    pub unit: String,
    /// A value marked across the chart (the plan, 100%).
    pub reference: Option<ReferenceView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReferenceView {
    pub value: f64,
    pub label: String,
}

pub(crate) fn chart_view(plan: &SummaryPlan, i: usize) -> Option<ChartView> {
    let c: &ChartPlan = plan.tables[i].chart.as_ref()?;
    let shape = match c.shape {
        ChartShape::Columns => "columns",
        ChartShape::Stacked => "stacked",
        ChartShape::Bars => "bars",
        ChartShape::Line => "line",
        ChartShape::Pie => "pie",
        ChartShape::Progress => "progress",
    };
    let title = match plan.chart_numbers[i] {
        Some(n) => format!("Biểu đồ {n}. {}", c.title),
        None => c.title.clone(),
    };
    let totals: Vec<f64> =
        (0..c.categories.len()).map(|i| c.series.iter().map(|s| s.values[i].max(0.0)).sum()).collect();
    // A pie's key gives each slice's share.
    let labels = match (c.shape, c.series.first()) {
        (ChartShape::Pie, Some(s)) => {
            let sum: f64 = s.values.iter().map(|v| v.max(0.0)).sum();
            Some(
                s.values
                    .iter()
                    .map(|v| {
                        let share = if sum > 0.0 { v.max(0.0) * 100.0 / sum } else { 0.0 };
                        format!("{} ({}%)", vi_number(*v), crate::text::vi_percent(share))
                    })
                    .collect(),
            )
        }
        _ => c.labels.clone(),
    };
    Some(ChartView {
        title,
        shape,
        totals: totals.iter().map(|v| vi_number(*v)).collect(),
        categories: c.categories.clone(),
        series: c
            .series
            .iter()
            .map(|s| SeriesView {
                name: s.name.clone(),
                values: s.values.clone(),
                texts: s.values.iter().map(|v| vi_number(*v)).collect(),
            })
            .collect(),
        labels,
        notes: c.notes.clone(),
        // A chart of percentages of the plan says so in its title and its line.
        unit: c
            .unit
            .as_ref()
            .filter(|_| c.reference.is_none())
            .map(|u| format!("Đơn vị tính: {u}"))
            .unwrap_or_default(),
        reference: c.reference.as_ref().map(|(value, label)| ReferenceView { value: *value, label: label.clone() }),
    })
}

/// The tables of the workbook, in the order of their numbers (the unnumbered last), each
/// with its number.
pub(crate) fn workbook_tables(plan: &SummaryPlan) -> Vec<(Option<usize>, &ReportTable, TableView)> {
    let mut order: Vec<usize> = (0..plan.tables.len()).collect();
    order.sort_by_key(|&i| (plan.numbers[i].unwrap_or(usize::MAX), i));
    order.into_iter().map(|i| (plan.numbers[i], &plan.tables[i], table_view(plan, i, true))).collect()
}
