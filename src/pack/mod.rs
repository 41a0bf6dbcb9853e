//! The pack as a set of files: which documents there are ([`DocKind`]), each file with the
//! key of what it was made from ([`Artefact`]), the previous build's manifest and which of
//! its files can be kept ([`Manifest`], [`Reuse`]), and what changed since then
//! ([`Changes`]). Nothing here renders or writes; `render` makes artefacts and `output`
//! writes them.

mod artefact;
mod changes;
mod changeset;
mod kind;
mod manifest;

pub use artefact::{Artefact, Body};
pub use changes::{Change, Changes, Snapshot};
pub use changes::{compare, snapshot};
pub use changeset::Changeset;
pub use kind::DocKind;
pub use manifest::Manifest;
pub use manifest::native;
pub(crate) use manifest::{MANIFEST, Reuse, sha256};
