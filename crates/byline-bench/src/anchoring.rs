//! `byline-bench anchoring`: do recorded checks survive editing? For each article of the
//! corpus folders (read at run time, never copied): record a check for every finding, then
//!
//! 1. apply `--edits` random edits *elsewhere* (insert or delete a word in a sentence that is
//!    not a finding, insert an invented paragraph, delete a paragraph with no finding), and
//!    after every edit analyse the text and match the checks: a check whose sentence is still
//!    there word for word and still a finding of its code, but which no longer matches, is
//!    **lost** (the figure that must be 0);
//! 2. on the original, rewrite each checked sentence in substance (every figure changed; a
//!    sentence without figures gets every third word replaced), one at a time: the check must
//!    be **stale** every time the rewritten sentence is still a finding of its code;
//! 3. on the original, make a light edit to each checked sentence (one word added): the check
//!    should be re-anchored.

use std::path::{Path, PathBuf};
use std::time::Instant;

use byline_core::ledger::Entry;
use byline_core::ledger::anchor::fingerprint;
use byline_core::ledger::matching::{Outcome, Probe, match_document};
use byline_core::{Analysis, Format, Span, analyze};
use serde_json::json;

use crate::articles::Rng;

const WORDS: &[&str] = &["local", "recently", "also", "later", "quietly", "nearby", "broadly", "early", "again", "largely"];
const PARAGRAPHS: &[&str] = &[
    "The ferry timetable was printed on green paper.",
    "Residents of the valley gathered at the hall on a wet evening.",
    "Officials are expected to publish 40 new rules by spring.",
    "Tamsin Orlov, a baker on the high street, said she would stay open.",
    "Nobody answered the phone at the depot.",
];
const REPLACEMENTS: &[&str] = &["orchard", "lantern", "granite", "velvet", "harbour", "meadow", "copper", "thistle"];

#[derive(Default)]
struct Totals {
    articles: usize,
    checks: usize,
    edits: usize,
    evaluations: usize,
    held: usize,
    lost: usize,
    gone: usize,
    held_at_end: usize,
    gone_at_end: usize,
    rewrites: usize,
    rewrite_stale: usize,
    rewrite_kept: usize,
    rewrite_open: usize,
    rewrite_gone: usize,
    light: usize,
    light_held: usize,
    light_stale: usize,
    light_open: usize,
    light_gone: usize,
}

fn articles(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// A check per distinct finding, and the spans of the findings each check stands for.
fn checks(text: &str, a: &Analysis) -> (Vec<Entry>, Vec<Vec<Span>>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut spans: Vec<Vec<Span>> = Vec::new();
    for f in &a.findings {
        let e = Entry::new("a.txt", f.code, &text[f.span.clone()]);
        match entries.iter().position(|x| x.anchor == e.anchor) {
            Some(i) => spans[i].push(f.span.clone()),
            None => {
                entries.push(e);
                spans.push(vec![f.span.clone()]);
            }
        }
    }
    (entries, spans)
}

fn outcomes(text: &str, a: &Analysis, entries: &[Entry]) -> Vec<Outcome> {
    let probes: Vec<Probe> = a.findings.iter().map(|f| Probe { code: f.code, sentence: &text[f.span.clone()] }).collect();
    match_document(entries.iter().enumerate(), &probes).outcomes
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Replace `range` of `text` by `new`, shifting the protected spans after it.
fn splice(text: &mut String, spans: &mut [Vec<Span>], range: Span, new: &str) {
    let delta = new.len() as isize - range.len() as isize;
    text.replace_range(range.clone(), new);
    for s in spans.iter_mut().flatten() {
        if s.start >= range.end {
            s.start = (s.start as isize + delta) as usize;
            s.end = (s.end as isize + delta) as usize;
        }
    }
}

/// One random edit outside the protected spans (with a byte of margin); false if none fitted.
fn edit(text: &mut String, spans: &mut [Vec<Span>], a: &Analysis, rng: &mut Rng) -> bool {
    let guarded = |r: &Span| spans.iter().flatten().any(|s| overlaps(&(s.start.saturating_sub(1)..s.end + 1), r));
    let free: Vec<&Span> = a.sentences.iter().map(|s| &s.span).filter(|s| !guarded(s)).collect();
    for _ in 0..20 {
        match rng.below(4) {
            0 | 1 if !free.is_empty() => {
                let s = (*rng.pick(&free)).clone();
                let bytes = text.as_bytes();
                // Spaces inside the sentence followed by a lowercase ASCII word.
                let spaces: Vec<usize> =
                    (s.start + 1..s.end.saturating_sub(2)).filter(|&i| bytes[i] == b' ' && bytes[i + 1].is_ascii_lowercase()).collect();
                if spaces.is_empty() {
                    continue;
                }
                let at = *rng.pick(&spaces) + 1;
                if rng.chance(0.5) {
                    let w = rng.pick(WORDS);
                    splice(text, spans, at..at, &format!("{w} "));
                } else {
                    let end = (at..s.end).find(|&i| !text.as_bytes()[i].is_ascii_lowercase()).unwrap_or(s.end);
                    if end >= s.end || text.as_bytes()[end] != b' ' {
                        continue;
                    }
                    splice(text, spans, at..end + 1, "");
                }
                return true;
            }
            2 => {
                let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).filter(|&i| !guarded(&(i..i + 1))).collect();
                let at = if breaks.is_empty() { text.len() } else { *rng.pick(&breaks) };
                let p = rng.pick(PARAGRAPHS);
                splice(text, spans, at..at, &format!("\n\n{p}"));
                return true;
            }
            _ => {
                // A whole line with no finding, never the first one (the headline).
                let mut lines = Vec::new();
                let mut start = 0;
                for (i, _) in text.match_indices('\n') {
                    if start > 0 && i > start && !guarded(&(start..i + 1)) {
                        lines.push(start..i + 1);
                    }
                    start = i + 1;
                }
                if lines.len() < 3 {
                    continue;
                }
                let l = rng.pick(&lines).clone();
                splice(text, spans, l, "");
                return true;
            }
        }
    }
    false
}

/// Every figure changed; without figures, every third word (from the second) replaced.
fn rewrite(sentence: &str, rng: &mut Rng) -> String {
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        let mut out = String::new();
        let mut prev_digit = false;
        for c in sentence.chars() {
            let d = c.to_digit(10);
            match d {
                Some(d) if !prev_digit => out.push(char::from_digit((d + 3) % 10, 10).unwrap_or('7')),
                _ => out.push(c),
            }
            prev_digit = d.is_some();
        }
        return out;
    }
    sentence
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i % 3 == 1 && w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()) {
                (*rng.pick(REPLACEMENTS)).to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word added after the third word (a light edit).
fn lighten(sentence: &str) -> String {
    let mut words: Vec<&str> = sentence.split(' ').collect();
    if words.len() > 4 {
        words.insert(3, "indeed");
    }
    words.join(" ")
}

enum Verdict {
    Held,
    Stale,
    Open,
    Gone,
}

/// Replace one finding's sentence and see what the ledger says about that check.
fn after_change(text: &str, span: &Span, new: &str, entries: &[Entry], k: usize) -> Verdict {
    let changed = format!("{}{new}{}", &text[..span.start], &text[span.end..]);
    let a = analyze(&changed, Format::Plain);
    let here = span.start..span.start + new.len();
    let code = entries[k].code;
    let Some(i) = a.findings.iter().position(|f| f.code == code && overlaps(&f.span, &here)) else {
        return Verdict::Gone;
    };
    let outs = outcomes(&changed, &a, entries);
    match outs[i] {
        o if o.holds() && o.entry() == Some(k) => Verdict::Held,
        Outcome::Stale { entry } if entry == k => Verdict::Stale,
        _ => Verdict::Open,
    }
}

fn measure(path: &Path, original: &str, edits: usize, rng: &mut Rng, t: &mut Totals) {
    let original = original.to_string();
    let a0 = analyze(&original, Format::Plain);
    let (entries, spans0) = checks(&original, &a0);
    if entries.is_empty() {
        return;
    }
    t.articles += 1;
    t.checks += entries.len();

    // 1. Edits elsewhere.
    let mut text = original.clone();
    let mut spans = spans0.clone();
    let mut a = a0;
    let mut last = (0, 0);
    for _ in 0..edits {
        if !edit(&mut text, &mut spans, &a, rng) {
            break;
        }
        t.edits += 1;
        a = analyze(&text, Format::Plain);
        let outs = outcomes(&text, &a, &entries);
        let (mut held, mut gone) = (0, 0);
        for (k, e) in entries.iter().enumerate() {
            if outs.iter().any(|o| o.holds() && o.entry() == Some(k)) {
                held += 1;
                continue;
            }
            // Still there word for word, and still a finding of that code?
            let still = a
                .findings
                .iter()
                .any(|f| f.code == e.code && spans[k].contains(&f.span) && fingerprint(&text[f.span.clone()], e.code.as_str()) == e.anchor);
            if still {
                t.lost += 1;
                eprintln!("lost: {} {:?} {:?}", path.display(), e.code, e.sentence);
            } else {
                gone += 1;
                if std::env::var_os("BYLINE_BENCH_VERBOSE").is_some() {
                    let now: Vec<(byline_core::Code, &str)> = a
                        .findings
                        .iter()
                        .filter(|f| spans[k].iter().any(|s| overlaps(s, &f.span)))
                        .map(|f| (f.code, &text[f.span.clone()]))
                        .collect();
                    eprintln!("gone: {} {:?} {:?}; now {now:?}", path.display(), e.code, e.sentence);
                }
            }
        }
        t.evaluations += entries.len();
        t.held += held;
        t.gone += gone;
        last = (held, gone);
    }
    t.held_at_end += last.0;
    t.gone_at_end += last.1;

    // 2. and 3. Rewrites and light edits of each checked sentence, one at a time.
    for (k, ss) in spans0.iter().enumerate() {
        let span = &ss[0];
        let sentence = &original[span.clone()];
        let (rewritten, light) = (rewrite(sentence, rng), lighten(sentence));
        if rewritten != sentence {
            t.rewrites += 1;
            match after_change(&original, span, &rewritten, &entries, k) {
                Verdict::Held => {
                    t.rewrite_kept += 1;
                    eprintln!("rewrite kept: {:?}", entries[k].sentence);
                }
                Verdict::Stale => t.rewrite_stale += 1,
                Verdict::Open => {
                    t.rewrite_open += 1;
                    eprintln!("rewrite open, not stale: {} {:?} -> {rewritten:?}", path.display(), entries[k].sentence);
                }
                Verdict::Gone => t.rewrite_gone += 1,
            }
        }
        if light != sentence {
            t.light += 1;
            match after_change(&original, span, &light, &entries, k) {
                Verdict::Held => t.light_held += 1,
                Verdict::Stale => t.light_stale += 1,
                Verdict::Open => {
                    t.light_open += 1;
                    eprintln!("light edit open: {} {:?} -> {light:?}", path.display(), entries[k].sentence);
                }
                Verdict::Gone => t.light_gone += 1,
            }
        }
    }
}

pub fn bench(dirs: &[PathBuf], edits: usize, seed: u64, limit: usize) {
    let start = Instant::now();
    let mut rng = Rng::new(seed);
    let mut t = Totals::default();
    for path in articles(dirs).into_iter().take(limit) {
        if let Ok(text) = std::fs::read_to_string(&path) {
            measure(&path, &text, edits, &mut rng, &mut t);
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 100.0 } else { (1000.0 * a as f64 / b as f64).round() / 10.0 };
    println!(
        "{}",
        json!({
            "bench": "anchoring",
            "articles": t.articles,
            "checks": t.checks,
            "edits_elsewhere": t.edits,
            "check_evaluations": t.evaluations,
            "held": t.held,
            "lost": t.lost,
            "finding_gone_by_context": t.gone,
            "held_after_last_edit": t.held_at_end,
            "gone_after_last_edit": t.gone_at_end,
            "rewrites": t.rewrites,
            "rewrite_still_a_finding": t.rewrite_stale + t.rewrite_kept + t.rewrite_open,
            "rewrite_stale": t.rewrite_stale,
            "rewrite_stale_pct": pct(t.rewrite_stale, t.rewrite_stale + t.rewrite_kept + t.rewrite_open),
            "rewrite_kept_checked": t.rewrite_kept,
            "rewrite_open_not_stale": t.rewrite_open,
            "rewrite_no_longer_a_finding": t.rewrite_gone,
            "light_edits": t.light,
            "light_held": t.light_held,
            "light_held_pct": pct(t.light_held, t.light_held + t.light_stale + t.light_open),
            "light_stale": t.light_stale,
            "light_open": t.light_open,
            "light_no_longer_a_finding": t.light_gone,
            "seconds": (start.elapsed().as_secs_f64() * 10.0).round() / 10.0,
        })
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles::{Generator, Options};

    fn assert_sound(t: &Totals) {
        assert!(t.checks > 0 && t.edits > 0);
        assert_eq!(t.lost, 0, "checks lost through edits elsewhere");
        assert_eq!(t.rewrite_kept + t.rewrite_open, 0, "a rewritten sentence was not stale ({} stale)", t.rewrite_stale);
        assert_eq!(t.light_stale + t.light_open, 0, "a light edit lost its check ({} held)", t.light_held);
    }

    #[test]
    fn checks_survive_edits_of_invented_articles() {
        let mut g = Generator::new(Options { markdown_share: 0.0, ..Options::default() });
        let (mut rng, mut t) = (Rng::new(7), Totals::default());
        for i in 0..12 {
            let a = g.article(i);
            measure(Path::new(&a.name), &a.text, 60, &mut rng, &mut t);
        }
        assert_sound(&t);
    }

    /// On a few articles of the shared corpus when it is checked out beside the repository
    /// (the full measurement is `byline-bench anchoring`, see BENCHMARKS.md).
    #[test]
    fn checks_survive_edits_of_corpus_articles() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev2");
        let files = articles(std::slice::from_ref(&dir));
        if files.is_empty() {
            eprintln!("skipped: no corpus at {}", dir.display());
            return;
        }
        let (mut rng, mut t) = (Rng::new(11), Totals::default());
        for path in files.iter().take(6) {
            let text = std::fs::read_to_string(path).unwrap();
            measure(path, &text, 40, &mut rng, &mut t);
        }
        assert_sound(&t);
    }
}
