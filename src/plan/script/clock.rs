//! Clock times: an item starts at its own `Thời gian`, else when the previous one ends.

use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::AgendaItem;
use crate::text::Time;

/// The start and end of item `i` (`a`) when the previous item ends at `clock`. A fixed time
/// earlier than that is an error (the time is kept, so the rest can be checked); a 0-minute
/// item is a warning; running past midnight is an error that stops the script (`None`).
pub(super) fn times(a: &AgendaItem, i: usize, clock: Time, diags: &mut Diagnostics) -> Option<(Time, Time)> {
    let start = match a.time {
        Some(t) if i > 0 && t < clock => {
            diags.push(
                Diagnostic::error(
                    "time-order",
                    a.src.loc("time"),
                    Text::new(
                        format!("giờ bắt đầu {} sớm hơn giờ kết thúc của mục trước ({})", t.hm(), clock.hm()),
                        format!("the start time {} is before the previous item ends ({})", t.hm(), clock.hm()),
                    ),
                )
                .with_hint(Text::new(
                    "sửa giờ bắt đầu, hoặc bớt thời lượng các mục trước, hoặc để trống để tự tính",
                    "fix the start time, shorten the items before, or leave it empty to compute it",
                )),
            );
            t
        }
        Some(t) => t,
        None => clock,
    };
    if a.minutes == 0 {
        diags.push(
            Diagnostic::warning(
                "zero-minutes",
                a.src.loc("minutes"),
                Text::new(
                    format!("mục “{}” có thời lượng 0 phút: mục sau bắt đầu cùng giờ", a.title),
                    format!("“{}” lasts 0 minutes: the next item starts at the same time", a.title),
                ),
            )
            .with_hint(Text::new("ghi số phút của mục này", "write how many minutes it takes")),
        );
    }
    let Some(end) = start.add_minutes(a.minutes) else {
        diags.push(
            Diagnostic::error(
                "time-order",
                a.src.loc("minutes"),
                Text::new("chương trình kéo dài qua nửa đêm", "the programme runs past midnight"),
            )
            .with_hint(Text::new(
                "kiểm tra Giờ bắt đầu (sheet Hội nghị) và cột Thời gian, Thời lượng (phút) của các mục",
                "check the start time (Hội nghị sheet) and the items' Thời gian and Thời lượng (phút)",
            )),
        );
        return None;
    };
    Some((start, end))
}
