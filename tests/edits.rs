//! The sample with one clerk's edit each (on its YAML twin), for what was once misread
//! in the other sheets: targets the product list cannot count, a Giấy khen in a Bằng
//! khen decision, amounts, a performer whose name differs from another's by a tone, a
//! list where one value belongs, a signing entered twice, districts written short.

use std::path::PathBuf;

use vanthu::input::Source;
use vanthu::pack::DocKind;
use vanthu::pipeline::{Outcome, check};

use crate::util::{Project, build_only, pdf};

fn edited(p: &Project, edits: &[(&str, &str)]) -> PathBuf {
    let mut text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "the sample has {from:?}");
        text = text.replacen(from, to, 1);
    }
    p.file("hoi-nghi.yaml", &text)
}

/// `code @ line`: the errors and warnings of one code, where they are.
fn said(o: &Outcome, code: &str) -> Vec<String> {
    o.diags
        .iter()
        .filter(|d| d.code == code)
        .map(|d| format!("{} | {}", d.loc.as_ref().map(|l| l.short()).unwrap_or_default(), d.message.vi))
        .collect()
}

fn line_of(path: &PathBuf, text: &str) -> usize {
    std::fs::read_to_string(path).unwrap().lines().position(|l| l.contains(text)).unwrap() + 1
}

#[test]
fn a_target_the_product_list_cannot_count_needs_its_figure() {
    let p = Project::new();
    let target = "  - name: Số sản phẩm OCOP đạt 4 sao\n    year: 2021\n    planned: 8";
    let path = edited(&p, &[(target, "  - name: Số lớp tập huấn cho chủ thể\n    year: 2021\n    planned: 8")]);
    let o = check(&Source::File(path.clone()));
    let line = line_of(&path, "Số lớp tập huấn");
    assert_eq!(
        said(&o, "target-without-result"),
        [format!("{line}:11 | chỉ tiêu \"Số lớp tập huấn cho chủ thể\" chưa có kết quả thực hiện")]
    );
    // With its figure it is reported as given.
    let p = Project::new();
    let path = edited(
        &p,
        &[(target, "  - name: Số lớp tập huấn cho chủ thể\n    year: 2021\n    planned: 8\n    achieved: 11")],
    );
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Summary]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("bao-cao-so-ket.pdf"));
    let row = text.find("Số lớp tập huấn cho chủ thể 2021").map(|i| text[i..].chars().take(50).collect::<String>());
    assert!(row.as_ref().is_some_and(|r| r.starts_with("Số lớp tập huấn cho chủ thể 2021 8 11 137,5 Đạt")), "{row:?}");
}

#[test]
fn the_decision_confers_what_its_authority_may_and_its_amounts_are_in_dong() {
    let p = Project::new();
    let giay_khen = "    name: Chu Thu Ngọc\n    unit: Chuyên viên Chi cục Phát triển nông thôn, Sở Nông nghiệp và Phát triển nông thôn\n    achievement: \"\"\n    form: Bằng khen";
    let path = edited(
        &p,
        &[
            (giay_khen, &giay_khen.replace("form: Bằng khen", "form: Giấy khen")),
            ("    amount_collective: 3600000", "    amount_collective: \"3,6\""),
        ],
    );
    let o = check(&Source::File(path));
    // A provincial Chairman gives no Giấy khen: said at the cell, with what he may give.
    assert_eq!(said(&o, "award-authority").len(), 1, "{:#?}", o.diags);
    assert!(said(&o, "award-authority")[0].contains("không có thẩm quyền tặng Giấy khen"));
    assert_eq!(said(&o, "invalid-amount").len(), 1, "{:#?}", o.diags);

    // One amount without the other: the other is computed (2,0 × 1.800.000 in December 2023).
    let p = Project::new();
    let path = edited(&p, &[("    amount_collective: 3600000\n", "")]);
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Awards]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("quyet-dinh-bang-khen.pdf"));
    assert!(text.contains("mỗi tập thể 3.600.000 đồng, mỗi cá nhân 1.800.000 đồng"), "{text}");

    // Amounts written with their unit or English separators are read.
    let p = Project::new();
    let path = edited(
        &p,
        &[
            ("    amount_collective: 3600000", "    amount_collective: 3.600.000 đồng"),
            ("    amount_individual: 1800000", "    amount_individual: \"1,800,000\""),
        ],
    );
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Awards]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("quyet-dinh-bang-khen.pdf"));
    assert!(text.contains("mỗi tập thể 3.600.000 đồng, mỗi cá nhân 1.800.000 đồng"), "{text}");
}

#[test]
fn a_performer_written_exactly_is_found_among_names_that_differ_by_a_tone() {
    let p = Project::new();
    // SN001 is Đặng Văn Thanh; HU028 is Đặng Văn Thành.
    let path = edited(&p, &[("    by: SN001", "    by: Đặng Văn Thanh")]);
    let o = check(&Source::File(path));
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
}

#[test]
fn a_list_where_one_value_belongs_is_an_error_at_its_line() {
    let p = Project::new();
    let path = edited(&p, &[("      name: Bùi Việt Phong", "      name: [Bùi Việt Phong, Nguyễn Văn A]")]);
    let o = check(&Source::File(path.clone()));
    let line = line_of(&path, "name: [Bùi Việt Phong");
    let errors: Vec<String> = said(&o, "invalid-value");
    assert_eq!(
        errors,
        [format!("{line}:13 | “documents.invitation.signer.name” phải là một giá trị, không phải một danh sách")]
    );
    // A required setting refused so is not also "missing".
    let p = Project::new();
    let venue = "  venue: Hội trường A, Trung tâm Hội nghị tỉnh Tuyên Quang";
    let path = edited(&p, &[(venue, "  venue:\n    - Hội trường A\n    - Trung tâm Hội nghị tỉnh Tuyên Quang")]);
    let o = check(&Source::File(path));
    let all: Vec<String> = o.diags.errors().map(|d| d.code.to_string()).collect();
    assert_eq!(all, ["invalid-value"], "{:#?}", o.diags);
}

#[test]
fn a_signing_entered_twice_is_warned_about() {
    let p = Project::new();
    let first = "  - party_a: Hợp tác xã Chè Hồng Thái\n    party_b: Công ty cổ phần Phân phối Nông sản Thủ Đô\n    subject: Biên bản ghi nhớ hợp tác tiêu thụ sản phẩm chè Shan tuyết Hồng Thái\n";
    let path = edited(&p, &[(first, &format!("{first}{first}"))]);
    let o = check(&Source::File(path));
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    assert_eq!(said(&o, "duplicate-signing").len(), 1, "{:#?}", o.diags);
}

#[test]
fn absent_people_in_the_programme_are_said() {
    let p = Project::new();
    let path = edited(
        &p,
        &[
            // The report's presenter, a panel speaker and an award recipient are absent.
            (
                "    name: Đặng Văn Thanh\n    position: Giám đốc Sở Nông nghiệp và Phát triển nông thôn\n    organization: Sở Nông nghiệp và Phát triển nông thôn\n    group: Sở, ban, ngành\n    rank: 1\n    roles: Đoàn chủ tịch; Báo cáo\n    invited: Có\n    attendance: Tham dự",
                "    name: Đặng Văn Thanh\n    position: Giám đốc Sở Nông nghiệp và Phát triển nông thôn\n    organization: Sở Nông nghiệp và Phát triển nông thôn\n    group: Sở, ban, ngành\n    rank: 1\n    roles: Đoàn chủ tịch; Báo cáo\n    invited: Có\n    attendance: Vắng",
            ),
            (
                "    rank: 6\n    roles: Tham luận\n    invited: Có\n    attendance: Tham dự",
                "    rank: 6\n    roles: Tham luận\n    invited: Có\n    attendance: Vắng",
            ),
            (
                "    rank: 30\n    roles: Thư ký\n    invited: Có\n    attendance: Tham dự",
                "    rank: 30\n    roles: Thư ký\n    invited: Có\n    attendance: Vắng",
            ),
        ],
    );
    let o = check(&Source::File(path.clone()));
    assert!(!o.diags.has_errors(), "{:#?}", o.diags);
    let performer = said(&o, "absent-performer");
    assert_eq!(performer.len(), 1, "{performer:?}");
    assert!(performer[0].starts_with(&format!("{}:9 | Đặng Văn Thanh vắng", line_of(&path, "    by: SN001"))));
    assert_eq!(
        said(&o, "panel-speakers").iter().map(|s| s.split(" | ").nth(1).unwrap()).collect::<Vec<_>>(),
        ["người tham luận vắng, không đưa vào kịch bản: Đinh Văn Thái"]
    );
    let recipient = said(&o, "absent-recipient");
    assert_eq!(recipient.len(), 1, "{recipient:?}");
    assert!(recipient[0].contains("Hà Thanh Minh vắng"), "{recipient:?}");
}

#[test]
fn groups_larger_than_their_reserved_blocks_are_noted() {
    let o = check(&Source::File(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml").into()));
    let notes: Vec<String> = said(&o, "reserved-overflow");
    assert!(
        notes.iter().any(|n| n.ends_with("nhóm “Báo chí”: khu dành riêng có 12 ghế, 1 người còn lại ngồi ở khu chung")),
        "{notes:#?}"
    );
}

#[test]
fn a_speech_named_after_its_speaker_is_announced_without_repeating_them() {
    // "Phát biểu của lãnh đạo Văn phòng …": the MC already names the leader.
    let p = Project::new();
    let path = edited(&p, &[]);
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Script]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let text = pdf::flat_text(&p.out().join("kich-ban.pdf"));
    assert!(
        text.contains("Phó Chánh Văn phòng Điều phối nông thôn mới Trung ương, lên phát biểu. (Sau phát biểu)"),
        "{text}"
    );
    assert!(!text.contains("lên phát biểu của"));
    // One watches the report, not its showing; individuals come up themselves.
    assert!(text.contains("cùng theo dõi phóng sự kết quả thực hiện"), "{text}");
    assert!(text.contains("mời đại diện các tập thể có tên"));
    assert!(text.contains("mời các cá nhân có tên"));
    assert!(!text.contains("đại diện các cá nhân"));
}

#[test]
fn what_the_data_cannot_make_is_said() {
    let p = Project::new();
    // No awards: no decision, no certificates — and a note says why.
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml")).unwrap();
    let (head, rest) = text.split_once("awards:\n").unwrap();
    let tail = &rest[rest.find("\nagenda:").unwrap()..];
    let path = p.file("hoi-nghi.yaml", &format!("{head}awards: []{tail}"));
    let out = build_only(Source::File(path), &p.out(), &[DocKind::Awards, DocKind::Invitations]);
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    assert_eq!(
        said(&out, "not-made").iter().map(|s| s.split(" | ").nth(1).unwrap()).collect::<Vec<_>>(),
        ["không tạo Quyết định khen thưởng, Bằng khen: sheet Khen thưởng trống hoặc không có"]
    );
    // The sample's awardees who are not delegates are counted once.
    let o = check(&Source::File(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml").into()));
    let notes = said(&o, "awardee-not-delegate");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("25 cá nhân và 7 tập thể"), "{notes:?}");
}

#[test]
fn an_item_of_no_minutes_is_warned_about() {
    let p = Project::new();
    let item = "    minutes: 10\n    title: Chương trình văn nghệ chào mừng Hội nghị";
    let path = edited(&p, &[(item, "    minutes: 0\n    title: Chương trình văn nghệ chào mừng Hội nghị")]);
    let o = check(&Source::File(path.clone()));
    let line = line_of(&path, "    minutes: 0");
    assert_eq!(
        said(&o, "zero-minutes"),
        [format!(
            "{line}:14 | mục “Chương trình văn nghệ chào mừng Hội nghị” có thời lượng 0 phút: mục sau bắt đầu cùng giờ"
        )]
    );
}

#[test]
fn whoever_comes_in_someones_place_is_not_named_as_them() {
    // In the sample, Lê Hữu Quang (Sở Y tế, on the first row) and Lương Minh Quý (Chủ tịch
    // UBND huyện Lâm Bình) send someone: the plate and the MC name the office, not them.
    let p = Project::new();
    let out = build_only(
        Source::File(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml").into()),
        &p.out(),
        &[DocKind::Seating, DocKind::Script],
    );
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let plates = pdf::text(&p.out().join("bien-ten.pdf"));
    assert!(plates.contains("Đại diện Sở Y tế") && !plates.contains("Lê Hữu Quang"), "{plates}");
    let script = pdf::flat_text(&p.out().join("kich-ban.pdf"));
    assert!(script.contains("đại diện lãnh đạo Ủy ban nhân dân huyện Lâm Bình"));
    assert!(!script.contains("Lương Minh Quý"));
}
