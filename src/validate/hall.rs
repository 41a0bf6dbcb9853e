//! The room (`Hội trường`), each line of the sheet a part of it: the presidium's rows on a
//! stage, a meeting table's sides (U or hollow square), round tables, a secretariat table
//! and rows of chairs — mixed as real rooms are. Which part a line is comes from its
//! block's name; the front (`Kiểu phòng`) from the names too, the setting deciding only
//! what they leave open. What cannot be drawn is an error at its cell.

use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::{Record, TableKind};
use crate::model::*;
use crate::text::loose_key;

/// The chair's table (`Bàn chủ tọa`): the head of a meeting table, or the chair's round table.
const CHAIR_WORDS: &[&str] = &["Bàn chủ tọa", "Chủ tọa", "Bàn chủ trì", "Chủ trì", "Đầu bàn", "Bàn chính"];

/// The presidium (`Đoàn chủ tịch`): on a stage, or at the head of a meeting table.
const PRESIDIUM_WORDS: &[&str] = &["Đoàn chủ tịch", "ĐCT"];

/// The secretariat's table.
const SECRETARIAT_WORDS: &[&str] =
    &["Đoàn thư ký", "Bàn thư ký", "Thư ký", "Ban thư ký", "Tổ thư ký", "Thư ký hội nghị", "ĐTK"];

/// The sides of a meeting table (as seen from the room, facing the head): the names that
/// always mean the side, and the short ones that mean it only when alone in their row
/// (`Trái` of row A beside `Giữa` and `Phải` is a block of a row of chairs).
const SIDES: &[(HallPart, &[&str], &[&str])] = &[
    (HallPart::LeftArm, &["Cánh trái", "Cánh bàn trái"], &["Bên trái", "Trái", "Dãy trái"]),
    (HallPart::RightArm, &["Cánh phải", "Cánh bàn phải"], &["Bên phải", "Phải", "Dãy phải"]),
    (HallPart::Foot, &["Cuối bàn"], &["Cuối", "Đối diện", "Cuối phòng"]),
];

/// The settings' words for the shapes.
const LAYOUTS: &[(Layout, &[&str])] = &[
    (Layout::Rows, &["Hội trường", "Hàng ghế", "Ghế hàng", "Rạp hát"]),
    (Layout::Table, &["Bàn chữ U", "Chữ U", "U", "Bàn hình vuông", "Bàn vuông", "Bàn chữ nhật", "Bàn họp", "Vuông"]),
    (Layout::Round, &["Bàn tròn", "Tròn", "Bàn tiệc"]),
];

/// What a line's names say it is, before the room's front is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// `Đoàn chủ tịch`, `ĐCT` (the block, or the row's code).
    Presidium,
    /// `Bàn chủ tọa` and its other names.
    Chair,
    /// A side of a meeting table by a name that says so (`Cánh trái`).
    Side(HallPart),
    /// A side by a short name (`Trái`): the side when alone in its row, else a block.
    MaybeSide(HallPart),
    /// `Bàn 3`, `Bàn tròn 2`.
    Round,
    Secretariat,
    /// Any other name (`Giữa`, `Khu A`, `Dự thính`): a block of a row of chairs (a round
    /// table when the room is round tables).
    Other,
}

fn is_word(text: &str, words: &[&str]) -> bool {
    let k = loose_key(text);
    !k.is_empty() && words.iter().any(|w| loose_key(w) == k)
}

/// Is a block a round table (`Bàn 3`, `Bàn tròn 2`)?
fn round_table(block: &str) -> bool {
    let k = loose_key(block);
    k.strip_prefix("bantron")
        .or_else(|| k.strip_prefix("ban"))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// What the block's name (and the row's code, for `ĐCT`) say a line is.
fn named(block: &str, row: &str) -> Named {
    if is_word(block, SECRETARIAT_WORDS) {
        Named::Secretariat
    } else if round_table(block) {
        Named::Round
    } else if is_word(block, CHAIR_WORDS) {
        Named::Chair
    } else if is_word(block, PRESIDIUM_WORDS) || loose_key(row) == "dct" {
        Named::Presidium
    } else if let Some((p, _, _)) = SIDES.iter().find(|(_, strong, _)| is_word(block, strong)) {
        Named::Side(*p)
    } else if let Some((p, _, _)) = SIDES.iter().find(|(_, _, weak)| is_word(block, weak)) {
        Named::MaybeSide(*p)
    } else {
        Named::Other
    }
}

/// The room's front from its names, `hint` (the setting) deciding what they leave open: a
/// side of a meeting table makes it a meeting table; the chair's table a meeting table or,
/// among round tables, the chair's round table; `Đoàn chủ tịch` a stage (the head of a
/// meeting table when the setting says so); round tables alone are round tables.
fn front(names: &[Named], hint: Option<Layout>) -> Layout {
    let has = |f: &dyn Fn(&Named) -> bool| names.iter().any(f);
    if has(&|n| matches!(n, Named::Side(_))) {
        Layout::Table
    } else if has(&|n| *n == Named::Chair) {
        if has(&|n| *n == Named::Round) || hint == Some(Layout::Round) { Layout::Round } else { Layout::Table }
    } else if has(&|n| *n == Named::Presidium) {
        match hint {
            Some(Layout::Table) => Layout::Table,
            // `Đoàn chủ tịch` among tables not named `Bàn 1`, `Bàn 2` …: the chair's table.
            Some(Layout::Round) if !has(&|n| *n == Named::Round) => Layout::Round,
            _ => Layout::Rows,
        }
    } else if has(&|n| *n == Named::Round) {
        if hint == Some(Layout::Rows) { Layout::Rows } else { Layout::Round }
    } else {
        hint.unwrap_or(Layout::Rows)
    }
}

/// Does the room have the shape `hint` names?
fn has_shape(names: &[Named], front: Layout, hint: Layout) -> bool {
    match hint {
        Layout::Table => front == Layout::Table,
        Layout::Round => front == Layout::Round || names.contains(&Named::Round),
        Layout::Rows => front == Layout::Rows || names.iter().any(|n| matches!(n, Named::Other | Named::MaybeSide(_))),
    }
}

/// One line as its part is being decided: what its names say, and whether it shares its
/// row's code or its name with another line.
struct Line {
    named: Named,
    /// Alone in its row, its name used once: a short side name is then the side.
    alone: bool,
}

/// The part a line is in a room whose front is `front`; `strong` are the sides other lines
/// name outright. `None`: a round table behind a meeting table (cannot be drawn).
fn part_of(line: &Line, front: Layout, strong: &[HallPart]) -> Option<HallPart> {
    Some(match (front, line.named) {
        (_, Named::Secretariat) => HallPart::Secretariat,
        (Layout::Rows, Named::Presidium) => HallPart::Stage,
        (Layout::Rows, Named::Round) => HallPart::Table,
        (Layout::Rows, _) => HallPart::Audience,
        (Layout::Table, Named::Presidium | Named::Chair) => HallPart::Head,
        (Layout::Table, Named::Side(p)) => p,
        (Layout::Table, Named::MaybeSide(p)) if line.alone && !strong.contains(&p) => p,
        (Layout::Table, Named::Round) => return None,
        (Layout::Table, _) => HallPart::Audience,
        (Layout::Round, Named::Presidium | Named::Chair) => HallPart::Head,
        (Layout::Round, _) => HallPart::Table,
    })
}

impl Validator<'_> {
    /// The setting `Kiểu phòng`, when it is given (an unknown word is an error at its cell).
    fn layout_hint(&mut self) -> Option<Layout> {
        let text = self.setting_text("seating.layout")?;
        let picked = crate::validate::choices::pick(&text, LAYOUTS);
        if picked.is_none() {
            let d = fields::bad_choice(
                self.setting_loc("seating.layout"),
                "Kiểu phòng",
                &text,
                "Hội trường, Bàn chữ U, Bàn hình vuông, Bàn tròn",
            );
            self.push(d);
        }
        picked
    }

    /// The room's front: what the blocks' names say, the setting deciding what they leave
    /// open; a setting naming a shape the room does not have is a warning at its cell.
    pub(super) fn layout(&mut self) -> Layout {
        let hint = self.layout_hint();
        let table = self.raw.table(TableKind::Hall);
        let names: Vec<Named> =
            table.records.iter().map(|r| named(&r.value("block").display(), &r.value("row").display())).collect();
        let front = front(&names, hint);
        if let Some(h) = hint
            && !names.is_empty()
            && !has_shape(&names, front, h)
        {
            let loc = self.setting_loc("seating.layout");
            self.push(layout_mismatch(loc, h, front));
        }
        front
    }

    pub(super) fn hall(&mut self, groups: &[Group], layout: Layout) -> Vec<HallBlock> {
        let table = self.raw.table(TableKind::Hall);
        let lines = Self::hall_lines(&table.records);
        let strong: Vec<HallPart> = lines
            .iter()
            .filter_map(|l| match l.named {
                Named::Side(p) => Some(p),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        let group_list = Self::group_names(groups);
        for (rec, line) in table.records.iter().zip(&lines) {
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
            let Some(part) = part_of(line, layout, &strong) else {
                f.push(round_behind_table(rec.loc("block"), &block));
                continue;
            };
            out.push(HallBlock { block, row, seats, reserved_for: reserved, part, src: src(rec) });
        }
        self.check_audience(&out);
        self.check_table_sides(layout, &mut out, table.loc.clone());
        self.check_row_codes(&out);
        out
    }

    /// What each record's names say, and whether it is alone in its row with its name.
    fn hall_lines(records: &[Record]) -> Vec<Line> {
        let keys: Vec<(String, String)> = records
            .iter()
            .map(|r| (loose_key(&r.value("block").display()), loose_key(&r.value("row").display())))
            .collect();
        records
            .iter()
            .zip(&keys)
            .map(|(r, (b, w))| Line {
                named: named(&r.value("block").display(), &r.value("row").display()),
                alone: keys.iter().filter(|(ob, ow)| ob == b || ow == w).count() == 1,
            })
            .collect()
    }

    /// A meeting table has one chair's table and each side once; a room has one
    /// secretariat table; round tables without a chair's table (and no stage) take the
    /// first as it.
    fn check_table_sides(&mut self, layout: Layout, blocks: &mut [HallBlock], sheet: Option<Loc>) {
        let once = |p: HallPart| match p {
            HallPart::Secretariat => true,
            HallPart::Head | HallPart::LeftArm | HallPart::RightArm | HallPart::Foot => layout == Layout::Table,
            _ => false,
        };
        for (i, b) in blocks.iter().enumerate() {
            if !once(b.part) {
                continue;
            }
            if let Some(first) = blocks[..i].iter().find(|o| o.part == b.part) {
                let d = if b.part == HallPart::Head {
                    second_head(b.src.loc("block"), &b.block, &first.block, &first.src.loc("block"))
                } else {
                    fields::duplicate(b.src.loc("block"), "Khu vực", &b.block, &first.src.loc("block"))
                };
                self.push(d);
            }
        }
        match layout {
            Layout::Round if !blocks.iter().any(|b| b.part == HallPart::Head) => {
                if let Some(first) = blocks.iter_mut().find(|b| b.part == HallPart::Table) {
                    first.part = HallPart::Head;
                }
            }
            Layout::Table if !blocks.is_empty() && !blocks.iter().any(|b| b.part == HallPart::Head) => {
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
            _ => {}
        }
    }

    /// Before a stage, rows of chairs or round tables: the diagram draws one or the other.
    fn check_audience(&mut self, blocks: &[HallBlock]) {
        let kinds = [HallPart::Audience, HallPart::Table];
        let Some(first) = blocks.iter().find(|b| kinds.contains(&b.part)) else { return };
        if let Some(other) = blocks.iter().find(|b| kinds.contains(&b.part) && b.part != first.part) {
            let d = mixed_audience(other, first);
            self.push(d);
        }
    }

    /// Seat codes are the row's code and the seat's number: two parts of the room with one
    /// code would give two seats one code. The blocks of one row (of the stage, or of the
    /// chairs) share it; every other part has its own.
    fn check_row_codes(&mut self, blocks: &[HallBlock]) {
        let grouped = |p: HallPart| matches!(p, HallPart::Stage | HallPart::Audience);
        for (i, b) in blocks.iter().enumerate() {
            let key = loose_key(&b.row);
            let clash = blocks[..i].iter().find(|o| loose_key(&o.row) == key && !(grouped(b.part) && o.part == b.part));
            if let Some(first) = clash {
                let d = row_code_taken(b, first);
                self.push(d);
            }
        }
    }
}

/// The setting names a shape the room's blocks do not have.
fn layout_mismatch(loc: Loc, hint: Layout, front: Layout) -> Diagnostic {
    let say = |l: Layout| match l {
        Layout::Rows => ("Hội trường", "hàng ghế hoặc sân khấu", "rows or a stage"),
        Layout::Table => ("Bàn chữ U", "bàn họp", "a meeting table"),
        Layout::Round => ("Bàn tròn", "bàn tròn", "round tables"),
    };
    let ((h, vi, en), (_, front_vi, front_en)) = (say(hint), say(front));
    Diagnostic::warning(
        "layout-mismatch",
        loc,
        Text::new(
            format!("Kiểu phòng “{h}” nhưng sheet Hội trường không có {vi}: sơ đồ vẽ theo tên các khu ({front_vi})"),
            format!("Kiểu phòng “{h}” but the Hội trường sheet has no {en}: the diagram follows the blocks' names ({front_en})"),
        ),
    )
    .with_hint(Text::new(
        "sửa Kiểu phòng cho khớp, hoặc để trống (tên các khu quyết định)",
        "correct Kiểu phòng, or leave it empty (the blocks' names decide)",
    ))
}

/// A second chair's table at a meeting table (a stage's presidium and a meeting table in
/// one room, or two heads).
fn second_head(loc: Loc, block: &str, first: &str, first_loc: &Loc) -> Diagnostic {
    Diagnostic::error(
        "duplicate",
        loc,
        Text::new(
            format!("Khu vực {} là bàn chủ tọa thứ hai (đã có {} ở {})", quote(block), quote(first), first_loc.short()),
            format!("the block {} is a second chair's table ({} is at {})", quote(block), quote(first), first_loc.short()),
        ),
    )
    .with_hint(Text::new(
        "phòng có bàn họp thì Đoàn chủ tịch ngồi ở bàn chủ tọa: giữ một dòng; nếu Đoàn chủ tịch ngồi trên sân khấu thì bỏ các dòng Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn",
        "with a meeting table the presidium sits at its head: keep one line; for a presidium on a stage, remove the table's lines",
    ))
}

/// A round table in a room with a meeting table.
fn round_behind_table(loc: Loc, block: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-choice",
        loc,
        Text::new(
            format!("Khu vực {} là bàn tròn, nhưng phòng có bàn họp: sau bàn họp chỉ xếp được hàng ghế", quote(block)),
            format!("the block {} is a round table, but the room has a meeting table: only rows can stand behind it", quote(block)),
        ),
    )
    .with_hint(Text::new(
        "đặt tên khu như Giữa, Trái, Phải để thành hàng ghế phía sau bàn họp; hoặc bỏ các dòng bàn họp (Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn) để xếp bàn tròn",
        "name the block like Giữa, Trái, Phải for rows behind the table; or remove the table's lines for round tables",
    ))
}

/// Rows of chairs and round tables in one room.
fn mixed_audience(block: &HallBlock, first: &HallBlock) -> Diagnostic {
    let (this_vi, this_en, that_vi) = if block.part == HallPart::Table {
        ("là bàn tròn", "is a round table", "hàng ghế")
    } else {
        ("là một khu hàng ghế", "is a block of a row", "bàn tròn")
    };
    let first_loc = first.src.loc("block");
    Diagnostic::error(
        "mixed-room",
        block.src.loc("block"),
        Text::new(
            format!(
                "Khu vực {} {this_vi}, nhưng phòng đã có {that_vi} ({} ở {}): sơ đồ vẽ hàng ghế hoặc bàn tròn, không cả hai",
                quote(&block.block),
                quote(&first.block),
                first_loc.short()
            ),
            format!(
                "the block {} {this_en}, but the room already has the other kind ({} at {}): rows or round tables, not both",
                quote(&block.block),
                quote(&first.block),
                first_loc.short()
            ),
        ),
    )
    .with_hint(Text::new(
        "ghi mọi bàn là Bàn 1, Bàn 2 …, hoặc đặt tên các khu hàng ghế là Trái, Giữa, Phải",
        "name every table Bàn 1, Bàn 2 …, or every block of a row Trái, Giữa, Phải",
    ))
}

/// A row's code another part of the room already uses.
fn row_code_taken(block: &HallBlock, first: &HallBlock) -> Diagnostic {
    let first_loc = first.src.loc("row");
    Diagnostic::error(
        "duplicate",
        block.src.loc("row"),
        Text::new(
            format!("Hàng {} đã dùng cho khu {} ({})", quote(&block.row), quote(&first.block), first_loc.short()),
            format!(
                "row {} is already used by the block {} ({})",
                quote(&block.row),
                quote(&first.block),
                first_loc.short()
            ),
        ),
    )
    .with_hint(Text::new(
        "mỗi cạnh bàn, mỗi bàn và mỗi hàng ghế cần một mã hàng riêng (mã ghế là mã hàng và số ghế: T01, A05)",
        "each side, table and row needs its own code (a seat's code is the row's and its number: T01, A05)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(lines: &[(&str, &str)]) -> Vec<Named> {
        lines.iter().map(|(b, r)| named(b, r)).collect()
    }

    #[test]
    fn the_names_tell_the_parts_and_the_front() {
        let u = names(&[("Bàn chủ tọa", "CT"), ("Cánh trái", "T"), ("Trái", "A"), ("Phải", "A")]);
        assert_eq!(
            u,
            [
                Named::Chair,
                Named::Side(HallPart::LeftArm),
                Named::MaybeSide(HallPart::LeftArm),
                Named::MaybeSide(HallPart::RightArm)
            ]
        );
        assert_eq!(front(&u, None), Layout::Table);
        assert_eq!(front(&u, Some(Layout::Round)), Layout::Table, "the names win over the setting");
        let stage = names(&[("Giữa", "ĐCT"), ("Đoàn thư ký", "TK"), ("Bàn 1", "B1")]);
        assert_eq!(stage, [Named::Presidium, Named::Secretariat, Named::Round]);
        assert_eq!(front(&stage, None), Layout::Rows);
        assert_eq!(front(&stage, Some(Layout::Round)), Layout::Rows, "a stage before round tables");
        assert_eq!(front(&stage, Some(Layout::Table)), Layout::Table, "ĐCT at the head of a meeting table");
        // What the names leave open, the setting decides.
        let open = names(&[("Đoàn chủ tịch", "ĐCT"), ("Bàn khách", "K")]);
        assert_eq!(front(&open, None), Layout::Rows);
        assert_eq!(front(&open, Some(Layout::Round)), Layout::Round);
        assert_eq!(front(&names(&[("Bàn chủ tọa", "CT"), ("Giữa", "A")]), None), Layout::Table);
        assert_eq!(front(&names(&[("Bàn chủ tọa", "CT"), ("Bàn 2", "B2")]), None), Layout::Round);
        assert_eq!(front(&names(&[("Bàn 1", "B1")]), None), Layout::Round);
    }

    #[test]
    fn a_short_side_name_is_a_side_only_alone() {
        let alone = Line { named: Named::MaybeSide(HallPart::LeftArm), alone: true };
        let shared = Line { named: Named::MaybeSide(HallPart::LeftArm), alone: false };
        assert_eq!(part_of(&alone, Layout::Table, &[]), Some(HallPart::LeftArm));
        assert_eq!(part_of(&alone, Layout::Table, &[HallPart::LeftArm]), Some(HallPart::Audience));
        assert_eq!(part_of(&shared, Layout::Table, &[]), Some(HallPart::Audience));
        assert_eq!(part_of(&alone, Layout::Rows, &[]), Some(HallPart::Audience));
        let round = Line { named: Named::Round, alone: true };
        assert_eq!(part_of(&round, Layout::Table, &[]), None, "no round table behind a meeting table");
    }
}
