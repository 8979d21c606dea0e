//! Word lists the attribution patterns share: pronouns, forms of "be", auxiliaries, determiners,
//! relative pronouns, conjunctions and the words that end a noun phrase ([`WordList`]s: asked
//! about most words the patterns walk over).

use super::word_list::WordList;

pub(crate) const PRONOUNS: WordList = WordList::new(&["he", "she", "they", "him", "her", "them", "it", "i", "we"]);
pub(crate) const BE: WordList = WordList::new(&["is", "are", "was", "were", "been", "being", "be"]);
pub(crate) const AUX: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "also",
    "later",
    "earlier",
    "previously",
    "again",
    "then",
    "repeatedly",
    "already",
    "once",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "not",
    "never",
    "today",
    "yesterday",
    "publicly",
    "privately",
    "separately",
    "further",
    "simply",
    "all",
    "both",
    "each",
    "jointly",
    "flatly",
    "angrily",
    "firmly",
    "recently",
    "since",
    "now",
    "clearly",
    "had",
]);
pub(crate) const NOUN_BEFORE: WordList = WordList::new(&[
    "the", "a", "an", "to", "of", "these", "those", "his", "her", "its", "their", "our", "my", "such", "any", "no", "new", "this", "your",
    "whose", "and", "or", "against", "about", "over", "on", "with", "without", "for",
]);
pub(crate) const PRIVATE: WordList =
    WordList::new(&["call", "phone", "telephone", "phoned", "private", "privately", "closed-door", "conversation"]);
pub(crate) const CONTRACTED: WordList =
    WordList::new(&["it's", "that's", "he's", "she's", "there's", "who's", "what's", "here's", "where's", "let's"]);
pub(crate) const FINITE_AUX: WordList =
    WordList::new(&["has", "have", "had", "will", "would", "could", "did", "does", "do", "also", "now"]);
pub(crate) const MODALS: WordList = WordList::new(&["would", "will", "could", "should", "might", "must", "can", "shall", "may"]);
pub(crate) const PARTICLES: WordList =
    WordList::new(&["von", "van", "der", "den", "de", "la", "le", "du", "da", "al", "el", "bin", "ibn", "di", "dos", "das"]);
pub(crate) const RELATIVE: WordList = WordList::new(&["that", "which", "what", "who", "whom", "whose"]);
pub(crate) const CONJ: WordList = WordList::new(&[
    "and",
    "but",
    "as",
    "while",
    "so",
    "because",
    "although",
    "though",
    "when",
    "after",
    "before",
    "since",
    "if",
    "however",
    "meanwhile",
    "yet",
    "also",
    "now",
    "then",
    "still",
    "where",
    "instead",
]);
pub(crate) const STOP_IN_NP: WordList = WordList::new(&[
    "in", "on", "at", "to", "with", "by", "into", "among", "amid", "over", "after", "before", "during", "since", "as", "than", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "said", "says", "told",
]);
pub(crate) const DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "one", "another", "several", "some", "many", "two", "three", "four", "five", "most", "other", "both", "all", "his",
    "her", "their", "its",
]);
