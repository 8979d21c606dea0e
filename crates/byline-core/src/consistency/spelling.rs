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

/// Which spellings of one person's name to flag. `spellings` are the person's spellings with
/// their counts (a spelling may appear more than once, in different cases: they are merged);
/// `house` the house spelling of the given name and surname, if the desk has one.
///
/// Within each part, spellings with the same [`spelling_key`] are variants of one another. With
/// a house spelling of that part and key, every other spelling is flagged and only the house
/// spelling offered. Otherwise the spellings used less often than the most used one are flagged
/// (all of them when two tie for most used), each offered the others, most used first.
/// Spellings of different keys are never compared: "Jon" is not a variant of "John".
pub fn variants(spellings: &[Spelling], house: Option<(&str, &str)>) -> Vec<Variant> {
    // Merge case-only differences; keep the most used writing of each.
    let mut merged: Vec<(Part, String, usize, String)> = Vec::new(); // part, form, count, key
    let mut sorted: Vec<&Spelling> = spellings.iter().filter(|s| !s.form.trim().is_empty()).collect();
    sorted.sort_by(|a, b| b.count.cmp(&a.count).then(a.form.cmp(&b.form)));
    for s in sorted {
        match merged.iter_mut().find(|m| m.0 == s.part && same(&m.1, &s.form)) {
            Some(m) => m.2 += s.count,
            None => merged.push((s.part, s.form.clone(), s.count, spelling_key(&s.form))),
        }
    }
    let mut out = Vec::new();
    let mut done = vec![false; merged.len()];
    for i in 0..merged.len() {
        if done[i] {
            continue;
        }
        let group: Vec<usize> = (i..merged.len()).filter(|&j| merged[j].0 == merged[i].0 && merged[j].3 == merged[i].3).collect();
        for &j in &group {
            done[j] = true;
        }
        let part = merged[i].0;
        let house_form =
            house.map(|(g, s)| if part == Part::Given { g } else { s }).filter(|h| !h.is_empty() && spelling_key(h) == merged[i].3);
        if let Some(h) = house_form {
            let used = group.iter().find(|&&j| same(&merged[j].1, h)).map_or(0, |&j| merged[j].2);
            for &j in &group {
                if !same(&merged[j].1, h) {
                    out.push(Variant {
                        part,
                        form: merged[j].1.clone(),
                        count: merged[j].2,
                        instead: vec![(h.to_string(), used)],
                        house: true,
                    });
                }
            }
            continue;
        }
        if group.len() < 2 {
            continue;
        }
        // `group` is in descending count order.
        let top = merged[group[0]].2;
        let tied = group.iter().filter(|&&j| merged[j].2 == top).count() > 1;
        for &j in &group {
            if merged[j].2 == top && !tied {
                continue;
            }
            let instead = group.iter().filter(|&&k| k != j).map(|&k| (merged[k].1.clone(), merged[k].2)).collect();
            out.push(Variant { part, form: merged[j].1.clone(), count: merged[j].2, instead, house: false });
        }
    }
    out
}

/// The message of a flagged spelling: `"Zelenskiy" is spelled "Zelensky" elsewhere in the
/// workspace (used 5 times)`, or the house spelling.
pub fn message(v: &Variant, person: &str) -> String {
    let times = |n: usize| if n == 1 { "once".to_string() } else { format!("{n} times") };
    if v.house {
        let (h, _) = &v.instead[0];
        return format!("\"{}\" — the house spelling of {person} is \"{h}\" (byline.toml)", v.form);
    }
    let others: Vec<String> = v.instead.iter().map(|(f, n)| format!("\"{f}\" ({})", times(*n))).collect();
    format!("\"{}\" ({}) is spelled {} elsewhere in the workspace — the same person, {person}", v.form, times(v.count), others.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(part: Part, form: &str, count: usize) -> Spelling {
        Spelling { part, form: form.into(), count }
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
        assert!(message(&v[1], "Oleg Vorobyov").contains("\"Vorobyov\" (5 times)"), "{}", message(&v[1], "Oleg Vorobyov"));
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
        let v = variants(&s, Some(("Rami", "al-Haddadin")));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].form.as_str(), v[0].house), ("Haddadin", true));
        assert_eq!(v[0].instead, vec![("al-Haddadin".into(), 1)]);
        // A house spelling nobody uses yet is still the one offered.
        let v = variants(&[sp(Part::Surname, "Haddadin", 4)], Some(("Rami", "al-Haddadin")));
        assert_eq!(v[0].instead, vec![("al-Haddadin".into(), 0)]);
        // A house spelling of another name changes nothing.
        assert!(variants(&[sp(Part::Surname, "Haddadin", 4)], Some(("Rami", "Quill"))).is_empty());
    }
}
