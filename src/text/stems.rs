//! File stems that never collide: every per-person (or per-decision) file of the pack gets a
//! name no other file of its folder has, whatever the names and ids hold — two slugs alike
//! (`A.1` / `A-1`, `Ấ` / `Â`), a namesake whose id slugs to another person's name
//! (`Nguyễn Văn Tâm` + `B` beside `Nguyễn Văn Tâm B`), or names cut at the slug's length.

use std::collections::{HashMap, HashSet};

use super::clean::slug;

/// One file's wish: the name it is called by, and what tells it from a namesake.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StemWish<'a> {
    pub name: &'a str,
    /// The id (`Mã`), or another distinguishing text; may be empty.
    pub id: &'a str,
}

/// One stem per wish, all different, by construction:
///
/// 1. the name's slug, when no other wish has that slug;
/// 2. else the name's slug and the id's (`nguyen-van-an-dbt01`; an id that already starts
///    with the name, as derived ids do, stands alone);
/// 3. whatever still collides — with a stem of step 1 or 2, or with another of its own —
///    gets `-2`, `-3` … in the order of the wishes (stems of step 1 keep their name first).
///
/// So a person's file is renamed only when a namesake arrives or leaves, never because
/// someone else is added or moved.
pub(crate) fn unique_stems(wishes: &[StemWish<'_>]) -> Vec<String> {
    let names: Vec<String> = wishes.iter().map(|w| slug(w.name)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in &names {
        *count.entry(n.as_str()).or_default() += 1;
    }
    let wanted: Vec<(String, bool)> = wishes
        .iter()
        .zip(&names)
        .map(|(w, name)| {
            if count[name.as_str()] == 1 {
                return (name.clone(), true);
            }
            let id = slug(w.id);
            let stem = if w.id.trim().is_empty() {
                name.clone()
            } else if id.starts_with(name.as_str()) {
                id
            } else {
                format!("{name}-{id}")
            };
            (stem, false)
        })
        .collect();
    // Plain names are placed first, so a namesake's suffixed stem never takes a name away
    // from the person it belongs to.
    let mut taken: HashSet<String> = HashSet::new();
    let mut out: Vec<Option<String>> = vec![None; wishes.len()];
    for pass_plain in [true, false] {
        for (i, (stem, plain)) in wanted.iter().enumerate() {
            if *plain != pass_plain {
                continue;
            }
            let mut candidate = stem.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{stem}-{n}");
                n += 1;
            }
            out[i] = Some(candidate);
        }
    }
    out.into_iter().map(|s| s.expect("every wish is placed in one of the two passes")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(wishes: &[(&str, &str)]) -> Vec<String> {
        let w: Vec<StemWish> = wishes.iter().map(|(name, id)| StemWish { name, id }).collect();
        unique_stems(&w)
    }

    fn all_different(s: &[String]) -> bool {
        s.iter().collect::<HashSet<_>>().len() == s.len()
    }

    #[test]
    fn names_alone_when_unique_ids_for_namesakes() {
        assert_eq!(
            stems(&[("Nguyễn Văn An", "DB1"), ("Trần Thị Bình", "DB2"), ("Nguyễn Văn An", "DB3")]),
            ["nguyen-van-an-db1", "tran-thi-binh", "nguyen-van-an-db3"]
        );
        // A derived id already starts with the name.
        assert_eq!(
            stems(&[("Đào Văn Khánh", "dao-van-khanh-btd"), ("Đào Văn Khánh", "dao-van-khanh-snv")]),
            ["dao-van-khanh-btd", "dao-van-khanh-snv"]
        );
    }

    #[test]
    fn ids_and_names_that_slug_alike_still_get_files_of_their_own() {
        // Mã `A.1` and `A-1` slug alike.
        let s = stems(&[("Nguyễn Văn An", "A.1"), ("Nguyễn Văn An", "A-1")]);
        assert_eq!(s, ["nguyen-van-an-a-1", "nguyen-van-an-a-1-2"]);
        // Names that differ only by a diacritic.
        let s = stems(&[("Lê Văn Ấn", ""), ("Lê Văn Ân", ""), ("Lê Văn An", "")]);
        assert!(all_different(&s), "{s:?}");
        // Namesakes B and C beside a third person named "… B": the third keeps his name.
        let s = stems(&[("Nguyễn Văn Tâm", "B"), ("Nguyễn Văn Tâm", "C"), ("Nguyễn Văn Tâm B", "X")]);
        assert_eq!(s, ["nguyen-van-tam-b-2", "nguyen-van-tam-c", "nguyen-van-tam-b"]);
        // Long names cut at the slug's length.
        let long = "Trung tâm Phát triển Quỹ đất và Dịch vụ Công ích của Ủy ban nhân dân xã";
        let s = stems(&[(&format!("{long} A"), ""), (&format!("{long} B"), "")]);
        assert!(all_different(&s), "{s:?}");
    }

    #[test]
    fn any_mix_is_all_different() {
        let names = ["An", "Ân", "Ấn", "An 2", "an-2", "A N", "", "!!", "con"];
        let ids = ["", "2", "A.1", "A-1", "x"];
        let mut wishes = Vec::new();
        for (i, n) in names.iter().enumerate() {
            for (j, id) in ids.iter().enumerate() {
                if (i + j) % 2 == 0 {
                    wishes.push((*n, *id));
                }
            }
        }
        let s = stems(&wishes);
        assert!(all_different(&s), "{s:?}");
        assert!(s.iter().all(|x| !x.is_empty()));
    }
}
