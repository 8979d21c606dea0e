//! The vague cue: impersonal and hedged phrasings from vague.txt ("it is feared", "reportedly",
//! "critics say"), except a collective a named body or a group noun qualifies.

use super::pieces::Ctx;
use super::pieces::classify::GROUP_NOUNS;
use super::pieces::titles::is_acronym;
use super::{Attribution, SourceKind};
use crate::Span;
use crate::document::Word;
use crate::sentences::Sentence;

/// Whether a vague phrasing that opens with a collective ("experts warned") belongs to a source
/// phrase that identifies the collective: a named body right before it ("United Nations
/// experts", "WHO experts") or a group noun ("a group of independent experts").
pub(crate) fn qualified_collective(ctx: &Ctx, s: &Sentence, words: &[Word], sp: &Span) -> bool {
    let first = ctx.text[sp.clone()].split(' ').next().unwrap_or("").to_lowercase();
    if !ctx.lex.vague_sources.contains(&first) {
        return false;
    }
    let wi = words.partition_point(|w| w.span.start < sp.start);
    let mut k = wi;
    let mut caps = 0;
    while k > 0 && wi - k < 8 && ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
        let w = &words[k - 1];
        let l = ctx.lw(w);
        if l == "of" && k >= 2 && GROUP_NOUNS.contains(&ctx.lw(&words[k - 2])) {
            return true;
        }
        if ctx.is_cap(w) && w.span.start > s.span.start + 1 {
            caps += 1;
            if is_acronym(ctx.w(w)) || caps >= 2 {
                return true;
            }
        } else if k == wi || !ctx.is_cap(w) {
            caps = 0;
            if ctx.lex.function_words.contains(l) && l != "of" {
                break;
            }
        }
        k -= 1;
    }
    false
}

pub(crate) fn capitalise(s: &str, at_start: bool) -> String {
    if at_start {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) if s.starts_with("it ") => f.to_uppercase().collect::<String>() + c.as_str(),
        _ => s.to_string(),
    }
}

/// The attributions of a sentence's vague phrasings, with their lexicon message.
pub(crate) fn attributions(ctx: &Ctx, s: &Sentence, si: usize, vagues: &[(Span, usize)], out: &mut Vec<Attribution>) {
    for (span, rule) in vagues {
        let msg = ctx
            .lex
            .vague
            .rule(*rule)
            .message
            .as_ref()
            .map(|m| m.replace("{cue}", &capitalise(&ctx.text[span.clone()], span.start == s.span.start)));
        out.push(Attribution::marker(span.clone(), SourceKind::Vague, si, msg));
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::cues;

    #[test]
    fn an_impersonal_phrasing_is_vague_with_its_message() {
        let t = "It is feared the dam could fail.";
        assert_eq!(cues(t)[0], ("It is feared".into(), None, SourceKind::Vague));
        let a = crate::analyze(t, crate::Format::Plain);
        assert!(a.attributions[0].message.as_deref().is_some_and(|m| m.contains("It is feared")), "{:?}", a.attributions[0].message);
    }

    #[test]
    fn a_qualified_collective_is_left_to_the_verb_rule() {
        // The verb rule then classifies the whole source phrase.
        let t = "On Monday, United Nations experts warned the dam could fail.";
        assert_eq!(cues(t), [("warned".into(), Some("United Nations experts".into()), SourceKind::Vague)]);
        let t = "A panel of independent experts warned the dam could fail.";
        assert_eq!(cues(t), [("warned".into(), Some("A panel of independent experts".into()), SourceKind::Named)]);
    }
}
