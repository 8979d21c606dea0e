//! The class bits of every token, found once per distinct word of the article ([`Tok::form`])
//! and, for the bundled lists, once per distinct word seen on this thread.
//!
//! Why a table of its own: classifying a word means lower-casing it and several hash look-ups,
//! and whether the article also uses it in lower case ([`LOWER_USED`]) was one more set of the
//! article's lower-case words. Most words of an article were seen in the articles before it, so
//! the table keeps, per word as written, its article-independent classes and a number for its
//! lower-case form (and for itself, when it starts in lower case): one hash look-up per distinct
//! word of the article, and "used in lower case here" is a stamp per number, not a hash set.

use super::super::lexicon::{FxHashMap, PeopleLexicon, with_lower};
use super::super::tokens::Tok;
use super::{LOWER_PART, LOWER_USED, PARTICLE, PARTICLE_CI, PARTICLE_INNER, STOP, VERB_FORM, VERB_STOP, vocab};
use std::cell::RefCell;

/// Past this many words the table starts again (a bound on its memory, ~20 MB).
const MAX: usize = 200_000;

/// What is known of one word as written, whatever the article.
#[derive(Clone, Copy)]
struct WordFacts {
    /// Its classes with the bundled lists ([`word_classes`]).
    cls: u32,
    /// The number of its lower-case form.
    lower: u32,
    /// The number of the word itself when it starts with a lower-case letter (a use of that
    /// lower-case string in lower case), else `NONE`.
    itself: u32,
}

const NONE: u32 = u32::MAX;

#[derive(Default)]
struct Table {
    /// Words of at most 15 bytes (most), by [`short_key`].
    short: FxHashMap<(u64, u64), WordFacts>,
    /// Longer words.
    long: FxHashMap<Box<str>, WordFacts>,
    /// Lower-case strings (and words written starting in lower case) -> their number.
    numbers: FxHashMap<Box<str>, u32>,
    /// Per number: the last article (its `round`) that used the string in lower case.
    used_in: Vec<u32>,
    round: u32,
}

impl Table {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.used_in.len() as u32;
        self.numbers.insert(s.into(), n);
        self.used_in.push(0);
        n
    }

    fn facts(&mut self, w: &str) -> WordFacts {
        let key = short_key(w);
        let known = match key {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        };
        if let Some(&f) = known {
            return f;
        }
        let starts_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        let (cls, lower) = with_lower(w, |l| (word_classes(w, l, PeopleLexicon::bundled()), self.number(l)));
        let itself = if starts_lower { self.number(w) } else { NONE };
        let f = WordFacts { cls, lower, itself };
        match key {
            Some(k) => self.short.insert(k, f),
            None => self.long.insert(w.into(), f),
        };
        f
    }

    /// A new article: a fresh round (the table starts again when full).
    fn start_article(&mut self, words: usize) {
        if self.short.len() + self.long.len() + words > MAX || self.round == u32::MAX {
            *self = Table::default();
        }
        self.round += 1;
    }
}

/// A word of at most 15 bytes as two integers: its bytes, zero-padded, and its length in the
/// last byte (so no two words share a key). Hashing and comparing two integers is cheaper than
/// hashing and comparing a string, and this is done once per distinct word of every article.
fn short_key(w: &str) -> Option<(u64, u64)> {
    let b = w.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    buf[15] = b.len() as u8;
    let (lo, hi) = buf.split_at(8);
    Some((u64::from_le_bytes(lo.try_into().unwrap_or_default()), u64::from_le_bytes(hi.try_into().unwrap_or_default())))
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The class bits of each token of `toks` (tokens of `text`), [`LOWER_USED`] included: a word
/// is used in lower case when its lower-case form is a word of the article that starts in lower
/// case ("Black" where "black" also appears; "iphone" for "iPhone" only if written so).
pub(super) fn token_classes(text: &str, toks: &[Tok], lex: &PeopleLexicon) -> Vec<u32> {
    // An article of more words than the table holds gets a table of its own, dropped after it,
    // so that the thread's table stays bounded (one article's words are never dropped midway:
    // their numbers are in use).
    if toks.len() > MAX {
        return Table::default().token_classes(text, toks, lex);
    }
    TABLE.with(|table| table.borrow_mut().token_classes(text, toks, lex))
}

impl Table {
    fn token_classes(&mut self, text: &str, toks: &[Tok], lex: &PeopleLexicon) -> Vec<u32> {
        let bundled = std::ptr::eq(lex, PeopleLexicon::bundled());
        self.start_article(toks.len());
        let round = self.round;
        // Per form, in form order (a form's number is its first token's rank among firsts).
        let mut forms: Vec<(u32, u32)> = Vec::with_capacity(toks.len() / 2 + 1);
        for t in toks {
            if t.form as usize != forms.len() {
                continue;
            }
            let w = t.text(text);
            let f = self.facts(w);
            if f.itself != NONE {
                self.used_in[f.itself as usize] = round;
            }
            let cls = if bundled { f.cls } else { with_lower(w, |l| word_classes(w, l, lex)) };
            forms.push((cls, f.lower));
        }
        let form_cls: Vec<u32> =
            forms.iter().map(|&(c, lower)| if self.used_in[lower as usize] == round { c | LOWER_USED } else { c }).collect();
        toks.iter().map(|t| form_cls[t.form as usize]).collect()
    }
}

/// The classes of the word `w` (lower-case form `l`) that do not depend on the article.
fn word_classes(w: &str, l: &str, lex: &PeopleLexicon) -> u32 {
    let mut c = lex.classify_lower(w, l);
    let short = vocab::short_words().get(l).copied().unwrap_or(0);
    // ("WHO spokesperson": an acronym is not the pronoun.)
    let acronym = w.chars().count() >= 2 && !w.chars().any(|c| c.is_lowercase());
    c |= short & !(VERB_STOP | VERB_FORM | PARTICLE_INNER | if acronym { STOP } else { 0 });
    // The particles are lower case: as written only when `w` is.
    if (short & (PARTICLE_CI | PARTICLE_INNER) != 0 && l == w) || w.starts_with("al-") || w.starts_with("el-") {
        c |= PARTICLE;
    }
    // So are the verbs and prepositions that end a role.
    if l == w {
        c |= short & (VERB_STOP | VERB_FORM);
    }
    // "Last-ditch": a part after a hyphen starts in lower case.
    if w.split(['-', '‑']).skip(1).any(|part| part.chars().next().is_some_and(|c| c.is_lowercase())) {
        c |= LOWER_PART;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::{MAX, short_key, token_classes};
    use crate::people::lexicon::PeopleLexicon;
    use crate::people::tokens::tokenize;

    #[test]
    fn an_article_longer_than_the_table_gets_the_same_classes() {
        let one = "Jane Roe said the black Black Rider rode. ";
        let big = one.repeat(MAX / 8 + 1);
        let (small_toks, big_toks) = (tokenize(one), tokenize(&big));
        assert!(big_toks.len() > MAX);
        let lex = PeopleLexicon::bundled();
        let small = token_classes(one, &small_toks, lex);
        let big = token_classes(&big, &big_toks, lex);
        assert!(big.chunks(small.len()).all(|c| c == small), "{small:?}");
        // ("black" makes "Black" a word used in lower case.)
        assert_ne!(small[5] & super::LOWER_USED, 0);
    }

    #[test]
    fn short_keys_tell_every_short_word_apart() {
        let words = ["", "a", "a\0", "ab", "ba", "Roe", "roe", "fifteen-letters", "sixteen-letters!", "é", "e"];
        let keys: Vec<_> = words.iter().map(|w| short_key(w)).collect();
        assert_eq!(keys[8], None);
        for i in 0..words.len() {
            for j in 0..words.len() {
                if i != j && keys[i].is_some() {
                    assert_ne!(keys[i], keys[j], "{:?} {:?}", words[i], words[j]);
                }
            }
        }
    }
}
