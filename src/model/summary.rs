//! The data behind the summary report besides products: targets and narrative sections.

use super::located::Src;

#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    pub year: Option<i32>,
    pub planned: f64,
    /// Given by the clerk; otherwise computed from the products.
    pub achieved: Option<f64>,
    pub src: Src,
}

#[derive(Debug, Clone)]
pub struct ReportSection {
    pub heading: String,
    pub body: String,
    pub src: Src,
}
