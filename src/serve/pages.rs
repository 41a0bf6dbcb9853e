//! The pages that show: the conferences, a new one, a conference, the journal, and the
//! page's own files (its style sheet and script, built into the program).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::app::App;
use super::checks::{CheckView, Summary};
use super::files;
use super::jobs::LastBuild;
use super::reprint;
use super::texts;
use super::views::{Page, missing};
use super::visitor::Visitor;
use super::workspace::Conf;
use crate::workbook::starter::{Profile, Tier};

pub(crate) async fn not_found(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    missing(&app, &visitor)
}

pub(crate) async fn health() -> &'static str {
    "vanthu: đang chạy"
}

/// `GET /tai-nguyen/{file}`: the page's style sheet and script.
pub(crate) async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "app.css" => (include_str!("../../templates/web/app.css"), "text/css; charset=utf-8"),
        "app.js" => (include_str!("../../templates/web/app.js"), "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let mut r = body.into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// A conference as the list shows it.
#[derive(Serialize)]
struct Row {
    name: String,
    summary: Option<Summary>,
    errors: usize,
    last: Option<LastBuild>,
    /// `dang-tao`, `loi`, `da-tao`, `chua-tao`.
    state: &'static str,
}

fn state(app: &App, conf: &Conf, check: &CheckView, last: Option<&LastBuild>) -> &'static str {
    if app.jobs.get(&conf.name).running() {
        "dang-tao"
    } else if check.errors > 0 {
        "loi"
    } else if last.is_some_and(|l| l.ok) || conf.pack().is_some() {
        "da-tao"
    } else {
        "chua-tao"
    }
}

/// `GET /`: the conferences of the workspace.
pub(crate) async fn conferences(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    let a = app.clone();
    let rows = tokio::task::spawn_blocking(move || {
        a.ws.list()
            .into_iter()
            .map(|conf| {
                let check = a.checks.get(&conf);
                let last = LastBuild::load(&conf);
                Row {
                    state: state(&a, &conf, &check, last.as_ref()),
                    name: conf.name,
                    summary: check.summary.clone(),
                    errors: check.errors,
                    last,
                }
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap_or_default();
    Page::new("danh-sach.html", "Các hội nghị")
        .with("hoi_nghi", rows)
        .with("thu_muc", app.ws.root().display().to_string())
        .render(&app, &visitor)
}

/// `code (label), code (label)` → [(code, label)].
fn choices(text: &str) -> Vec<(String, String)> {
    text.split("), ")
        .filter_map(|c| {
            let (code, label) = c.split_once(" (")?;
            Some((code.trim().to_string(), label.trim_end_matches(')').to_string()))
        })
        .collect()
}

/// `GET /moi`: a new conference.
pub(crate) async fn new_page(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    Page::new("moi.html", "Hội nghị mới")
        .with("loai", choices(Profile::CHOICES))
        .with("cap", choices(Tier::CHOICES))
        .render(&app, &visitor)
}

/// Everything a conference's page shows, gathered off the async threads.
#[derive(Serialize)]
struct ConfView {
    check: Arc<CheckView>,
    pack: Option<files::PackView>,
    changes: Option<files::ChangesView>,
    reprint: Vec<reprint::Row>,
    printed: usize,
    texts: Vec<texts::TextView>,
    history: Vec<super::journal::Entry>,
    last: Option<LastBuild>,
    running: bool,
    input: Option<String>,
}

fn gather(app: &App, conf: &Conf) -> ConfView {
    let reprint = reprint::rows(conf);
    ConfView {
        check: app.checks.get(conf),
        pack: files::listing(conf),
        changes: files::changes(conf),
        printed: reprint.iter().filter(|r| r.printed).count(),
        reprint,
        texts: texts::list(conf),
        history: app.journal.last(30, Some(&conf.name)),
        last: LastBuild::load(conf),
        running: app.jobs.get(&conf.name).running(),
        input: conf.input().and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string())),
    }
}

/// `GET /hn/{conf}`: one conference.
pub(crate) async fn conference(State(app): State<Arc<App>>, visitor: Visitor, Path(name): Path<String>) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let (a, c) = (app.clone(), conf.clone());
    let Ok(view) = tokio::task::spawn_blocking(move || gather(&a, &c)).await else {
        return missing(&app, &visitor);
    };
    let title = view.check.summary.as_ref().map_or_else(|| conf.name.clone(), |s| s.title.clone());
    Page::new("hoi-nghi.html", &title)
        .with("hn", &conf.name)
        .with("v", view)
        .with("loai_van_ban", texts::kinds())
        .render(&app, &visitor)
}

/// `GET /nhat-ky`: the journal.
pub(crate) async fn journal(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    let a = app.clone();
    let entries = tokio::task::spawn_blocking(move || a.journal.last(300, None)).await.unwrap_or_default();
    Page::new("nhat-ky.html", "Nhật ký").with("muc", entries).render(&app, &visitor)
}

/// The check as a page of its own.
pub(crate) async fn check(State(app): State<Arc<App>>, visitor: Visitor, Path(name): Path<String>) -> Response {
    let Some(conf) = app.ws.conf(&name) else { return missing(&app, &visitor) };
    let checker = app.clone();
    let c = conf.clone();
    let Ok(check) = tokio::task::spawn_blocking(move || checker.checks.get(&c)).await else {
        return missing(&app, &visitor);
    };
    Page::new("kiem-tra.html", "Kiểm tra dữ liệu").with("hn", &conf.name).with("kt", &*check).render(&app, &visitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_choices_are_read_from_the_command_s_own_words() {
        let p = choices(Profile::CHOICES);
        assert_eq!(p.len(), Profile::ALL.len(), "{p:?}");
        assert_eq!(p[0].0, "tong-ket");
        let t = choices(Tier::CHOICES);
        assert_eq!(t.len(), Tier::ALL.len(), "{t:?}");
        assert!(t.iter().all(|(code, _)| Tier::parse(code).is_some()), "{t:?}");
    }
}
