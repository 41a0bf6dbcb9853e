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
    // Usage errors in the clerk's words (issue 23), clap's English when English was asked for.
    let o = vanthu(&["build", "-o"], p.dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("lỗi: --output cần một giá trị"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("error:"), "{}", stderr(&o));
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
    assert!(err.starts_with("Thư mục này không có bảng tính hội nghị: dùng dữ liệu mẫu"), "{err}");

    // A second run writes nothing new and says so.
    let o = vanthu(&["build"], p.dir.path());
    assert!(stderr(&o).contains("Không có gì thay đổi"), "{}", stderr(&o));
    let o = vanthu(&["check"], p.dir.path());
    assert_eq!(o.status.code(), Some(0));
}

/// Issue 16, item 2: in a conference folder, `build` and `check` with no file use the
/// clerk's own workbook (and say so), never the embedded sample.
#[test]
fn no_file_named_uses_the_workbook_of_the_folder() {
    let p = Project::new();
    let conf = p.path("hoi-nghi-xa");
    let o = vanthu(&["init", "hoi-nghi-xa"], p.dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = vanthu(&["check"], &conf);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("Dùng hoi-nghi.xlsx trong thư mục hiện tại."), "{}", stderr(&o));
    let o = vanthu(&["build", "-o", "bo-van-ban"], &conf);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let invited = files(&conf.join("bo-van-ban")).into_iter().filter(|f| f.starts_with("giay-moi/")).count();
    assert!(invited > 0 && invited < 50, "the starter's few delegates, not the sample's 253: {invited}");

    // The only workbook of a folder, whatever its name; several: name one.
    let o = vanthu(&["convert", "hoi-nghi.xlsx", "--to", "yaml"], &conf);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::remove_file(conf.join("hoi-nghi.xlsx")).unwrap();
    std::fs::rename(conf.join("hoi-nghi.yaml"), conf.join("Hoi nghi cua xa.yaml")).unwrap();
    std::fs::write(conf.join("~$Hoi nghi.xlsx"), b"Excel's lock file").unwrap();
    let o = vanthu(&["check"], &conf);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("Dùng Hoi nghi cua xa.yaml"), "{}", stderr(&o));
    std::fs::write(conf.join("cu.xlsx"), b"x").unwrap();
    let o = vanthu(&["build"], &conf);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("nhiều bảng tính (Hoi nghi cua xa.yaml, cu.xlsx)"), "{}", stderr(&o));
}
