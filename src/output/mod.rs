//! Stage 6, write: the rendered files into the pack folder, each written to a temporary
//! file beside it and renamed over the old one, so a reader never sees half a file and an
//! interrupted run leaves each file either old or new. Files whose bytes did not change are
//! left alone. `manifest.json` lists what vanthu wrote; only files it lists are ever
//! removed, so a clerk's own files in the folder are safe.
//!
//! The manifest also records, for each file, the key of what it was made from (its data,
//! templates, fonts, engine version): the next build reuses a file whose key is unchanged
//! and whose bytes on disk are still the recorded ones ([`Reuse`]), and re-renders the rest.
//!
//! This is the only module allowed to write files (`clippy.toml` bans `std::fs::write`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Loc, Text};
use crate::render::{Artefact, Kind};

pub const MANIFEST: &str = "manifest.json";

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
    pub snapshot: Option<crate::changes::Snapshot>,
}

impl Manifest {
    pub fn load(dir: &Path) -> Manifest {
        std::fs::read(dir.join(MANIFEST)).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }
}

/// The files of the previous build that can be kept as they are: listed in its manifest
/// and still holding the recorded bytes (a file deleted or altered by hand is rebuilt).
#[derive(Debug, Clone, Default)]
pub struct Reuse {
    keys: HashMap<String, String>,
}

impl Reuse {
    /// Nothing to reuse (`--force`, or a first build).
    pub fn none() -> Reuse {
        Reuse::default()
    }

    /// Checks every file the manifest of `dir` lists against its recorded bytes.
    pub fn check(dir: &Path) -> Reuse {
        let manifest = Manifest::load(dir);
        let keys = manifest
            .files
            .into_iter()
            .filter(|(rel, e)| {
                !e.key.is_empty() && std::fs::read(native(dir, rel)).is_ok_and(|b| sha256(&b) == e.sha256)
            })
            .map(|(rel, e)| (rel, e.key))
            .collect();
        Reuse { keys }
    }

    /// Whether the file at `path` was made from exactly `key` and is intact.
    pub fn keeps(&self, path: &str, key: &str) -> bool {
        self.keys.get(path).is_some_and(|k| k == key)
    }
}

/// What a write did, by relative path.
#[derive(Debug, Clone, Default)]
pub struct WriteReport {
    pub written: Vec<String>,
    pub kept: Vec<String>,
    pub removed: Vec<String>,
}

pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let busy = matches!(e.kind(), std::io::ErrorKind::PermissionDenied);
    let hint = if busy {
        Text::new(
            "tệp có thể đang mở trong chương trình khác (Acrobat, Excel): đóng tệp rồi chạy lại",
            "the file may be open in another program (Acrobat, Excel): close it and run again",
        )
    } else {
        Text::new("kiểm tra quyền ghi và dung lượng ổ đĩa", "check write permissions and free disk space")
    };
    Diagnostic::error(
        "write-failed",
        Loc::File { file: path.display().to_string().into() },
        Text::new(format!("không ghi được tệp ({e})"), format!("cannot write the file ({e})")),
    )
    .with_hint(hint)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanthu-").suffix(".tmp");
    // Temporary files are private (0600); the result is an ordinary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| io_error(dir, &e))?;
    tmp.write_all(bytes).map_err(|e| io_error(path, &e))?;
    tmp.persist(path).map_err(|e| io_error(path, &e.error))?;
    Ok(())
}

fn native(dir: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(dir.to_path_buf(), |p, part| p.join(part))
}

/// Writes the pack: changed files are replaced atomically, unchanged ones kept, and files
/// of the rebuilt kinds that the previous manifest lists but this build no longer makes
/// (a delegate removed) are deleted. The manifest is written last.
pub fn write_pack(
    dir: &Path,
    artefacts: &[Artefact],
    kinds: &BTreeSet<Kind>,
    snapshot: Option<crate::changes::Snapshot>,
) -> Result<WriteReport, Diagnostic> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    let previous = Manifest::load(dir);
    let mut report = WriteReport::default();
    let mut files = BTreeMap::new();
    for a in artefacts {
        let path = native(dir, &a.path);
        let entry = match &a.bytes {
            // Reused: the file is there with the recorded bytes (checked by `Reuse`).
            None => match previous.files.get(&a.path) {
                Some(e) => {
                    report.kept.push(a.path.clone());
                    Entry { key: a.key.clone(), ..e.clone() }
                }
                None => continue,
            },
            Some(bytes) => {
                if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
                    report.kept.push(a.path.clone());
                } else {
                    write_atomic(&path, bytes)?;
                    report.written.push(a.path.clone());
                }
                Entry { kind: a.kind.code().to_string(), sha256: sha256(bytes), key: a.key.clone() }
            }
        };
        files.insert(a.path.clone(), entry);
    }
    let built: BTreeSet<&str> = kinds.iter().map(|k| k.code()).collect();
    for (rel, entry) in &previous.files {
        if files.contains_key(rel) {
            continue;
        }
        let path = native(dir, rel);
        if built.contains(entry.kind.as_str()) {
            if path.exists() {
                std::fs::remove_file(&path).map_err(|e| io_error(&path, &e))?;
                report.removed.push(rel.clone());
            }
        } else if path.exists() {
            files.insert(rel.clone(), entry.clone());
        }
    }
    // Remove folders this build emptied (giay-moi/ when nobody is invited any more).
    for rel in &report.removed {
        if let Some(parent) = native(dir, rel).parent()
            && parent != dir
        {
            let _ = std::fs::remove_dir(parent);
        }
    }
    let snapshot = snapshot.or(previous.snapshot);
    let manifest = Manifest { engine: format!("vanthu {}", env!("CARGO_PKG_VERSION")), files, snapshot };
    let json = serde_json::to_vec_pretty(&manifest).expect("the manifest serialises");
    write_atomic(&dir.join(MANIFEST), &json)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(path: &str, bytes: &[u8]) -> Artefact {
        Artefact { path: path.into(), kind: Kind::GiayMoi, key: sha256(bytes), bytes: Some(bytes.to_vec()) }
    }

    #[test]
    fn writes_keeps_and_removes_only_its_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let kinds = BTreeSet::from([Kind::GiayMoi]);
        let r = write_pack(dir.path(), &[art("a.pdf", b"1"), art("giay-moi/b.pdf", b"2")], &kinds, None).unwrap();
        assert_eq!(r.written, ["a.pdf", "giay-moi/b.pdf"]);
        write_atomic(&dir.path().join("clerk-notes.txt"), b"mine").unwrap();
        let r = write_pack(dir.path(), &[art("a.pdf", b"1")], &kinds, None).unwrap();
        assert_eq!(r.kept, ["a.pdf"]);
        assert_eq!(r.removed, ["giay-moi/b.pdf"]);
        assert!(!dir.path().join("giay-moi").exists());
        assert!(dir.path().join("clerk-notes.txt").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());

        // A file altered or deleted by hand is not reused.
        assert!(Reuse::check(dir.path()).keeps("a.pdf", &sha256(b"1")));
        write_atomic(&dir.path().join("a.pdf"), b"edited").unwrap();
        assert!(!Reuse::check(dir.path()).keeps("a.pdf", &sha256(b"1")));
        std::fs::remove_file(dir.path().join("a.pdf")).unwrap();
        assert!(!Reuse::check(dir.path()).keeps("a.pdf", &sha256(b"1")));
    }
}
