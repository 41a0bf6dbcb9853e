//! The journal: who did what, when — one JSON line per action in the workspace's
//! `.vanthu/nhat-ky.jsonl`, appended, never rewritten (back it up with the workspace).

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

const FILE: &str = "nhat-ky.jsonl";
/// The most of the journal's end a page reads.
const TAIL_BYTES: u64 = 512 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// Local time, `2026-12-07 08:15:02`.
    #[serde(rename = "luc")]
    pub at: String,
    #[serde(rename = "ai")]
    pub who: String,
    /// The conference's folder, when the action was on one.
    #[serde(rename = "hoi_nghi", default, skip_serializing_if = "Option::is_none")]
    pub conf: Option<String>,
    #[serde(rename = "viec")]
    pub what: String,
    #[serde(rename = "chi_tiet", default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

pub(crate) struct Journal {
    file: PathBuf,
    lock: Mutex<()>,
}

impl Journal {
    pub(crate) fn new(state_dir: &Path) -> Journal {
        Journal { file: state_dir.join(FILE), lock: Mutex::new(()) }
    }

    /// Appends one line. A journal that cannot be written is said on the server's terminal;
    /// the action itself goes on.
    pub(crate) fn add(&self, who: &str, conf: Option<&str>, what: &str, detail: &str) {
        let entry = Entry {
            at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
            who: who.chars().take(100).collect(),
            conf: conf.map(str::to_string),
            what: what.to_string(),
            detail: detail.chars().take(2000).collect(),
        };
        let Ok(mut line) = serde_json::to_string(&entry) else { return };
        line.push('\n');
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.file)
            .and_then(|mut f| f.write_all(line.as_bytes()));
        if let Err(e) = written {
            eprintln!("không ghi được nhật ký {}: {e}", self.file.display());
        }
    }

    /// The last `n` entries (of one conference, when `conf` says), newest first.
    pub(crate) fn last(&self, n: usize, conf: Option<&str>) -> Vec<Entry> {
        let mut bytes = Vec::new();
        let read = std::fs::File::open(&self.file).and_then(|mut f| {
            let len = f.metadata()?.len();
            f.seek(SeekFrom::Start(len.saturating_sub(TAIL_BYTES)))?;
            f.take(TAIL_BYTES).read_to_end(&mut bytes)
        });
        if read.is_err() {
            return Vec::new();
        }
        // The first line may be cut by the seek: it does not parse and is left out.
        String::from_utf8_lossy(&bytes)
            .lines()
            .rev()
            .filter_map(|l| serde_json::from_str::<Entry>(l).ok())
            .filter(|e| conf.is_none() || e.conf.as_deref() == conf)
            .take(n)
            .collect()
    }
}
