//! Old workbooks: cells typed in TCVN3 (ABC) or VNI-Windows — with the font that says so,
//! or without — and UTF-8 garbled into Windows-1252 come out as correct Vietnamese, each
//! converted cell named in a warning; clean text is never touched (nd30-layout §5.4).

use rust_xlsxwriter::{Format, Workbook};
use vanthu::diag::Diagnostics;
use vanthu::input::Source;
use vanthu::pipeline::{Timings, prepare};

use crate::util::{Project, build, pdf, settings};

/// One delegate row: (Danh xưng, Họ và tên, Chức vụ, Cơ quan) and the font of the cells.
type Row = (&'static str, &'static str, &'static str, &'static str, Option<&'static str>);

const ROWS: [Row; 6] = [
    // TCVN3 in .VnTime.
    ("¤ng", "NguyÔn V¨n An", "Gi¸m ®èc", "Së Tµi chÝnh", Some(".VnTime")),
    // VNI in VNI-Times.
    ("Bà", "Traàn Thò Bình", "Giaùm ñoác", "Sôû Noâng nghieäp vaø PTNT", Some("VNI-Times")),
    // VNI, no telling font: detected.
    ("Ông", "Hoaøng Vaên Nam", "Tröôûng phoøng", "Sôû Taøi chính", None),
    // TCVN3, no telling font (with the soft hyphen that is "ư").
    ("Bà", "Lª ThÞ Hoa", "Tr\u{ad}ëng phßng", "UBND huyÖn S¬n D\u{ad}¬ng", None),
    // UTF-8 read as Windows-1252.
    ("Ông", "LÃª VÄƒn HÃ¹ng", "GiÃ¡m Ä‘á»‘c", "Sá»Ÿ TÃ\u{a0}i chÃ\u{ad}nh", None),
    // Clean Vietnamese that uses Latin-1 letters only: must stay as it is.
    ("Ông", "Tô Hoài", "Kế toán", "Báo Tuyên Quang", None),
];

fn legacy_workbook(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let vntime = Format::new().set_font_name(".VnTime");
    let vntime_h = Format::new().set_font_name(".VnTimeH");

    let ws = wb.add_worksheet();
    ws.set_name("Hội nghị").unwrap();
    for (r, row) in settings().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let crate::util::C::S(s) = cell {
                ws.write_string(r as u32, c as u16, *s).unwrap();
            }
        }
    }
    // The title typed in TCVN3 under .VnTime; the issuer in the capitals font .VnTimeH,
    // which draws the lower-case codes as capitals.
    ws.write_string_with_format(2, 1, "Héi nghÞ s¬ kÕt 3 n¨m thùc hiÖn Ch\u{ad}¬ng tr×nh OCOP", &vntime).unwrap();
    ws.write_string_with_format(6, 1, "ñy ban nh©n d©n tØnh tuyªn quang", &vntime_h).unwrap();

    let ws = wb.add_worksheet();
    ws.set_name("Đại biểu").unwrap();
    // Headers in TCVN3 too: matched as the Unicode they stand for.
    let headers = ["STT", "Danh x\u{ad}ng", "Hä vµ tªn", "Chøc vô", "C¬ quan, ®¬n vÞ", "Nhãm"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &vntime).unwrap();
    }
    for (i, (title, name, position, org, font)) in ROWS.iter().enumerate() {
        let r = 1 + i as u32;
        let format = font.map_or_else(Format::new, |f| Format::new().set_font_name(f));
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        for (c, text) in [(1, title), (2, name), (3, position), (4, org)] {
            ws.write_string_with_format(r, c, *text, &format).unwrap();
        }
        ws.write_string(r, 5, "Sở ngành").unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn old_encodings_are_converted_with_a_warning_per_cell() {
    let p = Project::new();
    let path = p.path("hoi-nghi-cu.xlsx");
    legacy_workbook(&path);
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);

    let mut warned: Vec<String> =
        out.diags.iter().filter(|d| d.code == "legacy-encoding").map(|d| d.loc.as_ref().unwrap().short()).collect();
    warned.sort();
    let mut expected: Vec<String> = vec!["Hội nghị!B3".into(), "Hội nghị!B7".into(), "Đại biểu!B2".into()];
    for row in 2..=6 {
        expected.extend(["C", "D", "E"].map(|col| format!("Đại biểu!{col}{row}")));
    }
    expected.sort();
    assert_eq!(warned, expected, "one warning per converted cell, and none for clean ones");
    let an = out.diags.iter().find(|d| d.loc.as_ref().is_some_and(|l| l.short() == "Đại biểu!C2")).unwrap();
    assert!(an.message.vi.contains("TCVN3") && an.message.vi.contains("\"Nguyễn Văn An\""), "{}", an.message.vi);
    let binh = out.diags.iter().find(|d| d.loc.as_ref().is_some_and(|l| l.short() == "Đại biểu!C3")).unwrap();
    assert!(binh.message.vi.contains("VNI"), "{}", binh.message.vi);

    let merged = pdf::flat_text(&p.out().join("giay-moi.pdf"));
    for expected in [
        "Ông Nguyễn Văn An, Giám đốc Sở Tài chính",
        "Bà Trần Thị Bình, Giám đốc Sở Nông nghiệp và PTNT",
        "Ông Hoàng Văn Nam, Trưởng phòng",
        "Bà Lê Thị Hoa, Trưởng phòng",
        "UBND huyện Sơn Dương",
        "Ông Lê Văn Hùng, Giám đốc Sở Tài chính",
        "Ông Tô Hoài, Kế toán Báo Tuyên Quang",
        "Hội nghị sơ kết 3 năm thực hiện Chương trình OCOP",
        "Ủy ban nhân dân tỉnh Tuyên Quang trân trọng kính mời",
    ] {
        assert!(merged.contains(expected), "missing {expected:?} in\n{merged}");
    }
    // Nothing of the old encodings is left.
    for residue in ['ª', '©', '¬', '®', '\u{ad}', 'Ä', '»', 'ø', 'ö', 'ñ', 'Þ'] {
        assert!(!merged.contains(residue), "{residue:?} left in\n{merged}");
    }
}

/// The sample's text — every name, position, organisation, setting — is clean Unicode and
/// must come through untouched, from the workbook and from the YAML.
#[test]
fn clean_text_is_never_altered() {
    let yaml = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/so-ket-ocop-2023/hoi-nghi.yaml");
    for source in [vanthu::commands::sample(), Source::File(yaml)] {
        let mut diags = Diagnostics::new();
        let prepared = prepare(&source, &mut diags, &mut Timings::default());
        assert!(prepared.is_some(), "{diags:#?}");
        let legacy: Vec<_> = diags.iter().filter(|d| d.code == "legacy-encoding").collect();
        assert!(legacy.is_empty(), "{legacy:#?}");
    }
}
