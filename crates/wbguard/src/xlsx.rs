//! `.xlsx` / `.xlsm`: where calamine finds the workbook, its shared strings and its sheets,
//! and what each sheet and string table will cost.

use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, HashMap};

use crate::strlens::StrLens;
use crate::xmlscan::{DUP, TOKEN, Xml, decode, local_key_is, parse_count, uniq};
use crate::zipscan::Scan;
use crate::{Exceeded, Limits};

/// Entry index → sheet name.
pub(crate) type PartNames = BTreeMap<usize, String>;

pub(crate) struct Parts {
    /// Every entry that may be the shared string table calamine reads.
    pub(crate) shared_strings: Vec<usize>,
    pub(crate) sheets: PartNames,
}

/// Reads entry `idx` as XML with `f`; a token over the cap or a duplicated attribute
/// (`f` returns `Err(reason)`) means the part cannot be followed.
pub(crate) fn read_xml<T>(
    scan: &mut Scan<'_, '_>,
    idx: usize,
    f: impl FnOnce(&mut Xml<'_>) -> Result<T, &'static str>,
) -> Result<Option<T>, Exceeded> {
    let cap = scan.limits.max_xml_token;
    let part = scan.name(idx).to_string();
    scan.with_entry(idx, |r, _| {
        let mut xml = Xml::new(r, cap);
        let out = f(&mut xml);
        if xml.tripped() {
            return Err(Exceeded::Unbounded { part, reason: TOKEN });
        }
        out.map_err(|reason| Exceeded::Unbounded { part, reason })
    })
}

fn local<'a>(e: &'a BytesStart<'_>) -> &'a str {
    let n = e.name().0;
    n.split_once(':').map_or(n, |(_, l)| l)
}

fn one<'a>(e: &'a BytesStart<'_>, key: &str) -> Result<Option<&'a str>, &'static str> {
    uniq(e, |k| k == key).map_err(|_| DUP)
}

/// calamine's `Xlsx::new`: `_rels/.rels` → the workbook part → its rels → the sheets.
pub(crate) fn locate(scan: &mut Scan<'_, '_>) -> Result<Parts, Exceeded> {
    let mut parts = Parts { shared_strings: Vec::new(), sheets: PartNames::new() };
    for (idx, n) in scan.entry_names() {
        if n.replace('\\', "/").rsplit('/').next().is_some_and(|f| f.eq_ignore_ascii_case("sharedStrings.xml")) {
            parts.shared_strings.push(idx);
        }
    }
    let Some(rels) = scan.lookup("_rels/.rels") else {
        return Ok(parts);
    };
    let Some(Some(target)) = read_xml(scan, rels, package_rels)? else {
        return Ok(parts);
    };
    let (dir, name) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    let xl_path = dir.strip_prefix('/').unwrap_or(dir).to_string();
    let wb_name = if name.is_empty() { "workbook.xml" } else { name };
    if let Some(sst) = scan.lookup(&format!("{xl_path}sharedStrings.xml"))
        && !parts.shared_strings.contains(&sst)
    {
        parts.shared_strings.push(sst);
    }
    let Some(wb) = scan.lookup(&format!("{xl_path}{wb_name}")) else {
        return Ok(parts);
    };
    let Some(sheets) = read_xml(scan, wb, workbook)? else {
        return Ok(parts);
    };
    let Some(wb_rels) = scan.lookup(&format!("{xl_path}_rels/{wb_name}.rels")) else {
        return Ok(parts);
    };
    let wanted: HashMap<&str, &str> = sheets.iter().map(|(n, id)| (id.as_str(), n.as_str())).collect();
    let Some(targets) = read_xml(scan, wb_rels, |x| rel_targets(x, &wanted))? else {
        return Ok(parts);
    };
    for (sheet, target) in targets {
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("{xl_path}{target}"),
        };
        if let Some(idx) = scan.lookup(&path) {
            parts.sheets.entry(idx).or_insert(sheet);
        }
    }
    Ok(parts)
}

/// The target of the (last) officeDocument relationship.
fn package_rels(xml: &mut Xml<'_>) -> Result<Option<String>, &'static str> {
    loop {
        match xml.next() {
            None => return Ok(None),
            Some(Event::Start(e)) if local(&e) == "Relationships" => break,
            _ => {}
        }
    }
    let mut target = None;
    while let Some(ev) = xml.next() {
        match ev {
            Event::Start(e) if local(&e) == "Relationship" => {
                let ty = one(&e, "Type")?;
                let tg = one(&e, "Target")?;
                if ty.is_some_and(|t| t.ends_with("/relationships/officeDocument"))
                    && let Some(t) = tg
                {
                    target = Some(decode(t));
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            _ => {}
        }
    }
    Ok(target)
}

/// The workbook's `<sheet name r:id>`s, as (name, relationship id).
fn workbook(xml: &mut Xml<'_>) -> Result<Vec<(String, String)>, &'static str> {
    let mut sheets = Vec::new();
    while let Some(ev) = xml.next() {
        match ev {
            Event::Start(e) if local(&e) == "sheet" => {
                let name = one(&e, "name")?.map(crate::xmlscan::name).unwrap_or_default();
                let id = uniq(&e, |k| local_key_is(k, "id")).map_err(|_| DUP)?.unwrap_or("");
                if sheets.len() < 100_000 {
                    sheets.push((name, id.to_string()));
                }
            }
            Event::End(e) if e.local_name().as_ref() == "workbook" => break,
            _ => {}
        }
    }
    Ok(sheets)
}

/// (sheet name, target) of the workbook relationships the sheets use (a later `Id` wins,
/// as in calamine's map).
fn rel_targets(xml: &mut Xml<'_>, wanted: &HashMap<&str, &str>) -> Result<Vec<(String, String)>, &'static str> {
    let mut by_id: HashMap<String, String> = HashMap::new();
    while let Some(ev) = xml.next() {
        match ev {
            Event::Start(e) if local(&e) == "Relationship" => {
                let id = one(&e, "Id")?;
                let target = one(&e, "Target")?.unwrap_or("");
                if let Some(id) = id
                    && wanted.contains_key(id)
                {
                    by_id.insert(id.to_string(), target.to_string());
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            _ => {}
        }
    }
    let mut out: Vec<(String, String)> =
        by_id.into_iter().filter_map(|(id, t)| wanted.get(id.as_str()).map(|n| (n.to_string(), t))).collect();
    out.sort();
    Ok(out)
}

/// `uniqueCount` / `count` of `<sst>` and the `<si>` strings (their span in bytes, an upper
/// bound of their text), following calamine's `read_shared_strings`.
pub(crate) fn shared_strings(xml: &mut Xml<'_>, limits: &Limits, lens: &mut StrLens) -> Result<(), Exceeded> {
    let over = |n: u64| Exceeded::SharedStrings { declared_or_found: n, limit: limits.max_shared_strings };
    let unbounded = |reason| Exceeded::Unbounded { part: "sharedStrings".into(), reason };
    loop {
        match xml.next() {
            None => return Ok(()),
            Some(Event::Start(e)) if local(&e) == "sst" => {
                for key in ["uniqueCount", "count"] {
                    let v = one(&e, key).map_err(unbounded)?;
                    if let Some(n) = v.and_then(parse_count)
                        && n > limits.max_shared_strings
                    {
                        return Err(over(n));
                    }
                }
                break;
            }
            _ => {}
        }
    }
    let mut found: u64 = 0;
    loop {
        let start = xml.pos();
        match xml.next() {
            None => return Ok(()),
            Some(Event::Start(e)) if local(&e) == "si" => {
                let si = e.name().0.to_string();
                if !skip_string(xml, &si) {
                    return Ok(());
                }
                let len = xml.pos().saturating_sub(start);
                let i = usize::try_from(found).unwrap_or(usize::MAX);
                found += 1;
                if found > limits.max_shared_strings {
                    return Err(over(found));
                }
                lens.set_max(i, len);
            }
            Some(Event::End(e)) if e.local_name().as_ref() == "sst" => return Ok(()),
            _ => {}
        }
    }
}

/// Consumes a string element the way calamine's `read_string_with_bufs` does, up to the end
/// of `closing`; `false` at the end of input.
fn skip_string(xml: &mut Xml<'_>, closing: &str) -> bool {
    let mut phonetic = false;
    loop {
        let t_name = match xml.next() {
            None => return false,
            Some(Event::End(e)) if e.name().0 == closing => return true,
            Some(Event::Start(e)) if local(&e) == "rPh" => {
                phonetic = true;
                continue;
            }
            Some(Event::End(e)) if e.local_name().as_ref() == "rPh" => {
                phonetic = false;
                continue;
            }
            Some(Event::Start(e)) if local(&e) == "t" && !phonetic => e.name().0.to_string(),
            Some(_) => continue,
        };
        loop {
            match xml.next() {
                None => return false,
                Some(Event::End(e)) if e.name().0 == t_name => break,
                Some(_) => {}
            }
        }
    }
}

/// calamine's `get_row_and_optional_column`, wrapping as calamine's release build does.
pub(crate) fn row_col(s: &str) -> Option<(u32, Option<u32>)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut col: u32 = 0;
    let mut row: u32 = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        match c {
            b'A'..=b'Z' => col = col.wrapping_mul(26).wrapping_add(u32::from(c - b'A') + 1),
            b'a'..=b'z' => col = col.wrapping_mul(26).wrapping_add(u32::from(c - b'a') + 1),
            b'0'..=b'9' => {
                row = u32::from(c - b'0');
                break;
            }
            _ => return None,
        }
    }
    while let Some(&c) = b.get(i) {
        i += 1;
        match c {
            b'0'..=b'9' => row = row.wrapping_mul(10).wrapping_add(u32::from(c - b'0')),
            _ => return None,
        }
    }
    Some((row.checked_sub(1)?, col.checked_sub(1)))
}

fn cell_ref(s: &str) -> Option<(u32, u32)> {
    let (r, c) = row_col(s)?;
    Some((r, c?))
}

/// calamine's `get_dimension`: `A1` or `A1:B2`.
pub(crate) fn dimension(s: &str) -> Option<((u32, u32), (u32, u32))> {
    let mut parts = s.split(':');
    let a = cell_ref(parts.next()?)?;
    let b = match parts.next() {
        None => a,
        Some(p) => cell_ref(p)?,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((a, b))
}

mod sheet;
pub(crate) use sheet::sheet;
