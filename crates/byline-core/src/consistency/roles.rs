//! Roles across articles: whether the role one article gives a person conflicts with the role
//! another article gives them. Information only — titles change, and a desk wants to see when
//! today's copy calls someone by a different title than the latest story did.
//!
//! Two roles are *compatible* when one is the other with words added: "Minister" and
//! "Transport Minister", "the transport minister" and "Transport Minister", "spokesman" and
//! "Kremlin spokesman". Anything else is different ("Health Minister" and "Finance Minister").
//! Articles and possessive determiners are ignored, so are case and punctuation.

/// Words that do not change what a role is ("the minister", "his spokesman").
const IGNORED: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

/// The words of a role that matter: lower-case, punctuation trimmed, articles and possessive
/// determiners dropped.
pub fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .map(|w| w.replace('’', "'"))
        .filter(|w| !w.is_empty() && !IGNORED.contains(&w.as_str()))
        .collect()
}

/// Whether `a` and `b` name the same role, one perhaps with more words: the shorter one's words
/// appear, in order, among the longer one's. A role with no words left is compatible with any.
pub fn compatible(a: &str, b: &str) -> bool {
    let (a, b) = (role_words(a), role_words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// A role of this article against the roles of the most recent other article: the first role
/// here and the first there when *no* role here is compatible with any role there (an article
/// that calls someone "MP" and "Health Minister" does not conflict with one that says "Health
/// Minister"). `None` when either side gives no role.
pub fn conflict<'h, 't>(here: &[&'h str], there: &[&'t str]) -> Option<(&'h str, &'t str)> {
    let (first_here, first_there) = (here.first()?, there.first()?);
    let any_compatible = here.iter().any(|h| there.iter().any(|t| compatible(h, t)));
    (!any_compatible).then_some((*first_here, *first_there))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_with_words_added_is_compatible() {
        assert!(compatible("Minister", "Transport Minister"));
        assert!(compatible("the transport minister", "Transport Minister"));
        assert!(compatible("Kremlin spokesman", "spokesman"));
        assert!(compatible("deputy mayor of Eastbridge", "deputy mayor"));
        assert!(compatible("former harbour master", "harbour master"));
    }

    #[test]
    fn different_roles_are_not_compatible() {
        assert!(!compatible("Health Minister", "Finance Minister"));
        assert!(!compatible("chief executive", "chairman"));
        // The words of the shorter role must keep their order in the longer one.
        assert!(!compatible("minister transport", "transport minister of state"));
    }

    #[test]
    fn case_articles_and_punctuation_do_not_count() {
        assert_eq!(role_words("the Harbour-Master, Eastbridge"), vec!["harbour-master", "eastbridge"]);
        assert!(compatible("His spokeswoman", "spokeswoman"));
    }

    #[test]
    fn a_conflict_needs_no_compatible_pair_at_all() {
        assert_eq!(conflict(&["Finance Minister"], &["Health Minister"]), Some(("Finance Minister", "Health Minister")));
        assert_eq!(conflict(&["MP", "Health Minister"], &["health minister"]), None);
        assert_eq!(conflict(&["Minister"], &["Transport Minister"]), None);
        assert_eq!(conflict(&[], &["Transport Minister"]), None);
        assert_eq!(conflict(&["Transport Minister"], &[]), None);
    }
}
