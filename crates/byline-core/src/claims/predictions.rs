//! The prediction detector: a prediction or intention from predictions.txt outside quotations
//! ("is expected to", "will").

use super::checkable::Claim;
use super::short;
use crate::Span;

/// The first prediction phrase outside quotations, quoted to the end of the sentence.
pub(crate) fn prediction(c: &Claim) -> Option<(Span, String)> {
    let base = c.s.span.start;
    let m = c.doc.find_first_in(&c.lex.predictions, c.s.span.clone(), |m| c.outside(&(base + m.span.start..base + m.span.end)))?;
    let key = base + m.span.start..base + m.span.end;
    let phrase = short(&c.ctext[key.start..c.s.span.end], 7);
    Some((key, format!("Prediction with no source: \"{phrase}\" — who expects this?")))
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_prediction_with_no_source() {
        assert_eq!(findings("The new bridge is likely to open late next spring."), [(Code::UnattributedClaim, "is likely".into())]);
    }
}
