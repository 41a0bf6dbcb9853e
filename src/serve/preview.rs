//! Pictures of PDF pages: each page rendered to PNG by the PDF renderer typst itself
//! builds (hayro), once per version of the file and size, and kept in the conference's
//! `.vanthu/anh/`. A thumbnail is the first page, shrunk by the page; a preview shows every
//! page, so a clerk sees a document on any browser, a phone's included, without a PDF
//! viewer.

use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::app::App;
use super::files;
use super::views::{Page, missing};
use super::visitor::Visitor;

/// The most pages a preview shows (the PDF itself has them all).
pub(crate) const PREVIEW_PAGES: usize = 40;
/// The most pictures kept per conference; the oldest go first.
const KEPT: usize = 4000;
const FOLDER: &str = "anh";

/// How many pages the PDF at `path` has (0 when it cannot be read).
pub(crate) fn pages(path: &FsPath) -> usize {
    std::fs::read(path).ok().and_then(|b| hayro::hayro_syntax::Pdf::new(b).ok()).map_or(0, |pdf| pdf.pages().len())
}

/// How large a picture is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Size {
    /// A thumbnail in a list: an A4 page 298 pixels wide.
    Thumb,
    /// A page to read: 1.6 × the page's size in points (952 pixels for A4), sharp on a
    /// laptop's screen.
    Page,
}

impl Size {
    fn scale(self) -> f32 {
        match self {
            Size::Thumb => 0.5,
            Size::Page => 1.6,
        }
    }

    pub(crate) fn code(self) -> &'static str {
        match self {
            Size::Thumb => "nho",
            Size::Page => "lon",
        }
    }
}

/// Page `page` (1-based) of the PDF at `pdf` as PNG, from `cache` when made before for the
/// same `version` and size.
fn png(pdf: &FsPath, version: &str, page: usize, size: Size, cache: &FsPath) -> Option<Vec<u8>> {
    let key: String = version.chars().filter(char::is_ascii_alphanumeric).take(64).collect();
    let kept = cache.join(FOLDER).join(format!("{key}-{page}-{}.png", size.code()));
    if !key.is_empty()
        && let Ok(bytes) = std::fs::read(&kept)
    {
        return Some(bytes);
    }
    let bytes = std::fs::read(pdf).ok()?;
    let doc = hayro::hayro_syntax::Pdf::new(bytes).ok()?;
    let pages = doc.pages();
    let p = pages.get(page.checked_sub(1)?)?;
    let settings = hayro::RenderSettings {
        x_scale: size.scale(),
        y_scale: size.scale(),
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        ..hayro::RenderSettings::default()
    };
    let pixmap = hayro::render(
        p,
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &settings,
    );
    let out = pixmap.into_png().ok()?;
    if !key.is_empty() {
        let _ = std::fs::create_dir_all(cache.join(FOLDER));
        prune(&cache.join(FOLDER));
        let _ = crate::output::write_atomic(&kept, &out);
    }
    Some(out)
}

/// Keeps the pictures' folder under [`KEPT`] files.
fn prune(dir: &FsPath) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> =
        entries.filter_map(Result::ok).filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path()))).collect();
    if files.len() < KEPT {
        return;
    }
    files.sort();
    for (_, p) in files.iter().take(files.len() - KEPT / 2) {
        let _ = std::fs::remove_file(p);
    }
}

/// A picture's answer, revalidated by its version.
fn png_answer(bytes: Vec<u8>, etag: &str, headers: &HeaderMap) -> Response {
    let tag = format!("\"{etag}\"");
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(tag.as_str()) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    r
}

#[derive(Deserialize, Default)]
pub(crate) struct Which {
    /// Read loosely: a page number that is no number is page 1 (never a refusal in English).
    #[serde(default)]
    pub trang: Option<String>,
    /// `nho` for a thumbnail; a page to read otherwise.
    #[serde(default)]
    pub co: Option<String>,
}

impl Which {
    pub(crate) fn size(&self) -> Size {
        if self.co.as_deref() == Some("nho") { Size::Thumb } else { Size::Page }
    }

    pub(crate) fn page(&self) -> usize {
        self.trang.as_deref().and_then(|t| t.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, PREVIEW_PAGES)
    }
}

/// The picture `which` asks for of the PDF at `pdf` (of version `version`), made off the
/// async threads or taken from `cache`; `None` when the page is not there.
pub(crate) async fn picture(
    pdf: PathBuf,
    version: String,
    which: &Which,
    cache: PathBuf,
    headers: &HeaderMap,
) -> Option<Response> {
    let (page, size) = (which.page(), which.size());
    let etag = format!("{}-{page}-{}", &version[..version.len().min(16)], size.code());
    let bytes = tokio::task::spawn_blocking(move || png(&pdf, &version, page, size, &cache)).await.ok()??;
    Some(png_answer(bytes, &etag, headers))
}

/// `GET /hn/{conf}/anh/{*path}?trang=N[&co=nho]`: page N (1 when not said) of a PDF of the
/// pack, as a picture.
pub(crate) async fn image(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((name, rel)): Path<(String, String)>,
    Query(which): Query<Which>,
    headers: HeaderMap,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let Some((path, Some(version))) = files::file(&conf, &rel).filter(|_| rel.ends_with(".pdf")) else {
        return missing(&app, &visitor);
    };
    picture(path, version, &which, conf.private(), &headers).await.unwrap_or_else(|| missing(&app, &visitor))
}

/// `GET /hn/{conf}/xem/{*path}`: every page of a PDF of the pack, as pictures.
pub(crate) async fn page(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((name, rel)): Path<(String, String)>,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let Some((path, Some(version))) = files::file(&conf, &rel).filter(|_| rel.ends_with(".pdf")) else {
        return missing(&app, &visitor);
    };
    let count = tokio::task::spawn_blocking(move || pages(&path)).await.unwrap_or(0);
    Page::new("xem.html", rel.rsplit('/').next().unwrap_or(&rel))
        .with("hn", &conf.name)
        .with("tep", &rel)
        .with("phien_ban", version.chars().take(12).collect::<String>())
        .with("so_trang", count)
        .with("trang", (1..=count.min(PREVIEW_PAGES)).collect::<Vec<_>>())
        .render(&app, &visitor)
}
