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
