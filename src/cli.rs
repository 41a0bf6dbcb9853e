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
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Thư mục ghi hoi-nghi.xlsx và hoi-nghi.yaml (mặc định: thư mục hiện tại).
    pub dir: Option<PathBuf>,
    /// Ghi đè nếu tệp đã có.
    #[arg(long)]
    pub force: bool,
}

/// The conference to read (`build`, `check`).
#[derive(Debug, Args, Default, Clone)]
pub struct SourceArgs {
    /// Bảng tính (.xlsx, .xls, .ods) hoặc tệp YAML; bỏ trống: dữ liệu mẫu.
    pub input: Option<PathBuf>,
}

/// Where the pack goes (`build`, `watch`).
#[derive(Debug, Args, Default, Clone)]
pub struct PackArgs {
    /// Thư mục bộ văn bản (mặc định output/<mã hội nghị>).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
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
    /// Chỉ tạo các loại: giay-moi, so-do, kich-ban, khen-thuong, bao-cao.
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
