//! The award decisions' shared settings (`Quyết định: …`) and the certificates' (`Bằng
//! khen: …`, `Giấy khen: …`, `Giấy chứng nhận: …`): who confers (the issuing body's level
//! and head), how titles are conferred, the list's form, the money's rounding, the body's
//! own grounds; and the defaults every decision starts from.

use super::fields;
use super::{Validator, lines};
use crate::diag::{Diagnostic, Text};
use crate::input::schema::CERTIFICATE_FACES;
use crate::model::{
    Amount, Authority, AwardKind, AwardSettings, CertificateSettings, DocSettings, Face, Level, TitleVerb,
};
use crate::text::loose_key;

/// What every decision starts from when its own row does not say.
#[derive(Debug, Clone, Default)]
pub(super) struct DecisionDefaults {
    pub citation: Option<String>,
    pub proposal: Option<String>,
    pub executors: Option<String>,
    pub amounts: Vec<(AwardKind, Amount)>,
    pub fund_source: Option<String>,
    pub golden_book_start: Option<u64>,
    /// What titles are for (`Quyết định: Năm`).
    pub period: Option<crate::model::Period>,
    /// `Quyết định: In giấy chứng nhận`, for every decision that does not say.
    pub certificates: Option<bool>,
}

/// The issuing body as the settings name it.
pub(super) struct IssuerName<'a> {
    /// Upper case (`SỞ NỘI VỤ`).
    pub name: &'a str,
    /// Inside a sentence (`Sở Nội vụ`).
    pub sentence_name: &'a str,
    pub place: &'a str,
    /// `Cơ quan chủ quản`, when given.
    pub parent: Option<&'a str>,
}

/// `A3` → (420, 297) landscape; `A4`; or `400x300`, `400 × 300 mm`.
pub(super) fn certificate_size(text: &str) -> Option<(f64, f64)> {
    match loose_key(text).as_str() {
        "a3" => return Some((420.0, 297.0)),
        "a4" => return Some((297.0, 210.0)),
        _ => {}
    }
    let cleaned = text.to_lowercase().replace("mm", "").replace(['×', '*'], "x");
    let (w, h) = cleaned.split_once('x')?;
    let (w, h): (f64, f64) = (crate::text::parse_number(w)?, crate::text::parse_number(h)?);
    ((100.0..=1000.0).contains(&w) && (100.0..=1000.0).contains(&h)).then_some((w.max(h), w.min(h)))
}

impl Validator<'_> {
    pub(super) fn award_settings(
        &mut self,
        issuer: Option<IssuerName<'_>>,
        docs: &mut [DocSettings],
    ) -> (AwardSettings, DecisionDefaults) {
        let superior = issuer.as_ref().and_then(|i| i.parent.map(|p| Authority::superior(p, i.place)));
        let authority = self.authority(issuer);
        if let Some(decision) = docs.get_mut(1) {
            self.check_decision_signer(&authority, decision);
        }
        let authority_line = self.authority_line(&authority);
        let settings = AwardSettings {
            authority,
            superior,
            authority_line,
            table_form: self.list_form(),
            title_verb: self.title_verb(),
            round_up: self.yes_no("documents.decision.round_up", true),
            extra_grounds: lines(self.setting_text("documents.decision.grounds")),
            own_forms: self.own_forms(),
            certificates: Face::ALL.iter().map(|&f| (f, self.certificate_settings(f))).collect(),
        };
        let defaults = DecisionDefaults {
            citation: self
                .setting_text("documents.decision.citation")
                .map(|c| crate::text::lowercase_first(c.trim_end_matches('.'))),
            proposal: self
                .setting_text("documents.decision.proposal")
                .map(|p| p.trim_end_matches(['.', ';']).to_string()),
            executors: self
                .setting_text("documents.decision.executors")
                .map(|e| e.trim_end_matches(['.', '/']).to_string()),
            amounts: [
                (AwardKind::Collective, "documents.decision.amount_collective"),
                (AwardKind::Individual, "documents.decision.amount_individual"),
                (AwardKind::Household, "documents.decision.amount_household"),
            ]
            .into_iter()
            .filter_map(|(kind, key)| self.setting_amount(key).map(|a| (kind, a)))
            .collect(),
            fund_source: self
                .setting_text("documents.decision.fund_source")
                .map(|f| f.trim_end_matches('.').to_string()),
            golden_book_start: self
                .setting_number("documents.decision.golden_book_start", (0.0, 1e9))
                .map(|n| n as u64),
            period: self.setting_period("documents.decision.period"),
            certificates: self
                .setting_text("documents.decision.certificates")
                .map(|_| self.yes_no("documents.decision.certificates", false)),
        };
        (settings, defaults)
    }

    /// The head of the issuing body: its level from `Cấp cơ quan` or its name, the head's
    /// title from `Chức danh thủ trưởng` or the level.
    fn authority(&mut self, issuer: Option<IssuerName<'_>>) -> Authority {
        let issuer = issuer.unwrap_or(IssuerName { name: "", sentence_name: "", place: "", parent: None });
        let level = match self.setting_text("issuer.level") {
            None => Level::of_body(issuer.name, issuer.parent.is_some()),
            Some(text) => match level_of(&text) {
                Some(level) => level,
                None => {
                    let loc = self.setting_loc("issuer.level");
                    self.push(fields::bad_choice(loc, "Cấp cơ quan", &text, LEVEL_CHOICES));
                    Level::of_body(issuer.name, issuer.parent.is_some())
                }
            },
        };
        let (head, deputy) = match self.setting_text("issuer.head") {
            Some(h) => {
                let h = crate::text::capitalize_first(&h.to_lowercase());
                let deputy = format!("Phó {h}");
                (h, deputy)
            }
            None => level.heads(issuer.name),
        };
        Authority { level, head, deputy, body: issuer.sentence_name.to_string(), place: issuer.place.to_string() }
    }

    /// `Quyết định: Thẩm quyền`, checked against the body: a department's decision is its
    /// Director's (“Chủ tịch Sở” does not exist), a People's Committee's its Chairman's.
    fn authority_line(&mut self, authority: &Authority) -> Option<String> {
        let line = self.setting_text("documents.decision.authority_line")?.to_uppercase();
        if let Some(wrong) = foreign_head(authority, &line) {
            let loc = self.setting_loc("documents.decision.authority_line");
            self.push(
                Diagnostic::error(
                    "authority-mismatch",
                    loc,
                    Text::new(
                        format!(
                            "{} không có “{wrong}”: thẩm quyền khen thưởng là của {}",
                            crate::text::capitalize_first(&authority.body),
                            authority.full()
                        ),
                        format!("{} has no “{wrong}”: awards are conferred by its {}", authority.body, authority.head),
                    ),
                )
                .with_hint(Text::new(
                    format!("để trống (in “{}”) hoặc sửa Cấp cơ quan", authority.line()),
                    format!("leave it empty (prints “{}”) or correct Cấp cơ quan", authority.line()),
                )),
            );
        }
        Some(line)
    }

    /// The decision is the head's in person: never “TM.” (warned, the line dropped), and
    /// signed by the head or “KT.” the head by a deputy of this body.
    fn check_decision_signer(&mut self, authority: &Authority, decision: &mut DocSettings) {
        if decision.signer.authority.iter().any(|a| a.starts_with("TM.")) {
            let loc = self.setting_loc("documents.decision.signer.authority");
            decision.signer.authority.retain(|a| !a.starts_with("TM."));
            let head = authority.head.to_uppercase();
            self.push(
                Diagnostic::warning(
                    "decision-authority",
                    loc,
                    Text::new(
                        format!("Quyết định khen thưởng là của {}: không ký “TM.”; dòng này được bỏ", authority.head),
                        format!(
                            "an award decision is the {}'s own: it is not signed “TM.”; the line is left out",
                            authority.head
                        ),
                    ),
                )
                .with_hint(Text::new(
                    format!("ghi “KT. {head}” (cấp phó ký) hoặc để trống ({} ký)", authority.head),
                    format!("write “KT. {head}” (a deputy signs) or leave it empty"),
                )),
            );
        }
        for (key, lines) in [
            ("documents.decision.signer.authority", decision.signer.authority.clone()),
            ("documents.decision.signer.title", vec![decision.signer.title.clone()]),
        ] {
            if let Some(wrong) = lines.iter().find_map(|l| foreign_head(authority, l)) {
                let loc = self.setting_loc(key);
                let (head, deputy) = (authority.head.to_uppercase(), authority.deputy.to_uppercase());
                self.push(
                    Diagnostic::error(
                        "authority-mismatch",
                        loc,
                        Text::new(
                            format!(
                                "{} không có “{wrong}”: Quyết định khen thưởng do {} ký",
                                authority.body, authority.head
                            ),
                            format!(
                                "{} has no “{wrong}”: the award decision is signed by its {}",
                                authority.body, authority.head
                            ),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("ghi “{head}”, hoặc “KT. {head}” và “{deputy}”"),
                        format!("write “{head}”, or “KT. {head}” and “{deputy}”"),
                    )),
                );
            }
        }
    }

    /// `Quyết định: Hình thức được tặng`: the forms and titles the body's own rules let its
    /// head confer, one per line (each read like the `Hình thức` column).
    fn own_forms(&mut self) -> Option<Vec<crate::model::AwardType>> {
        let key = "documents.decision.forms";
        let text = self.setting_text(key)?;
        let mut forms = Vec::new();
        for line in lines(Some(text)) {
            match crate::model::AwardType::parse(&line) {
                Some(t) if !forms.contains(&t) => forms.push(t),
                Some(_) => {}
                None => {
                    let loc = self.setting_loc(key);
                    let names = crate::model::AwardType::names();
                    self.push(fields::bad_choice(loc, "Quyết định: Hình thức được tặng", &line, &names));
                }
            }
        }
        Some(forms)
    }

    /// `Quyết định: Dạng danh sách`: a numbered list (default) or a table.
    fn list_form(&mut self) -> bool {
        let list_form = self.setting_text("documents.decision.list_form");
        match list_form.as_deref().map(loose_key) {
            None => false,
            Some(k) if k.starts_with("bang") || k == "table" => true,
            Some(k) if k.starts_with("danhsach") || k == "list" => false,
            Some(_) => {
                let loc = self.setting_loc("documents.decision.list_form");
                let value = list_form.unwrap_or_default();
                self.push(fields::bad_choice(loc, "Quyết định: Dạng danh sách", &value, "danh sách, bảng"));
                false
            }
        }
    }

    /// `Quyết định: Động từ danh hiệu`: `tặng` (default) or `công nhận`.
    fn title_verb(&mut self) -> TitleVerb {
        let text = self.setting_text("documents.decision.title_verb");
        match text.as_deref().map(loose_key) {
            None => TitleVerb::Tang,
            Some(k) if k.starts_with("tang") => TitleVerb::Tang,
            Some(k) if k.starts_with("congnhan") => TitleVerb::CongNhan,
            Some(_) => {
                let loc = self.setting_loc("documents.decision.title_verb");
                self.push(fields::bad_choice(
                    loc,
                    "Quyết định: Động từ danh hiệu",
                    &text.unwrap_or_default(),
                    "tặng, công nhận",
                ));
                TitleVerb::Tang
            }
        }
    }

    /// What titles are for, as a setting (`Quyết định: Năm` = `năm học 2024 - 2025`).
    fn setting_period(&mut self, key: &str) -> Option<crate::model::Period> {
        let text = self.setting_text(key)?;
        let loc = self.setting_loc(key);
        match super::period::read(&text) {
            Some(read) => {
                if read.guessed {
                    self.push(super::period::guessed(loc, &text, read.period));
                }
                Some(read.period)
            }
            None => {
                self.push(super::period::bad(loc, &Self::setting_label(key), &text));
                None
            }
        }
    }

    /// A yes/no setting (`có`, `không`, `x`, `1`, `0`).
    fn yes_no(&mut self, key: &str, default: bool) -> bool {
        let text = self.setting_text(key);
        match text.as_deref().map(loose_key) {
            None => default,
            Some(k) => match crate::validate::choices::pick(&k, crate::validate::choices::INVITED) {
                Some(b) => b,
                None => {
                    let loc = self.setting_loc(key);
                    self.push(fields::bad_choice(
                        loc,
                        &Self::setting_label(key),
                        &text.unwrap_or_default(),
                        "Có, Không",
                    ));
                    default
                }
            },
        }
    }

    /// The paper size, print mode and printer offsets of one certificate face.
    fn certificate_settings(&mut self, face: Face) -> CertificateSettings {
        let key = |f: &str| match face {
            Face::BangKhen => format!("certificate.{f}"),
            _ => {
                let k = CERTIFICATE_FACES.iter().find(|(l, _)| *l == face.label()).map(|(_, k)| *k).unwrap_or_default();
                format!("certificates.{k}.{f}")
            }
        };
        let label = face.label();
        let (width_mm, height_mm) = match self.setting_text(&key("size")) {
            None => face.default_size(),
            Some(size) => match certificate_size(&size) {
                Some(wh) => wh,
                None => {
                    let loc = self.setting_loc(&key("size"));
                    self.push(fields::bad_choice(
                        loc,
                        &format!("{label}: Khổ giấy"),
                        &size,
                        "A3, A4, hoặc rộng x cao (mm), ví dụ 400x300",
                    ));
                    face.default_size()
                }
            },
        };
        let mode = self.setting_text(&key("mode"));
        let blank = match mode.as_deref().map(loose_key) {
            None => false,
            Some(k) if k.contains("phoi") || k == "blank" => true,
            Some(k) if k.contains("daydu") || k == "full" => false,
            Some(_) => {
                let loc = self.setting_loc(&key("mode"));
                self.push(fields::bad_choice(
                    loc,
                    &format!("{label}: Kiểu in"),
                    &mode.unwrap_or_default(),
                    "đầy đủ, in trên phôi",
                ));
                false
            }
        };
        CertificateSettings {
            width_mm,
            height_mm,
            blank,
            offset_x: self.setting_number(&key("offset_x"), (-50.0, 50.0)).unwrap_or(0.0),
            offset_y: self.setting_number(&key("offset_y"), (-50.0, 50.0)).unwrap_or(0.0),
        }
    }
}

/// `tỉnh`, `Sở`, `xã`, … as the `Cấp cơ quan` setting writes them.
pub(crate) fn level_of(text: &str) -> Option<Level> {
    let k = loose_key(text);
    let k = k.strip_prefix("cap").unwrap_or(&k);
    match k {
        "tinh" | "thanhphotructhuoctrunguong" | "ubndtinh" | "uybannhandantinh" | "province" => Some(Level::Province),
        "so" | "sobannganh" | "department" => Some(Level::Department),
        "huyen" | "quan" | "thixa" | "district" => Some(Level::District),
        "xa" | "phuong" | "dackhu" | "thitran" | "commune" => Some(Level::Commune),
        "bo" | "bonganh" | "coquanngangbo" | "bocoquanngangbo" | "trunguong" | "ministry" => Some(Level::Ministry),
        "cuc" | "tongcuc" | "vu" | "cucthuocbo" | "tongcuccuc" | "donvithuocbo" | "underministry" => {
            Some(Level::UnderMinistry)
        }
        "donvisunghiep"
        | "donvisunghiepcong"
        | "donvisunghiepconglap"
        | "sunghiep"
        | "truong"
        | "truonghoc"
        | "daihoc"
        | "benhvien"
        | "vien"
        | "trungtam"
        | "hocvien"
        | "publicunit" => Some(Level::PublicUnit),
        "coquan" | "donvi" | "coquandonvi" | "agency" => Some(Level::Agency),
        _ => None,
    }
}

/// The levels `Cấp cơ quan` offers, for its messages.
pub(crate) const LEVEL_CHOICES: &str = "tỉnh, sở, xã, bộ (cơ quan ngang bộ), cục (tổng cục, cục thuộc bộ), đơn vị sự nghiệp (trường, bệnh viện, viện), cơ quan";

/// The head a line names when it is not this body's (`CHỦ TỊCH` for a department,
/// `GIÁM ĐỐC` for a People's Committee). Agencies name their own heads: never foreign.
fn foreign_head(authority: &Authority, line: &str) -> Option<&'static str> {
    let k = loose_key(line);
    let names_chair = k.contains("chutich");
    let names_director = k.contains("giamdoc");
    match authority.level {
        Level::Department if names_chair => Some("Chủ tịch"),
        Level::Province | Level::District | Level::Commune if names_director => Some("Giám đốc"),
        Level::Ministry if names_chair => Some("Chủ tịch"),
        Level::Ministry if names_director => Some("Giám đốc"),
        _ => None,
    }
}
