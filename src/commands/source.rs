//! Where the conference comes from when the command line names no file.

use crate::input::Source;

/// The embedded sample conference (`data/so-ket-ocop-2023`).
pub fn sample() -> Source {
    Source::Embedded {
        name: "data/so-ket-ocop-2023/hoi-nghi.xlsx",
        bytes: std::borrow::Cow::Borrowed(include_bytes!("../../data/so-ket-ocop-2023/hoi-nghi.xlsx")),
    }
}

/// The second embedded sample: a commune's year-end emulation conference after the 2025
/// reform (`data/tong-ket-xa-2025`).
pub fn sample_commune() -> Source {
    Source::Embedded {
        name: "data/tong-ket-xa-2025/hoi-nghi.yaml",
        bytes: std::borrow::Cow::Borrowed(include_bytes!("../../data/tong-ket-xa-2025/hoi-nghi.yaml")),
    }
}

/// The file named, else the sample asked for, else the OCOP sample.
pub fn source(args: &crate::cli::SourceArgs) -> Source {
    match (&args.input, args.mau) {
        (Some(path), _) => Source::File(path.clone()),
        (None, Some(crate::cli::SampleArg::Xa)) => sample_commune(),
        (None, _) => sample(),
    }
}
