//! End-to-end tests in a real browser: Debian's Chromium, headless, driven through its
//! chromedriver (WebDriver) by fantoccini over plain HTTP on loopback.
//!
//! ```ignore
//! #[test]
//! fn e2e_something() {
//!     run(async {
//!         let Some(b) = browser("e2e_something").await else { return };
//!         let base = serve(router).await;
//!         b.client().goto(&base).await.unwrap();
//!         b.wait_text("#out", "Xin chào", Duration::from_secs(10)).await;
//!         b.close().await;
//!     })
//! }
//! ```
//!
//! A machine without Chromium skips these tests with one line on stderr; CI sets
//! `VANTHU_E2E=require` (see `.ci/run`), which turns that skip into a failure.
//! `VANTHU_CHROMIUM` / `VANTHU_CHROMEDRIVER` name other binaries, and `VANTHU_SCREENSHOTS`
//! a folder for [`Browser::screenshot`]'s PNGs.

use std::future::Future;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// How long chromedriver may take to answer `/status`, and Chromium to open a session.
const DRIVER_START: Duration = Duration::from_secs(10);
const SESSION_START: Duration = Duration::from_secs(30);
/// How often the `wait_*` helpers look again.
const POLL: Duration = Duration::from_millis(50);

const INSTALL: &str = "cài: apt-get install chromium chromium-driver";

/// Runs an async test body on a multi-thread tokio runtime (the tests are sync `#[test]`s).
pub fn run<F: Future>(f: F) -> F::Output {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(f)
}

/// Serves `app` on a free loopback port for the rest of the runtime; returns its base URL
/// (`http://127.0.0.1:<port>`, no trailing slash).
pub async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// A headless Chromium with a fresh profile and download folder, and the chromedriver that
/// drives it. Dropping it ends the session (best effort) and kills chromedriver; prefer
/// [`Browser::close`] at the end of a test.
pub struct Browser {
    client: Option<Client>,
    driver: Child,
    port: u16,
    session: String,
    test: String,
    downloads: tempfile::TempDir,
    /// Chromium's `--user-data-dir` (and chromedriver's log); removed after `driver` is
    /// killed, as fields drop after `Drop::drop`.
    profile: tempfile::TempDir,
}

/// Starts Chromium for the test `test`, or returns `None` (with one line on stderr) when this
/// machine has no Chromium or no chromedriver — unless `VANTHU_E2E=require`, then it panics.
pub async fn browser(test: &str) -> Option<Browser> {
    let chromium = find("VANTHU_CHROMIUM", "chromium");
    let driver = find("VANTHU_CHROMEDRIVER", "chromedriver");
    let (chromium, driver) = match (chromium, driver) {
        (Ok(c), Ok(d)) => (c, d),
        (c, d) => {
            let missing: Vec<String> = [c.err(), d.err()].into_iter().flatten().collect();
            let missing = missing.join(if missing.iter().any(|m| m.contains('=')) { ", " } else { "/" });
            if std::env::var("VANTHU_E2E").is_ok_and(|v| v == "require") {
                panic!("e2e {test}: VANTHU_E2E=require nhưng máy này không có {missing} ({INSTALL})");
            }
            // Past libtest's capture (which only takes `eprintln!`), so a plain `cargo test`
            // shows that the test did nothing.
            let _ = writeln!(std::io::stderr(), "e2e {test}: bỏ qua — máy này không có {missing} ({INSTALL})");
            return None;
        }
    };
    Some(Browser::start(test, &chromium, &driver).await)
}

/// The executable `name`: the one `env` names if set (and nothing else then), else
/// `/usr/bin/<name>`, else the first on `PATH`. The error says what is missing.
fn find(env: &str, name: &str) -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os(env) {
        let p = PathBuf::from(p);
        return if is_executable(&p) { Ok(p) } else { Err(format!("{name} ở {env}={}", p.display())) };
    }
    let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = std::env::split_paths(&path).map(|dir| dir.join(&file));
    std::iter::once(Path::new("/usr/bin").join(name)).chain(on_path).find(|p| is_executable(p)).ok_or(name.to_string())
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

impl Browser {
    async fn start(test: &str, chromium: &Path, driver: &Path) -> Browser {
        let profile = tempfile::Builder::new().prefix("vanthu-e2e-profile").tempdir().unwrap();
        let downloads = tempfile::Builder::new().prefix("vanthu-e2e-downloads").tempdir().unwrap();
        let log = profile.path().join("chromedriver.log");
        let (driver, port) = start_driver(test, driver, &log).await;
        let mut b =
            Browser { client: None, driver, port, session: String::new(), test: test.to_string(), downloads, profile };
        let caps = capabilities(chromium, b.profile.path(), b.downloads.path());
        let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        let connect = builder.connect(&url);
        let client = match tokio::time::timeout(SESSION_START, connect).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => panic!("e2e {test}: Chromium did not start ({e}); chromedriver said:\n{}", tail(&log)),
            Err(_) => {
                panic!("e2e {test}: Chromium did not start in {SESSION_START:?}; chromedriver said:\n{}", tail(&log))
            }
        };
        b.session = client.session_id().await.unwrap().expect("a WebDriver session id");
        b.client = Some(client);
        b
    }

    /// The WebDriver client, for everything the helpers below do not cover.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the browser is open")
    }

    /// The fresh folder Chromium saves downloads in (without asking).
    pub fn download_dir(&self) -> &Path {
        self.downloads.path()
    }

    /// Ends the session (Chromium quits) and then stops chromedriver.
    pub async fn close(mut self) {
        if let Some(c) = self.client.take() {
            c.close().await.unwrap_or_else(|e| panic!("e2e {}: closing the browser: {e}", self.test));
        }
        // Drop kills chromedriver.
    }

    /// Sends a Chrome DevTools Protocol command to the current page (chromedriver's
    /// `goog/cdp/execute`); returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let (port, path) = (self.port, format!("/session/{}/goog/cdp/execute", self.session));
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let answer = tokio::task::spawn_blocking(move || http(port, "POST", &path, &body)).await.unwrap();
        let (status, body) = answer.unwrap_or_else(|e| panic!("e2e {}: CDP {cmd}: {e}", self.test));
        let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        assert_eq!(status, 200, "e2e {}: CDP {cmd} failed: {body}", self.test);
        v["value"].clone()
    }

    /// Waits up to `timeout` for an element matching `css`.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let end = Instant::now() + timeout;
        loop {
            if let Ok(e) = self.client().find(Locator::Css(css)).await {
                return e;
            }
            if Instant::now() >= end {
                self.fail(&format!("no element `{css}` after {timeout:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits up to `timeout` until the rendered text of the element matching `css` (as a
    /// reader sees it: a hidden element's is empty) contains `needle`; returns the element.
    pub async fn wait_text(&self, css: &str, needle: &str, timeout: Duration) -> Element {
        let end = Instant::now() + timeout;
        let mut last = None;
        loop {
            if let Ok(e) = self.client().find(Locator::Css(css)).await {
                match e.text().await {
                    Ok(t) if t.contains(needle) => return e,
                    Ok(t) => last = Some(t),
                    Err(_) => {}
                }
            }
            if Instant::now() >= end {
                let seen = last.map_or("no such element".to_string(), |t| format!("its text is {t:?}"));
                self.fail(&format!("`{css}` does not contain {needle:?} after {timeout:?} ({seen})")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits up to `timeout` until a download whose name ends with `name_suffix` is complete
    /// (it exists and no `.crdownload` is left); returns its path.
    pub async fn wait_for_download(&self, name_suffix: &str, timeout: Duration) -> PathBuf {
        let end = Instant::now() + timeout;
        loop {
            let names = self.downloaded();
            let partial = names.iter().any(|n| n.ends_with(".crdownload"));
            let done = names.iter().find(|n| n.ends_with(name_suffix) && !n.ends_with(".crdownload"));
            if let Some(done) = done
                && !partial
            {
                return self.download_dir().join(done);
            }
            if Instant::now() >= end {
                let what = format!("no finished download `*{name_suffix}` after {timeout:?}; the folder has {names:?}");
                self.fail(&what).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The names of the files in the download folder, sorted.
    pub fn downloaded(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.download_dir())
            .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Saves a PNG of the viewport as `<name>.png` in the folder `VANTHU_SCREENSHOTS` names;
    /// does nothing when it is unset.
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("VANTHU_SCREENSHOTS") else { return };
        let png = self.client().screenshot().await.unwrap_or_else(|e| panic!("e2e {}: screenshot: {e}", self.test));
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Makes the page's viewport (`innerWidth` × `innerHeight`) `width` × `height` CSS pixels,
    /// e.g. 390 × 844 for a phone. The window is resized and then corrected by what its frame
    /// takes.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let (mut w, mut h) = (width, height);
        for _ in 0..3 {
            self.client().set_window_size(w, h).await.unwrap();
            let (iw, ih) = self.inner_size().await;
            if (iw, ih) == (width, height) {
                return;
            }
            w = (w + width).saturating_sub(iw);
            h = (h + height).saturating_sub(ih);
        }
        let (iw, ih) = self.inner_size().await;
        panic!("e2e {}: asked for a {width}×{height} viewport, got {iw}×{ih}", self.test);
    }

    /// The page's `innerWidth` and `innerHeight`.
    pub async fn inner_size(&self) -> (u32, u32) {
        let v = self.client().execute("return [window.innerWidth, window.innerHeight]", vec![]).await.unwrap();
        let n = |i: usize| v[i].as_u64().unwrap_or(0) as u32;
        (n(0), n(1))
    }

    /// The current URL and the start of the page's text, for failure messages.
    pub async fn page_state(&self) -> String {
        let url = self.client().current_url().await.map_or_else(|e| format!("? ({e})"), |u| u.to_string());
        let text = match self.client().find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => self.client().source().await.unwrap_or_default(),
        };
        let mut excerpt: String = text.chars().take(600).collect();
        if excerpt.len() < text.len() {
            excerpt.push('…');
        }
        format!("at {url}, the page reads:\n{excerpt}")
    }

    async fn fail(&self, what: &str) -> ! {
        panic!("e2e {}: {what}; {}", self.test, self.page_state().await)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if self.client.take().is_some() {
            // Not closed (a test panicked, or forgot): end the session so Chromium quits
            // before its driver goes. Plain blocking HTTP, as there may be no runtime left.
            let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), "");
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The capabilities of a headless Chromium at `binary` with the profile `profile`, saving
/// downloads in `downloads` without asking.
fn capabilities(binary: &Path, profile: &Path, downloads: &Path) -> fantoccini::wd::Capabilities {
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
    ]
    .map(String::from)
    .into_iter()
    .chain([format!("--user-data-dir={}", profile.display())]);
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": args.collect::<Vec<_>>(),
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            },
        },
    });
    match caps {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// Starts chromedriver on a free loopback port and waits until `/status` says it is ready.
/// Its output goes to `log`. A port taken between finding and binding it is tried again.
async fn start_driver(test: &str, driver: &Path, log: &Path) -> (Child, u16) {
    for _attempt in 0..3 {
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap().local_addr().unwrap().port();
        let out = std::fs::File::create(log).unwrap();
        let mut child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("e2e {test}: cannot run {}: {e}", driver.display()));
        let end = Instant::now() + DRIVER_START;
        while Instant::now() < end {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if let Ok((200, body)) = http(port, "GET", "/status", "")
                && body.contains("\"ready\":true")
            {
                return (child, port);
            }
            tokio::time::sleep(POLL).await;
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() || Instant::now() >= end {
            panic!("e2e {test}: chromedriver not ready after {DRIVER_START:?} ({status}):\n{}", tail(log));
        }
    }
    panic!("e2e {test}: chromedriver exited three times:\n{}", tail(log))
}

/// One HTTP/1.1 request to chromedriver on loopback, with std only (the few calls fantoccini
/// does not make: `/status`, CDP, and ending a session from `Drop`). Returns the status
/// code and body. chromedriver keeps the connection open, so the body is read by its
/// `Content-Length`.
fn http(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String)> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    s.set_read_timeout(Some(SESSION_START))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    let mut buf = [0; 8192];
    loop {
        let n = s.read(&mut buf)?;
        raw.extend_from_slice(&buf[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..at]);
            let length = head.lines().find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok())?
            });
            let body = &raw[at + 4..];
            if n == 0 || length.is_some_and(|len| body.len() >= len) {
                let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
                return Ok((status, String::from_utf8_lossy(body).into_owned()));
            }
        }
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "chromedriver hung up"));
        }
    }
}

/// The last lines of chromedriver's log.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}
