//! Fault injection, so the tests can prove that a panic in a query or in analysis does not
//! take the server down. Off unless the environment variable `BYLINE_FAULT_INJECTION=1` is
//! set when the server starts; then
//! - the request `byline/debug/panic` panics inside a query, and
//! - analysing a text that contains [`PANIC_MARKER`] panics inside the analysis;
//! - analysing a text that contains [`SLOW_MARKER`] takes [`SLOW_ANALYSIS`] longer, and turning
//!   its findings into diagnostics [`SLOW_DIAGNOSTICS`] longer (a big document, simulated).

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use ropey::Rope;

pub const PANIC_METHOD: &str = "byline/debug/panic";
pub const PANIC_MARKER: &str = "BYLINE-INJECTED-PANIC";
pub const SLOW_MARKER: &str = "BYLINE-INJECTED-SLOW";
pub const SLOW_ANALYSIS: Duration = Duration::from_secs(2);
pub const SLOW_DIAGNOSTICS: Duration = Duration::from_secs(4);

/// The core's analysis as the binary runs it (server and CLI): the injected faults first, when
/// they are on. `lex` is the desk's language data ([`crate::desk::Desk::lexicon`]).
pub fn analyze(text: &str, format: byline_core::Format, lex: &byline_core::lexicon::Lexicon) -> byline_core::Analysis {
    maybe_panic_in_analysis(text);
    maybe_slow_analysis(text);
    byline_core::analyze_with(text, format, lex)
}

/// [`analyze`]'s people alone ([`byline_core::analysis::people_with`]): the workspace walk's
/// analysis of a file not open, with the same injected faults.
pub fn analyze_people(text: &str, format: byline_core::Format, lex: &byline_core::lexicon::Lexicon) -> byline_core::people::DocPeople {
    maybe_panic_in_analysis(text);
    maybe_slow_analysis(text);
    byline_core::analysis::people_with(text, format, lex)
}

/// An open document's incremental analyzer, kept with the document by the server's state task
/// and used by its (at most one running) analysis on a blocking thread.
pub type DocAnalyzer = Arc<Mutex<byline_core::IncrementalAnalyzer<'static>>>;

/// [`analyze`] through the document's incremental analyzer: the same analysis, reusing the
/// parsing of the lines and paragraphs the last one saw, with the lexicons it was made with. An
/// analyzer left poisoned by a panic is replaced by a new one with the same lexicons.
pub fn analyze_incremental(analyzer: &DocAnalyzer, text: &str, format: byline_core::Format) -> byline_core::Analysis {
    maybe_panic_in_analysis(text);
    maybe_slow_analysis(text);
    let mut a = analyzer.lock().unwrap_or_else(|poisoned| {
        let mut a = poisoned.into_inner();
        *a = byline_core::IncrementalAnalyzer::new(a.lexicon());
        a
    });
    a.analyze(text, format)
}

/// One line (at most 200 characters) describing a panic's payload, for a log line or a
/// one-line error.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    msg.lines().next().unwrap_or("").chars().take(200).collect()
}

pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("BYLINE_FAULT_INJECTION").is_ok_and(|v| v == "1"))
}

/// Panic if fault injection is on and `text` asks for it.
fn maybe_panic_in_analysis(text: &str) {
    if enabled() && text.contains(PANIC_MARKER) {
        panic!("injected panic in analysis");
    }
}

/// Sleep in an analysis if fault injection is on and `text` asks for it.
fn maybe_slow_analysis(text: &str) {
    if enabled() && text.contains(SLOW_MARKER) {
        std::thread::sleep(SLOW_ANALYSIS);
    }
}

/// Sleep while converting findings to diagnostics if fault injection is on and `text` asks for it.
pub fn maybe_slow_diagnostics(text: &Rope) {
    if enabled() && text.to_string().contains(SLOW_MARKER) {
        std::thread::sleep(SLOW_DIAGNOSTICS);
    }
}
