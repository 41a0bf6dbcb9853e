//! `vanthu watch` on a temporary copy: a save rebuilds, an editor's lock file does not, an
//! invalid save prints the errors and the watch goes on, the fix rebuilds.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::util::Project;

/// The watcher's stderr, line by line.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(dir: &Path, input: &str) -> Watch {
        Watch::start_with(dir, &[input, "-o", "out"])
    }

    fn start_with(dir: &Path, args: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanthu"))
            .args(["--lang", "en", "watch"])
            .args(args)
            .current_dir(dir)
            // A zone far from Vietnam's: the times printed are the machine's own clock.
            // (a POSIX rule, so no time zone database is needed: UTC-5 all year).
            .env("TZ", "EST+5")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines, seen: Vec::new() }
    }

    /// Waits for a line containing `text`; returns every line read meanwhile.
    fn wait_for(&mut self, text: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut got = Vec::new();
        while Instant::now() < deadline {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(100)) {
                self.seen.push(line.clone());
                got.push(line.clone());
                if line.contains(text) {
                    return got;
                }
            }
        }
        panic!("no line with {text:?}; seen so far:\n{}", self.seen.join("\n"));
    }

    /// The lines that arrive within `d`.
    fn quiet_for(&mut self, d: Duration) -> Vec<String> {
        let deadline = Instant::now() + d;
        let mut got = Vec::new();
        while Instant::now() < deadline {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(50)) {
                self.seen.push(line.clone());
                got.push(line);
            }
        }
        got
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves like Excel does: the new content goes to a temporary file, which is renamed over
/// the workbook.
#[allow(clippy::disallowed_methods)]
fn save(dir: &Path, name: &str, text: &str) {
    let tmp = dir.join("A1B2C3D4");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join(name)).unwrap();
}

#[test]
#[allow(clippy::disallowed_methods)]
fn watch_rebuilds_on_save_and_survives_invalid_input() {
    let p = Project::new();
    let dir = p.dir.path();
    let starter = vanthu::workbook::starter::yaml(Default::default());
    p.file("hoi-nghi.yaml", &starter);
    let mut w = Watch::start(dir, "hoi-nghi.yaml");
    let first = w.wait_for("Watching");
    assert!(first.iter().any(|l| l.starts_with("Wrote")), "{first:#?}");
    assert!(dir.join("out/giay-moi/tran-thi-b.pdf").is_file());

    // An editor's lock file and scratch files are no reason to build.
    std::fs::write(dir.join("~$hoi-nghi.yaml"), "lock").unwrap();
    std::fs::write(dir.join(".~lock.hoi-nghi.yaml#"), "lock").unwrap();
    let idle = w.quiet_for(Duration::from_millis(1500));
    assert!(idle.is_empty(), "{idle:#?}");

    // A save rebuilds: the renamed delegate's invitation replaces the old one.
    save(dir, "hoi-nghi.yaml", &starter.replace("name: Trần Thị B\n", "name: Trần Thị Bích\n"));
    let rebuilt = w.wait_for("Watching");
    let saved = rebuilt.iter().find(|l| l.contains("Saved hoi-nghi.yaml")).expect("the save is said");
    // `[hh:mm:ss]` five hours behind UTC (give or take an hour turning meanwhile), not UTC+7.
    let hour: i64 = saved[1..3].parse().unwrap();
    let utc = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64 / 3600 % 24;
    let behind = (utc - hour).rem_euclid(24);
    assert!((4..=6).contains(&behind), "{saved} at {utc}h UTC");
    assert!(rebuilt.iter().any(|l| l.starts_with("Wrote")), "{rebuilt:#?}");
    assert!(dir.join("out/giay-moi/tran-thi-bich.pdf").is_file());
    assert!(!dir.join("out/giay-moi/tran-thi-b.pdf").exists());

    // An invalid save: the errors, nothing written, and the watch goes on.
    let broken =
        starter.replace("name: Trần Thị B\n", "name: Trần Thị Bích\n").replace("\"18/12/2026\"", "\"32/13/2026\"");
    save(dir, "hoi-nghi.yaml", &broken);
    let failed = w.wait_for("Watching");
    let text = failed.join("\n");
    assert!(text.contains("error") && text.contains("32/13/2026"), "{text}");
    assert!(text.contains("Nothing written"), "{text}");
    assert!(w.child.try_wait().unwrap().is_none(), "the watch must not exit");

    // The fix rebuilds.
    let fixed =
        starter.replace("name: Trần Thị B\n", "name: Trần Thị Bích\n").replace("\"18/12/2026\"", "\"19/12/2026\"");
    save(dir, "hoi-nghi.yaml", &fixed);
    let again = w.wait_for("Watching");
    assert!(again.iter().any(|l| l.starts_with("Wrote")), "{again:#?}");
    let invitation = crate::util::pdf::flat_text(&dir.join("out/giay-moi/tran-thi-bich.pdf"));
    assert!(invitation.contains("ngày 19 tháng 12 năm 2026"), "{invitation}");
}

#[test]
#[allow(clippy::disallowed_methods)]
fn watch_rebuilds_when_the_pack_folder_holds_the_input() {
    // Issue 22, item 6: `vanthu watch hoi-nghi.yaml -o .` (the folder is the clerk's, so
    // `--ghi-de`): the input lies inside the pack folder and is still watched; what the
    // build writes there starts no build of its own.
    let p = Project::new();
    let dir = p.dir.path();
    let starter = vanthu::workbook::starter::yaml(Default::default());
    p.file("hoi-nghi.yaml", &starter);
    let mut w = Watch::start_with(dir, &["hoi-nghi.yaml", "-o", ".", "--ghi-de"]);
    let first = w.wait_for("Watching");
    assert!(first.iter().any(|l| l.starts_with("Wrote")), "{first:#?}");
    let idle = w.quiet_for(Duration::from_millis(1500));
    assert!(idle.is_empty(), "the build's own files start no build: {idle:#?}");
    save(dir, "hoi-nghi.yaml", &starter.replace("name: Trần Thị B\n", "name: Trần Thị Bích\n"));
    let rebuilt = w.wait_for("Watching");
    assert!(rebuilt.iter().any(|l| l.contains("Saved hoi-nghi.yaml")), "{rebuilt:#?}");
    assert!(dir.join("giay-moi/tran-thi-bich.pdf").is_file());
}
