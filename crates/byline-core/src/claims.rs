//! Claim findings: sentences that need a source.

use crate::Span;

/// The diagnostic codes byline reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    UnattributedClaim,
    VagueAttribution,
    AnonymousSource,
    UnattributedQuote,
}

impl Code {
    pub const ALL: [Code; 4] =
        [Code::UnattributedClaim, Code::VagueAttribution, Code::AnonymousSource, Code::UnattributedQuote];

    /// The code as it appears in diagnostics: `unattributed-claim` etc.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "unattributed-claim",
            Code::VagueAttribution => "vague-attribution",
            Code::AnonymousSource => "anonymous-source",
            Code::UnattributedQuote => "unattributed-quote",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The severity a finding of this code has unless the user configures another.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::AnonymousSource => Severity::Information,
            _ => Severity::Warning,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "info",
            Severity::Hint => "hint",
        }
    }
}

/// One sentence that needs a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The whole sentence.
    pub span: Span,
    pub code: Code,
    /// What is missing, in an editor's words, quoting the key phrase.
    pub message: String,
    /// The key phrase the message quotes (a figure, the vague cue, the quotation).
    pub key: Span,
}

/// Decide which sentences need a source. At most one finding per sentence.
pub fn find(
    _text: &str,
    _sentences: &[crate::sentences::Sentence],
    _quotes: &[crate::quotes::Quote],
    _attributions: &[crate::attribution::Attribution],
    _lex: &crate::lexicon::Lexicon,
) -> Vec<Finding> {
    Vec::new()
}
