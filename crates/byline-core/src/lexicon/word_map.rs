//! Look-ups of short strings, the parse's most frequent question ("which form is this token",
//! "which word lists is this word in").
//!
//! A general hash map hashes a string byte by byte and then compares it with `memcmp`. Most
//! words are at most eight bytes long, so here a word's first eight bytes are read as one
//! integer ([`key`]): the hash comes from it (and from the rest of a longer word), and two short
//! words are equal when their lengths and those integers are, with no byte comparison.

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash and the first eight bytes (little-endian, zero above a shorter word) of
/// `b[start..end]`. Bytes of `b` after `end` may be read, never used.
#[inline(always)]
pub(crate) fn key(b: &[u8], start: usize, end: usize) -> (u64, u64) {
    let first = head(b, start, end);
    let mut hash = first ^ ((end - start) as u64).rotate_left(56);
    let mut at = start + 8;
    while at < end {
        hash = hash.wrapping_mul(K).rotate_left(5) ^ head(b, at, end.min(at + 8));
        at += 8;
    }
    (hash.wrapping_mul(K), first)
}

/// The first (up to) eight bytes of `b[start..end]` as a little-endian integer, zero above.
#[inline(always)]
fn head(b: &[u8], start: usize, end: usize) -> u64 {
    let n = (end - start).min(8);
    if let Some(w) = b.get(start..start + 8) {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if n == 8 { w } else { w & ((1u64 << (8 * n)) - 1) }
    } else {
        short_head(&b[start..start + n])
    }
}

/// `s` (fewer than eight bytes) as a little-endian integer: two overlapping reads of four or
/// two bytes, or the one byte (the bytes the reads share land on the same bits).
#[inline(always)]
fn short_head(s: &[u8]) -> u64 {
    let n = s.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as u64;
        let hi = u32::from_le_bytes([s[n - 4], s[n - 3], s[n - 2], s[n - 1]]) as u64;
        lo | hi << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([s[0], s[1]]) as u64;
        let hi = u16::from_le_bytes([s[n - 2], s[n - 1]]) as u64;
        lo | hi << (8 * (n - 2))
    } else {
        s.first().map_or(0, |&x| x as u64)
    }
}

/// A table position from a hash: the multiply leaves the high bits best mixed.
#[inline]
pub(crate) fn slot(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

/// A map from words to small values, built once (the lexicon's word classes).
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    /// Open addressing, linear probing: per slot an entry's index plus one (0: empty).
    slots: Vec<u32>,
    entries: Vec<(u64, u64, Box<str>, V)>,
}

impl<V: Copy> WordMap<V> {
    pub(crate) fn new(words: impl IntoIterator<Item = (String, V)>) -> WordMap<V> {
        let mut map = WordMap { slots: vec![0; 16], entries: Vec::new() };
        for (w, v) in words {
            map.insert(w, v);
        }
        map
    }

    /// The value of `w`.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        let b = w.as_bytes();
        let (hash, first) = key(b, 0, b.len());
        let mask = self.slots.len() - 1;
        let mut at = slot(hash, mask);
        loop {
            let e = self.slots[at];
            if e == 0 {
                return None;
            }
            let (h, f, k, v) = &self.entries[e as usize - 1];
            if *h == hash && *f == first && k.len() == b.len() && (b.len() <= 8 || k.as_bytes()[8..] == b[8..]) {
                return Some(*v);
            }
            at = (at + 1) & mask;
        }
    }

    /// Set the value of `w` (the first value stays when `w` is there already).
    fn insert(&mut self, w: String, v: V) {
        if self.get(&w).is_some() {
            return;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            self.slots = vec![0; size];
            for i in 0..self.entries.len() {
                self.place(i);
            }
        }
        let (hash, first) = key(w.as_bytes(), 0, w.len());
        self.entries.push((hash, first, w.into_boxed_str(), v));
        self.place(self.entries.len() - 1);
    }

    fn place(&mut self, i: usize) {
        let mask = self.slots.len() - 1;
        let mut at = slot(self.entries[i].0, mask);
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = i as u32 + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_map_answers_as_a_hash_map() {
        let words: Vec<String> = (0..3000).map(|i| format!("{}{i}", "abcdefghijklmnop".get(..i % 17).unwrap_or(""))).collect();
        let map = WordMap::new(words.iter().map(|w| (w.clone(), w.len() as u16)));
        for w in &words {
            assert_eq!(map.get(w), Some(w.len() as u16), "{w}");
            assert_eq!(map.get(&format!("{w}x")), words.contains(&format!("{w}x")).then_some(w.len() as u16 + 1));
        }
        assert_eq!(map.get(""), None);
    }

    /// A word at the very end of its slice (no eight bytes to read) has the head and hash it
    /// has with bytes after it.
    #[test]
    fn a_short_word_at_the_end_keys_as_one_followed_by_bytes() {
        let text = b"ab\xc3\xa9cdefghijklmnopqrst";
        for start in 0..6 {
            for end in start..text.len() {
                let alone = &text[start..end];
                assert_eq!(key(alone, 0, alone.len()), key(text, start, end), "{start}..{end}");
                let want = alone.iter().take(8).rev().fold(0u64, |h, &x| (h << 8) | x as u64);
                assert_eq!(key(alone, 0, alone.len()).1, want, "{start}..{end}");
            }
        }
    }
}
