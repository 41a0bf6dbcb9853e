//! Documents written as text (`van-ban/*.md`): the province's own plan reproduced sentence
//! by sentence from its text, Decree 30's layout measured on it and on a commune's công
//! văn, thông báo and tờ trình; errors and numbering slips at their lines; the documents
//! in the pack's manifest, rebuilt only when their file or their data change, named in
//! the change report; `vanthu render` for one file alone.

use std::path::{Path, PathBuf};

use vanthu::commands::{sample, sample_commune};
use vanthu::input::Source;
use vanthu::pack::DocKind;

use crate::layout::{check_first_page, check_margins, check_signature};
use crate::util::pdf::{self, Page};
use crate::util::{Project, build, build_only, files, read_sheet, vanthu};

const MM: f64 = 72.0 / 25.4;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of a PDF's pages in reading order, without the page numbers of the top margin,
/// every run of whitespace one space.
fn body_text(pages: &[Page]) -> String {
    let mut out = String::new();
    for p in pages {
        let text = p.text();
        for line in text.lines() {
            let t = line.trim();
            // The page number, alone in the top margin of pages 2, 3 …
            if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            out.push_str(t);
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_line(s: &str) -> String {
    s.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the glyphs left (or right) of `x`, lines from the top.
fn column_text(page: &Page, left_of: Option<f64>, right_of: Option<f64>, below: f64) -> String {
    let kept = Page {
        width: page.width,
        height: page.height,
        glyphs: page
            .glyphs
            .iter()
            .filter(|g| g.y > below && left_of.is_none_or(|x| g.x1 <= x) && right_of.is_none_or(|x| g.x0 >= x))
            .cloned()
            .collect(),
        rules: Vec::new(),
    };
    one_line(&kept.text())
}

/// Every needle found in `hay`, each after the one before it.
fn assert_in_order(hay: &str, needles: &[String]) {
    let mut at = 0;
    for n in needles {
        match hay[at..].find(n.as_str()) {
            Some(i) => at += i + n.len(),
            None => {
                let found = hay.find(n.as_str()).map(|i| format!(" (it is earlier, at byte {i})")).unwrap_or_default();
                panic!("not found in order{found}: {n:?}\nafter: {:?}", &hay[at..hay.len().min(at + 400)]);
            }
        }
    }
}

fn sample_plan(out: &Path) -> PathBuf {
    let o = build_only(sample(), out, &[DocKind::Documents]);
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    assert!(o.diags.iter().all(|d| d.code != "numbering"), "the sample's numbering is right: {:#?}", o.diags);
    out.join("van-ban/ke-hoach.pdf")
}

#[test]
fn the_plan_says_every_sentence_of_the_province_s_plan_in_order() {
    let p = Project::new();
    let plan = sample_plan(&p.out());
    let pages = pdf::all_pages(&plan);
    let seed =
        std::fs::read_to_string(manifest_dir().join("tests/fixtures/seed/ke-hoach-hoi-nghi-ocop-2023.txt")).unwrap();
    let (body, tail) = seed.split_once("Nơi nhận:").expect("the plan has a Nơi nhận");
    // The seed's lines (copied from the signed PDF), each as one line; the one correction:
    // khoản 4 of section II was pasted as a bullet (`- 4. …**`).
    let lines: Vec<String> = body
        .lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l == "- 4. Nội dung chính của Hội nghị" {
                "4. Nội dung chính của Hội nghị".into()
            } else {
                l
            }
        })
        .collect();
    assert!(lines.len() > 60, "{} lines", lines.len());
    assert_in_order(&body_text(&pages), &lines);

    // Nơi nhận (left column) and the signature (right column) on the signed page, each in
    // its order.
    let signed = pages.iter().find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).expect("a signed page");
    let noi_nhan = signed.run("Nơi nhận:");
    let middle = 30.0 * MM + 0.45 * (210.0 - 45.0) * MM;
    let (recipients, signature) = tail.split_once("**").unwrap();
    let recipients: Vec<String> = recipients.lines().map(one_line).filter(|l| !l.is_empty()).collect();
    assert_in_order(&column_text(signed, Some(middle), None, noi_nhan.y - 1.0), &recipients);
    let signature: Vec<String> = signature.lines().map(one_line).filter(|l| !l.is_empty()).collect();
    assert_eq!(signature, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thế Giang"]);
    assert_in_order(&column_text(signed, None, Some(middle), noi_nhan.y - 20.0), &signature);
    // Decree 30 punctuation of the list.
    let list = column_text(signed, Some(middle), None, noi_nhan.y - 1.0);
    assert!(list.contains("- Thường trực Tỉnh ủy; - Thường trực HĐND tỉnh; (báo cáo);"), "{list}");
    assert!(list.ends_with("- Lưu: VT, KT (Toàn)."), "{list}");
}

#[test]
fn the_plan_meets_decree_30() {
    let p = Project::new();
    let plan = sample_plan(&p.out());
    let pages = pdf::all_pages(&plan);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let first = &pages[0];
    let subject = check_first_page(first, "KẾ HOẠCH", "/KH-UBND", "Tổ chức Hội nghị sơ kết 03 năm");
    // The blank number and the blank day and month, for the registry.
    let so = first.run("Số:");
    let code = first.run("/KH-UBND");
    assert!(code.x0 - so.x1 > 25.0, "room for the number: {so:?} {code:?}");
    let line = first.text().lines().find(|l| l.contains("Tuyên Quang, ngày")).unwrap().to_string();
    // Blank day and month: wide gaps (several spaces in the laid-out text) before `tháng`
    // and `năm`.
    let gap = |a: &str, b: &str| line.find(a).zip(line.find(b)).map(|(i, j)| line[i + a.len()..j].len());
    assert!(
        gap("ngày", "tháng").is_some_and(|g| g >= 4) && gap("tháng", "năm 2023").is_some_and(|g| g >= 4),
        "{line:?}"
    );

    // Grounds in italics, the body upright with its first line indented, headings bold.
    let ground = first.run("Căn cứ Quyết định số 919/QĐ-TTg");
    assert_eq!((ground.font.as_str(), ground.size), ("LiberationSerif-Italic", 14.0));
    assert!(ground.y > subject.y);
    let indent = 30.0 * MM + 12.7 * MM;
    assert!((ground.x0 - indent).abs() < 0.5, "first-line indent: {}", ground.x0);
    for heading in ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG KẾ HOẠCH"] {
        let r = first.run(heading);
        assert_eq!((r.font.as_str(), r.size), ("LiberationSerif-Bold", 14.0), "{heading}");
        assert!((r.x0 - indent).abs() < 0.5, "{heading} indented like a paragraph");
    }
    // A khoản's title is bold up to its colon, its text upright.
    let title = first.run("1. Thời gian thực hiện:");
    assert_eq!(title.font, "LiberationSerif-Bold");
    let rest = first.runs().into_iter().find(|r| r.text.starts_with("1/2 ngày")).expect("the khoản's text");
    assert_eq!(rest.font, "LiberationSerif");
    let bullet = first.run("- Đánh giá quá trình triển khai");
    assert_eq!((bullet.font.as_str(), bullet.size), ("LiberationSerif", 14.0));
    // Italic inside a sentence (`*…*`).
    assert!(first.runs().iter().any(|r| r.font == "LiberationSerif-Italic" && r.text.contains("Sau đây viết tắt")));

    // Body lines 18 pt apart, paragraphs (headings too) 6 pt more: every 14 pt line below
    // the subject's rule.
    let mut baselines: Vec<f64> =
        first.runs().iter().filter(|r| r.size == 14.0 && r.y > subject.y + 30.0).map(|r| r.y).collect();
    baselines.sort_by(f64::total_cmp);
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let gaps: Vec<f64> = baselines.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.len() > 20 && gaps.iter().all(|g| (g - 18.0).abs() < 0.3 || (g - 24.0).abs() < 0.3), "{gaps:?}");

    // Every page within the margins; pages 2 on numbered in the top margin, centred.
    for (n, page) in pages.iter().enumerate() {
        check_margins(page, n + 1);
        let top: Vec<_> = page.runs().into_iter().filter(|r| r.y < 20.0 * MM).collect();
        if n == 0 {
            assert!(top.is_empty(), "no number on page 1: {top:?}");
        } else {
            assert_eq!(top.len(), 1, "page {}: {top:?}", n + 1);
            assert_eq!(top[0].text, (n + 1).to_string());
            let centre = (top[0].x0 + top[0].x1) / 2.0;
            assert!((centre - (30.0 * MM + page.width - 15.0 * MM) / 2.0).abs() < 1.5, "centred");
            assert_eq!(top[0].size, 14.0);
        }
    }
    let signed = pages.iter().find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).unwrap();
    check_signature(signed, "TM. ỦY BAN NHÂN DÂN", "- Thường trực Tỉnh ủy;", "Nguyễn Thế Giang");
    assert!(signed.runs().iter().any(|r| r.text.ends_with("đáp ứng yêu cầu./.")), "the body ends with ./.");
}

#[test]
fn the_plan_s_delegates_are_the_sample_s_groups() {
    let p = Project::new();
    let plan = sample_plan(&p.out());
    let text = body_text(&pdf::all_pages(&plan));
    let from = text.find("3. Thành phần tham gia Hội nghị").unwrap();
    let to = text.find("4. Nội dung chính của Hội nghị").unwrap();
    let composition = &text[from..to];
    // Each delegate group of the sample, and where the plan's Thành phần names it.
    let named = [
        ("Trung ương", "Đại biểu Trung ương"),
        ("Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy"),
        ("Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
        ("Lãnh đạo UBND tỉnh", "đại diện lãnh đạo Ủy ban nhân dân tỉnh"),
        ("Sở, ban, ngành", "đại diện lãnh đạo các Sở"),
        ("Huyện, thành phố", "Đại biểu của huyện, thành phố"),
        ("Xã, phường, thị trấn", "Đại biểu xã, phường, thị trấn"),
        ("Chủ thể OCOP", "chủ thể các sản phẩm OCOP"),
        ("Đơn vị tiêu thụ", "đơn vị kết nối tiêu thụ sản phẩm OCOP"),
        ("Doanh nghiệp", "Doanh nghiệp điển hình"),
        ("Báo chí", "cơ quan báo, đài"),
    ];
    let mut diags = vanthu::diag::Diagnostics::new();
    let prepared = vanthu::pipeline::prepare(&sample(), &mut diags, &mut Default::default()).unwrap();
    let groups: Vec<&str> = prepared.dataset.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, named.iter().map(|(g, _)| *g).collect::<Vec<_>>(), "the sample's groups");
    for (group, phrase) in named {
        assert!(composition.contains(phrase), "{group}: {phrase:?} not in {composition}");
        assert!(
            prepared.dataset.delegates.iter().any(|d| prepared.dataset.groups[d.group].name == group),
            "{group} has delegates"
        );
    }
    // “khoảng 260 đại biểu”: the sample invites about as many.
    let invited = prepared.dataset.delegates.iter().filter(|d| d.invited).count();
    assert!((230..=290).contains(&invited), "{invited} invited");
}

/// The first page of a công văn: the header as every document's, `V/v` (12 pt, upright,
/// no rule) under its number, no type name, `Kính gửi` (14 pt).
fn check_letter(page: &Page, code: &str, vv_start: &str) {
    let so = page.run("Số:");
    assert_eq!(so.text, code);
    assert_eq!((so.font.as_str(), so.size), ("LiberationSerif", 13.0));
    let date = page.runs().into_iter().find(|r| r.text.contains(", ngày")).unwrap();
    assert!((date.y - so.y).abs() < 0.5, "number and date on one line");
    let vv = page.run(vv_start);
    assert_eq!((vv.font.as_str(), vv.size), ("LiberationSerif", 12.0));
    assert!(vv.y > so.y && vv.y - so.y < 30.0, "under the number");
    assert!(((vv.x0 + vv.x1) / 2.0 - (so.x0 + so.x1) / 2.0).abs() < 3.0, "centred under the number");
    assert!(!page.rules.iter().any(|r| r.y > vv.y && r.y < vv.y + 12.0 && r.x1 < date.x0), "no rule under V/v");
    let kg = page.run("Kính gửi:");
    assert_eq!((kg.font.as_str(), kg.size), ("LiberationSerif", 14.0));
    assert!(!page.runs().iter().any(|r| r.text == "CÔNG VĂN"), "a công văn prints no type name");
}

#[test]
fn a_commune_s_letter_notice_and_submission_meet_decree_30() {
    let p = Project::new();
    let o = build_only(sample_commune(), &p.out(), &[DocKind::Documents]);
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    let dir = p.out().join("van-ban");
    let cases = [
        (
            "cong-van.pdf",
            None,
            "Số: 412/UBND-VP",
            "V/v đề nghị đăng ký",
            "KT. CHỦ TỊCH",
            "- Như trên;",
            "Nguyễn Thị Hoa",
        ),
        (
            "thong-bao.pdf",
            Some("THÔNG BÁO"),
            "Số: 95/TB-UBND",
            "Về việc tổ chức Hội nghị",
            "TL. CHỦ TỊCH",
            "- Các ban, ngành, đoàn thể xã;",
            "Hoàng Minh Đức",
        ),
        (
            "to-trinh.pdf",
            Some("TỜ TRÌNH"),
            "Số: 37/TTr-UBND",
            "Về việc đề nghị tặng Bằng khen",
            "TM. ỦY BAN NHÂN DÂN",
            "- Như trên;",
            "Rơ Mah Hiếu",
        ),
    ];
    for (file, kind, code, subject, authority, recipient, signer) in cases {
        let path = dir.join(file);
        let pages = pdf::all_pages(&path);
        match kind {
            Some(k) => {
                check_first_page(&pages[0], k, code, subject);
            }
            None => check_letter(&pages[0], code, subject),
        }
        for (n, page) in pages.iter().enumerate() {
            check_margins(page, n + 1);
        }
        let signed = pages.iter().find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:")).unwrap();
        check_signature(signed, authority, recipient, signer);
        let text = pdf::flat_text(&path);
        assert!(!text.contains("{{") && !text.contains("Tuyên Quang") && !text.contains("OCOP"), "{file}: {text}");
    }
    // Data from the conference: its date, venue and counts.
    let notice = pdf::flat_text(&dir.join("thong-bao.pdf"));
    assert!(notice.contains("1. Thời gian: 08 giờ 00 phút, thứ Sáu, ngày 26 tháng 12 năm 2025."), "{notice}");
    assert!(notice.contains("2. Địa điểm: Hội trường Ủy ban nhân dân xã Ia Sao."));
    let mut diags = vanthu::diag::Diagnostics::new();
    let prepared = vanthu::pipeline::prepare(&sample_commune(), &mut diags, &mut Default::default()).unwrap();
    // Everyone who takes part, hosts too (issue 24: the commune's own leaders get no Giấy mời).
    let attending = prepared.dataset.delegates.iter().filter(|d| d.attends()).count();
    let invited = prepared.dataset.delegates.iter().filter(|d| d.invited).count();
    assert!(attending > invited);
    assert!(notice.contains(&format!("3. Thành phần: {attending} đại biểu")), "{notice}");
    // A pipe table: its header bold, its cells in order.
    let page = pdf::page(&dir.join("thong-bao.pdf"), 1);
    assert_eq!(page.run("Thời gian").font, "LiberationSerif-Bold");
    assert!(notice.contains("2 Báo cáo tổng kết phong trào thi đua năm 2025 08h00 - 08h45"), "{notice}");
    // Kính gửi: one addressee on its line; several one per line, punctuated.
    assert!(pdf::flat_text(&dir.join("to-trinh.pdf")).contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Gia Lai."));
    let letter = pdf::text(&dir.join("cong-van.pdf"));
    assert!(letter.contains("Kính gửi: - Các ban, ngành, đoàn thể xã;"), "{letter}");
    assert!(letter.contains("- Trưởng các thôn, làng trên địa bàn xã."), "{letter}");
}

/// A project with the sample's data and the given documents.
fn project(docs: &[(&str, &str)]) -> (Project, PathBuf) {
    let p = Project::new();
    let yaml = std::fs::read_to_string(manifest_dir().join("data/tong-ket-xa-2025/hoi-nghi.yaml")).unwrap();
    let path = p.file("hoi-nghi.yaml", &yaml);
    for (name, text) in docs {
        p.file(&format!("van-ban/{name}"), text);
    }
    (p, path)
}

const NOTICE: &str = "---\nloại: Thông báo\nngày: 20/12/2025\ntrích yếu: Về việc thử\nnơi nhận:\n  - Lưu: VT, VP\n---\n\nNội dung thông báo.\n";

#[test]
fn a_broken_header_or_an_unknown_kind_is_an_error_at_its_line() {
    let cases = [
        ("---\nloại: Kế hoạch\ntrích yếu: [chưa đóng\n---\nThân bài.\n", "van-ban/x.md:3:"),
        ("---\nloại: Thông tư\ntrích yếu: Thử\n---\nThân bài.\n", "van-ban/x.md:2:1 (kind)"),
        ("\n\nloại: Kế hoạch\n", "van-ban/x.md:3:1"),
        ("---\nloại: Kế hoạch\ntrích yếu: Thử\nThân bài.\n", "van-ban/x.md:1:1"),
        ("---\ntrích yếu: Thử\n---\nThân bài.\n", "van-ban/x.md:1:1"),
        ("---\nloại: Kế hoạch\nngày: 31/02/2025\n---\nThân bài.\n", "van-ban/x.md:3:1 (date)"),
    ];
    for (text, at) in cases {
        let (p, path) = project(&[("x.md", text)]);
        let o = build(Source::File(path), &p.out());
        let errs: Vec<String> = o.diags.errors().map(|d| d.loc.as_ref().unwrap().to_string()).collect();
        assert_eq!(errs.len(), 1, "{text:?}: {:#?}", o.diags);
        assert!(errs[0].starts_with(at), "{text:?}: {errs:?}");
        assert!(!p.out().exists() || files(&p.out()).is_empty(), "nothing written");
    }
    // The unknown kind lists the kinds there are.
    let (p, path) = project(&[("x.md", "---\nkind: Thông tư\n---\n")]);
    let o = build(Source::File(path), &p.out());
    let d = o.diags.errors().next().unwrap();
    assert_eq!(d.code, "document-kind");
    assert!(d.hint.as_ref().unwrap().vi.contains("Kế hoạch, Thông báo, Tờ trình, Báo cáo, Công văn"), "{d:?}");
}

#[test]
fn numbering_slips_are_warned_at_their_line_and_the_document_still_renders() {
    let text = "---\nloại: Kế hoạch\ntrích yếu: Thử\n---\n\nI. MỤC ĐÍCH\n\n2. Yêu cầu\n\na) Điểm đúng chỗ.\n\nc) Điểm nhảy chữ.\n\nII. NỘI DUNG\n\nIV. THỰC HIỆN\n\nNội dung.\n\nb) Điểm lạc chỗ.\n";
    let (p, path) = project(&[("ke-hoach.md", text)]);
    let o = build_only(Source::File(path), &p.out(), &[DocKind::Documents]);
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    let slips: Vec<String> = o
        .diags
        .iter()
        .filter(|d| d.code == "numbering")
        .map(|d| format!("{} {}", d.loc.as_ref().unwrap(), d.message.vi))
        .collect();
    assert_eq!(
        slips,
        [
            "van-ban/ke-hoach.md:8:1 khoản 2. đứng sau mục I. mà chưa có khoản 1.: đúng ra là khoản 1.",
            "van-ban/ke-hoach.md:12:1 điểm c) đứng sau điểm a): đúng ra là điểm b)",
            "van-ban/ke-hoach.md:16:1 mục IV. đứng sau mục II.: đúng ra là mục III.",
            "van-ban/ke-hoach.md:20:1 điểm b) không nằm trong khoản đánh số nào (1., 2., …)",
        ]
    );
    let text = pdf::flat_text(&p.out().join("van-ban/ke-hoach.pdf"));
    assert!(text.contains("2. Yêu cầu a) Điểm đúng chỗ. c) Điểm nhảy chữ. II. NỘI DUNG IV. THỰC HIỆN"), "{text}");
}

#[test]
fn documents_are_in_the_pack_and_rebuilt_only_when_they_or_their_data_change() {
    let uses_data = "---\nloại: Thông báo\nngày: 20/12/2025\ntrích yếu: Về việc địa điểm\nnơi nhận:\n  - Lưu: VT, VP\n---\n\nHội nghị họp tại {{ conference.venue }}.\n";
    let (p, path) = project(&[("thong-bao.md", NOTICE), ("dia-diem.md", uses_data)]);
    let out = p.out();
    let o = build(Source::File(path.clone()), &out);
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        manifest.contains("\"van-ban/thong-bao.pdf\"") && manifest.contains("\"van-ban/dia-diem.pdf\""),
        "{manifest}"
    );
    assert!(manifest.contains("\"van-ban\""), "the kind is recorded");

    // Nothing changed: nothing rendered.
    let o = build(Source::File(path.clone()), &out);
    assert!(o.rendered.is_empty(), "{:?}", o.rendered);

    // The text changed: that document alone, named in the change report.
    p.file("van-ban/thong-bao.md", &NOTICE.replace("Nội dung thông báo.", "Nội dung thông báo đã sửa."));
    let o = build(Source::File(path.clone()), &out);
    assert_eq!(o.rendered, ["van-ban/thong-bao.pdf"]);
    let report = read_sheet(&out.join("thay-doi.xlsx"), "Thay đổi");
    assert!(
        report.iter().any(|r| r.iter().any(|c| c == "Văn bản") && r.iter().any(|c| c == "van-ban/thong-bao.md")),
        "{report:?}"
    );
    let lines = o.changes.as_ref().unwrap().lines(vanthu::diag::Lang::Vi).join("\n");
    assert!(
        lines.contains("Văn bản van-ban/thong-bao.md: Nội dung: đã sửa") && lines.contains("van-ban/thong-bao.pdf"),
        "{lines}"
    );

    // The data one document uses changed: that document is made again, the other kept.
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, yaml.replace("venue: Hội trường Ủy ban nhân dân xã Ia Sao", "venue: Nhà văn hóa xã Ia Sao"))
        .unwrap();
    let o = build_only(Source::File(path.clone()), &out, &[DocKind::Documents]);
    assert_eq!(o.rendered, ["van-ban/dia-diem.pdf"]);
    assert!(pdf::flat_text(&out.join("van-ban/dia-diem.pdf")).contains("họp tại Nhà văn hóa xã Ia Sao."));

    // A document deleted: its PDF goes, and the change report says so.
    std::fs::remove_file(p.path("van-ban/dia-diem.md")).unwrap();
    let o = build(Source::File(path), &out);
    assert!(!files(&out).contains(&"van-ban/dia-diem.pdf".to_string()));
    let lines = o.changes.as_ref().unwrap().lines(vanthu::diag::Lang::Vi).join("\n");
    assert!(lines.contains("bỏ van-ban/dia-diem.md"), "{lines}");
}

#[test]
fn render_makes_one_document_with_or_without_its_conference() {
    // With its conference: the same PDF as the pack's.
    let (p, _) = project(&[("thong-bao.md", NOTICE)]);
    let o = vanthu(&["build", "hoi-nghi.yaml", "-o", "out", "--only", "van-ban"], p.dir.path());
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let o = vanthu(&["render", "van-ban/thong-bao.md"], p.dir.path());
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let alone = std::fs::read(p.path("van-ban/thong-bao.pdf")).unwrap();
    assert_eq!(alone, std::fs::read(p.path("out/van-ban/thong-bao.pdf")).unwrap(), "the same file as the pack's");

    // Without: the header names the issuer, place and symbol; data is an error at its line.
    let q = Project::new();
    let text = "---\nloại: Thông báo\ncơ quan: Ủy ban nhân dân phường Hạc Thành\ncơ quan chủ quản: UBND TỈNH THANH HÓA\nđịa danh: Hạc Thành\nký hiệu: TB-UBND\nngày: 03/2026\ntrích yếu: Về việc lịch tiếp công dân\nnơi nhận:\n  - Lưu: VT\n---\nỦy ban nhân dân phường thông báo lịch tiếp công dân tháng 3.\n";
    q.file("tb.md", text);
    let o = vanthu(&["render", "tb.md", "-o", "tb-out.pdf"], q.dir.path());
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let pdf_text = pdf::flat_text(&q.path("tb-out.pdf"));
    assert!(pdf_text.contains("UBND TỈNH THANH HÓA CỘNG HÒA"), "the superior body first: {pdf_text}");
    assert!(pdf_text.contains("Độc lập - Tự do - Hạnh phúc PHƯỜNG HẠC THÀNH Số: /TB-UBND"), "{pdf_text}");
    assert!(pdf_text.contains("Hạc Thành, ngày tháng 3 năm 2026"), "{pdf_text}");
    q.file("data.md", &text.replace("tháng 3.", "{{ conference.date }}."));
    let o = vanthu(&["render", "data.md"], q.dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(crate::util::stderr(&o).contains("data.md:12:1"), "{}", crate::util::stderr(&o));
    assert!(!q.path("data.pdf").exists());
}
