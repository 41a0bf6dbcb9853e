//! Workbooks coming in: a new conference (from a starter, or from a workbook or YAML the
//! clerk has), a new version of a conference's workbook, and the starter to download.
//!
//! An upload is bounded before it is kept: its size (the body is refused past
//! [`super::UPLOAD_LIMIT`], each file past what vanthu reads), its kind (by extension and
//! by its first bytes), and where it goes — always `hoi-nghi.<ext>` in the conference's own
//! folder, whatever the file was called. The version it replaces is kept in
//! `.vanthu/ban-cu/`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Redirect, Response};
use serde::Deserialize;

use super::app::App;
use super::build;
use super::files::attachment;
use super::views::{Page, VnMultipart, missing, url, wants_json};
use super::visitor::Visitor;
use super::workspace::Conf;
use crate::workbook::starter::{Form, Profile, Starter, Tier};

/// A file sent with a form.
pub(crate) struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why an upload is refused: the status and the clerk's message.
pub(crate) struct Refused(pub StatusCode, pub String);

/// The extensions of a conference's input, as kept (`yml` is kept as `yaml`).
const KINDS: &[&str] = &["xlsx", "xlsm", "xls", "ods", "yaml", "yml"];

/// The text fields and the file of a multipart form.
pub(crate) async fn read_form(mut m: Multipart) -> Result<(HashMap<String, String>, Option<Upload>), Refused> {
    let too_big = || {
        Refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Tệp quá lớn: vanthu nhận bảng tính đến {} MB.", crate::limits::WORKBOOK_BYTES / 1024 / 1024),
        )
    };
    let mut fields = HashMap::new();
    let mut upload = None;
    loop {
        let field = match m.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(e) => return Err(Refused(StatusCode::BAD_REQUEST, format!("Biểu mẫu gửi lên không đọc được: {e}"))),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(e) => return Err(Refused(StatusCode::BAD_REQUEST, format!("Tệp gửi lên không đọc hết được: {e}"))),
        };
        match file_name {
            Some(f) if !bytes.is_empty() => upload = Some(Upload { file_name: f, bytes: bytes.to_vec() }),
            Some(_) => {}
            None if bytes.len() <= 10_000 && fields.len() < 50 => {
                fields.insert(name, String::from_utf8_lossy(&bytes).trim().to_string());
            }
            None => return Err(Refused(StatusCode::BAD_REQUEST, "Biểu mẫu có trường quá dài.".into())),
        }
    }
    Ok((fields, upload))
}

/// The extension the upload is kept under, when it is a workbook or YAML file in fact as
/// in name.
fn kind_of(u: &Upload) -> Result<&'static str, Refused> {
    let ext = u.file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let Some(&ext) = KINDS.iter().find(|k| **k == ext) else {
        return Err(Refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "“{}” không phải bảng tính: vanthu nhận tệp Excel (.xlsx, .xlsm, .xls), LibreOffice (.ods) hoặc YAML (.yaml).",
                u.file_name
            ),
        ));
    };
    let b = &u.bytes;
    let fits = match ext {
        "xlsx" | "xlsm" | "ods" => b.starts_with(b"PK\x03\x04"),
        "xls" => b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
        _ => std::str::from_utf8(b).is_ok() && !b.contains(&0),
    };
    if !fits {
        return Err(Refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "“{}” có đuôi .{ext} nhưng nội dung không phải {}: hãy mở tệp bằng chương trình đã tạo ra nó rồi lưu lại đúng định dạng.",
                u.file_name,
                if ext.starts_with('y') { "văn bản YAML (chữ, UTF-8)" } else { "bảng tính" }
            ),
        ));
    }
    let limit = if ext.starts_with('y') { crate::limits::YAML_BYTES } else { crate::limits::WORKBOOK_BYTES };
    if b.len() as u64 > limit {
        return Err(Refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Tệp quá lớn: {} MB, vanthu nhận đến {} MB.", b.len() / 1048576, limit / 1048576),
        ));
    }
    Ok(if ext == "yml" { "yaml" } else { ext })
}

/// Whether `bytes` read as a conference at all: a file vanthu cannot open, or one holding
/// none of the contract's sheets (another office's spreadsheet), is refused before it
/// replaces anything. A conference with errors in it is kept: its check says where.
fn readable(conf: &Conf, ext: &str, bytes: &[u8]) -> Result<(), Refused> {
    let trial = conf.private().join(format!("tai-len.{ext}"));
    let cannot = |e: String| Refused(StatusCode::INTERNAL_SERVER_ERROR, format!("Không lưu được tệp: {e}"));
    crate::output::write_atomic(&trial, bytes).map_err(|d| cannot(d.message.vi))?;
    let mut diags = crate::diag::Diagnostics::new();
    let raw = crate::input::load(&crate::input::Source::File(trial.clone()), &mut diags);
    let _ = std::fs::remove_file(&trial);
    let bare = raw.as_ref().is_some_and(|r| r.settings.is_empty() && r.tables.values().all(|t| t.records.is_empty()));
    if raw.is_some() && !bare {
        return Ok(());
    }
    let why = diags.errors().next().map(|d| format!(" ({})", d.message.vi)).unwrap_or_default();
    let what = if bare {
        "không có sheet nào của bảng tính hội nghị (Hội nghị, Đại biểu …)"
    } else {
        "không đọc được"
    };
    Err(Refused(
        StatusCode::UNPROCESSABLE_ENTITY,
        format!(
            "Tệp tải lên {what}{why}. Bảng tính hiện tại của hội nghị vẫn giữ nguyên; hãy tải bảng tính mẫu của vanthu và điền vào đó."
        ),
    ))
}

/// Keeps `u` as the conference's workbook; the one it replaces goes to `.vanthu/ban-cu/`.
pub(crate) fn keep(conf: &Conf, u: &Upload) -> Result<String, Refused> {
    let ext = kind_of(u)?;
    readable(conf, ext, &u.bytes)?;
    let target = conf.dir.join(format!("hoi-nghi.{ext}"));
    // The workbook the folder is read from now, and any other `hoi-nghi.*` (a twin that
    // would disagree with the new one); the clerk's other files stay.
    let mut old: Vec<String> =
        crate::input::workbooks_in(&conf.dir).into_iter().filter(|n| n.starts_with("hoi-nghi.")).collect();
    if let Some(name) = conf.input().and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        && !old.contains(&name)
    {
        old.push(name);
    }
    let stamp = chrono::Local::now().format("%Y-%m-%d_%H%M%S").to_string();
    let cannot = |e: String| Refused(StatusCode::INTERNAL_SERVER_ERROR, format!("Không lưu được tệp: {e}"));
    let backups = conf.private().join("ban-cu");
    std::fs::create_dir_all(&backups).map_err(|e| cannot(e.to_string()))?;
    for name in old {
        let from = conf.dir.join(&name);
        if std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_file()) {
            std::fs::rename(&from, backups.join(format!("{stamp}-{name}"))).map_err(|e| cannot(e.to_string()))?;
        }
    }
    crate::output::write_atomic(&target, &u.bytes).map_err(|d| cannot(d.message.vi))?;
    Ok(format!("hoi-nghi.{ext}"))
}

fn refused(app: &App, visitor: &Visitor, headers: &HeaderMap, r: Refused) -> Response {
    if wants_json(headers) {
        return (r.0, Json(serde_json::json!({"loi": r.1}))).into_response();
    }
    Page::new("loi.html", "Không nhận được tệp").with("loi", r.1).status(r.0).render(app, visitor)
}

/// `POST /hn/{conf}/tai-len`: a new version of the workbook; then a build.
pub(crate) async fn replace(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path(name): Path<String>,
    headers: HeaderMap,
    VnMultipart(multipart): VnMultipart,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let (_, upload) = match read_form(multipart).await {
        Ok(f) => f,
        Err(r) => return refused(&app, &visitor, &headers, r),
    };
    let Some(upload) = upload else {
        return refused(&app, &visitor, &headers, Refused(StatusCode::BAD_REQUEST, "Chưa chọn tệp để tải lên.".into()));
    };
    let (c, up) = (conf.clone(), upload);
    let (kept, upload) = match tokio::task::spawn_blocking(move || (keep(&c, &up), up)).await {
        Ok((Ok(k), up)) => (k, up),
        Ok((Err(r), _)) => return refused(&app, &visitor, &headers, r),
        Err(e) => return refused(&app, &visitor, &headers, Refused(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    };
    app.journal.add(visitor.who(), Some(&conf.name), "tải lên bảng tính", &format!("{} → {kept}", upload.file_name));
    build::ask(&app, &conf, visitor.who());
    if wants_json(&headers) {
        Json(serde_json::json!({"tep": kept})).into_response()
    } else {
        Redirect::to(&format!("/hn/{}", url(&conf.name))).into_response()
    }
}

fn starter_of(fields: &HashMap<String, String>) -> Result<Starter, Refused> {
    let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or_default();
    let profile = Profile::parse(if get("loai").is_empty() { "tong-ket" } else { get("loai") })
        .ok_or_else(|| Refused(StatusCode::BAD_REQUEST, format!("Không có loại hội nghị “{}”.", get("loai"))))?;
    let tier = Tier::parse(if get("cap").is_empty() { "xa" } else { get("cap") })
        .ok_or_else(|| Refused(StatusCode::BAD_REQUEST, format!("Không có cấp cơ quan “{}”.", get("cap"))))?;
    let hybrid = matches!(get("truc_tuyen"), "1" | "on" | "co" | "true");
    Ok(Starter { profile, tier, hybrid })
}

/// `POST /moi`: a new conference, from a starter or from the clerk's own file.
pub(crate) async fn create(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    headers: HeaderMap,
    VnMultipart(multipart): VnMultipart,
) -> Response {
    let (fields, upload) = match read_form(multipart).await {
        Ok(f) => f,
        Err(r) => return refused(&app, &visitor, &headers, r),
    };
    let title = fields.get("ten").cloned().unwrap_or_default();
    let from_file = upload.as_ref().map(|u| u.file_name.rsplit_once('.').map_or(u.file_name.as_str(), |(b, _)| b));
    let folder = if title.is_empty() { from_file.unwrap_or("hoi-nghi").to_string() } else { title.clone() };
    if let Some(u) = &upload
        && let Err(r) = kind_of(u)
    {
        return refused(&app, &visitor, &headers, r);
    }
    let starter = match starter_of(&fields) {
        Ok(s) => s,
        Err(r) => return refused(&app, &visitor, &headers, r),
    };
    let conf = match app.ws.create(&folder) {
        Ok(c) => c,
        Err(e) => {
            let r = Refused(StatusCode::INTERNAL_SERVER_ERROR, format!("Không tạo được thư mục hội nghị: {e}"));
            return refused(&app, &visitor, &headers, r);
        }
    };
    // Reading an upload through, or writing a starter, is file work: off the async threads.
    let c = conf.clone();
    let make = move || match &upload {
        Some(u) => keep(&c, u).map(|k| format!("từ tệp {} → {k}", u.file_name)),
        None => crate::workbook::starter::init(&c.dir, false, starter, Form::Workbook)
            .map(|_| format!("từ bảng tính mẫu (loại {}, cấp {})", starter.profile.code(), starter.tier.code()))
            .map_err(|d| {
                let m = d.iter().next().map(|d| d.message.vi.clone()).unwrap_or_default();
                Refused(StatusCode::INTERNAL_SERVER_ERROR, format!("Không tạo được bảng tính mẫu: {m}"))
            }),
    };
    let made = tokio::task::spawn_blocking(make)
        .await
        .unwrap_or_else(|e| Err(Refused(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())));
    match made {
        Ok(detail) => {
            app.journal.add(visitor.who(), Some(&conf.name), "tạo hội nghị", &detail);
            // A starter builds as it is: the clerk sees at once what its documents will be.
            build::ask(&app, &conf, visitor.who());
            if wants_json(&headers) {
                Json(serde_json::json!({"hoi_nghi": conf.name})).into_response()
            } else {
                Redirect::to(&format!("/hn/{}", url(&conf.name))).into_response()
            }
        }
        Err(r) => {
            let _ = std::fs::remove_dir_all(&conf.dir);
            refused(&app, &visitor, &headers, r)
        }
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct StarterQuery {
    #[serde(default)]
    loai: String,
    #[serde(default)]
    cap: String,
    #[serde(default)]
    truc_tuyen: String,
    /// `yaml` for the YAML form.
    #[serde(default)]
    dang: String,
}

/// `GET /mau`: the starter workbook (or YAML) to fill in at one's desk.
pub(crate) async fn starter(State(app): State<Arc<App>>, visitor: Visitor, Query(q): Query<StarterQuery>) -> Response {
    let fields: HashMap<String, String> = [("loai", q.loai), ("cap", q.cap), ("truc_tuyen", q.truc_tuyen)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let starter = match starter_of(&fields) {
        Ok(s) => s,
        Err(r) => return refused(&app, &visitor, &HeaderMap::new(), r),
    };
    let form = if q.dang == "yaml" { Form::Yaml } else { Form::Workbook };
    let made = tokio::task::spawn_blocking(move || {
        let dir = tempfile::tempdir().ok()?;
        let files = crate::workbook::starter::init(dir.path(), false, starter, form).ok()?;
        std::fs::read(files.first()?).ok()
    })
    .await
    .ok()
    .flatten();
    match made {
        Some(bytes) => attachment(bytes, if form == Form::Yaml { "hoi-nghi.yaml" } else { "hoi-nghi.xlsx" }, false),
        None => (StatusCode::INTERNAL_SERVER_ERROR, "Không tạo được bảng tính mẫu.").into_response(),
    }
}
