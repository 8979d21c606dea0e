//! Sentence segmentation with byte ranges.
//!
//! Knows abbreviations and initials ("Mr.", "U.S.", "Vladimir V. Putin"), decimals and times
//! ("3.5", "9:30am"), ellipses, quotation marks that close after the full stop, whole articles
//! on one line, and site furniture between paragraphs (marked [`Role::Boilerplate`]).

use crate::Span;
use crate::document::cues::{self, StartMemo};
use crate::lexicon::{Lexicon, PhraseMatch};
use crate::people::tokens::Tok;
use crate::text::{BlockKind, Format};

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last non-space byte of the sentence.
    pub span: Span,
    /// Index of the block (see [`crate::text::blocks`]) this sentence belongs to.
    pub block: usize,
    pub block_kind: BlockKind,
    /// What the sentence is doing in the document.
    pub role: Role,
    /// Whether this is the first sentence of its paragraph.
    pub para_start: bool,
}

/// What a sentence is doing in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Article text.
    Body,
    /// A headline, subheading, caption, byline or dateline: a line that does not end like a
    /// sentence, or a Markdown heading.
    Headline,
    /// Site furniture: sign-up prompts, donation appeals, photo credits, related-story lists.
    Boilerplate,
}

/// Split a document into sentences with the bundled lexicons.
pub fn split(text: &str, format: Format) -> Vec<Sentence> {
    split_with(text, format, Lexicon::bundled())
}

/// Split a document into sentences.
pub fn split_with(text: &str, format: Format, lex: &Lexicon) -> Vec<Sentence> {
    split_clean(text, &crate::text::clean(text), format, lex)
}

/// Split a document into sentences, given its text with masked spans blanked
/// ([`crate::text::clean`]).
pub fn split_clean(text: &str, clean: &str, format: Format, lex: &Lexicon) -> Vec<Sentence> {
    split_clean_by(text, clean, format, lex, &mut Fresh { clean, lex, toks: None, next_tok: 0 })
}

/// [`split_clean`], given the tokens of `clean` too: the boilerplate phrases of a sentence are
/// then looked for from its word starts ([`cues::any_in`]) instead of its every byte.
/// `starts` is the memo of the tokens' forms, with the boilerplate list among its lists.
pub(crate) fn split_clean_tokens(
    text: &str,
    clean: &str,
    toks: &[Tok],
    starts: &StartMemo,
    format: Format,
    lex: &Lexicon,
) -> Vec<Sentence> {
    split_clean_by(text, clean, format, lex, &mut Fresh { clean, lex, toks: Some((toks, starts)), next_tok: 0 })
}

/// The work of splitting that is a function of one block's or one sentence's text alone, so
/// the incremental analysis can reuse its answers ([`crate::incremental`]).
pub(crate) trait BlockWork {
    /// [`boundaries`] of the block `span` of the cleaned text.
    fn boundaries(&mut self, span: Span) -> Vec<(usize, usize)>;
    /// [`is_furniture`] of the sentence `span` of the cleaned text.
    fn is_furniture(&mut self, span: Span) -> bool;
}

/// [`BlockWork`] done afresh.
struct Fresh<'a, 'm, 'l> {
    clean: &'a str,
    lex: &'a Lexicon,
    /// The tokens of `clean`, and what their forms say about where boilerplate phrases start.
    toks: Option<(&'a [Tok], &'m StartMemo<'l>)>,
    /// The first token of the sentence last asked about.
    next_tok: usize,
}

impl BlockWork for Fresh<'_, '_, '_> {
    fn boundaries(&mut self, span: Span) -> Vec<(usize, usize)> {
        boundaries(self.clean, span, self.lex)
    }
    fn is_furniture(&mut self, span: Span) -> bool {
        let (clean, lex) = (self.clean, self.lex);
        let sentence = &clean[span.clone()];
        let Some((toks, memo)) = self.toks else { return is_furniture(sentence, lex) };
        // The tokens that start in the sentence, none running into it from before. Sentences
        // come in order, so the search goes on from the last one's first token.
        let from = if toks.get(self.next_tok.wrapping_sub(1)).is_some_and(|t| t.start >= span.start) { 0 } else { self.next_tok };
        let mut first = from;
        while first < toks.len() && toks[first].start < span.start {
            first += 1;
        }
        let mut last = first;
        while last < toks.len() && toks[last].start < span.end {
            last += 1;
        }
        self.next_tok = first;
        let boilerplate = if first > 0 && toks[first - 1].run_end > span.start {
            None
        } else {
            cues::any_in(&lex.boilerplate, clean, span, &toks[first..last], memo, |m| not_zone(lex, m))
        };
        boilerplate.unwrap_or_else(|| is_boilerplate(sentence, lex)) || is_credit_line(sentence)
    }
}

/// Whether a sentence (its cleaned text) is site furniture by itself: a boilerplate phrase
/// or a credit line.
pub(crate) fn is_furniture(sentence: &str, lex: &Lexicon) -> bool {
    is_boilerplate(sentence, lex) || is_credit_line(sentence)
}

/// [`split_clean`], with the work of [`BlockWork`] done by `work`.
pub(crate) fn split_clean_by(text: &str, clean: &str, format: Format, lex: &Lexicon, work: &mut impl BlockWork) -> Vec<Sentence> {
    let blocks = crate::text::blocks(text, format);
    // Phrase matching is case-insensitive: the cleaned text serves as it is.
    let lower: &str = clean;
    let mut out = Vec::new();
    let mut zone = false;
    let half = text.len() / 2;
    for (bi, block) in blocks.iter().enumerate() {
        let first_of_block = out.len();
        let mut start = block.span.start;
        for end_next in work.boundaries(block.span.clone()) {
            let (end, next) = end_next;
            push(&mut out, text, start..end, bi, block.kind);
            start = next;
        }
        push(&mut out, text, start..block.span.end, bi, block.kind);
        if let Some(s) = out.get_mut(first_of_block) {
            s.para_start = block.para_start;
        }
        // Roles.
        let line_lower = &lower[block.span.clone()];
        // At most six words (counting stops at seven).
        if !zone && block.span.start >= half && !block.terminated && line_lower.split_whitespace().take(7).count() <= 6 {
            zone = lex.boilerplate.any(line_lower, |m| lex.boilerplate.rule(m.rule).section.as_deref() == Some("zone"));
        }
        for s in &mut out[first_of_block..] {
            s.role = if zone || work.is_furniture(s.span.clone()) {
                Role::Boilerplate
            } else if block.kind == BlockKind::Heading || !block.terminated {
                Role::Headline
            } else {
                Role::Body
            };
        }
    }
    out
}

fn is_boilerplate(lower: &str, lex: &Lexicon) -> bool {
    lex.boilerplate.any(lower, |m| not_zone(lex, m))
}

/// Whether a boilerplate match is furniture by itself (not a `[zone]` heading).
fn not_zone(lex: &Lexicon, m: &PhraseMatch) -> bool {
    lex.boilerplate.rule(m.rule).section.as_deref() != Some("zone")
}

/// A reporter's credit or contact line: "Jane Roe reported from Lagos.", "Reach Jane Roe at
/// jroe@example.com or 555-0100." (a short sentence with an email address), "Email: …".
fn is_credit_line(s: &str) -> bool {
    // Both forms need an '@' (an email address) or "reported", "wrote" or "reporting" before
    // "from": most sentences have neither, and two byte searches answer for them without
    // splitting the words.
    let b = s.as_bytes();
    if memchr::memchr(b'@', b).is_none() && !memchr::memchr_iter(b'f', b).any(|i| b[i..].starts_with(b"from") && verb_before(&b[..i])) {
        return false;
    }
    // Up to 20 words: a longer sentence is no credit line.
    let mut words: [&str; 20] = [""; 20];
    let mut n = 0;
    for w in s.split_whitespace() {
        if n == words.len() {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    if words.is_empty() {
        return false;
    }
    let email = words.iter().any(|w| {
        let w = w.trim_end_matches(['.', ',', ';', ')']);
        w.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
    });
    if email {
        return true;
    }
    // "<Name> reported from <Place>." / "<Name> wrote from <Place>.": names only around the verb.
    if words.len() <= 10
        && let Some(k) = words.windows(2).position(|p| matches!(p[0], "reported" | "wrote" | "reporting") && p[1] == "from")
    {
        let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let before = &words[..k];
        let after = &words[k + 2..];
        return !before.is_empty()
            && before.iter().all(|w| cap(w) || matches!(*w, "and" | "de" | "van" | "von" | "da" | "del" | "la"))
            && !after.is_empty()
            && after.iter().all(|w| cap(w) || matches!(*w, "and" | "the" | "in" | "de"));
    }
    false
}

/// Whether `b` may end with "reported", "wrote" or "reporting" and white space: the bytes of
/// white space outside ASCII are all above 0x7F, so passing over those bytes too never misses
/// one (it may let another through, which the word split then refuses).
fn verb_before(b: &[u8]) -> bool {
    let end = b.iter().rposition(|&c| !(c.is_ascii_whitespace() || c >= 0x80)).map_or(0, |i| i + 1);
    end < b.len() && [&b"reported"[..], b"wrote", b"reporting"].iter().any(|v| b[..end].ends_with(v))
}

fn push(out: &mut Vec<Sentence>, text: &str, span: Span, block: usize, kind: BlockKind) {
    if span.start >= span.end {
        return;
    }
    let piece = &text[span.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Sentence { span: span.start + lead..span.end - trail, block, block_kind: kind, role: Role::Body, para_start: false });
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '*' | '_' | '„')
}

/// Sentence boundaries inside `span`: (end of one sentence, start of the next). Reads only
/// `text[span]`.
pub(crate) fn boundaries(text: &str, span: Span, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let s = &text[span.clone()];
    let base = span.start;
    let b = s.as_bytes();
    let mut i = 0;
    // The next ellipsis at or after `i` (b.len() when none).
    let mut ellipsis = next_ellipsis(b, 0);
    while i < b.len() {
        // Jump to the next terminal mark.
        if ellipsis < i {
            ellipsis = next_ellipsis(b, i);
        }
        i = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map_or(b.len(), |k| i + k).min(ellipsis);
        if i >= b.len() {
            break;
        }
        let term_at = i;
        // The run of terminal punctuation.
        let mut j = i;
        loop {
            if j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                j += 1;
            } else if b.get(j) == Some(&0xE2) && b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xA6) {
                j += 3;
            } else {
                break;
            }
        }
        let single_dot = j == term_at + 1 && b[term_at] == b'.';
        // Closing quotes and brackets.
        let mut chars = s[j..].char_indices();
        let mut end = j;
        let mut k = j;
        let mut saw_space = false;
        for (off, ch) in chars.by_ref() {
            if !saw_space && is_closer(ch) {
                end = j + off + ch.len_utf8();
                continue;
            }
            if is_space(ch) {
                saw_space = true;
                k = j + off + ch.len_utf8();
                continue;
            }
            k = j + off;
            break;
        }
        i = j.max(i + 1);
        if !saw_space || k >= b.len() {
            continue;
        }
        // What follows must look like a sentence start: an upper-case letter or a digit,
        // possibly after an opening quote or bracket.
        let rest = &s[k..];
        let first_real = rest.chars().find(|&ch| !is_opener(ch));
        let Some(fc) = first_real else { continue };
        if !(fc.is_uppercase() || fc.is_ascii_digit()) {
            continue;
        }
        if single_dot && !dot_ends_sentence(s, term_at, rest, lex) {
            continue;
        }
        out.push((base + end, base + k));
        i = k;
    }
    out
}

/// The first `…` at or after byte `from` of `b` (`b.len()` when none).
fn next_ellipsis(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memchr(0xE2, &b[i..]) {
        let p = i + k;
        if b.get(p + 1) == Some(&0x80) && b.get(p + 2) == Some(&0xA6) {
            return p;
        }
        i = p + 1;
    }
    b.len()
}

/// The word right before byte `at` (letters and inner dots).
fn word_before(s: &str, at: usize) -> &str {
    let b = s.as_bytes();
    let mut st = at;
    while st > 0 {
        let ch = s[..st].chars().next_back().unwrap_or(' ');
        if ch.is_alphanumeric() || ch == '.' {
            st -= ch.len_utf8();
        } else {
            break;
        }
    }
    let _ = b;
    &s[st..at]
}

fn next_word(rest: &str) -> &str {
    let r = rest.trim_start_matches(is_opener);
    let e = r.find(|c: char| !c.is_alphanumeric()).unwrap_or(r.len());
    &r[..e]
}

fn dot_ends_sentence(s: &str, dot: usize, rest: &str, lex: &Lexicon) -> bool {
    let w = word_before(s, dot);
    let w = w.trim_start_matches('.');
    if w.is_empty() {
        return true;
    }
    // (The next word is read only when the word before the dot asks: most do not.)
    let next_opens = || lex.function_words.contains(next_word(rest));
    let first_digit = || next_word(rest).chars().next().is_some_and(|c| c.is_ascii_digit());
    // Dotted acronyms and initials: "U.S.", "V.", "a.m." (the letters are the characters
    // other than full stops).
    let (mut letters, mut all_alphabetic, mut first) = (0, true, ' ');
    for c in w.chars().filter(|&c| c != '.') {
        if letters == 0 {
            first = c;
        }
        letters += 1;
        all_alphabetic &= c.is_alphabetic();
    }
    if w.contains('.') && all_alphabetic && letters <= 4 {
        return next_opens();
    }
    if letters == 1 && first.is_uppercase() {
        return next_opens();
    }
    if lex.abbreviations.contains(w) {
        return match lex.abbreviations.section(w) {
            Some("title") => false,
            _ => {
                if w.eq_ignore_ascii_case("no") {
                    !first_digit()
                } else if first_digit() {
                    false
                } else {
                    next_opens()
                }
            }
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t, Format::Plain).iter().map(|s| &t[s.span.clone()]).collect::<Vec<_>>()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            texts("Mr. Smith met Anna K. Berg in the U.S. on Jan. 5. They talked."),
            ["Mr. Smith met Anna K. Berg in the U.S. on Jan. 5.", "They talked."]
        );
    }

    #[test]
    fn credit_lines_pass_the_byte_searches() {
        for t in [
            "Tomas Vell reported from Ostrava.",
            "Tomas Vell wrote\u{a0}from Ostrava.",
            "Ilse Marr and Tomas Vell reporting  from Brno.",
            "Write to Ilse Marr at imarr@example.net.",
        ] {
            assert!(is_credit_line(t), "{t}");
        }
        for t in ["The trains ran from Ostrava.", "Ilse Marr reported from the 12 districts.", "He reportedly came from Brno."] {
            assert!(!is_credit_line(t), "{t}");
        }
        assert!(verb_before(b"Vell reported ") && verb_before(b"wrote\xc2\xa0") && !verb_before(b"reported") && !verb_before(b"came "));
    }

    #[test]
    fn quote_closing_after_stop() {
        assert_eq!(texts("“We are ready.” Then she left."), ["“We are ready.”", "Then she left."]);
    }
}
