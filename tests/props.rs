//! Property tests (issue 16): random conferences built from the input contract itself —
//! every setting and list of the schema, cells of every kind (numbers, dates, times, text
//! with markup and punctuation, bytes of old font encodings, formula errors, nothing) —
//! as YAML (sometimes with its text damaged) and as workbooks (headers shuffled, misspelled,
//! under title rows). Reading, matching headers, repairing encodings and validating must end
//! in a dataset or in diagnostics, never in a panic.
//!
//! The ordinary test run tries a few dozen of each. For a long run, give the seconds each
//! property runs for: `VANTHU_FUZZ_SECS=600 cargo test --release --test integration props`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use vanthu::input::Source;
use vanthu::input::schema::{TABLES, setting_names};

/// One cell, as clerks fill them.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,6}",
        "-?[0-9]{1,3}[.,][0-9]{1,3}",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
        "[0-9]{1,2}(:|h| giờ )[0-9]{1,2}",
        "[A-Za-zÀ-ỹĐđ ]{1,30}",
        "[A-Za-zÀ-ỹĐđ0-9 ;,:.#&*!|>'\"%@`\\-\\[\\]{}()/\\\\]{0,40}",
        "[\u{80}-\u{ff}]{1,12}",
        "\\PC{0,30}",
        Just("#REF!".to_string()),
        Just("Tổng cộng".to_string()),
        Just("Có".to_string()),
        Just("Đoàn chủ tịch; Trao thưởng".to_string()),
        // Issue 22: what Word pastes where a picture was, alone or around a forged marker;
        // template loops that would never end or fill the memory.
        "[a-zà-ỹ ]{0,8}\u{FFFC}[a-z:0-9]{0,9}\u{FFFC}?",
        Just("\u{FFFC}table:99\u{FFFC}".to_string()),
        Just("{% for a in range(100000) %}{{ 'x' * 100000 }}{% endfor %}".to_string()),
        Just("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}".to_string()),
    ]
}

/// A YAML value for a cell: usually a scalar, sometimes a number or a list.
fn yaml_value() -> impl Strategy<Value = serde_yaml::Value> {
    prop_oneof![
        6 => cell().prop_map(serde_yaml::Value::String),
        1 => any::<i32>().prop_map(|n| serde_yaml::Value::Number(n.into())),
        1 => proptest::collection::vec(cell(), 0..3)
            .prop_map(|v| serde_yaml::Value::Sequence(v.into_iter().map(serde_yaml::Value::String).collect())),
    ]
}

/// A random conference in YAML, from the contract's settings and lists, its text sometimes
/// damaged at one place.
fn conference_yaml() -> impl Strategy<Value = String> {
    let settings = setting_names();
    let n_settings = settings.len();
    let settings = proptest::collection::vec((0..n_settings, yaml_value()), 0..25)
        .prop_map(move |picked| picked.into_iter().map(|(i, v)| (settings[i].0, v)).collect::<BTreeMap<_, _>>());
    let lists = proptest::collection::vec(
        (0..TABLES.len(), proptest::collection::vec(proptest::collection::vec((0..40usize, yaml_value()), 0..8), 0..5)),
        0..6,
    );
    let damage = proptest::option::of((any::<proptest::sample::Index>(), "[\\[\\]{}:\"'\t\n#&*-]"));
    (settings, lists, damage).prop_map(|(settings, lists, damage)| {
        let mut root = serde_yaml::Mapping::new();
        for (key, value) in settings {
            insert_at(&mut root, key, value);
        }
        for (t, items) in lists {
            let spec = &TABLES[t];
            let items = items
                .into_iter()
                .map(|fields| {
                    let mut m = serde_yaml::Mapping::new();
                    for (c, v) in fields {
                        let key = spec.columns.get(c).map_or("khoa-la", |c| c.key);
                        m.insert(serde_yaml::Value::String(key.into()), v);
                    }
                    serde_yaml::Value::Mapping(m)
                })
                .collect();
            // Lists live at dotted paths too (`report.sections`).
            insert_at(&mut root, spec.yaml, serde_yaml::Value::Sequence(items));
        }
        let mut text = serde_yaml::to_string(&serde_yaml::Value::Mapping(root)).unwrap();
        if let Some((at, piece)) = damage {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &piece);
        }
        text
    })
}

/// `value` at the dotted `key` of `root`, making the mappings on the way (replacing a
/// value that stands where one is needed).
fn insert_at(root: &mut serde_yaml::Mapping, key: &str, value: serde_yaml::Value) {
    let parts: Vec<&str> = key.split('.').collect();
    let mut map = root;
    for p in &parts[..parts.len() - 1] {
        let entry = map
            .entry(serde_yaml::Value::String((*p).into()))
            .or_insert_with(|| serde_yaml::Value::Mapping(Default::default()));
        if !entry.is_mapping() {
            *entry = serde_yaml::Value::Mapping(Default::default());
        }
        map = entry.as_mapping_mut().unwrap();
    }
    map.insert(serde_yaml::Value::String(parts[parts.len() - 1].into()), value);
}

/// A random workbook: the settings sheet and some lists, their headers picked from the
/// contract (sometimes misspelled, in any order) under 0–2 title rows.
fn conference_xlsx() -> impl Strategy<Value = Vec<u8>> {
    let settings = setting_names();
    let n_settings = settings.len();
    let rows = proptest::collection::vec((0..n_settings, cell()), 0..20);
    let sheets = proptest::collection::vec(
        (
            0..TABLES.len(),
            0..3usize,
            proptest::collection::vec((0..40usize, any::<bool>()), 1..10),
            proptest::collection::vec(proptest::collection::vec(cell(), 0..10), 0..6),
        ),
        0..5,
    );
    (rows, sheets).prop_map(move |(rows, sheets)| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Hội nghị").unwrap();
        ws.write(0, 0, "Thông tin").unwrap();
        ws.write(0, 1, "Giá trị").unwrap();
        for (r, (i, value)) in rows.iter().enumerate() {
            ws.write(r as u32 + 1, 0, settings[*i].1).unwrap();
            write_cell(ws, r as u32 + 1, 1, value);
        }
        let mut used = Vec::new();
        for (t, titles, headers, body) in sheets {
            let spec = &TABLES[t];
            if used.contains(&spec.sheet) {
                continue;
            }
            used.push(spec.sheet);
            let ws = wb.add_worksheet();
            ws.set_name(spec.sheet).unwrap();
            for r in 0..titles {
                ws.write(r as u32, 0, "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ").unwrap();
            }
            let header_row = titles as u32;
            for (c, (h, misspell)) in headers.iter().enumerate() {
                let header = spec.columns.get(*h).map_or("Cột lạ", |c| c.header);
                let header = if *misspell { header.replacen('a', "o", 1) } else { header.to_string() };
                ws.write(header_row, c as u16, header).unwrap();
            }
            for (r, row) in body.iter().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    write_cell(ws, header_row + 1 + r as u32, c as u16, value);
                }
            }
        }
        wb.save_to_buffer().unwrap()
    })
}

/// Numbers as numbers, the rest as text (as Excel stores what a clerk types).
fn write_cell(ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, value: &str) {
    match value.parse::<f64>() {
        Ok(n) if n.is_finite() => ws.write(r, c, n).unwrap(),
        _ => ws.write(r, c, value).unwrap(),
    };
}

/// Checks the input; a panic fails the property, anything else (valid or diagnostics) is fine.
fn check(name: &'static str, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let outcome = vanthu::pipeline::check(&Source::Embedded { name, bytes: Cow::Owned(bytes) });
    // Every error names a place or at least says something.
    for d in outcome.diags.errors() {
        prop_assert!(!d.message.vi.is_empty(), "{d:?}");
    }
    Ok(())
}

/// Runs `property` on values of `strategy`: a few dozen in the ordinary test run, or for
/// `VANTHU_FUZZ_SECS` seconds. Returns how many were tried.
fn run<S: Strategy>(strategy: S, property: impl Fn(S::Value) -> Result<(), TestCaseError>) -> usize
where
    S::Value: std::fmt::Debug,
{
    let secs: u64 = std::env::var("VANTHU_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut runner = TestRunner::new(Config { cases: 32, failure_persistence: None, ..Config::default() });
    let mut tried = 0;
    loop {
        let tree = strategy.new_tree(&mut runner).expect("a value");
        let value = tree.current();
        let shown = format!("{value:?}");
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| property(value)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("property failed: {e}\ninput: {shown}"),
            Err(_) => panic!("panicked on input: {shown}"),
        }
        tried += 1;
        if tried >= 32 && Instant::now() >= deadline {
            return tried;
        }
    }
}

/// YAML nested `depth` levels deep in one of three ways (block lists, flow lists, maps).
fn deep_yaml() -> impl Strategy<Value = String> {
    (0..3u8, 0..400usize).prop_map(|(how, depth)| match how {
        0 => format!("id: thu\nx: {}1\n", "- ".repeat(depth)),
        1 => format!("id: thu\nx: {}1{}\n", "[".repeat(depth), "]".repeat(depth)),
        _ => {
            let mut s = String::from("id: thu\n");
            for d in 0..depth {
                s.push_str(&format!("{}k{d}:\n", " ".repeat(d)));
            }
            s
        }
    })
}

/// A workbook with one filled cell somewhere on a sheet of up to 1,048,576 × 16,384.
fn far_cell_xlsx() -> impl Strategy<Value = Vec<u8>> {
    (0..1_048_576u32, 0..16_384u16, cell()).prop_map(|(r, c, value)| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Hội nghị").unwrap();
        ws.write(0, 0, "Thông tin").unwrap();
        ws.write(0, 1, "Giá trị").unwrap();
        let ws = wb.add_worksheet();
        ws.set_name("Đại biểu").unwrap();
        ws.write(0, 0, "Họ và tên").unwrap();
        ws.write(1, 0, "Nguyễn Văn An").unwrap();
        write_cell(ws, r, c, if value.is_empty() { "x" } else { &value });
        wb.save_to_buffer().unwrap()
    })
}

/// Delegates whose names and ids are drawn from look-alikes (`A.1` / `A-1`, `Ấn` / `Ân` /
/// `An`, a namesake whose id makes another's name).
fn lookalike_delegates() -> impl Strategy<Value = String> {
    let names =
        ["Nguyễn Văn An", "Nguyễn Văn Ấn", "Nguyễn Văn Ân", "Nguyễn Văn An B", "Nguyễn Văn An 2", "NGUYỄN VĂN AN"];
    let ids = ["A.1", "A-1", "B", "2", "A1", "A_1"];
    proptest::collection::vec((0..names.len(), 0..ids.len()), 1..14).prop_map(move |picked| {
        let mut yaml = crate::bounds::conference("Hội trường", "", "Mời.", "");
        let mut more = String::new();
        let mut used = Vec::new();
        for (k, (n, i)) in picked.into_iter().enumerate() {
            // Ids are unique in a valid list: repeats get the row number.
            let id = if used.contains(&i) { format!("{}{k}", ids[i]) } else { ids[i].to_string() };
            used.push(i);
            more.push_str(&format!(
                "  - {{id: \"{id}\", honorific: Ông, name: {}, position: Trưởng thôn, organization: Thôn {k}, group: \"Thôn, làng\"}}\n",
                names[n]
            ));
        }
        yaml = yaml.replace("  - {id: D3,", &format!("{more}  - {{id: D3,"));
        yaml
    })
}

#[test]
fn deep_yaml_and_far_cells_end_in_diagnostics() {
    let tried = run(deep_yaml(), |text| check("p.yaml", text.into_bytes()));
    eprintln!("deep yaml: {tried} files");
    let tried = run(far_cell_xlsx(), |bytes| check("p.xlsx", bytes));
    eprintln!("far cells: {tried} workbooks");
}

#[test]
fn lookalike_names_get_a_file_each() {
    let tried = run(lookalike_delegates(), |text| {
        let source = Source::Embedded { name: "p.yaml", bytes: Cow::Owned(text.into_bytes()) };
        let mut diags = vanthu::diag::Diagnostics::new();
        let prepared = vanthu::pipeline::prepare(&source, &mut diags, &mut Default::default());
        let Some(p) = prepared else {
            prop_assert!(false, "a valid conference: {diags:?}");
            unreachable!()
        };
        let stems: Vec<&String> = p.plan.invitees.iter().map(|&i| &p.plan.file_stems[i]).collect();
        let unique: std::collections::BTreeSet<&&String> = stems.iter().collect();
        prop_assert_eq!(unique.len(), stems.len(), "{:?}", stems);
        Ok(())
    });
    eprintln!("look-alikes: {tried} conferences");
}

#[test]
fn random_yaml_ends_in_data_or_diagnostics() {
    let tried = run(conference_yaml(), |text| check("p.yaml", text.into_bytes()));
    eprintln!("yaml: {tried} conferences");
}

#[test]
fn random_workbooks_end_in_data_or_diagnostics() {
    let tried = run(conference_xlsx(), |bytes| check("p.xlsx", bytes));
    eprintln!("xlsx: {tried} workbooks");
}

#[test]
fn random_bytes_named_as_workbooks_or_yaml_end_in_diagnostics() {
    let tried = run(proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
        check("p.xlsx", bytes.clone())?;
        check("p.yaml", bytes)
    });
    eprintln!("bytes: {tried} files");
}
