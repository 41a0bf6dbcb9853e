//! The room as seats, in the order protocol fills them, part by part from the front. The
//! stage's rows and the rows of chairs: each row's blocks from the audience's left, seats
//! numbered across the row from the audience's left (`B07`, `ĐCT03`). A meeting table: the
//! chair's table, then the arms from the head end, then the foot (`T01` is the left arm's
//! seat next to the head), then the rows behind it. The secretariat's table (`TK01`) after
//! the chair's. Round tables: the chair's table, then the others, each numbered round from
//! the seat facing the front (`B3-01`).

use std::collections::HashMap;
use std::ops::Range;

use typed_index_collections::TiVec;

pub use crate::model::HonourSide;
use crate::model::{Dataset, HallBlock, HallPart, Layout};
use crate::text::loose_key;

/// A seat: its index in [`Hall::seats`], a type of its own so that a seat is never taken
/// for a delegate (both are indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeatIx(usize);

impl From<usize> for SeatIx {
    fn from(i: usize) -> SeatIx {
        SeatIx(i)
    }
}

impl From<SeatIx> for usize {
    fn from(s: SeatIx) -> usize {
        s.0
    }
}

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
    /// At the end of a row (or of a table's arm): reached without passing anyone.
    pub end: bool,
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
    /// On the stage, or the chair's table.
    pub presidium: bool,
    /// What part of the room it is.
    pub part: HallPart,
    pub blocks: Vec<Block>,
    /// Its seats, from the audience's left.
    pub seats: Vec<SeatIx>,
}

impl Row {
    /// Open to everyone who is neither of the presidium nor of the secretariat (blocks
    /// reserved for groups aside).
    pub fn is_general(&self) -> bool {
        !self.presidium && self.part != HallPart::Secretariat
    }
}

#[derive(Debug, Clone, Default)]
pub struct Hall {
    pub layout: Layout,
    pub rows: Vec<Row>,
    pub seats: TiVec<SeatIx, Seat>,
    /// Every seat, in the order protocol fills them: the presidium's (or the chair's
    /// table) centre-out first.
    pub precedence: Vec<SeatIx>,
    /// Seat code (loose: `A5`, `a05`, `DCT3`) → seat.
    by_code: HashMap<String, SeatIx>,
}

/// `A05` → (`a`, 5): the row part loosely, the number.
fn split_code(code: &str) -> Option<(String, u32)> {
    let code = code.trim();
    // `B3-01`: a round table's code ends with a digit, so a dash parts it from the seat.
    if let Some((row, number)) = code.rsplit_once('-')
        && let Ok(n) = number.trim().parse::<u32>()
    {
        return Some((loose_key(row), n));
    }
    let digits_at = code.find(|c: char| c.is_ascii_digit())?;
    let (row, number) = code.split_at(digits_at);
    let number: u32 = number.trim().parse().ok()?;
    Some((loose_key(row), number))
}

impl Hall {
    /// Builds the seats of the hall lines of a room of `layout`; `side` is where seat 2 sits.
    pub fn new(lines: &[HallBlock], layout: Layout, side: HonourSide) -> Hall {
        let mut hall = Hall { layout, ..Hall::default() };
        let mut row_index: HashMap<String, usize> = HashMap::new();
        for (line, hb) in lines.iter().enumerate() {
            // A row of the stage or of chairs gathers its blocks; a table's side, a round
            // table or the secretariat's table is its own.
            let key = match hb.part {
                HallPart::Stage | HallPart::Audience => loose_key(&hb.row),
                _ => format!("{line}"),
            };
            let r = *row_index.entry(key).or_insert_with(|| {
                hall.rows.push(Row {
                    code: hb.row.clone(),
                    presidium: matches!(hb.part, HallPart::Stage | HallPart::Head),
                    part: hb.part,
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
            let dash = if hb.row.ends_with(|c: char| c.is_ascii_digit()) { "-" } else { "" };
            for number in start..start + hb.seats {
                let code = format!("{}{dash}{number:02}", hb.row);
                let seat = hall.seats.push_and_get_key(Seat { row: r, block, number, code, aisle: false, end: false });
                row.seats.push(seat);
            }
        }
        hall.mark_aisles_and_ends();
        for (i, seat) in hall.seats.iter_enumerated() {
            let row = &hall.rows[seat.row];
            // `B1-01` and `B11` are two seats: the row's code and the number kept apart.
            hall.by_code.insert(format!("{}-{}", loose_key(&row.code), seat.number), i);
        }
        hall.precedence = hall.precedence_order(side);
        hall
    }

    /// Aisles: the inner ends of a hall row's blocks that have a neighbour. Ends: the two
    /// ends of a hall row, the far end of a table's arm.
    fn mark_aisles_and_ends(&mut self) {
        for r in 0..self.rows.len() {
            let row = &self.rows[r];
            let n = row.blocks.len();
            let mut marks: Vec<(SeatIx, bool)> = Vec::new();
            match row.part {
                HallPart::Audience => {
                    for (b, block) in row.blocks.iter().enumerate() {
                        if block.numbers.is_empty() {
                            continue;
                        }
                        let first = row.seats[(block.numbers.start - 1) as usize];
                        let last = row.seats[(block.numbers.end - 2) as usize];
                        if b > 0 {
                            marks.push((first, true));
                        }
                        if b + 1 < n {
                            marks.push((last, true));
                        }
                    }
                    marks.extend(row.seats.first().map(|&s| (s, false)));
                    marks.extend(row.seats.last().map(|&s| (s, false)));
                }
                HallPart::LeftArm | HallPart::RightArm => marks.extend(row.seats.last().map(|&s| (s, false))),
                _ => {}
            }
            for (s, aisle) in marks {
                if aisle {
                    self.seats[s].aisle = true;
                } else {
                    self.seats[s].end = true;
                }
            }
        }
    }

    /// The order protocol fills the seats, part by part (see [`Hall::part_rank`]): the
    /// stage or the chair's table centre-out (round from its first seat at a round table),
    /// the secretariat's table centre-out, a meeting table's arms from the head end (the
    /// side of honour first, alternately), its foot centre-out, the rows of chairs from the
    /// front, each centre-out, then the round tables in order, each round from its first
    /// seat, alternately.
    fn precedence_order(&self, side: HonourSide) -> Vec<SeatIx> {
        let centre_out = |row: &Row| -> Vec<SeatIx> {
            Hall::centre_out(row.seats.len(), side).into_iter().map(|p| row.seats[p]).collect()
        };
        let round = |row: &Row| -> Vec<SeatIx> {
            Hall::round(row.seats.len(), side).into_iter().map(|p| row.seats[p]).collect()
        };
        let part = |p: HallPart| self.rows.iter().filter(move |r| r.part == p);
        let mut out: Vec<SeatIx> = part(HallPart::Stage).flat_map(centre_out).collect();
        match self.layout {
            Layout::Round => out.extend(part(HallPart::Head).flat_map(round)),
            _ => out.extend(part(HallPart::Head).flat_map(centre_out)),
        }
        out.extend(part(HallPart::Secretariat).flat_map(centre_out));
        // Seat 2 on seat 1's right is on the room's left: that arm comes first.
        let (first, second) = match side {
            HonourSide::SeatedRight => (HallPart::LeftArm, HallPart::RightArm),
            HonourSide::SeatedLeft => (HallPart::RightArm, HallPart::LeftArm),
        };
        let a: Vec<SeatIx> = part(first).flat_map(|r| r.seats.clone()).collect();
        let b: Vec<SeatIx> = part(second).flat_map(|r| r.seats.clone()).collect();
        for i in 0..a.len().max(b.len()) {
            out.extend(a.get(i));
            out.extend(b.get(i));
        }
        out.extend(part(HallPart::Foot).flat_map(centre_out));
        out.extend(part(HallPart::Audience).flat_map(centre_out));
        out.extend(part(HallPart::Table).flat_map(round));
        out
    }

    /// A round table's seat positions (0-based, round from the seat facing the front) in
    /// protocol order: the first, then alternately to either side of it.
    fn round(n: usize, side: HonourSide) -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        let mut order = vec![0];
        let mut k = 1;
        while order.len() < n {
            let (a, b) = match side {
                HonourSide::SeatedRight => (k, n - k),
                HonourSide::SeatedLeft => (n - k, k),
            };
            order.push(a);
            if b != a && order.len() < n {
                order.push(b);
            }
            k += 1;
        }
        order
    }

    /// How near the front a part is: the stage and the chair's table, the secretariat, the
    /// arms, the foot, the rows of chairs, the round tables.
    fn part_rank(part: HallPart) -> u8 {
        match part {
            HallPart::Stage | HallPart::Head => 0,
            HallPart::Secretariat => 1,
            HallPart::LeftArm | HallPart::RightArm => 2,
            HallPart::Foot => 3,
            HallPart::Audience => 4,
            HallPart::Table => 5,
        }
    }

    /// The rows (indices into [`Hall::rows`]) from the front of the room backwards: by
    /// [`Hall::part_rank`], each part's rows in the sheet's order.
    pub fn rows_from_front(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by_key(|&r| Hall::part_rank(self.rows[r].part));
        order
    }

    pub fn from_dataset(ds: &Dataset) -> Hall {
        Hall::new(&ds.hall, ds.layout, ds.honour_side)
    }

    pub fn is_empty(&self) -> bool {
        self.seats.is_empty()
    }

    /// The row a seat code names, when it names one (`A30` → row A, whatever the number).
    pub fn row_of_code(&self, code: &str) -> Option<&Row> {
        let (row, _) = split_code(code)?;
        self.rows.iter().find(|r| loose_key(&r.code) == row)
    }

    /// The seat a code designates (`A5`, `a05`, `ĐCT3`, `DCT03` all find `ĐCT03`/`A05`).
    pub fn find(&self, code: &str) -> Option<SeatIx> {
        let (row, number) = split_code(code)?;
        self.by_code.get(&format!("{row}-{number}")).copied()
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

    /// `Khu Giữa, hàng A, ghế 05`; `Bàn chủ tọa, ghế 03`; `Bàn 3, ghế 05`.
    pub fn describe(&self, seat: SeatIx) -> String {
        let s = &self.seats[seat];
        let row = &self.rows[s.row];
        let block = &row.blocks[s.block].name;
        match row.part {
            // Two stage rows: the seat number alone would name two seats.
            HallPart::Stage if self.rows.iter().filter(|r| r.presidium).count() > 1 => {
                format!("Đoàn Chủ tịch, hàng {}, ghế {:02}", row.code, s.number)
            }
            HallPart::Stage => format!("Đoàn Chủ tịch, ghế {:02}", s.number),
            HallPart::Audience => format!("Khu {block}, hàng {}, ghế {:02}", row.code, s.number),
            _ => format!("{block}, ghế {:02}", s.number),
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
