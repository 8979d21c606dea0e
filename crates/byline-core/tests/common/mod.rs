//! Helpers shared by the people tests: analyse an invented text and read back its people.
#![allow(dead_code)]

use byline_core::people::DocPeople;
use byline_core::{Format, analyze};

pub fn people(text: &str) -> DocPeople {
    analyze(text, Format::Plain).people
}

/// The mention texts, in order.
pub fn mentions(text: &str) -> Vec<String> {
    people(text).mentions.iter().map(|m| text[m.span.clone()].to_string()).collect()
}

/// The person names (display), in order of first appearance.
pub fn names(text: &str) -> Vec<String> {
    people(text).persons.iter().map(|p| p.name.clone()).collect()
}

/// The roles of the person called `name`; panics (showing the people found) when there is none.
pub fn roles_of(text: &str, name: &str) -> Vec<String> {
    let p = people(text);
    p.persons.iter().find(|p| p.name == name).map(|p| p.roles.clone()).unwrap_or_else(|| panic!("no {name} in {p:?}"))
}
