//! The workspace index: people across every article of the workspace.
//!
//! Each document contributes its [`DocPeople`]; the index links them into workspace-wide
//! persons (a person is identified by the fullest name seen; a surname-only mention links
//! across files only when exactly one person in the workspace carries that surname).
//! Updating one document touches that document's contributions only. Cloning the index is
//! cheap, so the language server can hand immutable snapshots to queries.

use std::sync::Arc;

use crate::Span;
use crate::people::DocPeople;

/// How the index names a document (the server uses URIs, the CLI paths).
pub type DocKey = Arc<str>;

/// A workspace-wide person: their full name.
pub type PersonId = Arc<str>;

/// Everything the index knows about one person, for hover and listings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonInfo {
    pub id: PersonId,
    pub name: String,
    /// Role and the document it comes from, most frequent role first.
    pub roles: Vec<(String, DocKey)>,
    pub mention_count: usize,
    pub file_count: usize,
    /// Quote words and the document they come from.
    pub quotes: Vec<(String, DocKey)>,
}

#[derive(Clone, Debug, Default)]
pub struct WorkspaceIndex {
    docs: std::collections::HashMap<DocKey, Arc<DocPeople>>,
}

impl WorkspaceIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Replace what `doc` contributes.
    pub fn set_document(&mut self, doc: DocKey, people: Arc<DocPeople>) {
        self.docs.insert(doc, people);
    }

    /// Forget `doc`.
    pub fn remove_document(&mut self, doc: &str) {
        self.docs.remove(doc);
    }

    /// The person mentioned at byte `offset` of `doc`.
    pub fn person_at(&self, _doc: &str, _offset: usize) -> Option<PersonId> {
        None
    }

    pub fn person(&self, _id: &str) -> Option<PersonInfo> {
        None
    }

    /// Every mention of the person, in every document.
    pub fn mentions(&self, _id: &str) -> Vec<(DocKey, Span)> {
        Vec::new()
    }

    /// The first full-name mention in `from_doc`, else the first in the workspace.
    pub fn definition(&self, _id: &str, _from_doc: &str) -> Option<(DocKey, Span)> {
        None
    }

    /// People whose name matches `query` fuzzily (case-insensitive subsequence); all when empty.
    pub fn search(&self, _query: &str) -> Vec<PersonInfo> {
        Vec::new()
    }

    /// The people mentioned in `doc`.
    pub fn people_in(&self, _doc: &str) -> Vec<PersonId> {
        Vec::new()
    }
}
