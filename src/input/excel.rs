//! Reading a clerk's workbook (`.xlsx`, `.xls`, `.ods`) with calamine.
//!
//! Real workbooks are messy, so nothing is assumed about where things are: sheets are found
//! by loose name, the header row is the row above the data that matches most known headers
//! (titles and blank lines above it are skipped), columns come in any order, and rows that
//! are empty, hold only an `STT`, number the columns `(1) (2) (3)`, head a section or sum
//! the list are skipped with a note.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::sync::Arc;

use calamine::{Data, Dimensions, Range, Reader, Sheets, StyleRange, open_workbook_auto_from_rs};

use super::Parts;
use super::raw::{Cell, Origin, Record, Table, Value};
use super::schema::{
    self, ColumnSpec, SETTINGS_LABEL_HEADER, SETTINGS_SHEET, SETTINGS_SHEET_ALIASES, SETTINGS_VALUE_HEADER, STT,
    TableSpec,
};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, column_letters, quote};
use crate::text::legacy::{self, Legacy};
use crate::text::{Date, Time, loose_key, parse_date_text, parse_time_text};

/// How many rows from the top of a sheet are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// An opened workbook.
pub struct Workbook {
    file: Arc<str>,
    sheets: Sheets<Cursor<Vec<u8>>>,
    /// Sheet names, the visible ones first (a hidden sheet is often a stale copy).
    names: Vec<String>,
    hidden: BTreeSet<String>,
}

impl Workbook {
    /// Opens a workbook from its bytes. A file that is not a workbook is an error naming
    /// the file, never a panic.
    pub fn open(bytes: Vec<u8>, file: Arc<str>) -> Result<Workbook, Diagnostic> {
        let not_a_workbook = |detail: String| {
            Diagnostic::error(
                "not-a-workbook",
                Loc::File { file: file.clone() },
                Text::new(
                    format!("không đọc được tệp này như một bảng tính Excel/ODS ({detail})"),
                    format!("this file cannot be read as an Excel/ODS workbook ({detail})"),
                ),
            )
            .with_hint(Text::new(
                "mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx; nếu tệp có mật khẩu, hãy bỏ mật khẩu",
                "open it in Excel or LibreOffice and save it as .xlsx; remove any password",
            ))
        };
        let opened = std::panic::catch_unwind(|| open_workbook_auto_from_rs(Cursor::new(bytes)));
        match opened {
            Ok(Ok(sheets)) => {
                let hidden: BTreeSet<String> = sheets
                    .sheets_metadata()
                    .iter()
                    .filter(|s| s.visible != calamine::SheetVisible::Visible)
                    .map(|s| s.name.clone())
                    .collect();
                let mut names = sheets.sheet_names();
                names.sort_by_key(|n| hidden.contains(n));
                Ok(Workbook { file, sheets, names, hidden })
            }
            Ok(Err(e)) => Err(not_a_workbook(e.to_string())),
            Err(_) => Err(not_a_workbook("tệp hỏng / corrupt file".into())),
        }
    }

    /// The sheet names, visible first.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Is there a sheet of this name (loosely)?
    pub fn has_sheet(&self, name: &str) -> bool {
        self.find_sheet(|n| loose_key(n) == loose_key(name)).is_some()
    }

    fn find_sheet(&self, matches: impl Fn(&str) -> bool) -> Option<String> {
        self.names.iter().find(|n| matches(n)).cloned()
    }

    /// The sheet of a list: its name or another name for it, else a sheet whose name
    /// starts with it (`Đại biểu (sửa 12-12)`) when only one does and it is no other list's.
    fn find_table_sheet(&self, spec: &'static TableSpec) -> Option<(String, bool)> {
        if let Some(name) = self.find_sheet(|n| spec.matches_sheet(n)) {
            return Some((name, true));
        }
        let known = |n: &str| schema::TABLES.iter().any(|t| t.matches_sheet(n));
        let candidates: Vec<&String> =
            self.names.iter().filter(|n| !known(n) && !self.hidden.contains(*n) && spec.starts_sheet(n)).collect();
        match candidates.as_slice() {
            [one] => Some(((*one).clone(), false)),
            _ => None,
        }
    }

    /// Lazy access to what a sheet holds beyond its values.
    fn extras<'a>(&'a mut self, sheet: &'a str) -> SheetExtras<'a> {
        SheetExtras { sheets: &mut self.sheets, sheet, merges: None, styles: None, formulas: None }
    }

    fn range(&mut self, sheet: &str, diags: &mut Diagnostics) -> Option<Range<Data>> {
        let file = self.file.clone();
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.sheets.worksheet_range(sheet).map_err(|e| e.to_string())
        }));
        let err = match read {
            Ok(Ok(r)) => return Some(r),
            Ok(Err(e)) => e,
            Err(_) => "corrupt sheet".to_string(),
        };
        diags.push(Diagnostic::error(
            "unreadable-sheet",
            Loc::Sheet { file, sheet: sheet.into() },
            Text::new(format!("không đọc được sheet này ({err})"), format!("this sheet cannot be read ({err})")),
        ));
        None
    }

    /// Reads the settings sheet and every table the workbook has.
    pub fn read_all(&mut self, diags: &mut Diagnostics) -> Parts {
        let file = self.file.clone();
        let settings_name = self.find_sheet(|n| {
            let k = loose_key(n);
            k == loose_key(SETTINGS_SHEET) || SETTINGS_SHEET_ALIASES.iter().any(|a| loose_key(a) == k)
        });
        let mut used: BTreeSet<String> = BTreeSet::new();
        let (settings_loc, settings) = match settings_name {
            Some(name) => {
                used.insert(name.clone());
                let loc = Loc::Sheet { file: file.clone(), sheet: name.as_str().into() };
                let settings = match self.range(&name, diags) {
                    Some(range) => read_settings(&range, &mut self.extras(&name), &file, &name, diags),
                    None => BTreeMap::new(),
                };
                (loc, settings)
            }
            None => {
                diags.push(
                    Diagnostic::error(
                        "missing-sheet",
                        Loc::File { file: file.clone() },
                        Text::new(
                            format!("không có sheet “{SETTINGS_SHEET}” (thông tin hội nghị)"),
                            format!("there is no “{SETTINGS_SHEET}” sheet (the conference settings)"),
                        ),
                    )
                    .with_hint(Text::new(
                        format!(
                            "thêm sheet “{SETTINGS_SHEET}” có hai cột “{SETTINGS_LABEL_HEADER}” | “{SETTINGS_VALUE_HEADER}”; `vanthu init` tạo sẵn mẫu"
                        ),
                        format!(
                            "add a “{SETTINGS_SHEET}” sheet with two columns “{SETTINGS_LABEL_HEADER}” | “{SETTINGS_VALUE_HEADER}”; `vanthu init` writes a starter"
                        ),
                    )),
                );
                (Loc::File { file: file.clone() }, BTreeMap::new())
            }
        };
        let mut tables = Vec::new();
        for spec in &schema::TABLES {
            let Some((name, exact)) = self.find_table_sheet(spec) else {
                tables.push(Table::empty(spec));
                continue;
            };
            if !exact {
                diags.push(Diagnostic::note(
                    "renamed-sheet",
                    Loc::Sheet { file: file.clone(), sheet: name.as_str().into() },
                    Text::new(
                        format!("đọc sheet này làm danh sách “{}”", spec.sheet),
                        format!("read as the “{}” list", spec.sheet),
                    ),
                ));
            }
            used.insert(name.clone());
            match self.range(&name, diags) {
                Some(range) => {
                    let table = read_table(&range, &mut self.extras(&name), spec, &file, &name, diags);
                    tables.push(table);
                }
                None => tables.push(Table::empty(spec)),
            }
        }
        // The sheets vanthu writes for the clerk's eyes are passed over in silence.
        let ours = |n: &str| {
            [crate::starter::GUIDE_SHEET, crate::starter::LISTS_SHEET].iter().any(|s| loose_key(s) == loose_key(n))
        };
        for name in &self.names {
            if used.contains(name) || ours(name) {
                continue;
            }
            let loc = Loc::Sheet { file: file.clone(), sheet: name.as_str().into() };
            let hidden = self.hidden.contains(name);
            // Another copy of a list that was read from a different sheet.
            let twin = schema::TABLES
                .iter()
                .filter(|t| t.matches_sheet(name))
                .find_map(|t| used.iter().find(|u| t.matches_sheet(u)).map(|u| (t, u)));
            diags.push(match twin {
                Some((t, u)) if !hidden => Diagnostic::warning(
                    "duplicate-sheet",
                    loc,
                    Text::new(
                        format!(
                            "sheet này cũng là danh sách “{}”, nhưng sheet “{u}” đã được dùng; sheet này bị bỏ qua",
                            t.sheet
                        ),
                        format!(
                            "this sheet is also a “{}” list, but the sheet “{u}” was used; this one is ignored",
                            t.sheet
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "xóa hoặc đổi tên bản cũ để khỏi nhầm",
                    "delete or rename the old copy to avoid confusion",
                )),
                _ if hidden => {
                    Diagnostic::note("hidden-sheet", loc, Text::new("sheet ẩn, được bỏ qua", "hidden sheet; ignored"))
                }
                _ => Diagnostic::note(
                    "unknown-sheet",
                    loc,
                    Text::new(
                        "sheet không thuộc mẫu nhập liệu, được bỏ qua",
                        "not a sheet of the input contract; ignored",
                    ),
                ),
            });
        }
        Parts { settings_loc, settings, tables }
    }

    /// Reads one list from a named sheet (for a YAML file that points at a workbook).
    pub fn read_one(&mut self, spec: &'static TableSpec, sheet: Option<&str>, diags: &mut Diagnostics) -> Table {
        let name = match sheet {
            Some(s) => self.find_sheet(|n| loose_key(n) == loose_key(s)),
            None => self.find_table_sheet(spec).map(|(n, _)| n),
        };
        let Some(name) = name else {
            let wanted = sheet.unwrap_or(spec.sheet);
            diags.push(Diagnostic::error(
                "missing-sheet",
                Loc::File { file: self.file.clone() },
                Text::new(format!("không có sheet “{wanted}”"), format!("there is no sheet “{wanted}”")),
            ));
            return Table::empty(spec);
        };
        let file = self.file.clone();
        match self.range(&name, diags) {
            Some(range) => read_table(&range, &mut self.extras(&name), spec, &file, &name, diags),
            None => Table::empty(spec),
        }
    }
}

/// What a sheet holds beyond its values — merged regions, cell fonts — read only when a
/// row might need it, since each parses the sheet again.
pub struct SheetExtras<'a> {
    sheets: &'a mut Sheets<Cursor<Vec<u8>>>,
    sheet: &'a str,
    merges: Option<Vec<Dimensions>>,
    styles: Option<StyleRange>,
    formulas: Option<Range<String>>,
}

impl SheetExtras<'_> {
    /// The merged regions of the sheet.
    fn merges(&mut self) -> &[Dimensions] {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        self.merges.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match sheets {
                Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
                Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
                _ => Vec::new(),
            }))
            .unwrap_or_default()
        })
    }

    /// The formula of the cell at (0-based) `row`, `col`, if it has one: a cell that looks
    /// empty may hold a formula whose value was never computed (a file written by a
    /// program and never opened in Excel).
    fn formula_at(&mut self, row: u32, col: u32) -> Option<String> {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        let formulas = self.formulas.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sheets.worksheet_formula(sheet).ok()))
                .ok()
                .flatten()
                .unwrap_or_default()
        });
        formulas.get_value((row, col)).filter(|f| !f.is_empty()).cloned()
    }

    /// The old font encoding named by the font of the cell at (0-based) `row`, `col`:
    /// `.VnTime` → TCVN3, `VNI-Times` → VNI (nd30-layout §5.4).
    fn legacy_font(&mut self, row: u32, col: u32) -> Option<Legacy> {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        let styles = self.styles.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sheets.worksheet_style(sheet).ok()))
                .ok()
                .flatten()
                .unwrap_or_default()
        });
        let name = styles.get((row, col))?.font.as_ref()?.name.as_deref()?;
        legacy::from_font(name)
    }
}

/// A calamine cell as a [`Value`].
pub fn cell_value(data: &Data) -> Value {
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
struct Grid<'a> {
    range: &'a Range<Data>,
    row0: u32,
    col0: u32,
}

impl Grid<'_> {
    fn height(&self) -> usize {
        self.range.height()
    }

    fn width(&self) -> usize {
        self.range.width()
    }

    fn get(&self, r: usize, c: usize) -> Value {
        self.range.get((r, c)).map_or(Value::Empty, cell_value)
    }

    fn text(&self, r: usize, c: usize) -> String {
        self.get(r, c).display()
    }

    /// A header or label: its text, read as Unicode when its font names an old encoding
    /// (`Nhãm` in `.VnTime` is `Nhóm`).
    fn label(&self, r: usize, c: usize, extras: &mut SheetExtras<'_>) -> String {
        let text = self.text(r, c);
        if !legacy::candidate(&text) {
            return text;
        }
        let font = extras.legacy_font(self.excel_row(r) - 1, self.excel_col(c));
        font.and_then(|f| legacy::repair(&text, Some(f))).map_or(text, |(_, fixed)| fixed)
    }

    /// 1-based Excel row number of relative row `r`.
    fn excel_row(&self, r: usize) -> u32 {
        self.row0 + r as u32 + 1
    }

    fn excel_col(&self, c: usize) -> u32 {
        self.col0 + c as u32
    }
}

fn grid(range: &Range<Data>) -> Grid<'_> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Grid { range, row0, col0 }
}

/// How strongly a header cell designates a column: its own header, one of its other
/// names, or a known header the cell starts with (`Họ và tên đại biểu` → `Họ và tên`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Header,
    Alias,
    Prefix,
}

fn header_strength(c: &ColumnSpec, k: &str) -> Option<Strength> {
    if k.is_empty() {
        return None;
    }
    if schema::loose(c.header) == k {
        return Some(Strength::Header);
    }
    if c.aliases.iter().any(|a| schema::loose(a) == k) {
        return Some(Strength::Alias);
    }
    let prefixed = c.key != STT
        && c.names().any(|h| {
            let hk = schema::loose(h);
            // `Vị trí công tác` is no seat and `Địa chỉ thư điện tử` no address: words that
            // turn the header into something else.
            hk.chars().count() >= 4
                && k.strip_prefix(hk).is_some_and(|rest| {
                    !["congtac", "lamviec", "vieclam", "thudientu", "email"].iter().any(|w| rest.starts_with(w))
                })
        });
    prefixed.then_some(Strength::Prefix)
}

/// Maps a header row's cells (column index, text) to column specs. Whole matches win
/// over partial ones wherever they stand: with both `Email đơn vị` and `Email` in the row,
/// `Email` is the e-mail column and `Email đơn vị` is left unknown; `Chức vụ, đơn vị`
/// (another name of `Cơ quan, đơn vị`) is the position when `Cơ quan, đơn vị` is there
/// too. A cell that only starts with a header counts when it designates one column alone.
fn map_headers(
    spec: &'static TableSpec,
    cells: &[(usize, String)],
    taken: &BTreeSet<&'static str>,
) -> Vec<(usize, &'static ColumnSpec)> {
    let keys: Vec<(usize, String)> = cells.iter().map(|(c, h)| (*c, loose_key(h))).collect();
    let mut taken = taken.clone();
    let mut mapped: Vec<(usize, &'static ColumnSpec)> = Vec::new();
    for strength in [Strength::Header, Strength::Alias, Strength::Prefix] {
        for (c, k) in &keys {
            if mapped.iter().any(|(m, _)| m == c) {
                continue;
            }
            let found: Vec<&'static ColumnSpec> = spec
                .columns
                .iter()
                .filter(|col| !taken.contains(col.key) && header_strength(col, k) == Some(strength))
                .collect();
            if found.len() == 1 || (strength != Strength::Prefix && !found.is_empty()) {
                taken.insert(found[0].key);
                mapped.push((*c, found[0]));
            }
        }
    }
    mapped.sort_by_key(|(c, _)| *c);
    mapped
}

/// Finds the header row: the row among the first ones with the most known headers (at
/// least two, or every required column).
fn find_header_row(g: &Grid<'_>, spec: &'static TableSpec, extras: &mut SheetExtras<'_>) -> Option<usize> {
    let required = spec.columns.iter().filter(|c| c.required).count();
    let mut best: Option<(usize, usize)> = None;
    for r in 0..g.height().min(HEADER_SEARCH_ROWS) {
        let cells: Vec<(usize, String)> = (0..g.width()).map(|c| (c, g.label(r, c, extras))).collect();
        let score = map_headers(spec, &cells, &BTreeSet::new()).len();
        if score >= 2.min(required.max(1)) && best.is_none_or(|(_, s)| score > s) {
            best = Some((r, score));
        }
    }
    best.map(|(r, _)| r)
}

/// `1 2 3 4 …` or `(1) (2) (3)`: the column-number row Vietnamese tables put under headers.
fn is_column_number_row(values: &[Value]) -> bool {
    let nums: Vec<i64> = values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| {
            let s = v.display();
            s.trim().trim_start_matches('(').trim_end_matches(')').parse::<i64>().unwrap_or(-1)
        })
        .collect();
    nums.len() >= 3 && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

fn is_total_row(first_text: &str) -> bool {
    // With its diacritics: `Tổng công ty …` is a company, not a total; and only a number or
    // a bracket may follow (`Tổng cộng: 250 đại biểu`, `Tổng cộng (I+II)`), not words
    // (`Tổng số sản phẩm đạt 3 sao` is a target).
    let lower = crate::text::clean_inline(first_text).to_lowercase();
    ["tổng cộng", "tổng số", "tổng", "cộng", "tong cong", "tong so"].iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start_matches([':', '.', ' ', '-']);
            rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        })
    })
}

/// A row that only heads a section: a single text cell that is merged across columns,
/// written in capitals, or numbered like `I.` / `A.`.
fn is_section_row(g: &Grid<'_>, r: usize, extras: &mut SheetExtras<'_>) -> Option<String> {
    let filled: Vec<(usize, String)> =
        (0..g.width()).map(|c| (c, g.text(r, c))).filter(|(_, t)| !t.trim().is_empty()).collect();
    // `II` | `THƯỜNG TRỰC TỈNH ỦY`: the section's number in a cell of its own.
    let is_marker = |t: &str| {
        let t = t.trim().trim_end_matches(['.', ')']);
        let roman = !t.is_empty() && t.len() <= 6 && t.chars().all(|ch| "IVXLC".contains(ch));
        let letter = t.chars().count() == 1 && t.chars().all(|ch| ch.is_ascii_uppercase() || ch == 'Đ');
        roman || letter
    };
    let texts: Vec<&(usize, String)> = filled
        .iter()
        .filter(|(_, t)| t.trim().trim_end_matches('.').parse::<f64>().is_err() && !is_marker(t))
        .collect();
    if texts.len() != 1 || filled.len() > 2 {
        return None;
    }
    let (c, text) = texts[0];
    let marked = filled.iter().any(|(m, t)| m < c && is_marker(t));
    let letters: Vec<char> = text.chars().filter(|ch| ch.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|ch| ch.is_uppercase());
    let first = text.split_whitespace().next().unwrap_or("");
    let numbered = first.len() <= 5
        && (first.ends_with('.') || first.ends_with(')'))
        && first.trim_end_matches(['.', ')']).chars().all(|ch| "IVXLABCDĐ".contains(ch));
    let mut is_merged = || {
        let (row, col) = (g.excel_row(r) - 1, g.excel_col(*c));
        extras.merges().iter().any(|d| d.start == (row, col) && d.end.1 > d.start.1)
    };
    if marked {
        let marker = &filled[0].1;
        return Some(format!("{} {}", marker.trim(), text.trim()));
    }
    (capitals || numbered || is_merged()).then(|| text.clone())
}

/// Text that might be in an old font encoding, whose cell's font is then worth reading.
fn legacy_candidate(value: &Value) -> bool {
    matches!(value, Value::Text(t) if legacy::candidate(t))
}

/// Reads one list sheet.
pub fn read_table(
    range: &Range<Data>,
    extras: &mut SheetExtras<'_>,
    spec: &'static TableSpec,
    file: &Arc<str>,
    sheet: &str,
    diags: &mut Diagnostics,
) -> Table {
    let sheet_arc: Arc<str> = sheet.into();
    let sheet_loc = Loc::Sheet { file: file.clone(), sheet: sheet_arc.clone() };
    let g = grid(range);
    if g.height() == 0 {
        return Table { spec, loc: Some(sheet_loc), records: Vec::new() };
    }
    let Some(header_row) = find_header_row(&g, spec, extras) else {
        let expected: Vec<&str> = spec.columns.iter().filter(|c| c.required).map(|c| c.header).collect();
        diags.push(
            Diagnostic::error(
                "missing-header-row",
                sheet_loc.clone(),
                Text::new("không tìm thấy dòng tiêu đề cột", "no header row found"),
            )
            .with_hint(Text::new(
                format!("sheet phải có một dòng tiêu đề với các cột: {}", expected.join(", ")),
                format!("the sheet needs a header row with the columns: {}", expected.join(", ")),
            )),
        );
        return Table { spec, loc: Some(sheet_loc), records: Vec::new() };
    };

    // Map columns; a second header row (merged group headers above) may add more.
    let mut columns: BTreeMap<&'static str, (u32, Arc<str>)> = BTreeMap::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut data_start = header_row + 1;
    for r in [header_row, header_row + 1] {
        if r >= g.height() {
            break;
        }
        // A second header row (under merged group headers) has nothing under the columns
        // the first one named; a row with values there is the first record.
        if r > header_row && columns.values().any(|(col, _)| !g.get(r, (*col - g.col0) as usize).is_empty()) {
            break;
        }
        let cells: Vec<(usize, String)> = (0..g.width())
            .filter(|c| !columns.values().any(|(col, _)| *col == g.excel_col(*c)))
            .map(|c| (c, g.label(r, c, extras)))
            .filter(|(_, h)| !h.trim().is_empty())
            .collect();
        let taken: BTreeSet<&'static str> = columns.keys().copied().collect();
        let mapped = map_headers(spec, &cells, &taken);
        let added = !mapped.is_empty();
        for (c, col) in mapped.iter().copied() {
            let header = &cells.iter().find(|(x, _)| *x == c).expect("mapped from cells").1;
            columns.insert(col.key, (g.excel_col(c), crate::text::clean_inline(header).into()));
        }
        if r == header_row {
            unknown.extend(
                cells
                    .iter()
                    .filter(|(c, _)| !mapped.iter().any(|(m, _)| m == c))
                    .map(|(_, h)| crate::text::clean_inline(h)),
            );
        }
        if r > header_row && added {
            data_start = r + 1;
            unknown.retain(|u| !columns.values().any(|(_, h)| **h == **u));
        }
    }
    if !unknown.is_empty() {
        diags.push(Diagnostic::note(
            "unknown-columns",
            sheet_loc.clone(),
            Text::new(
                format!(
                    "các cột không dùng đến được bỏ qua: {}",
                    unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")
                ),
                format!("unused columns ignored: {}", unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")),
            ),
        ));
    }
    for c in spec.columns.iter().filter(|c| c.required && !columns.contains_key(c.key)) {
        diags.push(
            Diagnostic::error(
                "missing-column",
                sheet_loc.clone(),
                Text::new(format!("thiếu cột “{}”", c.header), format!("the column “{}” is missing", c.header)),
            )
            .with_hint(Text::new(
                format!("thêm cột có tiêu đề “{}” vào dòng tiêu đề (dòng {})", c.header, g.excel_row(header_row)),
                format!("add a column headed “{}” to the header row (row {})", c.header, g.excel_row(header_row)),
            )),
        );
    }

    let columns = Arc::new(columns);
    let mut records = Vec::new();
    // After the total line, what follows is the list's footer (place and date, "NGƯỜI LẬP
    // BIỂU", a name): rows that are not whole records are passed over.
    let mut after_total = false;
    let mut filled_merges: BTreeSet<(u32, u32, u32)> = BTreeSet::new();
    for r in data_start..g.height() {
        let mut values: Vec<(&'static str, u32, Value)> =
            columns.iter().map(|(key, (col, _))| (*key, *col, g.get(r, (*col - g.col0) as usize))).collect();
        let content: Vec<&Value> =
            values.iter().filter(|(k, _, v)| *k != STT && !v.is_empty()).map(|(_, _, v)| v).collect();
        let excel_row = g.excel_row(r);
        let row_loc = Loc::Row { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row };
        if content.is_empty() {
            // Empty, or only an STT number: skipped. Text in the STT column alone is a
            // section title or a total line (often merged across the row): said once.
            let stt_text = values.iter().find(|(k, _, _)| *k == STT).map(|(_, _, v)| v);
            if let Some(v @ Value::Text(t)) = stt_text
                && !v.is_empty()
                && t.trim().trim_end_matches('.').parse::<f64>().is_err()
            {
                after_total |= is_total_row(t);
                diags.push(Diagnostic::note(
                    "skipped-row",
                    row_loc,
                    Text::new(format!("bỏ qua dòng {}", quote(t)), format!("skipped the row {}", quote(t))),
                ));
            }
            continue;
        }
        let row_values: Vec<Value> = (0..g.width()).map(|c| g.get(r, c)).collect();
        if r == data_start && is_column_number_row(&row_values) {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new("bỏ qua dòng đánh số cột", "skipped the column-number row"),
            ));
            continue;
        }
        let first_text = row_values.iter().map(Value::display).find(|t| !t.trim().is_empty()).unwrap_or_default();
        if is_total_row(&first_text) {
            after_total = true;
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng tổng {}", quote(&first_text)),
                    format!("skipped the total row {}", quote(&first_text)),
                ),
            ));
            continue;
        }
        // A cell inside a merge that runs down from a row above holds that row's value
        // (`Cơ quan, đơn vị` merged over the delegates of one office).
        for (_, col, v) in values.iter_mut().filter(|(k, _, v)| *k != STT && v.is_empty()) {
            let row0 = excel_row - 1;
            let region = extras.merges().iter().find(|d| {
                d.start.1 == *col && d.start.0 < row0 && row0 <= d.end.0 && d.start.0 >= g.row0 + data_start as u32
            });
            if let Some(d) = region.copied() {
                let top = g.get((d.start.0 - g.row0) as usize, (*col - g.col0) as usize);
                if !top.is_empty() {
                    if filled_merges.insert((d.start.0, d.end.0, *col)) {
                        let range = format!(
                            "{}{}:{}{}",
                            column_letters(*col),
                            d.start.0 + 1,
                            column_letters(*col),
                            d.end.0 + 1
                        );
                        diags.push(Diagnostic::note(
                            "merged-cells",
                            Loc::Sheet { file: file.clone(), sheet: sheet_arc.clone() },
                            Text::new(
                                format!(
                                    "ô gộp {range}: {} dùng cho cả {} dòng",
                                    quote(&top.display()),
                                    d.end.0 - d.start.0 + 1
                                ),
                                format!(
                                    "merged cells {range}: {} applies to all {} rows",
                                    quote(&top.display()),
                                    d.end.0 - d.start.0 + 1
                                ),
                            ),
                        ));
                    }
                    *v = top;
                }
            }
        }
        // A cell that is empty but holds a formula: its value was never computed (a file
        // written by a program, not saved by Excel). Said at the cell, whatever the column.
        for (key, col, v) in values.iter_mut().filter(|(_, _, v)| matches!(v, Value::Empty)) {
            if *key != STT
                && let Some(f) = extras.formula_at(excel_row - 1, *col)
            {
                *v = Value::Error(format!("={f}"));
            }
        }
        let has_required = spec
            .columns
            .iter()
            .filter(|c| c.required)
            .all(|c| values.iter().any(|(k, _, v)| *k == c.key && !v.is_empty()));
        if !has_required && after_total {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng cuối bảng (sau dòng tổng) {}", quote(&first_text)),
                    format!("skipped the footer row (after the total line) {}", quote(&first_text)),
                ),
            ));
            continue;
        }
        if !has_required && let Some(title) = is_section_row(&g, r, extras) {
            diags.push(Diagnostic::note(
                "skipped-row",
                row_loc,
                Text::new(
                    format!("bỏ qua dòng tiêu đề mục {}", quote(&title)),
                    format!("skipped the section row {}", quote(&title)),
                ),
            ));
            continue;
        }
        let cells = values
            .into_iter()
            .filter(|(_, _, v)| !matches!(v, Value::Empty))
            .map(|(key, col, value)| {
                let header = columns.get(key).map(|(_, h)| h.clone());
                let loc = Loc::Cell { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row, col, header };
                let font = legacy_candidate(&value).then(|| extras.legacy_font(excel_row - 1, col)).flatten();
                (key, Cell { value, loc, font })
            })
            .collect();
        let origin =
            Origin::Excel { file: file.clone(), sheet: sheet_arc.clone(), row: excel_row, columns: columns.clone() };
        records.push(Record { origin, cells });
    }
    Table { spec, loc: Some(sheet_loc), records }
}

/// Reads the two-column settings sheet: a label (matched loosely) and its value, in the
/// `Giá trị` column when the sheet has that header, else in the next cell to the right.
fn read_settings(
    range: &Range<Data>,
    extras: &mut SheetExtras<'_>,
    file: &Arc<str>,
    sheet: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<&'static str, Cell> {
    let g = grid(range);
    let sheet_arc: Arc<str> = sheet.into();
    let mut value_col: Option<usize> = None;
    let mut label_col: Option<usize> = None;
    for r in 0..g.height().min(HEADER_SEARCH_ROWS) {
        let l = (0..g.width()).find(|&c| loose_key(&g.text(r, c)) == loose_key(SETTINGS_LABEL_HEADER));
        let v = (0..g.width()).find(|&c| loose_key(&g.text(r, c)) == loose_key(SETTINGS_VALUE_HEADER));
        if let (Some(l), Some(v)) = (l, v) {
            (label_col, value_col) = (Some(l), Some(v));
            break;
        }
    }
    let mut out: BTreeMap<&'static str, Cell> = BTreeMap::new();
    let mut unknown = Vec::new();
    for r in 0..g.height() {
        let label_c = match label_col {
            Some(c) => c,
            // Without a header, the label is the first cell with text (an STT number
            // before it is skipped).
            None => match (0..g.width()).find(|&c| {
                let v = g.get(r, c);
                !v.is_empty()
                    && !matches!(v, Value::Number(_))
                    && v.display().trim().trim_end_matches('.').parse::<f64>().is_err()
            }) {
                Some(c) => c,
                None => continue,
            },
        };
        let label = g.label(r, label_c, extras);
        if label.trim().is_empty() {
            continue;
        }
        let Some(spec) = schema::setting_by_label(&label) else {
            let k = loose_key(&label);
            if k != loose_key(SETTINGS_LABEL_HEADER) && !k.is_empty() && k != loose_key(STT) && g.width() > label_c + 1
            {
                let value_c = value_col.unwrap_or(label_c + 1);
                if !g.get(r, value_c).is_empty() {
                    unknown.push(crate::text::clean_inline(&label));
                }
            }
            continue;
        };
        let c = value_col.unwrap_or(label_c + 1);
        let mut value = g.get(r, c);
        // An empty value that is a formula: its result was never saved (see the tables).
        if matches!(value, Value::Empty)
            && let Some(f) = extras.formula_at(g.excel_row(r) - 1, g.excel_col(c))
        {
            value = Value::Error(format!("={f}"));
        }
        let loc = Loc::Cell {
            file: file.clone(),
            sheet: sheet_arc.clone(),
            row: g.excel_row(r),
            col: g.excel_col(c),
            header: Some(spec.label.as_str().into()),
        };
        let key: &'static str = spec.key.as_str();
        if out.contains_key(key) {
            diags.push(Diagnostic::warning(
                "duplicate-setting",
                loc,
                Text::new(
                    format!("“{}” được khai báo hai lần; dùng giá trị đầu tiên", spec.label),
                    format!("“{}” is given twice; the first value is used", spec.label),
                ),
            ));
            continue;
        }
        let font = legacy_candidate(&value).then(|| extras.legacy_font(g.excel_row(r) - 1, g.excel_col(c))).flatten();
        out.insert(key, Cell { value, loc, font });
    }
    if !unknown.is_empty() {
        diags.push(Diagnostic::note(
            "unknown-settings",
            Loc::Sheet { file: file.clone(), sheet: sheet_arc },
            Text::new(
                format!(
                    "các dòng không dùng đến được bỏ qua: {}",
                    unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")
                ),
                format!("unused rows ignored: {}", unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")),
            ),
        ));
    }
    out
}
