//! The workspace on disk: one folder per conference, as `init` and `build` make them.
//!
//! ```text
//! workspace/
//!   .vanthu/                  the page's own: accounts, journal
//!   hoi-nghi-tong-ket-2026/   a conference
//!     hoi-nghi.xlsx           its workbook (or hoi-nghi.yaml)
//!     van-ban/*.md            its text documents
//!     templates/              its own templates (the IT person's)
//!     output/<id>/            its pack, as `vanthu build hoi-nghi.xlsx` run there writes it
//!     .vanthu/                the page's own for it: earlier uploads, previews, ticks
//! ```
//!
//! A conference is named in a URL by its folder's name, and found only among the
//! workspace's own folders: a name is never joined to a path before it is found there.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::pipeline::OUTPUT_FOLDER;
use crate::workbook::starter::{XLSX_NAME, YAML_NAME};
use crate::workbook::{Found, in_folder};

/// The page's own folder, in the workspace and in each conference.
pub(crate) const PRIVATE: &str = ".vanthu";

pub(crate) struct Workspace {
    root: PathBuf,
}

/// One conference's folder.
#[derive(Debug, Clone)]
pub(crate) struct Conf {
    /// The folder's name, as URLs say it.
    pub name: String,
    pub dir: PathBuf,
}

/// A folder that is the workspace's own child and really a folder (not a link elsewhere).
fn own_folder(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

impl Workspace {
    pub(crate) fn open(root: &Path) -> std::io::Result<Workspace> {
        std::fs::create_dir_all(root.join(PRIVATE))?;
        Ok(Workspace { root: root.canonicalize()? })
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn state_dir(&self) -> PathBuf {
        self.root.join(PRIVATE)
    }

    /// The conferences: the folders holding a conference workbook, by name.
    pub(crate) fn list(&self) -> Vec<Conf> {
        let Ok(entries) = std::fs::read_dir(&self.root) else { return Vec::new() };
        let mut out: Vec<Conf> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|name| self.conf(&name))
            .filter(|c| c.input().is_some())
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The conference named `name`: a folder directly in the workspace, not hidden, not a
    /// link. Anything else (`..`, `a/b`, an absolute path, a link) is no conference.
    pub(crate) fn conf(&self, name: &str) -> Option<Conf> {
        let plain = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains(['/', '\\', ':', '\0'])
            && name.len() <= 120
            && name != OUTPUT_FOLDER;
        if !plain {
            return None;
        }
        let dir = self.root.join(name);
        own_folder(&dir).then(|| Conf { name: name.to_string(), dir })
    }

    /// A new conference folder named after `title` (`Hội nghị tổng kết 2026` →
    /// `hoi-nghi-tong-ket-2026`, then `-2`, `-3` … when taken).
    pub(crate) fn create(&self, title: &str) -> std::io::Result<Conf> {
        let base = crate::text::slug(title);
        // `output` is where a conference's pack goes, never a conference.
        let base = if base == OUTPUT_FOLDER { format!("hoi-nghi-{base}") } else { base };
        for n in 1..1000 {
            let name = if n == 1 { base.clone() } else { format!("{base}-{n}") };
            if self.conf(&name).is_none() && self.root.join(&name).symlink_metadata().is_err() {
                let dir = self.root.join(&name);
                std::fs::create_dir(&dir)?;
                return Ok(Conf { name, dir });
            }
        }
        Err(std::io::Error::other("quá nhiều thư mục cùng tên"))
    }
}

impl Conf {
    /// The conference's workbook (or YAML), found as `vanthu build` run in its folder finds
    /// it.
    pub(crate) fn input(&self) -> Option<PathBuf> {
        match in_folder(&self.dir) {
            Found::One(p) => Some(p),
            _ => None,
        }
    }

    /// When the folder holds both `hoi-nghi.xlsx` and `hoi-nghi.yaml` and they say different
    /// things: the message and its fix, as `vanthu build` says them (never a silent choice
    /// of one, which would undo an edit to the other).
    pub(crate) fn twins(&self) -> Option<(String, String)> {
        let (xlsx, yaml) = (self.dir.join(XLSX_NAME), self.dir.join(YAML_NAME));
        if !(xlsx.is_file() && yaml.is_file()) {
            return None;
        }
        crate::workbook::twins_differ(&xlsx, &yaml).map(|(m, h)| (m.vi, h.vi))
    }

    /// The page's own folder for this conference (created when missing).
    pub(crate) fn private(&self) -> PathBuf {
        let dir = self.dir.join(PRIVATE);
        let _ = std::fs::create_dir_all(&dir);
        dir
    }

    /// The conference's pack: the folder of `output/` whose manifest is newest.
    pub(crate) fn pack(&self) -> Option<PathBuf> {
        let entries = std::fs::read_dir(self.dir.join(OUTPUT_FOLDER)).ok()?;
        entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| own_folder(p))
            .filter_map(|p| {
                let m = std::fs::symlink_metadata(p.join(crate::pack::MANIFEST)).ok()?;
                m.is_file().then(|| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), p))
            })
            .max()
            .map(|(_, p)| p)
    }

    /// A fingerprint of everything a build reads from the folder: the workbook, the text
    /// documents and the templates (names, sizes, times). Equal fingerprints, equal builds.
    pub(crate) fn stamp(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let mut note = |p: &Path| {
            if let Ok(m) = std::fs::metadata(p) {
                p.hash(&mut h);
                m.len().hash(&mut h);
                m.modified().ok().hash(&mut h);
            }
        };
        if let Some(input) = self.input() {
            note(&input);
        }
        for sub in [crate::input::documents::FOLDER, "templates"] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.join(sub))
                .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.sort();
            for f in files.iter().take(2000) {
                note(f);
            }
        }
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conference_is_only_a_folder_of_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("hn")).unwrap();
        assert!(ws.conf("hn").is_some());
        for bad in ["..", ".", "", "hn/..", "/etc", "..\\x", ".vanthu", "output", "khong-co"] {
            assert!(ws.conf(bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/tmp", dir.path().join("lien-ket")).unwrap();
            assert!(ws.conf("lien-ket").is_none(), "a link is not a conference");
        }
        let c = ws.create("Hội nghị tổng kết 2026").unwrap();
        assert_eq!(c.name, "hoi-nghi-tong-ket-2026");
        assert_eq!(ws.create("Hội nghị tổng kết 2026").unwrap().name, "hoi-nghi-tong-ket-2026-2");
        assert_eq!(ws.create("Output").unwrap().name, "hoi-nghi-output", "never the packs' folder");
    }
}
