//! What a build changes in the pack folder, decided before anything is written: the files
//! to write (new, or bytes that differ from the file on disk), the files kept, the files to
//! remove (made by a rebuilt kind, no longer made), the new manifest, and the files that
//! sit beside the pack without being part of it (the change report). `output` carries it
//! out; nothing here writes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::artefact::{Artefact, Body};
use super::changes::Snapshot;
use super::kind::DocKind;
use super::manifest::{Entry, Manifest, native, sha256};

/// The SHA-256 of the pack's file at `rel`, when it is a regular file that can be read.
fn on_disk(dir: &Path, rel: &str) -> Option<String> {
    crate::limits::read_regular(&native(dir, rel), u64::MAX).ok().map(|b| sha256(&b))
}

/// The pack folder's next state.
#[derive(Debug, Default)]
pub struct Changeset {
    /// Files to write: relative path and bytes, in path order.
    pub write: Vec<(String, Body)>,
    /// Files left as they are.
    pub kept: Vec<String>,
    /// Files of the previous build to delete.
    pub remove: Vec<String>,
    /// The manifest after the build.
    pub manifest: Manifest,
    /// Files beside the pack, not listed in its manifest (`thay-doi.xlsx`), written only
    /// when their bytes change.
    pub beside: Vec<(String, Vec<u8>)>,
    /// The files to print again: those whose bytes differ from what the previous manifest
    /// — the last build written to the end — recorded (a build killed after writing some
    /// of them left them on disk, yet they were never reported), and those written now.
    pub reprint: Vec<String>,
}

impl Changeset {
    /// The changes that turn the folder `dir` (whose manifest was `previous`) into the pack
    /// of `artefacts` for the kinds `built`. `snapshot: None` keeps the previous snapshot
    /// (a partial build leaves the change reference where it was).
    pub fn new(
        dir: &Path,
        previous: &Manifest,
        artefacts: Vec<Artefact>,
        built: &BTreeSet<DocKind>,
        snapshot: Option<Snapshot>,
    ) -> Changeset {
        let mut set = Changeset::default();
        let mut files = BTreeMap::new();
        for a in artefacts {
            let entry = match a.bytes {
                // Reused: the file is there with the recorded bytes (checked by `Reuse`).
                None => match previous.files.get(&a.path) {
                    Some(e) => {
                        set.kept.push(a.path.clone());
                        Entry { key: a.key, ..e.clone() }
                    }
                    None => continue,
                },
                Some(bytes) => {
                    let digest = bytes.sha256();
                    let entry = Entry { kind: a.kind.code().to_string(), sha256: digest.clone(), key: a.key };
                    let recorded = previous.files.get(&a.path).is_some_and(|e| e.sha256 == digest);
                    if on_disk(dir, &a.path).is_some_and(|old| old == digest) {
                        set.kept.push(a.path.clone());
                        if !recorded {
                            set.reprint.push(a.path.clone());
                        }
                    } else {
                        set.reprint.push(a.path.clone());
                        set.write.push((a.path.clone(), bytes));
                    }
                    entry
                }
            };
            files.insert(a.path, entry);
        }
        let built: BTreeSet<&str> = built.iter().map(|k| k.code()).collect();
        for (rel, entry) in &previous.files {
            if files.contains_key(rel) || !native(dir, rel).exists() {
                continue;
            }
            if built.contains(entry.kind.as_str()) {
                set.remove.push(rel.clone());
            } else {
                files.insert(rel.clone(), entry.clone());
            }
        }
        set.reprint.sort();
        let snapshot = snapshot.or_else(|| previous.snapshot.clone());
        set.manifest = Manifest { engine: super::manifest::engine(), files, snapshot };
        set
    }

    /// Adds a file beside the pack (not in its manifest).
    ///
    /// Files beside are written before the manifest: a build stopped between the two leaves
    /// the old manifest, so the next build reports the same changes again.
    pub(crate) fn add_beside(&mut self, rel: &str, bytes: Vec<u8>) {
        self.beside.push((rel.to_string(), bytes));
    }
}
