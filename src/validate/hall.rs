//! The room (`Hội trường`).

use super::fields::{self};
use super::{Validator, src};
use crate::input::TableKind;
use crate::model::*;

impl Validator<'_> {
    pub(super) fn hall(&mut self, groups: &[Group]) -> Vec<HallBlock> {
        let table = self.raw.table(TableKind::Hall);
        let mut out = Vec::new();
        let group_list = Self::group_names(groups);
        for rec in &table.records {
            let mut f = self.fields(TableKind::Hall, rec);
            let block = f.required("block", "Giữa");
            let row = f.required("row", "A").map(|r| r.replace(' ', "").to_uppercase());
            let seats = f.whole("seats", (1.0, 1000.0));
            if seats.is_none() && rec.value("seats").is_empty() {
                f.push(fields::missing(rec.loc("seats"), "Số ghế", "12"));
            }
            let mut reserved = Vec::new();
            for name in f
                .text("reserved_for")
                .iter()
                .flat_map(|t| t.split([';', '\n']))
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                match Self::find_group(groups, name) {
                    Some(g) => reserved.push(g),
                    None => f.push(fields::bad_choice(rec.loc("reserved_for"), "Dành cho nhóm", name, &group_list)),
                }
            }
            let (Some(block), Some(row), Some(seats)) = (block, row, seats) else { continue };
            out.push(HallBlock { block, row, seats, reserved_for: reserved, src: src(rec) });
        }
        out
    }
}
