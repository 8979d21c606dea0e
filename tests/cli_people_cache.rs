//! `byline people` with the index cache: the same output from the cache as from the analysis,
//! the cache left as it was when nothing changed, a damaged cache refused and rebuilt, and
//! `--no-cache` writing nothing. Invented articles.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::write_file as write;

const HARBOUR: &str = "Ferry delays\n\nHarbour master Amara Okonkwo-Velde said on Monday that the ferries would run late.\n\
“Nobody told us,” said Jorge Brandvold, a deckhand.\nOkonkwo-Velde later apologised.\n";
const COUNCIL: &str = "Council vote\n\nCouncillor Ines MacAllister voted against the budget.\n\
Amara Okonkwo-Velde, the harbour master, said the port needed the money.\n";

fn people(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["people", "--format", "json"];
    args.extend_from_slice(extra);
    let out = common::run_cli(dir, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut f: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    f.sort();
    f
}

fn workspace() -> (tempfile::TempDir, tempfile::TempDir, String) {
    let ws = tempfile::tempdir().unwrap();
    write(ws.path(), "harbour.txt", HARBOUR);
    write(ws.path(), "desk/council.md", COUNCIL);
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().to_str().unwrap().to_string();
    (ws, cache, dir)
}

#[test]
fn the_second_run_reads_the_cache_and_prints_the_same() {
    let (ws, cache, dir) = workspace();
    let first = people(ws.path(), &["--cache-dir", &dir]);
    let listed = String::from_utf8(first.stdout.clone()).unwrap();
    assert!(listed.contains("Amara Okonkwo-Velde") && listed.contains("Ines MacAllister"), "{listed}");
    let [file] = files(cache.path()).try_into().unwrap();
    let written = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();

    let second = people(ws.path(), &["--cache-dir", &dir]);
    assert_eq!(second.stdout, first.stdout);
    // Nothing analysed, so nothing rewritten.
    assert_eq!(std::fs::read(&file).unwrap(), written);
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), modified);

    // And the same as without the cache.
    assert_eq!(people(ws.path(), &["--no-cache"]).stdout, first.stdout);
}

#[test]
fn a_changed_article_is_analysed_again() {
    let (ws, _cache, dir) = workspace();
    people(ws.path(), &["--cache-dir", &dir]);
    write(ws.path(), "desk/council.md", COUNCIL.replace("Ines MacAllister", "Yelena Sorokina-Berg"));
    let out = String::from_utf8(people(ws.path(), &["--cache-dir", &dir]).stdout).unwrap();
    assert!(out.contains("Yelena Sorokina-Berg") && !out.contains("Ines MacAllister"), "{out}");
}

#[test]
fn a_damaged_cache_is_refused_and_rebuilt() {
    let (ws, cache, dir) = workspace();
    let first = people(ws.path(), &["--cache-dir", &dir]);
    let [file] = files(cache.path()).try_into().unwrap();
    let good = std::fs::read(&file).unwrap();
    std::fs::write(&file, &good[..good.len() - 10]).unwrap();
    let again = people(ws.path(), &["--cache-dir", &dir]);
    assert_eq!(again.stdout, first.stdout);
    assert!(String::from_utf8_lossy(&again.stderr).contains("refused"), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(std::fs::read(&file).unwrap(), good, "rebuilt");
}

#[test]
fn no_cache_writes_nothing() {
    let (ws, cache, dir) = workspace();
    people(ws.path(), &["--no-cache", "--cache-dir", &dir]);
    assert!(files(cache.path()).is_empty());
}
