//! The roles part of the hover on a person: the roles this article gives them first (as
//! written), then those of the other articles with their files (the most recent first), and a
//! note when this article's role conflicts with the most recent other one. Short on purpose: a
//! journalist reads it at a glance, so at most [`ROLES_SHOWN`] other roles and
//! [`FILES_SHOWN`] files each are listed.

use byline_core::index::RolesAcross;

/// How many roles from other articles a hover lists (the index is asked for no more:
/// `WorkspaceIndex::roles_shown`).
pub const ROLES_SHOWN: usize = 4;
/// How many files a hover lists for one role.
pub const FILES_SHOWN: usize = 3;

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Markdown for the roles, empty when nobody gives the person one. `file` names a document.
pub fn roles_markdown(roles: &RolesAcross, file: impl Fn(&str) -> String) -> String {
    let mut md = String::new();
    if !roles.here.is_empty() {
        md.push_str(&format!("\n{}\n", roles.here.join(" · ")));
    }
    if !roles.elsewhere.is_empty() {
        md.push_str("\nElsewhere:\n");
        for e in roles.elsewhere.iter().take(ROLES_SHOWN) {
            let mut files: Vec<String> = e.docs.iter().take(FILES_SHOWN).map(|d| file(d)).collect();
            if e.count > files.len() {
                files.push(format!("{} more", e.count - files.len()));
            }
            md.push_str(&format!("- {} — *{}*\n", e.role, files.join(", ")));
        }
        let other_roles = roles.more_roles + roles.elsewhere.len().saturating_sub(ROLES_SHOWN);
        if other_roles > 0 {
            md.push_str(&format!("- and {other_roles} other roles\n"));
        }
    }
    if let Some(c) = &roles.conflict {
        let when = c.dated.map(|(y, m, d)| format!(", {d} {} {y}", MONTHS[usize::from(m.clamp(1, 12)) - 1])).unwrap_or_default();
        md.push_str(&format!(
            "\n**Role differs:** “{}” here, “{}” in the most recent other article (*{}*{when}). Titles change: check which is current.\n",
            c.here,
            c.there,
            file(&c.doc)
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::index::{RoleConflict, RoleElsewhere};
    use std::sync::Arc;

    fn elsewhere(role: &str, docs: &[&str]) -> RoleElsewhere {
        RoleElsewhere { role: role.into(), docs: docs.iter().map(|d| Arc::from(*d)).collect(), count: docs.len() }
    }

    #[test]
    fn here_first_then_elsewhere_then_the_note() {
        let roles = RolesAcross {
            here: vec!["Health Minister".into(), "MP for Eastbridge".into()],
            elsewhere: vec![elsewhere("Finance Minister", &["b.txt"]), elsewhere("minister", &["c.txt", "d.txt", "e.txt", "f.txt"])],
            more_roles: 0,
            conflict: Some(RoleConflict {
                here: "Health Minister".into(),
                there: "Finance Minister".into(),
                doc: Arc::from("b.txt"),
                dated: Some((2026, 3, 9)),
            }),
        };
        let md = roles_markdown(&roles, |d| d.to_string());
        let here = md.find("Health Minister · MP for Eastbridge").expect(&md);
        let other = md.find("- Finance Minister — *b.txt*").expect(&md);
        assert!(here < other, "{md}");
        assert!(md.contains("- minister — *c.txt, d.txt, e.txt, 1 more*"), "{md}");
        assert!(md.contains("“Health Minister” here, “Finance Minister” in the most recent other article (*b.txt*, 9 March 2026)"), "{md}");
    }

    /// What the index lists for a hover (a few roles, a few files each, with counts) reads
    /// like the full lists.
    #[test]
    fn counts_beyond_what_is_listed() {
        let mut shown = elsewhere("minister", &["c.txt", "d.txt", "e.txt"]);
        shown.count = 40;
        let roles = RolesAcross { elsewhere: vec![shown], more_roles: 6, ..Default::default() };
        let md = roles_markdown(&roles, |d| d.to_string());
        assert!(md.contains("- minister — *c.txt, d.txt, e.txt, 37 more*"), "{md}");
        assert!(md.contains("- and 6 other roles"), "{md}");
    }

    #[test]
    fn nothing_when_nobody_gives_a_role() {
        assert_eq!(roles_markdown(&RolesAcross::default(), |d| d.to_string()), "");
    }
}
