//! The workspace, watched as `vanthu watch` watches one folder: a workbook, a text
//! document or a template saved straight into a conference's folder (Excel on a shared
//! drive, an editor) is checked and built, and the conference's open pages hear of it.
//!
//! Editors save in several steps (a temporary file, a rename); a conference is built once
//! its folder has been quiet for [`QUIET`]. What the build itself writes (`output/`,
//! `.vanthu/`) and editors' scratch files are not changes; a save that leaves the folder as
//! the last build saw it (the page's own upload) starts nothing.

use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::app::App;
use super::build;
use super::workspace::PRIVATE;
use crate::input::documents::FOLDER;

const QUIET: Duration = Duration::from_millis(400);
/// Extensions whose saving is a change: inputs, text documents, templates.
const WATCHED: &[&str] = &["xlsx", "xlsm", "xls", "ods", "yaml", "yml", "md", "txt", "typ", "j2", "json", "csv"];

/// The conference a changed path belongs to, and the path within its folder, when the
/// change is one a build reads.
fn relevant(root: &Path, path: &Path) -> Option<(String, String)> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (conf, inner) = parts.split_first()?;
    let name = inner.last()?;
    let scratch = name.starts_with(['~', '.', '#'])
        || name.ends_with(['~', '#'])
        || name.ends_with(".tmp")
        || name.ends_with(".swp");
    if conf.starts_with('.') || scratch {
        return None;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let place_ok = match inner.len() {
        1 => true,
        2 => inner[0] == FOLDER || inner[0] == "templates",
        _ => inner[0] == "templates",
    };
    let ours = inner[0] == PRIVATE || inner[0] == crate::pipeline::OUTPUT_FOLDER;
    (place_ok && !ours && WATCHED.contains(&ext.as_str())).then(|| (conf.to_string(), inner.join("/")))
}

/// Starts watching; the watch ends when the returned watcher is dropped. `None` when the
/// system cannot watch the folder (the page works on, without it).
pub(crate) fn start(app: Arc<App>) -> Option<notify::RecommendedWatcher> {
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx).ok()?;
    let root = app.ws.root().to_path_buf();
    if let Err(e) = watcher.watch(&root, RecursiveMode::Recursive) {
        eprintln!("không theo dõi được thư mục {}: {e} (lưu thẳng vào thư mục sẽ không tự tạo lại)", root.display());
        return None;
    }
    let runtime = tokio::runtime::Handle::try_current().ok()?;
    std::thread::spawn(move || {
        let _inside = runtime.enter();
        // Conference → (files changed, when last).
        let mut pending: BTreeMap<String, (Vec<String>, Instant)> = BTreeMap::new();
        loop {
            match rx.recv_timeout(QUIET / 2) {
                Ok(Ok(event)) if !event.kind.is_access() => {
                    for (conf, file) in event.paths.iter().filter_map(|p| relevant(&root, p)) {
                        let e = pending.entry(conf).or_insert_with(|| (Vec::new(), Instant::now()));
                        if !e.0.contains(&file) {
                            e.0.push(file);
                        }
                        e.1 = Instant::now();
                    }
                }
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            let quiet: Vec<String> =
                pending.iter().filter(|(_, (_, at))| at.elapsed() >= QUIET).map(|(c, _)| c.clone()).collect();
            for name in quiet {
                let Some((files, _)) = pending.remove(&name) else { continue };
                let Some(conf) = app.ws.conf(&name) else { continue };
                if conf.input().is_none() || app.jobs.get(&conf.name).seen(conf.stamp()) {
                    continue;
                }
                app.jobs.changed(&conf.name, files.clone());
                app.journal.add("lưu thẳng vào thư mục", Some(&conf.name), "tệp thay đổi", &files.join(", "));
                build::ask(&app, &conf, "lưu thẳng vào thư mục");
            }
        }
    });
    Some(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_a_build_reads_is_a_change() {
        let root = Path::new("/ws");
        let r = |p: &str| relevant(root, &root.join(p)).map(|(c, f)| format!("{c}:{f}"));
        assert_eq!(r("hn/hoi-nghi.xlsx").as_deref(), Some("hn:hoi-nghi.xlsx"));
        assert_eq!(r("hn/van-ban/ke-hoach.md").as_deref(), Some("hn:van-ban/ke-hoach.md"));
        assert_eq!(r("hn/templates/giay-moi/x.typ").as_deref(), Some("hn:templates/giay-moi/x.typ"));
        for not in [
            "hn/output/a/giay-moi.pdf",
            "hn/.vanthu/lan-tao.json",
            "hn/~$hoi-nghi.xlsx",
            "hn/.~lock.hoi-nghi.xlsx#",
            "hn/ABC123.tmp",
            "hn/anh.png",
            ".vanthu/nhat-ky.jsonl",
            "hn/van-ban/sub/x.md",
        ] {
            assert_eq!(r(not), None, "{not}");
        }
    }
}
