//! Builds from the page: one at a time per conference. A build asked for while one runs
//! is queued (once: several asks make one more build, with the folder as it is then), and
//! the asker is told. Progress goes to every open page as server-sent events.
//!
//! A build that fails writes nothing (the pipeline's guarantee): the last good pack stays,
//! and the page says why.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as Sse, KeepAlive};
use axum::response::{IntoResponse, Json, Redirect, Response};
use futures_util::StreamExt;
use tokio::sync::broadcast;

use super::app::App;
use super::checks;
use super::jobs::{Asked, Event, Job, JobState, LAST_FILE, LastBuild};
use super::views::{missing, wants_json};
use super::visitor::Visitor;
use super::workspace::Conf;
use crate::diag::Severity;
use crate::input::Source;
use crate::pipeline::{self, BuildConfig};
use crate::render::Progress;

/// Asks for a build of `conf` on behalf of `who`.
pub(crate) fn ask(app: &Arc<App>, conf: &Conf, who: &str) -> Asked {
    let job = app.jobs.get(&conf.name);
    {
        let mut s = job.state();
        if s.running {
            s.queued = Some(who.to_string());
            return Asked::Queued { by: s.by.clone(), since: s.since.clone() };
        }
        let stamp = s.stamp;
        *s = JobState {
            stamp,
            running: true,
            by: who.to_string(),
            since: chrono::Local::now().format("%H:%M:%S").to_string(),
            label: "Kiểm tra dữ liệu".into(),
            ..JobState::default()
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
        let mut s = job.state();
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
        let mut s = self.job.state();
        s.label = label.to_string();
        s.total = total;
        s.done = 0;
        self.job.send(Event::TienDo { label: label.to_string(), done: 0, total });
    }

    fn inc(&self) {
        let (label, done, total) = {
            let mut s = self.job.state();
            s.done += 1;
            (s.label.clone(), s.done, s.total)
        };
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        if sent.elapsed() >= Duration::from_millis(100) || done == total {
            *sent = Instant::now();
            self.job.send(Event::TienDo { label, done, total });
        }
    }
}

/// One build of the folder as it is now, recorded (`.vanthu/lan-tao.json`, the journal).
fn once(app: &App, conf: &Conf, job: &Job, who: &str) -> LastBuild {
    let last = attempt(app, conf, job, who);
    if let Ok(bytes) = serde_json::to_vec_pretty(&last) {
        let _ = crate::output::write_atomic(&conf.private().join(LAST_FILE), &bytes);
    }
    app.journal.add(who, Some(&conf.name), "tạo bộ văn bản", &last.message);
    last
}

fn attempt(app: &App, conf: &Conf, job: &Job, who: &str) -> LastBuild {
    let start = Instant::now();
    let at = chrono::Local::now().format("%H:%M:%S ngày %d/%m/%Y").to_string();
    let stamp = conf.stamp();
    job.state().stamp = Some(stamp);
    let Some(input) = conf.input() else {
        let message = "Thư mục chưa có bảng tính hội nghị (hoi-nghi.xlsx): chưa tạo được.".to_string();
        return LastBuild { at, by: who.to_string(), ok: false, message, seconds: 0.0 };
    };
    if let Some((message, hint)) = conf.twins() {
        let message = format!("Chưa tạo được: {message}. Cách sửa: {hint}.");
        return LastBuild { at, by: who.to_string(), ok: false, message, seconds: 0.0 };
    }
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
    // A failed build's messages are the check, under the last good title; after a good build
    // the next page checks afresh (its title, date and body may have changed).
    if outcome.diags.has_errors() {
        let mut view = checks::view(&source, &outcome.diags);
        view.summary = app.checks.cached(conf).and_then(|c| c.summary.clone());
        app.checks.put(conf, stamp, Arc::new(view));
    } else {
        app.checks.forget(conf);
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
            let kept = if conf.pack().is_some() { " Bộ văn bản lần trước vẫn giữ nguyên." } else { "" };
            if errors > 0 {
                format!("Chưa tạo được: {errors} lỗi (đầu tiên: {first}).{kept}")
            } else {
                format!("Chưa tạo được.{kept}")
            }
        }
    };
    LastBuild { at, by: who.to_string(), ok: outcome.written.is_some(), message, seconds }
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
    let rx = job.subscribe();
    // The state now, first: a page drawn while a build ran that ended before the page
    // listened learns that it ended (and reloads) rather than waiting for ever.
    let now = {
        let s = job.state();
        s.running.then(|| Event::TienDo { label: s.label.clone(), done: s.done, total: s.total })
    };
    let now = now.or_else(|| LastBuild::load(&conf).map(|l| Event::Xong { ok: l.ok, message: l.message }));
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
    let stream = first.chain(rest).take_until(app.stopped());
    axum::response::Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}
