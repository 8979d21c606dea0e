//! Attribution cues: who a sentence or quotation is attributed to.
//!
//! Found from the lexicons: reporting verbs in every inflection with their source phrase
//! (before the verb, "Dmitry Peskov said"; after it, "said Mr Borrell"; after "according to"
//! or a passive "by"), impersonal and hedged phrasings ("it is feared", "reportedly") and
//! markers of anonymity. Cues inside quotations belong to the quoted speaker and are skipped.
//! A pronoun source is resolved to the nearest earlier named or anonymous source.
//!
//! One cue per file — `said_verb/` (reporting verbs, one sub-pattern per file), `vague.rs`,
//! `anonymous.rs`, `document_source.rs`, `introducers.rs`, `signed_sections.rs` — built from the shared pieces in
//! `pieces/`; `resolve.rs` is the cross-sentence resolver and `speakers.rs` gives quotations
//! their speakers. [`find`] runs the cues in order.

mod anonymous;
mod document_source;
mod introducers;
mod pieces;
mod resolve;
mod said_verb;
mod sentence_memo;
mod signed_sections;
mod speakers;
mod vague;

pub(crate) use pieces::word_list::WordList;
pub(crate) use sentence_memo::CueMemo;
pub use speakers::assign_speakers;

use crate::Span;
use crate::document::Document;
use crate::lexicon::{Flag, Lexicon, PhraseMatch};

use crate::sentences::Sentence;
use pieces::{Ctx, inside};
use said_verb::{SentInfo, verb_attribution};
use sentence_memo::SentenceMatches;

/// What kind of source an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A named person, organisation or office ("Dmitry Peskov said", "the Kremlin said").
    Named,
    /// A pronoun that refers back to a named source ("he said", "she added").
    Pronoun,
    /// A specific but unnamed source ("a senior official said").
    Anonymous,
    /// A gesture at a source ("it is feared", "critics say", "reportedly").
    Vague,
}

/// One attribution found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue itself ("said", "according to", "it is feared").
    pub cue: Span,
    /// The source phrase, when there is one ("Dmitry Peskov", "a senior official").
    pub source: Option<Span>,
    pub kind: SourceKind,
    /// Index of the sentence the cue is in.
    pub sentence: usize,
    /// Sentences (indices, half-open) whose content this attribution covers.
    pub scope: std::ops::Range<usize>,
    /// Whether the cue attributes its sentence's main clause (false for a reporting verb in
    /// a relative clause: "a move that US leaders claimed …", "a battle Mr Johnson predicted …").
    pub main: bool,
    /// For a pronoun source: the attribution whose source it refers back to.
    pub refers_to: Option<usize>,
    /// For lexicon phrases with a message (vague and anonymous phrasings): the message, with
    /// the cue filled in.
    pub message: Option<String>,
}

impl Attribution {
    /// An attribution by the verb `cue` that covers its own sentence `si` only.
    pub(crate) fn in_sentence(cue: Span, source: Option<Span>, kind: SourceKind, si: usize, main: bool) -> Attribution {
        Attribution { cue, source, kind, sentence: si, scope: si..si + 1, main, refers_to: None, message: None }
    }

    /// A lexicon phrasing with no source phrase (a vague or anonymous marker) that covers its
    /// sentence `si`, with the phrasing's message.
    pub(crate) fn marker(cue: Span, kind: SourceKind, si: usize, message: Option<String>) -> Attribution {
        Attribution { message, ..Attribution::in_sentence(cue, None, kind, si, true) }
    }

    /// The kind once pronouns are resolved (a pronoun referring to an anonymous source is
    /// anonymous).
    pub fn effective_kind(&self, all: &[Attribution]) -> SourceKind {
        match (self.kind, self.refers_to) {
            (SourceKind::Pronoun, Some(r)) if r < all.len() => match all[r].kind {
                SourceKind::Anonymous => SourceKind::Anonymous,
                SourceKind::Vague => SourceKind::Vague,
                _ => SourceKind::Pronoun,
            },
            (k, _) => k,
        }
    }

    /// The span that names the speaker: the source, or for a pronoun the source it refers to.
    pub fn speaker(&self, all: &[Attribution]) -> Option<Span> {
        match (self.kind, self.refers_to) {
            (SourceKind::Pronoun, Some(r)) if r < all.len() => all[r].source.clone().or(self.source.clone()),
            _ => self.source.clone(),
        }
    }
}

/// Find the attributions of a document.
pub fn find(doc: &Document, lex: &Lexicon) -> Vec<Attribution> {
    find_with(doc, lex, None)
}

/// [`find`], with each sentence's own cues kept in `memo` from one analysis to the next
/// (`sentence_memo.rs`): the same attributions.
pub(crate) fn find_memo(doc: &Document, lex: &Lexicon, memo: &mut CueMemo) -> Vec<Attribution> {
    find_with(doc, lex, Some(memo))
}

fn find_with(doc: &Document, lex: &Lexicon, mut memo: Option<&mut CueMemo>) -> Vec<Attribution> {
    if let Some(memo) = memo.as_deref_mut() {
        memo.start_round();
    }
    let ctx = Ctx::new(doc, lex);
    let text = ctx.text;
    let (sentences, quotes) = (&doc.sentences[..], &doc.quotes[..]);
    let lower = crate::lexicon::lower(text);
    let mut qspans: Vec<Span> = quotes.iter().map(|q| q.inner.clone()).collect();
    qspans.sort_by_key(|s| s.start);
    let [rv, vg, an] = &doc.cues;
    let mut out: Vec<Attribution> = Vec::new();
    let (mut ri, mut vi, mut ai) = (0, 0, 0);
    // One buffer per list for every sentence's matches (not three vectors per sentence).
    let (mut verbs, mut vagues, mut anons) = (Vec::new(), Vec::new(), Vec::new());
    for (si, s) in sentences.iter().enumerate() {
        take_in(rv, &mut ri, s, &qspans, &mut verbs);
        take_in(vg, &mut vi, s, &qspans, &mut vagues);
        take_in(an, &mut ai, s, &qspans, &mut anons);
        // With no cue match, a sentence has no cues (and nothing worth keeping).
        if verbs.is_empty() && vagues.is_empty() && anons.is_empty() {
            continue;
        }
        match memo.as_deref_mut() {
            Some(memo) => {
                let matches = SentenceMatches { verbs: &verbs, vagues: &vagues, anons: &anons };
                memo.sentence(&ctx, s, si, matches, &mut out, |out| sentence_cues(&ctx, s, si, &lower, &verbs, &vagues, &anons, out));
            }
            None => sentence_cues(&ctx, s, si, &lower, &verbs, &vagues, &anons, &mut out),
        }
    }
    if let Some(memo) = memo {
        memo.end_round();
    }
    introducers::introducers(&ctx, sentences, quotes, &qspans, &mut out);
    signed_sections::signed_sections(&ctx, sentences, &mut out);
    out.sort_by_key(|a| (a.sentence, a.cue.start));
    resolve::pronouns(&mut out, text, &lower, sentences, lex);
    resolve::quote_scopes(&mut out, text, sentences, quotes);
    out
}

/// The matches of `v` (sorted) in sentence `s` and outside quotations, as (span, rule), in
/// `got` (emptied first), advancing the cursor `i` past them.
fn take_in(v: &[PhraseMatch], i: &mut usize, s: &Sentence, qspans: &[Span], got: &mut Vec<(Span, usize)>) {
    got.clear();
    while *i < v.len() && v[*i].span.start < s.span.start {
        *i += 1;
    }
    while *i < v.len() && v[*i].span.start < s.span.end {
        if !inside(qspans, v[*i].span.start) {
            got.push((v[*i].span.clone(), v[*i].rule));
        }
        *i += 1;
    }
}

/// The cues of one sentence, in order: vague phrasings, reporting verbs (not inside a vague
/// phrasing), then anonymity markers when a verb made an attribution.
#[allow(clippy::too_many_arguments)]
fn sentence_cues(
    ctx: &Ctx,
    s: &Sentence,
    si: usize,
    lower: &str,
    verbs: &[(Span, usize)],
    vagues: &[(Span, usize)],
    anons: &[(Span, usize)],
    out: &mut Vec<Attribution>,
) {
    let (text, lex) = (ctx.text, ctx.lex);
    // Only reporting verbs and vague phrasings need the sentence's words.
    let words = ctx.doc.words_of(si);
    // "A panel of independent experts warned", "United Nations experts said": a collective
    // qualified by a named body or a group noun is a source the verb rules classify.
    let vagues: Vec<(Span, usize)> = vagues.iter().filter(|(sp, _)| !vague::qualified_collective(ctx, s, words, sp)).cloned().collect();
    // Facts about the sentence the verb rules need, found once per sentence (not per cue).
    let info = if verbs.is_empty() {
        SentInfo::default()
    } else {
        SentInfo::new(last_quote_open(&text[s.span.clone()]).map(|k| s.span.start + k))
    };
    vague::attributions(ctx, s, si, &vagues, out);
    let before_verbs = out.len();
    for (cue, rule) in verbs {
        // Vague phrasings are sorted and do not overlap one another: the first that ends
        // after the cue starts is the only one that can overlap it.
        let k = vagues.partition_point(|(v, _)| v.end <= cue.start);
        if vagues.get(k).is_some_and(|(v, _)| v.start < cue.end && cue.start < v.end) {
            continue;
        }
        let r = lex.reporting_verbs.rule(*rule);
        if let Some(mut a) = verb_attribution(ctx, s, si, words, &info, cue.clone(), r, lower) {
            // A refusal to comment reports nothing, so an unnamed spokesperson who declines
            // is no anonymous source ("A company spokesperson declined to comment").
            if a.kind == SourceKind::Anonymous && r.has(Flag::Refusal) {
                a.kind = SourceKind::Named;
            }
            out.push(a);
        }
    }
    // Anonymity markers count with a reporting verb in the sentence.
    if out.len() > before_verbs {
        anonymous::markers(ctx, si, anons, out);
    }
}

/// Where the last opening quotation mark (“, ‘ or a straight double quote) of `text` starts.
/// Searched from the end for the two bytes such a mark starts with (`"` or 0xE2), not decoded
/// character by character.
fn last_quote_open(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memrchr2_iter(b'"', 0xE2, b).find(|&k| b[k] == b'"' || b[k..].starts_with("“".as_bytes()) || b[k..].starts_with("‘".as_bytes()))
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! For the cue tests: the attributions of an invented text.

    use super::SourceKind;
    use crate::{Format, analyze};

    /// The (cue, source, kind) of each attribution of `t`, in order.
    pub(crate) fn cues(t: &str) -> Vec<(String, Option<String>, SourceKind)> {
        let a = analyze(t, Format::Plain);
        a.attributions.iter().map(|x| (t[x.cue.clone()].to_string(), x.source.clone().map(|s| t[s].to_string()), x.kind)).collect()
    }

    /// The source and kind of the attribution whose cue is `cue`, if there is one.
    pub(crate) fn source_of(t: &str, cue: &str) -> Option<(Option<String>, SourceKind)> {
        cues(t).into_iter().find(|(c, _, _)| c == cue).map(|(_, s, k)| (s, k))
    }
}
