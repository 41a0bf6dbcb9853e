//! The documents a clerk writes as text: every `*.md` (or `*.txt`) file of the `van-ban/`
//! folder beside the conference workbook, read as it is (the normaliser cleans it).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Source;
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};

/// The folder of text documents, beside the workbook.
pub const FOLDER: &str = "van-ban";

/// The extensions of a text document.
pub(crate) const EXTENSIONS: &[&str] = &["md", "txt"];

/// One text file as read.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// `van-ban/ke-hoach.md`: how messages name it.
    pub name: Arc<str>,
    /// `ke-hoach`.
    pub stem: String,
    pub text: String,
}

/// The documents of the samples built into the program, by the sample's name.
const EMBEDDED: &[(&str, &[(&str, &str)])] = &[
    (
        "data/so-ket-ocop-2023/hoi-nghi.xlsx",
        &[("ke-hoach.md", include_str!("../../data/so-ket-ocop-2023/van-ban/ke-hoach.md"))],
    ),
    (
        "data/so-ket-ocop-2023/hoi-nghi.yaml",
        &[("ke-hoach.md", include_str!("../../data/so-ket-ocop-2023/van-ban/ke-hoach.md"))],
    ),
    ("data/starter/hoi-nghi.yaml", &[("ke-hoach.md", include_str!("../../data/starter/van-ban/ke-hoach.md"))]),
    (
        "data/tong-ket-xa-2025/hoi-nghi.yaml",
        &[
            ("cong-van.md", include_str!("../../data/tong-ket-xa-2025/van-ban/cong-van.md")),
            ("thong-bao.md", include_str!("../../data/tong-ket-xa-2025/van-ban/thong-bao.md")),
            ("to-trinh.md", include_str!("../../data/tong-ket-xa-2025/van-ban/to-trinh.md")),
        ],
    ),
];

/// The text documents of a conference: the `van-ban/` folder beside its file, or the
/// sample's own. A file that cannot be read is an error at it; the others are read.
pub fn of(source: &Source, diags: &mut Diagnostics) -> Vec<TextFile> {
    match source {
        Source::File(_) => source.dir().map(|d| in_folder(&d.join(FOLDER), diags)).unwrap_or_default(),
        Source::Embedded { name, .. } => EMBEDDED
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, files)| files.iter())
            .map(|(file, text)| TextFile {
                name: format!("{FOLDER}/{file}").into(),
                stem: stem(Path::new(file)),
                text: text.to_string(),
            })
            .collect(),
    }
}

/// `ke-hoach` from `Kế hoạch.md`.
fn stem(path: &Path) -> String {
    crate::text::slug(&path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default())
}

/// The text documents of `dir`, sorted by name (none when there is no such folder). A file
/// that leads outside the conference's folder (a link to elsewhere) is an error, not read;
/// so is a folder of more than [`crate::limits::TEXT_DOCUMENTS`].
pub fn in_folder(dir: &Path, diags: &mut Diagnostics) -> Vec<TextFile> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| !p.is_dir())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
            // Editors' backups and lock files (`~$…`, `.#…`, `…~`) are not documents.
            EXTENSIONS.contains(&ext.as_str()) && !name.starts_with(['~', '.']) && !name.ends_with('~')
        })
        .collect();
    paths.sort();
    let max = crate::limits::TEXT_DOCUMENTS;
    if paths.len() > max {
        diags.push(Diagnostic::error(
            "too-many-documents",
            Loc::File { file: format!("{FOLDER}/").into() },
            Text::new(
                format!("thư mục {FOLDER} có {} tệp văn bản, quá giới hạn {max}", paths.len()),
                format!("the {FOLDER} folder holds {} text files, more than the {max} limit", paths.len()),
            ),
        ));
        return Vec::new();
    }
    let root = dir
        .parent()
        .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
        .and_then(|p| p.canonicalize().ok());
    let mut files = Vec::new();
    for p in &paths {
        if inside_conference(p, root.as_deref(), diags) {
            files.extend(read(p, &format!("{FOLDER}/"), diags));
        }
    }
    files
}

/// Whether `path` (through its links) lies inside the conference's folder `root`; an error
/// at it when it does not, as templates are confined to theirs.
fn inside_conference(path: &Path, root: Option<&Path>, diags: &mut Diagnostics) -> bool {
    let (Some(root), Ok(real)) = (root, path.canonicalize()) else { return true };
    if real.starts_with(root) {
        return true;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    diags.push(
        Diagnostic::error(
            "outside-folder",
            Loc::File { file: format!("{FOLDER}/{name}").into() },
            Text::new(
                "tệp này là lối tắt (liên kết) tới một tệp ngoài thư mục hội nghị: không đọc",
                "this file is a link to a file outside the conference's folder: not read",
            ),
        )
        .with_hint(Text::new(
            "chép chính tệp văn bản vào thư mục van-ban thay cho lối tắt",
            "copy the text file itself into the van-ban folder instead of the link",
        )),
    );
    false
}

/// One text document; `prefix` goes before its file name in messages.
pub fn read(path: &Path, prefix: &str, diags: &mut Diagnostics) -> Option<TextFile> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let name: Arc<str> = format!("{prefix}{file_name}").into();
    let fail = |diags: &mut Diagnostics, vi: String, en: String, hint: Option<Text>| {
        let mut d = Diagnostic::error("unreadable-file", Loc::File { file: name.clone() }, Text::new(vi, en));
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        diags.push(d);
    };
    match super::files::read_file(path, crate::limits::TEXT_DOCUMENT_BYTES, name.clone()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(TextFile { name: name.clone(), stem: stem(path), text }),
            Err(_) => {
                fail(
                    diags,
                    "tệp không phải văn bản UTF-8".into(),
                    "the file is not UTF-8 text".into(),
                    Some(Text::new(
                        "mở bằng Notepad, chọn Lưu thành (Save As) với Mã hóa (Encoding) UTF-8",
                        "open it in Notepad and Save As with the UTF-8 encoding",
                    )),
                );
                None
            }
        },
        Err((d, _)) => {
            diags.push(d);
            None
        }
    }
}
