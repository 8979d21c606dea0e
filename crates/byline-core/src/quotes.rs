//! Quotations: direct speech in straight or curly quotes, spanning sentences or paragraphs,
//! closed or not.

use crate::Span;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or to where an unclosed quote ends).
    pub span: Span,
    /// The quoted words without the marks.
    pub inner: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// A short term in quotes ("scare quotes"), not speech.
    pub scare: bool,
}

/// Find the quotations of a document.
pub fn find(_text: &str, _sentences: &[crate::sentences::Sentence]) -> Vec<Quote> {
    Vec::new()
}
