//! Values of a text document's front matter read loosely: a scalar as text, a list as
//! lines, a key by the names it answers to.

use serde_yaml::Value as Yaml;

use crate::text::slug;

pub(super) fn canonical(keys: &[(&'static str, &[&str])], written: &str) -> Option<&'static str> {
    let s = slug(written);
    keys.iter().find(|(_, names)| names.contains(&s.as_str())).map(|(k, _)| *k)
}

/// A scalar as text (`15` → `"15"`); `None` when empty or not a scalar.
pub(super) fn scalar(v: &Yaml) -> Option<String> {
    let s = match v {
        Yaml::String(s) => s.trim().to_string(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A list: a YAML list, or one line per line of a text (list markers and a final `;` or
/// `,` removed, as in the workbook's settings).
pub(super) fn list(v: &Yaml) -> Vec<String> {
    text_lines(v).unwrap_or_default().into_iter().flat_map(|l| super::lines(Some(l))).collect()
}

pub(super) fn text_lines(v: &Yaml) -> Option<Vec<String>> {
    match v {
        // `- Lưu: VT, NLN` is read by YAML as a key and its value: put back together.
        Yaml::Sequence(items) => Some(
            items
                .iter()
                .filter_map(|i| match i {
                    Yaml::Mapping(m) if m.len() == 1 => m
                        .iter()
                        .next()
                        .and_then(|(k, v)| Some(format!("{}: {}", scalar(k)?, scalar(v).unwrap_or_default()))),
                    other => scalar(other),
                })
                .collect(),
        ),
        other => scalar(other).map(|s| s.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()),
    }
}
