//! A cheap first test of "is this word one of the known surnames" (see [`Shapes`]).

use crate::people::lexicon::FxHashSet;

/// The first letter and length of each ASCII surname: most capitalised words differ from every
/// surname in one or the other, and are told so without lower-casing them and a hash look-up.
pub(super) struct Shapes([u64; 128]);

impl Shapes {
    pub(super) fn of(surnames: &FxHashSet<String>) -> Shapes {
        let mut shapes = Shapes([0; 128]);
        for s in surnames.iter().filter(|s| s.is_ascii()) {
            if let Some(&b) = s.as_bytes().first() {
                shapes.0[b as usize] |= 1 << s.len().min(63);
            }
        }
        shapes
    }

    /// Whether the lower-case form of `w` may be one of the surnames (`false` only when it
    /// cannot: an ASCII word's lower-case form has its length and its first letter lowered).
    pub(super) fn may_be(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) if w.is_ascii() => self.0[b.to_ascii_lowercase() as usize] & (1 << w.len().min(63)) != 0,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::people::lexicon::FxHashSet;

    #[test]
    fn shapes_never_turn_away_a_surname() {
        let surnames: FxHashSet<String> = ["rider", "still", "müller", "o'neil", ""].map(String::from).into_iter().collect();
        let shapes = super::Shapes::of(&surnames);
        for w in ["Rider", "RIDER", "rider", "Still", "Müller", "O'Neil"] {
            assert!(shapes.may_be(w), "{w}");
        }
        assert!(!shapes.may_be("Hall") && !shapes.may_be("Riders"));
    }
}
