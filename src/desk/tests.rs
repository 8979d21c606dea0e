use std::path::Path;

use byline_core::{Code, Severity};

use super::{Desk, ShowChecked};

fn parse(text: &str) -> Result<Desk, super::ConfigError> {
    Desk::parse(Path::new("byline.toml"), text)
}

pub const EXAMPLE: &str = include_str!("../../examples/desk/byline.toml");

#[test]
fn the_example_parses() {
    let d = parse(EXAMPLE).unwrap();
    assert_eq!(d.severity.get(&Code::AnonymousSource), Some(&None));
    assert_eq!(d.severity.get(&Code::UnattributedClaim), Some(&Some(Severity::Error)));
    assert_eq!(d.max_file_size, Some(2 << 20));
    assert_eq!(d.show_checked, ShowChecked::Hint);
    assert!(!d.sources.named.is_empty() && !d.people.is_empty());
    assert_eq!(d.ledger_file().unwrap(), Path::new("byline.ledger.toml"));
}

#[test]
fn an_empty_file_is_the_default() {
    let d = parse("").unwrap();
    assert!(d.severity.is_empty() && d.include.is_none() && d.people.is_empty());
}

#[test]
fn problems_have_a_line_and_column() {
    let cases = [
        ("[severity]\nunattributed-claim = \"loud\"\n", (2, 22), "unknown severity"),
        ("[severity]\nnot-a-code = \"off\"\n", (2, 14), "unknown code"),
        ("[files]\nexclude = [\"a/[\"]\n", (2, 12), "bad glob"),
        ("[files]\nmax_file_size = \"huge\"\n", (2, 17), ""),
        ("[ledger]\npath = \"../x.toml\"\n", (2, 8), "leaves the workspace"),
        ("[ledger]\nshow_checked = \"maybe\"\n", (2, 16), "unknown variant"),
        ("[fles]\n", (1, 2), "unknown field"),
        ("[[people]]\naliases = [\"Al\"]\n", (1, 1), "missing field `name`"),
        ("[severity\n", (1, 10), ""),
    ];
    for (text, at, msg) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.at, Some(at), "{text:?}: {e}");
        assert!(e.message.contains(msg), "{text:?}: {e}");
        assert!(e.to_string().starts_with(&format!("byline.toml:{}:{}: ", at.0, at.1)), "{e}");
    }
}

#[test]
fn desk_phrases_extend_the_lexicon_and_a_bad_one_is_an_error_on_its_line() {
    let d = parse("[sources]\nvague = [\"the grapevine has it\"]\n").unwrap();
    assert_eq!(d.sources.vague, ["the grapevine has it"]);
    assert_ne!(d.lexicon, parse("").unwrap().lexicon);
    let e = parse("[sources]\nanonymous = [\n  \"fine phrase\",\n  \"a (broken|choice\",\n]\n").unwrap_err();
    assert_eq!(e.at, Some((4, 3)), "{e}");
    assert!(e.message.contains("[sources] anonymous"), "{e}");
}
