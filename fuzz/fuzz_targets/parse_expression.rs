//! Arbitrary text as an expression (the first computed value of a fixed assessment): compiling
//! it must never panic or hang, and an expression that compiles must evaluate on any response.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sextant_engine::Model;

#[path = "../common/mod.rs"]
mod common;

fn template() -> &'static serde_json::Value {
    static TEMPLATE: OnceLock<serde_json::Value> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        serde_json::from_str(common::ASSESSMENT).expect("the fixed assessment is JSON")
    })
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let mut assessment = template().clone();
    assessment["computed"][0]["expr"] = serde_json::Value::String(source.into_owned());
    let json = assessment.to_string();
    if let Ok(loaded) = Model::load(&json) {
        common::exercise(&loaded.model, common::seed(data));
    }
});
