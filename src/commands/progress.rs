//! Progress on the terminal: a bar when stderr is a terminal, plain lines otherwise.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

use crate::render::{Progress, Silent};

struct Bar(Mutex<Option<ProgressBar>>);

impl Progress for Bar {
    fn start(&self, label: &str, total: usize) {
        let style = ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len}").map(|s| s.progress_chars("=> "));
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar.set_message(label.to_string());
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar);
    }

    fn inc(&self) {
        if let Some(bar) = self.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() {
            bar.finish_and_clear();
        }
    }
}

struct Lines;

impl Progress for Lines {
    fn start(&self, label: &str, total: usize) {
        // The files made: each person's and the print files (253 invitations: 254 files).
        eprintln!("{label}: {total} tệp PDF …");
    }
}

pub(crate) fn for_terminal(silent: bool) -> Box<dyn Progress> {
    if silent {
        Box::new(Silent)
    } else if std::io::stderr().is_terminal() {
        Box::new(Bar(Mutex::new(None)))
    } else {
        Box::new(Lines)
    }
}
