//! Rebuilds render only what changed, say what changed, remove what no longer belongs and
//! restore what was deleted by hand.

use std::path::Path;

use vanthu::input::Source;
use vanthu::pipeline::{BuildConfig, Outcome, build as run};
use vanthu::render::Silent;

use crate::util::{Project, files, stderr, vanthu};

fn build(input: &Path, out: &Path, force: bool) -> Outcome {
    let config = BuildConfig {
        source: Source::File(input.to_path_buf()),
        out_dir: Some(out.to_path_buf()),
        root: None,
        only: Default::default(),
        force,
        adopt: false,
    };
    let outcome = run(&config, &Silent);
    assert!(!outcome.diags.has_errors(), "{:#?}", outcome.diags);
    outcome
}

/// The sample, copied so it can be edited.
fn sample_copy(p: &Project) -> std::path::PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/so-ket-ocop-2023/hoi-nghi.yaml"))
            .unwrap();
    p.file("hoi-nghi.yaml", &text)
}

/// Replaces the value of `field` in the YAML item of the delegate `id`.
fn edit_delegate(path: &Path, id: &str, field: &str, value: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(&format!("id: {id}\n")).unwrap();
    let start = at + text[at..].find(&format!("{field}: ")).unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let edited = format!("{}{field}: \"{value}\"{}", &text[..start], &text[end..]);
    std::fs::write(path, edited).unwrap();
}

fn remove_delegate(path: &Path, id: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(&format!("  - id: {id}\n")).unwrap();
    let end = at + 2 + text[at + 2..].find("\n  - ").unwrap() + 1;
    std::fs::write(path, format!("{}{}", &text[..at], &text[end..])).unwrap();
}

#[test]
fn a_second_build_renders_nothing_and_says_so() {
    let p = Project::new();
    let input = sample_copy(&p);
    let first = build(&input, &p.out(), false);
    assert!(first.rendered.len() > 300);
    assert!(first.changes.as_ref().unwrap().first);
    let second = build(&input, &p.out(), false);
    assert!(second.rendered.is_empty(), "{:?}", second.rendered);
    let (_, report) = second.written.as_ref().unwrap();
    assert!(report.written.is_empty() && report.removed.is_empty(), "{report:?}");
    let changes = second.changes.as_ref().unwrap();
    assert!(!changes.first && changes.changes.is_empty() && changes.reprint.is_empty());
    // The binary says so.
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "out"], p.dir.path());
    let err = stderr(&o);
    assert!(err.contains("Không có gì thay đổi") && err.contains("Không có tệp nào cần in lại."), "{err}");
    // --force renders everything again.
    let forced = build(&input, &p.out(), true);
    assert_eq!(forced.rendered.len(), first.rendered.len());
}

#[test]
fn changing_a_position_renders_only_what_shows_it() {
    let p = Project::new();
    let input = sample_copy(&p);
    build(&input, &p.out(), false);
    // A commune chairman with no role, outside the front rows.
    let id = "XA030";
    edit_delegate(&input, id, "position", "Phó Chủ tịch Ủy ban nhân dân xã");
    let outcome = build(&input, &p.out(), false);
    let stem = {
        let text = std::fs::read_to_string(&input).unwrap();
        let at = text.find(&format!("id: {id}\n")).unwrap();
        let name_at = at + text[at..].find("name: ").unwrap() + 6;
        let name = &text[name_at..name_at + text[name_at..].find('\n').unwrap()];
        vanthu::text::slug(name.trim_matches('"'))
    };
    let mine = format!("giay-moi/{stem}.pdf");
    let mut rendered = outcome.rendered.clone();
    rendered.sort();
    assert!(rendered.contains(&mine) && rendered.contains(&"giay-moi.pdf".to_string()), "{rendered:?}");
    // Only documents that print this delegate's position: the invitation, the merged
    // file, and the hall diagram's index of names.
    let allowed = [mine.as_str(), "giay-moi.pdf", "so-do-cho-ngoi.pdf"];
    assert!(rendered.iter().all(|r| allowed.contains(&r.as_str())), "{rendered:?}");
    let (_, report) = outcome.written.as_ref().unwrap();
    for register in ["danh-sach-giay-moi.xlsx", "danh-sach-cho-ngoi.xlsx"] {
        assert!(report.written.contains(&register.to_string()), "{register} rewritten: {report:?}");
    }
    assert!(!report.written.contains(&"danh-sach-khen-thuong.xlsx".to_string()));
    assert!(!report.written.iter().any(|f| f.starts_with("bang-khen")));
    // The change report names the change and the files to print again.
    let changes = outcome.changes.as_ref().unwrap();
    assert_eq!(changes.changes.len(), 1, "{:?}", changes.changes);
    let c = &changes.changes[0];
    assert_eq!((c.what.as_str(), c.new.as_str()), ("Chức vụ", "Phó Chủ tịch Ủy ban nhân dân xã"));
    assert!(c.who.contains(id));
    assert!(changes.reprint.contains(&mine));
    let sheet = crate::util::read_sheet(&p.out().join("thay-doi.xlsx"), "Thay đổi");
    assert!(
        sheet
            .iter()
            .any(|row| row.contains(&"Chức vụ".to_string())
                && row.contains(&"Phó Chủ tịch Ủy ban nhân dân xã".to_string())),
        "{sheet:?}"
    );
}

#[test]
fn removed_delegates_lose_their_files_and_deleted_files_come_back() {
    let p = Project::new();
    let input = sample_copy(&p);
    build(&input, &p.out(), false);
    let before = files(&p.out());

    // Deleting an output by hand: the next build restores it (and only it).
    let victim = before.iter().find(|f| f.starts_with("giay-moi/")).unwrap().clone();
    std::fs::remove_file(p.out().join(&victim)).unwrap();
    std::fs::write(p.out().join("bao-cao-so-ket.pdf"), b"edited by hand").unwrap();
    let outcome = build(&input, &p.out(), false);
    let mut rendered = outcome.rendered.clone();
    rendered.sort();
    assert_eq!(rendered, ["bao-cao-so-ket.pdf".to_string(), victim.clone()]);
    assert_eq!(files(&p.out()), before);

    // Removing a delegate removes their invitation and says so.
    remove_delegate(&input, "XA030");
    let outcome = build(&input, &p.out(), false);
    let (_, report) = outcome.written.as_ref().unwrap();
    assert_eq!(report.removed.len(), 1, "{report:?}");
    assert!(report.removed[0].starts_with("giay-moi/"));
    assert!(!p.out().join(&report.removed[0]).exists());
    let changes = outcome.changes.as_ref().unwrap();
    assert!(changes.changes.iter().any(|c| c.what == "bỏ" && c.who.contains("XA030")), "{:?}", changes.changes);
    assert!(changes.removed.contains(&report.removed[0]));
    // The change report's workbook says so too, beside the files to print again.
    let sheet = crate::util::read_sheet(&p.out().join("thay-doi.xlsx"), "In lại");
    assert!(
        sheet.iter().any(|r| r.get(1) == Some(&report.removed[0]) && r.get(2).is_some_and(|t| t.starts_with("Đã xóa"))),
        "{sheet:?}"
    );

    // Issue 16, item 5: one more build changes nothing and keeps that list (it may not be
    // printed yet); every build that changed something left its own dated report.
    let said_removed = |sheet: &[Vec<String>]| {
        sheet.iter().any(|r| r.get(1) == Some(&report.removed[0]) && r.get(2).is_some_and(|t| t.starts_with("Đã xóa")))
    };
    let again = build(&input, &p.out(), false);
    assert!(again.rendered.is_empty());
    assert!(said_removed(&crate::util::read_sheet(&p.out().join("thay-doi.xlsx"), "In lại")));
    let history = crate::util::history(&p.out());
    assert_eq!(history.len(), 3, "first build, restored files, removed delegate: {history:?}");
    assert!(
        history.iter().all(|h| h.len() == "2026-12-07_081502.xlsx".len() || h.contains("_2.") || h.contains("_3.")),
        "{history:?}"
    );
    let newest = crate::util::read_sheet(&p.out().join("thay-doi").join(history.last().unwrap()), "In lại");
    assert!(said_removed(&newest), "{newest:?}");
}

#[test]
fn overriding_one_template_rewrites_only_its_documents() {
    let p = Project::new();
    let input = sample_copy(&p);
    build(&input, &p.out(), false);
    let builtin = vanthu::assets::TemplateStore::builtin().text("chuong-trinh.typ").unwrap();
    p.file("templates/chuong-trinh.typ", &format!("{builtin}\n#text(\"Bản sửa\")\n"));
    let second = build(&input, &p.out(), false);
    let (_, report) = second.written.as_ref().unwrap();
    assert_eq!(report.written, ["chuong-trinh.pdf"]);
    assert_eq!(second.changes.as_ref().unwrap().reprint, ["chuong-trinh.pdf"]);
}

#[test]
fn a_partial_build_keeps_the_change_for_the_next_full_one() {
    let p = Project::new();
    let input = sample_copy(&p);
    build(&input, &p.out(), false);
    edit_delegate(&input, "SN016", "position", "Phó Giám đốc phụ trách");
    let config = BuildConfig {
        source: Source::File(input.clone()),
        out_dir: Some(p.out()),
        root: None,
        only: [vanthu::pack::DocKind::Summary].into_iter().collect(),
        force: false,
        adopt: false,
    };
    let partial = run(&config, &Silent);
    assert!(!partial.changes.as_ref().unwrap().changes.is_empty());
    // The next full build still says what changed and what to reprint.
    let full = build(&input, &p.out(), false);
    let changes = full.changes.as_ref().unwrap();
    assert!(!changes.changes.is_empty(), "{changes:?}");
    assert!(changes.reprint.iter().any(|f| f.starts_with("giay-moi/")), "{:?}", changes.reprint);
}
