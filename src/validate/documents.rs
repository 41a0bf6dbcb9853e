//! A text document's front matter (the YAML between `---` lines at its top) → its header
//! fields; the body is kept as lines for the plan to read. Keys are read loosely, in
//! Vietnamese or English (`loại`, `loai`, `kind`); an unknown kind, a malformed front
//! matter or a date that is no date is an error at its file and line.

use serde_yaml::Value as Yaml;

use super::yaml_values::{canonical, list, scalar, text_lines};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::input::documents::TextFile;
use crate::model::{BodyLine, DOC_TYPES, DocDate, DocMarks, DocType, TextDocument};
use crate::text::parse_date_text;

/// The front-matter keys: the canonical key and the names it answers to (as slugs).
const KEYS: &[(&str, &[&str])] = &[
    ("kind", &["loai", "loai-van-ban", "the-loai", "kind", "type"]),
    ("number", &["so", "so-van-ban", "number"]),
    ("code", &["ky-hieu", "code", "symbol"]),
    ("unit", &["don-vi", "don-vi-soan-thao", "unit"]),
    ("date", &["ngay", "ngay-ban-hanh", "thoi-gian", "date"]),
    ("place", &["dia-danh", "noi-ban-hanh", "place"]),
    ("issuer", &["co-quan", "co-quan-ban-hanh", "issuer"]),
    ("parent", &["co-quan-chu-quan", "parent"]),
    ("subject", &["trich-yeu", "ve-viec", "v-v", "subject"]),
    ("to", &["kinh-gui", "to"]),
    ("grounds", &["can-cu", "grounds"]),
    ("signer", &["nguoi-ky", "signer"]),
    ("recipients", &["noi-nhan", "recipients"]),
];

/// The front-matter keys as a clerk reads them, for hints.
const KEY_LIST: &str = "loại, số, ký hiệu, đơn vị, ngày, địa danh, cơ quan, cơ quan chủ quản, trích yếu, kính gửi, căn cứ, người ký (thẩm quyền, chức vụ, họ tên), nơi nhận";

/// Reads the front matter of every document; the ones with errors are left out (their
/// errors are in `diags`).
pub fn documents(files: &[TextFile], diags: &mut Diagnostics) -> Vec<TextDocument> {
    files.iter().filter_map(|f| document(f, diags)).collect()
}

fn error(loc: Loc, code: &'static str, vi: String, en: String, hint: Text) -> Diagnostic {
    Diagnostic::error(code, loc, Text::new(vi, en)).with_hint(hint)
}

fn start_hint() -> Text {
    Text::new(
        "bắt đầu tệp bằng một dòng ---, các dòng “loại: Kế hoạch”, “trích yếu: …”, rồi một dòng --- (xem data/README.md, mục Văn bản)",
        "start the file with a line ---, lines such as “loai: Kế hoạch”, “trich_yeu: …”, then a line --- (see data/README.md, Văn bản)",
    )
}

/// One document: its front matter read, its body kept.
pub fn document(file: &TextFile, diags: &mut Diagnostics) -> Option<TextDocument> {
    let at = |line: u32| Loc::Text { file: file.name.clone(), line, col: 1 };
    let lines: Vec<&str> = file.text.split('\n').collect();
    let (open, close, map) = front_matter(file, &lines, diags)?;
    // 1-based line of the front matter's first line.
    let first = open as u32 + 2;
    // Where each key is written: a line at the left edge, `key:`.
    let mut key_lines: Vec<(&'static str, u32)> = Vec::new();
    for (i, l) in lines[open + 1..close].iter().enumerate() {
        if !l.starts_with([' ', '-', '#'])
            && let Some((k, _)) = l.split_once(':')
            && let Some(c) = canonical(KEYS, k)
        {
            key_lines.push((c, first + i as u32));
        }
    }
    let key_loc = |key: &str| {
        let line = key_lines.iter().find(|(k, _)| *k == key).map_or(first, |(_, l)| *l);
        Loc::Yaml { file: file.name.clone(), line, col: 1, path: key.into() }
    };
    let mut doc = TextDocument {
        file: file.name.clone(),
        stem: file.stem.clone(),
        kind: DOC_TYPES[0],
        number: None,
        code: None,
        unit: None,
        date: None,
        place: None,
        issuer: None,
        parent: None,
        subject: None,
        to: Vec::new(),
        grounds: Vec::new(),
        signers: Vec::new(),
        recipients: Vec::new(),
        body: Vec::new(),
        marks: DocMarks::default(),
        loc: at(open as u32 + 1),
        key_lines: key_lines.clone(),
    };
    let errors = diags.count(crate::diag::Severity::Error);
    let kind = read_keys(&mut doc, &map, file, &lines, (open, close, first), &key_loc, diags);
    match kind {
        Some(k) => doc.kind = k,
        None if !key_lines.iter().any(|(k, _)| *k == "kind") => {
            let names: Vec<&str> = DOC_TYPES.iter().map(|t| t.name).collect();
            diags.push(error(
                at(first - 1),
                "document-kind",
                "phần đầu không ghi loại văn bản".into(),
                "the header does not say the document's kind".into(),
                Text::new(
                    format!("thêm dòng “loại: Kế hoạch” (hoặc: {})", names.join(", ")),
                    format!("add a line “loai: Kế hoạch” (or: {})", names.join(", ")),
                ),
            ));
        }
        None => {}
    }
    super::document_marks::finish(&mut doc, diags);
    if diags.count(crate::diag::Severity::Error) != errors {
        return None;
    }
    doc.body = lines
        .iter()
        .enumerate()
        .skip(close + 1)
        .map(|(i, l)| BodyLine { line: i as u32 + 1, text: l.to_string() })
        .collect();
    Some(doc)
}

/// The front matter: the lines that open and close it, and its keys.
fn front_matter(
    file: &TextFile,
    lines: &[&str],
    diags: &mut Diagnostics,
) -> Option<(usize, usize, serde_yaml::Mapping)> {
    let at = |line: u32| Loc::Text { file: file.name.clone(), line, col: 1 };
    let Some(open) = lines.iter().position(|l| !l.trim().is_empty()) else {
        diags.push(error(
            Loc::File { file: file.name.clone() },
            "document-empty",
            "tệp văn bản trống".into(),
            "the document is empty".into(),
            start_hint(),
        ));
        return None;
    };
    if lines[open].trim() != "---" {
        diags.push(error(
            at(open as u32 + 1),
            "front-matter",
            "văn bản phải bắt đầu bằng phần đầu (các dòng giữa hai dòng ---) ghi loại văn bản, trích yếu, người ký"
                .into(),
            "a document starts with its header (lines between two --- lines) giving its kind, subject, signer".into(),
            start_hint(),
        ));
        return None;
    }
    let Some(close) = lines.iter().skip(open + 1).position(|l| matches!(l.trim(), "---" | "...")).map(|i| i + open + 1)
    else {
        diags.push(error(
            at(open as u32 + 1),
            "front-matter",
            "phần đầu mở bằng --- nhưng không có dòng --- đóng lại".into(),
            "the header opens with --- but no --- line closes it".into(),
            Text::new("thêm một dòng --- sau dòng cuối của phần đầu", "add a --- line after the header's last line"),
        ));
        return None;
    };
    // 1-based line of the front matter's first line.
    let first = open as u32 + 2;
    let yaml_text = lines[open + 1..close].join("\n");
    // A clerk writes `trích yếu: V/v họp: lịch mới` unquoted: such values are quoted and
    // read again before the header is said to be broken.
    let parsed = serde_yaml::from_str::<Yaml>(&yaml_text)
        .or_else(|e| serde_yaml::from_str(&quote_values(&yaml_text)).map_err(|_| e));
    let front: Yaml = match parsed {
        Ok(Yaml::Null) => Yaml::Mapping(Default::default()),
        Ok(v) => v,
        Err(e) => {
            // An unclosed bracket is found at the end: said at the front matter's last line.
            let last = close as u32;
            let (line, col) =
                e.location().map_or((first, 1), |l| ((first + l.line() as u32 - 1).min(last), l.column() as u32));
            let detail = e.to_string();
            let detail = detail.split(" at line ").next().unwrap_or(&detail).to_string();
            diags.push(error(
                Loc::Text { file: file.name.clone(), line, col },
                "front-matter",
                format!("phần đầu viết sai cú pháp ({detail})"),
                format!("the header is not valid ({detail})"),
                Text::new(
                    "mỗi dòng một mục “tên: giá trị”; danh sách viết mỗi dòng một mục bắt đầu bằng “  - ”; giá trị có dấu hai chấm đặt trong ngoặc kép",
                    "one “key: value” per line; lists one item per line starting with “  - ”; quote a value that holds a colon",
                ),
            ));
            return None;
        }
    };
    let Yaml::Mapping(map) = front else {
        diags.push(error(
            at(first),
            "front-matter",
            "phần đầu phải là các dòng “tên: giá trị”".into(),
            "the header must be “key: value” lines".into(),
            start_hint(),
        ));
        return None;
    };
    Some((open, close, map))
}

/// Reads the header's keys into `doc`; the kind named, if any.
fn read_keys(
    doc: &mut TextDocument,
    map: &serde_yaml::Mapping,
    file: &TextFile,
    lines: &[&str],
    (open, close, first): (usize, usize, u32),
    key_loc: &dyn Fn(&str) -> Loc,
    diags: &mut Diagnostics,
) -> Option<DocType> {
    let mut kind: Option<DocType> = None;
    for (k, v) in map {
        let written = scalar(k).unwrap_or_default();
        let Some(key) = canonical(KEYS, &written) else {
            let line = lines[open + 1..close]
                .iter()
                .position(|l| l.split_once(':').is_some_and(|(x, _)| x.trim() == written.trim()))
                .map_or(first, |i| first + i as u32);
            if super::document_marks::read_key(&mut doc.marks, &written, v, &file.name, line, diags) {
                continue;
            }
            diags.push(
                Diagnostic::warning(
                    "front-matter-key",
                    Loc::Text { file: file.name.clone(), line, col: 1 },
                    Text::new(
                        format!("phần đầu có mục {} không dùng đến: bỏ qua", quote(&written)),
                        format!("the header has a key {} that means nothing here: ignored", quote(&written)),
                    ),
                )
                .with_hint(Text::new(
                    format!("các mục: {KEY_LIST}; {}", super::document_marks::KEY_LIST),
                    format!("the keys: {KEY_LIST}; {}", super::document_marks::KEY_LIST),
                )),
            );
            continue;
        };
        match key {
            "kind" => {
                let s = scalar(v).unwrap_or_default();
                match DocType::parse(&s) {
                    Some(t) => kind = Some(t),
                    None => {
                        let names: Vec<&str> = DOC_TYPES.iter().map(|t| t.name).collect();
                        diags.push(error(
                            key_loc("kind"),
                            "document-kind",
                            format!("không có loại văn bản {}", quote(&s)),
                            format!("there is no document kind {}", quote(&s)),
                            Text::new(
                                format!("chọn một trong: {}", names.join(", ")),
                                format!("choose one of: {}", names.join(", ")),
                            ),
                        ));
                    }
                }
            }
            // `số: 15/KH-UBND`: the number and the symbol.
            "number" => match scalar(v).as_deref().map(|n| n.split_once('/').map_or((n, None), |(a, b)| (a, Some(b)))) {
                Some((n, code)) => {
                    doc.number = Some(n.trim().to_string()).filter(|n| !n.is_empty());
                    if let Some(c) = code.map(str::trim).filter(|c| !c.is_empty()) {
                        doc.code.get_or_insert_with(|| c.to_string());
                    }
                }
                None => doc.number = None,
            },
            "code" => doc.code = scalar(v),
            "unit" => doc.unit = scalar(v),
            "place" => doc.place = scalar(v),
            "issuer" => doc.issuer = text_lines(v).map(|l| l.join("\n")),
            "parent" => doc.parent = scalar(v),
            "subject" => doc.subject = scalar(v),
            "to" => doc.to = list(v),
            "grounds" => doc.grounds = list(v),
            "recipients" => doc.recipients = list(v),
            "date" => match scalar(v) {
                None => {}
                Some(s) => match parse_doc_date(&s) {
                    Some(d) => doc.date = Some(d),
                    None => diags.push(error(
                        key_loc("date"),
                        "document-date",
                        format!("ngày {} không đọc được{}", quote(&s), month_length(&s).map(|(m, y, n)| format!(": tháng {m}/{y} chỉ có {n} ngày")).unwrap_or_default()),
                        format!("the date {} cannot be read{}", quote(&s), month_length(&s).map(|(m, y, n)| format!(": {m}/{y} has {n} days")).unwrap_or_default()),
                        Text::new(
                            "viết 15/12/2023; hoặc 12/2023 (để trống ngày), 2023 (để trống ngày và tháng) cho văn bản chưa ký",
                            "write 15/12/2023; or 12/2023 (day left blank), 2023 (day and month left blank) for a document not yet signed",
                        ),
                    )),
                },
            },
            "signer" => doc.signers = super::document_signer::signers(v, &key_loc("signer"), diags),
            _ => {}
        }
    }
    kind
}

/// The header with every value that YAML would misread quoted: one holding `: ` or ending
/// with `:`, or starting with `*`, `&`, `!`, `%`, `@` or a backquote.
fn quote_values(yaml: &str) -> String {
    yaml.lines()
        .map(|line| {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let (dash, rest) = match body.strip_prefix("- ") {
                Some(r) => ("- ", r),
                None => ("", body),
            };
            let Some((key, value)) = rest.split_once(": ") else { return line.to_string() };
            let value = value.trim();
            let odd = value.contains(": ") || value.ends_with(':') || value.starts_with(['*', '&', '!', '%', '@', '`']);
            let quoted = value.starts_with(['"', '\'', '[', '{', '|', '>']);
            if key.contains(['"', '\'']) || !odd || quoted {
                return line.to_string();
            }
            format!("{indent}{dash}{key}: \"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `15/12/2023`, `12/2023`, `2023` (or the long form `ngày … tháng … năm …`).
pub(crate) fn parse_doc_date(s: &str) -> Option<DocDate> {
    if let Some(d) = parse_date_text(s) {
        return Some(DocDate::Full(d));
    }
    let t = s.trim().to_lowercase();
    let t = t.trim_start_matches("tháng").trim_start_matches("năm").trim();
    let runs: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let only_dates = t.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' ') || c.is_alphabetic());
    match runs.as_slice() {
        [y] if y.len() == 4 && only_dates => Some(DocDate::Year(y.parse().ok()?)),
        [m, y] if y.len() == 4 && only_dates => {
            let month: u8 = m.parse().ok()?;
            (1..=12).contains(&month).then_some(DocDate::Month { month, year: y.parse().ok()? })
        }
        _ => None,
    }
}

/// For a day past its month's end (`31/11/2026`): the month, year and its number of days.
fn month_length(s: &str) -> Option<(u8, i32, u8)> {
    let runs: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let [d, m, y] = runs.as_slice() else { return None };
    let (day, month, year): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let days = (28..=31).rev().find(|&n| crate::text::Date::new(year, month, n).is_some())?;
    (day > days && (1..=12).contains(&month)).then_some((month, year, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TextFile {
        TextFile { name: "van-ban/x.md".into(), stem: "x".into(), text: text.into() }
    }

    #[test]
    fn front_matter_in_vietnamese_or_english() {
        let mut diags = Diagnostics::new();
        let d = document(
            &file("---\nloại: Công văn\nsố: 15\nký hiệu: UBND-VX\nngày: 12/2023\nkính gửi:\n  - Sở Tài chính\n  - Sở Nội vụ\nngười ký:\n  thẩm quyền: [TL. CHỦ TỊCH]\n  chức vụ: CHÁNH VĂN PHÒNG\n  họ tên: Bùi Việt Phong\n---\nBody\n"),
            &mut diags,
        )
        .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert!(d.kind.is_letter());
        assert_eq!(d.number.as_deref(), Some("15"));
        assert_eq!(d.code.as_deref(), Some("UBND-VX"));
        assert_eq!(d.date, Some(DocDate::Month { month: 12, year: 2023 }));
        assert_eq!(d.to, ["Sở Tài chính", "Sở Nội vụ"]);
        assert_eq!(d.signers[0].authority, ["TL. CHỦ TỊCH"]);
        assert_eq!(d.body, [BodyLine { line: 14, text: "Body".into() }, BodyLine { line: 15, text: "".into() }]);
        let e = document(&file("---\nkind: Report\n---\n"), &mut diags);
        assert!(e.is_none());
        assert_eq!(diags.iter().next().unwrap().loc.as_ref().unwrap().to_string(), "van-ban/x.md:2:1 (kind)");
    }

    #[test]
    fn values_yaml_would_misread_are_quoted() {
        let mut diags = Diagnostics::new();
        let d = document(
            &file("---\nloại: Thông báo\nsố: 15/TB-UBND\ntrích yếu: Về việc: lịch họp \"mới\"\nnơi nhận:\n  - Lưu: VT, VP\n---\nx\n"),
            &mut diags,
        )
        .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.subject.as_deref(), Some("Về việc: lịch họp \"mới\""));
        assert_eq!((d.number.as_deref(), d.code.as_deref()), (Some("15"), Some("TB-UBND")));
        assert_eq!(d.recipients, ["Lưu: VT, VP"]);
    }

    #[test]
    fn partial_dates() {
        assert_eq!(parse_doc_date("2023"), Some(DocDate::Year(2023)));
        assert_eq!(parse_doc_date("tháng 12/2023"), Some(DocDate::Month { month: 12, year: 2023 }));
        assert_eq!(parse_doc_date("13/2023"), None);
        assert_eq!(month_length("31/11/2026"), Some((11, 2026, 30)));
        assert_eq!(month_length("29/02/2024"), None);
        assert!(matches!(parse_doc_date("05/12/2023"), Some(DocDate::Full(_))));
    }
}
