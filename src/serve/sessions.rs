//! Accounts, sessions and wrong passwords: what the page keeps of who may use it.
//!
//! Passwords are kept as Argon2id hashes (`.vanthu/tai-khoan.json`). A session is a random
//! 256-bit token in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` behind HTTPS), with its
//! own CSRF token; logging in gives a new one. Wrong passwords are limited per name and per
//! address: after [`FREE_TRIES`] the next try waits, twice as long each time.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::http::HeaderValue;
use serde::{Deserialize, Serialize};

use super::visitor::Visitor;

const ACCOUNTS_FILE: &str = "tai-khoan.json";
/// Wrong passwords allowed for one name before the wait begins.
pub(crate) const FREE_TRIES: u32 = 5;
/// Wrong passwords allowed from one address (whatever the names) before the wait begins.
const FREE_TRIES_PER_ADDRESS: u32 = 50;
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

/// The office's accounts, as the file holds them. An account added from the terminal while
/// the page runs (`vanthu serve --them-nguoi-dung`) counts at once: the file is read again
/// whenever it changed.
pub(crate) struct Accounts {
    file: PathBuf,
    list: Mutex<(Vec<Account>, Option<std::time::SystemTime>)>,
}

fn read_accounts(file: &Path) -> std::io::Result<Vec<Account>> {
    match std::fs::read(file) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            std::io::Error::other(format!("{} không đọc được ({e}): sửa hoặc xóa tệp này", file.display()))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

fn modified(file: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(file).and_then(|m| m.modified()).ok()
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
        let list = read_accounts(&file)?;
        let when = modified(&file);
        Ok(Accounts { file, list: Mutex::new((list, when)) })
    }

    /// The accounts, read again when the file changed (a file that no longer reads keeps the
    /// accounts known).
    fn current(&self) -> MutexGuard<'_, (Vec<Account>, Option<std::time::SystemTime>)> {
        let mut held = lock(&self.list);
        let when = modified(&self.file);
        if when != held.1
            && let Ok(list) = read_accounts(&self.file)
        {
            *held = (list, when);
        }
        held
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.current().0.is_empty()
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
        let mut held = self.current();
        if held.0.iter().any(|a| same_name(&a.name, &name)) {
            return Err(AccountError::Exists);
        }
        held.0.push(Account { name, hash });
        let bytes = serde_json::to_vec_pretty(&held.0).map_err(|e| AccountError::Io(e.to_string()))?;
        if let Err(d) = crate::output::write_atomic(&self.file, &bytes) {
            held.0.pop();
            return Err(AccountError::Io(d.message.vi));
        }
        held.1 = modified(&self.file);
        Ok(())
    }

    /// The account's name as written, when `password` is its password. Argon2 takes a
    /// moment on purpose: call it off the async threads.
    pub(crate) fn verify(&self, name: &str, password: &str) -> Option<String> {
        let account = self.current().0.iter().find(|a| same_name(&a.name, name.trim())).cloned()?;
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
    pub(crate) fn keys(name: &str, ip: Option<IpAddr>) -> Vec<String> {
        let mut keys = vec![format!("ten:{}", name.trim().to_lowercase())];
        keys.extend(ip.map(|ip| format!("ip:{ip}")));
        keys
    }

    /// How long to wait before trying again, when a wait is on.
    pub(crate) fn wait(&self, keys: &[String]) -> Option<Duration> {
        let map = lock(&self.map);
        keys.iter()
            .filter_map(|k| map.get(k)?.until)
            .filter_map(|until| until.checked_duration_since(Instant::now()))
            .max()
    }

    pub(crate) fn fail(&self, keys: &[String]) {
        let mut map = lock(&self.map);
        if map.len() > MAX_SESSIONS {
            map.retain(|_, f| f.until.is_some_and(|u| u > Instant::now()));
        }
        for k in keys {
            // An address is held back only after many more: behind a proxy (or one office's
            // NAT) everyone shares it, and one person's typos must not lock out the office.
            let free = if k.starts_with("ip:") { FREE_TRIES_PER_ADDRESS } else { FREE_TRIES };
            let f = map.entry(k.clone()).or_default();
            f.count += 1;
            if f.count >= free {
                let doublings = (f.count - free).min(10);
                f.until = Some(Instant::now() + (FIRST_WAIT * 2u32.pow(doublings)).min(LONGEST_WAIT));
            }
        }
    }

    pub(crate) fn succeed(&self, keys: &[String]) {
        lock(&self.map).remove(&keys[0]);
    }
}

/// The session cookie's name: one per port, so two pages on one machine keep apart.
pub(crate) fn cookie_name(port: u16) -> String {
    format!("vanthu_{port}")
}

/// The `Set-Cookie` value for `token` (an empty token ends the cookie); `Secure` when the
/// page is reached through HTTPS.
pub(crate) fn cookie(port: u16, secure: bool, token: &str) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let age = if token.is_empty() { "; Max-Age=0" } else { "" };
    let v = format!("{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}{age}", cookie_name(port));
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static("vanthu=; Max-Age=0"))
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
        // One address (a proxy, an office's NAT) is held back only after many more.
        let ip = Some(IpAddr::from([192, 0, 2, 2]));
        for _ in 0..FREE_TRIES {
            l.fail(&Limiter::keys("lan", ip));
        }
        assert!(l.wait(&Limiter::keys("quan-tri", ip)).is_none(), "a colleague behind the same address logs in");
        for _ in 0..FREE_TRIES_PER_ADDRESS {
            l.fail(&Limiter::keys("ai-do", ip));
        }
        assert!(l.wait(&Limiter::keys("quan-tri", ip)).is_some(), "an address guessing many names is held back");
    }
}
