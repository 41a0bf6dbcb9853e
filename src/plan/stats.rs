//! The statistics of the summary report, computed from the OCOP product list and the
//! targets: a pure module, so every figure printed (PDF) or written (XLSX) comes from here.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{
    Dataset, Direction, Metric, OTHER_KIND, PRODUCER_KINDS, PRODUCT_GROUPS, Product, Target, district_key, kind_key,
    target_metric,
};
use crate::text::{loose_key, vi_number, vi_percent};

/// Products by star class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StarCounts {
    pub total: usize,
    pub s3: usize,
    pub s4: usize,
    pub s5: usize,
}

impl StarCounts {
    fn add(&mut self, stars: u8) {
        self.total += 1;
        match stars {
            3 => self.s3 += 1,
            4 => self.s4 += 1,
            _ => self.s5 += 1,
        }
    }

    pub fn get(&self, stars: u8) -> usize {
        match stars {
            3 => self.s3,
            4 => self.s4,
            5 => self.s5,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub counts: StarCounts,
    /// Change against the previous year, in percent (none for the first year or after a
    /// year without products).
    pub growth: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictRow {
    pub name: String,
    pub counts: StarCounts,
    pub producers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    pub name: String,
    pub counts: StarCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindRow {
    pub name: String,
    pub producers: usize,
    pub products: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    pub name: String,
    pub year: Option<i32>,
    pub unit: Option<String>,
    pub planned: f64,
    pub achieved: f64,
    /// achieved / planned, in percent, for a target where higher is better (none when
    /// nothing was planned, or when lower is better: a percentage would mislead).
    pub percent: Option<f64>,
    /// `Đạt` or `Không đạt`, the right way round.
    pub verdict: &'static str,
    /// The target in one sentence: `Tỷ lệ hộ nghèo năm 2025: kế hoạch không quá 1,5%,
    /// thực hiện 0,25% (đạt)`.
    pub text: String,
}

impl TargetRow {
    /// Evaluates a target that achieved `achieved`.
    pub fn of(t: &Target, achieved: f64) -> TargetRow {
        let met = match t.direction {
            Direction::Higher => achieved >= t.planned,
            Direction::Lower => achieved <= t.planned,
        };
        // To one decimal, as every document prints it.
        let percent = (t.direction == Direction::Higher && t.planned > 0.0)
            .then(|| (achieved * 1000.0 / t.planned).round() / 10.0);
        let with_unit = |v: f64| match t.unit.as_deref() {
            Some("%") => format!("{}%", vi_number(v)),
            Some(u) => format!("{} {u}", vi_number(v)),
            None => vi_number(v),
        };
        let year = t.year.map(|y| format!(" năm {y}")).unwrap_or_default();
        let ceiling = if t.direction == Direction::Lower { "không quá " } else { "" };
        let outcome = match percent {
            Some(p) if met => format!("đạt {}% kế hoạch", vi_percent(p)),
            Some(p) => format!("bằng {}% kế hoạch, không đạt", vi_percent(p)),
            None if met => "đạt".into(),
            None => "không đạt".into(),
        };
        TargetRow {
            name: t.name.clone(),
            year: t.year,
            unit: t.unit.clone(),
            planned: t.planned,
            achieved,
            percent,
            verdict: if met { "Đạt" } else { "Không đạt" },
            text: format!(
                "{}{year}: kế hoạch {ceiling}{}, thực hiện {} ({outcome})",
                t.name,
                with_unit(t.planned),
                with_unit(achieved)
            ),
        }
    }
}

/// Every figure of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub total: usize,
    /// Distinct producers (chủ thể), by name.
    pub producers: usize,
    pub stars: StarCounts,
    /// Every year from the first to the last product or target year, empty years included.
    pub years: Vec<YearRow>,
    /// In the configured district order; districts of the data missing from it follow.
    pub districts: Vec<DistrictRow>,
    /// The six groups of QĐ 148/QĐ-TTg, in their order.
    pub groups: Vec<GroupRow>,
    pub kinds: Vec<KindRow>,
    pub targets: Vec<TargetRow>,
}

/// The achieved figure: as given, else counted (validation requires one of the two).
fn achieved(target: &Target, products: &[Product]) -> f64 {
    if let Some(a) = target.achieved {
        return a;
    }
    let in_year = |p: &&Product| target.year.is_none_or(|y| p.year == y);
    match target_metric(&target.name) {
        Some(Metric::Products(lo, hi)) => {
            products.iter().filter(in_year).filter(|p| (lo..=hi).contains(&p.stars)).count() as f64
        }
        Some(Metric::Producers) => {
            products.iter().filter(in_year).map(|p| loose_key(&p.producer)).collect::<BTreeSet<_>>().len() as f64
        }
        None => 0.0,
    }
}

/// Computes every figure. `district_order` names the districts in the order of the tables.
pub fn compute(products: &[Product], targets: &[Target], district_order: &[String]) -> Stats {
    let mut stars = StarCounts::default();
    let mut by_year: BTreeMap<i32, StarCounts> = BTreeMap::new();
    let mut by_group = vec![StarCounts::default(); PRODUCT_GROUPS.len()];
    let mut districts: Vec<(String, StarCounts, BTreeSet<String>)> =
        district_order.iter().map(|d| (d.clone(), StarCounts::default(), BTreeSet::new())).collect();
    // The four kinds, then the others.
    let mut kinds: Vec<(BTreeSet<String>, usize)> = vec![(BTreeSet::new(), 0); PRODUCER_KINDS.len() + 1];
    let mut producers = BTreeSet::new();
    for p in products {
        stars.add(p.stars);
        by_year.entry(p.year).or_default().add(p.stars);
        by_group[p.group].add(p.stars);
        let key = district_key(&p.district);
        let d = match districts.iter().position(|(name, ..)| district_key(name) == key) {
            Some(i) => i,
            None => {
                districts.push((p.district.clone(), StarCounts::default(), BTreeSet::new()));
                districts.len() - 1
            }
        };
        districts[d].1.add(p.stars);
        districts[d].2.insert(loose_key(&p.producer));
        producers.insert(loose_key(&p.producer));
        let k = p.producer_kind.as_deref().and_then(kind_key).unwrap_or(PRODUCER_KINDS.len());
        kinds[k].0.insert(loose_key(&p.producer));
        kinds[k].1 += 1;
    }
    let first = by_year.keys().chain(targets.iter().filter_map(|t| t.year.as_ref())).min().copied();
    let last = by_year.keys().chain(targets.iter().filter_map(|t| t.year.as_ref())).max().copied();
    let mut years = Vec::new();
    if let (Some(first), Some(last)) = (first, last) {
        let mut previous: Option<usize> = None;
        for year in first..=last {
            let counts = by_year.get(&year).copied().unwrap_or_default();
            let growth = previous.filter(|p| *p > 0).map(|p| (counts.total as f64 - p as f64) * 100.0 / p as f64);
            years.push(YearRow { year, counts, growth });
            previous = Some(counts.total);
        }
    }
    Stats {
        total: stars.total,
        producers: producers.len(),
        stars,
        years,
        districts: districts
            .into_iter()
            .map(|(name, counts, p)| DistrictRow { name, counts, producers: p.len() })
            .collect(),
        groups: PRODUCT_GROUPS
            .iter()
            .zip(by_group)
            .map(|(name, counts)| GroupRow { name: name.to_string(), counts })
            .collect(),
        kinds: PRODUCER_KINDS
            .iter()
            .chain([&OTHER_KIND])
            .zip(kinds)
            .enumerate()
            .filter(|(i, (_, (_, n)))| *i < PRODUCER_KINDS.len() || *n > 0)
            .map(|(_, (name, (p, n)))| KindRow { name: name.to_string(), producers: p.len(), products: n })
            .collect(),
        targets: targets.iter().map(|t| TargetRow::of(t, achieved(t, products))).collect(),
    }
}

/// The statistics of a dataset with its district order (none: the order of the data).
pub fn of(ds: &Dataset) -> Stats {
    compute(&ds.products, &ds.targets, &ds.report_settings.district_order)
}

/// `stats` as the narrative sees it: `stats.total`, `stats.producers`,
/// `stats.by_stars[4]`, `stats.by_year[2022]`, `stats.by_district["Huyện Na Hang"]`,
/// `stats.by_group["Thực phẩm"]`, `stats.by_kind["Hợp tác xã"]`, `stats.targets` (list of
/// `{name, year, planned, achieved, percent}`), and the rows of every table.
#[derive(Debug, Serialize)]
pub struct NarrativeStats<'a> {
    pub total: usize,
    pub producers: usize,
    pub by_stars: BTreeMap<i64, usize>,
    pub by_year: BTreeMap<i64, usize>,
    pub by_district: BTreeMap<&'a str, usize>,
    pub by_group: BTreeMap<&'a str, usize>,
    pub by_kind: BTreeMap<&'a str, usize>,
    pub targets: &'a [TargetRow],
    pub years: &'a [YearRow],
    pub districts: &'a [DistrictRow],
    pub groups: &'a [GroupRow],
}

impl Stats {
    pub fn narrative(&self) -> NarrativeStats<'_> {
        NarrativeStats {
            total: self.total,
            producers: self.producers,
            by_stars: (3..=5).map(|s| (i64::from(s), self.stars.get(s))).collect(),
            by_year: self.years.iter().map(|y| (i64::from(y.year), y.counts.total)).collect(),
            by_district: self.districts.iter().map(|d| (d.name.as_str(), d.counts.total)).collect(),
            by_group: self.groups.iter().map(|g| (g.name.as_str(), g.counts.total)).collect(),
            by_kind: self.kinds.iter().map(|k| (k.name.as_str(), k.products)).collect(),
            targets: &self.targets,
            years: &self.years,
            districts: &self.districts,
            groups: &self.groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Origin;
    use crate::model::Src;
    use crate::model::district_name;

    fn src() -> Src {
        Src { origin: Origin::Yaml { file: "t".into(), line: 1, col: 1, path: "p".into() }, cells: Default::default() }
    }

    fn product(producer: &str, kind: &str, district: &str, group: usize, stars: u8, year: i32) -> Product {
        Product {
            name: format!("SP {producer} {year}"),
            producer: producer.into(),
            producer_kind: Some(kind.into()),
            address: None,
            district: district.into(),
            group,
            stars,
            year,
            decision: None,
            src: src(),
        }
    }

    fn target(name: &str, year: Option<i32>, planned: f64) -> Target {
        Target {
            name: name.into(),
            year,
            planned,
            achieved: None,
            unit: None,
            direction: Direction::Higher,
            src: src(),
        }
    }

    fn order() -> Vec<String> {
        ["Thành phố Tuyên Quang", "Huyện Na Hang", "Huyện Lâm Bình"].map(String::from).to_vec()
    }

    #[test]
    fn counts_with_an_empty_year_and_an_empty_district() {
        let products = vec![
            product("HTX A", "Hợp tác xã", "Huyện Na Hang", 0, 3, 2021),
            product("HTX A", "HTX", "huyện Na Hang", 1, 4, 2021),
            product("Công ty B", "Doanh nghiệp", "TP Tuyên Quang", 0, 3, 2023),
            product("Hộ C", "Hộ sản xuất", "Na Hang", 0, 5, 2023),
        ];
        let targets = vec![target("Số sản phẩm OCOP đạt 3 sao trở lên", Some(2022), 5.0)];
        let s = compute(&products, &targets, &order());
        assert_eq!(s.total, 4);
        assert_eq!(s.producers, 3);
        assert_eq!(s.stars, StarCounts { total: 4, s3: 2, s4: 1, s5: 1 });
        // 2022 has no products but lies between others: it is a row of zeros.
        let years: Vec<(i32, usize)> = s.years.iter().map(|y| (y.year, y.counts.total)).collect();
        assert_eq!(years, [(2021, 2), (2022, 0), (2023, 2)]);
        assert_eq!(s.years[1].growth, Some(-100.0));
        assert_eq!(s.years[2].growth, None, "no growth from an empty year");
        // Districts in the configured order, matched loosely; Lâm Bình has none.
        let districts: Vec<(&str, usize, usize)> =
            s.districts.iter().map(|d| (d.name.as_str(), d.counts.total, d.producers)).collect();
        assert_eq!(districts, [("Thành phố Tuyên Quang", 1, 1), ("Huyện Na Hang", 3, 2), ("Huyện Lâm Bình", 0, 0)]);
        assert_eq!(s.groups[0].counts.total, 3);
        assert_eq!(s.groups[1].counts.total, 1);
        assert_eq!(s.groups.len(), 6);
        let kinds: Vec<(usize, usize)> = s.kinds.iter().map(|k| (k.producers, k.products)).collect();
        assert_eq!(kinds, [(1, 1), (1, 2), (0, 0), (1, 1)]);
        // The 2022 target: nothing achieved, 0 %.
        assert_eq!(s.targets[0].achieved, 0.0);
        assert_eq!(s.targets[0].percent, Some(0.0));
        // Totals agree.
        assert_eq!(s.districts.iter().map(|d| d.counts.total).sum::<usize>(), s.total);
        assert_eq!(s.years.iter().map(|y| y.counts.total).sum::<usize>(), s.total);
    }

    #[test]
    fn unknown_districts_follow_the_order() {
        let products = vec![product("X", "Hợp tác xã", "Huyện Bắc Mê", 0, 3, 2023)];
        let s = compute(&products, &[], &order());
        assert_eq!(s.districts.last().unwrap().name, "Huyện Bắc Mê");
        assert_eq!(s.districts.len(), 4);
    }

    #[test]
    fn targets_measure_what_they_name() {
        let products = vec![
            product("A", "Hợp tác xã", "Na Hang", 0, 3, 2023),
            product("A", "Hợp tác xã", "Na Hang", 0, 4, 2023),
            product("B", "Hợp tác xã", "Na Hang", 0, 4, 2022),
        ];
        let targets = vec![
            target("Số sản phẩm OCOP đạt 3 sao trở lên", Some(2023), 4.0),
            target("Số sản phẩm đạt 4 sao", None, 1.0),
            target("Số chủ thể OCOP", None, 4.0),
            target("Sản phẩm OCOP", Some(2023), 0.0),
        ];
        assert_eq!(target_metric("Tổng số sản phẩm OCOP đạt 3 sao trở lên"), Some(Metric::Products(3, 5)));
        assert_eq!(target_metric("Số lớp tập huấn cho chủ thể"), None);
        assert_eq!(target_metric("Số điểm bán hàng OCOP"), None);
        let s = compute(&products, &targets, &[]);
        let got: Vec<(f64, Option<f64>)> = s.targets.iter().map(|t| (t.achieved, t.percent)).collect();
        assert_eq!(got, [(2.0, Some(50.0)), (2.0, Some(200.0)), (2.0, Some(50.0)), (2.0, None)]);
    }

    #[test]
    fn district_names_follow_the_configured_order() {
        let order = order();
        assert_eq!(district_name("H. Na Hang", &order), "Huyện Na Hang");
        assert_eq!(district_name("Huyện Mới", &order), "Huyện Mới");
    }

    #[test]
    fn district_keys() {
        assert_eq!(district_key("Huyện Na Hang"), district_key("Na Hang"));
        assert_eq!(district_key("Thành phố Tuyên Quang"), district_key("TP Tuyên Quang"));
        assert_eq!(district_key("huyện Chiêm Hoá"), district_key("Huyện Chiêm Hóa"));
        assert_eq!(district_key("H. Na Hang"), district_key("Huyện Na Hang"));
        assert_eq!(district_key("TP. Tuyên Quang"), district_key("Thành phố Tuyên Quang"));
        assert_ne!(district_key("Huyện Hàm Yên"), district_key("Huyện Na Hang"));
        assert_eq!(district_key("Hàm Yên"), district_key("Huyện Hàm Yên"));
    }
}
