//! A vote held at the conference (`Bầu cử`): what is elected, by which rule, its
//! candidates, and — once the board has counted — the figures of the count.

use super::located::Src;
use crate::text::Time;

/// What the winning share is a share of (`Tỷ lệ tính trên`). Rules differ by body: the law
/// on elections to the National Assembly and People's Councils (Điều 78) and the trade
/// union's guidance count the valid ballots; Youth Union guidance the ballots returned; the
/// Party's rules those summoned (`data/README.md` has the sources).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Valid,
    Returned,
    Issued,
    Summoned,
}

impl Base {
    /// `số phiếu hợp lệ`: the words after `so với tổng`.
    pub fn words(self) -> &'static str {
        match self {
            Base::Valid => "số phiếu hợp lệ",
            Base::Returned => "số phiếu thu về",
            Base::Issued => "số phiếu phát ra",
            Base::Summoned => "số đại biểu được triệu tập",
        }
    }
}

/// The share a candidate needs: more than (`quá`) or at least (`từ`) `num/den` of the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub strict: bool,
    pub num: u32,
    pub den: u32,
}

impl Threshold {
    /// `quá 1/2`: the rule of every body's statutes unless the clerk says otherwise.
    pub const HALF: Threshold = Threshold { strict: true, num: 1, den: 2 };

    /// Whether `votes` of `base` meet it, in whole numbers (no rounding at the edge).
    pub fn met(self, votes: u32, base: u32) -> bool {
        let (lhs, rhs) = (u64::from(votes) * u64::from(self.den), u64::from(base) * u64::from(self.num));
        base > 0 && if self.strict { lhs > rhs } else { lhs >= rhs }
    }

    /// `quá 1/2 (50%)`, `từ 2/3`: as the record states it.
    pub fn words(self) -> String {
        let head = if self.strict { "quá" } else { "từ" };
        if self.den == 100 {
            return format!("{head} {}%", self.num);
        }
        let half = if (self.num, self.den) == (1, 2) { " (một phần hai)" } else { "" };
        format!("{head} {}/{}{half}", self.num, self.den)
    }
}

/// The counts typed after the vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub invalid: u32,
}

/// One person on the ballot.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub name: String,
    /// `Giảng viên Khoa Nông học`.
    pub detail: Option<String>,
    /// The votes received (after the count).
    pub votes: Option<u32>,
    pub src: Src,
}

/// One vote: a ballot and, once counted, its record.
#[derive(Debug, Clone)]
pub struct Election {
    /// What is elected: `Ban Thanh tra nhân dân Trường … nhiệm kỳ 2026 - 2028`.
    pub title: String,
    /// How many are to be elected.
    pub seats: u32,
    /// Ballots to print.
    pub copies: u32,
    pub threshold: Threshold,
    pub base: Base,
    pub summoned: Option<u32>,
    /// Whose stamp the ballot bears (`Trường Đại học …`); the issuing body's when unset.
    pub stamp: Option<String>,
    /// `None` until the count is typed.
    pub counts: Option<Counts>,
    /// The counting board: its head, then its members.
    pub board_head: Option<String>,
    pub board: Vec<String>,
    /// When the count ended (the record's hour).
    pub time: Option<Time>,
    pub candidates: Vec<Candidate>,
    pub src: Src,
}

impl Election {
    /// The number the shares are taken of, once counted.
    pub fn base_count(&self) -> Option<u32> {
        let c = self.counts?;
        match self.base {
            Base::Valid => Some(c.valid),
            Base::Returned => Some(c.returned),
            Base::Issued => Some(c.issued),
            Base::Summoned => self.summoned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_exact_at_the_edge() {
        let half = Threshold::HALF;
        assert!(!half.met(22, 44) && half.met(23, 44) && half.met(23, 45) && !half.met(0, 0));
        let two_thirds = Threshold { strict: false, num: 2, den: 3 };
        assert!(two_thirds.met(30, 45) && !two_thirds.met(29, 45));
        assert_eq!(half.words(), "quá 1/2 (một phần hai)");
        assert_eq!(Threshold { strict: false, num: 60, den: 100 }.words(), "từ 60%");
    }
}
