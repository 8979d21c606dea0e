//! The reporting-verb cue: a verb from reporting_verbs.txt in any inflection and its source
//! phrase — before the verb ("Dmitry Peskov said"), after it ("said Mr Borrell"), after
//! "according to" or a passive "by". [`verb_attribution`] runs the sub-patterns, one file each,
//! in order: rejections, participles, the passive, the complement, the characterisation, the
//! progressive, "according to", a second verb, the inverted order, and the subject before.

mod according_to;
mod characterisation;
mod complement;
mod inverted;
mod not_speech;
mod participle;
mod passive;
mod subject_before;

use super::pieces::Ctx;
use super::pieces::words::PRIVATE;
use super::{Attribution, SourceKind};
use crate::Span;
use crate::document::Word;
use crate::lexicon::{Flag, Rule};
use crate::sentences::Sentence;

/// Per-sentence facts for [`verb_attribution`], each found at most once per sentence.
#[derive(Default)]
pub(crate) struct SentInfo {
    /// Whether the sentence places what it reports in a private exchange ("during a phone
    /// call"): found when a verb first asks ([`SentInfo::private`]). Only the few verbs of
    /// public speech ask, and the test reads every word of the sentence.
    private: std::cell::OnceCell<bool>,
    /// Where the last opening quotation mark of the sentence is.
    pub(crate) last_quote_open: Option<usize>,
}

impl SentInfo {
    /// The facts of a sentence with a reporting verb; `last_quote_open` as
    /// [`super::last_quote_open`] found it.
    pub(crate) fn new(last_quote_open: Option<usize>) -> SentInfo {
        SentInfo { private: std::cell::OnceCell::new(), last_quote_open }
    }

    /// Whether a word of `words` (the sentence's) is one of [`PRIVATE`], ASCII case aside.
    pub(crate) fn private(&self, ctx: &Ctx, words: &[Word]) -> bool {
        *self.private.get_or_init(|| words.iter().any(|w| PRIVATE.contains(&ctx.ascii_lw(w))))
    }
}

/// A sub-pattern's decision: `None` when it does not apply (a later one decides), else the
/// attribution the cue makes, if any.
type Verdict = Option<Option<Attribution>>;

/// One reporting-verb cue in its sentence, and what the sub-patterns read around it.
struct VerbCue<'a> {
    ctx: &'a Ctx<'a>,
    s: &'a Sentence,
    si: usize,
    words: &'a [Word],
    info: &'a SentInfo,
    cue: Span,
    rule: &'a Rule,
    /// Index of the cue's first word.
    wi: usize,
    /// Index after the cue's last word.
    we: usize,
    /// The cue, lower-case.
    form: &'a str,
    /// The cue's first word, lower-case.
    first_form: &'a str,
    /// The word before the cue, and that word lower-case (empty when none).
    prev: Option<&'a Word>,
    prev_l: &'a str,
    /// Only spaces between the word before and the cue.
    prev_adjacent: bool,
    /// A speech act from the WordNet list (speech_acts.txt): only with its subject before it.
    act: bool,
}

impl VerbCue<'_> {
    /// An attribution by this cue that covers its own sentence only.
    fn attribution(&self, source: Option<Span>, kind: SourceKind, main: bool) -> Attribution {
        Attribution::in_sentence(self.cue.clone(), source, kind, self.si, main)
    }
}

/// The attribution a reporting-verb cue makes, if it is one.
#[allow(clippy::too_many_arguments)]
pub(crate) fn verb_attribution(
    ctx: &Ctx,
    s: &Sentence,
    si: usize,
    words: &[Word],
    info: &SentInfo,
    cue: Span,
    rule: &Rule,
    lower: &str,
) -> Option<Attribution> {
    let wi = words.partition_point(|w| w.span.start < cue.start);
    if wi >= words.len() || words[wi].span.start != cue.start {
        return None;
    }
    let we = words.partition_point(|w| w.span.end <= cue.end); // index after the cue's last word
    let form = &lower[cue.clone()];
    if cue.start > s.span.start + 1 && ctx.text[cue.clone()].chars().next().is_some_and(char::is_uppercase) {
        return None; // "the United States", "Fox Reports"
    }
    let first_form = form.split(' ').next().unwrap_or("");
    let prev = wi.checked_sub(1).map(|i| &words[i]);
    let prev_l = prev.map(|w| ctx.lw(w)).unwrap_or_default();
    let prev_adjacent = prev.is_some_and(|p| ctx.gap_is_space(p.span.end, cue.start));
    let act = rule.has(Flag::Act);
    let v = VerbCue { ctx, s, si, words, info, cue, rule, wi, we, form, first_form, prev, prev_l, prev_adjacent, act };
    if not_speech::rejected(&v) {
        return None;
    }
    if rule.has(Flag::Resumes) && !complement::resumes_quotation(&v) {
        return None;
    }
    // "Experts are concerned that …": the subject of the form of "be".
    if rule.has(Flag::State) {
        let after_be = v.prev_adjacent && crate::attribution::pieces::words::BE.contains(&v.prev_l) && wi >= 1;
        return if after_be { subject_before::progressive_subject(&v) } else { None };
    }
    let progressive = subject_before::is_progressive(&v);
    if first_form.ends_with("ing") && !form.contains(' ') && !progressive {
        return participle::participle(&v);
    }
    if let Some(decided) = passive::passive(&v, progressive) {
        return decided;
    }
    if rule.has(Flag::Complement)
        && let Some(decided) = complement::missing(&v)
    {
        return decided;
    }
    if rule.has(Flag::Clause) && !complement::clause_follows(&v) {
        return None;
    }
    if rule.has(Flag::Quote) && !characterisation::quoted_or_described(&v) {
        return None;
    }
    if progressive {
        return subject_before::progressive_subject(&v);
    }
    if form == "according to" {
        return according_to::according_to(&v);
    }
    if v.prev_adjacent && matches!(v.prev_l, "and" | "but") {
        return subject_before::second_verb(&v);
    }
    if let Some(a) = inverted::inverted(&v) {
        return Some(a);
    }
    subject_before::subject_before(&v)
}
