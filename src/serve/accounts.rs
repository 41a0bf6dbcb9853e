//! Accounts, sessions and logins.
//!
//! Passwords are kept as Argon2id hashes (`.vanthu/tai-khoan.json`). A session is a random
//! 256-bit token in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` behind HTTPS), with its
//! own CSRF token; logging in gives a new one. Wrong passwords are limited per name and per
//! address: after [`FREE_TRIES`] the next try waits, twice as long each time.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::app::{App, Mode};
use super::guard::Visitor;
use super::views::Page;

const ACCOUNTS_FILE: &str = "tai-khoan.json";
/// Wrong passwords allowed before the wait begins.
pub(crate) const FREE_TRIES: u32 = 5;
/// The first wait; it doubles with each further wrong password, up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);
/// Sessions kept at most; the idlest go first.
const MAX_SESSIONS: usize = 10_000;
/// A session unused this long is over.
const IDLE: Duration = Duration::from_secs(12 * 3600);
/// The shortest password.
pub const MIN_PASSWORD: usize = 8;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `N` bytes from the system's random source. A system without one cannot keep sessions
/// safe: the page stops rather than hand out guessable tokens.
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Err(e) = getrandom::fill(&mut bytes) {
        panic!("hệ thống không cho số ngẫu nhiên an toàn: {e}");
    }
    bytes
}

/// 32 random bytes from the system's source, as hex.
pub(crate) fn token() -> String {
    let bytes: [u8; 32] = random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first-run code: 10 digits, grouped for reading aloud.
pub(crate) fn setup_code() -> String {
    let n = u64::from_le_bytes(random()) % 10_000_000_000;
    let s = format!("{n:010}");
    format!("{}-{}", &s[..5], &s[5..])
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Account {
    #[serde(rename = "ten")]
    name: String,
    #[serde(rename = "mat_khau")]
    hash: String,
}

/// The office's accounts, as the file holds them.
pub(crate) struct Accounts {
    file: PathBuf,
    list: Mutex<Vec<Account>>,
}

/// Why an account cannot be added.
#[derive(Debug)]
pub enum AccountError {
    BadName,
    ShortPassword,
    Exists,
    Io(String),
}

impl std::fmt::Display for AccountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AccountError::BadName => {
                write!(f, "tên người dùng phải có từ 1 đến 64 ký tự, không có dấu cách ở đầu, cuối")
            }
            AccountError::ShortPassword => write!(f, "mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự"),
            AccountError::Exists => write!(f, "đã có người dùng tên này"),
            AccountError::Io(e) => write!(f, "không ghi được tệp tài khoản: {e}"),
        }
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

impl Accounts {
    pub(crate) fn load(state_dir: &Path) -> std::io::Result<Accounts> {
        let file = state_dir.join(ACCOUNTS_FILE);
        let list = match std::fs::read(&file) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                std::io::Error::other(format!("{} không đọc được ({e}): sửa hoặc xóa tệp này", file.display()))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        Ok(Accounts { file, list: Mutex::new(list) })
    }

    pub(crate) fn is_empty(&self) -> bool {
        lock(&self.list).is_empty()
    }

    /// Adds an account; the password is hashed here.
    pub(crate) fn add(&self, name: &str, password: &str) -> Result<(), AccountError> {
        let name: String = unicode_normalization::UnicodeNormalization::nfc(name).collect();
        if name.is_empty() || name.chars().count() > 64 || name.trim() != name || name.chars().any(char::is_control) {
            return Err(AccountError::BadName);
        }
        if password.chars().count() < MIN_PASSWORD {
            return Err(AccountError::ShortPassword);
        }
        let salt = SaltString::encode_b64(&random::<16>()).map_err(|e| AccountError::Io(e.to_string()))?;
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| AccountError::Io(e.to_string()))?
            .to_string();
        let mut list = lock(&self.list);
        if list.iter().any(|a| same_name(&a.name, &name)) {
            return Err(AccountError::Exists);
        }
        list.push(Account { name, hash });
        let bytes = serde_json::to_vec_pretty(&*list).map_err(|e| AccountError::Io(e.to_string()))?;
        crate::output::write_atomic(&self.file, &bytes).map_err(|d| {
            list.pop();
            AccountError::Io(d.message.vi)
        })
    }

    /// The account's name as written, when `password` is its password. Argon2 takes a
    /// moment on purpose: call it off the async threads.
    pub(crate) fn verify(&self, name: &str, password: &str) -> Option<String> {
        let account = lock(&self.list).iter().find(|a| same_name(&a.name, name.trim())).cloned()?;
        let hash = PasswordHash::new(&account.hash).ok()?;
        Argon2::default().verify_password(password.as_bytes(), &hash).ok().map(|()| account.name)
    }
}

/// `vanthu serve --them-nguoi-dung TÊN`: adds an account to the workspace.
pub fn add_account(workspace: &Path, name: &str, password: &str) -> Result<(), AccountError> {
    let state = workspace.join(super::workspace::PRIVATE);
    std::fs::create_dir_all(&state).map_err(|e| AccountError::Io(e.to_string()))?;
    let accounts = Accounts::load(&state).map_err(|e| AccountError::Io(e.to_string()))?;
    accounts.add(name, password)
}

struct Session {
    user: Option<String>,
    csrf: String,
    last: Instant,
}

/// The sessions, in memory: a restart asks everyone to log in again.
#[derive(Default)]
pub(crate) struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// The visitor holding `token`, when the session is alive.
    pub(crate) fn get(&self, token: &str) -> Option<Visitor> {
        let mut map = lock(&self.map);
        let s = map.get_mut(token)?;
        if s.last.elapsed() > IDLE {
            map.remove(token);
            return None;
        }
        s.last = Instant::now();
        Some(Visitor { token: token.to_string(), user: s.user.clone(), csrf: s.csrf.clone(), fresh: false, ip: None })
    }

    /// A new session for `user` (`None`: not logged in yet).
    pub(crate) fn create(&self, user: Option<String>) -> Visitor {
        let mut map = lock(&self.map);
        if map.len() >= MAX_SESSIONS {
            map.retain(|_, s| s.last.elapsed() < IDLE);
            while map.len() >= MAX_SESSIONS {
                let Some(idlest) = map.iter().min_by_key(|(_, s)| s.last).map(|(k, _)| k.clone()) else { break };
                map.remove(&idlest);
            }
        }
        let (t, csrf) = (token(), token());
        map.insert(t.clone(), Session { user: user.clone(), csrf: csrf.clone(), last: Instant::now() });
        Visitor { token: t, user, csrf, fresh: true, ip: None }
    }

    pub(crate) fn remove(&self, token: &str) {
        lock(&self.map).remove(token);
    }
}

#[derive(Default)]
struct Fails {
    count: u32,
    until: Option<Instant>,
}

/// Wrong passwords, per name and per address.
#[derive(Default)]
pub(crate) struct Limiter {
    map: Mutex<HashMap<String, Fails>>,
}

impl Limiter {
    fn keys(name: &str, ip: Option<IpAddr>) -> Vec<String> {
        let mut keys = vec![format!("ten:{}", name.trim().to_lowercase())];
        keys.extend(ip.map(|ip| format!("ip:{ip}")));
        keys
    }

    /// How long to wait before trying again, when a wait is on.
    fn wait(&self, keys: &[String]) -> Option<Duration> {
        let map = lock(&self.map);
        keys.iter()
            .filter_map(|k| map.get(k)?.until)
            .filter_map(|until| until.checked_duration_since(Instant::now()))
            .max()
    }

    fn fail(&self, keys: &[String]) {
        let mut map = lock(&self.map);
        if map.len() > MAX_SESSIONS {
            map.retain(|_, f| f.until.is_some_and(|u| u > Instant::now()));
        }
        for k in keys {
            let f = map.entry(k.clone()).or_default();
            f.count += 1;
            if f.count >= FREE_TRIES {
                let doublings = (f.count - FREE_TRIES).min(10);
                f.until = Some(Instant::now() + (FIRST_WAIT * 2u32.pow(doublings)).min(LONGEST_WAIT));
            }
        }
    }

    fn succeed(&self, keys: &[String]) {
        lock(&self.map).remove(&keys[0]);
    }
}

/// The session cookie's name: one per port, so two pages on one machine keep apart.
pub(crate) fn cookie_name(app: &App) -> String {
    format!("vanthu_{}", app.port())
}

/// The `Set-Cookie` value for `token` (an empty token ends the cookie).
pub(crate) fn cookie(app: &App, token: &str) -> HeaderValue {
    let secure = if app.secure_cookies { "; Secure" } else { "" };
    let age = if token.is_empty() { "; Max-Age=0" } else { "" };
    let v = format!("{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}{age}", cookie_name(app));
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static("vanthu=; Max-Age=0"))
}

#[derive(Deserialize, Default)]
pub(crate) struct Next {
    #[serde(default)]
    tiep: String,
}

/// Only a path of this page: never `//other.site` or `https://…`.
fn local_path(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') { next.to_string() } else { "/".into() }
}

pub(crate) async fn login_page(State(app): State<Arc<App>>, visitor: Visitor, Query(next): Query<Next>) -> Response {
    if app.mode == Mode::Network && app.accounts.is_empty() {
        return Redirect::to("/khoi-tao").into_response();
    }
    Page::new("dang-nhap.html", "Đăng nhập").with("tiep", local_path(&next.tiep)).render(&app, &visitor)
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    ten: String,
    mat_khau: String,
    #[serde(default)]
    tiep: String,
}

pub(crate) async fn login(State(app): State<Arc<App>>, visitor: Visitor, Form(f): Form<LoginForm>) -> Response {
    let keys = Limiter::keys(&f.ten, visitor.ip);
    if let Some(wait) = app.limiter.wait(&keys) {
        let secs = wait.as_secs().max(1);
        app.journal.add(&f.ten, None, "đăng nhập bị chặn", &format!("chờ {secs} giây"));
        return Page::new("dang-nhap.html", "Đăng nhập")
            .with("loi", format!("Đăng nhập sai quá nhiều lần. Hãy thử lại sau {secs} giây."))
            .with("tiep", local_path(&f.tiep))
            .status(StatusCode::TOO_MANY_REQUESTS)
            .render(&app, &visitor);
    }
    let verifier = app.clone();
    let (name, password) = (f.ten.clone(), f.mat_khau.clone());
    let user = tokio::task::spawn_blocking(move || verifier.accounts.verify(&name, &password)).await.ok().flatten();
    let Some(user) = user else {
        app.limiter.fail(&keys);
        app.journal.add(&f.ten, None, "đăng nhập sai", "");
        return Page::new("dang-nhap.html", "Đăng nhập")
            .with("loi", "Tên người dùng hoặc mật khẩu không đúng.")
            .with("tiep", local_path(&f.tiep))
            .status(StatusCode::UNAUTHORIZED)
            .render(&app, &visitor);
    };
    app.limiter.succeed(&keys);
    app.journal.add(&user, None, "đăng nhập", "");
    log_in(&app, &visitor, user, &local_path(&f.tiep))
}

/// A new session for `user` (never the one used before logging in), and on to `next`.
fn log_in(app: &App, visitor: &Visitor, user: String, next: &str) -> Response {
    app.sessions.remove(&visitor.token);
    let fresh = app.sessions.create(Some(user));
    let mut r = Redirect::to(next).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie(app, &fresh.token));
    r
}

pub(crate) async fn logout(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    if let Some(user) = &visitor.user {
        app.journal.add(user, None, "đăng xuất", "");
    }
    app.sessions.remove(&visitor.token);
    let mut r = Redirect::to(if app.mode == Mode::Network { "/dang-nhap" } else { "/" }).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie(&app, ""));
    r
}

pub(crate) async fn setup_page(State(app): State<Arc<App>>, visitor: Visitor) -> Response {
    if app.setup_code().is_none() {
        return Redirect::to("/").into_response();
    }
    Page::new("khoi-tao.html", "Tạo tài khoản đầu tiên").with("toi_thieu", MIN_PASSWORD).render(&app, &visitor)
}

#[derive(Deserialize)]
pub(crate) struct SetupForm {
    ma: String,
    ten: String,
    mat_khau: String,
    nhap_lai: String,
}

pub(crate) async fn setup(State(app): State<Arc<App>>, visitor: Visitor, Form(f): Form<SetupForm>) -> Response {
    let Some(code) = app.setup_code() else { return Redirect::to("/").into_response() };
    let keys = Limiter::keys("khoi-tao", visitor.ip);
    let again = |msg: String, status| {
        Page::new("khoi-tao.html", "Tạo tài khoản đầu tiên")
            .with("loi", msg)
            .with("ten", f.ten.clone())
            .with("toi_thieu", MIN_PASSWORD)
            .status(status)
            .render(&app, &visitor)
    };
    if let Some(wait) = app.limiter.wait(&keys) {
        return again(
            format!("Nhập sai mã quá nhiều lần. Hãy thử lại sau {} giây.", wait.as_secs().max(1)),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let typed: String = f.ma.chars().filter(char::is_ascii_digit).collect();
    if typed != code.replace('-', "") {
        app.limiter.fail(&keys);
        return again(
            "Mã khởi tạo không đúng: xem mã in trên màn hình máy chủ khi chạy vanthu serve.".into(),
            StatusCode::FORBIDDEN,
        );
    }
    if f.mat_khau != f.nhap_lai {
        return again("Hai lần nhập mật khẩu không giống nhau.".into(), StatusCode::BAD_REQUEST);
    }
    let (adder, name, password) = (app.clone(), f.ten.trim().to_string(), f.mat_khau.clone());
    let added = tokio::task::spawn_blocking(move || adder.accounts.add(&name, &password))
        .await
        .unwrap_or_else(|e| Err(AccountError::Io(e.to_string())));
    if let Err(e) = added {
        return again(format!("Chưa tạo được tài khoản: {e}."), StatusCode::BAD_REQUEST);
    }
    *app.setup_code.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let name = f.ten.trim().to_string();
    app.journal.add(&name, None, "tạo tài khoản đầu tiên", "");
    log_in(&app, &visitor, name, "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_kept_as_a_hash_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let a = Accounts::load(dir.path()).unwrap();
        a.add("Nguyễn Thị Lan", "mat-khau-dai").unwrap();
        assert!(matches!(a.add("nguyễn thị lan", "mat-khau-dai"), Err(AccountError::Exists)));
        assert!(matches!(a.add("Lan2", "ngan"), Err(AccountError::ShortPassword)));
        let text = std::fs::read_to_string(dir.path().join(ACCOUNTS_FILE)).unwrap();
        assert!(text.contains("$argon2id$") && !text.contains("mat-khau-dai"), "{text}");
        let again = Accounts::load(dir.path()).unwrap();
        assert_eq!(again.verify("NGUYỄN THỊ LAN", "mat-khau-dai").as_deref(), Some("Nguyễn Thị Lan"));
        assert_eq!(again.verify("Nguyễn Thị Lan", "sai"), None);
        assert_eq!(again.verify("Không có", "mat-khau-dai"), None);
    }

    #[test]
    fn wrong_passwords_make_the_next_try_wait() {
        let l = Limiter::default();
        let keys = Limiter::keys("lan", None);
        for _ in 0..FREE_TRIES - 1 {
            l.fail(&keys);
            assert!(l.wait(&keys).is_none());
        }
        l.fail(&keys);
        assert!(l.wait(&keys).is_some_and(|w| w > Duration::from_secs(25)));
        assert!(l.wait(&Limiter::keys("khac", None)).is_none(), "another name is not held back");
    }

    #[test]
    fn a_next_page_is_only_this_page_s() {
        assert_eq!(local_path("/hn/a"), "/hn/a");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil"), "/");
    }
}
