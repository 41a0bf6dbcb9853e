//! The programme (`Chương trình`) and the signings (`Ký kết`).

use std::collections::HashMap;

use super::choices::{agenda_kind, infer_agenda_kind};
use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Text, quote};
use crate::input::TableKind;
use crate::model::*;
use crate::text::loose_key;

impl Validator<'_> {
    pub(super) fn agenda(&mut self, delegates: &[Delegate]) -> Vec<AgendaItem> {
        let table = self.raw.table(TableKind::Agenda);
        let broken = self.broken_ids.clone();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in delegates.iter().enumerate() {
            by_id.insert(d.id.to_uppercase(), i);
            by_name.entry(loose_key(&d.name)).or_default().push(i);
        }
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Agenda, rec);
            let time = f.time("time");
            let minutes = f.whole("minutes", (0.0, 1440.0));
            if minutes.is_none() && rec.value("minutes").is_empty() {
                f.push(fields::missing(rec.loc("minutes"), "Thời lượng (phút)", "15"));
            }
            let title = f.required("title", "Báo cáo đánh giá kết quả thực hiện Chương trình OCOP");
            let by_text = f.text("by");
            let kind = match f.text("kind") {
                None => title.as_deref().map_or(AgendaKind::Khac, infer_agenda_kind),
                Some(k) => match agenda_kind(&k) {
                    Some(kind) => kind,
                    None => {
                        let codes = AgendaKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ");
                        f.push(fields::bad_choice(rec.loc("kind"), "Loại", &k, &codes));
                        AgendaKind::Khac
                    }
                },
            };
            let mc = f.text("mc");
            let note = f.text("note");
            let by = by_text.map(|t| {
                if let Some(&i) = by_id.get(&t.to_uppercase()) {
                    return Some(Performer::Delegate(i));
                }
                // `Đồng chí Nguyễn Thế Giang, Phó Chủ tịch UBND tỉnh` names a delegate too.
                let bare = fields::split_honorific(&t).map_or_else(|| t.clone(), |(_, rest)| rest);
                let bare = bare.split(',').next().unwrap_or(&bare).trim().to_string();
                let found = by_name.get(&loose_key(&t)).or_else(|| by_name.get(&loose_key(&bare)));
                // Loose keys drop the tones (`Thành` = `Thanh`): among several, the one
                // written exactly so is meant.
                let exact: Vec<usize> = found
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|i| {
                        let name = delegates[*i].name.to_lowercase();
                        name == t.to_lowercase() || name == bare.to_lowercase()
                    })
                    .collect();
                if let [i] = exact.as_slice() {
                    return Some(Performer::Delegate(*i));
                }
                match found.map(Vec::as_slice) {
                    Some([i]) => return Some(Performer::Delegate(*i)),
                    Some(many) if many.len() > 1 => {
                        let ids = many.iter().map(|i| delegates[*i].id.as_str()).collect::<Vec<_>>().join(", ");
                        f.push(
                            Diagnostic::error(
                                "ambiguous-reference",
                                rec.loc("by"),
                                Text::new(
                                    format!("có nhiều đại biểu tên {}", quote(&t)),
                                    format!("several delegates are named {}", quote(&t)),
                                ),
                            )
                            .with_hint(Text::new(
                                format!("ghi Mã đại biểu thay cho tên: {ids}"),
                                format!("write the delegate's Mã instead: {ids}"),
                            )),
                        );
                        return None;
                    }
                    _ => {}
                }
                if fields::looks_like_id(&t) {
                    if !delegates.is_empty() && !broken.contains(&t.to_uppercase()) {
                        f.push(fields::unknown_delegate(rec.loc("by"), &t, true));
                    }
                    return None;
                }
                Some(Performer::Text(t))
            });
            let (Some(minutes), Some(title)) = (minutes, title) else { continue };
            out.push(AgendaItem { time, minutes, title, by: by.flatten(), kind, mc, note, src: src(rec) });
        }
        out
    }

    pub(super) fn signings(&mut self) -> Vec<Signing> {
        let table = self.raw.table(TableKind::Signings);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Signings, rec);
            let a = f.required("party_a", "Hợp tác xã Sơn Trà");
            let b = f.required("party_b", "Công ty TNHH Thương mại …");
            let kind = f.text("kind");
            let subject = f.text("subject");
            if let (Some(party_a), Some(party_b)) = (a, b) {
                // The same pair twice would be called to the stage twice.
                let key = |x: &str, y: &str, z: &Option<String>| {
                    (loose_key(x), loose_key(y), loose_key(z.as_deref().unwrap_or("")))
                };
                if let Some(first) = out
                    .iter()
                    .find(|s: &&Signing| key(&s.party_a, &s.party_b, &s.subject) == key(&party_a, &party_b, &subject))
                {
                    let first = first.src.loc("party_a").short();
                    f.push(
                        Diagnostic::warning(
                            "duplicate-signing",
                            rec.loc("party_a"),
                            Text::new(
                                format!("cặp ký kết {} – {} trùng với {first}", quote(&party_a), quote(&party_b)),
                                format!("the signing {} – {} repeats {first}", quote(&party_a), quote(&party_b)),
                            ),
                        )
                        .with_hint(Text::new("xóa một trong hai dòng", "delete one of the two rows")),
                    );
                }
                out.push(Signing { party_a, party_b, kind, subject, src: src(rec) });
            }
        }
        out
    }
}
