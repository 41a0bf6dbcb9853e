//! Numbers in words, the northern way (`linh`, `nghìn`), as award money is written:
//! `(Bằng chữ: Ba triệu sáu trăm nghìn đồng)`.

use super::case::capitalize_first;

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// Reads one group of three digits. `leading` is true for the highest non-empty group,
/// which drops `không trăm` and `linh` (`15` is `mười lăm`, but `…015` is
/// `không trăm mười lăm`).
fn group_words(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = ((n / 100) as usize, (n / 10 % 10) as usize, (n % 10) as usize);
    if h > 0 || !leading {
        out.extend([DIGITS[h], "trăm"]);
    }
    match t {
        0 if u > 0 => {
            if h > 0 || !leading {
                out.push("linh");
            }
            out.push(DIGITS[u]);
        }
        0 => {}
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
        t => {
            out.extend([DIGITS[t], "mươi"]);
            match u {
                0 => {}
                1 => out.push("mốt"),
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
    }
}

/// `1015000` → `một triệu không trăm mười lăm nghìn`; `0` → `không`.
pub(crate) fn number_in_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<String> = Vec::new();
    let top = groups.len() - 1;
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        let mut part = Vec::new();
        group_words(g, i == top, &mut part);
        words.extend(part.iter().map(|w| w.to_string()));
        let scale = ["", "nghìn", "triệu"][i % 3];
        if !scale.is_empty() {
            words.push(scale.to_string());
        }
        for _ in 0..i / 3 {
            words.push("tỷ".to_string());
        }
    }
    words.join(" ")
}

/// `3600000` → `Ba triệu sáu trăm nghìn đồng`.
pub(crate) fn amount_in_words(n: u64) -> String {
    capitalize_first(&format!("{} đồng", number_in_words(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_rules() {
        let cases = [
            (0, "không"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi bốn"),
            (25, "hai mươi lăm"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (1_000, "một nghìn"),
            (1_015_000, "một triệu không trăm mười lăm nghìn"),
            (2_000_500, "hai triệu năm trăm"),
            (2_005_000_000, "hai tỷ không trăm linh năm triệu"),
            (1_000_000_000_000, "một nghìn tỷ"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(amount_in_words(1_800_000), "Một triệu tám trăm nghìn đồng");
        assert_eq!(amount_in_words(720_000_000), "Bảy trăm hai mươi triệu đồng");
        assert_eq!(amount_in_words(3_600_000), "Ba triệu sáu trăm nghìn đồng");
    }
}
