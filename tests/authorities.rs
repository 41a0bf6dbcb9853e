//! Awards of any authority: a commune's Chairman after the 2025 reform, a department's
//! Director (and the provincial Chairman's title announced at the department's meeting),
//! each in its own words — form or title, verb, authority, grounds of its level and date,
//! prizes, certificates of its form and size — and the impossible combinations refused at
//! their cells.

use std::path::{Path, PathBuf};

use vanthu::assets::TemplateStore;
use vanthu::input::Source;
use vanthu::model::Level;
use vanthu::pipeline::check;
use vanthu::plan::awards::grounds_for;
use vanthu::text::Date;

use crate::layout::{check_first_page, check_signature};
use crate::util::{Project, build, errors, files, pdf};

const MM: f64 = 72.0 / 25.4;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agencies").join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The fixture `name`, edited (`from` → `to`), written into the project.
fn agency(p: &Project, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut text = fixture(name);
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replace(from, to);
    }
    let path = p.path("hoi-nghi.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Every PDF of the pack as flat text, by file.
fn texts(dir: &Path) -> Vec<(String, String)> {
    files(dir).into_iter().filter(|f| f.ends_with(".pdf")).map(|f| (f.clone(), pdf::flat_text(&dir.join(&f)))).collect()
}

/// The page of `path` that has the signature.
fn signed_page(path: &Path) -> pdf::Page {
    (1..=pdf::pages(path))
        .map(|n| pdf::page(path, n))
        .find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:"))
        .expect("a page with Nơi nhận")
}

#[test]
fn a_commune_gives_its_giay_khen_and_titles_in_its_own_words() {
    let p = Project::new();
    let out = build(Source::File(agency(&p, "xa.yaml", &[])), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let dir = p.out();
    // Nothing of a province's Bằng khen anywhere in the pack.
    for (file, text) in texts(&dir) {
        assert!(!text.contains("Bằng khen") && !text.contains("BẰNG KHEN"), "{file}: {text}");
        assert!(!text.contains("ỦY BAN NHÂN DÂN TỈNH"), "{file}");
    }
    let decision = dir.join("quyet-dinh-giay-khen.pdf");
    let text = pdf::flat_text(&decision);
    for phrase in [
        "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho các tập thể, cá nhân",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA SAO",
        // 24/09/2025: the 2025 local government law, the 2022 emulation law, Decree
        // 152/2025 with its date, and the commune's own Decree 129/2025.
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
        "Căn cứ Nghị định số 129/2025/NĐ-CP ngày 11 tháng 6 năm 2025",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Ia Sao.",
        // Điều 1 counts the list; Điều 2 the prizes of 2025 (0,6 and 0,3 × 2.340.000).
        "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 02 tập thể và 02 cá nhân (có danh sách kèm theo)",
        "Điều 2. Tiền thưởng kèm theo Giấy khen: mỗi tập thể 1.410.000 đồng, mỗi cá nhân 710.000 đồng; tổng số tiền thưởng là 4.240.000 đồng",
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã",
        "(Kèm theo Quyết định số …/QĐ-UBND ngày 24 tháng 9 năm 2025 của Chủ tịch Ủy ban nhân dân xã Ia Sao)",
        "I. TẬP THỂ (02 tập thể)",
        "II. CÁ NHÂN (02 cá nhân)",
    ] {
        assert!(text.contains(phrase), "{phrase}\n{text}");
    }
    assert!(!text.contains("Nghị định số 98/2023") && !text.contains("Luật Thi đua, khen thưởng ngày 26"));
    // Decree 30, measured.
    check_first_page(&pdf::page(&decision, 1), "QUYẾT ĐỊNH", "/QĐ-UBND", "Về việc tặng Giấy khen");
    check_signature(&signed_page(&decision), "CHỦ TỊCH", "- Như Điều 3;", "Rơ Mah Hiếu");

    // The titles: each its own decision, with the verb of titles.
    let cstdcs = pdf::flat_text(&dir.join("quyet-dinh-chien-si-thi-dua-co-so.pdf"));
    assert!(cstdcs.contains("Điều 1. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân"), "{cstdcs}");
    assert!(cstdcs.contains("mỗi cá nhân 2.340.000 đồng"), "{cstdcs}");
    let lđtt = pdf::flat_text(&dir.join("quyet-dinh-lao-dong-tien-tien.pdf"));
    assert!(lđtt.contains("Tặng danh hiệu “Lao động tiên tiến” cho 01 cá nhân"), "{lđtt}");
    assert!(lđtt.contains("mỗi cá nhân 710.000 đồng"), "0,3 × 2.340.000 = 702.000, rounded up: {lđtt}");

    // Certificates of their form and size: Giấy khen and the title's, A4 landscape; none
    // for Lao động tiên tiến (money only).
    let names = files(&dir);
    assert_eq!(names.iter().filter(|f| f.starts_with("giay-khen/")).count(), 4);
    assert_eq!(names.iter().filter(|f| f.starts_with("giay-chung-nhan-chien-si-thi-dua-co-so/")).count(), 1);
    assert!(!names.iter().any(|f| f.contains("lao-dong-tien-tien") && !f.starts_with("quyet-dinh")));
    let gk = pdf::page(&dir.join("giay-khen.pdf"), 1);
    assert!((gk.width - 297.0 * MM).abs() < 0.5 && (gk.height - 210.0 * MM).abs() < 0.5, "A4 landscape");
    let gk_text = pdf::flat_text(&dir.join("giay-khen.pdf"));
    assert!(gk_text.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA SAO TẶNG GIẤY KHEN"), "{gk_text}");
    let cn_text = pdf::flat_text(&dir.join("giay-chung-nhan-chien-si-thi-dua-co-so.pdf"));
    assert!(cn_text.contains("TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"), "{cn_text}");

    // The script reads each decision by its authority and names what is handed.
    let script = pdf::flat_text(&dir.join("kich-ban.pdf"));
    assert!(script.contains("của Chủ tịch Ủy ban nhân dân xã về việc tặng Giấy khen"), "{script}");
    assert!(script.contains("Trao Giấy khen đợt 1"), "{script}");
    assert!(script.contains("lên nhận danh hiệu “Chiến sĩ thi đua cơ sở”"), "{script}");
}

#[test]
fn a_department_gives_its_directors_awards_and_announces_the_provinces() {
    let p = Project::new();
    let out = build(Source::File(agency(&p, "so.yaml", &[])), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let dir = p.out();
    for (file, text) in texts(&dir) {
        assert!(!text.contains("Bằng khen") && !text.contains("BẰNG KHEN"), "{file}");
        assert!(!text.contains("Chủ tịch Sở") && !text.contains("CHỦ TỊCH SỞ"), "{file}");
    }
    let gk = dir.join("quyet-dinh-giay-khen.pdf");
    let text = pdf::flat_text(&gk);
    for phrase in [
        "GIÁM ĐỐC SỞ NỘI VỤ",
        "Về việc tặng Giấy khen của Giám đốc Sở Nội vụ cho các tập thể, cá nhân",
        "Điều 1. Tặng Giấy khen của Giám đốc Sở Nội vụ cho 01 tập thể và 02 cá nhân",
        "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở",
        "(Kèm theo Quyết định số …/QĐ-SNV ngày 12 tháng 01 năm 2026 của Giám đốc Sở Nội vụ)",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025",
    ] {
        assert!(text.contains(phrase), "{phrase}\n{text}");
    }
    // A department cites no local government law.
    assert!(!text.contains("Luật Tổ chức chính quyền địa phương"), "{text}");
    check_first_page(&pdf::page(&gk, 1), "QUYẾT ĐỊNH", "/QĐ-SNV", "Về việc tặng Giấy khen");
    check_signature(&signed_page(&gk), "GIÁM ĐỐC", "- Như Điều 3;", "Đỗ Văn Hùng");

    let cstdcs = pdf::flat_text(&dir.join("quyet-dinh-chien-si-thi-dua-co-so.pdf"));
    assert!(cstdcs.contains("Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 02 cá nhân"), "{cstdcs}");

    // The collective title is the provincial Chairman's: its decision is the province's.
    let ttldxs = dir.join("quyet-dinh-tap-the-lao-dong-xuat-sac.pdf");
    let t = pdf::flat_text(&ttldxs);
    let head: String = t.chars().take(120).collect();
    assert!(head.starts_with("ỦY BAN NHÂN DÂN") && head.contains("TỈNH PHÚ THỌ") && !t.contains("SỞ NỘI VỤ"), "{t}");
    assert!(t.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"), "{t}");
    assert!(t.contains("/QĐ-UBND") && t.contains("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"), "{t}");
    assert!(t.contains("Tặng danh hiệu “Tập thể lao động xuất sắc” cho 01 tập thể"), "{t}");
    // The same unit in two decisions.
    assert!(text.contains("Phòng Công chức, viên chức") && t.contains("Phòng Công chức, viên chức"));
    assert!(files(&dir).iter().any(|f| f.starts_with("giay-chung-nhan-tap-the-lao-dong-xuat-sac/")));

    // The register says which form and decision each award is.
    let rows = crate::util::read_sheet(&dir.join("danh-sach-khen-thuong.xlsx"), "Khen thưởng");
    let forms: Vec<&str> = rows.iter().skip(3).map(|r| r[6].as_str()).filter(|f| !f.is_empty()).collect();
    assert_eq!(forms.len(), 6, "{rows:?}");
    assert!(forms.contains(&"Tập thể lao động xuất sắc") && forms.contains(&"Giấy khen"));
}

#[test]
fn impossible_commendations_are_errors_at_their_cells() {
    // A commune Chairman conferring the province's title; a title for individuals given to
    // a collective; a form vanthu does not know; the same person twice in one decision.
    let p = Project::new();
    let path = agency(
        &p,
        "xa.yaml",
        &[
            ("form: Chiến sĩ thi đua cơ sở}", "form: Chiến sĩ thi đua cấp tỉnh}"),
            (
                "{kind: Tập thể, name: Hội Liên hiệp Phụ nữ xã, form: Giấy khen}",
                "{kind: Tập thể, name: Hội Liên hiệp Phụ nữ xã, form: Lao động tiên tiến}",
            ),
            (
                "unit: Công chức Văn phòng HĐND và UBND xã, form: Lao động tiên tiến}",
                "unit: Công chức Văn phòng HĐND và UBND xã, form: Kỷ niệm chương}",
            ),
            (
                "  - {kind: Cá nhân, honorific: Bà, name: Rơ Châm H'Mai",
                "  - {kind: Cá nhân, honorific: Ông, name: Ksor Thuân, unit: Trưởng thôn Plei Bông, form: Giấy khen}\n  - {kind: Cá nhân, honorific: Bà, name: Rơ Châm H'Mai",
            ),
        ],
    );
    let o = check(&Source::File(path));
    let errs = errors(&o);
    let at = |code: &str| errs.iter().filter(|e| e.starts_with(&format!("{code} @"))).cloned().collect::<Vec<_>>();
    // YAML places: line:column of the awards' items (awards start on line 33).
    assert_eq!(at("award-authority").len(), 1, "{errs:#?}");
    assert_eq!(at("award-holder").len(), 1, "{errs:#?}");
    assert_eq!(at("award-form").len(), 1, "{errs:#?}");
    assert_eq!(at("duplicate").len(), 1, "{errs:#?}");
    let message = |code: &str| o.diags.iter().find(|d| d.code == code).map(|d| d.message.vi.clone()).unwrap();
    assert!(
        message("award-authority")
            .contains("Chủ tịch Ủy ban nhân dân xã Ia Sao (cấp xã) không có thẩm quyền tặng Chiến sĩ thi đua cấp tỉnh")
    );
    assert!(message("award-holder").contains("Lao động tiên tiến chỉ dành cho cá nhân, không dành cho tập thể"));
    let form_hint = o.diags.iter().find(|d| d.code == "award-form").unwrap().hint.clone().unwrap().vi;
    assert!(form_hint.contains("Giấy khen") && form_hint.contains("Chiến sĩ thi đua cơ sở"), "{form_hint}");
    // Each located at the row's cell (`awards[k].form`).
    for code in ["award-authority", "award-holder", "award-form"] {
        let d = o.diags.iter().find(|d| d.code == code).unwrap();
        assert!(d.loc.as_ref().unwrap().to_string().contains(".form)"), "{code}: {:?}", d.loc);
    }

    // A department whose decision line makes its Director a “Chủ tịch”: said at the setting.
    let p = Project::new();
    let path = agency(
        &p,
        "so.yaml",
        &[(
            "signer: {name: Đỗ Văn Hùng, authority: \"\", title: GIÁM ĐỐC}\n    recipients: [Như Điều 3",
            "signer: {name: Đỗ Văn Hùng, authority: KT. CHỦ TỊCH, title: PHÓ CHỦ TỊCH}\n    recipients: [Như Điều 3",
        )],
    );
    let o = check(&Source::File(path));
    let mismatch: Vec<_> = o.diags.iter().filter(|d| d.code == "authority-mismatch").collect();
    assert!(!mismatch.is_empty(), "{:#?}", o.diags);
    assert!(
        mismatch[0].loc.as_ref().unwrap().to_string().contains("documents.decision.signer"),
        "{:?}",
        mismatch[0].loc
    );
    assert!(mismatch[0].message.vi.contains("Sở Nội vụ không có “Chủ tịch”"), "{}", mismatch[0].message.vi);

    // A district's decision after 01/07/2025: districts no longer exist.
    let p = Project::new();
    let path = agency(
        &p,
        "xa.yaml",
        &[
            ("name: ỦY BAN NHÂN DÂN XÃ IA SAO", "name: ỦY BAN NHÂN DÂN HUYỆN IA PA"),
            ("form: Chiến sĩ thi đua cơ sở}", "form: Giấy khen}"),
        ],
    );
    let o = check(&Source::File(path));
    assert!(o.diags.iter().any(|d| d.code == "district-abolished"), "{:#?}", o.diags);
}

#[test]
fn the_grounds_follow_the_level_and_the_date() {
    let store = TemplateStore::builtin();
    let g = |level, (y, m, d)| grounds_for(&store, Date::new(y, m, d).unwrap(), level).unwrap().join("\n");
    let periods = [(2023, 12, 12), (2024, 6, 1), (2025, 4, 1), (2025, 6, 20), (2025, 9, 1), (2026, 1, 12)];
    for date in periods {
        let province = g(Level::Province, date);
        let department = g(Level::Department, date);
        let commune = g(Level::Commune, date);
        assert!(province.contains("Luật Tổ chức chính quyền địa phương"), "{date:?}");
        assert!(commune.contains("Luật Tổ chức chính quyền địa phương"), "{date:?}");
        assert!(!department.contains("Luật Tổ chức chính quyền địa phương"), "{date:?}: {department}");
        let decree = if date <= (2023, 12, 31) {
            "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017"
        } else if date <= (2025, 6, 30) {
            "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023"
        } else {
            "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025"
        };
        for (level, text) in [("province", &province), ("department", &department), ("commune", &commune)] {
            assert!(text.contains(decree), "{level} {date:?}: {text}");
        }
        // Decree 129/2025 gives communes their titles from 01/07/2025.
        assert_eq!(commune.contains("129/2025/NĐ-CP"), date >= (2025, 7, 1), "{date:?}");
        assert!(!province.contains("129/2025/NĐ-CP"));
    }
    // The local government law of the period.
    assert!(g(Level::Province, (2025, 4, 1)).contains("số 65/2025/QH15"));
    assert!(g(Level::Province, (2025, 6, 20)).contains("số 72/2025/QH15"));
    assert!(g(Level::Province, (2024, 6, 1)).contains("ngày 19 tháng 6 năm 2015"));
}

#[test]
fn the_change_report_says_which_form_a_recipient_receives() {
    let p = Project::new();
    let path = agency(&p, "xa.yaml", &[]);
    assert!(!build(Source::File(path.clone()), &p.out()).diags.has_errors());
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "unit: Trưởng thôn Plei Bông, form: Giấy khen",
        "unit: Trưởng thôn Plei Bông, form: Lao động tiên tiến",
    );
    std::fs::write(&path, text).unwrap();
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let changes = out.changes.as_ref().unwrap();
    let said: Vec<String> = changes.changes.iter().map(|c| format!("{} {}", c.what, c.who)).collect();
    assert!(said.contains(&"thêm Ksor Thuân (Lao động tiên tiến)".to_string()), "{said:?}");
    assert!(said.contains(&"bỏ Ksor Thuân (Giấy khen)".to_string()), "{said:?}");
    // The Giấy khen's files changed, Lao động tiên tiến's decision is new: all to print again.
    assert!(changes.reprint.iter().any(|f| f == "quyet-dinh-giay-khen.pdf"), "{:?}", changes.reprint);
    assert!(changes.reprint.iter().any(|f| f == "quyet-dinh-lao-dong-tien-tien.pdf"), "{:?}", changes.reprint);
    assert!(changes.removed.iter().any(|f| f == "giay-khen/ksor-thuan.pdf"), "{:?}", changes.removed);
}

#[test]
fn a_giay_khen_prints_on_the_offices_form_with_only_its_variable_lines() {
    let p = Project::new();
    let path = agency(&p, "xa.yaml", &[]);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("certificates:\n  giay_khen:\n    mode: in trên phôi\n    size: A4\n");
    std::fs::write(&path, text).unwrap();
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let gk = pdf::flat_text(&p.out().join("giay-khen.pdf"));
    assert!(gk.contains("THÔN PLEI BÔNG") && gk.contains("Số sổ vàng"), "{gk}");
    assert!(!gk.contains("GIẤY KHEN") && !gk.contains("CỘNG HÒA") && !gk.contains("TẶNG"), "{gk}");
    // The title's certificate keeps its full face.
    let cn = pdf::flat_text(&p.out().join("giay-chung-nhan-chien-si-thi-dua-co-so.pdf"));
    assert!(cn.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{cn}");
}
