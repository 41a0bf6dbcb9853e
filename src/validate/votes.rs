//! A vote at the conference: the `Bầu cử` sheet (each vote, its rule, the ballots to
//! print, the counts typed after it) and `Ứng cử viên` (who is on each ballot, with the
//! votes each received). The counts must agree with each other before a record is made.

use std::collections::HashMap;

use super::fields::{self, Fields};
use super::{Validator, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::TableKind;
use crate::model::{Base, Candidate, Counts, Election, Threshold};
use crate::text::{loose_key, parse_number};

/// The bases a share is taken of, and how clerks write them.
const BASES: &[(Base, &[&str])] = &[
    (Base::Valid, &["Số phiếu hợp lệ", "Phiếu hợp lệ", "Hợp lệ"]),
    (Base::Returned, &["Số phiếu thu về", "Phiếu thu về", "Thu về", "Số phiếu thu vào"]),
    (Base::Issued, &["Số phiếu phát ra", "Phiếu phát ra", "Phát ra"]),
    (Base::Summoned, &["Số được triệu tập", "Số đại biểu được triệu tập", "Triệu tập", "Số cử tri"]),
];

/// The most of anything counted (voters, ballots, votes): far above any conference.
const MAX_COUNT: f64 = 100_000.0;
/// The most ballots one vote prints.
const MAX_COPIES: f64 = 10_000.0;
/// The most candidates on one ballot (one A4 sheet in small type).
pub(crate) const MAX_CANDIDATES: usize = 60;

/// A vote as read, with what the candidates need to find it.
struct Slot {
    e: Election,
    id: Option<String>,
    /// Its count could not be read (reported): not checked further.
    broken: bool,
}

impl Validator<'_> {
    /// The votes with their candidates; `delegates` give the ballots printed when the sheet
    /// does not say (those taking part), and the names of a board written by `Mã`.
    pub(super) fn elections(&mut self, delegates: &[crate::model::Delegate]) -> Vec<Election> {
        let attending = delegates.iter().filter(|d| d.attends()).count() as u32;
        let table = self.raw.table(TableKind::Elections);
        let mut out: Vec<Slot> = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for rec in &table.records {
            let at = src(rec);
            let mut f = self.fields(TableKind::Elections, rec);
            let Some((mut e, broken)) = read_election(&mut f, attending, at) else { continue };
            let id = f.text("id");
            let key = loose_key(&e.title);
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("title"), "Cuộc bầu", &e.title, first);
                self.push(d);
                continue;
            }
            let by_id =
                |n: &String| delegates.iter().find(|d| d.id == *n).map_or_else(|| n.clone(), |d| d.name.clone());
            e.board_head = e.board_head.as_ref().map(by_id);
            e.board = e.board.iter().map(by_id).collect();
            seen.insert(key, rec.loc("title"));
            out.push(Slot { e, id, broken });
        }
        self.candidates(&mut out);
        let mut elections = Vec::new();
        for mut slot in out {
            if !slot.broken {
                self.check_ballot(&mut slot.e);
            }
            elections.push(slot.e);
        }
        elections
    }

    /// Each candidate onto the ballot of the vote it names (the only one when there is one).
    fn candidates(&mut self, elections: &mut [Slot]) {
        let table = self.raw.table(TableKind::Candidates);
        let mut seen: HashMap<(usize, String), Loc> = HashMap::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Candidates, rec);
            let which = f.text("election");
            let name = f.required("name", "Nguyễn Văn An");
            let detail = f.text("detail");
            let votes = f.whole("votes", (0.0, MAX_COUNT));
            let Some(e) = election_of(&mut f, which.as_deref(), elections) else { continue };
            let Some(name) = name else { continue };
            let key = (e, loose_key(&name));
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Họ và tên", &name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            elections[e].e.candidates.push(Candidate { name, detail, votes, src: src(rec) });
        }
    }

    /// The ballot's list against the number to elect, and the count against itself.
    fn check_ballot(&mut self, e: &mut Election) {
        let n = e.candidates.len();
        if n == 0 {
            self.push(no_candidates(e));
            return;
        }
        if n > MAX_CANDIDATES {
            let d = Diagnostic::error(
                "too-many-candidates",
                e.src.loc("title"),
                Text::new(
                    format!("cuộc bầu có {n} ứng cử viên, quá giới hạn {MAX_CANDIDATES} người trên một phiếu bầu"),
                    format!("the vote has {n} candidates, more than the {MAX_CANDIDATES} one ballot can hold"),
                ),
            );
            self.push(d);
        }
        if (n as u32) < e.seats {
            let d = Diagnostic::warning(
                "few-candidates",
                e.src.loc("seats"),
                Text::new(
                    format!("danh sách bầu có {n} người, ít hơn số lượng bầu ({})", e.seats),
                    format!("the ballot lists {n} people, fewer than the {} to elect", e.seats),
                ),
            )
            .with_hint(Text::new(
                "kiểm tra sheet Ứng cử viên hoặc số lượng bầu",
                "check the Ứng cử viên sheet or the number to elect",
            ));
            self.push(d);
        }
        self.check_tally(e);
    }
}

/// One row of `Bầu cử`: `None` without a title; `broken` when a field is wrong (reported),
/// the election kept so its candidates still find it.
fn read_election(f: &mut Fields<'_>, attending: u32, at: crate::model::Src) -> Option<(Election, bool)> {
    let title = f.required("title", "Ban Chấp hành Công đoàn Trường nhiệm kỳ 2025 - 2030");
    let seats = f.required("seats", "5").and_then(|_| f.whole("seats", (1.0, MAX_CANDIDATES as f64)));
    let summoned = f.whole("summoned", (1.0, MAX_COUNT));
    let copies = f.whole("copies", (1.0, MAX_COPIES));
    let threshold = threshold(f);
    let base = f.choice("base", BASES, false).unwrap_or(Base::Valid);
    let counts = counts(f);
    let board_head = f.text("board_head");
    let board = super::lines(f.text("board").map(|t| t.replace(';', "\n")));
    let time = f.time("time");
    let stamp = f.text("stamp");
    if base == Base::Summoned && summoned.is_none() {
        let d = Diagnostic::error(
            "missing-value",
            f.loc("summoned"),
            Text::new(
                "tỷ lệ tính trên số được triệu tập nhưng chưa ghi Số được triệu tập",
                "the share is of those summoned, but Số được triệu tập is empty",
            ),
        )
        .with_hint(Text::new("ghi số đại biểu được triệu tập, ví dụ 45", "write how many were summoned, e.g. 45"));
        f.push(d);
    }
    let copies = copies.or(summoned).unwrap_or(attending).max(1);
    let broken = seats.is_none() || threshold.is_none() || counts.is_none();
    let e = Election {
        title: title?.trim_start_matches("Bầu ").trim_start_matches("bầu ").to_string(),
        seats: seats.unwrap_or(1),
        copies,
        threshold: threshold.unwrap_or(Threshold::HALF),
        base,
        summoned,
        stamp,
        counts: counts.flatten(),
        board_head,
        board,
        time,
        candidates: Vec::new(),
        src: at,
    };
    Some((e, broken))
}

/// `Tỷ lệ trúng cử`: `quá 1/2` unless the clerk writes another (`quá 50%`, `từ 2/3`);
/// `None` when it cannot be read (reported).
fn threshold(f: &mut Fields<'_>) -> Option<Threshold> {
    let Some(text) = f.text("threshold") else { return Some(Threshold::HALF) };
    let t = parse_threshold(&text);
    if t.is_none() {
        let d = Diagnostic::error(
            "invalid-threshold",
            f.loc("threshold"),
            Text::new(
                format!("Tỷ lệ trúng cử {} không đọc được", quote(&text)),
                format!("the winning share {} cannot be read", quote(&text)),
            ),
        )
        .with_hint(Text::new(
            "ghi “quá” (nhiều hơn) hoặc “từ” (bằng hoặc nhiều hơn) rồi một phân số hoặc phần trăm: quá 1/2, quá 50%, từ 2/3; để trống: quá 1/2",
            "write “quá” (more than) or “từ” (at least) and a fraction or a percentage: quá 1/2, quá 50%, từ 2/3; empty: quá 1/2",
        ));
        f.push(d);
    }
    t
}

/// `quá 1/2`, `quá nửa`, `trên 50%`, `từ 2/3`, `>= 60%`, `ít nhất 2/3`.
pub(crate) fn parse_threshold(text: &str) -> Option<Threshold> {
    let k = loose_key(text);
    if ["quanua", "quamotnua", "quaban", "quamotphanhai"].contains(&k.as_str()) {
        return Some(Threshold::HALF);
    }
    let t = text.trim().to_lowercase();
    let (strict, rest) = [("quá", true), ("trên", true), (">=", false), (">", true), ("từ", false), ("ít nhất", false)]
        .iter()
        .find_map(|(w, s)| t.strip_prefix(w).map(|r| (*s, r.trim())))?;
    let (num, den) = if let Some(p) = rest.strip_suffix('%') {
        let x = parse_number(p.trim())?;
        let tenths = (x * 10.0).round();
        if (x * 10.0 - tenths).abs() > 1e-9 {
            return None;
        }
        let tenths = tenths as u32;
        if tenths.is_multiple_of(10) { (tenths / 10, 100) } else { (tenths, 1000) }
    } else {
        let (a, b) = rest.split_once('/')?;
        (a.trim().parse().ok()?, b.trim().parse().ok()?)
    };
    (num > 0 && den > 0 && num <= den && den <= 1000).then_some(Threshold { strict, num, den })
}

/// The four counts, all or none; `None` when one is wrong (reported).
fn counts(f: &mut Fields<'_>) -> Option<Option<Counts>> {
    let keys = ["issued", "returned", "valid", "invalid"];
    let before = keys.map(|k| f.text(k).is_some());
    let values = keys.map(|k| f.whole(k, (0.0, MAX_COUNT)));
    if !before.iter().any(|b| *b) {
        return Some(None);
    }
    let mut complete = true;
    for (k, typed) in keys.iter().zip(before) {
        if !typed {
            let d = Diagnostic::error(
                "missing-count",
                f.loc(k),
                Text::new(
                    format!("đã ghi kết quả kiểm phiếu nhưng thiếu {}", f.header_of(k)),
                    format!("the count is typed but {} is missing", f.header_of(k)),
                ),
            )
            .with_hint(Text::new(
                "ghi đủ bốn số: phát ra, thu về, hợp lệ, không hợp lệ (0 nếu không có)",
                "fill in all four: issued, returned, valid, invalid (0 when none)",
            ));
            f.push(d);
            complete = false;
        }
    }
    let [Some(issued), Some(returned), Some(valid), Some(invalid)] = values else { return None };
    complete.then_some(Some(Counts { issued, returned, valid, invalid }))
}

/// The vote a candidate row names: by `Mã` or title, loosely; the only one when blank.
fn election_of(f: &mut Fields<'_>, which: Option<&str>, elections: &[Slot]) -> Option<usize> {
    let found = match which {
        None if elections.len() == 1 => return Some(0),
        None => None,
        Some(w) => {
            let k = loose_key(w.trim_start_matches("Bầu ").trim_start_matches("bầu "));
            elections
                .iter()
                .position(|s| loose_key(&s.e.title) == k || s.id.as_deref().is_some_and(|id| loose_key(id) == k))
        }
    };
    if found.is_none() {
        let names: Vec<&str> = elections.iter().map(|s| s.id.as_deref().unwrap_or(&s.e.title)).collect();
        let shown = which.map_or_else(|| "(trống)".to_string(), quote);
        let d = Diagnostic::error(
            "unknown-election",
            f.loc("election"),
            Text::new(
                format!("Cuộc bầu {shown} không có trong sheet Bầu cử"),
                format!("the vote {shown} is not in the Bầu cử sheet"),
            ),
        )
        .with_hint(if names.is_empty() {
            Text::new(
                "thêm sheet “Bầu cử” (Cuộc bầu, Số lượng bầu, …), mỗi cuộc bầu một dòng",
                "add a “Bầu cử” sheet (Cuộc bầu, Số lượng bầu, …), one row per vote",
            )
        } else {
            Text::new(format!("ghi một trong: {}", names.join("; ")), format!("write one of: {}", names.join("; ")))
        });
        f.push(d);
    }
    found
}

fn no_candidates(e: &Election) -> Diagnostic {
    Diagnostic::error(
        "no-candidates",
        e.src.loc("title"),
        Text::new(
            format!("cuộc bầu {} chưa có ứng cử viên nào", quote(&e.title)),
            format!("the vote {} has no candidates", quote(&e.title)),
        ),
    )
    .with_hint(Text::new(
        "thêm danh sách bầu ở sheet “Ứng cử viên” (Cuộc bầu, Họ và tên, Chức vụ, đơn vị)",
        "list the candidates in the “Ứng cử viên” sheet (Cuộc bầu, Họ và tên, Chức vụ, đơn vị)",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::choices::{canonical, pick};
    use super::*;

    #[test]
    fn thresholds_as_clerks_write_them() {
        let t = |s: &str| parse_threshold(s).map(|t| (t.strict, t.num, t.den));
        assert_eq!(t("quá 1/2"), Some((true, 1, 2)));
        assert_eq!(t("Quá nửa"), Some((true, 1, 2)));
        assert_eq!(t("quá 50%"), Some((true, 50, 100)));
        assert_eq!(t("từ 2/3"), Some((false, 2, 3)));
        assert_eq!(t(">= 66,5%"), Some((false, 665, 1000)));
        assert_eq!(t("50%"), None);
        assert_eq!(t("quá 3/2"), None);
        assert_eq!(t("quá 0/2"), None);
        assert_eq!(canonical(BASES), "Số phiếu hợp lệ, Số phiếu thu về, Số phiếu phát ra, Số được triệu tập");
        assert_eq!(pick("thu về", BASES), Some(Base::Returned));
    }
}
