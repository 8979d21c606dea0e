//! Results the index computes from its totals and keeps until the totals change: what the
//! cross-file checks ask again on every keystroke (a person's spellings to flag, a document's
//! quote-finding plan). The index clears a memo wherever it changes its totals; an update that
//! only moves a document's spans leaves them, so the memo must hold nothing that depends on
//! where a mention is.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

/// A map from a question to its answer, shared by the clones of one index state (a snapshot
/// and the state it was taken from answer alike until either changes its totals).
#[derive(Debug)]
pub(super) struct Memo<K, V>(OnceLock<Arc<Mutex<HashMap<K, V>>>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(OnceLock::new())
    }
}

impl<K, V> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Memo(self.0.clone())
    }
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// The answer to `key`, computed by `make` the first time it is asked.
    pub(super) fn get_or(&self, key: K, make: impl FnOnce() -> V) -> V {
        let map = self.0.get_or_init(Default::default);
        if let Some(v) = map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return v;
        }
        let v = make();
        if let Ok(mut m) = map.lock() {
            m.insert(key, v.clone());
        }
        v
    }
}
