//! One function per subcommand: arguments → pipeline configuration → outcome → what the
//! clerk reads, and the exit status (0 success, 1 invalid input, 2 usage, 3 internal).

mod progress;
mod watch;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use crate::cli::{BuildArgs, CheckArgs, Cli, Command, ConvertArgs, ConvertTo, FormatArg, InitArgs, LangArg};
use crate::diag::{Diagnostic, Diagnostics, Lang, Loc, Severity, Text, emit};
use crate::input::Source;
use crate::pipeline::{self, BuildConfig, Outcome, Timings};
use crate::render::Kind;

/// The embedded sample conference (`data/so-ket-ocop-2023`).
pub fn sample() -> Source {
    Source::Embedded {
        name: "data/so-ket-ocop-2023/hoi-nghi.xlsx",
        bytes: include_bytes!("../../data/so-ket-ocop-2023/hoi-nghi.xlsx"),
    }
}

/// Exit statuses.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;
pub const INTERNAL: u8 = 3;

struct Reporter {
    lang: Lang,
    quiet: bool,
    json: bool,
}

impl Reporter {
    fn diagnostics(&self, diags: &Diagnostics) {
        let shown: Diagnostics =
            diags.iter().filter(|d| !self.quiet || d.severity == Severity::Error).cloned().collect();
        // JSON is for other programs: on stdout. Human messages go to stderr.
        let _ = if self.json {
            emit(&mut std::io::stdout().lock(), &shown, self.lang, true)
        } else {
            emit(&mut std::io::stderr().lock(), &shown, self.lang, false)
        };
    }

    fn line(&self, vi: String, en: String) {
        if !self.quiet {
            eprintln!("{}", if self.lang == Lang::Vi { vi } else { en });
        }
    }

    fn timings(&self, t: &Timings) {
        for (stage, d) in &t.0 {
            eprintln!("  {stage:<10} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
    }

    fn status(&self, outcome: &Outcome) -> u8 {
        self.diagnostics(&outcome.diags);
        if outcome.internal_failure {
            INTERNAL
        } else if outcome.diags.has_errors() {
            INVALID
        } else {
            OK
        }
    }
}

fn source(input: Option<PathBuf>) -> Source {
    input.map_or_else(sample, Source::File)
}

/// Runs the parsed command line; returns the exit status.
pub fn dispatch(cli: Cli) -> u8 {
    let reporter = Reporter {
        lang: if cli.lang == LangArg::En { Lang::En } else { Lang::Vi },
        quiet: cli.quiet,
        json: cli.format == FormatArg::Json,
    };
    match cli.command {
        None => build(&reporter, BuildArgs::default()),
        Some(Command::Build(args)) => build(&reporter, args),
        Some(Command::Check(args)) => check(&reporter, args),
        Some(Command::Convert(args)) => convert(&reporter, args),
        Some(Command::Init(args)) => init(&reporter, args),
        Some(Command::Watch(args)) => watch::watch(&reporter, args),
    }
}

/// The command line, or the exit status after help, the version or a usage error was
/// printed. Clap words its errors in English; the clerk first reads, in Vietnamese unless
/// `--lang en` was given, that the command is not right and where to look.
pub fn parse<I, T>(args: I) -> Result<Cli, u8>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::Parser;
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => Ok(cli),
        Err(e) if !e.use_stderr() => {
            // --help, --version: printed on stdout, success.
            let _ = e.print();
            Err(OK)
        }
        Err(e) => {
            let english =
                args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en") || args.iter().any(|a| a == "--lang=en");
            if !english {
                eprintln!("lỗi: câu lệnh chưa đúng — xem `vanthu --help` (chi tiết bằng tiếng Anh bên dưới)");
            }
            let _ = e.print();
            Err(USAGE)
        }
    }
}

fn init(r: &Reporter, args: InitArgs) -> u8 {
    let dir = args.dir.unwrap_or_default();
    match crate::starter::init(&dir, args.force) {
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

fn build(r: &Reporter, args: BuildArgs) -> u8 {
    let mut only = BTreeSet::new();
    for code in &args.only {
        match Kind::parse(code) {
            Some(k) => {
                only.insert(k);
            }
            None => {
                let codes = Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ");
                let d = crate::diag::Diagnostic::error(
                    "usage",
                    None,
                    crate::diag::Text::new(
                        format!("--only: không có loại văn bản “{code}”"),
                        format!("--only: there is no document kind “{code}”"),
                    ),
                )
                .with_hint(crate::diag::Text::new(format!("chọn trong: {codes}"), format!("choose from: {codes}")));
                let mut diags = crate::diag::Diagnostics::new();
                diags.push(d);
                r.status(&Outcome { diags, ..Outcome::default() });
                return USAGE;
            }
        }
    }
    let config = BuildConfig { source: source(args.input), out_dir: args.output, only, force: args.force };
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

fn check(r: &Reporter, args: CheckArgs) -> u8 {
    let outcome = pipeline::check(&source(args.input));
    let status = r.status(&outcome);
    if status == OK {
        r.line("Dữ liệu hợp lệ.".into(), "The data is valid.".into());
    }
    status
}

fn convert(r: &Reporter, args: ConvertArgs) -> u8 {
    let src = Source::File(args.input.clone());
    let mut diags = Diagnostics::new();
    let prepared = pipeline::prepare(&src, &mut diags, &mut Timings::default());
    let Some(prepared) = prepared else {
        return r.status(&Outcome { diags, ..Outcome::default() });
    };
    let ext = match args.to {
        ConvertTo::Yaml => "yaml",
        ConvertTo::Xlsx => "xlsx",
    };
    let target = args.output.unwrap_or_else(|| args.input.with_extension(ext));
    let same_file = target.canonicalize().ok().is_some_and(|t| args.input.canonicalize().ok() == Some(t));
    if same_file || (target.exists() && !args.force) {
        diags.push(
            Diagnostic::error(
                "target-exists",
                Loc::File { file: target.display().to_string().into() },
                Text::new("tệp đích đã có; không ghi đè", "the target file exists; not overwritten"),
            )
            .with_hint(Text::new(
                "chọn tên khác bằng -o, hoặc thêm --force để ghi đè",
                "choose another name with -o, or add --force",
            )),
        );
        return r.status(&Outcome { diags, ..Outcome::default() });
    }
    let bytes = match args.to {
        ConvertTo::Yaml => crate::convert::to_yaml(&prepared.dataset).into_bytes(),
        ConvertTo::Xlsx => match crate::convert::to_xlsx(&prepared.dataset) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{e}");
                return INTERNAL;
            }
        },
    };
    if let Err(d) = crate::output::write_atomic(&target, &bytes) {
        diags.push(d);
        return r.status(&Outcome { diags, internal_failure: true, ..Outcome::default() });
    }
    let status = r.status(&Outcome { diags, ..Outcome::default() });
    r.line(format!("Đã ghi {}", target.display()), format!("Wrote {}", target.display()));
    status
}
