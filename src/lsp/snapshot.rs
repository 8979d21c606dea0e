//! Immutable snapshots of the server state, published by the state task and read by queries.
//!
//! A snapshot is an `Arc` of cheap clones (ropes share their chunks; persistent maps of `Arc`s), so a
//! query holds a consistent view for as long as it runs while the state task moves on.

use std::sync::Arc;

use byline_core::index::WorkspaceIndex;
use byline_core::{Analysis, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, Uri};

use super::positions::{Encoding, LineIndex, to_byte, to_position};

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

/// One analysis of an open document and the exact text it was computed on (its spans index
/// that text).
#[derive(Debug)]
pub struct Analyzed {
    /// The content generation this analysis belongs to.
    pub generation: u64,
    /// The LSP version of the text analysed.
    pub version: Option<i32>,
    pub rope: Rope,
    pub analysis: Analysis,
}

/// What the server keeps of a document's content for queries.
#[derive(Clone, Debug)]
pub enum Content {
    /// An open document: its analysed text and the whole analysis.
    Open(Arc<Analyzed>),
    /// A file read from disk and not open: only a line index of the text it was read with
    /// (its people live in the workspace index).
    Disk { generation: u64, lines: Arc<LineIndex> },
}

impl Content {
    pub fn generation(&self) -> u64 {
        match self {
            Content::Open(a) => a.generation,
            Content::Disk { generation, .. } => *generation,
        }
    }

    pub fn position(&self, byte: usize, enc: Encoding) -> Position {
        match self {
            Content::Open(a) => to_position(&a.rope, byte, enc),
            Content::Disk { lines, .. } => lines.position(byte, enc),
        }
    }

    pub fn byte(&self, pos: Position, enc: Encoding) -> usize {
        match self {
            Content::Open(a) => to_byte(&a.rope, pos, enc),
            Content::Disk { lines, .. } => lines.byte(pos, enc),
        }
    }

    pub fn range(&self, span: &Span, enc: Encoding) -> Range {
        Range::new(self.position(span.start, enc), self.position(span.end, enc))
    }
}

/// What a snapshot knows about one document.
#[derive(Clone, Debug)]
pub struct DocView {
    /// The URI to report back (the client's own spelling for open documents).
    pub uri: Uri,
    /// The generation of the current content; the content is current when it matches.
    pub generation: u64,
    pub content: Option<Content>,
}

impl DocView {
    pub fn is_current(&self) -> bool {
        self.content.as_ref().is_some_and(|c| c.generation() == self.generation)
    }
}

/// Documents by key: a persistent map, so a snapshot shares it with the state task and an
/// update costs O(log n), not a copy of every document.
pub type DocViews = im::HashMap<DocKey, DocView>;

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// How many client notifications the state task had applied when it took this snapshot.
    pub applied: u64,
    pub encoding: Encoding,
    pub docs: DocViews,
    pub index: Arc<WorkspaceIndex>,
    /// Whether the initial walk of the workspace folders has finished.
    pub indexed: bool,
}

impl Snapshot {
    pub fn doc(&self, key: &str) -> Option<&DocView> {
        self.docs.get(key)
    }

    /// The content of a document, for converting index spans to positions.
    pub fn content(&self, key: &str) -> Option<&Content> {
        self.docs.get(key).and_then(|d| d.content.as_ref())
    }
}
