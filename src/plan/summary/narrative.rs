//! The narrative (`Báo cáo` sheet) rendered with minijinja, with the report's functions:
//! `bang("id")` and `bieu_do("id")` place a table or a chart (`{{ bieu_do }}` alone places
//! the charts not placed elsewhere), `dem(…)` and `tong(…)` count and sum any table,
//! `so_lieu("id", hàng, cột)` reads a figure of a computed table. The rendered text is cut
//! into blocks; a function's error is said at the narrative's cell, in the clerk's words.

use std::fmt;
use std::sync::{Arc, Mutex};

use minijinja::value::{Object, Rest, Value};
use minijinja::{Error, ErrorKind, State};

use super::query::{absent_value, holds, unknown_column};
use super::table::{Out, ReportTable};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::jinja::Jinja;
use crate::model::Sheet;
use crate::text::loose_key;

/// A marker the functions leave in the text; replaced by the block it names.
pub(super) const MARK: char = '\u{FFFC}';

/// Where the charts not placed elsewhere go: a line `{{ bieu_do }}`.
pub(super) const CHARTS_MARK: &str = "\u{FFFC}bieu-do\u{FFFC}";

/// One block of the narrative.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `1. Kết quả đánh giá, phân hạng sản phẩm OCOP` (a khoản with a title): bold.
    Heading(String),
    /// `- …` or `+ …`.
    Bullet(String),
    Para(String),
    /// The charts not placed elsewhere (planned into [`Block::Chart`]s).
    Charts,
    /// Table `i` of the report.
    Table(usize),
    /// The chart of table `i`.
    Chart(usize),
    /// `(Số liệu chi tiết tại Phụ lục I …)`, after the charts.
    Note(String),
}

/// What a function call found wrong, said at the cell whose text called it.
type Problem = Arc<Mutex<Option<(Text, Text)>>>;

fn fail(problem: &Problem, message: Text, hint: Text) -> Error {
    let detail = message.vi.clone();
    if let Ok(mut p) = problem.lock() {
        *p = Some((message, hint));
    }
    Error::new(ErrorKind::InvalidOperation, detail)
}

/// The report's tables and data, as the functions see them.
struct Data {
    tables: Arc<Vec<ReportTable>>,
    sources: Arc<Vec<Sheet>>,
    /// The ids of tables whose definition failed (said at their `Bảng biểu` row): calling
    /// them prints nothing rather than a second error.
    failed: Vec<String>,
    problem: Problem,
    /// Warnings of the functions (a condition no row meets), said at the text's cell.
    warnings: Arc<Mutex<Vec<Diagnostic>>>,
}

impl Data {
    /// Was `id` a table whose definition failed?
    fn failed(&self, id: &str) -> bool {
        self.failed.iter().any(|f| loose_key(f) == loose_key(id))
    }

    /// The table named `id`.
    fn table(&self, id: &str) -> Result<usize, Error> {
        let k = loose_key(id);
        self.tables.iter().position(|t| t.id.as_deref().is_some_and(|i| loose_key(i) == k)).ok_or_else(|| {
            let ids: Vec<String> = self.tables.iter().filter_map(|t| t.id.as_ref()).map(|i| format!("“{i}”")).collect();
            fail(
                &self.problem,
                Text::new(format!("không có bảng mã {}", quote(id)), format!("there is no table {}", quote(id))),
                Text::new(
                    format!("các mã bảng (cột Mã của sheet Bảng biểu): {}", ids.join(", ")),
                    format!("the tables' ids (column Mã of Bảng biểu): {}", ids.join(", ")),
                ),
            )
        })
    }

    fn sheet(&self, name: &str) -> Result<&Sheet, Error> {
        self.sources.iter().find(|s| s.answers_to(name)).ok_or_else(|| {
            let names: Vec<String> = self.sources.iter().map(|s| format!("“{}”", s.name)).collect();
            fail(
                &self.problem,
                Text::new(
                    format!("không có sheet dữ liệu {}", quote(name)),
                    format!("there is no data sheet {}", quote(name)),
                ),
                Text::new(format!("các sheet: {}", names.join(", ")), format!("the sheets: {}", names.join(", "))),
            )
        })
    }

    /// The rows of `sheet` whose columns hold the values of `pairs` (`"Hình thức", "Giấy khen"`).
    fn rows<'s>(&self, sheet: &'s Sheet, pairs: &[Value]) -> Result<Vec<&'s crate::model::SheetRow>, Error> {
        if !pairs.len().is_multiple_of(2) {
            return Err(fail(
                &self.problem,
                Text::new(
                    "điều kiện phải đi theo cặp: tên cột, giá trị",
                    "conditions come in pairs: a column's name, a value",
                ),
                Text::new(
                    "ví dụ {{ dem(\"Khen thưởng\", \"Hình thức\", \"Giấy khen\") }}",
                    "e.g. {{ dem(\"Khen thưởng\", \"Hình thức\", \"Giấy khen\") }}",
                ),
            ));
        }
        let mut conditions = Vec::new();
        for pair in pairs.chunks(2) {
            let name = pair[0].to_string();
            let c = self.column(sheet, &name)?;
            let value = pair[1].to_string();
            if !sheet.rows.iter().any(|r| holds(&r.cells[c], &value))
                && let Ok(mut w) = self.warnings.lock()
            {
                w.push(absent_value(Loc::File { file: "".into() }, sheet, c, &value));
            }
            conditions.push((c, value));
        }
        Ok(sheet.rows.iter().filter(|r| conditions.iter().all(|(c, v)| holds(&r.cells[*c], v))).collect())
    }

    /// `tong(sheet, column, [column, value]…)`: the sum of a column over the rows that hold
    /// the values; a cell that is no number is an error.
    fn sum(&self, sheet: &str, column: &str, pairs: &[Value]) -> Result<f64, Error> {
        let s = self.sheet(sheet)?;
        let c = self.column(s, column)?;
        let rows = self.rows(s, pairs)?;
        let mut sum = 0.0;
        for r in rows {
            match &r.cells[c] {
                crate::model::Datum::Empty => {}
                x => match x.number() {
                    Some(v) => sum += v,
                    None => {
                        return Err(fail(
                            &self.problem,
                            Text::new(
                                format!("cột {} có ô không phải số ({})", quote(column), r.locs[c].short()),
                                format!(
                                    "the column {} has a cell that is no number ({})",
                                    quote(column),
                                    r.locs[c].short()
                                ),
                            ),
                            Text::new("sửa ô đó thành số", "make that cell a number"),
                        ));
                    }
                },
            }
        }
        Ok(sum)
    }

    /// `so_lieu(id, row, column)`: a figure of a computed table.
    fn figure(&self, id: &str, row: &str, column: &str) -> Result<Value, Error> {
        let i = self.table(id)?;
        let t = &self.tables[i];
        match t.value(row, column) {
            Some(Out::Number(n)) => Ok(Value::from(n)),
            Some(Out::Text(s)) => Ok(Value::from(s)),
            Some(Out::Empty) => Ok(Value::from(0.0)),
            None => {
                let rows: Vec<String> = t
                    .rows
                    .iter()
                    .take(12)
                    .map(|r| format!("“{}”", r[0].print(crate::model::NumberFormat::Exact)))
                    .collect();
                let cols: Vec<String> = t.columns.iter().skip(1).map(|c| format!("“{}”", c.header)).collect();
                Err(fail(
                    &self.problem,
                    Text::new(
                        format!("bảng {} không có ô hàng {} cột {}", quote(id), quote(row), quote(column)),
                        format!("the table {} has no cell in row {} column {}", quote(id), quote(row), quote(column)),
                    ),
                    Text::new(
                        format!("hàng: {}, “Tổng cộng”; cột: {}", rows.join(", "), cols.join(", ")),
                        format!("rows: {}, “Tổng cộng”; columns: {}", rows.join(", "), cols.join(", ")),
                    ),
                ))
            }
        }
    }

    fn column(&self, sheet: &Sheet, name: &str) -> Result<usize, Error> {
        sheet.column(name).ok_or_else(|| {
            let d = unknown_column(Loc::File { file: "".into() }, "Cột", name, sheet);
            fail(&self.problem, d.message, d.hint.unwrap_or_else(|| Text::new("", "")))
        })
    }
}

/// `bieu_do`: prints the place of the charts; called, the place of one chart.
#[derive(Debug)]
struct ChartsMark {
    data: Arc<DataRef>,
}

/// [`Data`] behind an `Arc`, debug-printable for minijinja.
struct DataRef(Data);

impl fmt::Debug for DataRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("report data")
    }
}

impl Object for ChartsMark {
    fn call(self: &Arc<Self>, _state: &mut State<'_, '_>, args: &[Value]) -> Result<Value, Error> {
        let [id] = args else {
            return Err(Error::new(ErrorKind::InvalidOperation, "bieu_do(\"mã bảng\")"));
        };
        let data = &self.data.0;
        if data.failed(&id.to_string()) {
            return Ok(Value::from(""));
        }
        let i = data.table(&id.to_string())?;
        if data.tables[i].chart.is_none() {
            return Err(fail(
                &data.problem,
                Text::new(
                    format!("bảng {} không có biểu đồ", quote(&id.to_string())),
                    format!("the table {} has no chart", quote(&id.to_string())),
                ),
                Text::new(
                    "chọn loại biểu đồ ở cột Biểu đồ của sheet Bảng biểu",
                    "choose a chart kind in the Biểu đồ column of Bảng biểu",
                ),
            ));
        }
        Ok(Value::from(format!("{MARK}chart:{i}{MARK}")))
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(CHARTS_MARK)
    }
}

/// The narrative's renderer: a strict minijinja with the report's functions.
pub(super) struct Narrative {
    jinja: Jinja,
    problem: Problem,
    warnings: Arc<Mutex<Vec<Diagnostic>>>,
}

impl Narrative {
    /// Values print with a text document's inline marks escaped ([`Jinja::escape_markup`]).
    pub fn escape_markup(&mut self) {
        self.jinja.escape_markup();
    }

    /// The renderer over computed `tables` and their `sources`; `failed` names the tables
    /// whose definition failed.
    pub fn new(tables: Arc<Vec<ReportTable>>, sources: Arc<Vec<Sheet>>, failed: Vec<String>) -> (Narrative, Value) {
        let problem: Problem = Arc::new(Mutex::new(None));
        let warnings = Arc::new(Mutex::new(Vec::new()));
        let data =
            Arc::new(DataRef(Data { tables, sources, failed, problem: problem.clone(), warnings: warnings.clone() }));
        let mut jinja = Jinja::new();
        let d = data.clone();
        jinja.add_global(
            "bang",
            Value::from_function(move |id: String| -> Result<String, Error> {
                if d.0.failed(&id) {
                    return Ok(String::new());
                }
                let i = d.0.table(&id)?;
                Ok(format!("{MARK}table:{i}{MARK}"))
            }),
        );
        let d = data.clone();
        jinja.add_global(
            "dem",
            Value::from_function(move |sheet: String, pairs: Rest<Value>| -> Result<f64, Error> {
                let s = d.0.sheet(&sheet)?;
                Ok(d.0.rows(s, &pairs)?.len() as f64)
            }),
        );
        let d = data.clone();
        jinja.add_global(
            "tong",
            Value::from_function(move |sheet: String, column: String, pairs: Rest<Value>| {
                d.0.sum(&sheet, &column, &pairs)
            }),
        );
        let d = data.clone();
        jinja.add_global(
            "so_lieu",
            Value::from_function(move |id: String, row: String, column: String| d.0.figure(&id, &row, &column)),
        );
        let charts = Value::from_object(ChartsMark { data });
        (Narrative { jinja, problem, warnings }, charts)
    }

    /// Renders a text of the report written at `loc`; the functions' warnings go to `diags`.
    pub fn render(&self, source: &str, ctx: &Value, loc: &Loc, diags: &mut Diagnostics) -> Result<String, Diagnostic> {
        self.render_as(source, ctx, loc, &Text::new("Nội dung", "The text"), diags)
    }

    /// [`Narrative::render`] of a text messages call `label` (`Trích yếu`).
    pub fn render_as(
        &self,
        source: &str,
        ctx: &Value,
        loc: &Loc,
        label: &Text,
        diags: &mut Diagnostics,
    ) -> Result<String, Diagnostic> {
        if let Ok(mut p) = self.problem.lock() {
            *p = None;
        }
        let result = self.jinja.render_cell(source, ctx, loc, label).map_err(|d| {
            match self.problem.lock().ok().and_then(|mut p| p.take()) {
                Some((message, hint)) => Diagnostic::error(
                    "report-function",
                    d.loc.clone().unwrap_or_else(|| loc.clone()),
                    Text::new(format!("{}: {}", label.vi, message.vi), format!("{}: {}", label.en, message.en)),
                )
                .with_hint(hint),
                None => d,
            }
        });
        if let Ok(mut w) = self.warnings.lock() {
            for mut d in w.drain(..) {
                d.loc = Some(loc.clone());
                diags.push(d);
            }
        }
        result
    }
}

/// Cuts rendered text into blocks: every non-empty line is one; a short numbered line
/// without final punctuation is a heading (`1. Mục tiêu`), `-`/`+` lines are bullets, a
/// line that is a table's or a chart's marker is that table or chart (of the `tables`
/// there are). A marker inside a sentence, or one that names no table, is an error at `loc`
/// — never an index out of bounds, whatever the text holds (the input's own U+FFFC, which
/// Word pastes where a picture was, is removed when it is read).
pub(super) fn blocks(text: &str, loc: &Loc, tables: usize) -> Result<Vec<Block>, Diagnostic> {
    let mut out = Vec::new();
    for line in text.lines().map(crate::text::clean_inline).filter(|l| !l.is_empty()) {
        if line == CHARTS_MARK {
            out.push(Block::Charts);
            continue;
        }
        if let Some(inner) = line.strip_prefix(MARK).and_then(|l| l.strip_suffix(MARK))
            && !inner.contains(MARK)
            && let Some((kind, i)) = inner.split_once(':')
            && let Ok(i) = i.parse::<usize>()
            && i < tables
            && matches!(kind, "table" | "chart")
        {
            out.push(if kind == "table" { Block::Table(i) } else { Block::Chart(i) });
            continue;
        }
        if line.contains(MARK) {
            return Err(Diagnostic::error(
                "report-function",
                loc.clone(),
                Text::new(
                    "bang(…) và bieu_do(…) phải đứng riêng một dòng",
                    "bang(…) and bieu_do(…) must stand on a line of their own",
                ),
            )
            .with_hint(Text::new(
                "xuống dòng trước và sau {{ bang(\"…\") }} (Alt+Enter trong ô)",
                "put {{ bang(\"…\") }} on its own line (Alt+Enter in the cell)",
            )));
        }
        if line.starts_with("- ") || line.starts_with("+ ") {
            out.push(Block::Bullet(line));
            continue;
        }
        let numbered = line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
        let ends = line.ends_with(['.', ';', ':', '!', '?']);
        out.push(if numbered && !ends && line.chars().count() <= 150 {
            Block::Heading(line)
        } else {
            Block::Para(line)
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_blocks() {
        let text = "1. Ban hành văn bản\n\nThực hiện Quyết định số 919.\n- Kiện toàn Hội đồng;\n+ cấp tỉnh\na) Nguyên nhân khách quan: dịch bệnh.\n2. Đã có 150 sản phẩm được công nhận trong giai đoạn.\n\u{FFFC}table:2\u{FFFC}";
        let loc = Loc::File { file: "t".into() };
        assert_eq!(
            blocks(text, &loc, 3).unwrap(),
            [
                Block::Heading("1. Ban hành văn bản".into()),
                Block::Para("Thực hiện Quyết định số 919.".into()),
                Block::Bullet("- Kiện toàn Hội đồng;".into()),
                Block::Bullet("+ cấp tỉnh".into()),
                Block::Para("a) Nguyên nhân khách quan: dịch bệnh.".into()),
                Block::Para("2. Đã có 150 sản phẩm được công nhận trong giai đoạn.".into()),
                Block::Table(2),
            ]
        );
        assert!(blocks("Xem bảng \u{FFFC}table:0\u{FFFC} dưới đây.", &loc, 3).is_err());
        // A marker naming no table (typed, or built in a template) is an error, not a panic.
        for forged in ["\u{FFFC}table:99\u{FFFC}", "\u{FFFC}chart:3\u{FFFC}", "\u{FFFC}x:0\u{FFFC}"] {
            assert_eq!(blocks(forged, &loc, 3).unwrap_err().code, "report-function", "{forged}");
        }
    }
}
