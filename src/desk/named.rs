//! `[sources] named`: bodies and phrases the desk accepts as named sources. A vague or anonymous
//! finding whose source phrase is one of them is not reported — by `byline check`, `byline
//! report` and the language server alike — so that *Treat "…" as a named source in this
//! workspace* takes effect at once. This is applied to the findings, not to the analysis: the
//! attribution rules stay the core's, and the ledger still sees every finding (a check of a
//! finding that a named source now covers is not an orphan).

use byline_core::{Code, Finding};

/// The named sources of a desk, normalised once for matching.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NamedSources {
    /// Each entry as words, lower case (empty entries dropped).
    names: Vec<Vec<String>>,
}

/// The words of a phrase as they are compared: lower case, split at anything that is not a
/// letter, digit or apostrophe (so spacing, punctuation and curly quotes do not matter).
fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

impl NamedSources {
    pub fn new(named: &[String]) -> NamedSources {
        NamedSources { names: named.iter().map(|n| words(n)).filter(|w| !w.is_empty()).collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether the source phrase `phrase` names one of the desk's sources: one of them appears
    /// in it as whole words ("the Valley Statistics Office" in "according to the valley
    /// statistics office").
    pub fn names(&self, phrase: &str) -> bool {
        if self.names.is_empty() {
            return false;
        }
        let said = words(phrase);
        self.names.iter().any(|n| said.windows(n.len()).any(|w| w == n.as_slice()))
    }

    /// Whether `finding` (of the article `text`) is a vague or anonymous attribution whose source
    /// phrase the desk accepts as named, and so is not reported.
    pub fn covers(&self, finding: &Finding, text: &str) -> bool {
        matches!(finding.code, Code::VagueAttribution | Code::AnonymousSource)
            && text.get(finding.key.clone()).is_some_and(|phrase| self.names(phrase))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(list: &[&str]) -> NamedSources {
        NamedSources::new(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_name_matches_as_whole_words_whatever_the_case_and_punctuation() {
        let n = named(&["Critics say", "the Valley Statistics Office", "  "]);
        assert!(n.names("critics say"));
        assert!(n.names("“Critics  say,”"));
        assert!(n.names("according to the valley statistics office"));
        assert!(!n.names("critics said"), "another verb form is another phrase");
        assert!(!n.names("statistics office"), "part of a name is not the name");
        assert!(!n.names("hypercritics say"));
        assert!(!named(&[]).names("critics say"));
        assert!(named(&["  "]).is_empty());
    }

    #[test]
    fn only_vague_and_anonymous_findings_are_covered() {
        let text = "Critics say the bridge will cost $9 million.";
        let key = 0.."Critics say".len();
        let finding = |code| Finding { span: 0..text.len(), code, message: String::new(), key: key.clone() };
        let n = named(&["critics say"]);
        assert!(n.covers(&finding(Code::VagueAttribution), text));
        assert!(n.covers(&finding(Code::AnonymousSource), text));
        assert!(!n.covers(&finding(Code::UnattributedClaim), text));
        assert!(!named(&["officials"]).covers(&finding(Code::VagueAttribution), text));
    }
}
