//! One function per subcommand: arguments → pipeline configuration → outcome → what the
//! clerk reads, and the exit status (0 success, 1 invalid input, 2 usage, 3 internal).

mod build;
mod check;
mod convert;
mod init;
mod progress;
mod render;
mod reporter;
mod serve;
mod source;
mod watch;

pub(crate) use reporter::{OK, USAGE};
pub use source::{sample, sample_commune};

use self::reporter::Console;
use crate::cli::{BuildArgs, Cli, Command, FormatArg, LangArg};
use crate::diag::Lang;

/// Runs the parsed command line; returns the exit status.
pub fn dispatch(cli: Cli) -> u8 {
    let console = Console {
        lang: if cli.lang == LangArg::En { Lang::En } else { Lang::Vi },
        quiet: cli.quiet,
        json: cli.format == FormatArg::Json,
    };
    match cli.command {
        None => build::run(&console, BuildArgs::default()),
        Some(Command::Build(args)) => build::run(&console, args),
        Some(Command::Check(args)) => check::run(&console, args),
        Some(Command::Convert(args)) => convert::run(&console, args),
        Some(Command::Init(args)) => init::run(&console, args),
        Some(Command::Watch(args)) => watch::run(&console, args),
        Some(Command::Render(args)) => render::run(&console, args),
        Some(Command::Serve(args)) => serve::run(&console, args),
        Some(Command::TaoDuLieu(args)) => init::synth(&console, args),
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
            if english {
                let _ = e.print();
            } else {
                eprintln!("{}", vietnamese_usage(&e));
            }
            Err(USAGE)
        }
    }
}

/// A usage error in the clerk's words: what is wrong with the command line and how to fix
/// it (clap words its own in English; `--lang en` prints those).
fn vietnamese_usage(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let quoted = |k: ContextKind| format!("“{}”", text(k));
    let (what, fix) = match e.kind() {
        ErrorKind::InvalidValue if text(ContextKind::InvalidValue).is_empty() => {
            let arg = text(ContextKind::InvalidArg);
            let arg = arg.split_whitespace().next().unwrap_or(&arg).to_string();
            (format!("{arg} cần một giá trị"), format!("viết giá trị ngay sau {arg}, ví dụ: {arg} in-an"))
        }
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue);
            let arg = text(ContextKind::InvalidArg);
            let arg = arg.split_whitespace().next().unwrap_or(&arg).to_string();
            (
                format!("giá trị {} không dùng được cho {arg}", quoted(ContextKind::InvalidValue)),
                if valid.is_empty() {
                    format!("xem `vanthu --help` về {arg}")
                } else {
                    format!("chọn một trong: {valid}")
                },
            )
        }
        ErrorKind::UnknownArgument if !text(ContextKind::InvalidArg).starts_with('-') => (
            format!("thừa {}", quoted(ContextKind::InvalidArg)),
            "tên tệp có dấu cách phải đặt trong ngoặc kép: \"Hoi nghi.xlsx\"".to_string(),
        ),
        ErrorKind::UnknownArgument => {
            let suggested = text(ContextKind::SuggestedArg);
            (
                format!("không có tùy chọn {}", quoted(ContextKind::InvalidArg)),
                if suggested.is_empty() {
                    "xem các tùy chọn: vanthu --help (hoặc vanthu <lệnh> --help)".to_string()
                } else {
                    format!("có phải là “{suggested}”?")
                },
            )
        }
        ErrorKind::InvalidSubcommand => (
            format!("không có lệnh {}", quoted(ContextKind::InvalidSubcommand)),
            "các lệnh: build, check, init, watch, render, convert, serve (vanthu --help)".to_string(),
        ),
        ErrorKind::MissingRequiredArgument => {
            (format!("thiếu {}", text(ContextKind::InvalidArg)), "xem cách viết lệnh: vanthu <lệnh> --help".to_string())
        }
        ErrorKind::ArgumentConflict => (
            format!("không dùng cùng lúc {} và {}", quoted(ContextKind::InvalidArg), quoted(ContextKind::PriorArg)),
            "bỏ một trong hai".to_string(),
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => (
            format!("thừa giá trị {}", quoted(ContextKind::InvalidValue)),
            "tên tệp có dấu cách phải đặt trong ngoặc kép: \"Hoi nghi.xlsx\"".to_string(),
        ),
        ErrorKind::ValueValidation => (
            format!(
                "giá trị {} không dùng được cho {}",
                quoted(ContextKind::InvalidValue),
                text(ContextKind::InvalidArg)
            ),
            "xem vanthu <lệnh> --help".to_string(),
        ),
        _ => ("câu lệnh chưa đúng".to_string(), "xem vanthu --help (hoặc thêm --lang en để đọc chi tiết)".to_string()),
    };
    format!("lỗi: {what}\n    cách sửa: {fix}")
}
