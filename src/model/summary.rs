//! The data behind the summary report besides products: targets and narrative sections.

use super::located::Src;

#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    pub year: Option<i32>,
    pub planned: f64,
    /// Given by the clerk; otherwise computed from the products.
    pub achieved: Option<f64>,
    /// `hộ`, `%`, `sản phẩm`.
    pub unit: Option<String>,
    pub direction: Direction,
    pub src: Src,
}

/// Which way a target is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// At least the plan (products, revenue): the percentage achieved says how far.
    #[default]
    Higher,
    /// At most the plan (the poverty rate, late files): met or not, no percentage.
    Lower,
}

#[derive(Debug, Clone)]
pub struct ReportSection {
    pub heading: String,
    pub body: String,
    pub src: Src,
}
