//! The word lists person recognition uses: first names, honorifics, titles and role words,
//! and the capitalised words that are not people. They live in `lexicons/` (`names_*`,
//! `honorifics.txt`, `titles.txt`, `nonperson_*`, and from WordNet `person_nouns.txt`, common
//! nouns naming a person, and `adverbs.txt`; see `wordnet_SOURCES.md`) and are compiled in.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hasher for short keys (the "Fx" hash of rustc and Firefox):
/// lexicon lookups hash every word of an article, and SipHash dominated them.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut b = bytes;
        while b.len() >= 8 {
            self.add(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]));
            b = &b[8..];
        }
        if b.len() >= 4 {
            self.add(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64);
            b = &b[4..];
        }
        for &x in b {
            self.add(x as u64);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The table takes its bucket from the low bits, which the multiply leaves poorly
        // mixed: bring the well-mixed high bits down.
        self.hash.rotate_left(26)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = HashSet<K, FxBuild>;

/// Lexicon classes of a word, as bits (see [`PeopleLexicon::classify`]).
pub mod class {
    /// [`super::PeopleLexicon::is_first_name`]
    pub const FIRST: u32 = 1;
    /// [`super::PeopleLexicon::is_honorific`]
    pub const HONORIFIC: u32 = 1 << 1;
    /// [`super::PeopleLexicon::is_role_head`]
    pub const ROLE_HEAD: u32 = 1 << 2;
    /// [`super::PeopleLexicon::is_role_mod`]
    pub const ROLE_MOD: u32 = 1 << 3;
    /// [`super::PeopleLexicon::is_title_abbr`]
    pub const TITLE_ABBR: u32 = 1 << 4;
    /// [`super::PeopleLexicon::is_speech_verb`]
    pub const SPEECH_VERB: u32 = 1 << 5;
    /// [`super::PeopleLexicon::is_nonperson`]
    pub const NONPERSON: u32 = 1 << 6;
    /// [`super::PeopleLexicon::is_nonperson_head`]
    pub const NONPERSON_HEAD: u32 = 1 << 7;
    /// [`super::PeopleLexicon::is_person_noun`]: a common noun naming a person ("rapper",
    /// "grazier"), from WordNet; a role only where it is written in lower case.
    pub const PERSON_NOUN: u32 = 1 << 16;
    /// [`super::PeopleLexicon::is_adverb`]: an adverb ("perhaps", "meanwhile"), from WordNet.
    pub const ADVERB: u32 = 1 << 17;
    /// [`super::PeopleLexicon::is_title`]: head, qualifier or short title.
    pub const TITLE: u32 = ROLE_HEAD | ROLE_MOD | TITLE_ABBR;
}

/// Word lists for person recognition. Lookups are case-insensitive unless said otherwise.
#[derive(Clone, Debug, Default)]
pub struct PeopleLexicon {
    first_names: FxHashSet<String>,
    honorifics: FxHashSet<String>,
    heads: FxHashSet<String>,
    mods: FxHashSet<String>,
    abbrs: FxHashSet<String>,
    verbs: FxHashSet<String>,
    nonperson: FxHashSet<String>,
    /// Several-word names that are not people ("Morgan Stanley"), lower case, single spaces.
    nonperson_names: FxHashSet<String>,
    /// The first word of each of `nonperson_names`: most names start with none of them, and
    /// are told so without joining and lower-casing their words.
    nonperson_name_firsts: FxHashSet<String>,
    nonperson_heads: FxHashSet<String>,
    /// Common nouns naming a person (`person_nouns.txt`, from WordNet).
    person_nouns: FxHashSet<String>,
    /// Lower-case entries of `nonperson_heads.txt` (they only count in lower case).
    lower_heads: FxHashSet<String>,
    /// Every list at once: lower-case entry -> [`class`] bits of the plain lists, plus
    /// `HEAD_ENTRY` and `LOWER_HEAD_ENTRY` (one lookup classifies most words).
    all: FxHashMap<String, u32>,
}

/// In `all`: the lower-case form is an entry of the role heads (before the plural and
/// hyphen rules of [`PeopleLexicon::is_role_head`]).
const HEAD_ENTRY: u32 = 1 << 30;
/// In `all`: the lower-case form is a lower-case entry of `nonperson_heads.txt`.
const LOWER_HEAD_ENTRY: u32 = 1 << 31;
/// In `all`: the lower-case form is a plural of a role-head entry (an entry and `s`, five
/// letters or more): the plural rule of [`PeopleLexicon::is_role_head`] for words without a
/// hyphen, precomputed.
const HEAD_PLURAL: u32 = 1 << 29;
/// In `all`: the lower-case form is a plural of a person noun by the rules of
/// [`PeopleLexicon::person_noun_folded`] (`s`, `es`, `man` to `men`), precomputed for words
/// without a hyphen.
const PERSON_NOUN_PLURAL: u32 = 1 << 28;

/// The part after the last hyphen of `l`, if it has one ("president" of "vice-president").
#[inline]
fn after_hyphen(l: &str) -> Option<&str> {
    memchr::memrchr(b'-', l.as_bytes()).map(|i| &l[i + 1..])
}

const FIRST: &str = include_str!("../../lexicons/names_first.txt");
const FIRST_INTL: &str = include_str!("../../lexicons/names_international.txt");
const HONORIFICS: &str = include_str!("../../lexicons/honorifics.txt");
const TITLES: &str = include_str!("../../lexicons/titles.txt");
const NONPERSON: &str = include_str!("../../lexicons/nonperson_words.txt");
const NONPERSON_HEADS: &str = include_str!("../../lexicons/nonperson_heads.txt");
const PERSON_NOUNS: &str = include_str!("../../lexicons/person_nouns.txt");
const ADVERBS: &str = include_str!("../../lexicons/adverbs.txt");
const PLACES: &str = include_str!("../../lexicons/places.txt");

/// Run `f` on the lower-case form of `w`, without allocating for short ASCII words.
///
/// (Called for most words of an article: a word already in lower case costs one pass, and a
/// capitalised ASCII word is copied and lower-cased in place.)
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    // (One pass for the common case, a word already in lower case.)
    if !b.iter().any(|&c| c.is_ascii_uppercase() || !c.is_ascii()) {
        return f(w);
    }
    if b.is_ascii() && b.len() <= 48 {
        // A buffer of the thread's, lower-cased as a `str` (no UTF-8 check of the copy); a
        // call made from inside `f` finds it in use and copies to the stack.
        return LOWER_BUF.with(|buf| match buf.try_borrow_mut() {
            Ok(mut lower) => {
                lower.clear();
                lower.push_str(w);
                lower.make_ascii_lowercase();
                f(&lower)
            }
            Err(_) => {
                let mut buf = [0u8; 48];
                let lower = &mut buf[..b.len()];
                lower.copy_from_slice(b);
                lower.make_ascii_lowercase();
                f(std::str::from_utf8(lower).unwrap_or(""))
            }
        });
    }
    f(&w.to_lowercase())
}

thread_local! {
    /// [`with_lower`]'s buffer.
    static LOWER_BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(48));
}

fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

impl PeopleLexicon {
    /// The lists bundled with byline.
    pub fn bundled() -> &'static PeopleLexicon {
        static LEX: std::sync::OnceLock<PeopleLexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = PeopleLexicon::default();
            lex.add_lists(FIRST, FIRST_INTL, HONORIFICS, TITLES, NONPERSON, NONPERSON_HEADS);
            lex.add_person_nouns(PERSON_NOUNS);
            lex.add_adverbs(ADVERBS);
            lex.add_places(PLACES);
            lex
        })
    }

    /// Names of several words of places (places.txt, from WordNet): names, but not of people.
    pub fn add_places(&mut self, places: &str) {
        for e in entries(places).filter(|e| e.contains(' ')) {
            add_nonperson_name(&mut self.nonperson_names, &mut self.nonperson_name_firsts, e);
        }
    }

    /// Add entries in the formats of the bundled files (for users who extend the lists).
    pub fn add_lists(&mut self, first: &str, first_intl: &str, honorifics: &str, titles: &str, nonperson: &str, nonperson_heads: &str) {
        use class::*;
        let mark = |all: &mut FxHashMap<String, u32>, w: &str, bit: u32| {
            *all.entry(w.to_string()).or_default() |= bit;
        };
        let all = &mut self.all;
        for e in entries(first).chain(entries(first_intl)) {
            self.first_names.insert(e.to_lowercase());
            mark(all, &e.to_lowercase(), FIRST);
        }
        for e in entries(honorifics) {
            self.honorifics.insert(e.to_lowercase());
            mark(all, &e.to_lowercase(), HONORIFIC);
        }
        for e in entries(titles) {
            if let Some(w) = e.strip_prefix("head:") {
                let h = w.trim().to_lowercase();
                if h.len() + 1 > 4 {
                    mark(all, &format!("{h}s"), HEAD_PLURAL);
                }
                self.heads.insert(h);
                mark(all, &w.trim().to_lowercase(), HEAD_ENTRY);
            } else if let Some(w) = e.strip_prefix("mod:") {
                self.mods.insert(w.trim().to_lowercase());
                mark(all, &w.trim().to_lowercase(), ROLE_MOD);
            } else if let Some(w) = e.strip_prefix("verb:") {
                self.verbs.insert(w.trim().to_lowercase());
                mark(all, &w.trim().to_lowercase(), SPEECH_VERB);
            } else if let Some(w) = e.strip_prefix("abbr:") {
                self.abbrs.insert(w.trim().to_lowercase());
                mark(all, &w.trim().to_lowercase(), TITLE_ABBR);
            }
        }
        for e in entries(nonperson) {
            if e.contains(' ') {
                add_nonperson_name(&mut self.nonperson_names, &mut self.nonperson_name_firsts, e);
            } else {
                self.nonperson.insert(e.to_lowercase());
                mark(all, &e.to_lowercase(), NONPERSON);
            }
        }
        for e in entries(nonperson_heads) {
            if e.chars().next().is_some_and(|c| c.is_lowercase()) {
                self.lower_heads.insert(e.to_string());
                mark(all, &e.to_lowercase(), LOWER_HEAD_ENTRY);
            } else {
                self.nonperson_heads.insert(e.to_lowercase());
                mark(all, &e.to_lowercase(), NONPERSON_HEAD);
            }
        }
    }

    /// Add common nouns naming a person, one a line (the format of `person_nouns.txt`).
    pub fn add_person_nouns(&mut self, nouns: &str) {
        for e in entries(nouns) {
            let l = e.to_lowercase();
            *self.all.entry(l.clone()).or_default() |= class::PERSON_NOUN;
            // The plurals person_noun_folded accepts (by its length limits).
            let mut plurals = Vec::new();
            if l.len() + 1 > 4 {
                plurals.push(format!("{l}s"));
            }
            if l.len() + 2 > 5 {
                plurals.push(format!("{l}es"));
            }
            if let Some(stem) = l.strip_suffix("man")
                && l.len() > 5
            {
                plurals.push(format!("{stem}men"));
            }
            for p in plurals {
                *self.all.entry(p).or_default() |= PERSON_NOUN_PLURAL;
            }
            self.person_nouns.insert(l);
        }
    }

    /// Add adverbs, one a line (the format of `adverbs.txt`).
    pub fn add_adverbs(&mut self, adverbs: &str) {
        for e in entries(adverbs) {
            *self.all.entry(e.to_lowercase()).or_default() |= class::ADVERB;
        }
    }
    /// An adverb ("perhaps", "meanwhile").
    pub fn is_adverb(&self, w: &str) -> bool {
        with_lower(w, |l| self.all.get(l).is_some_and(|b| b & class::ADVERB != 0))
    }

    /// Every class of `w`, as [`class`] bits, in one call.
    pub fn classify(&self, w: &str) -> u32 {
        with_lower(w, |l| self.classify_lower(w, l))
    }

    /// [`Self::classify`] of `w` whose lower-case form `l` is known.
    pub fn classify_lower(&self, w: &str, l: &str) -> u32 {
        use class::*;
        let simple = HONORIFIC | ROLE_MOD | TITLE_ABBR | SPEECH_VERB | NONPERSON | ADVERB;
        let bits = self.all.get(l).copied().unwrap_or(0);
        let mut c = bits & simple;
        let hyphen = after_hyphen(l).is_some();
        if bits & PERSON_NOUN != 0 || (if hyphen { self.person_noun_folded(l) } else { bits & PERSON_NOUN_PLURAL != 0 }) {
            c |= PERSON_NOUN;
        }
        if bits & FIRST != 0 || (!w.is_ascii() && self.is_first_name(w)) {
            c |= FIRST;
        }
        // "ecologist", "statistician": the suffixes of professions.
        let trade = l.len() > 7 && (l.ends_with("ologist") || l.ends_with("ician"));
        if hyphen {
            let head = |l: &str| {
                self.all.get(l).is_some_and(|b| b & HEAD_ENTRY != 0)
                    || after_hyphen(l).is_some_and(|p| self.heads.contains(p))
                    || elect_of(l).is_some_and(|p| self.heads.contains(p))
            };
            // "then-Rep.", "ex-Gov.": a short title after a hyphen.
            if bits & TITLE_ABBR == 0 && after_hyphen(l).is_some_and(|p| self.abbrs.contains(p)) {
                c |= TITLE_ABBR;
            }
            if bits & HEAD_ENTRY != 0 || trade || head(l) || (l.len() > 4 && l.ends_with('s') && head(&l[..l.len() - 1])) {
                c |= ROLE_HEAD;
            }
        } else if bits & (HEAD_ENTRY | HEAD_PLURAL) != 0 || trade {
            // Without a hyphen a head is an entry or an entry's plural.
            c |= ROLE_HEAD;
        }
        if w.chars().next().is_some_and(|c| c.is_lowercase()) {
            if (bits & LOWER_HEAD_ENTRY != 0 || l != w) && self.lower_heads.contains(w) {
                c |= NONPERSON_HEAD;
            }
        } else if bits & NONPERSON_HEAD != 0 {
            c |= NONPERSON_HEAD;
        }
        c
    }

    /// [`Self::classify`] the slow way, one list at a time (to check it).
    pub fn classify_each(&self, w: &str) -> u32 {
        use class::*;
        let mut c = 0;
        for (yes, bit) in [
            (self.is_first_name(w), FIRST),
            (self.is_honorific(w), HONORIFIC),
            (self.is_role_head(w), ROLE_HEAD),
            (self.is_role_mod(w), ROLE_MOD),
            (self.is_title_abbr(w), TITLE_ABBR),
            (self.is_speech_verb(w), SPEECH_VERB),
            (self.is_nonperson(w), NONPERSON),
            (self.is_nonperson_head(w), NONPERSON_HEAD),
            (self.is_person_noun(w), PERSON_NOUN),
            (self.is_adverb(w), ADVERB),
        ] {
            if yes {
                c |= bit;
            }
        }
        c
    }

    /// A known given name; accents are ignored ("Éric" counts as "Eric").
    pub fn is_first_name(&self, w: &str) -> bool {
        if with_lower(w, |l| self.first_names.contains(l)) {
            return true;
        }
        if w.is_ascii() {
            return false;
        }
        let plain: String = w.to_lowercase().chars().map(strip_accent).collect();
        self.first_names.contains(&plain)
    }
    pub fn is_honorific(&self, w: &str) -> bool {
        with_lower(w, |l| self.honorifics.contains(l))
    }
    /// A role noun ("spokesman", "president"); for hyphenated words the last part counts too.
    pub fn is_role_head(&self, w: &str) -> bool {
        with_lower(w, |l| {
            let one = |l: &str| {
                self.heads.contains(l)
                    || after_hyphen(l).is_some_and(|p| self.heads.contains(p))
                    || elect_of(l).is_some_and(|p| self.heads.contains(p))
            };
            // "ecologist", "statistician": the suffixes of professions.
            let trade = |l: &str| l.len() > 7 && (l.ends_with("ologist") || l.ends_with("ician"));
            one(l) || trade(l) || (l.len() > 4 && l.ends_with('s') && one(&l[..l.len() - 1]))
        })
    }
    /// A role noun exactly as listed (no plural or hyphen folding).
    pub fn is_role_head_exact(&self, w: &str) -> bool {
        with_lower(w, |l| self.heads.contains(l))
    }
    /// A word that qualifies a role ("prime", "foreign").
    pub fn is_role_mod(&self, w: &str) -> bool {
        with_lower(w, |l| self.mods.contains(l))
    }
    /// A short title ("Gen", "Sen"), usually written with a full stop.
    pub fn is_title_abbr(&self, w: &str) -> bool {
        with_lower(w, |l| self.abbrs.contains(l) || after_hyphen(l).is_some_and(|p| self.abbrs.contains(p)))
    }
    /// A title word: head, qualifier or short title.
    pub fn is_title(&self, w: &str) -> bool {
        self.is_role_head(w) || self.is_role_mod(w) || self.is_title_abbr(w)
    }
    /// A speech verb ("said", "told").
    pub fn is_speech_verb(&self, w: &str) -> bool {
        with_lower(w, |l| self.verbs.contains(l))
    }
    /// A common noun naming a person ("rapper", "co-pilot"), its plural ("biologists",
    /// "spokesmen") or a hyphenated word ending in one ("ex-wife").
    pub fn is_person_noun(&self, w: &str) -> bool {
        with_lower(w, |l| self.person_nouns.contains(l) || self.person_noun_folded(l))
    }
    /// A common noun naming a person exactly as listed (no plural or hyphen folding).
    pub fn is_person_noun_exact(&self, w: &str) -> bool {
        with_lower(w, |l| self.person_nouns.contains(l))
    }
    /// [`Self::is_person_noun`] past the exact entry: plural and hyphen folding.
    fn person_noun_folded(&self, l: &str) -> bool {
        let one = |l: &str| self.person_nouns.contains(l) || after_hyphen(l).is_some_and(|p| p.len() > 2 && self.person_nouns.contains(p));
        (l.len() > 4 && l.ends_with('s') && one(&l[..l.len() - 1]))
            || (l.len() > 5 && l.ends_with("es") && one(&l[..l.len() - 2]))
            || (l.len() > 5 && l.ends_with("men") && one(&format!("{}man", &l[..l.len() - 3])))
            || one(l)
    }
    pub fn is_nonperson(&self, w: &str) -> bool {
        with_lower(w, |l| self.nonperson.contains(l))
    }
    /// A name of several words that is not a person ("Goldman Sachs"): `words` in order.
    pub fn is_nonperson_name<'w>(&self, words: impl Iterator<Item = &'w str>) -> bool {
        if self.nonperson_names.is_empty() {
            return false;
        }
        let mut words = words.peekable();
        // (The joined name's first word: up to the first space, should a word hold one.)
        if !words.peek().is_some_and(|w| with_lower(w.split(' ').next().unwrap_or(""), |l| self.nonperson_name_firsts.contains(l))) {
            return false;
        }
        let joined = words.collect::<Vec<_>>().join(" ").to_lowercase();
        self.nonperson_names.contains(&joined)
    }
    /// A word that makes the capitalised words before it a place or organisation.
    pub fn is_nonperson_head(&self, w: &str) -> bool {
        if w.chars().next().is_some_and(|c| c.is_lowercase()) {
            self.lower_heads.contains(w)
        } else {
            with_lower(w, |l| self.nonperson_heads.contains(l))
        }
    }
}

/// Add a several-word name that is not a person, as listed, to `names`, and its first word to
/// `firsts`.
fn add_nonperson_name(names: &mut FxHashSet<String>, firsts: &mut FxHashSet<String>, e: &str) {
    let name = e.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if let Some(first) = name.split(' ').next() {
        firsts.insert(first.to_string());
    }
    names.insert(name);
}

/// "president" of "president-elect", "minister-designate": a title not yet taken up.
fn elect_of(l: &str) -> Option<&str> {
    l.strip_suffix("-elect").or_else(|| l.strip_suffix("-designate"))
}

/// The unaccented Latin letter for common accented ones.
fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' | 'ň' => 'n',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        'đ' | 'ď' => 'd',
        'ğ' => 'g',
        'ş' => 's',
        'ı' => 'i',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_agrees_with_each_list() {
        let lex = PeopleLexicon::bundled();
        let mut words: Vec<String> = Vec::new();
        for src in [FIRST, FIRST_INTL, HONORIFICS, TITLES, NONPERSON, NONPERSON_HEADS, PERSON_NOUNS, ADVERBS] {
            for e in entries(src) {
                let e = e.split_once(':').map_or(e, |(_, w)| w).trim();
                for w in [e.to_string(), e.to_uppercase(), e.to_lowercase(), format!("{e}s"), format!("ex-{e}")] {
                    let mut cs = w.chars();
                    let cap: String = cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default();
                    words.push(cap);
                    words.push(w);
                }
            }
        }
        words.extend(
            [
                "Éric",
                "éric",
                "Zoë",
                "iPhone",
                "x",
                "",
                "Spokesmen",
                "Vice-President",
                "President-elect",
                "then-Rep",
                "co-pilots",
                "chairmen",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(lex.classify(w), lex.classify_each(w), "{w:?}");
        }
    }

    #[test]
    fn several_word_names_are_found_past_the_first_word_filter() {
        let lex = PeopleLexicon::bundled();
        for e in entries(NONPERSON).chain(entries(PLACES)).filter(|e| e.contains(' ')) {
            let words: Vec<&str> = e.split_whitespace().collect();
            assert!(lex.is_nonperson_name(words.iter().copied()), "{e:?}");
            assert!(lex.is_nonperson_name(std::iter::once(e)) == lex.nonperson_names.contains(&e.to_lowercase()), "{e:?}");
        }
        assert!(!lex.is_nonperson_name(["Jane", "Roe"].into_iter()));
        assert!(!lex.is_nonperson_name(std::iter::empty()));
    }
}
