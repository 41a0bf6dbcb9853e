//! `manifest.json`: what the previous build wrote and from what. The next build keeps a
//! file whose key is unchanged and whose bytes on disk are still the recorded ones
//! ([`Reuse`]); only files the manifest lists are ever removed, so a clerk's own files in
//! the folder are safe.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::changes::Snapshot;

pub(crate) const MANIFEST: &str = "manifest.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub kind: String,
    /// The file's bytes.
    pub sha256: String,
    /// What it was made from (see [`crate::render::ident`]).
    #[serde(default)]
    pub key: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Manifest {
    pub engine: String,
    pub files: BTreeMap<String, Entry>,
    /// The data of the build, for the next build's change report.
    #[serde(default)]
    pub snapshot: Option<Snapshot>,
}

impl Manifest {
    /// The manifest of a pack whose first build has begun: no files yet.
    pub fn started() -> Manifest {
        Manifest { engine: engine(), ..Manifest::default() }
    }

    /// Whether `dir`'s `manifest.json` is one vanthu wrote: `None` when there is none,
    /// `Some(false)` when it cannot be read as vanthu's (another program's, or damaged).
    pub fn ours(dir: &Path) -> Option<bool> {
        let path = dir.join(MANIFEST);
        if std::fs::symlink_metadata(&path).is_err() {
            return None;
        }
        Some(Manifest::load_checked(dir).is_ok_and(|m| m.engine.starts_with("vanthu ")))
    }

    pub fn load(dir: &Path) -> Manifest {
        Manifest::load_checked(dir).unwrap_or_default()
    }

    /// The manifest of `dir`: `Ok(empty)` when there is none, `Err` when it cannot be read
    /// as one (then the pack is rebuilt whole). Entries whose path could lead outside the
    /// folder (`../x`, `/x`, `C:x`) are dropped: vanthu only ever touches files inside it.
    pub(crate) fn load_checked(dir: &Path) -> Result<Manifest, String> {
        let path = dir.join(MANIFEST);
        let bytes = match crate::limits::read_regular(&path, crate::limits::MANIFEST_BYTES) {
            Ok(b) => b,
            Err(crate::limits::ReadError::NotFound) => return Ok(Manifest::default()),
            Err(crate::limits::ReadError::NotAFile) => return Err("not a file".into()),
            Err(crate::limits::ReadError::TooLarge(n)) => return Err(format!("{n} bytes")),
            Err(crate::limits::ReadError::Io(e)) => return Err(e.to_string()),
        };
        let mut m: Manifest = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        m.files.retain(|rel, _| inside(rel));
        Ok(m)
    }
}

/// A relative path of the pack (`giay-moi/nguyen-van-an.pdf`) that stays inside it.
pub fn inside(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.contains(['\\', ':'])
        && rel.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The files of the previous build that can be kept as they are: listed in its manifest
/// and still holding the recorded bytes (a file deleted or altered by hand is rebuilt).
#[derive(Debug, Clone, Default)]
pub(crate) struct Reuse {
    keys: HashMap<String, String>,
}

impl Reuse {
    /// Nothing to reuse (`--force`, or a first build).
    pub fn none() -> Reuse {
        Reuse::default()
    }

    /// Checks every file the manifest of `dir` lists against its recorded bytes.
    #[cfg(test)]
    pub fn check(dir: &Path) -> Reuse {
        Reuse::of(dir, &Manifest::load(dir))
    }

    /// Like [`Reuse::check`], with the manifest of `dir` already read.
    pub fn of(dir: &Path, manifest: &Manifest) -> Reuse {
        let keys = manifest
            .files
            .iter()
            .filter(|(rel, e)| {
                !e.key.is_empty()
                    && crate::limits::read_regular(&native(dir, rel), u64::MAX).is_ok_and(|b| sha256(&b) == e.sha256)
            })
            .map(|(rel, e)| (rel.clone(), e.key.clone()))
            .collect();
        Reuse { keys }
    }

    /// Whether the file at `path` was made from exactly `key` and is intact.
    pub fn keeps(&self, path: &str, key: &str) -> bool {
        self.keys.get(path).is_some_and(|k| k == key)
    }
}

/// What the manifest says made it: `vanthu 0.1.0`.
pub(crate) fn engine() -> String {
    format!("vanthu {}", env!("CARGO_PKG_VERSION"))
}

pub(crate) fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

pub fn native(dir: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(dir.to_path_buf(), |p, part| p.join(part))
}
