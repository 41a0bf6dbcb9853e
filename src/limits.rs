//! Every limit vanthu puts on what it reads, stated once (`data/README.md` lists them for the
//! clerk, and says what each message means).
//!
//! Each input is hostile until bounded: a small file can claim (or decompress to) gigabytes,
//! a stray cell can stretch a sheet over millions of empty cells, a template can loop for
//! ever. Each limit is checked before the work it bounds, and exceeding one is an error at
//! the file or cell that says the limit and what was found. They are generous: the
//! largest real conference (10,000 delegates, `benches/scale.sh`) and the longest real
//! document are far inside every one.

/// One mebibyte.
pub const MIB: u64 = 1 << 20;

/// The largest workbook file (`.xlsx`, `.xls`, `.ods`): a 10,000-delegate workbook is about
/// 2 MB.
pub const WORKBOOK_BYTES: u64 = 64 * MIB;
/// The largest conference written as YAML: 10,000 delegates are about 4 MB.
pub const YAML_BYTES: u64 = 16 * MIB;
/// The largest text document (`van-ban/*.md`): a 100-page plan is about 300 KB.
pub const TEXT_DOCUMENT_BYTES: u64 = MIB;
/// The most rows of one table in a text document: Typst lays a 20,000-row table out in
/// 1.4 GB; 3,000 rows (about 90 pages) stay well under.
pub const DOCUMENT_TABLE_ROWS: usize = 3_000;
/// The most text documents in one `van-ban/` folder.
pub const TEXT_DOCUMENTS: usize = 500;
/// The largest template or template data file a `templates/` folder may hold.
pub const TEMPLATE_BYTES: u64 = 4 * MIB;

/// The most files inside a workbook (an `.xlsx` is a zip of XML files: about 20).
pub const ZIP_ENTRIES: usize = 10_000;
/// The most bytes one file inside a workbook may unpack to.
pub const ZIP_ENTRY_BYTES: u64 = 256 * MIB;
/// The most bytes all the files inside a workbook may unpack to.
pub const ZIP_TOTAL_BYTES: u64 = 512 * MIB;
/// The most distinct texts a workbook may declare or hold (its shared-string table).
pub const SHARED_STRINGS: u64 = 2_000_000;
/// The most filled cells on one sheet.
pub const SHEET_CELLS: u64 = 1_000_000;
/// The largest rectangle (rows × columns) a sheet's filled cells may span: a list of
/// 20,000 rows and 100 columns.
pub const SHEET_AREA: u64 = 2_000_000;
/// The most merged regions on one sheet.
pub const SHEET_MERGES: u64 = 10_000;
/// The most cell text a workbook may make once read (a shared text counts once per cell
/// that shows it).
pub const WORKBOOK_TEXT_BYTES: u64 = 256 * MIB;
/// The largest rectangles of all the sheets together (an `.xls` or `.ods` file has every
/// sheet read at once).
pub const WORKBOOK_AREA: u64 = 8_000_000;
/// The longest single piece of a workbook's XML (a tag, a run of text).
pub const XML_TOKEN_BYTES: u64 = 4 * MIB;

/// The most rows a list may have. Time and memory grow with the rows (10,000 delegates:
/// about a minute and 1 GB on a 2-core machine); past this a build would outgrow a clerk's
/// 8 GB laptop, so the file is refused before any work, with its size said.
pub const LIST_ROWS: usize = 20_000;
/// The longest one-line cell (a name, a position, a title): the longest real ones are a few
/// hundred characters; thousands are a paste gone wrong, which no page can hold.
pub const CELL_CHARS: usize = 1_000;

/// The deepest nesting of a YAML file (lists in maps in lists …): the contract needs 5.
pub const YAML_DEPTH: usize = 64;

/// The most steps one `{{ … }}` text (an MC line, a report paragraph, a document line) may
/// take: the longest real ones take a few thousand.
pub const TEMPLATE_FUEL: u64 = 1_000_000;
/// The most text one `{{ … }}` text may produce.
pub const TEMPLATE_OUTPUT: usize = MIB as usize;
/// The most text all the `{{ … }}` texts of one kind (the script, the report, the text
/// documents) may produce together.
pub const TEMPLATE_TOTAL_OUTPUT: usize = 32 * MIB as usize;

/// The largest picture or data file a template may read from the conference's folder.
pub const PICTURE_BYTES: u64 = 32 * MIB;
/// The largest `manifest.json` vanthu reads back (a 10,000-delegate pack's is about 5 MB).
pub const MANIFEST_BYTES: u64 = 64 * MIB;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Not there (or not reachable).
    NotFound,
    /// A folder, a device (`/dev/zero`), a pipe or a socket: nothing to read as a file.
    NotAFile,
    /// Larger than the limit: its size (at least).
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads the regular file at `path` (through symbolic links), at most `limit` bytes: a
/// device, a pipe or a folder is refused before it is opened (opening a pipe would wait
/// for a writer; reading `/dev/zero` would never end), and a file larger than `limit` is
/// refused by its size, or when it grows past it while read.
pub fn read_regular(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A size for a message: `64 MB`, `1,5 MB`, `300 KB` (Vietnamese decimal comma).
pub fn size(bytes: u64) -> String {
    let (value, unit) = if bytes >= MIB { (bytes as f64 / MIB as f64, "MB") } else { (bytes as f64 / 1024.0, "KB") };
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{} {unit}", rounded as u64)
    } else {
        format!("{} {unit}", format!("{rounded:.1}").replace('.', ","))
    }
}

/// A count for a message, with the Vietnamese thousands separator: `2.000.000`.
pub fn count(n: u64) -> String {
    crate::text::thousands(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::File::create(&path).and_then(|mut f| std::io::Write::write_all(&mut f, b"12345")).unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"12345");
        assert!(matches!(read_regular(&path, 4), Err(ReadError::TooLarge(5))));
        assert!(matches!(read_regular(dir.path(), 5), Err(ReadError::NotAFile)));
        assert!(matches!(read_regular(&dir.path().join("none"), 5), Err(ReadError::NotFound)));
        #[cfg(unix)]
        {
            // A device behind a link, and a pipe: refused at once, not read for ever.
            let link = dir.path().join("zero.xlsx");
            std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
            assert!(matches!(read_regular(&link, 5), Err(ReadError::NotAFile)));
            let fifo = dir.path().join("fifo.yaml");
            assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
            assert!(matches!(read_regular(&fifo, 5), Err(ReadError::NotAFile)));
        }
    }

    #[test]
    fn sizes_and_counts_read_the_vietnamese_way() {
        assert_eq!(size(64 * MIB), "64 MB");
        assert_eq!(size(3 * MIB / 2), "1,5 MB");
        assert_eq!(size(300 * 1024), "300 KB");
        assert_eq!(count(2_000_000), "2.000.000");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000_000_000), "1.000.000.000.000");
    }
}
