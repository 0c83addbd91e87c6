//! Hostile nesting in the browser build, which has a smaller stack than native code (see
//! `.cargo/config.toml`): each input is a readable error, not a trap.
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)] // each test file uses a part of the helpers
mod common;

use common::{root, settle, text};
use serde_json::{json, Value};
use sextant_engine::{Model, Response};
use sextant_widget::components::app::{App, AppProps};
use sextant_widget::load::Source;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("../e2e/fixtures/small.json");

/// `n` nested arrays around `inner`.
fn nested(n: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(n), "]".repeat(n))
}

/// `n` nested objects `{"a": …}` around `inner`.
fn nested_objects(n: usize, inner: &str) -> String {
    format!("{}{inner}{}", "{\"a\":".repeat(n), "}".repeat(n))
}

/// The small scan with `value` (raw JSON) put where `set` puts its second argument.
fn small_with(set: impl FnOnce(&mut Value, Value), value: &str) -> String {
    let mut a: Value = serde_json::from_str(SMALL).unwrap();
    // A placeholder, replaced by the raw text: serde_json would refuse to build the value.
    set(&mut a, json!("\u{1}PLACEHOLDER\u{1}"));
    a.to_string()
        .replace("\"\\u0001PLACEHOLDER\\u0001\"", value)
}

#[wasm_bindgen_test]
fn deep_nesting_in_any_position_is_a_bounded_error() {
    for depth in [100, 127, 128, 129, 1_000, 100_000] {
        let cases = [
            nested(depth, "1"),
            nested_objects(depth, "1"),
            small_with(|a, v| a["title"] = v, &nested(depth, "\"x\"")),
            small_with(|a, v| a["title"] = v, &nested_objects(depth, "\"x\"")),
            small_with(
                |a, v| a["title"] = json!({ "en": v }),
                &nested_objects(depth, "\"x\""),
            ),
            small_with(
                |a, v| a["sections"][0]["questions"][0]["weights"] = v,
                &nested_objects(depth, "1"),
            ),
            small_with(|a, v| a["unknown"] = v, &nested(depth, "1")),
        ];
        for (i, case) in cases.iter().enumerate() {
            let diagnostics = Model::check(case);
            assert!(!diagnostics.is_empty(), "depth {depth}, case {i}: accepted");
        }
    }
}

#[wasm_bindgen_test]
fn deeply_nested_answers_are_refused() {
    let model = Model::load(SMALL).unwrap().model;
    for depth in [128, 129, 100_000] {
        for answer in [nested(depth, "1"), nested_objects(depth, "1")] {
            let json = format!("{{\"q1\": {answer}}}");
            assert!(Response::from_json(&model, &json).is_err(), "depth {depth}");
            let mut r = Response::new(&model);
            assert!(r.parse_into(&model, &json).is_err(), "depth {depth}");
        }
    }
}

#[wasm_bindgen_test]
async fn the_widget_shows_an_error_for_a_deeply_nested_file() {
    // Within serde_json's nesting limit (the title is read through a buffered value, the
    // deepest recursion), and far beyond it.
    for (depth, expected) in [(120, "title"), (100_000, "recursion limit exceeded")] {
        let json: &'static str = Box::leak(
            small_with(|a, v| a["title"] = v, &nested_objects(depth, "\"x\"")).into_boxed_str(),
        );
        let root = root();
        let props = AppProps {
            source: Source::Text(json),
            lang: "en".to_owned().into(),
            storage_key: format!("test-{}", js_sys::Math::random()).into(),
            fragment: "".into(),
            host: Default::default(),
            lang_from_host: true,
        };
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let alert = text(&root, "[role=alert]");
        assert!(
            alert.starts_with("This assessment could not be loaded."),
            "{alert}"
        );
        assert!(alert.contains(expected), "depth {depth}: {alert}");
    }
}
