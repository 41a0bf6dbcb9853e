//! The delegates and their precedence groups.

use serde::Serialize;

use super::located::Src;

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

    /// `Giám đốc Sở Tài chính`: the position and the organisation as one phrase, the
    /// organisation not said twice.
    pub fn position_and_organization(&self) -> String {
        crate::text::position_with_organization(self.position.as_deref(), &self.organization)
    }
}

/// The default precedence groups of product.md, most senior first, with the other names
/// clerks give them and the script's introduction phrase.
pub const DEFAULT_GROUPS: &[(&str, &[&str], &str)] = &[
    ("Trung ương", &["TW", "Đại biểu Trung ương", "Khách Trung ương"], "Về phía Trung ương"),
    (
        "Thường trực Tỉnh ủy",
        &["Tỉnh ủy", "TT Tỉnh ủy", "Lãnh đạo Tỉnh ủy", "Thường trực Tỉnh ủy, Thường vụ Tỉnh ủy"],
        "Về phía Thường trực Tỉnh ủy",
    ),
    (
        "Thường trực HĐND tỉnh",
        &["HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh", "Lãnh đạo HĐND tỉnh", "TT HĐND tỉnh"],
        "Về phía Thường trực Hội đồng nhân dân tỉnh",
    ),
    (
        "Lãnh đạo UBND tỉnh",
        &["UBND tỉnh", "Lãnh đạo Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
        "Về phía lãnh đạo Ủy ban nhân dân tỉnh",
    ),
    (
        "Sở, ban, ngành",
        &["Sở ngành", "Sở, ngành", "Các sở, ban, ngành", "Sở, ban, ngành, đoàn thể", "Ban, ngành"],
        "Về phía các sở, ban, ngành, đoàn thể của tỉnh",
    ),
    (
        "Huyện, thành phố",
        &["Huyện", "Huyện/thành phố", "Cấp huyện", "Các huyện, thành phố"],
        "Về phía các huyện, thành phố",
    ),
    ("Xã, phường, thị trấn", &["Xã", "Cấp xã", "Các xã, phường, thị trấn"], "Về phía các xã, phường, thị trấn"),
    ("Chủ thể OCOP", &["Chủ thể", "Các chủ thể OCOP"], "Về phía các chủ thể OCOP"),
    (
        "Đơn vị tiêu thụ",
        &["Nhà phân phối", "Đơn vị phân phối", "Đơn vị kết nối tiêu thụ"],
        "Về phía các đơn vị kết nối tiêu thụ sản phẩm",
    ),
    ("Doanh nghiệp", &["DN", "Các doanh nghiệp"], "Về phía các doanh nghiệp"),
    ("Báo chí", &["Phóng viên", "Cơ quan báo chí", "Báo, đài", "Các cơ quan báo chí"], "Về phía các cơ quan báo chí"),
];
