//! The pack is deterministic, the same from the workbook and from its YAML twin, written
//! atomically, and left untouched by a failed run.

use std::collections::BTreeMap;
use std::path::Path;

use vanthu::input::Source;

use crate::util::{N, Project, S, build, delegate_header, files, settings, stderr, vanthu};

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir).into_iter().map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap())).collect()
}

fn small(p: &Project) -> std::path::PathBuf {
    p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![
                        N(1.0),
                        S("DB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Giám đốc Sở Tài chính"),
                        S("Sở Tài chính"),
                        S("Sở, ban, ngành"),
                        N(912345678.0),
                    ],
                    vec![
                        N(2.0),
                        S("DB02"),
                        S("Bà"),
                        S("Trần Thị Bình"),
                        S("Phó Chủ tịch"),
                        S("UBND huyện Na Hang"),
                        S("Huyện, thành phố"),
                    ],
                ],
            ),
        ],
    )
}

#[test]
fn two_builds_give_identical_bytes() {
    let p = Project::new();
    let path = small(&p);
    assert!(!build(Source::File(path.clone()), &p.path("a")).diags.has_errors());
    assert!(!build(Source::File(path), &p.path("b")).diags.has_errors());
    let (a, b) = (snapshot(&p.path("a")), snapshot(&p.path("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between two builds");
    }
}

#[test]
fn the_yaml_twin_gives_the_same_documents() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/so-ket-ocop-2023");
    let p = Project::new();
    let from_xlsx = build(Source::File(data.join("hoi-nghi.xlsx")), &p.path("xlsx"));
    let from_yaml = build(Source::File(data.join("hoi-nghi.yaml")), &p.path("yaml"));
    assert!(!from_xlsx.diags.has_errors() && !from_yaml.diags.has_errors());
    let (a, b) = (snapshot(&p.path("xlsx")), snapshot(&p.path("yaml")));
    assert_eq!(a.len(), b.len());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between the workbook and its YAML twin");
    }
}

#[test]
fn convert_round_trips_to_the_same_documents() {
    let p = Project::new();
    small(&p);
    let o = vanthu(&["convert", "hoi-nghi.xlsx", "--to", "yaml"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let yaml = std::fs::read_to_string(p.path("hoi-nghi.yaml")).unwrap();
    assert!(yaml.contains("phone: '0912345678'") || yaml.contains("phone: \"0912345678\""), "{yaml}");
    // It refuses to overwrite without --force, and never touches its input.
    let before = std::fs::read(p.path("hoi-nghi.xlsx")).unwrap();
    let o = vanthu(&["convert", "hoi-nghi.yaml", "--to", "xlsx"], p.dir.path());
    assert_eq!(o.status.code(), Some(2), "a usage error: -o, or --force");
    assert_eq!(std::fs::read(p.path("hoi-nghi.xlsx")).unwrap(), before);
    let o = vanthu(&["convert", "hoi-nghi.yaml", "--to", "xlsx", "-o", "lai.xlsx"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    for (input, out) in [("hoi-nghi.xlsx", "a"), ("hoi-nghi.yaml", "b"), ("lai.xlsx", "c")] {
        assert!(!build(Source::File(p.path(input)), &p.path(out)).diags.has_errors());
    }
    let a = snapshot(&p.path("a"));
    for other in ["b", "c"] {
        let b = snapshot(&p.path(other));
        for (name, bytes) in &a {
            if name.ends_with(".pdf") {
                assert!(bytes == &b[name], "{name} differs after conversion ({other})");
            }
        }
    }
}

#[test]
fn a_failed_build_keeps_the_previous_pack() {
    let p = Project::new();
    let path = small(&p);
    assert!(!build(Source::File(path.clone()), &p.out()).diags.has_errors());
    let before = snapshot(&p.out());
    let input_before = std::fs::read(&path).unwrap();

    // Invalid data: nothing is touched.
    let mut broken = settings();
    broken[2] = vec![S("Tên hội nghị"), S("")];
    p.workbook("hoi-nghi.xlsx", &[("Hội nghị", broken), ("Đại biểu", vec![delegate_header()])]);
    assert!(build(Source::File(path.clone()), &p.out()).diags.has_errors());
    assert_eq!(snapshot(&p.out()), before);

    // Valid data but a template that fails while rendering: still nothing touched.
    std::fs::write(&path, &input_before).unwrap();
    p.file("templates/giay-moi.typ", "#panic(\"mẫu hỏng\")\n");
    let out = build(Source::File(path.clone()), &p.out());
    assert!(out.diags.has_errors());
    assert_eq!(snapshot(&p.out()), before);
    assert_eq!(std::fs::read(&path).unwrap(), input_before, "the input is never modified");
}

#[test]
fn a_removed_delegate_loses_their_invitation() {
    let p = Project::new();
    let path = small(&p);
    assert!(!build(Source::File(path), &p.out()).diags.has_errors());
    p.file("clerk-notes.txt", "keep me");
    std::fs::copy(p.path("clerk-notes.txt"), p.out().join("ghi-chu.txt")).unwrap();
    let path = p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![
                        N(1.0),
                        S("DB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Giám đốc Sở Tài chính"),
                        S("Sở Tài chính"),
                        S("Sở, ban, ngành"),
                    ],
                ],
            ),
        ],
    );
    let out = build(Source::File(path), &p.out());
    let (_, report) = out.written.unwrap();
    assert_eq!(report.removed, ["giay-moi/tran-thi-binh.pdf"]);
    assert!(p.out().join("ghi-chu.txt").exists(), "files vanthu did not write are never removed");
    assert_eq!(files(&p.out()).iter().filter(|f| f.ends_with(".tmp")).count(), 0);
}
