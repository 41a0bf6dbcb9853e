//! The award decisions (`Quyết định` sheet, optional): each nominee goes into the decision
//! its `Quyết định` cell names, else the one of its form; nominees of a form no row names
//! get a decision of their own with the `Quyết định: …` settings. A decision confers one
//! form or title, by an authority that may confer it on the decision's date, and names each
//! recipient once.

use std::collections::HashMap;

use super::award_settings::DecisionDefaults;
use super::awards::{conferrer_of, unknown_authority};
use super::choices::{INVITED, pick};
use super::fields::{self, Fields};
use super::{Validator, lines, src};
use crate::diag::{Diagnostic, Loc, Text, quote};
use crate::input::{Record, TableKind};
use crate::model::{
    Amount, Award, AwardKind, AwardSettings, AwardType, Conferrer, Decision, DocSettings, Handing, Level, Signer,
    TWO_TIER_REFORM,
};
use crate::text::{Date, loose_key};

/// A row of the `Quyết định` sheet before its awards are known.
struct Row {
    key: Option<String>,
    /// The authority the row names, when it does.
    conferrer: Option<Conferrer>,
    /// The form the row names (else its nominees'), and whether it prints certificates.
    form: Option<AwardType>,
    certificates: Option<bool>,
    /// `Cách trao`, when the row says.
    handing: Option<Handing>,
    decision: Decision,
    loc: Loc,
}

impl Validator<'_> {
    /// The decisions of the nominees `awards`. `doc`: the `Quyết định: …` settings; `meeting`:
    /// the conference's date (the decision's when it has none).
    pub(super) fn decisions(
        &mut self,
        awards: &[Award],
        settings: &AwardSettings,
        defaults: &DecisionDefaults,
        doc: &DocSettings,
        meeting: Date,
    ) -> Vec<Decision> {
        let mut rows = self.decision_rows(settings, defaults, doc);
        let mut auto: Vec<Decision> = Vec::new();
        // Sheet rows in sheet order first; then a decision per form no row names, in the
        // order their first nominee comes.
        let mut placed: Vec<(usize, usize)> = Vec::new(); // (award, decision: rows then auto)
        let date = doc.date.unwrap_or(meeting);
        for (a, award) in awards.iter().enumerate() {
            match self.row_for(award, &rows) {
                Ok(Some(r)) => placed.push((a, r)),
                Ok(None) => {
                    let by = award.conferrer.unwrap_or_else(|| auto_conferrer(award.form, settings, date));
                    let i = match auto.iter().position(|d| d.form == award.form && d.conferrer == by) {
                        Some(i) => i,
                        None => {
                            auto.push(self.default_decision(award.form, by, settings, defaults, doc));
                            auto.len() - 1
                        }
                    };
                    placed.push((a, rows.len() + i));
                }
                Err(d) => self.push(d),
            }
        }
        for (a, d) in placed {
            let target = if d < rows.len() { &mut rows[d].decision } else { &mut auto[d - rows.len()] };
            target.awards.push(a);
        }
        let mut out: Vec<Decision> = Vec::new();
        for row in rows {
            if row.decision.awards.is_empty() {
                self.push(Diagnostic::warning(
                    "empty-decision",
                    row.loc,
                    Text::new(
                        "quyết định này không có ai trong sheet Khen thưởng: không được tạo",
                        "no nominee of the Khen thưởng sheet belongs to this decision: it is not made",
                    ),
                ));
                continue;
            }
            let mut decision = row.decision;
            if row.form.is_none() {
                self.settle_form(&mut decision, awards, row.key.as_deref().unwrap_or(""));
            }
            if row.conferrer.is_none() {
                let first = &awards[decision.awards[0]];
                decision.conferrer = first
                    .conferrer
                    .unwrap_or_else(|| auto_conferrer(decision.form, settings, decision.doc.date.unwrap_or(meeting)));
            }
            decision.certificates =
                row.certificates.or(defaults.certificates).unwrap_or_else(|| decision.form.face().is_some());
            decision.handing = row.handing.unwrap_or_else(|| default_handing(&decision));
            out.push(decision);
        }
        out.extend(auto.into_iter().map(|mut d| {
            d.handing = default_handing(&d);
            d
        }));
        self.apply_single_defaults(&mut out, defaults);
        // One decision alone takes the settings' number (a number is one decision's).
        if out.len() > 1 && doc.number.is_some() {
            self.push(
                Diagnostic::warning(
                    "decision-number",
                    self.setting_loc("documents.decision.number"),
                    Text::new(
                        format!(
                            "có {} quyết định khen thưởng: số ở “Quyết định: Số” không dùng cho quyết định nào",
                            out.len()
                        ),
                        format!(
                            "there are {} award decisions: the number in “Quyết định: Số” is used for none",
                            out.len()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "ghi số của từng quyết định ở cột Số của sheet Quyết định",
                    "give each decision its number in the Số column of the Quyết định sheet",
                )),
            );
            for d in out.iter_mut().filter(|d| d.src.is_none()) {
                d.doc.number = None;
            }
        }
        for d in &out {
            self.check_decision(d, awards, settings, meeting);
        }
        out.sort_by_key(|d| d.awards.first().copied());
        out
    }

    /// The settings' amounts and first Số sổ vàng belong to one decision: they fill its gaps
    /// when it is the only one; with several, each decision gives its own (or its prizes
    /// are computed), and the settings are said to be set aside.
    fn apply_single_defaults(&mut self, out: &mut [Decision], defaults: &DecisionDefaults) {
        if let [only] = out {
            for (kind, amount) in &mut only.amounts {
                if amount.is_none() {
                    *amount = defaults.amounts.iter().find(|(d, _)| d == kind).map(|(_, a)| *a);
                }
            }
            only.golden_book_start = only.golden_book_start.or(defaults.golden_book_start);
            return;
        }
        if defaults.amounts.is_empty() || out.is_empty() {
            return;
        }
        let key = match defaults.amounts[0].0 {
            AwardKind::Collective => "documents.decision.amount_collective",
            AwardKind::Individual => "documents.decision.amount_individual",
            AwardKind::Household => "documents.decision.amount_household",
        };
        self.push(
            Diagnostic::warning(
                "decision-amounts",
                self.setting_loc(key),
                Text::new(
                    format!(
                        "có {} quyết định khen thưởng: mức tiền thưởng ở sheet Hội nghị không dùng cho quyết định nào (mỗi hình thức một mức)",
                        out.len()
                    ),
                    format!("there are {} award decisions: the prize amounts of the settings are used for none (each form has its own)", out.len()),
                ),
            )
            .with_hint(Text::new(
                "ghi tiền thưởng của từng quyết định ở sheet Quyết định, hoặc để trống để tự tính theo hệ số và mức lương cơ sở",
                "give each decision's amounts in the Quyết định sheet, or leave them empty to compute them",
            )),
        );
    }

    /// The row of the `Quyết định` sheet a nominee belongs to: the one its `Quyết định`
    /// cell names, else the one row of its form; `None` when no row is for it.
    fn row_for(&self, award: &Award, rows: &[Row]) -> Result<Option<usize>, Diagnostic> {
        if let Some(key) = &award.decision_key {
            let k = loose_key(key);
            return match rows.iter().position(|r| r.key.as_deref().is_some_and(|rk| loose_key(rk) == k)) {
                Some(r) => match rows[r].form {
                    Some(form) if form != award.form => Err(Diagnostic::error(
                        "decision-form",
                        award.src.loc("form"),
                        Text::new(
                            format!(
                                "quyết định {} là quyết định {}, không phải {}",
                                quote(key),
                                form.name(),
                                award.form.name()
                            ),
                            format!("decision {} confers {}, not {}", quote(key), form.name(), award.form.name()),
                        ),
                    )),
                    _ => Ok(Some(r)),
                },
                None => {
                    let keys: Vec<&str> = rows.iter().filter_map(|r| r.key.as_deref()).collect();
                    let hint = if keys.is_empty() {
                        Text::new(
                            "thêm quyết định này vào sheet Quyết định (cột Mã quyết định), hoặc để trống",
                            "add this decision to the Quyết định sheet (Mã quyết định), or leave the cell empty",
                        )
                    } else {
                        Text::new(
                            format!("các mã có: {}", keys.join(", ")),
                            format!("the keys are: {}", keys.join(", ")),
                        )
                    };
                    Err(Diagnostic::error(
                        "unknown-decision",
                        award.src.loc("decision"),
                        Text::new(
                            format!("không có quyết định {} trong sheet Quyết định", quote(key)),
                            format!("there is no decision {} in the Quyết định sheet", quote(key)),
                        ),
                    )
                    .with_hint(hint))
                }
            };
        }
        let same_form: Vec<usize> = (0..rows.len())
            .filter(|&r| rows[r].form == Some(award.form))
            .filter(|&r| {
                award.conferrer.is_none() || rows[r].conferrer.is_none() || rows[r].conferrer == award.conferrer
            })
            .collect();
        match same_form.as_slice() {
            [] => Ok(None),
            [r] => Ok(Some(*r)),
            _ => Err(Diagnostic::error(
                "ambiguous-decision",
                award.src.loc("decision"),
                Text::new(
                    format!("có {} quyết định {}: ghi Mã quyết định của dòng này", same_form.len(), award.form.name()),
                    format!(
                        "there are {} decisions of {}: give this row its Mã quyết định",
                        same_form.len(),
                        award.form.name()
                    ),
                ),
            )),
        }
    }

    /// The rows of the `Quyết định` sheet.
    fn decision_rows(&mut self, settings: &AwardSettings, defaults: &DecisionDefaults, doc: &DocSettings) -> Vec<Row> {
        let table = self.raw.table(TableKind::Decisions);
        let mut out: Vec<Row> = Vec::new();
        let mut keys: HashMap<String, Loc> = HashMap::new();
        for rec in &table.records {
            let key = {
                let mut f = self.fields(TableKind::Decisions, rec);
                f.text("id")
            };
            if let Some(key) = &key {
                if let Some(first) = keys.get(&loose_key(key)) {
                    self.push(fields::duplicate(rec.loc("id"), "Mã quyết định", key, first));
                    continue;
                }
                keys.insert(loose_key(key), rec.loc("id"));
            }
            let Some(row) = self.decision_row(rec, key, settings, defaults, doc) else { continue };
            out.push(row);
        }
        out
    }

    /// One row of the `Quyết định` sheet: a key or a form (or both), and the settings it
    /// gives, the `Quyết định: …` settings for the rest.
    fn decision_row(
        &mut self,
        rec: &Record,
        key: Option<String>,
        settings: &AwardSettings,
        defaults: &DecisionDefaults,
        doc: &DocSettings,
    ) -> Option<Row> {
        let mut f = self.fields(TableKind::Decisions, rec);
        let conferrer = f.text("authority").and_then(|t| {
            let found = conferrer_of(&t, settings);
            if found.is_none() {
                f.push(unknown_authority(rec.loc("authority"), &t, Some(settings)));
            }
            found
        });
        // A superior's decision starts from nothing of the body's own settings but the
        // texts: its symbol, signer and recipients are the superior's.
        let superior = conferrer == Some(Conferrer::Superior);
        let base = if superior { superior_doc(settings) } else { doc.clone() };
        let doc = &base;
        let form = f.text("form").and_then(|t| {
            let found = AwardType::parse(&t);
            if found.is_none() {
                f.push(
                    Diagnostic::error(
                        "award-form",
                        rec.loc("form"),
                        Text::new(
                            format!(
                                "Hình thức {} không phải một hình thức khen thưởng hay danh hiệu thi đua",
                                quote(&t)
                            ),
                            format!("{} is not a form of commendation or an emulation title", quote(&t)),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("ghi một trong: {}", AwardType::names()),
                        format!("write one of: {}", AwardType::names()),
                    )),
                );
            }
            found
        });
        if key.is_none() && form.is_none() && f.text("form").is_none() {
            f.push(fields::missing(rec.loc("form"), "Hình thức", "Giấy khen"));
            return None;
        }
        let amounts = [AwardKind::Collective, AwardKind::Individual, AwardKind::Household].map(|k| {
            let key = match k {
                AwardKind::Collective => "amount_collective",
                AwardKind::Individual => "amount_individual",
                AwardKind::Household => "amount_household",
            };
            (k, amount_cell(&mut f, rec, key))
        });
        let handing = handing(&mut f, rec);
        let certificates = f.text("certificates").map(|t| {
            let yes = pick(&t, INVITED);
            if yes.is_none() {
                f.push(fields::bad_choice(rec.loc("certificates"), "In giấy chứng nhận", &t, "Có, Không"));
            }
            yes
        });
        let signer_authority = f.text("signer_authority").map(|a| split_authority(&a));
        let decision = Decision {
            key: key.clone(),
            form: form.unwrap_or(AwardType::GiayKhen),
            conferrer: conferrer.unwrap_or(Conferrer::Own),
            awards: Vec::new(),
            doc: DocSettings {
                number: f.text("number"),
                code: f.text("code").unwrap_or_else(|| doc.code.clone()),
                date: f.date("date").or(doc.date),
                subject: f.text("subject"),
                signer: Signer {
                    name: f.text("signer_name").unwrap_or_else(|| doc.signer.name.clone()),
                    authority: signer_authority.unwrap_or_else(|| doc.signer.authority.clone()),
                    title: f.text("signer_title").map(|t| t.to_uppercase()).unwrap_or_else(|| doc.signer.title.clone()),
                },
                recipients: f.text("recipients").map(|r| lines(Some(r))).unwrap_or_else(|| doc.recipients.clone()),
                notes: Vec::new(),
            },
            period: f.period("year").or(defaults.period),
            citation: f
                .text("citation")
                .map(|c| crate::text::lowercase_first(c.trim_end_matches('.')))
                .or_else(|| defaults.citation.clone())
                .unwrap_or_default(),
            proposal: f
                .text("proposal")
                .map(|p| p.trim_end_matches(['.', ';']).to_string())
                .or_else(|| defaults.proposal.clone())
                .unwrap_or_default(),
            executors: f
                .text("executors")
                .map(|e| e.trim_end_matches(['.', '/']).to_string())
                .or_else(|| defaults.executors.clone()),
            amounts,
            fund_source: f
                .text("fund_source")
                .map(|x| x.trim_end_matches('.').to_string())
                .or_else(|| defaults.fund_source.clone()),
            certificates: false,
            handing: handing.unwrap_or(Handing::Stage),
            golden_book_start: f.whole("golden_book_start", (0.0, 1e9)).map(u64::from),
            src: Some(src(rec)),
        };
        Some(Row {
            key,
            conferrer,
            form,
            certificates: certificates.flatten(),
            handing,
            decision,
            loc: rec.origin.loc(),
        })
    }

    /// A decision whose row names no form confers its nominees': one form for all of them.
    fn settle_form(&mut self, decision: &mut Decision, awards: &[Award], key: &str) {
        let first = awards[decision.awards[0]].form;
        decision.form = first;
        if let Some(&other) = decision.awards.iter().find(|&&a| awards[a].form != first) {
            let award = &awards[other];
            self.push(
                Diagnostic::error(
                    "decision-form",
                    award.src.loc("form"),
                    Text::new(
                        format!(
                            "quyết định {} gồm cả {} và {}: mỗi quyết định một hình thức hoặc danh hiệu",
                            quote(key),
                            first.name(),
                            award.form.name()
                        ),
                        format!(
                            "decision {} mixes {} and {}: one form or title per decision",
                            quote(key),
                            first.name(),
                            award.form.name()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "ghi Mã quyết định khác cho dòng này, hoặc ghi Hình thức cho quyết định trong sheet Quyết định",
                    "give this row another Mã quyết định, or the decision its Hình thức in the Quyết định sheet",
                )),
            );
        }
    }

    /// The decision of `form` when the sheet has no row for it: the settings throughout.
    fn default_decision(
        &mut self,
        form: AwardType,
        conferrer: Conferrer,
        settings: &AwardSettings,
        defaults: &DecisionDefaults,
        doc: &DocSettings,
    ) -> Decision {
        let superior = conferrer == Conferrer::Superior;
        if superior && let Some(s) = &settings.superior {
            self.push(Diagnostic::note(
                "superior-decision",
                self.setting_loc("issuer.parent"),
                Text::new(
                    format!("{} do {} tặng: Quyết định in theo thể thức của {}", form.name(), s.full(), s.body),
                    format!(
                        "{} is conferred by the {}: its decision is set out as {}'s",
                        form.name(),
                        s.full(),
                        s.body
                    ),
                ),
            ));
        }
        Decision {
            key: None,
            form,
            conferrer,
            awards: Vec::new(),
            doc: if superior { superior_doc(settings) } else { doc.clone() },
            period: defaults.period,
            citation: defaults.citation.clone().unwrap_or_default(),
            proposal: defaults.proposal.clone().unwrap_or_default(),
            executors: defaults.executors.clone(),
            amounts: [AwardKind::Collective, AwardKind::Individual, AwardKind::Household].map(|k| (k, None)),
            fund_source: defaults.fund_source.clone(),
            certificates: defaults.certificates.unwrap_or_else(|| form.face().is_some()),
            handing: Handing::Stage,
            golden_book_start: None,
            src: None,
        }
    }

    /// A decision's awards: each conferrable by this authority on the decision's date,
    /// each recipient named once.
    fn check_decision(&mut self, d: &Decision, awards: &[Award], settings: &AwardSettings, meeting: Date) {
        let date = d.doc.date.unwrap_or(meeting);
        let authority = settings.authority_of(d.conferrer);
        let level = authority.level;
        if level == Level::District && date >= TWO_TIER_REFORM && d.conferrer == Conferrer::Own {
            self.push(
                Diagnostic::error(
                    "district-abolished",
                    self.setting_loc("issuer.name"),
                    Text::new(
                        format!(
                            "từ 01/07/2025 đơn vị hành chính cấp huyện đã kết thúc hoạt động: {} không ban hành quyết định khen thưởng ngày {}",
                            authority.body,
                            date.dmy()
                        ),
                        format!(
                            "district-level units ended on 01/07/2025: {} cannot issue an award decision dated {}",
                            authority.body,
                            date.dmy()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "ghi cơ quan ban hành là Ủy ban nhân dân xã, phường hoặc tỉnh sau sắp xếp",
                    "make the issuer the commune, ward or province People's Committee after the reform",
                )),
            );
            return;
        }
        let mut seen: HashMap<(String, String), Loc> = HashMap::new();
        for &a in &d.awards {
            let award = &awards[a];
            if !settings.may_confer(d.conferrer, award.form, date) {
                let allowed = settings.conferrable_names(d.conferrer, date);
                self.push(not_conferrable(award, &authority.full(), level, date, &allowed));
            }
            let key = (loose_key(&award.name), loose_key(award.unit.as_deref().unwrap_or("")));
            match seen.get(&key) {
                Some(first) => {
                    let dup = fields::duplicate(award.src.loc("name"), "Tên tập thể, cá nhân", &award.name, first);
                    self.push(dup);
                }
                None => {
                    seen.insert(key, award.src.loc("name"));
                }
            }
        }
    }
}

/// How a decision's recipients receive it when the data does not say: on the stage when
/// there is something to hand over (a certificate, a Bằng khen, a flag), else announced (a
/// title with money only, `Lao động tiên tiến`).
pub(super) fn default_handing(d: &Decision) -> Handing {
    if d.face_if_printed().is_some() || d.form.owned() { Handing::Stage } else { Handing::Announce }
}

/// An amount cell: a sum in đồng or `theo quy định`; anything else is an error.
fn amount_cell(f: &mut Fields<'_>, rec: &Record, key: &str) -> Option<Amount> {
    let value = rec.value(key).clone();
    match fields::amount_of(&value) {
        Ok(a) => a,
        Err(()) => {
            let header = f.header_of(key);
            f.push(fields::bad_amount(rec.loc(key), &header, &value.display()));
            None
        }
    }
}

/// `KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`-style authority lines, one per line or separated by `/`.
fn split_authority(text: &str) -> Vec<String> {
    text.split(['\n', '|'])
        .flat_map(|l| l.split(" / "))
        .map(|l| l.trim().to_uppercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A form or title this authority may not confer on this date.
fn not_conferrable(award: &Award, authority: &str, level: Level, date: Date, allowed: &str) -> Diagnostic {
    Diagnostic::error(
        "award-authority",
        award.src.loc("form"),
        Text::new(
            format!(
                "{authority} ({}) không có thẩm quyền tặng {} (ngày {})",
                level.label(),
                award.form.name(),
                date.dmy()
            ),
            format!("{authority} cannot confer {} (dated {})", award.form.name(), date.dmy()),
        ),
    )
    .with_hint(Text::new(
        if allowed.is_empty() {
            "cơ quan này không ban hành quyết định khen thưởng vào ngày này".to_string()
        } else {
            format!("thẩm quyền này tặng: {allowed}; hình thức khác do cấp có thẩm quyền lập danh sách riêng")
        },
        if allowed.is_empty() {
            "this body issues no award decision on this date".to_string()
        } else {
            format!("this authority confers: {allowed}; other forms go in the competent level's own list")
        },
    ))
}

/// Who confers `form` when the data does not say: the issuing body's head when it may on
/// `date`, else its superior's when that one may (a department's conference announcing the
/// provincial Chairman's `Tập thể lao động xuất sắc`), else the own (then an error).
fn auto_conferrer(form: AwardType, settings: &AwardSettings, date: Date) -> Conferrer {
    if settings.may_confer(Conferrer::Own, form, date) {
        return Conferrer::Own;
    }
    match &settings.superior {
        Some(_) if settings.may_confer(Conferrer::Superior, form, date) => Conferrer::Superior,
        _ => Conferrer::Own,
    }
}

/// The settings of a superior's decision: its symbol (`QĐ-UBND` of a People's Committee,
/// `QĐ-BGDĐT` of a ministry, from its name's initials); its own date, signer and recipients
/// (given in its row of the `Quyết định` sheet), none by default.
fn superior_doc(settings: &AwardSettings) -> DocSettings {
    let code = match &settings.superior {
        Some(s) if matches!(s.level, Level::Ministry | Level::Department) => {
            let initials: String = s
                .body
                .split_whitespace()
                .filter(|w| !matches!(*w, "và" | "Và"))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            format!("QĐ-{initials}")
        }
        _ => "QĐ-UBND".into(),
    };
    DocSettings {
        number: None,
        code,
        // Its own date (in its row): the body's does not date the superior's decision.
        date: None,
        subject: None,
        signer: Signer::default(),
        recipients: Vec::new(),
        notes: Vec::new(),
    }
}

/// A decision's `Cách trao`: called up (`Lên nhận`) or announced (`Công bố`); another word is
/// an error at its cell.
fn handing(f: &mut Fields<'_>, rec: &Record) -> Option<Handing> {
    let t = f.text("handing")?;
    let k = loose_key(&t);
    const STAGE: [&str; 9] =
        ["len", "lennhan", "goilen", "lensankhau", "trao", "co", "traotrensankhau", "sankhau", "stage"];
    const ANNOUNCE: [&str; 6] = ["congbo", "chicongbo", "khong", "doc", "docdanhsach", "announce"];
    if STAGE.contains(&k.as_str()) {
        Some(Handing::Stage)
    } else if ANNOUNCE.contains(&k.as_str()) {
        Some(Handing::Announce)
    } else {
        f.push(fields::bad_choice(rec.loc("handing"), "Cách trao", &t, "lên nhận, công bố"));
        None
    }
}
