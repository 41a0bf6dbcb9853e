//! What a title is for, as clerks write it: `2025`, `năm 2025`, `năm học 2024 - 2025`,
//! `NH 2024-2025`, `giai đoạn 2021 - 2025`, `GĐ 2021-2025`; two years alone (`2024 - 2025`)
//! are a school year when they follow each other, else a period — said in a note.

use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::model::Period;
use crate::text::loose_key;

/// How a text reads, and whether the kind was guessed (two bare years).
#[derive(Debug, PartialEq)]
pub(crate) struct Read {
    pub period: Period,
    pub guessed: bool,
}

/// The years of a text, each between 1945 and 2200.
fn years(text: &str) -> Option<Vec<i32>> {
    let numbers: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse::<i32>().ok().filter(|y| (1945..=2200).contains(y)))
        .collect::<Option<_>>()?;
    Some(numbers)
}

/// The period a text names; `None` when it names none.
pub(crate) fn read(text: &str) -> Option<Read> {
    let k = loose_key(text);
    let school = k.starts_with("namhoc") || k.starts_with("nh") && !k.starts_with("nha");
    let span = k.starts_with("giaidoan") || k.starts_with("gd");
    let years = years(text)?;
    let period = match (school, span, years.as_slice()) {
        (true, _, [y]) => Period::SchoolYear(*y),
        (true, _, [a, b]) if b - a == 1 => Period::SchoolYear(*a),
        (_, true, [a, b]) if a < b => Period::Span(*a, *b),
        (false, false, [y]) => Period::Year(*y),
        (false, false, [a, b]) if b - a == 1 => return Some(Read { period: Period::SchoolYear(*a), guessed: true }),
        (false, false, [a, b]) if a < b => return Some(Read { period: Period::Span(*a, *b), guessed: true }),
        _ => return None,
    };
    Some(Read { period, guessed: false })
}

/// The error for a text that names no period.
pub(crate) fn bad(loc: Loc, header: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        "bad-period",
        loc,
        Text::new(
            format!("{header} {} không phải một năm, năm học hay giai đoạn", quote(value)),
            format!("{header} {} is not a year, a school year or a period", quote(value)),
        ),
    )
    .with_hint(Text::new(
        "viết 2025, năm học 2024 - 2025, hoặc giai đoạn 2021 - 2025",
        "write 2025, năm học 2024 - 2025, or giai đoạn 2021 - 2025",
    ))
}

/// The note for two bare years, saying how they were read.
pub(crate) fn guessed(loc: Loc, value: &str, period: Period) -> Diagnostic {
    let phrase = period.phrase();
    Diagnostic::note(
        "period-read",
        loc,
        Text::new(
            format!("{} được hiểu là “{phrase}”", quote(value)),
            format!("{} is read as “{phrase}”", quote(value)),
        ),
    )
    .with_hint(Text::new(
        "ghi rõ “năm học …” hoặc “giai đoạn …” nếu muốn khác",
        "write “năm học …” or “giai đoạn …” to say otherwise",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Option<(Period, bool)> {
        read(text).map(|r| (r.period, r.guessed))
    }

    #[test]
    fn years_school_years_and_periods_are_read_as_clerks_write_them() {
        assert_eq!(period("2025"), Some((Period::Year(2025), false)));
        assert_eq!(period("Năm 2025"), Some((Period::Year(2025), false)));
        assert_eq!(period("năm học 2024 - 2025"), Some((Period::SchoolYear(2024), false)));
        assert_eq!(period("NH 2024-2025"), Some((Period::SchoolYear(2024), false)));
        assert_eq!(period("Năm học 2024–2025"), Some((Period::SchoolYear(2024), false)));
        assert_eq!(period("giai đoạn 2021 - 2025"), Some((Period::Span(2021, 2025), false)));
        assert_eq!(period("GĐ 2021-2025"), Some((Period::Span(2021, 2025), false)));
        assert_eq!(period("2024 - 2025"), Some((Period::SchoolYear(2024), true)));
        assert_eq!(period("2021-2025"), Some((Period::Span(2021, 2025), true)));
        for wrong in ["năm học 2024 - 2026", "giai đoạn 2025 - 2021", "hai nghìn", "", "năm 20255", "2025 2026 2027"]
        {
            assert_eq!(period(wrong), None, "{wrong}");
        }
        assert_eq!(Period::SchoolYear(2024).phrase(), "năm học 2024 - 2025");
        assert_eq!(Period::Span(2021, 2025).phrase(), "giai đoạn 2021 - 2025");
    }
}
