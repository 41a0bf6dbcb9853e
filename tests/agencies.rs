//! Any agency's conference, end to end: the second embedded sample (a commune after the
//! 2025 reform) proves every document kind on another agency — its script speaks of who is
//! there, reads every decision by its authority and form, announces its signings by their
//! kind; its presider sits at the centre and its honourees in their block — and rooms of
//! other shapes (a U-shaped meeting table, round tables) are drawn and seated by protocol.

use std::fmt::Write as _;
use std::path::Path;

use vanthu::commands::sample_commune;
use vanthu::diag::Diagnostics;
use vanthu::input::Source;
use vanthu::pipeline::{Prepared, Timings, prepare};
use vanthu::plan::seating::SeatingPlan;

use crate::util::{Project, build, files, pdf};

fn prepared(source: Source) -> Prepared {
    let mut diags = Diagnostics::new();
    let p = prepare(&source, &mut diags, &mut Timings::default());
    assert!(!diags.has_errors(), "{diags:#?}");
    p.unwrap()
}

/// The occupant of seat `code`.
fn at(seating: &SeatingPlan, code: &str) -> Option<usize> {
    seating.hall.find(code).and_then(|s| seating.occupant[s])
}

#[test]
fn the_commune_sample_makes_every_document() {
    let p = Project::new();
    let out = build(sample_commune(), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let made = files(&p.out());
    for f in [
        "giay-moi.pdf",
        "danh-sach-giay-moi.xlsx",
        "so-do-cho-ngoi.pdf",
        "bien-ten.pdf",
        "danh-sach-cho-ngoi.xlsx",
        "chuong-trinh.pdf",
        "kich-ban.pdf",
        "quyet-dinh-giay-khen.pdf",
        "quyet-dinh-lao-dong-tien-tien.pdf",
        "quyet-dinh-chien-si-thi-dua-co-so.pdf",
        "quyet-dinh-thon-to-dan-pho-van-hoa.pdf",
        "giay-khen.pdf",
        "danh-sach-khen-thuong.xlsx",
        "bao-cao-tong-ket.pdf",
        "so-lieu-bao-cao.xlsx",
    ] {
        assert!(made.contains(&f.to_string()), "{f} in {made:?}");
    }
    // Nothing of a province's or of OCOP in any document but what the data says (its one
    // guest from the province's Sở Nội vụ). The clerk's own texts (`van-ban/`: a tờ trình
    // to the province's Chairman proposing his Bằng khen) say what the clerk wrote.
    assert!(made.contains(&"van-ban/to-trinh.pdf".to_string()));
    for f in made.iter().filter(|f| f.ends_with(".pdf") && !f.starts_with("van-ban/")) {
        let text = pdf::flat_text(&p.out().join(f));
        for absent in
            ["OCOP", "Bằng khen", "BẰNG KHEN", "Ủy ban nhân dân tỉnh", "lãnh đạo tỉnh", "Tuyên Quang", "huyện"]
        {
            assert!(!text.contains(absent), "{f}: {absent:?}");
        }
        let data_says = text.matches("tỉnh Gia Lai").count() + text.matches("cấp tỉnh").count();
        assert_eq!(text.matches("tỉnh").count(), data_says, "{f}: “tỉnh” only where the data says it (the guest)");
    }
}

#[test]
fn the_commune_script_speaks_of_who_is_there() {
    let p = Project::new();
    let out = build(sample_commune(), &p.out());
    assert!(!out.diags.has_errors());
    let text = pdf::script_text(&p.out().join("kich-ban.pdf"));
    // Greetings (issue 24): the most senior leader present — the Party Secretary, who directs
    // — then the presidium, the groups present that have one with the host's own (`Lãnh đạo
    // UBND xã`) after the guests, the honourees.
    assert!(
        text.contains(
            "Kính thưa đồng chí Đinh Văn Tuấn, Bí thư Đảng ủy xã Ia Sao; Kính thưa các đồng chí trong Đoàn Chủ tịch;"
        ),
        "{text}"
    );
    let greetings = "Kính thưa các đồng chí Thường trực Đảng ủy xã; Kính thưa các đồng chí Thường trực Hội đồng nhân dân xã; Kính thưa các đồng chí đại diện lãnh đạo Sở Nội vụ tỉnh Gia Lai; Kính thưa các đồng chí lãnh đạo Ủy ban nhân dân xã; Kính thưa các tập thể, cá nhân được khen thưởng; Kính thưa các vị đại biểu, các vị khách quý!";
    assert!(text.contains(greetings), "{text}");
    // Every decision read by its own authority and form, every batch named after it.
    let Prepared { dataset: ds, plan, .. } = prepared(sample_commune());
    assert_eq!(ds.decisions.len(), 4);
    let script = plan.script.as_ref().unwrap();
    let titles: Vec<String> = script.items.iter().flat_map(|i| i.parts.iter().map(|p| p.title.clone())).collect();
    // What the MC says, as planned (the PDF interleaves the performers' column with it).
    let said: String = script
        .items
        .iter()
        .flat_map(|i| i.mc.iter().chain(i.parts.iter().flat_map(|p| p.mc.iter())))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    for what in [
        "Giấy khen",
        "danh hiệu “Lao động tiên tiến” năm 2025",
        "danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025",
        "danh hiệu “Thôn, tổ dân phố văn hóa” năm 2025",
    ] {
        assert!(
            said.contains(&format!("của Chủ tịch Ủy ban nhân dân xã về việc tặng {what}.")),
            "the decision on {what} is read: {said}"
        );
        assert!(titles.contains(&format!("Công bố Quyết định tặng {what}")), "{what}: {titles:?}");
    }
    assert!(titles.contains(&"Trao Giấy khen đợt 1: 3 tập thể".to_string()));
    // What is handed is said as the decision says it, with its year (issue 23); batches are
    // numbered per decision, and a title with no certificate ("Lao động tiên tiến") is
    // announced, not called up (issue 24).
    assert!(
        titles.contains(&"Trao danh hiệu “Thôn, tổ dân phố văn hóa” năm 2025 đợt 1: 2 tập thể".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(
            &"Công bố danh sách cá nhân được tặng danh hiệu “Lao động tiên tiến” năm 2025: 2 cá nhân".to_string()
        ),
        "{titles:?}"
    );
    assert!(said.contains(
        "Ghi nhận những thành tích của các tập thể, cá nhân, Chủ tịch Ủy ban nhân dân xã đã quyết định tặng Giấy khen"
    ));
    // Signings by their kind.
    assert!(said.contains("Tiếp theo chương trình là Lễ ký kết giao ước thi đua năm 2026 giữa các thôn, làng."));
    assert!(titles.iter().any(|t| t.starts_with("Ký kết giao ước thi đua giữa Làng Plei Bông và Làng Plei Ring")));
    assert!(said.contains("lên ký kết giao ước thi đua xây dựng nông thôn mới năm 2026."));
    for absent in ["Chương trình,", "biên bản ghi nhớ", "Ban Thi đua - Khen thưởng", "tiêu thụ sản phẩm"]
    {
        assert!(!text.contains(absent) && !said.contains(absent), "{absent:?}");
    }
    // A unit's noun is not said twice.
    assert!(said.contains("ông Ksor Thuân, Trưởng làng Plei Bông") && !text.contains("Trưởng làng Làng"));
}

#[test]
fn the_commune_party_secretary_sits_at_the_centre_the_presider_beside_and_honourees_in_their_block() {
    let Prepared { dataset: ds, plan, .. } = prepared(sample_commune());
    let seating = plan.seating.as_ref().unwrap();
    let chair = plan.chair.unwrap();
    assert_eq!(ds.delegates[chair].name, "Rơ Mah Hiếu");
    // The chair presides, but the Party Secretary (first in protocol, who directs the
    // conference) is the most senior present: the centre is his, the seat beside the chair's
    // (issue 24).
    let secretary = plan.protocol[0];
    assert_eq!(ds.delegates[secretary].name, "Đinh Văn Tuấn");
    assert_eq!(at(seating, "ĐCT03"), Some(secretary), "seat 1 of five is the centre");
    assert_eq!(at(seating, "ĐCT02"), Some(chair), "who presides on the centre's right");
    // The honourees of the reserved group sit in its block, on its aisle or end seats first.
    let group = ds.groups.iter().position(|g| g.name == "Tập thể, cá nhân được khen thưởng").unwrap();
    let honourees: Vec<usize> =
        ds.awards.iter().filter_map(|a| a.delegate).filter(|&d| ds.delegates[d].group == group).collect();
    assert_eq!(honourees.len(), 6);
    let mut on_edge = 0;
    for d in honourees {
        let s = seating.seat_of[d].unwrap();
        let seat = &seating.hall.seats[s];
        let block = &seating.hall.rows[seat.row].blocks[seat.block];
        assert!(block.reserved_for.contains(&group), "{} sits at {}", ds.delegates[d].name, seat.code);
        on_edge += usize::from(seat.aisle || seat.end);
    }
    assert_eq!(on_edge, 4, "the block's aisle and end seats go to honourees");
    // The invitation's `Chủ trì` line names the presider.
    let p = Project::new();
    crate::util::build_only(sample_commune(), &p.out(), &[vanthu::pack::DocKind::Invitations]);
    let text = pdf::flat_text(&p.out().join("giay-moi.pdf"));
    assert!(text.contains("Chủ trì: Đồng chí Rơ Mah Hiếu, Chủ tịch UBND xã."));
}

/// A department's meeting: `n` delegates of decreasing rank, the chair being the third, in
/// a room described by `hall` lines (block, row, seats, reserved for).
fn meeting(hall: &[(&str, &str, u32, &str)], layout: &str) -> String {
    let mut y = String::from(
        "conference: {title: Hội nghị tổng kết công tác năm 2025, date: 15/01/2026, start_time: \"08:00\", venue: Phòng họp tầng 3}\n\
         issuer: {parent: UBND TỈNH PHÚ THỌ, name: SỞ NỘI VỤ, sentence_name: Sở Nội vụ, code: SNV, place: Phú Thọ}\n",
    );
    if !layout.is_empty() {
        writeln!(y, "seating: {{layout: {layout}}}").unwrap();
    }
    y.push_str(
        "groups:\n  - name: Lãnh đạo tỉnh\n  - name: Lãnh đạo Sở\n  - name: Phòng, đơn vị\n  - name: Khen thưởng\n",
    );
    y.push_str("delegates:\n");
    for i in 0..20 {
        let (group, roles) = match i {
            0 | 1 => ("Lãnh đạo tỉnh", ""),
            2 => ("Lãnh đạo Sở", "Chủ trì"),
            3 | 4 => ("Lãnh đạo Sở", ""),
            15..=19 => ("Khen thưởng", ""),
            _ => ("Phòng, đơn vị", ""),
        };
        writeln!(
            y,
            "  - {{id: D{i:02}, honorific: Ông, name: Người Thứ {i}, position: Chuyên viên, organization: Phòng {i}, group: \"{group}\", rank: {i}, roles: \"{roles}\"}}"
        )
        .unwrap();
    }
    y.push_str("awards:\n");
    for i in 15..20 {
        writeln!(y, "  - {{kind: Cá nhân, honorific: Ông, name: Người Thứ {i}, unit: Chuyên viên, form: Giấy khen, delegate_id: D{i:02}}}").unwrap();
    }
    y.push_str("documents:\n  decision: {date: \"12/01/2026\", citation: đã hoàn thành xuất sắc nhiệm vụ, signer: {name: Người Thứ 2, authority: \"\", title: GIÁM ĐỐC}}\n");
    y.push_str("hall:\n");
    for (block, row, seats, reserved) in hall {
        writeln!(y, "  - {{block: {block}, row: {row}, seats: {seats}, reserved_for: \"{reserved}\"}}").unwrap();
    }
    y
}

fn diagram_text(dir: &Path) -> String {
    pdf::flat_text(&dir.join("so-do-cho-ngoi.pdf"))
}

#[test]
fn a_u_shaped_meeting_table_is_seated_from_its_head() {
    let p = Project::new();
    let hall = [("Bàn chủ tọa", "CT", 5, ""), ("Cánh trái", "T", 8, ""), ("Cánh phải", "P", 7, "")];
    let path = p.file("hoi-nghi.yaml", &meeting(&hall, ""));
    let Prepared { dataset: ds, plan, .. } = prepared(Source::File(path.clone()));
    assert_eq!(ds.layout, vanthu::model::Layout::Table, "told by the blocks' names");
    let seating = plan.seating.as_ref().unwrap();
    let id = |code: &str| at(seating, code).map(|d| ds.delegates[d].id.clone()).unwrap_or_default();
    // Nobody has the role Đoàn chủ tịch: the chair (D02) at the centre of the head, then
    // the most senior: D00 on the chair's right (the room's left), D01 on the left.
    assert_eq!(ds.delegates[plan.chair.unwrap()].id, "D02");
    assert_eq!([id("CT01"), id("CT02"), id("CT03"), id("CT04"), id("CT05")], ["D03", "D00", "D02", "D01", "D04"]);
    // The honourees at the arms' far ends, then the others down the arms from the head,
    // the room's left first, alternately.
    assert_eq!([id("T08"), id("P07")], ["D15", "D16"]);
    assert_eq!([id("T01"), id("P01"), id("T02"), id("P02")], ["D05", "D06", "D07", "D08"]);
    assert_eq!(seating.occupant.iter().flatten().count(), 20);
    // Drawn as a table: the chair's table named, no stage, no lectern; a plate for everyone.
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = diagram_text(&p.out());
    assert!(text.contains("BÀN CHỦ TỌA"), "{text}");
    assert!(!text.contains("SÂN KHẤU") && !text.contains("BỤC PHÁT BIỂU") && !text.contains("ĐOÀN CHỦ TỊCH"));
    let plates = pdf::flat_text(&p.out().join("bien-ten.pdf"));
    for i in 0..20 {
        assert!(
            plates.contains(&format!("Người Thứ {i} ")) || plates.ends_with(&format!("Người Thứ {i}")),
            "plate {i}"
        );
    }
}

#[test]
fn round_tables_are_seated_table_by_table() {
    let p = Project::new();
    let hall = [("Bàn 1", "B1", 6, ""), ("Bàn 2", "B2", 9, ""), ("Bàn 3", "B3", 7, "Khen thưởng")];
    let path = p.file("hoi-nghi.yaml", &meeting(&hall, ""));
    let Prepared { dataset: ds, plan, .. } = prepared(Source::File(path.clone()));
    assert_eq!(ds.layout, vanthu::model::Layout::Round);
    let seating = plan.seating.as_ref().unwrap();
    let id = |code: &str| at(seating, code).map(|d| ds.delegates[d].id.clone()).unwrap_or_default();
    // The first table is the chair's: the chair on seat 1, then alternately round it.
    assert_eq!([id("B1-01"), id("B1-02"), id("B1-06"), id("B1-03")], ["D02", "D00", "D01", "D03"]);
    // The honourees at the table reserved for them.
    for i in 15..20 {
        let d = ds.delegates.iter().position(|x| x.id == format!("D{i}")).unwrap();
        let code = &seating.hall.seats[seating.seat_of[d].unwrap()].code;
        assert!(code.starts_with("B3-"), "D{i} at {code}");
    }
    assert_eq!(id("B3-01"), "D15");
    assert_eq!(seating.hall.describe(seating.hall.find("B2-05").unwrap()), "Bàn 2, ghế 05");
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = diagram_text(&p.out());
    assert!(text.contains("BÀN 1") && text.contains("Bàn 3"), "{text}");
    assert!(!text.contains("SÂN KHẤU"));
}

#[test]
fn what_a_meeting_table_room_cannot_hold_is_an_error_at_its_cell() {
    // `Giữa` is a row of chairs behind the table (issue 24); a round table behind it, and
    // a row whose code a side already has, cannot be drawn.
    let p = Project::new();
    let hall = [("Bàn chủ tọa", "CT", 5, ""), ("Cánh trái", "T", 8, ""), ("Bàn 3", "B3", 7, ""), ("Giữa", "T", 7, "")];
    let path = p.file("hoi-nghi.yaml", &meeting(&hall, "Bàn chữ U"));
    let outcome = vanthu::pipeline::check(&Source::File(path));
    let e: Vec<_> = outcome.diags.errors().collect();
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        e[0].message.vi,
        "Khu vực \"Bàn 3\" là bàn tròn, nhưng phòng có bàn họp: sau bàn họp chỉ xếp được hàng ghế"
    );
    assert!(e[0].hint.as_ref().unwrap().vi.contains("hàng ghế phía sau bàn họp"));
    assert!(e[1].message.vi.starts_with("Hàng \"T\" đã dùng cho khu \"Cánh trái\""), "{}", e[1].message.vi);
    assert!(e[1].loc.as_ref().unwrap().to_string().ends_with("(hall[3].row)"), "{:?}", e[1].loc);
}
