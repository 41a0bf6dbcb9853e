//! Issue 23: every kind of state body. A ministry (the Minister's Bằng khen, the Ministry's
//! Cờ thi đua and "Chiến sĩ thi đua cấp Bộ": three decisions, a header with no superior
//! line) and a public university under a ministry (the Rector's Giấy khen, "Lao động tiên
//! tiến" with certificates, "Chiến sĩ thi đua cơ sở" for a school year), each read back:
//! authority lines, the grounds of the level in the order of their instruments, the
//! proposal and Điều 3 of the body, the period said the same in the subject, Điều 1, the
//! list, the certificate and the script, lists that fit what they hold; Decree 30 measured
//! on each decision's first and signed page.

use std::path::{Path, PathBuf};

use vanthu::input::Source;

use crate::layout::{check_first_page, check_signature};
use crate::util::{Project, build, files, pdf, stderr, vanthu};

fn fixture(p: &Project, name: &str) -> PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agencies").join(name))
            .unwrap();
    p.file("hoi-nghi.yaml", &text)
}

/// The page of `path` that has the signature.
fn signed_page(path: &Path) -> pdf::Page {
    (1..=pdf::pages(path))
        .map(|n| pdf::page(path, n))
        .find(|pg| pg.runs().iter().any(|r| r.text == "Nơi nhận:"))
        .expect("a page with Nơi nhận")
}

/// The positions of `phrases` in `text`, which must all be there, in that order.
fn in_order(text: &str, phrases: &[&str]) {
    let mut at = 0;
    for p in phrases {
        let found = text[at..].find(p).unwrap_or_else(|| panic!("{p:?} missing, or out of order, in\n{text}"));
        at += found + p.len();
    }
}

#[test]
fn a_ministry_confers_its_own_awards_in_its_own_words() {
    let p = Project::new();
    let out = build(Source::File(fixture(&p, "bo.yaml")), &p.out());
    let said: Vec<String> =
        out.diags.iter().filter(|d| d.severity >= vanthu::diag::Severity::Warning).map(|d| format!("{d:?}")).collect();
    assert!(said.is_empty(), "{said:#?}");
    let dir = p.out();
    let names = files(&dir);
    for d in ["quyet-dinh-bang-khen.pdf", "quyet-dinh-co-thi-dua.pdf", "quyet-dinh-chien-si-thi-dua-cap-bo.pdf"] {
        assert!(names.contains(&d.to_string()), "{d}: {names:?}");
        let path = dir.join(d);
        let text = pdf::flat_text(&path);
        // The Minister's authority, the organisation law of the date before the emulation
        // law, the decrees after them, the Ministry's proposal and Điều 3.
        in_order(
            &text,
            &[
                "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025;",
                "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025",
                "Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025",
                "Theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ.",
                "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ",
            ],
        );
        assert!(!text.contains("chính quyền địa phương") && !text.contains("Sở Nội vụ"), "{d}: {text}");
        assert!(!text.contains("Ủy ban nhân dân") && !text.contains("ỦY BAN"), "{d}: {text}");
        // No superior line: every line left of the national name is the Ministry's, bold.
        let first = pdf::page(&path, 1);
        let quoc_hieu = first.run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        let so = first.run("Số:");
        let left: Vec<String> = first
            .runs()
            .into_iter()
            .filter(|r| r.x1 < quoc_hieu.x0 && r.y < so.y - 1.0 && r.text != "Số:")
            .map(|r| format!("{} {}", r.font, r.text))
            .collect();
        assert!(left.iter().all(|l| l.contains("Bold")) && left.join(" ").contains("BỘ NÔNG NGHIỆP"), "{left:?}");
        check_first_page(&first, "QUYẾT ĐỊNH", "/QĐ-BNNMT", "Về việc");
        check_signature(&signed_page(&path), "KT. BỘ TRƯỞNG", "- Như Điều 3;", "Lê Quốc Thanh");
    }
    let bk = pdf::flat_text(&dir.join("quyet-dinh-bang-khen.pdf"));
    for phrase in [
        "Về việc tặng Bằng khen của Bộ trưởng Bộ Nông nghiệp và Môi trường cho các tập thể, cá nhân",
        "Điều 1. Tặng Bằng khen của Bộ trưởng Bộ Nông nghiệp và Môi trường cho 01 tập thể và 01 cá nhân",
        // NĐ 152/2025: 1,5 and 3,0 × 2.340.000.
        "mỗi tập thể 7.020.000 đồng, mỗi cá nhân 3.510.000 đồng",
        "và các tập thể, cá nhân có tên tại Điều 1",
    ] {
        assert!(bk.contains(phrase), "{phrase}\n{bk}");
    }
    // The flag is the Ministry's, said as such from the subject to the list.
    let co = pdf::flat_text(&dir.join("quyet-dinh-co-thi-dua.pdf"));
    in_order(
        &co,
        &[
            "Về việc tặng Cờ thi đua của Bộ Nông nghiệp và Môi trường năm 2025 cho các tập thể",
            "Điều 1. Tặng Cờ thi đua của Bộ Nông nghiệp và Môi trường năm 2025 cho 01 tập thể",
            "Tiền thưởng kèm theo Cờ thi đua: mỗi tập thể 18.720.000 đồng",
            "và các tập thể có tên tại Điều 1",
            "Tập thể được tặng Cờ thi đua của Bộ Nông nghiệp và Môi trường năm 2025",
        ],
    );
    // The Ministry's own title, for its year, recognised (“công nhận”), for individuals only.
    let cs = pdf::flat_text(&dir.join("quyet-dinh-chien-si-thi-dua-cap-bo.pdf"));
    in_order(
        &cs,
        &[
            "Về việc công nhận danh hiệu “Chiến sĩ thi đua cấp Bộ” năm 2025 cho các cá nhân",
            "Điều 1. Công nhận danh hiệu “Chiến sĩ thi đua cấp Bộ” năm 2025 cho 02 cá nhân",
            "mỗi cá nhân 7.020.000 đồng",
            "và các cá nhân có tên tại Điều 1",
            "Cá nhân được công nhận danh hiệu “Chiến sĩ thi đua cấp Bộ” năm 2025",
        ],
    );
    assert!(!cs.contains("các tập thể, cá nhân"), "{cs}");
    let cert = pdf::flat_text(&dir.join("giay-chung-nhan-chien-si-thi-dua-cap-bo.pdf"));
    assert!(
        cert.contains("BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CẤP BỘ Năm 2025"),
        "{cert}"
    );
    let script = pdf::script_text(&dir.join("kich-ban.pdf"));
    for phrase in [
        "của Bộ trưởng Bộ Nông nghiệp và Môi trường về việc công nhận danh hiệu “Chiến sĩ thi đua cấp Bộ” năm 2025",
        "lên nhận danh hiệu “Chiến sĩ thi đua cấp Bộ” năm 2025",
        "lên nhận Cờ thi đua của Bộ Nông nghiệp và Môi trường năm 2025",
    ] {
        assert!(script.contains(phrase), "{phrase}\n{script}");
    }
}

#[test]
fn a_university_confers_for_a_school_year() {
    let p = Project::new();
    let out = build(Source::File(fixture(&p, "truong.yaml")), &p.out());
    let said: Vec<String> =
        out.diags.iter().filter(|d| d.severity >= vanthu::diag::Severity::Warning).map(|d| format!("{d:?}")).collect();
    assert!(said.is_empty(), "{said:#?}");
    let dir = p.out();
    let period = "năm học 2024 - 2025";
    // Giấy khen typed “Giấy khen của Hiệu trưởng”, to collectives only: their table has no
    // “Chức vụ, đơn vị” column, and Điều 3 names collectives.
    let gk_path = dir.join("quyet-dinh-giay-khen.pdf");
    let gk = pdf::flat_text(&gk_path);
    in_order(
        &gk,
        &[
            "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
            "TRƯỜNG ĐẠI HỌC",
            "Về việc tặng Giấy khen của Hiệu trưởng Trường Đại học Nông Lâm Tây Nguyên cho các tập thể",
            "HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC NÔNG LÂM TÂY NGUYÊN",
            // Laws (the emulation law, then the school's own sector law), the decree, the
            // Prime Minister's founding decision, then the school's own rules.
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15",
            "Căn cứ Luật Giáo dục đại học ngày 18 tháng 6 năm 2012",
            "Căn cứ Nghị định số 152/2025/NĐ-CP",
            "Căn cứ Quyết định số 298/QĐ-TTg ngày 12 tháng 3 năm 2004 của Thủ tướng Chính phủ",
            "Căn cứ Quyết định số 15/QĐ-ĐHNLTN",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Trường.",
            "Điều 1. Tặng Giấy khen của Hiệu trưởng Trường Đại học Nông Lâm Tây Nguyên cho 02 tập thể",
            "Trưởng các đơn vị thuộc Trường và các tập thể có tên tại Điều 1",
            "STT Tên tập thể I. TẬP THỂ (02 tập thể) 1 Khoa Nông học 2 Phòng Đào tạo",
        ],
    );
    assert!(!gk.contains("Chức vụ, đơn vị") && !gk.contains("Sở Nội vụ"), "{gk}");
    check_first_page(&pdf::page(&gk_path, 1), "QUYẾT ĐỊNH", "/QĐ-ĐHNLTN", "Về việc tặng Giấy khen");
    check_signature(&signed_page(&gk_path), "HIỆU TRƯỞNG", "- Như Điều 3;", "Nguyễn Văn Hòa");

    // The titles, for the school year: subject, Điều 1, list, certificate and script agree.
    for (file, title, cert) in [
        ("lao-dong-tien-tien", "Lao động tiên tiến", "LAO ĐỘNG TIÊN TIẾN"),
        ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "CHIẾN SĨ THI ĐUA CƠ SỞ"),
    ] {
        let path = dir.join(format!("quyet-dinh-{file}.pdf"));
        let text = pdf::flat_text(&path);
        let what = format!("danh hiệu “{title}” {period}");
        in_order(
            &text,
            &[
                &format!("Về việc tặng {what} cho các cá nhân"),
                &format!("Điều 1. Tặng {what} cho"),
                "Trưởng các đơn vị thuộc Trường và các cá nhân có tên tại Điều 1",
                &format!("Cá nhân được tặng {what}"),
            ],
        );
        assert!(!text.contains("” năm 2025") && !text.contains("các tập thể, cá nhân"), "{file}: {text}");
        check_signature(&signed_page(&path), "HIỆU TRƯỞNG", "- Như Điều 3;", "Nguyễn Văn Hòa");
        // Certificates, asked for on Lao động tiên tiến (which has none by default).
        let certs = dir.join(format!("giay-chung-nhan-{file}.pdf"));
        let c = pdf::flat_text(&certs);
        assert!(c.contains(&format!("TẶNG DANH HIỆU {cert} Năm học 2024 - 2025")), "{file}: {c}");
    }
    let lđtt = files(&dir).into_iter().filter(|f| f.starts_with("giay-chung-nhan-lao-dong-tien-tien/")).count();
    assert_eq!(lđtt, 2, "one certificate per recipient");
    let script = pdf::flat_text(&dir.join("kich-ban.pdf"));
    assert!(script.contains(&format!("lên nhận danh hiệu “Lao động tiên tiến” {period}")), "{script}");
    assert!(!script.contains("năm 2025 năm học"), "{script}");
}

#[test]
fn every_level_has_a_starter_that_builds_without_a_word() {
    // `vanthu init --cap` offers the new levels, read loosely; a wrong one is a usage
    // error in Vietnamese listing them.
    let p = Project::new();
    for (i, cap) in ["bo", "cuc", "don-vi", "Bộ", "đơn vị sự nghiệp", "Cục"].into_iter().enumerate() {
        let dir = format!("c{i}");
        let o = vanthu(&["init", &dir, "--cap", cap], p.dir.path());
        assert_eq!(o.status.code(), Some(0), "{cap}: {}", stderr(&o));
        let conf = p.path(&dir);
        let o = vanthu(&["build", "hoi-nghi.xlsx"], &conf);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{cap}: {err}");
        assert!(!err.lines().any(|l| l.starts_with("cảnh báo") || l.starts_with("lỗi")), "{cap}: {err}");
    }
    let o = vanthu(&["init", "x", "--cap", "co-quan"], p.dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("lỗi: --cap: không có cấp cơ quan “co-quan”"), "{err}");
    assert!(err.contains("bo (bộ, cơ quan ngang bộ)") && err.contains("don-vi (đơn vị sự nghiệp"), "{err}");
    assert!(!err.contains("error:") && !err.contains("invalid value"), "{err}");
    // Any usage error reads in Vietnamese.
    let o = vanthu(&["build", "--formt", "json"], p.dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("lỗi: không có tùy chọn “--formt”"), "{}", stderr(&o));
}
