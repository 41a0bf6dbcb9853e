//! The precedence groups (`Nhóm`) and the delegates (`Đại biểu`).

use std::collections::HashMap;

use super::choices::{ATTENDANCE, HONORIFICS, INVITED, ROLES, canonical};
use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::{Record, TableKind};
use crate::model::*;
use crate::text::{loose_key, slug};

impl Validator<'_> {
    pub(super) fn groups(&mut self) -> Vec<Group> {
        let table = self.raw.table(TableKind::Groups);
        if table.records.is_empty() {
            return DEFAULT_GROUPS
                .iter()
                .map(|g| Group {
                    name: g.name.to_string(),
                    intro: Some(g.intro.to_string()),
                    greeting: g.greeting.map(str::to_string),
                })
                .collect();
        }
        let mut rows: Vec<(f64, usize, Group)> = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for (i, rec) in table.records.iter().enumerate() {
            let mut f = self.fields(TableKind::Groups, rec);
            let name = f.required("name", "Sở, ban, ngành");
            let order = f.number("order", None);
            let intro = f.text("intro");
            let greeting = f.text("greeting");
            let Some(name) = name else { continue };
            let key = loose_key(&name);
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Nhóm", &name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            // A data group with a default's name keeps the default introduction and greeting.
            let default = DEFAULT_GROUPS.iter().find(|g| loose_key(g.name) == loose_key(&name));
            let intro = intro.or_else(|| default.map(|g| g.intro.to_string()));
            let greeting = match default {
                Some(g) => greeting.or_else(|| g.greeting.map(str::to_string)),
                None => greeting.or_else(|| leadership_greeting(&name)),
            };
            rows.push((order.unwrap_or(i as f64 + 1.0), i, Group { name, intro, greeting }));
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        rows.into_iter().map(|(_, _, g)| g).collect()
    }

    /// The index of a group, matched loosely against its name and (for the default
    /// groups) the other names clerks use.
    pub(super) fn find_group(groups: &[Group], text: &str) -> Option<usize> {
        let k = loose_key(text);
        groups.iter().position(|g| loose_key(&g.name) == k).or_else(|| {
            let default = DEFAULT_GROUPS.iter().find(|g| g.aliases.iter().any(|a| loose_key(a) == k))?;
            groups.iter().position(|g| loose_key(&g.name) == loose_key(default.name))
        })
    }

    pub(super) fn group_names(groups: &[Group]) -> String {
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join("; ")
    }

    /// The delegates. Without a `Nhóm` sheet, a group that is none of the defaults is added
    /// after them, in the order the list names it (said once in a note).
    pub(super) fn delegates(&mut self, groups: &mut Vec<Group>) -> Vec<Delegate> {
        let table = self.raw.table(TableKind::Delegates);
        if table.records.is_empty() {
            let loc = table.loc.clone().unwrap_or_else(|| Loc::File { file: self.raw.file.clone() });
            self.push(
                Diagnostic::error(
                    "no-delegates",
                    loc,
                    Text::new("chưa có đại biểu nào (sheet “Đại biểu”)", "there are no delegates (sheet “Đại biểu”)"),
                )
                .with_hint(Text::new(
                    "thêm sheet “Đại biểu” với các cột Danh xưng, Họ và tên, Cơ quan, đơn vị, Nhóm",
                    "add a “Đại biểu” sheet with the columns Danh xưng, Họ và tên, Cơ quan, đơn vị, Nhóm",
                )),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut ids: HashMap<String, Loc> = HashMap::new();
        let mut people: HashMap<(String, String), Loc> = HashMap::new();
        let group_list = Self::group_names(groups);
        let own_groups = !self.raw.table(TableKind::Groups).records.is_empty();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Delegates, rec);
            let honorific_cell = f.choice("honorific", HONORIFICS, false);
            let (name, honorific_in_name) = f.person_name("name", "Nguyễn Văn An");
            let honorific = honorific_cell.or(honorific_in_name);
            if honorific.is_none()
                && rec.value("honorific").is_empty()
                && !matches!(rec.loc("honorific"), Loc::Row { .. })
            {
                f.push(fields::missing(rec.loc("honorific"), "Danh xưng", &canonical(HONORIFICS)));
            }
            let position = f.text("position");
            let organization = f.required("organization", "Sở Tài chính");
            let group_text = f.required("group", "Sở, ban, ngành");
            let rank = f.whole("rank", (0.0, 100_000.0));
            let roles = f.list_choice("roles", ROLES);
            let invited = f.choice("invited", INVITED, false).unwrap_or(true);
            let attendance = f.choice("attendance", ATTENDANCE, false).unwrap_or(Attendance::Unknown);
            // As typed (messages quote it); the hall reads it loosely (`a5`, `A-05`).
            let seat = f.text("seat");
            let phone = f.phone("phone");
            let email = f.email("email");
            let address = f.text("address");
            let note = f.text("note");
            let id_given = f.text("id");
            let group = group_text.as_ref().and_then(|g| {
                let found = Self::find_group(groups, g);
                if found.is_some() {
                    return found;
                }
                if !own_groups && near_default(g).is_none() {
                    groups.push(Group::named(g.clone()));
                    f.push(added_group(rec.loc("group"), g));
                    return Some(groups.len() - 1);
                }
                f.push(unknown_group(rec.loc("group"), g, &group_list));
                None
            });
            let (Some(honorific), Some(name), Some(organization), Some(group)) = (honorific, name, organization, group)
            else {
                if let Some(id) = &id_given {
                    self.broken_ids.insert(id.to_uppercase());
                }
                continue;
            };
            // The same person twice (a row copied, no Mã to tell them apart).
            let person = (loose_key(&name), loose_key(&organization));
            if id_given.is_none()
                && let Some(first) = people.get(&person)
            {
                self.push(duplicate_person(rec.loc("name"), &name, &organization, first));
            }
            people.entry(person).or_insert_with(|| rec.loc("name"));
            let Some(id) = self.delegate_id(id_given, rec, &name, &organization, &mut ids) else { continue };
            out.push(Delegate {
                id,
                honorific,
                name,
                position,
                organization,
                group,
                rank,
                roles,
                invited,
                attendance,
                seat,
                phone,
                email,
                address,
                note,
                src: src(rec),
            });
        }
        out
    }

    /// The delegate's `Mã`, unique case-insensitively (a repeated one is an error: `None`),
    /// or one derived from the name and the organisation's initials.
    fn delegate_id(
        &mut self,
        given: Option<String>,
        rec: &Record,
        name: &str,
        organization: &str,
        ids: &mut HashMap<String, Loc>,
    ) -> Option<String> {
        match given {
            Some(id) => {
                let key = id.to_uppercase();
                if let Some(first) = ids.get(&key) {
                    let d = fields::duplicate(rec.loc("id"), "Mã", &id, first);
                    self.push(d);
                    return None;
                }
                ids.insert(key, rec.loc("id"));
                Some(id)
            }
            None => {
                let initials: String = slug(organization).split('-').filter_map(|w| w.chars().next()).collect();
                let base = format!("{}-{initials}", slug(name));
                let mut id = base.clone();
                let mut n = 2;
                while ids.contains_key(&id.to_uppercase()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                ids.insert(id.to_uppercase(), rec.loc("name"));
                Some(id)
            }
        }
    }
}

/// A `Nhóm` that is not one of the groups.
/// The default group a name is probably a misspelling of (two letters or fewer apart).
fn near_default(name: &str) -> Option<&'static str> {
    let k = loose_key(name);
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    };
    DEFAULT_GROUPS
        .iter()
        .find(|g| {
            std::iter::once(g.name).chain(g.aliases.iter().copied()).any(|n| {
                let nk = loose_key(n);
                nk.len() >= 5 && distance(&k, &nk) <= 2
            })
        })
        .map(|g| g.name)
}

/// A group the defaults do not have, added after them.
fn added_group(loc: Loc, name: &str) -> Diagnostic {
    Diagnostic::note(
        "added-group",
        loc,
        Text::new(
            format!("nhóm {} xếp sau các nhóm mặc định, theo thứ tự xuất hiện", quote(name)),
            format!("the group {} comes after the default groups, in the order it appears", quote(name)),
        ),
    )
    .with_hint(Text::new(
        "thêm sheet Nhóm (tên nhóm, thứ tự) để đặt thứ tự ưu tiên các nhóm",
        "add a Nhóm sheet (name, order) to set the groups' precedence",
    ))
}

fn unknown_group(loc: Loc, group: &str, group_list: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-choice",
        loc,
        Text::new(
            format!("Nhóm {} không có trong danh sách nhóm", quote(group)),
            format!("Nhóm {} is not a known group", quote(group)),
        ),
    )
    .with_hint(Text::new(
        format!("chọn một trong: {group_list}; hoặc thêm nhóm này vào sheet “Nhóm”"),
        format!("use one of: {group_list}; or add the group to the “Nhóm” sheet"),
    ))
}

/// The same name and organisation as the row at `first`, with no `Mã` to tell them apart.
fn duplicate_person(loc: Loc, name: &str, organization: &str, first: &Loc) -> Diagnostic {
    Diagnostic::warning(
        "duplicate-person",
        loc,
        Text::new(
            format!("{} ({organization}) đã có ở {}: hai dòng cho cùng một người?", quote(name), first.short()),
            format!("{} ({organization}) is already listed at {}: the same person twice?", quote(name), first.short()),
        ),
    )
    .with_hint(Text::new(
        "xóa dòng trùng; nếu là hai người khác nhau, ghi Mã cho cả hai",
        "delete the copy; if they are two people, give both a Mã",
    ))
}
