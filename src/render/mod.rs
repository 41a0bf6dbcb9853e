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
    pub bytes: Vec<u8>,
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

/// The PDF identifier of a document: a digest of its template set, fonts and data, so it
/// changes exactly when the content does.
pub fn ident(engine: &Engine, template: &str, data: &[u8]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(template.as_bytes());
    h.update(engine.fingerprint().as_bytes());
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

/// Renders the requested kinds.
pub fn render_all(
    ds: &Dataset,
    plan: &Plan,
    engine: &Engine,
    font: Vec<&'static str>,
    only: &BTreeSet<Kind>,
    progress: &dyn Progress,
) -> Result<(Vec<Artefact>, Diagnostics), Diagnostics> {
    let mut artefacts = Vec::new();
    let mut warnings = Diagnostics::new();
    pool().install(|| {
        if only.contains(&Kind::GiayMoi) {
            let base = invitations::view(ds, plan, font.clone());
            let (a, w) = invitations::render(ds, plan, engine, &base, progress)?;
            artefacts.extend(a);
            warnings.extend(w);
        }
        if only.contains(&Kind::KichBan) {
            let (a, w) = script::render(ds, plan.script.as_ref(), engine, font.clone(), progress)?;
            artefacts.extend(a);
            warnings.extend(w);
        }
        if only.contains(&Kind::KhenThuong) {
            let (a, w) = awards::render(ds, engine, font.clone(), progress)?;
            artefacts.extend(a);
            warnings.extend(w);
        }
        if only.contains(&Kind::BaoCao) {
            let (a, w) = report::render(ds, plan.report.as_ref(), engine, font.clone(), progress)?;
            artefacts.extend(a);
            warnings.extend(w);
        }
        if only.contains(&Kind::SoDo) {
            let (a, w) = seating::render(ds, plan, engine, font.clone(), progress)?;
            artefacts.extend(a);
            warnings.extend(w);
        }
        Ok::<(), Diagnostics>(())
    })?;
    artefacts.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((artefacts, warnings))
}
