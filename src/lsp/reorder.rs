//! Putting `didChange` notifications back in version order.
//!
//! tower-lsp-server runs up to four handlers at once, so two `didChange` notifications sent
//! in order can reach the state task in the other order (tower-lsp issue 284). Incremental
//! changes only make sense applied to the text they were computed against, so the document
//! version decides: the change whose version follows the current one is applied; a later one
//! is held back until its predecessor arrives; an older or equal one is stale and dropped.
//!
//! The spec allows version gaps (versions must only increase), so a held-back change is not
//! kept forever: once it has waited [`VersionQueue::release_due`]'s `max_wait`, everything
//! held is applied in version order. A full-text change does not depend on the text before it,
//! so it is applied at once and makes older held-back changes obsolete.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Held-back changes of one document, by version.
#[derive(Clone, Debug)]
pub struct VersionQueue<C> {
    held: BTreeMap<i32, (C, Instant)>,
}

impl<C> Default for VersionQueue<C> {
    fn default() -> Self {
        Self { held: BTreeMap::new() }
    }
}

/// What to do with an incoming change.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Applied (together with any held-back successors); see the returned list.
    Ready,
    /// Held back until its predecessor arrives.
    Held,
    /// Older than the document: dropped.
    Stale,
}

impl<C> VersionQueue<C> {
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Offer change `version` to a document now at version `current`. Returns the verdict
    /// and the changes to apply now, in order, each with its version.
    pub fn offer(&mut self, current: i32, version: i32, full: bool, change: C, now: Instant) -> (Verdict, Vec<(i32, C)>) {
        if version <= current {
            return (Verdict::Stale, Vec::new());
        }
        if full {
            // Obsoletes everything held back that is not newer than it.
            self.held.retain(|v, _| *v > version);
            let mut ready = vec![(version, change)];
            ready.extend(self.successors(version));
            return (Verdict::Ready, ready);
        }
        if version == current + 1 {
            let mut ready = vec![(version, change)];
            ready.extend(self.successors(version));
            return (Verdict::Ready, ready);
        }
        self.held.insert(version, (change, now));
        (Verdict::Held, Vec::new())
    }

    /// Held-back changes that directly follow `version`, removed from the queue.
    fn successors(&mut self, mut version: i32) -> Vec<(i32, C)> {
        let mut out = Vec::new();
        while let Some((c, _)) = self.held.remove(&(version + 1)) {
            version += 1;
            out.push((version, c));
        }
        out
    }

    /// When the oldest held-back change has waited `max_wait`, give up on the gap: return
    /// everything held that is newer than `current`, in version order.
    pub fn release_due(&mut self, current: i32, now: Instant, max_wait: Duration) -> Vec<(i32, C)> {
        let oldest = self.held.values().map(|(_, t)| *t).min();
        match oldest {
            Some(t) if now.duration_since(t) >= max_wait => {
                std::mem::take(&mut self.held).into_iter().filter(|(v, _)| *v > current).map(|(v, (c, _))| (v, c)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The earliest time at which [`Self::release_due`] may release something.
    pub fn deadline(&self, max_wait: Duration) -> Option<Instant> {
        self.held.values().map(|(_, t)| *t + max_wait).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAIT: Duration = Duration::from_millis(200);

    #[test]
    fn in_order_changes_apply_at_once() {
        let mut q = VersionQueue::default();
        let now = Instant::now();
        assert_eq!(q.offer(1, 2, false, "a", now), (Verdict::Ready, vec![(2, "a")]));
        assert!(q.is_empty());
    }

    #[test]
    fn a_change_ahead_of_its_predecessor_waits_for_it() {
        let mut q = VersionQueue::default();
        let now = Instant::now();
        assert_eq!(q.offer(1, 4, false, "c", now), (Verdict::Held, vec![]));
        assert_eq!(q.offer(1, 3, false, "b", now), (Verdict::Held, vec![]));
        assert_eq!(q.offer(1, 2, false, "a", now), (Verdict::Ready, vec![(2, "a"), (3, "b"), (4, "c")]));
        assert!(q.is_empty());
    }

    #[test]
    fn stale_changes_are_dropped() {
        let mut q = VersionQueue::default();
        assert_eq!(q.offer(5, 5, false, "x", Instant::now()).0, Verdict::Stale);
        assert_eq!(q.offer(5, 3, false, "x", Instant::now()).0, Verdict::Stale);
    }

    #[test]
    fn a_full_change_jumps_the_queue_and_obsoletes_older_ones() {
        let mut q = VersionQueue::default();
        let now = Instant::now();
        q.offer(1, 3, false, "b", now);
        q.offer(1, 5, false, "d", now);
        assert_eq!(q.offer(1, 4, true, "full", now), (Verdict::Ready, vec![(4, "full"), (5, "d")]));
        assert!(q.is_empty());
    }

    #[test]
    fn a_gap_is_given_up_after_the_wait() {
        let mut q = VersionQueue::default();
        let t0 = Instant::now();
        q.offer(1, 4, false, "c", t0);
        q.offer(1, 6, false, "e", t0);
        assert_eq!(q.deadline(WAIT), Some(t0 + WAIT));
        assert!(q.release_due(1, t0 + Duration::from_millis(10), WAIT).is_empty());
        assert_eq!(q.release_due(1, t0 + WAIT, WAIT), vec![(4, "c"), (6, "e")]);
        assert!(q.is_empty());
    }
}
