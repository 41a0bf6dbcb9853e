//! Prize money: the coefficient of a form or title for a kind of recipient × the base salary
//! in force on the decision's date, rounded up to 10.000 đồng — from the editable
//! `templates/khen-thuong/tien-thuong.yaml`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::grounds::boundary;
use crate::assets::TemplateStore;
use crate::diag::{Diagnostic, Loc, Text};
use crate::model::{AwardKind, AwardType, Level};
use crate::text::Date;

/// The file of base salaries and coefficients.
pub const MONEY_FILE: &str = "khen-thuong/tien-thuong.yaml";

#[derive(Debug, Deserialize)]
struct MoneyFile {
    base_salary: Vec<Salary>,
    #[serde(default)]
    round_to: Option<u64>,
    periods: Vec<Period>,
}

#[derive(Debug, Deserialize)]
struct Salary {
    from: Option<String>,
    amount: u64,
}

#[derive(Debug, Deserialize)]
struct Period {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
    coefficients: BTreeMap<String, Coefficients>,
}

#[derive(Debug, Deserialize)]
struct Coefficients {
    #[serde(default)]
    ca_nhan: Option<f64>,
    #[serde(default)]
    tap_the: Option<f64>,
    #[serde(default)]
    ho_gia_dinh: Option<f64>,
    /// A commune authority's own coefficients.
    #[serde(default)]
    xa: Option<Box<Coefficients>>,
}

impl Coefficients {
    fn of(&self, kind: AwardKind) -> Option<f64> {
        match kind {
            AwardKind::Individual => self.ca_nhan,
            AwardKind::Collective => self.tap_the,
            AwardKind::Household => self.ho_gia_dinh,
        }
    }
}

/// The money rules in force on one date.
pub(super) struct Rates {
    base: Option<u64>,
    round_to: u64,
    coefficients: BTreeMap<String, Coefficients>,
}

impl Rates {
    /// The rules on `date`.
    pub fn on(store: &TemplateStore, date: Date) -> Result<Rates, Diagnostic> {
        let bad = |why: String| {
            Diagnostic::error(
                "money-file",
                Loc::File { file: store.display(MONEY_FILE).into() },
                Text::new(
                    format!("tệp tiền thưởng không đọc được: {why}"),
                    format!("the prize money file cannot be read: {why}"),
                ),
            )
        };
        let file: MoneyFile = store.data(MONEY_FILE).map_err(bad)?;
        let mut base = None;
        for s in &file.base_salary {
            if boundary(&s.from, &bad)?.is_none_or(|f| f <= date) {
                base = Some(s.amount);
            }
        }
        let mut coefficients = BTreeMap::new();
        for p in file.periods {
            let (from, until) = (boundary(&p.from, &bad)?, boundary(&p.until, &bad)?);
            if from.is_none_or(|f| f <= date) && until.is_none_or(|u| date <= u) {
                coefficients = p.coefficients;
                break;
            }
        }
        Ok(Rates { base, round_to: file.round_to.unwrap_or(10_000).max(1), coefficients })
    }

    /// The prize of `form` for one recipient of `kind` from an authority of `level`, when
    /// the rules give one: rounded up to the step when `round_up`.
    pub fn prize(&self, form: AwardType, kind: AwardKind, level: Level, round_up: bool) -> Option<u64> {
        let c = self.coefficients.get(form.money_key())?;
        let coefficient = match (level, &c.xa) {
            (Level::Commune, Some(xa)) => xa.of(kind).or_else(|| c.of(kind)),
            _ => c.of(kind),
        }?;
        let exact = coefficient * self.base? as f64;
        // `0.3 × 2.340.000` is 701.999,99… in binary: a cent's tolerance before rounding up.
        let exact = (exact * 100.0).round() / 100.0;
        Some(if round_up {
            ((exact / self.round_to as f64).ceil() as u64) * self.round_to
        } else {
            exact.round() as u64
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prizes_follow_the_base_salary_of_the_date_rounded_up() {
        let store = TemplateStore::builtin();
        let rates = Rates::on(&store, Date { year: 2025, month: 8, day: 1 }).unwrap();
        let prize = |f, k, l| rates.prize(f, k, l, true);
        assert_eq!(prize(AwardType::LaoDongTienTien, AwardKind::Individual, Level::Department), Some(710_000));
        assert_eq!(prize(AwardType::ChienSiThiDuaCoSo, AwardKind::Individual, Level::Commune), Some(2_340_000));
        assert_eq!(prize(AwardType::TapTheLaoDongTienTien, AwardKind::Collective, Level::Commune), Some(1_880_000));
        assert_eq!(prize(AwardType::TapTheLaoDongXuatSac, AwardKind::Collective, Level::Province), Some(3_510_000));
        assert_eq!(prize(AwardType::GiayKhen, AwardKind::Collective, Level::Commune), Some(1_410_000));
        assert_eq!(prize(AwardType::BangKhen, AwardKind::Individual, Level::Province), Some(3_510_000));
        assert_eq!(
            rates.prize(AwardType::LaoDongTienTien, AwardKind::Individual, Level::Department, false),
            Some(702_000)
        );
        // A commune's Giấy khen before the reform: 0,15 × 1.800.000.
        let rates = Rates::on(&store, Date { year: 2024, month: 3, day: 1 }).unwrap();
        assert_eq!(rates.prize(AwardType::GiayKhen, AwardKind::Individual, Level::Commune, true), Some(270_000));
        assert_eq!(rates.prize(AwardType::GiaDinhVanHoa, AwardKind::Household, Level::Commune, true), None);
    }
}
