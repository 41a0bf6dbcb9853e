//! `vanthu init`: the starter workbook has every sheet of the contract (the product list only
//! for a programme review) behind a `Hướng dẫn` sheet, styled frozen headers with a note
//! each, drop-down lists on the fixed choices (the forms the agency may confer), two example
//! rows per list; the YAML says the same; both build untouched — for every kind of
//! conference and agency level.

use std::io::Read;
use std::path::Path;

use calamine::{Reader, open_workbook_auto};
use vanthu::input::Source;
use vanthu::input::schema::{TABLES, TableKind};

use crate::util::{Project, build, pdf, read_sheet, stderr, vanthu};

/// The XML of one part of an xlsx package.
fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The worksheet part of a sheet, by its name in workbook.xml (sheets are numbered in order).
fn sheet_part(xlsx: &Path, sheet: &str) -> String {
    let book = open_workbook_auto(xlsx).unwrap();
    let i = book.sheet_names().iter().position(|n| n == sheet).unwrap();
    part(xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1))
}

#[test]
fn init_writes_a_starter_that_opens_explains_itself_and_builds() {
    let p = Project::new();
    let o = vanthu(&["init", "moi"], p.dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let xlsx = p.path("moi/hoi-nghi.xlsx");
    // One form only (issue 22): the YAML, when asked for, in a folder of its own.
    assert!(xlsx.is_file() && !p.path("moi/hoi-nghi.yaml").exists());
    let o = vanthu(&["init", "moi-yaml", "--yaml"], p.dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = p.path("moi-yaml/hoi-nghi.yaml");
    assert!(yaml.is_file() && !p.path("moi-yaml/hoi-nghi.xlsx").exists());

    // Every sheet of the contract but the product list (a commune's year-end review by
    // default), the bridge points and a vote, the guide first, the lists last.
    let book = open_workbook_auto(&xlsx).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("Hướng dẫn"));
    assert_eq!(names.last().map(String::as_str), Some("Danh mục"));
    assert!(names.contains(&"Hội nghị".to_string()));
    let optional = [TableKind::Products, TableKind::Bridges, TableKind::Elections, TableKind::Candidates];
    for t in TABLES.iter().filter(|t| !optional.contains(&t.kind)) {
        assert!(names.contains(&t.sheet.to_string()), "{} missing", t.sheet);
    }
    assert!(!names.contains(&"Sản phẩm OCOP".to_string()), "no OCOP sheet unless chosen");
    assert!(!names.contains(&"Điểm cầu".to_string()), "no bridge points unless chosen (--truc-tuyen)");
    assert!(!names.contains(&"Bầu cử".to_string()), "no vote unless the clerk adds one");
    let guide = read_sheet(&xlsx, "Hướng dẫn").concat().join("\n");
    assert!(guide.contains("vanthu build hoi-nghi.xlsx") && guide.contains("Đại biểu!D17"), "{guide}");

    // Headers on row 3 under a title, two example rows under them (the groups sheet holds
    // the whole default list of groups).
    for t in TABLES.iter().filter(|t| t.kind != TableKind::Groups && !optional.contains(&t.kind)) {
        let rows = read_sheet(&xlsx, t.sheet);
        let header: Vec<&str> = rows[2].iter().map(String::as_str).collect();
        for c in t.columns {
            assert!(header.contains(&c.header), "{}: header {} missing in {header:?}", t.sheet, c.header);
        }
        let data = rows[3..].iter().filter(|r| r.iter().any(|c| !c.is_empty())).count();
        assert_eq!(data, 2, "{}: two example rows", t.sheet);
    }
    let delegates = read_sheet(&xlsx, "Đại biểu");
    assert_eq!(delegates[3][3], "Nguyễn Văn A");
    // The settings' values name no province of the past, no programme, no district.
    let values: String =
        read_sheet(&xlsx, "Hội nghị").iter().filter_map(|r| r.get(1)).cloned().collect::<Vec<_>>().join("\n");
    for absent in ["Tuyên Quang", "OCOP", "huyện", "Huyện"] {
        assert!(!values.contains(absent), "{absent} in the starter's settings: {values}");
    }

    // The header row is frozen and each header carries a note.
    let sheet = sheet_part(&xlsx, "Đại biểu");
    assert!(sheet.contains(r#"<pane ySplit="3""#), "frozen header");
    let zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let comment_parts: Vec<String> =
        zip.file_names().filter_map(|n| n.ok()).filter(|n| n.starts_with("xl/comments")).map(String::from).collect();
    assert!(
        comment_parts.len() >= TABLES.len() - optional.len(),
        "every list but products, bridges and a vote: {comment_parts:?}"
    );
    let notes: String = comment_parts.iter().map(|n| part(&xlsx, n)).collect();
    assert!(notes.contains("Ông, Bà hoặc Đồng chí"), "note on Danh xưng");
    assert!(notes.contains("Bắt buộc. Họ và tên đầy đủ"), "note on Họ và tên");

    // Drop-downs: every fixed-choice column of the delegates, awards, programme and
    // products sheets.
    let lists = |sheet: &str| {
        let xml = sheet_part(&xlsx, sheet);
        xml.split("<dataValidation ")
            .skip(1)
            .map(|v| {
                let sqref = v.split("sqref=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
                let formula = v.split("<formula1>").nth(1).unwrap().split("</formula1>").next().unwrap().to_string();
                assert!(v.starts_with(r#"type="list""#), "{v}");
                (sqref, formula)
            })
            .collect::<Vec<_>>()
    };
    let column_list = |sheet: &str, header: &str| {
        let rows = read_sheet(&xlsx, sheet);
        let col = rows[2].iter().position(|h| h == header).unwrap();
        let letter = vanthu::diag::column_letters(col as u32);
        lists(sheet)
            .into_iter()
            .find(|(sqref, _)| sqref.starts_with(&format!("{letter}4:")))
            .map(|(_, f)| f)
            .unwrap_or_else(|| panic!("{sheet}: no drop-down on {header}"))
    };
    assert_eq!(column_list("Đại biểu", "Danh xưng"), "'Danh mục'!$A$2:$A$4");
    assert!(column_list("Đại biểu", "Nhóm").starts_with("'Nhóm'!$B$4"));
    for (sheet, header) in [
        ("Đại biểu", "Mời"),
        ("Đại biểu", "Xác nhận"),
        ("Khen thưởng", "Loại"),
        ("Khen thưởng", "Hình thức"),
        ("Chương trình", "Loại"),
        ("Chỉ tiêu", "Chiều"),
        ("Bảng biểu", "Biểu đồ"),
    ] {
        let formula = column_list(sheet, header);
        assert!(formula.starts_with("'Danh mục'!"), "{sheet}/{header}: {formula}");
    }
    // The lists the drop-downs point at hold the choices the reader accepts.
    let catalogue = read_sheet(&xlsx, "Danh mục");
    let column = |name: &str| -> Vec<String> {
        let c = catalogue[0].iter().position(|h| h == name).unwrap();
        catalogue[1..].iter().map(|r| r[c].clone()).filter(|v| !v.is_empty()).collect()
    };
    assert_eq!(column("Danh xưng"), ["Ông", "Bà", "Đồng chí"]);
    assert_eq!(column("Hạng sao"), ["3", "4", "5"]);
    assert!(column("Loại nội dung").contains(&"Tuyên bố lý do".to_string()));
    // A commune's Chairman confers Giấy khen and the commune's titles, not a Bằng khen.
    let forms = column("Hình thức");
    assert!(forms.contains(&"Giấy khen".to_string()) && forms.contains(&"Lao động tiên tiến".to_string()), "{forms:?}");
    assert!(!forms.contains(&"Bằng khen".to_string()), "{forms:?}");

    // Untouched, both files build, with nothing to warn about.
    for input in [&xlsx, &yaml] {
        let tag = input.extension().unwrap().to_str().unwrap();
        let out = build(Source::File(input.to_path_buf()), &p.path(&format!("out-{tag}")));
        let said = said(&out);
        assert!(said.is_empty(), "{}: {said:#?}", input.display());
        // The guide and the lists are not mistaken for unknown sheets.
        assert!(!out.diags.iter().any(|d| d.code == "unknown-sheet"), "{:#?}", out.diags);
    }
    let a = pdf::flat_text(&p.path("out-xlsx/giay-moi.pdf"));
    let b = pdf::flat_text(&p.path("out-yaml/giay-moi.pdf"));
    assert_eq!(a, b, "the workbook and the YAML say the same");
    assert!(a.contains("Bà Trần Thị B, Chánh Văn phòng HĐND và UBND xã"), "{a}");

    // A second init does not overwrite the clerk's work.
    let again = vanthu(&["init", "moi"], p.dir.path());
    assert_eq!(again.status.code(), Some(2), "a usage error: another folder, or --force");
    assert!(stderr(&again).contains("không ghi đè"), "{}", stderr(&again));
}

#[test]
fn every_kind_of_conference_and_agency_has_a_starter_that_builds() {
    let p = Project::new();
    for loai in ["tong-ket", "thi-dua", "chuong-trinh"] {
        for cap in ["tinh", "so", "xa"] {
            let dir = format!("{loai}-{cap}");
            let o = vanthu(&["init", &dir, "--loai", loai, "--cap", cap], p.dir.path());
            assert!(o.status.success(), "{dir}: {}", stderr(&o));
            let xlsx = p.path(&format!("{dir}/hoi-nghi.xlsx"));
            let names = open_workbook_auto(&xlsx).unwrap().sheet_names();
            assert_eq!(names.contains(&"Sản phẩm OCOP".to_string()), loai == "chuong-trinh", "{dir}: {names:?}");
            let out = build(Source::File(xlsx), &p.path(&format!("{dir}/out")));
            let said = said(&out);
            assert!(said.is_empty(), "{dir}: {said:#?}");
            // A department meets around a U-shaped table; the others in a hall.
            let diagram = pdf::flat_text(&p.path(&format!("{dir}/out/so-do-cho-ngoi.pdf")));
            assert_eq!(diagram.contains("BÀN CHỦ TỌA"), cap == "so", "{dir}");
            assert_eq!(diagram.contains("SÂN KHẤU"), cap != "so", "{dir}");
            // A province gives Bằng khen; a department and a commune Giấy khen.
            let decisions: Vec<String> = crate::util::files(&p.path(&format!("{dir}/out")))
                .into_iter()
                .filter(|f| f.starts_with("quyet-dinh-"))
                .collect();
            let bang_khen = decisions.contains(&"quyet-dinh-bang-khen.pdf".to_string());
            assert_eq!(bang_khen, cap == "tinh", "{dir}: {decisions:?}");
        }
    }
}

#[test]
fn a_hybrid_starter_has_its_bridge_points_and_builds_for_every_level() {
    // `vanthu init --truc-tuyen`: the `Điểm cầu` sheet with two points, a delegate taking
    // part at one, the technical check first in the programme — and it builds without a word,
    // at every level of body.
    let p = Project::new();
    for cap in ["xa", "so", "tinh", "bo", "cuc", "don-vi"] {
        let dir = format!("tt-{cap}");
        let o = vanthu(&["init", &dir, "--cap", cap, "--truc-tuyen"], p.dir.path());
        assert!(o.status.success(), "{dir}: {}", stderr(&o));
        let xlsx = p.path(&format!("{dir}/hoi-nghi.xlsx"));
        let points = read_sheet(&xlsx, "Điểm cầu");
        let rows: Vec<&Vec<String>> = points[3..].iter().filter(|r| r.iter().any(|c| !c.is_empty())).collect();
        assert_eq!(rows.len(), 2, "{dir}: two bridge points");
        let delegates = read_sheet(&xlsx, "Đại biểu");
        let column = delegates[2].iter().position(|h| h == "Điểm cầu").unwrap();
        assert_eq!(delegates.iter().skip(3).filter(|r| !r[column].is_empty()).count(), 1, "{dir}");
        let out = build(Source::File(xlsx), &p.path(&format!("{dir}/out")));
        let said = said(&out);
        assert!(said.is_empty(), "{dir}: {said:#?}");
        let out = p.path(&format!("{dir}/out"));
        assert!(out.join("diem-cau.pdf").is_file() && out.join("danh-sach-diem-cau.xlsx").is_file(), "{dir}");
        let invitation = pdf::flat_text(&out.join("giay-moi.pdf"));
        assert!(invitation.contains("Hình thức: trực tiếp kết hợp trực tuyến."), "{dir}: {invitation}");
        assert!(invitation.contains("Địa điểm: trực tuyến tại Điểm cầu"), "{dir}: {invitation}");
        let script = pdf::script_text(&out.join("kich-ban.pdf"));
        assert!(script.contains("kiểm tra đường truyền, âm thanh, hình ảnh với 2 điểm cầu trực tuyến"), "{dir}");
        assert!(script.contains("Hội nghị được kết nối trực tuyến tới 2 điểm cầu, gồm:"), "{dir}: {script}");
    }
    // A starter that is not hybrid builds as before, its leaders (a host group) without a
    // Giấy mời.
    let o = vanthu(&["init", "thuong", "--cap", "bo"], p.dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = build(Source::File(p.path("thuong/hoi-nghi.xlsx")), &p.path("thuong/out"));
    assert!(said(&out).is_empty(), "{:#?}", said(&out));
    let invited: Vec<String> =
        crate::util::files(&p.path("thuong/out")).into_iter().filter(|f| f.starts_with("giay-moi/")).collect();
    assert_eq!(invited, ["giay-moi/tran-thi-b.pdf"], "the Minister presides and is no guest of his own");
}

/// What a build said beyond notes (warnings and errors), as `code: message`.
fn said(out: &vanthu::pipeline::Outcome) -> Vec<String> {
    out.diags
        .iter()
        .filter(|d| d.severity != vanthu::diag::Severity::Note)
        .map(|d| format!("{}: {}", d.code, d.message.vi))
        .collect()
}
