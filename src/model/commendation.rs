//! What a commendation is (awards.md §1): the forms (`Bằng khen`, `Giấy khen`) and the
//! emulation titles (`Chiến sĩ thi đua cơ sở`, `Lao động tiên tiến`, …), who may hold
//! each, which authority may confer it on which date, the verb of its decision and the
//! face of its certificate. Who may confer what, level by level and with the article and
//! source of each line, is `src/model/tham-quyen.md` ([`AwardType::allowed`] follows it).
//!
//! Dates matter: from 01/07/2025 district-level bodies no longer exist and the commune
//! Chairman took over the district Chairman's titles (Decree 129/2025, art. 59).

use serde::Serialize;

use super::authority::Level;
use crate::text::{Date, loose_key};

/// The day the two-tier local government began (district level abolished).
pub const TWO_TIER_REFORM: Date = Date { year: 2025, month: 7, day: 1 };

/// A form of commendation or an emulation title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AwardType {
    BangKhen,
    GiayKhen,
    ChienSiThiDuaCapTinh,
    /// `Chiến sĩ thi đua cấp Bộ` (of a ministry, ministry-level agency or central body).
    ChienSiThiDuaCapBo,
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
    pub const ALL: [AwardType; 12] = [
        AwardType::BangKhen,
        AwardType::GiayKhen,
        AwardType::ChienSiThiDuaCapTinh,
        AwardType::ChienSiThiDuaCapBo,
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
            AwardType::ChienSiThiDuaCapBo => "Chiến sĩ thi đua cấp Bộ",
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
            AwardType::ChienSiThiDuaCapBo => &[
                "CSTĐ cấp bộ",
                "CSTĐ cấp ngành",
                "Chiến sỹ thi đua cấp Bộ",
                "Chiến sĩ thi đua cấp bộ, ngành",
                "Chiến sĩ thi đua cấp bộ, ban, ngành",
                "Chiến sĩ thi đua cấp ngành",
                "Chiến sĩ thi đua ngành",
                "Chiến sĩ thi đua Bộ",
            ],
            AwardType::ChienSiThiDuaCoSo => &["CSTĐCS", "CSTĐ cơ sở", "Chiến sỹ thi đua cơ sở"],
            AwardType::LaoDongTienTien => &["LĐTT"],
            AwardType::TapTheLaoDongXuatSac => &["TTLĐXS", "Tập thể LĐXS"],
            AwardType::TapTheLaoDongTienTien => &["TTLĐTT", "Tập thể LĐTT"],
            AwardType::CoThiDua => &["Cờ thi đua cấp tỉnh", "Cờ thi đua cấp bộ", "Cờ thi đua cấp bộ, ngành"],
            AwardType::ThonVanHoa => &["Thôn văn hóa", "Tổ dân phố văn hóa", "Thôn, tổ dân phố văn hoá"],
            AwardType::GiaDinhVanHoa => &["Gia đình văn hoá"],
            AwardType::XaTieuBieu => &["Xã tiêu biểu", "Phường tiêu biểu", "Xã, phường, thị trấn tiêu biểu"],
        }
    }

    /// The commendation a cell names, loosely (`giấy khen`, `GK`, `Danh hiệu "Lao động
    /// tiên tiến"`, `Chiến sỹ thi đua cơ sở`), with or without whose it is (`Giấy khen của
    /// Hiệu trưởng`, `Bằng khen của Bộ trưởng Bộ Y tế`, `Cờ thi đua của Bộ …`); a ministry's
    /// own name of its title (`Chiến sĩ thi đua Bộ Nông nghiệp và Môi trường`).
    pub fn parse(text: &str) -> Option<AwardType> {
        let text = text.replace(['"', '“', '”', '\''], "");
        let before_of = text.split(" của ").next().unwrap_or(&text).to_string();
        let mut k = loose_key(&before_of);
        for prefix in ["danhhieu", "hinhthuc"] {
            if let Some(rest) = k.strip_prefix(prefix)
                && !rest.is_empty()
            {
                k = rest.to_string();
            }
        }
        let matches =
            |t: AwardType| std::iter::once(t.name()).chain(t.aliases().iter().copied()).any(|n| loose_key(n) == k);
        AwardType::ALL.into_iter().find(|&t| matches(t)).or_else(|| {
            // `Chiến sĩ thi đua Bộ Nông nghiệp và Môi trường`, `… ngành Tư pháp`.
            let ministry = ["chiensithiduabo", "chiensythiduabo", "chiensithiduanganh", "chiensythiduanganh"];
            ministry.iter().any(|p| k.starts_with(p)).then_some(AwardType::ChienSiThiDuaCapBo)
        })
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
            AwardType::ChienSiThiDuaCapTinh
            | AwardType::ChienSiThiDuaCapBo
            | AwardType::ChienSiThiDuaCoSo
            | AwardType::LaoDongTienTien => Holders::Individuals,
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
            | AwardType::ChienSiThiDuaCapBo
            | AwardType::ChienSiThiDuaCoSo
            | AwardType::TapTheLaoDongXuatSac
            | AwardType::ThonVanHoa
            | AwardType::GiaDinhVanHoa
            | AwardType::XaTieuBieu => Some(Face::ChungNhan),
            AwardType::LaoDongTienTien | AwardType::TapTheLaoDongTienTien | AwardType::CoThiDua => None,
        }
    }

    /// The certificate printed when a decision asks for one (`In giấy chứng nhận: Có`): the
    /// default face, or for a title that has none (`Lao động tiên tiến`) the title's
    /// certificate; `None` for the flag (`Cờ thi đua`), which is no paper.
    pub fn face_when_asked(self) -> Option<Face> {
        match (self.face(), self) {
            (Some(face), _) => Some(face),
            (None, AwardType::CoThiDua) => None,
            (None, _) => Some(Face::ChungNhan),
        }
    }

    /// Whether an authority of `level` may confer it on `date` (Luật 06/2022 art. 79, 80; NĐ
    /// 91/2017 art. 43 before 2024; NĐ 129/2025 art. 59 from 01/07/2025; the matrix with
    /// its sources is `src/model/tham-quyen.md`).
    pub fn allowed(self, level: Level, date: Date) -> bool {
        use AwardType::*;
        let reformed = date >= TWO_TIER_REFORM;
        match level {
            Level::Province => {
                matches!(self, BangKhen | ChienSiThiDuaCapTinh | TapTheLaoDongXuatSac | CoThiDua | XaTieuBieu)
            }
            // The Minister's own forms; and the base titles of the ministry's units that
            // have no legal personality of their own (Vụ, Văn phòng, Thanh tra Bộ).
            Level::Ministry => matches!(
                self,
                BangKhen
                    | CoThiDua
                    | ChienSiThiDuaCapBo
                    | TapTheLaoDongXuatSac
                    | ChienSiThiDuaCoSo
                    | LaoDongTienTien
                    | TapTheLaoDongTienTien
            ),
            // Heads of bodies with legal personality (Luật 06/2022 art. 80.1).
            Level::Department | Level::UnderMinistry | Level::PublicUnit | Level::Agency => {
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

    /// How it is named after a verb: `Giấy khen`, `danh hiệu “Lao động tiên tiến”`.
    pub fn phrase(self) -> String {
        match self.category() {
            Category::Form => self.name().to_string(),
            Category::Title => format!("danh hiệu “{}”", self.name()),
        }
    }

    /// Whether it is named by whose it is (`Bằng khen của Bộ trưởng Bộ Y tế`, `Cờ thi đua
    /// của Bộ Y tế`) and given with “tặng” whatever the verb of titles.
    pub fn owned(self) -> bool {
        matches!(self, AwardType::BangKhen | AwardType::GiayKhen | AwardType::CoThiDua)
    }

    /// The key of its money coefficients in `khen-thuong/tien-thuong.yaml`.
    pub fn money_key(self) -> &'static str {
        match self {
            AwardType::BangKhen => "bang_khen",
            AwardType::GiayKhen => "giay_khen",
            AwardType::ChienSiThiDuaCapTinh => "chien_si_thi_dua_cap_tinh",
            AwardType::ChienSiThiDuaCapBo => "chien_si_thi_dua_cap_bo",
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
        // Whose it is, and a ministry's own names of its titles.
        assert_eq!(AwardType::parse("Giấy khen của Hiệu trưởng"), Some(AwardType::GiayKhen));
        assert_eq!(AwardType::parse("Bằng khen của Bộ trưởng Bộ Y tế"), Some(AwardType::BangKhen));
        assert_eq!(AwardType::parse("Cờ thi đua của Bộ Nông nghiệp và Môi trường"), Some(AwardType::CoThiDua));
        for t in ["Chiến sĩ thi đua cấp Bộ", "CSTĐ cấp bộ", "Chiến sĩ thi đua cấp ngành", "Chiến sĩ thi đua Bộ Tư pháp"]
        {
            assert_eq!(AwardType::parse(t), Some(AwardType::ChienSiThiDuaCapBo), "{t}");
        }
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
        // A ministry confers its own Bằng khen, Cờ thi đua and titles, not Giấy khen; its
        // units and public service units the base ones.
        for t in [AwardType::BangKhen, AwardType::CoThiDua, AwardType::ChienSiThiDuaCapBo] {
            assert!(t.allowed(Level::Ministry, after), "{t:?}");
            assert!(!t.allowed(Level::PublicUnit, after), "{t:?}");
        }
        assert!(!AwardType::GiayKhen.allowed(Level::Ministry, after));
        assert!(!AwardType::ChienSiThiDuaCapBo.allowed(Level::Province, after));
        for t in [AwardType::GiayKhen, AwardType::LaoDongTienTien, AwardType::ChienSiThiDuaCoSo] {
            assert!(t.allowed(Level::PublicUnit, after) && t.allowed(Level::UnderMinistry, after), "{t:?}");
        }
        // A title without a face prints the title's certificate when asked; the flag none.
        assert_eq!(AwardType::LaoDongTienTien.face_when_asked(), Some(Face::ChungNhan));
        assert_eq!(AwardType::CoThiDua.face_when_asked(), None);
    }
}
