//! What the workspace index holds, stage by stage, counted by a global allocator: live bytes,
//! live allocations and what glibc's malloc takes for them (each chunk is the request plus an
//! 8-byte header, rounded up to 16, at least 32), after the people of every article, after each
//! article's contribution is prepared, and after they are filed in batches of 1,024 as the
//! server's walk files them:
//! `cargo run --release -p byline-core --example index_memory -- DIR`.
//!
//! The server's peak memory on a cold index (`byline-bench cold`) is mostly this; the example
//! separates the parts without the server's threads and timing. It also counts what the
//! quotations' words would take as a `String` each (the index keeps them hashed), and with
//! `SHRINK=1` the people with no spare capacity in their inner vectors and strings (at 10,000
//! generated articles: 60.4 → 56.1 MB of chunks; not done by the loader so far).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

use byline_core::index::{PreparedDocument, WorkspaceIndex};
use byline_core::people::DocPeople;
use byline_core::*;

struct Counting;

static BYTES: AtomicIsize = AtomicIsize::new(0);
static COUNT: AtomicIsize = AtomicIsize::new(0);
static CHUNKS: AtomicIsize = AtomicIsize::new(0);

fn chunk(size: usize) -> isize {
    ((size + 8).div_ceil(16) * 16).max(32) as isize
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        BYTES.fetch_add(l.size() as isize, Relaxed);
        COUNT.fetch_add(1, Relaxed);
        CHUNKS.fetch_add(chunk(l.size()), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        BYTES.fetch_sub(l.size() as isize, Relaxed);
        COUNT.fetch_sub(1, Relaxed);
        CHUNKS.fetch_sub(chunk(l.size()), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        BYTES.fetch_add(new as isize - l.size() as isize, Relaxed);
        CHUNKS.fetch_add(chunk(new) - chunk(l.size()), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn now() -> [isize; 3] {
    [BYTES.load(Relaxed), COUNT.load(Relaxed), CHUNKS.load(Relaxed)]
}

fn report(what: &str, before: [isize; 3], n: usize) {
    let after = now();
    let d: Vec<f64> = (0..3).map(|i| (after[i] - before[i]) as f64).collect();
    println!(
        "{what:<28} {:>8.1} MB live  {:>9} allocations  {:>8.1} MB in chunks  ({:.0} B, {:.1} allocations per article)",
        d[0] / 1e6,
        d[1],
        d[2] / 1e6,
        d[2] / n as f64,
        d[1] / n as f64
    );
}

#[path = "common/mod.rs"]
mod common;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder of articles");
    let mut paths = common::article_paths(&dir);
    paths.sort();
    let lex = lexicon::Lexicon::bundled();
    let start = now();
    let mut people = Vec::new();
    for p in &paths {
        let Ok(text) = std::fs::read_to_string(p) else { continue };
        let format = Format::from_path(&p.to_string_lossy());
        let mut found = analysis::analyze_with(&text, format, lex).people;
        found.persons.shrink_to_fit();
        found.mentions.shrink_to_fit();
        found.tentative.shrink_to_fit();
        if std::env::var_os("SHRINK").is_some() {
            found.forms.shrink_to_fit();
            for p in &mut found.persons {
                p.roles.shrink_to_fit();
                p.quotes.shrink_to_fit();
                p.name.shrink_to_fit();
                p.surname.shrink_to_fit();
                p.fullest.shrink_to_fit();
                for r in &mut p.roles {
                    r.shrink_to_fit();
                }
                for q in &mut p.quotes {
                    q.1.shrink_to_fit();
                }
            }
        }
        people.push((Arc::<str>::from(p.to_string_lossy().as_ref()), Arc::new(found)));
    }
    let n = people.len();
    let sum = |f: &dyn Fn(&DocPeople) -> usize| people.iter().map(|(_, p)| f(p)).sum::<usize>() as f64 / n as f64;
    println!(
        "per article: {:.1} persons, {:.1} mentions, {:.1} quotations, {:.1} roles, {:.1} tentative",
        sum(&|p| p.persons.len()),
        sum(&|p| p.mentions.len()),
        sum(&|p| p.persons.iter().map(|q| q.quotes.len()).sum()),
        sum(&|p| p.persons.iter().map(|q| q.roles.len()).sum()),
        sum(&|p| p.tentative.len()),
    );
    report("people (DocPeople, paths)", start, n);
    let before = now();
    let words: Vec<Vec<Vec<String>>> = people
        .iter()
        .flat_map(|(_, p)| p.persons.iter().map(|q| q.quotes.iter().map(|(_, t)| consistency::quotes::words(t)).collect()))
        .collect();
    report("(quotation words as Strings)", before, n);
    drop(words);
    let before = now();
    let prepared: Vec<_> = people.into_iter().map(|(k, p)| (k, PreparedDocument::new(p))).collect();
    report("prepared, on top", before, n);
    let before = now();
    let mut index = WorkspaceIndex::new();
    let mut batches = prepared.into_iter().peekable();
    while batches.peek().is_some() {
        index.set_documents(batches.by_ref().take(1024).collect::<Vec<_>>());
    }
    report("filed, minus prepared", before, n);
    report("index in all", start, n);
    std::hint::black_box(&index);
}
