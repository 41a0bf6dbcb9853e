//! The award nominees (`Khen thưởng`): each row, the amounts, and awardees not on the delegate list.

use std::collections::HashMap;

use super::choices::{AWARD_KINDS, HONORIFICS};
use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::TableKind;
use crate::model::*;
use crate::text::loose_key;

impl Validator<'_> {
    pub(super) fn awards(&mut self, delegates: &[Delegate]) -> Vec<Award> {
        let table = self.raw.table(TableKind::Awards);
        let broken = self.broken_ids.clone();
        let mut out = Vec::new();
        let mut seen: HashMap<(String, String), Loc> = HashMap::new();
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
            let form = f.text("form").unwrap_or_else(|| "Bằng khen".to_string());
            // The Chairman's decision gives Bằng khen only; a Giấy khen (given by a
            // department's or district's head) or another form would be printed as a
            // Bằng khen and counted in its money.
            if !loose_key(&form).starts_with("bangkhen") {
                f.push(
                    Diagnostic::error(
                        "award-form",
                        rec.loc("form"),
                        Text::new(
                            format!("Hình thức {} không thuộc Quyết định tặng Bằng khen này", quote(&form)),
                            format!("the form {} does not belong in this decision on the Bằng khen", quote(&form)),
                        ),
                    )
                    .with_hint(Text::new(
                        "để trống hoặc ghi “Bằng khen”; người nhận hình thức khác (Giấy khen …) lập danh sách riêng, xóa khỏi sheet này",
                        "leave it empty or write “Bằng khen”; awards of another form (Giấy khen …) go in a separate list, not this sheet",
                    )),
                );
            }
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
            let (Some(kind), Some(name)) = (kind, name) else { continue };
            let key = (loose_key(&name), loose_key(unit.as_deref().unwrap_or("")));
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Tên tập thể, cá nhân", &name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            out.push(Award { kind, honorific, name, unit, achievement, form, proposer, delegate, src: src(rec) });
        }
        out
    }

    /// Điều 2 names the money of each kind on the list: one amount without the other
    /// would print "0 đồng".
    pub(super) fn check_amounts(&mut self, s: &AwardSettings, awards: &[Award]) {
        let kinds = [
            (AwardKind::Collective, s.amount_collective, "documents.decision.amount_collective"),
            (AwardKind::Individual, s.amount_individual, "documents.decision.amount_individual"),
        ];
        if kinds.iter().all(|(_, a, _)| a.is_none()) {
            return;
        }
        for (kind, amount, key) in kinds {
            let count = awards.iter().filter(|a| a.kind == kind).count();
            if amount.is_none() && count > 0 && self.setting(key).is_empty() {
                let label = Self::setting_label(key);
                let what = if kind == AwardKind::Collective { "tập thể" } else { "cá nhân" };
                self.push(
                    Diagnostic::error(
                        "missing-amount",
                        self.setting_loc(key),
                        Text::new(
                            format!("thiếu {label}: danh sách có {count} {what}"),
                            format!("{label} is missing: the list has {count} {what}"),
                        ),
                    )
                    .with_hint(Text::new(
                        "ghi cả hai mức tiền thưởng, hoặc để trống cả hai (Điều 2 ghi “theo quy định hiện hành”)",
                        "give both amounts, or neither (Điều 2 then says “theo quy định hiện hành”)",
                    )),
                );
            }
        }
    }

    /// Award recipients called on stage but not on the delegate list have no invitation
    /// and no seat: said once, with the count, so the organisers can invite them.
    pub(super) fn note_unlinked_awards(&mut self, awards: &[Award]) {
        let count = |kind| awards.iter().filter(|a| a.kind == kind && a.delegate.is_none()).count();
        let (collectives, individuals) = (count(AwardKind::Collective), count(AwardKind::Individual));
        if collectives + individuals == 0 {
            return;
        }
        let loc = self.raw.table(TableKind::Awards).loc.clone();
        self.push(
            Diagnostic::note(
                "awardee-not-delegate",
                loc,
                Text::new(
                    format!(
                        "{individuals} cá nhân và {collectives} tập thể được khen thưởng không có Mã đại biểu: họ được gọi lên sân khấu nhưng không có Giấy mời, chỗ ngồi"
                    ),
                    format!(
                        "{individuals} individuals and {collectives} collectives receiving awards have no Mã đại biểu: they are called on stage but get no invitation or seat"
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
