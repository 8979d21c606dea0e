//! Fuzz the analysis core: arbitrary bytes (as lossy UTF-8), both formats.
//! Asserts no panic and that every returned span is a char range of the text, in order.
#![no_main]

use byline_core::{Format, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let format = if first & 1 == 0 { Format::Plain } else { Format::Markdown };
    let text = String::from_utf8_lossy(rest);
    let a = analyze(&text, format);
    let ok = |s: &std::ops::Range<usize>| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    for (i, s) in a.sentences.iter().enumerate() {
        assert!(ok(&s.span), "sentence span {:?}", s.span);
        if i > 0 {
            assert!(a.sentences[i - 1].span.end <= s.span.start, "sentences overlap");
        }
    }
    for q in &a.quotes {
        assert!(ok(&q.span) && ok(&q.inner), "quote span");
        assert!(q.span.start <= q.inner.start && q.inner.end <= q.span.end, "quote inner outside outer");
    }
    for at in &a.attributions {
        assert!(ok(&at.cue), "attribution cue");
        if let Some(s) = &at.source {
            assert!(ok(s), "attribution source");
        }
    }
    for f in &a.findings {
        assert!(ok(&f.span) && ok(&f.key), "finding span");
        assert!(!f.message.is_empty(), "empty message");
    }
    for w in a.findings.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "findings overlap");
    }
    for m in &a.people.mentions {
        assert!(ok(&m.span), "mention span");
        assert!(m.person < a.people.persons.len(), "mention of a missing person");
    }
    for w in a.people.mentions.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "mentions not sorted");
    }
});
