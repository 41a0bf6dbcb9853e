//! The report's tables (`Bảng biểu`): each row read into a [`TableDef`], its words checked
//! (chart kinds, places, orders, filters); the names of sheets and columns are checked by
//! the planner, which knows the data.

use std::collections::HashMap;

use super::fields::{self, Fields};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::{Record, TableKind};
use crate::model::{Axis, ChartDef, ChartKind, Filter, Place, RowOrder, TableDef, ValueDef};
use crate::text::loose_key;

const YES_NO: &[(bool, &[&str])] = &[(true, &["Có", "x", "Yes", "1", "True"]), (false, &["Không", "No", "0", "False"])];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Extra {
    Share,
    Change,
}

const EXTRAS: &[(Extra, &[&str])] = &[
    (Extra::Share, &["Tỷ lệ", "Tỷ lệ (%)", "Tỷ trọng", "Cơ cấu", "Tỷ lệ %"]),
    (Extra::Change, &["Tăng giảm", "Tăng, giảm", "Tăng/giảm", "So với năm trước", "So với kỳ trước", "Tăng trưởng"]),
];

pub(crate) const ORDERS: &[(RowOrder, &[&str])] = &[
    (RowOrder::Data, &["Theo dữ liệu", "Như dữ liệu", "Giữ nguyên"]),
    (RowOrder::Descending, &["Giảm dần", "Từ lớn đến nhỏ", "Lớn đến nhỏ", "Nhiều nhất trước"]),
    (RowOrder::Ascending, &["Tăng dần", "Từ nhỏ đến lớn", "Nhỏ đến lớn"]),
    (RowOrder::Alphabetic, &["A-Z", "Theo tên", "ABC", "Theo vần", "Theo thứ tự chữ cái"]),
    (RowOrder::Continuous, &["Liên tục", "Năm liên tục", "Theo năm"]),
];

pub(crate) const CHARTS: &[(Option<ChartKind>, &[&str])] = &[
    (Some(ChartKind::Columns), &["Cột", "Biểu đồ cột", "Cột đứng", "Cột đôi"]),
    (Some(ChartKind::Stacked), &["Cột chồng", "Cột xếp chồng", "Biểu đồ cột chồng", "Chồng"]),
    (Some(ChartKind::Bars), &["Thanh", "Thanh ngang", "Cột ngang", "Biểu đồ thanh", "Biểu đồ thanh ngang"]),
    (Some(ChartKind::Line), &["Đường", "Biểu đồ đường", "Đường gấp khúc", "Đồ thị"]),
    (Some(ChartKind::Pie), &["Tròn", "Biểu đồ tròn", "Bánh", "Quạt", "Hình tròn"]),
    (None, &["Không", "Không vẽ"]),
];

/// Items of a list cell: separated by `;` or line breaks.
pub(crate) fn items(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(|p| p.trim().trim_start_matches(['-', '+', '•']).trim())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// `Hạng sao` or `Hạng sao: 3 sao; 4 sao; 5 sao`.
pub(crate) fn axis(text: &str) -> Axis {
    match text.split_once(':') {
        Some((column, values)) => Axis { column: column.trim().to_string(), values: items(values) },
        None => Axis { column: text.trim().to_string(), values: Vec::new() },
    }
}

/// `Tổng Kinh phí` or `Kinh phí (triệu đồng): Tổng Kinh phí`.
pub(crate) fn value_def(item: &str) -> ValueDef {
    match item.split_once(':') {
        Some((label, text)) if !text.trim().is_empty() && !label.trim().is_empty() => {
            ValueDef { label: Some(label.trim().to_string()), text: text.trim().to_string() }
        }
        _ => ValueDef { label: None, text: item.trim().to_string() },
    }
}

/// `Hình thức = Giấy khen`, `Loại ≠ Tập thể` (also `!=`, `<>`).
pub(crate) fn filter(item: &str) -> Option<Filter> {
    for (op, equal) in [("≠", false), ("!=", false), ("<>", false), ("=", true)] {
        if let Some((column, value)) = item.split_once(op) {
            let (column, value) = (column.trim(), value.trim());
            if column.is_empty() || value.is_empty() {
                return None;
            }
            return Some(Filter { column: column.to_string(), equal, value: value.to_string() });
        }
    }
    None
}

/// `Phụ lục`, `Phụ lục II`, `Phụ lục 2: Danh sách …`, `Trong bài`, `Không in`.
pub(crate) fn place(text: &str) -> Option<Place> {
    let k = loose_key(text);
    if ["trongbai", "trongbaocao", "noidung", "phannoidung", "thanbai", "trongvanban"].contains(&k.as_str()) {
        return Some(Place::Body);
    }
    if ["khongin", "an", "khong", "chisolieu"].contains(&k.as_str()) {
        return Some(Place::Hidden);
    }
    let rest = text.trim();
    let lower = rest.to_lowercase();
    let after = ["phụ lục", "phu luc", "pl"].iter().find_map(|p| lower.starts_with(p).then(|| &rest[p.len()..]))?;
    let (head, title) = match after.split_once(':') {
        Some((h, t)) => (h.trim(), Some(t.trim().to_string()).filter(|t| !t.is_empty())),
        None => (after.trim(), None),
    };
    let head = head.trim_start_matches(['.', ' ']).trim_end_matches('.');
    let number = if head.is_empty() { None } else { Some(roman_or_number(head)?) };
    Some(Place::Appendix { number, title })
}

/// `II` → 2, `2` → 2.
fn roman_or_number(t: &str) -> Option<u32> {
    if let Ok(n) = t.parse::<u32>() {
        return (1..=50).contains(&n).then_some(n);
    }
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Option<Vec<u32>> = t.chars().map(value).collect();
    let digits = digits?;
    let mut n = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) { n -= *d as i32 } else { n += *d as i32 }
    }
    u32::try_from(n).ok().filter(|n| (1..=50).contains(n))
}

fn bad_syntax(loc: Loc, header: &str, value: &str, example: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-value",
        loc,
        Text::new(
            format!("{header} {} viết chưa đúng", quote(value)),
            format!("{header} {} is malformed", quote(value)),
        ),
    )
    .with_hint(Text::new(format!("viết như: {example}"), format!("write it like: {example}")))
}

/// The tables a YAML text defines under `report.tables`, in the conference's own form: the
/// built-in parts of the report (`templates/bao-cao/*.yaml`). Messages point into `file`.
pub(crate) fn report_tables_of_yaml(text: &str, file: &str, diags: &mut crate::diag::Diagnostics) -> Vec<TableDef> {
    let file: std::sync::Arc<str> = file.into();
    let Some(parts) = crate::input::yaml::read(text, file.clone(), std::path::Path::new("."), diags) else {
        return Vec::new();
    };
    let raw = crate::normalize::normalize(crate::input::assemble(file, parts), diags);
    let mut v = Validator { raw: &raw, diags, broken_ids: std::collections::HashSet::new() };
    v.report_tables()
}

impl Validator<'_> {
    /// The report's tables.
    pub(super) fn report_tables(&mut self) -> Vec<TableDef> {
        let table = self.raw.table(TableKind::ReportTables);
        let mut out: Vec<TableDef> = Vec::new();
        let mut ids: HashMap<String, Loc> = HashMap::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::ReportTables, rec);
            let Some(def) = table_def(&mut f, rec) else { continue };
            if let Some(id) = &def.id {
                let loc = rec.loc("id");
                match ids.get(&loose_key(id)) {
                    Some(first) => f.push(fields::duplicate(loc, "Mã", id, first)),
                    None => {
                        ids.insert(loose_key(id), loc);
                    }
                }
            }
            out.push(def);
        }
        out
    }
}

/// One row of `Bảng biểu`; `None` when its title or source is missing (reported).
fn table_def(f: &mut Fields<'_>, rec: &Record) -> Option<TableDef> {
    let id = f.text("id");
    let title = f.required("title", "Kinh phí thực hiện năm 2025");
    let source = f.required("source", "Khen thưởng");
    let rows = f.text("rows").map(|t| axis(&t));
    let columns = f.text("columns").map(|t| axis(&t));
    let values = f.text("values").map(|t| items(&t).iter().map(|i| value_def(i)).collect()).unwrap_or_default();
    let mut filters = Vec::new();
    for item in f.text("filter").map(|t| items(&t)).unwrap_or_default() {
        match filter(&item) {
            Some(x) => filters.push(x),
            None => {
                let d = bad_syntax(
                    rec.loc("filter"),
                    &f.header_of("filter"),
                    &item,
                    "Hình thức = Giấy khen; Loại ≠ Tập thể",
                );
                f.push(d);
            }
        }
    }
    let unit = f.text("unit").map(|u| {
        let t = u.trim();
        let lower = t.to_lowercase();
        ["đơn vị tính:", "đvt:", "đơn vị tính", "đvt"]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| t[p.len()..].trim().to_string()))
            .unwrap_or_else(|| t.to_string())
    });
    let total = f.choice("total", YES_NO, false);
    let extras = f.list_choice("extras", EXTRAS);
    let order = f.choice("order", ORDERS, false).unwrap_or_default();
    let place = match f.text("place") {
        None => Place::Appendix { number: None, title: None },
        Some(t) => match place(&t) {
            Some(p) => p,
            None => {
                let d =
                    bad_syntax(rec.loc("place"), &f.header_of("place"), &t, "Phụ lục; Phụ lục II; Trong bài; Không in");
                f.push(d);
                Place::Appendix { number: None, title: None }
            }
        },
    };
    let kind = f.choice("chart", CHARTS, false).flatten();
    let chart_columns: Vec<String> = f.text("chart_columns").map(|t| items(&t)).unwrap_or_default();
    let chart_title = f.text("chart_title");
    let chart = match kind {
        Some(kind) => Some(ChartDef { kind, columns: chart_columns, title: chart_title }),
        None if rec.value("chart").is_empty() && (!chart_columns.is_empty() || chart_title.is_some()) => {
            f.push(
                Diagnostic::warning(
                    "chart-kind-missing",
                    rec.loc("chart"),
                    Text::new("chưa chọn loại biểu đồ: vẽ biểu đồ cột", "no chart kind chosen: drawing columns"),
                )
                .with_hint(Text::new(
                    "ghi Cột, Cột chồng, Thanh, Đường hoặc Tròn vào cột Biểu đồ",
                    "write Cột, Cột chồng, Thanh, Đường or Tròn in the Biểu đồ column",
                )),
            );
            Some(ChartDef { kind: ChartKind::Columns, columns: chart_columns, title: chart_title })
        }
        None => None,
    };
    Some(TableDef {
        id,
        title: title?,
        source: source?,
        rows,
        columns,
        values,
        filters,
        unit,
        total,
        share: extras.contains(&Extra::Share),
        change: extras.contains(&Extra::Change),
        order,
        place,
        chart,
        src: src(rec),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_axes_are_read() {
        assert_eq!(place("Phụ lục"), Some(Place::Appendix { number: None, title: None }));
        assert_eq!(place("Phụ lục II"), Some(Place::Appendix { number: Some(2), title: None }));
        assert_eq!(
            place("Phụ lục 3: Danh sách khen thưởng"),
            Some(Place::Appendix { number: Some(3), title: Some("Danh sách khen thưởng".into()) })
        );
        assert_eq!(place("trong bài"), Some(Place::Body));
        assert_eq!(place("Không in"), Some(Place::Hidden));
        assert_eq!(place("Phụ lục XYZQ"), None);
        assert_eq!(place("cuối"), None);
        assert_eq!(roman_or_number("IV"), Some(4));
        assert_eq!(
            axis("Hạng sao: 3 sao; 4 sao;5 sao"),
            Axis { column: "Hạng sao".into(), values: vec!["3 sao".into(), "4 sao".into(), "5 sao".into()] }
        );
        assert_eq!(value_def("Kinh phí (triệu đồng): Tổng Kinh phí").label.as_deref(), Some("Kinh phí (triệu đồng)"));
        assert_eq!(value_def("Đếm").label, None);
        assert_eq!(
            filter("Loại ≠ Tập thể"),
            Some(Filter { column: "Loại".into(), equal: false, value: "Tập thể".into() })
        );
        assert_eq!(filter("Năm = 2025").map(|f| f.equal), Some(true));
        assert_eq!(filter("Hình thức Giấy khen"), None);
    }
}
