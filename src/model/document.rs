//! A document written as text (`van-ban/*.md`): its kind from Decree 30's list, the header
//! fields of its front matter, and its body lines as written.

use std::sync::Arc;

use crate::diag::Loc;
use crate::text::Date;

/// A kind of administrative document (Decree 30, Appendix III, I): its name and the
/// abbreviation of its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocType {
    /// `Kế hoạch`.
    pub name: &'static str,
    /// `KH`; empty for a công văn, whose symbol has no type.
    pub abbr: &'static str,
}

impl DocType {
    /// A công văn (Mẫu 1.5): no type name printed, `V/v` under the number, `Kính gửi`.
    pub fn is_letter(self) -> bool {
        self.abbr.is_empty()
    }

    /// The kind a front matter names, loosely: `Kế hoạch`, `ke hoach`, `KH`, `CV`.
    pub fn parse(s: &str) -> Option<DocType> {
        let key = crate::text::loose_key(s);
        let exact = s.trim();
        DOC_TYPES.iter().copied().find(|t| {
            crate::text::loose_key(t.name) == key
                || (!t.abbr.is_empty() && t.abbr == exact)
                || (t.is_letter() && exact.eq_ignore_ascii_case("cv"))
        })
    }
}

/// The kinds a text document may be (Mẫu 1.4 "văn bản có tên loại", the decision and the
/// công văn).
pub const DOC_TYPES: &[DocType] = &[
    DocType { name: "Kế hoạch", abbr: "KH" },
    DocType { name: "Thông báo", abbr: "TB" },
    DocType { name: "Tờ trình", abbr: "TTr" },
    DocType { name: "Báo cáo", abbr: "BC" },
    DocType { name: "Công văn", abbr: "" },
    DocType { name: "Quyết định", abbr: "QĐ" },
    DocType { name: "Nghị quyết", abbr: "NQ" },
    DocType { name: "Chỉ thị", abbr: "CT" },
    DocType { name: "Hướng dẫn", abbr: "HD" },
    DocType { name: "Chương trình", abbr: "CTr" },
    DocType { name: "Phương án", abbr: "PA" },
    DocType { name: "Đề án", abbr: "ĐA" },
    DocType { name: "Quy chế", abbr: "QC" },
    DocType { name: "Quy định", abbr: "QyĐ" },
    DocType { name: "Thông cáo", abbr: "TC" },
    DocType { name: "Biên bản", abbr: "BB" },
    DocType { name: "Công điện", abbr: "CĐ" },
];

/// The date of a text document: often only the year (or the month) is known before it is
/// signed; the registry writes the rest in by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocDate {
    Full(Date),
    /// `12/2023`: the day blank.
    Month {
        month: u8,
        year: i32,
    },
    /// `2023`: the day and month blank.
    Year(i32),
}

impl DocDate {
    pub fn year(self) -> i32 {
        match self {
            DocDate::Full(d) => d.year,
            DocDate::Month { year, .. } | DocDate::Year(year) => year,
        }
    }
}

/// The signer, as written in the front matter; missing parts come from the workbook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocSigner {
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub authority: Vec<String>,
    /// `PHÓ CHỦ TỊCH`.
    pub title: Option<String>,
    pub name: Option<String>,
}

/// One line of the body as written, with its line number in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyLine {
    pub line: u32,
    pub text: String,
}

/// A text document as its file states it (front matter read, body not yet interpreted).
#[derive(Debug, Clone)]
pub struct TextDocument {
    /// `van-ban/ke-hoach.md`, for messages.
    pub file: Arc<str>,
    /// `ke-hoach`: names the PDF.
    pub stem: String,
    pub kind: DocType,
    /// Empty: the registry writes the number in.
    pub number: Option<String>,
    /// The whole symbol when given (`UBND-NLN`, `KH-SNN`).
    pub code: Option<String>,
    /// The drafting unit a công văn's symbol ends with (`NLN` → `UBND-NLN`).
    pub unit: Option<String>,
    pub date: Option<DocDate>,
    pub place: Option<String>,
    pub issuer: Option<String>,
    pub parent: Option<String>,
    pub subject: Option<String>,
    /// `Kính gửi` addressees.
    pub to: Vec<String>,
    /// `Căn cứ …` lines of the front matter (before any in the body).
    pub grounds: Vec<String>,
    /// The signers, left to right (several: a Biên bản, a joint document).
    pub signers: Vec<DocSigner>,
    /// `Nơi nhận` lines (without `-` and final punctuation).
    pub recipients: Vec<String>,
    pub body: Vec<BodyLine>,
    /// Where the front matter is (its first line), for messages about the whole header.
    pub loc: Loc,
    /// The line where each front-matter key was written (`kind` → 2).
    pub key_lines: Vec<(&'static str, u32)>,
}

impl TextDocument {
    /// Where a front-matter key is written (the front matter's start when it is not).
    pub fn key_loc(&self, key: &str) -> Loc {
        let line = self.key_lines.iter().find(|(k, _)| *k == key).map_or(1, |(_, l)| *l);
        Loc::Yaml { file: self.file.clone(), line, col: 1, path: key.into() }
    }

    /// Where a body line is.
    pub fn line_loc(&self, line: u32) -> Loc {
        Loc::Text { file: self.file.clone(), line, col: 1 }
    }
}
