//! What a sheet holds beyond its values: merged regions, formulas, cell fonts.

use std::io::Cursor;

use calamine::{Dimensions, Range, Reader, Sheets, StyleRange};

use crate::text::legacy::{self, Legacy};

/// What a sheet holds beyond its values — merged regions, cell fonts — read only when a
/// row might need it, since each parses the sheet again.
pub(crate) struct SheetExtras<'a> {
    pub(super) sheets: &'a mut Sheets<Cursor<Vec<u8>>>,
    pub(super) sheet: &'a str,
    pub(super) merges: Option<Vec<Dimensions>>,
    pub(super) styles: Option<StyleRange>,
    pub(super) formulas: Option<Range<String>>,
}

impl SheetExtras<'_> {
    /// The merged regions of the sheet.
    pub(super) fn merges(&mut self) -> &[Dimensions] {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        self.merges.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match sheets {
                Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
                Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
                _ => Vec::new(),
            }))
            .unwrap_or_default()
        })
    }

    /// The formula of the cell at (0-based) `row`, `col`, if it has one: a cell that looks
    /// empty may hold a formula whose value was never computed (a file written by a
    /// program and never opened in Excel).
    pub(super) fn formula_at(&mut self, row: u32, col: u32) -> Option<String> {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        let formulas = self.formulas.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sheets.worksheet_formula(sheet).ok()))
                .ok()
                .flatten()
                .unwrap_or_default()
        });
        formulas.get_value((row, col)).filter(|f| !f.is_empty()).cloned()
    }

    /// The old font encoding named by the font of the cell at (0-based) `row`, `col`:
    /// `.VnTime` → TCVN3, `VNI-Times` → VNI (nd30-layout §5.4).
    pub(super) fn legacy_font(&mut self, row: u32, col: u32) -> Option<Legacy> {
        let (sheets, sheet) = (&mut *self.sheets, self.sheet);
        let styles = self.styles.get_or_insert_with(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sheets.worksheet_style(sheet).ok()))
                .ok()
                .flatten()
                .unwrap_or_default()
        });
        let name = styles.get((row, col))?.font.as_ref()?.name.as_deref()?;
        legacy::from_font(name)
    }
}
