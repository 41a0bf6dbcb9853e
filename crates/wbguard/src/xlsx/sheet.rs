//! One xlsx sheet part, read as calamine's cell readers and merge reader read it.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::{cell_ref, dimension, local, one, row_col};
use crate::Exceeded;
use crate::strlens::StrLens;
use crate::tally::{Sheet, Tally};
use crate::xmlscan::{TOKEN, Xml, parse_count};

const TANGLED: &str = "a cell, row or sheetData element inside a cell's value";

/// Where the cell reader is.
enum Phase {
    /// Before `<sheetData>`: calamine's `XlsxCellReader::new` skips to it.
    Before,
    /// Between rows and cells.
    Rows,
    /// Inside `<c>`: its shared string candidate, whether it has a child, the open children.
    Cell { shared: bool, child: bool, open: Vec<String>, want_index: bool },
    /// After `</sheetData>` (or a reference calamine cannot parse): no more cells.
    After,
}

struct State<'a> {
    sheet: Sheet,
    phase: Phase,
    row: u32,
    col: u32,
    pos: (u32, u32),
    lens: &'a StrLens,
}

/// Counts the non-empty cells, their box, the merged regions and the shared-string text of
/// one sheet part.
///
/// calamine's readers (values, formulas, styles) differ in how they consume a cell's
/// children; they agree as long as no `c`, `row` or `sheetData` element sits inside a
/// cell's value and children close in order, which is what Excel writes. A sheet that breaks
/// this is reported as [`Exceeded::Unbounded`] rather than guessed at.
pub(crate) fn sheet(r: &mut dyn Read, tally: &mut Tally<'_>, name: &str, lens: &StrLens) -> Result<(), Exceeded> {
    let limits = tally.limits;
    let mut xml = Xml::new(r, limits.max_xml_token);
    let mut st = State { sheet: Sheet::new(name), phase: Phase::Before, row: 0, col: 0, pos: (0, 0), lens };
    let unbounded = |reason| Exceeded::Unbounded { part: name.to_string(), reason };
    while let Some(ev) = xml.next() {
        let text = match &ev {
            Event::Text(t) => {
                Some((**t).to_string()).filter(|_| matches!(st.phase, Phase::Cell { want_index: true, .. }))
            }
            _ => None,
        };
        match ev {
            Event::Start(e) => {
                if local(&e) == "mergeCell" {
                    merge(&mut st.sheet, limits, &e).map_err(|r| r.into_exceeded(name))?;
                }
                st.start(limits, tally, &e).map_err(|r| r.into_exceeded(name))?;
            }
            Event::End(e) => st.end(limits, tally, e.name().0).map_err(|r| r.into_exceeded(name))?,
            _ => {
                if let Some(t) = text {
                    st.index(tally, &t)?;
                }
                if let Phase::Cell { want_index, .. } = &mut st.phase {
                    *want_index = false;
                }
            }
        }
    }
    if xml.tripped() {
        return Err(unbounded(TOKEN));
    }
    tally.finish(&st.sheet)
}

/// Why a sheet stopped.
enum Stop {
    Limit(Exceeded),
    Unbounded(&'static str),
}

impl Stop {
    fn into_exceeded(self, name: &str) -> Exceeded {
        match self {
            Stop::Limit(e) => e,
            Stop::Unbounded(reason) => Exceeded::Unbounded { part: name.to_string(), reason },
        }
    }
}

impl From<Exceeded> for Stop {
    fn from(e: Exceeded) -> Self {
        Stop::Limit(e)
    }
}

impl State<'_> {
    fn start(&mut self, limits: &crate::Limits, tally: &mut Tally<'_>, e: &BytesStart<'_>) -> Result<(), Stop> {
        let l = local(e);
        match &mut self.phase {
            Phase::Before if l == "sheetData" => self.phase = Phase::Rows,
            Phase::Before | Phase::After => {}
            Phase::Rows => match l {
                "row" => match one(e, "r").map_err(Stop::Unbounded)? {
                    None => {}
                    Some(r) => match row_col(r) {
                        Some((row, _)) => self.row = row,
                        None => self.phase = Phase::After,
                    },
                },
                "c" => {
                    let r = one(e, "r").map_err(Stop::Unbounded)?;
                    let t = one(e, "t").map_err(Stop::Unbounded)?;
                    match r.map(cell_ref) {
                        None => self.pos = (self.row, self.col),
                        Some(Some((row, col))) => {
                            self.col = col;
                            self.pos = (row, col);
                        }
                        Some(None) => {
                            self.phase = Phase::After;
                            return Ok(());
                        }
                    }
                    let shared = t == Some("s");
                    self.phase = Phase::Cell { shared, child: false, open: Vec::new(), want_index: false };
                }
                _ => {}
            },
            Phase::Cell { shared, child, open, want_index } => {
                if matches!(l, "c" | "row" | "sheetData") {
                    return Err(Stop::Unbounded(TANGLED));
                }
                *want_index = *shared && open.is_empty() && l == "v";
                if *want_index {
                    // An index that is missing or unreadable reads as string 0.
                    let zero = self.lens.get(0).unwrap_or(0);
                    tally.text(&self.sheet.name, zero)?;
                }
                *child = true;
                if l == "f" {
                    // calamine's formula reader sizes a table by the shared-formula index.
                    let si = one(e, "si").map_err(Stop::Unbounded)?.and_then(parse_count).unwrap_or(0);
                    if si >= limits.max_cells {
                        let found = si.saturating_add(1);
                        let sheet = self.sheet.name.clone();
                        return Err(Stop::Limit(Exceeded::Cells {
                            sheet,
                            found_at_least: found,
                            limit: limits.max_cells,
                        }));
                    }
                }
                if open.len() > 64 {
                    return Err(Stop::Unbounded(TANGLED));
                }
                open.push(e.name().0.to_string());
            }
        }
        Ok(())
    }

    fn end(&mut self, limits: &crate::Limits, tally: &mut Tally<'_>, qname: &str) -> Result<(), Stop> {
        let l = qname.split_once(':').map_or(qname, |(_, l)| l);
        match &mut self.phase {
            Phase::Before | Phase::After => {}
            Phase::Rows => match l {
                "row" => {
                    self.row = self.row.wrapping_add(1);
                    self.col = 0;
                }
                "sheetData" => self.phase = Phase::After,
                _ => {}
            },
            Phase::Cell { child, open, want_index, .. } => {
                *want_index = false;
                if let Some(top) = open.pop() {
                    if top != qname || matches!(l, "c" | "row" | "sheetData") {
                        return Err(Stop::Unbounded(TANGLED));
                    }
                    return Ok(());
                }
                match l {
                    "c" => {
                        let non_empty = *child;
                        self.phase = Phase::Rows;
                        self.col = self.col.wrapping_add(1);
                        if non_empty {
                            let (r, c) = (u64::from(self.pos.0), u64::from(self.pos.1));
                            self.sheet.cell_in(limits, (r, r), (c, c))?;
                        }
                    }
                    "row" | "sheetData" => return Err(Stop::Unbounded(TANGLED)),
                    _ => {}
                }
            }
        }
        let _ = tally;
        Ok(())
    }

    /// The text right after a shared-string cell's `<v>`: its index (read as calamine's
    /// `atoi` does, 0 when unreadable; string 0 is counted already).
    fn index(&mut self, tally: &mut Tally<'_>, text: &str) -> Result<(), Exceeded> {
        let idx = parse_count(text.trim()).and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        if idx != 0 {
            let len = self.lens.get(idx).unwrap_or(0);
            tally.text(&self.sheet.name, len)?;
        }
        Ok(())
    }
}

/// One `<mergeCell ref>` (read anywhere in the part, as calamine's merge reader may).
fn merge(sheet: &mut Sheet, limits: &crate::Limits, e: &BytesStart<'_>) -> Result<(), Stop> {
    let Some(r) = one(e, "ref").map_err(Stop::Unbounded)? else {
        return Ok(());
    };
    let Some((a, b)) = dimension(r) else {
        return Ok(());
    };
    let first = (u64::from(a.0), u64::from(a.1));
    let last = (u64::from(b.0), u64::from(b.1));
    Ok(sheet.merge(limits, first, last)?)
}
