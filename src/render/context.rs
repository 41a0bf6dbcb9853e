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
    /// Where large jobs set their files aside.
    pub spill: &'a Spill,
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
        Ok((Artefact { path: path.into(), kind, key, bytes: Some(bytes.into()) }, warnings))
    }

    /// An XLSX file: cheap to make, so always made; written only when its bytes change.
    pub fn xlsx(&self, path: &str, kind: DocKind, bytes: Vec<u8>) -> Artefact {
        Artefact { path: path.into(), kind, key: crate::pack::sha256(&bytes), bytes: Some(bytes.into()) }
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

/// Gives rayon's global pool, which Typst and krilla use inside a compile or an export,
/// stacks deep enough for Typst (rayon's 2 MiB default aborts the process on deep
/// templates). Done once per process; a pool someone else built first is left as it is.
pub(crate) fn deep_stacks() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .stack_size(16 << 20)
            .thread_name(|i| format!("vanthu-typst-{i}"))
            .build_global();
    });
}

/// `f` on every item, on one thread per core (with deep stacks); the results in item order.
///
/// Plain threads, not rayon: Typst and krilla wait on rayon joins inside a compile or an
/// export, and a rayon worker waiting there steals the next item's job, so exports nest
/// inside exports until the stack overflows (10,000 invitations did, 29,000 frames deep).
/// A plain thread's work cannot be stolen.
pub(crate) fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|i| {
                std::thread::Builder::new()
                    .name(format!("vanthu-render-{i}"))
                    .stack_size(16 << 20)
                    .spawn_scoped(s, || {
                        let mut mine = Vec::new();
                        loop {
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(k) else { break };
                            mine.push((k, f(item)));
                        }
                        mine
                    })
                    .expect("a thread can be started")
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (k, r) in done {
        slots[k] = Some(r);
    }
    slots.into_iter().map(|r| r.expect("every item ran")).collect()
}

/// Where the files of a large job wait for the write stage: a temporary folder, made on
/// first use and deleted with the last file set aside in it.
#[derive(Default)]
pub(crate) struct Spill(std::sync::OnceLock<Result<std::sync::Arc<tempfile::TempDir>, String>>);

impl Spill {
    /// `bytes` set aside; an error names `path`, the pack file they are for.
    pub fn body(&self, bytes: &[u8], path: &str) -> Result<crate::pack::Body, Diagnostics> {
        let dir = self.0.get_or_init(|| {
            tempfile::Builder::new().prefix("vanthu-").tempdir().map(std::sync::Arc::new).map_err(|e| e.to_string())
        });
        let fail = |e: String| -> Diagnostics {
            crate::diag::Diagnostic::error(
                "write-failed",
                crate::diag::Loc::File { file: path.into() },
                crate::diag::Text::new(
                    format!("không ghi được tệp tạm trong thư mục tạm của máy ({e})"),
                    format!("cannot write a temporary file in the system's temporary folder ({e})"),
                ),
            )
            .with_hint(crate::diag::Text::new(
                "giải phóng dung lượng ổ đĩa rồi chạy lại",
                "free some disk space and run again",
            ))
            .into()
        };
        let dir = dir.as_ref().map_err(|e| fail(e.clone()))?;
        crate::pack::Body::spill(dir, bytes).map_err(|e| fail(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::each;

    #[test]
    fn each_keeps_the_items_order_whatever_thread_ran_them() {
        let items: Vec<u64> = (0..1000).collect();
        let out = each(&items, |n| {
            // Uneven work, so the threads finish out of order.
            (0..(n % 7) * 1000).fold(*n, |a, _| std::hint::black_box(a))
        });
        assert_eq!(out, items);
        assert!(each(&[] as &[u8], |_| 0).is_empty());
    }
}
