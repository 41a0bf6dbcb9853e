//! Issue 22: bounded and honest under hostile input — internal markers unreachable from the
//! input, one file per person whatever their names slug to, no reprint list lost to an
//! interrupted build, no file vanthu did not make replaced, the input watched even inside
//! the pack folder, data printed as text in documents, every read and every template run
//! bounded, only regular files read, one source of a conference, one meaning per exit code.

use std::path::Path;

use vanthu::input::Source;

use crate::util::{Project, build, errors, files, pdf, read_sheet, stderr, vanthu};

/// A small valid conference (a commune's), in YAML; `{EXTRA}` is replaced by more keys.
pub const BASE: &str = r#"id: thu
conference:
  title: Hội nghị tổng kết công tác năm 2026
  date: "15/12/2026"
  start_time: "08:00"
  venue: VENUE
issuer:
  name: ỦY BAN NHÂN DÂN XÃ IA SAO
  code: UBND
  place: Ia Sao
documents:
  invitation:
    date: "05/12/2026"
    signer: {name: Nguyễn Văn An, authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH}
    recipients: [Như trên, "Lưu: VT"]
  report:
    date: "10/12/2026"
    signer: {name: Nguyễn Văn An, authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH}
    recipients: [Như trên, "Lưu: VT"]
groups:
  - {name: Lãnh đạo xã}
  - {name: "Thôn, làng"}
delegates:
  - {id: D1, honorific: Ông, name: Nguyễn Văn An, position: Chủ tịch UBND xã, organization: Ủy ban nhân dân xã Ia Sao, group: Lãnh đạo xã, roles: Chủ trì}
  - {id: D2, honorific: Bà, name: Trần Thị Bình, position: Trưởng thôn, organization: Thôn 1, group: "Thôn, làng"}
  - {id: D3, honorific: Ông, name: Lê Văn Cường, position: Trưởng thôn, organization: Thôn 2, group: "Thôn, làng"}
DELEGATES
agenda:
  - {time: "08:00", minutes: 10, title: Tuyên bố lý do, by: D1, kind: tuyen-bo-ly-do}
  - {minutes: 30, title: Báo cáo tổng kết, by: D1, kind: bao-cao, mc: MC}
EXTRA
"#;

/// [`BASE`] with its placeholders filled.
pub fn conference(venue: &str, delegates: &str, mc: &str, extra: &str) -> String {
    BASE.replace("VENUE", venue).replace("DELEGATES", delegates).replace("MC", mc).replace("EXTRA", extra)
}

fn plain() -> String {
    conference("Hội trường Ủy ban nhân dân xã", "", "Xin mời đồng chí trình bày báo cáo.", "")
}

/// The first error line of a run, and its exit status.
fn first_error(o: &std::process::Output) -> (Option<i32>, String) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    (o.status.code(), err.lines().find(|l| l.starts_with("lỗi")).unwrap_or("").to_string())
}

#[test]
fn word_s_picture_placeholders_never_reach_the_report_s_markers() {
    // Item 1: U+FFFC (what Word pastes where a picture was), alone or around a forged
    // marker, in the report's text: removed when read, never a panic.
    let p = Project::new();
    let body = "Kết quả \u{FFFC}nổi bật trong năm.\n\u{FFFC}table:99\u{FFFC}\n\u{FFFC}chart:3\u{FFFC}";
    let extra = format!("report:\n  sections:\n    - heading: I. KẾT QUẢ\n      body: {body:?}\n");
    let yaml = p.file("hoi-nghi.yaml", &conference("Hội trường", "", "Mời.", &extra));
    let outcome = build(Source::File(yaml), &p.out());
    assert!(errors(&outcome).is_empty(), "{:?}", errors(&outcome));
    let report = files(&p.out()).into_iter().find(|f| f.starts_with("bao-cao")).expect("a report");
    let text = pdf::text(&p.out().join(report));
    assert!(text.contains("Kết quả nổi bật trong năm."), "{text}");
    assert!(text.contains("table:99"), "{text}");
    assert!(!text.contains('\u{FFFC}'));
}

#[test]
fn people_whose_names_slug_alike_get_a_file_each() {
    // Item 3: Mã `A.1` / `A-1`, `Ấ` / `Â`, namesakes `B` and `C` beside "Nguyễn Văn Tâm B".
    let p = Project::new();
    let more = r#"  - {id: A.1, honorific: Ông, name: Nguyễn Văn An, position: Trưởng thôn, organization: Thôn 3, group: "Thôn, làng"}
  - {id: A-1, honorific: Ông, name: Nguyễn Văn An, position: Trưởng thôn, organization: Thôn 4, group: "Thôn, làng"}
  - {id: X1, honorific: Ông, name: Lê Văn Ấn, position: Trưởng thôn, organization: Thôn 5, group: "Thôn, làng"}
  - {id: X2, honorific: Ông, name: Lê Văn Ân, position: Trưởng thôn, organization: Thôn 6, group: "Thôn, làng"}
  - {id: B, honorific: Ông, name: Nguyễn Văn Tâm, position: Trưởng thôn, organization: Thôn 7, group: "Thôn, làng"}
  - {id: C, honorific: Ông, name: Nguyễn Văn Tâm, position: Trưởng thôn, organization: Thôn 8, group: "Thôn, làng"}
  - {id: X3, honorific: Ông, name: Nguyễn Văn Tâm B, position: Trưởng thôn, organization: Thôn 9, group: "Thôn, làng"}"#;
    let yaml = p.file("hoi-nghi.yaml", &conference("Hội trường", more, "Mời.", ""));
    let outcome = build(Source::File(yaml.clone()), &p.out());
    assert!(errors(&outcome).is_empty(), "{:?}", errors(&outcome));
    let personal: Vec<String> = files(&p.out()).into_iter().filter(|f| f.starts_with("giay-moi/")).collect();
    assert_eq!(personal.len(), 10, "one file per invitee: {personal:?}");
    // The register points each person at a file of their own.
    let register = read_sheet(&p.out().join("danh-sach-giay-moi.xlsx"), "Giấy mời");
    let mut linked: Vec<&String> =
        register.iter().filter_map(|r| r.iter().find(|c| c.starts_with("giay-moi/"))).collect();
    assert_eq!(linked.len(), 10, "{register:?}");
    linked.sort();
    linked.dedup();
    assert_eq!(linked.len(), 10, "{linked:?}");
    // A rebuild with nothing changed has nothing to reprint.
    let again = build(Source::File(yaml), &p.out());
    let changes = again.changes.as_ref().unwrap();
    assert!(changes.reprint.is_empty() && again.rendered.is_empty(), "{:?}", changes.reprint);
}

#[test]
fn an_interrupted_build_loses_no_reprint() {
    // Item 4: a build stopped after replacing some files (before its manifest) — here
    // the files of a finished build of the edited data copied in, as the stopped build
    // left them — is followed by one whose change report lists every file to reprint.
    let p = Project::new();
    let yaml = p.file("hoi-nghi.yaml", &plain());
    build(Source::File(yaml.clone()), &p.out());
    let edited = plain().replace("Trưởng thôn, organization: Thôn 1", "Bí thư chi bộ, organization: Thôn 1");
    let other = Project::new();
    let full = build(Source::File(other.file("hoi-nghi.yaml", &edited)), &other.out());
    assert!(errors(&full).is_empty());
    // What the edit makes print again, built without interruption next door.
    std::fs::write(&yaml, &edited).unwrap();
    let reference = {
        let q = Project::new();
        let y = q.file("hoi-nghi.yaml", &plain());
        build(Source::File(y.clone()), &q.out());
        std::fs::write(&y, &edited).unwrap();
        build(Source::File(y), &q.out()).changes.unwrap().reprint
    };
    assert!(reference.len() >= 3, "{reference:?}");
    // The stopped build: the personal invitation and the merged file already replaced.
    for f in reference.iter().filter(|f| f.starts_with("giay-moi")) {
        std::fs::copy(other.out().join(f), p.out().join(f)).unwrap();
    }
    let next = build(Source::File(yaml), &p.out());
    let changes = next.changes.as_ref().unwrap();
    assert_eq!(changes.reprint, reference, "the interrupted build's reprints are not lost");
    assert!(changes.changes.iter().any(|c| c.new == "Bí thư chi bộ"), "{:?}", changes.changes);
}

#[test]
fn only_a_pack_folder_is_written_into() {
    // Item 5: a folder of the clerk's own files, or another program's manifest.json.
    let p = Project::new();
    let yaml = p.file("hoi-nghi.yaml", &plain());
    let theirs = p.path("in-an");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("giay-moi.pdf"), b"the clerk's own").unwrap();
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "in-an"], p.dir.path());
    let (code, first) = first_error(&o);
    assert_eq!(code, Some(2), "{}", stderr(&o));
    assert!(first.starts_with("lỗi: in-an: thư mục này đã có tệp (giay-moi.pdf)"), "{first}");
    assert_eq!(std::fs::read(theirs.join("giay-moi.pdf")).unwrap(), b"the clerk's own");
    std::fs::remove_file(theirs.join("giay-moi.pdf")).unwrap();
    std::fs::write(theirs.join("manifest.json"), br#"{"name": "app", "icons": []}"#).unwrap();
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "in-an"], p.dir.path());
    let (code, first) = first_error(&o);
    assert_eq!(code, Some(2));
    assert!(first.contains("manifest.json không phải của vanthu"), "{first}");
    assert_eq!(std::fs::read(theirs.join("manifest.json")).unwrap(), br#"{"name": "app", "icons": []}"#);
    // Meant: --ghi-de.
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "in-an", "--ghi-de"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A pack of its own (and an empty or new folder) needs nothing.
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "in-an"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::create_dir(p.path("trong")).unwrap();
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "trong"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A first build stopped halfway (a marker manifest and some files) is still ours.
    let pack = p.path("trong");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pack.join("manifest.json")).unwrap()).unwrap();
    assert!(manifest["engine"].as_str().unwrap().starts_with("vanthu "));
    let _ = yaml;
}

#[test]
fn data_in_a_document_prints_as_text() {
    // Item 7: a venue with stars and a bar, taken into a text document's line and table.
    let p = Project::new();
    let venue = "Phòng họp A*2*, Khu *B* | tầng 3";
    p.file("hoi-nghi.yaml", &conference(&format!("{venue:?}"), "", "Mời.", ""));
    p.file(
        "van-ban/thong-bao.md",
        "---\nloại: Thông báo\ntrích yếu: Họp tại {{ conference.venue }}\nnơi nhận: [Như trên]\n---\n\nHội nghị họp tại {{ conference.venue }}.\n\n| Nội dung | Địa điểm |\n|---|---|\n| Khai mạc | {{ conference.venue }} |\n",
    );
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "out"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = pdf::text(&p.out().join("van-ban/thong-bao.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Hội nghị họp tại Phòng họp A*2*, Khu *B* | tầng 3."), "{flat}");
    assert!(flat.contains("Họp tại Phòng họp A*2*, Khu *B* | tầng 3"), "the subject: {flat}");
    // The table keeps two columns: the bar stays in its cell.
    assert!(flat.contains("Khai mạc Phòng họp A*2*, Khu *B* | tầng 3"), "{flat}");
}

#[test]
fn template_loops_are_bounded() {
    // Item 11: an MC line whose loops would run for ever or fill the memory.
    for (mc, want) in [
        (r#"{% for a in range(100000) %}{{ "x" * 100000 }}{% endfor %}"#, "tạo ra quá 1 MB chữ"),
        (
            r#"{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"#,
            "cần quá 1.000.000 bước tính",
        ),
    ] {
        let p = Project::new();
        p.file("hoi-nghi.yaml", &conference("Hội trường", "", &format!("{mc:?}"), ""));
        let started = std::time::Instant::now();
        let o = vanthu(&["check", "hoi-nghi.yaml"], p.dir.path());
        let (code, first) = first_error(&o);
        assert_eq!(code, Some(1), "{}", stderr(&o));
        assert!(first.starts_with("lỗi: hoi-nghi.yaml:") && first.contains(want), "{first}");
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}

#[test]
fn deep_yaml_is_refused_at_its_line() {
    // Item 10: block and flow nesting far past any conference's.
    let p = Project::new();
    let block = format!("id: thu\nx:\n{}1\n", "- ".repeat(30_000));
    p.file("sau.yaml", &block);
    let flow = format!("id: thu\nx: {}{}\n", "[".repeat(400_000), "]".repeat(400_000));
    p.file("ngoac.yaml", &flow);
    for (file, line) in [("sau.yaml", 3), ("ngoac.yaml", 2)] {
        let started = std::time::Instant::now();
        let o = vanthu(&["check", file], p.dir.path());
        let (code, first) = first_error(&o);
        assert_eq!(code, Some(1), "{file}: {}", stderr(&o));
        assert!(
            first.starts_with(&format!("lỗi: {file}:{line}:")) && first.contains("lồng nhau quá 64 tầng"),
            "{first}"
        );
        assert!(started.elapsed().as_secs() < 10, "{file}: {:?}", started.elapsed());
    }
}

#[test]
fn oversized_and_irregular_files_are_not_read() {
    // Items 12 and 13.
    let p = Project::new();
    p.file("hoi-nghi.yaml", &plain());
    let big = format!("---\nloại: Thông báo\n---\n\n{}", "Nội dung thông báo dài. ".repeat(50_000));
    p.file("van-ban/dai.md", &big);
    let o = vanthu(&["check", "hoi-nghi.yaml"], p.dir.path());
    let (code, first) = first_error(&o);
    assert_eq!(code, Some(1));
    assert!(first.starts_with("lỗi: van-ban/dai.md: tệp lớn 1,4 MB, quá giới hạn 1 MB"), "{first}");
    std::fs::remove_file(p.path("van-ban/dai.md")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        // A document that links outside the conference folder.
        let outside = Project::new();
        let secret = outside.file("bi-mat.md", "---\nloại: Thông báo\n---\n\nBí mật.\n");
        symlink(&secret, p.path("van-ban/lien-ket.md")).unwrap();
        let o = vanthu(&["check", "hoi-nghi.yaml"], p.dir.path());
        let (code, first) = first_error(&o);
        assert_eq!(code, Some(1));
        assert!(first.starts_with("lỗi: van-ban/lien-ket.md: tệp này là lối tắt"), "{first}");
        std::fs::remove_file(p.path("van-ban/lien-ket.md")).unwrap();
        // A workbook that is a device, and one that is a pipe: refused at once, and never
        // picked by a build that names no file.
        let q = Project::new();
        symlink("/dev/zero", q.path("hoi-nghi.xlsx")).unwrap();
        let o = vanthu(&["check", "hoi-nghi.xlsx"], q.dir.path());
        let (code, first) = first_error(&o);
        assert_eq!(code, Some(1));
        assert!(first.starts_with("lỗi: hoi-nghi.xlsx: đây không phải một tệp thường"), "{first}");
        assert!(std::process::Command::new("mkfifo").arg(q.path("ds.yaml")).status().unwrap().success());
        let o = vanthu(&["check", "ds.yaml"], q.dir.path());
        assert!(first_error(&o).1.contains("không phải một tệp thường"), "{}", stderr(&o));
        let o = vanthu(&["check"], q.dir.path());
        assert!(stderr(&o).contains("dùng dữ liệu mẫu"), "{}", stderr(&o));
    }
}

#[test]
fn one_conference_has_one_source() {
    // Items 14 and 15: init writes one file; two that disagree are never chosen between
    // silently; exit codes mean one thing each.
    let p = Project::new();
    let o = vanthu(&["init"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(p.path("hoi-nghi.xlsx").is_file() && !p.path("hoi-nghi.yaml").exists());
    // The README's convert works in a folder made by init.
    let o = vanthu(&["convert", "hoi-nghi.xlsx", "--to", "yaml"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The same data twice: built from the workbook, saying so.
    let o = vanthu(&["check"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("hoi-nghi.yaml có cùng dữ liệu"), "{}", stderr(&o));
    // An edit to the YAML: the two disagree, and nothing guesses.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let yaml = std::fs::read_to_string(p.path("hoi-nghi.yaml")).unwrap();
    let edited = yaml.replacen("Nguyễn Văn A", "Nguyễn Văn Á", 1);
    assert_ne!(yaml, edited);
    std::fs::write(p.path("hoi-nghi.yaml"), edited).unwrap();
    for cmd in ["check", "build"] {
        let o = vanthu(&[cmd], p.dir.path());
        let (code, first) = first_error(&o);
        assert_eq!(code, Some(2), "{}", stderr(&o));
        assert!(
            first.starts_with(
                "lỗi: thư mục này có cả hoi-nghi.xlsx và hoi-nghi.yaml nhưng dữ liệu khác nhau (hoi-nghi.yaml sửa sau)"
            ) && first.contains("Nguyễn Văn Á"),
            "{first}"
        );
    }
    assert!(!p.path("output").exists());
    // A second init, and a convert onto an existing file: usage errors (2), not invalid input.
    let o = vanthu(&["init"], p.dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = vanthu(&["convert", "hoi-nghi.xlsx", "--to", "yaml"], p.dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // init --yaml writes the YAML alone.
    let q = Project::new();
    let o = vanthu(&["init", "--yaml"], q.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(q.path("hoi-nghi.yaml").is_file() && !q.path("hoi-nghi.xlsx").exists());
}

#[test]
fn samples_are_named_as_samples() {
    // Item 16: a message about an embedded sample does not name a file where the clerk is.
    let p = Project::new();
    let o = vanthu(&["check", "--mau", "xa"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    for line in err.lines().filter(|l| l.starts_with("cảnh báo") || l.starts_with("ghi chú")) {
        assert!(line.contains("(mẫu) tong-ket-xa-2025/hoi-nghi.yaml") || !line.contains("hoi-nghi."), "{line}");
    }
    let _ = Path::new("");
}

/// The hostile workbooks of items 2, 8 and 9 (made in memory by `wbguard::generate`, not
/// committed): file name, bytes, the start of the first error line.
fn workbook_bombs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    use wbguard::generate as g;
    vec![
        (
            "unique-count.xlsx",
            g::xlsx_unique_count(1_000_000_000_000),
            "lỗi: unique-count.xlsx: bảng tính khai báo 1.000.000.000.000 chuỗi chữ, quá giới hạn 2.000.000",
        ),
        (
            "xa-xfd10000.xlsx",
            g::xlsx(&[(9999, 16383, "x")]),
            "lỗi: xa-xfd10000.xlsx › Đại biểu!XFD10000: ô này kéo vùng dữ liệu của sheet ra 10.000 dòng × 16.384 cột",
        ),
        (
            "xa-xfd1048576.xlsx",
            g::xlsx(&[(1_048_575, 16383, "x")]),
            "lỗi: xa-xfd1048576.xlsx › Đại biểu!XFD1048576: ô này kéo vùng dữ liệu của sheet ra 1.048.576 dòng",
        ),
        ("xa.xls", g::xls_far(), "lỗi: xa.xls › Đại biểu!"),
        ("lap.ods", g::ods_repeat_bomb(16384, 6000), "lỗi: lap.ods › Đại biểu: sheet có hơn 1.000.000 ô có dữ liệu"),
        (
            "khoang-trang.xlsx",
            g::xlsx_whitespace(300 << 20),
            "lỗi: khoang-trang.xlsx: phần “xl/worksheets/sheet1.xml” của bảng tính khi giải nén lớn hơn 256 MB",
        ),
        (
            "chuoi-dai.xlsx",
            g::xlsx_long_string(300 << 20),
            "lỗi: chuoi-dai.xlsx: phần “xl/sharedStrings.xml” của bảng tính khi giải nén lớn hơn 256 MB",
        ),
        ("gop.xlsx", g::xlsx_merges(20_000), "lỗi: gop.xlsx › Đại biểu: sheet có hơn 10.000 vùng gộp ô"),
        ("gop-lon.xlsx", g::xlsx_merge("A1:XFD1048576"), "lỗi: gop-lon.xlsx › Đại biểu!A1: vùng gộp ô từ đây"),
    ]
}

#[test]
fn workbook_bombs_are_refused_at_their_place_within_seconds() {
    let p = Project::new();
    let mut wrong = Vec::new();
    for (name, bytes, want) in workbook_bombs() {
        std::fs::write(p.path(name), bytes).unwrap();
        let started = std::time::Instant::now();
        // Under a 1 GiB address-space limit (Linux): our message, never a signal.
        let o = limited(&["check", name], p.dir.path());
        let (code, first) = first_error(&o);
        if code != Some(1) || !first.starts_with(want) || started.elapsed().as_secs() >= 10 {
            wrong.push(format!("{name}: exit {code:?} in {:?}\n  want {want}\n  got  {first}", started.elapsed()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `vanthu ARGS` in `cwd`, its address space limited to 1 GiB where the shell can say so.
pub fn limited(args: &[&str], cwd: &Path) -> std::process::Output {
    if cfg!(target_os = "linux") {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v 1048576 && exec '{}' {}", env!("CARGO_BIN_EXE_vanthu"), quoted.join(" ")))
            .current_dir(cwd)
            .output()
            .unwrap()
    } else {
        vanthu(args, cwd)
    }
}
