//! The check ledger's pure part: what a recorded check is ([`Entry`]), a finding's anchor
//! ([`anchor`]), how alike two sentences are ([`similarity`]) and which check belongs to which
//! finding of a document ([`matching`]). No I/O: reading and writing the ledger file is the
//! binary's job (`src/ledger`).

pub mod anchor;
pub mod matching;
pub mod similarity;

use crate::Code;

/// What a fact-checker decided about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckStatus {
    /// The claim was verified (or its sourcing found sufficient).
    Checked,
    /// Not a claim, or the source is fine: the finding is not wanted.
    Dismissed,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Checked => "checked",
            CheckStatus::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<CheckStatus> {
        match s {
            "checked" => Some(CheckStatus::Checked),
            "dismissed" => Some(CheckStatus::Dismissed),
            _ => None,
        }
    }
}

/// One recorded check. Anchored by path, code and sentence text — never by line numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Workspace-relative, `/`-separated.
    pub path: String,
    pub code: Code,
    /// The finding's sentence, normalised ([`anchor::normalise`]); kept so that a lightly
    /// edited sentence can be re-anchored.
    pub sentence: String,
    /// [`anchor::fingerprint`] of the sentence and the code.
    pub anchor: String,
    pub status: CheckStatus,
    pub checker: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub note: String,
    /// Where the claim was checked (a source URL); may be empty.
    pub url: String,
    /// Why the finding was dismissed; empty for checks.
    pub reason: String,
    /// A ClaimReview-style verdict ("true", "misleading" …), when the desk gives one.
    pub verdict: Option<String>,
    /// A numeric rating of the claim on the ClaimReview scale of 1 (false) to 5 (true), when
    /// the desk gives one.
    pub rating: Option<u8>,
}

/// The ClaimReview rating scale of [`Entry::rating`]: worst and best.
pub const RATING_SCALE: (u8, u8) = (1, 5);

/// The path of a check recorded under `path` after the article or folder `from` was renamed to
/// `to` (workspace-relative, `/`-separated): `to` itself when `path` is `from`, `to/rest` when
/// `path` is `from/rest` (a folder renamed), `None` when the rename does not concern it.
pub fn renamed_path(path: &str, from: &str, to: &str) -> Option<String> {
    let (from, to) = (from.trim_end_matches('/'), to.trim_end_matches('/'));
    if from.is_empty() || to.is_empty() {
        return None;
    }
    if path == from {
        return Some(to.to_string());
    }
    let rest = path.strip_prefix(from)?.strip_prefix('/')?;
    Some(format!("{to}/{rest}"))
}

impl Entry {
    /// A new entry for the finding of `code` on `sentence` (the sentence as it stands in the
    /// article; it is normalised here). Status `checked`; the other fields empty.
    pub fn new(path: &str, code: Code, sentence: &str) -> Entry {
        let sentence = anchor::normalise(sentence);
        Entry {
            path: path.to_string(),
            code,
            anchor: anchor::fingerprint(&sentence, code.as_str()),
            sentence,
            status: CheckStatus::Checked,
            checker: String::new(),
            at: String::new(),
            note: String::new(),
            url: String::new(),
            reason: String::new(),
            verdict: None,
            rating: None,
        }
    }

    /// The ledger's stable order: path, then sentence, then code (then anchor, so that two
    /// entries differing only by a hand-edited anchor still sort the same way every time).
    pub fn sort_key(&self) -> (&str, &str, &str, &str) {
        (&self.path, &self.sentence, self.code.as_str(), &self.anchor)
    }

    /// Whether `other` records a check of the same finding (same path, code and anchor).
    pub fn same_finding(&self, other: &Entry) -> bool {
        self.path == other.path && self.code == other.code && self.anchor == other.anchor
    }
}

#[cfg(test)]
mod tests {
    use super::renamed_path;

    #[test]
    fn a_renamed_file_moves_its_own_checks_only() {
        assert_eq!(renamed_path("news/a.txt", "news/a.txt", "news/b.txt").as_deref(), Some("news/b.txt"));
        assert_eq!(renamed_path("news/a.txt.bak", "news/a.txt", "news/b.txt"), None);
        assert_eq!(renamed_path("news/ab.txt", "news/a", "news/b"), None);
        assert_eq!(renamed_path("other/a.txt", "news/a.txt", "news/b.txt"), None);
    }

    #[test]
    fn a_renamed_folder_moves_everything_under_it() {
        assert_eq!(renamed_path("news/a.txt", "news", "archive/2026").as_deref(), Some("archive/2026/a.txt"));
        assert_eq!(renamed_path("news/x/a.md", "news/", "old/").as_deref(), Some("old/x/a.md"));
        assert_eq!(renamed_path("newsroom/a.txt", "news", "old"), None);
        assert_eq!(renamed_path("news/a.txt", "", "old"), None);
        assert_eq!(renamed_path("news/a.txt", "news", ""), None);
    }
}
