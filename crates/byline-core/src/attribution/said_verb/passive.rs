//! The passive pattern: "was spelt out by X" names X; "he was told" attributes nothing.

use super::{VerbCue, Verdict};
use crate::attribution::pieces::classify::classify;
use crate::attribution::pieces::noun_phrase::np_after;
use crate::attribution::pieces::time_phrase::time_phrase;
use crate::attribution::pieces::words::BE;

/// `None` when the cue is not a passive (after a form of "be", or "be" and an adverb with "by"
/// after: "was first reported by X", "was later confirmed by X", or "as" with "by" after: "as
/// confirmed by X"); else the attribution to the
/// agent after "by", if there is one and it is no time ("by Friday").
pub(super) fn passive(v: &VerbCue, progressive: bool) -> Verdict {
    let (ctx, words, wi, we, prev_l) = (v.ctx, v.words, v.wi, v.we, v.prev_l);
    let by = agent_by(ctx, words, we);
    let be_adverb = v.prev_adjacent
        && wi >= 2
        && (matches!(prev_l, "first" | "initially" | "originally" | "later" | "also" | "officially" | "all") || prev_l.ends_with("ly"))
        && BE.contains(&ctx.lw(&words[wi - 2]))
        && by.is_some();
    // "…, as confirmed by the mayor", "as reported by Reuters": the agent is the source of the
    // clause the "as" phrase comments on.
    let as_agent = v.prev_adjacent && prev_l == "as" && words.get(we).is_some_and(|n| ctx.lw(n) == "by");
    if !(v.prev_adjacent && (BE.contains(&prev_l) || be_adverb || as_agent) && !progressive) {
        return None;
    }
    // A speech act in the passive is an event ("the claims were rejected by the court").
    if v.act {
        return Some(None);
    }
    if let Some(by) = by
        && !time_phrase(ctx, words, by + 1)
    {
        let np = np_after(ctx, words, by + 1);
        let (kind, source) = classify(ctx, v.s, words, np.clone());
        return Some(Some(v.attribution(source, kind, true)));
    }
    Some(None)
}

/// The "by" of the agent: right after the verb, or after a short phrase of when and where that
/// sits between them ("was announced on Tuesday at a crowded public meeting by the
/// minister"): at most eight words, none after a comma and none a clause's start.
fn agent_by(ctx: &crate::attribution::pieces::Ctx, words: &[crate::document::Word], we: usize) -> Option<usize> {
    if words.get(we).is_some_and(|n| ctx.lw(n) == "by") {
        return Some(we);
    }
    if !words
        .get(we)
        .is_some_and(|n| matches!(ctx.lw(n), "in" | "at" | "during" | "on" | "yesterday" | "today" | "earlier" | "last" | "this"))
    {
        return None;
    }
    for k in we + 1..(we + 9).min(words.len()) {
        if !ctx.gap(words[k - 1].span.end, words[k].span.start).trim().is_empty() {
            return None;
        }
        match ctx.lw(&words[k]) {
            "by" => return Some(k),
            "that" | "which" | "who" | "and" | "but" | "to" => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn the_agent_after_by_is_the_source() {
        let t = "The plan was first reported by the Harbour Gazette.";
        assert_eq!(source_of(t, "reported"), Some((Some("the Harbour Gazette".into()), SourceKind::Named)));
    }

    #[test]
    fn an_as_phrase_with_an_agent_names_the_source() {
        let t = "The ferry will stop in May, as confirmed by Deputy Mayor Ida Rask.";
        assert_eq!(source_of(t, "confirmed"), Some((Some("Deputy Mayor Ida Rask".into()), SourceKind::Named)));
        let t = "Rents rose by a fifth last year, as reported by the Harbour Gazette.";
        assert_eq!(source_of(t, "reported"), Some((Some("the Harbour Gazette".into()), SourceKind::Named)));
        // Without an agent, "as reported" names nobody.
        assert_eq!(source_of("Rents rose by a fifth, as reported last week.", "reported"), None);
    }

    #[test]
    fn the_agent_after_a_phrase_of_when_and_where() {
        let t = "The plan was all announced on Tuesday at a crowded public meeting by Harbour Minister Ida Rask.";
        assert_eq!(source_of(t, "announced"), Some((Some("Harbour Minister Ida Rask".into()), SourceKind::Named)));
        // Not past a comma or a new clause.
        assert_eq!(source_of("It was announced on Monday, by all accounts a surprise.", "announced"), None);
    }

    #[test]
    fn a_passive_with_no_agent_or_a_time_is_no_cue() {
        assert_eq!(source_of("He was told to leave the building.", "told"), None);
        assert_eq!(source_of("The result will be announced by Friday.", "announced"), None);
    }

    #[test]
    fn a_state_of_mind_after_be_is_its_subjects() {
        let t = "Experts are concerned that the halls are full.";
        assert_eq!(source_of(t, "concerned that"), Some((Some("Experts".into()), SourceKind::Vague)));
        let t = "The harbour master is confident that the port will reopen.";
        assert_eq!(source_of(t, "confident that").map(|s| s.1), Some(SourceKind::Named));
        // Not without a form of "be" before it.
        assert_eq!(source_of("Residents, worried that the port will close, met on Monday.", "worried that"), None);
    }
}
