//! Arbitrary bytes as saved state (what `localStorage` holds) and as an imported export, against
//! a fixed model: restoring must never panic, and what restores must score, report, be saved and
//! restored again to the same answers, and merge with another tab's answers either way round.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sextant_engine::{save, Response};
use std::cmp::Ordering;

#[path = "../common/mod.rs"]
mod common;

use common::model;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let model = model();
    // What the widget reads first, to tell which assessment a stored value belongs to.
    let _ = save::saved_for(&json);
    for restored in [model.restore_state(&json), model.import(&json)]
        .into_iter()
        .flatten()
    {
        let response = restored.response;
        for locale in model.locales() {
            let _ = model.report(&response, &locale);
        }
        let _ = model.report(&response, &restored.locale);
        let saved = model.save_state(
            &response,
            restored.step,
            (&restored.locale, restored.host_locale.as_deref()),
            restored.revision,
        );
        let again = model
            .restore_state(&saved)
            .unwrap_or_else(|e| panic!("a saved state was refused: {e:?}\n{saved}"));
        assert_eq!(
            again.response.to_answers(model),
            response.to_answers(model),
            "saved and restored differently: {saved}"
        );
        assert_eq!(again.revision, restored.revision);
        assert!(
            again.skipped.is_empty(),
            "a saved answer was skipped: {saved}"
        );
        let fresh = Response::new(model);
        for newer in [Ordering::Less, Ordering::Equal, Ordering::Greater] {
            let _ = response.merge(model, &fresh, &fresh, newer);
            let _ = fresh.merge(model, &fresh, &response, newer);
            let _ = response.merge(model, &response, &fresh, newer);
        }
    }
});
