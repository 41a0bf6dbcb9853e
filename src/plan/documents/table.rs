//! Pipe tables: `| a | b |` rows. A `|---|---|` rule makes every row above it a header
//! row (repeated on each page); `:--`, `--:`, `:-:` in the rule align a column left, right
//! or centred, and a share written in it (`|--10%--|`) a column's width. A cell
//! holding only `<` joins the cell on its left, only `^` the cell above; in the header an
//! empty cell joins the cell above it (a title over two rows) or, on the first row, the
//! cell on its left (a title over two columns).

use super::blocks::{Align, Cell, Table};
use super::inline::spans;
use crate::plan::summary::{ColumnRole, ReportTable};

/// A table from its rows (each with its line in the file).
pub(super) fn read_table(rows: &[(u32, String)]) -> Table {
    let parsed: Vec<Vec<String>> = rows.iter().map(|(_, l)| cells(l)).collect();
    let split = parsed.iter().position(|r| is_rule(r));
    let width = parsed.iter().filter(|r| !is_rule(r)).map(Vec::len).max().unwrap_or(1);
    let pad = |mut r: Vec<String>| {
        r.resize(width, String::new());
        r
    };
    let (header, body): (Vec<Vec<String>>, Vec<Vec<String>>) = match split {
        Some(i) if i > 0 => (parsed[..i].to_vec(), parsed[i + 1..].to_vec()),
        _ => {
            let mut it = parsed.iter().filter(|r| !is_rule(r)).cloned();
            (it.next().into_iter().collect(), it.collect())
        }
    };
    let header: Vec<Vec<String>> = header.into_iter().map(pad).collect();
    let body: Vec<Vec<String>> = body.into_iter().filter(|r| !is_rule(r)).map(pad).collect();
    let rule = split.map(|i| parsed[i].clone()).unwrap_or_default();
    let align = (0..width).map(|c| rule.get(c).map_or(Align::Auto, |r| alignment(r))).collect();
    let widths = (0..width).map(|c| rule.get(c).and_then(|r| share(r))).collect();
    Table { header: merge(&header, true), rows: merge(&body, false), columns: width, align, widths }
}

/// A row's cells, without the outer bars.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") { &t[..t.len() - 1] } else { t };
    split_cells(t)
}

fn is_rule(c: &[String]) -> bool {
    c.iter().all(|x| {
        !x.is_empty()
            && x.contains('-')
            && x.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '%') || ch.is_ascii_digit())
    })
}

/// `--10%--`: the column's share of the width, in percent (1 to 100).
fn share(rule: &str) -> Option<u32> {
    let digits: String = rule.chars().filter(char::is_ascii_digit).collect();
    let n: u32 = digits.parse().ok()?;
    (rule.contains('%') && (1..=100).contains(&n)).then_some(n)
}

fn alignment(rule: &str) -> Align {
    let r = rule.trim();
    match (r.starts_with(':'), r.ends_with(':')) {
        (true, true) => Align::Centre,
        (false, true) => Align::Right,
        (true, false) => Align::Left,
        _ => Align::Auto,
    }
}

/// The grid's cells with their spans: a cell covered by another is left out.
fn merge(grid: &[Vec<String>], header: bool) -> Vec<Vec<Cell>> {
    // For each position: the (row, col) of the cell that covers it.
    let mut owner: Vec<Vec<(usize, usize)>> = Vec::with_capacity(grid.len());
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(grid.len());
    for (r, row) in grid.iter().enumerate() {
        owner.push(Vec::with_capacity(row.len()));
        out.push(Vec::new());
        for (c, text) in row.iter().enumerate() {
            let above = (r > 0).then(|| owner[r - 1][c]);
            let left = (c > 0).then(|| owner[r][c - 1]);
            // The cell above may grow down only if it is one column wide here.
            let above_single =
                above.is_some_and(|(ar, ac)| find(&out, ar, ac).is_some_and(|cell| cell.colspan == 1 && cell.col == c));
            let join = match text.as_str() {
                "^" => above,
                "<" => left,
                "" if header && r > 0 && above_single => above,
                "" if header && r == 0 => left,
                "" if header => left.filter(|_| !above_single),
                _ => None,
            };
            match join {
                Some((jr, jc)) => {
                    grow(&mut out, (jr, jc), (r, c));
                    owner[r].push((jr, jc));
                }
                None => {
                    out[r].push(Cell { spans: spans(text), col: c, colspan: 1, rowspan: 1 });
                    owner[r].push((r, c));
                }
            }
        }
    }
    out
}

fn find(out: &[Vec<Cell>], r: usize, c: usize) -> Option<&Cell> {
    out.get(r)?.iter().find(|cell| cell.col == c)
}

/// The cell at `owner` stretched to cover `at`.
fn grow(out: &mut [Vec<Cell>], (or, oc): (usize, usize), (r, c): (usize, usize)) {
    if let Some(cell) = out[or].iter_mut().find(|cell| cell.col == oc) {
        cell.colspan = cell.colspan.max((c - oc + 1) as u32);
        cell.rowspan = cell.rowspan.max((r - or + 1) as u32);
    }
}

/// A table of the conference's report (`{{ bang("…") }}` on a line of its own) as the pipe
/// rows a clerk would type: its header, figures set right, its total in bold.
pub(super) fn pipe_rows(t: &ReportTable) -> Vec<String> {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('|', "\\|").replace('*', "\\*");
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut out = vec![row(t.columns.iter().map(|c| escape(&c.header)).collect())];
    let rule = t.columns.iter().map(|c| if c.role == ColumnRole::Label { "---" } else { "--:" });
    out.push(row(rule.map(String::from).collect()));
    for r in &t.rows {
        out.push(row(r.iter().zip(&t.columns).map(|(v, c)| escape(&v.print(c.format))).collect()));
    }
    if let Some(total) = &t.total {
        let cells = total.iter().zip(&t.columns).map(|(v, c)| {
            let v = escape(&v.print(c.format));
            if v.is_empty() { v } else { format!("**{v}**") }
        });
        out.push(row(cells.collect()));
    }
    out
}

/// A table row's cells: split at each `|` that is not escaped (`\\|` is a bar inside a cell,
/// as a value's own bar is written); the escapes stay for [`spans`].
fn split_cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().expect("never empty");
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().expect("never empty").push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(c: &Cell) -> String {
        c.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn two_header_rows_merge_across_and_down() {
        let rows: Vec<(u32, String)> = [
            "| STT | Nội dung | Kinh phí | |",
            "| | | Dự toán | Thực hiện |",
            "|:-:|--40%--|--:|--:|",
            "| 1 | Hội nghị | 10 | 8 |",
            "| Cộng | < | 10 | 8 |",
        ]
        .iter()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.to_string()))
        .collect();
        let t = read_table(&rows);
        assert_eq!(t.columns, 4);
        let h0: Vec<(String, u32, u32)> = t.header[0].iter().map(|c| (text(c), c.colspan, c.rowspan)).collect();
        assert_eq!(h0, [("STT".into(), 1, 2), ("Nội dung".into(), 1, 2), ("Kinh phí".into(), 2, 1)], "{:?}", t.header);
        let h1: Vec<String> = t.header[1].iter().map(text).collect();
        assert_eq!(h1, ["Dự toán", "Thực hiện"]);
        assert_eq!(t.align, [Align::Centre, Align::Auto, Align::Right, Align::Right]);
        assert_eq!(t.widths, [None, Some(40), None, None]);
        assert_eq!(t.rows[1].iter().map(|c| (c.col, c.colspan)).collect::<Vec<_>>(), [(0, 2), (2, 1), (3, 1)]);
        assert_eq!(text(&t.rows[1][0]), "Cộng");
        // Empty body cells stay cells.
        let t = read_table(&[(1, "| A | B |".into()), (2, "|---|---|".into()), (3, "| | x |".into())]);
        assert_eq!(t.rows[0].len(), 2);
    }
}
