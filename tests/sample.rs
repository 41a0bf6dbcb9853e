//! The embedded sample conference builds its invitations and register.

use calamine::{Data, Reader, open_workbook_auto};
use vanthu::commands::sample;

use vanthu::diag::Diagnostics;
use vanthu::model::Dataset;
use vanthu::pipeline::{Timings, prepare};

use crate::util::{Project, build, files, pdf};

fn prepared_sample() -> Dataset {
    let mut diags = Diagnostics::new();
    prepare(&sample(), &mut diags, &mut Timings::default()).expect("the sample is valid").dataset
}

#[test]
fn sample_builds_one_invitation_per_invited_delegate() {
    let p = Project::new();
    let out = build(sample(), &p.out());
    assert!(!out.diags.has_errors(), "{:?}", out.diags);
    let files = files(&p.out());
    let singles: Vec<&String> = files.iter().filter(|f| f.starts_with("giay-moi/")).collect();

    // The sample invites everyone except the organisers marked "Mời: Không".
    let ds = prepared_sample();
    assert!(ds.delegates.len() > 240, "the sample has about 260 delegates, found {}", ds.delegates.len());
    let invited = ds.delegates.iter().filter(|d| d.invited).count();
    assert!(invited < ds.delegates.len());
    assert_eq!(singles.len(), invited);
    assert!(singles.iter().all(|f| f.is_ascii() && f.ends_with(".pdf")));
    assert_eq!(pdf::pages(&p.out().join("giay-moi.pdf")), singles.len());

    // Two invitees share the name Nguyễn Văn Hùng: their files carry their ids.
    let hung: Vec<&&String> = singles.iter().filter(|f| f.starts_with("giay-moi/nguyen-van-hung")).collect();
    assert_eq!(hung.len(), 2, "{hung:?}");
    assert!(hung.iter().all(|f| f.len() > "giay-moi/nguyen-van-hung.pdf".len()));

    // The register lists every invitee, phones as text with their leading 0.
    let mut book = open_workbook_auto(p.out().join("danh-sach-giay-moi.xlsx")).unwrap();
    let range = book.worksheet_range("Giấy mời").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[2][3], Data::String("Họ và tên".into()));
    let data_rows = &rows[3..];
    assert_eq!(data_rows.len(), singles.len());
    let phones: Vec<&Data> = data_rows.iter().map(|r| &r[7]).filter(|d| **d != Data::Empty).collect();
    assert!(!phones.is_empty());
    assert!(phones.iter().all(|d| matches!(d, Data::String(s) if s.starts_with('0'))), "{phones:?}");
    // Every register row points at a file that exists.
    for r in data_rows {
        let Data::String(file) = &r[11] else { panic!("{r:?}") };
        assert!(p.out().join(file).exists(), "{file}");
    }
}

#[test]
fn an_invitation_says_who_what_when_where() {
    let p = Project::new();
    let out = build(sample(), &p.out());
    assert!(!out.diags.has_errors());
    // The first invitee in protocol order is the central guest (group Trung ương, rank 1).
    let merged = pdf::text(&p.out().join("giay-moi.pdf"));
    let first_page = merged.split('\u{c}').next().unwrap();
    let flat: String = first_page.split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in [
        "ỦY BAN NHÂN DÂN",
        "TỈNH TUYÊN QUANG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/GM-UBND",
        "Tuyên Quang, ngày 05 tháng 12 năm 2023",
        "GIẤY MỜI",
        "Ủy ban nhân dân tỉnh Tuyên Quang trân trọng kính mời: Đồng chí",
        "Trung ương",
        "Chủ trì: Đồng chí Nguyễn Thế Giang",
        "bắt đầu từ 08 giờ 00 phút, ngày 15 tháng 12 năm 2023 (thứ Sáu)",
        "Nơi nhận:",
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
    ] {
        assert!(flat.contains(phrase), "missing {phrase:?} in:\n{first_page}");
    }
    assert!(!flat.contains("Kính gửi"), "an invitation has no Kính gửi");
    assert!(flat.contains("./."), "the body ends with ./.");
}
