//! A model of calamine's own OLE reader (`calamine::cfb::Cfb`), which `open_workbook_auto`
//! runs on every OLE file up to three times (`.xls`, then the password checks of `.xlsx`
//! and `.xlsb`).
//!
//! The `cfb` crate is stricter than calamine: a file it rejects may still be read by
//! calamine, and calamine's reader has costs of its own on tiny files (a directory chain that
//! loops is followed forever; a stream chain that loops is followed up to the length the
//! directory declares, 4 GiB or more). So the scan follows calamine's reader step by step,
//! sharing one read position between its two sector caches as calamine does, counting the
//! bytes each chain gathers instead of gathering them.

use crate::{Exceeded, Limits};

pub(crate) const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;

/// Where calamine stops: `Fail` means it returns an error (or panics, which vanthu catches)
/// having allocated no more than what was counted.
pub(crate) enum Stop {
    Fail,
    Limit(Exceeded),
}

impl From<Exceeded> for Stop {
    fn from(e: Exceeded) -> Self {
        Stop::Limit(e)
    }
}

/// Bytes as runs: `Some(offset)` into the file, or `None` for zeros.
#[derive(Default, Clone)]
pub(crate) struct Runs {
    runs: Vec<(Option<usize>, usize)>,
    starts: Vec<usize>,
    len: usize,
}

impl Runs {
    fn push(&mut self, src: Option<usize>, n: usize) {
        if n == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && match (last.0, src) {
                (None, None) => true,
                (Some(a), Some(b)) => a.checked_add(last.1) == Some(b),
                _ => false,
            }
        {
            last.1 += n;
        } else {
            self.runs.push((src, n));
            self.starts.push(self.len);
        }
        self.len += n;
    }

    /// Appends bytes `from..to` of `other`.
    fn push_range(&mut self, other: &Runs, from: usize, to: usize) {
        let mut at = from;
        while at < to {
            let k = match other.starts.binary_search(&at) {
                Ok(k) => k,
                Err(k) => k.saturating_sub(1),
            };
            let (Some(&(src, n)), Some(&start)) = (other.runs.get(k), other.starts.get(k)) else {
                return;
            };
            let off = at - start;
            let take = (n - off).min(to - at);
            self.push(src.map(|s| s + off), take);
            at += take;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Copies bytes at `pos` into `buf` (zeros past the end); the count copied.
    pub(crate) fn read_at(&self, file: &[u8], pos: usize, buf: &mut [u8]) -> usize {
        let mut done = 0;
        while done < buf.len() {
            let at = pos + done;
            if at >= self.len {
                break;
            }
            let k = match self.starts.binary_search(&at) {
                Ok(k) => k,
                Err(k) => k.saturating_sub(1),
            };
            let (Some(&(src, n)), Some(&start)) = (self.runs.get(k), self.starts.get(k)) else {
                break;
            };
            let off = at - start;
            let take = (n - off).min(buf.len() - done);
            let Some(dst) = buf.get_mut(done..done + take) else { break };
            match src.and_then(|s| file.get(s + off..s + off + take)) {
                Some(b) => dst.copy_from_slice(b),
                None => dst.fill(0),
            }
            done += take;
        }
        done
    }

    fn u32_at(&self, file: &[u8], pos: usize) -> Option<u32> {
        let mut b = [0u8; 4];
        (self.read_at(file, pos, &mut b) == 4).then(|| u32::from_le_bytes(b))
    }
}

/// calamine's `Sectors`: a cache filled from the shared reader as sectors are asked for.
struct Sectors {
    data: Runs,
    size: usize,
    maxid: u32,
}

/// The reader calamine passes around (a cursor over the file).
struct Reader<'b> {
    file: &'b [u8],
    pos: usize,
}

impl Sectors {
    /// calamine's `Sectors::get`: the (start, end) of sector `id` in `data`; a first read
    /// that meets the end of the file gives a short sector.
    fn get(&mut self, id: u32, r: &mut Reader<'_>) -> Result<(usize, usize), Stop> {
        if self.maxid < id {
            return Err(Stop::Fail);
        }
        let start = id as usize * self.size;
        let end = start + self.size;
        if end > self.data.len() {
            let len = self.data.len();
            let avail = r.file.len().saturating_sub(r.pos);
            let read = (end - len).min(avail);
            self.data.push(Some(r.pos), read);
            r.pos += read;
            if len + read < end {
                // `resize` filled the rest with zeros; this call returns the short part.
                self.data.push(None, end - len - read);
                if start > len + read {
                    return Err(Stop::Fail); // calamine slices out of range: a panic
                }
                return Ok((start, len + read));
            }
        }
        Ok((start, end))
    }

    /// calamine's `get_chain`, counting: the chain's bytes as runs, failing past `cap`
    /// bytes with `what` (a chain that loops is followed until `len`, or forever).
    fn chain(
        &mut self,
        first: u32,
        fats: &Fat,
        r: &mut Reader<'_>,
        len: usize,
        cap: u64,
        what: &str,
    ) -> Result<Runs, Stop> {
        let mut out = Runs::default();
        let mut id = first;
        while id != ENDOFCHAIN {
            let (s, e) = self.get(id, r)?;
            let take = (e - s).min(len - out.len());
            out.push_range(&self.data, s, s + take);
            if out.len() >= len {
                break;
            }
            if out.len() as u64 > cap {
                return Err(Stop::Limit(Exceeded::EntryBytes {
                    entry: what.into(),
                    found_at_least: out.len() as u64,
                    limit: cap,
                }));
            }
            id = fats.get(r.file, id).ok_or(Stop::Fail)?;
        }
        if out.len() as u64 > cap {
            return Err(Stop::Limit(Exceeded::EntryBytes {
                entry: what.into(),
                found_at_least: out.len() as u64,
                limit: cap,
            }));
        }
        Ok(out)
    }
}

/// A FAT: u32 entries over runs of bytes.
#[derive(Default)]
struct Fat {
    bytes: Runs,
}

impl Fat {
    fn get(&self, file: &[u8], id: u32) -> Option<u32> {
        let at = (id as usize).checked_mul(4)?;
        if at + 4 > self.bytes.len() / 4 * 4 {
            return None;
        }
        self.bytes.u32_at(file, at)
    }
}

/// What calamine's `Cfb` holds after `Cfb::new`, and the reader position it left.
pub(crate) struct Cfb<'b> {
    reader: Reader<'b>,
    sectors: Sectors,
    fats: Fat,
    mini: Sectors,
    mini_fats: Fat,
    /// (name, start, len) of each directory entry, in order.
    dirs: Vec<(String, u32, u64)>,
}

fn le32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes)
}

fn le16(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).and_then(|s| s.try_into().ok()).map_or(0, u16::from_le_bytes)
}

impl<'b> Cfb<'b> {
    /// calamine's `Cfb::new`.
    pub(crate) fn open(file: &'b [u8], limits: &Limits) -> Result<Cfb<'b>, Stop> {
        let cap = limits.max_entry_bytes;
        let head = file.get(..512).ok_or(Stop::Fail)?;
        if !head.starts_with(&SIGNATURE) {
            return Err(Stop::Fail);
        }
        let version = le16(head, 26);
        let size = match le16(head, 30) {
            9 => 512usize,
            12 => 4096,
            _ => return Err(Stop::Fail),
        };
        if le16(head, 32) != 6 || file.len() < size {
            return Err(Stop::Fail);
        }
        let (dir_start, mini_fat_start) = (le32(head, 48), le32(head, 60));
        let (mini_fat_len, difat_start) = (le32(head, 64) as usize, le32(head, 68));
        let mut difat: Vec<u32> = (76..512).step_by(4).map(|at| le32(head, at)).collect();
        let mut reader = Reader { file, pos: size };
        let maxid = file.len() / size;
        let mut sectors = Sectors { data: Runs::default(), size, maxid: u32::try_from(maxid).unwrap_or(u32::MAX) };

        let mut id = difat_start;
        let mut difat_sectors = 0usize;
        while id < RESERVED_SECTORS {
            difat_sectors += 1;
            if difat_sectors > maxid.saturating_add(1) {
                return Err(Stop::Fail);
            }
            let (s, e) = sectors.get(id, &mut reader)?;
            let mut at = s;
            while at + 4 <= e {
                difat.push(sectors.data.u32_at(file, at).unwrap_or(0));
                at += 4;
            }
            id = difat.pop().ok_or(Stop::Fail)?;
        }

        let mut fats = Fat::default();
        for id in difat.into_iter().filter(|&id| id < DIFSECT) {
            let (s, e) = sectors.get(id, &mut reader)?;
            fats.bytes.push_range(&sectors.data, s, s + (e - s) / 4 * 4);
            if fats.bytes.len() as u64 > cap {
                let found = fats.bytes.len() as u64;
                return Err(Stop::Limit(Exceeded::EntryBytes {
                    entry: "(OLE FAT)".into(),
                    found_at_least: found,
                    limit: cap,
                }));
            }
        }

        let dir_bytes = sectors.chain(dir_start, &fats, &mut reader, usize::MAX, cap, "(OLE directory)")?;
        let mut dirs = Vec::new();
        let mut entry = [0u8; 128];
        let mut at = 0;
        while at + 128 <= dir_bytes.len() {
            dir_bytes.read_at(file, at, &mut entry);
            dirs.push(dir_entry(&entry, size));
            at += 128;
        }
        let Some(&(_, root_start, root_len)) = dirs.first() else {
            return Err(Stop::Fail);
        };
        if version != 3 && root_start == ENDOFCHAIN {
            return Err(Stop::Fail);
        }
        let (ministream, mini_fats) = if mini_fat_len > 0 {
            let root_len = usize::try_from(root_len).unwrap_or(usize::MAX);
            let ms = sectors.chain(root_start, &fats, &mut reader, root_len, cap, "(OLE mini stream)")?;
            let mf_len = mini_fat_len.saturating_mul(size);
            let mf = sectors.chain(mini_fat_start, &fats, &mut reader, mf_len, cap, "(OLE mini FAT)")?;
            (ms, Fat { bytes: mf })
        } else {
            (Runs::default(), Fat::default())
        };
        let mini_max = u32::try_from(maxid.saturating_mul(8)).unwrap_or(u32::MAX);
        Ok(Cfb {
            reader,
            sectors,
            fats,
            mini: Sectors { data: ministream, size: 64, maxid: mini_max },
            mini_fats,
            dirs,
        })
    }

    /// calamine's `get_stream`: the first directory entry of that name (any case), read
    /// from the mini stream below 4096 bytes.
    pub(crate) fn stream(&mut self, name: &str, cap: u64) -> Result<Runs, Stop> {
        let Some(&(_, start, len)) = self.dirs.iter().find(|d| d.0.eq_ignore_ascii_case(name)) else {
            return Err(Stop::Fail);
        };
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len < 4096 {
            self.mini.chain(start, &self.mini_fats, &mut self.reader, len, cap, name)
        } else {
            self.sectors.chain(start, &self.fats, &mut self.reader, len, cap, name)
        }
    }
}

/// calamine's `Directory::from_slice`: the UTF-16 name cut at its first NUL, start, size.
fn dir_entry(b: &[u8; 128], sector_size: usize) -> (String, u32, u64) {
    let units: Vec<u16> = b[..64].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let mut name = String::from_utf16_lossy(&units);
    if let Some(l) = name.as_bytes().iter().position(|&c| c == 0) {
        name.truncate(l);
    }
    let start = le32(b, 116);
    let len = if sector_size == 512 {
        u64::from(le32(b, 120))
    } else {
        b.get(120..128).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes)
    };
    (name, start, len)
}
