//! Two tabs editing the same saved state: `Response::merge` keeps both tabs' changes, and the
//! revision of a saved state cannot be made to stop later saves.

use std::cmp::Ordering;

use sextant_engine::save::MAX_REVISION;
use sextant_engine::{Model, Response};

const SMALL: &str = r#"{
  "format": "sextant/1", "id": "t", "version": "1", "default_locale": "en",
  "title": "T",
  "dimensions": [{"id": "d", "label": "D"}],
  "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 5, "label": "5"}]}],
  "sections": [{"id": "s1", "title": "S", "questions": [
    {"id": "q1", "type": "likert", "text": "Q1", "scale": "s", "weights": {"d": 1}},
    {"id": "q2", "type": "likert", "text": "Q2", "scale": "s", "weights": {"d": 1}},
    {"id": "a", "type": "allocation", "text": "A", "total": 10,
     "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}],
     "weights": {"d": {"x": 1, "y": 0}}}
  ]}]
}"#;

fn model() -> Model {
    Model::load(SMALL).expect("the test assessment loads").model
}

fn answers(model: &Model, json: &str) -> Response {
    Response::from_json(model, json).expect("the test answers fit")
}

fn json(model: &Model, response: &Response) -> String {
    serde_json::to_string(&response.to_answers(model)).unwrap()
}

#[test]
fn changes_to_different_questions_are_both_kept() {
    let m = model();
    let base = answers(&m, "{}");
    let mine = answers(&m, r#"{"q1": 5}"#);
    let theirs = answers(&m, r#"{"q2": 1, "a": {"x": 4, "y": 6}}"#);
    for newer in [Ordering::Less, Ordering::Equal, Ordering::Greater] {
        let merged = mine.merge(&m, &base, &theirs, newer);
        assert_eq!(
            json(&m, &merged),
            r#"{"a":{"x":4,"y":6},"q1":5.0,"q2":1.0}"#,
            "{newer:?}"
        );
        // The other tab, merging the other way round, settles on the same answers.
        let back = theirs.merge(&m, &base, &mine, newer.reverse());
        assert_eq!(back, merged, "{newer:?}");
    }
}

#[test]
fn a_change_in_one_tab_wins_over_an_unchanged_answer_also_a_cleared_one() {
    let m = model();
    let base = answers(&m, r#"{"q1": 5, "q2": 5}"#);
    // The other tab cleared q1 and changed q2; this tab changed nothing.
    let theirs = answers(&m, r#"{"q2": 1}"#);
    let merged = base.merge(&m, &base, &theirs, Ordering::Greater);
    assert_eq!(merged, theirs);
    // Even when this tab's revision is the higher one: it changed neither question.
    assert_eq!(base.merge(&m, &base, &theirs, Ordering::Greater), theirs);
    assert_eq!(base.merge(&m, &base, &theirs, Ordering::Less), theirs);
}

#[test]
fn a_question_both_changed_takes_the_newer_side_or_one_answer_both_tabs_agree_on() {
    let m = model();
    let base = answers(&m, "{}");
    let mine = answers(&m, r#"{"q1": 5, "a": {"x": 10, "y": 0}}"#);
    let theirs = answers(&m, r#"{"q1": 1, "a": {"x": 0, "y": 10}}"#);
    assert_eq!(mine.merge(&m, &base, &theirs, Ordering::Greater), mine);
    assert_eq!(mine.merge(&m, &base, &theirs, Ordering::Less), theirs);
    let here = mine.merge(&m, &base, &theirs, Ordering::Equal);
    let there = theirs.merge(&m, &base, &mine, Ordering::Equal);
    assert_eq!(here, there, "both tabs settle on the same answers");
}

#[test]
fn a_saved_revision_at_the_limit_still_leaves_room_for_later_saves() {
    let m = model();
    for revision in [u64::MAX, u64::MAX - 1, 1 << 60] {
        let saved = format!(
            r#"{{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                 "locale": "en", "revision": {revision}, "answers": {{"q1": 5}}}}"#
        );
        let restored = m
            .restore_state(&saved)
            .expect("the saved state is restored");
        assert!(
            restored.revision < u64::MAX / 2,
            "revision {revision} restored as {}",
            restored.revision
        );
        assert_eq!(json(&m, &restored.response), r#"{"q1":5.0}"#);
    }
    // Other spellings of a large number are read the same way; a negative one is damage.
    for revision in [
        "1e16",
        "1e+21",
        "18446744073709551616",
        "1e308",
        "9007199254740993",
    ] {
        let saved = format!(
            r#"{{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                 "locale": "en", "revision": {revision}, "answers": {{"q1": 5}}}}"#
        );
        let restored = m.restore_state(&saved).expect(revision);
        assert_eq!(restored.revision, MAX_REVISION, "{revision}");
    }
    for revision in ["-1", "-0.5", "\"3\"", "null"] {
        let saved = format!(
            r#"{{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                 "locale": "en", "revision": {revision}, "answers": {{}}}}"#
        );
        assert!(m.restore_state(&saved).is_err(), "{revision}");
    }
    // An ordinary revision is kept as it is.
    let saved = r#"{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                    "locale": "en", "revision": 41, "answers": {}}"#;
    assert_eq!(m.restore_state(saved).unwrap().revision, 41);
}

#[test]
fn a_saved_answer_that_is_no_answer_is_left_out_and_named_and_the_others_load() {
    let m = model();
    for bad in ["null", "true", "[1, {}]", "{\"current\": \"x\"}"] {
        let saved = format!(
            r#"{{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                 "locale": "en", "revision": 4, "answers": {{"q1": 5, "q2": {bad}}}}}"#
        );
        let restored = m.restore_state(&saved).expect(bad);
        assert_eq!(json(&m, &restored.response), r#"{"q1":5.0}"#, "{bad}");
        assert_eq!(restored.skipped.len(), 1, "{bad}");
        assert_eq!(restored.skipped[0].question, "q2");
        assert_eq!(restored.skipped[0].code, "answer.unreadable");
    }
    // A state that is not saved state at all is still refused as a whole.
    assert!(m.restore_state(r#"{"answers": {"q1": 5}}"#).is_err());
    assert!(m
        .restore_state(
            r#"{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                "locale": "en", "revision": 4, "answers": [5]}"#
        )
        .is_err());
}

#[test]
fn what_a_saved_value_is_for_is_read_from_the_value() {
    use sextant_engine::save::saved_for;
    let saved = r#"{"format": "sextant-state/1", "assessment": "scan", "version": "2:a",
        "step": "welcome", "locale": "en", "revision": "anything", "answers": null}"#;
    assert_eq!(saved_for(saved), Some(("scan".into(), "2:a".into())));
    assert_eq!(
        saved_for(r#"{"format": "sextant-state/9", "assessment": "scan", "version": "1"}"#),
        None
    );
    assert_eq!(saved_for(r#"{"assessment": "scan", "version": "1"}"#), None);
    assert_eq!(saved_for("ui-prefs"), None);
}

#[test]
fn the_fingerprint_of_answers_tells_other_answers_apart_and_only_those() {
    use sextant_engine::save::answers_fingerprint;
    let model = model();
    let one = answers(&model, r#"{"q1": 1, "q2": 5}"#);
    let same = answers(&model, r#"{"q2": 5, "q1": 1}"#);
    let other = answers(&model, r#"{"q1": 5, "q2": 5}"#);
    assert_eq!(
        answers_fingerprint(&model, &one),
        answers_fingerprint(&model, &same)
    );
    assert_ne!(
        answers_fingerprint(&model, &one),
        answers_fingerprint(&model, &other)
    );
    assert_eq!(answers_fingerprint(&model, &one).len(), 16);
}

#[test]
fn a_language_chosen_against_the_host_page_is_kept_while_the_page_asks_the_same() {
    use sextant_engine::view::Step;
    let m = model();
    let response = answers(&m, r#"{"q1": 5}"#);
    // The page asks for Dutch; the visitor chose English.
    let saved = m.save_state(&response, Step::Section(0), ("en", Some("nl")), 3);
    assert!(saved.contains(r#""host_locale":"nl""#), "{saved}");
    let restored = m.restore_state(&saved).unwrap();
    assert_eq!(restored.locale_to_show(Some("nl")), "en");
    // The page now asks for another language (its English or German version): it is followed.
    assert_eq!(restored.locale_to_show(Some("de")), "de");
    // No language from the page: the visitor's.
    assert_eq!(restored.locale_to_show(None), "en");
    // The visitor kept the page's language: nothing extra is written, and the page wins.
    let same = m.save_state(&response, Step::Section(0), ("nl", Some("nl")), 4);
    assert!(!same.contains("host_locale"), "{same}");
    assert_eq!(
        m.restore_state(&same).unwrap().locale_to_show(Some("en")),
        "en"
    );
    // State saved before the field existed: the page wins, as it did then.
    let old = r#"{"format": "sextant-state/1", "assessment": "t", "version": "1", "step": "s1",
                  "locale": "en", "revision": 2, "answers": {}}"#;
    assert_eq!(
        m.restore_state(old).unwrap().locale_to_show(Some("nl")),
        "nl"
    );
}
