//! `vanthu init`: the starter workbook and YAML a clerk fills in, and the explanations the
//! workbooks `vanthu` writes carry — a note on every header, a line on every setting, the
//! drop-down lists of the fixed choices and the `Hướng dẫn` sheet.
//!
//! The starter's data lives in one place, `data/starter/hoi-nghi.yaml` (with comments for
//! whoever edits the YAML); the workbook is made from it through the same pipeline and
//! writer as `vanthu convert`, so the two always say the same and always build.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::Source;
use crate::pipeline::{self, Timings};

/// The starter data, with its comments.
pub const YAML: &str = include_str!("../../data/starter/hoi-nghi.yaml");
/// The names `init` writes.
pub(crate) const XLSX_NAME: &str = "hoi-nghi.xlsx";
pub(crate) const YAML_NAME: &str = "hoi-nghi.yaml";

/// The starter as an input source.
pub fn source() -> Source {
    Source::Embedded { name: "data/starter/hoi-nghi.yaml", bytes: YAML.as_bytes() }
}

/// Writes the starter workbook and YAML into `dir` (created if needed). Existing files are
/// left alone unless `force`. Returns the files written.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut diags = Diagnostics::new();
    let targets = [dir.join(XLSX_NAME), dir.join(YAML_NAME)];
    for t in targets.iter().filter(|t| t.exists() && !force) {
        diags.push(
            Diagnostic::error(
                "target-exists",
                Loc::File { file: t.display().to_string().into() },
                Text::new("tệp đã có; không ghi đè", "the file exists; not overwritten"),
            )
            .with_hint(Text::new(
                "chọn thư mục khác (vanthu init <thư mục>), hoặc thêm --force để ghi đè",
                "choose another folder (vanthu init <folder>), or add --force to overwrite",
            )),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let prepared = pipeline::prepare(&source(), &mut diags, &mut Timings::default()).ok_or_else(|| diags.clone())?;
    let xlsx = crate::workbook::convert::to_xlsx_with(&prepared.data, &prepared.dataset, true).map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "internal",
            Loc::File { file: XLSX_NAME.into() },
            Text::new(format!("không tạo được bảng tính: {e}"), format!("cannot make the workbook: {e}")),
        ));
        d
    })?;
    if let Err(e) = std::fs::create_dir_all(dir) {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "write-failed",
            Loc::File { file: dir.display().to_string().into() },
            Text::new(format!("không tạo được thư mục ({e})"), format!("cannot create the folder ({e})")),
        ));
        return Err(d);
    }
    for (path, bytes) in targets.iter().zip([xlsx, YAML.as_bytes().to_vec()]) {
        crate::output::write_atomic(path, &bytes).map_err(|e| {
            let mut d = Diagnostics::new();
            d.push(e);
            d
        })?;
    }
    Ok(targets.to_vec())
}
