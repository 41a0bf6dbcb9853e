//! Every problem is reported at once, each at its cell (or YAML line:column), and
//! nothing is written.

use vanthu::input::Source;
use vanthu::pipeline;

use crate::util::{E, N, Project, S, build, delegate_header, errors, settings, stderr, vanthu};

fn bad_workbook(p: &Project) -> std::path::PathBuf {
    let mut config = settings();
    config[3] = vec![S("Ngày họp"), S("32/12/2023")]; // B4
    p.workbook(
        "hoi-nghi.xlsx",
        &[
            ("Hội nghị", config),
            (
                "Đại biểu",
                vec![
                    delegate_header(),
                    vec![
                        N(1.0),
                        S("DB01"),
                        S("Ông"),
                        S("Nguyễn Văn An"),
                        S("Giám đốc"),
                        S("Sở Tài chính"),
                        S("Sở, ban, ngành"),
                    ],
                    vec![N(2.0), S("DB02"), S("Bà"), E, E, S("Sở Y tế"), S("Sở, ban, ngành")],
                    vec![N(3.0), S("DB03"), S("Anh"), S("Trần Văn Bình"), E, S("Sở Xây dựng"), S("Sở, ban, ngành")],
                    vec![N(4.0), S("DB04"), S("Ông"), S("Lê Văn Cường"), E, S("Công ty X"), S("Sở bna ngành")],
                    vec![N(5.0), S("DB01"), S("Bà"), S("Phạm Thị Dung"), E, S("Sở Nội vụ"), S("Sở, ban, ngành")],
                ],
            ),
            (
                "Chương trình",
                vec![
                    vec![S("Thời gian"), S("Thời lượng (phút)"), S("Nội dung"), S("Người thực hiện")],
                    vec![S("08:00"), N(15.0), S("Khai mạc"), S("DB99")],
                    vec![S("25:00"), S("mười lăm"), S("Báo cáo"), S("DB01")],
                ],
            ),
            (
                "Sản phẩm OCOP",
                vec![
                    vec![
                        S("Tên sản phẩm"),
                        S("Chủ thể"),
                        S("Huyện, thành phố"),
                        S("Nhóm sản phẩm"),
                        S("Hạng sao"),
                        S("Năm công nhận"),
                    ],
                    vec![S("Chè xanh"), S("HTX A"), S("Huyện Yên Sơn"), S("Thực phẩm"), N(6.0), N(2022.0)],
                    vec![S("Mật ong"), S("HTX B"), S("Huyện Na Hang"), S("Đồ chơi"), N(4.0), S("năm ngoái")],
                ],
            ),
            (
                "Khen thưởng",
                vec![
                    vec![S("Loại"), S("Danh xưng"), S("Tên tập thể, cá nhân"), S("Chức vụ, đơn vị"), S("Mã đại biểu")],
                    vec![S("Cá nhân"), S("Ông"), S("Hoàng Văn Em"), E, S("DB77")],
                    vec![S("Đơn vị lẻ"), E, S("HTX C"), E, E],
                ],
            ),
            ("Ký kết", vec![vec![S("Bên thứ nhất"), S("Nội dung")], vec![S("HTX A"), S("Tiêu thụ chè")]]),
        ],
    )
}

#[test]
fn every_error_is_reported_at_its_cell() {
    let p = Project::new();
    let path = bad_workbook(&p);
    let outcome = pipeline::check(&Source::File(path));
    let mut got = errors(&outcome);
    got.sort();
    let mut want = vec![
        "invalid-date @ Hội nghị!B4",
        "missing-value @ Đại biểu!D3",
        "invalid-choice @ Đại biểu!C4",
        "invalid-choice @ Đại biểu!G5",
        "duplicate @ Đại biểu!B6",
        "unknown-reference @ Chương trình!D2",
        "invalid-time @ Chương trình!A3",
        "invalid-number @ Chương trình!B3",
        "invalid-choice @ Sản phẩm OCOP!E2",
        "invalid-choice @ Sản phẩm OCOP!D3",
        "invalid-number @ Sản phẩm OCOP!F3",
        "missing-value @ Khen thưởng!D2",
        "unknown-reference @ Khen thưởng!E2",
        "invalid-choice @ Khen thưởng!A3",
        "missing-column @ Ký kết",
    ];
    want.sort();
    assert_eq!(got, want);

    // Messages quote the value and say how to fix it.
    let honorific = outcome.diags.errors().find(|d| d.loc.as_ref().unwrap().short() == "Đại biểu!C4").unwrap();
    assert!(honorific.message.vi.contains("\"Anh\""), "{}", honorific.message.vi);
    assert!(honorific.hint.as_ref().unwrap().vi.contains("Ông, Bà, Đồng chí"));
    let dup = outcome.diags.errors().find(|d| d.code == "duplicate").unwrap();
    assert!(dup.message.vi.contains("Đại biểu!B2"), "names the first row: {}", dup.message.vi);
    let line = vanthu::diag::render_line(honorific, vanthu::diag::Lang::Vi);
    assert!(line.starts_with("lỗi: hoi-nghi.xlsx › Đại biểu!C4 (Danh xưng): Danh xưng \"Anh\" không hợp lệ"), "{line}");
}

#[test]
fn invalid_input_writes_nothing_and_exits_1() {
    let p = Project::new();
    bad_workbook(&p);
    let o = vanthu(&["build", "hoi-nghi.xlsx", "-o", "out"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(!p.out().exists(), "nothing written");
    let err = stderr(&o);
    assert!(err.contains("lỗi: hoi-nghi.xlsx › Đại biểu!D3 (Họ và tên): thiếu Họ và tên"), "{err}");
    assert!(err.contains("15 lỗi"), "{err}");

    let o = vanthu(&["check", "hoi-nghi.xlsx", "--lang", "en"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error: hoi-nghi.xlsx › Đại biểu!D3 (Họ và tên): Họ và tên is missing"), "{err}");

    // For other programs: JSON on stdout, with the cell of each problem.
    let o = vanthu(&["check", "hoi-nghi.xlsx", "--format", "json"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    let missing =
        json.as_array().unwrap().iter().find(|d| d["code"] == "missing-value" && d["loc"]["row"] == 3).unwrap();
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["loc"]["sheet"], "Đại biểu");
    assert_eq!(missing["loc"]["col"], 4, "1-based, like the row");
    assert_eq!(missing["loc"]["cell"], "D3");
    assert_eq!(missing["message"]["en"], "Họ và tên is missing");
}

#[test]
fn yaml_errors_point_at_line_and_column() {
    let p = Project::new();
    let yaml = "\
conference:
  title: Hội nghị thử
  date: 15/12/2023
  start_time: \"08:00\"
  venue: Hội trường
issuer:
  name: ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG
  code: UBND
  place: Tuyên Quang
delegates:
  - {honorific: Ông, name: Nguyễn Văn An, organization: Sở Tài chính, group: \"Sở, ban, ngành\"}
  - honorific: Bà
    name: Trần Thị Bình
    organization: Sở Y tế
    group: Sở ban nghành
products:
  - name: Chè
    producer: HTX
    district: Huyện Yên Sơn
    product_group: Thực phẩm
    stars: 7
    year: 2023
";
    let path = p.file("hoi-nghi.yaml", yaml);
    let outcome = pipeline::check(&Source::File(path));
    let mut got = errors(&outcome);
    got.sort();
    assert_eq!(got, ["invalid-choice @ 15:12", "invalid-choice @ 21:12"]);
    let line = vanthu::diag::render_line(outcome.diags.errors().next().unwrap(), vanthu::diag::Lang::Vi);
    assert!(line.contains("hoi-nghi.yaml:15:12 (delegates[1].group)"), "{line}");
}

#[test]
fn broken_files_are_clear_errors() {
    let p = Project::new();
    let cases: [(&str, &[u8], &str); 4] = [
        ("rong.xlsx", b"", "not-a-workbook"),
        ("hong.xlsx", b"PK\x03\x04 this is not a zip", "not-a-workbook"),
        ("sai.yaml", b"conference:\n  title: [unclosed\n", "invalid-yaml"),
        ("nhi-phan.yaml", &[0xff, 0xfe, 0x00, 0x81], "not-utf8"),
    ];
    for (name, bytes, code) in cases {
        let path = p.path(name);
        std::fs::write(&path, bytes).unwrap();
        let outcome = pipeline::check(&Source::File(path));
        let codes: Vec<&str> = outcome.diags.errors().map(|d| d.code).collect();
        assert_eq!(codes, [code], "{name}");
    }
    let outcome = pipeline::check(&Source::File(p.path("khong-co.xlsx")));
    assert_eq!(errors(&outcome), ["unreadable-file @ "]);
    let o = vanthu(&["build", "khong-co.xlsx"], p.dir.path());
    assert_eq!(o.status.code(), Some(1));
    let _ = build;
}
