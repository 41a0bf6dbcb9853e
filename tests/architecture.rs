//! The crate's floors: every file of `src/` imports only files of its own stage or of the
//! stages below it, and no files import each other in a circle.
//!
//! The imports are read from the source text (`use` trees and `crate::` / `super::` /
//! `self::` / child-module paths, outside `#[cfg(test)]` modules), each resolved to the
//! file that defines the module it names. Run with `--nocapture` to see the figures.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages, lowest first: a file may import files of its own stage and of the stages
/// listed before it. A stage is the first segment of the module path (`plan::seating` is
/// in `plan`).
const FLOORS: &[&[&str]] = &[
    &["text"],
    &["limits"],
    &["diag"],
    &["assets"],
    &["jinja"],
    &["model"],
    &["input"],
    &["normalize"],
    &["validate"],
    &["plan"],
    &["pack"],
    &["render"],
    &["output"],
    &["pipeline"],
    &["workbook"],
    &["cli"],
    &["serve"],
    &["commands"],
    &[""],
];

/// Comments, string and character literals blanked out (same length, so nothing moves).
fn strip(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(if b[i] == '\n' { '\n' } else { ' ' });
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b[..i].last().is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // Raw string r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for ch in &b[i..j.min(b.len())] {
                out.push(if *ch == '\n' { '\n' } else { ' ' });
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(if b[i] == '\n' { '\n' } else { ' ' });
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{..}'), not a lifetime ('a followed by no quote).
            let close = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    for _ in i..=end {
                        out.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The text with `#[cfg(test)]` items (the unit-test modules) removed.
fn without_tests(src: &str) -> String {
    let mut s = src.to_string();
    while let Some(at) = s.find("#[cfg(test)]") {
        let rest = &s[at..];
        let Some(open) = rest.find(['{', ';']) else { break };
        let mut end = at + open + 1;
        if rest.as_bytes()[open] == b'{' {
            let mut depth = 1;
            for (k, ch) in s[at + open + 1..].char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = at + open + 1 + k + 1;
                    break;
                }
            }
        }
        s.replace_range(at..end, "");
    }
    s
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    // `x as y` → `x` (the alias's punctuation kept), then no whitespace.
    let mut tree_text = String::new();
    let mut toks = tree.split_whitespace();
    while let Some(t) = toks.next() {
        if t == "as" {
            let alias = toks.next().unwrap_or("");
            tree_text.push_str(alias.trim_start_matches(is_ident));
        } else {
            tree_text.push_str(t);
        }
    }
    let tree = tree_text;
    fn go(prefix: &[String], t: &str, out: &mut Vec<Vec<String>>) {
        let (head, group) = match t.find('{') {
            Some(i) => (&t[..i], Some(&t[i + 1..t.rfind('}').unwrap_or(t.len())])),
            None => (t, None),
        };
        let mut path: Vec<String> = prefix.to_vec();
        for seg in head.split("::").filter(|s| !s.is_empty()) {
            path.push(seg.to_string());
        }
        match group {
            None => out.push(path),
            Some(g) => {
                // Split on commas at depth 0.
                let mut depth = 0;
                let mut start = 0;
                let gb: Vec<char> = g.chars().collect();
                let mut parts = Vec::new();
                for (k, ch) in gb.iter().enumerate() {
                    match ch {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            parts.push(gb[start..k].iter().collect::<String>());
                            start = k + 1;
                        }
                        _ => {}
                    }
                }
                parts.push(gb[start..].iter().collect());
                for p in parts.iter().filter(|p| !p.is_empty()) {
                    go(&path, p, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go(&[], &tree, &mut out);
    out
}

struct Crate {
    /// Module path → file (relative to `src/`).
    modules: BTreeMap<Vec<String>, String>,
    /// File → its module path.
    paths: BTreeMap<String, Vec<String>>,
    /// File → the files it imports.
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

fn read_crate(src: &Path) -> Crate {
    let mut files = Vec::new();
    fn walk(d: &Path, base: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    walk(src, src, &mut files);
    files.retain(|f| f != "main.rs");
    let mut modules = BTreeMap::new();
    let mut paths = BTreeMap::new();
    for f in &files {
        modules.insert(module_path(f), f.clone());
        paths.insert(f.clone(), module_path(f));
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let text = without_tests(&strip(&std::fs::read_to_string(src.join(f)).unwrap()));
        let me = &paths[f];
        // A file that is a module's root (`mod.rs`, `lib.rs`) names its children relative to
        // itself; any other file's `self` is itself too.
        let children: BTreeSet<String> = {
            let mut c = BTreeSet::new();
            for line in text.lines() {
                let l = line.trim();
                let l = l.strip_prefix("pub(crate) ").or_else(|| l.strip_prefix("pub ")).unwrap_or(l);
                if let Some(rest) = l.strip_prefix("mod ") {
                    let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
                    if rest[name.len()..].trim_start().starts_with(';') {
                        c.insert(name);
                    }
                }
            }
            c
        };
        let mut targets: Vec<Vec<String>> = Vec::new();
        let absolute = |path: &[String]| -> Option<Vec<String>> {
            let first = path.first()?;
            match first.as_str() {
                "crate" => Some(path[1..].to_vec()),
                "self" => Some(me.iter().cloned().chain(path[1..].iter().cloned()).collect()),
                "super" => {
                    let mut base = me.clone();
                    let mut rest = path;
                    while rest.first().is_some_and(|s| s == "super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    Some(base.into_iter().chain(rest.iter().cloned()).collect())
                }
                name if children.contains(name) => Some(me.iter().cloned().chain(path.iter().cloned()).collect()),
                _ => None,
            }
        };
        // `use` trees.
        let mut rest = text.as_str();
        while let Some(i) = rest.find("use ") {
            let before_ok = i == 0 || !is_ident(rest[..i].chars().next_back().unwrap());
            let after = &rest[i + 4..];
            if before_ok && let Some(end) = after.find(';') {
                for p in expand(&after[..end]) {
                    if let Some(a) = absolute(&p) {
                        targets.push(a);
                    }
                }
                rest = &after[end..];
            } else {
                rest = after;
            }
        }
        // Paths in the code: `crate::a::b`, `super::x`, `child::f`.
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (at, c) = chars[k];
            if is_ident(c) && (k == 0 || !is_ident(chars[k - 1].1)) && (k == 0 || chars[k - 1].1 != ':') {
                let mut end = k;
                while end < chars.len() && (is_ident(chars[end].1) || chars[end].1 == ':') {
                    end += 1;
                }
                let to = if end < chars.len() { chars[end].0 } else { text.len() };
                let path_text = &text[at..to];
                if path_text.contains("::") {
                    let segs: Vec<String> =
                        path_text.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
                    if let Some(a) = absolute(&segs) {
                        targets.push(a);
                    }
                }
                k = end;
            } else {
                k += 1;
            }
        }
        let mut set = BTreeSet::new();
        for t in targets {
            // The longest prefix that is a module of the crate.
            let file = (1..=t.len()).rev().find_map(|n| modules.get(&t[..n]));
            if let Some(file) = file
                && file != f
            {
                set.insert(file.clone());
            }
        }
        edges.insert(f.clone(), set);
    }
    Crate { modules, paths, edges }
}

fn floor(module: &[String]) -> usize {
    let top = module.first().map_or("", String::as_str);
    FLOORS.iter().position(|f| f.contains(&top)).unwrap_or(usize::MAX)
}

/// Strongly connected components of more than one file (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            loop {
                let w = t.stack.pop().unwrap();
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn the_stages_import_only_downwards_and_never_in_a_circle() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = read_crate(&src);
    let mut upward = Vec::new();
    let mut unknown = BTreeSet::new();
    for (from, tos) in &krate.edges {
        let f = floor(&krate.paths[from]);
        if f == usize::MAX {
            unknown.insert(from.clone());
        }
        for to in tos {
            let t = floor(&krate.paths[to]);
            if t > f && t != usize::MAX && f != usize::MAX {
                upward.push(format!("{from} → {to}"));
            }
        }
    }
    let circles = circles(&krate.edges);
    let in_circles: usize = circles.iter().map(Vec::len).sum();
    let edges: usize = krate.edges.values().map(BTreeSet::len).sum();
    eprintln!(
        "architecture: {} files, {edges} imports, {in_circles} files in {} circle(s), {} upward import(s)",
        krate.modules.len(),
        circles.len(),
        upward.len()
    );
    for c in &circles {
        eprintln!("  circle: {}", c.join(", "));
    }
    for u in &upward {
        eprintln!("  upward: {u}");
    }
    assert!(unknown.is_empty(), "files outside every stage of FLOORS: {unknown:?}");
    assert!(upward.is_empty(), "imports from a lower stage to a higher one:\n{}", upward.join("\n"));
    assert!(circles.is_empty(), "files importing each other in a circle:\n{circles:#?}");
}

#[test]
fn the_reader_sees_use_trees_and_paths() {
    let text = strip("use crate::a::{b, c::{d, e as f}};\n// use crate::zz;\nlet s = \"crate::q\"; x = super::y::z();");
    assert!(!text.contains("zz") && !text.contains("crate::q"));
    let paths = expand("crate::a::{b, c::{d, e as f}}");
    assert_eq!(paths, vec![vec!["crate", "a", "b"], vec!["crate", "a", "c", "d"], vec!["crate", "a", "c", "e"],]);
    assert_eq!(
        without_tests("fn a() {}\n#[cfg(test)]\nmod tests { fn b() { {} } }\nfn c() {}"),
        "fn a() {}\n\nfn c() {}"
    );
}

/// Files and functions allowed past the house limits, each with its reason. Keep it short:
/// split by concern instead.
const OVER_LIMITS: &[(&str, &str)] = &[];

/// The house limits: no file of `src/` over this many lines…
const FILE_LINES: usize = 700;
/// …and no function (outside tests) over this many.
const FN_LINES: usize = 120;

/// Each function of `text` (comments and strings blanked, tests left out): its name, the
/// line it starts at and its length in lines (signature to closing brace).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = text[i..].find("fn ") {
        let start = i + at;
        i = start + 3;
        let before = start.checked_sub(1).map(|j| bytes[j]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let name: String = text[start + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if name.is_empty() {
            continue;
        }
        // The body opens at the first `{` after the signature, unless a `;` ends it first
        // (a trait's declaration).
        let rest = &text[start..];
        let Some(open) = rest.find(['{', ';']).filter(|&o| rest.as_bytes()[o] == b'{') else { continue };
        let mut depth = 0usize;
        let mut end = None;
        for (k, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(open + k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        let line = text[..start].matches('\n').count() + 1;
        let lines = rest[..end].matches('\n').count() + 1;
        out.push((name, line, lines));
    }
    out
}

#[test]
fn no_file_is_over_700_lines_and_no_function_over_120() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    files.sort();
    let allowed = |what: &str| OVER_LIMITS.iter().any(|(w, _)| *w == what);
    let mut over = Vec::new();
    let mut longest = (String::new(), 0);
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap();
        let n = text.lines().count();
        if n > FILE_LINES && !allowed(&rel) {
            over.push(format!("{rel}: {n} lines (limit {FILE_LINES})"));
        }
        for (name, line, len) in functions(&without_tests(&strip(&text))) {
            if len > longest.1 {
                longest = (format!("{rel}:{line} {name}"), len);
            }
            if len > FN_LINES && !allowed(&format!("{rel}::{name}")) {
                over.push(format!("{rel}:{line}: fn {name} is {len} lines (limit {FN_LINES})"));
            }
        }
    }
    eprintln!("house limits: {} files; longest function {} ({} lines)", files.len(), longest.0, longest.1);
    assert!(
        over.is_empty(),
        "over the house limits (split by concern, or list it in OVER_LIMITS with its reason):\n{}",
        over.join("\n")
    );
}

#[test]
fn the_limits_reader_measures_functions() {
    let f = functions(
        "fn a() {\n    let x = { 1 };\n}\ntrait T { fn b(&self); }\nfn c<T: Fn() -> u8>(t: T) -> u8 { t() }\n",
    );
    assert_eq!(f, [("a".to_string(), 1, 3), ("c".to_string(), 5, 1)]);
}
