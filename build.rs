//! Embeds every file of `templates/` (except READMEs) in the binary: writes
//! `$OUT_DIR/templates.rs`, a list of `(path, include_str!(…))`, so a new template needs no
//! code change. Re-runs when the folder changes.

use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("templates/ is readable").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, base, out);
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            out.push(path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    // Read when the script runs, not when it was compiled: a target directory shared by
    // two checkouts reuses one compiled script for both.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let base = Path::new(&manifest_dir).join("templates");
    println!("cargo:rerun-if-changed=templates");
    let mut files = Vec::new();
    walk(&base, &base, &mut files);
    let mut code = String::from("&[\n");
    // Paths are resolved when the crate compiles (`CARGO_MANIFEST_DIR` of that checkout),
    // so a target directory shared by two checkouts never embeds the other one's files.
    for f in &files {
        code.push_str(&format!(
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/templates/{f}\"))),\n"
        ));
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("templates.rs");
    #[allow(clippy::disallowed_methods)] // build output, not a pack file
    std::fs::write(out, code).unwrap();
}
