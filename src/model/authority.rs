//! Who issues: the kind of body (province, department, commune; a ministry, a body under a
//! ministry, a public service unit) and its head, who confers awards — read from the body's
//! name, or said by the settings (`Cấp cơ quan`, `Chức danh thủ trưởng`). What each may
//! confer is in [`super::commendation`] and `src/model/tham-quyen.md`.

use serde::Serialize;

use crate::text::loose_key;

/// The kind of body that issues the decisions (awards.md §3.2; `tham-quyen.md`).
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
    /// A ministry or a ministry-level agency (Bộ, cơ quan ngang bộ): its header has no
    /// superior line.
    Ministry,
    /// A body under a ministry that issues in its own name: Tổng cục, Cục (Vụ when it does).
    UnderMinistry,
    /// A public service unit (đơn vị sự nghiệp công lập): a school, university, academy,
    /// hospital, institute or centre, under a ministry, a department or a commune.
    PublicUnit,
    /// Another agency or unit with its own head.
    Agency,
}

/// Bodies of ministry rank that are not called `Bộ …`, with their heads.
const MINISTRY_LEVEL: &[(&str, &str, &str)] = &[
    ("nganhangnhanuoc", "Thống đốc", "Phó Thống đốc"),
    ("thanhtrachinhphu", "Tổng Thanh tra Chính phủ", "Phó Tổng Thanh tra Chính phủ"),
    ("vanphongchinhphu", "Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm"),
    ("uybandantoc", "Bộ trưởng, Chủ nhiệm", "Thứ trưởng, Phó Chủ nhiệm"),
];

/// The first words of a public service unit's name and its head (the longest first).
const UNIT_HEADS: &[(&str, &str)] = &[
    ("truong", "Hiệu trưởng"),
    ("daihoc", "Giám đốc"),
    ("hocvien", "Giám đốc"),
    ("benhvien", "Giám đốc"),
    ("vien", "Viện trưởng"),
    ("trungtam", "Giám đốc"),
];

impl Level {
    /// `cấp tỉnh`, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "cấp tỉnh",
            Level::Department => "sở, ban, ngành",
            Level::District => "cấp huyện",
            Level::Commune => "cấp xã",
            Level::Ministry => "bộ, cơ quan ngang bộ",
            Level::UnderMinistry => "tổng cục, cục thuộc bộ",
            Level::PublicUnit => "đơn vị sự nghiệp công lập",
            Level::Agency => "cơ quan, đơn vị",
        }
    }

    /// The level an issuing body's name says (`ỦY BAN NHÂN DÂN XÃ IA SAO` → commune,
    /// `BỘ Y TẾ` → ministry, `TRƯỜNG ĐẠI HỌC …` → public service unit). `has_parent`: a
    /// superior body is named (a `THÀNH PHỐ` under a province is a district-level city).
    pub fn of_body(name: &str, has_parent: bool) -> Level {
        let k = loose_key(name);
        let upper = name.trim_start().to_uppercase();
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
        let word = |w: &str| upper.starts_with(&format!("{w} "));
        if word("SỞ") {
            return Level::Department;
        }
        if word("BỘ") || MINISTRY_LEVEL.iter().any(|(key, ..)| k.starts_with(key)) {
            return Level::Ministry;
        }
        if word("TỔNG CỤC") || word("CỤC") || word("VỤ") {
            return Level::UnderMinistry;
        }
        if ["TRƯỜNG", "ĐẠI HỌC", "HỌC VIỆN", "BỆNH VIỆN", "VIỆN", "TRUNG TÂM"].iter().any(|w| word(w))
        {
            return Level::PublicUnit;
        }
        Level::Agency
    }

    /// The head's and the deputy's titles of a body of this level named `name`
    /// (`Chủ tịch`, `Bộ trưởng`, `Cục trưởng`, `Hiệu trưởng`, `Viện trưởng` …).
    pub fn heads(self, name: &str) -> (String, String) {
        let k = loose_key(name);
        let pair = |h: &str, d: &str| (h.to_string(), d.to_string());
        match self {
            Level::Province | Level::District | Level::Commune => pair("Chủ tịch", "Phó Chủ tịch"),
            Level::Department => pair("Giám đốc", "Phó Giám đốc"),
            Level::Ministry => match MINISTRY_LEVEL.iter().find(|(key, ..)| k.starts_with(key)) {
                Some((_, h, d)) => pair(h, d),
                None => pair("Bộ trưởng", "Thứ trưởng"),
            },
            Level::UnderMinistry => {
                let h = if k.starts_with("tongcuc") {
                    "Tổng cục trưởng"
                } else if k.starts_with("vu") {
                    "Vụ trưởng"
                } else {
                    "Cục trưởng"
                };
                (h.to_string(), format!("Phó {h}"))
            }
            Level::PublicUnit => {
                let h = UNIT_HEADS.iter().find(|(w, _)| k.starts_with(w)).map_or("Giám đốc", |(_, h)| h);
                (h.to_string(), format!("Phó {h}"))
            }
            Level::Agency => pair("Thủ trưởng", "Phó Thủ trưởng"),
        }
    }

    /// Whether it is a central body (ministries and the bodies under them): its decisions
    /// cite the Law on Government Organisation, not the local-government law.
    pub fn central(self) -> bool {
        matches!(self, Level::Ministry | Level::UnderMinistry)
    }
}

/// Which authority confers: the issuing body's head, or the head of the body above it (a
/// department's conference announcing the provincial Chairman's Bằng khen or
/// `Tập thể lao động xuất sắc`; a university's announcing the Minister's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Conferrer {
    Own,
    Superior,
}

/// Who confers: the head of the issuing body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Authority {
    pub level: Level,
    /// `Chủ tịch`, `Giám đốc`, `Bộ trưởng`, `Hiệu trưởng`.
    pub head: String,
    /// `Phó Chủ tịch`, `Phó Giám đốc`, `Thứ trưởng`, `Phó Hiệu trưởng`.
    pub deputy: String,
    /// The body inside a sentence: `Ủy ban nhân dân tỉnh Tuyên Quang`, `Sở Nội vụ`,
    /// `Bộ Nông nghiệp và Môi trường`, `Trường Đại học Nông Lâm`.
    pub body: String,
    /// The place at the end of the body's name (`Tuyên Quang`), left out where the body is
    /// named short (`của Chủ tịch Ủy ban nhân dân tỉnh`).
    pub place: String,
}

impl Authority {
    /// The head of the body above the issuer, as `Cơ quan chủ quản` names it: a People's
    /// Committee (`UBND TỈNH GIA LAI`, its Chairman), a ministry (`BỘ GIÁO DỤC VÀ ĐÀO TẠO`,
    /// its Minister), a department (`SỞ Y TẾ`, its Director).
    pub fn superior(parent: &str, place: &str) -> Authority {
        let upper = parent.trim().to_uppercase();
        let expanded = match upper.strip_prefix("UBND ") {
            Some(rest) => format!("ỦY BAN NHÂN DÂN {rest}"),
            None => upper,
        };
        let level = match Level::of_body(&expanded, false) {
            Level::Agency | Level::PublicUnit => Level::Province,
            level => level,
        };
        let (head, deputy) = level.heads(&expanded);
        Authority { level, head, deputy, body: crate::text::sentence_case_body(&expanded), place: place.to_string() }
    }

    /// The body as its header prints it: `ỦY BAN NHÂN DÂN TỈNH GIA LAI`.
    pub fn body_upper(&self) -> String {
        self.body.to_uppercase()
    }

    /// `Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang`, `Giám đốc Sở Nội vụ`, `Bộ trưởng Bộ Y tế`.
    pub fn full(&self) -> String {
        format!("{} {}", self.head, self.body)
    }

    /// `Chủ tịch Ủy ban nhân dân tỉnh` (the place left out after the administrative unit it
    /// names), `Giám đốc Sở Nội vụ`; a name that merely ends with the place is kept whole
    /// (`Hiệu trưởng Trường Đại học Nông Lâm Phú Thọ`).
    pub fn short(&self) -> String {
        const UNITS: [&str; 9] =
            ["tỉnh", "thành phố", "xã", "phường", "đặc khu", "thị trấn", "thị xã", "huyện", "quận"];
        let full = self.full();
        match full.strip_suffix(&format!(" {}", self.place)) {
            Some(s) if !self.place.is_empty() && UNITS.iter().any(|u| s.ends_with(&format!(" {u}"))) => s.to_string(),
            _ => full,
        }
    }

    /// The administrative unit's noun of a People's Committee (`tỉnh`, `thành phố`, `xã`,
    /// `phường`, `đặc khu`, `huyện`, …), as in `Văn phòng Ủy ban nhân dân xã`; for other
    /// bodies the word they call themselves by (`Bộ`, `Cục`, `Trường`, `Bệnh viện`, `Viện`,
    /// `Sở`), as in `Chánh Văn phòng Bộ`.
    pub fn unit_noun(&self) -> &'static str {
        let rest = loose_key(&self.body);
        if let Some(rest) = rest.strip_prefix("uybannhandan") {
            return [
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
            .map_or(if self.level == Level::Province { "tỉnh" } else { "xã" }, |(_, n)| n);
        }
        [
            ("tongcuc", "Tổng cục"),
            ("cuc", "Cục"),
            ("vu", "Vụ"),
            ("bo", "Bộ"),
            ("so", "Sở"),
            ("truong", "Trường"),
            ("daihoc", "Đại học"),
            ("hocvien", "Học viện"),
            ("benhvien", "Bệnh viện"),
            ("vien", "Viện"),
            ("trungtam", "Trung tâm"),
        ]
        .iter()
        .find(|(k, _)| rest.starts_with(k))
        .map_or("cơ quan", |(_, n)| n)
    }

    /// The authority line of the decision and the certificate:
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG`, `GIÁM ĐỐC SỞ NỘI VỤ`,
    /// `BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG`, `HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC NÔNG LÂM`.
    pub fn line(&self) -> String {
        self.full().to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_is_read_from_the_body() {
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", false), Level::Province);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", false), Level::Province);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG", true), Level::District);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN XÃ IA SAO", false), Level::Commune);
        assert_eq!(Level::of_body("ỦY BAN NHÂN DÂN PHƯỜNG 5", false), Level::Commune);
        assert_eq!(Level::of_body("SỞ NỘI VỤ", true), Level::Department);
        assert_eq!(Level::of_body("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", true), Level::Agency);
        assert_eq!(Level::of_body("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", false), Level::Ministry);
        assert_eq!(Level::of_body("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", false), Level::Ministry);
        assert_eq!(Level::of_body("CỤC HẢI QUAN", true), Level::UnderMinistry);
        assert_eq!(Level::of_body("TRƯỜNG ĐẠI HỌC NÔNG LÂM TÂY NGUYÊN", true), Level::PublicUnit);
        assert_eq!(Level::of_body("BỆNH VIỆN BẠCH MAI", true), Level::PublicUnit);
        assert_eq!(Level::of_body("VIỆN KHOA HỌC NÔNG NGHIỆP VIỆT NAM", true), Level::PublicUnit);
        // A word that only starts like one is not it.
        assert_eq!(Level::of_body("BỘI THU JSC", false), Level::Agency);
    }

    #[test]
    fn each_body_has_its_own_heads() {
        let heads = |name: &str| Level::of_body(name, true).heads(name);
        assert_eq!(heads("BỘ Y TẾ"), ("Bộ trưởng".into(), "Thứ trưởng".into()));
        assert_eq!(heads("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM").0, "Thống đốc");
        assert_eq!(heads("CỤC HẢI QUAN"), ("Cục trưởng".into(), "Phó Cục trưởng".into()));
        assert_eq!(heads("TRƯỜNG ĐẠI HỌC NÔNG LÂM"), ("Hiệu trưởng".into(), "Phó Hiệu trưởng".into()));
        assert_eq!(heads("BỆNH VIỆN BẠCH MAI").0, "Giám đốc");
        assert_eq!(heads("VIỆN KHOA HỌC NÔNG NGHIỆP VIỆT NAM").0, "Viện trưởng");
        assert_eq!(heads("HỌC VIỆN NÔNG NGHIỆP VIỆT NAM").0, "Giám đốc");
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
        let school = Authority {
            level: Level::PublicUnit,
            head: "Hiệu trưởng".into(),
            deputy: "Phó Hiệu trưởng".into(),
            body: "Trường Đại học Nông Lâm Phú Thọ".into(),
            place: "Phú Thọ".into(),
        };
        assert_eq!(school.short(), "Hiệu trưởng Trường Đại học Nông Lâm Phú Thọ");
        assert_eq!(a.line(), "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA SAO");
        // A ministry above a university.
        let s = Authority::superior("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Đắk Lắk");
        assert_eq!((s.level, s.full().as_str()), (Level::Ministry, "Bộ trưởng Bộ Giáo dục và Đào tạo"));
        assert_eq!(s.unit_noun(), "Bộ");
        let p = Authority::superior("UBND TỈNH GIA LAI", "Gia Lai");
        assert_eq!(p.full(), "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai");
    }
}
