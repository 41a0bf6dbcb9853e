//! The samples' packs, byte for byte: the SHA-256 of every file built from the OCOP sample's
//! workbook and from its YAML twin, and from the commune's sample, compared with
//! `tests/fixtures/pack-hashes.txt`.
//!
//! A change to the code that is meant to leave the documents alone (a refactor, an
//! optimisation) must keep this test green. When a change is *meant* to alter the
//! documents, regenerate the file on purpose and review the diff:
//!
//! ```sh
//! VANTHU_BLESS_PACK_HASHES=1 cargo test --release --test integration pack_hashes
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use vanthu::input::Source;

use crate::util::{Project, build, files};

const FIXTURE: &str = "tests/fixtures/pack-hashes.txt";

fn hashes(label: &str, dir: &Path, out: &mut String) {
    for f in files(dir) {
        let bytes = std::fs::read(dir.join(&f)).unwrap();
        writeln!(out, "{label} {f} {:x}", Sha256::digest(&bytes)).unwrap();
    }
}

#[test]
fn the_sample_pack_is_byte_identical_to_the_recorded_one() {
    let p = Project::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut now = String::new();
    let xlsx = build(Source::File(root.join("data/so-ket-ocop-2023/hoi-nghi.xlsx")), &p.path("xlsx"));
    assert!(!xlsx.diags.has_errors(), "{:?}", xlsx.diags);
    hashes("xlsx", &p.path("xlsx"), &mut now);
    let yaml = build(Source::File(root.join("data/so-ket-ocop-2023/hoi-nghi.yaml")), &p.path("yaml"));
    assert!(!yaml.diags.has_errors(), "{:?}", yaml.diags);
    hashes("yaml", &p.path("yaml"), &mut now);
    let xa = build(Source::File(root.join("data/tong-ket-xa-2025/hoi-nghi.yaml")), &p.path("xa"));
    assert!(!xa.diags.has_errors(), "{:?}", xa.diags);
    hashes("xa", &p.path("xa"), &mut now);

    let fixture = root.join(FIXTURE);
    if std::env::var_os("VANTHU_BLESS_PACK_HASHES").is_some() {
        std::fs::write(&fixture, &now).unwrap();
        eprintln!("pack hashes: {FIXTURE} rewritten ({} files) — review `git diff {FIXTURE}`", now.lines().count());
        return;
    }
    let recorded = std::fs::read_to_string(&fixture).unwrap_or_default();
    let differ: Vec<String> = {
        let old: std::collections::BTreeMap<_, _> = recorded.lines().filter_map(|l| l.rsplit_once(' ')).collect();
        let new: std::collections::BTreeMap<_, _> = now.lines().filter_map(|l| l.rsplit_once(' ')).collect();
        let mut d: Vec<String> =
            old.iter().filter(|(k, v)| new.get(*k) != Some(v)).map(|(k, _)| format!("changed or gone: {k}")).collect();
        d.extend(new.keys().filter(|k| !old.contains_key(*k)).map(|k| format!("new: {k}")));
        d
    };
    assert!(
        differ.is_empty(),
        "{} of {} files differ from {FIXTURE}:\n{}\n(if the change is meant, run \
         VANTHU_BLESS_PACK_HASHES=1 cargo test --release --test integration pack_hashes)",
        differ.len(),
        now.lines().count(),
        differ.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}
