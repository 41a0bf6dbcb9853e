//! The summary report: its figures equal the computed statistics in the PDF and in the
//! workbook (whose SUM formulas are checked against the cells), its layout follows Decree
//! 30, and the narrative's errors name their cells.

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::commands::sample;
use vanthu::diag::Diagnostics;
use vanthu::input::Source;
use vanthu::pack::DocKind;
use vanthu::pipeline::{Timings, check, prepare};
use vanthu::plan::stats;

use crate::layout::{check_first_page, check_margins, check_signature};
use crate::util::{N, Project, S, build_only, delegate_header, errors, eval_sum, pdf, settings};

const MM: f64 = 72.0 / 25.4;

#[test]
fn the_report_prints_the_computed_figures() {
    let mut diags = Diagnostics::new();
    let ds = prepare(&sample(), &mut diags, &mut Timings::default()).unwrap().dataset;
    let s = stats::of(&ds);
    assert_eq!((s.total, s.stars.s3, s.stars.s4, s.stars.s5), (150, 126, 24, 0));

    let p = Project::new();
    let out = build_only(sample(), &p.out(), &[DocKind::Summary]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let report = p.out().join("bao-cao-so-ket.pdf");
    let text = pdf::flat_text(&report);

    // The narrative's figures.
    assert!(
        text.contains(&format!(
            "đã công nhận {} sản phẩm OCOP đạt hạng từ 3 sao trở lên của {} chủ thể",
            s.total, s.producers
        )),
        "{text}"
    );
    // Biểu 1–4: every row and the totals, as the statistics give them.
    let total = format!("Tổng cộng {} {} {} {}", s.total, s.stars.s3, s.stars.s4, s.stars.s5);
    assert_eq!(text.matches(&total).count(), 3, "Biểu 1, 2 and 3 end with {total}");
    for y in &s.years {
        let c = y.counts;
        assert!(text.contains(&format!(" {} {} {} {} {}", y.year, c.total, c.s3, c.s4, c.s5)), "year {}", y.year);
    }
    for d in &s.districts {
        let c = d.counts;
        assert!(
            text.contains(&format!("{} {} {} {} {} {}", d.name, c.total, c.s3, c.s4, c.s5, d.producers)),
            "{}",
            d.name
        );
    }
    for t in &s.targets {
        let verdict = if t.achieved >= t.planned { "Đạt" } else { "Không đạt" };
        let percent = format!("{:.1}", t.achieved * 100.0 / t.planned).replace('.', ",");
        let row = format!("{} {} {} {percent} {verdict}", t.year.unwrap(), t.planned, t.achieved);
        assert!(text.contains(&row), "{}: {row}", t.name);
    }
    // The charts are there, and the appendices, referred to in the text.
    for phrase in [
        "Biểu đồ 1.",
        "Biểu đồ 2.",
        "Biểu đồ 3.",
        "Biểu đồ 4.",
        "Phụ lục I",
        "Phụ lục II",
        "Kèm theo Báo cáo số …/BC-UBND ngày 13 tháng 12 năm 2023",
    ] {
        assert!(text.contains(phrase), "{phrase}");
    }
    assert!(text.contains("Trên đây là Báo cáo sơ kết 03 năm thực hiện"));

    // Decree 30: the first page, the signature, pages numbered from 2, each appendix again from 1.
    check_first_page(&pdf::page(&report, 1), "BÁO CÁO", "/BC-UBND", "Sơ kết 03 năm thực hiện");
    let pages = pdf::pages(&report);
    let number_of = |n: usize| -> Option<String> {
        let page = pdf::page(&report, n);
        let top: String = page.glyphs.iter().filter(|g| g.y < 20.0 * MM).map(|g| g.c).collect();
        (!top.is_empty()).then_some(top)
    };
    let heading =
        |t: &str| t.strip_prefix("Phụ lục ").is_some_and(|n| !n.is_empty() && n.chars().all(|c| "IVX".contains(c)));
    let appendix_starts: Vec<usize> =
        (1..=pages).filter(|&n| pdf::page(&report, n).runs().iter().any(|r| heading(&r.text))).collect();
    assert_eq!(appendix_starts.len(), 2);
    assert_eq!(number_of(1), None);
    assert_eq!(number_of(2).as_deref(), Some("2"));
    for &start in &appendix_starts {
        assert_eq!(number_of(start), None, "appendix page {start} starts again at 1");
        if start < pages && !appendix_starts.contains(&(start + 1)) {
            assert_eq!(number_of(start + 1).as_deref(), Some("2"));
        }
    }
    // Every page, the charts' and the landscape list's included, keeps the margins.
    for (n, page) in pdf::all_pages(&report).iter().enumerate() {
        check_margins(page, n + 1);
    }
    let signed =
        (1..=pages).map(|n| pdf::page(&report, n)).find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).unwrap();
    check_signature(&signed, "TM. ỦY BAN NHÂN DÂN", "- Văn phòng Điều phối nông thôn mới", "Nguyễn Thế Giang");
    // Phụ lục II, the product list, is landscape with its header on every page.
    let list_page = pdf::page(&report, appendix_starts[1]);
    assert!(list_page.width > list_page.height);
    assert!(pdf::page(&report, pages).runs().iter().any(|r| r.text == "Tên sản phẩm"), "repeated table header");
}

#[test]
fn the_workbook_totals_are_formulas_that_add_up() {
    let mut diags = Diagnostics::new();
    let ds = prepare(&sample(), &mut diags, &mut Timings::default()).unwrap().dataset;
    let s = stats::of(&ds);
    let p = Project::new();
    assert!(!build_only(sample(), &p.out(), &[DocKind::Summary]).diags.has_errors());
    let mut book = open_workbook_auto(p.out().join("so-lieu-bao-cao.xlsx")).unwrap();
    let names = book.sheet_names();
    assert_eq!(names, ["Biểu 1", "Biểu 2", "Biểu 3", "Biểu 4", "Biểu 5", "Danh sách sản phẩm OCOP được"]);
    let mut checked = 0;
    for (sheet, expected_total) in [("Biểu 1", s.total), ("Biểu 2", s.total), ("Biểu 3", s.total)] {
        let values = book.worksheet_range(sheet).unwrap();
        let formulas = book.worksheet_formula(sheet).unwrap();
        let (start_row, start_col) = formulas.start().unwrap();
        for (r, row) in formulas.rows().enumerate() {
            for (c, f) in row.iter().enumerate() {
                if !f.starts_with("SUM(") && !f.starts_with("=SUM(") {
                    continue;
                }
                let at = (start_row as usize + r, start_col as usize + c);
                let cached = match values.get(at) {
                    Some(Data::Float(v)) => *v,
                    Some(Data::Int(v)) => *v as f64,
                    other => panic!("{sheet} {at:?}: {other:?}"),
                };
                let sum = eval_sum(f, &values);
                assert!((sum - cached).abs() < 1e-9, "{sheet} {f}: cells add up to {sum}, the cell says {cached}");
                if at.1 == 2 {
                    assert_eq!(cached, expected_total as f64, "{sheet} total");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 12, "{checked} formulas checked");
    // The product list: every product, under a frozen, filtered header.
    let list = book.worksheet_range("Danh sách sản phẩm OCOP được").unwrap();
    assert_eq!(list.rows().count() - 3, ds.products.len());
    // The native charts are in the file.
    let zip = std::fs::read(p.out().join("so-lieu-bao-cao.xlsx")).unwrap();
    let charts = String::from_utf8_lossy(&zip).matches("xl/charts/chart").count();
    assert!(charts >= 4, "{charts} chart parts");
}

#[test]
fn an_unknown_statistic_is_an_error_at_its_cell() {
    let p = Project::new();
    let path = p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", settings()),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![N(1.0), S("DB01"), S("Ông"), S("Lê Văn An"), S("Giám đốc"), S("Sở Tài chính"), S("Sở ngành")],
                ],
            ),
            (
                "Sản phẩm OCOP",
                vec![
                    ["Tên sản phẩm", "Chủ thể", "Huyện, thành phố", "Nhóm sản phẩm", "Hạng sao", "Năm công nhận"]
                        .map(S)
                        .to_vec(),
                    vec![S("Chè xanh"), S("HTX Chè"), S("Huyện Na Hang"), S("Thực phẩm"), N(4.0), N(2023.0)],
                ],
            ),
            (
                "Báo cáo",
                vec![
                    vec![S("Mục"), S("Nội dung")],
                    vec![S("I. KẾT QUẢ"), S("Đã có {{ stats.total }} sản phẩm.")],
                    vec![S("II. ĐÁNH GIÁ"), S("Có {{ stats.by_district[\"Huyện Không Có\"] }} sản phẩm.")],
                    vec![S("III. KHÁC"), S("{{ stats.so_lieu_khong_co }}")],
                ],
            ),
        ],
    );
    let outcome = check(&Source::File(path));
    assert_eq!(errors(&outcome), ["template-text @ Báo cáo!B3", "template-text @ Báo cáo!B4"]);
    // The message names the missing key and what exists instead.
    let e: Vec<_> = outcome.diags.errors().collect();
    assert_eq!(e[0].message.vi, "Nội dung (dòng 1): không có \"Huyện Không Có\" trong stats.by_district");
    let hint = &e[0].hint.as_ref().unwrap().vi;
    assert!(hint.starts_with("stats.by_district có: ") && hint.contains("“Huyện Na Hang”"), "{hint}");
    assert_eq!(e[1].message.vi, "Nội dung (dòng 1): không có so_lieu_khong_co trong stats");
    assert!(e[1].hint.as_ref().unwrap().vi.contains("“total”"), "{:?}", e[1].hint);
}
