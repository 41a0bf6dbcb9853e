//! Reading generated PDFs back: their text (poppler's pdftotext), and their characters
//! with font, size and position plus their stroked lines (mupdf's `mutool draw`).

use std::path::Path;
use std::process::Command;

/// The text of a PDF (`-layout` keeps line-final hyphens and the page's columns).
pub fn text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed on {}", path.display());
    String::from_utf8(out.stdout).unwrap()
}

/// Text with the line breaks folded, for phrases that may wrap.
pub fn flat_text(path: &Path) -> String {
    text(path).split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo prints Pages")
}

/// One character as placed on a page (points, origin top left, `y` the baseline).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub c: char,
    pub font: String,
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

/// A stroked straight horizontal line.
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

fn attr<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = line.find(&key)? + key.len();
    let end = line[start..].find('"')? + start;
    Some(&line[start..end])
}

fn unescape(s: &str) -> char {
    let s = s
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'");
    if let Some(hex) = s.strip_prefix("&#x").and_then(|h| h.strip_suffix(';')) {
        return char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
    }
    s.chars().next().unwrap_or(' ')
}

fn mutool(path: &Path, format: &str, page: usize) -> String {
    let out = Command::new("mutool")
        .args(["draw", "-F", format, "-o", "-"])
        .arg(path)
        .arg(page.to_string())
        .output()
        .expect("mutool (mupdf-tools) is installed");
    assert!(out.status.success(), "mutool failed on {}", path.display());
    String::from_utf8(out.stdout).unwrap()
}

/// Page `n` (1-based) of a PDF.
pub fn page(path: &Path, n: usize) -> Page {
    let stext = mutool(path, "stext", n);
    let mut glyphs = Vec::new();
    let (mut font, mut size) = (String::new(), 0.0);
    let (mut width, mut height) = (0.0, 0.0);
    for line in stext.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            width = attr(line, "width").unwrap().parse().unwrap();
            height = attr(line, "height").unwrap().parse().unwrap();
        } else if line.starts_with("<font ") {
            font = attr(line, "name").unwrap().to_string();
            size = attr(line, "size").unwrap().parse().unwrap();
        } else if line.starts_with("<char ") {
            let quad: Vec<f64> = attr(line, "quad").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
            glyphs.push(Glyph {
                c: unescape(attr(line, "c").unwrap()),
                font: font.clone(),
                size,
                x0: quad[0],
                x1: quad[2],
                y: attr(line, "y").unwrap().parse().unwrap(),
            });
        }
    }
    // Stroked paths: `transform="1 0 0 1 X Y"` (device space, origin top left) with a
    // moveto/lineto pair along x.
    let trace = mutool(path, "trace", n);
    let mut rules = Vec::new();
    let mut current: Option<(f64, f64, f64)> = None;
    let mut points: Vec<(f64, f64)> = Vec::new();
    for line in trace.lines() {
        let line = line.trim();
        if line.starts_with("<stroke_path") {
            let t: Vec<f64> = attr(line, "transform").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
            current = Some((t[4], t[5], attr(line, "linewidth").unwrap().parse().unwrap()));
            points.clear();
        } else if (line.starts_with("<moveto") || line.starts_with("<lineto")) && current.is_some() {
            points.push((attr(line, "x").unwrap().parse().unwrap(), attr(line, "y").unwrap().parse().unwrap()));
        } else if line.starts_with("</stroke_path")
            && let (Some((tx, ty, w)), [(ax, ay), (bx, by)]) = (current.take(), points.as_slice())
            && (ay - by).abs() < 0.01
        {
            rules.push(Rule { x0: tx + ax.min(*bx), x1: tx + ax.max(*bx), y: ty + ay, width: w });
        }
    }
    Page { width, height, glyphs, rules }
}

impl Page {
    /// Glyphs grouped into runs: same baseline and font, in reading order.
    pub fn runs(&self) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for g in &self.glyphs {
            match runs.last_mut() {
                Some(r) if (r.y - g.y).abs() < 0.5 && r.font == g.font && (g.x0 - r.x1).abs() < g.size => {
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
}
