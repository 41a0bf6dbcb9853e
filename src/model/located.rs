//! Where a record of the model came from, so later stages (seating, the script) can point
//! at the cell of a problem they find.

use std::collections::BTreeMap;

use crate::diag::{Loc, Origin};

/// Where a record's fields are, for messages from later stages (a seat that does not
/// exist, an MC line that fails).
#[derive(Debug, Clone, PartialEq)]
pub struct Src {
    pub origin: Origin,
    pub cells: BTreeMap<&'static str, Loc>,
}

impl Src {
    pub fn loc(&self, key: &str) -> Loc {
        self.cells.get(key).cloned().unwrap_or_else(|| self.origin.field_loc(key))
    }
}
