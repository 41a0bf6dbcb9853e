//! The reprint list: the files the last build that changed something wrote again, each
//! ticked once printed. A tick holds for the version of the file it was given to: when a
//! later build writes the file again, it is to print again and the tick is gone.
//! Ticks are kept in the conference's `.vanthu/da-in.json` (path → the file's hash).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::app::App;
use super::files;
use super::views::{VnForm, missing, wants_json};
use super::visitor::Visitor;
use super::workspace::Conf;

const FILE: &str = "da-in.json";
/// One tick at a time, so two clerks ticking at once both count.
static TICKS: Mutex<()> = Mutex::new(());

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    pub path: String,
    pub name: String,
    pub printed: bool,
    /// The file is still in the pack (it can be opened).
    pub present: bool,
    /// Written by an earlier build and not printed since.
    pub earlier: bool,
}

/// The files of earlier builds still to print: the last change report merged (its hash) and
/// the files. A reprint list is not lost when a later build writes another: a file stays
/// until it is ticked at its current version. (The first build's "everything" is the first
/// printing, not a reprint, and is not kept.)
#[derive(Debug, Default, Serialize, Deserialize)]
struct Pending {
    #[serde(default)]
    report: String,
    #[serde(default)]
    files: BTreeSet<String>,
}

const PENDING: &str = "in-lai.json";

fn read<T: serde::de::DeserializeOwned>(conf: &Conf, name: &str) -> Option<T> {
    let bytes = std::fs::read(conf.dir.join(super::workspace::PRIVATE).join(name)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn load(conf: &Conf) -> BTreeMap<String, String> {
    read(conf, FILE).unwrap_or_default()
}

fn lock() -> std::sync::MutexGuard<'static, ()> {
    TICKS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The reprint list of `conf`, with its ticks: the last build's files, then earlier builds'
/// files not printed since.
pub(crate) fn rows(conf: &Conf) -> Vec<Row> {
    let Some(changes) = files::changes(conf) else { return Vec::new() };
    let manifest = files::pack(conf).map(|(_, m)| m);
    let sha = |p: &str| manifest.as_ref().and_then(|m| m.files.get(p)).map(|e| e.sha256.clone());
    let _held = lock();
    let ticks = load(conf);
    let printed = |p: &str| sha(p).is_some_and(|s| ticks.get(p) == Some(&s));
    let mut pending: Pending = read(conf, PENDING).unwrap_or_default();
    let before = serde_json::to_vec(&pending).unwrap_or_default();
    let report = serde_json::to_string(&changes).unwrap_or_default();
    let report = crate::pack::sha256(report.as_bytes())[..24].to_string();
    if pending.report != report {
        if !changes.first {
            pending.files.extend(changes.reprint.iter().cloned());
        }
        pending.report = report;
    }
    pending.files.retain(|p| sha(p).is_some() && (!printed(p) || changes.reprint.contains(p)));
    if serde_json::to_vec(&pending).unwrap_or_default() != before {
        let bytes = serde_json::to_vec_pretty(&pending).unwrap_or_default();
        let _ = crate::output::write_atomic(&conf.private().join(PENDING), &bytes);
    }
    let row = |path: &String, earlier: bool| Row {
        path: path.clone(),
        name: path.rsplit('/').next().unwrap_or(path).to_string(),
        printed: printed(path),
        present: sha(path).is_some(),
        earlier,
    };
    let earlier = pending.files.iter().filter(|p| !changes.reprint.contains(p));
    changes.reprint.iter().map(|p| row(p, false)).chain(earlier.map(|p| row(p, true))).collect()
}

#[derive(Deserialize)]
pub(crate) struct TickForm {
    tep: String,
    #[serde(default)]
    da_in: Option<String>,
}

/// `POST /hn/{conf}/da-in`: ticks (`da_in` set) or unticks one file of the list.
pub(crate) async fn tick(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path(name): Path<String>,
    headers: HeaderMap,
    VnForm(f): VnForm<TickForm>,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let listed = rows(&conf).iter().any(|r| r.path == f.tep);
    let sha = files::pack(&conf).and_then(|(_, m)| m.files.get(&f.tep).map(|e| e.sha256.clone()));
    let (true, Some(sha)) = (listed, sha) else {
        return (StatusCode::NOT_FOUND, "Tệp này không có trong danh sách in lại.").into_response();
    };
    let printed = f.da_in.as_deref().is_some_and(|v| !v.is_empty() && v != "0");
    let saved = {
        let _held = lock();
        let mut ticks = load(&conf);
        if printed {
            ticks.insert(f.tep.clone(), sha);
        } else {
            ticks.remove(&f.tep);
        }
        let bytes = serde_json::to_vec_pretty(&ticks).unwrap_or_default();
        crate::output::write_atomic(&conf.private().join(FILE), &bytes)
    };
    if saved.is_err() {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Không ghi được dấu đã in.").into_response();
    }
    let what = if printed { "đánh dấu đã in" } else { "bỏ dấu đã in" };
    app.journal.add(visitor.who(), Some(&conf.name), what, &f.tep);
    if wants_json(&headers) {
        Json(serde_json::json!({"tep": f.tep, "da_in": printed})).into_response()
    } else {
        Redirect::to(&format!("/hn/{}#in-lai", super::views::url(&conf.name))).into_response()
    }
}
