//! The event script: clock times, panel speakers, award batches, signings, MC lines and
//! their errors, and the two PDFs.

use vanthu::commands::sample;
use vanthu::diag::Diagnostics;
use vanthu::input::Source;
use vanthu::model::{AwardKind, Role};
use vanthu::pack::DocKind;
use vanthu::pipeline::{Prepared, Timings, check, prepare};
use vanthu::plan::script::PartDetail;
use vanthu::text::Time;

use crate::util::{E, N, Project, S, build_only, delegate_header, errors, pdf, settings};

fn sample_plan() -> Prepared {
    let mut diags = Diagnostics::new();
    let p = prepare(&sample(), &mut diags, &mut Timings::default()).expect("the sample is valid");
    assert!(!diags.has_errors());
    p
}

#[test]
fn times_follow_the_programme() {
    let Prepared { dataset: ds, plan, .. } = sample_plan();
    let script = plan.script.as_ref().unwrap();
    assert_eq!(script.items.len(), ds.agenda.len());
    let mut previous_end: Option<Time> = None;
    for (item, agenda) in script.items.iter().zip(&ds.agenda) {
        match (agenda.time, previous_end) {
            (Some(t), _) => assert_eq!(item.start, t, "a fixed time is kept"),
            (None, Some(end)) => assert_eq!(item.start, end, "{} starts when the previous item ends", item.title),
            (None, None) => assert_eq!(item.start, ds.conference.start_time),
        }
        assert_eq!(item.end.minutes() - item.start.minutes(), agenda.minutes);
        // Parts fill their item, in order.
        if let (Some(first), Some(last)) = (item.parts.first(), item.parts.last()) {
            assert_eq!((first.start, last.end), (item.start, item.end), "{}", item.title);
            assert!(item.parts.windows(2).all(|w| w[0].end == w[1].start));
        }
        previous_end = Some(item.end);
    }
    assert_eq!(script.end, script.items.last().unwrap().end);
    assert_eq!(script.end.hm(), "11:30");
}

#[test]
fn generated_parts_follow_the_data() {
    let Prepared { dataset: ds, plan, .. } = sample_plan();
    let script = plan.script.as_ref().unwrap();
    let parts: Vec<&PartDetail> = script.items.iter().flat_map(|i| i.parts.iter().map(|p| &p.detail)).collect();

    // Every panel speaker once, in protocol order.
    let speakers: Vec<usize> =
        parts.iter().filter_map(|p| if let PartDetail::Speaker(d) = p { Some(*d) } else { None }).collect();
    let expected: Vec<usize> =
        plan.protocol.iter().copied().filter(|&d| ds.delegates[d].has_role(Role::Panel)).collect();
    assert_eq!(speakers, expected);
    assert_eq!(speakers.len(), 5);

    // Every award recipient in exactly one batch, collectives first, no batch too big,
    // each with a presenter who has the role Trao thưởng.
    let batches: Vec<(&Vec<usize>, &Option<usize>)> = parts
        .iter()
        .filter_map(|p| if let PartDetail::Batch { awards, presenter } = p { Some((awards, presenter)) } else { None })
        .collect();
    let mut called: Vec<usize> = batches.iter().flat_map(|(a, _)| a.iter().copied()).collect();
    let kinds: Vec<AwardKind> = called.iter().map(|&a| ds.awards[a].kind).collect();
    assert!(
        kinds.windows(2).all(|w| !(w[0] == AwardKind::Individual && w[1] == AwardKind::Collective)),
        "collectives first"
    );
    called.sort();
    assert_eq!(called, (0..ds.awards.len()).collect::<Vec<_>>());
    for (awards, presenter) in &batches {
        assert!(awards.len() <= ds.ceremony.batch_size as usize);
        let p = presenter.expect("each batch has a presenter");
        assert!(ds.delegates[p].has_role(Role::Presenter));
    }
    // The decision is read before the first batch.
    let ceremony = script.items.iter().find(|i| i.parts.iter().any(|p| p.detail == PartDetail::Decision(0))).unwrap();
    assert_eq!(ceremony.parts[0].detail, PartDetail::Decision(0));
    assert!(ceremony.parts[0].mc.join(" ").contains("Quyết định số …/QĐ-UBND ngày 12 tháng 12 năm 2023"));

    // Every signing, in order.
    let signings: Vec<usize> =
        parts.iter().filter_map(|p| if let PartDetail::Signing(s) = p { Some(*s) } else { None }).collect();
    assert_eq!(signings, (0..ds.signings.len()).collect::<Vec<_>>());

    // The introduction names the groups in protocol order, with the MC's words.
    let intro = script.items.iter().find(|i| i.title.starts_with("Tuyên bố lý do")).unwrap();
    let text = intro.mc.join("\n");
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing in {text}"));
    assert!(at("Về phía Trung ương") < at("Về phía Thường trực Tỉnh ủy"));
    assert!(at("Về phía Thường trực Tỉnh ủy") < at("Về phía các sở, ban, ngành"));
    assert!(text.contains("cùng đại diện lãnh đạo"), "large groups are summarised");
    assert!(text.ends_with("Đề nghị Hội nghị nhiệt liệt chào mừng!"));
    // A Lời dẫn cell is rendered with the item's performer.
    let opening = script.items.iter().find(|i| i.title == "Phát biểu khai mạc Hội nghị").unwrap();
    assert!(
        opening.mc[0].starts_with("Trân trọng kính mời đồng chí Nguyễn Thế Giang, Phó Chủ tịch"),
        "{:?}",
        opening.mc
    );
    assert_eq!(opening.performer.as_deref().unwrap().split(',').next().unwrap(), "Đồng chí Nguyễn Thế Giang");
}

fn programme(p: &Project, rows: Vec<Vec<crate::util::C>>) -> std::path::PathBuf {
    let mut header = delegate_header();
    header.push(S("Vai trò"));
    p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    header,
                    vec![
                        N(1.0),
                        S("UB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Phó Chủ tịch UBND tỉnh"),
                        S("UBND tỉnh"),
                        S("Lãnh đạo UBND tỉnh"),
                        E,
                        S("Chủ trì"),
                    ],
                ],
            ),
            ("Chương trình", rows),
        ],
    )
}

#[test]
fn script_errors_name_their_cells() {
    let p = Project::new();
    let header =
        vec![S("Thời gian"), S("Thời lượng (phút)"), S("Nội dung"), S("Người thực hiện"), S("Loại"), S("Lời dẫn")];
    let path = programme(
        &p,
        vec![
            header,
            vec![S("08:00"), N(30.0), S("Khai mạc"), S("UB01"), S("phat-bieu"), S("Kính mời {{ by.chuc_vu }}.")],
            vec![S("08:20"), N(10.0), S("Báo cáo"), S("UB01"), S("bao-cao"), E],
            vec![E, N(10.0), S("Bế mạc"), S("UB01"), S("be-mac"), S("{% if %}")],
        ],
    );
    let outcome = check(&Source::File(path));
    assert_eq!(
        errors(&outcome),
        ["template-text @ Chương trình!F2", "time-order @ Chương trình!A3", "template-text @ Chương trình!F4"]
    );
    let undefined = outcome.diags.errors().next().unwrap();
    assert_eq!(undefined.message.vi, "Lời dẫn (dòng 1): không có chuc_vu trong by");
    let hint = &undefined.hint.as_ref().unwrap().vi;
    assert!(hint.starts_with("by có: ") && hint.contains("“name”") && hint.contains("“position”"), "{hint}");
    let order = outcome.diags.errors().nth(1).unwrap();
    assert!(order.message.vi.contains("08:20") && order.message.vi.contains("08:30"), "{}", order.message.vi);
}

#[test]
fn conventional_lines_can_be_overridden() {
    let p = Project::new();
    let header = vec![S("Thời lượng (phút)"), S("Nội dung"), S("Người thực hiện"), S("Loại")];
    let path = programme(&p, vec![header, vec![N(10.0), S("Phát biểu khai mạc"), S("UB01"), S("phat-bieu")]]);
    p.file(
        "templates/kich-ban/phat-bieu.j2",
        "Mời {{ by.honorific }} {{ by.name }} ({{ item.start }}–{{ item.end }}).\n",
    );
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Script]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("kich-ban.pdf"));
    assert!(text.contains("Mời đồng chí Nguyễn Văn An (08h00–08h10)."), "{text}");
    // A broken override names its file and line.
    p.file("templates/kich-ban/phat-bieu.j2", "Dòng một\n{{ khong_co }}\n");
    let out = build_only(Source::File(p.path("hoi-nghi.xlsx")), &p.path("out2"), &[DocKind::Script]);
    let e = out.diags.errors().next().expect("an error");
    assert!(e.loc.as_ref().unwrap().to_string().ends_with("templates/kich-ban/phat-bieu.j2:2:1"), "{:?}", e.loc);
}

#[test]
fn the_script_and_the_programme_are_built() {
    let p = Project::new();
    let out = build_only(sample(), &p.out(), &[DocKind::Script]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    assert!(out.diags.iter().all(|d| d.code != "too-long"), "{:#?}", out.diags);
    let script = pdf::flat_text(&p.out().join("kich-ban.pdf"));
    for phrase in [
        "KỊCH BẢN",
        "TT Thời gian Nội dung Người thực hiện",
        "Lời dẫn:",
        "Trao Bằng khen đợt 1",
        "Đề nghị Hội nghị nhiệt liệt chúc mừng!",
        "Hội nghị kết thúc lúc 11h30.",
    ] {
        assert!(script.contains(phrase), "{phrase}");
    }
    // The table header repeats on every page; pages are numbered from 2.
    let pages = pdf::pages(&p.out().join("kich-ban.pdf"));
    assert!(pages > 2);
    for n in 2..=pages {
        let page = pdf::page(&p.out().join("kich-ban.pdf"), n);
        assert!(page.runs().iter().any(|r| r.text == "Người thực hiện"), "header on page {n}");
        assert!(page.runs().iter().any(|r| r.text == n.to_string() && r.y < 20.0 * 72.0 / 25.4), "number on page {n}");
    }
    let programme = p.out().join("chuong-trinh.pdf");
    assert_eq!(pdf::pages(&programme), 1);
    let text = pdf::flat_text(&programme);
    assert!(text.contains("CHƯƠNG TRÌNH") && text.contains("07h30 - 07h50") && text.contains("11h25 - 11h30"));
}
