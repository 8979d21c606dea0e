//! Instruction counts of the incremental analysis of keystrokes, without the first (fresh)
//! analysis and the lexicons' construction: the article is built as `byline-bench incremental`
//! builds it (the files given, trimmed, joined by a blank line until `WORDS` words), analysed
//! once, then an "x" is typed at its middle `EDITS` times inside `run`:
//! `valgrind --tool=callgrind --toggle-collect='keystroke_icount::run'
//! target/release/examples/keystroke_icount WORDS EDITS FILE...`.
use byline_core::*;

#[inline(never)]
fn run(analyzer: &mut IncrementalAnalyzer, text: &mut String, at: usize, edits: usize) -> usize {
    let mut n = 0;
    for _ in 0..edits {
        text.insert(at, 'x');
        let a = analyzer.analyze(text, Format::Plain);
        n += a.findings.len() + a.people.mentions.len();
        std::hint::black_box(&a);
    }
    n
}

fn main() {
    let mut args = std::env::args().skip(1);
    let words: usize = args.next().and_then(|w| w.parse().ok()).expect("WORDS EDITS FILE...");
    let edits: usize = args.next().and_then(|e| e.parse().ok()).expect("WORDS EDITS FILE...");
    let texts: Vec<String> = args.filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| t.trim().to_string()).collect();
    assert!(!texts.is_empty(), "no articles");
    let (mut body, mut n, mut i) = (Vec::new(), 0, 0);
    while n < words {
        let t = &texts[i % texts.len()];
        n += t.split_whitespace().count();
        body.push(t.as_str());
        i += 1;
    }
    let mut text = body.join("\n\n") + "\n";
    let mut analyzer = IncrementalAnalyzer::bundled();
    analyzer.analyze(&text, Format::Plain);
    let at = (text.len() / 2..).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    let n = run(&mut analyzer, &mut text, at, edits);
    println!("{} bytes, {edits} edits, {n}", text.len());
}
