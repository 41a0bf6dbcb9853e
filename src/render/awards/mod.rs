//! The award decisions (Quyết định khen thưởng, Mẫu 1.2), one PDF each with its attached
//! list; the certificates of each decision that prints them (one merged PDF and one per
//! recipient); and one register of every award.

mod certificates;
mod decision;
mod register;

pub use certificates::{BoxMm, boxes_file, boxes_for};

use self::certificates::certificates_view;
use self::decision::decision_view;
use crate::diag::Diagnostics;
use crate::model::Dataset;
use crate::pack::Artefact;
use crate::pack::DocKind;
use crate::plan::awards::{AwardsPlan, DecisionPlan};
use crate::render::context::{Ctx, Rendered, dedup};
use crate::render::parts::{PartsJob, render_parts};

/// Renders every decision with its list, its certificates, and the register.
pub(crate) fn render(ds: &Dataset, awards: &AwardsPlan, ctx: &Ctx<'_>) -> Rendered {
    if awards.decisions.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let mut artefacts = Vec::new();
    let mut warnings = Diagnostics::new();
    for d in &awards.decisions {
        let (mut a, w) = render_decision(ds, d, ctx)?;
        artefacts.append(&mut a);
        warnings.extend(w);
    }
    artefacts.push(ctx.xlsx("danh-sach-khen-thuong.xlsx", DocKind::Awards, register::award_register(ds, awards)));
    Ok((artefacts, dedup(warnings)))
}

/// One decision's PDF and, when it prints them, its certificates.
fn render_decision(ds: &Dataset, d: &DecisionPlan, ctx: &Ctx<'_>) -> Result<(Vec<Artefact>, Diagnostics), Diagnostics> {
    let view = decision_view(ds, d, ctx.font.clone());
    let path = format!("{}.pdf", d.stem);
    let (decision, mut warnings) =
        ctx.pdf("quyet-dinh-khen-thuong.typ", &view, &path, DocKind::Awards, d.date, |_| None)?;
    let mut artefacts = vec![decision];
    let Some((face, stem)) = &d.certificates else { return Ok((artefacts, warnings)) };
    let c = ds.award_settings.certificate(*face);
    let boxes = boxes_for(ctx.engine.templates(), *face, c.width_mm, c.height_mm).map_err(Diagnostics::from)?;
    let base = certificates_view(ds, d, *face, boxes, ctx.font.clone());
    let parts = certificates::parts(ds, d, stem, &base);
    let template = format!("{}.typ", face.template_stem());
    let merged = format!("{stem}.pdf");
    let job = PartsJob {
        template: &template,
        kind: DocKind::Awards,
        date: d.date,
        base: &base,
        merged_path: &merged,
        label: face.label(),
        parts,
        max_pages: Some(1),
    };
    let (certificates, w) = render_parts(job, ctx)?;
    artefacts.extend(certificates);
    warnings.extend(w);
    Ok((artefacts, warnings))
}
