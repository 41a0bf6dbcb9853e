//! One function per subcommand: arguments → pipeline configuration → outcome → what the
//! clerk reads, and the exit status (0 success, 1 invalid input, 2 usage, 3 internal).

mod build;
mod check;
mod convert;
mod init;
mod progress;
mod render;
mod reporter;
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
            if !english {
                eprintln!("lỗi: câu lệnh chưa đúng — xem `vanthu --help` (chi tiết bằng tiếng Anh bên dưới)");
            }
            let _ = e.print();
            Err(USAGE)
        }
    }
}
