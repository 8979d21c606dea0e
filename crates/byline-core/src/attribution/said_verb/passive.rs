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
    let be_adverb = v.prev_adjacent
        && wi >= 2
        && (matches!(prev_l, "first" | "initially" | "originally" | "later" | "also" | "officially") || prev_l.ends_with("ly"))
        && BE.contains(&ctx.lw(&words[wi - 2]))
        && words.get(we).is_some_and(|n| ctx.lw(n) == "by");
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
    let next = words.get(we);
    if next.is_some_and(|n| ctx.lw(n) == "by") && !time_phrase(ctx, words, we + 1) {
        let np = np_after(ctx, words, we + 1);
        let (kind, source) = classify(ctx, v.s, words, np.clone());
        return Some(Some(v.attribution(source, kind, true)));
    }
    Some(None)
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
