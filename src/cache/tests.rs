//! The cache as the loader uses it: open, answer or analyse, save; and every way a cache file
//! can be wrong (partial, corrupt, foreign, stale), each of which is refused and rebuilt.

use std::cell::Cell;
use std::convert::Infallible;

use super::*;

const ARTICLE: &str = "Amara Okonkwo, the harbour master, said the ferry was late. \"It has never been this slow,\" Okonkwo said.";
const OTHER: &str = "Tomasz Brandvold told reporters the bridge would reopen. Brandvold did not say when.";

struct Setup {
    cache_dir: tempfile::TempDir,
    root: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        Setup { cache_dir: tempfile::tempdir().unwrap(), root: tempfile::tempdir().unwrap() }
    }

    fn options(&self) -> Options {
        Options { enabled: true, dir: Some(self.cache_dir.path().to_path_buf()) }
    }

    fn open(&self) -> WorkspaceCache {
        WorkspaceCache::open(&[self.root.path().to_path_buf()], &self.options(), 7)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn file(&self) -> PathBuf {
        let files: Vec<_> = std::fs::read_dir(self.cache_dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(files.len(), 1, "one cache file: {files:?}");
        files[0].clone()
    }
}

/// `cache.people` for `text`, counting analyses in `analysed`.
fn people(cache: &WorkspaceCache, path: &Path, text: &str, analysed: &Cell<usize>) -> DocPeople {
    let format = Format::from_path(&path.to_string_lossy());
    let r: Result<_, Infallible> = cache.people(path, text, format, || {
        analysed.set(analysed.get() + 1);
        Ok(byline_core::analyze(text, format).people)
    });
    r.unwrap()
}

fn opened(cache: &WorkspaceCache) -> Opened {
    cache.opened().next().unwrap().2.clone()
}

#[test]
fn a_reopened_workspace_is_read_not_analysed() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    assert_eq!(opened(&cache), Opened::Missing);
    let first = people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    people(&cache, &s.path("b.txt"), OTHER, &analysed);
    assert_eq!(analysed.get(), 2);
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(2));

    let cache = s.open();
    assert_eq!(opened(&cache), Opened::Loaded(2));
    let again = people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    people(&cache, &s.path("b.txt"), OTHER, &analysed);
    assert_eq!(analysed.get(), 2, "nothing analysed on reopening");
    assert_eq!(again, first);
    assert!(!first.persons.is_empty());
    assert_eq!(cache.counts(), (2, 0));
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Unchanged);
}

#[test]
fn entries_follow_the_content_not_the_path() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    cache.save()[0].as_ref().unwrap();

    // Renamed: still a hit. Edited: analysed again, and the old text's entry is dropped.
    let cache = s.open();
    people(&cache, &s.path("renamed.txt"), ARTICLE, &analysed);
    assert_eq!(analysed.get(), 1);
    people(&cache, &s.path("edited.txt"), &format!("{ARTICLE} Okonkwo left."), &analysed);
    assert_eq!(analysed.get(), 2);
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(2));

    let cache = s.open();
    people(&cache, &s.path("edited.txt"), &format!("{ARTICLE} Okonkwo left."), &analysed);
    assert_eq!(analysed.get(), 2);
    // Only the file that is still there: the renamed one's entry was not used, so it goes.
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(1));
    assert_eq!(opened(&s.open()), Opened::Loaded(1));
}

#[test]
fn the_same_text_as_markdown_is_another_entry() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    people(&cache, &s.path("a.md"), ARTICLE, &analysed);
    assert_eq!(analysed.get(), 2);
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(2));
}

#[test]
fn identical_articles_share_one_entry() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    for i in 0..5 {
        people(&cache, &s.path(&format!("copy{i}.txt")), ARTICLE, &analysed);
    }
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(1));
}

/// Write a cache for the setup's root, damage its file with `damage`, and check that the next
/// open refuses it as `expected`, analyses everything again and that its save rebuilds it.
fn refused_and_rebuilt(damage: impl FnOnce(&Path), expected: impl Fn(&Refused) -> bool) {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    cache.save()[0].as_ref().unwrap();
    damage(&s.file());

    let cache = s.open();
    match opened(&cache) {
        Opened::Refused(why) => assert!(expected(&why), "refused as {why:?}"),
        other => panic!("a damaged cache was opened: {other:?}"),
    }
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    assert_eq!(analysed.get(), 2, "a refused cache is never trusted");
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(1));
    assert_eq!(opened(&s.open()), Opened::Loaded(1), "rebuilt");
}

#[test]
fn a_corrupt_cache_is_rebuilt() {
    refused_and_rebuilt(
        |f| {
            let mut b = std::fs::read(f).unwrap();
            let mid = b.len() / 2;
            b[mid] ^= 0xff;
            std::fs::write(f, b).unwrap();
        },
        |w| *w == Refused::Corrupt,
    );
}

#[test]
fn a_partial_cache_is_rebuilt() {
    refused_and_rebuilt(
        |f| {
            let b = std::fs::read(f).unwrap();
            std::fs::write(f, &b[..b.len() - 3]).unwrap();
        },
        |w| *w == Refused::Corrupt,
    );
    refused_and_rebuilt(|f| std::fs::write(f, b"BYLINEIX").unwrap(), |w| *w == Refused::Partial);
    refused_and_rebuilt(|f| std::fs::write(f, b"").unwrap(), |w| *w == Refused::Partial);
}

#[test]
fn a_foreign_file_is_rebuilt() {
    refused_and_rebuilt(|f| std::fs::write(f, "[package]\nname = \"not a cache\"\n").unwrap(), |w| *w == Refused::Foreign);
}

#[test]
fn a_cache_of_another_configuration_is_stale() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    cache.save()[0].as_ref().unwrap();
    let other_config = WorkspaceCache::open(&[s.root.path().to_path_buf()], &s.options(), 8);
    assert_eq!(opened(&other_config), Opened::Refused(Refused::Stale));
}

#[test]
fn a_cache_file_of_another_root_is_stale() {
    // Two roots whose files collide (simulated: one root's file copied over the other's).
    let s = Setup::new();
    let other_root = tempfile::tempdir().unwrap();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    cache.save()[0].as_ref().unwrap();
    let theirs = WorkspaceCache::open(&[other_root.path().to_path_buf()], &s.options(), 7);
    let their_file = theirs.opened().next().unwrap().1.to_path_buf();
    std::fs::copy(s.file(), &their_file).unwrap();
    let theirs = WorkspaceCache::open(&[other_root.path().to_path_buf()], &s.options(), 7);
    assert_eq!(opened(&theirs), Opened::Refused(Refused::Stale));
}

#[test]
fn off_analyses_everything_and_writes_nothing() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let options = Options { enabled: false, ..s.options() };
    for _ in 0..2 {
        let cache = WorkspaceCache::open(&[s.root.path().to_path_buf()], &options, 7);
        assert_eq!(opened(&cache), Opened::Off);
        people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
        assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Off);
    }
    assert_eq!(analysed.get(), 2);
    assert_eq!(std::fs::read_dir(s.cache_dir.path()).unwrap().count(), 0);
}

#[test]
fn a_file_outside_the_roots_is_analysed_and_not_kept() {
    let s = Setup::new();
    let analysed = Cell::new(0);
    let cache = s.open();
    people(&cache, Path::new("/elsewhere/a.txt"), ARTICLE, &analysed);
    assert_eq!(analysed.get(), 1);
    assert_eq!(cache.counts(), (0, 0));
}

#[test]
fn an_analysis_that_fails_is_not_kept() {
    let s = Setup::new();
    let cache = s.open();
    let r: Result<DocPeople, &str> = cache.people(&s.path("a.txt"), ARTICLE, Format::Plain, || Err("panicked"));
    assert_eq!(r, Err("panicked"));
    assert_eq!(cache.save()[0].as_ref().unwrap(), &Saved::Written(0));
}

#[test]
fn each_root_has_its_own_cache() {
    let s = Setup::new();
    let second = tempfile::tempdir().unwrap();
    let roots = [s.root.path().to_path_buf(), second.path().to_path_buf()];
    let analysed = Cell::new(0);
    let cache = WorkspaceCache::open(&roots, &s.options(), 7);
    people(&cache, &s.path("a.txt"), ARTICLE, &analysed);
    people(&cache, &second.path().join("b.txt"), OTHER, &analysed);
    people(&cache, &second.path().join("c.txt"), ARTICLE, &analysed);
    let saved: Vec<_> = cache.save().into_iter().map(Result::unwrap).collect();
    assert_eq!(saved, [Saved::Written(1), Saved::Written(2)]);
    assert_eq!(std::fs::read_dir(s.cache_dir.path()).unwrap().count(), 2);
}

#[test]
fn concurrent_sessions_leave_a_valid_cache() {
    let s = Setup::new();
    std::thread::scope(|scope| {
        for i in 0..4 {
            let s = &s;
            scope.spawn(move || {
                for round in 0..5 {
                    let analysed = Cell::new(0);
                    let cache = s.open();
                    assert!(!matches!(opened(&cache), Opened::Refused(_)), "a reader saw a torn cache");
                    people(&cache, &s.path("a.txt"), &format!("{ARTICLE} Writer {i} round {round}."), &analysed);
                    cache.save()[0].as_ref().unwrap();
                }
            });
        }
    });
    assert_eq!(opened(&s.open()), Opened::Loaded(1));
}
