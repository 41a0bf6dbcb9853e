//! Stage 5, render: the dataset and the plan → the pack's files, in memory. Nothing is
//! written here, so a failure leaves the previous pack untouched.

pub mod awards;
pub mod changes;
mod context;
pub mod invitations;
pub mod parts;
mod progress;
pub mod script;
pub mod seating;
pub mod summary;
pub mod typst;
pub mod views;
pub mod xlsx;

pub(crate) use context::{Ctx, Rendered, pool};
pub use progress::Progress;
pub use progress::Silent;

use std::collections::BTreeSet;

use self::typst::Engine;
use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::pack::{Artefact, DocKind, Reuse};
use crate::plan::Plan;

/// Renders the requested kinds, keeping what `reuse` allows: the files in path order, or
/// `None` when a template failed (its errors, and every warning, are in `diags`).
pub(crate) fn render_all(
    ds: &Dataset,
    plan: &Plan,
    engine: &Engine,
    kinds: &BTreeSet<DocKind>,
    reuse: &Reuse,
    progress: &dyn Progress,
    diags: &mut Diagnostics,
) -> Option<Vec<Artefact>> {
    let font = views::font_list(ds.font, engine.fonts().family != crate::assets::LIBERATION_SERIF);
    let ctx = Ctx { engine, reuse, progress, font };
    let mut artefacts = Vec::new();
    let failed = pool().install(|| {
        let families: [(DocKind, &dyn Fn() -> Rendered); 5] = [
            (DocKind::Invitations, &|| invitations::render(ds, plan, &ctx)),
            (DocKind::Script, &|| script::render(ds, plan.script.as_ref(), &ctx)),
            (DocKind::Awards, &|| awards::render(ds, &plan.awards, &ctx)),
            (DocKind::Summary, &|| summary::render(ds, plan.summary.as_ref(), &ctx)),
            (DocKind::Seating, &|| seating::render(ds, plan, &ctx)),
        ];
        for (_, render) in families.into_iter().filter(|(k, _)| kinds.contains(k)) {
            match render() {
                Ok((a, w)) => {
                    artefacts.extend(a);
                    diags.extend(w);
                }
                Err(e) => {
                    diags.extend(e);
                    return true;
                }
            }
        }
        false
    });
    artefacts.sort_by(|a, b| a.path.cmp(&b.path));
    (!failed).then_some(artefacts)
}
