//! Reading the two-column settings sheet.

use std::collections::BTreeMap;
use std::sync::Arc;

use calamine::{Data, Range};

use super::super::raw::{Cell, Value};
use super::super::schema::{self, SETTINGS_LABEL_HEADER, SETTINGS_VALUE_HEADER, STT};
use super::extras::SheetExtras;
use super::grid::grid;
use super::header::HEADER_SEARCH_ROWS;
use super::rows::legacy_candidate;
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::text::loose_key;

/// Reads the two-column settings sheet: a label (matched loosely) and its value, in the
/// `Giá trị` column when the sheet has that header, else in the next cell to the right.
pub(super) fn read_settings(
    range: &Range<Data>,
    extras: &mut SheetExtras<'_>,
    file: &Arc<str>,
    sheet: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<&'static str, Cell> {
    let g = grid(range);
    let sheet_arc: Arc<str> = sheet.into();
    let mut value_col: Option<usize> = None;
    let mut label_col: Option<usize> = None;
    for r in 0..g.height().min(HEADER_SEARCH_ROWS) {
        let l = (0..g.width()).find(|&c| loose_key(&g.text(r, c)) == loose_key(SETTINGS_LABEL_HEADER));
        let v = (0..g.width()).find(|&c| loose_key(&g.text(r, c)) == loose_key(SETTINGS_VALUE_HEADER));
        if let (Some(l), Some(v)) = (l, v) {
            (label_col, value_col) = (Some(l), Some(v));
            break;
        }
    }
    let mut out: BTreeMap<&'static str, Cell> = BTreeMap::new();
    let mut unknown = Vec::new();
    for r in 0..g.height() {
        let label_c = match label_col {
            Some(c) => c,
            // Without a header, the label is the first cell with text (an STT number
            // before it is skipped).
            None => match (0..g.width()).find(|&c| {
                let v = g.get(r, c);
                !v.is_empty()
                    && !matches!(v, Value::Number(_))
                    && v.display().trim().trim_end_matches('.').parse::<f64>().is_err()
            }) {
                Some(c) => c,
                None => continue,
            },
        };
        let label = g.label(r, label_c, extras);
        if label.trim().is_empty() {
            continue;
        }
        let Some(spec) = schema::setting_by_label(&label) else {
            let k = loose_key(&label);
            if k != loose_key(SETTINGS_LABEL_HEADER) && !k.is_empty() && k != loose_key(STT) && g.width() > label_c + 1
            {
                let value_c = value_col.unwrap_or(label_c + 1);
                if !g.get(r, value_c).is_empty() {
                    unknown.push(crate::text::clean_inline(&label));
                }
            }
            continue;
        };
        let c = value_col.unwrap_or(label_c + 1);
        let mut value = g.get(r, c);
        // An empty value that is a formula: its result was never saved (see the tables).
        if matches!(value, Value::Empty)
            && let Some(f) = extras.formula_at(g.excel_row(r) - 1, g.excel_col(c))
        {
            value = Value::Error(format!("={f}"));
        }
        let loc = Loc::Cell {
            file: file.clone(),
            sheet: sheet_arc.clone(),
            row: g.excel_row(r),
            col: g.excel_col(c),
            header: Some(spec.label.as_str().into()),
        };
        let key: &'static str = spec.key.as_str();
        if out.contains_key(key) {
            diags.push(Diagnostic::warning(
                "duplicate-setting",
                loc,
                Text::new(
                    format!("“{}” được khai báo hai lần; dùng giá trị đầu tiên", spec.label),
                    format!("“{}” is given twice; the first value is used", spec.label),
                ),
            ));
            continue;
        }
        let font = legacy_candidate(&value).then(|| extras.legacy_font(g.excel_row(r) - 1, g.excel_col(c))).flatten();
        out.insert(key, Cell { value, loc, font });
    }
    if !unknown.is_empty() {
        diags.push(Diagnostic::note(
            "unknown-settings",
            Loc::Sheet { file: file.clone(), sheet: sheet_arc },
            Text::new(
                format!(
                    "các dòng không dùng đến được bỏ qua: {}",
                    unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")
                ),
                format!("unused rows ignored: {}", unknown.iter().map(|u| quote(u)).collect::<Vec<_>>().join(", ")),
            ),
        ));
    }
    out
}
