//! Counting what one sheet, and the whole workbook, will cost calamine.

use crate::{Exceeded, Limits};

/// Workbook-wide sums, and the sheet being counted.
pub(crate) struct Tally<'l> {
    pub(crate) limits: &'l Limits,
    text_bytes: u64,
    total_area: u64,
}

/// One sheet's counts.
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) cells: u64,
    /// (min_row, max_row, min_col, max_col), inclusive.
    bbox: Option<(u64, u64, u64, u64)>,
    pub(crate) merges: u64,
    /// ODS: calamine keeps each row from column A, so the box starts at column 0.
    cols_from_zero: bool,
}

/// What a finished sheet leaves behind, to add again when calamine builds it again
/// (an `.xls` sheet named twice).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SheetCost {
    pub(crate) area: u64,
    pub(crate) text: u64,
}

pub(crate) fn clamp32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl Sheet {
    pub(crate) fn new(name: impl Into<String>) -> Sheet {
        Sheet { name: name.into(), cells: 0, bbox: None, merges: 0, cols_from_zero: false }
    }

    pub(crate) fn starting_at_column_a(mut self) -> Sheet {
        self.cols_from_zero = true;
        self
    }

    pub(crate) fn area(&self) -> u64 {
        match self.bbox {
            None => 0,
            Some((r0, r1, c0, c1)) => {
                let c0 = if self.cols_from_zero { 0 } else { c0 };
                (r1 - r0).saturating_add(1).saturating_mul((c1 - c0).saturating_add(1))
            }
        }
    }

    /// A block of `rows` × `cols` non-empty cells whose first cell is (`r0`, `c0`).
    pub(crate) fn cells(&mut self, limits: &Limits, r0: u64, c0: u64, rows: u64, cols: u64) -> Result<(), Exceeded> {
        if rows == 0 || cols == 0 {
            return Ok(());
        }
        let r1 = r0.saturating_add(rows - 1);
        let c1 = c0.saturating_add(cols - 1);
        self.add(limits, rows.saturating_mul(cols), (r0, r1), (c0, c1))
    }

    /// One non-empty cell somewhere in rows `r` × cols `c` (inclusive ranges: where
    /// calamine's readers may put it when they disagree).
    pub(crate) fn cell_in(&mut self, limits: &Limits, r: (u64, u64), c: (u64, u64)) -> Result<(), Exceeded> {
        self.add(limits, 1, r, c)
    }

    fn add(&mut self, limits: &Limits, n: u64, (r0, r1): (u64, u64), (c0, c1): (u64, u64)) -> Result<(), Exceeded> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > limits.max_cells {
            return Err(Exceeded::Cells {
                sheet: self.name.clone(),
                found_at_least: self.cells,
                limit: limits.max_cells,
            });
        }
        let (far_r, far_c, bbox) = match self.bbox {
            None => (r1, c1, (r0, r1, c0, c1)),
            Some((br0, br1, bc0, bc1)) => {
                let far_r = if r1 > br1 || r0 >= br0 { r1 } else { r0 };
                let far_c = if c1 > bc1 || c0 >= bc0 { c1 } else { c0 };
                (far_r, far_c, (br0.min(r0), br1.max(r1), bc0.min(c0), bc1.max(c1)))
            }
        };
        self.bbox = Some(bbox);
        let area = self.area();
        if area > limits.max_area {
            let (r0, r1, c0, c1) = bbox;
            let c0 = if self.cols_from_zero { 0 } else { c0 };
            return Err(Exceeded::Area {
                sheet: self.name.clone(),
                far_cell: (clamp32(far_r), clamp32(far_c)),
                rows: (r1 - r0).saturating_add(1),
                cols: (c1 - c0).saturating_add(1),
                limit: limits.max_area,
            });
        }
        Ok(())
    }

    /// One merged region from `first` to `last` (either order).
    pub(crate) fn merge(&mut self, limits: &Limits, first: (u64, u64), last: (u64, u64)) -> Result<(), Exceeded> {
        self.merges = self.merges.saturating_add(1);
        if self.merges > limits.max_merges {
            return Err(Exceeded::Merges {
                sheet: self.name.clone(),
                found_at_least: self.merges,
                limit: limits.max_merges,
            });
        }
        let rows = first.0.abs_diff(last.0).saturating_add(1);
        let cols = first.1.abs_diff(last.1).saturating_add(1);
        if rows.saturating_mul(cols) > limits.max_area {
            return Err(Exceeded::MergeArea {
                sheet: self.name.clone(),
                first: (clamp32(first.0), clamp32(first.1)),
                last: (clamp32(last.0), clamp32(last.1)),
                limit: limits.max_area,
            });
        }
        Ok(())
    }
}

impl<'l> Tally<'l> {
    pub(crate) fn new(limits: &'l Limits) -> Tally<'l> {
        Tally { limits, text_bytes: 0, total_area: 0 }
    }

    /// `bytes` of cell text materialised for `sheet`.
    pub(crate) fn text(&mut self, sheet: &str, bytes: u64) -> Result<(), Exceeded> {
        self.text_bytes = self.text_bytes.saturating_add(bytes);
        if self.text_bytes > self.limits.max_text_bytes {
            return Err(Exceeded::TextBytes {
                sheet: sheet.to_string(),
                found_at_least: self.text_bytes,
                limit: self.limits.max_text_bytes,
            });
        }
        Ok(())
    }

    /// A sheet is done: its box joins the workbook's sum.
    pub(crate) fn finish(&mut self, sheet: &Sheet) -> Result<(), Exceeded> {
        self.add_area(&sheet.name, sheet.area())
    }

    pub(crate) fn add_area(&mut self, sheet: &str, area: u64) -> Result<(), Exceeded> {
        self.total_area = self.total_area.saturating_add(area);
        if self.total_area > self.limits.max_total_area {
            return Err(Exceeded::TotalArea {
                sheet: sheet.to_string(),
                found_at_least: self.total_area,
                limit: self.limits.max_total_area,
            });
        }
        Ok(())
    }
}
