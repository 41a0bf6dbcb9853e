//! The parts an item generates: one slot per panel speaker, one per signing, and the award
//! ceremony (the reading of the decision, then the recipients in stage batches, each with
//! who presents to them), sharing the item's minutes.

use minijinja::Value;

use super::context::{self, AnnounceCtx, BatchCtx, PersonCtx, SigningPartCtx, person, present, present_with};
use super::model::{PartDetail, ScriptPart};
use super::planner::Planner;
use crate::diag::{Diagnostic, Loc, Text};
use crate::jinja::to_value;
use crate::model::{AgendaKind, AwardKind, Dataset, Handing, Role};
use crate::text::{Time, capitalize_first, lowercase_first};

/// A generated part before its times are known.
struct PartSpec<'a> {
    title: String,
    performer: Option<String>,
    detail: PartDetail,
    /// The conventional line's template (`templates/kich-ban/<template>.j2`).
    template: &'a str,
    extra: Vec<(&'a str, Value)>,
}

/// A generated part rewritten in the item's `Lời dẫn` cell: the lines under `# Đợt 2`
/// (or `# Quyết định 1`, `# Ký kết 3`, `# Tham luận 1`, `# Phần 4`), and the title after
/// a colon (`# Đợt 2: Trao Giấy khen cho các cá nhân`).
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct PartOverride {
    /// `Đợt 2`, as written.
    pub selector: String,
    pub title: Option<String>,
    /// The MC's line (empty: the conventional one).
    pub text: String,
}

/// A `Lời dẫn` cell cut into the item's own line and the parts it rewrites.
pub(super) fn split_mc(cell: &str) -> (String, Vec<PartOverride>) {
    let mut opening = String::new();
    let mut parts: Vec<PartOverride> = Vec::new();
    for line in cell.lines() {
        match line.trim_start().strip_prefix('#') {
            Some(head) if !head.starts_with('}') => {
                let (selector, title) = match head.split_once(':') {
                    Some((s, t)) => (s.trim(), Some(t.trim().to_string()).filter(|t| !t.is_empty())),
                    None => (head.trim(), None),
                };
                parts.push(PartOverride { selector: selector.to_string(), title, text: String::new() });
            }
            _ => {
                let target = match parts.last_mut() {
                    Some(p) => &mut p.text,
                    None => &mut opening,
                };
                target.push_str(line);
                target.push('\n');
            }
        }
    }
    (opening, parts)
}

/// The name of a part in `Lời dẫn` (`Đợt`, `Quyết định` …).
fn part_kind(detail: &PartDetail) -> &'static str {
    match detail {
        PartDetail::Speaker(_) => "Tham luận",
        PartDetail::Signing(_) => "Ký kết",
        PartDetail::Decision(_) => "Quyết định",
        PartDetail::Batch { .. } => "Đợt",
        PartDetail::Announced { .. } => "Công bố",
    }
}

/// Which spec each override rewrites; an override naming no part is an error at `loc`
/// listing the parts there are.
fn resolve<'o>(
    p: &mut Planner<'_>,
    specs: &[PartSpec<'_>],
    overrides: &'o [PartOverride],
    loc: &Loc,
) -> Vec<Option<&'o PartOverride>> {
    let names: Vec<String> = {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        specs
            .iter()
            .map(|s| {
                let kind = part_kind(&s.detail);
                let n = match seen.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        seen.push((kind, 1));
                        1
                    }
                };
                format!("{kind} {n}")
            })
            .collect()
    };
    let mut out = vec![None; specs.len()];
    for o in overrides {
        let k = crate::text::loose_key(&o.selector);
        let at = names.iter().position(|n| crate::text::loose_key(n) == k).or_else(|| {
            k.strip_prefix("phan")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=specs.len()).contains(n))
                .map(|n| n - 1)
        });
        match at {
            Some(i) => out[i] = Some(o),
            None => {
                let listed = if names.is_empty() { "(không có)".to_string() } else { names.join(", ") };
                p.diags.push(
                    Diagnostic::error(
                        "unknown-part",
                        loc.clone(),
                        Text::new(
                            format!("Lời dẫn: mục này không có phần “{}”", o.selector),
                            format!("the MC line names a part “{}” the item does not have", o.selector),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("các phần của mục: {listed} (hoặc Phần 1, Phần 2 …)"),
                        format!("the item's parts: {listed} (or Phần 1, Phần 2 …)"),
                    )),
                );
            }
        }
    }
    out
}

/// The generated parts of an item of `kind`, with their share of its `minutes` from `start`;
/// `overrides` rewrite some (written in the item's `Lời dẫn` cell, at `mc_loc`).
#[allow(clippy::too_many_arguments)]
pub(super) fn parts(
    p: &mut Planner<'_>,
    kind: AgendaKind,
    start: Time,
    minutes: u32,
    item_extra: &[(&str, Value)],
    by: Option<&PersonCtx>,
    item_loc: Loc,
    overrides: (&[PartOverride], Loc),
) -> Vec<ScriptPart> {
    let specs = match kind {
        AgendaKind::ThamLuan => panel(p, item_loc.clone()),
        AgendaKind::KyKet => signings(p.ds),
        AgendaKind::KhenThuong if !p.ds.awards.is_empty() => ceremony(p, by, item_loc.clone()),
        _ => Vec::new(),
    };
    let (overrides, mc_loc) = overrides;
    let chosen = resolve(p, &specs, overrides, &mc_loc);
    warn_short(p, &specs, minutes, &item_loc);
    timed(p, specs, &chosen, &mc_loc, start, minutes, item_extra)
}

/// An item whose minutes cannot give each of its parts (each decision read, each batch
/// called up) a minute: its parts would start and end at the same time. Said at the item,
/// with what it needs (about two minutes a part).
fn warn_short(p: &mut Planner<'_>, specs: &[PartSpec<'_>], minutes: u32, loc: &Loc) {
    let n = specs.len() as u32;
    if n == 0 || minutes >= n {
        return;
    }
    p.diags.push(
        Diagnostic::warning(
            "item-too-short",
            loc.clone(),
            Text::new(
                format!("mục này có {minutes} phút cho {n} phần (đọc quyết định, các đợt trao …): có phần không còn phút nào"),
                format!("this item has {minutes} minutes for {n} parts (decisions read, batches …): some get no time"),
            ),
        )
        .with_hint(Text::new(
            format!("cần khoảng {} phút (2 phút mỗi phần), hoặc tăng Số người lên sân khấu mỗi đợt, hoặc chỉ công bố danh hiệu (Cách trao: công bố)", 2 * n),
            format!("it needs about {} minutes (2 a part), or raise the batch size, or announce titles only (Cách trao: công bố)", 2 * n),
        )),
    );
}

/// Splits `minutes` among `n` slots (the first ones get the remainder).
fn shares(minutes: u32, n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let n32 = n as u32;
    (0..n32).map(|i| minutes / n32 + u32::from(i < minutes % n32)).collect()
}

/// The parts with their clock times and MC lines. The decision's reading gets a fifth of
/// the ceremony (at most 5 minutes); the rest is shared.
fn timed(
    p: &mut Planner<'_>,
    specs: Vec<PartSpec<'_>>,
    overrides: &[Option<&PartOverride>],
    mc_loc: &Loc,
    start: Time,
    minutes: u32,
    item_extra: &[(&str, Value)],
) -> Vec<ScriptPart> {
    if specs.is_empty() {
        return Vec::new();
    }
    let reading =
        if matches!(specs[0].detail, PartDetail::Decision(_)) { (minutes / 5).clamp(1, 5).min(minutes) } else { 0 };
    // Each decision's reading takes `reading` minutes (as long as the rest can share some).
    let readings = specs.iter().filter(|s| matches!(s.detail, PartDetail::Decision(_))).count() as u32;
    let mut reading = if readings > 1 { reading.min(minutes / (readings + 1)).max(1) } else { reading };
    if reading * readings > minutes {
        reading = minutes / readings.max(1);
    }
    let read_total = reading * readings;
    let others = specs.len() - readings as usize;
    let mut shared = shares(minutes - read_total, others).into_iter();
    let times: Vec<u32> = specs
        .iter()
        .map(|s| if matches!(s.detail, PartDetail::Decision(_)) { reading } else { shared.next().unwrap_or(0) })
        .collect();
    let mut clock = start;
    let mut out = Vec::new();
    for ((spec, m), o) in specs.into_iter().zip(times).zip(overrides) {
        let mut ctx: Vec<(&str, Value)> = item_extra.to_vec();
        ctx.extend(spec.extra);
        let custom = o.filter(|o| !o.text.trim().is_empty()).map(|o| (o.text.as_str(), mc_loc.clone()));
        let mc = p.render(custom, spec.template, &ctx);
        let end = clock.add_minutes(m).unwrap_or(clock);
        out.push(ScriptPart {
            start: clock,
            end,
            title: o.and_then(|o| o.title.clone()).unwrap_or(spec.title),
            performer: spec.performer,
            mc,
            detail: spec.detail,
        });
        clock = end;
    }
    out
}

/// One slot per panel speaker who comes. An absent speaker is left out, and said; an empty
/// panel is said.
fn panel<'a>(p: &mut Planner<'_>, item_loc: Loc) -> Vec<PartSpec<'a>> {
    let (ds, protocol) = (p.ds, p.protocol);
    let absent: Vec<&str> = protocol
        .iter()
        .filter(|&&d| !present(ds, d) && ds.delegates[d].has_role(Role::Panel))
        .map(|&d| ds.delegates[d].name.as_str())
        .collect();
    let speakers = present_with(ds, protocol, Role::Panel);
    if speakers.is_empty() || !absent.is_empty() {
        let names = absent.join(", ");
        let (vi, en) = match (!speakers.is_empty(), absent.is_empty()) {
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
        p.diags.push(Diagnostic::warning("panel-speakers", item_loc, Text::new(vi, en)).with_hint(Text::new(
            "ghi “Tham luận” vào cột Vai trò của người trình bày, hoặc bớt thời lượng của mục",
            "add “Tham luận” to the speakers' Vai trò, or shorten the item",
        )));
    }
    speakers
        .into_iter()
        .map(|d| {
            let speaker = person(ds, d);
            let title = format!("Tham luận của {}", speaker.call);
            PartSpec {
                title: capitalize_first(&title),
                performer: Some(capitalize_first(&speaker.call)),
                detail: PartDetail::Speaker(d),
                template: "tham-luan-dai-bieu",
                extra: vec![("speaker", to_value(&speaker))],
            }
        })
        .collect()
}

/// One part per signing: `Ký kết giao ước thi đua giữa A và B`, with its subject.
fn signings<'a>(ds: &Dataset) -> Vec<PartSpec<'a>> {
    ds.signings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kind = s.kind.clone().unwrap_or_default();
            let subject = s.subject.clone().unwrap_or_default();
            let what = if subject.is_empty() { lowercase_first(&kind) } else { lowercase_first(&subject) };
            let kind_title = if kind.is_empty() { String::new() } else { format!(" {}", lowercase_first(&kind)) };
            let subject_title = if subject.is_empty() { String::new() } else { format!(": {subject}") };
            PartSpec {
                title: format!("Ký kết{kind_title} giữa {} và {}{subject_title}", s.party_a, s.party_b),
                performer: Some(format!("Đại diện {}; đại diện {}", s.party_a, s.party_b)),
                detail: PartDetail::Signing(i),
                template: "ky-ket-cap",
                extra: vec![(
                    "signing",
                    to_value(SigningPartCtx {
                        number: i + 1,
                        party_a: s.party_a.clone(),
                        party_b: s.party_b.clone(),
                        kind,
                        subject,
                        what,
                    }),
                )],
            }
        })
        .collect()
}

/// The award ceremony: each decision read, then its recipients in batches of the stage's
/// size (collectives first), the presenters taking turns across all batches.
fn ceremony<'a>(p: &mut Planner<'_>, by: Option<&PersonCtx>, item_loc: Loc) -> Vec<PartSpec<'a>> {
    let ds = p.ds;
    let presenters = present_with(ds, p.protocol, Role::Presenter);
    if presenters.is_empty() {
        warn_no_presenter(p, item_loc);
    }
    warn_absent_recipients(p);
    let batch_size = ds.ceremony.batch_size as usize;
    let several = p.awards.decisions.len() > 1;
    let mut specs = Vec::new();
    // Presenters take turns across the ceremony; batches are numbered per decision.
    let mut turn = 0;
    for (i, decision) in p.awards.decisions.iter().enumerate() {
        let title = if several {
            format!("Công bố Quyết định {} {}", decision.verb, decision.what)
        } else {
            "Công bố Quyết định khen thưởng".to_string()
        };
        specs.push(PartSpec {
            title,
            performer: by.map(|b| capitalize_first(&b.call)),
            detail: PartDetail::Decision(i),
            template: "khen-thuong-quyet-dinh",
            extra: vec![("decision", to_value(context::decision(decision)))],
        });
        // Recipients who take part at a bridge point receive it there.
        let at_bridge = |a: usize| ds.awards[a].delegate.and_then(|d| ds.delegates[d].bridge);
        let announced = ds.decisions[decision.index].handing == Handing::Announce;
        let mut n = 0;
        for kind in AwardKind::ALL {
            let here: Vec<usize> = decision
                .order
                .iter()
                .copied()
                .filter(|&a| ds.awards[a].kind == kind && at_bridge(a).is_none())
                .collect();
            if here.is_empty() {
                continue;
            }
            if announced {
                specs.push(announce(ds, kind, &here, decision, None));
                continue;
            }
            for chunk in here.chunks(batch_size) {
                let presenter = (!presenters.is_empty()).then(|| presenters[turn % presenters.len()]);
                turn += 1;
                n += 1;
                specs.push(batch(ds, n, kind, chunk, presenter, &decision.what));
            }
        }
        for (b, bridge) in ds.bridges.iter().enumerate() {
            for kind in AwardKind::ALL {
                let there: Vec<usize> = decision
                    .order
                    .iter()
                    .copied()
                    .filter(|&a| ds.awards[a].kind == kind && at_bridge(a) == Some(b))
                    .collect();
                if !there.is_empty() {
                    specs.push(announce(ds, kind, &there, decision, Some(bridge)));
                }
            }
        }
    }
    specs
}

/// The recipients of `kind` announced, not called up: in the room (`bridge` none), or at a
/// bridge point, where its chair hands the awards over.
fn announce<'a>(
    ds: &Dataset,
    kind: AwardKind,
    awards: &[usize],
    decision: &crate::plan::awards::DecisionPlan,
    bridge: Option<&crate::model::Bridge>,
) -> PartSpec<'a> {
    let names: Vec<String> = awards.iter().map(|&a| recipient_name(ds, a)).collect();
    let kind_noun = kind.noun();
    let title = match bridge {
        Some(b) => format!("Trao {} tại {}: {} {kind_noun}", decision.what, b.name, awards.len()),
        None => format!(
            "Công bố danh sách {kind_noun} được {} {}: {} {kind_noun}",
            decision.verb,
            decision.what,
            awards.len()
        ),
    };
    let ctx = AnnounceCtx {
        kind: kind_noun,
        names,
        verb: decision.verb.to_string(),
        what: decision.what.clone(),
        bridge: bridge.map(|b| b.name.clone()),
        bridge_chair: bridge.and_then(|b| b.chair.clone()),
    };
    PartSpec {
        title,
        performer: None,
        detail: PartDetail::Announced { awards: awards.to_vec() },
        template: if bridge.is_some() { "khen-thuong-diem-cau" } else { "khen-thuong-cong-bo" },
        extra: vec![("announce", to_value(ctx))],
    }
}

/// `Ông Nguyễn Văn An` for an individual, the name of a collective or household.
fn recipient_name(ds: &Dataset, a: usize) -> String {
    let award = &ds.awards[a];
    match (award.kind, award.honorific) {
        (AwardKind::Individual, Some(h)) => format!("{} {}", h.label(), award.name),
        _ => award.name.clone(),
    }
}

/// Batch `n`: the recipients `chunk` of `kind`, receiving what the decision confers (`Bằng
/// khen`, `danh hiệu “Lao động tiên tiến” năm học 2024 - 2025`, `Cờ thi đua của Bộ …`, as
/// its subject says it), and who presents to them.
fn batch<'a>(
    ds: &Dataset,
    n: usize,
    kind: AwardKind,
    chunk: &[usize],
    presenter: Option<usize>,
    handed: &str,
) -> PartSpec<'a> {
    let names: Vec<String> = chunk.iter().map(|&a| recipient_name(ds, a)).collect();
    let what = kind.noun();
    let presenter_ctx = presenter.map(|d| person(ds, d));
    let handed = handed.to_string();
    PartSpec {
        title: format!("Trao {handed} đợt {n}: {} {what}", chunk.len()),
        performer: presenter_ctx.as_ref().map(|pc| capitalize_first(&pc.call)),
        detail: PartDetail::Batch { awards: chunk.to_vec(), presenter },
        template: "khen-thuong-dot",
        extra: vec![(
            "batch",
            to_value(BatchCtx { number: n, kind: what, names, presenter: presenter_ctx, what: handed }),
        )],
    }
}

/// Nobody who comes has the role Trao thưởng: the batches have no presenter.
fn warn_no_presenter(p: &mut Planner<'_>, item_loc: Loc) {
    let ds = p.ds;
    let absent: Vec<&str> = p
        .protocol
        .iter()
        .filter(|&&d| ds.delegates[d].has_role(Role::Presenter))
        .map(|&d| ds.delegates[d].name.as_str())
        .collect();
    let (vi, en) = if absent.is_empty() {
        (
            "không có đại biểu nào có vai trò “Trao thưởng”: các đợt trao thưởng chưa có người trao".to_string(),
            "no delegate has the role “Trao thưởng”: the award batches have no presenter".to_string(),
        )
    } else {
        let names = absent.join(", ");
        (
            format!("người có vai trò “Trao thưởng” ({names}) vắng: các đợt trao thưởng chưa có người trao"),
            format!(
                "the delegates with the role “Trao thưởng” ({names}) are absent: the award batches have no presenter"
            ),
        )
    };
    p.diags.push(Diagnostic::warning("no-presenter", item_loc, Text::new(vi, en)).with_hint(Text::new(
        "thêm “Trao thưởng” vào cột Vai trò của lãnh đạo trao Bằng khen",
        "add “Trao thưởng” to the presenters' Vai trò",
    )));
}

/// A recipient who is a delegate but absent is still called (someone receives on their
/// behalf): said, so the organisers arrange it.
fn warn_absent_recipients(p: &mut Planner<'_>) {
    let ds = p.ds;
    for a in &ds.awards {
        if let Some(d) = a.delegate
            && !present(ds, d)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_rewrites_parts_under_hash_lines() {
        let (opening, parts) = split_mc(
            "Kính thưa Hội nghị!\n# Đợt 2: Trao Giấy khen cho các cá nhân\nXin mời {{ batch.names | join(\", \") }}.\n#Quyết định 1\n",
        );
        assert_eq!(opening, "Kính thưa Hội nghị!\n");
        assert_eq!(
            parts,
            [
                PartOverride {
                    selector: "Đợt 2".into(),
                    title: Some("Trao Giấy khen cho các cá nhân".into()),
                    text: "Xin mời {{ batch.names | join(\", \") }}.\n".into()
                },
                PartOverride { selector: "Quyết định 1".into(), title: None, text: String::new() },
            ]
        );
        // A Jinja comment is not a part.
        assert!(split_mc("{# ghi chú #}\nA").1.is_empty());
    }

    #[test]
    fn minutes_are_shared() {
        assert_eq!(shares(40, 5), [8, 8, 8, 8, 8]);
        assert_eq!(shares(10, 3), [4, 3, 3]);
        assert_eq!(shares(10, 0), Vec::<u32>::new());
    }
}
