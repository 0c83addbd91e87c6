//! Scoring rules, one behaviour per test, against a small assessment with every question type.

use serde_json::{json, Value};
use sextant_engine::{Answer, Model, Response};

fn assessment() -> Value {
    json!({
        "format": "sextant/1", "id": "all-types", "version": "1", "default_locale": "en",
        "title": "All types",
        "min_coverage": 0.5,
        "dimensions": [
            {"id": "d", "label": "D"},
            {"id": "e", "label": "E", "min_coverage": 0.0},
            {"id": "m", "label": "Maturity", "bands": [
                {"id": "l1", "label": "Ad hoc", "min": 0, "max": 50},
                {"id": "l2", "label": "Managed", "min": 50, "max": 100}
            ]}
        ],
        "bands": [
            {"id": "low", "label": "Low", "min": 0, "max": 40},
            {"id": "mid", "label": "Medium", "min": 40, "max": 70},
            {"id": "high", "label": "High", "min": 70, "max": 100}
        ],
        "scales": [{"id": "five", "points": [
            {"value": 1, "label": "1"}, {"value": 2, "label": "2"}, {"value": 3, "label": "3"},
            {"value": 4, "label": "4"}, {"value": 5, "label": "5"}]}],
        "sections": [
            {"id": "s1", "title": "One", "questions": [
                {"id": "lik", "type": "likert", "scale": "five", "text": "L", "weights": {"d": 2}},
                {"id": "rev", "type": "likert", "scale": "five", "text": "R", "reverse": true, "weights": {"d": 1}},
                {"id": "neg", "type": "likert", "scale": "five", "text": "N", "weights": {"e": -1}},
                {"id": "one", "type": "single_choice", "text": "S",
                 "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
                 "weights": {"e": {"a": 0, "b": 2, "c": 4}}},
                {"id": "many", "type": "multiple_choice", "text": "M", "max_choices": 2,
                 "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}, {"id": "z", "label": "Z"}],
                 "weights": {"e": {"x": 1, "y": 2, "z": 3}}},
                {"id": "split", "type": "allocation", "text": "A", "total": 10,
                 "options": [{"id": "p", "label": "P"}, {"id": "q", "label": "Q"}],
                 "weights": {"d": {"p": 1, "q": 0}}}
            ]},
            {"id": "s2", "title": "Two", "show_if": "answer(lik) >= 3", "questions": [
                {"id": "bi", "type": "bipolar", "text": "B", "left": "Left", "right": "Right", "steps": 5, "weights": {"d": 1}},
                {"id": "lvl", "type": "level", "text": "V", "desired": true,
                 "levels": [{"label": "1"}, {"label": "2"}, {"label": "3"}, {"label": "4"}, {"label": "5"}],
                 "weights": {"m": 1}},
                {"id": "num", "type": "number", "text": "How many?", "unit": "people", "min": 0, "max": 200,
                 "show_if": "chosen(one, c)"}
            ]}
        ],
        "computed": [
            {"id": "double", "expr": "answer(num) * 2", "label": "Double", "unit": "people"},
            {"id": "gap_lvl", "expr": "gap(lvl)"}
        ],
        "profiles": [
            {"id": "strong", "label": "Strong", "headline": "Strong on D.", "when": "score(d) >= 70"},
            {"id": "any", "label": "Any", "headline": "Anyone.", "when": "true"}
        ],
        "recommendations": [
            {"id": "later", "dimension": "e", "priority": 2, "title": "Later", "body": "B", "when": "score(e) < 100"},
            {"id": "first", "dimension": "d", "priority": 1, "title": "First", "body": "B", "when": "gap_lvl >= 2 and answered(lvl)"}
        ]
    })
}

fn model() -> Model {
    load(&assessment())
}

/// A valid assessment, compiled.
fn load(assessment: &Value) -> Model {
    Model::load(&assessment.to_string()).unwrap().model
}

fn respond(model: &Model, answers: Value) -> Response {
    Response::from_json(model, &answers.to_string()).unwrap()
}

fn score(answers: Value, dim: &str) -> Option<f64> {
    let model = model();
    let response = respond(&model, answers);
    model.score(&response).score[model.dimension_index(dim).unwrap()]
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a score");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn likert_is_normalised_between_the_scale_ends_and_weighted() {
    // lik 4 → 0.75 × 2; rev 2 reversed → 0.75 × 1; split all to p → 1 × 1. (1.5 + 0.75 + 1) / 4.
    let actual = score(json!({"lik": 4, "rev": 2, "split": {"p": 10, "q": 0}}), "d");
    close(actual, 100.0 * 3.25 / 4.0);
}

#[test]
fn negative_weights_and_option_points_score_their_dimension() {
    // neg 1 with weight −1 → 1.0 of 1; one = b → 2 of 4; many = x, z → 4 of 5 (best two: 3 + 2).
    let actual = score(json!({"neg": 1, "one": "b", "many": ["x", "z"]}), "e");
    close(actual, 100.0 * (1.0 + 2.0 + 4.0) / (1.0 + 4.0 + 5.0));
}

#[test]
fn dont_know_is_left_out_of_the_score_but_lowers_coverage() {
    let model = model();
    let response = respond(
        &model,
        json!({"lik": 5, "rev": "dont_know", "split": "dont_know", "bi": 5}),
    );
    let scores = model.score(&response);
    close(scores.score[0], 100.0);
    // Visible weight: lik 2 + rev 1 + split 1 + bi 1 = 5; answered: lik 2 + bi 1 = 3.
    assert!((scores.coverage[0] - 3.0 / 5.0).abs() < 1e-9);
}

#[test]
fn below_minimum_coverage_the_score_is_insufficient() {
    // lik (weight 2) of lik, rev, split and bi (weight 5 in all): 0.4 is below 0.5.
    assert_eq!(score(json!({"lik": 3}), "d"), None);
    // Dimension e has min_coverage 0, so a single answer is enough.
    close(score(json!({"one": "c"}), "e"), 100.0);
}

#[test]
fn hidden_questions_do_not_count() {
    let model = model();
    // lik = 1 hides section two, so bi does not count even when answered.
    let hidden = respond(
        &model,
        json!({"lik": 1, "rev": 5, "split": {"p": 0, "q": 10}, "bi": 5}),
    );
    let scores = model.score(&hidden);
    assert!(!scores.section_visible[1]);
    close(scores.score[0], 0.0);
    assert!((scores.coverage[0] - 1.0).abs() < 1e-9);
}

#[test]
fn level_uses_the_current_level_and_bands_name_it() {
    let model = model();
    let response = respond(
        &model,
        json!({"lik": 3, "rev": 3, "bi": 3, "lvl": {"current": 4, "desired": 5}}),
    );
    let report = model.report(&response, "en");
    let m = &report.dimensions[2];
    close(m.score, 75.0);
    assert_eq!(m.band.as_ref().map(|b| b.label.as_str()), Some("Managed"));
    assert_eq!(
        report.dimensions[0].band.as_ref().map(|b| b.id.as_str()),
        Some("mid")
    );
}

#[test]
fn show_if_follows_the_answers_live() {
    let model = model();
    let mut response = respond(&model, json!({"lik": 3, "one": "a"}));
    let num = model.question_index("num").unwrap();
    assert!(!model.score(&response).question_visible[num]);
    response
        .set(
            &model,
            model.question_index("one").unwrap(),
            Some(&sextant_engine::Answer::Choice("c".into())),
        )
        .unwrap();
    assert!(model.score(&response).question_visible[num]);
}

#[test]
fn computed_values_profiles_and_recommendations_follow_the_rules() {
    let model = model();
    let response = respond(
        &model,
        json!({"lik": 5, "rev": 1, "split": {"p": 10, "q": 0}, "bi": 5, "one": "c", "num": 21, "neg": 5,
               "lvl": {"current": 2, "desired": 4}}),
    );
    let report = model.report(&response, "en");
    assert_eq!(report.computed[0].display, "42\u{a0}people");
    let profiles: Vec<&str> = report.profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(profiles, ["strong", "any"]);
    assert_eq!(report.headline.as_deref(), Some("Strong on D."));
    // Priority 1 first, whatever the file order.
    let recs: Vec<&str> = report
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(recs, ["first", "later"]);
    let why = &report.recommendations[0];
    assert_eq!(why.conditions.len(), 2);
    assert!(why.conditions.iter().all(|c| c.met == Some(true)));
    assert!(why
        .answers
        .iter()
        .any(|a| a.question == "lvl" && a.answer == "2 → 4"));
}

#[test]
fn contributions_add_up_to_the_score() {
    let model = model();
    let response = respond(
        &model,
        json!({"lik": 4, "rev": 2, "split": {"p": 7, "q": 3}, "bi": 2}),
    );
    let report = model.report(&response, "en");
    let d = &report.dimensions[0];
    let sum: f64 = d.contributions.iter().map(|c| c.points).sum();
    close(d.score, sum);
    let max: f64 = d.contributions.iter().map(|c| c.max_points).sum();
    assert!((max - 100.0).abs() < 1e-9);
}

#[test]
fn invalid_answers_are_refused_with_the_question_id() {
    let model = model();
    let errors = Response::from_answers(
        &model,
        &serde_json::from_value(json!({
            "lik": 7, "split": {"p": 5, "q": 4}, "many": ["x", "y", "z"], "nope": 1,
            "lvl": {"current": 6}
        }))
        .unwrap(),
    )
    .unwrap_err();
    let actual: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        actual,
        [
            "answers.lik: 7 is not a point on the scale",
            "answers.lvl: level 6 is not between 1 and 5",
            "answers.many: choose between 0 and 2 options (got 3)",
            "answers.nope: there is no question `nope`",
            "answers.split: the points add up to 9; they must add up to 10",
        ]
    );
}

#[test]
fn scoring_into_reused_buffers_gives_the_same_result() {
    let model = model();
    let a = respond(&model, json!({"lik": 4, "one": "b"}));
    let b = respond(&model, json!({"lik": 2, "many": ["y"]}));
    let mut reused = sextant_engine::Scores::default();
    model.score_into(&a, &mut reused);
    model.score_into(&b, &mut reused);
    assert_eq!(reused, model.score(&b));
}

#[test]
fn allocation_options_named_current_or_desired_are_points_not_a_level() {
    let model = load(&json!({
        "format": "sextant/1", "id": "names", "version": "1", "default_locale": "en",
        "title": "T", "dimensions": [{"id": "f", "label": "F"}],
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "effort", "type": "allocation", "total": 10, "text": "E",
             "options": [{"id": "current", "label": "C"}, {"id": "new", "label": "N"}],
             "weights": {"f": {"current": 1, "new": 0}}},
            {"id": "mix", "type": "allocation", "total": 10, "text": "M",
             "options": [{"id": "current", "label": "C"}, {"id": "desired", "label": "D"}],
             "weights": {"f": {"current": 1, "desired": 0}}}
        ]}]
    }));
    let answers = json!({"effort": {"current": 6, "new": 4}, "mix": {"current": 3, "desired": 7}});
    let response = respond(&model, answers.clone());
    close(model.score(&response).score[0], 45.0);
    // Written out and read back (saved state, exports), the answers stay the same.
    let written = serde_json::to_value(response.to_answers(&model)).unwrap();
    assert_eq!(written, answers);
    // Restored leniently (saved state, imports): kept, nothing reported; a draft too.
    let draft = json!({"effort": {"current": 6}, "mix": {"current": 3, "desired": 7}});
    let (restored, errors) =
        Response::restore(&model, &serde_json::from_value(draft.clone()).unwrap());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        serde_json::to_value(restored.to_answers(&model)).unwrap(),
        json!({"effort": {"current": 6, "new": 0}, "mix": {"current": 3, "desired": 7}})
    );
}

#[test]
fn the_report_puts_the_top_recommendations_first_and_keeps_the_others() {
    let answers = json!({"lik": 4, "one": "b", "lvl": {"current": 1, "desired": 4}});
    let report = |top: Option<u32>| {
        let mut a = assessment();
        if let Some(n) = top {
            a["top_recommendations"] = json!(n);
        }
        let model = load(&a);
        model.report(&respond(&model, answers.clone()), "en")
    };
    let all = report(None);
    let ids: Vec<&str> = all.recommendations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["first", "later"]);
    assert_eq!(
        all.top_recommendations, 2,
        "by default, all of them come first"
    );
    // A comparison shows the values compared; a condition that is itself true or false, none.
    let details: Vec<(&str, &str)> = all.recommendations[0]
        .conditions
        .iter()
        .map(|c| (c.source.as_str(), c.detail.as_str()))
        .collect();
    assert_eq!(details, [("gap_lvl >= 2", "3 ≥ 2"), ("answered(lvl)", "")]);
    let one = report(Some(1));
    assert_eq!(one.recommendations, all.recommendations, "none is dropped");
    assert_eq!(one.top_recommendations, 1);
    assert_eq!(
        report(Some(9)).top_recommendations,
        2,
        "never more than triggered"
    );

    let mut zero = assessment();
    zero["top_recommendations"] = json!(0);
    let errors = Model::load(&zero.to_string()).unwrap_err();
    let text = format!("{errors}");
    assert!(
        text.contains("top_recommendations") && text.contains("at least 1"),
        "{text}"
    );
}

#[test]
fn a_comparison_of_options_and_bands_shows_their_labels_not_their_ids() {
    let mut a = assessment();
    a["recommendations"] = json!([{"id": "r", "dimension": "m", "priority": 1, "title": "T", "body": "B",
        "when": "band(m) == \"l1\" and answer(one) != \"c\" and \"a\" != answer(one)"}]);
    let model = load(&a);
    let answers = json!({"lik": 4, "one": "b", "lvl": {"current": 1, "desired": 4}});
    let report = model.report(&respond(&model, answers), "en");
    let details: Vec<&str> = report.recommendations[0]
        .conditions
        .iter()
        .map(|c| c.detail.as_str())
        .collect();
    assert_eq!(details, ["Ad hoc = Ad hoc", "B ≠ C", "A ≠ B"]);
}

#[test]
fn the_answers_behind_a_recommendation_leave_out_hidden_questions() {
    let model = load(&json!({
        "format": "sextant/1", "id": "hidden", "version": "1", "default_locale": "en",
        "title": "T", "dimensions": [{"id": "d", "label": "D"}],
        "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 5, "label": "5"}]}],
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "gate", "type": "single_choice", "text": "G",
             "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]},
            {"id": "follow", "type": "likert", "scale": "s", "text": "F",
             "show_if": "chosen(gate, b)", "weights": {"d": 1}},
            {"id": "base", "type": "likert", "scale": "s", "text": "B", "weights": {"d": 1}}
        ]}],
        "recommendations": [{"id": "r", "dimension": "d", "priority": 1, "title": "R",
                             "body": "B", "when": "score(d) < 50"}]
    }));
    // `follow` keeps its answer while `gate` hides it, but does not count.
    let response = respond(&model, json!({"gate": "a", "follow": 1, "base": 1}));
    let report = model.report(&response, "en");
    let behind: Vec<&str> = report.recommendations[0]
        .answers
        .iter()
        .map(|a| a.question.as_str())
        .collect();
    assert_eq!(behind, ["base"]);
}

#[test]
fn the_reasons_are_written_in_the_language_of_the_report() {
    let mut a = assessment();
    a["recommendations"] = json!([
        {"id": "part", "dimension": "d", "priority": 1, "title": "T", "body": "B",
         "when": "answer(num) > 1.5 and answered(lvl) != dont_know(lvl)"}
    ]);
    let model = load(&a);
    let response = respond(
        &model,
        json!({"lik": 4, "one": "c", "num": 2.5, "lvl": {"current": 1, "desired": 4}}),
    );
    let reasons = |locale: &str| {
        let report = model.report(&response, locale);
        let rec = &report.recommendations[0];
        let details: Vec<String> = rec.conditions.iter().map(|c| c.detail.clone()).collect();
        let num = rec.answers.iter().find(|x| x.question == "num").unwrap();
        (details, num.answer.clone())
    };
    // Dutch: a decimal comma, and "ja"/"nee" for truth values compared.
    assert_eq!(
        reasons("nl"),
        (
            vec!["2,5 > 1,5".to_owned(), "ja ≠ nee".to_owned()],
            "2,5 people".to_owned()
        )
    );
    assert_eq!(
        reasons("en"),
        (
            vec!["2.5 > 1.5".to_owned(), "yes ≠ no".to_owned()],
            "2.5 people".to_owned()
        )
    );
}

#[test]
fn an_allocation_answer_reads_without_a_doubled_stop() {
    let mut a = assessment();
    a["sections"][0]["questions"][5]["options"][0]["label"] = json!("Price first.");
    let model = load(&a);
    let response = respond(&model, json!({"split": {"p": 3, "q": 7}}));
    assert_eq!(
        model.answer_text(&response, 5, "en"),
        "Price first: 3; Q: 7"
    );
}

#[test]
fn ticking_a_box_keeps_a_multiple_choice_within_its_least_and_most() {
    use sextant_engine::view::Toggled;
    let ids = |xs: &[&str]| xs.iter().map(|&x| x.to_owned()).collect::<Vec<_>>();
    // "many" (index 4): at most 2, and none is an answer.
    let model = model();
    assert_eq!(
        model.toggle_choice(4, &ids(&["x"]), "y", true),
        Toggled::Answer(Answer::Choices(ids(&["x", "y"])))
    );
    assert_eq!(
        model.toggle_choice(4, &ids(&["x", "y"]), "z", true),
        Toggled::TooMany
    );
    assert_eq!(
        model.toggle_choice(4, &ids(&["x"]), "x", false),
        Toggled::Answer(Answer::Choices(Vec::new()))
    );
    // At least two: one is too few, none is no answer.
    let mut a = assessment();
    a["sections"][0]["questions"][4]["min_choices"] = json!(2);
    let model = load(&a);
    assert_eq!(
        model.toggle_choice(4, &ids(&["x", "y"]), "y", false),
        Toggled::TooFew(ids(&["x"]))
    );
    assert_eq!(
        model.toggle_choice(4, &ids(&["x"]), "x", false),
        Toggled::Cleared
    );
    assert_eq!(
        model.toggle_choice(4, &[], "z", true),
        Toggled::TooFew(ids(&["z"]))
    );
}

#[test]
fn each_condition_is_put_in_words_in_the_language_of_the_report() {
    let mut a = assessment();
    a["sections"][0]["questions"][0]["text"] = json!({"en": "L", "nl": "L-nl"});
    a["scales"][0]["points"][2]["label"] = json!("Neutral");
    a["recommendations"] = json!([{
        "id": "all", "dimension": "d", "priority": 1, "title": "T", "body": "B",
        "when": "score(d) < 50 or band(m) == \"l1\" or answer(one) == \"c\" \
                 or answer(lik) <= 3 or answer(lik) >= 2 or gap(lvl) >= 2 or desired(lvl) > 3 \
                 or points(split, p) >= 5 or answer(many) >= 2 or chosen(many, x) \
                 or dont_know(num) or answered(bi) or profile(any) or double > 3 \
                 or gap_lvl >= 2 or count_answered(s1) > 1 or count_answered() != 0 \
                 or 50 > score(e) or coverage(d) >= 0.5 or score(d) + 1 > 2 or lvl_known \
                 or gap(lvl) == gap_lvl or double != score(d)"
    }]);
    a["computed"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "lvl_known", "expr": "answered(lvl)"}));
    let model = load(&a);
    let response = respond(&model, json!({"lik": 4, "one": "c"}));
    let words = |locale: &str| -> Vec<String> {
        model.report(&response, locale).recommendations[0]
            .conditions
            .iter()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(
        words("en"),
        [
            "The score for “D” is lower than 50",
            "The level of “Maturity” is “Ad hoc”",
            "Your answer to “S” is “C”",
            // A scale point shows its label, unless the label is the number.
            "Your answer to “L” is at most 3 (“Neutral”)",
            "Your answer to “L” is at least 2",
            "The gap between your current and desired level for “V” is at least 2",
            "Your desired level for “V” is higher than 3",
            "The number of points you gave “P” in “A” is at least 5",
            "The number of options you chose for “M” is at least 2",
            "You chose “X” for “M”",
            "You chose “don't know” for “How many?”",
            "You answered “B”",
            "Your profile is “Any”",
            "“Double” is higher than 3",
            "The calculated value “gap_lvl” is at least 2",
            "The number of questions you answered in “One” is higher than 1",
            "The number of questions you answered is not 0",
            // A value on the left reads as if it were written on the right.
            "The score for “E” is lower than 50",
            "The share answered of “D” is at least 0.5",
            // A sum is not one thing: the report shows its source instead.
            "",
            // "— holds" or "— does not hold" follows on the report.
            "The condition “lvl_known”",
            "The gap between your current and desired level for “V” is equal to the calculated value “gap_lvl”",
            "“Double” is not equal to the score for “D”",
        ]
    );
    let nl = words("nl");
    assert_eq!(nl[0], "De score voor “D” is lager dan 50");
    assert_eq!(nl[3], "Uw antwoord op “L-nl” is hoogstens 3 (“Neutral”)");
    assert_eq!(nl[9], "U koos “X” bij “M”");
    assert_eq!(nl[18], "Het beantwoorde deel van “D” is minstens 0,5");
}

#[test]
fn a_long_label_is_cut_in_a_condition_and_placeholders_in_labels_stay() {
    let mut a = assessment();
    let long = "Why ".repeat(60);
    a["sections"][0]["questions"][3]["text"] = json!(long);
    a["sections"][0]["questions"][3]["options"][2]["label"] = json!("{q} and {o}");
    a["recommendations"] = json!([{
        "id": "r", "dimension": "d", "priority": 1, "title": "T", "body": "B",
        "when": "chosen(one, c)"
    }]);
    let model = load(&a);
    let response = respond(&model, json!({"one": "c"}));
    let report = model.report(&response, "en");
    let text = &report.recommendations[0].conditions[0].text;
    let expected = format!(
        "You chose “{{q}} and {{o}}” for “{}…”",
        long[..119].trim_end()
    );
    assert_eq!(text, &expected);
}

#[test]
fn answers_saved_earlier_are_left_off_at_the_first_step_with_an_open_question() {
    use sextant_engine::view::Step;
    let model = Model::load(include_str!(
        "../../content/commercial-excellence-scan.json"
    ))
    .unwrap()
    .model;
    let first_open = |response: &Response| {
        let scores = model.score(response);
        model.first_open_step(response, &scores)
    };
    let mut response = Response::new(&model);
    assert_eq!(first_open(&response), Step::Section(0));
    // Every question of the first step answered, "don't know" counting as an answer.
    for q in model.section_questions(0) {
        response.set(&model, q, Some(&Answer::DontKnow)).unwrap();
    }
    assert_eq!(first_open(&response), Step::Section(1));
    // Nothing open at all (the browser tests' complete answers): the last step on show.
    let response = Response::from_json(
        &model,
        include_str!("../../e2e/fixtures/scan-answers-en.json"),
    )
    .unwrap();
    let scores = model.score(&response);
    let last = *model.visible_sections(&scores).last().unwrap();
    assert_eq!(
        model.first_open_step(&response, &scores),
        Step::Section(last)
    );
}

#[test]
fn the_report_carries_each_benchmark_with_its_source() {
    let mut a = assessment();
    a["benchmarks"] = json!([{"id": "sector", "label": {"en": "Sector average", "nl": "Sectorgemiddelde"},
        "source": {"en": "Own research 2024", "nl": "Eigen onderzoek 2024"}, "values": {"d": 62.5, "m": 40}}]);
    let model = load(&a);
    let answers = json!({"lik": 4});
    let report = model.report(&respond(&model, answers.clone()), "nl");
    assert_eq!(report.benchmarks.len(), 1);
    let b = &report.benchmarks[0];
    assert_eq!(
        (b.id.as_str(), b.label.as_str(), b.source.as_str()),
        ("sector", "Sectorgemiddelde", "Eigen onderzoek 2024")
    );
    assert_eq!(b.values.get("d"), Some(&62.5));
    assert_eq!(b.values.get("e"), None, "only the dimensions it gives");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["benchmarks"][0]["values"]["m"], json!(40.0));
    // Without benchmarks, a report (and so an export) has no such field.
    let without = load(&assessment());
    let plain = without.report(&respond(&without, answers), "en");
    assert!(serde_json::to_value(&plain)
        .unwrap()
        .get("benchmarks")
        .is_none());
}

#[test]
fn a_dimension_whose_questions_are_all_hidden_does_not_apply() {
    let model = model();
    let m = model.dimension_index("m").unwrap();
    // lik = 1 hides section two, and with it `lvl`, the only question of dimension m.
    let hidden = respond(&model, json!({"lik": 1}));
    let report = model.report(&hidden, "en");
    assert_eq!(report.dimensions[m].score, None);
    assert!(report.dimensions[m].does_not_apply);
    let d = model.dimension_index("d").unwrap();
    assert!(!report.dimensions[d].does_not_apply);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["dimensions"][m]["does_not_apply"], true);
    // Left out when false, so exports of dimensions that apply do not change.
    assert!(json["dimensions"][d].get("does_not_apply").is_none());
    // Shown but not answered: m applies, and has too few answers.
    let shown = respond(&model, json!({"lik": 3}));
    let report = model.report(&shown, "en");
    assert_eq!(report.dimensions[m].score, None);
    assert!(!report.dimensions[m].does_not_apply);
}

#[test]
fn a_section_whose_questions_are_all_hidden_is_no_step() {
    use sextant_engine::view::Step;
    let model = load(&json!({
        "format": "sextant/1", "id": "steps", "version": "1", "default_locale": "en",
        "title": "T", "dimensions": [{"id": "d", "label": "D"}],
        "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 5, "label": "5"}]}],
        "sections": [
            {"id": "one", "title": "One", "questions": [
                {"id": "gate", "type": "single_choice", "text": "G",
                 "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}]},
            {"id": "two", "title": "Two", "questions": [
                {"id": "f1", "type": "likert", "scale": "s", "text": "F1",
                 "show_if": "chosen(gate, b)", "weights": {"d": 1}},
                {"id": "f2", "type": "likert", "scale": "s", "text": "F2",
                 "show_if": "chosen(gate, b)", "weights": {"d": 1}}]},
            {"id": "three", "title": "Three", "questions": [
                {"id": "last", "type": "likert", "scale": "s", "text": "L", "weights": {"d": 1}}]}
        ]
    }));
    // Gate `a` hides both questions of section two: the section is not shown, and the steps
    // go from one to three and back.
    let scores = model.score(&respond(&model, json!({"gate": "a"})));
    assert_eq!(scores.section_visible, [true, false, true]);
    assert_eq!(model.visible_sections(&scores), [0, 2]);
    assert_eq!(model.next_step(&scores, Step::Section(0)), Step::Section(2));
    assert_eq!(
        model.previous_step(&scores, Step::Section(2)),
        Step::Section(0)
    );
    // Gate `b` shows them, and the section with them.
    let scores = model.score(&respond(&model, json!({"gate": "b"})));
    assert_eq!(scores.section_visible, [true, true, true]);
    assert_eq!(model.next_step(&scores, Step::Section(0)), Step::Section(1));
}
