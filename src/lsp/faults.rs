//! Fault injection, so the tests can prove that a panic in a query or in analysis does not
//! take the server down. Off unless the environment variable `BYLINE_FAULT_INJECTION=1` is
//! set when the server starts; then
//! - the request `byline/debug/panic` panics inside a query, and
//! - analysing a text that contains [`PANIC_MARKER`] panics inside the analysis.

use std::sync::OnceLock;

pub const PANIC_METHOD: &str = "byline/debug/panic";
pub const PANIC_MARKER: &str = "BYLINE-INJECTED-PANIC";

pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("BYLINE_FAULT_INJECTION").is_ok_and(|v| v == "1"))
}

/// Panic if fault injection is on and `text` asks for it.
pub fn maybe_panic_in_analysis(text: &str) {
    if enabled() && text.contains(PANIC_MARKER) {
        panic!("injected panic in analysis");
    }
}
