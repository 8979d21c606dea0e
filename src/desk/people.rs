//! `[[people]]`: the people the desk knows — full name, aliases, house spelling and roles — found
//! for a person of the index by name, so that the editor can show the desk's full name and roles
//! where an article gives none ("so a hover is right even where the article gives no role").
//!
//! This is applied at the edge (hover, workspace symbols), not in person recognition: a name
//! matches an entry when it is the entry's name, house spelling or one of its aliases, compared
//! by the spelling key of name spellings (case, accents, apostrophes, hyphens, `y`/`i`, doubled
//! letters), so "Oleksiy Kovalyov" and "Oleksiy Kovaliov" are one entry. Only whole names match:
//! a bare surname matches only when the desk lists it as an alias.

use byline_core::consistency::spelling::spelling_key;

use super::{Desk, Person};

/// A desk entry found for a person, and whether they were found by an alias (so the name the
/// workspace knows them by is not the desk's full name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known<'d> {
    pub person: &'d Person,
    pub by_alias: bool,
}

impl Desk {
    /// The first `[[people]]` entry one of `names` matches (by full name or house spelling
    /// first, then by alias). Costs the entries' names and aliases, keyed once per call: the
    /// desk's list is short.
    pub fn known_person<'d>(&'d self, names: &[&str]) -> Option<Known<'d>> {
        if self.people.is_empty() {
            return None;
        }
        let keys: Vec<String> = names.iter().map(|n| spelling_key(n)).filter(|k| !k.is_empty()).collect();
        let matches = |n: &str| {
            let k = spelling_key(n);
            !k.is_empty() && keys.contains(&k)
        };
        let by_name = self.people.iter().find(|p| matches(&p.name) || p.spelling.as_deref().is_some_and(matches));
        if let Some(person) = by_name {
            return Some(Known { person, by_alias: false });
        }
        self.people.iter().find(|p| p.aliases.iter().any(|a| matches(a))).map(|person| Known { person, by_alias: true })
    }
}

impl Known<'_> {
    /// The desk's roles that the article's own (`given`, any case) do not already state.
    pub fn roles_beyond(&self, given: &[String]) -> Vec<&str> {
        let given: Vec<String> = given.iter().map(|r| r.trim().to_lowercase()).collect();
        self.person.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty() && !given.contains(&r.to_lowercase())).collect()
    }

    /// The desk's full name: the house spelling when there is one.
    pub fn full_name(&self) -> &str {
        self.person.spelling.as_deref().unwrap_or(&self.person.name)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const DESK: &str = "[[people]]\nname = \"Oleksiy Kovalyov\"\nspelling = \"Oleksiy Kovaliov\"\naliases = [\"Olek\"]\nroles = [\"Mayor of Tarnow\", \"chair of the port board\"]\n\n[[people]]\nname = \"Brigid Aldana\"\nroles = [\"Harbour master\"]\n";

    fn desk() -> Desk {
        Desk::parse(Path::new("byline.toml"), DESK).unwrap()
    }

    #[test]
    fn found_by_full_name_spelling_or_alias() {
        let d = desk();
        let k = d.known_person(&["Oleksiy Kovalyov"]).unwrap();
        assert_eq!((k.person.name.as_str(), k.by_alias), ("Oleksiy Kovalyov", false));
        assert_eq!(k.full_name(), "Oleksiy Kovaliov");
        assert!(!d.known_person(&["oleksiy KOVALIOV"]).unwrap().by_alias);
        let k = d.known_person(&["Olek"]).unwrap();
        assert_eq!((k.person.name.as_str(), k.by_alias), ("Oleksiy Kovalyov", true));
        assert_eq!(d.known_person(&["Kovalyov"]), None, "a bare surname is no full name");
        assert_eq!(d.known_person(&["Someone Else", "Brigid Aldana"]).unwrap().person.name, "Brigid Aldana");
    }

    #[test]
    fn roles_the_article_gives_are_not_repeated() {
        let d = desk();
        let k = d.known_person(&["Olek"]).unwrap();
        assert_eq!(k.roles_beyond(&["mayor of tarnow".to_string()]), ["chair of the port board"]);
        assert_eq!(k.roles_beyond(&[]), ["Mayor of Tarnow", "chair of the port board"]);
    }
}
