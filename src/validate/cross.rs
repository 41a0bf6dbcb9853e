//! Checks across sheets and settings: document dates against the meeting.

use super::Validator;
use super::settings::Settings;
use crate::diag::{Diagnostic, Text};
use crate::input::schema;

impl Validator<'_> {
    /// Document dates against the meeting: an invitation dated after the meeting, or a
    /// date months away from it (a year typed wrong), is probably a slip.
    pub(super) fn check_dates(&mut self, s: &Settings, has_awards: bool) {
        let meeting = s.conference.date;
        self.check_meeting_year(meeting);
        let names = [("Giấy mời", "the invitation"), ("Quyết định", "the decision"), ("Báo cáo", "the report")];
        for (i, (_, kind)) in schema::DOCUMENT_KINDS.iter().enumerate().take(3) {
            let key = format!("documents.{kind}.date");
            let Some(date) = s.docs[i].date else {
                if i == 1 && has_awards {
                    self.push(
                        Diagnostic::warning(
                            "decision-date",
                            self.setting_loc(&key),
                            Text::new(
                                "Quyết định khen thưởng chưa có ngày: in “ngày … tháng … năm”, căn cứ pháp lý chọn theo ngày họp",
                                "the award decision has no date: printed blank, its legal grounds chosen by the meeting date",
                            ),
                        )
                        .with_hint(Text::new("điền “Quyết định: Ngày” khi đã ký", "fill in “Quyết định: Ngày” once it is signed")),
                    );
                }
                continue;
            };
            let days = date.days_from_epoch() - meeting.days_from_epoch();
            let (vi_doc, en_doc) = names[i];
            let said = if i < 2 && days > 0 {
                Some((
                    format!("{vi_doc} ghi ngày {} — sau ngày họp {}", date.dmy(), meeting.dmy()),
                    format!("{en_doc} is dated {}, after the meeting on {}", date.dmy(), meeting.dmy()),
                ))
            } else if days.abs() > 180 {
                Some((
                    format!("{vi_doc} ghi ngày {}, cách ngày họp {} hơn 6 tháng", date.dmy(), meeting.dmy()),
                    format!(
                        "{en_doc} is dated {}, more than 6 months from the meeting on {}",
                        date.dmy(),
                        meeting.dmy()
                    ),
                ))
            } else {
                None
            };
            if let Some((vi, en)) = said {
                self.push(
                    Diagnostic::warning("date-mismatch", self.setting_loc(&key), Text::new(vi, en))
                        .with_hint(Text::new("kiểm tra lại ngày, tháng, năm", "check the day, month and year")),
                );
            }
        }
    }

    /// A meeting more than a year ahead of the machine's clock (`2062` for `2026`) is a
    /// slip the document dates cannot reveal when they carry the same year.
    fn check_meeting_year(&mut self, meeting: crate::text::Date) {
        use chrono::Datelike;
        let today = chrono::Local::now().date_naive();
        let today = crate::text::Date { year: today.year(), month: today.month() as u8, day: today.day() as u8 };
        if meeting.days_from_epoch() - today.days_from_epoch() > 366 {
            self.push(
                Diagnostic::warning(
                    "date-far",
                    self.setting_loc("conference.date"),
                    Text::new(
                        format!("ngày họp {} còn hơn một năm nữa (hôm nay {})", meeting.dmy(), today.dmy()),
                        format!("the meeting on {} is more than a year away (today is {})", meeting.dmy(), today.dmy()),
                    ),
                )
                .with_hint(Text::new("kiểm tra lại năm", "check the year")),
            );
        }
    }
}
