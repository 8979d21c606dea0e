//! Dump the people byline finds in a set of articles, as JSON lines, for offline scoring
//! (`scripts/eval_people.py`). One line per article: its path, and every mention with its byte
//! range, the workspace person it links to, that person's name and roles, and the definition.
//!
//!     cargo run --release -p byline-core --example people_dump -- DIR_OR_FILE...

use std::path::PathBuf;
use std::sync::Arc;

use byline_core::index::WorkspaceIndex;

fn esc(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// `--scale N`: index N invented articles and time the index (cold build, updates, queries).
fn scale(n: usize) {
    use std::time::Instant;
    let firsts = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "James"];
    let lasts = [
        "Okafor",
        "Lindqvist",
        "Moreau",
        "Tanaka",
        "Novak",
        "Haddad",
        "Silva",
        "Kowalski",
        "Brennan",
        "Achebe",
        "Petrov",
        "Rossi",
        "Schmidt",
        "Dubois",
        "Nakamura",
        "Olsen",
        "Murphy",
        "Fischer",
        "Costa",
        "Weber",
    ];
    let article = |i: usize| -> String {
        let mut t = String::new();
        for k in 0..8 {
            let f = firsts[(i * 7 + k * 3) % firsts.len()];
            let l = lasts[(i * 13 + k * 5) % lasts.len()];
            let l2 = format!("{l}{}", (i / 50 + k) % 40);
            t.push_str(&format!(
                "Regional spokesman {f} {l2} said the plan would go ahead on Monday. \
                 \"We are ready,\" {l2} told reporters. Mr {l2}'s office later confirmed the figures. \
                 Officials in the capital said talks would continue next week.\n\n"
            ));
        }
        t
    };
    let t0 = Instant::now();
    let texts: Vec<String> = (0..n).map(article).collect();
    let t1 = Instant::now();
    let analysed: Vec<_> = texts.iter().map(|t| Arc::new(byline_core::analyze(t, byline_core::Format::Plain).people)).collect();
    let t2 = Instant::now();
    let lex = byline_core::lexicon::Lexicon::bundled();
    for t in &texts {
        let doc = byline_core::document::Document::parse(t, byline_core::Format::Plain, lex);
        let _ = byline_core::people::find(&doc, &[]);
    }
    eprintln!("document and people::find alone: {:?} (one core)", t2.elapsed());
    let t2 = Instant::now();
    let mut index = WorkspaceIndex::new();
    for (i, p) in analysed.iter().enumerate() {
        index.set_document(format!("doc{i}.txt").into(), p.clone());
    }
    let t3 = Instant::now();
    eprintln!("generate {:?}, analyse {:?} (one core), index {:?}", t1 - t0, t2 - t1, t3 - t2);
    let mut worst = std::time::Duration::ZERO;
    let mut times = Vec::new();
    for i in 0..200 {
        let d = format!("doc{}.txt", (i * 37) % n);
        let s = Instant::now();
        let snap = index.clone();
        index.set_document(d.clone().into(), analysed[(i * 11) % n].clone());
        let id = snap.person_at(&d, texts[(i * 37) % n].find("Mr ").unwrap() + 3);
        if let Some(id) = id {
            let _ = snap.person(&id);
            let _ = snap.mentions(&id);
            let _ = snap.definition(&id, &d);
        }
        let e = s.elapsed();
        worst = worst.max(e);
        times.push(e);
    }
    times.sort();
    eprintln!("edit+clone+hover/refs/definition: p50 {:?} p99 {:?} max {:?}", times[100], times[198], worst);
    let s = Instant::now();
    let all = index.search("");
    eprintln!("search(\"\"): {} people in {:?}", all.len(), s.elapsed());
    let s = Instant::now();
    let some = index.search("anok");
    eprintln!("search(\"anok\"): {} people in {:?}", some.len(), s.elapsed());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--scale" {
        scale(args[2].parse().expect("a number"));
        return;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for a in std::env::args().skip(1) {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .expect("read dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    let mut index = WorkspaceIndex::new();
    let mut texts = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read file");
        let fmt = byline_core::Format::from_path(&f.to_string_lossy());
        let a = byline_core::analyze(&text, fmt);
        let key: Arc<str> = f.to_string_lossy().into();
        index.set_document(key.clone(), Arc::new(a.people));
        texts.push((key, text));
    }
    for (key, _text) in &texts {
        let people = index.document(key).cloned().unwrap_or_default();
        let mut items = Vec::new();
        let mut spans: Vec<(std::ops::Range<usize>, bool)> = people.mentions.iter().map(|m| (m.span.clone(), m.full)).collect();
        spans.extend(people.tentative.iter().map(|t| (t.0.clone(), false)));
        spans.sort_by_key(|s| s.0.start);
        for (span, full) in spans {
            let Some(id) = index.person_at(key, span.start) else { continue };
            let m = byline_core::people::PersonMention { span, person: 0, full };
            let info = index.person(&id);
            let name = info.as_ref().map_or(String::new(), |i| i.name.clone());
            let roles: Vec<String> = info.as_ref().map_or(Vec::new(), |i| i.roles.iter().map(|r| esc(&r.0)).collect());
            let def = index.definition(&id, key);
            let def_s = match def {
                Some((d, s)) => format!("[{},{},{}]", esc(&d), s.start, s.end),
                None => "null".into(),
            };
            items.push(format!(
                "{{\"start\":{},\"end\":{},\"id\":{},\"name\":{},\"full\":{},\"roles\":[{}],\"definition\":{}}}",
                m.span.start,
                m.span.end,
                esc(&id),
                esc(&name),
                m.full,
                roles.join(","),
                def_s
            ));
        }
        println!("{{\"path\":{},\"mentions\":[{}]}}", esc(key), items.join(","));
    }
}
