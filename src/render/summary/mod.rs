//! The report (Decree 30 Mẫu 1.4) with its tables, charts and appendices, and the
//! statistics workbook with a native Excel chart beside each chart's table. Every figure
//! comes from the plan ([`crate::plan::summary`]).

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::pack::DocKind;
use crate::plan::summary::{Block, SummaryPlan, roman};
use crate::render::context::{Ctx, Rendered};
use crate::render::views::{self, HeaderView, SignatureView};

mod tables;
mod workbook;

pub(crate) use tables::{ChartView, TableView};
pub(crate) use workbook::report_workbook;

/// One block of a section.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BlockView {
    /// `heading`, `bullet`, `para`, `note`, `table` or `chart`.
    pub kind: &'static str,
    pub text: String,
    pub table: Option<TableView>,
    pub chart: Option<ChartView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionView {
    pub heading: String,
    pub blocks: Vec<BlockView>,
}

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

/// The report's data (see `templates/bao-cao.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    pub kind: &'static str,
    pub subject: String,
    pub opening: String,
    pub sections: Vec<SectionView>,
    pub closing: String,
    pub signature: SignatureView,
    pub appendices: Vec<AppendixView>,
}

fn block(plan: &SummaryPlan, b: &Block) -> BlockView {
    let text = |kind: &'static str, t: &str| BlockView { kind, text: t.to_string(), table: None, chart: None };
    match b {
        Block::Heading(t) => text("heading", t),
        Block::Bullet(t) => text("bullet", t),
        Block::Para(t) => text("para", t),
        Block::Note(t) => text("note", t),
        Block::Table(i) => BlockView { table: Some(tables::table_view(plan, *i, true)), ..text("table", "") },
        Block::Chart(i) => BlockView { chart: tables::chart_view(plan, *i), ..text("chart", "") },
        // Expanded by the plan.
        Block::Charts => text("para", ""),
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
    let appendices = plan
        .appendices
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let alone = matches!(a.tables.as_slice(), [one] if plan.numbers[*one].is_none());
            let tables: Vec<TableView> = a.tables.iter().map(|&i| tables::table_view(plan, i, !alone)).collect();
            AppendixView {
                number: roman(n + 1),
                title: a.title.clone(),
                reference: reference.clone(),
                landscape: tables.iter().any(tables::is_wide),
                tables,
            }
        })
        .collect();
    ReportView {
        font,
        title: format!("Báo cáo - {}", plan.subject),
        header: views::header(ds, settings),
        kind: "BÁO CÁO",
        subject: plan.subject.clone(),
        opening: plan.opening.clone(),
        sections: plan
            .sections
            .iter()
            .map(|s| SectionView {
                heading: s.heading.clone(),
                blocks: s.blocks.iter().map(|b| block(plan, b)).collect(),
            })
            .collect(),
        closing: plan.closing.clone(),
        signature: views::signature(settings),
        appendices,
    }
}

/// The template of the report.
pub(crate) const TEMPLATE: &str = "bao-cao.typ";

/// The statistics workbook.
pub(crate) const WORKBOOK: &str = "so-lieu-bao-cao.xlsx";

/// Renders the report and its workbook.
pub(crate) fn render(ds: &Dataset, plan: Option<&SummaryPlan>, ctx: &Ctx<'_>) -> Rendered {
    let Some(plan) = plan else {
        return Ok((Vec::new(), Diagnostics::new()));
    };
    let date = ds.report_doc.date.unwrap_or(ds.conference.date);
    let (report, warnings) = ctx.pdf(
        TEMPLATE,
        &view(ds, plan, ctx.font.clone()),
        &format!("{}.pdf", plan.file_stem),
        DocKind::Summary,
        date,
        |_| None,
    )?;
    let workbook = ctx.xlsx(WORKBOOK, DocKind::Summary, report_workbook(ds, plan));
    Ok((vec![report, workbook], super::context::dedup(warnings)))
}
