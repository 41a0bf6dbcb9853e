//! The seating steps, each taking only seats still free (see the module's documentation
//! for their order and rules).

use std::collections::{HashMap, VecDeque};

use typed_index_collections::TiVec;

use super::hall::{self, Hall, SeatIx};
use super::seats::{Policy, SeatingPlan, is_seated};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::model::{Attendance, AwardKind, Dataset, Role};

/// The state of one seating: the plan filled step by step.
pub(super) struct Assigner<'a> {
    pub(super) ds: &'a Dataset,
    protocol: &'a [usize],
    pub plan: SeatingPlan,
    /// Per delegate: their place in protocol order.
    rank: Vec<usize>,
    /// Those who need a seat, in protocol order.
    pub seated: Vec<usize>,
    /// Seats a manual seat keeps empty (an absent delegate's seat nobody else may take).
    reserved_manual: TiVec<SeatIx, bool>,
    /// Where the hall is described, for errors about the whole hall.
    pub(super) hall_loc: Option<Loc>,
    pub diags: &'a mut Diagnostics,
}

impl<'a> Assigner<'a> {
    pub fn new(
        ds: &'a Dataset,
        protocol: &'a [usize],
        policy: Policy,
        hall_loc: Option<Loc>,
        diags: &'a mut Diagnostics,
    ) -> Assigner<'a> {
        let hall = Hall::new(&ds.hall, ds.layout, policy.side);
        let n = ds.delegates.len();
        let mut rank = vec![usize::MAX; n];
        for (i, &d) in protocol.iter().enumerate() {
            rank[d] = i;
        }
        let seated = protocol.iter().copied().filter(|&d| is_seated(ds, d)).collect();
        let reserved_manual = TiVec::from(vec![false; hall.seats.len()]);
        let plan = SeatingPlan { occupant: TiVec::from(vec![None; hall.seats.len()]), seat_of: vec![None; n], hall };
        Assigner { ds, protocol, plan, rank, seated, reserved_manual, hall_loc, diags }
    }

    /// Is seat `s` still free for anyone?
    pub(super) fn free(&self, s: SeatIx) -> bool {
        self.plan.occupant[s].is_none() && !self.reserved_manual[s]
    }

    /// Is seat `s` in a block reserved for groups?
    fn in_reserved_block(&self, s: SeatIx) -> bool {
        let seat = &self.plan.hall.seats[s];
        !self.plan.hall.rows[seat.row].blocks[seat.block].reserved_for.is_empty()
    }

    /// Is seat `s` open to everyone (neither the presidium's nor the secretariat's)?
    pub(super) fn general(&self, s: SeatIx) -> bool {
        self.plan.hall.rows[self.plan.hall.seats[s].row].is_general()
    }

    /// Is seat `s` on the stage (or at the chair's table)?
    fn on_stage(&self, s: SeatIx) -> bool {
        self.plan.hall.rows[self.plan.hall.seats[s].row].presidium
    }

    /// The free seats that are (or are not) the presidium's, in the order protocol fills them.
    fn free_seats(&self, presidium: bool) -> Vec<SeatIx> {
        self.plan.hall.precedence.iter().copied().filter(|&s| self.on_stage(s) == presidium && self.free(s)).collect()
    }

    /// Step 1, manual seats: those who come first, so an absent delegate's seat never pushes out
    /// someone who comes and was given the same seat.
    pub(crate) fn manual_seats(&mut self) {
        let ds = self.ds;
        let absent = |d: &usize| ds.delegates[*d].attendance == Attendance::Absent;
        let coming_first: Vec<usize> = self
            .protocol
            .iter()
            .copied()
            .filter(|d| !absent(d))
            .chain(self.protocol.iter().copied().filter(absent))
            .collect();
        for d in coming_first {
            let del = &ds.delegates[d];
            let Some(code) = &del.seat else { continue };
            let loc = del.src.loc("seat");
            let Some(s) = self.plan.hall.find(code) else {
                self.diags.push(unknown_seat(&self.plan.hall, code, loc));
                continue;
            };
            let code = &self.plan.hall.seats[s].code;
            if let Some(other) = self.plan.occupant[s] {
                let other = &ds.delegates[other];
                if del.attendance == Attendance::Absent {
                    self.diags.push(Diagnostic::warning(
                        "absent-seat",
                        loc,
                        Text::new(
                            format!("{} vắng: ghế {code} dành cho {}", del.name, other.name),
                            format!("{} is absent: seat {code} goes to {}", del.name, other.name),
                        ),
                    ));
                } else {
                    self.diags.push(duplicate_seat(code, other, loc));
                }
                continue;
            }
            if self.reserved_manual[s] {
                continue;
            }
            if del.attendance == Attendance::Absent {
                self.reserved_manual[s] = true;
                self.diags.push(Diagnostic::warning(
                    "absent-seat",
                    loc,
                    Text::new(
                        format!("{} vắng: ghế {code} được để trống", del.name),
                        format!("{} is absent: seat {code} stays empty", del.name),
                    ),
                ));
                continue;
            }
            self.plan.take(s, d);
        }
    }

    /// Step 2, the presidium on the stage's (or the chair's table's) seats centre-out, in its
    /// order of honour ([`crate::plan::protocol`]): the most senior leader present who
    /// directs the conference at the centre, else who presides (`Chủ trì`), then who
    /// presides beside them, then the members, most senior first (a `Thứ tự Đoàn chủ tịch`
    /// fixes any place). When nobody is named to it, who presides and then the most senior
    /// who come take those seats.
    pub fn presidium(&mut self) {
        let ds = self.ds;
        let stage = self.free_seats(true);
        if stage.is_empty() && !self.plan.hall.rows.iter().any(|r| r.presidium) {
            return;
        }
        let waiting: Vec<usize> = self.seated.iter().copied().filter(|&d| self.plan.seat_of[d].is_none()).collect();
        let named: Vec<usize> =
            waiting.iter().copied().filter(|&d| crate::plan::protocol::in_presidium(ds, d)).collect();
        // Named to it: the role, or a place in it (not only presiding or directing).
        let nobody_named = named.iter().all(|&d| {
            let del = &ds.delegates[d];
            !del.has_role(Role::Presidium) && del.presidium_order.is_none()
        });
        let members = if nobody_named {
            // Nobody named: the chair, then the most senior, as many as there are seats.
            let mut m: Vec<usize> = named.clone();
            m.extend(waiting.iter().copied().filter(|d| !named.contains(d)).take(stage.len().saturating_sub(m.len())));
            crate::plan::protocol::order_presidium(ds, &m)
        } else {
            crate::plan::protocol::order_presidium(ds, &named)
        };
        if members.len() > stage.len() {
            self.diags.push(
                Diagnostic::error(
                    "presidium-too-small",
                    self.hall_loc.clone(),
                    Text::new(
                        format!(
                            "Đoàn chủ tịch có {} người nhưng chỉ còn {} ghế trên sân khấu",
                            members.len(),
                            stage.len()
                        ),
                        format!(
                            "the presidium has {} members but only {} seats are left on the stage",
                            members.len(),
                            stage.len()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "thêm ghế cho hàng Đoàn chủ tịch trong sheet Hội trường, hoặc bớt vai trò Đoàn chủ tịch",
                    "add seats to the presidium row of the Hội trường sheet, or remove the role from someone",
                )),
            );
        }
        for (&d, &s) in members.iter().zip(&stage) {
            self.plan.take(s, d);
        }
    }

    /// Step 3, award recipients, in calling order (collectives, then individuals): within the
    /// block reserved for their group when it has one — on its aisle seats, else its row
    /// ends, else its front seats — otherwise on the aisle seats (then row ends) nearest the
    /// stage of a block open to all. They get up and come back without passing anyone.
    pub(crate) fn award_recipients(&mut self) {
        let ds = self.ds;
        let mut calls: Vec<usize> = Vec::new();
        for kind in [AwardKind::Collective, AwardKind::Individual] {
            for a in ds.awards.iter().filter(|a| a.kind == kind) {
                if let Some(d) = a.delegate
                    && is_seated(ds, d)
                    && self.plan.seat_of[d].is_none()
                    && !calls.contains(&d)
                {
                    calls.push(d);
                }
            }
        }
        let hall = &self.plan.hall;
        // Hall order: the front row first (a meeting table's sides before the rows behind
        // it), each from the audience's left.
        let seats: Vec<SeatIx> = hall
            .rows_from_front()
            .into_iter()
            .map(|r| &hall.rows[r])
            .filter(|r| r.is_general())
            .flat_map(|r| r.seats.iter().copied())
            .collect();
        let reserved_for = |s: SeatIx| {
            let seat = &hall.seats[s];
            hall.rows[seat.row].blocks[seat.block].reserved_for.clone()
        };
        let blocks: Vec<Vec<usize>> = seats.iter().map(|&s| reserved_for(s)).collect();
        for d in calls {
            let group = ds.delegates[d].group;
            let own: Vec<SeatIx> = (0..seats.len()).filter(|&i| blocks[i].contains(&group)).map(|i| seats[i]).collect();
            let open: Vec<SeatIx> = (0..seats.len()).filter(|&i| blocks[i].is_empty()).map(|i| seats[i]).collect();
            let hall = &self.plan.hall;
            let pick = |list: &[SeatIx], any: bool| {
                let free = |s: &&SeatIx| self.free(**s);
                let mut member: TiVec<SeatIx, bool> = TiVec::from(vec![false; hall.seats.len()]);
                for &s in list {
                    member[s] = true;
                }
                list.iter()
                    .filter(free)
                    .find(|&&s| hall.seats[s].aisle)
                    .or_else(|| list.iter().filter(free).find(|&&s| hall.seats[s].end))
                    .or_else(|| if any { hall.precedence.iter().filter(|&&s| member[s]).find(free) } else { None })
                    .copied()
            };
            let seat = if own.iter().any(|&s| self.free(s)) { pick(&own, true) } else { pick(&open, false) };
            if let Some(s) = seat {
                self.plan.take(s, d);
            }
        }
    }

    /// Step 4, reserved blocks, row by row from the front: each seat to the most senior waiting
    /// member of the block's groups. A group larger than its blocks is noted; the rest of
    /// it sits in the general seats.
    pub(crate) fn reserved_blocks(&mut self) {
        let ds = self.ds;
        let mut queues: HashMap<usize, VecDeque<usize>> = HashMap::new();
        for &d in &self.seated {
            if self.plan.seat_of[d].is_none() {
                queues.entry(ds.delegates[d].group).or_default().push_back(d);
            }
        }
        for i in 0..self.plan.hall.precedence.len() {
            let s = self.plan.hall.precedence[i];
            if !self.general(s) || self.plan.occupant[s].is_some() || self.reserved_manual[s] {
                continue;
            }
            let seat = &self.plan.hall.seats[s];
            let groups = &self.plan.hall.rows[seat.row].blocks[seat.block].reserved_for;
            // The most senior waiting member of the block's groups.
            let next =
                groups.iter().filter_map(|g| queues.get(g).and_then(|q| q.front()).map(|&d| (self.rank[d], *g))).min();
            if let Some((_, g)) = next {
                let d = queues.get_mut(&g).and_then(VecDeque::pop_front).expect("a front exists");
                self.plan.take(s, d);
            }
        }
        let mut overflowing: Vec<(usize, usize)> =
            queues.iter().filter(|(_, q)| !q.is_empty()).map(|(g, q)| (*g, q.len())).collect();
        overflowing.sort_unstable();
        for (g, left) in overflowing {
            self.note_overflow(g, left);
        }
    }

    /// Group `g` has `left` more members than its reserved blocks hold.
    fn note_overflow(&mut self, g: usize, left: usize) {
        let blocks: Vec<&hall::Block> = self
            .plan
            .hall
            .rows
            .iter()
            .filter(|r| r.is_general())
            .flat_map(|r| r.blocks.iter())
            .filter(|b| b.reserved_for.contains(&g))
            .collect();
        let reserved: usize = blocks.iter().map(|b| b.numbers.len()).sum();
        if reserved == 0 {
            return;
        }
        let (shared, shared_en) = if blocks.iter().any(|b| b.reserved_for.len() > 1) {
            (" (dùng chung với nhóm khác)", " (shared with other groups)")
        } else {
            ("", "")
        };
        let name = &self.ds.groups[g].name;
        self.diags.push(Diagnostic::note(
            "reserved-overflow",
            self.hall_loc.clone(),
            Text::new(
                format!("nhóm “{name}”: khu dành riêng có {reserved} ghế{shared}, {left} người còn lại ngồi ở khu chung"),
                format!(
                    "group “{name}”: its reserved blocks have {reserved} seats{shared_en}, {left} more sit in the general seats"
                ),
            ),
        ));
    }

    /// Step 5, everyone else, in protocol order, on the general seats front rows first,
    /// centre-out. More people than seats is an error that says how many seats are missing.
    pub(crate) fn everyone_else(&mut self) {
        let general: Vec<SeatIx> =
            self.free_seats(false).into_iter().filter(|&s| self.general(s) && !self.in_reserved_block(s)).collect();
        let waiting: Vec<usize> = self.seated.iter().copied().filter(|&d| self.plan.seat_of[d].is_none()).collect();
        for (&d, &s) in waiting.iter().zip(&general) {
            self.plan.take(s, d);
        }
        let unseated = waiting.len().saturating_sub(general.len());
        if unseated > 0 && !self.plan.hall.is_empty() {
            self.too_few_seats(unseated);
        }
    }

    /// The hall is `unseated` seats short.
    fn too_few_seats(&mut self, unseated: usize) {
        let hall = &self.plan.hall;
        // Seats left empty that nobody waiting may take: say so, or the sums do not add up.
        let on_stage = |s: SeatIx| hall.rows.get(hall.seats[s].row).is_some_and(|r| r.presidium);
        let empty_stage = hall.seats.keys().filter(|&s| self.free(s) && on_stage(s)).count();
        let empty_secretariat = hall.seats.keys().filter(|&s| self.free(s) && !on_stage(s) && !self.general(s)).count();
        let empty_reserved =
            hall.seats.keys().filter(|&s| self.free(s) && self.general(s) && self.in_reserved_block(s)).count();
        let mut vi_notes = Vec::new();
        let mut en_notes = Vec::new();
        if empty_stage > 0 {
            vi_notes.push(format!("{empty_stage} ghế Đoàn chủ tịch còn trống, chỉ dành cho Đoàn chủ tịch"));
            en_notes.push(format!("{empty_stage} empty presidium seats, for the presidium only"));
        }
        if empty_secretariat > 0 {
            vi_notes
                .push(format!("{empty_secretariat} ghế Đoàn thư ký còn trống, chỉ dành cho người có vai trò Thư ký"));
            en_notes.push(format!("{empty_secretariat} empty secretariat seats, for those with the role Thư ký only"));
        }
        if empty_reserved > 0 {
            vi_notes.push(format!("{empty_reserved} ghế dành riêng cho nhóm khác còn trống"));
            en_notes.push(format!("{empty_reserved} empty seats reserved for other groups"));
        }
        let (vi_extra, en_extra) = if vi_notes.is_empty() {
            (String::new(), String::new())
        } else {
            (format!(" ({})", vi_notes.join("; ")), format!(" ({})", en_notes.join("; ")))
        };
        let (seated, seats) = (self.seated.len(), hall.seats.len());
        self.diags.push(
            Diagnostic::error(
                "too-few-seats",
                self.hall_loc.clone(),
                Text::new(
                    format!("hội trường thiếu {unseated} ghế: {seated} đại biểu dự họp, {seats} ghế{vi_extra}"),
                    format!("the hall is {unseated} seats short: {seated} delegates attend, {seats} seats{en_extra}"),
                ),
            )
            .with_hint(Text::new(
                format!("thêm ít nhất {unseated} ghế trong sheet Hội trường, hoặc bỏ bớt chỗ dành riêng"),
                format!("add at least {unseated} seats in the Hội trường sheet, or reserve fewer"),
            )),
        );
    }
}

/// A manual seat that is not in the hall; the hint gives the row's range when the row
/// exists (the number is past its end), else the rows there are.
fn unknown_seat(hall: &Hall, code: &str, loc: Loc) -> Diagnostic {
    let hint = match hall.row_of_code(code) {
        Some(row) => {
            let (r, n) = (&row.code, row.seats.len());
            Text::new(
                format!("hàng {r} có {n} ghế ({r}01 – {r}{n:02})"),
                format!("row {r} has {n} seats ({r}01 – {r}{n:02})"),
            )
        }
        None => {
            let rows: Vec<&str> = hall.rows.iter().map(|r| r.code.as_str()).collect();
            Text::new(
                format!("mã ghế là hàng + số thứ tự hai chữ số (ví dụ A05); các hàng: {}", rows.join(", ")),
                format!("a seat code is the row and a two-digit number (e.g. A05); the rows are: {}", rows.join(", ")),
            )
        }
    };
    Diagnostic::error(
        "unknown-seat",
        loc,
        Text::new(
            format!("ghế {} không có trong hội trường", quote(code)),
            format!("seat {} is not in the hall", quote(code)),
        ),
    )
    .with_hint(hint)
}

/// Two people given the same manual seat.
fn duplicate_seat(code: &str, other: &crate::model::Delegate, loc: Loc) -> Diagnostic {
    let first = other.src.loc("seat");
    Diagnostic::error(
        "duplicate-seat",
        loc,
        Text::new(
            format!("ghế {code} đã xếp cho {} ({})", other.name, first.short()),
            format!("seat {code} is already given to {} ({})", other.name, first.short()),
        ),
    )
    .with_hint(Text::new(
        "mỗi ghế chỉ một người: đổi hoặc xóa một trong hai ô Ghế",
        "one person per seat: change or clear one of the two",
    ))
}
