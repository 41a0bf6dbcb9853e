//! One sheet substream, read as calamine's `parse_workbook` reads it.

use super::Stream;
use crate::Exceeded;
use crate::strlens::StrLens;
use crate::tally::{Sheet, SheetCost, Tally, clamp32};

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Scans the sheet at stream position `pos` up to its EOF: cell records (LABELSST,
/// LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA and the STRING after it),
/// MERGEDCELLS, and DIMENSIONS (calamine reserves its rows × cols). Embedded substreams
/// (charts) are skipped as calamine skips them. Returns the sheet's cost and the bytes read.
pub(super) fn sheet(
    s: &Stream<'_>,
    tally: &mut Tally<'_>,
    pos: usize,
    name: &str,
    sst: &StrLens,
) -> Result<(SheetCost, usize), Exceeded> {
    let limits = tally.limits;
    let mut sheet = Sheet::new(name);
    let mut text = 0u64;
    let mut p = pos;
    let (mut seen_bof, mut depth) = (false, 0usize);
    let mut fmla = (0u64, 0u64);
    let mut buf = Vec::new();
    while let Ok(Some((rec, next))) = s.record(p) {
        p = next;
        if depth > 0 {
            match rec.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        s.bytes(rec.data, &mut buf);
        let b = buf.as_slice();
        let at = |b: &[u8]| Some((u64::from(u16_at(b, 0)?), u64::from(u16_at(b, 2)?)));
        match rec.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => dimensions(&mut sheet, limits, b)?,
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                if let Some((r, c)) = at(b) {
                    sheet.cell_in(limits, (r, r), (c, c))?;
                }
            }
            0x0207 => sheet.cell_in(limits, (fmla.0, fmla.0), (fmla.1, fmla.1))?,
            0x0006 if b.len() >= 20 => {
                if let Some((r, c)) = at(b) {
                    fmla = (r, c);
                    sheet.cell_in(limits, (r, r), (c, c))?;
                }
            }
            0x00FD if b.len() >= 10 => {
                let (Some((r, c)), Some(i)) = (at(b), u32_at(b, 6)) else { continue };
                if let Some(len) = sst.get(i as usize) {
                    sheet.cell_in(limits, (r, r), (c, c))?;
                    text = text.saturating_add(len);
                    tally.text(name, len)?;
                }
            }
            0x00BD if b.len() >= 6 => {
                let (Some(row), Some(first), Some(last)) = (u16_at(b, 0), u16_at(b, 2), u16_at(b, b.len() - 2)) else {
                    continue;
                };
                let span = usize::from(last.wrapping_sub(first).wrapping_add(1));
                if b.len() == 6 + 6 * span {
                    let n = ((b.len() - 6) / 6) as u64;
                    sheet.cells(limits, row.into(), first.into(), 1, n)?;
                }
            }
            0x00E5 => {
                let count = u16_at(b, 0).unwrap_or(0);
                for i in 0..usize::from(count) {
                    let off = 2 + 8 * i;
                    let (Some(rf), Some(rl), Some(cf), Some(cl)) =
                        (u16_at(b, off), u16_at(b, off + 2), u16_at(b, off + 4), u16_at(b, off + 6))
                    else {
                        break;
                    };
                    sheet.merge(limits, (rf.into(), cf.into()), (rl.into(), cl.into()))?;
                }
            }
            _ => {}
        }
    }
    tally.finish(&sheet)?;
    Ok((SheetCost { area: sheet.area(), text }, p.saturating_sub(pos)))
}

/// calamine's `parse_dimensions` and the `cells.reserve(rows * cols)` that follows, with
/// its u32 arithmetic wrapping as in a release build.
fn dimensions(sheet: &mut Sheet, limits: &crate::Limits, b: &[u8]) -> Result<(), Exceeded> {
    let (rf, rl, mut cf, cl) = match b.len() {
        10 => (
            u32::from(u16_at(b, 0).unwrap_or(0)),
            u32::from(u16_at(b, 2).unwrap_or(0)),
            u32::from(u16_at(b, 4).unwrap_or(0)),
            u32::from(u16_at(b, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(b, 0).unwrap_or(0),
            u32_at(b, 4).unwrap_or(0),
            u32::from(u16_at(b, 8).unwrap_or(0)),
            u32::from(u16_at(b, 10).unwrap_or(0)),
        ),
        _ => return Ok(()),
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if rl >= 1 && cl >= 1 { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    let rows = u64::from(end.0.wrapping_sub(start.0).wrapping_add(1));
    let cols = u64::from(end.1.wrapping_sub(start.1).wrapping_add(1));
    if rows.saturating_mul(cols) > limits.max_area {
        return Err(Exceeded::Area {
            sheet: sheet.name.clone(),
            far_cell: (clamp32(end.0.into()), clamp32(end.1.into())),
            rows,
            cols,
            limit: limits.max_area,
        });
    }
    Ok(())
}
