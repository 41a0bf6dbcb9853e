//! A text document's body → Decree 30 blocks (nd30-layout §1.3), read from the numbering
//! Vietnamese documents already use, with no markup:
//!
//! ```text
//! Phần I / Chương I        → centred label, its title (same or next line) centred in capitals
//! I. MỤC ĐÍCH, YÊU CẦU     → a Mục heading, bold, in capitals
//! 1. Mục đích              → a khoản with a title, bold (up to a colon: `1. Địa điểm: …`)
//! 1. Câu văn đầy đủ.       → a khoản without a title, upright
//! a) …   - …   + …         → điểm and bullets, paragraphs as written
//! Điều 1. …                → bold `Điều 1.` (and its title when it has one)
//! Căn cứ …;                → the grounds, italic, at the top of the body
//! QUYẾT ĐỊNH:              → a line in capitals, centred bold
//! | ô | ô |                → a table (a `|---|` line under the first row makes it the header)
//! Nơi nhận:                → the recipients (`-` lines) and, after them, the signature
//! ```
//!
//! `*…*` is italic and `**…**` bold. A line that starts with a small letter continues the
//! line above (text wrapped by hand). `{{ … }}` takes data from the conference. A
//! numbering slip (`2.` with no `1.`, an `a)` outside a numbered item) is a warning at its
//! line; the document still renders.

use std::sync::Arc;

use super::summary::{SummaryPlan, TextData};
use crate::diag::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::{Dataset, DocDate, DocType, Signer, TextDocument};
use crate::text::Date;

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParaStyle {
    /// Justified, first line indented.
    Body,
    /// A ground (`Căn cứ …`): italic, like a body paragraph.
    Ground,
    /// Centred, bold (`QUYẾT ĐỊNH:`).
    Centre,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum DocBlock {
    /// `Phần I` / `Chương II` and its title.
    Part {
        label: String,
        title: Option<String>,
    },
    /// A Mục heading (`I. MỤC ĐÍCH, YÊU CẦU`).
    Section(String),
    Para {
        spans: Vec<Span>,
        style: ParaStyle,
    },
    Table {
        header: Option<Vec<Vec<Span>>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
}

/// A text document ready to render.
#[derive(Debug, Clone)]
pub struct DocPlan {
    /// `van-ban/ke-hoach.md`.
    pub file: Arc<str>,
    /// `ke-hoach`: the PDF is `van-ban/ke-hoach.pdf`.
    pub stem: String,
    pub kind: DocType,
    pub parent: Option<String>,
    /// Upper case.
    pub issuer: String,
    pub number: Option<String>,
    /// `KH-UBND`, `UBND-NLN`.
    pub code: String,
    pub place: String,
    pub date: Option<DocDate>,
    /// The year printed when the date gives none.
    pub year: i32,
    pub subject: Option<String>,
    pub to: Vec<String>,
    pub blocks: Vec<DocBlock>,
    pub signer: Signer,
    pub recipients: Vec<String>,
    /// The date the PDF says it was made: the document's, else the conference's.
    pub made: Date,
    /// The marks of Appendix I (urgency, secrecy, draft, copies, address).
    pub marks: crate::model::DocMarks,
}

/// Plans every document; `None` when any has an error (said in `diags`). `ds` is the
/// conference the documents belong to (its issuer, signer and data are the defaults);
/// `None` for a document rendered alone.
pub fn plan(
    docs: &[TextDocument],
    ds: Option<&Dataset>,
    summary: Option<&SummaryPlan>,
    diags: &mut Diagnostics,
) -> Option<Vec<DocPlan>> {
    let errors = diags.count(Severity::Error);
    if docs.is_empty() {
        return Some(Vec::new());
    }
    let data = ds.map(|ds| TextData::new(ds, summary));
    let plans: Vec<DocPlan> = docs.iter().filter_map(|d| plan_one(d, ds, data.as_ref(), diags)).collect();
    // Two files, one PDF (`Kế hoạch.md` and `ke-hoach.md`): said, not overwritten.
    for (i, p) in plans.iter().enumerate() {
        if let Some(first) = plans[..i].iter().find(|q| q.stem == p.stem) {
            diags.push(
                Diagnostic::error(
                    "document-name",
                    crate::diag::Loc::File { file: p.file.clone() },
                    Text::new(
                        format!("tệp này và {} cùng ra một tệp {}.pdf", first.file, p.stem),
                        format!("this file and {} would make the same {}.pdf", first.file, p.stem),
                    ),
                )
                .with_hint(Text::new("đổi tên một trong hai tệp", "rename one of them")),
            );
        }
    }
    (diags.count(Severity::Error) == errors).then_some(plans)
}

fn plan_one(
    doc: &TextDocument,
    ds: Option<&Dataset>,
    data: Option<&TextData>,
    diags: &mut Diagnostics,
) -> Option<DocPlan> {
    let errors = diags.count(Severity::Error);
    // The data, line by line, so every message names its line. A line whose data fails is
    // said once and read as written, so the numbering after it is not said wrong as well.
    let body_label = Text::new("Dòng này", "This line");
    let mut lines: Vec<(u32, String)> = Vec::new();
    for l in &doc.body {
        let text = with_data(&l.text, true, data, &doc.line_loc(l.line), &body_label, diags);
        for t in text.split('\n') {
            lines.push((l.line, t.to_string()));
        }
    }
    // The header's texts may take data too (`trích yếu: Tổ chức {{ conference.title }}`).
    let mut doc = doc.clone();
    let header_label = |key: &str| {
        let (vi, en) = match key {
            "subject" => ("Trích yếu", "The subject"),
            "to" => ("Kính gửi", "Kính gửi"),
            "grounds" => ("Căn cứ", "The grounds"),
            _ => ("Nơi nhận", "The recipients"),
        };
        Text::new(vi, en)
    };
    if let Some(s) = &doc.subject {
        doc.subject = Some(with_data(s, false, data, &doc.key_loc("subject"), &header_label("subject"), diags));
    }
    for key in ["to", "grounds", "recipients"] {
        let loc = doc.key_loc(key);
        let list = match key {
            "to" => &mut doc.to,
            "grounds" => &mut doc.grounds,
            _ => &mut doc.recipients,
        };
        // The grounds are read like the body (`*…*`); the others print as they are.
        let markup = key == "grounds";
        for item in list.iter_mut() {
            *item = with_data(item, markup, data, &loc, &header_label(key), diags);
        }
    }
    let doc = &doc;
    let (body, tail) = split_tail(&lines);
    // `Kính gửi:` typed at the top of the body, and a signature typed at its end (before
    // `Nơi nhận:`, or with no `Nơi nhận:`), are the header's.
    let (body_to, body) = leading_addressees(&body);
    let body_to: Vec<String> = body_to.iter().map(|t| unescape(t)).collect();
    let (body, end_signer) = trailing_signature(&body);
    let mut blocks = Vec::new();
    for g in &doc.grounds {
        let g = g.trim();
        let g = if g.ends_with(['.', ';', ',', ':']) { g.to_string() } else { format!("{g};") };
        blocks.push(DocBlock::Para { spans: spans(&g), style: ParaStyle::Ground });
    }
    read_body(doc, &body, &mut blocks, diags);
    end_mark(&mut blocks);

    let (recipients, tail_signer) = read_tail(&tail);
    let recipients: Vec<String> = recipients.iter().map(|t| unescape(t)).collect();
    let (tail_signer, end_signer) = (tail_signer.map(unescape_signer), end_signer.map(unescape_signer));
    let twice = |what_vi: &str, what_en: &str, key: &str, diags: &mut Diagnostics| {
        diags.push(Diagnostic::warning(
            "document-twice",
            doc.key_loc(key),
            Text::new(
                format!("{what_vi} ghi cả ở phần đầu và trong nội dung văn bản: dùng cái ghi trong nội dung"),
                format!("{what_en} is given both in the header and in the body: the body's is used"),
            ),
        ));
    };
    let recipients = match (doc.recipients.is_empty(), recipients.is_empty()) {
        (false, false) => {
            twice("Nơi nhận", "Nơi nhận", "recipients", diags);
            recipients
        }
        (true, _) => recipients,
        (false, true) => doc.recipients.clone(),
    };
    let to = match (doc.to.is_empty(), body_to.is_empty()) {
        (false, false) => {
            twice("Kính gửi", "Kính gửi", "to", diags);
            body_to
        }
        (true, _) => body_to,
        (false, true) => doc.to.clone(),
    };
    let body_signer = tail_signer.or(end_signer);
    let header_signer = !doc.signer.authority.is_empty() || doc.signer.title.is_some() || doc.signer.name.is_some();
    if header_signer && body_signer.is_some() {
        twice("Người ký", "The signer", "signer", diags);
    }
    let signer = signer(doc, body_signer, ds);
    if signer.name.is_empty() {
        diags.push(
            Diagnostic::warning(
                "document-signer",
                doc.loc.clone(),
                Text::new("văn bản chưa có người ký", "the document has no signer"),
            )
            .with_hint(Text::new(
                "thêm vào phần đầu: người ký: {thẩm quyền: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH], chức vụ: PHÓ CHỦ TỊCH, họ tên: …}",
                "add to the header: nguoi_ky: {tham_quyen: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH], chuc_vu: PHÓ CHỦ TỊCH, ho_ten: …}",
            )),
        );
    }
    if recipients.is_empty() {
        diags.push(
            Diagnostic::warning(
                "document-recipients",
                doc.loc.clone(),
                Text::new("văn bản chưa có Nơi nhận", "the document has no Nơi nhận (recipients)"),
            )
            .with_hint(Text::new(
                "thêm “nơi nhận:” vào phần đầu (mỗi dòng “  - …”), hoặc một dòng “Nơi nhận:” cuối văn bản; dòng cuối là “Lưu: VT, …”",
                "add “noi_nhan:” to the header (one “  - …” line each), or a “Nơi nhận:” line at the end; the last is “Lưu: VT, …”",
            )),
        );
    }
    if doc.kind.is_letter() && doc.subject.is_none() {
        diags.push(
            Diagnostic::warning(
                "document-subject",
                doc.loc.clone(),
                Text::new(
                    "công văn chưa có trích yếu (dòng V/v dưới số, ký hiệu)",
                    "the letter has no subject (the V/v line under its number)",
                ),
            )
            .with_hint(Text::new("thêm vào phần đầu: trích yếu: …", "add to the header: trich_yeu: …")),
        );
    }
    if doc.kind.is_letter() && doc.to.is_empty() {
        diags.push(
            Diagnostic::warning(
                "document-to",
                doc.loc.clone(),
                Text::new("công văn chưa ghi Kính gửi", "the letter has no addressee (Kính gửi)"),
            )
            .with_hint(Text::new(
                "thêm vào phần đầu “kính gửi:” (mỗi nơi một dòng “  - …”), hoặc dòng “Kính gửi: …” ở đầu nội dung",
                "add “kinh_gui:” to the header (one “  - …” line each), or a line “Kính gửi: …” at the top of the body",
            )),
        );
    }

    let issuer = match (&doc.issuer, ds) {
        (Some(i), _) => Some(i.to_uppercase()),
        (None, Some(ds)) => Some(ds.issuer.name.clone()),
        (None, None) => None,
    };
    let parent = match (&doc.issuer, &doc.parent, ds) {
        (_, Some(p), _) => Some(p.to_uppercase()),
        (None, None, Some(ds)) => ds.issuer.parent.clone(),
        _ => None,
    };
    let place = doc.place.clone().or_else(|| ds.map(|d| d.issuer.place.clone()));
    let issuer_code = ds.map(|d| d.issuer.code.clone());
    let code = match (&doc.code, doc.kind.is_letter()) {
        (Some(c), _) => Some(c.clone()),
        (None, true) => issuer_code.map(|c| match &doc.unit {
            Some(u) => format!("{c}-{u}"),
            None => c,
        }),
        (None, false) => issuer_code.map(|c| format!("{}-{c}", doc.kind.abbr)),
    };
    let missing = |what_vi: &str, what_en: &str, example: &str, diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::error(
                "document-header",
                doc.loc.clone(),
                Text::new(
                    format!("chưa biết {what_vi} của văn bản (không có bảng tính hội nghị đi kèm)"),
                    format!("the document's {what_en} is not known (there is no conference workbook with it)"),
                ),
            )
            .with_hint(Text::new(format!("thêm vào phần đầu: {example}"), format!("add to the header: {example}"))),
        );
    };
    if issuer.is_none() {
        missing("cơ quan ban hành", "issuing body", "cơ quan: ỦY BAN NHÂN DÂN XÃ …", diags);
    }
    if place.is_none() {
        missing("địa danh", "place", "địa danh: …", diags);
    }
    if code.is_none() {
        let example = if doc.kind.is_letter() {
            "ký hiệu: UBND-VP (cơ quan - đơn vị soạn thảo)".to_string()
        } else {
            format!("ký hiệu: {}-UBND (hoặc {}-SNV … theo ký hiệu cơ quan)", doc.kind.abbr, doc.kind.abbr)
        };
        missing("ký hiệu", "symbol", &example, diags);
    }
    if diags.count(Severity::Error) != errors {
        return None;
    }
    let conference_date = ds.map(|d| d.conference.date);
    // Alone, with no date: this year (said, as the document will say it).
    let year = doc.date.map(DocDate::year).or(conference_date.map(|d| d.year)).unwrap_or_else(|| {
        use chrono::Datelike;
        let y = chrono::Local::now().year();
        diags.push(Diagnostic::note(
            "document-year",
            doc.key_loc("date"),
            Text::new(
                format!("văn bản chưa ghi ngày: in “ngày … tháng … năm {y}”"),
                format!("the document has no date: it prints “ngày … tháng … năm {y}”"),
            ),
        ));
        y
    });
    let made = match doc.date {
        Some(DocDate::Full(d)) => d,
        _ => conference_date.or_else(|| Date::new(year, 1, 1)).unwrap_or(Date { year: 2000, month: 1, day: 1 }),
    };
    Some(DocPlan {
        file: doc.file.clone(),
        stem: doc.stem.clone(),
        kind: doc.kind,
        parent,
        issuer: issuer.unwrap_or_default(),
        number: doc.number.as_deref().map(|n| crate::text::document_number(n.split('/').next().unwrap_or(n))),
        code: code.unwrap_or_default(),
        place: place.unwrap_or_default(),
        date: doc.date,
        year,
        subject: doc.subject.clone(),
        to,
        blocks,
        signer,
        recipients,
        made,
        marks: doc.marks.clone(),
    })
}

/// A body line after its data: its number in the file and its text.
type Line = (u32, String);

/// The signer: the one typed in the body (after `Nơi nhận`, or at its end), else the front
/// matter's when it names one, else the conference report's.
fn signer(doc: &TextDocument, body: Option<Signer>, ds: Option<&Dataset>) -> Signer {
    if let Some(b) = body {
        return b;
    }
    let s = &doc.signer;
    if !s.authority.is_empty() || s.title.is_some() || s.name.is_some() {
        return Signer {
            authority: s.authority.iter().map(|a| a.to_uppercase()).collect(),
            title: s.title.clone().unwrap_or_default().to_uppercase(),
            name: s.name.clone().unwrap_or_default(),
        };
    }
    ds.map(|d| d.report_doc.signer.clone()).unwrap_or_default()
}

/// `text` with its `{{ … }}` filled from the conference; as written (the error said) when
/// that fails or there is no conference.
fn with_data(
    text: &str,
    markup: bool,
    data: Option<&TextData>,
    loc: &crate::diag::Loc,
    what: &Text,
    diags: &mut Diagnostics,
) -> String {
    if !(text.contains("{{") || text.contains("{%")) {
        return text.to_string();
    }
    let rendered = match data {
        Some(data) => data.render(text, markup, loc, what, diags),
        None => Err(Diagnostic::error(
            "document-data",
            loc.clone(),
            Text::new(
                format!("{} lấy số liệu hội nghị ({{{{ … }}}}) nhưng không có bảng tính hội nghị đi kèm", what.vi),
                format!("{} takes conference data ({{{{ … }}}}) but there is no conference workbook with it", what.en),
            ),
        )
        .with_hint(Text::new(
            "đặt tệp trong thư mục van-ban/ bên cạnh hoi-nghi.xlsx, hoặc viết số liệu trực tiếp",
            "put the file in a van-ban/ folder beside hoi-nghi.xlsx, or write the figures in",
        ))),
    };
    rendered.unwrap_or_else(|d| {
        diags.push(d);
        text.to_string()
    })
}

/// `Kính gửi: …` at the top of the body (one addressee on its line, or `- …` lines under
/// it): the addressees, and the body without them.
fn leading_addressees(body: &[Line]) -> (Vec<String>, Vec<Line>) {
    let Some(first) = body.iter().position(|(_, l)| !l.trim().is_empty()) else { return (Vec::new(), body.to_vec()) };
    let line = strip_marks(body[first].1.trim());
    let Some(rest) = line.strip_prefix("Kính gửi").map(|r| r.trim_start_matches([' ', ':']).trim()) else {
        return (Vec::new(), body.to_vec());
    };
    let clean =
        |s: &str| s.trim_start_matches(['-', '+', '•']).trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    let mut to = Vec::new();
    if !rest.is_empty() {
        to.push(clean(rest));
    }
    let mut next = first + 1;
    while let Some((_, l)) = body.get(next) {
        let t = l.trim();
        if t.is_empty() && !to.is_empty() {
            break;
        }
        if t.starts_with(['-', '+', '•']) {
            to.push(clean(t));
        } else if !t.is_empty() {
            break;
        }
        next += 1;
    }
    (to, body[..first].iter().chain(&body[next..]).cloned().collect())
}

/// Does the line read as a signer's name (`Nguyễn Thế Giang`): two to six words, each
/// capitalised, not all in capitals, no final stop, no figure?
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !is_capitals(s)
        && !s.ends_with(['.', ';', ':', ',', '!', '?'])
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// A signature typed at the end of the body (authority and title in capitals, then the
/// name): the body without it, and the signer.
fn trailing_signature(body: &[Line]) -> (Vec<Line>, Option<Signer>) {
    let filled: Vec<usize> = (0..body.len()).filter(|&i| !body[i].1.trim().is_empty()).collect();
    let Some(&last) = filled.last() else { return (body.to_vec(), None) };
    let name = body[last].1.trim().trim_matches('*').trim().to_string();
    if !is_name(&name) {
        return (body.to_vec(), None);
    }
    let mut authority = Vec::new();
    let mut start = last;
    for &i in filled.iter().rev().skip(1) {
        let t = body[i].1.trim().trim_matches('*').trim().to_string();
        if is_capitals(&t) && !t.ends_with(':') && numbered(&t).is_none() {
            authority.insert(0, t);
            start = i;
        } else {
            break;
        }
    }
    if authority.is_empty() {
        return (body.to_vec(), None);
    }
    let title = authority.pop().unwrap_or_default();
    (body[..start].to_vec(), Some(Signer { name, authority, title }))
}

/// The body and what follows its `Nơi nhận:` line.
fn split_tail(lines: &[Line]) -> (Vec<Line>, Vec<Line>) {
    let at = lines.iter().position(|(_, l)| {
        let t = l.trim().trim_matches('*').trim();
        crate::text::loose_key(t) == "noinhan" && t.ends_with(':')
    });
    match at {
        Some(i) => (lines[..i].to_vec(), lines[i + 1..].to_vec()),
        None => (lines.to_vec(), Vec::new()),
    }
}

/// Markdown habits: `* item` is a dash item; `## Heading` a heading (bold when it carries
/// no numbering).
fn markdown_habits(t: &str) -> String {
    let t = match t.strip_prefix("* ") {
        Some(rest) if !rest.contains('*') => format!("- {rest}"),
        _ => t.to_string(),
    };
    match t.trim_start_matches('#') {
        rest if rest.len() < t.len() && t.len() - rest.len() <= 6 && rest.starts_with(' ') => {
            let rest = rest.trim();
            if numbered(rest).is_some() || rest.contains('*') { rest.to_string() } else { format!("**{rest}**") }
        }
        _ => t,
    }
}

/// The recipients (`-` lines) after `Nơi nhận:`, and the signature after them: lines in
/// capitals are the authority and title, the last other line the name.
fn read_tail(tail: &[(u32, String)]) -> (Vec<String>, Option<Signer>) {
    let mut recipients = Vec::new();
    let mut rest = Vec::new();
    for (_, l) in tail {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let t = markdown_habits(t);
        let t = t.as_str();
        if rest.is_empty() && t.starts_with(['-', '+', '•']) {
            recipients
                .push(t.trim_start_matches(['-', '+', '•']).trim().trim_end_matches([';', '.']).trim().to_string());
        } else {
            rest.push(t.trim_matches('*').trim().to_string());
        }
    }
    if rest.is_empty() {
        return (recipients, None);
    }
    let (caps, other): (Vec<String>, Vec<String>) = rest.into_iter().partition(|l| is_capitals(l));
    let mut authority = caps;
    let title = authority.pop().unwrap_or_default();
    let name = other.last().cloned().unwrap_or_default();
    (recipients, Some(Signer { name, authority, title }))
}

/// Every letter is a capital (and there are at least two).
fn is_capitals(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The Vietnamese alphabet of điểm letters (no f, j, w, z; đ after d).
const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
];

/// Where the numbering stands, for the slips it warns about.
#[derive(Default)]
struct Numbering {
    /// The last Mục (Roman numeral) and its line.
    section: Option<u32>,
    /// The last khoản number in the current Mục / Điều.
    item: Option<u32>,
    /// The last điểm letter (index into [`LETTERS`]) in the current khoản.
    point: Option<usize>,
    article: Option<u32>,
}

fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| "IVXLC".contains(c)) {
        return None;
    }
    let v = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let chars: Vec<u32> = s.chars().map(v).collect();
    let mut total = 0;
    for (i, &c) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > c) { total -= c as i64 } else { total += c as i64 }
    }
    (total > 0).then_some(total as u32)
}

fn roman(n: u32) -> String {
    super::summary::roman(n as usize)
}

/// What a line's numbering says.
enum Numbered<'a> {
    Part { label: String, rest: &'a str },
    Section { n: u32, rest: &'a str },
    Item { n: Option<u32>, label: &'a str, rest: &'a str },
    Point { letter: &'a str },
    Article { n: u32, rest: &'a str },
}

fn numbered(line: &str) -> Option<Numbered<'_>> {
    let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim_start();
    let lower = head.to_lowercase();
    if matches!(lower.as_str(), "phần" | "chương" | "mục" | "tiểu")
        && let Some(num) = rest.split([' ', '.', ':']).next()
        && !num.is_empty()
        && (roman_value(num).is_some() || num.chars().all(|c| c.is_ascii_digit()) || num.starts_with("thứ"))
        && head.chars().next().is_some_and(char::is_uppercase)
    {
        // `Phần thứ nhất`, `Phần I. TITLE`, `Chương II - TITLE`.
        let (label_rest, title) = if num == "thứ" || num.starts_with("thứ") {
            let mut words = rest.splitn(3, ' ');
            let a = words.next().unwrap_or("");
            let b = words.next().unwrap_or("");
            (format!("{a} {b}"), words.next().unwrap_or(""))
        } else {
            (num.to_string(), rest[num.len()..].trim_start_matches(['.', ':', ' ', '-', '–']))
        };
        let label = format!("{} {}", crate::text::capitalize_first(&lower), label_rest.trim_end_matches(['.', ':']));
        return Some(Numbered::Part { label, rest: title.trim() });
    }
    if lower == "điều"
        && let Some((n, after)) = rest.split_once('.')
        && let Ok(n) = n.trim().parse::<u32>()
    {
        return Some(Numbered::Article { n, rest: after.trim() });
    }
    if let Some(num) = head.strip_suffix('.') {
        if let Some(n) = roman_value(num) {
            return Some(Numbered::Section { n, rest });
        }
        if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.') && !num.starts_with('.') {
            let n = if num.contains('.') { None } else { num.parse().ok() };
            return Some(Numbered::Item { n, label: head, rest });
        }
    }
    // `1.1 Title` (no final dot on a sub-khoản).
    if head.contains('.')
        && head.chars().all(|c| c.is_ascii_digit() || c == '.')
        && head.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !rest.is_empty()
    {
        return Some(Numbered::Item { n: None, label: head, rest });
    }
    if let Some(letter) = head.strip_suffix(')')
        && LETTERS.contains(&letter)
    {
        return Some(Numbered::Point { letter });
    }
    None
}

/// A khoản's (or Điều's) text split into its bold title and the rest: up to a colon
/// outside brackets (`Địa điểm: Tại …`); the whole of a short line with no final stop
/// (`Mục đích`); nothing of a sentence.
fn title_split(rest: &str) -> (String, String) {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            // A title is short (`Thời gian thực hiện:`); a long text before a colon, or a
            // list before a final colon, is a sentence introducing what follows
            // (`Thành lập Ban Tổ chức …, gồm:`).
            ':' if depth == 0
                && rest[..i].chars().count() <= 80
                && !(rest[i + 1..].trim().is_empty() && rest[..i].contains(',')) =>
            {
                let after = &rest[i + 1..];
                return (rest[..=i].to_string(), after.to_string());
            }
            ':' if depth == 0 => return (String::new(), rest.to_string()),
            _ => {}
        }
    }
    if !rest.ends_with(['.', ';', '!', '?', ',']) && rest.chars().count() <= 150 {
        (rest.to_string(), String::new())
    } else {
        (String::new(), rest.to_string())
    }
}

fn read_body(doc: &TextDocument, lines: &[(u32, String)], blocks: &mut Vec<DocBlock>, diags: &mut Diagnostics) {
    // Lines wrapped by hand join the line above.
    let mut logical: Vec<(u32, String)> = Vec::new();
    for (n, l) in lines {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let t = markdown_habits(t);
        let t = t.as_str();
        let continues = t.chars().next().is_some_and(char::is_lowercase)
            && !t.starts_with('|')
            && logical.last().is_some_and(|(_, p)| !p.starts_with('|') && !p.trim_end().ends_with(':'))
            && numbered(t).is_none();
        if continues && let Some((_, p)) = logical.last_mut() {
            p.push(' ');
            p.push_str(t);
        } else {
            logical.push((*n, t.to_string()));
        }
    }

    let mut num = Numbering::default();
    // The khoản of the current list titled up to a colon (block, line): plain text after
    // all when a sibling is a plain sentence (`1. Cử đại biểu: …` among sentences).
    let mut colon_titles: Vec<(usize, String)> = Vec::new();
    let mut list_has_sentence = false;
    let close_list = |blocks: &mut Vec<DocBlock>, titles: &mut Vec<(usize, String)>, sentence: &mut bool| {
        if *sentence {
            for (i, line) in titles.iter() {
                blocks[*i] = DocBlock::Para { spans: spans(line), style: ParaStyle::Body };
            }
        }
        titles.clear();
        *sentence = false;
    };
    let mut grounds_open = true;
    let mut table: Vec<(u32, String)> = Vec::new();
    let warn = |diags: &mut Diagnostics, line: u32, vi: String, en: String| {
        diags.push(Diagnostic::warning("numbering", doc.line_loc(line), Text::new(vi, en)).with_hint(Text::new(
            "kiểm tra lại số thứ tự (văn bản vẫn được tạo như đã viết)",
            "check the numbering (the document is made as written)",
        )));
    };
    let flush_table = |table: &mut Vec<(u32, String)>, blocks: &mut Vec<DocBlock>| {
        if !table.is_empty() {
            blocks.push(read_table(table));
            table.clear();
        }
    };
    for (n, line) in logical {
        if line.starts_with('|') {
            table.push((n, line));
            continue;
        }
        flush_table(&mut table, blocks);
        let plain = strip_marks(&line);
        // `Theo đề nghị của …;` closes the grounds of a decision; `Xét đề nghị …, kính trình
        // … như sau:` opens the body of a tờ trình.
        let proposal =
            (plain.starts_with("Theo đề nghị") || plain.starts_with("Xét đề nghị")) && plain.ends_with([';', '.']);
        let ground = plain.starts_with("Căn cứ") || proposal;
        if grounds_open && ground {
            blocks.push(DocBlock::Para { spans: spans(&line), style: ParaStyle::Ground });
            continue;
        }
        // The authority line of a decision (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …`) comes before
        // its grounds.
        grounds_open &= is_capitals(&plain) && !plain.starts_with(['-', '+']) && numbered(&plain).is_none();
        match numbered(&plain) {
            Some(Numbered::Part { label, rest }) => {
                let title = (!rest.is_empty()).then(|| rest.to_uppercase());
                close_list(blocks, &mut colon_titles, &mut list_has_sentence);
                blocks.push(DocBlock::Part { label, title });
                num.section = None;
                num.item = None;
                num.point = None;
            }
            Some(Numbered::Section { n: s, rest }) => {
                let expected = num.section.map_or(1, |p| p + 1);
                if s != expected {
                    let before = num.section.map_or("đầu văn bản".to_string(), |p| format!("mục {}.", roman(p)));
                    let before_en = num.section.map_or("the start".to_string(), |p| format!("{}.", roman(p)));
                    warn(
                        diags,
                        n,
                        format!("mục {}. đứng sau {before}: đúng ra là mục {}.", roman(s), roman(expected)),
                        format!("section {}. follows {before_en}: {}. was expected", roman(s), roman(expected)),
                    );
                }
                close_list(blocks, &mut colon_titles, &mut list_has_sentence);
                num.section = Some(s);
                num.item = None;
                num.point = None;
                blocks.push(DocBlock::Section(format!("{}. {}", roman(s), rest.to_uppercase())));
            }
            Some(Numbered::Article { n: a, rest }) => {
                let expected = num.article.map_or(1, |p| p + 1);
                if a != expected {
                    warn(
                        diags,
                        n,
                        format!(
                            "Điều {a}. đứng sau {}: đúng ra là Điều {expected}.",
                            num.article.map_or("đầu văn bản".into(), |p| format!("Điều {p}."))
                        ),
                        format!("Điều {a}. where Điều {expected}. was expected"),
                    );
                }
                close_list(blocks, &mut colon_titles, &mut list_has_sentence);
                num.article = Some(a);
                num.item = None;
                num.point = None;
                let (title, after) = title_split(rest);
                let mut s =
                    vec![Span {
                        text: format!("Điều {a}. {title}").trim_end().to_string(), bold: true, italic: false
                    }];
                if !after.is_empty() {
                    s.push(Span {
                        text: if title.is_empty() { String::new() } else { " ".into() },
                        bold: false,
                        italic: false,
                    });
                    s.extend(spans(after.trim_start()));
                }
                blocks.push(DocBlock::Para { spans: tidy(s), style: ParaStyle::Body });
            }
            Some(Numbered::Item { n: k, label, rest }) => {
                if let Some(k) = k {
                    let expected = num.item.map_or(1, |p| p + 1);
                    if k != expected {
                        let (before, before_en) = match (num.item, num.section, num.article) {
                            (Some(p), _, _) => (format!("khoản {p}."), format!("{p}.")),
                            (None, _, Some(a)) => {
                                (format!("Điều {a}. mà chưa có khoản 1."), format!("Điều {a}. with no 1."))
                            }
                            (None, Some(s), _) => {
                                (format!("mục {}. mà chưa có khoản 1.", roman(s)), format!("{}. with no 1.", roman(s)))
                            }
                            (None, None, None) => {
                                ("đầu văn bản mà chưa có khoản 1.".into(), "the start with no 1.".into())
                            }
                        };
                        warn(
                            diags,
                            n,
                            format!("khoản {k}. đứng sau {before}: đúng ra là khoản {expected}."),
                            format!("{k}. follows {before_en}: {expected}. was expected"),
                        );
                    }
                    num.item = Some(k);
                    num.point = None;
                }
                if line.contains('*') {
                    blocks.push(DocBlock::Para { spans: spans(&line), style: ParaStyle::Body });
                } else {
                    let (title, after) = title_split(rest);
                    if k.is_some() {
                        if title.is_empty() {
                            list_has_sentence = true;
                        } else if title.ends_with(':') && !after.trim().is_empty() {
                            colon_titles.push((blocks.len(), line.clone()));
                        }
                    }
                    let mut s = Vec::new();
                    if title.is_empty() {
                        s.push(Span { text: format!("{label} {after}"), bold: false, italic: false });
                    } else {
                        s.push(Span { text: format!("{label} {title}"), bold: true, italic: false });
                        if !after.is_empty() {
                            s.push(Span { text: after, bold: false, italic: false });
                        }
                    }
                    blocks.push(DocBlock::Para { spans: tidy(s), style: ParaStyle::Body });
                }
            }
            Some(Numbered::Point { letter }) => {
                let i = LETTERS.iter().position(|l| *l == letter).unwrap_or(0);
                if num.item.is_none() && num.article.is_none() {
                    warn(
                        diags,
                        n,
                        format!("điểm {letter}) không nằm trong khoản đánh số nào (1., 2., …)"),
                        format!("point {letter}) is outside any numbered item (1., 2., …)"),
                    );
                } else {
                    let expected = num.point.map_or(0, |p| p + 1);
                    if i != expected {
                        let want = LETTERS.get(expected).copied().unwrap_or("?");
                        warn(
                            diags,
                            n,
                            format!(
                                "điểm {letter}) đứng sau {}: đúng ra là điểm {want})",
                                num.point.map_or("khoản".to_string(), |p| format!("điểm {})", LETTERS[p]))
                            ),
                            format!("point {letter}) where {want}) was expected"),
                        );
                    }
                }
                num.point = Some(i);
                blocks.push(DocBlock::Para { spans: spans(&line), style: ParaStyle::Body });
            }
            None => {
                let capitals = is_capitals(&plain) && !plain.starts_with(['-', '+']);
                // `Phần I` with its title on the next line, in capitals.
                if capitals && let Some(DocBlock::Part { title: title @ None, .. }) = blocks.last_mut() {
                    *title = Some(plain.clone());
                    continue;
                }
                let style = if capitals { ParaStyle::Centre } else { ParaStyle::Body };
                blocks.push(DocBlock::Para { spans: spans(&line), style });
            }
        }
    }
    flush_table(&mut table, blocks);
    close_list(blocks, &mut colon_titles, &mut list_has_sentence);
}

/// A pipe table: `| a | b |` rows; a `|---|---|` row makes the rows above it the header
/// (else the first row is).
fn read_table(rows: &[(u32, String)]) -> DocBlock {
    let cells = |l: &str| -> Vec<String> {
        let t = l.trim();
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = if t.ends_with('|') && !t.ends_with("\\|") { &t[..t.len() - 1] } else { t };
        split_cells(t)
    };
    let rule = |c: &[String]| c.iter().all(|x| !x.is_empty() && x.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    let parsed: Vec<Vec<String>> = rows.iter().map(|(_, l)| cells(l)).collect();
    let split = parsed.iter().position(|r| rule(r));
    let width = parsed.iter().filter(|r| !rule(r)).map(Vec::len).max().unwrap_or(1);
    let pad = |mut r: Vec<String>| {
        r.resize(width, String::new());
        r.iter().map(|c| spans(c)).collect::<Vec<_>>()
    };
    let (header, body): (Option<Vec<Vec<Span>>>, Vec<Vec<String>>) = match split {
        Some(i) if i > 0 => (parsed.get(i - 1).cloned().map(pad), parsed[i + 1..].to_vec()),
        _ => {
            let mut it = parsed.into_iter().filter(|r| !rule(r));
            (it.next().map(pad), it.collect())
        }
    };
    DocBlock::Table { header, rows: body.into_iter().filter(|r| !rule(r)).map(pad).collect() }
}

/// A table row's cells: split at each `|` that is not escaped (`\\|` is a bar inside a cell,
/// as a value's own bar is written); the escapes stay for [`spans`].
fn split_cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().expect("never empty");
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().expect("never empty").push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A text read from the body and printed as it is (an addressee, a recipient, a signer):
/// its escapes (`\\*`, `\\|`, `\\\\`) are the characters they stand for.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| matches!(n, '*' | '|' | '\\')) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape_signer(s: Signer) -> Signer {
    Signer {
        name: unescape(&s.name),
        authority: s.authority.iter().map(|a| unescape(a)).collect(),
        title: unescape(&s.title),
    }
}

/// Decree 30: the body ends with `./.`.
fn end_mark(blocks: &mut [DocBlock]) {
    let Some(DocBlock::Para { spans, style: ParaStyle::Body }) = blocks.last_mut() else { return };
    let Some(last) = spans.iter_mut().rev().find(|s| !s.text.trim().is_empty()) else { return };
    let t = last.text.trim_end().to_string();
    if t.ends_with("./.") {
        return;
    }
    last.text = if t.ends_with('.') { format!("{t}/.") } else { format!("{}./.", t.trim_end_matches([';', ',', ':'])) };
}

/// The text without its `*` marks (for reading its numbering).
fn strip_marks(s: &str) -> String {
    spans(s).into_iter().map(|s| s.text).collect()
}

/// `*italic*`, `**bold**` and `***both***` → spans; `\*` is a star, `\|` a bar, `\\` a
/// backslash (how a value's own characters are written). A mark left open is printed as it
/// is.
pub(crate) fn spans(s: &str) -> Vec<Span> {
    // Tokens: text, or a run of stars with whether it may open (text follows it) and close
    // (text precedes it) — so `5 * 3` and a note mark `(*)` stay stars.
    let mut tokens: Vec<(bool, String)> = Vec::new();
    let mut flanks: Vec<(bool, bool)> = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\'
            && let Some(&next) = chars.get(i + 1).filter(|n| matches!(n, '*' | '|' | '\\'))
        {
            push_text(&mut tokens, &mut flanks, next);
            i += 2;
        } else if c == '*' {
            let start = i;
            while chars.get(i) == Some(&'*') {
                i += 1;
            }
            let (before, after) = (start.checked_sub(1).map(|j| chars[j]), chars.get(i).copied());
            let open = after.is_some_and(|a| !a.is_whitespace() && a != ')');
            let close = before.is_some_and(|b| !b.is_whitespace() && b != '(');
            tokens.push((true, "*".repeat(i - start)));
            flanks.push((open, close));
        } else {
            push_text(&mut tokens, &mut flanks, c);
            i += 1;
        }
    }
    // Marks that have a partner of the same length later count; the others are text.
    let marks: Vec<usize> = tokens.iter().enumerate().filter(|(_, t)| t.0).map(|(i, _)| i).collect();
    let mut active = vec![false; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for &i in &marks {
        let len = tokens[i].1.len();
        let (can_open, can_close) = flanks[i];
        if let Some(pos) = open.iter().rposition(|&o| tokens[o].1.len() == len).filter(|_| can_close) {
            active[open[pos]] = true;
            active[i] = true;
            open.truncate(pos);
        } else if len <= 3 && can_open {
            open.push(i);
        }
    }
    let (mut bold, mut italic) = (false, false);
    let mut out: Vec<Span> = Vec::new();
    for (i, (is_mark, text)) in tokens.into_iter().enumerate() {
        if is_mark && active[i] {
            match text.len() {
                1 => italic = !italic,
                2 => bold = !bold,
                _ => {
                    bold = !bold;
                    italic = !italic;
                }
            }
            continue;
        }
        match out.last_mut() {
            Some(l) if l.bold == bold && l.italic == italic => l.text.push_str(&text),
            _ => out.push(Span { text, bold, italic }),
        }
    }
    tidy(out)
}

fn push_text(tokens: &mut Vec<(bool, String)>, flanks: &mut Vec<(bool, bool)>, c: char) {
    match tokens.last_mut() {
        Some((false, t)) => t.push(c),
        _ => {
            tokens.push((false, c.to_string()));
            flanks.push((false, false));
        }
    }
}

/// Adjacent spans of one style merged, empty ones dropped; a space between a bold title
/// and the text after it.
fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for s in spans.into_iter().filter(|s| !s.text.is_empty()) {
        match out.last_mut() {
            Some(l) if l.bold == s.bold && l.italic == s.italic => l.text.push_str(&s.text),
            Some(l)
                if !l.text.ends_with(' ')
                    && !s.text.starts_with([' ', ',', '.', ';', ':', ')'])
                    && l.bold
                    && !s.bold =>
            {
                l.text.push(' ');
                out.push(s);
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, bold: bool, italic: bool) -> Span {
        Span { text: text.into(), bold, italic }
    }

    #[test]
    fn inline_marks() {
        assert_eq!(
            spans("Chương trình (*Sau đây viết tắt*) và **đậm** 5\\*"),
            [
                sp("Chương trình (", false, false),
                sp("Sau đây viết tắt", false, true),
                sp(") và ", false, false),
                sp("đậm", true, false),
                sp(" 5*", false, false)
            ]
        );
        assert_eq!(spans("Nội dung**"), [sp("Nội dung**", false, false)]);
        let note = "1. Chỉ tiêu (*) chưa đạt gồm tỷ lệ che phủ rừng (*) và 5 * 3 * 2.";
        assert_eq!(spans(note), [sp(note, false, false)]);
    }

    #[test]
    fn titles() {
        assert_eq!(title_split("Mục đích"), ("Mục đích".into(), String::new()));
        assert_eq!(title_split("Địa điểm: Tại Trung tâm."), ("Địa điểm:".into(), " Tại Trung tâm.".into()));
        assert_eq!(title_split("Các ngành (các Sở: Y tế...)"), ("Các ngành (các Sở: Y tế...)".into(), String::new()));
        assert_eq!(title_split("Quyết định này có hiệu lực."), (String::new(), "Quyết định này có hiệu lực.".into()));
        let long = "Thành lập Ban Tổ chức Hội nghị tổng kết phong trào thi đua yêu nước năm 2025, gồm các ông (bà) có tên sau:";
        assert_eq!(title_split(long), (String::new(), long.into()));
    }

    fn doc(body: &str) -> TextDocument {
        let file = crate::input::documents::TextFile {
            name: "van-ban/t.md".into(),
            stem: "t".into(),
            text: format!(
                "---\nloại: Kế hoạch\ncơ quan: Ủy ban nhân dân xã A\nđịa danh: A\nký hiệu: KH-UBND\nngày: 2025\n---\n{body}"
            ),
        };
        crate::validate::documents::document(&file, &mut Diagnostics::new()).unwrap()
    }

    fn para(text: &str) -> DocBlock {
        DocBlock::Para { spans: vec![sp(text, false, false)], style: ParaStyle::Body }
    }

    #[test]
    fn a_body_is_read_without_markup() {
        let d = doc(
            "Căn cứ Luật A;\n\n## Phần mở đầu\n* Ý một,\ntiếp theo dòng trên.\n\nQUYẾT ĐỊNH:\n| A | B |\n|---|---|\n| 1 | x |\nCâu cuối\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nLê Văn B\n",
        );
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(
            p.blocks,
            [
                DocBlock::Para { spans: vec![sp("Căn cứ Luật A;", false, false)], style: ParaStyle::Ground },
                DocBlock::Para { spans: vec![sp("Phần mở đầu", true, false)], style: ParaStyle::Body },
                para("- Ý một, tiếp theo dòng trên."),
                DocBlock::Para { spans: vec![sp("QUYẾT ĐỊNH:", false, false)], style: ParaStyle::Centre },
                DocBlock::Table {
                    header: Some(vec![vec![sp("A", false, false)], vec![sp("B", false, false)]]),
                    rows: vec![vec![vec![sp("1", false, false)], vec![sp("x", false, false)]]],
                },
                para("Câu cuối./."),
            ]
        );
        assert_eq!(p.recipients, ["Như trên", "Lưu: VT"]);
        assert_eq!(
            (p.signer.authority.as_slice(), p.signer.title.as_str(), p.signer.name.as_str()),
            (&["KT. CHỦ TỊCH".to_string()][..], "PHÓ CHỦ TỊCH", "Lê Văn B")
        );
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn what_a_clerk_types_in_the_body_is_the_header_s() {
        // Kính gửi at the top, the signature at the end before Nơi nhận; a khoản titled to
        // its colon among sentences is a sentence; a part's title on the next line.
        let d = doc(
            "Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n\nPhần I\nKẾT QUẢ\n\n1. Gửi báo cáo trước ngày 10.\n\n2. Cử đại biểu: mỗi đơn vị 02 người.\n\nTrân trọng./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nPhạm Văn E\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n",
        );
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(p.to, ["Sở Tài chính", "Sở Nội vụ"]);
        assert_eq!(
            p.blocks,
            [
                DocBlock::Part { label: "Phần I".into(), title: Some("KẾT QUẢ".into()) },
                para("1. Gửi báo cáo trước ngày 10."),
                para("2. Cử đại biểu: mỗi đơn vị 02 người."),
                para("Trân trọng./."),
            ]
        );
        assert_eq!(
            (p.signer.authority.as_slice(), p.signer.name.as_str()),
            (&["KT. GIÁM ĐỐC".to_string()][..], "Phạm Văn E")
        );
        assert_eq!(p.signer.title, "PHÓ GIÁM ĐỐC");
        assert_eq!(p.recipients, ["Như trên", "Lưu: VT"]);
        // The header's signer too: the body's is used, and that is said.
        let mut d = doc("Nội dung.\n\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nTrần Thị B\n");
        d.signer.name = Some("Lê Văn Khác".into());
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(p.signer.name, "Trần Thị B");
        assert!(diags.iter().any(|d| d.code == "document-twice"), "{diags:?}");
        assert_eq!(p.blocks, [para("Nội dung./.")]);
    }

    #[test]
    fn numbering_is_read() {
        assert!(matches!(numbered("II. NỘI DUNG"), Some(Numbered::Section { n: 2, .. })));
        assert!(matches!(numbered("3. Thành phần"), Some(Numbered::Item { n: Some(3), .. })));
        assert!(matches!(numbered("2.1. Chi tiết"), Some(Numbered::Item { n: None, .. })));
        assert!(matches!(numbered("đ) điểm"), Some(Numbered::Point { letter: "đ", .. })));
        assert!(matches!(numbered("Điều 2. Hiệu lực"), Some(Numbered::Article { n: 2, .. })));
        assert!(matches!(numbered("Phần I"), Some(Numbered::Part { .. })));
        assert!(numbered("2023 là năm bản lề.").is_none());
        assert!(numbered("1/2 ngày").is_none());
        assert!(numbered("Mục tiêu chung của chương trình").is_none());
    }
}
