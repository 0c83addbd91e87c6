//! Hostile and degenerate assessment files: each gives a clear, bounded error or a working model.

use serde_json::{json, Value};
use sextant_engine::{Model, Response};

fn minimal(questions: Vec<Value>) -> Value {
    json!({
        "format": "sextant/1", "id": "hostile", "version": "1", "default_locale": "en",
        "title": "Hostile",
        "dimensions": [{"id": "d", "label": "D"}],
        "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 2, "label": "2"}]}],
        "sections": [{"id": "one", "title": "One", "questions": questions}]
    })
}

fn likert(i: usize) -> Value {
    json!({"id": format!("q{i}"), "type": "likert", "scale": "s", "text": format!("Q{i}"), "weights": {"d": 1}})
}

fn codes(json: &str) -> Vec<&'static str> {
    Model::check(json).iter().map(|d| d.code).collect()
}

#[test]
fn markup_and_scripts_in_texts_are_kept_as_plain_text() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) \u{202e}txet\u{202c}";
    let mut a = minimal(vec![likert(0)]);
    a["title"] = json!(hostile);
    a["sections"][0]["questions"][0]["text"] = json!(hostile);
    let model = Model::load(&a.to_string()).unwrap().model;
    let report = model.report(&Response::new(&model), "en");
    // The engine hands text through untouched; the widget renders it as text, never as HTML.
    assert_eq!(report.title, hostile);
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let big = " ".repeat(10 * 1024 * 1024);
    assert_eq!(codes(&format!("{{}}{big}")), ["input.too_large"]);
}

#[test]
fn ten_thousand_questions_are_refused_with_the_limit() {
    let a = minimal((0..10_000).map(likert).collect());
    let diagnostics = Model::check(&a.to_string());
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].to_string(),
        "error[limit.questions] sections: 10000 questions; the limit is 1000"
    );
}

#[test]
fn five_thousand_benchmarks_on_256_dimensions_are_refused_with_the_limit() {
    // A column per benchmark beside every dimension: 1.3 million score-table cells, a report
    // that took minutes and then ran out of memory.
    let mut a = minimal(vec![likert(0)]);
    a["dimensions"] = (0..256)
        .map(|i| json!({"id": format!("d{i}"), "label": format!("D{i}")}))
        .collect();
    a["sections"][0]["questions"][0]["weights"] = json!({"d0": 1});
    a["benchmarks"] = (0..5000)
        .map(|i| json!({"id": format!("b{i}"), "label": "Peers", "source": "Survey", "values": {"d0": 50}}))
        .collect();
    let found: Vec<String> = Model::check(&a.to_string())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        found.contains(
            &"error[limit.benchmarks] benchmarks: 5000 benchmarks; the limit is 8".to_owned()
        ),
        "{found:?}"
    );
}

#[test]
fn zero_questions_is_an_error() {
    let a = minimal(vec![]);
    let c = codes(&a.to_string());
    assert!(c.contains(&"assessment.no_questions"), "{c:?}");
    assert!(c.contains(&"section.empty"), "{c:?}");
}

#[test]
fn a_text_of_100_kb_is_refused_with_its_path() {
    let mut a = minimal(vec![likert(0)]);
    a["sections"][0]["questions"][0]["help"] = json!("x".repeat(100 * 1024));
    let d = Model::check(&a.to_string());
    assert_eq!(
        d[0].to_string(),
        "error[text.too_long] sections[0].questions[0].help: 102400 bytes; a text may have at most 20000"
    );
}

#[test]
fn deep_nesting_is_a_bounded_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(codes(&deep), ["json.shape"]);
    let model = Model::load(&minimal(vec![likert(0)]).to_string())
        .unwrap()
        .model;
    let deep_answer = format!("{{\"q0\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Response::from_json(&model, &deep_answer).is_err());
    let mut r = Response::new(&model);
    assert!(r.parse_into(&model, &deep_answer).is_err());
    let mut a = minimal(vec![likert(0)]);
    a["computed"] =
        json!([{"id": "c", "expr": format!("{}1{}", "(".repeat(5000), ")".repeat(5000))}]);
    assert!(codes(&a.to_string()).contains(&"expr.too_long"));
}

#[test]
fn huge_numbers_are_range_errors() {
    let mut a = minimal(vec![likert(0)]);
    a["scales"][0]["points"][1]["value"] = json!(1e300);
    a["sections"][0]["questions"][0]["weights"]["d"] = json!(1e300);
    let c = codes(&a.to_string());
    assert!(c.contains(&"number.out_of_range"), "{c:?}");
    assert!(c.contains(&"weight.range"), "{c:?}");
}

#[test]
fn a_file_with_every_error_lists_them_all() {
    let mut a = minimal(vec![likert(0), likert(0)]);
    a["format"] = json!("sextant/9");
    a["id"] = json!("not an id");
    a["default_locale"] = json!("fr");
    a["locales"] = json!(["en"]);
    a["min_coverage"] = json!(2);
    a["dimensions"][0]["group"] = json!("nope");
    a["scales"][0]["points"] = json!([{"value": 1, "label": "1"}]);
    a["sections"][0]["questions"][1]["weights"] = json!({"zz": 1});
    a["bands"] = json!([{"id": "b", "label": "B", "min": 10, "max": 90}]);
    a["computed"] = json!([{"id": "x", "expr": "y"}, {"id": "y", "expr": "x +"}]);
    a["recommendations"] = json!([{"id": "r", "dimension": "nope", "priority": 1, "title": "T", "body": "B", "when": "score(d) < 0"}]);
    a["charts"] =
        json!([{"id": "c", "type": "radar", "title": "C", "items": [{"dimension": "d"}]}]);
    a["benchmarks"] = json!([{"id": "b", "label": "B", "source": "", "values": {"d": 120}}]);
    let c = codes(&a.to_string());
    for expected in [
        "format.unsupported",
        "id.invalid",
        "locale.default_undeclared",
        "coverage.out_of_range",
        "group.unknown",
        "scale.too_few_points",
        "id.duplicate",
        "dimension.unknown",
        "band.gap",
        "expr.syntax",
        "recommendation.never",
        "chart.items",
        "benchmark.source",
        "benchmark.range",
    ] {
        assert!(c.contains(&expected), "{expected} missing from {c:?}");
    }
}

#[test]
fn answers_out_of_range_or_malformed_never_load_silently() {
    let model = Model::load(&minimal(vec![likert(0)]).to_string())
        .unwrap()
        .model;
    for bad in [
        r#"{"q0": 1e308}"#,
        r#"{"q0": "<script>"}"#,
        r#"{"q0": [1, 2]}"#,
        r#"{"q0": {"current": 9}}"#,
        "[]",
        "",
    ] {
        assert!(Response::from_json(&model, bad).is_err(), "{bad} loaded");
    }
}

#[test]
fn a_saved_state_larger_than_an_answers_file_is_read_back() {
    // 100 multiple-choice questions of 64 options with 60-character ids, every option picked:
    // a valid assessment whose saved state is far larger than an answers file may be.
    let id = |prefix: &str, i: usize| format!("{prefix}{i:03}{}", "x".repeat(56));
    let questions = (0..100)
        .map(|q| {
            let options: Vec<Value> = (0..64)
                .map(|o| json!({"id": id("o", o), "label": format!("O{o}")}))
                .collect();
            json!({"id": id("q", q), "type": "multiple_choice", "text": format!("Q{q}"),
                "options": options, "weights": {"d": {id("o", 0): 1}}})
        })
        .collect();
    let model = Model::load(&minimal(questions).to_string()).unwrap().model;
    let mut response = Response::new(&model);
    for q in 0..model.question_count() {
        let all = (0..64).map(|o| id("o", o)).collect();
        response
            .set(&model, q, Some(&sextant_engine::Answer::Choices(all)))
            .unwrap();
    }
    let saved = model.save_state(
        &response,
        sextant_engine::view::Step::Welcome,
        ("en", None),
        7,
    );
    assert!(
        saved.len() > sextant_engine::load::MAX_ANSWERS_BYTES,
        "{} bytes",
        saved.len()
    );
    let restored = model
        .restore_state(&saved)
        .expect("what was saved is read back");
    assert_eq!(restored.response, response);
    assert_eq!(restored.revision, 7);
}
