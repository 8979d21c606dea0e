//! Asking the client to refresh the views another article can change: code lenses ("12
//! mentions · 4 files") and semantic tokens (a lone surname becomes a person when another
//! article names them in full). The state task notes the index's
//! [`people_version`](byline_core::index::WorkspaceIndex::people_version) after each batch of
//! events; when it moved, one refresh is due once the edits pause for [`QUIET`] (at most
//! [`LONGEST`] after the first change), so a typing burst asks once, not per keystroke. Inlay
//! hints read only their own article's analysis: another article cannot change them, so they are
//! not asked for here. Only what the client declared (`refreshSupport`) is asked.

use std::time::{Duration, Instant};

/// How long the people must stay unchanged before the refresh is sent.
pub const QUIET: Duration = Duration::from_millis(250);
/// The longest a refresh waits after the first change it covers.
pub const LONGEST: Duration = Duration::from_secs(1);

/// What the client can be asked to refresh.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewsCapable {
    /// `workspace.codeLens.refreshSupport`.
    pub lens: bool,
    /// `workspace.semanticTokens.refreshSupport`.
    pub tokens: bool,
}

/// The debounced refresh: which people version the client's views last reflected and when the
/// next refresh is due.
#[derive(Debug, Default)]
pub struct ViewsRefresh {
    capable: ViewsCapable,
    /// The people version the last refresh covered (or the first one seen).
    covered: Option<u64>,
    /// (first change not yet covered, last change) while a refresh is pending.
    pending: Option<(Instant, Instant)>,
}

impl ViewsRefresh {
    pub fn new(capable: ViewsCapable) -> Self {
        Self { capable, covered: None, pending: None }
    }

    /// After a batch of events: the index's people version now. `settled`: the workspace walk
    /// is over (during it, the people change with every file read; one refresh follows it).
    pub fn note(&mut self, version: u64, settled: bool, now: Instant) {
        if !(self.capable.lens || self.capable.tokens) || !settled {
            return;
        }
        match self.covered {
            None => self.covered = Some(version),
            Some(v) if v != version => {
                self.covered = Some(version);
                let first = self.pending.map_or(now, |(first, _)| first);
                self.pending = Some((first, now));
            }
            Some(_) => {}
        }
    }

    /// When the pending refresh is due, if one is.
    pub fn deadline(&self) -> Option<Instant> {
        self.pending.map(|(first, last)| (last + QUIET).min(first + LONGEST))
    }

    /// The refresh to send now, if one is due: what to ask the client for.
    pub fn take_due(&mut self, now: Instant) -> Option<ViewsCapable> {
        let due = self.deadline()?;
        if now < due {
            return None;
        }
        self.pending = None;
        Some(self.capable)
    }
}

/// Send the refresh requests (in the publisher, in order with the diagnostics before them), each
/// waited for at most 5 s: a client that never answers must not hold up the diagnostics.
pub async fn ask(client: &tower_lsp_server::Client, what: ViewsCapable) {
    if what.lens {
        match tokio::time::timeout(Duration::from_secs(5), client.code_lens_refresh()).await {
            Ok(Err(e)) => log!("workspace/codeLens/refresh failed: {e}"),
            Err(_) => log!("workspace/codeLens/refresh: no answer in 5 s"),
            Ok(Ok(())) => {}
        }
    }
    if what.tokens {
        match tokio::time::timeout(Duration::from_secs(5), client.semantic_tokens_refresh()).await {
            Ok(Err(e)) => log!("workspace/semanticTokens/refresh failed: {e}"),
            Err(_) => log!("workspace/semanticTokens/refresh: no answer in 5 s"),
            Ok(Ok(())) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: ViewsCapable = ViewsCapable { lens: true, tokens: true };

    #[test]
    fn one_refresh_after_a_burst_of_changes() {
        let t0 = Instant::now();
        let mut r = ViewsRefresh::new(BOTH);
        r.note(1, true, t0);
        assert_eq!(r.deadline(), None, "the first version seen is the baseline");
        r.note(2, true, t0);
        r.note(3, true, t0 + Duration::from_millis(100));
        assert_eq!(r.deadline(), Some(t0 + Duration::from_millis(100) + QUIET));
        assert_eq!(r.take_due(t0 + Duration::from_millis(200)), None);
        assert_eq!(r.take_due(t0 + Duration::from_millis(400)), Some(BOTH));
        assert_eq!(r.take_due(t0 + Duration::from_millis(900)), None, "sent once");
    }

    #[test]
    fn a_long_burst_is_refreshed_at_most_a_second_after_it_started() {
        let t0 = Instant::now();
        let mut r = ViewsRefresh::new(BOTH);
        r.note(0, true, t0);
        for i in 1..40u64 {
            r.note(i, true, t0 + Duration::from_millis(50 * i));
        }
        assert_eq!(r.deadline(), Some(t0 + Duration::from_millis(50) + LONGEST));
    }

    #[test]
    fn nothing_when_the_people_did_not_change_the_walk_runs_or_the_client_cannot() {
        let t0 = Instant::now();
        let mut r = ViewsRefresh::new(BOTH);
        r.note(5, true, t0);
        r.note(5, true, t0);
        assert_eq!(r.deadline(), None);
        let mut walking = ViewsRefresh::new(BOTH);
        walking.note(1, false, t0);
        walking.note(2, false, t0);
        assert_eq!(walking.deadline(), None);
        let mut unable = ViewsRefresh::new(ViewsCapable::default());
        unable.note(1, true, t0);
        unable.note(2, true, t0);
        assert_eq!(unable.deadline(), None);
    }
}
