//! Rooms of several parts (issue 24, item 7): a meeting table with rows of chairs behind
//! it, a stage with the presidium and a secretariat's table before rows or round tables —
//! seated by protocol across the parts, drawn in one diagram, listed, and plated with each
//! position's unit; what cannot be drawn is an error at its cell.

use std::fmt::Write as _;

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::diag::{Diagnostics, Severity};
use vanthu::input::Source;
use vanthu::model::{Dataset, HallPart, Layout};
use vanthu::pack::DocKind;
use vanthu::pipeline::{Prepared, Timings, prepare};
use vanthu::plan::Plan;
use vanthu::plan::seating::{SeatingPlan, is_seated};

use crate::util::{C, N, Project, S, build_only, errors, pdf, settings};

/// Given names, each once, so that a name on the diagram is one person.
const GIVEN: [&str; 40] = [
    "An", "Bảo", "Cương", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hiếu", "Hưng", "Khải", "Khánh", "Kiên", "Lâm", "Lực",
    "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quang", "Quý", "Sơn", "Tài", "Tâm", "Thắng", "Thịnh",
    "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Uy", "Vinh", "Việt", "Xuân", "Yên", "Triều",
];

/// One delegate: position, organisation, group, roles.
type Person = (&'static str, String, &'static str, &'static str);

/// A conference of `people` (in rank order, named `Nguyễn Văn <given>`) in a room of
/// `hall` lines (block, row, seats), with `Kiểu phòng` when `layout` is not empty.
fn conference(people: &[Person], hall: &[(&str, &str, u32)], layout: &str) -> String {
    let mut y = String::from(
        "conference: {title: Hội nghị thử, date: 15/01/2026, start_time: \"08:00\", venue: Phòng họp số 1}\n\
         issuer: {parent: UBND TỈNH PHÚ THỌ, name: SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, sentence_name: Sở Nông nghiệp và Môi trường, code: SNNMT, place: Phú Thọ}\n\
         groups:\n  - name: Lãnh đạo tỉnh\n  - name: Lãnh đạo Sở\n  - name: Phòng, đơn vị\n  - name: Chuyên viên\n",
    );
    if !layout.is_empty() {
        writeln!(y, "seating: {{layout: {layout}}}").unwrap();
    }
    y.push_str("delegates:\n");
    for (i, (position, organization, group, roles)) in people.iter().enumerate() {
        writeln!(
            y,
            "  - {{id: D{i:02}, honorific: Ông, name: Nguyễn Văn {}, position: \"{position}\", organization: \"{organization}\", group: \"{group}\", rank: {i}, roles: \"{roles}\"}}",
            GIVEN[i]
        )
        .unwrap();
    }
    y.push_str("hall:\n");
    for (block, row, seats) in hall {
        writeln!(y, "  - {{block: {block}, row: {row}, seats: {seats}}}").unwrap();
    }
    y
}

fn prepared(source: Source) -> (Prepared, Diagnostics) {
    let mut diags = Diagnostics::new();
    let p = prepare(&source, &mut diags, &mut Timings::default());
    assert!(!diags.has_errors(), "{diags:#?}");
    (p.unwrap(), diags)
}

/// Everyone who comes is seated, once.
fn everyone_seated<'p>(ds: &Dataset, plan: &'p Plan) -> &'p SeatingPlan {
    let seating = plan.seating.as_ref().expect("the room is described");
    seating.verify().unwrap();
    for d in 0..ds.delegates.len() {
        assert_eq!(seating.seat_of[d].is_some(), is_seated(ds, d), "{}", ds.delegates[d].name);
    }
    seating
}

/// Who sits at a seat code (its delegate's index).
fn at(seating: &SeatingPlan, code: &str) -> Option<usize> {
    seating.hall.find(code).and_then(|s| seating.occupant[s])
}

/// The seats of the rows of `part`, as codes.
fn codes(seating: &SeatingPlan, part: HallPart) -> Vec<String> {
    let hall = &seating.hall;
    hall.rows
        .iter()
        .filter(|r| r.part == part)
        .flat_map(|r| r.seats.iter().map(|&s| hall.seats[s].code.clone()))
        .collect()
}

/// The given name of a delegate as the diagram prints it large.
fn given(ds: &Dataset, d: usize) -> &str {
    ds.delegates[d].name.rsplit(' ').next().unwrap()
}

/// A department's meeting room: the director (who presides, ranked second), the provincial
/// leader, three deputies, twelve heads of divisions and ten officers (the first the
/// meeting's secretary).
fn department() -> Vec<Person> {
    let sở = "Sở Nông nghiệp và Môi trường";
    let mut people: Vec<Person> = vec![
        ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ".into(), "Lãnh đạo tỉnh", ""),
        ("Giám đốc", sở.into(), "Lãnh đạo Sở", "Chủ trì"),
    ];
    people.extend((0..3).map(|_| ("Phó Giám đốc", sở.into(), "Lãnh đạo Sở", "")));
    people.extend((1..=12).map(|i| ("Trưởng phòng", format!("Phòng Nghiệp vụ {i}"), "Phòng, đơn vị", "")));
    people.extend(
        (0..10).map(|i| ("Chuyên viên", "Văn phòng Sở".into(), "Chuyên viên", if i == 0 { "Thư ký" } else { "" })),
    );
    people
}

#[test]
fn a_meeting_room_seats_its_u_table_then_the_rows_behind_it() {
    let p = Project::new();
    let hall = [
        ("Bàn chủ tọa", "CT", 5),
        ("Cánh trái", "T", 6),
        ("Cánh phải", "P", 6),
        ("Trái", "A", 5),
        ("Phải", "A", 5),
        ("Trái", "B", 5),
        ("Phải", "B", 5),
    ];
    let path = p.file("hoi-nghi.yaml", &conference(&department(), &hall, "Bàn chữ U"));
    let (Prepared { dataset: ds, plan, .. }, diags) = prepared(Source::File(path.clone()));
    assert!(diags.iter().all(|d| d.code != "layout-mismatch"), "a mixed room is a meeting table: {diags:#?}");
    assert_eq!(ds.layout, Layout::Table);
    let parts: Vec<HallPart> = ds.hall.iter().map(|b| b.part).collect();
    use HallPart::*;
    assert_eq!(parts, [Head, LeftArm, RightArm, Audience, Audience, Audience, Audience], "`Trái` of row A is a block");
    let seating = everyone_seated(&ds, &plan);
    let id = |code: &str| at(seating, code).map(|d| ds.delegates[d].id.clone()).unwrap_or_default();

    // Who presides at the centre of the head, the most senior beside them.
    assert_eq!(ds.delegates[plan.chair.unwrap()].id, "D01");
    assert_eq!([id("CT01"), id("CT02"), id("CT03"), id("CT04"), id("CT05")], ["D03", "D00", "D01", "D02", "D04"]);
    // The arms from the head end, the room's left first, before anyone sits behind.
    assert_eq!(
        [id("T01"), id("P01"), id("T02"), id("P02"), id("T06"), id("P06")],
        ["D05", "D06", "D07", "D08", "D15", "D16"]
    );
    let rank = |code: &String| plan.protocol.iter().position(|&d| Some(d) == at(seating, code)).unwrap();
    let arms: Vec<String> = [codes(seating, LeftArm), codes(seating, RightArm)].concat();
    let rows = codes(seating, Audience);
    let behind: Vec<&String> = rows.iter().filter(|c| at(seating, c).is_some()).collect();
    assert_eq!(behind.len(), 10);
    assert!(arms.iter().map(rank).max() < behind.iter().map(|c| rank(c)).min(), "the arms fill before the rows");
    // The front row behind the table first (B stays empty), centre-out; the secretary
    // (no secretariat table here) sits as everyone else.
    assert!(behind.iter().all(|c| c.starts_with('A')), "{behind:?}");
    assert_eq!([id("A05"), id("A06")], ["D18", "D17"]);
    assert_eq!(seating.describe(17).unwrap(), "Khu Phải, hàng A, ghế 06");

    let out = build_only(Source::File(path), &p.out(), &[DocKind::Seating]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    // One diagram: the table, and the rows drawn below it, each name where its seat is.
    let diagram = p.out().join("so-do-cho-ngoi.pdf");
    let page = pdf::page(&diagram, 1);
    let text = page.text();
    for word in ["BÀN CHỦ TỌA", "KHU TRÁI", "KHU PHẢI"] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
    assert!(!text.contains("SÂN KHẤU"));
    let y = |word: &str| page.runs().into_iter().find(|r| r.text == word).map(|r| r.y);
    let table = y("BÀN CHỦ TỌA").unwrap();
    let block_names = y("KHU TRÁI").unwrap();
    let last_arm = y(given(&ds, at(seating, "T06").unwrap())).unwrap();
    assert!(table < last_arm && last_arm < block_names, "the rows are behind the table");
    for code in &behind {
        let d = at(seating, code).unwrap();
        let drawn = y(given(&ds, d)).unwrap_or_else(|| panic!("{} not drawn", ds.delegates[d].name));
        assert!(drawn > block_names, "{code} drawn behind the table");
    }
    // The index gives each row seat's code.
    let index = pdf::text(&diagram).split('\u{c}').nth(1).unwrap().to_string();
    for code in &behind {
        assert!(index.contains(code.as_str()), "{code} not in the index");
    }

    // The seat list: every seat taken, with its part and row.
    let mut book = open_workbook_auto(p.out().join("danh-sach-cho-ngoi.xlsx")).unwrap();
    let by_seat = book.worksheet_range("Theo ghế").unwrap();
    let lines: Vec<Vec<String>> = by_seat.rows().skip(3).map(|r| r.iter().map(Data::to_string).collect()).collect();
    assert_eq!(lines.len(), seating.occupant.iter().flatten().count());
    let line = |code: &str| lines.iter().find(|l| l[3] == code).unwrap_or_else(|| panic!("{code} not listed")).clone();
    assert_eq!(line("CT03")[1..5], ["Bàn chủ tọa", "CT", "CT03", "Nguyễn Văn Bảo"]);
    assert_eq!(line("T01")[1], "Cánh trái");
    assert_eq!(line("A06")[1..5], ["Phải", "A", "A06", "Nguyễn Văn Nam"]);

    // Plates for everyone at the table, none for the rows behind it.
    let plates = p.out().join("bien-ten.pdf");
    assert_eq!(pdf::pages(&plates), 17);
    let plate_text = pdf::flat_text(&plates);
    assert!(plate_text.contains("Trưởng phòng Nghiệp vụ 12"), "the unit is on the plate");
    assert!(plate_text.contains("Phó Chủ tịch UBND tỉnh Phú Thọ"));
    assert!(!plate_text.contains("Chuyên viên"), "nobody behind the table is plated");
}

/// A province's conference: who presides and two members of the presidium, the two
/// secretaries (the Office's chief, senior to the directors), twenty-two directors and
/// their deputies of departments.
fn province() -> Vec<Person> {
    let ubnd = "Ủy ban nhân dân tỉnh Phú Thọ";
    let mut people: Vec<Person> = vec![
        ("Chủ tịch UBND tỉnh", ubnd.into(), "Lãnh đạo tỉnh", "Chủ trì"),
        ("Phó Chủ tịch", ubnd.into(), "Lãnh đạo tỉnh", "Đoàn chủ tịch"),
        ("Phó Chủ tịch", ubnd.into(), "Lãnh đạo tỉnh", "Đoàn chủ tịch"),
        ("Chánh Văn phòng", "Văn phòng UBND tỉnh".into(), "Lãnh đạo tỉnh", "Thư ký"),
        ("Phó Chánh Văn phòng", "Văn phòng UBND tỉnh".into(), "Lãnh đạo tỉnh", "Thư ký"),
    ];
    let fields = [
        "Nông nghiệp và Môi trường",
        "Tài chính",
        "Nội vụ",
        "Xây dựng",
        "Công Thương",
        "Giáo dục và Đào tạo",
        "Y tế",
        "Tư pháp",
        "Khoa học và Công nghệ",
        "Văn hóa, Thể thao và Du lịch",
        "Dân tộc và Tôn giáo",
    ];
    for (i, field) in fields.iter().chain(&fields).enumerate() {
        let position = if i < fields.len() { "Giám đốc" } else { "Phó Giám đốc" };
        people.push((position, format!("Sở {field} tỉnh Phú Thọ"), "Phòng, đơn vị", ""));
    }
    people.push(("Chuyên viên", "Văn phòng UBND tỉnh".into(), "Chuyên viên", ""));
    people
}

#[test]
fn a_stage_seats_the_secretaries_at_their_table_and_plates_the_presidium_and_first_row() {
    let p = Project::new();
    let hall = [
        ("Đoàn chủ tịch", "ĐCT", 3),
        ("Đoàn thư ký", "TK", 2),
        ("Trái", "A", 5),
        ("Giữa", "A", 12),
        ("Phải", "A", 5),
        ("Trái", "B", 5),
        ("Giữa", "B", 12),
        ("Phải", "B", 5),
    ];
    let path = p.file("hoi-nghi.yaml", &conference(&province(), &hall, ""));
    let (Prepared { dataset: ds, plan, .. }, _) = prepared(Source::File(path.clone()));
    assert_eq!(ds.layout, Layout::Rows);
    assert_eq!(ds.hall[1].part, HallPart::Secretariat);
    let seating = everyone_seated(&ds, &plan);
    let id = |code: &str| at(seating, code).map(|d| ds.delegates[d].id.clone()).unwrap_or_default();
    assert_eq!([id("ĐCT01"), id("ĐCT02"), id("ĐCT03")], ["D01", "D00", "D02"]);
    // The secretaries at their table, the senior one first; not in the hall's front row,
    // which the directors fill from its centre.
    assert_eq!([id("TK01"), id("TK02")], ["D04", "D03"]);
    assert_eq!(seating.describe(3).unwrap(), "Đoàn thư ký, ghế 02");
    assert_eq!(id("A12"), "D05");
    let row_a = seating.hall.rows.iter().find(|r| r.code == "A").unwrap();
    let front: Vec<usize> = row_a.seats.iter().filter_map(|&s| seating.occupant[s]).collect();
    assert_eq!(front.len(), 22);
    assert!(front.iter().all(|&d| (5..27).contains(&d)), "the front row is the directors' and their deputies'");

    let out = build_only(Source::File(path), &p.out(), &[DocKind::Seating]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    // The secretariat's table on the stage, left of the presidium, above the hall.
    let page = pdf::page(&p.out().join("so-do-cho-ngoi.pdf"), 1);
    let run = |word: &str| page.runs().into_iter().find(|r| r.text == word).unwrap_or_else(|| panic!("{word}"));
    let (secretariat, chair, hall_names) = (run("ĐOÀN THƯ KÝ"), run(given(&ds, 0)), run("KHU GIỮA"));
    assert!(secretariat.x1 < chair.x0 && secretariat.y < hall_names.y);
    for d in [3, 4] {
        let drawn = run(given(&ds, d));
        assert!(drawn.y < hall_names.y && drawn.x1 < chair.x0, "{} on the stage", ds.delegates[d].name);
    }
    // The seat list names the secretariat's table.
    let mut book = open_workbook_auto(p.out().join("danh-sach-cho-ngoi.xlsx")).unwrap();
    let by_seat = book.worksheet_range("Theo ghế").unwrap();
    let tk = by_seat.rows().find(|r| r[3] == Data::String("TK01".into())).expect("TK01 listed");
    assert_eq!(tk[1], Data::String("Đoàn thư ký".into()));

    // Plates: the presidium and the hall's first row, never the secretariat's table; each
    // with the position and its unit, the 22 of row A told apart.
    let plates = p.out().join("bien-ten.pdf");
    let pages: Vec<String> =
        pdf::all_pages(&plates).iter().map(|pg| pg.text().split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(pages.len(), 3 + 22);
    let all = pages.join(" ");
    assert!(
        !all.contains(&ds.delegates[3].name) && !all.contains(&ds.delegates[4].name),
        "no plate for the secretariat"
    );
    assert!(all.contains("Chủ tịch UBND tỉnh Phú Thọ"), "the unit not said twice: {all}");
    assert!(!all.contains("Ủy ban nhân dân"));
    let mut positions: Vec<String> = Vec::new();
    for (pg, code) in pages[3..].iter().zip(codes(seating, HallPart::Audience)) {
        let d = at(seating, &code).unwrap();
        let del = &ds.delegates[d];
        let expected = format!("{} {}", del.position.as_deref().unwrap(), del.organization);
        assert!(pg.contains(&expected), "{code}: {expected} not on {pg}");
        positions.push(expected);
    }
    positions.sort();
    positions.dedup();
    assert_eq!(positions.len(), 22, "every plate of the front row says something else");
}

#[test]
fn a_stage_before_round_tables_with_too_small_a_secretariat() {
    let p = Project::new();
    let mut people = province();
    people[5].3 = "Thư ký";
    let hall = [
        ("Đoàn chủ tịch", "ĐCT", 3),
        ("Bàn thư ký", "TK", 2),
        ("Bàn 1", "B1", 8),
        ("Bàn 2", "B2", 8),
        ("Bàn 3", "B3", 8),
    ];
    let path = p.file("hoi-nghi.yaml", &conference(&people, &hall, "Bàn tròn"));
    let (Prepared { dataset: ds, plan, .. }, diags) = prepared(Source::File(path.clone()));
    assert_eq!(ds.layout, Layout::Rows, "a stage before round tables");
    let parts: Vec<HallPart> = ds.hall.iter().map(|b| b.part).collect();
    use HallPart::*;
    assert_eq!(parts, [Stage, Secretariat, Table, Table, Table]);
    let warned: Vec<&str> = diags.iter().filter(|d| d.severity == Severity::Warning).map(|d| d.code).collect();
    assert!(warned.contains(&"secretariat-too-small") && !warned.contains(&"layout-mismatch"), "{warned:?}");
    let seating = everyone_seated(&ds, &plan);
    let id = |code: &str| at(seating, code).map(|d| ds.delegates[d].id.clone()).unwrap_or_default();
    assert_eq!([id("TK01"), id("TK02")], ["D04", "D03"]);
    // The third secretary and then the others: the first table first, round from seat 1.
    assert_eq!([id("B1-01"), id("B1-02"), id("B1-08")], ["D05", "D06", "D07"]);

    let out = build_only(Source::File(path), &p.out(), &[DocKind::Seating]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let page = pdf::page(&p.out().join("so-do-cho-ngoi.pdf"), 1);
    let text = page.text();
    for word in ["SÂN KHẤU", "ĐOÀN CHỦ TỊCH", "BÀN THƯ KÝ", "Bàn 1", "Bàn 3"] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
    let y = |word: &str| page.runs().into_iter().find(|r| r.text == word).unwrap().y;
    assert!(y("BÀN THƯ KÝ") < y("Bàn 1"), "the tables before the stage");
    // Plates: the presidium only (no row of chairs).
    assert_eq!(pdf::pages(&p.out().join("bien-ten.pdf")), 3);
}

/// The `Hội trường` sheet of a workbook with the given lines (block, row, seats).
fn hall_sheet(lines: &[(&'static str, &'static str, f64)]) -> Vec<Vec<C>> {
    let mut rows = vec![vec![S("Khu vực"), S("Hàng"), S("Số ghế")]];
    rows.extend(lines.iter().map(|(b, r, n)| vec![S(b), S(r), N(*n)]));
    rows
}

#[test]
fn what_a_room_cannot_be_drawn_as_is_an_error_at_its_cell() {
    let p = Project::new();
    let delegates = vec![
        crate::util::delegate_header(),
        vec![N(1.0), S("A1"), S("Ông"), S("Lê Văn An"), S("Giám đốc"), S("Sở Tài chính"), S("Sở, ban, ngành"), S("")],
    ];
    let lines = [
        ("Đoàn chủ tịch", "ĐCT", 5.0),
        ("Giữa", "A", 10.0),
        ("Bàn 1", "B1", 8.0),
        ("Thư ký", "TK", 2.0),
        ("Bàn thư ký", "TK2", 2.0),
        ("Giữa", "TK", 3.0),
    ];
    let path = p.workbook(
        "hoi-nghi.xlsx",
        &[("Hội nghị", settings()), ("Đại biểu", delegates), ("Hội trường", hall_sheet(&lines))],
    );
    let outcome = vanthu::pipeline::check(&Source::File(path));
    assert_eq!(
        errors(&outcome),
        ["mixed-room @ Hội trường!A4", "duplicate @ Hội trường!A6", "duplicate @ Hội trường!B7"]
    );
    let said: Vec<&str> = outcome.diags.errors().map(|d| d.message.vi.as_str()).collect();
    assert_eq!(
        said[0],
        "Khu vực \"Bàn 1\" là bàn tròn, nhưng phòng đã có hàng ghế (\"Giữa\" ở Hội trường!A3): sơ đồ vẽ hàng ghế hoặc bàn tròn, không cả hai"
    );
    assert_eq!(said[2], "Hàng \"TK\" đã dùng cho khu \"Thư ký\" (Hội trường!B5)");
}

#[test]
fn a_setting_that_names_a_shape_the_room_lacks_is_a_warning() {
    let p = Project::new();
    let hall = [("Bàn chủ tọa", "CT", 5), ("Cánh trái", "T", 6), ("Cánh phải", "P", 6), ("Giữa", "A", 10)];
    let path = p.file("hoi-nghi.yaml", &conference(&department(), &hall, "Bàn tròn"));
    let (Prepared { dataset: ds, .. }, diags) = prepared(Source::File(path));
    assert_eq!(ds.layout, Layout::Table, "the blocks' names decide");
    let w: Vec<_> = diags.iter().filter(|d| d.code == "layout-mismatch").collect();
    assert_eq!(w.len(), 1, "{diags:#?}");
    assert_eq!(
        w[0].message.vi,
        "Kiểu phòng “Bàn tròn” nhưng sheet Hội trường không có bàn tròn: sơ đồ vẽ theo tên các khu (bàn họp)"
    );
    assert!(w[0].loc.as_ref().unwrap().to_string().contains("seating.layout"), "{:?}", w[0].loc);
}
