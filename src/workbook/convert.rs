//! `vanthu convert`: the same conference as YAML or as a workbook.
//!
//! Both writers take the validated dataset through one canonical form (every field as the
//! contract spells it: dates `dd/mm/yyyy`, times `hh:mm`, phones as text, choices by their
//! Vietnamese names), so reading either output gives the same dataset and therefore the
//! same documents.

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use serde_yaml::{Mapping, Value as Yaml};

use crate::input::schema::{self, SETTINGS, TableKind, TableSpec};
use crate::model::*;

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

/// The dataset as the contract writes it.
pub(crate) struct Canonical {
    pub settings: Vec<(&'static str, Field)>,
    pub tables: Vec<(&'static TableSpec, Vec<Row>)>,
}

fn text(s: &str) -> Option<Field> {
    (!s.is_empty()).then(|| Field::Text(s.to_string()))
}

fn opt(s: &Option<String>) -> Option<Field> {
    s.as_deref().and_then(text)
}

fn push(row: &mut Row, key: &'static str, f: Option<Field>) {
    if let Some(f) = f {
        row.push((key, f));
    }
}

fn settings_of(ds: &Dataset) -> Vec<(&'static str, Field)> {
    let mut s = Vec::new();
    let mut put = |key: &str, f: Option<Field>| {
        if let (Some(spec), Some(f)) = (schema::setting_by_key(key), f) {
            s.push((spec.key.as_str(), f));
        }
    };
    let c = &ds.conference;
    put("id", text(&ds.id));
    put("conference.title", text(&c.title));
    put("conference.date", text(&c.date.dmy()));
    put("conference.start_time", text(&c.start_time.hm()));
    put("conference.venue", text(&c.venue));
    put("conference.host", opt(&c.host));
    put("conference.duration", opt(&c.duration));
    put("issuer.parent", opt(&ds.issuer.parent));
    put("issuer.name", text(&ds.issuer.name));
    put("issuer.sentence_name", text(&ds.issuer.sentence_name));
    put("issuer.code", text(&ds.issuer.code));
    put("issuer.place", text(&ds.issuer.place));
    put("contact.name", opt(&ds.contact.name));
    put("contact.phone", opt(&ds.contact.phone));
    put("ceremony.batch_size", Some(Field::Int(i64::from(ds.ceremony.batch_size))));
    put(
        "seating.second_seat",
        Some(Field::Text(
            match ds.honour_side {
                HonourSide::SeatedRight => "phải",
                HonourSide::SeatedLeft => "trái",
            }
            .into(),
        )),
    );
    put(
        "font",
        Some(Field::Text(
            match ds.font {
                FontChoice::Liberation => "Liberation Serif",
                FontChoice::TimesNewRoman => "Times New Roman",
            }
            .into(),
        )),
    );
    for ((_, kind), doc) in
        schema::DOCUMENT_KINDS.iter().zip([&ds.invitation, &ds.decision, &ds.report_doc, &ds.script])
    {
        let k = |f: &str| format!("documents.{kind}.{f}");
        put(&k("number"), opt(&doc.number));
        put(&k("code"), text(&doc.code));
        put(&k("date"), doc.date.map(|d| Field::Text(d.dmy())));
        put(&k("subject"), opt(&doc.subject));
        put(&k("signer.name"), text(&doc.signer.name));
        put(&k("signer.authority"), text(&doc.signer.authority.join("\n")));
        put(&k("signer.title"), text(&doc.signer.title));
        put(&k("recipients"), (!doc.recipients.is_empty()).then(|| Field::Lines(doc.recipients.clone())));
        put(&k("notes"), (!doc.notes.is_empty()).then(|| Field::Lines(doc.notes.clone())));
    }
    let a = &ds.award_settings;
    put("documents.decision.citation", text(&a.citation));
    put("documents.decision.proposal", text(&a.proposal));
    put("documents.decision.authority_line", text(&a.authority_line));
    put("documents.decision.executors", text(&a.executors));
    put("documents.decision.amount_collective", a.amount_collective.map(|n| Field::Int(n as i64)));
    put("documents.decision.amount_individual", a.amount_individual.map(|n| Field::Int(n as i64)));
    put("documents.decision.fund_source", opt(&a.fund_source));
    put("documents.decision.list_form", Some(Field::Text(if a.table_form { "bảng" } else { "danh sách" }.into())));
    put("documents.decision.golden_book_start", a.golden_book_start.map(|n| Field::Int(n as i64)));
    let r = &ds.report_settings;
    put("documents.report.district_order", Some(Field::Lines(r.district_order.clone())));
    put("documents.report.opening", opt(&r.opening));
    put("documents.report.closing", opt(&r.closing));
    let c = &a.certificate;
    put("certificate.size", Some(Field::Text(format!("{}x{}", c.width_mm, c.height_mm))));
    put("certificate.mode", Some(Field::Text(if c.blank { "in trên phôi" } else { "đầy đủ" }.into())));
    put("certificate.offset_x", (c.offset_x != 0.0).then_some(Field::Num(c.offset_x)));
    put("certificate.offset_y", (c.offset_y != 0.0).then_some(Field::Num(c.offset_y)));
    s
}

/// The canonical form of a dataset.
pub(crate) fn canonical(ds: &Dataset) -> Canonical {
    let tables = vec![
        (schema::table(TableKind::Groups), group_rows(ds)),
        (schema::table(TableKind::Delegates), delegate_rows(ds)),
        (schema::table(TableKind::Awards), award_rows(ds)),
        (schema::table(TableKind::Agenda), agenda_rows(ds)),
        (schema::table(TableKind::Hall), hall_rows(ds)),
        (schema::table(TableKind::Signings), signing_rows(ds)),
        (schema::table(TableKind::Products), product_rows(ds)),
        (schema::table(TableKind::Targets), target_rows(ds)),
        (schema::table(TableKind::Report), report_rows(ds)),
    ];
    Canonical { settings: settings_of(ds), tables }
}

/// The `Nhóm` rows: name, order (from 1), intro.
fn group_rows(ds: &Dataset) -> Vec<Row> {
    ds.groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut r = vec![("name", Field::Text(g.name.clone())), ("order", Field::Int(i as i64 + 1))];
            push(&mut r, "intro", opt(&g.intro));
            r
        })
        .collect()
}

/// The `Đại biểu` rows, the group by its name and the roles joined by `; `.
fn delegate_rows(ds: &Dataset) -> Vec<Row> {
    ds.delegates
        .iter()
        .map(|d| {
            let mut r: Row = vec![
                ("id", Field::Text(d.id.clone())),
                ("honorific", Field::Text(d.honorific.label().into())),
                ("name", Field::Text(d.name.clone())),
            ];
            push(&mut r, "position", opt(&d.position));
            r.push(("organization", Field::Text(d.organization.clone())));
            r.push(("group", Field::Text(ds.groups[d.group].name.clone())));
            push(&mut r, "rank", d.rank.map(|n| Field::Int(i64::from(n))));
            let roles: Vec<&str> = d.roles.iter().map(|r| r.label()).collect();
            push(&mut r, "roles", text(&roles.join("; ")));
            r.push(("invited", Field::Text(if d.invited { "Có" } else { "Không" }.into())));
            push(&mut r, "attendance", text(d.attendance.label()));
            push(&mut r, "seat", opt(&d.seat));
            push(&mut r, "phone", opt(&d.phone));
            push(&mut r, "email", opt(&d.email));
            push(&mut r, "address", opt(&d.address));
            push(&mut r, "note", opt(&d.note));
            r
        })
        .collect()
}

/// The `Khen thưởng` rows, the delegate by their id.
fn award_rows(ds: &Dataset) -> Vec<Row> {
    ds.awards
        .iter()
        .map(|a| {
            let mut r: Row = vec![("kind", Field::Text(a.kind.label().into()))];
            push(&mut r, "honorific", a.honorific.map(|h| Field::Text(h.label().into())));
            r.push(("name", Field::Text(a.name.clone())));
            push(&mut r, "unit", opt(&a.unit));
            push(&mut r, "achievement", opt(&a.achievement));
            r.push(("form", Field::Text(a.form.clone())));
            push(&mut r, "proposer", opt(&a.proposer));
            push(&mut r, "delegate_id", a.delegate.map(|i| Field::Text(ds.delegates[i].id.clone())));
            r
        })
        .collect()
}

/// The `Chương trình` rows, a performer by their delegate id or as written.
fn agenda_rows(ds: &Dataset) -> Vec<Row> {
    ds.agenda
        .iter()
        .map(|a| {
            let mut r: Row = Vec::new();
            push(&mut r, "time", a.time.map(|t| Field::Text(t.hm())));
            r.push(("minutes", Field::Int(i64::from(a.minutes))));
            r.push(("title", Field::Text(a.title.clone())));
            push(
                &mut r,
                "by",
                a.by.as_ref().map(|b| match b {
                    Performer::Delegate(i) => Field::Text(ds.delegates[*i].id.clone()),
                    Performer::Text(t) => Field::Text(t.clone()),
                }),
            );
            r.push(("kind", Field::Text(a.kind.label().into())));
            push(&mut r, "mc", opt(&a.mc));
            push(&mut r, "note", opt(&a.note));
            r
        })
        .collect()
}

/// The `Hội trường` rows, the reserved groups by name joined by `; `.
fn hall_rows(ds: &Dataset) -> Vec<Row> {
    ds.hall
        .iter()
        .map(|h| {
            let mut r: Row = vec![
                ("block", Field::Text(h.block.clone())),
                ("row", Field::Text(h.row.clone())),
                ("seats", Field::Int(i64::from(h.seats))),
            ];
            let groups: Vec<&str> = h.reserved_for.iter().map(|g| ds.groups[*g].name.as_str()).collect();
            push(&mut r, "reserved_for", text(&groups.join("; ")));
            r
        })
        .collect()
}

/// The signing rows: the two parties and the subject.
fn signing_rows(ds: &Dataset) -> Vec<Row> {
    ds.signings
        .iter()
        .map(|s| {
            let mut r: Row =
                vec![("party_a", Field::Text(s.party_a.clone())), ("party_b", Field::Text(s.party_b.clone()))];
            push(&mut r, "subject", opt(&s.subject));
            r
        })
        .collect()
}

/// The product rows, the product group by its name.
fn product_rows(ds: &Dataset) -> Vec<Row> {
    ds.products
        .iter()
        .map(|p| {
            let mut r: Row = vec![("name", Field::Text(p.name.clone())), ("producer", Field::Text(p.producer.clone()))];
            push(&mut r, "producer_kind", opt(&p.producer_kind));
            push(&mut r, "address", opt(&p.address));
            r.push(("district", Field::Text(p.district.clone())));
            r.push(("product_group", Field::Text(PRODUCT_GROUPS[p.group].into())));
            r.push(("stars", Field::Int(i64::from(p.stars))));
            r.push(("year", Field::Int(i64::from(p.year))));
            push(&mut r, "decision", opt(&p.decision));
            r
        })
        .collect()
}

/// The target rows, a whole planned number as an integer.
fn target_rows(ds: &Dataset) -> Vec<Row> {
    ds.targets
        .iter()
        .map(|t| {
            let mut r: Row = vec![("name", Field::Text(t.name.clone()))];
            push(&mut r, "year", t.year.map(|y| Field::Int(i64::from(y))));
            let planned = if t.planned.fract() == 0.0 { Field::Int(t.planned as i64) } else { Field::Num(t.planned) };
            r.push(("planned", planned));
            r
        })
        .collect()
}

/// The report rows: heading and body.
fn report_rows(ds: &Dataset) -> Vec<Row> {
    ds.report
        .iter()
        .map(|s| vec![("heading", Field::Text(s.heading.clone())), ("body", Field::Text(s.body.clone()))])
        .collect()
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
pub(crate) fn to_yaml(ds: &Dataset) -> String {
    let c = canonical(ds);
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
    let body = serde_yaml::to_string(&Yaml::Mapping(root)).expect("YAML values serialise");
    format!(
        "# Hội nghị — dữ liệu cho vanthu (https://… / `vanthu build <tệp này>`).\n# Các khóa theo mẫu nhập liệu: xem data/README.md.\n{body}"
    )
}

/// The conference as a workbook (what `vanthu convert --to xlsx` writes).
pub(crate) fn to_xlsx(ds: &Dataset) -> Result<Vec<u8>, XlsxError> {
    to_xlsx_with(ds, false)
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
        // The decision is the Chairman's decision on the Bằng khen: nothing else belongs in it.
        ("Hình thức", vec!["Bằng khen".into()]),
        ("Loại nội dung", AgendaKind::ALL.iter().map(|k| k.label().to_string()).collect()),
        ("Hạng sao", vec!["3".into(), "4".into(), "5".into()]),
        ("Nhóm sản phẩm", PRODUCT_GROUPS.iter().map(|g| g.to_string()).collect()),
        ("Loại chủ thể", crate::model::PRODUCER_KINDS.iter().map(|k| k.to_string()).collect()),
        ("Huyện, thành phố", ds.report_settings.district_order.clone()),
    ]
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
        (Awards, "form") => ("Hình thức", false),
        (Agenda, "kind") => ("Loại nội dung", false),
        (Products, "stars") => ("Hạng sao", false),
        (Products, "product_group") => ("Nhóm sản phẩm", false),
        (Products, "producer_kind") => ("Loại chủ thể", true),
        (Products, "district") => ("Huyện, thành phố", true),
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
pub(crate) fn to_xlsx_with(ds: &Dataset, guide: bool) -> Result<Vec<u8>, XlsxError> {
    let c = canonical(ds);
    let mut wb = crate::render::xlsx::workbook(ds, &ds.conference.title);
    let st = Styles::new();
    if guide {
        write_guide_sheet(&mut wb, &st)?;
    }
    write_settings_sheet(&mut wb, &c, &st)?;
    let lists = choice_lists(ds);
    for (spec, rows) in &c.tables {
        write_table_sheet(&mut wb, spec, rows, &lists, &st)?;
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
        schema::TextKind::Inline => 22.0,
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
