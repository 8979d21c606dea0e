//! Claim findings on invented sentences: each code, each trap, and no panics on odd input.

use byline_core::{Code, Format, analyze};

fn codes(t: &str) -> Vec<(String, Code)> {
    analyze(t, Format::Plain).findings.iter().map(|f| (t[f.span.clone()].to_string(), f.code)).collect()
}

fn code_of(t: &str) -> Option<Code> {
    let c = codes(t);
    assert!(c.len() <= 1, "{c:?}");
    c.first().map(|x| x.1)
}

#[test]
fn unsourced_figure_is_an_unattributed_claim() {
    let t = "At least 2,400 homes were flooded along the northern coast.";
    let a = analyze(t, Format::Plain);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].code, Code::UnattributedClaim);
    assert_eq!(a.findings[0].span, 0..t.len());
    assert!(a.findings[0].message.contains("\"At least 2,400 homes\""), "{}", a.findings[0].message);
}

#[test]
fn dated_event_and_prediction_are_claims() {
    assert_eq!(code_of("The ferry company cancelled all crossings on Tuesday."), Some(Code::UnattributedClaim));
    assert_eq!(code_of("The new bridge is likely to open late next spring."), Some(Code::UnattributedClaim));
}

#[test]
fn named_source_is_not_flagged() {
    assert_eq!(code_of("Coastguard commander Ida Berg said 2,400 homes were flooded."), None);
    assert_eq!(code_of("At least 2,400 homes were flooded, the Environment Agency said."), None);
    assert_eq!(code_of("According to the Environment Agency, 2,400 homes were flooded."), None);
}

#[test]
fn vague_attribution() {
    let c = analyze("It is feared the dam could fail within days.", Format::Plain);
    assert_eq!(c.findings[0].code, Code::VagueAttribution);
    assert!(c.findings[0].message.contains("\"It is feared\""), "{}", c.findings[0].message);
    assert_eq!(code_of("Critics say the tunnel cost 4 billion euros."), Some(Code::VagueAttribution));
    assert_eq!(code_of("The mayor allegedly took 20,000 dollars."), Some(Code::VagueAttribution));
}

#[test]
fn anonymous_source() {
    let c = analyze("A senior police official said 12 arrests were made.", Format::Plain);
    assert_eq!(c.findings[0].code, Code::AnonymousSource);
    assert!(c.findings[0].message.contains("A senior police official"), "{}", c.findings[0].message);
    assert_eq!(Code::AnonymousSource.default_severity(), byline_core::Severity::Information);
}

#[test]
fn quotation_with_no_speaker() {
    let t = "The river kept rising.\n\n“Nobody warned us that the water would come this fast.”\n\nThe valley was evacuated in 1952.\n";
    let c = codes(t);
    assert!(c.iter().any(|(_, code)| *code == Code::UnattributedQuote), "{c:?}");
}

#[test]
fn scare_quotes_are_not_flagged_as_quotes() {
    let c = codes("The minister called the plan ‘bold’ in parliament.");
    assert!(c.iter().all(|(_, code)| *code != Code::UnattributedQuote), "{c:?}");
}

#[test]
fn quote_with_speaker_after_is_covered() {
    assert_eq!(code_of("“We lost 300 sheep in one night,” farmer Gwen Parry said."), None);
    assert_eq!(code_of("“We lost 300 sheep in one night,” she said."), None);
}

#[test]
fn questions_headlines_and_boilerplate_are_not_flagged() {
    let t = "Floods Cost 2,000 Jobs In Valley\n\nWill the 40 million euro barrier be finished by 2030?\n\nYour support helps us report on 120 towns.\n\nSign up to get 3 newsletters a week.\n";
    assert!(codes(t).is_empty(), "{:?}", codes(t));
}

#[test]
fn markdown_headings_code_and_links_are_not_flagged() {
    let t = "# 500 homes lost in fire\n\n```\n300 people died yesterday.\n```\n\nRead the [report](https://example.org/2024/500-homes).\n";
    assert!(analyze(t, Format::Markdown).findings.is_empty());
}

#[test]
fn he_added_continues_the_named_speaker() {
    let t = "Fire chief Omar Haddad said the blaze was contained. He added that 14 crews would stay overnight.";
    assert!(codes(t).is_empty(), "{:?}", codes(t));
}

#[test]
fn paragraph_inside_colon_introduced_quote_is_covered() {
    let t = "The minister said: “We will build 4,000 homes this year.\n\n“We will train 900 new builders by 2027.”\n";
    assert!(codes(t).is_empty(), "{:?}", codes(t));
}

#[test]
fn at_most_one_finding_per_sentence() {
    let t = "It is feared a senior official said critics reportedly counted 4,000 dead.";
    assert_eq!(analyze(t, Format::Plain).findings.len(), 1);
}

#[test]
fn odd_input_never_panics() {
    let long_line = "word ".repeat(200_000);
    let quotes = "\"“”‘’'".repeat(20_000);
    let inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\"".into(),
        "“".into(),
        "”".into(),
        "’".into(),
        "\"\"\"\"".into(),
        "“unclosed quote that never ends and says 40 people died".into(),
        "é. É. ü… “ü” ‘é’ 😀. 😀 said: “😀".into(),
        "Mr. U.S. A. B. C. No. 5. 3.5. ...".into(),
        "said said said according to according to".into(),
        ": : “ ” , , said".into(),
        "---\n---\n```\n".into(),
        "# \n##\n> \n- \n1. \n".into(),
        "[x](\n[](http://".into(),
        long_line,
        quotes,
        "\u{a0}\u{2028}\u{feff}Test.\u{a0}Test.".into(),
    ];
    for t in &inputs {
        for f in [Format::Plain, Format::Markdown] {
            let a = analyze(t, f);
            for s in &a.sentences {
                assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
            }
            for x in &a.findings {
                assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
                assert!(t.is_char_boundary(x.key.start) && t.is_char_boundary(x.key.end));
            }
            for q in &a.quotes {
                assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
                assert!(t.is_char_boundary(q.inner.start) && t.is_char_boundary(q.inner.end));
            }
        }
    }
}
