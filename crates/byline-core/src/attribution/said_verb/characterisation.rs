//! The characterisation pattern of "call": "called the plan “a betrayal”", "called dementia one
//! of the greatest threats" — the verb counts only with an object that is characterised.

use super::VerbCue;
use crate::attribution::pieces::Ctx;
use crate::document::Word;

/// Whether the object right after the cue is followed by a quotation or a description of it.
pub(super) fn quoted_or_described(v: &VerbCue) -> bool {
    let (ctx, words, we) = (v.ctx, v.words, v.we);
    let nw = words.get(we).map(|w| ctx.lw(w)).unwrap_or_default();
    let object = matches!(
        nw,
        "the" | "a" | "an" | "this" | "these" | "those" | "it" | "him" | "her" | "them" | "his" | "its" | "their" | "our" | "my"
    ) || words.get(we).is_some_and(|w| ctx.is_cap(w));
    let adjacent = words.get(we).is_some_and(|w| ctx.gap_is_space(v.cue.end, w.span.start));
    let quoted = object && v.info.last_quote_open.is_some_and(|q| q >= v.cue.end);
    adjacent && (quoted || characterisation(ctx, words, we))
}

/// "called the plan a betrayal", "called dementia one of the greatest threats": an object of
/// one to three words (not an indefinite "a meeting") and a second noun phrase that describes
/// it ("a"/"an", "one of", "the" with a superlative). Looks at most six words ahead.
fn characterisation(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    let Some(first) = words.get(we) else { return false };
    let fl = ctx.lw(first);
    if matches!(fl, "a" | "an" | "off" | "up" | "in" | "out" | "back" | "on" | "for") {
        return false;
    }
    for n in 1..=3 {
        let k = we + n;
        if k + 1 >= words.len() || !ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
            return false;
        }
        let l = ctx.lw(&words[k]);
        let next = ctx.lw(&words[k + 1]);
        // Not a time phrase: "called the police a day later".
        let describes = (matches!(l, "a" | "an")
            && !ctx.is_time(&words[k + 1])
            && !matches!(next, "day" | "week" | "month" | "year" | "few" | "second" | "minute" | "hour" | "number" | "total"))
            || (l == "one" && next == "of")
            || (l == "the" && (next.ends_with("est") || ctx.lex.superlatives.contains(next)));
        if describes {
            return true;
        }
        if ctx.lex.function_words.contains(l) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn called_with_a_description_is_a_cue() {
        let t = "The mayor called the plan a betrayal.";
        assert_eq!(source_of(t, "called"), Some((Some("The mayor".into()), SourceKind::Named)));
    }

    #[test]
    fn called_with_a_time_after_is_no_cue() {
        assert_eq!(source_of("The mayor called the police a day later.", "called"), None);
    }
}
