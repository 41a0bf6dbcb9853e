//! `vanthu build` (and `vanthu` alone): the pack, then what changed and what was written.

use std::collections::BTreeSet;
use std::time::Instant;

use super::progress;
use super::reporter::{Console, INVALID, USAGE};
use super::source::source;
use crate::cli::BuildArgs;
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::pack::DocKind;
use crate::pipeline::{self, BuildConfig, Outcome};

pub fn run(r: &Console, args: BuildArgs) -> u8 {
    let mut only = BTreeSet::new();
    for code in &args.only {
        match DocKind::parse(code) {
            Some(k) => {
                only.insert(k);
            }
            None => {
                let codes = DocKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ");
                let d = Diagnostic::error(
                    "usage",
                    None,
                    Text::new(
                        format!("--only: không có loại văn bản “{code}”"),
                        format!("--only: there is no document kind “{code}”"),
                    ),
                )
                .with_hint(Text::new(format!("chọn trong: {codes}"), format!("choose from: {codes}")));
                let mut diags = Diagnostics::new();
                diags.push(d);
                r.status(&Outcome { diags, ..Outcome::default() });
                return USAGE;
            }
        }
    }
    let source = match source(r, &args.source) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let config =
        BuildConfig { source, out_dir: args.pack.output, root: None, only, force: args.force, adopt: args.pack.adopt };
    let start = Instant::now();
    let progress = progress::for_terminal(r.quiet || r.json);
    let outcome = pipeline::build(&config, progress.as_ref());
    let status = r.status(&outcome);
    if let Some((dir, report)) = &outcome.written {
        if let Some(changes) = &outcome.changes {
            for line in changes.lines(r.lang) {
                r.line(line.clone(), line);
            }
        }
        let secs = format!("{:.2}", start.elapsed().as_secs_f64());
        let (w, k, x) = (report.written.len(), report.kept.len(), report.removed.len());
        if w + x == 0 {
            r.line(
                format!(
                    "Không có gì thay đổi: {k} tệp giữ nguyên → {} ({} giây)",
                    dir.display(),
                    secs.replace('.', ",")
                ),
                format!("Nothing changed: {k} files kept → {} ({secs} s)", dir.display()),
            );
        } else {
            r.line(
                format!(
                    "Đã ghi {w} tệp, giữ nguyên {k}, xóa {x} → {} ({} giây)",
                    dir.display(),
                    secs.replace('.', ",")
                ),
                format!("Wrote {w} files, kept {k}, removed {x} → {} ({secs} s)", dir.display()),
            );
        }
    } else if status == INVALID {
        r.line(
            "Không ghi tệp nào: hãy sửa các lỗi trên rồi chạy lại.".into(),
            "Nothing written: fix the errors above and run again.".into(),
        );
    }
    if args.timings {
        r.timings(&outcome.timings);
    }
    status
}
