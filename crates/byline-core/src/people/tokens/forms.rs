//! The form numbers of [`super::Tok::form`]: every token of an article asks for the number of
//! its text, so this is one of the parse's hottest look-ups, keyed as
//! [`crate::lexicon::word_map`] keys short strings (no `memcmp` for a word of eight bytes or
//! fewer).

use crate::lexicon::word_map::{key, slot};

/// Numbers the distinct byte strings of one text in order of first use.
pub(crate) struct Forms<'t> {
    text: &'t [u8],
    table: FormTable,
}

/// The numbering itself, apart from the text its positions point into: the incremental
/// analysis keeps it from one version of a document to the next
/// (`incremental/tokens.rs`), where the forms first used before an edit keep their numbers and
/// their positions.
#[derive(Debug, Default)]
pub(crate) struct FormTable {
    /// Open addressing, linear probing: per slot the form's index plus one (0: empty).
    slots: Vec<u32>,
    /// Per form, in order of first use.
    keys: Vec<Key>,
}

/// What a form is compared and re-hashed by.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    hash: u64,
    /// The first eight bytes (fewer for a shorter word, the rest zero), little-endian.
    head: u64,
    start: usize,
    len: usize,
}

impl Key {
    /// The same string at `start` (of a text where it has moved).
    pub(crate) fn at(self, start: usize) -> Key {
        Key { start, ..self }
    }
}

impl<'t> Forms<'t> {
    /// A numbering of the strings of `text`, sized for about `n` distinct ones.
    #[cfg(test)]
    pub(crate) fn new(text: &'t str, n: usize) -> Forms<'t> {
        Forms::with_table(text, FormTable::with_capacity(n))
    }

    /// A numbering of the strings of `text` that goes on from `table`, whose forms must be
    /// strings of `text` at the positions it holds.
    pub(crate) fn with_table(text: &'t str, table: FormTable) -> Forms<'t> {
        Forms { text: text.as_bytes(), table }
    }

    /// The numbering, for [`Forms::with_table`] later.
    pub(crate) fn into_table(self) -> FormTable {
        self.table
    }

    /// The number of `text[start..end]` (not empty): the number of distinct strings asked for
    /// before it, if it is new.
    #[inline(always)]
    pub(crate) fn id(&mut self, start: usize, end: usize) -> u32 {
        self.table.id(self.text, start, end)
    }

    /// How many distinct strings were numbered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table.keys.len()
    }
}

impl FormTable {
    /// An empty numbering with room for about `n` forms.
    pub(crate) fn with_capacity(n: usize) -> FormTable {
        let size = (n.max(8) * 2).next_power_of_two();
        FormTable { slots: vec![0; size], keys: Vec::with_capacity(n) }
    }

    /// How many forms are numbered.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The number of `text[start..end]`, numbered next when new.
    #[inline(always)]
    pub(crate) fn id(&mut self, text: &[u8], start: usize, end: usize) -> u32 {
        let (hash, head) = key(text, start, end);
        self.id_keyed(text, Key { hash, head, start, len: end - start })
    }

    /// The number of the string `k` describes (its hash and head as [`key`] gives them, its
    /// position in `text`), numbered next when new: a form already hashed once is not hashed
    /// again.
    #[inline(always)]
    pub(crate) fn id_keyed(&mut self, text: &[u8], k: Key) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = slot(k.hash, mask);
        loop {
            let e = self.slots[at];
            if e == 0 {
                break;
            }
            let o = self.keys[e as usize - 1];
            if o.hash == k.hash
                && o.head == k.head
                && o.len == k.len
                && (k.len <= 8 || text[o.start + 8..o.start + k.len] == text[k.start + 8..k.start + k.len])
            {
                return e - 1;
            }
            at = (at + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.keys.push(k);
        self.slots[at] = id + 1;
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// How many forms were first used before byte `at`: a form's key holds its first use, so
    /// the keys are in order of position.
    pub(crate) fn first_used_before(&self, at: usize) -> usize {
        self.keys.partition_point(|k| k.start < at)
    }

    /// Keep the first `n` forms only; the others' keys are returned, in number order.
    pub(crate) fn truncate(&mut self, n: usize) -> Vec<Key> {
        let dropped = self.keys.split_off(n.min(self.keys.len()));
        self.rehash(self.slots.len());
        dropped
    }

    fn grow(&mut self) {
        self.rehash(self.slots.len() * 2);
    }

    /// The slots again, `size` of them, from the keys' hashes.
    fn rehash(&mut self, size: usize) {
        let mask = size - 1;
        self.slots.clear();
        self.slots.resize(size, 0);
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
