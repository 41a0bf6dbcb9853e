//! `vanthu render FILE.md`: one text document to one PDF, with the conference of its folder
//! (its issuer, signer and data) when there is one.

use std::path::Path;

use super::reporter::Console;
use super::source::{Found, in_folder, usage};
use crate::cli::RenderArgs;
use crate::diag::Text;
use crate::input::Source;
use crate::input::documents::FOLDER;
use crate::pipeline::{self, RenderConfig};

pub fn run(r: &Console, args: RenderArgs) -> u8 {
    let conference = match args.conference {
        Some(path) => Some(Source::File(path)),
        None => {
            // `…/van-ban/ke-hoach.md` belongs to the conference of `…/`; a file elsewhere to
            // the workbook of its own folder, if any.
            let parent = args.file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let dir = if parent.file_name().is_some_and(|n| n == FOLDER) {
                parent.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
            } else {
                parent
            };
            match in_folder(dir) {
                Found::One(path) => {
                    let name = path.display().to_string();
                    r.line(
                        format!("Lấy cơ quan, người ký, số liệu từ {name}."),
                        format!("Using {name} for the issuer, signer and data."),
                    );
                    Some(Source::File(path))
                }
                Found::None => None,
                Found::Several(names) => {
                    let list = names.join(", ");
                    let (file, dir) = (args.file.display(), dir.display());
                    return usage(
                        r,
                        Text::new(
                            format!("thư mục {dir} có nhiều bảng tính ({list}): chưa biết văn bản thuộc hội nghị nào"),
                            format!("the folder {dir} has several workbooks ({list}): which conference is it?"),
                        ),
                        Text::new(
                            format!("ghi tên bảng tính: vanthu render {file} --hoi-nghi {}", names[0]),
                            format!("name the workbook: vanthu render {file} --hoi-nghi {}", names[0]),
                        ),
                    );
                }
            }
        }
    };
    let outcome = pipeline::render_document(&RenderConfig { file: args.file, conference, out: args.output });
    let status = r.status(&outcome);
    if let Some((path, _)) = &outcome.written {
        r.line(format!("Đã ghi {}", path.display()), format!("Wrote {}", path.display()));
    }
    status
}
