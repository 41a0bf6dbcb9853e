//! `.ods`: `content.xml`, every table of which calamine builds at open, repeats expanded.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::tally::{Sheet, Tally};
use crate::xmlscan::{DUP, TOKEN, Xml, attrs, decode, parse_count, uniq};
use crate::{Exceeded, Limits};

const ROW: &str = "table:table-row";
const CELL: &str = "table:table-cell";
const COVERED: &str = "table:covered-table-cell";
const TABLE: &str = "table:table";
const TANGLED: &str = "a table, row or cell element inside a cell";

/// Value attributes that make calamine's cell non-empty.
const VALUE_ATTRS: [&str; 7] = [
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "office:value-type",
    "calcext:value-type",
];

enum Stop {
    Limit(Exceeded),
    Unbounded(&'static str),
    /// calamine stops reading content.xml here (an error or an unexpected event).
    End,
}

impl From<Exceeded> for Stop {
    fn from(e: Exceeded) -> Self {
        Stop::Limit(e)
    }
}

/// The cell being read.
struct Cell {
    qname: String,
    col_repeat: u64,
    non_empty: bool,
    /// Bytes of its attributes, text and `<text:s>` spaces: an upper bound of the text
    /// calamine keeps for each repetition.
    text: u64,
    start_pos: u64,
    open: Vec<String>,
}

struct Table {
    sheet: Sheet,
    row: u64,
    /// (first row, repeat, next column) of the open row.
    in_row: Option<(u64, u64, u64)>,
    cell: Option<Cell>,
}

/// Counts every table of `content.xml` as calamine's `read_table` / `read_row` /
/// `get_datatype` build it: a cell is non-empty when it carries a value attribute, a value
/// type, a formula, or any child element or text; it counts `col_repeat × row_repeat` times
/// and its text as often; the box starts at column A.
pub(crate) fn content(r: &mut dyn Read, tally: &mut Tally<'_>) -> Result<(), Exceeded> {
    let limits = tally.limits;
    let mut xml = Xml::new(r, limits.max_xml_token);
    let mut table: Option<Table> = None;
    let mut tables = 0u64;
    let res = loop {
        let pos = xml.pos();
        let Some((ev, after)) = xml.next_at() else { break Ok(()) };
        let step = match &mut table {
            None => {
                if let Event::Start(e) = &ev
                    && e.name().0 == TABLE
                {
                    tables += 1;
                    let name = match uniq(e, |k| k == "table:name") {
                        Err(_) => break Err(Stop::Unbounded(DUP)),
                        Ok(n) => n.map_or_else(|| format!("table {tables}"), crate::xmlscan::name),
                    };
                    table = Some(Table {
                        sheet: Sheet::new(name).starting_at_column_a(),
                        row: 0,
                        in_row: None,
                        cell: None,
                    });
                }
                Ok(false)
            }
            Some(t) => t.event(limits, tally, &ev, pos, after),
        };
        match step {
            Ok(true) => {
                if let Some(t) = table.take()
                    && let Err(e) = tally.finish(&t.sheet)
                {
                    break Err(Stop::Limit(e));
                }
            }
            Ok(false) => {}
            Err(s) => break Err(s),
        }
    };
    let name = table.as_ref().map_or_else(|| "content.xml".to_string(), |t| t.sheet.name.clone());
    if xml.tripped() {
        return Err(Exceeded::Unbounded { part: name, reason: TOKEN });
    }
    match res {
        Ok(()) | Err(Stop::End) => match table {
            Some(t) => tally.finish(&t.sheet),
            None => Ok(()),
        },
        Err(Stop::Limit(e)) => Err(e),
        Err(Stop::Unbounded(reason)) => Err(Exceeded::Unbounded { part: name, reason }),
    }
}

fn repeat(e: &BytesStart<'_>, key: &str) -> Result<u64, Stop> {
    match uniq(e, |k| k == key) {
        Err(_) => Err(Stop::Unbounded(DUP)),
        Ok(None) => Ok(1),
        Ok(Some(v)) => parse_count(&decode(v)).ok_or(Stop::End),
    }
}

impl Table {
    /// One event inside the table; `Ok(true)` when the table ends.
    fn event(
        &mut self,
        limits: &Limits,
        tally: &mut Tally<'_>,
        ev: &Event<'_>,
        before: u64,
        after: u64,
    ) -> Result<bool, Stop> {
        if let Some(cell) = &mut self.cell {
            return match cell.event(ev, after)? {
                false => Ok(false),
                true => {
                    let cell = self.cell.take();
                    self.close_cell(limits, tally, cell)?;
                    Ok(false)
                }
            };
        }
        match (ev, self.in_row) {
            (Event::Start(e), None) if e.name().0 == ROW => {
                // A row repeated 0 times still takes a place in calamine's row list.
                let rep = repeat(e, "table:number-rows-repeated")?.max(1);
                self.in_row = Some((self.row, rep, 0));
                self.row = self.row.saturating_add(rep);
            }
            (Event::End(e), None) if e.name().0 == TABLE => return Ok(true),
            (_, None) => {}
            (Event::Start(e), Some(_)) if e.name().0 == CELL || e.name().0 == COVERED => {
                let col_repeat = repeat(e, "table:number-columns-repeated")?;
                let mut cell = Cell {
                    qname: e.name().0.to_string(),
                    col_repeat,
                    non_empty: false,
                    text: 0,
                    start_pos: before,
                    open: Vec::new(),
                };
                for (k, v) in attrs(e.attributes_raw()) {
                    cell.text = cell.text.saturating_add(v.len() as u64);
                    if VALUE_ATTRS.contains(&k) || (k == "table:formula" && !v.is_empty()) {
                        cell.non_empty = true;
                    }
                }
                self.cell = Some(cell);
            }
            (Event::End(e), Some(_)) if e.name().0 == ROW => self.in_row = None,
            // calamine's `read_row` fails on anything else inside a row.
            (_, Some(_)) => return Err(Stop::End),
        }
        Ok(false)
    }

    fn close_cell(&mut self, limits: &Limits, tally: &mut Tally<'_>, cell: Option<Cell>) -> Result<(), Stop> {
        let (Some(cell), Some((row, row_repeat, col))) = (cell, self.in_row) else {
            return Ok(());
        };
        self.in_row = Some((row, row_repeat, col.saturating_add(cell.col_repeat)));
        if cell.non_empty {
            self.sheet.cells(limits, row, col, row_repeat, cell.col_repeat)?;
            let copies = row_repeat.saturating_mul(cell.col_repeat);
            tally.text(&self.sheet.name, cell.text.saturating_mul(copies))?;
        }
        Ok(())
    }
}

impl Cell {
    /// One event inside the cell; `Ok(true)` when the cell ends.
    fn event(&mut self, ev: &Event<'_>, after: u64) -> Result<bool, Stop> {
        let is_structural = |n: &str| n == ROW || n == CELL || n == COVERED || n == TABLE;
        match ev {
            Event::Start(e) => {
                let n = e.name().0;
                if is_structural(n) || self.open.len() > 64 {
                    return Err(Stop::Unbounded(TANGLED));
                }
                self.non_empty = true;
                if n == "text:s" {
                    let spaces = repeat(e, "text:c")?;
                    self.text = self.text.saturating_add(spaces);
                }
                self.open.push(n.to_string());
            }
            Event::End(e) => {
                let n = e.name().0;
                match self.open.pop() {
                    Some(top) if top == n && !is_structural(n) => {}
                    Some(_) => return Err(Stop::Unbounded(TANGLED)),
                    None if n == self.qname => {
                        let span = after.saturating_sub(self.start_pos);
                        self.text = self.text.saturating_add(span);
                        return Ok(true);
                    }
                    None if is_structural(n) => return Err(Stop::Unbounded(TANGLED)),
                    None => {}
                }
            }
            Event::Text(t) if !t.trim_ascii().is_empty() => self.non_empty = true,
            Event::CData(_) | Event::GeneralRef(_) => self.non_empty = true,
            _ => {}
        }
        Ok(false)
    }
}
