//! The templates: built into the binary from `templates/`, and overridable file by file by
//! a `templates/` folder next to the input (the office's IT person edits copies there).

use std::path::{Path, PathBuf};

/// Every built-in template (every file of `templates/` but the READMEs), by its path under
/// `templates/`; listed by `build.rs`.
pub static BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// Where templates are looked up.
#[derive(Debug, Clone, Default)]
pub struct TemplateStore {
    /// The overriding folder, canonicalised, when it exists.
    overrides: Option<PathBuf>,
}

/// An overriding template's bytes, when it is a regular file within the limit.
fn read(path: &Path) -> Option<Vec<u8>> {
    crate::limits::read_regular(path, crate::limits::TEMPLATE_BYTES).ok()
}

impl TemplateStore {
    /// Built-in templates only.
    pub fn builtin() -> TemplateStore {
        TemplateStore { overrides: None }
    }

    /// Built-in templates overridden by the files of `dir` (usually
    /// `<input folder>/templates`), when that folder exists.
    pub(crate) fn with_overrides(dir: &Path) -> TemplateStore {
        TemplateStore { overrides: dir.canonicalize().ok().filter(|d| d.is_dir()) }
    }

    /// The overriding file for `rel`, if there is one inside the overriding folder (a
    /// regular file of at most [`crate::limits::TEMPLATE_BYTES`]; else the built-in one is
    /// used).
    fn override_path(&self, rel: &str) -> Option<PathBuf> {
        let dir = self.overrides.as_ref()?;
        let path = dir.join(rel).canonicalize().ok()?;
        (path.starts_with(dir) && path.is_file()).then_some(path)
    }

    pub fn bytes(&self, rel: &str) -> Option<typst::foundations::Bytes> {
        if let Some(path) = self.override_path(rel) {
            return read(&path).map(typst::foundations::Bytes::new);
        }
        BUILTIN.iter().find(|(p, _)| *p == rel).map(|(_, t)| typst::foundations::Bytes::from_string(*t))
    }

    pub fn text(&self, rel: &str) -> Option<String> {
        if let Some(path) = self.override_path(rel) {
            return read(&path).and_then(|b| String::from_utf8(b).ok());
        }
        BUILTIN.iter().find(|(p, _)| *p == rel).map(|(_, t)| t.to_string())
    }

    /// A data file of the templates (`quyet-dinh/can-cu.yaml`) parsed from YAML; `Err` says
    /// why it cannot be read (missing, malformed) in the clerk's words, with serde's own.
    pub fn data<T: serde::de::DeserializeOwned>(&self, rel: &str) -> Result<T, String> {
        let text = self.text(rel).ok_or_else(|| "không có tệp / missing".to_string())?;
        serde_yaml::from_str(&text).map_err(|e| e.to_string())
    }

    /// How messages name a template: the overriding file's path, or `templates/<rel>`.
    pub fn display(&self, rel: &str) -> String {
        match self.override_path(rel) {
            Some(p) => p.display().to_string(),
            None => format!("templates/{rel}"),
        }
    }

    /// A digest of the template `root` and of every template file it names, directly or
    /// through those (`#import "/lib/nd30.typ"`, `json("/quyet-dinh/can-cu.yaml")`): what a
    /// document made from `root` can depend on. Any string literal naming a file of the
    /// store counts, so the set errs on the side of more.
    pub(crate) fn fingerprint_of(&self, root: &str) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        let mut seen: Vec<String> = vec![root.to_string()];
        let mut next = 0;
        while next < seen.len() {
            let rel = seen[next].clone();
            next += 1;
            let text = self.text(&rel).unwrap_or_default();
            h.update(rel.as_bytes());
            h.update([0]);
            h.update(text.as_bytes());
            h.update([0]);
            let here = rel.rsplit_once('/').map_or("", |(d, _)| d);
            // The insides of "…" literals: every other piece between quotes.
            for literal in text.split('"').skip(1).step_by(2) {
                let candidate = match literal.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None if here.is_empty() => literal.to_string(),
                    None => format!("{here}/{literal}"),
                };
                if !seen.contains(&candidate) && self.bytes(&candidate).is_some() {
                    seen.push(candidate);
                }
            }
        }
        format!("{:x}", h.finalize())[..16].to_string()
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    fn files_under(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(&path, base, out);
            } else if path.file_name().is_some_and(|n| n != "README.md") {
                out.push(path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }

    #[test]
    fn a_template_depends_on_what_it_names_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let builtin = TemplateStore::builtin();
        let fp = |s: &TemplateStore| (s.fingerprint_of("giay-moi.typ"), s.fingerprint_of("chuong-trinh.typ"));
        let (invitation, programme) = fp(&builtin);
        // Another document's template overridden: the invitation's digest stays.
        std::fs::write(
            dir.path().join("chuong-trinh.typ"),
            builtin.text("chuong-trinh.typ").unwrap() + "\n#text(\"X\")\n",
        )
        .unwrap();
        let store = TemplateStore::with_overrides(dir.path());
        assert_eq!(fp(&store).0, invitation);
        assert_ne!(fp(&store).1, programme);
        // The shared library it imports overridden: it changes.
        std::fs::create_dir_all(dir.path().join("lib")).unwrap();
        std::fs::write(dir.path().join("lib/nd30.typ"), builtin.text("lib/nd30.typ").unwrap() + "\n").unwrap();
        let store = TemplateStore::with_overrides(dir.path());
        assert_ne!(fp(&store).0, invitation);
    }

    #[test]
    fn builtin_list_matches_the_templates_folder() {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut on_disk = Vec::new();
        files_under(&base, &base, &mut on_disk);
        on_disk.sort();
        let mut listed: Vec<String> = BUILTIN.iter().map(|(p, _)| p.to_string()).collect();
        listed.sort();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn overrides_win_and_cannot_escape() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("giay-moi.typ"), "// mine").unwrap();
        let store = TemplateStore::with_overrides(dir.path());
        assert_eq!(store.text("giay-moi.typ").unwrap(), "// mine");
        assert!(store.text("lib/nd30.typ").unwrap().contains("#let"));
        assert!(store.text("../../etc/passwd").is_none());
    }
}
