//! Reading one field of one record into a typed value, with the located message when it
//! cannot be: the vocabulary every validation rule is written in.

use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::input::schema::TableSpec;
use crate::input::{Record, Value, raw::format_number};
use crate::text::{Date, Time, loose_key, parse_date_text, parse_number, parse_time_text};

use super::choices::{canonical, pick};

pub fn missing(loc: Loc, header: &str, example: &str) -> Diagnostic {
    Diagnostic::error("missing-value", loc, Text::new(format!("thiếu {header}"), format!("{header} is missing")))
        .with_hint(Text::new(format!("điền {header}, ví dụ: {example}"), format!("fill in {header}, e.g. {example}")))
}

pub(crate) fn bad_choice(loc: Loc, header: &str, value: &str, allowed: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-choice",
        loc,
        Text::new(
            format!("{header} {} không hợp lệ", quote(value)),
            format!("{header} {} is not allowed", quote(value)),
        ),
    )
    .with_hint(Text::new(format!("chọn một trong: {allowed}"), format!("use one of: {allowed}")))
}

pub(crate) fn bad_number(loc: Loc, header: &str, value: &str, range: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-number",
        loc,
        Text::new(
            format!("{header} {} không phải là số hợp lệ", quote(value)),
            format!("{header} {} is not a valid number", quote(value)),
        ),
    )
    .with_hint(Text::new(format!("nhập một số trong khoảng {range}"), format!("enter a number in {range}")))
}

pub(crate) fn bad_date(loc: Loc, header: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-date",
        loc,
        Text::new(
            format!("{header} {} không phải là ngày hợp lệ", quote(value)),
            format!("{header} {} is not a valid date", quote(value)),
        ),
    )
    .with_hint(Text::new(
        "nhập ngày dạng ngày/tháng/năm, ví dụ 15/12/2023",
        "enter the date as day/month/year, e.g. 15/12/2023",
    ))
}

pub(crate) fn bad_time(loc: Loc, header: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-time",
        loc,
        Text::new(
            format!("{header} {} không phải là giờ hợp lệ", quote(value)),
            format!("{header} {} is not a valid time", quote(value)),
        ),
    )
    .with_hint(Text::new("nhập giờ dạng 08:00, 8h30 hoặc 8 giờ 30", "enter the time as 08:00, 8h30 or 8 giờ 30"))
}

pub fn duplicate(loc: Loc, header: &str, value: &str, first: &Loc) -> Diagnostic {
    Diagnostic::error(
        "duplicate",
        loc,
        Text::new(
            format!("{header} {} trùng với {}", quote(value), first.short()),
            format!("{header} {} duplicates {}", quote(value), first.short()),
        ),
    )
    .with_hint(Text::new(
        "mỗi dòng phải khác nhau: sửa hoặc xóa một trong hai dòng",
        "each row must be unique: fix or delete one of the two",
    ))
}

/// `or_name`: the cell may hold a name instead (the programme's performer).
pub(crate) fn unknown_delegate(loc: Loc, reference: &str, or_name: bool) -> Diagnostic {
    let (hint_vi, hint_en) = if or_name {
        (
            "kiểm tra cột Mã trong sheet “Đại biểu”, hoặc ghi họ tên người thực hiện",
            "check the Mã column of the “Đại biểu” sheet, or write the person's name",
        )
    } else {
        (
            "kiểm tra cột Mã trong sheet “Đại biểu”, hoặc để trống ô này nếu người được khen không dự hội nghị",
            "check the Mã column of the “Đại biểu” sheet, or leave this cell empty if the awardee does not attend",
        )
    };
    Diagnostic::error(
        "unknown-reference",
        loc,
        Text::new(
            format!("không có đại biểu nào có Mã {}", quote(reference)),
            format!("no delegate has the Mã {}", quote(reference)),
        ),
    )
    .with_hint(Text::new(hint_vi, hint_en))
}

pub(crate) fn excel_error(loc: Loc, error: &str) -> Diagnostic {
    if error.starts_with('=') {
        // A formula whose value the file does not hold (see the Excel reader).
        return Diagnostic::error(
            "formula-not-computed",
            loc,
            Text::new(
                format!("ô có công thức {error} nhưng tệp chưa lưu giá trị của nó"),
                format!("the cell holds the formula {error} but the file has no computed value for it"),
            ),
        )
        .with_hint(Text::new(
            "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại, hoặc nhập giá trị trực tiếp",
            "open the file in Excel (or LibreOffice) and save it, or type the value",
        ));
    }
    Diagnostic::error(
        "formula-error",
        loc,
        Text::new(format!("ô chứa lỗi công thức {error}"), format!("the cell holds the formula error {error}")),
    )
    .with_hint(Text::new(
        "sửa công thức trong Excel hoặc nhập giá trị trực tiếp",
        "fix the formula in Excel or type the value",
    ))
}

/// `DB012`, `TU01`: a token without spaces that has a digit reads as a delegate id, so a
/// wrong id is reported instead of being printed as a name.
pub(crate) fn looks_like_id(text: &str) -> bool {
    !text.contains(char::is_whitespace) && text.chars().any(|c| c.is_ascii_digit()) && text.chars().count() <= 24
}

/// An amount in đồng as a cell writes it: a whole number of at least 1.000 (or 0), with
/// or without its unit and separators; or `theo quy định` (the money follows the rules,
/// without figures). `Err` for anything else (`3,6` is no sum in đồng).
pub(crate) fn amount_of(v: &Value) -> Result<Option<crate::model::Amount>, ()> {
    use crate::model::Amount;
    let n = match v {
        Value::Empty => return Ok(None),
        Value::Number(n) => *n,
        Value::Text(t) => {
            let k = loose_key(t);
            if k.contains("quydinh") || k == "khong" {
                return Ok(Some(Amount::AsRegulated));
            }
            parse_number(t).ok_or(())?
        }
        _ => return Err(()),
    };
    if n.fract() == 0.0 && (n == 0.0 || (1000.0..1e12).contains(&n)) {
        Ok(Some(Amount::Dong(n as u64)))
    } else {
        Err(())
    }
}

/// An amount that is not one.
pub(crate) fn bad_amount(loc: Loc, header: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-amount",
        loc,
        Text::new(
            format!("{header} {} không phải một số tiền tính bằng đồng", quote(value)),
            format!("{header} {} is not an amount in đồng", quote(value)),
        ),
    )
    .with_hint(Text::new(
        "ghi đủ số đồng, ví dụ 3.600.000, hoặc “theo quy định”",
        "write the whole amount in đồng, e.g. 3.600.000, or “theo quy định”",
    ))
}

pub(crate) fn integer_of(v: &Value) -> Option<i64> {
    let n = match v {
        Value::Number(n) => *n,
        Value::Text(t) => parse_number(t)?,
        _ => return None,
    };
    (n.fract() == 0.0).then_some(n as i64)
}

pub(crate) fn date_of(v: &Value) -> Option<Date> {
    match v {
        Value::DateTime { date, .. } => *date,
        Value::Text(t) => parse_date_text(t),
        Value::Number(n) => Date::from_excel_serial(*n),
        _ => None,
    }
}

pub(crate) fn time_of(v: &Value) -> Option<Time> {
    match v {
        Value::DateTime { time: Some(t), .. } => Some(*t),
        // A date without a time of day is no time (Excel shows it as a date; reading it
        // as midnight would print "00 giờ 00 phút").
        Value::Text(t) => parse_time_text(t),
        Value::Number(n) if (0.0..1.0).contains(n) => Time::from_day_fraction(*n),
        Value::Number(n) if n.fract() == 0.0 && (0.0..24.0).contains(n) => Time::new(*n as u8, 0),
        _ => None,
    }
}

/// A phone number as text. Excel turns `0912345678` into the number 912345678; the
/// leading `0` (or the `84` country code) is restored.
pub(crate) fn phone_text(v: &Value) -> Option<String> {
    let restore = |digits: String| -> String {
        if digits.len() == 11 && digits.starts_with("84") {
            format!("0{}", &digits[2..])
        } else if !digits.starts_with('0') && (digits.len() == 9 || digits.len() == 10) {
            format!("0{digits}")
        } else {
            digits
        }
    };
    match v {
        Value::Empty => None,
        Value::Number(n) => Some(restore(format_number(*n))),
        // `'0207 3822 618`: the apostrophe that makes Excel keep text is not part of it.
        Value::Text(t) if t.starts_with(['\'', '’']) => {
            phone_text(&Value::Text(t.trim_start_matches(['\'', '’']).to_string()))
        }
        Value::Text(t) if t.chars().all(|c| c.is_ascii_digit()) => Some(restore(t.clone())),
        other => Some(other.display()).filter(|s| !s.is_empty()),
    }
}

/// A phone number and what is wrong with it: a formula error (no number), or text that
/// is no phone number (`không có`, `#N/A` typed as text), which is kept but warned about.
pub(crate) fn checked_phone(v: &Value, loc: Loc) -> (Option<String>, Option<Diagnostic>) {
    if let Value::Error(e) = v {
        return (None, Some(excel_error(loc, e)));
    }
    let Some(phone) = phone_text(v) else { return (None, None) };
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let letters = phone.chars().any(|c| c.is_alphabetic() && !"xXext.".contains(c));
    if digits < 6 || letters {
        let d = Diagnostic::warning(
            "invalid-phone",
            loc,
            Text::new(
                format!("{} không giống số điện thoại", quote(&phone)),
                format!("{} does not look like a phone number", quote(&phone)),
            ),
        )
        .with_hint(Text::new("ghi số điện thoại, hoặc để trống ô", "write the number, or leave the cell empty"));
        return (Some(phone), Some(d));
    }
    (Some(phone), None)
}

/// A name written with its honorific in front (`Đồng chí Trần Thị Ngọc`, `Ông Phùng Mạnh
/// Thái`, `Đ/c Lý Văn Sơn`): the honorific and the name. The rest must still be a full
/// name (two words or more), so a one-word remainder is left alone.
pub(crate) fn split_honorific(name: &str) -> Option<(crate::model::Honorific, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=2).rev().find_map(|n| {
        let rest = words.get(n..).filter(|r| r.len() >= 2)?;
        let head = words[..n].join(" ");
        let honorific = pick(head.trim_end_matches(['.', ':']), super::choices::HONORIFICS)?;
        Some((honorific, rest.join(" ")))
    })
}

/// The fields of one record, read with their messages going to `diags`.
pub(crate) struct Fields<'r> {
    spec: &'static TableSpec,
    rec: &'r Record,
    diags: &'r mut Diagnostics,
}

impl<'r> Fields<'r> {
    pub fn new(spec: &'static TableSpec, rec: &'r Record, diags: &'r mut Diagnostics) -> Fields<'r> {
        Fields { spec, rec, diags }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The place of a field of this record.
    pub fn loc(&self, key: &str) -> Loc {
        self.rec.loc(key)
    }

    /// The header as the file writes it (else as the contract does).
    /// The column's header as the sheet writes it (for messages).
    pub fn header_of(&self, key: &str) -> String {
        self.header(key)
    }

    /// A date: an Excel date or `dd/mm/yyyy`; anything else is an error at the cell.
    pub fn date(&mut self, key: &str) -> Option<Date> {
        let value = self.rec.value(key).clone();
        if value.is_empty() || matches!(value, Value::Error(_)) {
            return None;
        }
        let d = date_of(&value);
        if d.is_none() {
            let diag = bad_date(self.rec.loc(key), &self.header(key), &value.display());
            self.push(diag);
        }
        d
    }

    fn header(&self, key: &str) -> String {
        match self.rec.loc(key) {
            Loc::Cell { header: Some(h), .. } => h.to_string(),
            _ => self.spec.column(key).map_or(key, |c| c.header).to_string(),
        }
    }

    /// The field as text; `None` when empty. Numbers print as the clerk sees them
    /// (`101`, not `101.0`); a formula error is reported.
    pub fn text(&mut self, key: &str) -> Option<String> {
        match self.rec.value(key) {
            Value::Empty => None,
            Value::Error(e) => {
                let d = excel_error(self.rec.loc(key), e);
                self.push(d);
                None
            }
            v => Some(v.display()).filter(|s| !s.trim().is_empty()),
        }
    }

    /// Whether a missing value is already reported as a missing column of the sheet.
    fn column_missing(&self, key: &str) -> bool {
        matches!(self.rec.loc(key), Loc::Row { .. }) && self.spec.column(key).is_some_and(|c| c.required)
    }

    pub fn required(&mut self, key: &str, example: &str) -> Option<String> {
        let v = self.text(key);
        if v.is_none() && !matches!(self.rec.value(key), Value::Error(_)) && !self.column_missing(key) {
            let d = missing(self.rec.loc(key), &self.header(key), example);
            self.push(d);
        }
        v
    }

    /// A number within `range` (inclusive); `None` when empty or wrong (then reported).
    pub fn number(&mut self, key: &str, range: Option<(f64, f64)>) -> Option<f64> {
        let v = self.rec.value(key).clone();
        let n = match &v {
            Value::Empty => return None,
            Value::Number(n) => Some(*n),
            Value::Text(t) => parse_number(t),
            Value::Error(e) => {
                let d = excel_error(self.rec.loc(key), e);
                self.push(d);
                return None;
            }
            _ => None,
        };
        let ok = n.filter(|n| range.is_none_or(|(lo, hi)| (lo..=hi).contains(n)));
        if ok.is_none() {
            let range_text =
                range.map_or_else(String::new, |(lo, hi)| format!("{}–{}", format_number(lo), format_number(hi)));
            let d = bad_number(self.rec.loc(key), &self.header(key), &v.display(), &range_text);
            self.push(d);
        }
        ok
    }

    /// A person's name; an honorific written in front of it is taken off (with a warning)
    /// and returned, so it is not printed twice.
    pub(crate) fn person_name(
        &mut self,
        key: &str,
        example: &str,
    ) -> (Option<String>, Option<crate::model::Honorific>) {
        let Some(name) = self.required(key, example) else { return (None, None) };
        match split_honorific(&name) {
            Some((honorific, rest)) => {
                let head = name[..name.len() - rest.len()].trim().to_string();
                let d = Diagnostic::warning(
                    "honorific-in-name",
                    self.rec.loc(key),
                    Text::new(
                        format!("họ tên bắt đầu bằng danh xưng {}: đã bỏ, dùng {}", quote(&head), quote(&rest)),
                        format!("the name starts with the honorific {}: dropped, using {}", quote(&head), quote(&rest)),
                    ),
                )
                .with_hint(Text::new(
                    "ghi danh xưng ở cột Danh xưng, họ tên ở cột Họ và tên",
                    "put the honorific in the Danh xưng column and only the name here",
                ));
                self.push(d);
                (Some(rest), Some(honorific))
            }
            None => (Some(name), None),
        }
    }

    /// What a title is for (`2025`, `năm học 2024 - 2025`, `giai đoạn 2021 - 2025`); a value
    /// that names none is reported, two bare years read with a note.
    pub(crate) fn period(&mut self, key: &str) -> Option<crate::model::Period> {
        let text = self.text(key)?;
        match super::period::read(&text) {
            Some(read) => {
                if read.guessed {
                    let d = super::period::guessed(self.rec.loc(key), &text, read.period);
                    self.push(d);
                }
                Some(read.period)
            }
            None => {
                let d = super::period::bad(self.rec.loc(key), &self.header(key), &text);
                self.push(d);
                None
            }
        }
    }

    /// A whole number within `range` (minutes, seats, years): `20.5` is reported, not cut.
    pub fn whole(&mut self, key: &str, range: (f64, f64)) -> Option<u32> {
        let n = self.number(key, Some(range))?;
        if n.fract() != 0.0 {
            let range_text = format!("{}–{}", format_number(range.0), format_number(range.1));
            let d =
                bad_number(self.rec.loc(key), &self.header(key), &format_number(n), &range_text).with_hint(Text::new(
                    format!("nhập một số nguyên trong khoảng {range_text}"),
                    format!("enter a whole number in {range_text}"),
                ));
            self.push(d);
            return None;
        }
        Some(n as u32)
    }

    pub fn choice<T: Copy>(&mut self, key: &str, table: &[(T, &[&str])], required: bool) -> Option<T> {
        let Some(text) = self.text(key) else {
            if required && !matches!(self.rec.value(key), Value::Error(_)) && !self.column_missing(key) {
                let d = missing(self.rec.loc(key), &self.header(key), &canonical(table));
                self.push(d);
            }
            return None;
        };
        let found = pick(&text, table);
        if found.is_none() {
            let d = bad_choice(self.rec.loc(key), &self.header(key), &text, &canonical(table));
            self.push(d);
        }
        found
    }

    /// Several choices separated by `;`, `,` or line breaks; each wrong one is reported.
    pub(crate) fn list_choice<T: Copy + PartialEq>(&mut self, key: &str, table: &[(T, &[&str])]) -> Vec<T> {
        let Some(text) = self.text(key) else { return Vec::new() };
        let mut out = Vec::new();
        for part in text.split([';', ',', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match pick(part, table) {
                Some(v) if !out.contains(&v) => out.push(v),
                Some(_) => {}
                None => {
                    let d = bad_choice(self.rec.loc(key), &self.header(key), part, &canonical(table));
                    self.push(d);
                }
            }
        }
        out
    }

    pub fn time(&mut self, key: &str) -> Option<Time> {
        let v = self.rec.value(key).clone();
        if v.is_empty() {
            return None;
        }
        let t = time_of(&v);
        if t.is_none() {
            let d = bad_time(self.rec.loc(key), &self.header(key), &v.display());
            self.push(d);
        }
        t
    }

    /// A phone number; a formula error is reported, text without digits warned about.
    pub fn phone(&mut self, key: &str) -> Option<String> {
        let loc = self.rec.loc(key);
        let (phone, d) = checked_phone(self.rec.value(key), loc);
        if let Some(d) = d {
            self.push(d);
        }
        phone
    }

    /// An e-mail address; a value without `@` is kept but warned about.
    pub fn email(&mut self, key: &str) -> Option<String> {
        // `mailto:an@…` copied from a link: the address.
        let e = self.text(key).map(|e| match e.get(..7) {
            Some(head) if head.eq_ignore_ascii_case("mailto:") => e[7..].trim().to_string(),
            _ => e,
        })?;
        if !e.contains('@') || e.contains(' ') {
            let d = Diagnostic::warning(
                "invalid-email",
                self.rec.loc(key),
                Text::new(
                    format!("{} không giống địa chỉ email", quote(&e)),
                    format!("{} does not look like an e-mail address", quote(&e)),
                ),
            );
            self.push(d);
        }
        Some(e)
    }

    /// `3`, `3 sao`, `3*`, `★★★` → 3; only 3, 4 and 5 are OCOP classes.
    pub fn stars(&mut self, key: &str) -> Option<u8> {
        let v = self.rec.value(key).clone();
        let n = match &v {
            Value::Empty => {
                let d = missing(self.rec.loc(key), &self.header(key), "3, 4 hoặc 5");
                self.push(d);
                return None;
            }
            Value::Number(n) if n.fract() == 0.0 => Some(*n as i64),
            Value::Text(t) => {
                let stars = t.chars().filter(|c| *c == '★' || *c == '⭐').count();
                if stars > 0 {
                    Some(stars as i64)
                } else if let Some(n) = parse_number(t).filter(|n| n.fract() == 0.0) {
                    // `4`, `4.0` typed as text.
                    Some(n as i64)
                } else {
                    let k = loose_key(t);
                    k.trim_end_matches("sao")
                        .parse::<i64>()
                        .ok()
                        .or_else(|| t.trim().trim_end_matches('*').trim().parse().ok())
                }
            }
            _ => None,
        };
        match n {
            Some(n @ 3..=5) => Some(n as u8),
            _ => {
                let d = Diagnostic::error(
                    "invalid-choice",
                    self.rec.loc(key),
                    Text::new(
                        format!("{} {} không hợp lệ", self.header(key), quote(&v.display())),
                        format!("{} {} is not allowed", self.header(key), quote(&v.display())),
                    ),
                )
                .with_hint(Text::new("hạng sao OCOP chỉ có 3, 4 hoặc 5", "OCOP ratings are 3, 4 or 5 stars"));
                self.push(d);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_both_ways() {
        assert_eq!(parse_number("1.800.000"), Some(1_800_000.0));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("40"), Some(40.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("5.000.000 đồng"), Some(5_000_000.0));
        assert_eq!(parse_number("5.000.000đ"), Some(5_000_000.0));
        assert_eq!(parse_number("5000000 VNĐ"), Some(5_000_000.0));
        assert_eq!(parse_number("5,000,000"), Some(5_000_000.0));
        assert_eq!(parse_number("3,6"), Some(3.6));
        assert_eq!(parse_number("20 phút"), Some(20.0));
        assert_eq!(parse_number("đồng"), None);
        assert_eq!(phone_text(&Value::Text("'0207 3822 618".into())).as_deref(), Some("0207 3822 618"));
        assert_eq!(phone_text(&Value::Text("'912345678".into())).as_deref(), Some("0912345678"));
    }

    #[test]
    fn phones_get_their_zero_back() {
        assert_eq!(phone_text(&Value::Number(912_345_678.0)).unwrap(), "0912345678");
        assert_eq!(phone_text(&Value::Number(2_073_822_456.0)).unwrap(), "02073822456");
        assert_eq!(phone_text(&Value::Number(84_912_345_678.0)).unwrap(), "0912345678");
        assert_eq!(phone_text(&Value::Text("0912 345 678".into())).unwrap(), "0912 345 678");
        assert_eq!(phone_text(&Value::Text("912345678".into())).unwrap(), "0912345678");
        assert_eq!(phone_text(&Value::Empty), None);
    }

    #[test]
    fn honorifics_written_into_names() {
        use crate::model::Honorific;
        assert_eq!(
            split_honorific("Đồng chí Trần Thị Thu Ngọc"),
            Some((Honorific::DongChi, "Trần Thị Thu Ngọc".into()))
        );
        assert_eq!(split_honorific("Ông Phùng Mạnh Thái"), Some((Honorific::Ong, "Phùng Mạnh Thái".into())));
        assert_eq!(split_honorific("Đ/c Lý Văn Sơn"), Some((Honorific::DongChi, "Lý Văn Sơn".into())));
        assert_eq!(split_honorific("Đ/ c Lý Văn Sơn"), Some((Honorific::DongChi, "Lý Văn Sơn".into())));
        assert_eq!(split_honorific("Bà Nguyễn Thị Hoa"), Some((Honorific::Ba, "Nguyễn Thị Hoa".into())));
        assert_eq!(split_honorific("Nguyễn Văn An"), None);
        assert_eq!(split_honorific("Bà Hoa"), None);
    }

    #[test]
    fn ids() {
        assert!(looks_like_id("DB012"));
        assert!(!looks_like_id("MC"));
        assert!(!looks_like_id("Ban tổ chức"));
    }
}
