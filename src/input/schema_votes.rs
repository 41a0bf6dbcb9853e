//! The contract's sheets for a vote held at the conference: `Bầu cử` (each vote: what is
//! elected, how many, the ballots printed, the rule, and the counts typed after the vote)
//! and `Ứng cử viên` (the candidates of each vote, with the votes each received). Kept
//! apart from `schema.rs` only for its length; `TABLES` lists them with the others.

use super::spec::{STT_COL, TableKind, TableSpec, col, items, req};

pub(crate) const ELECTIONS: TableSpec = TableSpec {
    kind: TableKind::Elections,
    sheet: "Bầu cử",
    sheet_aliases: &["Các cuộc bầu", "Cuộc bầu", "Bầu cử tại hội nghị"],
    yaml: "elections",
    columns: &[
        STT_COL,
        col("id", "Mã", &["Mã cuộc bầu"]),
        req("title", "Cuộc bầu", &["Nội dung bầu", "Tên cuộc bầu", "Bầu"]),
        req("seats", "Số lượng bầu", &["Số lượng được bầu", "Số người được bầu", "Số lượng"]),
        col("copies", "Số phiếu in", &["Số phiếu bầu in", "Số bản in"]),
        col("threshold", "Tỷ lệ trúng cử", &["Điều kiện trúng cử", "Ngưỡng trúng cử"]),
        col("base", "Tỷ lệ tính trên", &["Tính trên", "Tính tỷ lệ trên"]),
        col("summoned", "Số được triệu tập", &["Số đại biểu triệu tập", "Số đại biểu được triệu tập", "Số cử tri"]),
        col("stamp", "Dấu của", &["Đơn vị đóng dấu", "Dấu trên phiếu"]),
        col("issued", "Số phiếu phát ra", &["Phát ra", "Phiếu phát ra"]),
        col("returned", "Số phiếu thu về", &["Thu về", "Phiếu thu về", "Số phiếu thu vào"]),
        col("valid", "Số phiếu hợp lệ", &["Hợp lệ", "Phiếu hợp lệ"]),
        col("invalid", "Số phiếu không hợp lệ", &["Không hợp lệ", "Phiếu không hợp lệ"]),
        col("board_head", "Trưởng ban kiểm phiếu", &["Trưởng ban"]),
        items(col("board", "Thành viên ban kiểm phiếu", &["Ban kiểm phiếu", "Thành viên"])),
        col("time", "Giờ kiểm phiếu", &["Thời gian kiểm phiếu", "Giờ lập biên bản"]),
    ],
};

pub(crate) const CANDIDATES: TableSpec = TableSpec {
    kind: TableKind::Candidates,
    sheet: "Ứng cử viên",
    sheet_aliases: &["Danh sách bầu cử", "Danh sách ứng cử", "Người ứng cử", "Ứng viên"],
    yaml: "candidates",
    columns: &[
        STT_COL,
        col("election", "Cuộc bầu", &["Mã cuộc bầu", "Bầu"]),
        req("name", "Họ và tên", &["Họ tên", "Tên ứng cử viên", "Người ứng cử"]),
        col("detail", "Chức vụ, đơn vị", &["Chức vụ", "Đơn vị", "Chức vụ, đơn vị công tác", "Đơn vị công tác"]),
        col("votes", "Số phiếu bầu", &["Số phiếu", "Số phiếu đạt", "Phiếu bầu"]),
    ],
};
