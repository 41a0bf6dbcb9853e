//! The award nominees and the decisions that confer their commendations.

use serde::Serialize;

use super::authority::Conferrer;
use super::commendation::{AwardKind, AwardType};
use super::located::Src;
use super::people::Honorific;
use super::settings::DocSettings;

#[derive(Debug, Clone)]
pub struct Award {
    pub kind: AwardKind,
    /// Present for every individual.
    pub honorific: Option<Honorific>,
    pub name: String,
    pub unit: Option<String>,
    pub achievement: Option<String>,
    /// The form or title conferred.
    pub form: AwardType,
    /// The decision it belongs to, as the clerk keys it (`Quyết định` column).
    pub decision_key: Option<String>,
    /// Who confers it, when the row says (`Thẩm quyền` column).
    pub conferrer: Option<Conferrer>,
    pub proposer: Option<String>,
    /// Index into [`Dataset::delegates`].
    pub delegate: Option<usize>,
    pub src: Src,
}

/// What a title or an award is for: a year, a school year or a period of years, printed
/// the same way in the subject, Điều 1, the list, the certificates and the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Period {
    /// `năm 2025`.
    Year(i32),
    /// `năm học 2024 - 2025`, by its first year.
    SchoolYear(i32),
    /// `giai đoạn 2021 - 2025`.
    Span(i32, i32),
}

impl Period {
    /// `năm 2025`, `năm học 2024 - 2025`, `giai đoạn 2021 - 2025`.
    pub fn phrase(self) -> String {
        match self {
            Period::Year(y) => format!("năm {y}"),
            Period::SchoolYear(y) => format!("năm học {y} - {}", y + 1),
            Period::Span(a, b) => format!("giai đoạn {a} - {b}"),
        }
    }
}

/// How a decision's recipients receive it at the conference (`Cách trao`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Handing {
    /// Called up to the stage in batches (the default for what has paper to hand over).
    Stage,
    /// Announced only, the names read out (the default for a title with no certificate:
    /// `Lao động tiên tiến` carries money only).
    Announce,
}

/// A prize amount as the data gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Amount {
    /// In đồng, as written.
    Dong(u64),
    /// `theo quy định`: Điều 2 says the money follows the regulations, without figures.
    AsRegulated,
}

/// What one decision confers on whom, with its own settings (a row of the `Quyết định`
/// sheet, or the `Quyết định: …` settings when the clerk gives no row).
#[derive(Debug, Clone)]
pub struct Decision {
    /// The clerk's key (`Mã quyết định`), when given.
    pub key: Option<String>,
    /// The one form or title it confers.
    pub form: AwardType,
    /// By whose authority.
    pub conferrer: Conferrer,
    /// Indices into [`Dataset::awards`], in sheet order.
    pub awards: Vec<usize>,
    /// Number, symbol, date, subject, signer, recipients.
    pub doc: DocSettings,
    /// What a title is for (`“Lao động tiên tiến” năm 2025`, `… năm học 2024 - 2025`).
    pub period: Option<Period>,
    /// `đã có thành tích xuất sắc trong …`.
    pub citation: String,
    /// `Theo đề nghị của …` (the last line of the grounds).
    pub proposal: String,
    /// Điều 3, when the data gives it (else the issuing level's default).
    pub executors: Option<String>,
    /// Per recipient kind; `None` computes it from the coefficient and the base salary.
    pub amounts: [(AwardKind, Option<Amount>); 3],
    pub fund_source: Option<String>,
    /// Whether certificates are printed (the form's default, or the clerk's choice).
    pub certificates: bool,
    /// How its recipients receive it at the conference.
    pub handing: Handing,
    /// The first `Số sổ vàng`.
    pub golden_book_start: Option<u64>,
    /// Its row in the `Quyết định` sheet, when it has one.
    pub src: Option<Src>,
}

impl Decision {
    /// The certificate face it prints, if it prints any (a title with no face of its own
    /// prints the title's certificate when the decision asks for one).
    pub fn face_if_printed(&self) -> Option<super::commendation::Face> {
        self.form.face_when_asked().filter(|_| self.certificates)
    }

    /// The amount given for `kind`, if any.
    pub fn amount(&self, kind: AwardKind) -> Option<Amount> {
        self.amounts.iter().find(|(k, _)| *k == kind).and_then(|(_, a)| *a)
    }
}
