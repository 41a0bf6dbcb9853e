//! The result of a counted vote: candidates by votes received, who reaches the winning share,
//! and who is elected — the most voted of those, up to the number to elect. Candidates tied
//! on the last seat are neither (the conference votes again among them, as the statutes
//! say), and a vote that fills fewer seats than it should is said.

use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::{Dataset, Election};

/// What became of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Elected,
    /// Reached the share but tied with others for the last seats.
    Tied,
    NotElected,
}

impl Outcome {
    pub fn words(self) -> &'static str {
        match self {
            Outcome::Elected => "Trúng cử",
            Outcome::Tied => "Bằng phiếu",
            Outcome::NotElected => "Không trúng cử",
        }
    }
}

/// One line of the result.
#[derive(Debug, Clone)]
pub struct TallyRow {
    /// Index into the election's candidates.
    pub candidate: usize,
    pub votes: u32,
    /// Reaches the winning share.
    pub meets: bool,
    pub outcome: Outcome,
}

/// A counted vote.
#[derive(Debug, Clone)]
pub struct Tally {
    /// Index into `Dataset::elections`.
    pub election: usize,
    /// What the shares are taken of.
    pub base: u32,
    /// By votes received, most first; equal votes in the ballot's order.
    pub rows: Vec<TallyRow>,
}

impl Tally {
    pub fn elected(&self) -> impl Iterator<Item = &TallyRow> {
        self.rows.iter().filter(|r| r.outcome == Outcome::Elected)
    }
}

/// The results of the votes that have been counted; a tie on the last seat or seats left
/// empty is a warning at the vote.
pub fn plan(ds: &Dataset, diags: &mut Diagnostics) -> Vec<Tally> {
    let mut out = Vec::new();
    for (i, e) in ds.elections.iter().enumerate() {
        let Some(tally) = tally(i, e) else { continue };
        let elected = tally.elected().count() as u32;
        let tied: Vec<&str> = tally
            .rows
            .iter()
            .filter(|r| r.outcome == Outcome::Tied)
            .map(|r| e.candidates[r.candidate].name.as_str())
            .collect();
        if !tied.is_empty() {
            let names = tied.join(", ");
            diags.push(
                Diagnostic::warning(
                    "tied-vote",
                    e.src.loc("title"),
                    Text::new(
                        format!("{names} bằng phiếu nhau ở vị trí cuối: chưa ai trong số này trúng cử"),
                        format!("{names} tie for the last seat: none of them is elected yet"),
                    ),
                )
                .with_hint(Text::new(
                    "hội nghị quyết định bầu tiếp trong số những người bằng phiếu; Biên bản ghi “Bằng phiếu”",
                    "the conference decides whether to vote again among them; the record says so",
                )),
            );
        } else if elected < e.seats {
            diags.push(Diagnostic::warning(
                "seats-left",
                e.src.loc("seats"),
                Text::new(
                    format!("chỉ {elected}/{} người trúng cử {}", e.seats, e.threshold.words()),
                    format!("only {elected} of {} reach the winning share", e.seats),
                ),
            ));
        }
        out.push(tally);
    }
    out
}

/// The result of election `i`, when it has been counted.
fn tally(i: usize, e: &Election) -> Option<Tally> {
    let base = e.base_count()?;
    let mut rows: Vec<TallyRow> = e
        .candidates
        .iter()
        .enumerate()
        .map(|(c, cand)| {
            let votes = cand.votes.unwrap_or(0);
            TallyRow { candidate: c, votes, meets: e.threshold.met(votes, base), outcome: Outcome::NotElected }
        })
        .collect();
    rows.sort_by_key(|r| (std::cmp::Reverse(r.votes), r.candidate));
    let seats = e.seats as usize;
    let meeting: Vec<usize> = (0..rows.len()).filter(|&k| rows[k].meets).collect();
    if meeting.len() <= seats {
        for &k in &meeting {
            rows[k].outcome = Outcome::Elected;
        }
    } else {
        // More reach the share than there are seats: the most voted; those tied with the
        // last one elected are all elected only if they all fit.
        let last = rows[meeting[seats - 1]].votes;
        let above = meeting.iter().filter(|&&k| rows[k].votes > last).count();
        let at = meeting.iter().filter(|&&k| rows[k].votes == last).count();
        for &k in &meeting {
            rows[k].outcome = match rows[k].votes.cmp(&last) {
                std::cmp::Ordering::Greater => Outcome::Elected,
                std::cmp::Ordering::Equal if above + at <= seats => Outcome::Elected,
                std::cmp::Ordering::Equal => Outcome::Tied,
                std::cmp::Ordering::Less => Outcome::NotElected,
            };
        }
    }
    Some(Tally { election: i, base, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Base, Candidate, Counts, Src, Threshold};

    fn election(votes: &[u32], seats: u32) -> Election {
        let src = Src {
            origin: crate::diag::Origin::Yaml { file: "x".into(), line: 1, col: 1, path: "e".into() },
            cells: Default::default(),
        };
        Election {
            title: "Ban Thanh tra nhân dân".into(),
            seats,
            copies: 45,
            threshold: Threshold::HALF,
            base: Base::Valid,
            summoned: None,
            stamp: None,
            counts: Some(Counts { issued: 45, returned: 44, valid: 40, invalid: 4 }),
            board_head: None,
            board: Vec::new(),
            time: None,
            candidates: votes
                .iter()
                .enumerate()
                .map(|(i, v)| Candidate { name: format!("C{i}"), detail: None, votes: Some(*v), src: src.clone() })
                .collect(),
            src,
        }
    }

    fn outcomes(t: &Tally) -> Vec<(usize, Outcome)> {
        t.rows.iter().map(|r| (r.candidate, r.outcome)).collect()
    }

    #[test]
    fn the_most_voted_above_half_up_to_the_seats() {
        use Outcome::*;
        // 40 valid ballots: 21 is more than half, 20 is not.
        let t = tally(0, &election(&[20, 35, 21, 38, 30], 3)).unwrap();
        assert_eq!(outcomes(&t), [(3, Elected), (1, Elected), (4, Elected), (2, NotElected), (0, NotElected)]);
        // Fewer reach the share than there are seats.
        let t = tally(0, &election(&[20, 35, 10], 3)).unwrap();
        assert_eq!(t.elected().count(), 1);
        // Two tie for the last seat: neither is elected yet.
        let t = tally(0, &election(&[30, 25, 25, 35], 2)).unwrap();
        assert_eq!(outcomes(&t), [(3, Elected), (0, Elected), (1, NotElected), (2, NotElected)]);
        let t = tally(0, &election(&[30, 25, 25, 35], 3)).unwrap();
        assert_eq!(outcomes(&t), [(3, Elected), (0, Elected), (1, Tied), (2, Tied)]);
        let t = tally(0, &election(&[30, 25, 25, 35], 4)).unwrap();
        assert_eq!(t.elected().count(), 4);
    }
}
