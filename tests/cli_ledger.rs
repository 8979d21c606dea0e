//! The check ledger from the command line: `byline ledger mark`, `byline check` reading the
//! ledger (exit status, text, JSON, SARIF), `byline ledger` listing stale and orphan checks,
//! `byline.toml` applied and refused, concurrent writers, corrupt ledgers, unsafe paths.

mod common;

use std::path::Path;
use std::process::Output;

use common::{run_cli as byline, run_cli_at_once, write_file as write};
use serde_json::Value;

const ARTICLE: &str = "Harbour news\n\n\
It is feared that the harbour bridge will close for a year.\n\n\
Repairs will cost at least $240 million.\n\n\
Critics say the council ignored the warnings.\n\n\
The mayor, Anna Petrova, said the bridge would stay open.\n";

const DESK: &str = "[ledger]\nchecker = \"Test Desk\"\n";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn workspace() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "byline.toml", DESK);
    write(d.path(), "news/harbour.txt", ARTICLE);
    d
}

fn findings(dir: &Path) -> Vec<Value> {
    let o = byline(dir, &["check", "--format", "json", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("JSON: {}", stdout(&o)));
    v["findings"].as_array().unwrap().clone()
}

fn mark(dir: &Path, f: &Value, extra: &[&str]) -> Output {
    let target = format!("{}:{}:{}", f["path"].as_str().unwrap(), f["line"], f["column"]);
    let mut args = vec!["ledger", "mark", &target, "--code", f["code"].as_str().unwrap()];
    args.extend(extra);
    byline(dir, &args)
}

fn mark_all(dir: &Path) -> usize {
    let fs = findings(dir);
    for f in &fs {
        let o = mark(dir, f, &["--note", "verified with the port authority"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    fs.len()
}

#[test]
fn checked_findings_do_not_fail_the_check() {
    let d = workspace();
    let fs = findings(d.path());
    assert!(fs.len() >= 3, "the fixture should have findings: {fs:?}");
    assert!(fs.iter().all(|f| f["status"] == "open"));
    assert_eq!(byline(d.path(), &["check", "news"]).status.code(), Some(1));

    let o = mark(d.path(), &fs[0], &["--note", "port authority, 3 May", "--url", "https://example.org/port"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("checked by Test Desk"), "{}", stdout(&o));
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    for field in
        ["path = \"news/harbour.txt\"", "checker = \"Test Desk\"", "note = \"port authority, 3 May\"", "url = \"https://example.org/port\""]
    {
        assert!(ledger.contains(field), "{field} missing:\n{ledger}");
    }
    let text = stdout(&byline(d.path(), &["check", "news"]));
    assert!(text.contains("checked[") && text.contains("(checked by Test Desk on "), "{text}");

    mark_all(d.path());
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(0), "every finding is checked: {}{}", stdout(&o), stderr(&o));
    assert!(findings(d.path()).iter().all(|f| f["status"] == "checked" && f["check"]["checker"] == "Test Desk"));

    // Hidden when the desk says so.
    write(d.path(), "byline.toml", "[ledger]\nchecker = \"Test Desk\"\nshow_checked = \"hidden\"\n");
    assert_eq!(stdout(&byline(d.path(), &["check", "news"])), "");
}

#[test]
fn dismissed_findings_are_suppressed_in_sarif() {
    let d = workspace();
    let fs = findings(d.path());
    let o = mark(d.path(), &fs[0], &["--dismiss", "a column, not news"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let log: Value = serde_json::from_slice(&byline(d.path(), &["check", "--format", "sarif", "news"]).stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<&Value> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1, "{results:#?}");
    let s = &suppressed[0]["suppressions"][0];
    assert_eq!((s["kind"].as_str(), s["status"].as_str()), (Some("external"), Some("accepted")));
    assert!(s["justification"].as_str().unwrap().contains("a column, not news"), "{s}");
    assert_eq!(suppressed[0]["partialFingerprints"]["bylineSentence/v1"], fs[0]["fingerprint"]);
    // The rtm.5 schema's one broken pattern, corrected as in cli_formats.rs.
    let text =
        include_str!("data/sarif-2.1.0-rtm.5.json").replace("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    let schema: Value = serde_json::from_str(&text).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let json = findings(d.path());
    assert_eq!(json[0]["status"], "dismissed");
    assert_eq!(json[0]["check"]["reason"], "a column, not news");
}

#[test]
fn checks_follow_the_text_stale_and_orphan() {
    let d = workspace();
    let n = mark_all(d.path());

    // Edits elsewhere: a paragraph added above, a line re-wrapped below.
    let edited = ARTICLE
        .replace("Harbour news\n\n", "Harbour news\n\nBy a staff reporter\n\n")
        .replace("The mayor, Anna Petrova, said", "The mayor, Anna Petrova,\nsaid");
    write(d.path(), "news/harbour.txt", &edited);
    assert_eq!(byline(d.path(), &["check", "news"]).status.code(), Some(0));
    assert_eq!(byline(d.path(), &["ledger"]).status.code(), Some(0));

    // A figure changed: stale, listed, and the check fails again with the changed-text message.
    write(d.path(), "news/harbour.txt", edited.replace("$240 million", "$410 million"));
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Text changed since it was checked on ") && stdout(&o).contains(" by Test Desk — "), "{}", stdout(&o));
    let o = byline(d.path(), &["ledger", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["stale"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v["entries"], n);

    // The sentence deleted: an orphan, never dropped from the ledger.
    write(d.path(), "news/harbour.txt", edited.replace("Critics say the council ignored the warnings.\n\n", ""));
    let o = byline(d.path(), &["ledger"]);
    assert_eq!(o.status.code(), Some(1));
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    // [[check]], path, code, then the sentence.
    let line = ledger.lines().position(|l| l.contains("critics say the council")).unwrap() + 1 - 3;
    let expected = format!(":{line}:1: orphan[vague-attribution]: news/harbour.txt: \"critics say the council ignored the warnings.\"");
    assert!(stdout(&o).contains(&expected), "{expected}\n{}", stdout(&o));
    assert!(std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap().contains("critics say the council"));
    assert!(stderr(&byline(d.path(), &["check", "news"])).contains("1 check in the ledger match"));
}

#[test]
fn a_renamed_article_keeps_its_checks() {
    let d = workspace();
    mark_all(d.path());
    std::fs::rename(d.path().join("news/harbour.txt"), d.path().join("news/harbour-bridge.txt")).unwrap();
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(findings(d.path()).iter().all(|f| f["check"]["moved_from"] == "news/harbour.txt"));
    assert_eq!(byline(d.path(), &["ledger"]).status.code(), Some(0));
}

#[test]
fn ledger_move_records_a_renamed_article_or_folder() {
    let d = workspace();
    let n = mark_all(d.path());
    std::fs::rename(d.path().join("news/harbour.txt"), d.path().join("news/harbour-bridge.txt")).unwrap();
    // `byline ledger` says where the checks were found, and how to record it.
    let o = byline(d.path(), &["ledger"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("`byline ledger move news/harbour.txt news/harbour-bridge.txt`"), "{}", stderr(&o));
    let o = byline(d.path(), &["ledger", "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["moves"], serde_json::json!([{"from": "news/harbour.txt", "to": "news/harbour-bridge.txt"}]), "{v}");

    let o = byline(d.path(), &["ledger", "move", "news/harbour.txt", "news/harbour-bridge.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with(&format!("{n} checks moved from news/harbour.txt to news/harbour-bridge.txt")), "{}", stdout(&o));
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert!(!ledger.contains("\"news/harbour.txt\""), "{ledger}");
    assert_eq!(ledger.matches("path = \"news/harbour-bridge.txt\"").count(), n, "{ledger}");
    // Recorded under the new path, a light edit keeps its check (found by text alone, it would not).
    let edited = ARTICLE.replace("at least $240 million.", "at least $240 million in all.");
    write(d.path(), "news/harbour-bridge.txt", &edited);
    let fs = findings(d.path());
    assert!(fs.iter().all(|f| f["status"] == "checked" && f["check"]["moved_from"].is_null()), "{fs:?}");
    assert!(fs.iter().any(|f| f["check"]["reanchored"] == true), "{fs:?}");

    // A folder: every check under it; the old name may be given as it was (it is gone).
    std::fs::rename(d.path().join("news"), d.path().join("archive")).unwrap();
    let o = byline(d.path(), &["ledger", "move", "news", "archive"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert_eq!(ledger.matches("path = \"archive/harbour-bridge.txt\"").count(), n, "{ledger}");

    // Nothing under the old name: nothing written. Out of the workspace: refused.
    let o = byline(d.path(), &["ledger", "move", "sport/a.txt", "sport/b.txt"]);
    assert!(o.status.success() && stderr(&o).contains("nothing written"), "{}", stderr(&o));
    let o = byline(d.path(), &["ledger", "move", "archive", "../elsewhere"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("outside the workspace"), "says why: {}", stderr(&o));
    assert_eq!(std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap(), ledger);
}

#[test]
fn concurrent_processes_lose_no_check() {
    let d = workspace();
    // Twelve articles, one process marking each, all at once.
    let mut targets = Vec::new();
    for i in 0..12 {
        let name = format!("news/a{i}.txt");
        write(d.path(), &name, ARTICLE.replace("$240 million", &format!("${} million", 100 + i)));
        targets.push(format!("{name}:5"));
    }
    let marks: Vec<Vec<String>> =
        targets.iter().map(|t| ["ledger", "mark", t, "--code", "unattributed-claim"].map(String::from).to_vec()).collect();
    run_cli_at_once(d.path(), &marks);
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert_eq!(ledger.lines().filter(|l| *l == "[[check]]").count(), 12, "{ledger}");
}

#[test]
fn a_corrupt_ledger_stops_the_check_and_is_not_overwritten() {
    let d = workspace();
    let bad = "[[check]]\npath = \"news/harbour.txt\"\ncode = \"unattributed-claim\"\nsentence = \"repairs will cost";
    write(d.path(), "byline.ledger.toml", bad);
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byline.ledger.toml:4:"), "{}", stderr(&o));
    let o = mark(d.path(), &serde_json::json!({"path": "news/harbour.txt", "line": 3, "column": 1, "code": "vague-attribution"}), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap(), bad);
}

#[test]
fn marks_outside_the_workspace_or_on_nothing_are_refused() {
    let d = workspace();
    let o = byline(d.path(), &["ledger", "mark", "news/harbour.txt:1", "--code", "unattributed-claim"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no unattributed-claim finding at news/harbour.txt:1"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        write(outside.path(), "other.txt", ARTICLE);
        std::os::unix::fs::symlink(outside.path(), d.path().join("out")).unwrap();
        let o = byline(d.path(), &["ledger", "mark", "out/other.txt:3", "--code", "vague-attribution"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("outside the workspace"), "{}", stderr(&o));
    }
    assert!(!d.path().join("byline.ledger.toml").exists());
    write(
        d.path(),
        "byline.ledger.toml",
        "[[check]]\npath = \"../secret.txt\"\ncode = \"anonymous-source\"\nsentence = \"x\"\nstatus = \"checked\"\n",
    );
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byline.ledger.toml:2:8: path \"../secret.txt\" leaves the workspace"), "{}", stderr(&o));
}

/// A hand-edited ledger whose entries name an article reached through a link out of the
/// workspace, or an article the desk excludes: `byline ledger` lists both (the first as refused,
/// its file never read), and drops neither.
#[cfg(unix)]
#[test]
fn entries_through_a_link_out_or_of_excluded_articles_are_listed_not_dropped() {
    let d = workspace();
    write(d.path(), "byline.toml", format!("{DESK}\n[files]\nexclude = [\"**/drafts/**\"]\n"));
    write(d.path(), "news/drafts/x.txt", ARTICLE);
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "other.txt", ARTICLE);
    std::os::unix::fs::symlink(outside.path(), d.path().join("news/out")).unwrap();
    let entry = |path: &str| {
        format!(
            "[[check]]\npath = \"{path}\"\ncode = \"unattributed-claim\"\nsentence = \"repairs will cost at least $240 million.\"\nstatus = \"checked\"\nchecker = \"A\"\nat = \"2026-12-06T10:00:00Z\"\n\n"
        )
    };
    write(d.path(), "byline.ledger.toml", &(entry("news/drafts/x.txt") + &entry("news/out/other.txt")));
    let o = byline(d.path(), &["ledger", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let orphans = v["orphans"].as_array().unwrap();
    let why = |path: &str| orphans.iter().find(|x| x["path"] == path).map(|x| x["message"].as_str().unwrap().to_string());
    assert!(why("news/out/other.txt").is_some_and(|m| m.starts_with("refused") && m.contains("symbolic link")), "{v}");
    assert!(why("news/drafts/x.txt").is_some_and(|m| m.contains("not checked")), "{v}");
    // A check in the ledger still holds nothing outside: `byline check` ignores it and the
    // article inside is unaffected.
    let fs = findings(d.path());
    assert!(fs.iter().all(|f| f["status"] == "open"), "{fs:#?}");
}

#[test]
fn the_desk_configuration_is_applied_and_a_bad_one_refused() {
    let d = workspace();
    write(d.path(), "news/drafts/x.txt", ARTICLE);
    let all = findings(d.path()).len();
    write(
        d.path(),
        "byline.toml",
        "[severity]\nvague-attribution = \"off\"\nunattributed-claim = \"error\"\n\n[files]\nexclude = [\"drafts/**\"]\n\n[ledger]\nchecker = \"Test Desk\"\n",
    );
    let fs = findings(d.path());
    assert!(fs.len() < all / 2, "{fs:#?}");
    assert!(fs.iter().all(|f| f["code"] != "vague-attribution" && !f["path"].as_str().unwrap().contains("drafts")));
    assert!(fs.iter().filter(|f| f["code"] == "unattributed-claim").all(|f| f["severity"] == "error"));
    // The command line still wins.
    let o = byline(d.path(), &["check", "--format", "json", "--severity", "unattributed-claim=hint", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "unattributed-claim").all(|f| f["severity"] == "hint"));

    // Found from a folder below the workspace root, too.
    let o = byline(&d.path().join("news"), &["check", "--format", "json", "."]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["code"] != "vague-attribution"));

    write(d.path(), "byline.toml", "[severity]\nunattributed-claim = \"loud\"\n");
    let o = byline(d.path(), &["check", "news"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byline.toml:2:22: unknown severity \"loud\""), "{}", stderr(&o));
}

/// `byline ledger | head`: a reader that stops early is no crash (the listing of a big ledger is
/// larger than a pipe's buffer).
#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_a_crash() {
    let d = workspace();
    let entries: String = (0..3000)
        .map(|i| format!("[[check]]\npath = \"news/gone{}.txt\"\ncode = \"unattributed-claim\"\nsentence = \"figure {i}.\"\nstatus = \"checked\"\n\n", i % 7))
        .collect();
    write(d.path(), "byline.ledger.toml", &entries);
    for format in ["json", "text"] {
        let script = format!("\"$0\" ledger --format {format} | head -c 1 >/dev/null; echo \"status ${{PIPESTATUS[0]}}\"");
        let o =
            std::process::Command::new("bash").args(["-c", &script, env!("CARGO_BIN_EXE_byline")]).current_dir(d.path()).output().unwrap();
        assert_eq!(stdout(&o).trim(), "status 1", "{format}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{format}: {}", stderr(&o));
    }
}

/// Who a check is recorded for: `[ledger] checker`, else `git config user.name`, else the OS user.
#[test]
fn the_checker_is_the_desk_setting_else_git_else_the_os_user() {
    let d = workspace();
    write(d.path(), "byline.toml", "");
    let git_config = d.path().join("gitconfig");
    let mark = |line: &str, git: Option<&str>| {
        match git {
            Some(name) => std::fs::write(&git_config, format!("[user]\n\tname = {name}\n")).unwrap(),
            None => std::fs::write(&git_config, "").unwrap(),
        }
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["ledger", "mark", &format!("news/harbour.txt:{line}"), "--code", "vague-attribution"])
            .current_dir(d.path())
            .env("GIT_CONFIG_GLOBAL", &git_config)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("USER", "os-user-x")
            .env_remove("USERNAME")
            .env_remove("LOGNAME")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    assert!(mark("3", Some("Git Name")).contains("checked by Git Name"));
    assert!(mark("7", None).contains("checked by os-user-x"));
    write(d.path(), "byline.toml", "[ledger]\nchecker = \"Desk Name\"\n");
    assert!(mark("3", Some("Git Name")).contains("checked by Desk Name"));
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert!(ledger.contains("checker = \"Desk Name\"") && ledger.contains("checker = \"os-user-x\""), "{ledger}");
}
