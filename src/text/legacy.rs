//! Vietnamese typed in the old 8-bit font encodings — TCVN3 (ABC) and VNI-Windows — and
//! UTF-8 that was read as Windows-1252, detected and turned back into Unicode
//! (nd30-layout §5.4).
//!
//! Such text reaches us as Latin-1 characters (`Tuyªn Quang`, `Tuyeân Quang`,
//! `TuyÃªn Quang`). Text that holds any Vietnamese Unicode letter (ă, đ, ơ, ư, the
//! letters of U+1EA0–U+1EF9, a combining mark) or only ASCII is clean and never touched.
//! Otherwise the cell's font decides when the workbook names one (`.VnTime`, `VNI-Times`).
//! Without a font, text whose words are all Vietnamese syllables (`Tô Hoài`) is clean;
//! else each reading is tried and kept only when every word it gives is a Vietnamese
//! syllable, the encoding's signature deciding between TCVN3 and VNI (nd30-layout §5.4).

use unicode_normalization::UnicodeNormalization;

/// Which old encoding a text was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (ABC), `.VnTime`; `upper` for the capitals-only `…H` fonts.
    Tcvn3 {
        upper: bool,
    },
    Vni,
    /// UTF-8 bytes read as Windows-1252.
    Mojibake,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 { .. } => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
            Legacy::Mojibake => "UTF-8 đọc nhầm thành Windows-1252",
        }
    }
}

/// What a cell's font says about its encoding.
pub(crate) fn from_font(font: &str) -> Option<Legacy> {
    let f = font.trim();
    if f.starts_with(".Vn") || f.starts_with(".VN") {
        // `.VnTimeH`, `.VnArialH`: the H fonts draw capitals.
        return Some(Legacy::Tcvn3 { upper: f.ends_with('H') });
    }
    if f.to_uppercase().starts_with("VNI-") || f.to_uppercase().starts_with("VNI ") {
        return Some(Legacy::Vni);
    }
    None
}

/// The letters of Vietnamese that are not in Latin-1.
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        '\u{102}'
            | '\u{103}'
            | '\u{110}'
            | '\u{111}'
            | '\u{128}'
            | '\u{129}'
            | '\u{168}'
            | '\u{169}'
            | '\u{1A0}'
            | '\u{1A1}'
            | '\u{1AF}'
            | '\u{1B0}'
            | '\u{1EA0}'..='\u{1EF9}'
    )
}

/// The Latin-1 letters Vietnamese uses.
const VI_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// Could this text be in an old encoding? (It has some character beyond ASCII and no
/// Vietnamese Unicode letter, composed or decomposed.)
pub(crate) fn candidate(s: &str) -> bool {
    !s.is_ascii() && !s.chars().any(|c| vietnamese_only(c) || ('\u{300}'..='\u{36F}').contains(&c))
}

/// TCVN3 code → letter (lower case and the untoned capitals).
const TCVN3: [(u8, char); 67] = [
    (0xB5, 'à'),
    (0xB8, 'á'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB9, 'ạ'),
    (0xA8, 'ă'),
    (0xBB, 'ằ'),
    (0xBE, 'ắ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xC6, 'ặ'),
    (0xA9, 'â'),
    (0xC7, 'ầ'),
    (0xCA, 'ấ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCB, 'ậ'),
    (0xAE, 'đ'),
    (0xCC, 'è'),
    (0xD0, 'é'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD1, 'ẹ'),
    (0xAA, 'ê'),
    (0xD2, 'ề'),
    (0xD5, 'ế'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xDD, 'í'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE3, 'ó'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE4, 'ọ'),
    (0xAB, 'ô'),
    (0xE5, 'ồ'),
    (0xE8, 'ố'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE9, 'ộ'),
    (0xAC, 'ơ'),
    (0xEA, 'ờ'),
    (0xED, 'ớ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF3, 'ú'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF4, 'ụ'),
    (0xAD, 'ư'),
    (0xF5, 'ừ'),
    (0xF8, 'ứ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFD, 'ý'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFE, 'ỵ'),
];
const TCVN3_UPPER: [(u8, char); 7] =
    [(0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ')];

/// The Windows-1252 byte of a character as read (Latin-1 above 0xA0; the 0x80–0x9F
/// specials of Windows-1252).
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x80 || (0xA0..=0xFF).contains(&cp) {
        return Some(cp as u8);
    }
    const SPECIAL: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    SPECIAL.iter().find(|(s, _)| *s == c).map(|(_, b)| *b)
}

fn decode_tcvn3(s: &str, upper: bool) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let b = cp1252_byte(c)?;
        let mapped = TCVN3.iter().chain(TCVN3_UPPER.iter()).find(|(code, _)| *code == b).map(|(_, ch)| *ch);
        out.push(match mapped {
            Some(ch) => ch,
            // ASCII, and Windows-1252 punctuation (“ ” – …) which the fonts keep.
            None if b <= 0xA0 => c,
            None => return None,
        });
    }
    Some(if upper { out.to_uppercase() } else { out })
}

// Combining marks.
const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// What a VNI modifier byte adds to the letter before it (lower-case byte values; the
/// upper-case ones are the same letters in capitals).
fn vni_modifier(c: char) -> Option<&'static [char]> {
    Some(match c.to_lowercase().next()? {
        'ø' => &[GRAVE],
        'ù' => &[ACUTE],
        'û' => &[HOOK],
        'õ' => &[TILDE],
        'ï' => &[DOT],
        'â' => &[CIRCUMFLEX],
        'à' => &[CIRCUMFLEX, GRAVE],
        'á' => &[CIRCUMFLEX, ACUTE],
        'å' => &[CIRCUMFLEX, HOOK],
        'ã' => &[CIRCUMFLEX, TILDE],
        'ä' => &[CIRCUMFLEX, DOT],
        'ê' => &[BREVE],
        'è' => &[BREVE, GRAVE],
        'é' => &[BREVE, ACUTE],
        'ú' => &[BREVE, HOOK],
        'ü' => &[BREVE, TILDE],
        'ë' => &[BREVE, DOT],
        _ => return None,
    })
}

/// VNI single-byte letters: đ, ơ, ư and the toned i, ỵ.
fn vni_letter(c: char) -> Option<(char, Option<char>)> {
    let upper = c.is_uppercase();
    let (base, tone) = match c.to_lowercase().next()? {
        'ñ' => ('đ', None),
        'ô' => ('o', Some(HORN)),
        'ö' => ('u', Some(HORN)),
        'ì' => ('i', Some(GRAVE)),
        'í' => ('i', Some(ACUTE)),
        'æ' => ('i', Some(HOOK)),
        'ó' => ('i', Some(TILDE)),
        'ò' => ('i', Some(DOT)),
        'î' => ('y', Some(DOT)),
        _ => return None,
    };
    Some((if upper { base.to_uppercase().next()? } else { base }, tone))
}

fn decode_vni(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut marks: Vec<char> = Vec::new();
        let base = if "aeiouyAEIOUY".contains(c) {
            c
        } else if let Some((base, mark)) = vni_letter(c) {
            marks.extend(mark);
            base
        } else if c.is_ascii() || !c.is_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        } else {
            return None;
        };
        i += 1;
        // Modifiers after a vowel (or after ơ / ư: a tone).
        while i < chars.len()
            && let Some(m) = vni_modifier(chars[i])
        {
            let is_vowel = "aeiouyAEIOUY".contains(base);
            let horn = marks.contains(&HORN);
            let allowed = match m {
                [CIRCUMFLEX, ..] => "aeoAEO".contains(base) && !horn,
                [BREVE, ..] => "aA".contains(base),
                _ => is_vowel,
            };
            if !allowed {
                return None;
            }
            marks.extend_from_slice(m);
            i += 1;
        }
        out.push(base);
        out.extend(marks);
    }
    Some(out.nfc().collect())
}

fn decode_mojibake(s: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = s.chars().map(cp1252_byte).collect();
    let fixed = String::from_utf8(bytes?).ok()?;
    (fixed != s).then_some(fixed)
}

/// The tone marks, as combining characters.
const TONES: [char; 5] = [GRAVE, ACUTE, TILDE, HOOK, DOT];

/// Initial consonants, longest first.
const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "x",
];
/// Final consonants, longest first (`k` for the highland names: Đắk Lắk).
const FINALS: &[&str] = &["ch", "ng", "nh", "c", "k", "m", "n", "p", "t"];
/// The vowel groups of a syllable (glides included).
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia",
    "iu", "iê", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu",
    "ươ", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

/// Two vowels, the second a glide: the tone sits on the first (`bài`, `cầu`, `mười` aside).
const OFFGLIDE: &[&str] = &["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu"];

/// Vowel groups that end the syllable: no consonant may follow (`bai`, never `bain`).
const NO_FINAL: &[&str] = &[
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "iêu",
    "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];

/// Is `word` (letters only) one Vietnamese syllable: an initial, a vowel group, a final,
/// at most one tone, and capitals only in front or throughout?
fn syllable(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let upper = chars.iter().filter(|c| c.is_uppercase()).count();
    let case_ok = upper == 0 || upper == chars.len() || (upper == 1 && chars[0].is_uppercase());
    let decomposed: Vec<char> = word.nfd().collect();
    if !case_ok || decomposed.iter().filter(|c| TONES.contains(c)).count() > 1 {
        return false;
    }
    // Marks sit on vowels only (`ñ` is no Vietnamese letter): circumflex on a/e/o, breve
    // on a, horn on o/u, tones on any vowel.
    let mut base = ' ';
    for &c in &decomposed {
        if !is_combining(c) {
            base = c.to_ascii_lowercase();
            continue;
        }
        let ok = match c {
            CIRCUMFLEX => "aeo".contains(base),
            BREVE => base == 'a',
            HORN => "ou".contains(base),
            _ if TONES.contains(&c) => "aeiouy".contains(base),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    // The letters without their tone (one per base character), and which one carries it.
    let mut letters: Vec<char> = Vec::new();
    let mut tone_at: Option<usize> = None;
    let mut pending = String::new();
    let mut flush = |pending: &mut String| {
        if let Some(c) = pending.nfc().next() {
            letters.push(c.to_lowercase().next().unwrap_or(c));
        }
        pending.clear();
    };
    let mut bases: usize = 0;
    for &c in &decomposed {
        if TONES.contains(&c) {
            tone_at = bases.checked_sub(1);
        } else if is_combining(c) {
            pending.push(c);
        } else {
            flush(&mut pending);
            pending.push(c);
            bases += 1;
        }
    }
    flush(&mut pending);
    let n = letters.len();
    let text = |from: usize, to: usize| letters[from..to].iter().collect::<String>();
    // Does letters[start..end] form the vowel group (with `final_len` letters after it),
    // the tone on the vowel Vietnamese puts it on?
    let nucleus_fits = |start: usize, end: usize, has_final: bool| {
        if start >= end {
            return false;
        }
        let nucleus = text(start, end);
        let nucleus = nucleus.as_str();
        if !NUCLEI.contains(&nucleus) || (has_final && NO_FINAL.contains(&nucleus)) {
            return false;
        }
        // `oo` only closes with ng / c (xoong, moóc).
        if nucleus == "oo" && !(has_final && matches!(text(end, n).as_str(), "ng" | "c")) {
            return false;
        }
        match tone_at.map(|t| t as isize - start as isize) {
            None => true,
            Some(k) if k < 0 || k >= (end - start) as isize => false,
            // An open pair ending in a glide, and ia / ua / ưa: the tone is on the first
            // vowel (bài, cầu, kìa, của), never on the glide (baì).
            Some(k) if !has_final && (OFFGLIDE.contains(&nucleus) || matches!(nucleus, "ia" | "ua" | "ưa")) => k == 0,
            // Three vowels: on the middle one (chiều, ngoài, người), but `uyê` on the ê
            // (nguyễn, chuyện).
            Some(k) if nucleus == "uyê" => k == 2,
            Some(k) if nucleus.chars().count() == 3 => k == 1,
            Some(_) => true,
        }
    };
    let with_final = |start: usize| {
        nucleus_fits(start, n, false)
            || FINALS.iter().any(|f| {
                let len = f.chars().count();
                n >= start + len && text(n - len, n) == *f && nucleus_fits(start, n - len, true)
            })
    };
    with_final(0)
        || INITIALS.iter().any(|i| {
            let len = i.chars().count();
            // `gì`, `quy`: the i / u of gi / qu may be the vowel itself.
            n > len - 1
                && text(0, len.min(n)) == *i
                && ((n > len && with_final(len)) || (matches!(*i, "gi" | "qu") && with_final(len - 1)))
        })
}

/// Does the text read as Vietnamese: is every word that has a letter beyond ASCII a
/// Vietnamese syllable? (ASCII words — `UBND`, `OCOP`, numbers — say nothing either way.)
/// Words are split at spaces and punctuation only: `©`, `¬`, `ª` inside a word are TCVN3
/// letters and make it no syllable. A word without any letter (`©`, `±`) is no evidence.
fn plausible(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || ('\u{2000}'..='\u{206F}').contains(&c))
        .filter(|w| !w.is_ascii() && w.chars().any(char::is_alphabetic) && !acronym(w))
        .all(|w| w.chars().all(|c| c.is_alphabetic() || is_combining(c)) && syllable(w))
}

/// `HĐND`, `QĐ`: capitals with Đ as the only letter beyond ASCII.
fn acronym(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ')
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Characters that Vietnamese Unicode text never has, or capitals inside a word: the
/// signature of TCVN3 (`Tuyªn`, `GiÊy`).
fn tcvn3_score(s: &str) -> usize {
    let foreign = s
        .chars()
        .filter(|&c| {
            let cp = c as u32;
            ((0x80..=0xFF).contains(&cp) && cp != 0xA0 && !VI_LATIN1.contains(c))
                || cp1252_byte(c).is_some_and(|b| (0x80..0xA0).contains(&b))
        })
        .count();
    let inner_capitals = s
        .chars()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0].is_lowercase() && w[1].is_uppercase() && !w[1].is_ascii())
        .count();
    foreign + inner_capitals
}

/// A VNI modifier right after a vowel (`eâ`, `aø`, `oï`…) and the single-byte VNI letters.
fn vni_score(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    // A capital vowel with a capital modifier (`AØ`, `OÁ`) is VNI's way with capitals and
    // counts twice: TCVN3 has no toned capitals.
    let pairs: usize = chars
        .windows(2)
        .filter(|w| "aeiouyAEIOUY".contains(w[0]) && vni_modifier(w[1]).is_some())
        .map(|w| if w[0].is_uppercase() && w[1].is_uppercase() { 2 } else { 1 })
        .sum();
    pairs + chars.iter().filter(|c| "ñöæîÑÖÆÎ".contains(**c)).count()
}

/// Repairs `s` when it is in an old encoding: the one its font names when known, else the
/// one detected. `None` when the text is clean (or reads as none of them).
pub(crate) fn repair(s: &str, font: Option<Legacy>) -> Option<(Legacy, String)> {
    if !candidate(s) {
        return None;
    }
    let decode = |enc: Legacy| match enc {
        Legacy::Tcvn3 { upper } => decode_tcvn3(s, upper),
        Legacy::Vni => decode_vni(s),
        Legacy::Mojibake => decode_mojibake(s),
    };
    if let Some(enc) = font {
        // The font is what the clerk saw: trust it.
        return decode(enc).filter(|fixed| fixed != s).map(|fixed| (enc, fixed));
    }
    // Vietnamese written with Latin-1 letters only (`Tô Hoài`) is already right.
    if plausible(s) {
        return None;
    }
    let good = |enc: Legacy| decode(enc).filter(|f| f != s && plausible(f) && !f.is_ascii());
    if let Some(fixed) = good(Legacy::Mojibake) {
        return Some((Legacy::Mojibake, fixed));
    }
    let tcvn3 = good(Legacy::Tcvn3 { upper: false });
    let vni = good(Legacy::Vni);
    match (tcvn3, vni) {
        (Some(t), Some(v)) => {
            Some(if vni_score(s) > tcvn3_score(s) { (Legacy::Vni, v) } else { (Legacy::Tcvn3 { upper: false }, t) })
        }
        (Some(t), None) => Some((Legacy::Tcvn3 { upper: false }, t)),
        (None, Some(v)) => Some((Legacy::Vni, v)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_signatures() {
        // nd30-layout §5.4, computed from the TCVN3 table.
        let cases = [
            ("Tuyªn Quang", "Tuyên Quang"),
            ("nh©n d©n", "nhân dân"),
            ("Héi nghÞ s¬ kÕt", "Hội nghị sơ kết"),
            ("QuyÕt ®Þnh", "Quyết định"),
            ("§ång chÝ", "Đồng chí"),
            ("GiÊy mêi", "Giấy mời"),
            ("B»ng khen", "Bằng khen"),
            ("Chiªm Hãa", "Chiêm Hóa"),
            ("S¬n D\u{ad}¬ng", "Sơn Dương"),
            ("tØnh", "tỉnh"),
        ];
        for (legacy, unicode) in cases {
            assert_eq!(repair(legacy, None), Some((Legacy::Tcvn3 { upper: false }, unicode.to_string())), "{legacy}");
        }
        // A capitals font draws the same codes as capitals.
        assert_eq!(repair("ñy ban nh©n d©n", Some(Legacy::Tcvn3 { upper: true })).unwrap().1, "ỦY BAN NHÂN DÂN");
    }

    #[test]
    fn vni_signatures() {
        let cases = [
            ("Tuyeân Quang", "Tuyên Quang"),
            ("nhaân daân", "nhân dân"),
            ("Hoäi nghò sô keát", "Hội nghị sơ kết"),
            ("Quyeát ñònh", "Quyết định"),
            ("Ñoàng chí", "Đồng chí"),
            ("Sôn Döông", "Sơn Dương"),
            ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
            ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            ("ÑANG", "ĐANG"),
            ("Hoä kinh doanh", "Hộ kinh doanh"),
            ("Tinh boät ngheä", "Tinh bột nghệ"),
        ];
        for (legacy, unicode) in cases {
            assert_eq!(repair(legacy, None), Some((Legacy::Vni, unicode.to_string())), "{legacy}");
        }
    }

    #[test]
    fn mojibake() {
        assert_eq!(repair("TuyÃªn Quang", None).unwrap(), (Legacy::Mojibake, "Tuyên Quang".to_string()));
        assert_eq!(repair("Há»™i nghá»‹", None).unwrap(), (Legacy::Mojibake, "Hội nghị".to_string()));
        assert_eq!(repair("Nguyá»…n VÄƒn An", None).unwrap(), (Legacy::Mojibake, "Nguyễn Văn An".to_string()));
    }

    #[test]
    fn clean_text_is_never_touched() {
        for clean in [
            "Nguyễn Văn An",
            "Lê Bá",
            "Tô Hoài",
            "Hà Nội",
            "Cà Mau",
            "Tuân",
            "Lò Văn Sỏn",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "José Martí",
            "café",
            "08:00",
            "Phòng Kinh tế",
            "Hồ Chí Minh",
            "Bà",
            "Ông",
            "Hà Thị Bình",
        ] {
            assert_eq!(repair(clean, None), None, "{clean}");
        }
    }

    #[test]
    fn syllables() {
        for good in
            ["Nguyễn", "nghiêng", "Giấy", "gì", "quy", "khuya", "chuyện", "Đắk", "rượu", "HOÀI", "xoong", "oanh"]
        {
            assert!(syllable(good), "{good}");
        }
        // Old encodings read as Latin-1, and tones where Vietnamese never puts them.
        for bad in ["Tuyeân", "mêi", "GiÊy", "José", "café", "Krông", "nghị́", "ñan", "baì", "Hoọ", "boọt", "kià"]
        {
            assert!(!syllable(bad), "{bad}");
        }
    }

    #[test]
    fn fonts_name_the_encoding() {
        assert_eq!(from_font(".VnTime"), Some(Legacy::Tcvn3 { upper: false }));
        assert_eq!(from_font(".VnTimeH"), Some(Legacy::Tcvn3 { upper: true }));
        assert_eq!(from_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(from_font("Times New Roman"), None);
    }
}
