//! Seating by protocol: a pure, deterministic function of the dataset.
//!
//! In order, each step taking only seats still free:
//! 1. manual seats (`Ghế`) — always honoured, never given to anyone else;
//! 2. the presidium row: delegates with the role Đoàn chủ tịch, most senior in the centre,
//!    then alternately to each side (the side of honour is a setting);
//! 3. award recipients who are delegates: aisle seats nearest the stage, in the order they
//!    will be called (collectives first, then individuals, each in list order);
//! 4. blocks reserved for groups: filled by those groups, most senior first, front rows
//!    first, centre-out; a reserved seat is never given to anyone else;
//! 5. everyone else, in protocol order, front rows first, centre-out.
//!
//! Who is seated: invited delegates not marked `Vắng`, and anyone with a manual seat who
//! is not `Vắng` (organisers are often not invited but seated). Every step is linear in the
//! seats and delegates (after sorting), so 10 000 delegates take milliseconds.

pub mod hall;

use std::collections::{HashMap, VecDeque};

pub use hall::{Hall, HonourSide};

use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::model::{Attendance, AwardKind, Dataset, Role};

/// Seating rules that are settings.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub side: HonourSide,
}

/// Who sits where.
#[derive(Debug, Clone)]
pub struct SeatingPlan {
    pub hall: Hall,
    /// Per delegate: their seat (index into `hall.seats`).
    pub seat_of: Vec<Option<usize>>,
    /// Per seat: its delegate.
    pub occupant: Vec<Option<usize>>,
}

impl SeatingPlan {
    fn take(&mut self, seat: usize, delegate: usize) {
        debug_assert!(self.occupant[seat].is_none() && self.seat_of[delegate].is_none());
        self.occupant[seat] = Some(delegate);
        self.seat_of[delegate] = Some(seat);
    }

    /// The invariants, for tests: each seat holds at most one delegate and each delegate
    /// has at most one seat, and the two maps agree.
    pub fn verify(&self) -> Result<(), String> {
        for (d, s) in self.seat_of.iter().enumerate() {
            if let Some(s) = s
                && self.occupant[*s] != Some(d)
            {
                return Err(format!("delegate {d} has seat {s} whose occupant is {:?}", self.occupant[*s]));
            }
        }
        for (s, d) in self.occupant.iter().enumerate() {
            if let Some(d) = d
                && self.seat_of[*d] != Some(s)
            {
                return Err(format!("seat {s} holds {d} whose seat is {:?}", self.seat_of[*d]));
            }
        }
        Ok(())
    }

    /// The seat a delegate sits in, described for the invitation.
    pub fn describe(&self, delegate: usize) -> Option<String> {
        self.seat_of[delegate].map(|s| self.hall.describe(s))
    }
}

/// Does this delegate come and need a seat?
pub fn is_seated(ds: &Dataset, d: usize) -> bool {
    let del = &ds.delegates[d];
    del.attendance != Attendance::Absent && (del.invited || del.seat.is_some())
}

/// Assigns seats. `protocol` is every delegate in protocol order. `None` (with errors in
/// `diags`) when the hall cannot seat everyone or manual seats conflict.
pub fn assign(
    ds: &Dataset,
    protocol: &[usize],
    policy: Policy,
    hall_loc: Option<Loc>,
    diags: &mut Diagnostics,
) -> Option<SeatingPlan> {
    let hall = Hall::from_dataset(ds);
    let n = ds.delegates.len();
    let mut plan = SeatingPlan { occupant: vec![None; hall.seats.len()], seat_of: vec![None; n], hall };
    let errors_before = diags.count(crate::diag::Severity::Error);
    let rank: Vec<usize> = {
        let mut r = vec![usize::MAX; n];
        for (i, &d) in protocol.iter().enumerate() {
            r[d] = i;
        }
        r
    };
    let seated: Vec<usize> = protocol.iter().copied().filter(|&d| is_seated(ds, d)).collect();

    // 1. Manual seats: those who come first, so an absent delegate's seat never pushes out
    // someone who comes and was given the same seat.
    let mut reserved_manual = vec![false; plan.hall.seats.len()];
    let absent = |d: &usize| ds.delegates[*d].attendance == Attendance::Absent;
    let coming_first: Vec<usize> =
        protocol.iter().copied().filter(|d| !absent(d)).chain(protocol.iter().copied().filter(absent)).collect();
    for d in coming_first {
        let del = &ds.delegates[d];
        let Some(code) = &del.seat else { continue };
        let loc = del.src.loc("seat");
        let Some(s) = plan.hall.find(code) else {
            let rows: Vec<&str> = plan.hall.rows.iter().map(|r| r.code.as_str()).collect();
            let hint = match plan.hall.row_of_code(code) {
                // The row exists: the number is past its end.
                Some(row) => Text::new(
                    format!(
                        "hàng {} có {} ghế ({}01 – {}{:02})",
                        row.code,
                        row.seats.len(),
                        row.code,
                        row.code,
                        row.seats.len()
                    ),
                    format!(
                        "row {} has {} seats ({}01 – {}{:02})",
                        row.code,
                        row.seats.len(),
                        row.code,
                        row.code,
                        row.seats.len()
                    ),
                ),
                None => Text::new(
                    format!("mã ghế là hàng + số thứ tự hai chữ số (ví dụ A05); các hàng: {}", rows.join(", ")),
                    format!(
                        "a seat code is the row and a two-digit number (e.g. A05); the rows are: {}",
                        rows.join(", ")
                    ),
                ),
            };
            diags.push(
                Diagnostic::error(
                    "unknown-seat",
                    loc,
                    Text::new(
                        format!("ghế {} không có trong hội trường", quote(code)),
                        format!("seat {} is not in the hall", quote(code)),
                    ),
                )
                .with_hint(hint),
            );
            continue;
        };
        if let Some(other) = plan.occupant[s]
            && del.attendance == Attendance::Absent
        {
            diags.push(Diagnostic::warning(
                "absent-seat",
                loc,
                Text::new(
                    format!("{} vắng: ghế {} dành cho {}", del.name, plan.hall.seats[s].code, ds.delegates[other].name),
                    format!(
                        "{} is absent: seat {} goes to {}",
                        del.name, plan.hall.seats[s].code, ds.delegates[other].name
                    ),
                ),
            ));
            continue;
        }
        if let Some(other) = plan.occupant[s] {
            let first = ds.delegates[other].src.loc("seat");
            diags.push(
                Diagnostic::error(
                    "duplicate-seat",
                    loc,
                    Text::new(
                        format!(
                            "ghế {} đã xếp cho {} ({})",
                            plan.hall.seats[s].code,
                            ds.delegates[other].name,
                            first.short()
                        ),
                        format!(
                            "seat {} is already given to {} ({})",
                            plan.hall.seats[s].code,
                            ds.delegates[other].name,
                            first.short()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "mỗi ghế chỉ một người: đổi hoặc xóa một trong hai ô Ghế",
                    "one person per seat: change or clear one of the two",
                )),
            );
            continue;
        }
        if reserved_manual[s] {
            continue;
        }
        if del.attendance == Attendance::Absent {
            reserved_manual[s] = true;
            diags.push(Diagnostic::warning(
                "absent-seat",
                loc,
                Text::new(
                    format!("{} vắng: ghế {} được để trống", del.name, plan.hall.seats[s].code),
                    format!("{} is absent: seat {} stays empty", del.name, plan.hall.seats[s].code),
                ),
            ));
            continue;
        }
        plan.take(s, d);
    }
    let free = |plan: &SeatingPlan, s: usize| plan.occupant[s].is_none() && !reserved_manual[s];

    // Seat orders: each row centre-out; presidium rows and hall rows separately.
    let row_orders: Vec<Vec<usize>> = plan
        .hall
        .rows
        .iter()
        .map(|row| Hall::centre_out(row.seats.len(), policy.side).into_iter().map(|p| row.seats[p]).collect())
        .collect();
    let reserved_block = |plan: &SeatingPlan, s: usize| {
        let seat = &plan.hall.seats[s];
        !plan.hall.rows[seat.row].blocks[seat.block].reserved_for.is_empty()
    };

    // 2. The presidium.
    let members: Vec<usize> = seated
        .iter()
        .copied()
        .filter(|&d| plan.seat_of[d].is_none() && ds.delegates[d].has_role(Role::Presidium))
        .collect();
    let stage: Vec<usize> = plan
        .hall
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.presidium)
        .flat_map(|(i, _)| row_orders[i].iter().copied())
        .filter(|&s| free(&plan, s))
        .collect();
    if !stage.is_empty() || plan.hall.rows.iter().any(|r| r.presidium) {
        if members.len() > stage.len() {
            diags.push(
                Diagnostic::error(
                    "presidium-too-small",
                    hall_loc.clone(),
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
            plan.take(s, d);
        }
    }

    // 3. Award recipients on aisle seats nearest the stage, in calling order.
    let mut calls: Vec<usize> = Vec::new();
    for kind in [AwardKind::Collective, AwardKind::Individual] {
        for a in ds.awards.iter().filter(|a| a.kind == kind) {
            if let Some(d) = a.delegate
                && is_seated(ds, d)
                && plan.seat_of[d].is_none()
                && !calls.contains(&d)
            {
                calls.push(d);
            }
        }
    }
    let aisles: Vec<usize> = plan
        .hall
        .rows
        .iter()
        .filter(|r| !r.presidium)
        .flat_map(|r| r.seats.iter().copied())
        .filter(|&s| plan.hall.seats[s].aisle)
        .collect();
    for d in calls {
        let group = ds.delegates[d].group;
        let eligible = |s: usize| {
            let seat = &plan.hall.seats[s];
            let reserved = &plan.hall.rows[seat.row].blocks[seat.block].reserved_for;
            reserved.is_empty() || reserved.contains(&group)
        };
        if let Some(&s) = aisles.iter().find(|&&s| free(&plan, s) && eligible(s)) {
            plan.take(s, d);
        }
    }

    // 4. Reserved blocks, row by row from the front.
    let mut queues: HashMap<usize, VecDeque<usize>> = HashMap::new();
    for &d in &seated {
        if plan.seat_of[d].is_none() {
            queues.entry(ds.delegates[d].group).or_default().push_back(d);
        }
    }
    for (r, row) in plan.hall.rows.iter().enumerate() {
        if row.presidium {
            continue;
        }
        for &s in &row_orders[r] {
            if !free(&plan, s) {
                continue;
            }
            let seat = &plan.hall.seats[s];
            let groups = &row.blocks[seat.block].reserved_for;
            // The most senior waiting member of the block's groups.
            let next =
                groups.iter().filter_map(|g| queues.get(g).and_then(|q| q.front()).map(|&d| (rank[d], *g))).min();
            if let Some((_, g)) = next {
                let d = queues.get_mut(&g).and_then(VecDeque::pop_front).expect("a front exists");
                plan.occupant[s] = Some(d);
                plan.seat_of[d] = Some(s);
            }
        }
    }

    // A group larger than its reserved blocks: the rest sit in the general seats, said.
    let mut overflowing: Vec<(usize, usize)> =
        queues.iter().filter(|(_, q)| !q.is_empty()).map(|(g, q)| (*g, q.len())).collect();
    overflowing.sort_unstable();
    for (g, left) in overflowing {
        let blocks: Vec<&hall::Block> = plan
            .hall
            .rows
            .iter()
            .filter(|r| !r.presidium)
            .flat_map(|r| r.blocks.iter())
            .filter(|b| b.reserved_for.contains(&g))
            .collect();
        let reserved: usize = blocks.iter().map(|b| b.numbers.len()).sum();
        if reserved == 0 {
            continue;
        }
        let (shared, shared_en) = if blocks.iter().any(|b| b.reserved_for.len() > 1) {
            (" (dùng chung với nhóm khác)", " (shared with other groups)")
        } else {
            ("", "")
        };
        let name = &ds.groups[g].name;
        diags.push(Diagnostic::note(
            "reserved-overflow",
            hall_loc.clone(),
            Text::new(
                format!("nhóm “{name}”: khu dành riêng có {reserved} ghế{shared}, {left} người còn lại ngồi ở khu chung"),
                format!(
                    "group “{name}”: its reserved blocks have {reserved} seats{shared_en}, {left} more sit in the general seats"
                ),
            ),
        ));
    }

    // 5. Everyone else.
    let general: Vec<usize> = plan
        .hall
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.presidium)
        .flat_map(|(i, _)| row_orders[i].iter().copied())
        .filter(|&s| free(&plan, s) && !reserved_block(&plan, s))
        .collect();
    let waiting: Vec<usize> = seated.iter().copied().filter(|&d| plan.seat_of[d].is_none()).collect();
    for (&d, &s) in waiting.iter().zip(&general) {
        plan.take(s, d);
    }
    let unseated = waiting.len().saturating_sub(general.len());
    if unseated > 0 && !plan.hall.is_empty() {
        // Seats left empty that nobody waiting may take: say so, or the sums do not add up.
        let on_stage = |s: usize| plan.hall.rows.get(plan.hall.seats[s].row).is_some_and(|r| r.presidium);
        let empty_stage = (0..plan.hall.seats.len()).filter(|&s| free(&plan, s) && on_stage(s)).count();
        let empty_reserved =
            (0..plan.hall.seats.len()).filter(|&s| free(&plan, s) && !on_stage(s) && reserved_block(&plan, s)).count();
        let mut vi_notes = Vec::new();
        let mut en_notes = Vec::new();
        if empty_stage > 0 {
            vi_notes.push(format!("{empty_stage} ghế Đoàn chủ tịch còn trống, chỉ dành cho Đoàn chủ tịch"));
            en_notes.push(format!("{empty_stage} empty presidium seats, for the presidium only"));
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
        diags.push(
            Diagnostic::error(
                "too-few-seats",
                hall_loc,
                Text::new(
                    format!(
                        "hội trường thiếu {unseated} ghế: {} đại biểu dự họp, {} ghế{vi_extra}",
                        seated.len(),
                        plan.hall.seats.len()
                    ),
                    format!(
                        "the hall is {unseated} seats short: {} delegates attend, {} seats{en_extra}",
                        seated.len(),
                        plan.hall.seats.len()
                    ),
                ),
            )
            .with_hint(Text::new(
                format!("thêm ít nhất {unseated} ghế trong sheet Hội trường, hoặc bỏ bớt chỗ dành riêng"),
                format!("add at least {unseated} seats in the Hội trường sheet, or reserve fewer"),
            )),
        );
    }
    debug_assert!(plan.verify().is_ok());
    (diags.count(crate::diag::Severity::Error) == errors_before).then_some(plan)
}
