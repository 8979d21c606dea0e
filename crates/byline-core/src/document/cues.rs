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
//! "does some phrase of the list start with this run" is asked once per distinct token form
//! ([`StartMemo`], for the cue lists and the boilerplate list in one walk), and the trie is
//! walked from a word start only for the few words that pass it. The boilerplate test of a
//! sentence ([`any_in`]) also visits the places of the list's few phrases that start with
//! punctuation ("/ap)"). A list with a phrase that starts with another byte (a user's list may
//! have one) is scanned byte by byte, as before.

use crate::Span;
use crate::lexicon::first_runs::FirstRuns;
use crate::lexicon::{Lexicon, PhraseMatch, PhraseSet};
use crate::people::tokens::Tok;
use crate::text::is_alnum;
use std::cell::Cell;

/// A form's answer not asked for yet.
const UNKNOWN: u16 = 1 << 15;
/// [`UNKNOWN`], for answers handed to [`StartMemo::from_answers`].
pub(crate) const NOT_ASKED: u16 = UNKNOWN;
/// A form with a joiner (an apostrophe or a hyphen between letters) inside, after which
/// another word starts.
const JOINER: u16 = 1 << 14;
/// All lists: bits 0 to 13.
const ALL: u16 = JOINER - 1;

/// Per token form of one document, for the lists of [`Lexicon::word_start_lists`]: whether a
/// phrase of list `k` may start at a word of this form (bit `k`), and [`JOINER`]. Found when
/// first asked, for all the lists in one walk ([`FirstRuns`]). The answers sit in cells so
/// that the claim rules can share one memo of the document's forms through `&`
/// (`claims::document::Doc`).
pub(crate) struct StartMemo<'l> {
    sets: [&'l PhraseSet; 8],
    runs: &'l FirstRuns,
    bits: Vec<Cell<u16>>,
    /// How many forms have no answer yet ([`StartMemo::answers`] walks the tokens only while
    /// some have none).
    unknown: Cell<usize>,
}

impl<'l> StartMemo<'l> {
    /// A memo for the forms of `toks`.
    pub(crate) fn new(toks: &[Tok], lex: &'l Lexicon) -> StartMemo<'l> {
        let (sets, runs) = lex.word_start_lists();
        let forms = toks.iter().map(|t| t.form as usize + 1).max().unwrap_or(0);
        StartMemo { sets, runs, bits: vec![Cell::new(UNKNOWN); forms], unknown: Cell::new(forms) }
    }

    /// A memo for the forms of `toks` that starts from `known`, the answers of another memo of
    /// the same tokens ([`StartMemo::answers`]), when it has one per form: the claim rules
    /// take the parse's, which has asked about every form, instead of walking the trie again.
    pub(crate) fn with_answers(toks: &[Tok], lex: &'l Lexicon, known: &[u16]) -> StartMemo<'l> {
        let forms = toks.iter().map(|t| t.form as usize + 1).max().unwrap_or(0);
        if known.len() == forms { StartMemo::from_answers(lex, known) } else { StartMemo::new(toks, lex) }
    }

    /// A memo whose answers per form are `known` ([`NOT_ASKED`] where none is): the
    /// incremental parse's, which has the previous version's answers for the forms it kept.
    pub(crate) fn from_answers(lex: &'l Lexicon, known: &[u16]) -> StartMemo<'l> {
        let (sets, runs) = lex.word_start_lists();
        let unknown = known.iter().filter(|&&b| b == UNKNOWN).count();
        StartMemo { sets, runs, bits: known.iter().map(|&b| Cell::new(b)).collect(), unknown: Cell::new(unknown) }
    }

    /// The answers found so far, per form (`UNKNOWN` where none was asked for), after asking
    /// about every token of `toks` (tokens of the memo's forms, of `text`).
    pub(crate) fn answers(&self, text: &str, toks: &[Tok]) -> Vec<u16> {
        // (The cue matches have usually asked about every form already.)
        if self.unknown.get() > 0 {
            for t in toks {
                self.bits(text, t);
            }
        }
        self.bits.iter().map(Cell::get).collect()
    }

    /// The bit of `set` (one of the memo's lists, the same list by address).
    fn bit_of(&self, set: &PhraseSet) -> Option<u16> {
        self.sets.iter().position(|s| std::ptr::eq(*s, set)).map(|k| 1 << k)
    }

    /// The bits of the form of `t`, a token of `text`.
    #[inline(always)]
    fn bits(&self, text: &str, t: &Tok) -> u16 {
        let cell = &self.bits[t.form as usize];
        if cell.get() == UNKNOWN {
            let b = text.as_bytes();
            let run_end = first_run_end(text, t.start, t.end);
            // The only other character a form holds is an initial's full stop ("V.").
            let joiner = if run_end < t.end && b[run_end] != b'.' { JOINER } else { 0 };
            cell.set(joiner | self.runs.lists(&b[t.start..run_end]));
            self.unknown.set(self.unknown.get() - 1);
        }
        cell.get()
    }
}

/// Calls `visit(i, lists)` at each word start `i` of `toks` (tokens of `text`, in order) where a
/// phrase of a list of `mask` (bits of `memo`) may start, `lists` holding the bits of the lists
/// that may, while it returns true.
fn word_starts(text: &str, toks: &[Tok], memo: &StartMemo, mask: u16, mut visit: impl FnMut(usize, u16) -> bool) {
    for t in toks {
        let bits = memo.bits(text, t);
        if bits & mask != 0 && !visit(t.start, bits) {
            return;
        }
        // Words start inside a token after an apostrophe or a hyphen ("O'Brien", "pro-Trump",
        // the "s" of a possessive, which the form leaves out): rare, tried the slow way.
        if bits & JOINER != 0 || t.end < t.run_end {
            let mut prev_word = true;
            let mut i = t.start;
            while i < t.run_end {
                let c = text[i..].chars().next().unwrap_or(' ');
                let word = is_alnum(c);
                if word && !prev_word && !visit(i, ALL) {
                    return;
                }
                prev_word = word;
                i += c.len_utf8();
            }
        }
    }
}

/// [`PhraseSet::find_each`] of `sets` in `text`, given the tokens of `text` and a memo of their
/// forms that has the lists. Falls back to the byte scan when a list has a phrase that starts
/// with another character, or the memo lacks one.
pub(crate) fn find_each<const N: usize>(sets: [&PhraseSet; N], text: &str, toks: &[Tok], memo: &StartMemo) -> [Vec<PhraseMatch>; N] {
    let bits: [Option<u16>; N] = std::array::from_fn(|k| memo.bit_of(sets[k]).filter(|_| sets[k].starts_at_words_only()));
    if bits.iter().any(Option::is_none) {
        return PhraseSet::find_each(sets, text);
    }
    let bits = bits.map(|b| b.unwrap_or(0));
    let mask = bits.iter().fold(0, |m, b| m | b);
    let b = text.as_bytes();
    let mut out: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
    let mut last_end = [0usize; N];
    word_starts(text, toks, memo, mask, |s, lists| {
        for k in 0..N {
            if lists & bits[k] == 0 || s < last_end[k] {
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
        true
    });
    out
}

/// [`PhraseSet::any`] of `set` on the slice `text[span]` (what a scan of that slice alone
/// finds: its start and end are line ends to the anchors, its edges word boundaries), from the
/// word starts of `toks`, the tokens of `text` that start in `span`, and the places of the
/// list's phrases that start with punctuation. `None` when the tokens cannot answer (a token
/// runs on past the span's end, a phrase starts with a character that is not ASCII, the memo
/// lacks the list): then the caller scans the slice.
pub(crate) fn any_in(
    set: &PhraseSet,
    text: &str,
    span: Span,
    toks: &[Tok],
    memo: &StartMemo,
    mut pred: impl FnMut(&PhraseMatch) -> bool,
) -> Option<bool> {
    let mask = memo.bit_of(set)?;
    if toks.last().is_some_and(|t| t.run_end > span.end) {
        return None;
    }
    let slice = &text[span.clone()];
    let sb = slice.as_bytes();
    // Places where a phrase starting with punctuation may match, in order.
    let mut punct: Vec<usize> = Vec::new();
    for &c in set.punctuation_starts()? {
        punct.extend(memchr::memchr_iter(c, sb));
    }
    punct.sort_unstable();
    let (mut next_punct, mut last_end, mut found) = (0, 0, false);
    let mut try_at = |i: usize| {
        if i < last_end {
            return true;
        }
        let node = set.start_node(sb[i]);
        if node != 0
            && let Some(m) = set.longest_at(slice, i, node)
        {
            last_end = m.span.end;
            found = pred(&m);
            return !found;
        }
        true
    };
    let mut go_on = true;
    word_starts(text, toks, memo, mask, |i, _| {
        let i = i - span.start;
        while go_on && next_punct < punct.len() && punct[next_punct] < i {
            go_on = try_at(punct[next_punct]);
            next_punct += 1;
        }
        go_on = go_on && try_at(i);
        go_on
    });
    while go_on && next_punct < punct.len() {
        go_on = try_at(punct[next_punct]);
        next_punct += 1;
    }
    Some(found)
}

/// [`PhraseSet::find_first`] of `set` on the slice `text[span]`, from the word starts of the
/// tokens of `text` (`toks`: all of them, in order) that start in `span` ([`any_in`]), for the
/// claim rules, which ask this of a sentence. A token running into the span from before it, or
/// anything else [`any_in`] cannot answer exactly, sends the question to the scan of the slice.
/// `text` may be the ASCII lower-case copy of the tokens' text: it has the same offsets, the
/// same word starts and the same matches (matching is ASCII case-insensitive).
pub(crate) fn find_first_in(
    set: &PhraseSet,
    text: &str,
    span: Span,
    toks: &[Tok],
    memo: &StartMemo,
    mut pred: impl FnMut(&PhraseMatch) -> bool,
) -> Option<PhraseMatch> {
    let first = toks.partition_point(|t| t.start < span.start);
    let last = first + toks[first..].partition_point(|t| t.start < span.end);
    if first == 0 || toks[first - 1].run_end <= span.start {
        let mut found = None;
        let answered = any_in(set, text, span.clone(), &toks[first..last], memo, |m| {
            let hit = pred(m);
            if hit {
                found = Some(m.clone());
            }
            hit
        });
        if answered.is_some() {
            return found;
        }
    }
    set.find_first(&text[span], pred)
}

/// The end of the run of letters and digits that starts at `start` (a token's start), before
/// `end` (its end). A token holds letters and digits, joiners (`'`, `-`, `’`, `‑`) and an
/// initial's full stop, so the run ends at the first of those; a byte of a longer character is
/// decoded to tell a letter from a joiner.
#[inline(always)]
fn first_run_end(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        if !STOPS[b[i] as usize] {
            i += 1;
            continue;
        }
        if b[i] < 0x80 {
            break;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if !is_alnum(ch) {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

/// The bytes [`first_run_end`] stops at: ASCII other than letters and digits, and the first
/// byte of a longer character.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = !(c as u8).is_ascii_alphanumeric() && (c < 0x80 || c >= 0xC0);
        c += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tokens::tokenize;

    /// The words of the first `per_list` phrases of each list (the texts the tests make).
    fn words_of(sets: &[&PhraseSet], per_list: usize) -> Vec<String> {
        let mut vocab: Vec<String> = Vec::new();
        for set in sets {
            for r in set.rules().iter().take(per_list) {
                vocab.extend(r.pattern.split([' ', ';', '(', ')', '[', ']', '|', '^', '$']).filter(|w| !w.is_empty()).map(str::to_string));
            }
        }
        vocab
    }

    /// A text of up to `words` pieces: words of `vocab` (a quarter in capitals, each followed
    /// by a space always or half the time) and bits of `noise`.
    fn random_text(next: &mut impl FnMut(usize) -> usize, vocab: &[String], noise: &[&str], words: usize, space_always: bool) -> String {
        let mut t = String::new();
        for _ in 0..next(words) {
            if next(3) == 0 {
                t.push_str(noise[next(noise.len())]);
            } else {
                let w = &vocab[next(vocab.len())];
                t.push_str(&if next(4) == 0 { w.to_uppercase() } else { w.clone() });
                if space_always || next(2) == 0 {
                    t.push(' ');
                }
            }
        }
        t
    }

    /// A random span of `t`, on character boundaries.
    fn random_span(next: &mut impl FnMut(usize) -> usize, t: &str) -> (usize, usize) {
        let (mut a, mut b) = (next(t.len() + 1), next(t.len() + 1));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        (t.floor_char_boundary(a), t.floor_char_boundary(b))
    }

    /// The word-start scan finds what the byte scan finds, on texts made of the cue phrases'
    /// words, possessives, joiners, initials and noise.
    #[test]
    fn matches_the_byte_scan() {
        let lex = Lexicon::bundled();
        let sets = [&lex.reporting_verbs, &lex.vague, &lex.anonymous];
        assert!(sets.iter().all(|s| s.starts_at_words_only()), "the cue lists take the fast path");
        let vocab = words_of(&sets, 300);
        let noise =
            [" ", " ", "  ", ", ", ". ", "\n", "'s ", "’s ", "' ", "-", "'", "’", "‑", "é", "“", "—", "V. ", "O'", "x", "1", "Ünder ", "s"];
        let mut next = crate::test_rng::below();
        for _ in 0..3000 {
            let t = random_text(&mut next, &vocab, &noise, 40, false);
            let toks = tokenize(&t);
            assert_eq!(find_each(sets, &t, &toks, &StartMemo::new(&toks, lex)), PhraseSet::find_each(sets, &t), "{t:?}");
        }
    }

    /// A slice's matches from its word starts are the matches of a scan of the slice alone,
    /// for the boilerplate list (which has phrases starting with punctuation).
    #[test]
    fn matches_in_a_slice_are_the_slice_scan() {
        let set = &Lexicon::bundled().boilerplate;
        assert!(set.punctuation_starts().is_some_and(|p| p.contains(&b'/')), "{:?}", set.punctuation_starts());
        let mut vocab: Vec<String> = Vec::new();
        for r in set.rules() {
            vocab.extend(r.pattern.split([' ', '(', ')', '[', ']', '|', '^', '$']).filter(|w| !w.is_empty()).map(str::to_string));
        }
        let noise = [" ", " ", "\n", ". ", "'s ", "’s ", "-", " - ", "/", "(", ")", "é", "V. ", "O'", "x", "“"];
        let mut next = crate::test_rng::below();
        let mut answered = 0;
        for _ in 0..3000 {
            let t = random_text(&mut next, &vocab, &noise, 30, true);
            let toks = tokenize(&t);
            let memo = StartMemo::new(&toks, Lexicon::bundled());
            for _ in 0..4 {
                let (a, b) = random_span(&mut next, &t);
                let first = toks.partition_point(|k| k.start < a);
                let last = first + toks[first..].partition_point(|k| k.start < b);
                if first > 0 && toks[first - 1].run_end > a {
                    continue;
                }
                let mut seen = Vec::new();
                let got = any_in(set, &t, a..b, &toks[first..last], &memo, |m| {
                    seen.push(m.clone());
                    false
                });
                if got.is_some() {
                    answered += 1;
                    assert_eq!(seen, set.find(&t[a..b]), "{:?}", &t[a..b]);
                }
            }
        }
        assert!(answered > 2000, "{answered}");
    }

    /// A list with a phrase that starts with punctuation, or that the memo does not have, is
    /// scanned byte by byte.
    #[test]
    fn other_lists_take_the_byte_scan() {
        let set = PhraseSet::parse("/ap)\nsaid\n");
        assert!(!set.starts_at_words_only());
        let t = "He said (Reuters/AP) so.";
        let toks = tokenize(t);
        let [m] = find_each([&set], t, &toks, &StartMemo::new(&toks, Lexicon::bundled()));
        assert_eq!(m.iter().map(|m| &t[m.span.clone()]).collect::<Vec<_>>(), ["said", "/AP)"]);
    }

    /// The claim rules' scans of a span of the lower-case copy, from the word starts of the
    /// original text's tokens, find what a scan of the slice finds: the first match, the first
    /// that meets a predicate, for each list the claims scan a sentence for.
    #[test]
    fn the_claim_scans_match_the_slice_scan() {
        let lex = Lexicon::bundled();
        let sets = [&lex.no_comment, &lex.anonymous, &lex.time_words, &lex.charged, &lex.predictions];
        for set in sets {
            assert!(set.punctuation_starts().is_some(), "the claim lists take the fast path");
        }
        let vocab = words_of(&sets, 200);
        let noise = [
            " ", " ", "  ", ", ", ". ", "\n", "'s ", "’s ", "' ", "-", "'", "’", "‑", "é", "“", "”", "—", "V. ", "O'", "x", "1", "Ünder ",
            "s", "?", ":", "²", "½", "_", "İ", "ǅ",
        ];
        let mut next = crate::test_rng::below();
        let mut fast = 0;
        for _ in 0..3000 {
            let t = random_text(&mut next, &vocab, &noise, 40, false);
            let lower = crate::lexicon::lower(&t);
            let toks = tokenize(&t);
            let memo = StartMemo::new(&toks, lex);
            for _ in 0..4 {
                let (a, b) = random_span(&mut next, &t);
                if toks.iter().all(|k| k.start >= a || k.run_end <= a) {
                    fast += 1;
                }
                let set = sets[next(sets.len())];
                let odd = |m: &PhraseMatch| m.span.start % 2 == 1;
                assert_eq!(
                    find_first_in(set, &lower, a..b, &toks, &memo, |_| true),
                    set.find_first(&lower[a..b], |_| true),
                    "{t:?} {a}..{b}"
                );
                assert_eq!(find_first_in(set, &lower, a..b, &toks, &memo, odd), set.find_first(&lower[a..b], odd), "{t:?} {a}..{b}");
            }
        }
        assert!(fast > 3000, "most spans are answered from the tokens: {fast}");
    }
}
