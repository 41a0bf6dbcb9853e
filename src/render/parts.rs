//! Documents made of one part per person (invitations, certificates): a merged PDF for
//! printing and one PDF per part, from a single layout.
//!
//! The parts are laid out in a few chunks in parallel (one Typst compile each); each
//! part's pages are then exported on their own, and the chunks' pages together make the
//! merged file. Personal copies are therefore exactly the printed pages. A template marks
//! where each part starts with `#metadata(id) <vanthu-part>`.
//!
//! On a rebuild, a part whose data did not change keeps its file; when no part changed
//! nothing is laid out at all. When some did, everything is laid out again (the merged
//! file needs every page) but only the changed parts and the merged file are exported.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;
use typst_layout::PagedDocument;

use super::context::{Ctx, Rendered, dedup, ident};
use super::typst::{self as ty, Engine};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::pack::{Artefact, DocKind};
use crate::text::Date;

/// A template view whose list of parts can be replaced.
pub(crate) trait PartsView: Serialize + Clone + Send + Sync {
    type Item: Serialize + Clone + Send + Sync;
    fn with_items(&self, items: Vec<Self::Item>) -> Self;
}

/// One part: its id (as the template's metadata carries it), its file, its data.
pub(crate) struct Part<I> {
    pub id: String,
    /// Who or what the part is, for messages (`Nguyễn Văn An`).
    pub name: String,
    pub path: String,
    pub item: I,
    /// Where the part's fields come from, to say where text too long for its box is.
    pub src: Option<crate::model::Src>,
}

/// What to render.
pub(crate) struct PartsJob<'a, V: PartsView> {
    pub template: &'a str,
    pub kind: DocKind,
    /// The PDF timestamp's date.
    pub date: Date,
    pub base: &'a V,
    pub merged_path: &'a str,
    pub label: &'a str,
    pub parts: Vec<Part<V::Item>>,
    /// Parts longer than this many pages are built but warned about (an invitation must
    /// fit on one page).
    pub max_pages: Option<usize>,
}

fn json<V: Serialize>(v: &V) -> Vec<u8> {
    serde_json::to_vec(v).expect("views serialise")
}

/// Renders the merged file and every part (nothing for an empty list), keeping the files
/// whose data did not change.
pub(crate) fn render_parts<V: PartsView>(job: PartsJob<'_, V>, ctx: &Ctx<'_>) -> Rendered {
    let (engine, progress) = (ctx.engine, ctx.progress);
    if job.parts.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let keys = Keys::of(&job, ctx);
    if !keys.merged_stale && !keys.stale.contains(&true) {
        let mut all: Vec<Artefact> = job.parts.iter().zip(&keys.parts).map(|(p, k)| kept(&job, &p.path, k)).collect();
        all.push(kept(&job, job.merged_path, &keys.merged));
        return Ok((all, Diagnostics::new()));
    }
    progress.start(job.label, keys.stale.iter().filter(|s| **s).count() + 1);
    let (docs, mut warnings) = compile_chunks(&job, engine)?;
    let found = locate(&job, &docs, engine)?;
    warn_long_parts(&job, &found, &mut warnings);
    warn_overflows(&job, &docs, &found, &mut warnings);
    let result = export(&job, &keys, &docs, &found, ctx);
    // Layout caches are only useful within one document family.
    typst::comemo::evict(0);
    progress.finish();
    result.map(|artefacts| (artefacts, dedup(warnings)))
}

/// The key of every part and of the merged file, and which must be rendered again.
struct Keys {
    parts: Vec<String>,
    merged: String,
    stale: Vec<bool>,
    merged_stale: bool,
}

impl Keys {
    fn of<V: PartsView>(job: &PartsJob<'_, V>, ctx: &Ctx<'_>) -> Keys {
        let engine = ctx.engine;
        let parts: Vec<String> = job
            .parts
            .iter()
            .map(|p| ident(engine, job.template, &json(&job.base.with_items(vec![p.item.clone()]))))
            .collect();
        let merged = ident(
            engine,
            job.template,
            &json(&job.base.with_items(job.parts.iter().map(|p| p.item.clone()).collect())),
        );
        let stale = job.parts.iter().zip(&parts).map(|(p, k)| !ctx.reuse.keeps(&p.path, k)).collect();
        let merged_stale = !ctx.reuse.keeps(job.merged_path, &merged);
        Keys { parts, merged, stale, merged_stale }
    }
}

/// A file kept from the previous build.
fn kept<V: PartsView>(job: &PartsJob<'_, V>, path: &str, key: &str) -> Artefact {
    Artefact { path: path.to_string(), kind: job.kind, key: key.to_string(), bytes: None }
}

/// The parts laid out in a few chunks in parallel (one Typst compile each).
fn compile_chunks<V: PartsView>(
    job: &PartsJob<'_, V>,
    engine: &Engine,
) -> Result<(Vec<PagedDocument>, Diagnostics), Diagnostics> {
    let chunk = job.parts.len().div_ceil(rayon::current_num_threads() * 2).max(8);
    let compiled: Vec<Result<(PagedDocument, Diagnostics), Diagnostics>> = job
        .parts
        .par_chunks(chunk)
        .map(|c| {
            let view = job.base.with_items(c.iter().map(|p| p.item.clone()).collect());
            engine.compile(job.template, json(&view))
        })
        .collect();
    let mut docs = Vec::new();
    let mut warnings = Diagnostics::new();
    let mut errors = Diagnostics::new();
    for r in compiled {
        match r {
            Ok((doc, w)) => {
                docs.push(doc);
                warnings.extend(w);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.has_errors() { Err(dedup(errors)) } else { Ok((docs, warnings)) }
}

/// Where each part's pages are: part id → (chunk, page range). A part the template did
/// not mark is an error.
fn locate<V: PartsView>(
    job: &PartsJob<'_, V>,
    docs: &[PagedDocument],
    engine: &Engine,
) -> Result<HashMap<String, (usize, Range<usize>)>, Diagnostics> {
    let mut found: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (id, pages) in ty::parts(doc) {
            found.insert(id, (d, pages));
        }
    }
    if let Some(missing) = job.parts.iter().find(|p| !found.contains_key(&p.id)) {
        return Err(Diagnostic::error(
            "template",
            Loc::File { file: engine.templates().display(job.template).into() },
            Text::new(
                format!("mẫu không đánh dấu phần của {} (cần `#metadata(id) <vanthu-part>` ở đầu mỗi phần)", missing.id),
                format!("the template does not mark the part of {} (needs `#metadata(id) <vanthu-part>` at the start of each part)", missing.id),
            ),
        )
        .into());
    }
    Ok(found)
}

/// Parts longer than the job allows are built but warned about (an invitation must fit on
/// one page).
fn warn_long_parts<V: PartsView>(
    job: &PartsJob<'_, V>,
    found: &HashMap<String, (usize, Range<usize>)>,
    warnings: &mut Diagnostics,
) {
    let Some(max) = job.max_pages else { return };
    let label = job.label;
    for p in &job.parts {
        let n = found[&p.id].1.len();
        if n > max {
            warnings.push(Diagnostic::warning(
                "too-long",
                Loc::File { file: p.path.as_str().into() },
                Text::new(
                    format!("{} của {} dài {n} trang (cần {max}): rút gọn nội dung hoặc ghi chú", label, p.name),
                    format!("the {label} of {} runs to {n} pages ({max} expected): shorten the text or notes", p.name),
                ),
            ));
        }
    }
}

/// Text that does not fit its box even at its smallest size overprints its neighbours:
/// said at the cell it comes from.
fn warn_overflows<V: PartsView>(
    job: &PartsJob<'_, V>,
    docs: &[PagedDocument],
    found: &HashMap<String, (usize, Range<usize>)>,
    warnings: &mut Diagnostics,
) {
    for (d, doc) in docs.iter().enumerate() {
        for (name, page) in ty::overflows(doc) {
            let Some(p) = job.parts.iter().find(|p| found[&p.id].0 == d && found[&p.id].1.contains(&page)) else {
                continue;
            };
            let field = if name == "achievement" { "Thành tích" } else { "Chức vụ, đơn vị" };
            let field_en = if name == "achievement" { "achievement" } else { "position and unit" };
            let loc = p.src.as_ref().map_or_else(|| Loc::File { file: p.path.as_str().into() }, |s| s.loc(&name));
            warnings.push(
                Diagnostic::warning(
                    "text-overflow",
                    loc,
                    Text::new(
                        format!(
                            "{field} của {} quá dài: trên {} chữ tràn ra ngoài ô, đè lên dòng khác",
                            p.name, p.path
                        ),
                        format!(
                            "the {field_en} of {} is too long: on {} it runs out of its box over other lines",
                            p.name, p.path
                        ),
                    ),
                )
                .with_hint(Text::new("rút gọn nội dung ô này", "shorten this cell")),
            );
        }
    }
}

/// The merged file (all chunks' pages) and each stale part (its own pages), exported in
/// parallel; the others kept.
fn export<V: PartsView>(
    job: &PartsJob<'_, V>,
    keys: &Keys,
    docs: &[PagedDocument],
    found: &HashMap<String, (usize, Range<usize>)>,
    ctx: &Ctx<'_>,
) -> Result<Vec<Artefact>, Diagnostics> {
    let (engine, progress, kind, date) = (ctx.engine, ctx.progress, job.kind, job.date);
    let merged_doc = ty::concat_documents(docs).expect("at least one chunk");
    let (merged, singles) = rayon::join(
        || {
            if !keys.merged_stale {
                return Ok(kept(job, job.merged_path, &keys.merged));
            }
            let bytes = engine.pdf(&merged_doc, &keys.merged, date)?;
            progress.inc();
            Ok::<_, Diagnostics>(Artefact {
                path: job.merged_path.to_string(),
                kind,
                key: keys.merged.clone(),
                bytes: Some(bytes),
            })
        },
        || {
            job.parts
                .par_iter()
                .zip(keys.parts.par_iter())
                .zip(keys.stale.par_iter())
                .map(|((p, key), &stale)| {
                    if !stale {
                        return Ok(kept(job, &p.path, key));
                    }
                    let (d, pages) = &found[&p.id];
                    let doc = ty::sub_document(&docs[*d], pages.clone());
                    let bytes = engine.pdf(&doc, key, date)?;
                    progress.inc();
                    Ok(Artefact { path: p.path.clone(), kind, key: key.clone(), bytes: Some(bytes) })
                })
                .collect::<Vec<Result<Artefact, Diagnostics>>>()
        },
    );
    let mut artefacts = Vec::with_capacity(job.parts.len() + 1);
    let mut errors = Diagnostics::new();
    for r in std::iter::once(merged).chain(singles) {
        match r {
            Ok(a) => artefacts.push(a),
            Err(e) => errors.extend(e),
        }
    }
    if errors.has_errors() { Err(dedup(errors)) } else { Ok(artefacts) }
}
