//! The event script (Kịch bản), planned from the programme with the delegates, the award
//! list and the signings, so names, titles and order never diverge from the other
//! documents: clock times, who performs each item, what the MC says, and the generated
//! parts (the introduction of delegates, one slot per panel speaker, each signing, the
//! award ceremony in stage batches).
//!
//! MC lines are minijinja text: the `Lời dẫn` cell when it has one, else the conventional
//! line of the item's kind (`templates/kich-ban/<loại>.j2`, editable). Errors — a fixed time
//! earlier than the previous item's end, an unknown variable in a line — name their cell.

use std::collections::BTreeMap;

use minijinja::Value;
use serde::Serialize;

use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::jinja::{Jinja, paragraphs, to_value};
use crate::model::DEFAULT_GROUPS;
use crate::model::{AgendaKind, AwardKind, Dataset, Delegate, Honorific, Performer, Role};
use crate::text::{Time, capitalize_first, loose_key};

/// The whole script.
#[derive(Debug, Clone)]
pub struct Script {
    pub items: Vec<ScriptItem>,
    pub start: Time,
    pub end: Time,
}

#[derive(Debug, Clone)]
pub struct ScriptItem {
    /// TT, from 1.
    pub number: usize,
    pub start: Time,
    pub end: Time,
    pub title: String,
    pub kind: AgendaKind,
    /// Who performs it, as printed (`Đồng chí Nguyễn Thế Giang, Phó Chủ tịch …`).
    pub performer: Option<String>,
    /// What the MC says, paragraph by paragraph.
    pub mc: Vec<String>,
    pub note: Option<String>,
    pub parts: Vec<ScriptPart>,
}

#[derive(Debug, Clone)]
pub struct ScriptPart {
    pub start: Time,
    pub end: Time,
    pub title: String,
    pub performer: Option<String>,
    pub mc: Vec<String>,
    pub detail: PartDetail,
}

/// What a generated part is about (for checks and other documents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartDetail {
    /// A panel speaker (delegate index).
    Speaker(usize),
    /// A signing (index into `Dataset::signings`).
    Signing(usize),
    /// The reading of the award decision.
    Decision,
    /// Recipients called on stage together (indices into `Dataset::awards`) and who
    /// presents to them (a delegate).
    Batch { awards: Vec<usize>, presenter: Option<usize> },
}

/// A person as MC lines see them.
#[derive(Debug, Clone, Serialize)]
struct PersonCtx {
    id: String,
    name: String,
    position: String,
    organization: String,
    group: String,
    /// `đồng chí`, `ông`, `bà`: how the script names them.
    honorific: String,
    /// `đồng chí Nguyễn Văn An, Giám đốc Sở Tài chính`.
    call: String,
}

#[derive(Debug, Clone, Serialize)]
struct ItemCtx {
    number: usize,
    title: String,
    start: String,
    end: String,
    minutes: u32,
    kind: &'static str,
    note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct GroupIntro {
    /// `Về phía Trung ương`.
    intro: String,
    /// People named one by one (`đồng chí …, …`).
    named: Vec<String>,
    /// `đại diện lãnh đạo các sở, ban, ngành …` when some are not named.
    summary: Option<String>,
}

/// Is the group one of officials (addressed `đồng chí` in the script)?
fn official_group(name: &str) -> bool {
    let k = loose_key(name);
    DEFAULT_GROUPS[..7].iter().any(|(n, aliases, _)| loose_key(n) == k || aliases.iter().any(|a| loose_key(a) == k))
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
pub fn call(ds: &Dataset, d: &Delegate) -> String {
    if d.attendance == crate::model::Attendance::Substitute {
        // Someone else comes: the MC cannot name the invitee.
        return substitute(d);
    }
    let details = d.position_and_organization();
    format!("{} {}, {}", address(ds, d), d.name, details.trim_end_matches('.'))
}

/// How the script names whoever comes in a delegate's place (`Cử người thay`).
fn substitute(d: &Delegate) -> String {
    format!("đại diện lãnh đạo {}", d.organization)
}

fn person(ds: &Dataset, i: usize) -> PersonCtx {
    let d = &ds.delegates[i];
    let replaced = d.attendance == crate::model::Attendance::Substitute;
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

fn text_person(text: &str) -> PersonCtx {
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

fn attending(ds: &Dataset, d: usize) -> bool {
    let del = &ds.delegates[d];
    del.invited && del.attendance != crate::model::Attendance::Absent
}

/// The introduction of delegates, group by group in protocol order: small groups named in
/// full; in larger ones the ranked leaders (Thứ tự 1–3) and the presidium are named and the
/// rest summarised.
fn introduction(ds: &Dataset, protocol: &[usize]) -> Vec<GroupIntro> {
    let mut out = Vec::new();
    for (g, group) in ds.groups.iter().enumerate() {
        let members: Vec<usize> =
            protocol.iter().copied().filter(|&d| ds.delegates[d].group == g && attending(ds, d)).collect();
        if members.is_empty() {
            continue;
        }
        let named: Vec<usize> = if members.len() <= 3 {
            members.clone()
        } else {
            members
                .iter()
                .copied()
                .filter(|&d| ds.delegates[d].rank.is_some_and(|r| r <= 3) || ds.delegates[d].has_role(Role::Presidium))
                .take(5)
                .collect()
        };
        let intro = group.intro.clone().unwrap_or_else(|| format!("Về phía {}", group.name));
        let summary = (named.len() < members.len()).then(|| {
            let whom = intro.strip_prefix("Về phía ").unwrap_or(&group.name).to_string();
            format!("đại diện lãnh đạo {whom}")
        });
        out.push(GroupIntro { intro, named: named.iter().map(|&d| call(ds, &ds.delegates[d])).collect(), summary });
    }
    out
}

fn decision_ctx(ds: &Dataset) -> serde_json::Value {
    let d = &ds.decision;
    let number = match &d.number {
        Some(n) => format!("{}/{}", crate::text::document_number(n), d.code),
        None => format!("…/{}", d.code),
    };
    let date = match d.date {
        Some(date) => date.long_vi(),
        None => format!("ngày … tháng … năm {}", ds.conference.date.year),
    };
    serde_json::json!({ "number": number, "date": date })
}

/// Splits `minutes` among `n` slots (the first ones get the remainder).
fn shares(minutes: u32, n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let n32 = n as u32;
    (0..n32).map(|i| minutes / n32 + u32::from(i < minutes % n32)).collect()
}

struct Planner<'a> {
    ds: &'a Dataset,
    protocol: &'a [usize],
    store: &'a TemplateStore,
    jinja: Jinja,
    base: BTreeMap<String, Value>,
    diags: &'a mut Diagnostics,
}

impl Planner<'_> {
    fn render(&mut self, custom: Option<(&str, crate::diag::Loc)>, file: &str, extra: &[(&str, Value)]) -> Vec<String> {
        let mut ctx = self.base.clone();
        for (k, v) in extra {
            ctx.insert(k.to_string(), v.clone());
        }
        let ctx = Value::from(ctx);
        let result = match custom {
            Some((source, loc)) => {
                if let Some(w) = Jinja::single_braces(source, &loc) {
                    self.diags.push(w);
                }
                self.jinja.render_cell(source, &ctx, &loc, &Text::new("Lời dẫn", "The MC line"))
            }
            None => self.jinja.render_file(self.store, &format!("kich-ban/{file}.j2"), &ctx),
        };
        match result {
            Ok(text) => paragraphs(&text),
            Err(d) => {
                self.diags.push(d);
                Vec::new()
            }
        }
    }
}

fn time_ctx(t: Time) -> String {
    t.short_vi()
}

/// Plans the script. `None` when it has errors (in `diags`), or when there is no programme.
pub fn plan(ds: &Dataset, protocol: &[usize], store: &TemplateStore, diags: &mut Diagnostics) -> Option<Script> {
    if ds.agenda.is_empty() {
        return None;
    }
    let errors_before = diags.count(crate::diag::Severity::Error);
    let everyone: Vec<PersonCtx> = protocol.iter().map(|&d| person(ds, d)).collect();
    let presidium: Vec<PersonCtx> = protocol
        .iter()
        .copied()
        .filter(|&d| attending(ds, d) && ds.delegates[d].has_role(Role::Presidium))
        .map(|d| person(ds, d))
        .collect();
    let chair = protocol.iter().copied().find(|&d| ds.delegates[d].has_role(Role::Chair));
    let c = &ds.conference;
    let mut base: BTreeMap<String, Value> = BTreeMap::new();
    base.insert(
        "conference".into(),
        to_value(serde_json::json!({
            "title": c.title,
            "date": c.date.long_vi(),
            "weekday": c.date.weekday_vi(),
            "start": c.start_time.long_vi(),
            // The YAML key of the setting, which the clerk may reasonably try.
            "start_time": c.start_time.long_vi(),
            "venue": c.venue,
            "host": c.host,
        })),
    );
    base.insert(
        "issuer".into(),
        to_value(serde_json::json!({"name": ds.issuer.name, "sentence_name": ds.issuer.sentence_name, "place": ds.issuer.place})),
    );
    base.insert("chair".into(), to_value(chair.map(|d| person(ds, d))));
    base.insert("presidium".into(), to_value(&presidium));
    base.insert("decision".into(), to_value(decision_ctx(ds)));
    base.insert(
        "data".into(),
        to_value(serde_json::json!({
            "delegates": everyone,
            "groups": ds.groups.iter().map(|g| &g.name).collect::<Vec<_>>(),
            "awards": ds.awards.iter().map(|a| &a.name).collect::<Vec<_>>(),
            "signings": ds.signings.iter().map(|s| serde_json::json!({"party_a": s.party_a, "party_b": s.party_b, "subject": s.subject})).collect::<Vec<_>>(),
        })),
    );
    for key in ["by", "speaker", "signing", "batch", "introduction"] {
        base.insert(key.into(), Value::from(()));
    }
    let mut p = Planner { ds, protocol, store, jinja: Jinja::new(), base, diags };

    let mut clock = c.start_time;
    let mut items = Vec::new();
    let mut first_start = None;
    for (i, a) in ds.agenda.iter().enumerate() {
        let start = match a.time {
            Some(t) if i > 0 && t < clock => {
                p.diags.push(
                    Diagnostic::error(
                        "time-order",
                        a.src.loc("time"),
                        Text::new(
                            format!("giờ bắt đầu {} sớm hơn giờ kết thúc của mục trước ({})", t.hm(), clock.hm()),
                            format!("the start time {} is before the previous item ends ({})", t.hm(), clock.hm()),
                        ),
                    )
                    .with_hint(Text::new(
                        "sửa giờ bắt đầu, hoặc bớt thời lượng các mục trước, hoặc để trống để tự tính",
                        "fix the start time, shorten the items before, or leave it empty to compute it",
                    )),
                );
                t
            }
            Some(t) => t,
            None => clock,
        };
        first_start.get_or_insert(start);
        if a.minutes == 0 {
            p.diags.push(
                Diagnostic::warning(
                    "zero-minutes",
                    a.src.loc("minutes"),
                    Text::new(
                        format!("mục “{}” có thời lượng 0 phút: mục sau bắt đầu cùng giờ", a.title),
                        format!("“{}” lasts 0 minutes: the next item starts at the same time", a.title),
                    ),
                )
                .with_hint(Text::new("ghi số phút của mục này", "write how many minutes it takes")),
            );
        }
        let Some(end) = start.add_minutes(a.minutes) else {
            p.diags.push(
                Diagnostic::error(
                    "time-order",
                    a.src.loc("minutes"),
                    Text::new("chương trình kéo dài qua nửa đêm", "the programme runs past midnight"),
                )
                .with_hint(Text::new(
                    "kiểm tra Giờ bắt đầu (sheet Hội nghị) và cột Thời gian, Thời lượng (phút) của các mục",
                    "check the start time (Hội nghị sheet) and the items' Thời gian and Thời lượng (phút)",
                )),
            );
            return None;
        };
        clock = end;
        if let Some(Performer::Delegate(d)) = &a.by
            && !attending(ds, *d)
        {
            let name = &ds.delegates[*d].name;
            p.diags.push(
                Diagnostic::warning(
                    "absent-performer",
                    a.src.loc("by"),
                    Text::new(
                        format!("{name} vắng hoặc không được mời nhưng là người thực hiện mục “{}”", a.title),
                        format!("{name} is absent or not invited but performs “{}”", a.title),
                    ),
                )
                .with_hint(Text::new(
                    "ghi Mã của người thay, hoặc sửa cột Xác nhận / Mời của người này",
                    "write the Mã of whoever stands in, or correct their Xác nhận / Mời",
                )),
            );
        }
        let by = a.by.as_ref().map(|b| match b {
            Performer::Delegate(d) => person(ds, *d),
            Performer::Text(t) => text_person(t),
        });
        let item_ctx = ItemCtx {
            number: i + 1,
            title: a.title.clone(),
            start: time_ctx(start),
            end: time_ctx(end),
            minutes: a.minutes,
            kind: a.kind.code(),
            note: a.note.clone(),
        };
        let mut extra: Vec<(&str, Value)> = vec![("item", to_value(&item_ctx)), ("by", to_value(&by))];
        if a.kind == AgendaKind::TuyenBoLyDo {
            extra.push(("introduction", to_value(introduction(ds, p.protocol))));
        }
        let custom = a.mc.as_deref().map(|m| (m, a.src.loc("mc")));
        let mc = p.render(custom, a.kind.code(), &extra);
        let parts = parts(&mut p, a.kind, start, a.minutes, &extra, by.as_ref(), a.src.loc("title"));
        items.push(ScriptItem {
            number: i + 1,
            start,
            end,
            title: a.title.clone(),
            kind: a.kind,
            performer: by.as_ref().map(|b| capitalize_first(&b.call)),
            mc,
            note: a.note.clone(),
            parts,
        });
    }
    let ok = p.diags.count(crate::diag::Severity::Error) == errors_before;
    ok.then(|| Script { items, start: first_start.unwrap_or(c.start_time), end: clock })
}

/// A generated part before its times are known.
struct PartSpec<'a> {
    title: String,
    performer: Option<String>,
    detail: PartDetail,
    /// The conventional line's template (`templates/kich-ban/<template>.j2`).
    template: &'a str,
    extra: Vec<(&'a str, Value)>,
}

/// The generated parts of an item, with their share of its time.
fn parts(
    p: &mut Planner<'_>,
    kind: AgendaKind,
    start: Time,
    minutes: u32,
    item_extra: &[(&str, Value)],
    by: Option<&PersonCtx>,
    item_loc: crate::diag::Loc,
) -> Vec<ScriptPart> {
    let ds = p.ds;
    let protocol = p.protocol;
    let mut specs: Vec<PartSpec> = Vec::new();
    match kind {
        AgendaKind::ThamLuan => {
            // A panel speaker who is absent is left out, and said; an empty panel is said.
            let absent: Vec<&str> = protocol
                .iter()
                .filter(|&&d| !attending(ds, d) && ds.delegates[d].has_role(Role::Panel))
                .map(|&d| ds.delegates[d].name.as_str())
                .collect();
            let any = protocol.iter().any(|&d| attending(ds, d) && ds.delegates[d].has_role(Role::Panel));
            if !any || !absent.is_empty() {
                let names = absent.join(", ");
                let (vi, en) = match (any, absent.is_empty()) {
                    (false, true) => (
                        "không có đại biểu nào có vai trò “Tham luận”: mục này không có bài tham luận".to_string(),
                        "no delegate has the role “Tham luận”: this item has no contributions".to_string(),
                    ),
                    (false, false) => (
                        format!("người có vai trò “Tham luận” ({names}) đều vắng: mục này không có bài tham luận"),
                        format!("the delegates with the role “Tham luận” ({names}) are all absent: this item is empty"),
                    ),
                    _ => (
                        format!("người tham luận vắng, không đưa vào kịch bản: {names}"),
                        format!("absent panel speakers left out of the script: {names}"),
                    ),
                };
                p.diags.push(Diagnostic::warning("panel-speakers", item_loc.clone(), Text::new(vi, en)).with_hint(
                    Text::new(
                        "ghi “Tham luận” vào cột Vai trò của người trình bày, hoặc bớt thời lượng của mục",
                        "add “Tham luận” to the speakers' Vai trò, or shorten the item",
                    ),
                ));
            }
            for &d in protocol.iter().filter(|&&d| attending(ds, d) && ds.delegates[d].has_role(Role::Panel)) {
                let speaker = person(ds, d);
                let title = format!("Tham luận của {}", speaker.call);
                specs.push(PartSpec {
                    title: capitalize_first(&title),
                    performer: Some(capitalize_first(&speaker.call)),
                    detail: PartDetail::Speaker(d),
                    template: "tham-luan-dai-bieu",
                    extra: vec![("speaker", to_value(&speaker))],
                });
            }
        }
        AgendaKind::KyKet => {
            for (i, s) in ds.signings.iter().enumerate() {
                let subject = s.subject.clone().unwrap_or_else(|| "biên bản ghi nhớ hợp tác".into());
                specs.push(PartSpec {
                    title: format!("Ký kết giữa {} và {}: {}", s.party_a, s.party_b, subject),
                    performer: Some(format!("Đại diện {}; đại diện {}", s.party_a, s.party_b)),
                    detail: PartDetail::Signing(i),
                    template: "ky-ket-cap",
                    extra: vec![(
                        "signing",
                        to_value(serde_json::json!({"number": i + 1, "party_a": s.party_a, "party_b": s.party_b, "subject": subject})),
                    )],
                });
            }
        }
        AgendaKind::KhenThuong if !ds.awards.is_empty() => {
            specs.push(PartSpec {
                title: "Công bố Quyết định khen thưởng".into(),
                performer: by.map(|b| capitalize_first(&b.call)),
                detail: PartDetail::Decision,
                template: "khen-thuong-quyet-dinh",
                extra: Vec::new(),
            });
            let presenters: Vec<usize> = protocol
                .iter()
                .copied()
                .filter(|&d| attending(ds, d) && ds.delegates[d].has_role(Role::Presenter))
                .collect();
            if presenters.is_empty() {
                let absent: Vec<&str> = protocol
                    .iter()
                    .filter(|&&d| ds.delegates[d].has_role(Role::Presenter))
                    .map(|&d| ds.delegates[d].name.as_str())
                    .collect();
                let (vi, en) = if absent.is_empty() {
                    (
                        "không có đại biểu nào có vai trò “Trao thưởng”: các đợt trao thưởng chưa có người trao"
                            .to_string(),
                        "no delegate has the role “Trao thưởng”: the award batches have no presenter".to_string(),
                    )
                } else {
                    let names = absent.join(", ");
                    (
                        format!(
                            "người có vai trò “Trao thưởng” ({names}) vắng hoặc không được mời: các đợt trao thưởng chưa có người trao"
                        ),
                        format!(
                            "the delegates with the role “Trao thưởng” ({names}) are absent or not invited: the award batches have no presenter"
                        ),
                    )
                };
                p.diags.push(Diagnostic::warning("no-presenter", item_loc, Text::new(vi, en)).with_hint(Text::new(
                    "thêm “Trao thưởng” vào cột Vai trò của lãnh đạo trao Bằng khen",
                    "add “Trao thưởng” to the presenters' Vai trò",
                )));
            }
            // A recipient who is a delegate but absent is still called (someone receives on
            // their behalf): said, so the organisers arrange it.
            for a in &ds.awards {
                if let Some(d) = a.delegate
                    && !attending(ds, d)
                {
                    p.diags.push(
                        Diagnostic::warning(
                            "absent-recipient",
                            a.src.loc("delegate_id"),
                            Text::new(
                                format!("{} vắng nhưng có tên trong các đợt trao thưởng", ds.delegates[d].name),
                                format!("{} is absent but is called in the award batches", ds.delegates[d].name),
                            ),
                        )
                        .with_hint(Text::new(
                            "bố trí người nhận thay, hoặc sửa cột Xác nhận nếu người này có dự",
                            "arrange for someone to receive on their behalf, or correct Xác nhận",
                        )),
                    );
                }
            }
            let batch_size = ds.ceremony.batch_size as usize;
            let mut n = 0;
            for kind in [AwardKind::Collective, AwardKind::Individual] {
                let called: Vec<usize> = (0..ds.awards.len()).filter(|&a| ds.awards[a].kind == kind).collect();
                for chunk in called.chunks(batch_size) {
                    let presenter = (!presenters.is_empty()).then(|| presenters[n % presenters.len()]);
                    n += 1;
                    let names: Vec<String> = chunk
                        .iter()
                        .map(|&a| {
                            let award = &ds.awards[a];
                            match (award.kind, award.honorific) {
                                (AwardKind::Individual, Some(h)) => format!("{} {}", h.label(), award.name),
                                _ => award.name.clone(),
                            }
                        })
                        .collect();
                    let what = if kind == AwardKind::Collective { "tập thể" } else { "cá nhân" };
                    let presenter_ctx = presenter.map(|d| person(ds, d));
                    specs.push(PartSpec {
                        title: format!("Trao Bằng khen đợt {n}: {} {what}", chunk.len()),
                        performer: presenter_ctx.as_ref().map(|pc| capitalize_first(&pc.call)),
                        detail: PartDetail::Batch { awards: chunk.to_vec(), presenter },
                        template: "khen-thuong-dot",
                        extra: vec![(
                            "batch",
                            to_value(serde_json::json!({
                                "number": n,
                                "kind": what,
                                "names": names,
                                "presenter": presenter_ctx,
                            })),
                        )],
                    });
                }
            }
        }
        _ => {}
    }
    if specs.is_empty() {
        return Vec::new();
    }
    // The decision's reading gets a fifth of the ceremony (at most 5 minutes); the rest is shared.
    let reading =
        if matches!(specs[0].detail, PartDetail::Decision) { (minutes / 5).clamp(1, 5).min(minutes) } else { 0 };
    let others = specs.len() - usize::from(reading > 0);
    let mut times = if reading > 0 { vec![reading] } else { Vec::new() };
    times.extend(shares(minutes - reading, others));
    let mut clock = start;
    let mut out = Vec::new();
    for (spec, m) in specs.into_iter().zip(times) {
        let mut ctx: Vec<(&str, Value)> = item_extra.to_vec();
        ctx.extend(spec.extra);
        let mc = p.render(None, spec.template, &ctx);
        let end = clock.add_minutes(m).unwrap_or(clock);
        out.push(ScriptPart {
            start: clock,
            end,
            title: spec.title,
            performer: spec.performer,
            mc,
            detail: spec.detail,
        });
        clock = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_shared() {
        assert_eq!(shares(40, 5), [8, 8, 8, 8, 8]);
        assert_eq!(shares(10, 3), [4, 3, 3]);
        assert_eq!(shares(10, 0), Vec::<u32>::new());
    }

    #[test]
    fn officials_are_comrades() {
        assert!(official_group("Sở, ban, ngành"));
        assert!(official_group("Huyện"));
        assert!(!official_group("Chủ thể OCOP"));
        assert!(!official_group("Báo chí"));
    }
}
