//! The pipeline, stage by stage, each timed:
//!
//! ```text
//! load → normalise → validate → plan → render → write
//! ```
//!
//! A rebuild keeps every file whose inputs did not change (see [`output::Reuse`]) and
//! reports what changed since the previous build ([`crate::changes`]).
//!
//! `check` runs the stages up to plan; `build` runs them all. Every stage before write works
//! in memory, so invalid input or a failing template writes nothing.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use crate::changes::{self, ChangeReport};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::{self, Source};
use crate::model::{Dataset, FontChoice};
use crate::output::{self, Reuse, WriteReport};
use crate::plan::Plan;
use crate::render::typst::{Engine, Fonts, TemplateStore};
use crate::render::{self, Kind, Progress, views};
use crate::{normalize, validate};

/// The embedded fonts, loaded once per process.
static EMBEDDED_FONTS: LazyLock<Arc<Fonts>> = LazyLock::new(|| Arc::new(Fonts::embedded()));
static TIMES_FONTS: LazyLock<Option<Arc<Fonts>>> = LazyLock::new(|| Fonts::with_times_new_roman().map(Arc::new));

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub source: Source,
    /// The pack folder; `output/<conference id>` when `None`.
    pub out_dir: Option<PathBuf>,
    /// Kinds to build; empty means all.
    pub only: BTreeSet<Kind>,
    /// Render everything, even what the previous build could keep.
    pub force: bool,
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
    pub dataset: Dataset,
    pub plan: Plan,
    pub fonts: Arc<Fonts>,
}

/// The outcome of `check` or `build`.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diags: Diagnostics,
    pub timings: Timings,
    /// Set when the pack was written.
    pub written: Option<(PathBuf, WriteReport)>,
    /// The files this build rendered with Typst (the others were kept from the last build).
    pub rendered: Vec<String>,
    /// What changed since the previous build.
    pub changes: Option<ChangeReport>,
    /// Set when the failure is not the input's fault (a file could not be written).
    pub internal_failure: bool,
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
    let raw = timings.time("load", || input::load(source, diags))?;
    let raw = timings.time("normalise", || normalize::normalize(raw, diags));
    let dataset = timings.time("validate", || {
        let dataset = validate::validate(&raw, diags);
        // The glyph check needs the chosen font; it runs even when other rules failed, so
        // every problem is reported at once.
        let choice = dataset.as_ref().map_or(FontChoice::Liberation, |d| d.font);
        let fonts = fonts_for(choice, diags);
        validate::check_glyphs(&raw, &|c| fonts.covers(c), diags);
        dataset.filter(|_| !diags.has_errors()).map(|d| (d, fonts))
    })?;
    let (dataset, fonts) = dataset;
    let plan = timings.time("plan", || Plan::build(&dataset, &template_store(source), diags))?;
    Some(Prepared { dataset, plan, fonts })
}

/// `vanthu check`: every problem, nothing written.
pub fn check(source: &Source) -> Outcome {
    let mut outcome = Outcome::default();
    prepare(source, &mut outcome.diags, &mut outcome.timings);
    outcome
}

/// The templates a build uses: the built-in ones, overridden by `templates/` next to the
/// input.
pub fn template_store(source: &Source) -> TemplateStore {
    match source.dir() {
        Some(dir) => TemplateStore::with_overrides(&dir.join("templates")),
        None => TemplateStore::builtin(),
    }
}

/// `vanthu build`: the whole pipeline.
pub fn build(config: &BuildConfig, progress: &dyn Progress) -> Outcome {
    let mut outcome = Outcome::default();
    let Some(prepared) = prepare(&config.source, &mut outcome.diags, &mut outcome.timings) else {
        return outcome;
    };
    let Prepared { dataset, plan, fonts } = prepared;
    let only: BTreeSet<Kind> =
        if config.only.is_empty() { Kind::ALL.into_iter().collect() } else { config.only.clone() };

    let dir = config.out_dir.clone().unwrap_or_else(|| PathBuf::from("output").join(&dataset.id));
    // What the previous build left that can be kept (each file checked against its bytes).
    let previous = match output::Manifest::load_checked(&dir) {
        Ok(m) => m,
        Err(e) => {
            outcome.diags.push(Diagnostic::warning(
                "manifest-unreadable",
                Loc::File { file: dir.join(output::MANIFEST).display().to_string().into() },
                Text::new(
                    format!("không đọc được danh mục tệp của lần tạo trước ({e}): tạo lại toàn bộ"),
                    format!("the previous build's manifest cannot be read ({e}): everything is rebuilt"),
                ),
            ));
            output::Manifest::default()
        }
    };
    let reuse = if config.force { Reuse::none() } else { outcome.timings.time("check", || Reuse::of(&dir, &previous)) };

    let engine =
        Engine::new(fonts.clone(), template_store(&config.source), config.source.dir(), dataset.conference.date);
    let font = views::font_list(dataset.font, fonts.family != crate::render::typst::fonts::LIBERATION_SERIF);
    let rendered =
        outcome.timings.time("render", || render::render_all(&dataset, &plan, &engine, font, &only, &reuse, progress));
    let artefacts = match rendered {
        Ok((artefacts, warnings)) => {
            outcome.diags.extend(warnings);
            artefacts
        }
        Err(errors) => {
            outcome.diags.extend(errors);
            return outcome;
        }
    };
    // A document the data cannot make (its sheet is empty or missing) is said, so the
    // clerk knows why it is not in the pack.
    for kind in &only {
        if artefacts.iter().any(|a| a.kind == *kind) {
            continue;
        }
        let (what, why, what_en, why_en) = match kind {
            Kind::GiayMoi => ("Giấy mời", "không có đại biểu nào được mời", "invitations", "nobody is invited"),
            Kind::SoDo => (
                "sơ đồ chỗ ngồi, biển tên",
                "sheet Hội trường trống hoặc không có",
                "seating chart, name plates",
                "the Hội trường sheet is empty or missing",
            ),
            Kind::KichBan => (
                "kịch bản, chương trình",
                "sheet Chương trình trống hoặc không có",
                "script, programme",
                "the Chương trình sheet is empty or missing",
            ),
            Kind::KhenThuong => (
                "Quyết định khen thưởng, Bằng khen",
                "sheet Khen thưởng trống hoặc không có",
                "award decision, certificates",
                "the Khen thưởng sheet is empty or missing",
            ),
            Kind::BaoCao => (
                "báo cáo sơ kết",
                "sheet Báo cáo và Sản phẩm OCOP trống hoặc không có",
                "summary report",
                "the Báo cáo and Sản phẩm OCOP sheets are empty or missing",
            ),
        };
        outcome.diags.push(Diagnostic::note(
            "not-made",
            Loc::File { file: dataset.file.clone() },
            Text::new(format!("không tạo {what}: {why}"), format!("no {what_en}: {why_en}")),
        ));
    }
    outcome.rendered =
        artefacts.iter().filter(|a| a.rendered() && a.path.ends_with(".pdf")).map(|a| a.path.clone()).collect();
    let snapshot = changes::snapshot(&dataset, &plan);
    // A partial build (`--only`) leaves the other documents as they were: the data they
    // were made from stays the reference, so the next full build still reports the change.
    let partial = !config.only.is_empty() && only.len() < Kind::ALL.len();
    let keep = (!partial).then(|| snapshot.clone());
    match outcome.timings.time("write", || output::write_pack(&dir, &previous, &artefacts, &only, keep)) {
        Ok(report) => {
            let changes = ChangeReport::new(previous.snapshot.as_ref(), &snapshot, &report.written, &report.removed);
            // The change report sits beside the pack; it is not part of it.
            let path = dir.join(CHANGES_FILE);
            let bytes = changes.xlsx(&dataset);
            if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice())
                && let Err(d) = output::write_atomic(&path, &bytes)
            {
                outcome.diags.push(d);
            }
            outcome.changes = Some(changes);
            outcome.written = Some((dir, report));
        }
        Err(d) => {
            outcome.diags.push(d);
            outcome.internal_failure = true;
        }
    }
    outcome
}

/// The change report's file in the pack folder.
pub const CHANGES_FILE: &str = "thay-doi.xlsx";
