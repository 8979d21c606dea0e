//! The figure detector: a number outside quotations ("at least 300 ships"), not a year or a
//! date, with the words that lead into it and the noun after it.

use super::checkable::Claim;
use crate::Span;
use crate::attribution::WordList;

const NUMBER_LEAD: WordList = WordList::new(&[
    "at",
    "least",
    "about",
    "around",
    "some",
    "more",
    "than",
    "up",
    "to",
    "almost",
    "nearly",
    "over",
    "under",
    "fewer",
    "less",
    "roughly",
    "approximately",
    "an",
    "estimated",
    "another",
    "just",
]);
const NUMBER_STOP: WordList = WordList::new(&[
    "in", "on", "at", "to", "for", "from", "with", "and", "or", "but", "by", "of", "now", "that", "which", "who", "were", "was", "is",
    "are", "had", "have", "has", "will", "would", "the", "a", "an", "among", "amid", "as", "last", "this", "next", "since", "after",
    "before", "during",
]);

/// The first figure of the sentence, with up to three lead words and three words after it.
pub(crate) fn figure(c: &Claim) -> Option<(Span, String)> {
    let (ctext, lower, words) = (c.ctext, c.lower, c.words);
    for (k, w) in words.iter().enumerate() {
        // (The `DIGIT` shape bit: the word starts with an ASCII digit.)
        let digit = w.shape & crate::document::shape::DIGIT != 0;
        let l = &lower[w.span.clone()];
        let is_num = digit
            // (The word's `NUMBER` class bit is `lex.numbers` of its lower-case form.)
            || (c.doc.document.is(w, crate::document::class::NUMBER) && !matches!(l, "half" | "third" | "quarter" | "majority")
                || matches!(l, "half"));
        if !is_num || !c.outside(&w.span) {
            continue;
        }
        let t = &ctext[w.span.clone()];
        // Years and dates are not figures.
        if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) && (t.starts_with("19") || t.starts_with("20")) {
            continue;
        }
        if t.contains('/') {
            continue;
        }
        let mut a = k;
        while a > 0 && NUMBER_LEAD.contains(&lower[words[a - 1].span.clone()].as_ref()) && k - a < 3 {
            a -= 1;
        }
        let mut e = k + 1;
        while e < words.len() && e - k <= 3 {
            let l2 = &lower[words[e].span.clone()];
            if NUMBER_STOP.contains(&l2) || !ctext[words[e - 1].span.end..words[e].span.start].trim().is_empty() {
                break;
            }
            e += 1;
        }
        let key = words[a].span.start..words[e - 1].span.end;
        return Some((key.clone(), format!("No source for \"{}\" — who says so?", &ctext[key])));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_figure_with_its_lead_words() {
        assert_eq!(
            findings("At least 2,400 homes were flooded along the coast."),
            [(Code::UnattributedClaim, "At least 2,400 homes".into())]
        );
    }

    #[test]
    fn a_year_is_no_figure() {
        let f = findings("The old bridge opened in 1998 after long delays.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "The old bridge opened in 1998 after long delays.");
    }
}
