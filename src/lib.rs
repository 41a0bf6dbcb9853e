//! vanthu turns a conference workbook into the paperwork pack of a Vietnamese state
//! office, laid out as Decree 30/2020/NĐ-CP requires.
//!
//! ```text
//!  workbook / YAML
//!        │ input::load          cells with their places (sheet!cell, line:col)
//!        │ normalize            NFC, whitespace, old encodings
//!        │ validate             typed model, every problem at once, located
//!        │ plan                 protocol order, seating, the script, the report's figures
//!        │ render               Typst (PDF) and rust_xlsxwriter (XLSX), in memory
//!        ▼ output               atomic writes + manifest
//!   output/<conference id>/
//! ```
//!
//! The modules are floors: each imports only the ones below it (`tests/architecture.rs`
//! checks it). Ground: [`text`], [`diag`], [`assets`], [`jinja`], [`model`]. Stages:
//! [`input`] → [`normalize`] → [`validate`] → [`plan`] → [`pack`] / [`render`] →
//! [`output`]. On top: [`pipeline`] runs the stages in order; [`workbook`] writes the
//! clerk's workbooks (starter, conversion); [`cli`] and [`commands`] map the command line
//! onto them.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod input;
pub mod jinja;
pub mod limits;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pack;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod serve;
pub mod text;
pub mod validate;
pub mod workbook;
