//! The contested-characterisation detector: a charged word or phrase from charged.txt outside
//! quotations ("regime", "terrorist").

use super::checkable::Claim;
use crate::Span;

/// The first charged phrase outside quotations.
pub(crate) fn characterisation(c: &Claim) -> Option<(Span, String)> {
    let base = c.s.span.start;
    let m = c.doc.find_first_in(&c.lex.charged, c.s.span.clone(), |m| c.outside(&(base + m.span.start..base + m.span.end)))?;
    let key = base + m.span.start..base + m.span.end;
    Some((key.clone(), format!("\"{}\" is a contested characterisation with no source — who says so?", &c.ctext[key])))
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_charged_word_outside_quotations() {
        assert_eq!(findings("The attack on the village was unprovoked and brutal."), [(Code::UnattributedClaim, "unprovoked".into())]);
    }
}
