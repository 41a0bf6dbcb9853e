//! Where each node of a YAML file is: line and column by key path, read with an event
//! parser before serde_yaml sees the file (which keeps no positions).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// Line and column (1-based) of every node, by key path; and the keys given twice in one
/// mapping (serde_yaml reports those at the mapping, not at the second key).
pub(super) struct Spans {
    at: HashMap<String, (u32, u32)>,
    pub(super) duplicates: Vec<Duplicate>,
    /// Where the nesting first went deeper than [`crate::limits::YAML_DEPTH`]: the file is
    /// read no further.
    pub(super) too_deep: Option<(u32, u32)>,
}

/// A key given twice: its path, where it is repeated, where it was first (line, column).
type Duplicate = (String, (u32, u32), (u32, u32));

enum Frame {
    Map { path: String, key: Option<String>, expecting_key: bool, keys: HashMap<String, (u32, u32)> },
    Seq { path: String, index: usize },
}

pub(super) fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

impl Spans {
    /// Indexes `text` with an event parser (no recursion, so any nesting is safe to read),
    /// stopping where it nests deeper than the limit.
    pub(super) fn index(text: &str) -> Spans {
        let mut spans = HashMap::new();
        let mut duplicates = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut too_deep = None;
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            let pos = (span.start.line() as u32, span.start.col() as u32 + 1);
            if stack.len() >= crate::limits::YAML_DEPTH {
                too_deep = Some(pos);
                break;
            }
            let is_node = matches!(
                event,
                Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(..)
            );
            if is_node {
                // Where does this node sit? A mapping key only names the next value.
                let path = match stack.last_mut() {
                    None => Some(String::new()),
                    Some(Frame::Map { expecting_key: expecting @ true, key, keys, path }) => {
                        *key = match &event {
                            Event::Scalar(s, ..) => Some(s.to_string()),
                            _ => Some("?".into()),
                        };
                        if let Some(k) = key.as_ref().filter(|k| *k != "?") {
                            if let Some(first) = keys.get(k) {
                                duplicates.push((join_key(path, k), pos, *first));
                            } else {
                                keys.insert(k.clone(), pos);
                            }
                        }
                        *expecting = false;
                        None
                    }
                    Some(Frame::Map { path, key, expecting_key, .. }) => {
                        *expecting_key = true;
                        Some(join_key(path, key.as_deref().unwrap_or("?")))
                    }
                    Some(Frame::Seq { path, index }) => {
                        *index += 1;
                        Some(format!("{path}[{}]", *index - 1))
                    }
                };
                if let Some(path) = path {
                    spans.entry(path.clone()).or_insert(pos);
                    match event {
                        Event::MappingStart(..) => {
                            stack.push(Frame::Map { path, key: None, expecting_key: true, keys: HashMap::new() })
                        }
                        Event::SequenceStart(..) => stack.push(Frame::Seq { path, index: 0 }),
                        _ => {}
                    }
                } else if matches!(event, Event::MappingStart(..) | Event::SequenceStart(..)) {
                    // A complex key: track it so its end pops the right frame.
                    stack.push(Frame::Seq { path: "?".into(), index: 0 });
                }
            } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
                stack.pop();
            }
        }
        Spans { at: spans, duplicates, too_deep }
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    pub(super) fn at(&self, path: &str) -> (u32, u32) {
        let mut p = path.to_string();
        loop {
            if let Some(pos) = self.at.get(&p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p.truncate(i),
                None => return self.at.get("").copied().unwrap_or((1, 1)),
            }
        }
    }
}

/// Where flow collections (`[`, `{`) first nest deeper than `max`, found by one pass over the
/// characters before any parser runs (the event parser takes minutes on hundreds of
/// thousands of open brackets). Quoted text and comments are passed over; outside a flow
/// collection, only a bracket that starts a value (at a line's start, after `: ` or `- `)
/// opens one, so a bracket inside plain text (`Phòng [A`) is text.
pub(super) fn flow_too_deep(text: &str, max: usize) -> Option<(u32, u32)> {
    let (mut depth, mut line, mut col) = (0usize, 1u32, 0u32);
    let mut quote: Option<char> = None;
    let mut comment = false;
    // Whether a value may start here (only blanks since the line start, `: `, `- `).
    let mut value_start = true;
    let mut prev = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            (line, col, comment) = (line + 1, 0, false);
            if quote.is_none() {
                value_start = true;
            }
            prev = c;
            continue;
        }
        if comment {
            continue;
        }
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
                col += 1;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if value_start || depth > 0 => quote = Some(c),
            (None, '#') if prev.is_whitespace() => comment = true,
            (None, '[' | '{') if value_start || depth > 0 => {
                depth += 1;
                if depth > max {
                    return Some((line, col));
                }
            }
            (None, ']' | '}') if depth > 0 => depth -= 1,
            _ => {}
        }
        value_start = match c {
            ' ' | '\t' => value_start || matches!(prev, ':' | '-' | ','),
            '[' | '{' | ',' => depth > 0,
            _ => false,
        };
        prev = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::flow_too_deep;

    #[test]
    fn flow_nesting_is_measured_before_parsing() {
        let deep = format!("id: thu\nx: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(flow_too_deep(&deep, 64), Some((2, 68)));
        assert_eq!(flow_too_deep("a: [[1, 2], {b: [3]}]\n", 2), Some((1, 17)));
        assert_eq!(flow_too_deep("a: [[1, 2], {b: [3]}]\n", 3), None);
        // Brackets in plain text, quotes and comments are text.
        let text = "name: Phòng [A\nb: \"[[[[\"\nc: '{{{{' # [[[[\nd: x[[[[\n";
        assert_eq!(flow_too_deep(text, 1), None);
    }
}
