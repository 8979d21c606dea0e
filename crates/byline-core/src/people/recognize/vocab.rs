//! The short word lists of recognition, each word given its class bits once: particles,
//! plain honorifics, and the words that end a backward walk over a role (in
//! `role_stops.txt` and `role_stops_verbs.txt`, one a line).

use super::{PARTICLE_CI, PARTICLE_INNER, PLAIN_HON, STOP, VERB_FORM, VERB_STOP};
use crate::people::lexicon::FxHashMap;

/// Name particles that may stand inside a name in lower case ("von der Leyen", "bin Laden").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "des", "la", "le", "bin", "ibn", "al", "el", "ben",
    "ter", "op", "y", "zu",
];

/// Lower-case particles of Welsh, Irish, Scottish, Arabic and Portuguese names that only ever stand inside
/// a name ("Rhodri ap Gwynn", "Fatima bint Khalid", "Omar abu Saleh", "Inês do Carmo").
const PARTICLES_INNER: &[&str] = &["ap", "bint", "abu", "ní", "nic", "mac", "ó", "uí", "ua", "do"];

/// Plain honorifics that are not worth listing as a role.
const PLAIN_HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "mme", "madame", "monsieur", "herr", "frau"];

/// Words that end a backward walk over a role ("said Kremlin spokesman ...").
const ROLE_STOP: &str = include_str!("role_stops.txt");

/// Prepositions and verbs that end a backward walk over a role ("saved goalkeeper Jane Roe",
/// "through defender Jane Roe"): lower-case words that cannot be part of a title.
const ROLE_STOP_MORE: &str = include_str!("role_stops_verbs.txt");

/// Forms that can only be a verb (`lexicons/verb_forms.txt`, generated from WordNet).
const VERB_FORMS: &str = include_str!("../../../lexicons/verb_forms.txt");

/// The words of a word-list file: one a line, `#` starting a comment line.
fn listed(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The short word lists, lower case -> `STOP`, `PLAIN_HON`, `PARTICLE_CI` bits.
pub(super) fn short_words() -> &'static FxHashMap<&'static str, u32> {
    static MAP: std::sync::OnceLock<FxHashMap<&'static str, u32>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<&'static str, u32> = FxHashMap::default();
        for (list, bit) in [(PLAIN_HONORIFICS, PLAIN_HON), (PARTICLES, PARTICLE_CI), (PARTICLES_INNER, PARTICLE_INNER)] {
            for w in list {
                *m.entry(w).or_default() |= bit;
            }
        }
        for (file, bit) in [(ROLE_STOP, STOP), (ROLE_STOP_MORE, VERB_STOP), (VERB_FORMS, VERB_FORM)] {
            for w in listed(file) {
                *m.entry(w).or_default() |= bit;
            }
        }
        m
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_files_give_their_bits() {
        let m = short_words();
        assert_eq!(m["according"] & STOP, STOP);
        assert_eq!(m["through"] & VERB_STOP, VERB_STOP);
        // ("is" is in both lists.)
        assert_eq!(m["is"] & (STOP | VERB_STOP), STOP | VERB_STOP);
        assert_eq!(m["mr"], PLAIN_HON);
        assert_eq!(m["do"], PARTICLE_INNER);
        assert!(!m.contains_key("# words"));
    }
}
