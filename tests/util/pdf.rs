//! Reading generated PDFs back in pure Rust (hayro, the PDF interpreter typst itself uses):
//! their text (like `pdftotext -layout`), and their characters with font, size and position
//! plus their stroked straight lines (like `mutool draw -F stext` / `-F trace`).
//!
//! Coordinates are points with the origin at the top left of the page; a glyph's `y` is its
//! baseline, its `x0..x1` the advance box (kerning is not applied to it).

use std::collections::HashMap;
use std::path::Path;

use hayro_interpret::font::Glyph as PdfGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::content::TypedIter;
use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro_interpret::hayro_syntax::object::{Dict, Name, dict_or_stream};
use hayro_interpret::hayro_syntax::page::{Page as PdfPage, Resources};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache, InterpreterSettings, Paint,
    PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use kurbo::{Affine, BezPath, PathEl, Point, Rect};

/// One character as placed on a page (points, origin top left, `y` the baseline).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub c: char,
    /// The font's `BaseFont` without its subset tag (`LiberationSerif-Bold`).
    pub font: String,
    /// The font size on the page: `Tf` size times the text and current matrices' scale.
    pub size: f64,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// A run of glyphs on one baseline in one font: what a reader sees as a line of text.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub font: String,
    pub size: f64,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// A stroked straight horizontal line (`width` = line width in points).
#[derive(Debug, Clone)]
pub struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub width: f64,
}

pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

fn load(path: &Path) -> Pdf {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Pdf::new(data).unwrap_or_else(|e| panic!("{} is not a readable PDF: {e:?}", path.display()))
}

pub fn pages(path: &Path) -> usize {
    load(path).pages().len()
}

/// Page `n` (1-based) of a PDF.
pub fn page(path: &Path, n: usize) -> Page {
    let pdf = load(path);
    let pages = pdf.pages();
    assert!(n >= 1 && n <= pages.len(), "{} has {} pages, not {n}", path.display(), pages.len());
    read_page(&pages[n - 1])
}

/// Every page of a PDF (one parse).
pub fn all_pages(path: &Path) -> Vec<Page> {
    let pdf = load(path);
    pdf.pages().iter().map(read_page).collect()
}

/// The text of a PDF, laid out like `pdftotext -layout`: one line per baseline, words apart
/// by one space, wide gaps (table columns, text side by side) by two or more, each page
/// followed by a form feed.
pub fn text(path: &Path) -> String {
    let mut out = String::new();
    for p in all_pages(path) {
        out.push_str(&p.text());
        out.push('\u{c}');
    }
    out
}

/// The script's text left of its `Người thực hiện` column (what the MC says, with the
/// items' titles), lines folded: the performer's column does not break into the lines.
pub fn script_text(path: &Path) -> String {
    let mut out = String::new();
    for mut page in all_pages(path) {
        // The performer's column: the leftmost text in the page's right third; the number
        // and time columns: left of the right edge of the times (`07h30`).
        let runs = page.runs();
        let performer = runs.iter().map(|r| r.x0).filter(|&x| x > page.width * 0.6).reduce(f64::min);
        let is_time = |t: &str| t.len() == 5 && t.as_bytes()[2] == b'h' && t.replace('h', "").parse::<u32>().is_ok();
        let times = runs.iter().filter(|r| is_time(&r.text)).map(|r| r.x1).reduce(f64::max);
        page.glyphs.retain(|g| performer.is_none_or(|x| g.x0 < x - 1.0) && times.is_none_or(|x| g.x0 > x + 1.0));
        out.push_str(&page.text());
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text with the line breaks folded, for phrases that may wrap.
pub fn flat_text(path: &Path) -> String {
    text(path).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_page(page: &PdfPage<'_>) -> Page {
    let (width, height) = page.render_dimensions();
    // The same box in f64 (render_dimensions is f32: 595.2755737 for 595.2756).
    let crop = page.intersected_crop_box();
    let (mut w, mut h) = (crop.x1 - crop.x0, crop.y1 - crop.y0);
    if (w - width as f64).abs() > 0.01 {
        std::mem::swap(&mut w, &mut h);
    }
    let settings = InterpreterSettings { render_annotations: false, ..Default::default() };
    let cache = InterpreterCache::new();
    // Flips y (origin top left) and applies the crop box and /Rotate, as a renderer would.
    let initial = page.initial_transform(true).to_kurbo();
    let bbox = Rect::new(0.0, 0.0, width as f64, height as f64);
    let mut ctx = Context::new(initial, bbox, &cache, page.xref(), settings);
    let mut collector = Collector { marked: marked_contents(page), ..Default::default() };
    interpret_page(page, &mut ctx, &mut collector);
    Page { width: tidy(w), height: tidy(h), glyphs: collector.glyphs, rules: collector.rules }
}

/// Rounds to six significant digits (as mutool prints them): float noise goes
/// (`12.000000476` → `12`), so sizes compare exactly with `==`.
fn tidy(v: f64) -> f64 {
    format!("{v:.5e}").parse().unwrap_or(v)
}

/// One `BMC`/`BDC` as met in content order: its tag and MCID (to check that the
/// interpreter's order matches) and its `/ActualText`, if any.
struct Marked {
    tag: Vec<u8>,
    mcid: Option<i32>,
    actual_text: Option<String>,
}

/// The marked-content sequences of a page in the order the interpreter meets them: the page's
/// stream, with each form XObject's stream at its `Do`. hayro's device only sees a
/// sequence's tag and MCID; this is how `/ActualText` (which krilla writes for clusters
/// whose glyph already has another Unicode mapping) reaches the collector.
fn marked_contents(page: &PdfPage<'_>) -> Vec<Marked> {
    let mut out = Vec::new();
    if let Some(data) = page.page_stream() {
        scan_marked(data, page.resources(), &mut out, 0);
    }
    out
}

fn scan_marked(data: &[u8], resources: &Resources<'_>, out: &mut Vec<Marked>, depth: usize) {
    if depth > 16 {
        return;
    }
    let mut ops = TypedIter::new(data);
    while let Some(op) = ops.next() {
        match op {
            TypedInstruction::BeginMarkedContent(bmc) => {
                out.push(Marked { tag: bmc.0.as_ref().to_vec(), mcid: None, actual_text: None });
            }
            TypedInstruction::BeginMarkedContentWithProperties(bdc) => {
                let props = dict_or_stream(bdc.1).map(|(d, _)| d.clone()).or_else(|| {
                    let name = bdc.1.clone().into_name()?;
                    resources.properties.get::<Dict<'_>>(name)
                });
                let mcid = props.as_ref().and_then(|p| p.get::<i32>(b"MCID"));
                let actual_text = props.as_ref().and_then(|p| {
                    p.get::<hayro_interpret::hayro_syntax::object::String<'_>>(b"ActualText")
                        .map(|s| decode_text_string(s.as_bytes()))
                });
                out.push(Marked { tag: bdc.0.as_ref().to_vec(), mcid, actual_text });
            }
            TypedInstruction::XObject(x) => {
                if let Some(stream) = resources.get_x_object(x.0)
                    && stream.dict().get::<Name<'_>>(b"Subtype").is_some_and(|s| s.as_ref() == b"Form")
                    && let Ok(decoded) = stream.decoded()
                {
                    let inner = match stream.dict().get::<Dict<'_>>(b"Resources") {
                        Some(d) => Resources::from_parent(d, resources.clone()),
                        None => resources.clone(),
                    };
                    scan_marked(&decoded, &inner, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, or (close enough here) Latin-1.
fn decode_text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

/// An open marked-content sequence: its `/ActualText` and whether a glyph has shown it yet.
struct OpenMarked {
    actual_text: Option<String>,
    shown: bool,
}

#[derive(Default)]
struct Collector {
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
    marked: Vec<Marked>,
    next_marked: usize,
    open: Vec<OpenMarked>,
    font_names: HashMap<u128, String>,
    last_fill: Option<Affine>,
}

impl Collector {
    /// The text a glyph stands for: the enclosing `/ActualText` (on the first glyph of its
    /// sequence, nothing on the others), else the font's `ToUnicode` mapping.
    fn unicode(&mut self, glyph: &PdfGlyph<'_>) -> String {
        if let Some(span) = self.open.iter_mut().find(|m| m.actual_text.is_some()) {
            if span.shown {
                return String::new();
            }
            span.shown = true;
            return span.actual_text.clone().unwrap_or_default();
        }
        match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => '\u{FFFD}'.to_string(),
        }
    }

    fn font_name(&mut self, glyph: &PdfGlyph<'_>) -> String {
        match glyph {
            PdfGlyph::Outline(g) => self
                .font_names
                .entry(g.font_cache_key())
                .or_insert_with(|| g.font_data().and_then(|d| d.postscript_name).unwrap_or_default())
                .clone(),
            PdfGlyph::Type3(_) => String::new(),
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}

    fn begin_marked_content(&mut self, tag: &[u8], mcid: Option<i32>) {
        let actual_text = match self.marked.get(self.next_marked) {
            Some(m) if m.tag == tag && m.mcid == mcid => {
                self.next_marked += 1;
                m.actual_text.clone()
            }
            _ => None,
        };
        self.open.push(OpenMarked { actual_text, shown: false });
    }

    fn end_marked_content(&mut self) {
        self.open.pop();
    }

    fn draw_glyph(
        &mut self,
        glyph: &PdfGlyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        draw_mode: &GlyphDrawMode,
    ) {
        // Fill-and-stroke text (render mode 2) reports each glyph twice, fill then stroke.
        let drawn = transform * glyph_transform;
        let repeat = matches!(draw_mode, GlyphDrawMode::Stroke(_)) && self.last_fill == Some(drawn);
        self.last_fill = matches!(draw_mode, GlyphDrawMode::Fill).then_some(drawn);
        if repeat {
            return;
        }
        let text = self.unicode(glyph);
        if text.is_empty() {
            return;
        }
        // `drawn` maps glyph space (1000 units per em) to the page.
        let [a, b, c, d, _, _] = drawn.as_coeffs();
        let size = tidy((a * d - b * c).abs().sqrt() * 1000.0);
        let advance = match glyph {
            PdfGlyph::Outline(g) => g.advance_width().unwrap_or(500.0) as f64,
            // Type3 glyphs carry no public width; half an em keeps them in line.
            PdfGlyph::Type3(_) => 500.0,
        };
        let origin = drawn * Point::ORIGIN;
        let end = drawn * Point::new(advance, 0.0);
        let font = self.font_name(glyph);
        // A ligature or a cluster (`fi`, an ActualText span) shares its box among its characters.
        let n = text.chars().count() as f64;
        for (i, ch) in text.chars().enumerate() {
            // No-break and other Unicode spaces (Typst keeps names together with U+00A0) read
            // as plain spaces, as pdftotext and mutool give them.
            let ch = if ch.is_whitespace() { ' ' } else { ch };
            let (f0, f1) = (i as f64 / n, (i + 1) as f64 / n);
            self.glyphs.push(Glyph {
                c: ch,
                font: font.clone(),
                size,
                x0: origin.x + (end.x - origin.x) * f0,
                x1: origin.x + (end.x - origin.x) * f1,
                y: origin.y,
            });
        }
    }

    fn draw_path(&mut self, path: &BezPath, transform: Affine, _: &Paint<'a>, draw_mode: &PathDrawMode) {
        let PathDrawMode::Stroke(props) = draw_mode else { return };
        // hayro turns a zero-area *filled* path into a 0.001-wide bevel-joined stroke: not a line.
        if props.line_width == 0.001 && props.line_join == kurbo::Join::Bevel {
            return;
        }
        let [a, b, c, d, _, _] = transform.as_coeffs();
        let width = tidy(props.line_width as f64 * (a * d - b * c).abs().sqrt());
        // Each subpath that is one straight segment (`m … l`), horizontal on the page.
        let mut segment: Option<(Point, Point)> = None;
        let mut count = 0;
        let flush = |segment: Option<(Point, Point)>, count: usize, rules: &mut Vec<Rule>| {
            if let (Some((p, q)), 1) = (segment, count) {
                let (p, q) = (transform * p, transform * q);
                if (p.y - q.y).abs() < 0.01 && (p.x - q.x).abs() > 0.01 {
                    rules.push(Rule { x0: p.x.min(q.x), x1: p.x.max(q.x), y: (p.y + q.y) / 2.0, width });
                }
            }
        };
        let mut start = Point::ORIGIN;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    flush(segment.take(), count, &mut self.rules);
                    start = p;
                    count = 0;
                }
                PathEl::LineTo(p) => {
                    count += 1;
                    segment = Some((start, p));
                }
                PathEl::QuadTo(..) | PathEl::CurveTo(..) | PathEl::ClosePath => count += 2,
            }
        }
        flush(segment, count, &mut self.rules);
    }

    /// A stroked rectangle (`re`, or m-l-l-l-h) is a box, not a rule, as in mutool's trace;
    /// a filled one is no rule either.
    fn draw_rect(&mut self, _: &Rect, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
}

impl Page {
    /// Glyphs grouped into runs: same baseline and font, in reading order.
    pub fn runs(&self) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for g in &self.glyphs {
            match runs.last_mut() {
                Some(r) if (r.y - g.y).abs() < 0.5 && r.font == g.font && (g.x0 - r.x1).abs() < g.size => {
                    // mutool's synthetic space: a gap of 0.15–0.8 em with no space glyph in it.
                    // (A wider gap made mutool start a new line, which this join glued on
                    // without a space: kept as it was.)
                    let gap = (g.x0 - r.x1) / g.size;
                    if !g.c.is_whitespace() && !r.text.ends_with(char::is_whitespace) && gap > 0.15 && gap < 0.8 {
                        r.text.push(' ');
                    }
                    r.text.push(g.c);
                    if !g.c.is_whitespace() {
                        r.x1 = g.x1;
                    }
                }
                _ => runs.push(Run {
                    text: g.c.to_string(),
                    font: g.font.clone(),
                    size: g.size,
                    x0: g.x0,
                    x1: g.x1,
                    y: g.y,
                }),
            }
        }
        for r in &mut runs {
            r.text = r.text.trim().to_string();
        }
        runs.retain(|r| !r.text.is_empty());
        runs
    }

    /// The run whose text starts with `prefix`.
    pub fn run(&self, prefix: &str) -> Run {
        self.runs()
            .into_iter()
            .find(|r| r.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no run starts with {prefix:?}: {:#?}", self.runs()))
    }

    /// The page's text, `pdftotext -layout` style: lines by baseline from the top, glyphs by
    /// x; a space glyph or a gap over 0.2 em is one space, a gap over an em two or more (as
    /// many as keep the text on a grid of 0.4 of the page's usual em), so columns stay apart.
    /// Every line ends with a newline; vertical room for more lines gives empty lines.
    /// Upside-down text (a tent card's back face) is read turned upright, as its own block,
    /// placed before or after the upright text by where it stands on the page.
    pub fn text(&self) -> String {
        let (flipped, upright): (Vec<&Glyph>, Vec<&Glyph>) = self.glyphs.iter().partition(|g| g.x1 < g.x0);
        let turned: Vec<Glyph> = flipped
            .iter()
            .map(|g| Glyph { x0: self.width - g.x0, x1: self.width - g.x1, y: self.height - g.y, ..(*g).clone() })
            .collect();
        let top = |gs: &[&Glyph]| gs.iter().map(|g| g.y).fold(f64::INFINITY, f64::min);
        let (upright_text, turned_text) = (layout(upright.clone()), layout(turned.iter().collect()));
        if top(&flipped) < top(&upright) { turned_text + &upright_text } else { upright_text + &turned_text }
    }
}

/// Lines of text from glyphs that read left to right (see [`Page::text`]).
fn layout(mut glyphs: Vec<&Glyph>) -> String {
    if glyphs.is_empty() {
        return String::new();
    }
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let cell = (sizes[sizes.len() / 2] * 0.4).max(1.0);
    let left = glyphs.iter().filter(|g| !g.c.is_whitespace()).map(|g| g.x0).fold(f64::INFINITY, f64::min);

    // Lines: glyphs whose baseline lies within 0.4 em of the line's top baseline.
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if g.y - line[0].y <= 0.4 * g.size.max(line[0].size) => line.push(g),
            _ => lines.push(vec![g]),
        }
    }

    let mut out = String::new();
    let mut prev: Option<(f64, f64)> = None; // (baseline, biggest size) of the line above
    for mut line in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let y = line[0].y;
        let size = line.iter().map(|g| g.size).fold(0.0, f64::max);
        // Vertical room for n more lines gives n empty lines (pdftotext -layout alike).
        if let Some((py, psize)) = prev {
            let blank = ((y - py) / psize.max(size)).floor() as i64 - 1;
            out.extend(std::iter::repeat_n('\n', blank.clamp(0, 8) as usize));
        }
        prev = Some((y, size));

        let mut s = String::new();
        let mut col = 0usize; // characters in `s`
        let mut last: Option<&Glyph> = None; // last non-space glyph
        let mut space = false; // a space glyph since `last`
        for g in line {
            if g.c.is_whitespace() {
                space |= last.is_some();
                continue;
            }
            let target = ((g.x0 - left) / cell).round().max(0.0) as usize;
            let pad = match last {
                None => target,
                Some(l) => {
                    let gap = g.x0 - l.x1;
                    let em = g.size.max(l.size);
                    if gap > em {
                        target.saturating_sub(col).max(2)
                    } else if space || gap > 0.2 * em {
                        1
                    } else {
                        0
                    }
                }
            };
            s.extend(std::iter::repeat_n(' ', pad));
            s.push(g.c);
            col += pad + 1;
            last = Some(g);
            space = false;
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}
