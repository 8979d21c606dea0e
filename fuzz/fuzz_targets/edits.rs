//! Fuzz the incremental-edit path: the server's own document model (src/lsp/documents.rs and
//! src/lsp/positions.rs, compiled in here unchanged) against a plain String edited by a
//! straightforward reading of the LSP spec. After every edit the rope must equal the string,
//! and position conversions must agree with the reference.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

// The server's document model, included from the binary crate's sources (`super::positions`
// in documents.rs resolves to the crate root here).
#[allow(dead_code)]
#[path = "../../src/lsp/documents.rs"]
mod documents;
#[allow(dead_code)]
#[path = "../../src/lsp/positions.rs"]
mod positions;

use positions::{Encoding, to_byte, to_position};

#[derive(Arbitrary, Debug)]
struct Edit {
    start_line: u8,
    start_char: u16,
    end_line: u8,
    end_char: u16,
    text: String,
    full: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    utf8: bool,
    initial: String,
    batches: Vec<Vec<Edit>>,
    probes: Vec<u32>,
}

/// Line starts per the LSP spec: a line ends at "\r\n", "\n" or "\r".
fn line_starts(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut v = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            if i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
            v.push(i + 1);
        } else if b[i] == b'\n' {
            v.push(i + 1);
        }
        i += 1;
    }
    v
}

/// The content end of line `l` (before its break).
fn line_end(s: &str, starts: &[usize], l: usize) -> usize {
    let next = starts.get(l + 1).copied().unwrap_or(s.len());
    let mut e = next;
    let b = s.as_bytes();
    if e > starts[l] && b[e - 1] == b'\n' {
        e -= 1;
    }
    if e > starts[l] && b[e - 1] == b'\r' {
        e -= 1;
    }
    e
}

/// Reference position -> byte: clamp lines to the end of the text, characters to the line
/// end, and a position inside a character to that character's start.
fn ref_to_byte(s: &str, line: usize, ch: usize, utf8: bool) -> usize {
    let starts = line_starts(s);
    if line >= starts.len() {
        return s.len();
    }
    let (ls, le) = (starts[line], line_end(s, &starts, line));
    let mut units = 0;
    for (i, c) in s[ls..le].char_indices() {
        let w = if utf8 { c.len_utf8() } else { c.len_utf16() };
        if units + w > ch {
            return ls + i;
        }
        units += w;
    }
    le
}

fn ref_to_position(s: &str, byte: usize, utf8: bool) -> (usize, usize) {
    let mut b = byte.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    let starts = line_starts(s);
    let line = starts.partition_point(|&x| x <= b) - 1;
    let seg = &s[starts[line]..b];
    let ch = if utf8 { seg.len() } else { seg.encode_utf16().count() };
    (line, ch)
}

fuzz_target!(|input: Input| {
    let enc = if input.utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let mut rope = Rope::from_str(&input.initial);
    let mut text = input.initial.clone();
    for batch in input.batches.iter().take(64) {
        let mut changes = Vec::new();
        for e in batch.iter().take(8) {
            if e.full {
                changes.push(TextDocumentContentChangeEvent { range: None, range_length: None, text: e.text.clone() });
                text = e.text.clone();
                continue;
            }
            let (sl, sc, el, ec) = (e.start_line as usize, e.start_char as usize, e.end_line as usize, e.end_char as usize);
            let a = ref_to_byte(&text, sl, sc, input.utf8);
            let b = ref_to_byte(&text, el, ec, input.utf8);
            let (a, b) = (a.min(b), a.max(b));
            text.replace_range(a..b, &e.text);
            changes.push(TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(sl as u32, sc as u32), Position::new(el as u32, ec as u32))),
                range_length: None,
                text: e.text.clone(),
            });
        }
        documents::apply_changes(&mut rope, &changes, enc);
        assert_eq!(rope.len_bytes(), text.len(), "length differs after {changes:?}");
        assert!(rope == text.as_str(), "text differs after {changes:?}:\nrope {:?}\nstring {:?}", rope.to_string(), text);
    }
    // Conversions agree with the reference, and byte -> position -> byte is the identity on
    // char boundaries.
    for &p in input.probes.iter().take(32) {
        if text.is_empty() {
            break;
        }
        let byte = p as usize % (text.len() + 1);
        let pos = to_position(&rope, byte, enc);
        let (l, c) = ref_to_position(&text, byte, input.utf8);
        assert_eq!((pos.line as usize, pos.character as usize), (l, c), "to_position({byte}) in {text:?}");
        // Inside a "\r\n" no LSP position exists, so the round trip is defined elsewhere.
        let inside_crlf = byte > 0 && byte < text.len() && text.as_bytes()[byte - 1] == b'\r' && text.as_bytes()[byte] == b'\n';
        if text.is_char_boundary(byte) && !inside_crlf {
            assert_eq!(to_byte(&rope, pos, enc), byte, "round trip of {byte} in {text:?}");
        }
        let (pl, pc) = ((p >> 8) as usize % 8, (p >> 16) as usize % 64);
        assert_eq!(
            to_byte(&rope, Position::new(pl as u32, pc as u32), enc),
            ref_to_byte(&text, pl, pc, input.utf8),
            "to_byte({pl}:{pc}) in {text:?}"
        );
    }
});
