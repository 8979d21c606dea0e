//! Immutable snapshots of the server state, published by the state task and read by queries.
//!
//! A snapshot is an `Arc` of cheap clones (the state task's own persistent map of documents,
//! `Arc`s of the index and settings), so a query holds a consistent view for as long as it runs
//! while the state task moves on.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline_core::index::WorkspaceIndex;
use byline_core::{Analysis, Span};
use percent_encoding::{percent_decode_str, percent_encode};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, Uri};

use super::documents::{Document, Documents};
use super::positions::{Encoding, LineIndex, to_byte, to_position};

/// How documents are named inside the server and in the workspace index: the URI, with
/// `file:` URIs normalised through their path so that two spellings of one file agree.
pub type DocKey = Arc<str>;

pub fn key_of(uri: &Uri) -> DocKey {
    if let Some(path) = file_path_of(uri)
        && let Some(norm) = file_uri(&path)
    {
        return Arc::from(norm.as_str());
    }
    Arc::from(uri.as_str())
}

/// The `file:` URI of an absolute local path: its raw bytes percent-encoded, so that a name
/// that is not UTF-8 still names that file ([`file_path_of`] gives the same path back).
pub fn file_uri(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    let encoded = percent_encode(path.as_os_str().as_bytes(), crate::files::PATH_BYTES);
    format!("file://{encoded}").parse().ok()
}

/// The local path a URI names: only for `file:` URIs (with no host, or `localhost`); other
/// schemes (`untitled:`, `vscode-vfs:`, `http:` …) name nothing on this machine. The path's
/// percent-encoded bytes are decoded as raw bytes, so file names that are not UTF-8 survive.
pub fn file_path_of(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let host = uri.authority().map(|a| a.host()).unwrap_or_default();
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let bytes: Vec<u8> = percent_decode_str(uri.path().as_str()).collect();
    let path = PathBuf::from(OsStr::from_bytes(&bytes));
    path.is_absolute().then_some(path)
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

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// How many client notifications the state task had applied when it took this snapshot.
    pub applied: u64,
    pub encoding: Encoding,
    /// The documents as the state task had them (the same map, shared).
    pub docs: Documents,
    pub index: Arc<WorkspaceIndex>,
    /// Whether the initial walk of the workspace folders has finished.
    pub indexed: bool,
    /// The workspace's `byline.toml` and ledger in force.
    pub desks: Arc<super::workspace::Desks>,
    /// The settings in force (the editor's over `byline.toml`).
    pub settings: Arc<super::config::Settings>,
    /// The client asked for pull diagnostics and the settings enable them.
    #[allow(dead_code)] // for queries that depend on it
    pub pull: bool,
    /// `byline.toml` and the ledger are being read (again).
    pub desk_pending: bool,
}

impl Snapshot {
    pub fn doc(&self, key: &str) -> Option<&Document> {
        self.docs.get(key).map(|d| &**d)
    }

    /// The content of a document, for converting index spans to positions.
    pub fn content(&self, key: &str) -> Option<&Content> {
        self.docs.get(key).and_then(|d| d.content.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn file_uris_round_trip_raw_bytes() {
        let name = OsStr::from_bytes(b"/srv/news/caf\xe9 d\xc3\xa9j\xc3\xa0 #1?.txt");
        let u = file_uri(Path::new(name)).unwrap();
        assert_eq!(u.as_str(), "file:///srv/news/caf%E9%20d%C3%A9j%C3%A0%20%231%3F.txt");
        assert_eq!(file_path_of(&u).unwrap().as_os_str(), name);
        assert_eq!(&*key_of(&u), u.as_str());
        // Another spelling of the same file gets the same key.
        assert_eq!(key_of(&uri("file://localhost/srv/news/caf%e9%20d%C3%A9j%C3%A0%20%231%3f.txt")), key_of(&u));
        assert_eq!(file_uri(Path::new("relative.txt")), None);
    }

    #[test]
    fn only_local_file_uris_name_paths() {
        assert_eq!(file_path_of(&uri("file:///srv/news/a.txt")), Some(PathBuf::from("/srv/news/a.txt")));
        assert_eq!(file_path_of(&uri("file://localhost/srv/news/a.txt")), Some(PathBuf::from("/srv/news/a.txt")));
        for other in [
            "http://host/srv/news",
            "https://host/srv/news/a.txt",
            "vscode-vfs://github/srv/news",
            "untitled:Untitled-1",
            "file://otherhost/srv/news/a.txt",
        ] {
            assert_eq!(file_path_of(&uri(other)), None, "{other}");
            assert_eq!(&*key_of(&uri(other)), other);
        }
    }
}
