//! Báo cáo sơ kết (Mẫu 1.4) with its charts and appendices, and the statistics workbook
//! with native Excel charts. Every figure comes from [`crate::plan::stats`].

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::pack::DocKind;
use crate::plan::stats::Stats;
use crate::plan::summary::{Section, SummaryPlan};
use crate::render::context::{Ctx, Rendered};
use crate::render::views::{self, HeaderView, SignatureView};
use crate::text::thousands;

mod tables;
mod workbook;

pub(crate) use tables::{TableView, percent, tables};

use self::tables::product_list;
pub(crate) use workbook::report_workbook;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AppendixView {
    /// `I`, `II`.
    pub number: String,
    pub title: String,
    /// `(Kèm theo Báo cáo số …/BC-UBND ngày … của …)`.
    pub reference: String,
    pub landscape: bool,
    pub tables: Vec<TableView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SeriesView {
    pub name: String,
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartsView {
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
pub(crate) struct ReportView {
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

pub(crate) fn view(ds: &Dataset, plan: &SummaryPlan, font: Vec<&'static str>) -> ReportView {
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
pub(crate) fn render(ds: &Dataset, plan: Option<&SummaryPlan>, ctx: &Ctx<'_>) -> Rendered {
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
