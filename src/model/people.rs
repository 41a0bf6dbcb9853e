//! The delegates and their precedence groups.

use serde::Serialize;

use super::located::Src;

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub name: String,
    /// `Về phía Trung ương` (the script's introduction).
    pub intro: Option<String>,
    /// `các đồng chí lãnh đạo tỉnh`: how the MC greets the group when someone of it comes
    /// (none: the group is greeted with the other delegates).
    pub greeting: Option<String>,
    /// Whether its people belong to the host body (`Chủ nhà: Có`): seated, greeted and
    /// introduced as hosts, after the guests, and never sent a Giấy mời by their own body.
    pub host: bool,
    /// How the script introduces the group (`Giới thiệu`).
    pub introduce: Introduce,
}

impl Group {
    /// A group of the data without a line of its own: introduced as `Về phía <name>`,
    /// greeted as `các đồng chí <name>` when its name says it is a leadership.
    pub fn named(name: String) -> Group {
        let greeting = leadership_greeting(&name);
        Group { name, intro: None, greeting, host: false, introduce: Introduce::Default }
    }
}

/// How the script introduces a group's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Introduce {
    /// Small groups by name, large ones summarised (the default).
    Default,
    /// Everyone by name (`tất cả`).
    All,
    /// The first N in protocol order by name, then the others summarised (`3`).
    First(u32),
    /// No one by name: `đại diện lãnh đạo …` / the group as a whole (`không`).
    None,
}

/// `Lãnh đạo xã` → `các đồng chí lãnh đạo xã`, `Thường trực Đảng ủy xã` → `các đồng chí
/// Thường trực Đảng ủy xã`; other groups (offices, guests) have no greeting of their own.
pub fn leadership_greeting(name: &str) -> Option<String> {
    let k = crate::text::loose_key(name);
    if k.starts_with("lanhdao") {
        Some(format!("các đồng chí {}", crate::text::lowercase_first(name)))
    } else if ["thuongtruc", "banthuongvu", "thuongvu", "banchaphanh"].iter().any(|p| k.starts_with(p)) {
        Some(format!("các đồng chí {name}"))
    } else {
        None
    }
}

/// Is a group one of officials (addressed `đồng chí` in the script)? The default groups of
/// leaders, and any whose name says leadership or a Party, People's Council or Committee body.
pub fn official_group(name: &str) -> bool {
    let k = crate::text::loose_key(name);
    DEFAULT_GROUPS[..7]
        .iter()
        .any(|g| crate::text::loose_key(g.name) == k || g.aliases.iter().any(|a| crate::text::loose_key(a) == k))
        || [
            "lanhdao",
            "thuongtruc",
            "banthuongvu",
            "thuongvu",
            "danguy",
            "hdnd",
            "hoidongnhandan",
            "ubnd",
            "uybannhandan",
        ]
        .iter()
        .any(|p| k.starts_with(p))
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
    /// Attends to direct the conference without a speech of their own (`Dự và chỉ đạo`): the
    /// most senior leader present, at the presidium's centre.
    Guest,
}

impl Role {
    pub const ALL: [Role; 11] = [
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
        Role::Guest,
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
            Role::Guest => "Dự và chỉ đạo",
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
    /// Whether this body sends them a Giấy mời (`Mời`; empty: yes, but not to its own
    /// people — the host's).
    pub invited: bool,
    /// Whether they said they come (`Xác nhận`).
    pub attendance: Attendance,
    /// Of the host body (their group's `Chủ nhà`).
    pub host: bool,
    /// The online bridge point where they attend (`Điểm cầu`), an index into
    /// [`super::Dataset::bridges`]; `None`: the main room.
    pub bridge: Option<usize>,
    /// Their academic title (`GS.TS.`, `PGS.TS.`, `TS.`, `ThS.`), printed before the name
    /// where documents print it, never in file names.
    pub academic: Option<String>,
    /// Their place in the presidium when the clerk fixes it (`Thứ tự Đoàn chủ tịch`: 1 is
    /// the centre, then right and left alternately).
    pub presidium_order: Option<u32>,
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

    /// Whether they take part, in the room or at a bridge point: not marked absent, and
    /// invited, of the host, said to come, or given a seat or a bridge point. (`Mời = Không`
    /// with nothing else, as older workbooks wrote someone no longer expected: not there.)
    pub fn attends(&self) -> bool {
        self.attendance != Attendance::Absent
            && (self.invited
                || self.host
                || matches!(self.attendance, Attendance::Attending | Attendance::Substitute)
                || self.seat.is_some()
                || self.bridge.is_some())
    }

    /// Whether they take part in the main room (and so need a seat there).
    pub fn in_hall(&self) -> bool {
        self.attends() && self.bridge.is_none()
    }

    /// A delegate for unit tests: `Nguyễn Văn An`, an `Ông`, invited, of group 0.
    #[cfg(test)]
    pub(crate) fn example(position: Option<&str>, organization: &str) -> Delegate {
        Delegate {
            id: "D1".into(),
            honorific: Honorific::Ong,
            name: "Nguyễn Văn An".into(),
            position: position.filter(|p| !p.is_empty()).map(str::to_string),
            organization: organization.into(),
            group: 0,
            rank: None,
            roles: Vec::new(),
            invited: true,
            attendance: Attendance::Attending,
            seat: None,
            phone: None,
            email: None,
            address: None,
            note: None,
            host: false,
            bridge: None,
            academic: None,
            presidium_order: None,
            src: Src {
                origin: crate::diag::Origin::Yaml { file: "t".into(), line: 1, col: 1, path: "p".into() },
                cells: Default::default(),
            },
        }
    }

    /// `PGS.TS. Lê Quang Minh`: the name with the academic title before it.
    pub fn titled_name(&self) -> String {
        match &self.academic {
            Some(t) => format!("{t} {}", self.name),
            None => self.name.clone(),
        }
    }

    /// `Giám đốc Sở Tài chính`: the position and the organisation as one phrase, the
    /// organisation not said twice.
    pub fn position_and_organization(&self) -> String {
        crate::text::position_with_organization(self.position.as_deref(), &self.organization)
    }
}

/// An online bridge point (`Điểm cầu`) of a conference held in person and online.
#[derive(Debug, Clone)]
pub struct Bridge {
    /// `Điểm cầu tỉnh Phú Thọ`.
    pub name: String,
    /// `Hội trường UBND tỉnh Phú Thọ, số 1 …`.
    pub place: Option<String>,
    /// Who chairs it (`Đồng chí …, Chủ tịch UBND tỉnh`).
    pub chair: Option<String>,
    /// Who to call for the connection, and their phone.
    pub contact: Option<String>,
    pub phone: Option<String>,
    /// How many are expected there (the delegates listed there are counted too).
    pub expected: Option<u32>,
    pub src: Src,
}

/// A default precedence group (product.md): its name, the other names clerks give it, the
/// script's introduction phrase and greeting.
pub struct DefaultGroup {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub intro: &'static str,
    pub greeting: Option<&'static str>,
}

/// The default precedence groups, most senior first (used when the data has no `Nhóm`
/// sheet; groups the data names besides them follow, in the order they appear).
pub const DEFAULT_GROUPS: &[DefaultGroup] = &[
    DefaultGroup {
        name: "Trung ương",
        aliases: &["TW", "Đại biểu Trung ương", "Khách Trung ương"],
        intro: "Về phía Trung ương",
        greeting: Some("các đồng chí đại biểu Trung ương"),
    },
    DefaultGroup {
        name: "Thường trực Tỉnh ủy",
        aliases: &["Tỉnh ủy", "TT Tỉnh ủy", "Lãnh đạo Tỉnh ủy", "Thường trực Tỉnh ủy, Thường vụ Tỉnh ủy"],
        intro: "Về phía Thường trực Tỉnh ủy",
        greeting: Some("các đồng chí lãnh đạo tỉnh"),
    },
    DefaultGroup {
        name: "Thường trực HĐND tỉnh",
        aliases: &["HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh", "Lãnh đạo HĐND tỉnh", "TT HĐND tỉnh"],
        intro: "Về phía Thường trực Hội đồng nhân dân tỉnh",
        greeting: Some("các đồng chí lãnh đạo tỉnh"),
    },
    DefaultGroup {
        name: "Lãnh đạo UBND tỉnh",
        aliases: &["UBND tỉnh", "Lãnh đạo Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
        intro: "Về phía lãnh đạo Ủy ban nhân dân tỉnh",
        greeting: Some("các đồng chí lãnh đạo tỉnh"),
    },
    DefaultGroup {
        name: "Sở, ban, ngành",
        aliases: &["Sở ngành", "Sở, ngành", "Các sở, ban, ngành", "Sở, ban, ngành, đoàn thể", "Ban, ngành"],
        intro: "Về phía các sở, ban, ngành, đoàn thể của tỉnh",
        greeting: None,
    },
    DefaultGroup {
        name: "Huyện, thành phố",
        aliases: &["Huyện", "Huyện/thành phố", "Cấp huyện", "Các huyện, thành phố"],
        intro: "Về phía các huyện, thành phố",
        greeting: None,
    },
    DefaultGroup {
        name: "Xã, phường, thị trấn",
        aliases: &["Xã", "Cấp xã", "Các xã, phường, thị trấn"],
        intro: "Về phía các xã, phường, thị trấn",
        greeting: None,
    },
    DefaultGroup {
        name: "Chủ thể OCOP",
        aliases: &["Chủ thể", "Các chủ thể OCOP"],
        intro: "Về phía các chủ thể OCOP",
        greeting: None,
    },
    DefaultGroup {
        name: "Đơn vị tiêu thụ",
        aliases: &["Nhà phân phối", "Đơn vị phân phối", "Đơn vị kết nối tiêu thụ"],
        intro: "Về phía các đơn vị kết nối tiêu thụ sản phẩm",
        greeting: None,
    },
    DefaultGroup {
        name: "Doanh nghiệp",
        aliases: &["DN", "Các doanh nghiệp"],
        intro: "Về phía các doanh nghiệp",
        greeting: None,
    },
    DefaultGroup {
        name: "Báo chí",
        aliases: &["Phóng viên", "Cơ quan báo chí", "Báo, đài", "Các cơ quan báo chí"],
        intro: "Về phía các cơ quan báo chí",
        greeting: None,
    },
];
