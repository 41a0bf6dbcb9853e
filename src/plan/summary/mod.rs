//! The summary report, planned: its tables (the clerk's `Bảng biểu`, the OCOP part when
//! there is a product list, the targets) computed from the data, the narrative of the
//! `Báo cáo` sheet rendered with them and cut into blocks, and where every table and chart
//! goes — in the text, or numbered in an appendix.

mod builtin;
mod chart;
mod list;
mod narrative;
mod outline;
mod place;
mod query;
mod sources;
mod table;

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::Value;

pub use self::narrative::Block;
use self::narrative::{CHARTS_MARK, Narrative, blocks};
pub use self::outline::{AppendixPlan, Section, SummaryPlan, roman};
pub use self::table::{ChartPlan, ChartShape, ColumnRole, Out, OutColumn, ReportTable, Series};
use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Diagnostics, Loc, Severity, Text};
use crate::jinja::to_value;
use crate::model::{Dataset, TableDef};
use crate::plan::stats;
use crate::text::{capitalize_first, loose_key, lowercase_first};

/// The report's subject: the setting, else the conference title without `Hội nghị`
/// (`Hội nghị sơ kết …` → `Sơ kết …`).
fn subject(ds: &Dataset) -> String {
    if let Some(s) = &ds.report_doc.subject {
        return s.clone();
    }
    let title = &ds.conference.title;
    match title.strip_prefix("Hội nghị ").or_else(|| title.strip_prefix("HỘI NGHỊ ")) {
        Some(rest) => capitalize_first(rest),
        None => title.clone(),
    }
}

/// `bao-cao-so-ket`, `bao-cao-tong-ket` or `bao-cao`, from the subject.
pub fn file_stem(subject: &str) -> String {
    let k = loose_key(subject);
    if k.contains("soket") {
        "bao-cao-so-ket".into()
    } else if k.contains("tongket") {
        "bao-cao-tong-ket".into()
    } else {
        "bao-cao".into()
    }
}

/// Computes every table whose definition holds; the others' errors go to `diags`.
fn compute(defs: &[TableDef], sources: &[crate::model::Sheet], diags: &mut Diagnostics) -> Vec<ReportTable> {
    let mut tables = Vec::new();
    for def in defs {
        let Some(mut q) = query::Query::new(def, sources, diags) else { continue };
        let table = q.table().map(|mut t| {
            t.chart = q.chart(&t);
            t
        });
        let errors = std::mem::take(&mut q.diags);
        let ok = errors.is_empty();
        for d in errors {
            diags.push(d);
        }
        if ok && let Some(t) = table {
            tables.push(t);
        }
    }
    tables
}

/// Two tables giving the same appendix different titles: the first one's is used, said at
/// the second's `Vị trí` cell.
fn check_appendix_titles(defs: &[TableDef], diags: &mut Diagnostics) {
    let mut titles: BTreeMap<u32, &str> = BTreeMap::new();
    for d in defs {
        let crate::model::Place::Appendix { number, title: Some(title) } = &d.place else { continue };
        let n = number.unwrap_or(1);
        match titles.get(&n) {
            Some(first) if loose_key(first) != loose_key(title) => diags.push(
                crate::diag::Diagnostic::warning(
                    "appendix-title",
                    d.src.loc("place"),
                    crate::diag::Text::new(
                        format!("Phụ lục {} đã có tên “{first}”: tên “{title}” không dùng", roman(n as usize)),
                        format!("appendix {} is already named “{first}”: “{title}” is not used", roman(n as usize)),
                    ),
                )
                .with_hint(crate::diag::Text::new(
                    "ghi tên phụ lục ở một bảng, các bảng khác chỉ ghi “Phụ lục …”",
                    "name the appendix on one table; the others write only “Phụ lục …”",
                )),
            ),
            Some(_) => {}
            None => {
                titles.insert(n, title);
            }
        }
    }
}

/// The blocks of a section with each table, chart and `{{ bieu_do }}` placed once: a
/// second call of the same one prints nothing and is said at the text's cell (`loc`).
fn once(
    blocks: Vec<Block>,
    placed: &mut Vec<Block>,
    tables: &[ReportTable],
    loc: &crate::diag::Loc,
    diags: &mut Diagnostics,
) -> Vec<Block> {
    let mut out = Vec::new();
    for b in blocks {
        if !matches!(b, Block::Table(_) | Block::Chart(_) | Block::Charts) {
            out.push(b);
            continue;
        }
        if !placed.contains(&b) {
            placed.push(b.clone());
            out.push(b);
            continue;
        }
        let what = match &b {
            Block::Table(i) => format!("{{{{ bang(\"{}\") }}}}", tables[*i].id.as_deref().unwrap_or("")),
            Block::Chart(i) => format!("{{{{ bieu_do(\"{}\") }}}}", tables[*i].id.as_deref().unwrap_or("")),
            _ => "{{ bieu_do }}".to_string(),
        };
        diags.push(
            crate::diag::Diagnostic::warning(
                "placed-twice",
                loc.clone(),
                crate::diag::Text::new(
                    format!("{what} đã có ở trên: chỉ in một lần"),
                    format!("{what} comes earlier already: printed once"),
                ),
            )
            .with_hint(crate::diag::Text::new(
                "xóa dòng lặp lại; muốn nhắc lại thì viết “(Biểu …)” trong câu",
                "delete the repeated line; to refer to it again write “(Biểu …)” in the sentence",
            )),
        );
    }
    out
}

/// Plans the report. `None` when there is nothing to report (no narrative, table, target
/// or product) or when something is wrong (said in `diags`).
pub fn plan(ds: &Dataset, templates: &TemplateStore, diags: &mut Diagnostics) -> Option<SummaryPlan> {
    if ds.report.is_empty() && ds.products.is_empty() && ds.targets.is_empty() && ds.report_tables.is_empty() {
        return None;
    }
    let errors_before = diags.count(Severity::Error);
    let stats = stats::of(ds);
    let sources = Arc::new(sources::sources(ds, &stats.targets));
    let defs = builtin::definitions(ds, templates, diags);
    check_appendix_titles(&defs, diags);
    let mut tables = compute(&defs, &sources, diags);
    builtin::targets_chart(ds, &stats, &mut tables);
    let tables = Arc::new(tables);

    let subject = subject(ds);
    let failed: Vec<String> = defs
        .iter()
        .filter_map(|d| d.id.clone())
        .filter(|id| !tables.iter().any(|t| t.id.as_deref() == Some(id.as_str())))
        .collect();
    let (narrative, charts_mark) = Narrative::new(tables.clone(), sources.clone(), failed);
    let c = &ds.conference;
    let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
    ctx.insert("stats".into(), to_value(stats.narrative()));
    ctx.insert(
        "conference".into(),
        to_value(serde_json::json!({"title": c.title, "date": c.date.long_vi(), "venue": c.venue, "host": c.host})),
    );
    ctx.insert(
        "issuer".into(),
        to_value(serde_json::json!({"name": ds.issuer.name, "sentence_name": ds.issuer.sentence_name})),
    );
    ctx.insert("bieu_do".into(), charts_mark);
    let ctx = Value::from(ctx);

    let mut sections = Vec::new();
    let mut placed: Vec<Block> = Vec::new();
    for s in &ds.report {
        let loc = s.src.loc("body");
        match narrative.render(&s.body, &ctx, &loc, diags).and_then(|text| blocks(&text, &loc, tables.len())) {
            Ok(blocks) => {
                let blocks = once(blocks, &mut placed, &tables, &loc, diags);
                sections.push(Section { heading: s.heading.clone(), blocks });
            }
            Err(d) => diags.push(d),
        }
    }
    let opening = match &ds.report_settings.opening {
        Some(o) => match narrative.render(o, &ctx, &ds.report_settings.opening_loc, diags) {
            Ok(t) => t.replace(CHARTS_MARK, ""),
            Err(d) => {
                diags.push(d);
                String::new()
            }
        },
        None => format!("{} báo cáo kết quả {} như sau:", ds.issuer.sentence_name, lowercase_first(&subject)),
    };
    let closing = ds.report_settings.closing.clone().unwrap_or_else(|| {
        format!("Trên đây là Báo cáo {} của {}./.", lowercase_first(&subject), ds.issuer.sentence_name)
    });
    if diags.count(Severity::Error) != errors_before {
        return None;
    }
    let tables = Arc::try_unwrap(tables).unwrap_or_else(|t| (*t).clone());
    let mut plan = SummaryPlan {
        file_stem: file_stem(&subject),
        subject,
        opening,
        sections,
        closing,
        stats,
        numbers: vec![None; tables.len()],
        chart_numbers: vec![None; tables.len()],
        tables,
        appendices: Vec::new(),
    };
    place::place(&mut plan);
    Some(plan)
}

/// `bridges`: each bridge point with who chairs it, how many are expected there and how many
/// of the delegates' list take part there (`listed`).
fn bridge_counts(ds: &Dataset) -> Vec<serde_json::Value> {
    ds.bridges
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let listed = ds.delegates.iter().filter(|d| d.bridge == Some(i) && d.attends()).count();
            serde_json::json!({
                "name": b.name,
                "place": b.place,
                "chair": b.chair,
                "expected": b.expected,
                "listed": listed,
            })
        })
        .collect()
}

/// The report's data and functions for another text (a document of `van-ban/`): the
/// variables `conference`, `issuer`, `counts`, `groups`, `bridges`, `stats` and the functions `dem`, `tong`,
/// `so_lieu` (over the report's tables when there is a report).
pub(crate) struct TextData {
    /// For lines read as a document's body: values keep their stars and bars as text.
    narrative: Narrative,
    /// For texts printed as they are (the subject, the addressees, the recipients).
    plain: Narrative,
    ctx: Value,
    /// The report's tables, for `bang("…")` on a line of its own in a document.
    tables: Arc<Vec<ReportTable>>,
}

impl TextData {
    pub fn new(ds: &Dataset, summary: Option<&SummaryPlan>) -> TextData {
        // The report's figures when there is a report: computed once.
        let own;
        let stats = match summary {
            Some(s) => &s.stats,
            None => {
                own = stats::of(ds);
                &own
            }
        };
        let sources = Arc::new(sources::sources(ds, &stats.targets));
        let tables = Arc::new(summary.map(|s| s.tables.clone()).unwrap_or_default());
        let (plain, _) = Narrative::new(tables.clone(), sources.clone(), Vec::new());
        let (mut narrative, _) = Narrative::new(tables.clone(), sources, Vec::new());
        narrative.escape_markup();
        let c = &ds.conference;
        let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
        ctx.insert("stats".into(), to_value(stats.narrative()));
        ctx.insert(
            "conference".into(),
            to_value(serde_json::json!({
                "title": c.title,
                "date": c.date.long_vi(),
                "day": format!("{:02}", c.date.day),
                "month": crate::text::month_vi(c.date.month),
                "year": c.date.year,
                "weekday": c.date.weekday_vi(),
                "time": c.start_time.long_vi(),
                "venue": c.venue,
                "host": c.host,
                "duration": c.duration,
            })),
        );
        ctx.insert(
            "issuer".into(),
            to_value(serde_json::json!({
                "name": ds.issuer.name,
                "sentence_name": ds.issuer.sentence_name,
                "place": ds.issuer.place,
                "code": ds.issuer.code,
            })),
        );
        ctx.insert(
            "counts".into(),
            to_value(serde_json::json!({
                "delegates": ds.delegates.len(),
                "invited": ds.delegates.iter().filter(|d| d.invited).count(),
                "attending": ds.delegates.iter().filter(|d| d.attends()).count(),
                "in_hall": ds.delegates.iter().filter(|d| d.in_hall()).count(),
                "at_bridges": ds.delegates.iter().filter(|d| d.attends() && d.bridge.is_some()).count(),
                "bridges": ds.bridges.len(),
                "awards": ds.awards.len(),
                "decisions": ds.decisions.len(),
                "products": ds.products.len(),
                "agenda": ds.agenda.len(),
            })),
        );
        ctx.insert("bridges".into(), to_value(bridge_counts(ds)));
        // The groups someone takes part from (a starter's empty groups are not "present").
        let groups: Vec<&str> = ds
            .groups
            .iter()
            .enumerate()
            .filter(|(i, _)| ds.delegates.iter().any(|d| d.group == *i && d.attends()))
            .map(|(_, g)| g.name.as_str())
            .collect();
        ctx.insert("groups".into(), to_value(groups));
        TextData { narrative, plain, ctx: Value::from(ctx), tables }
    }

    /// Renders one text written at `loc`: with `markup`, a line of a document's body (the
    /// values' own `*`, `|`, `\\` escaped, so they print as they are); else a text printed
    /// as it is. A table or chart marker (`bang`, `bieu_do`) is an error: they belong to the
    /// report.
    pub fn render(
        &self,
        source: &str,
        markup: bool,
        loc: &Loc,
        what: &Text,
        diags: &mut Diagnostics,
    ) -> Result<String, Diagnostic> {
        let narrative = if markup { &self.narrative } else { &self.plain };
        let text = narrative.render_as(source, &self.ctx, loc, what, diags)?;
        // `{{ bang("…") }}` alone on a body line: the table, read back by the document.
        if markup && self.table_at(&text).is_some() {
            return Ok(text);
        }
        if text.contains(narrative::MARK) {
            return Err(Diagnostic::error(
                "document-function",
                loc.clone(),
                Text::new(
                    "bieu_do(…) chỉ dùng trong báo cáo (sheet Báo cáo); bang(…) phải đứng riêng một dòng",
                    "bieu_do(…) belongs to the report (the Báo cáo sheet); bang(…) must stand on a line of its own",
                ),
            )
            .with_hint(Text::new(
                "viết bảng bằng các dòng | ô | ô |, hoặc lấy số liệu bằng {{ so_lieu(\"mã bảng\", \"hàng\", \"cột\") }}",
                "write the table as | cell | cell | lines, or take a figure with {{ so_lieu(\"id\", \"row\", \"column\") }}",
            )));
        }
        Ok(text)
    }
}

impl TextData {
    /// The report table a rendered line places (`bang("…")` alone on it).
    pub fn table_at(&self, line: &str) -> Option<&ReportTable> {
        let inner = line.trim().strip_prefix(narrative::MARK)?.strip_suffix(narrative::MARK)?;
        let i: usize = inner.strip_prefix("table:")?.parse().ok()?;
        self.tables.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_subject() {
        assert_eq!(file_stem("Sơ kết 03 năm thực hiện Chương trình OCOP"), "bao-cao-so-ket");
        assert_eq!(file_stem("Tổng kết công tác thi đua, khen thưởng năm 2025"), "bao-cao-tong-ket");
        assert_eq!(file_stem("Kết quả thực hiện nhiệm vụ năm 2025"), "bao-cao");
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
    }
}
