//! A vote at the conference (issue 25, item 6): the ballots from the candidates' list, and
//! the counting board's record from the counts typed after the vote — its figures, each
//! candidate's votes and share, who is elected by the clerk's rule — laid out as Decree 30
//! wants, with the count checked against itself first.

use std::path::{Path, PathBuf};

use vanthu::input::Source;
use vanthu::pack::DocKind;

use crate::layout::{check_first_page, check_margins};
use crate::util::pdf::{self, Page};
use crate::util::{C, N, Project, S, build_only, errors, files, read_sheet, settings};

const BOLD: &str = "LiberationSerif-Bold";

/// The university staff conference with its two votes (`tests/fixtures/votes/bau-cu.yaml`),
/// `edit` applied to the votes' YAML.
fn conference(p: &Project, edit: impl Fn(String) -> String) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let base = std::fs::read_to_string(root.join("protocol/truong-vien-chuc.yaml")).unwrap();
    let votes = std::fs::read_to_string(root.join("votes/bau-cu.yaml")).unwrap();
    p.file("hoi-nghi.yaml", &format!("{base}\n{}", edit(votes)))
}

fn build_votes(source: PathBuf, out: &Path) -> vanthu::pipeline::Outcome {
    build_only(Source::File(source), out, &[DocKind::Votes])
}

/// How many times `what` is printed on `page`.
fn count(page: &Page, what: &str) -> usize {
    page.runs().iter().filter(|r| r.text.contains(what)).count()
}

#[test]
fn a_staff_conference_prints_its_ballots_and_the_record_of_the_count() {
    let p = Project::new();
    let out = build_votes(conference(&p, |v| v), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let dir = p.out();
    let made: Vec<String> =
        files(&dir).into_iter().filter(|f| !f.starts_with("thay-doi") && f != "manifest.json").collect();
    assert_eq!(made, ["bien-ban-kiem-phieu.pdf", "ket-qua-bau-cu.xlsx", "phieu-bau.pdf"]);

    // 45 ballots of five names, two to a sheet (23 sheets), then 6 of two names, three to
    // a sheet (2 sheets); each within Decree 30's margins, none numbered (a secret vote).
    let ballots = pdf::all_pages(&dir.join("phieu-bau.pdf"));
    assert_eq!(ballots.len(), 25);
    let per_sheet: Vec<usize> = ballots.iter().map(|pg| count(pg, "PHIẾU BẦU CỬ")).collect();
    assert_eq!(per_sheet.iter().take(23).sum::<usize>(), 45);
    assert_eq!((per_sheet[0], per_sheet[22], per_sheet[23], per_sheet[24]), (2, 1, 3, 3));
    for (n, page) in ballots.iter().enumerate() {
        check_margins(page, n + 1);
    }
    let first = ballots[0].text();
    for what in [
        "TRƯỜNG ĐẠI HỌC",
        "HỘI NGHỊ VIÊN CHỨC, NGƯỜI LAO ĐỘNG",
        "Ban Thanh tra nhân dân Trường Đại học Nông Lâm Phú Thọ nhiệm kỳ 2026 - 2028",
        "(Bầu 03 người)",
        "Dấu của Ban Chấp hành",
        "Đặng Minh Nga",
        "Giảng viên Khoa Nông học",
        "gạch ngang chính giữa họ và tên",
    ] {
        assert!(first.contains(what), "{what:?} not on the ballot:\n{first}");
    }
    // In the list's order, not by votes: the ballot is printed before the vote.
    let at = |name: &str| first.find(name).unwrap();
    assert!(at("Đặng Minh Nga") < at("Đỗ Văn Giang") && at("Hồ Thu Lan") < at("Ngô Quang Quân"));
    assert!(!first.contains("Số phiếu bầu"), "no count on a ballot");
    let last = ballots[24].text();
    assert!(last.contains("Đại biểu dự Đại hội Công đoàn Giáo dục Việt Nam") && last.contains("(Bầu 01 người)"));

    // The record: only the vote that was counted.
    let record = dir.join("bien-ban-kiem-phieu.pdf");
    let pages = pdf::all_pages(&record);
    check_first_page(&pages[0], "BIÊN BẢN KIỂM PHIẾU", "/BB-BKP", "Bầu Ban Thanh tra nhân dân");
    for (n, page) in pages.iter().enumerate() {
        check_margins(page, n + 1);
    }
    let text = pdf::flat_text(&record);
    assert_eq!(text.matches("BIÊN BẢN KIỂM PHIẾU").count(), 1, "{text}");
    for what in [
        "vào hồi 10 giờ 40 phút, ngày 26 tháng 9 năm 2026",
        "1. Hoàng Thu Hương - Trưởng ban;",
        "3. Lò Văn Thắng - Thành viên.",
        "Số lượng bầu: 03 người; danh sách bầu cử gồm 05 người.",
        "Số phiếu phát ra: 45 phiếu;",
        "Số phiếu thu về: 44 phiếu;",
        "Số phiếu hợp lệ: 42 phiếu;",
        "Số phiếu không hợp lệ: 02 phiếu.",
        "quá 1/2 (một phần hai) so với tổng số phiếu hợp lệ",
        "03 người sau đây trúng cử",
        "1. Đặng Minh Nga, Giảng viên Khoa Nông học (40 phiếu, đạt 95,2%)",
        "3. Đỗ Văn Giang, Giảng viên Khoa Chăn nuôi thú y (31 phiếu, đạt 73,8%)",
    ] {
        assert!(text.contains(what), "{what:?} not in the record:\n{text}");
    }
    // By votes, most first; 15 of 42 valid ballots is not more than half.
    let order: Vec<usize> =
        ["Đặng Minh Nga 40", "Ngô Quang Quân 33", "Đỗ Văn Giang 31", "Hồ Thu Lan 15", "Vũ Thanh Hùng 7"]
            .iter()
            .map(|r| text.find(r).unwrap_or_else(|| panic!("{r:?} in the table:\n{text}")))
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(text.contains("Hồ Thu Lan 15 35,7 Không trúng cử"), "{text}");

    // The board signs side by side: its members on the left, its head on the right.
    let signed = pages.last().unwrap();
    let head_title = signed.run("TRƯỞNG BAN KIỂM PHIẾU");
    let members_title = signed.run("THÀNH VIÊN BAN KIỂM PHIẾU");
    assert!((head_title.y - members_title.y).abs() < 0.5 && members_title.x1 < head_title.x0);
    for r in [&head_title, &members_title] {
        assert_eq!((r.font.as_str(), r.size), (BOLD, 14.0), "{r:?}");
    }
    let head = signed.run("Hoàng Thu Hương");
    assert_eq!((head.font.as_str(), head.size), (BOLD, 14.0));
    assert!(head.y - head_title.y > 50.0, "room for the signature");
    let centre = |r: &pdf::Run| (r.x0 + r.x1) / 2.0;
    assert!((centre(&head) - centre(&head_title)).abs() < 1.0, "the head's name under their title");
    let member = signed.run("Vi Văn Định");
    assert!((centre(&member) - centre(&members_title)).abs() < 1.0 && member.y - members_title.y > 50.0);

    // The results workbook.
    let rows = read_sheet(&dir.join("ket-qua-bau-cu.xlsx"), "Kết quả bầu cử");
    let body: Vec<&Vec<String>> = rows.iter().skip(3).collect();
    assert_eq!(body.len(), 5);
    assert_eq!(
        (body[0][2].as_str(), body[0][4].as_str(), body[0][6].as_str(), body[0][7].as_str()),
        ("Đặng Minh Nga", "40", "95.2", "Trúng cử")
    );
    assert_eq!((body[4][2].as_str(), body[4][7].as_str()), ("Vũ Thanh Hùng", "Không trúng cử"));
}

#[test]
fn before_the_count_only_the_ballots() {
    let p = Project::new();
    let strip = |v: String| {
        v.lines()
            .filter(|l| !["issued:", "returned:", "valid:", "invalid:"].iter().any(|k| l.trim_start().starts_with(k)))
            .map(|l| {
                l.split(", votes:")
                    .next()
                    .map_or(l.to_string(), |h| if h.len() < l.len() { format!("{h}}}") } else { l.to_string() })
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let out = build_votes(conference(&p, strip), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    assert!(p.out().join("phieu-bau.pdf").exists());
    assert!(!p.out().join("bien-ban-kiem-phieu.pdf").exists() && !p.out().join("ket-qua-bau-cu.xlsx").exists());
}

#[test]
fn the_clerks_rule_decides_and_a_tie_on_the_last_seat_is_said() {
    // Three quarters of the ballots returned, at least: 33 of 44 is just enough, 31 is not.
    let p = Project::new();
    let rule = |v: String| {
        v.replace("    time: \"10:40\"", "    time: \"10:40\"\n    threshold: từ 3/4\n    base: Số phiếu thu về")
    };
    let out = build_votes(conference(&p, rule), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("bien-ban-kiem-phieu.pdf"));
    assert!(
        text.contains("từ 3/4 so với tổng số phiếu thu về") && text.contains("02 người sau đây trúng cử"),
        "{text}"
    );
    assert!(text.contains("Ngô Quang Quân 33 75,0 Trúng cử 3 Đỗ Văn Giang 31 70,5 Không trúng cử"), "{text}");
    assert!(out.diags.iter().any(|d| d.code == "seats-left"), "{:#?}", out.diags);

    // Giang and Lan tie for the third seat: neither is elected yet, and the clerk is told.
    let p = Project::new();
    let tie = |v: String| {
        v.replace("Đào tạo, votes: 33", "Đào tạo, votes: 30")
            .replace("thú y, votes: 31", "thú y, votes: 25")
            .replace("Kinh tế, votes: 15", "Kinh tế, votes: 25")
            .replace("Tổng hợp, votes: 7", "Tổng hợp, votes: 6")
    };
    let out = build_votes(conference(&p, tie), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let tied = out.diags.iter().find(|d| d.code == "tied-vote").expect("a warning on the tie");
    assert!(tied.message.vi.starts_with("Đỗ Văn Giang, Hồ Thu Lan bằng phiếu nhau"), "{tied:?}");
    let text = pdf::flat_text(&p.out().join("bien-ban-kiem-phieu.pdf"));
    assert!(text.contains("Hồ Thu Lan 25 59,5 Bằng phiếu") && text.contains("02 người sau đây trúng cử"), "{text}");
    assert!(text.contains("Đỗ Văn Giang và Hồ Thu Lan có số phiếu bầu bằng nhau (25 phiếu)"), "{text}");
}

/// The line of the combined YAML that holds `needle` (1-based).
fn line_of(yaml: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(yaml).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} not in the YAML")) + 1
}

#[test]
fn counts_that_do_not_add_up_are_errors_at_their_lines() {
    // (typed, instead, the error, the line it is at)
    let cases = [
        ("invalid: 2", "invalid: 3", "inconsistent-count", "invalid: 3"), // 42 + 3 ≠ 44
        ("returned: 44", "returned: 46", "inconsistent-count", "returned: 46"), // more back than issued
        ("issued: 45", "issued: 50", "inconsistent-count", "issued: 50"), // more than printed
        ("votes: 40}", "votes: 43}", "inconsistent-count", "votes: 43}"), // more than the valid ballots
        ("votes: 31}", "votes: 41}", "inconsistent-count", "valid: 42"),  // 136 names on 42 ballots of 3
        ("Kinh tế, votes: 15}", "Kinh tế}", "missing-votes", "name: Hồ Thu Lan, detail"),
        ("    seats: 3\n", "    seats: 3\n    threshold: một nửa\n", "invalid-threshold", "threshold:"),
        ("{election: ĐB, name: Lò", "{election: BCH, name: Lò", "unknown-election", "election: BCH"),
    ];
    for (from, to, code, at) in cases {
        let p = Project::new();
        let yaml = conference(&p, |v| {
            assert!(v.contains(from), "{from:?}");
            v.replacen(from, to, 1)
        });
        let out = build_votes(yaml.clone(), &p.out());
        let expected = format!("{code} @ {}:", line_of(&yaml, at));
        let errs = errors(&out);
        assert!(errs.iter().any(|e| e.starts_with(&expected)), "{from} → {to}: {expected} not in {errs:#?}");
        assert!(!p.out().join("bien-ban-kiem-phieu.pdf").exists(), "nothing written");
    }
    // Votes typed, but not the count.
    let p = Project::new();
    let yaml = conference(&p, |v| v.replace("    invalid: 2\n", ""));
    let out = build_votes(yaml.clone(), &p.out());
    let said = out.diags.errors().find(|d| d.code == "missing-count").expect("the count is incomplete");
    assert_eq!(said.message.vi, "đã ghi kết quả kiểm phiếu nhưng thiếu Số phiếu không hợp lệ");
    assert_eq!(errors(&out).len(), 1, "one mistake, one message: {:#?}", errors(&out));
}

/// The same checks in a workbook: each message at its cell.
#[test]
fn a_workbook_vote_reports_at_its_cells() {
    let p = Project::new();
    let delegates = vec![
        crate::util::delegate_header(),
        vec![N(1.0), S("DB01"), S("Ông"), S("Nguyễn Văn An"), S("Chủ tịch"), S("UBND xã"), S("Lãnh đạo UBND xã")],
    ];
    let elections = vec![
        vec![
            S("Cuộc bầu"),
            S("Số lượng bầu"),
            S("Số phiếu in"),
            S("Phát ra"),
            S("Thu về"),
            S("Hợp lệ"),
            S("Không hợp lệ"),
        ],
        vec![S("Ban Thanh tra nhân dân xã nhiệm kỳ 2026 - 2028"), N(2.0), N(30.0), N(30.0), N(29.0), N(27.0), N(1.0)],
    ];
    let candidates = vec![
        vec![S("STT"), S("Họ và tên"), S("Chức vụ, đơn vị"), S("Số phiếu bầu")],
        vec![N(1.0), S("Lê Thị Hoa"), S("Công chức Tư pháp - Hộ tịch"), N(28.0)],
        vec![N(2.0), S("Phạm Văn Bình"), S("Trưởng thôn 1"), C::E],
    ];
    let wb = p.workbook(
        "hoi-nghi.xlsx",
        &[("Hội nghị", settings()), ("Đại biểu", delegates), ("Bầu cử", elections), ("Ứng cử viên", candidates)],
    );
    let out = build_votes(wb, &p.out());
    let errs = errors(&out);
    for expected in [
        "inconsistent-count @ Bầu cử!G2",      // 27 + 1 ≠ 29
        "inconsistent-count @ Ứng cử viên!D2", // 28 > 27 valid
        "missing-votes @ Ứng cử viên!D3",
    ] {
        assert!(errs.iter().any(|e| e == expected), "{expected}: {errs:#?}");
    }
    let said = out.diags.iter().find(|d| d.code == "missing-votes").unwrap();
    assert_eq!(said.message.vi, "đã có kết quả kiểm phiếu nhưng chưa ghi số phiếu bầu của Phạm Văn Bình");
}

#[test]
fn a_conference_without_a_vote_says_so_only_when_asked() {
    assert_eq!(DocKind::parse("Bầu cử"), Some(DocKind::Votes));
    let p = Project::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let yaml = p.file("hoi-nghi.yaml", &std::fs::read_to_string(root.join("protocol/truong-vien-chuc.yaml")).unwrap());
    let out = build_votes(yaml, &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let note = out.diags.iter().find(|d| d.code == "not-made").expect("the note");
    assert_eq!(note.message.vi, "không tạo phiếu bầu, biên bản kiểm phiếu: sheet Bầu cử trống hoặc không có");
    assert!(!p.out().join("phieu-bau.pdf").exists());
}

/// `vanthu convert` carries a vote into the workbook: its sheets `Bầu cử` and `Ứng cử
/// viên` give the same ballots, record and results, byte for byte.
#[test]
fn the_workbook_twin_of_a_vote_gives_the_same_files() {
    let p = Project::new();
    let yaml = conference(&p, |v| v);
    let o = crate::util::vanthu(&["convert", "--to", "xlsx", "hoi-nghi.yaml"], p.dir.path());
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let xlsx = p.path("hoi-nghi.xlsx");
    let sheets = calamine::open_workbook_auto(&xlsx).map(|b| calamine::Reader::sheet_names(&b)).unwrap();
    assert!(sheets.contains(&"Bầu cử".to_string()) && sheets.contains(&"Ứng cử viên".to_string()), "{sheets:?}");
    let (from_yaml, from_xlsx) = (p.path("y"), p.path("x"));
    assert!(!build_votes(yaml, &from_yaml).diags.has_errors());
    assert!(!build_votes(xlsx, &from_xlsx).diags.has_errors());
    for f in ["phieu-bau.pdf", "bien-ban-kiem-phieu.pdf", "ket-qua-bau-cu.xlsx"] {
        assert_eq!(std::fs::read(from_yaml.join(f)).unwrap(), std::fs::read(from_xlsx.join(f)).unwrap(), "{f}");
    }
}
