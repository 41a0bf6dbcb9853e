//! Who sits where: the plan every seating document reads, and who needs a seat.

use super::hall::{Hall, HonourSide};
use crate::model::{Attendance, Dataset};

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
    pub(super) fn take(&mut self, seat: usize, delegate: usize) {
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
