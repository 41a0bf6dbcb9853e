//! The command line (clap derive). Raw arguments only; `commands` turns them into
//! pipeline configurations.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// vanthu — biến bảng tính hội nghị thành bộ văn bản theo Nghị định 30/2020/NĐ-CP.
/// Turns a conference workbook into its print-ready paperwork pack.
#[derive(Debug, Parser)]
#[command(name = "vanthu", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Ngôn ngữ thông báo / language of messages.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
    /// Chỉ in lỗi / print errors only.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Định dạng thông báo / message format.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra rồi tạo bộ văn bản / validate, then write the pack.
    Build(BuildArgs),
    /// Chỉ kiểm tra dữ liệu / validate only (exit 1 on errors).
    Check(CheckArgs),
    /// Chuyển đổi giữa YAML và Excel / the same data in the other format.
    Convert(ConvertArgs),
    /// Tạo bảng tính mẫu để điền / write a starter workbook and YAML to fill in.
    Init(InitArgs),
    /// Tự tạo lại mỗi khi lưu bảng tính / rebuild whenever the input is saved.
    Watch(WatchArgs),
    /// Tạo PDF của một văn bản viết dạng chữ (.md) / render one text document to PDF.
    Render(RenderArgs),
    /// Mở trang làm việc trong trình duyệt, cho cả văn phòng / serve the office's page.
    Serve(ServeArgs),
    /// Tạo một hội nghị giả lập cỡ tùy ý (đo hiệu năng) / write a synthetic conference of
    /// any size, for benchmarks.
    #[command(hide = true)]
    TaoDuLieu(SynthArgs),
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Thư mục ghi hoi-nghi.xlsx và hoi-nghi.yaml.
    pub dir: PathBuf,
    /// Số đại biểu (ít nhất bằng dữ liệu mẫu).
    #[arg(long = "dai-bieu", alias = "delegates", default_value_t = 2000)]
    pub delegates: usize,
    /// Hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Thư mục ghi hoi-nghi.xlsx (mặc định: thư mục hiện tại).
    pub dir: Option<PathBuf>,
    /// Ghi hoi-nghi.yaml (dạng chữ, có chú thích) thay cho bảng tính / write YAML instead.
    #[arg(long)]
    pub yaml: bool,
    /// Loại hội nghị: tong-ket (tổng kết công tác năm, mặc định), thi-dua (thi đua, khen
    /// thưởng), chuong-trinh (sơ kết một chương trình, có danh sách sản phẩm như OCOP).
    #[arg(long, default_value = "tong-ket")]
    pub loai: String,
    /// Cấp cơ quan: xa (UBND xã, phường, mặc định), so (sở, ban, ngành), tinh (UBND tỉnh), bo
    /// (bộ, cơ quan ngang bộ), cuc (tổng cục, cục thuộc bộ), don-vi (đơn vị sự nghiệp công
    /// lập: trường, bệnh viện, viện). Viết có dấu cũng được: --cap "Bộ".
    #[arg(long, default_value = "xa")]
    pub cap: String,
    /// Hội nghị trực tiếp kết hợp trực tuyến: thêm sheet Điểm cầu, một đại biểu dự tại điểm
    /// cầu và mục kết nối, kiểm tra kỹ thuật trong chương trình.
    #[arg(long)]
    pub truc_tuyen: bool,
    /// Ghi đè nếu tệp đã có.
    #[arg(long)]
    pub force: bool,
}

/// The conference to read (`build`, `check`).
#[derive(Debug, Args, Default, Clone)]
pub struct SourceArgs {
    /// Bảng tính (.xlsx, .xls, .ods) hoặc tệp YAML; bỏ trống: dữ liệu mẫu.
    pub input: Option<PathBuf>,
    /// Dữ liệu mẫu khi không nêu tệp: ocop (hội nghị sơ kết OCOP của tỉnh, mặc định) hoặc
    /// xa (hội nghị tổng kết thi đua của một xã, sau 07/2025).
    #[arg(long, value_enum, conflicts_with = "input")]
    pub mau: Option<SampleArg>,
}

/// The embedded samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SampleArg {
    /// Tuyên Quang province's OCOP review conference (December 2023).
    Ocop,
    /// A commune's year-end emulation conference (Ia Sao, Gia Lai, December 2025).
    Xa,
}

/// Where the pack goes (`build`, `watch`).
#[derive(Debug, Args, Default, Clone)]
pub struct PackArgs {
    /// Thư mục bộ văn bản (mặc định output/<mã hội nghị>).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Cho ghi vào thư mục -o đã có tệp nhưng chưa phải bộ văn bản của vanthu (tệp trùng
    /// tên bị thay) / write into a non-empty folder that is not a vanthu pack.
    #[arg(long = "ghi-de")]
    pub adopt: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Bảng tính hoặc tệp YAML cần theo dõi.
    pub input: PathBuf,
    #[command(flatten)]
    pub pack: PackArgs,
}

#[derive(Debug, Args, Default)]
pub struct BuildArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    #[command(flatten)]
    pub pack: PackArgs,
    /// Chỉ tạo các loại: giay-moi, so-do, kich-ban, khen-thuong, bao-cao, van-ban, bau-cu.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// In thời gian từng bước / print the time of each stage.
    #[arg(long)]
    pub timings: bool,
    /// Tạo lại tất cả, kể cả tệp không đổi / render everything again.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Thư mục làm việc: mỗi hội nghị một thư mục con (mặc định: thư mục hiện tại).
    pub dir: Option<PathBuf>,
    /// Cổng của trang.
    #[arg(long = "cong", alias = "port", default_value_t = 8030)]
    pub port: u16,
    /// Mở trang cho cả mạng nội bộ (mọi người dùng phải đăng nhập); mặc định chỉ máy này.
    #[arg(long = "mang", alias = "network")]
    pub network: bool,
    /// Không tự mở trình duyệt.
    #[arg(long = "khong-mo", alias = "no-open")]
    pub no_open: bool,
    /// Thêm một tài khoản (mật khẩu nhập trên màn hình) rồi thoát.
    #[arg(long = "them-nguoi-dung", alias = "add-user", value_name = "TÊN")]
    pub add_user: Option<String>,
    /// Trang được mở qua HTTPS (đặt sau một máy chủ HTTPS): cookie phiên chỉ gửi qua HTTPS.
    #[arg(long)]
    pub https: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Tệp văn bản (.md), ví dụ van-ban/ke-hoach.md.
    pub file: PathBuf,
    /// Bảng tính hội nghị lấy cơ quan, người ký, số liệu (mặc định: hoi-nghi.xlsx cạnh thư
    /// mục van-ban/, nếu có).
    #[arg(long = "hoi-nghi", alias = "conference")]
    pub conference: Option<PathBuf>,
    /// Tệp PDF ghi ra (mặc định: cùng tên, đuôi .pdf, cùng thư mục).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConvertTo {
    Yaml,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Tệp nguồn.
    pub input: PathBuf,
    /// Định dạng đích.
    #[arg(long, value_enum)]
    pub to: ConvertTo,
    /// Tệp đích (mặc định: cùng tên, đuôi mới, cùng thư mục).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Ghi đè nếu tệp đích đã có.
    #[arg(long)]
    pub force: bool,
}
