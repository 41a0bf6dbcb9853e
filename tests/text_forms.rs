//! Text documents that lose nothing (issue 25): what follows a signature is an appendix on
//! pages of its own; several signers sign side by side; tables keep every header row and
//! merge cells; a Mục heading with a sentence, stars, marks in an Điều line, a proposal
//! ending with a comma, lists of names and lists that start again are printed as typed;
//! headings stay with what follows. The samples of `data/mau-van-ban/` meet Decree 30, and
//! random documents lose no word.

use std::path::PathBuf;

use crate::layout::{check_first_page, check_margins, check_signature};
use crate::util::pdf::{self, Page, Run};
use crate::util::{Project, stderr, vanthu};

fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/mau-van-ban").join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Renders `text` alone; the PDF and what was said.
fn render(p: &Project, name: &str, text: &str) -> (PathBuf, String) {
    p.file(name, text);
    let out = format!("{name}.pdf");
    let o = vanthu(&["render", name, "-o", &out], p.dir.path());
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    (p.path(&out), stderr(&o))
}

/// The words of a text (lower case), in order; each figure a word of its own, since
/// figures in neighbouring cells may be read back as one run.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let letters: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
        if !letters.is_empty() {
            out.push(letters.to_lowercase());
        }
        out.extend(w.chars().filter(char::is_ascii_digit).map(String::from));
    }
    out
}

/// The words of `source` not found, in order, in `printed` — in order but for what is
/// set side by side (a title over two header rows, two signers on one line): a word may
/// stand up to [`BESIDE`] words before the one read last.
fn missing(source: &str, printed: &str) -> Vec<String> {
    let printed = words(printed);
    let mut at = 0;
    let mut lost = Vec::new();
    for w in words(source) {
        match printed[at..].iter().position(|p| *p == w) {
            Some(i) if i < BESIDE || !printed[at.saturating_sub(BESIDE)..at].contains(&w) => at += i + 1,
            Some(_) => {}
            None if printed[at.saturating_sub(BESIDE)..at].contains(&w) => {}
            None => lost.push(w),
        }
    }
    lost
}

const BESIDE: usize = 12;

/// A document's body (after its front matter), without the rule lines of its tables.
fn body(text: &str) -> String {
    let close = text[3..].find("\n---").unwrap() + 3;
    let rule = |l: &str| {
        l.starts_with('|') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | '%' | ' ') || c.is_ascii_digit())
    };
    text[close + 4..].lines().filter(|l| !rule(l)).collect::<Vec<_>>().join("\n")
}

fn run_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The runs of the pages in reading order, without the page numbers.
fn runs_of(pages: &[Page]) -> Vec<Run> {
    pages
        .iter()
        .flat_map(|p| {
            p.runs().into_iter().filter(|r| !(r.text.trim().chars().all(|c| c.is_ascii_digit()) && r.y < 57.0))
        })
        .collect()
}

fn find<'a>(runs: &'a [Run], text: &str) -> &'a Run {
    runs.iter().find(|r| r.text.contains(text)).unwrap_or_else(|| panic!("no {text:?} in {}", run_text(runs)))
}

const REGULAR: &str = "LiberationSerif";
const BOLD: &str = "LiberationSerif-Bold";
const ITALIC: &str = "LiberationSerif-Italic";

#[test]
fn an_attached_list_and_an_appendix_follow_the_signature_on_pages_of_their_own() {
    let p = Project::new();
    let text = sample("quyet-dinh-co-thi-dua.md");
    let (pdf_path, said) = render(&p, "qd.md", &text);
    assert!(!said.contains("cảnh báo:"), "{said}");
    let pages = pdf::all_pages(&pdf_path);
    assert_eq!(pages.len(), 3, "the decision, the attached list, the appendix");
    check_first_page(&pages[0], "QUYẾT ĐỊNH", "Số: 1250/QĐ-UBND", "Về việc tặng Cờ thi đua");
    check_signature(&pages[0], "KT. CHỦ TỊCH", "- Như Điều 3;", "Nguyễn Thế Giang");
    for (i, page) in pages.iter().enumerate() {
        check_margins(page, i + 1);
    }
    // Nothing lost: every word of the body, in order, across the pages.
    let all = run_text(&runs_of(&pages));
    assert_eq!(missing(&body(&text), &all), Vec::<String>::new(), "{all}");
    // The attached list: its title, its reference as typed, a star kept, names plain.
    let list = pages[1].runs();
    assert_eq!(find(&list, "DANH SÁCH").font, BOLD);
    assert_eq!(find(&list, "(Kèm theo Quyết định số 1250/QĐ-UBND").font, ITALIC);
    assert!(run_text(&list).contains("* XÃ ĐỒNG VĂN: 02 tập thể."), "{}", run_text(&list));
    assert_eq!(find(&list, "2. Trạm Y tế xã Đồng Văn").font, REGULAR, "a list of names, not of headings");
    assert!(!list.iter().any(|r| r.y < 57.0), "an appendix's first page has no number");
    // The appendix: its label, its reference made from the header, a merged header.
    let appendix = pages[2].runs();
    assert_eq!(find(&appendix, "Phụ lục II").font, BOLD);
    let reference = run_text(&appendix);
    assert!(
        reference.contains("ngày 25 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang)"),
        "{reference}"
    );
    let (over, left, right) = (find(&appendix, "Tiền thưởng"), find(&appendix, "Dự toán"), find(&appendix, "Thực"));
    assert!(over.y < left.y && left.x0 < over.x0 && over.x1 < right.x1, "one title over two columns");
    let tall = find(&appendix, "Tập thể");
    assert!(tall.y > over.y + 3.0 && tall.y < left.y - 3.0, "a title over two header rows, centred between them");
    assert_eq!(find(&appendix, "17.550.000").font, BOLD);
}

#[test]
fn several_signers_sign_side_by_side_with_their_names_level() {
    let p = Project::new();
    for (name, left, right) in [
        ("bien-ban-hoi-nghi.md", ("THƯ KÝ", "Trần Thị Bích"), ("CHỦ TRÌ", "Phạm Quang Trung")),
        ("nghi-quyet-hoi-nghi.md", ("THƯ KÝ HỘI NGHỊ", "Trần Thị Bích"), ("TM. ĐOÀN CHỦ TỊCH", "Phạm Quang Trung")),
    ] {
        let text = sample(name);
        let (pdf_path, said) = render(&p, name, &text);
        assert!(!said.contains("cảnh báo:"), "{name}: {said}");
        let pages = pdf::all_pages(&pdf_path);
        let last = pages.last().unwrap();
        let runs = last.runs();
        let (lt, ln, rt, rn) = (find(&runs, left.0), find(&runs, left.1), find(&runs, right.0), find(&runs, right.1));
        assert!(lt.x1 < rt.x0 && ln.x1 < rn.x0, "{name}: left to right as typed");
        assert!((ln.y - rn.y).abs() < 0.5, "{name}: the names on one line");
        assert!((lt.y - rt.y).abs() < 0.5, "{name}: the titles start on one line");
        assert!(ln.y - lt.y > 60.0, "{name}: room for the signatures");
        assert_eq!((ln.font.as_str(), rn.font.as_str()), (BOLD, BOLD));
        let all = run_text(&runs_of(&pages));
        assert_eq!(missing(&body(&text), &all), Vec::<String>::new(), "{name}: {all}");
        // A Biên bản's header has no place and date (Mẫu 1.9): its first page is measured
        // with the other kinds' (tests/kinds.rs).
        if !name.starts_with("bien") {
            check_first_page(&pages[0], "NGHỊ QUYẾT", "/", "Hội nghị");
        }
        check_margins(&pages[0], 1);
    }
}

#[test]
fn a_title_signed_by_hand_needs_no_name_and_no_warning() {
    let p = Project::new();
    let (pdf_path, said) = render(&p, "tt.md", &sample("to-trinh-truong.md"));
    assert!(!said.contains("người ký"), "{said}");
    let page = pdf::page(&pdf_path, 1);
    assert_eq!(page.run("HIỆU TRƯỞNG").font, BOLD);
    // A document with no signer at all is told how its own body signs.
    let text = sample("to-trinh-truong.md").replace("người ký:\n  chức vụ: HIỆU TRƯỞNG\n", "");
    let (_, said) = render(&p, "none.md", &text);
    assert!(said.contains("văn bản chưa có người ký") && said.contains("HIỆU TRƯỞNG"), "{said}");
    assert!(!said.contains("ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH"), "not a commune's hint: {said}");
}

const TYPED: &str = "---
loại: Quyết định
cơ quan: Phòng Giáo dục và Đào tạo
cơ quan chủ quản: Ủy ban nhân dân huyện Ia Grai
địa danh: Ia Grai
ký hiệu: QĐ-PGDĐT
ngày: 11/2020
trích yếu: Về việc tổ chức Hội thi giáo viên dạy giỏi cấp huyện năm học 2020 - 2021
---
TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO

Căn cứ Quyết định số 12/QĐ-UBND ngày 01/01/2020 của Ủy ban nhân dân huyện;
Theo đề nghị của Tổ trưởng chuyên môn,

QUYẾT ĐỊNH:

**Điều 1.** Tổ chức Hội thi *giáo viên dạy giỏi* cấp huyện, **năm học 2020 - 2021**.

I. THỜI GIAN: Từ 06h30 phút ngày **20/11/2020** các đoàn tập trung tại trường.

* HUYỆN ĐỒNG VĂN: 03 tập thể.

ĐOÀN SỐ 1:
1. Trường Tiểu học Kim Đồng
2. Trường THCS Lê Lợi;
3.Trường Mầm non Hoa Sen

ĐOÀN SỐ 2:
1. Trường Tiểu học Nguyễn Trãi
2. Trường THCS Chu Văn An

| STT | Nội dung | Kinh phí | |
| | | Dự toán | Thực hiện |
|---|---|---|---|
| 1 | Tổ chức hội thi | 10.000.000 | 8.500.000 |

Nơi nhận:
- Như Điều 3;
- Bản điện tử:
+ Các trường học;
- Lưu: VT, CM.

KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG

Nguyễn Văn A

---

PHỤ LỤC
*(Kèm theo Quyết định số 12/QĐ-PGDĐT)*
1. Danh sách thứ nhất.
";

#[test]
fn what_is_typed_is_printed_as_typed() {
    let p = Project::new();
    let (pdf_path, said) = render(&p, "qd.md", TYPED);
    assert!(!said.contains("cảnh báo:"), "no numbering slips for lists that start again: {said}");
    let pages = pdf::all_pages(&pdf_path);
    let runs = runs_of(&pages);
    let all = run_text(&runs);
    assert_eq!(missing(&body(TYPED), &all), Vec::<String>::new(), "{all}");
    // The signature and what follows it.
    assert_eq!(find(&runs, "Nguyễn Văn A").font, BOLD);
    assert_eq!(find(&runs, "PHÓ TRƯỞNG PHÒNG").font, BOLD);
    let last = pages.last().unwrap().runs();
    assert!(run_text(&last).contains("(Kèm theo Quyết định số 12/QĐ-PGDĐT)"), "{}", run_text(&last));
    assert!(run_text(&last).contains("1. Danh sách thứ nhất."));
    // A Mục heading to its colon, the sentence after it as typed.
    assert_eq!(find(&runs, "I. THỜI GIAN:").font, BOLD);
    assert_eq!(find(&runs, "Từ 06h30 phút ngày").font, REGULAR);
    assert_eq!(find(&runs, "20/11/2020").font, BOLD);
    // Marks in an Điều line; a proposal ending with a comma is a ground.
    assert!(runs.iter().any(|r| r.text == "giáo viên dạy giỏi" && r.font == ITALIC), "{all}");
    assert!(runs.iter().any(|r| r.text.starts_with("năm học 2020") && r.font == BOLD), "{all}");
    assert_eq!(find(&runs, "Theo đề nghị của Tổ trưởng chuyên môn,").font, ITALIC);
    // A star stays a star; names are not headings; a number's space put back.
    assert!(all.contains("* HUYỆN ĐỒNG VĂN: 03 tập thể."), "{all}");
    for name in ["1. Trường Tiểu học Kim Đồng", "3. Trường Mầm non Hoa Sen", "2. Trường THCS Chu Văn An"]
    {
        assert_eq!(find(&runs, name).font, REGULAR, "{name}");
    }
    // Both header rows, and `./.` under the final table.
    for h in ["STT", "Nội dung", "Kinh phí", "Dự toán", "Thực hiện"] {
        assert_eq!(find(&runs, h).font, BOLD, "{h}");
    }
    assert!(runs.iter().any(|r| r.text.trim() == "./."), "{all}");
    // Nơi nhận: a sub-heading keeps its colon; a sub-item its plus.
    assert!(all.contains("- Bản điện tử: + Các trường học;") && !all.contains("điện tử:;"), "{all}");
    // The superior body broken before its unit, not inside its name.
    let first = pages[0].runs();
    assert!(first.iter().any(|r| r.text == "HUYỆN IA GRAI"), "{}", run_text(&first));
}

/// A body with `filler` paragraphs before a Mục heading, so the heading falls anywhere on
/// its page.
fn long_plan(filler: usize) -> String {
    let mut s = String::from(
        "---\nloại: Kế hoạch\ncơ quan: Ủy ban nhân dân xã A\nđịa danh: A\nký hiệu: KH-UBND\nngày: 2025\nnơi nhận:\n  - Lưu: VT\nngười ký: Nguyễn Văn A\n---\nI. MỤC ĐÍCH\n",
    );
    for i in 0..filler {
        s.push_str(&format!(
            "{}. Nội dung công việc thứ {i} được giao cho các cơ quan, đơn vị thực hiện đúng tiến độ.\n",
            i + 1
        ));
    }
    s.push_str("II. PHÂN CÔNG NHIỆM VỤ\n1. Văn phòng chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện kế hoạch này.\n2. TRỌNG TÀI\n| STT | Họ tên | Nhiệm vụ |\n|---|---|---|\n| 1 | Trần B | Trọng tài chính |\n| 2 | Lê C | Trọng tài phụ |\n");
    s
}

/// A plan whose long table starts anywhere on its page.
fn long_table(filler: usize) -> String {
    let mut s = long_plan(filler).replace("2. TRỌNG TÀI\n| STT | Họ tên | Nhiệm vụ |\n|---|---|---|\n| 1 | Trần B | Trọng tài chính |\n| 2 | Lê C | Trọng tài phụ |\n", "");
    s.push_str("| STT | Đơn vị | Số lượng |\n|---|---|---|\n");
    for i in 1..=14 {
        s.push_str(&format!("| {i} | Đơn vị dự thi số {i} | {} |\n", 10 + i));
    }
    s
}

#[test]
fn a_long_table_never_leaves_one_row_alone_under_its_header() {
    let p = Project::new();
    let mut cases = 0;
    for (filler, extra) in (16..40).flat_map(|f| (0..3).map(move |e| (f, e))) {
        // One to three more lines before the table, so it starts at every height.
        let text = long_table(filler).replace(
            "| STT | Đơn vị |",
            &format!(
                "{}\n| STT | Đơn vị |",
                "Danh sách các đơn vị dự thi được tổng hợp như sau đây. ".repeat(extra * 2 + 1)
            ),
        );
        cases += 1;
        let filler = filler * 10 + extra;
        let (pdf_path, _) = render(&p, &format!("bang{filler}.md"), &text);
        // The table's first page (its header repeats on the next).
        let pages = pdf::all_pages(&pdf_path);
        let (n, page) = pages.iter().enumerate().find(|(_, p)| p.runs().iter().any(|r| r.text == "Đơn vị")).unwrap();
        let runs = page.runs();
        let header = runs.iter().find(|r| r.text == "Đơn vị").unwrap();
        let rows = runs.iter().filter(|r| r.text.starts_with("Đơn vị dự thi số") && r.y > header.y).count();
        assert!(rows >= 2, "{filler}: page {} holds the header and {rows} row", n + 1);
    }
    assert_eq!(cases, 72);
}

#[test]
fn headings_stay_with_what_follows() {
    let p = Project::new();
    for filler in (20..38).step_by(2) {
        let (pdf_path, _) = render(&p, &format!("kh{filler}.md"), &long_plan(filler));
        for page in pdf::all_pages(&pdf_path) {
            let runs: Vec<Run> = page.runs().into_iter().filter(|r| r.y > 57.0).collect();
            let Some(last) = runs.iter().max_by(|a, b| a.y.total_cmp(&b.y)) else { continue };
            for heading in ["II. PHÂN CÔNG NHIỆM VỤ", "2. TRỌNG TÀI"] {
                assert!(last.text != heading, "{filler}: {heading:?} last on its page");
            }
        }
    }
}

/// A small deterministic generator (xorshift), so a failing case can be run again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VOCABULARY: &[&str] = &[
    "tổ",
    "chức",
    "hội",
    "nghị",
    "thi",
    "đua",
    "khen",
    "thưởng",
    "năm",
    "2025",
    "đơn",
    "vị",
    "kế",
    "hoạch",
    "báo",
    "cáo",
    "triển",
    "khai",
    "thực",
    "hiện",
    "nhiệm",
    "vụ",
    "xã",
    "Ia",
    "Sao",
    "Đắk",
    "Lắk",
    "cán",
    "bộ",
    "công",
    "chức",
    "08",
    "giờ",
    "phòng",
    "họp",
    "số",
    "15",
    "nội",
    "dung",
    "kết",
    "quả",
    "đạt",
    "được",
    "phối",
    "hợp",
    "trách",
    "nhiệm",
];

fn sentence(r: &mut Rng, words: usize, marks: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    for i in 0..words {
        let mut w = r.pick(VOCABULARY).to_string();
        if i == 0 {
            w = w[..w.chars().next().unwrap().len_utf8()].to_uppercase() + &w[w.chars().next().unwrap().len_utf8()..];
        }
        if marks && r.below(8) == 0 {
            w = if r.below(2) == 0 { format!("*{w}*") } else { format!("**{w}**") };
        }
        out.push(w);
    }
    out.join(" ")
}

/// A random document: grounds, Mục, khoản (titles, sentences, colons), điểm, bullets,
/// stars, tables with merges, lines in capitals, a signature, appendices.
fn random_document(r: &mut Rng) -> String {
    let mut s = String::from(
        "---\nloại: Quyết định\ncơ quan: Ủy ban nhân dân xã Ia Sao\nđịa danh: Ia Sao\nký hiệu: QĐ-UBND\nngày: 12/2025\n---\n",
    );
    if r.below(2) == 0 {
        s.push_str(&format!("Căn cứ {};\n", sentence(r, 6, false).to_lowercase()));
    }
    let sections = 1 + r.below(3);
    for m in 0..sections {
        s.push_str(&format!("{}. {}\n", ["I", "II", "III"][m], sentence(r, 3, false).to_uppercase()));
        for k in 0..1 + r.below(4) {
            match r.below(5) {
                0 => s.push_str(&format!("{}. {}\n", k + 1, sentence(r, 3, false))),
                1 => s.push_str(&format!("{}. {}: {}.\n", k + 1, sentence(r, 2, false), sentence(r, 8, true))),
                2 => s.push_str(&format!("{}.{}.\n", k + 1, sentence(r, 9, true))),
                _ => s.push_str(&format!("{}. {}.\n", k + 1, sentence(r, 12, true))),
            }
            for (i, mark) in ["a)", "b)", "c)"].iter().take(r.below(3)).enumerate() {
                let _ = i;
                s.push_str(&format!("{mark} {};\n", sentence(r, 7, true).to_lowercase()));
            }
            for _ in 0..r.below(3) {
                let bullet = r.pick(&["-", "+", "*"]);
                s.push_str(&format!("{bullet} {};\n", sentence(r, 6, true)));
            }
        }
        if r.below(3) == 0 {
            s.push_str("| STT | Nội dung | Kinh phí | |\n| | | Dự toán | Thực hiện |\n|---|---|---|---|\n");
            for i in 0..1 + r.below(6) {
                s.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    i + 1,
                    sentence(r, 4, false),
                    r.below(900),
                    r.below(900)
                ));
            }
        }
        if r.below(4) == 0 {
            s.push_str(&format!("{}:\n", sentence(r, 3, false).to_uppercase()));
        }
    }
    s.push_str("\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Tâm\n");
    for a in 0..r.below(3) {
        s.push_str(&format!("\nPHỤ LỤC {}\n{}\n", ["I", "II"][a], sentence(r, 4, false).to_uppercase()));
        for k in 0..1 + r.below(4) {
            s.push_str(&format!("{}. {}.\n", k + 1, sentence(r, 10, true)));
        }
    }
    s
}

/// Every word of a random document is printed, in order (the signature apart: it is
/// checked in place).
fn no_word_lost(p: &Project, seed: u64) {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let text = random_document(&mut r);
    let (pdf_path, _) = render(p, &format!("r{seed}.md"), &text);
    let pages = pdf::all_pages(&pdf_path);
    let runs = runs_of(&pages);
    let all = run_text(&runs);
    let source = body(&text)
        .replace("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Tâm\n", "");
    assert_eq!(missing(&source, &all), Vec::<String>::new(), "seed {seed}:\n{text}\n---\n{all}");
    for part in ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Tâm", "- Như trên;", "- Lưu: VT."] {
        assert!(runs.iter().any(|r| r.text == part), "seed {seed}: {part:?} not printed");
    }
}

#[test]
fn random_documents_lose_no_word() {
    let p = Project::new();
    // `VANTHU_FUZZ_SECS=300` runs on for that long (README, development notes).
    let secs: u64 = std::env::var("VANTHU_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let start = std::time::Instant::now();
    let mut seed = 1;
    while seed <= 24 || start.elapsed().as_secs() < secs {
        no_word_lost(&p, seed);
        seed += 1;
    }
    eprintln!("random documents: {} rendered, no word lost", seed - 1);
}

#[test]
fn a_document_attaches_a_table_of_the_workbook() {
    let p = Project::new();
    let yaml =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/so-ket-ocop-2023/hoi-nghi.yaml"));
    p.file("hoi-nghi.yaml", &yaml.unwrap());
    let text = "---\nloại: Báo cáo\ntrích yếu: Sản phẩm OCOP theo địa bàn\nnơi nhận:\n  - Lưu: VT\n---\nKết quả như sau:\n\n{{ bang(\"ocop-dia-ban\") }}\n";
    let (pdf_path, said) = render(&p, "van-ban/bc.md", text);
    assert!(!said.contains("lỗi:"), "{said}");
    let runs = pdf::page(&pdf_path, 1).runs();
    assert_eq!(find(&runs, "Huyện, thành phố").font, BOLD, "the table's header");
    assert!(runs.iter().any(|r| r.text == "Huyện Na Hang"), "{}", run_text(&runs));
    let total = find(&runs, "Tổng cộng");
    assert_eq!(total.font, BOLD);
    assert!(runs.iter().any(|r| r.text == "./."), "the end mark under a final table");
    // A table inside a sentence is an error at its line.
    let (p2, _) = (Project::new(), ());
    p2.file("hoi-nghi.yaml", &std::fs::read_to_string(p.path("hoi-nghi.yaml")).unwrap());
    p2.file("van-ban/x.md", &text.replace("{{ bang", "Xem {{ bang"));
    let o = vanthu(&["render", "van-ban/x.md", "-o", "x.pdf"], p2.dir.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("x.md:9:1") && stderr(&o).contains("bang(…) phải đứng riêng một dòng"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_wide_appendix_is_set_across_the_page_and_notes_go_to_its_foot() {
    let p = Project::new();
    let text = "---\nloại: Báo cáo\ncơ quan: Ủy ban nhân dân xã Ia Sao\nđịa danh: Ia Sao\nký hiệu: BC-UBND\nngày: 12/2025\nngười ký:\n  - TM. ỦY BAN NHÂN DÂN\n  - CHỦ TỊCH\n  - Rơ Mah Hiếu\nnơi nhận:\n  - Lưu: VT\n---\nSản lượng lúa đạt 120 tấn[^1], vượt kế hoạch.\n\n[^1]: Số liệu đến ngày 30/11/2025.\n[^2]: Không được gọi.\n---\nPHỤ LỤC\nBIỂU TỔNG HỢP\n| STT | Thôn | Lúa | Ngô | Sắn | Cà phê | Hồ tiêu | Cao su | Điều | Ghi chú |\n|---|---|---|---|---|---|---|---|---|---|\n| 1 | Làng Bui | 10 | 20 | 30 | 40 | 50 | 60 | 70 | |\n";
    let (pdf_path, said) = render(&p, "bc.md", text);
    // The signer given as its lines in the header.
    let pages = pdf::all_pages(&pdf_path);
    let first = pages[0].runs();
    assert_eq!(find(&first, "Rơ Mah Hiếu").font, BOLD);
    assert_eq!(find(&first, "TM. ỦY BAN NHÂN DÂN").font, BOLD);
    assert!(!said.contains("chưa có người ký"), "{said}");
    // The note: its text at the foot of the page, in 12 pt; the note never called is said.
    let note = find(&first, "Số liệu đến ngày 30/11/2025.");
    assert_eq!(note.size, 12.0);
    assert!(note.y > find(&first, "Sản lượng lúa đạt 120 tấn").y + 100.0, "at the foot of the page");
    assert!(said.contains("bc.md:17:1") && said.contains("[^2]"), "{said}");
    // Ten columns: the appendix is set across the page, within Decree 30's margins.
    let last = pages.last().unwrap();
    assert!(last.width > last.height, "landscape: {} × {}", last.width, last.height);
    check_margins(last, pages.len());
    assert!(pages[0].height > pages[0].width, "the document itself stands");
}

#[test]
fn a_table_too_long_for_a_document_is_an_error_at_its_line() {
    let p = Project::new();
    let mut text = String::from(
        "---\nloại: Báo cáo\ncơ quan: Ủy ban nhân dân xã A\nđịa danh: A\nký hiệu: BC-UBND\nngày: 2025\n---\nDanh sách:\n| STT | Tên |\n|---|---|\n",
    );
    for i in 0..3_001 {
        text.push_str(&format!("| {i} | x |\n"));
    }
    p.file("dai.md", &text);
    let o = vanthu(&["render", "dai.md", "-o", "dai.pdf"], p.dir.path());
    assert!(!o.status.success());
    let said = stderr(&o);
    assert!(said.contains("dai.md:9:1") && said.contains("3003 hàng"), "{said}");
    assert!(!p.path("dai.pdf").exists());
}
