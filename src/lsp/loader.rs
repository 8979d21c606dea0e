//! The workspace loader: walk the workspace folders (in parallel, `.gitignore` respected), read
//! and analyse every article that is not open (rayon), and report what it finds as
//! [`LoaderEvent`]s to whoever started it. It knows nothing of the server's state: the state
//! task folds the files into the index and turns the counts into `$/progress` (sent, like
//! everything else, through its ordered publisher).
//!
//! Every walk has a number; a walk stops as soon as a newer one has been started (new settings,
//! workspace folders removed: the shared counter [`Walk::current`] has moved on), and the state
//! task drops the results of a walk that is no longer current, so a superseded walk cannot bring
//! back files it was told to drop.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use byline_core::index::PreparedDocument;
use rayon::prelude::*;
use tower_lsp_server::ls_types::Uri;

use super::analysis::{OnDisk, load_with};
use super::positions::LineIndex;
use super::snapshot::{DocKey, file_uri, key_of};
use crate::cache::{self, WorkspaceCache};
use crate::desk::language::DeskLexicon;
use crate::files::{FileFilter, ReadError, walk_until};

/// How often a running walk reports how far it has got.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// What a walk reports, in this order: files as they are loaded and, now and then, how many
/// of how many are done; then [`LoaderEvent::Done`], always, also when the walk was superseded.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // nearly every event is a `Loaded`: boxing it would only add an allocation
pub enum LoaderEvent {
    /// A file of walk `walk`, read, analysed and prepared for the index (or the reason it was
    /// not).
    Loaded { walk: u64, key: DocKey, uri: Uri, result: Result<Prepared, ReadError> },
    /// `done` of the `total` files listed so far are loaded (or skipped).
    Progress { walk: u64, done: usize, total: usize },
    /// Every file of walk `walk` has been reported; `files` were listed.
    Done { walk: u64, files: usize },
}

/// A file read from disk, ready for the state task: its line index and its contribution to
/// the workspace index, worked out on the thread that read it ([`PreparedDocument::new`]), so
/// that the one task that owns the index only files it.
pub type Prepared = (LineIndex, PreparedDocument);

/// [`Prepared`] from what [`load_with`] read.
pub fn prepare((lines, people): OnDisk) -> Prepared {
    (lines, PreparedDocument::new(Arc::new(people)))
}

/// One walk of the workspace folders.
pub struct Walk {
    pub walk: u64,
    /// The number of the newest walk started: once it is not `walk`, this walk is superseded
    /// and stops.
    pub current: Arc<AtomicU64>,
    /// The largest file read, in bytes.
    pub max_file_size: u64,
    pub roots: Vec<PathBuf>,
    pub filter: FileFilter,
    /// Documents known already (open buffers, files read before): not read again.
    pub skip: HashSet<DocKey>,
    /// Whether (and where) to keep the people of the files read in the index cache.
    pub cache: cache::Options,
    /// The desk's language data the files are analysed with (part of the cache's key).
    pub lexicon: DeskLexicon,
}

impl Walk {
    fn cancelled(&self) -> bool {
        self.current.load(Ordering::SeqCst) != self.walk
    }
}

/// Run `walk` (on the tokio runtime and rayon's threads), reporting to `report`.
pub async fn run(walk: Walk, report: impl Fn(LoaderEvent) + Send + Sync + 'static) {
    let id = walk.walk;
    if walk.roots.is_empty() {
        report(LoaderEvent::Done { walk: id, files: 0 });
        return;
    }
    let report = Arc::new(report);
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let work = {
        let (done, total, report) = (done.clone(), total.clone(), report.clone());
        tokio::task::spawn_blocking(move || {
            let cancelled = || walk.cancelled();
            let paths: Vec<PathBuf> = walk.roots.par_iter().flat_map_iter(|r| walk_until(r, &walk.filter, &cancelled)).collect();
            total.store(paths.len(), Ordering::SeqCst);
            let cache = WorkspaceCache::open(&walk.roots, &walk.cache, cache::people_config(&walk.lexicon));
            cache.describe_opened().iter().for_each(|line| log!("{line}"));
            paths.par_iter().for_each(|path| {
                if cancelled() {
                    return;
                }
                if let Some(uri) = file_uri(path) {
                    let key = key_of(&uri);
                    if !walk.skip.contains(&key) {
                        let result = load_with(path, walk.max_file_size, walk.lexicon.lexicon(), Some(&cache)).map(prepare);
                        report(LoaderEvent::Loaded { walk: walk.walk, key, uri, result });
                    }
                }
                done.fetch_add(1, Ordering::SeqCst);
            });
            if cancelled() {
                log!("workspace walk {} superseded by a newer one: stopped", walk.walk);
            } else {
                save_cache(cache);
            }
            paths.len()
        })
    };
    tokio::pin!(work);
    let files = loop {
        tokio::select! {
            r = &mut work => break r.unwrap_or_else(|e| { log!("workspace indexing failed: {e}"); 0 }),
            _ = tokio::time::sleep(PROGRESS_EVERY) => {
                let (done, total) = (done.load(Ordering::SeqCst), total.load(Ordering::SeqCst));
                if total > 0 {
                    report(LoaderEvent::Progress { walk: id, done, total });
                }
            }
        }
    };
    report(LoaderEvent::Done { walk: id, files });
}

/// Write the index cache of a complete walk on a thread of its own: the walk's results are
/// already on their way to the state task, and the write (up to a few hundred MB for a large
/// archive) must not delay the end of the indexing. A write cut short by the server's exit
/// leaves only a temporary file (the cache itself is replaced by a rename).
fn save_cache(cache: WorkspaceCache) {
    let _ = std::thread::Builder::new().name("byline-cache-save".into()).spawn(move || {
        let (hits, misses) = cache.counts();
        let started = std::time::Instant::now();
        for saved in cache.save() {
            let ms = started.elapsed().as_millis();
            match saved {
                Ok(cache::Saved::Written(n)) => {
                    log!("index cache: {hits} files read from it, {misses} analysed; saved {n} entries in {ms} ms")
                }
                Ok(cache::Saved::Unchanged) => log!("index cache: {hits} files read from it, {misses} analysed; unchanged"),
                Ok(cache::Saved::Off) => {}
                Err(e) => log!("index cache not saved: {e}"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// A folder of `n` invented one-line articles.
    fn folder(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            std::fs::write(dir.path().join(format!("a{i}.txt")), format!("Mara Quell said the ferry {i} was late.\n")).unwrap();
        }
        dir
    }

    fn walk(n: u64, current: &Arc<AtomicU64>, root: &std::path::Path, skip: HashSet<DocKey>) -> Walk {
        Walk {
            walk: n,
            current: current.clone(),
            max_file_size: 1 << 20,
            roots: vec![root.to_path_buf()],
            filter: FileFilter::default(),
            skip,
            cache: cache::Options { enabled: false, dir: None },
            lexicon: DeskLexicon::default(),
        }
    }

    async fn events_of(w: Walk) -> Vec<LoaderEvent> {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        run(w, move |ev| sink.lock().unwrap().push(ev)).await;
        std::mem::take(&mut *seen.lock().unwrap())
    }

    #[tokio::test]
    async fn every_file_is_reported_then_done_and_known_files_are_skipped() {
        let dir = folder(12);
        let current = Arc::new(AtomicU64::new(3));
        let known = key_of(&file_uri(&dir.path().join("a0.txt")).unwrap());
        let events = events_of(walk(3, &current, dir.path(), HashSet::from([known.clone()]))).await;
        let loaded: Vec<&DocKey> = events
            .iter()
            .filter_map(|e| match e {
                LoaderEvent::Loaded { walk: 3, key, result: Ok((_, prepared)), .. } if !prepared.people().persons.is_empty() => Some(key),
                _ => None,
            })
            .collect();
        assert_eq!(loaded.len(), 11, "{events:?}");
        assert!(!loaded.contains(&&known));
        assert!(matches!(events.last(), Some(LoaderEvent::Done { walk: 3, files: 12 })), "{:?}", events.last());
    }

    #[tokio::test]
    async fn a_superseded_walk_loads_nothing_and_still_reports_done() {
        let dir = folder(5);
        let current = Arc::new(AtomicU64::new(2)); // a newer walk than this one has started
        let events = events_of(walk(1, &current, dir.path(), HashSet::new())).await;
        assert!(!events.iter().any(|e| matches!(e, LoaderEvent::Loaded { .. })), "{events:?}");
        assert!(matches!(events.last(), Some(LoaderEvent::Done { walk: 1, .. })), "{events:?}");
    }

    #[tokio::test]
    async fn no_folder_is_done_at_once() {
        let current = Arc::new(AtomicU64::new(1));
        let w = Walk { roots: Vec::new(), ..walk(1, &current, std::path::Path::new("/"), HashSet::new()) };
        let events = events_of(w).await;
        assert!(matches!(events[..], [LoaderEvent::Done { walk: 1, files: 0 }]), "{events:?}");
    }
}
