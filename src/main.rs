//! The `vanthu` binary: parse the command line, run it, exit with its status.
//! Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = vanthu::cli::Cli::parse();
    ExitCode::from(vanthu::commands::dispatch(cli))
}
