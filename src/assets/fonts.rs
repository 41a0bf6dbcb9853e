//! The fonts every document is set in, loaded once per process.
//!
//! Liberation Serif (metric-compatible with Times New Roman, SIL OFL; see
//! `fonts/LICENSE-OFL.txt`) is compiled into the binary, so output never depends on the
//! machine. A system Times New Roman can be chosen instead; it is looked for in the usual
//! font folders and, when absent, Liberation Serif is used with a warning.

use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

static LIBERATION: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The embedded family.
pub(crate) const LIBERATION_SERIF: &str = "Liberation Serif";
/// The optional system family.
pub(crate) const TIMES_NEW_ROMAN: &str = "Times New Roman";

/// A set of fonts with its book.
pub struct Fonts {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// The family documents are set in (first in the template's font list).
    pub family: &'static str,
}

fn times_files() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(windir) = std::env::var_os("WINDIR") {
        dirs.push(PathBuf::from(windir).join("Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        dirs.push(PathBuf::from(local).join("Microsoft/Windows/Fonts"));
    }
    dirs.extend(
        [
            "/usr/share/fonts/truetype/msttcorefonts",
            "/usr/share/fonts/TTF",
            "/usr/share/fonts/truetype",
            "/Library/Fonts",
            "/System/Library/Fonts/Supplemental",
        ]
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(&home).join(".fonts"));
        dirs.push(PathBuf::from(home).join(".local/share/fonts"));
    }
    let names = ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf", "Times New Roman.ttf"];
    let mut out = Vec::new();
    for dir in dirs {
        for name in names {
            for candidate in [dir.join(name), dir.join(name.to_uppercase())] {
                if candidate.is_file() && !out.contains(&candidate) {
                    out.push(candidate);
                }
            }
        }
    }
    out
}

impl Fonts {
    /// Liberation Serif only.
    pub fn embedded() -> Fonts {
        let fonts: Vec<Font> = LIBERATION.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts, family: LIBERATION_SERIF }
    }

    /// The system's Times New Roman with Liberation Serif behind it; `None` when Times
    /// New Roman is not installed.
    pub(crate) fn with_times_new_roman() -> Option<Fonts> {
        let mut fonts: Vec<Font> = Vec::new();
        for path in times_files() {
            let Ok(data) = std::fs::read(&path) else { continue };
            fonts.extend(Font::iter(Bytes::new(data)).filter(|f| f.info().family == TIMES_NEW_ROMAN));
        }
        if fonts.is_empty() {
            return None;
        }
        let mut all = fonts;
        all.extend(Fonts::embedded().fonts);
        Some(Fonts { book: LazyHash::new(FontBook::from_fonts(&all)), fonts: all, family: TIMES_NEW_ROMAN })
    }

    /// Whether every face of the documents' family can print `c`.
    pub(crate) fn covers(&self, c: char) -> bool {
        if c.is_whitespace() {
            return true;
        }
        let faces: Vec<&Font> = self.fonts.iter().filter(|f| f.info().family == self.family).collect();
        !faces.is_empty() && faces.iter().all(|f| f.info().coverage.contains(c as u32))
    }

    /// A digest of the font data, for the PDF ident and (later) the manifest.
    pub(crate) fn fingerprint(&self) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for f in &self.fonts {
            h.update(f.data().as_slice());
        }
        format!("{:x}", h.finalize())[..16].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liberation_covers_vietnamese_but_not_cjk_or_emoji() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.fonts.len(), 4);
        for c in "ẮẰẲẴẶắằẳẵặƠƯơưĐđỦủỹỵ№–—‘’“”…".chars() {
            assert!(fonts.covers(c), "{c}");
        }
        assert!(!fonts.covers('陳'));
        assert!(!fonts.covers('😀'));
    }
}
