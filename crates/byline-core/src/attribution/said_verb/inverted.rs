//! The inverted pattern: the source after the verb, after a quotation or a comma ("…,” said
//! Mr Borrell.", "…, said the Kremlin.", "said lead author Jane Roe").

use super::VerbCue;
use crate::attribution::Attribution;
use crate::attribution::pieces::classify::classify;
use crate::attribution::pieces::noun_phrase::np_after;
use crate::attribution::pieces::words::{BE, RELATIVE};
use crate::attribution::pieces::{Ctx, ends_clause_mark};
use crate::document::Word;
use crate::sentences::Sentence;

/// The attribution to a source phrase after the verb that ends the clause, if there is one.
pub(super) fn inverted(v: &VerbCue) -> Option<Attribution> {
    let (ctx, s, words, wi, we, prev) = (v.ctx, v.s, v.words, v.wi, v.we, v.prev);
    let before = ctx.gap(prev.map_or(s.span.start, |p| p.span.end), v.cue.start).trim();
    // A phrasal cue does not invert: in "Jane Roe, the party leader, called for a review" the
    // phrase after "called for" is what is called for, not who.
    // "tell" takes its hearer as object, so "X, a minister, told a summit" does not invert.
    let tell = matches!(v.first_form, "tell" | "tells" | "told");
    let after_quote_or_comma =
        !tell && (prev.is_none() || (ends_clause_mark(before) && !closes_clause(ctx, s, words, wi) && !v.form.contains(' ')));
    // The source follows the verb directly: after "said:" comes what was said ("Chief
    // Executive, Jane Roe, said: “We …”" is not said by "We").
    if !(after_quote_or_comma && we < words.len() && !v.act && ctx.gap_is_space(v.cue.end, words[we].span.start)) {
        return None;
    }
    let np = np_after(ctx, words, we);
    let r = np.clone()?;
    let first = &words[r.start];
    let fl = ctx.lw(first);
    // "said lead author Jane Roe": lower-case role words before the name.
    let role_lead = (r.start..r.end.min(r.start + 4)).any(|k| ctx.is_cap(&words[k]))
        && (r.start..r.end).take_while(|&k| !ctx.is_cap(&words[k])).all(|k| {
            let l = ctx.lw(&words[k]);
            // ("said study co-author Jane Roe": a hyphened role word too.)
            l.chars().all(|c| c.is_alphabetic() || c == '-') && !ctx.doc.is(&words[k], crate::document::class::FUNCTION)
        });
    if ends_clause(ctx, words, &r) && (ctx.is_cap(first) || fl == "the" || fl == "a" || fl == "an" || role_lead) {
        let (kind, source) = classify(ctx, s, words, np);
        return Some(v.attribution(source, kind, true));
    }
    None
}

/// The phrase must end the clause: "said Mr Borrell." not "said the bomb was …".
fn ends_clause(ctx: &Ctx, words: &[Word], r: &std::ops::Range<usize>) -> bool {
    let follow = words.get(r.end).map(|w| ctx.lw(w)).unwrap_or_default();
    let follow_gap = words.get(r.end).map_or("", |w| ctx.gap(words[r.end - 1].span.end, w.span.start)).trim();
    r.end >= words.len()
        || !follow_gap.is_empty()
        || !(BE.contains(&follow)
            || matches!(
                follow,
                "has" | "have" | "had" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should" | "did" | "does" | "do"
            ))
}

/// Whether the comma before word `wi` closes a relative or participle clause ("Jane Roe, who
/// voted against, said …", "staff, speaking privately, said …"): the verb then has its subject
/// before the clause, and what follows it is the reported content.
fn closes_clause(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> bool {
    let mut k = wi;
    while k > 1 && wi - k < 14 {
        k -= 1;
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        if g == "," {
            let l = ctx.lw(&words[k]);
            return RELATIVE.contains(&l) || (l.ends_with("ing") && !ctx.is_cap(&words[k]));
        }
        if !g.is_empty() && g != "’" && g != "'" && g != "-" {
            return false;
        }
    }
    let _ = s;
    false
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn the_source_after_the_verb() {
        let t = "“It is over,” said lead author Jane Roe.";
        assert_eq!(source_of(t, "said"), Some((Some("lead author Jane Roe".into()), SourceKind::Named)));
        let t = "The talks have failed, said the Kremlin.";
        assert_eq!(source_of(t, "said"), Some((Some("the Kremlin".into()), SourceKind::Named)));
    }

    #[test]
    fn a_hyphened_role_before_the_name() {
        let t = "The tides seem to shift, by pulling “waters that never meet,” said study co-author Ilsa Brandvold.";
        assert_eq!(source_of(t, "said"), Some((Some("study co-author Ilsa Brandvold".into()), SourceKind::Named)));
    }

    #[test]
    fn what_follows_a_colon_is_what_was_said() {
        let t = "Harbour Board Chief Executive, Ida Berg, said: “We acted as soon as we knew.”";
        let (source, kind) = source_of(t, "said").unwrap();
        assert!(source.unwrap().contains("Ida Berg"));
        assert_eq!(kind, SourceKind::Named);
    }

    #[test]
    fn after_a_quotation_closed_with_two_apostrophes() {
        let t = "\"We hope to reopen by June,'' said Hugo Brandt, the owner of the inn.";
        assert_eq!(crate::attribution::fixtures::source_of(t, "said").and_then(|s| s.0).as_deref(), Some("Hugo Brandt"));
    }
}
