//! The ledger on disk: record, merge with changes made meanwhile, concurrent writers,
//! corrupt files never overwritten, renamed articles.

use std::path::Path;

use byline_core::ledger::{CheckStatus, Entry};
use byline_core::{Code, Format, analyze};

use super::{FILE_NAME, Ledger, State};

fn entry(path: &str, sentence: &str) -> Entry {
    let mut e = Entry::new(path, Code::UnattributedClaim, sentence);
    e.checker = "Test Checker".into();
    e.at = "2026-12-06T10:00:00Z".into();
    e
}

fn read(root: &Path) -> String {
    std::fs::read_to_string(root.join(FILE_NAME)).unwrap()
}

#[test]
fn record_merges_with_what_is_on_disk() {
    let ws = tempfile::tempdir().unwrap();
    let mut a = Ledger::load(ws.path()).unwrap();
    let mut b = Ledger::load(ws.path()).unwrap();
    a.record(entry("a.txt", "Rents rose 12% last year.")).unwrap();
    b.record(entry("b.txt", "Prices fell 3% in May.")).unwrap();
    assert_eq!(b.len(), 2, "b re-read a's entry before writing");
    a.record(entry("a.txt", "Rents rose 12% last year.")).unwrap();
    assert_eq!(Ledger::load(ws.path()).unwrap().len(), 2, "recording the same finding again replaces it");
    let text = read(ws.path());
    assert!(text.find("a.txt").unwrap() < text.find("b.txt").unwrap(), "{text}");
}

#[test]
fn hand_edits_and_unknown_fields_survive_a_write() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join(FILE_NAME),
        "desk = \"metro\"\n\n[[check]]\npath = \"z.txt\"\ncode = \"vague-attribution\"\nsentence = \"Critics say so.\"\nstatus = \"dismissed\"\nreason = \"column\"\nticket = \"FC-12\"\n",
    )
    .unwrap();
    let mut l = Ledger::load(ws.path()).unwrap();
    l.record(entry("a.txt", "Rents rose 12% last year.")).unwrap();
    let text = read(ws.path());
    assert!(text.contains("desk = \"metro\"") && text.contains("ticket = \"FC-12\"") && text.contains("reason = \"column\""), "{text}");
}

#[test]
fn a_corrupt_ledger_is_never_overwritten() {
    let ws = tempfile::tempdir().unwrap();
    let good = {
        let mut l = Ledger::load(ws.path()).unwrap();
        l.record(entry("a.txt", "Rents rose 12% last year.")).unwrap();
        read(ws.path())
    };
    let mut l = Ledger::load(ws.path()).unwrap();
    let truncated = &good[..good.find("sentence = ").unwrap() + 16];
    for bad in [truncated, "[[check]]\npath = 3\n", "\u{0}\u{1}garbage = = ="] {
        std::fs::write(ws.path().join(FILE_NAME), bad).unwrap();
        let err = l.record(entry("b.txt", "Prices fell 3% in May.")).unwrap_err();
        assert!(err.at.is_some(), "{err}");
        assert!(err.to_string().starts_with(&format!("{}:", ws.path().join(FILE_NAME).display())), "{err}");
        assert_eq!(read(ws.path()), bad, "the corrupt ledger was overwritten");
        assert!(Ledger::load(ws.path()).is_err());
    }
    std::fs::write(ws.path().join(FILE_NAME), [0xff, 0xfe, b'x']).unwrap();
    let err = l.record(entry("b.txt", "Prices fell 3% in May.")).unwrap_err();
    assert!(err.message.contains("not UTF-8"), "{err}");
}

/// A FIFO or a folder where the ledger should be: refused at once with a message (opening a FIFO
/// for reading used to wait for a writer forever), for reading and for recording.
#[cfg(unix)]
#[test]
fn a_ledger_that_is_no_regular_file_is_refused_without_blocking() {
    let ws = tempfile::tempdir().unwrap();
    let file = ws.path().join(FILE_NAME);
    // Loaded while there was no ledger; a FIFO appears before the write.
    let mut before = Ledger::load(ws.path()).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&file).status().unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let root = ws.path().to_path_buf();
    std::thread::spawn(move || {
        let loaded = Ledger::load(&root).map(|_| ()).map_err(|e| e.to_string());
        let recorded = before.record(entry("a.txt", "Rents rose 12% last year.")).map_err(|e| e.to_string());
        let _ = tx.send((loaded, recorded));
    });
    let (loaded, recorded) = rx.recv_timeout(std::time::Duration::from_secs(10)).expect("reading a FIFO ledger blocked");
    assert!(loaded.as_ref().is_err_and(|e| e.contains("not a regular file")), "{loaded:?}");
    assert!(recorded.as_ref().is_err_and(|e| e.contains("not a regular file")), "{recorded:?}");
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    assert!(Ledger::load(ws.path()).is_err_and(|e| e.message.contains("not a regular file")));
}

#[test]
fn concurrent_writers_lose_no_entry() {
    let ws = tempfile::tempdir().unwrap();
    let root = ws.path().to_path_buf();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut l = Ledger::load(&root).unwrap();
                for i in 0..12 {
                    l.record(entry(&format!("t{t}.txt"), &format!("Claim number {i} from writer {t}."))).unwrap();
                }
            })
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().unwrap());
    assert_eq!(Ledger::load(&root).unwrap().len(), 96);
}

#[test]
fn statuses_follow_the_text() {
    let ws = tempfile::tempdir().unwrap();
    let text = "Harbour works\n\nRepairs will cost at least $40 million, it is understood.\n\nThe mayor said she was pleased.\n";
    std::fs::write(ws.path().join("a.txt"), text).unwrap();
    let a = analyze(text, Format::Plain);
    assert_eq!(a.findings.len(), 1, "{:?}", a.findings);
    let f = &a.findings[0];
    let mut l = Ledger::load(ws.path()).unwrap();
    assert_eq!(l.status_of("a.txt", &a.findings, text)[0].state, State::Open);
    l.record(Entry::new("a.txt", f.code, &text[f.span.clone()])).unwrap();
    assert_eq!(l.status_of("a.txt", &a.findings, text)[0].state, State::Checked);

    let edited = text.replace("$40 million", "$90 million");
    let a2 = analyze(&edited, Format::Plain);
    let st = &l.status_of("a.txt", &a2.findings, &edited)[0];
    assert_eq!(st.state, State::Stale);
    assert!(st.describe().unwrap().starts_with("text changed since it was checked on"), "{:?}", st.describe());

    // Renamed: the old path is gone, the same sentence is found under the new one.
    std::fs::rename(ws.path().join("a.txt"), ws.path().join("b.txt")).unwrap();
    let st = &l.status_of("b.txt", &a.findings, text)[0];
    assert_eq!((st.state, st.moved_from.as_deref()), (State::Checked, Some("a.txt")));
    assert_eq!(l.rename("a.txt", "b.txt").unwrap(), 1);
    let doc = l.document("b.txt", &a.findings, text);
    assert_eq!(doc.statuses[0].state, State::Checked);
    assert!(doc.orphans.is_empty());

    // Deleted sentence: the entry is an orphan, reported, and still in the file.
    let doc = l.document("b.txt", &[], "");
    assert_eq!(doc.orphans.len(), 1);
    assert_eq!(Ledger::load(ws.path()).unwrap().len(), 1);
    let mut dismissed = doc.orphans[0].clone();
    dismissed.status = CheckStatus::Dismissed;
    dismissed.reason = "not a claim".into();
    l.record(dismissed).unwrap();
    assert_eq!(l.status_of("b.txt", &a.findings, text)[0].state, State::Dismissed);
}

#[test]
fn an_entry_leaving_the_workspace_is_never_written() {
    let ws = tempfile::tempdir().unwrap();
    let mut l = Ledger::load(ws.path()).unwrap();
    for bad in ["../x.txt", "/etc/passwd", "a/../../x.txt"] {
        assert!(l.record(entry(bad, "Rents rose 12% last year.")).is_err(), "{bad}");
    }
    assert!(!ws.path().join(FILE_NAME).exists());
}

#[test]
fn a_ledger_outside_the_workspace_is_refused() {
    let ws = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let err = Ledger::load_file(ws.path(), other.path().join(FILE_NAME)).expect_err("refused");
    assert!(err.message.contains("inside the workspace"), "{err}");
}

/// `cargo test --release --bin byline ledger_of_100k -- --ignored --nocapture`: the time to
/// render, load, match and update a 100,000-entry ledger (figures in BENCHMARKS.md).
#[test]
#[ignore = "a benchmark: run it in release with --ignored --nocapture"]
fn ledger_of_100k_entries() {
    use std::time::Instant;
    let ws = tempfile::tempdir().unwrap();
    let entries: Vec<super::format::Stored> = (0..100_000)
        .map(|i| super::format::Stored {
            entry: entry(
                &format!("news/{:04}.txt", i / 25),
                &format!("Claim number {i}: the council spent {i} pounds on the {} scheme.", i % 7),
            ),
            extra: Default::default(),
            line: 0,
        })
        .collect();
    let t = Instant::now();
    let text = super::format::render(&super::format::Parsed { entries, top: Default::default() });
    let render = t.elapsed();
    std::fs::write(ws.path().join(FILE_NAME), &text).unwrap();
    let t = Instant::now();
    let mut l = Ledger::load(ws.path()).unwrap();
    let load = t.elapsed();
    assert_eq!(l.len(), 100_000);
    let doc = "Headline\n\nClaim number 500: the council spent 500 pounds on the 3 scheme.\n";
    let a = analyze(doc, Format::Plain);
    let t = Instant::now();
    let st = l.status_of("news/0020.txt", &a.findings, doc);
    let status = t.elapsed();
    let t = Instant::now();
    l.record(entry("news/new.txt", "Rents rose 12% last year.")).unwrap();
    let record = t.elapsed();
    println!(
        "100k-entry ledger: {} MB; render {:.2} s, load {:.2} s, status_of {:.1} ms ({:?}), record (re-read, merge, write) {:.2} s",
        text.len() / 1_000_000,
        render.as_secs_f64(),
        load.as_secs_f64(),
        status.as_secs_f64() * 1e3,
        st.iter().map(|s| s.state).collect::<Vec<_>>(),
        record.as_secs_f64()
    );
}

#[test]
fn a_save_by_another_editor_during_a_write_is_merged_not_lost() {
    let ws = tempfile::tempdir().unwrap();
    let file = ws.path().join(FILE_NAME);
    let other = "[[check]]\npath = \"z.txt\"\ncode = \"vague-attribution\"\nsentence = \"Critics say so.\"\nstatus = \"checked\"\n";
    let mut calls = 0;
    super::store::update(&file, |p| {
        calls += 1;
        if calls == 1 {
            // An editor that takes no lock saves the ledger between byline's read and its rename.
            std::fs::write(&file, other).unwrap();
        }
        p.entries.push(super::format::Stored { entry: entry("a.txt", "Rents rose 12% last year."), extra: Default::default(), line: 0 });
    })
    .unwrap();
    assert_eq!(calls, 2, "the change is applied again to the editor's version");
    let l = Ledger::load(ws.path()).unwrap();
    let paths: Vec<&str> = l.entries().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["a.txt", "z.txt"]);
    let a = l.entries().next().unwrap().clone();
    assert_eq!(l.line_of(&a), Some(5), "{}", std::fs::read_to_string(&file).unwrap());
}

#[test]
fn rename_all_moves_files_and_folders_in_one_write() {
    let ws = tempfile::tempdir().unwrap();
    let mut l = Ledger::load(ws.path()).unwrap();
    // Nothing to move: no ledger is created.
    assert_eq!(l.rename("news/a.txt", "news/b.txt").unwrap(), 0);
    assert!(!ws.path().join(FILE_NAME).exists());

    l.record(entry("news/a.txt", "Rents rose 12% last year.")).unwrap();
    l.record(entry("news/deep/c.md", "Prices fell 3% in May.")).unwrap();
    l.record(entry("newsroom/d.txt", "Fares rose by a tenth.")).unwrap();
    let before = read(ws.path());
    assert_eq!(l.rename("other.txt", "else.txt").unwrap(), 0);
    assert_eq!(read(ws.path()), before, "a rename that concerns no check writes nothing");

    // A file renamed, then its folder, in one notification: applied in order.
    let moves = [("news/a.txt".to_string(), "news/a2.txt".to_string()), ("news".to_string(), "archive/2026".to_string())];
    assert_eq!(l.rename_all(&moves).unwrap(), 2);
    let paths: Vec<&str> = l.entries().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["archive/2026/a2.txt", "archive/2026/deep/c.md", "newsroom/d.txt"]);
    assert_eq!(Ledger::load(ws.path()).unwrap().entries().map(|e| e.path.clone()).collect::<Vec<_>>(), paths);

    // Renamed over an article that had a check of the same finding: the later check stays.
    let mut newer = entry("newsroom/d2.txt", "Fares rose by a tenth.");
    newer.at = "2026-12-07T09:00:00Z".into();
    newer.note = "newer".into();
    l.record(newer).unwrap();
    assert_eq!(l.rename("newsroom/d.txt", "newsroom/d2.txt").unwrap(), 1);
    let d2: Vec<&Entry> = l.entries().filter(|e| e.path == "newsroom/d2.txt").collect();
    assert_eq!(d2.len(), 1);
    assert_eq!(d2[0].note, "newer");

    // A target outside the workspace is refused.
    assert!(l.rename("archive/2026/a2.txt", "../a2.txt").is_err());
    assert!(l.rename("archive", "/tmp/x").is_err());
}
