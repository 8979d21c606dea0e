//! A short constant list of lower-case words that the patterns ask about every word they walk
//! over ("is this a determiner, a conjunction, a preposition that ends a noun phrase").
//!
//! A `contains` on a slice of strings compares the word with every entry in turn; the lists
//! hold up to forty words and most words asked about are in none of them. [`WordList`] keeps,
//! per first byte, the lengths its entries have (one bit each, found when the constant is
//! built), so a word with no entry of its first byte and length is answered by one look-up;
//! only a word that passes is compared with the entries.

/// A list of words (non-empty), with the lengths of its entries per first byte.
pub(crate) struct WordList {
    words: &'static [&'static str],
    /// Bit `min(len, 63)` of `lengths[first byte & 31]` is set when an entry has that first
    /// byte (up to the bits the mask drops) and length.
    lengths: [u64; 32],
}

impl WordList {
    /// The list of `words`, none empty (checked when the constant is built).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordList {
        let mut lengths = [0u64; 32];
        let mut i = 0;
        while i < words.len() {
            let b = words[i].as_bytes();
            assert!(!b.is_empty(), "a WordList entry is empty");
            let len = if b.len() > 63 { 63 } else { b.len() };
            lengths[(b[0] & 31) as usize] |= 1 << len;
            i += 1;
        }
        WordList { words, lengths }
    }

    /// Whether `w` is one of the words (exactly, case included): what `contains` on the slice
    /// of the words answers.
    #[inline]
    pub(crate) fn contains(&self, w: &&str) -> bool {
        let b = w.as_bytes();
        let Some(&first) = b.first() else { return false };
        self.lengths[(first & 31) as usize] & (1 << b.len().min(63)) != 0 && self.words.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::WordList;

    const LIST: WordList =
        WordList::new(&["a", "the", "them", "g", "'s", "very-long-word-of-more-than-sixty-three-bytes-for-the-last-bit-x"]);

    #[test]
    fn answers_as_the_slice_does() {
        for w in ["a", "the", "them", "g", "'s", "very-long-word-of-more-than-sixty-three-bytes-for-the-last-bit-x"] {
            assert!(LIST.contains(&w), "{w}");
        }
        let long_other = "very-long-word-of-more-than-sixty-three-bytes-for-the-last-bit-y";
        for w in ["", "b", "The", "then", "thee", "'", "s", "ga", "A", "an", "them ", long_other] {
            assert!(!LIST.contains(&w), "{w:?}");
        }
    }
}
