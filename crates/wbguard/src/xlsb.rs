//! `.xlsb`: BIFF12 records, read as calamine's `RecordIter` reads them.

use std::collections::HashMap;
use std::io::{BufReader, Read};

use quick_xml::events::Event;

use crate::strlens::StrLens;
use crate::tally::{Sheet, Tally};
use crate::xlsx::{PartNames, read_xml};
use crate::xmlscan::{DUP, decode, uniq};
use crate::zipscan::Scan;
use crate::{Exceeded, Limits};

/// calamine's `RecordIter` with its reused buffer: that buffer only grows, and calamine
/// reads fields from it past the end of a short record, so the scan keeps its first bytes
/// (`head`, all that calamine reads by offset) and its length (`buf_len`).
struct Records<R> {
    r: R,
    head: [u8; 16],
    buf_len: usize,
}

impl<R: Read> Records<R> {
    fn u8(&mut self) -> Option<u8> {
        let mut b = [0u8; 1];
        self.r.read_exact(&mut b).ok()?;
        Some(b[0])
    }

    fn typ(&mut self) -> Option<u16> {
        let b = self.u8()?;
        if b & 0x80 != 0 {
            let b2 = self.u8()?;
            Some(u16::from(b & 0x7F) + (u16::from(b2 & 0x7F) << 7))
        } else {
            Some(u16::from(b))
        }
    }

    /// Reads one record body (calamine's `fill_buffer`): its first bytes land in `head`,
    /// up to `keep` bytes are copied to `body`, the rest is skipped.
    fn body(&mut self, mut keep: Option<&mut Vec<u8>>) -> Option<usize> {
        let mut b = self.u8()?;
        let mut len = usize::from(b & 0x7F);
        for i in 1..4 {
            if b & 0x80 == 0 {
                break;
            }
            b = self.u8()?;
            len += usize::from(b & 0x7F) << (7 * i);
        }
        self.buf_len = self.buf_len.max(len);
        if let Some(k) = keep.as_deref_mut() {
            k.clear();
        }
        let mut chunk = [0u8; 4096];
        let mut done = 0usize;
        while done < len {
            let n = (len - done).min(chunk.len());
            let part = chunk.get_mut(..n)?;
            self.r.read_exact(part).ok()?;
            for (i, &x) in part.iter().enumerate() {
                if let Some(h) = self.head.get_mut(done + i) {
                    *h = x;
                }
            }
            if let Some(k) = keep.as_deref_mut() {
                let room = 4096usize.saturating_sub(k.len());
                k.extend_from_slice(part.get(..room.min(n))?);
            }
            done += n;
        }
        Some(len)
    }

    /// calamine's `next_skip_blocks`: records up to `want`, skipping `(start, end)` blocks.
    fn skip_to(&mut self, want: u16, blocks: &[(u16, u16)]) -> Option<usize> {
        loop {
            let typ = self.typ()?;
            let len = self.body(None)?;
            if typ == want {
                return Some(len);
            }
            if let Some(&(_, end)) = blocks.iter().find(|b| b.0 == typ) {
                while self.typ()? != end {
                    self.body(None)?;
                }
                self.body(None)?;
            }
        }
    }
}

impl<R> Records<R> {
    fn u32_at(&self, at: usize) -> Option<u32> {
        let b = self.head.get(at..at + 4)?;
        Some(u32::from_le_bytes(b.try_into().ok()?))
    }
}

fn records(r: &mut dyn Read) -> Records<BufReader<&mut dyn Read>> {
    Records { r: BufReader::with_capacity(16 * 1024, r), head: [0; 16], buf_len: 0 }
}

pub(crate) struct Parts {
    pub(crate) shared_strings: Option<usize>,
    pub(crate) sheets: PartNames,
}

/// calamine's `Xlsb::new`: `xl/_rels/workbook.bin.rels` (by its exact name), then
/// `xl/workbook.bin`. Every relationship target is scanned as a sheet (a binary scan costs
/// little), named from the workbook where it can be read.
pub(crate) fn locate(scan: &mut Scan<'_, '_>) -> Result<Parts, Exceeded> {
    let mut parts = Parts { shared_strings: scan.lookup("xl/sharedStrings.bin"), sheets: PartNames::new() };
    let Some(rels) = scan.exact("xl/_rels/workbook.bin.rels") else {
        return Ok(parts);
    };
    let by_id = read_xml(scan, rels, |xml| {
        let mut by_id: HashMap<String, String> = HashMap::new();
        while let Some(ev) = xml.next() {
            if let Event::Start(e) = ev
                && e.name().0 == "Relationship"
            {
                let id = uniq(&e, |k| k == "Id").map_err(|_| DUP)?;
                let target = uniq(&e, |k| k == "Target").map_err(|_| DUP)?;
                if let (Some(id), Some(t)) = (id, target)
                    && by_id.len() < 100_000
                {
                    by_id.insert(id.to_string(), decode(t));
                }
            }
        }
        Ok(by_id)
    })?
    .unwrap_or_default();
    let names = match scan.lookup("xl/workbook.bin") {
        Some(wb) => scan.with_entry(wb, |r, _| Ok(bundle_names(r)))?.unwrap_or_default(),
        None => Vec::new(),
    };
    let names: HashMap<String, String> = names.into_iter().collect();
    for (id, target) in &by_id {
        if let Some(idx) = scan.lookup(&format!("xl/{target}")) {
            let name = names.get(id).cloned().unwrap_or_else(|| scan.name(idx).to_string());
            parts.sheets.entry(idx).or_insert(name);
        }
    }
    Ok(parts)
}

fn utf16(b: &[u8]) -> String {
    let units: Vec<u16> = b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// (relationship id, sheet name) of each BrtBundleSh (0x9C) before BrtEndBundleShs (0x90).
fn bundle_names(r: &mut dyn Read) -> Vec<(String, String)> {
    let mut rec = records(r);
    let mut out = Vec::new();
    let mut body = Vec::new();
    while let Some(typ) = rec.typ() {
        if rec.body(Some(&mut body)).is_none() || typ == 0x90 {
            break;
        }
        if typ != 0x9C || out.len() >= 100_000 {
            continue;
        }
        let field = |at: usize| body.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes);
        let Some(rel_len) = field(8).filter(|&l| l != u32::MAX) else { continue };
        let rel_end = 12 + 2 * rel_len as usize;
        let Some(relid) = body.get(12..rel_end).map(utf16) else { continue };
        let Some(cch) = field(rel_end) else { continue };
        let name = body.get(rel_end + 4..rel_end + 4 + 2 * cch as usize).map(utf16);
        out.push((relid, crate::xmlscan::cut(name.unwrap_or_default())));
    }
    out
}

/// BrtBeginSst's counts and each BrtSSTItem's string (calamine's `read_shared_strings`).
pub(crate) fn shared_strings(r: &mut dyn Read, limits: &Limits) -> Result<StrLens, Exceeded> {
    let mut lens = StrLens::default();
    let mut rec = records(r);
    if rec.skip_to(0x009F, &[]).is_none() {
        return Ok(lens);
    }
    let over = |n: u64| Exceeded::SharedStrings { declared_or_found: n, limit: limits.max_shared_strings };
    let total = u64::from(rec.u32_at(0).unwrap_or(0));
    let unique = u64::from(rec.u32_at(4).unwrap_or(0));
    for n in [unique, total] {
        if n > limits.max_shared_strings {
            return Err(over(n));
        }
    }
    for _ in 0..unique {
        if rec.skip_to(0x0013, &[(0x0023, 0x0024)]).is_none() {
            break;
        }
        lens.push(wide_str_bound(&rec, 1));
        if lens.len() as u64 > limits.max_shared_strings {
            return Err(over(lens.len() as u64));
        }
    }
    Ok(lens)
}

/// Bytes of the UTF-8 string calamine's `wide_str(&buf[at..])` makes: `cch` UTF-16 units
/// (each at most 3 UTF-8 bytes), read from the whole reused buffer, stale bytes included.
fn wide_str_bound<R>(rec: &Records<R>, at: usize) -> u64 {
    let cch = u64::from(rec.u32_at(at).unwrap_or(0));
    let room = (rec.buf_len as u64).saturating_sub(at as u64 + 4) / 2;
    if cch > room { 0 } else { cch * 3 }
}

/// One sheet part (calamine's `XlsbCellsReader`): BrtWsDim, BrtBeginSheetData, then cell
/// records 2..=11 at (last BrtRowHdr, the record's first u32), until BrtEndSheetData. Merged
/// cells (BrtMergeCell, 0xB0, after the sheet data) are counted though calamine does not
/// read them for xlsb.
pub(crate) fn sheet(r: &mut dyn Read, tally: &mut Tally<'_>, name: &str, lens: &StrLens) -> Result<(), Exceeded> {
    let limits = tally.limits;
    let mut sheet = Sheet::new(name);
    let mut rec = records(r);
    let ready = rec.skip_to(0x0094, &[]).is_some()
        && rec.buf_len >= 16
        && rec.skip_to(0x0091, &[(0x0085, 0x0086), (0x0025, 0x0026), (0x0186, 0x0187)]).is_some();
    if ready {
        cells(&mut rec, tally, &mut sheet, lens)?;
    }
    while let Some(typ) = rec.typ() {
        if rec.body(None).is_none() {
            break;
        }
        if typ == 0x00B0
            && let (Some(r0), Some(r1), Some(c0), Some(c1)) =
                (rec.u32_at(0), rec.u32_at(4), rec.u32_at(8), rec.u32_at(12))
        {
            sheet.merge(limits, (r0.into(), c0.into()), (r1.into(), c1.into()))?;
        }
    }
    tally.finish(&sheet)
}

fn cells<R: Read>(
    rec: &mut Records<R>,
    tally: &mut Tally<'_>,
    sheet: &mut Sheet,
    lens: &StrLens,
) -> Result<(), Exceeded> {
    let limits = tally.limits;
    let mut row: u32 = 0;
    while let Some(typ) = rec.typ() {
        if rec.body(None).is_none() {
            return Ok(());
        }
        match typ {
            0x0000 => {
                row = rec.u32_at(0).unwrap_or(0);
                if row > 0x0010_0000 {
                    return Ok(());
                }
                continue;
            }
            0x0092 => return Ok(()),
            0x0002..=0x000B => {}
            _ => continue,
        }
        let text = match typ {
            0x0006 | 0x0008 => wide_str_bound(rec, 8),
            0x0007 => rec.u32_at(8).and_then(|i| lens.get(i as usize)).unwrap_or(0),
            _ => 0,
        };
        if typ == 0x0002
            && let Some(b) = rec.head.get_mut(8)
        {
            // calamine clears the RK flags in its buffer, which later short records reuse.
            *b &= 0xFC;
        }
        let col = u64::from(rec.u32_at(0).unwrap_or(0));
        sheet.cell_in(limits, (row.into(), row.into()), (col, col))?;
        tally.text(&sheet.name, text)?;
    }
    Ok(())
}
