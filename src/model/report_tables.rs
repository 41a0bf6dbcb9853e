//! The report's tables and charts as the clerk defines them (sheet `Bảng biểu`, YAML
//! `report.tables`): where the data comes from, what its rows and columns are, what is
//! counted or summed, and how it is printed. Names of sheets and columns are kept as
//! written; the planner finds them and says at the cell when one does not exist.

use super::located::Src;

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct TableDef {
    /// `kinh-phi`: what `{{ bang("kinh-phi") }}` names.
    pub id: Option<String>,
    pub title: String,
    /// The sheet the data comes from.
    pub source: String,
    /// The column whose values are the rows (none: the source's rows are listed).
    pub rows: Option<Axis>,
    /// The column whose values become columns (a cross table).
    pub columns: Option<Axis>,
    /// What each column of figures holds, in order (`Đếm`, `Tổng Kinh phí`, a column).
    pub values: Vec<ValueDef>,
    pub filters: Vec<Filter>,
    /// `Đơn vị tính: …` under the title.
    pub unit: Option<String>,
    /// A total row: asked for, refused, or the default (tables that group rows have one).
    pub total: Option<bool>,
    /// `Tỷ lệ`: each row's share of the total of the first figure, in percent.
    pub share: bool,
    /// `Tăng giảm`: the change of the first figure against the row above, in percent.
    pub change: bool,
    pub order: RowOrder,
    pub place: Place,
    pub chart: Option<ChartDef>,
    pub src: Src,
}

/// A column whose values make rows or columns, with the values to show first, in order,
/// even when nothing has them (`Hạng sao: 3 sao; 4 sao; 5 sao`).
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub column: String,
    pub values: Vec<String>,
}

/// One item of `Giá trị`: its text (`Tổng Kinh phí`) and the header to print, when given
/// (`Kinh phí (triệu đồng): Tổng Kinh phí`).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueDef {
    pub label: Option<String>,
    pub text: String,
}

/// `Hình thức = Giấy khen`, `Loại ≠ Tập thể`.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub column: String,
    pub equal: bool,
    pub value: String,
}

/// The order of a table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowOrder {
    /// As they first appear in the data (after the values named in `Hàng`).
    #[default]
    Data,
    /// By the first figure, smallest first.
    Ascending,
    /// By the first figure, largest first.
    Descending,
    /// By name, in Vietnamese alphabetical order.
    Alphabetic,
    /// Numbers (years) in order, with the missing ones in between as rows of zeros.
    Continuous,
}

/// Where a table is printed.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// In an appendix: the first (`Phụ lục`), or one numbered, with its title.
    Appendix { number: Option<u32>, title: Option<String> },
    /// In the text, where `{{ bang("…") }}` stands (else after the charts).
    Body,
    /// Not printed (its figures serve the narrative and the workbook).
    Hidden,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical columns, side by side for several series.
    Columns,
    /// Vertical columns stacked.
    Stacked,
    /// Horizontal bars.
    Bars,
    Line,
    Pie,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartDef {
    pub kind: ChartKind,
    /// The columns of figures drawn (none: the first).
    pub columns: Vec<String>,
    pub title: Option<String>,
}
