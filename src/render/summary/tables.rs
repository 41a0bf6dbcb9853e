//! The report's tables (Biểu 1–5) and the product list, with their cells already printed
//! the Vietnamese way and their numbers kept for the workbook.

use serde::Serialize;

use crate::model::{Dataset, PRODUCT_GROUPS};
use crate::plan::stats::Stats;
use crate::text::thousands;

/// A table of an appendix: cells already formatted (`1.234`, `95,0`), with their numbers
/// for the workbook.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableView {
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

/// `95,0` (one decimal, Vietnamese comma).
pub(crate) fn percent(p: f64) -> String {
    format!("{p:.1}").replace('.', ",")
}

/// The report's tables (Biểu 1–5), the same in the PDF and the workbook.
pub(crate) fn tables(stats: &Stats) -> Vec<TableView> {
    let mut out = vec![by_year(stats), by_district(stats), by_group(stats), by_kind(stats)];
    if !stats.targets.is_empty() {
        out.push(targets(stats));
    }
    out.into_iter().map(Table::view).collect()
}

/// Biểu 1: products by year of recognition and stars.
fn by_year(stats: &Stats) -> Table {
    use Cell::*;
    let s = &stats.stars;
    let t = |x: &str| Text(x.to_string());
    let stars_total = |first: Cell| vec![t(""), first, Count(s.total), Count(s.s3), Count(s.s4), Count(s.s5)];
    let mut total = stars_total(t("Tổng cộng"));
    total.push(t(""));
    Table {
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
    }
}

/// Biểu 2: products by district and stars, and producers.
fn by_district(stats: &Stats) -> Table {
    use Cell::*;
    let s = &stats.stars;
    let t = |x: &str| Text(x.to_string());
    let stars_total = |first: Cell| vec![t(""), first, Count(s.total), Count(s.s3), Count(s.s4), Count(s.s5)];
    let mut total = stars_total(t("Tổng cộng"));
    total.push(Count(stats.producers));
    Table {
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
    }
}

/// Biểu 3: products by product group and stars, with shares.
fn by_group(stats: &Stats) -> Table {
    use Cell::*;
    let s = &stats.stars;
    let t = |x: &str| Text(x.to_string());
    let stars_total = |first: Cell| vec![t(""), first, Count(s.total), Count(s.s3), Count(s.s4), Count(s.s5)];
    let share = |v: usize| (s.total > 0).then(|| v as f64 * 100.0 / s.total as f64);
    let mut total = stars_total(t("Tổng cộng"));
    total.push(Percent(share(s.total)));
    Table {
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
    }
}

/// Biểu 4: producers by kind, with their products.
fn by_kind(stats: &Stats) -> Table {
    use Cell::*;
    let t = |x: &str| Text(x.to_string());
    Table {
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
    }
}

/// Biểu 5: the targets against what was achieved.
fn targets(stats: &Stats) -> Table {
    use Cell::*;
    Table {
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
    }
}

pub(super) fn product_list(ds: &Dataset) -> TableView {
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
