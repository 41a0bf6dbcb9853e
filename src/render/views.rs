//! What templates see: plain serialisable views with every string already in its printed
//! form (dates in words, recipients punctuated). Templates never see the domain model, so
//! the model can change without breaking an office's edited templates.

use serde::Serialize;

use crate::assets::{LIBERATION_SERIF, TIMES_NEW_ROMAN};
use crate::model::{Dataset, DocSettings, FontChoice};
use crate::text::{Date, month_vi};

/// Ô 1–4 of the header.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderView {
    pub parent: Option<String>,
    /// The issuing body, one printed line each (`ỦY BAN NHÂN DÂN`, `TỈNH TUYÊN QUANG`).
    pub issuer: Vec<String>,
    /// `None` leaves the space blank for the registry.
    pub number: Option<String>,
    /// `GM-UBND`.
    pub code: String,
    pub place: String,
    /// `05`; `None` prints a blank.
    pub day: Option<String>,
    /// `12` (`01`, `02` for January and February); `None` prints a blank.
    pub month: Option<String>,
    pub year: i32,
    /// Internal documents (the script) leave out the number and date lines when unset.
    pub show_number: bool,
    pub show_date: bool,
}

/// Ô 7 and 9b.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    /// `- Như trên;` … `- Lưu: VT, NLN.`
    pub recipients: Vec<String>,
    /// Authority lines and the signer's title, upper case.
    pub authority: Vec<String>,
    pub name: String,
}

/// The issuing body's name as printed lines: an explicit line break wins; otherwise the
/// name is broken before the administrative unit (`ỦY BAN NHÂN DÂN` / `TỈNH TUYÊN QUANG`).
pub(crate) fn issuer_lines(name: &str) -> Vec<String> {
    if name.contains('\n') {
        return name.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    }
    for unit in [" TỈNH ", " THÀNH PHỐ ", " HUYỆN ", " THỊ XÃ ", " QUẬN ", " XÃ ", " PHƯỜNG "] {
        if let Some(i) = name.find(unit) {
            return vec![name[..i].trim().to_string(), name[i..].trim().to_string()];
        }
    }
    // Longer than the column's line (about 24 capitals at 12 pt): broken before `VÀ`
    // (`SỞ NÔNG NGHIỆP` / `VÀ MÔI TRƯỜNG`), else at the space nearest the middle — never
    // inside a word.
    if name.chars().count() > ISSUER_LINE {
        if let Some(i) = name.find(" VÀ ") {
            return vec![name[..i].trim().to_string(), name[i..].trim().to_string()];
        }
        let middle = name.len() / 2;
        if let Some(i) = name.match_indices(' ').map(|(i, _)| i).min_by_key(|i| i.abs_diff(middle)) {
            return vec![name[..i].trim().to_string(), name[i..].trim().to_string()];
        }
    }
    vec![name.to_string()]
}

/// The superior body's name as printed: broken before its unit when longer than a line
/// of the column (`ỦY BAN NHÂN DÂN` / `HUYỆN IA GRAI`), never inside a place name.
pub(crate) fn parent_lines(name: &str) -> String {
    if name.contains('\n') || name.chars().count() <= ISSUER_LINE {
        return name.to_string();
    }
    issuer_lines(name).join("\n")
}

/// The capitals that fit on one line of the issuer's column (12 pt bold, 38 % of the text
/// width).
const ISSUER_LINE: usize = 24;

/// The header of a document of `settings`' kind. Without a date, the day and month are
/// blank and the year is the conference's.
pub fn header(ds: &Dataset, settings: &DocSettings) -> HeaderView {
    header_of(ds, settings, ds.issuer.parent.clone(), &ds.issuer.name)
}

/// The header of a document issued by `issuer` (upper case) under `parent`: a superior
/// body's decision announced at the conference.
pub fn header_of(ds: &Dataset, settings: &DocSettings, parent: Option<String>, issuer: &str) -> HeaderView {
    let year = settings.date.map_or(ds.conference.date.year, |d| d.year);
    HeaderView {
        parent,
        issuer: issuer_lines(issuer),
        number: settings.number.as_deref().map(crate::text::document_number),
        code: settings.code.clone(),
        place: ds.issuer.place.clone(),
        day: settings.date.map(|d| format!("{:02}", d.day)),
        month: settings.date.map(|d| month_vi(d.month)),
        year,
        show_number: true,
        show_date: true,
    }
}

/// Recipient lines punctuated as Decree 30 wants: `- …;` each, the last `- ….`
pub fn recipients(lines: &[String]) -> Vec<String> {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // `+ Các sở;` under a sub-heading `- Bản điện tử:` (which takes no `;`).
            let (mark, l) = match l.strip_prefix("+ ") {
                Some(rest) => ("+", rest),
                None => ("-", l.as_str()),
            };
            if l.ends_with(':') {
                return format!("{mark} {l}");
            }
            let l = l.trim_end_matches(['.', ';', ',']);
            if i + 1 == n { format!("{mark} {l}.") } else { format!("{mark} {l};") }
        })
        .collect()
}

pub fn signature(settings: &DocSettings) -> SignatureView {
    signature_of(&settings.signer, &settings.recipients)
}

/// Ô 7 and 9b of `signer` and `recipient_lines`: the title after the authority lines
/// (unless it is the last of them), the recipients punctuated.
pub fn signature_of(signer: &crate::model::Signer, recipient_lines: &[String]) -> SignatureView {
    let mut authority = signer.authority.clone();
    if !signer.title.is_empty() && authority.last() != Some(&signer.title) {
        authority.push(signer.title.clone());
    }
    SignatureView { recipients: recipients(recipient_lines), authority, name: signer.name.clone() }
}

/// The font list templates set text in.
pub(crate) fn font_list(choice: FontChoice, times_available: bool) -> Vec<&'static str> {
    match (choice, times_available) {
        (FontChoice::TimesNewRoman, true) => vec![TIMES_NEW_ROMAN, LIBERATION_SERIF],
        _ => vec![LIBERATION_SERIF],
    }
}

/// `ngày 15 tháng 12 năm 2023 (thứ Sáu)`.
pub(crate) fn date_with_weekday(date: Date) -> String {
    format!("{} ({})", date.long_vi(), date.weekday_vi())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Delegate;

    #[test]
    fn issuer_is_broken_before_the_unit() {
        assert_eq!(issuer_lines("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"), ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"]);
        assert_eq!(
            issuer_lines("SỞ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN"),
            ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"]
        );
        assert_eq!(issuer_lines("BAN TỔ CHỨC"), ["BAN TỔ CHỨC"]);
        assert_eq!(issuer_lines("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"), ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]);
        assert_eq!(issuer_lines("SỞ KHOA HỌC CÔNG NGHỆ TỈNH PHÚ THỌ"), ["SỞ KHOA HỌC CÔNG NGHỆ", "TỈNH PHÚ THỌ"]);
        assert_eq!(issuer_lines("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"), ["BAN QUẢN LÝ CÁC", "KHU CÔNG NGHIỆP"]);
    }

    #[test]
    fn recipients_are_punctuated() {
        let lines = vec!["Như trên".to_string(), "Chủ tịch UBND tỉnh (b/c);".to_string(), "Lưu: VT, NLN.".to_string()];
        assert_eq!(recipients(&lines), ["- Như trên;", "- Chủ tịch UBND tỉnh (b/c);", "- Lưu: VT, NLN."]);
    }

    fn delegate(position: Option<&str>, org: &str) -> Delegate {
        Delegate::example(position, org)
    }

    #[test]
    fn position_and_organisation_do_not_repeat() {
        let cases = [
            (Some("Phó Giám đốc Sở Tài chính"), "Sở Tài chính", "Phó Giám đốc Sở Tài chính"),
            (
                Some("Phó Chủ tịch Ủy ban nhân dân tỉnh"),
                "Ủy ban nhân dân tỉnh Tuyên Quang",
                "Phó Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang",
            ),
            (Some("Giám đốc"), "Hợp tác xã Sơn Trà", "Giám đốc Hợp tác xã Sơn Trà"),
            (Some("Tỉnh ủy viên, Giám đốc Sở Y tế"), "Sở Y tế", "Tỉnh ủy viên, Giám đốc Sở Y tế"),
            (
                Some("Phóng viên thường trú tại Tuyên Quang"),
                "Báo Nhân Dân",
                "Phóng viên thường trú tại Tuyên Quang, Báo Nhân Dân",
            ),
            (None, "Sở Nội vụ", "Sở Nội vụ"),
        ];
        for (position, org, want) in cases {
            assert_eq!(delegate(position, org).position_and_organization(), want);
        }
    }

    #[test]
    fn numbers_get_a_leading_zero() {
        assert_eq!(crate::text::document_number("5"), "05");
        assert_eq!(crate::text::document_number("123"), "123");
        assert_eq!(crate::text::document_number("12a"), "12a");
    }
}
