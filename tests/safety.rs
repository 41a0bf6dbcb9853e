//! Any text prints literally, characters the font lacks are errors, and templates can be
//! overridden but cannot read outside the template and data folders.

use vanthu::input::Source;

use crate::util::{C, N, Project, S, build, delegate_header, errors, pdf, settings};

fn workbook_with_names(p: &Project, names: &[&str]) -> std::path::PathBuf {
    let mut rows = vec![delegate_header()];
    for (i, name) in names.iter().enumerate() {
        rows.push(vec![
            N(i as f64 + 1.0),
            C::T(format!("DB{:02}", i + 1)),
            S("Ông"),
            C::T(name.to_string()),
            S("Chuyên viên"),
            C::T(format!("Phòng {name}")),
            S("Sở, ban, ngành"),
        ]);
    }
    p.workbook("hoi-nghi.xlsx", &[("Hội nghị", settings()), ("Đại biểu", rows)])
}

#[test]
fn names_with_markup_characters_print_literally() {
    let names = [
        "Nguyễn #panic(\"x\") An",
        "Lê *đậm* _nghiêng_ $x^2$",
        "Trần <nhãn> @tham-chiếu",
        "Phạm back\\slash \\ end\\",
        "Đỗ ]) #set text(red) [ Bình",
        "Vũ #read(\"/data.json\") Cường",
        "Hồ // chú thích /* mở",
        "Mai `raw` https://x.y #{1+1}",
        "O'Brien \"trích\" -- 1. = + / ~ ...",
    ];
    let p = Project::new();
    let path = workbook_with_names(&p, &names);
    p.file("secret.txt", "BÍ MẬT");
    let out = build(Source::File(path), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    let merged = pdf::text(&p.out().join("giay-moi.pdf"));
    for name in names {
        // pdftotext may break a long line: compare with whitespace folded.
        let flat: String = merged.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(name), "{name:?} not printed literally");
    }
    assert!(!merged.contains("BÍ MẬT"));
    assert!(!merged.contains("conference"), "no data file leaked");
}

#[test]
fn a_character_missing_from_the_font_is_an_error_at_its_cell() {
    let p = Project::new();
    let path = workbook_with_names(&p, &["Trần Văn An", "Trần 陳 Bình", "Lê Cường 😀"]);
    let out = build(Source::File(path), &p.out());
    let mut got = errors(&out);
    got.sort();
    assert_eq!(
        got,
        [
            "missing-glyph @ Đại biểu!D3",
            "missing-glyph @ Đại biểu!D4",
            "missing-glyph @ Đại biểu!F3",
            "missing-glyph @ Đại biểu!F4"
        ]
    );
    let d = out.diags.errors().next().unwrap();
    assert!(d.message.vi.contains("U+9673"), "{}", d.message.vi);
    assert!(!p.out().exists());
}

#[test]
fn a_template_next_to_the_data_overrides_the_built_in_one() {
    let p = Project::new();
    let path = workbook_with_names(&p, &["Trần Văn An"]);
    let builtin = vanthu::assets::BUILTIN.iter().find(|(n, _)| *n == "giay-moi.typ").unwrap().1;
    p.file("templates/giay-moi.typ", &builtin.replace("Tới dự: ", "Kính mời tới dự: "));
    let out = build(Source::File(path.clone()), &p.out());
    assert!(!out.diags.has_errors(), "{:#?}", out.diags);
    assert!(
        pdf::flat_text(&p.out().join("giay-moi/tran-van-an.pdf")).contains("Kính mời tới dự: Hội nghị thử nghiệm.")
    );

    // A broken override is reported at its file and line, and nothing is written.
    p.file("templates/giay-moi.typ", "#import \"/lib/nd30.typ\": *\n#let data = json(\"/data.json\")\n#let x = (\n");
    let out = build(Source::File(path.clone()), &p.path("out2"));
    let e = out.diags.errors().next().expect("an error");
    let loc = e.loc.as_ref().unwrap().to_string();
    assert!(loc.ends_with("templates/giay-moi.typ:3:10") || loc.contains("giay-moi.typ:"), "{loc}");
    assert!(loc.contains("giay-moi.typ:3:"), "{loc}");
    assert!(!p.path("out2").exists());

    // Templates cannot read outside the template and data folders.
    p.file("templates/giay-moi.typ", "#read(\"/../../../../../../etc/hostname\")\n");
    let out = build(Source::File(path.clone()), &p.path("out3"));
    assert!(out.diags.has_errors());
    p.file("templates/giay-moi.typ", "#read(\"/data/../../secret.txt\")\n");
    let out = build(Source::File(path), &p.path("out4"));
    assert!(out.diags.has_errors());
}
