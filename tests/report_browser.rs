//! The HTML report in a real browser: headless Chromium renders `byline report` of an invented
//! newsroom, and a probe script (added to a copy of the report, not to the report itself, which
//! has no script) reads the rendered page: every finding has its highlight, the text of its
//! marks is exactly the finding's text, the highlight has a size on the page and is what the
//! page shows at that point, and each status has its own colour. It is printed to PDF (a smoke
//! test: a PDF of more than one page comes out), and a screenshot is taken;
//! with `BYLINE_UPDATE_SCREENSHOT=1` it replaces `docs/report.png`, the README's picture.
//!
//! Skipped, with a notice, when no Chromium is installed (`BYLINE_CHROMIUM` names one;
//! `BYLINE_CHROMIUM=none` skips).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::report_fixture::newsroom;
use common::run_cli as byline;
use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    // BYLINE_CHROMIUM names the browser; one that does not exist (`BYLINE_CHROMIUM=none`) skips.
    if let Some(p) = std::env::var_os("BYLINE_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
}

/// Run headless Chromium on `page` with `args`, at most two minutes; its standard output.
fn run_chromium(exe: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let mut child = Command::new(exe)
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars", "--disable-extensions"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within 2 minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

/// Read the rendered page: per finding (by its first mark, the one with an id), the text of all
/// its marks in document order, the first mark's box, its background colour, and which finding
/// the page shows at the middle of that box.
const PROBE: &str = r#"<script>
(() => {
  const out = {};
  for (const first of document.querySelectorAll("mark[data-finding][id]")) {
    const id = first.dataset.finding;
    const pieces = [...document.querySelectorAll(`mark[data-finding="${id}"]`)];
    const r = first.getClientRects()[0];
    const x = r.left + Math.min(r.width / 2, 40), y = r.top + r.height / 2;
    window.scrollTo(0, 0);
    first.scrollIntoView({block: "center"});
    const rr = first.getClientRects()[0];
    const hit = document.elementFromPoint(rr.left + Math.min(rr.width / 2, 40), rr.top + rr.height / 2);
    out[id] = {
      text: pieces.map(m => m.textContent).join(""),
      status: first.dataset.status,
      width: r.width, height: r.height,
      background: getComputedStyle(first).backgroundColor,
      hit: hit && hit.closest("mark[data-finding]") ? hit.closest("mark[data-finding]").dataset.finding : null,
      title: first.title,
    };
  }
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"#;

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn the_report_renders_with_every_finding_highlighted() {
    let Some(exe) = chromium() else {
        // Straight to stderr, past the test harness's capture, so that the skip is seen.
        let notice = "report_browser: no Chromium found (install chromium or set BYLINE_CHROMIUM): the browser test is SKIPPED\n";
        std::io::Write::write_all(&mut std::io::stderr(), notice.as_bytes()).ok();
        return;
    };
    let d = newsroom();
    let dir = d.path();
    let o = byline(dir, &["report", "news", "-o", "report.html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = byline(dir, &["report", "--format", "json", "news"]);
    let model: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings: Vec<&Value> = model["files"].as_array().unwrap().iter().flat_map(|f| f["findings"].as_array().unwrap()).collect();
    assert!(findings.len() >= 6, "the fixture has findings of every status");

    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(!html.contains("<script"), "the report itself has no script");
    let probe_page = dir.join("probe.html");
    std::fs::write(&probe_page, html.replace("</body>", &format!("{PROBE}\n</body>"))).unwrap();
    let profile = dir.join("chromium-profile");
    let dom = run_chromium(&exe, &profile, &["--window-size=1100,1400", "--virtual-time-budget=5000", "--dump-dom"], &probe_page);
    let start =
        dom.find("<pre id=\"probe\">").unwrap_or_else(|| panic!("the probe did not run; the DOM:\n{dom}")) + "<pre id=\"probe\">".len();
    let json = unescape(&dom[start..start + dom[start..].find("</pre>").unwrap()]);
    let seen: Value = serde_json::from_str(&json).unwrap();
    let seen = seen.as_object().unwrap();
    assert_eq!(seen.len(), findings.len(), "one highlight per finding: {json}");

    let mut colours: std::collections::BTreeMap<String, String> = Default::default();
    for f in &findings {
        let id = f["id"].as_str().unwrap();
        let s = &seen[id];
        assert_eq!(s["text"], f["text"], "the highlight of {id} covers exactly its finding");
        assert_eq!(s["status"], f["status"]);
        assert!(s["width"].as_f64().unwrap() > 10.0 && s["height"].as_f64().unwrap() > 5.0, "{id} is drawn: {s}");
        assert_eq!(s["hit"].as_str(), Some(id), "{id} is what the page shows where it is drawn: {s}");
        let status = f["status"].as_str().unwrap().to_string();
        let bg = s["background"].as_str().unwrap().to_string();
        assert!(bg != "rgba(0, 0, 0, 0)" && bg != "transparent", "{id} has a background");
        if let Some(c) = colours.insert(status.clone(), bg.clone()) {
            assert_eq!(c, bg, "one colour per status");
        }
        if let Some(note) = f["check"]["note"].as_str().filter(|n| !n.is_empty()) {
            assert!(s["title"].as_str().unwrap().contains(note), "the note is in the hover text of {id}: {s}");
        }
    }
    let distinct: std::collections::BTreeSet<&String> = colours.values().collect();
    assert_eq!((colours.len(), distinct.len()), (4, 4), "four statuses, four colours: {colours:?}");

    // Printed (`@media print`): a smoke test — a PDF of more than one page comes out.
    let pdf = dir.join("report.pdf");
    run_chromium(&exe, &profile, &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())], &dir.join("report.html"));
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&bytes);
    let pages: usize =
        text.split("/Count ").skip(1).filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()).max().unwrap_or(0);
    assert!(pages >= 2, "two articles, at least two pages: {pages}");

    // The report of the article with all four statuses as a picture: the README's, with
    // BYLINE_UPDATE_SCREENSHOT=1.
    let o = byline(dir, &["report", "news/tramway.txt", "-o", "tramway.html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shot = dir.join("report.png");
    run_chromium(&exe, &profile, &["--window-size=1100,1500", &format!("--screenshot={}", shot.display())], &dir.join("tramway.html"));
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000, "a real picture ({} bytes)", png.len());
    if std::env::var_os("BYLINE_UPDATE_SCREENSHOT").is_some_and(|v| v == "1") {
        let to = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.png");
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&shot, &to).unwrap();
        eprintln!("report_browser: wrote {}", to.display());
    }
}
