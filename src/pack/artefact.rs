//! One file of the pack, with the key of what it was made from.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::kind::DocKind;
use super::manifest::sha256;

/// One file of the pack.
#[derive(Debug, Clone)]
pub struct Artefact {
    /// Relative to the pack folder, `/`-separated (`giay-moi/nguyen-van-an.pdf`).
    pub path: String,
    pub kind: DocKind,
    /// What it is made from: the same key means the same file.
    pub key: String,
    /// The new bytes; `None` when the previous build's file is kept as it is.
    pub bytes: Option<Body>,
}

impl Artefact {
    /// Whether this build rendered it (rather than keeping the previous file).
    pub fn rendered(&self) -> bool {
        self.bytes.is_some()
    }
}

/// The new bytes of a file: in memory, or — for the thousands of personal files of a large
/// conference — set aside in a temporary file as soon as they are made, so the memory a
/// build needs does not grow with the number of delegates. Either way nothing reaches the
/// pack folder before the write stage.
#[derive(Debug, Clone)]
pub enum Body {
    Memory(Vec<u8>),
    /// A temporary file (deleted when the last clone is dropped), the folder it is in
    /// (deleted after its last file: fields drop in order) and its digest.
    Spilled {
        file: Arc<tempfile::TempPath>,
        dir: Arc<tempfile::TempDir>,
        sha256: String,
    },
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::Memory(bytes)
    }
}

impl Body {
    /// `bytes` written to a new temporary file in `dir`.
    pub fn spill(dir: &Arc<tempfile::TempDir>, bytes: &[u8]) -> std::io::Result<Body> {
        use std::io::Write;
        let mut tmp = tempfile::Builder::new().prefix("vanthu-").suffix(".tmp").tempfile_in(dir.path())?;
        tmp.write_all(bytes)?;
        Ok(Body::Spilled { file: Arc::new(tmp.into_temp_path()), dir: dir.clone(), sha256: sha256(bytes) })
    }

    /// The bytes (read back when set aside).
    pub fn read(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match self {
            Body::Memory(b) => Ok(Cow::Borrowed(b)),
            Body::Spilled { file, .. } => std::fs::read(file.as_ref() as &Path).map(Cow::Owned),
        }
    }

    /// The SHA-256 of the bytes, as the manifest records it.
    pub fn sha256(&self) -> String {
        match self {
            Body::Memory(b) => sha256(b),
            Body::Spilled { sha256, .. } => sha256.clone(),
        }
    }
}
