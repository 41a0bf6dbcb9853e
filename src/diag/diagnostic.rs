//! A diagnostic: what is wrong, where, and how to fix it, in Vietnamese and English; and
//! the collecting sink every stage pushes into.

use serde::Serialize;

use super::location::Loc;

/// How bad a diagnostic is. Ordered: a note < a warning < an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information (an ignored column, a skipped title row).
    Note,
    /// Something was repaired or looks odd; the build goes on.
    Warning,
    /// The input is wrong; nothing is written.
    Error,
}

/// The language of messages to the clerk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English (`--lang en`).
    En,
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text { vi: vi.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable machine name (`missing-value`, `invalid-choice`, …) for tools and tests.
    pub code: &'static str,
    pub loc: Option<Loc>,
    pub message: Text,
    /// How to fix it.
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, loc: Option<Loc>, message: Text) -> Diagnostic {
        Diagnostic { severity, code, loc, message, hint: None }
    }

    pub fn error(code: &'static str, loc: impl Into<Option<Loc>>, message: Text) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, loc.into(), message)
    }

    pub fn warning(code: &'static str, loc: impl Into<Option<Loc>>, message: Text) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, loc.into(), message)
    }

    pub fn note(code: &'static str, loc: impl Into<Option<Loc>>, message: Text) -> Diagnostic {
        Diagnostic::new(Severity::Note, code, loc.into(), message)
    }

    #[must_use]
    pub(crate) fn with_hint(mut self, hint: Text) -> Diagnostic {
        self.hint = Some(hint);
        self
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The collecting sink every stage writes to.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Quote a value for a message, shortened so a pasted paragraph does not flood the screen.
pub fn quote(value: &str) -> String {
    const MAX: usize = 60;
    let shown: String = value.chars().take(MAX).collect();
    if value.chars().count() > MAX { format!("\"{shown}…\"") } else { format!("\"{shown}\"") }
}
