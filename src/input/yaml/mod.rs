//! Reading the YAML form of a conference.
//!
//! serde_yaml (the user's choice; archived, so it is used only in this file and in the
//! writer of `convert`) parses the values. It keeps no positions, so a second, event-level
//! pass with saphyr-parser records the line and column of every node by its key path
//! (`delegates[3].name`), which is what each message needs to point at.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use serde_yaml::Value as Yaml;

use super::excel::Workbook;
use super::raw::{Cell, FreeRow, FreeTable, Parts, Record, Table, Value};
use super::schema::{self, SETTINGS, TableSpec, TextKind};
use crate::diag::{Diagnostic, Diagnostics, Loc, Origin, Text, quote};

mod spans;

use self::spans::{Spans, join_key};

struct Ctx<'a> {
    file: Arc<str>,
    spans: Spans,
    base_dir: &'a Path,
}

impl Ctx<'_> {
    fn loc(&self, path: &str) -> Loc {
        let (line, col) = self.spans.at(path);
        Loc::Yaml { file: self.file.clone(), line, col, path: path.into() }
    }
}

/// One line of a list: a scalar, or `- Lưu: VT, NLN` left unquoted, which YAML reads as a
/// one-key mapping but the clerk meant as the text `Lưu: VT, NLN`.
fn list_line(v: &Yaml) -> Option<Value> {
    if let Yaml::Mapping(m) = v
        && m.len() == 1
        && let Some((k, val)) = m.iter().next()
        && let (Some(k), Some(val)) = (scalar(k), scalar(val))
    {
        return Some(Value::Text(format!("{}: {}", k.display(), val.display())));
    }
    scalar(v)
}

/// A YAML scalar (or list of scalars) as a cell value; `None` for a mapping.
fn scalar(v: &Yaml) -> Option<Value> {
    Some(match v {
        Yaml::Null => Value::Empty,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        Yaml::String(s) => Value::Text(s.clone()),
        Yaml::Sequence(items) => {
            let parts: Option<Vec<String>> = items.iter().map(|i| list_line(i).map(|v| v.display())).collect();
            Value::Text(parts?.join("\n"))
        }
        Yaml::Tagged(t) => return scalar(&t.value),
        Yaml::Mapping(_) => return None,
    })
}

/// A list of values (or one value) as one cell of `;`-separated values.
fn items_text(v: &Yaml) -> Option<Value> {
    match v {
        Yaml::Sequence(items) => {
            let parts: Option<Vec<String>> = items.iter().map(|i| list_line(i).map(|v| v.display())).collect();
            Some(Value::Text(parts?.join("; ")))
        }
        Yaml::Tagged(t) => items_text(&t.value),
        _ => scalar(v),
    }
}

fn is_sequence(v: &Yaml) -> bool {
    match v {
        Yaml::Sequence(_) => true,
        Yaml::Tagged(t) => is_sequence(&t.value),
        _ => false,
    }
}

/// A list where one value belongs (`signer: {name: [A, B]}`): its items would be joined
/// into one text without anyone noticing.
fn one_value_expected(key: &str, loc: Loc) -> Diagnostic {
    Diagnostic::error(
        "invalid-value",
        loc,
        Text::new(
            format!("“{key}” phải là một giá trị, không phải một danh sách"),
            format!("“{key}” must be one value, not a list"),
        ),
    )
    .with_hint(Text::new(
        "viết giá trị trên cùng dòng với khóa, không có dấu “-” (đặt trong ngoặc kép nếu có dấu phẩy hay dấu hai chấm)",
        "write the value on the key's line, without “-” (in quotes if it has a comma or a colon)",
    ))
}

/// A list item (a row) that is not a mapping of keys (columns) to values.
fn not_a_mapping(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        "invalid-value",
        loc,
        Text::new(
            "mỗi mục của danh sách phải là một bảng khóa: giá trị",
            "each list item must be a mapping of keys to values",
        ),
    )
}

fn get_path<'v>(root: &'v Yaml, dotted: &str) -> Option<&'v Yaml> {
    dotted.split('.').try_fold(root, |v, k| v.as_mapping()?.get(k))
}

fn key_text(k: &Yaml) -> String {
    match k {
        Yaml::String(s) => s.clone(),
        other => scalar(other).map(|v| v.display()).unwrap_or_default(),
    }
}

/// A YAML syntax error in the clerk's words (serde_yaml's own text kept for the IT person).
fn syntax_message(error: &str, line: &str) -> (String, String) {
    let detail = error.split(" at line ").next().unwrap_or(error);
    if line.contains('\t') {
        return (
            format!("dòng này có ký tự Tab: YAML chỉ thụt dòng bằng dấu cách ({detail})"),
            format!("this line has a Tab character: YAML indents with spaces only ({detail})"),
        );
    }
    let vi = if detail.contains("mapping values are not allowed") {
        "dấu “:” ở chỗ không được phép — giá trị có “: ” phải đặt trong ngoặc kép"
    } else if detail.contains("did not find expected key") || detail.contains("did not find expected '-'") {
        "thụt dòng không thẳng hàng với các dòng cùng cấp"
    } else if detail.contains("found character that cannot start any token") {
        "có ký tự không được đứng đầu giá trị (như @, `, %) — đặt giá trị trong ngoặc kép"
    } else if detail.contains("found unexpected end of stream") || detail.contains("found unknown escape") {
        "ngoặc kép chưa đóng hoặc dấu \\ sai trong chuỗi"
    } else {
        "tệp YAML sai cú pháp"
    };
    (format!("{vi} ({detail})"), format!("the YAML file is malformed: {detail}"))
}

/// The innermost `[` or `{` still open at (1-based) `line`:`col`, with where it opened, when
/// it opened on an earlier line (a flow list or mapping the clerk forgot to close). Quotes
/// count only where a value starts (`Nay H'Bi` has no quote in it); `#` after a space starts
/// a comment.
fn unclosed_bracket(text: &str, line: usize, col: usize) -> Option<(char, usize, usize)> {
    let mut open: Vec<(char, usize, usize)> = Vec::new();
    for (i, l) in text.lines().enumerate().take(line) {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for (j, c) in l.chars().enumerate() {
            if i + 1 == line && j + 1 >= col {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') if matches!(prev, ' ' | ':' | ',' | '[' | '{' | '-') => quote = Some(c),
                (None, '#') if prev == ' ' || j == 0 => break,
                (None, '[' | '{') => open.push((c, i + 1, j + 1)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            if c != ' ' || quote.is_some() {
                prev = c;
            } else {
                prev = ' ';
            }
        }
    }
    open.pop().filter(|(_, l, _)| *l < line)
}

/// Parses a YAML conference. Syntax errors are located by line and column; a file nested
/// deeper than [`crate::limits::YAML_DEPTH`] is refused before it is parsed.
pub fn read(text: &str, file: Arc<str>, base_dir: &Path, diags: &mut Diagnostics) -> Option<Parts> {
    let flow = spans::flow_too_deep(text, crate::limits::YAML_DEPTH);
    let spans = if flow.is_some() { None } else { Some(Spans::index(text)) };
    if let Some((line, col)) = flow.or_else(|| spans.as_ref().and_then(|s| s.too_deep)) {
        let max = crate::limits::YAML_DEPTH;
        diags.push(
            Diagnostic::error(
                "yaml-too-deep",
                Loc::Yaml { file, line, col, path: "".into() },
                Text::new(
                    format!("tệp YAML lồng nhau quá {max} tầng (danh sách trong danh sách …) ở đây"),
                    format!("the YAML file nests deeper than {max} levels (lists in lists …) here"),
                ),
            )
            .with_hint(Text::new(
                "một hội nghị chỉ cần vài tầng (danh sách đại biểu là một danh sách các mục); kiểm tra các dấu “- ” và “[”",
                "a conference needs a few levels (the delegates are one list of items); check the “- ” and “[” marks",
            )),
        );
        return None;
    }
    let spans = spans.expect("indexed when not too deep");
    // Keys given twice, each at the place it is repeated.
    if !spans.duplicates.is_empty() {
        for (path, (line, col), (first, _)) in &spans.duplicates {
            let key = path.rsplit(['.', ']']).next().unwrap_or(path);
            diags.push(
                Diagnostic::error(
                    "duplicate-key",
                    Loc::Yaml { file: file.clone(), line: *line, col: *col, path: path.as_str().into() },
                    Text::new(
                        format!("khóa “{key}” lặp lại (đã có ở dòng {first})"),
                        format!("the key “{key}” is repeated (first at line {first})"),
                    ),
                )
                .with_hint(Text::new(
                    "xóa một trong hai dòng; nếu là mục mới của danh sách, bắt đầu mục bằng “- ”",
                    "delete one of the two; if it starts a new list item, begin the item with “- ”",
                )),
            );
        }
        return None;
    }
    let root: Yaml = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let (loc, line_text) = match e.location() {
                Some(l) => (
                    Loc::Yaml { file: file.clone(), line: l.line() as u32, col: l.column() as u32, path: "".into() },
                    text.lines().nth(l.line().saturating_sub(1)).unwrap_or(""),
                ),
                None => (Loc::File { file: file.clone() }, ""),
            };
            let (mut vi, mut en) = syntax_message(&e.to_string(), line_text);
            // The parser notices a bracket left open only lines later: name where it opened.
            if let Some(l) = e.location()
                && let Some((bracket, line, col)) = unclosed_bracket(text, l.line(), l.column())
            {
                vi = format!("ngoặc “{bracket}” mở ở dòng {line}, cột {col} chưa được đóng: {vi}");
                en = format!("the “{bracket}” opened at line {line}, column {col} is not closed: {en}");
            }
            diags.push(
                Diagnostic::error("invalid-yaml", loc, Text::new(vi, en)).with_hint(Text::new(
                    "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu hai chấm ở dòng được chỉ ra; giá trị có “: ” hoặc bắt đầu bằng ký tự đặc biệt phải đặt trong ngoặc kép",
                    "check the indentation (spaces only) and colons at that line; quote values that contain “: ” or start with a special character",
                )),
            );
            return None;
        }
    };
    let ctx = Ctx { file: file.clone(), spans, base_dir };
    if !root.is_mapping() {
        diags.push(Diagnostic::error(
            "invalid-yaml",
            Loc::File { file },
            Text::new("tệp YAML phải là một bảng khóa: giá trị", "the YAML file must be a mapping of keys to values"),
        ));
        return None;
    }

    let settings = read_settings(&ctx, &root, diags);

    let list_keys: Vec<&str> = schema::TABLES.iter().map(|t| t.yaml).collect();
    let mut tables = Vec::new();
    for spec in &schema::TABLES {
        tables.push(match get_path(&root, spec.yaml) {
            None | Some(Yaml::Null) => Table::empty(spec),
            Some(v) => read_list(&ctx, spec, v, diags),
        });
    }

    let free = match root.get(FREE_KEY) {
        None | Some(Yaml::Null) => Vec::new(),
        Some(v) => read_free_tables(&ctx, v, diags),
    };

    // Keys that are neither settings nor lists.
    let mut unknown = BTreeSet::new();
    let mut list_keys = list_keys;
    list_keys.push(FREE_KEY);
    collect_unknown(&root, "", &list_keys, &mut unknown);
    if !unknown.is_empty() {
        diags.push(Diagnostic::note(
            "unknown-keys",
            Loc::File { file: file.clone() },
            Text::new(
                format!(
                    "các khóa không dùng đến được bỏ qua: {}",
                    unknown.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
                format!("unused keys ignored: {}", unknown.iter().cloned().collect::<Vec<_>>().join(", ")),
            ),
        ));
    }
    let (line, col) = (1, 1);
    Some(Parts { settings_loc: Loc::Yaml { file, line, col, path: "".into() }, settings, tables, free })
}

/// The settings: each one the contract knows, at its dotted key.
fn read_settings(ctx: &Ctx<'_>, root: &Yaml, diags: &mut Diagnostics) -> BTreeMap<&'static str, Cell> {
    let mut settings = BTreeMap::new();
    for spec in SETTINGS.iter() {
        let Some(v) = get_path(root, &spec.key) else { continue };
        let loc = ctx.loc(&spec.key);
        if is_sequence(v) && !spec.list && spec.text != TextKind::Multiline {
            diags.push(one_value_expected(&spec.key, loc.clone()));
            // Kept empty at its place, so the setting is not also said to be missing.
            settings.insert(spec.key.as_str(), Cell { value: Value::Empty, loc, font: None });
            continue;
        }
        match scalar(v) {
            Some(value) => {
                settings.insert(spec.key.as_str(), Cell { value, loc, font: None });
            }
            None => {
                diags.push(Diagnostic::error(
                    "invalid-value",
                    loc.clone(),
                    Text::new(
                        format!("“{}” phải là một giá trị, không phải một bảng", spec.key),
                        format!("“{}” must be a value, not a mapping", spec.key),
                    ),
                ));
                settings.insert(spec.key.as_str(), Cell { value: Value::Empty, loc, font: None });
            }
        }
    }
    settings
}

/// The key of the clerk's own tables: `sheets: {"Kinh phí": [{Nội dung: …, Dự toán: …}]}`.
pub(crate) const FREE_KEY: &str = "sheets";

/// Reads `sheets:`: each entry a table of the clerk's own, as a list of rows (their keys
/// are the columns, in the order first seen) or a sheet of a workbook.
fn read_free_tables(ctx: &Ctx<'_>, v: &Yaml, diags: &mut Diagnostics) -> Vec<FreeTable> {
    let Some(map) = v.as_mapping() else {
        diags.push(Diagnostic::error(
            "invalid-value",
            ctx.loc(FREE_KEY),
            Text::new(
                "“sheets” phải là một bảng: tên bảng → danh sách dòng",
                "“sheets” must map each table's name to its list of rows",
            ),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in map {
        let name = key_text(k);
        let path = format!("{FREE_KEY}.{name}");
        if let Some(m) = v.as_mapping()
            && let Some(book) = m.get("workbook").and_then(Yaml::as_str)
        {
            let sheet = m.get("sheet").and_then(Yaml::as_str).unwrap_or(&name);
            let loc = ctx.loc(&format!("{path}.workbook"));
            if let Some(mut t) = read_linked_free_sheet(ctx, book, sheet, loc, diags) {
                t.name = name;
                out.push(t);
            }
            continue;
        }
        let Some(items) = v.as_sequence() else {
            diags.push(Diagnostic::error(
                "invalid-value",
                ctx.loc(&path),
                Text::new(
                    format!("bảng “{name}” phải là một danh sách dòng (mỗi dòng bắt đầu bằng “- ”)"),
                    format!("the table “{name}” must be a list of rows (each starting with “- ”)"),
                ),
            ));
            continue;
        };
        let mut headers: Vec<String> = Vec::new();
        for item in items.iter().filter_map(Yaml::as_mapping) {
            for key in item.keys().map(key_text) {
                if !headers.contains(&key) {
                    headers.push(key);
                }
            }
        }
        let mut rows = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let row_path = format!("{path}[{i}]");
            let Some(item) = item.as_mapping() else {
                diags.push(not_a_mapping(ctx.loc(&row_path)));
                continue;
            };
            let cells: Vec<Option<Cell>> = headers
                .iter()
                .map(|h| {
                    let value = item.get(h.as_str()).and_then(scalar).filter(|v| !v.is_empty())?;
                    Some(Cell { value, loc: ctx.loc(&format!("{row_path}.{h}")), font: None })
                })
                .collect();
            if cells.iter().any(Option::is_some) {
                rows.push(FreeRow { loc: ctx.loc(&row_path), cells });
            }
        }
        let table = FreeTable { name, loc: ctx.loc(&path), headers, rows };
        diags.push(super::excel::free_table_note(&table, table.loc.clone()));
        out.push(table);
    }
    out
}

/// A table of the clerk's own from a sheet of the workbook `book` (relative to the YAML).
fn read_linked_free_sheet(
    ctx: &Ctx<'_>,
    book: &str,
    sheet: &str,
    loc: Loc,
    diags: &mut Diagnostics,
) -> Option<FreeTable> {
    let mut wb = open_linked(ctx, book, loc.clone(), diags)?;
    let table = wb.read_free(sheet, diags);
    if table.is_none() {
        let names = wb.sheet_names().join(", ");
        diags.push(
            Diagnostic::error(
                "missing-sheet",
                loc,
                Text::new(
                    format!("{} không có sheet “{sheet}” có dòng tiêu đề", quote(book)),
                    format!("{} has no sheet “{sheet}” with a header row", quote(book)),
                ),
            )
            .with_hint(Text::new(format!("các sheet có: {names}"), format!("its sheets: {names}"))),
        );
    }
    table
}

/// Opens the workbook `book` a YAML file points at (relative to it); its errors are said
/// at `loc`, where the YAML names it.
fn open_linked(ctx: &Ctx<'_>, book: &str, loc: Loc, diags: &mut Diagnostics) -> Option<Workbook> {
    let name: Arc<str> = Path::new(book).file_name().map_or(book.into(), |n| n.to_string_lossy().into());
    let opened = super::files::read_file(&ctx.base_dir.join(book), crate::limits::WORKBOOK_BYTES, name.clone())
        .map_err(|(d, _)| d)
        .and_then(|bytes| Workbook::open(bytes, name));
    opened
        .map_err(|mut d| {
            d.loc = Some(loc);
            d.message =
                Text::new(format!("{}: {}", quote(book), d.message.vi), format!("{}: {}", quote(book), d.message.en));
            diags.push(d);
        })
        .ok()
}

fn collect_unknown(v: &Yaml, path: &str, lists: &[&str], out: &mut BTreeSet<String>) {
    let Some(map) = v.as_mapping() else {
        if !path.is_empty() && schema::setting_by_key(path).is_none() {
            out.insert(path.to_string());
        }
        return;
    };
    for (k, child) in map {
        let p = join_key(path, &key_text(k));
        if lists.contains(&p.as_str()) || schema::setting_by_key(&p).is_some() {
            continue;
        }
        collect_unknown(child, &p, lists, out);
    }
}

/// Reads one list: the records of its items, or the sheet of a workbook it points at.
fn read_list(ctx: &Ctx<'_>, spec: &'static TableSpec, v: &Yaml, diags: &mut Diagnostics) -> Table {
    let table_loc = ctx.loc(spec.yaml);
    // `delegates: {workbook: dai-bieu.xlsx, sheet: "Đại biểu"}`
    if let Some(map) = v.as_mapping()
        && let Some(book) = map.get("workbook").and_then(Yaml::as_str)
    {
        let sheet = map.get("sheet").and_then(Yaml::as_str);
        return read_linked_sheet(ctx, spec, book, sheet, diags);
    }
    let Some(items) = v.as_sequence() else {
        diags.push(Diagnostic::error(
            "invalid-value",
            table_loc,
            Text::new(
                format!("“{}” phải là một danh sách (mỗi mục bắt đầu bằng “- ”)", spec.yaml),
                format!("“{}” must be a list (each item starting with “- ”)", spec.yaml),
            ),
        ));
        return Table::empty(spec);
    };
    let mut unknown = BTreeMap::new();
    let records: Vec<Record> =
        items.iter().enumerate().filter_map(|(i, item)| read_item(ctx, spec, i, item, &mut unknown, diags)).collect();
    if !unknown.is_empty() {
        let list = unknown.into_keys().collect::<Vec<_>>().join(", ");
        diags.push(Diagnostic::note(
            "unknown-keys",
            table_loc.clone(),
            Text::new(format!("các khóa không dùng đến được bỏ qua: {list}"), format!("unused keys ignored: {list}")),
        ));
    }
    Table { spec, loc: Some(table_loc), records }
}

/// Reads a list from the workbook `book` (relative to the YAML file) that the YAML points
/// at, from its `sheet` or the list's own; errors are said where the YAML names them.
fn read_linked_sheet(
    ctx: &Ctx<'_>,
    spec: &'static TableSpec,
    book: &str,
    sheet: Option<&str>,
    diags: &mut Diagnostics,
) -> Table {
    let Some(mut wb) = open_linked(ctx, book, ctx.loc(&format!("{}.workbook", spec.yaml)), diags) else {
        return Table::empty(spec);
    };
    if let Some(sheet) = sheet
        && !wb.has_sheet(sheet)
    {
        let names = wb.sheet_names().join(", ");
        diags.push(
            Diagnostic::error(
                "missing-sheet",
                ctx.loc(&format!("{}.sheet", spec.yaml)),
                Text::new(
                    format!("{} không có sheet “{sheet}”", quote(book)),
                    format!("{} has no sheet “{sheet}”", quote(book)),
                ),
            )
            .with_hint(Text::new(format!("các sheet có: {names}"), format!("its sheets: {names}"))),
        );
        return Table::empty(spec);
    }
    wb.read_one(spec, sheet, diags)
}

/// Reads item `i` of a list: its record, or `None` for an item that is not a mapping (an
/// error) or holds nothing but an STT. Keys that name no column go to `unknown`.
fn read_item(
    ctx: &Ctx<'_>,
    spec: &'static TableSpec,
    i: usize,
    item: &Yaml,
    unknown: &mut BTreeMap<String, Loc>,
    diags: &mut Diagnostics,
) -> Option<Record> {
    let path = format!("{}[{i}]", spec.yaml);
    let (line, col) = ctx.spans.at(&path);
    let origin = Origin::Yaml { file: ctx.file.clone(), line, col, path: path.as_str().into() };
    let Some(map) = item.as_mapping() else {
        diags.push(not_a_mapping(ctx.loc(&path)));
        return None;
    };
    let mut cells = BTreeMap::new();
    for (k, value) in map {
        let key = key_text(k);
        let Some(column) = item_column(spec, &key) else {
            let loc = ctx.loc(&format!("{path}.{key}"));
            // A key a typo away from a field this item lacks (`positon`) would drop that
            // field without a word: warned at its first use.
            let item_has = |k: &str| map.keys().any(|other| key_text(other) == k);
            if !unknown.contains_key(&key)
                && let Some(meant) = schema::near_miss(spec, &key, &item_has)
            {
                diags.push(schema::near_miss_warning(loc.clone(), &key, meant.key, true));
            }
            unknown.entry(key).or_insert(loc);
            continue;
        };
        let field_path = format!("{path}.{key}");
        // Lines and several values may be a list; other fields hold one value.
        if is_sequence(value) && column.text == TextKind::Inline {
            diags.push(one_value_expected(&key, ctx.loc(&field_path)));
            continue;
        }
        // A list of values reads as the cell would: `Đoàn chủ tịch; Trao thưởng`.
        let scalar = if column.text == TextKind::Items { items_text } else { scalar };
        match scalar(value) {
            Some(value) => {
                cells.insert(column.key, Cell { value, loc: ctx.loc(&field_path), font: None });
            }
            None => diags.push(Diagnostic::error(
                "invalid-value",
                ctx.loc(&field_path),
                Text::new(format!("“{key}” phải là một giá trị"), format!("“{key}” must be a value")),
            )),
        }
    }
    if cells.iter().all(|(k, c)| *k == schema::STT || c.value.is_empty()) {
        return None;
    }
    Some(Record { origin, cells })
}

/// The column an item's key names: the column of that key, else one with that header or
/// another name for it.
fn item_column(spec: &'static TableSpec, key: &str) -> Option<&'static schema::ColumnSpec> {
    let columns: &'static [schema::ColumnSpec] = spec.columns;
    columns.iter().find(|c| c.key == key).or_else(|| columns.iter().find(|c| c.matches(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_key_paths() {
        let text = "conference:\n  title: Hội nghị\ndelegates:\n  - name: An\n    group: Báo chí\n  - {name: Bình, group: x}\n";
        let s = Spans::index(text);
        assert_eq!(s.at("conference.title"), (2, 10));
        assert_eq!(s.at("delegates[0].name"), (4, 11));
        assert_eq!(s.at("delegates[0].group"), (5, 12));
        assert_eq!(s.at("delegates[1].group"), (6, 25));
        assert_eq!(s.at("delegates[1].missing"), s.at("delegates[1]"));
    }
}

#[cfg(test)]
mod bracket_tests {
    use super::unclosed_bracket;

    #[test]
    fn an_unclosed_bracket_is_found_where_it_opened() {
        let text = "id: x\nconference: {title: [unclosed\n  date: 1\n";
        assert_eq!(unclosed_bracket(text, 3, 7), Some(('[', 2, 21)));
        // Closed ones, quotes inside values and apostrophes in names are not brackets.
        let text = "a: [1, 2]\nb: \"[x\"\nc: Nay H'Bi [y]\nd: {e: f\n";
        assert_eq!(unclosed_bracket(text, 5, 1), Some(('{', 4, 4)));
        assert_eq!(unclosed_bracket("a: [1]\nb: 2\n", 2, 2), None);
    }
}
