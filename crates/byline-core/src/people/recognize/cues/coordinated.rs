//! Cue: a name coordinated with a person's name ("Ajit Pai and Michael O'Rielly", "the prize
//! went to Maria Lopez and Sowmyan Jegatheesan"): two names of two or three words joined by
//! "and" (or a list of them, with commas) name people when one of them is a person by its own
//! cues. A given name that the
//! lists lack is the commonest reason a name has no cue of its own.

use crate::people::recognize::{Ctx, LOWER_USED, Piece};

/// Marks strong each weak piece of two or three words in a list of names joined by commas and
/// "and" ("A B, C D and E F") that holds a strong piece of two words or more.
pub fn coordinated(ctx: &Ctx, pieces: &mut [Piece]) {
    let joiner = |a: &Piece, b: &Piece| -> Option<bool> {
        let gap = &ctx.text[ctx.toks[a.toks.end - 1].raw_end..ctx.toks[b.toks.start].start];
        match gap {
            " and " | ", and " => Some(true),
            ", " => Some(false),
            _ => None,
        }
    };
    let named = |p: &Piece| !p.rejected && p.words >= 2 && p.words <= 3;
    let mut i = 0;
    while i < pieces.len() {
        // The list starting at piece i: pieces joined one to the next.
        let mut j = i;
        let mut and = false;
        while j + 1 < pieces.len() && named(&pieces[j]) && named(&pieces[j + 1]) {
            match joiner(&pieces[j], &pieces[j + 1]) {
                Some(a) => and |= a,
                None => break,
            }
            j += 1;
        }
        if j > i && and && pieces[i..=j].iter().any(|p| p.strong) {
            for p in &mut pieces[i..=j] {
                if p.weak && p.toks.clone().all(|k| !ctx.has(k, LOWER_USED)) {
                    p.strong = true;
                    p.weak = false;
                }
            }
        }
        i = j + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_name_joined_to_a_person_by_and_is_a_person() {
        assert_eq!(mentions("The board will be led by Okwuosa Thrane and Michael Vessberg."), ["Okwuosa Thrane", "Michael Vessberg"]);
        assert_eq!(mentions("The prize went to Michael Vessberg and Okwuosa Thrane."), ["Michael Vessberg", "Okwuosa Thrane"]);
        assert_eq!(
            mentions("The winners were Okwuosa Thrane, Sagufta Omondi and Michael Vessberg."),
            ["Okwuosa Thrane", "Sagufta Omondi", "Michael Vessberg"]
        );
        // Not a lone word, nor across another conjunction.
        assert_eq!(mentions("Shares of Vessberg and Michael Thrane rose."), ["Michael Thrane"]);
    }
}
