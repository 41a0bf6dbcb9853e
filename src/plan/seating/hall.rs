//! The hall as seats: rows (the presidium first, then from the stage backwards), each row's
//! blocks from the audience's left, seats numbered across the whole row from the audience's
//! left (`B07`, `ĐCT03`).

use std::collections::HashMap;
use std::ops::Range;

pub use crate::model::HonourSide;
use crate::model::{Dataset, HallBlock};
use crate::text::loose_key;

/// One seat.
#[derive(Debug, Clone)]
pub struct Seat {
    /// Index into [`Hall::rows`].
    pub row: usize,
    /// Index into the row's blocks.
    pub block: usize,
    /// 1-based, across the row from the audience's left.
    pub number: u32,
    /// `A05`.
    pub code: String,
    /// Next to an aisle: the end of a block that has another block beside it.
    pub aisle: bool,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub name: String,
    /// Indices into `Dataset::groups`; empty = open to all.
    pub reserved_for: Vec<usize>,
    /// Seat numbers of this block in its row.
    pub numbers: Range<u32>,
    /// Index into `Dataset::hall` (the line it comes from).
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// `A`, `ĐCT`.
    pub code: String,
    /// On the stage.
    pub presidium: bool,
    pub blocks: Vec<Block>,
    /// Indices into [`Hall::seats`], from the audience's left.
    pub seats: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Hall {
    pub rows: Vec<Row>,
    pub seats: Vec<Seat>,
    /// Seat code (loose: `A5`, `a05`, `DCT3`) → seat index.
    by_code: HashMap<String, usize>,
}

/// `A05` → (`a`, 5): the row part loosely, the number.
fn split_code(code: &str) -> Option<(String, u32)> {
    let code = code.trim();
    let digits_at = code.find(|c: char| c.is_ascii_digit())?;
    let (row, number) = code.split_at(digits_at);
    let number: u32 = number.trim().parse().ok()?;
    Some((loose_key(row), number))
}

fn is_presidium(row_code: &str, block: &str) -> bool {
    let (r, b) = (loose_key(row_code), loose_key(block));
    r == "dct" || b == "doanchutich" || b == "dct"
}

impl Hall {
    /// Builds the seats of the hall lines. The first row is the presidium when its row code
    /// or block name says so (`ĐCT`, `Đoàn chủ tịch`).
    pub fn new(lines: &[HallBlock]) -> Hall {
        let mut hall = Hall::default();
        let mut row_index: HashMap<String, usize> = HashMap::new();
        for (line, hb) in lines.iter().enumerate() {
            let key = loose_key(&hb.row);
            let r = *row_index.entry(key).or_insert_with(|| {
                hall.rows.push(Row {
                    code: hb.row.clone(),
                    presidium: is_presidium(&hb.row, &hb.block),
                    blocks: Vec::new(),
                    seats: Vec::new(),
                });
                hall.rows.len() - 1
            });
            let row = &mut hall.rows[r];
            let start = row.seats.len() as u32 + 1;
            let block = row.blocks.len();
            row.blocks.push(Block {
                name: hb.block.clone(),
                reserved_for: hb.reserved_for.clone(),
                numbers: start..start + hb.seats,
                line,
            });
            for number in start..start + hb.seats {
                let code = format!("{}{number:02}", hb.row);
                row.seats.push(hall.seats.len());
                hall.seats.push(Seat { row: r, block, number, code, aisle: false });
            }
        }
        // Aisles: the inner ends of blocks that have a neighbour.
        for row in &hall.rows {
            let n = row.blocks.len();
            for (b, block) in row.blocks.iter().enumerate() {
                if block.numbers.is_empty() {
                    continue;
                }
                let first = row.seats[(block.numbers.start - 1) as usize];
                let last = row.seats[(block.numbers.end - 2) as usize];
                if b > 0 {
                    hall.seats[first].aisle = true;
                }
                if b + 1 < n {
                    hall.seats[last].aisle = true;
                }
            }
        }
        for (i, seat) in hall.seats.iter().enumerate() {
            let row = &hall.rows[seat.row];
            hall.by_code.insert(format!("{}{}", loose_key(&row.code), seat.number), i);
        }
        hall
    }

    pub fn from_dataset(ds: &Dataset) -> Hall {
        Hall::new(&ds.hall)
    }

    pub fn is_empty(&self) -> bool {
        self.seats.is_empty()
    }

    /// The seat a code designates (`A5`, `a05`, `ĐCT3`, `DCT03` all find `ĐCT03`/`A05`).
    /// The row a seat code names, when it names one (`A30` → row A, whatever the number).
    pub fn row_of_code(&self, code: &str) -> Option<&Row> {
        let (row, _) = split_code(code)?;
        self.rows.iter().find(|r| loose_key(&r.code) == row)
    }

    pub fn find(&self, code: &str) -> Option<usize> {
        let (row, number) = split_code(code)?;
        self.by_code.get(&format!("{row}{number}")).copied()
    }

    /// The row's seat positions (0-based, from the audience's left) in protocol order:
    /// the centre first, then alternately to each side.
    pub fn centre_out(n: usize, side: HonourSide) -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        // 1-based centre: for 5 seats the 3rd, for 6 seats the 4th (right-first) or the
        // 3rd (mirror), so that seats 1 and 2 share the middle of an even row.
        let centre = match side {
            HonourSide::SeatedRight => n / 2 + 1,
            HonourSide::SeatedLeft => n.div_ceil(2),
        } as isize;
        let first_step: isize = match side {
            HonourSide::SeatedRight => -1,
            HonourSide::SeatedLeft => 1,
        };
        let mut order = vec![(centre - 1) as usize];
        let mut k = 1;
        while order.len() < n {
            for pos in [centre + first_step * k, centre - first_step * k] {
                if (1..=n as isize).contains(&pos) {
                    order.push((pos - 1) as usize);
                }
            }
            k += 1;
        }
        order
    }

    /// `Khu Giữa, hàng A, ghế 05`.
    pub fn describe(&self, seat: usize) -> String {
        let s = &self.seats[seat];
        let row = &self.rows[s.row];
        let block = &row.blocks[s.block].name;
        if row.presidium && self.rows.iter().filter(|r| r.presidium).count() > 1 {
            // Two stage rows: the seat number alone would name two seats.
            format!("Đoàn Chủ tịch, hàng {}, ghế {:02}", row.code, s.number)
        } else if row.presidium {
            format!("Đoàn Chủ tịch, ghế {:02}", s.number)
        } else {
            format!("Khu {block}, hàng {}, ghế {:02}", row.code, s.number)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen_from_audience(n: usize, side: HonourSide) -> Vec<usize> {
        let order = Hall::centre_out(n, side);
        let mut rank = vec![0; n];
        for (r, pos) in order.iter().enumerate() {
            rank[*pos] = r + 1;
        }
        rank
    }

    #[test]
    fn centre_then_alternate() {
        // nd30-layout §3.2: as read by the audience, left to right.
        assert_eq!(seen_from_audience(5, HonourSide::SeatedRight), [4, 2, 1, 3, 5]);
        assert_eq!(seen_from_audience(6, HonourSide::SeatedRight), [6, 4, 2, 1, 3, 5]);
        assert_eq!(seen_from_audience(7, HonourSide::SeatedRight), [6, 4, 2, 1, 3, 5, 7]);
        assert_eq!(seen_from_audience(5, HonourSide::SeatedLeft), [5, 3, 1, 2, 4]);
        assert_eq!(seen_from_audience(6, HonourSide::SeatedLeft), [5, 3, 1, 2, 4, 6]);
        assert_eq!(seen_from_audience(7, HonourSide::SeatedLeft), [7, 5, 3, 1, 2, 4, 6]);
        assert_eq!(seen_from_audience(1, HonourSide::SeatedRight), [1]);
        assert_eq!(seen_from_audience(2, HonourSide::SeatedRight), [2, 1]);
    }
}
