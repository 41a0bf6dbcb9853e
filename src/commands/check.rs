//! `vanthu check`: every problem, nothing written.

use super::reporter::{Console, OK};
use super::source::source;
use crate::cli::CheckArgs;
use crate::pipeline;

pub fn run(r: &Console, args: CheckArgs) -> u8 {
    let source = match source(r, &args.source) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let outcome = pipeline::check(&source);
    let status = r.status(&outcome);
    if status == OK {
        r.line("Dữ liệu hợp lệ.".into(), "The data is valid.".into());
    }
    status
}
