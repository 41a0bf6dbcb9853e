//! Numbers the Vietnamese way: read as typed (`1.800.000`, `12,5`, `5.000.000 đồng`) and
//! written with `.` between thousands.

/// `1800000` → `1.800.000` (Vietnamese thousands separator).
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number written the Vietnamese way, as typed: `5448` → `5.448`, `0.25` → `0,25`,
/// `1234.5` → `1.234,5`. Up to four decimals are kept exactly; a computed number with
/// more (`16.6666…`) is rounded to two (`16,67`).
pub(crate) fn vi_number(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    let exact = (n * 1e4).round();
    let decimals = if ((n * 1e4) - exact).abs() < 1e-6 * n.abs().max(1.0) { 4 } else { 2 };
    let text = format!("{:.*}", decimals, n.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let int: u64 = int.parse().unwrap_or(0);
    let sign = if n < 0.0 && (int > 0 || !frac.is_empty()) { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{}", thousands(int)) } else { format!("{sign}{},{frac}", thousands(int)) }
}

/// A percentage with one decimal: `95,0`.
pub(crate) fn vi_percent(p: f64) -> String {
    let t = format!("{p:.1}").replace('.', ",");
    if t == "-0,0" { "0,0".into() } else { t }
}

/// A number typed the Vietnamese way (`1.800.000`, `12,5`) or the English way (`12.5`).
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let t: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    // `5.000.000 đồng`, `5.000.000đ`, `5000000 VNĐ`, `20 phút`: the unit is dropped.
    let lower = t.to_lowercase();
    let t =
        ["đồng", "vnđ", "vnd", "đ", "phút"].iter().find_map(|u| lower.strip_suffix(u).map(str::to_string)).unwrap_or(t);
    if t.is_empty() {
        return None;
    }
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let thousands_groups = |sep: char| t.split(sep).skip(1).all(|g| g.len() == 3);
    let normalised = if dots >= 1 && commas == 0 && (dots > 1 || thousands_groups('.')) && t.len() > 4 {
        t.replace('.', "")
    } else if commas > 1 && dots == 0 && thousands_groups(',') {
        // 5,000,000 (English thousands)
        t.replace(',', "")
    } else if commas == 1 && dots == 0 {
        t.replace(',', ".")
    } else if commas >= 1 && dots >= 1 {
        // 1.234,5 (Vietnamese) or 1,234.5 (English)
        if t.rfind(',') > t.rfind('.') { t.replace('.', "").replace(',', ".") } else { t.replace(',', "") }
    } else {
        t
    };
    normalised.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A document number: digits below 10 get their leading zero (`Số: 05/…`).
pub(crate) fn document_number(number: &str) -> String {
    match number.trim().parse::<u32>() {
        Ok(n) if n < 10 => format!("{n:02}"),
        _ => number.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_typed() {
        assert_eq!(vi_number(5448.0), "5.448");
        assert_eq!(vi_number(0.25), "0,25");
        assert_eq!(vi_number(1.5), "1,5");
        assert_eq!(vi_number(1234.5), "1.234,5");
        assert_eq!(vi_number(0.1 + 0.2), "0,3");
        assert_eq!(vi_number(100.0 / 6.0), "16,67");
        assert_eq!(vi_number(0.125), "0,125");
        assert_eq!(vi_number(-2.5), "-2,5");
        assert_eq!(vi_number(0.0), "0");
        assert_eq!(vi_number(1_800_000.0), "1.800.000");
        assert_eq!(vi_percent(16.666), "16,7");
        assert_eq!(vi_percent(-0.01), "0,0");
    }
}
