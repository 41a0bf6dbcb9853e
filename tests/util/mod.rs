//! Helpers shared by the integration tests: building workbooks on disk, running the
//! pipeline or the binary, and reading PDFs back (pure Rust, see `pdf`).
#![allow(dead_code, clippy::disallowed_methods)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::Workbook;
use vanthu::input::Source;
use vanthu::pack::DocKind;
use vanthu::pipeline::{self, BuildConfig, Outcome};
use vanthu::render::Silent;

pub mod browser;
pub mod pdf;
pub mod site;

/// A cell of a test workbook.
#[derive(Clone, Debug)]
pub enum C {
    S(&'static str),
    T(String),
    N(f64),
    E,
}

pub use C::{E, N, S};

/// Writes a workbook with the given sheets (name, rows) to `path`.
pub fn write_workbook(path: &Path, sheets: &[(&str, Vec<Vec<C>>)]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    C::T(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// The settings rows every small test conference uses.
pub fn settings() -> Vec<Vec<C>> {
    [
        ("Thông tin", "Giá trị"),
        ("Mã hội nghị", "hoi-nghi-thu"),
        ("Tên hội nghị", "Hội nghị thử nghiệm"),
        ("Ngày họp", "15/12/2023"),
        ("Giờ bắt đầu", "08:00"),
        ("Địa điểm", "Trung tâm Hội nghị tỉnh"),
        ("Cơ quan ban hành", "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"),
        ("Ký hiệu cơ quan", "UBND"),
        ("Địa danh", "Tuyên Quang"),
        ("Giấy mời: Ngày", "05/12/2023"),
        ("Giấy mời: Người ký", "Bùi Văn Phong"),
        ("Giấy mời: Quyền hạn ký", "TL. CHỦ TỊCH"),
        ("Giấy mời: Chức vụ người ký", "CHÁNH VĂN PHÒNG"),
        ("Giấy mời: Nơi nhận", "Như trên\nLưu: VT, NLN"),
    ]
    .into_iter()
    .map(|(a, b)| vec![S(a), S(b)])
    .collect()
}

pub fn delegate_header() -> Vec<C> {
    ["STT", "Mã", "Danh xưng", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Nhóm", "Điện thoại"].map(S).to_vec()
}

/// A temporary project folder.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Project {
        Project { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn workbook(&self, name: &str, sheets: &[(&str, Vec<Vec<C>>)]) -> PathBuf {
        let p = self.path(name);
        write_workbook(&p, sheets);
        p
    }

    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn out(&self) -> PathBuf {
        self.path("out")
    }
}

/// Runs the whole pipeline in-process.
pub fn build(source: Source, out: &Path) -> Outcome {
    build_only(source, out, &[])
}

pub fn build_only(source: Source, out: &Path, only: &[DocKind]) -> Outcome {
    let config = BuildConfig {
        source,
        out_dir: Some(out.to_path_buf()),
        root: None,
        only: only.iter().copied().collect::<BTreeSet<_>>(),
        force: false,
        adopt: false,
    };
    pipeline::build(&config, &Silent)
}

/// Errors of an outcome as `code @ place` lines, for readable assertions.
pub fn errors(outcome: &Outcome) -> Vec<String> {
    outcome
        .diags
        .errors()
        .map(|d| format!("{} @ {}", d.code, d.loc.as_ref().map(|l| l.short()).unwrap_or_default()))
        .collect()
}

/// Runs the binary.
pub fn vanthu(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanthu")).args(args).current_dir(cwd).output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, relative, sorted — but the dated change reports of
/// `thay-doi/` (their names are the build's time), which [`history`] lists, and the lock
/// file a build holds.
pub fn files(dir: &Path) -> Vec<String> {
    let mut all = every_file(dir);
    all.retain(|f| !f.starts_with("thay-doi/") && f != ".vanthu.lock");
    all
}

/// The dated change reports a pack folder keeps (`thay-doi/<date>_<time>.xlsx`), oldest first.
pub fn history(dir: &Path) -> Vec<String> {
    every_file(&dir.join("thay-doi"))
}

fn every_file(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(d: &Path, base: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The cells of a sheet as text, row by row.
pub fn read_sheet(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

/// Sums a `SUM(C4:C10)` over the cells calamine reads (columns A–Z).
pub fn eval_sum(formula: &str, values: &calamine::Range<calamine::Data>) -> f64 {
    use calamine::Data;
    let inner = formula.trim_start_matches('=').trim_start_matches("SUM(").trim_end_matches(')');
    let (a, b) = inner.split_once(':').unwrap();
    let col = |r: &str| (r.chars().next().unwrap() as u32 - 'A' as u32) as usize;
    let row = |r: &str| r[1..].parse::<usize>().unwrap() - 1;
    (row(a)..=row(b))
        .map(|r| match values.get((r, col(a))) {
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            other => panic!("not a number at {r}: {other:?}"),
        })
        .sum()
}
