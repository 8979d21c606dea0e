//! The time-phrase pieces: a time after "by" ("by Friday") and a word that names a time.

use super::Ctx;
use crate::document::Word;

/// Whether the words from `i` are a time ("by the end of June", "by Friday", "by 2030"), not a
/// passive agent.
pub(crate) fn time_phrase(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    let mut k = i;
    if words.get(k).is_some_and(|w| matches!(ctx.lw(w), "the" | "this" | "next" | "early" | "late" | "mid")) {
        k += 1;
    }
    words.get(k).is_some_and(|w| {
        let l = ctx.lw(w);
        ctx.is_time(w)
            || ctx.w(w).starts_with(|c: char| c.is_ascii_digit())
            || (matches!(l, "end" | "start" | "beginning" | "middle" | "close" | "turn")
                && words.get(k + 1).is_some_and(|n| ctx.lw(n) == "of"))
    })
}

/// A word that names a time: "Friday", "week", "yesterday".
pub(crate) fn time_word(ctx: &Ctx, w: &Word) -> bool {
    ctx.is_time(w) || matches!(ctx.lw(w), "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "day")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::pieces::Ctx;

    use crate::lexicon::Lexicon;

    #[test]
    fn times_after_by() {
        for (t, time) in [("by the end of June", true), ("by Friday", true), ("by 2030", true), ("by the mayor", false)] {
            let doc = crate::document::Document::parse(t, crate::Format::Plain, Lexicon::bundled());
            let ctx = Ctx::new(&doc, Lexicon::bundled());
            assert_eq!(time_phrase(&ctx, doc.words_of(0), 1), time, "{t}");
        }
    }
}
