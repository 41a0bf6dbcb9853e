//! The check of a conference as the page shows it: every message grouped by sheet (or
//! file), each with its cell, the message, the fix, and the row it is in as the sheet holds
//! it. A check is made once per version of the folder ([`Conf::stamp`]) and kept.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::workspace::Conf;
use crate::diag::{Diagnostic, Diagnostics, Loc, Severity, column_letters};
use crate::input::{RawDataset, Source};
use crate::pipeline::{self, Timings};

/// The most messages a page lists (the counts are always whole).
const SHOWN: usize = 500;

/// What the list and the conference's page say of it.
#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct Summary {
    pub title: String,
    pub date: String,
    pub body: String,
    pub venue: String,
    pub delegates: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Item {
    /// `loi`, `canh-bao`, `ghi-chu`.
    pub level: &'static str,
    /// `D12`, `dòng 12`, `dòng 4, cột 3` …
    pub place: String,
    pub header: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    /// The row as the sheet holds it: (column, value), for a message at a cell or row.
    pub row: Vec<(String, String)>,
    /// The line of a text document, for the editor.
    pub line: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Group {
    /// The sheet, or the file.
    pub name: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct CheckView {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub groups: Vec<Group>,
    /// Messages not listed (beyond [`SHOWN`]).
    pub more: usize,
    pub summary: Option<Summary>,
}

#[derive(Default)]
pub(crate) struct Checks {
    map: Mutex<HashMap<String, (u64, Arc<CheckView>)>>,
}

impl Checks {
    /// The check of `conf` as its folder is now; made when the folder changed since the
    /// last one. Blocking: call it off the async threads.
    pub(crate) fn get(&self, conf: &Conf) -> Arc<CheckView> {
        let stamp = conf.stamp();
        if let Some((s, v)) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&conf.name)
            && *s == stamp
        {
            return v.clone();
        }
        let view = Arc::new(check(conf));
        self.put(conf, stamp, view.clone());
        view
    }

    /// The check last made, if any, without making one.
    pub(crate) fn cached(&self, conf: &Conf) -> Option<Arc<CheckView>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&conf.name).map(|(_, v)| v.clone())
    }

    pub(crate) fn forget(&self, conf: &Conf) {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).remove(&conf.name);
    }

    pub(crate) fn put(&self, conf: &Conf, stamp: u64, view: Arc<CheckView>) {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).insert(conf.name.clone(), (stamp, view));
    }
}

/// A check of one error about the whole folder.
fn folder_error(conf: &Conf, message: String, hint: String) -> CheckView {
    CheckView {
        errors: 1,
        groups: vec![Group {
            name: conf.name.clone(),
            items: vec![Item {
                level: "loi",
                place: String::new(),
                header: None,
                message,
                hint: Some(hint),
                row: Vec::new(),
                line: None,
            }],
        }],
        ..CheckView::default()
    }
}

fn check(conf: &Conf) -> CheckView {
    if let Some((message, hint)) = conf.twins() {
        return folder_error(conf, message, hint);
    }
    let Some(input) = conf.input() else {
        return folder_error(
            conf,
            "thư mục chưa có bảng tính hội nghị (hoi-nghi.xlsx)".into(),
            "tải bảng tính lên, hoặc lưu hoi-nghi.xlsx vào thư mục này".into(),
        );
    };
    let source = Source::File(input);
    let mut diags = Diagnostics::new();
    let prepared = pipeline::prepare(&source, &mut diags, &mut Timings::default());
    let summary = prepared.as_ref().map(|p| {
        let ds = &p.dataset;
        Summary {
            title: ds.conference.title.clone(),
            date: ds.conference.date.dmy(),
            body: ds.issuer.name.clone(),
            venue: ds.conference.venue.clone(),
            delegates: ds.delegates.len(),
        }
    });
    let mut view = view(&source, &diags);
    view.summary = summary;
    view
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "loi",
        Severity::Warning => "canh-bao",
        Severity::Note => "ghi-chu",
    }
}

/// The group a message goes in, and its place there.
fn place(loc: Option<&Loc>) -> (String, String, Option<String>, Option<u32>) {
    match loc {
        None => ("Chung".into(), String::new(), None, None),
        Some(Loc::File { file }) => (file.to_string(), String::new(), None, None),
        Some(Loc::Sheet { sheet, .. }) => (sheet.to_string(), "cả sheet".into(), None, None),
        Some(Loc::Row { sheet, row, .. }) => (sheet.to_string(), format!("dòng {row}"), None, None),
        Some(Loc::Cell { sheet, row, col, header, .. }) => {
            (sheet.to_string(), format!("{}{row}", column_letters(*col)), header.as_deref().map(str::to_string), None)
        }
        Some(Loc::Yaml { file, line, path, .. }) => {
            (file.to_string(), format!("dòng {line}"), (!path.is_empty()).then(|| path.to_string()), Some(*line))
        }
        Some(Loc::Template { file, line, col }) => {
            (file.to_string(), format!("dòng {line}, cột {col}"), None, Some(*line))
        }
        Some(Loc::Text { file, line, col }) => (file.to_string(), format!("dòng {line}, cột {col}"), None, Some(*line)),
    }
}

/// The rows messages point at, as the input holds them: (sheet, row) → (column, value).
fn rows(source: &Source, diags: &Diagnostics) -> HashMap<(String, u32), Vec<(String, String)>> {
    let wanted: std::collections::HashSet<(String, u32)> = diags
        .iter()
        .filter_map(|d| match &d.loc {
            Some(Loc::Cell { sheet, row, .. } | Loc::Row { sheet, row, .. }) => Some((sheet.to_string(), *row)),
            _ => None,
        })
        .take(SHOWN)
        .collect();
    let mut out: HashMap<(String, u32), BTreeMap<u32, (String, String)>> = HashMap::new();
    if wanted.is_empty() {
        return HashMap::new();
    }
    let Some(raw) = crate::input::load(source, &mut Diagnostics::new()) else { return HashMap::new() };
    let mut note = |loc: &Loc, value: String| {
        if let Loc::Cell { sheet, row, col, header, .. } = loc {
            let key = (sheet.to_string(), *row);
            if wanted.contains(&key) {
                let name = header.as_deref().map_or_else(|| column_letters(*col), str::to_string);
                out.entry(key).or_default().insert(*col, (name, value));
            }
        }
    };
    visit(&raw, &mut note);
    out.into_iter().map(|(k, cols)| (k, cols.into_values().collect())).collect()
}

fn visit(raw: &RawDataset, note: &mut impl FnMut(&Loc, String)) {
    for table in raw.tables.values() {
        for record in &table.records {
            for cell in record.cells.values() {
                note(&cell.loc, cell.value.display());
            }
        }
    }
    for free in &raw.free {
        for row in &free.rows {
            for cell in row.cells.iter().flatten() {
                note(&cell.loc, cell.value.display());
            }
        }
    }
}

/// Every message of `diags`, grouped, in the order the pipeline found them.
pub(crate) fn view(source: &Source, diags: &Diagnostics) -> CheckView {
    let rows = rows(source, diags);
    let mut groups: Vec<Group> = Vec::new();
    let mut shown = 0;
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    // Errors first, then warnings, then notes; each in the order found.
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    for d in sorted.into_iter().take(SHOWN) {
        let (group, place, header, line) = place(d.loc.as_ref());
        let row = match &d.loc {
            Some(Loc::Cell { sheet, row, .. } | Loc::Row { sheet, row, .. }) => {
                rows.get(&(sheet.to_string(), *row)).cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let item = Item {
            level: level(d.severity),
            place,
            header,
            message: d.message.vi.clone(),
            hint: d.hint.as_ref().map(|h| h.vi.clone()),
            row,
            line,
        };
        match groups.iter_mut().find(|g| g.name == group) {
            Some(g) => g.items.push(item),
            None => groups.push(Group { name: group, items: vec![item] }),
        }
        shown += 1;
    }
    CheckView {
        errors: diags.count(Severity::Error),
        warnings: diags.count(Severity::Warning),
        notes: diags.count(Severity::Note),
        more: diags.len() - shown,
        groups,
        summary: None,
    }
}
