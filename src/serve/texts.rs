//! The text documents of a conference (`van-ban/*.md`), edited in the page: the text, the
//! grammar beside it (data/README's "Văn bản"), and on each save the document's PDF and
//! its messages at their lines. The preview is made alone (`vanthu render`, with the
//! conference's data), into `.vanthu/xem-truoc/`; the pack's own copy is made by the build
//! the save starts.

use std::path::PathBuf;
use std::sync::Arc;

use super::preview::Which;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::app::App;
use super::checks::{self, Item};
use super::files::attachment;
use super::preview;
use super::views::{Page, VnForm, missing, url};
use super::visitor::Visitor;
use super::workspace::Conf;
use crate::input::Source;
use crate::input::documents::{EXTENSIONS, FOLDER};
use crate::pipeline::{self, RenderConfig};

const PREVIEWS: &str = "xem-truoc";

/// The grammar in the clerk's words: the README's Vietnamese guide to text documents (the
/// whole of it is data/README.md's "Văn bản", in English).
fn grammar() -> &'static str {
    let readme = include_str!("../../README.md");
    let start = readme.find("**Kế hoạch, Thông báo, Công văn").unwrap_or(0);
    let end = readme[start..].find("| Kế hoạch (mẫu").map_or(readme.len(), |e| start + e);
    readme[start..end].trim()
}

/// The kinds offered for a new document, with the `loại` line they start with.
const KINDS: &[&str] =
    &["Kế hoạch", "Thông báo", "Báo cáo", "Tờ trình", "Công văn", "Biên bản", "Quyết định", "Nghị quyết", "Giấy mời"];

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TextView {
    pub name: String,
    pub size: String,
}

/// A text document of `conf` named `name`: a plain file directly in `van-ban/`.
fn path_of(conf: &Conf, name: &str) -> Option<PathBuf> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let plain = !name.starts_with(['.', '~']) && !name.contains(['/', '\\', ':', '\0']) && name.len() <= 120;
    if !plain || !EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    let path = conf.dir.join(FOLDER).join(name);
    std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()).then_some(path)
}

pub(crate) fn list(conf: &Conf) -> Vec<TextView> {
    let Ok(entries) = std::fs::read_dir(conf.dir.join(FOLDER)) else { return Vec::new() };
    let mut out: Vec<TextView> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| {
            let p = path_of(conf, &n)?;
            Some(TextView { size: super::files::size(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)), name: n })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The outcome of the last preview of a document.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(crate) struct Made {
    pub at: String,
    /// The PDF was made from the text as saved.
    pub ok: bool,
    pub errors: usize,
    pub warnings: usize,
    pub items: Vec<ItemRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(crate) struct ItemRecord {
    pub level: String,
    pub place: String,
    pub message: String,
    pub hint: Option<String>,
    pub line: Option<u32>,
}

impl From<Item> for ItemRecord {
    fn from(i: Item) -> ItemRecord {
        ItemRecord { level: i.level.to_string(), place: i.place, message: i.message, hint: i.hint, line: i.line }
    }
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

fn preview_pdf(conf: &Conf, name: &str) -> PathBuf {
    conf.private().join(PREVIEWS).join(format!("{}.pdf", stem(name)))
}

fn made_file(conf: &Conf, name: &str) -> PathBuf {
    conf.private().join(PREVIEWS).join(format!("{}.json", stem(name)))
}

/// Makes the document's PDF alone, with the conference's data, and keeps the outcome.
fn make(conf: &Conf, name: &str) -> Made {
    let Some(path) = path_of(conf, name) else { return Made::default() };
    let _ = std::fs::create_dir_all(conf.private().join(PREVIEWS));
    let config = RenderConfig {
        file: path.clone(),
        conference: conf.input().map(Source::File),
        out: Some(preview_pdf(conf, name)),
    };
    let outcome = pipeline::render_document(&config);
    let view = checks::view(&Source::File(path), &outcome.diags);
    let made = Made {
        at: chrono::Local::now().format("%H:%M:%S").to_string(),
        ok: outcome.written.is_some(),
        errors: view.errors,
        warnings: view.warnings,
        // This document's own messages, and the conference's errors (they stop it too).
        items: view
            .groups
            .into_iter()
            .flat_map(|g| {
                let own = g.name == name;
                g.items.into_iter().filter(move |i| own || i.level == "loi")
            })
            .map(ItemRecord::from)
            .collect(),
    };
    if let Ok(bytes) = serde_json::to_vec_pretty(&made) {
        let _ = crate::output::write_atomic(&made_file(conf, name), &bytes);
    }
    made
}

/// A file's version: the start of its hash.
fn version(path: &std::path::Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| text_version(&b))
}

/// `GET /hn/{conf}/van-ban/{name}`: the editor.
pub(crate) async fn editor(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((conf_name, name)): Path<(String, String)>,
) -> Response {
    let Some(conf) = app.ws.conf(&conf_name) else { return missing(&app, &visitor) };
    let Some(path) = path_of(&conf, &name) else { return missing(&app, &visitor) };
    let (c, n) = (conf.clone(), name.clone());
    let loaded = tokio::task::spawn_blocking(move || {
        let bytes = std::fs::read(&path).ok()?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let goc = text_version(&bytes);
        let made = match std::fs::read(made_file(&c, &n)) {
            Ok(b) => serde_json::from_slice(&b).unwrap_or_default(),
            Err(_) => make(&c, &n),
        };
        let pdf = preview_pdf(&c, &n);
        let pages = preview::pages(&pdf).min(preview::PREVIEW_PAGES);
        Some((text, goc, made, version(&pdf), pages))
    })
    .await
    .ok()
    .flatten();
    let Some((text, goc, made, version, pages)) = loaded else { return missing(&app, &visitor) };
    Page::new("van-ban.html", &name)
        .with("hn", &conf.name)
        .with("ten", &name)
        .with("goc", goc)
        .with("noi_dung", text)
        .with("ket_qua", made)
        .with("phien_ban", version)
        .with("trang", (1..=pages).collect::<Vec<_>>())
        .with("ngu_phap", grammar())
        .render(&app, &visitor)
}

#[derive(Deserialize)]
pub(crate) struct SaveForm {
    noi_dung: String,
    /// The version of the file the text was edited from (its hash as the editor opened it).
    #[serde(default)]
    goc: String,
}

/// A text's version: the first 12 bytes of its hash, as hex.
fn text_version(bytes: &[u8]) -> String {
    crate::pack::sha256(bytes)[..24].to_string()
}

/// `POST /hn/{conf}/van-ban/{name}`: saves the text, makes its PDF, back to the editor.
pub(crate) async fn save(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((conf_name, name)): Path<(String, String)>,
    VnForm(f): VnForm<SaveForm>,
) -> Response {
    let Some(conf) = app.ws.conf(&conf_name) else { return missing(&app, &visitor) };
    let Some(path) = path_of(&conf, &name) else { return missing(&app, &visitor) };
    if f.noi_dung.len() as u64 > crate::limits::TEXT_DOCUMENT_BYTES {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Văn bản quá dài: vanthu nhận đến 1 MB chữ cho một văn bản.")
            .into_response();
    }
    // Saved by someone else since this editor opened it: their text is not overwritten.
    let on_disk = std::fs::read(&path).unwrap_or_default();
    if !f.goc.is_empty() && f.goc != text_version(&on_disk) {
        app.journal.add(
            visitor.who(),
            Some(&conf.name),
            "sửa văn bản bị từ chối",
            &format!("{name}: đã được sửa trước đó"),
        );
        return Page::new("loi.html", "Chưa lưu: văn bản vừa được sửa")
            .with(
                "loi",
                "Văn bản này vừa được lưu bởi người khác (hoặc ở cửa sổ khác) sau khi bạn mở nó. Nội dung bạn sửa chưa được lưu: hãy chép phần của bạn ở dưới, mở lại văn bản rồi dán vào.",
            )
            .with("noi_dung", f.noi_dung)
            .with("quay_lai", format!("/hn/{}/van-ban/{}", url(&conf.name), url(&name)))
            .status(StatusCode::CONFLICT)
            .render(&app, &visitor);
    }
    // The browser sends CRLF line ends; the file keeps the ones it had.
    let crlf = on_disk.windows(2).any(|w| w == b"\r\n");
    let text = if crlf { f.noi_dung.clone() } else { f.noi_dung.replace("\r\n", "\n") };
    if let Err(d) = crate::output::write_atomic(&path, text.as_bytes()) {
        return (StatusCode::INTERNAL_SERVER_ERROR, format!("Không lưu được: {}", d.message.vi)).into_response();
    }
    let (c, n) = (conf.clone(), name.clone());
    let made = tokio::task::spawn_blocking(move || make(&c, &n)).await.unwrap_or_default();
    let detail = if made.ok { format!("{name}: đã tạo PDF") } else { format!("{name}: {} lỗi", made.errors) };
    app.journal.add(visitor.who(), Some(&conf.name), "sửa văn bản", &detail);
    // The pack's copy follows (the folder's watcher then sees nothing new).
    super::build::ask(&app, &conf, visitor.who());
    Redirect::to(&format!("/hn/{}/van-ban/{}", url(&conf.name), url(&name))).into_response()
}

#[derive(Deserialize)]
pub(crate) struct NewForm {
    ten: String,
    #[serde(default)]
    loai: String,
}

/// `POST /hn/{conf}/van-ban`: a new text document, started with its kind and subject.
pub(crate) async fn create(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path(conf_name): Path<String>,
    VnForm(f): VnForm<NewForm>,
) -> Response {
    let Some(conf) = app.ws.conf(&conf_name) else { return missing(&app, &visitor) };
    let refused = |why: String| {
        Page::new("loi.html", "Chưa tạo được văn bản")
            .with("loi", why)
            .with("quay_lai", format!("/hn/{}#van-ban-chu", url(&conf.name)))
            .status(StatusCode::BAD_REQUEST)
            .render(&app, &visitor)
    };
    let Some(kind) = KINDS.iter().find(|k| **k == f.loai.trim()).copied() else {
        return refused(format!(
            "Không có loại văn bản “{}” trong danh sách: chọn một trong: {}.",
            f.loai,
            KINDS.join(", ")
        ));
    };
    let subject = f.ten.trim();
    if subject.is_empty() {
        return refused("Hãy ghi trích yếu (nội dung chính) của văn bản.".into());
    }
    let base = crate::text::slug(&format!("{kind} {subject}"));
    let dir = conf.dir.join(FOLDER);
    let _ = std::fs::create_dir_all(&dir);
    let name = (1..100)
        .map(|n| if n == 1 { format!("{base}.md") } else { format!("{base}-{n}.md") })
        .find(|n| std::fs::symlink_metadata(dir.join(n)).is_err())
        .unwrap_or_else(|| format!("{base}-x.md"));
    let one_line: String = subject.chars().filter(|c| !c.is_control()).collect();
    // The issuer, place, symbol and signer come from the conference's data.
    let text = format!("---\nloại: {kind}\ntrích yếu: {one_line}\n---\nNội dung văn bản viết ở đây.\n");
    if let Err(d) = crate::output::write_atomic(&dir.join(&name), text.as_bytes()) {
        return (StatusCode::INTERNAL_SERVER_ERROR, format!("Không tạo được: {}", d.message.vi)).into_response();
    }
    app.journal.add(visitor.who(), Some(&conf.name), "tạo văn bản", &name);
    Redirect::to(&format!("/hn/{}/van-ban/{}", url(&conf.name), url(&name))).into_response()
}

/// The kinds a new document may be, for the form.
pub(crate) fn kinds() -> &'static [&'static str] {
    KINDS
}

/// `GET /hn/{conf}/van-ban/{name}/pdf`: the last preview's PDF.
pub(crate) async fn pdf(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((conf_name, name)): Path<(String, String)>,
) -> Response {
    let Some(conf) = app.ws.conf(&conf_name) else { return missing(&app, &visitor) };
    if path_of(&conf, &name).is_none() {
        return missing(&app, &visitor);
    }
    match tokio::fs::read(preview_pdf(&conf, &name)).await {
        Ok(bytes) => attachment(bytes, &format!("{}.pdf", stem(&name)), true),
        Err(_) => missing(&app, &visitor),
    }
}

/// `GET /hn/{conf}/van-ban/{name}/anh?trang=N`: a page of the last preview.
pub(crate) async fn image(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path((conf_name, name)): Path<(String, String)>,
    Query(which): Query<Which>,
    headers: HeaderMap,
) -> Response {
    let Some(conf) = app.ws.conf(&conf_name) else { return missing(&app, &visitor) };
    if path_of(&conf, &name).is_none() {
        return missing(&app, &visitor);
    }
    let pdf = preview_pdf(&conf, &name);
    let made = tokio::task::spawn_blocking(move || version(&pdf).map(|v| (pdf, v))).await.ok().flatten();
    match made {
        Some((pdf, v)) => preview::picture(pdf, v, &which, conf.private(), &headers).await,
        None => None,
    }
    .unwrap_or_else(|| missing(&app, &visitor))
}
