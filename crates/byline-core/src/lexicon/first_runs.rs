//! Which phrase lists may match at a word, from the word's first run of letters and digits,
//! for several lists in one walk.
//!
//! A phrase that matches where a word starts either is the word's first run of letters and
//! digits or starts with it and a character that is neither (`document/cues.rs`), so the run is
//! a prefix of the phrase's own first run. One trie of the first runs of the phrases of every
//! list, each node marked with the lists that have it, answers for all the lists at once: the
//! separate tries would be walked once per list.

use super::{PhraseSet, is_word_char};

/// The first runs of the phrases of up to fourteen lists, as a trie over byte classes (ASCII
/// case-insensitive, like [`PhraseSet`]'s). Node 0 is the root and also means "no node".
#[derive(Clone, Debug)]
pub(crate) struct FirstRuns {
    /// The class of each byte (0: in no first run); upper-case ASCII shares its lower-case
    /// letter's.
    class: [u8; 256],
    classes: usize,
    /// `next[node * classes + class]`: the child (0: none).
    next: Vec<u32>,
    /// Per node: bit `k` when a first run of list `k` passes through it.
    lists: Vec<u16>,
}

impl FirstRuns {
    pub(crate) fn new(sets: &[&PhraseSet]) -> FirstRuns {
        assert!(sets.len() <= 14, "one bit per list, two left for the memo's marks");
        let mut runs: Vec<(usize, Vec<u8>)> = Vec::new();
        for (k, set) in sets.iter().enumerate() {
            for (_, phrase, _, _) in set.phrases() {
                let end = phrase.char_indices().find(|&(_, c)| !is_word_char(c)).map_or(phrase.len(), |(i, _)| i);
                runs.push((k, phrase.as_bytes()[..end].to_vec()));
            }
        }
        let (class, classes) = super::byte_classes(runs.iter().map(|(_, run)| &run[..]));
        let mut next = vec![0u32; classes];
        let mut lists = vec![0u16];
        for (k, run) in &runs {
            let mut n = 0usize;
            for &b in run {
                let at = n * classes + class[b as usize] as usize;
                if next[at] == 0 {
                    next[at] = lists.len() as u32;
                    lists.push(0);
                    next.extend(std::iter::repeat_n(0, classes));
                }
                n = next[at] as usize;
                lists[n] |= 1 << k;
            }
        }
        FirstRuns { class, classes, next, lists }
    }

    /// The lists (bit `k` for list `k`) with a phrase whose first run starts with `run` (ASCII
    /// case-insensitive; `run` not empty).
    #[inline]
    pub(crate) fn lists(&self, run: &[u8]) -> u16 {
        let mut node = 0usize;
        for &b in run {
            node = self.next[node * self.classes + self.class[b as usize] as usize] as usize;
            if node == 0 {
                return 0;
            }
        }
        self.lists[node]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_of_several_lists_in_one_walk() {
        let a = PhraseSet::parse("said\nsaid that\nit is (feared|believed)\n");
        let b = PhraseSet::parse("sources (said|say)\nsa\n^photo: x\n");
        let runs = FirstRuns::new(&[&a, &b]);
        assert_eq!(runs.lists(b"sa"), 0b11);
        assert_eq!(runs.lists(b"SAI"), 0b01);
        assert_eq!(runs.lists(b"said"), 0b01);
        assert_eq!(runs.lists(b"saidx"), 0);
        assert_eq!(runs.lists(b"sources"), 0b10);
        assert_eq!(runs.lists(b"photo"), 0b10);
        assert_eq!(runs.lists(b"feared"), 0, "not a first run");
        assert_eq!(runs.lists(b"it"), 0b01);
        for w in ["sa", "said", "saidx", "sources", "photo", "feared", "it", "i", "x"] {
            let walk = [&a, &b].iter().enumerate().filter(|(_, s)| s.walks_through(w.as_bytes())).fold(0, |m, (k, _)| m | 1 << k);
            assert_eq!(runs.lists(w.as_bytes()), walk, "{w}");
        }
    }
}
