//! The programme, its items and performers, and the signings at the event.

use serde::Serialize;

use super::located::Src;
use crate::text::Time;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AgendaKind {
    /// Connecting and checking the bridge points before the opening.
    KetNoi,
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
    pub const ALL: [AgendaKind; 13] = [
        AgendaKind::KetNoi,
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
            AgendaKind::KetNoi => "Kết nối",
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
            AgendaKind::KetNoi => "ket-noi",
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
pub struct Signing {
    pub party_a: String,
    pub party_b: String,
    /// What is signed: `giao ước thi đua`, `quy chế phối hợp`, `biên bản ghi nhớ`, `hợp đồng`.
    pub kind: Option<String>,
    pub subject: Option<String>,
    pub src: Src,
}
