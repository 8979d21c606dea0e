//! What part of a document is prose: Markdown structure (code blocks, front matter,
//! link targets, headings) and plain-text layout (paragraphs, headline-like lines).

use std::borrow::Cow;

use crate::Span;

/// How a document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// Guess the format from a file name or URI path.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") { Format::Markdown } else { Format::Plain }
    }
}

/// One stretch of prose to analyse, with what kind of block it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// Whether the block starts a paragraph (after a blank line, a heading, or the start).
    /// In plain text every line is its own block; this tells paragraphs from runs of lines.
    pub para_start: bool,
    /// Whether the block ends with sentence-final punctuation (a headline, caption, byline or
    /// dateline usually does not).
    pub terminated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Body text.
    Paragraph,
    /// A Markdown heading, or a plain-text line that reads as a headline.
    Heading,
}

/// How many bytes `a` and `b` have in common at their start: compared in blocks of 4 KiB, then
/// of 64 bytes, then byte by byte (one `memcmp` per block).
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    for block in [4096, 64, 1] {
        while i + block <= n && a[i..i + block] == b[i..i + block] {
            i += block;
        }
    }
    i
}

/// How many bytes `a` and `b` have in common at their end.
pub(crate) fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    for block in [4096, 64, 1] {
        while i + block <= n && a[n - i - block..n - i] == b[n - i - block..n - i] {
            i += block;
        }
    }
    i
}

/// The text from byte `a` to byte `b`, widened to whole characters (`a` moves back and `b`
/// forward to the nearest character boundary) and clamped to the text; empty when `a > b`.
/// For offsets computed by arithmetic ("60 bytes on", "the byte before"), which can land inside
/// a multi-byte character.
pub fn between(text: &str, a: usize, b: usize) -> &str {
    let b = text.ceil_char_boundary(b.min(text.len()));
    let a = text.floor_char_boundary(a.min(b));
    &text[a..b]
}

/// Whether `s` ends like a sentence: `.`, `!`, `?`, `…` or `:`, possibly followed by closing
/// quotation marks or brackets.
pub fn ends_with_terminal(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', '_']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

fn line_is_headline(line: &str) -> bool {
    !ends_with_terminal(line)
}

/// Whether a line is written in headline title case: at least four words of four letters or
/// more, at least 85 % of them capitalised ("Ferry Timetable Trimmed Again for Sat. after Harbour Storm
/// Warning Tues."). A headline may end with an abbreviation's full stop; a sentence of body text has
/// lower-case words ("said", "that", "would").
fn title_case(line: &str) -> bool {
    // (A headline is short; a body paragraph's line is passed over without a look at its words.)
    if line.len() > 200 {
        return false;
    }
    let (mut long, mut capitalised) = (0, 0);
    for w in line.split_whitespace() {
        let letters = w.trim_matches(|c: char| !c.is_alphabetic());
        let letters = letters.strip_suffix("’s").or_else(|| letters.strip_suffix("'s")).unwrap_or(letters);
        if letters.chars().count() < 4 || !letters.chars().all(char::is_alphabetic) {
            continue;
        }
        long += 1;
        if letters.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else if long - capitalised >= 3 {
            return false;
        }
    }
    long >= 4 && capitalised * 20 >= long * 17
}

/// The prose blocks of a document. Markdown code blocks, front matter and HTML comments are
/// left out; inline link targets and URLs are blanked by [`clean`].
pub fn blocks(text: &str, format: Format) -> Vec<Block> {
    match format {
        Format::Plain => plain_blocks(text),
        Format::Markdown => markdown_blocks(text),
    }
}

/// Lines with their byte offsets (without the line break).
/// (The line breaks are found with `memchr`'s vectorised search: `split_inclusive('\n')`
/// searched every line byte by byte.)
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        pos = breaks.next().map_or(text.len(), |k| k + 1);
        Some((start, text[start..pos].trim_end_matches(['\n', '\r'])))
    })
}

fn trimmed_span(start: usize, line: &str) -> Span {
    let lead = line.len() - line.trim_start().len();
    start + lead..start + line.trim_end().len()
}

fn starts_lowercase(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(|c| c.is_lowercase())
}

fn plain_blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut blank_before = true;
    let mut cur: Option<Block> = None;
    for (start, line) in lines(text) {
        if line.trim().is_empty() {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            blank_before = true;
            continue;
        }
        let span = trimmed_span(start, line);
        // A hard-wrapped line continues when the previous one did not end a sentence and this
        // one starts in lower case.
        if let Some(b) = cur.as_mut()
            && !b.terminated
            && starts_lowercase(line)
        {
            b.span.end = span.end;
            b.terminated = ends_with_terminal(line);
            b.kind = if b.terminated { BlockKind::Paragraph } else { BlockKind::Heading };
            continue;
        }
        if let Some(b) = cur.take() {
            out.push(b);
        }
        let terminated = !line_is_headline(line);
        cur = Some(Block {
            span,
            kind: if terminated && !title_case(line) { BlockKind::Paragraph } else { BlockKind::Heading },
            para_start: blank_before || out.is_empty(),
            terminated,
        });
        // In text without blank lines each line is a paragraph.
        blank_before = true;
    }
    if let Some(b) = cur.take() {
        out.push(b);
    }
    out
}

fn markdown_blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut in_front: Option<&str> = None;
    let mut in_comment = false;
    let mut prev_blank = true;
    let mut first = true;
    let flush = |cur: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(mut b) = cur.take() {
            b.terminated = ends_with_terminal(&text[b.span.clone()]);
            out.push(b);
        }
    };
    for (start, line) in lines(text) {
        let trimmed = line.trim();
        if first {
            first = false;
            if trimmed == "---" || trimmed == "+++" {
                in_front = Some(if trimmed == "---" { "---" } else { "+++" });
                continue;
            }
        }
        if let Some(end) = in_front {
            if trimmed == end || (end == "---" && trimmed == "...") {
                in_front = None;
            }
            continue;
        }
        if let Some((ch, n)) = fence {
            let t = line.trim_start();
            let run = t.bytes().take_while(|&b| b == ch).count();
            if run >= n && t[run..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if in_comment {
            if trimmed.contains("-->") {
                in_comment = false;
            }
            prev_blank = false;
            continue;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let tabbed = line.starts_with('\t');
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            let ch = t.as_bytes()[0];
            let n = t.bytes().take_while(|&b| b == ch).count();
            flush(&mut cur, &mut out);
            fence = Some((ch, n));
            prev_blank = false;
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut cur, &mut out);
            prev_blank = true;
            continue;
        }
        // Indented code: four spaces or a tab, not continuing a paragraph.
        if (indent >= 4 || tabbed) && cur.is_none() {
            prev_blank = false;
            continue;
        }
        if t.starts_with("<!--") {
            flush(&mut cur, &mut out);
            if !t.contains("-->") {
                in_comment = true;
            }
            prev_blank = false;
            continue;
        }
        // Setext underline turns the paragraph so far into a heading.
        if !trimmed.is_empty() && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-')) {
            if let Some(mut b) = cur.take() {
                b.kind = BlockKind::Heading;
                b.terminated = ends_with_terminal(&text[b.span.clone()]);
                out.push(b);
            }
            prev_blank = false;
            continue;
        }
        if t.starts_with('#') {
            flush(&mut cur, &mut out);
            let hashes = t.bytes().take_while(|&b| b == b'#').count();
            let rest = &t[hashes..];
            if hashes <= 6 && (rest.is_empty() || rest.starts_with(' ')) {
                let content = rest.trim().trim_end_matches('#').trim_end();
                if !content.is_empty() {
                    let off = start + (line.len() - t.len()) + hashes + (rest.len() - rest.trim_start().len());
                    out.push(Block { span: off..off + content.len(), kind: BlockKind::Heading, para_start: true, terminated: false });
                }
                prev_blank = false;
                continue;
            }
        }
        if t.starts_with('|') || (t.starts_with('<') && !t.starts_with("<http")) {
            // Tables and raw HTML are not prose.
            flush(&mut cur, &mut out);
            prev_blank = false;
            continue;
        }
        // List items and block quotes start a new block; their marker is not prose.
        let mut content_off = line.len() - t.len();
        let mut new_block = false;
        let mut c = t;
        loop {
            if let Some(r) = c.strip_prefix('>') {
                let r2 = r.strip_prefix(' ').unwrap_or(r);
                content_off += c.len() - r2.len();
                c = r2;
                new_block |= cur.is_none();
                continue;
            }
            break;
        }
        if let Some(r) = c.strip_prefix("- ").or_else(|| c.strip_prefix("* ")).or_else(|| c.strip_prefix("+ ")) {
            content_off += c.len() - r.len();
            c = r;
            new_block = true;
        } else {
            let digits = c.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && digits < 10 {
                let r = &c[digits..];
                if let Some(r2) = r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")) {
                    content_off += c.len() - r2.len();
                    c = r2;
                    new_block = true;
                }
            }
        }
        if c.trim().is_empty() {
            prev_blank = false;
            continue;
        }
        let span = trimmed_span(start + content_off, c);
        if new_block {
            flush(&mut cur, &mut out);
        }
        match cur.as_mut() {
            Some(b) => b.span.end = span.end,
            None => {
                cur = Some(Block { span, kind: BlockKind::Paragraph, para_start: true, terminated: true });
            }
        }
        let _ = prev_blank;
        prev_blank = false;
    }
    flush(&mut cur, &mut out);
    out
}

/// Spans inside prose that are not prose: Markdown link targets `](…)`, autolinks `<http…>`,
/// bare URLs and inline code. Sorted, not overlapping.
pub fn masked(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    // Link targets.
    // The first ')' or line break at or after a position: targets start in text order, so
    // one search serves every target before the mark it found.
    let mut stop: Option<usize> = None;
    for i in memchr::memmem::find_iter(b, b"](") {
        let s = i + 1;
        if stop.is_none_or(|p| p < s) {
            stop = Some(memchr::memchr2(b')', b'\n', &b[s..]).map_or(b.len(), |k| s + k));
        }
        let p = stop.unwrap_or(b.len());
        if p < b.len() && p - s < 2048 && b[p] == b')' {
            out.push(s..p + 1);
        }
    }
    // Bare URLs and autolinks.
    for pat in [&b"://"[..], &b"www."[..]] {
        let (mut url_end, mut url_kept) = (0, 0);
        for i in memchr::memmem::find_iter(b, pat) {
            let scheme_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.');
            if pat == b"www." && i > 0 && scheme_char(b[i - 1]) {
                continue;
            }
            let mut s = i;
            while s > 0 && scheme_char(b[s - 1]) {
                s -= 1;
            }
            if pat == b"www." && s != i {
                continue;
            }
            // A match inside the URL just found ("a://b://c") ends where it ends: reuse the
            // scan and the trimming (bounded below by this match's own end).
            if url_end <= i {
                let mut e = i + pat.len();
                while e < b.len() && !b[e].is_ascii_whitespace() && !matches!(b[e], b'<' | b'>' | b'"' | b')' | b']') && b[e] < 0x80 {
                    e += 1;
                }
                url_end = e;
                // Trailing punctuation belongs to the sentence.
                while e > i + pat.len() && matches!(b[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
                    e -= 1;
                }
                url_kept = e;
            }
            let e = url_kept.max(i + pat.len());
            out.push(s..e);
        }
    }
    // Inline code.
    out.sort_by_key(|s| s.start);
    let links = out.clone();
    let mut code_end = 0;
    for i in memchr::memchr_iter(b'`', b) {
        if i < code_end {
            continue;
        }
        let k = links.partition_point(|l| l.end <= i);
        if links.get(k).is_some_and(|l| l.start <= i) {
            continue;
        }
        if let Some(len) = b[i + 1..].iter().take(512).position(|&c| c == b'`' || c == b'\n')
            && b[i + 1 + len] == b'`'
            && len > 0
        {
            out.push(i..i + len + 2);
            code_end = i + len + 2;
        }
    }
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<Span> = Vec::new();
    for s in out {
        match merged.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The text with [`masked`] spans replaced by spaces (same byte offsets, valid UTF-8).
pub fn clean(text: &str) -> Cow<'_, str> {
    let m = masked(text);
    if m.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for s in m {
        // Whole characters only: masked spans start and end on ASCII bytes or char boundaries.
        let (mut a, mut e) = (s.start, s.end.min(bytes.len()));
        while a > 0 && !text.is_char_boundary(a) {
            a -= 1;
        }
        while e < bytes.len() && !text.is_char_boundary(e) {
            e += 1;
        }
        for x in &mut bytes[a..e] {
            *x = b' ';
        }
    }
    Cow::Owned(String::from_utf8(bytes).expect("blanking whole characters keeps UTF-8 valid"))
}

/// [`char::is_alphanumeric`], quicker for ASCII and for the General Punctuation block
/// (U+2000–U+206F: curly quotes, dashes, ellipsis, special spaces), which holds no letter or
/// digit.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// One word of prose: letters, digits and inner apostrophes, hyphens, dots and commas
/// ("don't", "Putin’s", "pro-Russian", "U.S", "150,000", "3.5").
#[cfg(test)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
}

/// The words of `text[span]`, in order: the character-level splitter that the document's word
/// view ([`crate::document`]) replaced, kept for tests only as the reference that view is
/// checked against.
#[cfg(test)]
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let s = &text[span.clone()];
    let b = s.as_bytes();
    let char_at = |i: usize| -> (char, usize) {
        if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    // The character before `i` (a word character whenever `start` is set and `i` is not one).
    let mut prev = '\0';
    let mut i = 0;
    while i < b.len() {
        // ASCII letters and digits: the common case.
        if b[i].is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            last_end = i;
            prev = b[i - 1] as char;
            continue;
        }
        // Other ASCII that never joins a word (spaces, most punctuation): it ends one.
        if b[i] < 0x80 && !matches!(b[i], b'\'' | b'-' | b'.' | b',' | b':') {
            if let Some(st) = start.take() {
                out.push(Word { span: span.start + st..span.start + last_end });
            }
            prev = b[i] as char;
            i += 1;
            continue;
        }
        let (c, len) = char_at(i);
        if is_alnum(c) {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + len;
            prev = c;
            i += len;
            continue;
        }
        if let Some(st) = start {
            if matches!(c, '\'' | '’' | '-' | '‑' | '.' | ',' | ':') && i + len < b.len() {
                let n = char_at(i + len).0;
                let ok = is_alnum(n)
                    && match c {
                        ',' | ':' => prev.is_ascii_digit() && n.is_ascii_digit(),
                        '.' => (prev.is_ascii_digit() || prev.is_uppercase()) && (n.is_ascii_digit() || n.is_uppercase()),
                        _ => true,
                    };
                if ok {
                    prev = c;
                    i += len;
                    continue;
                }
            }
            out.push(Word { span: span.start + st..span.start + last_end });
            start = None;
        }
        prev = c;
        i += len;
    }
    if let Some(st) = start {
        out.push(Word { span: span.start + st..span.start + last_end });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines with their offsets are `split_inclusive`'s pieces, line breaks trimmed.
    #[test]
    fn lines_are_the_pieces_between_line_breaks() {
        for t in ["", "\n", "a", "a\n", "a\nb", "a\r\n\r\nb\n\n", "\n\nx\r", "é\n—\r\n"] {
            let mut pos = 0;
            let want: Vec<(usize, &str)> = t
                .split_inclusive('\n')
                .map(|l| {
                    let start = pos;
                    pos += l.len();
                    (start, l.trim_end_matches(['\n', '\r']))
                })
                .collect();
            assert_eq!(lines(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    /// The word splitter as first written (char by char), to check the faster one against.
    fn reference_words(text: &str, span: Span) -> Vec<Word> {
        let mut out = Vec::new();
        let s = &text[span.clone()];
        let mut iter = s.char_indices().peekable();
        let mut start: Option<usize> = None;
        let mut last_end = 0;
        while let Some((i, c)) = iter.next() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
                last_end = i + c.len_utf8();
                continue;
            }
            if let Some(st) = start {
                let joiner = matches!(c, '\'' | '’' | '-' | '‑' | '.' | ',' | ':');
                let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
                let prev = s[..i].chars().next_back();
                let ok = joiner
                    && next_alnum
                    && match c {
                        ',' | ':' => prev.is_some_and(|p| p.is_ascii_digit()) && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit()),
                        '.' => {
                            prev.is_some_and(|p| p.is_ascii_digit() || p.is_uppercase())
                                && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit() || n.is_uppercase())
                        }
                        _ => true,
                    };
                if ok {
                    continue;
                }
                out.push(Word { span: span.start + st..span.start + last_end });
                start = None;
            }
        }
        if let Some(st) = start {
            out.push(Word { span: span.start + st..span.start + last_end });
        }
        out
    }

    #[test]
    fn words_match_the_reference() {
        let pieces =
            ["a", "B", "12", "3", "é", "Ü", "日本", "’", "'", "-", ".", ",", ":", " ", "  ", "\n", "U.S", "x", "9", "“", "ß", "Ⅻ", "½"];
        let mut seed: u64 = 0x2545f4914f6cdd1d;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 16) as usize;
            for k in 0..n {
                let r = seed.rotate_left(k as u32 * 5) ^ (k as u64).wrapping_mul(0x9e3779b97f4a7c15);
                t.push_str(pieces[(r % pieces.len() as u64) as usize]);
            }
            let lo = t.char_indices().nth(1).map_or(0, |(i, _)| i);
            for span in [0..t.len(), lo..t.len()] {
                assert_eq!(words(&t, span.clone()), reference_words(&t, span), "{t:?}");
            }
        }
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for u in 0..=0x2FFFFu32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "{u:x}");
            }
        }
    }

    #[test]
    fn a_title_case_line_is_a_headline_even_with_a_full_stop() {
        let t = "Ferry Timetable Trimmed Again for Sat. after Harbour Storm Warning Tues.\n\nThe Harbour Trust said on Monday that it would reopen.\n";
        let kinds: Vec<BlockKind> = blocks(t, Format::Plain).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Heading, BlockKind::Paragraph]);
        // A sentence about named people still has its lower-case words.
        let t = "Harbour Judge Maria Thrane set Lunde's hearing for Feb. 25.\n";
        assert_eq!(blocks(t, Format::Plain)[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn words_keep_inner_marks() {
        let t = "Putin’s 150,000 pro-Russian U.S. troops at 9:30am.";
        let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| &t[w.span.clone()]).collect();
        assert_eq!(w, ["Putin’s", "150,000", "pro-Russian", "U.S", "troops", "at", "9:30am"]);
    }

    #[test]
    fn masks_link_targets_and_urls() {
        let t = "See [the report](https://example.com/a.b) and www.example.org. Done.";
        let c = clean(t);
        assert!(!c.contains("example"));
        assert_eq!(c.len(), t.len());
        assert!(c.ends_with(". Done."));
    }

    #[test]
    fn the_common_ends_agree_with_a_byte_by_byte_count() {
        let base: Vec<u8> = (0..9000u32).map(|i| (i * 7 % 251) as u8).collect();
        for at in [0, 1, 63, 64, 65, 4095, 4096, 4097, 5000, 8999] {
            let mut other = base.clone();
            other[at] ^= 1;
            let prefix = base.iter().zip(&other).take_while(|(x, y)| x == y).count();
            let suffix = base.iter().rev().zip(other.iter().rev()).take_while(|(x, y)| x == y).count();
            assert_eq!((common_prefix(&base, &other), common_suffix(&base, &other)), (prefix, suffix), "{at}");
            assert_eq!(common_prefix(&base, &base[..at]), at);
            assert_eq!(common_suffix(&base, &base[at..]), base.len() - at);
        }
    }
}
