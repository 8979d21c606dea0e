//! The test the name search ([`super::WorkspaceIndex::search_top`]) makes of each person: does
//! the folded name contain the query's characters in order, and how well does it match. Prepared
//! once per query (its folded bytes, the letter mask), then asked of every name: a
//! workspace-symbol query asks it of every person in the workspace. Names are short, so the
//! searches are plain loops over bytes (a general substring searcher costs more to start than
//! a name takes to scan).

use super::letters;

/// How a name matches a query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tier {
    /// The query's first occurrence in the name starts a word.
    WordStart = 0,
    /// The name contains the query elsewhere.
    Contains = 1,
    /// The name has the query's characters in order, not together.
    Scattered = 2,
}

/// A query, lower-cased and without white space, ready to be matched against folded names.
pub(super) struct NameQuery {
    chars: Vec<char>,
    /// `chars` as UTF-8.
    bytes: Box<[u8]>,
    mask: u64,
    /// Whether every character is ASCII: the subsequence test then runs on bytes (an ASCII
    /// byte of UTF-8 text is always that character).
    ascii: bool,
}

impl NameQuery {
    pub(super) fn new(query: &str) -> NameQuery {
        let chars: Vec<char> = query.chars().flat_map(|c| c.to_lowercase()).filter(|c| !c.is_whitespace()).collect();
        let folded: String = chars.iter().collect();
        NameQuery { mask: letters::mask(chars.iter().copied()), ascii: folded.is_ascii(), bytes: folded.into_bytes().into(), chars }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// How `folded` (a lower-cased name with letter mask `mask`) matches, or `None` when it
    /// does not have the query's characters in order.
    pub(super) fn tier(&self, folded: &str, mask: u64) -> Option<Tier> {
        if !letters::may_match(mask, self.mask) {
            return None;
        }
        // The first occurrence decides, as `str::find` would find it (a match of valid UTF-8
        // in valid UTF-8 starts on a character boundary).
        if let Some(i) = self.first_in(folded.as_bytes()) {
            let word_start = i == 0 || folded[..i].ends_with(|c: char| !c.is_alphanumeric());
            return Some(if word_start { Tier::WordStart } else { Tier::Contains });
        }
        self.scattered_in(folded).then_some(Tier::Scattered)
    }

    /// Where the query first occurs in `hay` (an empty query at 0).
    fn first_in(&self, hay: &[u8]) -> Option<usize> {
        let q = &*self.bytes;
        if q.is_empty() {
            return Some(0);
        }
        let last = hay.len().checked_sub(q.len())?;
        (0..=last).find(|&i| hay[i] == q[0] && hay[i..i + q.len()] == *q)
    }

    /// Whether the query's characters occur in `folded` in order.
    fn scattered_in(&self, folded: &str) -> bool {
        if self.ascii {
            let mut want = self.bytes.iter();
            let mut next = want.next();
            for b in folded.as_bytes() {
                if next == Some(b) {
                    next = want.next();
                    if next.is_none() {
                        return true;
                    }
                }
            }
            return next.is_none();
        }
        let mut want = self.chars.iter().peekable();
        for c in folded.chars() {
            match want.peek() {
                Some(&&w) if w == c => {
                    want.next();
                }
                None => return true,
                _ => {}
            }
        }
        want.peek().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(query: &str, name: &str) -> Option<Tier> {
        NameQuery::new(query).tier(name, letters::mask(name.chars()))
    }

    #[test]
    fn tiers_follow_the_first_occurrence_then_the_order_of_characters() {
        assert_eq!(tier("ma", "marta quill"), Some(Tier::WordStart));
        assert_eq!(tier("qu", "marta quill"), Some(Tier::WordStart));
        assert_eq!(tier("il", "marta quill"), Some(Tier::Contains));
        // Only the first occurrence is looked at: "er" first inside "berner".
        assert_eq!(tier("er", "berner ernst"), Some(Tier::Contains));
        assert_eq!(tier("er", "o'erly"), Some(Tier::WordStart));
        assert_eq!(tier("mq", "marta quill"), Some(Tier::Scattered));
        assert_eq!(tier("qm", "marta quill"), None);
        assert_eq!(tier("xa", "marta quill"), None);
    }

    #[test]
    fn queries_are_folded_and_non_ascii_names_match_by_character() {
        assert_eq!(tier("Mar Ta", "marta quill"), Some(Tier::WordStart));
        assert_eq!(tier("Ma Q", "marta quill"), Some(Tier::Scattered));
        assert_eq!(tier("jm", "józef müller"), Some(Tier::Scattered));
        assert_eq!(tier("óm", "józef müller"), Some(Tier::Scattered));
        assert_eq!(tier("MÜ", "józef müller"), Some(Tier::WordStart));
        assert_eq!(tier("üó", "józef müller"), None);
        assert!(NameQuery::new(" \t").is_empty());
    }

    /// The search as it was written before this module: `str::find` for the tier, a
    /// character-by-character subsequence test.
    fn reference(query: &str, folded: &str) -> Option<Tier> {
        let q: Vec<char> = query.chars().flat_map(|c| c.to_lowercase()).filter(|c| !c.is_whitespace()).collect();
        let mut it = q.iter().peekable();
        for c in folded.chars() {
            if it.peek() == Some(&&c) {
                it.next();
            }
        }
        if it.peek().is_some() {
            return None;
        }
        let qs: String = q.iter().collect();
        Some(match folded.find(&qs) {
            Some(i) if i == 0 || folded[..i].ends_with(|c: char| !c.is_alphanumeric()) => Tier::WordStart,
            Some(_) => Tier::Contains,
            None => Tier::Scattered,
        })
    }

    #[test]
    fn every_short_name_and_query_tiers_as_the_reference_search_does() {
        let alphabet = ['a', 'e', 'r', 'é', ' ', '-', 'ß'];
        let strings = |len: usize| -> Vec<String> {
            let mut out = vec![String::new()];
            for _ in 0..len {
                out = out.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            }
            out
        };
        let names: Vec<String> = (0..=4).flat_map(strings).collect();
        let queries: Vec<String> = (0..=2).flat_map(strings).chain(["ER".to_string(), "Éa".to_string()]).collect();
        for q in &queries {
            let prepared = NameQuery::new(q);
            for n in &names {
                assert_eq!(prepared.tier(n, letters::mask(n.chars())), reference(q, n), "query {q:?}, name {n:?}");
            }
        }
    }
}
