//! Finding person names: runs of capitalised words, split at titles and non-person words, kept
//! when a cue says they name a person (a first name, a title or honorific, a speech verb, an
//! appositive role, a byline or photo credit), then propagated to bare surnames.

use super::lexicon::class::*;
use super::lexicon::{FxHashMap, FxHashSet, PeopleLexicon, with_lower};
use super::tokens::Tok;

/// Name particles that may stand inside a name in lower case ("von der Leyen", "bin Laden").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "ibn", "al", "el", "ben", "ter",
    "op", "y", "zu",
];

/// Lower-case particles of Welsh, Irish, Scottish, Arabic and Portuguese names that only ever stand inside
/// a name ("Rhodri ap Gwynn", "Fatima bint Khalid", "Omar abu Saleh", "Inês do Carmo").
const PARTICLES_INNER: &[&str] = &["ap", "bint", "abu", "ní", "nic", "mac", "ó", "uí", "ua", "do"];

/// Words that end a backward walk over a role ("said Kremlin spokesman ...").
const ROLE_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "his",
    "her",
    "their",
    "its",
    "this",
    "these",
    "those",
    "when",
    "after",
    "before",
    "while",
    "during",
    "than",
    "then",
    "also",
    "not",
    "if",
    "said",
    "says",
    "told",
    "added",
    "says",
    "say",
    "according",
    "between",
    "against",
    "about",
    "into",
    "over",
    "under",
    "since",
    "meanwhile",
    "however",
    "yesterday",
    "today",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "like",
    "including",
    "where",
    "there",
    "here",
    "said",
    "met",
    "called",
    "named",
    "spoke",
    "told",
    "asked",
    "urged",
    "and",
    "both",
    "via",
    "per",
    "among",
    "amid",
    "despite",
    "toward",
    "towards",
    "without",
];

/// Plain honorifics that are not worth listing as a role.
const PLAIN_HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "mme", "madame", "monsieur", "herr", "frau"];

/// A recognised mention: the token range of its name (title and possessive excluded).
#[derive(Clone, Debug)]
pub struct Found {
    /// Token indices `first..last+1` of the name.
    pub toks: std::ops::Range<usize>,
    /// The name is a given name alone, linked to a full name in the same article.
    pub given_only: bool,
    /// A surname inside a hyphenated word ("Putin" in "Scholz-Putin"): its byte range.
    pub part: Option<(usize, usize)>,
    /// A lone surname cued only by a speech verb: a person only if someone with that surname
    /// is named in full (see [`super::DocPeople::tentative`]).
    pub tentative: bool,
    /// Another name of the person found just before ("Jane Roe, widely known as Janey").
    pub alias: bool,
}

#[derive(Clone, Debug)]
struct Piece {
    toks: std::ops::Range<usize>,
    /// Number of real name words (initials and particles not counted).
    words: usize,
    strong: bool,
    weak: bool,
    rejected: bool,
    /// End (exclusive) of the run of capitalised words the piece comes from.
    run_end: usize,
    /// A lone word cued only by a speech verb.
    tentative: bool,
    /// Led by a place that is also a given name ("Georgia Pemberton"): needs a cue besides it.
    place_led: bool,
}

impl Piece {
    /// A name found by a strong cue of its own (a byline, a contributor line).
    fn strong_name(toks: std::ops::Range<usize>) -> Piece {
        Piece { words: toks.len(), run_end: toks.end, toks, strong: true, weak: false, rejected: false, tentative: false, place_led: false }
    }
}

/// Token classes beyond the lexicon's (see [`super::lexicon::class`]).
/// The text also uses the word in lower case (an ordinary word, not a name).
const LOWER_USED: u32 = 1 << 8;
/// A name particle ("von", "al-Assad"), as written.
const PARTICLE: u32 = 1 << 9;
/// In lower case, a word that ends a backward walk over a role.
const STOP: u32 = 1 << 10;
/// In lower case, a plain honorific ("Mr").
const PLAIN_HON: u32 = 1 << 11;
/// A part after a hyphen starts in lower case ("Last-ditch").
const LOWER_PART: u32 = 1 << 12;
/// In lower case, a name particle ("Von" in "Von der Leyen").
const PARTICLE_CI: u32 = 1 << 13;
/// As written (lower case), a verb or preposition that ends a backward walk over a role.
const VERB_STOP: u32 = 1 << 14;
/// As written (lower case), a particle that only stands inside a name ("ap", "bint").
const PARTICLE_INNER: u32 = 1 << 15;

/// The short word lists, lower case -> `STOP`, `PLAIN_HON`, `PARTICLE_CI` bits.
fn short_words() -> &'static FxHashMap<&'static str, u32> {
    static MAP: std::sync::OnceLock<FxHashMap<&'static str, u32>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<&'static str, u32> = FxHashMap::default();
        for (list, bit) in [
            (ROLE_STOP, STOP),
            (PLAIN_HONORIFICS, PLAIN_HON),
            (PARTICLES, PARTICLE_CI),
            (PARTICLES_INNER, PARTICLE_INNER),
            (ROLE_STOP_MORE, VERB_STOP),
        ] {
            for w in list {
                *m.entry(w).or_default() |= bit;
            }
        }
        m
    })
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// The classes of each token's word, computed once per distinct word.
    cls: Vec<u32>,
    /// For the few lookups that are not per token (several-word names, plurals).
    pub lex: &'a PeopleLexicon,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], lex: &'a PeopleLexicon) -> Ctx<'a> {
        // Words that the text also uses in lower case are ordinary words, not names.
        let mut lower_words: FxHashSet<&str> = FxHashSet::default();
        for t in toks {
            let w = t.text(text);
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                lower_words.insert(w);
            }
        }
        let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
        let cls = toks
            .iter()
            .map(|t| {
                let w = t.text(text);
                *seen.entry(w).or_insert_with(|| {
                    let mut c = lex.classify(w);
                    with_lower(w, |l| {
                        if lower_words.contains(l) {
                            c |= LOWER_USED;
                        }
                        let short = short_words().get(l).copied().unwrap_or(0);
                        // ("WHO spokesperson": an acronym is not the pronoun.)
                        let acronym = w.chars().count() >= 2 && !w.chars().any(|c| c.is_lowercase());
                        c |= short & !(VERB_STOP | PARTICLE_INNER | if acronym { STOP } else { 0 });
                        // The particles are lower case: as written only when `w` is.
                        if (short & (PARTICLE_CI | PARTICLE_INNER) != 0 && l == w) || w.starts_with("al-") || w.starts_with("el-") {
                            c |= PARTICLE;
                        }
                        // So are the verbs and prepositions that end a role.
                        if l == w {
                            c |= short & VERB_STOP;
                        }
                    });
                    // "Last-ditch": a part after a hyphen starts in lower case.
                    if w.split(['-', '‑']).skip(1).any(|part| part.chars().next().is_some_and(|c| c.is_lowercase())) {
                        c |= LOWER_PART;
                    }
                    c
                })
            })
            .collect();
        Ctx { text, toks, cls, lex }
    }
    /// Whether token `i` has any of the class bits `bits`.
    #[inline]
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.cls[i] & bits != 0
    }
    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    /// The text between token `i` (possessive included) and token `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        let end = self.toks[i].raw_end;
        let next = self.toks.get(i + 1).map_or(self.text.len(), |t| t.start);
        &self.text[end.min(next)..next]
    }
    pub fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 { &self.text[..self.toks[0].start] } else { self.gap_after(i - 1) }
    }
    fn is_particle(&self, i: usize) -> bool {
        self.has(i, PARTICLE)
    }
}

fn is_space_gap(g: &str) -> bool {
    !g.is_empty() && g.len() <= 3 && g.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

/// Whether a sentence may start right before token `i`.
fn sentence_start(ctx: &Ctx, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let g = ctx.gap_before(i);
    if g.contains('\n') {
        return true;
    }
    let g = g.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['));
    g.ends_with(['.', '!', '?', ':', '”', '"', '’'])
}

pub fn find_names(ctx: &Ctx) -> Vec<Found> {
    let toks = ctx.toks;
    let n = toks.len();
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    // Line starts, to tell whether a piece stands alone on its line (a byline).
    let line_starts: Vec<usize> = std::iter::once(0).chain(ctx.text.match_indices('\n').map(|(i, _)| i + 1)).collect();

    // 1. Runs of capitalised words.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if !(toks[i].cap || toks[i].initial) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < n {
            let prev = &toks[j - 1];
            if prev.possessive {
                break;
            }
            let gap = ctx.gap_after(j - 1);
            let dotted = (gap == ". " || gap == ".  ") && ctx.has(j - 1, HONORIFIC | TITLE_ABBR);
            // "Anna K.L. Moreau", "T.J. Okoro": initials written together.
            let joined_initials = gap.is_empty() && prev.initial && ctx.text[..prev.end].ends_with('.');
            // "Joko “Jokowi” Widodo": a nickname in quotes inside a name, after a given name.
            if matches!(gap, " “" | " \"") && j + 1 < n && ctx.has(j - 1, FIRST) && toks[j].cap {
                let mut q = j;
                while q < n && q < j + 3 && toks[q].cap && is_space_gap(ctx.gap_after(q)) {
                    q += 1;
                }
                if q < n
                    && toks[q].cap
                    && matches!(ctx.gap_after(q), "” " | "\" ")
                    && q + 1 < n
                    && toks[q + 1].cap
                    && !ctx.has(q + 1, NONPERSON_HEAD | TITLE)
                {
                    j = q + 2;
                    continue;
                }
            }
            if !(is_space_gap(gap) || dotted || joined_initials) {
                break;
            }
            let t = &toks[j];
            if t.cap || t.initial {
                j += 1;
                continue;
            }
            // A particle joins only between capitalised words.
            {
                let mut q = j;
                while q < n && ctx.is_particle(q) && q < j + 3 && is_space_gap(ctx.gap_after(q)) {
                    q += 1;
                }
                if q > j && q < n && toks[q].cap {
                    j = q + 1;
                    continue;
                }
                // "Abdel Fattah al-Burhan": a particle glued to a capitalised name ends the run.
                if ctx.is_particle(j) && glued_particle(ctx.word(j)) {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        runs.push(start..j);
        i = j;
    }

    // 2. Split runs into name pieces at titles, honorifics and non-person words.
    let mut pieces: Vec<Piece> = Vec::new();
    for run in &runs {
        let mut k = run.start;
        while k < run.end {
            let is_name_tok = |k: usize| -> bool {
                if toks[k].initial || ctx.is_particle(k) {
                    return true;
                }
                // "Last-ditch", "Anti-war": a capitalised word with a lower-case part is not a name,
                // except a Korean given name after a family name ("Cho Tae-yul").
                if ctx.has(k, LOWER_PART) {
                    return k > run.start && !ctx.has(k, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE) && korean_given(ctx, k);
                }
                if !ctx.has(k, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE) {
                    return true;
                }
                // "George Church, a geneticist, ...", "George Church said": a known given name
                // then a word that ends the names of things, the whole run, cued as a person.
                if k == run.start + 1
                    && k + 1 == run.end
                    && toks[k].cap
                    && !toks[k - 1].possessive
                    && ctx.has(k - 1, FIRST)
                    && !ctx.has(k - 1, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC)
                    && !ctx.has(k, HONORIFIC | NONPERSON | TITLE)
                    && person_cue_after(ctx, k)
                {
                    return true;
                }
                // "Bill Jones": a given name that also ends the names of things ("the Health
                // Bill"), where it starts a name before a surname.
                if ctx.has(k, FIRST)
                    && !ctx.has(k, HONORIFIC | NONPERSON | TITLE)
                    && toks[k].cap
                    && (k == run.start || ctx.has(k - 1, TITLE | HONORIFIC))
                    && k + 1 < run.end
                    && (toks[k + 1].cap || ctx.is_particle(k + 1))
                    && !ctx.has(k + 1, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE)
                {
                    return true;
                }
                // "Agriculture Minister Dean Foley": a role word that is also a given name,
                // after a title and before exactly one surname, is the given name.
                k > run.start
                    && k + 1 < run.end
                    && toks[k].cap
                    && ctx.has(k, FIRST)
                    // ("President Bill Valdez": a given name that also ends the names of things.)
                    && !ctx.has(k, HONORIFIC | NONPERSON)
                    && ctx.has(k - 1, ROLE_HEAD | TITLE_ABBR)
                    && toks[k - 1].cap
                    && toks[k + 1].cap
                    && !ctx.has(k + 1, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE | FIRST)
                    && (k + 2 == run.end || ctx.has(k + 2, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE))
            };
            // "Mr ap Gwynn", "Dr van der Berg": a lower-case particle right after an honorific
            // or title starts the surname.
            let lead_particle = ctx.is_particle(k)
                && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase())
                && k > run.start
                && ctx.has(k - 1, HONORIFIC | TITLE_ABBR | ROLE_HEAD)
                && (k + 1..run.end).find(|&q| !ctx.is_particle(q)).is_some_and(|q| toks[q].cap && is_name_tok(q));
            // "Georgia Harrison", "Jordan Henderson": a place that is also a given name, then one
            // name word, the whole run.
            let place_given = run.end == k + 2
                && k == run.start
                && toks[k].cap
                && !toks[k].possessive
                && ctx.has(k, NONPERSON)
                && ctx.has(k, FIRST)
                && !ctx.has(k, TITLE | HONORIFIC | NONPERSON_HEAD)
                && toks[k + 1].cap
                && is_name_tok(k + 1)
                && !lower_used(k + 1);
            if !lead_particle && !place_given && (!is_name_tok(k) || ctx.is_particle(k)) {
                k += 1;
                continue;
            }
            let s = k;
            let mut e = if place_given { k + 1 } else { k };
            while e < run.end {
                if is_name_tok(e) {
                    e += 1;
                    continue;
                }
                // "Prime Minister Luís Montenegro": after a title and a known given name, a
                // place word ending the run is a surname.
                if e + 1 == run.end
                    && e == s + 1
                    && s > run.start
                    && toks[e].cap
                    && ctx.has(e, NONPERSON)
                    && !ctx.has(e, NONPERSON_HEAD | TITLE | HONORIFIC)
                    && ctx.has(s, FIRST)
                    && !ctx.has(s, NONPERSON)
                    && (ctx.has(s - 1, HONORIFIC | TITLE_ABBR) || (ctx.has(s - 1, ROLE_HEAD) && toks[s - 1].cap))
                {
                    e += 1;
                    break;
                }
                // A title word after a name word, at the end of the run, is a surname ("John Major").
                if e + 1 == run.end
                    && ctx.has(e, ROLE_HEAD)
                    && !ctx.has(e, NONPERSON | NONPERSON_HEAD | HONORIFIC)
                    && e == s + 1
                    && ctx.has(s, FIRST)
                {
                    e += 1;
                }
                break;
            }
            // Trim particles and initials at the edges (initials may lead: "W. Bush" is rare, drop).
            let mut a = s;
            let mut b = e;
            // ("Chief Electoral Officer K. Srinivasan": initials after a title lead the name.)
            let titled = a > run.start && ctx.has(a - 1, HONORIFIC | TITLE_ABBR | ROLE_HEAD) && toks[a - 1].cap;
            let initials_lead = titled
                && toks[a].initial
                && (a..b).find(|&q| !toks[q].initial).is_some_and(|q| {
                    // ("Union President J. Jane Roe Jr.": a given name and surname too.)
                    let end = if is_suffix(ctx.word(b - 1)) { b - 1 } else { b };
                    (q + 1 == end || (q + 2 == end && toks[q + 1].cap)) && toks[q].cap && !ctx.is_particle(q)
                });
            // "J. David Cox": initials before a known given name and a surname; "T.J. Okoro":
            // two initials or more before one surname (not "U.S. Steel").
            let initials_given = toks[a].initial
                && (a..b).find(|&q| !toks[q].initial).is_some_and(|q| {
                    let dots = |r: std::ops::Range<usize>| r.clone().all(|x| ctx.text[..toks[x].end].ends_with('.'));
                    dots(a..q)
                        && ((ctx.has(q, FIRST) && q + 1 < b && toks[q + 1].cap)
                            || (q >= a + 2
                                && q + 1 == b
                                && toks[q].cap
                                && !ctx.has(q, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC)
                                && !lower_used(q)
                                && !ctx.lex.is_nonperson(&initials_word(ctx, a..q))))
                });
            while a < b && !lead_particle && !initials_lead && !initials_given && (ctx.is_particle(a) || toks[a].initial) {
                a += 1;
            }
            // ("al-Sudani" at the end is a surname, not a bare particle.)
            while b > a && ((ctx.is_particle(b - 1) && !ctx.word(b - 1).contains('-')) || toks[b - 1].initial) {
                b -= 1;
            }
            // "Later Jane Roe": a leading word the text also uses in lower case, before a
            // known given name, is not part of the name; nor is a place after "of" ("Archbishop
            // of Canterbury Justin Welby"). Another unknown leading word is kept ("Niels van den
            // Broek", "Amina Hassan Abdi"): many given names are not listed.
            let after_title = a > run.start && ctx.has(a - 1, TITLE | HONORIFIC);
            let after_of = a == run.start && a > 0 && ctx.word(a - 1) == "of" && is_space_gap(ctx.gap_before(a));
            // ("Perhaps Jane Roe", "Grazier Jane Roe": an adverb or a common noun naming a person
            // that starts a sentence is not a given name.)
            let lead_word = a == run.start
                && sentence_start(ctx, a)
                && toks[a].cap
                && !ctx.has(a, FIRST)
                && (ctx.has(a, ADVERB) || (ctx.has(a, PERSON_NOUN) && !ctx.has(a, NONPERSON | NONPERSON_HEAD)));
            if lead_word && b - a == 2 && ctx.has(a, ADVERB) && !toks[a + 1].initial {
                a += 1;
            }
            // ("Additional District Collector Jane Roe": a capitalised role noun before a known
            // given name ends a title, not the name.)
            let role_lead = a + 1 < b
                && toks[a].cap
                && !ctx.has(a, FIRST | NONPERSON | NONPERSON_HEAD)
                && ctx.has(a, PERSON_NOUN)
                && (ctx.has(a + 1, FIRST) || (a > run.start && toks[a - 1].cap && ctx.has(a - 1, NONPERSON | NONPERSON_HEAD | TITLE)));
            if role_lead && b - a >= 3 && !toks[a + 1].initial && !ctx.is_particle(a + 1) {
                a += 1;
            }
            if b - a >= 3
                && !ctx.has(a, FIRST)
                && ((lower_used(a) && !after_title) || after_of || lead_word)
                && let Some(k) = (a + 1..b - 1).find(|&k| ctx.has(k, FIRST) && !toks[k].initial && !ctx.is_particle(k))
            {
                a = k;
            }
            // "Helen Marchbank Political correspondent": a capitalised word ending the run before
            // a lower-case role noun qualifies that role, after a name of two words or more.
            if b == run.end
                && b - a >= 3
                && b < n
                && toks[b - 1].cap
                && !ctx.has(b - 1, FIRST)
                && is_space_gap(ctx.gap_after(b - 1))
                && ctx.word(b).chars().next().is_some_and(|c| c.is_lowercase())
                && ctx.has(b, ROLE_HEAD)
            {
                b -= 1;
            }
            if a < b {
                // ("Noura al-Kaabi": a particle glued to a name is a name word.)
                let mut words = (a..b).filter(|&x| !toks[x].initial && (!ctx.is_particle(x) || glued_particle(ctx.word(x)))).count();
                // ("T.J. Okoro": the initials stand for the given names.)
                if words == 1 && toks[a].initial {
                    words = 2;
                }
                pieces.push(Piece {
                    toks: a..b,
                    words,
                    strong: false,
                    weak: false,
                    rejected: false,
                    run_end: run.end,
                    tentative: false,
                    place_led: place_given && a == s,
                });
            }
            k = e.max(k + 1);
        }
    }

    // For each token of a run: whether the run, from that token on, reaches a place or
    // organisation word before any title or honorific (one backward pass per run, so that a
    // long run of capitalised words costs linear time, not a scan per piece).
    let mut thing_ahead = vec![false; n];
    for run in &runs {
        let mut ahead = false;
        for k in run.clone().rev() {
            if ctx.has(k, HONORIFIC | TITLE) {
                ahead = false;
            } else if ctx.has(k, NONPERSON_HEAD) && ctx.word(k).chars().next().is_some_and(|c| c.is_uppercase()) {
                ahead = true;
            }
            thing_ahead[k] = ahead;
        }
    }

    // 3. Cues.
    let mut last_by_end: Option<usize> = None;
    for p in pieces.iter_mut() {
        let s = p.toks.start;
        let e = p.toks.end; // exclusive
        let last = e - 1;
        let before = if s > 0 { Some(s - 1) } else { None };
        let gap_before = ctx.gap_before(s);
        let gap_after = ctx.gap_after(last);
        let adjacent_before = before.filter(|_| is_space_gap(gap_before) || gap_before == ". ");
        let next = if e < n { Some(e) } else { None };
        let adjacent_after = next.filter(|_| is_space_gap(gap_after) && !toks[last].possessive);

        // Rejections: "the Bush administration", "Trump Tower", "Trump 2024".
        if let Some(nx) = adjacent_after {
            if ctx.has(nx, NONPERSON_HEAD) {
                p.rejected = true;
            }
            if p.words == 1 && ctx.word(nx).chars().next().is_some_and(|c| c.is_ascii_digit()) {
                p.rejected = true;
            }
        }
        // "Chief Electoral Officer": one unknown word between two title words qualifies the title.
        if p.words == 1
            && p.toks.len() == 1
            && s > 0
            && adjacent_before.is_some_and(|b| ctx.has(b, TITLE) && toks[b].cap)
            && adjacent_after.is_some_and(|k| k < p.run_end && ctx.has(k, ROLE_HEAD) && toks[k].cap)
            && !ctx.has(s, FIRST)
        {
            p.rejected = true;
        }
        // "Goldman Sachs": a firm named after people.
        if p.words >= 2 && ctx.lex.is_nonperson_name(p.toks.clone().filter(|&k| !toks[k].initial).map(|k| ctx.word(k))) {
            p.rejected = true;
        }
        // "Martin Luther King Day": a run that ends in a place or organisation word names a
        // thing, unless a title or honorific starts a new name before it.
        if e < p.run_end && thing_ahead[e] {
            p.rejected = true;
        }
        let prev_word = adjacent_before.map(|b| ctx.word(b));
        let hon = adjacent_before.is_some_and(|b| ctx.has(b, HONORIFIC | TITLE_ABBR));
        // A title is a role noun ("Minister", "spokesman") or a short title ("Sen."); a bare
        // qualifier ("Transport Focus", "Trade Unions") is not one.
        // ("rapper Jane Roe", "biologists Jane Roe and ...": a common noun naming a person, in
        // lower case, before a name of two words or more.)
        let title = adjacent_before.is_some_and(|b| {
            (ctx.has(b, ROLE_HEAD) && !plural_head(ctx, b))
                || (ctx.has(b, TITLE_ABBR) && ctx.word(b).chars().next().is_some_and(|c| c.is_uppercase()))
                || (p.words >= 2 && singular_person_noun(ctx, b))
        });
        // "a Jane Roe header": a full name with a known given name, used attributively after
        // "a", is still a person.
        // ("by a Jane Roe, who ...": a person the reader does not know.)
        let full_given = p.words >= 2
            && ctx.has(s, FIRST)
            && !lower_used(s)
            && (adjacent_after.is_some_and(|k| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase()))
                || (gap_after.trim() == "," && next.is_some_and(|k| ctx.word(k) == "who")));
        if let Some(w) = prev_word
            && (w == "the" || w == "The" || w == "a" || w == "an")
            && !p.rejected
            && !(full_given && matches!(w, "a" | "an"))
        {
            // "the Bush administration", "a Trump supporter": a name is not led by an article.
            p.rejected = true;
        }
        // "Morgan Stanley analyst Jane Roe": a full name followed by a lower-case role noun and
        // another name is the employer of that person, an organisation.
        if !p.rejected
            && !toks[last].possessive
            && p.words >= 2
            && let Some(nx) = adjacent_after
            && ctx.word(nx).chars().next().is_some_and(|c| c.is_lowercase())
            && ctx.has(nx, ROLE_HEAD)
            && nx + 1 < n
            && is_space_gap(ctx.gap_after(nx))
            && toks[nx + 1].cap
            && !ctx.has(nx + 1, TITLE | HONORIFIC)
        {
            p.rejected = true;
        }
        if p.rejected {
            continue;
        }
        // "US secretary of state, Antony Blinken"
        // (A plural role noun, "the administrators, Grant & Co", names a group or firm.)
        // ("Chair of the Harbour Trust, Jane Roe" and other role phrases before a comma: for
        // a name of two words or more.)
        let comma_role = before.is_some_and(|b| {
            let g = gap_before.trim();
            g == ","
                && ((ctx.has(b, ROLE_HEAD) && !plural_head(ctx, b) && ctx.word(b).chars().next().is_some_and(|c| c.is_lowercase()))
                    || (p.words >= 2 && comma_role_head(ctx, b).is_some()))
        });
        // "Jane Roe, who ...", "Jane Roe, 27, ...": cues only a person takes.
        let who_or_age = !toks[last].possessive
            && gap_after.trim() == ","
            && next.is_some_and(|k| {
                let w = ctx.word(k);
                w == "who"
                    || (w.len() <= 3
                        && w.chars().all(|c| c.is_ascii_digit())
                        && w.parse::<u32>().is_ok_and(|a| (1..=115).contains(&a))
                        && ctx.gap_after(k).trim() == ",")
            });
        // "Indonesia's Retno Marsudi", "Labour's Jane Roe": a full name after the possessive
        // of a place or organisation.
        let owner_before = before
            .is_some_and(|b| toks[b].possessive && is_space_gap(gap_before) && (toks[b].acronym || (toks[b].cap && ctx.has(b, NONPERSON))));
        // Speech verbs: "Peskov said", "Peskov has said", "said Peskov".
        let mut verb_after = false;
        if !toks[last].possessive {
            let mut k = e;
            let mut hops = 0;
            while k < n && hops < 3 {
                let g = ctx.gap_before(k);
                if !(is_space_gap(g)) {
                    break;
                }
                if ctx.has(k, SPEECH_VERB) {
                    verb_after = true;
                    break;
                }
                let w = ctx.word(k);
                if !matches!(w, "has" | "had" | "have" | "also" | "later" | "then" | "was" | "is" | "would" | "will" | "told") {
                    break;
                }
                hops += 1;
                k += 1;
            }
        }
        let verb_before = before.filter(|_| is_space_gap(gap_before)).is_some_and(|b| {
            let w = ctx.word(b);
            w.chars().next().is_some_and(|c| c.is_lowercase())
                && ctx.has(b, SPEECH_VERB)
                && !matches!(w, "say" | "told" | "tells" | "asked" | "urged" | "accused" | "described" | "called")
        });
        // (A role headed only by a common noun, "a Hong Kong battery seller", also describes
        // firms: a cue only for a name of words the text never uses in lower case.)
        let appositive = appositive_start(ctx, last)
            .and_then(|k| appositive_role(ctx, k))
            .is_some_and(|r| r.clone().any(|k| ctx.has(k, ROLE_HEAD)) || p.toks.clone().all(|k| !lower_used(k)));
        // Photo credits: "(Jane Roe/AP)", "Credit, Jane Roe/Reuters".
        let credit = gap_after.starts_with('/') && (gap_before.ends_with('(') || next.is_some_and(|k| toks[k].acronym || toks[k].cap));
        // "reporting by Jane Roe", "Photo by Jane Roe".
        let by_before = p.words >= 2
            && before.is_some_and(|b| {
                (matches!(ctx.word(b), "by" | "By") && is_space_gap(gap_before))
                    // "by Jane Roe and John Doe"
                    || (matches!(ctx.word(b), "and") && b > 0 && last_by_end == Some(b - 1))
            })
            && p.toks.clone().all(|k| !lower_used(k));
        if by_before {
            last_by_end = Some(last);
        }
        let line_alone = {
            let li = line_starts.partition_point(|&x| x <= toks[s].start) - 1;
            let ls = line_starts[li];
            let le = line_starts.get(li + 1).map_or(ctx.text.len(), |&x| x - 1).max(toks[last].raw_end);
            let head = ctx.text[ls..toks[s].start].trim();
            let tail = ctx.text[toks[last].raw_end..le].trim();
            (head.is_empty() || head == "By" || head == "by") && tail.is_empty()
        };
        let byline = line_alone && (2..=3).contains(&p.words) && p.toks.clone().all(|k| !lower_used(k));
        let first_name = p.words >= 2 && ctx.has(s, FIRST) && !p.place_led;
        // "Jane Roe's": a possessive two- or three-word name of words the text never uses in lower case.
        let possessive_name =
            (2..=3).contains(&p.words) && toks[last].possessive && !sentence_start(ctx, s) && p.toks.clone().all(|k| !lower_used(k));
        let glued = p.words == 1 && glued_split(ctx.word(s)).is_some();

        if p.words >= 2 {
            if p.words > 4 {
                continue;
            }
            let plain_words = p.toks.clone().all(|k| !lower_used(k));
            if first_name
                || hon
                || title
                || comma_role
                || verb_after
                || verb_before
                || appositive
                || credit
                || byline
                || possessive_name
                || by_before
                || (plain_words && (who_or_age || owner_before) && p.words <= 3)
            {
                p.strong = true;
            } else {
                p.weak = true;
            }
        } else {
            let w = ctx.word(s);
            let ordinary = lower_used(s) || ctx.has(s, FIRST) && !hon && !title;
            // "Scholz-Putin": two names joined, handled part by part below.
            let joined = w.contains('-') && w.split('-').all(|p| p.chars().next().is_some_and(|c| c.is_uppercase()));
            if joined {
                p.weak = true;
                continue;
            }
            if hon || title || comma_role || credit || (glued && (verb_after || verb_before || appositive)) {
                p.strong = true;
            } else if (verb_after || verb_before || appositive) && !ordinary {
                // "Okafor said" alone may be a company ("Telstra said"): kept tentative, a
                // person only if the article or the workspace names someone with that surname.
                p.weak = true;
                p.tentative = true;
            } else {
                p.weak = true;
            }
        }
    }

    // "By JANE ROE": a byline in capitals, a known given name then one or two words; also a
    // line of such names alone ("JANE ROE AND JOHN DOE", "JANE ROE, JOHN DOE AND ANN LEE").
    for &ls in &line_starts {
        let k = toks.partition_point(|t| t.start < ls);
        if k + 1 >= n || !ctx.text[ls..toks[k].start].trim().is_empty() {
            continue;
        }
        let by = matches!(ctx.word(k), "By" | "BY" | "by");
        let capital = |q: usize| {
            q < n && toks[q].acronym && !toks[q].possessive && ctx.word(q).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        let mut s = if by { k + 1 } else { k };
        let mut names: Vec<std::ops::Range<usize>> = Vec::new();
        for _ in 0..3 {
            let mut e = s;
            while e < n && e < s + 3 && capital(e) && ctx.word(e) != "AND" && (e == s || is_space_gap(ctx.gap_before(e))) {
                e += 1;
            }
            // ("By JANE ROE" then "Staff Reporter": an unknown given name, under a role line.)
            let role_under = by && names.is_empty() && e - s >= 2 && byline_role_line(ctx, s, e - 1).is_some();
            if !(e - s >= 2
                && (ctx.has(s, FIRST) || role_under)
                && !(s..e).any(|q| ctx.has(q, TITLE | HONORIFIC | NONPERSON | NONPERSON_HEAD)))
            {
                break;
            }
            names.push(s..e);
            if e + 1 < n && matches!(ctx.word(e), "and" | "AND") && is_space_gap(ctx.gap_before(e)) && is_space_gap(ctx.gap_after(e)) {
                s = e + 1;
            } else if e < n && ctx.gap_before(e).trim() == "," && !ctx.gap_before(e).contains('\n') {
                s = e;
            } else {
                break;
            }
        }
        // (Without "By", the names are the whole line.)
        let whole_line = names.last().is_some_and(|r| {
            let rest = &ctx.text[toks[r.end - 1].raw_end..];
            rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') || rest.trim().is_empty()
        });
        if !by && !whole_line {
            continue;
        }
        for r in names {
            pieces.push(Piece::strong_name(r.clone()));
        }
    }

    // "Harbour Press writers Jane Roe and John Doe in Oslo contributed to this report": the
    // names of a contributor line.
    for &ls in &line_starts {
        let k = toks.partition_point(|t| t.start < ls);
        if let Some((noun, stop)) = contributor_line(ctx, k) {
            for r in contributor_names(ctx, noun + 1, stop) {
                pieces.push(Piece::strong_name(r.clone()));
            }
        }
    }

    // 4. Propagation: bare surnames (and full names) of people already found.
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    let mut givens: FxHashMap<String, usize> = FxHashMap::default();
    for p in pieces.iter().filter(|p| p.strong) {
        let (g, s) = split_name(ctx, p.toks.clone());
        // "Burhan" after "Abdel Fattah al-Burhan".
        if glued_particle(&s)
            && let Some((_, bare)) = s.split_once('-')
        {
            surnames.insert(bare.to_lowercase());
        }
        surnames.insert(s.to_lowercase());
        if let Some(g) = g {
            *givens.entry(g.to_lowercase()).or_default() += 1;
        }
    }
    // A two- or three-word candidate whose last word also stands alone elsewhere in the text
    // ("Jane Roe ... Roe") names a person, when that word is not an ordinary one.
    let lone: FxHashSet<&str> = pieces
        .iter()
        .filter(|p| !p.rejected && p.words == 1 && p.toks.len() == 1)
        .map(|p| p.toks.start)
        .filter(|&k| !lower_used(k) && !ctx.has(k, FIRST))
        .map(|k| ctx.word(k))
        .collect();
    for p in pieces.iter_mut().filter(|p| p.weak && !p.rejected && (2..=3).contains(&p.words)) {
        // (The family name comes first in "Kang Min-seo".)
        let w = if p.toks.len() == 2 && korean_given(ctx, p.toks.end - 1) { ctx.word(p.toks.start) } else { ctx.word(p.toks.end - 1) };
        if lone.contains(w) && p.toks.clone().all(|k| !lower_used(k)) {
            p.weak = false;
            p.strong = true;
            surnames.insert(w.to_lowercase());
        }
    }
    // "Ortega Salazar" after "Luis Ortega Salazar": the last words of a longer full name.
    let mut long_tails: FxHashSet<String> = FxHashSet::default();
    for p in pieces.iter().filter(|p| p.strong && p.words >= 3) {
        let ws: Vec<String> = p.toks.clone().filter(|&k| !toks[k].initial).map(|k| ctx.word(k).to_lowercase()).collect();
        for k in 1..ws.len().saturating_sub(1) {
            long_tails.insert(ws[k..].join(" "));
        }
    }
    // "Jane Roe, widely known as Janey": a single capitalised word after "known as" (or
    // "nicknamed") right after a name is another name of that person; it then stands for
    // them alone too.
    let mut alias_of: FxHashMap<usize, usize> = FxHashMap::default(); // alias piece -> name piece
    for (i, p) in pieces.iter().enumerate() {
        if p.rejected || p.words != 1 || p.toks.len() != 1 || i == 0 {
            continue;
        }
        let k = p.toks.start;
        if lower_used(k) || ctx.has(k, FIRST | TITLE | HONORIFIC) || k < 3 {
            continue;
        }
        let lead = if ctx.word(k - 1) == "nicknamed" {
            k - 1
        } else if ctx.word(k - 1) == "as" && ctx.word(k - 2) == "known" {
            if matches!(ctx.word(k - 3), "widely" | "also" | "better" | "popularly" | "commonly" | "locally") { k - 3 } else { k - 2 }
        } else {
            continue;
        };
        if !(lead..k).all(|q| is_space_gap(ctx.gap_after(q))) || lead == 0 || ctx.gap_before(lead).trim() != "," {
            continue;
        }
        let q = &pieces[i - 1];
        let named = q.strong
            || (q.weak && {
                let (_, s) = split_name(ctx, q.toks.clone());
                with_lower(&s, |l| surnames.contains(l))
            });
        if q.toks.end == lead && !q.rejected && named && !toks[q.toks.end - 1].possessive {
            alias_of.insert(i, i - 1);
            surnames.insert(ctx.word(k).to_lowercase());
        }
    }
    let tentative_words: FxHashSet<&str> = pieces.iter().filter(|p| p.tentative && !p.rejected).map(|p| ctx.word(p.toks.start)).collect();
    let debug = std::env::var_os("BYLINE_PEOPLE_DEBUG").is_some();
    let mut out = Vec::new();
    for (pi, p) in pieces.iter().enumerate() {
        if alias_of.contains_key(&pi) {
            out.push(Found { toks: p.toks.clone(), given_only: false, part: None, tentative: false, alias: true });
            continue;
        }
        if debug && p.weak && !p.rejected {
            eprintln!("weak: {:?} words={}", &ctx.text[toks[p.toks.start].start..toks[p.toks.end - 1].end], p.words);
        }
        if p.rejected {
            continue;
        }
        if p.strong {
            out.push(Found { toks: p.toks.clone(), given_only: false, part: None, tentative: false, alias: false });
            continue;
        }
        if !p.weak {
            continue;
        }
        let (_, s) = split_name(ctx, p.toks.clone());
        let is_surname = |w: &str| with_lower(w, |l| surnames.contains(l));
        let first_is_surname = p.words >= 2 && is_surname(ctx.word(p.toks.start));
        if is_surname(&s) && !first_is_surname {
            let piece_words =
                || p.toks.clone().filter(|&k| !toks[k].initial).map(|k| ctx.word(k).to_lowercase()).collect::<Vec<_>>().join(" ");
            if p.words == 1
                || ctx.has(p.toks.start, FIRST)
                || with_lower(ctx.word(p.toks.start), |l| givens.contains_key(l))
                || (!long_tails.is_empty() && long_tails.contains(&piece_words()))
            {
                out.push(Found { toks: p.toks.clone(), given_only: false, part: None, tentative: false, alias: false });
            } else {
                // "Canterbury Welby": only the surname words are the name.
                let sl = s.split_whitespace().count();
                let start = p.toks.end.saturating_sub(sl).max(p.toks.start);
                out.push(Found { toks: start..p.toks.end, given_only: false, part: None, tentative: false, alias: false });
            }
        } else if p.words >= 2 {
            // "Putin Biden summit", "Putin Warns West": known surnames inside a run of
            // capitalised words (headlines) are mentions on their own.
            for k in p.toks.clone() {
                if is_surname(ctx.word(k)) {
                    out.push(Found { toks: k..k + 1, given_only: false, part: None, tentative: false, alias: false });
                }
            }
        } else if p.words == 1 && with_lower(ctx.word(p.toks.start), |l| givens.get(l) == Some(&1)) {
            // ("Geng said" after "Geng Shuang": the first word of one full name, a family name
            // written first or a given name, before a lone surname cued by a verb.)
            out.push(Found { toks: p.toks.clone(), given_only: true, part: None, tentative: false, alias: false });
        } else if p.words == 1 && p.toks.len() == 1 && tentative_words.contains(ctx.word(p.toks.start)) {
            out.push(Found { toks: p.toks.clone(), given_only: false, part: None, tentative: true, alias: false });
        }
    }
    // Known surnames joined by a hyphen: "the Scholz-Putin call".
    for (k, t) in toks.iter().enumerate() {
        if !t.cap {
            continue;
        }
        let w = ctx.word(k);
        if !w.contains('-') {
            continue;
        }
        let mut at = t.start;
        let parts: Vec<(usize, &str)> = w
            .split('-')
            .map(|p| {
                let r = (at, p);
                at += p.len() + 1;
                r
            })
            .collect();
        if parts.len() < 2 || !parts.iter().all(|(_, p)| p.chars().next().is_some_and(|c| c.is_uppercase())) {
            continue;
        }
        for (s, p) in parts {
            if with_lower(p, |l| surnames.contains(l)) {
                out.push(Found { toks: k..k + 1, given_only: false, part: Some((s, s + p.len())), tentative: false, alias: false });
            }
        }
    }
    out.sort_by_key(|f| f.part.map_or(toks[f.toks.start].start, |p| p.0));
    out
}

/// A lower-case particle glued by a hyphen to a capitalised name ("al-Burhan", "el-Sisi").
fn glued_particle(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        a.chars().all(|c| c.is_lowercase()) && b.chars().next().is_some_and(|c| c.is_uppercase()) && b.chars().count() >= 2
    })
}

/// A name glued to a surname by a missing space ("JaneDoe"): the two halves.
pub fn glued_split(w: &str) -> Option<(&str, &str)> {
    let mut idx = None;
    let cs: Vec<(usize, char)> = w.char_indices().collect();
    if cs.len() < 6 || !cs[0].1.is_uppercase() {
        return None;
    }
    for (k, &(_, c)) in cs.iter().enumerate().skip(1) {
        if c.is_uppercase() {
            if idx.is_some() {
                return None;
            }
            idx = Some(k);
        } else if !c.is_lowercase() {
            return None;
        }
    }
    let k = idx?;
    let (a, b) = w.split_at(cs[k].0);
    // "McGrath", "MacGill", "DeLuca", "LaGuardia", "O'Brien": prefixes, not glued names.
    if a.chars().count() < 3 || b.chars().count() < 3 {
        return None;
    }
    if matches!(a, "Mac" | "Fitz" | "Van" | "Von" | "Del" | "Della" | "Des" | "Ter" | "Den") {
        return None;
    }
    Some((a, b))
}

/// The given name (if any) and the surname of a name token range.
pub fn split_name(ctx: &Ctx, r: std::ops::Range<usize>) -> (Option<String>, String) {
    let mut r = r;
    // ("Samuel Hart Jr.": the suffix is not the surname.)
    while r.end > r.start + 1 && is_suffix(ctx.word(r.end - 1)) {
        r.end -= 1;
    }
    let words: Vec<usize> = r.clone().filter(|&k| !ctx.toks[k].initial).collect();
    if words.is_empty() {
        return (None, ctx.word(r.start).to_string());
    }
    if words.len() == 1 {
        let w = ctx.word(words[0]);
        if let Some((g, s)) = glued_split(w) {
            return (Some(g.to_string()), s.to_string());
        }
        // "K. Srinivasan": leading initials stand for the given name.
        if words[0] > r.start && ctx.toks[r.start].initial {
            let g = &ctx.text[ctx.toks[r.start].start..ctx.toks[words[0] - 1].end];
            return (Some(g.to_string()), w.to_string());
        }
        return (None, w.to_string());
    }
    // Surname: from the first particle after the first word, else the last word.
    let first = words[0];
    // "Cho Tae-yul": family name first.
    if words.len() == 2 && korean_given(ctx, words[1]) {
        return (Some(ctx.word(words[1]).to_string()), ctx.word(words[0]).to_string());
    }
    let mut sstart = *words.last().unwrap();
    for &k in &words[1..] {
        if ctx.is_particle(k) {
            sstart = k;
            break;
        }
    }
    // A capitalised particle at the start ("Von der Leyen") makes the whole piece a surname.
    // So does a lower-case particle after an honorific ("Mr ap Gwynn").
    if ctx.has(first, PARTICLE_CI) || (ctx.is_particle(first) && ctx.word(first).chars().next().is_some_and(|c| c.is_lowercase())) {
        let s = &ctx.text[ctx.toks[first].start..ctx.toks[r.end - 1].end];
        return (None, s.to_string());
    }
    let s = &ctx.text[ctx.toks[sstart].start..ctx.toks[r.end - 1].end];
    (Some(ctx.word(first).to_string()), s.to_string())
}

/// Whether a cue that only people take follows token `last`: a speech verb ("said"), or an
/// appositive headed by a role noun or a common noun naming a person.
fn person_cue_after(ctx: &Ctx, last: usize) -> bool {
    if ctx.toks[last].possessive {
        return false;
    }
    let n = ctx.toks.len();
    if last + 1 < n && is_space_gap(ctx.gap_after(last)) && ctx.has(last + 1, SPEECH_VERB) {
        return ctx.word(last + 1).chars().next().is_some_and(|c| c.is_lowercase());
    }
    appositive_start(ctx, last).and_then(|k| appositive_role(ctx, k)).is_some()
}

/// Where an appositive may start after a name ending at token `last`: after its comma, or
/// after a short bracket and a comma ("Jane Roe (D-Ohio), the chairman ...").
pub fn appositive_start(ctx: &Ctx, last: usize) -> Option<usize> {
    if ctx.toks[last].possessive {
        return None;
    }
    let g = ctx.gap_after(last);
    if g.trim() == "," {
        return Some(last + 1);
    }
    if g.trim() != "(" {
        return None;
    }
    let n = ctx.toks.len();
    let mut q = last + 1;
    while q < n && q < last + 12 {
        let g = ctx.gap_after(q);
        if g.contains(['(', '\n']) {
            return None;
        }
        if g.contains(')') {
            return (g.trim() == ")," && q + 1 < n).then_some(q + 1);
        }
        q += 1;
    }
    None
}

/// After a name ending at token `last`, the start of a role it was given: "Jane Roe was
/// (later) named / appointed / elected ROLE".
pub fn named_role_start(ctx: &Ctx, last: usize) -> Option<usize> {
    let n = ctx.toks.len();
    let mut q = last + 1;
    if q >= n
        || ctx.toks[last].possessive
        || !is_space_gap(ctx.gap_after(last))
        || !matches!(ctx.word(q), "was" | "is" | "has been" | "had been")
    {
        return None;
    }
    q += 1;
    if q < n && ctx.has(q, ADVERB) {
        q += 1;
    }
    if q + 1 >= n
        || !matches!(ctx.word(q), "named" | "appointed" | "elected")
        || !(q + 1..q + 3).all(|x| x < n && is_space_gap(ctx.gap_before(x)))
    {
        return None;
    }
    q += 1;
    if ctx.word(q) == "as" {
        q += 1;
    }
    // A role in lower case ("imperial high commissioner of ..."), not "named in the suit".
    let w = ctx.word(q);
    (w.chars().next().is_some_and(|c| c.is_lowercase())
        && !ctx.has(q, STOP)
        && !matches!(w, "in" | "by" | "after" | "for" | "on" | "to" | "at" | "with"))
    .then_some(q)
}

/// The role phrase of an appositive starting at token `k` (after "Name,"): "Putin's spokesman".
pub fn appositive_role(ctx: &Ctx, k: usize) -> Option<std::ops::Range<usize>> {
    let n = ctx.toks.len();
    let mut k = k;
    // "Jane Roe, 58, the founder of ...": skip the age.
    if k + 1 < n && ctx.word(k).chars().all(|c| c.is_ascii_digit()) && ctx.gap_after(k).trim() == "," {
        k += 1;
    }
    // "Jane Roe, who is the city's mayor, ...": skip "who is / who was".
    if k + 2 < n && ctx.word(k) == "who" && matches!(ctx.word(k + 1), "is" | "was" | "has been" | "had been" | "became") {
        k += 2;
        // ("who is also the ...")
        if k + 1 < n && ctx.word(k) == "also" {
            k += 1;
        }
        // "who was appointed by President X": a clause, not a role.
        let w = ctx.word(k);
        if w.chars().next().is_some_and(|c| c.is_lowercase())
            && !ctx.has(k, ROLE_HEAD | ROLE_MOD)
            && !matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "also" | "now" | "once" | "then")
        {
            return None;
        }
    }
    // "Jane Roe, who appears to be the mayor's sister, ...".
    if k + 4 < n
        && ctx.word(k) == "who"
        && matches!(ctx.word(k + 1), "appears" | "seems" | "appeared" | "seemed")
        && ctx.word(k + 2) == "to"
        && ctx.word(k + 3) == "be"
    {
        k += 4;
    }
    if k >= n {
        return None;
    }
    let first = ctx.word(k);
    if matches!(
        first,
        "who"
            | "which"
            | "and"
            | "but"
            | "said"
            | "says"
            | "told"
            | "added"
            | "he"
            | "she"
            | "it"
            | "they"
            | "known"
            | "nicknamed"
            | "dubbed"
    ) {
        return None;
    }
    // "Jane Roe, explaining why ...": a clause, not a role.
    if first.ends_with("ing") && !ctx.has(k, ROLE_HEAD | PERSON_NOUN | ROLE_MOD) {
        return None;
    }
    let mut end = k;
    let mut has_head = false;
    let mut j = k;
    // (Up to 10 words before its head, 24 in all: "president of the Harbour Workers Union
    // chapter at the port authority building in Gdansk".)
    let mut prep = false;
    let mut named = false;
    while j < n && j < k + if has_head { 24 } else { 10 } {
        let w = ctx.word(j);
        // (A common noun naming one person heads the phrase only before any preposition:
        // "a specialist in ...", not "each capable of seating 180 passengers".)
        // (A plural role noun far into the phrase is not its head: "... why officials in ...".)
        if (ctx.has(j, ROLE_HEAD) && (j < k + 3 || !plural_head(ctx, j))) || (!prep && singular_person_noun(ctx, j)) {
            has_head = true;
        }
        if matches!(w, "of" | "for" | "at" | "in" | "with" | "from" | "on" | "to" | "by") {
            prep = true;
        }
        // "Jane Roe (D-Ohio), entrepreneur John Doe and ...": a list of people, not a role.
        if ctx.toks[j].cap && ctx.has(j, FIRST) && j + 1 < n && ctx.toks[j + 1].cap && !ctx.has(j, TITLE | NONPERSON) {
            named = true;
        }
        if named && w == "and" {
            return None;
        }
        // "Jane Roe, the state representative who wrote the bill, ...": the role ends at a
        // relative pronoun after its head.
        if has_head && j > k + 1 && matches!(w, "who" | "whose" | "which" | "that") {
            break;
        }
        if ctx.has(j, SPEECH_VERB) && w.chars().next().is_some_and(|c| c.is_lowercase()) {
            return None;
        }
        end = j + 1;
        let g = ctx.gap_after(j);
        // "attorney for the Harbour Workers Union (HWU)": a short name in brackets.
        if has_head && matches!(g, " (" | ") ") && j + 1 < n {
            j += 1;
            continue;
        }
        if !(is_space_gap(g) || g.is_empty()) {
            // "astronomer at the Harbour Institute in Varnhem, Norway": a place after "in" goes
            // on to its country or state.
            if g == ", "
                && prep
                && let Some(m) = place_after_comma(ctx, j)
            {
                end = m;
                break;
            }
            if g.trim_start().starts_with(',') || g.trim_start().starts_with('.') || g.trim_start().starts_with(';')
                || g.trim_start().starts_with(')') || g.trim_start().starts_with('–') || g.trim_start().starts_with('-')
                // "By Jane Roe, Health Editor" ends its line.
                || g.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
            {
                break;
            }
            return None;
        }
        j += 1;
    }
    if j >= k + if has_head { 24 } else { 10 } {
        return None;
    }
    if has_head || (first == "from" && end > k + 1 && ctx.toks[k + 1..end].iter().any(|t| t.cap)) { Some(k..end) } else { None }
}

/// After a place ending at token `j` ("in Varnhem,"), the end of the country or state that
/// follows its comma ("Norway", "South Dakota"), when it ends the phrase.
fn place_after_comma(ctx: &Ctx, j: usize) -> Option<usize> {
    let n = ctx.toks.len();
    // The place follows "in" and is capitalised up to the comma.
    let mut q = j;
    while q > 0 && q + 3 > j && ctx.toks[q].cap && ctx.word(q - 1) != "in" && is_space_gap(ctx.gap_before(q)) {
        q -= 1;
    }
    if q == 0 || ctx.word(q - 1) != "in" || !ctx.toks[q].cap {
        return None;
    }
    let mut e = j + 1;
    while e < n && e < j + 3 && ctx.toks[e].cap && !ctx.toks[e].possessive && (e == j + 1 || is_space_gap(ctx.gap_before(e))) {
        e += 1;
    }
    let ok =
        e > j + 1 && (j + 1..e).any(|x| ctx.has(x, NONPERSON)) && !ctx.has(j + 1, FIRST) && (e == n || !is_space_gap(ctx.gap_after(e - 1)));
    ok.then_some(e)
}

/// A contributor line starting at token `k` ("Harbour Press writers ... contributed to this
/// report"): the token of its plural role noun and of "contributed".
pub fn contributor_line(ctx: &Ctx, k: usize) -> Option<(usize, usize)> {
    let n = ctx.toks.len();
    if k >= n
        || !ctx.toks[k].cap
        || !ctx.text[..ctx.toks[k].start].trim_end_matches([' ', '\t', '\r']).ends_with('\n') && ctx.toks[k].start != 0
    {
        return None;
    }
    // Up to four capitalised words, then the plural role noun.
    let mut j = k;
    while j < n && j < k + 4 && (ctx.toks[j].cap || ctx.toks[j].acronym) && is_space_gap(ctx.gap_after(j)) {
        j += 1;
    }
    if j == k || j >= n || !matches!(ctx.word(j), "writers" | "reporters" | "correspondents" | "journalists") {
        return None;
    }
    // "contributed" within a short line.
    let mut q = j + 1;
    while q < n && q < j + 40 && !ctx.gap_before(q).contains('\n') {
        if ctx.word(q) == "contributed" {
            return Some((j, q));
        }
        q += 1;
    }
    None
}

/// The names in a contributor line between tokens `a` and `stop`: capitalised runs of two or
/// three words, separated by commas and "and"; after "in PLACE" only "and" starts a name.
pub fn contributor_names(ctx: &Ctx, a: usize, stop: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut expect = true;
    let mut placed = false;
    let mut q = a;
    while q < stop {
        if ctx.gap_before(q).contains(',') && !placed {
            expect = true;
        }
        let w = ctx.word(q);
        if w == "and" {
            expect = true;
            placed = false;
            q += 1;
            continue;
        }
        if w == "in" {
            expect = false;
            placed = true;
            q += 1;
            continue;
        }
        if expect && ctx.toks[q].cap {
            let mut e = q + 1;
            while e < stop && e < q + 3 && ctx.toks[e].cap && is_space_gap(ctx.gap_before(e)) {
                e += 1;
            }
            if e - q >= 2 && !(q..e).any(|x| ctx.has(x, TITLE | HONORIFIC | NONPERSON_HEAD)) {
                out.push(q..e);
            }
            expect = false;
            q = e;
            continue;
        }
        q += 1;
    }
    out
}

/// The role of a contributor line ("Harbour Press writer") for a name starting at token `s`.
pub fn contributor_role(ctx: &Ctx, s: usize) -> Option<String> {
    // The line start, a bounded scan back.
    let mut k = s;
    while k > 0 && s - k < 40 && !ctx.gap_before(k).contains('\n') {
        k -= 1;
    }
    let (noun, stop) = contributor_line(ctx, k)?;
    if !(noun < s && s < stop && contributor_names(ctx, noun + 1, stop).iter().any(|r| r.start == s)) {
        return None;
    }
    let role = &ctx.text[ctx.toks[k].start..ctx.toks[noun].end];
    Some(role.strip_suffix('s').unwrap_or(role).to_string())
}

/// The role words before a name starting at token `s`: "Kremlin spokesman" in "Kremlin
/// spokesman Dmitry Peskov", "Dr" in "Dr Peter Hollingworth".
pub fn role_before(ctx: &Ctx, s: usize) -> Option<(usize, usize)> {
    if s == 0 {
        return None;
    }
    let g = ctx.gap_before(s);
    let mut j = s - 1;
    let mut comma = false;
    if g.trim() == "," {
        // "US secretary of state, Antony Blinken", "The Attorney-General, Jane Roe, said",
        // "The head of the Reserve Bank, Jane Roe, said".
        j = comma_role_head(ctx, j)?;
        comma = true;
    } else if !(is_space_gap(g) || g == ". ") {
        return None;
    }
    if ctx.toks[j].possessive && !comma {
        // "Westpac's David Lording", "Energy Australia's Peter Leete": the possessor is the role.
        if !(ctx.toks[j].cap || ctx.toks[j].acronym) || ctx.has(j, FIRST) {
            return None;
        }
        let mut first = j;
        while first > 0 && first + 4 > j {
            let k = first - 1;
            if !is_space_gap(ctx.gap_before(first)) || sentence_start(ctx, first) {
                break;
            }
            let t = &ctx.toks[k];
            if !(t.cap || t.acronym) || ctx.has(k, STOP) || t.possessive {
                break;
            }
            first = k;
        }
        return Some((first, j));
    }
    // (An honorific is capitalised: "Sister Mary", not "his sister, Mary".)
    if ctx.has(j, HONORIFIC) && !ctx.has(j, ROLE_HEAD) && !lower_role_noun(ctx, j) {
        // "lead author Dr. Jane Roe", "Qatar's Prime Minister Sheikh Ali": the title before
        // the honorific is the role.
        if j > 0
            && is_space_gap(ctx.gap_before(j))
            && !sentence_start(ctx, j)
            && ctx.has(j - 1, TITLE)
            && !ctx.has(j - 1, HONORIFIC)
            && let Some(r) = role_before(ctx, j)
        {
            return Some(r);
        }
        if ctx.has(j, PLAIN_HON) {
            return None;
        }
        return Some((j, j));
    }
    // "fellow Canadian Jane Roe": a nationality after a role noun qualifies it.
    let national =
        !comma && ctx.toks[j].cap && ctx.has(j, NONPERSON) && j > 0 && is_space_gap(ctx.gap_before(j)) && lower_role_noun(ctx, j - 1);
    // A role noun in lower case ("rapper", "property developer"), or one that starts a
    // sentence ("Grazier Jane Roe").
    // A capitalised role noun ending a longer title ("Additional District Collector Jane Roe").
    let cap_noun = !comma
        && ctx.toks[j].cap
        && j > 0
        && is_space_gap(ctx.gap_before(j))
        && !sentence_start(ctx, j)
        && (ctx.toks[j - 1].cap || ctx.toks[j - 1].acronym)
        && !ctx.has(j - 1, STOP);
    let noun = ctx.has(j, PERSON_NOUN)
        && !ctx.has(j, NONPERSON | NONPERSON_HEAD)
        && (lower_role_noun(ctx, j) || sentence_start(ctx, j) || cap_noun);
    // "Attorney for Massachusetts Jane Roe", "Minister of Finance Jane Roe": a title, then
    // "for" or "of" and a capitalised place or office.
    let placed = !comma
        && !noun
        && ctx.toks[j].cap
        && j >= 2
        && is_space_gap(ctx.gap_before(j))
        && is_space_gap(ctx.gap_before(j - 1))
        && matches!(ctx.word(j - 1), "for" | "of")
        && ctx.has(j - 2, TITLE)
        && ctx.toks[j - 2].cap
        && !ctx.has(j, FIRST | HONORIFIC);
    if !(comma || ctx.has(j, TITLE) || noun || national || placed) {
        return None;
    }
    let for_at = if placed { j - 1 } else { usize::MAX };
    let last = if comma { s - 1 } else { j };
    let mut first = j;
    let mut count = 1;
    // Before a comma the role may be a longer phrase ("Christie's rival for the nomination for
    // governor, Jane Roe"): it crosses "the", "of", "for", ... and ends after a possessive.
    let phrase = |k: usize| (comma && matches!(ctx.word(k), "the" | "of" | "for" | "at" | "in" | "on")) || k == for_at;
    // (After a possessive, only its owner's capitalised name: "American Theatre Wing's".)
    let mut owner = false;
    while j > 0 && count < if comma { 12 } else { 8 } {
        if comma && ctx.toks[j].possessive && j < last {
            owner = true;
        }
        if owner && !(ctx.toks[j - 1].cap || ctx.toks[j - 1].acronym) {
            break;
        }
        let g = ctx.gap_before(j);
        // ("JD(U) spokesman": a short name with a bracketed letter or two.)
        if !comma && g == ") " && j >= 2 && ctx.gap_before(j - 1) == "(" && ctx.word(j - 1).len() <= 2 && ctx.toks[j - 2].acronym {
            first = j - 2;
            count += 2;
            j -= 2;
            continue;
        }
        // ("U.S. Rep.": initials with their full stops.)
        if !(is_space_gap(g) || (g.is_empty() && ctx.toks[j - 1].initial && ctx.text[..ctx.toks[j - 1].end].ends_with('.'))) {
            break;
        }
        let k = j - 1;
        if ctx.has(k, STOP | SPEECH_VERB | VERB_STOP) && !phrase(k) {
            break;
        }
        if ctx.has(k, HONORIFIC) && ctx.has(k, PLAIN_HON) {
            break;
        }
        // "the compound of Palestinian leader ...": "of" continues a role only after a role
        // noun or a capitalised word ("Secretary of State", "chief executive of").
        if ctx.word(k) == "of" && k != for_at && (k == 0 || !(ctx.has(k - 1, ROLE_HEAD) || ctx.toks[k - 1].cap)) {
            break;
        }
        if sentence_start(ctx, j) {
            break;
        }
        first = k;
        count += 1;
        j = k;
        if sentence_start(ctx, k) {
            break;
        }
    }
    // Do not start a role with "of" or a lower-case word that is neither role nor qualifier
    // followed by nothing useful.
    while first < last && matches!(ctx.word(first), "of" | "and" | "the" | "for" | "at" | "in" | "on") {
        first += 1;
    }
    Some((first, last))
}

/// A common noun naming a person, written in lower case ("rapper", "chief auditor").
fn lower_role_noun(ctx: &Ctx, k: usize) -> bool {
    ctx.has(k, PERSON_NOUN | ROLE_HEAD) && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase())
}

/// The letters of a run of initials ("US" for "U.S.").
fn initials_word(ctx: &Ctx, r: std::ops::Range<usize>) -> String {
    r.map(|k| ctx.word(k).trim_end_matches('.')).collect()
}

/// Name suffixes that follow a surname ("Jr.", "III"): not the surname.
pub fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV")
}

/// A common noun naming one person, in lower case ("specialist", not "passengers").
fn singular_person_noun(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.has(k, PERSON_NOUN)
        && w.chars().next().is_some_and(|c| c.is_lowercase())
        && (!w.ends_with('s') || ctx.lex.is_person_noun_exact(w))
        && !w.ends_with("men")
}

/// Before a comma that precedes a name (token `j` ends the phrase before the comma): the
/// role noun that heads a role there. "secretary of state," and "the Attorney-General," end
/// in a role noun; "The head of the Reserve Bank," has one before "of", "for" or "at" and a
/// capitalised organisation. A capitalised role needs "the", a possessive or a sentence start
/// before it (not "Ministers, Jane Roe and ..." in a list).
fn comma_role_head(ctx: &Ctx, j: usize) -> Option<usize> {
    let lower = |k: usize| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase());
    let role_word = |k: usize| (ctx.has(k, ROLE_HEAD) && !plural_head(ctx, k)) || (singular_person_noun(ctx, k) && !ctx.has(k, NONPERSON));
    let led = |k: usize| {
        sentence_start(ctx, k)
            || (k > 0 && is_space_gap(ctx.gap_before(k)) && (matches!(ctx.word(k - 1), "the" | "The") || ctx.toks[k - 1].possessive))
    };
    if role_word(j) {
        // ("the Chief Secretary, Jane Roe": capitalised qualifiers between "the" and the head.)
        let mut h = j;
        while h > 0 && j - h < 3 && ctx.toks[h - 1].cap && ctx.has(h - 1, ROLE_MOD) && is_space_gap(ctx.gap_before(h)) {
            h -= 1;
        }
        return (lower(j) || led(j) || (h < j && led(h))).then_some(j);
    }
    // "head of the Reserve Bank": back over a capitalised name to "of".
    let mut k = j;
    let mut steps = 0;
    while k > 0 && steps < 8 && is_space_gap(ctx.gap_before(k)) {
        let w = ctx.word(k);
        if !(ctx.toks[k].cap || ctx.toks[k].acronym || matches!(w, "the" | "of" | "and" | "for")) || ctx.toks[k].possessive {
            return None;
        }
        let p = k - 1;
        if matches!(ctx.word(p), "of" | "for" | "at")
            && (ctx.toks[k].cap || ctx.toks[k].acronym || w == "the")
            && p > 0
            && is_space_gap(ctx.gap_before(p))
            && role_word(p - 1)
            && !ctx.toks[p - 1].possessive
            && led(p - 1)
        {
            return Some(p - 1);
        }
        k = p;
        steps += 1;
    }
    None
}

/// Whether token `k` is a role noun in the plural ("councillors", "members"), as the last
/// word of a title over several names ("city councillors Jane Roe and John Doe").
pub fn plural_role(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    plural_head(ctx, k) || (ctx.has(k, PERSON_NOUN) && w.len() > 4 && w.ends_with('s') && !ctx.lex.is_person_noun_exact(w))
}

/// A role noun in the plural ("administrators", "analysts"): a group, not one person.
fn plural_head(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    w.len() > 4
        && w.ends_with('s')
        && ctx.has(k, ROLE_HEAD)
        && with_lower(w, |l| ctx.lex.is_role_head(&l[..l.len() - 1]) && !ctx.lex.is_role_head_exact(l))
}

/// A Korean given name of two hyphenated syllables after a short family name ("Cho Tae-yul",
/// "Moon Jae-in"): token `k` is the given name, token `k - 1` the family name.
pub fn korean_given(ctx: &Ctx, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let w = ctx.word(k);
    let parts: Vec<&str> = w.split(['-', '‑']).collect();
    let fam = ctx.word(k - 1);
    parts.len() == 2
        && parts.iter().all(|p| (2..=5).contains(&p.chars().count()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts[0].chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && parts[1].chars().all(|c| c.is_ascii_lowercase())
        && ctx.toks[k - 1].cap
        && !ctx.toks[k - 1].possessive
        && (2..=5).contains(&fam.chars().count())
        && is_space_gap(ctx.gap_after(k - 1))
        && !ctx.has(k - 1, TITLE | NONPERSON | HONORIFIC)
}

/// Prepositions and verbs that end a backward walk over a role ("saved goalkeeper Jane Roe",
/// "through defender Jane Roe"): lower-case words that cannot be part of a title.
const ROLE_STOP_MORE: &[&str] = &[
    "through",
    "behind",
    "beyond",
    "near",
    "off",
    "onto",
    "upon",
    "within",
    "across",
    "along",
    "around",
    "beside",
    "inside",
    "outside",
    "past",
    "throughout",
    "until",
    "up",
    "down",
    "out",
    "so",
    "because",
    "although",
    "though",
    "whether",
    "once",
    "nor",
    "yet",
    "just",
    "only",
    "even",
    "still",
    "again",
    "now",
    "left",
    "made",
    "saw",
    "beat",
    "sent",
    "took",
    "gave",
    "put",
    "let",
    "got",
    "led",
    "won",
    "lost",
    "kept",
    "brought",
    "thought",
    "found",
    "felt",
    "held",
    "heard",
    "knew",
    "paid",
    "ran",
    "sat",
    "set",
    "stood",
    "struck",
    "went",
    "wrote",
    "chose",
    "drew",
    "drove",
    "fell",
    "grew",
    "hit",
    "meant",
    "rose",
    "shook",
    "shot",
    "sold",
    "threw",
    "broke",
    "built",
    "bought",
    "caught",
    "came",
    "cut",
    "did",
    "fought",
    "fled",
    "hurt",
    "quit",
    "sought",
    "spent",
    "tore",
    "overtook",
    "beats",
    "sees",
    "meets",
    "joins",
    "leaves",
    "faces",
    "thanks",
    "backs",
    "blames",
    "replaces",
    "replaced",
    "is",
    "are",
    "were",
    "being",
    "got",
    "gets",
    "makes",
    "takes",
    "gives",
    "wants",
    "needs",
];

/// A looser appositive, for roles only (never a cue that a name is a person): "Jane Roe, a
/// mother of three who ...", "Jane Roe, 27, a nurse at ...". An indefinite article, then up to
/// the next comma, full stop, dash or relative pronoun, whatever the noun.
pub fn appositive_indefinite(ctx: &Ctx, k: usize) -> Option<std::ops::Range<usize>> {
    let n = ctx.toks.len();
    let mut k = k;
    if k + 1 < n && ctx.word(k).chars().all(|c| c.is_ascii_digit()) && ctx.gap_after(k).trim() == "," {
        k += 1;
    }
    if k + 1 >= n || !matches!(ctx.word(k), "a" | "an") || !is_space_gap(ctx.gap_after(k)) {
        return None;
    }
    let mut j = k + 1;
    let mut prep = None;
    while j < n && j < k + 14 {
        let w = ctx.word(j);
        if matches!(w, "who" | "which" | "that" | "whose" | "where" | "when" | "whom") {
            return (j > k + 1).then_some(k..j);
        }
        if ctx.has(j, SPEECH_VERB) && w.chars().next().is_some_and(|c| c.is_lowercase()) {
            return None;
        }
        if prep.is_none() && j > k + 1 && matches!(w, "at" | "in" | "for" | "with" | "from" | "on" | "near") {
            prep = Some(j);
        }
        let g = ctx.gap_after(j);
        if !(is_space_gap(g) || g.is_empty()) {
            let t = g.trim_start();
            if t.starts_with([',', '.', ';', ')', '–', '—', '-', ':']) || t.is_empty() {
                return Some(k..j + 1);
            }
            return None;
        }
        j += 1;
    }
    prep.map(|p| k..p)
}

/// A short role written under a byline ("Staff writer", "Political correspondent"): the token
/// range of the line after the line of the name ending at token `last`, if it is one.
pub fn byline_role_line(ctx: &Ctx, first: usize, last: usize) -> Option<std::ops::Range<usize>> {
    // Every scan here is bounded (a few bytes either side), so that a long line with many
    // names costs linear time.
    let text = ctx.text;
    let blank = |c: char| c == ' ' || c == '\t' || c == '\r';
    // The name starts its line, or follows "By" there.
    let before = text[..ctx.toks[first].start].trim_end_matches(blank);
    let before = before.strip_suffix("By").or_else(|| before.strip_suffix("by")).unwrap_or(before);
    let before = before.trim_end_matches(blank);
    if !(before.is_empty() || before.ends_with('\n')) {
        return None;
    }
    // Nothing else on its line, or a short role ("Jane Roe Political correspondent").
    let rest = text[ctx.toks[last].raw_end..].trim_start_matches(blank);
    if !rest.starts_with('\n') {
        let at = text.len() - rest.len();
        let window = &rest[..rest.floor_char_boundary(rest.len().min(64))];
        let line_end = at + window.find('\n')?;
        return short_role(ctx, at, line_end);
    }
    let mut line_start = text.len() - rest.len() + 1;
    // (One blank line may stand between the name and its role.)
    let next = text[line_start..].trim_start_matches(blank);
    if next.starts_with('\n') {
        line_start = text.len() - next.len() + 1;
    }
    let window = text.get(line_start..).map(|t| &t[..t.floor_char_boundary(t.len().min(64))]).unwrap_or("");
    let line_end = line_start + window.find('\n').unwrap_or(window.len());
    if line_end == line_start + window.len() && line_end < text.len() {
        return None;
    }
    short_role(ctx, line_start, line_end)
}

/// The tokens of `text[line_start..line_end]` when they are a short role of a byline.
fn short_role(ctx: &Ctx, line_start: usize, line_end: usize) -> Option<std::ops::Range<usize>> {
    let line = ctx.text[line_start..line_end].trim();
    if line.is_empty() || line.len() > 48 || line.ends_with(['.', '?', '!', ':']) || line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let a = ctx.toks.partition_point(|t| t.start < line_start);
    let b = ctx.toks.partition_point(|t| t.start < line_end);
    if !(1..=4).contains(&(b - a)) || !ctx.toks[a].cap {
        return None;
    }
    if !(a..b).any(|k| ctx.has(k, ROLE_HEAD)) || (a..b).any(|k| ctx.has(k, SPEECH_VERB)) {
        return None;
    }
    Some(a..b)
}

/// Whether token `k` is a short title ("Gen", "Rep", "then-Rep"), whose full stop belongs to it.
pub fn is_short_title(ctx: &Ctx, k: usize) -> bool {
    ctx.has(k, TITLE_ABBR)
}
