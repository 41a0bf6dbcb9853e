//! The pipeline, stage by stage, each timed:
//!
//! ```text
//! load → normalise → validate → plan → render → write
//! ```
//!
//! `check` runs the stages up to plan; `build` runs them all. Every stage before write works
//! in memory, so invalid input or a failing template writes nothing. Every stage pushes its
//! problems into one [`Diagnostics`] and returns `None` when it found an error.
//!
//! A rebuild keeps every file whose inputs did not change ([`Reuse`]) and reports what
//! changed since the previous build ([`Changes`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use crate::assets::{Fonts, TemplateStore};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::documents::TextFile;
use crate::input::{self, Source};
use crate::model::{Dataset, FontChoice};
use crate::normalize::{self, NormalizedDataset};
use crate::output::{self, Written};
use crate::pack::{self, Artefact, Changes, Changeset, DocKind, MANIFEST, Manifest, Reuse};
use crate::plan::Plan;
use crate::render::typst::Engine;
use crate::render::{self, Progress};
use crate::validate;

/// The embedded fonts, loaded once per process.
static EMBEDDED_FONTS: LazyLock<Arc<Fonts>> = LazyLock::new(|| Arc::new(Fonts::embedded()));
static TIMES_FONTS: LazyLock<Option<Arc<Fonts>>> = LazyLock::new(|| Fonts::with_times_new_roman().map(Arc::new));

/// The change report's file in the pack folder (beside the pack, not listed in its
/// manifest).
pub(crate) const CHANGES_FILE: &str = "thay-doi.xlsx";
/// The folder of every change report, one file per build that changed something.
pub(crate) const CHANGES_HISTORY: &str = "thay-doi";
/// The change report as data (what changed, what to print again), beside its workbook, for
/// the office's page.
pub const CHANGES_JSON: &str = "thay-doi.json";
/// Where packs go, one folder per conference id, unless `-o` says otherwise.
pub const OUTPUT_FOLDER: &str = "output";

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub source: Source,
    /// The pack folder; `output/<conference id>` under [`BuildConfig::root`] when `None`.
    pub out_dir: Option<PathBuf>,
    /// The folder `output/<conference id>` is in when `out_dir` is `None`: the current folder
    /// when `None` (the terminal), the conference's folder for `vanthu serve`.
    pub root: Option<PathBuf>,
    /// Kinds to build; empty means all.
    pub only: BTreeSet<DocKind>,
    /// Render everything, even what the previous build could keep.
    pub force: bool,
    /// Write into `out_dir` even when it holds files but is not a vanthu pack (`--ghi-de`).
    pub adopt: bool,
}

impl BuildConfig {
    /// The kinds this build makes.
    fn kinds(&self) -> BTreeSet<DocKind> {
        if self.only.is_empty() { DocKind::ALL.into_iter().collect() } else { self.only.clone() }
    }

    /// A build of some kinds only leaves the others, and the change reference, as they were.
    fn partial(&self) -> bool {
        !self.only.is_empty() && self.only.len() < DocKind::ALL.len()
    }
}

/// How long each stage took.
#[derive(Debug, Clone, Default)]
pub struct Timings(pub Vec<(&'static str, Duration)>);

impl Timings {
    fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.0.push((stage, start.elapsed()));
        out
    }
}

/// A validated conference ready to render.
pub struct Prepared {
    /// The cells as read and cleaned (what `convert` writes back).
    pub data: NormalizedDataset,
    pub dataset: Dataset,
    pub plan: Plan,
    pub fonts: Arc<Fonts>,
    /// The templates: built-in, overridden by a `templates/` folder beside the input.
    pub templates: TemplateStore,
}

/// The outcome of `check` or `build`.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diags: Diagnostics,
    pub timings: Timings,
    /// Set when the pack was written.
    pub written: Option<(PathBuf, Written)>,
    /// The files this build rendered with Typst (the others were kept from the last build).
    pub rendered: Vec<String>,
    /// What changed since the previous build.
    pub changes: Option<Changes>,
    /// Set when the failure is not the input's fault (a file could not be written).
    pub internal_failure: bool,
    /// Set when the command asked for what is not done (a folder that is not a pack).
    pub usage_error: bool,
}

fn fonts_for(choice: FontChoice, diags: &mut Diagnostics) -> Arc<Fonts> {
    if choice == FontChoice::TimesNewRoman {
        match TIMES_FONTS.as_ref() {
            Some(f) => return f.clone(),
            None => diags.push(Diagnostic::warning(
                "font-missing",
                None,
                Text::new(
                    "máy này không có phông Times New Roman: dùng Liberation Serif (cùng kích thước chữ)",
                    "Times New Roman is not installed here: using Liberation Serif (same metrics)",
                ),
            )),
        }
    }
    EMBEDDED_FONTS.clone()
}

/// load → normalise → validate → plan. `None` when the input has errors (all of them are
/// in `diags`).
pub fn prepare(source: &Source, diags: &mut Diagnostics, timings: &mut Timings) -> Option<Prepared> {
    prepare_with(source, None, diags, timings)
}

/// [`prepare`], with `files` as the text documents instead of the `van-ban/` folder's.
fn prepare_with(
    source: &Source,
    files: Option<Vec<TextFile>>,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<Prepared> {
    let (raw, files) = timings.time("load", || {
        let raw = input::load(source, diags);
        (raw, files.unwrap_or_else(|| input::documents::of(source, diags)))
    });
    let raw = raw?;
    let (data, files) = timings.time("normalise", || {
        (normalize::normalize(raw, diags), files.into_iter().map(normalize::text_file).collect::<Vec<_>>())
    });
    let (dataset, fonts, docs) = timings.time("validate", || {
        let dataset = validate::validate(&data, diags);
        let docs = validate::documents::documents(&files, diags);
        // The glyph check needs the chosen font; it runs even when other rules failed, so
        // every problem is reported at once.
        let choice = dataset.as_ref().map_or(FontChoice::Liberation, |d| d.font);
        let fonts = fonts_for(choice, diags);
        validate::check_glyphs(&data, &|c| fonts.covers(c), diags);
        for f in &files {
            validate::check_text_glyphs(f, &|c| fonts.covers(c), diags);
        }
        dataset.filter(|_| !diags.has_errors()).map(|d| (d, fonts, docs))
    })?;
    let templates = template_store(source);
    let plan = timings.time("plan", || Plan::build(&dataset, &docs, &templates, diags))?;
    Some(Prepared { data, dataset, plan, fonts, templates })
}

/// `vanthu check`: every problem, nothing written.
pub fn check(source: &Source) -> Outcome {
    let mut outcome = Outcome::default();
    prepare(source, &mut outcome.diags, &mut outcome.timings);
    outcome
}

/// The templates a build uses: the built-in ones, overridden by `templates/` next to the
/// input.
pub(crate) fn template_store(source: &Source) -> TemplateStore {
    match source.dir() {
        Some(dir) => TemplateStore::with_overrides(&dir.join("templates")),
        None => TemplateStore::builtin(),
    }
}

/// The previous build's manifest in `dir` (empty when there is none; warned about and
/// empty when it cannot be read, so the pack is rebuilt whole).
fn previous_manifest(dir: &Path, diags: &mut Diagnostics) -> Manifest {
    Manifest::load_checked(dir).unwrap_or_else(|e| {
        diags.push(Diagnostic::warning(
            "manifest-unreadable",
            Loc::File { file: dir.join(MANIFEST).display().to_string().into() },
            Text::new(
                format!("không đọc được danh mục tệp của lần tạo trước ({e}): tạo lại toàn bộ"),
                format!("the previous build's manifest cannot be read ({e}): everything is rebuilt"),
            ),
        ));
        Manifest::default()
    })
}

/// A document the data cannot make (its sheet is empty or missing) is said, so the clerk
/// knows why it is not in the pack.
fn note_kinds_not_made(kinds: &BTreeSet<DocKind>, artefacts: &[Artefact], ds: &Dataset, diags: &mut Diagnostics) {
    // Most conferences have no text documents and hold no vote: their absence is said only
    // when asked for.
    let asked = |k: &DocKind| !matches!(k, DocKind::Documents | DocKind::Votes) || kinds.len() == 1;
    for kind in kinds.iter().filter(|k| asked(k) && !artefacts.iter().any(|a| a.kind == **k)) {
        diags.push(Diagnostic::note("not-made", Loc::File { file: ds.file.clone() }, kind.not_made()));
    }
}

/// `vanthu build`: the whole pipeline.
pub fn build(config: &BuildConfig, progress: &dyn Progress) -> Outcome {
    let mut o = Outcome::default();
    let Some(Prepared { dataset, plan, fonts, templates, .. }) = prepare(&config.source, &mut o.diags, &mut o.timings)
    else {
        return o;
    };
    let kinds = config.kinds();
    let dir = config
        .out_dir
        .clone()
        .unwrap_or_else(|| config.root.clone().unwrap_or_default().join(OUTPUT_FOLDER).join(&dataset.id));
    if let Err(d) = output::claim(&dir, config.adopt) {
        o.diags.push(d);
        o.usage_error = true;
        return o;
    }
    // One build at a time per folder, from reading its manifest to writing the new one.
    let _lock = match output::PackLock::take(&dir) {
        Ok(lock) => lock,
        Err(d) => {
            o.diags.push(d);
            o.internal_failure = true;
            return o;
        }
    };
    let previous = previous_manifest(&dir, &mut o.diags);
    let reuse = if config.force { Reuse::none() } else { o.timings.time("check", || Reuse::of(&dir, &previous)) };
    let engine = Engine::new(fonts, templates, config.source.dir(), dataset.conference.date);
    let artefacts = o
        .timings
        .time("render", || render::render_all(&dataset, &plan, &engine, &kinds, &reuse, progress, &mut o.diags));
    let Some(artefacts) = artefacts else { return o };
    note_kinds_not_made(&kinds, &artefacts, &dataset, &mut o.diags);
    o.rendered =
        artefacts.iter().filter(|a| a.rendered() && a.path.ends_with(".pdf")).map(|a| a.path.clone()).collect();
    let snapshot = pack::snapshot(&dataset, &plan);
    let keep = (!config.partial()).then(|| snapshot.clone());
    let mut changeset = Changeset::new(&dir, &previous, artefacts, &kinds, keep);
    let changes = Changes::new(previous.snapshot.as_ref(), &snapshot, &changeset.reprint, &changeset.remove);
    // A build that changed nothing keeps the last change report: its reprint list may not be
    // printed yet (one more build, or a no-op save under `watch`, must not wipe it). Every
    // build that changed something also leaves its report in `thay-doi/`, dated, so no
    // reprint list is ever lost.
    let changed =
        changes.first || !(changes.changes.is_empty() && changes.reprint.is_empty() && changes.removed.is_empty());
    if changed || !dir.join(CHANGES_FILE).exists() {
        let report = render::changes::workbook_bytes(&changes, &dataset);
        if changed {
            let stamp = chrono::Local::now().format("%Y-%m-%d_%H%M%S").to_string();
            let name = (1..)
                .map(|n| if n == 1 { format!("{stamp}.xlsx") } else { format!("{stamp}_{n}.xlsx") })
                .find(|n| !dir.join(CHANGES_HISTORY).join(n).exists())
                .expect("some name is free");
            changeset.add_beside(&format!("{CHANGES_HISTORY}/{name}"), report.clone());
        }
        changeset.add_beside(CHANGES_FILE, report);
        let json = serde_json::to_vec_pretty(&changes).unwrap_or_default();
        changeset.add_beside(CHANGES_JSON, json);
    }
    match o.timings.time("write", || output::write(&dir, changeset)) {
        Ok(written) => {
            o.changes = Some(changes);
            o.written = Some((dir, written));
        }
        Err(d) => {
            o.diags.push(d);
            o.internal_failure = true;
        }
    }
    o
}

/// What `vanthu render` is asked to do.
#[derive(Debug, Clone)]
pub struct RenderConfig {
    /// The text document.
    pub file: PathBuf,
    /// The conference it belongs to (its issuer, signer and data are the defaults), if any.
    pub conference: Option<Source>,
    /// The PDF to write; beside the text file, same name, when `None`.
    pub out: Option<PathBuf>,
}

/// `vanthu render FILE.md`: one text document, alone, to one PDF. With its conference the
/// whole conference is checked (the document takes its data from it); without, the
/// document's header must name its issuing body, place and symbol.
pub fn render_document(config: &RenderConfig) -> Outcome {
    let mut o = Outcome::default();
    let diags = &mut o.diags;
    let Some(file) = input::documents::read(&config.file, "", diags) else { return o };
    let out = config.out.clone().unwrap_or_else(|| config.file.with_extension("pdf"));
    let (plans, fonts, templates, date, font) = match &config.conference {
        Some(source) => {
            let Some(p) = prepare_with(source, Some(vec![file]), diags, &mut o.timings) else { return o };
            let date = p.dataset.conference.date;
            (p.plan.documents, p.fonts, p.templates, date, p.dataset.font)
        }
        None => {
            let file = normalize::text_file(file);
            let fonts = EMBEDDED_FONTS.clone();
            validate::check_text_glyphs(&file, &|c| fonts.covers(c), diags);
            let Some(doc) = validate::documents::document(&file, diags) else { return o };
            let Some(plans) = crate::plan::documents::plan(std::slice::from_ref(&doc), None, None, diags) else {
                return o;
            };
            if diags.has_errors() {
                return o;
            }
            let dir = config.file.parent().map(Path::to_path_buf).unwrap_or_default();
            let date = plans.first().map(|p| p.made).unwrap_or(crate::text::Date { year: 2000, month: 1, day: 1 });
            (plans, fonts, TemplateStore::with_overrides(&dir.join("templates")), date, FontChoice::Liberation)
        }
    };
    let Some(plan) = plans.first() else { return o };
    let engine = Engine::new(fonts, templates, config.conference.as_ref().and_then(Source::dir), date);
    let bytes = o.timings.time("render", || render::documents::pdf(plan, &engine, font));
    let bytes = match bytes {
        Ok((b, warnings)) => {
            o.diags.extend(warnings);
            b
        }
        Err(e) => {
            o.diags.extend(e);
            return o;
        }
    };
    match o.timings.time("write", || output::write_atomic(&out, &bytes)) {
        Ok(()) => {
            let name = out.display().to_string();
            o.written = Some((out, Written { written: vec![name], ..Written::default() }));
        }
        Err(d) => {
            o.diags.push(d);
            o.internal_failure = true;
        }
    }
    o
}
