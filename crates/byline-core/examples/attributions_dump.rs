//! Print the attributions of article files, one per line: cue, source, kind, sentence:
//! `cargo run --release -p byline-core --example attributions_dump -- FILE...`.

use byline_core::{Format, analyze};

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let a = analyze(&text, Format::from_path(&path));
        for x in &a.attributions {
            let src = x.source.clone().map_or(String::from("-"), |s| text[s].to_string());
            println!("{path}:{} {:?} cue={:?} source={:?} scope={:?}", x.sentence, x.kind, &text[x.cue.clone()], src, x.scope);
        }
    }
}
