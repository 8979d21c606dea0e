//! Sentence segmentation on invented text: abbreviations, initials, decimals, times,
//! ellipses, quotes closing after the stop, one-line articles, headings and boilerplate.

use byline_core::Format;
use byline_core::sentences::{Role, split};

fn texts(t: &str, f: Format) -> Vec<&str> {
    split(t, f).iter().map(|s| &t[s.span.clone()]).collect()
}

#[test]
fn titles_and_initials_do_not_end_sentences() {
    let t = "Mr. Ortega met Dr. Lund and Maria T. Velasco in the U.S. capital. They spoke for an hour.";
    assert_eq!(texts(t, Format::Plain), ["Mr. Ortega met Dr. Lund and Maria T. Velasco in the U.S. capital.", "They spoke for an hour."]);
}

#[test]
fn acronym_at_sentence_end_splits_before_a_usual_opener() {
    let t = "The delegation flew to the U.S. The talks begin Monday.";
    assert_eq!(texts(t, Format::Plain), ["The delegation flew to the U.S.", "The talks begin Monday."]);
}

#[test]
fn months_and_numbers() {
    let t = "The vote is on Jan. 12 at No. 4 Harbour Road. Turnout was 3.5 per cent at 9:30am. Officials were surprised.";
    assert_eq!(
        texts(t, Format::Plain),
        ["The vote is on Jan. 12 at No. 4 Harbour Road.", "Turnout was 3.5 per cent at 9:30am.", "Officials were surprised."]
    );
}

#[test]
fn ellipsis_inside_and_between_sentences() {
    let t = "She paused… then carried on. It was late... The crowd left.";
    assert_eq!(texts(t, Format::Plain), ["She paused… then carried on.", "It was late...", "The crowd left."]);
}

#[test]
fn quote_closing_after_the_stop_stays_with_its_sentence() {
    let t = "“We will rebuild the bridge.” The mayor smiled. \"It is done.\" He left.";
    assert_eq!(texts(t, Format::Plain), ["“We will rebuild the bridge.”", "The mayor smiled.", "\"It is done.\"", "He left."]);
}

#[test]
fn question_inside_quote_followed_by_lowercase_attribution_is_one_sentence() {
    let t = "“Where is the money?” she asked. Nobody answered.";
    assert_eq!(texts(t, Format::Plain), ["“Where is the money?” she asked.", "Nobody answered."]);
}

#[test]
fn one_line_article_is_split() {
    let t = "The ferry sank near the island. Rescuers pulled 40 people from the water. \"It was chaos,\" a fisherman said. The search resumes today. ";
    assert_eq!(split(t, Format::Plain).len(), 4);
}

#[test]
fn headlines_and_boilerplate_lines_get_their_roles() {
    let t = "Harbour Town Braces For Storm\n\nBy Press Association\n\nSign up for our morning newsletter.\n\nThe storm reached the coast at noon.\n";
    let s = split(t, Format::Plain);
    let roles: Vec<Role> = s.iter().map(|s| s.role).collect();
    assert_eq!(roles, [Role::Headline, Role::Boilerplate, Role::Boilerplate, Role::Body]);
}

#[test]
fn caption_with_agency_credit_is_boilerplate() {
    let t = "Volunteers stack sandbags along the river bank on Tuesday (AP)\nThe river rose two metres.\n";
    let s = split(t, Format::Plain);
    assert_eq!(s[0].role, Role::Boilerplate);
    assert_eq!(s[1].role, Role::Body);
}

#[test]
fn related_stories_zone_at_the_end_is_boilerplate() {
    let t = "The council approved the budget on Monday. It includes a new library.\n\nLatest News\n\nFive injured as bus overturns on coast road.\n";
    let s = split(t, Format::Plain);
    assert_eq!(s.last().unwrap().role, Role::Boilerplate);
    assert_eq!(s[0].role, Role::Body);
}

#[test]
fn markdown_code_front_matter_and_comments_are_not_prose() {
    let t = "---\ntitle: Test. Draft.\n---\n# Floods hit the valley\n\nThe river burst its banks.\n\n```\nlet x = \"not a quote. At all.\";\n```\n\n    indented code. Here.\n\n<!-- note to editor. Check. -->\nWater reached 2 metres.\n";
    let got = texts(t, Format::Markdown);
    assert_eq!(got, ["Floods hit the valley", "The river burst its banks.", "Water reached 2 metres."]);
    let s = split(t, Format::Markdown);
    assert_eq!(s[0].role, Role::Headline);
}

#[test]
fn markdown_link_targets_do_not_split_or_count() {
    let t = "The [report](https://example.org/v1.2/report.pdf?a=1. b) was published. It runs to 90 pages.";
    assert_eq!(split(t, Format::Markdown).len(), 2);
}

#[test]
fn hard_wrapped_plain_text_joins_lines() {
    let t = "The minister resigned on Friday after a\nweek of protests. Her deputy takes over.\n";
    assert_eq!(texts(t, Format::Plain), ["The minister resigned on Friday after a\nweek of protests.", "Her deputy takes over."]);
}
