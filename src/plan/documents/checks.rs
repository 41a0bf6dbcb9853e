//! What a document lacks that it should have (a signer, Nơi nhận; a công văn's V/v and
//! Kính gửi): warnings with a hint that fits the body that issues it.

use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::{Signer, TextDocument};

pub(super) fn warn(
    doc: &TextDocument,
    to: &[String],
    recipients: &[String],
    signers: &[Signer],
    diags: &mut Diagnostics,
) {
    // A title with no name is signed by hand: nothing to say.
    if signers.iter().all(|s| s.name.is_empty() && s.title.is_empty()) {
        let (vi, en) = signer_hint(doc);
        diags.push(
            Diagnostic::warning(
                "document-signer",
                doc.loc.clone(),
                Text::new("văn bản chưa có người ký", "the document has no signer"),
            )
            .with_hint(Text::new(vi, en)),
        );
    }
    // A Biên bản need not list its recipients.
    if recipients.is_empty() && doc.kind.abbr != "BB" {
        diags.push(
            Diagnostic::warning(
                "document-recipients",
                doc.loc.clone(),
                Text::new("văn bản chưa có Nơi nhận", "the document has no Nơi nhận (recipients)"),
            )
            .with_hint(Text::new(
                "thêm “nơi nhận:” vào phần đầu (mỗi dòng “  - …”), hoặc một dòng “Nơi nhận:” cuối văn bản; dòng cuối là “Lưu: VT, …”",
                "add “noi_nhan:” to the header (one “  - …” line each), or a “Nơi nhận:” line at the end; the last is “Lưu: VT, …”",
            )),
        );
    }
    if doc.kind.is_letter() && doc.subject.is_none() {
        diags.push(
            Diagnostic::warning(
                "document-subject",
                doc.loc.clone(),
                Text::new(
                    "công văn chưa có trích yếu (dòng V/v dưới số, ký hiệu)",
                    "the letter has no subject (the V/v line under its number)",
                ),
            )
            .with_hint(Text::new("thêm vào phần đầu: trích yếu: …", "add to the header: trich_yeu: …")),
        );
    }
    if doc.kind.is_letter() && to.is_empty() {
        diags.push(
            Diagnostic::warning(
                "document-to",
                doc.loc.clone(),
                Text::new("công văn chưa ghi Kính gửi", "the letter has no addressee (Kính gửi)"),
            )
            .with_hint(Text::new(
                "thêm vào phần đầu “kính gửi:” (mỗi nơi một dòng “  - …”), hoặc dòng “Kính gửi: …” ở đầu nội dung",
                "add “kinh_gui:” to the header (one “  - …” line each), or a line “Kính gửi: …” at the top of the body",
            )),
        );
    }
}

/// How the signer is written for the body that issues the document: a People's
/// Committee signs for its collective, a school by its Rector, a Biên bản by its secretary
/// and chair.
fn signer_hint(doc: &TextDocument) -> (String, String) {
    if doc.kind.abbr == "BB" {
        let h = "người ký: [{chức vụ: THƯ KÝ, họ tên: …}, {chức vụ: CHỦ TRÌ, họ tên: …}] — hoặc cuối văn bản các dòng THƯ KÝ, họ tên, CHỦ TRÌ, họ tên";
        return (h.into(), h.replace("người ký", "nguoi_ky"));
    }
    let issuer = crate::text::loose_key(doc.issuer.as_deref().unwrap_or_default());
    let head = [
        ("uybannhandan", "thẩm quyền: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH], chức vụ: PHÓ CHỦ TỊCH"),
        ("truong", "chức vụ: HIỆU TRƯỞNG"),
        ("bo", "thẩm quyền: [KT. BỘ TRƯỞNG], chức vụ: THỨ TRƯỞNG"),
        ("vien", "chức vụ: VIỆN TRƯỞNG"),
        ("cuc", "chức vụ: CỤC TRƯỞNG"),
        ("so", "thẩm quyền: [KT. GIÁM ĐỐC], chức vụ: PHÓ GIÁM ĐỐC"),
        ("benhvien", "chức vụ: GIÁM ĐỐC"),
        ("trungtam", "chức vụ: GIÁM ĐỐC"),
    ]
    .iter()
    .find(|(k, _)| issuer.starts_with(k))
    .map_or("chức vụ: (chức vụ người ký, in hoa)", |(_, h)| h);
    let vi = format!(
        "thêm vào phần đầu: người ký: {{{head}, họ tên: …}}; hoặc cuối văn bản các dòng chức vụ (in hoa) rồi họ tên"
    );
    let en = format!(
        "add to the header: nguoi_ky: {{{head}, ho_ten: …}}; or at the end of the body the title lines (in capitals), then the name"
    );
    (vi, en)
}
