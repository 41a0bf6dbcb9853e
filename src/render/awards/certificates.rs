//! The certificates of one decision, one per recipient: the face of its form (`BẰNG KHEN`,
//! `GIẤY KHEN`, or `TẶNG DANH HIỆU` + the title), the authority's line, the recipient, the
//! decision cited, Số sổ vàng, place and date, signature — in full, or only the variable
//! text for the office's pre-printed forms.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::decision::display_name;
use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Loc, Text};
use crate::model::{AwardKind, Category, Dataset, Face};
use crate::plan::awards::DecisionPlan;
use crate::render::parts::{Part, PartsView};
use crate::render::views;
use crate::text::{StemWish, capitalize_first, month_vi, unique_stems};

/// A box on the certificate, in mm, and its largest type size in pt.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct BoxMm {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub size: f64,
}

/// The positions file of a face (`bang-khen-vi-tri.yaml`).
pub fn boxes_file(face: Face) -> String {
    format!("{}-vi-tri.yaml", face.template_stem())
}

/// The boxes of the (overridable) positions file of `face`, scaled from the A3 reference to
/// the certificate's size.
pub fn boxes_for(
    store: &TemplateStore,
    face: Face,
    width: f64,
    height: f64,
) -> Result<BTreeMap<String, BoxMm>, Diagnostic> {
    let file = boxes_file(face);
    let bad = |why: String| {
        Diagnostic::error(
            "boxes-file",
            Loc::File { file: store.display(&file).into() },
            Text::new(
                format!("tệp vị trí {} không đọc được: {why}", face.label()),
                format!("the {} positions file cannot be read: {why}", face.label()),
            ),
        )
    };
    let boxes: BTreeMap<String, BoxMm> = store.data(&file).map_err(bad)?;
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

/// One certificate.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CertificateView {
    pub id: String,
    pub collective: bool,
    /// `Ông`, `Bà`; empty for a collective or a household.
    pub salutation: String,
    /// The name (collectives in capitals).
    pub name: String,
    pub unit: Option<String>,
    pub achievement: String,
    /// `Số sổ vàng: 125` (or blank).
    pub golden_book: String,
}

/// The certificates' data (see `templates/bang-khen.typ`, `giay-khen.typ`,
/// `giay-chung-nhan.typ`). Lengths in mm.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CertificatesView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub blank: bool,
    pub width: f64,
    pub height: f64,
    pub offset_x: f64,
    pub offset_y: f64,
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG`, printed in red.
    pub authority_line: String,
    /// `TẶNG`, `TẶNG DANH HIỆU`, `CÔNG NHẬN DANH HIỆU`.
    pub give_line: String,
    /// `BẰNG KHEN`, `GIẤY KHEN`, `CHIẾN SĨ THI ĐUA CƠ SỞ`, printed large in red.
    pub name_line: String,
    /// `Quyết định số …/QĐ-UBND ngày 12 tháng 12 năm 2023`.
    pub decision: String,
    pub place: String,
    pub day: Option<String>,
    pub month: Option<String>,
    pub year: i32,
    /// What the title is for (`Năm học 2024 - 2025`), under the title, when the decision
    /// says (a form's period is in its achievement line).
    pub period: Option<String>,
    pub signer: Vec<String>,
    pub signer_name: String,
    /// Where each variable line goes (see [`boxes_file`]).
    pub boxes: BTreeMap<String, BoxMm>,
    pub certificates: Vec<CertificateView>,
}

impl PartsView for CertificatesView {
    type Item = CertificateView;

    fn with_items(&self, items: Vec<CertificateView>) -> Self {
        CertificatesView { certificates: items, ..self.clone() }
    }
}

pub(crate) fn certificates_view(
    ds: &Dataset,
    d: &DecisionPlan,
    face: Face,
    boxes: BTreeMap<String, BoxMm>,
    font: Vec<&'static str>,
) -> CertificatesView {
    let s = &ds.award_settings;
    let decision = &ds.decisions[d.index];
    let c = s.certificate(face);
    let certificates: Vec<CertificateView> = d
        .order
        .iter()
        .enumerate()
        .map(|(n, &a)| {
            let award = &ds.awards[a];
            let collective = award.kind == AwardKind::Collective;
            let individual = award.kind == AwardKind::Individual;
            CertificateView {
                id: format!("award-{a}"),
                collective,
                salutation: award.honorific.map(|h| h.label().to_string()).filter(|_| individual).unwrap_or_default(),
                name: if collective { award.name.to_uppercase() } else { award.name.clone() },
                unit: award.unit.clone().filter(|_| !collective),
                achievement: capitalize_first(award.achievement.as_deref().unwrap_or(&d.citation))
                    .trim_end_matches('.')
                    .to_string(),
                golden_book: match decision.golden_book_start {
                    Some(start) => format!("Số sổ vàng: {}", start + n as u64),
                    None => "Số sổ vàng: …".into(),
                },
            }
        })
        .collect();
    let mut signature = views::signature(&decision.doc);
    if signature.authority.is_empty() {
        signature.authority.push(d.authority.head.to_uppercase());
    }
    // What a title is for: in its own box under the title; in the achievement line when an
    // office's positions file has no such box.
    let period =
        decision.period.filter(|_| d.form.category() == Category::Title).map(|p| capitalize_first(&p.phrase()));
    let certificates: Vec<CertificateView> = match (&period, boxes.contains_key("period")) {
        (Some(p), false) => certificates
            .into_iter()
            .map(|c| CertificateView {
                achievement: format!("{} {}", c.achievement, crate::text::lowercase_first(p)),
                ..c
            })
            .collect(),
        _ => certificates,
    };
    let (give_line, name_line) = match d.form.category() {
        Category::Form => ("TẶNG".to_string(), d.form.name().to_uppercase()),
        Category::Title => (format!("{} DANH HIỆU", d.verb.to_uppercase()), d.form.name().to_uppercase()),
    };
    let date = decision.doc.date;
    CertificatesView {
        font,
        title: format!("{} - {}", d.form.name(), ds.conference.title),
        blank: c.blank,
        width: c.width_mm,
        height: c.height_mm,
        offset_x: c.offset_x,
        offset_y: c.offset_y,
        authority_line: s.authority_line.clone().filter(|_| !d.superior).unwrap_or_else(|| d.authority.line()),
        give_line,
        name_line,
        decision: format!("Quyết định số {} {}", d.number, d.date_words),
        place: ds.issuer.place.clone(),
        day: date.map(|d| format!("{:02}", d.day)),
        month: date.map(|d| month_vi(d.month)),
        year: date.map_or(ds.conference.date.year, |d| d.year),
        period,
        signer: signature.authority,
        signer_name: signature.name,
        boxes,
        certificates,
    }
}

/// The parts of the merged certificate file: one per recipient, each named after them
/// (with a short digest of name and unit when two share a name, and a number when even that
/// is shared: every recipient has a file of their own).
pub(crate) fn parts(ds: &Dataset, d: &DecisionPlan, stem: &str, view: &CertificatesView) -> Vec<Part<CertificateView>> {
    use sha2::Digest;
    let digests: Vec<String> = d
        .order
        .iter()
        .map(|&a| {
            let award = &ds.awards[a];
            let digest =
                sha2::Sha256::digest(format!("{}|{}", award.name, award.unit.as_deref().unwrap_or("")).as_bytes());
            format!("{digest:x}")[..6].to_string()
        })
        .collect();
    let wishes: Vec<StemWish> =
        d.order.iter().zip(&digests).map(|(&a, digest)| StemWish { name: &ds.awards[a].name, id: digest }).collect();
    let files = unique_stems(&wishes);
    d.order
        .iter()
        .zip(view.certificates.iter())
        .zip(files)
        .map(|((&a, cert), file)| {
            let award = &ds.awards[a];
            Part {
                id: cert.id.clone(),
                name: display_name(ds, a),
                path: format!("{stem}/{file}.pdf"),
                item: cert.clone(),
                src: Some(award.src.clone()),
            }
        })
        .collect()
}
