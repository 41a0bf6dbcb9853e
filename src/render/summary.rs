//! Báo cáo sơ kết (Mẫu 1.4) with its charts and appendices, and the statistics workbook
//! with native Excel charts. Every figure comes from [`crate::plan::stats`].

use serde::Serialize;

use super::context::{Ctx, Rendered};
use super::views::{self, HeaderView, SignatureView};
use crate::diag::Diagnostics;
use crate::model::{Dataset, PRODUCT_GROUPS};
use crate::pack::DocKind;
use crate::plan::stats::Stats;
use crate::plan::summary::{ReportPlan, Section};
use crate::text::thousands;

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Format, FormatAlign, Formula, XlsxError,
};

use super::xlsx::{Col, cell_format, header_format, table_sheet, workbook};

/// A table of an appendix: cells already formatted (`1.234`, `95,0`), with their numbers
/// for the workbook.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub title: String,
    pub unit: String,
    pub header: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<f64>,
    /// `left`, `center` or `right` per column.
    pub align: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// The `Tổng cộng` row, bold.
    pub total: Option<Vec<String>>,
    /// The numbers behind `rows` (none for text), for the workbook.
    #[serde(skip)]
    pub numbers: Vec<Vec<Option<f64>>>,
    /// The columns whose total is their sum (a `SUM` formula in the workbook).
    #[serde(skip)]
    pub sums: Vec<bool>,
    /// Percent columns (formatted `0.0` in the workbook).
    #[serde(skip)]
    pub percents: Vec<bool>,
}

/// A cell before formatting.
#[derive(Debug, Clone)]
enum Cell {
    Text(String),
    Count(usize),
    Number(f64),
    Percent(Option<f64>),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(c) => thousands(*c as u64),
            Cell::Number(v) if v.fract() == 0.0 => thousands(*v as u64),
            Cell::Number(v) => percent(*v),
            Cell::Percent(Some(p)) => percent(*p),
            Cell::Percent(None) => "-".into(),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Cell::Text(_) | Cell::Percent(None) => None,
            Cell::Count(c) => Some(*c as f64),
            Cell::Number(v) | Cell::Percent(Some(v)) => Some(*v),
        }
    }
}

struct Table {
    title: &'static str,
    unit: &'static str,
    header: &'static [&'static str],
    widths: &'static [f64],
    align: &'static [&'static str],
    rows: Vec<Vec<Cell>>,
    total: Option<Vec<Cell>>,
    sums: &'static [bool],
}

impl Table {
    fn view(self) -> TableView {
        let percents =
            self.rows.first().map(|r| r.iter().map(|c| matches!(c, Cell::Percent(_))).collect()).unwrap_or_default();
        TableView {
            title: self.title.into(),
            unit: self.unit.into(),
            header: self.header.iter().map(|h| h.to_string()).collect(),
            widths: self.widths.to_vec(),
            align: self.align.to_vec(),
            rows: self.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect(),
            total: self.total.as_ref().map(|r| r.iter().map(Cell::text).collect()),
            numbers: self.rows.iter().map(|r| r.iter().map(Cell::number).collect()).collect(),
            sums: self.sums.to_vec(),
            percents,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixView {
    /// `I`, `II`.
    pub number: String,
    pub title: String,
    /// `(Kèm theo Báo cáo số …/BC-UBND ngày … của …)`.
    pub reference: String,
    pub landscape: bool,
    pub tables: Vec<TableView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesView {
    pub name: String,
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartsView {
    pub years: Vec<String>,
    /// Products by year: 3, 4 and 5 stars.
    pub by_year: Vec<SeriesView>,
    pub districts: Vec<String>,
    pub by_district: Vec<f64>,
    pub groups: Vec<String>,
    pub by_group: Vec<f64>,
    /// `109 (72,7%)`.
    pub group_labels: Vec<String>,
    /// Short labels of the targets (`2021` / `3 sao trở lên`).
    pub targets: Vec<String>,
    pub planned: Vec<f64>,
    pub achieved: Vec<f64>,
    pub percents: Vec<Option<String>>,
    /// `(Số liệu chi tiết tại Phụ lục I …)`.
    pub note: String,
}

/// The report's data (see `templates/bao-cao-so-ket.typ`).
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    pub kind: &'static str,
    pub subject: String,
    pub opening: String,
    pub sections: Vec<Section>,
    pub closing: String,
    pub signature: SignatureView,
    pub charts: ChartsView,
    pub appendices: Vec<AppendixView>,
}

/// `95,0` (one decimal, Vietnamese comma).
pub fn percent(p: f64) -> String {
    format!("{p:.1}").replace('.', ",")
}

/// The report's tables (Biểu 1–5), the same in the PDF and the workbook.
pub fn tables(stats: &Stats) -> Vec<TableView> {
    use Cell::*;
    let s = &stats.stars;
    let t = |x: &str| Text(x.to_string());
    let stars_total = |first: Cell| vec![t(""), first, Count(s.total), Count(s.s3), Count(s.s4), Count(s.s5)];
    let mut out = Vec::new();

    let mut total = stars_total(t("Tổng cộng"));
    total.push(t(""));
    out.push(Table {
        title: "Biểu 1. Sản phẩm OCOP theo năm công nhận và hạng sao",
        unit: "Đơn vị tính: sản phẩm",
        header: &["TT", "Năm công nhận", "Tổng số", "3 sao", "4 sao", "5 sao", "Tăng, giảm so với năm trước (%)"],
        widths: &[0.5, 1.6, 1.0, 1.0, 1.0, 1.0, 1.6],
        align: &["center", "left", "right", "right", "right", "right", "right"],
        rows: stats
            .years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let c = y.counts;
                vec![
                    Text((i + 1).to_string()),
                    Text(format!("Năm {}", y.year)),
                    Count(c.total),
                    Count(c.s3),
                    Count(c.s4),
                    Count(c.s5),
                    Percent(y.growth),
                ]
            })
            .collect(),
        total: Some(total),
        sums: &[false, false, true, true, true, true, false],
    });

    let mut total = stars_total(t("Tổng cộng"));
    total.push(Count(stats.producers));
    out.push(Table {
        title: "Biểu 2. Sản phẩm OCOP theo đơn vị hành chính cấp huyện",
        unit: "Đơn vị tính: sản phẩm, chủ thể",
        header: &["TT", "Huyện, thành phố", "Tổng số", "3 sao", "4 sao", "5 sao", "Số chủ thể"],
        widths: &[0.5, 2.2, 1.0, 1.0, 1.0, 1.0, 1.1],
        align: &["center", "left", "right", "right", "right", "right", "right"],
        rows: stats
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let c = d.counts;
                vec![
                    Text((i + 1).to_string()),
                    Text(d.name.clone()),
                    Count(c.total),
                    Count(c.s3),
                    Count(c.s4),
                    Count(c.s5),
                    Count(d.producers),
                ]
            })
            .collect(),
        total: Some(total),
        // A producer with products in two districts counts once in the total.
        sums: &[false, false, true, true, true, true, false],
    });

    let share = |v: usize| (s.total > 0).then(|| v as f64 * 100.0 / s.total as f64);
    let mut total = stars_total(t("Tổng cộng"));
    total.push(Percent(share(s.total)));
    out.push(Table {
        title: "Biểu 3. Sản phẩm OCOP theo nhóm sản phẩm",
        unit: "Đơn vị tính: sản phẩm",
        header: &["TT", "Nhóm sản phẩm", "Tổng số", "3 sao", "4 sao", "5 sao", "Tỷ lệ (%)"],
        widths: &[0.5, 3.0, 0.9, 0.9, 0.9, 0.9, 0.9],
        align: &["center", "left", "right", "right", "right", "right", "right"],
        rows: stats
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let c = g.counts;
                vec![
                    Text((i + 1).to_string()),
                    Text(g.name.clone()),
                    Count(c.total),
                    Count(c.s3),
                    Count(c.s4),
                    Count(c.s5),
                    Percent(share(c.total)),
                ]
            })
            .collect(),
        total: Some(total),
        sums: &[false, false, true, true, true, true, true],
    });

    out.push(Table {
        title: "Biểu 4. Chủ thể OCOP theo loại hình",
        unit: "Đơn vị tính: chủ thể, sản phẩm",
        header: &["TT", "Loại hình chủ thể", "Số chủ thể", "Số sản phẩm"],
        widths: &[0.5, 2.6, 1.2, 1.2],
        align: &["center", "left", "right", "right"],
        rows: stats
            .kinds
            .iter()
            .enumerate()
            .map(|(i, k)| vec![Text((i + 1).to_string()), Text(k.name.clone()), Count(k.producers), Count(k.products)])
            .collect(),
        total: Some(vec![
            t(""),
            t("Tổng cộng"),
            Count(stats.kinds.iter().map(|k| k.producers).sum()),
            Count(stats.kinds.iter().map(|k| k.products).sum()),
        ]),
        sums: &[false, false, true, true],
    });

    if !stats.targets.is_empty() {
        out.push(Table {
            title: "Biểu 5. Kết quả thực hiện chỉ tiêu",
            unit: "",
            header: &["TT", "Chỉ tiêu", "Năm", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
            widths: &[0.5, 3.2, 0.8, 1.0, 1.0, 1.0],
            align: &["center", "left", "center", "right", "right", "right"],
            rows: stats
                .targets
                .iter()
                .enumerate()
                .map(|(i, tg)| {
                    vec![
                        Text((i + 1).to_string()),
                        Text(tg.name.clone()),
                        Text(tg.year.map_or_else(|| "Cả giai đoạn".into(), |y| y.to_string())),
                        Number(tg.planned),
                        Number(tg.achieved),
                        Percent(tg.percent),
                    ]
                })
                .collect(),
            total: None,
            sums: &[false; 6],
        });
    }
    out.into_iter().map(Table::view).collect()
}

fn product_list(ds: &Dataset) -> TableView {
    let mut t = TableView {
        title: String::new(),
        unit: String::new(),
        header: [
            "STT",
            "Tên sản phẩm",
            "Chủ thể",
            "Địa chỉ",
            "Huyện, thành phố",
            "Nhóm sản phẩm",
            "Hạng sao",
            "Năm",
            "Quyết định công nhận",
        ]
        .map(String::from)
        .to_vec(),
        widths: vec![0.5, 2.2, 2.4, 1.6, 1.5, 1.8, 0.7, 0.7, 1.8],
        align: vec!["center", "left", "left", "left", "left", "left", "center", "center", "left"],
        rows: ds
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    (i + 1).to_string(),
                    p.name.clone(),
                    p.producer.clone(),
                    p.address.clone().unwrap_or_default(),
                    crate::model::district_name(&p.district, &ds.report_settings.district_order).to_string(),
                    PRODUCT_GROUPS[p.group].to_string(),
                    format!("{} sao", p.stars),
                    p.year.to_string(),
                    p.decision.clone().unwrap_or_default(),
                ]
            })
            .collect(),
        total: None,
        numbers: Vec::new(),
        sums: Vec::new(),
        percents: Vec::new(),
    };
    // No product has an address: the column would be empty on every page.
    if ds.products.iter().all(|p| p.address.as_deref().is_none_or(str::is_empty)) {
        t.header.remove(3);
        t.widths.remove(3);
        t.align.remove(3);
        for row in &mut t.rows {
            row.remove(3);
        }
    }
    t
}

fn charts(stats: &Stats) -> ChartsView {
    ChartsView {
        years: stats.years.iter().map(|y| y.year.to_string()).collect(),
        by_year: [3u8, 4, 5]
            .iter()
            .map(|&st| SeriesView {
                name: format!("{st} sao"),
                values: stats.years.iter().map(|y| y.counts.get(st) as f64).collect(),
            })
            .collect(),
        districts: stats.districts.iter().map(|d| d.name.clone()).collect(),
        by_district: stats.districts.iter().map(|d| d.counts.total as f64).collect(),
        groups: stats.groups.iter().map(|g| g.name.clone()).collect(),
        by_group: stats.groups.iter().map(|g| g.counts.total as f64).collect(),
        group_labels: stats
            .groups
            .iter()
            .map(|g| {
                let share = if stats.total > 0 { g.counts.total as f64 * 100.0 / stats.total as f64 } else { 0.0 };
                format!("{} ({}%)", thousands(g.counts.total as u64), percent(share))
            })
            .collect(),
        targets: stats
            .targets
            .iter()
            .map(|t| {
                // `Số sản phẩm OCOP đạt 3 sao trở lên` → `3 sao trở lên`.
                let short = t.name.rsplit_once(" đạt ").map_or(t.name.as_str(), |(_, s)| s);
                let short: String = if short.chars().count() > 24 {
                    short.chars().take(23).chain(['…']).collect()
                } else {
                    short.to_string()
                };
                match t.year {
                    Some(y) => format!("{y}\n{short}"),
                    None => short,
                }
            })
            .collect(),
        planned: stats.targets.iter().map(|t| t.planned).collect(),
        achieved: stats.targets.iter().map(|t| t.achieved).collect(),
        percents: stats.targets.iter().map(|t| t.percent.map(|p| format!("{}%", percent(p)))).collect(),
        note: "(Số liệu chi tiết tại Phụ lục I; danh sách sản phẩm tại Phụ lục II kèm theo Báo cáo này)".into(),
    }
}

pub fn view(ds: &Dataset, plan: &ReportPlan, font: Vec<&'static str>) -> ReportView {
    let settings = &ds.report_doc;
    let number = match &settings.number {
        Some(n) => format!("{}/{}", crate::text::document_number(n), settings.code),
        None => format!("…/{}", settings.code),
    };
    let date = settings.date.map_or_else(|| format!("ngày … tháng … năm {}", ds.conference.date.year), |d| d.long_vi());
    let reference = format!("(Kèm theo Báo cáo số {number} {date} của {})", ds.issuer.sentence_name);
    ReportView {
        font,
        title: format!("Báo cáo - {}", plan.subject),
        header: views::header(ds, settings),
        kind: "BÁO CÁO",
        subject: plan.subject.clone(),
        opening: plan.opening.clone(),
        sections: plan.sections.clone(),
        closing: plan.closing.clone(),
        signature: views::signature(settings),
        charts: charts(&plan.stats),
        appendices: vec![
            AppendixView {
                number: "I".into(),
                title: "Số liệu kết quả thực hiện".into(),
                reference: reference.clone(),
                landscape: false,
                tables: tables(&plan.stats),
            },
            AppendixView {
                number: "II".into(),
                title: "Danh sách sản phẩm OCOP được công nhận".into(),
                reference,
                landscape: true,
                tables: vec![product_list(ds)],
            },
        ],
    }
}

/// Renders the report and its workbook.
pub fn render(ds: &Dataset, plan: Option<&ReportPlan>, ctx: &Ctx<'_>) -> Rendered {
    let Some(plan) = plan else {
        return Ok((Vec::new(), Diagnostics::new()));
    };
    let date = ds.report_doc.date.unwrap_or(ds.conference.date);
    let (report, warnings) = ctx.pdf(
        "bao-cao-so-ket.typ",
        &view(ds, plan, ctx.font.clone()),
        "bao-cao-so-ket.pdf",
        DocKind::Summary,
        date,
        |_| None,
    )?;
    let workbook = ctx.xlsx("so-lieu-bao-cao.xlsx", DocKind::Summary, report_workbook(ds, &tables(&plan.stats)));
    Ok((vec![report, workbook], super::context::dedup(warnings)))
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
                        && let Some(n) = crate::text::parse_number(cell)
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
                crate::model::district_name(&p.district, &ds.report_settings.district_order),
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
