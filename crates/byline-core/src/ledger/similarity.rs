//! How alike two normalised sentences are, and whether they state the same facts.
//!
//! Similarity is the Sørensen–Dice coefficient over the sentences' word tokens (runs of letters
//! and digits, as multisets): `2·|A∩B| / (|A|+|B|)`, 1.0 for the same words in any order, 0.0 for
//! no word in common. It ignores punctuation, case and spacing (the sentences are normalised).
//!
//! A sentence whose figures or negations changed is never the same sentence, however alike:
//! "at least 240 people" and "at least 340 people" differ by one token of twenty, but a check of
//! the one is not a check of the other. [`Comparison::same_facts`] says whether the multisets of
//! figure tokens (any token with a digit, or a number word) and of negations are equal.
//!
//! Nor is a sentence with a word replaced or removed: "voted against" and "voted for" are one
//! word apart. [`Comparison::light`] holds when the edit only *added* words, re-spaced or
//! re-punctuated, or fixed spellings (each removed word has an added one at most two letters
//! away, both at least four letters long: "goverment" → "government").

/// At or above this similarity (with the same facts) a check is moved to the edited sentence:
/// a light edit (a word added, a typo fixed, punctuation changed).
pub const REANCHOR: f64 = 0.8;
/// At or above this similarity (and below [`REANCHOR`], or with other facts) the check is
/// stale: the finding comes back, saying its text changed since it was checked.
pub const STALE: f64 = 0.5;

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "half",
    "quarter",
    "third",
    "dozen",
    "dozens",
    "double",
    "doubled",
    "triple",
    "tripled",
    "percent",
    "per",
    "cent",
];
/// "t" is what is left of "n't" once the apostrophe splits the word.
const NEGATIONS: &[&str] = &["not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "cannot", "t", "without"];

/// A sentence's tokens, sorted, with its figures and negations (sorted) apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tokens {
    words: Vec<String>,
    facts: Vec<String>,
}

impl Tokens {
    pub fn of(normalised: &str) -> Tokens {
        let mut words: Vec<String> =
            normalised.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
        words.sort_unstable();
        let mut facts: Vec<String> = words
            .iter()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str()) || NEGATIONS.contains(&w.as_str()))
            .cloned()
            .collect();
        facts.sort_unstable();
        Tokens { words, facts }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// Dice coefficient of the word multisets, 0.0..=1.0.
    pub dice: f64,
    /// The same figures and negations on both sides.
    pub same_facts: bool,
    /// From the first to the second, words were only added (or respelled): none replaced or
    /// removed.
    pub light: bool,
}

impl Comparison {
    /// Close enough, and changed lightly enough, to be the same claim.
    pub fn same_claim(&self) -> bool {
        self.dice >= REANCHOR && self.same_facts && self.light
    }
}

/// The common words of two sorted multisets, the words only in the first, only in the second.
fn diff<'a>(a: &'a [String], b: &'a [String]) -> (usize, Vec<&'a str>, Vec<&'a str>) {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        let ord = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match ord {
            std::cmp::Ordering::Less => {
                removed.push(a[i].as_str());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                added.push(b[j].as_str());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (common, removed, added)
}

/// Levenshtein distance in characters, stopping early past `limit`.
fn distance_within(a: &str, b: &str, limit: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > limit) {
            return false;
        }
        prev = cur;
    }
    prev[b.len()] <= limit
}

fn respelled(removed: &str, added: &[&str]) -> bool {
    removed.chars().count() >= 4 && added.iter().any(|w| w.chars().count() >= 4 && distance_within(removed, w, 2))
}

pub fn compare(a: &Tokens, b: &Tokens) -> Comparison {
    let (common, removed, added) = diff(&a.words, &b.words);
    let total = a.words.len() + b.words.len();
    let dice = if total == 0 { 1.0 } else { 2.0 * common as f64 / total as f64 };
    Comparison { dice, same_facts: a.facts == b.facts, light: removed.iter().all(|r| respelled(r, &added)) }
}

/// [`compare`] on two normalised sentences.
pub fn compare_text(a: &str, b: &str) -> Comparison {
    compare(&Tokens::of(a), &Tokens::of(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_are_alike_whatever_the_punctuation() {
        let c = compare_text("it is feared that the bridge will close.", "it is feared, that the bridge will close");
        assert_eq!(c.dice, 1.0);
        assert!(c.same_facts);
    }

    #[test]
    fn one_word_added_is_a_light_edit() {
        let c =
            compare_text("it is feared that the bridge will close next week.", "it is feared that the old bridge will close next week.");
        assert!(c.same_claim(), "{c:?}");
    }

    #[test]
    fn a_replaced_or_removed_word_is_not_light_but_a_spelling_fix_is() {
        let a = "the senator voted against the bill on the floor of the house last night.";
        let c = compare_text(a, "the senator voted for the bill on the floor of the house last night.");
        assert!(c.dice >= REANCHOR && !c.light && !c.same_claim(), "{c:?}");
        let c = compare_text(a, "the senator voted the bill on the floor of the house last night.");
        assert!(!c.light, "{c:?}");
        let c = compare_text(
            "the goverment voted against the bill on the floor of the house.",
            "the government voted against the bill on the floor of the house.",
        );
        assert!(c.same_claim(), "{c:?}");
    }

    #[test]
    fn a_changed_figure_or_negation_is_another_fact() {
        let a = "at least 240 people were evacuated from the valley on tuesday.";
        assert!(!compare_text(a, "at least 340 people were evacuated from the valley on tuesday.").same_facts);
        assert!(!compare_text(a, "at least 240 people were not evacuated from the valley on tuesday.").same_facts);
        assert!(!compare_text("the mayor didn't resign.", "the mayor did resign.").same_facts);
        assert!(!compare_text("three people died.", "four people died.").same_facts);
    }

    #[test]
    fn unrelated_sentences_are_not_alike() {
        let c = compare_text("the council approved the budget.", "rain is expected across the north on friday.");
        assert!(c.dice < STALE, "{c:?}");
    }
}
