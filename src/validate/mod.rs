//! Stage 3, validate: the normalised cells → the typed [`Dataset`], checking every rule and
//! reporting every problem at once (required fields, allowed values, numbers and dates,
//! duplicate ids, references that point nowhere). Each message names the cell, quotes the
//! value and says how to fix it.

mod academic;
mod agenda;
pub(crate) mod award_settings;
mod awards;
mod bridges;
pub mod choices;
mod cross;
mod decisions;
mod delegates;
mod document_marks;
mod document_signer;
pub mod documents;
pub(crate) mod fields;
mod glyphs;
mod hall;
mod period;
pub(crate) mod report_tables;
mod settings;
pub(crate) mod sheets;
mod summary;
mod tally;
mod votes;
mod yaml_values;

use std::collections::HashSet;

pub(crate) use glyphs::{check_glyphs, check_text_glyphs};

use self::fields::Fields;
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::input::{RawDataset, Record, TableKind, schema};
use crate::model::{Dataset, Src};
use crate::normalize::NormalizedDataset;

/// Validates the dataset. `None` when there is any error (all of them are in `diags`).
pub fn validate(raw: &NormalizedDataset, diags: &mut Diagnostics) -> Option<Dataset> {
    let mut v = Validator { raw, diags, broken_ids: HashSet::new() };
    let settings = v.settings();
    let mut groups = v.groups();
    let bridges = v.bridges();
    let delegates = v.delegates(&mut groups, &bridges);
    v.check_presence(&delegates);
    let awards = v.awards(&delegates, settings.as_ref().map(|s| &s.awards));
    let agenda = v.agenda(&delegates);
    let layout = v.layout();
    let hall = v.hall(&groups, layout);
    let signings = v.signings();
    let products = v.products();
    let targets = v.targets(!products.is_empty());
    let report = v.report();
    let report_tables = v.report_tables();
    let sheets = v.own_sheets();
    let elections = v.elections(&delegates);
    let mut decisions = Vec::new();
    if let Some(s) = &settings {
        v.check_dates(s, !awards.is_empty());
        decisions = v.decisions(&awards, &s.awards, &s.decision_defaults, &s.docs[1], s.conference.date);
        v.note_unlinked_awards(&awards);
        v.check_products(&s.report.district_order, &products);
    }
    if v.diags.has_errors() {
        return None;
    }
    let s = settings?;
    Some(Dataset {
        id: s.id,
        file: raw.file.clone(),
        conference: s.conference,
        issuer: s.issuer,
        contact: s.contact,
        ceremony: s.ceremony,
        font: s.font,
        invitation: s.docs[0].clone(),
        decision: s.docs[1].clone(),
        report_doc: s.docs[2].clone(),
        script: s.docs[3].clone(),
        groups,
        delegates,
        bridges,
        awards,
        decisions,
        agenda,
        hall,
        signings,
        products,
        targets,
        report,
        report_tables,
        sheets,
        elections,
        hall_loc: raw.table(TableKind::Hall).loc.clone(),
        layout,
        honour_side: s.honour_side,
        award_settings: s.awards,
        report_settings: s.report,
    })
}

pub(crate) struct Validator<'a> {
    raw: &'a RawDataset,
    diags: &'a mut Diagnostics,
    /// `Mã` of delegate rows that have errors of their own: references to them are not
    /// reported again (one mistake, one message).
    broken_ids: HashSet<String>,
}

pub(crate) fn src(record: &Record) -> Src {
    Src { origin: record.origin.clone(), cells: record.cells.iter().map(|(k, c)| (*k, c.loc.clone())).collect() }
}

/// Lines of a multi-line setting, with list markers and final punctuation removed.
pub(crate) fn lines(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.lines()
            .map(|l| {
                l.trim().trim_start_matches(['-', '+', '•', '*']).trim().trim_end_matches([';', ',']).trim().to_string()
            })
            .filter(|l| !l.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn setting_loc(&self, key: &str) -> Loc {
        match self.raw.settings.get(key) {
            Some(c) => c.loc.clone(),
            None => self.raw.settings_loc.clone(),
        }
    }

    fn fields<'r>(&'r mut self, kind: TableKind, record: &'r Record) -> Fields<'r> {
        Fields::new(schema::table(kind), record, self.diags)
    }
}
