//! The documents written as text (`van-ban/*.md`), one PDF each (`van-ban/<name>.pdf`),
//! laid out by `templates/van-ban.typ` (Decree 30 Mẫu 1.4, or Mẫu 1.5 for a công văn).

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::input::documents::FOLDER;
use crate::model::{DocDate, DocMarks};
use crate::pack::DocKind;
use crate::plan::documents::{Align, Appendix, Cell, DocBlock, DocPlan, ParaStyle, Span, Table};
use crate::render::context::{Ctx, Rendered};
use crate::render::views::{self, HeaderView};
use crate::text::month_vi;

/// The template every text document is laid out with.
pub(crate) const TEMPLATE: &str = "van-ban.typ";

/// One block as the template reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BlockView {
    /// `part`, `section`, `para`, `table` or `pagebreak`.
    pub kind: &'static str,
    /// `body`, `ground` or `centre` (paragraphs).
    pub style: Option<ParaStyle>,
    /// A part's label, a section's heading.
    pub label: String,
    pub title: Option<String>,
    pub spans: Vec<Span>,
    /// A table's header rows (repeated on each page) and body rows; covered cells left out.
    pub header: Vec<Vec<CellView>>,
    pub rows: Vec<Vec<CellView>>,
    /// Relative widths of a table's columns (from their longest cell).
    pub widths: Vec<f64>,
    /// A column's share of the width in percent, when the rule gives one.
    pub shares: Vec<Option<u32>>,
    /// A table short enough to be kept on one page.
    pub small: bool,
    /// The body rows a longer table keeps with its header on its first page (none when a
    /// merged cell runs past them).
    pub lead: usize,
    /// A heading: kept on the page of what follows it.
    pub keep: bool,
}

/// A table cell as the template reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CellView {
    pub spans: Vec<Span>,
    pub colspan: u32,
    pub rowspan: u32,
    /// `left`, `center` or `right`.
    pub align: &'static str,
}

/// An appendix as the template reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AppendixView {
    pub label: Option<String>,
    pub title: Vec<String>,
    /// `(Kèm theo …)`.
    pub reference: String,
    pub blocks: Vec<BlockView>,
    /// Set across the page (a table too wide to stand).
    pub landscape: bool,
}

/// A signer: authority and title lines, and the name.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignerView {
    pub authority: Vec<String>,
    pub name: String,
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
    /// Nơi nhận, punctuated.
    pub recipients: Vec<String>,
    /// Left to right.
    pub signers: Vec<SignerView>,
    pub appendices: Vec<AppendixView>,
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

/// Rows a table may have and still be moved whole to the next page rather than split.
const SMALL_TABLE: usize = 8;
/// The columns' summed widths (in characters, as [`column_widths`] counts them) past
/// which an appendix is set across the page.
const PORTRAIT_WIDTH: f64 = 110.0;

/// Each column's width from its longest text (cells one column wide).
fn column_widths(t: &Table) -> Vec<f64> {
    let mut longest = vec![1usize; t.columns];
    let mut word = vec![1usize; t.columns];
    for c in t.header.iter().chain(&t.rows).flatten().filter(|c| c.colspan == 1 && c.col < t.columns) {
        let text: String = c.spans.iter().map(|s| s.text.as_str()).collect();
        longest[c.col] = longest[c.col].max(text.chars().count());
        word[c.col] = word[c.col].max(text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(1));
    }
    // Long texts wrap; short ones keep their width; no word is broken.
    (0..t.columns).map(|i| longest[i].min(40).max(word[i] + 2).max(6) as f64).collect()
}

fn table_view(t: &Table) -> BlockView {
    let is_figure = |s: &str| s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | ' '));
    let col_text = |i: usize| t.rows.iter().flatten().filter(move |c| c.col == i && c.colspan == 1);
    let numeric: Vec<bool> = (0..t.columns)
        .map(|i| {
            let texts: Vec<String> = col_text(i)
                .map(|c| c.spans.iter().map(|s| s.text.as_str()).collect::<String>())
                .filter(|t| !t.is_empty())
                .collect();
            !texts.is_empty() && texts.iter().all(|t| is_figure(t))
        })
        .collect();
    let ordinal: Vec<bool> = (0..t.columns)
        .map(|i| {
            t.header.iter().flatten().filter(|c| c.col == i).any(|c| {
                let h: String = c.spans.iter().map(|s| s.text.as_str()).collect();
                matches!(crate::text::loose_key(&h).as_str(), "stt" | "tt" | "sott")
            })
        })
        .collect();
    let align = |c: &Cell, header: bool| match (t.align.get(c.col).copied().unwrap_or(Align::Auto), header) {
        (_, true) | (Align::Centre, _) => "center",
        (Align::Left, _) => "left",
        (Align::Right, _) => "right",
        (Align::Auto, _) if ordinal.get(c.col) == Some(&true) => "center",
        (Align::Auto, _) if numeric.get(c.col) == Some(&true) => "right",
        (Align::Auto, _) => "left",
    };
    let rows = |rows: &[Vec<Cell>], header: bool| -> Vec<Vec<CellView>> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| CellView {
                        spans: c.spans.clone(),
                        colspan: c.colspan,
                        rowspan: c.rowspan,
                        align: align(c, header),
                    })
                    .collect()
            })
            .collect()
    };
    let widths = column_widths(t);
    let header = rows(&t.header, true);
    let body = rows(&t.rows, false);
    let keep = body.is_empty();
    BlockView {
        small: t.header.len() + t.rows.len() <= SMALL_TABLE,
        lead: lead_rows(t),
        header,
        rows: body,
        widths,
        shares: t.widths.clone(),
        keep,
        ..empty("table")
    }
}

/// Rows kept with the header: a page never ends a table's first part after one row.
const LEAD_ROWS: usize = 2;

/// How many of the first body rows go with the header onto the table's first page: two,
/// unless a merged cell runs past them (then the table is set as it falls).
fn lead_rows(t: &Table) -> usize {
    let n = LEAD_ROWS.min(t.rows.len());
    let past = t.rows[..n].iter().enumerate().any(|(i, r)| r.iter().any(|c| i + c.rowspan as usize > n));
    let header_past =
        t.header.iter().enumerate().any(|(i, r)| r.iter().any(|c| i + c.rowspan as usize > t.header.len()));
    if past || header_past { 0 } else { n }
}

fn empty(kind: &'static str) -> BlockView {
    BlockView {
        kind,
        style: None,
        label: String::new(),
        title: None,
        spans: Vec::new(),
        header: Vec::new(),
        rows: Vec::new(),
        widths: Vec::new(),
        shares: Vec::new(),
        small: false,
        lead: 0,
        keep: false,
    }
}

fn block(b: &DocBlock) -> BlockView {
    match b {
        DocBlock::Part { label, title } => {
            BlockView { label: label.clone(), title: title.clone(), keep: true, ..empty("part") }
        }
        DocBlock::Section(h) => BlockView { label: h.clone(), keep: true, ..empty("section") },
        DocBlock::Para { spans, style } => {
            let text: String = spans.iter().map(|s| s.text.as_str()).collect();
            // A heading (centred, all bold, or a line that introduces what follows) stays
            // with it.
            let bold = spans.iter().all(|s| s.bold || s.text.trim().is_empty());
            let keep = *style == ParaStyle::Centre || bold || text.trim_end().ends_with(':');
            BlockView { style: Some(*style), spans: spans.clone(), keep, ..empty("para") }
        }
        DocBlock::Table(t) => table_view(t),
        DocBlock::PageBreak => empty("pagebreak"),
    }
}

fn appendix(a: &Appendix) -> AppendixView {
    let blocks: Vec<BlockView> = a.blocks.iter().map(block).collect();
    // The widths the table views already measured.
    let landscape = blocks
        .iter()
        .any(|b| b.kind == "table" && (b.widths.len() >= 9 || b.widths.iter().sum::<f64>() > PORTRAIT_WIDTH));
    AppendixView {
        label: a.label.clone(),
        title: a.title.clone(),
        reference: format!("({})", a.reference.trim_start_matches('(').trim_end_matches(')')),
        blocks,
        landscape,
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
        // A long superior body (`ỦY BAN NHÂN DÂN HUYỆN IA GRAI`) breaks before its unit,
        // never inside a place name.
        parent: p.parent.as_ref().map(|x| views::parent_lines(x)),
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
    let mut recipients = views::recipients(&p.recipients);
    recipients.extend(drafter_line(&p.marks));
    DocumentView {
        font,
        title,
        header,
        kind: (!letter).then(|| p.kind.title.to_string()),
        subject,
        letter,
        to: addressees(&p.to),
        blocks: p.blocks.iter().map(block).collect(),
        recipients,
        signers: p
            .signers
            .iter()
            .map(|s| {
                let sig = views::signature_of(s, &[]);
                SignerView { authority: sig.authority, name: sig.name }
            })
            .collect(),
        appendices: p.appendices.iter().map(appendix).collect(),
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
