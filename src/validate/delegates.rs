//! The precedence groups (`Nhóm`) and the delegates (`Đại biểu`).

use std::collections::HashMap;

use super::choices::{ATTENDANCE, HONORIFICS, INVITED, ROLES, canonical};
use super::fields::{self, Fields};
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
                    host: false,
                    introduce: Introduce::Default,
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
            let host = f.choice("host", INVITED, false).unwrap_or(false);
            let introduce = introduce(&mut f);
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
            rows.push((order.unwrap_or(i as f64 + 1.0), i, Group { name, intro, greeting, host, introduce }));
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
    pub(super) fn delegates(&mut self, groups: &mut Vec<Group>, bridges: &[Bridge]) -> Vec<Delegate> {
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
            // An academic title typed into the name (`PGS.TS. Lê Quang Minh`) goes to its field.
            let academic_cell = f.text("academic").map(|t| super::academic::normalise_academic(&t));
            let (name, academic) = match name.as_deref().and_then(super::academic::split_academic) {
                Some((title, rest)) => {
                    f.push(academic_in_name(f.loc("name"), &title, &rest));
                    (Some(rest), academic_cell.or(Some(title)))
                }
                None => (name, academic_cell),
            };
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
            let invited_cell = f.choice("invited", INVITED, false);
            let attendance = f.choice("attendance", ATTENDANCE, false).unwrap_or(Attendance::Unknown);
            let bridge = super::bridges::delegate_bridge(&mut f, bridges);
            let presidium_order = f.whole("presidium_order", (1.0, 1000.0));
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
            // The host's people get no Giấy mời of their own body unless the cell says so.
            let host = groups[group].host;
            let invited = invited_cell.unwrap_or(!host);
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
                host,
                bridge,
                academic,
                presidium_order,
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

    /// Contradictions between being invited, coming and doing a part: a performer marked
    /// absent, a host sent a Giấy mời by their own body.
    pub(super) fn check_presence(&mut self, delegates: &[Delegate]) {
        for d in delegates {
            // The roles no programme item checks (a speaker marked absent is said at the item
            // that names them, a panel speaker with the panel).
            let performs: Vec<&str> =
                d.roles.iter().filter(|r| matches!(r, Role::Chair | Role::Presenter)).map(|r| r.label()).collect();
            if d.attendance == Attendance::Absent && !performs.is_empty() {
                self.push(
                    Diagnostic::warning(
                        "absent-performer",
                        d.src.loc("attendance"),
                        Text::new(
                            format!("{} vắng nhưng có vai trò {}", d.name, performs.join(", ")),
                            format!("{} is absent but has the role {}", d.name, performs.join(", ")),
                        ),
                    )
                    .with_hint(Text::new(
                        "giao vai trò cho người khác, hoặc sửa cột Xác nhận",
                        "give the role to someone else, or correct the Xác nhận column",
                    )),
                );
            }
            // A host is invited only when the cell says so (the default is no Giấy mời).
            if d.host && d.invited {
                self.push(
                    Diagnostic::warning(
                        "host-invited",
                        d.src.loc("invited"),
                        Text::new(
                            format!("{} thuộc đơn vị chủ nhà mà vẫn được gửi Giấy mời của chính đơn vị mình", d.name),
                            format!("{} belongs to the host and is still sent the host's own Giấy mời", d.name),
                        ),
                    )
                    .with_hint(Text::new(
                        "để trống cột Mời (người của đơn vị chủ nhà không nhận Giấy mời), hoặc bỏ Chủ nhà ở nhóm",
                        "leave Mời empty (the host's people get no Giấy mời), or take Chủ nhà off the group",
                    )),
                );
            }
        }
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

/// How the script introduces a group (`Nêu tên`): `tất cả`, a number, or `không`.
fn introduce(f: &mut Fields<'_>) -> Introduce {
    let Some(text) = f.text("introduce") else { return Introduce::Default };
    let k = loose_key(&text);
    if let Some(n) = crate::text::parse_number(&text).filter(|n| n.fract() == 0.0 && *n >= 0.0) {
        return if n == 0.0 { Introduce::None } else { Introduce::First(n as u32) };
    }
    match k.as_str() {
        "tatca" | "ca" | "het" | "all" | "toanbo" => Introduce::All,
        "khong" | "khongneuten" | "none" | "daidien" => Introduce::None,
        _ => {
            let d = fields::bad_choice(f.loc("introduce"), "Nêu tên", &text, "tất cả, một số (3), không");
            f.push(d);
            Introduce::Default
        }
    }
}

/// The note for an academic title typed into a name.
fn academic_in_name(loc: Loc, title: &str, rest: &str) -> Diagnostic {
    Diagnostic::note(
        "academic-in-name",
        loc,
        Text::new(
            format!(
                "họ tên có học hàm, học vị {}: ghi vào cột Học hàm, học vị, họ tên là {}",
                quote(title),
                quote(rest)
            ),
            format!(
                "the name carries the title {}: it goes to Học hàm, học vị, the name is {}",
                quote(title),
                quote(rest)
            ),
        ),
    )
}
