//! `.xls` (BIFF8, and BIFF5's `Book`): calamine's `Xls::new` parses every sheet at open.

use std::collections::HashMap;

use crate::ole::{Cfb, Runs, Stop};
use crate::strlens::StrLens;
use crate::tally::{SheetCost, Tally};
use crate::{Exceeded, Limits};

const CONTINUE: u16 = 0x003C;

/// A BIFF record as calamine's `RecordIter` yields it: the record, then the CONTINUE
/// records that follow it (kept as a stream range, re-read when needed).
struct Rec {
    typ: u16,
    data: (usize, usize),
    conts: (usize, usize),
}

struct Stream<'a> {
    file: &'a [u8],
    runs: &'a Runs,
}

impl Stream<'_> {
    fn u16_at(&self, pos: usize) -> Option<u16> {
        let mut b = [0u8; 2];
        (self.runs.read_at(self.file, pos, &mut b) == 2).then(|| u16::from_le_bytes(b))
    }

    /// The record at `pos` and the position after it; `Err` where calamine's iterator
    /// fails (a record cut short), `Ok(None)` at the end.
    fn record(&self, pos: usize) -> Result<Option<(Rec, usize)>, ()> {
        let end = self.runs.len();
        let left = end.saturating_sub(pos);
        if left < 4 {
            return if left == 0 { Ok(None) } else { Err(()) };
        }
        let (typ, len) = (self.u16_at(pos).ok_or(())?, usize::from(self.u16_at(pos + 2).ok_or(())?));
        if left < len + 4 {
            return Err(());
        }
        let data = (pos + 4, len);
        let mut at = pos + 4 + len;
        let first_cont = at;
        while end.saturating_sub(at) > 4 && self.u16_at(at) == Some(CONTINUE) {
            let l = usize::from(self.u16_at(at + 2).ok_or(())?);
            if end - at < l + 4 {
                return Err(());
            }
            at += l + 4;
        }
        Ok(Some((Rec { typ, data, conts: (first_cont, at) }, at)))
    }

    fn bytes(&self, (pos, len): (usize, usize), buf: &mut Vec<u8>) {
        buf.resize(len, 0);
        let n = self.runs.read_at(self.file, pos, buf);
        buf.truncate(n);
    }
}

/// Checks an OLE file: calamine's reader of the container, then the `Workbook` (or
/// `Book`) stream's globals and every sheet it names.
pub(crate) fn check_xls(file: &[u8], limits: &Limits) -> Result<(), Exceeded> {
    let mut cfb = match Cfb::open(file, limits) {
        Ok(c) => c,
        Err(Stop::Fail) => return Ok(()),
        Err(Stop::Limit(e)) => return Err(e),
    };
    let runs = match cfb.stream("Workbook", limits.max_entry_bytes) {
        Ok(r) => r,
        Err(Stop::Limit(e)) => return Err(e),
        Err(Stop::Fail) => match cfb.stream("Book", limits.max_entry_bytes) {
            Ok(r) => r,
            Err(Stop::Limit(e)) => return Err(e),
            Err(Stop::Fail) => return Ok(()),
        },
    };
    let s = Stream { file, runs: &runs };
    let Some(globals) = globals(&s, limits)? else {
        return Ok(());
    };
    let mut tally = Tally::new(limits);
    let mut done: HashMap<usize, SheetCost> = HashMap::new();
    // Sheets that overlap make calamine read the same records again and again.
    let mut budget = runs.len().saturating_mul(2).saturating_add(1 << 20);
    for (pos, name) in &globals.sheets {
        if let Some(cost) = done.get(pos) {
            tally.add_area(name, cost.area)?;
            tally.text(name, cost.text)?;
            continue;
        }
        let (cost, scanned) = sheet(&s, &mut tally, *pos, name, &globals.sst)?;
        budget = budget.checked_sub(scanned).ok_or_else(|| Exceeded::Unbounded {
            part: name.clone(),
            reason: "sheets whose records overlap (calamine reads them once per sheet)",
        })?;
        done.insert(*pos, cost);
    }
    Ok(())
}

struct Globals {
    sheets: Vec<(usize, String)>,
    sst: StrLens,
}

/// The globals substream up to its EOF: BoundSheet8 (0x85) and SST (0xFC). `Ok(None)` where
/// calamine gives up before reading any sheet.
fn globals(s: &Stream<'_>, limits: &Limits) -> Result<Option<Globals>, Exceeded> {
    let mut out = Globals { sheets: Vec::new(), sst: StrLens::default() };
    let mut biff8 = true;
    let mut pos = 0;
    let mut buf = Vec::new();
    loop {
        let Ok(Some((rec, next))) = s.record(pos) else {
            return Ok(if s.record(pos).is_ok() { Some(out) } else { None });
        };
        pos = next;
        match rec.typ {
            0x002F => {
                s.bytes(rec.data, &mut buf);
                if buf.len() >= 2 && buf[..2] != [0, 0] {
                    return Ok(None); // FilePass: calamine stops with a password error
                }
            }
            0x0809 => {
                s.bytes(rec.data, &mut buf);
                let v = buf.get(..2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
                let dt = buf.get(2..4).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
                biff8 = match v {
                    0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => false,
                    0 => dt != 0x1000,
                    _ => true,
                };
            }
            0x0085 => {
                s.bytes(rec.data, &mut buf);
                let Some(sheet) = boundsheet(&buf, biff8) else { return Ok(None) };
                out.sheets.push(sheet);
            }
            0x00FC if sst(s, &rec, limits, &mut out.sst)?.is_none() => return Ok(None),
            0x000A => return Ok(Some(out)),
            _ => {}
        }
    }
}

/// BoundSheet8: the sheet's stream position and name (calamine's `parse_sheet_metadata`).
fn boundsheet(b: &[u8], biff8: bool) -> Option<(usize, String)> {
    let pos = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
    if b.get(4)? & 0x3F > 2 || !matches!(b.get(5)?, 0 | 1 | 2 | 6) {
        return None;
    }
    let rest = b.get(6..)?;
    if rest.is_empty() || (biff8 && rest.len() < 2) {
        return None;
    }
    let cch = usize::from(rest[0]);
    let (wide, chars) = if biff8 { (rest[1] & 1 != 0, &rest[2..]) } else { (false, &rest[1..]) };
    let mut name: String = if wide {
        let units: Vec<u16> = chars.chunks_exact(2).take(cch).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(cch).map(|&c| char::from(c)).collect()
    };
    name.retain(|c| c != '\0');
    Some((pos, crate::xmlscan::cut(name)))
}

mod sheets;
mod sst;
use sheets::sheet;
use sst::sst;
