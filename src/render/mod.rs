//! Stage 5, render: the dataset and the plan → the pack's files, in memory. Nothing is
//! written here, so a failure leaves the previous pack untouched.

pub mod awards;
pub mod invitations;
pub mod parts;
pub mod report;
pub mod script;
pub mod seating;
pub mod typst;
pub mod views;
pub mod xlsx;

use std::collections::BTreeSet;

use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::output::Reuse;
use crate::plan::Plan;

use self::typst::Engine;

/// The document families of the pack (`--only` takes their codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    GiayMoi,
    SoDo,
    KichBan,
    KhenThuong,
    BaoCao,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::GiayMoi, Kind::SoDo, Kind::KichBan, Kind::KhenThuong, Kind::BaoCao];

    pub fn code(self) -> &'static str {
        match self {
            Kind::GiayMoi => "giay-moi",
            Kind::SoDo => "so-do",
            Kind::KichBan => "kich-ban",
            Kind::KhenThuong => "khen-thuong",
            Kind::BaoCao => "bao-cao",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        let slug = crate::text::slug(code);
        Kind::ALL.into_iter().find(|k| k.code() == slug)
    }
}

/// One file of the pack.
#[derive(Debug, Clone)]
pub struct Artefact {
    /// Relative to the pack folder, `/`-separated (`giay-moi/nguyen-van-an.pdf`).
    pub path: String,
    pub kind: Kind,
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

/// The files of one document family and the warnings of their templates.
pub type Rendered = Result<(Vec<Artefact>, Diagnostics), Diagnostics>;

/// What every document family renders with.
pub struct Ctx<'a> {
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
        kind: Kind,
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
    pub fn xlsx(&self, path: &str, kind: Kind, bytes: Vec<u8>) -> Artefact {
        Artefact { path: path.into(), kind, key: crate::output::sha256(&bytes), bytes: Some(bytes) }
    }
}

/// Progress reporting, so the library stays free of terminal concerns.
pub trait Progress: Sync {
    fn start(&self, _label: &str, _total: usize) {}
    fn inc(&self) {}
    fn finish(&self) {}
}

/// Reports nothing (tests, `--quiet`).
pub struct Silent;

impl Progress for Silent {}

/// The PDF identifier of a document, also its key in the manifest: a digest of the engine
/// version, its template set, fonts and data, so it changes exactly when the content does.
pub fn ident(engine: &Engine, template: &str, data: &[u8]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(template.as_bytes());
    h.update(engine.fingerprint_for(template).as_bytes());
    h.update(data);
    format!("{:x}", h.finalize())[..32].to_string()
}

/// The same template warning from 260 documents is one warning.
pub fn dedup(diags: Diagnostics) -> Diagnostics {
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
pub fn pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .thread_name(|i| format!("vanthu-render-{i}"))
        .build()
        .expect("a thread pool can be created")
}

/// Renders the requested kinds, keeping what `reuse` allows.
pub fn render_all(
    ds: &Dataset,
    plan: &Plan,
    engine: &Engine,
    font: Vec<&'static str>,
    only: &BTreeSet<Kind>,
    reuse: &Reuse,
    progress: &dyn Progress,
) -> Rendered {
    let ctx = Ctx { engine, reuse, progress, font };
    let mut artefacts = Vec::new();
    let mut warnings = Diagnostics::new();
    pool().install(|| {
        let families: [(Kind, &dyn Fn() -> Rendered); 5] = [
            (Kind::GiayMoi, &|| invitations::render(ds, plan, &ctx)),
            (Kind::KichBan, &|| script::render(ds, plan.script.as_ref(), &ctx)),
            (Kind::KhenThuong, &|| awards::render(ds, &ctx)),
            (Kind::BaoCao, &|| report::render(ds, plan.report.as_ref(), &ctx)),
            (Kind::SoDo, &|| seating::render(ds, plan, &ctx)),
        ];
        for (kind, render) in families {
            if only.contains(&kind) {
                let (a, w) = render()?;
                artefacts.extend(a);
                warnings.extend(w);
            }
        }
        Ok::<(), Diagnostics>(())
    })?;
    artefacts.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((artefacts, warnings))
}
