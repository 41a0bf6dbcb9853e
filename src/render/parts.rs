//! Documents made of one part per person (invitations, certificates): a merged PDF for
//! printing and one PDF per part, from a single layout.
//!
//! The parts are laid out in a few chunks in parallel (one Typst compile each); each
//! part's pages are then exported on their own, and the chunks' pages together make the
//! merged file. Personal copies are therefore exactly the printed pages. A template marks
//! where each part starts with `#metadata(id) <vanthu-part>`.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;
use typst_layout::PagedDocument;

use super::typst::{self as ty, Engine};
use super::{Artefact, Kind, Progress, dedup, ident};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::text::Date;

/// A template view whose list of parts can be replaced.
pub trait PartsView: Serialize + Clone + Send + Sync {
    type Item: Serialize + Clone + Send + Sync;
    fn with_items(&self, items: Vec<Self::Item>) -> Self;
}

/// One part: its id (as the template's metadata carries it), its file, its data.
pub struct Part<I> {
    pub id: String,
    /// Who or what the part is, for messages (`Nguyễn Văn An`).
    pub name: String,
    pub path: String,
    pub item: I,
}

/// What to render.
pub struct PartsJob<'a, V: PartsView> {
    pub engine: &'a Engine,
    pub template: &'static str,
    pub kind: Kind,
    /// The PDF timestamp's date.
    pub date: Date,
    pub base: &'a V,
    pub merged_path: &'static str,
    pub label: &'static str,
    pub parts: Vec<Part<V::Item>>,
    /// Parts longer than this many pages are built but warned about (an invitation must
    /// fit on one page).
    pub max_pages: Option<usize>,
}

fn json<V: Serialize>(v: &V) -> Vec<u8> {
    serde_json::to_vec(v).expect("views serialise")
}

/// Renders the merged file and every part. Nothing for an empty list.
pub fn render_parts<V: PartsView>(
    job: PartsJob<'_, V>,
    progress: &dyn Progress,
) -> Result<(Vec<Artefact>, Diagnostics), Diagnostics> {
    let PartsJob { engine, template, kind, date, base, merged_path, label, parts, max_pages } = job;
    if parts.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    progress.start(label, parts.len() + 1);
    let chunk = parts.len().div_ceil(rayon::current_num_threads() * 2).max(8);
    let compiled: Vec<Result<(PagedDocument, Diagnostics), Diagnostics>> = parts
        .par_chunks(chunk)
        .map(|c| {
            let view = base.with_items(c.iter().map(|p| p.item.clone()).collect());
            engine.compile(template, json(&view))
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
    if errors.has_errors() {
        return Err(dedup(errors));
    }

    // Where each part's pages are.
    let mut found: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (id, pages) in ty::parts(doc) {
            found.insert(id, (d, pages));
        }
    }
    if let Some(missing) = parts.iter().find(|p| !found.contains_key(&p.id)) {
        return Err(Diagnostic::error(
            "template",
            Loc::File { file: engine.templates().display(template).into() },
            Text::new(
                format!("mẫu không đánh dấu phần của {} (cần `#metadata(id) <vanthu-part>` ở đầu mỗi phần)", missing.id),
                format!("the template does not mark the part of {} (needs `#metadata(id) <vanthu-part>` at the start of each part)", missing.id),
            ),
        )
        .into());
    }
    if let Some(max) = max_pages {
        for p in &parts {
            let n = found[&p.id].1.len();
            if n > max {
                warnings.push(Diagnostic::warning(
                    "too-long",
                    Loc::File { file: p.path.as_str().into() },
                    Text::new(
                        format!("{} của {} dài {n} trang (cần {max}): rút gọn nội dung hoặc ghi chú", label, p.name),
                        format!(
                            "the {label} of {} runs to {n} pages ({max} expected): shorten the text or notes",
                            p.name
                        ),
                    ),
                ));
            }
        }
    }
    let merged_doc = ty::concat_documents(&docs).expect("at least one chunk");
    let merged_ident = ident(engine, template, &json(&base.with_items(parts.iter().map(|p| p.item.clone()).collect())));

    let (merged, singles) = rayon::join(
        || {
            let bytes = engine.pdf(&merged_doc, &merged_ident, date)?;
            progress.inc();
            Ok::<_, Diagnostics>(Artefact { path: merged_path.to_string(), kind, bytes })
        },
        || {
            parts
                .par_iter()
                .map(|p| {
                    let (d, pages) = &found[&p.id];
                    let doc = ty::sub_document(&docs[*d], pages.clone());
                    let id = ident(engine, template, &json(&base.with_items(vec![p.item.clone()])));
                    let bytes = engine.pdf(&doc, &id, date)?;
                    progress.inc();
                    Ok(Artefact { path: p.path.clone(), kind, bytes })
                })
                .collect::<Vec<Result<Artefact, Diagnostics>>>()
        },
    );
    let mut artefacts = Vec::with_capacity(parts.len() + 1);
    for r in std::iter::once(merged).chain(singles) {
        match r {
            Ok(a) => artefacts.push(a),
            Err(e) => errors.extend(e),
        }
    }
    // Layout caches are only useful within one document family.
    typst::comemo::evict(0);
    progress.finish();
    if errors.has_errors() { Err(dedup(errors)) } else { Ok((artefacts, dedup(warnings))) }
}
