//! The unattributed-quote finding: a quotation with no speaker, flagged once, on its first
//! sentence.

use super::document::Doc;
use super::{Code, Finding, short};

/// `None` when sentence `i` has no quotation without a speaker; else the finding, if any (a
/// quotation already flagged, or one that answers a question naming its speaker, has none).
/// Marks the quotation in `flagged_quote`.
pub(crate) fn finding(doc: &Doc, i: usize, flagged_quote: &mut [bool]) -> Option<Option<Finding>> {
    let (quotes, ctext, lower, lex) = (doc.quotes, doc.ctext, doc.lower, doc.lex);
    let qi = *doc.q_by_sent.of(i).iter().find(|&&qi| {
        let q = &quotes[qi];
        !q.scare && q.speaker.is_none() && q.attribution.is_none()
    })?;
    let q = &quotes[qi];
    // A later sentence of a quotation already flagged, or a paragraph continuing it.
    let seen = flagged_quote[qi] || q.continues.is_some_and(|c| c < flagged_quote.len() && flagged_quote[c]);
    flagged_quote[qi] = true;
    if seen {
        return Some(None);
    }
    // "What did Jane Roe say after the match?" names the speaker of the answer.
    let asked = i > 0 && {
        let p = &doc.sentences[i - 1];
        ctext[p.span.clone()].trim_end().ends_with('?')
            && lex.reporting_verbs.contains(&lower[p.span.clone()])
            && doc.words_of(i - 1).iter().skip(1).any(|w| ctext[w.span.clone()].starts_with(char::is_uppercase))
    };
    if asked {
        return Some(None);
    }
    let inner = q.inner.clone();
    let msg = format!("Quotation with no speaker: \"{}\" — who said this?", short(&doc.text[inner.clone()], 8));
    Some(Some(Finding { span: doc.sentences[i].span.clone(), code: Code::UnattributedQuote, message: msg, key: inner }))
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_quotation_with_no_speaker() {
        let t = "The crowd waited outside. “We will never give in to these demands.”";
        assert_eq!(findings(t), [(Code::UnattributedQuote, "We will never give in to these demands.".into())]);
    }

    #[test]
    fn a_quotation_with_a_speaker_is_no_finding() {
        assert!(findings("“We will never give in to these demands,” said Mayor Ruth Adler.").is_empty());
    }
}
