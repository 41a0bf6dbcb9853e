#![allow(clippy::disallowed_methods)]
//! The integration tests: one binary, one module per feature, each working on real files
//! in a temporary folder (see `util`). They need poppler-utils and mupdf-tools (installed
//! by `.ci/run`).

mod util;

mod architecture;
mod awards;
mod cli;
mod edits;
mod incremental;
mod layout;
mod legacy;
mod messy;
mod output;
mod pack_hashes;
mod report;
mod robustness;
mod safety;
mod sample;
mod script;
mod seating;
mod starter;
mod validation;
mod watch;
