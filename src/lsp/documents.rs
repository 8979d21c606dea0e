//! Open documents: text in a rope, edited in place by incremental changes.

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use super::positions::{Encoding, to_span};

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
