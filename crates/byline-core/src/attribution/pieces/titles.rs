//! The title and abbreviation pieces: abbreviations with a full stop ("Rep."), acronyms ("WHO")
//! and a job title before a name ("ECB policymaker Jane Roe").

use super::Ctx;
use super::words::{CONJ, DETERMINERS, PRONOUNS};
use crate::document::Word;
use crate::sentences::Sentence;

/// Whether a word is an abbreviation that takes a full stop ("U.S", "Rep", "Gov").
pub(crate) fn abbreviation(ctx: &Ctx, w: &Word) -> bool {
    let t = ctx.w(w);
    (t.contains('.') && t.chars().all(|c| c.is_alphabetic() || c == '.')) || ctx.lex.abbreviations.contains(&t.to_lowercase())
}

/// Whether a word is an acronym in capitals ("WHO", "ECB"), not a function word.
pub(crate) fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
}

/// A job title before a name ("ECB policymaker", "Lead author", "Cattle producer") ending at
/// word `k`, a lower-case noun: up to four words back to the start of the clause (the sentence
/// start, a comma or a conjunction), none a determiner, function word, time word or figure. The
/// index of its first word.
pub(crate) fn title_start(ctx: &Ctx, s: &Sentence, words: &[Word], k: usize) -> Option<usize> {
    let mut t = k + 1;
    while t > 0 && k + 1 - t < 4 {
        let w = &words[t - 1];
        if t <= k && !ctx.gap_is_space(w.span.end, words[t].span.start) {
            // ("“Night Shift” actress Jane Roe": a quoted, capitalised title of a work, whole.)
            if let Some(open) = quoted_title_open(ctx, words, t) {
                t = open;
            }
            break;
        }
        let l = ctx.lw(w);
        let acronym = is_acronym(ctx.w(w));
        // A ranking: "world number three Ana Kovac", "seeded number 4 Jan Holm".
        let ranked = t >= 2 && ctx.lw(&words[t - 2]) == "number";
        if !acronym
            && !ranked
            && (!ctx.w(w).chars().all(|c| c.is_alphabetic() || c == '-')
                || ctx.doc.is(w, crate::document::class::FUNCTION)
                || ctx.is_time(w)
                || DETERMINERS.contains(&l)
                || PRONOUNS.contains(&l)
                || (t <= k && !ctx.is_cap(w) && l.ends_with("ed")))
        {
            break;
        }
        t -= 1;
    }
    if t > k {
        return None;
    }
    // The title opens its clause (an opening quotation mark before it is part of it).
    let opens = t == 0 || words[t].span.start <= s.span.start + 1 || ctx.gap(s.span.start, words[t].span.start).trim() == "“" || {
        let p = &words[t - 1];
        let g = ctx.gap(p.span.end, words[t].span.start).trim();
        // After a quotation that just closed ("“…,” actor Jane Roe said", "“…!” …"), as after
        // an opening one.
        let unquoted = g.trim_end_matches(['“', '"', '”', '’', '\'']).trim_end();
        let after_quote = unquoted.len() < g.len() && g.ends_with(['”', '"', '’', '\'']);
        unquoted.ends_with([',', ';', ':', '—', '–'])
            || after_quote && unquoted.ends_with(['!', '?'])
            || (unquoted.is_empty() && CONJ.contains(&ctx.lw(p)))
    };
    opens.then_some(t)
}

/// Before word `t`, after a closing quotation mark and a space: the first word of a quoted,
/// capitalised title of at most five words ("“Night Shift”"), opened after a space, a line start
/// or at the sentence's start.
fn quoted_title_open(ctx: &Ctx, words: &[Word], t: usize) -> Option<usize> {
    let close = ctx.gap(words[t - 1].span.end, words[t].span.start);
    if !matches!(close, "” " | "\" ") {
        return None;
    }
    let mut o = t - 1;
    loop {
        if !ctx.is_cap(&words[o]) && !ctx.doc.is(&words[o], crate::document::class::FUNCTION) {
            return None;
        }
        let before = &ctx.text[..words[o].span.start];
        if let Some(rest) = before.strip_suffix('“').or_else(|| before.strip_suffix('"')) {
            return ((rest.is_empty() || rest.ends_with([' ', '\n'])) && ctx.is_cap(&words[o])).then_some(o);
        }
        if o == 0 || t - o >= 5 || !ctx.gap_is_space(words[o - 1].span.end, words[o].span.start) {
            return None;
        }
        o -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::pieces::Ctx;

    use crate::lexicon::Lexicon;

    #[test]
    fn acronyms_and_abbreviations() {
        assert!(is_acronym("WHO") && !is_acronym("Who") && !is_acronym("A"));
        let t = "U.S Rep said";
        let doc = crate::document::Document::parse(t, crate::Format::Plain, Lexicon::bundled());
        let ctx = Ctx::new(&doc, Lexicon::bundled());
        let words = doc.words_of(0);
        assert!(abbreviation(&ctx, &words[0]));
        assert!(!abbreviation(&ctx, &words[2]));
    }
}
