// vanthu's page: live build progress (server-sent events), builds and ticks without a page
// reload, and the editor's "go to line". Everything works without it, only less smoothly.
"use strict";
(function () {
  const csrf = document.body.dataset.csrf;
  const hn = document.body.dataset.hn;
  const $ = (id) => document.getElementById(id);

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "x-csrf": csrf, "content-type": "application/x-www-form-urlencoded" },
      body: body || "",
      credentials: "same-origin",
    });
  }

  function showProgress(e) {
    const box = $("tien-do");
    if (!box) return;
    box.classList.remove("hidden");
    const label = e.total ? `${e.label}: ${e.done}/${e.total} tệp` : e.label;
    $("tien-do-chu").textContent = label || "Đang tạo bộ văn bản…";
    const bar = $("thanh-tien-do");
    if (e.total) { bar.max = e.total; bar.value = e.done; } else { bar.removeAttribute("value"); }
  }

  function say(text, ok) {
    const p = $("thong-bao-tao");
    if (!p) return;
    p.textContent = text;
    p.className = ok === false ? "bad" : ok ? "ok" : "";
  }

  if (hn) {
    // A build is under way as the page was drawn, or began since: its end reloads the page.
    // (The first event says how things stand: the end of a build the page did not see is
    // only news when the page thought one was running.)
    const box = $("tien-do");
    let building = box && !box.classList.contains("hidden");
    const events = new EventSource(`/hn/${encodeURIComponent(hn)}/su-kien`);
    events.addEventListener("tien-do", (m) => {
      building = true;
      showProgress(JSON.parse(m.data));
    });
    events.addEventListener("doi", (m) => {
      const e = JSON.parse(m.data);
      say(`Thấy tệp mới lưu (${e.files.join(", ")}): đang kiểm tra và tạo lại…`);
    });
    events.addEventListener("xong", (m) => {
      if (!building) return;
      const e = JSON.parse(m.data);
      say(e.message, e.ok);
      events.close();
      setTimeout(() => window.location.reload(), 250);
    });

    const build = $("tao");
    if (build) {
      build.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        building = true;
        showProgress({ label: "Kiểm tra dữ liệu", done: 0, total: 0 });
        const r = await post(build.action.split("?")[0]);
        const j = await r.json().catch(() => ({}));
        if (j.thong_bao) say(j.thong_bao, r.status === 409 ? null : undefined);
      });
    }

    document.querySelectorAll("form.tick input[type=checkbox]").forEach((box) => {
      box.addEventListener("change", async () => {
        const form = box.form;
        const body = new URLSearchParams({ tep: form.elements.tep.value });
        if (box.checked) body.set("da_in", "1");
        const r = await post(form.action.split("?")[0], body.toString());
        if (r.ok) {
          form.parentElement.classList.toggle("printed", box.checked);
          const count = $("so-da-in");
          if (count) count.textContent = String(parseInt(count.textContent, 10) + (box.checked ? 1 : -1));
        } else {
          box.checked = !box.checked;
          say("Không lưu được dấu đã in: hãy tải lại trang.", false);
        }
      });
    });
  }

  // The editor: a message's line, selected in the text.
  const text = $("noi-dung");
  if (text) {
    document.querySelectorAll("a.line[data-line]").forEach((a) => {
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        const n = parseInt(a.dataset.line, 10);
        const lines = text.value.split("\n");
        let start = 0;
        for (let i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
        const end = start + (lines[n - 1] || "").length;
        text.focus();
        text.setSelectionRange(start, end);
        const lh = parseFloat(getComputedStyle(text).lineHeight) || 20;
        text.scrollTop = Math.max(0, (n - 5) * lh);
      });
    });
  }
})();
