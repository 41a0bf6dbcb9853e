//! `so-lieu-bao-cao.xlsx`: the report's tables with SUM formulas and a native chart beside
//! each, and the product list.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Format, FormatAlign, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::tables::TableView;
use crate::model::Dataset;
use crate::render::xlsx::{Col, cell_format, header_format, table_sheet, workbook};

/// The cell formats of the statistics sheets.
struct Formats {
    header: Format,
    text: Format,
    count: Format,
    pct: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: header_format(),
            text: cell_format(),
            count: cell_format().set_num_format("#,##0"),
            pct: cell_format().set_num_format("0.0"),
        }
    }

    /// The number format of column `c` of `table`.
    fn number(&self, table: &TableView, c: usize) -> &Format {
        if table.percents.get(c).copied().unwrap_or(false) { &self.pct } else { &self.count }
    }
}

/// The workbook's bytes.
pub(crate) fn report_workbook(ds: &Dataset, tables: &[TableView]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Số liệu báo cáo");
        let formats = Formats::new();
        for (t, table) in tables.iter().enumerate() {
            table_sheet_with_chart(&mut wb, t, table, &formats)?;
        }
        product_sheet(&mut wb, ds, &formats.text)?;
        wb.save_to_buffer()
    };
    build().expect("the report workbook's cells are within Excel's limits")
}

/// Sheet `Biểu <t + 1>`: title, unit, header, rows, total, print setup and the chart.
fn table_sheet_with_chart(wb: &mut Workbook, t: usize, table: &TableView, f: &Formats) -> Result<(), XlsxError> {
    let name = format!("Biểu {}", t + 1);
    let ws = wb.add_worksheet();
    ws.set_name(&name)?;
    let last_col = (table.header.len() - 1) as u16;
    let title =
        Format::new().set_bold().set_font_name("Times New Roman").set_font_size(13).set_align(FormatAlign::Center);
    ws.merge_range(0, 0, 0, last_col, &table.title, &title)?;
    ws.write_string_with_format(1, last_col, &table.unit, &Format::new().set_italic().set_align(FormatAlign::Right))?;
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &f.header)?;
        ws.set_column_width(
            c as u16,
            if c == 1 {
                36.0
            } else if c == 0 {
                6.0
            } else {
                12.0
            },
        )?;
    }
    ws.set_row_height(2, 32)?;
    ws.set_freeze_panes(3, 0)?;
    let first = 3u32;
    write_rows(ws, table, first, f)?;
    let last = first + table.rows.len() as u32 - 1;
    if let Some(total) = &table.total {
        write_total(ws, table, total, first, last, f)?;
    }
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if table.rows.is_empty() {
        return Ok(());
    }
    // The chart beside the table, like the report's.
    if let Some(chart) = chart(t, &name, first, last) {
        ws.insert_chart(first, last_col + 2, &chart)?;
    }
    Ok(())
}

/// The table's rows from row `first`: numbers as numbers, the rest as text.
fn write_rows(ws: &mut Worksheet, table: &TableView, first: u32, f: &Formats) -> Result<(), XlsxError> {
    for (r, (cells, numbers)) in table.rows.iter().zip(&table.numbers).enumerate() {
        let row = first + r as u32;
        for (c, (cell, number)) in cells.iter().zip(numbers).enumerate() {
            let col = c as u16;
            match number {
                Some(v) if c > 0 => {
                    ws.write_number_with_format(row, col, *v, f.number(table, c))?;
                }
                _ => {
                    ws.write_string_with_format(row, col, cell, &f.text)?;
                }
            }
        }
    }
    Ok(())
}

/// The total line under rows `first..=last`: a SUM formula (with its value) where the
/// column sums, else the figure as a number (a producer in two districts counts once), else
/// text.
fn write_total(
    ws: &mut Worksheet,
    table: &TableView,
    total: &[String],
    first: u32,
    last: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    let bold = |f: &Format| f.clone().set_bold();
    let row = last + 1;
    for (c, cell) in total.iter().enumerate() {
        let col = c as u16;
        if table.sums.get(c).copied().unwrap_or(false) && !table.rows.is_empty() {
            let letter = crate::diag::column_letters(c as u32);
            let sum: f64 = table.numbers.iter().filter_map(|r| r[c]).sum();
            let formula =
                Formula::new(format!("=SUM({letter}{}:{letter}{})", first + 1, last + 1)).set_result(format!("{sum}"));
            ws.write_formula_with_format(row, col, formula, &bold(f.number(table, c)))?;
        } else if c > 0
            && let Some(n) = crate::text::parse_number(cell)
        {
            ws.write_number_with_format(row, col, n, &bold(f.number(table, c)))?;
        } else {
            ws.write_string_with_format(row, col, cell, &bold(&f.text))?;
        }
    }
    Ok(())
}

/// The native chart of table `t` (rows `first..=last` of sheet `name`), in greys.
fn chart(t: usize, name: &str, first: u32, last: u32) -> Option<Chart> {
    let cats = (name, first, 1u16, last, 1u16);
    let series = |chart: &mut Chart, label: &str, col: u16, grey: &str| {
        chart.add_series().set_name(label).set_categories(cats).set_values((name, first, col, last, col)).set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(grey))
                .set_border(ChartLine::new().set_color("#202020")),
        );
    };
    match t {
        0 => {
            let mut c = Chart::new(ChartType::ColumnStacked);
            series(&mut c, "3 sao", 3, "#E1E1E1");
            series(&mut c, "4 sao", 4, "#969696");
            series(&mut c, "5 sao", 5, "#3C3C3C");
            c.title().set_name("Sản phẩm OCOP theo năm và hạng sao");
            Some(c)
        }
        1 | 2 => {
            let mut c = Chart::new(ChartType::Bar);
            series(&mut c, "Số sản phẩm", 2, "#969696");
            c.title().set_name(if t == 1 {
                "Sản phẩm OCOP theo huyện, thành phố"
            } else {
                "Sản phẩm OCOP theo nhóm sản phẩm"
            });
            c.legend().set_hidden();
            Some(c)
        }
        4 => {
            let mut c = Chart::new(ChartType::Column);
            series(&mut c, "Kế hoạch", 3, "#E1E1E1");
            series(&mut c, "Thực hiện", 4, "#3C3C3C");
            c.title().set_name("Kết quả thực hiện chỉ tiêu");
            Some(c)
        }
        _ => None,
    }
}

/// The product list.
fn product_sheet(wb: &mut Workbook, ds: &Dataset, text: &Format) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    let cols = [
        Col { header: "STT", width: 6.0 },
        Col { header: "Tên sản phẩm", width: 34.0 },
        Col { header: "Chủ thể", width: 34.0 },
        Col { header: "Loại chủ thể", width: 14.0 },
        Col { header: "Địa chỉ", width: 20.0 },
        Col { header: "Huyện, thành phố", width: 22.0 },
        Col { header: "Nhóm sản phẩm", width: 26.0 },
        Col { header: "Hạng sao", width: 9.0 },
        Col { header: "Năm công nhận", width: 10.0 },
        Col { header: "Số quyết định", width: 26.0 },
    ];
    let first = table_sheet(ws, "Sản phẩm", "DANH SÁCH SẢN PHẨM OCOP", &cols, ds.products.len(), true)?;
    for (i, p) in ds.products.iter().enumerate() {
        let r = first + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, text)?;
        for (c, v) in [
            p.name.as_str(),
            p.producer.as_str(),
            p.producer_kind.as_deref().unwrap_or(""),
            p.address.as_deref().unwrap_or(""),
            crate::model::district_name(&p.district, &ds.report_settings.district_order),
            crate::model::PRODUCT_GROUPS[p.group],
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(r, (c + 1) as u16, *v, text)?;
        }
        ws.write_number_with_format(r, 7, f64::from(p.stars), text)?;
        ws.write_number_with_format(r, 8, f64::from(p.year), text)?;
        ws.write_string_with_format(r, 9, p.decision.as_deref().unwrap_or(""), text)?;
    }
    Ok(())
}
