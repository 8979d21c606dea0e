//! Immutable snapshots of the server state, published by the state task and read by queries.
//!
//! A snapshot is an `Arc` of cheap clones (ropes share their chunks; maps of `Arc`s), so a
//! query holds a consistent view for as long as it runs while the state task moves on.

use std::collections::HashMap;
use std::sync::Arc;

use byline_core::Analysis;
use byline_core::index::WorkspaceIndex;
use ropey::Rope;
use tower_lsp_server::ls_types::Uri;

use super::positions::Encoding;

/// How documents are named inside the server and in the workspace index: the URI, with
/// `file:` URIs normalised through their path so that two spellings of one file agree.
pub type DocKey = Arc<str>;

pub fn key_of(uri: &Uri) -> DocKey {
    if uri.scheme().as_str().eq_ignore_ascii_case("file")
        && let Some(path) = uri.to_file_path()
        && let Some(norm) = Uri::from_file_path(&path)
    {
        return Arc::from(norm.as_str());
    }
    Arc::from(uri.as_str())
}

/// One analysis result and the exact text it was computed on (its spans index that text).
#[derive(Debug)]
pub struct Analyzed {
    /// The content generation this analysis belongs to.
    pub generation: u64,
    /// The LSP version for open documents; `None` for files read from disk.
    pub version: Option<i32>,
    pub rope: Rope,
    pub analysis: Analysis,
}

/// What a snapshot knows about one document.
#[derive(Clone, Debug)]
pub struct DocView {
    /// The URI to report back (the client's own spelling for open documents).
    pub uri: Uri,
    /// The generation of the current content; the analysis is current when it matches.
    pub generation: u64,
    pub analyzed: Option<Arc<Analyzed>>,
}

impl DocView {
    pub fn is_current(&self) -> bool {
        self.analyzed.as_ref().is_some_and(|a| a.generation == self.generation)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// How many client notifications the state task had applied when it took this snapshot.
    pub applied: u64,
    pub encoding: Encoding,
    pub docs: Arc<HashMap<DocKey, DocView>>,
    pub index: Arc<WorkspaceIndex>,
    /// Whether the initial walk of the workspace folders has finished.
    pub indexed: bool,
}

impl Snapshot {
    pub fn doc(&self, key: &str) -> Option<&DocView> {
        self.docs.get(key)
    }

    /// The analysed text of a document, for converting index spans to positions.
    pub fn analyzed(&self, key: &str) -> Option<&Arc<Analyzed>> {
        self.docs.get(key).and_then(|d| d.analyzed.as_ref())
    }
}
