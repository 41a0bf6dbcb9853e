//! A body divided as the page is: `Kính gửi` at its top, the text, the signature (at its
//! end or after `Nơi nhận:`), and what is attached after the signature — appendices and
//! attached lists, each from a `PHỤ LỤC` heading, a page break (`---`, `***`, `\newpage`)
//! or a list's title over its `(Kèm theo …)` line. Nothing typed is dropped: a line is a
//! block, part of the header, or said at its line.

use super::blocks::Line;
use super::numbering::{is_capitals, numbered, roman_value};
use super::tail::{Dropped, leading_addressees, read_tail, recipients_line, text, trailing_signatures};
use crate::model::Signer;

pub(super) struct Parts {
    pub to: Vec<String>,
    pub body: Vec<Line>,
    pub recipients: Vec<String>,
    pub signers: Vec<Signer>,
    pub appendices: Vec<AppendixSource>,
    /// Lines of a signature that are not printed (`(Đã ký)`).
    pub dropped: Dropped,
}

/// An appendix as typed: its heading and its body's lines.
pub(super) struct AppendixSource {
    /// `Phụ lục II`.
    pub label: Option<String>,
    /// Its title, in capitals, a line each.
    pub title: Vec<String>,
    /// `Kèm theo …` as typed (without its brackets).
    pub reference: Option<String>,
    pub body: Vec<Line>,
}

pub(super) fn divide(lines: &[Line]) -> Parts {
    let (main, rest) = lines.split_at(appendix_start(lines).unwrap_or(lines.len()));
    let (body, tail) = match recipients_line(main) {
        Some(i) => (&main[..i], &main[i + 1..]),
        None => (main, &[][..]),
    };
    let (to, body) = leading_addressees(body);
    let (body, mut signers, mut dropped) = trailing_signatures(&body);
    let (recipients, tail_signers, tail_dropped, leftover) = read_tail(tail);
    signers.extend(tail_signers);
    dropped.extend(tail_dropped);
    let mut appendices: Vec<AppendixSource> = Vec::new();
    for group in std::iter::once(leftover).chain(groups(rest)) {
        if group.iter().any(|l| !l.1.trim().is_empty()) {
            appendices.push(appendix(&group));
        }
    }
    Parts { to, body, recipients, signers, appendices, dropped }
}

/// `---`, `***`, `___`, `\newpage`, `\pagebreak`, `<div style="page-break-before:
/// always">`, a form feed: a new page.
pub(super) fn is_page_break(t: &str) -> bool {
    let t = t.trim();
    let rule = t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let lower = t.to_lowercase();
    (rule.len() >= 3 && ['-', '*', '_'].iter().any(|m| rule.chars().all(|c| c == *m)))
        || t == "\u{c}"
        || ((lower.starts_with('\\') || lower.starts_with('<'))
            && ["newpage", "pagebreak", "page-break", "ngat-trang", "ngắt trang"].iter().any(|k| lower.contains(k)))
}

/// `PHỤ LỤC`, `PHỤ LỤC II`, `Phụ lục số 01: DANH SÁCH …`.
pub(super) fn is_appendix_heading(t: &str) -> bool {
    let lower = t.to_lowercase();
    let Some(rest) = lower.strip_prefix("phụ lục") else { return false };
    if t.chars().count() > 200 {
        return false;
    }
    let rest_orig = &t[t.len() - rest.len()..];
    let rest_orig = rest_orig.trim_start_matches([' ', ':', '.', '-', '–']).trim();
    let first = rest_orig.split([' ', '.', ':']).next().unwrap_or("");
    rest_orig.is_empty()
        || roman_value(first).is_some()
        || first.chars().all(|c| c.is_ascii_digit()) && !first.is_empty()
        || first.eq_ignore_ascii_case("số")
        || is_capitals(rest_orig)
}

/// `(Kèm theo Quyết định số …)`: an attachment's reference line.
pub(super) fn is_reference(t: &str) -> bool {
    let t = t.trim().trim_start_matches(['(', '*', '_']).trim_start().to_lowercase();
    t.starts_with("kèm theo") && t.chars().count() <= 400
}

/// Where what is attached begins: an appendix heading; or a page break or a list's title
/// over its `(Kèm theo …)` line once the document has been signed (after `Nơi nhận` or a
/// signature).
fn appendix_start(lines: &[Line]) -> Option<usize> {
    let recipients = recipients_line(lines);
    for i in 1..lines.len() {
        let t = text(&lines[i]);
        // A `PHỤ LỤC` heading standing as a heading begins what is attached even before a
        // signature (the signer may be in the header) — not a line that lists the
        // appendices (`Phụ lục 01: Danh sách đại biểu;`); a page break or a list's title
        // only once the document is signed.
        let heading = is_appendix_heading(&t);
        if heading && stands_alone(lines, i) {
            return Some(i);
        }
        let cut = if heading || is_page_break(&lines[i].1) {
            Some(i)
        } else if is_reference(&t) {
            let mut k = i;
            while k > 0 && (lines[k - 1].1.trim().is_empty() || is_capitals(&text(&lines[k - 1]))) {
                k -= 1;
            }
            while lines.get(k).is_some_and(|l| l.1.trim().is_empty()) && k < i {
                k += 1;
            }
            (k < i).then_some(k)
        } else {
            None
        };
        let Some(c) = cut else { continue };
        let signed = recipients.is_some_and(|n| n < c) || !trailing_signatures(&lines[..c]).1.is_empty();
        if signed {
            return Some(c);
        }
    }
    None
}

/// An appendix heading as a heading: no list punctuation after it, and a title in capitals
/// on it or under it, or its `(Kèm theo …)` line under it.
fn stands_alone(lines: &[Line], i: usize) -> bool {
    let t = text(&lines[i]);
    if t.ends_with([';', ',', '.']) {
        return false;
    }
    let words = t.split_whitespace().count();
    let next = lines[i + 1..].iter().map(text).find(|l| !l.is_empty()).unwrap_or_default();
    (words > 3 && is_capitals(&t)) || is_capitals(&next) || is_reference(&next) || next.starts_with('|')
}

/// What follows the signature, cut at each page break and appendix heading (the page
/// breaks themselves are not kept).
fn groups(rest: &[Line]) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = vec![Vec::new()];
    for l in rest {
        if is_page_break(&l.1) {
            out.push(Vec::new());
            continue;
        }
        let current = out.last().expect("never empty");
        if is_appendix_heading(&text(l)) && current.iter().any(|l| !l.1.trim().is_empty()) {
            out.push(Vec::new());
        }
        out.last_mut().expect("never empty").push(l.clone());
    }
    out
}

/// An appendix's heading (label, title, reference) and its body.
fn appendix(lines: &[Line]) -> AppendixSource {
    let mut i = lines.iter().position(|l| !l.1.trim().is_empty()).unwrap_or(0);
    let mut label = None;
    let mut title = Vec::new();
    let skip = |mut i: usize| {
        while lines.get(i).is_some_and(|l| l.1.trim().is_empty()) {
            i += 1;
        }
        i
    };
    if let Some(l) = lines.get(i).filter(|l| is_appendix_heading(&text(l))) {
        let t = text(l);
        let rest = t["phụ lục".len().min(t.len())..].trim_start_matches([' ', ':', '.', '-', '–']).trim();
        // `PHỤ LỤC II: DANH SÁCH …`: the number, then the title.
        let mut words = rest.split_whitespace().peekable();
        let mut number = Vec::new();
        if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("số")) {
            number.extend(words.next());
        }
        if let Some(w) = words.peek().copied() {
            let n = w.trim_end_matches([':', '.', '-', '–']);
            if roman_value(n).is_some() || (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) {
                number.push(n);
                words.next();
            }
        }
        let number = number.join(" ");
        let after = words.collect::<Vec<_>>().join(" ");
        let after = after.trim_start_matches([':', '.', '-', '–', ' ']).to_string();
        label = Some(format!("Phụ lục {number}").trim().to_string());
        if !after.is_empty() {
            title.push(after.to_uppercase());
        }
        i = skip(i + 1);
    }
    while let Some(l) = lines.get(i) {
        let t = text(l);
        if !is_capitals(&t) || numbered(&t).is_some() || t.starts_with('|') || is_reference(&t) {
            break;
        }
        title.push(t);
        i = skip(i + 1);
    }
    let mut reference = None;
    if let Some(l) = lines.get(i).filter(|l| is_reference(&text(l))) {
        let t = text(l);
        reference = Some(t.trim_start_matches('(').trim_end_matches(')').trim().to_string());
        i += 1;
    }
    AppendixSource { label, title, reference, body: lines[i.min(lines.len())..].to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Line> {
        s.lines().enumerate().map(|(i, l)| (i as u32 + 1, l.to_string())).collect()
    }

    #[test]
    fn what_follows_the_signature_is_attached() {
        let p = divide(&lines(
            "Điều 1. Tặng.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n\n---\n\nPHỤ LỤC\n*(Kèm theo Quyết định số 12/QĐ-UBND)*\n1. Danh sách thứ nhất.\n\nPHỤ LỤC II: DANH SÁCH THỨ HAI\n| A | B |\n",
        ));
        assert_eq!(p.signers.len(), 1);
        assert_eq!(p.signers[0].name, "Nguyễn Văn A");
        assert_eq!(p.signers[0].title, "CHỦ TỊCH");
        assert_eq!(p.appendices.len(), 2);
        let a = &p.appendices[0];
        assert_eq!(a.label.as_deref(), Some("Phụ lục"));
        assert_eq!(a.reference.as_deref(), Some("Kèm theo Quyết định số 12/QĐ-UBND"));
        assert_eq!(a.body.iter().filter(|l| !l.1.is_empty()).count(), 1);
        let b = &p.appendices[1];
        assert_eq!(b.label.as_deref(), Some("Phụ lục II"));
        assert_eq!(b.title, ["DANH SÁCH THỨ HAI"]);
    }

    #[test]
    fn an_attached_list_without_a_heading() {
        let p = divide(&lines(
            "Nội dung.\n\nCHỦ TỊCH\nNguyễn Văn A\n\nDANH SÁCH\nCÁC TẬP THỂ ĐƯỢC TẶNG CỜ THI ĐUA\n(Kèm theo Quyết định số 5)\n* HUYỆN ĐỒNG VĂN: 03 tập thể.\n",
        ));
        assert_eq!(p.signers.len(), 1);
        assert_eq!(p.body.iter().filter(|l| !l.1.is_empty()).count(), 1);
        assert_eq!(p.appendices.len(), 1);
        assert_eq!(p.appendices[0].title, ["DANH SÁCH", "CÁC TẬP THỂ ĐƯỢC TẶNG CỜ THI ĐUA"]);
        // A page break before any signature is a page break of the body.
        let p = divide(&lines("Một.\n---\nHai.\n"));
        assert!(p.appendices.is_empty());
        assert_eq!(p.body.len(), 3);
        assert!(!is_appendix_heading("Phụ lục kèm theo gồm các biểu mẫu."));
        assert!(is_appendix_heading("PHỤ LỤC 02"));
        // Lines that list the appendices in the body are not appendices.
        let p = divide(&lines(
            "Kèm theo Kế hoạch này:
Phụ lục 01: Danh sách đại biểu;
Phụ lục 02: Chương trình.
Tổ chức thực hiện tốt.
",
        ));
        assert!(p.appendices.is_empty());
        assert_eq!(p.body.len(), 4);
        // A heading with the signer in the header: the appendix.
        let p = divide(&lines(
            "Nội dung.
PHỤ LỤC
DANH SÁCH ĐẠI BIỂU
1. Một.
",
        ));
        assert_eq!(p.appendices.len(), 1);
    }
}
