//! Where the conference comes from when the command line names no file.

use std::path::Path;

use super::reporter::{Console, USAGE};
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::input::Source;
use crate::pipeline::Outcome;
use crate::workbook::starter::{XLSX_NAME, YAML_NAME};
pub(crate) use crate::workbook::{Found, in_folder, twins_differ};

/// The embedded sample conference (`data/so-ket-ocop-2023`).
pub fn sample() -> Source {
    Source::Embedded {
        name: "data/so-ket-ocop-2023/hoi-nghi.xlsx",
        bytes: std::borrow::Cow::Borrowed(include_bytes!("../../data/so-ket-ocop-2023/hoi-nghi.xlsx")),
    }
}

/// The second embedded sample: a commune's year-end emulation conference after the 2025
/// reform (`data/tong-ket-xa-2025`).
pub fn sample_commune() -> Source {
    Source::Embedded {
        name: "data/tong-ket-xa-2025/hoi-nghi.yaml",
        bytes: std::borrow::Cow::Borrowed(include_bytes!("../../data/tong-ket-xa-2025/hoi-nghi.yaml")),
    }
}

/// The file named; else the sample asked for; else the conference workbook of the current
/// folder (`hoi-nghi.xlsx`, `hoi-nghi.yaml`, or the only workbook there); else, where there
/// is none, the OCOP sample. Which one is said on the terminal; several workbooks and no
/// name is a usage error listing them.
pub fn source(r: &Console, args: &crate::cli::SourceArgs) -> Result<Source, u8> {
    match (&args.input, args.mau) {
        (Some(path), _) => Ok(Source::File(path.clone())),
        (None, Some(crate::cli::SampleArg::Xa)) => Ok(sample_commune()),
        (None, Some(crate::cli::SampleArg::Ocop)) => Ok(sample()),
        (None, None) => match in_folder(Path::new(".")) {
            Found::One(path) if path.ends_with(XLSX_NAME) && Path::new(YAML_NAME).is_file() => {
                match twins_differ(&path, Path::new(YAML_NAME)) {
                    Some((message, hint)) => Err(usage(r, message, hint)),
                    None => {
                        r.line(
                            format!("Dùng {XLSX_NAME} trong thư mục hiện tại ({YAML_NAME} có cùng dữ liệu)."),
                            format!("Using {XLSX_NAME} from the current folder ({YAML_NAME} holds the same data)."),
                        );
                        Ok(Source::File(path))
                    }
                }
            }
            Found::One(path) => {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                r.line(
                    format!("Dùng {name} trong thư mục hiện tại."),
                    format!("Using {name} from the current folder."),
                );
                Ok(Source::File(path))
            }
            Found::None => {
                r.line(
                    "Thư mục này không có bảng tính hội nghị: dùng dữ liệu mẫu (Hội nghị sơ kết OCOP tỉnh Tuyên Quang, 2023). Chạy `vanthu init` để bắt đầu hội nghị của mình.".into(),
                    "No conference workbook in this folder: using the sample (Tuyên Quang's OCOP review, 2023). Run `vanthu init` to start your own.".into(),
                );
                Ok(sample())
            }
            Found::Several(names) => {
                let list = names.join(", ");
                Err(usage(
                    r,
                    Text::new(
                        format!("thư mục này có nhiều bảng tính ({list}): chưa biết dùng tệp nào"),
                        format!("this folder has several workbooks ({list}): which one?"),
                    ),
                    Text::new(
                        format!("ghi tên tệp, ví dụ: vanthu build {}", names[0]),
                        format!("name the file, e.g. vanthu build {}", names[0]),
                    ),
                ))
            }
        },
    }
}

/// Says a usage error and gives its exit status.
pub(crate) fn usage(r: &Console, message: Text, hint: Text) -> u8 {
    let mut diags = Diagnostics::new();
    diags.push(Diagnostic::error("usage", None, message).with_hint(hint));
    r.status(&Outcome { diags, ..Outcome::default() });
    USAGE
}
