//! Cue: "Jane Roe (D-Md.)", "Jane Roe (R-Texas)", "Jane Roe (I)": a party letter in brackets
//! after a name, with or without a state, is how American copy marks a legislator.

use super::Around;
use crate::people::recognize::Ctx;

/// Whether a party bracket follows the name.
pub fn party_bracket(ctx: &Ctx, at: &Around) -> bool {
    if ctx.toks[at.last].possessive {
        return false;
    }
    let end = ctx.toks[at.last].end;
    let Some(rest) = ctx.text[end..].strip_prefix(" (") else { return false };
    let Some(close) = rest.get(..rest.len().min(24)).and_then(|r| r.find(')')) else { return false };
    is_party_mark(&rest[..close])
}

/// "D-Md.", "R-Texas", "D-N.Y.", "I", "R-S.C.": a party letter, then an optional state written
/// with capitals, full stops and spaces.
fn is_party_mark(inner: &str) -> bool {
    let (party, state) = match inner.split_once(['-', '–']) {
        Some((p, s)) => (p, Some(s)),
        None => (inner, None),
    };
    matches!(party, "D" | "R" | "I")
        && state.is_none_or(|s| {
            s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
        })
}

#[cfg(test)]
mod tests {
    use super::is_party_mark;
    use crate::people::recognize::testing::mentions;

    #[test]
    fn party_marks() {
        for m in ["D-Md.", "R-Texas", "D-N.Y.", "I", "R–S.C."] {
            assert!(is_party_mark(m), "{m}");
        }
        for m in ["DNA", "D-", "2023", "d-md", "AP"] {
            assert!(!is_party_mark(m), "{m}");
        }
    }

    #[test]
    fn a_party_bracket_names_a_legislator() {
        assert_eq!(
            mentions("The motion was backed by Ilka Brandvold (D-Md.) and Tovi Kalmar (R-Texas)."),
            ["Ilka Brandvold", "Tovi Kalmar"]
        );
        assert!(mentions("It was sent to Harbour Freight (HF) and others.").is_empty());
    }
}
