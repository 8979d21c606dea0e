//! `byline-bench incremental`: the core's cost of one keystroke, in process — a fresh
//! [`analyze`] of the whole article against [`IncrementalAnalyzer::analyze`] of the same text
//! after each one-character edit. The article is built as `../shared/eval/perf.py` builds its
//! keystroke article (the corpus articles, trimmed, joined by a blank line until it has the
//! words asked for) and edited as it edits it (an "x" typed at the middle, again and again).
//! Wall time (p50, p99) and the thread's mean CPU time (which a busy machine inflates less) are
//! both reported.

use std::path::PathBuf;
use std::time::Instant;

use byline_core::{Format, IncrementalAnalyzer, analyze};
use serde_json::json;

use crate::lspc::pct;
use crate::{corpus_files, ms, round};

pub fn bench(corpus: &[PathBuf], words: &[usize], edits: usize) {
    let texts: Vec<String> =
        corpus_files(corpus).iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| t.trim().to_string()).collect();
    assert!(!texts.is_empty(), "no .txt articles in {corpus:?}");
    for &n in words {
        let mut text = article(&texts, n);
        let mut analyzer = IncrementalAnalyzer::bundled();
        analyzer.analyze(&text, Format::Plain);
        let at = (text.len() / 2..).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let (mut fresh, mut incremental) = (Vec::new(), Vec::new());
        let (mut fresh_cpu, mut incremental_cpu) = (Vec::new(), Vec::new());
        let mut same = true;
        for _ in 0..edits {
            text.insert(at, 'x');
            let (t, c) = (Instant::now(), cpu_ms());
            let want = analyze(&text, Format::Plain);
            fresh_cpu.push(cpu_ms() - c);
            fresh.push(ms(t.elapsed()));
            let (t, c) = (Instant::now(), cpu_ms());
            let got = analyzer.analyze(&text, Format::Plain);
            incremental_cpu.push(cpu_ms() - c);
            incremental.push(ms(t.elapsed()));
            same &= got == want;
        }
        let work = analyzer.last_work();
        println!(
            "{}",
            json!({
                "bench": "incremental", "words": text.split_whitespace().count(), "bytes": text.len(), "edits": edits,
                "fresh_p50_ms": round(pct(&fresh, 0.5), 3), "fresh_p99_ms": round(pct(&fresh, 0.99), 3),
                "incremental_p50_ms": round(pct(&incremental, 0.5), 3), "incremental_p99_ms": round(pct(&incremental, 0.99), 3),
                "fresh_cpu_mean_ms": round(mean(&fresh_cpu), 3), "incremental_cpu_mean_ms": round(mean(&incremental_cpu), 3),
                "identical": same,
                "last_edit": {"lines_parsed": work.lines_parsed, "lines_reused": work.lines_reused, "blocks_parsed": work.blocks_parsed, "blocks_reused": work.blocks_reused, "word_sentences_reused": work.word_sentences_reused,
                    "cue_sentences_found": work.cue_sentences_found, "cue_sentences_reused": work.cue_sentences_reused,
                    "claim_sentences_found": work.claim_sentences_found, "claim_sentences_reused": work.claim_sentences_reused,
                    "people_units_found": work.people_units_found, "people_units_reused": work.people_units_reused, "people_mention_units_found": work.people_mention_units_found, "people_mention_units_reused": work.people_mention_units_reused, "people_grouping_reused": work.people_grouping_reused},
            })
        );
    }
}

/// The CPU time this thread has run, in ms (`/proc/thread-self/schedstat`, ns; NaN where it
/// cannot be read): unlike wall time, it does not count the time other processes take on a
/// shared machine. The kernel may account it per scheduler tick (4 ms steps were seen), so only
/// its mean over many edits is reported.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e6)
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

/// perf.py's keystroke article: corpus articles joined by a blank line until `words` words.
fn article(texts: &[String], words: usize) -> String {
    let (mut body, mut n, mut i) = (Vec::new(), 0, 0);
    while n < words {
        let t = &texts[i % texts.len()];
        n += t.split_whitespace().count();
        body.push(t.as_str());
        i += 1;
    }
    body.join("\n\n") + "\n"
}
