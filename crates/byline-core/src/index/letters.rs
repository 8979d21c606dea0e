//! A prefilter for the name search: the set of characters a folded name contains, as 64
//! bits, so that a workspace-symbol query rejects most of the people whose name lacks one of
//! its letters with one AND instead of a character-by-character subsequence test.

/// The bit of one (lower-cased) character: a–z and 0–9 their own, anything else one of the
/// remaining 28 bits by its code point. Two characters may share a bit, never one character
/// two bits, so a name lacking a bit of the query lacks one of its characters.
fn bit(c: char) -> u64 {
    let b = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        _ => 36 + c as u32 % 28,
    };
    1 << b
}

/// The bits of every character of `chars`.
pub(super) fn mask(chars: impl IntoIterator<Item = char>) -> u64 {
    chars.into_iter().fold(0, |m, c| m | bit(c))
}

/// Whether a name with bits `name` can contain every character of a query with bits `query`
/// (a necessary condition of the subsequence match, not a sufficient one).
pub(super) fn may_match(name: u64, query: u64) -> bool {
    name & query == query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_missing_a_query_letter_is_rejected_and_a_match_never_is() {
        let name = mask("józef müller-2".chars());
        assert!(may_match(name, mask("jm".chars())));
        assert!(may_match(name, mask("ó2-".chars())));
        assert!(!may_match(name, mask("jx".chars())));
        assert!(may_match(name, 0));
    }
}
