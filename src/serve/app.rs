//! The page's state: the workspace, the sessions and accounts, the builds under way, the
//! checks already made, the journal, and the page templates.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use super::checks::Checks;
use super::jobs::Jobs;
use super::journal::Journal;
use super::sessions::{Accounts, Limiter, Sessions};
use super::templates::Pages;
use super::workspace::Workspace;

/// Who may reach the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only this machine (127.0.0.1): no accounts; the Host header must name this machine.
    Local,
    /// The office network: every request needs an account's session.
    Network,
}

/// What `vanthu serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The workspace: one subfolder per conference.
    pub workspace: PathBuf,
    pub mode: Mode,
    /// Mark the session cookie `Secure` (the page is reached through HTTPS, behind a proxy).
    pub secure_cookies: bool,
}

/// Everything the handlers share.
pub struct App {
    pub(crate) ws: Workspace,
    pub(crate) mode: Mode,
    pub(crate) secure_cookies: bool,
    /// The port the page listens on (for the Host check); 0 until bound.
    port: AtomicU16,
    pub(crate) sessions: Sessions,
    pub(crate) accounts: Accounts,
    pub(crate) limiter: Limiter,
    pub(crate) jobs: Jobs,
    pub(crate) checks: Checks,
    pub(crate) journal: Journal,
    pub(crate) pages: Pages,
    /// On the network with no account yet: the code printed on the server's terminal that
    /// the first-run page asks for, so nobody else on the network can claim the page first.
    pub(crate) setup_code: Mutex<Option<String>>,
    /// Who "this machine" is in the journal, in local mode.
    pub(crate) local_user: String,
    /// Set when the page stops: open event streams end.
    stopping: tokio::sync::watch::Sender<bool>,
}

impl App {
    /// The page's state for `config`; its folders are created when missing.
    pub fn new(config: &ServeConfig) -> std::io::Result<Arc<App>> {
        let ws = Workspace::open(&config.workspace)?;
        let accounts = Accounts::load(&ws.state_dir())?;
        let setup_code = (config.mode == Mode::Network && accounts.is_empty()).then(super::sessions::setup_code);
        let local_user = ["USER", "USERNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
            .map_or_else(|| "máy này".to_string(), |u| format!("{u} (máy này)"));
        Ok(Arc::new(App {
            journal: Journal::new(&ws.state_dir()),
            ws,
            mode: config.mode,
            secure_cookies: config.secure_cookies,
            port: AtomicU16::new(0),
            sessions: Sessions::default(),
            accounts,
            limiter: Limiter::default(),
            jobs: Jobs::default(),
            checks: Checks::default(),
            pages: Pages::new(),
            setup_code: Mutex::new(setup_code),
            local_user,
            stopping: tokio::sync::watch::Sender::new(false),
        }))
    }

    /// The first-run code, when the page still waits for its first account.
    pub fn setup_code(&self) -> Option<String> {
        self.setup_code.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn bound(&self, addr: SocketAddr) {
        self.port.store(addr.port(), Ordering::Relaxed);
    }

    pub(crate) fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves when the page stops.
    pub(crate) fn stopped(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.stopping.subscribe();
        async move {
            let _ = rx.wait_for(|stopping| *stopping).await;
        }
    }

    pub(crate) fn port(&self) -> u16 {
        self.port.load(Ordering::Relaxed)
    }
}
