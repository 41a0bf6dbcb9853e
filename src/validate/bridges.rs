//! The online bridge points (`Điểm cầu`) of a conference held in person and online, and a
//! delegate's `Điểm cầu` naming one of them.

use std::collections::HashMap;

use super::fields::{self, Fields};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::TableKind;
use crate::model::Bridge;
use crate::text::loose_key;

impl Validator<'_> {
    /// The bridge points, each named once.
    pub(super) fn bridges(&mut self) -> Vec<Bridge> {
        let table = self.raw.table(TableKind::Bridges);
        let mut out = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Bridges, rec);
            let Some(name) = f.required("name", "Điểm cầu tỉnh Phú Thọ") else { continue };
            let bridge = Bridge {
                place: f.text("place"),
                chair: f.text("chair"),
                contact: f.text("contact"),
                phone: f.phone("phone"),
                expected: f.whole("expected", (0.0, 100_000.0)),
                name,
                src: src(rec),
            };
            let key = loose_key(&bridge.name);
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Tên điểm cầu", &bridge.name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            out.push(bridge);
        }
        out
    }
}

/// A delegate's `Điểm cầu`: the bridge point it names (loosely, with or without `Điểm
/// cầu`), or an error listing them; `Hội trường` or the main venue is no bridge point.
pub(super) fn delegate_bridge(f: &mut Fields<'_>, bridges: &[Bridge]) -> Option<usize> {
    let text = f.text("bridge")?;
    let k = loose_key(&text);
    let bare = |s: &str| {
        let k = loose_key(s);
        k.strip_prefix("diemcau").map(str::to_string).unwrap_or(k)
    };
    if ["hoitruong", "trungtam", "diemcautrungtam", "tructiep", "khong"].contains(&k.as_str()) {
        return None;
    }
    if let Some(i) = bridges.iter().position(|b| loose_key(&b.name) == k || bare(&b.name) == bare(&text)) {
        return Some(i);
    }
    let names: Vec<&str> = bridges.iter().map(|b| b.name.as_str()).collect();
    let d = Diagnostic::error(
        "unknown-bridge",
        f.loc("bridge"),
        Text::new(
            format!("Điểm cầu {} không có trong sheet Điểm cầu", quote(&text)),
            format!("the bridge point {} is not in the Điểm cầu sheet", quote(&text)),
        ),
    )
    .with_hint(if names.is_empty() {
        Text::new(
            "thêm sheet “Điểm cầu” (Tên điểm cầu, Địa điểm, Chủ trì điểm cầu, Người liên hệ, Điện thoại), hoặc để trống ô này (dự tại hội trường)",
            "add an “Điểm cầu” sheet (Tên điểm cầu, Địa điểm, Chủ trì điểm cầu, Người liên hệ, Điện thoại), or leave this cell empty (in the main room)",
        )
    } else {
        Text::new(format!("chọn một trong: {}", names.join("; ")), format!("choose one of: {}", names.join("; ")))
    });
    f.push(d);
    None
}
