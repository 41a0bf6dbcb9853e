//! The figures of a count agree with each other: valid and invalid ballots make up those
//! returned, no more returned than issued, no more issued than printed (or summoned); every
//! candidate has their votes typed, none more than the valid ballots, and the valid ballots
//! hold no more names than each may keep. Each error is at the cell to fix.

use super::Validator;
use crate::diag::{Diagnostic, Loc, Text};
use crate::model::Election;

fn inconsistent(loc: Loc, vi: String, en: String, hint_vi: &str, hint_en: &str) -> Diagnostic {
    Diagnostic::error("inconsistent-count", loc, Text::new(vi, en)).with_hint(Text::new(hint_vi, hint_en))
}

impl Validator<'_> {
    /// The count of `e` against itself; a count found wrong is dropped (no record is made
    /// from figures that do not add up), after its errors are reported.
    pub(super) fn check_tally(&mut self, e: &mut Election) {
        let Some(c) = e.counts else {
            // Votes typed before the count: the count is what is missing.
            if let Some(with) = e.candidates.iter().find(|c| c.votes.is_some()) {
                let d = Diagnostic::error(
                    "missing-count",
                    e.src.loc("issued"),
                    Text::new(
                        format!(
                            "đã ghi số phiếu bầu của {} nhưng chưa ghi kết quả kiểm phiếu (phát ra, thu về, hợp lệ, không hợp lệ)",
                            with.name
                        ),
                        format!("votes are typed for {} but the count (issued, returned, valid, invalid) is not", with.name),
                    ),
                )
                .with_hint(Text::new(
                    "ghi đủ bốn số ở sheet Bầu cử, hoặc xóa số phiếu bầu ở sheet Ứng cử viên",
                    "fill in the four figures in the Bầu cử sheet, or clear the votes in Ứng cử viên",
                ));
                self.push(d);
            }
            return;
        };
        let before = self.diags.count(crate::diag::Severity::Error);
        if c.valid + c.invalid != c.returned {
            self.push(inconsistent(
                e.src.loc("invalid"),
                format!(
                    "số phiếu hợp lệ ({}) cộng không hợp lệ ({}) là {}, khác số phiếu thu về ({})",
                    c.valid,
                    c.invalid,
                    c.valid + c.invalid,
                    c.returned
                ),
                format!(
                    "valid ({}) plus invalid ({}) is {}, not the {} returned",
                    c.valid,
                    c.invalid,
                    c.valid + c.invalid,
                    c.returned
                ),
                "phiếu thu về = phiếu hợp lệ + phiếu không hợp lệ: kiểm tra lại ba số này",
                "returned = valid + invalid: check these three figures",
            ));
        }
        if c.returned > c.issued {
            self.push(inconsistent(
                e.src.loc("returned"),
                format!("số phiếu thu về ({}) nhiều hơn số phiếu phát ra ({})", c.returned, c.issued),
                format!("more ballots returned ({}) than issued ({})", c.returned, c.issued),
                "phiếu thu về không thể nhiều hơn phiếu phát ra",
                "no more ballots can come back than were handed out",
            ));
        }
        if c.issued > e.copies {
            self.push(inconsistent(
                e.src.loc("issued"),
                format!("số phiếu phát ra ({}) nhiều hơn số phiếu in ({})", c.issued, e.copies),
                format!("more ballots issued ({}) than printed ({})", c.issued, e.copies),
                "sửa số phiếu phát ra, hoặc ghi đúng Số phiếu in",
                "fix the ballots issued, or the number printed (Số phiếu in)",
            ));
        }
        if let Some(s) = e.summoned.filter(|s| c.issued > *s) {
            self.push(inconsistent(
                e.src.loc("issued"),
                format!("số phiếu phát ra ({}) nhiều hơn số được triệu tập ({s})", c.issued),
                format!("more ballots issued ({}) than people summoned ({s})", c.issued),
                "mỗi người được triệu tập nhận một phiếu: kiểm tra hai số này",
                "each person summoned gets one ballot: check the two figures",
            ));
        }
        self.check_votes(e, c.valid);
        if self.diags.count(crate::diag::Severity::Error) > before {
            e.counts = None;
        }
    }

    /// Each candidate's votes: typed, at most the valid ballots; all together at most what
    /// the valid ballots can hold (each keeps at most as many names as there are seats).
    fn check_votes(&mut self, e: &Election, valid: u32) {
        let mut total: u64 = 0;
        for cand in &e.candidates {
            let Some(v) = cand.votes else {
                let d = Diagnostic::error(
                    "missing-votes",
                    cand.src.loc("votes"),
                    Text::new(
                        format!("đã có kết quả kiểm phiếu nhưng chưa ghi số phiếu bầu của {}", cand.name),
                        format!("the count is typed but not {}'s votes", cand.name),
                    ),
                )
                .with_hint(Text::new("ghi số phiếu bầu (0 nếu không ai bầu)", "type the votes (0 when none)"));
                self.push(d);
                continue;
            };
            total += u64::from(v);
            if v > valid {
                self.push(inconsistent(
                    cand.src.loc("votes"),
                    format!("{} được {v} phiếu, nhiều hơn số phiếu hợp lệ ({valid})", cand.name),
                    format!("{} has {v} votes, more than the {valid} valid ballots", cand.name),
                    "mỗi phiếu hợp lệ bầu một người nhiều nhất một lần: kiểm tra số phiếu bầu",
                    "a valid ballot counts once per person: check the votes",
                ));
            }
        }
        let most = u64::from(valid) * u64::from(e.seats);
        if total > most {
            self.push(inconsistent(
                e.src.loc("valid"),
                format!(
                    "tổng số phiếu bầu của các ứng cử viên ({total}) vượt quá {valid} phiếu hợp lệ × {} người được bầu = {most}",
                    e.seats
                ),
                format!("the candidates' votes add up to {total}, more than {valid} valid ballots × {} seats = {most}", e.seats),
                "mỗi phiếu hợp lệ giữ tên nhiều nhất bằng số lượng bầu: kiểm tra số phiếu bầu hoặc số phiếu hợp lệ",
                "a valid ballot keeps at most as many names as there are seats: check the votes or the valid ballots",
            ));
        }
    }
}
