//! Where the conference comes from when the command line names no file.

use std::path::PathBuf;

use crate::input::Source;

/// The embedded sample conference (`data/so-ket-ocop-2023`).
pub fn sample() -> Source {
    Source::Embedded {
        name: "data/so-ket-ocop-2023/hoi-nghi.xlsx",
        bytes: include_bytes!("../../data/so-ket-ocop-2023/hoi-nghi.xlsx"),
    }
}

pub fn source(input: Option<PathBuf>) -> Source {
    input.map_or_else(sample, Source::File)
}
