//! `vanthu watch`: build, then build again whenever the input, a template or a document
//! of `van-ban/` is saved.
//!
//! Editors do not simply write the file. Excel writes a temporary file (`A1B2C3D4`,
//! `~$hoi-nghi.xlsx` is its lock), deletes the old workbook and renames the new one over
//! it; LibreOffice keeps `.~lock.hoi-nghi.xlsx#` and writes `lu…tmp` files; text editors
//! write `hoi-nghi.yaml~` or swap files. So the folder is watched rather than the file,
//! events on files that cannot be inputs are ignored, and a build starts only once the
//! folder has been quiet for a moment ([`QUIET`]). An invalid save prints its errors and
//! the watch goes on.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Event, RecursiveMode, Watcher};

use super::build;
use super::reporter::{Console, INTERNAL, USAGE};
use crate::cli::{BuildArgs, SourceArgs, WatchArgs};

/// How long the folder must stay quiet after a save before the build starts.
const QUIET: Duration = Duration::from_millis(300);
/// How long to wait for the input to reappear during a rename-over save.
const REAPPEAR: Duration = Duration::from_secs(3);

/// Extensions of files whose saving should rebuild: inputs and templates.
const WATCHED: &[&str] = &["xlsx", "xlsm", "xls", "ods", "yaml", "yml", "typ", "j2", "json", "csv"];

/// Is this a file an editor writes on the way to saving (lock, backup, temporary)?
fn is_scratch(name: &str) -> bool {
    name.starts_with("~$")
        || name.starts_with(".~lock")
        || name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with('#')
        || name.ends_with(".tmp")
        || name.ends_with(".swp")
}

/// Does a change to `path` call for a rebuild? Only inputs and templates, never what the
/// build itself writes (`output/`) — but the input itself, its `templates/` and `van-ban/`
/// always, even in a pack folder that holds them (`-o .`).
fn relevant(path: &Path, input: &Path, input_dir: &Path, output_root: &Path) -> bool {
    let own = |sub: &str| path.strip_prefix(input_dir).is_ok_and(|rel| rel.starts_with(sub));
    let ours = path == input || own("templates") || own(crate::input::documents::FOLDER);
    if path.starts_with(output_root) && !ours {
        return false;
    }
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if is_scratch(name) {
        return false;
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    let rel = path.strip_prefix(input_dir).ok();
    let in_templates = rel.is_some_and(|rel| rel.starts_with("templates"));
    // The documents written as text, `van-ban/*.md`.
    let document = rel.is_some_and(|rel| rel.parent() == Some(Path::new(crate::input::documents::FOLDER)))
        && crate::input::documents::EXTENSIONS.contains(&ext.as_str())
        && !name.starts_with('~');
    document || (WATCHED.contains(&ext.as_str()) && (path.parent() == Some(input_dir) || in_templates))
}

/// Absolute, with symlinks resolved where the path exists (inotify reports real paths).
fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    abs.canonicalize().unwrap_or(abs)
}

/// Waits for the next relevant change, then for the folder to go quiet. Returns the names
/// of the files that changed, or `None` when the watcher is gone.
fn next_change(
    events: &Receiver<notify::Result<Event>>,
    input: &Path,
    input_dir: &Path,
    output_root: &Path,
) -> Option<Vec<String>> {
    let mut changed: Vec<String> = Vec::new();
    let note = |event: Event, changed: &mut Vec<String>| {
        for p in event.paths.iter().filter(|p| relevant(p, input, input_dir, output_root)) {
            let name = p.strip_prefix(input_dir).unwrap_or(p).display().to_string();
            if !changed.contains(&name) {
                changed.push(name);
            }
        }
    };
    // Block until something relevant happens.
    while changed.is_empty() {
        match events.recv() {
            Ok(Ok(event)) if !event.kind.is_access() => note(event, &mut changed),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    // Then drain until quiet.
    loop {
        match events.recv_timeout(QUIET) {
            Ok(Ok(event)) if !event.kind.is_access() => note(event, &mut changed),
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => return Some(changed),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

pub(super) fn run(r: &Console, args: WatchArgs) -> u8 {
    let input = absolute(&args.input);
    if !input.is_file() {
        r.line(
            format!("Không tìm thấy tệp {}", args.input.display()),
            format!("No such file: {}", args.input.display()),
        );
        return USAGE;
    }
    let input_dir = input.parent().map(Path::to_path_buf).unwrap_or_default();
    // Where builds write: never a reason to rebuild.
    let output_root = absolute(args.pack.output.as_deref().unwrap_or(Path::new("output")));

    let (tx, events) = channel();
    let watcher = notify::recommended_watcher(move |e| {
        let _ = tx.send(e);
    })
    .and_then(|mut w| w.watch(&input_dir, RecursiveMode::Recursive).map(|()| w));
    let _watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            r.line(
                format!("Không theo dõi được thư mục {}: {e}", input_dir.display()),
                format!("Cannot watch {}: {e}", input_dir.display()),
            );
            return INTERNAL;
        }
    };

    let run = || {
        build::run(
            r,
            BuildArgs {
                source: SourceArgs { input: Some(args.input.clone()), mau: None },
                pack: args.pack.clone(),
                ..BuildArgs::default()
            },
        )
    };
    run();
    loop {
        r.line(
            format!("Đang theo dõi {} (Ctrl+C để dừng) …", args.input.display()),
            format!("Watching {} (Ctrl+C to stop) …", args.input.display()),
        );
        let Some(changed) = next_change(&events, &input, &input_dir, &output_root) else {
            return INTERNAL;
        };
        // A rename-over save may leave the input missing for a moment.
        let deadline = Instant::now() + REAPPEAR;
        while !input.is_file() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let now = clock();
        r.line(
            format!("[{now}] Đã lưu {} — tạo lại …", changed.join(", ")),
            format!("[{now}] Saved {} — rebuilding …", changed.join(", ")),
        );
        run();
    }
}

/// The time of day on the machine's clock (its own time zone) as `hh:mm:ss`.
fn clock() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_ignored() {
        let dir = Path::new("/w");
        let out = Path::new("/w/output");
        let relevant = |p: &Path, dir: &Path, out: &Path| relevant(p, &dir.join("hoi-nghi.xlsx"), dir, out);
        for name in [
            "~$hoi-nghi.xlsx",
            ".~lock.hoi-nghi.xlsx#",
            "hoi-nghi.yaml~",
            "lu1234abcd.tmp",
            "A1B2C3D4",
            ".hoi-nghi.yaml.swp",
        ] {
            assert!(!relevant(&dir.join(name), dir, out), "{name}");
        }
        assert!(!relevant(Path::new("/w/output/hoi-nghi/danh-sach-giay-moi.xlsx"), dir, out));
        assert!(!relevant(Path::new("/w/ban-cu/hoi-nghi.xlsx"), dir, out));
        assert!(relevant(Path::new("/w/hoi-nghi.xlsx"), dir, out));
        assert!(relevant(Path::new("/w/hoi-nghi.yaml"), dir, out));
        assert!(relevant(Path::new("/w/templates/giay-moi.typ"), dir, out));
        assert!(relevant(Path::new("/w/templates/kich-ban/tuyen-bo-ly-do.j2"), dir, out));
        assert!(relevant(Path::new("/w/van-ban/ke-hoach.md"), dir, out));
        assert!(!relevant(Path::new("/w/van-ban/~ke-hoach.md"), dir, out));
        assert!(!relevant(Path::new("/w/README.md"), dir, out));
    }

    #[test]
    fn the_input_is_watched_even_inside_the_pack_folder() {
        // `vanthu watch hoi-nghi.yaml -o .`: the pack folder is the input's.
        let (dir, input) = (Path::new("/w"), Path::new("/w/hoi-nghi.yaml"));
        assert!(relevant(input, input, dir, dir));
        assert!(relevant(Path::new("/w/van-ban/ke-hoach.md"), input, dir, dir));
        assert!(relevant(Path::new("/w/templates/giay-moi.typ"), input, dir, dir));
        // What the build writes there is not.
        for own in ["/w/danh-sach-giay-moi.xlsx", "/w/manifest.json", "/w/thay-doi.xlsx", "/w/giay-moi.pdf"] {
            assert!(!relevant(Path::new(own), input, dir, dir), "{own}");
        }
    }
}
