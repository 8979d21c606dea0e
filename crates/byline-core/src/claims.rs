//! Claim findings: sentences that need a source.
//!
//! At most one finding per sentence, range = the sentence, checked in this order:
//! a vague attribution ("it is feared"), an anonymous source ("a senior official said"),
//! attribution to a named source (no finding), a quotation with no speaker, and a checkable
//! proposition with no source (a figure, a dated event, a prediction, a superlative, a
//! contested characterisation). Headlines, captions, boilerplate, questions and the writer's
//! own voice ("we", "you") are not findings.

use crate::Span;
use crate::attribution::{Attribution, SourceKind};
use crate::lexicon::Lexicon;
use crate::quotes::Quote;
use crate::sentences::{Role, Sentence};

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
    pub const ALL: [Code; 4] = [Code::UnattributedClaim, Code::VagueAttribution, Code::AnonymousSource, Code::UnattributedQuote];

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

/// Words that open a clause of its own after a contrast.
const CONTRAST: &[&str] = &[" while ", " but ", " whereas ", " although ", " though ", " however", " yet "];
const RESEARCH_TEAM: &[&str] = &["researchers", "authors", "scientists", "team", "investigators"];
const VOICE: &[&str] = &["we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my"];

/// Decide which sentences need a source. At most one finding per sentence.
pub fn find(text: &str, sentences: &[Sentence], quotes: &[Quote], attributions: &[Attribution], lex: &Lexicon) -> Vec<Finding> {
    let clean = crate::text::clean(text);
    let ctext: &str = &clean;
    let lower = crate::lexicon::lower(ctext);
    let n = sentences.len();
    // Quotation coverage per sentence.
    let mut quote_spans: Vec<Span> = quotes.iter().map(|q| q.span.clone()).collect();
    quote_spans.sort_by_key(|s| s.start);
    // Sentences covered by an attribution from elsewhere (colon-introduced quotes).
    // (A difference array: how many scopes cover each sentence, less the attribution's own.)
    let mut delta = vec![0i64; n + 1];
    for a in attributions {
        if a.kind == SourceKind::Named || a.kind == SourceKind::Pronoun {
            let (lo, hi) = (a.scope.start.min(n), a.scope.end.min(n));
            if lo < hi {
                delta[lo] += 1;
                delta[hi] -= 1;
                if (lo..hi).contains(&a.sentence) {
                    delta[a.sentence] -= 1;
                    delta[a.sentence + 1] += 1;
                }
            }
        }
    }
    let mut scoped = vec![false; n];
    let mut depth = 0i64;
    for (i, sc) in scoped.iter_mut().enumerate() {
        depth += delta[i];
        *sc = depth > 0;
    }
    // Attributions per sentence.
    let mut by_sent: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, a) in attributions.iter().enumerate() {
        if a.sentence < n {
            by_sent[a.sentence].push(i);
        }
    }
    // Quotes per sentence (overlapping).
    let mut q_by_sent: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (qi, q) in quotes.iter().enumerate() {
        let a = sentences.partition_point(|s| s.span.end <= q.span.start);
        let mut i = a;
        while i < n && sentences[i].span.start < q.span.end {
            q_by_sent[i].push(qi);
            i += 1;
        }
    }
    // The quotations of each sentence, for "is this inside one of them" tests.
    let q_cover: Vec<Cover> = q_by_sent.iter().map(|qs| Cover::new(qs.iter().map(|&qi| quotes[qi].span.clone()))).collect();
    // The words of each sentence.
    let words_of: Vec<Vec<crate::text::Word>> = sentences.iter().map(|s| crate::text::words(ctext, s.span.clone())).collect();
    // Writer's or reader's voice outside quotations, per sentence.
    let voice: Vec<bool> = words_of
        .iter()
        .enumerate()
        .map(|(i, ws)| {
            ws.iter().any(|w| {
                let t = &ctext[w.span.clone()];
                // Only ASCII words lower-case to one of the (ASCII) voice words.
                t.len() <= 5
                    && VOICE.iter().any(|v| v.eq_ignore_ascii_case(t))
                    && !(t == "US" || t == "ME")
                    && !q_cover[i].contains(&w.span)
            })
        })
        .collect();
    // Paragraphs of site furniture: a short paragraph with a boilerplate or reader-addressed
    // sentence is furniture as a whole, and so is a short paragraph between two such.
    let mut furniture = vec![false; n];
    {
        let mut blocks: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && sentences[j].block == sentences[i].block {
                j += 1;
            }
            blocks.push((i, j));
            i = j;
        }
        let bp: Vec<bool> =
            blocks.iter().map(|&(a, b)| b - a <= 4 && (a..b).any(|k| sentences[k].role == Role::Boilerplate || voice[k])).collect();
        for (bi, &(a, b)) in blocks.iter().enumerate() {
            let sandwiched = bi > 0 && bi + 1 < blocks.len() && bp[bi - 1] && bp[bi + 1] && b - a <= 4;
            if bp[bi] || sandwiched {
                for f in &mut furniture[a..b] {
                    *f = true;
                }
            }
        }
    }

    // The first sentence that cites a document by its publisher ("according to a study
    // published in the journal X").
    let doc_cited = attributions
        .iter()
        .filter(|a| a.kind == SourceKind::Named)
        .find(|a| {
            a.source.as_ref().is_some_and(|sp| {
                ctext[sp.clone()]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()) && lex.documents.contains(w))
            })
        })
        .map(|a| a.sentence);
    let mut out = Vec::new();
    let mut covered = vec![false; n];
    // Quotations already flagged: one finding per quotation, on its first sentence.
    let mut flagged_quote = vec![false; quotes.len()];
    for (i, s) in sentences.iter().enumerate() {
        let st = &ctext[s.span.clone()];
        let attrs: Vec<&Attribution> = by_sent[i].iter().map(|&k| &attributions[k]).collect();
        let quoted_with_speaker = quoted_bytes(s, &q_by_sent[i], quotes, true);
        let quoted_any = quoted_bytes(s, &q_by_sent[i], quotes, false);
        let len = s.span.len().max(1);
        let named_main = attrs.iter().any(|a| a.main && matches!(a.effective_kind(attributions), SourceKind::Named | SourceKind::Pronoun));
        covered[i] = named_main || scoped[i] || quoted_with_speaker * 2 >= len;
        if s.role != Role::Body || furniture[i] {
            continue;
        }
        let trimmed = st.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
        // Questions, and lead-ins that end in a colon ("This is how the players reacted:").
        if trimmed.ends_with(['?', ':']) {
            continue;
        }
        // "X did not respond to a request for comment": nothing is asserted.
        if !lex.no_comment.find(&lower[s.span.clone()]).is_empty() {
            continue;
        }
        // A hedge or an unnamed source after a named source's verb is part of what that source
        // said ("police said the powder was believed to be …"), except a marker of anonymity.
        let named_cue = attrs
            .iter()
            .filter(|a| a.main && matches!(a.effective_kind(attributions), SourceKind::Named | SourceKind::Pronoun))
            .map(|a| a.cue.end)
            .min();
        let named_according =
            attrs.iter().any(|a| a.kind == SourceKind::Named && a.source.is_some() && lower[a.cue.clone()].starts_with("according"));
        // A named source's verb that ends the sentence after a comma ("…, she said Monday.").
        let named_trailing = attrs.iter().any(|a| {
            let at = a.source.as_ref().map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
            a.main
                && matches!(a.effective_kind(attributions), SourceKind::Named | SourceKind::Pronoun)
                && lower[a.cue.end..s.span.end].split_whitespace().count() <= 2
                && lower[s.span.start..at].trim_end().ends_with(',')
        });
        // Not "according to …", which sources its own clause, nor a source after a contrast
        // ("Moscow rejects …, while the West insists …").
        let attrs: Vec<&Attribution> = attrs
            .into_iter()
            .filter(|a| {
                let reported = named_cue.is_some_and(|e| {
                    let at = a.source.as_ref().map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
                    at >= e && {
                        let between = &lower[e..at];
                        !between.contains(';') && !CONTRAST.iter().any(|c| between.contains(c))
                    }
                });
                let marker = a.kind == SourceKind::Anonymous && a.source.is_none();
                let according = lower[a.cue.clone()].starts_with("according");
                // A hedge in a sentence that names its source with "according to" or a main
                // verb is that source's ("The league is expected to review the play, according
                // to Jane Roe"; "Savings would be an estimated $9 million, she said").
                let hedge = a.kind == SourceKind::Vague
                    && a.source.is_none()
                    && !according
                    && (named_according || named_trailing)
                    && !lower[a.cue.clone()].split(' ').next().is_some_and(|w| lex.vague_sources.contains(w));
                !hedge && !reported
                    || marker
                    || according
                    || matches!(a.effective_kind(attributions), SourceKind::Named | SourceKind::Pronoun)
            })
            .collect();
        // 1. Vague attribution.
        if let Some(a) = attrs.iter().find(|a| a.effective_kind(attributions) == SourceKind::Vague && (a.main || a.message.is_some())) {
            let key = a.source.clone().unwrap_or(a.cue.clone());
            let msg = a.message.clone().unwrap_or_else(|| {
                let src = a.source.clone().unwrap_or(a.cue.clone());
                let (lo, hi) = (src.start.min(a.cue.start), src.end.max(a.cue.end));
                format!("\"{}\" — who exactly? Name the source.", short(&text[lo..hi], 8))
            });
            out.push(Finding { span: s.span.clone(), code: Code::VagueAttribution, message: msg, key });
            continue;
        }
        // 2. Anonymous source.
        // Prefer the attribution that names its (anonymous) source over a bare marker such as
        // "speaking privately", so that the message quotes who is speaking.
        let anonymous = |a: &&&Attribution| a.effective_kind(attributions) == SourceKind::Anonymous;
        if let Some(a) = attrs.iter().filter(anonymous).find(|a| a.source.is_some()).or_else(|| attrs.iter().find(anonymous)) {
            let (key, phrase) = match (a.kind, &a.source, a.refers_to) {
                (SourceKind::Pronoun, _, Some(r)) => {
                    let k = attributions[r].source.clone().unwrap_or(a.cue.clone());
                    (a.source.clone().unwrap_or(a.cue.clone()), text[k].to_string())
                }
                (_, Some(src), _) => (src.clone(), text[src.clone()].to_string()),
                _ => (a.cue.clone(), text[a.cue.clone()].to_string()),
            };
            let msg = a.message.clone().unwrap_or_else(|| {
                format!("Anonymous source: \"{}\" — can the source be named, or the reason for anonymity given?", short(&phrase, 8))
            });
            out.push(Finding { span: s.span.clone(), code: Code::AnonymousSource, message: msg, key });
            continue;
        }
        if covered[i] {
            continue;
        }
        // 3. A quotation with no speaker.
        if let Some(&qi) = q_by_sent[i].iter().find(|&&qi| {
            let q = &quotes[qi];
            !q.scare && q.speaker.is_none() && q.attribution.is_none()
        }) {
            let q = &quotes[qi];
            // A later sentence of a quotation already flagged, or a paragraph continuing it.
            let seen = flagged_quote[qi] || q.continues.is_some_and(|c| c < flagged_quote.len() && flagged_quote[c]);
            flagged_quote[qi] = true;
            if seen {
                continue;
            }
            // "What did Jane Roe say after the match?" names the speaker of the answer.
            let asked = i > 0 && {
                let p = &sentences[i - 1];
                ctext[p.span.clone()].trim_end().ends_with('?')
                    && !lex.reporting_verbs.find(&lower[p.span.clone()]).is_empty()
                    && words_of[i - 1].iter().skip(1).any(|w| ctext[w.span.clone()].starts_with(char::is_uppercase))
            };
            if asked {
                continue;
            }
            let inner = q.inner.clone();
            let msg = format!("Quotation with no speaker: \"{}\" — who said this?", short(&text[inner.clone()], 8));
            out.push(Finding { span: s.span.clone(), code: Code::UnattributedQuote, message: msg, key: inner });
            continue;
        }
        if quoted_any * 2 >= len {
            continue; // inside someone's quotation
        }
        if voice[i] {
            continue;
        }
        let words = &words_of[i];
        if words.len() < 5 {
            continue;
        }
        // A sentence about the person just quoted ("He also …", "She added …").
        let first = ctext[words[0].span.clone()].to_string();
        // Not when the writer hedges it ("He apparently left …"): that is the writer's guess.
        let hedged = words.iter().any(|w| {
            matches!(&lower[w.span.clone()], "apparently" | "seemingly" | "evidently" | "presumably") && !q_cover[i].contains(&w.span)
        });
        if matches!(first.as_str(), "He" | "She") && i > 0 && covered[i - 1] && !hedged {
            continue;
        }
        // A note on the sourcing itself ("officials spoke on condition of anonymity").
        if !lex.anonymous.find(&lower[s.span.clone()]).is_empty() {
            continue;
        }
        // A sentence about a study or report the article has already cited by its publisher
        // ("The researchers analysed 28 years of records", "The study was funded by …"): the
        // cited document's own account.
        if doc_cited.is_some_and(|d| d < i) && ctext[words[0].span.clone()] == *"The" && {
            let second = ctext[words[1].span.clone()].to_ascii_lowercase();
            lex.documents.contains(&second) || RESEARCH_TEAM.contains(&second.as_str())
        } {
            continue;
        }
        // A proposition put in a document's mouth: "In a memo to staff, …", "as set out in the
        // planning document", "one invoice included in the complaint shows", "the log says".
        if cites_document(&lower, words, &q_cover[i], lex) {
            continue;
        }
        // A headline's source before a colon: "Police: …", "Health Ministry: …".
        if source_prefix(ctext, &lower, words, lex) {
            continue;
        }
        // 4. A checkable proposition with no source.
        if let Some((key, msg)) = claim(ctext, &lower, s, words, &q_cover[i], lex) {
            out.push(Finding { span: s.span.clone(), code: Code::UnattributedClaim, message: msg, key });
        }
    }
    out
}

/// A set of spans, answering in log time whether one of them contains a given span.
struct Cover {
    /// (start, end) sorted by start.
    spans: Vec<(usize, usize)>,
    /// The largest end among `spans[..=k]`.
    max_end: Vec<usize>,
}

impl Cover {
    fn new(spans: impl Iterator<Item = Span>) -> Cover {
        let mut spans: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
        Cover { spans, max_end }
    }

    /// Whether one span starts at or before `sp.start` and ends at or after `sp.end`.
    fn contains(&self, sp: &Span) -> bool {
        let k = self.spans.partition_point(|&(s, _)| s <= sp.start);
        k > 0 && self.max_end[k - 1] >= sp.end
    }
}

/// Whether the sentence opens with one or two capitalised words ending in a source noun and a
/// colon, the way a headline names its source ("Officials: …", "Study: …"), not a place or a
/// label ("Oregon: …", "Translation: …").
fn source_prefix(ctext: &str, lower: &str, words: &[crate::text::Word], lex: &Lexicon) -> bool {
    for k in 0..words.len().saturating_sub(3).min(2) {
        let g = ctext[words[k].span.end..words[k + 1].span.start].trim();
        if !ctext[words[k].span.clone()].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if g == ":" {
            let l = &lower[words[k].span.clone()];
            return lex.source_roles.contains(l) || lex.anonymous_sources.contains(l) || lex.documents.contains(l);
        }
        if !g.is_empty() {
            return false;
        }
    }
    false
}

const DOC_DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "this", "that"];
const DOC_VERBS: &[&str] = &[
    "says",
    "said",
    "shows",
    "showed",
    "states",
    "stated",
    "notes",
    "noted",
    "lists",
    "listed",
    "reveals",
    "revealed",
    "indicates",
    "indicated",
    "describes",
    "described",
    "finds",
    "found",
];

/// Whether a document outside quotations is the sentence's source: inside a phrase "in a/the
/// … DOCUMENT" or as the subject of a verb of saying or showing ("the filing shows").
fn cites_document(lower: &str, words: &[crate::text::Word], cover: &Cover, lex: &Lexicon) -> bool {
    let spaced = |a: usize, b: usize| lower[words[a].span.end..words[b].span.start].trim().is_empty();
    (1..words.len()).any(|k| {
        if cover.contains(&words[k].span) || !lex.documents.contains(&lower[words[k].span.clone()]) {
            return false;
        }
        let governed = (k.saturating_sub(4)..k.saturating_sub(1)).any(|m| {
            &lower[words[m].span.clone()] == "in"
                && DOC_DETERMINERS.contains(&&lower[words[m + 1].span.clone()])
                && (m..k).all(|j| spaced(j, j + 1))
        });
        let subject = words.get(k + 1).is_some_and(|n| spaced(k, k + 1) && DOC_VERBS.contains(&&lower[n.span.clone()]));
        governed || subject
    })
}

fn quoted_bytes(s: &Sentence, qs: &[usize], quotes: &[Quote], with_speaker: bool) -> usize {
    qs.iter()
        .map(|&qi| &quotes[qi])
        .filter(|q| !q.scare && (!with_speaker || q.attribution.is_some()))
        .map(|q| q.span.end.min(s.span.end).saturating_sub(q.span.start.max(s.span.start)))
        .sum()
}

/// At most `n` words of `s`, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.len() <= n { ws.join(" ") } else { format!("{}…", ws[..n].join(" ")) }
}

const NUMBER_LEAD: &[&str] = &[
    "at",
    "least",
    "about",
    "around",
    "some",
    "more",
    "than",
    "up",
    "to",
    "almost",
    "nearly",
    "over",
    "under",
    "fewer",
    "less",
    "roughly",
    "approximately",
    "an",
    "estimated",
    "another",
    "just",
];
const NUMBER_STOP: &[&str] = &[
    "in", "on", "at", "to", "for", "from", "with", "and", "or", "but", "by", "of", "now", "that", "which", "who", "were", "was", "is",
    "are", "had", "have", "has", "will", "would", "the", "a", "an", "among", "amid", "as", "last", "this", "next", "since", "after",
    "before", "during",
];

/// The proposition a sentence asserts, if it is checkable: (key phrase, message).
fn claim(ctext: &str, lower: &str, s: &Sentence, words: &[crate::text::Word], cover: &Cover, lex: &Lexicon) -> Option<(Span, String)> {
    let outside = |sp: &Span| !cover.contains(sp);
    let sl = &lower[s.span.clone()];
    let base = s.span.start;
    // A figure.
    for (k, w) in words.iter().enumerate() {
        let t = &ctext[w.span.clone()];
        let l = &lower[w.span.clone()];
        let is_num = t.chars().next().is_some_and(|c| c.is_ascii_digit())
            || (lex.numbers.contains(l) && !matches!(l, "half" | "third" | "quarter" | "majority") || matches!(l, "half"));
        if !is_num || !outside(&w.span) {
            continue;
        }
        // Years and dates are not figures.
        if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) && (t.starts_with("19") || t.starts_with("20")) {
            continue;
        }
        if t.contains('/') {
            continue;
        }
        let mut a = k;
        while a > 0 && NUMBER_LEAD.contains(&lower[words[a - 1].span.clone()].as_ref()) && k - a < 3 {
            a -= 1;
        }
        let mut e = k + 1;
        while e < words.len() && e - k <= 3 {
            let l2 = &lower[words[e].span.clone()];
            if NUMBER_STOP.contains(&l2) || !ctext[words[e - 1].span.end..words[e].span.start].trim().is_empty() {
                break;
            }
            e += 1;
        }
        let key = words[a].span.start..words[e - 1].span.end;
        return Some((key.clone(), format!("No source for \"{}\" — who says so?", &ctext[key])));
    }
    // A contested characterisation.
    if let Some(m) = lex.charged.find(sl).into_iter().find(|m| outside(&(base + m.span.start..base + m.span.end))) {
        let key = base + m.span.start..base + m.span.end;
        return Some((key.clone(), format!("\"{}\" is a contested characterisation with no source — who says so?", &ctext[key])));
    }
    // "the most exciting", "its most senior": a superlative with "most".
    for (k, w) in words.iter().enumerate().skip(1) {
        if &lower[w.span.clone()] == "most" && outside(&w.span) {
            let before = &lower[words[k - 1].span.clone()];
            let after = words.get(k + 1).map(|n| &lower[n.span.clone()]);
            if (matches!(before, "the" | "its" | "their" | "his" | "her") || before.ends_with("'s") || before.ends_with("’s"))
                && after.is_some_and(|a| a.chars().all(char::is_alphabetic) && !lex.function_words.contains(a))
            {
                let key = w.span.start..words[k + 1].span.end;
                return Some((key.clone(), format!("No source for \"{}\" — who says so?", &ctext[key])));
            }
        }
    }
    // A superlative or a record.
    for w in words {
        let l = &lower[w.span.clone()];
        if !outside(&w.span) || ctext[w.span.clone()].chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let est = l.len() > 5
            && l.ends_with("est")
            && !matches!(
                l,
                "interest"
                    | "protest"
                    | "request"
                    | "arrest"
                    | "harvest"
                    | "contest"
                    | "suggest"
                    | "manifest"
                    | "honest"
                    | "modest"
                    | "forest"
                    | "latest"
                    | "investigest"
            );
        if est || (lex.superlatives.contains(l) && !matches!(l, "last" | "most" | "only")) {
            let key = w.span.clone();
            return Some((
                key.clone(),
                format!(
                    "No source for \"{}\" — who says so?",
                    short(crate::text::between(ctext, key.start, s.span.end.min(key.start + 60)), 5)
                ),
            ));
        }
    }
    // A prediction or intention.
    if let Some(m) = lex.predictions.find(sl).into_iter().find(|m| outside(&(base + m.span.start..base + m.span.end))) {
        let key = base + m.span.start..base + m.span.end;
        let phrase = short(&ctext[key.start..s.span.end], 7);
        return Some((key, format!("Prediction with no source: \"{phrase}\" — who expects this?")));
    }
    // A dated or narrated event.
    let dated = lex.time_words.contains(sl);
    let past = words.iter().skip(1).any(|w| {
        let l = &lower[w.span.clone()];
        (l.len() > 4 && l.ends_with("ed")) || IRREGULAR_PAST.contains(&l)
    });
    let named = words.iter().skip(1).any(|w| ctext[w.span.clone()].chars().next().is_some_and(char::is_uppercase));
    if dated || past || (named && words.len() >= 8) {
        let phrase = short(&ctext[s.span.clone()], 8);
        return Some((s.span.clone(), format!("No source for this account: \"{phrase}\" — who reports it?")));
    }
    None
}

const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "made", "took", "went", "came", "gave", "held", "hit", "left", "fell", "lost", "won", "began", "ran",
    "sent", "struck", "fought", "broke", "brought", "built", "bought", "caught", "drove", "flew", "fled", "grew", "kept", "led", "met",
    "paid", "put", "rose", "saw", "set", "shot", "sought", "spent", "stood", "threw", "wrote", "been", "seized", "killed",
];
