//! The settings sheet (`Hội nghị`): the conference, the issuer, each document's settings, the award decision's and the report's.

use super::award_settings::{DecisionDefaults, IssuerName};
use super::fields::{self};
use super::{Validator, lines};
use crate::diag::{Diagnostic, Loc, Text};
use crate::input::{Value, schema};
use crate::model::*;
use crate::text::{Date, Time, loose_key, sentence_case_body, slug};

pub(super) struct Settings {
    pub(super) id: String,
    pub(super) conference: Conference,
    pub(super) issuer: Issuer,
    pub(super) contact: Contact,
    pub(super) ceremony: Ceremony,
    pub(super) font: FontChoice,
    pub(super) docs: Vec<DocSettings>,
    pub(super) honour_side: HonourSide,
    pub(super) awards: AwardSettings,
    pub(super) decision_defaults: DecisionDefaults,
    pub(super) report: ReportSettings,
}

impl Validator<'_> {
    /// A setting's value; a formula error or a formula never computed reads as empty (it
    /// was reported once, at its cell, by [`Validator::report_setting_errors`]).
    pub(super) fn setting(&self, key: &str) -> &Value {
        static EMPTY: Value = Value::Empty;
        match self.raw.setting(key) {
            Value::Error(_) => &EMPTY,
            v => v,
        }
    }

    pub(super) fn report_setting_errors(&mut self) {
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

    pub(super) fn setting_label(key: &str) -> String {
        schema::setting_by_key(key).map_or_else(|| key.to_string(), |s| s.label.clone())
    }

    /// A setting's text; `None` when empty (a formula error reads as empty: see
    /// [`Validator::setting`]).
    pub(super) fn setting_text(&mut self, key: &str) -> Option<String> {
        match self.setting(key) {
            Value::Empty => None,
            v => Some(v.display()).filter(|s| !s.trim().is_empty()),
        }
    }

    pub(super) fn required_setting(&mut self, key: &str, example: &str) -> Option<String> {
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

    pub(super) fn setting_date(&mut self, key: &str, required: bool) -> Option<Date> {
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

    pub(super) fn settings(&mut self) -> Option<Settings> {
        self.report_setting_errors();
        let title = self.required_setting("conference.title", "Hội nghị sơ kết …");
        let date = self.setting_date("conference.date", true);
        let start_time = self.start_time();
        let venue = self.required_setting("conference.venue", "Trung tâm Hội nghị tỉnh");
        let host = self.setting_text("conference.host");
        let duration = self.setting_text("conference.duration");
        let issuer_name = self.required_setting("issuer.name", "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG");
        let code = self.required_setting("issuer.code", "UBND");
        let place = self.required_setting("issuer.place", "Tuyên Quang");
        let parent = self.setting_text("issuer.parent");
        let sentence = self.setting_text("issuer.sentence_name");
        if sentence.is_none() {
            self.warn_derived_name(issuer_name.as_deref());
        }
        // Read before anything can stop early, so every problem is said at once.
        let contact = Contact { name: self.setting_text("contact.name"), phone: self.phone_setting("contact.phone") };
        let batch_size = self.batch_size();
        let font = self.font();
        let honour_side = self.honour_side();
        let mut docs = self.doc_settings(code.as_deref());
        let sentence_name = sentence.unwrap_or_else(|| sentence_case_body(issuer_name.as_deref().unwrap_or("")));
        let issuer_parts = issuer_name.as_deref().zip(place.as_deref()).map(|(name, place)| IssuerName {
            name,
            sentence_name: &sentence_name,
            place,
            parent: parent.as_deref(),
        });
        let (awards, decision_defaults) = self.award_settings(issuer_parts, &mut docs);
        let report = self.report_settings();
        let id = self.conference_id(title.as_deref(), date);
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
                sentence_name,
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
            decision_defaults,
            report,
        })
    }

    /// `Giờ bắt đầu`: required, an Excel time or `08:00`, `8h30`.
    fn start_time(&mut self) -> Option<Time> {
        match self.setting("conference.start_time").clone() {
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
        }
    }

    /// A body whose name is not `Ủy ban nhân dân …` gets its sentence form derived, and said
    /// (`Sở Tài chính` cannot be derived from `SỞ TÀI CHÍNH`).
    fn warn_derived_name(&mut self, issuer_name: Option<&str>) {
        let Some(name) = issuer_name else { return };
        if loose_key(name).starts_with("uybannhandan") {
            return;
        }
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

    /// `Số người lên sân khấu mỗi đợt`: 1–100, 10 when empty.
    fn batch_size(&mut self) -> Option<u32> {
        match self.setting("ceremony.batch_size").clone() {
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
        }
    }

    /// `Phông chữ`: Liberation Serif (default) or Times New Roman.
    fn font(&mut self) -> FontChoice {
        match self.setting_text("font") {
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
        }
    }

    /// `Ghế số 2 bên`: the side of honour.
    fn honour_side(&mut self) -> HonourSide {
        match self.setting_text("seating.second_seat") {
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
        }
    }

    /// Each document kind's number, symbol (`GM-UBND` by default), date, subject, signer,
    /// recipients and notes.
    fn doc_settings(&mut self, code: Option<&str>) -> Vec<DocSettings> {
        let mut docs = Vec::new();
        for (i, (_, kind)) in schema::DOCUMENT_KINDS.iter().enumerate() {
            let k = |f: &str| format!("documents.{kind}.{f}");
            let default_code = match (i, code) {
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
        docs
    }

    /// The summary report's own settings.
    fn report_settings(&mut self) -> ReportSettings {
        ReportSettings {
            district_order: self
                .setting_text("documents.report.district_order")
                .map(|t| {
                    t.split(['\n', ';'])
                        .map(|d| d.trim().trim_start_matches('-').trim().to_string())
                        .filter(|d| !d.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            opening: self.setting_text("documents.report.opening"),
            opening_loc: self.setting_loc("documents.report.opening"),
            closing: self.setting_text("documents.report.closing"),
        }
    }

    /// `Mã hội nghị`, or one derived from the title's first words and the year.
    fn conference_id(&mut self, title: Option<&str>, date: Option<Date>) -> String {
        match self.setting_text("id") {
            Some(id) => slug(&id),
            None => {
                let t = title.unwrap_or_default();
                let words: Vec<&str> = t.split_whitespace().take(6).collect();
                let year = date.map(|d| d.year.to_string()).unwrap_or_default();
                slug(&format!("{} {year}", words.join(" ")))
            }
        }
    }

    /// A number setting (amounts, offsets); `None` when empty or wrong (then reported).
    pub(super) fn setting_number(&mut self, key: &str, range: (f64, f64)) -> Option<f64> {
        let value = self.setting(key).clone();
        let n = match &value {
            Value::Empty => return None,
            Value::Number(n) => Some(*n),
            Value::Text(t) => crate::text::parse_number(t),
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

    /// An amount in đồng (`3.600.000`, `3600000đ`), or `theo quy định`.
    pub(super) fn setting_amount(&mut self, key: &str) -> Option<Amount> {
        let value = self.setting(key).clone();
        match fields::amount_of(&value) {
            Ok(a) => a,
            Err(()) => {
                let loc = self.setting_loc(key);
                let label = Self::setting_label(key);
                self.push(fields::bad_amount(loc, &label, &value.display()));
                None
            }
        }
    }

    pub(super) fn phone_setting(&mut self, key: &str) -> Option<String> {
        let (phone, d) = fields::checked_phone(self.setting(key), self.setting_loc(key));
        if let Some(d) = d {
            self.push(d);
        }
        phone
    }
}
