//! Vietnamese text handling shared by every stage: cleaning cell text (NFC, whitespace),
//! the loose keys used to match headers and choices, ASCII file names, dates and times in
//! the forms Decree 30 prescribes, numbers in words, and CLDR `vi` name ordering.
//!
//! Everything here is pure and unit-tested; nothing here knows about sheets or documents.

mod case;
mod clean;
mod collate;
mod date;
pub mod legacy;
mod number;
mod stems;
mod words;

pub(crate) use case::{
    capitalize_first, is_capitals, join_vi, lowercase_first, position_with_organization, sentence_case_body,
};
pub use clean::slug;
pub(crate) use clean::{clean_inline, clean_multiline, is_invisible, is_placeholder, loose_key};
pub use collate::NameOrder;
pub(crate) use collate::{name_sort_key, text_sort_key};
pub use date::{Date, Time};
pub(crate) use date::{month_vi, parse_date_text, parse_time_text};
pub(crate) use number::{document_number, parse_number, thousands, vi_number, vi_percent};
pub(crate) use stems::{StemWish, unique_stems};
pub(crate) use words::{amount_in_words, number_in_words};

#[cfg(test)]
mod tests {
    #[test]
    fn bodies_named_by_their_field_are_capitalised_as_decree_30_writes_them() {
        for (upper, sentence) in [
            ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo"),
            ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường"),
            ("BỘ Y TẾ", "Bộ Y tế"),
            ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
            ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
            ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
            ("CỤC CHĂN NUÔI VÀ THÚ Y", "Cục Chăn nuôi và Thú y"),
            ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Ủy ban nhân dân tỉnh Tuyên Quang"),
        ] {
            assert_eq!(sentence_case_body(upper), sentence, "{upper}");
        }
    }

    #[test]
    fn a_position_and_its_unit_are_joined_without_repeating_or_losing_the_comma() {
        let join = |p: &str, o: &str| position_with_organization(Some(p), o);
        // A one-word position that is the unit's noun (found by the property run: it
        // panicked).
        assert_eq!(join("Thôn", "Thôn Plei Bông"), "Thôn Thôn Plei Bông");
        assert_eq!(
            join("Chủ tịch Ủy ban nhân dân xã Phúc Yên", "Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình"),
            "Chủ tịch Ủy ban nhân dân xã Phúc Yên, huyện Lâm Bình"
        );
        assert_eq!(
            join("Giám đốc Sở Tài chính", "Sở Tài chính tỉnh Tuyên Quang"),
            "Giám đốc Sở Tài chính tỉnh Tuyên Quang"
        );
        assert_eq!(join("Giám đốc", "Sở Tài chính"), "Giám đốc Sở Tài chính");
        // Abbreviations and a unit's noun are not said twice.
        assert_eq!(join("Chủ tịch UBND xã", "Ủy ban nhân dân xã Ia Sao"), "Chủ tịch UBND xã Ia Sao");
        assert_eq!(join("Trưởng thôn", "Thôn Plei Bông"), "Trưởng thôn Plei Bông");
        assert_eq!(join("Trưởng phòng", "Phòng Công chức, viên chức"), "Trưởng phòng Công chức, viên chức");
        assert_eq!(join("Phó Chủ tịch UBND tỉnh", "UBND tỉnh"), "Phó Chủ tịch UBND tỉnh");
        // The starter's own example: the office named by its usual abbreviation.
        assert_eq!(join("Phó Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh"), "Phó Chủ tịch UBND tỉnh");
        assert_eq!(join("Phó Chủ tịch HĐND xã", "Hội đồng nhân dân xã Ia Sao"), "Phó Chủ tịch HĐND xã Ia Sao");
        assert_eq!(
            join("Chủ tịch Ủy ban MTTQ Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
            "Chủ tịch Ủy ban MTTQ Việt Nam xã"
        );
        assert_eq!(join("Chủ tịch Hội CCB xã", "Hội Cựu chiến binh xã Ia Sao"), "Chủ tịch Hội CCB xã Ia Sao");
        assert_eq!(join("Chủ tịch", "Hội Nông dân xã"), "Chủ tịch Hội Nông dân xã");
        assert_eq!(join("Hội viên", "Hội Nông dân xã"), "Hội viên Hội Nông dân xã");
        assert_eq!(join("Chánh Văn phòng", "Văn phòng HĐND và UBND xã"), "Chánh Văn phòng HĐND và UBND xã");
        // `trưởng` is no `trường`; a council's name keeps its word (issue 24).
        assert_eq!(
            join("Hiệu trưởng", "Trường Đại học Nông Lâm Tây Nguyên"),
            "Hiệu trưởng Trường Đại học Nông Lâm Tây Nguyên"
        );
        // A body's Party or union organ takes the body's name without a comma.
        assert_eq!(join("Bí thư Đảng ủy", "Trường Đại học Nông Lâm"), "Bí thư Đảng ủy Trường Đại học Nông Lâm");
        assert_eq!(join("Chủ tịch Công đoàn", "Bệnh viện Bạch Mai"), "Chủ tịch Công đoàn Bệnh viện Bạch Mai");
        assert_eq!(
            join("Chủ tịch Hội đồng trường", "Trường Đại học Nông Lâm Tây Nguyên"),
            "Chủ tịch Hội đồng trường, Trường Đại học Nông Lâm Tây Nguyên"
        );
        assert_eq!(join("Phó Trưởng phòng", "Phòng Nội vụ"), "Phó Trưởng phòng Nội vụ");
    }

    use super::*;

    #[test]
    fn clean_inline_folds_whitespace_and_composes() {
        let nfd = "Nguye\u{302}\u{303}n\u{a0}\u{a0}Va\u{306}n\t An\u{200b} ";
        assert_eq!(clean_inline(nfd), "Nguyễn Văn An");
        assert_eq!(clean_inline("   "), "");
        // The soft hyphen is kept for the legacy-encoding detector.
        assert_eq!(clean_inline("ch\u{ad}¬ng"), "ch\u{ad}¬ng");
    }

    #[test]
    fn clean_multiline_keeps_lines() {
        let s = "\n- Như trên;\r\n\r\n\r\n-  Lưu: VT,  NLN. \n\n";
        assert_eq!(clean_multiline(s), "- Như trên;\n\n- Lưu: VT, NLN.");
        assert_eq!(clean_multiline("a_x000D_\nb"), "a\nb");
    }

    #[test]
    fn loose_keys_match_variants() {
        assert_eq!(loose_key("HỌ VÀ TÊN"), "hovaten");
        assert_eq!(loose_key("Ho va ten"), "hovaten");
        assert_eq!(loose_key("Họ  và tên "), "hovaten");
        assert_eq!(loose_key("Cơ quan/Đơn vị"), loose_key("Cơ quan, đơn vị"));
        assert_eq!(loose_key("Giấy mời: Số"), "giaymoiso");
        assert_eq!(loose_key("Thời lượng (phút)"), "thoiluongphut");
    }

    #[test]
    fn thousands_use_dots() {
        assert_eq!(thousands(1_800_000), "1.800.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(0), "0");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Nguyễn Văn Hùng"), "nguyen-van-hung");
        assert_eq!(slug("Đặng Thị Hòa"), "dang-thi-hoa");
        assert_eq!(slug("  O'Brien #1 "), "o-brien-1");
        assert_eq!(slug("陳"), "x");
        // Path characters, leading dots and Windows device names never reach a file name.
        assert_eq!(slug("../..\\Lê: Văn/Tám"), "le-van-tam");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug("Con"), "con-x");
        assert_eq!(slug("NUL"), "nul-x");
        assert_eq!(slug("Com 1"), "com-1");
        assert_eq!(slug("COM1"), "com1-x");
        assert_eq!(slug("Lpt9"), "lpt9-x");
        assert_eq!(slug("Cong"), "cong");
        let long = slug(&"Nguyễn Văn An ".repeat(30));
        assert!(long.len() <= 60 && long.starts_with("nguyen-van-an-nguyen") && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn body_names_in_sentences() {
        assert_eq!(sentence_case_body("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"), "Ủy ban nhân dân tỉnh Tuyên Quang");
        assert_eq!(sentence_case_body("ỦY BAN NHÂN DÂN HUYỆN NA HANG"), "Ủy ban nhân dân huyện Na Hang");
        assert_eq!(
            sentence_case_body("ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG"),
            "Ủy ban nhân dân thành phố Tuyên Quang"
        );
    }
}
