//! The participle pattern: "…, saying the talks had failed", "issued a statement saying …"
//! reports what the sentence's subject said, when a name opens the sentence.

use super::VerbCue;
use crate::attribution::pieces::Ctx;
use crate::attribution::pieces::classify::classify;
use crate::attribution::pieces::noun_phrase::np_after;
use crate::attribution::pieces::words::{AUX, BE, MODALS, PRONOUNS, RELATIVE};
use crate::attribution::{Attribution, SourceKind};
use crate::document::Word;

/// Participles that report speech ("…, saying the talks had failed"), not belief or charge.
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "warning",
    "noting",
    "stressing",
    "insisting",
    "explaining",
    "arguing",
    "announcing",
    "declaring",
    "confirming",
    "stating",
];

/// Messages a participle can report from: "released a video saying …".
const MESSAGES: &[&str] = &[
    "statement",
    "video",
    "message",
    "post",
    "letter",
    "note",
    "tweet",
    "email",
    "release",
    "notice",
    "memo",
    "report",
    "images",
    "photos",
    "footage",
    "data",
    "figures",
    "map",
    "maps",
    "documents",
    "results",
];

/// Participles of evidence that report from a message only: "released images showing …".
const EVIDENCE: &[&str] = &["showing", "revealing", "indicating", "suggesting"];

/// Participles ("saying", "adding", "claiming") hang off another clause: after a comma or a
/// message ("issued a statement saying", "released a video saying") they report what the
/// sentence's subject said, when it opens the sentence with a name.
pub(super) fn participle(v: &VerbCue) -> Option<Attribution> {
    let (ctx, s, words) = (v.ctx, v.s, v.words);
    let after_comma = v.prev.is_some_and(|p| ctx.gap(p.span.end, v.cue.start).trim() == ",");
    let after_message = v.prev_adjacent && MESSAGES.contains(&v.prev_l);
    if (after_comma || after_message)
        && (PARTICIPLES.contains(&v.first_form) || (after_message && EVIDENCE.contains(&v.first_form)))
        && v.wi > 1
        && let Some(np) = np_after(ctx, words, 0)
        && words[0].span.start <= s.span.start + 1
        && np.start < v.wi
    {
        let np = subject_of(ctx, words, np, v.wi);
        let (kind, source) = classify(ctx, s, words, Some(np.clone()));
        if matches!(kind, SourceKind::Named | SourceKind::Pronoun) {
            return Some(v.attribution(source, kind, true));
        }
        // People the story has named already ("the representatives") speak as named.
        return unnamed_speakers(ctx, words, &np, v.wi).map(|definite| {
            let kind = if definite { SourceKind::Named } else { kind };
            v.attribution(source, kind, true)
        });
    }
    None
}

/// Whether an unnamed subject is people who speak ("Shop owners in Leeds protested …, saying",
/// "A spokesperson for the firm questioned it, noting") and the participle is theirs: no
/// other speaker's verb comes between ("…, they argue, adding" is someone else's). Whether
/// they are definite ("the representatives").
fn unnamed_speakers(ctx: &Ctx, words: &[Word], np: &std::ops::Range<usize>, wi: usize) -> Option<bool> {
    use crate::document::class::{ANONYMOUS_SOURCE, COLLECTIVE, SOURCE_ROLE, VAGUE_SOURCE};
    let head = (np.start..np.end)
        .find(|&i| matches!(ctx.lw(&words[i]), "of" | "in" | "at" | "from" | "for" | "across") && i > np.start)
        .map_or(np.end - 1, |i| i - 1);
    let people = ctx.doc.is(&words[head], ANONYMOUS_SOURCE | COLLECTIVE | VAGUE_SOURCE | SOURCE_ROLE);
    let definite = (np.start..np.end.min(np.start + 2))
        .any(|i| matches!(ctx.lw(&words[i]), "the" | "his" | "her" | "its" | "their" | "these" | "those"));
    let others = (np.end + 1..wi).any(|i| ctx.lex.reporting_verbs.contains(ctx.lw(&words[i])) && PRONOUNS.contains(&ctx.lw(&words[i - 1])));
    (people && !others).then_some(definite)
}

/// The whole subject that opens the sentence, from the start of the phrase `np`: a name as
/// the phrase gives it ("Jane Roe left …"), else on past lower-case words to the first verb
/// ("The ministry released …", "Shop owners in Leeds protested …"), before the participle at
/// `wi`.
fn subject_of(ctx: &Ctx, words: &[Word], np: std::ops::Range<usize>, wi: usize) -> std::ops::Range<usize> {
    // (A capital only at the sentence's start is no name: "Shop owners …".)
    if (np.start + 1..np.end).any(|i| ctx.is_cap(&words[i])) {
        return np;
    }
    let mut end = np.start + 1;
    while end < wi && end < np.start + 8 && ctx.gap_is_space(words[end - 1].span.end, words[end].span.start) {
        let l = ctx.lw(&words[end]);
        let verb = l.ends_with("ed") || ctx.lex.reporting_verbs.contains(l) || BE.contains(&l) || MODALS.contains(&l) || AUX.contains(&l);
        if verb || RELATIVE.contains(&l) || matches!(l, "and" | "but" | "who") {
            break;
        }
        end += 1;
    }
    np.start..end
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn a_participle_after_a_comma_reports_the_opening_name() {
        let t = "Jane Roe left the meeting early, saying the talks had failed.";
        assert_eq!(source_of(t, "saying"), Some((Some("Jane Roe".into()), SourceKind::Named)));
    }

    #[test]
    fn a_participle_with_no_comma_or_message_is_no_cue() {
        assert_eq!(source_of("Jane Roe kept saying nothing at all.", "saying"), None);
    }
}

#[cfg(test)]
mod participle_tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn unnamed_speakers_before_a_participle() {
        let t = "Shop owners in Leeds protested outside the town hall on Saturday, saying that the rules were unclear.";
        assert_eq!(source_of(t, "saying"), Some((Some("Shop owners in Leeds".into()), SourceKind::Vague)));
        let t = "A spokesperson for the mill questioned the figure, noting that it left out exports.";
        assert!(crate::attribution::fixtures::cues(t).iter().any(|c| c.2 == SourceKind::Anonymous));
        // Not a thing, not someone else's verb; people already named speak as named.
        assert_eq!(source_of("A power cut at the depot held up trains on Monday, adding to the delays.", "adding"), None);
        assert_eq!(source_of("Governments will have to raise fees, they argue, adding that costs are rising.", "adding"), None);
        let t = "But the representatives pressed the board, saying they had warned it twice.";
        assert_eq!(source_of(t, "saying").map(|s| s.1), Some(SourceKind::Named));
    }
}
