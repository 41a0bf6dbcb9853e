//! The fixed choices of the contract and the other spellings clerks use for them, matched
//! loosely (case, diacritics and punctuation ignored).

use crate::model::{AgendaKind, Attendance, AwardKind, Honorific, Role};
use crate::text::{loose_key, slug};

/// Finds `text` among `(value, spellings)`; the first spelling is the canonical one.
pub fn pick<T: Copy>(text: &str, table: &[(T, &[&str])]) -> Option<T> {
    let k = loose_key(text);
    if k.is_empty() {
        return None;
    }
    table.iter().find(|(_, names)| names.iter().any(|n| loose_key(n) == k)).map(|(v, _)| *v)
}

/// The canonical spellings, for hints (`Ông, Bà, Đồng chí`).
pub fn canonical<T>(table: &[(T, &[&str])]) -> String {
    table.iter().map(|(_, n)| n[0]).collect::<Vec<_>>().join(", ")
}

pub const HONORIFICS: &[(Honorific, &[&str])] = &[
    (Honorific::Ong, &["Ông", "Ong", "Mr"]),
    (Honorific::Ba, &["Bà", "Mrs", "Ms"]),
    (Honorific::DongChi, &["Đồng chí", "Đ/c", "ĐC", "Đ.c"]),
];

pub const ROLES: &[(Role, &[&str])] = &[
    (Role::Presidium, &["Đoàn chủ tịch", "ĐCT", "Chủ tọa"]),
    (Role::Chair, &["Chủ trì", "Chủ trì hội nghị"]),
    (Role::Opening, &["Phát biểu khai mạc", "Khai mạc"]),
    (Role::Report, &["Báo cáo", "Trình bày báo cáo", "Báo cáo chính"]),
    (Role::Panel, &["Tham luận", "Báo cáo tham luận"]),
    (Role::Directive, &["Phát biểu chỉ đạo", "Chỉ đạo"]),
    (Role::Closing, &["Bế mạc", "Phát biểu bế mạc", "Kết luận", "Phát biểu kết luận"]),
    (Role::Presenter, &["Trao thưởng", "Trao khen thưởng", "Trao Bằng khen", "Trao tặng"]),
    (Role::Mc, &["Dẫn chương trình", "MC", "Người dẫn chương trình"]),
    (Role::Secretary, &["Thư ký", "Thư ký hội nghị"]),
];

pub const ATTENDANCE: &[(Attendance, &[&str])] = &[
    (Attendance::Attending, &["Tham dự", "Có", "Có mặt", "Dự", "Đã xác nhận", "Xác nhận", "Đồng ý", "x", "Có tham dự"]),
    (Attendance::Absent, &["Vắng", "Vắng mặt", "Không", "Không dự", "Không tham dự", "Báo vắng"]),
    (Attendance::Substitute, &["Cử người thay", "Cử người dự thay", "Cử đại diện", "Ủy quyền", "Dự thay", "Thay"]),
    (Attendance::Unknown, &["Chưa xác nhận", "Chưa rõ", "Chưa có"]),
];

pub const INVITED: &[(bool, &[&str])] = &[
    (true, &["Có", "x", "1", "Yes", "True", "Mời", "Có mời", "v", "Đã mời"]),
    (false, &["Không", "0", "No", "False", "Không mời"]),
];

pub const AWARD_KINDS: &[(AwardKind, &[&str])] =
    &[(AwardKind::Collective, &["Tập thể", "TT", "Đơn vị"]), (AwardKind::Individual, &["Cá nhân", "CN"])];

/// Spellings of agenda kinds besides their codes and Vietnamese names (`Tuyên bố lý do`
/// slugs to `tuyen-bo-ly-do` by itself).
const AGENDA_ALIASES: &[(AgendaKind, &[&str])] = &[
    (AgendaKind::DonTiep, &["don-tiep-dai-bieu"]),
    (AgendaKind::VanNghe, &["van-nghe-chao-mung", "chuong-trinh-van-nghe"]),
    (AgendaKind::TuyenBoLyDo, &["tuyen-bo-ly-do-gioi-thieu-dai-bieu", "gioi-thieu-dai-bieu"]),
    (AgendaKind::PhatBieu, &["khai-mac", "phat-bieu-khai-mac"]),
    (AgendaKind::BaoCao, &["bao-cao-so-ket", "bao-cao-tong-ket"]),
    (AgendaKind::PhongSu, &["phim", "phim-tai-lieu", "trinh-chieu"]),
    (AgendaKind::ThamLuan, &["tham-luan-cua-dai-bieu"]),
    (AgendaKind::KyKet, &["ky-ket-bien-ban-ghi-nho", "le-ky-ket"]),
    (AgendaKind::KhenThuong, &["trao-thuong", "trao-bang-khen", "cong-bo-quyet-dinh-khen-thuong"]),
    (AgendaKind::ChiDao, &["phat-bieu-chi-dao"]),
    (AgendaKind::BeMac, &["ket-luan", "phat-bieu-be-mac", "be-mac-hoi-nghi"]),
    (AgendaKind::Khac, &["giai-lao", "chao-co", "thao-luan"]),
];

/// An agenda kind from its code or a Vietnamese name.
pub fn agenda_kind(text: &str) -> Option<AgendaKind> {
    let s = slug(text);
    AgendaKind::ALL
        .into_iter()
        .find(|k| k.code() == s)
        .or_else(|| AGENDA_ALIASES.iter().find(|(_, names)| names.contains(&s.as_str())).map(|(k, _)| *k))
}

/// The kind an item probably has when its `Loại` is empty, from the start of its title.
pub fn infer_agenda_kind(title: &str) -> AgendaKind {
    let s = slug(title);
    let starts = |p: &str| s.starts_with(p);
    if starts("don-tiep") {
        AgendaKind::DonTiep
    } else if starts("van-nghe") || s.contains("van-nghe-chao-mung") {
        AgendaKind::VanNghe
    } else if starts("tuyen-bo-ly-do") {
        AgendaKind::TuyenBoLyDo
    } else if starts("tham-luan") || starts("bao-cao-tham-luan") {
        AgendaKind::ThamLuan
    } else if starts("bao-cao") {
        AgendaKind::BaoCao
    } else if starts("phong-su") || starts("chieu-phim") {
        AgendaKind::PhongSu
    } else if starts("ky-ket") || s.contains("le-ky-ket") {
        AgendaKind::KyKet
    } else if s.contains("khen-thuong") || s.contains("trao-bang-khen") {
        AgendaKind::KhenThuong
    } else if starts("phat-bieu-chi-dao") {
        AgendaKind::ChiDao
    } else if s.contains("be-mac") {
        AgendaKind::BeMac
    } else if starts("phat-bieu") || starts("khai-mac") {
        AgendaKind::PhatBieu
    } else {
        AgendaKind::Khac
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

/// Older (QĐ 490/1048) group names accepted for the six groups of QĐ 919/148, by index.
pub const OLD_PRODUCT_GROUPS: &[(usize, &[&str])] = &[
    (0, &["Thực phẩm", "Nông sản", "Thực phẩm tươi sống", "Thực phẩm chế biến"]),
    (1, &["Đồ uống", "Đồ uống có cồn", "Đồ uống không cồn"]),
    (2, &["Dược liệu và sản phẩm từ dược liệu", "Thảo dược", "Dược liệu", "Sản phẩm từ dược liệu"]),
    (3, &["Hàng thủ công mỹ nghệ", "Thủ công mỹ nghệ", "Vải và may mặc", "Lưu niệm - nội thất - trang trí"]),
    (4, &["Sinh vật cảnh", "Hoa, cây cảnh", "Hoa cây cảnh"]),
    (
        5,
        &[
            "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
            "Dịch vụ du lịch",
            "Du lịch",
            "Dịch vụ du lịch nông thôn, bán hàng",
            "Dịch vụ du lịch cộng đồng",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_choices() {
        assert_eq!(pick("ông", HONORIFICS), Some(Honorific::Ong));
        assert_eq!(pick("Đ/c", HONORIFICS), Some(Honorific::DongChi));
        assert_eq!(pick("ĐỒNG CHÍ", HONORIFICS), Some(Honorific::DongChi));
        assert_eq!(pick("Anh", HONORIFICS), None);
        assert_eq!(pick("X", INVITED), Some(true));
        assert_eq!(pick("không", INVITED), Some(false));
        assert_eq!(pick("vắng mặt", ATTENDANCE), Some(Attendance::Absent));
        assert_eq!(pick("MC", ROLES), Some(Role::Mc));
    }

    #[test]
    fn agenda_kinds() {
        assert_eq!(agenda_kind("tuyen-bo-ly-do"), Some(AgendaKind::TuyenBoLyDo));
        assert_eq!(agenda_kind("Tuyên bố lý do"), Some(AgendaKind::TuyenBoLyDo));
        assert_eq!(agenda_kind("Giải lao"), Some(AgendaKind::Khac));
        assert_eq!(agenda_kind("nhảy múa"), None);
        assert_eq!(infer_agenda_kind("Báo cáo tham luận của huyện Na Hang"), AgendaKind::ThamLuan);
        assert_eq!(infer_agenda_kind("Tuyên bố lý do, giới thiệu đại biểu"), AgendaKind::TuyenBoLyDo);
    }
}
