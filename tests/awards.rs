//! The award decision, its attached list, the certificates and the register.

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::assets::TemplateStore;
use vanthu::commands::sample;
use vanthu::input::Source;
use vanthu::model::{Face, Level};
use vanthu::pack::DocKind;
use vanthu::plan::awards::grounds_for;
use vanthu::render::awards::boxes_for;
use vanthu::text::Date;

use crate::layout::{check_first_page, check_signature};
use crate::util::{C, E, N, Project, S, build_only, delegate_header, files, pdf, settings};

const MM: f64 = 72.0 / 25.4;

#[test]
fn the_grounds_follow_the_decision_date() {
    let store = TemplateStore::builtin();
    let text = |d: Date| grounds_for(&store, d, Level::Province).unwrap().join("\n");
    let late_2023 = text(Date::new(2023, 12, 12).unwrap());
    assert!(late_2023.contains("Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"));
    assert!(late_2023.contains("ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013"));
    assert!(late_2023.contains("Nghị định số 91/2017/NĐ-CP"));
    assert!(!late_2023.contains("98/2023"));
    let early_2024 = text(Date::new(2024, 3, 15).unwrap());
    assert!(early_2024.contains("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"));
    assert!(early_2024.contains("Nghị định số 98/2023/NĐ-CP"));
    assert!(!early_2024.contains("91/2017") && !early_2024.contains("2003"));
    let late_2025 = text(Date::new(2025, 8, 15).unwrap());
    assert!(late_2025.contains("Nghị định số 152/2025/NĐ-CP"));
    assert!(!late_2025.contains("98/2023"));
    // The boundaries belong to their periods.
    assert!(text(Date::new(2023, 12, 31).unwrap()).contains("91/2017"));
    assert!(text(Date::new(2024, 1, 1).unwrap()).contains("98/2023"));
    assert!(text(Date::new(2025, 7, 1).unwrap()).contains("152/2025"));
}

#[test]
fn the_decision_agrees_with_its_list() {
    let p = Project::new();
    let out = build_only(sample(), &p.out(), &[DocKind::Awards]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let decision = p.out().join("quyet-dinh-bang-khen.pdf");
    let text = pdf::flat_text(&decision);

    // Điều 1, the section headings and the list give the same counts.
    let (collectives, individuals) = (14, 36);
    assert!(
        text.contains(&format!("cho {collectives} tập thể và {individuals} cá nhân (có danh sách kèm theo)")),
        "{text}"
    );
    assert!(text.contains(&format!("I. TẬP THỂ ({collectives} tập thể)")));
    assert!(text.contains(&format!("II. CÁ NHÂN ({individuals} cá nhân)")));
    let list = text.split("II. CÁ NHÂN").collect::<Vec<_>>();
    assert!(list[0].contains(&format!("{collectives}. ")) && !list[0].contains(&format!("\n{}. ", collectives + 1)));
    assert!(list[1].contains(&format!("{individuals}. ")), "the last individual is numbered {individuals}");
    assert!(text.trim_end().ends_with("./."), "the list ends with ./.");

    // The grounds of a decision dated 12/12/2023, the authority line, the articles.
    for phrase in [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
        "Căn cứ Nghị định số 91/2017/NĐ-CP",
        "Theo đề nghị của Giám đốc Sở Nội vụ",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
        "Điều 2. Tiền thưởng kèm theo Bằng khen: mỗi tập thể 3.600.000 đồng, mỗi cá nhân 1.800.000 đồng; tổng số tiền thưởng là 115.200.000 đồng (Bằng chữ: Một trăm mười lăm triệu hai trăm nghìn đồng)",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "(Kèm theo Quyết định số …/QĐ-UBND ngày 12 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang)",
    ] {
        assert!(text.contains(phrase), "{phrase}");
    }
    assert!(!text.contains("TM. ỦY BAN"), "a Chairman's decision is never signed TM.");

    // Decree 30, measured: the first page, and the signature on the page that has it.
    let first = pdf::page(&decision, 1);
    check_first_page(&first, "QUYẾT ĐỊNH", "/QĐ-UBND", "Về việc tặng Bằng khen");
    let signed = (1..=pdf::pages(&decision))
        .map(|n| pdf::page(&decision, n))
        .find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:"))
        .unwrap();
    check_signature(&signed, "KT. CHỦ TỊCH", "- Như Điều 3;", "Nguyễn Thế Giang");
    // The grounds are italic.
    assert!(first.run("Căn cứ Luật Tổ chức chính quyền địa phương").font.contains("Italic"));

    // The list restarts its page numbers: its first page shows none.
    let list_start = (1..=pdf::pages(&decision))
        .find(|&n| pdf::page(&decision, n).runs().iter().any(|r| r.text == "DANH SÁCH"))
        .unwrap();
    assert!(pdf::page(&decision, list_start).glyphs.iter().all(|g| g.y > 20.0 * MM));

    // One certificate per awardee.
    let singles = files(&p.out()).into_iter().filter(|f| f.starts_with("bang-khen/")).count();
    assert_eq!(singles, collectives + individuals);
    assert_eq!(pdf::pages(&p.out().join("bang-khen.pdf")), collectives + individuals);

    // The register: every award in list order, the totals as formulas with their values.
    let mut book = open_workbook_auto(p.out().join("danh-sach-khen-thuong.xlsx")).unwrap();
    let range = book.worksheet_range("Khen thưởng").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[2][3], Data::String("Tên tập thể, cá nhân".into()));
    let kinds: Vec<String> = rows[3..3 + collectives + individuals].iter().map(|r| r[1].to_string()).collect();
    assert!(kinds[..collectives].iter().all(|k| k == "Tập thể") && kinds[collectives..].iter().all(|k| k == "Cá nhân"));
    let totals: Vec<String> = rows[3 + collectives + individuals..]
        .iter()
        .filter(|r| r[0] != Data::Empty)
        .map(|r| format!("{}={}", r[0], r[3]))
        .collect();
    assert_eq!(totals, ["Tổng số tập thể=14", "Tổng số cá nhân=36", "Tổng cộng=50"]);
    let formulas = book.worksheet_formula("Khen thưởng").unwrap();
    assert!(formulas.rows().any(|r| r.iter().any(|f| f.contains("COUNTIF"))));
}

fn awards_workbook(
    p: &Project,
    extra_settings: &[(&'static str, &'static str)],
    achievement: &str,
) -> std::path::PathBuf {
    let mut config = settings();
    config.push(vec![S("Quyết định: Ngày"), S("15/03/2024")]);
    config.push(vec![S("Quyết định: Người ký"), S("Nguyễn Văn Ký")]);
    config.push(vec![S("Quyết định: Quyền hạn ký"), S("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH")]);
    config.push(vec![S("Quyết định: Chức vụ người ký"), S("PHÓ CHỦ TỊCH")]);
    for (label, value) in extra_settings {
        config.push(vec![S(label), S(value)]);
    }
    p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", config),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![N(1.0), S("DB01"), S("Ông"), S("Nguyễn Văn An"), E, S("Sở Tài chính"), S("Sở ngành")],
                ],
            ),
            (
                "Khen thưởng",
                vec![
                    vec![S("Loại"), S("Danh xưng"), S("Tên tập thể, cá nhân"), S("Chức vụ, đơn vị"), S("Thành tích")],
                    vec![S("Tập thể"), E, S("Hợp tác xã Chè Hồng Thái, xã Hồng Thái, huyện Na Hang"), E, E],
                    vec![
                        S("Cá nhân"),
                        S("Bà"),
                        S("Trần Thị Bình"),
                        S("Giám đốc Hợp tác xã Sơn Trà, huyện Na Hang"),
                        C::T(achievement.to_string()),
                    ],
                ],
            ),
        ],
    )
}

fn long_achievement() -> String {
    let s = "Đã có thành tích xuất sắc trong xây dựng, phát triển và nâng hạng sản phẩm OCOP, mở rộng liên kết tiêu thụ và quảng bá sản phẩm chè Shan tuyết của địa phương ra thị trường trong và ngoài tỉnh giai đoạn 2021 - 2023 đến nay";
    assert!(s.chars().count() >= 200, "{}", s.chars().count());
    s.to_string()
}

#[test]
fn a_long_achievement_stays_in_its_box() {
    let achievement = long_achievement();
    for size in ["A3", "A4"] {
        let p = Project::new();
        let settings = [("Bằng khen: Khổ giấy", if size == "A3" { "A3" } else { "A4" })];
        let path = awards_workbook(&p, &settings, &achievement);
        let out = build_only(Source::File(path), &p.out(), &[DocKind::Awards]);
        assert!(!out.diags.has_errors(), "{:#?}", out.diags);
        // A Chairman's decision signed "TM." is warned about and printed without it.
        assert!(out.diags.iter().any(|d| d.code == "decision-authority"));
        assert!(!pdf::text(&p.out().join("quyet-dinh-bang-khen.pdf")).contains("TM. ỦY BAN"));
        // 15/03/2024: the 2022 law and Decree 98/2023.
        assert!(pdf::flat_text(&p.out().join("quyet-dinh-bang-khen.pdf")).contains("Nghị định số 98/2023/NĐ-CP"));

        let cert = p.out().join("bang-khen/tran-thi-binh.pdf");
        let page = pdf::page(&cert, 1);
        let (w, h) = if size == "A3" { (420.0, 297.0) } else { (297.0, 210.0) };
        assert!((page.width - w * MM).abs() < 0.5 && (page.height - h * MM).abs() < 0.5, "{size} landscape");
        let b = boxes_for(&TemplateStore::builtin(), Face::BangKhen, w, h).unwrap()["achievement"];
        let (x0, x1, y0, y1) = (b.x * MM, (b.x + b.w) * MM, b.y * MM, (b.y + b.h) * MM);
        let lines: Vec<_> = page
            .runs()
            .into_iter()
            .filter(|r| r.font == "LiberationSerif" && r.y > y0 && achievement.contains(&r.text))
            .collect();
        assert!(lines.len() >= 2, "the achievement wraps: {lines:#?}");
        // Room for the signature and the seal: at least 25 mm (A3) between the signer's
        // title and name.
        if size == "A3" {
            let title = page.run("PHÓ CHỦ TỊCH");
            let name = page.run("Nguyễn Văn Ký");
            assert!(name.y - title.y >= 25.0 * MM, "{} mm", (name.y - title.y) / MM);
        }
        let printed: String = lines.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
        assert_eq!(printed.split_whitespace().collect::<Vec<_>>(), achievement.split_whitespace().collect::<Vec<_>>());
        for r in &lines {
            assert!(r.x0 >= x0 - 0.5 && r.x1 <= x1 + 0.5, "{size}: {:?} leaves its box sideways", r.text);
            assert!(
                r.y - 0.8 * r.size >= y0 - 0.5 && r.y + 0.2 * r.size <= y1 + 0.5,
                "{size}: {:?} leaves its box",
                r.text
            );
        }
    }
}

#[test]
fn an_achievement_too_long_for_any_size_is_warned_about_at_its_cell() {
    let p = Project::new();
    // 200 characters fit (above); twelve times as many cannot, even at half size.
    let path = awards_workbook(&p, &[], &vec![long_achievement(); 12].join(", "));
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Awards]);
    let overflows: Vec<String> = out
        .diags
        .iter()
        .filter(|d| d.code == "text-overflow")
        .map(|d| format!("{} {}", d.loc.as_ref().unwrap().short(), d.message.vi))
        .collect();
    assert_eq!(
        overflows,
        [
            "Khen thưởng!E3 Thành tích của Bà Trần Thị Bình quá dài: trên bang-khen/tran-thi-binh.pdf chữ tràn ra ngoài ô, đè lên dòng khác"
        ]
    );
}

#[test]
fn print_on_blank_prints_only_the_variable_text_shifted() {
    let achievement = long_achievement();
    let p = Project::new();
    let path = awards_workbook(&p, &[("Bằng khen: Kiểu in", "in trên phôi")], &achievement);
    assert!(!build_only(Source::File(path), &p.out(), &[DocKind::Awards]).diags.has_errors());
    let text = pdf::flat_text(&p.out().join("bang-khen.pdf"));
    for fixed in ["CỘNG HÒA", "Độc lập", "BẰNG KHEN", "TẶNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN"] {
        assert!(!text.contains(fixed), "print-on-blank prints {fixed:?}");
    }
    for variable in ["HỢP TÁC XÃ CHÈ HỒNG THÁI", "Trần Thị Bình", "Quyết định số", "Số sổ vàng", "Nguyễn Văn Ký"]
    {
        assert!(text.contains(variable), "{variable}");
    }
    let unshifted = pdf::page(&p.out().join("bang-khen/tran-thi-binh.pdf"), 1);
    assert!(unshifted.rules.is_empty(), "no drawn lines on a blank");

    // The printer's offset moves everything by that many millimetres.
    let p2 = Project::new();
    let path = awards_workbook(
        &p2,
        &[
            ("Bằng khen: Kiểu in", "in trên phôi"),
            ("Bằng khen: Lệch ngang (mm)", "5"),
            ("Bằng khen: Lệch dọc (mm)", "-3"),
        ],
        &achievement,
    );
    assert!(!build_only(Source::File(path), &p2.out(), &[DocKind::Awards]).diags.has_errors());
    let shifted = pdf::page(&p2.out().join("bang-khen/tran-thi-binh.pdf"), 1);
    let (a, b) = (unshifted.run("Trần Thị Bình"), shifted.run("Trần Thị Bình"));
    assert!((b.x0 - a.x0 - 5.0 * MM).abs() < 0.2 && (b.y - a.y + 3.0 * MM).abs() < 0.2, "{a:?} → {b:?}");
}

#[test]
fn the_list_can_be_a_table() {
    let p = Project::new();
    let path = awards_workbook(&p, &[("Quyết định: Dạng danh sách", "bảng")], "Có thành tích");
    assert!(!build_only(Source::File(path), &p.out(), &[DocKind::Awards]).diags.has_errors());
    let text = pdf::flat_text(&p.out().join("quyet-dinh-bang-khen.pdf"));
    assert!(text.contains("STT Tên tập thể, cá nhân Chức vụ, đơn vị"), "{text}");
    assert!(text.contains("I. TẬP THỂ (01 tập thể)") && text.contains("II. CÁ NHÂN (01 cá nhân)"));
    assert!(text.contains("cho 01 tập thể và 01 cá nhân"));
}
