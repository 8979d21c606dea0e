//! Documents as the server stores them — once, in one persistent map that the state task edits
//! and every snapshot shares — and an open document's text in a rope, edited in place by
//! incremental changes.

use std::sync::Arc;

use byline_core::Format;
use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::positions::{Encoding, to_span};
use super::reorder::VersionQueue;
use super::snapshot::{Content, DocKey};

/// Documents by key. A persistent map of `Arc`s: publishing a snapshot is a clone of the map
/// (O(1)); the state task's next edit of a document copies the map's path to it (O(log n)) and
/// that one document (cheap: its rope shares its chunks, its content is an `Arc`), never the
/// map.
pub type Documents = imbl::HashMap<DocKey, Arc<Document>>;

/// One document: an open buffer, or a file on disk known only through its people.
///
/// The state task is its only writer; queries read it through a snapshot, where `uri`,
/// `generation` and `content` are what they need (`buffer` and `running` are the state task's
/// bookkeeping, along for free).
#[derive(Clone, Debug)]
pub struct Document {
    /// The URI to report back (the client's own spelling for open documents).
    pub uri: Uri,
    /// The generation of the current text; the content is current when it matches.
    pub generation: u64,
    /// What queries read: the latest analysis (open) or line index (on disk), maybe of an
    /// older generation while a newer one is being analysed or read.
    pub content: Option<Content>,
    /// The editor's buffer while the document is open; `None` for a file known from disk.
    pub buffer: Option<Buffer>,
    /// An analysis of this (open) document is running on a blocking thread.
    pub running: bool,
}

/// The text of an open document as the editor has it (maybe ahead of its analysis).
#[derive(Clone, Debug)]
pub struct Buffer {
    pub version: i32,
    pub rope: Rope,
    pub format: Format,
    /// `didChange` batches that arrived ahead of their predecessor.
    pub queue: VersionQueue<Vec<TextDocumentContentChangeEvent>>,
    /// Reuses the parsing of unchanged lines and paragraphs from one analysis to the next
    /// (shared by the copies of this buffer; only the one running analysis locks it).
    pub analyzer: crate::faults::DocAnalyzer,
}

impl Document {
    pub fn is_open(&self) -> bool {
        self.buffer.is_some()
    }

    /// The content is of the current text (no analysis or read of a newer one pending).
    pub fn is_current(&self) -> bool {
        self.content.as_ref().is_some_and(|c| c.generation() == self.generation)
    }
}

/// Apply one `didChange` batch to `rope`, in order. A change without a range replaces the whole
/// text; a ranged change replaces that range (positions past the end clamp).
pub fn apply_changes(rope: &mut Rope, changes: &[TextDocumentContentChangeEvent], enc: Encoding) {
    for change in changes {
        match change.range {
            None => *rope = Rope::from_str(&change.text),
            Some(range) => {
                let span = to_span(rope, range, enc);
                let start = rope.byte_to_char(span.start);
                let end = rope.byte_to_char(span.end);
                rope.remove(start..end);
                rope.insert(start, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_edits_after_emoji_and_cyrillic() {
        let mut rope = Rope::from_str("“Путин” 🎉 said.\nNext é line.");
        // Replace "said" (UTF-16 col 11..15: the emoji is two code units) with "told".
        apply_changes(&mut rope, &[edit(0, 11, 0, 15, "told")], Encoding::Utf16);
        assert_eq!(rope.to_string(), "“Путин” 🎉 told.\nNext é line.");
        // Insert after "é" on line 1 (col 6) in UTF-8 bytes: "Next é" = 5 + 2 = 7 bytes.
        apply_changes(&mut rope, &[edit(1, 7, 1, 7, "!")], Encoding::Utf8);
        assert_eq!(rope.to_string(), "“Путин” 🎉 told.\nNext é! line.");
        // Several changes in one batch apply in order.
        apply_changes(&mut rope, &[edit(0, 0, 0, 1, "\""), edit(0, 6, 0, 7, "\"")], Encoding::Utf16);
        assert_eq!(rope.to_string(), "\"Путин\" 🎉 told.\nNext é! line.");
    }

    #[test]
    fn full_replacement_and_past_the_end_ranges() {
        let mut rope = Rope::from_str("abc");
        apply_changes(&mut rope, &[edit(5, 0, 9, 9, " end")], Encoding::Utf16);
        assert_eq!(rope.to_string(), "abc end");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".into() };
        apply_changes(&mut rope, &[full], Encoding::Utf16);
        assert_eq!(rope.to_string(), "new");
    }
}
