//! The award decisions as every document names them: each decision's file names, list
//! order, number and date as cited, the phrase of what it confers (`Giấy khen`, `danh hiệu
//! “Lao động tiên tiến” năm 2025`), its grounds, its prizes and its articles' defaults by
//! the issuing body's level.

mod grounds;
mod money;

pub use grounds::{GROUNDS_FILE, grounds_for};
pub use money::MONEY_FILE;

use self::money::Rates;
use crate::assets::TemplateStore;
use crate::diag::Diagnostics;
use crate::model::{Amount, Authority, AwardKind, AwardType, Category, Conferrer, Dataset, Decision, Face, Level};
use crate::text::{Date, StemWish, slug, unique_stems};

/// Every decision, in the order of the first nominee of each.
#[derive(Debug, Clone, Default)]
pub struct AwardsPlan {
    pub decisions: Vec<DecisionPlan>,
}

/// The prize of one kind of recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prize {
    /// Each recipient of the kind gets this many đồng.
    Each(u64),
    /// The regulations decide (no figure printed).
    AsRegulated,
}

/// One decision, planned.
#[derive(Debug, Clone)]
pub struct DecisionPlan {
    /// Index into [`Dataset::decisions`].
    pub index: usize,
    pub form: AwardType,
    /// `quyet-dinh-giay-khen` (the form's name; the decision's key added when two share it).
    pub stem: String,
    /// The certificates' face and file stem (`giay-khen`), when it prints certificates.
    pub certificates: Option<(Face, String)>,
    /// Its awards in list order: collectives, individuals, households, each in sheet order.
    pub order: Vec<usize>,
    /// `15/QĐ-UBND`, or `…/QĐ-UBND` while it has no number.
    pub number: String,
    /// `ngày 12 tháng 12 năm 2023`, with `…` for what is not known yet.
    pub date_words: String,
    /// The date its rules are taken from: its own, or the meeting's while it has none.
    pub date: Date,
    /// `tặng` or `công nhận`.
    pub verb: &'static str,
    /// What it confers, after the verb: `Giấy khen`, `danh hiệu “Lao động tiên tiến” năm 2025`.
    pub what: String,
    /// The legal grounds, then the body's own, without their final `;`.
    pub grounds: Vec<String>,
    /// Who confers (the issuing body's head, or its superior's).
    pub authority: Authority,
    /// Conferred by the superior: its header is the superior body's.
    pub superior: bool,
    /// `Theo đề nghị của …` without its final `.`.
    pub proposal: String,
    /// `đã có thành tích xuất sắc trong …`.
    pub citation: String,
    /// Điều 3's body without its final `./.`.
    pub executors: String,
    /// Per kind of recipient on its list.
    pub prizes: Vec<(AwardKind, Prize)>,
}

impl DecisionPlan {
    /// How many recipients of `kind` it names.
    pub fn count(&self, ds: &Dataset, kind: AwardKind) -> usize {
        self.order.iter().filter(|&&a| ds.awards[a].kind == kind).count()
    }

    /// The sum of its prizes, when every one is a figure.
    pub fn total(&self, ds: &Dataset) -> Option<u64> {
        self.prizes
            .iter()
            .map(|(kind, p)| match p {
                Prize::Each(x) => Some(x * self.count(ds, *kind) as u64),
                Prize::AsRegulated => None,
            })
            .sum()
    }
}

/// Plans the decisions. Template data that cannot be read (the grounds, the money rules)
/// is an error in `diags`.
pub fn plan(ds: &Dataset, store: &TemplateStore, diags: &mut Diagnostics) -> Option<AwardsPlan> {
    if ds.decisions.is_empty() {
        return Some(AwardsPlan::default());
    }
    let stems = stems(ds);
    let mut decisions = Vec::new();
    let mut failed = false;
    for (i, d) in ds.decisions.iter().enumerate() {
        match decision(ds, i, d, &stems[i], store) {
            Ok(p) => decisions.push(p),
            Err(e) => {
                diags.push(e);
                failed = true;
            }
        }
    }
    (!failed).then_some(AwardsPlan { decisions })
}

/// The file stem of each decision: `quyet-dinh-<form>`, with its key (or its number in the
/// list) when two decisions confer the same form; keys that slug alike get a number too.
fn stems(ds: &Dataset) -> Vec<String> {
    let bases: Vec<String> = ds.decisions.iter().map(|d| slug(d.form.name())).collect();
    let keys: Vec<String> = ds
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| match (&d.key, d.conferrer) {
            (Some(k), _) => k.clone(),
            (None, Conferrer::Superior) => "cap-tren".to_string(),
            (None, Conferrer::Own) => (i + 1).to_string(),
        })
        .collect();
    let wishes: Vec<StemWish> = bases.iter().zip(&keys).map(|(name, id)| StemWish { name, id }).collect();
    unique_stems(&wishes)
}

fn decision(
    ds: &Dataset,
    index: usize,
    d: &Decision,
    stem: &str,
    store: &TemplateStore,
) -> Result<DecisionPlan, crate::diag::Diagnostic> {
    let s = &ds.award_settings;
    let authority = s.authority_of(d.conferrer);
    // Undated (said at validation): the rules in force at the meeting.
    let date = d.doc.date.unwrap_or(ds.conference.date);
    let mut grounds = grounds_for(store, date, authority.level)?;
    grounds.extend(s.extra_grounds.iter().map(|g| g.trim_end_matches([';', '.']).to_string()));
    // Laws, then decrees, the Prime Minister's decisions, circulars, then the body's own
    // decisions and rules — whoever wrote them.
    grounds::by_rank(&mut grounds);
    let mut order: Vec<usize> = Vec::new();
    for kind in AwardKind::ALL {
        order.extend(d.awards.iter().copied().filter(|&a| ds.awards[a].kind == kind));
    }
    let rates = Rates::on(store, date)?;
    let prizes = AwardKind::ALL
        .into_iter()
        .filter(|&k| order.iter().any(|&a| ds.awards[a].kind == k))
        .map(|k| {
            let prize = match d.amount(k) {
                Some(Amount::Dong(x)) => Prize::Each(x),
                Some(Amount::AsRegulated) => Prize::AsRegulated,
                None => rates.prize(d.form, k, authority.level, s.round_up).map_or(Prize::AsRegulated, Prize::Each),
            };
            (k, prize)
        })
        .collect();
    let whose = holders(ds, &order);
    let period = d.period.map(|p| format!(" {}", p.phrase())).unwrap_or_default();
    let (verb, what) = match (d.form.category(), d.form) {
        (Category::Form, _) => ("tặng", d.form.name().to_string()),
        // The flag is named by whose it is: `Cờ thi đua của Bộ Y tế năm 2025`.
        (_, AwardType::CoThiDua) => ("tặng", format!("Cờ thi đua của {}{period}", authority.body)),
        (Category::Title, _) => (s.title_verb.word(), format!("{}{period}", d.form.phrase())),
    };
    let certificates = d.face_if_printed().map(|face| {
        let stem = match face {
            Face::ChungNhan => format!("giay-chung-nhan-{}", stem),
            _ => stem.to_string(),
        };
        (face, stem)
    });
    Ok(DecisionPlan {
        index,
        form: d.form,
        stem: format!("quyet-dinh-{stem}"),
        certificates,
        order,
        number: match &d.doc.number {
            Some(n) => format!("{}/{}", crate::text::document_number(n), d.doc.code),
            None => format!("…/{}", d.doc.code),
        },
        date_words: match d.doc.date {
            Some(date) => date.long_vi(),
            None => format!("ngày … tháng … năm {}", ds.conference.date.year),
        },
        date,
        verb,
        what,
        grounds,
        proposal: if d.proposal.is_empty() { default_proposal(authority) } else { d.proposal.clone() },
        citation: if d.citation.is_empty() {
            "đã có thành tích xuất sắc trong thực hiện nhiệm vụ".to_string()
        } else {
            d.citation.clone()
        },
        executors: d.executors.clone().unwrap_or_else(|| default_executors(authority, &whose)),
        prizes,
        authority: authority.clone(),
        superior: d.conferrer == Conferrer::Superior && s.superior.is_some(),
    })
}

/// `các tập thể, cá nhân`, `các cá nhân`: the kinds of recipient a list holds.
fn holders(ds: &Dataset, order: &[usize]) -> String {
    let kinds: Vec<&str> = AwardKind::ALL
        .into_iter()
        .filter(|&k| order.iter().any(|&a| ds.awards[a].kind == k))
        .map(|k| k.noun())
        .collect();
    format!("các {}", kinds.join(", "))
}

/// `Theo đề nghị của Giám đốc Sở Nội vụ` for a province; `Theo đề nghị của Vụ trưởng Vụ Tổ
/// chức cán bộ` for a ministry; for other bodies their emulation council's proposal
/// (awards.md §3.4; `tham-quyen.md` §2).
fn default_proposal(authority: &Authority) -> String {
    match authority.level {
        Level::Province => "Theo đề nghị của Giám đốc Sở Nội vụ".to_string(),
        Level::Ministry => "Theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ".to_string(),
        // `Hội đồng Thi đua - Khen thưởng Trường` (the unit by the word it calls itself).
        Level::PublicUnit | Level::UnderMinistry => {
            format!("Xét đề nghị của Hội đồng Thi đua - Khen thưởng {}", authority.unit_noun())
        }
        _ => {
            let body = authority.body.strip_prefix("Ủy ban nhân dân ").unwrap_or(&authority.body);
            format!("Xét đề nghị của Hội đồng Thi đua - Khen thưởng {body}")
        }
    }
}

/// Điều 3 by level: the office of the body, the bodies concerned and the recipients
/// (`holders`: `các tập thể, cá nhân` as the list holds them).
fn default_executors(authority: &Authority, holders: &str) -> String {
    let tail = format!("và {holders} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này");
    let noun = authority.unit_noun();
    match authority.level {
        Level::Ministry => format!(
            "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ, Thủ trưởng các cơ quan, đơn vị có liên quan {tail}"
        ),
        Level::UnderMinistry => {
            format!("Chánh Văn phòng {noun}, Thủ trưởng các đơn vị thuộc {noun} {tail}")
        }
        Level::PublicUnit => format!("Trưởng các đơn vị thuộc {noun} {tail}"),
        Level::Province => format!(
            "Chánh Văn phòng Ủy ban nhân dân {}, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan {tail}",
            authority.unit_noun()
        ),
        Level::Department => format!("Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở {tail}"),
        Level::District | Level::Commune => {
            let unit = authority.unit_noun();
            format!(
                "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {unit}, Thủ trưởng các cơ quan, đơn vị có liên quan {tail}"
            )
        }
        Level::Agency => format!("Thủ trưởng các phòng, đơn vị có liên quan {tail}"),
    }
}
