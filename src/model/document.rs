//! A document written as text (`van-ban/*.md`): its kind from Decree 30's list, the header
//! fields of its front matter, and its body lines as written.

use std::sync::Arc;

use crate::diag::Loc;
use crate::text::Date;

/// A kind of administrative document (Decree 30, Article 7) and what its form in Appendix III
/// asks for: the name, the abbreviation of its symbol (Appendix III, I), the form it is laid
/// out by and which parts of the header that form has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocType {
    /// `Kế hoạch`.
    pub name: &'static str,
    /// `KH`; empty for a công văn, whose symbol has no type, and a thư công, which has none.
    pub abbr: &'static str,
    /// The form of Appendix III II (`1.4`, `1.7`); empty when the Appendix has none (a Hợp
    /// đồng, a Bản ghi nhớ, a Thư công: laid out like Mẫu 1.4).
    pub form: &'static str,
    /// The type name printed in ô 5a (`GIẤY MỜI`); empty for a công văn, which prints none.
    pub title: &'static str,
    /// Whether the form has a trích yếu (ô 5a under the title; a công văn's `V/v`, ô 5b):
    /// not a Giấy giới thiệu (Mẫu 1.8) or a Giấy nghỉ phép (Mẫu 1.10).
    pub subject: bool,
    /// Whether the form has ô 3, the number and symbol: not a Thư công.
    pub numbered: bool,
    /// Whether the form has ô 4, the place and date: not a Biên bản (Mẫu 1.9).
    pub dated: bool,
    /// A công văn (Mẫu 1.5): no type name, `V/v` under the number, `Kính gửi`.
    pub letter: bool,
}

/// A kind laid out with its type name and trích yếu (Mẫu 1.4 and its like).
const fn named(name: &'static str, abbr: &'static str, form: &'static str, title: &'static str) -> DocType {
    DocType { name, abbr, form, title, subject: true, numbered: true, dated: true, letter: false }
}

impl DocType {
    /// A công văn (Mẫu 1.5): no type name printed, `V/v` under the number, `Kính gửi`.
    pub fn is_letter(self) -> bool {
        self.letter
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

/// The kinds a text document may be: every kind of Decree 30, Article 7, with the
/// abbreviation of Appendix III, I and the form of Appendix III, II. (The first ones are
/// in the order the error message lists them.)
pub const DOC_TYPES: &[DocType] = &[
    named("Kế hoạch", "KH", "1.4", "KẾ HOẠCH"),
    named("Thông báo", "TB", "1.4", "THÔNG BÁO"),
    named("Tờ trình", "TTr", "1.4", "TỜ TRÌNH"),
    named("Báo cáo", "BC", "1.4", "BÁO CÁO"),
    DocType { letter: true, ..named("Công văn", "", "1.5", "") },
    named("Quyết định", "QĐ", "1.2", "QUYẾT ĐỊNH"),
    named("Nghị quyết", "NQ", "1.1", "NGHỊ QUYẾT"),
    named("Chỉ thị", "CT", "1.4", "CHỈ THỊ"),
    named("Hướng dẫn", "HD", "1.4", "HƯỚNG DẪN"),
    named("Chương trình", "CTr", "1.4", "CHƯƠNG TRÌNH"),
    named("Phương án", "PA", "1.4", "PHƯƠNG ÁN"),
    named("Đề án", "ĐA", "1.4", "ĐỀ ÁN"),
    named("Quy chế", "QC", "1.4", "QUY CHẾ"),
    named("Quy định", "QyĐ", "1.4", "QUY ĐỊNH"),
    named("Thông cáo", "TC", "1.4", "THÔNG CÁO"),
    // Mẫu 1.9: no place and date in the header (the meeting's time is in the body).
    DocType { dated: false, ..named("Biên bản", "BB", "1.9", "BIÊN BẢN") },
    named("Công điện", "CĐ", "1.6", "CÔNG ĐIỆN"),
    named("Giấy mời", "GM", "1.7", "GIẤY MỜI"),
    // Mẫu 1.8 and 1.10: the type name alone, its rule under it.
    DocType { subject: false, ..named("Giấy giới thiệu", "GGT", "1.8", "GIẤY GIỚI THIỆU") },
    DocType { subject: false, ..named("Giấy nghỉ phép", "GNP", "1.10", "GIẤY NGHỈ PHÉP") },
    named("Giấy ủy quyền", "GUQ", "1.4", "GIẤY ỦY QUYỀN"),
    named("Dự án", "DA", "1.4", "DỰ ÁN"),
    named("Phiếu gửi", "PG", "1.4", "PHIẾU GỬI"),
    named("Phiếu chuyển", "PC", "1.4", "PHIẾU CHUYỂN"),
    named("Phiếu báo", "PB", "1.4", "PHIẾU BÁO"),
    named("Hợp đồng", "HĐ", "", "HỢP ĐỒNG"),
    named("Bản ghi nhớ", "BGN", "", "BẢN GHI NHỚ"),
    named("Bản thỏa thuận", "BTT", "", "BẢN THỎA THUẬN"),
    // No abbreviation in Appendix III and no number: a letter of greeting, thanks or
    // sympathy, with its place and date.
    DocType { numbered: false, ..named("Thư công", "", "", "THƯ") },
];

/// Ô 10b: how fast a document must travel (Appendix I, III.2.b), a stamp in a single
/// frame of 30, 40 or 20 × 8 mm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    HoaToc,
    ThuongKhan,
    Khan,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::HoaToc, Urgency::ThuongKhan, Urgency::Khan];

    /// As printed: `HỎA TỐC`.
    pub fn text(self) -> &'static str {
        match self {
            Urgency::HoaToc => "HỎA TỐC",
            Urgency::ThuongKhan => "THƯỢNG KHẨN",
            Urgency::Khan => "KHẨN",
        }
    }

    /// As a clerk writes it: `Hỏa tốc`.
    pub fn name(self) -> &'static str {
        match self {
            Urgency::HoaToc => "Hỏa tốc",
            Urgency::ThuongKhan => "Thượng khẩn",
            Urgency::Khan => "Khẩn",
        }
    }

    /// The frame's width in mm (its height is 8).
    pub fn width_mm(self) -> f64 {
        match self {
            Urgency::HoaToc => 30.0,
            Urgency::ThuongKhan => 40.0,
            Urgency::Khan => 20.0,
        }
    }
}

/// Ô 10a: a state secret's degree (Law on the Protection of State Secrets 2018, Article 8),
/// a stamp in a double frame of 40, 30 or 20 × 8 mm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secrecy {
    Mat,
    ToiMat,
    TuyetMat,
}

impl Secrecy {
    pub const ALL: [Secrecy; 3] = [Secrecy::Mat, Secrecy::ToiMat, Secrecy::TuyetMat];

    pub fn text(self) -> &'static str {
        match self {
            Secrecy::Mat => "MẬT",
            Secrecy::ToiMat => "TỐI MẬT",
            Secrecy::TuyetMat => "TUYỆT MẬT",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Secrecy::Mat => "Mật",
            Secrecy::ToiMat => "Tối mật",
            Secrecy::TuyetMat => "Tuyệt mật",
        }
    }

    pub fn width_mm(self) -> f64 {
        match self {
            Secrecy::Mat => 20.0,
            Secrecy::ToiMat => 30.0,
            Secrecy::TuyetMat => 40.0,
        }
    }
}

/// Ô 13: the issuing body's address, telephone, fax, e-mail and website, on page 1 under a
/// full-width rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocContact {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

impl DocContact {
    pub fn is_empty(&self) -> bool {
        self == &DocContact::default()
    }
}

/// The marks of Decree 30, Appendix I, III a document may carry besides its main parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMarks {
    /// Ô 10a.
    pub secrecy: Option<Secrecy>,
    /// Ô 10b.
    pub urgency: Option<Urgency>,
    /// `DỰ THẢO`, `DỰ THẢO LẦN 2`: a draft, framed under the number.
    pub draft: Option<String>,
    /// Ô 12: the drafter's initials (`PL`) and the number of copies issued (`300`).
    pub drafter: Option<String>,
    pub copies: Option<u32>,
    /// Ô 13.
    pub contact: DocContact,
}

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
    /// The marks of Appendix I (urgency, secrecy, draft, copies, address).
    pub marks: DocMarks,
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
