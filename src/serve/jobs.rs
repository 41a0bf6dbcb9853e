//! The builds of the conferences: one [`Job`] per conference, its state (running, queued,
//! progress) and the events its open pages hear.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use super::workspace::Conf;

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

pub(crate) const LAST_FILE: &str = "lan-tao.json";

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
pub(crate) struct JobState {
    pub(crate) running: bool,
    /// Who asked for the build waiting behind the running one.
    pub(crate) queued: Option<String>,
    pub(crate) by: String,
    pub(crate) since: String,
    pub(crate) label: String,
    pub(crate) done: usize,
    pub(crate) total: usize,
    /// The folder's fingerprint when the last build began.
    pub(crate) stamp: Option<u64>,
}

pub(crate) struct Job {
    tx: broadcast::Sender<Event>,
    state: Mutex<JobState>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Job {
    pub(crate) fn send(&self, e: Event) {
        // Nobody listening is fine.
        let _ = self.tx.send(e);
    }

    /// The job's state, held.
    pub(crate) fn state(&self) -> MutexGuard<'_, JobState> {
        lock(&self.state)
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
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
            .or_insert_with(|| Arc::new(Job { tx: broadcast::channel(256).0, state: Mutex::new(JobState::default()) }))
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
