//! The MC lines: each rendered with minijinja from the `Lời dẫn` cell when it has one, else
//! from the conventional line of its kind (`templates/kich-ban/<kind>.j2`), with the shared
//! context plus what the line is about (the item, the speaker, the batch).

use std::collections::BTreeMap;

use minijinja::Value;

use super::context::{self, PersonCtx};
use crate::assets::TemplateStore;
use crate::diag::{Diagnostics, Loc, Text};
use crate::jinja::{Jinja, paragraphs, to_value};
use crate::model::{Dataset, Role};
use crate::plan::awards::AwardsPlan;

/// What every MC line of one script is rendered with.
pub(super) struct Planner<'a> {
    pub ds: &'a Dataset,
    /// Every delegate in protocol order.
    pub protocol: &'a [usize],
    /// The award decisions, read in the ceremony.
    pub awards: &'a AwardsPlan,
    store: &'a TemplateStore,
    jinja: Jinja,
    /// The variables every line sees.
    base: BTreeMap<String, Value>,
    pub diags: &'a mut Diagnostics,
}

impl<'a> Planner<'a> {
    pub fn new(
        ds: &'a Dataset,
        protocol: &'a [usize],
        presidium: &[usize],
        awards: &'a AwardsPlan,
        store: &'a TemplateStore,
        diags: &'a mut Diagnostics,
    ) -> Planner<'a> {
        let everyone: Vec<PersonCtx> = protocol.iter().map(|&d| context::person(ds, d)).collect();
        let chair = protocol.iter().copied().find(|&d| ds.delegates[d].has_role(Role::Chair));
        // In its order of honour: the most senior leader present at the centre, first.
        let members: Vec<PersonCtx> = presidium.iter().map(|&d| context::person(ds, d)).collect();
        let mut base: BTreeMap<String, Value> = BTreeMap::new();
        base.insert("conference".into(), to_value(context::conference(ds)));
        base.insert("issuer".into(), to_value(context::issuer(ds)));
        base.insert("chair".into(), to_value(chair.map(|d| context::person(ds, d))));
        base.insert("presidium".into(), to_value(&members));
        base.insert("greetings".into(), to_value(super::welcome::greetings(ds, protocol, presidium)));
        let decisions: Vec<_> = awards.decisions.iter().map(context::decision).collect();
        base.insert("decision".into(), to_value(decisions.first()));
        base.insert("decisions".into(), to_value(&decisions));
        base.insert("awarding".into(), to_value(context::awarding(&awards.decisions)));
        base.insert("data".into(), to_value(context::data(ds, &everyone)));
        // Names a line may use only in some places: defined everywhere, empty elsewhere.
        for key in ["by", "speaker", "signing", "batch", "announce", "introduction"] {
            base.insert(key.into(), Value::from(()));
        }
        Planner { ds, protocol, awards, store, jinja: Jinja::new(), base, diags }
    }

    /// The paragraphs of one MC line: `custom` (a cell's text and its place) or the
    /// conventional line `templates/kich-ban/<file>.j2`, with `extra` variables. A failing
    /// line is said at its place and gives no paragraphs.
    pub fn render(&mut self, custom: Option<(&str, Loc)>, file: &str, extra: &[(&str, Value)]) -> Vec<String> {
        let mut ctx = self.base.clone();
        for (k, v) in extra {
            ctx.insert(k.to_string(), v.clone());
        }
        let ctx = Value::from(ctx);
        let result = match custom {
            Some((source, loc)) => {
                if let Some(w) = Jinja::single_braces(source, &loc) {
                    self.diags.push(w);
                }
                self.jinja.render_cell(source, &ctx, &loc, &Text::new("Lời dẫn", "The MC line"))
            }
            None => self.jinja.render_file(self.store, &format!("kich-ban/{file}.j2"), &ctx),
        };
        match result {
            Ok(text) => paragraphs(&text),
            Err(d) => {
                self.diags.push(d);
                Vec::new()
            }
        }
    }
}
