//! `vanthu init`: the starter workbook and its YAML twin.

use super::reporter::{Console, OK};
use super::source::usage;
use crate::cli::{InitArgs, SynthArgs};
use crate::diag::Text;
use crate::pipeline::Outcome;

pub fn run(r: &Console, args: InitArgs) -> u8 {
    use crate::workbook::starter::{Form, Profile, Starter, Tier};
    let dir = args.dir.unwrap_or_default();
    let Some(profile) = Profile::parse(&args.loai) else {
        return usage(
            r,
            Text::new(
                format!("--loai: không có loại hội nghị “{}”", args.loai),
                format!("--loai: there is no kind of conference “{}”", args.loai),
            ),
            Text::new(format!("chọn một trong: {}", Profile::CHOICES), format!("choose one of: {}", Profile::CHOICES)),
        );
    };
    let Some(tier) = Tier::parse(&args.cap) else {
        return usage(
            r,
            Text::new(
                format!("--cap: không có cấp cơ quan “{}”", args.cap),
                format!("--cap: there is no level of body “{}”", args.cap),
            ),
            Text::new(format!("chọn một trong: {}", Tier::CHOICES), format!("choose one of: {}", Tier::CHOICES)),
        );
    };
    let starter = Starter { profile, tier, hybrid: args.truc_tuyen };
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
