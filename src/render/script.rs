//! Kịch bản (the MC's script) and Chương trình (the one-page programme for delegates), from
//! the planned script.

use serde::Serialize;

use super::context::{Ctx, Rendered};
use super::views::{self, HeaderView, SignatureView};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::model::Dataset;
use crate::pack::DocKind;
use crate::plan::script::{PartDetail, Script};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PartView {
    pub time: String,
    pub title: String,
    pub performer: Option<String>,
    pub mc: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ItemView {
    pub number: usize,
    /// `08h00 - 08h10`.
    pub time: String,
    pub title: String,
    pub performer: Option<String>,
    pub mc: Vec<String>,
    pub note: Option<String>,
    pub parts: Vec<PartView>,
}

/// The script's data (see `templates/kich-ban.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScriptView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub kind: &'static str,
    pub event: String,
    /// `(Thời gian: …; Địa điểm: …)`.
    pub when_where: String,
    pub header: HeaderView,
    pub items: Vec<ItemView>,
    /// `Hội nghị kết thúc lúc 11h30.`
    pub end: String,
    /// Only when the settings name a signer.
    pub signature: Option<SignatureView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProgrammeRow {
    pub time: String,
    pub title: String,
    pub performer: Option<String>,
    /// Speakers of a panel, listed under it.
    pub sub: Vec<String>,
}

/// The one-page programme's data (see `templates/chuong-trinh.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProgrammeView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub event: String,
    pub when_where: String,
    pub header: HeaderView,
    pub rows: Vec<ProgrammeRow>,
    pub end: String,
}

fn span(a: crate::text::Time, b: crate::text::Time) -> String {
    format!("{} - {}", a.short_vi(), b.short_vi())
}

fn when_where(ds: &Dataset) -> String {
    let c = &ds.conference;
    format!("(Thời gian: {}, {}; Địa điểm: {})", c.start_time.long_vi(), views::date_with_weekday(c.date), c.venue)
}

/// The header of an internal document: the issuing body and the national name; the number
/// and date lines only when the settings give them.
fn internal_header(ds: &Dataset) -> HeaderView {
    let settings = &ds.script;
    let mut header = views::header(ds, settings);
    header.show_number = settings.number.is_some();
    header.show_date = settings.date.is_some();
    header
}

pub(crate) fn script_view(ds: &Dataset, script: &Script, font: Vec<&'static str>) -> ScriptView {
    let items = script
        .items
        .iter()
        .map(|it| ItemView {
            number: it.number,
            time: span(it.start, it.end),
            title: it.title.clone(),
            performer: it.performer.clone(),
            mc: it.mc.clone(),
            note: it.note.clone(),
            parts: it
                .parts
                .iter()
                .map(|p| PartView {
                    time: span(p.start, p.end),
                    title: p.title.clone(),
                    performer: p.performer.clone(),
                    mc: p.mc.clone(),
                })
                .collect(),
        })
        .collect();
    let signed = !ds.script.signer.name.is_empty();
    ScriptView {
        font,
        title: format!("Kịch bản - {}", ds.conference.title),
        kind: "KỊCH BẢN",
        event: ds.conference.title.clone(),
        when_where: when_where(ds),
        header: internal_header(ds),
        items,
        end: format!("Hội nghị kết thúc lúc {}.", script.end.short_vi()),
        signature: signed.then(|| views::signature(&ds.script)),
    }
}

pub(crate) fn programme_view(ds: &Dataset, script: &Script, font: Vec<&'static str>) -> ProgrammeView {
    let rows = script
        .items
        .iter()
        .map(|it| ProgrammeRow {
            time: span(it.start, it.end),
            title: it.title.clone(),
            performer: it.performer.clone(),
            sub: it
                .parts
                .iter()
                .filter(|p| matches!(p.detail, PartDetail::Speaker(_)))
                .filter_map(|p| p.performer.as_ref().map(|who| format!("- {who}")))
                .collect(),
        })
        .collect();
    ProgrammeView {
        font,
        title: "CHƯƠNG TRÌNH".into(),
        event: ds.conference.title.clone(),
        when_where: when_where(ds),
        header: internal_header(ds),
        rows,
        end: format!("Hội nghị kết thúc lúc {}.", script.end.short_vi()),
    }
}

/// Renders kich-ban.pdf and chuong-trinh.pdf.
pub(crate) fn render(ds: &Dataset, script: Option<&Script>, ctx: &Ctx<'_>) -> Rendered {
    let Some(script) = script else {
        return Ok((Vec::new(), Diagnostics::new()));
    };
    let date = ds.script.date.unwrap_or(ds.conference.date);
    let (kich_ban, mut warnings) = ctx.pdf(
        "kich-ban.typ",
        &script_view(ds, script, ctx.font.clone()),
        "kich-ban.pdf",
        DocKind::Script,
        date,
        |_| None,
    )?;
    let one_page = |doc: &typst_layout::PagedDocument| {
        (doc.pages().len() > 1).then(|| {
            Diagnostic::warning(
                "too-long",
                Loc::File { file: "chuong-trinh.pdf".into() },
                Text::new(
                    format!("chương trình dài {} trang (cần 1): rút gọn nội dung các mục", doc.pages().len()),
                    format!("the programme runs to {} pages (1 expected): shorten the items", doc.pages().len()),
                ),
            )
        })
    };
    let (programme, w) = ctx.pdf(
        "chuong-trinh.typ",
        &programme_view(ds, script, ctx.font.clone()),
        "chuong-trinh.pdf",
        DocKind::Script,
        date,
        one_page,
    )?;
    warnings.extend(w);
    Ok((vec![kich_ban, programme], super::context::dedup(warnings)))
}
