//! The legal grounds of an award decision, by its date and the issuing body's level, from
//! the editable `templates/quyet-dinh/can-cu.yaml`.

use serde::Deserialize;

use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Loc, Text};
use crate::model::Level;
use crate::text::{Date, parse_date_text};

/// The file of legal grounds by period.
pub const GROUNDS_FILE: &str = "quyet-dinh/can-cu.yaml";

#[derive(Debug, Deserialize)]
struct GroundsFile {
    periods: Vec<Period>,
}

#[derive(Debug, Deserialize)]
struct Period {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
    grounds: Vec<Ground>,
}

/// A ground for every level, or for some.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Ground {
    All(String),
    Some {
        text: String,
        #[serde(default)]
        cap: Vec<String>,
    },
}

/// The file's name for a level (`tinh`, `so`, `huyen`, `xa`, `bo`, `cuc`, `don_vi`,
/// `co_quan`).
fn level_key(level: Level) -> &'static str {
    match level {
        Level::Province => "tinh",
        Level::Department => "so",
        Level::District => "huyen",
        Level::Commune => "xa",
        Level::Ministry => "bo",
        Level::UnderMinistry => "cuc",
        Level::PublicUnit => "don_vi",
        Level::Agency => "co_quan",
    }
}

/// The rank of the instrument a ground cites, highest first: the Constitution, laws (and
/// the National Assembly's resolutions), ordinances, the Government's decrees, the Prime
/// Minister's decisions, circulars, then everything else (a ministry's, a province's or the
/// body's own decisions, rules, plans).
fn rank(ground: &str) -> u8 {
    let k = crate::text::loose_key(ground);
    let k = k.strip_prefix("cancu").or_else(|| k.strip_prefix("xet")).unwrap_or(&k);
    let k = k.strip_prefix("vao").unwrap_or(k);
    if k.starts_with("hienphap") {
        0
    } else if k.starts_with("luat") || k.starts_with("boluat") || (k.starts_with("nghiquyet") && k.contains("quochoi"))
    {
        1
    } else if k.starts_with("phaplenh") {
        2
    } else if k.starts_with("nghidinh") {
        3
    } else if k.starts_with("quyetdinh") && k.contains("thutuong") {
        4
    } else if k.starts_with("thongtu") {
        5
    } else {
        6
    }
}

/// The grounds in the order of their instruments' rank (laws → decrees → circulars →
/// decisions), each rank in the order given.
pub fn by_rank(grounds: &mut [String]) {
    grounds.sort_by_key(|g| rank(g));
}

/// Reads a `dd/mm/yyyy` boundary of the file; `why` turns a problem into its error.
pub(super) fn boundary(text: &Option<String>, why: &dyn Fn(String) -> Diagnostic) -> Result<Option<Date>, Diagnostic> {
    match text.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_date_text(s).map(Some).ok_or_else(|| why(format!("ngày “{s}” / date “{s}”"))),
    }
}

/// The grounds in force on `date` for a body of `level`, without their final `;`.
pub fn grounds_for(store: &TemplateStore, date: Date, level: Level) -> Result<Vec<String>, Diagnostic> {
    let loc = || Loc::File { file: store.display(GROUNDS_FILE).into() };
    let bad = |why: String| {
        Diagnostic::error(
            "grounds-file",
            loc(),
            Text::new(
                format!("tệp căn cứ pháp lý không đọc được: {why}"),
                format!("the legal grounds file cannot be read: {why}"),
            ),
        )
    };
    let file: GroundsFile = store.data(GROUNDS_FILE).map_err(bad)?;
    for p in &file.periods {
        let (from, until) = (boundary(&p.from, &bad)?, boundary(&p.until, &bad)?);
        if from.is_none_or(|f| f <= date) && until.is_none_or(|u| date <= u) {
            let key = level_key(level);
            let lines = p.grounds.iter().filter_map(|g| match g {
                Ground::All(t) => Some(t),
                Ground::Some { text, cap } => (cap.is_empty() || cap.iter().any(|c| c.trim() == key)).then_some(text),
            });
            return Ok(lines.map(|g| g.trim().trim_end_matches([';', '.']).to_string()).collect());
        }
    }
    Err(Diagnostic::error(
        "grounds-file",
        loc(),
        Text::new(
            format!("không có căn cứ pháp lý nào cho ngày {}", date.dmy()),
            format!("no legal grounds cover the date {}", date.dmy()),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_go_from_laws_to_the_body_s_own_decisions() {
        let mut g: Vec<String> = [
            "Căn cứ Quyết định số 12/QĐ-ĐHNL ngày 05 tháng 01 năm 2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
            "Căn cứ Quyết định số 1234/QĐ-TTg ngày 20 tháng 11 năm 2004 của Thủ tướng Chính phủ về việc thành lập Trường",
            "Căn cứ Luật Giáo dục đại học ngày 10 tháng 12 năm 2025",
            "Căn cứ Thông tư số 29/2023/TT-BGDĐT ngày 29 tháng 12 năm 2023",
        ]
        .map(String::from)
        .to_vec();
        by_rank(&mut g);
        let first_words: Vec<&str> = g.iter().map(|x| x.split_whitespace().nth(2).unwrap()).collect();
        assert_eq!(first_words, ["Luật", "Luật", "Nghị", "Quyết", "Thông", "Quyết"]);
        assert!(g[0].contains("Thi đua") && g[1].contains("Giáo dục đại học"), "stable within a rank: {g:?}");
        assert!(g[3].contains("Thủ tướng") && g[5].contains("Quy chế"));
    }
}
