//! Rules as data: reporting verbs, titles, honorifics, vague and anonymous phrasings.
//! The lists live in `lexicons/*.txt` (one entry per line, `#` comments) so an editor can
//! read and extend them; they are compiled in, and a user may add more at run time with
//! [`Lexicon::with_extra`].
//!
//! Phrase syntax (vague.txt, anonymous.txt, boilerplate.txt, predictions.txt, …): words separated
//! by spaces; `(a|b)` is a choice; `[x]` an optional word; a straight apostrophe also matches a
//! curly one. A line starting with `@` sets the message of the phrases below it (`{cue}` is
//! replaced by the words found). Matching is case-insensitive and on word boundaries.

pub(crate) mod first_runs;
pub(crate) mod word_map;

use std::collections::HashMap;
use std::path::Path;

use crate::Span;
use crate::people::lexicon::{FxHashMap, FxHashSet, with_lower};

/// A set of phrases compiled into one trie, matched from word starts.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    trie: Trie,
    /// One per automaton pattern.
    entries: Vec<Entry>,
    /// The source lines, kept so a user list can be appended and the set rebuilt.
    rules: Vec<Rule>,
    /// The first bytes of phrases that are no ASCII letter or digit ("/ap)", "- file"): where
    /// else than at a word start a match may start ([`PhraseSet::punctuation_starts`]).
    other_starts: Vec<u8>,
}

/// One source line of a phrase list, with its message and flags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// The line as written.
    pub pattern: String,
    /// The message of its `@` section, if any.
    pub message: Option<String>,
    /// The `[section]` it was in, if any.
    pub section: Option<String>,
    /// Flags after `|` (reporting_verbs.txt).
    pub flags: Vec<Flag>,
}

impl Rule {
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }
}

/// A flag after `|` on a line of a phrase list (documented in `reporting_verbs.txt`). Checked
/// when the list loads: an unknown flag is an error, never a silent no-op.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// The verb only counts when a complement follows ("that", a quote, a colon, a clause) or
    /// at the end of the clause — for verbs that are also ordinary verbs ("Russia added troops").
    Complement,
    /// A belief rather than a statement (believe, fear): with an unnamed group as subject it is
    /// a vague attribution.
    Cognition,
    /// With a document or image as its subject the form also takes a plain noun object
    /// ("satellite images released by X showed new deployments").
    Evidence,
    /// A speech act made in public; told of a private exchange ("during the call, the
    /// chancellor urged …") it still needs a source.
    Public,
    /// Only with an object, "to" and a verb after it ("appealed to voters to stay at home").
    ObjectTo,
    /// Only with an object and a quotation after it ("called the plan “a betrayal”").
    Quote,
    /// A refusal to comment: it reports nothing, so an unnamed source is no finding.
    Refusal,
    /// A speech act (speech_acts.txt, from WordNet): only as the main verb of a named subject
    /// that opens the sentence ("the union condemned the ruling"); never inverted or passive.
    Act,
    /// Only right after a court, inquest, jury, tribunal or hearing ("Leeds Crown Court heard").
    Court,
    /// A state of mind after a form of "be" ("experts are concerned that"): the subject before
    /// "be" is the source; never without it.
    State,
    /// A form that is mostly a noun ("projects"): a verb only right after its subject and
    /// before a clause ("the agency projects the region will …", "projects that prices will …";
    /// not "projects that will create jobs", "housing projects in the city").
    Clause,
    /// A verb that resumes a quotation ("she continued:", "…,” he went on."): only before a
    /// colon or a quotation, or ending the clause after a quotation; "the talks continued" and
    /// "prices continued to rise" report nothing.
    Resumes,
}

impl Flag {
    pub const ALL: [Flag; 12] = [
        Flag::Complement,
        Flag::Cognition,
        Flag::Evidence,
        Flag::Public,
        Flag::ObjectTo,
        Flag::Quote,
        Flag::Refusal,
        Flag::Act,
        Flag::Court,
        Flag::State,
        Flag::Clause,
        Flag::Resumes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Complement => "complement",
            Flag::Cognition => "cognition",
            Flag::Evidence => "evidence",
            Flag::Public => "public",
            Flag::ObjectTo => "object-to",
            Flag::Quote => "quote",
            Flag::Refusal => "refusal",
            Flag::Act => "act",
            Flag::Court => "court",
            Flag::State => "state",
            Flag::Clause => "clause",
            Flag::Resumes => "resumes",
        }
    }

    pub fn parse(s: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// A line of a list that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line in the source.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

#[derive(Clone, Debug)]
struct Entry {
    rule: usize,
    anchor_start: bool,
    anchor_end: bool,
    /// Whether the phrase ends with a letter or digit (then a letter or digit must not follow).
    word_end: bool,
}

/// A byte trie over the (ASCII-lowercased) phrases, as a dense transition table over the
/// classes of bytes the phrases use. Node 0 is the root and also means "no node".
#[derive(Clone, Debug, Default)]
struct Trie {
    /// The class of each byte (0: used by no phrase); upper-case ASCII shares its lower-case
    /// letter's class. Empty until built.
    class: Vec<u8>,
    classes: usize,
    /// `next[node * classes + class]`: the child (0: none), with [`END`] set when entries end
    /// at the child. Column 0 (bytes no phrase uses) is 0 in every row.
    next: Vec<u32>,
    /// Per node: the range in `ends` of the entries that end there, in pattern order.
    end_ranges: Vec<(u32, u32)>,
    ends: Vec<u32>,
}

/// The byte classes of a trie over `pats`: each byte the patterns use gets a class of its own
/// (numbered from 1 in order of first use; 0 for bytes no pattern uses), and upper-case ASCII
/// shares its lower-case letter's (matching is ASCII case-insensitive). With the number of
/// classes. Shared by [`Trie`] and [`first_runs::FirstRuns`].
pub(crate) fn byte_classes<'a>(pats: impl IntoIterator<Item = &'a [u8]>) -> ([u8; 256], usize) {
    let mut class = [0u8; 256];
    let mut classes = 1usize;
    for p in pats {
        for &b in p {
            if class[b as usize] == 0 {
                assert!(classes < 256, "too many distinct bytes in one phrase list");
                class[b as usize] = classes as u8;
                classes += 1;
            }
        }
    }
    for b in b'A'..=b'Z' {
        class[b as usize] = class[b.to_ascii_lowercase() as usize];
    }
    (class, classes)
}

/// In a [`Trie`] transition: entries end at the child.
const END: u32 = 1 << 31;

impl Trie {
    fn build(pats: &[String]) -> Trie {
        let (class, classes) = byte_classes(pats.iter().map(|p| p.as_bytes()));
        let class = class.to_vec();
        let mut next: Vec<u32> = vec![0; classes];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (pi, p) in pats.iter().enumerate() {
            let mut n = 0usize;
            for &b in p.as_bytes() {
                let k = n * classes + class[b as usize] as usize;
                if next[k] == 0 {
                    next[k] = ends.len() as u32;
                    ends.push(Vec::new());
                    next.extend(std::iter::repeat_n(0, classes));
                }
                n = next[k] as usize;
            }
            ends[n].push(pi as u32);
        }
        assert!(ends.len() < END as usize, "too many trie nodes");
        for k in &mut next {
            if *k != 0 && !ends[*k as usize].is_empty() {
                *k |= END;
            }
        }
        let mut t = Trie { class, classes, next, ..Default::default() };
        for e in &ends {
            let a = t.ends.len() as u32;
            t.ends.extend(e);
            t.end_ranges.push((a, t.ends.len() as u32));
        }
        t
    }

    /// The transition from `node` (a transition as stored: [`END`] may be set) on byte `b`.
    #[inline(always)]
    fn child(&self, node: u32, b: u8) -> u32 {
        self.next[(node & !END) as usize * self.classes + self.class[b as usize] as usize]
    }
}

/// One occurrence of a phrase in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Span,
    /// Index of the rule (source line) that matched.
    pub rule: usize,
}

impl PhraseSet {
    /// Parse a bundled list in the phrase syntax (reporting-verb lists use `;` between forms).
    /// Panics on an unknown flag: the bundled lists are part of the program, and a test loads
    /// them all.
    pub fn parse(src: &str) -> PhraseSet {
        PhraseSet::try_parse(src).unwrap_or_else(|e| panic!("bundled phrase list: {e}"))
    }

    /// Parse a list, refusing unknown flags.
    pub fn try_parse(src: &str) -> Result<PhraseSet, LexiconError> {
        let mut set = PhraseSet::default();
        set.add_source(src)?;
        set.build();
        Ok(set)
    }

    fn add_source(&mut self, src: &str) -> Result<(), LexiconError> {
        let mut message = None;
        let mut section = None;
        let mut rules = Vec::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(m) = line.strip_prefix('@') {
                message = Some(m.trim().to_string());
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') && !line.contains(' ') {
                section = Some(line[1..line.len() - 1].to_string());
                continue;
            }
            let (pat, flags) = match line.split_once(" | ") {
                Some((p, f)) => {
                    let flags = f
                        .split_whitespace()
                        .map(|w| {
                            Flag::parse(w).ok_or_else(|| LexiconError {
                                line: n + 1,
                                message: format!("unknown flag {w:?} (known: {})", Flag::ALL.map(Flag::as_str).join(", ")),
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    (p.trim(), flags)
                }
                None => (line, Vec::new()),
            };
            // A choice or an optional word is one token: "(a|b_c)", never "(a|b c)", which
            // would be read as the words "(a|b" and "c)" and match nothing.
            let choice = |t: &str| (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
            if let Some(bad) = pat.split([' ', ';']).find(|t| t.contains('|') && !choice(t.trim_start_matches('^').trim_end_matches('$'))) {
                return Err(LexiconError {
                    line: n + 1,
                    message: format!(
                        "unbalanced choice {bad:?}: write the words of one choice with '_' between them, as in (a_person|someone)"
                    ),
                });
            }
            rules.push(Rule { pattern: pat.to_string(), message: message.clone(), section: section.clone(), flags });
        }
        self.rules.extend(rules);
        Ok(())
    }

    /// Every phrase a rule's pattern stands for, lower-cased: (rule index, phrase, anchored at
    /// the sentence start, anchored at its end). `;` separates forms, `^`/`$` anchor them, and
    /// each form expands to its alternatives and apostrophe variants.
    fn phrases(&self) -> Vec<(usize, String, bool, bool)> {
        let mut out = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            for form in rule.pattern.split(';') {
                let mut form = form.trim().to_ascii_lowercase();
                if form.is_empty() {
                    continue;
                }
                let anchor_start = form.starts_with('^');
                if anchor_start {
                    form.remove(0);
                }
                let anchor_end = form.ends_with('$');
                if anchor_end {
                    form.pop();
                }
                for phrase in expand(&form) {
                    for variant in apostrophes(&phrase) {
                        out.push((ri, variant, anchor_start, anchor_end));
                    }
                }
            }
        }
        out
    }

    fn build(&mut self) {
        let mut pats: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        for (rule, variant, anchor_start, anchor_end) in self.phrases() {
            let word_end = variant.chars().next_back().is_some_and(is_word_char);
            pats.push(variant);
            entries.push(Entry { rule, anchor_start, anchor_end, word_end });
        }
        self.trie = Trie::build(&pats);
        self.entries = entries;
        self.other_starts = (0..=255u8).filter(|&c| !c.is_ascii_alphanumeric() && self.trie.child(0, c) != 0).collect();
    }

    /// Whether every phrase starts with an ASCII letter or digit: then a match can start only
    /// where a word starts, and a scan may visit the word starts of a tokenised text alone
    /// (`document/cues.rs`) instead of every byte.
    pub(crate) fn starts_at_words_only(&self) -> bool {
        self.other_starts.is_empty()
    }

    /// The ASCII punctuation bytes phrases start with, when every phrase starts with one or
    /// with an ASCII letter or digit (`None` when one starts with another byte).
    pub(crate) fn punctuation_starts(&self) -> Option<&[u8]> {
        self.other_starts.iter().all(u8::is_ascii).then_some(&self.other_starts)
    }

    /// The trie node a match starting with byte `c` is in after it (0: no phrase starts so).
    #[inline]
    pub(crate) fn start_node(&self, c: u8) -> u32 {
        if self.trie.next.is_empty() { 0 } else { self.trie.child(0, c) }
    }

    /// Whether some phrase starts with `bytes` (ASCII case-insensitive), or runs on past them:
    /// the trie walk over them never falls off. ([`first_runs::FirstRuns`] answers it for
    /// several lists at once; this is the reference its test compares with.)
    #[cfg(test)]
    pub(crate) fn walks_through(&self, bytes: &[u8]) -> bool {
        if self.trie.next.is_empty() {
            return false;
        }
        let mut node = 0;
        for &c in bytes {
            node = self.trie.child(node, c);
            if node == 0 {
                return false;
            }
        }
        true
    }

    /// Append the entries of another list (same syntax) and rebuild. On an error nothing is
    /// added.
    pub fn extend(&mut self, src: &str) -> Result<(), LexiconError> {
        self.add_source(src)?;
        self.build();
        Ok(())
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn rule(&self, i: usize) -> &Rule {
        &self.rules[i]
    }

    /// All word-bounded matches in `text` (ASCII case-insensitive), longest first at each
    /// start, not overlapping, in text order. Anchors refer to line starts/ends.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        self.scan(text, |m| {
            out.push(m);
            true
        });
        out
    }

    /// [`PhraseSet::find`] of several sets in one pass over `text`.
    pub fn find_each<const N: usize>(sets: [&PhraseSet; N], text: &str) -> [Vec<PhraseMatch>; N] {
        let mut out: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
        let mut last_end = [0usize; N];
        let live: [bool; N] = std::array::from_fn(|k| !sets[k].trie.next.is_empty());
        // The bytes that start a phrase of some set: other places are passed over at once.
        let mut starts = [false; 256];
        for (c, st) in starts.iter_mut().enumerate() {
            *st = (0..N).any(|k| live[k] && sets[k].trie.child(0, c as u8) != 0);
        }
        match_starts(text, |i, c| {
            if !starts[c as usize] {
                return true;
            }
            for k in 0..N {
                if i < last_end[k] || !live[k] {
                    continue;
                }
                let first = sets[k].trie.child(0, c);
                if first != 0
                    && let Some(m) = sets[k].longest_at(text, i, first)
                {
                    last_end[k] = m.span.end;
                    out[k].push(m);
                }
            }
            true
        });
        out
    }

    /// The first match of [`PhraseSet::find`] that meets `pred` (without collecting them).
    pub fn find_first(&self, text: &str, mut pred: impl FnMut(&PhraseMatch) -> bool) -> Option<PhraseMatch> {
        let mut found = None;
        self.scan(text, |m| {
            if pred(&m) {
                found = Some(m);
                return false;
            }
            true
        });
        found
    }

    /// Whether any match of [`PhraseSet::find`] meets `pred` (without collecting them).
    pub fn any(&self, text: &str, mut pred: impl FnMut(&PhraseMatch) -> bool) -> bool {
        let mut found = false;
        self.scan(text, |m| {
            found = pred(&m);
            !found
        });
        found
    }

    /// Whether any phrase occurs in `text` (word-bounded).
    pub fn contains(&self, text: &str) -> bool {
        let mut found = false;
        self.scan(text, |_| {
            found = true;
            false
        });
        found
    }

    /// Calls `f` with each match of [`PhraseSet::find`] in order while it returns true.
    ///
    /// From each place a match may start ([`match_starts`]) the trie gives every phrase
    /// starting there, and the longest that ends on a word boundary (and meets its anchors) is
    /// the match there. The next place tried is after it.
    fn scan(&self, text: &str, mut f: impl FnMut(PhraseMatch) -> bool) {
        if self.trie.next.is_empty() {
            return;
        }
        let mut last_end = 0;
        match_starts(text, |i, c| {
            if i < last_end {
                return true;
            }
            let first = self.trie.child(0, c);
            if first != 0
                && let Some(m) = self.longest_at(text, i, first)
            {
                last_end = m.span.end;
                return f(m);
            }
            true
        });
    }

    /// The longest valid match starting at `s`, whose first byte led to trie node `node`
    /// (a transition as stored, [`END`] set when entries end there).
    #[inline(always)]
    pub(crate) fn longest_at(&self, text: &str, s: usize, mut node: u32) -> Option<PhraseMatch> {
        let t = &self.trie;
        let b = text.as_bytes();
        let mut best: Option<(usize, usize)> = None;
        let mut e = s + 1;
        loop {
            if node & END != 0
                && let Some(rule) = self.valid_end(text, s, e, node & !END)
            {
                best = Some((e, rule));
            }
            if e >= b.len() {
                break;
            }
            node = t.child(node, b[e]);
            if node == 0 {
                break;
            }
            e += 1;
        }
        best.map(|(e, rule)| PhraseMatch { span: s..e, rule })
    }

    /// The rule of the first entry ending at trie node `node` that is valid for a match
    /// `s..e` (word end, anchors), if any.
    fn valid_end(&self, text: &str, s: usize, e: usize, node: u32) -> Option<usize> {
        let t = &self.trie;
        let b = text.as_bytes();
        let (a, z) = t.end_ranges[node as usize];
        for &pi in &t.ends[a as usize..z as usize] {
            let entry = &self.entries[pi as usize];
            if entry.word_end && word_char_at(text, e) {
                continue;
            }
            if entry.anchor_start && !at_line_start(b, s) {
                continue;
            }
            if entry.anchor_end && !at_line_end(b, e) {
                continue;
            }
            return Some(entry.rule);
        }
        None
    }
}

fn at_line_start(b: &[u8], s: usize) -> bool {
    let mut i = s;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    i == 0 || b[i - 1] == b'\n'
}

fn at_line_end(b: &[u8], e: usize) -> bool {
    let mut i = e;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i == b.len() || b[i] == b'\n'
}

/// Whether a word character starts at byte `i` (a char boundary) of `text`.
#[inline]
fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(is_word_char),
    }
}

/// Letters and digits count as word characters.
pub fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c)
}

/// Expand `(a|b)` choices and `[x]` optional words into plain phrases.
fn expand(form: &str) -> Vec<String> {
    let mut outs: Vec<Vec<String>> = vec![Vec::new()];
    for tok in form.split_whitespace() {
        let choices: Vec<String> = if tok.starts_with('(') && tok.ends_with(')') && tok.contains('|') {
            tok[1..tok.len() - 1].split('|').map(|s| s.replace('_', " ")).collect()
        } else if tok.starts_with('[') && tok.ends_with(']') && tok.len() > 2 {
            let mut v: Vec<String> = tok[1..tok.len() - 1].split('|').map(|s| s.replace('_', " ")).collect();
            v.push(String::new());
            v
        } else {
            vec![tok.to_string()]
        };
        let mut next = Vec::new();
        for o in &outs {
            for c in &choices {
                let mut n = o.clone();
                if !c.is_empty() {
                    n.extend(c.split(' ').map(str::to_string));
                }
                next.push(n);
            }
        }
        outs = next;
        if outs.len() > 4096 {
            break;
        }
    }
    outs.into_iter().filter(|w| !w.is_empty()).map(|w| w.join(" ")).collect()
}

fn apostrophes(p: &str) -> Vec<String> {
    if p.contains('\'') { vec![p.to_string(), p.replace('\'', "\u{2019}")] } else { vec![p.to_string()] }
}

/// An ASCII-lowercased copy with the same byte offsets, for matching.
pub fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// A set of lowercase words, one per line.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    words: FxHashSet<String>,
    sections: FxHashMap<String, String>,
}

impl WordSet {
    pub fn parse(src: &str) -> WordSet {
        let mut s = WordSet::default();
        s.extend(src);
        s
    }

    pub fn extend(&mut self, src: &str) {
        let mut section = String::new();
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                section = line[1..line.len() - 1].to_string();
                continue;
            }
            let w = line.to_lowercase();
            self.sections.insert(w.clone(), section.clone());
            self.words.insert(w);
        }
    }

    /// Whether `w` (any case) is in the set.
    pub fn contains(&self, w: &str) -> bool {
        with_lower(w, |l| self.words.contains(l))
    }

    /// [`WordSet::contains`] of a word whose lower-case form `l` is known.
    pub(crate) fn contains_lower(&self, l: &str) -> bool {
        self.words.contains(l)
    }

    /// The `[section]` a word was listed under ("" when none).
    pub fn section(&self, w: &str) -> Option<&str> {
        with_lower(w, |l| self.sections.get(l)).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// All word lists the analysis uses.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// reporting_verbs.txt and speech_acts.txt: forms of speech, writing and cognition verbs.
    pub reporting_verbs: PhraseSet,
    /// vague.txt: impersonal and hedged attributions.
    pub vague: PhraseSet,
    /// anonymous.txt: phrases that mark an anonymous source.
    pub anonymous: PhraseSet,
    /// boilerplate.txt: site furniture (`[line]`) and related-story lists (`[zone]`).
    pub boilerplate: PhraseSet,
    /// predictions.txt: predictions and intentions.
    pub predictions: PhraseSet,
    /// charged_terms.txt: contested characterisations.
    pub charged: PhraseSet,
    /// time_words.txt: words that date an event.
    pub time_words: PhraseSet,
    /// numbers.txt: number words.
    pub numbers: PhraseSet,
    /// vague_sources.txt: unnamed collectives as sources.
    pub vague_sources: WordSet,
    /// anonymous_sources.txt: heads of unnamed-source phrases.
    pub anonymous_sources: WordSet,
    /// abbreviations.txt: abbreviations that keep a sentence going.
    pub abbreviations: WordSet,
    /// function_words.txt: common function words.
    pub function_words: WordSet,
    /// superlatives.txt: superlatives not formed with -est.
    pub superlatives: WordSet,
    /// source_roles.txt: lower-case role words inside source phrases.
    pub source_roles: WordSet,
    /// documents.txt: documents that can be a source after "according to" (report, study).
    pub documents: WordSet,
    /// collectives.txt: plurals of nouns for people and groups (WordNet): "relatives",
    /// "lawmakers", "companies".
    pub collectives: WordSet,
    /// adjectives.txt: words WordNet lists as adjectives (scripts/wordnet_adjectives.py).
    pub adjectives: WordSet,
    /// no_comment.txt: "did not respond to a request for comment" and the like.
    pub no_comment: PhraseSet,
    /// Lists from an extra directory that byline does not know by name, for other components.
    pub extra: HashMap<String, String>,
    /// The [`crate::document::class`] bits of every word some word list names (see
    /// [`Lexicon::word_class`]), built on first use; [`Lexicon::extend`] drops it.
    word_classes: std::sync::OnceLock<word_map::WordMap<u16>>,
    /// The first runs of the phrases of [`Lexicon::word_start_lists`], built on first use;
    /// [`Lexicon::extend`] drops it.
    first_runs: std::sync::OnceLock<first_runs::FirstRuns>,
}

macro_rules! bundled {
    ($name:literal) => {
        include_str!(concat!("../lexicons/", $name, ".txt"))
    };
}

impl Lexicon {
    /// The lists bundled with byline.
    pub fn bundled() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(Lexicon::build_bundled)
    }

    fn build_bundled() -> Lexicon {
        Lexicon {
            reporting_verbs: {
                // speech_acts.txt (generated from WordNet) adds speech-act verbs flagged `act`.
                let mut p = PhraseSet::parse(bundled!("reporting_verbs"));
                p.extend(bundled!("speech_acts")).unwrap_or_else(|e| panic!("bundled phrase list: {e}"));
                p
            },
            vague: PhraseSet::parse(bundled!("vague")),
            anonymous: PhraseSet::parse(bundled!("anonymous")),
            boilerplate: PhraseSet::parse(bundled!("boilerplate")),
            predictions: PhraseSet::parse(bundled!("predictions")),
            charged: PhraseSet::parse(bundled!("charged_terms")),
            time_words: PhraseSet::parse(bundled!("time_words")),
            numbers: PhraseSet::parse(bundled!("numbers")),
            vague_sources: WordSet::parse(bundled!("vague_sources")),
            anonymous_sources: WordSet::parse(bundled!("anonymous_sources")),
            abbreviations: WordSet::parse(bundled!("abbreviations")),
            function_words: WordSet::parse(bundled!("function_words")),
            superlatives: WordSet::parse(bundled!("superlatives")),
            source_roles: WordSet::parse(bundled!("source_roles")),
            documents: WordSet::parse(bundled!("documents")),
            collectives: WordSet::parse(bundled!("collectives")),
            adjectives: WordSet::parse(bundled!("adjectives")),
            no_comment: PhraseSet::parse(bundled!("no_comment")),
            extra: HashMap::new(),
            word_classes: std::sync::OnceLock::new(),
            first_runs: std::sync::OnceLock::new(),
        }
    }

    /// The [`crate::document::class`] bits of a lower-case word: [`crate::document::classify`]
    /// with one hash look-up for a word of ASCII letters and digits, and at most two short
    /// phrase scans more for another ASCII word without capitals ("twenty-five", "u.s").
    ///
    /// A word of letters and digits is in a [`WordSet`] only as itself, and a phrase of a
    /// [`PhraseSet`] occurs in it only when the phrase is the word (a phrase can start only at
    /// its first byte, and a phrase ending inside it would end in a letter or digit followed by
    /// one). So every word a list can match is a key of one map from word to bits, computed by
    /// `classify` itself. A lower-case ASCII word with other characters is also in a word list
    /// only as itself (then it is a key), but a time or number phrase may occur inside it
    /// ("twenty" in "twenty-five"): the two phrase lists answer for a word that is no key.
    pub fn word_class(&self, l: &str) -> u16 {
        use crate::document::class;
        // One pass over the bytes: upper-case or not ASCII, and other than letters and digits.
        let seen = l.bytes().fold(0, |seen, b| seen | WORD_CLASS_BYTE[b as usize]);
        let other = seen & OTHER != 0;
        if seen & UPPER_OR_WIDE != 0 {
            return crate::document::classify(self, l);
        }
        let map = self.word_classes.get_or_init(|| {
            let mut keys: Vec<String> = Vec::new();
            for set in [
                &self.function_words,
                &self.superlatives,
                &self.source_roles,
                &self.anonymous_sources,
                &self.vague_sources,
                &self.documents,
                &self.abbreviations,
                &self.collectives,
                &self.adjectives,
            ] {
                keys.extend(set.words.iter().cloned());
            }
            for set in [&self.time_words, &self.numbers] {
                keys.extend(set.phrases().into_iter().map(|p| p.1));
            }
            word_map::WordMap::new(keys.into_iter().filter_map(|k| {
                let c = crate::document::classify(self, &k);
                (c != 0).then_some((k, c))
            }))
        });
        if let Some(c) = map.get(l) {
            return c;
        }
        if !other {
            return 0;
        }
        let time = if self.time_words.contains(l) { class::TIME } else { 0 };
        time | if self.numbers.contains(l) { class::NUMBER } else { 0 }
    }

    /// The phrase lists looked for from the word starts of the tokens (`document/cues.rs`):
    /// the parse's attribution cues and boilerplate, and the lists the claim rules scan a
    /// sentence for (no comment, time words, charged words, predictions); with the first runs
    /// of their phrases, which say which lists may match at a word.
    pub(crate) fn word_start_lists(&self) -> ([&PhraseSet; 8], &first_runs::FirstRuns) {
        let sets = [
            &self.reporting_verbs,
            &self.vague,
            &self.anonymous,
            &self.boilerplate,
            &self.no_comment,
            &self.time_words,
            &self.charged,
            &self.predictions,
        ];
        (sets, self.first_runs.get_or_init(|| first_runs::FirstRuns::new(&sets)))
    }

    /// The bundled lists extended with the `*.txt` files of `dir` (same names and syntax as
    /// the bundled ones: `vague.txt` adds vague phrasings, and so on). Files with other names
    /// are kept in [`Lexicon::extra`].
    pub fn with_extra(dir: &Path) -> std::io::Result<Lexicon> {
        let mut lex = Lexicon::bundled().clone();
        let mut files: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let src = std::fs::read_to_string(&path)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
            lex.extend(&stem, &src)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}: {e}", path.display())))?;
        }
        Ok(lex)
    }

    /// Add the entries of `src` to the list called `name` (a bundled file name without `.txt`).
    /// A phrase list with an unknown flag is refused whole.
    pub fn extend(&mut self, name: &str, src: &str) -> Result<(), LexiconError> {
        self.word_classes = std::sync::OnceLock::new();
        self.first_runs = std::sync::OnceLock::new();
        match name {
            "reporting_verbs" | "speech_acts" => return self.reporting_verbs.extend(src),
            "vague" => return self.vague.extend(src),
            "anonymous" => return self.anonymous.extend(src),
            "boilerplate" => return self.boilerplate.extend(src),
            "predictions" => return self.predictions.extend(src),
            "charged_terms" => return self.charged.extend(src),
            "time_words" => return self.time_words.extend(src),
            "numbers" => return self.numbers.extend(src),
            "vague_sources" => self.vague_sources.extend(src),
            "anonymous_sources" => self.anonymous_sources.extend(src),
            "abbreviations" => self.abbreviations.extend(src),
            "function_words" => self.function_words.extend(src),
            "superlatives" => self.superlatives.extend(src),
            "source_roles" => self.source_roles.extend(src),
            "documents" => self.documents.extend(src),
            "collectives" => self.collectives.extend(src),
            "adjectives" => self.adjectives.extend(src),
            "no_comment" => return self.no_comment.extend(src),
            _ => {
                let e = self.extra.entry(name.to_string()).or_default();
                e.push_str(src);
                e.push('\n');
            }
        }
        Ok(())
    }
}

/// Bits of [`WORD_CLASS_BYTE`].
const UPPER_OR_WIDE: u8 = 1;
const OTHER: u8 = 2;

/// What [`Lexicon::word_class`] needs to know of a byte: upper-case or not ASCII
/// ([`UPPER_OR_WIDE`]), other than a letter or digit ([`OTHER`]).
static WORD_CLASS_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let wide = if b.is_ascii_uppercase() || b >= 0x80 { UPPER_OR_WIDE } else { 0 };
        t[c] = wide | if b.is_ascii_alphanumeric() { 0 } else { OTHER };
        c += 1;
    }
    t
};

/// [`u8::is_ascii_alphanumeric`] as a table (the scan's inner loop).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Calls `visit(i, first_byte)` at every byte offset where a phrase may start, in order,
/// while it returns true: where a word starts, or at a character that is not a letter or digit
/// (a phrase may start with punctuation). The rest of a word is never tried.
fn match_starts(text: &str, mut visit: impl FnMut(usize, u8) -> bool) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut prev_word = false;
    while i < b.len() {
        let c = b[i];
        let (cur_word, len) = if c < 0x80 {
            (c.is_ascii_alphanumeric(), 1)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(ch), ch.len_utf8())
        };
        let may_start = !(prev_word && cur_word);
        if may_start && !visit(i, c) {
            return;
        }
        prev_word = cur_word;
        i += len;
        // The rest of an ASCII word holds no place to try.
        if cur_word {
            while i < b.len() && ASCII_ALNUM[b[i] as usize] {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Lexicon::word_class`] agrees with [`crate::document::classify`] on every listed word,
    /// its neighbours and a few others, bundled and extended.
    #[test]
    fn word_class_is_classify() {
        use crate::document::classify;
        let lex = Lexicon::bundled();
        let mut extra = lex.clone();
        assert!(extra.word_class("zorbly") == 0);
        extra.extend("time_words", "zorbly\n(sennight|twelvemonth)").unwrap();
        extra.extend("collectives", "pundits").unwrap();
        assert!(extra.word_class("zorbly") != 0 && extra.word_class("pundits") != 0);
        let mut words: Vec<String> = Vec::new();
        for l in [lex, &extra] {
            for set in [
                &l.function_words,
                &l.superlatives,
                &l.source_roles,
                &l.anonymous_sources,
                &l.vague_sources,
                &l.documents,
                &l.abbreviations,
                &l.collectives,
                &l.adjectives,
            ] {
                words.extend(set.words.iter().cloned());
            }
            for set in [&l.time_words, &l.numbers, &l.vague, &l.reporting_verbs] {
                words.extend(set.phrases().into_iter().map(|p| p.1));
            }
        }
        let more: Vec<String> = words.iter().flat_map(|w| [format!("{w}s"), w[..w.len() / 2].to_string(), format!("x{w}")]).collect();
        words.extend(more);
        words.extend(
            [
                "today",
                "3",
                "2024",
                "",
                "zzz",
                "né",
                "u.s",
                "3.5",
                "150,000",
                "9:30",
                "twenty-five",
                "well-known",
                "half-dozen",
                "ex-officials",
                "officials'",
                "o'clock",
                "year-end",
                "mid-2024",
                "Today",
                "THREE",
            ]
            .map(String::from),
        );
        let hyphened: Vec<String> =
            words.iter().take(4000).flat_map(|w| [format!("{w}-{w}"), format!("ex-{w}"), format!("{w}'s")]).collect();
        words.extend(hyphened);
        for w in &words {
            assert_eq!(lex.word_class(w), classify(lex, w), "{w:?}");
            assert_eq!(extra.word_class(w), classify(&extra, w), "{w:?} (extended)");
        }
    }

    #[test]
    fn flags_are_checked_when_a_list_loads() {
        let set = PhraseSet::try_parse("say; said | complement cognition\nurge; urged | public object-to\n").unwrap();
        assert_eq!(set.rule(0).flags, [Flag::Complement, Flag::Cognition]);
        assert!(set.rule(1).has(Flag::ObjectTo) && !set.rule(1).has(Flag::Quote));
        let e = PhraseSet::try_parse("# comment\nsay; said\nwarn; warned | compliment\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("\"compliment\"") && e.message.contains("complement"), "{e}");
        // A user list with a bad flag is refused whole: nothing of it is added.
        let mut lex = Lexicon::bundled().clone();
        let before = lex.reporting_verbs.rules().len();
        assert!(lex.extend("reporting_verbs", "murmur; murmured\nmumble; mumbled | typo\n").is_err());
        assert_eq!(lex.reporting_verbs.rules().len(), before);
        assert!(lex.extend("reporting_verbs", "murmur; murmured | complement\n").is_ok());
        assert_eq!(lex.reporting_verbs.rules().len(), before + 1);
    }

    #[test]
    fn every_bundled_list_loads() {
        // Lexicon::bundled() panics on an unknown flag in a bundled list.
        let lex = Lexicon::bundled();
        assert!(lex.reporting_verbs.rules().iter().any(|r| r.has(Flag::Refusal)));
    }

    #[test]
    fn a_choice_with_a_space_is_an_error() {
        let e = PhraseSet::try_parse("ok line\n(people|a person) familiar with").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(PhraseSet::try_parse("(people|a_person) familiar with").unwrap().contains("a person familiar with the talks"));
    }

    #[test]
    fn expands_choices_and_options() {
        let mut v = expand("there (is|are) [growing] fears");
        v.sort();
        assert_eq!(v, ["there are fears", "there are growing fears", "there is fears", "there is growing fears"]);
    }

    #[test]
    fn matches_on_word_boundaries() {
        let set = PhraseSet::parse("said\nit is feared\n");
        let t = lower("It is feared he said; unsaid.");
        let m = set.find(&t);
        assert_eq!(m.len(), 2);
        assert_eq!(&t[m[0].span.clone()], "it is feared");
        assert_eq!(&t[m[1].span.clone()], "said");
    }

    /// The matcher as it was: every overlapping automaton match, filtered, then leftmost
    /// longest.
    type Reference = (aho_corasick::AhoCorasick, Vec<(usize, bool, bool)>);

    fn reference(set: &PhraseSet) -> Reference {
        let mut pats = Vec::new();
        let mut entries = Vec::new();
        for (ri, v, a_s, a_e) in set.phrases() {
            pats.push(v);
            entries.push((ri, a_s, a_e));
        }
        (aho_corasick::AhoCorasick::new(&pats).unwrap(), entries)
    }

    fn reference_find((ac, entries): &Reference, lower: &str) -> Vec<PhraseMatch> {
        let bytes = lower.as_bytes();
        let mut cands = Vec::new();
        for m in ac.find_overlapping_iter(lower) {
            let (s, e) = (m.start(), m.end());
            let first = lower[s..].chars().next();
            let before = first.is_some_and(|c| !is_word_char(c)) || lower[..s].chars().next_back().is_none_or(|c| !is_word_char(c));
            let last = lower[..e].chars().next_back();
            let after = last.is_some_and(|c| !is_word_char(c)) || lower[e..].chars().next().is_none_or(|c| !is_word_char(c));
            let (rule, a_s, a_e) = entries[m.pattern().as_usize()];
            if !before || !after || (a_s && !at_line_start(bytes, s)) || (a_e && !at_line_end(bytes, e)) {
                continue;
            }
            cands.push((s, e, rule));
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut last_end = 0;
        for (s, e, rule) in cands {
            if s < last_end {
                continue;
            }
            last_end = e;
            out.push(PhraseMatch { span: s..e, rule });
        }
        out
    }

    #[test]
    fn trie_matches_the_automaton() {
        let lex = Lexicon::bundled();
        let sets = [
            &lex.reporting_verbs,
            &lex.vague,
            &lex.anonymous,
            &lex.boilerplate,
            &lex.predictions,
            &lex.charged,
            &lex.time_words,
            &lex.numbers,
        ];
        let refs: Vec<Reference> = sets.iter().map(|s| reference(s)).collect();
        // Words of every phrase, with noise between them.
        let mut vocab: Vec<String> = Vec::new();
        for set in sets {
            for r in set.rules() {
                for p in r.pattern.split(';') {
                    for f in expand(p.trim().trim_start_matches('^').trim_end_matches('$')) {
                        vocab.extend(f.split(' ').map(str::to_string));
                    }
                }
            }
        }
        let noise = [" ", " ", " ", "  ", ", ", ". ", "\n", "\n ", "x", "s", "’", "'", "é", "“", "—", "(", ")", "1", "\t", "Ünder "];
        let mut next = crate::test_rng::below();
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next(40) {
                if next(3) == 0 {
                    t.push_str(noise[next(noise.len())]);
                } else {
                    let w = &vocab[next(vocab.len())];
                    if next(4) == 0 {
                        t.push_str(&w.to_uppercase())
                    } else {
                        t.push_str(w)
                    }
                    t.push(' ');
                }
            }
            let l = lower(&t);
            for (set, r) in sets.iter().zip(&refs) {
                let want = reference_find(r, &l);
                assert_eq!(set.find(&l), want, "{t:?}");
                assert_eq!(set.find(&t), want, "{t:?}");
                assert_eq!(set.contains(&t), !want.is_empty());
            }
            let [a, b, c] = PhraseSet::find_each([sets[0], sets[1], sets[2]], &t);
            assert_eq!((a, b, c), (sets[0].find(&t), sets[1].find(&t), sets[2].find(&t)));
        }
    }

    #[test]
    fn bundled_lists_load() {
        let lex = Lexicon::bundled();
        assert!(lex.reporting_verbs.rules().len() > 30);
        assert!(lex.abbreviations.contains("Mr"));
        assert_eq!(lex.abbreviations.section("mr"), Some("title"));
    }
}
