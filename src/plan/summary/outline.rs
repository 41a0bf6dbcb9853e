//! The report as planned: its sections of blocks, its computed tables with their numbers,
//! its appendices.

use super::narrative::Block;
use super::table::ReportTable;
use crate::plan::stats::Stats;

#[derive(Debug, Clone)]
pub struct Section {
    /// `I. KẾT QUẢ THỰC HIỆN` (empty for the charts of a report without narrative).
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// An appendix: `Phụ lục <roman>` with its title and tables.
#[derive(Debug, Clone)]
pub struct AppendixPlan {
    pub title: String,
    /// Indices into [`SummaryPlan::tables`].
    pub tables: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct SummaryPlan {
    pub subject: String,
    /// The report's file name without `.pdf`: `bao-cao-so-ket` when the subject says
    /// `sơ kết`, `bao-cao-tong-ket` when it says `tổng kết`, else `bao-cao`.
    pub file_stem: String,
    pub opening: String,
    pub sections: Vec<Section>,
    pub closing: String,
    /// The OCOP figures of `{{ stats.… }}`.
    pub stats: Stats,
    pub tables: Vec<ReportTable>,
    /// `Biểu N` of each table, when it is printed with a number.
    pub numbers: Vec<Option<usize>>,
    /// `Biểu đồ N` of each table's chart, when it is printed.
    pub chart_numbers: Vec<Option<usize>>,
    pub appendices: Vec<AppendixPlan>,
}

/// The title of the first appendix when its tables do not name one.
pub(super) const FIRST_APPENDIX: &str = "Số liệu kết quả thực hiện";

/// `1` → `I`.
pub fn roman(n: usize) -> String {
    const DIGITS: [(usize, &str); 7] = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}
