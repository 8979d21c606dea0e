//! A finding's anchor: the normalised text of its sentence, hashed with its code. It stays the
//! same when the article is edited elsewhere (no line numbers in it), so CI systems (SARIF
//! `partialFingerprints`) can follow a finding across commits and the check ledger can find the
//! finding a check was recorded for.

/// The sentence with case, runs of spaces and the typographic variants of quotes, apostrophes
/// and dashes folded, so that re-wrapping a line or curling a quote keeps the anchor.
pub fn normalise(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut space = false;
    for c in sentence.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// 64-bit FNV-1a of the normalised sentence and the code, as 16 hex digits.
pub fn fingerprint(sentence: &str, code: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalise(sentence).bytes().chain([0]).chain(code.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_and_typography_do_not_change_the_anchor() {
        let a = fingerprint("It is feared that the bridge\n  will close.", "vague-attribution");
        let b = fingerprint("It is feared that the bridge will close.", "vague-attribution");
        let c = fingerprint("IT IS FEARED that the bridge will close.", "vague-attribution");
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(fingerprint("“We won’t”", "x"), fingerprint("\"We won't\"", "x"));
    }

    #[test]
    fn another_text_or_code_changes_it() {
        let a = fingerprint("It is feared that the bridge will close.", "vague-attribution");
        assert_ne!(a, fingerprint("It is feared that the tunnel will close.", "vague-attribution"));
        assert_ne!(a, fingerprint("It is feared that the bridge will close.", "unattributed-claim"));
        assert_eq!(a.len(), 16);
    }
}
