//! The tokens and cue matches of the cleaned text, from those of the previous version.
//!
//! A token or a cue phrase never crosses a line break, and a line's cleaned text is a function
//! of the line, so the tokens and matches of a text are those of its lines. An edit leaves the
//! lines before it and the lines after it as they were: the tokens of the unchanged **prefix**
//! of lines are kept as they are (their offsets and their forms: forms are numbered in order of
//! first use, and nothing before them changed), the changed lines in the middle are tokenised
//! afresh, and the tokens of the unchanged **suffix** of lines are moved by the change in length
//! and given their forms in the new numbering: one table look-up per form the suffix numbers
//! first, with the hash the form was found with (no string is hashed again), and one array
//! look-up per token. The cost is the changed lines plus a copy of each token, not a hash
//! look-up per token and a table look-up per line as before.

use crate::document::cues::NOT_ASKED;
use crate::document::{CueMatches, Edit, cue_matches};
use std::ops::Range;

use crate::lexicon::{Lexicon, PhraseMatch};
use crate::people::tokens::{FormTable, Tok, tokenize, tokenize_numbered};

/// The previous version's cleaned text, tokens, cue matches and form numbering.
#[derive(Debug, Default)]
pub(crate) struct TokenMemo {
    /// The cleaned text `toks` and `cues` were found in; `None` when they were not given back.
    clean: Option<String>,
    /// The cleaned text of the tokens handed out, until they are given back.
    pending: Option<String>,
    toks: Vec<Tok>,
    cues: CueMatches,
    /// The word-start answers per form (`Document::form_starts`) of `toks`.
    starts: Vec<u16>,
    forms: FormTable,
    /// How many lines `clean` has (as `split_inclusive('\n')` counts them).
    lines: usize,
}

/// What [`TokenMemo::tokens`] hands out.
pub(crate) struct Tokens {
    pub(crate) toks: Vec<Tok>,
    pub(crate) cues: CueMatches,
    pub(crate) lines: LineWork,
    /// Where the text changed since the previous version (`None`: all of it).
    pub(crate) edit: Option<Edit>,
    /// The word-start answers per form of the forms the previous version had too
    /// ([`NOT_ASKED`] for the others), and the tokens whose forms are the others.
    pub(crate) starts: Option<(Vec<u16>, Range<usize>)>,
}

/// Lines tokenised afresh and lines whose tokens were reused, by the last call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineWork {
    pub(crate) parsed: usize,
    pub(crate) reused: usize,
}

impl TokenMemo {
    /// The tokens of `clean`, as [`tokenize`] gives them, and its [`cue_matches`]. They are
    /// handed out: [`TokenMemo::keep`] gives them back for the next call (without them the next
    /// call tokenises the whole text).
    ///
    /// With them, where the text changed since the version they were given back for (`None`:
    /// all of it).
    pub(crate) fn tokens(&mut self, clean: &str, lex: &Lexicon) -> Tokens {
        let old = self.clean.take();
        let out = match old {
            Some(old) => self.edited(&old, clean, lex),
            None => {
                let table = std::mem::take(&mut self.forms);
                let (toks, table) = tokenize_numbered(clean, table.emptied(clean.len() / 12 + 1));
                self.forms = table;
                let cues = cue_matches(clean, &toks, lex);
                Tokens { toks, cues, lines: LineWork { parsed: line_count(clean), reused: 0 }, edit: None, starts: None }
            }
        };
        self.lines = out.lines.parsed + out.lines.reused;
        self.pending = Some(clean.to_string());
        out
    }

    /// The tokens, cue matches and word-start answers of the last call's text, back for the
    /// next one.
    pub(crate) fn keep(&mut self, toks: Vec<Tok>, cues: CueMatches, starts: Vec<u16>) {
        self.clean = self.pending.take();
        self.toks = toks;
        self.cues = cues;
        self.starts = starts;
    }

    /// How many token forms the last call numbered.
    pub(crate) fn forms(&self) -> usize {
        self.forms.len()
    }

    /// The tokens and cue matches of the new text `new`, from those of `old` kept here.
    fn edited(&mut self, old: &str, new: &str, lex: &Lexicon) -> Tokens {
        let (prefix, suffix) = unchanged_lines(old.as_bytes(), new.as_bytes());
        let (old_mid_end, new_mid_end) = (old.len() - suffix, new.len() - suffix);
        let old_toks = std::mem::take(&mut self.toks);
        let old_cues = std::mem::take(&mut self.cues);
        let mut starts = std::mem::take(&mut self.starts);
        // The prefix's tokens and forms: forms `0..kept` are the prefix's, numbered as before.
        let before = old_toks.partition_point(|t| t.start < prefix);
        let after = old_toks.partition_point(|t| t.start < old_mid_end);
        let kept = self.forms.first_used_before(prefix);
        let dropped = self.forms.truncate(kept);
        // (The answers of the forms dropped, by their old numbers less `kept`.)
        let dropped_starts = starts.split_off(kept.min(starts.len()));
        let mut toks = Vec::with_capacity(before + (old_toks.len() - after) + (new_mid_end - prefix) / 4 + 1);
        toks.extend_from_slice(&old_toks[..before]);
        // The changed lines, tokenised afresh, their forms numbered on from the prefix's.
        let middle = &new[prefix..new_mid_end];
        let mid_toks = tokenize(middle);
        let mut mid_forms: Vec<u32> = Vec::new();
        for t in &mid_toks {
            if t.form as usize == mid_forms.len() {
                let id = self.forms.id(new.as_bytes(), prefix + t.start, prefix + t.end);
                if id as usize == starts.len() {
                    starts.push(NOT_ASKED);
                }
                mid_forms.push(id);
            }
            toks.push(moved(t, prefix as isize, mid_forms[t.form as usize]));
        }
        // The suffix's tokens, moved, their forms numbered on from the middle's.
        let delta = new_mid_end as isize - old_mid_end as isize;
        let mut renumbered: Vec<u32> = vec![u32::MAX; dropped.len()];
        for t in &old_toks[after..] {
            let form = match (t.form as usize).checked_sub(kept) {
                None => t.form,
                Some(d) => {
                    if renumbered[d] == u32::MAX {
                        let at = (t.start as isize + delta) as usize;
                        renumbered[d] = self.forms.id_keyed(new.as_bytes(), dropped[d].at(at));
                        if renumbered[d] as usize == starts.len() {
                            starts.push(dropped_starts.get(d).copied().unwrap_or(NOT_ASKED));
                        }
                    }
                    renumbered[d]
                }
            };
            toks.push(moved(t, delta, form));
        }
        let mid_cues = cue_matches(middle, &mid_toks, lex);
        let mut cues: CueMatches = Default::default();
        for ((all, old), mid) in cues.iter_mut().zip(&old_cues).zip(&mid_cues) {
            let before = old.partition_point(|m| m.span.start < prefix);
            let after = old.partition_point(|m| m.span.start < old_mid_end);
            all.reserve(before + mid.len() + old.len() - after);
            all.extend_from_slice(&old[..before]);
            all.extend(mid.iter().map(|m| moved_match(m, prefix as isize)));
            all.extend(old[after..].iter().map(|m| moved_match(m, delta)));
        }
        let parsed = line_count(middle);
        let reused = self.lines - line_count(&old[prefix..old_mid_end]);
        let edit = Edit {
            prefix,
            old_suffix: old_mid_end,
            new_suffix: new_mid_end,
            old_suffix_tok: after,
            new_suffix_tok: before + mid_toks.len(),
        };
        let ask = before..before + mid_toks.len();
        // (Every form has an answer or a token among those asked about, unless the previous
        // version's answers were not given back: then all are asked.)
        let starts = (starts.len() == self.forms.len() && dropped_starts.len() == dropped.len()).then_some((starts, ask));
        Tokens { toks, cues, lines: LineWork { parsed, reused }, edit: Some(edit), starts }
    }
}

impl FormTable {
    /// This table with no forms, sized for about `n` (its memory kept when large enough).
    fn emptied(mut self, n: usize) -> FormTable {
        if self.len() == 0 && n > 0 {
            return FormTable::with_capacity(n);
        }
        self.truncate(0);
        self
    }
}

/// The lengths of the longest prefix and suffix of whole lines that `old` and `new` share, not
/// overlapping in either: the prefix ends after a line break (or is empty), the suffix starts
/// where a line starts in both texts (or is empty).
fn unchanged_lines(old: &[u8], new: &[u8]) -> (usize, usize) {
    let common = crate::text::common_prefix(old, new);
    let prefix = memchr::memrchr(b'\n', &new[..common]).map_or(0, |i| i + 1);
    let most = old.len().min(new.len()) - prefix;
    let same = crate::text::common_suffix(old, new).min(most);
    let (at_new, at_old) = (new.len() - same, old.len() - same);
    let line_start = |text: &[u8], at: usize| at == 0 || text[at - 1] == b'\n';
    if same > 0 && line_start(new, at_new) && line_start(old, at_old) {
        return (prefix, same);
    }
    // Else the suffix starts after the first line break inside the shared end.
    let tail = &new[at_new..];
    let suffix = memchr::memchr(b'\n', tail).map_or(0, |i| tail.len() - i - 1);
    (prefix, suffix)
}

/// How many lines `text` has, as `split_inclusive('\n')` counts them.
fn line_count(text: &str) -> usize {
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

/// A token moved `by` bytes, with its form `form`.
fn moved(t: &Tok, by: isize, form: u32) -> Tok {
    let at = |x: usize| (x as isize + by) as usize;
    Tok { start: at(t.start), end: at(t.end), raw_end: at(t.raw_end), run_end: at(t.run_end), form, ..*t }
}

/// A cue match moved `by` bytes.
fn moved_match(m: &PhraseMatch, by: isize) -> PhraseMatch {
    let at = |x: usize| (x as isize + by) as usize;
    PhraseMatch { span: at(m.span.start)..at(m.span.end), rule: m.rule }
}

#[cfg(test)]
mod tests {
    use super::unchanged_lines;

    #[test]
    fn the_unchanged_lines_around_an_edit() {
        let shared = |old: &str, new: &str| unchanged_lines(old.as_bytes(), new.as_bytes());
        assert_eq!(shared("a\nbc\nd\n", "a\nbxc\nd\n"), (2, 2));
        assert_eq!(shared("a\nbc\nd\n", "a\nbc\nd\n"), (7, 0));
        assert_eq!(shared("a\nb\n", "a\n\nb\n"), (2, 2));
        assert_eq!(shared("a\nb\n", "a\nx\nb\n"), (2, 2));
        assert_eq!(shared("ab", "xab"), (0, 0));
        assert_eq!(shared("", "a\n"), (0, 0));
        assert_eq!(shared("a\n\nb\n", "a\nb\n"), (2, 2));
        // (A line break typed at the end of the shared prefix: the prefix ends before it.)
        assert_eq!(shared("a\nb\n", "a\nb\n\n"), (4, 0));
    }
}
