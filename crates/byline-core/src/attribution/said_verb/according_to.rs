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
