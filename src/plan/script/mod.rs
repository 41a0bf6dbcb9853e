//! The event script (Kịch bản), planned from the programme with the delegates, the award
//! list and the signings, so names, titles and order never diverge from the other
//! documents: clock times, who performs each item, what the MC says, and the generated
//! parts (the introduction of delegates, one slot per panel speaker, each signing, the
//! award ceremony in stage batches).
//!
//! MC lines are minijinja text: the `Lời dẫn` cell when it has one, else the conventional
//! line of the item's kind (`templates/kich-ban/<loại>.j2`, editable). Errors — a fixed time
//! earlier than the previous item's end, an unknown variable in a line — name their cell.

mod clock;
mod context;
mod model;
mod parts;
mod planner;
mod welcome;

pub use context::address;
pub(crate) use model::ScriptItem;
pub use model::{PartDetail, Script};

use minijinja::Value;

use self::context::{ItemCtx, person, text_person};
use self::planner::Planner;
use self::welcome::introduction;
use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Diagnostics, Severity, Text};
use crate::jinja::to_value;
use crate::model::{AgendaItem, AgendaKind, Performer};
use crate::plan::awards::AwardsPlan;
use crate::text::{Time, capitalize_first};

/// Plans the script. `None` when it has errors (in `diags`), or when there is no programme.
pub fn plan(
    ds: &crate::model::Dataset,
    protocol: &[usize],
    presidium: &[usize],
    awards: &AwardsPlan,
    store: &TemplateStore,
    diags: &mut Diagnostics,
) -> Option<Script> {
    if ds.agenda.is_empty() {
        return None;
    }
    let errors_before = diags.count(Severity::Error);
    let mut p = Planner::new(ds, protocol, presidium, awards, store, diags);
    let mut clock = ds.conference.start_time;
    let mut items = Vec::new();
    let mut first_start = None;
    for (i, a) in ds.agenda.iter().enumerate() {
        let (start, end) = clock::times(a, i, clock, p.diags)?;
        first_start.get_or_insert(start);
        clock = end;
        items.push(item(&mut p, i, a, start, end));
    }
    let ok = p.diags.count(Severity::Error) == errors_before;
    ok.then(|| Script { items, start: first_start.unwrap_or(ds.conference.start_time), end: clock })
}

/// Item `i` of the programme, from `start` to `end`: its performer, MC line and parts.
fn item(p: &mut Planner<'_>, i: usize, a: &AgendaItem, start: Time, end: Time) -> ScriptItem {
    let ds = p.ds;
    warn_absent_performer(p, a);
    let by = a.by.as_ref().map(|b| match b {
        Performer::Delegate(d) => person(ds, *d),
        Performer::Text(t) => text_person(t),
    });
    let item_ctx = ItemCtx {
        number: i + 1,
        title: a.title.clone(),
        start: start.short_vi(),
        end: end.short_vi(),
        minutes: a.minutes,
        kind: a.kind.code(),
        note: a.note.clone(),
    };
    let mut extra: Vec<(&str, Value)> = vec![("item", to_value(&item_ctx)), ("by", to_value(&by))];
    if a.kind == AgendaKind::TuyenBoLyDo {
        extra.push(("introduction", to_value(introduction(ds, p.protocol))));
    }
    // The cell's own line, and the parts it rewrites under `# Đợt 2: …` lines.
    let (opening, overrides) = a.mc.as_deref().map(parts::split_mc).unwrap_or_default();
    let custom = (!opening.trim().is_empty()).then(|| (opening.as_str(), a.src.loc("mc")));
    let mc = p.render(custom, a.kind.code(), &extra);
    let parts = parts::parts(
        p,
        a.kind,
        start,
        a.minutes,
        &extra,
        by.as_ref(),
        a.src.loc("title"),
        (&overrides, a.src.loc("mc")),
    );
    ScriptItem {
        number: i + 1,
        start,
        end,
        title: a.title.clone(),
        kind: a.kind,
        performer: by.as_ref().map(|b| capitalize_first(&b.call)),
        mc,
        note: a.note.clone(),
        parts,
    }
}

/// A performer marked absent is said at their cell. One who is not invited but not absent
/// is the organisers' own staff (the MC, a reporting official): they perform, unwarned.
fn warn_absent_performer(p: &mut Planner<'_>, a: &AgendaItem) {
    let ds = p.ds;
    if let Some(Performer::Delegate(d)) = &a.by
        && !context::present(ds, *d)
    {
        let name = &ds.delegates[*d].name;
        p.diags.push(
            Diagnostic::warning(
                "absent-performer",
                a.src.loc("by"),
                Text::new(
                    format!("{name} vắng nhưng là người thực hiện mục “{}”", a.title),
                    format!("{name} is absent but performs “{}”", a.title),
                ),
            )
            .with_hint(Text::new(
                "ghi Mã của người thay, hoặc sửa cột Xác nhận của người này",
                "write the Mã of whoever stands in, or correct their Xác nhận",
            )),
        );
    }
}
