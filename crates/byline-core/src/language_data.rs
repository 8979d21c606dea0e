//! A fingerprint of the language data compiled into byline: every bundled word list. The
//! persistent index cache keys its entries by it, so facts found with other word lists are
//! never reused (the analysis of a text changes when a list does, while byline's version
//! number may not).

/// Every bundled word list, by its path in this crate. `tests::every_bundled_list_is_listed`
/// fails when a list is added to `lexicons/` (or `people/recognize/`) without being added here.
const BUNDLED: &[(&str, &[u8])] = &[
    ("lexicons/abbreviations.txt", include_bytes!("../lexicons/abbreviations.txt")),
    ("lexicons/adjectives.txt", include_bytes!("../lexicons/adjectives.txt")),
    ("lexicons/adverbs.txt", include_bytes!("../lexicons/adverbs.txt")),
    ("lexicons/anonymous.txt", include_bytes!("../lexicons/anonymous.txt")),
    ("lexicons/anonymous_sources.txt", include_bytes!("../lexicons/anonymous_sources.txt")),
    ("lexicons/boilerplate.txt", include_bytes!("../lexicons/boilerplate.txt")),
    ("lexicons/charged_terms.txt", include_bytes!("../lexicons/charged_terms.txt")),
    ("lexicons/collectives.txt", include_bytes!("../lexicons/collectives.txt")),
    ("lexicons/documents.txt", include_bytes!("../lexicons/documents.txt")),
    ("lexicons/function_words.txt", include_bytes!("../lexicons/function_words.txt")),
    ("lexicons/honorifics.txt", include_bytes!("../lexicons/honorifics.txt")),
    ("lexicons/names_first.txt", include_bytes!("../lexicons/names_first.txt")),
    ("lexicons/names_international.txt", include_bytes!("../lexicons/names_international.txt")),
    ("lexicons/no_comment.txt", include_bytes!("../lexicons/no_comment.txt")),
    ("lexicons/nonperson_heads.txt", include_bytes!("../lexicons/nonperson_heads.txt")),
    ("lexicons/nonperson_words.txt", include_bytes!("../lexicons/nonperson_words.txt")),
    ("lexicons/numbers.txt", include_bytes!("../lexicons/numbers.txt")),
    ("lexicons/person_nouns.txt", include_bytes!("../lexicons/person_nouns.txt")),
    ("lexicons/places.txt", include_bytes!("../lexicons/places.txt")),
    ("lexicons/predictions.txt", include_bytes!("../lexicons/predictions.txt")),
    ("lexicons/reporting_verbs.txt", include_bytes!("../lexicons/reporting_verbs.txt")),
    ("lexicons/source_roles.txt", include_bytes!("../lexicons/source_roles.txt")),
    ("lexicons/speech_acts.txt", include_bytes!("../lexicons/speech_acts.txt")),
    ("lexicons/superlatives.txt", include_bytes!("../lexicons/superlatives.txt")),
    ("lexicons/time_words.txt", include_bytes!("../lexicons/time_words.txt")),
    ("lexicons/titles.txt", include_bytes!("../lexicons/titles.txt")),
    ("lexicons/vague.txt", include_bytes!("../lexicons/vague.txt")),
    ("lexicons/vague_sources.txt", include_bytes!("../lexicons/vague_sources.txt")),
    ("lexicons/verb_forms.txt", include_bytes!("../lexicons/verb_forms.txt")),
    ("people/recognize/role_stops.txt", include_bytes!("people/recognize/role_stops.txt")),
    ("people/recognize/role_stops_verbs.txt", include_bytes!("people/recognize/role_stops_verbs.txt")),
];

/// A 64-bit FNV-1a hash of every bundled word list (its name and its bytes), computed once.
pub fn fingerprint() -> u64 {
    static HASH: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *HASH.get_or_init(|| {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        for (name, bytes) in BUNDLED {
            h.write(name.as_bytes());
            h.write(&(bytes.len() as u64).to_le_bytes());
            h.write(bytes);
        }
        h.0
    })
}

struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_list_is_listed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["lexicons", "src/people/recognize"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                if name.ends_with(".txt") {
                    let path = format!("{}/{name}", dir.trim_start_matches("src/"));
                    assert!(BUNDLED.iter().any(|(n, _)| *n == path), "{path} is not in language_data::BUNDLED");
                }
            }
        }
    }

    #[test]
    fn the_fingerprint_is_stable_within_a_build() {
        assert_eq!(fingerprint(), fingerprint());
        assert_ne!(fingerprint(), 0);
    }
}
