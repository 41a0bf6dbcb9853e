//! The parts of the report vanthu adds by itself: the OCOP part when the data has a
//! product list (defined in `templates/bao-cao/ocop.yaml`, in the clerk's own `Bảng biểu`
//! form), and the targets against their plan when the data has targets — unless the
//! clerk's `Bảng biểu` defines a table of the same `Mã`, or (targets) one of its own.

use super::table::{ChartPlan, ChartShape, ReportTable, Series};
use crate::assets::TemplateStore;
use crate::diag::Diagnostics;
use crate::input::{TableKind, schema};
use crate::model::{Dataset, Direction, Place, RowOrder, TableDef, ValueDef};
use crate::plan::stats::Stats;
use crate::text::{loose_key, vi_percent};

/// The OCOP part's definitions.
pub(crate) const OCOP_FILE: &str = "bao-cao/ocop.yaml";

/// The `Mã` of the targets table.
const TARGETS_ID: &str = "chi-tieu";

/// Every table of the report, in order: the OCOP part, the targets, the clerk's.
pub(super) fn definitions(ds: &Dataset, templates: &TemplateStore, diags: &mut Diagnostics) -> Vec<TableDef> {
    let own = &ds.report_tables;
    let overridden = |id: &Option<String>| {
        id.as_deref()
            .is_some_and(|id| own.iter().any(|d| d.id.as_deref().is_some_and(|o| loose_key(o) == loose_key(id))))
    };
    let mut out = Vec::new();
    if !ds.products.is_empty() {
        let text = templates.text(OCOP_FILE).unwrap_or_default();
        let mut ocop =
            crate::validate::report_tables::report_tables_of_yaml(&text, &templates.display(OCOP_FILE), diags);
        for def in &mut ocop {
            // The districts in the order the settings give.
            if let Some(axis) = &mut def.rows
                && axis.values.is_empty()
                && schema::table(TableKind::Products).column("district").is_some_and(|c| c.matches(&axis.column))
            {
                axis.values = ds.report_settings.district_order.clone();
            }
        }
        out.extend(ocop.into_iter().filter(|d| !overridden(&d.id)));
    }
    let targets_sheet = schema::table(TableKind::Targets);
    let own_targets = own.iter().any(|d| targets_sheet.matches_sheet(&d.source));
    if !ds.targets.is_empty() && !own_targets && !overridden(&Some(TARGETS_ID.into())) {
        out.push(targets_def(ds));
    }
    out.extend(own.iter().cloned());
    out
}

/// The targets against their plan: a list of the `Chỉ tiêu` rows.
fn targets_def(ds: &Dataset) -> TableDef {
    let values = ["Chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"]
        .map(|v| ValueDef { label: None, text: v.into() })
        .to_vec();
    let src = ds.targets[0].src.clone();
    TableDef {
        id: Some(TARGETS_ID.into()),
        title: "Kết quả thực hiện chỉ tiêu".into(),
        source: schema::table(TableKind::Targets).sheet.into(),
        rows: None,
        columns: None,
        values,
        filters: Vec::new(),
        unit: None,
        total: Some(false),
        share: false,
        change: false,
        order: RowOrder::Data,
        place: Place::Appendix { number: None, title: None },
        chart: None,
        src,
    }
}

/// `Số sản phẩm OCOP đạt 3 sao trở lên` → `3 sao trở lên` when every target starts the
/// same way before ` đạt `; else the names as they are (the chart wraps them).
fn short_names(names: &[&str]) -> Vec<String> {
    let heads: Vec<Option<&str>> = names.iter().map(|n| n.split_once(" đạt ").map(|(h, _)| h)).collect();
    let same = heads.first().copied().flatten().is_some_and(|first| heads.iter().all(|h| *h == Some(first)));
    names
        .iter()
        .map(|n| if same { n.split_once(" đạt ").map_or(*n, |(_, t)| t).to_string() } else { n.to_string() })
        .collect()
}

/// The targets' chart: planned against achieved with the percentage, when every target is
/// met by reaching its plan and all share one unit; else the percentage of the plan of
/// those that are (one unit, `%`); none when no target is.
pub(super) fn targets_chart(ds: &Dataset, stats: &Stats, tables: &mut [ReportTable]) {
    let own = ds.report_tables.iter().any(|d| d.id.as_deref().is_some_and(|i| loose_key(i) == loose_key(TARGETS_ID)));
    if own {
        return;
    }
    let Some(table) = tables.iter_mut().find(|t| t.id.as_deref() == Some(TARGETS_ID)) else { return };
    let column = |name: &str| table.columns.iter().position(|c| c.header == name);
    let rows = &stats.targets;
    let names: Vec<&str> = rows.iter().map(|t| t.name.as_str()).collect();
    let short = short_names(&names);
    let label = |i: usize| match rows[i].year {
        Some(y) => format!("{y}\n{}", short[i]),
        None => short[i].clone(),
    };
    let units: std::collections::BTreeSet<Option<&str>> = rows.iter().map(|t| t.unit.as_deref()).collect();
    let all_higher = ds.targets.iter().all(|t| t.direction == Direction::Higher);
    let chart = if all_higher && units.len() == 1 {
        let unit = units.into_iter().next().flatten().map(str::to_string);
        ChartPlan {
            shape: ChartShape::Progress,
            title: "Kết quả thực hiện chỉ tiêu".into(),
            categories: (0..rows.len()).map(label).collect(),
            series: vec![
                Series { name: "Kế hoạch".into(), values: rows.iter().map(|t| t.planned).collect() },
                Series { name: "Thực hiện".into(), values: rows.iter().map(|t| t.achieved).collect() },
            ],
            labels: None,
            notes: rows.iter().map(|t| t.percent.map(|p| format!("{}%", vi_percent(p)))).collect(),
            unit,
            reference: None,
            columns: [column("Kế hoạch"), column("Thực hiện")].into_iter().flatten().collect(),
        }
    } else {
        let measured: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].percent.is_some()).collect();
        if measured.is_empty() {
            return;
        }
        ChartPlan {
            shape: ChartShape::Bars,
            title: "Tỷ lệ thực hiện so với kế hoạch".into(),
            categories: measured.iter().map(|&i| label(i)).collect(),
            series: vec![Series {
                name: "Tỷ lệ (%)".into(),
                values: measured.iter().map(|&i| rows[i].percent.unwrap_or(0.0)).collect(),
            }],
            labels: Some(
                measured.iter().map(|&i| format!("{}%", vi_percent(rows[i].percent.unwrap_or(0.0)))).collect(),
            ),
            notes: vec![None; measured.len()],
            unit: Some("%".into()),
            reference: Some((100.0, "Kế hoạch (100%)".into())),
            columns: column("Tỷ lệ (%)").into_iter().collect(),
        }
    };
    table.chart = Some(chart);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_heads_are_shortened() {
        assert_eq!(
            short_names(&["Số sản phẩm OCOP đạt 3 sao trở lên", "Số sản phẩm OCOP đạt 4 sao"]),
            ["3 sao trở lên", "4 sao"]
        );
        assert_eq!(short_names(&["Số hồ sơ đạt chuẩn", "Tỷ lệ hộ nghèo"]), ["Số hồ sơ đạt chuẩn", "Tỷ lệ hộ nghèo"]);
    }
}
