//! The marks of Decree 30, Appendix I, III a text document's front matter may give besides
//! its main parts — urgency (ô 10b), secrecy (ô 10a), a draft's `DỰ THẢO`, the drafter's
//! initials and the number of copies (ô 12), the issuing body's address, telephone, fax,
//! e-mail and website (ô 13) — and what the kind's form in Appendix III says of the header
//! (no trích yếu on a Giấy giới thiệu, no number on a Thư công). A value that means nothing
//! is an error at its line, in Vietnamese, naming the values there are.

use std::sync::Arc;

use serde_yaml::Value as Yaml;

use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::model::{DocMarks, Secrecy, TextDocument, Urgency};
use crate::text::{loose_key, slug};

/// The marks' keys: the canonical key and the names it answers to (as slugs).
const KEYS: &[(&str, &[&str])] = &[
    ("urgency", &["do-khan", "muc-do-khan", "dau-khan", "khan", "urgency"]),
    ("secrecy", &["do-mat", "muc-do-mat", "dau-mat", "mat", "secrecy", "classification"]),
    ("draft", &["du-thao", "ban-du-thao", "draft"]),
    ("copies", &["so-luong-ban", "so-ban", "so-luong-ban-phat-hanh", "so-ban-phat-hanh", "copies"]),
    (
        "drafter",
        &[
            "nguoi-danh-may",
            "nguoi-soan-thao",
            "ky-hieu-nguoi-soan-thao",
            "ky-hieu-nguoi-danh-may",
            "drafter",
            "typist",
        ],
    ),
    ("address", &["dia-chi", "dia-chi-co-quan", "address"]),
    ("phone", &["dien-thoai", "so-dien-thoai", "dt", "phone", "telephone", "tel"]),
    ("fax", &["fax", "so-fax"]),
    ("email", &["email", "e-mail", "thu-dien-tu", "mail"]),
    ("website", &["website", "trang-thong-tin-dien-tu", "trang-web", "web"]),
];

/// The marks' keys as a clerk reads them, for hints.
pub(super) const KEY_LIST: &str =
    "độ khẩn, độ mật, dự thảo, số lượng bản, người đánh máy, địa chỉ, điện thoại, fax, email, website";

/// Reads one front-matter key when it is a mark's (`false` when `written` names none).
/// `line` is where the key is written.
pub(super) fn read_key(
    marks: &mut DocMarks,
    written: &str,
    value: &Yaml,
    file: &Arc<str>,
    line: u32,
    diags: &mut Diagnostics,
) -> bool {
    let s = slug(written);
    let Some(key) = KEYS.iter().find(|(_, names)| names.contains(&s.as_str())).map(|(k, _)| *k) else {
        return false;
    };
    let at = Loc::Yaml { file: file.clone(), line, col: 1, path: key.into() };
    let text = match value {
        Yaml::Null => return true,
        Yaml::String(s) if s.trim().is_empty() => return true,
        Yaml::String(s) => s.trim().to_string(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        _ => {
            diags.push(bad(
                at,
                format!(
                    "mục {} phải là một giá trị viết trên cùng dòng, không phải danh sách hay nhóm mục",
                    quote(written)
                ),
                format!("the key {} takes one value on its line, not a list or keys", quote(written)),
                Text::new(format!("ví dụ: {}", example(key)), format!("for example: {}", example(key))),
            ));
            return true;
        }
    };
    match key {
        "urgency" => marks.urgency = urgency(&text, at, diags),
        "secrecy" => marks.secrecy = secrecy(&text, at, diags),
        "draft" => marks.draft = draft(value, &text, at, diags),
        "copies" => marks.copies = copies(&text, at, diags),
        "drafter" => marks.drafter = drafter(&text, at, diags),
        "address" => marks.contact.address = address(text, at, diags),
        "phone" => marks.contact.phone = phone(&text, key, at, diags),
        "fax" => marks.contact.fax = phone(&text, key, at, diags),
        "email" => marks.contact.email = email(&text, at, diags),
        _ => marks.contact.website = website(&text, at, diags),
    }
    true
}

/// What the kind's form says of the header, once the kind is known: a trích yếu on a form
/// that has none (Mẫu 1.8, 1.10) and a number on a Thư công are warned and left out; a Thư
/// công needs no symbol.
pub(super) fn finish(doc: &mut TextDocument, diags: &mut Diagnostics) {
    let kind = doc.kind;
    let form = if kind.form.is_empty() { String::new() } else { format!(" (Mẫu {})", kind.form) };
    if !kind.subject && doc.subject.is_some() {
        diags.push(
            Diagnostic::warning(
                "document-form",
                doc.key_loc("subject"),
                Text::new(
                    format!("{}{form} không có trích yếu: bỏ qua", kind.name),
                    format!("a {}{form} has no subject line: ignored", kind.name),
                ),
            )
            .with_hint(Text::new(
                "viết nội dung (người được giới thiệu, nơi đến, việc gì) trong phần nội dung",
                "write what it is about in the body",
            )),
        );
        doc.subject = None;
    }
    if !kind.numbered {
        if doc.number.is_some() || doc.code.is_some() {
            diags.push(Diagnostic::warning(
                "document-form",
                doc.key_loc(if doc.number.is_some() { "number" } else { "code" }),
                Text::new(
                    format!("{} không có số, ký hiệu: bỏ qua", kind.name),
                    format!("a {} has no number or symbol: ignored", kind.name),
                ),
            ));
            doc.number = None;
        }
        // Nothing is printed; a symbol given stands for the one the plan would ask for.
        doc.code = Some(String::new());
    }
}

fn bad(at: Loc, vi: String, en: String, hint: Text) -> Diagnostic {
    Diagnostic::error("document-mark", at, Text::new(vi, en)).with_hint(hint)
}

fn example(key: &str) -> &'static str {
    match key {
        "urgency" => "độ khẩn: Hỏa tốc",
        "secrecy" => "độ mật: Mật",
        "draft" => "dự thảo: lần 2",
        "copies" => "số lượng bản: 20",
        "drafter" => "người đánh máy: NVA",
        "address" => "địa chỉ: Số 160 đường Trần Hưng Đạo, phường Minh Xuân",
        "phone" => "điện thoại: 0207 3822 345",
        "fax" => "fax: 0207 3822 346",
        "email" => "email: vanphong@tuyenquang.gov.vn",
        _ => "website: tuyenquang.gov.vn",
    }
}

fn urgency(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<Urgency> {
    let k = loose_key(text);
    let found = Urgency::ALL.into_iter().find(|u| loose_key(u.name()) == k);
    if found.is_none() {
        let names: Vec<&str> = Urgency::ALL.iter().map(|u| u.name()).collect();
        diags.push(bad(
            at,
            format!("không có độ khẩn {}", quote(text)),
            format!("there is no urgency {}", quote(text)),
            Text::new(
                format!("chọn một trong: {} (Nghị định 30/2020/NĐ-CP, Phụ lục I)", names.join(", ")),
                format!("choose one of: {} (Decree 30/2020, Appendix I)", names.join(", ")),
            ),
        ));
    }
    found
}

fn secrecy(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<Secrecy> {
    let k = loose_key(text);
    let found = Secrecy::ALL.into_iter().find(|s| loose_key(s.name()) == k);
    if found.is_none() {
        let names: Vec<&str> = Secrecy::ALL.iter().map(|s| s.name()).collect();
        diags.push(bad(
            at,
            format!("không có độ mật {}", quote(text)),
            format!("there is no secrecy degree {}", quote(text)),
            Text::new(
                format!("chọn một trong: {} (Luật Bảo vệ bí mật nhà nước)", names.join(", ")),
                format!("choose one of: {} (Law on the Protection of State Secrets)", names.join(", ")),
            ),
        ));
    }
    found
}

/// `dự thảo: có` (or `true`, `x`) → `DỰ THẢO`; `dự thảo: lần 2` (or `2`) → `DỰ THẢO LẦN 2`;
/// `không` → none.
fn draft(value: &Yaml, text: &str, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    const PLAIN: &str = "DỰ THẢO";
    let k = loose_key(text);
    match value {
        Yaml::Bool(true) => return Some(PLAIN.into()),
        Yaml::Bool(false) => return None,
        _ => {}
    }
    if matches!(k.as_str(), "co" | "x" | "yes" | "true" | "duthao" | "draft") {
        return Some(PLAIN.into());
    }
    if matches!(k.as_str(), "khong" | "no" | "false") {
        return None;
    }
    let n = k.strip_prefix("duthao").unwrap_or(&k);
    let n = n.strip_prefix("lan").unwrap_or(n);
    match n.parse::<u32>() {
        Ok(n @ 1..=99) => Some(format!("{PLAIN} LẦN {n}")),
        _ => {
            diags.push(bad(
                at,
                format!("{} không phải cách ghi dự thảo", quote(text)),
                format!("{} is no way to mark a draft", quote(text)),
                Text::new(
                    "ghi “dự thảo: có” (in DỰ THẢO) hoặc “dự thảo: lần 2” (in DỰ THẢO LẦN 2); bỏ dòng này khi văn bản đã ký",
                    "write “du_thao: true” (prints DỰ THẢO) or “du_thao: 2” (prints DỰ THẢO LẦN 2); remove the line once signed",
                ),
            ));
            None
        }
    }
}

/// `20`, `20 bản`.
fn copies(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<u32> {
    let t = text.trim().trim_end_matches("bản").trim();
    match t.parse::<u32>() {
        Ok(n @ 1..=100_000) => Some(n),
        _ => {
            diags.push(bad(
                at,
                format!("số lượng bản {} không phải một số bản phát hành (1 đến 100.000)", quote(text)),
                format!("the number of copies {} is not a count from 1 to 100,000", quote(text)),
                Text::new("ví dụ: số lượng bản: 20", "for example: so_luong_ban: 20"),
            ));
            None
        }
    }
}

/// The drafter's initials, printed in capitals (`nva` → `NVA`).
fn drafter(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    let t = text.trim();
    let ok = t.chars().count() <= 12
        && t.chars().any(char::is_alphabetic)
        && t.chars().all(|c| c.is_alphabetic() || c == '.');
    if ok {
        return Some(t.to_uppercase());
    }
    diags.push(bad(
        at,
        format!(
            "ký hiệu người đánh máy {} phải là chữ viết tắt tên (chữ cái, không dấu cách, không quá 12 chữ)",
            quote(text)
        ),
        format!("the drafter's mark {} must be initials (letters, no spaces, at most 12)", quote(text)),
        Text::new(
            "ví dụ: người đánh máy: NVA (Nguyễn Văn An); in ở cuối Nơi nhận cùng số lượng bản: NVA.(20)",
            "for example: nguoi_danh_may: NVA; printed under Nơi nhận with the number of copies: NVA.(20)",
        ),
    ));
    None
}

/// The longest address ô 13 prints (two lines of 11 pt).
const ADDRESS_CHARS: usize = 200;

fn address(text: String, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    let n = text.chars().count();
    if n <= ADDRESS_CHARS {
        return Some(text);
    }
    diags.push(bad(
        at,
        format!("địa chỉ dài {n} ký tự: ô địa chỉ cuối trang đầu chỉ in tối đa {ADDRESS_CHARS} ký tự"),
        format!("the address is {n} characters long: the address block prints at most {ADDRESS_CHARS}"),
        Text::new(format!("ví dụ: {}", example("address")), "write the street, ward and province only"),
    ));
    None
}

/// A telephone or fax number: digits, spaces, `.`, `-`, `+`, brackets, `/` between two.
fn phone(text: &str, key: &str, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    let what = if key == "fax" { "fax" } else { "điện thoại" };
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let ok = digits >= 5
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')' | '/' | ','));
    if ok {
        return Some(text.to_string());
    }
    diags.push(bad(
        at,
        format!("số {what} {} không đọc được", quote(text)),
        format!("the {what} number {} cannot be read", quote(text)),
        Text::new(
            format!("chỉ ghi chữ số (có thể cách nhau bằng dấu cách, dấu chấm, gạch nối), ví dụ: {}", example(key)),
            "digits only (spaces, dots or hyphens between them), e.g. dien_thoai: 0207 3822 345",
        ),
    ));
    None
}

/// One address or several (`a@x.vn; b@x.vn`).
fn email(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    let ok = text.split([',', ';']).all(|e| {
        let e = e.trim();
        match e.split_once('@') {
            Some((user, domain)) => {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !e.contains(char::is_whitespace)
            }
            None => false,
        }
    });
    if ok {
        return Some(text.to_string());
    }
    diags.push(bad(
        at,
        format!("địa chỉ thư điện tử {} không đúng", quote(text)),
        format!("the e-mail address {} is not valid", quote(text)),
        Text::new(format!("ví dụ: {}", example("email")), "for example: email: vanphong@tuyenquang.gov.vn"),
    ));
    None
}

fn website(text: &str, at: Loc, diags: &mut Diagnostics) -> Option<String> {
    let bare = text.trim_start_matches("https://").trim_start_matches("http://");
    let ok = bare.contains('.') && !bare.starts_with('.') && !text.contains(char::is_whitespace) && !text.contains('@');
    if ok {
        return Some(text.to_string());
    }
    diags.push(bad(
        at,
        format!("trang thông tin điện tử {} không đúng", quote(text)),
        format!("the website {} is not valid", quote(text)),
        Text::new(format!("ví dụ: {}", example("website")), "for example: website: tuyenquang.gov.vn"),
    ));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::documents::TextFile;

    fn read(header: &str) -> (Option<TextDocument>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let file = TextFile { name: "van-ban/x.md".into(), stem: "x".into(), text: format!("---\n{header}---\nx\n") };
        (super::super::documents::document(&file, &mut diags), diags)
    }

    #[test]
    fn marks_are_read_loosely() {
        let (d, diags) = read(
            "loại: Giấy mời\nđộ khẩn: thượng khẩn\nDo mat: TOI MAT\ndự thảo: lần 2\nso_luong_ban: 20 bản\nngười đánh máy: nva\nđiện thoại: 0207 3822 345\nemail: vp@tuyenquang.gov.vn\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let m = d.unwrap().marks;
        assert_eq!((m.urgency, m.secrecy), (Some(Urgency::ThuongKhan), Some(Secrecy::ToiMat)));
        assert_eq!(m.draft.as_deref(), Some("DỰ THẢO LẦN 2"));
        assert_eq!((m.copies, m.drafter.as_deref()), (Some(20), Some("NVA")));
        assert_eq!(m.contact.phone.as_deref(), Some("0207 3822 345"));
        let (d, _) = read("loại: GM\ndự thảo: true\n");
        assert_eq!(d.unwrap().marks.draft.as_deref(), Some("DỰ THẢO"));
        let (d, _) = read("loại: GM\ndự thảo: 3\n");
        assert_eq!(d.unwrap().marks.draft.as_deref(), Some("DỰ THẢO LẦN 3"));
    }

    #[test]
    fn a_bad_mark_is_an_error_at_its_line_in_vietnamese() {
        let cases = [
            ("loại: Thông báo\nđộ khẩn: Gấp\n", 3, "không có độ khẩn \"Gấp\""),
            ("loại: Thông báo\ntrích yếu: Thử\nđộ mật: Riêng\n", 4, "không có độ mật \"Riêng\""),
            ("loại: Thông báo\ndự thảo: sắp xong\n", 3, "không phải cách ghi dự thảo"),
            ("loại: Thông báo\nsố lượng bản: hai mươi\n", 3, "số lượng bản \"hai mươi\""),
            ("loại: Thông báo\nngười đánh máy: Nguyễn Văn An\n", 3, "phải là chữ viết tắt"),
            ("loại: Thông báo\nemail: vanphong@\n", 3, "thư điện tử \"vanphong@\""),
            ("loại: Thông báo\nđiện thoại: gọi anh Ba\n", 3, "số điện thoại \"gọi anh Ba\""),
            ("loại: Thông báo\nwebsite: trang của xã\n", 3, "trang thông tin điện tử"),
            ("loại: Thông báo\nđộ khẩn:\n  - Khẩn\n", 3, "không phải danh sách"),
            ("loại: Thông báo\nđộ mật: {a: 1}\n", 3, "không phải danh sách hay nhóm mục"),
            (&format!("loại: Thông báo\nđịa chỉ: {}\n", "Số 8 đường Tân Trào ".repeat(20)), 3, "địa chỉ dài 399 ký tự"),
            ("loại: Thông báo\nfax: 0\n", 3, "số fax \"0\""),
        ];
        for (header, line, message) in cases {
            let (d, diags) = read(header);
            assert!(d.is_none(), "{header}");
            let e = diags.errors().next().unwrap();
            assert_eq!(e.code, "document-mark");
            assert!(e.loc.as_ref().unwrap().to_string().starts_with(&format!("van-ban/x.md:{line}:1")), "{e:?}");
            assert!(e.message.vi.contains(message), "{}", e.message.vi);
        }
    }

    #[test]
    fn the_form_decides_the_header() {
        // Mẫu 1.8 has no trích yếu: warned and left out.
        let (d, diags) = read("loại: Giấy giới thiệu\ntrích yếu: Thử\n");
        assert!(d.unwrap().subject.is_none());
        let w = diags.iter().next().unwrap();
        assert_eq!(w.loc.as_ref().unwrap().to_string(), "van-ban/x.md:3:1 (subject)");
        assert!(w.message.vi.contains("Mẫu 1.8"), "{}", w.message.vi);
        // A thư công has no number: it needs no symbol.
        let (d, diags) = read("loại: Thư công\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.unwrap().code.as_deref(), Some(""));
        let (d, diags) = read("loại: Thư công\nsố: 12\n");
        assert!(d.unwrap().number.is_none());
        assert_eq!(diags.iter().next().unwrap().code, "document-form");
    }
}
