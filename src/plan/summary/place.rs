//! Where the tables and charts the narrative did not place go: charts (and tables meant
//! for the text) where `{{ bieu_do }}` stands, else at the end of the results section; the
//! other tables in their appendix. Then the numbers: `Biểu N` and `Biểu đồ N` in the order
//! they are printed.

use std::collections::{BTreeMap, BTreeSet};

use super::narrative::Block;
use super::outline::{AppendixPlan, FIRST_APPENDIX, Section, SummaryPlan, roman};
use crate::model::Place;
use crate::text::{capitalize_first, loose_key, lowercase_first};

/// Places and numbers every table and chart of `plan`.
pub(super) fn place(plan: &mut SummaryPlan) {
    let in_text = placed(plan, |b| if let Block::Table(i) = b { Some(*i) } else { None });
    let charted = placed(plan, |b| if let Block::Chart(i) = b { Some(*i) } else { None });
    plan.appendices = appendices(plan, &in_text);
    let expansion = charts_block(plan, &in_text, &charted);
    insert(plan, expansion);
    number(plan);
}

/// The tables (or charts) the narrative placed.
fn placed(plan: &SummaryPlan, which: impl Fn(&Block) -> Option<usize>) -> BTreeSet<usize> {
    plan.sections.iter().flat_map(|s| &s.blocks).filter_map(which).collect()
}

/// The appendices, by the number their tables give (none: the first), renumbered from I,
/// each titled by its tables (the first by default `Số liệu kết quả thực hiện`).
fn appendices(plan: &SummaryPlan, in_text: &BTreeSet<usize>) -> Vec<AppendixPlan> {
    let mut by_number: BTreeMap<u32, (Option<String>, Vec<usize>)> = BTreeMap::new();
    for (i, t) in plan.tables.iter().enumerate() {
        if let Place::Appendix { number, title } = &t.place
            && !in_text.contains(&i)
        {
            let entry = by_number.entry(number.unwrap_or(1)).or_default();
            if entry.0.is_none() {
                entry.0 = title.clone();
            }
            entry.1.push(i);
        }
    }
    by_number
        .into_values()
        .enumerate()
        .map(|(n, (title, tables))| {
            let title = title.unwrap_or_else(|| match tables.as_slice() {
                _ if n == 0 => FIRST_APPENDIX.to_string(),
                [one] => plan.tables[*one].title.clone(),
                _ => "Số liệu".to_string(),
            });
            AppendixPlan { title, tables }
        })
        .collect()
}

/// What `{{ bieu_do }}` stands for: the tables meant for the text that it did not call,
/// the charts it did not place, and (after charts, with appendices) the line saying where
/// the figures are.
fn charts_block(plan: &SummaryPlan, in_text: &BTreeSet<usize>, charted: &BTreeSet<usize>) -> Vec<Block> {
    let mut out: Vec<Block> = plan
        .tables
        .iter()
        .enumerate()
        .filter(|(i, t)| t.place == Place::Body && !in_text.contains(i))
        .map(|(i, _)| Block::Table(i))
        .collect();
    let charts: Vec<Block> = plan
        .tables
        .iter()
        .enumerate()
        .filter(|(i, t)| t.chart.is_some() && !charted.contains(i))
        .map(|(i, _)| Block::Chart(i))
        .collect();
    let note = !charts.is_empty() && !plan.appendices.is_empty();
    out.extend(charts);
    if note {
        let parts: Vec<String> = plan
            .appendices
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let what = if n == 0 && a.title == FIRST_APPENDIX {
                    "Số liệu chi tiết".to_string()
                } else if n == 0 {
                    capitalize_first(&a.title)
                } else {
                    lowercase_first(&a.title)
                };
                format!("{what} tại Phụ lục {}", roman(n + 1))
            })
            .collect();
        out.push(Block::Note(format!("({} kèm theo Báo cáo này)", parts.join("; "))));
    }
    out
}

/// Puts `expansion` where the first `{{ bieu_do }}` stands (later ones print nothing);
/// without one, at the end of the section whose heading says `KẾT QUẢ`, else the first
/// (or a section of its own when there is no narrative).
fn insert(plan: &mut SummaryPlan, expansion: Vec<Block>) {
    let has_mark = plan.sections.iter().any(|s| s.blocks.contains(&Block::Charts));
    if !has_mark && !expansion.is_empty() {
        let results = plan.sections.iter().position(|s| loose_key(&s.heading).contains("ketqua")).unwrap_or(0);
        match plan.sections.get_mut(results) {
            Some(section) => section.blocks.push(Block::Charts),
            None => plan.sections.push(Section { heading: String::new(), blocks: vec![Block::Charts] }),
        }
    }
    let mut used = false;
    for s in &mut plan.sections {
        let mut out = Vec::new();
        for b in s.blocks.drain(..) {
            if b != Block::Charts {
                out.push(b);
            } else if !used {
                out.extend(expansion.iter().cloned());
                used = true;
            }
        }
        s.blocks = out;
    }
}

/// Numbers the tables and charts in print order: the text's, then the appendices' (a
/// table alone in an appendix of its own title is not numbered).
fn number(plan: &mut SummaryPlan) {
    let mut table_n = 0;
    let mut chart_n = 0;
    for b in plan.sections.iter().flat_map(|s| &s.blocks) {
        match b {
            Block::Table(i) if plan.numbers[*i].is_none() => {
                table_n += 1;
                plan.numbers[*i] = Some(table_n);
            }
            Block::Chart(i) if plan.chart_numbers[*i].is_none() => {
                chart_n += 1;
                plan.chart_numbers[*i] = Some(chart_n);
            }
            _ => {}
        }
    }
    for a in &plan.appendices {
        let alone = matches!(a.tables.as_slice(), [one] if loose_key(&plan.tables[*one].title) == loose_key(&a.title));
        if alone {
            continue;
        }
        for &i in &a.tables {
            table_n += 1;
            plan.numbers[i] = Some(table_n);
        }
    }
}
