//! Typst embedded as a library: one [`Engine`] per build (fonts, standard library, the
//! templates), one short-lived `World` per document whose only per-document input is the
//! virtual file `/data.json`. Data therefore always reaches a template as values, never as
//! markup, and memoised layout is shared between documents.
//!
//! Files a template may read: the templates themselves (a `templates/` folder next to the
//! input overrides the built-in ones, file by file), `/data.json`, and files of the input's
//! folder under `/data/…`. Nothing else on disk, nothing from the network.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult, Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Label, Repr, Selector, Smart, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::utils::PicoStr;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::assets::{Fonts, TemplateStore};
use crate::diag::{Diagnostic, Diagnostics, Loc, Severity, Text};
use crate::text::Date;

/// The virtual path of a document's data.
pub(crate) const DATA_PATH: &str = "/data.json";

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// Everything documents share within one build.
pub(crate) struct Engine {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    templates: TemplateStore,
    /// The input's folder, readable by templates under `/data/`.
    data_dir: Option<PathBuf>,
    /// Parsed template sources, parsed once.
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    today: Datetime,
    /// Digest of the fonts, computed once (hashing 1.5 MB of fonts per document was a
    /// tenth of the render time).
    fingerprint: String,
    /// Digest of each template's files ([`TemplateStore::fingerprint_of`]), computed once.
    template_fingerprints: Mutex<HashMap<String, String>>,
}

impl Engine {
    /// `today` is fixed (the conference's date) so templates that ask for it stay
    /// deterministic.
    pub fn new(fonts: Arc<Fonts>, templates: TemplateStore, data_dir: Option<PathBuf>, today: Date) -> Engine {
        let today = Datetime::from_ymd(today.year, today.month, today.day).expect("validated dates are valid");
        let fingerprint = fonts.fingerprint();
        Engine {
            fingerprint,
            template_fingerprints: Mutex::new(HashMap::new()),
            library: LazyHash::new(Library::builder().build()),
            fonts,
            templates,
            data_dir: data_dir.and_then(|d| d.canonicalize().ok()),
            sources: Mutex::new(HashMap::new()),
            today,
        }
    }

    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    pub fn templates(&self) -> &TemplateStore {
        &self.templates
    }

    /// A digest of everything besides the data that shapes a document (templates, fonts).
    /// A digest of what a document made from `template` can depend on besides its data:
    /// that template and the ones it names (an override of another document's template
    /// changes nothing here), and the fonts.
    pub(crate) fn fingerprint_for(&self, template: &str) -> String {
        let mut cache = self.template_fingerprints.lock().unwrap_or_else(|e| e.into_inner());
        let t = cache.entry(template.to_string()).or_insert_with(|| self.templates.fingerprint_of(template));
        format!("{t}-{}", self.fingerprint)
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(id)
            .or_insert_with(|| {
                let path = id.vpath().get_without_slash().to_string();
                match self.templates.text(&path) {
                    Some(text) => Ok(Source::new(id, text)),
                    None => Err(FileError::NotFound(PathBuf::from(path))),
                }
            })
            .clone()
    }

    fn data_file(&self, rel: &str) -> FileResult<Bytes> {
        let denied = || FileError::AccessDenied;
        let dir = self.data_dir.as_ref().ok_or_else(denied)?;
        let path = dir.join(rel).canonicalize().map_err(|_| FileError::NotFound(PathBuf::from(rel)))?;
        if !path.starts_with(dir) {
            return Err(denied());
        }
        use crate::limits::{self, PICTURE_BYTES, ReadError};
        match limits::read_regular(&path, PICTURE_BYTES) {
            Ok(bytes) => Ok(Bytes::new(bytes)),
            Err(ReadError::NotFound) => Err(FileError::NotFound(path)),
            Err(ReadError::NotAFile) => Err(FileError::IsDirectory),
            Err(ReadError::TooLarge(n)) => Err(FileError::Other(Some(
                format!(
                    "tệp lớn {}, quá giới hạn {} / larger than the limit",
                    limits::size(n),
                    limits::size(PICTURE_BYTES)
                )
                .into(),
            ))),
            Err(ReadError::Io(e)) => Err(FileError::from_io(e, &path)),
        }
    }

    /// Lays out `main` (a template path such as `giay-moi.typ`) with `data` as its
    /// `/data.json`. Errors and warnings come back located in the template.
    pub(crate) fn compile(&self, main: &str, data: Vec<u8>) -> Result<(PagedDocument, Diagnostics), Diagnostics> {
        let world = DocWorld { engine: self, main: file_id(&format!("/{main}")), data: Bytes::new(data) };
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let warnings: Diagnostics = warnings.iter().map(|w| world.diagnostic(w)).collect();
        match output {
            Ok(doc) => {
                let mut problems = warnings;
                if let Some(text) = tofu(&doc) {
                    problems.push(Diagnostic::error(
                        "missing-glyph",
                        Some(Loc::File { file: self.templates.display(main).into() }),
                        Text::new(
                            format!("văn bản in ra có ký tự không có trong phông chữ: “{text}”"),
                            format!("the document prints characters the font does not have: “{text}”"),
                        ),
                    ));
                    return Err(problems);
                }
                Ok((doc, problems))
            }
            Err(errors) => {
                let mut all: Diagnostics = errors.iter().map(|e| world.diagnostic(e)).collect();
                all.extend(warnings);
                Err(all)
            }
        }
    }

    /// Exports a laid-out document as PDF/A-2b (untagged) with a fixed timestamp and the given ident,
    /// so the same input always gives the same bytes.
    pub fn pdf(&self, doc: &PagedDocument, ident: &str, date: Date) -> Result<Vec<u8>, Diagnostics> {
        let datetime = Datetime::from_ymd_hms(date.year, date.month, date.day, 0, 0, 0);
        let options = PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some(format!("vanthu {}", env!("CARGO_PKG_VERSION")))),
            timestamp: datetime.map(Timestamp::new_utc),
            standards: PdfStandards::new(&[PdfStandard::A_2b]).expect("PDF/A-2b alone is a valid set"),
            // Untagged: merged files are assembled from the pages of several compiles
            // (laid out in parallel), which a tag tree cannot span. PDF/A-2b needs no tags.
            tagged: false,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(doc, &options).map_err(|errors| {
            errors
                .iter()
                .map(|e| {
                    Diagnostic::error(
                        "pdf-export",
                        None,
                        Text::new(
                            format!("không xuất được PDF: {}", e.message),
                            format!("PDF export failed: {}", e.message),
                        ),
                    )
                })
                .collect()
        })
    }
}

/// The label templates put on `metadata(id)` at the start of each part of a merged
/// document (one invitation, one certificate), so the part can be exported on its own.
pub(crate) const PART_LABEL: &str = "vanthu-part";

/// The parts of a merged document: each part's id and its page range.
pub fn parts(doc: &PagedDocument) -> Vec<(String, Range<usize>)> {
    let mut starts = labelled_metadata(doc, PART_LABEL);
    starts.sort_by_key(|(_, p)| *p);
    let ends: Vec<usize> = starts.iter().skip(1).map(|(_, p)| *p).chain([doc.pages().len()]).collect();
    starts.into_iter().zip(ends).map(|((id, start), end)| (id, start..end.max(start + 1))).collect()
}

/// Marks text that does not fit its box (`#metadata(box name) <vanthu-overflow>`).
pub(crate) const OVERFLOW_LABEL: &str = "vanthu-overflow";

/// The boxes whose text overflowed: (box name, page index).
pub fn overflows(doc: &PagedDocument) -> Vec<(String, usize)> {
    labelled_metadata(doc, OVERFLOW_LABEL)
}

/// Every `#metadata(value) <label>` of the document: its value as text, and the (0-based)
/// page it is on.
fn labelled_metadata(doc: &PagedDocument, label: &str) -> Vec<(String, usize)> {
    let Some(label) = Label::new(PicoStr::intern(label)) else { return Vec::new() };
    let introspector = doc.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|elem| {
            let meta = elem.to_packed::<MetadataElem>()?;
            let value = match &meta.value {
                Value::Str(s) => s.to_string(),
                other => other.repr().to_string(),
            };
            Some((value, introspector.page(elem.location()?)?.get() - 1))
        })
        .collect()
}

/// A document made of some pages of another (one part of a merged document).
pub(crate) fn sub_document(doc: &PagedDocument, pages: Range<usize>) -> PagedDocument {
    let info = doc.clone().info_mut().clone();
    PagedDocument::new(doc.pages()[pages].iter().cloned().collect(), info)
}

/// One document made of the pages of several, in order (the info of the first).
pub(crate) fn concat_documents(docs: &[PagedDocument]) -> Option<PagedDocument> {
    let info = docs.first()?.clone().info_mut().clone();
    Some(PagedDocument::new(docs.iter().flat_map(|d| d.pages().iter().cloned()).collect(), info))
}

/// The text of the first glyph the fonts could not draw (shaped as glyph 0, "tofu").
fn tofu(doc: &PagedDocument) -> Option<String> {
    fn walk(frame: &typst::layout::Frame) -> Option<String> {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => {
                    if let Some(t) = walk(&g.frame) {
                        return Some(t);
                    }
                }
                typst::layout::FrameItem::Text(t) if t.glyphs.iter().any(|g| g.id == 0) => {
                    return Some(t.text.to_string());
                }
                _ => {}
            }
        }
        None
    }
    doc.pages().iter().find_map(|p| walk(&p.frame))
}

struct DocWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    data: Bytes,
}

impl DocWorld<'_> {
    /// A Typst diagnostic as ours, located at the template's line and column.
    fn diagnostic(&self, d: &SourceDiagnostic) -> Diagnostic {
        let severity = match d.severity {
            TypstSeverity::Error => Severity::Error,
            TypstSeverity::Warning => Severity::Warning,
        };
        let loc = d.span.id().map(|id| {
            let path = id.vpath().get_without_slash().to_string();
            let file = self.engine.templates.display(&path);
            let (line, col) = self
                .range(d.span)
                .and_then(|r| self.source(id).ok()?.lines().byte_to_line_column(r.start))
                .map_or((0, 0), |(l, c)| (l as u32 + 1, c as u32 + 1));
            Loc::Template { file: file.into(), line, col }
        });
        let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
        let mut diag = Diagnostic::new(
            severity,
            "template",
            loc,
            Text::new(format!("lỗi mẫu văn bản: {}", d.message), format!("template error: {}", d.message)),
        );
        if !hints.is_empty() {
            diag = diag.with_hint(Text::new(hints.join("; "), hints.join("; ")));
        }
        diag
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        self.engine.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let path = id.vpath().get_with_slash();
        if path == DATA_PATH {
            return Ok(self.data.clone());
        }
        if let Some(rel) = path.strip_prefix("/data/") {
            return self.engine.data_file(rel);
        }
        let rel = path.trim_start_matches('/');
        self.engine.templates.bytes(rel).ok_or_else(|| FileError::NotFound(Path::new(rel).to_path_buf()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.engine.today)
    }
}
