//! Giấy mời: one PDF per invited delegate, the merged PDF for printing (protocol order),
//! and the register of who was invited.

use rust_xlsxwriter::{FormatAlign, XlsxError};

use super::xlsx::{Col, cell_format, table_sheet, workbook};
use serde::Serialize;

use super::context::{Ctx, Rendered};
use super::parts::{Part, PartsJob, PartsView, render_parts};
use super::views::{self, HeaderView, SignatureView};
use crate::model::{Dataset, Delegate};
use crate::pack::DocKind;
use crate::plan::Plan;

const TEMPLATE: &str = "giay-moi.typ";

/// The invitation template's data (see `templates/giay-moi.typ`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct InvitationView {
    pub font: Vec<&'static str>,
    pub title: String,
    pub header: HeaderView,
    pub kind: &'static str,
    pub subject: String,
    /// `Ủy ban nhân dân tỉnh Tuyên Quang` (… trân trọng kính mời:).
    pub inviter: String,
    /// `trực tiếp kết hợp trực tuyến` when the conference has bridge points.
    pub form: Option<String>,
    /// The conference (Tới dự: …).
    pub event: String,
    /// `Đồng chí Nguyễn Thế Giang, Phó Chủ tịch UBND tỉnh`.
    pub chair: Option<String>,
    /// `01 buổi, bắt đầu từ 08 giờ 00 phút, ngày 15 tháng 12 năm 2023 (thứ Sáu)`.
    pub time: String,
    pub venue: String,
    pub notes: Vec<String>,
    /// `(Chi tiết liên hệ: …, điện thoại: …)`.
    pub contact: Option<String>,
    pub signature: SignatureView,
    pub invitees: Vec<InviteeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InviteeView {
    pub id: String,
    /// `Đồng chí`, `Ông`, `Bà`; or the academic title (`PGS.TS.`), which takes its place.
    pub salutation: String,
    pub name: String,
    /// Position and organisation.
    pub details: String,
    /// `Khu Giữa, hàng A, ghế 05` once seating is built.
    pub seat: Option<String>,
    /// Where this invitee attends when not in the room: `trực tuyến tại Điểm cầu tỉnh Phú
    /// Thọ (Hội trường UBND tỉnh)`.
    pub venue: Option<String>,
}

fn trim_period(s: &str) -> String {
    s.trim_end_matches('.').to_string()
}

/// How long the conference is, as the invitation states it: the setting, else from the
/// programme (`01 buổi` up to five hours, else days).
fn duration(ds: &Dataset) -> Option<String> {
    if let Some(d) = &ds.conference.duration {
        return Some(d.clone());
    }
    let minutes: u32 = ds.agenda.iter().map(|a| a.minutes).sum();
    match minutes {
        0 => None,
        1..=300 => Some("01 buổi".into()),
        m => Some(format!("{:02} ngày", m.div_ceil(600))),
    }
}

pub fn invitee(ds: &Dataset, plan: &Plan, i: usize, d: &Delegate) -> InviteeView {
    InviteeView {
        id: d.id.clone(),
        salutation: d.academic.clone().unwrap_or_else(|| d.honorific.label().to_string()),
        name: d.name.clone(),
        details: d.position_and_organization(),
        seat: plan.seating.as_ref().and_then(|s| s.describe(i)),
        venue: d.bridge.map(|b| bridge_venue(&ds.bridges[b])),
    }
}

/// `trực tuyến tại Điểm cầu tỉnh Phú Thọ (Hội trường Ủy ban nhân dân tỉnh)`.
pub(crate) fn bridge_venue(b: &crate::model::Bridge) -> String {
    match &b.place {
        Some(place) => format!("trực tuyến tại {} ({})", b.name, trim_period(place)),
        None => format!("trực tuyến tại {}", b.name),
    }
}

pub(crate) fn view(ds: &Dataset, plan: &Plan, font: Vec<&'static str>) -> InvitationView {
    let settings = &ds.invitation;
    let c = &ds.conference;
    let start = format!("bắt đầu từ {}, {}", c.start_time.long_vi(), views::date_with_weekday(c.date));
    let time = match duration(ds) {
        Some(d) => format!("{d}, {start}"),
        None => start,
    };
    let chair = plan.chair.map(|i| {
        let d = &ds.delegates[i];
        // The chair is an official: "Đồng chí" whatever the list's honorific.
        match &d.position {
            Some(p) => format!("Đồng chí {}, {}", d.name, trim_period(p)),
            None => format!("Đồng chí {}", d.name),
        }
    });
    let contact = ds.contact.name.as_ref().map(|name| match &ds.contact.phone {
        Some(phone) => format!("(Chi tiết liên hệ: {name}, điện thoại: {phone})"),
        None => format!("(Chi tiết liên hệ: {name})"),
    });
    InvitationView {
        font,
        title: format!("Giấy mời - {}", c.title),
        header: views::header(ds, settings),
        kind: "GIẤY MỜI",
        subject: settings.subject.clone().unwrap_or_else(|| format!("Dự {}", c.title)),
        inviter: ds.issuer.sentence_name.clone(),
        form: (!ds.bridges.is_empty()).then(|| "trực tiếp kết hợp trực tuyến".to_string()),
        event: trim_period(&c.title),
        chair,
        time,
        venue: trim_period(&c.venue),
        notes: settings.notes.clone(),
        contact,
        signature: views::signature(settings),
        invitees: Vec::new(),
    }
}

impl PartsView for InvitationView {
    type Item = InviteeView;

    fn with_items(&self, items: Vec<InviteeView>) -> Self {
        InvitationView { invitees: items, ..self.clone() }
    }
}

/// Renders every invitation, the merged file and the register.
pub(crate) fn render(ds: &Dataset, plan: &Plan, ctx: &Ctx<'_>) -> Rendered {
    let base = view(ds, plan, ctx.font.clone());
    let invitees: Vec<(usize, InviteeView)> =
        plan.invitees.iter().map(|&i| (i, invitee(ds, plan, i, &ds.delegates[i]))).collect();
    let parts = invitees
        .iter()
        .map(|(i, v)| Part {
            id: v.id.clone(),
            name: v.name.clone(),
            path: format!("giay-moi/{}.pdf", plan.file_stems[*i]),
            item: v.clone(),
            src: None,
        })
        .collect();
    let job = PartsJob {
        template: TEMPLATE,
        kind: DocKind::Invitations,
        date: ds.invitation.date.unwrap_or(ds.conference.date),
        base: &base,
        merged_path: "giay-moi.pdf",
        label: "Giấy mời",
        parts,
        max_pages: Some(1),
    };
    let (mut artefacts, mut warnings) = render_parts(job, ctx)?;
    artefacts.push(ctx.xlsx("danh-sach-giay-moi.xlsx", DocKind::Invitations, invitation_register(ds, plan, &invitees)));
    let (bridges, more) = super::bridges::render(ds, plan, ctx)?;
    artefacts.extend(bridges);
    warnings.extend(more);
    Ok((artefacts, warnings))
}

/// `danh-sach-giay-moi.xlsx`: who was invited, in protocol order.
pub(crate) fn invitation_register(ds: &Dataset, plan: &Plan, invitees: &[(usize, InviteeView)]) -> Vec<u8> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = workbook(ds, "Danh sách giấy mời");
        let ws = wb.add_worksheet();
        let mut cols = vec![
            Col { header: "STT", width: 6.0 },
            Col { header: "Mã", width: 10.0 },
            Col { header: "Danh xưng", width: 10.0 },
            Col { header: "Họ và tên", width: 24.0 },
            Col { header: "Chức vụ", width: 34.0 },
            Col { header: "Cơ quan, đơn vị", width: 34.0 },
            Col { header: "Nhóm", width: 18.0 },
            Col { header: "Điện thoại", width: 14.0 },
            Col { header: "Email", width: 26.0 },
            Col { header: "Xác nhận", width: 14.0 },
            Col { header: "Ghế", width: 10.0 },
            Col { header: "Tệp giấy mời", width: 30.0 },
        ];
        // A hybrid conference says where each invitee takes part.
        let hybrid = !ds.bridges.is_empty();
        if hybrid {
            cols.push(Col { header: "Điểm cầu", width: 30.0 });
        }
        let first = table_sheet(
            ws,
            "Giấy mời",
            &format!("DANH SÁCH GỬI GIẤY MỜI - {}", ds.conference.title.to_uppercase()),
            &cols,
            invitees.len(),
            true,
        )?;
        let fmt = cell_format();
        let centred = cell_format().set_align(FormatAlign::Center);
        for (n, (i, _)) in invitees.iter().enumerate() {
            let d = &ds.delegates[*i];
            let seat_code = plan
                .seating
                .as_ref()
                .and_then(|s| s.seat_of[*i].map(|seat| s.hall.seats[seat].code.clone()))
                .unwrap_or_default();
            let r = first + n as u32;
            ws.write_number_with_format(r, 0, (n + 1) as f64, &centred)?;
            let texts = [
                d.id.as_str(),
                d.honorific.label(),
                &d.titled_name(),
                d.position.as_deref().unwrap_or(""),
                d.organization.as_str(),
                ds.groups[d.group].name.as_str(),
                d.phone.as_deref().unwrap_or(""),
                d.email.as_deref().unwrap_or(""),
                d.attendance.label(),
                seat_code.as_str(),
            ];
            for (c, t) in texts.iter().enumerate() {
                // Written as strings: a phone number stays text with its leading 0.
                ws.write_string_with_format(r, (c + 1) as u16, *t, &fmt)?;
            }
            ws.write_string_with_format(r, 11, format!("giay-moi/{}.pdf", plan.file_stems[*i]), &fmt)?;
            if hybrid {
                let at = d.bridge.map_or("", |b| ds.bridges[b].name.as_str());
                ws.write_string_with_format(r, 12, at, &fmt)?;
            }
        }
        wb.save_to_buffer()
    };
    build().expect("the register's cells are within Excel's limits")
}
