//! The check against normal and hostile workbooks.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::generate::{self as g, SHEET};
use crate::{Exceeded, Limits, check};

/// Small limits, so hostile files stay small and fast.
const SMALL: Limits = Limits {
    max_entries: 50,
    max_entry_bytes: 1 << 20,
    max_total_bytes: 2 << 20,
    max_shared_strings: 1000,
    max_cells: 10_000,
    max_area: 100_000,
    max_merges: 100,
    max_text_bytes: 1 << 20,
    max_total_area: 400_000,
    max_xml_token: 256 << 10,
};

const D: Limits = Limits::DEFAULT;

fn sheet() -> String {
    SHEET.to_string()
}

/// calamine opens the file, finds sheet [`SHEET`], and reads `want` at `at`.
fn calamine_reads(bytes: Vec<u8>, at: (u32, u32), want: Data) {
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).expect("calamine opens it");
    assert_eq!(wb.sheet_names(), vec![SHEET.to_string()]);
    let range = wb.worksheet_range(SHEET).expect("sheet");
    assert_eq!(range.get_value(at), Some(&want), "{range:?}");
}

#[test]
fn calamine_reads_the_generated_workbooks() {
    calamine_reads(g::xlsx(&[(4, 2, "xa")]), (1, 0), Data::String("Nguyễn Văn A".into()));
    calamine_reads(g::xlsx(&[(4, 2, "xa")]), (4, 2), Data::String("xa".into()));
    calamine_reads(g::ods(&[(5, 3, "ô")]), (1, 1), Data::String("Chủ tịch".into()));
    calamine_reads(g::ods(&[(5, 3, "ô")]), (5, 3), Data::String("ô".into()));
    calamine_reads(g::xls(&[(3, 2, 7.5)], &[(0, 0, 0, 1)]), (3, 2), Data::Float(7.5));
    calamine_reads(g::xls(&[(3, 2, 7.5)], &[]), (0, 1), Data::String("Chức vụ".into()));
    calamine_reads(g::xlsb(&[(0, 0, 1.5), (2, 3, 4.0)], &[]), (2, 3), Data::Float(4.0));
    let wb =
        calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(g::xls(&[], &[(0, 0, 0, 1)]))).expect("xls");
    assert_eq!(wb.merge_cells_by_sheet_name(SHEET).expect("merges").len(), 1);
    let mut wb = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(g::xlsx_merges(3))).expect("xlsx");
    assert_eq!(wb.merge_cells_by_sheet_name(SHEET).expect("merges").len(), 3);
}

#[test]
fn normal_files_pass() {
    for (what, bytes) in [
        ("xlsx", g::xlsx(&[(40, 20, "x")])),
        ("ods", g::ods(&[(40, 20, "x")])),
        ("xls", g::xls(&[(40, 20, 1.0)], &[(0, 0, 0, 1)])),
        ("xlsb", g::xlsb(&[(0, 0, 1.0), (40, 20, 2.0)], &[(0, 0, 0, 1)])),
        ("styled blank far away", g::xlsx_styled_blank()),
        ("merges", g::xlsx_merges(50)),
        ("a 100 KiB shared string", g::xlsx_long_string(100 << 10)),
    ] {
        assert_eq!(check(&bytes, &D), Ok(()), "{what}");
    }
}

#[test]
fn the_real_workbook_passes() {
    let bytes = std::fs::read("/work/main/data/so-ket-ocop-2023/hoi-nghi.xlsx").expect("real workbook");
    assert_eq!(check(&bytes, &D), Ok(()));
}

#[test]
fn not_workbooks_are_left_to_calamine() {
    assert_eq!(check(b"", &D), Ok(()));
    assert_eq!(check(b"PK\x03\x04 not really", &D), Ok(()));
    assert_eq!(check(&crate::ole::SIGNATURE, &D), Ok(()));
    assert_eq!(check("Họ và tên,Chức vụ\n".as_bytes(), &D), Ok(()));
}

#[test]
fn a_far_cell_is_an_area() {
    let area = |r: u32, c: u32, rows: u64, cols: u64| Exceeded::Area {
        sheet: sheet(),
        far_cell: (r, c),
        rows,
        cols,
        limit: D.max_area,
    };
    assert_eq!(check(&g::xlsx(&[(9999, 16383, "far")]), &D), Err(area(9999, 16383, 10000, 16384)));
    assert_eq!(check(&g::xlsx(&[(1048575, 16383, "far")]), &D), Err(area(1048575, 16383, 1048576, 16384)));
    assert_eq!(check(&g::ods(&[(9999, 16383, "far")]), &D), Err(area(9999, 16383, 10000, 16384)));
    assert_eq!(check(&g::xls_far(), &D), Err(area(65535, 255, 65536, 256)));
    assert_eq!(check(&g::xlsb(&[(0, 0, 1.0), (9999, 16383, 2.0)], &[]), &D), Err(area(9999, 16383, 10000, 16384)));
}

#[test]
fn an_xls_far_cell_counts_without_its_dimensions() {
    // Shrink the DIMENSIONS record (rwMac 65536 → 2, colMac 256 → 2): the NUMBER record
    // at (65535, 255) still makes the box.
    let mut bytes = g::xls_far();
    let pat = [0x00, 0x02, 0x0E, 0x00, 0, 0, 0, 0, 0x00, 0x00, 0x01, 0x00, 0, 0, 0x00, 0x01];
    let at = bytes.windows(pat.len()).position(|w| w == pat).expect("DIMENSIONS record");
    bytes[at + 8..at + 12].copy_from_slice(&2u32.to_le_bytes());
    bytes[at + 14..at + 16].copy_from_slice(&2u16.to_le_bytes());
    let area = Exceeded::Area { sheet: sheet(), far_cell: (65535, 255), rows: 65536, cols: 256, limit: D.max_area };
    assert_eq!(check(&bytes, &D), Err(area));
}

#[test]
fn declared_shared_strings() {
    let e = |n| Err(Exceeded::SharedStrings { declared_or_found: n, limit: D.max_shared_strings });
    assert_eq!(check(&g::xlsx_unique_count(1_000_000_000_000), &D), e(1_000_000_000_000));
    assert_eq!(
        check(&g::xlsx_many_strings(1001), &SMALL),
        Err(Exceeded::SharedStrings { declared_or_found: 1001, limit: 1000 })
    );
}

#[test]
fn bombs() {
    let entry = |e: &str| {
        Err(Exceeded::EntryBytes {
            entry: e.into(),
            found_at_least: SMALL.max_entry_bytes + 1,
            limit: SMALL.max_entry_bytes,
        })
    };
    assert_eq!(check(&g::xlsx_whitespace(2 << 20), &SMALL), entry("xl/worksheets/sheet1.xml"));
    assert_eq!(check(&g::xlsx_long_string(2 << 20), &SMALL), entry("xl/sharedStrings.xml"));
    assert_eq!(
        check(&g::xlsx_long_string(600 << 10), &SMALL),
        Err(Exceeded::Unbounded { part: "xl/sharedStrings.xml".into(), reason: crate::xmlscan::TOKEN })
    );
    let total = check(&g::xlsx_whitespace(900 << 10), &Limits { max_total_bytes: 900 << 10, ..SMALL });
    assert!(matches!(total, Err(Exceeded::TotalBytes { limit: 921600, .. })), "{total:?}");
    assert_eq!(
        check(&g::ods_repeat_bomb(16384, 6000), &D),
        Err(Exceeded::Cells { sheet: sheet(), found_at_least: 16384 * 6000, limit: D.max_cells })
    );
    let spaces = check(&g::ods_spaces(1_000_000_000_000), &D);
    assert!(matches!(&spaces, Err(Exceeded::TextBytes { sheet, .. }) if *sheet == SHEET), "{spaces:?}");
    let copies = check(&g::xlsx_string_copies(100_000, 20), &SMALL);
    assert!(matches!(&copies, Err(Exceeded::TextBytes { sheet, .. }) if *sheet == SHEET), "{copies:?}");
    assert_eq!(check(&g::xlsx(&[]), &Limits { max_entries: 5, ..D }), Err(Exceeded::Entries { found: 6, limit: 5 }));
}

#[test]
fn a_huge_shared_formula_index() {
    let got = check(&g::xlsx_shared_formula(1_000_000_000_000), &D);
    assert_eq!(got, Err(Exceeded::Cells { sheet: sheet(), found_at_least: 1_000_000_000_001, limit: D.max_cells }));
    assert_eq!(check(&g::xlsx_shared_formula(0), &D), Ok(()));
    calamine_reads(g::xlsx_shared_formula(0), (2, 0), Data::Float(2.0));
}

#[test]
fn merges() {
    let many = |found| Err(Exceeded::Merges { sheet: sheet(), found_at_least: found, limit: 100 });
    assert_eq!(check(&g::xlsx_merges(101), &SMALL), many(101));
    let xls_merges: Vec<_> = (0..101u16).map(|i| (i + 2, i + 2, 0, 1)).collect();
    assert_eq!(check(&g::xls(&[], &xls_merges), &SMALL), many(101));
    let big = Exceeded::MergeArea { sheet: sheet(), first: (0, 0), last: (1048575, 16383), limit: D.max_area };
    assert_eq!(check(&g::xlsx_merge("A1:XFD1048576"), &D), Err(big));
    let xls_big = Exceeded::MergeArea { sheet: sheet(), first: (0, 0), last: (65535, 255), limit: D.max_area };
    assert_eq!(check(&g::xls(&[], &[(0, 65535, 0, 255)]), &D), Err(xls_big));
    let xlsb_big = Exceeded::MergeArea { sheet: sheet(), first: (0, 0), last: (99_999, 999), limit: D.max_area };
    assert_eq!(check(&g::xlsb(&[(0, 0, 1.0)], &[(0, 99_999, 0, 999)]), &D), Err(xlsb_big));
}

#[test]
fn a_looping_ole_directory_is_caught() {
    // Point the directory's FAT entry at itself: calamine would follow it forever.
    let mut bytes = g::xls(&[(1, 1, 1.0)], &[]);
    let le = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let dir = le(&bytes, 48);
    let fat_sector = le(&bytes, 76);
    let at = 512 + fat_sector * 512 + dir * 4;
    bytes[at..at + 4].copy_from_slice(&(dir as u32).to_le_bytes());
    let got = check(&bytes, &SMALL);
    assert!(matches!(&got, Err(Exceeded::EntryBytes { entry, .. }) if entry == "(OLE directory)"), "{got:?}");
}

#[test]
fn nested_cells_are_not_guessed_at() {
    let bytes = g::xlsx(&[]);
    // A hand-written sheet where a cell hides inside another cell's value.
    let sheet = br#"<worksheet><sheetData><row r="1"><c r="A1"><v>1<c r="XFD9"><v>2</v></c></v></c></row></sheetData></worksheet>"#;
    let got = crate::tests::with_sheet(&bytes, sheet);
    assert!(matches!(check(&got, &D), Err(Exceeded::Unbounded { .. })));
}

/// `bytes` (a generated xlsx) with its sheet part replaced.
fn with_sheet(bytes: &[u8], sheet: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).expect("entry");
        let name = f.name().expect("name").to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("read");
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("start");
        out.write_all(if name.ends_with("sheet1.xml") { sheet } else { &data }).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn mutated_workbooks_never_panic() {
    let seeds: Vec<Vec<u8>> = vec![
        g::xlsx(&[(5, 5, "x")]),
        g::xlsx_merges(5),
        g::ods(&[(3, 3, "y")]),
        g::xls(&[(2, 2, 1.0)], &[(0, 0, 0, 1)]),
        g::xlsb(&[(0, 0, 1.0), (3, 1, 2.0)], &[(0, 1, 0, 1)]),
        std::fs::read("/work/main/data/so-ket-ocop-2023/hoi-nghi.xlsx").expect("real workbook"),
    ];
    let mut rng = fastrand::Rng::with_seed(0x5EED);
    let rounds = std::env::var("WBGUARD_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(1500);
    for round in 0..rounds {
        let seed = &seeds[round % seeds.len()];
        let mut b = seed.clone();
        for _ in 0..rng.usize(1..8) {
            let i = rng.usize(..b.len());
            match rng.u8(..4) {
                0 => b[i] = rng.u8(..),
                1 => b[i] ^= 1 << rng.u8(..8),
                2 => b.truncate(i.max(1)),
                _ => b.insert(i, rng.u8(..)),
            }
        }
        let _ = check(&b, &D);
        let _ = check(&b, &SMALL);
    }
}
