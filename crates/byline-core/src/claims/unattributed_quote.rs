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
    // A lead-in ending in a colon presents the quotation ("The bill carried a memo justifying
    // the rise:" then the memo's words in a paragraph of their own).
    let introduced = doc.text[..q.span.start].trim_end().ends_with(':');
    if asked || introduced || quoted_elsewhere(doc, qi) {
        return Some(None);
    }
    let inner = q.inner.clone();
    let msg = format!("Quotation with no speaker: \"{}\" — who said this?", short(&doc.text[inner.clone()], 8));
    Some(Some(Finding { span: doc.sentences[i].span.clone(), code: Code::UnattributedQuote, message: msg, key: inner }))
}

/// A pull quote (in a headline, a standfirst or a caption) whose words a quotation with a speaker
/// elsewhere in the article holds: the speaker is named there.
fn quoted_elsewhere(doc: &Doc, qi: usize) -> bool {
    let words = |qi: usize| -> Vec<&str> {
        doc.lower[doc.quotes[qi].inner.clone()].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
    };
    let pulled = words(qi);
    if pulled.len() < 4 {
        return false;
    }
    // (A quotation holding the words holds the longest of them: one byte search rules out most
    // quotations before their words are split; on a long article this was quadratic.)
    let longest = pulled.iter().max_by_key(|w| w.len()).map_or("", |w| w);
    let finder = memchr::memmem::Finder::new(longest);
    doc.quotes.iter().enumerate().any(|(k, o)| {
        k != qi
            && (o.speaker.is_some() || o.attribution.is_some())
            && o.inner.len() >= doc.quotes[qi].inner.len()
            && finder.find(doc.lower[o.inner.clone()].as_bytes()).is_some()
            && words(k).windows(pulled.len()).any(|w| w == pulled.as_slice())
    })
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
    fn a_pull_quote_said_in_full_further_on_is_no_finding() {
        let t = "Harbour closes for good. ‘We never saw it coming.’\n\nThe harbour shut on Monday.\n\n\
                 “We never saw it coming, and now it is gone,” said Mayor Ruth Adler.";
        assert!(findings(t).iter().all(|f| f.0 != Code::UnattributedQuote), "{:?}", findings(t));
    }

    #[test]
    fn a_quotation_after_a_lead_in_ending_in_a_colon_is_no_finding() {
        let t = "The council passed the levy. The bill carried a memo justifying the rise:\n\n“The harbour fund is far more volatile than the rest.”";
        assert!(findings(t).iter().all(|f| f.0 != Code::UnattributedQuote), "{:?}", findings(t));
    }

    #[test]
    fn a_quotation_with_a_speaker_is_no_finding() {
        assert!(findings("“We will never give in to these demands,” said Mayor Ruth Adler.").is_empty());
    }
}
