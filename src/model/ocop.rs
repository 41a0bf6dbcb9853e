//! The OCOP product list and its vocabulary: the six product groups, producer kinds,
//! district names and what a target's name says it counts.

use super::located::Src;
use crate::text::loose_key;

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

/// The producer kinds of the report's Biểu 4, in order.
pub const PRODUCER_KINDS: [&str; 4] = ["Doanh nghiệp", "Hợp tác xã", "Tổ hợp tác", "Hộ sản xuất"];

/// The row of Biểu 4 for producers of no (or an unknown) kind, so the table adds up.
pub const OTHER_KIND: &str = "Khác, chưa rõ loại hình";

/// `Huyện Na Hang`, `huyện Na Hang`, `H. Na Hang`, `Na Hang` → `nahang`; `TP Tuyên
/// Quang`, `TP. Tuyên Quang` → `tuyenquang`.
/// A district as the tables name it: `H. Na Hang` → `Huyện Na Hang` when the configured
/// order has it, else as written.
pub fn district_name<'a>(name: &'a str, order: &'a [String]) -> &'a str {
    let key = district_key(name);
    order.iter().find(|d| district_key(d) == key).map_or(name, String::as_str)
}

pub fn district_key(name: &str) -> String {
    let t = name.trim();
    // Abbreviations with a dot: `H.`, `TP.`, `TX.`, `Q.` (no bare `H`: `Hàm Yên`).
    let t = ["h.", "tp.", "tx.", "q.", "t.p.", "t.x."]
        .iter()
        .find(|a| t.get(..a.len()).is_some_and(|head| head.eq_ignore_ascii_case(a)))
        .map_or(t, |a| &t[a.len()..]);
    let k = loose_key(t);
    for prefix in ["thanhpho", "thixa", "huyen", "quan", "tp"] {
        if let Some(rest) = k.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    k
}

/// Which of [`PRODUCER_KINDS`] a `Loại chủ thể` names.
pub fn kind_key(name: &str) -> Option<usize> {
    let k = loose_key(name);
    if k.contains("doanhnghiep") || k.starts_with("congty") {
        Some(0)
    } else if k.contains("hoptacxa") || k == "htx" {
        Some(1)
    } else if k.contains("tohoptac") || k == "tht" {
        Some(2)
    } else if k.starts_with("ho") || k.contains("hokinhdoanh") || k.contains("hosanxuat") || k.contains("canhan") {
        Some(3)
    } else {
        None
    }
}

/// What a target counts, when the product list can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Products with stars in `min..=max`.
    Products(u8, u8),
    /// Distinct producers (chủ thể).
    Producers,
}

/// What a target measures, from its name: products (of at least / exactly some stars) or
/// producers, when the name says so (`Số sản phẩm OCOP đạt 3 sao trở lên`, `Số chủ thể
/// OCOP`). Anything else (`Số lớp tập huấn cho chủ thể`) cannot be counted from the
/// product list: its achieved figure must be given.
pub fn target_metric(name: &str) -> Option<Metric> {
    let k = loose_key(name);
    let subject = ["tongso", "so"].iter().find_map(|p| k.strip_prefix(p)).unwrap_or(&k);
    let stars = ["3", "4", "5"].iter().position(|s| k.contains(&format!("{s}sao"))).map(|i| i as u8 + 3);
    if subject.starts_with("sanpham") {
        return Some(match stars {
            Some(s) if k.contains(&format!("{s}saotrolen")) => Metric::Products(s, 5),
            Some(s) => Metric::Products(s, s),
            None => Metric::Products(3, 5),
        });
    }
    (subject.starts_with("chuthe") && stars.is_none()).then_some(Metric::Producers)
}

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
