//! The data behind the summary report: OCOP products (`Sản phẩm OCOP`), targets (`Chỉ tiêu`) and the narrative (`Báo cáo`).

use super::fields::{self};
use super::{Validator, src};
use crate::diag::{Diagnostic, Text, quote};
use crate::input::TableKind;
use crate::model::*;
use crate::text::loose_key;

impl Validator<'_> {
    /// Products the report cannot place: a district outside `Báo cáo: Thứ tự huyện` (when
    /// it is given)
    /// (`H. Na Hang` is found; `Huyện Na Hng` is not), a producer kind that is none of
    /// Biểu 4's four. Said once per distinct value, at its first cell.
    pub(super) fn check_products(&mut self, district_order: &[String], products: &[Product]) {
        use crate::model::{PRODUCER_KINDS, district_key, kind_key};
        let known: Vec<String> = district_order.iter().map(|d| district_key(d)).collect();
        let mut said: std::collections::HashSet<String> = std::collections::HashSet::new();
        for p in products {
            if !known.is_empty()
                && !known.contains(&district_key(&p.district))
                && said.insert(format!("d:{}", loose_key(&p.district)))
            {
                let order = district_order.join(", ");
                self.push(
                    Diagnostic::warning(
                        "unknown-district",
                        p.src.loc("district"),
                        Text::new(
                            format!(
                                "{} không có trong danh sách huyện của báo cáo; báo cáo thêm một dòng riêng cho nó",
                                quote(&p.district)
                            ),
                            format!(
                                "{} is not one of the report's districts; the report gives it a row of its own",
                                quote(&p.district)
                            ),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("sửa cho đúng tên ({order}), hoặc thêm vào “Báo cáo: Thứ tự huyện”"),
                        format!("correct the name ({order}), or add it to “Báo cáo: Thứ tự huyện”"),
                    )),
                );
            }
            if let Some(kind) = &p.producer_kind
                && kind_key(kind).is_none()
                && said.insert(format!("k:{}", loose_key(kind)))
            {
                let kinds = PRODUCER_KINDS.join(", ");
                self.push(
                    Diagnostic::warning(
                        "unknown-producer-kind",
                        p.src.loc("producer_kind"),
                        Text::new(
                            format!(
                                "Loại chủ thể {} không thuộc {kinds}: Biểu 4 tính vào dòng “{}”",
                                quote(kind),
                                crate::model::OTHER_KIND
                            ),
                            format!(
                                "producer kind {} is none of {kinds}: Biểu 4 counts it under “{}”",
                                quote(kind),
                                crate::model::OTHER_KIND
                            ),
                        ),
                    )
                    .with_hint(Text::new(format!("chọn một trong: {kinds}"), format!("use one of: {kinds}"))),
                );
            }
        }
    }

    pub(super) fn products(&mut self) -> Vec<Product> {
        let table = self.raw.table(TableKind::Products);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Products, rec);
            let name = f.required("name", "Chè Shan tuyết Hồng Thái");
            let producer = f.required("producer", "Hợp tác xã Sơn Trà");
            let producer_kind = f.text("producer_kind");
            let address = f.text("address");
            let district = f.required("district", "Huyện Na Hang");
            let group = f.required("product_group", "Thực phẩm").and_then(|g| {
                let k = loose_key(&g);
                let found = OLD_PRODUCT_GROUPS.iter().find(|(_, names)| names.iter().any(|n| loose_key(n) == k));
                match found {
                    Some((i, names)) => {
                        if loose_key(names[0]) != k {
                            f.push(
                                Diagnostic::warning(
                                    "old-vocabulary",
                                    rec.loc("product_group"),
                                    Text::new(
                                        format!(
                                            "Nhóm sản phẩm {} được hiểu là “{}” (QĐ 148/QĐ-TTg)",
                                            quote(&g),
                                            PRODUCT_GROUPS[*i]
                                        ),
                                        format!(
                                            "product group {} read as “{}” (Decision 148/QĐ-TTg)",
                                            quote(&g),
                                            PRODUCT_GROUPS[*i]
                                        ),
                                    ),
                                )
                                .with_hint(Text::new(
                                    "dùng tên nhóm của QĐ 148/QĐ-TTg",
                                    "use the group names of Decision 148/QĐ-TTg",
                                )),
                            );
                        }
                        Some(*i)
                    }
                    None => {
                        f.push(fields::bad_choice(
                            rec.loc("product_group"),
                            "Nhóm sản phẩm",
                            &g,
                            &PRODUCT_GROUPS.join("; "),
                        ));
                        None
                    }
                }
            });
            let stars = f.stars("stars");
            let year = f.whole("year", (2000.0, 2100.0)).map(|y| y as i32);
            if year.is_none() && rec.value("year").is_empty() {
                f.push(fields::missing(rec.loc("year"), "Năm công nhận", "2023"));
            }
            let decision = f.text("decision");
            let (Some(name), Some(producer), Some(district), Some(group), Some(stars), Some(year)) =
                (name, producer, district, group, stars, year)
            else {
                continue;
            };
            out.push(Product {
                name,
                producer,
                producer_kind,
                address,
                district,
                group,
                stars,
                year,
                decision,
                src: src(rec),
            });
        }
        out
    }

    /// The targets. `countable`: the data has a product list, from which targets named
    /// `Số sản phẩm …` / `Số chủ thể …` are counted when their result is not given.
    pub(super) fn targets(&mut self, countable: bool) -> Vec<Target> {
        let table = self.raw.table(TableKind::Targets);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Targets, rec);
            let name = f.required("name", "Tỷ lệ hộ nghèo");
            let year = f.whole("year", (2000.0, 2100.0)).map(|y| y as i32);
            let planned = f.number("planned", Some((-1e15, 1e15)));
            if planned.is_none() && rec.value("planned").is_empty() {
                f.push(fields::missing(rec.loc("planned"), "Kế hoạch", "40"));
            }
            let achieved = f.number("achieved", Some((-1e15, 1e15)));
            let unit = f.text("unit");
            let direction = direction(&mut f, rec);
            if let Some(name) = &name
                && achieved.is_none()
                && rec.value("achieved").is_empty()
                && !(countable && crate::model::target_metric(name).is_some())
            {
                let counted = if countable {
                    " — vanthu tự đếm từ sheet Sản phẩm OCOP chỉ các chỉ tiêu “Số sản phẩm …” và “Số chủ thể …”"
                } else {
                    ""
                };
                let counted_en = if countable {
                    " — vanthu counts only “Số sản phẩm …” and “Số chủ thể …” targets from the product list itself"
                } else {
                    ""
                };
                f.push(
                    Diagnostic::error(
                        "target-without-result",
                        rec.loc("name"),
                        Text::new(
                            format!("chỉ tiêu {} chưa có kết quả thực hiện", quote(name)),
                            format!("the target {} has no result", quote(name)),
                        ),
                    )
                    .with_hint(Text::new(
                        format!("ghi kết quả vào cột “Đạt được” (thêm cột nếu chưa có){counted}"),
                        format!("write the result in the “Đạt được” column (add it if missing){counted_en}"),
                    )),
                );
            }
            if let (Some(name), Some(planned)) = (name, planned) {
                out.push(Target { name, year, planned, achieved, unit, direction, src: src(rec) });
            }
        }
        out
    }

    pub(super) fn report(&mut self) -> Vec<ReportSection> {
        let table = self.raw.table(TableKind::Report);
        let mut out = Vec::new();
        for rec in &table.records {
            let mut f = self.fields(TableKind::Report, rec);
            let heading = f.required("heading", "I. KẾT QUẢ THỰC HIỆN");
            let body = f.required("body", "…");
            if let (Some(heading), Some(body)) = (heading, body) {
                out.push(ReportSection { heading, body, src: src(rec) });
            }
        }
        out
    }
}

/// `Chiều`: higher is better (the default) or lower (`thấp hơn là tốt`, `≤`, `không quá`).
fn direction(f: &mut fields::Fields<'_>, rec: &crate::input::Record) -> Direction {
    const DIRECTIONS: &[(Direction, &[&str])] = &[
        (
            Direction::Higher,
            &[
                "Cao hơn là tốt",
                "Cao",
                "Càng cao càng tốt",
                "Tăng",
                "Không thấp hơn",
                "Tối thiểu",
                "Trở lên",
                "Ít nhất",
            ],
        ),
        (
            Direction::Lower,
            &[
                "Thấp hơn là tốt",
                "Thấp",
                "Càng thấp càng tốt",
                "Giảm",
                "Không quá",
                "Không vượt",
                "Tối đa",
                "Dưới",
                "Trở xuống",
                "Không cao hơn",
            ],
        ),
    ];
    let text = match rec.value("direction") {
        crate::input::Value::Text(t) => t.trim().to_string(),
        _ => String::new(),
    };
    match text.as_str() {
        "≥" | ">=" | ">" => return Direction::Higher,
        "≤" | "<=" | "<" => return Direction::Lower,
        _ => {}
    }
    f.choice("direction", DIRECTIONS, false).unwrap_or_default()
}
