//! Stage 3, validate: the normalised cells → the typed [`Dataset`], checking every rule and
//! reporting every problem at once (required fields, allowed values, numbers and dates,
//! duplicate ids, references that point nowhere). Each message names the cell, quotes the
//! value and says how to fix it.

pub mod choices;
pub(crate) mod fields;

use std::collections::HashMap;

pub use choices::{DEFAULT_GROUPS, agenda_kind};

/// `A3` → (420, 297) landscape; `A4`; or `400x300`, `400 × 300 mm`.
fn certificate_size(text: &str) -> Option<(f64, f64)> {
    match loose_key(text).as_str() {
        "a3" => return Some((420.0, 297.0)),
        "a4" => return Some((297.0, 210.0)),
        _ => {}
    }
    let cleaned = text.to_lowercase().replace("mm", "").replace(['×', '*'], "x");
    let (w, h) = cleaned.split_once('x')?;
    let (w, h): (f64, f64) = (fields::parse_number(w)?, fields::parse_number(h)?);
    ((100.0..=1000.0).contains(&w) && (100.0..=1000.0).contains(&h)).then_some((w.max(h), w.min(h)))
}

use self::choices::{ATTENDANCE, AWARD_KINDS, HONORIFICS, INVITED, OLD_PRODUCT_GROUPS, ROLES, infer_agenda_kind};
use self::fields::Fields;
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::input::{RawDataset, Record, TableKind, Value, schema};
use crate::model::*;
use crate::text::{Date, loose_key, sentence_case_body, slug};

/// Validates the dataset. `None` when there is any error (all of them are in `diags`).
pub fn validate(raw: &RawDataset, diags: &mut Diagnostics) -> Option<Dataset> {
    let mut v = Validator { raw, diags, broken_ids: std::collections::HashSet::new() };
    let settings = v.settings();
    let groups = v.groups();
    let delegates = v.delegates(&groups);
    let awards = v.awards(&delegates);
    let agenda = v.agenda(&delegates);
    let hall = v.hall(&groups);
    let signings = v.signings();
    let products = v.products();
    let targets = v.targets();
    let report = v.report();
    if let Some(s) = &settings {
        v.check_dates(s, !awards.is_empty());
        v.check_amounts(&s.awards, &awards);
        v.note_unlinked_awards(&awards);
        v.check_products(&s.report.district_order, &products);
    }
    if v.diags.has_errors() {
        return None;
    }
    let s = settings?;
    Some(Dataset {
        id: s.id,
        file: raw.file.clone(),
        conference: s.conference,
        issuer: s.issuer,
        contact: s.contact,
        ceremony: s.ceremony,
        font: s.font,
        invitation: s.docs[0].clone(),
        decision: s.docs[1].clone(),
        report_doc: s.docs[2].clone(),
        script: s.docs[3].clone(),
        groups,
        delegates,
        awards,
        agenda,
        hall,
        signings,
        products,
        targets,
        report,
        hall_loc: raw.table(TableKind::Hall).loc.clone(),
        honour_side: s.honour_side,
        award_settings: s.awards,
        report_settings: s.report,
    })
}

struct Settings {
    id: String,
    conference: Conference,
    issuer: Issuer,
    contact: Contact,
    ceremony: Ceremony,
    font: FontChoice,
    docs: Vec<DocSettings>,
    honour_side: HonourSide,
    awards: AwardSettings,
    report: ReportSettings,
}

struct Validator<'a> {
    raw: &'a RawDataset,
    diags: &'a mut Diagnostics,
    /// `Mã` of delegate rows that have errors of their own: references to them are not
    /// reported again (one mistake, one message).
    broken_ids: std::collections::HashSet<String>,
}

fn src(record: &Record) -> Src {
    Src { origin: record.origin.clone(), cells: record.cells.iter().map(|(k, c)| (*k, c.loc.clone())).collect() }
}

/// Lines of a multi-line setting, with list markers and final punctuation removed.
fn lines(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.lines()
            .map(|l| {
                l.trim().trim_start_matches(['-', '+', '•', '*']).trim().trim_end_matches([';', ',']).trim().to_string()
            })
            .filter(|l| !l.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn setting_loc(&self, key: &str) -> Loc {
        match self.raw.settings.get(key) {
            Some(c) => c.loc.clone(),
            None => self.raw.settings_loc.clone(),
        }
    }

    /// Document dates against the meeting: an invitation dated after the meeting, or a
    /// date months away from it (a year typed wrong), is probably a slip.
    fn check_dates(&mut self, s: &Settings, has_awards: bool) {
        let meeting = s.conference.date;
        let names = [("Giấy mời", "the invitation"), ("Quyết định", "the decision"), ("Báo cáo", "the report")];
        for (i, (_, kind)) in schema::DOCUMENT_KINDS.iter().enumerate().take(3) {
            let key = format!("documents.{kind}.date");
            let Some(date) = s.docs[i].date else {
                if i == 1 && has_awards {
                    self.push(
                        Diagnostic::warning(
                            "decision-date",
                            self.setting_loc(&key),
                            Text::new(
                                "Quyết định khen thưởng chưa có ngày: in “ngày … tháng … năm”, căn cứ pháp lý chọn theo ngày họp",
                                "the award decision has no date: printed blank, its legal grounds chosen by the meeting date",
                            ),
                        )
                        .with_hint(Text::new("điền “Quyết định: Ngày” khi đã ký", "fill in “Quyết định: Ngày” once it is signed")),
                    );
                }
                continue;
            };
            let days = date.days_from_epoch() - meeting.days_from_epoch();
            let (vi_doc, en_doc) = names[i];
            let said = if i < 2 && days > 0 {
                Some((
                    format!("{vi_doc} ghi ngày {} — sau ngày họp {}", date.dmy(), meeting.dmy()),
                    format!("{en_doc} is dated {}, after the meeting on {}", date.dmy(), meeting.dmy()),
                ))
            } else if days.abs() > 180 {
                Some((
                    format!("{vi_doc} ghi ngày {}, cách ngày họp {} hơn 6 tháng", date.dmy(), meeting.dmy()),
                    format!(
                        "{en_doc} is dated {}, more than 6 months from the meeting on {}",
                        date.dmy(),
                        meeting.dmy()
                    ),
                ))
            } else {
                None
            };
            if let Some((vi, en)) = said {
                self.push(
                    Diagnostic::warning("date-mismatch", self.setting_loc(&key), Text::new(vi, en))
                        .with_hint(Text::new("kiểm tra lại ngày, tháng, năm", "check the day, month and year")),
                );
            }
        }
    }

    /// Products the report cannot place: a district outside `Báo cáo: Thứ tự huyện`
    /// (`H. Na Hang` is found; `Huyện Na Hng` is not), a producer kind that is none of
    /// Biểu 4's four. Said once per distinct value, at its first cell.
    fn check_products(&mut self, district_order: &[String], products: &[Product]) {
        use crate::stats::{PRODUCER_KINDS, district_key, kind_key};
        let known: Vec<String> = district_order.iter().map(|d| district_key(d)).collect();
        let mut said: std::collections::HashSet<String> = std::collections::HashSet::new();
        for p in products {
            if !known.contains(&district_key(&p.district)) && said.insert(format!("d:{}", loose_key(&p.district))) {
                let order = district_order.join(", ");
                self.push(
                    Diagnostic::warning(
                        "unknown-district",
                        p.src.loc("district"),
                        Text::new(
                            format!(
                                "{} không có trong danh sách huyện của báo cáo; báo cáo thêm một dòng riêng cho nó",
                                quote(&p.district)
                            ),
                            format!(
                                "{} is not one of the report's districts; the report gives it a row of its own",
                                quote(&p.district)
                            ),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("sửa cho đúng tên ({order}), hoặc thêm vào “Báo cáo: Thứ tự huyện”"),
                        format!("correct the name ({order}), or add it to “Báo cáo: Thứ tự huyện”"),
                    )),
                );
            }
            if let Some(kind) = &p.producer_kind
                && kind_key(kind).is_none()
                && said.insert(format!("k:{}", loose_key(kind)))
            {
                let kinds = PRODUCER_KINDS.join(", ");
                self.push(
                    Diagnostic::warning(
                        "unknown-producer-kind",
                        p.src.loc("producer_kind"),
                        Text::new(
                            format!(
                                "Loại chủ thể {} không thuộc {kinds}: Biểu 4 tính vào dòng “{}”",
                                quote(kind),
                                crate::stats::OTHER_KIND
                            ),
                            format!(
                                "producer kind {} is none of {kinds}: Biểu 4 counts it under “{}”",
                                quote(kind),
                                crate::stats::OTHER_KIND
                            ),
                        ),
                    )
                    .with_hint(Text::new(format!("chọn một trong: {kinds}"), format!("use one of: {kinds}"))),
                );
            }
        }
    }

    /// A setting's value; a formula error or a formula never computed reads as empty (it
    /// was reported once, at its cell, by [`Validator::report_setting_errors`]).
    fn setting(&self, key: &str) -> &Value {
        static EMPTY: Value = Value::Empty;
        match self.raw.setting(key) {
            Value::Error(_) => &EMPTY,
            v => v,
        }
    }

    fn report_setting_errors(&mut self) {
        let errors: Vec<Diagnostic> = self
            .raw
            .settings
            .values()
            .filter_map(|c| match &c.value {
                Value::Error(e) => Some(fields::excel_error(c.loc.clone(), e)),
                _ => None,
            })
            .collect();
        for d in errors {
            self.push(d);
        }
    }

    fn setting_label(key: &str) -> String {
        schema::setting_by_key(key).map_or_else(|| key.to_string(), |s| s.label.clone())
    }

    /// A setting's text; `None` when empty (a formula error reads as empty: see
    /// [`Validator::setting`]).
    fn setting_text(&mut self, key: &str) -> Option<String> {
        match self.setting(key) {
            Value::Empty => None,
            v => Some(v.display()).filter(|s| !s.trim().is_empty()),
        }
    }

    fn required_setting(&mut self, key: &str, example: &str) -> Option<String> {
        let value = self.setting_text(key);
        // A value the reader already refused (a list or a mapping in YAML) is not also
        // "missing".
        let refused = self.diags.errors().any(|d| d.loc.as_ref() == Some(&self.setting_loc(key)));
        if value.is_none() && !refused {
            let label = Self::setting_label(key);
            let loc = self.setting_loc(key);
            let yaml = matches!(loc, Loc::Yaml { .. }) || matches!(self.raw.settings_loc, Loc::Yaml { .. });
            let (vi, en) = if yaml {
                (format!("thêm khóa `{key}: {example}`"), format!("add the key `{key}: {example}`"))
            } else {
                (
                    format!("điền dòng “{label}” trong sheet “{}”, ví dụ: {example}", schema::SETTINGS_SHEET),
                    format!("fill in the row “{label}” of the “{}” sheet, e.g. {example}", schema::SETTINGS_SHEET),
                )
            };
            self.push(
                Diagnostic::error(
                    "missing-value",
                    loc,
                    Text::new(format!("thiếu {label}"), format!("{label} is missing")),
                )
                .with_hint(Text::new(vi, en)),
            );
        }
        value
    }

    fn setting_date(&mut self, key: &str, required: bool) -> Option<Date> {
        let loc = self.setting_loc(key);
        let value = self.setting(key).clone();
        match value {
            Value::Empty if required => {
                self.required_setting(key, "15/12/2023");
                None
            }
            Value::Empty => None,
            v => {
                let parsed = fields::date_of(&v);
                if parsed.is_none() {
                    self.push(fields::bad_date(loc, &Self::setting_label(key), &v.display()));
                }
                parsed
            }
        }
    }

    fn settings(&mut self) -> Option<Settings> {
        self.report_setting_errors();
        let title = self.required_setting("conference.title", "Hội nghị sơ kết …");
        let date = self.setting_date("conference.date", true);
        let start_time = match self.setting("conference.start_time").clone() {
            Value::Empty => {
                self.required_setting("conference.start_time", "08:00");
                None
            }
            v => {
                let t = fields::time_of(&v);
                if t.is_none() {
                    let loc = self.setting_loc("conference.start_time");
                    self.push(fields::bad_time(loc, &Self::setting_label("conference.start_time"), &v.display()));
                }
                t
            }
        };
        let venue = self.required_setting("conference.venue", "Trung tâm Hội nghị tỉnh");
        let host = self.setting_text("conference.host");
        let duration = self.setting_text("conference.duration");
        let issuer_name = self.required_setting("issuer.name", "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG");
        let code = self.required_setting("issuer.code", "UBND");
        let place = self.required_setting("issuer.place", "Tuyên Quang");
        let parent = self.setting_text("issuer.parent");
        let sentence = self.setting_text("issuer.sentence_name");
        if sentence.is_none()
            && let Some(name) = &issuer_name
            && !loose_key(name).starts_with("uybannhandan")
        {
            let loc = self.setting_loc("issuer.name");
            self.push(
                Diagnostic::warning(
                    "derived-name",
                    loc,
                    Text::new(
                        format!("tên cơ quan trong câu được suy ra là “{}”", sentence_case_body(name)),
                        format!("the body's name inside sentences was derived as “{}”", sentence_case_body(name)),
                    ),
                )
                .with_hint(Text::new(
                    "khai báo “Tên cơ quan trong văn bản” (ví dụ: Sở Nông nghiệp và Phát triển nông thôn) để viết hoa đúng",
                    "give “Tên cơ quan trong văn bản” (e.g. Sở Nông nghiệp và Phát triển nông thôn) for the right capitals",
                )),
            );
        }
        // Read before anything can stop early, so every problem is said at once.
        let contact = Contact { name: self.setting_text("contact.name"), phone: self.phone_setting("contact.phone") };
        let batch_size = match self.setting("ceremony.batch_size").clone() {
            Value::Empty => Some(10),
            v => {
                let n = fields::integer_of(&v).filter(|n| (1..=100).contains(n));
                if n.is_none() {
                    let loc = self.setting_loc("ceremony.batch_size");
                    self.push(fields::bad_number(
                        loc,
                        &Self::setting_label("ceremony.batch_size"),
                        &v.display(),
                        "1–100",
                    ));
                }
                n.map(|n| n as u32)
            }
        };
        let font = match self.setting_text("font") {
            None => FontChoice::Liberation,
            Some(f) => match loose_key(&f).as_str() {
                "liberationserif" | "liberation" => FontChoice::Liberation,
                "timesnewroman" | "times" => FontChoice::TimesNewRoman,
                _ => {
                    let loc = self.setting_loc("font");
                    self.push(fields::bad_choice(loc, "Phông chữ", &f, "Liberation Serif, Times New Roman"));
                    FontChoice::Liberation
                }
            },
        };
        let honour_side = match self.setting_text("seating.second_seat") {
            None => HonourSide::SeatedRight,
            Some(side) => match loose_key(&side).as_str() {
                k if k.starts_with("phai") || k == "right" => HonourSide::SeatedRight,
                k if k.starts_with("trai") || k == "left" => HonourSide::SeatedLeft,
                _ => {
                    let loc = self.setting_loc("seating.second_seat");
                    self.push(fields::bad_choice(
                        loc,
                        "Ghế số 2 bên",
                        &side,
                        "phải (bên phải ghế số 1, mặc định), trái",
                    ));
                    HonourSide::SeatedRight
                }
            },
        };
        let mut docs = Vec::new();
        for (i, (_, kind)) in schema::DOCUMENT_KINDS.iter().enumerate() {
            let k = |f: &str| format!("documents.{kind}.{f}");
            let default_code = match (i, &code) {
                (3, _) | (_, None) => String::new(),
                (_, Some(c)) => format!("{}-{c}", ["GM", "QĐ", "BC"][i]),
            };
            let authority = self.setting_text(&k("signer.authority")).map(|a| {
                a.split(['\n', '|'])
                    .flat_map(|l| l.split(" / "))
                    .map(|l| l.trim().to_uppercase())
                    .filter(|l| !l.is_empty())
                    .collect()
            });
            docs.push(DocSettings {
                number: self.setting_text(&k("number")),
                code: self.setting_text(&k("code")).unwrap_or(default_code),
                date: self.setting_date(&k("date"), false),
                subject: self.setting_text(&k("subject")),
                signer: Signer {
                    name: self.setting_text(&k("signer.name")).unwrap_or_default(),
                    authority: authority.unwrap_or_default(),
                    title: self.setting_text(&k("signer.title")).unwrap_or_default().to_uppercase(),
                },
                recipients: lines(self.setting_text(&k("recipients"))),
                notes: self
                    .setting_text(&k("notes"))
                    .map(|n| n.lines().map(str::to_string).filter(|l| !l.trim().is_empty()).collect())
                    .unwrap_or_default(),
            });
        }
        let awards = self.award_settings(issuer_name.as_deref(), &mut docs);
        let report = ReportSettings {
            district_order: self
                .setting_text("documents.report.district_order")
                .map(|t| {
                    t.split(['\n', ';'])
                        .map(|d| d.trim().trim_start_matches('-').trim().to_string())
                        .filter(|d| !d.is_empty())
                        .collect()
                })
                .unwrap_or_else(|| crate::stats::DEFAULT_DISTRICTS.iter().map(|d| d.to_string()).collect()),
            opening: self.setting_text("documents.report.opening"),
            opening_loc: self.setting_loc("documents.report.opening"),
            closing: self.setting_text("documents.report.closing"),
        };
        let id = match self.setting_text("id") {
            Some(id) => slug(&id),
            None => {
                let t = title.clone().unwrap_or_default();
                let words: Vec<&str> = t.split_whitespace().take(6).collect();
                let year = date.map(|d| d.year.to_string()).unwrap_or_default();
                slug(&format!("{} {year}", words.join(" ")))
            }
        };
        Some(Settings {
            id,
            conference: Conference {
                title: title?,
                date: date?,
                start_time: start_time?,
                venue: venue?,
                host,
                duration,
            },
            issuer: Issuer {
                parent: parent.map(|p| p.to_uppercase()),
                sentence_name: sentence.unwrap_or_else(|| sentence_case_body(issuer_name.as_deref().unwrap_or(""))),
                name: issuer_name?.to_uppercase(),
                code: code?,
                place: place?,
            },
            contact,
            ceremony: Ceremony { batch_size: batch_size? },
            font,
            docs,
            honour_side,
            awards,
            report,
        })
    }

    /// A number setting (amounts, offsets); `None` when empty or wrong (then reported).
    fn setting_number(&mut self, key: &str, range: (f64, f64)) -> Option<f64> {
        let value = self.setting(key).clone();
        let n = match &value {
            Value::Empty => return None,
            Value::Number(n) => Some(*n),
            Value::Text(t) => fields::parse_number(t),
            _ => None,
        }
        .filter(|n| (range.0..=range.1).contains(n));
        if n.is_none() {
            let loc = self.setting_loc(key);
            let range =
                format!("{}–{}", crate::input::raw::format_number(range.0), crate::input::raw::format_number(range.1));
            self.push(fields::bad_number(loc, &Self::setting_label(key), &value.display(), &range));
        }
        n
    }

    /// An amount of money in đồng: a whole number, 0 or at least 1.000 (`3,6` is a
    /// slip for 3.600.000, not 3 đồng).
    fn setting_amount(&mut self, key: &str) -> Option<u64> {
        let n = self.setting_number(key, (0.0, 1e12))?;
        if n.fract() == 0.0 && (n == 0.0 || n >= 1000.0) {
            return Some(n as u64);
        }
        let loc = self.setting_loc(key);
        let label = Self::setting_label(key);
        let value = self.setting(key).display();
        self.push(
            Diagnostic::error(
                "invalid-amount",
                loc,
                Text::new(
                    format!("{label} {} không phải một số tiền tính bằng đồng", quote(&value)),
                    format!("{label} {} is not an amount in đồng", quote(&value)),
                ),
            )
            .with_hint(Text::new("ghi đủ số đồng, ví dụ 3.600.000", "write the whole amount in đồng, e.g. 3.600.000")),
        );
        None
    }

    /// Điều 2 names the money of each kind on the list: one amount without the other
    /// would print "0 đồng".
    fn check_amounts(&mut self, s: &AwardSettings, awards: &[Award]) {
        let kinds = [
            (AwardKind::Collective, s.amount_collective, "documents.decision.amount_collective"),
            (AwardKind::Individual, s.amount_individual, "documents.decision.amount_individual"),
        ];
        if kinds.iter().all(|(_, a, _)| a.is_none()) {
            return;
        }
        for (kind, amount, key) in kinds {
            let count = awards.iter().filter(|a| a.kind == kind).count();
            if amount.is_none() && count > 0 && self.setting(key).is_empty() {
                let label = Self::setting_label(key);
                let what = if kind == AwardKind::Collective { "tập thể" } else { "cá nhân" };
                self.push(
                    Diagnostic::error(
                        "missing-amount",
                        self.setting_loc(key),
                        Text::new(
                            format!("thiếu {label}: danh sách có {count} {what}"),
                            format!("{label} is missing: the list has {count} {what}"),
                        ),
                    )
                    .with_hint(Text::new(
                        "ghi cả hai mức tiền thưởng, hoặc để trống cả hai (Điều 2 ghi “theo quy định hiện hành”)",
                        "give both amounts, or neither (Điều 2 then says “theo quy định hiện hành”)",
                    )),
                );
            }
        }
    }

    /// Award recipients called on stage but not on the delegate list have no invitation
    /// and no seat: said once, with the count, so the organisers can invite them.
    fn note_unlinked_awards(&mut self, awards: &[Award]) {
        let count = |kind| awards.iter().filter(|a| a.kind == kind && a.delegate.is_none()).count();
        let (collectives, individuals) = (count(AwardKind::Collective), count(AwardKind::Individual));
        if collectives + individuals == 0 {
            return;
        }
        let loc = self.raw.table(TableKind::Awards).loc.clone();
        self.push(
            Diagnostic::note(
                "awardee-not-delegate",
                loc,
                Text::new(
                    format!(
                        "{individuals} cá nhân và {collectives} tập thể được khen thưởng không có Mã đại biểu: họ được gọi lên sân khấu nhưng không có Giấy mời, chỗ ngồi"
                    ),
                    format!(
                        "{individuals} individuals and {collectives} collectives receiving awards have no Mã đại biểu: they are called on stage but get no invitation or seat"
                    ),
                ),
            )
            .with_hint(Text::new(
                "thêm họ (hoặc người đại diện tập thể) vào sheet Đại biểu rồi ghi Mã vào cột Mã đại biểu",
                "add them (or the collective's representative) to the Đại biểu sheet and write the Mã in Mã đại biểu",
            )),
        );
    }

    fn award_settings(&mut self, issuer: Option<&str>, docs: &mut [DocSettings]) -> AwardSettings {
        // A Chairman's decision is signed CHỦ TỊCH or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, never TM.
        if let Some(decision) = docs.get_mut(1)
            && decision.signer.authority.iter().any(|a| a.starts_with("TM."))
        {
            let loc = self.setting_loc("documents.decision.signer.authority");
            decision.signer.authority.retain(|a| !a.starts_with("TM."));
            self.push(
                Diagnostic::warning(
                    "decision-authority",
                    loc,
                    Text::new(
                        "Quyết định tặng Bằng khen là của Chủ tịch: không ký “TM.”; dòng này được bỏ",
                        "an award decision is the Chairman's: it is not signed “TM.”; the line is left out",
                    ),
                )
                .with_hint(Text::new(
                    "ghi “KT. CHỦ TỊCH” (Phó Chủ tịch ký) hoặc để trống (Chủ tịch ký)",
                    "write “KT. CHỦ TỊCH” (a Vice-Chairman signs) or leave it empty",
                )),
            );
        }
        let list_form = self.setting_text("documents.decision.list_form");
        let table_form = match list_form.as_deref().map(loose_key) {
            None => false,
            Some(k) if k.starts_with("bang") || k == "table" => true,
            Some(k) if k.starts_with("danhsach") || k == "list" => false,
            Some(_) => {
                let loc = self.setting_loc("documents.decision.list_form");
                let value = list_form.unwrap_or_default();
                self.push(fields::bad_choice(loc, "Quyết định: Dạng danh sách", &value, "danh sách, bảng"));
                false
            }
        };
        let (width_mm, height_mm) = match self.setting_text("certificate.size") {
            None => (420.0, 297.0),
            Some(size) => match certificate_size(&size) {
                Some(wh) => wh,
                None => {
                    let loc = self.setting_loc("certificate.size");
                    self.push(fields::bad_choice(
                        loc,
                        "Bằng khen: Khổ giấy",
                        &size,
                        "A3, A4, hoặc rộng x cao (mm), ví dụ 400x300",
                    ));
                    (420.0, 297.0)
                }
            },
        };
        let blank = match self.setting_text("certificate.mode").as_deref().map(loose_key) {
            None => false,
            Some(k) if k.contains("phoi") || k == "blank" => true,
            Some(k) if k.contains("daydu") || k == "full" => false,
            Some(_) => {
                let loc = self.setting_loc("certificate.mode");
                let value = self.setting_text("certificate.mode").unwrap_or_default();
                self.push(fields::bad_choice(loc, "Bằng khen: Kiểu in", &value, "đầy đủ, in trên phôi"));
                false
            }
        };
        let issuer_upper = issuer.unwrap_or_default().to_uppercase();
        AwardSettings {
            citation: self
                .setting_text("documents.decision.citation")
                .map(|c| crate::text::lowercase_first(c.trim_end_matches('.')))
                .unwrap_or_else(|| "đã có thành tích xuất sắc trong thực hiện nhiệm vụ".into()),
            proposal: self
                .setting_text("documents.decision.proposal")
                .map(|p| p.trim_end_matches(['.', ';']).to_string())
                .unwrap_or_else(|| "Theo đề nghị của Giám đốc Sở Nội vụ".into()),
            authority_line: self
                .setting_text("documents.decision.authority_line")
                .map(|a| a.to_uppercase())
                .unwrap_or_else(|| format!("CHỦ TỊCH {issuer_upper}")),
            executors: self.setting_text("documents.decision.executors").map(|e| e.trim_end_matches(['.', '/']).to_string()).unwrap_or_else(|| {
                "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này".into()
            }),
            amount_collective: self.setting_amount("documents.decision.amount_collective"),
            amount_individual: self.setting_amount("documents.decision.amount_individual"),
            fund_source: self.setting_text("documents.decision.fund_source").map(|f| f.trim_end_matches('.').to_string()),
            table_form,
            golden_book_start: self.setting_number("documents.decision.golden_book_start", (0.0, 1e9)).map(|n| n as u64),
            certificate: CertificateSettings {
                width_mm,
                height_mm,
                blank,
                offset_x: self.setting_number("certificate.offset_x", (-50.0, 50.0)).unwrap_or(0.0),
                offset_y: self.setting_number("certificate.offset_y", (-50.0, 50.0)).unwrap_or(0.0),
            },
        }
    }

    fn phone_setting(&mut self, key: &str) -> Option<String> {
        let (phone, d) = fields::checked_phone(self.setting(key), self.setting_loc(key));
        if let Some(d) = d {
            self.push(d);
        }
        phone
    }

    fn fields<'r>(&'r mut self, kind: TableKind, record: &'r Record) -> Fields<'r> {
        Fields::new(schema::table(kind), record, self.diags)
    }

    fn groups(&mut self) -> Vec<Group> {
        let table = self.raw.table(TableKind::Groups);
        if table.records.is_empty() {
            return DEFAULT_GROUPS
                .iter()
                .map(|(name, _, intro)| Group { name: name.to_string(), intro: Some(intro.to_string()) })
                .collect();
        }
        let mut rows: Vec<(f64, usize, Group)> = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for (i, rec) in table.records.iter().enumerate() {
            let mut f = self.fields(TableKind::Groups, rec);
            let name = f.required("name", "Sở, ban, ngành");
            let order = f.number("order", None);
            let intro = f.text("intro");
            let Some(name) = name else { continue };
            let key = loose_key(&name);
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Nhóm", &name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            // A data group with a default's name keeps the default introduction.
            let intro = intro.or_else(|| {
                DEFAULT_GROUPS.iter().find(|(n, ..)| loose_key(n) == loose_key(&name)).map(|(_, _, i)| i.to_string())
            });
            rows.push((order.unwrap_or(i as f64 + 1.0), i, Group { name, intro }));
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        rows.into_iter().map(|(_, _, g)| g).collect()
    }

    /// The index of a group, matched loosely against its name and (for the default
    /// groups) the other names clerks use.
    fn find_group(groups: &[Group], text: &str) -> Option<usize> {
        let k = loose_key(text);
        groups.iter().position(|g| loose_key(&g.name) == k).or_else(|| {
            let (default, ..) =
                DEFAULT_GROUPS.iter().find(|(_, aliases, _)| aliases.iter().any(|a| loose_key(a) == k))?;
            groups.iter().position(|g| loose_key(&g.name) == loose_key(default))
        })
    }

    fn group_names(groups: &[Group]) -> String {
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join("; ")
    }

    fn delegates(&mut self, groups: &[Group]) -> Vec<Delegate> {
        let table = self.raw.table(TableKind::Delegates);
        if table.records.is_empty() {
            let loc = table.loc.clone().unwrap_or_else(|| Loc::File { file: self.raw.file.clone() });
            self.push(
                Diagnostic::error(
                    "no-delegates",
                    loc,
                    Text::new("chưa có đại biểu nào (sheet “Đại biểu”)", "there are no delegates (sheet “Đại biểu”)"),
                )
                .with_hint(Text::new(
                    "thêm sheet “Đại biểu” với các cột Danh xưng, Họ và tên, Cơ quan, đơn vị, Nhóm",
                    "add a “Đại biểu” sheet with the columns Danh xưng, Họ và tên, Cơ quan, đơn vị, Nhóm",
                )),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut ids: HashMap<String, Loc> = HashMap::new();
        let mut people: HashMap<(String, String), Loc> = HashMap::new();
        let group_list = Self::group_names(groups);
        for rec in &table.records {
            let mut f = self.fields(TableKind::Delegates, rec);
            let honorific_cell = f.choice("honorific", HONORIFICS, false);
            let (name, honorific_in_name) = f.person_name("name", "Nguyễn Văn An");
            let honorific = honorific_cell.or(honorific_in_name);
            if honorific.is_none()
                && rec.value("honorific").is_empty()
                && !matches!(rec.loc("honorific"), Loc::Row { .. })
            {
                f.push(fields::missing(rec.loc("honorific"), "Danh xưng", &choices::canonical(HONORIFICS)));
            }
            let position = f.text("position");
            let organization = f.required("organization", "Sở Tài chính");
            let group_text = f.required("group", "Sở, ban, ngành");
            let rank = f.whole("rank", (0.0, 100_000.0));
            let roles = f.list_choice("roles", ROLES);
            let invited = f.choice("invited", INVITED, false).unwrap_or(true);
            let attendance = f.choice("attendance", ATTENDANCE, false).unwrap_or(Attendance::Unknown);
            // As typed (messages quote it); the hall reads it loosely (`a5`, `A-05`).
            let seat = f.text("seat");
            let phone = f.phone("phone");
            let email = f.email("email");
            let address = f.text("address");
            let note = f.text("note");
            let id_given = f.text("id");
            let group = group_text.as_ref().and_then(|g| {
                let found = Self::find_group(groups, g);
                if found.is_none() {
                    f.push(
                        Diagnostic::error(
                            "invalid-choice",
                            rec.loc("group"),
                            Text::new(
                                format!("Nhóm {} không có trong danh sách nhóm", quote(g)),
                                format!("Nhóm {} is not a known group", quote(g)),
                            ),
                        )
                        .with_hint(Text::new(
                            format!("chọn một trong: {group_list}; hoặc thêm nhóm này vào sheet “Nhóm”"),
                            format!("use one of: {group_list}; or add the group to the “Nhóm” sheet"),
                        )),
                    );
                }
                found
            });
            let (Some(honorific), Some(name), Some(organization), Some(group)) = (honorific, name, organization, group)
            else {
                if let Some(id) = &id_given {
                    self.broken_ids.insert(id.to_uppercase());
                }
                continue;
            };
            // The same person twice (a row copied, no Mã to tell them apart).
            let person = (loose_key(&name), loose_key(&organization));
            if id_given.is_none()
                && let Some(first) = people.get(&person)
            {
                self.push(
                    Diagnostic::warning(
                        "duplicate-person",
                        rec.loc("name"),
                        Text::new(
                            format!(
                                "{} ({}) đã có ở {}: hai dòng cho cùng một người?",
                                quote(&name),
                                organization,
                                first.short()
                            ),
                            format!(
                                "{} ({}) is already listed at {}: the same person twice?",
                                quote(&name),
                                organization,
                                first.short()
                            ),
                        ),
                    )
                    .with_hint(Text::new(
                        "xóa dòng trùng; nếu là hai người khác nhau, ghi Mã cho cả hai",
                        "delete the copy; if they are two people, give both a Mã",
                    )),
                );
            }
            people.entry(person).or_insert_with(|| rec.loc("name"));
            let id = match id_given {
                Some(id) => {
                    let key = id.to_uppercase();
                    if let Some(first) = ids.get(&key) {
                        let d = fields::duplicate(rec.loc("id"), "Mã", &id, first);
                        self.push(d);
                        continue;
                    }
                    ids.insert(key, rec.loc("id"));
                    id
                }
                None => {
                    let initials: String = slug(&organization).split('-').filter_map(|w| w.chars().next()).collect();
                    let base = format!("{}-{initials}", slug(&name));
                    let mut id = base.clone();
                    let mut n = 2;
                    while ids.contains_key(&id.to_uppercase()) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    ids.insert(id.to_uppercase(), rec.loc("name"));
                    id
                }
            };
            out.push(Delegate {
                id,
                honorific,
                name,
                position,
                organization,
                group,
                rank,
                roles,
                invited,
                attendance,
                seat,
                phone,
                email,
                address,
                note,
                src: src(rec),
            });
        }
        out
    }

    fn awards(&mut self, delegates: &[Delegate]) -> Vec<Award> {
        let table = self.raw.table(TableKind::Awards);
        let broken = self.broken_ids.clone();
        let mut out = Vec::new();
        let mut seen: HashMap<(String, String), Loc> = HashMap::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Awards, rec);
            let kind = f.choice("kind", AWARD_KINDS, true);
            let honorific_cell = f.choice("honorific", HONORIFICS, false);
            let (name, honorific_in_name) = if kind == Some(AwardKind::Individual) {
                f.person_name("name", "Lê Văn Hùng")
            } else {
                (f.required("name", "Hợp tác xã Sơn Trà"), None)
            };
            let honorific = honorific_cell.or(honorific_in_name);
            // `Chức vụ, đơn vị` in one column, or `Chức vụ` and `Đơn vị` in two.
            let unit = f.text("unit").or_else(|| {
                let (position, org) = (f.text("position"), f.text("organization"));
                (position.is_some() || org.is_some())
                    .then(|| crate::text::position_with_organization(position.as_deref(), org.as_deref().unwrap_or("")))
            });
            let achievement = f.text("achievement");
            let form = f.text("form").unwrap_or_else(|| "Bằng khen".to_string());
            // The Chairman's decision gives Bằng khen only; a Giấy khen (given by a
            // department's or district's head) or another form would be printed as a
            // Bằng khen and counted in its money.
            if !loose_key(&form).starts_with("bangkhen") {
                f.push(
                    Diagnostic::error(
                        "award-form",
                        rec.loc("form"),
                        Text::new(
                            format!("Hình thức {} không thuộc Quyết định tặng Bằng khen này", quote(&form)),
                            format!("the form {} does not belong in this decision on the Bằng khen", quote(&form)),
                        ),
                    )
                    .with_hint(Text::new(
                        "để trống hoặc ghi “Bằng khen”; người nhận hình thức khác (Giấy khen …) lập danh sách riêng, xóa khỏi sheet này",
                        "leave it empty or write “Bằng khen”; awards of another form (Giấy khen …) go in a separate list, not this sheet",
                    )),
                );
            }
            let proposer = f.text("proposer");
            let delegate_ref = f.text("delegate_id");
            if kind == Some(AwardKind::Individual) {
                if honorific.is_none() && rec.value("honorific").is_empty() {
                    f.push(fields::missing(rec.loc("honorific"), "Danh xưng", "Ông / Bà"));
                }
                if unit.is_none() {
                    let has_column = |k: &str| !matches!(rec.origin.field_loc(k), Loc::Row { .. });
                    let key =
                        ["unit", "position", "organization"].into_iter().find(|k| has_column(k)).unwrap_or("unit");
                    f.push(fields::missing(
                        rec.loc(key),
                        "Chức vụ, đơn vị",
                        "Giám đốc Hợp tác xã Sơn Trà, huyện Na Hang",
                    ));
                }
            }
            let delegate = delegate_ref.as_ref().and_then(|r| {
                let found = delegates
                    .iter()
                    .position(|d| d.id.eq_ignore_ascii_case(r) || d.id.to_uppercase() == r.to_uppercase());
                if found.is_none() && !delegates.is_empty() && !broken.contains(&r.to_uppercase()) {
                    f.push(fields::unknown_delegate(rec.loc("delegate_id"), r, false));
                }
                found
            });
            let (Some(kind), Some(name)) = (kind, name) else { continue };
            let key = (loose_key(&name), loose_key(unit.as_deref().unwrap_or("")));
            if let Some(first) = seen.get(&key) {
                let d = fields::duplicate(rec.loc("name"), "Tên tập thể, cá nhân", &name, first);
                self.push(d);
                continue;
            }
            seen.insert(key, rec.loc("name"));
            out.push(Award { kind, honorific, name, unit, achievement, form, proposer, delegate, src: src(rec) });
        }
        out
    }

    fn agenda(&mut self, delegates: &[Delegate]) -> Vec<AgendaItem> {
        let table = self.raw.table(TableKind::Agenda);
        let broken = self.broken_ids.clone();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in delegates.iter().enumerate() {
            by_id.insert(d.id.to_uppercase(), i);
            by_name.entry(loose_key(&d.name)).or_default().push(i);
        }
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Agenda, rec);
            let time = f.time("time");
            let minutes = f.whole("minutes", (0.0, 1440.0));
            if minutes.is_none() && rec.value("minutes").is_empty() {
                f.push(fields::missing(rec.loc("minutes"), "Thời lượng (phút)", "15"));
            }
            let title = f.required("title", "Báo cáo đánh giá kết quả thực hiện Chương trình OCOP");
            let by_text = f.text("by");
            let kind = match f.text("kind") {
                None => title.as_deref().map_or(AgendaKind::Khac, infer_agenda_kind),
                Some(k) => match agenda_kind(&k) {
                    Some(kind) => kind,
                    None => {
                        let codes = AgendaKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ");
                        f.push(fields::bad_choice(rec.loc("kind"), "Loại", &k, &codes));
                        AgendaKind::Khac
                    }
                },
            };
            let mc = f.text("mc");
            let note = f.text("note");
            let by = by_text.map(|t| {
                if let Some(&i) = by_id.get(&t.to_uppercase()) {
                    return Some(Performer::Delegate(i));
                }
                // `Đồng chí Nguyễn Thế Giang, Phó Chủ tịch UBND tỉnh` names a delegate too.
                let bare = fields::split_honorific(&t).map_or_else(|| t.clone(), |(_, rest)| rest);
                let bare = bare.split(',').next().unwrap_or(&bare).trim().to_string();
                let found = by_name.get(&loose_key(&t)).or_else(|| by_name.get(&loose_key(&bare)));
                // Loose keys drop the tones (`Thành` = `Thanh`): among several, the one
                // written exactly so is meant.
                let exact: Vec<usize> = found
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|i| {
                        let name = delegates[*i].name.to_lowercase();
                        name == t.to_lowercase() || name == bare.to_lowercase()
                    })
                    .collect();
                if let [i] = exact.as_slice() {
                    return Some(Performer::Delegate(*i));
                }
                match found.map(Vec::as_slice) {
                    Some([i]) => return Some(Performer::Delegate(*i)),
                    Some(many) if many.len() > 1 => {
                        let ids = many.iter().map(|i| delegates[*i].id.as_str()).collect::<Vec<_>>().join(", ");
                        f.push(
                            Diagnostic::error(
                                "ambiguous-reference",
                                rec.loc("by"),
                                Text::new(
                                    format!("có nhiều đại biểu tên {}", quote(&t)),
                                    format!("several delegates are named {}", quote(&t)),
                                ),
                            )
                            .with_hint(Text::new(
                                format!("ghi Mã đại biểu thay cho tên: {ids}"),
                                format!("write the delegate's Mã instead: {ids}"),
                            )),
                        );
                        return None;
                    }
                    _ => {}
                }
                if fields::looks_like_id(&t) {
                    if !delegates.is_empty() && !broken.contains(&t.to_uppercase()) {
                        f.push(fields::unknown_delegate(rec.loc("by"), &t, true));
                    }
                    return None;
                }
                Some(Performer::Text(t))
            });
            let (Some(minutes), Some(title)) = (minutes, title) else { continue };
            out.push(AgendaItem { time, minutes, title, by: by.flatten(), kind, mc, note, src: src(rec) });
        }
        out
    }

    fn hall(&mut self, groups: &[Group]) -> Vec<HallBlock> {
        let table = self.raw.table(TableKind::Hall);
        let mut out = Vec::new();
        let group_list = Self::group_names(groups);
        for rec in &table.records {
            let mut f = self.fields(TableKind::Hall, rec);
            let block = f.required("block", "Giữa");
            let row = f.required("row", "A").map(|r| r.replace(' ', "").to_uppercase());
            let seats = f.whole("seats", (1.0, 1000.0));
            if seats.is_none() && rec.value("seats").is_empty() {
                f.push(fields::missing(rec.loc("seats"), "Số ghế", "12"));
            }
            let mut reserved = Vec::new();
            for name in f
                .text("reserved_for")
                .iter()
                .flat_map(|t| t.split([';', '\n']))
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                match Self::find_group(groups, name) {
                    Some(g) => reserved.push(g),
                    None => f.push(fields::bad_choice(rec.loc("reserved_for"), "Dành cho nhóm", name, &group_list)),
                }
            }
            let (Some(block), Some(row), Some(seats)) = (block, row, seats) else { continue };
            out.push(HallBlock { block, row, seats, reserved_for: reserved, src: src(rec) });
        }
        out
    }

    fn signings(&mut self) -> Vec<Signing> {
        let table = self.raw.table(TableKind::Signings);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Signings, rec);
            let a = f.required("party_a", "Hợp tác xã Sơn Trà");
            let b = f.required("party_b", "Công ty TNHH Thương mại …");
            let subject = f.text("subject");
            if let (Some(party_a), Some(party_b)) = (a, b) {
                // The same pair twice would be called to the stage twice.
                let key = |x: &str, y: &str, z: &Option<String>| {
                    (loose_key(x), loose_key(y), loose_key(z.as_deref().unwrap_or("")))
                };
                if let Some(first) = out
                    .iter()
                    .find(|s: &&Signing| key(&s.party_a, &s.party_b, &s.subject) == key(&party_a, &party_b, &subject))
                {
                    let first = first.src.loc("party_a").short();
                    f.push(
                        Diagnostic::warning(
                            "duplicate-signing",
                            rec.loc("party_a"),
                            Text::new(
                                format!("cặp ký kết {} – {} trùng với {first}", quote(&party_a), quote(&party_b)),
                                format!("the signing {} – {} repeats {first}", quote(&party_a), quote(&party_b)),
                            ),
                        )
                        .with_hint(Text::new("xóa một trong hai dòng", "delete one of the two rows")),
                    );
                }
                out.push(Signing { party_a, party_b, subject, src: src(rec) });
            }
        }
        out
    }

    fn products(&mut self) -> Vec<Product> {
        let table = self.raw.table(TableKind::Products);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Products, rec);
            let name = f.required("name", "Chè Shan tuyết Hồng Thái");
            let producer = f.required("producer", "Hợp tác xã Sơn Trà");
            let producer_kind = f.text("producer_kind");
            let address = f.text("address");
            let district = f.required("district", "Huyện Na Hang");
            let group = f.required("product_group", "Thực phẩm").and_then(|g| {
                let k = loose_key(&g);
                let found = OLD_PRODUCT_GROUPS.iter().find(|(_, names)| names.iter().any(|n| loose_key(n) == k));
                match found {
                    Some((i, names)) => {
                        if loose_key(names[0]) != k {
                            f.push(
                                Diagnostic::warning(
                                    "old-vocabulary",
                                    rec.loc("product_group"),
                                    Text::new(
                                        format!(
                                            "Nhóm sản phẩm {} được hiểu là “{}” (QĐ 148/QĐ-TTg)",
                                            quote(&g),
                                            PRODUCT_GROUPS[*i]
                                        ),
                                        format!(
                                            "product group {} read as “{}” (Decision 148/QĐ-TTg)",
                                            quote(&g),
                                            PRODUCT_GROUPS[*i]
                                        ),
                                    ),
                                )
                                .with_hint(Text::new(
                                    "dùng tên nhóm của QĐ 148/QĐ-TTg",
                                    "use the group names of Decision 148/QĐ-TTg",
                                )),
                            );
                        }
                        Some(*i)
                    }
                    None => {
                        f.push(fields::bad_choice(
                            rec.loc("product_group"),
                            "Nhóm sản phẩm",
                            &g,
                            &PRODUCT_GROUPS.join("; "),
                        ));
                        None
                    }
                }
            });
            let stars = f.stars("stars");
            let year = f.whole("year", (2000.0, 2100.0)).map(|y| y as i32);
            if year.is_none() && rec.value("year").is_empty() {
                f.push(fields::missing(rec.loc("year"), "Năm công nhận", "2023"));
            }
            let decision = f.text("decision");
            let (Some(name), Some(producer), Some(district), Some(group), Some(stars), Some(year)) =
                (name, producer, district, group, stars, year)
            else {
                continue;
            };
            out.push(Product {
                name,
                producer,
                producer_kind,
                address,
                district,
                group,
                stars,
                year,
                decision,
                src: src(rec),
            });
        }
        out
    }

    fn targets(&mut self) -> Vec<Target> {
        let table = self.raw.table(TableKind::Targets);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Targets, rec);
            let name = f.required("name", "Số sản phẩm OCOP đạt 3 sao trở lên");
            let year = f.whole("year", (2000.0, 2100.0)).map(|y| y as i32);
            let planned = f.number("planned", Some((0.0, 1e12)));
            if planned.is_none() && rec.value("planned").is_empty() {
                f.push(fields::missing(rec.loc("planned"), "Kế hoạch", "40"));
            }
            let achieved = f.number("achieved", Some((0.0, 1e12)));
            if let Some(name) = &name
                && achieved.is_none()
                && rec.value("achieved").is_empty()
                && crate::stats::target_metric(name).is_none()
            {
                f.push(
                    Diagnostic::error(
                        "target-not-countable",
                        rec.loc("name"),
                        Text::new(
                            format!("chỉ tiêu {} không đếm được từ danh sách sản phẩm OCOP", quote(name)),
                            format!("the target {} cannot be counted from the OCOP product list", quote(name)),
                        ),
                    )
                    .with_hint(Text::new(
                        "ghi kết quả vào cột “Đạt được” (thêm cột nếu chưa có); vanthu tự đếm chỉ các chỉ tiêu “Số sản phẩm …” và “Số chủ thể …”",
                        "write the result in the “Đạt được” column (add it if missing); vanthu counts only “Số sản phẩm …” and “Số chủ thể …” targets itself",
                    )),
                );
            }
            if let (Some(name), Some(planned)) = (name, planned) {
                out.push(Target { name, year, planned, achieved, src: src(rec) });
            }
        }
        out
    }

    fn report(&mut self) -> Vec<ReportSection> {
        let table = self.raw.table(TableKind::Report);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Report, rec);
            let heading = f.required("heading", "I. KẾT QUẢ THỰC HIỆN");
            let body = f.required("body", "…");
            if let (Some(heading), Some(body)) = (heading, body) {
                out.push(ReportSection { heading, body, src: src(rec) });
            }
        }
        out
    }
}

/// Checks that every character of every text cell is in the font, so nothing is dropped
/// silently from a document. `covers` answers for one character.
pub fn check_glyphs(raw: &RawDataset, covers: &dyn Fn(char) -> bool, diags: &mut Diagnostics) {
    let mut report = |value: &Value, loc: &Loc| {
        let Value::Text(s) = value else { return };
        let missing: Vec<char> = s.chars().filter(|c| !c.is_control() && !covers(*c)).collect();
        if missing.is_empty() {
            return;
        }
        let mut shown: Vec<String> = missing.iter().map(|c| format!("“{c}” (U+{:04X})", *c as u32)).collect();
        shown.dedup();
        let list = shown.join(", ");
        diags.push(
            Diagnostic::error(
                "missing-glyph",
                loc.clone(),
                Text::new(
                    format!("phông chữ không có ký tự {list}: ký tự này sẽ không in ra được"),
                    format!("the font has no glyph for {list}: it would not print"),
                ),
            )
            .with_hint(Text::new(
                "xóa hoặc thay ký tự đó (biểu tượng cảm xúc, chữ Hán, ký tự lạ dán từ web)",
                "remove or replace that character (emoji, CJK, stray characters pasted from the web)",
            )),
        );
    };
    for cell in raw.settings.values() {
        report(&cell.value, &cell.loc);
    }
    for table in raw.tables.values() {
        for rec in &table.records {
            // `★★★` in Hạng sao is read as 3 and never printed as typed.
            for (_, cell) in rec.cells.iter().filter(|(k, _)| **k != "stars") {
                report(&cell.value, &cell.loc);
            }
        }
    }
}
