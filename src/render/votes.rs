//! A vote at the conference: the ballots (`phieu-bau.pdf`, every vote's copies, several to
//! an A4 sheet when the list is short) and, once counted, the counting board's record
//! (`bien-ban-kiem-phieu.pdf`, Mẫu 1.4 titled `BIÊN BẢN KIỂM PHIẾU`) and the results
//! workbook (`ket-qua-bau-cu.xlsx`).

use rust_xlsxwriter::{FormatAlign, XlsxError};
use serde::Serialize;

use super::context::{Ctx, Rendered, dedup};
use super::views::{HeaderView, issuer_lines};
use super::xlsx::{Col, cell_format, table_sheet, workbook};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text};
use crate::model::{Dataset, Election};
use crate::pack::DocKind;
use crate::plan::votes::Tally;
use crate::text::{Time, month_vi, vi_percent};

pub(crate) const BALLOTS: &str = "phieu-bau.pdf";
pub(crate) const RECORD: &str = "bien-ban-kiem-phieu.pdf";
pub(crate) const RESULTS: &str = "ket-qua-bau-cu.xlsx";

#[derive(Debug, Clone, Serialize)]
struct CandidateLine {
    number: usize,
    name: String,
    detail: String,
}

/// One vote's ballot (see `templates/phieu-bau.typ`).
#[derive(Debug, Clone, Serialize)]
struct BallotView {
    /// The body whose ballot it is, one printed line each.
    body: Vec<String>,
    /// `Dấu của Trường Đại học …`: the words in the stamp's box.
    stamp: String,
    event: String,
    subject: String,
    /// `(Bầu 05 người)`.
    seats: String,
    candidates: Vec<CandidateLine>,
    note: String,
    copies: u32,
    /// Ballots on one A4 sheet.
    per_page: u32,
}

#[derive(Debug, Clone, Serialize)]
struct BallotsView {
    font: Vec<&'static str>,
    title: String,
    ballots: Vec<BallotView>,
}

/// One line of the result table.
#[derive(Debug, Clone, Serialize)]
struct ResultLine {
    number: usize,
    name: String,
    votes: u32,
    /// `86,7`.
    percent: String,
    outcome: &'static str,
}

/// One vote's record (see `templates/bien-ban-kiem-phieu.typ`).
#[derive(Debug, Clone, Serialize)]
struct RecordView {
    header: HeaderView,
    subject: String,
    opening: String,
    board: Vec<String>,
    intro: String,
    figures: Vec<String>,
    base_words: String,
    results: Vec<ResultLine>,
    conclusion: String,
    elected: Vec<String>,
    /// A tie on the last seat, or seats left empty.
    remarks: Vec<String>,
    closing: String,
    head: String,
    members: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct RecordsView {
    font: Vec<&'static str>,
    title: String,
    records: Vec<RecordView>,
}

/// `05`: counts of people are written with two digits, as in the statutes' forms.
fn two(n: u32) -> String {
    format!("{n:02}")
}

/// Ballots per A4 sheet: three short lists, two of up to nine, else one.
fn per_page(candidates: usize) -> u32 {
    match candidates {
        0..=3 => 3,
        4..=9 => 2,
        _ => 1,
    }
}

fn ballot(ds: &Dataset, e: &Election) -> BallotView {
    BallotView {
        body: issuer_lines(&ds.issuer.name),
        stamp: format!("Dấu của {}", e.stamp.as_deref().unwrap_or(&ds.issuer.sentence_name)),
        event: ds.conference.title.trim_end_matches('.').to_uppercase(),
        subject: e.title.clone(),
        seats: format!("(Bầu {} người)", two(e.seats)),
        candidates: e
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| CandidateLine {
                number: i + 1,
                name: c.name.clone(),
                detail: c.detail.clone().unwrap_or_default(),
            })
            .collect(),
        note: format!(
            "Ghi chú: Đồng ý bầu người nào thì giữ nguyên họ và tên người đó; không đồng ý bầu người nào thì gạch ngang chính giữa họ và tên người đó. Phiếu bầu giữ lại quá {} người là phiếu không hợp lệ.",
            two(e.seats)
        ),
        copies: e.copies,
        per_page: per_page(e.candidates.len()),
    }
}

/// `vào hồi 10 giờ 30 phút`, or blanks to fill in by hand.
fn at_hour(t: Option<Time>) -> String {
    match t {
        Some(t) => format!("vào hồi {} giờ {:02} phút", t.hour, t.minute),
        None => "vào hồi …… giờ …… phút".into(),
    }
}

/// Ô 1–4 of the record: the issuing body over `BAN KIỂM PHIẾU`, a number left for the
/// registry (`Số:      /BB-BKP`), the place and the conference's date.
fn record_header(ds: &Dataset) -> HeaderView {
    let date = ds.conference.date;
    HeaderView {
        parent: Some(issuer_lines(&ds.issuer.name).join("\n")),
        issuer: vec!["BAN KIỂM PHIẾU".into()],
        number: None,
        code: "BB-BKP".into(),
        place: ds.issuer.place.clone(),
        day: Some(format!("{:02}", date.day)),
        month: Some(month_vi(date.month)),
        year: date.year,
        show_number: true,
        show_date: true,
    }
}

/// A tie on the last seat, or seats left empty, as the record says it.
fn remarks(e: &Election, t: &Tally, n_elected: u32) -> Vec<String> {
    let mut remarks = Vec::new();
    let tied: Vec<&crate::plan::votes::TallyRow> =
        t.rows.iter().filter(|r| r.outcome == crate::plan::votes::Outcome::Tied).collect();
    if let Some(first) = tied.first() {
        let names: Vec<String> = tied.iter().map(|r| e.candidates[r.candidate].name.clone()).collect();
        remarks.push(format!(
            "{} có số phiếu bầu bằng nhau ({} phiếu) ở vị trí cuối, nhiều hơn số lượng còn lại; đề nghị Hội nghị quyết định bầu tiếp trong số những người này.",
            crate::text::join_vi(names),
            two(first.votes)
        ));
    } else if n_elected < e.seats && n_elected > 0 {
        remarks.push(format!("Số người trúng cử ít hơn số lượng bầu {} người.", two(e.seats - n_elected)));
    }
    remarks
}

fn record(ds: &Dataset, e: &Election, t: &Tally) -> Option<RecordView> {
    let c = e.counts?;
    let date = ds.conference.date;
    let header = record_header(ds);
    let mut board: Vec<String> = Vec::new();
    if let Some(h) = &e.board_head {
        board.push(format!("{h} - Trưởng ban;"));
    }
    board.extend(e.board.iter().map(|m| format!("{m} - Thành viên;")));
    if let Some(last) = board.last_mut() {
        last.pop();
        last.push('.');
    }
    let mut figures = Vec::new();
    if let Some(s) = e.summoned {
        figures.push(format!("Số đại biểu được triệu tập: {} người;", two(s)));
    }
    figures.push(format!("Số phiếu phát ra: {} phiếu;", two(c.issued)));
    figures.push(format!("Số phiếu thu về: {} phiếu;", two(c.returned)));
    figures.push(format!("Số phiếu hợp lệ: {} phiếu;", two(c.valid)));
    figures.push(format!("Số phiếu không hợp lệ: {} phiếu.", two(c.invalid)));
    let results: Vec<ResultLine> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| ResultLine {
            number: i + 1,
            name: e.candidates[r.candidate].name.clone(),
            votes: r.votes,
            percent: vi_percent(f64::from(r.votes) * 100.0 / f64::from(t.base.max(1))),
            outcome: r.outcome.words(),
        })
        .collect();
    let elected: Vec<String> = t
        .elected()
        .enumerate()
        .map(|(i, r)| {
            let cand = &e.candidates[r.candidate];
            let detail = cand.detail.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            format!(
                "{}. {}{detail} ({} phiếu, đạt {}%)",
                i + 1,
                cand.name,
                two(r.votes),
                vi_percent(f64::from(r.votes) * 100.0 / f64::from(t.base.max(1)))
            )
        })
        .collect();
    let n_elected = elected.len() as u32;
    let remarks = remarks(e, t, n_elected);
    Some(RecordView {
        header,
        subject: format!("Bầu {}", e.title),
        opening: format!(
            "Hôm nay, {}, ngày {:02} tháng {} năm {}, tại {}, {}, Ban kiểm phiếu gồm:",
            at_hour(e.time),
            date.day,
            month_vi(date.month),
            date.year,
            ds.conference.venue,
            ds.conference.title.trim_end_matches('.'),
        ),
        board,
        intro: format!(
            "Ban kiểm phiếu đã tiến hành kiểm phiếu bầu {}. Số lượng bầu: {} người; danh sách bầu cử gồm {} người. Kết quả như sau:",
            e.title,
            two(e.seats),
            two(e.candidates.len() as u32)
        ),
        figures,
        base_words: format!("Tỷ lệ (%) so với {}", e.base.words()),
        results,
        conclusion: if n_elected == 0 {
            format!("Căn cứ nguyên tắc bầu cử (người trúng cử phải có số phiếu bầu {} so với tổng {}), không có người trúng cử.", e.threshold.words(), e.base.words())
        } else {
            format!(
                "Căn cứ nguyên tắc bầu cử (người trúng cử phải có số phiếu bầu {} so với tổng {}, lấy theo thứ tự từ cao xuống thấp đến đủ số lượng), {} người sau đây trúng cử:",
                e.threshold.words(),
                e.base.words(),
                two(n_elected)
            )
        },
        elected,
        remarks,
        closing: "Biên bản lập xong hồi …… giờ …… phút cùng ngày, đã được đọc trước Hội nghị và các thành viên Ban kiểm phiếu nhất trí ký tên./.".into(),
        head: e.board_head.clone().unwrap_or_default(),
        members: e.board.clone(),
    })
}

/// Sheets of ballots in one file: past this, the ballots come in volumes
/// (`phieu-bau-01.pdf` …), so one file's layout never holds more than a few hundred MB.
const VOLUME_SHEETS: u32 = 250;

/// The ballots in volumes of at most [`VOLUME_SHEETS`] sheets, each vote from a new sheet;
/// a vote whose copies run past a volume's end continues in the next.
fn volumes(ballots: Vec<BallotView>) -> Vec<Vec<BallotView>> {
    let mut out: Vec<Vec<BallotView>> = vec![Vec::new()];
    let mut room = VOLUME_SHEETS;
    for b in ballots {
        let mut left = b.copies;
        while left > 0 {
            if room == 0 {
                out.push(Vec::new());
                room = VOLUME_SHEETS;
            }
            let sheets = left.div_ceil(b.per_page).min(room);
            let here = (sheets * b.per_page).min(left);
            out.last_mut().expect("a volume").push(BallotView { copies: here, ..b.clone() });
            left -= here;
            room -= sheets;
        }
    }
    out
}

/// A ballot longer than its part of the sheet: more pages than sheets planned.
fn ballot_overflow(ds: &Dataset, sheets: u32, doc: &typst_layout::PagedDocument) -> Option<Diagnostic> {
    (doc.pages().len() as u32 > sheets).then(|| {
        Diagnostic::warning(
            "ballot-overflow",
            Loc::File { file: ds.file.clone() },
            Text::new(
                "phiếu bầu dài hơn phần trang dành cho nó: kiểm tra phieu-bau.pdf trước khi in",
                "a ballot is longer than its part of the sheet: check phieu-bau.pdf before printing",
            ),
        )
    })
}

/// The ballots, and the record and results of the votes counted.
pub(crate) fn render(ds: &Dataset, tallies: &[Tally], ctx: &Ctx<'_>) -> Rendered {
    if ds.elections.is_empty() {
        return Ok((Vec::new(), Diagnostics::new()));
    }
    let date = ds.conference.date;
    let volumes = volumes(ds.elections.iter().map(|e| ballot(ds, e)).collect());
    let several = volumes.len() > 1;
    let mut out = Vec::new();
    let mut warnings = Diagnostics::new();
    for (i, ballots) in volumes.into_iter().enumerate() {
        let sheets: u32 = ballots.iter().map(|b| b.copies.div_ceil(b.per_page)).sum();
        let view = BallotsView {
            font: ctx.font.clone(),
            title: format!("Phiếu bầu - {}", ds.conference.title.trim_end_matches('.')),
            ballots,
        };
        let path = if several { format!("phieu-bau-{:02}.pdf", i + 1) } else { BALLOTS.to_string() };
        let (pdf, w) =
            ctx.pdf("phieu-bau.typ", &view, &path, DocKind::Votes, date, |doc| ballot_overflow(ds, sheets, doc))?;
        warnings.extend(w);
        out.push(pdf);
        if several {
            // One volume's layout at a time in memory.
            ::typst::comemo::evict(0);
        }
    }
    let records: Vec<RecordView> = tallies.iter().filter_map(|t| record(ds, &ds.elections[t.election], t)).collect();
    if !records.is_empty() {
        let view = RecordsView {
            font: ctx.font.clone(),
            title: format!("Biên bản kiểm phiếu - {}", ds.conference.title.trim_end_matches('.')),
            records,
        };
        let (pdf, w) = ctx.pdf("bien-ban-kiem-phieu.typ", &view, RECORD, DocKind::Votes, date, |_| None)?;
        warnings.extend(w);
        out.push(pdf);
        out.push(ctx.xlsx(RESULTS, DocKind::Votes, results(ds, tallies)));
    }
    Ok((out, dedup(warnings)))
}

/// `ket-qua-bau-cu.xlsx`: every counted vote's candidates by votes, with share and outcome.
fn results(ds: &Dataset, tallies: &[Tally]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Kết quả bầu cử");
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        let ws = wb.add_worksheet();
        let cols = [
            Col { header: "Cuộc bầu", width: 40.0 },
            Col { header: "STT", width: 6.0 },
            Col { header: "Họ và tên", width: 26.0 },
            Col { header: "Chức vụ, đơn vị", width: 36.0 },
            Col { header: "Số phiếu bầu", width: 12.0 },
            Col { header: "Tính trên", width: 12.0 },
            Col { header: "Tỷ lệ (%)", width: 10.0 },
            Col { header: "Kết quả", width: 18.0 },
        ];
        let n: usize = tallies.iter().map(|t| t.rows.len()).sum();
        let title = format!("KẾT QUẢ BẦU CỬ - {}", ds.conference.title.to_uppercase());
        let mut row = table_sheet(ws, "Kết quả bầu cử", &title, &cols, n, true)?;
        for t in tallies {
            let e = &ds.elections[t.election];
            for (i, r) in t.rows.iter().enumerate() {
                let cand = &e.candidates[r.candidate];
                ws.write_string_with_format(row, 0, &e.title, &fmt)?;
                ws.write_number_with_format(row, 1, (i + 1) as f64, &centred)?;
                ws.write_string_with_format(row, 2, &cand.name, &fmt)?;
                ws.write_string_with_format(row, 3, cand.detail.as_deref().unwrap_or(""), &fmt)?;
                ws.write_number_with_format(row, 4, f64::from(r.votes), &centred)?;
                ws.write_number_with_format(row, 5, f64::from(t.base), &centred)?;
                let share = (f64::from(r.votes) * 1000.0 / f64::from(t.base.max(1))).round() / 10.0;
                ws.write_number_with_format(row, 6, share, &centred)?;
                ws.write_string_with_format(row, 7, r.outcome.words(), &fmt)?;
                row += 1;
            }
        }
        wb.save_to_buffer()
    };
    build().expect("the results' cells are within Excel's limits")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot(copies: u32, per_page: u32) -> BallotView {
        BallotView {
            body: Vec::new(),
            stamp: String::new(),
            event: String::new(),
            subject: String::new(),
            seats: String::new(),
            candidates: Vec::new(),
            note: String::new(),
            copies,
            per_page,
        }
    }

    #[test]
    fn ballots_come_in_volumes_each_vote_from_a_new_sheet() {
        let split = |v: Vec<BallotView>| -> Vec<Vec<u32>> {
            volumes(v).iter().map(|vol| vol.iter().map(|b| b.copies).collect()).collect()
        };
        assert_eq!(split(vec![ballot(45, 2), ballot(6, 3)]), [vec![45, 6]]);
        // 250 sheets of two, then the rest; the next vote fills the second volume.
        assert_eq!(split(vec![ballot(501, 2), ballot(10, 1)]), [vec![500], vec![1, 10]]);
        // 10,000 ballots one to a sheet: 40 volumes of 250.
        let v = volumes(vec![ballot(10_000, 1)]);
        assert_eq!(v.len(), 40);
        assert!(v.iter().all(|vol| vol.iter().map(|b| b.copies.div_ceil(b.per_page)).sum::<u32>() <= VOLUME_SHEETS));
    }
}
