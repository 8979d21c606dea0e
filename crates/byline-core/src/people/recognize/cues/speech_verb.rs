//! Cue: a speech verb next to the name: "Peskov said", "Peskov has said", "said Peskov".

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, is_space_gap};

/// A speech verb after the name, past up to three auxiliaries ("has also said").
pub fn verb_after(ctx: &Ctx, at: &Around) -> bool {
    let n = ctx.toks.len();
    if ctx.toks[at.last].possessive {
        return false;
    }
    let mut k = at.e;
    let mut hops = 0;
    while k < n && hops < 3 {
        let g = ctx.gap_before(k);
        if !(is_space_gap(g)) {
            break;
        }
        // (A capitalised verb is a title-case headline's, where the speaker may follow it:
        // "Warming Says Jane Roe".)
        if ctx.has(k, SPEECH_VERB) {
            return !ctx.toks[k].cap;
        }
        let w = ctx.word(k);
        if !matches!(w, "has" | "had" | "have" | "also" | "later" | "then" | "was" | "is" | "would" | "will" | "told") {
            break;
        }
        hops += 1;
        k += 1;
    }
    false
}

/// A speech verb in lower case right before the name ("said Peskov"), not one that takes the
/// person spoken to ("told Peskov").
pub fn verb_before(ctx: &Ctx, at: &Around) -> bool {
    at.before.filter(|_| is_space_gap(at.gap_before)).is_some_and(|b| {
        let w = ctx.word(b);
        w.chars().next().is_some_and(|c| c.is_lowercase())
            && ctx.has(b, SPEECH_VERB)
            && !matches!(w, "say" | "told" | "tells" | "asked" | "asks" | "urged" | "accused" | "described" | "called")
    })
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_verb_after_a_full_name() {
        assert_eq!(mentions("Qorvath Thrane said the talks would go on."), ["Qorvath Thrane"]);
        assert_eq!(mentions("Qorvath Thrane has also said so."), ["Qorvath Thrane"]);
    }

    #[test]
    fn a_verb_before_a_full_name() {
        assert_eq!(mentions("\"No,\" said Qorvath Thrane."), ["Qorvath Thrane"]);
    }

    #[test]
    fn a_lone_word_before_a_verb_is_tentative() {
        assert_eq!(mentions("Thrandeston said the deal was done."), ["?Thrandeston"]);
    }

    #[test]
    fn told_before_a_name_is_not_a_cue() {
        assert!(mentions("He told Qorvath Thrane so.").is_empty());
    }
}
