//! `vanthu serve`: the office's page (see `crate::serve`), or `--them-nguoi-dung` to add an
//! account to it.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use super::reporter::{Console, INTERNAL, OK, USAGE};
use crate::cli::ServeArgs;
use crate::serve::{App, Mode, ServeConfig};

/// The password for a new account: typed twice without echo on a terminal, or one line of
/// standard input (for scripts).
fn password() -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Mật khẩu: ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Nhập lại mật khẩu: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("hai lần nhập mật khẩu không giống nhau".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn add_user(r: &Console, dir: &std::path::Path, name: &str) -> u8 {
    let result = password().and_then(|p| crate::serve::add_account(dir, name, &p).map_err(|e| e.to_string()));
    match result {
        Ok(()) => {
            r.line(
                format!("Đã thêm người dùng “{name}” vào {}", dir.display()),
                format!("Added the account “{name}” to {}", dir.display()),
            );
            OK
        }
        Err(e) => {
            eprintln!("lỗi: không thêm được người dùng “{name}”: {e}");
            USAGE
        }
    }
}

pub(super) fn run(r: &Console, args: ServeArgs) -> u8 {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Some(name) = &args.add_user {
        return add_user(r, &dir, name);
    }
    let mode = if args.network { Mode::Network } else { Mode::Local };
    let config = ServeConfig { workspace: dir.clone(), mode, secure_cookies: args.https };
    let app = match App::new(&config) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("lỗi: không mở được thư mục làm việc {}: {e}", dir.display());
            return INTERNAL;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("lỗi: {e}");
            return INTERNAL;
        }
    };
    runtime.block_on(async {
        let ip = if args.network { [0, 0, 0, 0] } else { [127, 0, 0, 1] };
        let listener = match tokio::net::TcpListener::bind(std::net::SocketAddr::from((ip, args.port))).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "lỗi: không mở được cổng {} ({e})\n    cách sửa: có thể vanthu serve đang chạy rồi; hoặc chọn cổng khác: vanthu serve --cong {}",
                    args.port,
                    args.port.wrapping_add(1)
                );
                return USAGE;
            }
        };
        let here = format!("http://127.0.0.1:{}/", args.port);
        r.line(
            format!("vanthu đang phục vụ thư mục {} tại {here} — Ctrl+C để dừng.", dir.display()),
            format!("vanthu is serving {} at {here} — Ctrl+C to stop.", dir.display()),
        );
        if args.network {
            r.line(
                format!("Mở cho mạng nội bộ: các máy khác vào http://<địa chỉ máy này>:{}/ và đăng nhập.", args.port),
                format!("Open to the office network: other machines go to http://<this machine>:{}/ and log in.", args.port),
            );
            if let Some(code) = app.setup_code() {
                r.line(
                    format!("Chưa có tài khoản nào. Mã khởi tạo (nhập ở trang đầu tiên): {code}"),
                    format!("No account yet. First-run code (asked by the first page): {code}"),
                );
            }
        } else if !args.no_open && webbrowser::open(&here).is_err() {
            r.line(format!("Hãy mở trình duyệt tại {here}"), format!("Open your browser at {here}"));
        }
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match crate::serve::serve(app, listener, stop).await {
            Ok(()) => OK,
            Err(e) => {
                eprintln!("lỗi: {e}");
                INTERNAL
            }
        }
    })
}
