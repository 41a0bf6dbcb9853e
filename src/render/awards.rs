//! Quyết định khen thưởng (Mẫu 1.2) with its attached list, the Bằng khen (one per
//! awardee, full or print-on-blank), and the award register.

use rust_xlsxwriter::{FormatAlign, Formula, XlsxError};

use super::xlsx::{Col, cell_format, table_sheet, workbook};
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::context::{Ctx, Rendered};
use super::parts::{Part, PartsJob, PartsView, render_parts};
use super::views::{self, HeaderView, SignatureView};
use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::model::{AwardKind, Dataset};
use crate::pack::DocKind;
use crate::text::{Date, amount_in_words, capitalize_first, month_vi, parse_date_text, slug, thousands};

/// The file of legal grounds by period.
pub(crate) const GROUNDS_FILE: &str = "quyet-dinh/can-cu.yaml";
/// The file of positions of the certificates' variable lines.
pub(crate) const BOXES_FILE: &str = "bang-khen-vi-tri.yaml";

/// A box on the certificate, in mm, and its largest type size in pt.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct BoxMm {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub size: f64,
}

/// The boxes of the (overridable) positions file, scaled from A3 to the certificate's size.
pub fn boxes_for(store: &TemplateStore, width: f64, height: f64) -> Result<BTreeMap<String, BoxMm>, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::error(
            "boxes-file",
            Loc::File { file: store.display(BOXES_FILE).into() },
            Text::new(
                format!("tệp vị trí Bằng khen không đọc được: {why}"),
                format!("the certificate positions file cannot be read: {why}"),
            ),
        )
    };
    let boxes: BTreeMap<String, BoxMm> = store.data(BOXES_FILE).map_err(bad)?;
    for key in ["recipient", "unit", "achievement", "decision", "golden_book", "place_date", "signer", "signer_name"] {
        if !boxes.contains_key(key) {
            return Err(bad(format!("thiếu “{key}” / “{key}” is missing")));
        }
    }
    let (sx, sy) = (width / 420.0, height / 297.0);
    Ok(boxes
        .into_iter()
        .map(|(k, b)| (k, BoxMm { x: b.x * sx, y: b.y * sy, w: b.w * sx, h: b.h * sy, size: b.size * sx.min(sy) }))
        .collect())
}

#[derive(Debug, Deserialize)]
struct GroundsFile {
    periods: Vec<Period>,
}

#[derive(Debug, Deserialize)]
struct Period {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
    grounds: Vec<String>,
}

/// The grounds in force on `date`, from the (overridable) grounds file.
pub fn grounds_for(store: &TemplateStore, date: Date) -> Result<Vec<String>, Diagnostic> {
    let loc = || Loc::File { file: store.display(GROUNDS_FILE).into() };
    let bad = |why: String| {
        Diagnostic::error(
            "grounds-file",
            loc(),
            Text::new(
                format!("tệp căn cứ pháp lý không đọc được: {why}"),
                format!("the legal grounds file cannot be read: {why}"),
            ),
        )
    };
    let file: GroundsFile = store.data(GROUNDS_FILE).map_err(bad)?;
    let parse = |d: &Option<String>| -> Result<Option<Date>, Diagnostic> {
        match d.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => parse_date_text(s).map(Some).ok_or_else(|| bad(format!("ngày “{s}” / date “{s}”"))),
        }
    };
    for p in &file.periods {
        let (from, until) = (parse(&p.from)?, parse(&p.until)?);
        if from.is_none_or(|f| f <= date) && until.is_none_or(|u| date <= u) {
            return Ok(p.grounds.iter().map(|g| g.trim().trim_end_matches([';', '.']).to_string()).collect());
        }
    }
    Err(Diagnostic::error(
        "grounds-file",
        loc(),
        Text::new(
            format!("không có căn cứ pháp lý nào cho ngày {}", date.dmy()),
            format!("no legal grounds cover the date {}", date.dmy()),
        ),
    ))
}

/// `05` for counts below 10, as documents write them.
fn count(n: usize) -> String {
    format!("{n:02}")
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListEntry {
    pub number: usize,
    /// The whole line of the numbered list (`Ông Nguyễn Văn An, Giám đốc …;`).
    pub line: String,
    pub name: String,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListSection {
    /// `I. TẬP THỂ (14 tập thể)`.
    pub heading: String,
    pub entries: Vec<ListEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListView {
    pub title: &'static str,
    pub subject: String,
    /// `(Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch …)`.
    pub reference: String,
    pub table: bool,
    pub sections: Vec<ListSection>,
}

/// The decision's data (see `templates/quyet-dinh-khen-thuong.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DecisionView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    pub kind: &'static str,
    pub subject: String,
    pub authority_line: String,
    /// Each ground, ending with `;`.
    pub grounds: Vec<String>,
    /// `Theo đề nghị của … .`
    pub proposal: String,
    /// The articles' bodies: Điều 1, 2, 3 (the last paragraph ends with `./.`).
    pub articles: Vec<Vec<String>>,
    pub signature: SignatureView,
    pub list: ListView,
}

/// One certificate.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CertificateView {
    pub id: String,
    pub collective: bool,
    /// `Ông`, `Bà`; empty for a collective.
    pub salutation: String,
    /// The name (collectives in capitals).
    pub name: String,
    pub unit: Option<String>,
    pub achievement: String,
    /// `Số sổ vàng: 125` (or blank).
    pub golden_book: String,
}

/// The certificates' data (see `templates/bang-khen.typ`). Lengths in mm.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CertificatesView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub blank: bool,
    pub width: f64,
    pub height: f64,
    pub offset_x: f64,
    pub offset_y: f64,
    pub authority_line: String,
    /// `Quyết định số …/QĐ-UBND ngày 12 tháng 12 năm 2023`.
    pub decision: String,
    pub place: String,
    pub day: Option<String>,
    pub month: Option<String>,
    pub year: i32,
    pub signer: Vec<String>,
    pub signer_name: String,
    /// Where each variable line goes (see `BOXES_FILE`).
    pub boxes: BTreeMap<String, BoxMm>,
    pub certificates: Vec<CertificateView>,
}

impl PartsView for CertificatesView {
    type Item = CertificateView;

    fn with_items(&self, items: Vec<CertificateView>) -> Self {
        CertificatesView { certificates: items, ..self.clone() }
    }
}

/// The awards in list order: collectives first, then individuals, each in sheet order.
pub(crate) fn list_order(ds: &Dataset) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ds.awards.len()).filter(|&a| ds.awards[a].kind == AwardKind::Collective).collect();
    order.extend((0..ds.awards.len()).filter(|&a| ds.awards[a].kind == AwardKind::Individual));
    order
}

/// `Chủ tịch Ủy ban nhân dân tỉnh` (without the place) and the full form with it.
fn chairman(ds: &Dataset) -> (String, String) {
    let full = format!("Chủ tịch {}", ds.issuer.sentence_name);
    let short = full.strip_suffix(&format!(" {}", ds.issuer.place)).unwrap_or(&full).to_string();
    (short, full)
}

/// `…/QĐ-UBND` or `123/QĐ-UBND`.
fn number(ds: &Dataset) -> String {
    let d = &ds.decision;
    match &d.number {
        Some(n) => format!("{}/{}", crate::text::document_number(n), d.code),
        None => format!("…/{}", d.code),
    }
}

/// `ngày 12 tháng 12 năm 2023`, with `…` for what is not known yet.
fn date_words(ds: &Dataset) -> String {
    match ds.decision.date {
        Some(d) => d.long_vi(),
        None => format!("ngày … tháng … năm {}", ds.conference.date.year),
    }
}

/// Individuals as `Ông Nguyễn Văn An`; collectives as they are named.
fn display_name(ds: &Dataset, a: usize) -> String {
    let award = &ds.awards[a];
    match (award.kind, award.honorific) {
        (AwardKind::Individual, Some(h)) => format!("{} {}", h.label(), award.name),
        _ => award.name.clone(),
    }
}

pub(crate) fn decision_view(ds: &Dataset, grounds: Vec<String>, font: Vec<&'static str>) -> DecisionView {
    let s = &ds.award_settings;
    let (chair_short, chair_full) = chairman(ds);
    let order = list_order(ds);
    let collectives = order.iter().filter(|&&a| ds.awards[a].kind == AwardKind::Collective).count();
    let individuals = order.len() - collectives;
    let whom = match (collectives, individuals) {
        (0, i) => format!("{} cá nhân", count(i)),
        (c, 0) => format!("{} tập thể", count(c)),
        (c, i) => format!("{} tập thể và {} cá nhân", count(c), count(i)),
    };
    let subject =
        ds.decision.subject.clone().unwrap_or_else(|| {
            format!("Về việc tặng Bằng khen của {chair_short} cho các tập thể, cá nhân {}", s.citation)
        });
    let article1 = format!("Tặng Bằng khen của {chair_short} cho {whom} (có danh sách kèm theo), {}.", s.citation);
    let fund = s.fund_source.as_ref().map(|f| format!(", từ nguồn {f}")).unwrap_or_default();
    let article2 = match (s.amount_collective, s.amount_individual) {
        (None, None) => format!("Tiền thưởng kèm theo Bằng khen thực hiện theo quy định hiện hành{fund}."),
        (c, i) => {
            let c = c.unwrap_or(0);
            let i = i.unwrap_or(0);
            let total = c * collectives as u64 + i * individuals as u64;
            let mut each = Vec::new();
            if collectives > 0 {
                each.push(format!("mỗi tập thể {} đồng", thousands(c)));
            }
            if individuals > 0 {
                each.push(format!("mỗi cá nhân {} đồng", thousands(i)));
            }
            format!(
                "Tiền thưởng kèm theo Bằng khen: {}; tổng số tiền thưởng là {} đồng (Bằng chữ: {}){fund}.",
                each.join(", "),
                thousands(total),
                amount_in_words(total)
            )
        }
    };
    let article3 = vec!["Quyết định này có hiệu lực kể từ ngày ký.".to_string(), format!("{}./.", s.executors)];

    let grounds: Vec<String> = grounds.into_iter().map(|g| format!("{g};")).collect();
    let entries =
        |kind: AwardKind| -> Vec<usize> { order.iter().copied().filter(|&a| ds.awards[a].kind == kind).collect() };
    let mut sections = Vec::new();
    let total = order.len();
    let mut seen = 0;
    for (roman, kind, label) in [("I", AwardKind::Collective, "TẬP THỂ"), ("II", AwardKind::Individual, "CÁ NHÂN")]
    {
        let list = entries(kind);
        if list.is_empty() {
            continue;
        }
        let roman = if sections.is_empty() { "I" } else { roman };
        let what = if kind == AwardKind::Collective { "tập thể" } else { "cá nhân" };
        sections.push(ListSection {
            heading: format!("{roman}. {label} ({} {what})", count(list.len())),
            entries: list
                .iter()
                .enumerate()
                .map(|(n, &a)| {
                    seen += 1;
                    let award = &ds.awards[a];
                    let name = display_name(ds, a);
                    let unit = award.unit.clone().unwrap_or_default();
                    let body = if unit.is_empty() { name.clone() } else { format!("{name}, {unit}") };
                    let end = if seen == total { "./." } else { ";" };
                    ListEntry { number: n + 1, line: format!("{}{end}", body.trim_end_matches(['.', ';'])), name, unit }
                })
                .collect(),
        });
    }
    DecisionView {
        font,
        title: format!("Quyết định khen thưởng - {}", ds.conference.title),
        header: views::header(ds, &ds.decision),
        kind: "QUYẾT ĐỊNH",
        subject,
        authority_line: s.authority_line.clone(),
        grounds,
        proposal: format!("{}.", s.proposal),
        articles: vec![vec![article1], vec![article2], article3],
        signature: views::signature(&ds.decision),
        list: ListView {
            title: "DANH SÁCH",
            subject: format!("Tập thể, cá nhân được tặng Bằng khen của {chair_short}"),
            reference: format!("(Kèm theo Quyết định số {} {} của {chair_full})", number(ds), date_words(ds)),
            table: s.table_form,
            sections,
        },
    }
}

pub(crate) fn certificates_view(
    ds: &Dataset,
    boxes: BTreeMap<String, BoxMm>,
    font: Vec<&'static str>,
) -> CertificatesView {
    let s = &ds.award_settings;
    let c = s.certificate;
    let order = list_order(ds);
    let certificates = order
        .iter()
        .enumerate()
        .map(|(n, &a)| {
            let award = &ds.awards[a];
            let collective = award.kind == AwardKind::Collective;
            CertificateView {
                id: format!("award-{a}"),
                collective,
                salutation: award.honorific.map(|h| h.label().to_string()).filter(|_| !collective).unwrap_or_default(),
                name: if collective { award.name.to_uppercase() } else { award.name.clone() },
                unit: award.unit.clone().filter(|_| !collective),
                achievement: capitalize_first(award.achievement.as_deref().unwrap_or(&s.citation))
                    .trim_end_matches('.')
                    .to_string(),
                golden_book: match s.golden_book_start {
                    Some(start) => format!("Số sổ vàng: {}", start + n as u64),
                    None => "Số sổ vàng: …".into(),
                },
            }
        })
        .collect();
    let signature = views::signature(&ds.decision);
    CertificatesView {
        font,
        title: format!("Bằng khen - {}", ds.conference.title),
        blank: c.blank,
        width: c.width_mm,
        height: c.height_mm,
        offset_x: c.offset_x,
        offset_y: c.offset_y,
        authority_line: s.authority_line.clone(),
        decision: format!("Quyết định số {} {}", number(ds), date_words(ds)),
        place: ds.issuer.place.clone(),
        day: ds.decision.date.map(|d| format!("{:02}", d.day)),
        month: ds.decision.date.map(|d| month_vi(d.month)),
        year: ds.decision.date.map_or(ds.conference.date.year, |d| d.year),
        signer: signature.authority,
        signer_name: signature.name,
        boxes,
        certificates,
    }
}

/// Stable file stems for the certificates: the name, plus a short digest of name and unit
/// when two awardees would share a file.
fn certificate_stems(ds: &Dataset) -> Vec<String> {
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    for a in &ds.awards {
        *by_slug.entry(slug(&a.name)).or_default() += 1;
    }
    ds.awards
        .iter()
        .map(|a| {
            let s = slug(&a.name);
            if by_slug[&s] > 1 {
                use sha2::Digest;
                let digest = sha2::Sha256::digest(format!("{}|{}", a.name, a.unit.as_deref().unwrap_or("")).as_bytes());
                format!("{s}-{}", &format!("{digest:x}")[..6])
            } else {
                s
            }
        })
        .collect()
}

/// Renders the decision with its list, the certificates and the register.
pub(crate) fn render(ds: &Dataset, ctx: &Ctx<'_>) -> Rendered {
    if ds.awards.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let mut warnings = Diagnostics::new();
    // Undated (said at validation): the legal grounds in force at the meeting.
    let date = ds.decision.date.unwrap_or(ds.conference.date);
    let templates = ctx.engine.templates();
    let grounds = grounds_for(templates, date).map_err(Diagnostics::from)?;
    let view = decision_view(ds, grounds, ctx.font.clone());
    let (decision, w) =
        ctx.pdf("quyet-dinh-khen-thuong.typ", &view, "quyet-dinh-khen-thuong.pdf", DocKind::Awards, date, |_| None)?;
    warnings.extend(w);

    let c = ds.award_settings.certificate;
    let boxes = boxes_for(templates, c.width_mm, c.height_mm).map_err(Diagnostics::from)?;
    let base = certificates_view(ds, boxes, ctx.font.clone());
    let stems = certificate_stems(ds);
    let order = list_order(ds);
    let parts = order
        .iter()
        .zip(base.certificates.iter())
        .map(|(&a, cert)| Part {
            id: cert.id.clone(),
            name: display_name(ds, a),
            path: format!("bang-khen/{}.pdf", stems[a]),
            item: cert.clone(),
            src: Some(ds.awards[a].src.clone()),
        })
        .collect();
    let job = PartsJob {
        template: "bang-khen.typ",
        kind: DocKind::Awards,
        date,
        base: &base,
        merged_path: "bang-khen.pdf",
        label: "Bằng khen",
        parts,
        max_pages: Some(1),
    };
    let (mut artefacts, w) = render_parts(job, ctx)?;
    warnings.extend(w);
    artefacts.push(decision);
    artefacts.push(ctx.xlsx("danh-sach-khen-thuong.xlsx", DocKind::Awards, award_register(ds, &base)));
    Ok((artefacts, super::context::dedup(warnings)))
}

/// `danh-sach-khen-thuong.xlsx`: the award list in the decision's order, with the
/// golden-book numbers of the certificates and totals per kind (formulas, with their values).
pub(crate) fn award_register(ds: &Dataset, certificates: &CertificatesView) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách khen thưởng");
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "STT", width: 6.0 },
            Col { header: "Loại", width: 10.0 },
            Col { header: "Danh xưng", width: 10.0 },
            Col { header: "Tên tập thể, cá nhân", width: 34.0 },
            Col { header: "Chức vụ, đơn vị", width: 40.0 },
            Col { header: "Thành tích", width: 40.0 },
            Col { header: "Hình thức", width: 12.0 },
            Col { header: "Đơn vị đề nghị", width: 26.0 },
            Col { header: "Số sổ vàng", width: 12.0 },
        ];
        let order = list_order(ds);
        let title = format!("DANH SÁCH KHEN THƯỞNG - {}", ds.conference.title.to_uppercase());
        let first = table_sheet(ws, "Khen thưởng", &title, &cols, order.len(), true)?;
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        for (n, (&a, cert)) in order.iter().zip(&certificates.certificates).enumerate() {
            let award = &ds.awards[a];
            let r = first + n as u32;
            ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
            let texts = [
                award.kind.label(),
                award.honorific.map_or("", |h| h.label()),
                award.name.as_str(),
                award.unit.as_deref().unwrap_or(""),
                award.achievement.as_deref().unwrap_or(""),
                award.form.as_str(),
                award.proposer.as_deref().unwrap_or(""),
                cert.golden_book.trim_start_matches("Số sổ vàng:").trim(),
            ];
            for (c, t) in texts.iter().enumerate() {
                ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
            }
        }
        // Totals per kind, as formulas the clerk can follow (with their values for readers
        // that do not compute).
        let last = first + order.len() as u32;
        let bold = cell_format().set_bold();
        let range = format!("B{}:B{}", first + 1, last);
        let collectives = order.iter().filter(|&&a| ds.awards[a].kind == AwardKind::Collective).count();
        let rows = [
            ("Tổng số tập thể", format!("=COUNTIF({range},\"Tập thể\")"), collectives),
            ("Tổng số cá nhân", format!("=COUNTIF({range},\"Cá nhân\")"), order.len() - collectives),
            ("Tổng cộng", format!("=COUNTA({range})"), order.len()),
        ];
        for (i, (label, formula, value)) in rows.iter().enumerate() {
            let r = last + 1 + i as u32;
            ws.merge_range(r, 0, r, 2, label, &bold)?;
            ws.write_formula_with_format(r, 3, Formula::new(formula).set_result(value.to_string()), &bold)?;
        }
        wb.save_to_buffer()
    };
    build().expect("the award register's cells are within Excel's limits")
}
