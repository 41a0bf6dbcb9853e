//! One file of the pack, with the key of what it was made from.

use super::kind::DocKind;

/// One file of the pack.
#[derive(Debug, Clone)]
pub struct Artefact {
    /// Relative to the pack folder, `/`-separated (`giay-moi/nguyen-van-an.pdf`).
    pub path: String,
    pub kind: DocKind,
    /// What it is made from: the same key means the same file.
    pub key: String,
    /// The new bytes; `None` when the previous build's file is kept as it is.
    pub bytes: Option<Vec<u8>>,
}

impl Artefact {
    /// Whether this build rendered it (rather than keeping the previous file).
    pub fn rendered(&self) -> bool {
        self.bytes.is_some()
    }
}
