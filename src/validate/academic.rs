//! The academic title a delegate's name may carry (`PGS.TS.`, `ThS.`): read from its own
//! column, or taken off the start of a name typed with it.

/// Academic titles and degrees, as written before a name (`GS.TS.`, `PGS. TS`, `ThS.`).
const ACADEMIC: &[&str] = &["GS", "PGS", "TS", "TSKH", "ThS", "BS", "BSCKI", "BSCKII", "DS", "KS", "CN", "NCS"];

/// The academic title at the start of `name` (`PGS.TS. Lê Quang Minh` → `PGS.TS.`, `Lê
/// Quang Minh`), when there is one and a name after it.
pub(crate) fn split_academic(name: &str) -> Option<(String, String)> {
    let mut title_words = 0;
    let words: Vec<&str> = name.split_whitespace().collect();
    for w in &words {
        let parts: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
        let is_title = !parts.is_empty() && parts.iter().all(|p| ACADEMIC.iter().any(|a| a.eq_ignore_ascii_case(p)));
        // `TS` alone could be a name's initials: a title only with a stop, or after another
        // title (`PGS. TS`).
        if !is_title || (!w.contains('.') && parts.len() == 1 && parts[0].len() <= 2 && title_words == 0) {
            break;
        }
        title_words += 1;
    }
    if title_words == 0 || words.len() - title_words < 2 {
        return None;
    }
    Some((normalise_academic(&words[..title_words].join(" ")), words[title_words..].join(" ")))
}

/// `pgs. ts` → `PGS.TS.`: each part in its usual case, joined with stops.
pub(crate) fn normalise_academic(text: &str) -> String {
    let parts: Vec<String> = text
        .split(['.', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| ACADEMIC.iter().find(|a| a.eq_ignore_ascii_case(p)).map_or(p.to_string(), |a| a.to_string()))
        .collect();
    if parts.is_empty() { String::new() } else { format!("{}.", parts.join(".")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn academic_titles_are_taken_off_names() {
        assert_eq!(split_academic("PGS.TS. Lê Quang Minh"), Some(("PGS.TS.".to_string(), "Lê Quang Minh".to_string())));
        assert_eq!(split_academic("TS. Đặng Thùy Quyên"), Some(("TS.".into(), "Đặng Thùy Quyên".into())));
        assert_eq!(split_academic("pgs. ts Lê Quang Minh"), Some(("PGS.TS.".into(), "Lê Quang Minh".into())));
        assert_eq!(split_academic("ThS Nguyễn An"), Some(("ThS.".into(), "Nguyễn An".into())));
        // A name is not a title: `Cù Thị Ts`, `Ts` as a given name without a stop.
        assert_eq!(split_academic("Lê Quang Minh"), None);
        assert_eq!(split_academic("TS. Minh"), None);
        assert_eq!(normalise_academic("pgs ts"), "PGS.TS.");
    }
}
