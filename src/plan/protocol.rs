//! Protocol by rank: the presidium in its order of honour, and who is greeted first.
//!
//! State protocol puts the most senior person present at the centre of the presidium, not
//! necessarily whoever presides (Decree 145/2013 on ceremonies; provincial guidance on
//! seating: "guests before hosts"; `data/README.md` has the sources). So the centre goes to
//! the leader who attends to direct the conference — the role `Phát biểu chỉ đạo`, or `Dự và
//! chỉ đạo` for one who does not speak — and whoever presides (`Chủ trì`) sits at the centre
//! only when no such leader sits in the presidium, else beside them. The clerk can fix any
//! order with `Thứ tự Đoàn chủ tịch`.

use crate::model::{Dataset, Role};

/// Whether a delegate leads the conference from the presidium as its most senior guest.
fn directs(ds: &Dataset, d: usize) -> bool {
    let del = &ds.delegates[d];
    del.has_role(Role::Directive) || del.has_role(Role::Guest)
}

/// Whether a delegate belongs in the presidium: named to it (`Đoàn chủ tịch`, a place in
/// it), presiding, or attending to direct.
pub(crate) fn in_presidium(ds: &Dataset, d: usize) -> bool {
    let del = &ds.delegates[d];
    del.has_role(Role::Presidium)
        || del.has_role(Role::Chair)
        || del.has_role(Role::Guest)
        || del.presidium_order.is_some()
}

/// `members` (who sit in the presidium, in protocol order) in the order of honour: the
/// centre first, then seat 2, 3 … Those given a `Thứ tự Đoàn chủ tịch` come in that order;
/// then the most senior leader present who directs (the first in protocol order), then who
/// presides, then the others in protocol order.
pub(crate) fn order_presidium(ds: &Dataset, members: &[usize]) -> Vec<usize> {
    let mut fixed: Vec<usize> =
        members.iter().copied().filter(|&d| ds.delegates[d].presidium_order.is_some()).collect();
    fixed.sort_by_key(|&d| ds.delegates[d].presidium_order);
    let rest: Vec<usize> = members.iter().copied().filter(|d| !fixed.contains(d)).collect();
    let leader = rest.iter().copied().find(|&d| directs(ds, d));
    let chair = rest.iter().copied().find(|&d| ds.delegates[d].has_role(Role::Chair));
    let mut out = fixed;
    out.extend(leader);
    out.extend(chair.filter(|c| Some(*c) != leader));
    out.extend(rest.into_iter().filter(|&d| Some(d) != leader && Some(d) != chair));
    out
}

/// The presidium of those who take part in the room (a leader at a bridge point chairs it
/// there), in its order of honour.
pub(crate) fn presidium(ds: &Dataset, protocol: &[usize]) -> Vec<usize> {
    let members: Vec<usize> =
        protocol.iter().copied().filter(|&d| ds.delegates[d].in_hall() && in_presidium(ds, d)).collect();
    order_presidium(ds, &members)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commune sample: its Party Secretary (TU01) directs, the Chairman (UB01) presides.
    fn commune() -> Dataset {
        let mut diags = crate::diag::Diagnostics::new();
        let source = crate::commands::sample_commune();
        crate::pipeline::prepare(&source, &mut diags, &mut Default::default()).expect("the sample is valid").dataset
    }

    fn ids(ds: &Dataset, order: &[usize]) -> Vec<String> {
        order.iter().map(|&d| ds.delegates[d].id.clone()).take(3).collect()
    }

    #[test]
    fn the_most_senior_leader_takes_the_centre_and_the_presider_sits_beside() {
        let mut ds = commune();
        let protocol: Vec<usize> = (0..ds.delegates.len()).collect();
        let at = |ds: &Dataset, id: &str| ds.delegates.iter().position(|d| d.id == id).unwrap();
        assert_eq!(ids(&ds, &presidium(&ds, &protocol)), ["TU01", "UB01", "TU02"]);
        // Without a leader who directs, who presides is at the centre.
        let tu01 = at(&ds, "TU01");
        ds.delegates[tu01].roles = vec![Role::Presidium];
        assert_eq!(ids(&ds, &presidium(&ds, &protocol)), ["UB01", "TU01", "TU02"]);
        // `Dự và chỉ đạo`: the most senior leader, without a speech.
        ds.delegates[tu01].roles = vec![Role::Guest];
        assert_eq!(ids(&ds, &presidium(&ds, &protocol)), ["TU01", "UB01", "TU02"]);
        // The clerk's order wins.
        let hd01 = at(&ds, "HD01");
        ds.delegates[hd01].presidium_order = Some(1);
        assert_eq!(ids(&ds, &presidium(&ds, &protocol)), ["HD01", "TU01", "UB01"]);
        // A leader taking part at a bridge point is not on this stage; absent, neither.
        ds.bridges.push(crate::model::Bridge {
            name: "Điểm cầu thôn Plei Bông".into(),
            place: None,
            chair: None,
            contact: None,
            phone: None,
            expected: None,
            src: ds.delegates[hd01].src.clone(),
        });
        ds.delegates[hd01].bridge = Some(0);
        ds.delegates[tu01].attendance = crate::model::Attendance::Absent;
        assert_eq!(ids(&ds, &presidium(&ds, &protocol)), ["UB01", "TU02", "UB02"]);
    }
}
