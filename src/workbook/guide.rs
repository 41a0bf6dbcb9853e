//! The words vanthu writes into the clerk's workbook: the `Hướng dẫn` sheet and the note
//! on each header and setting.

use crate::input::schema::{SettingSpec, TableKind};

/// The `Hướng dẫn` sheet: (line, is a heading).
pub(crate) const GUIDE: &[(&str, bool)] = &[
    ("HƯỚNG DẪN NHẬP LIỆU HỘI NGHỊ", true),
    (
        "Bảng tính này là dữ liệu của một hội nghị. vanthu đọc nó và tạo bộ văn bản theo Nghị định 30/2020/NĐ-CP: Giấy mời, sơ đồ chỗ ngồi và biển tên, chương trình và kịch bản, Quyết định khen thưởng kèm Bằng khen, Giấy khen, giấy chứng nhận danh hiệu, Báo cáo.",
        false,
    ),
    ("1. Điền dữ liệu", true),
    (
        "- Sheet “Hội nghị”: thông tin chung, mỗi dòng một mục (cột Giá trị). Cột Giải thích cho biết phải ghi gì.",
        false,
    ),
    (
        "- Các sheet danh sách (Đại biểu, Khen thưởng, Chương trình, …): mỗi dòng một người / một mục. Rê chuột vào ô tiêu đề để xem ghi chú.",
        false,
    ),
    ("- Mỗi sheet có hai dòng ví dụ: sửa hoặc xóa chúng, rồi thêm dòng mới bên dưới.", false),
    (
        "- Cột có mũi tên chọn (Danh xưng, Nhóm, Mời, Xác nhận, Loại, Hạng sao, …): chọn trong danh sách. Danh sách nằm ở sheet “Danh mục”; các nhóm đại biểu ở sheet “Nhóm”.",
        false,
    ),
    ("- Ngày ghi 15/12/2026, giờ ghi 08:00 hoặc 8h30. Số điện thoại ghi cả số 0 đầu.", false),
    (
        "- Mời, dự và chủ nhà là ba việc khác nhau: cột Mời = gửi Giấy mời hay không; cột Xác nhận = có dự không; nhóm có Chủ nhà = Có là người của cơ quan tổ chức (không gửi Giấy mời, vẫn được xếp chỗ, chào và giới thiệu sau khách mời).",
        false,
    ),
    (
        "- Hội nghị trực tuyến: liệt kê các điểm cầu ở sheet “Điểm cầu”; ở sheet Đại biểu, cột Điểm cầu ghi nơi người đó dự. Chương trình có thể có mục loại Kết nối (kết nối, kiểm tra kỹ thuật).",
        false,
    ),
    (
        "- Khen thưởng: mỗi dòng ghi Hình thức (Bằng khen, Giấy khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …); mỗi hình thức thành một Quyết định riêng. Số, ngày, người ký, tiền thưởng của từng Quyết định ghi ở sheet “Quyết định” (không bắt buộc); bỏ trống thì lấy các dòng “Quyết định: …” ở sheet Hội nghị.",
        false,
    ),
    (
        "- Bầu cử tại hội nghị (không bắt buộc): mỗi cuộc bầu một dòng ở sheet “Bầu cử” (Cuộc bầu, Số lượng bầu, Số phiếu in, Tỷ lệ trúng cử — bỏ trống là quá 1/2 số phiếu hợp lệ); danh sách bầu ở sheet “Ứng cử viên” (Cuộc bầu, Họ và tên, Chức vụ, đơn vị). vanthu in phiếu bầu (phieu-bau.pdf). Sau khi kiểm phiếu, ghi số phiếu phát ra, thu về, hợp lệ, không hợp lệ và số phiếu bầu của từng người rồi chạy lại: có thêm Biên bản kiểm phiếu (bien-ban-kiem-phieu.pdf) và ket-qua-bau-cu.xlsx.",
        false,
    ),
    ("- Có thể đổi thứ tự cột, thêm cột riêng, thêm dòng tiêu đề phía trên; không đổi tên sheet và tên cột.", false),
    (
        "- Dùng phông Unicode (Times New Roman). Chữ gõ bằng TCVN3 (.VnTime) hoặc VNI vẫn được tự chuyển sang Unicode và báo lại từng ô.",
        false,
    ),
    ("2. Bảng số liệu trong báo cáo", true),
    (
        "- Mỗi bảng, biểu đồ của báo cáo là một dòng ở sheet “Bảng biểu”: lấy số liệu từ một sheet (danh sách của mẫu, hoặc sheet riêng do đơn vị thêm: một dòng tiêu đề cột rồi các dòng số liệu), gom theo một cột, đếm hoặc cộng, in ở Phụ lục hoặc ngay trong bài.",
        false,
    ),
    (
        "- Ví dụ 1 (khen thưởng theo hình thức): Mã = khen-thuong; Tên bảng = Kết quả khen thưởng năm 2026; Dữ liệu = Khen thưởng; Hàng = Hình thức; Cột = Loại; Giá trị = Đếm; Đơn vị tính = lượt; Biểu đồ = Cột chồng.",
        false,
    ),
    (
        "- Ví dụ 2 (kinh phí): thêm sheet “Kinh phí” có các cột Nội dung | Dự toán | Thực hiện; ở “Bảng biểu”: Mã = kinh-phi; Dữ liệu = Kinh phí; Giá trị = Nội dung; Dự toán; Thực hiện; Đơn vị tính = triệu đồng; Dòng tổng = Có; Vị trí = Trong bài; Biểu đồ = Cột; Cột biểu đồ = Dự toán; Thực hiện.",
        false,
    ),
    (
        "- Trong sheet Báo cáo, dòng {{ bang(\"kinh-phi\") }} in bảng ở chỗ đó; {{ tong(\"Kinh phí\", \"Thực hiện\") }} ghi tổng kinh phí thực hiện vào câu văn; {{ dem(\"Khen thưởng\", \"Hình thức\", \"Giấy khen\") }} ghi số Giấy khen.",
        false,
    ),
    (
        "- Chỉ tiêu (sheet Chỉ tiêu): ghi Đơn vị tính và Chiều (Thấp hơn là tốt với tỷ lệ hộ nghèo…); báo cáo tự in bảng Kết quả thực hiện chỉ tiêu với Tỷ lệ (%) hoặc Đạt/Không đạt.",
        false,
    ),
    (
        "- Phần OCOP (các biểu theo năm, địa bàn, nhóm sản phẩm và danh sách sản phẩm) chỉ in khi sheet Sản phẩm OCOP có sản phẩm.",
        false,
    ),
    ("3. Tạo văn bản", true),
    ("- Lưu bảng tính, rồi chạy: vanthu build hoi-nghi.xlsx", false),
    ("- Văn bản được ghi vào thư mục output\\<Mã hội nghị> cạnh nơi chạy lệnh: PDF để in, XLSX để theo dõi.", false),
    (
        "- Sửa bảng tính và chạy lại bao nhiêu lần cũng được: chỉ những tệp có thay đổi được tạo lại; tệp thay-doi.xlsx liệt kê những gì đã đổi và tệp nào cần in lại.",
        false,
    ),
    ("- vanthu watch hoi-nghi.xlsx: tự tạo lại mỗi khi lưu bảng tính.", false),
    (
        "- Kế hoạch, Thông báo, Công văn, Tờ trình …: mỗi văn bản là một tệp chữ .md trong thư mục van-ban cạnh bảng tính (mẫu: van-ban\\ke-hoach.md). Đầu tệp, giữa hai dòng ---, ghi loại, số, ngày, trích yếu, kính gửi, người ký, nơi nhận; sau đó là nội dung, mỗi đoạn một dòng, đánh số I. 1. a) - như thường lệ. {{ conference.date }} lấy ngày hội nghị từ bảng tính. vanthu build tạo van-ban\\<tên tệp>.pdf.",
        false,
    ),
    ("4. Khi có lỗi", true),
    (
        "- Mỗi thông báo ghi rõ chỗ: ví dụ “hoi-nghi.xlsx › Đại biểu!D17 (Họ và tên)” là ô D17 của sheet Đại biểu.",
        false,
    ),
    (
        "- lỗi: phải sửa thì mới tạo được văn bản. cảnh báo: văn bản vẫn được tạo nhưng nên xem lại. ghi chú: chỉ để biết.",
        false,
    ),
    ("- Chỉ kiểm tra mà không tạo văn bản: vanthu check hoi-nghi.xlsx", false),
];

/// What goes in each column of each list, for the note on its header.
pub(crate) fn column_note(table: TableKind, key: &str) -> Option<&'static str> {
    use TableKind::*;
    if key == "stt" {
        return Some("Số thứ tự (không bắt buộc).");
    }
    match table {
        Delegates => delegate_note(key),
        Awards => award_note(key),
        Decisions => decision_note(key),
        Agenda => agenda_note(key),
        Hall => hall_note(key),
        Signings => signing_note(key),
        Products => product_note(key),
        Targets => target_note(key),
        Report => report_note(key),
        ReportTables => report_table_note(key),
        Groups => group_note(key),
        Bridges => bridge_note(key),
        Elections => super::guide_votes::election_note(key),
        Candidates => super::guide_votes::candidate_note(key),
    }
}

/// Sheet `Đại biểu`.
fn delegate_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => {
            "Mã đại biểu, không trùng nhau (ví dụ UB01, SN05). Dùng ở Chương trình (Người thực hiện) và Khen thưởng. Bỏ trống: vanthu tự đặt."
        }
        "honorific" => "Ông, Bà hoặc Đồng chí (chọn trong danh sách). Ghi riêng, không ghi vào Họ và tên.",
        "name" => "Họ và tên đầy đủ, không kèm danh xưng hay học hàm: Nguyễn Văn An.",
        "position" => "Chức vụ: Giám đốc, Phó Chủ tịch UBND tỉnh, … Không bắt buộc.",
        "organization" => "Cơ quan, đơn vị công tác: Sở Tài chính, UBND xã Hòa Bình.",
        "group" => {
            "Nhóm đại biểu (chọn trong danh sách): quyết định thứ tự giới thiệu, thứ tự trong Giấy mời và chỗ ngồi. Các nhóm và thứ tự của chúng ở sheet Nhóm."
        }
        "rank" => "Thứ tự trong nhóm: số nhỏ đứng trước (1 = cao nhất). Bỏ trống: theo thứ tự dòng.",
        "roles" => {
            "Vai trò tại hội nghị, nhiều vai trò cách nhau bằng dấu chấm phẩy: Chủ trì; Đoàn chủ tịch; Phát biểu khai mạc; Báo cáo; Tham luận; Phát biểu chỉ đạo; Dự và chỉ đạo (lãnh đạo cấp trên dự, không phát biểu); Bế mạc; Trao thưởng; Dẫn chương trình; Thư ký."
        }
        "invited" => {
            "Có: cơ quan gửi Giấy mời cho người này. Không: không gửi (lãnh đạo, cán bộ của chính cơ quan tổ chức; người được triệu tập bằng Thông báo) — người đó vẫn dự nếu thuộc nhóm Chủ nhà, có Xác nhận Tham dự, có ghế hoặc điểm cầu. Bỏ trống: Có, trừ nhóm Chủ nhà."
        }
        "attendance" => {
            "Xác nhận tham dự: Tham dự, Vắng, Cử người thay, Chưa xác nhận. Người Vắng không được xếp chỗ, không được giới thiệu."
        }
        "bridge" => {
            "Hội nghị trực tuyến: tên điểm cầu người này dự (như ở sheet Điểm cầu). Bỏ trống: dự tại hội trường chính. Người dự ở điểm cầu không được xếp ghế ở hội trường."
        }
        "academic" => {
            "Học hàm, học vị (không bắt buộc): GS., PGS., TS., ThS., PGS.TS. In trước họ tên trong Giấy mời, danh sách, biển tên, kịch bản; không vào tên tệp."
        }
        "presidium_order" => {
            "Thứ tự trong Đoàn chủ tịch (không bắt buộc): 1 ngồi giữa, 2 và 3 hai bên, … Bỏ trống: theo nghi thức (người dự chỉ đạo ở giữa, người chủ trì bên cạnh)."
        }
        "seat" => {
            "Ghế chỉ định (không bắt buộc): tên hàng và số ghế, như A05, ĐCT03. Bỏ trống: vanthu tự xếp theo nghi thức."
        }
        "phone" => "Số điện thoại, ghi cả số 0 đầu: 0912 345 678.",
        "email" => "Thư điện tử (không bắt buộc).",
        "address" => "Địa chỉ gửi Giấy mời (không bắt buộc).",
        "note" => "Ghi chú riêng của văn thư; không in ra văn bản.",
        _ => return None,
    })
}

/// Sheet `Khen thưởng`.
fn award_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "kind" => "Tập thể, Cá nhân hoặc Hộ gia đình (chọn trong danh sách).",
        "honorific" => "Với cá nhân: Ông hoặc Bà.",
        "name" => "Tên tập thể (Hợp tác xã Chè Hồng Thái) hoặc họ tên cá nhân (Lê Văn C).",
        "unit" => "Với cá nhân: chức vụ, đơn vị công tác, như sẽ in trên Bằng khen, Giấy khen: Trưởng thôn Plei Bông.",
        "position" => {
            "Với cá nhân, khi chức vụ và đơn vị ở hai cột: chức vụ (Chủ tịch UBND xã). Được ghép với cột Đơn vị."
        }
        "organization" => "Với cá nhân, khi chức vụ và đơn vị ở hai cột: đơn vị (Văn phòng HĐND và UBND xã).",
        "achievement" => {
            "Thành tích (không bắt buộc). Bỏ trống: dùng câu thành tích chung ở sheet Hội nghị (Quyết định: Thành tích)."
        }
        "form" => {
            "Hình thức khen thưởng hoặc danh hiệu thi đua (chọn trong danh sách): Bằng khen, Giấy khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến … Bỏ trống: Bằng khen (UBND tỉnh) hoặc Giấy khen (cơ quan khác). Mỗi hình thức một Quyết định."
        }
        "decision" => {
            "Mã của Quyết định (sheet Quyết định) có tên người này (không bắt buộc). Bỏ trống: Quyết định của hình thức ở cột Hình thức."
        }
        "authority" => {
            "Ai tặng (không bắt buộc): người đứng đầu cơ quan ban hành (Giám đốc Sở Nội vụ), hoặc cấp trên (Chủ tịch UBND tỉnh — lấy từ Cơ quan chủ quản). Bỏ trống: cấp có thẩm quyền tặng hình thức này."
        }
        "proposer" => "Cơ quan đề nghị khen thưởng (không bắt buộc).",
        "delegate_id" => {
            "Nếu người nhận khen thưởng cũng là đại biểu: Mã đại biểu của họ (được xếp ghế đầu hàng, gần lối đi, để lên nhận thưởng)."
        }
        _ => return None,
    })
}

/// Sheet `Quyết định`.
fn decision_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "authority" => {
            "Ai tặng (không bắt buộc): người đứng đầu cơ quan ban hành (Giám đốc Sở Nội vụ), hoặc cấp trên (Chủ tịch UBND tỉnh — lấy từ Cơ quan chủ quản). Bỏ trống: cấp có thẩm quyền tặng hình thức này."
        }
        "id" => "Mã của Quyết định, để cột Quyết định ở sheet Khen thưởng chỉ tới (QD1, LĐTT-2025).",
        "form" => "Hình thức hoặc danh hiệu của Quyết định (mỗi Quyết định một hình thức): Giấy khen.",
        "number" => "Số Quyết định: bỏ trống để văn thư ghi tay khi cấp số.",
        "code" => "Ký hiệu: QĐ-UBND, QĐ-SNV. Bỏ trống: QĐ-<Ký hiệu cơ quan>.",
        "date" => "Ngày ký Quyết định: căn cứ pháp lý và mức tiền thưởng theo ngày này.",
        "subject" => "Trích yếu. Bỏ trống: Về việc tặng … cho các tập thể, cá nhân ….",
        "year" => "Năm của danh hiệu thi đua: 2025 (in “danh hiệu … năm 2025”).",
        "citation" => "Thành tích chung của Quyết định. Bỏ trống: Quyết định: Thành tích ở sheet Hội nghị.",
        "proposal" => "Theo đề nghị của … (dòng cuối căn cứ). Bỏ trống: sheet Hội nghị hoặc mặc định.",
        "amount_individual" => {
            "Tiền thưởng mỗi cá nhân (đồng), hoặc “theo quy định”. Bỏ trống: hệ số × mức lương cơ sở, làm tròn lên 10.000 đồng."
        }
        "amount_collective" => "Tiền thưởng mỗi tập thể (đồng), hoặc “theo quy định”. Bỏ trống: tự tính.",
        "amount_household" => "Tiền thưởng mỗi hộ gia đình (đồng), hoặc “theo quy định”. Bỏ trống: tự tính.",
        "fund_source" => "Nguồn kinh phí: quỹ thi đua, khen thưởng của ….",
        "executors" => "Điều 3 (trách nhiệm thi hành). Bỏ trống: mặc định theo cấp cơ quan.",
        "signer_name" => "Họ tên người ký Quyết định này.",
        "signer_authority" => "Quyền hạn ký: KT. CHỦ TỊCH, KT. GIÁM ĐỐC; bỏ trống: người đứng đầu ký.",
        "signer_title" => "Chức vụ người ký: PHÓ CHỦ TỊCH, PHÓ GIÁM ĐỐC.",
        "recipients" => "Nơi nhận, mỗi dòng một nơi (Alt+Enter).",
        "certificates" => {
            "In giấy chứng nhận (Có/Không). Bỏ trống: có với Bằng khen, Giấy khen, Chiến sĩ thi đua…; không với Lao động tiên tiến, Tập thể lao động tiên tiến."
        }
        "golden_book_start" => "Số vào sổ vàng của người đầu tiên trong Quyết định (không bắt buộc).",
        "handing" => {
            "Cách trao: Lên nhận (gọi người nhận lên sân khấu theo đợt) hoặc Công bố (chỉ đọc danh sách, không mời lên). Bỏ trống: Lên nhận nếu có giấy chứng nhận, Công bố nếu không. Người dự ở điểm cầu nhận tại điểm cầu."
        }

        _ => return None,
    })
}

/// Sheet `Chương trình`.
fn agenda_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "time" => "Giờ bắt đầu của mục (08:00). Bỏ trống: tính từ mục trước cộng thời lượng.",
        "minutes" => "Thời lượng, tính bằng phút: 10.",
        "title" => "Nội dung chương trình: Phát biểu khai mạc Hội nghị.",
        "by" => "Người thực hiện: Mã đại biểu (UB01) để lấy họ tên, chức vụ; hoặc tên đơn vị (Ban Tổ chức).",
        "kind" => {
            "Loại nội dung (chọn trong danh sách): quyết định lời dẫn mặc định của kịch bản. Bỏ trống: đoán theo nội dung."
        }
        "mc" => {
            "Lời dẫn của người dẫn chương trình. Bỏ trống: vanthu tự viết. Có thể dùng {{ by.name }}, {{ by.position }}, {{ by.organization }}."
        }
        "note" => "Ghi chú cho Ban tổ chức; in trong kịch bản.",
        _ => return None,
    })
}

/// Sheet `Hội trường`.
fn hall_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "block" => {
            "Khu vực: Đoàn chủ tịch, Đoàn thư ký (bàn thư ký trên sân khấu), Trái, Giữa, Phải (hội trường); Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn (bàn họp — có thể thêm các hàng ghế Giữa phía sau); Bàn 1, Bàn 2 … (bàn tròn, có thể đặt trước sân khấu)."
        }
        "row" => "Tên hàng ghế: ĐCT (Đoàn chủ tịch), A, B, C, …; hàng A gần sân khấu nhất.",
        "seats" => "Số ghế của hàng trong khu này.",
        "reserved_for" => "Các nhóm được xếp vào hàng này, cách nhau bằng dấu chấm phẩy. Bỏ trống: hàng dùng chung.",
        _ => return None,
    })
}

/// Sheet `Ký kết`.
fn signing_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "party_a" => "Bên thứ nhất ký kết.",
        "party_b" => "Bên thứ hai ký kết.",
        "kind" => "Loại văn bản ký kết: giao ước thi đua, quy chế phối hợp, biên bản ghi nhớ, hợp đồng.",
        "subject" => "Nội dung ký kết (không bắt buộc): Biên bản ghi nhớ hợp tác tiêu thụ sản phẩm chè.",
        _ => return None,
    })
}

/// Sheet `Sản phẩm OCOP`.
fn product_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "name" => "Tên sản phẩm OCOP.",
        "producer" => "Chủ thể sản xuất: Hợp tác xã Chè Hồng Thái.",
        "producer_kind" => "Loại chủ thể: Doanh nghiệp, Hợp tác xã, Tổ hợp tác, Hộ sản xuất.",
        "address" => "Xã, phường, thị trấn.",
        "district" => {
            "Địa bàn: huyện, thành phố (đến 30/6/2025) hoặc xã, phường. Thứ tự trong báo cáo theo mục Báo cáo: Thứ tự huyện, nếu bỏ trống thì theo thứ tự xuất hiện."
        }
        "product_group" => "Nhóm sản phẩm theo Quyết định 148/QĐ-TTg (chọn trong danh sách).",
        "stars" => "Hạng sao được công nhận: 3, 4 hoặc 5.",
        "year" => "Năm công nhận: 2026.",
        "decision" => "Số quyết định công nhận (không bắt buộc).",
        _ => return None,
    })
}

/// Sheet `Chỉ tiêu`.
fn target_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "name" => "Tên chỉ tiêu: Số sản phẩm OCOP đạt 3 sao trở lên.",
        "year" => "Năm của chỉ tiêu.",
        "planned" => "Kế hoạch (số, ghi đúng như muốn in: 1,5 hoặc 40).",
        "achieved" => {
            "Kết quả thực hiện (số, ghi đúng như muốn in: 0,25). Bỏ trống: vanthu đếm từ sheet Sản phẩm OCOP khi chỉ tiêu là “Số sản phẩm …” hoặc “Số chủ thể …”."
        }
        "unit" => "Đơn vị tính: %, hộ, hồ sơ, sản phẩm, triệu đồng (không bắt buộc).",
        "direction" => {
            "Cao hơn là tốt (mặc định: số sản phẩm, thu ngân sách) hoặc Thấp hơn là tốt (tỷ lệ hộ nghèo, hồ sơ trễ hạn): quyết định Đạt/Không đạt và có tính tỷ lệ % kế hoạch hay không."
        }
        _ => return None,
    })
}

/// Sheet `Báo cáo`.
fn report_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "heading" => "Tiêu đề mục: I. KẾT QUẢ THỰC HIỆN.",
        "body" => {
            "Nội dung mục; xuống dòng bằng Alt+Enter. Chèn bảng: {{ bang(\"mã bảng\") }} (một dòng riêng); biểu đồ: {{ bieu_do(\"mã bảng\") }}, hoặc {{ bieu_do }} cho mọi biểu đồ còn lại. Số liệu: {{ dem(\"Khen thưởng\", \"Hình thức\", \"Giấy khen\") }}, {{ tong(\"Kinh phí\", \"Thực hiện\") }}, {{ so_lieu(\"mã bảng\", \"hàng\", \"cột\") }}, {{ stats.targets }}."
        }
        _ => return None,
    })
}

/// Sheet `Bảng biểu`.
fn report_table_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => "Mã của bảng (không dấu, không cách: kinh-phi), để chèn vào báo cáo bằng {{ bang(\"kinh-phi\") }}.",
        "title" => "Tên bảng, in sau “Biểu 1.”: Kinh phí thực hiện năm 2026.",
        "source" => {
            "Sheet lấy số liệu: một sheet danh sách (Khen thưởng, Đại biểu, Chỉ tiêu, Sản phẩm OCOP, Ký kết) hoặc sheet riêng của đơn vị (một dòng tiêu đề cột, các dòng số liệu)."
        }
        "rows" => {
            "Cột để gom các dòng thành hàng của bảng: Hình thức. Muốn hàng nào cũng có (kể cả bằng 0) và theo thứ tự: Hình thức: Giấy khen; Lao động tiên tiến. Bỏ trống: in từng dòng của sheet."
        }
        "columns" => "Cột để chia thành nhiều cột (bảng chéo): Loại → các cột Cá nhân, Tập thể và Tổng số.",
        "values" => {
            "Số liệu của mỗi hàng, cách nhau bằng dấu chấm phẩy: Đếm; Tổng <cột>; Số <cột> khác nhau; Trung bình <cột>; hoặc tên cột. Đặt tên cột in ra: Số người: Đếm. Không có Hàng: các cột in ra."
        }
        "filter" => "Chỉ lấy các dòng: Hình thức = Giấy khen; Loại ≠ Tập thể; Năm = 2026.",
        "unit" => "Đơn vị tính in dưới tên bảng: triệu đồng.",
        "total" => "Có dòng Tổng cộng không (Có/Không). Bỏ trống: có khi gom hàng, không khi in từng dòng.",
        "extras" => "Thêm cột: Tỷ lệ (% trên tổng), Tăng giảm (% so với hàng trên, như năm trước).",
        "order" => {
            "Thứ tự hàng: Theo dữ liệu (mặc định), Giảm dần, Tăng dần, A-Z, Liên tục (năm liên tục, năm trống ghi 0)."
        }
        "place" => "Nơi in: Phụ lục (mặc định, Phụ lục I), Phụ lục II: <tên phụ lục>, Trong bài, Không in.",
        "chart" => "Biểu đồ: Cột, Cột chồng, Thanh, Đường, Tròn. Bỏ trống: không vẽ.",
        "chart_columns" => {
            "Các cột số liệu vẽ, cách nhau bằng dấu chấm phẩy (cùng đơn vị tính). Bỏ trống: cột số liệu đầu tiên (hoặc các cột đã chia)."
        }
        "chart_title" => "Tên biểu đồ. Bỏ trống: tên bảng.",
        _ => return None,
    })
}

/// Sheet `Nhóm`.
fn group_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "name" => "Tên nhóm đại biểu, dùng ở cột Nhóm của sheet Đại biểu.",
        "order" => "Thứ tự ưu tiên của nhóm: 1 cao nhất (giới thiệu trước, ngồi trên).",
        "intro" => "Câu mở đầu khi giới thiệu nhóm trong kịch bản: Về phía lãnh đạo Ủy ban nhân dân tỉnh.",
        "greeting" => {
            "Lời chào của người dẫn chương trình khi nhóm có người dự: các đồng chí lãnh đạo tỉnh. Bỏ trống: nhóm “Lãnh đạo …” được chào “các đồng chí lãnh đạo …”, nhóm khác chào chung với các đại biểu."
        }
        "introduce" => {
            "Cách nêu tên khi giới thiệu: Tất cả (nêu tên từng người), một số (3: nêu tên 3 người đầu), Không (chỉ giới thiệu “đại diện …”). Bỏ trống: nhóm đến 3 người thì nêu tên cả; nhóm đông hơn nêu tên người trong Đoàn chủ tịch và người có Thứ tự 1 đến 3 (tối đa 5)."
        }
        "host" => {
            "Có: nhóm thuộc cơ quan tổ chức (lãnh đạo, cán bộ của chính đơn vị). Không gửi Giấy mời; được chào và giới thiệu sau khách mời."
        }
        _ => return None,
    })
}

/// Sheet `Điểm cầu`.
fn bridge_note(key: &str) -> Option<&'static str> {
    Some(match key {
        "name" => "Tên điểm cầu: Điểm cầu tỉnh Phú Thọ. Ghi đúng tên này ở cột Điểm cầu của sheet Đại biểu.",
        "place" => "Nơi đặt điểm cầu: Hội trường UBND tỉnh Phú Thọ. In trong Giấy mời của người dự tại đó.",
        "chair" => "Người chủ trì điểm cầu: Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh.",
        "contact" => "Cán bộ kỹ thuật liên hệ ở điểm cầu (in trong danh sách điểm cầu cho tổ kỹ thuật).",
        "phone" => "Điện thoại của cán bộ liên hệ, ghi cả số 0 đầu.",
        "expected" => "Số đại biểu dự kiến tại điểm cầu (cả người không có tên trong sheet Đại biểu).",
        _ => return None,
    })
}

/// One line on what goes in a setting.
pub(crate) fn setting_note(spec: &SettingSpec) -> Option<&'static str> {
    let key = spec.key.as_str();
    if let Some(field) = key.strip_prefix("documents.").and_then(|k| k.split_once('.')).map(|(_, f)| f) {
        let common = match field {
            "number" => Some("Số văn bản. Để trống: văn thư điền tay khi vào sổ."),
            "code" => Some("Ký hiệu sau số (GM-UBND, QĐ-UBND, BC-UBND). Bỏ trống: mặc định."),
            "date" => Some("Ngày ban hành: 05/12/2026. Bỏ trống: in “ngày … tháng … năm”."),
            "subject" => Some("Trích yếu. Bỏ trống: mặc định (Giấy mời: “Dự <Tên hội nghị>”)."),
            "signer.name" => Some("Họ tên người ký, không ghi học hàm, danh xưng."),
            "signer.authority" => Some("Quyền hạn ký, chữ IN HOA: TL. CHỦ TỊCH; KT. CHỦ TỊCH; nhiều dòng: Alt+Enter."),
            "signer.title" => Some("Chức vụ người ký, chữ IN HOA: CHÁNH VĂN PHÒNG, PHÓ CHỦ TỊCH."),
            "recipients" => Some("Nơi nhận, mỗi dòng một nơi (Alt+Enter); dòng cuối: Lưu: VT, <đơn vị soạn>."),
            "notes" => Some("Các dòng ghi chú in cuối văn bản, mỗi dòng một ý (Alt+Enter)."),
            _ => None,
        };
        if common.is_some() {
            return common;
        }
    }
    Some(match key {
        "id" => "Mã hội nghị: tên thư mục kết quả, không dấu, không cách (so-ket-ocop-2026). Bỏ trống: tự đặt.",
        "conference.title" => "Tên đầy đủ của hội nghị: Hội nghị sơ kết …",
        "conference.date" => "Ngày họp: 18/12/2026.",
        "conference.start_time" => "Giờ bắt đầu: 08:00.",
        "conference.venue" => "Địa điểm: Hội trường A, Trung tâm Hội nghị tỉnh.",
        "conference.host" => "Đơn vị chủ trì tổ chức (không bắt buộc).",
        "conference.duration" => "Thời lượng: 01 buổi. Bỏ trống: tính từ chương trình.",
        "issuer.parent" => "Cơ quan chủ quản (dòng trên tên cơ quan). Để trống với UBND tỉnh.",
        "issuer.name" => "Tên cơ quan ban hành, chữ IN HOA: ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG.",
        "issuer.sentence_name" => {
            "Tên cơ quan viết thường trong câu. Bỏ trống: tự suy ra (Ủy ban nhân dân xã Hòa Bình)."
        }
        "issuer.code" => "Chữ viết tắt của cơ quan trong ký hiệu văn bản: UBND, SNV.",
        "issuer.level" => {
            "Cấp cơ quan: tỉnh, sở, xã, bộ (cơ quan ngang bộ), cục (tổng cục, cục thuộc bộ), đơn vị sự nghiệp (trường, bệnh viện, viện), cơ quan (huyện: đến 30/6/2025). Bỏ trống: suy ra từ tên cơ quan ban hành. Quyết định: cấp này được tặng gì — xem sheet Danh mục (Hình thức)."
        }
        "issuer.head" => {
            "Chức danh người đứng đầu, với cơ quan khác UBND và Sở: Cục trưởng, Hiệu trưởng. Bỏ trống: Chủ tịch (UBND), Giám đốc (Sở)."
        }
        "issuer.place" => "Địa danh ghi trước ngày tháng: Hòa Bình.",
        "contact.name" => "Người liên hệ ghi cuối Giấy mời (không bắt buộc).",
        "contact.phone" => "Số điện thoại người liên hệ.",
        "ceremony.batch_size" => "Số người lên sân khấu nhận khen thưởng mỗi đợt (mặc định 10).",
        "seating.second_seat" => "Ghế số 2 ở bên phải hay bên trái ghế số 1 (nhìn từ chỗ người ngồi). Mặc định: phải.",
        "seating.layout" => {
            "Kiểu phòng: Hội trường (hàng ghế, sân khấu), Bàn chữ U hoặc Bàn hình vuông (bàn họp: sheet Hội trường ghi Bàn chủ tọa, Cánh trái, Cánh phải, Cuối bàn), Bàn tròn (mỗi dòng một bàn). Bỏ trống: theo tên các khu."
        }
        "font" => "Phông chữ: Liberation Serif (mặc định, có sẵn) hoặc Times New Roman (nếu máy có).",
        "documents.decision.citation" => {
            "Thành tích chung ghi trong Quyết định, Bằng khen, Giấy khen: đã có thành tích xuất sắc trong …"
        }
        "documents.decision.proposal" => {
            "Căn cứ đề nghị: Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số … Bỏ trống: mặc định theo cấp cơ quan."
        }
        "documents.decision.authority_line" => {
            "Dòng thẩm quyền ban hành. Bỏ trống: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH … hoặc GIÁM ĐỐC SỞ … theo cấp cơ quan."
        }
        "documents.decision.executors" => "Điều 3 (trách nhiệm thi hành). Bỏ trống: mặc định.",
        "documents.decision.amount_collective" => {
            "Tiền thưởng cho mỗi tập thể (đồng): 3600000, hoặc “theo quy định”. Bỏ trống: hệ số × mức lương cơ sở."
        }
        "documents.decision.amount_individual" => {
            "Tiền thưởng cho mỗi cá nhân (đồng): 1800000, hoặc “theo quy định”. Bỏ trống: hệ số × mức lương cơ sở."
        }
        "documents.decision.amount_household" => "Tiền thưởng cho mỗi hộ gia đình (đồng). Bỏ trống: tự tính.",
        "documents.decision.fund_source" => "Nguồn kinh phí khen thưởng.",
        "documents.decision.list_form" => {
            "Danh sách kèm Quyết định: danh sách (mặc định, đánh số) hoặc bảng (STT | Tên | Chức vụ, đơn vị)."
        }
        "documents.decision.golden_book_start" => "Số vào sổ vàng của người đầu tiên (không bắt buộc).",
        "documents.decision.grounds" => {
            "Căn cứ riêng của cơ quan, mỗi dòng một căn cứ (Alt+Enter): Quyết định quy định chức năng, nhiệm vụ …; Quy định công tác thi đua, khen thưởng của tỉnh."
        }
        "documents.decision.title_verb" => "Danh hiệu thi đua được “tặng” (mặc định) hay “công nhận”.",
        "documents.decision.round_up" => {
            "Làm tròn tiền thưởng lên hàng chục nghìn đồng (Có — mặc định, theo quy định; Không)."
        }
        "documents.decision.period" => {
            "Năm của danh hiệu: 2025, năm học 2024 - 2025, hoặc giai đoạn 2021 - 2025 (in ở trích yếu, Điều 1, danh sách, giấy chứng nhận, kịch bản). Từng quyết định ghi riêng ở cột Năm."
        }
        "documents.decision.certificates" => {
            "In giấy chứng nhận cho mọi quyết định (Có / Không). Bỏ trống: theo hình thức (Lao động tiên tiến, Tập thể lao động tiên tiến: không in)."
        }
        "documents.decision.forms" => {
            "Hình thức, danh hiệu thủ trưởng cơ quan được tặng theo quy chế riêng (ví dụ trường thuộc sở chỉ được tặng Giấy khen), mỗi dòng một. Bỏ trống: theo Luật Thi đua, khen thưởng."
        }
        "documents.report.district_order" => {
            "Thứ tự các địa bàn (xã, phường; trước 07/2025: huyện) của phần OCOP trong báo cáo, mỗi dòng một tên (Alt+Enter)."
        }
        "documents.report.opening" => "Đoạn mở đầu báo cáo. Bỏ trống: mặc định.",
        "documents.report.closing" => "Đoạn kết báo cáo. Bỏ trống: mặc định.",
        "certificate.size" => "Khổ Bằng khen, mm: 420x297 (A3) hoặc 297x210 (A4).",
        "certificate.mode" => "đầy đủ: in cả khung và chữ; in trên phôi: chỉ in chữ lên phôi có sẵn.",
        "certificate.offset_x" => "Chỉnh lệch ngang khi in trên phôi (mm, + sang phải).",
        "certificate.offset_y" => "Chỉnh lệch dọc khi in trên phôi (mm, + xuống dưới).",
        k if k.starts_with("certificates.") && k.ends_with(".size") => "Khổ giấy, mm: 297x210 (A4, mặc định) hoặc A3.",
        k if k.starts_with("certificates.") && k.ends_with(".mode") => {
            "đầy đủ: in cả khung và chữ; in trên phôi: chỉ in chữ lên phôi có sẵn."
        }
        k if k.starts_with("certificates.") && k.ends_with(".offset_x") => "Chỉnh lệch ngang khi in trên phôi (mm).",
        k if k.starts_with("certificates.") && k.ends_with(".offset_y") => "Chỉnh lệch dọc khi in trên phôi (mm).",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::schema::{SETTINGS, TABLES};

    #[test]
    fn every_column_and_setting_is_explained() {
        for t in &TABLES {
            for c in t.columns {
                assert!(column_note(t.kind, c.key).is_some(), "{} / {}", t.sheet, c.key);
            }
        }
        for s in SETTINGS.iter() {
            assert!(setting_note(s).is_some(), "{}", s.key);
        }
    }
}
