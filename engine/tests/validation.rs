//! Snapshot tests of rendered load and validation messages: what an author reads.

use serde_json::{json, Value};
use sextant_engine::Model;

/// A small, valid assessment to break in one place at a time.
fn base() -> Value {
    json!({
        "format": "sextant/1",
        "id": "demo",
        "version": "1",
        "default_locale": "en",
        "locales": ["en", "nl"],
        "title": {"en": "Demo", "nl": "Demo"},
        "dimensions": [
            {"id": "speed", "label": {"en": "Speed", "nl": "Snelheid"}},
            {"id": "care", "label": {"en": "Care", "nl": "Zorg"}}
        ],
        "scales": [{"id": "agree", "points": [
            {"value": 1, "label": {"en": "No", "nl": "Nee"}},
            {"value": 2, "label": {"en": "Yes", "nl": "Ja"}}
        ]}],
        "bands": [
            {"id": "low", "label": {"en": "Low", "nl": "Laag"}, "min": 0, "max": 50},
            {"id": "high", "label": {"en": "High", "nl": "Hoog"}, "min": 50, "max": 100}
        ],
        "sections": [{"id": "one", "title": {"en": "One", "nl": "Een"}, "questions": [
            {"id": "fast", "type": "likert", "scale": "agree",
             "text": {"en": "Fast?", "nl": "Snel?"}, "weights": {"speed": 1}},
            {"id": "pick", "type": "single_choice",
             "text": {"en": "Pick", "nl": "Kies"},
             "options": [{"id": "a", "label": {"en": "A", "nl": "A"}}, {"id": "b", "label": {"en": "B", "nl": "B"}}],
             "weights": {"care": {"a": 1, "b": 0}}}
        ]}],
        "computed": [{"id": "total", "expr": "score(speed) + score(care)"}],
        "recommendations": [{"id": "slow", "dimension": "speed", "priority": 1,
            "title": {"en": "Speed up", "nl": "Sneller"}, "body": {"en": "Do.", "nl": "Doe."},
            "when": "score(speed) < 50"}]
    })
}

/// Every diagnostic of `json`, one rendered line each.
fn diagnostics(json: &str) -> String {
    Model::check(json)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Breaks the base assessment with `edit`, then checks the rendered diagnostics exactly.
#[track_caller]
fn bad(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut value = base();
    edit(&mut value);
    let actual = diagnostics(&value.to_string());
    assert_eq!(actual, expected.trim());
}

#[test]
fn the_base_assessment_is_valid() {
    assert_eq!(diagnostics(&base().to_string()), "");
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let actual = diagnostics("{\n  \"format\": \"sextant/1\",\n  \"id\": }");
    assert_eq!(
        actual,
        "error[json.syntax]: not valid JSON at line 3, column 9: expected value"
    );
}

#[test]
fn wrong_types_name_the_path() {
    bad(
        |v| v["sections"][0]["questions"][0]["scale"] = json!(5),
        "error[json.shape] sections[0].questions[0].scale: invalid type: integer `5`, expected a string",
    );
}

#[test]
fn a_value_of_the_wrong_kind_says_what_the_format_takes() {
    bad(
        |v| v["sections"][0]["questions"][0]["weights"]["speed"] = json!("1"),
        r#"error[json.shape] sections[0].questions[0].weights.speed: a weight must be a number, or an object of option id to number ({"a": 1, "b": 0})"#,
    );
    bad(
        |v| v["sections"][0]["questions"][0]["text"] = json!(5),
        r#"error[json.shape] sections[0].questions[0].text: a text must be a string, or an object of language code to string ({"nl": "…", "en": "…"})"#,
    );
    bad(
        |v| v["minutes"] = json!(-5),
        "error[json.shape] minutes: invalid value: integer `-5`, expected a whole number from 0 to 4294967295",
    );
}

#[test]
fn a_step_with_thousands_of_controls_gets_a_warning() {
    let mut v = base();
    let options: Vec<Value> = (0..64)
        .map(|i| json!({"id": format!("o{i}"), "label": {"en": "O", "nl": "O"}}))
        .collect();
    let many: Vec<Value> = (0..16)
        .map(|i| {
            json!({"id": format!("m{i}"), "type": "single_choice",
                "text": {"en": "Pick", "nl": "Kies"}, "options": options.clone()})
        })
        .collect();
    v["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .extend(many);
    let found = diagnostics(&v.to_string());
    assert!(
        found.contains(
            "warning[section.large] sections[0].questions: 18 questions with 1046 controls in \
             all on one step; more than 1000 make the step slow to show and to answer on a \
             phone: split it into several sections"
        ),
        "{found}"
    );
    assert!(!found.contains("error["), "{found}");
    // The base assessment gets none.
    assert_eq!(diagnostics(&base().to_string()), "");
}

#[test]
fn misspelt_fields_are_rejected() {
    bad(
        |v| v["sections"][0]["questions"][0]["show_iff"] = json!("true"),
        "error[json.shape] sections[0].questions[0].show_iff: unknown field `show_iff`, expected one of `id`, `type`, `text`, `help`, `show_if`, `dont_know`, `reverse`, `weights`, `scale`, `options`, `min_choices`, `max_choices`, `total`, `left`, `right`, `steps`, `levels`, `desired`, `unit`, `min`, `max`",
    );
}

#[test]
fn duplicate_ids_are_errors() {
    bad(
        |v| v["sections"][0]["questions"][1]["id"] = json!("fast"),
        "error[id.duplicate] sections[0].questions[1].id: duplicate question id `fast`",
    );
}

#[test]
fn a_key_given_twice_is_an_error_not_the_last_one_silently() {
    // A map keeps only one value per key; which one would be the file's order, unsaid.
    let json = base().to_string().replace(
        r#""weights":{"speed":1}"#,
        r#""weights":{"speed":1,"speed":-5}"#,
    );
    assert_eq!(
        diagnostics(&json),
        "error[json.shape] sections[0].questions[0].weights: `speed` is given twice: each key may appear only once"
    );
    let json = base()
        .to_string()
        .replace(r#""nl":"Kies""#, r#""nl":"Kies","en":"Choose""#);
    assert_eq!(
        diagnostics(&json),
        "error[json.shape] sections[0].questions[1].text: `en` is given twice: each key may appear only once"
    );
}

#[test]
fn unknown_dimensions_and_scales_are_errors() {
    bad(
        |v| {
            v["sections"][0]["questions"][0]["scale"] = json!("agree7");
            v["sections"][0]["questions"][0]["weights"] = json!({"sped": 1});
        },
        "
error[scale.unknown] sections[0].questions[0].scale: unknown scale `agree7`
error[dimension.unknown] sections[0].questions[0].weights.sped: unknown dimension `sped`
warning[dimension.unused] dimensions[0]: no question counts towards dimension `speed`",
    );
}

#[test]
fn weights_on_missing_options_are_errors() {
    bad(
        |v| v["sections"][0]["questions"][1]["weights"]["care"] = json!({"a": 1, "c": 2}),
        "error[weight.unknown_option] sections[0].questions[1].weights.care.c: weight on missing option `c`
warning[weight.missing_option] sections[0].questions[1].weights.care: option `b` has no points here, so it scores 0; give it 0 to say so",
    );
}

#[test]
fn an_impossible_allocation_total_is_an_error() {
    bad(
        |v| {
            let q = &mut v["sections"][0]["questions"][1];
            q["type"] = json!("allocation");
            q["total"] = json!(0);
        },
        "error[allocation.total] sections[0].questions[1].total: the points to allocate must be between 1 and 1000 (got 0)",
    );
}

#[test]
fn expressions_that_do_not_parse_give_the_column() {
    bad(
        |v| v["computed"][0]["expr"] = json!("score(speed) + * 2"),
        "error[expr.syntax] computed[0].expr: column 16: expected an expression, found `*`",
    );
}

#[test]
fn unknown_names_in_expressions_give_the_column() {
    bad(
        |v| v["recommendations"][0]["when"] = json!("score(speed) < 50 and answered(fsat)"),
        "error[expr.unknown_question] recommendations[0].when: column 32: unknown question `fsat`",
    );
}

#[test]
fn a_recommendation_that_can_never_trigger_is_an_error() {
    bad(
        |v| v["recommendations"][0]["when"] = json!("score(speed) > 100"),
        "error[recommendation.never] recommendations[0].when: this recommendation can never trigger",
    );
}

#[test]
fn band_gaps_and_overlaps_are_errors() {
    bad(
        |v| {
            v["bands"][1]["min"] = json!(60);
            v["dimensions"][1]["bands"] = json!([
                {"id": "low", "label": {"en": "Low", "nl": "Laag"}, "min": 0, "max": 70},
                {"id": "high", "label": {"en": "High", "nl": "Hoog"}, "min": 60, "max": 100}
            ]);
        },
        "
error[band.gap] bands[1].min: gap between band `low` (to 50) and band `high` (from 60)
error[band.overlap] dimensions[1].bands[1].min: band `high` (from 60) overlaps band `low` (to 70)",
    );
}

#[test]
fn cycles_between_computed_values_are_errors() {
    bad(
        |v| {
            v["computed"] = json!([
                {"id": "a", "expr": "b + 1"},
                {"id": "b", "expr": "c + 1"},
                {"id": "c", "expr": "a + 1"}
            ]);
        },
        "error[expr.cycle] computed[0]: cycle: computed[0] (a) → computed[1] (b) → computed[2] (c) → computed[0] (a)",
    );
}

#[test]
fn show_if_may_only_look_back() {
    bad(
        |v| v["sections"][0]["questions"][0]["show_if"] = json!("answered(pick)"),
        "error[show_if.forward] sections[0].questions[0].show_if: `show_if` may only refer to questions that come before it",
    );
}

#[test]
fn a_missing_translation_is_a_warning() {
    bad(
        |v| v["sections"][0]["title"] = json!({"en": "One"}),
        "warning[text.missing_locale] sections[0].title: no text for declared locale `nl`",
    );
}

#[test]
fn a_locale_must_be_a_language_tag() {
    // The first line; the texts' warnings about the odd locale follow it.
    let first = |locale: &str| {
        let mut v = base();
        v["locales"] = json!(["en", locale]);
        diagnostics(&v.to_string())
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        first("en_US"),
        "error[locale.not_a_tag] locales[1]: `en_US` is not a language tag: write it as `en-US`"
    );
    assert_eq!(
        first(&"x".repeat(1000)),
        format!(
            "error[locale.not_a_tag] locales[1]: `{}…` is not a language tag, such as `nl`, `en` or `en-GB`",
            "x".repeat(40)
        )
    );
    assert!(first("\"><img src=x>").starts_with("error[locale.not_a_tag]"));
    // Tags as they are written: in any case, with script and region.
    for tag in ["EN", "sr-Latn-RS", "nl-BE", "de-CH-1996"] {
        assert!(
            !first(tag).contains("locale.not_a_tag"),
            "{tag} is a language tag"
        );
    }
}

#[test]
fn a_question_type_is_named_with_its_article() {
    let mut v = base();
    v["sections"][0]["questions"][1] = json!({"id": "split", "type": "allocation", "text": "Split",
        "total": 10, "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "weights": {"speed": 1}});
    let out = diagnostics(&v.to_string());
    assert!(
        out.contains("an allocation question needs points per option id"),
        "{out}"
    );
}

#[test]
fn a_number_bound_finer_than_the_field_shows_is_an_error() {
    let with = |min: f64, max: f64| {
        let mut v = base();
        v["sections"][0]["questions"][1] = json!({"id": "n", "type": "number", "text": "N",
            "min": min, "max": max});
        diagnostics(&v.to_string())
    };
    let out = with(1e-7, 4e-7);
    assert!(
        out.contains("error[number.precision] sections[0].questions[1].min: 0.0000001 has more than 6 decimals"),
        "{out}"
    );
    // Six decimals, and large bounds with them, are shown as they are.
    for (min, max) in [
        (0.000001, 0.5),
        (-1234567.125, 999999999.000001),
        (0.1, 0.3),
    ] {
        assert!(
            !with(min, max).contains("number.precision"),
            "{min} to {max}"
        );
    }
}

#[test]
fn every_error_is_collected_not_only_the_first() {
    let mut v = base();
    v["format"] = json!("sextant/2");
    v["dimensions"][1]["id"] = json!("speed");
    v["sections"][0]["questions"][0]["scale"] = json!("nope");
    v["computed"][0]["expr"] = json!("score(nope)");
    v["recommendations"][0]["dimension"] = json!("nope");
    let codes: Vec<&str> = Model::check(&v.to_string())
        .iter()
        .map(|d| d.code)
        .collect();
    for code in [
        "format.unsupported",
        "id.duplicate",
        "scale.unknown",
        "expr.unknown_dimension",
        "dimension.unknown",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
    assert_eq!(
        diagnostics(&huge),
        "error[input.too_large]: the assessment file is 5242891 bytes; the limit is 4194304 bytes"
    );
}

#[test]
fn functions_of_a_question_must_fit_its_type() {
    let when = |expr: &str| {
        let mut value = base();
        value["recommendations"][0]["when"] = json!(expr);
        diagnostics(&value.to_string())
    };
    // A single choice is an option, not a number.
    let out = when("answer(pick) > 1");
    assert!(out.contains("error[expr.type]"), "{out}");
    assert!(
        out.contains("`>` needs a number, found an option or band id"),
        "{out}"
    );
    // desired and gap are for level questions, points for allocations, chosen for choices.
    for (expr, needs, kind) in [
        (
            "desired(fast) > 1",
            "`desired()` needs a level question",
            "likert",
        ),
        (
            "gap(pick) > 0",
            "`gap()` needs a level question",
            "single choice",
        ),
        (
            "points(pick, a) > 0",
            "`points()` needs an allocation question",
            "single choice",
        ),
        (
            "chosen(fast, a)",
            "`chosen()` needs a choice question",
            "likert",
        ),
    ] {
        let out = when(expr);
        assert!(out.contains("error[expr.question_type]"), "{expr}: {out}");
        assert!(
            out.contains(&format!("{needs}; `")) && out.contains(&format!("is a {kind} question")),
            "{expr}: {out}"
        );
    }
    // Of the right type, they are accepted.
    assert_eq!(when("answer(pick) == \"a\" or answer(fast) >= 2"), "");
}

#[test]
fn huge_numbers_and_a_huge_version_give_short_messages() {
    bad(
        |v| v["sections"][0]["questions"][0]["weights"]["speed"] = json!(1.7e308),
        "error[weight.range] sections[0].questions[0].weights.speed: a weight must be non-zero and within ±1000 (got 1.7e308)",
    );
    let mut value = base();
    value["version"] = json!("9".repeat(100_000));
    let out = diagnostics(&value.to_string());
    assert!(out.contains("error[version.too_long] version: the version is 100000 characters long; the limit is 100"), "{}", &out[..out.len().min(300)]);
    assert!(out.len() < 500, "{} bytes", out.len());
}

#[test]
fn a_symbol_must_belong_to_what_it_is_compared_with() {
    let when = |expr: &str| {
        let mut value = base();
        value["dimensions"][1]["bands"] = json!([
            {"id": "weak", "label": {"en": "Weak", "nl": "Zwak"}, "min": 0, "max": 50},
            {"id": "strong", "label": {"en": "Strong", "nl": "Sterk"}, "min": 50, "max": 100}
        ]);
        value["recommendations"][0]["when"] = json!(expr);
        diagnostics(&value.to_string())
    };
    // "low" is a band of speed, so the name is known, but pick has no such option and care has
    // its own bands: these comparisons could never be true.
    assert_eq!(
        when("answer(pick) == \"low\""),
        "error[expr.unknown_option] recommendations[0].when: column 17: \"low\" is not an option of the question in `answer(pick)`"
    );
    assert_eq!(
        when("\"low\" != answer(pick)"),
        "error[expr.unknown_option] recommendations[0].when: column 1: \"low\" is not an option of the question in `answer(pick)`"
    );
    assert_eq!(
        when("band(care) == \"low\""),
        "error[expr.unknown_band] recommendations[0].when: column 15: \"low\" is not a band of the dimension in `band(care)`"
    );
    assert_eq!(
        when("band(speed) == \"low\" and band(care) != \"strong\" and answer(pick) == \"b\""),
        ""
    );
}

#[test]
fn an_empty_text_is_an_error_where_it_is_required_and_a_warning_where_it_is_not() {
    bad(
        |v| {
            v["title"] = json!(" ");
            v["sections"][0]["questions"][1]["options"][0]["label"] = json!({"en": "", "nl": "A"});
            v["dimensions"][0]["description"] = json!("");
        },
        "
error[text.empty] title: an empty text: the visitor would see nothing here
error[text.empty] sections[0].questions[1].options[0].label.en: an empty text: the visitor would see nothing here
warning[text.empty] dimensions[0].description: an empty text shows nothing; leave the field out instead",
    );
}

#[test]
fn a_choice_left_out_of_the_points_is_a_warning() {
    bad(
        |v| v["sections"][0]["questions"][1]["weights"]["care"] = json!({"a": 1}),
        "warning[weight.missing_option] sections[0].questions[1].weights.care: option `b` has no points here, so it scores 0; give it 0 to say so",
    );
}

#[test]
fn a_priority_below_1_is_an_error() {
    bad(
        |v| v["recommendations"][0]["priority"] = json!(0),
        "error[recommendation.priority] recommendations[0].priority: a priority is 1 (the most urgent) or more",
    );
}

#[test]
fn more_decimals_than_can_be_shown_is_an_error() {
    bad(
        |v| v["computed"][0]["decimals"] = json!(7),
        "error[computed.decimals] computed[0].decimals: at most 6 decimals can be shown (got 7)",
    );
}

#[test]
fn a_benchmark_without_a_source_gets_one_error() {
    bad(
        |v| {
            v["benchmarks"] =
                json!([{"id": "b", "label": "Peers", "source": " ", "values": {"speed": 50}}]);
        },
        "error[benchmark.source] benchmarks[0].source: a benchmark must name its source",
    );
    // Named in one language only: the other language's visitors would see no source.
    bad(
        |v| {
            v["benchmarks"] = json!([{"id": "b", "label": "Peers",
                "source": {"en": "Survey 2024", "nl": "  "}, "values": {"speed": 50}}]);
        },
        "error[text.empty] benchmarks[0].source.nl: an empty text: the visitor would see nothing here",
    );
}

#[test]
fn a_language_the_interface_is_not_written_in_is_a_warning() {
    let locale_warnings = |locales: Value, default: &str| {
        let mut v = base();
        v["locales"] = locales;
        v["default_locale"] = json!(default);
        diagnostics(&v.to_string())
            .lines()
            .filter(|l| l.contains("locale.no_interface"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        locale_warnings(json!(["de", "en"]), "en"),
        ["warning[locale.no_interface] locales[0]: the widget's buttons and messages, and the report's own phrases, exist in Dutch and English only: visitors who read `de` see those in English"]
    );
    // One warning per language, however many regions name it.
    let fr = locale_warnings(json!(["fr-BE", "fr-FR", "nl"]), "nl");
    assert_eq!(fr.len(), 1, "{fr:?}");
    assert!(
        fr[0].contains("locales[0]") && fr[0].contains("`fr-BE`"),
        "{fr:?}"
    );
    // The default locale alone, when no locales are declared.
    let mut v = base();
    v.as_object_mut().unwrap().remove("locales");
    v["default_locale"] = json!("de");
    let d = diagnostics(&v.to_string());
    assert!(
        d.contains("warning[locale.no_interface] default_locale:"),
        "{d}"
    );
    // Dutch and English in any region or letter case get no warning.
    assert!(locale_warnings(json!(["nl-BE", "EN-gb"]), "nl-BE").is_empty());
}

#[test]
fn a_show_if_no_answers_can_make_true_is_a_warning() {
    bad(
        |v| v["sections"][0]["questions"][1]["show_if"] = json!("false"),
        "warning[show_if.never] sections[0].questions[1].show_if: no answers can make this true, so the question is never shown",
    );
    bad(
        |v| v["sections"][0]["show_if"] = json!("1 > 2"),
        "warning[show_if.never] sections[0].show_if: no answers can make this true, so the section is never shown",
    );
    // One that some answers make true is no warning.
    bad(
        |v| v["sections"][0]["questions"][1]["show_if"] = json!("answer(fast) >= 2"),
        "",
    );
}

#[test]
fn options_that_read_the_same_are_a_warning() {
    bad(
        |v| v["sections"][0]["questions"][1]["options"][1]["label"] = json!({"en": " a ", "nl": "B"}),
        "warning[option.same_label] sections[0].questions[1].options[1].label: reads the same as option `a` in `en`: a visitor cannot tell the two apart",
    );
    // Named once, in the first language in which it happens.
    bad(
        |v| v["sections"][0]["questions"][1]["options"][1]["label"] = json!({"en": "A", "nl": "A"}),
        "warning[option.same_label] sections[0].questions[1].options[1].label: reads the same as option `a` in `en`: a visitor cannot tell the two apart",
    );
}

#[test]
fn what_the_report_draws_is_bounded() {
    use sextant_engine::{
        MAX_BENCHMARKS, MAX_CHARTS, MAX_CHART_ITEMS, MAX_COMPUTED, MAX_PROFILES,
        MAX_RECOMMENDATIONS,
    };
    fn en_nl(s: &str) -> Value {
        json!({"en": s, "nl": s})
    }
    type Item = fn(usize) -> Value;
    let cases: [(&str, usize, Item, &str); 5] = [
        (
            "benchmarks",
            MAX_BENCHMARKS,
            |i| json!({"id": format!("b{i}"), "label": en_nl("Peers"), "source": en_nl("Survey"), "values": {"speed": 50}}),
            "benchmarks",
        ),
        (
            "charts",
            MAX_CHARTS,
            |i| json!({"id": format!("c{i}"), "type": "bars", "title": en_nl("Chart"), "items": [{"dimension": "speed"}]}),
            "charts",
        ),
        (
            "profiles",
            MAX_PROFILES,
            |i| json!({"id": format!("p{i}"), "label": en_nl("P"), "headline": en_nl("P."), "when": "score(speed) > 50"}),
            "profiles",
        ),
        (
            "recommendations",
            MAX_RECOMMENDATIONS,
            |i| json!({"id": format!("r{i}"), "dimension": "speed", "priority": 1, "title": en_nl("R"), "body": en_nl("Do."), "when": "score(speed) < 50"}),
            "recommendations",
        ),
        (
            "computed",
            MAX_COMPUTED,
            |i| json!({"id": format!("v{i}"), "expr": "score(speed)"}),
            "computed values",
        ),
    ];
    for (field, max, item, what) in &cases {
        let with = |n: usize| {
            let mut v = base();
            v[*field] = Value::Array((0..n).map(item).collect());
            diagnostics(&v.to_string())
        };
        assert!(
            !with(*max).contains("error[limit."),
            "{field}: {max} is allowed"
        );
        let over = with(max + 1);
        let line = format!(
            "error[limit.{field}] {field}: {} {what}; the limit is {max}",
            max + 1
        );
        assert!(over.lines().any(|l| l == line), "{field}: {over}");
    }
    let chart = |n: usize| {
        let mut v = base();
        v["charts"] = json!([{"id": "c", "type": "bars", "title": en_nl("Chart"),
            "items": (0..n).map(|_| json!({"dimension": "speed"})).collect::<Vec<_>>()}]);
        diagnostics(&v.to_string())
    };
    assert!(!chart(MAX_CHART_ITEMS).contains("error[limit."));
    assert!(chart(MAX_CHART_ITEMS + 1).lines().any(|l| l
        == format!("error[limit.chart_items] charts[0].items: {} items; a chart may have at most {MAX_CHART_ITEMS}", MAX_CHART_ITEMS + 1)));
}

#[test]
fn a_text_too_long_in_one_language_is_named_with_that_language() {
    bad(
        |v| v["title"] = json!({"en": "Demo", "nl": "x".repeat(20_001)}),
        "error[text.too_long] title.nl: 20001 bytes; a text may have at most 20000",
    );
}

#[test]
fn a_finding_quotes_at_most_a_line_and_leaves_no_direction_override_open() {
    let long = "q".repeat(100_000);
    let mut v = base();
    v["sections"][0]["questions"][0]["scale"] = json!(long);
    let found = diagnostics(&v.to_string());
    let line = found
        .lines()
        .find(|l| l.contains("scale.unknown"))
        .expect(&found);
    assert!(
        line.chars().count() < 800,
        "{} characters",
        line.chars().count()
    );
    assert!(line.contains('…'));

    let mut v = base();
    v["sections"][0]["questions"][0]["scale"] = json!("agree\u{202E}x");
    let found = diagnostics(&v.to_string());
    let line = found
        .lines()
        .find(|l| l.contains("scale.unknown"))
        .expect(&found);
    // Every override is followed by its closing U+202C within the message.
    assert_eq!(
        line.matches('\u{202E}').count(),
        line.matches('\u{202C}').count(),
        "{line:?}"
    );
}
