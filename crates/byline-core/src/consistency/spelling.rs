//! Name spellings across the workspace: the pure decision.
//!
//! The workspace index counts, per person, how often each spelling of the given name and of the
//! surname is written ([`crate::index::WorkspaceIndex::spelling_findings`] gathers them);
//! [`variants`] decides which of those spellings are variants of one another and which of them
//! to flag. Candidates come from a normalised [`spelling_key`] (case, diacritics, `y`/`i` and
//! `ii` endings, doubled letters, hyphens, Arabic particles, `Mac`/`Mc` folded): two spellings
//! of the same part of the same person's name with the same key are variants. Spellings that
//! differ only in case ("ZELENSKY" in a headline) are one spelling.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Which part of a name a spelling is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Given,
    Surname,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Given => "given name",
            Part::Surname => "surname",
        }
    }
}

/// One spelling of one part of a person's name and how often the workspace writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    pub part: Part,
    pub form: String,
    pub count: usize,
    /// A surname written alone ("Assad"), not in a full name ("Bashar al-Assad").
    pub alone: bool,
}

/// The house spelling of a person (from the desk's `[[people]]`).
#[derive(Clone, Copy, Debug)]
pub struct House<'a> {
    pub given: &'a str,
    pub surname: &'a str,
    /// Spelling keys (given name, surname) the desk says are this person too, when they differ
    /// from the house spelling's ("Orlov" for the house spelling "Orloff").
    pub linked: &'a [(String, String)],
}

/// A spelling to flag, with the spellings to offer instead (best first: the house spelling
/// alone, else the most used).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub part: Part,
    /// The flagged spelling (as first given in the input; compare case-insensitively).
    pub form: String,
    pub count: usize,
    /// The other spellings with their counts.
    pub instead: Vec<(String, usize)>,
    /// `instead` is the house spelling from `byline.toml`.
    pub house: bool,
}

/// Particles dropped from a surname for its key: "al-Assad" and "Assad" share a key. Only
/// the Arabic article in its transliterations: particles such as "van" or "de" are part of
/// the name as people write it.
const PARTICLES: [&str; 10] = ["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"];

/// The spelling key of a name part: lower case, combining marks removed after NFD ("Müller" ->
/// "muller"), apostrophes and dots removed, leading Arabic articles dropped ("al-Assad" ->
/// "assad"), hyphens and spaces removed, "mac" at the start as "mc", `y` as `i`, doubled
/// letters once ("Zelenskyy", "Zelenskiy", "Zelensky" -> "zelenski").
pub fn spelling_key(name: &str) -> String {
    let base: String = name.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    let base = base.replace(['\'', '’', '‘', '`', '.'], "");
    let mut pieces: Vec<&str> =
        base.split(|c: char| c == '-' || c == '‐' || c == '‑' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    while pieces.len() > 1 && PARTICLES.contains(&pieces[0]) {
        pieces.remove(0);
    }
    let joined: String = pieces.concat();
    let joined = match joined.strip_prefix("mac") {
        Some(rest) if rest.chars().count() >= 3 => format!("mc{rest}"),
        _ => joined,
    };
    let mut out = String::with_capacity(joined.len());
    let mut prev = None;
    for c in joined.chars() {
        let c = if c == 'y' { 'i' } else { c };
        if prev == Some(c) {
            continue;
        }
        prev = Some(c);
        out.push(c);
    }
    out
}

/// The same spelling: equal, or equal but for case.
pub fn same(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// The key of a name part without dropping particles: "al-Assad" -> "alasad", "Assad" -> "asad".
fn strict_key(name: &str) -> String {
    spelling_key(&name.replace(['-', '‐', '‑', ' '], ""))
}

/// One spelling with its counts merged over case and position.
struct Merged {
    part: Part,
    form: String,
    count: usize,
    key: String,
    strict: String,
    /// Written in a full name; written alone.
    in_full: bool,
    alone: bool,
}

impl Merged {
    /// Whether two spellings of one key compete. Spellings that differ only by a particle
    /// compete only where they are written alike: "Hazem el-Beblawi" and then "Beblawi" alone
    /// is the usual style (the particle dropped on later references), not a variant; "Hazem
    /// el-Beblawi" in one article and "Hazem Beblawi" in another is.
    fn competes(&self, other: &Merged) -> bool {
        self.strict == other.strict || (self.in_full && other.in_full) || (self.alone && other.alone)
    }
}

/// Which spellings of one person's name to flag. `spellings` are the person's spellings with
/// their counts (a spelling may appear more than once, in different cases or positions: they
/// are merged); `house` the house spelling of the given name and surname, if the desk has one
/// (it covers the spellings of its key, and those of the keys the desk links to it).
///
/// Within each part, spellings with the same [`spelling_key`] are variants of one another
/// (spellings that differ only by a particle only where both are written in a full name, or
/// both alone). With a house spelling of that part and key, every other spelling is flagged and
/// only the house spelling offered. Otherwise a spelling is flagged when a variant of it is used
/// at least as often (two tied spellings are both flagged), and offered the variants, most used
/// first. Spellings of different keys are never compared: "Jon" is not a variant of "John".
pub fn variants(spellings: &[Spelling], house: Option<House>) -> Vec<Variant> {
    let mut merged: Vec<Merged> = Vec::new();
    let mut sorted: Vec<&Spelling> = spellings.iter().filter(|s| !s.form.trim().is_empty()).collect();
    sorted.sort_by(|a, b| b.count.cmp(&a.count).then(a.form.cmp(&b.form)));
    for s in sorted {
        let i = match merged.iter().position(|m| m.part == s.part && same(&m.form, &s.form)) {
            Some(i) => {
                merged[i].count += s.count;
                i
            }
            None => {
                let (key, strict) = (spelling_key(&s.form), strict_key(&s.form));
                merged.push(Merged { part: s.part, form: s.form.clone(), count: s.count, key, strict, in_full: false, alone: false });
                merged.len() - 1
            }
        };
        if s.alone {
            merged[i].alone = true;
        } else {
            merged[i].in_full = true;
        }
    }
    merged.sort_by(|a, b| b.count.cmp(&a.count).then(a.form.cmp(&b.form)));
    let mut out = Vec::new();
    for (i, m) in merged.iter().enumerate() {
        let house_form = house
            .filter(|h| {
                let form = pick(m.part, h.given, h.surname);
                !form.is_empty() && (spelling_key(form) == m.key || h.linked.iter().any(|(g, s)| pick(m.part, g, s) == m.key))
            })
            .map(|h| pick(m.part, h.given, h.surname));
        if let Some(h) = house_form {
            // A lone surname that differs from the house spelling by a particle only is the
            // usual later reference.
            let particle_only = spelling_key(h) == m.key && strict_key(h) != m.strict;
            if !same(&m.form, h) && (m.in_full || m.part == Part::Given || !particle_only) {
                let used = merged.iter().find(|o| o.part == m.part && same(&o.form, h)).map_or(0, |o| o.count);
                out.push(Variant { part: m.part, form: m.form.clone(), count: m.count, instead: vec![(h.to_string(), used)], house: true });
            }
            continue;
        }
        let rivals: Vec<&Merged> = merged
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && o.part == m.part && o.key == m.key && m.competes(o))
            .map(|(_, o)| o)
            .collect();
        if rivals.iter().any(|o| o.count >= m.count) {
            let instead = rivals.iter().map(|o| (o.form.clone(), o.count)).collect();
            out.push(Variant { part: m.part, form: m.form.clone(), count: m.count, instead, house: false });
        }
    }
    out
}

/// The given name or the surname of a pair, by part.
fn pick<'a>(part: Part, given: &'a str, surname: &'a str) -> &'a str {
    if part == Part::Given { given } else { surname }
}

/// The message of a flagged spelling: `"Zelenskiy" (once) is spelled "Zelensky" (5 times)
/// elsewhere in the workspace, for the same person`, or the house spelling.
pub fn message(v: &Variant) -> String {
    let times = |n: usize| if n == 1 { "once".to_string() } else { format!("{n} times") };
    if v.house {
        let (h, _) = &v.instead[0];
        return format!("\"{}\": the house spelling of this {} is \"{h}\" (byline.toml)", v.form, v.part.as_str());
    }
    let others: Vec<String> = v.instead.iter().map(|(f, n)| format!("\"{f}\" ({})", times(*n))).collect();
    format!("\"{}\" ({}) is spelled {} elsewhere in the workspace, for the same person", v.form, times(v.count), others.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn house<'a>(given: &'a str, surname: &'a str) -> Option<House<'a>> {
        Some(House { given, surname, linked: &[] })
    }

    #[test]
    fn a_house_spelling_covers_the_names_the_desk_links_to_it() {
        // name = "Tamsin Orlov", spelling = "Tamsin Orloff": different keys, one person.
        let linked = [(spelling_key("Tamsin"), spelling_key("Orlov"))];
        let h = Some(House { given: "Tamsin", surname: "Orloff", linked: &linked });
        let v = variants(&[sp(Part::Surname, "Orlov", 3), sp(Part::Given, "Tamsin", 3)], h);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].form.as_str(), v[0].instead.clone()), ("Orlov", vec![("Orloff".to_string(), 0)]));
        // Also where the person's surname is only ever written alone.
        let alone = Spelling { part: Part::Surname, form: "Orlov".into(), count: 2, alone: true };
        assert_eq!(variants(&[alone], h).len(), 1);
        // Without the link, Orlov and Orloff are unrelated spellings.
        assert!(variants(&[sp(Part::Surname, "Orlov", 3)], house("Tamsin", "Orloff")).is_empty());
    }

    fn sp(part: Part, form: &str, count: usize) -> Spelling {
        Spelling { part, form: form.into(), count, alone: false }
    }

    #[test]
    fn a_particle_dropped_on_a_later_reference_is_no_variant() {
        let alone = |form: &str, count| Spelling { part: Part::Surname, form: form.into(), count, alone: true };
        // "Hazem el-Beblawi" then "Beblawi": the usual style.
        assert!(variants(&[sp(Part::Surname, "el-Beblawi", 1), alone("Beblawi", 8)], None).is_empty());
        // Both in full names, or both alone: variants.
        assert_eq!(variants(&[sp(Part::Surname, "el-Beblawi", 1), sp(Part::Surname, "Beblawi", 3)], None).len(), 1);
        assert_eq!(variants(&[alone("el-Beblawi", 1), alone("Beblawi", 3)], None).len(), 1);
        // Other differences count wherever they are written.
        assert_eq!(variants(&[sp(Part::Surname, "Vorobyov", 1), alone("Vorobiov", 3)], None).len(), 1);
        // With a house spelling, a lone surname without the particle is still fine.
        assert!(variants(&[sp(Part::Surname, "el-Beblawi", 1), alone("Beblawi", 8)], house("Hazem", "el-Beblawi")).is_empty());
        assert_eq!(variants(&[sp(Part::Surname, "Beblawi", 1)], house("Hazem", "el-Beblawi")).len(), 1);
    }

    #[test]
    fn keys_fold_transliterations_diacritics_particles_and_mac() {
        for (a, b) in [
            ("Zelensky", "Zelenskyy"),
            ("Zelensky", "Zelenskiy"),
            ("Dmitry", "Dmitri"),
            ("Müller", "Muller"),
            ("Gödel", "Godel"),
            ("al-Assad", "Assad"),
            ("Al Assad", "Assad"),
            ("el-Sisi", "Sisi"),
            ("MacKenna", "McKenna"),
            ("O'Brien", "OBrien"),
            ("Nuñez", "Nunez"),
            ("Kowalczyk", "KOWALCZYK"),
        ] {
            assert_eq!(spelling_key(a), spelling_key(b), "{a} / {b}");
        }
        for (a, b) in [("Jon", "John"), ("Mark", "Marks"), ("Macy", "Mcy"), ("Olsen", "Olson"), ("de Vries", "Vries"), ("Al", "")] {
            assert_ne!(spelling_key(a), spelling_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn the_less_used_spelling_is_flagged_with_the_others_offered() {
        let v = variants(
            &[
                sp(Part::Surname, "Vorobyov", 5),
                sp(Part::Surname, "Vorobiov", 1),
                sp(Part::Surname, "Vorobyyov", 2),
                sp(Part::Given, "Oleg", 8),
            ],
            None,
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].form, "Vorobyyov");
        assert_eq!(v[0].instead, vec![("Vorobyov".into(), 5), ("Vorobiov".into(), 1)]);
        assert_eq!(v[1].form, "Vorobiov");
        assert!(v.iter().all(|x| !x.house && x.part == Part::Surname));
        assert!(message(&v[1]).contains("\"Vorobyov\" (5 times)"), "{}", message(&v[1]));
    }

    #[test]
    fn case_only_differences_and_different_keys_are_not_variants() {
        assert!(variants(&[sp(Part::Surname, "Tannberg", 3), sp(Part::Surname, "TANNBERG", 1)], None).is_empty());
        assert!(variants(&[sp(Part::Given, "Jon", 3), sp(Part::Given, "John", 1)], None).is_empty());
        assert!(variants(&[sp(Part::Surname, "Quill", 1)], None).is_empty());
    }

    #[test]
    fn a_tie_flags_both_spellings() {
        let v = variants(&[sp(Part::Surname, "Müllerson", 2), sp(Part::Surname, "Mullerson", 2)], None);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].instead.len(), 1);
    }

    #[test]
    fn the_house_spelling_wins_and_is_the_only_offer() {
        let s = [sp(Part::Surname, "Haddadin", 4), sp(Part::Surname, "al-Haddadin", 1), sp(Part::Given, "Rami", 5)];
        let v = variants(&s, house("Rami", "al-Haddadin"));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].form.as_str(), v[0].house), ("Haddadin", true));
        assert_eq!(v[0].instead, vec![("al-Haddadin".into(), 1)]);
        // A house spelling nobody uses yet is still the one offered.
        let v = variants(&[sp(Part::Surname, "Haddadin", 4)], house("Rami", "al-Haddadin"));
        assert_eq!(v[0].instead, vec![("al-Haddadin".into(), 0)]);
        // A house spelling of another name changes nothing.
        assert!(variants(&[sp(Part::Surname, "Haddadin", 4)], house("Rami", "Quill")).is_empty());
    }
}
