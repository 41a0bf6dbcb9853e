//! Inline marks of a line: `*italic*`, `**bold**`, `***both***`, and the escapes `\*`,
//! `\|`, `\\` (how a value's own characters are written).

use super::blocks::Span;

/// `*italic*`, `**bold**` and `***both***` → spans; `\*` is a star, `\|` a bar, `\\` a
/// backslash. A mark left open is printed as it is; a star with a space after it (`* Về
/// phía tỉnh:`) or in a note mark `(*)` stays a star.
pub(crate) fn spans(s: &str) -> Vec<Span> {
    // Tokens: text, or a run of stars with whether it may open (text follows it) and close
    // (text precedes it) — so `5 * 3` and a note mark `(*)` stay stars.
    let mut tokens: Vec<(bool, String)> = Vec::new();
    let mut flanks: Vec<(bool, bool)> = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\'
            && let Some(&next) = chars.get(i + 1).filter(|n| matches!(n, '*' | '|' | '\\'))
        {
            push_text(&mut tokens, &mut flanks, next);
            i += 2;
        } else if c == '*' {
            let start = i;
            while chars.get(i) == Some(&'*') {
                i += 1;
            }
            let (before, after) = (start.checked_sub(1).map(|j| chars[j]), chars.get(i).copied());
            let open = after.is_some_and(|a| !a.is_whitespace() && a != ')');
            let close = before.is_some_and(|b| !b.is_whitespace() && b != '(');
            tokens.push((true, "*".repeat(i - start)));
            flanks.push((open, close));
        } else {
            push_text(&mut tokens, &mut flanks, c);
            i += 1;
        }
    }
    // Marks that have a partner of the same length later count; the others are text.
    let marks: Vec<usize> = tokens.iter().enumerate().filter(|(_, t)| t.0).map(|(i, _)| i).collect();
    let mut active = vec![false; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for &i in &marks {
        let len = tokens[i].1.len();
        let (can_open, can_close) = flanks[i];
        if let Some(pos) = open.iter().rposition(|&o| tokens[o].1.len() == len).filter(|_| can_close) {
            active[open[pos]] = true;
            active[i] = true;
            open.truncate(pos);
        } else if len <= 3 && can_open {
            open.push(i);
        }
    }
    let (mut bold, mut italic) = (false, false);
    let mut out: Vec<Span> = Vec::new();
    for (i, (is_mark, text)) in tokens.into_iter().enumerate() {
        if is_mark && active[i] {
            match text.len() {
                1 => italic = !italic,
                2 => bold = !bold,
                _ => {
                    bold = !bold;
                    italic = !italic;
                }
            }
            continue;
        }
        match out.last_mut() {
            Some(l) if l.bold == bold && l.italic == italic => l.text.push_str(&text),
            _ => out.push(Span { text, bold, italic, note: None }),
        }
    }
    tidy(out)
}

fn push_text(tokens: &mut Vec<(bool, String)>, flanks: &mut Vec<(bool, bool)>, c: char) {
    match tokens.last_mut() {
        Some((false, t)) => t.push(c),
        _ => {
            tokens.push((false, c.to_string()));
            flanks.push((false, false));
        }
    }
}

/// Adjacent spans of one style merged, empty ones dropped; a space between a bold title
/// and the text after it.
pub(super) fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for s in spans.into_iter().filter(|s| !s.text.is_empty() || s.note.is_some()) {
        match out.last_mut() {
            Some(l) if l.bold == s.bold && l.italic == s.italic && l.note.is_none() && s.note.is_none() => {
                l.text.push_str(&s.text)
            }
            Some(l)
                if !l.text.ends_with(' ')
                    && !s.text.starts_with([' ', ',', '.', ';', ':', ')'])
                    && l.bold
                    && !s.bold =>
            {
                l.text.push(' ');
                out.push(s);
            }
            _ => out.push(s),
        }
    }
    out
}

/// The spans split after the first `at` characters of their text.
pub(super) fn split_spans(spans: Vec<Span>, at: usize) -> (Vec<Span>, Vec<Span>) {
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let mut seen = 0;
    for s in spans {
        let n = s.text.chars().count();
        if seen >= at {
            tail.push(s);
        } else if seen + n <= at {
            head.push(s);
        } else {
            let cut = s.text.char_indices().nth(at - seen).map_or(s.text.len(), |(i, _)| i);
            head.push(Span { text: s.text[..cut].to_string(), ..s.clone() });
            tail.push(Span { text: s.text[cut..].to_string(), ..s });
        }
        seen += n;
    }
    (head, tail)
}

/// The text without its `*` marks (for reading its numbering).
pub(super) fn strip_marks(s: &str) -> String {
    spans(s).into_iter().map(|s| s.text).collect()
}

/// A text read from the body and printed as it is (an addressee, a recipient, a signer):
/// its escapes (`\\*`, `\\|`, `\\\\`) are the characters they stand for.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| matches!(n, '*' | '|' | '\\')) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, bold: bool, italic: bool) -> Span {
        Span { text: text.into(), bold, italic, note: None }
    }

    #[test]
    fn inline_marks() {
        assert_eq!(
            spans("Chương trình (*Sau đây viết tắt*) và **đậm** 5\\*"),
            [
                sp("Chương trình (", false, false),
                sp("Sau đây viết tắt", false, true),
                sp(") và ", false, false),
                sp("đậm", true, false),
                sp(" 5*", false, false)
            ]
        );
        assert_eq!(spans("Nội dung**"), [sp("Nội dung**", false, false)]);
        let note = "1. Chỉ tiêu (*) chưa đạt gồm tỷ lệ che phủ rừng (*) và 5 * 3 * 2.";
        assert_eq!(spans(note), [sp(note, false, false)]);
        assert_eq!(spans("* HUYỆN ĐỒNG VĂN: 03 tập thể."), [sp("* HUYỆN ĐỒNG VĂN: 03 tập thể.", false, false)]);
    }

    #[test]
    fn spans_split_inside_a_run() {
        let (a, b) = split_spans(spans("Điều 1. Phê duyệt *danh sách*"), 8);
        assert_eq!(a, [sp("Điều 1. ", false, false)]);
        assert_eq!(b, [sp("Phê duyệt ", false, false), sp("danh sách", false, true)]);
    }
}
