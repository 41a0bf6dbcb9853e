//! Stage 6, write: the rendered files into the pack folder, each written to a temporary
//! file beside it and renamed over the old one, so a reader never sees half a file and an
//! interrupted run leaves each file either old or new. Files whose bytes did not change are
//! left alone. `manifest.json` ([`crate::pack::Manifest`]) lists what vanthu wrote and from
//! what; only files it lists are ever removed, so a clerk's own files in the folder are safe.
//!
//! This is the only module allowed to write files (`clippy.toml` bans `std::fs::write`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Loc, Text};
use crate::pack::{Changeset, MANIFEST, native};

/// What a write did, by relative path.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub written: Vec<String>,
    pub kept: Vec<String>,
    pub removed: Vec<String>,
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    use std::io::ErrorKind as K;
    // The system's words (English on most machines) stay in brackets for the IT person;
    // the clerk reads what happened and what to do.
    // ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33): a file another program
    // holds open on Windows.
    let kind = if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) { K::ResourceBusy } else { e.kind() };
    let (what, what_en, hint, hint_en) = match kind {
        // Windows: a file open in Acrobat or Excel is a sharing violation (busy).
        K::PermissionDenied | K::ResourceBusy => (
            "không có quyền ghi, hoặc tệp đang mở",
            "no permission to write, or the file is open",
            "tệp có thể đang mở trong chương trình khác (Acrobat, Excel): đóng tệp rồi chạy lại",
            "the file may be open in another program (Acrobat, Excel): close it and run again",
        ),
        K::AlreadyExists | K::NotADirectory | K::IsADirectory => (
            "chỗ cần một thư mục lại là một tệp (hoặc ngược lại)",
            "a file stands where a folder is needed (or the other way round)",
            "chọn thư mục khác cho -o, hoặc đổi tên tệp đang chiếm chỗ",
            "choose another folder for -o, or rename the file in the way",
        ),
        K::StorageFull | K::QuotaExceeded => (
            "ổ đĩa đã đầy",
            "the disk is full",
            "giải phóng dung lượng ổ đĩa rồi chạy lại",
            "free some disk space and run again",
        ),
        _ => (
            "lỗi hệ thống",
            "system error",
            "kiểm tra quyền ghi và dung lượng ổ đĩa",
            "check write permissions and free disk space",
        ),
    };
    Diagnostic::error(
        "write-failed",
        Loc::File { file: path.display().to_string().into() },
        Text::new(format!("không ghi được tệp: {what} ({e})"), format!("cannot write the file: {what_en} ({e})")),
    )
    .with_hint(Text::new(hint, hint_en))
}

/// The lock file of a pack folder, held while a build renders and writes into it.
pub(crate) const LOCK_FILE: &str = ".vanthu.lock";

/// A build's hold on its pack folder: two builds at once (a `watch` and a `build` by hand,
/// two windows) would interleave their files and manifests. Released when dropped (and by
/// the system when the process dies, so a killed build never leaves it taken).
pub struct PackLock {
    file: Option<std::fs::File>,
    /// The folder, when this build created it: removed again if nothing was written in it.
    created: Option<PathBuf>,
}

impl Drop for PackLock {
    fn drop(&mut self) {
        // Closed (and so released) first: Windows cannot delete a file that is open.
        drop(self.file.take());
        let Some(dir) = &self.created else { return };
        let only_the_lock =
            std::fs::read_dir(dir).is_ok_and(|mut d| d.all(|e| e.is_ok_and(|e| e.file_name() == LOCK_FILE)));
        if only_the_lock {
            let _ = std::fs::remove_file(dir.join(LOCK_FILE));
            let _ = std::fs::remove_dir(dir);
        }
    }
}

impl PackLock {
    /// Takes the folder `dir` (created if needed), or says that another build has it.
    pub fn take(dir: &Path) -> Result<PackLock, Diagnostic> {
        let created = (!dir.exists()).then(|| dir.to_path_buf());
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
        let path = dir.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| io_error(&path, &e))?;
        match file.try_lock() {
            Ok(()) => {
                sweep_temporaries(dir);
                Ok(PackLock { file: Some(file), created })
            }
            Err(std::fs::TryLockError::WouldBlock) => Err(Diagnostic::error(
                "pack-busy",
                Loc::File { file: dir.display().to_string().into() },
                Text::new(
                    "một lần chạy vanthu khác đang ghi vào thư mục bộ văn bản này",
                    "another vanthu run is writing into this pack folder",
                ),
            )
            .with_hint(Text::new(
                "đợi lần chạy kia (có thể là vanthu watch) xong rồi chạy lại",
                "wait for the other run (perhaps vanthu watch) to finish, then run again",
            ))),
            Err(std::fs::TryLockError::Error(e)) => Err(io_error(&path, &e)),
        }
    }
}

/// Whether vanthu may write its pack into `dir`: a folder that does not exist yet, holds
/// nothing (but vanthu's own lock and temporary files), or is a vanthu pack — its
/// `manifest.json` one that vanthu wrote. Any other folder (a clerk's own files, another
/// program's `manifest.json`) is refused, so nothing vanthu did not make is ever replaced,
/// unless `adopt` (`--ghi-de`) says the clerk means it.
pub fn claim(dir: &Path, adopt: bool) -> Result<(), Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    let theirs: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !only_ours(&e.path(), &e.file_name().to_string_lossy()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if theirs.is_empty() || adopt {
        return Ok(());
    }
    let manifest = crate::pack::Manifest::ours(dir);
    if manifest == Some(true) {
        return Ok(());
    }
    let mut shown: Vec<&str> = theirs.iter().map(String::as_str).take(5).collect();
    shown.sort();
    let more = if theirs.len() > 5 { ", …" } else { "" };
    let (vi, en) = if manifest == Some(false) {
        (
            "thư mục này có manifest.json không phải của vanthu (hoặc đã bị sửa hỏng): không ghi vào, để khỏi thay tệp không do vanthu tạo".to_string(),
            "this folder holds a manifest.json that vanthu did not write (or that was damaged): nothing is written, so no file vanthu did not make is replaced".to_string(),
        )
    } else {
        (
            format!(
                "thư mục này đã có tệp ({}{more}) nhưng không phải bộ văn bản của vanthu: không ghi vào, để khỏi thay tệp của người khác",
                shown.join(", ")
            ),
            format!(
                "this folder already holds files ({}{more}) but is not a vanthu pack: nothing is written, so nobody else's files are replaced",
                shown.join(", ")
            ),
        )
    };
    Err(Diagnostic::error("not-a-pack", Loc::File { file: dir.display().to_string().into() }, Text::new(vi, en))
        .with_hint(Text::new(
            "chọn một thư mục trống hoặc mới cho -o (mặc định output/<mã hội nghị>); hoặc thêm --ghi-de nếu chắc chắn muốn ghi vào thư mục này (tệp trùng tên bị thay)",
            "choose an empty or new folder for -o (by default output/<conference id>); or add --ghi-de if you do mean this folder (files of the same names are replaced)",
        )))
}

/// Whether the entry `name` at `path` is only vanthu's own leftovers: its lock, a temporary
/// file, or a folder holding nothing else (what a first build stopped while it staged its
/// files leaves).
fn only_ours(path: &Path, name: &str) -> bool {
    if name == LOCK_FILE || (name.starts_with(".vanthu-") && name.ends_with(".tmp")) {
        return true;
    }
    let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    is_dir
        && std::fs::read_dir(path).is_ok_and(|entries| {
            entries.filter_map(|e| e.ok()).all(|e| only_ours(&e.path(), &e.file_name().to_string_lossy()))
        })
}

/// Removes the temporary files a build killed before renaming them left behind
/// (`.vanthu-….tmp`, in the folder and its subfolders). Only called with the folder's lock
/// held, so no running build's files are touched.
fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.filter_map(|e| e.ok()) {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        // Not through symbolic links: only the pack's own folders.
        if e.file_type().is_ok_and(|t| t.is_dir()) && !name.starts_with('.') {
            sweep_temporaries(&path);
        } else if name.starts_with(".vanthu-") && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    stage(path, bytes)?.persist(path).map_err(|e| io_error(path, &e.error))?;
    Ok(())
}

/// Carries out a [`Changeset`] in two steps, so a failure leaves the previous pack as it
/// was: every file to write is first written to a temporary file beside its place (a
/// read-only folder or a full disk fails here) and every file it replaces is checked to be
/// writable (a PDF open in Acrobat on Windows fails here); only then are they all renamed
/// into place. Then the files no longer made are deleted, the files beside the pack are
/// written (only when their bytes changed), and the manifest last (only when it changed).
pub fn write(dir: &Path, set: Changeset) -> Result<Written, Diagnostic> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    // A folder's first build marks it as a pack before anything else lands, so a build
    // stopped halfway leaves a folder the next build recognises as its own (an empty
    // manifest: everything is new, everything is reported).
    if !dir.join(MANIFEST).exists() {
        let json = serde_json::to_vec_pretty(&crate::pack::Manifest::started()).expect("the manifest serialises");
        write_atomic(&dir.join(MANIFEST), &json)?;
    }
    let mut report = Written { kept: set.kept, ..Written::default() };
    // Closed while they wait (a pack may have more files than a process may hold open);
    // deleted if the build stops before renaming them.
    let mut staged: Vec<(PathBuf, String, tempfile::TempPath)> = Vec::with_capacity(set.write.len());
    for (rel, bytes) in &set.write {
        let path = native(dir, rel);
        if path.exists() {
            // Replaceable? (Not open with a lock, not read-only.)
            std::fs::OpenOptions::new().append(true).open(&path).map_err(|e| io_error(&path, &e))?;
        }
        let bytes = bytes.read().map_err(|e| io_error(&path, &e))?;
        staged.push((path.clone(), rel.clone(), stage(&path, &bytes)?.into_temp_path()));
    }
    for (path, rel, tmp) in staged {
        if let Err(e) = tmp.persist(&path) {
            let done = &report.written;
            let mut d = io_error(&path, &e.error);
            if !done.is_empty() {
                d = d.with_hint(Text::new(
                    format!("các tệp đã thay trước khi lỗi (cần in lại): {}", done.join(", ")),
                    format!("files already replaced before the failure (reprint them): {}", done.join(", ")),
                ));
            }
            return Err(d);
        }
        report.written.push(rel);
    }
    for rel in set.remove {
        let path = native(dir, &rel);
        std::fs::remove_file(&path).map_err(|e| io_error(&path, &e))?;
        // Remove the folder this emptied (giay-moi/ when nobody is invited any more).
        if let Some(parent) = path.parent()
            && parent != dir
        {
            let _ = std::fs::remove_dir(parent);
        }
        report.removed.push(rel);
    }
    // The change report before the manifest: the manifest is the record of the last build
    // written to the end, so a build stopped before it is reported again by the next one.
    for (rel, bytes) in &set.beside {
        write_if_changed(&native(dir, rel), bytes)?;
    }
    let json = serde_json::to_vec_pretty(&set.manifest).expect("the manifest serialises");
    write_if_changed(&dir.join(MANIFEST), &json)?;
    Ok(report)
}

/// Writes `bytes` to `path` atomically unless the file already holds them (its date then
/// stays as it was).
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) { Ok(()) } else { write_atomic(path, bytes) }
}

/// `bytes` in a temporary file in the folder of `path`, to be renamed over it.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Diagnostic> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanthu-").suffix(".tmp");
    // Temporary files are private (0600); the result is an ordinary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| io_error(dir, &e))?;
    tmp.write_all(bytes).map_err(|e| io_error(path, &e))?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::pack::{Artefact, DocKind, Manifest, Reuse, Snapshot, sha256};

    /// The changeset of `artefacts`, carried out.
    fn write_pack(
        dir: &Path,
        previous: &Manifest,
        artefacts: &[Artefact],
        kinds: &BTreeSet<DocKind>,
        snapshot: Option<Snapshot>,
    ) -> Result<Written, Diagnostic> {
        write(dir, Changeset::new(dir, previous, artefacts.to_vec(), kinds, snapshot))
    }

    fn art(path: &str, bytes: &[u8]) -> Artefact {
        Artefact {
            path: path.into(),
            kind: DocKind::Invitations,
            key: sha256(bytes),
            bytes: Some(bytes.to_vec().into()),
        }
    }

    #[test]
    fn writes_keeps_and_removes_only_its_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let kinds = BTreeSet::from([DocKind::Invitations]);
        let r = write_pack(
            dir.path(),
            &Manifest::load(dir.path()),
            &[art("a.pdf", b"1"), art("giay-moi/b.pdf", b"2")],
            &kinds,
            None,
        )
        .unwrap();
        assert_eq!(r.written, ["a.pdf", "giay-moi/b.pdf"]);
        write_atomic(&dir.path().join("clerk-notes.txt"), b"mine").unwrap();
        let r = write_pack(dir.path(), &Manifest::load(dir.path()), &[art("a.pdf", b"1")], &kinds, None).unwrap();
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

    #[test]
    fn the_files_beside_the_pack_are_written_before_the_manifest() {
        // The manifest records the last build written to the end: when it cannot be
        // written (here a folder stands in its place), the change report already is, and
        // the next build, reading the old manifest, reports the same changes again.
        let dir = tempfile::tempdir().unwrap();
        let kinds = BTreeSet::from([DocKind::Invitations]);
        std::fs::create_dir(dir.path().join(MANIFEST)).unwrap();
        let mut set = Changeset::new(dir.path(), &Manifest::default(), vec![art("a.pdf", b"1")], &kinds, None);
        set.add_beside("thay-doi.xlsx", b"report".to_vec());
        assert!(write(dir.path(), set).is_err());
        assert_eq!(std::fs::read(dir.path().join("thay-doi.xlsx")).unwrap(), b"report");
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"1");
    }

    #[test]
    fn a_manifest_never_leads_outside_the_pack() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("pack");
        let kinds = BTreeSet::from([DocKind::Invitations]);
        write_pack(&dir, &Manifest::load(&dir), &[art("a.pdf", b"1")], &kinds, None).unwrap();
        write_atomic(&root.path().join("victim.txt"), b"keep me").unwrap();
        let mut m = Manifest::load(&dir);
        let entry = m.files["a.pdf"].clone();
        for rel in ["../victim.txt", "/victim.txt", "giay-moi/../../victim.txt", "C:victim.txt", "..\\victim.txt"] {
            m.files.insert(rel.to_string(), entry.clone());
        }
        write_atomic(&dir.join(MANIFEST), &serde_json::to_vec(&m).unwrap()).unwrap();
        assert_eq!(Manifest::load(&dir).files.keys().collect::<Vec<_>>(), ["a.pdf"]);
        let r = write_pack(&dir, &Manifest::load(&dir), &[], &kinds, None).unwrap();
        assert_eq!(r.removed, ["a.pdf"]);
        assert!(root.path().join("victim.txt").exists());
    }

    #[test]
    fn a_failed_write_replaces_nothing_and_an_unchanged_manifest_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let kinds = BTreeSet::from([DocKind::Invitations]);
        write_pack(dir.path(), &Manifest::load(dir.path()), &[art("a.pdf", b"1"), art("b.pdf", b"2")], &kinds, None)
            .unwrap();
        let manifest = dir.path().join(MANIFEST);
        let stamp = std::fs::metadata(&manifest).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_pack(dir.path(), &Manifest::load(dir.path()), &[art("a.pdf", b"1"), art("b.pdf", b"2")], &kinds, None)
            .unwrap();
        assert_eq!(std::fs::metadata(&manifest).unwrap().modified().unwrap(), stamp);
        // `b.pdf` cannot be replaced (here: a folder stands in its place, as a locked file
        // would on Windows): `a.pdf` is not replaced either.
        std::fs::remove_file(dir.path().join("b.pdf")).unwrap();
        std::fs::create_dir(dir.path().join("b.pdf")).unwrap();
        let e = write_pack(
            dir.path(),
            &Manifest::load(dir.path()),
            &[art("a.pdf", b"new"), art("b.pdf", b"new")],
            &kinds,
            None,
        )
        .unwrap_err();
        assert_eq!(e.code, "write-failed");
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"1");
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }
}
