//! The anonymous-source finding: a sentence sourced to someone unnamed ("a senior official
//! said", "speaking on condition of anonymity").

use super::document::Doc;
use super::{Code, Finding, short};
use crate::attribution::{Attribution, SourceKind};
use crate::sentences::Sentence;

/// The finding for an anonymous source. Prefers the attribution that names its (anonymous)
/// source over a bare marker such as "speaking privately", so that the message quotes who is
/// speaking.
pub(crate) fn finding(doc: &Doc, s: &Sentence, attrs: &[&Attribution]) -> Option<Finding> {
    let (text, attributions) = (doc.text, doc.attributions);
    let anonymous = |a: &&&Attribution| a.effective_kind(attributions) == SourceKind::Anonymous;
    let a = attrs.iter().filter(anonymous).find(|a| a.source.is_some()).or_else(|| attrs.iter().find(anonymous))?;
    let (key, phrase) = match (a.kind, &a.source, a.refers_to) {
        (SourceKind::Pronoun, _, Some(r)) => {
            let k = attributions[r].source.clone().unwrap_or(a.cue.clone());
            (a.source.clone().unwrap_or(a.cue.clone()), text[k].to_string())
        }
        (_, Some(src), _) => (src.clone(), text[src.clone()].to_string()),
        _ => (a.cue.clone(), text[a.cue.clone()].to_string()),
    };
    let msg = a.message.clone().unwrap_or_else(|| {
        format!("Anonymous source: \"{}\" — can the source be named, or the reason for anonymity given?", short(&phrase, 8))
    });
    Some(Finding { span: s.span.clone(), code: Code::AnonymousSource, message: msg, key })
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::{findings, messages};

    #[test]
    fn an_unnamed_source_is_the_finding() {
        let t = "A senior official said the deal was close.";
        assert_eq!(findings(t), [(Code::AnonymousSource, "A senior official".into())]);
        assert!(messages(t)[0].starts_with("Anonymous source: \"A senior official\""), "{:?}", messages(t));
    }
}
