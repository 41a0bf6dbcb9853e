//! Hostile input (issue 16): every bad file of `tests/fixtures/hostile/` — broken settings,
//! delegates, programme, hall and awards in YAML and in workbooks (formula errors, data
//! hidden under merged cells, header-only sheets, text in number cells), YAML syntax and
//! structure, non-UTF-8 text, cells of 10,000 characters, characters the font lacks, files
//! that are no workbook, a truncated one, an `.xls` renamed `.xlsx`, an empty file, one
//! encrypted with a password, nesting too deep, template loops that would never end —
//! makes `vanthu build` (under a 1 GiB memory limit) exit 1 with the Vietnamese message
//! `expected.txt` records, naming the place; none panics. (The workbooks are `vanthu
//! convert`'s own, edited at the XML.)

use std::path::Path;

use crate::util::{stderr, vanthu};

#[test]
fn every_bad_input_is_an_error_at_its_place_and_none_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let cases: Vec<(&str, &str)> = expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("file, a tab, the error"))
        .collect();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.txt")
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = cases.iter().map(|(f, _)| *f).collect();
    assert_eq!(on_disk, listed, "every fixture has its expected error, and only those");
    let mut wrong = Vec::new();
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    for (file, error) in &cases {
        // A build, under a 1 GiB address-space limit: our message, never a signal, and
        // nothing written.
        let o = crate::bounds::limited(&["build", file, "-o", &out.to_string_lossy()], &dir);
        assert!(!out.exists(), "{file}: nothing is written");
        let err = stderr(&o);
        let first = err.lines().find(|l| l.starts_with("lỗi")).unwrap_or("");
        if o.status.code() != Some(1) || first != *error || err.contains("panicked") {
            wrong.push(format!("{file}: exit {:?}\n  want {error}\n  got  {first}", o.status.code()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // The awardee whose delegate row failed (D2 has no name) is not also counted as having
    // no Mã: one error, not a misleading follow-on note.
    let o = vanthu(&["check", "dai-bieu-thieu-ten.yaml"], &dir);
    assert!(!stderr(&o).contains("không có Mã đại biểu"), "{}", stderr(&o));
}
