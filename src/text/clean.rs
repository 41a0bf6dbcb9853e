//! Cleaning cell text (NFC, invisible characters, whitespace) and the keys derived from it:
//! loose keys for matching headers and choices, ASCII slugs for file names.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::legacy;

/// Characters that are invisible in Excel but break matching: zero-width spaces and joiners,
/// the byte-order mark, the word joiner. (U+00AD, the soft hyphen, is *not* here: it is the
/// letter "ư" in TCVN3 text and must survive until the legacy-encoding check.)
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The placeholders Word pastes where a picture or an annotation was (U+FFF9–U+FFFC, the
/// object replacement character): removed from every text as it is read, so they never
/// reach the report's own markers, which use U+FFFC.
pub(crate) fn is_placeholder(c: char) -> bool {
    matches!(c, '\u{FFF9}'..='\u{FFFC}')
}

/// One line of clean text: NFC, invisible characters removed, every run of whitespace
/// (including non-breaking spaces, tabs and line breaks) folded into one space, trimmed.
pub(crate) fn clean_inline(s: &str) -> String {
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
pub(crate) fn clean_multiline(s: &str) -> String {
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
pub(crate) fn strip_diacritics(s: &str) -> String {
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
pub(crate) fn loose_key(s: &str) -> String {
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
    let cut = if full.len() <= SLUG_MAX {
        full.as_str()
    } else {
        let cut = &full[..SLUG_MAX];
        cut.rfind('-').filter(|&i| i > SLUG_MAX / 2).map_or(cut, |i| &cut[..i])
    };
    // Windows cannot make a file named after a device, whatever its extension (`con.pdf`).
    let device = matches!(cut, "con" | "prn" | "aux" | "nul")
        || (cut.len() == 4 && (cut.starts_with("com") || cut.starts_with("lpt")) && cut.as_bytes()[3].is_ascii_digit());
    if device { format!("{cut}-x") } else { cut.to_string() }
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
