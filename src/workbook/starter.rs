//! `vanthu init`: the starter workbook and YAML a clerk fills in, and the explanations the
//! workbooks `vanthu` writes carry — a note on every header, a line on every setting, the
//! drop-down lists of the fixed choices and the `Hướng dẫn` sheet.
//!
//! The starter's data lives in one place, `data/starter/hoi-nghi.yaml.j2` (with comments for
//! whoever edits the YAML), a template for each kind of conference and agency level; the
//! workbook is made from the YAML through the same pipeline and writer as `vanthu convert`,
//! so the two always say the same and always build.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::Source;
use crate::pipeline::{self, Timings};

/// The starter's template (blocks `<% %>`, values `<< >>`), with its comments.
const TEMPLATE: &str = include_str!("../../data/starter/hoi-nghi.yaml.j2");

/// The kind of conference a starter is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// A year-end review (`tổng kết công tác năm`): targets, the body's own tables.
    #[default]
    YearEnd,
    /// An emulation and commendation conference (`tổng kết phong trào thi đua`).
    Emulation,
    /// A programme review with a product list, like the OCOP sample.
    Programme,
}

/// The level of the agency a starter is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tier {
    /// A provincial People's Committee.
    Province,
    /// A department (Sở): a meeting room with a U-shaped table.
    Department,
    /// A commune, ward or special zone People's Committee (since 07/2025).
    #[default]
    Commune,
    /// A ministry or ministry-level agency (its header has no superior line).
    Ministry,
    /// A body under a ministry that issues in its own name (Tổng cục, Cục).
    UnderMinistry,
    /// A public service unit: a university under a ministry (a school, hospital or
    /// institute is filled in the same way).
    PublicUnit,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::YearEnd, Profile::Emulation, Profile::Programme];

    /// Its name on the command line and in the template (`tong-ket`).
    pub fn code(self) -> &'static str {
        match self {
            Profile::YearEnd => "tong-ket",
            Profile::Emulation => "thi-dua",
            Profile::Programme => "chuong-trinh",
        }
    }

    /// The kind a text names, loosely (`tổng kết`, `tong-ket`, `thi đua`, `chương trình`).
    pub fn parse(text: &str) -> Option<Profile> {
        let k = crate::text::loose_key(text);
        match k.as_str() {
            "tongket" | "tongketnam" | "tongketcongtac" | "yearend" => Some(Profile::YearEnd),
            "thidua" | "thiduakhenthuong" | "emulation" => Some(Profile::Emulation),
            "chuongtrinh" | "soket" | "ocop" | "programme" | "program" => Some(Profile::Programme),
            _ => None,
        }
    }

    /// The choices, for a message.
    pub const CHOICES: &str = "tong-ket (tổng kết công tác năm), thi-dua (thi đua, khen thưởng), chuong-trinh (sơ kết một chương trình, có danh sách sản phẩm)";
}

impl Tier {
    pub const ALL: [Tier; 6] =
        [Tier::Province, Tier::Department, Tier::Commune, Tier::Ministry, Tier::UnderMinistry, Tier::PublicUnit];

    /// Its name on the command line and in the template (`xa`, `don-vi`).
    pub fn code(self) -> &'static str {
        match self {
            Tier::Province => "tinh",
            Tier::Department => "so",
            Tier::Commune => "xa",
            Tier::Ministry => "bo",
            Tier::UnderMinistry => "cuc",
            Tier::PublicUnit => "don-vi",
        }
    }

    /// The level a text names, loosely: the codes, the words of `Cấp cơ quan` (`Bộ`,
    /// `cơ quan ngang bộ`, `Cục`, `đơn vị sự nghiệp`, `trường`, `bệnh viện`, …).
    pub fn parse(text: &str) -> Option<Tier> {
        use crate::model::Level;
        let k = crate::text::loose_key(text);
        if let Some(t) = Tier::ALL.into_iter().find(|t| crate::text::loose_key(t.code()) == k) {
            return Some(t);
        }
        match crate::validate::award_settings::level_of(text)? {
            Level::Province => Some(Tier::Province),
            Level::Department => Some(Tier::Department),
            Level::Commune => Some(Tier::Commune),
            Level::Ministry => Some(Tier::Ministry),
            Level::UnderMinistry => Some(Tier::UnderMinistry),
            Level::PublicUnit => Some(Tier::PublicUnit),
            Level::District | Level::Agency => None,
        }
    }

    /// The choices, for a message.
    pub const CHOICES: &str = "xa (UBND xã, phường — mặc định), so (sở, ban, ngành), tinh (UBND tỉnh), bo (bộ, cơ quan ngang bộ), cuc (tổng cục, cục thuộc bộ), don-vi (đơn vị sự nghiệp: trường, bệnh viện, viện)";
}

/// Which starter: the kind of conference and the agency's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Starter {
    pub profile: Profile,
    pub tier: Tier,
    /// A hybrid conference (`trực tiếp kết hợp trực tuyến`): bridge points, someone taking
    /// part at one, the technical check before the opening.
    pub hybrid: bool,
}

impl Starter {
    /// Every starter there is.
    pub fn all() -> Vec<Starter> {
        let mut out = Vec::new();
        for profile in Profile::ALL {
            for tier in Tier::ALL {
                for hybrid in [false, true] {
                    out.push(Starter { profile, tier, hybrid });
                }
            }
        }
        out
    }
}

/// The starter's YAML, with its comments.
pub fn yaml(starter: Starter) -> String {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .block_delimiters("<%", "%>")
        .variable_delimiters("<<", ">>")
        .comment_delimiters("<#", "#>")
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .expect("valid delimiters");
    env.set_syntax(syntax);
    let (loai, cap, truc_tuyen) = (starter.profile.code(), starter.tier.code(), starter.hybrid);
    env.render_str(TEMPLATE, minijinja::context! { loai, cap, truc_tuyen }).expect("the starter template renders")
}
/// The names `init` writes.
pub(crate) const XLSX_NAME: &str = "hoi-nghi.xlsx";
pub(crate) const YAML_NAME: &str = "hoi-nghi.yaml";

/// The starter as an input source.
pub fn source(starter: Starter) -> Source {
    Source::Embedded { name: "data/starter/hoi-nghi.yaml", bytes: std::borrow::Cow::Owned(yaml(starter).into_bytes()) }
}

/// The form a conference's data is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `hoi-nghi.xlsx`, for Excel.
    Workbook,
    /// `hoi-nghi.yaml`, for a text editor.
    Yaml,
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::Workbook => XLSX_NAME,
            Form::Yaml => YAML_NAME,
        }
    }
}

/// Writes the starter into `dir` (created if needed) in one form only — two copies of one
/// conference would soon disagree — and the draft plan beside it. Existing files are left
/// alone unless `force`; a starter in the other form already there is an error too, for the
/// same reason. Returns the files written.
pub fn init(dir: &Path, force: bool, starter: Starter, form: Form) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut diags = Diagnostics::new();
    let target = dir.join(form.name());
    let other = dir.join(if form == Form::Workbook { YAML_NAME } else { XLSX_NAME });
    if other.exists() {
        diags.push(
            Diagnostic::error(
                "target-exists",
                Loc::File { file: other.display().to_string().into() },
                Text::new(
                    "thư mục đã có dữ liệu hội nghị ở dạng kia; không tạo thêm một bản thứ hai",
                    "the folder already holds the conference in the other form; no second copy is made",
                ),
            )
            .with_hint(Text::new(
                "dùng tệp đã có, hoặc chọn thư mục khác (vanthu init <thư mục>)",
                "use the file that is there, or choose another folder (vanthu init <folder>)",
            )),
        );
    }
    for t in std::iter::once(&target).filter(|t| t.exists() && !force) {
        diags.push(
            Diagnostic::error(
                "target-exists",
                Loc::File { file: t.display().to_string().into() },
                Text::new("tệp đã có; không ghi đè", "the file exists; not overwritten"),
            )
            .with_hint(Text::new(
                "chọn thư mục khác (vanthu init <thư mục>), hoặc thêm --force để ghi đè",
                "choose another folder (vanthu init <folder>), or add --force to overwrite",
            )),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    write_forms(dir, &yaml(starter), "data/starter/hoi-nghi.yaml", true, &[form])?;
    let mut written = vec![target];
    // A draft of the conference's plan, filled from the workbook; never over the clerk's own.
    let plan = dir.join(crate::input::documents::FOLDER).join("ke-hoach.md");
    if !plan.exists() {
        let made = std::fs::create_dir_all(dir.join(crate::input::documents::FOLDER))
            .map_err(|e| {
                Diagnostic::error(
                    "write-failed",
                    Loc::File { file: plan.display().to_string().into() },
                    Text::new(format!("không tạo được thư mục ({e})"), format!("cannot create the folder ({e})")),
                )
            })
            .and_then(|()| crate::output::write_atomic(&plan, STARTER_PLAN.as_bytes()));
        if let Err(d) = made {
            let mut diags = Diagnostics::new();
            diags.push(d);
            return Err(diags);
        }
        written.push(plan);
    }
    Ok(written)
}

/// The draft plan `init` writes in `van-ban/` (its `{{ … }}` filled from the workbook).
pub(crate) const STARTER_PLAN: &str = include_str!("../../data/starter/van-ban/ke-hoach.md");

/// Writes a conference's YAML `text` (as `hoi-nghi.yaml`) and the workbook made from it (as
/// `hoi-nghi.xlsx`, with the guide sheets when `guide`) into `dir`, in the `forms` asked
/// for; the YAML must be valid.
pub(crate) fn write_forms(
    dir: &Path,
    text: &str,
    name: &'static str,
    guide: bool,
    forms: &[Form],
) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    let source = Source::Embedded { name, bytes: std::borrow::Cow::Owned(text.as_bytes().to_vec()) };
    let prepared = pipeline::prepare(&source, &mut diags, &mut Timings::default()).ok_or_else(|| diags.clone())?;
    let xlsx = crate::workbook::convert::to_xlsx_with(&prepared.data, &prepared.dataset, guide).map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "internal",
            Loc::File { file: XLSX_NAME.into() },
            Text::new(format!("không tạo được bảng tính: {e}"), format!("cannot make the workbook: {e}")),
        ));
        d
    })?;
    if let Err(e) = std::fs::create_dir_all(dir) {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "write-failed",
            Loc::File { file: dir.display().to_string().into() },
            Text::new(format!("không tạo được thư mục ({e})"), format!("cannot create the folder ({e})")),
        ));
        return Err(d);
    }
    for (form, bytes) in [(Form::Workbook, xlsx), (Form::Yaml, text.as_bytes().to_vec())] {
        if !forms.contains(&form) {
            continue;
        }
        crate::output::write_atomic(&dir.join(form.name()), &bytes).map_err(|e| {
            let mut d = Diagnostics::new();
            d.push(e);
            d
        })?;
    }
    Ok(())
}
