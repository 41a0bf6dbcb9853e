//! The award nominees (`Khen thưởng`): each row with its form or title and, when the row
//! says, the authority conferring it; and the awardees not on the delegate list.

use super::choices::{AWARD_KINDS, HONORIFICS};
use super::fields;
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::TableKind;
use crate::model::{Authority, Award, AwardKind, AwardSettings, AwardType, Conferrer, Delegate, Level};
use crate::text::loose_key;

impl Validator<'_> {
    /// The nominees. `settings`: the award settings, when valid (an empty `Hình thức` is
    /// then the body's usual form: Bằng khen for a province, Giấy khen otherwise).
    pub(super) fn awards(&mut self, delegates: &[Delegate], settings: Option<&AwardSettings>) -> Vec<Award> {
        let level = settings.map(|s| s.authority.level);
        let table = self.raw.table(TableKind::Awards);
        let broken = self.broken_ids.clone();
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Awards, rec);
            let kind = f.choice("kind", AWARD_KINDS, true);
            let honorific_cell = f.choice("honorific", HONORIFICS, false);
            let (name, honorific_in_name) = if kind == Some(AwardKind::Individual) {
                f.person_name("name", "Lê Văn Hùng")
            } else {
                (f.required("name", "Hợp tác xã Sơn Trà"), None)
            };
            let honorific = honorific_cell.or(honorific_in_name);
            // `Chức vụ, đơn vị` in one column, or `Chức vụ` and `Đơn vị` in two.
            let unit = f.text("unit").or_else(|| {
                let (position, org) = (f.text("position"), f.text("organization"));
                (position.is_some() || org.is_some())
                    .then(|| crate::text::position_with_organization(position.as_deref(), org.as_deref().unwrap_or("")))
            });
            let achievement = f.text("achievement");
            let form = match f.text("form") {
                None => Some(if level == Some(Level::Province) { AwardType::BangKhen } else { AwardType::GiayKhen }),
                Some(text) => {
                    let found = AwardType::parse(&text);
                    if found.is_none() {
                        f.push(unknown_form(rec.loc("form"), &text));
                    }
                    found
                }
            };
            if let (Some(kind), Some(form)) = (kind, form)
                && !form.holders().admits(kind)
            {
                f.push(wrong_holder(rec.loc("form"), form, kind));
            }
            let decision_key = f.text("decision");
            let conferrer = f.text("authority").and_then(|t| {
                let found = settings.and_then(|s| conferrer_of(&t, s));
                if found.is_none() && settings.is_some() {
                    f.push(unknown_authority(rec.loc("authority"), &t, settings));
                }
                found
            });
            let proposer = f.text("proposer");
            let delegate_ref = f.text("delegate_id");
            if kind == Some(AwardKind::Individual) {
                if honorific.is_none() && rec.value("honorific").is_empty() {
                    f.push(fields::missing(rec.loc("honorific"), "Danh xưng", "Ông / Bà"));
                }
                if unit.is_none() {
                    let has_column = |k: &str| !matches!(rec.origin.field_loc(k), Loc::Row { .. });
                    let key =
                        ["unit", "position", "organization"].into_iter().find(|k| has_column(k)).unwrap_or("unit");
                    f.push(fields::missing(
                        rec.loc(key),
                        "Chức vụ, đơn vị",
                        "Giám đốc Hợp tác xã Sơn Trà, huyện Na Hang",
                    ));
                }
            }
            let delegate = delegate_ref.as_ref().and_then(|r| {
                let found = delegates
                    .iter()
                    .position(|d| d.id.eq_ignore_ascii_case(r) || d.id.to_uppercase() == r.to_uppercase());
                if found.is_none() && !delegates.is_empty() && !broken.contains(&r.to_uppercase()) {
                    f.push(fields::unknown_delegate(rec.loc("delegate_id"), r, false));
                }
                found
            });
            let (Some(kind), Some(name), Some(form)) = (kind, name, form) else { continue };
            out.push(Award {
                kind,
                honorific,
                name,
                unit,
                achievement,
                form,
                decision_key,
                conferrer,
                proposer,
                delegate,
                src: src(rec),
            });
        }
        out
    }

    /// Award recipients called on stage but not on the delegate list have no invitation
    /// and no seat: said once, with the count, so the organisers can invite them.
    /// Not said when other errors were found: a Mã pointing at a delegate whose own row
    /// failed would be counted as missing.
    pub(super) fn note_unlinked_awards(&mut self, awards: &[Award]) {
        if self.diags.has_errors() {
            return;
        }
        let count = |kind| awards.iter().filter(|a| a.kind == kind && a.delegate.is_none()).count();
        let (collectives, individuals) = (count(AwardKind::Collective), count(AwardKind::Individual));
        // Households are not expected on the delegate list.
        if collectives + individuals == 0 {
            return;
        }
        let loc = self.raw.table(TableKind::Awards).loc.clone();
        let counted = |n: usize, vi: &str, en: &str| {
            let plural = if n == 1 { "" } else { "s" };
            (n > 0).then(|| (format!("{n} {vi}"), format!("{n} {en}{plural}")))
        };
        let parts: Vec<(String, String)> =
            [counted(individuals, "cá nhân", "individual"), counted(collectives, "tập thể", "collective")]
                .into_iter()
                .flatten()
                .collect();
        let vi = parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join(" và ");
        let en = parts.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(" and ");
        self.push(
            Diagnostic::note(
                "awardee-not-delegate",
                loc,
                Text::new(
                    format!(
                        "{vi} được khen thưởng không có Mã đại biểu: họ được gọi lên sân khấu nhưng không có Giấy mời, chỗ ngồi"
                    ),
                    format!(
                        "{en} receiving awards have no Mã đại biểu: they are called on stage but get no invitation or seat"
                    ),
                ),
            )
            .with_hint(Text::new(
                "thêm họ (hoặc người đại diện tập thể) vào sheet Đại biểu rồi ghi Mã vào cột Mã đại biểu",
                "add them (or the collective's representative) to the Đại biểu sheet and write the Mã in Mã đại biểu",
            )),
        );
    }
}

/// A `Hình thức` that is no form or title vanthu knows.
fn unknown_form(loc: Loc, text: &str) -> Diagnostic {
    Diagnostic::error(
        "award-form",
        loc,
        Text::new(
            format!("Hình thức {} không phải một hình thức khen thưởng hay danh hiệu thi đua", quote(text)),
            format!("{} is not a form of commendation or an emulation title", quote(text)),
        ),
    )
    .with_hint(Text::new(
        format!("ghi một trong: {}", AwardType::names()),
        format!("write one of: {}", AwardType::names()),
    ))
}

/// A title for a kind of recipient that cannot hold it (`Chiến sĩ thi đua cơ sở` for a
/// collective).
fn wrong_holder(loc: Loc, form: AwardType, kind: AwardKind) -> Diagnostic {
    let holders = form.holders().label();
    Diagnostic::error(
        "award-holder",
        loc,
        Text::new(
            format!("{} chỉ dành cho {holders}, không dành cho {}", form.name(), kind.noun()),
            format!("{} is for {holders} only, not for a {}", form.name(), kind.noun()),
        ),
    )
    .with_hint(Text::new(
        "sửa cột Loại hoặc cột Hình thức của dòng này",
        "correct the Loại or the Hình thức of this row",
    ))
}

/// The conferrer a `Thẩm quyền` cell names: the issuing body's head (`Giám đốc Sở Nội
/// vụ`, `Giám đốc Sở`) or its superior's (`Chủ tịch UBND tỉnh`, `cấp tỉnh`).
pub(super) fn conferrer_of(text: &str, s: &AwardSettings) -> Option<Conferrer> {
    let k = loose_key(&text.replace("UBND", "Ủy ban nhân dân"));
    let names = |a: &Authority| {
        let short_body = a.body.strip_suffix(&format!(" {}", a.place)).unwrap_or(&a.body).to_string();
        [a.full(), a.short(), a.body.clone(), short_body.clone(), a.head.clone(), format!("{} {short_body}", a.head)]
            .iter()
            .any(|n| loose_key(n) == k)
    };
    if names(&s.authority) || k == "coquan" || k == "donvi" || k == "captren" && s.superior.is_none() {
        return Some(Conferrer::Own);
    }
    let superior_words = ["captinh", "tinh", "captren", "coquancaptren", "chutichtinh"];
    if s.superior.as_ref().is_some_and(names) || superior_words.contains(&k.as_str()) {
        return s.superior.as_ref().map(|_| Conferrer::Superior);
    }
    None
}

/// A `Thẩm quyền` that names neither this body's head nor its superior's.
pub(super) fn unknown_authority(loc: Loc, text: &str, settings: Option<&AwardSettings>) -> Diagnostic {
    let options: Vec<String> = settings
        .map(|s| std::iter::once(s.authority.full()).chain(s.superior.as_ref().map(Authority::full)).collect())
        .unwrap_or_default();
    let options = options.join("; ");
    Diagnostic::error(
        "award-authority",
        loc,
        Text::new(
            format!("Thẩm quyền {} không phải của cơ quan ban hành hay cơ quan chủ quản", quote(text)),
            format!("{} is neither the issuing body's authority nor its superior's", quote(text)),
        ),
    )
    .with_hint(Text::new(
        format!("để trống, hoặc ghi: {options} (cơ quan cấp trên lấy từ “Cơ quan chủ quản”)"),
        format!("leave it empty, or write: {options} (the superior comes from “Cơ quan chủ quản”)"),
    ))
}
