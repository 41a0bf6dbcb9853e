//! Seating by protocol: a pure, deterministic function of the dataset.
//!
//! In order, each step taking only seats still free:
//! 1. manual seats (`Ghế`) — always honoured, never given to anyone else; then the
//!    secretariat's table, when the room has one: the delegates with the role Thư ký
//!    (before the presidium, whose most senior are then not the secretaries);
//! 2. the presidium row: delegates with the role Đoàn chủ tịch, most senior in the centre,
//!    then alternately to each side (the side of honour is a setting);
//! 3. award recipients who are delegates: aisle seats nearest the stage, in the order they
//!    will be called (collectives first, then individuals, each in list order);
//! 4. blocks reserved for groups: filled by those groups, most senior first, front rows
//!    first, centre-out; a reserved seat is never given to anyone else;
//! 5. everyone else, in protocol order, the nearest parts first: a meeting table's arms
//!    from the head, its foot, the rows behind it; the rows of a hall from the front, or
//!    its round tables in order; each row centre-out.
//!
//! Who is seated: invited delegates not marked `Vắng`, and anyone with a manual seat who
//! is not `Vắng` (organisers are often not invited but seated). Every step is linear in the
//! seats and delegates (after sorting), so 10 000 delegates take milliseconds.

pub mod hall;
mod seats;
mod secretariat;
mod steps;

pub use seats::{Policy, SeatingPlan, is_seated};

use self::steps::Assigner;
use crate::diag::{Diagnostics, Loc, Severity};
use crate::model::Dataset;

/// Assigns seats. `protocol` is every delegate in protocol order. `None` (with errors in
/// `diags`) when the hall cannot seat everyone or manual seats conflict.
pub fn assign(
    ds: &Dataset,
    protocol: &[usize],
    policy: Policy,
    hall_loc: Option<Loc>,
    diags: &mut Diagnostics,
) -> Option<SeatingPlan> {
    let errors_before = diags.count(Severity::Error);
    let mut a = Assigner::new(ds, protocol, policy, hall_loc, diags);
    a.manual_seats();
    a.secretariat();
    a.presidium();
    a.award_recipients();
    a.reserved_blocks();
    a.everyone_else();
    let ok = a.diags.count(Severity::Error) == errors_before;
    debug_assert!(a.plan.verify().is_ok());
    ok.then_some(a.plan)
}
