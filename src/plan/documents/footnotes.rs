//! Footnotes: `[^1]` where the note is called, and the note itself on a line of its own
//! anywhere in the body (`[^1]: Số liệu đến ngày 30/11/2025.`), as Markdown writes them.
//! A note never called is said at its line, so its text is never lost unsaid.

use super::blocks::{DocBlock, Line, Span};
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::TextDocument;

/// The notes of a document: label, text, line, called.
#[derive(Default)]
pub(super) struct Notes(Vec<(String, String, u32, bool)>);

/// `[^label]: text` → the label and the text.
fn definition(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("[^")?;
    let (label, text) = rest.split_once("]:")?;
    (!label.is_empty() && label.chars().count() <= 20 && !label.contains([' ', '[', ']']))
        .then(|| (label.to_string(), text.trim().to_string()))
}

/// The lines without the notes' own lines, and the notes.
pub(super) fn take(lines: &[Line]) -> (Vec<Line>, Notes) {
    let mut notes = Notes::default();
    let mut rest = Vec::with_capacity(lines.len());
    for l in lines {
        match definition(&l.1) {
            Some((label, text)) if !notes.0.iter().any(|n| n.0 == label) => notes.0.push((label, text, l.0, false)),
            _ => rest.push(l.clone()),
        }
    }
    (rest, notes)
}

impl Notes {
    /// Every `[^label]` of the blocks' text that has a note becomes the note.
    pub(super) fn place(&mut self, blocks: &mut [DocBlock]) {
        if self.0.is_empty() {
            return;
        }
        for b in blocks {
            match b {
                DocBlock::Para { spans, .. } => *spans = self.split(std::mem::take(spans)),
                DocBlock::Table(t) => {
                    for cell in t.header.iter_mut().chain(t.rows.iter_mut()).flatten() {
                        cell.spans = self.split(std::mem::take(&mut cell.spans));
                    }
                }
                _ => {}
            }
        }
    }

    fn split(&mut self, spans: Vec<Span>) -> Vec<Span> {
        let mut out = Vec::with_capacity(spans.len());
        for s in spans {
            let mut text = s.text.as_str();
            while let Some(at) = text.find("[^") {
                let Some(end) = text[at..].find(']').map(|e| at + e) else { break };
                let label = &text[at + 2..end];
                let Some(note) = self.0.iter_mut().find(|n| n.0 == label) else {
                    out.push(Span { text: text[..=end].to_string(), ..s.clone() });
                    text = &text[end + 1..];
                    continue;
                };
                note.3 = true;
                if at > 0 {
                    out.push(Span { text: text[..at].to_string(), ..s.clone() });
                }
                out.push(Span { text: String::new(), note: Some(note.1.clone()), ..s.clone() });
                text = &text[end + 1..];
            }
            if !text.is_empty() {
                out.push(Span { text: text.to_string(), ..s.clone() });
            }
        }
        out
    }

    /// A note nowhere called: said at its line.
    pub(super) fn unused(&self, doc: &TextDocument, diags: &mut Diagnostics) {
        for (label, _, line, used) in &self.0 {
            if !used {
                diags.push(
                    Diagnostic::warning(
                        "document-footnote",
                        doc.line_loc(*line),
                        Text::new(
                            format!("chú thích [^{label}] không được gọi ở đâu trong văn bản: không in"),
                            format!("the note [^{label}] is called nowhere in the document: not printed"),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("viết [^{label}] ngay sau chữ cần chú thích"),
                        format!("write [^{label}] right after the words it explains"),
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::documents::ParaStyle;

    #[test]
    fn a_note_is_placed_where_it_is_called() {
        let lines: Vec<Line> =
            vec![(1, "Sản lượng đạt 120 tấn[^1].".into()), (2, "[^1]: Số liệu đến ngày 30/11/2025.".into())];
        let (rest, mut notes) = take(&lines);
        assert_eq!(rest.len(), 1);
        let span = |t: &str| Span { text: t.into(), bold: false, italic: false, note: None };
        let mut blocks = vec![DocBlock::Para { spans: vec![span(&rest[0].1)], style: ParaStyle::Body }];
        notes.place(&mut blocks);
        let DocBlock::Para { spans, .. } = &blocks[0] else { panic!() };
        assert_eq!(spans[0].text, "Sản lượng đạt 120 tấn");
        assert_eq!(spans[1].note.as_deref(), Some("Số liệu đến ngày 30/11/2025."));
        assert_eq!(spans[2].text, ".");
        assert!(notes.0[0].3);
    }
}
