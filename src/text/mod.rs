//! Vietnamese text handling shared by every stage: cleaning cell text (NFC, whitespace),
//! the loose keys used to match headers and choices, ASCII file names, dates and times in
//! the forms Decree 30 prescribes, numbers in words, and CLDR `vi` name ordering.
//!
//! Everything here is pure and unit-tested; nothing here knows about sheets or documents.

mod collate;
mod date;
pub mod legacy;
mod words;

pub use collate::{NameOrder, name_sort_key};
pub use date::{Date, Time, month_vi, parse_date_text, parse_time_text};
pub use words::{amount_in_words, number_in_words};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Characters that are invisible in Excel but break matching: zero-width spaces and joiners,
/// the byte-order mark, the word joiner. (U+00AD, the soft hyphen, is *not* here: it is the
/// letter "ư" in TCVN3 text and must survive until the legacy-encoding check.)
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// One line of clean text: NFC, invisible characters removed, every run of whitespace
/// (including non-breaking spaces, tabs and line breaks) folded into one space, trimmed.
pub fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfc() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Multi-line clean text (recipients, notes, narrative): each line cleaned like
/// [`clean_inline`], runs of blank lines folded into one, leading and trailing blank lines
/// dropped. Windows line ends and Excel's `_x000D_` artefacts become plain `\n`.
pub fn clean_multiline(s: &str) -> String {
    let s = s.replace("_x000D_", "").replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = Vec::new();
    for raw in s.split('\n') {
        let line = clean_inline(raw);
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Remove diacritics: `Đặng Thị Hòa` → `Dang Thi Hoa`.
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// The key used to compare headers, sheet names, labels and choices "loosely": case,
/// diacritics, spaces and punctuation are ignored, so `"HỌ VÀ TÊN"`, `"Ho va ten"` and
/// `"Họ  và tên "` all give `hovaten`, and `Cơ quan/Đơn vị` equals `Cơ quan, đơn vị`.
/// A header typed in an old font encoding (`Hä vµ tªn`) is read as the Unicode it stands for.
pub fn loose_key(s: &str) -> String {
    let repaired = legacy::repair(s, None).map(|(_, fixed)| fixed);
    strip_diacritics(repaired.as_deref().unwrap_or(s))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The longest slug: file names stay well inside every file system's limit (255 bytes)
/// and Windows' 260-character paths, whatever a cell holds.
const SLUG_MAX: usize = 60;

/// A lower-case ASCII slug for file names and derived ids: `Nguyễn Văn Hùng` →
/// `nguyen-van-hung`. Never empty (falls back to `x`); at most 60 characters, cut at a
/// word.
pub fn slug(s: &str) -> String {
    let full = slug_full(s);
    if full.len() <= SLUG_MAX {
        return full;
    }
    let cut = &full[..SLUG_MAX];
    cut.rfind('-').filter(|&i| i > SLUG_MAX / 2).map_or(cut, |i| &cut[..i]).to_string()
}

fn slug_full(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in strip_diacritics(s).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() { "x".to_string() } else { out }
}

/// A position and its organisation as one phrase, without saying the organisation twice:
/// `Giám đốc` + `Sở Tài chính` → `Giám đốc Sở Tài chính`; `Phó Chủ tịch UBND tỉnh` +
/// `UBND tỉnh` → `Phó Chủ tịch UBND tỉnh`; `Chánh Văn phòng Điều phối` + `Văn phòng
/// Điều phối nông thôn mới` → `Chánh Văn phòng Điều phối nông thôn mới`; a long position
/// takes a comma: `Phó Chi cục trưởng Chi cục Phát triển nông thôn, Sở Nông nghiệp …`.
pub fn position_with_organization(position: Option<&str>, org: &str) -> String {
    let Some(position) = position.map(|p| p.trim_end_matches([',', '.', ';'])).filter(|p| !p.is_empty()) else {
        return org.to_string();
    };
    if org.is_empty() || loose_key(position).contains(&loose_key(org)) {
        return position.to_string();
    }
    let p_words: Vec<&str> = position.split_whitespace().collect();
    let o_words: Vec<&str> = org.split_whitespace().collect();
    let same = |a: &[&str], b: &[&str]| loose_key(&a.join(" ")) == loose_key(&b.join(" "));
    for k in (2..=p_words.len().min(o_words.len())).rev() {
        if same(&p_words[p_words.len() - k..], &o_words[..k]) {
            // `Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình`: the comma after the shared
            // words stays.
            let sep = if o_words[k - 1].ends_with(',') { ", " } else { " " };
            return format!("{position}{sep}{}", o_words[k..].join(" ")).trim_end().to_string();
        }
    }
    if p_words.len() <= 3 && !position.contains(',') {
        format!("{position} {org}")
    } else {
        format!("{position}, {org}")
    }
}

/// `1800000` → `1.800.000` (Vietnamese thousands separator).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Upper-case the first letter only: `hội nghị` → `Hội nghị`.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case the first letter only (used when a title follows a verb: `Dự Hội nghị`).
pub fn lowercase_first(s: &str) -> String {
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
pub fn sentence_case_body(upper: &str) -> String {
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_position_and_its_unit_are_joined_without_repeating_or_losing_the_comma() {
        let join = |p: &str, o: &str| position_with_organization(Some(p), o);
        assert_eq!(
            join("Chủ tịch Ủy ban nhân dân xã Phúc Yên", "Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình"),
            "Chủ tịch Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình"
        );
        assert_eq!(
            join("Giám đốc Sở Tài chính", "Sở Tài chính tỉnh Tuyên Quang"),
            "Giám đốc Sở Tài chính tỉnh Tuyên Quang"
        );
        assert_eq!(join("Giám đốc", "Sở Tài chính"), "Giám đốc Sở Tài chính");
    }

    use super::*;

    #[test]
    fn clean_inline_folds_whitespace_and_composes() {
        let nfd = "Nguye\u{302}\u{303}n\u{a0}\u{a0}Va\u{306}n\t An\u{200b} ";
        assert_eq!(clean_inline(nfd), "Nguyễn Văn An");
        assert_eq!(clean_inline("   "), "");
        // The soft hyphen is kept for the legacy-encoding detector.
        assert_eq!(clean_inline("ch\u{ad}¬ng"), "ch\u{ad}¬ng");
    }

    #[test]
    fn clean_multiline_keeps_lines() {
        let s = "\n- Như trên;\r\n\r\n\r\n-  Lưu: VT,  NLN. \n\n";
        assert_eq!(clean_multiline(s), "- Như trên;\n\n- Lưu: VT, NLN.");
        assert_eq!(clean_multiline("a_x000D_\nb"), "a\nb");
    }

    #[test]
    fn loose_keys_match_variants() {
        assert_eq!(loose_key("HỌ VÀ TÊN"), "hovaten");
        assert_eq!(loose_key("Ho va ten"), "hovaten");
        assert_eq!(loose_key("Họ  và tên "), "hovaten");
        assert_eq!(loose_key("Cơ quan/Đơn vị"), loose_key("Cơ quan, đơn vị"));
        assert_eq!(loose_key("Giấy mời: Số"), "giaymoiso");
        assert_eq!(loose_key("Thời lượng (phút)"), "thoiluongphut");
    }

    #[test]
    fn thousands_use_dots() {
        assert_eq!(thousands(1_800_000), "1.800.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(0), "0");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Nguyễn Văn Hùng"), "nguyen-van-hung");
        assert_eq!(slug("Đặng Thị Hòa"), "dang-thi-hoa");
        assert_eq!(slug("  O'Brien #1 "), "o-brien-1");
        assert_eq!(slug("陳"), "x");
        let long = slug(&"Nguyễn Văn An ".repeat(30));
        assert!(long.len() <= 60 && long.starts_with("nguyen-van-an-nguyen") && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn body_names_in_sentences() {
        assert_eq!(sentence_case_body("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"), "Ủy ban nhân dân tỉnh Tuyên Quang");
        assert_eq!(sentence_case_body("ỦY BAN NHÂN DÂN HUYỆN NA HANG"), "Ủy ban nhân dân huyện Na Hang");
        assert_eq!(
            sentence_case_body("ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG"),
            "Ủy ban nhân dân thành phố Tuyên Quang"
        );
    }
}
