//! `vanthu serve` end to end, in headless Chromium (`util::browser`): a clerk's morning on
//! the office's page, one step after the other in one browser —
//!
//! 1. a new conference from a starter (kind, level), landing on its page;
//! 2. the sample workbook uploaded there: the page follows the build and shows the
//!    documents with their thumbnails;
//! 3. a document's preview;
//! 4. a PDF and the whole pack (ZIP) downloaded, and read back;
//! 5. a broken workbook: its cell in the check table, and the last build "not made";
//! 6. a workbook saved straight into the conference's folder (as Excel saves): the open
//!    page notices, and reloads itself with the new build;
//! 7. a text document written in the page's editor, and its PDF following the text;
//! 8. the list and the conference's page at a phone's size (taken after 4, while the
//!    conference is whole).
//!
//! With `VANTHU_SCREENSHOTS=<folder>` the steps leave their pictures there (`web-*.png`,
//! the ones in `docs/images`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::{Value, json};
use tokio::sync::oneshot;

use crate::util::browser::{Browser, browser, run};
use crate::util::site::{sample_xlsx, sample_xlsx_edit};

/// A page to load, a click to answer (generous: `cargo test` runs the heavy tests beside).
const WAIT: Duration = Duration::from_secs(30);
/// A build of the sample (2–3 s alone) and the page's reload after it, on a busy machine.
const BUILD: Duration = Duration::from_secs(150);
/// How often the waits below look again.
const POLL: Duration = Duration::from_millis(100);

/// The conference the steps work on, made from the starter in step 1.
const TITLE: &str = "Hội nghị tổng kết năm 2026";
const CONF: &str = "hoi-nghi-tong-ket-nam-2026";
/// The sample's pack folder (its `id`).
const PACK: &str = "so-ket-ocop-2023";

/// The text typed into the editor in step 7.
const TEXT: &str = "---\nloại: Thông báo\ntrích yếu: Kết luận của Hội nghị\n---\n\
    Hội nghị thống nhất giao Sở Nông nghiệp và Phát triển nông thôn tổng hợp ý kiến của các đại biểu trước ngày 20/12/2023.\n";

/// The page's server on a fresh workspace, the browser, and the clerk's own files.
struct Office {
    b: Browser,
    base: String,
    ws: tempfile::TempDir,
    /// The files the clerk uploads from.
    desk: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    started: Instant,
    step: Instant,
}

#[test]
fn e2e_office_page() {
    run(async {
        let Some(b) = browser("e2e_office_page").await else { return };
        let mut o = Office::start(b).await;
        o.create_from_starter().await;
        o.upload_sample().await;
        o.preview().await;
        o.downloads().await;
        o.list().await;
        o.phone().await;
        o.broken_workbook().await;
        o.saved_into_the_folder().await;
        o.text_document().await;
        o.shut_down().await;
    })
}

impl Office {
    async fn start(b: Browser) -> Office {
        b.set_viewport(1366, 768).await;
        let ws = tempfile::Builder::new().prefix("vanthu-e2e-ws").tempdir().unwrap();
        let config = vanthu::serve::ServeConfig {
            workspace: ws.path().to_path_buf(),
            mode: vanthu::serve::Mode::Local,
            secure_cookies: false,
        };
        let app = vanthu::serve::App::new(&config).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(vanthu::serve::serve(app, listener, async {
            let _ = stopped.await;
        }));
        let desk = tempfile::Builder::new().prefix("vanthu-e2e-desk").tempdir().unwrap();
        let now = Instant::now();
        Office {
            b,
            base: format!("http://127.0.0.1:{port}"),
            ws,
            desk,
            stop: Some(stop),
            server,
            started: now,
            step: now,
        }
    }

    /// Says which step begins (with the time the last one took), on stderr.
    fn begin(&mut self, what: &str) {
        eprintln!(
            "e2e_office_page: {what} (bước trước {:.1?}, từ đầu {:.1?})",
            self.step.elapsed(),
            self.started.elapsed()
        );
        self.step = Instant::now();
    }

    fn conf_dir(&self) -> PathBuf {
        self.ws.path().join(CONF)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn fail(&self, what: &str) -> ! {
        panic!("e2e_office_page: {what}; {}", self.b.page_state().await)
    }

    async fn find(&self, css: &str) -> Element {
        self.b.wait_for(css, WAIT).await
    }

    async fn click(&self, css: &str) {
        let e = self.find(css).await;
        if let Err(e) = e.click().await {
            self.fail(&format!("cannot click `{css}`: {e}")).await;
        }
    }

    async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap_or_default()
    }

    async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        match self.b.client().execute(script, args).await {
            Ok(v) => v,
            Err(e) => self.fail(&format!("the script `{script}` failed: {e}")).await,
        }
    }

    /// Waits until `script` returns something truthy (reloads and missing elements are
    /// waited through); returns it.
    async fn wait_js(&self, script: &str, args: Vec<Value>, what: &str, timeout: Duration) -> Value {
        let end = Instant::now() + timeout;
        loop {
            if let Ok(v) = self.b.client().execute(script, args.clone()).await
                && !matches!(&v, Value::Null | Value::Bool(false))
                && v != json!(0)
                && v != json!("")
            {
                return v;
            }
            if Instant::now() >= end {
                self.fail(&format!("{what}: not so after {timeout:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the browser is at `path` (and the page there has loaded).
    async fn wait_path(&self, path: &str) {
        let end = Instant::now() + WAIT;
        loop {
            let at = self.b.client().current_url().await.map(|u| u.path().to_string()).unwrap_or_default();
            let ready = self.b.client().execute("return document.readyState", vec![]).await.ok();
            if at == path && ready == Some(json!("complete")) {
                return;
            }
            if Instant::now() >= end {
                self.fail(&format!("not at {path} after {WAIT:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the image `css` is shown: loaded, with a width of its own; returns it.
    async fn wait_image(&self, css: &str, timeout: Duration) -> u64 {
        let script = "const i = document.querySelector(arguments[0]); if (!i) return false; \
            if (!i.complete) { i.scrollIntoView({block: 'center'}); return false; } \
            return i.naturalWidth > 0 ? i.naturalWidth : 'broken';";
        let v = self.wait_js(script, vec![json!(css)], &format!("the image `{css}` loaded"), timeout).await;
        match v.as_u64() {
            Some(w) => w,
            None => self.fail(&format!("the image `{css}` is broken (loaded, but no picture)")).await,
        }
    }

    /// The page scrolled so that `css` is at the top (`None`: the page's top), then a
    /// screenshot named `name`.
    async fn picture(&self, name: &str, css: Option<&str>) {
        let script = "const e = arguments[0] ? document.querySelector(arguments[0]) : null; \
            if (e) e.scrollIntoView({block: 'start'}); else window.scrollTo(0, 0); return true;";
        self.js(script, vec![json!(css)]).await;
        self.b.screenshot(name).await;
    }

    /// A file the clerk has on the desk, to upload.
    fn on_desk(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.desk.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Uploads `file` from the conference's page and waits for the page to take the build's
    /// outcome in: its last-build line says `outcome`.
    async fn upload(&self, file: &Path, outcome: &str) {
        let before = self.last_build().await;
        let input = self.find("#tai-len #tep").await;
        input.send_keys(&file.to_string_lossy()).await.unwrap();
        let chosen = self.js("return document.getElementById('tep').files.length", vec![]).await;
        assert_eq!(chosen, json!(1), "the file {} is chosen in the form", file.display());
        self.click("#nut-tai-len").await;
        self.wait_path(&format!("/hn/{CONF}")).await;
        self.settle(&before, outcome).await;
    }

    /// The page's last-build line (empty when there is none, or while it reloads).
    async fn last_build(&self) -> String {
        let script = "const p = document.getElementById('lan-tao'); return p ? p.textContent.trim() : ''";
        let v = self.b.client().execute(script, vec![]).await.ok();
        v.and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// The last-build line as the server would show it now, from the conference's
    /// `.vanthu/lan-tao.json` (written as a build ends).
    fn served_line(&self) -> Option<String> {
        let bytes = std::fs::read(self.conf_dir().join(".vanthu/lan-tao.json")).ok()?;
        let last: Value = serde_json::from_slice(&bytes).ok()?;
        let field = |k: &str| last[k].as_str().unwrap_or_default().to_string();
        Some(format!("Lần tạo gần nhất {} ({}): {}", field("luc"), field("ai"), field("thong_bao")))
    }

    /// Waits until the page shows a new build's outcome — its last-build line is not
    /// `before` and says `outcome` — with no build under way. The page reloads itself when it
    /// hears that its build ended (server-sent events; the stream's first event says how
    /// things stand, so a build that ended before the page listened is heard of too). A
    /// page still showing another outcome 3 s after the server recorded this one (on disk:
    /// asking the server would change what it shows) is a fault of the page.
    async fn settle(&self, before: &str, outcome: &str) {
        const SHOWN: &str = "const p = document.getElementById('lan-tao'), bar = document.getElementById('tien-do'); \
            const line = p ? p.textContent.trim() : ''; \
            return !!bar && bar.classList.contains('hidden') && line !== arguments[0] && line.includes(arguments[1]);";
        let end = Instant::now() + BUILD;
        let mut stale: Option<Instant> = None;
        loop {
            if self.b.client().execute(SHOWN, vec![json!(before), json!(outcome)]).await.ok() == Some(json!(true)) {
                return;
            }
            let served = self.served_line().filter(|l| l != before && l.contains(outcome));
            let shown = self.last_build().await;
            if served.is_some_and(|l| l != shown) {
                if stale.get_or_insert_with(Instant::now).elapsed() > Duration::from_secs(3) {
                    self.fail(&format!(
                        "the page still shows {shown:?} 3 s after the build ended ({outcome:?}): it did not hear of it"
                    ))
                    .await;
                }
            } else {
                stale = None;
            }
            if Instant::now() >= end {
                let what = format!("no new build saying {outcome:?} on the page after {BUILD:?} (before: {before:?})");
                self.fail(&what).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

impl Office {
    /// Step 1: the list (empty), the new page, a conference from the starter.
    async fn create_from_starter(&mut self) {
        self.begin("1. hội nghị mới từ bảng tính mẫu");
        self.b.client().goto(&self.url("/")).await.unwrap();
        self.b.wait_text("#trong", "Chưa có hội nghị nào", WAIT).await;
        self.click("#moi").await;
        self.wait_path("/moi").await;
        for shown in ["#tu-mau", "#tu-tep #tep-moi", "#tao-tu-tep"] {
            assert!(self.find(shown).await.is_displayed().await.unwrap(), "{shown} is shown");
        }
        self.picture("web-moi", None).await;

        self.fill_starter_form().await;
        self.click("#tao-tu-mau").await;
        assert!(!self.refused(&format!("/hn/{CONF}")).await, "the starter form was refused by the page's guard");
        self.wait_path(&format!("/hn/{CONF}")).await;
        self.find("#nut-tao").await;
        let summary = self.text("#tom-tat").await;
        assert!(summary.contains(CONF) && summary.contains("hoi-nghi.xlsx"), "the folder and its workbook: {summary}");
        assert!(self.conf_dir().join("hoi-nghi.xlsx").is_file(), "the starter workbook is in the folder");
    }

    async fn fill_starter_form(&self) {
        self.find("#ten-mau").await.send_keys(TITLE).await.unwrap();
        self.find("#loai").await.select_by_value("tong-ket").await.unwrap();
        self.find("#cap").await.select_by_value("don-vi").await.unwrap();
        let chosen = self.js("return ['loai', 'cap'].map(id => document.getElementById(id).value)", vec![]).await;
        assert_eq!(chosen, json!(["tong-ket", "don-vi"]), "the kind and level are chosen");
    }

    /// Whether the form just sent was refused by the page's guard (rather than leading to
    /// `path`).
    async fn refused(&self, path: &str) -> bool {
        let script = "if (document.readyState !== 'complete') return false; \
            if (location.pathname === arguments[0]) return 'ok'; \
            return document.body.innerText.includes('Yêu cầu bị từ chối') ? 'refused' : false;";
        self.wait_js(script, vec![json!(path)], &format!("the form led to {path}"), WAIT).await == json!("refused")
    }

    /// Step 2: the sample workbook uploaded on the conference's page; its documents shown.
    async fn upload_sample(&mut self) {
        self.begin("2. tải lên bảng tính mẫu");
        let file = self.on_desk("hoi-nghi.xlsx", &sample_xlsx());
        self.upload(&file, "Đã tạo xong").await;
        // The page shows the sample's pack (not one the starter's build may have made first).
        self.b.wait_text("#van-ban", &format!("output/{PACK}"), BUILD).await;
        self.b.wait_text("#tieu-de", "Hội nghị sơ kết 03 năm thực hiện Chương trình mỗi xã một sản phẩm", WAIT).await;
        self.b.wait_text("#tom-tat", "15/12/2023", WAIT).await;
        self.b.wait_text("#kiem-tra", "Dữ liệu hợp lệ", WAIT).await;
        for doc in ["giay-moi.pdf", "kich-ban.pdf", "so-do-cho-ngoi.pdf", "danh-sach-giay-moi.xlsx"] {
            self.b.wait_text("#tep-in", doc, WAIT).await;
        }
        self.b.wait_text("details[data-thu-muc='giay-moi'] summary", "giay-moi/ — 253 tệp", WAIT).await;

        // Every thumbnail is drawn (each asked for as it scrolls into view).
        let thumbs = self.b.client().find_all(Locator::Css("#tep-in img.thumb")).await.unwrap().len();
        assert!(thumbs >= 8, "a thumbnail per PDF of the pack: {thumbs}");
        let width = self.wait_image(".doc[data-tep='giay-moi.pdf'] img.thumb", WAIT).await;
        let script = "for (const i of document.querySelectorAll('#tep-in img.thumb')) { \
            if (!i.complete) { i.scrollIntoView({block: 'center'}); return false; } \
            if (i.naturalWidth === 0) return 'broken: ' + i.getAttribute('src'); } return true;";
        let drawn = self.wait_js(script, vec![], "every thumbnail loaded", WAIT).await;
        assert_eq!(drawn, json!(true), "every thumbnail is a picture");
        eprintln!("e2e_office_page: {thumbs} thumbnails, giay-moi.pdf's {width} px wide");
        self.picture("web-hoi-nghi", Some("#van-ban")).await;
    }

    /// Step 3: a document's preview: every page drawn.
    async fn preview(&mut self) {
        self.begin("3. xem trước kich-ban.pdf");
        self.click(".doc[data-tep='kich-ban.pdf'] a.xem").await;
        self.wait_path(&format!("/hn/{CONF}/xem/kich-ban.pdf")).await;
        self.b.wait_text("#ten-tep", "kich-ban", WAIT).await;
        let pages = self.b.client().find_all(Locator::Css("#trang img.page")).await.unwrap().len();
        let on_disk = crate::util::pdf::pages(&self.conf_dir().join("output").join(PACK).join("kich-ban.pdf"));
        assert_eq!(pages, on_disk.min(40), "a picture per page");
        self.wait_image("#trang figure:first-child img.page", WAIT).await;
        self.picture("web-xem", None).await;
        self.wait_image("#trang figure:last-child img.page", WAIT).await;
    }

    /// Step 4: the PDF from its preview, and the whole pack from the conference's page.
    async fn downloads(&mut self) {
        self.begin("4. tải PDF và cả bộ (.zip)");
        self.click("#tai-pdf").await;
        let pdf = self.b.wait_for_download("kich-ban.pdf", WAIT).await;
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "a PDF: {:?}", &bytes[..bytes.len().min(16)]);
        let pack = self.conf_dir().join("output").join(PACK);
        assert_eq!(bytes, std::fs::read(pack.join("kich-ban.pdf")).unwrap(), "the pack's file, whole");
        let words = crate::util::pdf::flat_text(&pdf);
        for phrase in
            ["KỊCH BẢN", "Chương trình mỗi xã một sản phẩm", "Hội trường A, Trung tâm Hội nghị tỉnh Tuyên Quang"]
        {
            assert!(words.contains(phrase), "the script reads {phrase:?}: {words:.600}");
        }

        self.click(&format!("a[href='/hn/{CONF}#van-ban']")).await;
        self.wait_path(&format!("/hn/{CONF}")).await;
        self.click("#tai-ca-bo").await;
        let zip = self.b.wait_for_download(".zip", BUILD).await;
        assert_eq!(zip.file_name().unwrap(), format!("{PACK}.zip").as_str());
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
        let names: Vec<String> = archive.file_names().map(|n| n.unwrap().to_string()).collect();
        for inside in ["giay-moi.pdf", "kich-ban.pdf", "giay-moi/dao-duy-binh.pdf", "danh-sach-giay-moi.xlsx"] {
            assert!(names.contains(&format!("{PACK}/{inside}")), "the ZIP holds {inside}: {names:?}");
        }
        let mut invitation = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name(&format!("{PACK}/giay-moi.pdf")).unwrap(), &mut invitation)
            .unwrap();
        assert_eq!(invitation, std::fs::read(pack.join("giay-moi.pdf")).unwrap(), "giay-moi.pdf, whole");
        assert_eq!(self.b.downloaded(), ["kich-ban.pdf".to_string(), format!("{PACK}.zip")]);
    }

    /// Step 5: a workbook with a word where a number goes: the cell in the check table.
    async fn broken_workbook(&mut self) {
        self.begin("5. bảng tính có lỗi");
        let broken = sample_xlsx_edit("Đại biểu", "Đào Duy Bình", "Thứ tự", "một");
        let file = self.on_desk("hoi-nghi (sửa).xlsx", &broken);
        self.upload(&file, "Chưa tạo được").await;
        let last = self.text("#lan-tao").await;
        assert!(last.contains("1 lỗi") && last.contains("Bộ văn bản lần trước vẫn giữ nguyên"), "{last}");
        self.b.wait_text("#tong-ket-kiem-tra", "1 lỗi", WAIT).await;
        self.b.wait_text("#kiem-tra h3.sheet", "Đại biểu", WAIT).await;

        let row = self.find("#kiem-tra tr.loi").await;
        let cell = row.find(Locator::Css("td.cell")).await.unwrap().text().await.unwrap();
        let name = cell.lines().next().unwrap_or_default().trim().to_string();
        let letters = name.chars().take_while(char::is_ascii_uppercase).count();
        let digits = name.chars().skip(letters).take_while(char::is_ascii_digit).count();
        assert!(letters > 0 && digits > 0 && letters + digits == name.len(), "a cell's name: {cell:?}");
        // `Thứ tự` is column H; Đào Duy Bình the first delegate, on row 4.
        assert_eq!(name, "H4", "the cell of Đào Duy Bình's `Thứ tự`: {cell:?}");
        assert!(cell.contains("Thứ tự"), "the column's header under the cell: {cell:?}");
        let message = row.find(Locator::Css("td:nth-child(3)")).await.unwrap().text().await.unwrap();
        assert!(message.contains("một") && message.contains("Đào Duy Bình"), "the message and the row: {message}");
        eprintln!("e2e_office_page: the check says at {name}: {}", message.replace('\n', " / "));
        // The last good pack stays on the page.
        self.b.wait_text("#van-ban", &format!("output/{PACK}"), WAIT).await;
        self.find(".doc[data-tep='giay-moi.pdf'] img.thumb").await;
        self.picture("web-kiem-tra", Some("#thao-tac")).await;
    }

    /// Step 6: the workbook saved straight into the folder, as Excel saves; the open page
    /// notices, builds and reloads itself.
    async fn saved_into_the_folder(&mut self) {
        self.begin("6. lưu thẳng vào thư mục hội nghị");
        // A mark on this page: a reload (by the page itself; the test does not navigate)
        // wipes it.
        self.js("window.e2eDauTrang = 1; return true", vec![]).await;
        let before = self.last_build().await;
        let changed = sample_xlsx_edit("Đại biểu", "Đào Duy Bình", "Họ và tên", "Đào Duy Bính");
        let dir = self.conf_dir();
        std::fs::write(dir.join("A1B2C3D4.tmp"), &changed).unwrap();
        std::fs::rename(dir.join("A1B2C3D4.tmp"), dir.join("hoi-nghi.xlsx")).unwrap();

        self.settle(&before, "(lưu thẳng vào thư mục)").await;
        let line = self.last_build().await;
        assert!(line.contains("Đã tạo xong"), "the saved workbook is built: {line}");
        let reloaded = self.js("return window.e2eDauTrang === undefined", vec![]).await;
        assert_eq!(reloaded, json!(true), "the page reloaded itself");
        self.wait_path(&format!("/hn/{CONF}")).await;
        self.b.wait_text("#kiem-tra", "Dữ liệu hợp lệ", WAIT).await;
        // Compared with the last pack made (step 2's): the one name changed.
        self.b.wait_text("#thay-doi", "Đào Duy Bính", WAIT).await;
        self.b.wait_text("#danh-sach-in-lai", "giay-moi/dao-duy-binh.pdf", WAIT).await;
        // Ticked as printed, without a reload: the count follows, and the tick is kept.
        let before = self.text("#so-da-in").await;
        self.click("#danh-sach-in-lai input[type=checkbox]").await;
        let after = (before.trim().parse::<u32>().unwrap() + 1).to_string();
        self.b.wait_text("#so-da-in", &after, WAIT).await;
        let ticks = self.conf_dir().join(".vanthu/da-in.json");
        let start = Instant::now();
        while !std::fs::read_to_string(&ticks).is_ok_and(|t| t.contains(".pdf")) {
            assert!(start.elapsed() < WAIT, "the tick is kept in .vanthu/da-in.json");
            tokio::time::sleep(POLL).await;
        }

        // The conference's title, date and agency, as before the broken workbook.
        let title = self.text("#tieu-de").await;
        let summary = self.text("#tom-tat").await;
        assert!(
            title.contains("Hội nghị sơ kết 03 năm") && summary.contains("15/12/2023"),
            "the conference's title, date and agency once the workbook is mended: #tieu-de {title:?}, #tom-tat {summary:?}"
        );
    }

    /// The list, with the conference built; back to the conference's page from it.
    async fn list(&mut self) {
        self.begin("danh sách hội nghị");
        self.click("header.top a.brand").await;
        self.wait_path("/").await;
        let row = format!("tr[data-hn='{CONF}']");
        self.b.wait_text(&row, "Hội nghị sơ kết 03 năm thực hiện", WAIT).await;
        self.b.wait_text(&row, "15/12/2023", WAIT).await;
        self.b.wait_text(&row, "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", WAIT).await;
        self.b.wait_text(&row, "Đã tạo", WAIT).await;
        self.picture("web-danh-sach", None).await;
        self.click(&format!("{row} a")).await;
        self.wait_path(&format!("/hn/{CONF}")).await;
    }

    /// Step 7: a text document written in the page's editor; its PDF follows the text.
    async fn text_document(&mut self) {
        self.begin("7. viết văn bản dạng chữ");
        self.find("#van-ban-moi select[name=loai]").await.select_by_label("Thông báo").await.unwrap();
        self.find("#van-ban-moi input[name=ten]").await.send_keys("Kết luận của Hội nghị").await.unwrap();
        self.click("#van-ban-moi button[type=submit]").await;
        let name = "thong-bao-ket-luan-cua-hoi-nghi.md";
        self.wait_path(&format!("/hn/{CONF}/van-ban/{name}")).await;
        self.b.wait_text("#ket-qua", "Đã tạo PDF", WAIT).await;
        self.wait_image("#trang img.page", WAIT).await;
        let first = self.find("#trang img.page").await.attr("src").await.unwrap().unwrap_or_default();

        let text = self.find("#noi-dung").await;
        text.clear().await.unwrap();
        text.send_keys(TEXT).await.unwrap();
        let typed = self.js("return document.getElementById('noi-dung').value", vec![]).await;
        assert_eq!(typed.as_str().unwrap_or_default().replace("\r\n", "\n"), TEXT, "typed as written");
        self.click("#luu").await;

        let script =
            "const i = document.querySelector('#trang img.page'); return !!i && i.getAttribute('src') !== arguments[0]";
        self.wait_js(script, vec![json!(first)], "a new picture of the saved text", WAIT).await;
        self.b.wait_text("#ket-qua", "Đã tạo PDF", WAIT).await;
        self.wait_image("#trang img.page", WAIT).await;
        let saved = std::fs::read_to_string(self.conf_dir().join("van-ban").join(name)).unwrap();
        assert_eq!(saved, TEXT, "saved as typed");

        // The PDF the page links to ("Mở PDF"), fetched by the page itself.
        let href = self.find("#mo-pdf").await.attr("href").await.unwrap().expect("a link to the PDF");
        let script = "return fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b)))";
        let bytes: Vec<u8> = serde_json::from_value(self.js(script, vec![json!(href)]).await).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{href} is a PDF");
        let pdf = self.desk.path().join("van-ban.pdf");
        std::fs::write(&pdf, &bytes).unwrap();
        let words = crate::util::pdf::flat_text(&pdf);
        for phrase in ["THÔNG BÁO", "Kết luận của Hội nghị", "tổng hợp ý kiến của các đại biểu trước ngày 20/12/2023"]
        {
            assert!(words.contains(phrase), "the PDF reads {phrase:?}: {words:.800}");
        }
        assert!(!words.contains("Nội dung văn bản viết ở đây"), "the new text replaced the old");
        self.picture("web-van-ban", Some("h1")).await;

        // The pack's own copy, made by the build the save starts (the folder is watched).
        let copy =
            self.conf_dir().join("output").join(PACK).join("van-ban").join("thong-bao-ket-luan-cua-hoi-nghi.pdf");
        let end = Instant::now() + BUILD;
        while !copy.is_file() || !crate::util::pdf::flat_text(&copy).contains("tổng hợp ý kiến của các đại biểu")
        {
            assert!(Instant::now() < end, "the pack's {} follows the saved text within {BUILD:?}", copy.display());
            tokio::time::sleep(POLL).await;
        }
    }

    /// Step 8: the list and the conference's page on a phone.
    async fn phone(&mut self) {
        self.begin("8. màn hình điện thoại 390×844");
        self.b.set_viewport(390, 844).await;
        // A phone's scrollbars float over the page: the page gets all 390 px (a desktop
        // Chromium's take 15 of them).
        self.b.cdp("Emulation.setScrollbarsHidden", json!({ "hidden": true })).await;
        // The list, once no build is under way (asked again: the list does not follow
        // builds by itself).
        let row = format!("tr[data-hn='{CONF}']");
        let end = Instant::now() + BUILD;
        loop {
            self.b.client().goto(&self.url("/")).await.unwrap();
            self.wait_path("/").await;
            let state = self.text(&format!("{row} .badge")).await;
            if state == "Đã tạo" {
                break;
            }
            assert!(Instant::now() < end, "the conference is still “{state}” after {BUILD:?}");
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        // The table scrolls sideways in its own box; the box fits.
        self.fits(&["#moi", ".scroll:has(> #danh-sach)", &format!("{row} a")]).await;

        self.b.client().goto(&self.url(&format!("/hn/{CONF}"))).await.unwrap();
        self.wait_path(&format!("/hn/{CONF}")).await;
        self.fits(&["#tieu-de", "#nut-tao", "#tep", "#nut-tai-len", "#lan-tao", "#tai-ca-bo", "#tep-in"]).await;
        self.wait_image(".doc[data-tep='giay-moi.pdf'] img.thumb", WAIT).await;
        self.picture("web-dien-thoai", None).await;
        self.b.cdp("Emulation.setScrollbarsHidden", json!({ "hidden": false })).await;
        self.b.set_viewport(1366, 768).await;
    }

    /// Each of `shown` is displayed and within the phone's width, and the page itself does
    /// not scroll sideways.
    async fn fits(&self, shown: &[&str]) {
        let width = self.js("return document.documentElement.clientWidth", vec![]).await.as_u64().unwrap_or(0);
        assert_eq!((width, self.b.inner_size().await.0), (390, 390), "the page is laid out for a phone's width");
        for css in shown {
            let e = self.find(css).await;
            assert!(e.is_displayed().await.unwrap(), "`{css}` is shown on a phone");
            let (x, _, w, _) = e.rectangle().await.unwrap();
            assert!(x >= 0.0 && x + w <= width as f64 + 0.5, "`{css}` fits a phone's {width} px: x {x}, width {w}");
        }
        let wide = self.js("return document.documentElement.scrollWidth", vec![]).await.as_u64().unwrap_or(0);
        assert!(wide <= width, "the page scrolls sideways on a phone: {wide} px wide for {width}");
    }

    /// The server stops when asked, with a page still open on it (listening to its events).
    async fn shut_down(mut self) {
        self.begin("kết thúc: dừng máy chủ khi trang còn mở");
        self.b.client().goto(&self.url(&format!("/hn/{CONF}"))).await.unwrap();
        self.wait_path(&format!("/hn/{CONF}")).await;
        let _ = self.stop.take().map(|s| s.send(()));
        let stopped = tokio::time::timeout(Duration::from_secs(3), &mut self.server).await;
        self.b.close().await;
        match stopped {
            Ok(done) => done.unwrap().unwrap(),
            Err(_) => panic!("the server did not stop within 3 s with a conference's page open (its event stream)"),
        }
        let journal = std::fs::read_to_string(self.ws.path().join(".vanthu/nhat-ky.jsonl")).unwrap_or_default();
        eprintln!("e2e_office_page: xong sau {:.1?}; nhật ký:\n{journal}", self.started.elapsed());
    }
}
