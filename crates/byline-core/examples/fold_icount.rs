//! The workspace walk's index work alone, for an instruction count that the machine's load and
//! the server's timing do not move: each article's contribution prepared
//! ([`PreparedDocument::new`], the walk's threads) and filed in batches of 1,024
//! ([`WorkspaceIndex::set_documents`], the state task), with a clone of the index kept from one
//! batch to the next as the server's snapshots keep one (so the copies a snapshot costs are
//! counted). The articles are filed in an order of their own (by a hash of the path), not
//! folder order, as the walk's parallel readers deliver them. The people are analysed first,
//! outside the count.
//!
//! ```sh
//! cargo build --release --example fold_icount -p byline-core
//! valgrind --tool=callgrind --toggle-collect='fold_icount::run' \
//!   target/release/examples/fold_icount DIR
//! ```
//!
//! `callgrind_annotate --inclusive=yes` then gives `fold_icount::prepare_all` and
//! `fold_icount::file_all` apart.
use std::sync::Arc;

use byline_core::index::{PreparedDocument, WorkspaceIndex};
use byline_core::people::DocPeople;
use byline_core::*;

#[path = "common/mod.rs"]
mod common;

const BATCH: usize = 1024;

fn articles(dir: &str) -> Vec<std::path::PathBuf> {
    let mut paths = common::article_paths(dir);
    paths.sort_by_key(|p| (consistency::quotes::word_hash(&p.to_string_lossy()), p.clone()));
    paths
}

#[inline(never)]
fn prepare_all(people: Vec<(Arc<str>, Arc<DocPeople>)>) -> Vec<(Arc<str>, PreparedDocument)> {
    people.into_iter().map(|(k, p)| (k, PreparedDocument::new(p))).collect()
}

#[inline(never)]
fn file_all(prepared: Vec<(Arc<str>, PreparedDocument)>) -> WorkspaceIndex {
    let mut index = WorkspaceIndex::new();
    let mut snapshot = index.clone();
    let mut batches = prepared.into_iter().peekable();
    while batches.peek().is_some() {
        index.set_documents(batches.by_ref().take(BATCH).collect::<Vec<_>>());
        snapshot = std::mem::replace(&mut snapshot, index.clone());
    }
    drop(snapshot);
    index
}

#[inline(never)]
fn run(people: Vec<(Arc<str>, Arc<DocPeople>)>) -> WorkspaceIndex {
    file_all(prepare_all(people))
}

fn main() {
    let dir = std::env::args().nth(1).expect("a folder of articles");
    let lex = lexicon::Lexicon::bundled();
    let mut people = Vec::new();
    for p in articles(&dir) {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let found = analysis::people_with(&text, Format::from_path(&p.to_string_lossy()), lex);
        people.push((Arc::<str>::from(p.to_string_lossy().as_ref()), Arc::new(found)));
    }
    let n = people.len();
    let index = run(people);
    println!("{n} articles filed, {} documents in the index", index.documents().count());
    // Not dropped: the server keeps its index, and its freeing is no part of the walk.
    std::mem::forget(index);
}
