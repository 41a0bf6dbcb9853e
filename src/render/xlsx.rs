//! The registers (XLSX) clerks keep next to the PDFs. Formats are defined once here; every
//! sheet gets a bold frozen header, an autofilter, sensible widths and an A4 print setup.
//! Files are deterministic: a fixed creation date (rust_xlsxwriter already fixes the zip
//! timestamps).

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use super::awards::{CertificatesView, list_order};
use super::invitations::InviteeView;
use super::report::TableView;
use crate::model::{AwardKind, Dataset};
use crate::plan::Plan;
use crate::seating::SeatingPlan;
use crate::text::name_sort_key;

/// A column of a register: header, width (characters), and whether it holds text that
/// must stay text (phone numbers).
pub struct Col {
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

fn header_format() -> Format {
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

pub fn cell_format() -> Format {
    Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
}

/// A sheet with a title row, the header row (bold, frozen, filtered) and A4 print setup.
/// Returns the index of the first data row.
pub fn table_sheet(
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

/// `danh-sach-giay-moi.xlsx`: who was invited, in protocol order.
pub fn invitation_register(ds: &Dataset, plan: &Plan, invitees: &[(usize, InviteeView)]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách giấy mời");
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Mã", width: 10.0 },
            Col { header: "Danh xưng", width: 10.0 },
            Col { header: "Họ và tên", width: 24.0 },
            Col { header: "Chức vụ", width: 34.0 },
            Col { header: "Cơ quan, đơn vị", width: 34.0 },
            Col { header: "Nhóm", width: 18.0 },
            Col { header: "Điện thoại", width: 14.0 },
            Col { header: "Email", width: 26.0 },
            Col { header: "Xác nhận", width: 14.0 },
            Col { header: "Ghế", width: 10.0 },
            Col { header: "Tệp giấy mời", width: 30.0 },
        ];
        let first = table_sheet(
            ws,
            "Giấy mời",
            &format!("DANH SÁCH GỬI GIẤY MỜI - {}", ds.conference.title.to_uppercase()),
            &cols,
            invitees.len(),
            true,
        )?;
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        for (n, (i, _)) in invitees.iter().enumerate() {
            let d = &ds.delegates[*i];
            let seat_code = plan
                .seating
                .as_ref()
                .and_then(|s| s.seat_of[*i].map(|seat| s.hall.seats[seat].code.clone()))
                .unwrap_or_default();
            let r = first + n as u32;
            ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
            let texts = [
                d.id.as_str(),
                d.honorific.label(),
                d.name.as_str(),
                d.position.as_deref().unwrap_or(""),
                d.organization.as_str(),
                ds.groups[d.group].name.as_str(),
                d.phone.as_deref().unwrap_or(""),
                d.email.as_deref().unwrap_or(""),
                d.attendance.label(),
                seat_code.as_str(),
            ];
            for (c, t) in texts.iter().enumerate() {
                // Written as strings: a phone number stays text with its leading 0.
                ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
            }
            ws.write_string_with_format(r, 11, format!("giay-moi/{}.pdf", plan.file_stems[*i]), &fmt)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the register's cells are within Excel's limits")
}

/// `danh-sach-cho-ngoi.xlsx`: one row per seated delegate, by seat, and again by name.
pub fn seat_list(ds: &Dataset, seating: &SeatingPlan) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách chỗ ngồi");
        let hall = &seating.hall;
        let by_seat: Vec<(usize, usize)> =
            hall.seats.iter().enumerate().filter_map(|(s, _)| seating.occupant[s].map(|d| (s, d))).collect();
        let mut by_name = by_seat.clone();
        by_name.sort_by_cached_key(|(s, d)| (name_sort_key(&ds.delegates[*d].name), *s));
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Khu vực", width: 16.0 },
            Col { header: "Hàng", width: 8.0 },
            Col { header: "Ghế", width: 9.0 },
            Col { header: "Họ và tên", width: 24.0 },
            Col { header: "Chức vụ", width: 34.0 },
            Col { header: "Cơ quan, đơn vị", width: 34.0 },
            Col { header: "Nhóm", width: 20.0 },
        ];
        let title = format!("DANH SÁCH CHỖ NGỒI - {}", ds.conference.title.to_uppercase());
        for (name, rows) in [("Theo ghế", &by_seat), ("Theo tên", &by_name)] {
            let ws = wb.add_worksheet();
            let first = table_sheet(ws, name, &title, &cols, rows.len(), true)?;
            let fmt = cell_format();
            let centred = cell_format().set_align(FormatAlign::Center);
            for (n, (s, d)) in rows.iter().enumerate() {
                let (seat, del) = (&hall.seats[*s], &ds.delegates[*d]);
                let row = &hall.rows[seat.row];
                let r = first + n as u32;
                ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
                let texts = [
                    row.blocks[seat.block].name.as_str(),
                    row.code.as_str(),
                    seat.code.as_str(),
                    del.name.as_str(),
                    del.position.as_deref().unwrap_or(""),
                    del.organization.as_str(),
                    ds.groups[del.group].name.as_str(),
                ];
                for (c, t) in texts.iter().enumerate() {
                    ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
                }
            }
        }
        wb.save_to_buffer()
    };
    build().expect("the seat list's cells are within Excel's limits")
}

/// `danh-sach-khen-thuong.xlsx`: the award list in the decision's order, with the
/// golden-book numbers of the certificates and totals per kind (formulas, with their values).
pub fn award_register(ds: &Dataset, certificates: &CertificatesView) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách khen thưởng");
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Loại", width: 10.0 },
            Col { header: "Danh xưng", width: 10.0 },
            Col { header: "Tên tập thể, cá nhân", width: 34.0 },
            Col { header: "Chức vụ, đơn vị", width: 40.0 },
            Col { header: "Thành tích", width: 40.0 },
            Col { header: "Hình thức", width: 12.0 },
            Col { header: "Đơn vị đề nghị", width: 26.0 },
            Col { header: "Số sổ vàng", width: 12.0 },
        ];
        let order = list_order(ds);
        let title = format!("DANH SÁCH KHEN THƯỞNG - {}", ds.conference.title.to_uppercase());
        let first = table_sheet(ws, "Khen thưởng", &title, &cols, order.len(), true)?;
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        for (n, (&a, cert)) in order.iter().zip(&certificates.certificates).enumerate() {
            let award = &ds.awards[a];
            let r = first + n as u32;
            ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
            let texts = [
                award.kind.label(),
                award.honorific.map_or("", |h| h.label()),
                award.name.as_str(),
                award.unit.as_deref().unwrap_or(""),
                award.achievement.as_deref().unwrap_or(""),
                award.form.as_str(),
                award.proposer.as_deref().unwrap_or(""),
                cert.golden_book.trim_start_matches("Số sổ vàng:").trim(),
            ];
            for (c, t) in texts.iter().enumerate() {
                ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
            }
        }
        // Totals per kind, as formulas the clerk can follow (with their values for readers
        // that do not compute).
        let last = first + order.len() as u32;
        let bold = cell_format().set_bold();
        let range = format!("B{}:B{}", first + 1, last);
        let collectives = order.iter().filter(|&&a| ds.awards[a].kind == AwardKind::Collective).count();
        let rows = [
            ("Tổng số tập thể", format!("=COUNTIF({range},\"Tập thể\")"), collectives),
            ("Tổng số cá nhân", format!("=COUNTIF({range},\"Cá nhân\")"), order.len() - collectives),
            ("Tổng cộng", format!("=COUNTA({range})"), order.len()),
        ];
        for (i, (label, formula, value)) in rows.iter().enumerate() {
            let r = last + 1 + i as u32;
            ws.merge_range(r, 0, r, 2, label, &bold)?;
            ws.write_formula_with_format(r, 3, Formula::new(formula).set_result(value.to_string()), &bold)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the award register's cells are within Excel's limits")
}

/// `so-lieu-bao-cao.xlsx`: one sheet per table of the report (totals as `SUM` formulas the
/// clerk can edit, with their values), a native Excel chart beside each table like the
/// report's, and the product list.
pub fn report_workbook(ds: &Dataset, tables: &[TableView]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Số liệu báo cáo");
        let header = header_format();
        let text = cell_format();
        let count = cell_format().set_num_format("#,##0");
        let pct = cell_format().set_num_format("0.0");
        let bold = |f: &Format| f.clone().set_bold();
        for (t, table) in tables.iter().enumerate() {
            let name = format!("Biểu {}", t + 1);
            let ws = wb.add_worksheet();
            ws.set_name(&name)?;
            let last_col = (table.header.len() - 1) as u16;
            let title = Format::new()
                .set_bold()
                .set_font_name("Times New Roman")
                .set_font_size(13)
                .set_align(FormatAlign::Center);
            ws.merge_range(0, 0, 0, last_col, &table.title, &title)?;
            ws.write_string_with_format(
                1,
                last_col,
                &table.unit,
                &Format::new().set_italic().set_align(FormatAlign::Right),
            )?;
            for (c, h) in table.header.iter().enumerate() {
                ws.write_string_with_format(2, c as u16, h, &header)?;
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
            for (r, (cells, numbers)) in table.rows.iter().zip(&table.numbers).enumerate() {
                let row = first + r as u32;
                for (c, (cell, number)) in cells.iter().zip(numbers).enumerate() {
                    let col = c as u16;
                    match number {
                        Some(v) if c > 0 => {
                            let f = if table.percents.get(c).copied().unwrap_or(false) { &pct } else { &count };
                            ws.write_number_with_format(row, col, *v, f)?;
                        }
                        _ => {
                            ws.write_string_with_format(row, col, cell, &text)?;
                        }
                    }
                }
            }
            let last = first + table.rows.len() as u32 - 1;
            if let Some(total) = &table.total {
                let row = last + 1;
                for (c, cell) in total.iter().enumerate() {
                    let col = c as u16;
                    if table.sums.get(c).copied().unwrap_or(false) && !table.rows.is_empty() {
                        let letter = crate::diag::column_letters(c as u32);
                        let sum: f64 = table.numbers.iter().filter_map(|r| r[c]).sum();
                        let formula = Formula::new(format!("=SUM({letter}{}:{letter}{})", first + 1, last + 1))
                            .set_result(format!("{sum}"));
                        let f = if table.percents.get(c).copied().unwrap_or(false) { bold(&pct) } else { bold(&count) };
                        ws.write_formula_with_format(row, col, formula, &f)?;
                    } else if c > 0
                        && let Some(n) = crate::validate::fields::parse_number(cell)
                    {
                        // A total that is no sum (a producer in two districts counts once):
                        // still a number, not text.
                        let f = if table.percents.get(c).copied().unwrap_or(false) { bold(&pct) } else { bold(&count) };
                        ws.write_number_with_format(row, col, n, &f)?;
                    } else {
                        ws.write_string_with_format(row, col, cell, &bold(&text))?;
                    }
                }
            }
            ws.set_paper_size(9);
            ws.set_landscape();
            ws.set_print_fit_to_pages(1, 0);
            if table.rows.is_empty() {
                continue;
            }
            // The chart beside the table, like the report's.
            let cats = (name.as_str(), first, 1u16, last, 1u16);
            let series = |chart: &mut Chart, label: &str, col: u16, grey: &str| {
                chart
                    .add_series()
                    .set_name(label)
                    .set_categories(cats)
                    .set_values((name.as_str(), first, col, last, col))
                    .set_format(
                        ChartFormat::new()
                            .set_solid_fill(ChartSolidFill::new().set_color(grey))
                            .set_border(ChartLine::new().set_color("#202020")),
                    );
            };
            let chart = match t {
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
            };
            if let Some(chart) = chart {
                ws.insert_chart(first, last_col + 2, &chart)?;
            }
        }
        // The product list.
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
            ws.write_number_with_format(r, 0, (i + 1) as f64, &text)?;
            for (c, v) in [
                p.name.as_str(),
                p.producer.as_str(),
                p.producer_kind.as_deref().unwrap_or(""),
                p.address.as_deref().unwrap_or(""),
                crate::stats::district_name(&p.district, &ds.report_settings.district_order),
                crate::model::PRODUCT_GROUPS[p.group],
            ]
            .iter()
            .enumerate()
            {
                ws.write_string_with_format(r, (c + 1) as u16, *v, &text)?;
            }
            ws.write_number_with_format(r, 7, f64::from(p.stars), &text)?;
            ws.write_number_with_format(r, 8, f64::from(p.year), &text)?;
            ws.write_string_with_format(r, 9, p.decision.as_deref().unwrap_or(""), &text)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the report workbook's cells are within Excel's limits")
}
