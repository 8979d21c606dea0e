//! Rules as data: reporting verbs, titles, honorifics, vague and anonymous phrasings.
//! The lists live in `lexicons/*.txt` (one entry per line, `#` comments) so an editor can
//! read and extend them; they are compiled in, and a user may add more at run time.

/// All word lists the analysis uses.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lists bundled with byline.
    pub fn bundled() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(Lexicon::default)
    }
}
