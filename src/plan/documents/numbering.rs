//! The numbering Vietnamese documents use: `Phần I`, `Chương II`, `I.` (Mục), `1.` and
//! `1.1.` (khoản), `a)` (điểm), `Điều 1.`; and a khoản's title up to its colon.

pub(super) use crate::text::is_capitals;

/// The Vietnamese alphabet of điểm letters (no f, j, w, z; đ after d).
pub(super) const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
];

/// Where the numbering stands, for the slips it warns about.
#[derive(Default)]
pub(super) struct Numbering {
    /// The last Mục (Roman numeral) and its line.
    pub section: Option<u32>,
    /// The last khoản number in the current Mục / Điều.
    pub item: Option<u32>,
    /// The last điểm letter (index into [`LETTERS`]) in the current khoản.
    pub point: Option<usize>,
    pub article: Option<u32>,
}

pub(super) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| "IVXLC".contains(c)) {
        return None;
    }
    let v = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let chars: Vec<u32> = s.chars().map(v).collect();
    let mut total = 0;
    for (i, &c) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > c) { total -= c as i64 } else { total += c as i64 }
    }
    (total > 0).then_some(total as u32)
}

pub(super) fn roman(n: u32) -> String {
    crate::plan::summary::roman(n as usize)
}

/// What a line's numbering says.
pub(super) enum Numbered<'a> {
    Part { label: String, rest: &'a str },
    Section { n: u32, rest: &'a str },
    Item { n: Option<u32>, label: &'a str, rest: &'a str },
    Point { letter: &'a str },
    Article { n: u32, rest: &'a str },
}

pub(super) fn numbered(line: &str) -> Option<Numbered<'_>> {
    let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim_start();
    let lower = head.to_lowercase();
    if matches!(lower.as_str(), "phần" | "chương" | "mục" | "tiểu")
        && let Some(num) = rest.split([' ', '.', ':']).next()
        && !num.is_empty()
        && (roman_value(num).is_some() || num.chars().all(|c| c.is_ascii_digit()) || num.starts_with("thứ"))
        && head.chars().next().is_some_and(char::is_uppercase)
    {
        // `Phần thứ nhất`, `Phần I. TITLE`, `Chương II - TITLE`.
        let (label_rest, title) = if num == "thứ" || num.starts_with("thứ") {
            let mut words = rest.splitn(3, ' ');
            let a = words.next().unwrap_or("");
            let b = words.next().unwrap_or("");
            (format!("{a} {b}"), words.next().unwrap_or(""))
        } else {
            (num.to_string(), rest[num.len()..].trim_start_matches(['.', ':', ' ', '-', '–']))
        };
        let label = format!("{} {}", crate::text::capitalize_first(&lower), label_rest.trim_end_matches(['.', ':']));
        return Some(Numbered::Part { label, rest: title.trim() });
    }
    if lower == "điều"
        && let Some((n, after)) = rest.split_once('.')
        && let Ok(n) = n.trim().parse::<u32>()
    {
        return Some(Numbered::Article { n, rest: after.trim() });
    }
    if let Some(num) = head.strip_suffix('.') {
        if let Some(n) = roman_value(num) {
            return Some(Numbered::Section { n, rest });
        }
        if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.') && !num.starts_with('.') {
            let n = if num.contains('.') { None } else { num.parse().ok() };
            return Some(Numbered::Item { n, label: head, rest });
        }
    }
    // `1.1 Title` (no final dot on a sub-khoản).
    if head.contains('.')
        && head.chars().all(|c| c.is_ascii_digit() || c == '.')
        && head.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !rest.is_empty()
    {
        return Some(Numbered::Item { n: None, label: head, rest });
    }
    if let Some(letter) = head.strip_suffix(')')
        && LETTERS.contains(&letter)
    {
        return Some(Numbered::Point { letter });
    }
    None
}

/// A khoản's (or Điều's) text split into its bold title and the rest: up to a colon
/// outside brackets (`Địa điểm: Tại …`); the whole of a short line with no final stop
/// (`Mục đích`); nothing of a sentence.
pub(super) fn title_split(rest: &str) -> (String, String) {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            // A title is short (`Thời gian thực hiện:`); a long text before a colon, or a
            // list before a final colon, is a sentence introducing what follows
            // (`Thành lập Ban Tổ chức …, gồm:`).
            ':' if depth == 0
                && rest[..i].chars().count() <= 80
                && !(rest[i + 1..].trim().is_empty() && rest[..i].contains(',')) =>
            {
                let after = &rest[i + 1..];
                return (rest[..=i].to_string(), after.to_string());
            }
            ':' if depth == 0 => return (String::new(), rest.to_string()),
            _ => {}
        }
    }
    if !rest.ends_with(['.', ';', '!', '?', ',']) && rest.chars().count() <= 150 {
        (rest.to_string(), String::new())
    } else {
        (String::new(), rest.to_string())
    }
}

/// `3.Chế độ …`, `II.THỜI GIAN`: the space a hurried hand left out after a number, put
/// back so the line reads as numbered.
pub(super) fn spaced(line: &str) -> String {
    let head: String = line.chars().take_while(|c| c.is_ascii_digit() || c == &'.').collect();
    let roman: String = line.chars().take_while(|c| "IVXLC.".contains(*c)).collect();
    for h in [head, roman] {
        if h.len() >= 2
            && h.ends_with('.')
            && !h.starts_with('.')
            && line[h.len()..].chars().next().is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
        {
            return format!("{h} {}", &line[h.len()..]);
        }
    }
    line.to_string()
}

/// How deep a khoản's label is: `1.` → 1, `1.2.` → 2, `1.2` → 2.
pub(super) fn depth(label: &str) -> usize {
    label.trim_end_matches('.').split('.').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(title_split("Mục đích"), ("Mục đích".into(), String::new()));
        assert_eq!(title_split("Địa điểm: Tại Trung tâm."), ("Địa điểm:".into(), " Tại Trung tâm.".into()));
        assert_eq!(title_split("Các ngành (các Sở: Y tế...)"), ("Các ngành (các Sở: Y tế...)".into(), String::new()));
        assert_eq!(title_split("Quyết định này có hiệu lực."), (String::new(), "Quyết định này có hiệu lực.".into()));
        let long = "Thành lập Ban Tổ chức Hội nghị tổng kết phong trào thi đua yêu nước năm 2025, gồm các ông (bà) có tên sau:";
        assert_eq!(title_split(long), (String::new(), long.into()));
    }

    #[test]
    fn numbering_is_read() {
        assert!(matches!(numbered("II. NỘI DUNG"), Some(Numbered::Section { n: 2, .. })));
        assert!(matches!(numbered("3. Thành phần"), Some(Numbered::Item { n: Some(3), .. })));
        assert!(matches!(numbered("2.1. Chi tiết"), Some(Numbered::Item { n: None, .. })));
        assert!(matches!(numbered("đ) điểm"), Some(Numbered::Point { letter: "đ", .. })));
        assert!(matches!(numbered("Điều 2. Hiệu lực"), Some(Numbered::Article { n: 2, .. })));
        assert!(matches!(numbered("Phần I"), Some(Numbered::Part { .. })));
        assert!(numbered("2023 là năm bản lề.").is_none());
        assert!(numbered("1/2 ngày").is_none());
        assert!(numbered("Mục tiêu chung của chương trình").is_none());
        assert_eq!(spaced("3.Chế độ báo cáo"), "3. Chế độ báo cáo");
        assert_eq!(spaced("II.THỜI GIAN"), "II. THỜI GIAN");
        assert_eq!(spaced("1.5 triệu đồng"), "1.5 triệu đồng");
        assert_eq!((depth("1."), depth("1.2."), depth("1.2")), (1, 2, 2));
    }
}
