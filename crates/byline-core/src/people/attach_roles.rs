//! Attaching roles to persons: the role before a name ("Kremlin spokesman Dmitry Peskov"),
//! a plural title over several names, a contributor line's role, the role under a byline, an
//! appositive ("Jane Roe, the chairman of ..."); a bare place or organisation only when the
//! article gives nothing better.

use super::DocPeople;
use super::lexicon::FxHashSet;
use super::recognize::{self, Ctx};

/// The roles the text around one name gives it, before the article's other mentions are
/// considered: a function of the name's tokens and what lies a few lines and at most ~40
/// tokens either side (kept per unit by `recognize/candidate_memo.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LocalRoles {
    /// The role before the name ("Kremlin spokesman"), unless a contributor line gives one,
    /// and whether it is a plural title that goes on to the names coordinated after it.
    before: Option<(String, bool)>,
    /// The roles after it, in order: a contributor line's, an identified role, the role line
    /// under a byline, a bracket, an affiliation or an appositive.
    after: Vec<String>,
}

pub(super) fn attach_roles(ctx: &Ctx, found: &[recognize::Found], doc: &mut DocPeople, mut memo: Option<&mut recognize::CandidateMemo>) {
    // Roles already given, per person, ASCII lower case (a scan of a person's roles per
    // mention is quadratic when one person has many).
    let mut seen: Vec<FxHashSet<String>> = vec![FxHashSet::default(); doc.persons.len()];
    // A plural title before a name ("city councillors Jane Roe and John Doe"): the end of that
    // name and the title, for the names coordinated after it.
    let mut plural: Option<(usize, String)> = None;
    // A contributor line needs the word "contributed": one search of the text spares most
    // articles the scan back to each name's line start.
    let contributor_lines = ctx.text.contains("contributed");
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
        let local = match memo.as_deref_mut() {
            Some(memo) => memo.local_roles(f.toks.clone(), || local_roles(ctx, f, contributor_lines)),
            None => local_roles(ctx, f, contributor_lines),
        };
        if let Some((role, is_plural)) = local.before {
            plural = is_plural.then(|| (name_end, role.clone()));
            roles.push(role);
        } else if let Some((prev_end, role)) = plural.take() {
            // "... Jane Roe, D-Ohio, and John Doe": the next name after "and".
            let between = ctx.text.get(prev_end..start).unwrap_or("");
            if between.len() <= 40 && !between.contains('\n') && (between.split_whitespace().any(|w| w == "and") || list_comma(between)) {
                roles.push(role.clone());
                plural = Some((name_end, role));
            }
        }
        roles.extend(local.after);
        for r in roles {
            let mut r = on_one_line(&r);
            // "attorney for the Harbour Workers Union (HWU": close the bracket.
            if r.matches('(').count() > r.matches(')').count() {
                r.push(')');
            }
            if seen[p].insert(r.to_ascii_lowercase()) {
                doc.persons[p].roles.push(r);
            }
        }
    }
    drop_bare_places(ctx, doc);
}

/// The [`LocalRoles`] of the name `f` (`contributor_lines`: whether the text has the word
/// "contributed" at all).
pub(crate) fn local_roles(ctx: &Ctx, f: &recognize::Found, contributor_lines: bool) -> LocalRoles {
    let mut out = LocalRoles::default();
    // (A contributor line's role replaces its plural noun: "Harbour Press writer".)
    let contributor = if contributor_lines { recognize::contributor_role(ctx, f.toks.start) } else { None };
    // (Not a headline's appeal to the person: "Back our farmers Boris:" has no role.)
    let addressed = |(a, b): &(usize, usize)| (*a..=*b).any(|k| matches!(ctx.word(k), "our" | "my" | "your"));
    if let Some((a, b)) = recognize::role_before(ctx, f.toks.start).filter(|r| contributor.is_none() && !addressed(r)) {
        // As written: "Gen." keeps its full stop.
        let mut end = ctx.toks[b].end;
        if ctx.text[end..].starts_with('.') && recognize::is_short_title(ctx, b) {
            end += 1;
        }
        // "his deputy, Jane Roe", "her husband Jon Doe": the possessive determiner says
        // whose, and the copy gives the role with it.
        let a = with_possessive_determiner(ctx, a);
        // A quoted title keeps its opening mark: "“Parasite” director".
        let mut from = ctx.toks[a].start;
        if let Some(m) = ctx.text[..from].chars().next_back().filter(|&c| c == '“' || c == '"')
            && ctx.text[from..end].contains(['”', '"'])
        {
            from -= m.len_utf8();
        }
        out.before = Some((ctx.text[from..end].to_string(), recognize::plural_role(ctx, b)));
    }
    let roles = &mut out.after;
    if let Some(r) = contributor {
        roles.push(r);
    }
    if let Some((a, b)) = recognize::identified_role(ctx, f.toks.start) {
        roles.push(ctx.text[ctx.toks[a].start..ctx.toks[b].end].to_string());
    }
    let last = f.toks.end - 1;
    if let Some(r) = recognize::byline_role_line(ctx, f.toks.start, last) {
        roles.push(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].raw_end].to_string());
    }
    if let Some(r) = recognize::bracket_role(ctx, last) {
        roles.push(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].raw_end].to_string());
    } else if let Some(r) = recognize::affiliation_after(ctx, last) {
        roles.push(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].raw_end].to_string());
    } else if let Some(k) = recognize::appositive_start(ctx, last).or_else(|| recognize::named_role_start(ctx, last))
        && let Some(r) = recognize::appositive_role(ctx, k).or_else(|| recognize::appositive_indefinite(ctx, k))
    {
        let mut a = r.start;
        while a < r.end && matches!(ctx.word(a), "the" | "The" | "a" | "an") {
            a += 1;
        }
        if a < r.end {
            let end = relative_clause_end(ctx, r.end).unwrap_or(r.end);
            roles.push(ctx.text[ctx.toks[a].start..ctx.toks[end - 1].raw_end].to_string());
        }
    }
    out
}

/// A role as written, on one line: a run of white space holding a line break (a role wrapped
/// across lines) becomes one space; other spacing stays as the article has it (roles are shown
/// as written, down to a doubled space).
fn on_one_line(role: &str) -> String {
    if !role.contains(['\n', '\r']) {
        return role.trim().to_string();
    }
    let mut out = String::with_capacity(role.len());
    for (k, line) in role.lines().enumerate() {
        if k > 0 {
            let kept = out.trim_end().len();
            out.truncate(kept);
            out.push(' ');
        }
        out.push_str(if k > 0 { line.trim_start() } else { line });
    }
    out.trim().to_string()
}

/// "Sens. Jane Roe (D-Md.), John Doe (D-Va.) and …": between two names of a list, only a
/// comma, after a short bracket or not.
fn list_comma(between: &str) -> bool {
    let rest = match (between.find('('), between.find(')')) {
        (Some(a), Some(b)) if a < b && b - a <= 16 => format!("{}{}", &between[..a], &between[b + 1..]),
        _ => between.to_string(),
    };
    rest.trim() == ","
}

/// The start of a role whose first token is `a`, moved back over a possessive determiner
/// right before it ("his deputy").
fn with_possessive_determiner(ctx: &Ctx, a: usize) -> usize {
    let det = |w: &str| {
        matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your" | "His" | "Her" | "Their" | "Its" | "Our" | "My" | "Your")
    };
    if a > 0 && det(ctx.word(a - 1)) && recognize::is_space_gap(ctx.gap_before(a)) { a - 1 } else { a }
}

/// "Indonesia's Jane Roe": a bare place or organisation as a role only when the article gives
/// nothing better.
fn drop_bare_places(ctx: &Ctx, doc: &mut DocPeople) {
    let bare_place = |r: &str| r.split_whitespace().all(|w| ctx.lex.is_nonperson(w.trim_end_matches("'s").trim_end_matches("’s")));
    for person in doc.persons.iter_mut() {
        if person.roles.len() > 1 && person.roles.iter().any(|r| !bare_place(r)) {
            person.roles.retain(|r| !bare_place(r));
        }
    }
}

/// "Jane Roe, a resident who filmed the fire, said": the relative clause that closes the
/// appositive is part of who the person is. The token after the clause, when one starting with
/// "who" at token `k` ends the appositive within ten words (at a comma, a full stop, a
/// semicolon or a dash), with no quotation in it.
fn relative_clause_end(ctx: &Ctx, k: usize) -> Option<usize> {
    let n = ctx.toks.len();
    if k >= n || !matches!(ctx.word(k), "who" | "whose") || !super::recognize::is_space_gap(ctx.gap_before(k)) {
        return None;
    }
    for j in k + 1..n.min(k + 11) {
        let g = ctx.gap_after(j);
        if g.contains(['"', '“', '”', '(', '\n']) {
            return None;
        }
        let t = g.trim_start();
        // (A comma or full stop inside a figure, "2,000", ends nothing.)
        let spaced = g.ends_with([' ', '\t']) || j + 1 == n;
        if (spaced && t.starts_with([',', '.', ';', '–', '—', ')'])) || (t.starts_with('-') && g.starts_with(' ')) {
            // ("… who directs the Military, Veterans and Society Program": a list inside a name.)
            let in_name = t.starts_with(',') && ctx.toks[j].cap && ctx.toks.get(j + 1).is_some_and(|x| x.cap);
            return (!in_name).then_some(j + 1);
        }
        if !t.is_empty() && !g.trim().is_empty() {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    fn roles(text: &str) -> Vec<Vec<String>> {
        analyze(text, Format::Plain).people.persons.into_iter().map(|p| p.roles).collect()
    }

    #[test]
    fn a_role_before_and_an_appositive_after() {
        let t = "Depot manager Maria Thrane, the union's chair, spoke.";
        assert_eq!(roles(t), [["Depot manager", "union's chair"]]);
    }

    #[test]
    fn a_role_keeps_its_spacing_and_comes_onto_one_line() {
        let t = "Maria Thrane, director of the Institute for Harbour  Studies at Tarrow, spoke.";
        assert_eq!(roles(t), [["director of the Institute for Harbour  Studies at Tarrow"]]);
        // (A role found across a line break, should a cue ever reach over one.)
        assert_eq!(super::on_one_line("chair of the Harbour \n  Board"), "chair of the Harbour Board");
    }

    #[test]
    fn a_capitalised_title_of_a_named_office_before_the_name() {
        assert_eq!(roles("Minister of Finance Maria Thrane said the budget was late."), [["Minister of Finance"]]);
        let t = "Chair of the Tarrow Ports Authority Peter Loss said the quay would reopen.";
        assert_eq!(roles(t), [["Chair of the Tarrow Ports Authority"]]);
        let t = "Prices will rise, Chief Financial Officer of Harbour Value Maria Thrane said.";
        assert_eq!(roles(t), [["Chief Financial Officer of Harbour Value"]]);
    }

    #[test]
    fn two_titles_joined_by_and_are_one_role() {
        assert_eq!(roles("Sales rose, President and CEO Maria Thrane said on Monday."), [["President and CEO"]]);
        assert_eq!(roles("Health and Harbour Services Secretary Maria Thrane spoke."), [["Health and Harbour Services Secretary"]]);
        assert_eq!(roles("The ferry's founder and chief executive Peter Loss left."), [["ferry's founder and chief executive"]]);
        // Not a plural title after "and".
        assert_eq!(roles("The Mayor and Councillors Maria Thrane and Peter Loss voted."), [["Councillors"], ["Councillors"]]);
    }

    #[test]
    fn an_appeal_in_a_headline_is_no_role() {
        assert_eq!(roles("Back our fishermen Ilsa: the council must act, said Ilsa Brandvold."), [Vec::<String>::new()]);
    }

    #[test]
    fn a_possessive_determiner_stays_with_the_role() {
        assert_eq!(roles("The mayor and his deputy, Maria Thrane, left early."), [["his deputy"]]);
        assert_eq!(roles("She thanked her mentor Maria Thrane for it."), [["her mentor"]]);
    }

    #[test]
    fn a_plural_title_over_coordinated_names() {
        let t = "City councillors Maria Thrane and John Vessberg voted against it.";
        assert_eq!(roles(t), [["City councillors"], ["City councillors"]]);
    }

    #[test]
    fn a_short_plural_title_over_a_list_of_legislators() {
        let t = "The motion was backed by Sens. Maria Thrane (D-Md.), Ilka Brandvold (D-Md.) and Tovi Kalmar (D-Va.).";
        assert_eq!(roles(t), [["Sens."], ["Sens."], ["Sens."]]);
    }

    #[test]
    fn a_bare_place_only_when_nothing_better() {
        assert_eq!(roles("Norway's Maria Thrane spoke."), [["Norway"]]);
        assert_eq!(roles("Norway's Maria Thrane, the depot manager, spoke."), [["depot manager"]]);
    }

    #[test]
    fn a_relative_clause_closing_the_appositive_is_part_of_the_role() {
        assert_eq!(
            roles("Maria Thrane, a harbour pilot who filmed the fire, said it spread fast."),
            [["harbour pilot who filmed the fire"]]
        );
        // Not one that runs on into the sentence, nor one with a quotation.
        assert_eq!(
            roles(
                "Maria Thrane, a harbour pilot who said she saw the fire start near the old grain store on the quay at dawn on Sunday, left."
            ),
            [["harbour pilot"]]
        );
    }
}
