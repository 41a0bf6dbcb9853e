//! The signers of a text document's front matter: one (`người ký: {thẩm quyền: …, chức
//! vụ: …, họ tên: …}`, or its lines as a list, or a name alone) or several side by side (a
//! list of such maps: a Biên bản's secretary and chair, a joint document's two heads).

use serde_yaml::Value as Yaml;

use super::yaml_values::{canonical, list, scalar};
use crate::diag::{Diagnostic, Diagnostics, Loc, Text, quote};
use crate::model::DocSigner;
use crate::text::is_capitals;

/// The signer's keys.
const SIGNER_KEYS: &[(&str, &[&str])] = &[
    ("authority", &["tham-quyen", "quyen-han", "authority"]),
    ("title", &["chuc-vu", "chuc-danh", "title"]),
    ("name", &["ho-ten", "ho-va-ten", "ten", "name"]),
];

/// The signers a `người ký` value gives, in the order written (left to right).
pub(super) fn signers(v: &Yaml, loc: &Loc, diags: &mut Diagnostics) -> Vec<DocSigner> {
    match v {
        Yaml::Mapping(_) => vec![one(v, loc, diags)],
        // A list of maps: several signers; a list of lines: one signer's lines.
        Yaml::Sequence(items) if items.iter().any(|i| matches!(i, Yaml::Mapping(m) if is_signer_map(m))) => {
            items.iter().map(|i| one(i, loc, diags)).filter(|s| !is_empty(s)).collect()
        }
        Yaml::Sequence(_) => from_lines(&list(v)).into_iter().collect(),
        other => match scalar(other) {
            // `người ký: Nguyễn Thế Giang`: the name alone; several lines: a signer's lines.
            Some(s) if s.contains('\n') => from_lines(&list(other)).into_iter().collect(),
            Some(s) => vec![DocSigner { name: Some(s), ..DocSigner::default() }],
            None => Vec::new(),
        },
    }
}

fn is_signer_map(m: &serde_yaml::Mapping) -> bool {
    m.keys().any(|k| scalar(k).is_some_and(|k| canonical(SIGNER_KEYS, &k).is_some()))
}

fn is_empty(s: &DocSigner) -> bool {
    s.authority.is_empty() && s.title.is_none() && s.name.is_none()
}

/// One signer from its map (or its lines, or its name).
fn one(v: &Yaml, loc: &Loc, diags: &mut Diagnostics) -> DocSigner {
    let Yaml::Mapping(m) = v else {
        return match v {
            Yaml::Sequence(_) => from_lines(&list(v)).unwrap_or_default(),
            other => DocSigner { name: scalar(other), ..DocSigner::default() },
        };
    };
    let mut s = DocSigner::default();
    for (sk, sv) in m {
        let w = scalar(sk).unwrap_or_default();
        match canonical(SIGNER_KEYS, &w) {
            Some("authority") => s.authority = list(sv),
            Some("title") => s.title = scalar(sv),
            Some("name") => s.name = scalar(sv),
            _ => diags.push(
                Diagnostic::warning(
                    "front-matter-key",
                    loc.clone(),
                    Text::new(
                        format!("người ký có mục {} không dùng đến: bỏ qua", quote(&w)),
                        format!("the signer has a key {} that means nothing here: ignored", quote(&w)),
                    ),
                )
                .with_hint(Text::new(
                    "các mục của người ký: thẩm quyền, chức vụ, họ tên",
                    "the signer's keys: tham_quyen, chuc_vu, ho_ten",
                )),
            ),
        }
    }
    s
}

/// A signer written as its lines, as on the page: the lines in capitals are the authority
/// and the title (the last of them), the last other line the name.
pub(crate) fn from_lines(lines: &[String]) -> Option<DocSigner> {
    let (mut caps, other): (Vec<String>, Vec<String>) =
        lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).partition(|l| is_capitals(l));
    let title = caps.pop();
    let name = other.last().cloned();
    (title.is_some() || name.is_some()).then_some(DocSigner { authority: caps, title, name })
}
