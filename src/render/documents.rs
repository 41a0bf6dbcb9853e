//! The documents written as text (`van-ban/*.md`), one PDF each (`van-ban/<name>.pdf`),
//! laid out by `templates/van-ban.typ` (Decree 30 Mẫu 1.4, or Mẫu 1.5 for a công văn).

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::input::documents::FOLDER;
use crate::model::{DocDate, DocMarks};
use crate::pack::DocKind;
use crate::plan::documents::{DocBlock, DocPlan, ParaStyle, Span};
use crate::render::context::{Ctx, Rendered};
use crate::render::views::{self, HeaderView, SignatureView};
use crate::text::month_vi;

/// The template every text document is laid out with.
pub(crate) const TEMPLATE: &str = "van-ban.typ";

/// One block as the template reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BlockView {
    /// `part`, `section`, `para` or `table`.
    pub kind: &'static str,
    /// `body`, `ground` or `centre` (paragraphs).
    pub style: Option<ParaStyle>,
    /// A part's label, a section's heading.
    pub label: String,
    pub title: Option<String>,
    pub spans: Vec<Span>,
    pub header: Option<Vec<Vec<Span>>>,
    pub rows: Vec<Vec<Vec<Span>>>,
    /// Relative widths of a table's columns (from their longest cell).
    pub widths: Vec<f64>,
    /// Per column: whether every body cell is a figure (set right).
    pub numeric: Vec<bool>,
    /// Per column: a row number (`STT`, `TT`), centred.
    pub ordinal: Vec<bool>,
    /// A heading: kept on the page of what follows it.
    pub keep: bool,
}

/// The data of `van-ban.typ`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    /// `KẾ HOẠCH`; `None` for a công văn.
    pub kind: Option<String>,
    /// The subject under the kind; a công văn's `V/v …` (under its number).
    pub subject: Option<String>,
    pub letter: bool,
    /// `Kính gửi` lines: one addressee as it is, several as `- …;` lines.
    pub to: Vec<String>,
    pub blocks: Vec<BlockView>,
    pub signature: SignatureView,
    /// The marks of Appendix I around the header.
    pub marks: MarksView,
}

/// A stamp of ô 10a or 10b: its text and its frame's width.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StampView {
    pub text: &'static str,
    /// mm; the frame is 8 mm high.
    pub width: f64,
}

/// The marks of Decree 30, Appendix I, III a document carries.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MarksView {
    /// `DỰ THẢO`, `DỰ THẢO LẦN 2`, framed under the number.
    pub draft: Option<String>,
    /// Ô 10a, in a double frame.
    pub secrecy: Option<StampView>,
    /// Ô 10b, in a single frame.
    pub urgency: Option<StampView>,
    /// Ô 13: the lines under a full-width rule at the foot of page 1.
    pub contact: Vec<String>,
}

/// Ô 12: `PL.(300)` — the drafter's initials and the number of copies issued.
fn drafter_line(m: &DocMarks) -> Option<String> {
    let initials = m.drafter.as_deref().map(|d| if d.ends_with('.') { d.to_string() } else { format!("{d}.") });
    let copies = m.copies.map(|n| format!("({n})"));
    match (initials, copies) {
        (None, None) => None,
        (i, c) => Some(format!("{}{}", i.unwrap_or_default(), c.unwrap_or_default())),
    }
}

/// Ô 13 as Appendix I's example column lays it out: the address, then `ĐT: …, Fax: …`,
/// then `E-mail: …, Website: …`.
fn contact_lines(m: &DocMarks) -> Vec<String> {
    let c = &m.contact;
    let pair = |a: Option<(&str, &String)>, b: Option<(&str, &String)>| {
        let parts: Vec<String> = [a, b].into_iter().flatten().map(|(k, v)| format!("{k}: {v}")).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    [
        c.address.clone(),
        pair(c.phone.as_ref().map(|v| ("ĐT", v)), c.fax.as_ref().map(|v| ("Fax", v))),
        pair(c.email.as_ref().map(|v| ("E-mail", v)), c.website.as_ref().map(|v| ("Website", v))),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn marks(m: &DocMarks) -> MarksView {
    MarksView {
        draft: m.draft.clone(),
        secrecy: m.secrecy.map(|s| StampView { text: s.text(), width: s.width_mm() }),
        urgency: m.urgency.map(|u| StampView { text: u.text(), width: u.width_mm() }),
        contact: contact_lines(m),
    }
}

fn table_shape(header: &Option<Vec<Vec<Span>>>, rows: &[Vec<Vec<Span>>]) -> (Vec<f64>, Vec<bool>) {
    let text = |c: &Vec<Span>| c.iter().map(|s| s.text.as_str()).collect::<String>();
    let n = header.as_ref().map_or(0, Vec::len).max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let widths = (0..n)
        .map(|i| {
            let cells = || header.iter().chain(rows.iter()).filter_map(|r| r.get(i)).map(text);
            let longest = cells().map(|t| t.chars().count()).max().unwrap_or(1);
            // No word is broken: a column is at least as wide as its longest word.
            let word = cells().flat_map(|t| t.split_whitespace().map(|w| w.chars().count()).collect::<Vec<_>>()).max();
            // Long texts wrap; short ones keep their width.
            (longest.min(40).max(word.unwrap_or(1) + 2).max(6)) as f64
        })
        .collect();
    let numeric = (0..n)
        .map(|i| {
            let cells: Vec<String> = rows.iter().filter_map(|r| r.get(i)).map(text).filter(|t| !t.is_empty()).collect();
            !cells.is_empty()
                && cells
                    .iter()
                    .all(|t| t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | ' ')))
        })
        .collect();
    (widths, numeric)
}

fn block(b: &DocBlock) -> BlockView {
    let empty = BlockView {
        kind: "para",
        style: None,
        label: String::new(),
        title: None,
        spans: Vec::new(),
        header: None,
        rows: Vec::new(),
        widths: Vec::new(),
        numeric: Vec::new(),
        ordinal: Vec::new(),
        keep: false,
    };
    match b {
        DocBlock::Part { label, title } => {
            BlockView { kind: "part", label: label.clone(), title: title.clone(), ..empty }
        }
        DocBlock::Section(h) => BlockView { kind: "section", label: h.clone(), ..empty },
        DocBlock::Para { spans, style } => BlockView { style: Some(*style), spans: spans.clone(), ..empty },
        DocBlock::Table { header, rows } => {
            let (widths, numeric) = table_shape(header, rows);
            let ordinal = (0..widths.len())
                .map(|i| {
                    let h = header
                        .as_ref()
                        .and_then(|h| h.get(i))
                        .map(|c| c.iter().map(|s| s.text.as_str()).collect::<String>());
                    h.is_some_and(|h| matches!(crate::text::loose_key(&h).as_str(), "stt" | "tt" | "sott"))
                })
                .collect();
            BlockView { kind: "table", header: header.clone(), rows: rows.clone(), widths, numeric, ordinal, ..empty }
        }
    }
}

/// Kính gửi: one addressee on the line; several, `- …;` each and the last `- ….`.
fn addressees(to: &[String]) -> Vec<String> {
    match to {
        [one] => vec![format!("{}.", one.trim_end_matches(['.', ';', ',']))],
        many => views::recipients(many),
    }
}

pub(crate) fn view(p: &DocPlan, font: Vec<&'static str>) -> DocumentView {
    let (day, month) = match p.date {
        Some(DocDate::Full(d)) => (Some(format!("{:02}", d.day)), Some(month_vi(d.month))),
        Some(DocDate::Month { month, .. }) => (None, Some(month_vi(month))),
        _ => (None, None),
    };
    let header = HeaderView {
        parent: p.parent.clone(),
        issuer: views::issuer_lines(&p.issuer),
        number: p.number.clone(),
        code: p.code.clone(),
        place: p.place.clone(),
        day,
        month,
        year: p.date.map_or(p.year, DocDate::year),
        show_number: p.kind.numbered,
        show_date: p.kind.dated,
    };
    let letter = p.kind.is_letter();
    let subject = p
        .subject
        .clone()
        .map(|s| if letter && !s.starts_with("V/v") { format!("V/v {}", crate::text::lowercase_first(&s)) } else { s });
    let title = match (&subject, letter) {
        (Some(s), true) => format!("Công văn {s}"),
        (Some(s), false) => format!("{} {}", p.kind.name, crate::text::lowercase_first(s)),
        (None, _) => p.kind.name.to_string(),
    };
    // Ô 12 is the line under Nơi nhận's last (`- Lưu: VT, …`), in its size.
    let mut signature = views::signature_of(&p.signer, &p.recipients);
    signature.recipients.extend(drafter_line(&p.marks));
    DocumentView {
        font,
        title,
        header,
        kind: (!letter).then(|| p.kind.title.to_string()),
        subject,
        letter,
        to: addressees(&p.to),
        blocks: p.blocks.iter().map(block).collect(),
        signature,
        marks: marks(&p.marks),
    }
}

/// The path of a document in the pack.
pub(crate) fn path(p: &DocPlan) -> String {
    format!("{FOLDER}/{}.pdf", p.stem)
}

pub(crate) fn render(docs: &[DocPlan], ctx: &Ctx<'_>) -> Rendered {
    let mut artefacts = Vec::new();
    let mut warnings = Diagnostics::new();
    for p in docs {
        let view = view(p, ctx.font.clone());
        let (a, w) = ctx.pdf(TEMPLATE, &view, &path(p), DocKind::Documents, p.made, |_| None)?;
        artefacts.push(a);
        warnings.extend(w);
    }
    Ok((artefacts, warnings))
}

/// One document's PDF, alone (`vanthu render`), set in `font`: made the way the pack makes
/// it (so the same bytes), with its template's warnings.
pub(crate) fn pdf(
    p: &DocPlan,
    engine: &crate::render::typst::Engine,
    font: crate::model::FontChoice,
) -> Result<(Vec<u8>, Diagnostics), Diagnostics> {
    super::context::deep_stacks();
    let (reuse, spill) = (crate::pack::Reuse::none(), super::context::Spill::default());
    let font = views::font_list(font, engine.fonts().family != crate::assets::LIBERATION_SERIF);
    let ctx = Ctx { engine, reuse: &reuse, progress: &super::progress::Silent, font, spill: &spill };
    let (artefact, warnings) =
        ctx.pdf(TEMPLATE, &view(p, ctx.font.clone()), &path(p), DocKind::Documents, p.made, |_| None)?;
    let bytes = artefact.bytes.expect("nothing is kept without a previous build").read().map(|b| b.into_owned());
    let bytes = bytes.map_err(|e| {
        Diagnostics::from(crate::diag::Diagnostic::error(
            "internal",
            crate::diag::Loc::File { file: p.file.clone() },
            crate::diag::Text::new(
                format!("không đọc lại được tệp tạm ({e})"),
                format!("cannot read back a temporary file ({e})"),
            ),
        ))
    })?;
    Ok((bytes, warnings))
}
