//! Who sits where: the plan every seating document reads, and who needs a seat.

use typed_index_collections::TiVec;

use super::hall::{Hall, HonourSide, Seat, SeatIx};
use crate::model::Dataset;

/// Seating rules that are settings.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub side: HonourSide,
}

/// Who sits where.
#[derive(Debug, Clone)]
pub struct SeatingPlan {
    pub hall: Hall,
    /// Per delegate (index into `Dataset::delegates`): their seat.
    pub seat_of: Vec<Option<SeatIx>>,
    /// Per seat: its delegate.
    pub occupant: TiVec<SeatIx, Option<usize>>,
}

impl SeatingPlan {
    pub(super) fn take(&mut self, seat: SeatIx, delegate: usize) {
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
                return Err(format!("delegate {d} has seat {s:?} whose occupant is {:?}", self.occupant[*s]));
            }
        }
        for (s, d) in self.occupant.iter_enumerated() {
            if let Some(d) = d
                && self.seat_of[*d] != Some(s)
            {
                return Err(format!("seat {s:?} holds {d} whose seat is {:?}", self.seat_of[*d]));
            }
        }
        Ok(())
    }

    /// The seat a delegate sits in.
    pub fn seat(&self, delegate: usize) -> Option<&Seat> {
        self.seat_of[delegate].map(|s| &self.hall.seats[s])
    }

    /// Who sits where, seat by seat.
    pub fn occupied(&self) -> impl Iterator<Item = (SeatIx, usize)> + '_ {
        self.occupant.iter_enumerated().filter_map(|(s, d)| d.map(|d| (s, d)))
    }

    /// The seat a delegate sits in, described for the invitation.
    pub fn describe(&self, delegate: usize) -> Option<String> {
        self.seat_of[delegate].map(|s| self.hall.describe(s))
    }
}

/// Does this delegate come to the room and need a seat there ([`crate::model::Delegate::in_hall`]:
/// not absent, not at a bridge point; invited, of the host, said to come, or given a seat)?
pub fn is_seated(ds: &Dataset, d: usize) -> bool {
    ds.delegates[d].in_hall()
}
