//! Per-stage throughput of the core over article files (MB/s per stage):
//! `cargo run --release -p byline-core --example stage_times -- FILE...`.
use byline_core::*;
use std::time::Instant;
fn main() {
    let texts: Vec<(String, Format)> =
        std::env::args().skip(1).filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (t, Format::from_path(&p)))).collect();
    let bytes: usize = texts.iter().map(|t| t.0.len()).sum();
    let lex = lexicon::Lexicon::bundled();
    let mut t = [0f64; 7];
    // The first three are inside the document's parse: timed alone for the breakdown.
    let rounds = 30;
    for _ in 0..rounds {
        for (text, f) in &texts {
            let a = Instant::now();
            let clean = text::clean(text);
            let b = Instant::now();
            let sents = sentences::split_clean(text, &clean, *f, lex);
            let c = Instant::now();
            let quotes = quotes::find_clean(&clean, &sents);
            let d = Instant::now();
            let toks = document::Document::parse(text, *f, lex);
            let e = Instant::now();
            let mut doc = toks;
            let attrs = attribution::find(&doc, lex);
            attribution::assign_speakers(&mut doc.quotes, &doc.sentences, &attrs);
            let g = Instant::now();
            let fs = claims::find(&doc, &attrs, lex);
            let h = Instant::now();
            let p = people::find(&doc, &attrs);
            let i = Instant::now();
            std::hint::black_box((fs, p, quotes));
            for (k, (x, y)) in [(a, b), (b, c), (c, d), (d, e), (e, g), (g, h), (h, i)].iter().enumerate() {
                t[k] += (*y - *x).as_secs_f64();
            }
        }
    }
    let mb = (bytes * rounds) as f64 / 1e6;
    let total: f64 = t[3..].iter().sum();
    for (n, x) in ["clean", "sentences", "quotes", "document (all three + words)", "attribution", "claims", "people"].iter().zip(t) {
        println!("{n:12} {:6.1}% {:7.1} MB/s", 100.0 * x / total, mb / x);
    }
    println!("total {:.1} MB/s", mb / total);
}
