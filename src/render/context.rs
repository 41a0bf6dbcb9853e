//! What every document family renders with, and the one way a PDF is made or kept.

use super::progress::Progress;
use super::typst::Engine;
use crate::diag::Diagnostics;
use crate::pack::{Artefact, DocKind, Reuse};

/// The files of one document family and the warnings of their templates.
pub(crate) type Rendered = Result<(Vec<Artefact>, Diagnostics), Diagnostics>;

/// What every document family renders with.
pub(crate) struct Ctx<'a> {
    pub engine: &'a Engine,
    /// The previous build's files that can be kept.
    pub reuse: &'a Reuse,
    pub progress: &'a dyn Progress,
    /// The font families templates set text in.
    pub font: Vec<&'static str>,
}

impl Ctx<'_> {
    /// One PDF of one template, rendered — or kept, when the previous build made the same
    /// file from the same data. `check` looks at the laid-out document (page counts).
    pub fn pdf<V: serde::Serialize>(
        &self,
        template: &str,
        view: &V,
        path: &str,
        kind: DocKind,
        date: crate::text::Date,
        check: impl Fn(&typst_layout::PagedDocument) -> Option<crate::diag::Diagnostic>,
    ) -> Result<(Artefact, Diagnostics), Diagnostics> {
        let data = serde_json::to_vec(view).expect("views serialise");
        let key = ident(self.engine, template, &data);
        if self.reuse.keeps(path, &key) {
            return Ok((Artefact { path: path.into(), kind, key, bytes: None }, Diagnostics::new()));
        }
        let (doc, mut warnings) = self.engine.compile(template, data)?;
        warnings.extend(check(&doc).into_iter().collect());
        let bytes = self.engine.pdf(&doc, &key, date)?;
        Ok((Artefact { path: path.into(), kind, key, bytes: Some(bytes) }, warnings))
    }

    /// An XLSX file: cheap to make, so always made; written only when its bytes change.
    pub fn xlsx(&self, path: &str, kind: DocKind, bytes: Vec<u8>) -> Artefact {
        Artefact { path: path.into(), kind, key: crate::pack::sha256(&bytes), bytes: Some(bytes) }
    }
}

/// The PDF identifier of a document, also its key in the manifest: a digest of the engine
/// version, its template set, fonts and data, so it changes exactly when the content does.
pub(crate) fn ident(engine: &Engine, template: &str, data: &[u8]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(template.as_bytes());
    h.update(engine.fingerprint_for(template).as_bytes());
    h.update(data);
    format!("{:x}", h.finalize())[..32].to_string()
}

/// The same template warning from 260 documents is one warning.
pub(crate) fn dedup(diags: Diagnostics) -> Diagnostics {
    let mut seen = Vec::new();
    diags
        .into_vec()
        .into_iter()
        .filter(|d| {
            let key = (d.loc.clone(), d.message.vi.clone());
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        })
        .collect()
}

/// A thread pool whose stacks are deep enough for Typst (rayon's 2 MiB default aborts
/// the process on deep templates).
pub(crate) fn pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .thread_name(|i| format!("vanthu-render-{i}"))
        .build()
        .expect("a thread pool can be created")
}
