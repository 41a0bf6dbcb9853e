#![allow(clippy::disallowed_methods)]
//! The integration tests: one binary, one module per feature, each working on real files
//! in a temporary folder (see `util`). PDFs are read back in Rust (`util::pdf`), so the
//! tests need nothing but the Rust toolchain.

mod util;

mod agencies;
mod architecture;
mod authorities;
mod awards;
mod bounds;
mod central;
mod cli;
mod documents;
mod e2e;
mod e2e_smoke;
mod edits;
mod hostile;
mod incremental;
mod kinds;
mod layout;
mod legacy;
mod messy;
mod output;
mod pack_hashes;
mod props;
mod protocol;
mod readme;
mod report;
mod robustness;
mod rooms;
mod safety;
mod sample;
mod scale;
mod script;
mod seating;
mod serve;
mod silent;
mod starter;
mod statistics;
mod text_forms;
mod validation;
mod votes;
mod watch;
