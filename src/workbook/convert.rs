//! `vanthu convert`: the same conference as YAML or as a workbook.
//!
//! Both writers take the conference's cells, as read and cleaned, through one canonical form
//! driven by the input contract (every setting and every column of `input::schema`, dates
//! `dd/mm/yyyy`, times `hh:mm`), so reading either output gives the same cells, the same
//! dataset and therefore the same documents.

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use serde_yaml::{Mapping, Value as Yaml};

use crate::input::schema::{self, SETTINGS, TableKind, TableSpec};
use crate::input::{RawDataset, Value};
use crate::model::{AgendaKind, AwardType, Dataset, PRODUCT_GROUPS};

/// One field in canonical form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    Text(String),
    Int(i64),
    Num(f64),
    /// Lines: a YAML list, one line per row of the cell.
    Lines(Vec<String>),
}

type Row = Vec<(&'static str, Field)>;

/// A table of the clerk's own: its name, headers and rows (a field per header, if any).
pub(crate) struct FreeCanonical {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Option<Field>>>,
}

/// The conference as the contract writes it.
pub(crate) struct Canonical {
    pub settings: Vec<(&'static str, Field)>,
    pub tables: Vec<(&'static TableSpec, Vec<Row>)>,
    pub free: Vec<FreeCanonical>,
}

/// The order the lists are written in: the groups and bridge points before the delegates
/// that name them. Every list of the contract is here (a test says so).
const TABLE_ORDER: [TableKind; 14] = [
    TableKind::Groups,
    TableKind::Bridges,
    TableKind::Delegates,
    TableKind::Awards,
    TableKind::Decisions,
    TableKind::Agenda,
    TableKind::Hall,
    TableKind::Signings,
    TableKind::Products,
    TableKind::Targets,
    TableKind::Report,
    TableKind::ReportTables,
    TableKind::Elections,
    TableKind::Candidates,
];

/// A cell as the contract writes it: text as read (cleaned), whole numbers as integers,
/// dates `dd/mm/yyyy` and times `hh:mm`; `lines` splits a list setting into its lines;
/// `phone`: a phone number Excel made a number gets its leading 0 back and is written as
/// text.
fn field(value: &Value, lines: bool, phone: bool) -> Option<Field> {
    if phone && let Some(text) = crate::validate::fields::phone_text(value) {
        return Some(Field::Text(text));
    }
    match value {
        Value::Empty | Value::Error(_) => None,
        Value::Text(s) if lines => {
            Some(Field::Lines(s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()))
        }
        Value::Text(s) => Some(Field::Text(s.clone())),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(Field::Int(*n as i64)),
        Value::Number(n) => Some(Field::Num(*n)),
        Value::Bool(b) => Some(Field::Text(if *b { "Có" } else { "Không" }.into())),
        v @ Value::DateTime { .. } => Some(Field::Text(v.display())),
    }
}

/// The canonical form of a conference, from its cells as read and cleaned: every setting
/// and every column of the contract (`input::schema`) that has a value, in the contract's
/// order — so a setting or column added to the schema is converted without more code.
pub(crate) fn canonical(raw: &RawDataset) -> Canonical {
    let settings = SETTINGS
        .iter()
        .filter_map(|spec| {
            let cell = raw.settings.get(spec.key.as_str())?;
            field(&cell.value, spec.list, spec.key.ends_with("phone")).map(|f| (spec.key.as_str(), f))
        })
        .collect();
    let tables = TABLE_ORDER
        .iter()
        .map(|&kind| {
            let table = raw.table(kind);
            let rows = table
                .records
                .iter()
                .map(|rec| {
                    table
                        .spec
                        .columns
                        .iter()
                        .filter(|c| c.key != schema::STT)
                        .filter_map(|c| field(rec.value(c.key), false, c.key == "phone").map(|f| (c.key, f)))
                        .collect()
                })
                .collect();
            (table.spec, rows)
        })
        .collect();
    let free = raw
        .free
        .iter()
        .map(|t| FreeCanonical {
            name: t.name.clone(),
            headers: t.headers.clone(),
            rows: t
                .rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.as_ref().and_then(|c| field(&c.value, false, false))).collect())
                .collect(),
        })
        .collect();
    Canonical { settings, tables, free }
}

fn yaml_of(f: &Field) -> Yaml {
    match f {
        Field::Text(s) => Yaml::String(s.clone()),
        Field::Int(n) => Yaml::Number((*n).into()),
        Field::Num(n) => Yaml::Number((*n).into()),
        Field::Lines(l) => Yaml::Sequence(l.iter().map(|s| Yaml::String(s.clone())).collect()),
    }
}

/// Inserts `value` at a dotted path, creating the mappings on the way.
fn insert_path(root: &mut Mapping, dotted: &str, value: Yaml) {
    let mut parts: Vec<&str> = dotted.split('.').collect();
    let last = parts.pop().expect("a key has at least one part");
    let mut map = root;
    for p in parts {
        let entry = map.entry(Yaml::String(p.into())).or_insert_with(|| Yaml::Mapping(Mapping::new()));
        map = entry.as_mapping_mut().expect("settings paths do not collide with values");
    }
    map.insert(Yaml::String(last.into()), value);
}

/// The conference as YAML text.
pub(crate) fn to_yaml(raw: &RawDataset) -> String {
    let c = canonical(raw);
    let mut root = Mapping::new();
    for (key, f) in &c.settings {
        insert_path(&mut root, key, yaml_of(f));
    }
    // Lists follow SETTINGS order of the contract: groups, delegates, awards, …
    for (spec, rows) in &c.tables {
        if rows.is_empty() {
            continue;
        }
        let list = rows
            .iter()
            .map(|row| {
                let mut m = Mapping::new();
                for (k, f) in row {
                    m.insert(Yaml::String((*k).into()), yaml_of(f));
                }
                Yaml::Mapping(m)
            })
            .collect();
        insert_path(&mut root, spec.yaml, Yaml::Sequence(list));
    }
    // The clerk's own tables: `sheets: {"Kinh phí": [{Nội dung: …, Dự toán: …}]}`.
    let mut free = Mapping::new();
    for t in &c.free {
        let rows = t
            .rows
            .iter()
            .map(|row| {
                let mut m = Mapping::new();
                for (h, f) in t.headers.iter().zip(row) {
                    if let Some(f) = f {
                        m.insert(Yaml::String(h.clone()), yaml_of(f));
                    }
                }
                Yaml::Mapping(m)
            })
            .collect();
        free.insert(Yaml::String(t.name.clone()), Yaml::Sequence(rows));
    }
    if !free.is_empty() {
        root.insert(Yaml::String(crate::input::yaml::FREE_KEY.into()), Yaml::Mapping(free));
    }
    let body = serde_yaml::to_string(&Yaml::Mapping(root)).expect("YAML values serialise");
    format!(
        "# Hội nghị — dữ liệu cho vanthu (https://… / `vanthu build <tệp này>`).\n# Các khóa theo mẫu nhập liệu: xem data/README.md.\n{body}"
    )
}

/// The conference as a workbook (what `vanthu convert --to xlsx` writes).
pub(crate) fn to_xlsx(raw: &RawDataset, ds: &Dataset) -> Result<Vec<u8>, XlsxError> {
    to_xlsx_with(raw, ds, false)
}

/// The fixed choices offered as drop-down lists: (list name, values). They live in the
/// `Danh mục` sheet, one column each, so a clerk can read them and the lists stay short.
fn choice_lists(ds: &Dataset) -> Vec<(&'static str, Vec<String>)> {
    use crate::validate::choices::{ATTENDANCE, AWARD_KINDS, HONORIFICS, ROLES};
    let first = |names: &[&str]| names[0].to_string();
    vec![
        ("Danh xưng", HONORIFICS.iter().map(|(_, n)| first(n)).collect()),
        ("Mời", vec!["Có".into(), "Không".into()]),
        ("Xác nhận", ATTENDANCE.iter().map(|(_, n)| first(n)).collect()),
        ("Vai trò", ROLES.iter().map(|(_, n)| first(n)).collect()),
        ("Loại khen thưởng", AWARD_KINDS.iter().map(|(_, n)| first(n)).collect()),
        // The forms and titles the body (or the body above it) may confer on the day.
        ("Hình thức", forms(ds)),
        ("Loại nội dung", AgendaKind::ALL.iter().map(|k| k.label().to_string()).collect()),
        ("Hạng sao", vec!["3".into(), "4".into(), "5".into()]),
        ("Nhóm sản phẩm", PRODUCT_GROUPS.iter().map(|g| g.to_string()).collect()),
        ("Loại chủ thể", crate::model::PRODUCER_KINDS.iter().map(|k| k.to_string()).collect()),
        ("Huyện, thành phố", districts(ds)),
        ("Chiều", vec!["Cao hơn là tốt".into(), "Thấp hơn là tốt".into()]),
        ("Có/Không", vec!["Có".into(), "Không".into()]),
        ("Biểu đồ", crate::validate::report_tables::CHARTS.iter().map(|(_, n)| first(n)).collect()),
        ("Thứ tự hàng", crate::validate::report_tables::ORDERS.iter().map(|(_, n)| first(n)).collect()),
        ("Vị trí", ["Phụ lục", "Phụ lục II", "Trong bài", "Không in"].map(String::from).to_vec()),
        ("Thêm cột", vec!["Tỷ lệ".into(), "Tăng giảm".into(), "Tỷ lệ; Tăng giảm".into()]),
        ("Cách trao", vec!["Lên nhận".into(), "Công bố".into()]),
        ("Nêu tên", vec!["Tất cả".into(), "3".into(), "Không".into()]),
    ]
}

/// The forms and titles the issuing body, or its superior, may confer on the conference's
/// date (all of them when it may confer none: an unusual body keeps the choice).
fn forms(ds: &Dataset) -> Vec<String> {
    let a = &ds.award_settings;
    let levels: Vec<crate::model::Level> =
        std::iter::once(a.authority.level).chain(a.superior.as_ref().map(|s| s.level)).collect();
    let date = ds.conference.date;
    let allowed: Vec<String> = AwardType::ALL
        .iter()
        .filter(|t| levels.iter().any(|&l| t.allowed(l, date)))
        .map(|t| t.name().to_string())
        .collect();
    if allowed.is_empty() { AwardType::ALL.iter().map(|t| t.name().to_string()).collect() } else { allowed }
}

/// The districts (or communes) offered for the product list: the report's order, else the
/// ones the products name, in their order.
fn districts(ds: &Dataset) -> Vec<String> {
    if !ds.report_settings.district_order.is_empty() {
        return ds.report_settings.district_order.clone();
    }
    let mut out: Vec<String> = Vec::new();
    for p in &ds.products {
        if !out.iter().any(|d| crate::model::district_key(d) == crate::model::district_key(&p.district)) {
            out.push(p.district.clone());
        }
    }
    out
}

/// Which list a column takes its values from, and whether a value outside it is normal
/// (several roles in one cell, a group added to the `Nhóm` sheet): then Excel only informs.
fn column_list(table: TableKind, key: &str) -> Option<(&'static str, bool)> {
    use TableKind::*;
    Some(match (table, key) {
        (Delegates | Awards, "honorific") => ("Danh xưng", false),
        (Delegates, "invited") => ("Mời", false),
        (Delegates, "attendance") => ("Xác nhận", false),
        (Delegates, "roles") => ("Vai trò", true),
        (Delegates, "group") => ("Nhóm", false),
        (Hall, "reserved_for") => ("Nhóm", true),
        (Awards, "kind") => ("Loại khen thưởng", false),
        (Awards | Decisions, "form") => ("Hình thức", false),
        (Agenda, "kind") => ("Loại nội dung", false),
        (Products, "stars") => ("Hạng sao", false),
        (Products, "product_group") => ("Nhóm sản phẩm", false),
        (Products, "producer_kind") => ("Loại chủ thể", true),
        (Products, "district") => ("Huyện, thành phố", true),
        (Targets, "direction") => ("Chiều", false),
        (ReportTables, "total") => ("Có/Không", false),
        (ReportTables, "chart") => ("Biểu đồ", false),
        (ReportTables, "order") => ("Thứ tự hàng", true),
        (ReportTables, "place") => ("Vị trí", true),
        (ReportTables, "extras") => ("Thêm cột", true),
        (Decisions, "handing") => ("Cách trao", false),
        (Decisions, "certificates") | (Groups, "host") => ("Có/Không", false),
        // Any number of people to name is fine.
        (Groups, "introduce") => ("Nêu tên", true),
        _ => return None,
    })
}

/// Rows of each list sheet that get the drop-downs (the header is on row 3).
const LAST_ROW: u32 = 2000;

/// The formats of the workbook's cells, all Times New Roman 12 unless said.
struct Styles {
    /// A header cell: bold, bordered, grey, centred.
    header: Format,
    /// A value cell: wrapped, aligned to the top.
    cell: Format,
    /// An explanation: italic grey, wrapped.
    hint: Format,
    /// A sheet's title: bold, 13 points.
    title: Format,
}

impl Styles {
    /// The workbook's formats.
    fn new() -> Self {
        let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
        let header = font(Format::new())
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_background_color("D9D9D9")
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        let cell = font(Format::new()).set_text_wrap().set_align(FormatAlign::Top);
        let hint =
            font(Format::new()).set_italic().set_font_color("595959").set_text_wrap().set_align(FormatAlign::Top);
        let title = font(Format::new()).set_bold().set_font_size(13);
        Styles { header, cell, hint, title }
    }
}

/// The conference as a workbook: the settings sheet (with a line on each setting), then one
/// sheet per list with a title row above a frozen, styled header whose cells carry a note
/// on what goes there, drop-down lists on the columns with fixed choices, and the `Danh
/// mục` sheet holding those lists. `guide` puts the `Hướng dẫn` sheet first (the starter).
pub(crate) fn to_xlsx_with(raw: &RawDataset, ds: &Dataset, guide: bool) -> Result<Vec<u8>, XlsxError> {
    let c = canonical(raw);
    let mut wb = crate::render::xlsx::workbook(ds, &ds.conference.title);
    let st = Styles::new();
    if guide {
        write_guide_sheet(&mut wb, &st)?;
    }
    write_settings_sheet(&mut wb, &c, &st)?;
    let lists = choice_lists(ds);
    for (spec, rows) in &c.tables {
        // A product list only for a programme that has one (OCOP), bridge points only for a
        // hybrid conference, a vote only where one is held: an empty sheet of them would
        // suggest every conference needs it.
        let optional = [TableKind::Products, TableKind::Bridges, TableKind::Elections, TableKind::Candidates];
        if rows.is_empty() && optional.contains(&spec.kind) {
            continue;
        }
        write_table_sheet(&mut wb, spec, rows, &lists, &st)?;
    }
    for t in &c.free {
        write_free_sheet(&mut wb, t, &st)?;
    }
    write_lists_sheet(&mut wb, &lists, &st)?;
    wb.save_to_buffer()
}

/// The `Hướng dẫn` sheet: the guide, one line a row, headings as titles.
fn write_guide_sheet(wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    use super::guide::GUIDE;
    use crate::input::schema::GUIDE_SHEET;
    let ws = wb.add_worksheet();
    ws.set_name(GUIDE_SHEET)?;
    ws.set_column_width(0, 110)?;
    for (r, (line, heading)) in GUIDE.iter().enumerate() {
        let f = if *heading { &st.title } else { &st.cell };
        ws.write_string_with_format(r as u32, 0, *line, f)?;
    }
    Ok(())
}

/// The settings sheet: label, value and explanation of every setting, in contract order.
fn write_settings_sheet(wb: &mut Workbook, c: &Canonical, st: &Styles) -> Result<(), XlsxError> {
    use super::guide::setting_note;
    let ws = wb.add_worksheet();
    ws.set_name(schema::SETTINGS_SHEET)?;
    ws.write_string_with_format(0, 0, schema::SETTINGS_LABEL_HEADER, &st.header)?;
    ws.write_string_with_format(0, 1, schema::SETTINGS_VALUE_HEADER, &st.header)?;
    ws.write_string_with_format(0, 2, "Giải thích", &st.header)?;
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 80)?;
    ws.set_column_width(2, 60)?;
    ws.set_freeze_panes(1, 0)?;
    for (r, spec) in SETTINGS.iter().enumerate() {
        let row = r as u32 + 1;
        ws.write_string_with_format(row, 0, &spec.label, &st.cell)?;
        if let Some((_, f)) = c.settings.iter().find(|(k, _)| *k == spec.key) {
            write_field(ws, row, 1, f, &st.cell)?;
        }
        if let Some(text) = setting_note(spec) {
            ws.write_string_with_format(row, 2, text, &st.hint)?;
        }
    }
    Ok(())
}

/// One list's sheet: title row, styled header with notes and drop-downs, frozen, then the rows.
fn write_table_sheet(
    wb: &mut Workbook,
    spec: &TableSpec,
    rows: &[Row],
    lists: &[(&'static str, Vec<String>)],
    st: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(spec.sheet)?;
    ws.write_string_with_format(0, 0, format!("DANH SÁCH {}", spec.sheet.to_uppercase()), &st.title)?;
    let columns: Vec<&schema::ColumnSpec> = spec.columns.iter().collect();
    for (c, col) in columns.iter().enumerate() {
        write_column_header(ws, spec, c as u16, col, lists, st)?;
    }
    ws.set_freeze_panes(3, 0)?;
    for (n, row) in rows.iter().enumerate() {
        let r = 3 + n as u32;
        for (c, col) in columns.iter().enumerate() {
            if col.key == schema::STT {
                ws.write_number_with_format(r, c as u16, (n + 1) as f64, &st.cell)?;
            } else if let Some((_, f)) = row.iter().find(|(k, _)| *k == col.key) {
                write_field(ws, r, c as u16, f, &st.cell)?;
            }
        }
    }
    Ok(())
}

/// A table of the clerk's own: its name as the title, the header on row 3, the rows.
fn write_free_sheet(wb: &mut Workbook, t: &FreeCanonical, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    let name: String = t.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    ws.set_name(&name)?;
    ws.write_string_with_format(0, 0, t.name.to_uppercase(), &st.title)?;
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &st.header)?;
        ws.set_column_width(c as u16, if c == 0 { 40.0 } else { 16.0 })?;
    }
    ws.set_freeze_panes(3, 0)?;
    for (n, row) in t.rows.iter().enumerate() {
        for (c, f) in row.iter().enumerate() {
            if let Some(f) = f {
                write_field(ws, 3 + n as u32, c as u16, f, &st.cell)?;
            }
        }
    }
    Ok(())
}

/// A column's header cell on row 3: its note, its width and its drop-down list if any.
fn write_column_header(
    ws: &mut Worksheet,
    spec: &TableSpec,
    c16: u16,
    col: &schema::ColumnSpec,
    lists: &[(&'static str, Vec<String>)],
    st: &Styles,
) -> Result<(), XlsxError> {
    use super::guide::column_note;
    use rust_xlsxwriter::Note;
    ws.write_string_with_format(2, c16, col.header, &st.header)?;
    if let Some(text) = column_note(spec.kind, col.key) {
        let required = if col.required { "Bắt buộc. " } else { "" };
        let note = Note::new(format!("{required}{text}")).add_author_prefix(false).set_width(320).set_height(120);
        ws.insert_note(2, c16, &note)?;
    }
    let width = match col.text {
        schema::TextKind::Multiline => 60.0,
        schema::TextKind::Inline if col.key == schema::STT => 6.0,
        schema::TextKind::Inline | schema::TextKind::Items => 22.0,
    };
    ws.set_column_width(c16, width)?;
    if let Some((list, open)) = column_list(spec.kind, col.key) {
        let validation = drop_down(col, list, open, lists)?;
        ws.add_data_validation(3, c16, LAST_ROW, c16, &validation)?;
    }
    Ok(())
}

/// The drop-down for a column taking its values from `list`: the groups sheet's names for
/// `Nhóm`, else the list's column in `Danh mục`; `open` lists only inform on other values.
fn drop_down(
    col: &schema::ColumnSpec,
    list: &str,
    open: bool,
    lists: &[(&'static str, Vec<String>)],
) -> Result<DataValidation, XlsxError> {
    use crate::input::schema::LISTS_SHEET;
    use rust_xlsxwriter::{DataValidationErrorStyle, Formula};
    let groups_sheet = schema::table(TableKind::Groups).sheet;
    let source = if list == "Nhóm" {
        // The groups sheet itself, so a group the clerk adds there is offered.
        let name_col = schema::table(TableKind::Groups).columns.iter().position(|c| c.key == "name");
        let letter = crate::diag::column_letters(name_col.unwrap_or(1) as u32);
        format!("='{groups_sheet}'!${letter}$4:${letter}${LAST_ROW}")
    } else {
        let i = lists.iter().position(|(n, _)| *n == list).expect("every list is written");
        let letter = crate::diag::column_letters(i as u32);
        let len = lists[i].1.len().max(1) + 1;
        format!("='{LISTS_SHEET}'!${letter}$2:${letter}${len}")
    };
    let style = if open { DataValidationErrorStyle::Information } else { DataValidationErrorStyle::Warning };
    DataValidation::new()
        .allow_list_formula(Formula::new(source))
        .set_error_style(style)
        .set_error_title("Giá trị ngoài danh sách")?
        .set_error_message(format!(
            "“{}” nên chọn trong danh sách (sheet {}). Vẫn giữ giá trị này?",
            col.header,
            if list == "Nhóm" { groups_sheet } else { LISTS_SHEET }
        ))
}

/// The `Danh mục` sheet: one column per drop-down list, numbers written as numbers.
fn write_lists_sheet(wb: &mut Workbook, lists: &[(&'static str, Vec<String>)], st: &Styles) -> Result<(), XlsxError> {
    use crate::input::schema::LISTS_SHEET;
    let ws = wb.add_worksheet();
    ws.set_name(LISTS_SHEET)?;
    for (i, (name, values)) in lists.iter().enumerate() {
        let c = i as u16;
        ws.write_string_with_format(0, c, *name, &st.header)?;
        ws.set_column_width(c, 24)?;
        for (r, v) in values.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) => ws.write_number_with_format(r as u32 + 1, c, n, &st.cell)?,
                Err(_) => ws.write_string_with_format(r as u32 + 1, c, v, &st.cell)?,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes a field in a cell: text as text, numbers as numbers, lines joined by newlines.
fn write_field(ws: &mut Worksheet, r: u32, c: u16, f: &Field, fmt: &Format) -> Result<(), XlsxError> {
    match f {
        Field::Text(s) => ws.write_string_with_format(r, c, s, fmt).map(|_| ()),
        Field::Int(n) => ws.write_number_with_format(r, c, *n as f64, fmt).map(|_| ()),
        Field::Num(n) => ws.write_number_with_format(r, c, *n, fmt).map(|_| ()),
        Field::Lines(l) => ws.write_string_with_format(r, c, l.join("\n"), fmt).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, Origin};
    use crate::input::schema::TABLES;
    use crate::input::{Cell, Record, Source};

    /// A canonical form that can be compared: lists by their YAML key.
    type Comparable = (Vec<(&'static str, Field)>, Vec<(&'static str, Vec<Row>)>);

    #[test]
    fn every_list_of_the_contract_is_written() {
        for t in TABLES.iter() {
            assert!(TABLE_ORDER.contains(&t.kind), "{} is not written by convert", t.sheet);
        }
        assert_eq!(TABLE_ORDER.len(), TABLES.len());
    }

    fn comparable(raw: &RawDataset) -> Comparable {
        let c = canonical(raw);
        (c.settings, c.tables.into_iter().map(|(spec, rows)| (spec.yaml, rows)).collect())
    }

    fn read(name: &'static str, bytes: Vec<u8>) -> RawDataset {
        let mut diags = Diagnostics::new();
        let source = Source::Embedded { name, bytes: std::borrow::Cow::Owned(bytes) };
        let raw = crate::input::load(&source, &mut diags).unwrap_or_else(|| panic!("{name}: {diags:?}"));
        (*crate::normalize::normalize(raw, &mut diags)).clone()
    }

    /// Driven by the contract itself: every setting and every column of every list, given a
    /// value, goes workbook → YAML → workbook unchanged — so a column added to the schema
    /// later cannot be forgotten by `convert` (it once dropped `Đạt được`).
    #[test]
    fn every_setting_and_column_of_the_contract_survives_both_ways() {
        let mut diags = Diagnostics::new();
        let sample = Source::Embedded {
            name: "hoi-nghi.xlsx",
            bytes: std::borrow::Cow::Borrowed(include_bytes!("../../data/so-ket-ocop-2023/hoi-nghi.xlsx")),
        };
        let prepared =
            crate::pipeline::prepare(&sample, &mut diags, &mut Default::default()).expect("the sample is valid");
        let mut raw: RawDataset = (*prepared.data).clone();
        let mut n = 0;
        let mut value = |lines: bool| {
            n += 1;
            Value::Text(if lines {
                format!("dòng {n} thứ nhất\ndòng {n} thứ hai")
            } else {
                format!("nội dung {n}")
            })
        };
        for spec in SETTINGS.iter() {
            let cell = Cell { value: value(spec.list), loc: raw.settings_loc.clone(), font: None };
            raw.settings.insert(spec.key.as_str(), cell);
        }
        for spec in &TABLES {
            let table = raw.tables.get_mut(&spec.kind).expect("every list is read, even empty");
            let origin = Origin::Yaml { file: "x.yaml".into(), line: 1, col: 1, path: spec.yaml.into() };
            let mut record = Record { origin, cells: Default::default() };
            for c in spec.columns.iter().filter(|c| c.key != schema::STT) {
                let loc = raw.settings_loc.clone();
                record.cells.insert(c.key, Cell { value: value(false), loc, font: None });
            }
            table.records.push(record);
        }
        let expected = comparable(&raw);
        // Nothing left out on the way in: every setting, and the added row has every column.
        assert_eq!(expected.0.len(), SETTINGS.len());
        for spec in &TABLES {
            let (_, rows) = expected.1.iter().find(|(k, _)| *k == spec.yaml).expect("every list is written");
            let columns: Vec<&str> = spec.columns.iter().map(|c| c.key).filter(|k| *k != schema::STT).collect();
            let filled: Vec<&str> = rows.last().expect("the added row").iter().map(|(k, _)| *k).collect();
            assert_eq!(filled, columns, "{}", spec.yaml);
        }

        let xlsx = to_xlsx(&raw, &prepared.dataset).expect("the workbook is written");
        let from_xlsx = read("hoi-nghi.xlsx", xlsx);
        assert_eq!(comparable(&from_xlsx), expected, "workbook → read back");
        let from_yaml = read("hoi-nghi.yaml", to_yaml(&from_xlsx).into_bytes());
        assert_eq!(comparable(&from_yaml), expected, "workbook → YAML → read back");
        let again = read("lai.xlsx", to_xlsx(&from_yaml, &prepared.dataset).expect("the workbook is written"));
        assert_eq!(comparable(&again), expected, "YAML → workbook → read back");
    }
}
