//! Quotations on invented text: curly and straight, single UK-style, apostrophes,
//! multi-sentence and multi-paragraph quotes, unclosed quotes, scare quotes, speakers.

use byline_core::{Format, analyze};

fn inner(t: &str) -> Vec<(String, bool, bool)> {
    let a = analyze(t, Format::Plain);
    a.quotes.iter().map(|q| (t[q.inner.clone()].to_string(), q.closed, q.scare)).collect()
}

#[test]
fn curly_and_straight_double_quotes() {
    assert_eq!(inner("She said “the dam will hold this year” on Monday."), [("the dam will hold this year".into(), true, false)]);
    assert_eq!(inner("She said \"the dam will hold this year\" on Monday."), [("the dam will hold this year".into(), true, false)]);
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(inner("The mayor’s office said it didn’t know. Farmers' groups weren't told.").is_empty());
}

#[test]
fn single_curly_quotes_as_quotes_and_scare_quotes() {
    let q = inner("The minister called the plan ‘bold’ and the week ‘decisive for the whole region’.");
    assert_eq!(q[0], ("bold".into(), true, true));
    assert_eq!(q[1], ("decisive for the whole region".into(), true, false));
}

#[test]
fn quote_spanning_sentences() {
    let q = inner("“We are ready. We have the crews. We start at dawn,” the chief said.");
    assert_eq!(q.len(), 1);
    assert!(q[0].0.ends_with("start at dawn,"));
}

#[test]
fn unclosed_quote_continues_into_next_paragraph() {
    let t = "The coach said: “We trained hard all winter.\n\n“Now we have to show it on the pitch.”\n";
    let a = analyze(t, Format::Plain);
    assert_eq!(a.quotes.len(), 2);
    assert!(!a.quotes[0].closed);
    assert_eq!(a.quotes[1].continues, Some(0));
    let coach = &t[a.quotes[1].speaker.clone().expect("speaker carried over")];
    assert_eq!(coach, "The coach");
}

#[test]
fn speaker_after_the_quote() {
    let t = "Rain fell all week. “The levee held better than we hoped,” said Ines Moreau.";
    let a = analyze(t, Format::Plain);
    assert_eq!(&t[a.quotes[0].speaker.clone().unwrap()], "Ines Moreau");
}

#[test]
fn pronoun_speaker_resolves_to_named_source() {
    let t = "Harbour master Tom Reilly said the port would reopen. “The channel is clear now,” he said.";
    let a = analyze(t, Format::Plain);
    assert_eq!(&t[a.quotes[0].speaker.clone().unwrap()], "Harbour master Tom Reilly");
}

#[test]
fn one_line_article_with_reopened_quotes() {
    let t = "\"We need more nurses,\" Dr Anna Kowal said. \"Wards are full every night. \"We cannot go on like this.\" The hospital board meets on Friday.";
    let a = analyze(t, Format::Plain);
    assert_eq!(a.quotes.len(), 3);
    assert!(!a.quotes[1].closed);
    assert_eq!(a.quotes[2].continues, Some(1));
    // The unclosed quote does not swallow the narrative sentence after the last quote.
    let last = a.sentences.last().unwrap();
    assert!(a.quotes.iter().all(|q| q.span.end <= last.span.start));
}
