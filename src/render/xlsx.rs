//! The registers (XLSX) clerks keep next to the PDFs. Formats are defined once here; every
//! sheet gets a bold frozen header, an autofilter, sensible widths and an A4 print setup.
//! Files are deterministic: a fixed creation date (rust_xlsxwriter already fixes the zip
//! timestamps).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::model::Dataset;

/// A column of a register: header, width (characters), and whether it holds text that
/// must stay text (phone numbers).
pub(crate) struct Col {
    pub header: &'static str,
    pub width: f64,
}

/// A new workbook with fixed properties, so the same data gives the same file.
pub fn workbook(ds: &Dataset, title: &str) -> Workbook {
    let mut wb = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(ds.conference.date.year as u16, ds.conference.date.month, ds.conference.date.day)
            .expect("validated dates are valid");
    let props = DocProperties::new()
        .set_title(title)
        .set_author(ds.issuer.sentence_name.as_str())
        .set_comment(format!("vanthu {}", env!("CARGO_PKG_VERSION")))
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    wb
}

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("D9D9D9")
}

pub(crate) fn cell_format() -> Format {
    Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
}

/// A sheet with a title row, the header row (bold, frozen, filtered) and A4 print setup.
/// Returns the index of the first data row.
pub(crate) fn table_sheet(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    cols: &[Col],
    rows: usize,
    landscape: bool,
) -> Result<u32, XlsxError> {
    ws.set_name(name)?;
    let title_format =
        Format::new().set_bold().set_font_name("Times New Roman").set_font_size(14).set_align(FormatAlign::Center);
    let last = (cols.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last, title, &title_format)?;
    let header = header_format();
    for (c, col) in cols.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, col.header, &header)?;
        ws.set_column_width(c as u16, col.width)?;
    }
    ws.set_row_height(2, 32)?;
    ws.set_freeze_panes(3, 0)?;
    ws.autofilter(2, 0, (2 + rows) as u32, last)?;
    ws.set_paper_size(9); // A4
    if landscape {
        ws.set_landscape();
    }
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(2, 2)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    Ok(3)
}
