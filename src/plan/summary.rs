//! The summary report (Báo cáo sơ kết), planned: the statistics, and the narrative of the
//! `Báo cáo` sheet rendered with them (minijinja; an unknown `stats` key is an error at its
//! cell) and cut into headings, paragraphs and bullets.

use std::collections::BTreeMap;

use minijinja::Value;
use serde::Serialize;

use crate::diag::{Diagnostics, Text};
use crate::jinja::{Jinja, to_value};
use crate::model::Dataset;
use crate::plan::stats::{self, Stats};
use crate::text::{capitalize_first, loose_key, lowercase_first};

/// Where the charts go in the narrative: a line `{{ bieu_do }}`.
const CHARTS_MARK: &str = "\u{FFFC}bieu-do\u{FFFC}";

/// One block of the narrative.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Block {
    /// `1. Kết quả đánh giá, phân hạng sản phẩm OCOP` (a khoản with a title): bold.
    Heading(String),
    /// `- …` or `+ …`.
    Bullet(String),
    Para(String),
    /// The charts.
    Charts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// `I. KẾT QUẢ THỰC HIỆN`.
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub struct SummaryPlan {
    pub subject: String,
    pub opening: String,
    pub sections: Vec<Section>,
    pub closing: String,
    pub stats: Stats,
}

/// Cuts rendered text into blocks: every non-empty line is one; a short numbered line
/// without final punctuation is a heading (`1. Mục tiêu`), `-`/`+` lines are bullets.
pub fn blocks(text: &str) -> Vec<Block> {
    text.lines()
        .map(crate::text::clean_inline)
        .filter(|l| !l.is_empty())
        .map(|line| {
            if line == CHARTS_MARK {
                return Block::Charts;
            }
            if line.starts_with("- ") || line.starts_with("+ ") {
                return Block::Bullet(line);
            }
            let numbered = line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
            let ends = line.ends_with(['.', ';', ':', '!', '?']);
            if numbered && !ends && line.chars().count() <= 150 { Block::Heading(line) } else { Block::Para(line) }
        })
        .collect()
}

/// The report's subject: the setting, else the conference title without `Hội nghị`
/// (`Hội nghị sơ kết …` → `Sơ kết …`).
fn subject(ds: &Dataset) -> String {
    if let Some(s) = &ds.report_doc.subject {
        return s.clone();
    }
    let title = &ds.conference.title;
    match title.strip_prefix("Hội nghị ").or_else(|| title.strip_prefix("HỘI NGHỊ ")) {
        Some(rest) => capitalize_first(rest),
        None => title.clone(),
    }
}

/// Plans the report. `None` when there is nothing to report (no sections and no products)
/// or when the narrative has errors (in `diags`).
pub fn plan(ds: &Dataset, diags: &mut Diagnostics) -> Option<SummaryPlan> {
    if ds.report.is_empty() && ds.products.is_empty() {
        return None;
    }
    let errors_before = diags.count(crate::diag::Severity::Error);
    let stats = stats::of(ds);
    let subject = subject(ds);
    let c = &ds.conference;
    let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
    ctx.insert("stats".into(), to_value(stats.narrative()));
    ctx.insert(
        "conference".into(),
        to_value(serde_json::json!({"title": c.title, "date": c.date.long_vi(), "venue": c.venue, "host": c.host})),
    );
    ctx.insert(
        "issuer".into(),
        to_value(serde_json::json!({"name": ds.issuer.name, "sentence_name": ds.issuer.sentence_name})),
    );
    ctx.insert("bieu_do".into(), Value::from(CHARTS_MARK));
    let ctx = Value::from(ctx);
    let jinja = Jinja::new();
    let text_label = Text::new("Nội dung", "The text");

    let mut sections = Vec::new();
    for s in &ds.report {
        match jinja.render_cell(&s.body, &ctx, &s.src.loc("body"), &text_label) {
            Ok(text) => sections.push(Section { heading: s.heading.clone(), blocks: blocks(&text) }),
            Err(d) => diags.push(d),
        }
    }
    // Without a `{{ bieu_do }}` line, the charts close the results section (`… KẾT QUẢ …`),
    // else the first one.
    if !sections.iter().any(|s| s.blocks.contains(&Block::Charts)) {
        let results = sections.iter().position(|s| loose_key(&s.heading).contains("ketqua")).unwrap_or(0);
        if let Some(section) = sections.get_mut(results) {
            section.blocks.push(Block::Charts);
        }
    }
    let opening = match &ds.report_settings.opening {
        Some(o) => match jinja.render_cell(o, &ctx, &ds.report_settings.opening_loc, &text_label) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                String::new()
            }
        },
        None => format!("{} báo cáo kết quả {} như sau:", ds.issuer.sentence_name, lowercase_first(&subject)),
    };
    let closing = ds.report_settings.closing.clone().unwrap_or_else(|| {
        format!("Trên đây là Báo cáo {} của {}./.", lowercase_first(&subject), ds.issuer.sentence_name)
    });
    (diags.count(crate::diag::Severity::Error) == errors_before).then_some(SummaryPlan {
        subject,
        opening,
        sections,
        closing,
        stats,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_blocks() {
        let text = "1. Ban hành văn bản\n\nThực hiện Quyết định số 919.\n- Kiện toàn Hội đồng;\n+ cấp tỉnh\na) Nguyên nhân khách quan: dịch bệnh.\n2. Đã có 150 sản phẩm được công nhận trong giai đoạn.";
        assert_eq!(
            blocks(text),
            [
                Block::Heading("1. Ban hành văn bản".into()),
                Block::Para("Thực hiện Quyết định số 919.".into()),
                Block::Bullet("- Kiện toàn Hội đồng;".into()),
                Block::Bullet("+ cấp tỉnh".into()),
                Block::Para("a) Nguyên nhân khách quan: dịch bệnh.".into()),
                Block::Para("2. Đã có 150 sản phẩm được công nhận trong giai đoạn.".into()),
            ]
        );
    }
}
