//! What every document is made with besides the clerk's data: the templates (built into
//! the binary, overridable file by file from a `templates/` folder beside the input) and
//! the fonts (Liberation Serif embedded, or the system's Times New Roman). Used by the plan
//! (the MC's conventional lines) and by rendering alike.

mod fonts;
mod templates;

pub use fonts::Fonts;
pub(crate) use fonts::{LIBERATION_SERIF, TIMES_NEW_ROMAN};
pub use templates::{BUILTIN, TemplateStore};
