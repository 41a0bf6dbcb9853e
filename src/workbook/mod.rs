//! The workbooks vanthu writes for the clerk to fill in: the starter (`vanthu init`) and
//! the conversion of a conference between its workbook and YAML forms (`vanthu convert`).
//! Both are driven by the input contract (`input::schema`).

pub mod convert;
mod guide;
mod guide_votes;
pub mod starter;
pub mod synth;

use std::path::{Path, PathBuf};

use starter::{XLSX_NAME, YAML_NAME};

/// What a folder holds for a command that names no file.
#[derive(Debug, PartialEq)]
pub enum Found {
    None,
    One(PathBuf),
    /// Several workbooks and none named `hoi-nghi`: their names, sorted.
    Several(Vec<String>),
}

/// The conference workbook of `dir`: `hoi-nghi.xlsx`, else `hoi-nghi.yaml`, else the only
/// workbook or YAML file there ([`crate::input::workbooks_in`]).
pub fn in_folder(dir: &Path) -> Found {
    for name in [XLSX_NAME, YAML_NAME] {
        if dir.join(name).is_file() {
            return Found::One(dir.join(name));
        }
    }
    let names = crate::input::workbooks_in(dir);
    match names.len() {
        0 => Found::None,
        1 => Found::One(dir.join(&names[0])),
        _ => Found::Several(names),
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // test fixtures, not pack files
mod tests {
    use super::*;

    #[test]
    fn the_folder_s_own_workbook_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(in_folder(d), Found::None);
        std::fs::write(d.join("~$ds.xlsx"), b"lock").unwrap();
        std::fs::write(d.join("ghi-chu.txt"), b"x").unwrap();
        assert_eq!(in_folder(d), Found::None, "a lock file is not a workbook");
        std::fs::write(d.join("Danh sach.xlsx"), b"x").unwrap();
        assert_eq!(in_folder(d), Found::One(d.join("Danh sach.xlsx")));
        std::fs::write(d.join("cu.yaml"), b"x").unwrap();
        assert_eq!(in_folder(d), Found::Several(vec!["Danh sach.xlsx".into(), "cu.yaml".into()]));
        std::fs::write(d.join("hoi-nghi.yaml"), b"x").unwrap();
        assert_eq!(in_folder(d), Found::One(d.join("hoi-nghi.yaml")));
        std::fs::write(d.join("hoi-nghi.xlsx"), b"x").unwrap();
        assert_eq!(in_folder(d), Found::One(d.join("hoi-nghi.xlsx")));
    }
}
