//! The introducer cue: a short sentence about a named person right before a quotation with no
//! speech verb ("The opposition leader, Jane Roe, was scathing. “This plan …”").

use super::pieces::words::{BE, PRONOUNS, RELATIVE};
use super::pieces::{Ctx, inside};
use super::{Attribution, SourceKind};
use crate::Span;
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// A sentence about a named person followed, in the same paragraph, by a quotation with no
/// speech verb ("The opposition leader, Jane Roe, was scathing. “This plan …”"): the sentence
/// introduces the quotation, so it attributes it to its subject.
pub(crate) fn introducers(ctx: &Ctx, sentences: &[Sentence], quotes: &[Quote], qspans: &[Span], out: &mut Vec<Attribution>) {
    let mut with_attr = vec![false; sentences.len()];
    for a in out.iter() {
        if a.sentence < with_attr.len() {
            with_attr[a.sentence] = true;
        }
    }
    for si in 0..sentences.len().saturating_sub(1) {
        let (s, next) = (&sentences[si], &sentences[si + 1]);
        if with_attr[si] || with_attr[si + 1] || s.block != next.block {
            continue;
        }
        // The next sentence opens with a quotation that is speech, not a scare quote.
        let qi = quotes.partition_point(|q| q.span.start < next.span.start);
        if !quotes.get(qi).is_some_and(|q| q.span.start == next.span.start && !q.scare) {
            continue;
        }
        // This sentence is no quotation itself and ends like a statement.
        let st = ctx.gap(s.span.start, s.span.end).trim_end();
        if !st.ends_with(['.', ':']) || inside(qspans, s.span.start + 1) {
            continue;
        }
        let words = ctx.doc.words_of(si);
        if words.len() < 3 || words.len() > 14 {
            continue;
        }
        // The subject: the words before the first verb ("was", "spoke", "looked", "-ed").
        let Some(v) = words.iter().position(|w| {
            let l = ctx.lw(w);
            !ctx.is_cap(w) && (BE.contains(&l) || INTRO_VERBS.contains(&l) || (l.len() > 4 && l.ends_with("ed")))
        }) else {
            continue;
        };
        if v == 0 {
            continue;
        }
        let named = (0..v).any(|i| i > 0 && ctx.is_cap(&words[i]))
            || (v == 2 && ctx.lw(&words[0]) == "the" && ctx.lex.source_roles.contains(ctx.lw(&words[1])));
        let pronoun_or_clause = (0..v).any(|i| PRONOUNS.contains(&ctx.lw(&words[i])) || RELATIVE.contains(&ctx.lw(&words[i])));
        if !named || pronoun_or_clause {
            continue;
        }
        let source = words[0].span.start..words[v - 1].span.end;
        out.push(Attribution {
            cue: words[v].span.clone(),
            source: Some(source),
            kind: SourceKind::Named,
            sentence: si,
            scope: si..si + 1,
            main: true,
            refers_to: None,
            message: None,
        });
    }
}

pub(crate) const INTRO_VERBS: &[&str] =
    &["spoke", "looked", "sounded", "seemed", "appeared", "remained", "had", "went", "took", "struck", "began", "gave"];

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::cues;

    #[test]
    fn a_sentence_about_a_named_person_introduces_the_next_quote() {
        let t = "The opposition leader, Jane Roe, was scathing. “This plan is a disgrace.”";
        assert_eq!(cues(t), [("was".into(), Some("The opposition leader, Jane Roe".into()), SourceKind::Named)]);
    }

    #[test]
    fn a_pronoun_subject_introduces_nothing() {
        assert!(cues("He was scathing about it. “This plan is a disgrace.”").is_empty());
    }
}
