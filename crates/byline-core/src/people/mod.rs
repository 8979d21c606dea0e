//! People named in one article: mentions (name tokens only, no title or possessive),
//! grouped into the persons of this article, with their roles and quotes.

mod lexicon;
mod recognize;
mod tokens;

pub use lexicon::PeopleLexicon;

use std::collections::HashMap;

use crate::Span;
use recognize::Ctx;

/// One mention of a person in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    /// The name tokens only: "Putin" in "Mr Putin's", "Vladimir V. Putin" in full.
    pub span: Span,
    /// Index into [`DocPeople::persons`].
    pub person: usize,
    /// Whether this mention carries a given name and a surname (not a surname alone).
    pub full: bool,
}

/// One person as this article knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalPerson {
    /// The fullest name in this article, normalised ("Vladimir Putin" for "Vladimir V. Putin"
    /// when both appear; middle initials dropped from the identity).
    pub name: String,
    /// The family name, used to link surname-only mentions.
    pub surname: String,
    /// Whether the article ever names them with more than a surname.
    pub has_full_name: bool,
    /// Roles the article gives them ("Kremlin spokesman"), in order of first appearance.
    pub roles: Vec<String>,
    /// Quotations attributed to them: span of the quote and its words.
    pub quotes: Vec<(Span, String)>,
}

/// The people of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocPeople {
    pub persons: Vec<LocalPerson>,
    /// Sorted by `span.start`.
    pub mentions: Vec<PersonMention>,
    /// Lone capitalised words cued only by a speech verb ("Okafor said") that this article
    /// does not otherwise name: (span, surname). The workspace index makes each a mention of
    /// the one person in the workspace named in full with that surname, if there is exactly
    /// one; otherwise they are nobody (a company, say).
    pub tentative: Vec<(Span, String)>,
}

impl DocPeople {
    /// The mention that covers byte `offset`, if any.
    /// The tentative surname that covers byte `offset`, if any.
    pub fn tentative_at(&self, offset: usize) -> Option<&(Span, String)> {
        let i = self.tentative.partition_point(|t| t.0.end < offset);
        self.tentative.get(i).filter(|t| t.0.start <= offset && offset <= t.0.end)
    }

    pub fn mention_at(&self, offset: usize) -> Option<&PersonMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        self.mentions.get(i).filter(|m| m.span.start <= offset && offset <= m.span.end)
    }
}

/// Find the people of one article.
pub fn find(
    text: &str,
    sentences: &[crate::sentences::Sentence],
    quotes: &[crate::quotes::Quote],
    attributions: &[crate::attribution::Attribution],
    _lex: &crate::lexicon::Lexicon,
) -> DocPeople {
    find_with(text, sentences, quotes, attributions, PeopleLexicon::bundled())
}

/// Find the people of one article with the given people word lists.
pub fn find_with(
    text: &str,
    sentences: &[crate::sentences::Sentence],
    quotes: &[crate::quotes::Quote],
    attributions: &[crate::attribution::Attribution],
    lex: &PeopleLexicon,
) -> DocPeople {
    let toks = tokens::tokenize(text);
    if toks.is_empty() {
        return DocPeople::default();
    }
    let ctx = Ctx { text, toks: &toks, lex };
    let found = recognize::find_names(&ctx);
    let (tentative, found): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.tentative);
    let mut doc = group(&ctx, &found);
    doc.tentative = tentative
        .iter()
        .map(|f| {
            let t = &toks[f.toks.start];
            (t.start..t.end, text[t.start..t.end].to_string())
        })
        .filter(|(s, _)| doc.mention_at(s.start).is_none())
        .collect();
    attach_roles(&ctx, &found, &mut doc);
    attach_quotes(text, sentences, quotes, attributions, &mut doc);
    doc
}

/// Fold a name word for identity: lower case, `y` as `i`, doubled letters once
/// ("Sergey"/"Sergei", "Zelenskyy"/"Zelensky").
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut prev = None;
    for c in word.chars().flat_map(|c| c.to_lowercase()) {
        let c = match c {
            'y' => 'i',
            '’' => '\'',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'á' | 'à' | 'â' | 'ä' => 'a',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            c => c,
        };
        if prev == Some(c) && c.is_alphabetic() {
            continue;
        }
        prev = Some(c);
        out.push(c);
    }
    out
}

/// The identity key of a person: folded given name and surname ("vladimir putin"), or the
/// folded surname alone when only that is known.
pub fn person_key(given: Option<&str>, surname: &str) -> String {
    let s: Vec<String> = surname.split_whitespace().map(fold).collect();
    match given {
        Some(g) => format!("{} {}", fold(g), s.join(" ")),
        None => s.join(" "),
    }
}

struct Raw {
    span: Span,
    given: Option<String>,
    surname: String,
    given_only: bool,
}

fn group(ctx: &Ctx, found: &[recognize::Found]) -> DocPeople {
    let raws: Vec<Raw> = found
        .iter()
        .map(|f| {
            if let Some((a, b)) = f.part {
                return Raw { span: a..b, given: None, surname: ctx.text[a..b].to_string(), given_only: false };
            }
            let (given, surname) = recognize::split_name(ctx, f.toks.clone());
            let span = ctx.toks[f.toks.start].start..ctx.toks[f.toks.end - 1].end;
            Raw { span, given, surname, given_only: f.given_only }
        })
        .collect();
    // "Senator Stott Despoja" after "Natasha Stott Despoja": a name that is the tail of a
    // longer name in the article is that person's surname.
    let mut tails: HashMap<String, String> = HashMap::new();
    for r in &raws {
        let words: Vec<&str> = ctx.text[r.span.clone()].split_whitespace().collect();
        if r.given.is_some() && words.len() >= 3 {
            for k in 1..words.len() - 1 {
                tails.entry(words[k..].join(" ")).or_insert_with(|| words[k..].join(" "));
            }
        }
    }
    let mut raws = raws;
    for r in raws.iter_mut() {
        if r.given.is_some() && !r.given_only {
            let surface: Vec<&str> = ctx.text[r.span.clone()].split_whitespace().collect();
            let joined = surface.join(" ");
            if let Some(t) = tails.get(&joined) {
                r.given = None;
                r.surname = t.clone();
            }
        }
    }
    let mut persons: Vec<LocalPerson> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut assign: Vec<Option<usize>> = vec![None; raws.len()];
    let mut full_flags: Vec<bool> = vec![false; raws.len()];
    let mut forms: Vec<HashMap<String, (usize, usize)>> = Vec::new(); // form -> (count, first)
    // Full names first.
    for (i, r) in raws.iter().enumerate() {
        if r.given_only {
            continue;
        }
        let Some(g) = &r.given else { continue };
        let key = person_key(Some(g), &r.surname);
        let p = *by_key.entry(key).or_insert_with(|| {
            persons.push(LocalPerson { surname: r.surname.clone(), has_full_name: true, ..Default::default() });
            forms.push(HashMap::new());
            persons.len() - 1
        });
        assign[i] = Some(p);
        full_flags[i] = true;
        let surface = &ctx.text[r.span.clone()];
        // A glued name ("JaneRoe") is shown with its missing space.
        let form = if !surface.contains(char::is_whitespace) { format!("{} {}", g, r.surname) } else { surface.to_string() };
        let e = forms[p].entry(form).or_insert((0, i));
        e.0 += 1;
    }
    // Surnames and given names alone.
    let mut surname_only: HashMap<String, usize> = HashMap::new();
    for (i, r) in raws.iter().enumerate() {
        if assign[i].is_some() {
            continue;
        }
        let target = if r.given_only {
            let g = fold(&r.surname);
            let c: Vec<usize> = (0..persons.len())
                .filter(|&p| persons[p].has_full_name)
                .filter(|&p| forms[p].keys().any(|f| f.split_whitespace().next().map(fold) == Some(g.clone())))
                .collect();
            if c.len() == 1 { Some(c[0]) } else { None }
        } else {
            let sk = person_key(None, &r.surname);
            let mut cands: Vec<usize> = (0..persons.len())
                .filter(|&p| persons[p].has_full_name && person_key(None, &persons[p].surname) == sk)
                .collect();
            if cands.is_empty() && r.surname.contains(' ') {
                // A multi-word tail ("Stott Despoja") of a full name.
                let tail = format!(" {}", fold_words(&r.surname));
                cands = (0..persons.len())
                    .filter(|&p| persons[p].has_full_name && forms[p].keys().any(|f| fold_words(f).ends_with(&tail)))
                    .collect();
            }
            match cands.len() {
                0 => None,
                1 => Some(cands[0]),
                _ => {
                    // The most recent full mention before this one, else the first person.
                    let mut best = cands[0];
                    for j in (i.saturating_sub(500)..i).rev() {
                        if full_flags[j] && assign[j].is_some_and(|p| cands.contains(&p)) {
                            best = assign[j].unwrap();
                            break;
                        }
                    }
                    Some(best)
                }
            }
        };
        let p = match target {
            Some(p) => p,
            None => {
                if r.given_only {
                    continue;
                }
                let sk = person_key(None, &r.surname);
                *surname_only.entry(sk).or_insert_with(|| {
                    persons.push(LocalPerson { name: r.surname.clone(), surname: r.surname.clone(), ..Default::default() });
                    forms.push(HashMap::new());
                    persons.len() - 1
                })
            }
        };
        assign[i] = Some(p);
    }
    // Display names: the most frequent full form, first seen on ties.
    for (p, person) in persons.iter_mut().enumerate() {
        if let Some((form, _)) = forms[p].iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))) {
            person.name = normalise_spaces(form);
        }
    }
    let mut mentions: Vec<PersonMention> = raws
        .iter()
        .enumerate()
        .filter_map(|(i, r)| assign[i].map(|p| PersonMention { span: r.span.clone(), person: p, full: full_flags[i] }))
        .collect();
    mentions.sort_by_key(|m| m.span.start);
    mentions.dedup_by(|a, b| a.span.start < b.span.end);
    DocPeople { persons, mentions, tentative: Vec::new() }
}

fn fold_words(s: &str) -> String {
    s.split_whitespace().map(fold).collect::<Vec<_>>().join(" ")
}

fn normalise_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attach_roles(ctx: &Ctx, found: &[recognize::Found], doc: &mut DocPeople) {
    for f in found {
        let start = ctx.toks[f.toks.start].start;
        if f.part.is_some() {
            continue;
        }
        let i = doc.mentions.partition_point(|m| m.span.start < start);
        let Some(m) = doc.mentions.get(i).filter(|m| m.span.start == start) else { continue };
        let p = m.person;
        let mut roles = Vec::new();
        if let Some((a, b)) = recognize::role_before(ctx, f.toks.start) {
            roles.push(ctx.text[ctx.toks[a].start..ctx.toks[b].end].to_string());
        }
        let last = f.toks.end - 1;
        if !ctx.toks[last].possessive && ctx.gap_after(last).trim() == "," {
            if let Some(r) = recognize::appositive_role(ctx, f.toks.end) {
                let mut a = r.start;
                while a < r.end && matches!(ctx.word(a), "the" | "The" | "a" | "an") {
                    a += 1;
                }
                if a < r.end {
                    roles.push(ctx.text[ctx.toks[a].start..ctx.toks[r.end - 1].raw_end].to_string());
                }
            }
        }
        for r in roles {
            let r = normalise_spaces(&r);
            let person = &mut doc.persons[p];
            if !person.roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                person.roles.push(r);
            }
        }
    }
}

fn attach_quotes(
    text: &str,
    sentences: &[crate::sentences::Sentence],
    quotes: &[crate::quotes::Quote],
    attributions: &[crate::attribution::Attribution],
    doc: &mut DocPeople,
) {
    use crate::attribution::SourceKind;
    let in_quote = |at: usize| quotes.iter().any(|q| q.span.start <= at && at < q.span.end);
    // The person named right next to a speech cue ("said spokesman Dmitri Volkov", "Volkov
    // said"), outside quotations.
    let near_cue = |a: &crate::attribution::Attribution| -> Option<usize> {
        let i = doc.mentions.partition_point(|m| m.span.start < a.cue.end);
        if let Some(m) = doc.mentions.get(i) {
            if m.span.start - a.cue.end <= 48 && !in_quote(m.span.start) && !text[a.cue.end..m.span.start].contains(['.', '"', '“', '”', '\n']) {
                return Some(m.person);
            }
        }
        let j = doc.mentions.partition_point(|m| m.span.end <= a.cue.start);
        let m = doc.mentions.get(j.checked_sub(1)?)?;
        (a.cue.start - m.span.end <= 48 && !in_quote(m.span.start) && !text[m.span.end..a.cue.start].contains(['.', '"', '“', '”', '\n']))
            .then_some(m.person)
    };
    let named = |a: &crate::attribution::Attribution| -> Option<usize> {
        let from_source = a.source.as_ref().and_then(|s| {
            // The person named in the source phrase; the last one when there are several
            // ("Putin's spokesman Dmitry Peskov").
            let hi = doc.mentions.partition_point(|m| m.span.start < s.end);
            doc.mentions[..hi].iter().rev().take_while(|m| m.span.end > s.start).next().map(|m| m.person)
        });
        // Only when the source phrase is missing or is the quotation itself.
        let no_source = a.source.as_ref().is_none_or(|s| in_quote(s.start));
        from_source.or_else(|| if no_source { near_cue(a) } else { None })
    };
    for a in attributions {
        let person = match a.kind {
            SourceKind::Named => named(a),
            SourceKind::Pronoun => {
                // The source the pronoun refers back to, else the last person named before it.
                let mut r = a.refers_to;
                let mut hops = 0;
                let mut found = None;
                while let (Some(j), true) = (r, hops < 8) {
                    let Some(b) = attributions.get(j) else { break };
                    if b.kind == SourceKind::Named {
                        found = named(b);
                        break;
                    }
                    r = b.refers_to;
                    hops += 1;
                }
                found.or_else(|| {
                    let at = a.source.as_ref().map_or(a.cue.start, |s| s.start);
                    let i = doc.mentions.partition_point(|m| m.span.start < at);
                    i.checked_sub(1).map(|i| doc.mentions[i].person)
                })
            }
            _ => None,
        };
        let Some(p) = person else { continue };
        let mut covered: Vec<Span> = Vec::new();
        for si in a.scope.clone().chain(std::iter::once(a.sentence)) {
            if let Some(s) = sentences.get(si) {
                covered.push(s.span.clone());
            }
        }
        for q in quotes.iter().filter(|q| !q.scare) {
            if covered.iter().any(|s| q.span.start < s.end && s.start < q.span.end) {
                let person = &mut doc.persons[p];
                if !person.quotes.iter().any(|(sp, _)| *sp == q.span) {
                    if let Some(words) = text.get(q.inner.clone()) {
                        person.quotes.push((q.span.clone(), words.to_string()));
                    }
                }
            }
        }
    }
}
