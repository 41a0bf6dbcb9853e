//! `vanthu serve`, route by route, called in memory: new conferences, uploads, the check,
//! builds and their progress, the documents, previews, downloads, the ZIP, the reprint
//! ticks, the text documents — and what must be refused.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use vanthu::serve::Mode;

use crate::util::site::{Site, exists, sample_conference, sample_xlsx, sample_xlsx_edit, sample_yaml_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conference_from_an_uploaded_workbook_is_built_listed_previewed_and_downloaded() {
    let mut site = Site::new(Mode::Local).await;
    let empty = site.get("/").await;
    assert!(empty.text().contains("Chưa có hội nghị nào"), "{}", empty.text());
    let conf = sample_conference(&mut site).await;

    let list = site.get("/").await.text();
    assert!(list.contains("Hội nghị sơ kết 03 năm thực hiện Chương trình mỗi xã một sản phẩm"), "{list}");
    assert!(list.contains("Đã tạo") && list.contains("15/12/2023"), "{list}");

    let page = site.get(&format!("/hn/{conf}")).await.text();
    for shown in ["giay-moi.pdf", "kich-ban.pdf", "so-do-cho-ngoi.pdf", "giay-moi/ — 253 tệp", "Tải cả bộ (.zip)"]
    {
        assert!(page.contains(shown), "the page shows {shown}");
    }
    assert!(page.contains("Dữ liệu hợp lệ"), "the check is shown");

    let thumb = site.get(&format!("/hn/{conf}/anh/giay-moi.pdf?trang=1&co=nho")).await;
    assert_eq!(thumb.status, StatusCode::OK);
    assert_eq!(thumb.header("content-type"), "image/png");
    assert!(thumb.body.starts_with(b"\x89PNG"), "a PNG thumbnail");
    let kept = std::fs::read_dir(site.root().join(&conf).join(".vanthu/anh")).unwrap().count();
    let loose = site.get(&format!("/hn/{conf}/anh/giay-moi.pdf?trang=abc&co=nho")).await;
    assert_eq!((loose.status, &loose.body), (StatusCode::OK, &thumb.body), "a page number that is no number is page 1");
    let again = site.get(&format!("/hn/{conf}/anh/giay-moi.pdf?trang=1&co=nho")).await;
    assert_eq!(again.body, thumb.body);
    assert_eq!(std::fs::read_dir(site.root().join(&conf).join(".vanthu/anh")).unwrap().count(), kept, "made once");
    let etag = again.header("etag");
    let mut req = Request::get(format!("/hn/{conf}/anh/giay-moi.pdf?trang=1&co=nho")).body(Body::empty()).unwrap();
    req.headers_mut().insert(header::IF_NONE_MATCH, etag.parse().unwrap());
    assert_eq!(site.send(req).await.status, StatusCode::NOT_MODIFIED);

    let preview = site.get(&format!("/hn/{conf}/xem/kich-ban.pdf")).await;
    assert_eq!(preview.status, StatusCode::OK);
    let pages = crate::util::pdf::pages(&site.pack(&conf).join("kich-ban.pdf"));
    assert_eq!(preview.text().matches("<img class=\"page\"").count(), pages.min(40), "every page shown");

    let pdf = site.get(&format!("/hn/{conf}/tep/giay-moi.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with(b"%PDF"));
    assert!(pdf.header("content-disposition").starts_with("attachment; filename=\"giay-moi.pdf\""));
    let inline = site.get(&format!("/hn/{conf}/tep/giay-moi.pdf?xem=1")).await;
    assert!(inline.header("content-disposition").starts_with("inline"));
    let one = site.get(&format!("/hn/{conf}/tep/giay-moi/dao-duy-binh.pdf")).await;
    assert_eq!(one.status, StatusCode::OK, "a person's file");

    let zip = site.get(&format!("/hn/{conf}/tai-ca-bo")).await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.header("content-type"), "application/zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body.clone())).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.pack(&conf).join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_object().unwrap();
    assert!(archive.len() > files.len(), "every file of the pack, and the change report");
    let mut inside = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("so-ket-ocop-2023/kich-ban.pdf").unwrap(), &mut inside).unwrap();
    assert_eq!(inside, std::fs::read(site.pack(&conf).join("kich-ban.pdf")).unwrap());
    let zip2 = site.get(&format!("/hn/{conf}/tai-ca-bo")).await;
    assert_eq!(zip2.body, zip.body, "the same pack, the same bytes");

    let starter = site.get("/mau?loai=thi-dua&cap=don-vi").await;
    assert_eq!(starter.status, StatusCode::OK);
    let wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(starter.body)).unwrap();
    assert!(calamine::Reader::sheet_names(&wb).iter().any(|s| s == "Hội nghị"));

    let journal = site.get("/nhat-ky").await.text();
    assert!(journal.contains("tạo hội nghị") && journal.contains("tạo bộ văn bản"), "{journal}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conference_from_a_starter_and_its_progress_as_events() {
    let mut site = Site::new(Mode::Local).await;
    let r = site
        .upload("/moi", &[("ten", "Hội nghị viên chức 2026"), ("loai", "tong-ket"), ("cap", "don-vi")], "", b"")
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let conf = "hoi-nghi-vien-chuc-2026";
    assert_eq!(r.header("location"), format!("/hn/{conf}"));
    assert!(site.root().join(conf).join("hoi-nghi.xlsx").is_file(), "the starter is in the conference's folder");
    let first = site.wait_built(conf, None).await;
    assert_eq!(first["ok"], true, "a starter builds as it is: {first}");

    // Listen, then ask for a build: the events come in order and end with its outcome.
    let mut req = Request::get(format!("/hn/{conf}/su-kien")).body(Body::empty()).unwrap();
    req.headers_mut().insert(header::HOST, "127.0.0.1:8030".parse().unwrap());
    let events = tokio::spawn({
        let router = vanthu::serve::router(site.app.clone());
        async move {
            use futures_util::StreamExt;
            use tower::ServiceExt;
            let r = router.oneshot(req).await.unwrap();
            assert_eq!(r.headers()["content-type"], "text/event-stream");
            let mut body = r.into_body().into_data_stream();
            // The first event says how things stand (the starter's build ended); then this
            // build's progress, and its end.
            let mut seen = String::new();
            while !seen.find("event: tien-do").is_some_and(|i| seen[i..].contains("event: xong")) {
                let chunk = tokio::time::timeout(Duration::from_secs(60), body.next()).await.unwrap().unwrap().unwrap();
                seen.push_str(&String::from_utf8_lossy(&chunk));
            }
            seen
        }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let r = site.post_raw(&format!("/hn/{conf}/tao"), &[], &[("x-csrf", &site.csrf.clone())]).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let seen = events.await.unwrap();
    assert!(seen.contains("event: tien-do"), "{seen}");
    assert!(seen.contains("\"total\":"), "{seen}");
    assert!(seen.contains("Đã tạo xong"), "{seen}");
    assert!(seen.starts_with("event: xong"), "first, how things stand: {seen:.300}");
    let progress = seen.find("event: tien-do").unwrap();
    assert!(seen[progress..].contains("Đã tạo xong"), "then this build's progress and its end");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_workbook_is_shown_at_its_cell_and_the_last_pack_stays() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let pack = site.pack(&conf);
    let before = std::fs::read(pack.join("giay-moi.pdf")).unwrap();
    let manifest = std::fs::read(pack.join("manifest.json")).unwrap();
    let last = site.last_build(&conf);

    let broken = sample_xlsx_edit("Đại biểu", "Đào Duy Bình", "Thứ tự", "một");
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "Hoi nghi (sua).xlsx", &broken).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let failed = site.wait_built(&conf, last).await;
    assert_eq!(failed["ok"], false, "{failed}");
    assert!(failed["thong_bao"].as_str().unwrap().contains("Bộ văn bản lần trước vẫn giữ nguyên"), "{failed}");
    assert_eq!(std::fs::read(pack.join("giay-moi.pdf")).unwrap(), before, "the last good pack is in place");
    assert_eq!(std::fs::read(pack.join("manifest.json")).unwrap(), manifest);
    let backups = std::fs::read_dir(site.root().join(&conf).join(".vanthu/ban-cu")).unwrap().count();
    assert_eq!(backups, 1, "the workbook replaced is kept");

    let check = site.get(&format!("/hn/{conf}/kiem-tra")).await.text();
    assert!(check.contains("1 lỗi"), "{check}");
    assert!(check.contains("<h3 class=\"sheet\">Đại biểu</h3>"), "grouped by sheet: {check}");
    let row = check.find("class=\"loi\"").map(|i| &check[i..]).unwrap();
    let cell = row.split("<td class=\"cell\">").nth(1).unwrap();
    let letters = cell.chars().take_while(char::is_ascii_uppercase).count();
    let digits = cell.chars().skip(letters).take_while(char::is_ascii_digit).count();
    assert!(letters > 0 && digits > 0, "a cell's name, D12: {cell:.60}");
    assert!(row.contains("một") && row.contains("Đào Duy Bình"), "the faulty row is shown: {row:.2000}");
    let page = site.get(&format!("/hn/{conf}")).await.text();
    assert!(page.contains("Chưa tạo được: 1 lỗi"), "the page says why");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_builds_at_once_run_one_after_the_other() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let last = site.last_build(&conf);
    let token = site.csrf.clone();
    let first = site.post_raw(&format!("/hn/{conf}/tao"), &[], &[("x-csrf", &token)]).await;
    let second = site.post_raw(&format!("/hn/{conf}/tao"), &[], &[("x-csrf", &token)]).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    assert_eq!(second.status, StatusCode::CONFLICT, "told: {}", second.text());
    assert!(second.text().contains("xếp hàng"), "{}", second.text());
    site.wait_built(&conf, last).await;
    let start = std::time::Instant::now();
    let builds = || {
        let journal = std::fs::read_to_string(site.root().join(".vanthu/nhat-ky.jsonl")).unwrap();
        journal.lines().filter(|l| l.contains("\"viec\":\"tạo bộ văn bản\"")).count()
    };
    while builds() < 3 {
        assert!(start.elapsed() < Duration::from_secs(60), "the queued build ran");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!exists(&site.pack(&conf).join(".vanthu.lock.tmp")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reprint_list_is_ticked_per_version() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let last = site.last_build(&conf);
    let changed = sample_yaml_with("name: Đào Duy Bình", "name: Đào Duy Bính");
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "hoi-nghi.yaml", changed.as_bytes()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let built = site.wait_built(&conf, last).await;
    assert_eq!(built["ok"], true, "{built}");
    assert!(!site.root().join(&conf).join("hoi-nghi.xlsx").exists(), "one workbook in the folder: no twins");

    let page = site.get(&format!("/hn/{conf}")).await.text();
    assert!(page.contains("Đào Duy Bính"), "the change is listed");
    let file = "giay-moi/dao-duy-binh.pdf";
    assert!(page.contains(&format!("value=\"{file}\"")), "to print again: {file}");
    let r = site.post_form(&format!("/hn/{conf}/da-in"), &[("tep", file), ("da_in", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = site.get(&format!("/hn/{conf}")).await.text();
    assert!(page.contains("đã in <span id=\"so-da-in\">1<"), "ticked");
    let r = site
        .post_form(&format!("/hn/{conf}/da-in"), &[("tep", "kich-ban.pdf/../../hoi-nghi.yaml"), ("da_in", "1")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "only the list's files");
    let r = site.post_form(&format!("/hn/{conf}/da-in"), &[("tep", file)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(site.get(&format!("/hn/{conf}")).await.text().contains("đã in <span id=\"so-da-in\">0<"), "unticked");

    // Another change, built before the first was printed: the first stays on the list.
    let last = site.last_build(&conf);
    let again = changed.replacen("name: Phùng Mạnh Thái", "name: Phùng Mạnh Thải", 1);
    assert_ne!(again, changed);
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "hoi-nghi.yaml", again.as_bytes()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    site.wait_built(&conf, last).await;
    let page = site.get(&format!("/hn/{conf}")).await.text();
    assert!(page.contains("Phùng Mạnh Thải"), "the new change is listed");
    let earlier = page.split(&format!("value=\"{file}\"")).nth(1).expect("still to print");
    assert!(earlier[..earlier.find("</li>").unwrap()].contains("lần tạo trước, chưa in"), "{earlier:.400}");

    // A workbook saved beside the YAML that says otherwise: the page says what the terminal
    // says, and builds neither.
    std::fs::write(site.root().join(&conf).join("hoi-nghi.xlsx"), sample_xlsx()).unwrap();
    let check = site.get(&format!("/hn/{conf}/kiem-tra")).await.text();
    assert!(check.contains("có cả hoi-nghi.xlsx và hoi-nghi.yaml nhưng dữ liệu khác nhau"), "{check}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_document_is_edited_and_its_pdf_and_messages_follow() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let r = site.post_form(&format!("/hn/{conf}/van-ban"), &[("loai", "Thư lạ"), ("ten", "Kết luận")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("Không có loại văn bản “Thư lạ”"), "{}", r.text());
    let r = site.post_form(&format!("/hn/{conf}/van-ban"), &[("loai", "Thông báo"), ("ten", "   ")]).await;
    assert!(r.text().contains("Hãy ghi trích yếu"), "{}", r.text());
    let r = site
        .post_form(&format!("/hn/{conf}/van-ban"), &[("loai", "Thông báo"), ("ten", "Kết luận của Hội nghị")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let at = r.header("location");
    let name = at.rsplit('/').next().unwrap().to_string();
    assert_eq!(name, "thong-bao-ket-luan-cua-hoi-nghi.md");
    let editor = site.get(&at).await.text();
    assert!(editor.contains("Đã tạo PDF"), "{editor:.3000}");
    assert!(editor.contains("viết như văn bản thường"), "the grammar beside the text, in Vietnamese");
    let goc = editor.split("name=\"goc\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();

    let text = "---\nloại: Thông báo\ntrích yếu: Kết luận của Hội nghị\n---\nHội nghị thống nhất giao Sở Nông nghiệp tổng hợp ý kiến trước ngày 20/12/2023.\n";
    let r = site.post_form(&at, &[("noi_dung", text), ("goc", &goc)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Saved meanwhile from another editor opened on the old text: refused, nothing lost.
    let r = site.post_form(&at, &[("noi_dung", "bản sửa cũ"), ("goc", &goc)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("bản sửa cũ") && r.text().contains("vừa được lưu bởi người khác"), "{}", r.text());
    let on_disk = std::fs::read_to_string(site.root().join(&conf).join("van-ban").join(&name)).unwrap();
    assert_eq!(on_disk, text, "the first save stands");
    let pdf = site.get(&format!("{at}/pdf")).await;
    assert!(pdf.body.starts_with(b"%PDF"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.pdf"), &pdf.body).unwrap();
    let words = crate::util::pdf::flat_text(&dir.path().join("a.pdf"));
    assert!(words.contains("tổng hợp ý kiến trước ngày 20/12/2023"), "{words}");
    let picture = site.get(&format!("{at}/anh?trang=1")).await;
    assert!(picture.body.starts_with(b"\x89PNG"));

    let wrong = text.replace("loại: Thông báo", "loại: Loại lạ");
    site.post_form(&at, &[("noi_dung", &wrong)]).await;
    let editor = site.get(&at).await.text();
    assert!(editor.contains("data-line=\"2\""), "the message at its line: {editor:.4000}");
    assert!(editor.contains("không có loại văn bản"), "{editor:.4000}");
    let after = site.get(&format!("{at}/pdf")).await;
    assert_eq!(after.body, pdf.body, "the last good PDF stays");
    let saved = std::fs::read_to_string(site.root().join(&conf).join("van-ban").join(&name)).unwrap();
    assert_eq!(saved, wrong, "saved as typed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn path_tricks_lead_nowhere() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let secret = site.root().join("bi-mat.txt");
    std::fs::write(&secret, b"secret").unwrap();
    for path in [
        format!("/hn/{conf}/tep/../hoi-nghi.xlsx"),
        format!("/hn/{conf}/tep/%2e%2e/%2e%2e/bi-mat.txt"),
        format!("/hn/{conf}/tep/..%2F..%2Fbi-mat.txt"),
        format!("/hn/{conf}/tep/%2Fetc%2Fpasswd"),
        format!("/hn/{conf}/tep//etc/passwd"),
        format!("/hn/{conf}/tep/manifest.json"),
        format!("/hn/{conf}/tep/.vanthu.lock"),
        format!("/hn/{conf}/anh/..%2F..%2Fbi-mat.txt"),
        format!("/hn/{conf}/xem/%2e%2e%2fhoi-nghi.xlsx"),
        format!("/hn/{conf}/van-ban/..%2Fhoi-nghi.xlsx"),
        "/hn/..%2F/tep/bi-mat.txt".to_string(),
        "/hn/%2e%2e/tep/bi-mat.txt".to_string(),
        "/hn/.vanthu/tep/tai-khoan.json".to_string(),
        format!("/hn/{conf}/tep/thay-doi/..%2F..%2F..%2Fbi-mat.txt"),
        "/tai-nguyen/..%2F..%2FCargo.toml".to_string(),
    ] {
        let r = site.get(&path).await;
        assert!(r.status.is_client_error(), "{path}: {}", r.status);
        assert!(!r.text().contains("secret") && !r.text().contains("root:"), "{path}");
    }
    // A link planted in the pack, in a file's place.
    #[cfg(unix)]
    {
        let pack = site.pack(&conf);
        std::fs::remove_file(pack.join("kich-ban.pdf")).unwrap();
        std::os::unix::fs::symlink(&secret, pack.join("kich-ban.pdf")).unwrap();
        let r = site.get(&format!("/hn/{conf}/tep/kich-ban.pdf")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = site.get(&format!("/hn/{conf}/tai-ca-bo")).await;
        let archive = zip::ZipArchive::new(std::io::Cursor::new(r.body)).unwrap();
        assert!(archive.file_names().all(|n| !n.unwrap().ends_with("kich-ban.pdf")), "the link is not packed");
        std::fs::create_dir(site.root().join("lien-ket-ngoai")).unwrap();
        std::os::unix::fs::symlink(site.root().join(&conf), site.root().join("lien-ket")).unwrap();
        assert_eq!(site.get("/hn/lien-ket").await.status, StatusCode::NOT_FOUND, "a linked folder is no conference");
    }
    // An upload's own name never places it.
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "../../../ngoai.xlsx", &sample_xlsx()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!exists(&site.root().join("ngoai.xlsx")) && !exists(&site.root().parent().unwrap().join("ngoai.xlsx")));
    assert!(site.root().join(&conf).join("hoi-nghi.xlsx").is_file());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_wrongly_typed_uploads_are_refused() {
    let mut site = Site::new(Mode::Local).await;
    let conf = sample_conference(&mut site).await;
    let workbook = std::fs::read(site.root().join(&conf).join("hoi-nghi.xlsx")).unwrap();
    let huge = vec![b'P'; vanthu::serve::UPLOAD_LIMIT + 1];
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "hoi-nghi.xlsx", &huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert!(r.text().contains("Tệp quá lớn"), "{}", r.text());
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "virus.exe", b"MZ\x90\x00").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().contains("không phải bảng tính"), "{}", r.text());
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "hoi-nghi.xlsx", b"<html>not a workbook</html>").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().contains("nội dung không phải bảng tính"), "{}", r.text());
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "hoi-nghi.yaml", b"\x00\x01binary").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // A zip that is no workbook, and a spreadsheet that is no conference: refused, and the
    // conference's workbook stays.
    let mut not_a_workbook = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    not_a_workbook.start_file("a.txt", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut not_a_workbook, b"x").unwrap();
    let not_a_workbook = not_a_workbook.finish().unwrap().into_inner();
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "z.xlsx", &not_a_workbook).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(r.text().contains("Bảng tính hiện tại của hội nghị vẫn giữ nguyên"), "{}", r.text());
    let mut other = rust_xlsxwriter::Workbook::new();
    other.add_worksheet().write_string(0, 0, "Doanh thu").unwrap();
    let r = site.upload(&format!("/hn/{conf}/tai-len"), &[], "other.xlsx", &other.save_to_buffer().unwrap()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(r.text().contains("không có sheet nào của bảng tính hội nghị"), "{}", r.text());
    let r = site.upload("/moi", &[("ten", "x")], "bang.pdf", b"%PDF-1.7").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(!exists(&site.root().join("x")), "no folder for a refused upload");
    assert_eq!(std::fs::read(site.root().join(&conf).join("hoi-nghi.xlsx")).unwrap(), workbook, "nothing replaced");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_need_the_session_s_token_from_this_page() {
    let mut site = Site::new(Mode::Local).await;
    site.upload("/moi", &[("ten", "Hội nghị A")], "", b"").await;
    let conf = "hoi-nghi-a";
    assert!(site.root().join(conf).is_dir());
    let built = site.wait_built(conf, None).await;
    let token = site.csrf.clone();
    for (url, headers) in [
        (format!("/hn/{conf}/tao"), vec![]),
        (format!("/hn/{conf}/tao?csrf=sai"), vec![]),
        (format!("/hn/{conf}/tao"), vec![("x-csrf", "0000")]),
        (format!("/hn/{conf}/tao?csrf={token}"), vec![("origin", "http://evil.example")]),
        (format!("/hn/{conf}/tao?csrf={token}"), vec![("sec-fetch-site", "cross-site")]),
    ] {
        let r = site.post_raw(&url, &[], &headers).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{url} {headers:?}");
        assert!(r.text().contains("Yêu cầu bị từ chối"));
    }
    assert_eq!(site.last_build(conf), Some(built), "nothing was built");
    // Another browser's token is not this one's.
    site.new_browser().await;
    let r = site.post_raw(&format!("/hn/{conf}/tao?csrf={token}"), &[], &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A form that does not read is said in Vietnamese.
    let r = site.post_form(&format!("/hn/{conf}/da-in"), &[("khong-phai", "x")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().starts_with("Biểu mẫu gửi lên không đọc được"), "{}", r.text());
    let r = site.post_form("/moi", &[("ten", "x")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "not a multipart form");
    assert!(r.text().starts_with("Biểu mẫu gửi lên không đọc được"), "{}", r.text());
    // The page's own answers forbid framing and outside scripts.
    let r = site.get("/").await;
    assert!(r.header("content-security-policy").contains("default-src 'self'"));
    assert!(r.header("content-security-policy").contains("frame-ancestors 'self'"));
    assert_eq!(r.header("x-frame-options"), "SAMEORIGIN");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_this_machine_only_this_machine_s_name_is_answered() {
    let mut site = Site::new(Mode::Local).await;
    for host in ["evil.example", "evil.example:8030", "127.0.0.1.evil.example", "192.168.1.5:8030"] {
        let mut req = Request::get("/").body(Body::empty()).unwrap();
        req.headers_mut().insert(header::HOST, host.parse().unwrap());
        assert_eq!(site.send(req).await.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
    for host in ["127.0.0.1:8030", "localhost:8030", "[::1]:8030"] {
        let mut req = Request::get("/").body(Body::empty()).unwrap();
        req.headers_mut().insert(header::HOST, host.parse().unwrap());
        assert_eq!(site.send(req).await.status, StatusCode::OK, "{host}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_the_network_everyone_logs_in_and_wrong_passwords_are_limited() {
    let mut site = Site::new(Mode::Network).await;
    // No account yet: the first-run page, which needs the server's code.
    let r = site.get("/").await;
    assert_eq!((r.status, r.header("location").as_str()), (StatusCode::SEE_OTHER, "/khoi-tao"));
    let code = site.app.setup_code().unwrap();
    assert!(site.get("/khoi-tao").await.text().contains("mã khởi tạo"));
    let r = site
        .post_form(
            "/khoi-tao",
            &[("ma", "00000-00000"), ("ten", "Lan"), ("mat_khau", "mat-khau-1"), ("nhap_lai", "mat-khau-1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a wrong code");
    assert!(r.text().contains("Mã khởi tạo không đúng"), "{}", r.text());
    let r = site
        .post_form(
            "/khoi-tao",
            &[("ma", &code), ("ten", "Lan"), ("mat_khau", "mat-khau-1"), ("nhap_lai", "mat-khau-1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(site.app.setup_code().is_none(), "the code is used once");
    assert_eq!(site.get("/").await.status, StatusCode::OK, "logged in");
    vanthu::serve::add_account(&site.root(), "Nguyễn Thị Hoa", "mat-khau-hoa").unwrap();

    let r = site.post_form("/dang-xuat", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = site.get("/hn/x").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/dang-nhap?tiep=/hn/x");
    let r = site.post_raw("/moi", &[], &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    site.get("/dang-nhap").await;
    for _ in 0..5 {
        let r = site.post_form("/dang-nhap", &[("ten", "Nguyễn Thị Hoa"), ("mat_khau", "sai-mat-khau")]).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.text().contains("Tên người dùng hoặc mật khẩu không đúng"));
    }
    let r = site.post_form("/dang-nhap", &[("ten", "nguyễn thị hoa"), ("mat_khau", "mat-khau-hoa")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "held back even with the right password");
    assert!(r.text().contains("Hãy thử lại sau"), "{}", r.text());
    let r =
        site.post_form("/dang-nhap", &[("ten", "Lan"), ("mat_khau", "mat-khau-1"), ("tiep", "//evil.example")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "another account is not held back");
    assert_eq!(r.header("location"), "/", "never to another site");
    assert!(r.header("set-cookie").contains("HttpOnly") && r.header("set-cookie").contains("SameSite=Strict"));
    let journal = site.get("/nhat-ky").await.text();
    assert!(journal.contains("đăng nhập sai") && journal.contains("đăng xuất"), "{journal}");
    let accounts = std::fs::read_to_string(site.root().join(".vanthu/tai-khoan.json")).unwrap();
    assert!(!accounts.contains("mat-khau") && accounts.contains("$argon2id$"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workbook_saved_in_the_folder_is_built_by_the_watching_page() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("hn");
    std::fs::create_dir(&conf).unwrap();
    std::fs::write(conf.join("hoi-nghi.yaml"), sample_yaml_with("id: so-ket-ocop-2023", "id: so-ket")).unwrap();
    let app = vanthu::serve::App::new(&vanthu::serve::ServeConfig {
        workspace: dir.path().to_path_buf(),
        mode: Mode::Local,
        secure_cookies: false,
    })
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(vanthu::serve::serve(app, listener, async {
        let _ = stopped.await;
    }));
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Excel's way: a temporary file renamed over the workbook.
    let changed = sample_yaml_with("id: so-ket-ocop-2023", "id: so-ket");
    std::fs::write(conf.join("~tmp1234.tmp"), changed.as_bytes()).unwrap();
    std::fs::rename(conf.join("~tmp1234.tmp"), conf.join("hoi-nghi.yaml")).unwrap();
    let start = std::time::Instant::now();
    while !conf.join("output/so-ket/manifest.json").is_file() || !conf.join(".vanthu/lan-tao.json").is_file() {
        assert!(start.elapsed() < Duration::from_secs(60), "the saved workbook was built");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let last = std::fs::read_to_string(conf.join(".vanthu/lan-tao.json")).unwrap();
    assert!(last.contains("lưu thẳng vào thư mục"), "{last}");
    // A page still listening to its events does not keep the server from stopping.
    let _page = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut page = std::net::TcpStream::connect(addr).unwrap();
        let ask = format!("GET /hn/hn/su-kien HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", addr.port());
        page.write_all(ask.as_bytes()).unwrap();
        let mut head = [0u8; 512];
        let n = page.read(&mut head).unwrap();
        assert!(String::from_utf8_lossy(&head[..n]).contains("text/event-stream"));
        page
    })
    .await
    .unwrap();
    let _ = stop.send(());
    let ended = tokio::time::timeout(Duration::from_secs(5), server).await;
    ended.expect("the server stops with a page listening").unwrap().unwrap();
}
