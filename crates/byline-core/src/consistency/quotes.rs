//! Quotations across articles: the pure decision.
//!
//! The workspace index keeps, per document, the normalised words of every quotation attributed
//! to a person ([`crate::index::WorkspaceIndex::quote_findings`] gathers the pairs to compare);
//! [`compare`] decides whether two quotations of one speaker are the same words, an excerpt of
//! one another, a near miss (`quote-mismatch`: a changed word, a dropped clause) or unrelated.
//!
//! Quotations are compared on their [`words`]: lower case, curly quotes and apostrophes
//! straightened, punctuation at the edges of words dropped, ellipses kept only as the marks of
//! an elision. So "We’ll rebuild it." and "we'll rebuild it" are one quotation.

/// Quotations of fewer words than this are never compared ("a disaster").
pub const MIN_WORDS: usize = 6;

/// Two quotations whose aligned words are at least this similar (Dice over the aligned words:
/// twice the words in common over the words of both) are the same quotation written differently.
pub const SIMILAR: f64 = 0.8;

/// Longer quotations are compared on their first words only (bounds the cost of a comparison).
const MAX_WORDS: usize = 200;

/// The mark that stands for an elision ("…", "...", "[…]") in [`words`].
pub const ELLIPSIS: &str = "…";

/// The mark that stands for an editor's words in square brackets ("[Haley] made fun of me"
/// where the speaker said "She made fun of me"): it matches any one word.
pub const EDITED: &str = "[edited]";

/// A normalised word as the comparisons read it: its text ([`words`]) or its hash
/// ([`word_hashes`], what the workspace index keeps: a quotation's words as one boxed slice of
/// integers instead of a `String` each, which at 10,000 articles was a third of the index).
trait Word: Copy + Eq {
    fn is_ellipsis(self) -> bool;
    fn is_edited(self) -> bool;
}

impl Word for &str {
    fn is_ellipsis(self) -> bool {
        self == ELLIPSIS
    }
    fn is_edited(self) -> bool {
        self == EDITED
    }
}

impl Word for u64 {
    fn is_ellipsis(self) -> bool {
        self == ELLIPSIS_HASH
    }
    fn is_edited(self) -> bool {
        self == EDITED_HASH
    }
}

/// FNV-1a, 64 bits: a word's hash in [`word_hashes`]. A `const fn`, so the marks' hashes are
/// constants. Two different words of one workspace share a hash with a probability of about
/// (distinct words)² / 2⁶⁵ — one in a billion for 100,000 distinct words.
const fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of one normalised word.
pub const fn word_hash(word: &str) -> u64 {
    fnv(word.as_bytes(), FNV_OFFSET)
}

const ELLIPSIS_HASH: u64 = word_hash(ELLIPSIS);
const EDITED_HASH: u64 = word_hash(EDITED);

/// Two normalised words agree: equal, or one of them is an editor's words ([`EDITED`]).
fn agree<W: Word>(a: W, b: W) -> bool {
    a == b || a.is_edited() || b.is_edited()
}

/// `quote` with each group in square brackets replaced: an elision ("[...]") by an ellipsis,
/// an editor's words by [`EDITED`].
fn brackets(quote: &str) -> String {
    let mut out = String::with_capacity(quote.len());
    let mut rest = quote;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else { break };
        let inner = rest[open + 1..open + close].trim();
        let elision = !inner.is_empty() && inner.chars().all(|c| c == '.' || c == '…' || c.is_whitespace());
        out.push_str(if elision { " … " } else { " \u{1} " });
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace('\u{1}', EDITED)
}

/// The words of a quotation, normalised: lower case; curly quotes, apostrophes and dashes
/// straightened; punctuation at the edges of each word dropped; an ellipsis kept as one
/// [`ELLIPSIS`] word (consecutive ones merged, none at either end).
pub fn words(quote: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(quote, |w| out.push(w.to_string()));
    out
}

/// [`words`] hashed ([`word_hash`]), one integer per word, ellipses and editor's marks included:
/// what the workspace index keeps of each quotation (compared with [`compare_hashed`]).
pub fn word_hashes(quote: &str) -> Box<[u64]> {
    // About one word in six bytes: room for most quotations' words at once.
    let mut out = Vec::with_capacity(quote.len() / 6 + 2);
    each_word(quote, |w| out.push(word_hash(w)));
    out.into_boxed_slice()
}

/// The text [`each_word`] splits: editor's brackets replaced ([`brackets`]), quotation marks,
/// apostrophes and dashes straightened, lower case, each ellipsis spaced out as a word. One
/// copy, ASCII a byte at a time (the index normalises every quotation of every article it
/// files; collected through `char::to_lowercase` this was a fifth of a warm reopen's work).
fn normalised(quote: &str) -> String {
    let bracketed;
    let src = if memchr::memchr2(b'[', 1, quote.as_bytes()).is_some() {
        bracketed = brackets(quote);
        bracketed.as_str()
    } else {
        quote
    };
    if src.is_ascii() {
        let mut out = src.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return if has_ellipsis(&out) { out.replace("...", " … ").replace('…', " … ") } else { out };
    }
    let mut out = String::with_capacity(src.len());
    for c in src.chars() {
        match c {
            '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' | '‘' | 'ʼ' | '′' | '´' => out.push('\''),
            '“' | '”' | '„' | '«' | '»' | '″' => out.push('"'),
            '—' | '–' | '―' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    if has_ellipsis(&out) { out.replace("...", " … ").replace('…', " … ") } else { out }
}

/// Whether `text` holds "..." or "…" (most quotations hold neither: no copy to replace them).
fn has_ellipsis(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'.', bytes).any(|i| bytes[i..].starts_with(b"...")) || text.contains('…')
}

/// Each of [`words`], in order, without an allocation per word.
fn each_word(quote: &str, emit: impl FnMut(&str)) {
    let text = normalised(quote);
    words_of_normalised(&text, text.is_ascii(), emit);
}

/// The words of a [`normalised`] text; `ascii` (the text is ASCII) splits and trims it a byte at
/// a time, with the same words.
fn words_of_normalised(text: &str, ascii: bool, mut emit: impl FnMut(&str)) {
    // An elision mark is written only when a word follows it: none at the end, one for a run.
    let (mut any, mut elided) = (false, false);
    let take = |raw: &str| {
        let w = if raw == EDITED {
            EDITED
        } else if raw.contains('…') {
            elided |= any;
            return;
        } else {
            raw.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if !w.is_empty() {
            if std::mem::take(&mut elided) {
                emit(ELLIPSIS);
            }
            emit(w);
            any = true;
        }
    };
    if !ascii {
        text.split(|c: char| c.is_whitespace() || c == '/').for_each(take);
        return;
    }
    // No "…" in ASCII text, so no elision mark: each piece is the editor's mark or itself
    // trimmed to its first and last letter or digit.
    // (`char::is_whitespace` of an ASCII character: tab, line feed, vertical tab, form feed,
    // carriage return, space.)
    let separator = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'/');
    let mut take_ascii = |raw: &str| {
        let bytes = raw.as_bytes();
        if raw == EDITED {
            emit(EDITED);
        } else if let Some(first) = bytes.iter().position(u8::is_ascii_alphanumeric) {
            let last = bytes.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(first);
            emit(&raw[first..=last]);
        }
    };
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if separator(b) {
            if i > start {
                take_ascii(&text[start..i]);
            }
            start = i + 1;
        }
    }
    if bytes.len() > start {
        take_ascii(&text[start..]);
    }
}

/// The words of a quotation without elision marks.
fn plain<W: Word>(words: &[W]) -> Vec<W> {
    words.iter().copied().filter(|w| !w.is_ellipsis()).collect()
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// The key two quotations share when their words are the same ([`words`] without elision marks,
/// joined by spaces).
pub fn key(words: &[String]) -> String {
    plain(&as_strs(words)).join(" ")
}

/// [`key`] of hashed words ([`word_hashes`]): equal for two quotations exactly when their keys
/// are (but for a hash collision, see [`word_hash`]).
pub fn hashed_key(hashes: &[u64]) -> u64 {
    hashes.iter().filter(|w| !w.is_ellipsis()).fold(FNV_OFFSET, |h, w| fnv(&w.to_le_bytes(), h))
}

/// How two quotations of one speaker relate.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// The same words.
    Same,
    /// One is a contiguous part of the other (or parts of it, in order, with each gap marked
    /// by an ellipsis): quoted in part, not misquoted.
    Excerpt,
    /// Nearly the same words, but not the same: a word changed, added or dropped. The
    /// similarity of the aligned words.
    Mismatch(f64),
    /// Different quotations (or too short to compare).
    Unrelated,
}

/// Whether `short` (with elision marks) is an excerpt of `long`: each of its ellipsis-separated
/// pieces appears contiguously in `long`, in order.
fn is_excerpt<W: Word>(short: &[W], long: &[W]) -> bool {
    let mut from = 0;
    for piece in short.split(|w| w.is_ellipsis()).filter(|p| !p.is_empty()) {
        let n = piece.len();
        let Some(at) = (from..=long.len().saturating_sub(n))
            .find(|&i| long.len() >= i + n && piece.iter().zip(&long[i..i + n]).all(|(a, b)| agree(*a, *b)))
        else {
            return false;
        };
        from = at + n;
    }
    true
}

/// The best alignment of all of `short` against a window of `long` (free words before and
/// after the window; of equally good windows, the longest): (words matched, window).
fn align<W: Word>(short: &[W], long: &[W]) -> (usize, std::ops::Range<usize>) {
    let (n, m) = (short.len(), long.len());
    // Each cell: (edits, -matches, window start), lexicographically least is best.
    let mut prev: Vec<(usize, isize, usize)> = (0..=m).map(|j| (0, 0, j)).collect();
    for i in 1..=n {
        let mut cur = vec![(i, 0isize, 0usize); m + 1];
        for j in 1..=m {
            let (e, mt, s) = prev[j - 1];
            let same = agree(short[i - 1], long[j - 1]);
            let diag = if same { (e, mt - 1, s) } else { (e + 1, mt, s) };
            let (e, mt, s) = prev[j];
            let up = (e + 1, mt, s);
            let (e, mt, s) = cur[j - 1];
            let left = (e + 1, mt, s);
            cur[j] = diag.min(up).min(left);
        }
        prev = cur;
    }
    let (best_j, cell) = prev
        .iter()
        .enumerate()
        .min_by_key(|(j, c)| (c.0, c.1, std::cmp::Reverse(j.saturating_sub(c.2))))
        .map(|(j, c)| (j, *c))
        .unwrap_or((0, (0, 0, 0)));
    ((-cell.1) as usize, cell.2.min(best_j)..best_j)
}

/// How quotation `a` relates to quotation `b` (both [`words`]). Quotations of fewer than
/// [`MIN_WORDS`] words are [`Relation::Unrelated`] unless the same.
pub fn compare(a: &[String], b: &[String]) -> Relation {
    compare_words(&as_strs(a), &as_strs(b))
}

/// [`compare`] of hashed words ([`word_hashes`]): the same relation, but for a hash collision.
pub fn compare_hashed(a: &[u64], b: &[u64]) -> Relation {
    compare_words(a, b)
}

fn compare_words<W: Word>(a: &[W], b: &[W]) -> Relation {
    let (pa, pb) = (plain(a), plain(b));
    if pa.len() == pb.len() && pa.iter().zip(&pb).all(|(a, b)| agree(*a, *b)) {
        return Relation::Same;
    }
    if pa.len() < MIN_WORDS || pb.len() < MIN_WORDS {
        return Relation::Unrelated;
    }
    let (short, long, short_marked) = if pa.len() <= pb.len() { (&pa, &pb, a) } else { (&pb, &pa, b) };
    if is_excerpt(short_marked, long) {
        return Relation::Excerpt;
    }
    let short = &short[..short.len().min(MAX_WORDS)];
    let long = &long[..long.len().min(MAX_WORDS * 2)];
    let (matched, window) = align(short, long);
    let sim = 2.0 * matched as f64 / (short.len() + window.len()) as f64;
    if sim >= SIMILAR { Relation::Mismatch(sim) } else { Relation::Unrelated }
}

/// What differs between two quotations, word by word, for a message: `"spring" here, "summer"
/// there; "by the council" not there`. Empty when only elisions differ.
pub fn difference(here: &[String], there: &[String]) -> String {
    let (mut a, mut b) = (plain(&as_strs(here)), plain(&as_strs(there)));
    a.truncate(MAX_WORDS);
    b.truncate(MAX_WORDS);
    // Only the part of the longer one that the shorter one is aligned with.
    if a.len() <= b.len() {
        b = b[align(&a, &b).1].to_vec();
    } else {
        a = a[align(&b, &a).1].to_vec();
    }
    let (n, m) = (a.len(), b.len());
    // Longest common subsequence table, then a walk from the start.
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if agree(a[i], b[j]) { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    // Runs of words only one side has, or each side has differently: (here, there, between
    // matched words). A one-sided run at either end is the part of the longer one not quoted.
    let (mut i, mut j) = (0, 0);
    let mut runs: Vec<(Vec<&str>, Vec<&str>, bool)> = Vec::new();
    let (mut only_a, mut only_b): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut matched = false;
    while i < n || j < m {
        if i < n && j < m && agree(a[i], b[j]) {
            if !only_a.is_empty() || !only_b.is_empty() {
                runs.push((std::mem::take(&mut only_a), std::mem::take(&mut only_b), matched));
            }
            matched = true;
            i += 1;
            j += 1;
        } else if j == m || (i < n && t[i + 1][j] >= t[i][j + 1]) {
            only_a.push(a[i]);
            i += 1;
        } else {
            only_b.push(b[j]);
            j += 1;
        }
    }
    let trailing = !only_a.is_empty() || !only_b.is_empty();
    if trailing {
        runs.push((only_a, only_b, false));
    }
    let parts: Vec<String> = runs
        .iter()
        .filter(|(x, y, inside)| *inside || (!x.is_empty() && !y.is_empty()))
        .map(|(x, y, _)| match (x.is_empty(), y.is_empty()) {
            (false, false) => format!("\"{}\" here, \"{}\" there", x.join(" "), y.join(" ")),
            (false, true) => format!("\"{}\" not there", x.join(" ")),
            _ => format!("\"{}\" only there", y.join(" ")),
        })
        .collect();
    parts.join("; ")
}

/// A quotation shortened for a message: its first words, "…" when cut.
pub fn shorten(quote: &str, max_chars: usize) -> String {
    let q = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let q = q.trim_end_matches([',', ';', ':', ' ']).to_string();
    if q.chars().count() <= max_chars {
        return q;
    }
    let cut: String = q.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).to_string();
    format!("{cut}…")
}

/// The message of a `quote-mismatch`: `Quoted differently in b.txt: "…" — check against the
/// source ("spring" here, "summer" there)`.
pub fn mismatch_message(file: &str, here: &[String], there_text: &str, there: &[String]) -> String {
    let diff = difference(here, there);
    let diff = if diff.is_empty() { String::new() } else { format!(" ({diff})") };
    format!("Quoted differently in {file}: \"{}\" — check against the source{diff}", shorten(there_text, 120))
}

/// The message of a `quote-speaker-mismatch`: `The same words are attributed to Ana Ruiz in
/// b.txt — who said them?`.
pub fn speaker_message(file: &str, speaker: &str, here: &str) -> String {
    format!("The same words are attributed to {speaker} in {file}, and to {here} here — check who said them")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> Relation {
        compare(&words(a), &words(b))
    }

    fn mismatch(r: &Relation) -> bool {
        matches!(r, Relation::Mismatch(_))
    }

    const Q: &str = "We will rebuild the footbridge by the spring and reopen the towpath to walkers.";

    /// What [`normalised`] gives, written as it was first (a `char` iterator collected).
    fn normalised_by_chars(quote: &str) -> String {
        let text: String = brackets(quote)
            .chars()
            .map(|c| match c {
                '’' | '‘' | 'ʼ' | '′' | '`' | '´' => '\'',
                '“' | '”' | '„' | '«' | '»' | '″' => '"',
                '—' | '–' | '―' => ' ',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect();
        text.replace("...", " … ").replace('…', " … ")
    }

    #[test]
    fn an_ascii_text_splits_into_the_words_the_chars_gave() {
        let every_ascii: String = (1u8..128).map(char::from).collect();
        let samples = [
            "we will rebuild it  … and then  … ",
            "a/b //c\u{b}d\u{c}e\rf\tg\nh \u{1c}i\u{1f}j",
            " [edited] said  …  no [edited]",
            "'tis -- \"done\" (or so). ...!",
            "",
            every_ascii.as_str(),
        ];
        for text in samples {
            let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
            words_of_normalised(text, text.is_ascii(), |w| by_bytes.push(w.to_string()));
            words_of_normalised(text, false, |w| by_chars.push(w.to_string()));
            assert_eq!(by_bytes, by_chars, "{text:?}");
        }
    }

    #[test]
    fn normalising_a_byte_at_a_time_gives_the_text_the_chars_gave() {
        let every_ascii: String = (1u8..128).map(char::from).collect();
        let samples = [
            "We will REBUILD the pier... and then",
            "Plain words, no marks at all",
            "`Tis done -- she said... ...twice... / or so.",
            "Ellipses.... four dots and .. two",
            "It ends with two dots..",
            "Dots . . . spaced, and one at the end.",
            "TABS\tand\nnew lines   and MiXeD CaSe",
            "",
            "It [the plan] works [...] in the end",
            "An odd [bracket and \u{1} mark",
            "Ça va… “Yes” — ‘fine’ ʼtis ΣΟΦΙΑ İstanbul ẞ ǅ",
            "«Non» „doch” ″x″ ′y′ ´z´ – ―",
            every_ascii.as_str(),
        ];
        for q in samples {
            assert_eq!(normalised(q), normalised_by_chars(q), "{q:?}");
        }
    }

    #[test]
    fn typographic_differences_are_the_same_quotation() {
        assert_eq!(words("We’ll  REBUILD it…"), ["we'll", "rebuild", "it"]);
        assert_eq!(rel(Q, "we will rebuild the footbridge by the spring, and reopen the towpath to walkers"), Relation::Same);
        assert_eq!(rel("“It’s a ‘fair’ deal for the town,” she said", "\"It's a 'fair' deal for the town\" she said."), Relation::Same);
        assert_eq!(rel("Nobody saw the flood coming — nobody at all.", "Nobody saw the flood coming... nobody at all"), Relation::Same);
    }

    #[test]
    fn a_changed_word_or_a_dropped_clause_is_a_mismatch() {
        assert!(mismatch(&rel(Q, "We will rebuild the footbridge by the summer and reopen the towpath to walkers.")));
        // A clause dropped from the middle without an ellipsis.
        assert!(mismatch(&rel(Q, "We will rebuild the footbridge and reopen the towpath to walkers.")));
        // A word added.
        assert!(mismatch(&rel(Q, "We will quickly rebuild the footbridge by the spring and reopen the towpath to walkers.")));
        // A changed word inside a part quoted.
        assert!(mismatch(&rel(Q, "rebuild the footbridge by the autumn and reopen the towpath")));
    }

    #[test]
    fn excerpts_are_not_mismatches() {
        assert_eq!(rel(Q, "rebuild the footbridge by the spring"), Relation::Excerpt);
        assert_eq!(rel("We will rebuild the footbridge by the spring", Q), Relation::Excerpt);
        // An elision marked by an ellipsis.
        assert_eq!(rel(Q, "We will rebuild the footbridge … and reopen the towpath to walkers"), Relation::Excerpt);
        assert_eq!(rel(Q, "We will rebuild the footbridge [...] and reopen the towpath to walkers"), Relation::Excerpt);
    }

    #[test]
    fn an_editors_words_in_brackets_stand_for_the_speakers() {
        assert_eq!(words("[Ms Tarrow] said [...] no"), [EDITED, "said", ELLIPSIS, "no"]);
        let long = "After the vote, [Tarrow] told us the footbridge would reopen by the spring, and not before.";
        assert_eq!(rel(long, "She told us the footbridge would reopen by the spring"), Relation::Excerpt);
        assert_eq!(
            rel("[She] told us the footbridge would reopen by the spring", "Tarrow told us the footbridge would reopen by the spring"),
            Relation::Same
        );
        assert!(mismatch(&rel(long, "She told us the footbridge would reopen by the autumn")));
    }

    #[test]
    fn short_and_different_quotations_are_unrelated() {
        assert_eq!(rel("a complete disaster for us", "a total disaster for us"), Relation::Unrelated);
        assert_eq!(rel(Q, "The council has no plans to close the library this year."), Relation::Unrelated);
        // Sharing a phrase is not the same quotation.
        assert_eq!(rel(Q, "We will rebuild the footbridge, but the towpath stays closed until the inquiry reports."), Relation::Unrelated);
    }

    #[test]
    fn hashed_words_compare_as_the_words_do() {
        let quotes = [
            Q,
            "we will rebuild the footbridge by the spring, and reopen the towpath to walkers",
            "We will rebuild the footbridge by the summer and reopen the towpath to walkers.",
            "rebuild the footbridge by the spring",
            "We will rebuild the footbridge [...] and reopen the towpath to walkers",
            "[She] told us the footbridge would reopen by the spring",
            "Tarrow told us the footbridge would reopen by the spring …",
            "… nobody saw the flood coming … … nobody at all …",
            "Nobody saw the flood coming... nobody at all",
            "a complete disaster for us",
            "",
            "…",
        ];
        for a in quotes {
            let hashed: Vec<u64> = words(a).iter().map(|w| word_hash(w)).collect();
            assert_eq!(*word_hashes(a), *hashed, "{a}");
            for b in quotes {
                assert_eq!(compare_hashed(&word_hashes(a), &word_hashes(b)), compare(&words(a), &words(b)), "{a} / {b}");
                let same_key = key(&words(a)) == key(&words(b));
                assert_eq!(hashed_key(&word_hashes(a)) == hashed_key(&word_hashes(b)), same_key, "{a} / {b}");
            }
        }
    }

    #[test]
    fn differences_and_messages_name_the_words() {
        let (a, b) = (words(Q), words("We will rebuild the footbridge by the summer and reopen the towpath."));
        assert_eq!(difference(&a, &b), "\"spring\" here, \"summer\" there");
        let m = mismatch_message("b.txt", &a, "We will rebuild the footbridge by the summer and reopen the towpath.", &b);
        assert!(m.starts_with("Quoted differently in b.txt: \"We will rebuild"), "{m}");
        assert!(m.contains("check against the source"), "{m}");
        assert_eq!(key(&words("Nobody … saw it")), "nobody saw it");
        assert_eq!(shorten("one two three four", 9), "one two…");
        // The words of the longer one around an excerpt are not differences.
        let long = words("Before anything else: we will rebuild the footbridge by the spring, as promised.");
        assert_eq!(difference(&long, &words("we will rebuild the footbridge by the summer")), "\"spring\" here, \"summer\" there");
    }
}
