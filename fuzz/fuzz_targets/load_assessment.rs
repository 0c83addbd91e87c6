//! Arbitrary bytes as an assessment file: loading must never panic or hang, and a model that
//! loads must score, report and share any response.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sextant_engine::Model;

#[path = "../common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    if let Ok(loaded) = Model::load(&json) {
        common::exercise(&loaded.model, common::seed(data));
    }
});
