//! Builds from the page: one at a time per conference. A build asked for while one runs
//! is queued (once: several asks make one more build, with the folder as it is then), and
//! the asker is told. Progress goes to every open page as server-sent events.
//!
//! A build that fails writes nothing (the pipeline's guarantee): the last good pack stays,
//! and the page says why.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as Sse, KeepAlive};
use axum::response::{IntoResponse, Json, Redirect, Response};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use super::app::App;
use super::checks;
use super::guard::Visitor;
use super::pages::missing;
use super::workspace::Conf;
use crate::diag::Severity;
use crate::input::Source;
use crate::pipeline::{self, BuildConfig};
use crate::render::Progress;

/// The last build's outcome, kept in the conference's `.vanthu/lan-tao.json`.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(crate) struct LastBuild {
    #[serde(rename = "luc")]
    pub at: String,
    #[serde(rename = "ai")]
    pub by: String,
    pub ok: bool,
    #[serde(rename = "thong_bao")]
    pub message: String,
    #[serde(rename = "giay")]
    pub seconds: f64,
}

const LAST_FILE: &str = "lan-tao.json";

impl LastBuild {
    pub(crate) fn load(conf: &Conf) -> Option<LastBuild> {
        let bytes = std::fs::read(conf.dir.join(super::workspace::PRIVATE).join(LAST_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// What an open page hears.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "loai", rename_all = "kebab-case")]
pub(crate) enum Event {
    /// A build is under way: `done` of `total` files.
    TienDo { label: String, done: usize, total: usize },
    /// A build ended.
    Xong { ok: bool, message: String },
    /// A file of the folder was saved (the workbook, a text document).
    Doi { files: Vec<String> },
}

#[derive(Debug, Default)]
struct State_ {
    running: bool,
    /// Who asked for the build waiting behind the running one.
    queued: Option<String>,
    by: String,
    since: String,
    label: String,
    done: usize,
    total: usize,
    /// The folder's fingerprint when the last build began.
    stamp: Option<u64>,
}

pub(crate) struct Job {
    tx: broadcast::Sender<Event>,
    state: Mutex<State_>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Job {
    fn send(&self, e: Event) {
        // Nobody listening is fine.
        let _ = self.tx.send(e);
    }

    pub(crate) fn running(&self) -> bool {
        lock(&self.state).running
    }

    /// Whether the last build (or the one running) began from the folder as `stamp` says.
    pub(crate) fn seen(&self, stamp: u64) -> bool {
        let s = lock(&self.state);
        s.queued.is_none() && s.stamp == Some(stamp)
    }
}

/// The builds, one [`Job`] per conference.
#[derive(Default)]
pub(crate) struct Jobs {
    map: Mutex<HashMap<String, Arc<Job>>>,
}

impl Jobs {
    pub(crate) fn get(&self, conf: &str) -> Arc<Job> {
        lock(&self.map)
            .entry(conf.to_string())
            .or_insert_with(|| Arc::new(Job { tx: broadcast::channel(256).0, state: Mutex::new(State_::default()) }))
            .clone()
    }

    /// Tells the open pages of `conf` that files changed.
    pub(crate) fn changed(&self, conf: &str, files: Vec<String>) {
        self.get(conf).send(Event::Doi { files });
    }
}

/// How an ask for a build went.
pub(crate) enum Asked {
    Started,
    /// Queued behind the build `by` started at `since`.
    Queued {
        by: String,
        since: String,
    },
}

/// Asks for a build of `conf` on behalf of `who`.
pub(crate) fn ask(app: &Arc<App>, conf: &Conf, who: &str) -> Asked {
    let job = app.jobs.get(&conf.name);
    {
        let mut s = lock(&job.state);
        if s.running {
            s.queued = Some(who.to_string());
            return Asked::Queued { by: s.by.clone(), since: s.since.clone() };
        }
        let stamp = s.stamp;
        *s = State_ {
            stamp,
            running: true,
            by: who.to_string(),
            since: chrono::Local::now().format("%H:%M:%S").to_string(),
            label: "Kiểm tra dữ liệu".into(),
            ..State_::default()
        };
    }
    job.send(Event::TienDo { label: "Kiểm tra dữ liệu".into(), done: 0, total: 0 });
    let (app, conf, who) = (app.clone(), conf.clone(), who.to_string());
    tokio::task::spawn_blocking(move || run(&app, &conf, &job, who));
    Asked::Started
}

/// Builds, then builds again while someone asked meanwhile.
fn run(app: &App, conf: &Conf, job: &Job, mut who: String) {
    loop {
        let last = once(app, conf, job, &who);
        job.send(Event::Xong { ok: last.ok, message: last.message });
        let mut s = lock(&job.state);
        match s.queued.take() {
            Some(next) => {
                who = next;
                s.by = who.clone();
                s.since = chrono::Local::now().format("%H:%M:%S").to_string();
                s.done = 0;
                s.total = 0;
            }
            None => {
                s.running = false;
                return;
            }
        }
    }
}

/// Progress into the job's state and out to the pages, at most every 100 ms.
struct ToPages<'a> {
    job: &'a Job,
    sent: Mutex<Instant>,
}

impl Progress for ToPages<'_> {
    fn start(&self, label: &str, total: usize) {
        let mut s = lock(&self.job.state);
        s.label = label.to_string();
        s.total = total;
        s.done = 0;
        self.job.send(Event::TienDo { label: label.to_string(), done: 0, total });
    }

    fn inc(&self) {
        let (label, done, total) = {
            let mut s = lock(&self.job.state);
            s.done += 1;
            (s.label.clone(), s.done, s.total)
        };
        let mut sent = lock(&self.sent);
        if sent.elapsed() >= Duration::from_millis(100) || done == total {
            *sent = Instant::now();
            self.job.send(Event::TienDo { label, done, total });
        }
    }
}

/// One build of the folder as it is now.
fn once(app: &App, conf: &Conf, job: &Job, who: &str) -> LastBuild {
    let start = Instant::now();
    let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let stamp = conf.stamp();
    lock(&job.state).stamp = Some(stamp);
    let Some(input) = conf.input() else {
        let message = "Thư mục chưa có bảng tính hội nghị (hoi-nghi.xlsx): chưa tạo được.".to_string();
        return LastBuild { at, by: who.to_string(), ok: false, message, seconds: 0.0 };
    };
    let source = Source::File(input);
    let config = BuildConfig {
        source: source.clone(),
        out_dir: None,
        root: Some(conf.dir.clone()),
        only: Default::default(),
        force: false,
        adopt: false,
    };
    let progress = ToPages { job, sent: Mutex::new(Instant::now()) };
    let outcome = pipeline::build(&config, &progress);
    let seconds = start.elapsed().as_secs_f64();
    // The build's messages are the freshest check of the folder (when nothing changed
    // meanwhile): the page need not check again.
    let mut view = checks::view(&source, &outcome.diags);
    view.summary = app.checks.cached(conf).and_then(|c| c.summary.clone());
    if !outcome.diags.has_errors() || view.summary.is_none() {
        app.checks.put(conf, stamp, Arc::new(view));
    }
    let message = match &outcome.written {
        Some((_, w)) => format!(
            "Đã tạo xong: ghi {} tệp, giữ nguyên {}, xóa {} ({} giây).",
            w.written.len(),
            w.kept.len(),
            w.removed.len(),
            format!("{seconds:.1}").replace('.', ",")
        ),
        None => {
            let errors = outcome.diags.count(Severity::Error);
            let first = outcome.diags.errors().next().map(|d| d.message.vi.clone()).unwrap_or_default();
            if errors > 0 {
                format!("Chưa tạo được: {errors} lỗi (đầu tiên: {first}). Bộ văn bản lần trước vẫn giữ nguyên.")
            } else {
                "Chưa tạo được. Bộ văn bản lần trước vẫn giữ nguyên.".to_string()
            }
        }
    };
    let last = LastBuild { at, by: who.to_string(), ok: outcome.written.is_some(), message, seconds };
    if let Ok(bytes) = serde_json::to_vec_pretty(&last) {
        let _ = crate::output::write_atomic(&conf.private().join(LAST_FILE), &bytes);
    }
    app.journal.add(who, Some(&conf.name), "tạo bộ văn bản", &last.message);
    last
}

/// Whether the asker is a script (it wants JSON) rather than a form.
pub(crate) fn wants_json(headers: &HeaderMap) -> bool {
    headers.contains_key(super::guard::CSRF_HEADER)
        || headers.get("accept").and_then(|v| v.to_str().ok()).is_some_and(|a| a.starts_with("application/json"))
}

/// `POST /hn/{conf}/tao`.
pub(crate) async fn start(
    State(app): State<Arc<App>>,
    visitor: Visitor,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let asked = ask(&app, &conf, visitor.who());
    if !wants_json(&headers) {
        return Redirect::to(&format!("/hn/{}", super::views::url(&conf.name))).into_response();
    }
    match asked {
        Asked::Started => {
            (StatusCode::ACCEPTED, Json(serde_json::json!({"trang_thai": "dang-tao", "thong_bao": "Đang tạo bộ văn bản…"})))
                .into_response()
        }
        Asked::Queued { by, since } => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "trang_thai": "xep-hang",
                "thong_bao": format!("{by} đang tạo bộ văn bản của hội nghị này (từ {since}). Yêu cầu của bạn đã được xếp hàng: sẽ tạo lại ngay sau lần này."),
            })),
        )
            .into_response(),
    }
}

fn sse(e: &Event) -> Sse {
    let name = match e {
        Event::TienDo { .. } => "tien-do",
        Event::Xong { .. } => "xong",
        Event::Doi { .. } => "doi",
    };
    Sse::default().event(name).data(serde_json::to_string(e).unwrap_or_default())
}

/// `GET /hn/{conf}/su-kien`: the build's progress, as it happens.
pub(crate) async fn events(State(app): State<Arc<App>>, visitor: Visitor, Path(name): Path<String>) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let job = app.jobs.get(&conf.name);
    let rx = job.tx.subscribe();
    let now = {
        let s = lock(&job.state);
        s.running.then(|| Event::TienDo { label: s.label.clone(), done: s.done, total: s.total })
    };
    let first = futures_util::stream::iter(now.map(|e| Ok::<_, Infallible>(sse(&e))));
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(e) => return Some((Ok::<_, Infallible>(sse(&e)), rx)),
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    axum::response::Sse::new(first.chain(rest)).keep_alive(KeepAlive::default()).into_response()
}
