//! The cross-sentence resolver: a pronoun source refers back to the nearest earlier named or
//! anonymous source, and a colon-introduced quotation ("X said: “…") widens its attribution's
//! scope to the quotation's sentences.

use super::{Attribution, SourceKind};
use crate::lexicon::Lexicon;
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// Resolve pronouns to the nearest earlier named or anonymous source (at most eight sentences
/// back); "he" and "she" only to a source that names a person ([`names_a_person`]), not to "a
/// report" or "a growing number". "They" may also continue an unnamed collective ("Critics say
/// … They also said …").
pub(crate) fn pronouns(out: &mut [Attribution], text: &str, lower: &str, sentences: &[Sentence], lex: &Lexicon) {
    let mut last: Option<usize> = None;
    let mut last_person: Option<usize> = None;
    let mut last_collective: Option<usize> = None;
    for i in 0..out.len() {
        match out[i].kind {
            SourceKind::Pronoun => {
                let pronoun = out[i].source.as_ref().map_or("", |sp| &lower[sp.clone()]);
                let pick = match pronoun {
                    "they" | "them" => last.max(last_collective),
                    "he" | "she" | "him" | "her" => last_person,
                    _ => last,
                };
                if let Some(l) = pick
                    && out[i].sentence.saturating_sub(out[l].sentence) <= 8
                    && !(out[l].sentence + 1..=out[i].sentence)
                        .any(|k| named_subject_before(text, lower, &sentences[k], out[i].cue.start.min(sentences[k].span.end), lex))
                {
                    out[i].refers_to = Some(l);
                }
            }
            SourceKind::Named | SourceKind::Anonymous if out[i].source.is_some() => {
                last = Some(i);
                if out[i].source.as_ref().is_some_and(|sp| names_a_person(&text[sp.clone()], &lower[sp.clone()], lex)) {
                    last_person = Some(i);
                }
            }
            // "critics say", or a phrasing that opens with one ("Energy experts say").
            SourceKind::Vague
                if out[i].source.is_some()
                    || lower[out[i].cue.clone()].split(' ').next().is_some_and(|w| lex.vague_sources.contains(w)) =>
            {
                last_collective = Some(i)
            }
            _ => {}
        }
    }
}

/// Whether a source phrase names a person "he" or "she" can refer back to: a capitalised word
/// that is no function word ("Rep. Jody Hice", "the Tarrow County sheriff"), or a role or an
/// unnamed person as its last word ("the spokesman", "an official").
fn names_a_person(text: &str, lower: &str, lex: &Lexicon) -> bool {
    let capitalised = text
        .split(|c: char| !word_char(c))
        .zip(lower.split(|c: char| !word_char(c)))
        .any(|(w, l)| w.starts_with(char::is_uppercase) && !lex.function_words.contains(l));
    let last = lower.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    capitalised || lex.source_roles.contains(last) || lex.anonymous_sources.contains(last)
}

/// Whether a sentence between a source and a pronoun (or the pronoun's own) opens with a name
/// before the pronoun ("But Yamey is angry about what he calls …", "Rask pushed for a vote. “…,”
/// he said."): the pronoun then refers to that name, not to the earlier source. The first
/// word after an opening "But", "And", "Yet" or "So" is capitalised, no function word and no
/// word for an unnamed source ("Officials", "Critics").
fn named_subject_before(text: &str, lower: &str, s: &Sentence, pronoun_at: usize, lex: &Lexicon) -> bool {
    let mut at = s.span.start;
    let mut first = None;
    for _ in 0..2 {
        let rest = &text[at..s.span.end];
        let Some(k) = rest.find(word_char) else { return false };
        let len = rest[k..].find(|c: char| !word_char(c)).unwrap_or(rest.len() - k);
        let (start, end) = (at + k, at + k + len);
        let l = &lower[start..end];
        if first.is_none() && matches!(l, "but" | "and" | "yet" | "so") {
            at = end;
            continue;
        }
        first = Some((start, end));
        break;
    }
    let Some((start, end)) = first else { return false };
    let (w, l) = (&text[start..end], &lower[start..end]);
    // Inside a quotation the first word is the speaker's, not the sentence's subject.
    let quoted = text[s.span.start..start].contains(['“', '"', '‘', '\'']);
    !quoted
        && end <= pronoun_at
        && w.starts_with(char::is_uppercase)
        && !lex.function_words.contains(l)
        && !lex.anonymous_sources.contains(l)
        && !lex.vague_sources.contains(l)
        && !lex.source_roles.contains(l)
        && !lex.collectives.contains(l)
}

/// A character of a word for the two tests above: a letter, a digit or an apostrophe.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Colon-introduced quotations: "X said: “…" covers the quote's sentences, to the end of the
/// chain of quotes that continue it.
pub(crate) fn quote_scopes(out: &mut [Attribution], text: &str, sentences: &[Sentence], quotes: &[Quote]) {
    let chain_end = chain_ends(quotes);
    // The first ':' at or after a cue's end, within its sentence. Cues come in text order
    // within a sentence, so the last search is reused while it still applies.
    let tb = text.as_bytes();
    let mut colon_cache: Option<(usize, usize, Option<usize>)> = None; // (searched from, limit, found)
    for a in out.iter_mut() {
        let s = &sentences[a.sentence];
        if a.cue.end > s.span.end {
            continue;
        }
        let (from, limit) = (a.cue.end, s.span.end);
        let colon = match colon_cache {
            Some((f, l, found)) if l == limit && f <= from && found.is_none_or(|c| c >= from) => found,
            _ => {
                let found = memchr::memchr(b':', &tb[from..limit]).map(|k| from + k);
                colon_cache = Some((from, limit, found));
                found
            }
        };
        if let Some(at) = colon {
            let qi = quotes.partition_point(|q| q.span.start <= at);
            if quotes.get(qi).is_some_and(|q| q.span.start <= at + 8 && !q.scare) {
                let end = chain_end[qi];
                let last_s = sentences.partition_point(|x| x.span.start < end);
                a.scope = a.sentence..last_s.max(a.sentence + 1);
            }
        }
    }
}

/// Where each chain of continued quotes ends (a continuation comes later than the quote it
/// continues, so one backward pass fills it in).
fn chain_ends(quotes: &[Quote]) -> Vec<usize> {
    let mut next_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (i, q) in quotes.iter().enumerate() {
        if let Some(c) = q.continues
            && c < next_of.len()
            && next_of[c].is_none()
        {
            next_of[c] = Some(i);
        }
    }
    let mut chain_end: Vec<usize> = quotes.iter().map(|q| q.span.end).collect();
    for i in (0..quotes.len()).rev() {
        if let Some(n) = next_of[i]
            && n > i
        {
            chain_end[i] = chain_end[n];
        }
    }
    chain_end
}

#[cfg(test)]
mod tests {
    use super::SourceKind;

    use crate::{Format, analyze};

    #[test]
    fn a_pronoun_refers_to_the_last_named_source() {
        let a = analyze("Mayor Ruth Adler said the road was shut. She added that it would reopen.", Format::Plain);
        assert_eq!(a.attributions.len(), 2);
        assert_eq!(a.attributions[1].kind, SourceKind::Pronoun);
        assert_eq!(a.attributions[1].refers_to, Some(0));
    }

    #[test]
    fn he_or_she_refers_to_a_person_not_to_a_report() {
        let t = "Mayor Ruth Adler said the road was shut. A report highlighting the damage said repairs would cost $2 million. She added that it would reopen.";
        let a = analyze(t, Format::Plain);
        let she = a.attributions.iter().find(|x| x.kind == SourceKind::Pronoun).expect("the pronoun's attribution");
        assert_eq!(she.refers_to, Some(0), "{:?}", a.attributions);
    }

    #[test]
    fn a_name_opening_the_pronouns_sentence_is_its_antecedent() {
        let t = "A senior official said the talks had failed. But Rask is angry about what he calls a betrayal.";
        let a = analyze(t, Format::Plain);
        assert!(a.attributions.iter().filter(|x| x.kind == SourceKind::Pronoun).all(|x| x.refers_to.is_none()), "{:?}", a.attributions);
        // "Officials" opening the sentence names nobody: the pronoun still refers back.
        let t = "A senior official said the talks had failed. Councillor Ida Rask walked out of the vote. “We need it,” she said.";
        let a = analyze(t, Format::Plain);
        assert!(a.attributions.iter().filter(|x| x.kind == SourceKind::Pronoun).all(|x| x.refers_to.is_none()), "{:?}", a.attributions);
        let t = "A senior official said the talks had failed. “Rask is angry,” he added.";
        let a = analyze(t, Format::Plain);
        let he = a.attributions.iter().find(|x| x.kind == SourceKind::Pronoun).expect("the pronoun's attribution");
        assert_eq!(he.refers_to, Some(0), "{:?}", a.attributions);
        let t = "Mayor Ruth Adler said the road was shut. Officials were worried, she added.";
        let a = analyze(t, Format::Plain);
        let she = a.attributions.iter().find(|x| x.kind == SourceKind::Pronoun).expect("the pronoun's attribution");
        assert_eq!(she.refers_to, Some(0), "{:?}", a.attributions);
    }

    #[test]
    fn a_colon_widens_the_scope_over_the_quotation() {
        let a = analyze("The mayor said: “The road is shut. It will reopen soon.”", Format::Plain);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.attributions[0].scope, 0..2);
    }
}
