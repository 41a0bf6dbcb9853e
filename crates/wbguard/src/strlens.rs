//! The byte lengths of a shared string table, in two bytes a string.

/// Lengths below `u16::MAX` are kept inline; longer ones in a side list (few: each costs
/// at least 64 KiB of input).
#[derive(Default)]
pub(crate) struct StrLens {
    short: Vec<u16>,
    long: Vec<(usize, u64)>,
}

impl StrLens {
    pub(crate) fn push(&mut self, len: u64) {
        match u16::try_from(len) {
            Ok(l) if l < u16::MAX => self.short.push(l),
            _ => {
                self.long.push((self.short.len(), len));
                self.short.push(u16::MAX);
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len()
    }

    /// The length of string `i`, `None` past the end.
    pub(crate) fn get(&self, i: usize) -> Option<u64> {
        let l = *self.short.get(i)?;
        if l < u16::MAX {
            return Some(u64::from(l));
        }
        self.long.binary_search_by_key(&i, |&(k, _)| k).ok().and_then(|k| self.long.get(k)).map(|&(_, len)| len)
    }

    /// Makes string `i` at least `len` long (pushing if `i` is the next index): when two
    /// tables may be the one calamine reads, each string counts at its longest.
    pub(crate) fn set_max(&mut self, i: usize, len: u64) {
        if i >= self.short.len() {
            self.push(len);
            return;
        }
        if self.get(i).is_some_and(|cur| cur >= len) {
            return;
        }
        if let Ok(l) = u16::try_from(len)
            && l < u16::MAX
        {
            if let Some(s) = self.short.get_mut(i) {
                *s = l;
            }
            return;
        }
        match self.long.binary_search_by_key(&i, |&(k, _)| k) {
            Ok(k) => {
                if let Some(e) = self.long.get_mut(k) {
                    e.1 = len;
                }
            }
            Err(k) => {
                self.long.insert(k, (i, len));
                if let Some(s) = self.short.get_mut(i) {
                    *s = u16::MAX;
                }
            }
        }
    }
}
