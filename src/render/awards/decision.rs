//! A Quyết định khen thưởng (Decree 30 Mẫu 1.2) with its attached list: the authority line
//! and wording of its authority, the grounds of its date and level, Điều 1 counted from its
//! list, Điều 2's prizes with the total in words, Điều 3, the signature and Nơi nhận.

use serde::Serialize;

use crate::model::{AwardKind, Category, Dataset};
use crate::plan::awards::{DecisionPlan, Prize};
use crate::render::views::{self, HeaderView, SignatureView};
use crate::text::{amount_in_words, thousands};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListEntry {
    pub number: usize,
    /// The whole line of the numbered list (`Ông Nguyễn Văn An, Giám đốc …;`).
    pub line: String,
    pub name: String,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListSection {
    /// `I. TẬP THỂ (14 tập thể)`.
    pub heading: String,
    pub entries: Vec<ListEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListView {
    pub title: &'static str,
    pub subject: String,
    /// `(Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch …)`.
    pub reference: String,
    pub table: bool,
    pub sections: Vec<ListSection>,
    /// The table's name column: `Tên tập thể`, `Họ và tên`, `Tên tập thể, cá nhân`.
    pub name_header: &'static str,
    /// Whether the table has a `Chức vụ, đơn vị` column (some entry has one).
    pub unit_column: bool,
}

/// The decision's data (see `templates/quyet-dinh-khen-thuong.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DecisionView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    pub kind: &'static str,
    pub subject: String,
    pub authority_line: String,
    /// Each ground, ending with `;`.
    pub grounds: Vec<String>,
    /// `Theo đề nghị của … .`
    pub proposal: String,
    /// The articles' bodies: Điều 1, 2, 3 (the last paragraph ends with `./.`).
    pub articles: Vec<Vec<String>>,
    pub signature: SignatureView,
    pub list: ListView,
}

/// `05` for counts below 10, as documents write them.
fn count(n: usize) -> String {
    format!("{n:02}")
}

/// Individuals as `Ông Nguyễn Văn An`; collectives and households as they are named.
pub(super) fn display_name(ds: &Dataset, a: usize) -> String {
    let award = &ds.awards[a];
    match (award.kind, award.honorific) {
        (AwardKind::Individual, Some(h)) => format!("{} {}", h.label(), award.name),
        _ => award.name.clone(),
    }
}

/// `05 tập thể và 12 cá nhân`: who the decision names, by kind.
fn whom(ds: &Dataset, d: &DecisionPlan) -> String {
    let parts: Vec<String> = AwardKind::ALL
        .into_iter()
        .map(|k| (k, d.count(ds, k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {}", count(n), k.noun()))
        .collect();
    crate::text::join_vi(parts)
}

/// `các tập thể, cá nhân`: the kinds the decision names, for its subject.
fn kinds(ds: &Dataset, d: &DecisionPlan) -> String {
    let kinds: Vec<&str> = AwardKind::ALL.into_iter().filter(|&k| d.count(ds, k) > 0).map(|k| k.noun()).collect();
    format!("các {}", kinds.join(", "))
}

/// Điều 2: the prize of each kind and the total in words, or the regulations.
fn money_article(ds: &Dataset, d: &DecisionPlan) -> String {
    let fund = ds.decisions[d.index].fund_source.as_ref().map(|f| format!(", từ nguồn {f}")).unwrap_or_default();
    let with = if d.form.owned() { d.form.name().to_string() } else { "danh hiệu".to_string() };
    let Some(total) = d.total(ds) else {
        return format!("Tiền thưởng kèm theo {with} thực hiện theo quy định hiện hành{fund}.");
    };
    let each: Vec<String> = d
        .prizes
        .iter()
        .filter_map(|(k, p)| match p {
            Prize::Each(x) => Some(format!("mỗi {} {} đồng", k.noun(), thousands(*x))),
            Prize::AsRegulated => None,
        })
        .collect();
    format!(
        "Tiền thưởng kèm theo {with}: {}; tổng số tiền thưởng là {} đồng (Bằng chữ: {}){fund}.",
        each.join(", "),
        thousands(total),
        amount_in_words(total)
    )
}

/// The attached list, in sections by kind, numbered again in each.
fn list_sections(ds: &Dataset, d: &DecisionPlan) -> Vec<ListSection> {
    let mut sections = Vec::new();
    let total = d.order.len();
    let mut seen = 0;
    for (roman, kind, label) in [
        ("I", AwardKind::Collective, "TẬP THỂ"),
        ("II", AwardKind::Individual, "CÁ NHÂN"),
        ("III", AwardKind::Household, "HỘ GIA ĐÌNH"),
    ] {
        let list: Vec<usize> = d.order.iter().copied().filter(|&a| ds.awards[a].kind == kind).collect();
        if list.is_empty() {
            continue;
        }
        let roman = ["I", "II", "III"].get(sections.len()).copied().unwrap_or(roman);
        sections.push(ListSection {
            heading: format!("{roman}. {label} ({} {})", count(list.len()), kind.noun()),
            entries: list
                .iter()
                .enumerate()
                .map(|(n, &a)| {
                    seen += 1;
                    let award = &ds.awards[a];
                    let name = display_name(ds, a);
                    let unit = award.unit.clone().unwrap_or_default();
                    let body = if unit.is_empty() { name.clone() } else { format!("{name}, {unit}") };
                    let end = if seen == total { "./." } else { ";" };
                    ListEntry { number: n + 1, line: format!("{}{end}", body.trim_end_matches(['.', ';'])), name, unit }
                })
                .collect(),
        });
    }
    sections
}

pub(crate) fn decision_view(ds: &Dataset, d: &DecisionPlan, font: Vec<&'static str>) -> DecisionView {
    let s = &ds.award_settings;
    let decision = &ds.decisions[d.index];
    let authority = &d.authority;
    let (short, full) = (authority.short(), authority.full());
    let of = match d.form.category() {
        Category::Form => format!(" của {short}"),
        Category::Title => String::new(),
    };
    let subject = decision
        .doc
        .subject
        .clone()
        .unwrap_or_else(|| format!("Về việc {} {}{of} cho {} {}", d.verb, d.what, kinds(ds, d), d.citation));
    let article1 = crate::text::capitalize_first(&format!(
        "{} {}{of} cho {} (có danh sách kèm theo), {}.",
        d.verb,
        d.what,
        whom(ds, d),
        d.citation
    ));
    let article3 = vec!["Quyết định này có hiệu lực kể từ ngày ký.".to_string(), format!("{}./.", d.executors)];
    let mut signature = views::signature(&decision.doc);
    if signature.authority.is_empty() {
        signature.authority.push(authority.head.to_uppercase());
    }
    DecisionView {
        font,
        title: if ds.decisions.len() > 1 {
            format!("Quyết định khen thưởng ({}) - {}", d.what, ds.conference.title)
        } else {
            format!("Quyết định khen thưởng - {}", ds.conference.title)
        },
        header: if d.superior {
            views::header_of(ds, &decision.doc, None, &authority.body_upper())
        } else {
            views::header(ds, &decision.doc)
        },
        kind: "QUYẾT ĐỊNH",
        subject,
        authority_line: s.authority_line.clone().filter(|_| !d.superior).unwrap_or_else(|| authority.line()),
        grounds: d.grounds.iter().map(|g| format!("{g};")).collect(),
        proposal: format!("{}.", d.proposal),
        articles: vec![vec![article1], vec![money_article(ds, d)], article3],
        signature,
        list: ListView {
            title: "DANH SÁCH",
            subject: crate::text::capitalize_first(&format!(
                "{} được {} {}{of}",
                kinds(ds, d).trim_start_matches("các "),
                d.verb,
                d.what
            )),
            reference: format!("(Kèm theo Quyết định số {} {} của {full})", d.number, d.date_words),
            table: s.table_form,
            name_header: match (d.count(ds, AwardKind::Collective) > 0, d.count(ds, AwardKind::Individual) > 0) {
                (true, false) => "Tên tập thể",
                (false, true) => "Họ và tên",
                _ => "Tên tập thể, cá nhân",
            },
            unit_column: d.order.iter().any(|&a| ds.awards[a].unit.as_deref().is_some_and(|u| !u.trim().is_empty())),
            sections: list_sections(ds, d),
        },
    }
}
