//! The data a report's tables and counts read: the contract's lists as tables whose columns
//! bear the contract's headers (with their other names) and hold the validated values
//! (`Hình thức` is `Giấy khen` however it was typed, `Huyện, thành phố` the district as the
//! report names it), and the clerk's own sheets as read.

use crate::diag::Loc;
use crate::input::{TableKind, schema};
use crate::model::{
    Dataset, Datum, Direction, NumberFormat, OTHER_KIND, PRODUCER_KINDS, PRODUCT_GROUPS, Sheet, SheetColumn, SheetRow,
    Src, district_name, kind_key,
};
use crate::plan::stats::TargetRow;

/// A column of list `kind` named as the contract heads it (`key`'s header and aliases).
fn contract_column(kind: TableKind, key: &str) -> SheetColumn {
    let spec = schema::table(kind).column(key).expect("a column of the contract");
    SheetColumn {
        name: spec.header.to_string(),
        aliases: spec.aliases.iter().map(|a| a.to_string()).collect(),
        format: NumberFormat::Exact,
    }
}

/// A list's table: its columns (contract keys, or computed columns with their names) and
/// its rows.
struct Builder {
    kind: TableKind,
    keys: Vec<&'static str>,
    sheet: Sheet,
}

impl Builder {
    fn new(ds: &Dataset, kind: TableKind) -> Builder {
        let spec = schema::table(kind);
        let loc = Loc::Sheet { file: ds.file.clone(), sheet: spec.sheet.into() };
        let sheet = Sheet {
            name: spec.sheet.to_string(),
            aliases: spec.sheet_aliases.iter().map(|a| a.to_string()).collect(),
            loc,
            columns: Vec::new(),
            rows: Vec::new(),
        };
        Builder { kind, keys: Vec::new(), sheet }
    }

    /// A column of the contract.
    fn column(mut self, key: &'static str) -> Builder {
        self.keys.push(key);
        self.sheet.columns.push(contract_column(self.kind, key));
        self
    }

    /// A column of the contract printed without thousands separators (years).
    fn year_column(mut self, key: &'static str) -> Builder {
        self = self.column(key);
        self.sheet.columns.last_mut().expect("just pushed").format = NumberFormat::Plain;
        self
    }

    /// A computed column (`Tỷ lệ (%)`), located at the row's `key` cell.
    fn computed(mut self, at: &'static str, name: &str, aliases: &[&str], format: NumberFormat) -> Builder {
        self.keys.push(at);
        self.sheet.columns.push(SheetColumn {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            format,
        });
        self
    }

    fn row(&mut self, src: &Src, cells: Vec<Datum>) {
        debug_assert_eq!(cells.len(), self.keys.len());
        let locs = self.keys.iter().map(|k| src.loc(k)).collect();
        self.sheet.rows.push(SheetRow { cells, locs });
    }
}

fn text(s: &str) -> Datum {
    if s.trim().is_empty() { Datum::Empty } else { Datum::Text(s.to_string()) }
}

fn opt(s: &Option<String>) -> Datum {
    s.as_deref().map_or(Datum::Empty, text)
}

fn delegates(ds: &Dataset) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Delegates)
        .column("id")
        .column("honorific")
        .column("name")
        .column("position")
        .column("organization")
        .column("group")
        .column("invited")
        .column("attendance")
        .column("bridge")
        .column("seat");
    for d in &ds.delegates {
        let cells = vec![
            text(&d.id),
            text(d.honorific.label()),
            text(&d.name),
            opt(&d.position),
            text(&d.organization),
            text(&ds.groups[d.group].name),
            text(if d.invited { "Có" } else { "Không" }),
            text(d.attendance.label()),
            opt(&d.bridge.map(|b| ds.bridges[b].name.clone())),
            opt(&d.seat),
        ];
        b.row(&d.src, cells);
    }
    b.sheet
}

fn awards(ds: &Dataset) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Awards)
        .column("kind")
        .column("honorific")
        .column("name")
        .column("unit")
        .column("form")
        .column("decision")
        .column("authority")
        .column("proposer");
    for (i, a) in ds.awards.iter().enumerate() {
        let decision = ds.decisions.iter().find(|d| d.awards.contains(&i));
        let authority = decision.map(|d| {
            let auth = ds.award_settings.authority_of(d.conferrer);
            format!("{} {}", auth.head, auth.body)
        });
        let cells = vec![
            text(a.kind.label()),
            a.honorific.map_or(Datum::Empty, |h| text(h.label())),
            text(&a.name),
            opt(&a.unit),
            text(a.form.name()),
            opt(&decision.and_then(|d| d.doc.number.clone()).or_else(|| a.decision_key.clone())),
            opt(&authority),
            opt(&a.proposer),
        ];
        b.row(&a.src, cells);
    }
    b.sheet
}

fn products(ds: &Dataset) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Products)
        .column("name")
        .column("producer")
        .column("producer_kind")
        .column("address")
        .column("district")
        .column("product_group")
        .column("stars")
        .year_column("year")
        .column("decision");
    let order = &ds.report_settings.district_order;
    for p in &ds.products {
        let kind = p.producer_kind.as_deref().and_then(kind_key).map_or(OTHER_KIND, |k| PRODUCER_KINDS[k]);
        let cells = vec![
            text(&p.name),
            text(&p.producer),
            text(kind),
            opt(&p.address),
            text(district_name(&p.district, order)),
            text(PRODUCT_GROUPS[p.group]),
            text(&format!("{} sao", p.stars)),
            Datum::Number(f64::from(p.year)),
            opt(&p.decision),
        ];
        b.row(&p.src, cells);
    }
    b.sheet
}

/// The targets with what they achieved, the percentage (higher is better) and the verdict.
fn targets(ds: &Dataset, rows: &[TargetRow]) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Targets)
        .column("name")
        .column("unit")
        .year_column("year")
        .column("planned")
        .column("achieved")
        .computed("achieved", "Tỷ lệ (%)", &["Tỷ lệ", "Tỷ lệ thực hiện", "Tỷ lệ đạt"], NumberFormat::Percent)
        .computed("achieved", "Đánh giá", &["Kết quả đánh giá", "Đạt/Không đạt"], NumberFormat::Exact);
    // `Đạt được` also answers to `Thực hiện`, the word the tables print.
    b.sheet.columns[4].name = "Thực hiện".into();
    b.sheet.columns[4].aliases.push("Đạt được".into());
    for (t, row) in ds.targets.iter().zip(rows) {
        let cells = vec![
            text(&t.name),
            opt(&t.unit),
            t.year.map_or(Datum::Empty, |y| Datum::Number(f64::from(y))),
            Datum::Number(t.planned),
            Datum::Number(row.achieved),
            match (t.direction, row.percent) {
                (Direction::Higher, Some(p)) => Datum::Number(p),
                _ => Datum::Empty,
            },
            text(row.verdict),
        ];
        b.row(&t.src, cells);
    }
    b.sheet
}

fn signings(ds: &Dataset) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Signings).column("party_a").column("party_b").column("subject");
    for s in &ds.signings {
        b.row(&s.src, vec![text(&s.party_a), text(&s.party_b), opt(&s.subject)]);
    }
    b.sheet
}

/// The bridge points: what the clerk wrote, and how many of the delegates' list take part
/// there (`Số đại biểu có tên`).
fn bridges(ds: &Dataset) -> Sheet {
    let mut b = Builder::new(ds, TableKind::Bridges)
        .column("name")
        .column("place")
        .column("chair")
        .column("expected")
        .computed("name", "Số đại biểu có tên", &["Đại biểu có tên"], NumberFormat::Exact);
    for (i, x) in ds.bridges.iter().enumerate() {
        let listed = ds.delegates.iter().filter(|d| d.bridge == Some(i) && d.attends()).count();
        let cells = vec![
            text(&x.name),
            opt(&x.place),
            opt(&x.chair),
            x.expected.map_or(Datum::Empty, |n| Datum::Number(f64::from(n))),
            Datum::Number(listed as f64),
        ];
        b.row(&x.src, cells);
    }
    b.sheet
}

/// Every table a report may read: the contract's lists, then the clerk's own sheets.
pub(crate) fn sources(ds: &Dataset, targets_rows: &[TargetRow]) -> Vec<Sheet> {
    let mut out = vec![delegates(ds), awards(ds), products(ds), targets(ds, targets_rows), signings(ds), bridges(ds)];
    out.extend(ds.sheets.iter().cloned());
    out
}
