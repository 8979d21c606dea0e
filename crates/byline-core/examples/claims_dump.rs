//! Print the claim findings of article files as JSON lines, with byte offsets:
//! `cargo run -p byline-core --example claims_dump -- FILE...`
//! Each line: {"file":…, "start":…, "end":…, "code":…, "message":…}.
//! With `--sentences`, also prints every sentence with its role.

use byline_core::{Format, analyze};

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn main() {
    let mut show_sentences = false;
    let mut show_attr = false;
    let mut time_only = false;
    for arg in std::env::args().skip(1) {
        if arg == "--sentences" {
            show_sentences = true;
            continue;
        }
        if arg == "--time" {
            // Time the claims stages alone (sentences, quotes, attribution, claims) on the
            // following files and print MB/s to stderr.
            time_only = true;
            continue;
        }
        if arg == "--attributions" {
            show_attr = true;
            continue;
        }
        let text = match std::fs::read_to_string(&arg) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        if time_only {
            let lex = byline_core::lexicon::Lexicon::bundled();
            let t0 = std::time::Instant::now();
            let f = Format::from_path(&arg);
            let mut doc = byline_core::document::Document::parse(&text, f, lex);
            let at = byline_core::attribution::find(&doc, lex);
            byline_core::attribution::assign_speakers(&mut doc.quotes, &doc.sentences, &at);
            let fi = byline_core::claims::find(&doc, &at, lex);
            let s = &doc.sentences;
            let dt = t0.elapsed().as_secs_f64();
            eprintln!(
                "{arg}: {} bytes, {} sentences, {} findings, {:.3} s, {:.1} MB/s",
                text.len(),
                s.len(),
                fi.len(),
                dt,
                text.len() as f64 / 1e6 / dt
            );
            continue;
        }
        let a = analyze(&text, Format::from_path(&arg));
        for f in &a.findings {
            println!(
                "{{\"file\":{},\"start\":{},\"end\":{},\"code\":{},\"message\":{}}}",
                esc(&arg),
                f.span.start,
                f.span.end,
                esc(f.code.as_str()),
                esc(&f.message)
            );
        }
        if show_attr {
            for at in &a.attributions {
                println!(
                    "{{\"sentence\":{},\"cue\":{},\"source\":{},\"kind\":\"{:?}\",\"main\":{},\"refers_to\":{:?}}}",
                    at.sentence,
                    esc(&text[at.cue.clone()]),
                    esc(at.source.clone().map(|s| &text[s]).unwrap_or("")),
                    at.kind,
                    at.main,
                    at.refers_to
                );
            }
            for q in &a.quotes {
                println!(
                    "{{\"quote\":{},\"closed\":{},\"scare\":{},\"speaker\":{},\"continues\":{:?}}}",
                    esc(&text[q.inner.clone()]),
                    q.closed,
                    q.scare,
                    esc(q.speaker.clone().map(|s| &text[s]).unwrap_or("")),
                    q.continues
                );
            }
        }
        if show_sentences {
            for s in &a.sentences {
                println!(
                    "{{\"file\":{},\"sentence\":{},\"start\":{},\"end\":{},\"role\":\"{:?}\"}}",
                    esc(&arg),
                    esc(&text[s.span.clone()]),
                    s.span.start,
                    s.span.end,
                    s.role
                );
            }
        }
    }
}
