//! Analysis as the server runs it, shared by the state task (open documents, single files read
//! again) and the workspace loader: a panic in the core (a bug) is caught and becomes an error
//! naming the document, and a file that is not open keeps only what queries need of it.

use crate::cache::WorkspaceCache;
use std::path::Path;

use byline_core::lexicon::Lexicon;
use byline_core::people::DocPeople;
use byline_core::{Analysis, Format};
use tower_lsp_server::ls_types::Uri;

use super::positions::LineIndex;
use crate::files::{ReadError, read_article};

/// What the server keeps of a file that is not open: a line index of the text it was read with
/// (to turn its people's byte offsets into positions) and its people.
pub type OnDisk = (LineIndex, DocPeople);

/// The format of a document: from its language id when the client gave a known one, else from
/// its name.
pub fn format_of(uri: &Uri, language: &str) -> Format {
    match language {
        "markdown" => Format::Markdown,
        "plaintext" | "text" => Format::Plain,
        _ => Format::from_path(uri.path().as_str()),
    }
}

/// Analyse on the calling (blocking) thread. A panic (a bug in byline) is caught and becomes
/// `Err` with a one-line description, which the caller reports to the user. `lex`: the desk's
/// language data.
pub fn analyze_guarded(text: &str, format: Format, lex: &Lexicon, what: &str) -> Result<Analysis, String> {
    guarded(what, || crate::faults::analyze(text, format, lex))
}

/// [`analyze_guarded`] through an open document's incremental analyzer (the same analysis).
pub fn analyze_guarded_incremental(
    analyzer: &crate::faults::DocAnalyzer,
    text: &str,
    format: Format,
    what: &str,
) -> Result<Analysis, String> {
    guarded(what, || crate::faults::analyze_incremental(analyzer, text, format))
}

fn guarded<T>(what: &str, analyze: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyze)).map_err(|e| {
        let msg = crate::faults::panic_message(&*e);
        log!("analysis panicked on {what}: {msg}");
        msg
    })
}

/// Read and analyse one file that is not open.
///
/// Such a file only contributes its people (no diagnostics are published for it), so only
/// those are kept, with a line index to turn their byte offsets into positions: the text and
/// the rest of the analysis are dropped here, on the loading thread.
pub fn load_file(path: &Path, max_file_size: u64, lex: &Lexicon) -> Result<OnDisk, ReadError> {
    load_with(path, max_file_size, lex, None)
}

/// [`load_file`], with the people taken from the index cache when it has this text (and put
/// there when it does not).
pub fn load_with(path: &Path, max_file_size: u64, lex: &Lexicon, cache: Option<&WorkspaceCache>) -> Result<OnDisk, ReadError> {
    let text = read_article(path, max_file_size)?;
    let format = Format::from_path(&path.to_string_lossy());
    // Only the people are kept: the claims are not worked out ([`crate::faults::analyze_people`]).
    let analyse =
        || guarded(&path.display().to_string(), || crate::faults::analyze_people(&text, format, lex)).map_err(ReadError::Internal);
    let mut people = match cache {
        Some(cache) => cache.people(path, &text, format, analyse)?,
        None => analyse()?,
    };
    people.persons.shrink_to_fit();
    people.mentions.shrink_to_fit();
    people.tentative.shrink_to_fit();
    Ok((LineIndex::new(&text), people))
}
