//! `vanthu convert`: the same conference in the other format (workbook ↔ YAML).

use super::reporter::{Console, INTERNAL};
use crate::cli::{ConvertArgs, ConvertTo};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::input::Source;
use crate::pipeline::{self, Outcome, Timings};

pub fn run(r: &Console, args: ConvertArgs) -> u8 {
    let src = Source::File(args.input.clone());
    let mut diags = Diagnostics::new();
    let prepared = pipeline::prepare(&src, &mut diags, &mut Timings::default());
    let Some(prepared) = prepared else {
        return r.status(&Outcome { diags, ..Outcome::default() });
    };
    let ext = match args.to {
        ConvertTo::Yaml => "yaml",
        ConvertTo::Xlsx => "xlsx",
    };
    let target = args.output.unwrap_or_else(|| args.input.with_extension(ext));
    let same_file = target.canonicalize().ok().is_some_and(|t| args.input.canonicalize().ok() == Some(t));
    if same_file || (target.exists() && !args.force) {
        diags.push(
            Diagnostic::error(
                "target-exists",
                Loc::File { file: target.display().to_string().into() },
                Text::new("tệp đích đã có; không ghi đè", "the target file exists; not overwritten"),
            )
            .with_hint(Text::new(
                "chọn tên khác bằng -o, hoặc thêm --force để ghi đè",
                "choose another name with -o, or add --force",
            )),
        );
        return r.status(&Outcome { diags, usage_error: true, ..Outcome::default() });
    }
    let bytes = match args.to {
        ConvertTo::Yaml => crate::workbook::convert::to_yaml(&prepared.data).into_bytes(),
        ConvertTo::Xlsx => match crate::workbook::convert::to_xlsx(&prepared.data, &prepared.dataset) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{e}");
                return INTERNAL;
            }
        },
    };
    if let Err(d) = crate::output::write_atomic(&target, &bytes) {
        diags.push(d);
        return r.status(&Outcome { diags, internal_failure: true, ..Outcome::default() });
    }
    let status = r.status(&Outcome { diags, ..Outcome::default() });
    r.line(format!("Đã ghi {}", target.display()), format!("Wrote {}", target.display()));
    status
}
