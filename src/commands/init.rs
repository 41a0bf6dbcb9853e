//! `vanthu init`: the starter workbook and its YAML twin.

use super::reporter::{Console, OK};
use crate::cli::{InitArgs, SynthArgs};
use crate::pipeline::Outcome;

pub fn run(r: &Console, args: InitArgs) -> u8 {
    use crate::cli::{ProfileArg, TierArg};
    use crate::workbook::starter::{Profile, Starter, Tier};
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
    match crate::workbook::starter::init(&dir, args.force, starter) {
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
