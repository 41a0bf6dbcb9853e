#![allow(clippy::disallowed_methods)] // a measuring tool writing its own files, not vanthu's pack
//! `measure gen NAME FILE` writes a full-size hostile workbook; `measure check FILE` times
//! `wbguard::check` on a file (run it under `/usr/bin/time -v` for its peak memory).

use std::time::Instant;

use wbguard::generate as g;
use wbguard::{Limits, check};

fn build(name: &str) -> Vec<u8> {
    match name {
        "unique-count" => g::xlsx_unique_count(1_000_000_000_000),
        "far-xfd10000" => g::xlsx(&[(9999, 16383, "far")]),
        "far-xfd1048576" => g::xlsx(&[(1_048_575, 16383, "far")]),
        "ods-repeat" => g::ods_repeat_bomb(16384, 6000),
        "ods-spaces" => g::ods_spaces(1_000_000_000_000),
        "whitespace" => g::xlsx_whitespace(g::FULL_WHITESPACE),
        "long-string" => g::xlsx_long_string(g::FULL_STRING),
        "merges" => g::xlsx_merges(1_000_000),
        "huge-merge" => g::xlsx_merge("A1:XFD1048576"),
        "string-copies" => g::xlsx_string_copies(98_301, 100_000),
        "xls-far" => g::xls_far(),
        "big-normal" => g::xlsx_string_copies(20, 500_000),
        "xlsb-far" => g::xlsb(&[(0, 0, 1.0), (1_048_575, 16383, 2.0)], &[]),
        other => panic!("unknown workbook {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") => {
            let t = Instant::now();
            let bytes = build(&args[2]);
            std::fs::write(&args[3], &bytes).expect("write");
            eprintln!("{}: {} bytes in {:.2?}", args[2], bytes.len(), t.elapsed());
        }
        Some("check") => {
            let bytes = std::fs::read(&args[2]).expect("read");
            let t = Instant::now();
            let res = check(&bytes, &Limits::DEFAULT);
            println!("{} ({} bytes): {:.3?} {res:?}", args[2], bytes.len(), t.elapsed());
        }
        _ => eprintln!("usage: measure gen NAME FILE | measure check FILE"),
    }
}
