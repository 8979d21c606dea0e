//! The document-source cue: "according to a report by the city's works department" names its
//! source, "according to a new study" does not; "satellite images released by X showed".

use super::SourceKind;
use super::pieces::Ctx;
use super::pieces::words::{RELATIVE, STOP_IN_NP};
use crate::Span;
use crate::document::Word;
use crate::sentences::Sentence;

/// Keepers of records whose documents identify their source: "court filings", "tax records".
pub(crate) const RECORD_KEEPERS: &[&str] = &[
    "court",
    "tax",
    "police",
    "land",
    "property",
    "census",
    "flight",
    "shipping",
    "customs",
    "immigration",
    "election",
    "campaign",
    "corporate",
    "company",
    "regulatory",
    "parliamentary",
    "congressional",
    "legislative",
    "hospital",
];

/// "according to a report by the city's works department" names its source; "according to a
/// new study" does not. For a source phrase headed by a document noun (documents.txt) without a
/// definite determiner: named when a capitalised name or "by/from/in the …" follows in the
/// clause, else vague. None when the phrase is not a document.
pub(crate) fn document_source(
    ctx: &Ctx,
    s: &Sentence,
    words: &[Word],
    r: std::ops::Range<usize>,
    limit: usize,
) -> Option<(SourceKind, Option<Span>)> {
    if r.is_empty() {
        return None;
    }
    let first = ctx.lw(&words[r.start]);
    if matches!(first, "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that") {
        return None;
    }
    // The document noun: the first word of the phrase (after a determiner and adjectives).
    // "a Reuters report", "a UN study": named before the noun. A capital at the start of the
    // sentence may be a common noun ("Satellite images …", "Figures published …"): decided by
    // what follows.
    let initial = |i: usize| words[i].span.start <= s.span.start + 1;
    let k =
        (r.start..r.end).find(|&k| (!ctx.is_cap(&words[k]) || initial(k)) && ctx.doc.is(&words[k], crate::document::class::DOCUMENT))?;
    let caps_before: Vec<usize> = (r.start..k).filter(|&i| ctx.is_cap(&words[i])).collect();
    if caps_before.iter().any(|&i| !initial(i)) {
        return None;
    }
    let initial_cap = !caps_before.is_empty();
    let mut end = k + 1;
    // "according to court filings", "tax records showed": records an institution keeps.
    let mut named = k > r.start && RECORD_KEEPERS.contains(&ctx.lw(&words[k - 1]));
    let mut j = k + 1;
    while j < words.len().min(limit) && j < k + 16 {
        let g = ctx.gap(words[j - 1].span.end, words[j].span.start).trim();
        if !g.is_empty() && g != "’" && g != "'" && g != "-" {
            break;
        }
        let w = &words[j];
        let l = ctx.lw(w);
        if ctx.is_cap(w) && !ctx.is_time(w) && !ctx.w(w).starts_with(|c: char| c.is_ascii_digit()) {
            named = true;
            end = j + 1;
            break;
        }
        if matches!(l, "by" | "from" | "of" | "in") && words.get(j + 1).is_some_and(|n| matches!(ctx.lw(n), "the")) {
            named = true;
            // "by the city's works department": to the end of that phrase.
            let mut e = j + 2;
            let lim = words.len().min(limit);
            while e < lim && e < j + 7 && ctx.gap_is_space(words[e - 1].span.end, words[e].span.start) {
                let l2 = ctx.lw(&words[e]);
                if STOP_IN_NP.contains(&l2) || RELATIVE.contains(&l2) || ctx.lex.reporting_verbs.contains(l2) {
                    break;
                }
                e += 1;
            }
            end = e.min(lim).max(j + 1);
            break;
        }
        j += 1;
    }
    if initial_cap && !named {
        return None;
    }
    let span = words[r.start].span.start..words[end - 1].span.end;
    Some(if named { (SourceKind::Named, Some(span)) } else { (SourceKind::Vague, Some(span)) })
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn a_document_named_by_its_publisher() {
        let t = "According to a report by the city's works department, the bridge is unsafe.";
        assert_eq!(source_of(t, "According to"), Some((Some("a report by the city's works department".into()), SourceKind::Named)));
        let t = "According to court filings, the firm owed millions.";
        assert_eq!(source_of(t, "According to").map(|s| s.1), Some(SourceKind::Named));
    }
}
