//! A text document's body → Decree 30 blocks (nd30-layout §1.3), read from the numbering
//! Vietnamese documents already use, with no markup:
//!
//! ```text
//! Phần I / Chương I        → centred label, its title (same or next line) centred in capitals
//! I. MỤC ĐÍCH, YÊU CẦU     → a Mục heading, bold, in capitals (to its colon when a sentence follows)
//! 1. Mục đích              → a khoản with a title, bold (up to a colon: `1. Địa điểm: …`)
//! 1. Câu văn đầy đủ.       → a khoản without a title, upright
//! a) …   - …   + …   * …   → điểm and bullets, paragraphs as written
//! Điều 1. …                → bold `Điều 1.` (and its title when it has one)
//! Căn cứ …;                → the grounds, italic, at the top of the body
//! QUYẾT ĐỊNH:              → a line in capitals, centred bold
//! | ô | ô |                → a table (the rows above a `|---|` line are its header)
//! ---                      → a new page
//! Nơi nhận:                → the recipients (`-` lines) and, after them, the signature
//! CHỦ TỊCH / Nguyễn Văn A  → a signer (several side by side: a Biên bản's)
//! PHỤ LỤC …                → after the signature: an appendix, on pages of its own
//! ```
//!
//! `*…*` is italic and `**…**` bold. A line that starts with a small letter continues the
//! line above (text wrapped by hand). `{{ … }}` takes data from the conference. A
//! numbering slip (`2.` with no `1.`, an `a)` outside a numbered item) is a warning at its
//! line; the document still renders. Every line typed is printed, or said at its line.

mod blocks;
mod body;
mod checks;
mod footnotes;
mod header;
mod inline;
mod numbering;
mod parts;
mod table;
mod tail;

use super::summary::{SummaryPlan, TextData};
use crate::diag::{Diagnostic, Diagnostics, Severity, Text};
use crate::model::{Dataset, TextDocument};

pub use blocks::{Align, Appendix, Cell, DocBlock, DocPlan, ParaStyle, Span, Table};
pub(crate) use inline::spans;

/// Plans every document; `None` when any has an error (said in `diags`). `ds` is the
/// conference the documents belong to (its issuer, signer and data are the defaults);
/// `None` for a document rendered alone.
pub fn plan(
    docs: &[TextDocument],
    ds: Option<&Dataset>,
    summary: Option<&SummaryPlan>,
    diags: &mut Diagnostics,
) -> Option<Vec<DocPlan>> {
    let errors = diags.count(Severity::Error);
    if docs.is_empty() {
        return Some(Vec::new());
    }
    let data = ds.map(|ds| TextData::new(ds, summary));
    let plans: Vec<DocPlan> = docs.iter().filter_map(|d| plan_one(d, ds, data.as_ref(), diags)).collect();
    // Two files, one PDF (`Kế hoạch.md` and `ke-hoach.md`): said, not overwritten.
    for (i, p) in plans.iter().enumerate() {
        if let Some(first) = plans[..i].iter().find(|q| q.stem == p.stem) {
            diags.push(
                Diagnostic::error(
                    "document-name",
                    crate::diag::Loc::File { file: p.file.clone() },
                    Text::new(
                        format!("tệp này và {} cùng ra một tệp {}.pdf", first.file, p.stem),
                        format!("this file and {} would make the same {}.pdf", first.file, p.stem),
                    ),
                )
                .with_hint(Text::new("đổi tên một trong hai tệp", "rename one of them")),
            );
        }
    }
    (diags.count(Severity::Error) == errors).then_some(plans)
}

fn plan_one(
    doc: &TextDocument,
    ds: Option<&Dataset>,
    data: Option<&TextData>,
    diags: &mut Diagnostics,
) -> Option<DocPlan> {
    let errors = diags.count(Severity::Error);
    let lines = header::body_with_data(doc, data, diags);
    let doc = &header::header_with_data(doc, data, diags);
    let (lines, mut notes) = footnotes::take(&lines);
    let parts = parts::divide(&lines);
    for (line, text) in &parts.dropped {
        diags.push(Diagnostic::note(
            "document-signature-note",
            doc.line_loc(*line),
            Text::new(
                format!("dòng “{text}” ở chỗ ký không được in: chỗ ký để trống cho chữ ký và con dấu"),
                format!("the line “{text}” where the signature goes is not printed: the space is left for the signature and seal"),
            ),
        ));
    }
    let mut blocks = Vec::new();
    for g in &doc.grounds {
        let g = g.trim();
        let g = if g.ends_with(['.', ';', ',', ':']) { g.to_string() } else { format!("{g};") };
        blocks.push(DocBlock::Para { spans: spans(&g), style: ParaStyle::Ground });
    }
    blocks.extend(body::read(doc, &parts.body, true, diags));
    end_mark(&mut blocks);
    let (to, recipients, signers) = header::merge(doc, &parts, ds, diags);
    checks::warn(doc, &to, &recipients, &signers, diags);
    let fields = header::fields(doc, ds, diags);
    if diags.count(Severity::Error) != errors {
        return None;
    }
    let fields = fields?;
    let whose = header::whose(&parts.body, &fields.issuer);
    let mut appendices: Vec<Appendix> = parts
        .appendices
        .iter()
        .map(|a| Appendix {
            label: a.label.clone(),
            title: a.title.clone(),
            reference: a.reference.clone().unwrap_or_else(|| header::reference(doc, &fields, &whose)),
            blocks: body::read(doc, &a.body, false, diags),
        })
        .collect();
    notes.place(&mut blocks);
    for a in &mut appendices {
        notes.place(&mut a.blocks);
    }
    notes.unused(doc, diags);
    Some(DocPlan {
        file: doc.file.clone(),
        stem: doc.stem.clone(),
        kind: doc.kind,
        parent: fields.parent,
        issuer: fields.issuer,
        number: doc.number.as_deref().map(|n| crate::text::document_number(n.split('/').next().unwrap_or(n))),
        code: fields.code,
        place: fields.place,
        date: doc.date,
        year: fields.year,
        subject: doc.subject.clone(),
        to,
        blocks,
        signers,
        recipients,
        appendices,
        made: fields.made,
        marks: doc.marks.clone(),
    })
}

/// Decree 30: the body ends with `./.` — after its last paragraph, or under a final table.
fn end_mark(blocks: &mut Vec<DocBlock>) {
    if matches!(blocks.last(), Some(DocBlock::Table(_))) {
        blocks.push(DocBlock::Para { spans: spans("./."), style: ParaStyle::Body });
        return;
    }
    let Some(DocBlock::Para { spans, style: ParaStyle::Body }) = blocks.last_mut() else { return };
    let Some(last) = spans.iter_mut().rev().find(|s| !s.text.trim().is_empty()) else { return };
    let t = last.text.trim_end().to_string();
    if t.ends_with("./.") {
        return;
    }
    last.text = if t.ends_with('.') { format!("{t}/.") } else { format!("{}./.", t.trim_end_matches([';', ',', ':'])) };
}
#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, bold: bool, italic: bool) -> Span {
        Span { text: text.into(), bold, italic, note: None }
    }

    fn doc(body: &str) -> TextDocument {
        let file = crate::input::documents::TextFile {
            name: "van-ban/t.md".into(),
            stem: "t".into(),
            text: format!(
                "---\nloại: Kế hoạch\ncơ quan: Ủy ban nhân dân xã A\nđịa danh: A\nký hiệu: KH-UBND\nngày: 2025\n---\n{body}"
            ),
        };
        crate::validate::documents::document(&file, &mut Diagnostics::new()).unwrap()
    }

    fn cell(text: &str, col: usize) -> Cell {
        Cell { spans: vec![sp(text, false, false)], col, colspan: 1, rowspan: 1 }
    }

    fn para(text: &str) -> DocBlock {
        DocBlock::Para { spans: vec![sp(text, false, false)], style: ParaStyle::Body }
    }

    #[test]
    fn a_body_is_read_without_markup() {
        let d = doc(
            "Căn cứ Luật A;\n\n## Phần mở đầu\n* Ý một,\ntiếp theo dòng trên.\n\nQUYẾT ĐỊNH:\n| A | B |\n|---|---|\n| 1 | x |\nCâu cuối\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nLê Văn B\n",
        );
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(
            p.blocks,
            [
                DocBlock::Para { spans: vec![sp("Căn cứ Luật A;", false, false)], style: ParaStyle::Ground },
                DocBlock::Para { spans: vec![sp("Phần mở đầu", true, false)], style: ParaStyle::Body },
                para("* Ý một, tiếp theo dòng trên."),
                DocBlock::Para { spans: vec![sp("QUYẾT ĐỊNH:", false, false)], style: ParaStyle::Centre },
                DocBlock::Table(Table {
                    header: vec![vec![cell("A", 0), cell("B", 1)]],
                    rows: vec![vec![cell("1", 0), cell("x", 1)]],
                    columns: 2,
                    align: vec![Align::Auto, Align::Auto],
                    widths: vec![None, None],
                }),
                para("Câu cuối./."),
            ]
        );
        assert_eq!(p.recipients, ["Như trên", "Lưu: VT"]);
        assert_eq!(
            (p.signers[0].authority.as_slice(), p.signers[0].title.as_str(), p.signers[0].name.as_str()),
            (&["KT. CHỦ TỊCH".to_string()][..], "PHÓ CHỦ TỊCH", "Lê Văn B")
        );
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn what_a_clerk_types_in_the_body_is_the_header_s() {
        // Kính gửi at the top, the signature at the end before Nơi nhận; a khoản titled to
        // its colon among sentences is a sentence; a part's title on the next line.
        let d = doc(
            "Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n\nPhần I\nKẾT QUẢ\n\n1. Gửi báo cáo trước ngày 10.\n\n2. Cử đại biểu: mỗi đơn vị 02 người.\n\nTrân trọng./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nPhạm Văn E\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n",
        );
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(p.to, ["Sở Tài chính", "Sở Nội vụ"]);
        assert_eq!(
            p.blocks,
            [
                DocBlock::Part { label: "Phần I".into(), title: Some("KẾT QUẢ".into()) },
                para("1. Gửi báo cáo trước ngày 10."),
                para("2. Cử đại biểu: mỗi đơn vị 02 người."),
                para("Trân trọng./."),
            ]
        );
        assert_eq!(
            (p.signers[0].authority.as_slice(), p.signers[0].name.as_str()),
            (&["KT. GIÁM ĐỐC".to_string()][..], "Phạm Văn E")
        );
        assert_eq!(p.signers[0].title, "PHÓ GIÁM ĐỐC");
        assert_eq!(p.recipients, ["Như trên", "Lưu: VT"]);
        // The header's signer too: the body's is used, and that is said.
        let mut d = doc("Nội dung.\n\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nTrần Thị B\n");
        d.signers = vec![crate::model::DocSigner { name: Some("Lê Văn Khác".into()), ..Default::default() }];
        let mut diags = Diagnostics::new();
        let p = &plan(&[d], None, None, &mut diags).unwrap()[0];
        assert_eq!(p.signers[0].name, "Trần Thị B");
        assert!(diags.iter().any(|d| d.code == "document-twice"), "{diags:?}");
        assert_eq!(p.blocks, [para("Nội dung./.")]);
    }
}
