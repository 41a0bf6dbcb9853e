//! The validated conference: typed, complete, and consistent. Built only by
//! [`crate::validate`]; every later stage (seating, rendering) reads this and nothing else.
//!
//! Invariants once built: required fields are present and parsed; every delegate's group
//! and every `reserved_for` group exists; delegate ids are unique; references (agenda
//! speakers, award → delegate) point at an existing delegate; stars are 3–5.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::diag::Loc;
use crate::input::Origin;
use crate::text::{Date, Time};

/// Where a record's fields are, for messages from later stages (a seat that does not
/// exist, an MC line that fails).
#[derive(Debug, Clone, PartialEq)]
pub struct Src {
    pub origin: Origin,
    pub cells: BTreeMap<&'static str, Loc>,
}

impl Src {
    pub fn loc(&self, key: &str) -> Loc {
        self.cells.get(key).cloned().unwrap_or_else(|| self.origin.field_loc(key))
    }
}

/// The whole conference.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// `so-ket-ocop-2023`: names the output folder.
    pub id: String,
    /// The input's file name, for messages.
    pub file: Arc<str>,
    pub conference: Conference,
    pub issuer: Issuer,
    pub contact: Contact,
    pub ceremony: Ceremony,
    pub font: FontChoice,
    pub invitation: DocSettings,
    pub decision: DocSettings,
    pub report_doc: DocSettings,
    pub script: DocSettings,
    /// Precedence groups, most senior first.
    pub groups: Vec<Group>,
    pub delegates: Vec<Delegate>,
    pub awards: Vec<Award>,
    pub agenda: Vec<AgendaItem>,
    pub hall: Vec<HallBlock>,
    pub signings: Vec<Signing>,
    pub products: Vec<Product>,
    pub targets: Vec<Target>,
    pub report: Vec<ReportSection>,
    /// Where the hall is described (for seating errors about the whole hall).
    pub hall_loc: Option<Loc>,
    /// The side of honour: where seat 2 is relative to seat 1.
    pub honour_side: HonourSide,
    /// The award decision's own settings and the certificates'.
    pub award_settings: AwardSettings,
    /// The summary report's own settings.
    pub report_settings: ReportSettings,
}

/// Settings of the summary report (`Báo cáo: …`).
#[derive(Debug, Clone, Serialize)]
pub struct ReportSettings {
    /// The order of districts in the tables (default: the 7 units of Tuyên Quang, 2023).
    pub district_order: Vec<String>,
    /// The opening paragraph (minijinja), when not the default.
    pub opening: Option<String>,
    /// Where the opening is written (for its errors).
    pub opening_loc: Loc,
    /// The closing sentence, when not the default.
    pub closing: Option<String>,
}

/// Settings of the award decision (`Quyết định: …`) and its certificates (`Bằng khen: …`).
#[derive(Debug, Clone, Serialize)]
pub struct AwardSettings {
    /// `đã có thành tích xuất sắc trong …` — Điều 1 and the certificates' default achievement.
    pub citation: String,
    /// `Theo đề nghị của Giám đốc Sở Nội vụ …` (the last line of the grounds).
    pub proposal: String,
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG`.
    pub authority_line: String,
    /// Điều 3: who carries the decision out.
    pub executors: String,
    pub amount_collective: Option<u64>,
    pub amount_individual: Option<u64>,
    pub fund_source: Option<String>,
    /// The attached list as a table (STT | Tên | Chức vụ, đơn vị) instead of a numbered list.
    pub table_form: bool,
    /// The first `Số sổ vàng`; certificates are numbered on from it in list order.
    pub golden_book_start: Option<u64>,
    pub certificate: CertificateSettings,
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

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub name: String,
    /// `Về phía Trung ương` (the script's introduction).
    pub intro: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Honorific {
    Ong,
    Ba,
    DongChi,
}

impl Honorific {
    pub fn label(self) -> &'static str {
        match self {
            Honorific::Ong => "Ông",
            Honorific::Ba => "Bà",
            Honorific::DongChi => "Đồng chí",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Role {
    Presidium,
    Chair,
    Opening,
    Report,
    Panel,
    Directive,
    Closing,
    Presenter,
    Mc,
    Secretary,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Presidium,
        Role::Chair,
        Role::Opening,
        Role::Report,
        Role::Panel,
        Role::Directive,
        Role::Closing,
        Role::Presenter,
        Role::Mc,
        Role::Secretary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Presidium => "Đoàn chủ tịch",
            Role::Chair => "Chủ trì",
            Role::Opening => "Phát biểu khai mạc",
            Role::Report => "Báo cáo",
            Role::Panel => "Tham luận",
            Role::Directive => "Phát biểu chỉ đạo",
            Role::Closing => "Bế mạc",
            Role::Presenter => "Trao thưởng",
            Role::Mc => "Dẫn chương trình",
            Role::Secretary => "Thư ký",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Attendance {
    Unknown,
    Attending,
    Absent,
    Substitute,
}

impl Attendance {
    pub fn label(self) -> &'static str {
        match self {
            Attendance::Unknown => "",
            Attendance::Attending => "Tham dự",
            Attendance::Absent => "Vắng",
            Attendance::Substitute => "Cử người thay",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Delegate {
    /// Unique (case-insensitively); derived from name and organisation when not given.
    pub id: String,
    pub honorific: Honorific,
    pub name: String,
    pub position: Option<String>,
    pub organization: String,
    /// Index into [`Dataset::groups`].
    pub group: usize,
    pub rank: Option<u32>,
    pub roles: Vec<Role>,
    pub invited: bool,
    pub attendance: Attendance,
    /// A manual seat code (`A05`, `ĐCT01`), always honoured.
    pub seat: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
    pub src: Src,
}

impl Delegate {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AwardKind {
    Collective,
    Individual,
}

impl AwardKind {
    pub fn label(self) -> &'static str {
        match self {
            AwardKind::Collective => "Tập thể",
            AwardKind::Individual => "Cá nhân",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Award {
    pub kind: AwardKind,
    /// Present for every individual.
    pub honorific: Option<Honorific>,
    pub name: String,
    pub unit: Option<String>,
    pub achievement: Option<String>,
    pub form: String,
    pub proposer: Option<String>,
    /// Index into [`Dataset::delegates`].
    pub delegate: Option<usize>,
    pub src: Src,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AgendaKind {
    DonTiep,
    VanNghe,
    TuyenBoLyDo,
    PhatBieu,
    BaoCao,
    PhongSu,
    ThamLuan,
    KyKet,
    KhenThuong,
    ChiDao,
    BeMac,
    Khac,
}

impl AgendaKind {
    pub const ALL: [AgendaKind; 12] = [
        AgendaKind::DonTiep,
        AgendaKind::VanNghe,
        AgendaKind::TuyenBoLyDo,
        AgendaKind::PhatBieu,
        AgendaKind::BaoCao,
        AgendaKind::PhongSu,
        AgendaKind::ThamLuan,
        AgendaKind::KyKet,
        AgendaKind::KhenThuong,
        AgendaKind::ChiDao,
        AgendaKind::BeMac,
        AgendaKind::Khac,
    ];

    /// The Vietnamese name offered in the `Loại` drop-down (`Tuyên bố lý do`); it slugs
    /// to [`AgendaKind::code`].
    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::DonTiep => "Đón tiếp",
            AgendaKind::VanNghe => "Văn nghệ",
            AgendaKind::TuyenBoLyDo => "Tuyên bố lý do",
            AgendaKind::PhatBieu => "Phát biểu",
            AgendaKind::BaoCao => "Báo cáo",
            AgendaKind::PhongSu => "Phóng sự",
            AgendaKind::ThamLuan => "Tham luận",
            AgendaKind::KyKet => "Ký kết",
            AgendaKind::KhenThuong => "Khen thưởng",
            AgendaKind::ChiDao => "Chỉ đạo",
            AgendaKind::BeMac => "Bế mạc",
            AgendaKind::Khac => "Khác",
        }
    }

    /// The code used in the `Loại` column (`tuyen-bo-ly-do`).
    pub fn code(self) -> &'static str {
        match self {
            AgendaKind::DonTiep => "don-tiep",
            AgendaKind::VanNghe => "van-nghe",
            AgendaKind::TuyenBoLyDo => "tuyen-bo-ly-do",
            AgendaKind::PhatBieu => "phat-bieu",
            AgendaKind::BaoCao => "bao-cao",
            AgendaKind::PhongSu => "phong-su",
            AgendaKind::ThamLuan => "tham-luan",
            AgendaKind::KyKet => "ky-ket",
            AgendaKind::KhenThuong => "khen-thuong",
            AgendaKind::ChiDao => "chi-dao",
            AgendaKind::BeMac => "be-mac",
            AgendaKind::Khac => "khac",
        }
    }
}

/// Who performs an agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Performer {
    /// Index into [`Dataset::delegates`].
    Delegate(usize),
    /// `MC`, `Ban tổ chức`, …
    Text(String),
}

#[derive(Debug, Clone)]
pub struct AgendaItem {
    pub time: Option<Time>,
    pub minutes: u32,
    pub title: String,
    pub by: Option<Performer>,
    pub kind: AgendaKind,
    pub mc: Option<String>,
    pub note: Option<String>,
    pub src: Src,
}

#[derive(Debug, Clone)]
pub struct HallBlock {
    pub block: String,
    pub row: String,
    pub seats: u32,
    /// Indices into [`Dataset::groups`].
    pub reserved_for: Vec<usize>,
    pub src: Src,
}

#[derive(Debug, Clone)]
pub struct Signing {
    pub party_a: String,
    pub party_b: String,
    pub subject: Option<String>,
    pub src: Src,
}

/// The six product groups of Decision 919/QĐ-TTg and 148/QĐ-TTg, in their order.
pub const PRODUCT_GROUPS: [&str; 6] = [
    "Thực phẩm",
    "Đồ uống",
    "Dược liệu và sản phẩm từ dược liệu",
    "Hàng thủ công mỹ nghệ",
    "Sinh vật cảnh",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
];

#[derive(Debug, Clone)]
pub struct Product {
    pub name: String,
    pub producer: String,
    pub producer_kind: Option<String>,
    pub address: Option<String>,
    pub district: String,
    /// Index into [`PRODUCT_GROUPS`].
    pub group: usize,
    pub stars: u8,
    pub year: i32,
    pub decision: Option<String>,
    pub src: Src,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    pub year: Option<i32>,
    pub planned: f64,
    /// Given by the clerk; otherwise computed from the products.
    pub achieved: Option<f64>,
    pub src: Src,
}

#[derive(Debug, Clone)]
pub struct ReportSection {
    pub heading: String,
    pub body: String,
    pub src: Src,
}
