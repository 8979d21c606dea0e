//! Instruction counts of the core: analyse each file once after a warm-up, inside `run`:
//! `valgrind --tool=callgrind --toggle-collect='icount::run' target/release/examples/icount FILE...`.
use byline_core::*;

#[inline(never)]
fn run(texts: &[(String, Format)]) -> usize {
    let mut n = 0;
    for (text, f) in texts {
        let a = analyze(text, *f);
        n += a.findings.len() + a.attributions.len() + a.sentences.len();
        std::hint::black_box(&a);
    }
    n
}

fn main() {
    let texts: Vec<(String, Format)> =
        std::env::args().skip(1).filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (t, Format::from_path(&p)))).collect();
    let bytes: usize = texts.iter().map(|t| t.0.len()).sum();
    // Warm-up outside `run`: the lexicons are built once, on first use.
    for (text, f) in &texts {
        std::hint::black_box(analyze(text, *f));
    }
    let n = run(&texts);
    println!("{} files, {bytes} bytes, {n}", texts.len());
}
