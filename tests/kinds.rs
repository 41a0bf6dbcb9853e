//! Every kind of Decree 30, Article 7 a text document may be — with its abbreviation from
//! Appendix III, I and the header its form in Appendix III, II has — and the marks of
//! Appendix I, III (urgency, secrecy, a draft's mark, the drafter's initials and the copies,
//! the address block), each from a sample in `tests/fixtures/van-ban-kinds/` rendered alone
//! with `vanthu render`, read back and measured.

use std::path::PathBuf;

use vanthu::model::DOC_TYPES;

use crate::layout::{check_first_page, check_margins, check_signature};
use crate::util::pdf::{self, Page, Run};
use crate::util::{Project, stderr, vanthu};

const MM: f64 = 72.0 / 25.4;
const BOLD: &str = "LiberationSerif-Bold";
const REGULAR: &str = "LiberationSerif";

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/van-ban-kinds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A sample rendered alone, as a clerk would (`vanthu render x.md`): no warning, its pages.
fn render(name: &str) -> (Vec<Page>, PathBuf, Project) {
    let p = Project::new();
    p.file(name, &fixture(name));
    let o = vanthu(&["render", name, "-o", "out.pdf"], p.dir.path());
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    assert!(!stderr(&o).contains("cảnh báo:"), "{name} renders with no warning: {}", stderr(&o));
    let path = p.path("out.pdf");
    (pdf::all_pages(&path), path, p)
}

fn signed(pages: &[Page]) -> &Page {
    pages.iter().find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).expect("a page with Nơi nhận")
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// The middle of the number line (`Số: 12/GM-UBND`, or `Số:` and `/KH-UBND` apart when
/// the number is blank).
fn number_centre(page: &Page) -> (f64, f64) {
    let so = page.run("Số:");
    let end = page.runs().into_iter().filter(|r| close(r.y, so.y, 0.5) && r.x0 >= so.x0 && r.x1 < 100.0 * MM);
    let x1 = end.map(|r| r.x1).fold(so.x1, f64::max);
    ((so.x0 + x1) / 2.0, so.y)
}

/// A stamp's word: bold 13 pt, centred under the number, below it and above `below`.
fn check_stamp(page: &Page, word: &str, above: f64) -> Run {
    let r = page.runs().into_iter().find(|r| r.text == word).unwrap_or_else(|| panic!("no stamp {word}"));
    assert_eq!((r.font.as_str(), r.size), (BOLD, 13.0), "{word}");
    let (centre, y) = number_centre(page);
    assert!(close((r.x0 + r.x1) / 2.0, centre, 2.0), "{word} centred under the number: {r:?} vs {centre}");
    assert!(r.y > y && r.y < above, "{word} under the number ({y}) and above {above}: {}", r.y);
    r
}

#[test]
fn the_kinds_are_article_7_s_with_appendix_iii_s_abbreviations() {
    let expected = [
        ("Nghị quyết", "NQ"),
        ("Quyết định", "QĐ"),
        ("Chỉ thị", "CT"),
        ("Quy chế", "QC"),
        ("Quy định", "QyĐ"),
        ("Thông cáo", "TC"),
        ("Thông báo", "TB"),
        ("Hướng dẫn", "HD"),
        ("Chương trình", "CTr"),
        ("Kế hoạch", "KH"),
        ("Phương án", "PA"),
        ("Đề án", "ĐA"),
        ("Dự án", "DA"),
        ("Báo cáo", "BC"),
        ("Biên bản", "BB"),
        ("Tờ trình", "TTr"),
        ("Hợp đồng", "HĐ"),
        ("Công văn", ""),
        ("Công điện", "CĐ"),
        ("Bản ghi nhớ", "BGN"),
        ("Bản thỏa thuận", "BTT"),
        ("Giấy ủy quyền", "GUQ"),
        ("Giấy mời", "GM"),
        ("Giấy giới thiệu", "GGT"),
        ("Giấy nghỉ phép", "GNP"),
        ("Phiếu gửi", "PG"),
        ("Phiếu chuyển", "PC"),
        ("Phiếu báo", "PB"),
        ("Thư công", ""),
    ];
    assert_eq!(DOC_TYPES.len(), expected.len(), "the 29 kinds of Article 7");
    for (name, abbr) in expected {
        let t = DOC_TYPES.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no kind {name}"));
        assert_eq!(t.abbr, abbr, "{name}");
        assert_eq!(vanthu::model::DocType::parse(&name.to_lowercase()), Some(*t), "{name} read loosely");
        if !abbr.is_empty() {
            assert_eq!(vanthu::model::DocType::parse(abbr), Some(*t), "{abbr}");
        }
    }
    let form = |name: &str| DOC_TYPES.iter().find(|t| t.name == name).unwrap().form;
    assert_eq!(
        ["Giấy mời", "Giấy giới thiệu", "Biên bản", "Giấy nghỉ phép", "Công điện", "Phiếu gửi"].map(form),
        ["1.7", "1.8", "1.9", "1.10", "1.6", "1.4"]
    );
}

#[test]
fn every_new_kind_renders_alone_and_meets_decree_30() {
    // (file, title, number and symbol, subject's start (none: the form has none), authority,
    // first recipient, signer)
    let cases = [
        (
            "giay-moi.md",
            "GIẤY MỜI",
            "Số: 1208/GM-BNNMT",
            Some("Dự Hội nghị toàn quốc"),
            "TL. BỘ TRƯỞNG",
            "- Như trên;",
            "Phạm Quốc Việt",
        ),
        (
            "giay-gioi-thieu.md",
            "GIẤY GIỚI THIỆU",
            "Số: 27/GGT-UBND",
            None,
            "TL. CHỦ TỊCH",
            "- Như trên;",
            "Rơ Châm Hyơn",
        ),
        (
            "giay-nghi-phep.md",
            "GIẤY NGHỈ PHÉP",
            "Số: 06/GNP-UBND",
            None,
            "CHỦ TỊCH",
            "- Bà Đinh Thị Hạnh;",
            "Rơ Mah Hiếu",
        ),
        (
            "giay-uy-quyen.md",
            "GIẤY ỦY QUYỀN",
            "Số: 03/GUQ-SNNMT",
            Some("Ủy quyền ký hợp đồng"),
            "GIÁM ĐỐC",
            "- Như Điều 1;",
            "Hoàng Văn Sơn",
        ),
        (
            "phieu-gui.md",
            "PHIẾU GỬI",
            "Số: 412/PG-SNNMT",
            Some("Gửi hồ sơ"),
            "KT. GIÁM ĐỐC",
            "- Như trên;",
            "Triệu Thị Lan",
        ),
        (
            "phieu-chuyen.md",
            "PHIẾU CHUYỂN",
            "Số: 415/PC-SNNMT",
            Some("Chuyển đơn"),
            "KT. GIÁM ĐỐC",
            "- Như trên;",
            "Triệu Thị Lan",
        ),
        (
            "phieu-bao.md",
            "PHIẾU BÁO",
            "Số: 412/PB-SNNMT",
            Some("Báo lịch"),
            "KT. GIÁM ĐỐC",
            "- Như trên;",
            "Triệu Thị Lan",
        ),
        ("du-an.md", "DỰ ÁN", "Số: 48/DA-SNNMT", Some("Xây dựng điểm"), "KT. GIÁM ĐỐC", "- Như trên;", "Triệu Thị Lan"),
        (
            "hop-dong.md",
            "HỢP ĐỒNG",
            "Số: 111/HĐ-SNNMT",
            Some("Thuê hội trường"),
            "GIÁM ĐỐC",
            "- Các bên;",
            "Hoàng Văn Sơn",
        ),
        (
            "ban-ghi-nho.md",
            "BẢN GHI NHỚ",
            "Số: 114/BGN-SNNMT",
            Some("Hợp tác tiêu thụ"),
            "GIÁM ĐỐC",
            "- Các bên;",
            "Hoàng Văn Sơn",
        ),
        (
            "ban-thoa-thuan.md",
            "BẢN THỎA THUẬN",
            "Số: 117/BTT-SNNMT",
            Some("Phối hợp truyền thông"),
            "GIÁM ĐỐC",
            "- Các bên;",
            "Hoàng Văn Sơn",
        ),
    ];
    for (file, title, number, subject, authority, recipient, signer) in cases {
        let (pages, _, _p) = render(file);
        let first = &pages[0];
        // A form with no trích yếu (Mẫu 1.8, 1.10): the rule 1/3–1/2 of the type's line,
        // under it.
        let top = check_first_page(first, title, number, subject.unwrap_or(title));
        assert_eq!(first.run(title).text, title, "{file}: the type alone on its line");
        if subject.is_none() {
            let under = first.runs().into_iter().find(|r| r.y > top.y + 1.0 && r.y < top.y + 24.0 && r.font == BOLD);
            assert!(under.is_none(), "{file}: no subject under the type: {under:?}");
        }
        assert_eq!(first.run(number).text, number, "{file}");
        for (n, page) in pages.iter().enumerate() {
            check_margins(page, n + 1);
        }
        check_signature(signed(&pages), authority, recipient, signer);
        assert!(pdf::flat_text(&_p.path("out.pdf")).contains("./."), "{file}: the body ends with ./.");
    }
}

#[test]
fn one_invitation_to_34_provinces() {
    let (pages, path, _p) = render("giay-moi.md");
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let text = pdf::flat_text(&path);
    assert!(text.contains("Bộ Nông nghiệp và Môi trường trân trọng kính mời: Đại diện lãnh đạo"), "{text}");
    assert!(text.contains("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."), "{text}");
    let provinces = [
        "Thành phố Hà Nội",
        "Thành phố Huế",
        "Thành phố Hải Phòng",
        "Thành phố Đà Nẵng",
        "Thành phố Hồ Chí Minh",
        "Thành phố Cần Thơ",
        "Tuyên Quang",
        "Cao Bằng",
        "Lai Châu",
        "Lào Cai",
        "Thái Nguyên",
        "Điện Biên",
        "Lạng Sơn",
        "Sơn La",
        "Phú Thọ",
        "Bắc Ninh",
        "Quảng Ninh",
        "Hưng Yên",
        "Ninh Bình",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Quảng Trị",
        "Quảng Ngãi",
        "Gia Lai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Đắk Lắk",
        "Đồng Nai",
        "Tây Ninh",
        "Vĩnh Long",
        "Đồng Tháp",
        "Cà Mau",
        "An Giang",
    ];
    for (i, p) in provinces.iter().enumerate() {
        assert!(pages.iter().any(|pg| pg.runs().iter().any(|r| r.text == *p)), "province {} ({p}) in its cell", i + 1);
    }
    // Khẩn (ô 10b) under the number, above the type; the drafter and copies (ô 12) under
    // the last recipient.
    let first = &pages[0];
    check_stamp(first, "KHẨN", first.run("GIẤY MỜI").y);
    let page = signed(&pages);
    let keep = page.run("- Lưu: VT, VPĐP.");
    let initials = page.run("NTL.(45)");
    assert_eq!((initials.font.as_str(), initials.size), (REGULAR, 11.0));
    assert!(initials.y > keep.y && initials.y - keep.y < 16.0, "right under Lưu: {keep:?} {initials:?}");
    assert!(close(initials.x0, 30.0 * MM, 0.5), "flush left");
}

#[test]
fn marks_stand_where_appendix_i_puts_them() {
    // Hỏa tốc under a công văn's V/v; the address block at the foot of page 1.
    let (pages, _, _p) = render("cong-van-hoa-toc.md");
    let first = &pages[0];
    let vv = first.run("V/v triển khai");
    assert_eq!((vv.font.as_str(), vv.size), (REGULAR, 12.0));
    let stamp = check_stamp(first, "HỎA TỐC", first.run("Kính gửi:").y);
    assert!(stamp.y > vv.y, "under V/v");
    check_signature(first, "KT. GIÁM ĐỐC", "- Như trên;", "Triệu Thị Lan");
    assert_eq!(first.run("HTM.(130)").size, 11.0);
    // Ô 13: 11 pt, page 1's last lines, under a rule as wide as the text.
    let lines = [
        "Số 8 đường Tân Trào, phường Minh Xuân, tỉnh Tuyên Quang",
        "ĐT: 0207 3822 345, Fax: 0207 3822 346",
        "E-mail: snnmt@tuyenquang.gov.vn, Website: snnmt.tuyenquang.gov.vn",
    ];
    let runs: Vec<Run> = lines.iter().map(|l| first.run(l)).collect();
    for (r, l) in runs.iter().zip(lines) {
        assert_eq!((r.text.as_str(), r.font.as_str(), r.size), (l, REGULAR, 11.0));
        assert!(close(r.x0, 30.0 * MM, 0.5), "flush left: {r:?}");
    }
    assert!(runs.windows(2).all(|w| w[1].y > w[0].y), "in order");
    let lowest_other =
        first.runs().iter().filter(|r| r.size != 11.0 || r.y < runs[0].y - 1.0).map(|r| r.y).fold(0.0, f64::max);
    assert!(lowest_other < runs[0].y, "the foot of the page");
    assert!(runs[2].y > first.height - 20.0 * MM - 20.0, "at the bottom margin: {}", runs[2].y);
    let rule = first.rules.iter().find(|r| r.y < runs[0].y && r.y > runs[0].y - 16.0).expect("a rule over the address");
    assert!(close(rule.x0, 30.0 * MM, 1.0) && close(rule.x1, first.width - 15.0 * MM, 1.0), "full width: {rule:?}");
    for (n, page) in pages.iter().enumerate() {
        check_margins(page, n + 1);
    }
    // Only on page 1.
    assert_eq!(pdf::text(&_p.path("out.pdf")).matches("Tân Trào").count(), 1);

    // Thượng khẩn; Mật; Tuyệt mật over Hỏa tốc (ô 10a above ô 10b).
    let (pages, _, _p) = render("thuong-khan.md");
    check_first_page(&pages[0], "THÔNG BÁO", "Số: 88/TB-SNNMT", "Thay đổi thời gian");
    check_stamp(&pages[0], "THƯỢNG KHẨN", pages[0].run("THÔNG BÁO").y);
    let (pages, _, _p) = render("mat.md");
    check_first_page(&pages[0], "BÁO CÁO", "Số: 17/BC-SNNMT", "Tình hình bảo vệ rừng");
    check_stamp(&pages[0], "MẬT", pages[0].run("BÁO CÁO").y);
    let (pages, _, _p) = render("tuyet-mat.md");
    let page = &pages[0];
    check_first_page(page, "CÔNG ĐIỆN", "Số: 05/CĐ-UBND", "Về việc bảo đảm an ninh");
    let secret = check_stamp(page, "TUYỆT MẬT", page.run("CÔNG ĐIỆN").y);
    let urgent = check_stamp(page, "HỎA TỐC", page.run("CÔNG ĐIỆN").y);
    assert!(urgent.y - secret.y > 8.0 * MM, "ô 10b under ô 10a: {secret:?} {urgent:?}");

    // A draft: DỰ THẢO LẦN 2 framed under a blank number.
    let (pages, _, _p) = render("du-thao.md");
    let page = &pages[0];
    check_first_page(page, "KẾ HOẠCH", "/KH-SNNMT", "Tổ chức Hội chợ");
    check_stamp(page, "DỰ THẢO LẦN 2", page.run("KẾ HOẠCH").y);
    let (so, code) = (page.run("Số:"), page.run("/KH-SNNMT"));
    assert!(code.x0 - so.x1 > 25.0, "the number left blank");
}

#[test]
fn a_thu_cong_has_no_number_and_a_bien_ban_no_date() {
    let (pages, _, _p) = render("thu-cong.md");
    let page = &pages[0];
    assert!(!page.runs().iter().any(|r| r.text.starts_with("Số")), "no number: {:#?}", page.runs());
    let quoc_hieu = page.run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let date = page.run("Tuyên Quang, ngày 20 tháng 11 năm 2025");
    assert_eq!((date.font.as_str(), date.size), ("LiberationSerif-Italic", 13.0));
    assert!(close((date.x0 + date.x1) / 2.0, (quoc_hieu.x0 + quoc_hieu.x1) / 2.0, 1.5), "under ô 1");
    let title = page.runs().into_iter().find(|r| r.text == "THƯ").expect("the type THƯ");
    assert_eq!((title.font.as_str(), title.size), (BOLD, 14.0));
    assert!(close((title.x0 + title.x1) / 2.0, (30.0 * MM + page.width - 15.0 * MM) / 2.0, 1.0));
    check_margins(page, 1);
    check_signature(page, "CHỦ TỊCH", "- Sở Giáo dục và Đào tạo;", "Nguyễn Văn Sơn");

    // Mẫu 1.9: number, no place and date.
    let (pages, _, _p) = render("bien-ban.md");
    let page = &pages[0];
    let kind = page.run("BIÊN BẢN");
    assert_eq!(page.run("Số:").text, "Số: 14/BB-UBND");
    assert!(!page.runs().iter().any(|r| r.y < kind.y && r.text.contains(", ngày")), "{:#?}", page.runs());
    check_margins(page, 1);
}

#[test]
fn kinds_and_marks_are_read_loosely_and_bad_values_are_errors_at_their_line() {
    let p = Project::new();
    let head = "---\ncơ quan: Ủy ban nhân dân xã A\nđịa danh: A\nký hiệu: GM-UBND\n";
    // `loại: GM`, `do_khan: khan`, `du thao: co`: read loosely.
    p.file("a.md", &format!("{head}loại: GM\ndo_khan: khan\ndu thao: co\ntrích yếu: Dự họp\nnơi nhận:\n  - Lưu: VT\nngười ký: Lê Văn B\n---\nỦy ban nhân dân xã A trân trọng kính mời: các trưởng thôn.\n"));
    let o = vanthu(&["render", "a.md"], p.dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf::flat_text(&p.path("a.pdf"));
    assert!(text.contains("GIẤY MỜI") && text.contains("KHẨN") && text.contains("DỰ THẢO"), "{text}");
    // A bad value: an error at its line, in Vietnamese, nothing written.
    p.file("b.md", &format!("{head}loại: Giấy mời\nđộ khẩn: Gấp\n---\nx\n"));
    let o = vanthu(&["render", "b.md"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("b.md:6:1") && err.contains("không có độ khẩn") && err.contains("Gấp"), "{err}");
    assert!(err.contains("Hỏa tốc, Thượng khẩn, Khẩn"), "{err}");
    assert!(!p.path("b.pdf").exists());
    // An unknown kind names the new ones.
    p.file("c.md", &format!("{head}loại: Giấy báo\n---\nx\n"));
    let err = stderr(&vanthu(&["render", "c.md"], p.dir.path()));
    assert!(err.contains("c.md:5:1") && err.contains("Giấy mời, Giấy giới thiệu"), "{err}");
}

#[test]
fn a_mark_changed_is_named_in_the_change_report_and_its_document_made_again() {
    let p = Project::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("data/tong-ket-xa-2025/hoi-nghi.yaml")).unwrap();
    let path = p.file("hoi-nghi.yaml", &yaml);
    let invitation = "---\nloại: Giấy mời\nngày: 20/12/2025\ntrích yếu: Dự họp\nnơi nhận:\n  - Lưu: VT, VP\n---\n\nỦy ban nhân dân xã Ia Sao trân trọng kính mời: các trưởng thôn.\n";
    p.file("van-ban/giay-moi.md", invitation);
    p.file("van-ban/thong-bao.md", &invitation.replace("Giấy mời", "Thông báo"));
    let out = p.out();
    let only = [vanthu::pack::DocKind::Documents];
    let o = crate::util::build(vanthu::input::Source::File(path.clone()), &out);
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    assert!(pdf::flat_text(&out.join("van-ban/giay-moi.pdf")).contains("Số: /GM-UBND"), "the workbook's symbol");

    p.file("van-ban/giay-moi.md", &invitation.replace("ngày:", "độ khẩn: Hỏa tốc\ndự thảo: có\nngày:"));
    let o = crate::util::build_only(vanthu::input::Source::File(path), &out, &only);
    assert_eq!(o.rendered, ["van-ban/giay-moi.pdf"], "that document alone");
    let lines = o.changes.as_ref().unwrap().lines(vanthu::diag::Lang::Vi).join("\n");
    assert!(lines.contains("Văn bản van-ban/giay-moi.md: Độ khẩn") && lines.contains("Hỏa tốc"), "{lines}");
    assert!(lines.contains("Dự thảo") && lines.contains("DỰ THẢO"), "{lines}");
    let text = pdf::flat_text(&out.join("van-ban/giay-moi.pdf"));
    assert!(text.contains("HỎA TỐC") && text.contains("DỰ THẢO"), "{text}");
}
