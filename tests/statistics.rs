//! Reports with the clerk's own statistics: a commune's year-end report and a department's
//! review, built from their own sheets and `Bảng biểu` rows — no OCOP anywhere, totals that
//! are the sums, figures printed as typed, targets judged the right way round, a native
//! chart per chart in the workbook, Decree 30 on every page — and the errors at their cells.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::input::Source;
use vanthu::pack::DocKind;
use vanthu::pipeline::check;

use crate::layout::{check_first_page, check_margins, check_signature};
use crate::util::{C, E, N, Project, S, build_only, errors, eval_sum, files, pdf, settings};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agencies").join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The commune of `xa.yaml` with its year-end report: the worked example of data/README.md
/// (a budget sheet with a total, awards counted by form) and targets, one lower-is-better.
fn commune(p: &Project) -> PathBuf {
    p.file("hoi-nghi.yaml", &fixture("xa.yaml"))
}

/// Every `SUM` formula of `sheet` against the cells it adds and its cached value; returns
/// the (row, column, value) of each.
fn checked_sums(book: &Path, sheet: &str) -> Vec<(usize, usize, f64)> {
    let mut wb = open_workbook_auto(book).unwrap();
    let values = wb.worksheet_range(sheet).unwrap();
    let formulas = wb.worksheet_formula(sheet).unwrap();
    let (r0, c0) = formulas.start().unwrap_or((0, 0));
    let mut out = Vec::new();
    for (r, row) in formulas.rows().enumerate() {
        for (c, f) in row.iter().enumerate().filter(|(_, f)| f.contains("SUM(")) {
            let at = (r0 as usize + r, c0 as usize + c);
            let cached = match values.get(at) {
                Some(Data::Float(v)) => *v,
                Some(Data::Int(v)) => *v as f64,
                other => panic!("{sheet} {at:?}: {other:?}"),
            };
            let sum = eval_sum(f, &values);
            assert!((sum - cached).abs() < 1e-9, "{sheet} {f}: the cells add up to {sum}, the cell says {cached}");
            out.push((at.0, at.1, cached));
        }
    }
    out
}

/// The charts of a workbook: how many chart parts, and the sheets whose drawings hold one.
fn chart_parts(book: &Path) -> usize {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect();
    let charts = names.iter().filter(|n| n.starts_with("xl/charts/chart") && n.ends_with(".xml")).count();
    // Each chart part is anchored in a drawing.
    let mut anchored = 0;
    for n in names.iter().filter(|n| n.starts_with("xl/drawings/drawing") && n.ends_with(".xml")) {
        let mut s = String::new();
        zip.by_name(n).unwrap().read_to_string(&mut s).unwrap();
        anchored += s.matches("<c:chart ").count();
    }
    assert_eq!(charts, anchored, "every chart part is placed on a sheet");
    charts
}

/// Every page of a report keeps Decree 30's margins; the first and the signed page are
/// checked in full.
fn check_report_layout(report: &Path, subject_start: &str, authority: &str, first_recipient: &str, signer: &str) {
    let pages = pdf::all_pages(report);
    let code = pages[0].runs().into_iter().find_map(|r| r.text.find("/BC-").map(|i| r.text[i..].to_string()));
    check_first_page(&pages[0], "BÁO CÁO", &code.expect("a number"), subject_start);
    for (n, page) in pages.iter().enumerate() {
        check_margins(page, n + 1);
    }
    let signed = pages.iter().find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).expect("a signed page");
    check_signature(signed, authority, first_recipient, signer);
}

#[test]
fn a_commune_reports_its_own_budget_awards_and_targets() {
    let p = Project::new();
    let out = build_only(Source::File(commune(&p)), &p.out(), &[DocKind::Summary]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    // A tổng kết conference gets a tổng kết report.
    let dir = p.out();
    assert!(files(&dir).contains(&"bao-cao-tong-ket.pdf".to_string()), "{:?}", files(&dir));
    assert!(!files(&dir).iter().any(|f| f.contains("so-ket")));
    let report = dir.join("bao-cao-tong-ket.pdf");
    let text = pdf::flat_text(&report);

    // Nothing of OCOP, of districts or of another province.
    for absent in ["OCOP", "Huyện", "huyện", "Tuyên Quang", "sao", "Sơ kết", "sơ kết"] {
        assert!(!text.contains(absent), "{absent:?} in {text}");
    }
    assert!(text.contains("Tổng kết phong trào thi đua yêu nước xã Ia Sao năm 2025"));

    // The budget, in the text where the narrative put it, its total computed.
    assert!(text.contains("Tổng chi ngân sách năm 2025 là 6.760,5 triệu đồng:"), "{text}");
    assert!(text.contains("Biểu 1. Kinh phí năm 2025 Đơn vị tính: triệu đồng"), "{text}");
    assert!(
        text.contains("1 Chi thường xuyên 5.200 5.110,5 2 Chi đầu tư phát triển 1.800 1.650 Tổng cộng 7.000 6.760,5")
    );
    // Awards counted by form and kind, in the appendix after the targets.
    assert!(text.contains("Biểu 2. Kết quả thực hiện chỉ tiêu"), "{text}");
    assert!(text.contains("Biểu 3. Kết quả khen thưởng năm 2025 Đơn vị tính: lượt"), "{text}");
    assert!(
        text.contains("1 Giấy khen 4 2 2 2 Lao động tiên tiến 1 0 1 3 Chiến sĩ thi đua cơ sở 1 0 1 Tổng cộng 6 2 4")
    );
    assert!(text.contains("Hình thức Tổng số Tập thể Cá nhân"));
    assert!(text.contains("tặng Giấy khen cho 4 tập thể, cá nhân; 4 cá nhân được khen thưởng."), "{text}");

    // Targets: exact values, the percentage only where higher is better, the verdict right.
    assert!(text.contains("Tỷ lệ hộ nghèo % 2025 1,5 0,25 - Đạt"), "{text}");
    assert!(text.contains("Tổng thu ngân sách trên địa bàn triệu đồng 2025 5.448 5.612 103,0 Đạt"));
    assert!(text.contains("hồ sơ 2025 184 179 97,3 Không đạt"));
    assert!(!text.contains("16,7") && !text.contains("0,2 "), "no misleading percentage, no rounding");
    assert!(text.contains("Tỷ lệ hộ nghèo năm 2025: kế hoạch không quá 1,5%, thực hiện 0,25% (đạt)"), "{text}");
    assert!(text.contains("kế hoạch 5.448 triệu đồng, thực hiện 5.612 triệu đồng (đạt 103,0% kế hoạch)"));
    assert!(!text.contains("{'name'") && !text.contains("percent"), "no dump of the list");

    // Charts at the end of the results section: the targets' percentages (three units:
    // not planned against achieved on one axis; the poverty rate has none), the budget
    // (Dự toán against Thực hiện), the awards.
    for title in [
        "Biểu đồ 1. Tỷ lệ thực hiện so với kế hoạch 2025 103,0% Tổng thu ngân sách trên địa bàn 2025 97,3% Số hồ sơ",
        "Biểu đồ 2. Kinh phí năm 2025",
        "Biểu đồ 3. Kết quả khen thưởng năm 2025",
    ] {
        assert!(text.contains(title), "{title}");
    }
    assert!(!text.contains("Biểu đồ 4"));
    assert!(text.contains("(Số liệu chi tiết tại Phụ lục I kèm theo Báo cáo này)"));
    check_report_layout(
        &report,
        "Tổng kết phong trào",
        "TM. ỦY BAN NHÂN DÂN",
        "- Thường trực Đảng ủy xã",
        "Rơ Mah Hiếu",
    );

    // The workbook: each table on its sheet, totals as formulas equal to the computed
    // ones, one native chart per chart.
    let book = dir.join("so-lieu-bao-cao.xlsx");
    let names = open_workbook_auto(&book).unwrap().sheet_names();
    assert_eq!(names, ["Biểu 1", "Biểu 2", "Biểu 3"]);
    let budget = checked_sums(&book, "Biểu 1");
    assert_eq!(budget.iter().map(|(_, _, v)| *v).collect::<Vec<_>>(), [7000.0, 6760.5]);
    let awards = checked_sums(&book, "Biểu 3");
    assert_eq!(awards.iter().map(|(_, _, v)| *v).collect::<Vec<_>>(), [6.0, 2.0, 4.0]);
    // 0,25 is the number 0.25 in the workbook, the percentage of a lower-is-better target empty.
    let mut wb = open_workbook_auto(&book).unwrap();
    let targets = wb.worksheet_range("Biểu 2").unwrap();
    let poverty = targets.rows().find(|r| r.contains(&Data::String("Tỷ lệ hộ nghèo".into()))).unwrap();
    assert!(poverty.contains(&Data::Float(0.25)), "{poverty:?}");
    assert_eq!(chart_parts(&book), 3);
}

#[test]
fn the_commune_converts_both_ways_with_its_own_sheet() {
    let p = Project::new();
    let yaml = commune(&p);
    let direct = build_only(Source::File(yaml), &p.path("a"), &[DocKind::Summary]);
    assert!(!direct.diags.has_errors());
    let o = crate::util::vanthu(&["convert", "hoi-nghi.yaml", "--to", "xlsx", "-o", "lai.xlsx"], p.dir.path());
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    // The sheet of its own is a sheet of the workbook, read back as the same table.
    let rows = crate::util::read_sheet(&p.path("lai.xlsx"), "Kinh phí");
    assert_eq!(rows[2], ["Nội dung", "Dự toán", "Thực hiện"]);
    let again = build_only(Source::File(p.path("lai.xlsx")), &p.path("b"), &[DocKind::Summary]);
    assert!(!again.diags.has_errors(), "{:#?}", again.diags);
    for f in ["bao-cao-tong-ket.pdf", "so-lieu-bao-cao.xlsx"] {
        assert_eq!(std::fs::read(p.path("a").join(f)).unwrap(), std::fs::read(p.path("b").join(f)).unwrap(), "{f}");
    }
}

#[test]
fn a_department_charts_its_own_sheet() {
    let p = Project::new();
    // The department of `so.yaml`: its review's statistics are its own sheets of files
    // handled per quarter, charted as lines, and of its staff, as a pie.
    let path = p.file("hoi-nghi.yaml", &fixture("so.yaml"));
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Summary]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let report = p.out().join("bao-cao-tong-ket.pdf");
    let text = pdf::flat_text(&report);
    assert!(!text.contains("OCOP") && !text.contains("sao"), "{text}");
    assert!(text.contains("Sở tiếp nhận 5.448 hồ sơ thủ tục hành chính."), "{text}");
    // The chart where the text calls it, with every value written.
    let chart = text.find("Biểu đồ 1. Hồ sơ thủ tục hành chính theo quý").expect("the line chart");
    let after = &text[chart..text.find("Sở có 35 công chức.").expect("the text after the chart")];
    for v in ["1.204", "1.180", "1.388", "1.371", "1.546", "1.540", "Quý IV", "Tiếp nhận", "Giải quyết đúng hạn"]
    {
        assert!(after.contains(v), "{v} in the chart: {after}");
    }
    // The pie of the staff, its slices' shares; the table by size, with shares.
    assert!(text.contains("Biểu đồ 2. Công chức theo ngạch"));
    assert!(text.contains("Chuyên viên: 21 (60,0%)"), "{text}");
    assert!(
        text.contains("1 Chuyên viên 21 60,0 2 Chuyên viên chính 9 25,7 3 Thanh tra viên 5 14,3 Tổng cộng 35 100,0")
    );
    assert!(text.contains("Tổng cộng 5.448 5.393 6"), "{text}");
    assert!(text.contains("Số: /BC-SNV"));
    check_report_layout(&report, "Tổng kết công tác năm 2025", "GIÁM ĐỐC", "- UBND tỉnh (b/c)", "Đỗ Văn Hùng");
    let book = p.out().join("so-lieu-bao-cao.xlsx");
    assert_eq!(chart_parts(&book), 2);
    let sums = checked_sums(&book, "Biểu 1");
    assert_eq!(sums.iter().map(|(_, _, v)| *v).collect::<Vec<_>>(), [5448.0, 5393.0, 6.0]);
}

/// A workbook as a clerk keeps it: the budget sheet under a title and a unit line, with a
/// group header merged over two columns, figures typed as text, the clerk's own total row
/// and a signature footer.
fn budget_workbook(p: &Project, table_rows: Vec<Vec<C>>) -> PathBuf {
    let path = p.path("hoi-nghi.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let rows = |ws: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<C>]| {
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    C::S(s) => ws.write_string(r as u32, c as u16, *s).map(|_| ()).unwrap(),
                    C::T(s) => ws.write_string(r as u32, c as u16, s).map(|_| ()).unwrap(),
                    C::N(n) => ws.write_number(r as u32, c as u16, *n).map(|_| ()).unwrap(),
                    C::E => {}
                }
            }
        }
    };
    let ws = wb.add_worksheet();
    ws.set_name("Hội nghị").unwrap();
    rows(ws, &settings());
    let ws = wb.add_worksheet();
    ws.set_name("Đại biểu").unwrap();
    rows(
        ws,
        &[
            crate::util::delegate_header(),
            vec![N(1.0), S("DB01"), S("Ông"), S("Lê Văn An"), S("Giám đốc"), S("Sở Tài chính"), S("Sở ngành")],
        ],
    );
    let ws = wb.add_worksheet();
    ws.set_name("Báo cáo").unwrap();
    rows(
        ws,
        &[
            vec![S("Mục"), S("Nội dung")],
            vec![S("I. KẾT QUẢ"), S("Chi {{ tong(\"Ngân sách\", \"Thực hiện\") }} triệu đồng.")],
        ],
    );
    let ws = wb.add_worksheet();
    ws.set_name("Bảng biểu").unwrap();
    rows(ws, &table_rows);
    let ws = wb.add_worksheet();
    ws.set_name("Ngân sách").unwrap();
    let f = rust_xlsxwriter::Format::new();
    ws.merge_range(0, 0, 0, 3, "BẢNG TỔNG HỢP CHI NGÂN SÁCH NĂM 2025", &f).unwrap();
    ws.write_string(1, 3, "Đơn vị tính: triệu đồng").unwrap();
    ws.write_string(2, 0, "TT").unwrap();
    ws.write_string(2, 1, "Nội dung").unwrap();
    ws.merge_range(2, 2, 2, 3, "Kinh phí", &f).unwrap();
    ws.write_string(3, 2, "Dự toán").unwrap();
    ws.write_string(3, 3, "Thực hiện").unwrap();
    rows(
        ws,
        &[
            vec![],
            vec![],
            vec![],
            vec![],
            vec![S("(1)"), S("(2)"), S("(3)"), S("(4)")],
            vec![N(1.0), S("Chi thường xuyên"), S("5.200"), S("5.110,5")],
            vec![N(2.0), S("Chi đầu tư phát triển"), N(1800.0), N(1650.0)],
            vec![E, S("Tổng cộng"), N(7000.0), N(6760.0)],
            vec![E, E, E, S("Ia Sao, ngày 20 tháng 9 năm 2025")],
            vec![E, E, E, S("KẾ TOÁN")],
        ],
    );
    wb.save(&path).unwrap();
    path
}

fn header() -> Vec<C> {
    ["Mã", "Tên bảng", "Dữ liệu", "Hàng", "Giá trị", "Biểu đồ", "Cột biểu đồ"].map(S).to_vec()
}

#[test]
fn a_clerks_budget_sheet_is_read_as_typed() {
    let p = Project::new();
    let path = budget_workbook(
        &p,
        vec![
            header(),
            vec![
                S("ns"),
                S("Chi ngân sách"),
                S("Ngân sách"),
                E,
                S("Nội dung; Dự toán; Kinh phí - Thực hiện"),
                S("Cột"),
                S("Dự toán; Thực hiện"),
            ],
        ],
    );
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Summary]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("bao-cao.pdf"));
    // The clerk's total (6760, wrong) and the footer are not rows; vanthu adds up.
    assert!(text.contains("Chi 6.760,5 triệu đồng."), "{text}");
    assert!(text.contains("1 Chi thường xuyên 5.200 5.110,5 2 Chi đầu tư phát triển 1.800 1.650"), "{text}");
    assert!(!text.contains("KẾ TOÁN") && !text.contains("(1)"));
    let notes: Vec<String> =
        out.diags.iter().filter(|d| d.code == "skipped-row").map(|d| d.message.vi.clone()).collect();
    assert!(notes.iter().any(|n| n.contains("Tổng cộng")), "{notes:?}");
}

#[test]
fn a_name_that_is_not_there_is_an_error_at_its_cell() {
    let p = Project::new();
    let path = budget_workbook(
        &p,
        vec![
            header(),
            vec![S("a"), S("Sai cột"), S("Ngân sách"), S("Nguồn vốn"), S("Đếm"), E, E],
            vec![S("b"), S("Sai sheet"), S("Ngân sách xã"), E, E, E, E],
            vec![S("c"), S("Sai giá trị"), S("Ngân sách"), E, S("Nội dung; Tổng Kinh phí năm"), E, E],
            vec![
                S("d"),
                S("Hai đơn vị"),
                S("Ngân sách"),
                E,
                S("Nội dung; Dự toán (triệu đồng): Dự toán; Tỷ lệ (%): Thực hiện"),
                S("Cột"),
                S("Dự toán (triệu đồng); Tỷ lệ (%)"),
            ],
        ],
    );
    let outcome = check(&Source::File(path));
    assert_eq!(
        errors(&outcome),
        [
            "unknown-column @ Bảng biểu!D2",
            "unknown-source @ Bảng biểu!C3",
            "unknown-column @ Bảng biểu!E4",
            "chart-units @ Bảng biểu!G5",
        ]
    );
    let e: Vec<_> = outcome.diags.errors().collect();
    assert_eq!(e[0].message.vi, "Hàng: sheet “Ngân sách” không có cột \"Nguồn vốn\"");
    let hint = &e[0].hint.as_ref().unwrap().vi;
    assert!(hint.contains("“Nội dung”") && hint.contains("“Kinh phí - Dự toán”"), "{hint}");
    assert!(
        e[1].hint.as_ref().unwrap().vi.contains("“Ngân sách”")
            && e[1].hint.as_ref().unwrap().vi.contains("“Khen thưởng”")
    );
    assert!(e[3].message.vi.contains("triệu đồng") && e[3].message.vi.contains('%'), "{}", e[3].message.vi);
}

#[test]
fn a_narrative_function_that_fails_says_so_at_its_cell() {
    let p = Project::new();
    // The commune without its report, then a report whose calls fail.
    let commune = fixture("xa.yaml");
    let text = commune.split("\ntargets:\n").next().unwrap().to_string()
        + "\nsheets:\n  Kinh phí:\n    - {Nội dung: Chi, Dự toán: 1}\nreport:\n  sections:\n    - heading: I. KẾT QUẢ\n      body: |\n        Tổng {{ tong(\"Kinh phí\", \"Thực hiện\") }}.\n    - heading: II. BẢNG\n      body: |\n        Xem {{ bang(\"khong-co\") }} dưới đây.\n";
    let yaml = p.file("hoi-nghi.yaml", &text);
    let outcome = check(&Source::File(yaml.clone()));
    let e: Vec<_> = outcome.diags.errors().collect();
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[0].code, "report-function");
    assert_eq!(e[0].message.vi, "Nội dung: Cột: sheet “Kinh phí” không có cột \"Thực hiện\"");
    assert!(e[0].hint.as_ref().unwrap().vi.contains("“Dự toán”"));
    assert_eq!(e[1].message.vi, "Nội dung: không có bảng mã \"khong-co\"");
    let line =
        |t: &str| std::fs::read_to_string(&yaml).unwrap().lines().position(|l| l.contains(t)).unwrap() as u32 + 1;
    let at = |d: &vanthu::diag::Diagnostic| match d.loc.as_ref().unwrap() {
        vanthu::diag::Loc::Yaml { line, .. } => *line,
        other => panic!("{other:?}"),
    };
    // At the text's first line.
    assert_eq!(at(e[0]), line("Tổng {{ tong("));
    assert_eq!(at(e[1]), line("Xem {{ bang("));
}
