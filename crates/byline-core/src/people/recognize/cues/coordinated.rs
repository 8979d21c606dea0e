//! Cue: a name coordinated with a person's name ("Ajit Pai and Michael O'Rielly", "the prize
//! went to Maria Lopez and Sowmyan Jegatheesan"): two names of two or three words joined by
//! "and" name two people when one of them is a person by its own cues. A given name that the
//! lists lack is the commonest reason a name has no cue of its own.

use crate::people::recognize::{Ctx, LOWER_USED, Piece};

/// Marks strong each weak piece of two or three words joined by "and" to a strong one of two
/// words or more.
pub fn coordinated(ctx: &Ctx, pieces: &mut [Piece]) {
    for i in 0..pieces.len().saturating_sub(1) {
        let (a, b) = (&pieces[i], &pieces[i + 1]);
        if a.rejected || b.rejected || a.words < 2 || b.words < 2 || a.strong == b.strong {
            continue;
        }
        let gap = &ctx.text[ctx.toks[a.toks.end - 1].raw_end..ctx.toks[b.toks.start].start];
        if !matches!(gap, " and " | ", and ") {
            continue;
        }
        let weak = if a.strong { i + 1 } else { i };
        let w = &pieces[weak];
        let plain = w.toks.clone().all(|k| !ctx.has(k, LOWER_USED));
        if w.weak && (2..=3).contains(&w.words) && plain {
            let w = &mut pieces[weak];
            w.strong = true;
            w.weak = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_name_joined_to_a_person_by_and_is_a_person() {
        assert_eq!(mentions("The board will be led by Okwuosa Thrane and Michael Vessberg."), ["Okwuosa Thrane", "Michael Vessberg"]);
        assert_eq!(mentions("The prize went to Michael Vessberg and Okwuosa Thrane."), ["Michael Vessberg", "Okwuosa Thrane"]);
        // Not a lone word, nor across another conjunction.
        assert_eq!(mentions("Shares of Vessberg and Michael Thrane rose."), ["Michael Thrane"]);
    }
}
