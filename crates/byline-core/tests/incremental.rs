//! The incremental analysis equals a fresh analysis of the final text, after any edits.
//!
//! Random edits (insertions, deletions, replacements; paragraph breaks made and joined, quote
//! marks, names, Markdown marks, multi-byte characters) are applied one after another to real
//! articles of the shared corpus (`../shared/corpus/*/*.txt` beside the repository, read at
//! test time and skipped with a message when absent) and to invented ones; after each edit the
//! [`IncrementalAnalyzer`]'s document and analysis are compared with `Document::parse` and
//! `analyze_with` on the same text, in both formats.

use std::path::PathBuf;
use std::sync::OnceLock;

use byline_core::document::Document;
use byline_core::lexicon::Lexicon;
use byline_core::{Format, IncrementalAnalyzer, analyze_with};
use proptest::prelude::*;

/// Invented articles (our own words), for when the corpus is absent and for Markdown.
const INVENTED: &[&str] = &[
    "Harbour Plans Stall\n\nBy Tomasz Weller\n\nThe city council said on Tuesday that the harbour plan would cost $40 million. \
     Councillor Ada Obi, who chairs the works committee, said: “We cannot pay for this.”\n\n“It is a scandal,” she said. \
     “The money was promised in 2019 and it has gone.\n\n“Nobody will tell us where.”\n\nOfficials are believed to have \
     studied a cheaper route. Weller's sources said the mayor, Dr Lena Park, had seen the figures. Park declined to comment.\n",
    "---\ntitle: Storm\n---\n# Storm hits coast\n\nWinds of 150 km/h struck the coast overnight, the weather service said. \
     [Read more](https://example.com/storm) or see `notes`.\n\n```\nHe said \"nothing\".\n```\n\nMr Jan de Vries, a \
     fisherman, said the harbour had never flooded before. \"It is the worst I have seen,\" he said.\n\n\
     - 'We lost everything,' said one resident.\n- It is feared that more storms will follow.\n",
];

/// Text to insert: paragraph breaks, quote marks, names and cues, Markdown, multi-byte.
const PIECES: &[&str] = &[
    "x",
    " ",
    "é",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "\n",
    "\n\n",
    ". ",
    "\r\n",
    ", said Dr Amara Okonkwo. ",
    "He said ",
    "“We will not stop,” she said. ",
    "Okonkwo",
    "Mr ",
    "According to officials, ",
    "It is understood that ",
    "**",
    "# ",
    "```\n",
    "---\n",
    "[the report](https://example.org/a)",
    "`x`",
    "—",
    "…",
    "U.S. ",
    "🙂",
    "3.5 percent",
    // Cues and exemptions that read past a sentence: the characters before it, a colon's
    // quotation, a pronoun's antecedent, a cited document, a currency sign.
    "“Night Shift” ",
    ": “",
    "$",
    "The study found ",
    "according to a report published in the journal, ",
    "apparently ",
    "Critics say ",
    "They said ",
    " did not respond to a request for comment.",
    "the most ",
    "is expected to ",
];

#[derive(Clone, Debug)]
enum Edit {
    Insert { at: f64, piece: usize },
    Delete { at: f64, len: usize },
    Replace { at: f64, len: usize, piece: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..=1.0f64;
    prop_oneof![
        (at.clone(), 0..PIECES.len()).prop_map(|(at, piece)| Edit::Insert { at, piece }),
        (at.clone(), 1..60usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (at, 1..30usize, 0..PIECES.len()).prop_map(|(at, len, piece)| Edit::Replace { at, len, piece }),
    ]
}

/// The byte offset at fraction `at` of `text`, moved back to a character boundary.
fn offset(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `at..at + len` of `text`, widened to character boundaries and clamped.
fn range(text: &str, at: f64, len: usize) -> std::ops::Range<usize> {
    let a = offset(text, at);
    let mut e = (a + len).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    a..e
}

fn apply(text: &mut String, e: &Edit) {
    match *e {
        Edit::Insert { at, piece } => text.insert_str(offset(text, at), PIECES[piece]),
        Edit::Delete { at, len } => {
            let r = range(text, at, len);
            text.replace_range(r, "");
        }
        Edit::Replace { at, len, piece } => {
            let r = range(text, at, len);
            text.replace_range(r, PIECES[piece]);
        }
    }
}

/// The shared corpus articles, or none (with a message) when the corpus is not there.
fn corpus() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        let Ok(dirs) = std::fs::read_dir(&root) else {
            eprintln!("incremental: no shared corpus at {}; only invented articles are edited", root.display());
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = dirs
            .flatten()
            .filter(|d| d.path().is_dir())
            .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten().map(|f| f.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
    })
}

/// The article numbered `i`: the invented ones first, then the corpus.
fn article(i: usize) -> String {
    let all = INVENTED.len() + corpus().len();
    let i = i % all;
    if i < INVENTED.len() { INVENTED[i].to_string() } else { corpus()[i - INVENTED.len()].clone() }
}

/// The analyzer's document and analysis equal fresh ones of `text`, field by field.
fn check_same(analyzer: &mut IncrementalAnalyzer, text: &str, format: Format) -> Result<(), TestCaseError> {
    let lex = Lexicon::bundled();
    let fresh = Document::parse(text, format, lex);
    let reused = analyzer.parse(text, format);
    prop_assert_eq!(&reused.clean, &fresh.clean);
    prop_assert_eq!(&reused.sentences, &fresh.sentences);
    prop_assert_eq!(&reused.quotes, &fresh.quotes);
    prop_assert_eq!(&reused.toks, &fresh.toks);
    prop_assert_eq!(&reused.words, &fresh.words);
    prop_assert!(reused == fresh, "the documents differ elsewhere");
    let want = analyze_with(text, format, lex);
    let got = analyzer.analyze(text, format);
    prop_assert_eq!(&got.sentences, &want.sentences);
    prop_assert_eq!(&got.quotes, &want.quotes);
    prop_assert_eq!(&got.attributions, &want.attributions);
    prop_assert_eq!(&got.findings, &want.findings);
    prop_assert_eq!(&got.people, &want.people);
    prop_assert!(got == want);
    Ok(())
}

proptest! {
    // BYLINE_INCREMENTAL_CASES=n runs more cases.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("BYLINE_INCREMENTAL_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96)))]

    #[test]
    fn edits_analyse_as_a_fresh_analysis(pick in 0usize..10_000, markdown in any::<bool>(), edits in proptest::collection::vec(edit(), 1..10)) {
        let format = if markdown { Format::Markdown } else { Format::Plain };
        let mut text = article(pick);
        let mut analyzer = IncrementalAnalyzer::bundled();
        check_same(&mut analyzer, &text, format)?;
        for e in &edits {
            apply(&mut text, e);
            check_same(&mut analyzer, &text, format)?;
        }
    }
}

/// An edit inside one paragraph of a long article re-parses one line and one block, and finds
/// the cues and claim decisions of its one changed sentence only.
#[test]
fn an_edit_in_one_paragraph_reparses_only_it() {
    let text: String = (0..40).map(|i| format!("Paragraph {i} says the council met on Monday. It voted 7 to 2.\n\n")).collect();
    let mut analyzer = IncrementalAnalyzer::bundled();
    analyzer.analyze(&text, Format::Plain);
    let at = text.find("Paragraph 20 says").unwrap() + "Paragraph 20 s".len();
    let mut edited = text.clone();
    edited.insert(at, 'x');
    let got = analyzer.analyze(&edited, Format::Plain);
    assert_eq!(got, analyze_with(&edited, Format::Plain, Lexicon::bundled()));
    let work = analyzer.last_work();
    assert_eq!((work.lines_parsed, work.blocks_parsed), (1, 1), "{work:?}");
    assert_eq!(work.blocks_reused, 39, "{work:?}");
    // The edited sentence is new ("sxays" is no reporting verb, so it has no cue match); the
    // other 79 sentences are reused, 39 of them with a cue ("says").
    assert_eq!((work.claim_sentences_found, work.claim_sentences_reused), (1, 79), "{work:?}");
    assert_eq!((work.cue_sentences_found, work.cue_sentences_reused), (0, 39), "{work:?}");
}

/// Analyses `before`, `after` and `before` again with one incremental analyzer, checks each
/// against a fresh analysis, and returns what `read` takes from each.
fn there_and_back<T>(before: &str, after: &str, read: impl Fn(&byline_core::Analysis, &str) -> T) -> Vec<T> {
    let mut analyzer = IncrementalAnalyzer::bundled();
    [before, after, before]
        .into_iter()
        .map(|text| {
            let got = analyzer.analyze(text, Format::Plain);
            assert_eq!(got, analyze_with(text, Format::Plain, Lexicon::bundled()));
            read(&got, text)
        })
        .collect()
}

/// A sentence whose text is unchanged but which an edit before it draws partly into a
/// quotation (its first figure is then the speaker's, so its claim is another figure), and back.
#[test]
fn an_unchanged_sentence_drawn_into_a_quotation_is_decided_again() {
    let before = "The harbour board met on Monday. Ports chief Ida Berg said the crews saw it all. \
                  At least 300 homes flooded” and 40 more homes were lost in the storm last week.\n";
    let after = before.replacen("said the", "said “the", 1);
    let keys = there_and_back(before, &after, |a, text| a.findings.iter().map(|f| text[f.key.clone()].to_string()).collect::<Vec<_>>());
    assert_ne!(keys[0], keys[1], "the quotation changes the unchanged sentence's claim: {keys:?}");
}

/// A sentence whose text is unchanged but whose reporting verb an edit before it puts inside a
/// quotation (no longer the writer's attribution), and back.
#[test]
fn a_cue_drawn_into_a_quotation_is_no_longer_an_attribution() {
    let before = "The harbour board met on Monday. Ports chief Ida Berg said the crews saw it all. \
                  Officials said 300 homes flooded” and the police said more were lost.\n";
    let after = before.replacen("said the", "said “the", 1);
    let seen = there_and_back(before, &after, |a, text| a.attributions.iter().map(|x| text[x.cue.clone()].to_string()).collect::<Vec<_>>());
    assert_ne!(seen[0], seen[1], "the quotation takes the unchanged sentence's cue: {seen:?}");
}

/// An invented article of several paragraphs, for the edits below.
fn paragraphs() -> String {
    [
        "Harbour Board Delays Vote",
        "By Tomasz Weller",
        "The harbour board delayed its vote on Monday. Board chair Ines Marrow said the plan needed more study.",
        "Marrow said the cost had doubled to $80 million since 2021. Critics say the figures were known for months.",
        "“We will not be rushed,” she said. “Nobody on this board has seen the final survey.",
        "“The survey is due in June.”",
        "Officials are believed to have studied a cheaper route. Quell, a surveyor, declined to comment.",
        "The U.S. firm that drew the plans did not respond to a request for comment.",
    ]
    .join("\n\n")
        + "\n"
}

/// Applies each edit in turn, analysing with one incremental analyzer (and parsing with
/// another), each result checked against a fresh one; returns the work of each analysis and
/// the number of mentions of people it found.
fn edits_in_turn(mut text: String, edits: &[(&str, &str)]) -> Vec<(byline_core::incremental::Work, usize)> {
    let lex = Lexicon::bundled();
    let (mut analyzer, mut parser) = (IncrementalAnalyzer::bundled(), IncrementalAnalyzer::bundled());
    analyzer.analyze(&text, Format::Plain);
    parser.parse(&text, Format::Plain);
    let mut work = Vec::new();
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?}");
        text = text.replacen(from, to, 1);
        let got = analyzer.analyze(&text, Format::Plain);
        assert_eq!(got, analyze_with(&text, Format::Plain, lex), "after {from:?} → {to:?}");
        work.push((analyzer.last_work(), got.people.mentions.len()));
        assert!(parser.parse(&text, Format::Plain) == Document::parse(&text, Format::Plain, lex), "after {from:?} → {to:?}");
    }
    work
}

/// Paragraphs joined and split again, around reused lines and words before and after.
#[test]
fn paragraphs_joined_and_split_reuse_the_rest() {
    let work = edits_in_turn(
        paragraphs(),
        &[
            ("months.\n\n“We", "months. “We"),
            ("months. “We", "months.\n\n“We"),
            ("Monday. Board", "Monday.\n\nBoard"),
            ("Monday.\n\nBoard", "Monday. Board"),
            ("cheaper route.", "cheaper\nroute."),
        ],
    );
    for (w, _) in &work {
        assert!(w.lines_reused >= 10 && w.word_sentences_reused >= 8, "{w:?}");
    }
}

/// A name's first full mention added in one paragraph makes its bare surname in another a
/// mention, and removing it undoes that; typing inside the name changes it each time.
#[test]
fn a_first_full_mention_in_another_paragraph() {
    let mentions: Vec<usize> = edits_in_turn(
        paragraphs(),
        &[
            ("Officials are", "Surveyor Anton Quell said the route was sound. Officials are"),
            ("Anton Quell", "Anton Quellx"),
            ("Anton Quellx", "Anton Quell"),
            ("Surveyor Anton Quell said the route was sound. ", ""),
            ("By Tomasz Weller", "By Tomasz Weller and Anton Quell"),
            ("By Tomasz Weller and Anton Quell", "By Tomasz Weller"),
        ],
    )
    .into_iter()
    .map(|(_, n)| n)
    .collect();
    // (The full name and the bare "Quell" two paragraphs on; neither once the name is gone.)
    assert!(mentions[0] >= mentions[3] + 2, "{mentions:?}");
    assert_eq!(mentions[3], mentions[5], "{mentions:?}");
}

/// A quotation opened in one paragraph runs on across the next ones until it is closed.
#[test]
fn a_quotation_opened_across_paragraphs() {
    edits_in_turn(
        paragraphs(),
        &[
            ("Officials are believed", "“Officials are believed"),
            ("cheaper route.", "cheaper route.”"),
            ("“Officials are believed", "Officials are believed"),
            ("The survey is due in June.”", "The survey is due in June."),
            ("The survey is due in June.", "The survey is due in June.”"),
            ("The harbour board delayed", "“The harbour board delayed"),
        ],
    );
}

/// Edits at the very start and end of the text, and the whole text replaced.
#[test]
fn edits_at_the_edges() {
    edits_in_turn(
        paragraphs(),
        &[
            ("Harbour Board", "The Harbour Board"),
            ("for comment.\n", "for comment.\n\nMore to follow."),
            ("More to follow.", ""),
            ("The Harbour Board Delays Vote\n\n", ""),
            ("\n\n", "\n"),
        ],
    );
}

/// `n` invented words, one sentence: `n` tokens with no name in them.
fn filler(n: usize) -> String {
    let words = ["the", "tide", "turned", "slowly", "over", "grey", "mudflats", "while", "gulls", "circled"];
    let mut s: String = (0..n).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ");
    s.push('.');
    s
}

/// `paragraphs` joined by blank lines, each a paragraph of its own, with `fill` filler
/// paragraphs of 70 words between any two, so that each stands in a unit of the name candidates'
/// memo of its own, several units from the others.
fn far_apart(paragraphs: &[&str], fill: usize) -> String {
    let mut out = Vec::new();
    for p in paragraphs {
        out.push(p.to_string());
        out.extend((0..fill).map(|_| filler(70)));
    }
    out.join("\n\n") + "\n"
}

/// Whether a word is also used in lower case is a fact of the whole article: a name credited
/// "by" one paragraph is a person only while no other paragraph uses its words in lower case.
#[test]
fn a_word_used_in_lower_case_in_another_paragraph() {
    let before = far_apart(&["The photographs were taken by Hale Carver on Monday.", "The yard hired a new apprentice."], 4);
    let after = before.replacen("a new apprentice", "a new carver", 1);
    let seen =
        there_and_back(&before, &after, |a, text| a.people.mentions.iter().map(|m| text[m.span.clone()].to_string()).collect::<Vec<_>>());
    assert_ne!(seen[0], seen[1], "the lower-case use changes the far paragraph's people: {seen:?}");
}

/// A contributor line's role needs the word "contributed" somewhere in the text before its
/// line is even looked at; the word added or removed in a far paragraph changes nothing else.
#[test]
fn the_word_contributed_in_another_paragraph() {
    let text = far_apart(
        &[
            "Harbour Press writers Qorvath Thrane and Ilkan Vessberg in Oslo helped with this report.",
            "Thrane said the port would reopen.",
            "The board gave $5 million.",
        ],
        4,
    );
    let work = edits_in_turn(
        text,
        &[
            ("board gave", "board contributed"),
            ("helped with", "contributed to"),
            ("board contributed", "board gave"),
            ("contributed to", "helped with"),
        ],
    );
    // (The contributor line names its writers, and "Thrane" four units on is then a mention.)
    assert!(work[1].1 > work[0].1, "{work:?}");
    assert_eq!(work[3].1, work[0].1, "{work:?}");
}

/// A byline's role on the line under it, in the next unit: the unit's neighbours are part of
/// its window, so an edit of the role line finds the byline's candidates and roles again.
#[test]
fn a_byline_role_in_the_next_unit() {
    // (61 filler tokens and the byline's 3: the first unit ends after the byline's line.)
    let text = format!("{}\n\nBy Tomasz Weller\n\nStaff writer\n\n{}\n", filler(61), far_apart(&["Weller said the tide was late."], 4));
    let roles = |a: &byline_core::Analysis| a.people.persons.iter().map(|p| p.roles.clone()).collect::<Vec<_>>();
    let mut analyzer = IncrementalAnalyzer::bundled();
    let first = analyzer.analyze(&text, Format::Plain);
    let edited = text.replacen("Staff writer", "Political correspondent", 1);
    let got = analyzer.analyze(&edited, Format::Plain);
    assert_eq!(got, analyze_with(&edited, Format::Plain, Lexicon::bundled()));
    assert_ne!(roles(&first), roles(&got), "{:?}", roles(&got));
}

/// Edits that move where the units of the name candidates' memo start (a paragraph grown or
/// shrunk by many words, lines joined and split) and edits in one paragraph of many, which find
/// the candidates of a few units only.
#[test]
fn units_of_the_candidates_memo() {
    let text = far_apart(
        &["By Tomasz Weller", "Board chair Ines Marrow said the plan needed more study.", "Marrow said the cost had doubled."],
        3,
    );
    let long = filler(120);
    let work = edits_in_turn(
        text.clone(),
        &[
            ("needed more study.", &format!("needed more study. {long}")),
            (&format!("needed more study. {long}"), "needed more study."),
            ("Marrow said the cost", "Marrow said\nthe cost"),
            ("Marrow said\nthe cost", "Marrow said the cost"),
            ("By Tomasz Weller\n\n", "By Tomasz Weller "),
            ("By Tomasz Weller ", "By Tomasz Weller\n\n"),
            ("chair Ines", "chair Inés"),
        ],
    );
    let last = work.last().unwrap().0;
    assert!(last.people_units_found <= 3 && last.people_units_reused >= 6, "{last:?}");
}

/// Grouping reads the text between two mentions: a paragraph break or a long stretch of words
/// between a full name and a bare surname shared by two people decides whom the surname means.
/// Those edits group the mentions afresh; an edit between them that keeps the answer, or one in
/// another paragraph, reuses the previous grouping.
#[test]
fn the_text_between_two_mentions_decides_their_grouping() {
    let text = far_apart(&["Maria Thrane spoke first. John Thrane spoke next. Thrane then left.", "The board gave $5 million."], 2);
    let long = filler(80);
    let work = edits_in_turn(
        text.clone(),
        &[
            ("board gave", "board xgave"),
            ("spoke next", "spoke nexxt"),
            ("nexxt. Thrane", "nexxt.\n\nThrane"),
            ("nexxt.\n\nThrane", "nexxt. Thrane"),
            ("nexxt. Thrane", &format!("nexxt. {long} Thrane")),
            (&format!("nexxt. {long} Thrane"), "nexxt. Thrane"),
        ],
    );
    let reused: Vec<bool> = work.iter().map(|(w, _)| w.people_grouping_reused).collect();
    assert_eq!(reused, [true, true, false, false, false, false]);
    // (Whom the last "Thrane" means: John, named just before; Maria, named first, past a
    // paragraph break.)
    let after = text.replacen("next. Thrane", "next.\n\nThrane", 1);
    let whom = there_and_back(&text, &after, |a, text| {
        let last = a.people.mentions.iter().rfind(|m| &text[m.span.clone()] == "Thrane").expect("a bare Thrane");
        a.people.persons[last.person].name.clone()
    });
    assert_eq!(whom, ["John Thrane", "Maria Thrane", "John Thrane"]);
}
