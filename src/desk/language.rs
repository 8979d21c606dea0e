//! `[sources] vague` and `[sources] anonymous`: phrasings the desk wants treated as vague or
//! anonymous attribution, added to the bundled language data so that the analysis (attribution
//! cues, then findings) sees them exactly as it sees the bundled lists.
//!
//! The extended lexicon is built once per distinct set of desk phrases and kept for the life of
//! the process (`&'static`): an open document's incremental analyzer borrows its lexicon for as
//! long as it lives, and a desk edits its phrases rarely, so the few copies kept are cheaper than
//! threading a reference-counted lexicon through every analysis. No desk phrases: the bundled
//! lexicon itself.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use byline_core::lexicon::Lexicon;
use byline_core::lexicon::PhraseSet;

/// The message of a finding raised by a desk phrase: it says where the phrase comes from, and
/// it makes the phrase a finding wherever it occurs (not only in a sentence's main clause).
const VAGUE_MESSAGE: &str = "@ \"{cue}\" — by whom? Name the source. (a vague phrasing listed in byline.toml)";
const ANONYMOUS_MESSAGE: &str =
    "@ Anonymous source: \"{cue}\" — can the source be named, or the reason for anonymity given? (listed in byline.toml)";

/// The language data a desk analyses its articles with.
#[derive(Clone, Copy)]
pub struct DeskLexicon {
    lexicon: &'static Lexicon,
    fingerprint: u64,
}

impl DeskLexicon {
    /// The lexicon to analyse with.
    pub fn lexicon(&self) -> &'static Lexicon {
        self.lexicon
    }

    /// A hash of the desk's phrases, 0 when there are none: part of the index cache's key, so
    /// that people found with other language data are never served.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The bundled lexicon extended with `vague` and `anonymous` (both already checked with
    /// [`check_phrase`]).
    pub fn new(vague: &[String], anonymous: &[String]) -> DeskLexicon {
        if vague.is_empty() && anonymous.is_empty() {
            return DeskLexicon::default();
        }
        type Interned = Mutex<HashMap<(Vec<String>, Vec<String>), &'static Lexicon>>;
        static INTERNED: OnceLock<Interned> = OnceLock::new();
        let key = (vague.to_vec(), anonymous.to_vec());
        let fingerprint = fnv(&key.0, &key.1);
        let mut interned = INTERNED.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
        let lexicon = *interned.entry(key).or_insert_with(|| Box::leak(Box::new(extended(vague, anonymous))));
        DeskLexicon { lexicon, fingerprint }
    }
}

impl Default for DeskLexicon {
    fn default() -> Self {
        DeskLexicon { lexicon: Lexicon::bundled(), fingerprint: 0 }
    }
}

impl PartialEq for DeskLexicon {
    fn eq(&self, other: &DeskLexicon) -> bool {
        std::ptr::eq(self.lexicon, other.lexicon)
    }
}

impl Eq for DeskLexicon {}

impl std::fmt::Debug for DeskLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DeskLexicon({:016x})", self.fingerprint)
    }
}

fn extended(vague: &[String], anonymous: &[String]) -> Lexicon {
    let mut lex = Lexicon::bundled().clone();
    let list = |message: &str, phrases: &[String]| format!("{message}\n{}\n", phrases.join("\n"));
    // Checked phrase by phrase before: these cannot fail.
    lex.extend("vague", &list(VAGUE_MESSAGE, vague)).expect("desk vague phrases were checked");
    lex.extend("anonymous", &list(ANONYMOUS_MESSAGE, anonymous)).expect("desk anonymous phrases were checked");
    lex
}

/// Whether `phrase` is one phrase of the lexicon syntax (words, `(a|b)` choices, `[x]` optional
/// words): not empty, one line, not a comment, message or section line, no unknown flag.
pub fn check_phrase(phrase: &str) -> Result<(), String> {
    let trimmed = phrase.trim();
    if trimmed.is_empty() {
        return Err("an empty phrase".to_string());
    }
    if trimmed.contains(['\n', '\r']) {
        return Err(format!("{phrase:?} is more than one line; give each phrase as its own string"));
    }
    let set = PhraseSet::try_parse(trimmed).map_err(|e| format!("bad phrase {phrase:?}: {}", e.message))?;
    if set.rules().len() != 1 {
        return Err(format!("{phrase:?} is not a phrase (a line starting with '#', '@' or a lone [word] is not one)"));
    }
    Ok(())
}

/// FNV-1a over both lists, with separators, so that the hash is stable between runs.
fn fnv(vague: &[String], anonymous: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (tag, list) in [(b"v", vague), (b"a", anonymous)] {
        eat(tag);
        for p in list {
            eat(p.as_bytes());
            eat(&[0]);
        }
    }
    h.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::{Code, Format, analyze_with};

    #[test]
    fn a_desk_phrase_makes_a_finding_and_the_bundled_lexicon_does_not() {
        let text = "The bridge will close in March, the grapevine has it.\n";
        let codes = |lex: &Lexicon| analyze_with(text, Format::Plain, lex).findings.iter().map(|f| f.code).collect::<Vec<_>>();
        assert!(!codes(Lexicon::bundled()).contains(&Code::VagueAttribution));
        let desk = DeskLexicon::new(&["the grapevine has it".to_string()], &[]);
        assert!(codes(desk.lexicon()).contains(&Code::VagueAttribution), "{:?}", codes(desk.lexicon()));
    }

    #[test]
    fn one_set_of_phrases_is_one_lexicon() {
        let a = DeskLexicon::new(&["the grapevine has it".to_string()], &[]);
        let b = DeskLexicon::new(&["the grapevine has it".to_string()], &[]);
        let c = DeskLexicon::new(&[], &["the grapevine has it".to_string()]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a.fingerprint(), c.fingerprint());
        assert_eq!(DeskLexicon::new(&[], &[]), DeskLexicon::default());
        assert_eq!(DeskLexicon::default().fingerprint(), 0);
    }

    #[test]
    fn bad_phrases_are_refused() {
        assert!(check_phrase("a person (close|near").is_err());
        assert!(check_phrase("").is_err());
        assert!(check_phrase("# not a phrase").is_err());
        assert!(check_phrase("@ a message").is_err());
        assert!(check_phrase("one\ntwo").is_err());
        assert!(check_phrase("word | nosuchflag").is_err());
        assert!(check_phrase("(insiders|people) say").is_ok());
    }
}
