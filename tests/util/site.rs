//! The office's page, called in memory (`tower::ServiceExt::oneshot`): a browser's
//! session (its cookie and CSRF token), forms, uploads, and waiting for a build.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use tower::ServiceExt;
use vanthu::serve::{App, Mode, ServeConfig};

/// An answer: status, headers, body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    }
}

pub struct Site {
    pub dir: tempfile::TempDir,
    pub app: Arc<App>,
    router: axum::Router,
    cookie: Option<String>,
    pub csrf: String,
}

/// The sample conference's workbook.
pub fn sample_xlsx() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.xlsx")).unwrap()
}

/// The sample's YAML with `from` replaced by `to` (once, and it must be there).
pub fn sample_yaml_with(from: &str, to: &str) -> String {
    let yaml =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/so-ket-ocop-2023/hoi-nghi.yaml")).unwrap();
    assert!(yaml.contains(from), "the sample has no {from:?}");
    yaml.replacen(from, to, 1)
}

/// The sample's workbook with one cell changed: in `sheet`, on the row holding `row_with`,
/// the column headed `column` gets `value` (read with calamine, written again with
/// rust_xlsxwriter; dates and times kept as the text a clerk types).
pub fn sample_xlsx_edit(sheet: &str, row_with: &str, column: &str, value: &str) -> Vec<u8> {
    use calamine::{Data, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(sample_xlsx())).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    let mut edited = false;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let col = range.rows().find_map(|r| r.iter().position(|c| *c == column));
        for (i, row) in range.rows().enumerate() {
            let target = name == sheet && row.iter().any(|c| *c == row_with);
            for (j, cell) in row.iter().enumerate() {
                let (r, c) = (r0 + i as u32, (c0 + j as u32) as u16);
                if target && Some(j) == col {
                    ws.write_string(r, c, value).unwrap();
                    edited = true;
                    continue;
                }
                match cell {
                    Data::Empty => {}
                    Data::String(s) => drop(ws.write_string(r, c, s).unwrap()),
                    Data::Float(f) => drop(ws.write_number(r, c, *f).unwrap()),
                    Data::Int(n) => drop(ws.write_number(r, c, *n as f64).unwrap()),
                    Data::Bool(b) => drop(ws.write_boolean(r, c, *b).unwrap()),
                    Data::DateTime(d) => {
                        let dt = d.as_datetime().unwrap();
                        let text = if d.as_f64() < 1.0 { dt.format("%H:%M") } else { dt.format("%d/%m/%Y") };
                        ws.write_string(r, c, text.to_string()).unwrap();
                    }
                    other => drop(ws.write_string(r, c, other.to_string()).unwrap()),
                }
            }
        }
    }
    assert!(edited, "no {column} on a row with {row_with} in {sheet}");
    out.save_to_buffer().unwrap()
}

impl Site {
    /// A page over an empty workspace, and a visitor who has opened its first page.
    pub async fn new(mode: Mode) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let app = App::new(&ServeConfig { workspace: dir.path().to_path_buf(), mode, secure_cookies: false }).unwrap();
        let router = vanthu::serve::router(app.clone());
        let mut site = Site { dir, app, router, cookie: None, csrf: String::new() };
        site.get("/dang-nhap").await;
        site
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().canonicalize().unwrap()
    }

    /// Forgets the session (another browser).
    pub async fn new_browser(&mut self) {
        self.cookie = None;
        self.get("/dang-nhap").await;
    }

    pub async fn send(&mut self, mut req: Request<Body>) -> Answer {
        let h = req.headers_mut();
        if !h.contains_key(header::HOST) {
            h.insert(header::HOST, "127.0.0.1:8030".parse().unwrap());
        }
        if let Some(c) = &self.cookie {
            h.insert(header::COOKIE, c.parse().unwrap());
        }
        let r = self.router.clone().oneshot(req).await.unwrap();
        let (parts, body) = r.into_parts();
        if let Some(set) = parts.headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()) {
            let pair = set.split(';').next().unwrap().to_string();
            self.cookie = if set.contains("Max-Age=0") { None } else { Some(pair) };
        }
        let body = axum::body::to_bytes(body, usize::MAX).await.unwrap().to_vec();
        let answer = Answer { status: parts.status, headers: parts.headers, body };
        let text = answer.text();
        if let Some(i) = text.find("data-csrf=\"") {
            let rest = &text[i + 11..];
            self.csrf = rest[..rest.find('"').unwrap()].to_string();
        }
        answer
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    /// A form posted as a page posts it: the token in the form's address.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = format!("{path}{sep}csrf={}", self.csrf);
        self.post_raw(&url, fields, &[]).await
    }

    /// A form posted with extra headers and no token added.
    pub async fn post_raw(&mut self, url: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> Answer {
        let body: String =
            fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        let mut req = Request::post(url).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// A multipart form with one file, as a page's upload sends it.
    pub async fn upload(&mut self, path: &str, fields: &[(&str, &str)], file_name: &str, bytes: &[u8]) -> Answer {
        let b = "----vanthuthu7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend(format!("--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
        }
        body.extend(
            format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(format!("\r\n--{b}--\r\n").as_bytes());
        let url = format!("{path}?csrf={}", self.csrf);
        let req = Request::post(url)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"))
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// The conference's last build's record, when there is one.
    pub fn last_build(&self, conf: &str) -> Option<serde_json::Value> {
        let bytes = std::fs::read(self.root().join(conf).join(".vanthu/lan-tao.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Waits until the conference has no build running and its last build is not `before`.
    pub async fn wait_built(&mut self, conf: &str, before: Option<serde_json::Value>) -> serde_json::Value {
        let start = Instant::now();
        loop {
            let idle = self.get(&format!("/hn/{conf}")).await.text().contains("class=\"progress hidden\"");
            if let Some(last) = self.last_build(conf)
                && idle
                && Some(&last) != before.as_ref()
            {
                return last;
            }
            assert!(start.elapsed() < Duration::from_secs(90), "no build of {conf} ended");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn pack(&self, conf: &str) -> PathBuf {
        let out = self.root().join(conf).join("output");
        std::fs::read_dir(&out).unwrap().next().unwrap().unwrap().path()
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Makes a conference `name` from the sample workbook by upload and waits for its build.
pub async fn sample_conference(site: &mut Site) -> String {
    let r = site.upload("/moi", &[("ten", "Sơ kết OCOP")], "hoi-nghi.xlsx", &sample_xlsx()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let conf = r.header("location").trim_start_matches("/hn/").to_string();
    assert_eq!(conf, "so-ket-ocop");
    let last = site.wait_built(&conf, None).await;
    assert_eq!(last["ok"], true, "{last}");
    conf
}

pub fn exists(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok()
}
