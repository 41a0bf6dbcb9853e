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

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

mod bounds;
mod extras;
mod free;
mod grid;
mod header;
mod rows;
mod settings;

use self::extras::SheetExtras;
use self::rows::read_table;
use self::settings::read_settings;
use super::raw::{Cell, FreeTable, Parts, Table};
use super::schema::{
    self, SETTINGS_LABEL_HEADER, SETTINGS_SHEET, SETTINGS_SHEET_ALIASES, SETTINGS_VALUE_HEADER, TableSpec,
};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::text::loose_key;

/// An opened workbook.
pub struct Workbook {
    file: Arc<str>,
    sheets: Sheets<Cursor<Vec<u8>>>,
    /// Sheet names, the visible ones first (a hidden sheet is often a stale copy).
    names: Vec<String>,
    hidden: BTreeSet<String>,
}

/// Whether `bytes` are an Office file encrypted with a password: an OLE compound file (the
/// container Excel wraps an encrypted `.xlsx` in) with an `EncryptionInfo` stream.
fn is_encrypted(bytes: &[u8]) -> bool {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&OLE) && bytes.windows(name.len()).any(|w| w == name.as_slice())
}

impl Workbook {
    /// Opens a workbook from its bytes. A file that is not a workbook is an error naming
    /// the file, never a panic.
    pub fn open(bytes: Vec<u8>, file: Arc<str>) -> Result<Workbook, Diagnostic> {
        if is_encrypted(&bytes) {
            return Err(Diagnostic::error(
                "encrypted-workbook",
                Loc::File { file },
                Text::new(
                    "bảng tính có mật khẩu: vanthu không mở được tệp đã mã hóa",
                    "the workbook is protected by a password: vanthu cannot open an encrypted file",
                ),
            )
            .with_hint(Text::new(
                "mở bằng Excel, vào File › Info › Protect Workbook › Encrypt with Password, xóa mật khẩu rồi lưu lại",
                "open it in Excel, File › Info › Protect Workbook › Encrypt with Password, clear the password and save",
            )));
        }
        bounds::check(&bytes, &file)?;
        let not_a_workbook = |detail: String| {
            // The library's words (English) stay in brackets for the IT person; the clerk
            // reads what it means.
            let what = if detail.contains("detect file format") || detail.contains("Zip") || detail.contains("zip") {
                "tệp không đúng định dạng bảng tính: có thể đã hỏng, chưa tải hoặc chép xong, hoặc là tệp khác đổi đuôi"
            } else if detail.to_lowercase().contains("password") || detail.contains("encrypt") {
                "tệp có mật khẩu"
            } else {
                "không đọc được tệp này như một bảng tính Excel/ODS"
            };
            Diagnostic::error(
                "not-a-workbook",
                Loc::File { file: file.clone() },
                Text::new(
                    format!("{what} ({detail})"),
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
    pub(crate) fn has_sheet(&self, name: &str) -> bool {
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
    pub(crate) fn read_all(&mut self, diags: &mut Diagnostics) -> Parts {
        let mut used: BTreeSet<String> = BTreeSet::new();
        let (settings_loc, settings) = self.read_settings_sheet(&mut used, diags);
        let tables = schema::TABLES.iter().map(|spec| self.read_table_sheet(spec, &mut used, diags)).collect();
        let free = self.read_other_sheets(&used, diags);
        Parts { settings_loc, settings, tables, free }
    }

    /// Reads the settings sheet, found by its name or another name for it; an error when
    /// there is none. Marks the sheet used.
    fn read_settings_sheet(
        &mut self,
        used: &mut BTreeSet<String>,
        diags: &mut Diagnostics,
    ) -> (Loc, BTreeMap<&'static str, Cell>) {
        let file = self.file.clone();
        let settings_name = self.find_sheet(|n| {
            let k = loose_key(n);
            k == loose_key(SETTINGS_SHEET) || SETTINGS_SHEET_ALIASES.iter().any(|a| loose_key(a) == k)
        });
        let Some(name) = settings_name else {
            diags.push(missing_settings_sheet(&file));
            return (Loc::File { file }, BTreeMap::new());
        };
        used.insert(name.clone());
        let loc = Loc::Sheet { file: file.clone(), sheet: name.as_str().into() };
        let settings = match self.range(&name, diags) {
            Some(range) => read_settings(&range, &mut self.extras(&name), &file, &name, diags),
            None => BTreeMap::new(),
        };
        (loc, settings)
    }

    /// Reads one list from its sheet (noting a sheet found by the start of its name), or an
    /// empty list when there is none. Marks the sheet used.
    fn read_table_sheet(
        &mut self,
        spec: &'static TableSpec,
        used: &mut BTreeSet<String>,
        diags: &mut Diagnostics,
    ) -> Table {
        let file = self.file.clone();
        let Some((name, exact)) = self.find_table_sheet(spec) else {
            return Table::empty(spec);
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
            Some(range) => read_table(&range, &mut self.extras(&name), spec, &file, &name, diags),
            None => Table::empty(spec),
        }
    }

    /// Reads each visible sheet that is no list of the contract as a table of the clerk's own
    /// (said in a note with its columns); notes the sheets passed over (another copy of a
    /// list, a hidden sheet, a sheet without a header row). The sheets vanthu writes for the
    /// clerk's eyes are passed over in silence.
    fn read_other_sheets(&mut self, used: &BTreeSet<String>, diags: &mut Diagnostics) -> Vec<FreeTable> {
        let ours = |n: &str| [schema::GUIDE_SHEET, schema::LISTS_SHEET].iter().any(|s| loose_key(s) == loose_key(n));
        let mut free = Vec::new();
        for name in self.names.clone() {
            if used.contains(&name) || ours(&name) {
                continue;
            }
            let loc = Loc::Sheet { file: self.file.clone(), sheet: name.as_str().into() };
            let hidden = self.hidden.contains(&name);
            let twin = schema::TABLES.iter().any(|t| t.matches_sheet(&name));
            if !hidden && !twin {
                let file = self.file.clone();
                let read = self
                    .range(&name, diags)
                    .and_then(|range| free::read_free_table(&range, &mut self.extras(&name), &file, &name, diags));
                if let Some(table) = read {
                    diags.push(free_table_note(&table, loc));
                    free.push(table);
                    continue;
                }
            }
            diags.push(other_sheet_note(&name, hidden, used, loc));
        }
        free
    }

    /// Reads a named sheet as a table of the clerk's own (for a YAML file that points at a
    /// workbook); `None` when there is no such sheet or it has no header row.
    pub(crate) fn read_free(&mut self, sheet: &str, diags: &mut Diagnostics) -> Option<FreeTable> {
        let name = self.find_sheet(|n| loose_key(n) == loose_key(sheet))?;
        let file = self.file.clone();
        let range = self.range(&name, diags)?;
        free::read_free_table(&range, &mut self.extras(&name), &file, &name, diags)
    }

    /// Reads one list from a named sheet (for a YAML file that points at a workbook).
    pub(crate) fn read_one(&mut self, spec: &'static TableSpec, sheet: Option<&str>, diags: &mut Diagnostics) -> Table {
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

/// The error for a workbook without a settings sheet.
fn missing_settings_sheet(file: &Arc<str>) -> Diagnostic {
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
    ))
}

/// The note that a sheet is read as a table of the clerk's own.
pub(crate) fn free_table_note(table: &FreeTable, loc: Loc) -> Diagnostic {
    let columns = table.headers.iter().map(|h| quote(h)).collect::<Vec<_>>().join(", ");
    Diagnostic::note(
        "own-table",
        loc,
        Text::new(
            format!(
                "đọc làm bảng số liệu ({} dòng; cột {columns}): dùng được trong sheet Bảng biểu và trong nội dung báo cáo",
                table.rows.len()
            ),
            format!(
                "read as a table of your own ({} rows; columns {columns}): usable in the Bảng biểu sheet and the report's text",
                table.rows.len()
            ),
        ),
    )
}

/// What is said of a sheet that was not read: another copy of a list read from a `used`
/// sheet, a hidden sheet, or a sheet without a header row.
fn other_sheet_note(name: &str, hidden: bool, used: &BTreeSet<String>, loc: Loc) -> Diagnostic {
    // Another copy of a list that was read from a different sheet.
    let twin = schema::TABLES
        .iter()
        .filter(|t| t.matches_sheet(name))
        .find_map(|t| used.iter().find(|u| t.matches_sheet(u)).map(|u| (t, u)));
    match twin {
        Some((t, u)) if !hidden => Diagnostic::warning(
            "duplicate-sheet",
            loc,
            Text::new(
                format!(
                    "sheet này cũng là danh sách “{}”, nhưng sheet “{u}” đã được dùng; sheet này bị bỏ qua",
                    t.sheet
                ),
                format!("this sheet is also a “{}” list, but the sheet “{u}” was used; this one is ignored", t.sheet),
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
                "sheet không thuộc mẫu nhập liệu và không có dòng tiêu đề (ít nhất hai ô), được bỏ qua",
                "not a sheet of the input contract and without a header row (two cells or more); ignored",
            ),
        ),
    }
}
