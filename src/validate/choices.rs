//! The fixed choices of the contract and the other spellings clerks use for them, matched
//! loosely (case, diacritics and punctuation ignored).

use crate::model::{AgendaKind, Attendance, AwardKind, Honorific, Role};
use crate::text::{loose_key, slug};

/// Finds `text` among `(value, spellings)`; the first spelling is the canonical one.
pub(crate) fn pick<T: Copy>(text: &str, table: &[(T, &[&str])]) -> Option<T> {
    let k = loose_key(text);
    if k.is_empty() {
        return None;
    }
    table.iter().find(|(_, names)| names.iter().any(|n| loose_key(n) == k)).map(|(v, _)| *v)
}

/// The canonical spellings, for hints (`Ông, Bà, Đồng chí`).
pub(crate) fn canonical<T>(table: &[(T, &[&str])]) -> String {
    table.iter().map(|(_, n)| n[0]).collect::<Vec<_>>().join(", ")
}

pub(crate) const HONORIFICS: &[(Honorific, &[&str])] = &[
    (Honorific::Ong, &["Ông", "Ong", "Mr"]),
    (Honorific::Ba, &["Bà", "Mrs", "Ms"]),
    (Honorific::DongChi, &["Đồng chí", "Đ/c", "ĐC", "Đ.c"]),
];

pub(crate) const ROLES: &[(Role, &[&str])] = &[
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
    (Role::Guest, &["Dự và chỉ đạo", "Dự chỉ đạo", "Dự, chỉ đạo", "Lãnh đạo dự", "Khách mời đặc biệt"]),
];

pub(crate) const ATTENDANCE: &[(Attendance, &[&str])] = &[
    (Attendance::Attending, &["Tham dự", "Có", "Có mặt", "Dự", "Đã xác nhận", "Xác nhận", "Đồng ý", "x", "Có tham dự"]),
    (Attendance::Absent, &["Vắng", "Vắng mặt", "Không", "Không dự", "Không tham dự", "Báo vắng"]),
    (Attendance::Substitute, &["Cử người thay", "Cử người dự thay", "Cử đại diện", "Ủy quyền", "Dự thay", "Thay"]),
    (Attendance::Unknown, &["Chưa xác nhận", "Chưa rõ", "Chưa có"]),
];

pub(crate) const INVITED: &[(bool, &[&str])] = &[
    (true, &["Có", "x", "1", "Yes", "True", "Mời", "Có mời", "v", "Đã mời"]),
    (false, &["Không", "0", "No", "False", "Không mời"]),
];

pub(crate) const AWARD_KINDS: &[(AwardKind, &[&str])] = &[
    (AwardKind::Collective, &["Tập thể", "TT", "Đơn vị"]),
    (AwardKind::Individual, &["Cá nhân", "CN"]),
    (AwardKind::Household, &["Hộ gia đình", "Hộ", "Gia đình", "HGĐ"]),
];

/// Spellings of agenda kinds besides their codes and Vietnamese names (`Tuyên bố lý do`
/// slugs to `tuyen-bo-ly-do` by itself).
const AGENDA_ALIASES: &[(AgendaKind, &[&str])] = &[
    (AgendaKind::KetNoi, &["ket-noi-truc-tuyen", "kiem-tra-ky-thuat", "ket-noi-kiem-tra-ky-thuat", "kiem-tra-ket-noi"]),
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
pub(crate) fn agenda_kind(text: &str) -> Option<AgendaKind> {
    let s = slug(text);
    AgendaKind::ALL
        .into_iter()
        .find(|k| k.code() == s)
        .or_else(|| AGENDA_ALIASES.iter().find(|(_, names)| names.contains(&s.as_str())).map(|(k, _)| *k))
}

/// The kind an item probably has when its `Loại` is empty, from the start of its title.
pub(crate) fn infer_agenda_kind(title: &str) -> AgendaKind {
    let s = slug(title);
    let starts = |p: &str| s.starts_with(p);
    if starts("ket-noi") || starts("kiem-tra-ky-thuat") || starts("kiem-tra-ket-noi") {
        AgendaKind::KetNoi
    } else if starts("don-tiep") {
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
        assert_eq!(agenda_kind("Kiểm tra kỹ thuật"), Some(AgendaKind::KetNoi));
        assert_eq!(infer_agenda_kind("Kết nối, kiểm tra kỹ thuật các điểm cầu"), AgendaKind::KetNoi);
        assert_eq!(infer_agenda_kind("Báo cáo tham luận của huyện Na Hang"), AgendaKind::ThamLuan);
        assert_eq!(infer_agenda_kind("Tuyên bố lý do, giới thiệu đại biểu"), AgendaKind::TuyenBoLyDo);
    }
}
