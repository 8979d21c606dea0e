//! The attribution cue phrases of a tokenised text, found by visiting its word starts rather
//! than its bytes.
//!
//! [`PhraseSet::find_each`] walks every byte of the text and tries each of its phrase lists at
//! every word start. The document has already found its words ([`Tok`]), and the cue lists
//! (reporting verbs, vague phrasings, anonymity markers) only hold phrases that start with a
//! letter or digit, so a match can only start where a word does. Whether a list can match at
//! a word start at all depends on the word's first run of letters and digits: a phrase that
//! matches there either is that run (it ends with a letter or digit, so the word must end with
//! it) or starts with the run and a character that is no letter or digit. So the question
//! "does some phrase of the list start with this run" is asked once per distinct token form,
//! and the trie is walked from a word start only for the few words that pass it.

use crate::lexicon::{PhraseMatch, PhraseSet};
use crate::people::tokens::Tok;
use crate::text::is_alnum;

/// A form's answer not asked for yet.
const UNKNOWN: u8 = 1 << 7;
/// A form with a joiner (an apostrophe or a hyphen between letters) inside, after which
/// another word starts.
const JOINER: u8 = 1 << 6;
/// All lists: bits 0 to 5.
const ALL: u8 = JOINER - 1;

/// [`PhraseSet::find_each`] of `sets` in `text`, given the tokens of `text`. Falls back to the
/// byte scan when a list has a phrase that starts with another character.
pub(crate) fn find_each<const N: usize>(sets: [&PhraseSet; N], text: &str, toks: &[Tok]) -> [Vec<PhraseMatch>; N] {
    const { assert!(N <= 6, "one bit per list below JOINER") };
    if !sets.iter().all(|s| s.starts_at_words_only()) {
        return PhraseSet::find_each(sets, text);
    }
    let b = text.as_bytes();
    let mut out: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
    let mut last_end = [0usize; N];
    let forms = toks.iter().map(|t| t.form as usize + 1).max().unwrap_or(0);
    // Per form: bit k set when a phrase of list k may start at the form's first byte, and
    // JOINER.
    let mut may_start = vec![UNKNOWN; forms];
    let mut try_at = |s: usize, lists: u8, out: &mut [Vec<PhraseMatch>; N]| {
        for k in 0..N {
            if lists & (1 << k) == 0 || s < last_end[k] {
                continue;
            }
            let node = sets[k].start_node(b[s]);
            if node != 0
                && let Some(m) = sets[k].longest_at(text, s, node)
            {
                last_end[k] = m.span.end;
                out[k].push(m);
            }
        }
    };
    for t in toks {
        let f = t.form as usize;
        if may_start[f] == UNKNOWN {
            let run_end = first_run_end(text, t.start, t.end);
            // The only other character a form holds is an initial's full stop ("V.").
            let joiner = if run_end < t.end && b[run_end] != b'.' { JOINER } else { 0 };
            let run = &b[t.start..run_end];
            may_start[f] = (0..N).filter(|&k| sets[k].walks_through(run)).fold(joiner, |bits, k| bits | 1 << k);
        }
        if may_start[f] & ALL != 0 {
            try_at(t.start, may_start[f], &mut out);
        }
        // Words start inside a token after an apostrophe or a hyphen ("O'Brien", "pro-Trump",
        // the "s" of a possessive, which the form leaves out): rare, tried the slow way.
        if may_start[f] & JOINER != 0 || t.end < t.run_end {
            let mut prev_word = true;
            let mut i = t.start;
            while i < t.run_end {
                let c = text[i..].chars().next().unwrap_or(' ');
                let word = is_alnum(c);
                if word && !prev_word {
                    try_at(i, ALL, &mut out);
                }
                prev_word = word;
                i += c.len_utf8();
            }
        }
    }
    out
}

/// The end of the run of letters and digits that starts at `start`, before `end`.
fn first_run_end(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = b[i];
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if !is_alnum(ch) {
                break;
            }
            i += ch.len_utf8();
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::people::tokens::tokenize;

    /// The word-start scan finds what the byte scan finds, on texts made of the cue phrases'
    /// words, possessives, joiners, initials and noise.
    #[test]
    fn matches_the_byte_scan() {
        let lex = Lexicon::bundled();
        let sets = [&lex.reporting_verbs, &lex.vague, &lex.anonymous];
        assert!(sets.iter().all(|s| s.starts_at_words_only()), "the cue lists take the fast path");
        let mut vocab: Vec<String> = Vec::new();
        for set in sets {
            for r in set.rules().iter().take(300) {
                vocab.extend(r.pattern.split([' ', ';', '(', ')', '[', ']', '|', '^', '$']).filter(|w| !w.is_empty()).map(str::to_string));
            }
        }
        let noise = [
            " ", " ", "  ", ", ", ". ", "\n", "'s ", "’s ", "' ", "-", "'", "’", "‑", "é", "“", "—", "V. ", "O'", "x", "1", "Ünder ", "s",
        ];
        let mut next = crate::test_rng::below();
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next(40) {
                if next(3) == 0 {
                    t.push_str(noise[next(noise.len())]);
                } else {
                    let w = &vocab[next(vocab.len())];
                    t.push_str(&if next(4) == 0 { w.to_uppercase() } else { w.clone() });
                    if next(2) == 0 {
                        t.push(' ');
                    }
                }
            }
            let toks = tokenize(&t);
            assert_eq!(find_each(sets, &t, &toks), PhraseSet::find_each(sets, &t), "{t:?}");
        }
    }

    /// A list with a phrase that starts with punctuation is scanned byte by byte.
    #[test]
    fn a_phrase_starting_with_punctuation_takes_the_byte_scan() {
        let set = PhraseSet::parse("/ap)\nsaid\n");
        assert!(!set.starts_at_words_only());
        let t = "He said (Reuters/AP) so.";
        let [m] = find_each([&set], t, &tokenize(t));
        assert_eq!(m.iter().map(|m| &t[m.span.clone()]).collect::<Vec<_>>(), ["said", "/AP)"]);
    }
}
