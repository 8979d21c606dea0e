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

fn main() {
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
        for m in &people.mentions {
            let id = index.person_at(key, m.span.start).unwrap_or_else(|| "?".into());
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
