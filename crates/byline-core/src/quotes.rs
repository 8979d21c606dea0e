//! Quotations: direct speech in straight or curly quotes, spanning sentences or paragraphs,
//! closed or not.
//!
//! One linear pass over each block. Double quotes (“ ” „ « » and straight `"`, whose direction
//! is read from the characters around it) are speech; single quotes (‘ ’ and straight `'`)
//! count when they open after a space and close before a non-letter within the same block, as
//! in British style (‘crucial’), and never inside a double quotation. Apostrophes (don’t,
//! Putin’s) are not quote marks. A quote left open ends at its paragraph's end; when the next
//! paragraph opens with a quote mark, that quote continues it ([`Quote::continues`]). In a
//! paragraph of many sentences (an article flattened onto one line) an unclosed quote ends with
//! the sentence it opened in.

use crate::Span;
use crate::sentences::Sentence;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or to where an unclosed quote ends).
    pub span: Span,
    /// The quoted words without the marks.
    pub inner: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// A short term in quotes ("scare quotes"), not speech: fewer than four words.
    pub scare: bool,
    /// The quote this one continues (the previous paragraph's or sentence's quote was left
    /// open and this one opens again: same speaker).
    pub continues: Option<usize>,
    /// Who said it: the source phrase of the attribution (a pronoun resolved to the name it
    /// refers to when that could be found). Filled in by [`crate::attribution::assign_speakers`].
    pub speaker: Option<Span>,
    /// Index of the attribution that gives the speaker.
    pub attribution: Option<usize>,
}

/// Paragraphs with at least this many sentences are taken for flattened articles.
const FLATTENED: usize = 5;

/// Find the quotations of a document.
pub fn find(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    find_clean(&crate::text::clean(text), sentences)
}

/// Find the quotations of a document, given its text with masked spans blanked
/// ([`crate::text::clean`]).
pub fn find_clean(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Group sentences by block.
    let mut i = 0;
    let mut last_unclosed: Option<usize> = None;
    while i < sentences.len() {
        let b = sentences[i].block;
        let mut j = i;
        while j < sentences.len() && sentences[j].block == b {
            j += 1;
        }
        let sents = &sentences[i..j];
        let span = sents[0].span.start..sents[sents.len() - 1].span.end;
        let flattened = sents.len() >= FLATTENED;
        last_unclosed = scan_block(text, span, sents, flattened, last_unclosed, &mut out);
        i = j;
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Both,
    Neither,
}

fn straight_dir(prev: Option<char>, next: Option<char>) -> Dir {
    let before_ok = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | '“' | '‘' | '\u{a0}'));
    let after_ok =
        next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || matches!(n, '”' | '’' | '—' | '–' | '…' | '\u{a0}'));
    let next_space = next.is_none_or(char::is_whitespace);
    match (before_ok, after_ok) {
        (true, true) if next_space => Dir::Both,
        (true, _) => Dir::Open,
        (false, true) => Dir::Close,
        (false, false) => Dir::Neither,
    }
}

/// Scan one block; returns the index of a quote left open at its end, if any.
fn scan_block(
    text: &str,
    span: Span,
    sents: &[Sentence],
    flattened: bool,
    prev_unclosed: Option<usize>,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let s = &text[span.clone()];
    let base = span.start;
    // Open double quote: (start byte, index of the quote it continues).
    let mut open: Option<(usize, Option<usize>)> = None;
    let mut single: Option<usize> = None;
    let mut first_mark = true;
    let bytes = s.as_bytes();
    let end_of_sentence = |at: usize| -> usize {
        let k = sents.partition_point(|x| x.span.end <= at);
        sents.get(k).filter(|x| x.span.start <= at).map_or(span.end, |x| x.span.end)
    };
    let mut unclosed_here: Option<usize> = None;
    // Only quote marks and apostrophes do anything: the scan jumps from one to the next, and
    // reads the characters around a mark where it stops. `done` is where the last mark
    // handled ended.
    let mut done = 0;
    let mut off = 0;
    // The next 0xC2 lead byte (« », and also a no-break space) at or after `off`.
    let mut c2 = memchr::memchr(0xC2, bytes).unwrap_or(bytes.len());
    while off < bytes.len() {
        if c2 < off {
            c2 = memchr::memchr(0xC2, &bytes[off..]).map_or(bytes.len(), |k| off + k);
        }
        // The next byte that may start a mark: '"', '\'', or the lead byte of “ ” „ ‘ ’ « ».
        off = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[off..]).map_or(bytes.len(), |k| off + k).min(c2);
        if off >= bytes.len() {
            break;
        }
        let lead = bytes[off];
        let c = if lead < 0x80 { lead as char } else { s[off..].chars().next().unwrap_or(' ') };
        let clen = c.len_utf8();
        if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
            off += clen;
            continue;
        }
        let at = base + off;
        let prev: Option<char> = s[..off].chars().next_back();
        // The characters skipped since the last mark: an open single quote expires as it
        // would have at the last of them.
        if off > done
            && open.is_none()
            && let Some(st) = single
            && at - prev.map_or(0, char::len_utf8) - st > 400
        {
            single = None;
        }
        let next = s[off + clen..].chars().next();
        let dir = match c {
            '“' | '„' | '«' => Dir::Open,
            '”' | '»' => Dir::Close,
            '"' => straight_dir(prev, next),
            _ => Dir::Neither,
        };
        // AP copy may close a quotation with two apostrophes: “… the end,’’ she said.
        if let Some((st, cont)) = open
            && matches!(c, '\'' | '’')
            && next == Some(c)
            && !s[off + 2 * clen..].starts_with(char::is_alphanumeric)
        {
            push(out, text, st, at + 2 * clen, true, cont);
            open = None;
            single = None;
            first_mark = false;
            off += 2 * clen;
            done = off;
            continue;
        }
        if matches!(c, '“' | '„' | '«' | '”' | '»' | '"') {
            match (open, dir) {
                (Some((st, cont)), Dir::Close | Dir::Both) => {
                    push(out, text, st, at + clen, true, cont);
                    open = None;
                    single = None;
                }
                (Some((st, cont)), Dir::Open) => {
                    // A new opening mark while a quote is open: the open one was left unclosed
                    // (a flattened paragraph break) and this one continues it.
                    let mut e = at;
                    if flattened {
                        e = e.min(end_of_sentence(st));
                    }
                    let idx = push(out, text, st, e, false, cont);
                    open = Some((at, Some(idx)));
                }
                (None, Dir::Open | Dir::Both) => {
                    let cont = if first_mark && at == sents[0].span.start { prev_unclosed } else { None };
                    open = Some((at, cont));
                    single = None;
                }
                _ => {}
            }
            first_mark = false;
        } else if open.is_none() {
            match c {
                '‘' if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '\u{a0}')) => {
                    single = Some(at);
                }
                '’' | '\'' => {
                    let next_alnum = next.is_some_and(char::is_alphanumeric);
                    let prev_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{a0}'));
                    if let Some(st) = single {
                        if !next_alnum && !prev_space {
                            let closing_matches = (c == '’' && text[st..].starts_with('‘')) || (c == '\'' && text[st..].starts_with('\''));
                            if closing_matches {
                                push(out, text, st, at + clen, true, None);
                                single = None;
                            }
                        }
                    } else if c == '\'' && prev_space && next_alnum {
                        single = Some(at);
                    }
                }
                _ => {}
            }
            if let Some(st) = single
                && at - st > 400
            {
                single = None;
            }
        }
        off += clen;
        done = off;
    }
    if let Some((st, cont)) = open {
        let e = if flattened { end_of_sentence(st) } else { span.end };
        unclosed_here = Some(push(out, text, st, e, false, cont));
    }
    // A quote left open continues only into the next paragraph's opening quote.
    if unclosed_here.is_some() { unclosed_here } else { None }
}

fn push(out: &mut Vec<Quote>, text: &str, start: usize, end: usize, closed: bool, continues: Option<usize>) -> usize {
    let end = end.max(start + 1).min(text.len());
    let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
    let mut inner_s = (start + open_len).min(end);
    let mut inner_e = if closed {
        let close_len = text[..end].chars().next_back().map_or(1, char::len_utf8);
        end.saturating_sub(close_len).max(inner_s)
    } else {
        end
    };
    let inner = &text[inner_s..inner_e];
    inner_s += inner.len() - inner.trim_start().len();
    inner_e -= inner.len() - inner.trim_end().len();
    if inner_e < inner_s {
        inner_e = inner_s;
    }
    // Fewer than four words: counting stops at four.
    let words = text[inner_s..inner_e].split_whitespace().take(4).count();
    out.push(Quote { span: start..end, inner: inner_s..inner_e, closed, scare: words < 4, continues, speaker: None, attribution: None });
    out.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Format;

    fn quotes(t: &str) -> Vec<(String, bool, bool)> {
        let s = crate::sentences::split(t, Format::Plain);
        find(t, &s).into_iter().map(|q| (t[q.inner.clone()].to_string(), q.closed, q.scare)).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(quotes("He said “we will go home now” today."), [("we will go home now".into(), true, false)]);
        assert_eq!(quotes("He said \"we will go home now\" today."), [("we will go home now".into(), true, false)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Putin’s aides don’t agree.").is_empty());
        assert_eq!(quotes("It was ‘crucial’, she said.")[0].0, "crucial");
    }

    /// The block scan as first written (char by char), to check the faster one against; returns the index of a quote left open at its end, if any.
    fn reference_scan_block(
        text: &str,
        span: Span,
        sents: &[Sentence],
        flattened: bool,
        prev_unclosed: Option<usize>,
        out: &mut Vec<Quote>,
    ) -> Option<usize> {
        let s = &text[span.clone()];
        let base = span.start;
        // Open double quote: (start byte, index of the quote it continues).
        let mut open: Option<(usize, Option<usize>)> = None;
        let mut single: Option<usize> = None;
        let mut first_mark = true;
        let mut prev: Option<char> = None;
        let mut chars = s.char_indices().peekable();
        let end_of_sentence = |at: usize| -> usize {
            let k = sents.partition_point(|x| x.span.end <= at);
            sents.get(k).filter(|x| x.span.start <= at).map_or(span.end, |x| x.span.end)
        };
        let mut unclosed_here: Option<usize> = None;
        while let Some((off, c)) = chars.next() {
            let at = base + off;
            let next = chars.peek().map(|&(_, n)| n);
            let dir = match c {
                '“' | '„' | '«' => Dir::Open,
                '”' | '»' => Dir::Close,
                '"' => straight_dir(prev, next),
                _ => Dir::Neither,
            };
            // AP copy may close a quotation with two apostrophes: “… the end,’’ she said.
            if let Some((st, cont)) = open
                && matches!(c, '\'' | '’')
                && next == Some(c)
                && !s[off + 2 * c.len_utf8()..].starts_with(char::is_alphanumeric)
            {
                push(out, text, st, at + 2 * c.len_utf8(), true, cont);
                open = None;
                single = None;
                first_mark = false;
                chars.next();
                prev = Some(c);
                continue;
            }
            if matches!(c, '“' | '„' | '«' | '”' | '»' | '"') {
                match (open, dir) {
                    (Some((st, cont)), Dir::Close | Dir::Both) => {
                        push(out, text, st, at + c.len_utf8(), true, cont);
                        open = None;
                        single = None;
                    }
                    (Some((st, cont)), Dir::Open) => {
                        // A new opening mark while a quote is open: the open one was left unclosed
                        // (a flattened paragraph break) and this one continues it.
                        let mut e = at;
                        if flattened {
                            e = e.min(end_of_sentence(st));
                        }
                        let idx = push(out, text, st, e, false, cont);
                        open = Some((at, Some(idx)));
                    }
                    (None, Dir::Open | Dir::Both) => {
                        let cont = if first_mark && at == sents[0].span.start { prev_unclosed } else { None };
                        open = Some((at, cont));
                        single = None;
                    }
                    _ => {}
                }
                first_mark = false;
            } else if open.is_none() {
                match c {
                    '‘' if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '\u{a0}')) => {
                        single = Some(at);
                    }
                    '’' | '\'' => {
                        let next_alnum = next.is_some_and(char::is_alphanumeric);
                        let prev_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{a0}'));
                        if let Some(st) = single {
                            if !next_alnum && !prev_space {
                                let closing_matches =
                                    (c == '’' && text[st..].starts_with('‘')) || (c == '\'' && text[st..].starts_with('\''));
                                if closing_matches {
                                    push(out, text, st, at + c.len_utf8(), true, None);
                                    single = None;
                                }
                            }
                        } else if c == '\'' && prev_space && next_alnum {
                            single = Some(at);
                        }
                    }
                    _ => {}
                }
                if let Some(st) = single
                    && at - st > 400
                {
                    single = None;
                }
            }
            prev = Some(c);
        }
        if let Some((st, cont)) = open {
            let e = if flattened { end_of_sentence(st) } else { span.end };
            unclosed_here = Some(push(out, text, st, e, false, cont));
        }
        // A quote left open continues only into the next paragraph's opening quote.
        if unclosed_here.is_some() { unclosed_here } else { None }
    }

    #[test]
    fn scan_matches_the_reference() {
        let pieces = [
            "a",
            "Bo",
            " ",
            "  ",
            "\n",
            "“",
            "”",
            "„",
            "«",
            "»",
            "\"",
            "'",
            "’",
            "‘",
            "''",
            "’’",
            "(",
            "—",
            "\u{a0}",
            "é",
            ".",
            "x",
            "Said. ",
            "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij ",
        ];
        let mut next = crate::test_rng::below();
        // Few marks far apart, for single quotes left open past their limit.
        let long = "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij ";
        let sparse = [" '", "a'", "’", " ‘", "“", "” ", " a", "é", long, long, long, long, long, long, long, long, long, long];
        for round in 0..20_000 {
            let mut t = String::new();
            let set: &[&str] = if round % 2 == 0 { &pieces } else { &sparse };
            for _ in 0..next(60) {
                t.push_str(set[next(set.len())]);
            }
            let sents = crate::sentences::split(&t, Format::Plain);
            if sents.is_empty() {
                continue;
            }
            let span = sents[0].span.start..sents[sents.len() - 1].span.end;
            for flattened in [false, true] {
                for prev in [None, Some(0)] {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let ra = scan_block(&t, span.clone(), &sents, flattened, prev, &mut a);
                    let rb = reference_scan_block(&t, span.clone(), &sents, flattened, prev, &mut b);
                    assert_eq!((ra, a), (rb, b), "{t:?}");
                }
            }
        }
    }
}
