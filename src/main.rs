//! The `vanthu` binary: parse the command line, run it, exit with its status.
//! Everything else lives in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    match vanthu::commands::parse(std::env::args_os()) {
        Ok(cli) => ExitCode::from(vanthu::commands::dispatch(cli)),
        Err(status) => ExitCode::from(status),
    }
}
