//! The workspace walk's `$/progress`, sent by the publisher like every other message to the
//! client: in the order the state task produced it (so the end of a walk's progress follows the
//! state that ends it, and its diagnostics), through the same output ([`Notifier`]).
//!
//! The token is created with the client first (`window/workDoneProgress/create`, a request
//! awaited — at most [`CREATE_WAIT`] — before the begin is sent); a token the client refused or
//! never answered gets no `$/progress` at all.

use std::collections::HashSet;
use std::time::Duration;

use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    NumberOrString, ProgressParams, ProgressParamsValue, ProgressToken, WorkDoneProgress, WorkDoneProgressBegin, WorkDoneProgressEnd,
    WorkDoneProgressReport,
};

use super::transport::Notifier;

/// How long the publisher waits for the client to accept a progress token.
const CREATE_WAIT: Duration = Duration::from_secs(5);

/// The title the client shows while the workspace is being indexed.
const TITLE: &str = "byline: indexing articles";

/// One step of the `$/progress` of workspace walk `walk`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Begin {
        walk: u64,
    },
    /// `done` of `total` files read.
    Report {
        walk: u64,
        done: usize,
        total: usize,
    },
    End {
        walk: u64,
        message: String,
    },
}

/// The token of walk `walk`'s progress.
fn token(walk: u64) -> ProgressToken {
    NumberOrString::String(format!("byline/indexing/{walk}"))
}

/// The publisher's side: which walks' tokens the client accepted.
#[derive(Debug, Default)]
pub struct ProgressOut {
    live: HashSet<u64>,
}

impl ProgressOut {
    /// Send `step` (creating the token first for a begin); steps of a token the client did not
    /// accept are dropped.
    pub async fn send(&mut self, step: Progress, client: &Client, notifier: &Notifier) {
        let (walk, value) = match step {
            Progress::Begin { walk } => {
                match tokio::time::timeout(CREATE_WAIT, client.create_work_done_progress(token(walk))).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => return log!("window/workDoneProgress/create failed: {e}"),
                    Err(_) => return log!("window/workDoneProgress/create not answered in {CREATE_WAIT:?}: no progress shown"),
                }
                self.live.insert(walk);
                let begin = WorkDoneProgressBegin { title: TITLE.into(), cancellable: Some(false), message: None, percentage: Some(0) };
                (walk, WorkDoneProgress::Begin(begin))
            }
            Progress::Report { walk, .. } | Progress::End { walk, .. } if !self.live.contains(&walk) => return,
            Progress::Report { walk, done, total } => {
                let percentage = Some((done * 100 / total.max(1)) as u32);
                let report = WorkDoneProgressReport { cancellable: None, message: Some(format!("{done}/{total} files")), percentage };
                (walk, WorkDoneProgress::Report(report))
            }
            Progress::End { walk, message } => {
                self.live.remove(&walk);
                (walk, WorkDoneProgress::End(WorkDoneProgressEnd { message: Some(message) }))
            }
        };
        let params = ProgressParams { token: token(walk), value: ProgressParamsValue::WorkDone(value) };
        notifier.send(Notifier::frame("$/progress", &params));
    }
}
