//! The invitation meets Decree 30/2020/NĐ-CP as measured on the PDF itself: page size,
//! margins, the font, size and style of every header element, the two rules, the date on
//! the line of the number, body paragraphs, the signature block, no number on page 1.

use vanthu::input::Source;

use crate::util::pdf::{self, Page, Run};
use crate::util::{C, N, Project, S, build, delegate_header, settings};

const MM: f64 = 72.0 / 25.4;
const REGULAR: &str = "LiberationSerif";
const BOLD: &str = "LiberationSerif-Bold";
const ITALIC: &str = "LiberationSerif-Italic";
const BOLD_ITALIC: &str = "LiberationSerif-BoldItalic";

fn invitation() -> (Project, Page) {
    let p = Project::new();
    let mut config = settings();
    config.push(vec![
        S("Giấy mời: Ghi chú"),
        S("Đề nghị các đại biểu đến dự đúng thời gian, thành phần; tài liệu Hội nghị được phát tại Hội nghị, đại biểu có tham luận gửi nội dung về Sở Nông nghiệp và Phát triển nông thôn trước ngày 11/12/2023."),
    ]);
    config.push(vec![S("Người liên hệ"), S("Đồng chí Hà Thị Thu Trang, Chi cục Phát triển nông thôn")]);
    config.push(vec![S("Điện thoại liên hệ"), S("0207 3822 618")]);
    let path = p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", config),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![
                        N(1.0),
                        S("DB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Giám đốc Sở Tài chính"),
                        S("Sở Tài chính"),
                        S("Sở, ban, ngành"),
                    ],
                    vec![
                        N(2.0),
                        S("DB02"),
                        S("Ông"),
                        C::S("Nguyễn Thế Giang"),
                        S("Phó Chủ tịch Ủy ban nhân dân tỉnh"),
                        S("UBND tỉnh"),
                        S("Lãnh đạo UBND tỉnh"),
                    ],
                ],
            ),
        ],
    );
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let page = pdf::page(&p.out().join("giay-moi/nguyen-van-an.pdf"), 1);
    (p, page)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn assert_style(run: &Run, font: &str, size: f64) {
    assert_eq!((run.font.as_str(), run.size), (font, size), "style of {:?}", run.text);
}

/// The first page of a Decree 30 document: A4, margins, ô 1–5a (fonts, sizes, positions,
/// the two rules, number and date on one line), the subject's rule. Returns the runs of
/// the subject's first line, for the body checks.
pub fn check_first_page(page: &Page, kind: &str, number: &str, subject_start: &str) -> Run {
    // A4 portrait.
    assert!(close(page.width, 210.0 * MM, 0.1) && close(page.height, 297.0 * MM, 0.1));

    // Margins 20 / 20 / 30 / 15 mm: nothing printed outside them (page 1 has no number).
    let (left, right, top, bottom) = (30.0 * MM, page.width - 15.0 * MM, 20.0 * MM, page.height - 20.0 * MM);
    // A glyph's box is its advance (kerning is not applied to it), hence 1 pt of slack.
    for g in page.glyphs.iter().filter(|g| !g.c.is_whitespace()) {
        assert!(g.x0 >= left - 1.0 && g.x1 <= right + 1.0, "{:?} outside the side margins ({}–{})", g.c, g.x0, g.x1);
        // The body of the letters (cap height) stays inside; Vietnamese marks stacked on
        // capitals may rise above it, as in Word.
        assert!(g.y - 0.66 * g.size >= top - 0.5 && g.y <= bottom, "{:?} outside the top/bottom margins", g.c);
    }

    // Ô 1: national name (12 pt bold, one line) and motto (13 pt bold) with a rule as long
    // as the motto.
    let quoc_hieu = page.run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(quoc_hieu.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "on one line");
    assert_style(&quoc_hieu, BOLD, 12.0);
    let motto = page.run("Độc lập - Tự do - Hạnh phúc");
    assert_style(&motto, BOLD, 13.0);
    assert!(
        motto.y > quoc_hieu.y && close((motto.x0 + motto.x1) / 2.0, (quoc_hieu.x0 + quoc_hieu.x1) / 2.0, 1.0),
        "motto centred under the name"
    );
    let motto_rule = page
        .rules
        .iter()
        .find(|r| r.y > motto.y && r.y < motto.y + 10.0 && r.x0 > quoc_hieu.x0)
        .expect("a rule under the motto");
    assert!(
        close(motto_rule.x0, motto.x0, 1.0) && close(motto_rule.x1, motto.x1, 1.0),
        "the motto's rule is as long as the motto: {motto_rule:?} vs {motto:?}"
    );

    // Ô 2: the issuing body, 12 pt bold, left of the national name (under its superior
    // body, 12 pt not bold, when it has one), with a rule 1/3–1/2 of its line.
    let so = page.run("Số:");
    let left_lines: Vec<Run> =
        page.runs().into_iter().filter(|r| r.x1 < quoc_hieu.x0 && r.y < so.y - 1.0 && r.text != "Số:").collect();
    let body: Vec<&Run> = left_lines.iter().filter(|r| r.font == BOLD).collect();
    assert!(!body.is_empty(), "an issuing body on the left: {left_lines:#?}");
    for r in &left_lines {
        let font = if r.font == BOLD { BOLD } else { REGULAR };
        assert_style(r, font, 12.0);
    }
    for parent in left_lines.iter().filter(|r| r.font != BOLD) {
        assert!(parent.y < body[0].y, "the superior body above the issuing body");
    }
    let (body1, body_last) = (body[0], body[body.len() - 1]);
    assert!(close(left_lines[0].y, quoc_hieu.y, 0.5), "ô 1 and ô 2 start on the same line");
    let widest = body.iter().map(|r| r.x1 - r.x0).fold(0.0, f64::max);
    let body_rule = page
        .rules
        .iter()
        .find(|r| r.y > body_last.y && r.y < body_last.y + 10.0 && r.x1 < quoc_hieu.x0)
        .expect("a rule under the issuing body");
    let ratio = (body_rule.x1 - body_rule.x0) / widest;
    assert!((1.0 / 3.0..=0.5).contains(&ratio), "issuer rule is {ratio:.2} of its line");
    let centre = (body1.x0 + body1.x1) / 2.0;
    assert!(close((body_rule.x0 + body_rule.x1) / 2.0, centre, 1.0), "issuer rule centred");

    // Ô 3 and ô 4 on one line: "Số: …/<code>" (13 pt) and the italic place and date (13 pt).
    assert_style(&so, REGULAR, 13.0);
    assert_style(&page.run(number), REGULAR, 13.0);
    let date = page.runs().into_iter().find(|r| r.text.contains(", ngày")).expect("the place and date");
    assert_style(&date, ITALIC, 13.0);
    assert!(close(so.y, date.y, 0.5), "number and date share a line");
    // A draft's blank day and month split the line into runs: the line is all of them.
    let date_end = page
        .runs()
        .into_iter()
        .filter(|r| close(r.y, date.y, 0.5) && r.x0 >= date.x0)
        .map(|r| r.x1)
        .fold(date.x1, f64::max);
    assert!(close((date.x0 + date_end) / 2.0, (quoc_hieu.x0 + quoc_hieu.x1) / 2.0, 1.5), "date centred under ô 1");

    // Ô 5a: type and subject, 14 pt bold, centred, with a rule 1/3–1/2 of the line.
    let text_centre = (left + right) / 2.0;
    let kind_run = page.run(kind);
    assert_style(&kind_run, BOLD, 14.0);
    assert!(close((kind_run.x0 + kind_run.x1) / 2.0, text_centre, 1.0));
    let subject = page.run(subject_start);
    assert_style(&subject, BOLD, 14.0);
    let subject_rule = page
        .rules
        .iter()
        .filter(|r| r.y > subject.y)
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("a rule under the subject");
    let ratio = (subject_rule.x1 - subject_rule.x0) / (subject.x1 - subject.x0);
    assert!((1.0 / 3.0..=0.5).contains(&ratio), "subject rule is {ratio:.2} of its line");
    assert!(close((subject_rule.x0 + subject_rule.x1) / 2.0, text_centre, 1.0));
    subject
}

/// Any page of a document, portrait or landscape: A4, Decree 30's margins (20 / 20 / 30 /
/// 15 mm) with nothing printed outside them but the page number in the top margin, and no
/// text smaller than 7 pt.
pub fn check_margins(page: &Page, n: usize) {
    let (long, short) = (page.width.max(page.height), page.width.min(page.height));
    assert!(close(long, 297.0 * MM, 0.1) && close(short, 210.0 * MM, 0.1), "page {n} is A4");
    let (left, right, top, bottom) = (30.0 * MM, page.width - 15.0 * MM, 20.0 * MM, page.height - 20.0 * MM);
    for g in page.glyphs.iter().filter(|g| !g.c.is_whitespace()) {
        assert!(g.size >= 7.0, "page {n}: {:?} in {} pt", g.c, g.size);
        assert!(
            g.x0 >= left - 1.0 && g.x1 <= right + 1.0,
            "page {n}: {:?} outside the side margins ({}–{})",
            g.c,
            g.x0,
            g.x1
        );
        let number = g.c.is_ascii_digit() && g.y < top;
        assert!(
            number || (g.y - 0.66 * g.size >= top - 0.5 && g.y <= bottom),
            "page {n}: {:?} outside the top/bottom margins ({})",
            g.c,
            g.y
        );
    }
}

/// Ô 9b and 7 on the page that has them: "Nơi nhận:" 12 pt bold italic level with the
/// authority (14 pt bold), recipients 11 pt, the signer's name 14 pt bold below room for
/// the signature and seal.
pub fn check_signature(page: &Page, authority: &str, first_recipient: &str, signer: &str) {
    let left = 30.0 * MM;
    let noi_nhan = page.run("Nơi nhận:");
    assert_style(&noi_nhan, BOLD_ITALIC, 12.0);
    assert!(close(noi_nhan.x0, left, 0.5), "flush left");
    // The signature's own line (the authority line under the subject may start alike).
    let authority = page.runs().into_iter().find(|r| r.text == authority).unwrap_or_else(|| page.run(authority));
    assert_style(&authority, BOLD, 14.0);
    assert!(close(noi_nhan.y, authority.y, 3.0), "level with the first authority line");
    assert_style(&page.run(first_recipient), REGULAR, 11.0);
    let signer = page.run(signer);
    assert_style(&signer, BOLD, 14.0);
    assert!(signer.y - authority.y > 60.0, "room for signature and seal");
    assert!(
        close((signer.x0 + signer.x1) / 2.0, (authority.x0 + authority.x1) / 2.0, 1.0),
        "name centred under the title"
    );
}

/// Body paragraphs: 14 pt, 18 pt pitch, 6 pt more between paragraphs, justified lines
/// reaching the right margin.
pub fn check_body(page: &Page, below: f64, above: f64) {
    let right = page.width - 15.0 * MM;
    let body: Vec<Run> =
        page.runs().into_iter().filter(|r| r.size == 14.0 && r.font == REGULAR && r.y > below && r.y < above).collect();
    let mut baselines: Vec<f64> = body.iter().map(|r| r.y).collect();
    baselines.dedup_by(|a, b| close(*a, *b, 0.5));
    let gaps: Vec<f64> = baselines.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().any(|g| close(*g, 18.0, 0.3)), "18 pt pitch: {gaps:?}");
    assert!(gaps.iter().any(|g| close(*g, 24.0, 0.3)), "6 pt between paragraphs: {gaps:?}");
    assert!(gaps.iter().all(|g| close(*g, 18.0, 0.3) || close(*g, 24.0, 0.3)), "{gaps:?}");
    let full_lines = body.iter().filter(|r| close(r.x1, right, 1.0)).count();
    assert!(full_lines >= 2, "justified lines reach the right margin");
}

#[test]
fn the_invitation_meets_decree_30() {
    let (_p, page) = invitation();
    let subject = check_first_page(&page, "GIẤY MỜI", "/GM-UBND", "Dự Hội nghị thử nghiệm");
    assert!(page.run("Tuyên Quang, ngày 05 tháng 12 năm 2023").text.ends_with("2023"));

    // Ô 6: first-line indent 1.27 cm, pitch and paragraph spacing, justified.
    let opening = page.run("Ủy ban nhân dân tỉnh Tuyên Quang trân trọng kính mời:");
    assert_style(&opening, REGULAR, 14.0);
    assert!(close(opening.x0, 30.0 * MM + 12.7 * MM, 0.5), "first-line indent, got {}", opening.x0 - 30.0 * MM);
    let noi_nhan = page.run("Nơi nhận:");
    check_body(&page, subject.y + 10.0, noi_nhan.y);
    assert!(page.runs().iter().any(|r| r.text.ends_with("./.")), "the body ends with ./.");
    check_signature(&page, "TL. CHỦ TỊCH", "- Như trên;", "Bùi Văn Phong");
    assert_style(&page.run("CHÁNH VĂN PHÒNG"), BOLD, 14.0);
    assert_style(&page.run("- Lưu: VT, NLN."), REGULAR, 11.0);
}

#[test]
fn pages_after_the_first_are_numbered_in_the_top_margin() {
    let p = Project::new();
    let mut config = settings();
    let long: Vec<String> = (1..=30).map(|i| format!("Nội dung cần lưu ý số {i} của Hội nghị.")).collect();
    config.push(vec![S("Giấy mời: Ghi chú"), C::T(long.join("\n"))]);
    let path = p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", config),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![
                        N(1.0),
                        S("DB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Giám đốc"),
                        S("Sở Tài chính"),
                        S("Sở, ban, ngành"),
                    ],
                    vec![
                        N(2.0),
                        S("DB02"),
                        S("Bà"),
                        S("Trần Thị Bình"),
                        S("Giám đốc"),
                        S("Sở Y tế"),
                        S("Sở, ban, ngành"),
                    ],
                ],
            ),
        ],
    );
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    // An invitation longer than one page is built, with a warning naming the person.
    let long_warning = out.diags.iter().find(|d| d.code == "too-long").expect("a warning");
    assert!(long_warning.message.vi.contains("Nguyễn Văn An") || long_warning.message.vi.contains("Trần Thị Bình"));

    let merged = p.out().join("giay-moi.pdf");
    assert_eq!(pdf::pages(&merged), 4, "two invitations of two pages");
    let single = p.out().join("giay-moi/tran-thi-binh.pdf");
    assert_eq!(pdf::pages(&single), 2);
    for (file, n, number) in [
        (&merged, 1, None),
        (&merged, 2, Some('2')),
        (&merged, 3, None),
        (&merged, 4, Some('2')),
        (&single, 2, Some('2')),
    ] {
        let page = pdf::page(file, n);
        let in_margin: Vec<_> = page.glyphs.iter().filter(|g| g.y < 20.0 * MM).collect();
        match number {
            None => assert!(in_margin.is_empty(), "page {n} of {} shows a number", file.display()),
            Some(c) => {
                assert_eq!(in_margin.len(), 1, "page {n}: {in_margin:?}");
                let g = in_margin[0];
                assert_eq!((g.c, g.font.as_str(), g.size), (c, REGULAR, 14.0));
                let centre = (30.0 * MM + page.width - 15.0 * MM) / 2.0;
                assert!(close((g.x0 + g.x1) / 2.0, centre, 1.0), "centred");
            }
        }
    }
}
