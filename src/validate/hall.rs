//! The room (`Hội trường`) and its shape (`Kiểu phòng`): rows facing a stage, a meeting
//! table (U or hollow square) or round tables, each line of the sheet a part of it.

use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::TableKind;
use crate::model::*;
use crate::text::loose_key;

/// The names of a meeting table's sides (as seen from the room, facing the head).
const TABLE_PARTS: &[(HallPart, &[&str])] = &[
    (
        HallPart::Head,
        &["Bàn chủ tọa", "Chủ tọa", "Bàn chủ trì", "Chủ trì", "Đầu bàn", "Đoàn chủ tịch", "ĐCT", "Bàn chính"],
    ),
    (HallPart::LeftArm, &["Cánh trái", "Bên trái", "Trái", "Dãy trái"]),
    (HallPart::RightArm, &["Cánh phải", "Bên phải", "Phải", "Dãy phải"]),
    (HallPart::Foot, &["Cuối bàn", "Cuối", "Đối diện", "Cuối phòng"]),
];

/// The settings' words for the shapes.
const LAYOUTS: &[(Layout, &[&str])] = &[
    (Layout::Rows, &["Hội trường", "Hàng ghế", "Ghế hàng", "Rạp hát"]),
    (Layout::Table, &["Bàn chữ U", "Chữ U", "U", "Bàn hình vuông", "Bàn vuông", "Bàn chữ nhật", "Bàn họp", "Vuông"]),
    (Layout::Round, &["Bàn tròn", "Tròn", "Bàn tiệc"]),
];

/// A side of a meeting table a block's name says.
fn table_part(block: &str) -> Option<HallPart> {
    crate::validate::choices::pick(block, TABLE_PARTS)
}

/// Is a block a round table (`Bàn 3`, `Bàn tròn 2`)?
fn round_table(block: &str) -> bool {
    let k = loose_key(block);
    k.strip_prefix("bantron")
        .or_else(|| k.strip_prefix("ban"))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

impl Validator<'_> {
    /// The room's shape: the setting, else what the blocks' names say.
    pub(super) fn layout(&mut self) -> Layout {
        let table = self.raw.table(TableKind::Hall);
        if let Some(text) = self.setting_text("seating.layout") {
            match crate::validate::choices::pick(&text, LAYOUTS) {
                Some(l) => return l,
                None => {
                    let d = fields::bad_choice(
                        self.setting_loc("seating.layout"),
                        "Kiểu phòng",
                        &text,
                        "Hội trường, Bàn chữ U, Bàn hình vuông, Bàn tròn",
                    );
                    self.push(d);
                }
            }
        }
        // `Trái`, `Giữa`, `Phải` are a hall's blocks; `Bàn chủ tọa` and `Cánh trái` a table's.
        let names: Vec<String> = table.records.iter().map(|r| loose_key(&r.value("block").display())).collect();
        let table_words = ["banchutoa", "chutoa", "banchutri", "dauban", "banchinh"];
        if names.iter().any(|k| round_table(k)) {
            Layout::Round
        } else if names.iter().any(|k| table_words.contains(&k.as_str()) || k.starts_with("canh")) {
            Layout::Table
        } else {
            Layout::Rows
        }
    }

    pub(super) fn hall(&mut self, groups: &[Group], layout: Layout) -> Vec<HallBlock> {
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
            let part = match layout {
                Layout::Rows if is_stage(&row, &block) => HallPart::Stage,
                Layout::Rows => HallPart::Audience,
                Layout::Round if table_part(&block) == Some(HallPart::Head) => HallPart::Head,
                Layout::Round => HallPart::Table,
                Layout::Table => match table_part(&block) {
                    Some(p) => p,
                    None => {
                        f.push(not_a_side(rec.loc("block"), &block));
                        continue;
                    }
                },
            };
            out.push(HallBlock { block, row, seats, reserved_for: reserved, part, src: src(rec) });
        }
        self.check_table_sides(layout, &mut out, table.loc.clone());
        out
    }

    /// A meeting table has one chair's table and each side once; round tables without a
    /// chair's table take the first as it.
    fn check_table_sides(&mut self, layout: Layout, blocks: &mut [HallBlock], sheet: Option<Loc>) {
        match layout {
            Layout::Round if !blocks.iter().any(|b| b.part == HallPart::Head) => {
                if let Some(first) = blocks.first_mut() {
                    first.part = HallPart::Head;
                }
            }
            Layout::Table => {
                for (i, b) in blocks.iter().enumerate() {
                    if let Some(first) = blocks[..i].iter().find(|o| o.part == b.part) {
                        let d = fields::duplicate(b.src.loc("block"), "Khu vực", &b.block, &first.src.loc("block"));
                        self.push(d);
                    }
                }
                if !blocks.is_empty() && !blocks.iter().any(|b| b.part == HallPart::Head) {
                    let loc = sheet.unwrap_or_else(|| self.raw.settings_loc.clone());
                    self.push(
                        Diagnostic::error(
                            "no-head-table",
                            loc,
                            Text::new("bàn họp chưa có Bàn chủ tọa", "the meeting table has no chair's table"),
                        )
                        .with_hint(Text::new(
                            "thêm một dòng Khu vực “Bàn chủ tọa” với số ghế của bàn chủ tọa",
                            "add a line “Bàn chủ tọa” with the seats of the chair's table",
                        )),
                    );
                }
            }
            _ => {}
        }
    }
}

/// The presidium's row of a hall: its row code or block name says so (`ĐCT`, `Đoàn chủ tịch`).
fn is_stage(row: &str, block: &str) -> bool {
    let (r, b) = (loose_key(row), loose_key(block));
    r == "dct" || b == "doanchutich" || b == "dct"
}

/// A block of a meeting table that names none of its sides.
fn not_a_side(loc: Loc, block: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-choice",
        loc,
        Text::new(
            format!("Khu vực {} không phải một cạnh của bàn họp", quote(block)),
            format!("the block {} is not a side of the meeting table", quote(block)),
        ),
    )
    .with_hint(Text::new(
        "với bàn họp, Khu vực là: Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn (trái, phải nhìn từ cuối phòng về bàn chủ tọa)",
        "for a meeting table the blocks are: Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn (left and right as seen from the room)",
    ))
}
