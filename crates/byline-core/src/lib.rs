//! byline's analysis core.
//!
//! Takes the text of one article and returns facts about it — sentences, quotations,
//! attribution cues, claim findings and person mentions — as byte ranges into that text.
//! It knows nothing of LSP, tokio or files: the language server and the CLI are thin
//! front-ends over [`analyze`] and the [`index::WorkspaceIndex`].

pub mod analysis;
pub mod attribution;
pub mod claims;
pub mod document;
pub mod index;
pub mod ledger;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod sentences;
pub mod text;

pub use analysis::{Analysis, analyze, analyze_with};
pub use claims::{Code, Finding, Severity};
pub use text::Format;

/// A half-open byte range `start..end` into a document's text.
pub type Span = std::ops::Range<usize>;
