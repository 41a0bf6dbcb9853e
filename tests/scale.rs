//! Large conferences: print files in volumes, memory that does not grow with the delegates,
//! one-change rebuilds of one volume, and lists too large for one machine refused early.

use std::path::Path;

use vanthu::input::{MAX_ROWS, Source};
use vanthu::pack::DocKind;
use vanthu::workbook::synth;

use crate::util::{Project, build_only, errors, pdf};

/// The personal invitation files written into `out`.
fn invitations(out: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(out.join("giay-moi")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn a_large_conference_prints_in_volumes_and_a_change_reprints_one() {
    let p = Project::new();
    let input = p.file("hoi-nghi.yaml", &synth::yaml(700, 3));
    let out = p.out();
    let first = build_only(Source::File(input.clone()), &out, &[DocKind::Invitations]);
    assert!(!first.diags.has_errors(), "{:?}", errors(&first));
    assert!(!out.join("giay-moi.pdf").exists(), "one print file of 700 pages");
    let volumes = [pdf::pages(&out.join("giay-moi-01.pdf")), pdf::pages(&out.join("giay-moi-02.pdf"))];
    assert_eq!(volumes[0], 500);
    let people = invitations(&out);
    assert_eq!(volumes[0] + volumes[1], people.len(), "every invitation is printed once");
    assert!(people.len() > 650, "{}", people.len());
    for f in &people {
        assert_eq!(pdf::pages(f), 1, "{}", f.display());
    }

    // A generated delegate's position changes: only their file and the print file of
    // their volume are made again.
    let text = std::fs::read_to_string(&input).unwrap();
    let at = text.find("id: TH00440\n").unwrap();
    let pos = at + text[at..].find("position: ").unwrap() + "position: ".len();
    let edited = format!("{}Tổ trưởng tổ Chín, {}", &text[..pos], &text[pos..]);
    std::fs::write(&input, edited).unwrap();
    let second = build_only(Source::File(input), &out, &[DocKind::Invitations]);
    assert!(!second.diags.has_errors(), "{:?}", errors(&second));
    assert_eq!(second.rendered.len(), 2, "{:?}", second.rendered);
    let (own, print): (Vec<&String>, Vec<&String>) = second.rendered.iter().partition(|f| f.starts_with("giay-moi/"));
    assert!(pdf::flat_text(&out.join(own[0])).contains("Tổ trưởng tổ Chín"));
    for v in ["giay-moi-01.pdf", "giay-moi-02.pdf"] {
        let has = pdf::flat_text(&out.join(v)).contains("Tổ trưởng tổ Chín");
        assert_eq!(has, print == [v], "{v}: {print:?}");
    }
}

#[test]
fn a_list_too_large_for_one_machine_is_refused_with_its_size() {
    let p = Project::new();
    let text = synth::yaml(MAX_ROWS + 1, 1);
    // Said at the list: the line after `delegates:`, where its first item starts.
    let line = text.lines().position(|l| l == "delegates:").unwrap() + 2;
    let input = p.file("hoi-nghi.yaml", &text);
    let out = build_only(Source::File(input), &p.out(), &[]);
    assert_eq!(errors(&out), [format!("too-large @ {line}:3")]);
    let d = out.diags.iter().find(|d| d.code == "too-large").unwrap();
    assert!(d.message.vi.contains("20.001 dòng"), "{}", d.message.vi);
    assert!(d.message.vi.contains("20.000"), "{}", d.message.vi);
    assert!(!p.out().exists(), "nothing is written");
}

/// 10,000 delegates' invitations under 1 GiB: run by `benches/scale.sh` (about 40 s on two
/// cores), ignored in the ordinary test run.
#[test]
#[ignore]
#[cfg(target_os = "linux")]
fn ten_thousand_invitations_fit_in_memory() {
    let p = Project::new();
    let input = p.file("hoi-nghi.yaml", &synth::yaml(10_000, 1));
    let out = p.out();
    let built = build_only(Source::File(input), &out, &[DocKind::Invitations]);
    assert!(!built.diags.has_errors(), "{:?}", errors(&built));
    // The peak resident memory of this process (the test harness included).
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let peak_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    assert!(peak_kb < 1 << 20, "peak RSS {} MiB", peak_kb / 1024);
    let people = invitations(&out);
    assert!(people.len() > 9_900, "{}", people.len());
    let mut printed = 0;
    for v in 1..=people.len().div_ceil(500) {
        printed += pdf::pages(&out.join(format!("giay-moi-{v:02}.pdf")));
    }
    assert_eq!(printed, people.len());
    for f in &people {
        assert_eq!(pdf::pages(f), 1, "{}", f.display());
    }
}
