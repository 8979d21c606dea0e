//! `byline-bench`: generate invented articles and measure byline.
//!
//! ```text
//! byline-bench gen --articles 10000 --out /tmp/ws10k         # write a workspace
//! byline-bench analysis                                       # in-process MB/s, one thread
//! byline-bench hostile                                        # pathological inputs, release build
//! byline-bench keystroke --server target/release/byline       # didChange -> publishDiagnostics
//! byline-bench cold --server target/release/byline --articles 10000   # index + queries
//! byline-bench tiny --server target/release/byline --files 100000      # many tiny files
//! byline-bench anchoring --corpus ../shared/corpus/pool --edits 1000   # checks survive edits
//! byline-bench busy --server target/release/byline --load open --big-mb 50   # hover while a big doc is analysed
//! byline-bench incremental --corpus ../shared/corpus/seeds --corpus ../shared/corpus/dev   # keystroke in the core
//! ```
//! Every command prints one JSON object per measurement on stdout.

mod anchoring;
mod articles;
mod incremental;
mod lspc;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use byline_core::{Format, analyze};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use lspc::{Incoming, Server, pct, position, uri_of};

#[derive(Parser)]
#[command(name = "byline-bench", about = "Benchmarks for byline")]
struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write N invented articles (and manifest.json) to a folder.
    Gen {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mean words per article.
        #[arg(long, default_value_t = 450)]
        words: usize,
        /// Also copy the .txt articles of these folders in, cyclically, for this share of files (0..1).
        #[arg(long)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value_t = 0.0)]
        corpus_share: f64,
    },
    /// Analysis throughput of the core, single thread, in MB/s.
    Analysis {
        /// MB of generated text to analyse per round.
        #[arg(long, default_value_t = 8)]
        mb: usize,
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Also measure these corpus folders (read at run time, never copied).
        #[arg(long)]
        corpus: Vec<PathBuf>,
    },
    /// Pathological inputs to the core (50 MB article, 1 MB line, 100k quotes...), time and MB/s.
    Hostile {
        /// Size of the big article, MB.
        #[arg(long, default_value_t = 50)]
        big_mb: usize,
        /// Only inputs whose name contains this.
        #[arg(long)]
        only: Option<String>,
        /// Divide the size of every input (not the big article) by this, to check growth.
        #[arg(long, default_value_t = 1)]
        shrink: usize,
    },
    /// Keystroke latency over stdio: one-character incremental didChange -> publishDiagnostics.
    Keystroke {
        #[arg(long)]
        server: String,
        #[arg(long, value_delimiter = ',', default_values_t = vec![1000usize, 10000, 50000])]
        words: Vec<usize>,
        #[arg(long, default_value_t = 200)]
        edits: usize,
        /// Pause between edits, ms (an editor sends one change per keystroke).
        #[arg(long, default_value_t = 20)]
        pause_ms: u64,
        /// Generated articles on disk beside the edited one (the same name pools, so the
        /// cross-file checks have people to compare); 0: the edited article alone.
        #[arg(long, default_value_t = 0)]
        workspace: usize,
        /// Turn the cross-file checks off (name-spelling, quote-mismatch, quote-speaker-mismatch),
        /// to measure what they cost.
        #[arg(long)]
        no_cross_file: bool,
    },
    /// Cold start (initialize -> index complete) and queries on a generated workspace.
    Cold {
        #[arg(long)]
        server: String,
        #[arg(long, default_value_t = 10000)]
        articles: usize,
        /// Reuse (or create) the workspace here instead of a temp folder.
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 200)]
        queries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Hover on a small open document while another document is being analysed: `--load open`
    /// (didOpen of a generated article of `--big-mb` MB), `pathological` (didOpen of a 1.4 MB
    /// single line of prose), `walk` (a `--big-mb` MB article on disk in the workspace, indexed
    /// by the initial walk).
    Busy {
        #[arg(long)]
        server: String,
        #[arg(long, default_value = "open")]
        load: String,
        #[arg(long, default_value_t = 50)]
        big_mb: usize,
        /// Pause between hovers, ms.
        #[arg(long, default_value_t = 5)]
        pause_ms: u64,
    },
    /// The check ledger's anchoring on real articles: checks survive random edits elsewhere,
    /// rewritten sentences go stale, lightly edited ones are re-anchored.
    Anchoring {
        /// Corpus folders (their .txt files are read at run time, never copied).
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        /// Random edits elsewhere per article (each followed by an analysis and a match).
        #[arg(long, default_value_t = 1000)]
        edits: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// At most this many articles.
        #[arg(long, default_value_t = usize::MAX)]
        limit: usize,
    },
    /// The core's cost of a keystroke: a fresh analysis against the incremental analyzer, on
    /// perf.py's article (corpus articles joined) with an "x" typed at its middle.
    Incremental {
        /// Corpus folders (their .txt files are read at run time, never copied).
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, value_delimiter = ',', default_values_t = vec![2200usize, 10000, 50000])]
        words: Vec<usize>,
        #[arg(long, default_value_t = 100)]
        edits: usize,
    },
    /// A workspace of many tiny files: index time, RSS, responsiveness.
    Tiny {
        #[arg(long)]
        server: String,
        #[arg(long, default_value_t = 100_000)]
        files: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn main() {
    let args = Args::parse();
    match args.cmd {
        Cmd::Gen { articles, out, seed, words, corpus, corpus_share } => {
            let m = write_workspace(&out, articles, seed, words, &corpus, corpus_share);
            println!("{}", json!({"articles": articles, "out": out, "bytes": m["bytes"], "seconds": m["seconds"]}));
        }
        Cmd::Analysis { mb, seconds, corpus } => bench_analysis(mb, seconds, &corpus),
        Cmd::Hostile { big_mb, only, shrink } => bench_hostile(big_mb, only.as_deref(), shrink),
        Cmd::Keystroke { server, words, edits, pause_ms, workspace, no_cross_file } => {
            for w in words {
                bench_keystroke(&server, w, edits, pause_ms, workspace, no_cross_file);
            }
        }
        Cmd::Cold { server, articles, dir, queries, seed } => bench_cold(&server, articles, dir, queries, seed),
        Cmd::Anchoring { corpus, edits, seed, limit } => anchoring::bench(&corpus, edits, seed, limit),
        Cmd::Incremental { corpus, words, edits } => incremental::bench(&corpus, &words, edits),
        Cmd::Tiny { server, files, dir } => bench_tiny(&server, files, dir),
        Cmd::Busy { server, load, big_mb, pause_ms } => bench_busy(&server, &load, big_mb, pause_ms),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

// ---------------------------------------------------------------------------------------------
// generator

/// Write a workspace and its manifest: per cast member, surname counts and one location.
fn write_workspace(out: &Path, n: usize, seed: u64, words: usize, corpus: &[PathBuf], corpus_share: f64) -> Value {
    let t0 = Instant::now();
    std::fs::create_dir_all(out).expect("create output folder");
    let mut g = articles::Generator::new(articles::Options { seed, words, ..articles::Options::default() });
    let corpus_texts: Vec<String> = corpus_files(corpus).iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let mut rng = articles::Rng::new(seed ^ 0xC0FFEE);
    let mut bytes = 0usize;
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let mut first_at: std::collections::BTreeMap<String, (String, usize)> = Default::default();
    for i in 0..n {
        // Sub-folders of 1,000 files, as archives are usually laid out.
        let sub = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        if !corpus_texts.is_empty() && rng.chance(corpus_share) {
            let t = &corpus_texts[i % corpus_texts.len()];
            std::fs::write(sub.join(format!("corpus-{i:06}.txt")), t).unwrap();
            bytes += t.len();
            continue;
        }
        let a = g.article(i);
        let path = sub.join(&a.name);
        std::fs::write(&path, &a.text).unwrap();
        bytes += a.text.len();
        for (name, c) in &a.surname_counts {
            *counts.entry(name.clone()).or_insert(0) += c;
            if !first_at.contains_key(name)
                && let Some(k) = a.text.find(name.as_str())
            {
                let surname_off = k + name.rfind(' ').map_or(0, |s| s + 1);
                first_at.insert(name.clone(), (path.to_string_lossy().into_owned(), surname_off));
            }
        }
    }
    let mut top: Vec<(&String, &usize)> = counts.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1));
    let people: Vec<Value> = top
        .iter()
        .take(50)
        .filter_map(|(name, c)| first_at.get(*name).map(|(f, off)| json!({"name": name, "surname_mentions": c, "file": f, "offset": off})))
        .collect();
    let m = json!({"articles": n, "seed": seed, "bytes": bytes, "seconds": round(t0.elapsed().as_secs_f64(), 3), "people": people});
    std::fs::write(out.join("manifest.json"), serde_json::to_string_pretty(&m).unwrap()).unwrap();
    m
}

fn corpus_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for d in dirs {
        if let Ok(rd) = std::fs::read_dir(d) {
            let mut fs: Vec<PathBuf> =
                rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
            fs.sort();
            v.extend(fs);
        }
    }
    v
}

// ---------------------------------------------------------------------------------------------
// analysis throughput

fn throughput(docs: &[(String, Format)], seconds: f64) -> (f64, usize, f64) {
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // Warm-up (lexicons are built once, lazily).
    let _ = analyze(&docs[0].0, docs[0].1);
    let t0 = Instant::now();
    let mut rounds = 0usize;
    let mut sink = 0usize;
    while rounds == 0 || t0.elapsed().as_secs_f64() < seconds {
        for (t, f) in docs {
            let a = analyze(t, *f);
            sink += a.findings.len() + a.sentences.len() + a.people.mentions.len();
        }
        rounds += 1;
    }
    let el = t0.elapsed().as_secs_f64();
    ((bytes * rounds) as f64 / el / 1e6, rounds, sink as f64)
}

fn bench_analysis(mb: usize, seconds: f64, corpus: &[PathBuf]) {
    let mut g = articles::Generator::new(articles::Options::default());
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut i = 0;
    while bytes < mb * 1_000_000 {
        let a = g.article(i);
        bytes += a.text.len();
        docs.push((a.text, if a.markdown { Format::Markdown } else { Format::Plain }));
        i += 1;
    }
    let (mbs, rounds, sink) = throughput(&docs, seconds);
    let one = analyze(&docs[0].0, docs[0].1);
    println!(
        "{}",
        json!({"bench": "analysis", "input": "generated", "articles": docs.len(), "bytes": bytes, "rounds": rounds,
               "mb_per_s": round(mbs, 2), "facts": sink,
               "sample": {"sentences": one.sentences.len(), "quotes": one.quotes.len(), "findings": one.findings.len(), "mentions": one.people.mentions.len()}})
    );
    let cdocs: Vec<(String, Format)> =
        corpus_files(corpus).iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| (t, Format::Plain)).collect();
    if !cdocs.is_empty() {
        let cb: usize = cdocs.iter().map(|d| d.0.len()).sum();
        let (mbs, rounds, _) = throughput(&cdocs, seconds);
        println!(
            "{}",
            json!({"bench": "analysis", "input": "corpus", "articles": cdocs.len(), "bytes": cb, "rounds": rounds, "mb_per_s": round(mbs, 2)})
        );
    }
    // Linearity: one document of n, 4n and 16n bytes.
    let base: String = docs.iter().filter(|d| d.1 == Format::Plain).take(20).map(|d| d.0.as_str()).collect::<Vec<_>>().join("\n\n");
    for k in [1usize, 4, 16] {
        let big = vec![base.as_str(); k].join("\n\n");
        let t0 = Instant::now();
        let a = analyze(&big, Format::Plain);
        let el = t0.elapsed().as_secs_f64();
        println!(
            "{}",
            json!({"bench": "analysis-linearity", "copies": k, "bytes": big.len(), "ms": round(el * 1000.0, 2),
                   "mb_per_s": round(big.len() as f64 / el / 1e6, 2), "findings": a.findings.len()})
        );
    }
}

// ---------------------------------------------------------------------------------------------
// hostile inputs, timed (release build)

pub fn hostile_inputs(big_mb: usize) -> Vec<(String, String, Format)> {
    let mb = 1_000_000;
    let mut v: Vec<(String, String, Format)> = Vec::new();
    let mut g = articles::Generator::new(articles::Options::default());
    let mut big = String::with_capacity(big_mb * mb + mb);
    let mut i = 0;
    while big.len() < big_mb * mb {
        big.push_str(&g.article(i).text);
        i += 1;
    }
    v.push((format!("{big_mb} MB article"), big, Format::Plain));
    let para: String = articles::long_article(7, 200).replace('\n', " ");
    let mut line = String::new();
    while line.len() < mb {
        line.push_str(&para);
    }
    v.push(("1 MB single line (prose)".into(), line.clone(), Format::Plain));
    v.push(("1 MB single line, Markdown".into(), line, Format::Markdown));
    v.push(("100k straight quotes".into(), "\"".repeat(100_000), Format::Plain));
    v.push(("100k curly quotes, one line".into(), "\u{201C}".repeat(100_000), Format::Plain));
    v.push(("100k quote-word-quote".into(), "\"a\" ".repeat(100_000), Format::Plain));
    v.push(("50k unbalanced open quotes with words".into(), "He said \u{201C}we will ".repeat(50_000), Format::Plain));
    v.push(("deeply nested quotes".into(), format!("{}{}", "\u{201C}\u{2018}\"'".repeat(20_000), "x".repeat(10)), Format::Plain));
    v.push(("1 MB without spaces".into(), "a".repeat(mb), Format::Plain));
    v.push(("1 MB of newlines".into(), "\n".repeat(mb), Format::Plain));
    v.push(("1 MB of 'Mr. '".into(), "Mr. ".repeat(mb / 4), Format::Plain));
    // Quadratic in the people recogniser (see BENCHMARKS.md): 1 MB would take ~40 min.
    v.push(("62 KB of capitalised words".into(), "Abc Def ".repeat(mb / 128), Format::Plain));
    v.push(("1 MB of digits and commas".into(), "1,234.5 ".repeat(mb / 8), Format::Plain));
    v.push(("1 MB of 'said'".into(), "said ".repeat(mb / 5), Format::Plain));
    v.push(("100k Markdown fences".into(), "```\n".repeat(100_000), Format::Markdown));
    v.push(("100k '---' lines".into(), "---\n".repeat(100_000), Format::Markdown));
    v.push(("100k '[' links".into(), "[a](".repeat(100_000), Format::Markdown));
    v.push(("100k '#' headings".into(), "# A said \"b\"\n".repeat(100_000), Format::Markdown));
    let mut r = articles::Rng::new(99);
    let bytes: Vec<u8> = (0..mb).map(|_| r.next_u64() as u8).collect();
    v.push(("1 MB random bytes (lossy UTF-8)".into(), String::from_utf8_lossy(&bytes).into_owned(), Format::Plain));
    v.push(("200k emoji and combining marks".into(), "👩‍👩‍👧 e\u{301} ".repeat(50_000), Format::Plain));
    v
}

fn bench_hostile(big_mb: usize, only: Option<&str>, shrink: usize) {
    for (name, text, fmt) in hostile_inputs(big_mb) {
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let text = if shrink > 1 && !name.contains("MB article") {
            let mut n = text.len() / shrink;
            while !text.is_char_boundary(n) {
                n -= 1;
            }
            text[..n].to_string()
        } else {
            text
        };
        let t0 = Instant::now();
        let a = analyze(&text, fmt);
        let el = t0.elapsed().as_secs_f64();
        println!(
            "{}",
            json!({"bench": "hostile", "input": name, "bytes": text.len(), "ms": round(el * 1000.0, 1),
                   "mb_per_s": round(text.len() as f64 / el / 1e6, 2), "sentences": a.sentences.len(),
                   "quotes": a.quotes.len(), "findings": a.findings.len()})
        );
    }
}

// ---------------------------------------------------------------------------------------------
// keystroke latency

fn bench_keystroke(server: &str, words: usize, edits: usize, pause_ms: u64, workspace: usize, no_cross_file: bool) {
    let work = tempdir("ks");
    let mut text = articles::long_article(3, words);
    let path = work.join("long.txt");
    std::fs::write(&path, &text).unwrap();
    if workspace > 0 {
        write_workspace(&work.join("others"), workspace, 5, 600, &[], 0.0);
    }
    let options = if no_cross_file {
        json!({"diagnostics": {"name-spelling": "off", "quote-mismatch": "off", "quote-speaker-mismatch": "off"}})
    } else {
        Value::Null
    };
    let mut s = Server::spawn(server, &["lsp"], Some(&work), None);
    let c0 = s.cursor();
    let caps = s.initialize_with(Some(&work), &["utf-16"], options);
    if workspace > 0 {
        // The walk of the other articles ends before the first edit.
        wait_progress_end(&s, c0, Duration::from_secs(300));
    }
    let sync = &caps["capabilities"]["textDocumentSync"];
    let incremental = sync.as_i64().or_else(|| sync["change"].as_i64()) == Some(2);
    let uri = uri_of(&path);
    let c = s.cursor();
    s.open(&uri, &text, 1);
    let first = s.wait_diagnostics(c, &uri, None, Duration::from_secs(120));
    let t_first = first.as_ref().map(|(_, m)| m.at);
    let mut lat = Vec::new();
    let mut missed = 0;
    // Type at a word boundary in the middle of the article, as a reporter inserting a word.
    let first = text[..text.len() / 2].rfind(' ').unwrap_or(0) + 1;
    let typed = "sharply ";
    let enc = s.encoding.clone();
    for (k, at) in (first..first + edits).enumerate() {
        let ch = &typed[k % typed.len()..k % typed.len() + 1];
        let p = position(&text, at, &enc);
        text.insert_str(at, ch);
        let version = 2 + k as i64;
        let change = if incremental { json!({"range": {"start": p, "end": p}, "text": ch}) } else { json!({"text": text}) };
        let c = s.cursor();
        let t = Instant::now();
        s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}));
        match s.wait_diagnostics(c, &uri, Some(version), Duration::from_secs(10)) {
            Some((_, m)) => lat.push(ms(m.at - t)),
            None => missed += 1,
        }
        std::thread::sleep(Duration::from_millis(pause_ms));
    }
    let rss = s.peak_rss_mb();
    s.shutdown();
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "{}",
        json!({"bench": "keystroke", "words": text.split_whitespace().count(), "bytes": text.len(), "incremental": incremental,
               "workspace": workspace, "cross_file": !no_cross_file,
               "edits": lat.len(), "missed": missed, "p50_ms": round(pct(&lat, 0.5), 2), "p99_ms": round(pct(&lat, 0.99), 2),
               "max_ms": round(pct(&lat, 1.0), 2), "open_to_first_diagnostics": t_first.is_some(), "peak_rss_mb": rss})
    );
}

fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("byline-bench-{tag}-{}-{}", std::process::id(), Instant::now().elapsed().as_nanos()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

// ---------------------------------------------------------------------------------------------
// cold start + queries

/// Wait for the end of the first work-done progress the server begins (index progress).
/// Returns (time of end, title) or None.
fn wait_progress_end(s: &Server, from: usize, timeout: Duration) -> Option<(Instant, String)> {
    let (_, begin) = s.wait_for(from, timeout, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "begin")?;
    let token = begin.msg["params"]["token"].clone();
    let title = begin.msg["params"]["value"]["title"].as_str().unwrap_or("").to_string();
    let (_, end) = s.wait_for(from, timeout, |m| {
        m.method() == Some("$/progress") && m.msg["params"]["token"] == token && m.msg["params"]["value"]["kind"] == "end"
    })?;
    Some((end.at, title))
}

fn bench_cold(server: &str, articles: usize, dir: Option<PathBuf>, queries: usize, seed: u64) {
    let (work, temp) = match dir {
        Some(d) => (d, false),
        None => (tempdir("ws"), true),
    };
    let manifest: Value =
        match std::fs::read_to_string(work.join("manifest.json")).ok().and_then(|s| serde_json::from_str::<Value>(&s).ok()) {
            Some(m) if m["articles"] == articles && m["seed"] == seed => m,
            _ => write_workspace(&work, articles, seed, 450, &[], 0.0),
        };
    // Drop the page cache effect as far as we can without root tricks: read every file once.
    let _ = std::process::Command::new("cat").arg("/dev/null").status();
    let top = &manifest["people"][0];
    let file = PathBuf::from(top["file"].as_str().unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    let off = top["offset"].as_u64().unwrap() as usize;

    let stderr = std::fs::File::create(std::env::temp_dir().join(format!("byline-bench-cold-{articles}.stderr"))).ok();
    let t0 = Instant::now();
    let mut s = Server::spawn(server, &["lsp"], Some(&work), stderr);
    let c0 = s.cursor();
    s.initialize(Some(&work), &["utf-16"]);
    let t_init = t0.elapsed();
    let pos = position(&text, off, &s.encoding);
    let uri = uri_of(&file);
    let refs_params = json!({"textDocument": {"uri": uri}, "position": pos, "context": {"includeDeclaration": true}});
    let progress = wait_progress_end(&s, c0, Duration::from_secs(300));
    let t_progress = progress.as_ref().map(|(t, _)| ms(*t - t0));
    // References reaching a stable count: poll until two answers 200 ms apart agree (or 300 s).
    let mut last = usize::MAX;
    let found;
    let t_refs;
    loop {
        let n = s
            .request("textDocument/references", refs_params.clone(), Duration::from_secs(60))
            .ok()
            .and_then(|v| v.as_array().map(Vec::len))
            .unwrap_or(0);
        if n == last && (progress.is_some() || n > 0) || t0.elapsed() > Duration::from_secs(300) {
            t_refs = t0.elapsed();
            found = n;
            break;
        }
        last = n;
        std::thread::sleep(Duration::from_millis(if progress.is_some() { 1 } else { 200 }));
    }
    let files = count_files(&work);
    let peak = s.peak_rss_mb();
    let rss_now = s.rss_mb();
    let mut out = json!({
        "bench": "cold", "articles": articles, "files_in_workspace": files, "bytes": manifest["bytes"],
        "initialize_ms": round(ms(t_init), 1), "progress_end_ms": t_progress.map(|x| round(x, 1)),
        "progress_title": progress.map(|p| p.1), "references_stable_ms": round(ms(t_refs), 1),
        "person": top["name"], "references_found": found, "generator_surname_mentions": top["surname_mentions"],
        "peak_rss_mb": peak, "rss_after_index_mb": rss_now,
    });
    let hover_params = json!({"textDocument": {"uri": uri}, "position": pos});
    let qs: [(&str, &str, Value); 4] = [
        ("references", "textDocument/references", refs_params.clone()),
        ("hover", "textDocument/hover", hover_params),
        ("workspace_symbol_2", "workspace/symbol", json!({"query": "er"})),
        ("workspace_symbol_empty", "workspace/symbol", json!({"query": ""})),
    ];
    for (name, method, params) in qs {
        let mut lat = Vec::new();
        let mut size = 0;
        let mut errors = 0;
        for _ in 0..queries {
            let t = Instant::now();
            match s.request(method, params.clone(), Duration::from_secs(30)) {
                Ok(v) => {
                    lat.push(ms(t.elapsed()));
                    size = v.as_array().map_or(if v.is_null() { 0 } else { 1 }, Vec::len);
                }
                Err(_) => errors += 1,
            }
        }
        out[name] = json!({"p50_ms": round(pct(&lat, 0.5), 2), "p99_ms": round(pct(&lat, 0.99), 2), "max_ms": round(pct(&lat, 1.0), 2),
                           "results": size, "errors": errors, "n": lat.len()});
    }
    // References with a partialResultToken: time to the first partial result and to the
    // (empty) final response, and the locations the partial results carried.
    let (mut first, mut whole, mut size, mut errors, mut partials) = (Vec::new(), Vec::new(), 0, 0, 0);
    for i in 0..queries {
        let mut params = refs_params.clone();
        params["partialResultToken"] = json!(format!("refs-{i}"));
        let token = params["partialResultToken"].clone();
        let from = s.cursor();
        let t = Instant::now();
        let res = s.request("textDocument/references", params, Duration::from_secs(30));
        let done = t.elapsed();
        let got = s.take_incoming_since(from);
        let mine: Vec<&Incoming> = got.iter().filter(|m| m.method() == Some("$/progress") && m.msg["params"]["token"] == token).collect();
        match res {
            Ok(v) if v.as_array().is_some_and(Vec::is_empty) && !mine.is_empty() => {
                whole.push(ms(done));
                first.push(ms(mine[0].at - t));
                size = mine.iter().map(|m| m.msg["params"]["value"].as_array().map_or(0, Vec::len)).sum();
                partials = mine.len();
            }
            _ => errors += 1,
        }
    }
    out["references_partial"] = json!({
        "p50_ms": round(pct(&whole, 0.5), 2), "p99_ms": round(pct(&whole, 0.99), 2), "max_ms": round(pct(&whole, 1.0), 2),
        "first_partial_p50_ms": round(pct(&first, 0.5), 2), "first_partial_p99_ms": round(pct(&first, 0.99), 2),
        "results": size, "partial_results": partials, "errors": errors, "n": whole.len()});
    out["peak_rss_mb_after_queries"] = json!(s.peak_rss_mb());
    let st = s.shutdown();
    out["clean_exit"] = json!(st.map(|x| x.success()));
    println!("{out}");
    if temp {
        let _ = std::fs::remove_dir_all(&work);
    }
}

// ---------------------------------------------------------------------------------------------
// hover on a small document while a big one is analysed

fn big_article(mb: usize) -> String {
    let mut g = articles::Generator::new(articles::Options::default());
    let mut big = String::with_capacity(mb * 1_000_000 + 100_000);
    let mut i = 0;
    while big.len() < mb * 1_000_000 {
        big.push_str(&g.article(i).text);
        i += 1;
    }
    big
}

fn bench_busy(server: &str, load: &str, big_mb: usize, pause_ms: u64) {
    let work = tempdir("busy");
    let root = work.join("ws");
    std::fs::create_dir_all(&root).unwrap();
    // The small document and a person in it (found by the core, in-process).
    let small = articles::long_article(5, 400);
    let a = analyze(&small, Format::Plain);
    let at = a.people.mentions.iter().find(|m| m.full).or(a.people.mentions.first()).map_or(0, |m| m.span.start + 1);
    let small_path = root.join("small.txt");
    std::fs::write(&small_path, &small).unwrap();
    let (big, big_path) = match load {
        "walk" => {
            let p = root.join("big.txt");
            std::fs::write(&p, big_article(big_mb)).unwrap();
            (None, p)
        }
        "pathological" => {
            let para: String = articles::long_article(7, 200).replace('\n', " ");
            let mut line = String::new();
            while line.len() < 1_400_000 {
                line.push_str(&para);
            }
            (Some(line), work.join("pathological.txt"))
        }
        _ => (Some(big_article(big_mb)), work.join("big.txt")),
    };
    let bytes = big.as_ref().map_or_else(|| std::fs::metadata(&big_path).map_or(0, |m| m.len() as usize), String::len);
    let mut s = Server::spawn(server, &["lsp"], Some(&root), None);
    let c0 = s.cursor();
    s.initialize(Some(&root), &["utf-16"]);
    let uri = uri_of(&small_path);
    s.open(&uri, &small, 1);
    s.wait_diagnostics(c0, &uri, Some(1), Duration::from_secs(60)).expect("no diagnostics for the small document");
    let pos = position(&small, at, &s.encoding);
    let hover = json!({"textDocument": {"uri": uri}, "position": pos});
    let c = s.cursor();
    let t0 = Instant::now();
    let big_uri = uri_of(&big_path);
    if load != "walk" {
        // Let the walk of the (small) workspace finish first: only the big document is busy.
        wait_progress_end(&s, c0, Duration::from_secs(60));
        s.open(&big_uri, big.as_deref().unwrap(), 1);
    }
    // Hover until the big document is done: its diagnostics (open) or the end of the walk.
    let done = |s: &Server| {
        if load == "walk" {
            s.wait_for(c0, Duration::ZERO, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "end").is_some()
        } else {
            s.wait_diagnostics(c, &big_uri, Some(1), Duration::ZERO).is_some()
        }
    };
    let mut lat = Vec::new();
    let mut worst: Vec<(f64, f64)> = Vec::new(); // (latency, sent at), ms
    let mut empty = 0;
    let mut errors = 0;
    while !done(&s) && t0.elapsed() < Duration::from_secs(600) {
        let t = Instant::now();
        match s.request("textDocument/hover", hover.clone(), Duration::from_secs(30)) {
            Ok(v) => {
                lat.push(ms(t.elapsed()));
                worst.push((ms(t.elapsed()), ms(t - t0)));
                empty += usize::from(v.is_null());
            }
            Err(_) => errors += 1,
        }
        std::thread::sleep(Duration::from_millis(pause_ms));
    }
    let busy_ms = ms(t0.elapsed());
    let first_ms = lat.first().copied().unwrap_or(0.0);
    // The first hover is read behind the big didOpen itself (the input is one stream).
    let after_first: Vec<f64> = lat.iter().skip(1).copied().collect();
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    let worst: Vec<Value> = worst.iter().take(3).map(|(l, at)| json!({"ms": round(*l, 1), "sent_at_ms": round(*at, 0)})).collect();
    let rss = s.peak_rss_mb();
    s.shutdown();
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "{}",
        json!({"bench": "busy", "load": load, "big_bytes": bytes, "busy_ms": round(busy_ms, 0), "hovers": lat.len(),
               "empty": empty, "errors": errors, "p50_ms": round(pct(&lat, 0.5), 2), "p99_ms": round(pct(&lat, 0.99), 2),
               "max_ms": round(pct(&lat, 1.0), 2), "first_ms": round(first_ms, 1),
               "p99_after_first_ms": round(pct(&after_first, 0.99), 2), "worst": worst, "peak_rss_mb": rss})
    );
}

fn count_files(d: &Path) -> usize {
    let mut n = 0;
    if let Ok(rd) = std::fs::read_dir(d) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                n += count_files(&p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                n += 1;
            }
        }
    }
    n
}

// ---------------------------------------------------------------------------------------------
// many tiny files

fn bench_tiny(server: &str, files: usize, dir: Option<PathBuf>) {
    let (work, temp) = match dir {
        Some(d) => (d, false),
        None => (tempdir("tiny"), true),
    };
    if count_files(&work) != files {
        let mut r = articles::Rng::new(5);
        for i in 0..files {
            let sub = work.join(format!("{:03}", i / 1000));
            if i % 1000 == 0 {
                std::fs::create_dir_all(&sub).unwrap();
            }
            let body = match r.below(4) {
                0 => String::new(),
                1 => "x".to_string(),
                2 => format!("Mayor Adela Quarrie said {} homes flooded.\n", r.below(1000)),
                _ => "\"Unclosed quote\n".to_string(),
            };
            std::fs::write(sub.join(format!("t{i:06}.txt")), body).unwrap();
        }
    }
    let t0 = Instant::now();
    let mut s = Server::spawn(server, &["lsp"], Some(&work), None);
    let c0 = s.cursor();
    s.initialize(Some(&work), &["utf-16"]);
    let progress = wait_progress_end(&s, c0, Duration::from_secs(600));
    let t_idx = t0.elapsed();
    let t = Instant::now();
    let sym = s.request("workspace/symbol", json!({"query": "qu"}), Duration::from_secs(60));
    let q = ms(t.elapsed());
    let out = json!({"bench": "tiny", "files": files, "progress_end": progress.is_some(), "index_ms": round(ms(t_idx), 1),
                     "peak_rss_mb": s.peak_rss_mb(), "workspace_symbol_ms": round(q, 2),
                     "workspace_symbol_results": sym.as_ref().ok().and_then(|v| v.as_array().map(Vec::len)),
                     "alive": s.running()});
    let st = s.shutdown();
    let mut out = out;
    out["clean_exit"] = json!(st.map(|x| x.success()));
    println!("{out}");
    if temp {
        let _ = std::fs::remove_dir_all(&work);
    }
}
