//! People named in one article: mentions (name tokens only, no title or possessive),
//! grouped into the persons of this article, with their roles and quotes.

pub(crate) mod lexicon;
mod recognize;
pub(crate) mod tokens;

pub use lexicon::PeopleLexicon;

use lexicon::{FxHashMap, FxHashSet};

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

    /// The mention under a cursor at byte `offset`: anywhere from its first character to just
    /// after its last (where an editor puts the cursor after a double-click or typing), spaces
    /// inside a multi-word name included. Where one mention ends right where the next starts,
    /// the one that starts there wins.
    pub fn mention_at(&self, offset: usize) -> Option<&PersonMention> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        let i = match self.mentions.get(i + 1) {
            Some(next) if next.span.start <= offset => i + 1,
            _ => i,
        };
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
    let ctx = Ctx::new(text, &toks, lex);
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
    fold_into(word, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(word: &str, out: &mut String) {
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
}

/// The identity key of a person: folded given name and surname ("vladimir putin"), or the
/// folded surname alone when only that is known.
pub fn person_key(given: Option<&str>, surname: &str) -> String {
    let mut out = String::with_capacity(surname.len() + given.map_or(0, |g| g.len() + 1));
    if let Some(g) = given {
        fold_into(g, &mut out);
        out.push(' ');
    }
    for (k, w) in surname.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        fold_into(w, &mut out);
    }
    out
}

struct Raw {
    span: Span,
    given: Option<String>,
    surname: String,
    given_only: bool,
    alias: bool,
}

fn group(ctx: &Ctx, found: &[recognize::Found]) -> DocPeople {
    let raws: Vec<Raw> = found
        .iter()
        .map(|f| {
            if let Some((a, b)) = f.part {
                return Raw { span: a..b, given: None, surname: ctx.text[a..b].to_string(), given_only: false, alias: false };
            }
            let (given, surname) = recognize::split_name(ctx, f.toks.clone());
            let last = &ctx.toks[f.toks.end - 1];
            let mut span = ctx.toks[f.toks.start].start..last.end;
            // "Samuel Hart Jr.": the suffix keeps its full stop.
            if !last.possessive && recognize::is_suffix(ctx.word(f.toks.end - 1)) && ctx.text[span.end..].starts_with('.') {
                span.end += 1;
            }
            Raw { span, given, surname, given_only: f.given_only, alias: f.alias }
        })
        .collect();
    // "Senator Stott Despoja" after "Natasha Stott Despoja": a name that is the tail of a
    // longer name in the article is that person's surname.
    let mut tails: FxHashMap<String, String> = FxHashMap::default();
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
        if r.given.is_some() && !r.given_only && !tails.is_empty() {
            let surface: Vec<&str> = ctx.text[r.span.clone()].split_whitespace().collect();
            let joined = surface.join(" ");
            if let Some(t) = tails.get(&joined) {
                r.given = None;
                r.surname = t.clone();
            }
        }
    }
    let mut persons: Vec<LocalPerson> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut assign: Vec<Option<usize>> = vec![None; raws.len()];
    let mut full_flags: Vec<bool> = vec![false; raws.len()];
    let mut forms: Vec<FxHashMap<String, (usize, usize)>> = Vec::new(); // form -> (count, first)
    // Identity key -> the middle initials first seen with it ("hw").
    let mut mids: FxHashMap<String, String> = FxHashMap::default();
    // Full names first.
    for (i, r) in raws.iter().enumerate() {
        if r.given_only {
            continue;
        }
        let Some(g) = &r.given else { continue };
        let mut key = person_key(Some(g), &r.surname);
        // "George H.W. Bush" and "George W. Bush": the same names with different middle
        // initials are two people (middle initials are otherwise not part of the identity).
        let mid = middle_initials(&ctx.text[r.span.clone()]);
        if !mid.is_empty() {
            match mids.get(&key) {
                Some(m) if *m != mid => key = format!("{key} {mid}."),
                Some(_) => {}
                None => {
                    mids.insert(key.clone(), mid);
                }
            }
        }
        let p = *by_key.entry(key).or_insert_with(|| {
            persons.push(LocalPerson { surname: r.surname.clone(), has_full_name: true, ..Default::default() });
            forms.push(FxHashMap::default());
            persons.len() - 1
        });
        assign[i] = Some(p);
        full_flags[i] = true;
        let surface = &ctx.text[r.span.clone()];
        // A glued name ("JaneRoe") is shown with its missing space.
        // ("T.Clayson" stays as written.)
        let glued = !surface.contains(char::is_whitespace) && !surface.contains('.');
        // ("Joko “Jokowi” Widodo" is shown without the nickname.)
        let quoted = surface.contains(['“', '"']);
        let form = if glued || quoted { format!("{} {}", g, r.surname) } else { surface.to_string() };
        let e = forms[p].entry(form).or_insert((0, i));
        e.0 += 1;
    }
    // Indexes over the persons named in full, built once (a scan of every person per
    // surname-only mention is quadratic on long documents). Each maps a key to the persons
    // (ascending) and to their full mentions (ascending raw indices).
    let n_full = persons.len();
    let full_sk: Vec<String> = persons.iter().map(|p| person_key(None, &p.surname)).collect();
    let mut by_surname: FxHashMap<&str, Cands> = FxHashMap::default();
    for (p, sk) in full_sk.iter().enumerate() {
        by_surname.entry(sk.as_str()).or_default().persons.push(p);
        // "Burhan" for "Abdel Fattah al-Burhan".
        if let Some(bare) = bare_of_particle(sk) {
            by_surname.entry(bare).or_default().persons.push(p);
        }
    }
    let mut full_at: Vec<Vec<usize>> = vec![Vec::new(); n_full];
    for (i, a) in assign.iter().enumerate() {
        if let (true, Some(p)) = (full_flags[i], *a) {
            by_surname.entry(full_sk[p].as_str()).or_default().fulls.push(i);
            if let Some(bare) = bare_of_particle(&full_sk[p]) {
                by_surname.entry(bare).or_default().fulls.push(i);
            }
            full_at[p].push(i);
        }
    }
    // Folded first word of any full form -> persons.
    let mut by_given: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    // Folded multi-word tails of full forms ("stott despoja" of "Natasha Stott Despoja") ->
    // persons.
    let mut by_tail: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (p, fs) in forms.iter().enumerate().take(n_full) {
        for f in fs.keys() {
            let words: Vec<String> = f.split_whitespace().map(fold).collect();
            if let Some(w) = words.first() {
                push_once(by_given.entry(w.clone()).or_default(), p);
            }
            for k in 1..words.len() {
                push_once(by_tail.entry(words[k..].join(" ")).or_default(), p);
            }
        }
    }
    let mut tail_cands: FxHashMap<String, Cands> = FxHashMap::default();
    // Per person named in full: whether their first word (FIRST_ALONE) or their surname
    // (LAST_ALONE) stands alone for them somewhere in the article.
    const FIRST_ALONE: u8 = 1;
    const LAST_ALONE: u8 = 2;
    let mut alone: Vec<u8> = vec![0; n_full];
    // Surnames and given names alone.
    let mut surname_only: FxHashMap<String, usize> = FxHashMap::default();
    // Other names ("known as Janey") -> person.
    let mut aliases: FxHashMap<String, usize> = FxHashMap::default();
    for (i, r) in raws.iter().enumerate() {
        if assign[i].is_some() {
            continue;
        }
        if r.alias {
            // The name it follows: the mention just before, a few words back.
            let named = i.checked_sub(1).and_then(|j| {
                let between = ctx.text.get(raws[j].span.end..r.span.start)?;
                (between.len() < 40 && (between.contains("known as") || between.contains("nicknamed"))).then_some(assign[j]?)
            });
            if let Some(p) = named {
                assign[i] = Some(p);
                aliases.entry(person_key(None, &r.surname)).or_insert(p);
                continue;
            }
        }
        let sk = if r.given_only { String::new() } else { person_key(None, &r.surname) };
        let target = if r.given_only {
            match by_given.get(&fold(&r.surname)) {
                Some(c) if c.len() == 1 => Some(c[0]),
                _ => None,
            }
        } else {
            let mut cands = by_surname.get(sk.as_str());
            if cands.is_none() && r.surname.contains(' ') {
                // A multi-word tail ("Stott Despoja") of a full name.
                let tail = fold_words(&r.surname);
                if let Some(ps) = by_tail.get(&tail) {
                    let c = tail_cands.entry(tail).or_insert_with(|| {
                        let mut fulls: Vec<usize> = ps.iter().flat_map(|&p| full_at[p].iter().copied()).collect();
                        fulls.sort_unstable();
                        Cands { persons: ps.clone(), fulls }
                    });
                    cands = Some(&*c);
                }
            }
            // "Prince Faisal", "Sheikh Mohammed": a royal or Arab title before a given name,
            // the one person named in full with that given name.
            let ruler = || {
                if r.surname.contains(' ') || !ruler_before(ctx, r.span.start) {
                    return None;
                }
                by_given.get(&fold(&r.surname)).filter(|c| c.len() == 1).map(|c| c[0])
            };
            match cands {
                None => aliases.get(sk.as_str()).copied().or_else(ruler),
                Some(c) if c.persons.len() == 1 => Some(c.persons[0]),
                Some(c) => {
                    // Several people share the surname ("Mark Meadows" and his wife "Debbie
                    // Meadows"): the one named in full just before, in the same paragraph and
                    // at most a few sentences back; else the one the article introduced first,
                    // whom a bare surname usually means.
                    let k = c.fulls.partition_point(|&j| j < i);
                    match k.checked_sub(1).map(|k| c.fulls[k]) {
                        Some(j) if near_before(ctx.text, raws[j].span.end, r.span.start) => assign[j],
                        _ => Some(c.persons[0]),
                    }
                }
            }
        };
        let p = match target {
            Some(p) => p,
            None => {
                if r.given_only {
                    continue;
                }
                *surname_only.entry(sk).or_insert_with(|| {
                    persons.push(LocalPerson { name: r.surname.clone(), surname: r.surname.clone(), ..Default::default() });
                    forms.push(FxHashMap::default());
                    persons.len() - 1
                })
            }
        };
        if p < n_full {
            alone[p] |= if r.given_only { FIRST_ALONE } else { LAST_ALONE };
        }
        assign[i] = Some(p);
    }
    // Display names: the most frequent full form, first seen on ties.
    for (p, person) in persons.iter_mut().enumerate() {
        if let Some((form, _)) = forms[p].iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))) {
            person.name = normalise_spaces(form);
        }
        // "Xi Jinping ... Xi said": a two-word name whose first word, not a listed given name,
        // stands alone for the person and whose last word never does is written family name
        // first; the family name links them across files.
        if p < n_full && alone[p] == FIRST_ALONE {
            let words: Vec<&str> = person.name.split_whitespace().collect();
            if words.len() == 2 && !ctx.lex.is_first_name(words[0]) && fold(&person.surname) == fold(words[1]) {
                person.surname = words[0].to_string();
            }
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

/// Whether byte `a` comes shortly before byte `b`: the same paragraph, within 400 bytes.
fn near_before(text: &str, a: usize, b: usize) -> bool {
    a <= b && b - a <= 400 && text.get(a..b).is_some_and(|t| !t.contains("\n\n") && !t.contains("\r\n\r\n"))
}

/// The middle initials of a written full name, lower case ("hw" for "George H.W. Bush"; empty
/// for "Jane Roe" and for "T.J. Roe", whose initials are the given names).
fn middle_initials(surface: &str) -> String {
    let is_initials =
        |w: &str| w.contains('.') && w.split('.').all(|p| p.is_empty() || p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    let words: Vec<&str> = surface.split_whitespace().collect();
    let Some(first) = words.iter().position(|w| !is_initials(w)) else { return String::new() };
    words[first + 1..]
        .iter()
        .take_while(|w| is_initials(w))
        .flat_map(|w| w.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase))
        .collect()
}

/// The surname key without its glued Arabic article ("burhan" of "al-burhan").
fn bare_of_particle(sk: &str) -> Option<&str> {
    let bare = sk.strip_prefix("al-").or_else(|| sk.strip_prefix("el-"))?;
    (bare.chars().count() >= 2 && !bare.contains(' ')).then_some(bare)
}

/// Persons sharing a key, ascending, and their full mentions (ascending raw indices).
#[derive(Default)]
struct Cands {
    persons: Vec<usize>,
    fulls: Vec<usize>,
}

fn push_once(v: &mut Vec<usize>, p: usize) {
    if v.last() != Some(&p) {
        v.push(p);
    }
}

/// Whether a royal or Arab title ("Prince", "Sheikh", "Emir") stands right before byte `at`:
/// such titles go before a given name, not a surname.
fn ruler_before(ctx: &Ctx, at: usize) -> bool {
    let i = ctx.toks.partition_point(|t| t.start < at);
    if i == 0 || ctx.toks.get(i).is_none_or(|t| t.start != at) || !ctx.toks[i - 1].cap {
        return false;
    }
    let w = ctx.word(i - 1).to_lowercase();
    matches!(w.as_str(), "prince" | "princess" | "sheikh" | "sheikha" | "sheik" | "emir" | "king" | "queen" | "sultan" | "sayyid" | "crown")
}

fn fold_words(s: &str) -> String {
    s.split_whitespace().map(fold).collect::<Vec<_>>().join(" ")
}

fn normalise_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attach_roles(ctx: &Ctx, found: &[recognize::Found], doc: &mut DocPeople) {
    // Roles already given, per person, ASCII lower case (a scan of a person's roles per
    // mention is quadratic when one person has many).
    let mut seen: Vec<FxHashSet<String>> = vec![FxHashSet::default(); doc.persons.len()];
    // A plural title before a name ("city councillors Jane Roe and John Doe"): the end of that
    // name and the title, for the names coordinated after it.
    let mut plural: Option<(usize, String)> = None;
    for f in found {
        let start = ctx.toks[f.toks.start].start;
        if f.part.is_some() {
            continue;
        }
        let i = doc.mentions.partition_point(|m| m.span.start < start);
        let Some(m) = doc.mentions.get(i).filter(|m| m.span.start == start) else { continue };
        let p = m.person;
        let mut roles = Vec::new();
        let name_end = ctx.toks[f.toks.end - 1].end;
        // (A contributor line's role replaces its plural noun: "Harbour Press writer".)
        let contributor = recognize::contributor_role(ctx, f.toks.start);
        if let Some((a, b)) = recognize::role_before(ctx, f.toks.start).filter(|_| contributor.is_none()) {
            // As written: "Gen." keeps its full stop.
            let mut end = ctx.toks[b].end;
            if ctx.text[end..].starts_with('.') && recognize::is_short_title(ctx, b) {
                end += 1;
            }
            let role = ctx.text[ctx.toks[a].start..end].to_string();
            plural = recognize::plural_role(ctx, b).then(|| (name_end, role.clone()));
            roles.push(role);
        } else if let Some((prev_end, role)) = plural.take() {
            // "... Jane Roe, D-Ohio, and John Doe": the next name after "and".
            let between = ctx.text.get(prev_end..start).unwrap_or("");
            if between.len() <= 40 && !between.contains('\n') && between.split_whitespace().any(|w| w == "and") {
                roles.push(role.clone());
                plural = Some((name_end, role));
            }
        }
        if let Some(r) = contributor {
            roles.push(r);
        }
        let last = f.toks.end - 1;
        if let Some(r) = recognize::byline_role_line(ctx, f.toks.start, last) {
            roles.push(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].raw_end].to_string());
        }
        if let Some(k) = recognize::appositive_start(ctx, last).or_else(|| recognize::named_role_start(ctx, last))
            && let Some(r) = recognize::appositive_role(ctx, k).or_else(|| recognize::appositive_indefinite(ctx, k))
        {
            let mut a = r.start;
            while a < r.end && matches!(ctx.word(a), "the" | "The" | "a" | "an") {
                a += 1;
            }
            if a < r.end {
                roles.push(ctx.text[ctx.toks[a].start..ctx.toks[r.end - 1].raw_end].to_string());
            }
        }
        for r in roles {
            let mut r = normalise_spaces(&r);
            // "attorney for the Harbour Workers Union (HWU": close the bracket.
            if r.matches('(').count() > r.matches(')').count() {
                r.push(')');
            }
            if seen[p].insert(r.to_ascii_lowercase()) {
                doc.persons[p].roles.push(r);
            }
        }
    }
    // "Indonesia's Jane Roe": a bare place or organisation as a role only when the article
    // gives nothing better.
    let bare_place = |r: &str| r.split_whitespace().all(|w| ctx.lex.is_nonperson(w.trim_end_matches("'s").trim_end_matches("’s")));
    for person in doc.persons.iter_mut() {
        if person.roles.len() > 1 && person.roles.iter().any(|r| !bare_place(r)) {
            person.roles.retain(|r| !bare_place(r));
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
    // The union of the quotations' spans, sorted and merged, for a binary search per point.
    let mut merged: Vec<Span> = quotes.iter().map(|q| q.span.clone()).filter(|s| s.start < s.end).collect();
    merged.sort_unstable_by_key(|s| s.start);
    merged.dedup_by(|b, a| {
        if b.start <= a.end {
            a.end = a.end.max(b.end);
            true
        } else {
            false
        }
    });
    let in_quote = |at: usize| {
        let i = merged.partition_point(|s| s.start <= at);
        i > 0 && at < merged[i - 1].end
    };
    // Speech quotations by start, with the running maximum of their ends, to find those that
    // overlap a sentence without a scan of every quotation.
    let mut speech: Vec<usize> = (0..quotes.len()).filter(|&k| !quotes[k].scare).collect();
    speech.sort_by_key(|&k| quotes[k].span.start);
    let max_end: Vec<usize> = speech
        .iter()
        .scan(0usize, |m, &k| {
            *m = (*m).max(quotes[k].span.end);
            Some(*m)
        })
        .collect();
    // Sentences already gathered for a person: their quotations are in that person's list.
    let mut done: Vec<FxHashSet<usize>> = vec![FxHashSet::default(); doc.persons.len()];
    let mut has_quote: Vec<FxHashSet<(usize, usize)>> = vec![FxHashSet::default(); doc.persons.len()];
    // The person named right next to a speech cue ("said spokesman Dmitri Volkov", "Volkov
    // said"), outside quotations.
    let near_cue = |a: &crate::attribution::Attribution| -> Option<usize> {
        let i = doc.mentions.partition_point(|m| m.span.start < a.cue.end);
        if let Some(m) = doc.mentions.get(i)
            && m.span.start - a.cue.end <= 48
            && !in_quote(m.span.start)
            && !text[a.cue.end..m.span.start].contains(['.', '"', '“', '”', '\n'])
        {
            return Some(m.person);
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
        // The speech quotations overlapping the sentences the attribution covers, in order.
        let mut hits: Vec<usize> = Vec::new();
        for si in a.scope.clone().chain(std::iter::once(a.sentence)) {
            let Some(s) = sentences.get(si) else { continue };
            if !done[p].insert(si) {
                continue;
            }
            let mut k = speech.partition_point(|&q| quotes[q].span.start < s.span.end);
            while k > 0 && max_end[k - 1] > s.span.start {
                k -= 1;
                if quotes[speech[k]].span.end > s.span.start {
                    hits.push(speech[k]);
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for q in hits.into_iter().map(|k| &quotes[k]) {
            if has_quote[p].insert((q.span.start, q.span.end))
                && let Some(words) = text.get(q.inner.clone())
            {
                doc.persons[p].quotes.push((q.span.clone(), words.to_string()));
            }
        }
    }
}
