//! Attribution cues: who a sentence or quotation is attributed to.
//!
//! Found from the lexicons: reporting verbs in every inflection with their source phrase
//! (before the verb, "Dmitry Peskov said"; after it, "said Mr Borrell"; after "according to"
//! or a passive "by"), impersonal and hedged phrasings ("it is feared", "reportedly") and
//! markers of anonymity. Cues inside quotations belong to the quoted speaker and are skipped.
//! A pronoun source is resolved to the nearest earlier named or anonymous source.

use crate::Span;
use crate::lexicon::{Flag, Lexicon};
use crate::quotes::Quote;
use crate::sentences::Sentence;
use crate::text::Word;

/// What kind of source an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A named person, organisation or office ("Dmitry Peskov said", "the Kremlin said").
    Named,
    /// A pronoun that refers back to a named source ("he said", "she added").
    Pronoun,
    /// A specific but unnamed source ("a senior official said").
    Anonymous,
    /// A gesture at a source ("it is feared", "critics say", "reportedly").
    Vague,
}

/// One attribution found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue itself ("said", "according to", "it is feared").
    pub cue: Span,
    /// The source phrase, when there is one ("Dmitry Peskov", "a senior official").
    pub source: Option<Span>,
    pub kind: SourceKind,
    /// Index of the sentence the cue is in.
    pub sentence: usize,
    /// Sentences (indices, half-open) whose content this attribution covers.
    pub scope: std::ops::Range<usize>,
    /// Whether the cue attributes its sentence's main clause (false for a reporting verb in
    /// a relative clause: "a move that US leaders claimed …", "a battle Mr Johnson predicted …").
    pub main: bool,
    /// For a pronoun source: the attribution whose source it refers back to.
    pub refers_to: Option<usize>,
    /// For lexicon phrases with a message (vague and anonymous phrasings): the message, with
    /// the cue filled in.
    pub message: Option<String>,
}

impl Attribution {
    /// An attribution by the verb `cue` that covers its own sentence `si` only.
    fn in_sentence(cue: Span, source: Option<Span>, kind: SourceKind, si: usize, main: bool) -> Attribution {
        Attribution { cue, source, kind, sentence: si, scope: si..si + 1, main, refers_to: None, message: None }
    }

    /// The kind once pronouns are resolved (a pronoun referring to an anonymous source is
    /// anonymous).
    pub fn effective_kind(&self, all: &[Attribution]) -> SourceKind {
        match (self.kind, self.refers_to) {
            (SourceKind::Pronoun, Some(r)) if r < all.len() => match all[r].kind {
                SourceKind::Anonymous => SourceKind::Anonymous,
                SourceKind::Vague => SourceKind::Vague,
                _ => SourceKind::Pronoun,
            },
            (k, _) => k,
        }
    }

    /// The span that names the speaker: the source, or for a pronoun the source it refers to.
    pub fn speaker(&self, all: &[Attribution]) -> Option<Span> {
        match (self.kind, self.refers_to) {
            (SourceKind::Pronoun, Some(r)) if r < all.len() => all[r].source.clone().or(self.source.clone()),
            _ => self.source.clone(),
        }
    }
}

const PRONOUNS: &[&str] = &["he", "she", "they", "him", "her", "them", "it", "i", "we"];
const BE: &[&str] = &["is", "are", "was", "were", "been", "being", "be"];
const AUX: &[&str] = &[
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
];
const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "to", "of", "these", "those", "his", "her", "its", "their", "our", "my", "such", "any", "no", "new", "this", "your",
    "whose", "and", "or", "against", "about", "over", "on", "with", "without", "for",
];
const PRIVATE: &[&str] = &["call", "phone", "telephone", "phoned", "private", "privately", "closed-door", "conversation"];
const CONTRACTED: &[&str] = &["it's", "that's", "he's", "she's", "there's", "who's", "what's", "here's", "where's", "let's"];
const FINITE_AUX: &[&str] = &["has", "have", "had", "will", "would", "could", "did", "does", "do", "also", "now"];
const MODALS: &[&str] = &["would", "will", "could", "should", "might", "must", "can", "shall", "may"];
const PARTICLES: &[&str] = &["von", "van", "der", "den", "de", "la", "le", "du", "da", "al", "el", "bin", "ibn", "di", "dos", "das"];
const RELATIVE: &[&str] = &["that", "which", "what", "who", "whom", "whose"];
const CONJ: &[&str] = &[
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
];
const STOP_IN_NP: &[&str] = &[
    "in", "on", "at", "to", "with", "by", "into", "among", "amid", "over", "after", "before", "during", "since", "as", "than", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "said", "says", "told",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "another", "several", "some", "many", "two", "three", "four", "five", "most", "other", "both", "all", "his",
    "her", "their", "its",
];

fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at && at < s.end)
}

struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicon,
}

impl Ctx<'_> {
    fn w(&self, w: &Word) -> &str {
        &self.text[w.span.clone()]
    }
    fn lw(&self, w: &Word) -> String {
        self.w(w).to_lowercase()
    }
    fn is_cap(&self, w: &Word) -> bool {
        self.w(w).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
    /// Only spaces between two byte offsets.
    fn gap_is_space(&self, a: usize, b: usize) -> bool {
        a <= b && self.gap(a, b).chars().all(|c| c.is_whitespace() || c == '\u{a0}')
    }
    /// The text between two byte offsets, widened to whole characters.
    fn gap(&self, a: usize, b: usize) -> &str {
        crate::text::between(self.text, a, b)
    }
}

/// Find the attributions of a document.
pub fn find(text: &str, sentences: &[Sentence], quotes: &[Quote], lex: &Lexicon) -> Vec<Attribution> {
    let clean = crate::text::clean(text);
    let text: &str = &clean;
    let lower = crate::lexicon::lower(text);
    let mut qspans: Vec<Span> = quotes.iter().map(|q| q.inner.clone()).collect();
    qspans.sort_by_key(|s| s.start);
    let ctx = Ctx { text, lex };
    let [rv, vg, an] = crate::lexicon::PhraseSet::find_each([&lex.reporting_verbs, &lex.vague, &lex.anonymous], text);
    let mut out: Vec<Attribution> = Vec::new();
    let (mut ri, mut vi, mut ai) = (0, 0, 0);
    for (si, s) in sentences.iter().enumerate() {
        let take = |v: &[crate::lexicon::PhraseMatch], i: &mut usize| -> Vec<(Span, usize)> {
            while *i < v.len() && v[*i].span.start < s.span.start {
                *i += 1;
            }
            let mut got = Vec::new();
            while *i < v.len() && v[*i].span.start < s.span.end {
                if !inside(&qspans, v[*i].span.start) {
                    got.push((v[*i].span.clone(), v[*i].rule));
                }
                *i += 1;
            }
            got
        };
        let verbs = take(&rv, &mut ri);
        let vagues = take(&vg, &mut vi);
        let anons = take(&an, &mut ai);
        // Only reporting verbs and vague phrasings need the sentence's words.
        let words = if verbs.is_empty() && vagues.is_empty() { Vec::new() } else { crate::text::words(text, s.span.clone()) };
        // "A panel of independent experts warned", "United Nations experts said": a collective
        // qualified by a named body or a group noun is a source the verb rules classify.
        let vagues: Vec<(Span, usize)> = vagues.into_iter().filter(|(sp, _)| !qualified_collective(&ctx, s, &words, sp)).collect();
        // Facts about the sentence the verb rules need, found once per sentence (not per cue).
        let info = if verbs.is_empty() {
            SentInfo::default()
        } else {
            SentInfo {
                private: words.iter().any(|w| PRIVATE.iter().any(|p| ctx.w(w).eq_ignore_ascii_case(p))),
                last_quote_open: text[s.span.clone()].rfind(['“', '"', '‘']).map(|k| s.span.start + k),
            }
        };
        // Vague phrasings.
        for (span, rule) in &vagues {
            let msg = lex
                .vague
                .rule(*rule)
                .message
                .as_ref()
                .map(|m| m.replace("{cue}", &capitalise(&text[span.clone()], span.start == s.span.start)));
            out.push(Attribution {
                cue: span.clone(),
                source: None,
                kind: SourceKind::Vague,
                sentence: si,
                scope: si..si + 1,
                main: true,
                refers_to: None,
                message: msg,
            });
        }
        let before_verbs = out.len();
        for (cue, rule) in &verbs {
            // Vague phrasings are sorted and do not overlap one another: the first that ends
            // after the cue starts is the only one that can overlap it.
            let k = vagues.partition_point(|(v, _)| v.end <= cue.start);
            if vagues.get(k).is_some_and(|(v, _)| v.start < cue.end && cue.start < v.end) {
                continue;
            }
            let r = lex.reporting_verbs.rule(*rule);
            if let Some(mut a) = verb_attribution(&ctx, s, si, &words, &info, cue.clone(), r, &lower) {
                // A refusal to comment reports nothing, so an unnamed spokesperson who declines
                // is no anonymous source ("A company spokesperson declined to comment").
                if a.kind == SourceKind::Anonymous && r.has(Flag::Refusal) {
                    a.kind = SourceKind::Named;
                }
                out.push(a);
            }
        }
        // Anonymity markers count with a reporting verb in the sentence.
        if out.len() > before_verbs {
            for (span, rule) in &anons {
                let msg = lex.anonymous.rule(*rule).message.as_ref().map(|m| m.replace("{cue}", &text[span.clone()]));
                out.push(Attribution {
                    cue: span.clone(),
                    source: None,
                    kind: SourceKind::Anonymous,
                    sentence: si,
                    scope: si..si + 1,
                    main: true,
                    refers_to: None,
                    message: msg,
                });
            }
        }
    }
    introducers(&ctx, sentences, quotes, &qspans, &mut out);
    out.sort_by_key(|a| (a.sentence, a.cue.start));
    // Resolve pronouns to the nearest earlier named or anonymous source.
    // "They" may also continue an unnamed collective ("Critics say … They also said …").
    let mut last: Option<usize> = None;
    let mut last_collective: Option<usize> = None;
    for i in 0..out.len() {
        match out[i].kind {
            SourceKind::Pronoun => {
                let plural = out[i].source.as_ref().is_some_and(|sp| matches!(&lower[sp.clone()], "they" | "them"));
                let pick = if plural { last.max(last_collective) } else { last };
                if let Some(l) = pick
                    && out[i].sentence.saturating_sub(out[l].sentence) <= 8
                {
                    out[i].refers_to = Some(l);
                }
            }
            SourceKind::Named | SourceKind::Anonymous if out[i].source.is_some() => last = Some(i),
            // "critics say", or a phrasing that opens with one ("Energy experts say").
            SourceKind::Vague
                if out[i].source.is_some()
                    || lower[out[i].cue.clone()].split(' ').next().is_some_and(|w| lex.vague_sources.contains(w)) =>
            {
                last_collective = Some(i)
            }
            _ => {}
        }
    }
    // Colon-introduced quotations: "X said: “…" covers the quote's sentences.
    let mut next_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (i, q) in quotes.iter().enumerate() {
        if let Some(c) = q.continues
            && c < next_of.len()
            && next_of[c].is_none()
        {
            next_of[c] = Some(i);
        }
    }
    // Where each chain of continued quotes ends (a continuation comes later than the quote it
    // continues, so one backward pass fills it in).
    let mut chain_end: Vec<usize> = quotes.iter().map(|q| q.span.end).collect();
    for i in (0..quotes.len()).rev() {
        if let Some(n) = next_of[i]
            && n > i
        {
            chain_end[i] = chain_end[n];
        }
    }
    // The first ':' at or after a cue's end, within its sentence. Cues come in text order
    // within a sentence, so the last search is reused while it still applies.
    let tb = text.as_bytes();
    let mut colon_cache: Option<(usize, usize, Option<usize>)> = None; // (searched from, limit, found)
    for a in out.iter_mut() {
        let s = &sentences[a.sentence];
        if a.cue.end > s.span.end {
            continue;
        }
        let (from, limit) = (a.cue.end, s.span.end);
        let colon = match colon_cache {
            Some((f, l, found)) if l == limit && f <= from && found.is_none_or(|c| c >= from) => found,
            _ => {
                let found = memchr::memchr(b':', &tb[from..limit]).map(|k| from + k);
                colon_cache = Some((from, limit, found));
                found
            }
        };
        if let Some(at) = colon {
            let qi = quotes.partition_point(|q| q.span.start <= at);
            if quotes.get(qi).is_some_and(|q| q.span.start <= at + 8 && !q.scare) {
                let end = chain_end[qi];
                let last_s = sentences.partition_point(|x| x.span.start < end);
                a.scope = a.sentence..last_s.max(a.sentence + 1);
            }
        }
    }
    out
}

/// Group nouns that make "a X of …" one specific source ("a panel of scientists").
const GROUP_NOUNS: &[&str] = &[
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
];

/// Whether a vague phrasing that opens with a collective ("experts warned") belongs to a source
/// phrase that identifies the collective: a named body right before it ("United Nations
/// experts", "WHO experts") or a group noun ("a group of independent experts").
fn qualified_collective(ctx: &Ctx, s: &Sentence, words: &[Word], sp: &Span) -> bool {
    let first = ctx.text[sp.clone()].split(' ').next().unwrap_or("").to_lowercase();
    if !ctx.lex.vague_sources.contains(&first) {
        return false;
    }
    let wi = words.partition_point(|w| w.span.start < sp.start);
    let mut k = wi;
    let mut caps = 0;
    while k > 0 && wi - k < 8 && ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
        let w = &words[k - 1];
        let l = ctx.lw(w);
        if l == "of" && k >= 2 && GROUP_NOUNS.contains(&ctx.lw(&words[k - 2]).as_str()) {
            return true;
        }
        if ctx.is_cap(w) && w.span.start > s.span.start + 1 {
            caps += 1;
            if is_acronym(ctx.w(w)) || caps >= 2 {
                return true;
            }
        } else if k == wi || !ctx.is_cap(w) {
            caps = 0;
            if ctx.lex.function_words.contains(&l) && l != "of" {
                break;
            }
        }
        k -= 1;
    }
    false
}

fn capitalise(s: &str, at_start: bool) -> String {
    if at_start {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) if s.starts_with("it ") => f.to_uppercase().collect::<String>() + c.as_str(),
        _ => s.to_string(),
    }
}

/// Per-sentence facts for [`verb_attribution`].
#[derive(Default)]
struct SentInfo {
    /// The sentence places what it reports in a private exchange ("during a phone call").
    private: bool,
    /// Where the last opening quotation mark of the sentence is.
    last_quote_open: Option<usize>,
}

/// The attribution a reporting-verb cue makes, if it is one.
#[allow(clippy::too_many_arguments)]
fn verb_attribution(
    ctx: &Ctx,
    s: &Sentence,
    si: usize,
    words: &[Word],
    info: &SentInfo,
    cue: Span,
    rule: &crate::lexicon::Rule,
    lower: &str,
) -> Option<Attribution> {
    let wi = words.partition_point(|w| w.span.start < cue.start);
    if wi >= words.len() || words[wi].span.start != cue.start {
        return None;
    }
    let we = words.partition_point(|w| w.span.end <= cue.end); // index after the cue's last word
    let form = &lower[cue.clone()];
    if cue.start > s.span.start + 1 && ctx.text[cue.clone()].chars().next().is_some_and(char::is_uppercase) {
        return None; // "the United States", "Fox Reports"
    }
    let first_form = form.split(' ').next().unwrap_or("");
    let prev = wi.checked_sub(1).map(|i| &words[i]);
    let prev_l = prev.map(|w| ctx.lw(w)).unwrap_or_default();
    let prev_adjacent = prev.is_some_and(|p| ctx.gap_is_space(p.span.end, cue.start));
    let needs_complement = rule.has(Flag::Complement);
    let needs_quote = rule.has(Flag::Quote);
    // "appealed to party members to stay calm": counts only with "to" and a verb after its object.
    if rule.has(Flag::ObjectTo) && !object_then_to(ctx, words, we) {
        return None;
    }
    let cognition = rule.has(Flag::Cognition);
    // A speech act from the WordNet list (speech_acts.txt): only with its subject before it.
    let act = rule.has(Flag::Act);
    let public = rule.has(Flag::Public);
    // A number before it makes a noun: "3,000 calls for help".
    // Not a year after "in": "Acme in 2017 announced".
    let in_year = wi >= 2 && ctx.lw(&words[wi - 2]) == "in" && prev_l.len() == 4 && prev_l.bytes().all(|b| b.is_ascii_digit());
    if prev_adjacent && ctx.w(prev?).starts_with(|c: char| c.is_ascii_digit()) && !in_year {
        return None;
    }
    // What was urged or pledged in a private exchange is an account that needs its own source.
    if public && info.private {
        return None;
    }
    // A noun, not a verb: "the claims", "responding to claims".
    // A second verb of the subject in the past tense is a verb, not a noun: "The union valued
    // the deal and said …" (not for speech acts: "was arrested and charged").
    let coordinated = matches!(prev_l.as_str(), "and" | "but")
        && !act
        && (form.ends_with("ed") || matches!(form, "said" | "told" | "wrote" | "says" | "tells"));
    // "issued an appeal for witnesses", "the call for calm": a phrasal cue after a determiner is
    // a noun phrase.
    let determiner = matches!(prev_l.as_str(), "a" | "an" | "the" | "this" | "that" | "his" | "her" | "its" | "their");
    if prev_adjacent && NOUN_BEFORE.contains(&prev_l.as_str()) && (!form.contains(' ') || determiner) && !coordinated {
        // "to say" etc.: an infinitive is not an attribution either.
        return None;
    }
    // A speech act in the present needs a name or a pronoun right before it: "Jane Roe praises",
    // "she welcomes", not the nouns "200 volunteers", "the party's answers".
    if act
        && form.ends_with('s')
        && !prev.is_some_and(|p| (ctx.is_cap(p) && !ctx.lex.numbers.contains(&ctx.lw(p))) || matches!(prev_l.as_str(), "he" | "she" | "it"))
    {
        return None;
    }
    // "claimed his own reward", "claimed the lives of six people": claim as take, not say.
    if matches!(first_form, "claim" | "claims" | "claimed" | "claiming")
        && words.get(we).is_some_and(|n| {
            let l = ctx.lw(n);
            matches!(l.as_str(), "his" | "her" | "its" | "their" | "our" | "my")
                || (l == "the" && words.get(we + 1).is_some_and(|m| matches!(ctx.lw(m).as_str(), "lives" | "life" | "title" | "victory")))
        })
    {
        return None;
    }
    // A verdict is an event, not a source: "a jury found him guilty on all counts".
    if matches!(first_form, "find" | "finds" | "found")
        && words.iter().skip(we).take(6).any(|w| matches!(ctx.lw(w).as_str(), "guilty" | "liable" | "innocent"))
    {
        return None;
    }
    // "York Crown Court heard": only a court or hearing hears evidence.
    if rule.has(Flag::Court) && !matches!(prev_l.as_str(), "court" | "inquest" | "jury" | "tribunal" | "hearing" | "trial" | "committee") {
        return None;
    }
    // A speech act still to come is the claim's own event, not its source: "the ministry will
    // announce the figures", "she may reveal more".
    if prev_adjacent && MODALS.contains(&prev_l.as_str()) && !form.contains(' ') {
        return None;
    }
    // A noun after a possessive: "the union's claims", "Smith's pledge".
    if prev_adjacent
        && !form.contains(' ')
        && (prev_l.ends_with("'s") || prev_l.ends_with("’s"))
        && !CONTRACTED.contains(&prev_l.replace('’', "'").as_str())
    {
        return None;
    }
    // Progressive after a form of "be": "the agency is predicting", "critics are warning".
    // Not "are responding to calls" (an action with a preposition after it).
    let progressive = first_form.ends_with("ing")
        && prev_adjacent
        && matches!(prev_l.as_str(), "is" | "are" | "was" | "were" | "been")
        && !words.get(words.partition_point(|w| w.span.end <= cue.end)).is_some_and(|n| {
            matches!(ctx.lw(n).as_str(), "to" | "for" | "with" | "at" | "in" | "on" | "from" | "by" | "into" | "over" | "about")
        });
    // Participles ("saying", "adding", "claiming") hang off another clause: after a comma or a
    // message ("issued a statement saying", "released a video saying") they report what the
    // sentence's subject said, when it opens the sentence with a name.
    if first_form.ends_with("ing") && !form.contains(' ') && !progressive {
        let after_comma = prev.is_some_and(|p| ctx.gap(p.span.end, cue.start).trim() == ",");
        let after_message = prev_adjacent && MESSAGES.contains(&prev_l.as_str());
        if (after_comma || after_message)
            && PARTICIPLES.contains(&first_form)
            && wi > 1
            && let Some(np) = np_after(ctx, words, 0)
            && words[0].span.start <= s.span.start + 1
            && np.end < wi
        {
            let (kind, source) = classify(ctx, s, words, Some(np));
            if matches!(kind, SourceKind::Named | SourceKind::Pronoun) {
                return Some(Attribution::in_sentence(cue, source, kind, si, true));
            }
        }
        return None;
    }
    // Passive: "was spelt out by X" names X; "he was told" attributes nothing.
    // "was first reported by X", "was later confirmed by X": an adverb between.
    let be_adverb = prev_adjacent
        && wi >= 2
        && (matches!(prev_l.as_str(), "first" | "initially" | "originally" | "later" | "also" | "officially") || prev_l.ends_with("ly"))
        && BE.contains(&ctx.lw(&words[wi - 2]).as_str())
        && words.get(we).is_some_and(|n| ctx.lw(n) == "by");
    if prev_adjacent && (BE.contains(&prev_l.as_str()) || be_adverb) && !progressive {
        // A speech act in the passive is an event ("the claims were rejected by the court").
        if act {
            return None;
        }
        let next = words.get(we);
        if next.is_some_and(|n| ctx.lw(n) == "by") && !time_phrase(ctx, words, we + 1) {
            let np = np_after(ctx, words, we + 1);
            let (kind, source) = classify(ctx, s, words, np.clone());
            return Some(Attribution::in_sentence(cue, source, kind, si, true));
        }
        return None;
    }
    let after_text = ctx.gap(cue.end, s.span.end);
    let after_trim = after_text.trim_start();
    if needs_complement {
        let nw = words.get(we).map(|w| ctx.lw(w)).unwrap_or_default();
        let nw_cap = words.get(we).is_some_and(|w| ctx.is_cap(w));
        let ok = after_trim.is_empty()
            || after_trim.starts_with([':', ',', '.', '"', '“', '‘', '\'', '”', ';', '—', '–'])
            || nw == "that"
            || that_after_adverbial(ctx, words, we)
            || PRONOUNS.contains(&nw.as_str())
            || matches!(nw.as_str(), "the" | "a" | "an" | "there" | "this" | "these" | "those" | "his" | "its" | "their" | "no" | "any")
            || nw_cap
            // A belief or estimate with a quantity as its object: "the company expects revenue
            // of $5bn", "analysts had expected earnings of $2.68 a share" (a bare "expected" is
            // also a participle: "winds expected this afternoon").
            || (cognition
                && (!first_form.ends_with("ed") || (prev_adjacent && FINITE_AUX.contains(&prev_l.as_str())))
                && figure_soon(ctx, words, we))
            // After a finite auxiliary a belief verb is a verb, and its object is the belief:
            // "the agency has forecast heavy rain", "the council had estimated costs".
            || (cognition && prev_adjacent && matches!(prev_l.as_str(), "has" | "have" | "had"))
            // The quotation before its subject is the complement: "“…,” Jane Roe wrote in a memo."
            || quote_before_subject(ctx, words, wi);
        if !ok {
            // "Satellite images released by X showed new deployments": evidence as the subject.
            if rule.has(Flag::Evidence) && !first_form.ends_with("ing") {
                let (np, main) = np_before(ctx, s, words, wi);
                if let Some(r) = np
                    && let Some((kind, source)) = document_source(ctx, s, words, r.clone(), r.end)
                {
                    return Some(Attribution::in_sentence(cue, source, kind, si, main));
                }
            }
            return None;
        }
    }
    // "called the plan “a betrayal”": a characterisation in quotation marks.
    if needs_quote {
        let nw = words.get(we).map(|w| ctx.lw(w)).unwrap_or_default();
        let object = matches!(
            nw.as_str(),
            "the" | "a" | "an" | "this" | "these" | "those" | "it" | "him" | "her" | "them" | "his" | "its" | "their" | "our" | "my"
        ) || words.get(we).is_some_and(|w| ctx.is_cap(w));
        let adjacent = words.get(we).is_some_and(|w| ctx.gap_is_space(cue.end, w.span.start));
        let quoted = object && info.last_quote_open.is_some_and(|q| q >= cue.end);
        if !adjacent || !(quoted || characterisation(ctx, words, we)) {
            return None;
        }
    }
    if progressive {
        let (np, main) = np_before(ctx, s, words, wi - 1);
        np.as_ref()?;
        let (kind, source) = classify(ctx, s, words, np);
        return Some(Attribution::in_sentence(cue, source, kind, si, main));
    }
    if form == "according to" {
        let mut np = np_after(ctx, words, we);
        // "according to an invitation obtained by X", "documents seen by X": the agent.
        if let Some(r) = np.clone()
            && r.end >= 1
            && words.get(r.end).is_some_and(|b| ctx.lw(b) == "by")
            && ctx.lw(&words[r.end - 1]).ends_with("ed")
            && let Some(agent) = np_after(ctx, words, r.end + 1)
        {
            np = Some(r.start..agent.end);
        }
        np.as_ref()?;
        let (kind, source) = match document_source(ctx, s, words, np.clone().unwrap_or_default(), words.len()) {
            Some(ks) => ks,
            None => classify(ctx, s, words, np),
        };
        return Some(Attribution::in_sentence(cue, source, kind, si, true));
    }
    // A second verb of the subject: "X welcomed the plan but said …".
    if prev_adjacent && matches!(prev_l.as_str(), "and" | "but") {
        let np = np_after(ctx, words, 0);
        np.as_ref()?;
        let (kind, source) = classify(ctx, s, words, np);
        return Some(Attribution::in_sentence(cue, source, kind, si, true));
    }
    // Inverted: "…,” said Mr Borrell." / "…, said the Kremlin."
    let before = ctx.gap(prev.map_or(s.span.start, |p| p.span.end), cue.start).trim();
    // A phrasal cue does not invert: in "Jane Roe, the party leader, called for a review" the
    // phrase after "called for" is what is called for, not who.
    // "tell" takes its hearer as object, so "X, a minister, told a summit" does not invert.
    let tell = matches!(first_form, "tell" | "tells" | "told");
    let after_quote_or_comma =
        !tell && (prev.is_none() || (before.ends_with([',', '”', '"', '’']) && !closes_clause(ctx, s, words, wi) && !form.contains(' ')));
    if after_quote_or_comma && we < words.len() && !act {
        let np = np_after(ctx, words, we);
        if let Some(r) = np.clone() {
            let first = &words[r.start];
            let fl = ctx.lw(first);
            // The phrase must end the clause: "said Mr Borrell." not "said the bomb was …".
            let follow = words.get(r.end).map(|w| ctx.lw(w)).unwrap_or_default();
            let follow_gap = words.get(r.end).map_or("", |w| ctx.gap(words[r.end - 1].span.end, w.span.start)).trim();
            let ends_clause = r.end >= words.len()
                || !follow_gap.is_empty()
                || !(BE.contains(&follow.as_str())
                    || matches!(
                        follow.as_str(),
                        "has"
                            | "have"
                            | "had"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "must"
                            | "should"
                            | "did"
                            | "does"
                            | "do"
                    ));
            // "said lead author Jane Roe": lower-case role words before the name.
            let role_lead = (r.start..r.end.min(r.start + 4)).any(|k| ctx.is_cap(&words[k]))
                && (r.start..r.end).take_while(|&k| !ctx.is_cap(&words[k])).all(|k| {
                    let l = ctx.lw(&words[k]);
                    l.chars().all(char::is_alphabetic) && !ctx.lex.function_words.contains(&l)
                });
            if ends_clause && (ctx.is_cap(first) || fl == "the" || fl == "a" || fl == "an" || role_lead) {
                let (kind, source) = classify(ctx, s, words, np);
                return Some(Attribution::in_sentence(cue, source, kind, si, true));
            }
        }
    }
    if form == "according to" {
        return None;
    }
    // The source before the verb.
    let (np, main) = np_before(ctx, s, words, wi);
    np.as_ref()?;
    // A document as the subject of a verb of showing: "figures published last month showed"
    // names no publisher.
    let doc = if rule.has(Flag::Evidence) { np.clone().and_then(|r| document_source(ctx, s, words, r.clone(), r.end)) } else { None };
    // A speech act counts only with a subject that opens the sentence or follows an opening
    // phrase ("On Friday, the union condemned …"), not in a later clause ("…, but coach X
    // vouched for him"): the sentence is then that act, not an event someone else reports.
    let opens_at =
        |k: usize| k == 0 || ctx.gap(words[k - 1].span.end, words[k].span.start).trim().ends_with([',', '—', '–', ':', '”', '"', '’']);
    // A coordinated subject opens it too: "union spokesman A and party spokesperson B flayed".
    let opens = np.as_ref().is_some_and(|r| {
        opens_at(r.start)
            || r.start >= 2
                && ctx.lw(&words[r.start - 1]) == "and"
                && ctx.gap_is_space(words[r.start - 1].span.end, words[r.start].span.start)
                && np_before_plain(ctx, s, words, r.start - 1).0.is_some_and(|r2| {
                    opens_at(r2.start) && (r2.start..r2.end).any(|i| ctx.is_cap(&words[i]) && words[i].span.start > s.span.start + 1)
                })
    });
    let (kind, source) = doc.unwrap_or_else(|| classify(ctx, s, words, np));
    // A speech act makes an attribution only as the main verb of a named subject ("the union
    // condemned the ruling"), not in "documents disclosed last week" or "a move critics hailed".
    if act && !(main && opens && matches!(kind, SourceKind::Named | SourceKind::Pronoun)) {
        return None;
    }
    Some(Attribution::in_sentence(cue, source, kind, si, main))
}

/// A sentence about a named person followed, in the same paragraph, by a quotation with no
/// speech verb ("The opposition leader, Jane Roe, was scathing. “This plan …”"): the sentence
/// introduces the quotation, so it attributes it to its subject.
fn introducers(ctx: &Ctx, sentences: &[Sentence], quotes: &[Quote], qspans: &[Span], out: &mut Vec<Attribution>) {
    let mut with_attr = vec![false; sentences.len()];
    for a in out.iter() {
        if a.sentence < with_attr.len() {
            with_attr[a.sentence] = true;
        }
    }
    for si in 0..sentences.len().saturating_sub(1) {
        let (s, next) = (&sentences[si], &sentences[si + 1]);
        if with_attr[si] || with_attr[si + 1] || s.block != next.block {
            continue;
        }
        // The next sentence opens with a quotation that is speech, not a scare quote.
        let qi = quotes.partition_point(|q| q.span.start < next.span.start);
        if !quotes.get(qi).is_some_and(|q| q.span.start == next.span.start && !q.scare) {
            continue;
        }
        // This sentence is no quotation itself and ends like a statement.
        let st = ctx.gap(s.span.start, s.span.end).trim_end();
        if !st.ends_with(['.', ':']) || inside(qspans, s.span.start + 1) {
            continue;
        }
        let words = crate::text::words(ctx.text, s.span.clone());
        if words.len() < 3 || words.len() > 14 {
            continue;
        }
        // The subject: the words before the first verb ("was", "spoke", "looked", "-ed").
        let Some(v) = words.iter().position(|w| {
            let l = ctx.lw(w);
            !ctx.is_cap(w) && (BE.contains(&l.as_str()) || INTRO_VERBS.contains(&l.as_str()) || (l.len() > 4 && l.ends_with("ed")))
        }) else {
            continue;
        };
        if v == 0 {
            continue;
        }
        let named = (0..v).any(|i| i > 0 && ctx.is_cap(&words[i]))
            || (v == 2 && ctx.lw(&words[0]) == "the" && ctx.lex.source_roles.contains(&ctx.lw(&words[1])));
        let pronoun_or_clause =
            (0..v).any(|i| PRONOUNS.contains(&ctx.lw(&words[i]).as_str()) || RELATIVE.contains(&ctx.lw(&words[i]).as_str()));
        if !named || pronoun_or_clause {
            continue;
        }
        let source = words[0].span.start..words[v - 1].span.end;
        out.push(Attribution {
            cue: words[v].span.clone(),
            source: Some(source),
            kind: SourceKind::Named,
            sentence: si,
            scope: si..si + 1,
            main: true,
            refers_to: None,
            message: None,
        });
    }
}

const INTRO_VERBS: &[&str] =
    &["spoke", "looked", "sounded", "seemed", "appeared", "remained", "had", "went", "took", "struck", "began", "gave"];

/// "called the plan a betrayal", "called dementia one of the greatest threats": an object of
/// one to three words (not an indefinite "a meeting") and a second noun phrase that describes
/// it ("a"/"an", "one of", "the" with a superlative). Looks at most six words ahead.
fn characterisation(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    let Some(first) = words.get(we) else { return false };
    let fl = ctx.lw(first);
    if matches!(fl.as_str(), "a" | "an" | "off" | "up" | "in" | "out" | "back" | "on" | "for") {
        return false;
    }
    for n in 1..=3 {
        let k = we + n;
        if k + 1 >= words.len() || !ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
            return false;
        }
        let l = ctx.lw(&words[k]);
        let next = ctx.lw(&words[k + 1]);
        // Not a time phrase: "called the police a day later".
        let describes = (matches!(l.as_str(), "a" | "an")
            && !ctx.lex.time_words.contains(&next)
            && !matches!(next.as_str(), "day" | "week" | "month" | "year" | "few" | "second" | "minute" | "hour" | "number" | "total"))
            || (l == "one" && next == "of")
            || (l == "the" && (next.ends_with("est") || ctx.lex.superlatives.contains(&next)));
        if describes {
            return true;
        }
        if ctx.lex.function_words.contains(&l) {
            return false;
        }
    }
    false
}

/// Whether, within six words after word `we`, the object is followed by "to" and a verb
/// ("appealed to voters to stay at home"), with no punctuation between.
fn object_then_to(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    for k in we + 1..(we + 6).min(words.len().saturating_sub(1)) {
        if !ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
            return false;
        }
        if ctx.lw(&words[k]) == "to" {
            let v = &words[k + 1];
            return !ctx.is_cap(v) && !ctx.lex.function_words.contains(&ctx.lw(v));
        }
    }
    false
}

/// Whether the words from `i` are a time ("by the end of June", "by Friday", "by 2030"), not a
/// passive agent.
fn time_phrase(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    let mut k = i;
    if words.get(k).is_some_and(|w| matches!(ctx.lw(w).as_str(), "the" | "this" | "next" | "early" | "late" | "mid")) {
        k += 1;
    }
    words.get(k).is_some_and(|w| {
        let l = ctx.lw(w);
        ctx.lex.time_words.contains(&l)
            || ctx.w(w).starts_with(|c: char| c.is_ascii_digit())
            || (matches!(l.as_str(), "end" | "start" | "beginning" | "middle" | "close" | "turn")
                && words.get(k + 1).is_some_and(|n| ctx.lw(n) == "of"))
    })
}

/// Whether a quotation closes right before a short subject of the verb at word `wi`:
/// "“…,” Jane Roe wrote", "“…!” the minister added". Looks back at most four words.
fn quote_before_subject(ctx: &Ctx, words: &[Word], wi: usize) -> bool {
    let lo = wi.saturating_sub(4).max(1);
    for k in (lo..wi).rev() {
        if !ctx.w(&words[k]).chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')) {
            return false;
        }
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        if !g.is_empty() {
            let mut cs = g.chars().rev();
            return cs.next().is_some_and(|c| matches!(c, '”' | '"' | '’' | '\''))
                && cs.next().is_some_and(|c| matches!(c, ',' | '!' | '?' | '—'));
        }
    }
    false
}

/// Whether a figure follows within a few words of word `i` ("earnings of $2.68 a share").
fn figure_soon(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    words.iter().skip(i).take(5).any(|w| {
        ctx.w(w).trim_start_matches(['$', '£', '€', '¥']).starts_with(|c: char| c.is_ascii_digit())
            || ctx.text[..w.span.start].ends_with(['$', '£', '€', '¥']) && ctx.w(w).starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether the comma before word `wi` closes a relative or participle clause ("Jane Roe, who
/// voted against, said …", "staff, speaking privately, said …"): the verb then has its subject
/// before the clause, and what follows it is the reported content.
fn closes_clause(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> bool {
    let mut k = wi;
    while k > 1 && wi - k < 14 {
        k -= 1;
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        if g == "," {
            let l = ctx.lw(&words[k]);
            return RELATIVE.contains(&l.as_str()) || (l.ends_with("ing") && !ctx.is_cap(&words[k]));
        }
        if !g.is_empty() && g != "’" && g != "'" && g != "-" {
            return false;
        }
    }
    let _ = s;
    false
}

/// "according to a report by the city's works department" names its source; "according to a
/// new study" does not. For a source phrase headed by a document noun (documents.txt) without a
/// definite determiner: named when a capitalised name or "by/from/in the …" follows in the
/// clause, else vague. None when the phrase is not a document.
fn document_source(ctx: &Ctx, s: &Sentence, words: &[Word], r: std::ops::Range<usize>, limit: usize) -> Option<(SourceKind, Option<Span>)> {
    if r.is_empty() {
        return None;
    }
    let first = ctx.lw(&words[r.start]);
    if matches!(first.as_str(), "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that") {
        return None;
    }
    // The document noun: the first word of the phrase (after a determiner and adjectives).
    // "a Reuters report", "a UN study": named before the noun. A capital at the start of the
    // sentence may be a common noun ("Satellite images …", "Figures published …"): decided by
    // what follows.
    let initial = |i: usize| words[i].span.start <= s.span.start + 1;
    let k = (r.start..r.end).find(|&k| (!ctx.is_cap(&words[k]) || initial(k)) && ctx.lex.documents.contains(&ctx.lw(&words[k])))?;
    let caps_before: Vec<usize> = (r.start..k).filter(|&i| ctx.is_cap(&words[i])).collect();
    if caps_before.iter().any(|&i| !initial(i)) {
        return None;
    }
    let initial_cap = !caps_before.is_empty();
    let mut end = k + 1;
    // "according to court filings", "tax records showed": records an institution keeps.
    let mut named = k > r.start && RECORD_KEEPERS.contains(&ctx.lw(&words[k - 1]).as_str());
    let mut j = k + 1;
    while j < words.len().min(limit) && j < k + 16 {
        let g = ctx.gap(words[j - 1].span.end, words[j].span.start).trim();
        if !g.is_empty() && g != "’" && g != "'" && g != "-" {
            break;
        }
        let w = &words[j];
        let l = ctx.lw(w);
        if ctx.is_cap(w) && !ctx.lex.time_words.contains(&l) && !ctx.w(w).starts_with(|c: char| c.is_ascii_digit()) {
            named = true;
            end = j + 1;
            break;
        }
        if matches!(l.as_str(), "by" | "from" | "of" | "in") && words.get(j + 1).is_some_and(|n| matches!(ctx.lw(n).as_str(), "the")) {
            named = true;
            // "by the city's works department": to the end of that phrase.
            let mut e = j + 2;
            let lim = words.len().min(limit);
            while e < lim && e < j + 7 && ctx.gap_is_space(words[e - 1].span.end, words[e].span.start) {
                let l2 = ctx.lw(&words[e]);
                if STOP_IN_NP.contains(&l2.as_str()) || RELATIVE.contains(&l2.as_str()) || ctx.lex.reporting_verbs.contains(&l2) {
                    break;
                }
                e += 1;
            }
            end = e.min(lim).max(j + 1);
            break;
        }
        j += 1;
    }
    if initial_cap && !named {
        return None;
    }
    let span = words[r.start].span.start..words[end - 1].span.end;
    Some(if named { (SourceKind::Named, Some(span)) } else { (SourceKind::Vague, Some(span)) })
}

/// Participles that report speech ("…, saying the talks had failed"), not belief or charge.
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "warning",
    "noting",
    "stressing",
    "insisting",
    "explaining",
    "arguing",
    "announcing",
    "declaring",
    "confirming",
    "stating",
];

/// Messages a participle can report from: "released a video saying …".
const MESSAGES: &[&str] =
    &["statement", "video", "message", "post", "letter", "note", "tweet", "email", "release", "notice", "memo", "report"];

/// Documents written by the body they come from, which speak for it: "a briefing note said".
const OWN_DOCUMENTS: &[&str] = &[
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
];

/// Keepers of records whose documents identify their source: "court filings", "tax records".
const RECORD_KEEPERS: &[&str] = &[
    "court",
    "tax",
    "police",
    "land",
    "property",
    "census",
    "flight",
    "shipping",
    "customs",
    "immigration",
    "election",
    "campaign",
    "corporate",
    "company",
    "regulatory",
    "parliamentary",
    "congressional",
    "legislative",
    "hospital",
];

/// The source phrase after word `i`: an optional determiner and the words of a noun phrase.
fn np_after(ctx: &Ctx, words: &[Word], i: usize) -> Option<std::ops::Range<usize>> {
    let mut j = i;
    let mut end = i;
    while j < words.len() && j < i + 10 {
        if j > i
            && !ctx.gap_is_space(words[j - 1].span.end, words[j].span.start)
            && !(ctx.gap(words[j - 1].span.end, words[j].span.start).trim() == "." && abbreviation(ctx, &words[j - 1]))
        {
            // Only a possessive, a hyphen or an abbreviation's full stop ("Rep. Jane Roe")
            // joins words across punctuation.
            break;
        }
        let l = ctx.lw(&words[j]);
        if j > i && (STOP_IN_NP.contains(&l.as_str()) || RELATIVE.contains(&l.as_str()) || l == "and" || l == "but") {
            break;
        }
        if j > i && !ctx.is_cap(&words[j]) && MODALS.contains(&l.as_str()) {
            break;
        }
        if j > i
            && !ctx.is_cap(&words[j])
            && ctx.is_cap(&words[j - 1])
            && !ctx.lex.source_roles.contains(&l)
            && l != "of"
            && l != "for"
            && l != "from"
            && l != "close"
        {
            // "said Mr Borrell yesterday"
            if !ctx.lex.anonymous_sources.contains(&l) {
                break;
            }
        }
        end = j + 1;
        if PRONOUNS.contains(&l.as_str()) {
            break;
        }
        j += 1;
    }
    (end > i).then_some(i..end)
}

/// The source phrase before the verb at word `wi`, and whether the attribution governs the
/// main clause. A name's acronym in brackets ends the phrase with the name: "Singapore Press
/// Holdings (SPH) reported", "the United Arab Emirates (UAE), warned".
fn np_before(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> (Option<std::ops::Range<usize>>, bool) {
    let (np, main) = np_before_plain(ctx, s, words, wi);
    if let Some(r) = &np
        && r.len() == 1
        && r.start >= 1
        && is_acronym(ctx.w(&words[r.start]))
        && ctx.gap(words[r.start - 1].span.end, words[r.start].span.start).trim() == "("
        && words.get(r.end).is_some_and(|n| ctx.gap(words[r.start].span.end, n.span.start).trim().starts_with(')'))
        && let (Some(name), main2) = np_before_plain(ctx, s, words, r.start)
        && (name.start..name.end).any(|i| ctx.is_cap(&words[i]))
    {
        return (Some(name.start..r.end), main2);
    }
    (np, main)
}

fn np_before_plain(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> (Option<std::ops::Range<usize>>, bool) {
    // Skip auxiliaries and adverbs: "has also said", "on Sunday said".
    let mut j = wi;
    while j > 0 {
        let w = &words[j - 1];
        let l = ctx.lw(w);
        let adjacent = ctx.gap_is_space(w.span.end, words[j].span.start);
        if adjacent && (AUX.contains(&l.as_str()) || l.ends_with("ly") && !ctx.is_cap(w)) {
            j -= 1;
            continue;
        }
        // "on Sunday", "last week", "in March", "in 2017"
        let year = l.len() == 4 && (l.starts_with("19") || l.starts_with("20")) && l.bytes().all(|b| b.is_ascii_digit());
        if adjacent
            && j >= 2
            && (matches!(ctx.lw(&words[j - 2]).as_str(), "on" | "last" | "this") && ctx.lex.time_words.contains(&l)
                || ctx.lw(&words[j - 2]) == "in" && (year || ctx.lex.time_words.contains(&l)))
            && ctx.gap_is_space(words[j - 2].span.end, w.span.start)
        {
            j -= 2;
            continue;
        }
        break;
    }
    if j == 0 {
        return (None, false);
    }
    let mut end = j; // exclusive
    // Appositive: "Dmitry Peskov, Putin’s spokesman, told" — skip back over ", … ,".
    let gap = ctx.gap(words[j - 1].span.end, words[end.min(words.len() - 1)].span.start);
    let mut appositive = None;
    if gap.trim() == "," {
        // Find the previous comma within 12 words.
        let mut k = j - 1;
        let mut found = None;
        while k > 0 && j - k < 20 {
            let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim().to_string();
            if g == "," {
                found = Some(k);
                break;
            }
            if !g.is_empty() && g != "’" && g != "'" && !(g == "." && abbreviation(ctx, &words[k - 1])) {
                break;
            }
            k -= 1;
        }
        match found {
            Some(k) => {
                appositive = Some(k..j);
                end = k;
            }
            None => {
                // ", the Kremlin said" style without a second comma: the phrase right before.
            }
        }
    }
    let mut start = end;
    let mut prev_cap = false;
    let mut run_to_end = true;
    while start > 0 && end - start < 10 {
        let w = &words[start - 1];
        if start < end && !ctx.gap_is_space(w.span.end, words[start].span.start) {
            let g = ctx.gap(w.span.end, words[start].span.start);
            // "U.N. special rapporteurs", "Rep. Jane Roe": an abbreviation's full stop.
            if !(g == "’" || g == "'" || g == "-" || (g.trim() == "." && abbreviation(ctx, w))) {
                break;
            }
        }
        let l = ctx.lw(w);
        let cap = ctx.is_cap(w);
        let at_sentence_start = w.span.start <= s.span.start + 4;
        // "the Ukrainian government in Kyiv"
        if matches!(l.as_str(), "in" | "at") && prev_cap && run_to_end && start >= 2 && start < end {
            let w2 = &words[start - 2];
            if !ctx.is_cap(w2) && !ctx.lex.function_words.contains(&ctx.lw(w2)) {
                start -= 1;
                run_to_end = false;
                prev_cap = false;
                continue;
            }
        }
        // "analysts polled by LSEG": a passive participle and its named agent.
        if l == "by" && start < end && ctx.is_cap(&words[start]) && start >= 2 {
            let part = ctx.lw(&words[start - 2]);
            if part.ends_with("ed") && !ctx.is_cap(&words[start - 2]) && ctx.gap_is_space(words[start - 2].span.end, w.span.start) {
                start -= 2;
                prev_cap = false;
                run_to_end = false;
                continue;
            }
        }
        if (STOP_IN_NP.contains(&l.as_str()) || RELATIVE.contains(&l.as_str()) || CONJ.contains(&l.as_str()))
            && (!cap || at_sentence_start)
            && !is_acronym(ctx.w(w))
        {
            break;
        }
        if DETERMINERS.contains(&l.as_str()) && !cap {
            start -= 1;
            // "the two sides said", "their three lawyers said": a count after a definite
            // determiner refers back to parties already named.
            if matches!(l.as_str(), "two" | "three" | "four" | "five")
                && start >= 1
                && matches!(ctx.lw(&words[start - 1]).as_str(), "the" | "his" | "her" | "their" | "its")
                && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start)
            {
                start -= 1;
            }
            // A ranking before a name: "world number three Ana Kovac".
            if start >= 1
                && ctx.lw(&words[start - 1]) == "number"
                && let Some(t) = title_start(ctx, s, words, start)
            {
                start = t;
                break;
            }
            // "figures released by the statistics office": the participle's agent.
            if start >= 2
                && ctx.lw(&words[start - 1]) == "by"
                && ctx.lw(&words[start - 2]).ends_with("ed")
                && !ctx.is_cap(&words[start - 2])
                && ctx.gap_is_space(words[start - 2].span.end, words[start - 1].span.start)
                && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start)
            {
                start -= 2;
                prev_cap = false;
                run_to_end = false;
                continue;
            }
            let connector = start > 0 && matches!(ctx.lw(&words[start - 1]).as_str(), "of" | "for" | "from");
            if connector && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start) {
                prev_cap = false;
                run_to_end = false;
                continue;
            }
            break;
        }
        if cap {
            start -= 1;
            prev_cap = true;
            continue;
        }
        if PARTICLES.contains(&l.as_str()) && prev_cap {
            start -= 1;
            continue;
        }
        if start < end
            && prev_cap
            && run_to_end
            && !ctx.lex.source_roles.contains(&l)
            && !matches!(l.as_str(), "of" | "for" | "from")
            && !l.ends_with("’s")
            && !l.ends_with("'s")
        {
            // A noun right before a name: a relative clause hangs on it ("a battle Mr Johnson
            // predicted would be …"), unless it ends a title with no determiner that opens the
            // clause ("ECB policymaker Jane Roe said", "Lead author Dr Jane Roe said").
            if let Some(t) = title_start(ctx, s, words, start - 1) {
                start = t;
            }
            break;
        }
        if PRONOUNS.contains(&l.as_str()) && start == end {
            start -= 1;
            break;
        }
        if PRONOUNS.contains(&l.as_str()) {
            break;
        }
        start -= 1;
        prev_cap = false;
        run_to_end = false;
    }
    if start == end {
        return (None, false);
    }
    // With an appositive, the name may be inside it: "the top general, Jane Doe, said".
    if let Some(app) = appositive {
        let has_cap = (start..end).any(|i| ctx.is_cap(&words[i]) && !(i == 0 && ctx.lex.function_words.contains(ctx.w(&words[i]))));
        // A relative or participle clause is not an appositive name: "Councillor Jane Roe, who
        // voted against, said"; "several staff members, speaking privately, said".
        let first_app = ctx.lw(&words[app.start]);
        let app_names =
            (app.start..app.end).any(|i| ctx.is_cap(&words[i])) && !RELATIVE.contains(&first_app.as_str()) && !first_app.ends_with("ing");
        if !has_cap && app_names {
            return (Some(start..app.end), main_before(ctx, words, start));
        }
        // A bare name in the appositive names the role before it: "the minister's spokesman,
        // Jane Roe, said".
        let bare_name = app.len() <= 5
            && (app.start..app.end).all(|i| ctx.is_cap(&words[i]) || PARTICLES.contains(&ctx.lw(&words[i]).as_str()))
            && ctx.is_cap(&words[app.start]);
        if bare_name && ctx.lex.source_roles.contains(&ctx.lw(&words[end - 1])) {
            return (Some(start..app.end), main_before(ctx, words, start));
        }
    }
    (Some(start..end), main_before(ctx, words, start))
}

/// Whether a "that" clause follows an adverbial right after the verb: "indicated earlier this
/// week that", "stressed on Thursday that", "confirmed in a statement sent to the media that".
/// Looks at most 14 words ahead, within the clause.
fn that_after_adverbial(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    let Some(first) = words.get(we) else {
        return false;
    };
    let l = ctx.lw(first);
    let adverbial = ctx.lex.time_words.contains(&l)
        || (l.ends_with("ly") && !ctx.is_cap(first))
        || matches!(
            l.as_str(),
            "on" | "in"
                | "at"
                | "during"
                | "earlier"
                | "later"
                | "last"
                | "this"
                | "again"
                | "also"
                | "after"
                | "before"
                | "to"
                | "via"
                | "through"
                | "over"
        );
    if !adverbial {
        return false;
    }
    for k in we + 1..(we + 15).min(words.len()) {
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        if !(g.is_empty() || g == "-" || g == "’" || g == "'") {
            return false;
        }
        if ctx.lw(&words[k]) == "that" {
            return true;
        }
    }
    false
}

/// Whether a word is an abbreviation that takes a full stop ("U.S", "Rep", "Gov").
fn abbreviation(ctx: &Ctx, w: &Word) -> bool {
    let t = ctx.w(w);
    (t.contains('.') && t.chars().all(|c| c.is_alphabetic() || c == '.')) || ctx.lex.abbreviations.contains(&t.to_lowercase())
}

/// Whether a word is an acronym in capitals ("WHO", "ECB"), not a function word.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
}

/// A job title before a name ("ECB policymaker", "Lead author", "Cattle producer") ending at
/// word `k`, a lower-case noun: up to four words back to the start of the clause (the sentence
/// start, a comma or a conjunction), none a determiner, function word, time word or figure. The
/// index of its first word.
fn title_start(ctx: &Ctx, s: &Sentence, words: &[Word], k: usize) -> Option<usize> {
    let mut t = k + 1;
    while t > 0 && k + 1 - t < 4 {
        let w = &words[t - 1];
        if t <= k && !ctx.gap_is_space(w.span.end, words[t].span.start) {
            break;
        }
        let l = ctx.lw(w);
        let acronym = is_acronym(ctx.w(w));
        // A ranking: "world number three Ana Kovac", "seeded number 4 Jan Holm".
        let ranked = t >= 2 && ctx.lw(&words[t - 2]) == "number";
        if !acronym
            && !ranked
            && (!ctx.w(w).chars().all(|c| c.is_alphabetic() || c == '-')
                || ctx.lex.function_words.contains(&l)
                || ctx.lex.time_words.contains(&l)
                || DETERMINERS.contains(&l.as_str())
                || PRONOUNS.contains(&l.as_str())
                || (t <= k && !ctx.is_cap(w) && l.ends_with("ed")))
        {
            break;
        }
        t -= 1;
    }
    if t > k {
        return None;
    }
    // The title opens its clause.
    let opens = t == 0 || words[t].span.start <= s.span.start + 1 || {
        let p = &words[t - 1];
        let g = ctx.gap(p.span.end, words[t].span.start).trim();
        g.ends_with([',', ';', ':', '—', '–']) || (g.is_empty() && CONJ.contains(&ctx.lw(p).as_str()))
    };
    opens.then_some(t)
}

/// A word that names a time: "Friday", "week", "yesterday".
fn time_word(ctx: &Ctx, l: &str) -> bool {
    ctx.lex.time_words.contains(l) || matches!(l, "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "day")
}

/// What precedes a source phrase decides whether its verb governs the main clause.
fn main_before(ctx: &Ctx, words: &[Word], start: usize) -> bool {
    // "and this week the startup announced": a time phrase before the subject is transparent.
    let mut k = start;
    while k > 0 && start - k < 3 && ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
        let l = ctx.lw(&words[k - 1]);
        if time_word(ctx, &l) || matches!(l.as_str(), "this" | "last" | "next" | "earlier" | "later" | "on") {
            k -= 1;
        } else {
            break;
        }
    }
    if k < start && k > 0 && time_word(ctx, &ctx.lw(&words[start - 1])) {
        return main_before(ctx, words, k);
    }
    if start == 0 {
        true
    } else {
        let w = &words[start - 1];
        let g = ctx.gap(w.span.end, words[start].span.start).trim();
        let l = ctx.lw(w);
        if !g.is_empty() {
            !g.ends_with(['–', '—', '('])
        } else if RELATIVE.contains(&l.as_str()) {
            false
        } else {
            CONJ.contains(&l.as_str()) || ctx.is_cap(w) || matches!(l.as_str(), "comes" | "came" | "that")
        }
    }
}

/// Classify a source phrase (word range).
fn classify(ctx: &Ctx, s: &Sentence, words: &[Word], np: Option<std::ops::Range<usize>>) -> (SourceKind, Option<Span>) {
    let Some(r) = np else { return (SourceKind::Vague, None) };
    if r.is_empty() {
        return (SourceKind::Vague, None);
    }
    let span = words[r.start].span.start..words[r.end - 1].span.end;
    // "a woman who identified herself as the victim's mother said": a role the speaker claims
    // for themselves, with no name.
    if r.start >= 3
        && ctx.lw(&words[r.start - 1]) == "as"
        && matches!(ctx.lw(&words[r.start - 2]).as_str(), "herself" | "himself" | "themselves")
        && matches!(ctx.lw(&words[r.start - 3]).as_str(), "identified" | "described" | "introduced")
    {
        return (SourceKind::Anonymous, Some(span));
    }
    let ws: Vec<String> = r.clone().map(|i| ctx.lw(&words[i])).collect();
    // The head: the last word before "of", "from", "for", "close", "in", "at" (else the last).
    let hk = ws
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| matches!(w.as_str(), "of" | "from" | "for" | "close" | "in" | "at"))
        .map_or(ws.len() - 1, |(k, _)| k - 1);
    let head = ws[hk].clone();
    let head_word = &words[r.start + hk];
    if ws.len() == 1 && PRONOUNS.contains(&head.as_str()) {
        return (SourceKind::Pronoun, Some(span));
    }
    let head_base = head.trim_end_matches("’s").trim_end_matches("'s");
    // "analysts polled by LSEG", "figures compiled by the Red Cross": a named agent.
    if let Some(b) = ws.iter().position(|w| w == "by")
        && (r.start + b + 1..r.end).any(|i| ctx.is_cap(&words[i]))
    {
        return (SourceKind::Named, Some(span));
    }
    // "A growing number of researchers say", "a majority of voters": an unnamed share of a
    // collective.
    if matches!(head_base, "number" | "majority" | "handful" | "lot" | "host" | "minority") && ws.get(hk + 1).is_some_and(|w| w == "of") {
        return (SourceKind::Vague, Some(span));
    }
    // "A briefing note said", "an internal memo showed": a document speaks for its author.
    if OWN_DOCUMENTS.contains(&head_base) && matches!(ws[0].as_str(), "a" | "an" | "another" | "the" | "its" | "their") {
        return (SourceKind::Named, Some(span));
    }
    let definite = matches!(ws[0].as_str(), "the" | "his" | "her" | "its" | "their") && !head_base.ends_with('s');
    if ctx.lex.anonymous_sources.contains(head_base) && !ctx.is_cap(head_word) && !definite {
        return (SourceKind::Anonymous, Some(span));
    }
    if ctx.lex.anonymous_sources.contains(head_base) && head_base.ends_with('s') && !words.is_empty() {
        // "Officials revealed" at the start of a sentence.
        return (SourceKind::Anonymous, Some(span));
    }
    // An official body speaking as an office: "police said", "prosecutors allege".
    if ctx.lex.source_roles.section(head_base) == Some("body") {
        return (SourceKind::Named, Some(span));
    }
    let joined = ws.join(" ");
    // A tail inside a longer capitalised name is a proper name: "the United Nations" names a
    // body, not a vague collective (unlike "the West" or "Western nations").
    let proper = |n: usize| {
        let t = r.end - n;
        t > r.start && ctx.is_cap(&words[t]) && words[t].span.start > s.span.start + 1 && ctx.is_cap(&words[t - 1])
    };
    // "A panel of independent scientists", "the group of special rapporteurs": one body.
    if (r.start + 1..r.end).any(|i| ctx.lw(&words[i]) == "of" && GROUP_NOUNS.contains(&ctx.lw(&words[i - 1]).as_str())) {
        return (SourceKind::Named, Some(span));
    }
    for n in 1..=ws.len().min(3) {
        let tail = ws[ws.len() - n..].join(" ");
        if ctx.lex.vague_sources.contains(&tail) && !proper(n) {
            return (SourceKind::Vague, Some(span));
        }
    }
    if ws.iter().any(|w| {
        ctx.lex.vague_sources.contains(w) && matches!(w.as_str(), "observers" | "critics" | "experts" | "analysts" | "commentators")
    }) {
        return (SourceKind::Vague, Some(span));
    }
    let _ = joined;
    // A capital at the start of the sentence names no one on a function word or on a plural of
    // people or documents ("Relatives said", "Companies expect", "Studies have found").
    let has_name = r.clone().any(|i| {
        let w = &words[i];
        let initial = w.span.start <= s.span.start + 1;
        ctx.is_cap(w)
            && !(initial && {
                let l = ctx.lw(w);
                ctx.lex.function_words.contains(&l)
                    || ctx.lex.numbers.contains(&l)
                    || ctx.lex.collectives.contains(&l)
                    || ctx.lex.vague_sources.contains(&l)
                    || (ctx.lex.documents.contains(&l) && l.ends_with('s'))
                    || l.strip_suffix("ies").is_some_and(|st| ctx.lex.documents.contains(&format!("{st}y")))
            })
    });
    if has_name {
        return (SourceKind::Named, Some(span));
    }
    match ws.first().map(String::as_str) {
        Some("a" | "an" | "one" | "another") => (SourceKind::Anonymous, Some(span)),
        // "Two loggers claimed": a counted group of people, unnamed.
        Some("two" | "three" | "four" | "five" | "six") if ws.len() == 2 && ctx.lex.collectives.contains(&head) => {
            (SourceKind::Anonymous, Some(span))
        }
        Some("the" | "his" | "her" | "its" | "their") => (SourceKind::Named, Some(span)),
        // "both sides said", "both companies said": the two parties the story is about.
        Some("both") if ws.len() == 2 => (SourceKind::Named, Some(span)),
        _ if head.ends_with('s') && !head.ends_with("ss") => (SourceKind::Vague, Some(span)),
        _ => (SourceKind::Named, Some(span)),
    }
}

/// Give each quotation its speaker: the attribution right after it ("…,” he said), the one
/// that introduces it in its sentence ("X said: “…"), the quote it continues, or the
/// attribution of the sentence before or after.
pub fn assign_speakers(quotes: &mut [Quote], sentences: &[Sentence], attributions: &[Attribution]) {
    let sent_of = |at: usize| -> Option<usize> {
        let i = sentences.partition_point(|s| s.span.end <= at);
        (i < sentences.len()).then_some(i)
    };
    let usable = |a: &Attribution| a.kind != SourceKind::Vague;
    // Per sentence: its last usable main-clause attribution and its first usable one.
    let mut last_main: Vec<Option<usize>> = vec![None; sentences.len()];
    let mut first_usable: Vec<Option<usize>> = vec![None; sentences.len()];
    for (k, a) in attributions.iter().enumerate() {
        if a.sentence < sentences.len() && usable(a) {
            if a.main {
                last_main[a.sentence] = Some(k);
            }
            first_usable[a.sentence].get_or_insert(k);
        }
    }
    for qi in 0..quotes.len() {
        let q = quotes[qi].clone();
        let mut pick: Option<usize> = None;
        // Right after the quote.
        let next_q = quotes.get(qi + 1).map_or(usize::MAX, |n| n.span.start);
        let after = attributions.partition_point(|a| a.cue.start < q.span.end);
        if let Some(a) = attributions.get(after)
            && usable(a)
            && a.cue.start < next_q
            && a.cue.start - q.span.end <= 80
        {
            pick = Some(after);
        }
        // Introduced before it in the same sentence.
        if pick.is_none()
            && let Some(si) = sent_of(q.span.start)
        {
            let before = attributions.partition_point(|a| a.cue.start < q.span.start);
            if before > 0 {
                let a = &attributions[before - 1];
                if a.sentence == si && usable(a) {
                    pick = Some(before - 1);
                }
            }
        }
        // The quote it continues.
        if pick.is_none()
            && let Some(c) = q.continues
        {
            pick = quotes[c].attribution;
        }
        // The sentence before, then the sentence after.
        if pick.is_none()
            && let Some(si) = sent_of(q.span.start)
        {
            if si > 0 {
                pick = last_main[si - 1];
                if pick.is_none() && qi > 0 {
                    // The previous quote's speaker, when it is in the sentence before.
                    let p = &quotes[qi - 1];
                    if sent_of(p.span.end.saturating_sub(1)).is_some_and(|ps| ps + 1 >= si) {
                        pick = p.attribution;
                    }
                }
            }
            if pick.is_none() {
                let se = sent_of(q.span.end.saturating_sub(1)).unwrap_or(si);
                pick = first_usable.get(se + 1).copied().flatten();
            }
        }
        if let Some(p) = pick {
            quotes[qi].attribution = Some(p);
            quotes[qi].speaker = attributions[p].speaker(attributions);
        }
    }
    // A later part of a continued quote may name the speaker: give it to the earlier parts.
    for qi in (0..quotes.len()).rev() {
        if let (Some(c), Some(a)) = (quotes[qi].continues, quotes[qi].attribution)
            && quotes[c].attribution.is_none()
        {
            quotes[c].attribution = Some(a);
            quotes[c].speaker = quotes[qi].speaker.clone();
        }
    }
}
