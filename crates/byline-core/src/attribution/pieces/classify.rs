//! The classification piece: what kind of source a source phrase names (named, pronoun,
//! anonymous or vague).

use super::Ctx;
use super::word_list::WordList;
use super::words::PRONOUNS;
use crate::Span;
use crate::attribution::SourceKind;
use crate::document::{Word, class};
use crate::lexicon::WordSet;
use crate::sentences::Sentence;

/// Group nouns that make "a X of …" one specific source ("a panel of scientists").
pub(crate) const GROUP_NOUNS: WordList = WordList::new(&[
    "group",
    "panel",
    "team",
    "committee",
    "board",
    "council",
    "coalition",
    "alliance",
    "association",
    "body",
    "commission",
    "delegation",
    "consortium",
    "network",
    "union",
    "federation",
]);

/// First words that make a phrase a specific group, not an unnamed collective.
const DETERMINED: WordList = WordList::new(&[
    "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "both", "two", "three", "four", "five",
]);

/// Documents written by the body they come from, which speak for it: "a briefing note said".
pub(crate) const OWN_DOCUMENTS: WordList = WordList::new(&[
    "note",
    "memo",
    "letter",
    "statement",
    "filing",
    "document",
    "email",
    "release",
    "briefing",
    "notice",
    "affidavit",
    "indictment",
    "complaint",
    "lawsuit",
    "ruling",
    "judgment",
    "judgement",
]);

/// Classify a source phrase (word range).
pub(crate) fn classify(ctx: &Ctx, s: &Sentence, words: &[Word], np: Option<std::ops::Range<usize>>) -> (SourceKind, Option<Span>) {
    let Some(r) = np else { return (SourceKind::Vague, None) };
    if r.is_empty() {
        return (SourceKind::Vague, None);
    }
    let span = words[r.start].span.start..words[r.end - 1].span.end;
    (kind_of(ctx, s, words, r), Some(span))
}

/// A source phrase (a non-empty word range) and its head: the last word before "of", "from",
/// "for", "close", "in", "at", "on", "across", "around", "along", "near" (else the last).
struct Phrase<'a> {
    words: &'a [Word],
    r: std::ops::Range<usize>,
    /// The phrase's words, lower-case.
    ws: Vec<&'a str>,
    /// Index of the head in `ws`.
    hk: usize,
    head: &'a str,
    /// The head without a possessive "'s" ([`head_base`]).
    base: &'a str,
}

impl Phrase<'_> {
    /// Whether [`Phrase::base`] is in `set`, whose class bit is `bit`: by the head word's
    /// class bits (`set` of its lower-case form) when it has no possessive to drop, else by a
    /// look-up.
    fn head_in(&self, ctx: &Ctx, set: &WordSet, bit: u16) -> bool {
        if self.base.len() == self.head.len() { ctx.doc.is(&self.words[self.r.start + self.hk], bit) } else { set.contains(self.base) }
    }
}

/// A head without its possessive "'s" or "’s" (each dropped as often as it ends the word, as
/// `trim_end_matches` drops it, without building a substring searcher).
fn head_base(head: &str) -> &str {
    let mut h = head;
    while let Some(rest) = h.strip_suffix("’s") {
        h = rest;
    }
    while let Some(rest) = h.strip_suffix("'s") {
        h = rest;
    }
    h
}

/// `f` of the words `ws` joined by spaces, made on the stack when short: a source phrase's
/// last two and three words are looked up as one (no string allocated for each).
fn with_joined<R>(ws: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for (k, w) in ws.iter().enumerate() {
        if n + w.len() + usize::from(k > 0) > buf.len() {
            return f(&ws.join(" "));
        }
        if k > 0 {
            buf[n] = b' ';
            n += 1;
        }
        buf[n..n + w.len()].copy_from_slice(w.as_bytes());
        n += w.len();
    }
    match std::str::from_utf8(&buf[..n]) {
        Ok(joined) => f(joined),
        Err(_) => f(&ws.join(" ")),
    }
}

/// The kind of source a phrase names: the speaker's own description, then its head, then the
/// collective it names, then a name in it, else its determiner.
fn kind_of(ctx: &Ctx, s: &Sentence, words: &[Word], r: std::ops::Range<usize>) -> SourceKind {
    // "a woman who identified herself as the victim's mother said": a role the speaker claims
    // for themselves, with no name.
    if r.start >= 3
        && ctx.lw(&words[r.start - 1]) == "as"
        && matches!(ctx.lw(&words[r.start - 2]), "herself" | "himself" | "themselves")
        && matches!(ctx.lw(&words[r.start - 3]), "identified" | "described" | "introduced")
    {
        return SourceKind::Anonymous;
    }
    let ws: Vec<&str> = r.clone().map(|i| ctx.lw(&words[i])).collect();
    let hk = ws
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| matches!(**w, "of" | "from" | "for" | "close" | "in" | "at" | "on" | "across" | "around" | "along" | "near"))
        .map_or(ws.len() - 1, |(k, _)| k - 1);
    let head = ws[hk];
    let p = Phrase { words, r, ws, hk, head, base: head_base(head) };
    if let Some(kind) = by_head(ctx, &p).or_else(|| by_collective(ctx, s, &p)) {
        return kind;
    }
    if has_name(ctx, s, &p) {
        return SourceKind::Named;
    }
    by_determiner(ctx, &p)
}

/// What the head says: a pronoun, a named agent after "by", a share of a collective, a
/// document, an anonymous source, an official body.
fn by_head(ctx: &Ctx, p: &Phrase) -> Option<SourceKind> {
    let (words, r, ws, hk) = (p.words, &p.r, &p.ws, p.hk);
    let head_word = &words[r.start + hk];
    if ws.len() == 1 && PRONOUNS.contains(&p.head) {
        return Some(SourceKind::Pronoun);
    }
    let head_base = p.base;
    // "analysts polled by LSEG", "figures compiled by the Red Cross": a named agent.
    if let Some(b) = ws.iter().position(|w| *w == "by")
        && (r.start + b + 1..r.end).any(|i| ctx.is_cap(&words[i]))
    {
        return Some(SourceKind::Named);
    }
    // "A growing number of researchers say", "a majority of voters": an unnamed share of a
    // collective.
    if matches!(head_base, "number" | "majority" | "handful" | "lot" | "host" | "minority") && ws.get(hk + 1).is_some_and(|w| *w == "of") {
        return Some(SourceKind::Vague);
    }
    // "A briefing note said", "an internal memo showed": a document speaks for its author.
    if OWN_DOCUMENTS.contains(&head_base) && matches!(ws[0], "a" | "an" | "another" | "the" | "its" | "their") {
        return Some(SourceKind::Named);
    }
    // "Research suggests", "new data showed": a document noun with no determiner and no name
    // names no one.
    let unnamed = !DETERMINED.contains(&ws[0])
        && !matches!(ws[0], "a" | "an" | "one" | "another")
        && (r.start + 1..r.end).all(|i| !ctx.is_cap(&words[i]))
        // (A capital at the start names someone unless it is an adjective: "New data showed",
        // not "Eurostat figures show".)
        && (!ctx.is_cap(&words[r.start]) || ctx.doc.is(&words[r.start], class::ADJECTIVE) || hk == 0)
        && !ws.contains(&"by");
    if unnamed && hk + 1 == ws.len() && p.head_in(ctx, &ctx.lex.documents, class::DOCUMENT) && (!ctx.is_cap(head_word) || hk == 0) {
        return Some(SourceKind::Vague);
    }
    // "the latest data confirms", "the new figures show": data named only by how recent they
    // are names no one.
    let recent = ws.len() == 3
        && ws[0] == "the"
        && matches!(ws[1], "latest" | "new" | "newest" | "recent" | "fresh" | "preliminary" | "provisional")
        && matches!(head_base, "data" | "figures" | "statistics" | "numbers" | "estimates")
        && (r.start..r.end).all(|i| !ctx.is_cap(&words[i]) || i == r.start);
    if recent && hk + 1 == ws.len() {
        return Some(SourceKind::Vague);
    }
    let definite = matches!(ws[0], "the" | "his" | "her" | "its" | "their") && !head_base.ends_with('s');
    let anonymous = p.head_in(ctx, &ctx.lex.anonymous_sources, class::ANONYMOUS_SOURCE);
    if anonymous && !ctx.is_cap(head_word) && !definite {
        return Some(SourceKind::Anonymous);
    }
    if anonymous && head_base.ends_with('s') && !words.is_empty() {
        // "Officials revealed" at the start of a sentence.
        return Some(SourceKind::Anonymous);
    }
    // An official body speaking as an office: "police said", "prosecutors allege".
    // (A word in no section is in no list: the class bit says so without a look-up.)
    if p.head_in(ctx, &ctx.lex.source_roles, class::SOURCE_ROLE) && ctx.lex.source_roles.section(head_base) == Some("body") {
        return Some(SourceKind::Named);
    }
    None
}

/// A collective: one body ("a panel of independent scientists") or a vague one ("critics",
/// "Western nations"), not a proper name ("the United Nations").
fn by_collective(ctx: &Ctx, s: &Sentence, p: &Phrase) -> Option<SourceKind> {
    let (words, r, ws) = (p.words, &p.r, &p.ws);
    // A tail inside a longer capitalised name is a proper name: "the United Nations" names a
    // body, not a vague collective (unlike "the West" or "Western nations").
    let proper = |n: usize| {
        let t = r.end - n;
        t > r.start && ctx.is_cap(&words[t]) && words[t].span.start > s.span.start + 1 && ctx.is_cap(&words[t - 1])
    };
    // "A panel of independent scientists", "the group of special rapporteurs": one body.
    if (r.start + 1..r.end).any(|i| ctx.lw(&words[i]) == "of" && GROUP_NOUNS.contains(&ctx.lw(&words[i - 1]))) {
        return Some(SourceKind::Named);
    }
    for n in 1..=ws.len().min(3) {
        // (The last word alone by its class bit, which is `vague_sources` of its lower-case
        // form: no string made, no look-up.)
        let vague = if n == 1 {
            ctx.doc.is(&words[r.end - 1], class::VAGUE_SOURCE)
        } else {
            with_joined(&ws[ws.len() - n..], |tail| ctx.lex.vague_sources.contains(tail))
        };
        // ("the researchers wrote in the paper": the authors of the study the story reports,
        // referred back to, not an unnamed collective.)
        let study_authors = n == 1 && ws.len() == 2 && ws[0] == "the" && matches!(ws[1], "researchers" | "authors" | "scientists");
        if vague && !proper(n) && !study_authors {
            return Some(SourceKind::Vague);
        }
    }
    // "Shop owners in Leeds", "farmers across the region": an unnamed collective, whatever
    // place follows it (not "economists at Goldman Sachs": people of a named body).
    let bare =
        ws[..p.hk].iter().all(|w| !DETERMINED.contains(w)) && (r.start..r.start + p.hk + 1).all(|i| !ctx.is_cap(&words[i]) || i == 0);
    // ("Residents of Oldmere", "shopkeepers on the high street", "farmers from the north".)
    let placed = ws
        .get(p.hk + 1)
        .is_some_and(|w| matches!(*w, "in" | "of" | "on" | "from" | "along" | "across" | "around" | "throughout" | "outside" | "near"));
    let head_word = &words[r.start + p.hk];
    if bare && placed && ctx.doc.is(head_word, class::COLLECTIVE | class::VAGUE_SOURCE) && p.head.ends_with('s') {
        return Some(SourceKind::Vague);
    }
    // ("Analysts at Goldman Sachs": people of a body the phrase names, as "analysts polled by
    // LSEG" are; the name decides.)
    let tied_to_name = matches!(ws.get(p.hk + 1), Some(&"at" | &"with")) && (r.start + p.hk + 2..r.end).any(|i| ctx.is_cap(&words[i]));
    if !tied_to_name
        && ws
            .iter()
            .any(|w| matches!(*w, "observers" | "critics" | "experts" | "analysts" | "commentators") && ctx.lex.vague_sources.contains(w))
    {
        return Some(SourceKind::Vague);
    }
    None
}

/// Whether the phrase has a capitalised word that names someone. A capital at the start of the
/// sentence names no one on a function word or on a plural of people or documents ("Relatives
/// said", "Companies expect", "Studies have found").
fn has_name(ctx: &Ctx, s: &Sentence, p: &Phrase) -> bool {
    p.r.clone().any(|i| {
        let w = &p.words[i];
        let initial = w.span.start <= s.span.start + 1;
        ctx.is_cap(w)
            && !(initial && {
                // (The class bits are the lists of the word's lower-case form.)
                let l = ctx.lw(w);
                ctx.doc.is(w, class::FUNCTION | class::NUMBER | class::COLLECTIVE | class::VAGUE_SOURCE)
                    || (ctx.doc.is(w, class::DOCUMENT) && l.ends_with('s'))
                    || l.strip_suffix("ies").is_some_and(|st| ctx.lex.documents.contains(&format!("{st}y")))
            })
    })
}

/// A phrase with no name, by its first word: indefinite is anonymous, definite is named, a bare
/// plural is vague.
fn by_determiner(ctx: &Ctx, p: &Phrase) -> SourceKind {
    let (ws, head) = (&p.ws, &p.head);
    match ws.first().copied() {
        Some("a" | "an" | "one" | "another") => SourceKind::Anonymous,
        // "Two loggers claimed": a counted group of people, unnamed.
        Some("two" | "three" | "four" | "five" | "six") if ws.len() == 2 && ctx.doc.is(&p.words[p.r.start + p.hk], class::COLLECTIVE) => {
            SourceKind::Anonymous
        }
        Some("the" | "his" | "her" | "its" | "their") => SourceKind::Named,
        // "both sides said", "both companies said": the two parties the story is about.
        Some("both") if ws.len() == 2 => SourceKind::Named,
        _ if head.ends_with('s') && !head.ends_with("ss") => SourceKind::Vague,
        _ => SourceKind::Named,
    }
}

/// Whether an indefinite phrase names a thing, not people: "a game", "one of their meetings"
/// (its noun, after "one of" its last word, is no source, role or group word and no WordNet
/// noun for a person), so an anonymous source it is not.
pub(crate) fn indefinite_thing(ctx: &Ctx, words: &[Word], r: std::ops::Range<usize>) -> bool {
    if r.is_empty() || !matches!(ctx.lw(&words[r.start]), "a" | "an" | "one" | "another") {
        return false;
    }
    let one_of = ctx.lw(&words[r.start]) == "one" && words.get(r.start + 1).is_some_and(|w| ctx.lw(w) == "of");
    let hk = (r.start + 1..r.end)
        .find(|&i| matches!(ctx.lw(&words[i]), "of" | "from" | "for" | "close" | "in" | "at" | "on"))
        .map_or(r.end - 1, |i| i - 1);
    let w = &words[if one_of { r.end - 1 } else { hk }];
    if ctx.is_cap(w) || ctx.doc.is(w, class::ANONYMOUS_SOURCE | class::SOURCE_ROLE | class::COLLECTIVE | class::VAGUE_SOURCE) {
        return false;
    }
    let l = ctx.lw(w);
    let people = crate::people::lexicon::PeopleLexicon::bundled();
    // (WordNet's person nouns leave out the most general ones, and those used mostly as
    // adjectives: "relative".)
    let base = l.strip_suffix('s').unwrap_or(l);
    !(matches!(l, "one" | "someone" | "somebody" | "group" | "team" | "couple" | "family" | "children" | "individual")
        || matches!(base, "relative" | "boy" | "girl" | "child" | "kid" | "individual")
        || l.ends_with("man")
        || l.ends_with("men")
        || l.ends_with("person")
        || l.ends_with("people")
        || people.is_person_noun(l)
        || people.is_role_head(l))
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;

    use crate::attribution::fixtures::source_of;

    #[test]
    fn kinds_of_source() {
        let kind = |t: &str| source_of(t, "said").map(|s| s.1);
        assert_eq!(kind("Police said the road was closed."), Some(SourceKind::Named));
        assert_eq!(kind("A briefing note said the plan was costly."), Some(SourceKind::Named));
        assert_eq!(kind("Two loggers said the land was theirs."), Some(SourceKind::Anonymous));
        assert_eq!(kind("A growing number of researchers said the drug works."), Some(SourceKind::Vague));
        assert_eq!(kind("A panel of independent scientists said the drug works."), Some(SourceKind::Named));
        // The study's authors referred back to; a bare plural stays vague.
        assert_eq!(kind("The drug works, the researchers said in the paper."), Some(SourceKind::Named));
        assert_eq!(kind("Researchers said the drug works."), Some(SourceKind::Vague));
        assert_eq!(kind("She said the drug works."), Some(SourceKind::Pronoun));
    }

    #[test]
    fn an_indefinite_thing_is_no_anonymous_source() {
        let kind = |t: &str, cue: &str| source_of(t, cue).map(|s| s.1);
        assert_eq!(kind("A neighbour said the house was empty.", "said"), Some(SourceKind::Anonymous));
        assert_eq!(kind("One relative said the house was empty.", "said"), Some(SourceKind::Anonymous));
        assert_eq!(kind("One of the officials said the house was empty.", "said"), Some(SourceKind::Anonymous));
        assert_eq!(kind("A harbour spokeswoman said the pier was shut.", "said"), Some(SourceKind::Anonymous));
        assert_eq!(kind("One of their first games found the two rivals aligned.", "found"), None);
    }

    #[test]
    fn document_nouns_with_no_name_are_vague() {
        let kind = |t: &str, cue: &str| source_of(t, cue).map(|s| s.1);
        assert_eq!(kind("Research suggests the coast will flood more often.", "suggests"), Some(SourceKind::Vague));
        assert_eq!(kind("Fresh figures on Monday showed claims had topped 6 million.", "showed"), Some(SourceKind::Vague));
        assert_eq!(kind("Harbourstat figures show that stays hit 14 million.", "show"), Some(SourceKind::Named));
        assert_eq!(kind("But the latest data confirms the harbour shrank.", "confirms"), Some(SourceKind::Vague));
    }
}
