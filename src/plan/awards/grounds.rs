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

/// The file's name for a level (`tinh`, `so`, `huyen`, `xa`, `co_quan`).
fn level_key(level: Level) -> &'static str {
    match level {
        Level::Province => "tinh",
        Level::Department => "so",
        Level::District => "huyen",
        Level::Commune => "xa",
        Level::Agency => "co_quan",
    }
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
