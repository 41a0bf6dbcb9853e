//! Biển tên: tent-card name plates for the presidium (or the chair's table) and the first
//! row of chairs, everyone at a meeting table, the chair's table of a banquet — each the
//! name and, below it, the position with its unit, so that twenty-two directors of
//! departments are told apart (`Giám đốc Sở Tài chính`, not `Giám đốc`).

use serde::Serialize;

use crate::model::{Attendance, Dataset, Delegate, HallPart, Layout};
use crate::plan::seating::SeatingPlan;
use crate::plan::seating::hall::Row;

/// One name plate: the name (no honorific) and the position with its unit.
#[derive(Debug, Clone, Serialize)]
pub struct PlateView {
    pub name: String,
    pub position: String,
    pub seat: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlatesView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub plates: Vec<PlateView>,
}

/// The bodies a plate writes as everyone reads them on one: `Ủy ban nhân dân` → `UBND`.
const SHORT: [(&str, &str); 4] = [
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam"),
];

/// What a plate says under the name: the position and the unit, the unit not said twice
/// (`Giám đốc` + `Sở Nông nghiệp và Môi trường tỉnh Phú Thọ` → `Giám đốc Sở Nông nghiệp và
/// Môi trường tỉnh Phú Thọ`; `Chủ tịch UBND tỉnh` + `Ủy ban nhân dân tỉnh` → `Chủ tịch UBND
/// tỉnh`), the people's councils and committees by their usual short names.
pub(crate) fn plate_position(d: &Delegate) -> String {
    let mut text = d.position_and_organization();
    for (long, short) in SHORT {
        text = text.replace(long, short);
    }
    text
}

/// The rows that get plates: the presidium (or the chair's table) and, in a hall, the first
/// row of chairs (never the secretariat's table: its people work, they are not introduced);
/// at a meeting table everyone at it (not the rows behind it); at round tables the chair's.
fn plated_rows(seating: &SeatingPlan) -> Vec<&Row> {
    let hall = &seating.hall;
    let mut rows: Vec<&Row> = hall.rows.iter().filter(|r| r.presidium).collect();
    match hall.layout {
        Layout::Rows => rows.extend(hall.rows.iter().find(|r| r.part == HallPart::Audience)),
        Layout::Table => rows.extend(
            hall.rows.iter().filter(|r| matches!(r.part, HallPart::LeftArm | HallPart::RightArm | HallPart::Foot)),
        ),
        Layout::Round => {}
    }
    rows
}

/// Plates for the presidium (or the chair's table) and the first row of chairs, or
/// everyone at a meeting table.
pub fn plates(ds: &Dataset, seating: &SeatingPlan, font: Vec<&'static str>) -> PlatesView {
    let hall = &seating.hall;
    let plates = plated_rows(seating)
        .iter()
        .flat_map(|row| row.seats.iter())
        .filter_map(|&s| {
            let d = seating.occupant[s]?;
            let del = &ds.delegates[d];
            // Someone else comes in the invitee's place: the plate names the office.
            let replaced = del.attendance == Attendance::Substitute;
            Some(PlateView {
                name: if replaced { format!("Đại diện {}", del.organization) } else { del.titled_name() },
                position: if replaced { String::new() } else { plate_position(del) },
                seat: hall.seats[s].code.clone(),
            })
        })
        .collect();
    PlatesView { font, title: format!("Biển tên - {}", ds.conference.title), plates }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delegate(position: &str, organization: &str) -> Delegate {
        Delegate::example(Some(position), organization)
    }

    #[test]
    fn a_plate_says_the_position_with_its_unit_once() {
        let say = |p: &str, o: &str| plate_position(&delegate(p, o));
        assert_eq!(
            say("Giám đốc", "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ"),
            "Giám đốc Sở Nông nghiệp và Môi trường tỉnh Phú Thọ"
        );
        assert_eq!(say("Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh Phú Thọ"), "Chủ tịch UBND tỉnh Phú Thọ");
        assert_eq!(say("Phó Chủ tịch", "Hội đồng nhân dân tỉnh Phú Thọ"), "Phó Chủ tịch HĐND tỉnh Phú Thọ");
        assert_eq!(say("Trưởng phòng", "Phòng Kinh tế"), "Trưởng phòng Kinh tế");
        assert_eq!(say("", "Sở Tài chính"), "Sở Tài chính");
    }
}
