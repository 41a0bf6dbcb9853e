//! What the clerk reads: diagnostics (human or JSON), status lines in their language, the
//! stage timings, and the exit status (0 success, 1 invalid input, 2 usage, 3 internal).

use crate::diag::{Diagnostics, Lang, Severity, emit};
use crate::pipeline::{Outcome, Timings};

/// Exit statuses, one meaning each (the README lists them).
pub(crate) const OK: u8 = 0;
/// The input has errors: nothing was written.
pub(crate) const INVALID: u8 = 1;
/// The command cannot be carried out as asked: an unknown option or value, no input to
/// read, a file that exists without `--force`, a folder that is not a pack without
/// `--ghi-de`.
pub(crate) const USAGE: u8 = 2;
/// The system failed us: a file could not be read or written (permissions, a full disk).
pub(crate) const INTERNAL: u8 = 3;

pub(crate) struct Console {
    pub lang: Lang,
    pub quiet: bool,
    pub json: bool,
}

impl Console {
    pub(crate) fn diagnostics(&self, diags: &Diagnostics) {
        let shown: Diagnostics =
            diags.iter().filter(|d| !self.quiet || d.severity == Severity::Error).cloned().collect();
        // JSON is for other programs: on stdout. Human messages go to stderr.
        let _ = if self.json {
            emit(&mut std::io::stdout().lock(), &shown, self.lang, true)
        } else {
            emit(&mut std::io::stderr().lock(), &shown, self.lang, false)
        };
    }

    pub fn line(&self, vi: String, en: String) {
        if !self.quiet {
            eprintln!("{}", if self.lang == Lang::Vi { vi } else { en });
        }
    }

    pub(crate) fn timings(&self, t: &Timings) {
        for (stage, d) in &t.0 {
            eprintln!("  {stage:<10} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
    }

    pub fn status(&self, outcome: &Outcome) -> u8 {
        self.diagnostics(&outcome.diags);
        if outcome.internal_failure {
            INTERNAL
        } else if outcome.usage_error {
            USAGE
        } else if outcome.diags.has_errors() {
            INVALID
        } else {
            OK
        }
    }
}
