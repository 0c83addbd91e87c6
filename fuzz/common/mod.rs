//! What the fuzz targets share: a fixed assessment with every question type, and a routine that
//! runs a loaded model through scoring, reporting and share codes.

#![allow(dead_code)]

use std::sync::OnceLock;

use sextant_engine::simulate::Rng;
use sextant_engine::{share, Model, Response};

/// An assessment with every question type, bands, computed values, profiles, recommendations
/// and charts. `computed[0].expr` is the one `parse_expression` replaces.
pub const ASSESSMENT: &str = r#"{
  "format": "sextant/1", "id": "fuzz", "version": "1", "default_locale": "en",
  "locales": ["en", "nl"],
  "title": {"en": "Fuzz", "nl": "Fuzz"},
  "groups": [{"id": "ops", "label": {"en": "Ops", "nl": "Ops"}}],
  "dimensions": [
    {"id": "speed", "label": {"en": "Speed", "nl": "Snelheid"}, "group": "ops"},
    {"id": "care", "label": {"en": "Care", "nl": "Zorg"}, "min_coverage": 0.3},
    {"id": "cost", "label": {"en": "Cost", "nl": "Kosten"}, "bands": [
      {"id": "cheap", "label": {"en": "Cheap", "nl": "Goedkoop"}, "min": 0, "max": 50},
      {"id": "dear", "label": {"en": "Dear", "nl": "Duur"}, "min": 50, "max": 100}]}
  ],
  "bands": [
    {"id": "low", "label": {"en": "Low", "nl": "Laag"}, "min": 0, "max": 40},
    {"id": "mid", "label": {"en": "Mid", "nl": "Midden"}, "min": 40, "max": 70},
    {"id": "high", "label": {"en": "High", "nl": "Hoog"}, "min": 70, "max": 100}
  ],
  "scales": [{"id": "agree", "points": [
    {"value": -2, "label": {"en": "a", "nl": "a"}}, {"value": -0.5, "label": {"en": "b", "nl": "b"}},
    {"value": 0, "label": {"en": "c", "nl": "c"}}, {"value": 1.25, "label": {"en": "d", "nl": "d"}},
    {"value": 3, "label": {"en": "e", "nl": "e"}}]}],
  "sections": [
    {"id": "first", "title": {"en": "First", "nl": "Eerste"}, "questions": [
      {"id": "lik", "type": "likert", "scale": "agree", "text": {"en": "L", "nl": "L"},
       "weights": {"speed": 1, "care": -0.5}},
      {"id": "bip", "type": "bipolar", "steps": 7, "left": {"en": "l", "nl": "l"},
       "right": {"en": "r", "nl": "r"}, "text": {"en": "B", "nl": "B"}, "weights": {"speed": 2},
       "dont_know": false},
      {"id": "lvl", "type": "level", "desired": true, "text": {"en": "V", "nl": "V"},
       "weights": {"care": 1}, "levels": [
         {"label": {"en": "1", "nl": "1"}}, {"label": {"en": "2", "nl": "2"}},
         {"label": {"en": "3", "nl": "3"}}, {"label": {"en": "4", "nl": "4"}}]},
      {"id": "num", "type": "number", "min": -1000, "max": 1000000, "unit": {"en": "€", "nl": "€"},
       "text": {"en": "N", "nl": "N"}, "weights": {"cost": 1}, "reverse": true}
    ]},
    {"id": "second", "title": {"en": "Second", "nl": "Tweede"}, "show_if": "answered(lik)",
     "questions": [
      {"id": "one", "type": "single_choice", "text": {"en": "S", "nl": "S"},
       "options": [{"id": "a", "label": {"en": "A", "nl": "A"}}, {"id": "b", "label": {"en": "B", "nl": "B"}},
                   {"id": "c", "label": {"en": "C", "nl": "C"}}],
       "weights": {"care": {"a": 0, "b": 1, "c": 3}}},
      {"id": "many", "type": "multiple_choice", "min_choices": 1, "max_choices": 2,
       "text": {"en": "M", "nl": "M"}, "show_if": "answer(one) != \"a\"",
       "options": [{"id": "x", "label": {"en": "X", "nl": "X"}}, {"id": "y", "label": {"en": "Y", "nl": "Y"}},
                   {"id": "z", "label": {"en": "Z", "nl": "Z"}}],
       "weights": {"speed": {"x": 1, "y": 2, "z": 3}}},
      {"id": "split", "type": "allocation", "total": 10, "text": {"en": "A", "nl": "A"},
       "options": [{"id": "p", "label": {"en": "P", "nl": "P"}}, {"id": "q", "label": {"en": "Q", "nl": "Q"}}],
       "weights": {"cost": {"p": 1, "q": 0}}}
    ]}
  ],
  "computed": [
    {"id": "fuzzed", "expr": "score(speed)", "label": {"en": "Fuzzed", "nl": "Fuzzed"}, "decimals": 2},
    {"id": "base", "expr": "round(sum(score(speed), score(care)) / 2, 1)"},
    {"id": "gap_lvl", "expr": "gap(lvl)", "unit": {"en": "levels", "nl": "niveaus"},
     "label": {"en": "Gap", "nl": "Kloof"}}
  ],
  "profiles": [
    {"id": "fast", "label": {"en": "Fast", "nl": "Snel"}, "headline": {"en": "Fast.", "nl": "Snel."},
     "when": "band(speed) == \"high\""},
    {"id": "steady", "label": {"en": "Steady", "nl": "Stabiel"}, "headline": {"en": "Steady.", "nl": "Stabiel."},
     "when": "not profile(fast) and base >= 50"}
  ],
  "recommendations": [
    {"id": "slow", "dimension": "speed", "priority": 1, "title": {"en": "Speed up", "nl": "Sneller"},
     "body": {"en": "Go.", "nl": "Ga."}, "when": "score(speed) < 50 or chosen(many, x)"}
  ],
  "charts": [
    {"id": "bars", "type": "bars", "title": {"en": "Bars", "nl": "Balken"},
     "items": [{"dimension": "speed", "target": "60"}, {"dimension": "care"},
               {"label": {"en": "Gap", "nl": "Kloof"}, "value": "gap_lvl * 10"}]}
  ]
}"#;

/// The model of [`ASSESSMENT`], loaded once per process.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::load(ASSESSMENT)
            .expect("the fixed assessment loads")
            .model
    })
}

/// Scores a few random responses to `model` (and an empty one), builds their reports in every
/// locale, and checks that each survives a share code round trip.
pub fn exercise(model: &Model, seed: u64) {
    let mut rng = Rng::new(seed);
    let mut response = Response::new(model);
    for round in 0..4 {
        if round > 0 {
            model.random_response(&mut rng, &mut response);
        }
        for locale in model.locales() {
            let _ = model.report(&response, &locale);
        }
        // Compared in portable form: `random_response` can leave an allocation's points set
        // under a "don't know", which the share code (rightly) does not carry.
        let code = share::encode(model, &response);
        match share::decode(model, &code) {
            Ok(back) => {
                assert_eq!(
                    back.to_answers(model),
                    response.to_answers(model),
                    "share code {code} decoded differently"
                );
                assert_eq!(
                    share::encode(model, &back),
                    code,
                    "a second code for one response"
                );
            }
            Err(e) => panic!("share code {code} of a valid response was refused: {e}"),
        }
    }
}

/// A seed from the input, so random responses differ between inputs but not between runs.
pub fn seed(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
