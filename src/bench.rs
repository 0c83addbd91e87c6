//! `window.__sextant_bench`: lets the browser benchmark (`bench/run.mjs`) time scoring alone
//! inside the page.
//!
//! `window.__sextant_bench.score(n)` scores the current answers of a widget `n` times with the
//! engine call the reducer uses ([`Model::score_into`](sextant_engine::Model::score_into)) and
//! returns `n`, or 0 when no widget is mounted. It returns no answers, scores or texts, and it
//! changes nothing: the results go to a copy of the scores that is thrown away.
//!
//! With several widgets on one page, it scores the most recently mounted one that is still
//! mounted. The object is defined once, by the first widget mounted, and stays.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::state::ScanContext;

/// At most this many scorings per call, so a stray call cannot hang the page for long.
const MAX_RUNS: f64 = 1_000_000.0;

/// Where a mounted scan keeps its current state for the hook (updated on every render).
pub type Slot = Rc<RefCell<Option<ScanContext>>>;

thread_local! {
    /// The mounted scans, in the order they were mounted.
    static SCANS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    /// Whether `window.__sextant_bench` is defined.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Makes `slot` the scan the hook scores, until it is unregistered.
pub fn register(slot: Slot) {
    SCANS.with(|s| s.borrow_mut().push(slot));
    if !INSTALLED.with(Cell::get) {
        INSTALLED.with(|i| i.set(install()));
    }
}

/// Forgets `slot`, when its scan is unmounted.
pub fn unregister(slot: &Slot) {
    SCANS.with(|s| s.borrow_mut().retain(|x| !Rc::ptr_eq(x, slot)));
}

/// Scores the current answers of the most recently mounted scan `runs` times; the number of
/// scorings done.
pub fn score(runs: f64) -> u32 {
    let Some(slot) = SCANS.with(|s| s.borrow().last().cloned()) else {
        return 0;
    };
    let slot = slot.borrow();
    let Some(scan) = slot.as_ref() else {
        return 0;
    };
    let runs = if runs.is_finite() && runs > 0.0 {
        runs.min(MAX_RUNS) as u32
    } else {
        0
    };
    let mut out = scan.scores.clone();
    for _ in 0..runs {
        scan.model.score_into(&scan.response, &mut out);
        std::hint::black_box(&mut out);
    }
    runs
}

/// Defines `window.__sextant_bench`; `false` when there is no window.
fn install() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hook = js_sys::Object::new();
    let score = Closure::<dyn Fn(f64) -> u32>::new(score);
    let _ = js_sys::Reflect::set(&hook, &"score".into(), score.as_ref());
    score.forget();
    js_sys::Reflect::set(&window, &"__sextant_bench".into(), &hook).unwrap_or(false)
}
