//! A synthetic conference of any size, for benchmarks and scale tests
//! (`vanthu tao-du-lieu --dai-bieu N`, hidden).
//!
//! It starts from the embedded OCOP sample (so every setting, group, agenda item and
//! template stays valid) and grows it in proportion: more commune, producer and business
//! delegates with realistic Vietnamese names (namesakes included, as in life), about one
//! awardee in five of them, about two products for every three delegates, and rows added to
//! the hall until everyone has a seat. The same size and seed always give the same files.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use super::starter::{Form, XLSX_NAME, YAML_NAME, write_forms};
use crate::diag::Diagnostics;

/// The sample the synthetic conference grows from.
const SAMPLE: &str = include_str!("../../data/so-ket-ocop-2023/hoi-nghi.yaml");

/// The groups new delegates join, with their weights.
const GROUPS: [(&str, u32); 4] =
    [("Xã, phường, thị trấn", 50), ("Chủ thể OCOP", 30), ("Doanh nghiệp", 10), ("Sở, ban, ngành", 10)];

/// Family names with rough frequencies in Vietnam (per mille).
const FAMILY: [(&str, u32); 16] = [
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 50),
    ("Vũ", 40),
    ("Phan", 40),
    ("Đặng", 30),
    ("Bùi", 30),
    ("Đỗ", 30),
    ("Hồ", 20),
    ("Ngô", 20),
    ("Dương", 20),
    ("Lý", 15),
    ("Ma", 15),
    ("Triệu", 15),
];
const MIDDLE_MALE: [&str; 8] = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Công"];
const MIDDLE_FEMALE: [&str; 7] = ["Thị", "Thu", "Thị Thu", "Hồng", "Ngọc", "Thanh", "Minh"];
const GIVEN_MALE: [&str; 24] = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn",
    "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu",
];
const GIVEN_FEMALE: [&str; 22] = [
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga",
    "Ngọc", "Nhung", "Phương", "Thảo", "Thủy", "Trang", "Yến",
];
/// Commune names (those of the sample's province and common ones elsewhere).
const COMMUNES: [&str; 24] = [
    "Tân Thành",
    "Hồng Thái",
    "Kim Phú",
    "Thái Long",
    "Đà Vị",
    "Xuân Vân",
    "Hà Lang",
    "Kim Quan",
    "Thanh Tương",
    "Minh Xuân",
    "Trung Sơn",
    "Lăng Can",
    "Yên Thuận",
    "Phúc Ninh",
    "Tân Long",
    "Hòa Phú",
    "Kiến Thiết",
    "Sơn Nam",
    "Hợp Hòa",
    "Tú Thịnh",
    "Đông Thọ",
    "Vĩnh Lợi",
    "Bình An",
    "Thượng Lâm",
];
const POSITIONS: [&str; 5] =
    ["Chủ tịch", "Phó Chủ tịch", "Công chức Văn phòng - Thống kê", "Công chức Kinh tế", "Chủ tịch Hội Nông dân"];
const PRODUCTS: [(&str, &str); 10] = [
    ("Chè Shan tuyết", "Đồ uống"),
    ("Mật ong", "Thực phẩm"),
    ("Miến dong", "Thực phẩm"),
    ("Cam sành", "Thực phẩm"),
    ("Bưởi", "Thực phẩm"),
    ("Rượu ngô men lá", "Đồ uống"),
    ("Thịt trâu gác bếp", "Thực phẩm"),
    ("Trà hoa vàng", "Dược liệu và sản phẩm từ dược liệu"),
    ("Khăn thổ cẩm", "Hàng thủ công mỹ nghệ"),
    ("Măng khô", "Thực phẩm"),
];
const DISTRICTS: [&str; 7] = [
    "Thành phố Tuyên Quang",
    "Huyện Lâm Bình",
    "Huyện Na Hang",
    "Huyện Chiêm Hóa",
    "Huyện Hàm Yên",
    "Huyện Yên Sơn",
    "Huyện Sơn Dương",
];
/// Seats per row in the added rows: left, centre, right blocks.
const ROW_BLOCKS: [(&str, u64); 3] = [("Trái", 6), ("Giữa", 12), ("Phải", 6)];

/// The sample's own delegate count: the smallest synthetic conference.
pub fn sample_size() -> usize {
    sample()["delegates"].as_sequence().map_or(0, Vec::len)
}

fn sample() -> Value {
    serde_yaml::from_str(SAMPLE).expect("the embedded sample is valid YAML")
}

/// The YAML of a conference of `delegates` delegates (at least the sample's), the same for
/// the same seed.
pub fn yaml(delegates: usize, seed: u64) -> String {
    let mut doc = sample();
    let mut rng = fastrand::Rng::with_seed(seed);
    let root = doc.as_mapping_mut().expect("the sample is a mapping");
    let base = root["delegates"].as_sequence().map_or(0, Vec::len);
    let extra = delegates.saturating_sub(base);
    let mut people = Vec::with_capacity(extra);
    for i in 0..extra {
        people.push(person(&mut rng, i));
    }
    // One award per name and unit: namesakes in one commune office would be one person.
    let mut awarded = std::collections::HashSet::new();
    let awards: Vec<Value> = people
        .iter()
        .filter(|p| {
            rng.u32(0..100) < 21 && awarded.insert((p.name.clone(), p.position.clone(), p.organization.clone()))
        })
        .map(award)
        .collect();
    let products: Vec<Value> = (0..extra * 2 / 3).map(|_| product(&mut rng)).collect();
    push_all(root, "delegates", people.into_iter().map(|p| p.delegate));
    push_all(root, "awards", awards);
    push_all(root, "products", products);
    grow_hall(root, base + extra);
    root.insert("id".into(), format!("tong-hop-{delegates}").into());
    let mut text = format!(
        "# Hội nghị tổng hợp (dữ liệu giả lập) với {delegates} đại biểu, hạt giống {seed}: \
         tạo bởi `vanthu tao-du-lieu`, dựa trên dữ liệu mẫu OCOP.\n"
    );
    text.push_str(&serde_yaml::to_string(&doc).expect("YAML values serialise"));
    text
}

/// Writes the synthetic conference into `dir` as `hoi-nghi.xlsx` and `hoi-nghi.yaml`
/// (overwriting them). Returns the files written.
pub fn write(dir: &Path, delegates: usize, seed: u64) -> Result<Vec<PathBuf>, Diagnostics> {
    write_forms(dir, &yaml(delegates, seed), "hoi-nghi.yaml", false, &[Form::Workbook, Form::Yaml])?;
    Ok(vec![dir.join(XLSX_NAME), dir.join(YAML_NAME)])
}

/// One generated delegate, and what an award or a product needs to know of them.
struct Person {
    delegate: Value,
    name: String,
    honorific: &'static str,
    position: String,
    organization: String,
    id: String,
}

fn weighted<T: Copy>(rng: &mut fastrand::Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.u32(0..total);
    for (item, w) in items {
        if pick < *w {
            return *item;
        }
        pick -= w;
    }
    items[items.len() - 1].0
}

fn person(rng: &mut fastrand::Rng, i: usize) -> Person {
    let female = rng.bool();
    let family = weighted(rng, &FAMILY);
    let (middle, given) = if female {
        (MIDDLE_FEMALE[rng.usize(..MIDDLE_FEMALE.len())], GIVEN_FEMALE[rng.usize(..GIVEN_FEMALE.len())])
    } else {
        (MIDDLE_MALE[rng.usize(..MIDDLE_MALE.len())], GIVEN_MALE[rng.usize(..GIVEN_MALE.len())])
    };
    let name = format!("{family} {middle} {given}");
    let honorific = if female { "Bà" } else { "Ông" };
    let group = weighted(rng, &GROUPS);
    let commune = COMMUNES[rng.usize(..COMMUNES.len())];
    let district = DISTRICTS[rng.usize(..DISTRICTS.len())];
    let (position, organization) = match group {
        "Chủ thể OCOP" => {
            let product = PRODUCTS[rng.usize(..PRODUCTS.len())].0;
            ("Giám đốc".to_string(), format!("Hợp tác xã {product} {commune}, {}", district.to_lowercase()))
        }
        "Doanh nghiệp" => ("Giám đốc".to_string(), format!("Công ty TNHH Nông sản {commune}")),
        "Sở, ban, ngành" => ("Chuyên viên".to_string(), "Sở Nông nghiệp và Phát triển nông thôn".to_string()),
        _ => {
            let position = POSITIONS[rng.usize(..POSITIONS.len())];
            (format!("{position} Ủy ban nhân dân xã {commune}"), format!("Ủy ban nhân dân xã {commune}"))
        }
    };
    let id = format!("TH{:05}", i + 1);
    let phone = format!("09{:08}", rng.u32(0..100_000_000));
    let mut m = Mapping::new();
    for (k, v) in [
        ("id", id.clone()),
        ("honorific", honorific.to_string()),
        ("name", name.clone()),
        ("position", position.clone()),
        ("organization", organization.clone()),
        ("group", group.to_string()),
        ("roles", String::new()),
        ("invited", "Có".to_string()),
        ("attendance", "Tham dự".to_string()),
        ("seat", String::new()),
        ("phone", phone),
        ("email", String::new()),
        ("address", format!("{organization}, tỉnh Tuyên Quang")),
        ("note", String::new()),
    ] {
        m.insert(k.into(), v.into());
    }
    m.insert("rank".into(), Value::from(i as u64 + 1000));
    Person { delegate: Value::Mapping(m), name, honorific, position, organization, id }
}

fn award(p: &Person) -> Value {
    let mut m = Mapping::new();
    for (k, v) in [
        ("kind", "Cá nhân"),
        ("honorific", p.honorific),
        ("name", &p.name),
        ("unit", &format!("{}, {}", p.position, p.organization)),
        ("achievement", ""),
        ("form", "Bằng khen"),
        ("proposer", &p.organization),
        ("delegate_id", &p.id),
    ] {
        m.insert(k.into(), v.into());
    }
    Value::Mapping(m)
}

fn product(rng: &mut fastrand::Rng) -> Value {
    let (product, group) = PRODUCTS[rng.usize(..PRODUCTS.len())];
    let commune = COMMUNES[rng.usize(..COMMUNES.len())];
    let district = DISTRICTS[rng.usize(..DISTRICTS.len())];
    let year = rng.u32(2021..=2023);
    let mut m = Mapping::new();
    m.insert("name".into(), format!("{product} {commune}").into());
    m.insert("producer".into(), format!("Hợp tác xã {product} {commune}").into());
    m.insert("producer_kind".into(), "Hợp tác xã".into());
    m.insert("district".into(), district.into());
    m.insert("product_group".into(), group.into());
    m.insert("stars".into(), Value::from(if rng.u32(0..10) < 8 { 3 } else { 4 }));
    m.insert("year".into(), Value::from(year));
    m.insert("decision".into(), format!("{}/QĐ-UBND ngày 29/12/{year}", 600 + year % 100).into());
    Value::Mapping(m)
}

fn push_all(root: &mut Mapping, key: &str, items: impl IntoIterator<Item = Value>) {
    if let Some(seq) = root.get_mut(key).and_then(Value::as_sequence_mut) {
        seq.extend(items);
    }
}

/// Rows of three blocks added behind the sample's hall until there are a tenth more seats
/// than delegates.
fn grow_hall(root: &mut Mapping, delegates: usize) {
    let Some(hall) = root.get_mut("hall").and_then(Value::as_sequence_mut) else { return };
    let seats: u64 = hall.iter().filter_map(|r| r["seats"].as_u64()).sum();
    let rows: Vec<String> = hall.iter().filter_map(|r| r["row"].as_str().map(str::to_string)).collect();
    let needed = (delegates as u64 * 11).div_ceil(10);
    let per_row: u64 = ROW_BLOCKS.iter().map(|(_, n)| n).sum();
    let mut label = (0..).map(row_label).filter(|l| !rows.contains(l));
    let mut total = seats;
    while total < needed {
        let row = label.next().expect("labels never run out");
        for (block, n) in ROW_BLOCKS {
            let mut m = Mapping::new();
            m.insert("block".into(), block.into());
            m.insert("row".into(), row.clone().into());
            m.insert("seats".into(), Value::from(n));
            m.insert("reserved_for".into(), "".into());
            hall.push(Value::Mapping(m));
        }
        total += per_row;
    }
}

/// Row labels as in halls: A…Z, then AA, AB, … (no Đ, which reads as the presidium's ĐCT).
fn row_label(mut i: usize) -> String {
    let mut label = Vec::new();
    loop {
        label.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    label.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_labels_run_like_spreadsheet_columns() {
        let labels: Vec<String> = [0, 25, 26, 27, 701, 702].into_iter().map(row_label).collect();
        assert_eq!(labels, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn the_same_seed_gives_the_same_conference_and_another_seed_another() {
        assert_eq!(yaml(400, 7), yaml(400, 7));
        assert_ne!(yaml(400, 7), yaml(400, 8));
    }
}
