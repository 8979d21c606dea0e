//! Grouping the mentions of one article into persons: full names first (one person per
//! given name and surname, middle initials apart), then surnames, given names and aliases alone,
//! each linked to the person named in full they stand for, by a surname index.

use super::group_memo::Reads;
use super::lexicon::FxHashMap;
use super::recognize::{self, Ctx};
use super::{DocPeople, LocalPerson, NameForm, PersonMention, fold, normalise_spaces, person_key};
use crate::Span;
use std::borrow::Cow;
use std::cell::OnceCell;

/// A mention with its names: slices of the text, except a surname made from a longer name's
/// tail (see [`raw_mentions`]).
pub(super) struct Raw<'t> {
    pub(super) span: Span,
    pub(super) given: Option<&'t str>,
    pub(super) surname: Cow<'t, str>,
    pub(super) given_only: bool,
    pub(super) alias: bool,
}

/// The persons so far, and which each mention is.
struct Grouping {
    persons: Vec<LocalPerson>,
    /// Per mention: its person.
    assign: Vec<Option<usize>>,
    /// Per mention: whether it is a full name.
    full_flags: Vec<bool>,
    /// Per person: their full forms as written -> (count, first mention).
    forms: Vec<FxHashMap<String, (usize, usize)>>,
}

/// Indexes over the persons named in full, built once (a scan of every person per
/// surname-only mention is quadratic on long documents). Each maps a key to the persons
/// (ascending) and to their full mentions (ascending raw indices).
struct Index<'a> {
    by_surname: FxHashMap<&'a str, Cands>,
    /// How many persons are named in full: persons `0..n_full`.
    n_full: usize,
    /// The rest, built when first needed ([`Index::names`]).
    names: OnceCell<NameIndex>,
}

/// The indexes only a given name alone, a royal title or a surname of several words asks
/// for: most articles have none, and building them (a folded copy of every word of every full
/// form) was a third of grouping.
struct NameIndex {
    /// Per person: their full mentions.
    full_at: Vec<Vec<usize>>,
    /// Folded first word of any full form -> persons.
    by_given: FxHashMap<String, Vec<usize>>,
    /// Folded multi-word tails of full forms ("stott despoja" of "Natasha Stott Despoja") ->
    /// persons.
    by_tail: FxHashMap<String, Vec<usize>>,
}

/// Per person named in full: whether their first word (FIRST_ALONE) or their surname
/// (LAST_ALONE) stands alone for them somewhere in the article.
const FIRST_ALONE: u8 = 1;
const LAST_ALONE: u8 = 2;

pub(super) fn group(ctx: &Ctx, found: &[recognize::Found]) -> DocPeople {
    group_raws(ctx, &raw_mentions(ctx, found), &mut Reads::default())
}

/// [`group`] of the mentions `raws`, with what it reads of the text outside them (the text
/// between two mentions, the word before one) noted in `reads` when it keeps them
/// (`group_memo.rs`).
pub(super) fn group_raws(ctx: &Ctx, raws: &[Raw], reads: &mut Reads) -> DocPeople {
    let mut g = full_names(ctx, raws);
    let n_full = g.persons.len();
    let full_sk: Vec<String> = g.persons.iter().map(|p| person_key(None, &p.surname)).collect();
    let index = Index::build(&g, &full_sk);
    let alone = partial_names(ctx, raws, &mut g, &index, reads);
    display_names(ctx, &mut g, &alone, n_full);
    let Grouping { persons, assign, full_flags, .. } = g;
    let mut mentions: Vec<(PersonMention, NameForm)> = raws
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            assign[i].map(|p| (PersonMention { span: r.span.clone(), person: p, full: full_flags[i] }, form_of(ctx.text, r)))
        })
        .collect();
    mentions.sort_by_key(|m| m.0.span.start);
    mentions.dedup_by(|a, b| a.0.span.start < b.0.span.end);
    let (mentions, forms) = mentions.into_iter().unzip();
    DocPeople { persons, mentions, forms, tentative: Vec::new(), dated: None }
}

/// Where the given name and the surname of a mention are, as written: "Zelenskyy" in
/// "Volodymyr Zelenskyy", "Helena" in "Helena" alone. Aliases have neither; a given name of
/// initials ("K. Srinivasan") is left out (nothing to respell or rename there).
fn form_of(text: &str, r: &Raw<'_>) -> NameForm {
    let s = &text[r.span.clone()];
    let at = |i: usize, len: usize| -> (Span, Box<str>) { (r.span.start + i..r.span.start + i + len, s[i..i + len].into()) };
    let word_bounded =
        |i: usize, len: usize| !s[..i].ends_with(|c: char| c.is_alphanumeric()) && !s[i + len..].starts_with(|c: char| c.is_alphanumeric());
    if r.alias {
        return NameForm::default();
    }
    if r.given_only {
        return NameForm { given: Some(at(0, s.len())), surname: None };
    }
    let surname =
        s.rfind(r.surname.as_ref()).filter(|&i| !r.surname.is_empty() && word_bounded(i, r.surname.len())).map(|i| at(i, r.surname.len()));
    let given = r
        .given
        .filter(|g| !g.is_empty() && !g.contains('.') && !g.contains(char::is_whitespace))
        .and_then(|g| {
            let free =
                |i: usize| surname.as_ref().is_none_or(|(sp, _)| r.span.start + i + g.len() <= sp.start || r.span.start + i >= sp.end);
            s.match_indices(g).map(|(i, _)| i).find(|&i| free(i) && word_bounded(i, g.len()))
        })
        .map(|i| at(i, r.given.map_or(0, str::len)));
    NameForm { given, surname }
}

/// The mentions with their given names and surnames.
pub(super) fn raw_mentions<'t>(ctx: &Ctx<'t>, found: &[recognize::Found]) -> Vec<Raw<'t>> {
    let mut raws: Vec<Raw<'t>> = found.iter().map(|f| raw_of(ctx, f)).collect();
    name_tails(ctx, &mut raws);
    raws
}

/// Mention `f` with its given name and surname, as its own words give them (before
/// [`name_tails`]). It reads the tokens of `f` and the byte after them.
pub(super) fn raw_of<'t>(ctx: &Ctx<'t>, f: &recognize::Found) -> Raw<'t> {
    if let Some((a, b)) = f.part {
        return Raw { span: a..b, given: None, surname: Cow::Borrowed(&ctx.text[a..b]), given_only: false, alias: false };
    }
    let (given, surname) = recognize::split_name(ctx, f.toks.clone());
    let surname = Cow::Borrowed(surname);
    let last = &ctx.toks[f.toks.end - 1];
    let mut span = ctx.toks[f.toks.start].start..last.end;
    // "Samuel Hart Jr.": the suffix keeps its full stop.
    if !last.possessive && recognize::is_suffix(ctx.word(f.toks.end - 1)) && ctx.text[span.end..].starts_with('.') {
        span.end += 1;
    }
    Raw { span, given, surname, given_only: f.given_only, alias: f.alias }
}

/// "Senator Stott Despoja" after "Natasha Stott Despoja": a name that is the tail of a longer
/// name in the article is that person's surname.
pub(super) fn name_tails(ctx: &Ctx, raws: &mut [Raw]) {
    let mut tails: FxHashMap<String, String> = FxHashMap::default();
    for r in raws.iter() {
        // (Counted first: most names have two words and no tails.)
        if r.given.is_none() || ctx.text[r.span.clone()].split_whitespace().nth(2).is_none() {
            continue;
        }
        let words: Vec<&str> = ctx.text[r.span.clone()].split_whitespace().collect();
        for k in 1..words.len() - 1 {
            tails.entry(words[k..].join(" ")).or_insert_with(|| words[k..].join(" "));
        }
    }
    if tails.is_empty() {
        return;
    }
    for r in raws.iter_mut() {
        if r.given.is_some() && !r.given_only {
            // (The words joined by single spaces: most names are written so already.)
            let surface = &ctx.text[r.span.clone()];
            let hit = if single_spaced(surface) {
                tails.get(surface)
            } else {
                tails.get(&surface.split_whitespace().collect::<Vec<_>>().join(" "))
            };
            if let Some(t) = hit {
                r.given = None;
                r.surname = Cow::Owned(t.clone());
            }
        }
    }
}

/// Whether `s` is printable ASCII words separated by single spaces: its words joined by " ".
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| c == b' ' || (b' ' < c && c < 0x7f))
        && !b.windows(2).any(|w| w == b"  ")
}

/// The persons named in full (given name and surname), one per identity key.
fn full_names(ctx: &Ctx, raws: &[Raw]) -> Grouping {
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
            persons.push(LocalPerson { surname: r.surname.to_string(), has_full_name: true, ..Default::default() });
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
        let form = if glued || quoted { Cow::Owned(format!("{} {}", g, r.surname)) } else { Cow::Borrowed(surface) };
        // (Copied only the first time it is seen.)
        match forms[p].get_mut(form.as_ref()) {
            Some(e) => e.0 += 1,
            None => {
                forms[p].insert(form.into_owned(), (1, i));
            }
        }
    }
    Grouping { persons, assign, full_flags, forms }
}

impl<'a> Index<'a> {
    /// The indexes over the persons of `g`, all named in full, whose surname keys are `full_sk`.
    fn build(g: &Grouping, full_sk: &'a [String]) -> Index<'a> {
        let (assign, full_flags) = (&g.assign, &g.full_flags);
        let mut by_surname: FxHashMap<&str, Cands> = FxHashMap::default();
        for (p, sk) in full_sk.iter().enumerate() {
            by_surname.entry(sk.as_str()).or_default().persons.push(p);
            // "Burhan" for "Abdel Fattah al-Burhan".
            if let Some(bare) = bare_of_particle(sk) {
                by_surname.entry(bare).or_default().persons.push(p);
            }
        }
        for (i, a) in assign.iter().enumerate() {
            if let (true, Some(p)) = (full_flags[i], *a) {
                by_surname.entry(full_sk[p].as_str()).or_default().fulls.push(i);
                if let Some(bare) = bare_of_particle(&full_sk[p]) {
                    by_surname.entry(bare).or_default().fulls.push(i);
                }
            }
        }
        Index { by_surname, n_full: g.persons.len(), names: OnceCell::new() }
    }

    /// The indexes by given name and by tail, built from `g` on first use. (`g` may have
    /// gained surname-only persons and mentions since [`Index::build`]; what these read — the
    /// persons named in full, their forms and full mentions — does not change.)
    fn names(&self, g: &Grouping) -> &NameIndex {
        self.names.get_or_init(|| NameIndex::build(g, self.n_full))
    }
}

impl NameIndex {
    fn build(g: &Grouping, n_full: usize) -> NameIndex {
        let (assign, full_flags, forms) = (&g.assign, &g.full_flags, &g.forms);
        let mut full_at: Vec<Vec<usize>> = vec![Vec::new(); n_full];
        for (i, a) in assign.iter().enumerate() {
            if let (true, Some(p)) = (full_flags[i], *a) {
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
                for k in 1..words.len() {
                    push_once(by_tail.entry(words[k..].join(" ")).or_default(), p);
                }
                if let Some(w) = words.into_iter().next() {
                    push_once(by_given.entry(w).or_default(), p);
                }
            }
        }
        NameIndex { full_at, by_given, by_tail }
    }
}

/// Each mention not yet assigned (a surname, a given name or an alias alone) to the person it
/// stands for, or to a new person named by a surname alone. Per person named in full, whether
/// their first word and their surname stand alone for them.
fn partial_names(ctx: &Ctx, raws: &[Raw], g: &mut Grouping, index: &Index, reads: &mut Reads) -> Vec<u8> {
    let n_full = g.persons.len();
    let mut tail_cands: FxHashMap<String, Cands> = FxHashMap::default();
    let mut alone: Vec<u8> = vec![0; n_full];
    // Surnames and given names alone.
    let mut surname_only: FxHashMap<String, usize> = FxHashMap::default();
    // Other names ("known as Janey") -> person.
    let mut aliases: FxHashMap<String, usize> = FxHashMap::default();
    for (i, r) in raws.iter().enumerate() {
        if g.assign[i].is_some() {
            continue;
        }
        if r.alias
            && let Some(p) = alias_target(ctx, raws, i, &g.assign, reads)
        {
            g.assign[i] = Some(p);
            aliases.entry(person_key(None, &r.surname)).or_insert(p);
            continue;
        }
        let sk = if r.given_only { String::new() } else { person_key(None, &r.surname) };
        let target = if r.given_only {
            match index.names(g).by_given.get(&fold(&r.surname)) {
                Some(c) if c.len() == 1 => Some(c[0]),
                _ => None,
            }
        } else {
            surname_target(ctx, raws, i, g, index, &mut tail_cands, &aliases, &sk, reads)
        };
        let p = match target {
            Some(p) => p,
            None => {
                if r.given_only {
                    continue;
                }
                *surname_only.entry(sk).or_insert_with(|| {
                    g.persons.push(LocalPerson { name: r.surname.to_string(), surname: r.surname.to_string(), ..Default::default() });
                    g.forms.push(FxHashMap::default());
                    g.persons.len() - 1
                })
            }
        };
        if p < n_full {
            alone[p] |= if r.given_only { FIRST_ALONE } else { LAST_ALONE };
        }
        g.assign[i] = Some(p);
    }
    alone
}

/// The person an alias (mention `i`) is another name of: that of the mention just before, a
/// few words back.
fn alias_target(ctx: &Ctx, raws: &[Raw], i: usize, assign: &[Option<usize>], reads: &mut Reads) -> Option<usize> {
    let j = i.checked_sub(1)?;
    reads.alias_gap(ctx.text, raws[j].span.end, raws[i].span.start).then_some(assign[j]?)
}

/// Whether the text from byte `a` to byte `b` is a short "known as" (or "nicknamed") between a
/// name and its alias.
pub(super) fn alias_gap(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|between| between.len() < 40 && (between.contains("known as") || between.contains("nicknamed")))
}

/// The person a surname alone (mention `i`, surname key `sk`) stands for.
#[allow(clippy::too_many_arguments)]
fn surname_target(
    ctx: &Ctx,
    raws: &[Raw],
    i: usize,
    g: &Grouping,
    index: &Index,
    tail_cands: &mut FxHashMap<String, Cands>,
    aliases: &FxHashMap<String, usize>,
    sk: &str,
    reads: &mut Reads,
) -> Option<usize> {
    let r = &raws[i];
    let assign = &g.assign;
    let mut cands = index.by_surname.get(sk);
    if cands.is_none() && r.surname.contains(' ') {
        // A multi-word tail ("Stott Despoja") of a full name.
        let tail = fold_words(&r.surname);
        let NameIndex { by_tail, full_at, .. } = index.names(g);
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
    let ruler = |reads: &mut Reads| {
        if r.surname.contains(' ') || !reads.ruler_before(ctx, r.span.start) {
            return None;
        }
        index.names(g).by_given.get(&fold(&r.surname)).filter(|c| c.len() == 1).map(|c| c[0])
    };
    match cands {
        None => aliases.get(sk).copied().or_else(|| ruler(reads)),
        Some(c) if c.persons.len() == 1 => Some(c.persons[0]),
        Some(c) => {
            // Several people share the surname ("Mark Meadows" and his wife "Debbie
            // Meadows"): the one named in full just before, in the same paragraph and
            // at most a few sentences back; else the one the article introduced first,
            // whom a bare surname usually means.
            let k = c.fulls.partition_point(|&j| j < i);
            match k.checked_sub(1).map(|k| c.fulls[k]) {
                Some(j) if reads.near_before(ctx.text, raws[j].span.end, r.span.start) => assign[j],
                _ => Some(c.persons[0]),
            }
        }
    }
}

/// Display names: the most frequent full form, first seen on ties.
fn display_names(ctx: &Ctx, g: &mut Grouping, alone: &[u8], n_full: usize) {
    let forms = &g.forms;
    for (p, person) in g.persons.iter_mut().enumerate() {
        if let Some((form, _)) = forms[p].iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))) {
            person.name = normalise_spaces(form);
        }
        // The fullest: most words, then most frequent, then first seen.
        let words = |f: &str| f.split_whitespace().count();
        if let Some((form, _)) = forms[p].iter().max_by(|a, b| words(a.0).cmp(&words(b.0)).then(a.1.0.cmp(&b.1.0)).then(b.1.1.cmp(&a.1.1)))
        {
            person.fullest = normalise_spaces(form);
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
}

/// Whether byte `a` comes shortly before byte `b`: the same paragraph, within 400 bytes.
pub(super) fn near_before(text: &str, a: usize, b: usize) -> bool {
    a <= b && b - a <= 400 && text.get(a..b).is_some_and(|t| !t.contains("\n\n") && !t.contains("\r\n\r\n"))
}

/// The middle initials of a written full name, lower case ("hw" for "George H.W. Bush"; empty
/// for "Jane Roe" and for "T.J. Roe", whose initials are the given names).
fn middle_initials(surface: &str) -> String {
    // (Initials have full stops: most names have none.)
    if !surface.contains('.') {
        return String::new();
    }
    let is_initials =
        |w: &str| w.contains('.') && w.split('.').all(|p| p.is_empty() || p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    let mut words = surface.split_whitespace();
    // The words after the first that is not initials.
    if !words.any(|w| !is_initials(w)) {
        return String::new();
    }
    words.take_while(|w| is_initials(w)).flat_map(|w| w.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase)).collect()
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
pub(super) fn ruler_before(ctx: &Ctx, at: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    /// Each person's display name and the mentions of them, as written.
    fn grouped(text: &str) -> Vec<(String, Vec<String>)> {
        let people = analyze(text, Format::Plain).people;
        let mentions = |p: usize| people.mentions.iter().filter(|m| m.person == p).map(|m| text[m.span.clone()].to_string()).collect();
        people.persons.iter().enumerate().map(|(p, person)| (person.name.clone(), mentions(p))).collect()
    }

    #[test]
    fn a_surname_joins_the_person_named_in_full() {
        let t = "Maria Thrandeston opened the depot. Thrandeston said it would stay open.";
        assert_eq!(grouped(t), [("Maria Thrandeston".to_string(), vec!["Maria Thrandeston".to_string(), "Thrandeston".to_string()])]);
    }

    #[test]
    fn a_shared_surname_goes_to_the_one_named_just_before() {
        let t = "Maria Thrane spoke first. John Thrane spoke next. Thrane then left.";
        let g = grouped(t);
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].1, ["John Thrane", "Thrane"]);
    }

    #[test]
    fn different_middle_initials_are_different_people() {
        let t = "George H.W. Thrane met George W. Thrane.";
        assert_eq!(grouped(t).len(), 2);
    }

    #[test]
    fn single_spacing_is_what_joining_the_words_gives() {
        for s in ["Jane Roe", "Jane  Roe", " Jane Roe", "Jane Roe ", "Jane\tRoe", "Jane\u{b}Roe", "Jane\u{a0}Roe", "Renée Roe", "", "Roe"]
        {
            if super::single_spaced(s) {
                assert_eq!(s.split_whitespace().collect::<Vec<_>>().join(" "), s, "{s:?}");
            }
        }
        assert!(super::single_spaced("Natasha Stott Despoja") && !super::single_spaced("Jane  Roe"));
    }

    #[test]
    fn the_tail_of_a_longer_name_is_a_surname() {
        let t = "Maria Stott Thrandeston spoke. Senator Stott Thrandeston then left.";
        assert_eq!(grouped(t).len(), 1);
    }
}
