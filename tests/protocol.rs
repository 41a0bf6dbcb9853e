//! Issue 24: who comes, where, and in what role. A ministry's hybrid conference (the Prime
//! Minister attending and directing, the Minister presiding, the Ministry's own people as
//! hosts, three bridge points, recipients at two of them) and a university's staff
//! conference (hosts and staff without a Giấy mời, a secretariat table, a title announced
//! without calling its recipients up, academic titles) — each read back from its PDFs and
//! XLSX: who received a Giấy mời, who has a seat and where, the greeting's first lines, the
//! presidium's centre, the bridge points' lines in invitations and script, the batch lines.

use std::path::{Path, PathBuf};

use vanthu::input::Source;

use crate::util::{Project, build, files, pdf, read_sheet};

fn fixture(p: &Project, name: &str) -> PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocol").join(name))
            .unwrap();
    p.file("hoi-nghi.yaml", &text)
}

/// What a build said beyond notes, as `code: message`.
fn said(out: &vanthu::pipeline::Outcome) -> Vec<String> {
    out.diags
        .iter()
        .filter(|d| d.severity != vanthu::diag::Severity::Note)
        .map(|d| format!("{}: {}", d.code, d.message.vi))
        .collect()
}

/// The people sent a Giấy mời: the files of `giay-moi/`, without their extension.
fn invited(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = files(out)
        .into_iter()
        .filter_map(|f| f.strip_prefix("giay-moi/").and_then(|f| f.strip_suffix(".pdf")).map(str::to_string))
        .collect();
    v.sort();
    v
}

/// The seat of the person named `name` (as the seat list prints the name), if any.
fn seat_of(out: &Path, name: &str) -> Option<String> {
    read_sheet(&out.join("danh-sach-cho-ngoi.xlsx"), "Theo tên")
        .into_iter()
        .skip(3)
        .find(|r| r.get(4).is_some_and(|n| n == name))
        .map(|r| r[3].clone())
}

/// Whom the MC greets as the introduction opens, in order: each `Kính thưa …` up to its
/// `;`, through the one that ends with `!`.
fn greetings(script: &str) -> Vec<String> {
    let start = script.find("Kính thưa ").expect("a greeting");
    let opening = &script[start..];
    let opening = &opening[..opening.find('!').expect("the greeting ends with !")];
    opening.split("Kính thưa ").skip(1).map(|s| s.trim().trim_end_matches(';').to_string()).collect()
}

#[test]
fn a_ministry_hybrid_conference_invites_seats_and_greets_by_protocol() {
    let p = Project::new();
    let yaml = fixture(&p, "bo-truc-tuyen.yaml");
    // A text document reads the counts by bridge point.
    p.file(
        "van-ban/thong-bao.md",
        "---\nloại: Thông báo\nsố: 12\nngày: 30/12/2026\ntrích yếu: Về việc tổ chức Hội nghị\nngười ký:\n  chức vụ: CHÁNH VĂN PHÒNG\n  họ tên: Trần Văn Minh\nnơi nhận:\n  - Lưu: VT, VP\n---\n\nThành phần: {{ counts.attending }} đại biểu, trong đó {{ counts.in_hall }} đại biểu dự tại hội trường và {{ counts.at_bridges }} đại biểu có tên dự tại {{ counts.bridges }} điểm cầu; {{ counts.invited }} Giấy mời.\n\n{% for b in bridges %}{{ b.name }}: {{ b.listed }} có tên, dự kiến {{ b.expected }} đại biểu. {% endfor %}\n",
    );
    let out = build(Source::File(yaml), &p.out());
    assert!(said(&out).is_empty(), "{:#?}", said(&out));
    let dir = p.out();

    // Giấy mời: the guests, the provinces at their bridge points and the press — not the
    // Prime Minister (invited by a letter of the Ministry's own), not the Ministry's leaders
    // nor its units (hosts).
    assert_eq!(
        invited(&dir),
        [
            "dinh-quang-huy",
            "giang-a-tong",
            "ha-thi-lan",
            "le-thu-ha",
            "ngo-van-son",
            "nguyen-thi-hanh",
            "sung-van-pao",
            "tran-van-lau",
            "vu-minh-duc"
        ]
    );
    let register = read_sheet(&dir.join("danh-sach-giay-moi.xlsx"), "Giấy mời");
    assert_eq!(register[2].last().map(String::as_str), Some("Điểm cầu"), "{:?}", register[2]);
    let row = |name: &str| register.iter().find(|r| r[3] == name).unwrap_or_else(|| panic!("{name}")).clone();
    assert_eq!(row("Giàng A Tông")[12], "Điểm cầu tỉnh Lào Cai");
    assert_eq!(row("Giàng A Tông")[10], "", "no seat in the hall");
    assert_eq!(row("Nguyễn Thị Hạnh")[12], "");
    assert!(!row("Nguyễn Thị Hạnh")[10].is_empty(), "a seat in the hall");

    // The invitations: the online form; the bridge point as the place for those there.
    let at_bridge = pdf::flat_text(&dir.join("giay-moi/giang-a-tong.pdf"));
    assert!(at_bridge.contains("Hình thức: trực tiếp kết hợp trực tuyến."), "{at_bridge}");
    assert!(
        at_bridge.contains("Địa điểm: trực tuyến tại Điểm cầu tỉnh Lào Cai (Hội trường Ủy ban nhân dân tỉnh Lào Cai)."),
        "{at_bridge}"
    );
    assert!(at_bridge.contains("Chủ trì: Đồng chí Đỗ Đức Dũng, Bộ trưởng."), "{at_bridge}");
    let in_hall = pdf::flat_text(&dir.join("giay-moi/nguyen-thi-hanh.pdf"));
    assert!(in_hall.contains("Địa điểm: Hội trường A, Bộ Nông nghiệp và Môi trường."), "{in_hall}");

    // Seats: the Prime Minister at the centre of the presidium, the Minister who presides
    // beside him; hosts seated; nobody at a bridge point seated.
    assert_eq!(seat_of(&dir, "Trần Quốc Hưng").as_deref(), Some("ĐCT03"));
    assert_eq!(seat_of(&dir, "Đỗ Đức Dũng").as_deref(), Some("ĐCT02"));
    assert_eq!(seat_of(&dir, "Lê Quốc Thanh").as_deref(), Some("ĐCT04"));
    assert!(seat_of(&dir, "Nguyễn Quý Dương").is_some_and(|s| s.starts_with('A')));
    for name in ["Giàng A Tông", "Sùng Văn Páo", "Hà Thị Lan", "Trần Văn Lâu"] {
        assert_eq!(seat_of(&dir, name), None, "{name} takes part at a bridge point");
    }

    // The script: the greeting opens with the Prime Minister, then the presidium, superior
    // bodies before the host's own, then the bridge points.
    let script = pdf::script_text(&dir.join("kich-ban.pdf"));
    assert_eq!(
        greetings(&script),
        [
            "đồng chí Trần Quốc Hưng, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ",
            "các đồng chí trong Đoàn Chủ tịch",
            "các đồng chí lãnh đạo các bộ, ngành Trung ương",
            "các đồng chí lãnh đạo Bộ",
            "các đồng chí dự Hội nghị tại 3 điểm cầu trực tuyến",
            "các tập thể, cá nhân được khen thưởng",
            "các vị đại biểu, các vị khách quý",
        ]
    );
    // Introductions: guests before hosts; all seven leaders by name (`Nêu tên: Tất cả`); the
    // units by their representatives, never an empty list; the press by its bodies; then
    // the bridge points.
    let at = |s: &str| script.find(s).unwrap_or_else(|| panic!("{s} missing from {script}"));
    assert!(at("Về phía các bộ, ngành Trung ương, có:") < at("Về phía lãnh đạo Bộ, có:"));
    for leader in ["Lê Quốc Thanh", "Phùng Đức Tiến", "Hoàng Trung", "Trần Thanh Nam", "Lê Công Thành"] {
        assert!(script.contains(&format!("đồng chí {leader}, Thứ trưởng Bộ Nông nghiệp và Môi trường")), "{leader}");
    }
    assert!(
        script.contains("Về phía các cơ quan, đơn vị thuộc Bộ, có đại diện lãnh đạo các cơ quan, đơn vị thuộc Bộ."),
        "{script}"
    );
    assert!(!script.contains("có: ;") && !script.contains("lãnh đạo lãnh đạo"), "{script}");
    assert!(
        script
            .contains("Về phía các cơ quan thông tấn, báo chí, có đại diện Đài Truyền hình Việt Nam và Báo Nhân Dân."),
        "{script}"
    );
    assert!(!script.contains("Ngô Văn Sơn"), "reporters are introduced by their body");
    assert!(
        script.contains("Hội nghị được kết nối trực tuyến tới 3 điểm cầu, gồm: Điểm cầu tỉnh Lào Cai do đồng chí Giàng A Tông, Phó Chủ tịch UBND tỉnh chủ trì; Điểm cầu tỉnh Phú Thọ;"),
        "{script}"
    );
    assert!(script.contains("kiểm tra đường truyền, âm thanh, hình ảnh với 3 điểm cầu trực tuyến"), "{script}");
    // Only whoever presides is called "Chủ trì Hội nghị".
    let chair_lines = script.matches("Chủ trì Hội nghị").count();
    assert!(chair_lines >= 1);
    assert_eq!(
        script.matches("Đỗ Đức Dũng, Bộ trưởng Bộ Nông nghiệp và Môi trường, Chủ trì Hội nghị").count(),
        chair_lines
    );

    // The ceremony: batches numbered per decision in the hall; recipients at a bridge point
    // announced there, handed over by its chair, never called to the stage.
    assert!(script.contains("Trao Bằng khen đợt 1: 1 tập thể"), "{script}");
    assert!(script.contains("Trao Bằng khen đợt 2: 1 cá nhân"), "{script}");
    assert!(script.contains("Trao Bằng khen tại Điểm cầu tỉnh Lào Cai: 1 tập thể"), "{script}");
    assert!(
        script.contains("Tại Điểm cầu tỉnh Lào Cai, các tập thể sau đây được tặng Bằng khen: Sở Nông nghiệp và Môi trường tỉnh Lào Cai."),
        "{script}"
    );
    assert!(script.contains(
        "Đề nghị đồng chí Giàng A Tông, Phó Chủ tịch UBND tỉnh, chủ trì Điểm cầu tỉnh Lào Cai, trao Bằng khen"
    ));
    assert!(script.contains("Tại Điểm cầu tỉnh Phú Thọ, các cá nhân sau đây được tặng Bằng khen: Bà Hà Thị Lan."));
    assert!(!script.contains("lên nhận Bằng khen: Sở Nông nghiệp và Môi trường tỉnh Lào Cai"), "{script}");
    assert!(!script.contains("lên nhận Bằng khen: Bà Hà Thị Lan"), "{script}");

    // The bridge points: a one-page list for the technical team and a register.
    assert_eq!(pdf::pages(&dir.join("diem-cau.pdf")), 1);
    let list = pdf::flat_text(&dir.join("diem-cau.pdf"));
    assert!(list.contains("DANH SÁCH ĐIỂM CẦU TRỰC TUYẾN") && list.contains("Điểm cầu tỉnh Lào Cai"), "{list}");
    assert!(list.contains("Ông Lù Văn Sinh,") && list.contains("0912 111 222"), "{list}");
    assert!(list.contains("Tổng cộng 150 4"), "{list}");
    let points = read_sheet(&dir.join("danh-sach-diem-cau.xlsx"), "Điểm cầu");
    assert_eq!(points.len(), 3 + 3, "{points:?}");
    assert_eq!(points[3][1], "Điểm cầu tỉnh Lào Cai");
    assert_eq!((points[3][5].as_str(), points[3][6].as_str()), ("60", "2"));
    let people = read_sheet(&dir.join("danh-sach-diem-cau.xlsx"), "Đại biểu tại điểm cầu");
    assert_eq!(people.len(), 3 + 4, "{people:?}");

    // A text document counts who attends where.
    let notice = pdf::flat_text(&dir.join("van-ban/thong-bao.pdf"));
    assert!(
        notice.contains("Thành phần: 21 đại biểu, trong đó 17 đại biểu dự tại hội trường và 4 đại biểu có tên dự tại 3 điểm cầu; 9 Giấy mời."),
        "{notice}"
    );
    assert!(notice.contains("Điểm cầu tỉnh Lào Cai: 2 có tên, dự kiến 60 đại biểu."), "{notice}");
}

#[test]
fn a_university_staff_conference_summons_its_own_people_and_announces_a_title() {
    let p = Project::new();
    let yaml = fixture(&p, "truong-vien-chuc.yaml");
    let out = build(Source::File(yaml.clone()), &p.out());
    assert!(said(&out).is_empty(), "{:#?}", said(&out));
    let dir = p.out();

    // Only the Ministry's representative and the guest receive a Giấy mời: the Rector, the
    // school's units and its 40 staff are hosts; academic titles stay out of file names.
    assert_eq!(invited(&dir), ["luong-thi-thu", "pham-quang-trung"]);
    let invitation = pdf::flat_text(&dir.join("giay-moi/pham-quang-trung.pdf"));
    assert!(
        invitation.contains("trân trọng kính mời: TS. Phạm Quang Trung, Phó Vụ trưởng Vụ Tổ chức cán bộ"),
        "{invitation}"
    );
    assert!(invitation.contains("Chủ trì: Đồng chí Nguyễn Văn Hòa, Hiệu trưởng."), "{invitation}");
    // Everyone who attends is seated: the staff too (lists print the academic title).
    assert!(seat_of(&dir, "Nguyễn Văn An").is_some());
    // The Ministry's representative, who attends to direct, takes the centre; the Rector
    // who presides sits beside him; the secretaries at the secretariat's table.
    assert_eq!(seat_of(&dir, "TS. Phạm Quang Trung").as_deref(), Some("ĐCT03"));
    assert_eq!(seat_of(&dir, "PGS.TS. Nguyễn Văn Hòa").as_deref(), Some("ĐCT02"));
    assert_eq!(seat_of(&dir, "Hoàng Thu Hương").as_deref(), Some("TK01"));
    assert_eq!(seat_of(&dir, "Vi Văn Định").as_deref(), Some("TK02"));
    // Name plates: the presidium and the first row, titles before the names, positions with
    // their unit; none for the secretariat.
    let plates = pdf::flat_text(&dir.join("bien-ten.pdf"));
    assert!(plates.contains("PGS.TS. Nguyễn Văn Hòa"), "{plates}");
    assert!(plates.contains("Hiệu trưởng Trường Đại học Nông Lâm Phú Thọ"), "{plates}");
    assert!(!plates.contains("Hoàng Thu Hương"), "{plates}");

    let script = pdf::script_text(&dir.join("kich-ban.pdf"));
    let g = greetings(&script);
    assert_eq!(g[0], "TS. Phạm Quang Trung, Phó Vụ trưởng Vụ Tổ chức cán bộ, Bộ Giáo dục và Đào tạo");
    assert_eq!(g[1], "các đồng chí trong Đoàn Chủ tịch");
    assert_eq!(g[2], "các đồng chí trong Đảng ủy, Ban Giám hiệu");
    // A greeting that says its own verb takes the names after a colon.
    assert!(script.contains("Về dự Hội nghị còn có: ThS. Lương Thị Thu, Phó Chủ tịch Công đoàn Giáo dục Việt Nam."));
    assert!(script.contains("Về phía viên chức, người lao động, có đại diện viên chức, người lao động."), "{script}");
    assert!(script.contains("đồng chí PGS.TS. Lê Quang Minh, Bí thư Đảng ủy Trường Đại học Nông Lâm Phú Thọ"));
    // The Union chair closes the conference, but only the Rector presides.
    assert!(
        script.contains(
            "kính mời ThS. Đặng Thùy Quyên, Chủ tịch Công đoàn Trường Đại học Nông Lâm Phú Thọ, lên phát biểu kết luận"
        ),
        "{script}"
    );
    assert!(
        !script.contains("Đặng Thùy Quyên, Chủ tịch Công đoàn Trường Đại học Nông Lâm Phú Thọ, Chủ trì"),
        "{script}"
    );
    // The authority is named whole: the school's place is part of its name.
    assert!(script.contains("Hiệu trưởng Trường Đại học Nông Lâm Phú Thọ đã quyết định tặng Giấy khen"), "{script}");

    // "Lao động tiên tiến" announced, its 24 recipients not called up; Giấy khen handed on
    // stage, its batches numbered from 1.
    assert!(script.contains("Trao Giấy khen đợt 1: 2 tập thể"), "{script}");
    assert!(
        script.contains(
            "Công bố danh sách cá nhân được tặng danh hiệu “Lao động tiên tiến” năm học 2025 - 2026: 24 cá nhân"
        ),
        "{script}"
    );
    assert!(!script.contains("lên nhận danh hiệu"), "{script}");
    assert!(!script.contains("Giấy khen đợt 2") && !script.contains("đợt 3"), "{script}");

    // A ceremony given too little time says how much it needs.
    let text = std::fs::read_to_string(&yaml).unwrap().replace(
        "{minutes: 15, title: Khen thưởng, kind: khen-thuong}",
        "{minutes: 3, title: Khen thưởng, kind: khen-thuong}",
    );
    let short = p.file("ngan/hoi-nghi.yaml", &text);
    let out = build(Source::File(short), &p.path("ngan/out"));
    let warning = out.diags.iter().find(|d| d.code == "item-too-short").expect("a warning on the short item");
    assert!(warning.message.vi.contains("mục này có 3 phút cho 4 phần"), "{}", warning.message.vi);
    let hint = warning.hint.as_ref().map(|h| h.vi.clone()).unwrap_or_default();
    assert!(hint.contains("cần khoảng 8 phút"), "{hint}");
}
