//! The change report: what changed since the previous build, in the clerk's terms —
//! delegates added, removed or changed (which field, old → new), seats moved, award
//! nominees added, removed or changed — and which files to print again. Each build keeps a
//! snapshot of its data in the manifest for the next one to compare with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diag::Lang;
use crate::model::Dataset;
use crate::plan::Plan;

/// Field label → value, for one delegate or award.
pub type Fields = BTreeMap<String, String>;

/// What the change report compares.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// By delegate id.
    pub delegates: BTreeMap<String, Fields>,
    /// Delegate id → seat code.
    pub seats: BTreeMap<String, String>,
    /// By `name | unit`.
    pub awards: BTreeMap<String, Fields>,
    /// The text documents, by file (`van-ban/ke-hoach.md`).
    #[serde(default)]
    pub documents: BTreeMap<String, Fields>,
}

/// The field of a document's body: its digest, said as “sửa” when it differs.
const BODY: &str = "Nội dung";

fn fields(pairs: &[(&str, String)]) -> Fields {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// The snapshot of a build.
pub fn snapshot(ds: &Dataset, plan: &Plan) -> Snapshot {
    let delegates = ds
        .delegates
        .iter()
        .map(|d| {
            let roles: Vec<&str> = d.roles.iter().map(|r| r.label()).collect();
            let f = fields(&[
                ("Danh xưng", d.honorific.label().into()),
                ("Họ và tên", d.name.clone()),
                ("Chức vụ", d.position.clone().unwrap_or_default()),
                ("Cơ quan, đơn vị", d.organization.clone()),
                ("Nhóm", ds.groups[d.group].name.clone()),
                ("Thứ tự", d.rank.map(|r| r.to_string()).unwrap_or_default()),
                ("Vai trò", roles.join("; ")),
                ("Mời", if d.invited { "Có" } else { "Không" }.into()),
                ("Xác nhận", d.attendance.label().into()),
                ("Điện thoại", d.phone.clone().unwrap_or_default()),
                ("Email", d.email.clone().unwrap_or_default()),
            ]);
            (d.id.clone(), f)
        })
        .collect();
    let seats = match &plan.seating {
        Some(s) => ds
            .delegates
            .iter()
            .enumerate()
            .filter_map(|(i, d)| s.seat_of[i].map(|seat| (d.id.clone(), s.hall.seats[seat].code.clone())))
            .collect(),
        None => BTreeMap::new(),
    };
    let awards = ds
        .awards
        .iter()
        .map(|a| {
            // The same recipient may receive several forms (a Giấy khen and a title).
            let key = format!("{} | {} | {}", a.name, a.unit.as_deref().unwrap_or(""), a.form.name());
            let f = fields(&[
                ("Loại", a.kind.label().into()),
                ("Danh xưng", a.honorific.map(|h| h.label().to_string()).unwrap_or_default()),
                ("Tên", a.name.clone()),
                ("Chức vụ, đơn vị", a.unit.clone().unwrap_or_default()),
                ("Thành tích", a.achievement.clone().unwrap_or_default()),
                ("Hình thức", a.form.name().to_string()),
            ]);
            (key, f)
        })
        .collect();
    let documents = plan
        .documents
        .iter()
        .map(|d| {
            use sha2::Digest;
            let body = format!("{:x}", sha2::Sha256::digest(format!("{:?}{:?}", d.blocks, d.appendices).as_bytes()));
            let f = fields(&[
                ("Loại", d.kind.name.to_string()),
                ("Số", d.number.clone().unwrap_or_default()),
                ("Trích yếu", d.subject.clone().unwrap_or_default()),
                ("Kính gửi", d.to.join("; ")),
                ("Người ký", d.signers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; ")),
                ("Nơi nhận", d.recipients.join("; ")),
                ("Độ khẩn", d.marks.urgency.map(|u| u.name().to_string()).unwrap_or_default()),
                ("Độ mật", d.marks.secrecy.map(|s| s.name().to_string()).unwrap_or_default()),
                ("Dự thảo", d.marks.draft.clone().unwrap_or_default()),
                (BODY, body[..16].to_string()),
            ]);
            (d.file.to_string(), f)
        })
        .collect();
    Snapshot { delegates, seats, awards, documents }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `Đại biểu`, `Khen thưởng`, `Ghế`.
    pub area: &'static str,
    /// Who: `Nguyễn Văn An (DB01)`.
    pub who: String,
    /// `thêm`, `bỏ`, or the field that changed.
    pub what: String,
    pub old: String,
    pub new: String,
}

/// What changed and what to print again.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// No previous build to compare with.
    pub first: bool,
    pub changes: Vec<Change>,
    /// PDFs written by this build: the ones to print again.
    pub reprint: Vec<String>,
    /// Files removed by this build.
    pub removed: Vec<String>,
}

fn diff_maps(
    area: &'static str,
    old: &BTreeMap<String, Fields>,
    new: &BTreeMap<String, Fields>,
    name_field: &str,
    out: &mut Vec<Change>,
) {
    let who = |key: &str, f: &Fields| match f.get(name_field) {
        Some(n) if area == "Đại biểu" => format!("{n} ({key})"),
        // An award change says which form the recipient receives.
        Some(n) if area == "Khen thưởng" => match f.get("Hình thức") {
            Some(form) => format!("{n} ({form})"),
            None => n.clone(),
        },
        Some(n) => n.clone(),
        None => key.to_string(),
    };
    for (key, f) in new {
        match old.get(key) {
            None => {
                out.push(Change {
                    area, who: who(key, f), what: "thêm".into(), old: String::new(), new: String::new()
                })
            }
            Some(o) => {
                for (field, value) in f {
                    let before = o.get(field).cloned().unwrap_or_default();
                    if &before != value {
                        out.push(Change {
                            area,
                            who: who(key, f),
                            what: field.clone(),
                            old: before,
                            new: value.clone(),
                        });
                    }
                }
            }
        }
    }
    for (key, f) in old {
        if !new.contains_key(key) {
            out.push(Change { area, who: who(key, f), what: "bỏ".into(), old: String::new(), new: String::new() });
        }
    }
}

/// Compares two snapshots.
pub fn compare(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut out = Vec::new();
    diff_maps("Đại biểu", &old.delegates, &new.delegates, "Họ và tên", &mut out);
    for (id, seat) in &new.seats {
        let before = old.seats.get(id);
        if before.is_some_and(|b| b != seat) {
            let name = new.delegates.get(id).and_then(|f| f.get("Họ và tên")).cloned().unwrap_or_default();
            out.push(Change {
                area: "Ghế",
                who: format!("{name} ({id})"),
                what: "Ghế".into(),
                old: before.cloned().unwrap_or_default(),
                new: seat.clone(),
            });
        }
    }
    diff_maps("Khen thưởng", &old.awards, &new.awards, "Tên", &mut out);
    let start = out.len();
    diff_maps("Văn bản", &old.documents, &new.documents, "", &mut out);
    // A body's digest means nothing to a clerk: that it changed is what counts.
    for c in out[start..].iter_mut().filter(|c| c.what == BODY) {
        c.what = "Nội dung: đã sửa".into();
        c.old.clear();
        c.new.clear();
    }
    out
}

impl Changes {
    pub fn new(previous: Option<&Snapshot>, now: &Snapshot, written: &[String], removed: &[String]) -> Changes {
        Changes {
            first: previous.is_none(),
            changes: previous.map(|p| compare(p, now)).unwrap_or_default(),
            reprint: written.iter().filter(|f| f.ends_with(".pdf")).cloned().collect(),
            removed: removed.to_vec(),
        }
    }

    /// The report as lines for the terminal.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let vi = lang == Lang::Vi;
        let mut out = Vec::new();
        if self.first {
            out.push(
                if vi {
                    "Lần tạo đầu tiên: chưa có bản trước để so sánh."
                } else {
                    "First build: nothing to compare with."
                }
                .to_string(),
            );
        } else if self.changes.is_empty() {
            out.push(
                if vi {
                    "Dữ liệu không thay đổi so với lần trước."
                } else {
                    "The data has not changed since the last build."
                }
                .to_string(),
            );
        } else {
            out.push(if vi { "Thay đổi so với lần trước:" } else { "Changes since the last build:" }.to_string());
            for c in &self.changes {
                out.push(match (c.what.as_str(), vi) {
                    ("thêm", true) => format!("  + {}: thêm {}", c.area, c.who),
                    ("thêm", false) => format!("  + {}: added {}", c.area, c.who),
                    ("bỏ", true) => format!("  - {}: bỏ {}", c.area, c.who),
                    ("bỏ", false) => format!("  - {}: removed {}", c.area, c.who),
                    (field, _) if c.old.is_empty() && c.new.is_empty() => format!("  * {} {}: {field}", c.area, c.who),
                    (field, _) => format!("  * {} {}: {field} “{}” → “{}”", c.area, c.who, c.old, c.new),
                });
            }
        }
        if !self.first {
            if self.reprint.is_empty() {
                out.push(if vi { "Không có tệp nào cần in lại." } else { "Nothing to print again." }.to_string());
            } else {
                out.push(format!("{} ({}):", if vi { "Cần in lại" } else { "Print again" }, self.reprint.len()));
                for f in &self.reprint {
                    out.push(format!("  {f}"));
                }
            }
            for f in &self.removed {
                out.push(format!("  {} {f}", if vi { "đã xóa" } else { "removed" }));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(position: &str, seat: &str) -> Snapshot {
        let mut s = Snapshot::default();
        s.delegates.insert("DB01".into(), fields(&[("Họ và tên", "Lê Văn An".into()), ("Chức vụ", position.into())]));
        s.seats.insert("DB01".into(), seat.into());
        s
    }

    #[test]
    fn changes_in_the_clerks_terms() {
        let old = snap("Phó Giám đốc", "A05");
        let mut new = snap("Giám đốc", "B07");
        new.delegates.insert("DB02".into(), fields(&[("Họ và tên", "Hà Thị Bình".into())]));
        let changes = compare(&old, &new);
        assert_eq!(
            changes,
            [
                Change {
                    area: "Đại biểu",
                    who: "Lê Văn An (DB01)".into(),
                    what: "Chức vụ".into(),
                    old: "Phó Giám đốc".into(),
                    new: "Giám đốc".into()
                },
                Change {
                    area: "Đại biểu",
                    who: "Hà Thị Bình (DB02)".into(),
                    what: "thêm".into(),
                    old: String::new(),
                    new: String::new()
                },
                Change {
                    area: "Ghế",
                    who: "Lê Văn An (DB01)".into(),
                    what: "Ghế".into(),
                    old: "A05".into(),
                    new: "B07".into()
                },
            ]
        );
        assert!(compare(&old, &old).is_empty());
        let removed = compare(&new, &old);
        assert!(removed.iter().any(|c| c.what == "bỏ" && c.who == "Hà Thị Bình (DB02)"));
    }
}
