//! A sheet's cells as a grid of values, with their Excel row and column numbers.

use calamine::{Data, Range};

use super::super::raw::Value;
use super::extras::SheetExtras;
use crate::text::legacy::{self};
use crate::text::{Date, Time, parse_date_text, parse_time_text};

/// A calamine cell as a [`Value`].
pub(crate) fn cell_value(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Float(f) => Value::Number(*f),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_duration() || serial < 1.0 {
                return Value::DateTime { date: None, time: Time::from_day_fraction(serial) };
            }
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            let time = (serial.fract() > 1e-9).then(|| Time::from_day_fraction(serial)).flatten();
            Value::DateTime { date: Date::new(i32::from(y), m, d), time }
        }
        Data::DateTimeIso(s) => {
            let date = parse_date_text(s);
            let time = s.split_once('T').and_then(|(_, t)| parse_time_text(t.get(..5).unwrap_or(t)));
            if date.is_none() && time.is_none() {
                Value::Text(s.clone())
            } else {
                Value::DateTime { date, time: time.filter(|t| *t != Time { hour: 0, minute: 0 }) }
            }
        }
        Data::DurationIso(s) => {
            // `PT08H30M00S`
            let t = s.trim_start_matches("PT");
            let h = t.split_once('H');
            let time = h.and_then(|(h, rest)| {
                let m = rest.split_once('M').map_or("0", |(m, _)| m);
                Time::new(h.parse().ok()?, m.parse().ok()?)
            });
            match time {
                Some(t) => Value::DateTime { date: None, time: Some(t) },
                None => Value::Text(s.clone()),
            }
        }
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

/// Absolute (row, col) of every cell of a range, with its value.
pub(super) struct Grid<'a> {
    pub(super) range: &'a Range<Data>,
    pub(super) row0: u32,
    pub(super) col0: u32,
}

impl Grid<'_> {
    pub(super) fn height(&self) -> usize {
        self.range.height()
    }

    pub(super) fn width(&self) -> usize {
        self.range.width()
    }

    pub(super) fn get(&self, r: usize, c: usize) -> Value {
        self.range.get((r, c)).map_or(Value::Empty, cell_value)
    }

    pub(super) fn text(&self, r: usize, c: usize) -> String {
        self.get(r, c).display()
    }

    /// A header or label: its text, read as Unicode when its font names an old encoding
    /// (`Nhãm` in `.VnTime` is `Nhóm`).
    pub(super) fn label(&self, r: usize, c: usize, extras: &mut SheetExtras<'_>) -> String {
        let text = self.text(r, c);
        if !legacy::candidate(&text) {
            return text;
        }
        let font = extras.legacy_font(self.excel_row(r) - 1, self.excel_col(c));
        font.and_then(|f| legacy::repair(&text, Some(f))).map_or(text, |(_, fixed)| fixed)
    }

    /// 1-based Excel row number of relative row `r`.
    pub(super) fn excel_row(&self, r: usize) -> u32 {
        self.row0 + r as u32 + 1
    }

    pub(super) fn excel_col(&self, c: usize) -> u32 {
        self.col0 + c as u32
    }
}

pub(super) fn grid(range: &Range<Data>) -> Grid<'_> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Grid { range, row0, col0 }
}
