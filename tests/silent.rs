//! What a new user and hostile input found wrong without a word (issue 16): each case
//! failed before its fix.

use std::collections::BTreeMap;
use std::path::Path;

use vanthu::input::Source;

use crate::util::{Project, build, errors, files};

/// The commune sample, as text to edit.
fn commune() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tong-ket-xa-2025/hoi-nghi.yaml")).unwrap()
}

fn pdfs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap()))
        .collect()
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replace(from, to)
}

/// Item 4: every multi-valued field takes a YAML list as well as `;`-separated text, and
/// both give the same pack.
#[test]
fn a_yaml_list_reads_like_the_separated_text() {
    let p = Project::new();
    let text = commune();
    let listed = replace_once(
        &text,
        r#"roles: "Đoàn chủ tịch; Báo cáo; Trao thưởng""#,
        "roles: [Đoàn chủ tịch, Báo cáo, Trao thưởng]",
    );
    let listed = replace_once(
        &listed,
        r#"reserved_for: "Khách mời cấp tỉnh; Thường trực Đảng ủy xã; Thường trực HĐND xã; Lãnh đạo UBND xã""#,
        "reserved_for: [Khách mời cấp tỉnh, Thường trực Đảng ủy xã, Thường trực HĐND xã, Lãnh đạo UBND xã]",
    );
    let a = build(Source::File(p.file("a/hoi-nghi.yaml", &text)), &p.path("a/out"));
    let b = build(Source::File(p.file("b/hoi-nghi.yaml", &listed)), &p.path("b/out"));
    assert!(errors(&b).is_empty(), "{:?}", errors(&b));
    assert!(errors(&a).is_empty(), "{:?}", errors(&a));
    let (a, b) = (pdfs(&p.path("a/out")), pdfs(&p.path("b/out")));
    assert!(a.len() > 20);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between the text and the list");
    }
}

/// Item 7: the organisers' own staff (here the MC, who also reads the decisions) are listed
/// with `Mời = Không` as the starter advises, and perform without a warning; someone marked
/// `Vắng` is still warned about.
#[test]
fn staff_who_are_not_invited_perform_without_a_warning() {
    let p = Project::new();
    let mc = r#"roles: "Dẫn chương trình"}"#;
    let staff = replace_once(&commune(), mc, r#"roles: "Dẫn chương trình", invited: Không}"#);
    let out = build(Source::File(p.file("a/hoi-nghi.yaml", &staff)), &p.path("a/out"));
    let warned: Vec<_> = out.diags.iter().filter(|d| d.code == "absent-performer").collect();
    assert!(warned.is_empty(), "{warned:#?}");
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    let script = crate::util::pdf::flat_text(&p.path("a/out/kich-ban.pdf"));
    assert!(script.contains("Hoàng Minh Đức"), "the MC still reads their parts");

    let absent = replace_once(&commune(), mc, r#"roles: "Dẫn chương trình", attendance: Vắng}"#);
    let out = build(Source::File(p.file("b/hoi-nghi.yaml", &absent)), &p.path("b/out"));
    let warned: Vec<_> = out.diags.iter().filter(|d| d.code == "absent-performer").collect();
    assert_eq!(warned.len(), 2, "{warned:#?}");
    assert!(warned[0].message.vi.starts_with("Hoàng Minh Đức vắng nhưng là người thực hiện mục"), "{warned:#?}");
}

/// Item 1: a misspelled optional header (`Chức dụ`) is a warning at its cell naming the
/// column it probably means, not only a note; in YAML, a misspelled key likewise.
#[test]
fn a_misspelled_header_is_a_warning_at_its_cell() {
    use crate::util::{C, delegate_header, settings};
    let p = Project::new();
    let mut header = delegate_header();
    header[4] = C::S("Chức dụ");
    let row = ["1", "DB01", "Ông", "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "", "0912345678"].map(C::S).to_vec();
    let input = p.workbook("hoi-nghi.xlsx", &[("Hội nghị", settings()), ("Đại biểu", vec![header, row])]);
    let out = build(Source::File(input), &p.out());
    let warned: Vec<String> = out
        .diags
        .iter()
        .filter(|d| d.code == "misspelled-column")
        .map(|d| format!("{} | {}", d.loc.as_ref().unwrap().short(), d.message.vi))
        .collect();
    assert_eq!(warned, [r#"Đại biểu!E1 | cột "Chức dụ" không thuộc danh sách nên bị bỏ qua; có phải là "Chức vụ"?"#]);
    // A column that is there, or an unrelated one, is not suspected.
    let mut header = delegate_header();
    header.push(C::S("Ghi chú riêng của văn thư"));
    let row =
        ["1", "DB01", "Ông", "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "", "0912345678", "x"].map(C::S).to_vec();
    let input = p.workbook("b.xlsx", &[("Hội nghị", settings()), ("Đại biểu", vec![header, row])]);
    let out = build(Source::File(input), &p.path("b"));
    assert!(!out.diags.iter().any(|d| d.code == "misspelled-column"), "{:#?}", out.diags);

    let yaml = replace_once(
        &commune(),
        "position: Phó Chủ tịch UBND xã, organization: \"Ủy ban nhân dân xã Ia Sao\", group: \"Lãnh đạo UBND xã\", rank: 3",
        "positon: Phó Chủ tịch UBND xã, organization: \"Ủy ban nhân dân xã Ia Sao\", group: \"Lãnh đạo UBND xã\", rank: 3",
    );
    let out = build(Source::File(p.file("c/hoi-nghi.yaml", &yaml)), &p.path("c/out"));
    let warned: Vec<_> = out.diags.iter().filter(|d| d.code == "misspelled-column").collect();
    assert_eq!(warned.len(), 1, "{warned:#?}");
    assert!(warned[0].message.vi.contains(r#"khóa "positon""#), "{}", warned[0].message.vi);
    assert!(warned[0].message.vi.contains(r#""position"?"#), "{}", warned[0].message.vi);
}

/// Items 9 and 10: what a clerk mistypes or opens by mistake is said in their words, and a
/// bracket left open is named where it opened.
#[test]
fn a_wrong_file_is_said_in_the_clerk_s_words() {
    use crate::util::{stderr, vanthu};
    let p = Project::new();
    p.file("hoi-nghi.yaml", &commune());
    p.file("~$hoi-nghi.xlsx", "Excel's lock file");
    let o = vanthu(&["check", "~$hoi-nghi.xlsx"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("đây là tệp khóa tạm Excel tạo ra"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Cannot detect"), "{}", stderr(&o));

    let xlsx =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/so-ket-ocop-2023/hoi-nghi.xlsx")).unwrap();
    std::fs::write(p.path("cat-do.xlsx"), &xlsx[..3000]).unwrap();
    let o = vanthu(&["check", "cat-do.xlsx"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("lỗi: cat-do.xlsx: tệp không đúng định dạng bảng tính"), "{}", stderr(&o));

    let o = vanthu(&["check", "hoi-ngi.yaml"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("thư mục . có: cat-do.xlsx, hoi-nghi.yaml — kiểm tra tên tệp"), "{}", stderr(&o));

    p.file("sai.yaml", "id: x\nconference: {title: [unclosed\n  date: 1\n");
    let o = vanthu(&["check", "sai.yaml"], p.dir.path());
    assert!(stderr(&o).contains("sai.yaml:3:7: ngoặc “[” mở ở dòng 2, cột 21 chưa được đóng"), "{}", stderr(&o));
}

/// Item 9: a meeting year typed wrong everywhere (`2062`) cannot be caught by comparing the
/// documents' dates with it: it is warned about against the machine's clock.
#[test]
fn a_meeting_decades_ahead_is_warned_about() {
    let p = Project::new();
    let text = commune();
    let out = build(Source::File(p.file("a/hoi-nghi.yaml", &text)), &p.path("a/out"));
    assert!(!out.diags.iter().any(|d| d.code == "date-far"), "the sample, a year ago, is fine");
    let slipped = text.replace("/2025\"", "/2062\"");
    let out = build(Source::File(p.file("b/hoi-nghi.yaml", &slipped)), &p.path("b/out"));
    let far: Vec<String> = out
        .diags
        .iter()
        .filter(|d| d.code == "date-far")
        .map(|d| format!("{} {}", d.loc.as_ref().unwrap().short(), d.message.vi))
        .collect();
    assert_eq!(far.len(), 1, "{far:?}");
    assert!(far[0].starts_with("11:9 ngày họp 26/12/2062 còn hơn một năm nữa"), "{far:?}");
}

/// Two builds into one folder at once would interleave their files: the second is refused
/// while the first holds the folder, and builds once it is released.
#[test]
fn a_second_build_into_a_busy_folder_is_refused_until_it_is_free() {
    let p = Project::new();
    let input = p.file("hoi-nghi.yaml", &commune());
    std::fs::create_dir_all(p.out()).unwrap();
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(p.out().join(".vanthu.lock"))
        .unwrap();
    held.lock().unwrap();
    let busy = build(Source::File(input.clone()), &p.out());
    assert_eq!(errors(&busy), ["pack-busy @ "], "{:#?}", busy.diags);
    assert!(busy.internal_failure);
    assert!(files(&p.out()).is_empty(), "nothing written");
    drop(held);
    let done = build(Source::File(input), &p.out());
    assert!(errors(&done).is_empty(), "{:?}", errors(&done));
    assert!(files(&p.out()).contains(&"kich-ban.pdf".to_string()));
}

/// A build killed at any moment leaves every file either old or new and complete; the next
/// build repairs the rest (the manifest, half-made temporaries) and gives the same pack as
/// a build never interrupted.
#[test]
fn a_build_killed_at_any_moment_is_repaired_by_the_next() {
    use std::process::{Command, Stdio};
    let p = Project::new();
    let text = commune();
    let clean = p.path("clean");
    let first = build(Source::File(p.file("a/hoi-nghi.yaml", &text)), &clean);
    assert!(errors(&first).is_empty());
    let input = p.file("hoi-nghi.yaml", &text);
    let out = p.out();
    // Kill builds at spread-out moments, editing the data between them so each has work.
    for (i, ms) in [30u64, 90, 160, 240, 330, 450, 600, 800].into_iter().enumerate() {
        let edited = text.replace("Siu Hyuh", if i % 2 == 0 { "Siu Hyuh" } else { "Siu Hyuh A" });
        std::fs::write(&input, edited).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanthu"))
            .args(["build", "-q", "hoi-nghi.yaml", "-o", "out"])
            .current_dir(p.dir.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(ms));
        let _ = child.kill(); // SIGKILL on Unix, TerminateProcess on Windows
        let _ = child.wait();
        // Whatever is there is complete: every PDF of the folder reads.
        for f in files(&out).iter().filter(|f| f.ends_with(".pdf")) {
            assert!(crate::util::pdf::pages(&out.join(f)) >= 1, "{f} after a kill at {ms} ms");
        }
    }
    std::fs::write(&input, &text).unwrap();
    let last = build(Source::File(input), &out);
    assert!(errors(&last).is_empty(), "{:?}", errors(&last));
    let leftovers: Vec<String> = files(&out).into_iter().filter(|f| f.ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(files(&out), files(&clean));
    for f in files(&clean).iter().filter(|f| f.ends_with(".pdf")) {
        assert!(std::fs::read(out.join(f)).unwrap() == std::fs::read(clean.join(f)).unwrap(), "{f}");
    }
}
