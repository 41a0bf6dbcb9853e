//! quick-xml, configured as calamine configures it, over a reader that refuses to let one
//! token grow past `max_xml_token` bytes.

use std::io::{self, BufRead, BufReader, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// A [`BufRead`] that counts the bytes quick-xml consumes for the token it is reading, and
/// fails once they pass `cap`. Leading whitespace is not counted: with `trim_text_start`
/// quick-xml skips it without buffering it (so a whitespace bomb costs no memory here and is
/// caught by the byte limits instead).
pub(crate) struct Guard<R> {
    inner: R,
    since_mark: u64,
    in_ws: bool,
    cap: u64,
    tripped: bool,
}

impl<R: BufRead> Guard<R> {
    fn new(inner: R, cap: u64) -> Self {
        Guard { inner, since_mark: 0, in_ws: true, cap, tripped: false }
    }

    fn mark(&mut self) {
        self.since_mark = 0;
        self.in_ws = true;
    }
}

impl<R: BufRead> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.since_mark > self.cap {
            self.tripped = true;
            return Err(io::Error::other("XML token over the limit"));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.in_ws {
            // The bytes being consumed are still at the front of the inner buffer.
            let ws = match self.inner.fill_buf() {
                Ok(b) => b.iter().take(amt).take_while(|c| c.is_ascii_whitespace()).count(),
                Err(_) => 0,
            };
            if ws < amt {
                self.in_ws = false;
                self.since_mark = self.since_mark.saturating_add((amt - ws) as u64);
            }
        } else {
            self.since_mark = self.since_mark.saturating_add(amt as u64);
        }
        self.inner.consume(amt);
    }
}

/// A quick-xml reader set up exactly as calamine's `xml_reader` / ODS reader (plus
/// `trim_text_start`, which changes no markup boundary), yielding events until the end or
/// the first error, as calamine stops at the first error too.
pub(crate) struct Xml<'r> {
    reader: Reader<Guard<BufReader<&'r mut dyn Read>>>,
    buf: Vec<u8>,
    done: bool,
}

impl<'r> Xml<'r> {
    pub(crate) fn new(src: &'r mut dyn Read, cap: u64) -> Xml<'r> {
        let mut reader = Reader::from_reader(Guard::new(BufReader::with_capacity(8192, src), cap));
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.trim_text_start = true;
        config.check_comments = false;
        config.expand_empty_elements = true;
        Xml { reader, buf: Vec::with_capacity(1024), done: false }
    }

    /// The next event, or `None` at the end or after an error (including a token over the
    /// cap, see [`Xml::tripped`]).
    pub(crate) fn next(&mut self) -> Option<Event<'_>> {
        self.next_at().map(|(e, _)| e)
    }

    /// The next event and the bytes consumed once it is read.
    pub(crate) fn next_at(&mut self) -> Option<(Event<'_>, u64)> {
        if self.done {
            return None;
        }
        self.buf.clear();
        if self.buf.capacity() > 64 * 1024 {
            self.buf.shrink_to(64 * 1024);
        }
        self.reader.get_mut().mark();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(Event::Eof) | Err(_) => {
                self.done = true;
                None
            }
            Ok(e) => Some((e, self.reader.buffer_position())),
        }
    }

    /// Bytes consumed so far (whitespace skipped included).
    pub(crate) fn pos(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// Did the reader stop on a token longer than the cap?
    pub(crate) fn tripped(&self) -> bool {
        self.reader.get_ref().tripped
    }
}

/// calamine's `RawAttrIter` (src/attrs.rs): `key="value"` pairs of a start tag, stopping at
/// the first malformed one as calamine does.
pub(crate) fn attrs(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = raw.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key_start = pos;
        while bytes.get(pos).is_some_and(|&b| b != b'=') {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key = raw.get(key_start..pos)?.trim_ascii_end();
        pos += 1;
        while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
            pos += 1;
        }
        let quote = *bytes.get(pos).filter(|&&q| q == b'"' || q == b'\'')?;
        pos += 1;
        let val_start = pos;
        while bytes.get(pos).is_some_and(|&b| b != quote) {
            pos += 1;
        }
        let val = raw.get(val_start..pos)?;
        if pos < bytes.len() {
            pos += 1;
        }
        Some((key, val))
    })
}

/// calamine's `local_name_matches`: `id` matches `id` and `r:id`.
pub(crate) fn local_key_is(key: &str, local: &str) -> bool {
    key == local || key.strip_suffix(local).is_some_and(|p| p.ends_with(':'))
}

/// An attribute value with XML entities decoded, as calamine's `decode_attr`.
pub(crate) fn decode(v: &str) -> String {
    quick_xml::escape::unescape(v).map(|c| c.into_owned()).unwrap_or_else(|_| v.to_string())
}

/// A name for a message: decoded and cut to a reasonable length.
pub(crate) fn name(v: &str) -> String {
    cut(decode(v))
}

pub(crate) fn cut(mut s: String) -> String {
    if s.len() > 200 {
        let mut end = 200;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// A decimal count as Rust's `str::parse::<usize>` reads it (calamine's ODS repeats and
/// `text:c`), saturating instead of failing on overflow, which only makes the scan stricter.
pub(crate) fn parse_count(v: &str) -> Option<u64> {
    let digits = v.strip_prefix('+').unwrap_or(v);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().fold(0u64, |acc, b| acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))))
}

/// The one value of attribute `key` (matched by `is_key`), or `Err` when it is given twice:
/// XML forbids it, Excel and LibreOffice never write it, and calamine's readers would not
/// agree on which value counts.
pub(crate) fn uniq<'a>(e: &'a BytesStart<'_>, is_key: impl Fn(&str) -> bool) -> Result<Option<&'a str>, Dup> {
    let mut found = None;
    for (k, v) in attrs(e.attributes_raw()) {
        if is_key(k) {
            if found.is_some() {
                return Err(Dup);
            }
            found = Some(v);
        }
    }
    Ok(found)
}

/// A duplicated attribute.
#[derive(Debug)]
pub(crate) struct Dup;

pub(crate) const TOKEN: &str = "an XML token longer than max_xml_token";
pub(crate) const DUP: &str = "an attribute given twice in one element";
