//! byline's analysis core.
//!
//! Takes the text of one article and returns facts about it — sentences, quotations,
//! attribution cues, claim findings and person mentions — as byte ranges into that text.
//! It knows nothing of LSP, tokio or files: the language server and the CLI are thin
//! front-ends over [`analyze`] and the [`index::WorkspaceIndex`].

pub mod analysis;
pub mod attribution;
pub mod claims;
pub mod consistency;
pub mod document;
pub mod incremental;
pub mod index;
pub mod language_data;
pub mod ledger;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod sentences;
pub mod text;

pub use analysis::{Analysis, analyze, analyze_with};
pub use claims::{Code, Finding, Severity};
pub use incremental::IncrementalAnalyzer;
pub use text::Format;

/// A half-open byte range `start..end` into a document's text.
pub type Span = std::ops::Range<usize>;

#[cfg(test)]
pub(crate) mod test_rng {
    //! A seeded xorshift generator for the tests that build random texts reproducibly.

    /// `next(n)`: a number below `n`, the same sequence on every run.
    pub(crate) fn below() -> impl FnMut(usize) -> usize {
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }
}
