//! A pre-scan of a workbook's raw bytes that bounds what calamine 0.38 will allocate for it,
//! run before calamine opens the file.
//!
//! calamine allocates before anyone can bound it: `Vec::reserve(uniqueCount)`, a dense
//! rows × cols grid in `Range::from_sparse`, ODS repeats expanded cell by cell, every `.xls`
//! and `.ods` sheet materialised at open, shared strings copied once per referencing cell.
//! [`check`] reads the same bytes the way calamine will — through the same zip crate, the
//! same quick-xml tokenizer, and a model of calamine's own OLE reader — but only counts,
//! in a few MiB whatever the input, and says which limit a hostile file would break.
//!
//! Where calamine's reading is lenient or quirky (arithmetic that wraps, duplicated
//! attributes, stale record buffers, OLE chains that loop), the scan follows the quirk or
//! takes the larger of the readings, so that what it bounds is never smaller than what
//! calamine builds.

mod biff8;
#[cfg(any(test, feature = "generate"))]
#[path = "gen.rs"]
pub mod generate;
mod ods;
mod ole;
mod strlens;
mod tally;
mod xlsb;
mod xlsx;
mod xmlscan;
mod zipscan;

#[cfg(test)]
mod tests;

/// The limits a workbook must stay within.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Zip entries.
    pub max_entries: usize,
    /// Decompressed bytes of one zip entry; also bytes calamine gathers from one OLE chain
    /// (the directory, the mini stream, the `Workbook` stream).
    pub max_entry_bytes: u64,
    /// Decompressed bytes of all entries.
    pub max_total_bytes: u64,
    /// `uniqueCount` / `count` declared for the shared strings, and `<si>` (xlsx), BrtSSTItem
    /// (xlsb) or SST strings (xls) actually found.
    pub max_shared_strings: u64,
    /// Non-empty cells of one sheet (after ODS repeats).
    pub max_cells: u64,
    /// Rows × cols of the bounding box of one sheet's non-empty cells; also the area of one
    /// merged region and of an `.xls` sheet's DIMENSIONS record (calamine reserves it).
    pub max_area: u64,
    /// Merged regions in one sheet.
    pub max_merges: u64,
    /// Bytes of cell text calamine materialises, summed over the workbook: a shared string
    /// once per cell that uses it (`worksheet_range` copies it), ODS text once per repeat,
    /// ODS `<text:s text:c="…"/>` spaces, xlsb strings read past a record's end.
    pub max_text_bytes: u64,
    /// Bounding-box areas summed over the sheets (`.xls` and `.ods` build every sheet at
    /// open, so one file may hold many boxes at once).
    pub max_total_area: u64,
    /// The longest XML token (a tag, a text run, a comment) the scan buffers. quick-xml
    /// holds a whole token in memory; a longer one is reported as [`Exceeded::Unbounded`]
    /// (unless the entry is over `max_entry_bytes` anyway).
    pub max_xml_token: u64,
}

impl Limits {
    /// Limits for a clerk's conference workbook.
    pub const DEFAULT: Limits = Limits {
        max_entries: 10_000,
        max_entry_bytes: 256 << 20,
        max_total_bytes: 512 << 20,
        max_shared_strings: 2_000_000,
        max_cells: 1_000_000,
        max_area: 2_000_000,
        max_merges: 10_000,
        max_text_bytes: 256 << 20,
        max_total_area: 8_000_000,
        max_xml_token: 4 << 20,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// The first limit a workbook breaks. Positions are 0-based (row, col).
#[derive(Debug, Clone, PartialEq)]
pub enum Exceeded {
    Entries {
        found: usize,
        limit: usize,
    },
    /// `entry` is a zip entry name, or for `.xls` the OLE chain: `Workbook`/`Book`,
    /// `(OLE directory)`, `(OLE FAT)`, `(OLE mini stream)`, `(OLE mini FAT)`.
    EntryBytes {
        entry: String,
        found_at_least: u64,
        limit: u64,
    },
    TotalBytes {
        found_at_least: u64,
        limit: u64,
    },
    SharedStrings {
        declared_or_found: u64,
        limit: u64,
    },
    Cells {
        sheet: String,
        found_at_least: u64,
        limit: u64,
    },
    /// far_cell: 0-based (row, col) of the non-empty cell that pushed the box past the limit
    /// (the farthest one; for an ODS repeat block, its far corner; for an `.xls`
    /// DIMENSIONS record, its last cell). For ODS, `cols` counts from column A, because
    /// calamine stores every ODS row from its first column.
    Area {
        sheet: String,
        far_cell: (u32, u32),
        rows: u64,
        cols: u64,
        limit: u64,
    },
    Merges {
        sheet: String,
        found_at_least: u64,
        limit: u64,
    },
    MergeArea {
        sheet: String,
        first: (u32, u32),
        last: (u32, u32),
        limit: u64,
    },
    /// See [`Limits::max_text_bytes`]; `sheet` is where the running sum crossed the limit.
    TextBytes {
        sheet: String,
        found_at_least: u64,
        limit: u64,
    },
    /// See [`Limits::max_total_area`]; `sheet` is where the running sum crossed the limit.
    TotalArea {
        sheet: String,
        found_at_least: u64,
        limit: u64,
    },
    /// The scan could not follow `part` closely enough to bound what calamine allocates
    /// for it: an XML token longer than [`Limits::max_xml_token`], a cell or row element
    /// nested inside a cell's value (calamine's readers disagree on such a file), an OLE
    /// stream calamine cannot even locate safely.
    Unbounded {
        part: String,
        reason: &'static str,
    },
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Exceeded {}

/// `Ok(())` when the workbook stays within the limits or when the pre-scan cannot make sense
/// of the bytes (then calamine gives its own "not a workbook" error) — but never `Ok` for a
/// file whose resource use it could not bound: an unreadable zip is `Ok` (calamine fails
/// fast on it too), a readable zip with an oversized entry is `Err`.
///
/// Every reading calamine may try is scanned, since `open_workbook_auto_from_rs` tries
/// `.xls`, then `.xlsx`, `.xlsb` and `.ods` on the same bytes: an OLE file (signature at
/// offset 0) is scanned as `.xls`, and any bytes the zip crate opens (wherever the zip
/// starts) are scanned as `.xlsx`, `.xlsb` and `.ods` at once.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<(), Exceeded> {
    if bytes.starts_with(&ole::SIGNATURE) {
        biff8::check_xls(bytes, limits)?;
    }
    zipscan::check_zip(bytes, limits)
}
