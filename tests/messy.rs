//! A clerk's real workbook is messy: titles above the header, headers in other words and
//! any order, decomposed Unicode, double spaces, phones turned into numbers, blank rows,
//! numbering rows, section titles and a total line. It must still give correct invitations.

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{Format, Workbook};
use vanthu::input::Source;

use crate::util::{Project, build, files, pdf};

fn messy_workbook(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();

    // Settings under another accepted sheet name, with a title and labels in capitals.
    let ws = wb.add_worksheet();
    ws.set_name("Thông tin chung").unwrap();
    ws.merge_range(0, 0, 0, 1, "THÔNG TIN HỘI NGHỊ", &bold).unwrap();
    let settings: [(&str, Option<&str>, Option<f64>); 10] = [
        ("TÊN HỘI NGHỊ", Some("Hội  nghị   tổng kết  công tác năm 2023"), None),
        ("ngày họp", None, Some(45275.0)), // an Excel date typed in a General cell
        (" Giờ bắt đầu ", Some("8h30"), None),
        ("Địa điểm:", Some("Hội trường tầng 3, Sở Nông nghiệp và Phát triển nông thôn"), None),
        ("CƠ QUAN BAN HÀNH", Some("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"), None),
        ("Ký hiệu  cơ quan", Some("UBND"), None),
        ("Địa danh", Some("Tuyên Quang"), None),
        ("Giấy mời - Người ký", Some("Bùi Văn Phong"), None),
        ("Giấy mời: Quyền hạn ký", Some("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG"), None),
        ("Giấy mời: Nơi nhận", Some("- Như trên;\n- Lưu: VT, NLN."), None),
    ];
    ws.write_string(2, 0, "Thông tin").unwrap();
    ws.write_string(2, 1, "Giá trị").unwrap();
    for (i, (label, text, number)) in settings.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *label).unwrap();
        match (text, number) {
            (Some(t), _) => ws.write_string(r, 1, *t).unwrap(),
            (_, Some(n)) => ws.write_number(r, 1, *n).unwrap(),
            _ => unreachable!(),
        };
    }

    // Delegates: merged title, a blank row, then shuffled and aliased headers.
    let ws = wb.add_worksheet();
    ws.set_name("DS đại biểu").unwrap();
    ws.merge_range(0, 0, 0, 7, "DANH SÁCH ĐẠI BIỂU MỜI DỰ HỘI NGHỊ", &bold).unwrap();
    let headers = ["TT", "HỌ TÊN", "Ông/Bà", "Chức danh", "Đơn vị", "SĐT", "Thành phần", "Xe đưa đón"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for c in 0..8u16 {
        ws.write_string(3, c, format!("({})", c + 1)).unwrap(); // the column-number row
    }
    ws.merge_range(4, 0, 4, 7, "I. ĐẠI BIỂU CẤP TỈNH", &bold).unwrap();
    // NFD name, double spaces, a numeric phone.
    ws.write_number(5, 0, 1.0).unwrap();
    ws.write_string(5, 1, "Nguye\u{302}\u{303}n  Va\u{306}n   An").unwrap();
    ws.write_string(5, 2, "ông").unwrap();
    ws.write_string(5, 3, "Giám đốc").unwrap();
    ws.write_string(5, 4, "Sở  Tài chính").unwrap();
    ws.write_number(5, 5, 912_345_678.0).unwrap();
    ws.write_string(5, 6, "Sở ngành").unwrap();
    ws.write_string(5, 7, "ghi chú của văn thư").unwrap();
    // A blank row, then a row with only its STT.
    ws.write_number(7, 0, 2.0).unwrap();
    ws.write_number(8, 0, 3.0).unwrap();
    ws.write_string(8, 1, " Hà Thị  Bình ").unwrap();
    ws.write_string(8, 2, "Bà").unwrap();
    ws.write_string(8, 4, "UBND huyện Na Hang").unwrap();
    ws.write_string(8, 6, "huyện").unwrap();
    ws.write_string(8, 5, "0207 3822 456").unwrap();
    ws.write_number(9, 0, 4.0).unwrap();
    ws.write_string(9, 1, "Ma Văn Cường").unwrap();
    ws.write_string(9, 2, "Đ/c").unwrap();
    ws.write_string(9, 3, "Phó Chủ tịch UBND tỉnh").unwrap();
    ws.write_string(9, 4, "UBND tỉnh").unwrap();
    ws.write_string(9, 6, "Lãnh đạo UBND tỉnh").unwrap();
    ws.write_string(11, 0, "Tổng cộng: 3 đại biểu").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_messy_workbook_gives_correct_invitations() {
    let p = Project::new();
    let path = p.path("hoi-nghi (ban cuoi).xlsx");
    messy_workbook(&path);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);

    let files = files(&p.out());
    assert_eq!(
        files,
        [
            "danh-sach-giay-moi.xlsx",
            "giay-moi.pdf",
            "giay-moi/ha-thi-binh.pdf",
            "giay-moi/ma-van-cuong.pdf",
            "giay-moi/nguyen-van-an.pdf",
            "manifest.json",
            "thay-doi.json",
            "thay-doi.xlsx"
        ]
    );
    let an = pdf::flat_text(&p.out().join("giay-moi/nguyen-van-an.pdf"));
    assert!(an.contains("trân trọng kính mời: Ông Nguyễn Văn An, Giám đốc Sở Tài chính."), "{an}");
    assert!(an.contains("Tới dự: Hội nghị tổng kết công tác năm 2023."), "{an}");
    assert!(an.contains("bắt đầu từ 08 giờ 30 phút, ngày 15 tháng 12 năm 2023 (thứ Sáu)"), "{an}");
    // The text layer is NFC: a search for the composed name finds it.
    let raw = pdf::text(&p.out().join("giay-moi/nguyen-van-an.pdf"));
    assert!(raw.contains("Nguyễn"), "NFC text layer");
    assert!(!raw.contains("Nguye\u{302}\u{303}n"));

    // Protocol order in the merged file: UBND tỉnh leader, then the department, then the district.
    let merged = pdf::flat_text(&p.out().join("giay-moi.pdf"));
    let at = |name: &str| merged.find(name).unwrap_or_else(|| panic!("{name} missing"));
    assert!(at("Ma Văn Cường") < at("Nguyễn Văn An") && at("Nguyễn Văn An") < at("Hà Thị Bình"));
    assert!(merged.contains("Đồng chí Ma Văn Cường"));

    // The register has the phone back with its 0, as text.
    let mut book = open_workbook_auto(p.out().join("danh-sach-giay-moi.xlsx")).unwrap();
    let range = book.worksheet_range("Giấy mời").unwrap();
    let an_row = range.rows().find(|r| r[3] == Data::String("Nguyễn Văn An".into())).expect("An is listed");
    assert_eq!(an_row[7], Data::String("0912345678".into()));
    assert_eq!(an_row[6], Data::String("Sở, ban, ngành".into()));

    // What was skipped is said, once, as notes.
    let notes: Vec<String> = out.diags.iter().map(|d| format!("{}: {}", d.code, d.message.vi)).collect();
    assert!(notes.iter().any(|n| n.starts_with("unknown-columns") && n.contains("Xe đưa đón")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("dòng đánh số cột")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("I. ĐẠI BIỂU CẤP TỈNH")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("Tổng cộng")), "{notes:#?}");
}
