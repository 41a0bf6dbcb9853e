//! vanthu turns a conference workbook into the paperwork pack of a Vietnamese state
//! office, laid out as Decree 30/2020/NĐ-CP requires.
//!
//! ```text
//!  workbook / YAML
//!        │ input::load          cells with their places (sheet!cell, line:col)
//!        │ normalize            NFC, whitespace
//!        │ validate             typed model, every problem at once, located
//!        │ plan                 protocol order, seating, stable file names
//!        │ render               Typst (PDF) and rust_xlsxwriter (XLSX), in memory
//!        ▼ output               atomic writes + manifest
//!   output/<conference id>/
//! ```
//!
//! [`pipeline`] runs the stages in order; [`commands`] maps the command line onto it.

pub mod changes;
pub mod cli;
pub mod commands;
pub mod convert;
pub mod diag;
pub mod input;
pub mod jinja;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod report;
pub mod script;
pub mod seating;
pub mod starter;
pub mod stats;
pub mod text;
pub mod validate;
