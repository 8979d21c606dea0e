//! The "according to" pattern: the source phrase after it ("according to the Meteorological
//! Office"), a document's publisher ("according to a report by …") or the agent of a document
//! ("according to documents seen by X").

use super::VerbCue;
use crate::attribution::Attribution;
use crate::attribution::document_source::document_source;
use crate::attribution::pieces::classify::classify;
use crate::attribution::pieces::noun_phrase::np_after;

/// The attribution "according to" makes with the phrase after it, if there is one.
pub(super) fn according_to(v: &VerbCue) -> Option<Attribution> {
    let (ctx, s, words, we) = (v.ctx, v.s, v.words, v.we);
    let mut np = np_after(ctx, words, we);
    // "according to an invitation obtained by X", "documents seen by X": the agent.
    if let Some(r) = np.clone()
        && r.end >= 1
        && words.get(r.end).is_some_and(|b| ctx.lw(b) == "by")
        && ctx.lw(&words[r.end - 1]).ends_with("ed")
        && let Some(agent) = np_after(ctx, words, r.end + 1)
    {
        np = Some(r.start..agent.end);
    }
    np.as_ref()?;
    let (kind, source) = match document_source(ctx, s, words, np.clone().unwrap_or_default(), words.len()) {
        Some(ks) => ks,
        None => classify(ctx, s, words, np),
    };
    Some(v.attribution(source, kind, true))
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn the_phrase_after_is_the_source() {
        let t = "According to the Harbour Authority, the port will close.";
        assert_eq!(source_of(t, "According to"), Some((Some("the Harbour Authority".into()), SourceKind::Named)));
    }

    #[test]
    fn a_document_is_named_by_its_agent_or_else_vague() {
        let t = "According to documents seen by the Gazette, the port will close.";
        assert_eq!(source_of(t, "According to").map(|s| s.1), Some(SourceKind::Named));
        let t = "According to a new study, coffee is good for the heart.";
        assert_eq!(source_of(t, "According to"), Some((Some("a new study".into()), SourceKind::Vague)));
    }
}
