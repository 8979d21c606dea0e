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

mod forms;

pub(crate) use forms::{FormTable, Forms};

#[inline]
fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c)
}

/// What an ASCII byte is, as bits of [`BYTE`]: the tokeniser reads each byte of the text once
/// through this table instead of decoding and testing characters.
const ALNUM: u8 = 1;
const LOWER: u8 = 1 << 1;
const UPPER: u8 = 1 << 2;
const DIGIT: u8 = 1 << 3;
/// Not ASCII: a byte of a longer character, decoded when met.
const HIGH: u8 = 1 << 4;

static BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if b.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if b.is_ascii_digit() {
            ALNUM | DIGIT
        } else if b >= 0x80 {
            HIGH
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The character at byte `i` of `text` (not ASCII) and its length.
#[inline(never)]
fn wide_char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

#[inline]
fn is_word_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes()[i];
    if b < 0x80 { BYTE[b as usize] & ALNUM != 0 } else { is_word_char(wide_char_at(text, i).0) }
}

/// The end of the run of word characters and inner joiners starting at `start`: an apostrophe
/// or hyphen belongs to the word only when a word character follows it. With it, the [`BYTE`]
/// bits of all the run's bytes OR-ed (the word's flags come from them).
#[inline]
fn run_end(text: &str, start: usize) -> (usize, u8) {
    let b = text.as_bytes();
    let len = b.len();
    let mut end = start;
    let mut bits = 0;
    while end < len {
        let k = BYTE[b[end] as usize];
        if k & ALNUM != 0 {
            bits |= k;
            end += 1;
            continue;
        }
        if k & HIGH == 0 {
            if matches!(b[end], b'\'' | b'-') && end + 1 < len && is_word_at(text, end + 1) {
                end += 1;
                continue;
            }
            break;
        }
        let (ch, dl) = wide_char_at(text, end);
        if is_word_char(ch) || (matches!(ch, '’' | '‑') && end + dl < len && is_word_at(text, end + dl)) {
            bits |= HIGH;
            end += dl;
            continue;
        }
        break;
    }
    (end, bits)
}

/// Split `text` into words. Apostrophes and hyphens inside a word belong to it ("O'Brien",
/// "Governor-General", "pro-Trump"); a possessive ending is recorded, not included.
pub fn tokenize(text: &str) -> Vec<Tok> {
    tokenize_numbered(text, FormTable::with_capacity(text.len() / 12 + 1)).0
}

/// [`tokenize`], with the forms numbered on from `table` (whose forms are strings of `text`
/// at the positions it holds), and the numbering after the last token.
pub(crate) fn tokenize_numbered(text: &str, table: FormTable) -> (Vec<Tok>, FormTable) {
    let b = text.as_bytes();
    let len = b.len();
    // About one token per five bytes of prose: room for all, so the vector never grows.
    let mut out = Vec::with_capacity(len / 4 + 1);
    // The forms: one look-up per token, here only.
    let mut forms = Forms::with_table(text, table);
    let mut i = 0;
    while i < len {
        let c = b[i];
        if c < 0x80 {
            if BYTE[c as usize] & ALNUM == 0 {
                i += 1;
                continue;
            }
        } else {
            let (ch, l) = wide_char_at(text, i);
            if !is_word_char(ch) {
                i += l;
                continue;
            }
        }
        let start = i;
        let (end, run_bits) = run_end(text, start);
        i = end;
        let mut word_end = end;
        let mut possessive = false;
        let mut raw_extra = 0;
        let n = end - start;
        // Every possessive ending ends in s: "'s" ("'S") or "’s" ("’S") after two more bytes.
        let last_s = matches!(b[end - 1], b's' | b'S');
        if last_s {
            if n > 3 && b[end - 2] == b'\'' {
                word_end = end - 2;
                possessive = true;
            } else if n > 5 && &b[end - 4..end - 1] == "’".as_bytes() {
                word_end = end - 4;
                possessive = true;
            }
        }
        if !possessive && end < len && last_s {
            // "Harris'" — an apostrophe after a final s, not followed by a word character.
            let (a, al) = if b[end] < 0x80 { (b[end] as char, 1) } else { wide_char_at(text, end) };
            if matches!(a, '\'' | '’') && !(end + al < len && is_word_at(text, end + al)) {
                possessive = true;
                raw_extra = al;
            }
        }
        let word = &b[start..word_end];
        // The run's bits serve unless a possessive ending was cut off ("AP's" has no lower case).
        let bits = if word_end == end { run_bits } else { word.iter().fold(0, |acc, &x| acc | BYTE[x as usize]) };
        let (single, upper, has_lower, numeric) = if bits & HIGH == 0 {
            (word.len() == 1, BYTE[word[0] as usize] & UPPER != 0, bits & LOWER != 0, bits & DIGIT != 0)
        } else {
            let word = &text[start..word_end];
            let first = word.chars().next().unwrap_or(' ');
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
        if tok.initial && b.get(end) == Some(&b'.') {
            tok.end = end + 1;
            tok.raw_end = end + 1;
            // The full stop is not a word character: the scan steps over it.
        }
        tok.form = forms.id(tok.start, tok.end);
        out.push(tok);
    }
    (out, forms.into_table())
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
    }
}
