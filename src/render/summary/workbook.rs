//! `so-lieu-bao-cao.xlsx`: every table of the report on a sheet of its own — a TT column,
//! the figures as numbers, the total as `SUM` formulas (with their values) — and a native
//! chart beside each table the report charts, in greys.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Format, FormatAlign, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::tables::{TableView, workbook_tables};
use crate::model::{Dataset, NumberFormat};
use crate::plan::summary::{ChartShape, ColumnRole, Out, ReportTable, SummaryPlan};
use crate::render::xlsx::{cell_format, header_format, workbook};

/// Greys a black-and-white printer keeps apart, light to dark, for the series.
const GREYS: [&str; 5] = ["#E1E1E1", "#969696", "#3C3C3C", "#BEBEBE", "#646464"];

/// The cell formats of the sheets.
struct Formats {
    header: Format,
    text: Format,
    centred: Format,
    whole: Format,
    decimal: Format,
    pct: Format,
    plain: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: header_format(),
            text: cell_format(),
            centred: cell_format().set_align(FormatAlign::Center),
            whole: cell_format().set_num_format("#,##0"),
            decimal: cell_format().set_num_format("#,##0.0###"),
            pct: cell_format().set_num_format("0.0"),
            plain: cell_format().set_num_format("0").set_align(FormatAlign::Center),
        }
    }

    /// The format of figure `v` in column `c` of `table`: a whole number without decimals,
    /// a fraction with as many as it has (up to four), a percentage with one.
    fn number(&self, table: &ReportTable, c: usize, v: f64) -> &Format {
        match table.columns[c].format {
            NumberFormat::Percent => &self.pct,
            NumberFormat::Plain => &self.plain,
            NumberFormat::Exact if v.fract() == 0.0 => &self.whole,
            NumberFormat::Exact => &self.decimal,
        }
    }
}

/// `-0` is `0`.
fn clean(v: f64) -> f64 {
    if v == 0.0 { 0.0 } else { v }
}

/// A sheet name Excel accepts (31 characters, cut between words; none of `[]:*?/\`),
/// unique in the book.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let mut name = String::new();
    for word in clean.split_whitespace() {
        let next = if name.is_empty() { word.to_string() } else { format!("{name} {word}") };
        if next.chars().count() > 31 {
            break;
        }
        name = next;
    }
    if name.is_empty() {
        name = clean.trim().chars().take(31).collect();
    }
    let mut n = 2;
    while taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) || name.is_empty() {
        let suffix = format!(" ({n})");
        name = clean.trim().chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The workbook's bytes.
pub(crate) fn report_workbook(ds: &Dataset, plan: &SummaryPlan) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Số liệu báo cáo");
        let formats = Formats::new();
        let mut taken = Vec::new();
        for (number, table, view) in workbook_tables(plan) {
            let name = match number {
                Some(n) => format!("Biểu {n}"),
                None => table.title.clone(),
            };
            let name = sheet_name(&name, &mut taken);
            table_sheet(&mut wb, &name, table, &view, &formats)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the report workbook's cells are within Excel's limits")
}

/// One table's sheet: title, unit, header, rows, total, print setup and the chart.
fn table_sheet(
    wb: &mut Workbook,
    name: &str,
    table: &ReportTable,
    view: &TableView,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let last_col = table.columns.len() as u16;
    let title =
        Format::new().set_bold().set_font_name("Times New Roman").set_font_size(13).set_align(FormatAlign::Center);
    let title_text = if view.title.is_empty() { table.title.as_str() } else { view.title.as_str() };
    ws.merge_range(0, 0, 0, last_col.max(1), title_text, &title)?;
    ws.write_string_with_format(1, last_col, &view.unit, &Format::new().set_italic().set_align(FormatAlign::Right))?;
    ws.write_string_with_format(2, 0, "TT", &f.header)?;
    ws.set_column_width(0, 6.0)?;
    let first_label = table.columns.iter().position(|c| c.role == ColumnRole::Label);
    for (c, col) in table.columns.iter().enumerate() {
        let at = c as u16 + 1;
        ws.write_string_with_format(2, at, &col.header, &f.header)?;
        let width = if Some(c) == first_label {
            36.0
        } else if col.role == ColumnRole::Label {
            22.0
        } else {
            13.0
        };
        ws.set_column_width(at, width)?;
    }
    ws.set_row_height(2, 32)?;
    ws.set_freeze_panes(3, 0)?;
    let first = 3u32;
    write_rows(ws, table, first, f)?;
    if table.rows.is_empty() {
        return Ok(());
    }
    let last = first + table.rows.len() as u32 - 1;
    if let Some(total) = &table.total {
        write_total(ws, table, total, first, last, f)?;
    }
    ws.autofilter(2, 0, last, last_col)?;
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if let Some(chart) = chart(table, name, first, last) {
        ws.insert_chart(first, last_col + 2, &chart)?;
    }
    Ok(())
}

/// The table's rows from row `first`: TT, then figures as numbers, the rest as text.
fn write_rows(ws: &mut Worksheet, table: &ReportTable, first: u32, f: &Formats) -> Result<(), XlsxError> {
    for (r, cells) in table.rows.iter().enumerate() {
        let row = first + r as u32;
        ws.write_number_with_format(row, 0, (r + 1) as f64, &f.centred)?;
        for (c, (cell, col)) in cells.iter().zip(&table.columns).enumerate() {
            let at = c as u16 + 1;
            match cell {
                Out::Number(v) => {
                    ws.write_number_with_format(row, at, clean(*v), f.number(table, c, *v))?;
                }
                Out::Text(t) => {
                    let format = if col.format == NumberFormat::Plain { &f.centred } else { &f.text };
                    ws.write_string_with_format(row, at, t, format)?;
                }
                Out::Empty => {
                    ws.write_blank(row, at, &f.text)?;
                }
            }
        }
    }
    Ok(())
}

/// The total line under rows `first..=last`: a SUM formula (with its value) where the
/// column sums, else the figure (a distinct count over all rows, a share of 100).
fn write_total(
    ws: &mut Worksheet,
    table: &ReportTable,
    total: &[Out],
    first: u32,
    last: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    let bold = |f: &Format| f.clone().set_bold();
    let row = last + 1;
    ws.write_blank(row, 0, &f.text)?;
    for (c, (cell, col)) in total.iter().zip(&table.columns).enumerate() {
        let at = c as u16 + 1;
        match cell {
            Out::Number(v) if col.summed => {
                let letter = crate::diag::column_letters(u32::from(at));
                let formula = Formula::new(format!("=SUM({letter}{}:{letter}{})", first + 1, last + 1))
                    .set_result(crate::input::raw::format_number(clean(*v)));
                ws.write_formula_with_format(row, at, formula, &bold(f.number(table, c, *v)))?;
            }
            Out::Number(v) => {
                ws.write_number_with_format(row, at, clean(*v), &bold(f.number(table, c, *v)))?;
            }
            Out::Text(t) => {
                ws.write_string_with_format(row, at, t, &bold(&f.text))?;
            }
            Out::Empty => {
                ws.write_blank(row, at, &f.text)?;
            }
        }
    }
    Ok(())
}

/// The native chart of a table (rows `first..=last` of sheet `name`), in greys.
fn chart(table: &ReportTable, name: &str, first: u32, last: u32) -> Option<Chart> {
    let plan = table.chart.as_ref()?;
    if plan.columns.is_empty() {
        return None;
    }
    let label = table.columns.iter().position(|c| c.role == ColumnRole::Label).unwrap_or(0) as u16 + 1;
    let kind = match plan.shape {
        ChartShape::Columns | ChartShape::Progress => ChartType::Column,
        ChartShape::Stacked => ChartType::ColumnStacked,
        ChartShape::Bars => ChartType::Bar,
        ChartShape::Line => ChartType::Line,
        ChartShape::Pie => ChartType::Pie,
    };
    let mut c = Chart::new(kind);
    for (s, &col) in plan.columns.iter().enumerate() {
        let at = col as u16 + 1;
        let grey = GREYS[if plan.columns.len() == 1 { 1 } else { s % GREYS.len() }];
        let mut format = ChartFormat::new();
        if plan.shape == ChartShape::Line {
            format.set_line(ChartLine::new().set_color(GREYS[(s + 2) % GREYS.len()]));
        } else {
            format
                .set_solid_fill(ChartSolidFill::new().set_color(grey))
                .set_border(ChartLine::new().set_color("#202020"));
        }
        let series = c.add_series();
        series
            .set_name(table.columns[col].header.as_str())
            .set_categories((name, first, label, last, label))
            .set_values((name, first, at, last, at));
        if plan.shape != ChartShape::Pie {
            series.set_format(&mut format);
        }
    }
    c.title().set_name(&plan.title);
    if plan.columns.len() == 1 && plan.shape != ChartShape::Pie {
        c.legend().set_hidden();
    }
    Some(c)
}
