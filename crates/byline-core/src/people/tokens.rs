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
    /// Whether the word carries a possessive ("Putin's", "Harris'").
    pub possessive: bool,
    /// A single capital letter, with or without a full stop ("V.", "W").
    pub initial: bool,
    /// Starts with an upper-case letter and is not all capitals.
    pub cap: bool,
    /// All capitals, two letters or more ("AP", "NATO").
    pub acronym: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split `text` into words. Apostrophes and hyphens inside a word belong to it ("O'Brien",
/// "Governor-General", "pro-Trump"); a possessive ending is recorded, not included.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        loop {
            match it.peek().copied() {
                Some((j, d)) if is_word_char(d) => {
                    end = j + d.len_utf8();
                    it.next();
                }
                Some((j, d)) if matches!(d, '\'' | '’' | '-' | '‑') => {
                    // Joiner only when a word character follows.
                    let after = j + d.len_utf8();
                    match text[after..].chars().next() {
                        Some(e) if is_word_char(e) => {
                            it.next();
                            end = after;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        let mut word_end = end;
        let mut possessive = false;
        let mut raw_extra = 0;
        let w = &text[start..end];
        for suf in ["'s", "’s", "'S", "’S"] {
            if w.len() > suf.len() + 1 && w.ends_with(suf) {
                word_end = end - suf.len();
                possessive = true;
                break;
            }
        }
        if !possessive {
            // "Harris'" — an apostrophe after a final s, not followed by a word character.
            if let Some(rest) = text.get(end..) {
                if (rest.starts_with('\'') || rest.starts_with('’')) && (w.ends_with('s') || w.ends_with('S')) {
                    let after = &rest[rest.chars().next().map_or(0, |c| c.len_utf8())..];
                    if !after.chars().next().is_some_and(is_word_char) {
                        possessive = true;
                        raw_extra = rest.chars().next().map_or(0, |c| c.len_utf8());
                    }
                }
            }
        }
        let word = &text[start..word_end];
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        let single = word.chars().count() == 1;
        let upper = first.is_uppercase();
        let has_lower = word.chars().any(|c| c.is_lowercase());
        let mut tok = Tok {
            start,
            end: word_end,
            raw_end: end + raw_extra,
            possessive,
            initial: single && upper,
            cap: upper && has_lower,
            acronym: !single && upper && !has_lower && word.chars().all(|c| !c.is_numeric()),
        };
        if tok.initial && text[end..].starts_with('.') {
            tok.end = end + 1;
            tok.raw_end = end + 1;
            // Skip the full stop in the iterator.
            it.next();
        }
        out.push(tok);
    }
    out
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
    }
}
