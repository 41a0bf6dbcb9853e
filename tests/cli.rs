//! The binary: help, usage errors, and the default run that builds the sample.

use crate::util::{Project, files, stderr, vanthu};

#[test]
fn help_and_usage_errors() {
    let p = Project::new();
    let o = vanthu(&["--help"], p.dir.path());
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8_lossy(&o.stdout);
    for cmd in ["build", "check", "convert"] {
        assert!(help.contains(cmd), "{help}");
    }
    let o = vanthu(&["build", "--only", "giay-moi,phao-hoa"], p.dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("lỗi: --only: không có loại văn bản “phao-hoa”"), "{}", stderr(&o));
    let o = vanthu(&["lam-gi-do"], p.dir.path());
    assert_eq!(o.status.code(), Some(2));
    // Clap's English comes after a Vietnamese line, unless English was asked for.
    let o = vanthu(&["build", "-o"], p.dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("lỗi: câu lệnh chưa đúng"), "{}", stderr(&o));
    let o = vanthu(&["--lang", "en", "build", "-o"], p.dir.path());
    assert!(stderr(&o).starts_with("error:"), "{}", stderr(&o));
}

#[test]
fn no_arguments_builds_the_sample_into_output() {
    let p = Project::new();
    let o = vanthu(&[], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = files(&p.path("output/so-ket-ocop-2023"));
    assert!(built.contains(&"giay-moi.pdf".to_string()));
    assert!(built.contains(&"danh-sach-giay-moi.xlsx".to_string()));
    assert!(built.contains(&"manifest.json".to_string()));
    assert!(built.iter().filter(|f| f.starts_with("giay-moi/")).count() > 200);
    let err = stderr(&o);
    assert!(err.contains("Đã ghi") && err.contains("output/so-ket-ocop-2023"), "{err}");

    // A second run writes nothing new and says so.
    let o = vanthu(&["build"], p.dir.path());
    assert!(stderr(&o).contains("Không có gì thay đổi"), "{}", stderr(&o));
    let o = vanthu(&["check"], p.dir.path());
    assert_eq!(o.status.code(), Some(0));
}
