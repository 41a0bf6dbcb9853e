//! Seating by protocol: invariants on the sample, the centre-then-alternate rule, reserved
//! blocks, award recipients on aisles, manual seats, errors at their cells, and the outputs.

use std::fmt::Write;

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::commands::sample;
use vanthu::diag::Diagnostics;
use vanthu::input::Source;
use vanthu::model::{Dataset, Role};
use vanthu::pack::DocKind;
use vanthu::pipeline::{Prepared, Timings, prepare};
use vanthu::plan::Plan;
use vanthu::plan::seating::{SeatingPlan, is_seated};
use vanthu::text::NameOrder;

use crate::util::{Project, build_only, errors, pdf};

fn prepared(source: Source) -> Prepared {
    let mut diags = Diagnostics::new();
    let p = prepare(&source, &mut diags, &mut Timings::default());
    assert!(!diags.has_errors(), "{diags:#?}");
    p.unwrap()
}

/// The seats of a row by number (1-based), as (number, delegate).
fn row_of(seating: &SeatingPlan, code: &str) -> Vec<(u32, Option<usize>)> {
    let row = seating.hall.rows.iter().find(|r| r.code == code).unwrap();
    row.seats.iter().map(|&s| (seating.hall.seats[s].number, seating.occupant[s])).collect()
}

fn check_invariants<'p>(ds: &Dataset, plan: &'p Plan) -> &'p SeatingPlan {
    let seating = plan.seating.as_ref().expect("the hall is described");
    seating.verify().unwrap();
    for d in 0..ds.delegates.len() {
        assert_eq!(seating.seat_of[d].is_some(), is_seated(ds, d), "{} ({})", ds.delegates[d].name, ds.delegates[d].id);
    }
    // Reserved blocks hold only their groups.
    for (s, seat) in seating.hall.seats.iter_enumerated() {
        let block = &seating.hall.rows[seat.row].blocks[seat.block];
        if let Some(d) = seating.occupant[s]
            && !block.reserved_for.is_empty()
            && ds.delegates[d].seat.is_none()
        {
            assert!(block.reserved_for.contains(&ds.delegates[d].group), "{} in a block of other groups", seat.code);
        }
    }
    seating
}

#[test]
fn the_sample_is_seated_by_protocol() {
    let Prepared { dataset: ds, plan, .. } = prepared(sample());
    let seating = check_invariants(&ds, &plan);

    // Manual seats are kept.
    let manual: Vec<_> = ds.delegates.iter().enumerate().filter(|(_, d)| d.seat.is_some()).collect();
    assert!(manual.len() >= 2);
    for (i, d) in manual {
        let s = seating.seat_of[i].expect("a manual seat is honoured");
        assert_eq!(seating.hall.seats[s].code, *d.seat.as_ref().unwrap());
    }

    // The presidium (issue 24): the most senior leader present — the provincial Party
    // Secretary, who gives the directive speech — in the centre, who presides (Chủ trì)
    // beside him, then the other members in protocol order, 2 and 3 on either side (seat 2 on
    // seat 1's right as they face the hall: the audience's left).
    let chair = plan.chair.expect("the sample has a chair");
    let members: Vec<usize> = plan.presidium.iter().copied().filter(|&d| is_seated(&ds, d)).collect();
    assert_eq!(ds.delegates[members[0]].id, "TU01", "the most senior present");
    assert!(ds.delegates[members[0]].has_role(Role::Directive), "who directs the conference");
    // Not first in protocol (the central office's representative is, by group): rank, not
    // group, decides the centre.
    assert_ne!(members[0], plan.protocol[0]);
    assert_eq!(members[1], chair, "who presides sits beside the centre");
    let row = row_of(seating, "ĐCT");
    let at = |d: usize| row.iter().find(|(_, o)| *o == Some(d)).map(|(n, _)| *n).unwrap();
    let centre = (row.len() / 2 + 1) as u32;
    assert_eq!(at(members[0]), centre, "seat 1 in the centre");
    assert_eq!(at(members[1]), centre - 1, "seat 2 on the audience's left of seat 1");
    assert_eq!(at(members[2]), centre + 1, "seat 3 on the audience's right");
    assert!(
        row.iter().filter_map(|(_, o)| *o).all(|d| ds.delegates[d].has_role(Role::Presidium)),
        "only the presidium on stage"
    );

    // Award recipients who are delegates sit on aisle seats or row ends, or in the block
    // reserved for their group.
    let recipients: Vec<usize> = ds.awards.iter().filter_map(|a| a.delegate).filter(|&d| is_seated(&ds, d)).collect();
    assert!(recipients.len() > 5);
    let mut on_edge = 0;
    for d in recipients {
        let s = seating.seat_of[d].unwrap();
        let seat = &seating.hall.seats[s];
        let on_stage = seating.hall.rows[seat.row].presidium;
        let block = &seating.hall.rows[seat.row].blocks[seat.block];
        let own_block = block.reserved_for.contains(&ds.delegates[d].group);
        on_edge += usize::from(seat.aisle || seat.end);
        assert!(
            seat.aisle || seat.end || on_stage || own_block || ds.delegates[d].seat.is_some(),
            "{} not on an aisle ({})",
            ds.delegates[d].name,
            seat.code
        );
    }
    assert!(on_edge > 5);
}

#[test]
fn the_mirror_rule_is_a_setting() {
    let p = Project::new();
    let path = p.file("hn.yaml", &conference(5, 7, &[("ĐCT", "Đoàn chủ tịch", 5, "")], "trái"));
    let Prepared { dataset: ds, plan, .. } = prepared(Source::File(path));
    let seating = check_invariants(&ds, &plan);
    // Audience sees 5 3 1 2 4.
    let ranks: Vec<usize> = row_of(seating, "ĐCT")
        .iter()
        .map(|(_, d)| plan.protocol.iter().position(|p| Some(*p) == *d).unwrap() + 1)
        .collect();
    assert_eq!(ranks, [5, 3, 1, 2, 4]);
}

/// A YAML conference with `n` delegates (the first `presidium` of them in the presidium)
/// and the given hall lines (row, block, seats, reserved_for).
fn conference(n: usize, presidium: usize, hall: &[(&str, &str, u32, &str)], second_seat: &str) -> String {
    let mut y = String::from(
        "conference: {title: Hội nghị thử, date: 15/12/2023, start_time: \"08:00\", venue: Hội trường}\n\
         issuer: {name: ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG, code: UBND, place: Tuyên Quang}\n",
    );
    writeln!(y, "seating: {{second_seat: {second_seat}}}").unwrap();
    y.push_str("delegates:\n");
    let groups = ["Trung ương", "Lãnh đạo UBND tỉnh", "Sở, ban, ngành", "Huyện, thành phố", "Báo chí"];
    for i in 0..n {
        let roles = if i < presidium { "Đoàn chủ tịch" } else { "" };
        let group = if i < presidium { groups[i.min(1)] } else { groups[2 + i % 3] };
        writeln!(
            y,
            "  - {{id: D{i:05}, honorific: Ông, name: Người Thứ {i}, organization: Cơ quan {i}, group: \"{group}\", rank: {i}, roles: \"{roles}\"}}"
        )
        .unwrap();
    }
    y.push_str("hall:\n");
    for (row, block, seats, reserved) in hall {
        writeln!(y, "  - {{row: {row}, block: {block}, seats: {seats}, reserved_for: \"{reserved}\"}}").unwrap();
    }
    y
}

#[test]
fn ten_thousand_delegates_are_seated() {
    let mut hall = vec![("ĐCT", "Đoàn chủ tịch", 15, "")];
    let rows: Vec<String> = (0..120).map(|r| format!("R{r:03}")).collect();
    for r in &rows {
        hall.push((r.as_str(), "Trái", 24, ""));
        hall.push((r.as_str(), "Giữa", 40, if r.as_str() < "R010" { "Sở, ban, ngành" } else { "" }));
        hall.push((r.as_str(), "Phải", 24, ""));
    }
    let p = Project::new();
    let path = p.file("lon.yaml", &conference(10_000, 12, &hall, "phải"));
    let Prepared { dataset: ds, plan, .. } = prepared(Source::File(path));
    let seating = check_invariants(&ds, &plan);
    assert_eq!(seating.occupant.iter().flatten().count(), 10_000);
}

#[test]
fn seating_errors_name_their_cells() {
    let p = Project::new();
    // Too few seats: 12 delegates, 4 on stage, 6 in the hall.
    let path =
        p.file("it-ghe.yaml", &conference(12, 4, &[("ĐCT", "Đoàn chủ tịch", 4, ""), ("A", "Giữa", 6, "")], "phải"));
    let mut diags = Diagnostics::new();
    assert!(prepare(&Source::File(path), &mut diags, &mut Timings::default()).is_none());
    let e = diags.errors().next().unwrap();
    assert_eq!(e.code, "too-few-seats");
    assert!(e.message.vi.contains("thiếu 2 ghế"), "{}", e.message.vi);
    assert_eq!(e.loc.as_ref().unwrap().to_string(), "it-ghe.yaml:18:3 (hall)");

    // Duplicate and unknown manual seats, in a workbook.
    use crate::util::{N, S, delegate_header, settings};
    let mut header = delegate_header();
    header.push(S("Ghế"));
    let row = |i: f64, id: &'static str, name: &'static str, seat: &'static str| {
        vec![N(i), S(id), S("Ông"), S(name), S("Chuyên viên"), S("Sở Tài chính"), S("Sở, ban, ngành"), S(""), S(seat)]
    };
    let path = p.workbook(
        "ghe.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    header,
                    row(1.0, "A1", "Lê Văn An", "A01"),
                    row(2.0, "A2", "Trần Văn Bình", "a1"),
                    row(3.0, "A3", "Hà Văn Công", "Z09"),
                    row(4.0, "A4", "Ngô Văn Dũng", " a30"),
                ],
            ),
            ("Hội trường", vec![vec![S("Khu vực"), S("Hàng"), S("Số ghế")], vec![S("Giữa"), S("A"), N(10.0)]]),
        ],
    );
    let outcome = vanthu::pipeline::check(&Source::File(path));
    assert_eq!(
        errors(&outcome),
        ["duplicate-seat @ Đại biểu!I3", "unknown-seat @ Đại biểu!I4", "unknown-seat @ Đại biểu!I5"]
    );
    // The seat is quoted as typed; past the end of a row, the row's seats are said.
    let past = outcome.diags.errors().nth(2).unwrap();
    assert_eq!(past.message.vi, "ghế \"a30\" không có trong hội trường");
    assert_eq!(past.hint.as_ref().unwrap().vi, "hàng A có 10 ghế (A01 – A10)");
    let dup = outcome.diags.errors().next().unwrap();
    assert!(dup.message.vi.contains("Lê Văn An") && dup.message.vi.contains("Đại biểu!I2"), "{}", dup.message.vi);
}

#[test]
fn the_seating_documents_are_built() {
    let p = Project::new();
    let out = build_only(sample(), &p.out(), &[DocKind::Invitations, DocKind::Seating]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let Prepared { dataset: ds, plan, .. } = prepared(sample());
    let seating = plan.seating.as_ref().unwrap();
    let seated: Vec<usize> = (0..ds.delegates.len()).filter(|&d| seating.seat_of[d].is_some()).collect();

    // The diagram: A3 landscape, every seated name in the index.
    let diagram = p.out().join("so-do-cho-ngoi.pdf");
    let page = pdf::page(&diagram, 1);
    assert!((page.width - 1190.55).abs() < 0.5 && (page.height - 841.89).abs() < 0.5, "A3 landscape");
    let text = pdf::flat_text(&diagram);
    for word in
        ["SƠ ĐỒ BỐ TRÍ CHỖ NGỒI", "SÂN KHẤU", "BỤC PHÁT BIỂU", "ĐOÀN CHỦ TỊCH", "KHU GIỮA", "Lối đi", "CHÚ THÍCH"]
    {
        assert!(text.contains(word), "{word}");
    }
    for &d in &seated {
        assert!(text.contains(&ds.delegates[d].name), "{} missing from the index", ds.delegates[d].name);
    }

    // The seat list, by seat and by name.
    let mut book = open_workbook_auto(p.out().join("danh-sach-cho-ngoi.xlsx")).unwrap();
    let by_seat = book.worksheet_range("Theo ghế").unwrap();
    assert_eq!(by_seat.rows().count() - 3, seated.len());
    let by_name = book.worksheet_range("Theo tên").unwrap();
    let names: Vec<String> = by_name.rows().skip(3).map(|r| r[4].to_string()).collect();
    assert_eq!(names.len(), seated.len());
    assert!(names.windows(2).all(|w| NameOrder.compare_names(&w[0], &w[1]).is_le()), "sorted by given name");
    assert_eq!(by_seat.rows().nth(2).unwrap()[3], Data::String("Ghế".into()));

    // Name plates: the presidium and the first hall row, two faces each, no honorific.
    let plates = p.out().join("bien-ten.pdf");
    let first_row = seating.hall.rows.iter().find(|r| !r.presidium).unwrap();
    let expected = seating
        .hall
        .rows
        .iter()
        .filter(|r| r.presidium)
        .chain([first_row])
        .flat_map(|r| r.seats.iter())
        .filter(|&&s| seating.occupant[s].is_some())
        .count();
    assert_eq!(pdf::pages(&plates), expected);
    let plate_text = pdf::text(&plates);
    assert!(!plate_text.contains("Đồng chí") && !plate_text.contains("Ông "));

    // The invitation says where the delegate sits, and the register has the seat.
    let chair = plan.chair.unwrap();
    let place = seating.describe(chair).unwrap();
    let invitation = pdf::flat_text(&p.out().join(format!("giay-moi/{}.pdf", plan.file_stems[chair])));
    assert!(invitation.contains(&format!("Vị trí: {place}.")), "{invitation}");
    let mut register = open_workbook_auto(p.out().join("danh-sach-giay-moi.xlsx")).unwrap();
    let sheet = register.worksheet_range("Giấy mời").unwrap();
    let chair_row = sheet.rows().find(|r| r[1] == Data::String(ds.delegates[chair].id.clone())).unwrap();
    assert_eq!(chair_row[10], Data::String(seating.hall.seats[seating.seat_of[chair].unwrap()].code.clone()));
}

/// The seating benchmark (run by `benches/seating.sh`): the time to seat the sample and
/// 10 000 delegates in a 10 575-seat hall. It checks the plans; it asserts no time.
#[test]
#[ignore = "benchmark: run benches/seating.sh"]
fn bench_seating() {
    let mut hall = vec![("ĐCT", "Đoàn chủ tịch", 15, "")];
    let rows: Vec<String> = (0..120).map(|r| format!("R{r:03}")).collect();
    for r in &rows {
        hall.push((r.as_str(), "Trái", 24, ""));
        hall.push((r.as_str(), "Giữa", 40, if r.as_str() < "R010" { "Sở, ban, ngành" } else { "" }));
        hall.push((r.as_str(), "Phải", 24, ""));
    }
    let p = Project::new();
    let big = p.file("lon.yaml", &conference(10_000, 12, &hall, "phải"));
    for (label, source) in [("sample", sample()), ("large", Source::File(big))] {
        let Prepared { dataset: ds, plan, .. } = prepared(source);
        let policy = vanthu::plan::seating::Policy { side: ds.honour_side };
        let mut times = Vec::new();
        for _ in 0..21 {
            let mut diags = Diagnostics::new();
            let start = std::time::Instant::now();
            let seating = vanthu::plan::seating::assign(&ds, &plan.protocol, policy, None, &mut diags).unwrap();
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            seating.verify().unwrap();
        }
        times.sort_by(f64::total_cmp);
        let seats = plan.seating.as_ref().unwrap().hall.seats.len();
        println!(
            "seating {label}: {} delegates, {seats} seats, 21 runs: min {:.3} ms, median {:.3} ms",
            ds.delegates.len(),
            times[0],
            times[10]
        );
    }
}

#[test]
fn an_absent_delegates_seat_goes_to_whoever_comes_and_stage_rows_are_told_apart() {
    use crate::util::{C, N, S, delegate_header, settings};
    let p = Project::new();
    let mut header = delegate_header();
    header.extend([S("Ghế"), S("Xác nhận"), S("Vai trò")]);
    let row = |i: f64,
               id: &'static str,
               name: &'static str,
               seat: &'static str,
               att: &'static str,
               role: &'static str|
     -> Vec<C> {
        vec![
            N(i),
            S(id),
            S("Ông"),
            S(name),
            S("Chuyên viên"),
            S("Sở Tài chính"),
            S("Sở, ban, ngành"),
            S(""),
            S(seat),
            S(att),
            S(role),
        ]
    };
    let hall = vec![
        vec![S("Khu vực"), S("Hàng"), S("Số ghế")],
        vec![S("Đoàn chủ tịch"), S("ĐCT"), N(2.0)],
        vec![S("Đoàn chủ tịch"), S("ĐCT2"), N(2.0)],
        vec![S("Giữa"), S("A"), N(10.0)],
    ];
    let path = p.workbook(
        "ghe.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    header,
                    row(1.0, "P1", "Lê Văn Khải", "", "Tham dự", "Đoàn chủ tịch"),
                    row(2.0, "P2", "Lê Văn Luyến", "", "Tham dự", "Đoàn chủ tịch"),
                    row(3.0, "P3", "Lê Văn Mẫn", "", "Tham dự", "Đoàn chủ tịch"),
                    row(4.0, "P4", "Lê Văn Nhàn", "", "Tham dự", "Đoàn chủ tịch"),
                    // The absent one comes first in the list and has the same seat.
                    row(5.0, "A1", "Lê Văn An", "A02", "Vắng", ""),
                    row(6.0, "A2", "Trần Văn Bình", "A02", "Tham dự", ""),
                ],
            ),
            ("Hội trường", hall),
        ],
    );
    let out = build_only(Source::File(path.clone()), &p.out(), &[DocKind::Invitations, DocKind::Seating]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let said: Vec<String> =
        out.diags.iter().filter(|d| d.code == "absent-seat").map(|d| d.message.vi.clone()).collect();
    assert_eq!(said, ["Lê Văn An vắng: ghế A02 dành cho Trần Văn Bình"]);
    let Prepared { dataset: ds, plan, .. } = prepared(Source::File(path));
    let seating = plan.seating.as_ref().unwrap();
    let who = |name: &str| ds.delegates.iter().position(|d| d.name == name).unwrap();
    assert_eq!(seating.describe(who("Trần Văn Bình")).unwrap(), "Khu Giữa, hàng A, ghế 02");
    // Two stage rows: the invitation names the row.
    let places: Vec<String> = ["Lê Văn Khải", "Lê Văn Mẫn"].iter().map(|n| seating.describe(who(n)).unwrap()).collect();
    assert_eq!(places, ["Đoàn Chủ tịch, hàng ĐCT, ghế 02", "Đoàn Chủ tịch, hàng ĐCT2, ghế 02"]);
    // Both stage rows are drawn.
    let diagram = pdf::text(&p.out().join("so-do-cho-ngoi.pdf"));
    let first_page = diagram.split('\u{c}').next().unwrap();
    for given in ["Khải", "Luyến", "Mẫn", "Nhàn"] {
        assert!(first_page.contains(given), "{given} is not on the diagram:\n{first_page}");
    }
}

/// Issue 16, item 8: in a hall of one block there are no aisles between blocks; the row
/// ends are the aisle seats, and award recipients who come sit there, front rows first.
#[test]
fn in_a_one_block_hall_recipients_sit_at_the_row_ends() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tong-ket-xa-2025/hoi-nghi.yaml"),
    )
    .unwrap();
    let (start, end) = (text.find("hall:\n").unwrap(), text.find("\n# Ký kết").unwrap());
    let rows: String = "ABCDEF".chars().map(|r| format!("  - {{block: Hội trường, row: {r}, seats: 14}}\n")).collect();
    let hall = format!("hall:\n  - {{block: Đoàn chủ tịch, row: ĐCT, seats: 5}}\n{rows}");
    let p = Project::new();
    let input = p.file("hoi-nghi.yaml", &format!("{}{hall}{}", &text[..start], &text[end..]));
    let prep = prepared(Source::File(input));
    let (ds, plan) = (&prep.dataset, &prep.plan);
    let seating = check_invariants(ds, plan);
    let mut recipients: Vec<usize> =
        ds.awards.iter().filter_map(|a| a.delegate).filter(|&d| is_seated(ds, d)).collect();
    recipients.dedup();
    assert!(recipients.len() >= 4, "{recipients:?}");
    let mut ends = Vec::new();
    for d in recipients {
        let seat = seating.seat(d).unwrap();
        let row = &seating.hall.rows[seat.row];
        if !row.presidium {
            assert!(seat.end, "{} at {} is not at a row end", ds.delegates[d].name, seat.code);
            ends.push(seat.code.clone());
        }
    }
    // Front rows first: the front row's two ends are theirs.
    assert!(ends.contains(&"A01".to_string()) && ends.contains(&"A14".to_string()), "{ends:?}");
}
