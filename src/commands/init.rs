//! `vanthu init`: the starter workbook and its YAML twin.

use super::reporter::{Console, OK};
use crate::cli::{InitArgs, SynthArgs};
use crate::pipeline::Outcome;

pub fn run(r: &Console, args: InitArgs) -> u8 {
    use crate::cli::{ProfileArg, TierArg};
    use crate::workbook::starter::{Form, Profile, Starter, Tier};
    let dir = args.dir.unwrap_or_default();
    let starter = Starter {
        profile: match args.loai {
            ProfileArg::TongKet => Profile::YearEnd,
            ProfileArg::ThiDua => Profile::Emulation,
            ProfileArg::ChuongTrinh => Profile::Programme,
        },
        tier: match args.cap {
            TierArg::Tinh => Tier::Province,
            TierArg::So => Tier::Department,
            TierArg::Xa => Tier::Commune,
        },
    };
    let form = if args.yaml { Form::Yaml } else { Form::Workbook };
    match crate::workbook::starter::init(&dir, args.force, starter, form) {
        Ok(files) => {
            for f in &files {
                r.line(format!("Đã ghi {}", f.display()), format!("Wrote {}", f.display()));
            }
            // Quoted when it has spaces, so the command can be copied as it is (the same
            // double quotes work in cmd.exe, PowerShell and sh).
            let file = files[0].display().to_string();
            let file = if file.contains(char::is_whitespace) { format!("\"{file}\"") } else { file };
            if form == Form::Yaml {
                r.line(
                    format!("Điền tệp YAML (mỗi mục có chú thích), lưu lại, rồi chạy: vanthu build {file}"),
                    format!("Fill in the YAML file (each key is commented), save it, then run: vanthu build {file}"),
                );
            } else {
                r.line(
                    format!("Điền bảng tính (xem sheet “Hướng dẫn”), lưu lại, rồi chạy: vanthu build {file}"),
                    format!("Fill in the workbook (see its “Hướng dẫn” sheet), save it, then run: vanthu build {file}"),
                );
            }
            OK
        }
        Err(diags) => {
            // A file in the way is the command's to change (another folder, --force).
            let usage_error = diags.iter().any(|d| d.code == "target-exists");
            r.status(&Outcome { diags, usage_error, ..Outcome::default() })
        }
    }
}

/// `vanthu tao-du-lieu` (hidden): a synthetic conference for benchmarks.
pub fn synth(r: &Console, args: SynthArgs) -> u8 {
    match crate::workbook::synth::write(&args.dir, args.delegates, args.seed) {
        Ok(files) => {
            for f in &files {
                r.line(format!("Đã ghi {}", f.display()), format!("Wrote {}", f.display()));
            }
            OK
        }
        Err(diags) => r.status(&Outcome { diags, ..Outcome::default() }),
    }
}
