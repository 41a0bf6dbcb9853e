//! The settings of the `Hội nghị` sheet: the conference, the issuing body, and each
//! document's number, date, signer and recipients.

use serde::Serialize;

use super::authority::{Authority, Conferrer};
use super::commendation::Face;
use crate::diag::Loc;
use crate::text::{Date, Time};

/// Settings of the summary report (`Báo cáo: …`).
#[derive(Debug, Clone, Serialize)]
pub struct ReportSettings {
    /// The order of the districts (or communes) of the product list in the tables; empty:
    /// the order they first appear in.
    pub district_order: Vec<String>,
    /// The opening paragraph (minijinja), when not the default.
    pub opening: Option<String>,
    /// Where the opening is written (for its errors).
    pub opening_loc: Loc,
    /// The closing sentence, when not the default.
    pub closing: Option<String>,
}

/// Settings shared by the award decisions (`Quyết định: …`) and their certificates
/// (`Bằng khen: …`, `Giấy khen: …`, `Giấy chứng nhận: …`).
#[derive(Debug, Clone, Serialize)]
pub struct AwardSettings {
    /// Who confers: the head of the issuing body.
    pub authority: Authority,
    /// The head of the body above it, when `Cơ quan chủ quản` names one.
    pub superior: Option<Authority>,
    /// The authority line when the clerk wrote it (`Quyết định: Thẩm quyền`).
    pub authority_line: Option<String>,
    /// The attached list as a table (STT | Tên | Chức vụ, đơn vị) instead of a numbered list.
    pub table_form: bool,
    /// Titles are `tặng` (the default) or `công nhận` (awards.md §1.2).
    pub title_verb: TitleVerb,
    /// Computed prizes rounded up to 10.000 đồng (the default, NĐ 152/2025 art. 49).
    pub round_up: bool,
    /// Grounds of the body's own (its founding or functions decision, the emulation
    /// regulation), printed among the laws' in their rank, one per line.
    pub extra_grounds: Vec<String>,
    /// The forms and titles the body's head may confer when its own rules say
    /// (`Quyết định: Hình thức được tặng`: a school under a department whose province lets
    /// principals give Giấy khen only); `None`: the law's matrix by level and date.
    pub own_forms: Option<Vec<super::commendation::AwardType>>,
    /// Per certificate face.
    pub certificates: Vec<(Face, CertificateSettings)>,
}

impl AwardSettings {
    /// The authority of a conferrer (the own one when there is no superior).
    pub fn authority_of(&self, c: Conferrer) -> &Authority {
        match (c, &self.superior) {
            (Conferrer::Superior, Some(s)) => s,
            _ => &self.authority,
        }
    }

    /// Whether `conferrer` may confer `form` on `date`: the body's own list when the
    /// settings give one, else the law's matrix for its level.
    pub fn may_confer(
        &self,
        conferrer: Conferrer,
        form: super::commendation::AwardType,
        date: crate::text::Date,
    ) -> bool {
        match (&self.own_forms, conferrer) {
            (Some(own), Conferrer::Own) => own.contains(&form),
            _ => form.allowed(self.authority_of(conferrer).level, date),
        }
    }

    /// What `conferrer` may confer on `date`, for a message.
    pub fn conferrable_names(&self, conferrer: Conferrer, date: crate::text::Date) -> String {
        use super::commendation::AwardType;
        AwardType::ALL
            .iter()
            .filter(|&&t| self.may_confer(conferrer, t, date))
            .map(|t| t.name())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn certificate(&self, face: Face) -> CertificateSettings {
        self.certificates.iter().find(|(f, _)| *f == face).map(|(_, c)| *c).unwrap_or_else(|| {
            let (width_mm, height_mm) = face.default_size();
            CertificateSettings { width_mm, height_mm, blank: false, offset_x: 0.0, offset_y: 0.0 }
        })
    }
}

/// The verb of a title's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TitleVerb {
    /// `tặng danh hiệu` (Luật Thi đua, khen thưởng art. 80).
    Tang,
    /// `công nhận danh hiệu` (NĐ 152/2025 art. 49).
    CongNhan,
}

impl TitleVerb {
    pub fn word(self) -> &'static str {
        match self {
            TitleVerb::Tang => "tặng",
            TitleVerb::CongNhan => "công nhận",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct CertificateSettings {
    pub width_mm: f64,
    pub height_mm: f64,
    /// Print only the variable text, for the office's pre-printed forms.
    pub blank: bool,
    /// Per-printer shift of everything printed on a blank, in mm.
    pub offset_x: f64,
    pub offset_y: f64,
}

/// Which side of seat 1 seat 2 takes (nd30-layout §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum HonourSide {
    /// Vietnamese protocol teaching (the default): seat 2 on seat 1's right as they face
    /// the hall, i.e. on the audience's left — the audience sees … 4 2 1 3 5 ….
    SeatedRight,
    /// The mirror rule: the audience sees … 5 3 1 2 4 ….
    SeatedLeft,
}

#[derive(Debug, Clone, Serialize)]
pub struct Conference {
    pub title: String,
    pub date: Date,
    pub start_time: Time,
    pub venue: String,
    pub host: Option<String>,
    /// `01 buổi` as the invitation states it; derived from the programme when not given.
    pub duration: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Issuer {
    /// The direct parent body (`UBND TỈNH TUYÊN QUANG` above a department), if any.
    pub parent: Option<String>,
    /// Upper case, as printed in the header.
    pub name: String,
    /// As written inside a sentence (`Ủy ban nhân dân tỉnh Tuyên Quang`).
    pub sentence_name: String,
    /// `UBND`, used in document symbols.
    pub code: String,
    /// `Tuyên Quang`, before the date.
    pub place: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ceremony {
    /// How many award recipients go on stage at once.
    pub batch_size: u32,
}

/// Which serif the documents are set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FontChoice {
    /// Liberation Serif, embedded: the same output on every machine.
    Liberation,
    /// The system's Times New Roman, when installed (falls back to Liberation Serif).
    TimesNewRoman,
}

/// The settings of one document kind (`Giấy mời: …`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct DocSettings {
    /// Empty is normal: the registry writes the number in by hand.
    pub number: Option<String>,
    /// The symbol after the number: `GM-UBND`.
    pub code: String,
    /// Empty prints blanks for the day and month.
    pub date: Option<Date>,
    pub subject: Option<String>,
    pub signer: Signer,
    /// `Nơi nhận` lines, without their leading `-` and final `;`.
    pub recipients: Vec<String>,
    /// Points to note (the invitation's last paragraphs).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Signer {
    pub name: String,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`: one line each.
    pub authority: Vec<String>,
    pub title: String,
}
