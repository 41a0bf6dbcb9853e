//! Vietnamese ordering (CLDR `vi`: `đ` after `d`, `ă â` after `a`, tones compared after
//! the letters in the order ngang < huyền < hỏi < ngã < sắc < nặng), and the name order of
//! official lists: given name first, then family and middle names (§5.1 of the layout notes).

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use unicode_normalization::UnicodeNormalization;

static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(locale!("vi").into(), CollatorOptions::default())
        .expect("the `vi` collation is part of ICU4X's compiled data")
});

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Puts the tone of the open rhymes `oa`, `oe`, `uy` on their first vowel (`hoà` → `hòa`,
/// `Thuý` → `Thúy`), the style of Decree 30 (`Ủy ban`, `Hòa`), so that both spellings of a
/// name sort together. `quý` is left alone: there the `u` belongs to `qu`.
pub(crate) fn old_style_tones(word: &str) -> String {
    let decomposed: Vec<char> = word.nfd().collect();
    let Some(tone_at) = decomposed.iter().position(|c| TONES.contains(c)) else {
        return word.to_string();
    };
    let tone = decomposed[tone_at];
    let mut base: Vec<char> = decomposed.clone();
    base.remove(tone_at);
    let letters: Vec<char> = base.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let n = letters.len();
    if n < 2 {
        return word.to_string();
    }
    let pair = (letters[n - 2], letters[n - 1]);
    let open_rhyme = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    let after_q = n >= 3 && letters[n - 3] == 'q';
    // The tone must currently sit on the last vowel (new style) for a move to make sense.
    if !open_rhyme || after_q || tone_at != n {
        return word.to_string();
    }
    base.insert(n - 1, tone);
    base.into_iter().nfc().collect()
}

fn collation_form(s: &str) -> String {
    s.split_whitespace().map(old_style_tones).collect::<Vec<_>>().join(" ")
}

/// Splits a Vietnamese full name into (given name, family + middle names).
fn split_name(full: &str) -> (&str, &str) {
    let full = full.trim();
    match full.rfind(char::is_whitespace) {
        Some(i) => (full[i..].trim(), full[..i].trim()),
        None => (full, ""),
    }
}

/// Comparisons by CLDR `vi`, with old-style tone placement.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameOrder;

impl NameOrder {
    /// Plain Vietnamese alphabetical order of two strings.
    pub fn compare(self, a: &str, b: &str) -> Ordering {
        COLLATOR.compare(&collation_form(a), &collation_form(b)).then_with(|| a.cmp(b))
    }

    /// The order of personal names in official lists: given name, then family and
    /// middle names, then the raw text as a last, stable tie-break.
    pub fn compare_names(self, a: &str, b: &str) -> Ordering {
        let (ga, ra) = split_name(a);
        let (gb, rb) = split_name(b);
        let c = &*COLLATOR;
        c.compare(&collation_form(ga), &collation_form(gb))
            .then_with(|| c.compare(&collation_form(ra), &collation_form(rb)))
            .then_with(|| a.cmp(b))
    }
}

/// A sort key for personal names that orders like [`NameOrder::compare_names`], for
/// `sort_by_cached_key` over large lists.
pub(crate) fn name_sort_key(full: &str) -> Vec<u8> {
    let (given, rest) = split_name(full);
    let mut key = Vec::new();
    let c = &*COLLATOR;
    let _ = c.write_sort_key_to(&collation_form(given), &mut key);
    // ICU4X keys never contain 0x00 except as level separators below 0x01, so a 0x00
    // byte followed by 0x00 cleanly ends the first key before the second begins.
    key.extend_from_slice(&[0, 0]);
    let _ = c.write_sort_key_to(&collation_form(rest), &mut key);
    key.extend_from_slice(&[0, 0]);
    key.extend_from_slice(full.as_bytes());
    key
}

/// A sort key for any text (a village, an item) in Vietnamese alphabetical order, whole
/// numbers in it by value: `Buôn Ơi Đak`, `Đội 3`, `Làng Bi`, `Thôn 2`, `Thôn 10`.
pub(crate) fn text_sort_key(text: &str) -> Vec<u8> {
    let mut padded = String::new();
    let mut digits = String::new();
    for ch in collation_form(text).chars().chain(std::iter::once('\0')) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        if !digits.is_empty() {
            padded.push_str(&format!("{:0>12}", digits));
            digits.clear();
        }
        if ch != '\0' {
            padded.push(ch);
        }
    }
    let mut key = Vec::new();
    let _ = COLLATOR.write_sort_key_to(&padded, &mut key);
    key.extend_from_slice(&[0, 0]);
    key.extend_from_slice(text.as_bytes());
    key
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_sort_alphabetically_with_numbers_by_value() {
        let mut v =
            vec!["Thôn 10", "Thôn 2", "Đội 3", "Làng Bi", "Buôn Ơi Đak", "Thôn Đoàn Kết", "Thôn Tân Lập", "Thôn Ia Mơ"];
        v.sort_by_cached_key(|t| text_sort_key(t));
        assert_eq!(
            v,
            ["Buôn Ơi Đak", "Đội 3", "Làng Bi", "Thôn 2", "Thôn 10", "Thôn Đoàn Kết", "Thôn Ia Mơ", "Thôn Tân Lập"]
        );
    }

    use super::*;

    #[test]
    fn vietnamese_alphabet_and_tones() {
        let mut words = vec!["Hạnh", "Ân", "Dũng", "Anh", "Đức", "Hà", "An", "Bình", "Ánh", "Hải", "Dung"];
        words.sort_by(|a, b| NameOrder.compare(a, b));
        assert_eq!(words, ["An", "Anh", "Ánh", "Ân", "Bình", "Dung", "Dũng", "Đức", "Hà", "Hải", "Hạnh"]);
    }

    #[test]
    fn names_sort_by_given_name_first() {
        let mut names = vec!["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Đức Anh", "Bàn Thị Ân"];
        names.sort_by(|a, b| NameOrder.compare_names(a, b));
        assert_eq!(names, ["Lê Văn An", "Nguyễn Thị An", "Đỗ Đức Anh", "Bàn Thị Ân", "Trần Văn Bình"]);
        let mut keyed = vec!["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Đức Anh", "Bàn Thị Ân"];
        keyed.sort_by_cached_key(|n| name_sort_key(n));
        assert_eq!(keyed, names);
    }

    #[test]
    fn tone_placement_is_normalised_for_sorting() {
        assert_eq!(old_style_tones("hoà"), "hòa");
        assert_eq!(old_style_tones("Thuý"), "Thúy");
        assert_eq!(old_style_tones("quý"), "quý");
        assert_eq!(old_style_tones("Hoàng"), "Hoàng");
        assert_eq!(old_style_tones("khoẻ"), "khỏe");
        assert_eq!(
            NameOrder.compare_names("Lê Thị Hoà", "Lê Thị Hòa").then(Ordering::Equal),
            "Lê Thị Hoà".cmp("Lê Thị Hòa")
        );
    }
}
