//! The participle pattern: "…, saying the talks had failed", "issued a statement saying …"
//! reports what the sentence's subject said, when a name opens the sentence.

use super::VerbCue;
use crate::attribution::pieces::classify::classify;
use crate::attribution::pieces::noun_phrase::np_after;
use crate::attribution::{Attribution, SourceKind};

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
const MESSAGES: &[&str] =
    &["statement", "video", "message", "post", "letter", "note", "tweet", "email", "release", "notice", "memo", "report"];

/// Participles ("saying", "adding", "claiming") hang off another clause: after a comma or a
/// message ("issued a statement saying", "released a video saying") they report what the
/// sentence's subject said, when it opens the sentence with a name.
pub(super) fn participle(v: &VerbCue) -> Option<Attribution> {
    let (ctx, s, words) = (v.ctx, v.s, v.words);
    let after_comma = v.prev.is_some_and(|p| ctx.gap(p.span.end, v.cue.start).trim() == ",");
    let after_message = v.prev_adjacent && MESSAGES.contains(&v.prev_l);
    if (after_comma || after_message)
        && PARTICIPLES.contains(&v.first_form)
        && v.wi > 1
        && let Some(np) = np_after(ctx, words, 0)
        && words[0].span.start <= s.span.start + 1
        && np.end < v.wi
    {
        let (kind, source) = classify(ctx, s, words, Some(np));
        if matches!(kind, SourceKind::Named | SourceKind::Pronoun) {
            return Some(v.attribution(source, kind, true));
        }
    }
    None
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
