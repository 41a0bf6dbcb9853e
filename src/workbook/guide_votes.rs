//! The notes on the headers of the two sheets of a vote (`Bầu cử`, `Ứng cử viên`).

/// Sheet `Bầu cử`.
pub(crate) fn election_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => "Mã ngắn của cuộc bầu (BCH, TTND), để ghi ở cột Cuộc bầu của sheet Ứng cử viên. Không bắt buộc.",
        "title" => {
            "Bầu gì: Ban Chấp hành Công đoàn Trường nhiệm kỳ 2025 - 2030. In trên phiếu bầu và làm trích yếu Biên bản kiểm phiếu (“Bầu …”)."
        }
        "seats" => "Số người được bầu, đã được hội nghị biểu quyết: 5.",
        "copies" => "Số phiếu bầu cần in. Bỏ trống: bằng Số được triệu tập, hoặc số đại biểu dự hội nghị.",
        "threshold" => {
            "Điều kiện trúng cử: quá 1/2 (mặc định), quá 50%, từ 2/3 … “quá” là nhiều hơn, “từ” là bằng hoặc nhiều hơn."
        }
        "base" => {
            "Tỷ lệ tính trên: Số phiếu hợp lệ (mặc định), Số phiếu thu về, Số phiếu phát ra, Số được triệu tập — theo điều lệ, quy chế bầu cử của tổ chức."
        }
        "summoned" => "Số đại biểu (cử tri) được triệu tập. Cần khi tỷ lệ tính trên số được triệu tập.",
        "stamp" => {
            "Dấu đóng ở góc trên bên trái phiếu bầu: Ban Chấp hành Công đoàn Trường. Bỏ trống: tên cơ quan tổ chức."
        }
        "issued" => "Sau khi bầu: số phiếu Ban kiểm phiếu phát ra.",
        "returned" => "Sau khi bầu: số phiếu thu về (bỏ vào hòm phiếu).",
        "valid" => "Sau khi bầu: số phiếu hợp lệ.",
        "invalid" => "Sau khi bầu: số phiếu không hợp lệ. Hợp lệ + không hợp lệ = thu về.",
        "board_head" => "Họ tên (hoặc Mã đại biểu) Trưởng ban kiểm phiếu, ký Biên bản kiểm phiếu.",
        "board" => "Các thành viên Ban kiểm phiếu, cách nhau bằng dấu chấm phẩy; ký bên cạnh Trưởng ban.",
        "time" => "Giờ lập Biên bản kiểm phiếu: 10:30. Bỏ trống: để chỗ trống điền tay.",
        _ => return None,
    })
}

/// Sheet `Ứng cử viên`.
pub(crate) fn candidate_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "election" => "Cuộc bầu (Mã hoặc tên như ở sheet Bầu cử). Bỏ trống khi chỉ có một cuộc bầu.",
        "name" => "Họ và tên người trong danh sách bầu, theo thứ tự in trên phiếu (thường theo vần a, b, c).",
        "detail" => "Chức vụ, đơn vị công tác, in cạnh họ tên trên phiếu: Giảng viên Khoa Nông học.",
        "votes" => "Sau khi kiểm phiếu: số phiếu bầu người này đạt. Bỏ trống trước khi bầu.",
        _ => return None,
    })
}
