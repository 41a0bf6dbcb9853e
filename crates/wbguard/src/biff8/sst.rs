//! The SST record and its CONTINUE records, walked as calamine's `parse_sst` walks them.

use super::{CONTINUE, Rec, Stream};
use crate::strlens::StrLens;
use crate::{Exceeded, Limits};

/// The record's data, then each CONTINUE record's in turn (calamine's `Record` with its
/// `cont` list).
struct Parts<'s, 'a> {
    s: &'s Stream<'a>,
    buf: Vec<u8>,
    at: usize,
    next: usize,
    end: usize,
}

impl Parts<'_, '_> {
    fn data(&self) -> &[u8] {
        self.buf.get(self.at..).unwrap_or_default()
    }

    fn advance(&mut self, n: usize) {
        self.at = self.at.saturating_add(n).min(self.buf.len());
    }

    fn continue_record(&mut self) -> bool {
        if self.next >= self.end || self.s.u16_at(self.next) != Some(CONTINUE) {
            return false;
        }
        let len = usize::from(self.s.u16_at(self.next + 2).unwrap_or(0));
        self.s.bytes((self.next + 4, len), &mut self.buf);
        self.at = 0;
        self.next += 4 + len;
        true
    }

    fn u16(&self) -> Option<u16> {
        let d = self.data();
        Some(u16::from_le_bytes([*d.first()?, *d.get(1)?]))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if self.data().is_empty() && !self.continue_record() {
                return None;
            }
            let l = n.min(self.data().len());
            self.advance(l);
            n -= l;
        }
        Some(())
    }

    /// One `XLUnicodeRichExtendedString` (calamine's `read_rich_extended_string`): its
    /// length in UTF-8 bytes at most (3 per character); `None` where calamine fails.
    fn string(&mut self) -> Option<u64> {
        if self.data().is_empty() {
            return Some(0);
        }
        if self.data().len() < 3 {
            return None;
        }
        let cch = usize::from(self.u16()?);
        let flags = *self.data().get(2)?;
        self.advance(3);
        let mut high = flags & 1 != 0;
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            runs = usize::from(self.u16()?);
            self.advance(2);
        }
        if flags & 0x4 != 0 {
            let d = self.data();
            let v = i32::from_le_bytes([*d.first()?, *d.get(1)?, *d.get(2)?, *d.get(3)?]);
            ext = v as usize;
            self.advance(4);
        }
        let mut left = cch;
        while left > 0 {
            let avail = self.data().len();
            let l = if high { (avail / 2).min(left) } else { avail.min(left) };
            self.advance(if high { 2 * l } else { l });
            left -= l;
            if left > 0 {
                if !self.continue_record() {
                    return None;
                }
                high = *self.data().first()? & 1 != 0;
                self.advance(1);
            }
        }
        self.skip(runs.checked_mul(4)?)?;
        self.skip(ext)?;
        Some(3 * cch as u64)
    }
}

/// calamine's `parse_sst`: `Ok(None)` where it fails (so builds no sheet).
pub(super) fn sst(s: &Stream<'_>, rec: &Rec, limits: &Limits, lens: &mut StrLens) -> Result<Option<()>, Exceeded> {
    let mut p = Parts { s, buf: Vec::new(), at: 8, next: rec.conts.0, end: rec.conts.1 };
    s.bytes(rec.data, &mut p.buf);
    if p.buf.len() < 8 {
        return Ok(None);
    }
    let mut found = 0u64;
    while !p.data().is_empty() || p.continue_record() {
        let Some(len) = p.string() else { return Ok(None) };
        found += 1;
        if found > limits.max_shared_strings {
            return Err(Exceeded::SharedStrings { declared_or_found: found, limit: limits.max_shared_strings });
        }
        lens.push(len);
    }
    Ok(Some(()))
}
