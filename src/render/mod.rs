//! Stage 5, render: the dataset and the plan → the pack's files, in memory (the thousands
//! of personal files of a large conference set aside in a temporary folder). Nothing is
//! written to the pack folder here, so a failure leaves the previous pack untouched.

pub mod awards;
mod bridges;
pub mod changes;
mod context;
pub mod documents;
pub mod invitations;
pub mod parts;
mod progress;
pub mod script;
pub mod seating;
pub mod summary;
pub mod typst;
pub mod views;
mod votes;
pub mod xlsx;

pub(crate) use context::{Ctx, Rendered};
use context::{Spill, deep_stacks};
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
    let spill = Spill::default();
    let ctx = Ctx { engine, reuse, progress, font, spill: &spill };
    deep_stacks();
    type Family<'f> = (DocKind, &'f (dyn Fn() -> Rendered + Sync));
    let families: [Family<'_>; 7] = [
        (DocKind::Invitations, &|| invitations::render(ds, plan, &ctx)),
        (DocKind::Script, &|| script::render(ds, plan.script.as_ref(), &ctx)),
        (DocKind::Awards, &|| awards::render(ds, &plan.awards, &ctx)),
        (DocKind::Summary, &|| summary::render(ds, plan.summary.as_ref(), &ctx)),
        (DocKind::Seating, &|| seating::render(ds, plan, &ctx)),
        (DocKind::Documents, &|| documents::render(&plan.documents, &ctx)),
        (DocKind::Votes, &|| votes::render(ds, &plan.votes, &ctx)),
    ];
    let wanted: Vec<Family<'_>> = families.into_iter().filter(|(k, _)| kinds.contains(k)).collect();
    // A conference of one volume renders its one-document families (one core each) beside
    // the per-person ones, filling the cores they leave idle; a larger one renders one
    // family at a time and empties Typst's caches after each, so its memory peak is one
    // family's, not the sum.
    let small = ds.delegates.len() <= parts::VOLUME && ds.awards.len() <= parts::VOLUME;
    let results: Vec<Rendered> = if small {
        let per_person = |i: &usize| matches!(wanted[*i].0, DocKind::Invitations | DocKind::Awards);
        let run = |i: usize| (i, (wanted[i].1)());
        let mut done: Vec<(usize, Rendered)> = std::thread::scope(|s| {
            let beside = std::thread::Builder::new()
                .name("vanthu-documents".into())
                .stack_size(16 << 20)
                .spawn_scoped(s, || (0..wanted.len()).filter(|i| !per_person(i)).map(run).collect::<Vec<_>>())
                .expect("a thread can be started");
            let mut done: Vec<_> = (0..wanted.len()).filter(per_person).map(run).collect();
            done.extend(beside.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            done
        });
        ::typst::comemo::evict(0);
        // In the families' order, whichever finished first, so messages come in one order.
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    } else {
        wanted
            .iter()
            .map(|(_, f)| {
                let rendered = f();
                ::typst::comemo::evict(0);
                rendered
            })
            .collect()
    };
    let mut artefacts = Vec::new();
    let mut failed = false;
    for rendered in results {
        match rendered {
            Ok((a, w)) => {
                artefacts.extend(a);
                diags.extend(w);
            }
            Err(e) => {
                diags.extend(e);
                failed = true;
            }
        }
    }
    if failed {
        return None;
    }
    artefacts.sort_by(|a, b| a.path.cmp(&b.path));
    Some(artefacts)
}
