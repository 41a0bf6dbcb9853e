//! Where a problem is: a workbook cell, a YAML position, a template line, or a whole file.

use std::fmt;
use std::sync::Arc;

use std::collections::BTreeMap;

use serde::Serialize;

/// A place in the clerk's input (or in a template) that a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loc {
    /// A whole file (it cannot be opened, it is not a workbook).
    File { file: Arc<str> },
    /// A whole sheet (a required column is missing).
    Sheet { file: Arc<str>, sheet: Arc<str> },
    /// A whole row (a field whose column the sheet does not have). 1-based.
    Row { file: Arc<str>, sheet: Arc<str>, row: u32 },
    /// One cell. `row` is 1-based as Excel shows it; `col` is 0-based.
    Cell { file: Arc<str>, sheet: Arc<str>, row: u32, col: u32, header: Option<Arc<str>> },
    /// A position in a YAML file (1-based line and column) and the key path there.
    Yaml { file: Arc<str>, line: u32, col: u32, path: Arc<str> },
    /// A position in a template (1-based line and column).
    Template { file: Arc<str>, line: u32, col: u32 },
    /// A position in a document written as text (`van-ban/ke-hoach.md`, 1-based).
    Text { file: Arc<str>, line: u32, col: u32 },
}

/// As JSON for other programs: rows and columns both 1-based as Excel numbers them, plus
/// the cell's name (`{"kind": "cell", "row": 3, "col": 4, "cell": "D3", …}`).
impl Serialize for Loc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(tag = "kind", rename_all = "lowercase")]
        enum Out<'a> {
            File { file: &'a str },
            Sheet { file: &'a str, sheet: &'a str },
            Row { file: &'a str, sheet: &'a str, row: u32 },
            Cell { file: &'a str, sheet: &'a str, row: u32, col: u32, cell: String, header: Option<&'a str> },
            Yaml { file: &'a str, line: u32, col: u32, path: &'a str },
            Template { file: &'a str, line: u32, col: u32 },
            Text { file: &'a str, line: u32, col: u32 },
        }
        match self {
            Loc::File { file } => Out::File { file },
            Loc::Sheet { file, sheet } => Out::Sheet { file, sheet },
            Loc::Row { file, sheet, row } => Out::Row { file, sheet, row: *row },
            Loc::Cell { file, sheet, row, col, header } => Out::Cell {
                file,
                sheet,
                row: *row,
                col: col + 1,
                cell: format!("{}{row}", column_letters(*col)),
                header: header.as_deref(),
            },
            Loc::Yaml { file, line, col, path } => Out::Yaml { file, line: *line, col: *col, path },
            Loc::Template { file, line, col } => Out::Template { file, line: *line, col: *col },
            Loc::Text { file, line, col } => Out::Text { file, line: *line, col: *col },
        }
        .serialize(s)
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl Loc {
    /// The reference without the file: `Đại biểu!B13`, `12:5`.
    pub fn short(&self) -> String {
        match self {
            Loc::File { .. } => String::new(),
            Loc::Sheet { sheet, .. } => sheet.to_string(),
            Loc::Row { sheet, row, .. } => format!("{sheet}!{row}:{row}"),
            Loc::Cell { sheet, row, col, .. } => format!("{sheet}!{}{row}", column_letters(*col)),
            Loc::Yaml { line, col, .. } | Loc::Template { line, col, .. } | Loc::Text { line, col, .. } => {
                format!("{line}:{col}")
            }
        }
    }

    pub fn file(&self) -> &str {
        match self {
            Loc::File { file }
            | Loc::Sheet { file, .. }
            | Loc::Row { file, .. }
            | Loc::Cell { file, .. }
            | Loc::Yaml { file, .. }
            | Loc::Template { file, .. }
            | Loc::Text { file, .. } => file,
        }
    }
}

impl fmt::Display for Loc {
    /// `hoi-nghi.xlsx › Đại biểu!B13 (Họ và tên)`, `hoi-nghi.yaml:12:5 (delegates[3].name)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::File { file } => write!(f, "{file}"),
            Loc::Sheet { file, sheet } => write!(f, "{file} › {sheet}"),
            Loc::Row { file, .. } => write!(f, "{file} › {}", self.short()),
            Loc::Cell { file, header, .. } => {
                write!(f, "{file} › {}", self.short())?;
                match header {
                    Some(h) => write!(f, " ({h})"),
                    None => Ok(()),
                }
            }
            Loc::Yaml { file, line, col, path } => {
                write!(f, "{file}:{line}:{col}")?;
                if path.is_empty() { Ok(()) } else { write!(f, " ({path})") }
            }
            Loc::Template { file, line, col } | Loc::Text { file, line, col } => write!(f, "{file}:{line}:{col}"),
        }
    }
}

/// Where a record (a row, a YAML list item) came from; locates cells that are empty or
/// whose column is absent.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Excel {
        file: Arc<str>,
        sheet: Arc<str>,
        /// 1-based row number.
        row: u32,
        /// Field key → (0-based column, header as written in the file).
        columns: Arc<BTreeMap<&'static str, (u32, Arc<str>)>>,
    },
    Yaml {
        file: Arc<str>,
        line: u32,
        col: u32,
        /// `delegates[3]`.
        path: Arc<str>,
    },
}

impl Origin {
    /// The place of a field of this record, even when its cell is empty or its column is
    /// missing (then the whole row).
    pub(crate) fn field_loc(&self, key: &str) -> Loc {
        match self {
            Origin::Excel { file, sheet, row, columns } => match columns.get(key) {
                Some((col, header)) => Loc::Cell {
                    file: file.clone(),
                    sheet: sheet.clone(),
                    row: *row,
                    col: *col,
                    header: Some(header.clone()),
                },
                None => Loc::Row { file: file.clone(), sheet: sheet.clone(), row: *row },
            },
            Origin::Yaml { file, line, col, path } => {
                Loc::Yaml { file: file.clone(), line: *line, col: *col, path: format!("{path}.{key}").into() }
            }
        }
    }

    /// The place of the whole record (its row / its list item).
    pub fn loc(&self) -> Loc {
        match self {
            Origin::Excel { file, sheet, row, .. } => Loc::Row { file: file.clone(), sheet: sheet.clone(), row: *row },
            Origin::Yaml { file, line, col, path } => {
                Loc::Yaml { file: file.clone(), line: *line, col: *col, path: path.clone() }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let loc = Loc::Cell {
            file: "hoi-nghi.xlsx".into(),
            sheet: "Đại biểu".into(),
            row: 13,
            col: 1,
            header: Some("Họ và tên".into()),
        };
        assert_eq!(loc.to_string(), "hoi-nghi.xlsx › Đại biểu!B13 (Họ và tên)");
        assert_eq!(loc.short(), "Đại biểu!B13");
    }
}
