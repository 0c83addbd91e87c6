//! Team aggregation, checked against statistics worked out by hand.

use sextant_engine::team::{team, Member, TeamReport, MAX_MEMBERS};
use sextant_engine::{Model, Response};

/// Five dimensions, one likert question each on a 1–5 scale, so the answers 1, 2, 3, 4, 5 score
/// 0, 25, 50, 75, 100. Nobody answers `vision`.
const JSON: &str = r#"{
  "format": "sextant/1", "id": "team-test", "version": "1", "default_locale": "en",
  "locales": ["en", "nl"],
  "title": {"en": "Team test", "nl": "Teamtest"},
  "dimensions": [
    {"id": "speed", "label": {"en": "Speed", "nl": "Snelheid"}, "group": "ops"},
    {"id": "care", "label": {"en": "Care", "nl": "Zorg"}},
    {"id": "cost", "label": {"en": "Cost", "nl": "Kosten"}},
    {"id": "trust", "label": {"en": "Trust", "nl": "Vertrouwen"}},
    {"id": "vision", "label": {"en": "Vision", "nl": "Visie"}}
  ],
  "groups": [{"id": "ops", "label": {"en": "Operations", "nl": "Operatie"}}],
  "scales": [{"id": "agree", "points": [
    {"value": 1, "label": {"en": "1", "nl": "1"}}, {"value": 2, "label": {"en": "2", "nl": "2"}},
    {"value": 3, "label": {"en": "3", "nl": "3"}}, {"value": 4, "label": {"en": "4", "nl": "4"}},
    {"value": 5, "label": {"en": "5", "nl": "5"}}]}],
  "sections": [{"id": "all", "title": {"en": "All", "nl": "Alles"}, "questions": [
    {"id": "q_speed", "type": "likert", "scale": "agree", "text": {"en": "S", "nl": "S"}, "weights": {"speed": 1}},
    {"id": "q_care", "type": "likert", "scale": "agree", "text": {"en": "C", "nl": "C"}, "weights": {"care": 1}},
    {"id": "q_cost", "type": "likert", "scale": "agree", "text": {"en": "K", "nl": "K"}, "weights": {"cost": 1}},
    {"id": "q_trust", "type": "likert", "scale": "agree", "text": {"en": "T", "nl": "T"}, "weights": {"trust": 1}},
    {"id": "q_vision", "type": "likert", "scale": "agree", "text": {"en": "V", "nl": "V"}, "weights": {"vision": 1}}
  ]}],
  "profiles": [
    {"id": "fast", "label": {"en": "Fast", "nl": "Snel"},
     "headline": {"en": "You move fast.", "nl": "U bent snel."}, "when": "score(speed) >= 75"},
    {"id": "careful", "label": {"en": "Careful", "nl": "Zorgvuldig"},
     "headline": {"en": "You take care.", "nl": "U bent zorgvuldig."}, "when": "score(care) >= 60"}
  ]
}"#;

fn model() -> Model {
    Model::load(JSON).unwrap().model
}

fn member(model: &Model, name: &str, answers: &str) -> Member {
    Member {
        name: name.into(),
        response: Response::from_json(model, answers).unwrap(),
    }
}

/// Ann, Bob and Cy:
///
/// | dimension | Ann | Bob | Cy |
/// | --- | --- | --- | --- |
/// | speed | 100 | 75 | 50 |
/// | care | 50 | 50 | 75 |
/// | cost | 0 | 100 | 50 |
/// | trust | 75 | — | don't know |
/// | vision | — | — | — |
fn three(model: &Model) -> Vec<Member> {
    vec![
        member(
            model,
            "Ann",
            r#"{"q_speed": 5, "q_care": 3, "q_cost": 1, "q_trust": 4}"#,
        ),
        member(model, "Bob", r#"{"q_speed": 4, "q_care": 3, "q_cost": 5}"#),
        member(
            model,
            "Cy",
            r#"{"q_speed": 3, "q_care": 4, "q_cost": 3, "q_trust": "dont_know"}"#,
        ),
    ]
}

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-9)
}

#[track_caller]
fn assert_close(actual: Option<f64>, expected: f64) {
    assert!(close(actual, expected), "{actual:?} is not {expected}");
}

fn dim<'a>(report: &'a TeamReport, id: &str) -> &'a sextant_engine::team::TeamDimension {
    report.dimensions.iter().find(|d| d.id == id).unwrap()
}

#[test]
fn three_members_match_the_hand_computed_statistics() {
    let model = model();
    let report = team(&model, &three(&model), "en");
    assert_eq!(report.assessment, "team-test");
    assert_eq!(report.version, "1");
    let ids: Vec<&str> = report.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["speed", "care", "cost", "trust", "vision"]);

    // speed: 100, 75, 50. Mean 75; deviations 25, 0, −25; variance 1250 / 3.
    let speed = dim(&report, "speed");
    assert_eq!(speed.label, "Speed");
    assert_eq!(speed.group.as_deref(), Some("ops"));
    assert_eq!(speed.n, 3);
    assert_close(speed.mean, 75.0);
    assert_eq!(speed.display.as_deref(), Some("75"));
    assert_close(speed.std_dev, (1250.0f64 / 3.0).sqrt()); // 20.412…
    assert_close(speed.std_dev, 20.412_414_523_193_15);
    assert_eq!(
        (speed.min, speed.max, speed.spread),
        (Some(50.0), Some(100.0), Some(50.0))
    );
    assert_eq!(speed.scores, [Some(100.0), Some(75.0), Some(50.0)]);

    // care: 50, 50, 75. Mean 175 / 3 = 58.33…; deviations −25/3, −25/3, 50/3;
    // variance (625 + 625 + 2500) / 9 / 3 = 1250 / 9.
    let care = dim(&report, "care");
    assert_eq!(care.n, 3);
    assert_close(care.mean, 175.0 / 3.0);
    assert_eq!(care.display.as_deref(), Some("58"));
    assert_close(care.std_dev, (1250.0f64 / 9.0).sqrt()); // 11.785…
    assert_close(care.std_dev, 11.785_113_019_775_793);
    assert_eq!(
        (care.min, care.max, care.spread),
        (Some(50.0), Some(75.0), Some(25.0))
    );

    // cost: 0, 100, 50. Mean 50; deviations −50, 50, 0; variance 5000 / 3.
    let cost = dim(&report, "cost");
    assert_eq!(cost.n, 3);
    assert_close(cost.mean, 50.0);
    assert_close(cost.std_dev, 40.824_829_046_386_3);
    assert_eq!(cost.spread, Some(100.0));

    // trust: only Ann has a score (Bob left it empty, Cy does not know).
    let trust = dim(&report, "trust");
    assert_eq!(trust.n, 1);
    assert_close(trust.mean, 75.0);
    assert_eq!(trust.std_dev, Some(0.0));
    assert_eq!(trust.spread, Some(0.0));
    assert_eq!(trust.scores, [Some(75.0), None, None]);

    // vision: nobody.
    let vision = dim(&report, "vision");
    assert_eq!(vision.n, 0);
    assert_eq!(
        (
            vision.mean,
            vision.std_dev,
            vision.min,
            vision.max,
            vision.spread
        ),
        (None, None, None, None, None)
    );
    assert_eq!(vision.display, None);
    assert_eq!(vision.scores, [None, None, None]);

    // Agreement over speed, care and cost (trust and vision have fewer than two scores).
    assert_eq!(report.agreement.ranked, ["care", "speed", "cost"]);
    assert_eq!(report.agreement.agree_most, ["care", "speed"]);
    assert_eq!(report.agreement.differ_most, ["cost"]);
}

#[test]
fn members_keep_their_profiles_and_headlines() {
    let model = model();
    let report = team(&model, &three(&model), "en");
    let names: Vec<&str> = report.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bob", "Cy"]);
    assert_eq!(report.members[0].profiles, ["Fast"]);
    assert_eq!(
        report.members[0].headline.as_deref(),
        Some("You move fast.")
    );
    assert_eq!(report.members[1].profiles, ["Fast"]);
    assert_eq!(report.members[2].profiles, ["Careful"]);
    assert_eq!(
        report.members[2].headline.as_deref(),
        Some("You take care.")
    );

    let both = member(&model, "Dee", r#"{"q_speed": 5, "q_care": 5}"#);
    let report = team(&model, &[both], "nl");
    assert_eq!(report.locale, "nl");
    assert_eq!(report.members[0].profiles, ["Snel", "Zorgvuldig"]);
    assert_eq!(report.members[0].headline.as_deref(), Some("U bent snel."));
    assert_eq!(report.dimensions[0].label, "Snelheid");
}

#[test]
fn no_members() {
    let model = model();
    let report = team(&model, &[], "en");
    assert!(report.members.is_empty());
    assert_eq!(report.dimensions.len(), 5);
    for d in &report.dimensions {
        assert_eq!(d.n, 0);
        assert_eq!((d.mean, d.std_dev, d.spread), (None, None, None));
        assert!(d.scores.is_empty());
    }
    assert!(report.agreement.ranked.is_empty());
    assert!(report.agreement.agree_most.is_empty());
    assert!(report.agreement.differ_most.is_empty());
}

#[test]
fn one_member() {
    let model = model();
    let ann = member(&model, "Ann", r#"{"q_speed": 5, "q_care": 2}"#);
    let report = team(&model, &[ann], "en");
    let speed = dim(&report, "speed");
    assert_eq!(
        (speed.n, speed.mean, speed.std_dev),
        (1, Some(100.0), Some(0.0))
    );
    assert_eq!(dim(&report, "care").mean, Some(25.0));
    assert_eq!(dim(&report, "cost").n, 0);
    // One opinion is no agreement.
    assert!(report.agreement.ranked.is_empty());
}

#[test]
fn a_response_for_another_model_counts_as_unanswered() {
    let model = model();
    let other = Model::load(&JSON.replace(
        r#"{"id": "q_vision", "type": "likert", "scale": "agree", "text": {"en": "V", "nl": "V"}, "weights": {"vision": 1}}"#,
        r#"{"id": "q_vision", "type": "likert", "scale": "agree", "text": {"en": "V", "nl": "V"}, "weights": {"vision": 1}},
           {"id": "q_extra", "type": "likert", "scale": "agree", "text": {"en": "X", "nl": "X"}, "weights": {"vision": 1}}"#,
    ))
    .unwrap()
    .model;
    assert_eq!(other.question_count(), 6);
    let stranger = member(&other, "Eve", r#"{"q_speed": 5}"#);
    let report = team(&model, &[stranger], "en");
    assert_eq!(report.members[0].name, "Eve");
    assert!(report.dimensions.iter().all(|d| d.n == 0));
}

#[test]
fn the_report_serializes_without_nan() {
    let model = model();
    let json = serde_json::to_value(team(&model, &three(&model), "en")).unwrap();
    let vision = &json["dimensions"][4];
    assert_eq!(vision["id"], "vision");
    assert!(vision["mean"].is_null());
    assert!(vision["std_dev"].is_null());
    assert_eq!(
        json["dimensions"][0]["scores"],
        serde_json::json!([100.0, 75.0, 50.0])
    );
    assert_eq!(
        json["agreement"]["differ_most"],
        serde_json::json!(["cost"])
    );
    assert_eq!(json["members"][2]["headline"], "You take care.");
    assert!(!json.to_string().contains("NaN"));
}

#[test]
fn at_most_max_members_are_compared() {
    let model = model();
    let members: Vec<Member> = (0..MAX_MEMBERS + 50)
        .map(|i| member(&model, &format!("M{i}"), r#"{"q_speed": 5}"#))
        .collect();
    let report = team(&model, &members, "en");
    assert_eq!(report.members.len(), MAX_MEMBERS);
    assert_eq!(
        report.members[MAX_MEMBERS - 1].name,
        format!("M{}", MAX_MEMBERS - 1)
    );
    let speed = dim(&report, "speed");
    assert_eq!((speed.n, speed.scores.len()), (MAX_MEMBERS, MAX_MEMBERS));
    assert!(report
        .dimensions
        .iter()
        .all(|d| d.scores.len() == MAX_MEMBERS));
}
