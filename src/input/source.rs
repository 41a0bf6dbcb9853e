//! Where the conference comes from: a file on disk, or the sample built into the program.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the conference comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Bytes compiled into (or made by) the program — the samples, a starter — with the
    /// name messages show.
    Embedded { name: &'static str, bytes: std::borrow::Cow<'static, [u8]> },
}

impl Source {
    /// The name messages use: the file's (`hoi-nghi.xlsx`); for a sample built into the
    /// program, which is nowhere on the clerk's disk, its folder in the repository marked as
    /// such (`(mẫu) so-ket-ocop-2023/hoi-nghi.xlsx`).
    pub(crate) fn display_name(&self) -> Arc<str> {
        match self {
            Source::File(p) => p.file_name().map_or_else(|| p.to_string_lossy().into(), |n| n.to_string_lossy().into()),
            Source::Embedded { name, .. } => match name.strip_prefix("data/") {
                Some(sample) => format!("(mẫu) {sample}").into(),
                None => Path::new(name).file_name().map_or((*name).into(), |n| n.to_string_lossy().into()),
            },
        }
    }

    /// The folder next to the input: overriding templates and images are looked up there.
    pub fn dir(&self) -> Option<PathBuf> {
        match self {
            Source::File(p) => Some(p.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)),
            Source::Embedded { .. } => None,
        }
    }

    /// The file's extension, lower case.
    pub(crate) fn extension(&self) -> Option<String> {
        match self {
            Source::File(p) => p.extension().map(|e| e.to_string_lossy().to_lowercase()),
            Source::Embedded { name, .. } => Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()),
        }
    }

    pub(crate) fn is_workbook(&self, bytes: &[u8]) -> bool {
        match self.extension().as_deref() {
            Some(e) if WORKBOOK_EXTENSIONS.contains(&e) => true,
            Some(e) if YAML_EXTENSIONS.contains(&e) => false,
            // Unknown extension: sniff zip (xlsx, ods) and OLE (xls) signatures.
            _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
        }
    }
}

/// The extensions of the workbooks vanthu reads (lower case).
pub(crate) const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];
/// The extensions of a conference written as YAML.
pub(crate) const YAML_EXTENSIONS: &[&str] = &["yaml", "yml"];
