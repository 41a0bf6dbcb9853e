//! Workbooks as clerks really make them, each once silently misread: a record right under
//! the header, companies called "Tổng công ty", a footer under the total, a hidden stale
//! copy of a sheet, merged cells, honorifics typed into names, headers that only start
//! like a known one, a date where a time belongs, formula errors, a renamed sheet.

use rust_xlsxwriter::{Format, Workbook};
use vanthu::input::Source;
use vanthu::pipeline::{Outcome, Timings, prepare};

use crate::util::{C, E, N, Project, S, build, delegate_header, errors, pdf, settings, vanthu};

fn delegate(id: &'static str, honorific: &'static str, name: &'static str, org: &'static str) -> Vec<C> {
    vec![N(1.0), S(id), S(honorific), S(name), S("Giám đốc"), S(org), S("Sở, ban, ngành"), E]
}

fn codes(o: &Outcome, code: &str) -> Vec<String> {
    o.diags
        .iter()
        .filter(|d| d.code == code)
        .map(|d| format!("{} {}", d.loc.as_ref().map(|l| l.short()).unwrap_or_default(), d.message.vi))
        .collect()
}

fn dataset(path: std::path::PathBuf) -> (Option<vanthu::model::Dataset>, vanthu::diag::Diagnostics) {
    let mut diags = vanthu::diag::Diagnostics::new();
    let prepared = prepare(&Source::File(path), &mut diags, &mut Timings::default());
    (prepared.map(|p| p.dataset), diags)
}

#[test]
fn the_first_record_is_not_taken_for_a_second_header_row() {
    let p = Project::new();
    // An unknown column (`Phản hồi`) whose first value, `Tham dự`, is a known header.
    let mut header = delegate_header();
    header.push(S("Phản hồi"));
    let mut first = delegate("UB01", "Ông", "Nguyễn Văn An", "Sở Tài chính");
    first.push(S("Tham dự"));
    let second = delegate("UB02", "Bà", "Trần Thị Bình", "Sở Nội vụ");
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", vec![header, first, second])]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let names: Vec<&str> = ds.delegates.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
}

#[test]
fn totals_are_told_from_companies_and_the_footer_is_passed_over() {
    let p = Project::new();
    let rows = vec![
        delegate_header(),
        delegate("DN01", "Ông", "Lê Văn Cường", "Tổng công ty Thương mại Sài Gòn"),
        // `Tổng công ty …` in the first column of a row without STT: a record.
        vec![
            E,
            S("DN02"),
            S("Ông"),
            S("Phạm Văn Dũng"),
            S("Giám đốc"),
            S("Tổng công ty Lâm nghiệp"),
            S("Doanh nghiệp"),
            E,
        ],
        vec![S("Tổng cộng: 2 đại biểu"), E, E, E, E, E, E, E],
        vec![E, E, E, S("Tuyên Quang, ngày 05 tháng 12 năm 2023"), E, E, E, E],
        vec![E, E, E, S("NGƯỜI LẬP BIỂU"), E, E, E, E],
        vec![E, E, E, S("Hà Thị Thu Trang"), E, E, E, E],
    ];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ds.delegates.len(), 2, "{diags:#?}");
    let skipped: Vec<String> =
        diags.iter().filter(|d| d.code == "skipped-row").map(|d| d.loc.as_ref().unwrap().short()).collect();
    assert_eq!(skipped, ["Đại biểu!4:4", "Đại biểu!5:5", "Đại biểu!6:6", "Đại biểu!7:7"]);
}

#[test]
fn a_hidden_stale_copy_loses_to_the_visible_sheet() {
    let p = Project::new();
    let path = p.path("a.xlsx");
    let mut wb = Workbook::new();
    let write = |ws: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<&str>]| {
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    };
    let settings: Vec<Vec<&str>> =
        settings().into_iter().map(|r| r.into_iter().map(|c| if let C::S(s) = c { s } else { "" }).collect()).collect();
    write(wb.add_worksheet().set_name("Hội nghị").unwrap(), &settings);
    let header = vec!["Danh xưng", "Họ và tên", "Cơ quan, đơn vị", "Nhóm"];
    let stale = wb.add_worksheet().set_name("DS đại biểu").unwrap();
    write(stale, &[header.clone(), vec!["Ông", "Người Cũ", "Sở Tài chính", "Sở, ban, ngành"]]);
    stale.set_hidden(true);
    write(
        wb.add_worksheet().set_name("Đại biểu").unwrap(),
        &[header, vec!["Bà", "Người Mới", "Sở Tài chính", "Sở, ban, ngành"]],
    );
    wb.save(&path).unwrap();
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ds.delegates[0].name, "Người Mới");
    assert!(diags.iter().any(|d| d.code == "hidden-sheet"), "{diags:#?}");
    assert!(!diags.iter().any(|d| d.code == "unknown-sheet"), "{diags:#?}");
}

#[test]
fn vertically_merged_cells_hold_their_value_on_every_row() {
    let p = Project::new();
    let path = p.path("a.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Hội nghị").unwrap();
    for (r, row) in settings().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let C::S(s) = cell {
                ws.write_string(r as u32, c as u16, *s).unwrap();
            }
        }
    }
    let ws = wb.add_worksheet().set_name("Đại biểu").unwrap();
    for (c, h) in ["Danh xưng", "Họ và tên", "Cơ quan, đơn vị", "Nhóm"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (t, n)) in [("Ông", "Nguyễn Văn An"), ("Bà", "Trần Thị Bình"), ("Ông", "Lê Văn Cường")].iter().enumerate()
    {
        ws.write_string(1 + r as u32, 0, *t).unwrap();
        ws.write_string(1 + r as u32, 1, *n).unwrap();
    }
    // One office and one group for the three rows, merged down.
    ws.merge_range(1, 2, 3, 2, "Sở Tài chính", &Format::new()).unwrap();
    ws.merge_range(1, 3, 3, 3, "Sở, ban, ngành", &Format::new()).unwrap();
    wb.save(&path).unwrap();
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let orgs: Vec<&str> = ds.delegates.iter().map(|d| d.organization.as_str()).collect();
    assert_eq!(orgs, ["Sở Tài chính"; 3]);
    let notes = diags.iter().filter(|d| d.code == "merged-cells").count();
    assert_eq!(notes, 2, "{diags:#?}");
}

#[test]
fn honorifics_typed_into_names_are_not_printed_twice() {
    let p = Project::new();
    let rows = vec![
        delegate_header(),
        delegate("UB01", "Đồng chí", "Đồng chí Nguyễn Thế Giang", "UBND tỉnh"),
        // No Danh xưng: the one in the name is used.
        delegate("SN01", "", "Đ/c Lý Văn Sơn", "Sở Tài chính"),
    ];
    let mut rows = rows;
    rows[2][2] = E;
    let agenda = vec![
        ["STT", "Thời gian", "Thời lượng (phút)", "Nội dung", "Người thực hiện", "Loại", "Lời dẫn"].map(S).to_vec(),
        vec![
            N(1.0),
            S("08:00"),
            N(10.0),
            S("Phát biểu khai mạc"),
            // Written out in full, as invitations do: still that delegate.
            S("Đồng chí Nguyễn Thế Giang, Phó Chủ tịch UBND tỉnh"),
            S("phat-bieu"),
            S("Trân trọng kính mời đồng chí {{ by.name }} phát biểu khai mạc."),
        ],
    ];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows), ("Chương trình", agenda)]);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let warned = codes(&out, "honorific-in-name");
    assert_eq!(warned.len(), 2, "{warned:#?}");
    assert!(warned[0].starts_with("Đại biểu!D2"), "{warned:#?}");
    let invitations = pdf::flat_text(&p.out().join("giay-moi.pdf"));
    assert!(invitations.contains("Đồng chí Nguyễn Thế Giang, Giám đốc"), "{invitations}");
    assert!(invitations.contains("Đồng chí Lý Văn Sơn, Giám đốc Sở Tài chính"), "{invitations}");
    assert!(!invitations.contains("Đồng chí Đồng chí") && !invitations.contains("Đ/c"), "{invitations}");
    let script = pdf::text(&p.out().join("kich-ban.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(script.contains("Trân trọng kính mời đồng chí Nguyễn Thế Giang"), "{script}");
    let (ds, _) = dataset(p.path("a.xlsx"));
    assert_eq!(ds.unwrap().agenda[0].by, Some(vanthu::model::Performer::Delegate(0)), "linked by the written name");
}

#[test]
fn headers_that_only_start_like_a_known_one_are_not_forced_onto_it() {
    let p = Project::new();
    let header =
        ["Danh xưng", "Họ và tên", "Vị trí công tác", "Cơ quan, đơn vị", "Nhóm", "Địa chỉ thư điện tử", "Địa chỉ"]
            .map(S)
            .to_vec();
    let row =
        ["Ông", "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Sở, ban, ngành", "an@stc.gov.vn", "Số 1 Đường 17/8"]
            .map(S)
            .to_vec();
    let awards = vec![
        ["STT", "Loại", "Danh xưng", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị"].map(S).to_vec(),
        vec![
            N(1.0),
            S("Cá nhân"),
            S("Ông"),
            S("Hà Thanh Minh"),
            S("Phó Chi cục trưởng"),
            S("Chi cục Phát triển nông thôn"),
        ],
    ];
    let path =
        p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", vec![header, row]), ("Khen thưởng", awards)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let d = &ds.delegates[0];
    assert_eq!(d.position.as_deref(), Some("Giám đốc"));
    assert_eq!(d.email.as_deref(), Some("an@stc.gov.vn"));
    assert_eq!(d.address.as_deref(), Some("Số 1 Đường 17/8"));
    assert_eq!(d.seat, None);
    // Position and unit in two columns are joined.
    let unit = ds.awards[0].unit.as_deref().unwrap_or_default();
    assert!(unit.starts_with("Phó Chi cục trưởng") && unit.ends_with("Chi cục Phát triển nông thôn"), "{unit}");
}

#[test]
fn wrong_kinds_of_value_are_errors_at_their_cell() {
    let p = Project::new();
    let path = p.path("a.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Hội nghị").unwrap();
    for (r, row) in settings().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let C::S(s) = cell {
                ws.write_string(r as u32, c as u16, *s).unwrap();
            }
        }
    }
    // An Excel date where the start time belongs (it once printed "00 giờ 00 phút"), and a
    // contact phone that is no number.
    ws.write_number_with_format(4, 1, 45275.0, &Format::new().set_num_format("dd/mm/yyyy")).unwrap();
    ws.write_string(14, 0, "Điện thoại liên hệ").unwrap();
    ws.write_string(14, 1, "không có").unwrap();
    let ws = wb.add_worksheet().set_name("Đại biểu").unwrap();
    for (c, h) in ["Danh xưng", "Họ và tên", "Cơ quan, đơn vị", "Nhóm", "Điện thoại"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["Ông", "Nguyễn Văn An", "Sở Tài chính", "Sở, ban, ngành", "chưa có số"].iter().enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    wb.save(&path).unwrap();
    let out = build(Source::File(path), &p.out());
    assert_eq!(errors(&out), ["invalid-time @ Hội nghị!B5"], "{:#?}", out.diags);
    let phones: Vec<String> = codes(&out, "invalid-phone");
    assert_eq!(phones.len(), 2, "{phones:#?}");
}

#[test]
fn a_sheet_renamed_with_a_suffix_is_still_found() {
    let p = Project::new();
    let rows = vec![delegate_header(), delegate("UB01", "Ông", "Nguyễn Văn An", "Sở Tài chính")];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu (sửa 12-12)", rows)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ds.delegates.len(), 1);
    assert!(diags.iter().any(|d| d.code == "renamed-sheet"), "{diags:#?}");
}

#[test]
fn a_settings_sheet_numbered_without_a_header_is_read() {
    let p = Project::new();
    let config: Vec<Vec<C>> = settings()
        .into_iter()
        .skip(1)
        .enumerate()
        .map(|(i, mut r)| {
            r.insert(0, N(i as f64 + 1.0));
            r
        })
        .collect();
    let rows = vec![delegate_header(), delegate("UB01", "Ông", "Nguyễn Văn An", "Sở Tài chính")];
    let path = p.workbook("a.xlsx", &[("Hội nghị", config), ("Đại biểu", rows)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ds.conference.title, "Hội nghị thử nghiệm");
}

#[test]
fn one_mistake_gives_one_message() {
    let p = Project::new();
    let mut rows = vec![delegate_header(), delegate("UB02", "Ô.", "Nguyễn Thế Giang", "UBND tỉnh")];
    rows.push(delegate("SN01", "Bà", "Trần Thị Bình", "Sở Nội vụ"));
    let agenda = vec![
        ["Thời lượng (phút)", "Nội dung", "Người thực hiện"].map(S).to_vec(),
        vec![N(10.0), S("Phát biểu khai mạc"), S("UB02")],
    ];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows), ("Chương trình", agenda)]);
    let out = build(Source::File(path), &p.out());
    assert_eq!(errors(&out), ["invalid-choice @ Đại biểu!C2"], "{:#?}", out.diags);
}

#[test]
fn the_same_person_twice_and_dates_that_cannot_be_right_are_warned_about() {
    let p = Project::new();
    let mut config = settings();
    config[9] = vec![S("Giấy mời: Ngày"), S("20/12/2023")];
    let mut rows = vec![delegate_header(), delegate("", "Ông", "Đào Văn Khánh", "Sở Nội vụ")];
    rows.push(delegate("", "Ông", "Đào Văn Khánh", "Sở Nội vụ"));
    let path = p.workbook("a.xlsx", &[("Hội nghị", config), ("Đại biểu", rows)]);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    assert_eq!(codes(&out, "duplicate-person").len(), 1);
    let dates = codes(&out, "date-mismatch");
    assert!(dates.len() == 1 && dates[0].starts_with("Hội nghị!B10"), "{dates:#?}");
    // Their files do not repeat the name.
    let files = crate::util::files(&p.out().join("giay-moi"));
    assert!(files.iter().all(|f| f.matches("dao-van-khanh").count() == 1), "{files:?}");
}

#[test]
fn a_very_long_name_gives_a_short_file_name() {
    let p = Project::new();
    let long: &'static str = Box::leak("Nguyễn Văn An ".repeat(25).into_boxed_str());
    let rows = vec![delegate_header(), delegate("UB01", "Ông", long, "Sở Tài chính")];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows)]);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors() && !out.internal_failure, "{:#?}", out.diags);
    let files = crate::util::files(&p.out().join("giay-moi"));
    assert!(files.len() == 1 && files[0].len() <= 64, "{files:?}");
}

#[test]
fn districts_written_short_and_unknown_producer_kinds_still_add_up() {
    let p = Project::new();
    let products = vec![
        ["Tên sản phẩm", "Chủ thể", "Loại chủ thể", "Huyện, thành phố", "Nhóm sản phẩm", "Hạng sao", "Năm công nhận"]
            .map(S)
            .to_vec(),
        vec![S("Chè A"), S("HTX A"), S("Hợp tác xã"), S("Huyện Na Hang"), S("Thực phẩm"), N(3.0), N(2023.0)],
        vec![S("Chè B"), S("HTX B"), S("Cơ sở sản xuất"), S("H. Na Hang"), S("Thực phẩm"), N(4.0), N(2023.0)],
    ];
    let rows = vec![delegate_header(), delegate("UB01", "Ông", "Nguyễn Văn An", "Sở Tài chính")];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows), ("Sản phẩm OCOP", products)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let stats = vanthu::plan::stats::compute(&ds.products, &ds.targets, &ds.report_settings.district_order);
    let na_hang = stats.districts.iter().find(|d| d.name == "Huyện Na Hang").unwrap();
    assert_eq!(na_hang.counts.total, 2, "H. Na Hang is Na Hang");
    assert_eq!(stats.districts.iter().filter(|d| d.counts.total > 0).count(), 1);
    let by_kind: usize = stats.kinds.iter().map(|k| k.products).sum();
    assert_eq!(by_kind, stats.total, "Biểu 4 adds up");
    assert!(diags.iter().any(|d| d.code == "unknown-producer-kind"), "{diags:#?}");
}

#[test]
fn yaml_mistakes_are_said_where_they_are() {
    let p = Project::new();
    let base = vanthu::workbook::starter::yaml(Default::default());
    // A key given twice: said at the second one.
    let twice = base.replacen("    name: Trần Thị B\n", "    name: Trần Thị B\n    name: Trần Thị C\n", 1);
    let line = twice.lines().position(|l| l == "    name: Trần Thị C").unwrap() + 1;
    p.file("twice.yaml", &twice);
    let o = vanthu(&["check", "twice.yaml"], p.dir.path());
    let err = crate::util::stderr(&o);
    assert!(err.contains(&format!("twice.yaml:{line}:5")) && err.contains("lặp lại"), "{err}");
    // A tab.
    p.file("tab.yaml", &base.replacen("  title:", "\ttitle:", 1));
    let err = crate::util::stderr(&vanthu(&["check", "tab.yaml"], p.dir.path()));
    assert!(err.contains("Tab"), "{err}");
    // `- Lưu: VT, NLN` unquoted is the text it looks like.
    p.file("luu.yaml", &base.replace("- \"Lưu: VT, VP\"", "- Lưu: VT, VP"));
    let out = build(Source::File(p.path("luu.yaml")), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("giay-moi.pdf"));
    assert!(text.contains("- Lưu: VT, VP."), "{text}");
}

#[test]
fn a_formula_never_computed_is_said_as_such() {
    let p = Project::new();
    let path = p.path("a.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Hội nghị").unwrap();
    for (r, row) in settings().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let C::S(s) = cell {
                ws.write_string(r as u32, c as u16, *s).unwrap();
            }
        }
    }
    // An optional setting given by a formula too (the signer's name copied from a cell).
    let n = settings().len() as u32;
    ws.write_string(n, 0, "Quyết định: Người ký").unwrap();
    ws.write_formula(n, 1, rust_xlsxwriter::Formula::new("=B11")).unwrap();
    let ws = wb.add_worksheet().set_name("Đại biểu").unwrap();
    for (c, h) in ["Danh xưng", "Họ và tên", "Cơ quan, đơn vị", "Nhóm", "Họ", "Tên", "Chức vụ"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["Ông", "", "Sở Tài chính", "Sở, ban, ngành", "Nguyễn Văn", "An"].iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
    }
    ws.write_formula(1, 1, rust_xlsxwriter::Formula::new("=E2&\" \"&F2")).unwrap();
    // An optional column as well.
    ws.write_formula(1, 6, rust_xlsxwriter::Formula::new("=\"Giám đốc\"")).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    // What a program writes: the formula without its value (rust_xlsxwriter caches a 0).
    strip_cached_values(&bytes, &path);
    let out = build(Source::File(path), &p.out());
    assert_eq!(
        errors(&out),
        [
            "formula-not-computed @ Hội nghị!B15",
            "formula-not-computed @ Đại biểu!B2",
            "formula-not-computed @ Đại biểu!G2"
        ],
        "{:#?}",
        out.diags
    );
}

#[test]
fn settings_labels_may_be_numbered() {
    let p = Project::new();
    let numbered: Vec<Vec<C>> = settings()
        .into_iter()
        .enumerate()
        .map(|(i, mut row)| {
            if i > 0
                && let C::S(label) = row[0]
            {
                row[0] = C::T(format!("{i}. {label}"));
            }
            row
        })
        .collect();
    let path = p.workbook(
        "a.xlsx",
        &[
            ("Hội nghị", numbered),
            ("Đại biểu", vec![delegate_header(), delegate("UB01", "Ông", "Lê Văn An", "Sở Tài chính")]),
        ],
    );
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ds.conference.title, "Hội nghị thử nghiệm");
    assert_eq!(ds.invitation.signer.name, "Bùi Văn Phong");
}

/// Copies an xlsx package, dropping the cached values of formula cells.
fn strip_cached_values(xlsx: &[u8], to: &std::path::Path) {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..from.len() {
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).unwrap();
            data = text.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_whole_header_wins_over_one_that_only_starts_like_it_wherever_it_stands() {
    let p = Project::new();
    // Columns that start like a known header stand to the left of the real ones.
    let header = [
        "Email đơn vị",
        "Họ và tên người đi thay",
        "Danh xưng",
        "Họ và tên",
        "Chức vụ, đơn vị",
        "Cơ quan, đơn vị",
        "Nhóm",
        "Điện thoại di động",
        "Email",
        "Điện thoại",
    ]
    .map(S)
    .to_vec();
    let row = [
        "vp@stc.gov.vn",
        "Lê Văn Cường",
        "Ông",
        "Nguyễn Văn An",
        "Giám đốc",
        "Sở Tài chính",
        "Sở, ban, ngành",
        "0912345678",
        "an@stc.gov.vn",
        "02073822111",
    ]
    .map(S)
    .to_vec();
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", vec![header, row])]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let d = &ds.delegates[0];
    assert_eq!(d.name, "Nguyễn Văn An");
    assert_eq!(d.email.as_deref(), Some("an@stc.gov.vn"));
    assert_eq!(d.phone.as_deref(), Some("02073822111"));
    // `Chức vụ, đơn vị` is another name of the unit; with the unit's own column there, it
    // holds the position.
    assert_eq!(d.position.as_deref(), Some("Giám đốc"));
    assert_eq!(d.organization, "Sở Tài chính");
    let unused: Vec<&str> =
        diags.iter().filter(|d| d.code == "unknown-columns").map(|d| d.message.vi.as_str()).collect();
    assert_eq!(
        unused,
        ["các cột không dùng đến được bỏ qua: \"Email đơn vị\", \"Họ và tên người đi thay\", \"Điện thoại di động\""]
    );
}

#[test]
fn invisible_rows_and_numbered_section_rows_are_passed_over() {
    let p = Project::new();
    let rows = vec![
        delegate_header(),
        // The section's number in the STT column, its title in the next one.
        vec![S("I"), S("THƯỜNG TRỰC TỈNH ỦY"), E, E, E, E, E, E],
        delegate("UB01", "Ông", "Nguyễn Văn An", "Tỉnh ủy"),
        vec![S("II."), E, E, S("Các sở, ban, ngành"), E, E, E, E],
        delegate("UB02", "Bà", "Trần Thị Bình", "Sở Nội vụ"),
        // A row that looks empty: a zero-width space, a byte-order mark.
        vec![N(3.0), E, E, S("\u{200b}"), S("\u{feff}"), E, E, E],
    ];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows)]);
    let (ds, diags) = dataset(path);
    let ds = ds.unwrap_or_else(|| panic!("{diags:#?}"));
    let names: Vec<&str> = ds.delegates.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
    let skipped: Vec<String> = diags
        .iter()
        .filter(|d| d.code == "skipped-row")
        .map(|d| format!("{} {}", d.loc.as_ref().unwrap().short(), d.message.vi))
        .collect();
    assert_eq!(
        skipped,
        [
            "Đại biểu!2:2 bỏ qua dòng tiêu đề mục \"I THƯỜNG TRỰC TỈNH ỦY\"",
            "Đại biểu!4:4 bỏ qua dòng tiêu đề mục \"II. Các sở, ban, ngành\""
        ]
    );
}

#[test]
fn a_name_too_long_for_one_line_wraps_on_the_invitation() {
    let p = Project::new();
    let long = "Nguyễn Văn An, Trần Thị Bình và Lê Văn Cường (đại diện Ban Giám đốc Công ty)";
    let rows = vec![
        delegate_header(),
        vec![N(1.0), S("DN01"), S("Ông"), S(long), S("Giám đốc"), S("Công ty Chè Mỹ Lâm"), S("Doanh nghiệp"), E],
    ];
    let path = p.workbook("a.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows)]);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let pdf_path = p.out().join("giay-moi.pdf");
    assert!(pdf::flat_text(&pdf_path).contains(long), "{}", pdf::text(&pdf_path));
    // Every line of the page stays inside the right margin (15 mm).
    let page = pdf::page(&pdf_path, 1);
    let right = page.width - 15.0 * 72.0 / 25.4;
    for r in page.runs() {
        assert!(r.x1 <= right + 1.0, "{:?} runs off the page: {} > {right}", r.text, r.x1);
    }
}
