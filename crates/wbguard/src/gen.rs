//! Builds normal and hostile workbooks in memory, for tests and measurements.
//!
//! Zip entries are written through `ZipWriter` as a stream, so a multi-GiB decompressed
//! bomb costs only its compressed size in memory. Every function takes the size of what it
//! repeats: pass small sizes with small [`crate::Limits`] for fast tests, full sizes (see
//! the `FULL_*` constants) for one-off measurements.

use std::io::{self, Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// The sheet every generator names (a real clerk's name, not ASCII).
pub const SHEET: &str = "Đại biểu";
/// Sizes of the full bombs: 3 GiB of whitespace, a 2.2 GiB shared string.
pub const FULL_WHITESPACE: u64 = 3 << 30;
pub const FULL_STRING: u64 = 2_200_000_000;

type Part<'a> = &'a dyn Fn(&mut dyn Write) -> io::Result<()>;

/// A zip of `(name, writer)` entries, deflated (the ODS `mimetype` stored, first).
fn zip_of(entries: &[(&str, Part<'_>)]) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, write) in entries {
        let opts = if *name == "mimetype" {
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
        } else {
            SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
                .large_file(true)
        };
        z.start_file(*name, opts).expect("zip entry");
        write(&mut z).expect("zip write");
    }
    z.finish().expect("zip finish").into_inner()
}

/// Writes `n` copies of `byte` in 1 MiB pieces.
fn repeat(w: &mut dyn Write, byte: u8, n: u64) -> io::Result<()> {
    let chunk = vec![byte; 1 << 20];
    let mut left = n;
    while left > 0 {
        let k = left.min(chunk.len() as u64) as usize;
        w.write_all(&chunk[..k])?;
        left -= k as u64;
    }
    Ok(())
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `A1`-style name of a 0-based cell.
pub fn a1(row: u32, col: u32) -> String {
    let mut c = col + 1;
    let mut letters = Vec::new();
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap_or_default(), row + 1)
}

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The header cells of every generated sheet.
pub const BASE: [(u32, u32, &str); 4] =
    [(0, 0, "Họ và tên"), (0, 1, "Chức vụ"), (1, 0, "Nguyễn Văn A"), (1, 1, "Chủ tịch")];

/// An xlsx built from its sheet and shared-strings writers.
fn xlsx_parts(sst: Part<'_>, sheet: Part<'_>) -> Vec<u8> {
    let types = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#
        )
    };
    let rels = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
    };
    let wb = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            esc(SHEET)
        )
    };
    let wb_rels = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
        )
    };
    zip_of(&[
        ("[Content_Types].xml", &types),
        ("_rels/.rels", &rels),
        ("xl/workbook.xml", &wb),
        ("xl/_rels/workbook.xml.rels", &wb_rels),
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// The shared strings and the `<row>`s of `cells` (text cells; sorted by row).
fn table(extra: &[(u32, u32, &str)]) -> (Vec<String>, String) {
    let mut cells: Vec<(u32, u32, &str)> = BASE.iter().copied().chain(extra.iter().copied()).collect();
    cells.sort_by_key(|&(r, c, _)| (r, c));
    let mut strings: Vec<String> = Vec::new();
    let mut rows = String::new();
    let mut row = None;
    for (r, c, text) in cells {
        if row != Some(r) {
            if row.is_some() {
                rows.push_str("</row>");
            }
            rows.push_str(&format!(r#"<row r="{}">"#, r + 1));
            row = Some(r);
        }
        let i = strings.iter().position(|s| s == text).unwrap_or_else(|| {
            strings.push(text.to_string());
            strings.len() - 1
        });
        rows.push_str(&format!(r#"<c r="{}" t="s"><v>{i}</v></c>"#, a1(r, c)));
    }
    if row.is_some() {
        rows.push_str("</row>");
    }
    (strings, rows)
}

fn sst_xml(w: &mut dyn Write, strings: &[String], declared: Option<u64>, long: u64) -> io::Result<()> {
    let n = declared.unwrap_or(strings.len() as u64 + u64::from(long > 0));
    write!(w, r#"<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{n}" uniqueCount="{n}">"#)?;
    for s in strings {
        write!(w, "<si><t>{}</t></si>", esc(s))?;
    }
    if long > 0 {
        w.write_all(b"<si><t>")?;
        repeat(w, b'a', long)?;
        w.write_all(b"</t></si>")?;
    }
    w.write_all(b"</sst>")
}

/// An xlsx with sheet [`SHEET`]: the [`BASE`] cells plus `extra` (row, col, text), and
/// after the rows `tail` (merges, whitespace…) written by `after_rows`.
fn xlsx_custom(
    extra: &[(u32, u32, &str)],
    declared: Option<u64>,
    long: u64,
    after_rows: Part<'_>,
    tail: &str,
) -> Vec<u8> {
    let (strings, rows) = table(extra);
    let sst = |w: &mut dyn Write| sst_xml(w, &strings, declared, long);
    let sheet = |w: &mut dyn Write| {
        write!(w, r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows}"#)?;
        after_rows(w)?;
        write!(w, "</sheetData>{tail}</worksheet>")
    };
    xlsx_parts(&sst, &sheet)
}

fn nothing(_: &mut dyn Write) -> io::Result<()> {
    Ok(())
}

/// A normal xlsx: the [`BASE`] cells plus `extra` (0-based row, col, text).
pub fn xlsx(extra: &[(u32, u32, &str)]) -> Vec<u8> {
    xlsx_custom(extra, None, 0, &nothing, "")
}

/// An xlsx whose `<sst>` declares `n` strings (`uniqueCount` and `count`).
pub fn xlsx_unique_count(n: u64) -> Vec<u8> {
    xlsx_custom(&[], Some(n), 0, &nothing, "")
}

/// An xlsx whose sheet has `bytes` of spaces inside `<sheetData>`.
pub fn xlsx_whitespace(bytes: u64) -> Vec<u8> {
    xlsx_custom(&[], None, 0, &|w| repeat(w, b' ', bytes), "")
}

/// An xlsx with one more shared string, `bytes` long (unused by any cell).
pub fn xlsx_long_string(bytes: u64) -> Vec<u8> {
    xlsx_custom(&[], None, bytes, &nothing, "")
}

/// An xlsx with `n` two-cell merges (`A3:B3`, `A4:B4`, …).
pub fn xlsx_merges(n: u64) -> Vec<u8> {
    let tail: String = (0..n).map(|i| format!(r#"<mergeCell ref="A{0}:B{0}"/>"#, i + 3)).collect();
    xlsx_custom(&[], None, 0, &nothing, &format!(r#"<mergeCells count="{n}">{tail}</mergeCells>"#))
}

/// An xlsx with one merge over `range` (e.g. `A1:XFD1048576`).
pub fn xlsx_merge(range: &str) -> Vec<u8> {
    xlsx_custom(&[], None, 0, &nothing, &format!(r#"<mergeCells count="1"><mergeCell ref="{range}"/></mergeCells>"#))
}

/// An xlsx with a styled blank far away (`<c r="XFD1048576" s="1"/>`): calamine skips it.
pub fn xlsx_styled_blank() -> Vec<u8> {
    xlsx_custom(&[], None, 0, &|w| w.write_all(br#"<row r="1048576"><c r="XFD1048576" s="1"/></row>"#), "")
}

/// An xlsx with one shared string `len` bytes long used by `cells` cells of column C
/// (calamine's `worksheet_range` copies it into every one of them).
pub fn xlsx_string_copies(len: u64, cells: u32) -> Vec<u8> {
    let n = BASE.len();
    let rows = move |w: &mut dyn Write| {
        for r in 0..cells {
            write!(w, r#"<row r="{0}"><c r="C{0}" t="s"><v>{n}</v></c></row>"#, r + 3)?;
        }
        Ok(())
    };
    xlsx_custom(&[], None, len, &rows, "")
}

/// An xlsx whose `<sst>` has `n` strings ("s0", "s1", …).
pub fn xlsx_many_strings(n: u64) -> Vec<u8> {
    let sst = |w: &mut dyn Write| {
        write!(w, r#"<sst {NS} count="{n}" uniqueCount="{n}">"#)?;
        for i in 0..n {
            write!(w, "<si><t>s{i}</t></si>")?;
        }
        w.write_all(b"</sst>")
    };
    let sheet = |w: &mut dyn Write| write!(w, r#"<worksheet {NS}><sheetData/></worksheet>"#);
    xlsx_parts(&sst, &sheet)
}

// ---------------------------------------------------------------------------------- ODS

const ODS_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3""#;

/// An ods with one table [`SHEET`] whose body is written by `rows`.
fn ods_parts(rows: Part<'_>) -> Vec<u8> {
    let mime = |w: &mut dyn Write| w.write_all(b"application/vnd.oasis.opendocument.spreadsheet");
    let manifest = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
        )
    };
    let content = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}><office:body><office:spreadsheet><table:table table:name="{}">"#,
            esc(SHEET)
        )?;
        rows(w)?;
        w.write_all(b"</table:table></office:spreadsheet></office:body></office:document-content>")
    };
    zip_of(&[("mimetype", &mime), ("META-INF/manifest.xml", &manifest), ("content.xml", &content)])
}

fn ods_cell(w: &mut dyn Write, text: &str, repeat: u64) -> io::Result<()> {
    let rep = if repeat > 1 { format!(r#" table:number-columns-repeated="{repeat}""#) } else { String::new() };
    write!(w, r#"<table:table-cell office:value-type="string"{rep}><text:p>{}</text:p></table:table-cell>"#, esc(text))
}

/// A normal ods as LibreOffice writes it: the [`BASE`] cells plus `extra` (0-based row,
/// col, text; at most one per row, after the base rows), each row ended by
/// `number-columns-repeated="1019"` empty cells and the table by 1 048 000 empty rows.
pub fn ods(extra: &[(u32, u32, &str)]) -> Vec<u8> {
    let mut extra: Vec<_> = extra.to_vec();
    extra.sort_by_key(|&(r, c, _)| (r, c));
    let rows = move |w: &mut dyn Write| {
        let tail = r#"<table:table-cell table:number-columns-repeated="1019"/></table:table-row>"#;
        for r in 0..2u32 {
            w.write_all(b"<table:table-row>")?;
            for c in 0..2u32 {
                let text = BASE.iter().find(|b| b.0 == r && b.1 == c).map_or("", |b| b.2);
                ods_cell(w, text, 1)?;
            }
            w.write_all(tail.as_bytes())?;
        }
        let mut next = 2u32;
        for &(r, c, text) in &extra {
            if r < next {
                continue;
            }
            if r > next {
                write!(
                    w,
                    r#"<table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
                    r - next
                )?;
            }
            w.write_all(b"<table:table-row>")?;
            if c > 0 {
                write!(w, r#"<table:table-cell table:number-columns-repeated="{c}"/>"#)?;
            }
            ods_cell(w, text, 1)?;
            w.write_all(tail.as_bytes())?;
            next = r + 1;
        }
        w.write_all(br#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#)
    };
    ods_parts(&rows)
}

/// An ods repeating one non-empty cell `cols` times in a row repeated `rows` times (the
/// 875-byte bomb: 16 384 × 6 000).
pub fn ods_repeat_bomb(cols: u64, rows: u64) -> Vec<u8> {
    ods_parts(&move |w| {
        write!(w, r#"<table:table-row table:number-rows-repeated="{rows}">"#)?;
        ods_cell(w, "x", cols)?;
        w.write_all(b"</table:table-row>")
    })
}

/// An ods whose one cell holds `<text:s text:c="n"/>`: calamine pushes `n` spaces.
pub fn ods_spaces(n: u64) -> Vec<u8> {
    ods_parts(&move |w| {
        write!(
            w,
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="{n}"/></text:p></table:table-cell></table:table-row>"#
        )
    })
}

// ---------------------------------------------------------------------------------- XLS

fn biff(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

fn bof(dt: u16) -> Vec<u8> {
    let mut d = Vec::new();
    for v in [0x0600u16, dt, 0x0DBB, 0x07CC] {
        d.extend_from_slice(&v.to_le_bytes());
    }
    d.extend_from_slice(&[0; 8]);
    d
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A BIFF8 `.xls` (an OLE file with a `Workbook` stream) with sheet [`SHEET`] holding the
/// [`BASE`] texts (LABELSST), `numbers` (NUMBER records, 0-based row, col) and `merges`
/// (first row, last row, first col, last col).
pub fn xls(numbers: &[(u16, u16, f64)], merges: &[(u16, u16, u16, u16)]) -> Vec<u8> {
    let mut sst = Vec::new();
    sst.extend_from_slice(&(BASE.len() as u32).to_le_bytes());
    sst.extend_from_slice(&(BASE.len() as u32).to_le_bytes());
    for (_, _, text) in BASE {
        sst.extend_from_slice(&(text.encode_utf16().count() as u16).to_le_bytes());
        sst.push(1);
        sst.extend_from_slice(&utf16(text));
    }
    let name = utf16(SHEET);
    let mut boundsheet = vec![0u8; 6];
    boundsheet.push(SHEET.encode_utf16().count() as u8);
    boundsheet.push(1);
    boundsheet.extend_from_slice(&name);

    let mut globals = Vec::new();
    biff(&mut globals, 0x0809, &bof(0x0005));
    biff(&mut globals, 0x0042, &1200u16.to_le_bytes());
    let bs_at = globals.len() + 4;
    biff(&mut globals, 0x0085, &boundsheet);
    biff(&mut globals, 0x00FC, &sst);
    biff(&mut globals, 0x000A, &[]);
    let sheet_pos = globals.len() as u32;
    globals[bs_at..bs_at + 4].copy_from_slice(&sheet_pos.to_le_bytes());

    let mut sheet = Vec::new();
    biff(&mut sheet, 0x0809, &bof(0x0010));
    let last_row = numbers.iter().map(|n| n.0).chain([1]).max().unwrap_or(1);
    let last_col = numbers.iter().map(|n| n.1).chain([1]).max().unwrap_or(1);
    let mut dims = Vec::new();
    dims.extend_from_slice(&0u32.to_le_bytes());
    dims.extend_from_slice(&(u32::from(last_row) + 1).to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    dims.extend_from_slice(&(last_col + 1).to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    biff(&mut sheet, 0x0200, &dims);
    for (i, (r, c, _)) in BASE.iter().enumerate() {
        let mut d = Vec::new();
        for v in [*r as u16, *c as u16, 15] {
            d.extend_from_slice(&v.to_le_bytes());
        }
        d.extend_from_slice(&(i as u32).to_le_bytes());
        biff(&mut sheet, 0x00FD, &d);
    }
    for &(r, c, v) in numbers {
        let mut d = Vec::new();
        for x in [r, c, 15] {
            d.extend_from_slice(&x.to_le_bytes());
        }
        d.extend_from_slice(&v.to_le_bytes());
        biff(&mut sheet, 0x0203, &d);
    }
    for chunk in merges.chunks(1024) {
        let mut d = (chunk.len() as u16).to_le_bytes().to_vec();
        for &(rf, rl, cf, cl) in chunk {
            for x in [rf, rl, cf, cl] {
                d.extend_from_slice(&x.to_le_bytes());
            }
        }
        biff(&mut sheet, 0x00E5, &d);
    }
    biff(&mut sheet, 0x000A, &[]);
    globals.extend_from_slice(&sheet);
    ole("Workbook", &globals)
}

/// An OLE (compound) file holding one stream, written with the `cfb` crate.
pub fn ole(stream: &str, data: &[u8]) -> Vec<u8> {
    let mut comp = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).expect("cfb");
    {
        let mut s = comp.create_stream(format!("/{stream}")).expect("cfb stream");
        s.write_all(data).expect("cfb write");
    }
    comp.flush().expect("cfb flush");
    comp.into_inner().into_inner()
}

/// The `.xls` with one number at the far corner of a BIFF8 sheet (row 65535, col 255).
pub fn xls_far() -> Vec<u8> {
    xls(&[(65535, 255, 1.0)], &[])
}

// --------------------------------------------------------------------------------- XLSB

fn rec(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    if typ >= 0x80 {
        out.extend_from_slice(&[(typ & 0x7F) as u8 | 0x80, (typ >> 7) as u8]);
    } else {
        out.push(typ as u8);
    }
    let mut len = data.len();
    loop {
        let b = (len & 0x7F) as u8;
        len >>= 7;
        if len == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
    out.extend_from_slice(data);
}

fn wide(s: &str) -> Vec<u8> {
    let mut d = (s.encode_utf16().count() as u32).to_le_bytes().to_vec();
    d.extend_from_slice(&utf16(s));
    d
}

/// An `.xlsb` with sheet [`SHEET`] holding `numbers` (BrtCellReal, 0-based row, col) and
/// `merges` (BrtMergeCell: first row, last row, first col, last col).
pub fn xlsb(numbers: &[(u32, u32, f64)], merges: &[(u32, u32, u32, u32)]) -> Vec<u8> {
    let mut wb = Vec::new();
    rec(&mut wb, 0x0083, &[]);
    rec(&mut wb, 0x0099, &[0; 12]);
    let mut bundle = vec![0u8; 8];
    bundle.extend_from_slice(&wide("rId1"));
    bundle.extend_from_slice(&wide(SHEET));
    rec(&mut wb, 0x009C, &bundle);
    rec(&mut wb, 0x0090, &[]);
    rec(&mut wb, 0x009D, &[0; 4]);
    rec(&mut wb, 0x0084, &[]);

    let mut numbers = numbers.to_vec();
    numbers.sort_by_key(|n| (n.0, n.1));
    let mut sh = Vec::new();
    rec(&mut sh, 0x0081, &[]);
    let last = numbers.last().map_or((0, 0), |n| (n.0, n.1));
    let dim: Vec<u8> = [0, last.0, 0, last.1].iter().flat_map(|v: &u32| v.to_le_bytes()).collect();
    rec(&mut sh, 0x0094, &dim);
    rec(&mut sh, 0x0091, &[]);
    let mut row = None;
    for (r, c, v) in numbers {
        if row != Some(r) {
            let mut hdr = r.to_le_bytes().to_vec();
            hdr.extend_from_slice(&[0; 13]);
            rec(&mut sh, 0x0000, &hdr);
            row = Some(r);
        }
        let mut d = c.to_le_bytes().to_vec();
        d.extend_from_slice(&[0; 4]);
        d.extend_from_slice(&v.to_le_bytes());
        rec(&mut sh, 0x0005, &d);
    }
    rec(&mut sh, 0x0092, &[]);
    for &(rf, rl, cf, cl) in merges {
        let d: Vec<u8> = [rf, rl, cf, cl].iter().flat_map(|v| v.to_le_bytes()).collect();
        rec(&mut sh, 0x00B0, &d);
    }
    rec(&mut sh, 0x0082, &[]);

    let rels = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>"#
        )
    };
    let wb_rels = |w: &mut dyn Write| {
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#
        )
    };
    let wb_w = |w: &mut dyn Write| w.write_all(&wb);
    let sh_w = |w: &mut dyn Write| w.write_all(&sh);
    zip_of(&[
        ("_rels/.rels", &rels),
        ("xl/_rels/workbook.bin.rels", &wb_rels),
        ("xl/workbook.bin", &wb_w),
        ("xl/worksheets/sheet1.bin", &sh_w),
    ])
}

/// An xlsx whose one formula cell declares shared-formula index `si` (calamine's formula
/// reader resizes a table to `si + 1` entries).
pub fn xlsx_shared_formula(si: u64) -> Vec<u8> {
    let cell = format!(r#"<row r="3"><c r="A3"><f t="shared" ref="A3" si="{si}">1+1</f><v>2</v></c></row>"#);
    xlsx_custom(&[], None, 0, &move |w| w.write_all(cell.as_bytes()), "")
}
