//! The README's commands, run as written (issue 22, item 16): every `vanthu …` line of its
//! Commands block and of the clerk's guide exits 0 in a folder made by `vanthu init` (or an
//! empty one, for `init` and the samples). `watch` runs until stopped and is left to
//! `tests/watch.rs`.

use std::path::Path;

use crate::util::{Project, stderr, vanthu};

/// The `vanthu …` command lines of the README (code blocks only), comments cut off.
fn commands() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut in_code = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let line = line.split(" #").next().unwrap_or("").trim();
        if in_code && (line == "vanthu" || line.starts_with("vanthu ")) && !out.contains(&line.to_string()) {
            out.push(line.to_string());
        }
    }
    out
}

#[test]
fn the_readme_s_commands_work_as_written() {
    let commands = commands();
    assert!(commands.len() >= 12, "{commands:?}");
    let mut ran = 0;
    for command in &commands {
        let args: Vec<&str> = command.split_whitespace().skip(1).filter(|a| *a != "[DIR]").collect();
        // `watch` and `serve` run until stopped (tests/watch.rs and tests/serve.rs try them).
        if matches!(args.first(), Some(&"watch" | &"serve")) {
            continue;
        }
        let p = Project::new();
        let starts_empty = args.is_empty() || args.first() == Some(&"init") || args.contains(&"--mau");
        if !starts_empty {
            let o = vanthu(&["init"], p.dir.path());
            assert!(o.status.success(), "{}", stderr(&o));
        }
        let o = vanthu(&args, p.dir.path());
        assert_eq!(o.status.code(), Some(0), "`{command}` failed: {}", stderr(&o));
        ran += 1;
    }
    assert!(ran >= 11, "{ran} of {commands:?}");
}
