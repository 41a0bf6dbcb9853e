//! What ends a body: the `Nơi nhận:` list and the signature, typed at the end of the body
//! or after the recipients; one signer or several side by side (a Biên bản's secretary and
//! chair), each its authority and title lines in capitals and then its name.

use super::blocks::Line;
use super::inline::strip_marks;
use super::numbering::{is_capitals, numbered};
use crate::model::Signer;

/// A line of a signature that is not printed, said at its line: `(Đã ký)`, `(Ký, ghi rõ
/// họ tên)` typed where the signature goes.
pub(super) type Dropped = Vec<(u32, String)>;

/// Does the line read as a signer's name (`Nguyễn Thế Giang`): two to six words, each
/// capitalised, not all in capitals, no final stop, no figure?
pub(super) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !is_capitals(s)
        && !s.ends_with(['.', ';', ':', ',', '!', '?'])
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// A line of capitals that may be a signer's authority or title (`KT. CHỦ TỊCH`, `THƯ
/// KÝ`): short, not numbered, no final colon or stop.
fn is_title_line(s: &str) -> bool {
    is_capitals(s)
        && s.chars().count() <= 60
        && !s.ends_with([':', '.', ';', '!', '?'])
        && numbered(s).is_none()
        && !s.starts_with(['-', '+', '*', '|', '('])
}

/// `(Đã ký)`, `(Ký tên, đóng dấu)`: a note where the signature goes.
fn is_sign_note(s: &str) -> bool {
    s.starts_with('(') && s.ends_with(')') && s.chars().count() <= 40
}

/// The words a signer's title begins with, for a title written with no name under it at
/// the end of a body (`HIỆU TRƯỞNG`), so a heading in capitals is not taken for one.
const TITLE_WORDS: &[&str] = &[
    "TM.",
    "KT.",
    "TL.",
    "TUQ.",
    "Q.",
    "CHỦ TỊCH",
    "PHÓ",
    "GIÁM ĐỐC",
    "HIỆU TRƯỞNG",
    "TRƯỞNG",
    "THƯ KÝ",
    "BÍ THƯ",
    "CHỦ TỌA",
    "CHỦ TRÌ",
    "CHÁNH",
    "THỦ TRƯỞNG",
    "BỘ TRƯỞNG",
    "CỤC TRƯỞNG",
    "VIỆN TRƯỞNG",
    "TỔNG",
    "NGƯỜI",
    "ĐẠI DIỆN",
    "TM ",
    "KT ",
    "XÁC NHẬN",
    "THÀNH VIÊN",
    "ỦY VIÊN",
];

fn looks_like_title(s: &str) -> bool {
    TITLE_WORDS.iter().any(|w| s.starts_with(w))
}

/// A line's text without its marks (a bold mark left open over two lines too).
pub(super) fn text(l: &Line) -> String {
    strip_marks(l.1.trim()).trim().trim_matches('*').trim().to_string()
}

/// Signatures typed at the end of `body`: the body without them, the signers left to right,
/// and the notes between title and name that are not printed.
pub(super) fn trailing_signatures(body: &[Line]) -> (Vec<Line>, Vec<Signer>, Dropped) {
    let filled: Vec<usize> = (0..body.len()).filter(|&i| !body[i].1.trim().is_empty()).collect();
    let mut end = filled.len();
    let mut signers: Vec<Signer> = Vec::new();
    let mut dropped = Dropped::new();
    while end > 0 {
        let mut k = end;
        let last = text(&body[filled[k - 1]]);
        let name = is_name(&last).then(|| {
            k -= 1;
            last.clone()
        });
        let mut notes = Vec::new();
        while k > 0 && is_sign_note(&text(&body[filled[k - 1]])) {
            k -= 1;
            notes.push((body[filled[k]].0, text(&body[filled[k]])));
        }
        let mut authority = Vec::new();
        while k > 0 && is_title_line(&text(&body[filled[k - 1]])) {
            k -= 1;
            authority.insert(0, text(&body[filled[k]]));
        }
        let title_only = name.is_none() && authority.first().is_some_and(|a| looks_like_title(a));
        if authority.is_empty() || (name.is_none() && !title_only) {
            break;
        }
        let title = authority.pop().unwrap_or_default();
        signers.insert(0, Signer { name: name.unwrap_or_default(), authority, title });
        dropped.extend(notes);
        end = k;
    }
    let cut = filled.get(end).copied().unwrap_or(body.len());
    let cut = if signers.is_empty() { body.len() } else { cut };
    (body[..cut].to_vec(), signers, dropped)
}

/// Signatures at the start of `lines` (after the recipients): the signers, how many lines
/// they take, and the notes not printed. A group of capitals with neither a name nor a
/// signer's title under it, once a signer is read, is what follows (an attached list's
/// title), not a signer.
pub(super) fn leading_signatures(lines: &[Line]) -> (Vec<Signer>, usize, Dropped) {
    let mut signers = Vec::new();
    let mut dropped = Dropped::new();
    let mut i = 0;
    let skip_blank = |mut i: usize| {
        while lines.get(i).is_some_and(|l| l.1.trim().is_empty()) {
            i += 1;
        }
        i
    };
    loop {
        let start = skip_blank(i);
        let mut j = start;
        let mut authority = Vec::new();
        while let Some(l) = lines.get(j).filter(|l| is_title_line(&text(l))) {
            authority.push(text(l));
            j = skip_blank(j + 1);
        }
        if authority.is_empty() {
            break;
        }
        let mut notes = Vec::new();
        while let Some(l) = lines.get(j).filter(|l| is_sign_note(&text(l))) {
            notes.push((l.0, text(l)));
            j = skip_blank(j + 1);
        }
        let name = lines.get(j).map(text).filter(|t| is_name(t));
        let at_end = j >= lines.len();
        // No name: a title signed by hand (`HIỆU TRƯỞNG`), at the end or named as a title.
        let title_only = looks_like_title(&authority[0]) || (at_end && signers.is_empty());
        if name.is_none() && !title_only {
            break;
        }
        let title = authority.pop().unwrap_or_default();
        i = if name.is_some() { j + 1 } else { j };
        signers.push(Signer { name: name.unwrap_or_default(), authority, title });
        dropped.extend(notes);
    }
    (signers, i, dropped)
}

/// The recipients (`-` and `+` lines, a sub-heading ending with `:`) after `Nơi nhận:`;
/// the signers after them; and what is left (an attached list typed after the signature).
pub(super) fn read_tail(tail: &[Line]) -> (Vec<String>, Vec<Signer>, Dropped, Vec<Line>) {
    let mut recipients = Vec::new();
    let mut i = 0;
    while let Some(l) = tail.get(i) {
        let t = text(l);
        if t.is_empty() {
            i += 1;
            continue;
        }
        if is_title_line(&t) {
            break;
        }
        let sub = t.starts_with('+');
        let item = t.trim_start_matches(['-', '+', '•', '*']).trim();
        let item =
            if item.ends_with(':') { item.to_string() } else { item.trim_end_matches([';', '.']).trim().to_string() };
        recipients.push(if sub { format!("+ {item}") } else { item });
        i += 1;
    }
    let (signers, used, dropped) = leading_signatures(&tail[i..]);
    (recipients, signers, dropped, tail[i + used..].to_vec())
}

/// `Kính gửi: …` at the top of the body (one addressee on its line, or `- …` lines under
/// it): the addressees, and the body without them.
pub(super) fn leading_addressees(body: &[Line]) -> (Vec<String>, Vec<Line>) {
    let Some(first) = body.iter().position(|(_, l)| !l.trim().is_empty()) else { return (Vec::new(), body.to_vec()) };
    let line = strip_marks(body[first].1.trim());
    let Some(rest) = line.strip_prefix("Kính gửi").map(|r| r.trim_start_matches([' ', ':']).trim()) else {
        return (Vec::new(), body.to_vec());
    };
    let clean =
        |s: &str| s.trim_start_matches(['-', '+', '•']).trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    let mut to = Vec::new();
    if !rest.is_empty() {
        to.push(clean(rest));
    }
    let mut next = first + 1;
    while let Some((_, l)) = body.get(next) {
        let t = l.trim();
        if t.is_empty() && !to.is_empty() {
            break;
        }
        if t.starts_with(['-', '+', '•']) {
            to.push(clean(t));
        } else if !t.is_empty() {
            break;
        }
        next += 1;
    }
    (to, body[..first].iter().chain(&body[next..]).cloned().collect())
}

/// The index of the `Nơi nhận:` line.
pub(super) fn recipients_line(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|(_, l)| {
        let t = strip_marks(l.trim());
        let t = t.trim();
        crate::text::loose_key(t) == "noinhan" && t.ends_with(':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Line> {
        s.lines().enumerate().map(|(i, l)| (i as u32 + 1, l.to_string())).collect()
    }

    #[test]
    fn two_signers_side_by_side() {
        let (body, signers, _) = trailing_signatures(&lines(
            "Biên bản kết thúc lúc 11 giờ.\n\nTHƯ KÝ\n\nTrần Thị B\n\nCHỦ TRÌ\n\nNguyễn Văn A\n",
        ));
        assert_eq!(body.iter().filter(|l| !l.1.is_empty()).count(), 1);
        let got: Vec<(&str, &str)> = signers.iter().map(|s| (s.title.as_str(), s.name.as_str())).collect();
        assert_eq!(got, [("THƯ KÝ", "Trần Thị B"), ("CHỦ TRÌ", "Nguyễn Văn A")]);
        // A title with no name yet (signed by hand), and a note not printed.
        let (_, signers, dropped) = trailing_signatures(&lines("Nội dung.\nHIỆU TRƯỞNG\n(Đã ký)\n"));
        assert_eq!(signers.len(), 1);
        assert_eq!(signers[0].title, "HIỆU TRƯỞNG");
        assert_eq!(dropped, [(3, "(Đã ký)".to_string())]);
        // A heading in capitals is not a signer.
        let (body, signers, _) = trailing_signatures(&lines("Nội dung.\nKẾT LUẬN CHUNG\n"));
        assert!(signers.is_empty());
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn after_the_signature_comes_what_is_attached() {
        let (rec, signers, _, rest) = read_tail(&lines(
            "- Như trên;\n- Bản điện tử:\n+ Các sở;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\nDANH SÁCH\n(Kèm theo Quyết định số 1)\n1. Một.",
        ));
        assert_eq!(rec, ["Như trên", "Bản điện tử:", "+ Các sở", "Lưu: VT"]);
        assert_eq!(signers.len(), 1);
        assert_eq!(signers[0].name, "Nguyễn Văn A");
        assert_eq!(rest.len(), 3);
        assert_eq!(rest[0].1, "DANH SÁCH");
    }
}
