//! `byline check` as a user runs it: exit codes, output formats, .gitignore, bad files.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{run_cli as byline, write_file as write};
use serde_json::Value;

const CLAIMS: &str = "Harbour news\n\nIt is feared that the harbour bridge will close for a year.\n\
A senior official, speaking on condition of anonymity, said the repairs would cost $240 million.\n";

/// A text with nothing to flag (checked against the core below, so the test states its premise).
const CLEAN: &str = "Harbour news\n\nThe mayor, Anna Petrova, said the bridge would stay open.\n";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn premises() {
    assert!(byline_core::analyze(CLEAN, byline_core::Format::Plain).findings.is_empty());
    assert!(byline_core::analyze(CLAIMS, byline_core::Format::Plain).findings.len() >= 2);
}

#[test]
fn exit_0_when_nothing_is_found() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "clean.txt", CLEAN.as_bytes());
    let o = byline(d.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn exit_1_and_compiler_style_lines_when_something_is_found() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/harbour.txt", CLAIMS.as_bytes());
    write(d.path(), "clean.md", CLEAN.as_bytes());
    let o = byline(d.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let expected = byline_core::analyze(CLAIMS, byline_core::Format::Plain).findings;
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, f) in lines.iter().zip(&expected) {
        let row = CLAIMS[..f.span.start].matches('\n').count() + 1;
        let col = CLAIMS[..f.span.start].rsplit('\n').next().unwrap().chars().count() + 1;
        let sev = f.code.default_severity().as_str();
        assert_eq!(*line, format!("news/harbour.txt:{row}:{col}: {sev}[{}]: {}", f.code, f.message));
    }
}

#[test]
fn json_output_is_machine_readable() {
    let d = tempfile::tempdir().unwrap();
    // Multi-byte characters before the finding: columns count characters, bytes count bytes.
    let text = format!("Zürich 🌊 “news”\n\n{}", CLAIMS.split_once("\n\n").unwrap().1);
    write(d.path(), "a.txt", text.as_bytes());
    let o = byline(d.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let findings = v["findings"].as_array().unwrap();
    let expected = byline_core::analyze(&text, byline_core::Format::Plain).findings;
    assert_eq!(findings.len(), expected.len());
    assert_eq!(v["files_checked"], 1);
    for (j, f) in findings.iter().zip(&expected) {
        assert_eq!(j["path"], "a.txt");
        assert_eq!(j["code"], f.code.as_str());
        assert_eq!(j["message"], f.message.as_str());
        assert_eq!(j["start_byte"], f.span.start);
        assert_eq!(j["end_byte"], f.span.end);
        assert_eq!(j["line"], text[..f.span.start].matches('\n').count() + 1);
        assert_eq!(j["column"], 1 + text[..f.span.start].rsplit('\n').next().unwrap().chars().count());
        assert_eq!(j["end_line"], text[..f.span.end].matches('\n').count() + 1);
        assert!(j["severity"].is_string() && j["end_column"].is_u64());
    }
}

#[test]
fn gitignore_is_respected_but_named_files_are_always_checked() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".gitignore", b"drafts/\n");
    write(d.path(), "drafts/harbour.txt", CLAIMS.as_bytes());
    write(d.path(), "clean.txt", CLEAN.as_bytes());
    write(d.path(), "notes.rs", CLAIMS.as_bytes());
    let o = byline(d.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "ignored and non-article files are not walked: {}", stdout(&o));
    let o = byline(d.path(), &["check", "drafts/harbour.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("drafts/harbour.txt:"));
}

#[test]
fn invalid_utf8_and_binary_files_are_skipped_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "latin1.txt", b"Caf\xe9 news: it is feared that prices will rise.\n");
    write(d.path(), "binary.md", b"PK\x03\x04\x00\x00binary");
    write(d.path(), "clean.txt", CLEAN.as_bytes());
    let o = byline(d.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "the readable file is still checked");
    let err = stderr(&o);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("skipping")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings.iter().any(|l| l.contains("latin1.txt") && l.contains("UTF-8")), "{err}");
    assert!(warnings.iter().any(|l| l.contains("binary.md")), "{err}");
}

#[test]
fn exit_2_when_nothing_could_be_read() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "latin1.txt", b"Caf\xe9\n");
    let o = byline(d.path(), &["check", "latin1.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let o = byline(d.path(), &["check", "no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-file.txt"));
}

#[test]
fn codes_can_be_disabled_or_given_another_severity() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", CLAIMS.as_bytes());
    let codes: Vec<&str> = byline_core::analyze(CLAIMS, byline_core::Format::Plain).findings.iter().map(|f| f.code.as_str()).collect();
    let mut args = vec!["check".to_string(), "a.txt".into()];
    for c in &codes {
        args.push("--disable".into());
        args.push(c.to_string());
    }
    let o = byline(d.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let set = format!("{}=error", codes[0]);
    let o = byline(d.path(), &["check", "a.txt", "--severity", &set]);
    assert!(stdout(&o).contains(&format!("error[{}]", codes[0])), "{}", stdout(&o));
    let o = byline(d.path(), &["check", "a.txt", "--disable", "no-such-code"]);
    assert_eq!(o.status.code(), Some(2), "clap usage errors exit 2");
}

#[test]
fn the_bundled_examples_exercise_the_checker() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = byline(root, &["check", "--format", "json", "examples"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["files_checked"].as_u64().unwrap() >= 4);
    let codes: std::collections::BTreeSet<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    for c in ["unattributed-claim", "vague-attribution", "anonymous-source"] {
        assert!(codes.contains(c), "{c} missing from {codes:?}");
    }
}

fn byline_with_faults(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .env("BYLINE_FAULT_INJECTION", "1")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap()
}

#[test]
fn an_internal_error_in_one_file_names_it_and_the_others_are_still_checked() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a-good.txt", CLAIMS.as_bytes());
    write(d.path(), "b-broken.txt", format!("{CLAIMS}\nBYLINE-INJECTED-PANIC\n").as_bytes());
    write(d.path(), "c-good.txt", CLAIMS.as_bytes());
    let o = byline_with_faults(d.path(), &["check", "."]);
    let (out, err) = (stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(out.contains("a-good.txt:") && out.contains("c-good.txt:"), "the good files are reported: {out}");
    assert!(!out.contains("b-broken.txt"), "{out}");
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("internal error")).collect();
    assert!(errors.iter().any(|l| l.contains("b-broken.txt") && l.contains("injected panic")), "{err}");
    assert!(!err.contains("stack backtrace") && !err.contains("panicked at"), "one line, no panic report: {err}");

    let o = byline_with_faults(d.path(), &["check", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files_checked"], 2);
    assert_eq!(v["errors"][0]["path"], "b-broken.txt");
    assert!(v["findings"].as_array().unwrap().len() >= 4);

    let o = byline_with_faults(d.path(), &["people", "."]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("b-broken.txt"));
}

#[test]
fn json_when_nothing_could_be_read() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "binary.txt", b"\0\0\0binary");
    let o = byline(d.path(), &["check", "--format", "json", "binary.txt", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {:?}", stdout(&o)));
    assert_eq!(v["files_checked"], 0);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    let skipped: Vec<&str> = v["skipped"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert!(skipped.contains(&"binary.txt") && skipped.contains(&"missing.txt"), "{skipped:?}");
}

#[test]
fn unicode_from_web_pages_is_checked_without_error() {
    // No-break spaces, zero-width spaces and a flag emoji right after cue words, and a
    // superlative followed by curly apostrophes within the 60 bytes a message quotes.
    let d = tempfile::tempdir().unwrap();
    let text = "Storm news\n\nIt was the biggest\u{1F1EC}\u{1F1E7}storm on record, with the region\u{2019}s \u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019} rivers high.\n\n\
                Police estimate\u{200B}the bridge would close. Officials said\u{00A0}the repairs would cost $4 million.\n";
    write(d.path(), "storm.txt", text.as_bytes());
    let o = byline(d.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("storm.txt:"), "{}", stdout(&o));
}

/// Name spellings are checked across every article of the check: Kovaliov in one article, Kovalyov
/// (three times) in the other.
const MAYOR: &str = "Mayor Oleksiy Kovalyov said the market would reopen in spring.\n\
                     Kovalyov said traders were ready. Kovalyov thanked them.\n";
const MAYOR_VARIANT: &str = "Oleksiy Kovaliov, the mayor, said on Friday that the stalls were ready.\n";

#[test]
fn name_spellings_are_a_cross_file_check() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/a.txt", MAYOR.as_bytes());
    write(d.path(), "news/b.txt", MAYOR_VARIANT.as_bytes());
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    let spelled: Vec<&str> = out.lines().filter(|l| l.contains("[name-spelling]")).collect();
    assert_eq!(
        spelled,
        [
            "news/b.txt:1:9: info[name-spelling]: \"Kovaliov\" (once) is spelled \"Kovalyov\" (3 times) elsewhere in the workspace, for the same person"
        ],
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1));
    // One article alone has nothing to compare with.
    let o = byline(d.path(), &["check", "news/b.txt"]);
    assert!(!stdout(&o).contains("name-spelling"), "{}", stdout(&o));
    // Like any code, it can be turned off or up.
    let o = byline(d.path(), &["check", "news", "--disable", "name-spelling"]);
    assert!(!stdout(&o).contains("name-spelling"));
    let o = byline(d.path(), &["check", "news", "--severity", "name-spelling=error", "--format", "json"]);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = json["findings"].as_array().unwrap().iter().find(|f| f["code"] == "name-spelling").expect("a name-spelling finding");
    assert_eq!((f["severity"].as_str(), f["status"].as_str(), f["path"].as_str()), (Some("error"), Some("open"), Some("news/b.txt")));
}

#[test]
fn a_house_spelling_from_byline_toml_wins() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/a.txt", MAYOR.as_bytes());
    write(d.path(), "news/b.txt", MAYOR_VARIANT.as_bytes());
    write(d.path(), "byline.toml", b"[[people]]\nname = \"Oleksiy Kovalyov\"\nspelling = \"Oleksiy Kovaliov\"\n");
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    let spelled: Vec<&str> = out.lines().filter(|l| l.contains("[name-spelling]")).collect();
    // The house spelling is the rarer one here: the three others are flagged, b.txt is not.
    assert_eq!(spelled.len(), 3, "{out}");
    assert!(
        spelled.iter().all(|l| l.starts_with("news/a.txt:") && l.contains("the house spelling of this surname is \"Kovaliov\"")),
        "{out}"
    );
}

/// Quotations are checked across every article of the check: the harbour master quoted with one
/// word changed in another article; the same words typed differently; the same words given to
/// someone else.
const PIER: &str = "Harbour master Ingrid Solvang said the ferry would run again this year.\n\
                    “We will reopen the northern pier to passenger traffic before the end of the summer,” Solvang said on Monday.\n";
const PIER_CHANGED: &str =
    "“We will reopen the northern pier to passenger traffic before the end of the autumn,” said Ingrid Solvang, the harbour master.\n";
const PIER_TYPED: &str = "Ingrid Solvang, the harbour master, spoke on Monday.\n\
                          \"we will reopen the northern pier to passenger traffic before the end of the summer...\" Solvang said.\n";
const PIER_OTHER: &str = "Council leader Tomas Brekke said the pier needed work.\n\
                          “We will reopen the northern pier to passenger traffic before the end of the summer,” Brekke said.\n";

fn lines_with<'a>(out: &'a str, code: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(&format!("[{code}]"))).collect()
}

#[test]
fn quotations_are_a_cross_file_check() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/a.txt", PIER.as_bytes());
    write(d.path(), "news/b.txt", PIER_CHANGED.as_bytes());
    write(d.path(), "typed/c.txt", PIER_TYPED.as_bytes());
    write(d.path(), "other/e.txt", PIER_OTHER.as_bytes());
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    assert_eq!(
        lines_with(&out, "quote-mismatch"),
        [
            "news/a.txt:2:1: warning[quote-mismatch]: Quoted differently in news/b.txt: \"We will reopen the northern pier to passenger traffic before the end of the autumn\" — check against the source (\"summer\" here, \"autumn\" there)",
            "news/b.txt:1:1: warning[quote-mismatch]: Quoted differently in news/a.txt: \"We will reopen the northern pier to passenger traffic before the end of the summer\" — check against the source (\"autumn\" here, \"summer\" there)",
        ],
        "{out}"
    );
    assert!(lines_with(&out, "quote-speaker-mismatch").is_empty(), "{out}");
    // Only typography differs: nothing.
    let o = byline(d.path(), &["check", "news/a.txt", "typed"]);
    assert!(!stdout(&o).contains("quote-"), "{}", stdout(&o));
    // The same words, another speaker.
    let o = byline(d.path(), &["check", "news/a.txt", "other"]);
    let out = stdout(&o);
    let speaker = lines_with(&out, "quote-speaker-mismatch");
    assert_eq!(speaker.len(), 2, "{out}");
    assert!(speaker[0].starts_with("news/a.txt:2:1:") && speaker[0].contains("attributed to Tomas Brekke in other/e.txt"), "{out}");
    assert!(lines_with(&out, "quote-mismatch").is_empty(), "{out}");
    // Like any code, it can be turned off or up.
    let o = byline(d.path(), &["check", "news", "--disable", "quote-mismatch"]);
    assert!(!stdout(&o).contains("quote-mismatch"));
    let o = byline(d.path(), &["check", "news", "--severity", "quote-mismatch=error", "--format", "json"]);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = json["findings"].as_array().unwrap().iter().find(|f| f["code"] == "quote-mismatch").expect("a quote-mismatch finding");
    assert_eq!((f["severity"].as_str(), f["status"].as_str()), (Some("error"), Some("open")));
}
