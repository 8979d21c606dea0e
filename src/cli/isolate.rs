//! Running the analysis of many files so that an internal error in one (a panic: a bug in
//! byline) is reported against that file and the others are still checked.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use rayon::prelude::*;

thread_local! {
    /// The message and place of the last panic on this thread, kept by the panic hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this thread is inside [`each`], where panics are reported per file.
    static ISOLATED: RefCell<bool> = const { RefCell::new(false) };
}

/// Replaces the default panic hook (which prints a multi-line report, with a backtrace under
/// `RUST_BACKTRACE`) by one that, inside [`each`], only records the message for the one-line
/// error; panics elsewhere still get the default report.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ISOLATED.with(|i| *i.borrow()) {
                let line = crate::faults::panic_message(info.payload());
                let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{line}{at}")));
            } else {
                default(info);
            }
        }));
    });
}

/// `f` over every item in parallel, keeping the order; an item whose `f` panics gives
/// `Err(one-line description of the panic)`.
pub fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Result<R, String>> {
    install_hook();
    items
        .par_iter()
        .map(|item| {
            ISOLATED.with(|i| *i.borrow_mut() = true);
            let r = panic::catch_unwind(AssertUnwindSafe(|| f(item)));
            ISOLATED.with(|i| *i.borrow_mut() = false);
            r.map_err(|_| LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| "panic".to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_item_leaves_the_others() {
        let items = [1, 2, 3, 4];
        let out = each(&items, |&i| {
            if i == 3 {
                panic!("three is bad");
            }
            i * 10
        });
        assert_eq!(out[0], Ok(10));
        assert_eq!(out[1], Ok(20));
        assert!(out[2].as_ref().unwrap_err().starts_with("three is bad at src/cli/isolate.rs:"), "{:?}", out[2]);
        assert_eq!(out[3], Ok(40));
    }
}
