//! Whom the MC greets, and how the delegates are introduced — protocol by rank (`data/README.md`
//! § Protocol has the conventions and their sources):
//!
//! - the greeting opens with the most senior person present (the presidium's centre) by name
//!   and title, then the presidium as a whole, then the groups present that have a greeting —
//!   superior bodies' and guests' before the host's own — then the bridge points, then the
//!   honourees; the template closes with the whole conference;
//! - the introduction goes group by group, guests before hosts, each as its `Nêu tên` says
//!   (everyone, the first N, or nobody by name), never with an empty list; then the press, by
//!   its bodies; then the bridge points.

use super::context::{GroupIntro, call};
use crate::model::{Dataset, Group, Introduce, Role};

/// Groups in the order they are greeted and introduced: guests' (and superior bodies')
/// groups first, in precedence order, then the host's, then the press.
fn group_order(ds: &Dataset) -> Vec<usize> {
    let (press, people): (Vec<usize>, Vec<usize>) = (0..ds.groups.len()).partition(|&g| press(&ds.groups[g]));
    let (hosts, guests): (Vec<usize>, Vec<usize>) = people.into_iter().partition(|&g| ds.groups[g].host);
    guests.into_iter().chain(hosts).chain(press).collect()
}

/// Who of group `g` is introduced or greeted with it: those in the room (people at bridge
/// points are introduced with their bridge point).
fn members(ds: &Dataset, protocol: &[usize], g: usize) -> Vec<usize> {
    protocol.iter().copied().filter(|&d| ds.delegates[d].group == g && ds.delegates[d].in_hall()).collect()
}

/// Whom the MC greets, in order (each `Kính thưa …;`).
pub(super) fn greetings(ds: &Dataset, protocol: &[usize], presidium: &[usize]) -> Vec<String> {
    let principal = presidium.first().copied();
    let mut out: Vec<String> = principal.map(|d| call(ds, &ds.delegates[d])).into_iter().collect();
    if presidium.len() > 1 {
        out.push("các đồng chí trong Đoàn Chủ tịch".into());
    }
    for g in group_order(ds) {
        let Some(greeting) = &ds.groups[g].greeting else { continue };
        // A group greeted as a whole has someone there besides whom the greeting named.
        let present =
            protocol.iter().any(|&d| ds.delegates[d].group == g && ds.delegates[d].attends() && Some(d) != principal);
        if present && !out.contains(greeting) {
            out.push(greeting.clone());
        }
    }
    match ds.bridges.len() {
        0 => {}
        1 => out.push("các đồng chí dự Hội nghị tại điểm cầu trực tuyến".into()),
        n => out.push(format!("các đồng chí dự Hội nghị tại {n} điểm cầu trực tuyến")),
    }
    if !ds.awards.is_empty() {
        out.push("các tập thể, cá nhân được khen thưởng".into());
    }
    out
}

/// Whether an introduction's opening says `có` itself (`Về dự Hội nghị còn có …`).
fn has_verb(intro: &str) -> bool {
    let k = crate::text::slug(intro);
    k.contains("con-co") || k.ends_with("-co") || k.starts_with("tham-du")
}

/// Whether a group is the press (introduced by its bodies, never by name).
fn press(group: &Group) -> bool {
    let k = crate::text::loose_key(&group.name);
    ["baochi", "phongvien", "thongtan", "truyenhinh", "baodai"].iter().any(|p| k.contains(p))
}

/// `đại diện lãnh đạo các sở, ban, ngành`, `các đồng chí lãnh đạo Bộ` (never `lãnh đạo lãnh
/// đạo`), `đại diện viên chức, người lao động`: those not named, after `Về phía …`.
fn representatives(whom: &str) -> String {
    let k = crate::text::loose_key(whom);
    if k.starts_with("lanhdao") {
        format!("các đồng chí {whom}")
    } else if k.starts_with("daidien") {
        whom.to_string()
    } else if whom.starts_with("các ") {
        format!("đại diện lãnh đạo {whom}")
    } else {
        format!("đại diện {whom}")
    }
}

/// Who of `members` a group names, as its `Nêu tên` says.
fn named(ds: &Dataset, group: &Group, members: &[usize]) -> Vec<usize> {
    match group.introduce {
        Introduce::All => members.to_vec(),
        Introduce::First(n) => members.iter().copied().take(n as usize).collect(),
        Introduce::None => Vec::new(),
        // Small groups in full; in larger ones the presidium and the ranked leaders
        // (Thứ tự 1–3), at most five; none of them: nobody by name.
        Introduce::Default if members.len() <= 3 => members.to_vec(),
        Introduce::Default => members
            .iter()
            .copied()
            .filter(|&d| ds.delegates[d].rank.is_some_and(|r| r <= 3) || ds.delegates[d].has_role(Role::Presidium))
            .take(5)
            .collect(),
    }
}

/// The introduction of delegates: one entry per group with someone in the room, guests
/// first, then the bridge points.
pub(super) fn introduction(ds: &Dataset, protocol: &[usize]) -> Vec<GroupIntro> {
    let mut out = Vec::new();
    for g in group_order(ds) {
        let group = &ds.groups[g];
        let members = members(ds, protocol, g);
        if members.is_empty() {
            continue;
        }
        let intro = group.intro.clone().unwrap_or_else(|| format!("Về phía {}", group.name));
        let whom = intro.strip_prefix("Về phía ").map(str::to_string);
        if press(group) {
            let mut bodies: Vec<String> = Vec::new();
            for &d in &members {
                let org = ds.delegates[d].organization.clone();
                if !bodies.contains(&org) {
                    bodies.push(org);
                }
            }
            // Editors and reporters alike: the body's representatives.
            let summary = if bodies.len() <= 6 {
                format!("đại diện {}", crate::text::join_vi(bodies))
            } else {
                "đại diện các cơ quan thông tấn, báo chí".to_string()
            };
            let has_verb = has_verb(&intro);
            out.push(GroupIntro { intro, named: Vec::new(), summary: Some(summary), has_verb });
            continue;
        }
        let named = named(ds, group, &members);
        let summary = (named.len() < members.len()).then(|| match &whom {
            Some(whom) => representatives(whom),
            None => "các đại biểu khác".to_string(),
        });
        let has_verb = has_verb(&intro);
        out.push(GroupIntro {
            intro,
            named: named.iter().map(|&d| call(ds, &ds.delegates[d])).collect(),
            summary,
            has_verb,
        });
    }
    if let Some(b) = bridges_intro(ds) {
        out.push(b);
    }
    out
}

/// `Hội nghị được kết nối trực tuyến tới 3 điểm cầu`, with each bridge point and who chairs
/// it when there are a few.
fn bridges_intro(ds: &Dataset) -> Option<GroupIntro> {
    let n = ds.bridges.len();
    if n == 0 {
        return None;
    }
    let intro = format!("Hội nghị được kết nối trực tuyến tới {n} điểm cầu");
    if n > 6 {
        return Some(GroupIntro { intro, named: Vec::new(), summary: None, has_verb: false });
    }
    let named = ds
        .bridges
        .iter()
        .map(|b| match &b.chair {
            Some(chair) => format!("{} do {} chủ trì", b.name, crate::text::lowercase_first(chair)),
            None => b.name.clone(),
        })
        .collect();
    Some(GroupIntro { intro: format!("{intro}, gồm"), named, summary: None, has_verb: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn those_not_named_are_said_without_doubled_words() {
        assert_eq!(representatives("lãnh đạo Bộ"), "các đồng chí lãnh đạo Bộ");
        assert_eq!(representatives("các sở, ban, ngành"), "đại diện lãnh đạo các sở, ban, ngành");
        assert_eq!(representatives("viên chức, người lao động"), "đại diện viên chức, người lao động");
    }
}
