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

use crate::diag::{Diagnostics, Text};
use crate::input::Source;

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

/// When a folder holds both `hoi-nghi.xlsx` and `hoi-nghi.yaml` and they say different
/// things, the error and its hint: which is newer, the first difference — never a silent
/// choice of one (an edit to the other would be silently undone). `None` when they agree.
pub fn twins_differ(xlsx: &Path, yaml: &Path) -> Option<(Text, Text)> {
    let canonical = |p: &Path| {
        let mut diags = Diagnostics::new();
        let raw = crate::input::load(&Source::File(p.to_path_buf()), &mut diags)?;
        Some(convert::to_yaml(&crate::normalize::normalize(raw, &mut diags)))
    };
    let (a, b) = (canonical(xlsx), canonical(yaml));
    if a.is_some() && a == b {
        return None;
    }
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let newer = if modified(yaml) > modified(xlsx) { YAML_NAME } else { XLSX_NAME };
    let at = match (&a, &b) {
        (Some(a), Some(b)) => a
            .lines()
            .zip(b.lines())
            .find(|(x, y)| x != y)
            .map(|(x, y)| format!(" — khác ở: {XLSX_NAME}: “{}” / {YAML_NAME}: “{}”", x.trim(), y.trim()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let at_en = at.replace("khác ở", "first difference");
    Some((
        Text::new(
            format!(
                "thư mục này có cả {XLSX_NAME} và {YAML_NAME} nhưng dữ liệu khác nhau ({newer} sửa sau){at}: chưa biết dùng tệp nào"
            ),
            format!(
                "this folder has both {XLSX_NAME} and {YAML_NAME} but they differ ({newer} is newer){at_en}: which one?"
            ),
        ),
        Text::new(
            format!("ghi tên tệp muốn dùng (vanthu build {newer}); xóa hoặc đổi tên tệp kia để lần sau khỏi nhầm"),
            format!(
                "name the file to use (vanthu build {newer}); delete or rename the other so this cannot happen again"
            ),
        ),
    ))
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
