//! The appositive piece: ", Putin’s spokesman," between a name and its verb ("Dmitry Peskov,
//! Putin’s spokesman, told"), and whether the source phrase reaches over it.

use super::Ctx;
use super::titles::abbreviation;
use super::words::{PARTICLES, RELATIVE};
use crate::document::Word;

/// The appositive ", … ," that ends right before word `j` (a comma there and an earlier comma
/// within twenty words, with no other punctuation but an apostrophe or an abbreviation's full
/// stop between): its word range. Two in a row count as one when the second is a relative
/// clause: "Prof Jane Roe, director of the centre, who leads the study, says".
pub(crate) fn appositive_before(ctx: &Ctx, words: &[Word], j: usize) -> Option<std::ops::Range<usize>> {
    let app = one_appositive_before(ctx, words, j)?;
    let k = app.start;
    if k >= 2
        && RELATIVE.contains(&ctx.lw(&words[k]))
        && let Some(outer) = one_appositive_before(ctx, words, k)
    {
        return Some(outer.start..j);
    }
    Some(app)
}

/// One appositive ending right before word `j` (see [`appositive_before`]).
fn one_appositive_before(ctx: &Ctx, words: &[Word], j: usize) -> Option<std::ops::Range<usize>> {
    let gap = ctx.gap(words[j - 1].span.end, words[j.min(words.len() - 1)].span.start);
    if gap.trim() != "," {
        // ", the Kremlin said" style without a second comma: the phrase right before.
        return None;
    }
    let mut k = j - 1;
    while k > 0 && j - k < 20 {
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim().to_string();
        if g == "," {
            return Some(k..j);
        }
        if !g.is_empty() && g != "’" && g != "'" && !(g == "." && abbreviation(ctx, &words[k - 1])) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Whether the source phrase `np` before appositive `app` reaches over it: the name is in the
/// appositive ("the top general, Jane Doe, said"), or a bare name in it names the role before
/// it ("the minister's spokesman, Jane Roe, said").
pub(crate) fn spans_appositive(ctx: &Ctx, words: &[Word], np: std::ops::Range<usize>, app: &std::ops::Range<usize>) -> bool {
    let (start, end) = (np.start, np.end);
    let has_cap = (start..end).any(|i| ctx.is_cap(&words[i]) && !(i == 0 && ctx.lex.function_words.contains(ctx.w(&words[i]))));
    // A relative or participle clause is not an appositive name: "Councillor Jane Roe, who
    // voted against, said"; "several staff members, speaking privately, said".
    let first_app = ctx.lw(&words[app.start]);
    let app_names = (app.start..app.end).any(|i| ctx.is_cap(&words[i])) && !RELATIVE.contains(&first_app) && !first_app.ends_with("ing");
    if !has_cap && app_names {
        return true;
    }
    // A bare name in the appositive names the role before it: "the minister's spokesman,
    // Jane Roe, said".
    let bare_name = app.len() <= 5
        && (app.start..app.end).all(|i| ctx.is_cap(&words[i]) || PARTICLES.contains(&ctx.lw(&words[i])))
        && ctx.is_cap(&words[app.start]);
    bare_name && ctx.doc.is(&words[end - 1], crate::document::class::SOURCE_ROLE)
}

#[cfg(test)]
mod tests {

    use crate::attribution::fixtures::source_of;

    #[test]
    fn a_bare_name_in_the_appositive_names_the_role_before_it() {
        let t = "The minister's spokesman, Jane Roe, said the talks were over.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("The minister's spokesman, Jane Roe"));
    }

    #[test]
    fn a_role_then_a_relative_clause_before_the_verb() {
        let t = "Prof Jane Roe, director of the Harbour Centre, who leads the study, says the port will close.";
        assert_eq!(source_of(t, "says").and_then(|s| s.0).as_deref(), Some("Prof Jane Roe"));
    }

    #[test]
    fn a_relative_clause_is_no_appositive() {
        let t = "Councillor Jane Roe, who voted against, said the plan was rushed.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("Councillor Jane Roe"));
    }
}
