//! Which recorded check belongs to which finding of one document.
//!
//! 1. **Exact**: a finding whose anchor (normalised sentence + code) equals an entry's is
//!    *matched* by it — every such finding (a sentence repeated word for word is one claim).
//! 2. **Similar**: the remaining findings and entries of the same code are paired, most alike
//!    first, one to one. A pair at or above [`REANCHOR`] whose edit was light (words only added
//!    or respelled, the same figures and negations: [`Comparison::same_claim`]) is
//!    *re-anchored* (still checked); any other pair at or above [`STALE`] is *stale* (the text
//!    changed in substance since it was checked: the finding is open again, and says so).
//!
//! [`REANCHOR`]: super::similarity::REANCHOR
//! [`Comparison::same_claim`]: super::similarity::Comparison::same_claim
//! 3. **Copies**: a finding still open that is like an entry already matched word for word
//!    elsewhere in the document (the article repeats the sentence, and one copy was edited) is
//!    re-anchored or stale by the same rule; the entry stays matched by the unchanged copy.
//! 4. Entries left over are **orphans**: their sentence is gone (or no longer a finding). They
//!    are reported, never dropped.

use std::collections::HashMap;

use super::Entry;
use super::anchor::{fingerprint, normalise};
use super::similarity::{STALE, Tokens, compare};
use crate::Code;

/// A finding as the matcher sees it: its code and its sentence as it stands in the text.
#[derive(Clone, Copy, Debug)]
pub struct Probe<'a> {
    pub code: Code,
    pub sentence: &'a str,
}

/// What the ledger says about one finding. `entry` is the id the entry was passed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No check recorded: the finding is open.
    Open,
    /// Checked (or dismissed) on exactly this text.
    Matched { entry: usize },
    /// Checked on a lightly edited version of this text: still counts.
    Reanchored { entry: usize },
    /// Checked on a text that has since changed in substance: open again.
    Stale { entry: usize },
}

impl Outcome {
    pub fn entry(self) -> Option<usize> {
        match self {
            Outcome::Open => None,
            Outcome::Matched { entry } | Outcome::Reanchored { entry } | Outcome::Stale { entry } => Some(entry),
        }
    }

    /// Whether the check still holds for the finding (matched or re-anchored).
    pub fn holds(self) -> bool {
        matches!(self, Outcome::Matched { .. } | Outcome::Reanchored { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocMatch {
    /// One per finding, in the order given.
    pub outcomes: Vec<Outcome>,
    /// Ids of the entries that match no finding, ascending.
    pub orphans: Vec<usize>,
}

/// Match the checks recorded for one document (`entries`, with ids of the caller's choosing)
/// against its findings. Entries should all be of that document's path; the path is not
/// looked at here.
pub fn match_document<'e>(entries: impl IntoIterator<Item = (usize, &'e Entry)>, findings: &[Probe]) -> DocMatch {
    let mut entries: Vec<(usize, &Entry)> = entries.into_iter().collect();
    entries.sort_by_key(|(id, _)| *id);
    let mut by_anchor: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (_, e)) in entries.iter().enumerate() {
        by_anchor.entry(e.anchor.as_str()).or_default().push(k);
    }
    let mut used = vec![false; entries.len()];
    let mut exact = vec![false; entries.len()];
    let normalised: Vec<String> = findings.iter().map(|f| normalise(f.sentence)).collect();
    let mut outcomes: Vec<Outcome> = findings
        .iter()
        .zip(&normalised)
        .map(|(f, n)| match by_anchor.get(fingerprint(n, f.code.as_str()).as_str()) {
            Some(ks) => {
                ks.iter().for_each(|&k| {
                    used[k] = true;
                    exact[k] = true;
                });
                Outcome::Matched { entry: entries[ks[0]].0 }
            }
            None => Outcome::Open,
        })
        .collect();

    // Similar sentences, most alike first, one to one.
    let open: Vec<usize> = (0..findings.len()).filter(|&i| outcomes[i] == Outcome::Open).collect();
    let left: Vec<usize> = (0..entries.len()).filter(|&k| !used[k]).collect();
    if !open.is_empty() && !entries.is_empty() {
        let finding_tokens: HashMap<usize, Tokens> = open.iter().map(|&i| (i, Tokens::of(&normalised[i]))).collect();
        let mut pairs = Vec::new();
        let copies = (0..entries.len()).filter(|&k| exact[k]);
        for k in left.iter().copied().chain(copies) {
            let e = entries[k].1;
            let et = Tokens::of(&e.sentence);
            for &i in &open {
                if findings[i].code != e.code {
                    continue;
                }
                let c = compare(&et, &finding_tokens[&i]);
                if c.dice >= STALE {
                    pairs.push((c, k, i));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.dice.total_cmp(&a.0.dice).then(b.0.same_claim().cmp(&a.0.same_claim())).then((a.1, a.2).cmp(&(b.1, b.2))));
        // Entries not yet matched first, then copies of matched sentences.
        pairs.sort_by_key(|p| exact[p.1]);
        for (c, k, i) in pairs {
            if (used[k] && !exact[k]) || outcomes[i] != Outcome::Open {
                continue;
            }
            used[k] = true;
            let entry = entries[k].0;
            outcomes[i] = if c.same_claim() { Outcome::Reanchored { entry } } else { Outcome::Stale { entry } };
        }
    }
    let orphans = (0..entries.len()).filter(|&k| !used[k]).map(|k| entries[k].0).collect();
    DocMatch { outcomes, orphans }
}
