//! Progress reporting, so the library stays free of terminal concerns.

pub trait Progress: Sync {
    fn start(&self, _label: &str, _total: usize) {}
    fn inc(&self) {}
    fn finish(&self) {}
}

/// Reports nothing (tests, `--quiet`).
pub struct Silent;

impl Progress for Silent {}
