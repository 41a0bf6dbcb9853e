//! `vanthu init`: the starter workbook and its YAML twin.

use super::reporter::{Console, OK};
use crate::cli::InitArgs;
use crate::pipeline::Outcome;

pub fn run(r: &Console, args: InitArgs) -> u8 {
    let dir = args.dir.unwrap_or_default();
    match crate::workbook::starter::init(&dir, args.force) {
        Ok(files) => {
            for f in &files {
                r.line(format!("Đã ghi {}", f.display()), format!("Wrote {}", f.display()));
            }
            // Quoted when it has spaces, so the command can be copied as it is (the same
            // double quotes work in cmd.exe, PowerShell and sh).
            let xlsx = files[0].display().to_string();
            let xlsx = if xlsx.contains(char::is_whitespace) { format!("\"{xlsx}\"") } else { xlsx };
            r.line(
                format!("Điền bảng tính (xem sheet “Hướng dẫn”), lưu lại, rồi chạy: vanthu build {xlsx}"),
                format!("Fill in the workbook (see its “Hướng dẫn” sheet), save it, then run: vanthu build {xlsx}"),
            );
            OK
        }
        Err(diags) => r.status(&Outcome { diags, ..Outcome::default() }),
    }
}
