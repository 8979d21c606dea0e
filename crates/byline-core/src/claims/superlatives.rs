//! The superlative detectors: "the most exciting", "its most senior"; a superlative in "-est"
//! or from superlatives.txt, or a record.

use super::checkable::Claim;
use super::short;
use crate::Span;

/// "the most exciting", "its most senior": a superlative with "most" after a determiner or a
/// possessive.
pub(crate) fn with_most(c: &Claim) -> Option<(Span, String)> {
    let (ctext, lower, words) = (c.ctext, c.lower, c.words);
    for (k, w) in words.iter().enumerate().skip(1) {
        if &lower[w.span.clone()] == "most" && c.outside(&w.span) {
            let before = &lower[words[k - 1].span.clone()];
            let after = words.get(k + 1).map(|n| &lower[n.span.clone()]);
            if (matches!(before, "the" | "its" | "their" | "his" | "her") || before.ends_with("'s") || before.ends_with("’s"))
                && after.is_some_and(|a| a.chars().all(char::is_alphabetic) && !c.lex.function_words.contains(a))
            {
                let key = w.span.start..words[k + 1].span.end;
                return Some((key.clone(), format!("No source for \"{}\" — who says so?", &ctext[key])));
            }
        }
    }
    None
}

/// A superlative or a record: a lower-case word in "-est" (not "interest", "protest" …) or
/// from superlatives.txt.
pub(crate) fn superlative(c: &Claim) -> Option<(Span, String)> {
    let (ctext, lower, s) = (c.ctext, c.lower, c.s);
    for w in c.words {
        let l = &lower[w.span.clone()];
        let est = l.len() > 5
            && l.ends_with("est")
            && !matches!(
                l,
                "interest"
                    | "protest"
                    | "request"
                    | "arrest"
                    | "harvest"
                    | "contest"
                    | "suggest"
                    | "manifest"
                    | "honest"
                    | "modest"
                    | "forest"
                    | "latest"
                    | "investigest"
            );
        let superlative = est || (c.doc.document.is(w, crate::document::class::SUPERLATIVE) && !matches!(l, "last" | "most" | "only"));
        // (Whether it is outside quotations and in lower case, asked of a superlative only.)
        if superlative && c.outside(&w.span) && !ctext[w.span.clone()].chars().next().is_some_and(char::is_uppercase) {
            let key = w.span.clone();
            return Some((
                key.clone(),
                format!(
                    "No source for \"{}\" — who says so?",
                    short(crate::text::between(ctext, key.start, s.span.end.min(key.start + 60)), 5)
                ),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn most_and_est_superlatives() {
        assert_eq!(findings("It is the most expensive bridge in the region."), [(Code::UnattributedClaim, "most expensive".into())]);
        assert_eq!(findings("The tower is the tallest building in the country."), [(Code::UnattributedClaim, "tallest".into())]);
    }

    #[test]
    fn words_in_est_that_are_no_superlatives() {
        assert!(findings("The tower is a modest building near the forest.").is_empty());
    }
}
