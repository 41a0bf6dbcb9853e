//! The secretariat's step: the delegates with the role `Thư ký` at the secretariat's table
//! (`Đoàn thư ký`, `Bàn thư ký`), most senior first, centre-out. Its seats are theirs only;
//! a room without one seats them as everyone else. It comes before the presidium's step,
//! so that the presidium's most senior (when nobody has the role `Đoàn chủ tịch`) are not
//! the secretaries; a secretary who presides or is of the presidium is left to that step.

use super::hall::SeatIx;
use super::steps::Assigner;
use crate::diag::{Diagnostic, Text};
use crate::model::{HallPart, Role};

impl Assigner<'_> {
    /// Step 1 (after the manual seats), the secretariat: those with the role `Thư ký` who have no seat yet (and
    /// neither preside nor are of the presidium), in protocol order, on the free seats of the
    /// secretariat's table in the order protocol fills them. More of them than seats: the
    /// others sit with everyone else (a warning); nobody with the role: the table stays
    /// empty (a note).
    pub(crate) fn secretariat(&mut self) {
        let hall = &self.plan.hall;
        let seats: Vec<SeatIx> = hall
            .precedence
            .iter()
            .copied()
            .filter(|&s| hall.rows[hall.seats[s].row].part == HallPart::Secretariat && self.free(s))
            .collect();
        if !hall.rows.iter().any(|r| r.part == HallPart::Secretariat) {
            return;
        }
        let ds = self.ds;
        let secretaries: Vec<usize> = self
            .seated
            .iter()
            .copied()
            .filter(|&d| {
                let del = &ds.delegates[d];
                self.plan.seat_of[d].is_none()
                    && del.has_role(Role::Secretary)
                    && !del.has_role(Role::Chair)
                    && !del.has_role(Role::Presidium)
            })
            .collect();
        for (&d, &s) in secretaries.iter().zip(&seats) {
            self.plan.take(s, d);
        }
        let table = hall_table_name(self);
        if secretaries.len() > seats.len() {
            let (n, m) = (secretaries.len(), seats.len());
            self.diags.push(Diagnostic::warning(
                "secretariat-too-small",
                self.hall_loc.clone(),
                Text::new(
                    format!(
                        "{n} người có vai trò Thư ký nhưng {table} chỉ còn {m} ghế: {} người ngồi ở khu chung",
                        n - m
                    ),
                    format!(
                        "{n} delegates have the role Thư ký but {table} has {m} seats left: {} sit with the others",
                        n - m
                    ),
                ),
            ));
        } else if !seats.is_empty() && !self.seated.iter().any(|&d| ds.delegates[d].has_role(Role::Secretary)) {
            self.diags.push(Diagnostic::note(
                "secretariat-empty",
                self.hall_loc.clone(),
                Text::new(
                    format!("{table} để trống: không đại biểu nào có vai trò Thư ký"),
                    format!("{table} stays empty: no delegate has the role Thư ký"),
                ),
            ));
        }
    }
}

/// The secretariat table's name as the sheet gives it (`Bàn thư ký`).
fn hall_table_name(a: &Assigner<'_>) -> String {
    let hall = &a.plan.hall;
    hall.rows
        .iter()
        .find(|r| r.part == HallPart::Secretariat)
        .and_then(|r| r.blocks.first())
        .map_or_else(|| "Đoàn thư ký".to_string(), |b| b.name.clone())
}
