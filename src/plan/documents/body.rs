//! A body's lines → blocks, read from the numbering Vietnamese documents already use (see
//! the module's table), with the numbering slips said at their lines.

use super::blocks::{DocBlock, Line, ParaStyle, Span};
use super::inline::{spans, split_spans, strip_marks, tidy};
use super::numbering::{LETTERS, Numbered, Numbering, depth, is_capitals, numbered, roman, spaced, title_split};
use super::parts::is_page_break;
use super::table::read_table;
use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::limits::DOCUMENT_TABLE_ROWS;
use crate::model::TextDocument;

/// Reads `lines` into blocks. `grounds`: the body opens with its grounds (`Căn cứ …`),
/// as a document's does and an appendix's does not.
pub(super) fn read(doc: &TextDocument, lines: &[Line], grounds: bool, diags: &mut Diagnostics) -> Vec<DocBlock> {
    let mut r = Reader {
        doc,
        diags,
        blocks: Vec::new(),
        num: Numbering::default(),
        colon_titles: Vec::new(),
        list_has_sentence: false,
        whole_title: None,
        list_titles: Vec::new(),
        names_list: false,
        grounds_open: grounds,
        table: Vec::new(),
    };
    for (n, line) in logical(lines) {
        r.line(n, line);
    }
    r.flush_table();
    r.close_list();
    r.settle_title(Some(0));
    // A page break at the end breaks nothing (what follows starts a page of its own).
    while matches!(r.blocks.last(), Some(DocBlock::PageBreak)) {
        r.blocks.pop();
    }
    r.blocks
}

/// Lines wrapped by hand joined to the line above; blank lines dropped; Markdown habits
/// read; a number's missing space put back.
fn logical(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (n, l) in lines {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let t = spaced(&markdown_habits(t));
        let continues = t.chars().next().is_some_and(char::is_lowercase)
            && !t.starts_with('|')
            && out
                .last()
                .is_some_and(|(_, p)| !p.starts_with('|') && !p.trim_end().ends_with(':') && !is_page_break(p))
            && numbered(&t).is_none();
        match out.last_mut() {
            Some((_, p)) if continues => {
                p.push(' ');
                p.push_str(&t);
            }
            _ => out.push((*n, t)),
        }
    }
    out
}

/// Markdown habits: `## Heading` is a heading (bold when it carries no numbering). A star
/// and a space at the start (`* HUYỆN A: 03 tập thể.`) stay a star, as typed.
pub(super) fn markdown_habits(t: &str) -> String {
    match t.trim_start_matches('#') {
        rest if rest.len() < t.len() && t.len() - rest.len() <= 6 && rest.starts_with(' ') => {
            let rest = rest.trim();
            if numbered(rest).is_some() || rest.contains('*') { rest.to_string() } else { format!("**{rest}**") }
        }
        _ => t.to_string(),
    }
}

struct Reader<'a, 'd> {
    doc: &'a TextDocument,
    diags: &'d mut Diagnostics,
    blocks: Vec<DocBlock>,
    num: Numbering,
    /// The khoản of the current list titled up to a colon (block, line): plain text after
    /// all when a sibling is a plain sentence (`1. Cử đại biểu: …` among sentences).
    colon_titles: Vec<(usize, String)>,
    list_has_sentence: bool,
    /// The last khoản printed bold as a whole-line title (block, its plain spans, depth):
    /// plain after all when nothing comes under it before its next sibling (a list of
    /// names, not of headings).
    whole_title: Option<(usize, Vec<Span>, usize)>,
    /// The whole-line titles of the current list, and whether the list has proved a list
    /// of names (one of them followed straight by its sibling): then none is bold.
    list_titles: Vec<(usize, Vec<Span>)>,
    names_list: bool,
    grounds_open: bool,
    table: Vec<Line>,
}

impl Reader<'_, '_> {
    fn line(&mut self, n: u32, line: String) {
        if line.starts_with('|') {
            self.table.push((n, line));
            return;
        }
        self.flush_table();
        let plain = strip_marks(&line);
        // `Theo đề nghị của …;` (or `,`) closes the grounds of a decision; `Xét đề nghị …,
        // kính trình … như sau:` opens the body of a tờ trình.
        let proposal =
            (plain.starts_with("Theo đề nghị") || plain.starts_with("Xét đề nghị")) && plain.ends_with([';', '.', ',']);
        if self.grounds_open && (plain.starts_with("Căn cứ") || proposal) {
            self.push(DocBlock::Para { spans: spans(&line), style: ParaStyle::Ground }, None);
            return;
        }
        // The authority line of a decision (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …`) comes before
        // its grounds.
        self.grounds_open &= is_capitals(&plain) && !plain.starts_with(['-', '+']) && numbered(&plain).is_none();
        if is_page_break(&line) {
            self.push(DocBlock::PageBreak, None);
            return;
        }
        match numbered(&plain) {
            Some(Numbered::Part { label, rest }) => {
                let title = (!rest.is_empty()).then(|| rest.to_uppercase());
                self.heading(DocBlock::Part { label, title });
                self.num.section = None;
            }
            Some(Numbered::Section { n: s, rest }) => self.section(n, s, rest, &line, &plain),
            Some(Numbered::Article { n: a, rest }) => self.article(n, a, rest, &line, &plain),
            Some(Numbered::Item { n: k, label, rest }) => self.item(n, k, label, rest, &line, &plain),
            Some(Numbered::Point { letter }) => self.point(n, letter, &line),
            None => self.other(&line, &plain),
        }
    }

    /// The line's spans with its first `plain.len() - after.len()` characters made bold (in
    /// capitals for a Mục), the rest as typed.
    fn titled(line: &str, plain: &str, after: &str, upper: bool) -> Vec<Span> {
        let k = plain.chars().count() - after.chars().count();
        let (head, tail) = split_spans(spans(line), k);
        let head = head.into_iter().map(|s| Span {
            text: if upper { s.text.to_uppercase() } else { s.text },
            bold: true,
            italic: s.italic,
            note: s.note,
        });
        tidy(head.chain(tail).collect())
    }

    fn section(&mut self, n: u32, s: u32, rest: &str, line: &str, plain: &str) {
        let expected = self.num.section.map_or(1, |p| p + 1);
        if s != expected {
            let before = self.num.section.map_or("đầu văn bản".to_string(), |p| format!("mục {}.", roman(p)));
            let before_en = self.num.section.map_or("the start".to_string(), |p| format!("{}.", roman(p)));
            self.warn(
                n,
                format!("mục {}. đứng sau {before}: đúng ra là mục {}.", roman(s), roman(expected)),
                format!("section {}. follows {before_en}: {}. was expected", roman(s), roman(expected)),
            );
        }
        self.num.section = Some(s);
        let (title, after) = title_split(rest);
        if after.trim().is_empty() && !title.is_empty() {
            self.heading(DocBlock::Section(format!("{}. {}", roman(s), title.to_uppercase())));
        } else {
            // `II. THỜI GIAN: Từ 06h30 …`: the heading to its colon, the sentence as typed.
            let spans = Self::titled(line, plain, if title.is_empty() { rest } else { &after }, true);
            self.heading(DocBlock::Para { spans, style: ParaStyle::Body });
        }
    }

    fn article(&mut self, n: u32, a: u32, rest: &str, line: &str, plain: &str) {
        let expected = self.num.article.map_or(1, |p| p + 1);
        if a != expected {
            self.warn(
                n,
                format!(
                    "Điều {a}. đứng sau {}: đúng ra là Điều {expected}.",
                    self.num.article.map_or("đầu văn bản".into(), |p| format!("Điều {p}."))
                ),
                format!("Điều {a}. where Điều {expected}. was expected"),
            );
        }
        self.num.article = Some(a);
        let (title, after) = title_split(rest);
        let after = if title.is_empty() { rest.to_string() } else { after };
        let spans = Self::titled(line, plain, &after, false);
        self.heading(DocBlock::Para { spans, style: ParaStyle::Body });
    }

    fn item(&mut self, n: u32, k: Option<u32>, label: &str, rest: &str, line: &str, plain: &str) {
        if let Some(k) = k {
            self.check_item(n, k);
        }
        let (title, after) = title_split(rest);
        let d = depth(label);
        if k.is_some() {
            if title.is_empty() {
                self.list_has_sentence = true;
            } else if title.ends_with(':') && !after.trim().is_empty() {
                self.colon_titles.push((self.blocks.len(), line.to_string()));
            }
        }
        self.settle_title(Some(d));
        if k == Some(1) {
            // A new list: it may be of headings or of names.
            self.list_titles.clear();
            self.names_list = false;
        }
        let whole = !title.is_empty() && after.trim().is_empty();
        let after = if title.is_empty() { rest.to_string() } else { after };
        // The label alone is bold only with its title; no title is bold in a list of names.
        let bold = !(title.is_empty() || whole && self.names_list);
        let printed = if bold { Self::titled(line, plain, &after, false) } else { spans(line) };
        self.push(DocBlock::Para { spans: printed, style: ParaStyle::Body }, Some(d));
        if whole && bold {
            self.whole_title = Some((self.blocks.len() - 1, spans(line), d));
            self.list_titles.push((self.blocks.len() - 1, spans(line)));
        }
    }

    fn check_item(&mut self, n: u32, k: u32) {
        let expected = self.num.item.map_or(1, |p| p + 1);
        // A list may start again at 1 (under each `ĐOÀN SỐ 2:`).
        if k != expected && k != 1 {
            let (before, before_en) = match (self.num.item, self.num.section, self.num.article) {
                (Some(p), _, _) => (format!("khoản {p}."), format!("{p}.")),
                (None, _, Some(a)) => (format!("Điều {a}. mà chưa có khoản 1."), format!("Điều {a}. with no 1.")),
                (None, Some(s), _) => {
                    (format!("mục {}. mà chưa có khoản 1.", roman(s)), format!("{}. with no 1.", roman(s)))
                }
                (None, None, None) => ("đầu văn bản mà chưa có khoản 1.".into(), "the start with no 1.".into()),
            };
            self.warn(
                n,
                format!("khoản {k}. đứng sau {before}: đúng ra là khoản {expected}."),
                format!("{k}. follows {before_en}: {expected}. was expected"),
            );
        }
        self.num.item = Some(k);
        self.num.point = None;
    }

    fn point(&mut self, n: u32, letter: &str, line: &str) {
        let i = LETTERS.iter().position(|l| *l == letter).unwrap_or(0);
        if self.num.item.is_none() && self.num.article.is_none() {
            self.warn(
                n,
                format!("điểm {letter}) không nằm trong khoản đánh số nào (1., 2., …)"),
                format!("point {letter}) is outside any numbered item (1., 2., …)"),
            );
        } else {
            let expected = self.num.point.map_or(0, |p| p + 1);
            if i != expected && i != 0 {
                let want = LETTERS.get(expected).copied().unwrap_or("?");
                self.warn(
                    n,
                    format!(
                        "điểm {letter}) đứng sau {}: đúng ra là điểm {want})",
                        self.num.point.map_or("khoản".to_string(), |p| format!("điểm {})", LETTERS[p]))
                    ),
                    format!("point {letter}) where {want}) was expected"),
                );
            }
        }
        self.num.point = Some(i);
        self.push(DocBlock::Para { spans: spans(line), style: ParaStyle::Body }, None);
    }

    fn other(&mut self, line: &str, plain: &str) {
        let capitals = is_capitals(plain) && !plain.starts_with(['-', '+', '*']);
        // `Phần I` with its title on the next line, in capitals.
        if capitals && let Some(DocBlock::Part { title: title @ None, .. }) = self.blocks.last_mut() {
            *title = Some(plain.to_string());
            return;
        }
        let spans = spans(line);
        // A heading of its own (`ĐOÀN SỐ 2:`, a bold line): the numbering under it starts
        // again.
        let bold = spans.iter().all(|s| s.bold || s.text.trim().is_empty());
        let heading = capitals || bold || plain.ends_with(':');
        if heading {
            self.num.item = None;
            self.num.point = None;
        }
        let style = if capitals { ParaStyle::Centre } else { ParaStyle::Body };
        // A heading after a whole-line khoản: nothing stood under that khoản.
        self.push(DocBlock::Para { spans, style }, heading.then_some(0));
    }

    /// A Phần, Mục or Điều: a new list starts under it.
    fn heading(&mut self, b: DocBlock) {
        self.close_list();
        self.list_titles.clear();
        self.names_list = false;
        self.settle_title(Some(0));
        self.num.item = None;
        self.num.point = None;
        self.push(b, None);
    }

    fn push(&mut self, b: DocBlock, item_depth: Option<usize>) {
        self.settle_title(item_depth);
        self.blocks.push(b);
    }

    /// The pending whole-line title, plain when the next block is its sibling, a
    /// heading above it or the end (`Some(depth)`, 0 for a heading or the end): nothing
    /// stood under it. `None`: text under it, so it stays a title.
    fn settle_title(&mut self, next_depth: Option<usize>) {
        let Some((i, plain, d)) = self.whole_title.take() else { return };
        if next_depth.is_some_and(|n| n <= d) && self.blocks.len() == i + 1 {
            self.blocks[i] = DocBlock::Para { spans: plain, style: ParaStyle::Body };
            // Followed straight by its sibling: a list of names, none of them a title.
            if next_depth == Some(d) {
                self.names_list = true;
                for (j, spans) in self.list_titles.drain(..) {
                    self.blocks[j] = DocBlock::Para { spans, style: ParaStyle::Body };
                }
            }
        }
    }

    fn close_list(&mut self) {
        if self.list_has_sentence {
            for (i, line) in &self.colon_titles {
                self.blocks[*i] = DocBlock::Para { spans: spans(line), style: ParaStyle::Body };
            }
        }
        self.colon_titles.clear();
        self.list_has_sentence = false;
    }

    fn flush_table(&mut self) {
        if self.table.len() > DOCUMENT_TABLE_ROWS {
            let (n, max) = (self.table.len(), DOCUMENT_TABLE_ROWS);
            self.diags.push(
                Diagnostic::error(
                    "document-table-size",
                    self.doc.line_loc(self.table[0].0),
                    Text::new(
                        format!("bảng có {n} hàng, quá giới hạn {max} hàng của một bảng trong văn bản"),
                        format!("the table has {n} rows, past the limit of {max} for a table in a document"),
                    ),
                )
                .with_hint(Text::new(
                    "chia thành nhiều bảng, hoặc để danh sách dài trong bảng tính (sheet Bảng biểu) và chèn bằng {{ bang(\"…\") }}",
                    "split it into several tables, or keep a long list in the workbook and place it with {{ bang(\"…\") }}",
                )),
            );
            self.table.clear();
            return;
        }
        if !self.table.is_empty() {
            let t = read_table(&self.table);
            self.table.clear();
            self.push(DocBlock::Table(t), None);
        }
    }

    fn warn(&mut self, line: u32, vi: String, en: String) {
        self.diags.push(Diagnostic::warning("numbering", self.doc.line_loc(line), Text::new(vi, en)).with_hint(
            Text::new(
                "kiểm tra lại số thứ tự (văn bản vẫn được tạo như đã viết)",
                "check the numbering (the document is made as written)",
            ),
        ));
    }
}
