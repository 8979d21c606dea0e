//! Indexing the workspace folders: walk them (in parallel, `.gitignore` respected), read and
//! analyse every article that is not open (rayon), and report `$/progress` while doing so.
//! Results go back to the state task, which folds them into the index.
//!
//! Every walk has a number; a walk stops as soon as the state task has started a newer one
//! (new settings, workspace folders removed), and the state task drops the results of a walk
//! that is no longer current, so a superseded walk cannot bring back files it was told to drop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use byline_core::Format;
use byline_core::people::DocPeople;
use rayon::prelude::*;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::NumberOrString;

use super::positions::LineIndex;
use super::snapshot::{DocKey, file_uri, key_of};
use super::state::{Internal, Msg, Origin, analyze_guarded, log};
use crate::cache::{self, WorkspaceCache};
use crate::files::{FileFilter, ReadError, read_article, walk_until};

pub struct Job {
    pub walk: u64,
    /// The number of the newest walk the state task has started: once it is not `walk`, this
    /// walk is superseded and stops.
    pub current: Arc<AtomicU64>,
    /// The largest file read, in bytes.
    pub max_file_size: u64,
    pub roots: Vec<PathBuf>,
    pub filter: FileFilter,
    /// Documents the server knows already (open buffers, files read before).
    pub skip: HashSet<DocKey>,
    /// Whether the client accepts `window/workDoneProgress/create`.
    pub progress: bool,
    /// Whether (and where) to keep the people of the files read in the index cache.
    pub cache: cache::Options,
}

/// Read and analyse one file.
///
/// A file that is not open only contributes its people (no diagnostics are published for it),
/// so only those are kept, with a line index to turn their byte offsets into positions: the
/// text and the rest of the analysis are dropped here, on the loading thread.
pub fn load(path: &Path, max_file_size: u64) -> Result<(LineIndex, DocPeople), ReadError> {
    load_with(path, max_file_size, None)
}

/// [`load`], with the people taken from the index cache when it has this text (and put there
/// when it does not).
fn load_with(path: &Path, max_file_size: u64, cache: Option<&WorkspaceCache>) -> Result<(LineIndex, DocPeople), ReadError> {
    let text = read_article(path, max_file_size)?;
    let format = Format::from_path(&path.to_string_lossy());
    let analyse = || analyze_guarded(&text, format, &path.display().to_string()).map(|a| a.people).map_err(ReadError::Internal);
    let mut people = match cache {
        Some(cache) => cache.people(path, &text, format, analyse)?,
        None => analyse()?,
    };
    people.persons.shrink_to_fit();
    people.mentions.shrink_to_fit();
    people.tentative.shrink_to_fit();
    Ok((LineIndex::new(&text), people))
}

pub async fn run(job: Job, client: Client, tx: mpsc::UnboundedSender<Msg>) {
    if job.roots.is_empty() {
        let _ = tx.send(Msg::Internal(Internal::IndexingDone { walk: job.walk, files: 0, folded: None }));
        return;
    }
    let token = NumberOrString::String(format!("byline/indexing/{}", job.walk));
    let progress = if job.progress && client.create_work_done_progress(token.clone()).await.is_ok() {
        Some(client.progress(token, "byline: indexing articles").with_percentage(0).begin().await)
    } else {
        None
    };
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let walk_id = job.walk;
    let current = job.current.clone();
    let work = {
        let (done, total, tx) = (done.clone(), total.clone(), tx.clone());
        tokio::task::spawn_blocking(move || {
            let cancelled = || job.current.load(Ordering::SeqCst) != job.walk;
            let paths: Vec<PathBuf> = job.roots.par_iter().flat_map_iter(|r| walk_until(r, &job.filter, &cancelled)).collect();
            total.store(paths.len(), Ordering::SeqCst);
            let cache = WorkspaceCache::open(&job.roots, &job.cache, cache::PEOPLE_CONFIG);
            cache.describe_opened().iter().for_each(|line| log!("{line}"));
            paths.par_iter().for_each(|path| {
                if cancelled() {
                    return;
                }
                if let Some(uri) = file_uri(path) {
                    let key = key_of(&uri);
                    if !job.skip.contains(&key) {
                        let result = load_with(path, job.max_file_size, Some(&cache));
                        let origin = Origin::Walk(job.walk);
                        let _ = tx.send(Msg::Internal(Internal::DiskLoaded { key, uri, origin, result }));
                    }
                }
                done.fetch_add(1, Ordering::SeqCst);
            });
            if cancelled() {
                log!("workspace walk {} superseded by a newer one: stopped", job.walk);
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
            _ = tokio::time::sleep(Duration::from_millis(200)) => {
                if let Some(p) = &progress {
                    let (d, t) = (done.load(Ordering::SeqCst), total.load(Ordering::SeqCst));
                    if t > 0 {
                        p.report_with_message(format!("{d}/{t} files"), (d * 100 / t) as u32).await;
                    }
                }
            }
        }
    };
    // The state task folds results in the order they were sent: once it has seen this message,
    // every file of the walk is in the index, and only then does the progress end (so that a
    // client that waits for it gets complete answers).
    let (folded, done_folding) = oneshot::channel();
    let _ = tx.send(Msg::Internal(Internal::IndexingDone { walk: walk_id, files, folded: Some(folded) }));
    let _ = done_folding.await;
    if let Some(p) = progress {
        let message = if current.load(Ordering::SeqCst) == walk_id { format!("{files} articles") } else { "superseded".to_string() };
        p.finish_with_message(message).await;
    }
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
