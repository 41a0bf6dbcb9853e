//! Letter case and phrasing: capitalisation, a body's name inside a sentence, a position
//! joined with its organisation.

use super::clean::loose_key;

/// Upper-case the first letter only: `hội nghị` → `Hội nghị`.
pub(crate) fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every letter is a capital (and there are at least two): `KT. CHỦ TỊCH`, `QUYẾT ĐỊNH:`.
pub(crate) fn is_capitals(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Lower-case the first letter only (used when a title follows a verb: `Dự Hội nghị`).
pub(crate) fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Administrative-unit nouns after which the proper name is capitalised (Decree 30
/// Appendix II: "tỉnh Tuyên Quang", "huyện Na Hang").
const UNIT_NOUNS: [&str; 7] = ["tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường"];

/// The body's name as written inside a sentence, derived from its upper-case header form:
/// `ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG` → `Ủy ban nhân dân tỉnh Tuyên Quang`. Words after
/// an administrative-unit noun are title-cased; everything else is lower case with a
/// capital first letter. Bodies with capitalised field names (`Sở Tài chính`) cannot be
/// derived this way: the data can give the sentence form explicitly.
pub(crate) fn sentence_case_body(upper: &str) -> String {
    if let Some(named) = field_body(upper) {
        return named;
    }
    let lower = upper.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut proper = false;
    let mut i = 0;
    while i < words.len() {
        let two = if i + 1 < words.len() { format!("{} {}", words[i], words[i + 1]) } else { String::new() };
        if !proper && UNIT_NOUNS.contains(&two.as_str()) {
            out.push(two);
            proper = true;
            i += 2;
            continue;
        }
        if !proper && UNIT_NOUNS.contains(&words[i]) && i > 0 {
            out.push(words[i].to_string());
            proper = true;
            i += 1;
            continue;
        }
        out.push(if proper { capitalize_first(words[i]) } else { words[i].to_string() });
        i += 1;
    }
    capitalize_first(&out.join(" "))
}

/// A ministry, department or general department named by its field (`BỘ GIÁO DỤC VÀ ĐÀO
/// TẠO` → `Bộ Giáo dục và Đào tạo`, `SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`, `CỤC CHĂN NUÔI VÀ
/// THÚ Y`): each field's first word takes a capital (Decree 30, Appendix II: names of
/// bodies). `None` for other names.
fn field_body(upper: &str) -> Option<String> {
    let lower = upper.trim().to_lowercase();
    let noun = ["tổng cục ", "chi cục ", "bộ ", "sở ", "cục ", "vụ ", "phòng ", "trung tâm "]
        .into_iter()
        .find(|n| lower.starts_with(n))?;
    let rest = &lower[noun.len()..];
    if rest.is_empty() {
        return None;
    }
    let mut out = capitalize_first(noun.trim_end());
    let mut start = true;
    for word in rest.split_whitespace() {
        out.push(' ');
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare == "và" || bare.is_empty() {
            out.push_str(word);
            start = true;
            continue;
        }
        out.push_str(&if start { capitalize_first(word) } else { word.to_string() });
        start = word.ends_with([',', '-']);
    }
    // The one field written with two capitals.
    Some(out.replace("Công thương", "Công Thương"))
}

/// A position and its organisation as one phrase, without saying the organisation twice:
/// `Giám đốc` + `Sở Tài chính` → `Giám đốc Sở Tài chính`; `Phó Chủ tịch UBND tỉnh` +
/// `UBND tỉnh` → `Phó Chủ tịch UBND tỉnh`; `Chánh Văn phòng Điều phối` + `Văn phòng
/// Điều phối nông thôn mới` → `Chánh Văn phòng Điều phối nông thôn mới`; a long position
/// takes a comma: `Phó Chi cục trưởng Chi cục Phát triển nông thôn, Sở Nông nghiệp …`.
pub(crate) fn position_with_organization(position: Option<&str>, org: &str) -> String {
    let Some(position) = position.map(|p| p.trim_end_matches([',', '.', ';'])).filter(|p| !p.is_empty()) else {
        return org.to_string();
    };
    if org.is_empty() || loose_key(&expand(position)).contains(&loose_key(&expand(org))) {
        return position.to_string();
    }
    // Compared with `UBND`, `HĐND` written out: `Chủ tịch UBND xã` + `Ủy ban nhân dân xã
    // Ia Sao` share `Ủy ban nhân dân xã`. What follows is the organisation's own words.
    let p_long = expand(position);
    let p_words: Vec<&str> = p_long.split_whitespace().collect();
    let o_words: Vec<&str> = org.split_whitespace().collect();
    // The organisation's words written out, each with the index of the word it comes from.
    let o_long: Vec<(String, usize)> = o_words
        .iter()
        .enumerate()
        .flat_map(|(i, w)| expand(w).split_whitespace().map(|x| (x.to_string(), i)).collect::<Vec<_>>())
        .collect();
    let same = |a: &[&str], b: &[(String, usize)]| {
        loose_key(&a.join(" ")) == loose_key(&b.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" "))
    };
    for k in (1..=p_words.len().min(o_long.len())).rev() {
        // One shared word only when it is the unit's noun, written the same with its marks,
        // after the head's title: `Trưởng thôn` + `Thôn Plei Bông`, `Phó Trưởng phòng` +
        // `Phòng Nội vụ` — not `Hiệu trưởng` + `Trường …` (trưởng ≠ trường), nor `Chủ tịch
        // Hội đồng trường` + `Trường …` (the council's name).
        if k == 1 {
            let unit = o_long[0].0.to_lowercase();
            let last = p_words[p_words.len() - 1].to_lowercase();
            let before = p_words.len().checked_sub(2).map(|i| p_words[i].to_lowercase());
            let titled = p_words.len() == 2 || before.as_deref() == Some("trưởng");
            if !SHARED_UNIT_WORDS.contains(&unit.as_str()) || last != unit || !titled {
                continue;
            }
        }
        // The shared words must end with a word of the organisation, not inside `UBND`.
        let ends_a_word = o_long.get(k).is_none_or(|(_, i)| *i != o_long[k - 1].1);
        if ends_a_word && same(&p_words[p_words.len() - k..], &o_long[..k]) {
            let next = o_long[k - 1].1 + 1;
            // `Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình`: the comma after the shared
            // words stays.
            let sep = if o_words[next - 1].ends_with(',') { ", " } else { " " };
            return format!("{position}{sep}{}", o_words[next..].join(" ")).trim_end().to_string();
        }
    }
    let words = position.split_whitespace().count();
    if (words <= 3 || of_an_organ(position, org)) && !position.contains(',') {
        format!("{position} {org}")
    } else {
        format!("{position}, {org}")
    }
}

/// Whether a position ends with the body's Party or union organ and the organisation is the
/// body (`Bí thư Đảng ủy` + `Trường Đại học …`, `Chủ tịch Công đoàn` + `Bệnh viện …`): the
/// organ is the body's, so no comma.
fn of_an_organ(position: &str, org: &str) -> bool {
    const ORGANS: [&str; 5] = ["đảng ủy", "đảng bộ", "chi bộ", "công đoàn", "hội đồng"];
    const BODIES: [&str; 10] =
        ["trường", "bệnh viện", "viện", "học viện", "đại học", "cục", "sở", "bộ", "công ty", "tổng công ty"];
    let p = position.to_lowercase();
    let o = org.to_lowercase();
    ORGANS.iter().any(|x| p.ends_with(&format!(" {x}"))) && BODIES.iter().any(|b| o.starts_with(&format!("{b} ")))
}

/// The nouns of units a position may end with (`Trưởng thôn`, `Trưởng phòng`).
const SHARED_UNIT_WORDS: [&str; 14] =
    ["thôn", "làng", "buôn", "bản", "ấp", "tổ", "phòng", "ban", "sở", "trường", "khoa", "hội", "đội", "trạm"];

/// `UBND` and `HĐND` written out, for comparing names.
fn expand(text: &str) -> String {
    text.split_whitespace()
        .map(|w| match w.trim_end_matches(',') {
            "UBND" => w.replace("UBND", "Ủy ban nhân dân"),
            "HĐND" => w.replace("HĐND", "Hội đồng nhân dân"),
            "MTTQ" => w.replace("MTTQ", "Mặt trận Tổ quốc"),
            "MTTQVN" => w.replace("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
            "TNCS" => w.replace("TNCS", "Thanh niên Cộng sản"),
            "CCB" => w.replace("CCB", "Cựu chiến binh"),
            "LHPN" => w.replace("LHPN", "Liên hiệp Phụ nữ"),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `["A", "B", "C"]` → `A, B và C`.
pub fn join_vi(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} và {}", items[..n - 1].join(", "), items[n - 1]),
    }
}
