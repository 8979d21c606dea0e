//! The anonymity cue: markers from anonymous.txt ("speaking on condition of anonymity"), which
//! count only in a sentence with a reporting verb.

use super::pieces::Ctx;
use super::{Attribution, SourceKind};
use crate::Span;

/// The attributions of a sentence's anonymity markers, with their lexicon message.
pub(crate) fn markers(ctx: &Ctx, si: usize, anons: &[(Span, usize)], out: &mut Vec<Attribution>) {
    for (span, rule) in anons {
        let msg = ctx.lex.anonymous.rule(*rule).message.as_ref().map(|m| m.replace("{cue}", &ctx.text[span.clone()]));
        out.push(Attribution::marker(span.clone(), SourceKind::Anonymous, si, msg));
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::cues;

    #[test]
    fn a_marker_counts_with_a_reporting_verb() {
        let t = "A senior official, speaking on condition of anonymity, said the deal was close.";
        assert!(cues(t).iter().any(|c| c.1.is_none() && c.2 == SourceKind::Anonymous), "{:?}", cues(t));
    }

    #[test]
    fn a_marker_alone_is_no_cue() {
        assert!(cues("Interviews on condition of anonymity are common.").is_empty());
    }
}
