//! Words with byte ranges, as person recognition sees them.

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    /// End of the word without a possessive `'s` / `’s` (and without a trailing full stop,
    /// except for initials, whose full stop is part of the token: "V.").
    pub end: usize,
    /// End of the whole token, possessive ending included.
    pub raw_end: usize,
    /// End of the run of word characters and inner joiners as written ("Putin's", "V" of "V.",
    /// "Harris" of "Harris'"): where the word view of [`crate::document`] joins tokens.
    pub run_end: usize,
    /// Whether the word carries a possessive ("Putin's", "Harris'").
    pub possessive: bool,
    /// A single capital letter, with or without a full stop ("V.", "W").
    pub initial: bool,
    /// Starts with an upper-case letter and is not all capitals.
    pub cap: bool,
    /// All capitals, two letters or more ("AP", "NATO").
    pub acronym: bool,
    /// Its form: the tokens of one text with the same text (`start..end`) share a form,
    /// numbered in the order of first use, so facts about a word are found once per form.
    pub form: u32,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c)
}

/// The character at byte `i` of `text` and its length (a fast path for ASCII).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

#[inline]
fn is_word_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes()[i];
    if b < 0x80 { b.is_ascii_alphanumeric() } else { is_word_char(char_at(text, i).0) }
}

/// Split `text` into words. Apostrophes and hyphens inside a word belong to it ("O'Brien",
/// "Governor-General", "pro-Trump"); a possessive ending is recorded, not included.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let len = text.len();
    let mut i = 0;
    while i < len {
        let (c, l) = char_at(text, i);
        if !is_word_char(c) {
            i += l;
            continue;
        }
        let start = i;
        let mut end = i + l;
        while end < len {
            let (d, dl) = char_at(text, end);
            if is_word_char(d) {
                end += dl;
                continue;
            }
            // Joiner only when a word character follows.
            if matches!(d, '\'' | '’' | '-' | '‑') && end + dl < len && is_word_at(text, end + dl) {
                end += dl;
                continue;
            }
            break;
        }
        i = end;
        let mut word_end = end;
        let mut possessive = false;
        let mut raw_extra = 0;
        let w = &text[start..end];
        // Every possessive ending ends in s.
        let last_s = matches!(w.as_bytes()[w.len() - 1], b's' | b'S');
        if last_s {
            for suf in ["'s", "’s", "'S", "’S"] {
                if w.len() > suf.len() + 1 && w.ends_with(suf) {
                    word_end = end - suf.len();
                    possessive = true;
                    break;
                }
            }
        }
        if !possessive && end < len && last_s {
            // "Harris'" — an apostrophe after a final s, not followed by a word character.
            let (a, al) = char_at(text, end);
            if matches!(a, '\'' | '’') && !(end + al < len && is_word_at(text, end + al)) {
                possessive = true;
                raw_extra = al;
            }
        }
        let word = &text[start..word_end];
        let (single, upper, has_lower, numeric) = if word.is_ascii() {
            let b = word.as_bytes();
            (b.len() == 1, b[0].is_ascii_uppercase(), b.iter().any(|x| x.is_ascii_lowercase()), b.iter().any(|x| x.is_ascii_digit()))
        } else {
            let mut chars = word.chars();
            let first = chars.next().unwrap_or(' ');
            (word.chars().count() == 1, first.is_uppercase(), word.chars().any(|c| c.is_lowercase()), word.chars().any(|c| c.is_numeric()))
        };
        let mut tok = Tok {
            start,
            end: word_end,
            raw_end: end + raw_extra,
            run_end: end,
            possessive,
            initial: single && upper,
            cap: upper && has_lower,
            acronym: !single && upper && !has_lower && !numeric,
            form: 0,
        };
        if tok.initial && text[end..].starts_with('.') {
            tok.end = end + 1;
            tok.raw_end = end + 1;
            // The full stop is not a word character: the scan steps over it.
        }
        out.push(tok);
    }
    // The forms: one hash look-up per token, here only.
    let mut ids: crate::people::lexicon::FxHashMap<&str, u32> = crate::people::lexicon::FxHashMap::default();
    ids.reserve(out.len() / 2 + 1);
    for t in &mut out {
        let n = ids.len() as u32;
        t.form = *ids.entry(&text[t.start..t.end]).or_insert(n);
    }
    out
}

/// The first token of each form (see [`Tok::form`]), in form order.
pub fn form_firsts(toks: &[Tok]) -> Vec<u32> {
    let mut first = Vec::with_capacity(toks.len() / 2 + 1);
    for (i, t) in toks.iter().enumerate() {
        if t.form as usize == first.len() {
            first.push(i as u32);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_and_initials() {
        let t = "Mr Putin's aide, Vladimir V. Putin and Putin’s pro-Trump O'Brien";
        let toks = tokenize(t);
        let words: Vec<_> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(words, ["Mr", "Putin", "aide", "Vladimir", "V.", "Putin", "and", "Putin", "pro-Trump", "O'Brien"]);
        assert!(toks[1].possessive && toks[7].possessive && toks[4].initial);
        let forms: Vec<u32> = toks.iter().map(|k| k.form).collect();
        assert_eq!(forms, [0, 1, 2, 3, 4, 1, 5, 1, 6, 7]);
        assert_eq!(form_firsts(&toks), [0, 1, 2, 3, 4, 6, 8, 9]);
    }
}
