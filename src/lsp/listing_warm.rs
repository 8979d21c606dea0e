//! The people listing that workspace symbols search (`WorkspaceIndex::search_top`) is built
//! once per version of the index, by whoever asks first. Built by a query, it made the first
//! workspace-symbol request after the walk (or after an edit that changed someone's mentions)
//! 20–70× slower than the others. Here it is built on a blocking thread once the index has
//! stayed the same for [`SETTLE`]: typing that keeps changing the people costs nothing, and a
//! request arriving during the build waits for it instead of building a second one.

use std::sync::Arc;
use std::time::Duration;

use byline_core::index::WorkspaceIndex;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::snapshot::Snapshot;

/// How long the index must stay the same before its listing is built.
pub const SETTLE: Duration = Duration::from_millis(250);

/// After `index` was published: build its listing once it has been current for [`SETTLE`]
/// (`snapshots` tells which index is current then). Call from within the runtime; the handle
/// is for tests.
pub fn after_publish(index: &Arc<WorkspaceIndex>, snapshots: watch::Receiver<Arc<Snapshot>>) -> Option<JoinHandle<()>> {
    if index.listing_ready() {
        return None;
    }
    // A weak reference: a superseded index is not kept alive for this.
    let published = Arc::downgrade(index);
    Some(tokio::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        let current = Arc::clone(&snapshots.borrow().index);
        if Arc::as_ptr(&current) != published.as_ptr() || current.listing_ready() {
            return;
        }
        let _ = tokio::task::spawn_blocking(move || current.prepare_listing()).await;
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::{Format, analyze};

    fn index_of(text: &str) -> Arc<WorkspaceIndex> {
        let mut index = WorkspaceIndex::new();
        index.set_document(Arc::from("file:///ws/a.txt"), Arc::new(analyze(text, Format::Plain).people));
        Arc::new(index)
    }

    fn published(index: &Arc<WorkspaceIndex>) -> Snapshot {
        Snapshot { index: Arc::clone(index), ..Snapshot::default() }
    }

    #[tokio::test]
    async fn the_listing_of_an_index_left_alone_is_built_without_a_query() {
        let index = index_of("Harbour master Ottilie Brandvold said the pier would reopen.\n");
        let (_tx, rx) = watch::channel(Arc::new(published(&index)));
        assert!(!index.listing_ready());
        after_publish(&index, rx.clone()).expect("a task").await.unwrap();
        assert!(index.listing_ready());
        assert!(after_publish(&index, rx).is_none(), "nothing to do once it is built");
        let found = index.search_top("brand", 5);
        assert_eq!(found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ottilie Brandvold"]);
    }

    #[tokio::test]
    async fn an_index_replaced_before_it_settles_is_not_listed() {
        let first = index_of("Harbour master Ottilie Brandvold said the pier would reopen.\n");
        let (tx, rx) = watch::channel(Arc::new(published(&first)));
        let task = after_publish(&first, rx).expect("a task");
        let second = index_of("Ferry captain Idris Kallweit said the crossing was rough.\n");
        tx.send_replace(Arc::new(published(&second)));
        task.await.unwrap();
        assert!(!first.listing_ready(), "the superseded index was listed");
        assert!(!second.listing_ready(), "only the index published with the task is listed");
    }
}
