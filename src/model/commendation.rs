//! What a commendation is (awards.md §1): the forms (`Bằng khen`, `Giấy khen`) and the
//! emulation titles (`Chiến sĩ thi đua cơ sở`, `Lao động tiên tiến`, …), who may hold
//! each, which authority may confer it on which date, the verb of its decision and the
//! face of its certificate; and the authority itself (the head of the issuing body).
//!
//! Dates matter: from 01/07/2025 district-level bodies no longer exist and the commune
//! Chairman took over the district Chairman's titles (Decree 129/2025, art. 59).

use serde::Serialize;

use crate::text::{Date, loose_key};

/// The day the two-tier local government began (district level abolished).
pub const TWO_TIER_REFORM: Date = Date { year: 2025, month: 7, day: 1 };

/// A form of commendation or an emulation title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AwardType {
    BangKhen,
    GiayKhen,
    ChienSiThiDuaCapTinh,
    ChienSiThiDuaCoSo,
    LaoDongTienTien,
    TapTheLaoDongXuatSac,
    TapTheLaoDongTienTien,
    CoThiDua,
    ThonVanHoa,
    GiaDinhVanHoa,
    XaTieuBieu,
}

/// Whether it is a form (`hình thức`, given with "tặng") or a title (`danh hiệu`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Category {
    Form,
    Title,
}

/// The paper that goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Face {
    /// `BẰNG KHEN` (A3 landscape by default).
    BangKhen,
    /// `GIẤY KHEN` (A4 landscape, NĐ 98/2023 art. 104).
    GiayKhen,
    /// The certificate of a title: `TẶNG DANH HIỆU` + the title (A4 landscape).
    ChungNhan,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::BangKhen, Face::GiayKhen, Face::ChungNhan];

    /// The template (and its positions file `<stem>-vi-tri.yaml`).
    pub fn template_stem(self) -> &'static str {
        match self {
            Face::BangKhen => "bang-khen",
            Face::GiayKhen => "giay-khen",
            Face::ChungNhan => "giay-chung-nhan",
        }
    }

    /// The settings' label prefix (`Giấy khen: Khổ giấy`) and YAML key (`certificates.giay_khen`).
    pub fn label(self) -> &'static str {
        match self {
            Face::BangKhen => "Bằng khen",
            Face::GiayKhen => "Giấy khen",
            Face::ChungNhan => "Giấy chứng nhận",
        }
    }

    /// The default paper size, mm (width, height), landscape.
    pub fn default_size(self) -> (f64, f64) {
        match self {
            Face::BangKhen => (420.0, 297.0),
            Face::GiayKhen | Face::ChungNhan => (297.0, 210.0),
        }
    }
}

/// The kind of body that issues the decisions (awards.md §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Level {
    /// A provincial People's Committee (or a centrally-run city's).
    Province,
    /// A department (Sở) of a provincial People's Committee.
    Department,
    /// A district-level People's Committee (until 30/06/2025).
    District,
    /// A commune, ward or special zone People's Committee.
    Commune,
    /// Another agency or unit with its own head.
    Agency,
}

impl Level {
    /// `cấp tỉnh`, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "cấp tỉnh",
            Level::Department => "sở, ban, ngành",
            Level::District => "cấp huyện",
            Level::Commune => "cấp xã",
            Level::Agency => "cơ quan, đơn vị",
        }
    }

    /// The level an issuing body's name says (`ỦY BAN NHÂN DÂN XÃ IA SAO` → commune).
    /// `has_parent`: a superior body is named (a `THÀNH PHỐ` under a province is a
    /// district-level city).
    pub fn of_body(name: &str, has_parent: bool) -> Level {
        let k = loose_key(name);
        if let Some(rest) = k.strip_prefix("uybannhandan") {
            return if rest.starts_with("tinh") {
                Level::Province
            } else if rest.starts_with("thanhpho") {
                if has_parent { Level::District } else { Level::Province }
            } else if ["xa", "phuong", "dackhu", "thitran"].iter().any(|p| rest.starts_with(p)) {
                Level::Commune
            } else if ["huyen", "quan", "thixa"].iter().any(|p| rest.starts_with(p)) {
                Level::District
            } else {
                Level::Agency
            };
        }
        if k.starts_with("so") && name.trim_start().to_uppercase().starts_with("SỞ ") {
            return Level::Department;
        }
        Level::Agency
    }

    /// The head's and the deputy's titles (`Chủ tịch`, `Phó Chủ tịch`).
    pub fn default_head(self) -> (&'static str, &'static str) {
        match self {
            Level::Province | Level::District | Level::Commune => ("Chủ tịch", "Phó Chủ tịch"),
            Level::Department => ("Giám đốc", "Phó Giám đốc"),
            Level::Agency => ("Thủ trưởng", "Phó Thủ trưởng"),
        }
    }
}

/// Which authority confers: the issuing body's head, or the head of the body above it (a
/// department's conference announcing the provincial Chairman's Bằng khen or
/// `Tập thể lao động xuất sắc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Conferrer {
    Own,
    Superior,
}

/// Who confers: the head of the issuing body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Authority {
    pub level: Level,
    /// `Chủ tịch`, `Giám đốc`.
    pub head: String,
    /// `Phó Chủ tịch`, `Phó Giám đốc`.
    pub deputy: String,
    /// The body inside a sentence: `Ủy ban nhân dân tỉnh Tuyên Quang`, `Sở Nội vụ`.
    pub body: String,
    /// The place at the end of the body's name (`Tuyên Quang`), left out where the body is
    /// named short (`của Chủ tịch Ủy ban nhân dân tỉnh`).
    pub place: String,
}

impl Authority {
    /// The head of the body above `issuer` (`UBND TỈNH GIA LAI` above a department), as
    /// `Cơ quan chủ quản` names it: a People's Committee, its head the Chairman.
    pub fn superior(parent: &str, place: &str) -> Authority {
        let upper = parent.trim().to_uppercase();
        let expanded = match upper.strip_prefix("UBND ") {
            Some(rest) => format!("ỦY BAN NHÂN DÂN {rest}"),
            None => upper,
        };
        let level = Level::of_body(&expanded, false);
        let level = if level == Level::Agency || level == Level::Department { Level::Province } else { level };
        Authority {
            level,
            head: "Chủ tịch".into(),
            deputy: "Phó Chủ tịch".into(),
            body: crate::text::sentence_case_body(&expanded),
            place: place.to_string(),
        }
    }

    /// The body as its header prints it: `ỦY BAN NHÂN DÂN TỈNH GIA LAI`.
    pub fn body_upper(&self) -> String {
        self.body.to_uppercase()
    }

    /// `Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang`, `Giám đốc Sở Nội vụ`.
    pub fn full(&self) -> String {
        format!("{} {}", self.head, self.body)
    }

    /// `Chủ tịch Ủy ban nhân dân tỉnh` (the place left out), `Giám đốc Sở Nội vụ`.
    pub fn short(&self) -> String {
        let full = self.full();
        match full.strip_suffix(&format!(" {}", self.place)) {
            Some(s) if !self.place.is_empty() => s.to_string(),
            _ => full,
        }
    }

    /// The administrative unit's noun of a People's Committee (`tỉnh`, `thành phố`, `xã`,
    /// `phường`, `đặc khu`, `huyện`, …), as in `Văn phòng Ủy ban nhân dân xã`.
    pub fn unit_noun(&self) -> &'static str {
        let rest = loose_key(&self.body);
        let rest = rest.strip_prefix("uybannhandan").unwrap_or(&rest);
        [
            ("thanhpho", "thành phố"),
            ("tinh", "tỉnh"),
            ("phuong", "phường"),
            ("dackhu", "đặc khu"),
            ("thitran", "thị trấn"),
            ("thixa", "thị xã"),
            ("xa", "xã"),
            ("huyen", "huyện"),
            ("quan", "quận"),
        ]
        .iter()
        .find(|(k, _)| rest.starts_with(k))
        .map_or(if self.level == Level::Province { "tỉnh" } else { "xã" }, |(_, n)| n)
    }

    /// The authority line of the decision and the certificate:
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG`, `GIÁM ĐỐC SỞ NỘI VỤ`.
    pub fn line(&self) -> String {
        self.full().to_uppercase()
    }
}

/// Who may hold a commendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holders {
    Individuals,
    Collectives,
    Households,
    /// Individuals, collectives and households.
    Anyone,
}

impl Holders {
    pub fn admits(self, kind: AwardKind) -> bool {
        matches!(
            (self, kind),
            (Holders::Anyone, _)
                | (Holders::Individuals, AwardKind::Individual)
                | (Holders::Collectives, AwardKind::Collective)
                | (Holders::Households, AwardKind::Household)
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            Holders::Individuals => "cá nhân",
            Holders::Collectives => "tập thể",
            Holders::Households => "hộ gia đình",
            Holders::Anyone => "cá nhân, tập thể, hộ gia đình",
        }
    }
}

impl AwardType {
    pub const ALL: [AwardType; 11] = [
        AwardType::BangKhen,
        AwardType::GiayKhen,
        AwardType::ChienSiThiDuaCapTinh,
        AwardType::ChienSiThiDuaCoSo,
        AwardType::LaoDongTienTien,
        AwardType::TapTheLaoDongXuatSac,
        AwardType::TapTheLaoDongTienTien,
        AwardType::CoThiDua,
        AwardType::ThonVanHoa,
        AwardType::GiaDinhVanHoa,
        AwardType::XaTieuBieu,
    ];

    /// The name as printed (`Giấy khen`, `Chiến sĩ thi đua cơ sở`).
    pub fn name(self) -> &'static str {
        match self {
            AwardType::BangKhen => "Bằng khen",
            AwardType::GiayKhen => "Giấy khen",
            AwardType::ChienSiThiDuaCapTinh => "Chiến sĩ thi đua cấp tỉnh",
            AwardType::ChienSiThiDuaCoSo => "Chiến sĩ thi đua cơ sở",
            AwardType::LaoDongTienTien => "Lao động tiên tiến",
            AwardType::TapTheLaoDongXuatSac => "Tập thể lao động xuất sắc",
            AwardType::TapTheLaoDongTienTien => "Tập thể lao động tiên tiến",
            AwardType::CoThiDua => "Cờ thi đua",
            AwardType::ThonVanHoa => "Thôn, tổ dân phố văn hóa",
            AwardType::GiaDinhVanHoa => "Gia đình văn hóa",
            AwardType::XaTieuBieu => "Xã, phường, đặc khu tiêu biểu",
        }
    }

    /// Other names clerks write (abbreviations, `sỹ`, `danh hiệu …`, `… của Chủ tịch …`).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            AwardType::BangKhen => {
                &["BK", "Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]
            }
            AwardType::GiayKhen => &["GK"],
            AwardType::ChienSiThiDuaCapTinh => {
                &["CSTĐ cấp tỉnh", "Chiến sỹ thi đua cấp tỉnh", "Chiến sĩ thi đua tỉnh", "Chiến sỹ thi đua tỉnh"]
            }
            AwardType::ChienSiThiDuaCoSo => &["CSTĐCS", "CSTĐ cơ sở", "Chiến sỹ thi đua cơ sở"],
            AwardType::LaoDongTienTien => &["LĐTT"],
            AwardType::TapTheLaoDongXuatSac => &["TTLĐXS", "Tập thể LĐXS"],
            AwardType::TapTheLaoDongTienTien => &["TTLĐTT", "Tập thể LĐTT"],
            AwardType::CoThiDua => {
                &["Cờ thi đua của UBND tỉnh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua cấp tỉnh"]
            }
            AwardType::ThonVanHoa => &["Thôn văn hóa", "Tổ dân phố văn hóa", "Thôn, tổ dân phố văn hoá"],
            AwardType::GiaDinhVanHoa => &["Gia đình văn hoá"],
            AwardType::XaTieuBieu => &["Xã tiêu biểu", "Phường tiêu biểu", "Xã, phường, thị trấn tiêu biểu"],
        }
    }

    /// The commendation a cell names, loosely (`giấy khen`, `GK`, `Danh hiệu "Lao động
    /// tiên tiến"`, `Chiến sỹ thi đua cơ sở`).
    pub fn parse(text: &str) -> Option<AwardType> {
        let mut k = loose_key(&text.replace(['"', '“', '”', '\''], ""));
        for prefix in ["danhhieu", "hinhthuc"] {
            if let Some(rest) = k.strip_prefix(prefix)
                && !rest.is_empty()
            {
                k = rest.to_string();
            }
        }
        let matches =
            |t: AwardType| std::iter::once(t.name()).chain(t.aliases().iter().copied()).any(|n| loose_key(n) == k);
        AwardType::ALL.into_iter().find(|&t| matches(t))
    }

    /// `Bằng khen, Giấy khen, …`: the list a message offers.
    pub fn names() -> String {
        AwardType::ALL.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
    }

    pub fn category(self) -> Category {
        match self {
            AwardType::BangKhen | AwardType::GiayKhen => Category::Form,
            _ => Category::Title,
        }
    }

    pub fn holders(self) -> Holders {
        match self {
            AwardType::BangKhen | AwardType::GiayKhen => Holders::Anyone,
            AwardType::ChienSiThiDuaCapTinh | AwardType::ChienSiThiDuaCoSo | AwardType::LaoDongTienTien => {
                Holders::Individuals
            }
            AwardType::TapTheLaoDongXuatSac
            | AwardType::TapTheLaoDongTienTien
            | AwardType::CoThiDua
            | AwardType::ThonVanHoa
            | AwardType::XaTieuBieu => Holders::Collectives,
            AwardType::GiaDinhVanHoa => Holders::Households,
        }
    }

    /// The certificate that goes with it by default (`None`: money or a flag only, a list
    /// and no paper — awards.md §4.4).
    pub fn face(self) -> Option<Face> {
        match self {
            AwardType::BangKhen => Some(Face::BangKhen),
            AwardType::GiayKhen => Some(Face::GiayKhen),
            AwardType::ChienSiThiDuaCapTinh
            | AwardType::ChienSiThiDuaCoSo
            | AwardType::TapTheLaoDongXuatSac
            | AwardType::ThonVanHoa
            | AwardType::GiaDinhVanHoa
            | AwardType::XaTieuBieu => Some(Face::ChungNhan),
            AwardType::LaoDongTienTien | AwardType::TapTheLaoDongTienTien | AwardType::CoThiDua => None,
        }
    }

    /// Whether an authority of `level` may confer it on `date` (Luật 06/2022 art. 80; NĐ
    /// 91/2017 art. 43 before 2024; NĐ 129/2025 art. 59 from 01/07/2025).
    pub fn allowed(self, level: Level, date: Date) -> bool {
        use AwardType::*;
        let reformed = date >= TWO_TIER_REFORM;
        match level {
            Level::Province => {
                matches!(self, BangKhen | ChienSiThiDuaCapTinh | TapTheLaoDongXuatSac | CoThiDua | XaTieuBieu)
            }
            Level::Department | Level::Agency => {
                matches!(self, GiayKhen | ChienSiThiDuaCoSo | LaoDongTienTien | TapTheLaoDongTienTien)
            }
            Level::District => {
                !reformed
                    && matches!(
                        self,
                        GiayKhen | ChienSiThiDuaCoSo | LaoDongTienTien | TapTheLaoDongTienTien | ThonVanHoa
                    )
            }
            Level::Commune if reformed => matches!(
                self,
                GiayKhen | ChienSiThiDuaCoSo | LaoDongTienTien | TapTheLaoDongTienTien | ThonVanHoa | GiaDinhVanHoa
            ),
            Level::Commune => matches!(self, GiayKhen | LaoDongTienTien | GiaDinhVanHoa),
        }
    }

    /// The ones an authority of `level` may confer on `date`, for a message.
    pub fn allowed_names(level: Level, date: Date) -> String {
        AwardType::ALL.iter().filter(|t| t.allowed(level, date)).map(|t| t.name()).collect::<Vec<_>>().join(", ")
    }

    /// How it is named after a verb: `Giấy khen`, `danh hiệu “Lao động tiên tiến”`.
    pub fn phrase(self) -> String {
        match self.category() {
            Category::Form => self.name().to_string(),
            Category::Title => format!("danh hiệu “{}”", self.name()),
        }
    }

    /// The key of its money coefficients in `khen-thuong/tien-thuong.yaml`.
    pub fn money_key(self) -> &'static str {
        match self {
            AwardType::BangKhen => "bang_khen",
            AwardType::GiayKhen => "giay_khen",
            AwardType::ChienSiThiDuaCapTinh => "chien_si_thi_dua_cap_tinh",
            AwardType::ChienSiThiDuaCoSo => "chien_si_thi_dua_co_so",
            AwardType::LaoDongTienTien => "lao_dong_tien_tien",
            AwardType::TapTheLaoDongXuatSac => "tap_the_lao_dong_xuat_sac",
            AwardType::TapTheLaoDongTienTien => "tap_the_lao_dong_tien_tien",
            AwardType::CoThiDua => "co_thi_dua",
            AwardType::ThonVanHoa => "thon_van_hoa",
            AwardType::GiaDinhVanHoa => "gia_dinh_van_hoa",
            AwardType::XaTieuBieu => "xa_tieu_bieu",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AwardKind {
    Collective,
    Individual,
    /// A household (`Gia đình văn hóa`).
    Household,
}

impl AwardKind {
    pub const ALL: [AwardKind; 3] = [AwardKind::Collective, AwardKind::Individual, AwardKind::Household];

    pub fn label(self) -> &'static str {
        match self {
            AwardKind::Collective => "Tập thể",
            AwardKind::Individual => "Cá nhân",
            AwardKind::Household => "Hộ gia đình",
        }
    }

    /// As counted in a sentence: `tập thể`, `cá nhân`, `hộ gia đình`.
    pub fn noun(self) -> &'static str {
        match self {
            AwardKind::Collective => "tập thể",
            AwardKind::Individual => "cá nhân",
            AwardKind::Household => "hộ gia đình",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_titles_are_read_loosely() {
        assert_eq!(AwardType::parse("giấy khen"), Some(AwardType::GiayKhen));
        assert_eq!(AwardType::parse("GK"), Some(AwardType::GiayKhen));
        assert_eq!(AwardType::parse("Chiến sỹ thi đua cơ sở"), Some(AwardType::ChienSiThiDuaCoSo));
        assert_eq!(AwardType::parse("Danh hiệu “Lao động tiên tiến”"), Some(AwardType::LaoDongTienTien));
        assert_eq!(AwardType::parse("Tập thể lao động xuất sắc"), Some(AwardType::TapTheLaoDongXuatSac));
        assert_eq!(AwardType::parse("Bằng khen của Chủ tịch UBND tỉnh"), Some(AwardType::BangKhen));
        assert_eq!(AwardType::parse("Kỷ niệm chương"), None);
    }

    #[test]
    fn the_level_is_read_from_the_body() {
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", false), Level::Province);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", false), Level::Province);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG", true), Level::District);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN XÃ IA SAO", false), Level::Commune);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN PHƯỜNG 5", false), Level::Commune);
        assert_eq!(Level::of_body("SỞ NỘI VỤ", true), Level::Department);
        assert_eq!(Level::of_body("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", true), Level::Agency);
    }

    #[test]
    fn who_may_confer_what_follows_the_law_and_its_dates() {
        let before = Date { year: 2025, month: 6, day: 30 };
        let after = TWO_TIER_REFORM;
        assert!(AwardType::GiayKhen.allowed(Level::Commune, after));
        assert!(!AwardType::ChienSiThiDuaCoSo.allowed(Level::Commune, before));
        assert!(AwardType::ChienSiThiDuaCoSo.allowed(Level::Commune, after));
        assert!(!AwardType::ChienSiThiDuaCapTinh.allowed(Level::Commune, after));
        assert!(!AwardType::BangKhen.allowed(Level::Department, after));
        assert!(AwardType::TapTheLaoDongXuatSac.allowed(Level::Province, before));
        assert!(!AwardType::GiayKhen.allowed(Level::District, after));
        assert!(AwardType::GiayKhen.allowed(Level::District, before));
    }

    #[test]
    fn an_authority_names_itself_in_full_short_and_upper_case() {
        let a = Authority {
            level: Level::Commune,
            head: "Chủ tịch".into(),
            deputy: "Phó Chủ tịch".into(),
            body: "Ủy ban nhân dân xã Ia Sao".into(),
            place: "Ia Sao".into(),
        };
        assert_eq!(a.full(), "Chủ tịch Ủy ban nhân dân xã Ia Sao");
        assert_eq!(a.short(), "Chủ tịch Ủy ban nhân dân xã");
        assert_eq!(a.line(), "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA SAO");
    }
}
