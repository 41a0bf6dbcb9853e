//! Calendar dates and clock times as clerks type them, and as Decree 30 prints them.

use std::fmt;

use serde::Serialize;

/// A calendar date (proleptic Gregorian). Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked date; `None` for 31/02 and the like, and outside the years 1900–2200.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let ok = (1900..=2200).contains(&year) && (1..=12).contains(&month) && day >= 1;
        (ok && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub(crate) fn days_from_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_epoch_days(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day)
    }

    /// An Excel serial day number (1900 date system; serials below 61 are not dates a
    /// conference can have, so Excel's fictitious 29/02/1900 never matters).
    pub(crate) fn from_excel_serial(serial: f64) -> Option<Date> {
        if !(61.0..=110_000.0).contains(&serial) {
            return None;
        }
        // 1899-12-30 is serial 0 once the 1900 leap-year bug is behind us.
        Date::from_epoch_days(serial.floor() as i64 - 25_569)
    }

    /// 0 = Sunday … 6 = Saturday.
    pub(crate) fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        (self.days_from_epoch() + 4).rem_euclid(7) as u8
    }

    /// `thứ Hai` … `thứ Bảy`, `Chủ nhật` (Decree 30 Appendix II capitalisation).
    pub(crate) fn weekday_vi(self) -> &'static str {
        ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"][usize::from(self.weekday())]
    }

    /// `ngày 05 tháng 12 năm 2023`: a leading zero for days below 10 and for months 1 and
    /// 2 only (Decree 30, §1.4 of the layout notes).
    pub(crate) fn long_vi(self) -> String {
        format!("ngày {:02} tháng {} năm {}", self.day, month_vi(self.month), self.year)
    }

    /// `15/12/2023`, the short form allowed in body text.
    pub(crate) fn dmy(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

/// The month as Decree 30 writes it: `01`, `02`, then `3` … `12`.
pub(crate) fn month_vi(month: u8) -> String {
    if month <= 2 { format!("{month:02}") } else { month.to_string() }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dmy())
    }
}

/// A clock time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Time {
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// From the fraction of a day Excel stores for times (`0.354166…` = 08:30).
    pub(crate) fn from_day_fraction(fraction: f64) -> Option<Time> {
        let frac = fraction.fract();
        if !(0.0..1.0).contains(&frac) {
            return None;
        }
        let minutes = (frac * 1440.0).round() as u32 % 1440;
        Time::new((minutes / 60) as u8, (minutes % 60) as u8)
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }

    /// `None` past midnight: a conference programme stays within its day.
    pub(crate) fn add_minutes(self, minutes: u32) -> Option<Time> {
        let total = self.minutes() + minutes;
        (total < 24 * 60).then_some(Time { hour: (total / 60) as u8, minute: (total % 60) as u8 })
    }

    /// `08 giờ 00 phút` (invitations).
    pub(crate) fn long_vi(self) -> String {
        format!("{:02} giờ {:02} phút", self.hour, self.minute)
    }

    /// `08h00` (programmes and scripts).
    pub(crate) fn short_vi(self) -> String {
        format!("{:02}h{:02}", self.hour, self.minute)
    }

    /// `08:00`, the interchange form used in YAML.
    pub fn hm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hm())
    }
}

/// Splits text into its runs of ASCII digits.
fn digit_runs(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect()
}

/// A date typed as text: `15/12/2023`, `15-12-2023`, `15.12.2023`, `15/12/23`,
/// `2023-12-15` (also with a time after it, as ODS stores dates), or the long form
/// `ngày 15 tháng 12 năm 2023`.
pub(crate) fn parse_date_text(text: &str) -> Option<Date> {
    let t = text.trim();
    let head = t.split(['T', ' ']).next().unwrap_or(t);
    let iso = digit_runs(head);
    if iso.len() == 3 && iso[0].len() == 4 && head.contains('-') {
        return Date::new(iso[0].parse().ok()?, iso[1].parse().ok()?, iso[2].parse().ok()?);
    }
    let lower = t.to_lowercase();
    let long_form = lower.contains("tháng");
    // `Ngày 15/12/2023`: the word in front of a short date.
    let t = match lower.strip_prefix("ngày") {
        Some(rest) if !long_form && rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) => rest.trim(),
        _ => t,
    };
    let runs = digit_runs(t);
    if runs.len() != 3 {
        return None;
    }
    // A text date must be made of digits, separators and (in the long form) the words.
    if !long_form && t.chars().any(|c| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' '))) {
        return None;
    }
    let day: u8 = runs[0].parse().ok()?;
    let month: u8 = runs[1].parse().ok()?;
    let year: i32 = match runs[2].len() {
        4 => runs[2].parse().ok()?,
        2 => 2000 + runs[2].parse::<i32>().ok()?,
        _ => return None,
    };
    Date::new(year, month, day)
}

/// A time typed as text: `08:00`, `8:30`, `08:00:00`, `8h30`, `8h`, `08h00`, `8g30`,
/// `8 giờ 30`, `8 giờ 30 phút`, `8.30`, and `2:30 PM`.
pub(crate) fn parse_time_text(text: &str) -> Option<Time> {
    let lower = text.trim().to_lowercase();
    let (body, pm, am) = if let Some(b) = lower.strip_suffix("pm") {
        (b.trim().to_string(), true, false)
    } else if let Some(b) = lower.strip_suffix("am") {
        (b.trim().to_string(), false, true)
    } else {
        (lower, false, false)
    };
    let allowed = |c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, ':' | 'h' | 'g' | '.');
    let stripped = body.replace("giờ", "h").replace("phút", "");
    if stripped.is_empty() || !stripped.chars().all(allowed) {
        return None;
    }
    let runs = digit_runs(&stripped);
    let (hour, minute) = match runs.as_slice() {
        [h] if stripped.contains('h') || stripped.contains('g') || h.len() <= 2 => (h.parse().ok()?, 0),
        [h, m] | [h, m, _] if m.len() == 2 || (m.len() == 1 && !stripped.contains(':')) => {
            (h.parse::<u8>().ok()?, m.parse().ok()?)
        }
        _ => return None,
    };
    let hour = match (hour, pm, am) {
        (h @ 1..=11, true, _) => h + 12,
        (12, _, true) => 0,
        (h, _, _) => h,
    };
    Time::new(hour, minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials() {
        assert_eq!(Date::from_excel_serial(45275.0), Date::new(2023, 12, 15));
        assert_eq!(Date::from_excel_serial(45275.75), Date::new(2023, 12, 15));
        assert_eq!(Date::from_excel_serial(25569.0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_excel_serial(12.0), None);
        assert_eq!(Date::new(2023, 12, 15).unwrap().days_from_epoch(), 45275 - 25569);
    }

    #[test]
    fn weekdays_and_long_form() {
        let d = Date::new(2023, 12, 15).unwrap();
        assert_eq!(d.weekday_vi(), "thứ Sáu");
        assert_eq!(Date::new(2023, 12, 14).unwrap().weekday_vi(), "thứ Năm");
        assert_eq!(Date::new(2023, 12, 17).unwrap().weekday_vi(), "Chủ nhật");
        assert_eq!(Date::new(2020, 1, 5).unwrap().long_vi(), "ngày 05 tháng 01 năm 2020");
        assert_eq!(Date::new(2019, 6, 29).unwrap().long_vi(), "ngày 29 tháng 6 năm 2019");
        assert_eq!(Date::new(2023, 2, 24).unwrap().long_vi(), "ngày 24 tháng 02 năm 2023");
        assert_eq!(d.dmy(), "15/12/2023");
    }

    #[test]
    fn text_dates() {
        let d = Date::new(2023, 12, 15);
        for s in ["15/12/2023", "15-12-2023", "15.12.2023", " 15/12/23 ", "2023-12-15", "2023-12-15T00:00:00"] {
            assert_eq!(parse_date_text(s), d, "{s}");
        }
        assert_eq!(parse_date_text("ngày 15 tháng 12 năm 2023"), d);
        assert_eq!(parse_date_text("5/3/2024"), Date::new(2024, 3, 5));
        assert_eq!(parse_date_text("Ngày 15/12/2023"), d);
        for bad in ["31/02/2023", "15/13/2023", "hôm nay", "15/12", "12345", "15/12/2023 abc"] {
            assert_eq!(parse_date_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_times() {
        let t = Time::new(8, 30);
        for s in ["08:30", "8:30", "8h30", "8H30", "08h30", "8g30", "8 giờ 30", "8 giờ 30 phút", "08:30:00", "8.30"]
        {
            assert_eq!(parse_time_text(s), t, "{s}");
        }
        assert_eq!(parse_time_text("8h"), Time::new(8, 0));
        assert_eq!(parse_time_text("14h"), Time::new(14, 0));
        assert_eq!(parse_time_text("2:30 PM"), Time::new(14, 30));
        for bad in ["25:00", "8:75", "sáng", "", "8:3:0:1"] {
            assert_eq!(parse_time_text(bad), None, "{bad}");
        }
        assert_eq!(Time::from_day_fraction(0.354_166_666), t);
        assert_eq!(Time::new(8, 0).unwrap().long_vi(), "08 giờ 00 phút");
        assert_eq!(Time::new(23, 50).unwrap().add_minutes(20), None);
    }
}
