//! The form numbers of [`super::Tok::form`]: every token of an article asks for the number of
//! its text, so this is one of the parse's hottest look-ups, keyed as
//! [`crate::lexicon::word_map`] keys short strings (no `memcmp` for a word of eight bytes or
//! fewer).

use crate::lexicon::word_map::{key, slot};

/// Numbers the distinct byte strings of one text in order of first use.
pub(crate) struct Forms<'t> {
    text: &'t [u8],
    /// Open addressing, linear probing: per slot the form's index plus one (0: empty).
    slots: Vec<u32>,
    /// Per form, in order of first use.
    keys: Vec<Key>,
}

/// What a form is compared and re-hashed by.
#[derive(Clone, Copy)]
struct Key {
    hash: u64,
    /// The first eight bytes (fewer for a shorter word, the rest zero), little-endian.
    head: u64,
    start: usize,
    len: usize,
}

impl<'t> Forms<'t> {
    /// A numbering of the strings of `text`, sized for about `n` distinct ones.
    pub(crate) fn new(text: &'t str, n: usize) -> Forms<'t> {
        let size = (n.max(8) * 2).next_power_of_two();
        Forms { text: text.as_bytes(), slots: vec![0; size], keys: Vec::with_capacity(n) }
    }

    /// The number of `text[start..end]` (not empty): the number of distinct strings asked for
    /// before it, if it is new.
    #[inline(always)]
    pub(crate) fn id(&mut self, start: usize, end: usize) -> u32 {
        let len = end - start;
        let (hash, first) = key(self.text, start, end);
        let mask = self.slots.len() - 1;
        let mut at = slot(hash, mask);
        loop {
            let e = self.slots[at];
            if e == 0 {
                break;
            }
            let k = self.keys[e as usize - 1];
            if k.hash == hash
                && k.head == first
                && k.len == len
                && (len <= 8 || self.text[k.start + 8..k.start + len] == self.text[start + 8..end])
            {
                return e - 1;
            }
            at = (at + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.keys.push(Key { hash, head: first, start, len });
        self.slots[at] = id + 1;
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// How many distinct strings were numbered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.keys.len()
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let mask = size - 1;
        self.slots = vec![0; size];
        for (i, k) in self.keys.iter().enumerate() {
            let mut at = slot(k.hash, mask);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = i as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans of the words of `text` separated by single spaces.
    fn spans(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            if !w.is_empty() {
                out.push((at, at + w.len()));
            }
            at += w.len() + 1;
        }
        out
    }

    #[test]
    fn equal_strings_share_a_number_in_order_of_first_use() {
        let text = "said said Said a saidx abcdefghij abcdefghik abcdefgh abcdefghij a";
        let mut forms = Forms::new(text, 1);
        let ids: Vec<u32> = spans(text).into_iter().map(|(s, e)| forms.id(s, e)).collect();
        assert_eq!(ids, [0, 0, 1, 2, 3, 4, 5, 6, 4, 2]);
        assert_eq!(forms.len(), 7);
    }

    #[test]
    fn many_forms_grow_the_table_and_agree_with_a_hash_map() {
        let text: String = (0..5000).map(|i| format!("w{i} w{} {i}abcdefghijklmnopq{} ", i / 2, i % 7)).collect();
        let mut forms = Forms::new(&text, 4);
        let mut by_hand: std::collections::HashMap<&str, u32> = Default::default();
        for (s, e) in spans(&text) {
            let n = by_hand.len() as u32;
            assert_eq!(forms.id(s, e), *by_hand.entry(&text[s..e]).or_insert(n), "{}", &text[s..e]);
        }
        assert_eq!(forms.len(), by_hand.len());
    }
}
