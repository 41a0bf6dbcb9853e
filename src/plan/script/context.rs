//! What MC lines see: typed, serialisable contexts (the conference, the issuer, the people
//! as the script names them, the decision, the data lists) — never the domain model.

use serde::Serialize;

use crate::model::{Attendance, Dataset, Delegate, Honorific, Role, official_group};
use crate::plan::awards::DecisionPlan;

/// A person as MC lines see them.
#[derive(Debug, Clone, Serialize)]
pub(super) struct PersonCtx {
    pub id: String,
    pub name: String,
    pub position: String,
    pub organization: String,
    pub group: String,
    /// `đồng chí`, `ông`, `bà`: how the script names them.
    pub honorific: String,
    /// `đồng chí Nguyễn Văn An, Giám đốc Sở Tài chính`.
    pub call: String,
}

/// The item being introduced.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ItemCtx {
    pub number: usize,
    pub title: String,
    pub start: String,
    pub end: String,
    pub minutes: u32,
    pub kind: &'static str,
    pub note: Option<String>,
}

/// One group of the introduction of delegates.
#[derive(Debug, Clone, Serialize)]
pub(super) struct GroupIntro {
    /// `Về phía Trung ương`.
    pub intro: String,
    /// People named one by one (`đồng chí …, …`).
    pub named: Vec<String>,
    /// `đại diện lãnh đạo các sở, ban, ngành …` when some are not named.
    pub summary: Option<String>,
    /// Whether `intro` already ends with its verb (`Về dự Hội nghị còn có các vị khách
    /// mời`): the names follow a colon, not `, có:`.
    pub has_verb: bool,
}

/// `conference.*`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ConferenceCtx {
    pub title: String,
    pub date: String,
    pub weekday: String,
    pub start: String,
    /// The YAML key of the setting, which the clerk may reasonably try.
    pub start_time: String,
    pub venue: String,
    pub host: Option<String>,
}

/// `issuer.*`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct IssuerCtx {
    pub name: String,
    pub sentence_name: String,
    pub place: String,
}

/// `decision.*`: how an award decision is cited.
#[derive(Debug, Clone, Serialize)]
pub(super) struct DecisionCtx {
    /// `15/QĐ-UBND`, or `…/QĐ-UBND` while it has no number.
    pub number: String,
    /// `ngày 12 tháng 12 năm 2023`, or blanks while it has no date.
    pub date: String,
    /// Who confers, named short: `Chủ tịch Ủy ban nhân dân tỉnh`, `Giám đốc Sở Nội vụ`.
    pub authority: String,
    /// `tặng` or `công nhận`.
    pub verb: String,
    /// `Bằng khen`, `danh hiệu “Lao động tiên tiến” năm 2025`.
    pub what: String,
    /// `tặng Bằng khen`.
    pub conferral: String,
    /// Who reads it when the item names nobody: `Ban Thi đua - Khen thưởng` for a
    /// province's, `Hội đồng Thi đua - Khen thưởng` for others.
    pub council: &'static str,
}

/// A signing in `data.signings`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SigningCtx {
    pub party_a: String,
    pub party_b: String,
    pub kind: Option<String>,
    pub subject: Option<String>,
}

/// `data.*`: the lists, for lines that go through them.
#[derive(Debug, Clone, Serialize)]
pub(super) struct DataCtx<'a> {
    pub delegates: &'a [PersonCtx],
    pub groups: Vec<&'a str>,
    pub awards: Vec<&'a str>,
    pub signings: Vec<SigningCtx>,
    pub bridges: Vec<BridgeCtx>,
}

/// A bridge point in `data.bridges`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct BridgeCtx {
    /// `Điểm cầu tỉnh Phú Thọ`.
    pub name: String,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub contact: Option<String>,
    pub phone: Option<String>,
    /// How many are expected there: the number given, else those listed there.
    pub expected: usize,
}

/// `signing.*`: the signing of a generated part.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SigningPartCtx {
    pub number: usize,
    pub party_a: String,
    pub party_b: String,
    /// `giao ước thi đua` (or empty).
    pub kind: String,
    /// `Biên bản ghi nhớ hợp tác tiêu thụ sản phẩm chè` (or empty).
    pub subject: String,
    /// What they sign, as the MC says it: the subject, else the kind (or empty).
    pub what: String,
}

/// `batch.*`: recipients called on stage together.
#[derive(Debug, Clone, Serialize)]
pub(super) struct BatchCtx {
    pub number: usize,
    /// `tập thể` or `cá nhân`.
    pub kind: &'static str,
    pub names: Vec<String>,
    pub presenter: Option<PersonCtx>,
    /// What they receive: `Bằng khen`, `danh hiệu “Lao động tiên tiến”`.
    pub what: String,
}

/// `announce.*`: recipients announced rather than called up, in the room or at a bridge
/// point.
#[derive(Debug, Clone, Serialize)]
pub(super) struct AnnounceCtx {
    /// `tập thể`, `cá nhân`.
    pub kind: &'static str,
    pub names: Vec<String>,
    pub verb: String,
    pub what: String,
    /// The bridge point where they receive it, and who chairs it.
    pub bridge: Option<String>,
    pub bridge_chair: Option<String>,
}

/// `đồng chí` for officials, else `ông` / `bà`.
pub fn address(ds: &Dataset, d: &Delegate) -> &'static str {
    match d.honorific {
        Honorific::DongChi => "đồng chí",
        _ if official_group(&ds.groups[d.group].name) => "đồng chí",
        Honorific::Ong => "ông",
        Honorific::Ba => "bà",
    }
}

/// `đồng chí Nguyễn Văn An, Giám đốc Sở Tài chính` (the title as the list gives it: Party
/// post first, then government post).
pub(crate) fn call(ds: &Dataset, d: &Delegate) -> String {
    if d.attendance == Attendance::Substitute {
        // Someone else comes: the MC cannot name the invitee.
        return substitute(d);
    }
    let details = d.position_and_organization();
    format!("{}, {}", addressed(ds, d), details.trim_end_matches('.'))
}

/// `đồng chí Nguyễn Văn An`, `ông Lê Văn Bình`, `PGS.TS. Lê Quang Minh`: an academic title
/// takes the place of `ông` / `bà` (never of `đồng chí`).
pub(crate) fn addressed(ds: &Dataset, d: &Delegate) -> String {
    match (address(ds, d), &d.academic) {
        ("đồng chí", _) | (_, None) => format!("{} {}", address(ds, d), d.titled_name()),
        (_, Some(_)) => d.titled_name(),
    }
}

/// How the script names whoever comes in a delegate's place (`Cử người thay`).
fn substitute(d: &Delegate) -> String {
    format!("đại diện lãnh đạo {}", d.organization)
}

/// Delegate `i` as MC lines see them.
pub(super) fn person(ds: &Dataset, i: usize) -> PersonCtx {
    let d = &ds.delegates[i];
    let replaced = d.attendance == Attendance::Substitute;
    PersonCtx {
        id: d.id.clone(),
        name: if replaced { substitute(d) } else { d.name.clone() },
        position: d.position.clone().unwrap_or_default(),
        organization: d.organization.clone(),
        group: ds.groups[d.group].name.clone(),
        honorific: if replaced { String::new() } else { address(ds, d).to_string() },
        call: call(ds, d),
    }
}

/// A performer written as free text (`MC`, `Ban tổ chức`).
pub(super) fn text_person(text: &str) -> PersonCtx {
    PersonCtx {
        id: String::new(),
        name: text.to_string(),
        position: String::new(),
        organization: String::new(),
        group: String::new(),
        honorific: String::new(),
        call: text.to_string(),
    }
}

/// Whether a delegate is there to do their part: anyone not marked `Vắng` — the organisers'
/// own staff (the MC, the secretary, a reporting official) are listed with `Mời = Không`
/// and still perform.
pub(super) fn present(ds: &Dataset, d: usize) -> bool {
    ds.delegates[d].attendance != Attendance::Absent
}

/// The delegates with `role` who are there to do it ([`present`]), in protocol order.
pub(super) fn present_with(ds: &Dataset, protocol: &[usize], role: Role) -> Vec<usize> {
    protocol.iter().copied().filter(|&d| present(ds, d) && ds.delegates[d].has_role(role)).collect()
}

/// `awarding.*`: who decided what, one entry per authority (`Giám đốc Sở Nội vụ` —
/// `tặng Giấy khen và danh hiệu “Chiến sĩ thi đua cơ sở”`).
#[derive(Debug, Clone, Serialize)]
pub(super) struct AwardingCtx {
    pub authority: String,
    pub conferrals: String,
}

/// The decisions grouped by authority, in order, their conferrals joined under one verb.
pub(super) fn awarding(decisions: &[DecisionPlan]) -> Vec<AwardingCtx> {
    let mut out: Vec<(String, Vec<&DecisionPlan>)> = Vec::new();
    for d in decisions {
        let a = d.authority.short();
        match out.iter_mut().find(|(x, _)| *x == a) {
            Some((_, list)) => list.push(d),
            None => out.push((a, vec![d])),
        }
    }
    out.into_iter()
        .map(|(authority, list)| {
            let mut by_verb: Vec<(&str, Vec<String>)> = Vec::new();
            for d in list {
                match by_verb.iter_mut().find(|(v, _)| *v == d.verb) {
                    Some((_, whats)) => whats.push(d.what.clone()),
                    None => by_verb.push((d.verb, vec![d.what.clone()])),
                }
            }
            let parts: Vec<String> =
                by_verb.into_iter().map(|(v, whats)| format!("{v} {}", crate::text::join_vi(whats))).collect();
            AwardingCtx { authority, conferrals: crate::text::join_vi(parts) }
        })
        .collect()
}

/// How the script cites an award decision.
pub(super) fn decision(d: &DecisionPlan) -> DecisionCtx {
    DecisionCtx {
        number: d.number.clone(),
        date: d.date_words.clone(),
        authority: d.authority.short(),
        verb: d.verb.to_string(),
        what: d.what.clone(),
        conferral: format!("{} {}", d.verb, d.what),
        council: match d.authority.level {
            crate::model::Level::Province => "Ban Thi đua - Khen thưởng",
            _ => "Hội đồng Thi đua - Khen thưởng",
        },
    }
}

pub(super) fn conference(ds: &Dataset) -> ConferenceCtx {
    let c = &ds.conference;
    ConferenceCtx {
        title: c.title.clone(),
        date: c.date.long_vi(),
        weekday: c.date.weekday_vi().to_string(),
        start: c.start_time.long_vi(),
        start_time: c.start_time.long_vi(),
        venue: c.venue.clone(),
        host: c.host.clone(),
    }
}

pub(super) fn issuer(ds: &Dataset) -> IssuerCtx {
    IssuerCtx {
        name: ds.issuer.name.clone(),
        sentence_name: ds.issuer.sentence_name.clone(),
        place: ds.issuer.place.clone(),
    }
}

pub(super) fn data<'a>(ds: &'a Dataset, everyone: &'a [PersonCtx]) -> DataCtx<'a> {
    DataCtx {
        delegates: everyone,
        groups: ds.groups.iter().map(|g| g.name.as_str()).collect(),
        awards: ds.awards.iter().map(|a| a.name.as_str()).collect(),
        signings: ds
            .signings
            .iter()
            .map(|s| SigningCtx {
                party_a: s.party_a.clone(),
                party_b: s.party_b.clone(),
                kind: s.kind.clone(),
                subject: s.subject.clone(),
            })
            .collect(),
        bridges: ds
            .bridges
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let listed = ds.delegates.iter().filter(|d| d.bridge == Some(i) && d.attends()).count();
                BridgeCtx {
                    name: b.name.clone(),
                    place: b.place.clone(),
                    chair: b.chair.clone(),
                    contact: b.contact.clone(),
                    phone: b.phone.clone(),
                    expected: b.expected.map_or(listed, |n| (n as usize).max(listed)),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officials_are_comrades() {
        assert!(official_group("Sở, ban, ngành"));
        assert!(official_group("Huyện"));
        assert!(!official_group("Chủ thể OCOP"));
        assert!(!official_group("Báo chí"));
    }
}
