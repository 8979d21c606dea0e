//! Byte offsets inside, LSP positions at the edge.
//!
//! The core speaks byte offsets into UTF-8 text. LSP speaks `(line, character)` where
//! `character` counts UTF-16 code units (the default) or bytes (when UTF-8 was negotiated).
//! Every conversion goes through a [`ropey::Rope`], whose line and UTF-16 indexes make each
//! conversion O(log n). Positions past the end of a line or of the document are clamped, and a
//! position inside a character (half a surrogate pair, the middle of a UTF-8 sequence) snaps
//! to the start of that character.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// The position encoding negotiated with the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (which every client must support).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// The byte offset of the start of the character that contains `byte` (clamped to the text).
fn floor_char_boundary(rope: &Rope, byte: usize) -> usize {
    let byte = byte.min(rope.len_bytes());
    rope.char_to_byte(rope.byte_to_char(byte))
}

/// The byte just after `line`'s content (before its line break), for `line < len_lines`.
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let start = rope.line_to_byte(line);
    let slice = rope.line(line);
    let mut end = start + slice.len_bytes();
    // Strip the line break: "\n", "\r\n" or "\r".
    let n = slice.len_chars();
    if n > 0 && slice.char(n - 1) == '\n' {
        end -= 1;
        if n > 1 && slice.char(n - 2) == '\r' {
            end -= 1;
        }
    } else if n > 0 && slice.char(n - 1) == '\r' {
        end -= 1;
    }
    end
}

/// Byte offset -> LSP position. Offsets past the end clamp to the end of the document.
pub fn to_position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let byte = floor_char_boundary(rope, byte);
    let line = rope.byte_to_line(byte);
    let line_start = rope.line_to_byte(line);
    let character = match enc {
        Encoding::Utf8 => byte - line_start,
        Encoding::Utf16 => {
            let c = rope.byte_to_char(byte);
            let lc = rope.byte_to_char(line_start);
            rope.char_to_utf16_cu(c) - rope.char_to_utf16_cu(lc)
        }
    };
    Position::new(line as u32, character as u32)
}

/// LSP position -> byte offset. A line past the end clamps to the end of the document; a
/// character past the end of its line clamps to the end of that line.
pub fn to_byte(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start = rope.line_to_byte(line);
    let line_end = line_content_end(rope, line);
    let character = pos.character as usize;
    match enc {
        Encoding::Utf8 => floor_char_boundary(rope, (line_start + character).min(line_end)),
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(rope.byte_to_char(line_start));
            let end_cu = rope.char_to_utf16_cu(rope.byte_to_char(line_end));
            let cu = (start_cu + character).min(end_cu);
            rope.char_to_byte(rope.utf16_cu_to_char(cu))
        }
    }
}

/// Byte range -> LSP range.
pub fn to_range(rope: &Rope, span: &std::ops::Range<usize>, enc: Encoding) -> Range {
    Range::new(to_position(rope, span.start, enc), to_position(rope, span.end, enc))
}

/// LSP range -> byte range (ordered: a reversed range is read as its reverse).
pub fn to_span(rope: &Rope, range: Range, enc: Encoding) -> std::ops::Range<usize> {
    let a = to_byte(rope, range.start, enc);
    let b = to_byte(rope, range.end, enc);
    a.min(b)..a.max(b)
}

/// Positions in a text that is not kept: the start of every line and the non-ASCII characters,
/// enough to convert byte offsets to LSP positions and back in either encoding, without the
/// text. Used for files read from disk (only their people are kept); a few bytes per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    len: usize,
    /// Byte offset of the start of every line (the first is 0).
    starts: Vec<usize>,
    /// The length of each line's break: 0 (the last line), 1 ("\n" or "\r") or 2 ("\r\n").
    breaks: Vec<u8>,
    /// Every non-ASCII character, in text order.
    wide: Vec<Wide>,
    /// Sum of `extra` over all of `wide`.
    total_extra: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Wide {
    at: usize,
    /// UTF-8 length (2 to 4).
    len: u8,
    /// UTF-8 bytes minus UTF-16 code units of all earlier wide characters.
    before: usize,
}

impl Wide {
    fn utf16(self) -> usize {
        if self.len == 4 { 2 } else { 1 }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex::from_chunks(std::iter::once(text))
    }

    /// The index of a rope's text, read chunk by chunk (no copy of the text): the publisher
    /// converts a whole document's findings with it, one binary search per offset instead of
    /// six walks down the rope.
    pub fn of_rope(rope: &Rope) -> LineIndex {
        LineIndex::from_chunks(rope.chunks())
    }

    /// The index of the text that is the concatenation of `chunks` (each whole characters; a
    /// "\r\n" may be split between two chunks).
    fn from_chunks<'a>(chunks: impl Iterator<Item = &'a str>) -> LineIndex {
        let mut starts = vec![0];
        let mut breaks = Vec::new();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut base = 0;
        // A "\r" ended the previous chunk: a "\n" starting this one belongs to its break.
        let mut cr_pending = false;
        for chunk in chunks {
            let bytes = chunk.as_bytes();
            let mut i = 0;
            if cr_pending && bytes.first() == Some(&b'\n') {
                *breaks.last_mut().expect("a pending break was pushed") = 2;
                *starts.last_mut().expect("a pending break pushed a start") += 1;
                i = 1;
            }
            cr_pending = false;
            while i < bytes.len() {
                i = skip_plain_ascii(bytes, i);
                let Some(&b) = bytes.get(i) else { break };
                if b < 0x80 {
                    if b == b'\n' || b == b'\r' {
                        let n = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                        cr_pending = b == b'\r' && i + 1 == bytes.len();
                        breaks.push(n as u8);
                        i += n;
                        starts.push(base + i);
                        continue;
                    }
                    i += 1;
                    continue;
                }
                let len = if b >= 0xF0 {
                    4
                } else if b >= 0xE0 {
                    3
                } else {
                    2
                };
                let w = Wide { at: base + i, len, before: extra };
                extra += len as usize - w.utf16();
                wide.push(w);
                i += len as usize;
            }
            base += bytes.len();
        }
        breaks.push(0);
        starts.shrink_to_fit();
        breaks.shrink_to_fit();
        wide.shrink_to_fit();
        LineIndex { len: base, starts, breaks, wide, total_extra: extra }
    }

    /// UTF-8 bytes minus UTF-16 code units of the characters before `byte`.
    fn extra_before(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|w| w.at < byte);
        self.wide.get(i).map_or(self.total_extra, |w| w.before)
    }

    /// The start of the character that contains `byte` (clamped to the text).
    fn floor_char_boundary(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.wide.partition_point(|w| w.at < byte);
        match i.checked_sub(1).map(|j| self.wide[j]) {
            Some(w) if w.at + w.len as usize > byte => w.at,
            _ => byte,
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        // The line whose start is the last one at or before `byte`; an offset between "\r" and
        // "\n" belongs to the line the break ends.
        self.starts.partition_point(|s| *s <= byte) - 1
    }

    fn content_end(&self, line: usize) -> usize {
        match self.starts.get(line + 1) {
            Some(next) => next - self.breaks[line] as usize,
            None => self.len,
        }
    }

    /// Byte offset -> LSP position (as [`to_position`] does with the text).
    pub fn position(&self, byte: usize, enc: Encoding) -> Position {
        let byte = self.floor_char_boundary(byte);
        let line = self.line_of(byte);
        let start = self.starts[line];
        let character = match enc {
            Encoding::Utf8 => byte - start,
            Encoding::Utf16 => (byte - start) - (self.extra_before(byte) - self.extra_before(start)),
        };
        Position::new(line as u32, character as u32)
    }

    /// LSP position -> byte offset (as [`to_byte`] does with the text).
    pub fn byte(&self, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let start = self.starts[line];
        let end = self.content_end(line);
        let character = pos.character as usize;
        match enc {
            Encoding::Utf8 => self.floor_char_boundary(start.saturating_add(character).min(end)),
            Encoding::Utf16 => {
                let mut b = start;
                let mut cu = 0;
                let first = self.wide.partition_point(|w| w.at < start);
                for w in self.wide[first..].iter().take_while(|w| w.at < end) {
                    let run = w.at - b;
                    if cu + run >= character {
                        return b + (character - cu);
                    }
                    cu += run;
                    if cu + w.utf16() > character {
                        return w.at; // inside a surrogate pair: the start of the character
                    }
                    cu += w.utf16();
                    b = w.at + w.len as usize;
                }
                (b + (character - cu.min(character))).min(end)
            }
        }
    }

    /// A reader of positions for byte offsets given in ascending order: one walk over the
    /// line starts and the non-ASCII characters instead of binary searches per offset.
    pub fn walker(&self, enc: Encoding) -> Walker<'_> {
        Walker { li: self, enc, line: 0, line_wide: 0, wide: 0, last: 0 }
    }
}

/// The first index at or after `i` of a byte that is a line break or not ASCII: eight bytes at
/// a time while none of them is (most of an article's text), then byte by byte.
fn skip_plain_ascii(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether some byte of `x` is zero (the classic bit trick; exact for the "has one" test).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let x = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
        if x & HIGH != 0 || has_zero(x ^ (ONES * u64::from(b'\n'))) || has_zero(x ^ (ONES * u64::from(b'\r'))) {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 || b == b'\n' || b == b'\r' {
            break;
        }
        i += 1;
    }
    i
}

/// The first index at or after `from` whose item fails `pred` (which holds for a prefix of
/// `v`, and up to `from`): steps of 1, 2, 4 … from `from`, then a binary search, so that a
/// walk costs O(log distance) per offset whether offsets are dense or sparse.
fn gallop<T>(v: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let mut lo = from.min(v.len());
    let mut hi = lo;
    let mut step = 1;
    while hi < v.len() && pred(&v[hi]) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(v.len());
    lo + v[lo..hi].partition_point(pred)
}

/// Positions of ascending byte offsets in a [`LineIndex`] ([`LineIndex::walker`]). An offset
/// smaller than the previous one starts the walk again from the top (still correct).
pub struct Walker<'a> {
    li: &'a LineIndex,
    enc: Encoding,
    /// The line of the previous offset.
    line: usize,
    /// The number of wide characters before the start of `line`.
    line_wide: usize,
    /// The number of wide characters that start before the previous offset.
    wide: usize,
    last: usize,
}

impl Walker<'_> {
    /// UTF-8 bytes minus UTF-16 code units of the first `n` wide characters.
    fn extra(&self, n: usize) -> usize {
        self.li.wide.get(n).map_or(self.li.total_extra, |w| w.before)
    }

    /// Byte offset -> LSP position (as [`LineIndex::position`]).
    pub fn position(&mut self, byte: usize) -> Position {
        let li = self.li;
        let mut byte = byte.min(li.len);
        if byte < self.last {
            (self.line, self.line_wide, self.wide) = (0, 0, 0);
        }
        self.last = byte;
        self.wide = gallop(&li.wide, self.wide, |w| w.at < byte);
        let mut before = self.wide;
        // Inside a character: its start.
        if let Some(w) = self.wide.checked_sub(1).map(|j| li.wide[j])
            && w.at + w.len as usize > byte
        {
            byte = w.at;
            before -= 1;
        }
        self.line = gallop(&li.starts, self.line + 1, |s| *s <= byte) - 1;
        let start = li.starts[self.line];
        self.line_wide = gallop(&li.wide, self.line_wide, |w| w.at < start);
        let character = match self.enc {
            Encoding::Utf8 => byte - start,
            Encoding::Utf16 => (byte - start) - (self.extra(before) - self.extra(self.line_wide)),
        };
        Position::new(self.line as u32, character as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    // “Curly” quotes (3 bytes, 1 UTF-16 unit), é (2 bytes, 1 unit), Cyrillic (2 bytes, 1 unit),
    // emoji (4 bytes, 2 units).
    const TEXT: &str = "Héllo “Путин” 🎉 said.\nSecond line é\r\nthird\rlast";

    #[test]
    fn utf16_round_trip_on_every_char_boundary() {
        let rope = Rope::from_str(TEXT);
        for (b, _) in TEXT.char_indices().chain(std::iter::once((TEXT.len(), ' '))) {
            if TEXT[..b].ends_with('\r') && TEXT[b..].starts_with('\n') {
                continue; // inside a "\r\n" line break: no position points there
            }
            let pos = to_position(&rope, b, Encoding::Utf16);
            assert_eq!(to_byte(&rope, pos, Encoding::Utf16), b, "byte {b} -> {pos:?}");
            let pos8 = to_position(&rope, b, Encoding::Utf8);
            assert_eq!(to_byte(&rope, pos8, Encoding::Utf8), b, "byte {b} -> {pos8:?}");
        }
    }

    #[test]
    fn utf16_columns_count_code_units() {
        let rope = Rope::from_str(TEXT);
        let emoji = TEXT.find('🎉').unwrap();
        // "Héllo “Путин” " = 5 + 1 + 1 + 5 + 1 + 1 = 14 UTF-16 units.
        assert_eq!(to_position(&rope, emoji, Encoding::Utf16), p(0, 14));
        // After the emoji: two more units.
        assert_eq!(to_position(&rope, emoji + 4, Encoding::Utf16), p(0, 16));
        // UTF-8 columns are bytes.
        assert_eq!(to_position(&rope, emoji, Encoding::Utf8), p(0, emoji as u32));
    }

    #[test]
    fn line_breaks_lf_crlf_cr() {
        let rope = Rope::from_str(TEXT);
        let third = TEXT.find("third").unwrap();
        let last = TEXT.find("last").unwrap();
        assert_eq!(to_position(&rope, third, Encoding::Utf16), p(2, 0));
        assert_eq!(to_position(&rope, last, Encoding::Utf16), p(3, 0));
    }

    #[test]
    fn past_the_end_clamps() {
        let rope = Rope::from_str(TEXT);
        // Past the end of line 1: clamps before "\r\n".
        let line1_end = TEXT.find("\r\n").unwrap();
        assert_eq!(to_byte(&rope, p(1, 999), Encoding::Utf16), line1_end);
        assert_eq!(to_byte(&rope, p(1, 999), Encoding::Utf8), line1_end);
        // Past the last line: end of the document.
        assert_eq!(to_byte(&rope, p(99, 0), Encoding::Utf16), TEXT.len());
        assert_eq!(to_position(&rope, TEXT.len() + 50, Encoding::Utf16), p(3, 4));
    }

    #[test]
    fn inside_a_character_snaps_to_its_start() {
        let rope = Rope::from_str(TEXT);
        let emoji = TEXT.find('🎉').unwrap();
        // Half a surrogate pair.
        assert_eq!(to_byte(&rope, p(0, 15), Encoding::Utf16), emoji);
        // The middle of the emoji's UTF-8 bytes.
        assert_eq!(to_byte(&rope, p(0, emoji as u32 + 2), Encoding::Utf8), emoji);
        assert_eq!(to_position(&rope, emoji + 1, Encoding::Utf8), p(0, emoji as u32));
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }

    #[test]
    fn line_index_agrees_with_the_rope() {
        let texts = [TEXT, "", "\n", "\r\n\r\n", "a\r", "é", "🎉🎉\n🎉", "x\r\ny\rz\n", "“a” — b\r\n\n c 🎉 d\u{200d}e"];
        for text in texts {
            let rope = Rope::from_str(text);
            let li = LineIndex::new(text);
            for b in 0..=text.len() + 2 {
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    assert_eq!(li.position(b, enc), to_position(&rope, b, enc), "{text:?} byte {b} {enc:?}");
                }
            }
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                // Ascending offsets in one walk, then a step back (the walk starts again).
                let mut w = li.walker(enc);
                let offsets: Vec<usize> = (0..=text.len() + 2).chain([1, 0, text.len() / 2, text.len()]).collect();
                for b in offsets {
                    assert_eq!(w.position(b), to_position(&rope, b, enc), "walker: {text:?} byte {b} {enc:?}");
                }
            }
            for line in 0..6 {
                for character in 0..12 {
                    for enc in [Encoding::Utf8, Encoding::Utf16] {
                        let pos = p(line, character);
                        assert_eq!(li.byte(pos, enc), to_byte(&rope, pos, enc), "{text:?} {pos:?} {enc:?}");
                    }
                }
            }
        }
    }

    /// A rope of many chunks (line breaks, "\r\n" pairs and wide characters near every chunk
    /// edge) gives the same index as its text, and the same positions as the rope.
    #[test]
    fn the_index_of_a_rope_is_the_index_of_its_text() {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec!["a", "bc ", "\n", "\r", "\r\n", "é", "“", "🎉", "plain ascii words "]);
        let text = prop::collection::vec(piece, 0..1500).prop_map(|v| v.concat());
        proptest!(ProptestConfig::with_cases(64), |(text in text, probes in prop::collection::vec(0usize..20_000, 1..40))| {
            let rope = Rope::from_str(&text);
            let li = LineIndex::of_rope(&rope);
            prop_assert_eq!(&li, &LineIndex::new(&text));
            for b in probes {
                let b = b % (text.len() + 3);
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    prop_assert_eq!(li.position(b, enc), to_position(&rope, b, enc));
                }
            }
        });
    }
}
