//! A document's header: its data filled in, what the body types merged with what the
//! front matter gives (the body's wins, and that is said), and what the conference gives
//! when neither does (issuer, place, symbol, signer).

use super::blocks::Line;
use super::inline::unescape;
use super::parts::Parts;
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::{Dataset, DocDate, Signer, TextDocument};
use crate::plan::summary::TextData;
use crate::text::Date;

/// The body's lines with their data, line by line, so every message names its line. A
/// line whose data fails is said once and read as written, so the numbering after it is
/// not said wrong as well.
pub(super) fn body_with_data(doc: &TextDocument, data: Option<&TextData>, diags: &mut Diagnostics) -> Vec<Line> {
    let label = Text::new("Dòng này", "This line");
    let mut lines: Vec<Line> = Vec::new();
    for l in &doc.body {
        let text = with_data(&l.text, true, data, &doc.line_loc(l.line), &label, diags);
        if let Some(t) = data.and_then(|d| d.table_at(&text)) {
            lines.extend(super::table::pipe_rows(t).into_iter().map(|r| (l.line, r)));
            continue;
        }
        for t in text.split('\n') {
            lines.push((l.line, t.to_string()));
        }
    }
    lines
}

/// The header's texts with their data (`trích yếu: Tổ chức {{ conference.title }}`).
pub(super) fn header_with_data(doc: &TextDocument, data: Option<&TextData>, diags: &mut Diagnostics) -> TextDocument {
    let mut doc = doc.clone();
    let label = |key: &str| {
        let (vi, en) = match key {
            "subject" => ("Trích yếu", "The subject"),
            "to" => ("Kính gửi", "Kính gửi"),
            "grounds" => ("Căn cứ", "The grounds"),
            _ => ("Nơi nhận", "The recipients"),
        };
        Text::new(vi, en)
    };
    if let Some(s) = &doc.subject {
        doc.subject = Some(with_data(s, false, data, &doc.key_loc("subject"), &label("subject"), diags));
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
            *item = with_data(item, markup, data, &loc, &label(key), diags);
        }
    }
    doc
}

/// `text` with its `{{ … }}` filled from the conference; as written (the error said) when
/// that fails or there is no conference.
pub(super) fn with_data(
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

/// Kính gửi, Nơi nhận and the signers: the body's when it types them (said when the header
/// gives them too), else the header's, else (the signer) the conference report's.
pub(super) fn merge(
    doc: &TextDocument,
    parts: &Parts,
    ds: Option<&Dataset>,
    diags: &mut Diagnostics,
) -> (Vec<String>, Vec<String>, Vec<Signer>) {
    let mut twice = |what_vi: &str, what_en: &str, key: &str| {
        diags.push(Diagnostic::warning(
            "document-twice",
            doc.key_loc(key),
            Text::new(
                format!("{what_vi} ghi cả ở phần đầu và trong nội dung văn bản: dùng cái ghi trong nội dung"),
                format!("{what_en} is given both in the header and in the body: the body's is used"),
            ),
        ));
    };
    let body_to: Vec<String> = parts.to.iter().map(|t| unescape(t)).collect();
    let body_recipients: Vec<String> = parts.recipients.iter().map(|t| unescape(t)).collect();
    let mut pick = |header: &Vec<String>, body: Vec<String>, vi: &str, en: &str, key: &str| {
        if !header.is_empty() && !body.is_empty() {
            twice(vi, en, key);
        }
        if body.is_empty() { header.clone() } else { body }
    };
    let to = pick(&doc.to, body_to, "Kính gửi", "Kính gửi", "to");
    let recipients = pick(&doc.recipients, body_recipients, "Nơi nhận", "Nơi nhận", "recipients");
    let header: Vec<Signer> = doc
        .signers
        .iter()
        .map(|s| Signer {
            authority: s.authority.iter().map(|a| a.to_uppercase()).collect(),
            title: s.title.clone().unwrap_or_default().to_uppercase(),
            name: s.name.clone().unwrap_or_default(),
        })
        .collect();
    let body: Vec<Signer> = parts
        .signers
        .iter()
        .map(|s| Signer {
            name: unescape(&s.name),
            authority: s.authority.iter().map(|a| unescape(a)).collect(),
            title: unescape(&s.title),
        })
        .collect();
    let signers = match (header.is_empty(), body.is_empty()) {
        (false, false) => {
            twice("Người ký", "The signer", "signer");
            body
        }
        (_, false) => body,
        (false, true) => header,
        (true, true) => ds.map(|d| vec![d.report_doc.signer.clone()]).unwrap_or_default(),
    };
    (to, recipients, signers)
}

/// The header's fields, from the front matter or the conference.
pub(super) struct Fields {
    pub issuer: String,
    pub parent: Option<String>,
    pub place: String,
    pub code: String,
    pub year: i32,
    pub made: Date,
}

/// The issuer, place and symbol (an error when neither the front matter nor a conference
/// gives one), the year printed and the date the PDF says it was made.
pub(super) fn fields(doc: &TextDocument, ds: Option<&Dataset>, diags: &mut Diagnostics) -> Option<Fields> {
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
    let mut missing = |what_vi: &str, what_en: &str, example: &str| {
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
        missing("cơ quan ban hành", "issuing body", "cơ quan: ỦY BAN NHÂN DÂN XÃ …");
    }
    if place.is_none() {
        missing("địa danh", "place", "địa danh: …");
    }
    if code.is_none() {
        let example = if doc.kind.is_letter() {
            "ký hiệu: UBND-VP (cơ quan - đơn vị soạn thảo)".to_string()
        } else {
            format!("ký hiệu: {}-UBND (hoặc {}-SNV … theo ký hiệu cơ quan)", doc.kind.abbr, doc.kind.abbr)
        };
        missing("ký hiệu", "symbol", &example);
    }
    let (issuer, place, code) = (issuer?, place?, code?);
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
    Some(Fields { issuer, parent, place, code, year, made })
}

/// Who issues the document, as a sentence says it: the authority line typed over the
/// grounds of a decision (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH` → `Chủ tịch Ủy ban nhân dân
/// tỉnh`), else the issuing body.
pub(super) fn whose(body: &[Line], issuer: &str) -> String {
    let first = body.iter().map(|l| super::inline::strip_marks(l.1.trim())).find(|t| !t.is_empty());
    let authority = first.filter(|t| super::numbering::is_capitals(t) && !t.ends_with(':'));
    let issuer = issuer.replace('\n', " ");
    let Some(a) = authority else { return crate::text::sentence_case_body(&issuer) };
    const BODIES: &[&str] = &[
        "ỦY BAN",
        "UỶ BAN",
        "HỘI ĐỒNG",
        "SỞ ",
        "BỘ ",
        "TRƯỜNG ",
        "BỆNH VIỆN",
        "VIỆN ",
        "PHÒNG ",
        "CỤC ",
        "TỔNG CỤC",
        "TRUNG TÂM",
        "BAN ",
        "ĐẠI HỌC",
        "HỌC VIỆN",
        "ĐẢNG ỦY",
        "CÔNG ĐOÀN",
    ];
    match BODIES.iter().filter_map(|b| a.find(b)).filter(|&i| i > 0).min() {
        Some(i) => format!(
            "{} {}",
            crate::text::capitalize_first(&a[..i].trim().to_lowercase()),
            crate::text::sentence_case_body(a[i..].trim())
        ),
        None => crate::text::sentence_case_body(&a),
    }
}

/// `Kèm theo Quyết định số …/QĐ-UBND ngày … tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân
/// tỉnh`: an appendix's reference, from the header (blanks where the registry writes in).
pub(super) fn reference(doc: &TextDocument, f: &Fields, whose: &str) -> String {
    let number = doc.number.as_deref().and_then(|n| n.split('/').next()).map(crate::text::document_number);
    let number = number.unwrap_or_else(|| "…".into());
    let date = match doc.date {
        Some(DocDate::Full(d)) => format!("ngày {:02} tháng {:02} năm {}", d.day, d.month, d.year),
        Some(DocDate::Month { month, year }) => format!("ngày … tháng {month:02} năm {year}"),
        _ => format!("ngày … tháng … năm {}", f.year),
    };
    format!("Kèm theo {} số {number}/{} {date} của {whose}", doc.kind.name, f.code)
}
