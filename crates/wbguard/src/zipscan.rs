//! The zip side: every entry decompressed once through a counting sink, and the parts
//! calamine parses (xlsx, xlsb and ods alike) scanned on the way.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Cursor, Read};

use zip::ZipArchive;

use crate::strlens::StrLens;
use crate::tally::Tally;
use crate::xlsx::PartNames;
use crate::xmlscan::{TOKEN, Xml};
use crate::{Exceeded, Limits, ods, xlsb, xlsx};

const SHEET_DIRS: [&str; 4] = ["worksheets/", "chartsheets/", "dialogsheets/", "macrosheets/"];

pub(crate) type Zip<'b> = ZipArchive<Cursor<&'b [u8]>>;

/// Counts the decompressed bytes of one entry and fails a read past a limit, so nothing
/// declared in the archive is trusted and a scanner can stop at the first excess.
pub(crate) struct Meter<R> {
    inner: R,
    entry: String,
    bytes: u64,
    /// Bytes of the entries already counted (none if this entry was counted before).
    total_before: Option<u64>,
    limits: Limits,
    over: Option<Exceeded>,
}

impl<R: Read> Read for Meter<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.over.is_some() {
            return Err(io::Error::other("limit"));
        }
        let mut room = self.limits.max_entry_bytes.saturating_sub(self.bytes);
        if let Some(before) = self.total_before {
            room = room.min(self.limits.max_total_bytes.saturating_sub(before.saturating_add(self.bytes)));
        }
        let want = usize::try_from(room.saturating_add(1)).unwrap_or(usize::MAX).min(buf.len());
        let n = self.inner.read(buf.get_mut(..want).unwrap_or_default())?;
        self.bytes = self.bytes.saturating_add(n as u64);
        if self.bytes > self.limits.max_entry_bytes {
            self.over = Some(Exceeded::EntryBytes {
                entry: self.entry.clone(),
                found_at_least: self.bytes,
                limit: self.limits.max_entry_bytes,
            });
        } else if let Some(total) = self.total_before.map(|b| b.saturating_add(self.bytes))
            && total > self.limits.max_total_bytes
        {
            self.over = Some(Exceeded::TotalBytes { found_at_least: total, limit: self.limits.max_total_bytes });
        }
        if self.over.is_some() {
            return Err(io::Error::other("limit"));
        }
        Ok(n)
    }
}

/// Reads `r` to its end (or its first error) into nothing.
pub(crate) fn drain(r: &mut dyn Read) {
    let mut sink = [0u8; 16 * 1024];
    loop {
        match r.read(&mut sink) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// The archive and what has been read of it.
pub(crate) struct Scan<'b, 'l> {
    zip: Zip<'b>,
    pub(crate) limits: &'l Limits,
    total: u64,
    counted: Vec<bool>,
    names: Vec<String>,
    /// calamine's `zip_path_cache`: lower-cased, `\` → `/` name → entry.
    lower: HashMap<String, usize>,
    pub(crate) tally: Tally<'l>,
}

impl<'b, 'l> Scan<'b, 'l> {
    /// The entry calamine reaches through its path cache for `path`.
    pub(crate) fn lookup(&self, path: &str) -> Option<usize> {
        self.lower.get(&path.to_ascii_lowercase()).copied()
    }

    /// The entry named exactly `name` (calamine's plain `by_name`).
    pub(crate) fn exact(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    pub(crate) fn name(&self, idx: usize) -> &str {
        self.names.get(idx).map_or("", String::as_str)
    }

    pub(crate) fn entry_names(&self) -> impl Iterator<Item = (usize, &str)> {
        self.names.iter().enumerate().map(|(i, n)| (i, n.as_str()))
    }

    /// Decompresses entry `idx` through a [`Meter`], lets `f` scan it, then reads the rest
    /// so every byte is counted. An entry that cannot be opened is skipped: calamine cannot
    /// read it either.
    pub(crate) fn with_entry<T>(
        &mut self,
        idx: usize,
        f: impl FnOnce(&mut dyn Read, &mut Tally<'l>) -> Result<T, Exceeded>,
    ) -> Result<Option<T>, Exceeded> {
        let first_time = !self.counted.get(idx).copied().unwrap_or(true);
        let entry = self.name(idx).to_string();
        let Ok(file) = self.zip.by_index(idx) else {
            return Ok(None);
        };
        let mut meter = Meter {
            inner: file,
            entry,
            bytes: 0,
            total_before: first_time.then_some(self.total),
            limits: self.limits.clone(),
            over: None,
        };
        let res = f(&mut meter, &mut self.tally);
        if let Err(e) = &res
            && !matches!(e, Exceeded::Unbounded { .. })
        {
            return Err(e.clone());
        }
        drain(&mut meter);
        if first_time {
            self.total = self.total.saturating_add(meter.bytes);
            if let Some(c) = self.counted.get_mut(idx) {
                *c = true;
            }
        }
        if let Some(over) = meter.over {
            return Err(over);
        }
        res.map(Some)
    }
}

/// `Ok` for bytes the zip crate cannot open; else every entry is counted and the workbook
/// parts scanned.
pub(crate) fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), Exceeded> {
    let Ok(zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if zip.len() > limits.max_entries {
        return Err(Exceeded::Entries { found: zip.len(), limit: limits.max_entries });
    }
    let mut names = Vec::with_capacity(zip.len());
    let mut lower = HashMap::with_capacity(zip.len());
    for i in 0..zip.len() {
        let name = match zip.name_for_index(i) {
            Some(Ok(n)) => n.into_owned(),
            _ => String::new(),
        };
        lower.insert(name.replace('\\', "/").to_ascii_lowercase(), i);
        names.push(name);
    }
    let mut scan =
        Scan { counted: vec![false; zip.len()], zip, limits, total: 0, names, lower, tally: Tally::new(limits) };
    scan_parts(&mut scan)?;
    for idx in 0..scan.counted.len() {
        if !scan.counted.get(idx).copied().unwrap_or(true) {
            scan.with_entry(idx, |_, _| Ok(()))?;
        }
    }
    Ok(())
}

/// What each entry is to calamine: an xlsx sheet, an xlsb sheet, the ODS content.
fn scan_parts(scan: &mut Scan<'_, '_>) -> Result<(), Exceeded> {
    // xlsx: package rels → workbook → its rels → shared strings → sheets.
    let xl = xlsx::locate(scan)?;
    let mut sheets: BTreeMap<usize, String> = BTreeMap::new();
    add_sheet_parts(scan, &mut sheets, &xl.sheets, &SHEET_DIRS, ".xml");
    let mut lens = StrLens::default();
    for idx in xl.shared_strings {
        let cap = scan.limits.max_xml_token;
        let limits = scan.limits;
        let part = scan.name(idx).to_string();
        scan.with_entry(idx, |r, _| {
            let mut xml = Xml::new(r, cap);
            let res = xlsx::shared_strings(&mut xml, limits, &mut lens);
            if res.is_ok() && xml.tripped() {
                return Err(Exceeded::Unbounded { part, reason: TOKEN });
            }
            res
        })?;
    }
    for (idx, name) in &sheets {
        scan.with_entry(*idx, |r, t| xlsx::sheet(r, t, name, &lens))?;
    }
    drop(lens);

    // xlsb: the same, in binary records.
    let xb = xlsb::locate(scan)?;
    let mut bin_sheets: BTreeMap<usize, String> = BTreeMap::new();
    add_sheet_parts(scan, &mut bin_sheets, &xb.sheets, &SHEET_DIRS, ".bin");
    let lens = match xb.shared_strings {
        Some(idx) => scan.with_entry(idx, |r, t| xlsb::shared_strings(r, t.limits))?.unwrap_or_default(),
        None => Default::default(),
    };
    for (idx, name) in &bin_sheets {
        scan.with_entry(*idx, |r, t| xlsb::sheet(r, t, name, &lens))?;
    }
    drop(lens);

    // ods: calamine reads `content.xml` by its exact name and builds every table at open.
    if let Some(idx) = scan.exact("content.xml") {
        scan.with_entry(idx, |r, t| ods::content(r, t))?;
    }
    Ok(())
}

/// The parts calamine may open as sheets: those the workbook names, and (in case the scan
/// resolved the workbook differently) any entry in a sheet folder, named by its path.
fn add_sheet_parts(
    scan: &Scan<'_, '_>,
    out: &mut BTreeMap<usize, String>,
    named: &PartNames,
    dirs: &[&str],
    ext: &str,
) {
    for (&idx, name) in named {
        out.entry(idx).or_insert_with(|| name.clone());
    }
    for (idx, n) in scan.entry_names() {
        let l = n.replace('\\', "/").to_ascii_lowercase();
        let file = l.rsplit('/').next().unwrap_or("");
        let dir_ok = dirs.iter().any(|d| l.strip_suffix(file).is_some_and(|p| p.ends_with(d)));
        if dir_ok && l.ends_with(ext) {
            out.entry(idx).or_insert_with(|| n.to_string());
        }
    }
}
