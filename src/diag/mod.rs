//! Diagnostics: every problem the clerk must see, with where it is and how to fix it.
//!
//! Stages never stop at the first problem: they push into [`Diagnostics`] and go on, so
//! `vanthu check` lists everything at once. Each message is stored in Vietnamese and in
//! English ([`Text`]); the printer picks the language.

mod diagnostic;
mod emit;
mod location;

pub use diagnostic::Diagnostic;
pub use diagnostic::{Diagnostics, Lang, Severity, Text, quote};
pub(crate) use emit::emit;
pub use emit::render_line;
pub use location::Loc;
pub use location::Origin;
pub use location::column_letters;
