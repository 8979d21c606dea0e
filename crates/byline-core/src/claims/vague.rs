//! The vague-attribution finding: a sentence whose source is a gesture ("it is feared",
//! "critics say", "reportedly").

use super::document::Doc;
use super::{Code, Finding, short};
use crate::attribution::{Attribution, SourceKind};
use crate::sentences::Sentence;

/// The finding for the first vague attribution of the main clause (or with a lexicon message).
pub(crate) fn finding(doc: &Doc, s: &Sentence, attrs: &[&Attribution]) -> Option<Finding> {
    let a = attrs.iter().find(|a| a.effective_kind(doc.attributions) == SourceKind::Vague && (a.main || a.message.is_some()))?;
    let key = a.source.clone().unwrap_or(a.cue.clone());
    let msg = a.message.clone().unwrap_or_else(|| {
        let src = a.source.clone().unwrap_or(a.cue.clone());
        let (lo, hi) = (src.start.min(a.cue.start), src.end.max(a.cue.end));
        format!("\"{}\" — who exactly? Name the source.", short(&doc.text[lo..hi], 8))
    });
    Some(Finding { span: s.span.clone(), code: Code::VagueAttribution, message: msg, key })
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_vague_phrasing_is_the_finding() {
        assert_eq!(findings("It is feared the dam could fail within days."), [(Code::VagueAttribution, "It is feared".into())]);
        assert_eq!(findings("Critics say the new bridge is unsafe.")[0].0, Code::VagueAttribution);
    }
}
