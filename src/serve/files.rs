//! The pack's files: listed, downloaded one by one, or all at once as a ZIP.
//!
//! Only files the pack's manifest names (and the change reports beside it) are ever read:
//! a path from a URL is looked up in that list, never joined to a folder first. So `../`,
//! an absolute path, an encoded one (`%2e%2e%2f`) or a link planted in the pack lead
//! nowhere.

use std::io::Write;
use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::app::App;
use super::views::missing;
use super::visitor::Visitor;
use super::workspace::Conf;
use crate::pack::Manifest;
use crate::pipeline::{CHANGES_HISTORY, CHANGES_JSON};

/// One file of the pack, as the page lists it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FileView {
    /// Its path in the pack, `giay-moi/nguyen-van-a.pdf`.
    pub path: String,
    pub name: String,
    pub kind: String,
    pub pdf: bool,
    /// Its size, `1,2 MB`.
    pub size: String,
    /// The first characters of its hash: a new version has a new address for its images.
    pub version: String,
}

/// A folder of per-person files (`giay-moi/`, `bang-khen/` …).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FolderView {
    pub name: String,
    pub files: Vec<FileView>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct PackView {
    /// The pack's folder, relative to the conference's (`output/so-ket-2026`).
    pub dir: String,
    /// The print files and lists at the top of the pack.
    pub top: Vec<FileView>,
    pub folders: Vec<FolderView>,
    pub count: usize,
    /// The dated change reports of `thay-doi/`, newest first.
    pub history: Vec<String>,
}

pub(crate) fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1048576.0).replace('.', ",")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The pack of `conf` and its manifest, when there is one.
pub(crate) fn pack(conf: &Conf) -> Option<(PathBuf, Manifest)> {
    let dir = conf.pack()?;
    let manifest = Manifest::load_checked(&dir).ok()?;
    Some((dir, manifest))
}

/// A regular file inside `dir`, reached without a link.
fn inside(dir: &FsPath, rel: &str) -> Option<PathBuf> {
    let path = dir.join(rel);
    let real = path.canonicalize().ok()?;
    let meta = std::fs::symlink_metadata(&path).ok()?;
    (meta.is_file() && real.starts_with(dir.canonicalize().ok()?)).then_some(path)
}

/// The file `rel` of the pack of `conf`, when the pack has it.
pub(crate) fn file(conf: &Conf, rel: &str) -> Option<(PathBuf, Option<String>)> {
    let (dir, manifest) = pack(conf)?;
    if let Some(entry) = manifest.files.get(rel) {
        return inside(&dir, rel).map(|p| (p, Some(entry.sha256.clone())));
    }
    let report = rel == crate::pipeline::CHANGES_FILE
        || rel
            .strip_prefix(CHANGES_HISTORY)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|n| n.ends_with(".xlsx") && !n.contains(['/', '\\']) && !n.starts_with('.'));
    if report { inside(&dir, rel).map(|p| (p, None)) } else { None }
}

pub(crate) fn listing(conf: &Conf) -> Option<PackView> {
    let (dir, manifest) = pack(conf)?;
    let mut view = PackView {
        dir: dir.strip_prefix(&conf.dir).unwrap_or(&dir).to_string_lossy().replace('\\', "/"),
        count: manifest.files.len(),
        ..PackView::default()
    };
    for (path, entry) in &manifest.files {
        let bytes = std::fs::metadata(dir.join(path)).map(|m| m.len()).unwrap_or(0);
        let (folder, name) = path.rsplit_once('/').map_or(("", path.as_str()), |(f, n)| (f, n));
        let f = FileView {
            path: path.clone(),
            name: name.to_string(),
            kind: entry.kind.clone(),
            pdf: path.ends_with(".pdf"),
            size: size(bytes),
            version: entry.sha256.chars().take(12).collect(),
        };
        if folder.is_empty() {
            view.top.push(f);
        } else {
            match view.folders.iter_mut().find(|g| g.name == folder) {
                Some(g) => g.files.push(f),
                None => view.folders.push(FolderView { name: folder.to_string(), files: vec![f] }),
            }
        }
    }
    // PDFs to print first, then the lists.
    view.top.sort_by_key(|f| (!f.pdf, f.path.clone()));
    let mut history: Vec<String> = std::fs::read_dir(dir.join(CHANGES_HISTORY))
        .map(|d| d.filter_map(Result::ok).filter_map(|e| e.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    history.retain(|n| n.ends_with(".xlsx"));
    history.sort_by(|a, b| b.cmp(a));
    history.truncate(50);
    view.history = history;
    Some(view)
}

/// The change report of the last build that changed something, as data.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(crate) struct ChangeView {
    pub area: String,
    pub who: String,
    pub what: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(crate) struct ChangesView {
    #[serde(default)]
    pub first: bool,
    #[serde(default)]
    pub changes: Vec<ChangeView>,
    #[serde(default)]
    pub reprint: Vec<String>,
    #[serde(default)]
    pub removed: Vec<String>,
}

pub(crate) fn changes(conf: &Conf) -> Option<ChangesView> {
    let dir = conf.pack()?;
    let bytes = std::fs::read(dir.join(CHANGES_JSON)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("zip") => "application/zip",
        Some("yaml") => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// An answer carrying `bytes` as the file `name`: shown in the browser (`inline`) or saved.
pub(crate) fn attachment(bytes: Vec<u8>, name: &str, inline: bool) -> Response {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    let how = if inline { "inline" } else { "attachment" };
    let disposition = format!("{how}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(name)));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    r
}

#[derive(Deserialize, Default)]
pub(crate) struct How {
    /// `?xem=1`: open in the browser rather than save.
    #[serde(default)]
    xem: Option<String>,
}

/// `GET /hn/{conf}/tep/{*path}`.
pub(crate) async fn download(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((name, rel)): Path<(String, String)>,
    Query(how): Query<How>,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let Some((path, _)) = file(&conf, &rel) else { return missing(&app, &visitor) };
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let base = rel.rsplit('/').next().unwrap_or(&rel);
            attachment(bytes, base, how.xem.is_some() && rel.ends_with(".pdf"))
        }
        Err(_) => missing(&app, &visitor),
    }
}

/// The whole pack as one ZIP, its folder at the top: files stored as they are (PDFs and
/// workbooks are compressed already), with a fixed time so the same pack gives the same
/// bytes.
fn zip_of(dir: &FsPath, manifest: &Manifest, top: &str) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut names: Vec<&String> = manifest.files.keys().collect();
    let report = crate::pipeline::CHANGES_FILE.to_string();
    if dir.join(&report).is_file() {
        names.push(&report);
    }
    for rel in names {
        let Some(path) = inside(dir, rel) else { continue };
        let bytes = std::fs::read(path)?;
        w.start_file(format!("{top}/{rel}"), options).map_err(std::io::Error::other)?;
        w.write_all(&bytes)?;
    }
    Ok(w.finish().map_err(std::io::Error::other)?.into_inner())
}

/// `GET /hn/{conf}/tai-ca-bo`: the whole pack.
pub(crate) async fn zip(State(app): State<Arc<App>>, visitor: Visitor, Path(name): Path<String>) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let Some((dir, manifest)) = pack(&conf) else { return missing(&app, &visitor) };
    let top = dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "bo-van-ban".into());
    let t = top.clone();
    match tokio::task::spawn_blocking(move || zip_of(&dir, &manifest, &t)).await {
        Ok(Ok(bytes)) => attachment(bytes, &format!("{top}.zip"), false),
        _ => (StatusCode::INTERNAL_SERVER_ERROR, "Không đóng gói được bộ văn bản.").into_response(),
    }
}
