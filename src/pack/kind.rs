//! The document families of the pack: what `--only` selects and the manifest records.

use crate::diag::Text;

/// A family of documents made together (`--only` takes their codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// Giấy mời: one per invitee, the merged file and the register.
    Invitations,
    /// Sơ đồ chỗ ngồi, biển tên, the seat list.
    Seating,
    /// Kịch bản and the delegates' programme.
    Script,
    /// The award decision, its list, the certificates and the register.
    Awards,
    /// The summary report and its statistics workbook.
    Summary,
    /// The documents written as text (`van-ban/*.md`): plans, notices, letters.
    Documents,
    /// A vote: the ballots, the counting board's record and the results.
    Votes,
}

impl DocKind {
    pub(crate) const ALL: [DocKind; 7] = [
        DocKind::Invitations,
        DocKind::Seating,
        DocKind::Script,
        DocKind::Awards,
        DocKind::Summary,
        DocKind::Documents,
        DocKind::Votes,
    ];

    /// The code `--only` takes and the manifest records (`giay-moi`).
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Invitations => "giay-moi",
            DocKind::Seating => "so-do",
            DocKind::Script => "kich-ban",
            DocKind::Awards => "khen-thuong",
            DocKind::Summary => "bao-cao",
            DocKind::Documents => "van-ban",
            DocKind::Votes => "bau-cu",
        }
    }

    /// The kind a code names, loosely (`Giấy mời`, `giay-moi`).
    pub fn parse(code: &str) -> Option<DocKind> {
        let slug = crate::text::slug(code);
        DocKind::ALL.into_iter().find(|k| k.code() == slug)
    }

    /// Why the data made none of these documents (its sheet is empty or missing), for the
    /// note that tells the clerk.
    pub(crate) fn not_made(self) -> Text {
        let (what, why, what_en, why_en) = match self {
            DocKind::Invitations => ("Giấy mời", "không có đại biểu nào được mời", "invitations", "nobody is invited"),
            DocKind::Seating => (
                "sơ đồ chỗ ngồi, biển tên",
                "sheet Hội trường trống hoặc không có",
                "seating chart, name plates",
                "the Hội trường sheet is empty or missing",
            ),
            DocKind::Script => (
                "kịch bản, chương trình",
                "sheet Chương trình trống hoặc không có",
                "script, programme",
                "the Chương trình sheet is empty or missing",
            ),
            DocKind::Awards => (
                "Quyết định khen thưởng, Bằng khen",
                "sheet Khen thưởng trống hoặc không có",
                "award decision, certificates",
                "the Khen thưởng sheet is empty or missing",
            ),
            DocKind::Summary => (
                "báo cáo",
                "không có nội dung báo cáo, bảng biểu, chỉ tiêu hay sản phẩm OCOP",
                "report",
                "there is no narrative, table, target or OCOP product",
            ),
            DocKind::Documents => (
                "văn bản",
                "thư mục van-ban/ bên cạnh bảng tính không có tệp .md nào",
                "documents",
                "the van-ban/ folder beside the workbook has no .md file",
            ),
            DocKind::Votes => (
                "phiếu bầu, biên bản kiểm phiếu",
                "sheet Bầu cử trống hoặc không có",
                "ballots, counting record",
                "the Bầu cử sheet is empty or missing",
            ),
        };
        Text::new(format!("không tạo {what}: {why}"), format!("no {what_en}: {why_en}"))
    }
}
