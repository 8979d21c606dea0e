//! The CI templates shipped in the repository run as written: the `byline` commands of the
//! GitHub Actions workflow (ci/github-actions/byline.yml) and the pre-commit hook's entry
//! (.pre-commit-hooks.yaml), with the `byline` just built first on PATH, on invented articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CLAIMS: &str = "Harbour news\n\nIt is feared that the harbour bridge will close for a year.\n\
A senior official, speaking on condition of anonymity, said the repairs would cost $240 million.\n";
const CLEAN: &str = "Harbour news\n\nThe mayor, Anna Petrova, said the bridge would stay open.\n";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// PATH with the directory of the freshly built `byline` first.
fn path_env() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_byline")).parent().unwrap().to_path_buf();
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

fn sh(dir: &Path, script: &str) -> Output {
    Command::new("sh").arg("-c").arg(script).current_dir(dir).env("PATH", path_env()).output().unwrap()
}

/// The `run:` commands of a workflow that call byline, in order.
fn byline_runs(workflow: &str) -> Vec<String> {
    workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run:").map(str::trim))
        .filter(|c| c.starts_with("byline "))
        .map(str::to_string)
        .collect()
}

fn articles(clean_only: bool) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("clean.txt"), CLEAN).unwrap();
    if !clean_only {
        std::fs::create_dir_all(d.path().join("news")).unwrap();
        std::fs::write(d.path().join("news/harbour.md"), CLAIMS).unwrap();
    }
    d
}

#[test]
fn the_github_workflow_commands_run_as_written() {
    let wf = std::fs::read_to_string(repo().join("ci/github-actions/byline.yml")).unwrap();
    let runs = byline_runs(&wf);
    assert_eq!(runs.len(), 2, "{runs:?}");
    let (sarif_step, annotate_step) = (&runs[0], &runs[1]);

    let d = articles(false);
    // The SARIF step succeeds even when claims are found, and leaves a SARIF log.
    let o = sh(d.path(), sarif_step);
    assert!(o.status.success(), "{sarif_step}: {}", String::from_utf8_lossy(&o.stderr));
    let log: serde_json::Value = serde_json::from_slice(&std::fs::read(d.path().join("byline.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
    // The annotation step prints workflow commands and fails the job.
    let o = sh(d.path(), annotate_step);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.is_empty() && out.lines().all(|l| l.starts_with("::")), "{out}");
    assert!(out.contains("file=news/harbour.md"), "{out}");

    // On clean copy both steps pass.
    let d = articles(true);
    assert!(sh(d.path(), sarif_step).status.success());
    let o = sh(d.path(), annotate_step);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
}

#[test]
fn the_pre_commit_hook_entry_runs_on_the_staged_files() {
    let hooks = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let entry = hooks.lines().find_map(|l| l.trim().strip_prefix("entry:")).expect("an entry").trim().to_string();
    let files = hooks.lines().find_map(|l| l.trim().strip_prefix("files:")).expect("a files pattern").trim().to_string();
    assert_eq!(files, r"\.(txt|md)$");
    // pre-commit appends the staged files that match `files` to the entry.
    let d = articles(false);
    let o = sh(d.path(), &format!("{entry} clean.txt news/harbour.md"));
    assert_eq!(o.status.code(), Some(1), "a claim without a source stops the commit");
    assert!(String::from_utf8_lossy(&o.stdout).contains("news/harbour.md:3:1: warning[vague-attribution]"));
    let o = sh(d.path(), &format!("{entry} clean.txt"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
