//! A deterministic generator of invented news articles, for benchmarks and hostile-input tests.
#![allow(clippy::explicit_auto_deref)] // `*rng.pick(..)`: the deref fixes `pick`'s type parameter for inference
//!
//! Every word list and template here was written for byline; nothing is taken from real
//! articles. People, places and organisations are invented (a few generic institutions such as
//! "the health ministry" are common nouns). The same seed always gives the same articles.
//!
//! This file depends on the standard library only, so integration tests can include it with
//! `#[path = "../crates/byline-bench/src/articles.rs"] mod articles;`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A small, fast, deterministic PRNG (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi_inclusive: usize) -> usize {
        lo + self.below(hi_inclusive - lo + 1)
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// Zipf-like pick: index 0 is the most likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        // Inverse of a harmonic-ish CDF: cheap and good enough for skewed choices.
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let x = ((n as f64 + 1.0).powf(u) - 1.0).floor() as usize;
        x.min(n - 1)
    }
}

const FIRST_M: &[&str] = &[
    "Aldous",
    "Bertram",
    "Casimir",
    "Dorian",
    "Emeric",
    "Fabian",
    "Gideon",
    "Horatio",
    "Ignatius",
    "Jareth",
    "Konrad",
    "Leander",
    "Mattias",
    "Nikolai",
    "Oswin",
    "Percival",
    "Quentin",
    "Rufus",
    "Severin",
    "Tobias",
    "Ulric",
    "Valentin",
    "Wendell",
    "Xavier",
    "Yannick",
    "Zoltan",
    "Anselm",
    "Barnaby",
    "Cormac",
    "Desmond",
    "Elias",
    "Florian",
    "Gustav",
    "Hamish",
    "Isidore",
    "Jonas",
    "Kasimir",
    "Lorcan",
    "Magnus",
    "Niall",
    "Osric",
    "Piers",
    "Raphael",
    "Stellan",
    "Tiernan",
    "José",
    "Łukasz",
    "Søren",
    "Andrés",
    "Dmitri",
    "Oleksandr",
    "Rashid",
    "Kwame",
    "Hiroshi",
    "Arjun",
];
const FIRST_F: &[&str] = &[
    "Adela",
    "Beatrix",
    "Cordelia",
    "Delphine",
    "Esmeralda",
    "Fenella",
    "Gwendolyn",
    "Henrietta",
    "Imogen",
    "Juniper",
    "Katarina",
    "Lavinia",
    "Marisol",
    "Nerissa",
    "Ottilie",
    "Philippa",
    "Rosalind",
    "Saoirse",
    "Theodora",
    "Ursula",
    "Verity",
    "Wilhelmina",
    "Ximena",
    "Yolanda",
    "Zinnia",
    "Annika",
    "Briony",
    "Clementine",
    "Dagny",
    "Elodie",
    "Freya",
    "Greer",
    "Hester",
    "Isolde",
    "Jessamy",
    "Kerensa",
    "Linnea",
    "Maren",
    "Noor",
    "Odette",
    "Priya",
    "Renata",
    "Zoë",
    "Inès",
    "Małgorzata",
    "Ayumi",
    "Chiamaka",
    "Svetlana",
    "Thandiwe",
    "Anouk",
];
const SURNAMES: &[&str] = &[
    "Ashgrove",
    "Blackwood",
    "Calloway",
    "Dunmore",
    "Everleigh",
    "Fairbairn",
    "Galbraith",
    "Hollister",
    "Ingleby",
    "Jardine",
    "Kettering",
    "Lockhart",
    "Merriweather",
    "Northcott",
    "Oakenfold",
    "Pemberton",
    "Quarrie",
    "Ravensworth",
    "Stirling",
    "Thistlewood",
    "Underhill",
    "Vexley",
    "Whitcombe",
    "Yarborough",
    "Zellweger",
    "Abernathy",
    "Brackenridge",
    "Castellan",
    "Drummond",
    "Elphinstone",
    "Farquhar",
    "Greenhalgh",
    "Harrowgate",
    "Isherwood",
    "Kinloch",
    "Lindqvist",
    "Montrose",
    "Nightingale",
    "Ormerod",
    "Pennington",
    "Rutherford",
    "Sandoval",
    "Tregarthen",
    "Urquhart",
    "Vandermeer",
    "Wetherby",
    "Achterberg",
    "Bellweather",
    "Coldharbour",
    "Dufresne",
    "Estrada",
    "Fitzwilliam",
    "Goncharenko",
    "Haverford",
    "Ibarra",
    "Jankowski",
    "Kowalczyk",
    "Lévesque",
    "Marchetti",
    "Nakamura",
    "Okonkwo",
    "Petrenko",
    "Quintero",
    "Rasmussen",
    "Szymański",
    "Tanaka",
    "Uchenna",
    "Volkonsky",
    "Wainwright",
    "Xiong",
    "Yilmaz",
    "Zhukova",
    "van der Hoeven",
    "bin Tariq",
    "de la Roche",
    "Müller",
    "O'Donnell",
    "McAllister",
];
const PLACES: &[&str] = &[
    "Port Aldwin",
    "Kestrel Bay",
    "Vordana",
    "New Harrow",
    "Saltmere",
    "Brisk Hollow",
    "Ostrava Nova",
    "Lake Emberly",
    "Greyhaven",
    "Carrow Point",
    "Marlow Fields",
    "Dunlin",
    "Eastwick Reach",
    "the northern provinces",
    "the capital",
    "the coastal region",
    "the border districts",
];
const ORGS: &[&str] = &[
    "the Ministry of Coastal Affairs",
    "the Vordana Electoral Commission",
    "the Harrow Valley Council",
    "the National Bureau of Statistics",
    "the Saltmere Port Authority",
    "Kestrel Rail",
    "the Federation of Grain Growers",
    "the Greyhaven Police Service",
    "the Emberly Health Trust",
    "the Union of Transport Workers",
    "the Central Reserve Bank",
    "Northcott Mining Ltd",
];
const ROLES: &[&str] = &[
    "Prime Minister",
    "Foreign Minister",
    "Finance Minister",
    "Health Minister",
    "Opposition leader",
    "Mayor",
    "Senator",
    "Police Commissioner",
    "chief executive",
    "spokesman",
    "spokeswoman",
    "union secretary",
    "chief economist",
    "head of the electoral commission",
    "defence analyst",
    "Governor",
    "Attorney-General",
    "presidential adviser",
    "President",
    "party chairman",
];
const HONORIFICS: &[&str] = &["Mr", "Ms", "Mrs", "Dr", "Mr.", "Ms.", "Dr."];
const SAY: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "told local radio",
    "wrote",
    "argued",
    "insisted",
    "added",
    "warned",
    "claimed",
    "confirmed",
    "denied",
    "acknowledged",
    "explained",
    "stated",
    "noted",
];
const SUBJECTS: &[&str] = &[
    "the government",
    "the council",
    "the regional authority",
    "the coalition",
    "the ferry operator",
    "the hospital board",
    "the opposition",
    "the central bank",
    "emergency crews",
    "local farmers",
    "the new rail line",
    "the port",
    "the inquiry",
    "the strike",
    "the harvest",
    "the tax plan",
    "the bridge project",
    "the water company",
    "the school board",
    "the trade delegation",
];
const PREDICATES: &[&str] = &[
    "will miss its spending target this year",
    "has spent more than it promised on the new terminal",
    "plans to close two clinics before the winter",
    "could run out of money by the end of the month",
    "has quietly shelved the flood defence scheme",
    "is preparing to raise fares again",
    "was warned about the fault months ago",
    "failed to inspect the pipeline for three years",
    "is expected to announce job cuts next week",
    "has hired consultants at great cost",
    "will not survive another vote of confidence",
    "broke its own rules on procurement",
    "has doubled the number of inspectors",
    "is on track to finish the work early",
    "intends to sue the contractor",
];
const QUOTES: &[&str] = &[
    "We are not going to abandon the people of this town",
    "Nobody told us the water was unsafe until it was too late",
    "This is the worst season we have had in living memory",
    "I have every confidence that the figures will recover",
    "We asked for help three times and heard nothing back",
    "There is no plan, there is only a press release",
    "The numbers simply do not add up",
    "We will keep the line open whatever it costs",
    "It is a good day for everyone who relies on the harbour",
    "I would ask people to stay calm and to stay indoors",
    "Frankly, the delay is an embarrassment",
    "We expect the talks to resume on Thursday",
    "My family has fished these waters for four generations",
    "Anyone who says otherwise has not read the report",
];
const SCARE: &[&str] = &["a new chapter", "red tape", "business as usual", "a reset", "historic", "unacceptable"];
const VAGUE: &[&str] = &[
    "It is feared that",
    "It is understood that",
    "Critics say",
    "Experts believe",
    "It is believed that",
    "Observers say",
    "There are fears that",
    "Some analysts think",
    "Many residents believe",
];
const VAGUE_TAIL: &[&str] = &["reportedly", "allegedly", "it is said"];
const ANON: &[&str] = &[
    "a senior government official said",
    "officials said",
    "a source close to the minister said",
    "a council insider, speaking on condition of anonymity, said",
    "diplomatic sources said",
    "one person familiar with the talks said",
    "two officials who asked not to be named said",
];
const THINGS: &[&str] = &[
    "households",
    "passengers",
    "jobs",
    "hectares",
    "homes",
    "patients",
    "vessels",
    "students",
    "voters",
    "tonnes of grain",
    "workers",
    "claims",
];
const DAYS: &[&str] =
    &["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "last week", "overnight", "this morning"];
const HEAD_VERBS: &[&str] = &["vows", "warns", "rejects", "backs", "questions", "defends", "unveils"];
const HEAD_OBJS: &[&str] =
    &["harbour plan", "budget cuts", "strike deal", "flood inquiry", "rail fares", "clinic closures", "water report"];
const BOILER: &[&str] = &[
    "Sign up for our morning briefing",
    "Share this article",
    "Advertisement",
    "Read more: coverage of the harbour dispute",
    "Photograph: staff photographer",
];

/// One invented person.
#[derive(Clone, Debug)]
pub struct Person {
    pub first: String,
    pub last: String,
    pub role: String,
    pub female: bool,
}

impl Person {
    pub fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// Options for the generator.
#[derive(Clone, Debug)]
pub struct Options {
    pub seed: u64,
    /// Target words per article (the generator varies around it, ±50%).
    pub words: usize,
    /// Share of articles written as Markdown.
    pub markdown_share: f64,
    /// How many people recur across articles (the "cast"); the rest appear once.
    pub cast: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { seed: 1, words: 450, markdown_share: 0.3, cast: 100 }
    }
}

/// One generated article.
#[derive(Clone, Debug)]
pub struct Article {
    pub name: String,
    pub text: String,
    pub markdown: bool,
    /// How many times each cast member's surname occurs (word-bounded) in the text.
    pub surname_counts: BTreeMap<String, usize>,
}

/// The generator: a cast of recurring people and a PRNG.
pub struct Generator {
    pub opts: Options,
    pub cast: Vec<Person>,
    rng: Rng,
}

const SYL_A: &[&str] = &[
    "Bren", "Tallow", "Mar", "Hask", "Orm", "Pell", "Quil", "Rad", "Sorn", "Tam", "Wex", "Yar", "Cald", "Dern", "Fen", "Grim", "Holt",
    "Ives", "Kell", "Lund",
];
const SYL_B: &[&str] = &[
    "wick", "mere", "ford", "by", "stone", "ley", "ham", "thorpe", "worth", "ridge", "dale", "croft", "ington", "ett", "ow", "ane", "well",
    "brook", "sby", "man",
];

/// A one-off person: surname built from syllables, so it rarely collides with the cast.
fn make_person(rng: &mut Rng) -> Person {
    let female = rng.chance(0.5);
    let first = if female { *rng.pick(FIRST_F) } else { *rng.pick(FIRST_M) };
    let last = format!("{}{}", rng.pick(SYL_A), rng.pick(SYL_B));
    Person { first: first.to_string(), last, role: rng.pick(ROLES).to_string(), female }
}

impl Generator {
    pub fn new(opts: Options) -> Generator {
        let mut rng = Rng::new(opts.seed);
        // The cast gets distinct full names so that counts are meaningful.
        // Cast members have distinct surnames, so a frequent person is unambiguous.
        let mut cast: Vec<Person> = Vec::new();
        let mut surnames: Vec<&str> = SURNAMES.to_vec();
        for i in (1..surnames.len()).rev() {
            let j = rng.below(i + 1);
            surnames.swap(i, j);
        }
        for last in surnames.into_iter().take(opts.cast) {
            let mut p = make_person(&mut rng);
            p.last = last.to_string();
            cast.push(p);
        }
        Generator { opts, cast, rng }
    }

    /// The `i`-th article. Articles depend only on the seed and `i`, not on generation order.
    pub fn article(&mut self, i: usize) -> Article {
        let mut rng = Rng::new(self.opts.seed.wrapping_mul(0x100_0000_01B3) ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let _ = &mut self.rng;
        let markdown = rng.chance(self.opts.markdown_share);
        let target = (self.opts.words / 2 + rng.below(self.opts.words.max(2))).max(20);
        let (text, people) = write_article(&mut rng, &self.cast, target, markdown);
        let mut surname_counts = BTreeMap::new();
        for p in self.cast.iter().filter(|p| people.iter().any(|q| q.full() == p.full())) {
            let n = count_word(&text, &p.last);
            if n > 0 {
                surname_counts.insert(p.full(), n);
            }
        }
        let ext = if markdown { "md" } else { "txt" };
        Article { name: format!("article-{i:06}.{ext}"), text, markdown, surname_counts }
    }
}

/// Word-bounded occurrences of `w` in `text`.
pub fn count_word(text: &str, w: &str) -> usize {
    let mut n = 0;
    let mut from = 0;
    while let Some(k) = text[from..].find(w) {
        let s = from + k;
        let e = s + w.len();
        let before = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            n += 1;
        }
        from = e;
    }
    n
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn figure(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("{}", rng.range(2, 99)),
        1 => format!("{},{:03}", rng.range(1, 250), rng.below(1000)),
        2 => format!("{}.{} per cent", rng.range(1, 40), rng.below(10)),
        3 => format!("${}m", rng.range(2, 900)),
        _ => format!("at least {}", rng.range(10, 5000)),
    }
}

fn quote_marks(rng: &mut Rng) -> (&'static str, &'static str) {
    if rng.chance(0.5) { ("\u{201C}", "\u{201D}") } else { ("\"", "\"") }
}

/// How to refer to `p` after the first mention.
fn later_name(rng: &mut Rng, p: &Person) -> String {
    match rng.below(5) {
        0 => p.full(),
        1 => format!("{} {}", rng.pick(HONORIFICS), p.last),
        2 => format!("{} {}", if p.female { "Ms" } else { "Mr" }, p.last),
        _ => p.last.clone(),
    }
}

fn first_name_ref(rng: &mut Rng, p: &Person) -> String {
    match rng.below(4) {
        0 => format!("{} {}", p.role, p.full()),
        1 => format!("{}, the {},", p.full(), p.role.to_lowercase()),
        2 => {
            let initial = (b'A' + rng.below(26) as u8) as char;
            format!("{} {} {}. {}", p.role, p.first, initial, p.last)
        }
        _ => p.full(),
    }
}

fn clause(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(SUBJECTS), rng.pick(PREDICATES))
}

/// One sentence (or a short run of them) of the body.
fn sentence(rng: &mut Rng, people: &[Person], introduced: &mut [bool], last_speaker: &mut Option<usize>) -> String {
    let who = rng.zipf(people.len());
    let name = if introduced[who] { later_name(rng, &people[who]) } else { first_name_ref(rng, &people[who]) };
    let pronoun = if people[who].female { "she" } else { "he" };
    let (o, c) = quote_marks(rng);
    let q = *rng.pick(QUOTES);
    let say = *rng.pick(SAY);
    let kind = rng.below(16);
    let s = match kind {
        0 | 1 => format!("{o}{q},{c} {name} {say}.").replace(", the ", " the ").replace(",,", ","),
        2 => format!("{} {say}: {o}{q}.{c}", cap(&name)),
        3 => format!("{o}{q},{c} said {name}. {o}{}.{c}", rng.pick(QUOTES)),
        4 => format!("{} {say} that {}.", cap(&name), clause(rng)),
        5 => {
            format!("According to {}, {} {}.", rng.pick(ORGS), figure(rng), rng.pick(THINGS))
                + " "
                + &format!("{} were affected {}.", cap(*rng.pick(THINGS)), rng.pick(DAYS))
        }
        6 => format!("{} {}.", rng.pick(VAGUE), clause(rng)),
        7 => format!("{} {}, {}.", cap(&clause(rng)), rng.pick(DAYS), rng.pick(VAGUE_TAIL)),
        8 => format!("{}, {}.", cap(&clause(rng)), rng.pick(ANON)),
        9 => format!(
            "{} {} {} in {} {}.",
            cap(&figure(rng)),
            rng.pick(THINGS),
            if rng.chance(0.5) { "were evacuated" } else { "lost power" },
            rng.pick(PLACES),
            rng.pick(DAYS)
        ),
        10 => format!("{o}{q}.{c}"),
        11 => format!("{} described the plan as {o}{}{c}.", cap(&name), rng.pick(SCARE)),
        12 => {
            if let Some(prev) = *last_speaker {
                let pn = if people[prev].female { "She" } else { "He" };
                format!("{pn} added that {} {}.", clause(rng), rng.pick(DAYS))
            } else {
                format!("{} {}.", cap(&clause(rng)), rng.pick(DAYS))
            }
        }
        13 => format!(
            "{} {} {}, up from {} a year earlier.",
            cap(*rng.pick(SUBJECTS)),
            if rng.chance(0.5) { "reported a loss of" } else { "counted" },
            figure(rng),
            figure(rng)
        ),
        14 => format!("Asked whether {} {}, {pronoun} declined to comment.", rng.pick(SUBJECTS), rng.pick(PREDICATES)),
        _ => format!("The meeting in {} ended without agreement {}.", rng.pick(PLACES), rng.pick(DAYS)),
    };
    if matches!(kind, 0..=4 | 11 | 14) {
        introduced[who] = true;
        *last_speaker = Some(who);
    }
    s
}

fn write_article(rng: &mut Rng, cast: &[Person], target_words: usize, markdown: bool) -> (String, Vec<Person>) {
    // Each article draws a few people: mostly from the cast (skewed), sometimes one-offs.
    let mut people = Vec::new();
    for _ in 0..rng.range(2, 6) {
        if rng.chance(0.8) && !cast.is_empty() {
            people.push(cast[rng.zipf(cast.len())].clone());
        } else {
            people.push(make_person(rng));
        }
    }
    let mut introduced = vec![false; people.len()];
    let mut last_speaker = None;
    let mut out = String::with_capacity(target_words * 7);
    let head = format!("{} {} {}", people[0].last, rng.pick(HEAD_VERBS), rng.pick(HEAD_OBJS));
    let by = make_person(rng);
    if markdown {
        if rng.chance(0.3) {
            let _ = write!(out, "---\ntitle: {head}\nauthor: {}\ndate: 2026-0{}-1{}\n---\n\n", by.full(), rng.range(1, 9), rng.range(0, 9));
        }
        let _ = write!(out, "# {head}\n\n*By {}*\n\n", by.full());
    } else {
        let _ = write!(out, "{head}\n\nBy {}\n{} {} 2026\n\n", by.full(), rng.range(1, 28), rng.pick(&["March", "April", "May"][..]));
    }
    let mut words = 0;
    while words < target_words {
        let mut para = String::new();
        for _ in 0..rng.range(1, 4) {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&sentence(rng, &people, &mut introduced, &mut last_speaker));
        }
        if markdown && rng.chance(0.1) {
            para = format!("{para} [Read the report](https://example.org/reports/{}).", rng.below(10000));
        }
        if markdown && rng.chance(0.03) {
            para.push_str("\n\n```\nfigures = [150000, 2.5, \"unquoted\n```");
        }
        if rng.chance(0.05) {
            para = rng.pick(BOILER).to_string();
        }
        if markdown && rng.chance(0.08) {
            para = format!("## {} {} {}", cap(*rng.pick(SUBJECTS)), rng.pick(HEAD_VERBS), rng.pick(HEAD_OBJS));
        }
        words += para.split_whitespace().count();
        out.push_str(&para);
        out.push_str("\n\n");
    }
    (out, people)
}

/// A single long article of about `words` words (for keystroke benchmarks).
pub fn long_article(seed: u64, words: usize) -> String {
    let mut g = Generator::new(Options { seed, ..Options::default() });
    let mut out = String::new();
    let mut i = 0;
    let mut n = 0;
    while n < words {
        let a = g.article(i);
        if !a.markdown {
            n += a.text.split_whitespace().count();
            out.push_str(&a.text);
        }
        i += 1;
    }
    out
}
