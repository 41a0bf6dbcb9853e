//! Documents made of one part per person (invitations, certificates): print files and one
//! PDF per part, from a single layout.
//!
//! The parts go in volumes of at most [`VOLUME`] (one print file each; a conference of up to
//! that many has one, `giay-moi.pdf`, larger ones `giay-moi-01.pdf`, `giay-moi-02.pdf`, …),
//! and one volume at a time is laid out, in chunks of [`CHUNK`] parts (one Typst compile
//! each) on one thread per core. Each part's pages are exported on their own and the
//! volume's pages together make its print file, so personal copies are exactly the printed
//! pages. The volume's layouts are then dropped and Typst's caches emptied, and the files
//! of a job larger than one volume are set aside on disk until the write stage: memory does
//! not grow with the number of people. A template marks where each part starts with
//! `#metadata(id) <vanthu-part>`.
//!
//! On a rebuild, a part whose data did not change keeps its file, and a volume none of whose
//! parts changed is not laid out at all. In a volume where some did, every part is laid out
//! again (its print file needs every page) but only the changed parts and the print file
//! are exported.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use typst_layout::PagedDocument;

use super::context::{Ctx, Rendered, dedup, each, ident};
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

/// Parts per print file. One volume is laid out at a time, so this bounds the memory a
/// job needs (about 0.3 MB a laid-out page).
pub(crate) const VOLUME: usize = 500;
/// Parts per Typst compile. Small documents keep layout time linear in the parts (chunks
/// of 500 invitations took 1.5× as long per part as chunks of 16) and spread evenly over
/// the cores.
const CHUNK: usize = 16;

fn json<V: Serialize>(v: &V) -> Vec<u8> {
    serde_json::to_vec(v).expect("views serialise")
}

/// Renders the print files and every part (nothing for an empty list), keeping the files
/// whose data did not change.
pub(crate) fn render_parts<V: PartsView>(job: PartsJob<'_, V>, ctx: &Ctx<'_>) -> Rendered {
    if job.parts.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let volumes = Volume::split(&job, ctx);
    let work: usize = volumes.iter().filter(|v| v.needs_layout()).map(Volume::exports).sum();
    let mut artefacts = Vec::with_capacity(job.parts.len() + volumes.len());
    if work == 0 {
        volumes.iter().for_each(|v| artefacts.extend(v.all_kept(&job)));
        return Ok((artefacts, Diagnostics::new()));
    }
    ctx.progress.start(job.label, work);
    let mut warnings = Diagnostics::new();
    let spill = volumes.len() > 1;
    for v in &volumes {
        if !v.needs_layout() {
            artefacts.extend(v.all_kept(&job));
            continue;
        }
        let docs = compile_chunks(&job, v, ctx.engine, &mut warnings)?;
        let found = locate(&job, v, &docs, ctx.engine)?;
        warn_long_parts(&job, v, &found, &mut warnings);
        warn_overflows(&job, v, &docs, &found, &mut warnings);
        artefacts.extend(export(&job, v, &docs, &found, ctx, spill)?);
        drop(docs);
        // Layout caches are only useful within one volume of one document family.
        typst::comemo::evict(0);
    }
    ctx.progress.finish();
    Ok((artefacts, dedup(warnings)))
}

/// Up to [`VOLUME`] consecutive parts and their print file, with every key and which files
/// must be made again.
struct Volume {
    parts: Range<usize>,
    /// The print file: the job's own name when there is one volume, numbered otherwise.
    path: String,
    key: String,
    stale: bool,
    /// Each part's key and whether its file must be made again.
    keys: Vec<String>,
    stale_parts: Vec<bool>,
}

impl Volume {
    fn split<V: PartsView>(job: &PartsJob<'_, V>, ctx: &Ctx<'_>) -> Vec<Volume> {
        let engine = ctx.engine;
        let count = job.parts.len().div_ceil(VOLUME);
        let width = count.to_string().len().max(2);
        let (stem, ext) = job.merged_path.rsplit_once('.').unwrap_or((job.merged_path, "pdf"));
        (0..count)
            .map(|i| {
                let range = i * VOLUME..((i + 1) * VOLUME).min(job.parts.len());
                let parts = &job.parts[range.clone()];
                let path =
                    if count == 1 { job.merged_path.to_string() } else { format!("{stem}-{:0width$}.{ext}", i + 1) };
                let items = parts.iter().map(|p| p.item.clone()).collect();
                let key = ident(engine, job.template, &json(&job.base.with_items(items)));
                let keys: Vec<String> = parts
                    .iter()
                    .map(|p| ident(engine, job.template, &json(&job.base.with_items(vec![p.item.clone()]))))
                    .collect();
                let stale_parts = parts.iter().zip(&keys).map(|(p, k)| !ctx.reuse.keeps(&p.path, k)).collect();
                let stale = !ctx.reuse.keeps(&path, &key);
                Volume { parts: range, path, key, stale, keys, stale_parts }
            })
            .collect()
    }

    fn needs_layout(&self) -> bool {
        self.stale || self.stale_parts.contains(&true)
    }

    /// The files to export when the volume is laid out.
    fn exports(&self) -> usize {
        usize::from(self.stale) + self.stale_parts.iter().filter(|s| **s).count()
    }

    /// Every file of the volume, kept from the previous build.
    fn all_kept<V: PartsView>(&self, job: &PartsJob<'_, V>) -> Vec<Artefact> {
        let parts = job.parts[self.parts.clone()].iter().zip(&self.keys).map(|(p, k)| kept(job, &p.path, k));
        parts.chain([kept(job, &self.path, &self.key)]).collect()
    }
}

/// A file kept from the previous build.
fn kept<V: PartsView>(job: &PartsJob<'_, V>, path: &str, key: &str) -> Artefact {
    Artefact { path: path.to_string(), kind: job.kind, key: key.to_string(), bytes: None }
}

/// The volume's parts laid out in chunks of [`CHUNK`] on every core (one Typst compile
/// each); the templates' warnings added to `warnings`.
fn compile_chunks<V: PartsView>(
    job: &PartsJob<'_, V>,
    volume: &Volume,
    engine: &Engine,
    warnings: &mut Diagnostics,
) -> Result<Vec<PagedDocument>, Diagnostics> {
    let chunks: Vec<&[Part<V::Item>]> = job.parts[volume.parts.clone()].chunks(CHUNK).collect();
    let compiled = each(&chunks, |c| {
        let view = job.base.with_items(c.iter().map(|p| p.item.clone()).collect());
        engine.compile(job.template, json(&view))
    });
    let mut docs = Vec::with_capacity(compiled.len());
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
    if errors.has_errors() { Err(dedup(errors)) } else { Ok(docs) }
}

/// Where each of the volume's parts' pages are: part id → (chunk, page range). A part the
/// template did not mark is an error.
fn locate<V: PartsView>(
    job: &PartsJob<'_, V>,
    volume: &Volume,
    docs: &[PagedDocument],
    engine: &Engine,
) -> Result<HashMap<String, (usize, Range<usize>)>, Diagnostics> {
    let mut found: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (id, pages) in ty::parts(doc) {
            found.insert(id, (d, pages));
        }
    }
    if let Some(missing) = job.parts[volume.parts.clone()].iter().find(|p| !found.contains_key(&p.id)) {
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
    volume: &Volume,
    found: &HashMap<String, (usize, Range<usize>)>,
    warnings: &mut Diagnostics,
) {
    let Some(max) = job.max_pages else { return };
    let label = job.label;
    for p in &job.parts[volume.parts.clone()] {
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
    volume: &Volume,
    docs: &[PagedDocument],
    found: &HashMap<String, (usize, Range<usize>)>,
    warnings: &mut Diagnostics,
) {
    let parts = &job.parts[volume.parts.clone()];
    for (d, doc) in docs.iter().enumerate() {
        for (name, page) in ty::overflows(doc) {
            let Some(p) = parts.iter().find(|p| found[&p.id].0 == d && found[&p.id].1.contains(&page)) else {
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

/// One file to export from a laid-out volume.
enum Export {
    /// The volume's print file (all its pages).
    Print,
    /// One part's own file (index in the volume).
    Part(usize),
}

/// The volume's print file and each of its stale parts (its own pages), exported on every
/// core, the print file first (it takes longest); the others kept. With `spill`, the bytes
/// are set aside on disk at once.
fn export<V: PartsView>(
    job: &PartsJob<'_, V>,
    volume: &Volume,
    docs: &[PagedDocument],
    found: &HashMap<String, (usize, Range<usize>)>,
    ctx: &Ctx<'_>,
    spill: bool,
) -> Result<Vec<Artefact>, Diagnostics> {
    let (engine, progress, date) = (ctx.engine, ctx.progress, job.date);
    let parts = &job.parts[volume.parts.clone()];
    let print = volume.stale.then(|| ty::concat_documents(docs).expect("at least one chunk"));
    let mut jobs: Vec<Export> = print.iter().map(|_| Export::Print).collect();
    jobs.extend((0..parts.len()).filter(|i| volume.stale_parts[*i]).map(Export::Part));
    let made = each(&jobs, |e| {
        let (path, key, bytes) = match e {
            Export::Print => {
                let doc = print.as_ref().expect("a print job has its document");
                (&volume.path, &volume.key, engine.pdf(doc, &volume.key, date)?)
            }
            Export::Part(i) => {
                let (d, pages) = &found[&parts[*i].id];
                let doc = ty::sub_document(&docs[*d], pages.clone());
                (&parts[*i].path, &volume.keys[*i], engine.pdf(&doc, &volume.keys[*i], date)?)
            }
        };
        let body = if spill { ctx.spill.body(&bytes, path)? } else { bytes.into() };
        progress.inc();
        Ok::<_, Diagnostics>(Artefact { path: path.clone(), kind: job.kind, key: key.clone(), bytes: Some(body) })
    });
    let mut artefacts: Vec<Artefact> = Vec::with_capacity(parts.len() + 1);
    if !volume.stale {
        artefacts.push(kept(job, &volume.path, &volume.key));
    }
    artefacts.extend(
        parts
            .iter()
            .zip(&volume.keys)
            .zip(&volume.stale_parts)
            .filter(|(_, s)| !**s)
            .map(|((p, k), _)| kept(job, &p.path, k)),
    );
    let mut errors = Diagnostics::new();
    for r in made {
        match r {
            Ok(a) => artefacts.push(a),
            Err(e) => errors.extend(e),
        }
    }
    if errors.has_errors() { Err(dedup(errors)) } else { Ok(artefacts) }
}
