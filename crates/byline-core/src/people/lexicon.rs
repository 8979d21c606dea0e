//! The word lists person recognition uses: first names, honorifics, titles and role words,
//! and the capitalised words that are not people. They live in `lexicons/` (`names_*`,
//! `honorifics.txt`, `titles.txt`, `nonperson_*`) and are compiled in.

use std::collections::HashSet;

/// Word lists for person recognition. Lookups are case-insensitive unless said otherwise.
#[derive(Clone, Debug, Default)]
pub struct PeopleLexicon {
    first_names: HashSet<String>,
    honorifics: HashSet<String>,
    heads: HashSet<String>,
    mods: HashSet<String>,
    abbrs: HashSet<String>,
    verbs: HashSet<String>,
    nonperson: HashSet<String>,
    nonperson_heads: HashSet<String>,
    /// Lower-case entries of `nonperson_heads.txt` (they only count in lower case).
    lower_heads: HashSet<String>,
}

const FIRST: &str = include_str!("../../lexicons/names_first.txt");
const FIRST_INTL: &str = include_str!("../../lexicons/names_international.txt");
const HONORIFICS: &str = include_str!("../../lexicons/honorifics.txt");
const TITLES: &str = include_str!("../../lexicons/titles.txt");
const NONPERSON: &str = include_str!("../../lexicons/nonperson_words.txt");
const NONPERSON_HEADS: &str = include_str!("../../lexicons/nonperson_heads.txt");

/// Run `f` on the lower-case form of `w`, without allocating for short ASCII words.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.len() <= 48 && w.is_ascii() {
        let mut buf = [0u8; 48];
        for (i, b) in w.bytes().enumerate() {
            buf[i] = b.to_ascii_lowercase();
        }
        f(std::str::from_utf8(&buf[..w.len()]).unwrap_or(""))
    } else {
        f(&w.to_lowercase())
    }
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
            lex
        })
    }

    /// Add entries in the formats of the bundled files (for users who extend the lists).
    pub fn add_lists(
        &mut self,
        first: &str,
        first_intl: &str,
        honorifics: &str,
        titles: &str,
        nonperson: &str,
        nonperson_heads: &str,
    ) {
        for e in entries(first).chain(entries(first_intl)) {
            self.first_names.insert(e.to_lowercase());
        }
        for e in entries(honorifics) {
            self.honorifics.insert(e.to_lowercase());
        }
        for e in entries(titles) {
            if let Some(w) = e.strip_prefix("head:") {
                self.heads.insert(w.trim().to_lowercase());
            } else if let Some(w) = e.strip_prefix("mod:") {
                self.mods.insert(w.trim().to_lowercase());
            } else if let Some(w) = e.strip_prefix("verb:") {
                self.verbs.insert(w.trim().to_lowercase());
            } else if let Some(w) = e.strip_prefix("abbr:") {
                self.abbrs.insert(w.trim().to_lowercase());
            }
        }
        for e in entries(nonperson) {
            self.nonperson.insert(e.to_lowercase());
        }
        for e in entries(nonperson_heads) {
            if e.chars().next().is_some_and(|c| c.is_lowercase()) {
                self.lower_heads.insert(e.to_string());
            } else {
                self.nonperson_heads.insert(e.to_lowercase());
            }
        }
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
            let one =
                |l: &str| self.heads.contains(l) || l.rsplit('-').next().is_some_and(|p| p != l && self.heads.contains(p));
            one(l) || (l.len() > 4 && l.ends_with('s') && one(&l[..l.len() - 1]))
        })
    }
    /// A word that qualifies a role ("prime", "foreign").
    pub fn is_role_mod(&self, w: &str) -> bool {
        with_lower(w, |l| self.mods.contains(l))
    }
    /// A short title ("Gen", "Sen"), usually written with a full stop.
    pub fn is_title_abbr(&self, w: &str) -> bool {
        with_lower(w, |l| self.abbrs.contains(l))
    }
    /// A title word: head, qualifier or short title.
    pub fn is_title(&self, w: &str) -> bool {
        self.is_role_head(w) || self.is_role_mod(w) || self.is_title_abbr(w)
    }
    /// A speech verb ("said", "told").
    pub fn is_speech_verb(&self, w: &str) -> bool {
        with_lower(w, |l| self.verbs.contains(l))
    }
    pub fn is_nonperson(&self, w: &str) -> bool {
        with_lower(w, |l| self.nonperson.contains(l))
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
