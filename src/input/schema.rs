//! The input contract as data: every sheet, column, alias and setting label of
//! `workbook.md`, with the YAML key of each. The Excel and YAML readers, the converter and
//! the starter workbook are all driven by these tables, so a new column is one line here.

use std::sync::LazyLock;

use crate::text::loose_key;

pub use super::spec::{ColumnSpec, STT, TableKind, TableSpec, TextKind};
use super::spec::{STT_COL, col, items, multi, req};

pub static TABLES: [TableSpec; 14] = [
    TableSpec {
        kind: TableKind::Delegates,
        sheet: "Đại biểu",
        sheet_aliases: &["Danh sách đại biểu", "DS đại biểu", "Đại biểu mời", "Khách mời", "Thành phần mời"],
        yaml: "delegates",
        columns: &[
            STT_COL,
            col("id", "Mã", &["Mã đại biểu", "Mã ĐB", "ID"]),
            req("honorific", "Danh xưng", &["Ông/Bà", "Xưng hô", "Ông/Bà/Đồng chí"]),
            req("name", "Họ và tên", &["Họ tên", "Họ và tên đại biểu", "Họ tên đại biểu", "Tên đại biểu"]),
            col(
                "position",
                "Chức vụ",
                &["Chức danh", "Chức vụ/Chức danh", "Chức vụ, chức danh", "Vị trí công tác", "Vị trí việc làm"],
            ),
            req(
                "organization",
                "Cơ quan, đơn vị",
                &[
                    "Đơn vị",
                    "Cơ quan",
                    "Cơ quan/Đơn vị",
                    "Đơn vị công tác",
                    "Nơi công tác",
                    "Cơ quan công tác",
                    // One column for both: its text is the whole phrase, printed as it is.
                    "Chức vụ, đơn vị",
                    "Chức vụ, đơn vị công tác",
                    "Chức vụ, cơ quan",
                ],
            ),
            req("group", "Nhóm", &["Thành phần", "Nhóm đại biểu", "Khối"]),
            col("rank", "Thứ tự", &["Thứ tự ưu tiên", "Ưu tiên", "Thứ bậc"]),
            items(col("roles", "Vai trò", &["Nhiệm vụ", "Vai trò tại hội nghị"])),
            col("invited", "Mời", &["Gửi giấy mời", "Có mời", "Giấy mời"]),
            col("attendance", "Xác nhận", &["Tham dự", "Xác nhận tham dự", "Tình trạng"]),
            col("seat", "Ghế", &["Vị trí ghế", "Số ghế", "Chỗ ngồi", "Vị trí"]),
            col("bridge", "Điểm cầu", &["Dự tại điểm cầu", "Dự tại", "Điểm cầu trực tuyến"]),
            col("academic", "Học hàm, học vị", &["Học hàm học vị", "Học vị", "Học hàm", "Chức danh khoa học"]),
            col("presidium_order", "Thứ tự Đoàn chủ tịch", &["Thứ tự trong Đoàn chủ tịch", "Ghế Đoàn chủ tịch"]),
            col("phone", "Điện thoại", &["SĐT", "Số điện thoại", "Điện thoại di động", "ĐT", "Di động", "ĐTDĐ"]),
            col("email", "Email", &["E-mail", "Thư điện tử", "Địa chỉ email", "Địa chỉ thư điện tử", "Địa chỉ E-mail"]),
            col("address", "Địa chỉ", &["Địa chỉ gửi", "Địa chỉ liên hệ"]),
            col("note", "Ghi chú", &[]),
        ],
    },
    TableSpec {
        kind: TableKind::Awards,
        sheet: "Khen thưởng",
        sheet_aliases: &["Danh sách khen thưởng", "Đề nghị khen thưởng", "DS khen thưởng"],
        yaml: "awards",
        columns: &[
            STT_COL,
            req("kind", "Loại", &["Tập thể/Cá nhân", "Đối tượng", "Loại đối tượng"]),
            col("honorific", "Danh xưng", &["Ông/Bà", "Xưng hô"]),
            req(
                "name",
                "Tên tập thể, cá nhân",
                &["Họ và tên", "Tên", "Họ tên", "Tên tập thể/cá nhân", "Tên tập thể hoặc cá nhân"],
            ),
            col("unit", "Chức vụ, đơn vị", &["Chức vụ, đơn vị công tác", "Chức vụ/Đơn vị", "Chức vụ, nơi công tác"]),
            // Offices often keep the two apart; they are joined into `unit`.
            col("position", "Chức vụ", &["Chức danh", "Chức vụ/Chức danh"]),
            col("organization", "Đơn vị", &["Cơ quan", "Cơ quan, đơn vị", "Đơn vị công tác", "Nơi công tác"]),
            multi(col("achievement", "Thành tích", &["Thành tích khen thưởng", "Nội dung thành tích"])),
            col("form", "Hình thức", &["Hình thức khen thưởng", "Danh hiệu", "Hình thức, danh hiệu"]),
            col("decision", "Quyết định", &["Mã quyết định"]),
            col("authority", "Thẩm quyền", &["Cấp khen", "Thẩm quyền khen thưởng"]),
            col("proposer", "Đơn vị đề nghị", &["Cơ quan đề nghị", "Đơn vị trình"]),
            col("delegate_id", "Mã đại biểu", &["Mã ĐB"]),
        ],
    },
    TableSpec {
        kind: TableKind::Agenda,
        sheet: "Chương trình",
        sheet_aliases: &["Chương trình hội nghị", "Chương trình chi tiết"],
        yaml: "agenda",
        columns: &[
            STT_COL,
            col("time", "Thời gian", &["Giờ", "Giờ bắt đầu", "Thời điểm"]),
            req("minutes", "Thời lượng (phút)", &["Thời lượng", "Số phút", "Phút"]),
            req("title", "Nội dung", &["Nội dung chương trình", "Nội dung công việc"]),
            col(
                "by",
                "Người thực hiện",
                &["Người trình bày", "Thực hiện", "Người/đơn vị thực hiện", "Người (đơn vị) thực hiện"],
            ),
            col("kind", "Loại", &["Loại nội dung", "Kiểu"]),
            multi(col("mc", "Lời dẫn", &["Lời dẫn MC", "Lời MC", "Lời dẫn chương trình"])),
            col("note", "Ghi chú", &[]),
        ],
    },
    TableSpec {
        kind: TableKind::Hall,
        sheet: "Hội trường",
        sheet_aliases: &["Sơ đồ hội trường", "Hội trường chỗ ngồi"],
        yaml: "hall",
        columns: &[
            req("block", "Khu vực", &["Khu", "Dãy"]),
            req("row", "Hàng", &["Hàng ghế"]),
            req("seats", "Số ghế", &["Số lượng ghế", "Số chỗ", "Số chỗ ngồi"]),
            items(col("reserved_for", "Dành cho nhóm", &["Dành cho", "Nhóm"])),
        ],
    },
    TableSpec {
        kind: TableKind::Signings,
        sheet: "Ký kết",
        sheet_aliases: &["Ký kết biên bản", "Ký kết hợp tác", "Ký kết ghi nhớ"],
        yaml: "signings",
        columns: &[
            STT_COL,
            req("party_a", "Bên thứ nhất", &["Bên A"]),
            req("party_b", "Bên thứ hai", &["Bên B"]),
            col("kind", "Loại văn bản", &["Loại", "Hình thức ký kết", "Loại ký kết"]),
            col("subject", "Nội dung", &["Nội dung ký kết"]),
        ],
    },
    TableSpec {
        kind: TableKind::Products,
        sheet: "Sản phẩm OCOP",
        sheet_aliases: &["Sản phẩm", "Danh sách sản phẩm OCOP", "Danh sách sản phẩm", "SP OCOP"],
        yaml: "products",
        columns: &[
            STT_COL,
            req("name", "Tên sản phẩm", &["Sản phẩm"]),
            req("producer", "Chủ thể", &["Chủ thể OCOP", "Tên chủ thể", "Chủ thể sản xuất"]),
            col("producer_kind", "Loại chủ thể", &["Loại hình chủ thể", "Loại hình"]),
            col("address", "Địa chỉ", &["Xã", "Xã, phường, thị trấn"]),
            req(
                "district",
                "Huyện, thành phố",
                &["Huyện", "Huyện/thành phố", "Huyện, TP", "Địa bàn", "Đơn vị hành chính"],
            ),
            req("product_group", "Nhóm sản phẩm", &["Nhóm", "Nhóm ngành"]),
            req("stars", "Hạng sao", &["Số sao", "Hạng", "Xếp hạng"]),
            req("year", "Năm công nhận", &["Năm"]),
            col("decision", "Số quyết định", &["Quyết định", "Số QĐ", "QĐ công nhận"]),
        ],
    },
    TableSpec {
        kind: TableKind::Targets,
        sheet: "Chỉ tiêu",
        sheet_aliases: &["Chỉ tiêu kế hoạch", "Mục tiêu"],
        yaml: "targets",
        columns: &[
            STT_COL,
            req("name", "Chỉ tiêu", &["Tên chỉ tiêu"]),
            col("year", "Năm", &[]),
            req("planned", "Kế hoạch", &["Mục tiêu", "Chỉ tiêu kế hoạch", "KH"]),
            col("achieved", "Đạt được", &["Kết quả", "Thực hiện", "Đã đạt"]),
            col("unit", "Đơn vị tính", &["ĐVT", "Đơn vị"]),
            col("direction", "Chiều", &["Chiều đánh giá", "Tốt khi", "Hướng"]),
        ],
    },
    TableSpec {
        kind: TableKind::Report,
        sheet: "Báo cáo",
        sheet_aliases: &["Nội dung báo cáo"],
        yaml: "report.sections",
        columns: &[STT_COL, req("heading", "Mục", &["Tiêu đề", "Đề mục"]), multi(req("body", "Nội dung", &[]))],
    },
    TableSpec {
        kind: TableKind::Groups,
        sheet: "Nhóm",
        sheet_aliases: &["Nhóm đại biểu", "Thứ tự nhóm"],
        yaml: "groups",
        columns: &[
            STT_COL,
            req("name", "Nhóm", &["Tên nhóm", "Thành phần"]),
            col("order", "Thứ tự", &["Thứ tự ưu tiên"]),
            col("intro", "Lời giới thiệu", &["Giới thiệu", "Cách giới thiệu"]),
            col("greeting", "Lời chào", &["Chào", "Kính thưa"]),
            col("introduce", "Nêu tên", &["Số người nêu tên", "Giới thiệu tên", "Nêu tên đại biểu"]),
            col("host", "Chủ nhà", &["Đơn vị chủ trì", "Thuộc đơn vị tổ chức", "Cơ quan tổ chức", "Chủ trì tổ chức"]),
        ],
    },
    TableSpec {
        kind: TableKind::Bridges,
        sheet: "Điểm cầu",
        sheet_aliases: &["Các điểm cầu", "Điểm cầu trực tuyến", "Danh sách điểm cầu"],
        yaml: "bridges",
        columns: &[
            STT_COL,
            req("name", "Tên điểm cầu", &["Điểm cầu", "Tên"]),
            col("place", "Địa điểm", &["Địa chỉ", "Phòng họp", "Nơi đặt điểm cầu"]),
            col("chair", "Chủ trì điểm cầu", &["Chủ trì", "Người chủ trì"]),
            col("contact", "Người liên hệ", &["Cán bộ kỹ thuật", "Liên hệ", "Cán bộ phụ trách"]),
            col("phone", "Điện thoại", &["SĐT", "Số điện thoại", "Điện thoại liên hệ"]),
            col("expected", "Số đại biểu dự kiến", &["Số đại biểu", "Số người dự", "Dự kiến"]),
        ],
    },
    TableSpec {
        kind: TableKind::Decisions,
        sheet: "Quyết định",
        sheet_aliases: &["Quyết định khen thưởng", "Các quyết định", "Danh sách quyết định"],
        yaml: "decisions",
        columns: &[
            STT_COL,
            col("id", "Mã quyết định", &["Mã"]),
            col("form", "Hình thức", &["Hình thức khen thưởng", "Danh hiệu", "Hình thức, danh hiệu"]),
            col("authority", "Thẩm quyền", &["Cấp khen", "Thẩm quyền khen thưởng"]),
            col("number", "Số", &["Số quyết định"]),
            col("code", "Ký hiệu", &[]),
            col("date", "Ngày", &["Ngày ký", "Ngày quyết định"]),
            col("subject", "Trích yếu", &[]),
            col("year", "Năm", &["Năm danh hiệu", "Năm học", "Giai đoạn"]),
            col("citation", "Thành tích", &["Lý do khen thưởng"]),
            col("proposal", "Theo đề nghị", &["Đề nghị"]),
            col("amount_individual", "Tiền thưởng cá nhân", &[]),
            col("amount_collective", "Tiền thưởng tập thể", &[]),
            col("amount_household", "Tiền thưởng hộ gia đình", &[]),
            col("fund_source", "Nguồn kinh phí", &[]),
            multi(col("executors", "Trách nhiệm thi hành", &["Điều 3"])),
            col("signer_name", "Người ký", &[]),
            multi(col("signer_authority", "Quyền hạn ký", &[])),
            col("signer_title", "Chức vụ người ký", &[]),
            multi(col("recipients", "Nơi nhận", &[])),
            col("certificates", "In giấy chứng nhận", &["In bằng", "In giấy khen"]),
            col("handing", "Cách trao", &["Trao tại hội nghị", "Hình thức trao", "Lên sân khấu"]),
            col("golden_book_start", "Số sổ vàng bắt đầu", &["Số sổ vàng"]),
        ],
    },
    TableSpec {
        kind: TableKind::ReportTables,
        sheet: "Bảng biểu",
        sheet_aliases: &["Các bảng biểu", "Danh sách bảng biểu", "Bảng biểu báo cáo"],
        yaml: "report.tables",
        columns: &[
            STT_COL,
            col("id", "Mã", &["Mã bảng", "Mã biểu"]),
            req("title", "Tên bảng", &["Tên biểu", "Tiêu đề bảng"]),
            req("source", "Dữ liệu", &["Nguồn dữ liệu", "Sheet dữ liệu", "Lấy từ sheet"]),
            col("rows", "Hàng", &["Theo hàng", "Gom theo", "Nhóm theo"]),
            col("columns", "Cột", &["Theo cột", "Chia cột"]),
            multi(col("values", "Giá trị", &["Số liệu", "Cách tính", "Các cột"])),
            multi(col("filter", "Lọc", &["Điều kiện", "Chỉ lấy"])),
            col("unit", "Đơn vị tính", &["ĐVT"]),
            col("total", "Dòng tổng", &["Có dòng tổng"]),
            items(col("extras", "Thêm cột", &["Cột tính thêm"])),
            col("order", "Thứ tự hàng", &["Sắp xếp", "Thứ tự"]),
            col("place", "Vị trí", &["In ở", "Nơi in"]),
            col("chart", "Biểu đồ", &["Loại biểu đồ", "Vẽ biểu đồ"]),
            items(col("chart_columns", "Cột biểu đồ", &["Số liệu biểu đồ"])),
            col("chart_title", "Tên biểu đồ", &["Tiêu đề biểu đồ"]),
        ],
    },
    super::schema_votes::ELECTIONS,
    super::schema_votes::CANDIDATES,
];

pub fn table(kind: TableKind) -> &'static TableSpec {
    TABLES.iter().find(|t| t.kind == kind).expect("every kind has a spec")
}

impl TableSpec {
    pub fn column(&self, key: &str) -> Option<&'static ColumnSpec> {
        // SAFETY of 'static: TABLES is a static.
        let columns: &'static [ColumnSpec] = self.columns;
        columns.iter().find(|c| c.key == key)
    }

    /// Does `name` start with this table's sheet name or one of its other names, followed
    /// by more words (`Đại biểu (sửa 12-12)`, `Khen thưởng 2023`)? Short names (`Nhóm`,
    /// `Ký kết`) never match this way.
    pub(crate) fn starts_sheet(&self, name: &str) -> bool {
        let k = loose_key(name);
        std::iter::once(self.sheet)
            .chain(self.sheet_aliases.iter().copied())
            .map(loose)
            .any(|a| a.len() >= 6 && k.len() > a.len() && k.starts_with(a))
    }

    /// Does `name` (a sheet name as found) designate this table?
    pub(crate) fn matches_sheet(&self, name: &str) -> bool {
        let k = loose_key(name);
        !k.is_empty() && std::iter::once(self.sheet).chain(self.sheet_aliases.iter().copied()).any(|a| loose(a) == k)
    }
}

impl ColumnSpec {
    pub fn matches(&self, header: &str) -> bool {
        self.matches_loose(&loose_key(header))
    }

    /// Like [`ColumnSpec::matches`] for a header already turned into its loose key.
    pub(crate) fn matches_loose(&self, key: &str) -> bool {
        !key.is_empty() && self.names().any(|n| loose(n) == key)
    }

    /// The header and its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.header).chain(self.aliases.iter().copied())
    }
}

/// Loose keys of the contract's own names (headers, aliases, sheet names, labels),
/// computed once: header matching compares every cell of the top rows against them.
static LOOSE: LazyLock<std::collections::HashMap<&'static str, String>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = Vec::new();
    for t in &TABLES {
        names.push(t.sheet);
        names.extend(t.sheet_aliases);
        for c in t.columns {
            names.extend(c.names());
        }
    }
    for s in SETTINGS.iter() {
        names.push(&s.label);
        names.extend(s.aliases.iter().map(String::as_str));
    }
    names.into_iter().map(|n| (n, loose_key(n))).collect()
});

/// The loose key of one of the contract's names.
pub(crate) fn loose(name: &'static str) -> &'static str {
    LOOSE.get(name).map_or("", String::as_str)
}

/// The settings sheet.
pub(crate) const SETTINGS_SHEET: &str = "Hội nghị";
pub(crate) const SETTINGS_SHEET_ALIASES: &[&str] = &["Thông tin hội nghị", "Thông tin chung", "Cài đặt", "Thiết lập"];
pub(crate) const SETTINGS_LABEL_HEADER: &str = "Thông tin";
pub(crate) const SETTINGS_VALUE_HEADER: &str = "Giá trị";

/// One setting of the `Hội nghị` sheet / a top-level YAML key.
#[derive(Debug, Clone)]
pub(crate) struct SettingSpec {
    /// Dotted YAML key (`conference.title`, `documents.invitation.signer.name`).
    pub key: String,
    /// The label in column `Thông tin`.
    pub label: String,
    pub aliases: Vec<String>,
    pub text: TextKind,
    /// A list in YAML (one item per line in the cell).
    pub list: bool,
}

/// Every setting of the contract as (YAML key, label in the `Hội nghị` sheet): for tools
/// and tests that build inputs from the contract itself.
pub fn setting_names() -> Vec<(&'static str, &'static str)> {
    SETTINGS.iter().map(|s| (s.key.as_str(), s.label.as_str())).collect()
}

/// Certificate faces besides the Bằng khen (whose settings keep their `certificate.*`
/// keys): (label prefix, YAML key under `certificates`).
pub const CERTIFICATE_FACES: [(&str, &str); 2] = [("Giấy khen", "giay_khen"), ("Giấy chứng nhận", "chung_nhan")];

/// Document kinds with their own settings block: (label prefix, YAML key).
pub(crate) const DOCUMENT_KINDS: [(&str, &str); 4] =
    [("Giấy mời", "invitation"), ("Quyết định", "decision"), ("Báo cáo", "report"), ("Kịch bản", "script")];

fn setting(key: &str, label: &str, aliases: &[&str]) -> SettingSpec {
    SettingSpec {
        key: key.to_string(),
        label: label.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        text: TextKind::Inline,
        list: false,
    }
}

/// Every setting, in the order the starter workbook and `convert` write them.
pub(crate) static SETTINGS: LazyLock<Vec<SettingSpec>> = LazyLock::new(|| {
    let mut s = vec![
        setting("id", "Mã hội nghị", &[]),
        setting("conference.title", "Tên hội nghị", &["Tên hội nghị, hội thảo"]),
        setting("conference.date", "Ngày họp", &["Ngày tổ chức", "Ngày hội nghị"]),
        setting("conference.start_time", "Giờ bắt đầu", &["Thời gian bắt đầu", "Giờ họp"]),
        setting("conference.venue", "Địa điểm", &["Địa điểm tổ chức"]),
        setting("conference.host", "Đơn vị chủ trì", &["Cơ quan chủ trì", "Đơn vị chủ trì tổ chức"]),
        setting("conference.duration", "Thời lượng", &["Thời gian họp"]),
        setting("issuer.parent", "Cơ quan chủ quản", &[]),
        setting("issuer.name", "Cơ quan ban hành", &["Tên cơ quan ban hành"]),
        setting("issuer.sentence_name", "Tên cơ quan trong văn bản", &["Cơ quan ban hành (viết thường)"]),
        setting("issuer.code", "Ký hiệu cơ quan", &["Viết tắt cơ quan"]),
        setting("issuer.level", "Cấp cơ quan", &["Cấp hành chính", "Loại cơ quan"]),
        setting("issuer.head", "Chức danh thủ trưởng", &["Chức danh người đứng đầu", "Chức danh thủ trưởng cơ quan"]),
        setting("issuer.place", "Địa danh", &[]),
        setting("contact.name", "Người liên hệ", &[]),
        setting("contact.phone", "Điện thoại liên hệ", &["Số điện thoại liên hệ"]),
        setting("ceremony.batch_size", "Số người lên sân khấu mỗi đợt", &["Số người mỗi đợt"]),
        setting("seating.second_seat", "Ghế số 2 bên", &["Ghế thứ hai bên", "Hướng xếp ghế"]),
        setting("seating.layout", "Kiểu phòng", &["Kiểu bố trí phòng", "Bố trí phòng họp", "Kiểu hội trường"]),
        setting("font", "Phông chữ", &["Font chữ", "Font"]),
    ];
    for (label, key) in DOCUMENT_KINDS {
        let k = |f: &str| format!("documents.{key}.{f}");
        let l = |f: &str| format!("{label}: {f}");
        let mut push = |field: &str, name: &str, text: TextKind, list: bool| {
            s.push(SettingSpec { key: k(field), label: l(name), aliases: vec![], text, list });
        };
        push("number", "Số", TextKind::Inline, false);
        push("code", "Ký hiệu", TextKind::Inline, false);
        push("date", "Ngày", TextKind::Inline, false);
        push("subject", "Trích yếu", TextKind::Inline, false);
        push("signer.name", "Người ký", TextKind::Inline, false);
        push("signer.authority", "Quyền hạn ký", TextKind::Multiline, false);
        push("signer.title", "Chức vụ người ký", TextKind::Inline, false);
        push("recipients", "Nơi nhận", TextKind::Multiline, true);
        push("notes", "Ghi chú", TextKind::Multiline, true);
    }
    // The award decision and its certificates.
    s.extend([
        setting("documents.decision.citation", "Quyết định: Thành tích", &["Quyết định: Lý do khen thưởng"]),
        setting("documents.decision.proposal", "Quyết định: Theo đề nghị", &["Quyết định: Đề nghị"]),
        setting("documents.decision.authority_line", "Quyết định: Thẩm quyền", &["Quyết định: Thẩm quyền ban hành"]),
        setting("documents.decision.executors", "Quyết định: Trách nhiệm thi hành", &["Quyết định: Điều 3"]),
        setting("documents.decision.amount_collective", "Quyết định: Tiền thưởng tập thể", &[]),
        setting("documents.decision.amount_individual", "Quyết định: Tiền thưởng cá nhân", &[]),
        setting("documents.decision.fund_source", "Quyết định: Nguồn kinh phí", &[]),
        setting("documents.decision.list_form", "Quyết định: Dạng danh sách", &[]),
        setting("documents.decision.amount_household", "Quyết định: Tiền thưởng hộ gia đình", &[]),
        setting("documents.decision.golden_book_start", "Quyết định: Số sổ vàng bắt đầu", &["Số sổ vàng bắt đầu"]),
        setting("documents.decision.grounds", "Quyết định: Căn cứ bổ sung", &["Quyết định: Căn cứ của cơ quan"]),
        setting("documents.decision.title_verb", "Quyết định: Động từ danh hiệu", &["Quyết định: Tặng hay công nhận"]),
        setting("documents.decision.round_up", "Quyết định: Làm tròn tiền thưởng", &[]),
        setting(
            "documents.decision.period",
            "Quyết định: Năm",
            &["Quyết định: Năm học", "Quyết định: Giai đoạn", "Quyết định: Năm danh hiệu"],
        ),
        setting("documents.decision.certificates", "Quyết định: In giấy chứng nhận", &[]),
        setting(
            "documents.decision.forms",
            "Quyết định: Hình thức được tặng",
            &["Hình thức được tặng", "Thẩm quyền khen thưởng của cơ quan"],
        ),
        setting("documents.report.district_order", "Báo cáo: Thứ tự huyện", &["Thứ tự huyện"]),
        setting("documents.report.opening", "Báo cáo: Mở đầu", &[]),
        setting("documents.report.closing", "Báo cáo: Kết thúc", &[]),
        setting("certificate.size", "Bằng khen: Khổ giấy", &["Khổ Bằng khen"]),
        setting("certificate.mode", "Bằng khen: Kiểu in", &["Kiểu in Bằng khen"]),
        setting("certificate.offset_x", "Bằng khen: Lệch ngang (mm)", &["Bằng khen: Lệch ngang"]),
        setting("certificate.offset_y", "Bằng khen: Lệch dọc (mm)", &["Bằng khen: Lệch dọc"]),
    ]);
    // The other certificate faces: the same four settings each.
    for (label, key) in CERTIFICATE_FACES {
        let k = |f: &str| format!("certificates.{key}.{f}");
        s.extend([
            setting(&k("size"), &format!("{label}: Khổ giấy"), &[]),
            setting(&k("mode"), &format!("{label}: Kiểu in"), &[]),
            setting(&k("offset_x"), &format!("{label}: Lệch ngang (mm)"), &[format!("{label}: Lệch ngang").as_str()]),
            setting(&k("offset_y"), &format!("{label}: Lệch dọc (mm)"), &[format!("{label}: Lệch dọc").as_str()]),
        ]);
    }
    for spec in &mut s {
        if ["documents.report.district_order", "documents.decision.grounds", "documents.decision.forms"]
            .contains(&spec.key.as_str())
        {
            spec.text = TextKind::Multiline;
            spec.list = true;
        }
    }
    s
});

/// The setting a label designates, loosely matched.
pub(crate) fn setting_by_label(label: &str) -> Option<&'static SettingSpec> {
    let find = |label: &str| {
        let k = loose_key(label);
        if k.is_empty() {
            return None;
        }
        SETTINGS.iter().find(|s| loose(&s.label) == k || s.aliases.iter().any(|a| loose(a) == k))
    };
    // `1. Tên hội nghị`, `2) Ngày họp`, `a) Địa điểm`, `IV. …`: the label's numbering.
    find(label).or_else(|| {
        let t = label.trim_start();
        let (head, rest) = t.split_once(char::is_whitespace)?;
        let mark = head.strip_suffix(['.', ')'])?;
        let numbered = !mark.is_empty()
            && (mark.chars().all(|c| c.is_ascii_digit() || c == '.')
                || mark.chars().count() == 1 && mark.chars().all(char::is_alphabetic)
                || mark.chars().all(|c| "IVXLC".contains(c)));
        numbered.then(|| find(rest)).flatten()
    })
}

pub(crate) fn setting_by_key(key: &str) -> Option<&'static SettingSpec> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// Sheets `vanthu` writes for the clerk's eyes, which the reader passes over in silence.
pub(crate) const GUIDE_SHEET: &str = "Hướng dẫn";

pub(crate) const LISTS_SHEET: &str = "Danh mục";

/// The column of `spec` a header or key nobody recognised was probably meant to be: one the
/// input lacks (`present` says which it has) whose header, other names or YAML key are a
/// typo away from it (one edit in up to 8 letters, two in longer ones, compared loosely).
pub(crate) fn near_miss(
    spec: &'static TableSpec,
    text: &str,
    present: &dyn Fn(&str) -> bool,
) -> Option<&'static ColumnSpec> {
    let key = crate::text::loose_key(text);
    let allowed = match key.chars().count() {
        0..=3 => return None,
        4..=8 => 1,
        _ => 2,
    };
    spec.columns
        .iter()
        .filter(|c| c.key != STT && !present(c.key))
        .filter_map(|c| {
            let names = [c.header, c.key].into_iter().chain(c.aliases.iter().copied());
            let d = names.map(|n| strsim::damerau_levenshtein(&crate::text::loose_key(n), &key)).min()?;
            (d <= allowed).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The warning for a header (`key`: a YAML key) that looks like a misspelling of `meant`.
pub(crate) fn near_miss_warning(loc: crate::diag::Loc, text: &str, meant: &str, key: bool) -> crate::diag::Diagnostic {
    use crate::diag::{Diagnostic, Text, quote};
    let (what, what_en, fix, fix_en) = if key {
        ("khóa", "key", "sửa tên khóa", "rename the key")
    } else {
        ("cột", "column", "sửa tiêu đề", "rename the header")
    };
    Diagnostic::warning(
        "misspelled-column",
        loc,
        Text::new(
            format!("{what} {} không thuộc danh sách nên bị bỏ qua; có phải là {}?", quote(text), quote(meant)),
            format!(
                "the {what_en} {} is not one of the list's and is ignored; did you mean {}?",
                quote(text),
                quote(meant)
            ),
        ),
    )
    .with_hint(Text::new(format!("{fix} thành {}", quote(meant)), format!("{fix_en} to {}", quote(meant))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_loosely() {
        let delegates = table(TableKind::Delegates);
        let name = delegates.column("name").unwrap();
        assert!(name.matches("HỌ VÀ TÊN"));
        assert!(name.matches(" Ho  va ten"));
        assert!(name.matches("Họ tên"));
        let org = delegates.column("organization").unwrap();
        assert!(org.matches("Cơ quan/Đơn vị"));
        assert!(org.matches("CƠ QUAN, ĐƠN VỊ"));
        assert!(!name.matches("Chức vụ"));
    }

    #[test]
    fn no_header_is_ambiguous_within_a_sheet() {
        for t in &TABLES {
            for (i, a) in t.columns.iter().enumerate() {
                let mut names = vec![a.header];
                names.extend(a.aliases);
                for n in names {
                    for b in &t.columns[i + 1..] {
                        assert!(!b.matches(n), "{}: `{n}` matches both {} and {}", t.sheet, a.key, b.key);
                    }
                }
            }
        }
    }

    #[test]
    fn the_data_readme_documents_every_sheet_column_and_setting() {
        let readme = include_str!("../../data/README.md");
        for t in &TABLES {
            assert!(readme.contains(&format!("`{}`", t.sheet)), "sheet {}", t.sheet);
            assert!(readme.contains(&format!("`{}`", t.yaml)), "yaml {}", t.yaml);
            for c in t.columns.iter().filter(|c| c.key != STT) {
                assert!(readme.contains(&format!("| {} |", c.header)), "{}: header {}", t.sheet, c.header);
                assert!(readme.contains(&format!("`{}`", c.key)), "{}: key {}", t.sheet, c.key);
            }
        }
        for s in SETTINGS.iter() {
            let generic = s.label.split_once(": ").is_some_and(|(_, field)| readme.contains(&format!("`K: {field}`")));
            assert!(generic || readme.contains(&format!("| {} |", s.label)), "label {}", s.label);
            let key = s
                .key
                .rsplit_once("documents.")
                .map_or(s.key.as_str(), |(_, k)| k.split_once('.').map_or(k, |(_, f)| f));
            assert!(readme.contains(&format!("`{key}`")) || readme.contains(&format!("`{}`", s.key)), "key {}", s.key);
        }
    }

    #[test]
    fn numbered_labels_are_found() {
        for label in ["1. Tên hội nghị", "2) Tên hội nghị", "a) Tên hội nghị", "IV. Tên hội nghị", "1.2. Tên hội nghị"]
        {
            assert_eq!(setting_by_label(label).map(|s| s.key.as_str()), Some("conference.title"), "{label}");
        }
        assert!(setting_by_label("Tên hội nghị cũ").is_none());
    }

    #[test]
    fn settings_labels_are_unique_and_found() {
        for s in SETTINGS.iter() {
            assert_eq!(setting_by_label(&s.label).map(|f| &f.key), Some(&s.key), "{}", s.label);
        }
        assert_eq!(setting_by_label("giay moi: so").unwrap().key, "documents.invitation.number");
        assert!(setting_by_label("Không có").is_none());
    }
}
