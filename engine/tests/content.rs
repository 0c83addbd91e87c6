//! Pins down the scoring model of the default assessment, the Commercial Excellence Scan
//! (`content/commercial-excellence-scan.json`).
//!
//! Each respondent below has a known character. Every expected number is worked out by hand from
//! the rules in `docs/scoring.md`, and the arithmetic is written next to the assertion, so a
//! change to the content that moves a score has to move the documentation with it.
//!
//! Reminders of the rules used throughout (see `docs/scoring.md` for the full text):
//! - an allocation scores `10 × average points` for its discipline (`earned = points / 10` of 1);
//! - likert, bipolar and level answers score their position `(answer − low) / (high − low)`;
//! - a dimension is `100 × Σearned / Σpossible` over answered questions, and is shown only when
//!   at least half of its weight was answered (coverage ≥ 0.5);
//! - bipolar cells: orientation = `25 × (step − 1)` (0 = OE pole, 100 = CI pole);
//!   fit = `100 − |orientation − ref|` with `ref` 0 when OE leads CI by ≥ 10, 100 when CI leads OE
//!   by ≥ 10 (and product leadership does not clearly lead); a cell pulls against the discipline
//!   when its fit is below 50 and it is not a deliberate exception.

use serde_json::{json, Map, Value as Json};
use sextant_engine::expr::Value;
use sextant_engine::{Model, Response, Scores};

const CONTENT: &str = include_str!("../../content/commercial-excellence-scan.json");

const ALLOCATIONS: [&str; 6] = [
    "a_win",
    "a_praise",
    "a_measure",
    "a_special",
    "a_euro",
    "a_reward",
];
const FUNCTIONS: [&str; 3] = ["mkt", "am", "cs"];
const ELEMENTS: [&str; 4] = ["proc", "org", "sys", "ppl"];
const VISION: [&str; 9] = [
    "v_central",
    "v_complement",
    "v_commit",
    "v_built",
    "v_leaders",
    "v_champion",
    "v_resources",
    "v_staff",
    "v_account",
];

fn model() -> Model {
    Model::load(CONTENT)
        .expect("the default assessment loads")
        .model
}

/// Answers under construction, keyed by question id.
#[derive(Default, Clone)]
struct Answers(Map<String, Json>);

impl Answers {
    fn set(mut self, question: &str, answer: Json) -> Self {
        self.0.insert(question.to_owned(), answer);
        self
    }

    fn dont_know(self, questions: &[&str]) -> Self {
        questions
            .iter()
            .fold(self, |a, q| a.set(q, json!("dont_know")))
    }

    /// The six allocation questions, each as `[oe, ci, pl]` points (10 in all).
    fn allocations(self, rows: [[u32; 3]; 6]) -> Self {
        ALLOCATIONS
            .iter()
            .zip(rows)
            .fold(self, |a, (q, [oe, ci, pl])| {
                a.set(q, json!({"oe": oe, "ci": ci, "pl": pl}))
            })
    }

    /// The three threshold items (1–5) and the explicit-choice level (1–5).
    fn thresholds(self, oe: u32, ci: u32, pl: u32, focus: u32) -> Self {
        self.set("t_oe", json!(oe))
            .set("t_ci", json!(ci))
            .set("t_pl", json!(pl))
            .set("m_focus", json!({"current": focus}))
    }

    /// The twelve bipolar cells, one row per function (marketing, account management, customer
    /// service) in the order processes, organisation, systems, people. Steps 1–5; 0 leaves the
    /// cell unanswered.
    fn grid(self, rows: [[u32; 4]; 3]) -> Self {
        let mut a = self;
        for (f, row) in FUNCTIONS.iter().zip(rows) {
            for (e, step) in ELEMENTS.iter().zip(row) {
                if step > 0 {
                    a = a.set(&format!("{f}_{e}"), json!(step));
                }
            }
        }
        a
    }

    /// The nine channel-vision level questions as `(current, desired)`; `(0, 0)` leaves one out.
    fn vision(self, levels: [(u32, u32); 9]) -> Self {
        let mut a = self;
        for (q, (current, desired)) in VISION.iter().zip(levels) {
            if current > 0 {
                a = a.set(q, json!({"current": current, "desired": desired}));
            }
        }
        a
    }

    fn json(&self) -> String {
        Json::Object(self.0.clone()).to_string()
    }
}

/// A scored respondent, with lookups by id.
struct Scored {
    model: Model,
    response: Response,
    scores: Scores,
}

fn score(answers: &Answers) -> Scored {
    let model = model();
    let response = Response::from_json(&model, &answers.json()).expect("valid answers");
    let scores = model.score(&response);
    Scored {
        model,
        response,
        scores,
    }
}

impl Scored {
    fn dim(&self, id: &str) -> Option<f64> {
        let d = self
            .model
            .dimension_index(id)
            .unwrap_or_else(|| panic!("no dimension {id}"));
        self.scores.score[d]
    }

    fn coverage(&self, id: &str) -> f64 {
        self.scores.coverage[self.model.dimension_index(id).unwrap()]
    }

    fn computed(&self, id: &str) -> Value {
        let i = self
            .model
            .assessment
            .computed
            .iter()
            .position(|c| c.id == id)
            .unwrap_or_else(|| panic!("no computed value {id}"));
        self.scores.computed[i]
    }

    fn num(&self, id: &str) -> Option<f64> {
        match self.computed(id) {
            Value::Num(n) => Some(n),
            Value::Null => None,
            other => panic!("computed value {id} is not a number: {other:?}"),
        }
    }

    fn flag(&self, id: &str) -> Option<bool> {
        match self.computed(id) {
            Value::Bool(b) => Some(b),
            Value::Null => None,
            other => panic!("computed value {id} is not a boolean: {other:?}"),
        }
    }

    fn profiles(&self) -> Vec<&str> {
        self.model
            .assessment
            .profiles
            .iter()
            .zip(&self.scores.profiles)
            .filter(|(_, &on)| on)
            .map(|(p, _)| p.id.as_str())
            .collect()
    }

    fn recommendations(&self) -> Vec<&str> {
        self.scores
            .recommendations
            .iter()
            .map(|&r| {
                self.model.assessment.recommendations[r as usize]
                    .id
                    .as_str()
            })
            .collect()
    }
}

#[track_caller]
fn close(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => assert!((a - expected).abs() < 1e-9, "expected {expected}, got {a}"),
        None => panic!("expected {expected}, got no value"),
    }
}

// ------------------------------------------------------------------------------------------
// The file itself
// ------------------------------------------------------------------------------------------

#[test]
fn loads_with_zero_warnings() {
    let loaded = Model::load(CONTENT).expect("the default assessment loads");
    assert!(
        loaded.warnings.is_empty(),
        "warnings: {:#?}",
        loaded.warnings
    );
    let a = &loaded.model.assessment;
    assert_eq!(a.id, "commercial-excellence-scan");
    assert_eq!(a.version, "1.0.0");
    assert_eq!(a.default_locale, "nl");
    assert_eq!(a.locales, ["nl", "en"]);
    assert_eq!(a.minutes, Some(10));
}

#[test]
fn has_the_documented_shape() {
    let m = model();
    let a = &m.assessment;
    // 42 questions always shown, plus the function follow-up (1) and the calculator (6).
    assert_eq!(m.question_count(), 49);
    assert_eq!(a.sections.len(), 11);
    assert_eq!(a.dimensions.len(), 29);
    assert_eq!(a.profiles.len(), 19);
    assert_eq!(a.recommendations.len(), 24);
    let always = a
        .sections
        .iter()
        .filter(|s| s.show_if.is_none())
        .flat_map(|s| &s.questions)
        .filter(|q| q.show_if.is_none())
        .count();
    assert_eq!(always, 42);
    for s in &a.sections {
        assert!(s.intro.is_some(), "section {} has no intro", s.id);
        for q in &s.questions {
            if !q.weights.is_empty() {
                assert!(
                    q.dont_know,
                    "scored question {} must offer don't know",
                    q.id
                );
            }
        }
    }
    for r in &a.recommendations {
        assert!(r.priority >= 1, "{}", r.id);
    }
}

/// Every localized text has a non-empty Dutch and English version, and a longer text is not the
/// same in both (which would mean one of them was never translated).
#[test]
fn every_text_exists_in_dutch_and_english() {
    let loaded = Model::load(CONTENT).unwrap();
    assert!(!loaded
        .warnings
        .iter()
        .any(|w| w.code == "text.missing_locale"));
    let tree = serde_json::to_value(&loaded.model.assessment).unwrap();
    let mut texts = 0;
    walk_texts(&tree, "", &mut |path, map| {
        texts += 1;
        let nl = map.get("nl").and_then(Json::as_str).unwrap_or("");
        let en = map.get("en").and_then(Json::as_str).unwrap_or("");
        assert!(!nl.trim().is_empty(), "{path}: no Dutch text");
        assert!(!en.trim().is_empty(), "{path}: no English text");
        if nl.chars().count() >= 25 {
            assert_ne!(nl, en, "{path}: Dutch and English are identical");
        }
    });
    assert!(texts > 400, "only {texts} localized texts found");
}

fn walk_texts(v: &Json, path: &str, f: &mut dyn FnMut(&str, &Map<String, Json>)) {
    match v {
        Json::Object(map) => {
            let is_text = !map.is_empty()
                && map.values().all(Json::is_string)
                && map.keys().all(|k| k == "nl" || k == "en");
            if is_text {
                f(path, map);
            } else {
                for (k, x) in map {
                    walk_texts(x, &format!("{path}.{k}"), f);
                }
            }
        }
        Json::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                walk_texts(x, &format!("{path}[{i}]"), f);
            }
        }
        _ => {}
    }
}

/// Every question view and every part of a full report resolves to a non-empty text in both
/// locales.
#[test]
fn views_and_reports_resolve_in_both_locales() {
    for respondent in [
        oe_firm_promising_anything(),
        pure_oe_aligned(),
        product_leader(),
    ] {
        let s = score(&respondent);
        for locale in ["nl", "en"] {
            for qi in 0..s.model.question_count() {
                let view = s.model.question_view(&s.response, qi, locale);
                assert!(!view.text.trim().is_empty(), "{}", view.id);
                for c in &view.choices {
                    assert!(!c.label.trim().is_empty(), "{}", view.id);
                    if let Some(d) = &c.description {
                        assert!(!d.trim().is_empty(), "{}", view.id);
                    }
                }
                if let Some((l, r)) = &view.poles {
                    assert!(!l.trim().is_empty() && !r.trim().is_empty(), "{}", view.id);
                }
            }
            let report = s.model.report(&s.response, locale);
            assert!(!report.title.is_empty());
            assert!(report.headline.as_deref().is_some_and(|h| !h.is_empty()));
            for d in &report.dimensions {
                assert!(!d.label.is_empty(), "{}", d.id);
                if let Some(b) = &d.band {
                    assert!(!b.label.is_empty(), "{}", d.id);
                }
            }
            for p in &report.profiles {
                assert!(!p.label.is_empty() && !p.headline.is_empty(), "{}", p.id);
            }
            for r in &report.recommendations {
                assert!(!r.title.is_empty() && !r.body.is_empty(), "{}", r.id);
                assert!(!r.dimension_label.is_empty(), "{}", r.id);
            }
            for c in &report.computed {
                assert!(!c.label.is_empty(), "{}", c.id);
            }
            for c in &report.charts {
                assert!(!c.title.is_empty(), "{}", c.id);
                for item in &c.items {
                    assert!(!item.label.is_empty(), "{}", c.id);
                }
                assert!(c.rows.iter().chain(&c.columns).all(|t| !t.is_empty()));
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// Respondents with a known character
// ------------------------------------------------------------------------------------------

/// 1. A pure operational-excellence firm, aligned everywhere, whose only open point is the
///    channel champion.
fn pure_oe_aligned() -> Answers {
    Answers::default()
        .allocations([
            [8, 1, 1],
            [7, 2, 1],
            [8, 1, 1],
            [9, 1, 0],
            [7, 1, 2],
            [9, 0, 1],
        ])
        .thresholds(5, 3, 3, 5)
        .grid([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]])
        .set("split", json!("one"))
        .set("cx", json!("same"))
        .set("p_clarity", json!({"current": 5}))
        .set("p_where", json!("core"))
        .set("p_own", json!(5))
        .set("p_effort", json!(4))
        .set("p_ftr", json!(5))
        .set("p_kept", json!(5))
        .set("p_loyal", json!(4))
        .set("p_cac", json!(4))
        .set("calc", json!("no"))
        .vision([
            (4, 5),
            (4, 5),
            (4, 5),
            (4, 5),
            (4, 5),
            (3, 5),
            (4, 5),
            (4, 5),
            (4, 5),
        ])
}

#[test]
fn a_pure_oe_firm_aligned_everywhere() {
    let s = score(&pure_oe_aligned());
    // OE points 8+7+8+9+7+9 = 48 → 10 × 48/6 = 80; CI 1+2+1+1+1+0 = 6 → 10; PL 1+1+1+0+2+1 = 6 → 10.
    close(s.dim("oe"), 80.0);
    close(s.dim("ci"), 10.0);
    close(s.dim("pl"), 10.0);
    // Thresholds: (5−1)/4 = 100, (3−1)/4 = 50, 50. Explicit choice: (5−1)/4 = 100.
    close(s.dim("thr_oe"), 100.0);
    close(s.dim("thr_ci"), 50.0);
    close(s.dim("thr_pl"), 50.0);
    close(s.dim("focus"), 100.0);
    // margin = 80 − median(80, 10, 10) = 70; third gap = 10 − 10 = 0; OE − CI = 70 ≥ 10 → ref 0.
    close(s.num("margin"), 70.0);
    close(s.num("third_gap"), 0.0);
    assert_eq!(s.flag("align_oe"), Some(true));
    close(s.num("ref"), 0.0);
    // Every cell at step 1: orientation 0, fit 100 − |0 − 0| = 100.
    for f in FUNCTIONS {
        close(s.dim(&format!("f_{f}")), 0.0);
        for e in ELEMENTS {
            close(s.num(&format!("fit_{f}_{e}")), 100.0);
        }
    }
    close(s.num("mis_count"), 0.0);
    close(s.num("fit_avg"), 100.0);
    // Promise defined: level 5 → 1 of 1, "core" → 1 of 1 → 100. Owned: agree 5 → 1, effort 4 → 1 → 100.
    // Kept: 5 → 1, 5 → 1, 4 → 0.75 → 100 × 2.75/3 = 91.666…; cost known 4 → 1 → 100.
    close(s.dim("promise_defined"), 100.0);
    close(s.dim("promise_owned"), 100.0);
    close(s.dim("promise_kept"), 275.0 / 3.0);
    close(s.dim("waste_insight"), 100.0);
    // Calculator not asked: no estimate.
    assert_eq!(s.num("waste"), None);
    // Vision: eight topics at level 4 (0.75) and the champion at 3 (0.5):
    // maturity 100 × (8 × 0.75 + 0.5)/9 = 650/9 = 72.2… → band l4, level round(1 + 72.2/25) = 4.
    // Vision content 4 × 0.75/4 = 75; in practice (4 × 0.75 + 0.5)/5 = 70.
    close(s.dim("mc_maturity"), 650.0 / 9.0);
    close(s.dim("mc_vision"), 75.0);
    close(s.dim("mc_realisation"), 70.0);
    close(s.num("mc_level"), 4.0);
    // Gaps: 1 everywhere, 2 for the champion → largest gap 2.
    close(s.num("max_gap"), 2.0);
    assert_eq!(
        s.profiles(),
        [
            "oe-aligned",
            "oe-leads",
            "clear-choice",
            "channel-integrated"
        ]
    );
    // Only the champion: current 3 > 2, but its gap 2 is the largest gap and ≥ 2.
    assert_eq!(s.recommendations(), ["mc-champion"]);
    let report = s.model.report(&s.response, "en");
    assert_eq!(
        report.headline.as_deref(),
        Some(
            "You clearly choose operational excellence, and marketing and sales work accordingly."
        )
    );
    let maturity = &report.dimensions[s.model.dimension_index("mc_maturity").unwrap()];
    assert_eq!(maturity.band.as_ref().unwrap().id, "l4");
    assert_eq!(maturity.display.as_deref(), Some("72"));
    // The fit grid is shown; the orientation grid is not.
    let charts: Vec<&str> = report.charts.iter().map(|c| c.id.as_str()).collect();
    assert!(charts.contains(&"alignment-fit") && !charts.contains(&"alignment-orientation"));
    assert!(!charts.contains(&"broken-promise-cost"));
    let radar = report
        .charts
        .iter()
        .find(|c| c.id == "channel-radar")
        .unwrap();
    // Champion axis: now (3 − 1) × 25 = 50, desired (5 − 1) × 25 = 100.
    assert_eq!(radar.items[5].value, Some(50.0));
    assert_eq!(radar.items[5].target, Some(100.0));
}

/// 2. An operational-excellence firm whose account managers promise anything, with the cost
///    calculator filled in.
fn oe_firm_promising_anything() -> Answers {
    Answers::default()
        .allocations([
            [6, 3, 1],
            [6, 2, 2],
            [7, 2, 1],
            [5, 4, 1],
            [7, 2, 1],
            [5, 3, 2],
        ])
        .thresholds(4, 3, 3, 4)
        .grid([[1, 1, 1, 1], [5, 5, 4, 4], [2, 2, 1, 2]])
        .set("split", json!("one"))
        .set("cx", json!("same"))
        .set("p_clarity", json!({"current": 3}))
        .set("p_where", json!("sales"))
        .set("p_own", json!(2))
        .set("p_effort", json!(2))
        .set("p_ftr", json!(3))
        .set("p_kept", json!(2))
        .set("p_loyal", json!(2))
        .set("p_cac", json!(2))
        .set("calc", json!("yes"))
        .set("c_new", json!(200))
        .set("c_cac", json!(2500))
        .set("c_lost", json!(15))
        .set("c_complaints", json!(300))
        .set("c_hours", json!(6))
        .set("c_rate", json!(75))
        .vision([(3, 4); 9])
}

#[test]
fn an_oe_firm_whose_account_managers_promise_anything() {
    let s = score(&oe_firm_promising_anything());
    // OE 6+6+7+5+7+5 = 36 → 60; CI 3+2+2+4+2+3 = 16 → 26.666…; PL 1+2+1+1+1+2 = 8 → 13.333….
    close(s.dim("oe"), 60.0);
    close(s.dim("ci"), 160.0 / 6.0);
    close(s.dim("pl"), 80.0 / 6.0);
    // e_ci rounds to 26.666667: margin = 60 − 26.666667 = 33.333333; OE − CI = 33.333333 ≥ 10.
    close(s.num("margin"), 33.333333);
    close(s.num("third_gap"), 13.333334);
    assert_eq!(s.flag("align_oe"), Some(true));
    // Account management steps 5, 5, 4, 4 → orientation 100, 100, 75, 75 → fit 0, 0, 25, 25.
    close(s.num("fit_am_proc"), 0.0);
    close(s.num("fit_am_org"), 0.0);
    close(s.num("fit_am_sys"), 25.0);
    close(s.num("fit_am_ppl"), 25.0);
    // Customer service steps 2, 2, 1, 2 → orientation 25, 25, 0, 25 → fit 75, 75, 100, 75.
    close(s.num("fit_cs_proc"), 75.0);
    close(s.num("fit_cs_sys"), 100.0);
    // Function orientation: AM (1 + 1 + 0.75 + 0.75)/4 = 87.5; CS (0.25 × 3 + 0)/4 = 18.75; marketing 0.
    close(s.dim("f_am"), 87.5);
    close(s.dim("f_cs"), 18.75);
    close(s.dim("f_mkt"), 0.0);
    close(s.dim("o_am_proc"), 100.0);
    // All four AM cells are below 50 → 4 cells pull against OE; average fit (400 + 50 + 325)/12.
    close(s.num("mis_am"), 4.0);
    close(s.num("mis_count"), 4.0);
    close(s.num("fit_avg"), 775.0 / 12.0);
    // Promise defined: level 3 → 0.5, "sales" → 0 → 100 × 0.5/2 = 25.
    // Owned: agree 2 → 0.25, effort 2 → 1/3 → 100 × (0.25 + 1/3)/2 = 29.1666….
    // Kept: 3 → 0.5, 2 → 0.25, 2 → 0.25 → 100 × 1/3 = 33.333…; cost known 2 → 1/3 → 33.333….
    close(s.dim("promise_defined"), 25.0);
    close(s.dim("promise_owned"), 100.0 * (0.25 + 1.0 / 3.0) / 2.0);
    close(s.dim("promise_kept"), 100.0 / 3.0);
    close(s.dim("waste_insight"), 100.0 / 3.0);
    // Waste: 200 × 2500 × 15/100 = 75 000 lost; 300 × 6 × 75 = 135 000 repair; 210 000 in all.
    close(s.num("waste_lost"), 75_000.0);
    close(s.num("waste_repair"), 135_000.0);
    close(s.num("waste"), 210_000.0);
    // Vision: all at 3 (0.5) → 50, band l3, level round(1 + 2) = 3; gaps all 1.
    close(s.dim("mc_maturity"), 50.0);
    close(s.num("mc_level"), 3.0);
    close(s.num("max_gap"), 1.0);
    assert_eq!(
        s.profiles(),
        ["oe-pull", "oe-leads", "clear-choice", "promise-debt"]
    );
    // Priority 1: promise-gap (kept 33.3 < 50). Priority 2, file order: fn-am (4 cells),
    // step 1 (level 3 ≤ 3), step 3 (agree 2 ≤ 3). Priority 3: step 2 ("sales"), step 4
    // (effort 2 ≤ 2), cost unknown (2 ≤ 2). No channel advice: no level ≤ 2 and no gap ≥ 2.
    assert_eq!(
        s.recommendations(),
        [
            "promise-gap",
            "fn-am",
            "step1-define",
            "step3-steep",
            "step2-core",
            "step4-effort",
            "cac-unknown"
        ]
    );
    let report = s.model.report(&s.response, "en");
    assert_eq!(report.headline.as_deref(), Some(
        "You compete on reliability and price, but parts of marketing and sales work as if you sold tailoring; that way you promise customers more than the organisation delivers."
    ));
    let estimate = report
        .charts
        .iter()
        .find(|c| c.id == "broken-promise-cost")
        .expect("the estimate is shown when the calculator was used");
    assert_eq!(estimate.items[0].value, Some(210_000.0));
    assert!(estimate
        .formula
        .as_deref()
        .is_some_and(|f| f.contains("complaints a year")));
    assert_eq!(estimate.unit.as_deref(), Some("€"));
    let waste = report.computed.iter().find(|c| c.id == "waste").unwrap();
    assert_eq!(
        waste.display, "€\u{a0}210,000",
        "as the estimate chart shows it"
    );
    // The recommendation names the answers behind it: the four account-management cells.
    let fn_am = report
        .recommendations
        .iter()
        .find(|r| r.id == "fn-am")
        .unwrap();
    for cell in ["am_proc", "am_org", "am_sys", "am_ppl"] {
        assert!(fn_am.answers.iter().any(|a| a.question == cell), "{cell}");
    }
    // The grid: account-management row all judged, none exempt.
    let grid = report
        .charts
        .iter()
        .find(|c| c.id == "alignment-fit")
        .unwrap();
    let am_row: Vec<Option<f64>> = grid.items[4..8].iter().map(|i| i.value).collect();
    assert_eq!(am_row, [Some(0.0), Some(0.0), Some(25.0), Some(25.0)]);
    assert!(grid.items.iter().all(|i| !i.exempt));
}

/// 2b. The same firm, but account management deliberately works the customer-intimacy way
///     (a department split): its row is an exception, not a misalignment.
#[test]
fn a_deliberate_department_split_is_not_misalignment() {
    let s = score(
        &oe_firm_promising_anything()
            .set("split", json!("dept"))
            .set("split_fn", json!(["am"])),
    );
    // Fits are unchanged (fit_am_proc still 0), but the AM cells are exempt: judged fits are
    // null, so mis_am = 0, and the average runs over the 8 other cells: (400 + 325)/8 = 90.625.
    close(s.num("fit_am_proc"), 0.0);
    assert_eq!(s.num("jfit_am_proc"), None);
    close(s.num("mis_am"), 0.0);
    close(s.num("mis_count"), 0.0);
    close(s.num("fit_avg"), 90.625);
    assert_eq!(s.flag("split_deliberate"), Some(true));
    assert_eq!(
        s.profiles(),
        [
            "oe-aligned",
            "oe-leads",
            "clear-choice",
            "deliberate-split",
            "promise-debt"
        ]
    );
    // fn-am is gone; the rest is as for respondent 2.
    assert_eq!(
        s.recommendations(),
        [
            "promise-gap",
            "step1-define",
            "step3-steep",
            "step2-core",
            "step4-effort",
            "cac-unknown"
        ]
    );
    let report = s.model.report(&s.response, "en");
    let grid = report
        .charts
        .iter()
        .find(|c| c.id == "alignment-fit")
        .unwrap();
    let exempt: Vec<bool> = grid.items.iter().map(|i| i.exempt).collect();
    assert_eq!(
        exempt,
        [false, false, false, false, true, true, true, true, false, false, false, false]
    );
}

/// 3. A customer-intimacy firm whose order systems still enforce the standard, and whose custom
///    work customers do not see.
fn ci_firm() -> Answers {
    Answers::default()
        .allocations([
            [2, 7, 1],
            [1, 8, 1],
            [2, 6, 2],
            [0, 9, 1],
            [2, 6, 2],
            [1, 7, 2],
        ])
        .thresholds(3, 5, 4, 4)
        .grid([[5, 4, 4, 5], [5, 5, 5, 5], [4, 5, 2, 4]])
        .set("split", json!("one"))
        .set("cx", json!("hidden"))
        .set("p_clarity", json!({"current": 4}))
        .set("p_where", json!("core"))
        .set("p_own", json!(4))
        .set("p_effort", json!(3))
        .set("p_ftr", json!(4))
        .set("p_kept", json!(4))
        .set("p_loyal", json!(5))
        .set("p_cac", json!(3))
        .set("calc", json!("no"))
}

#[test]
fn a_customer_intimacy_firm() {
    let s = score(&ci_firm());
    // OE 2+1+2+0+2+1 = 8 → 13.333…; CI 7+8+6+9+6+7 = 43 → 71.666…; PL 1+1+2+1+2+2 = 9 → 15.
    close(s.dim("oe"), 80.0 / 6.0);
    close(s.dim("ci"), 430.0 / 6.0);
    close(s.dim("pl"), 15.0);
    // margin = 71.666667 − 15 = 56.666667; OE − CI = −58.333333 ≤ −10 → ref 100.
    close(s.num("margin"), 56.666667);
    assert_eq!(s.flag("align_oe"), Some(false));
    assert_eq!(s.flag("align_ci"), Some(true));
    close(s.num("ref"), 100.0);
    // With CI leading, fit = orientation: marketing 100, 75, 75, 100; AM 100 × 4;
    // customer service 75, 100, 25, 75 → only the order systems pull against CI.
    close(s.num("fit_mkt_org"), 75.0);
    close(s.num("fit_cs_sys"), 25.0);
    close(s.num("mis_mkt"), 0.0);
    close(s.num("mis_cs"), 1.0);
    close(s.num("mis_count"), 1.0);
    // (350 + 400 + 275)/12 = 1025/12.
    close(s.num("fit_avg"), 1025.0 / 12.0);
    close(s.dim("f_cs"), 68.75);
    // Promise defined: 0.75 + 1 → 87.5; owned: 0.75 + 2/3 → 70.8333…; kept: 0.75 + 0.75 + 1 → 83.333….
    close(s.dim("promise_defined"), 87.5);
    close(s.dim("promise_owned"), 100.0 * (0.75 + 2.0 / 3.0) / 2.0);
    close(s.dim("promise_kept"), 250.0 / 3.0);
    // Channel questions left out: no maturity, no level, no gap.
    assert_eq!(s.dim("mc_maturity"), None);
    assert_eq!(s.num("mc_level"), None);
    assert_eq!(s.num("max_gap"), None);
    assert_eq!(
        s.profiles(),
        ["ci-pull", "ci-leads", "clear-choice", "cx-hidden"]
    );
    // fn-cs (priority 2), cx-hidden (priority 3). Step 4 does not fire: effort 3 with agree 4.
    assert_eq!(s.recommendations(), ["fn-cs", "cx-hidden"]);
}

/// 4. A firm that leads in two disciplines (OE and CI), split deliberately by customer segment,
///    like a bank with private clients.
fn leads_in_two_by_segment() -> Answers {
    Answers::default()
        .allocations([
            [5, 4, 1],
            [4, 5, 1],
            [5, 4, 1],
            [4, 5, 1],
            [5, 4, 1],
            [4, 4, 2],
        ])
        .thresholds(4, 4, 3, 3)
        .grid([[2, 2, 2, 2], [4, 4, 4, 4], [2, 1, 2, 1]])
        .set("split", json!("segment"))
        .set("cx", json!("same"))
}

#[test]
fn a_firm_that_leads_in_two_disciplines() {
    let s = score(&leads_in_two_by_segment());
    // OE 5+4+5+4+5+4 = 27 → 45; CI 4+5+4+5+4+4 = 26 → 43.333…; PL 7 → 11.666….
    close(s.dim("oe"), 45.0);
    close(s.dim("ci"), 260.0 / 6.0);
    close(s.dim("pl"), 70.0 / 6.0);
    // margin 45 − 43.333333 = 1.666667 < 10; third gap 43.333333 − 11.666667 = 31.666666 ≥ 15;
    // second 43.3 ≥ 35; lowest is PL → "leads in two: OE and CI".
    close(s.num("margin"), 1.666667);
    close(s.num("third_gap"), 31.666666);
    // OE − CI = 1.666667: neither leads the other by 10, so alignment is not judged.
    assert_eq!(s.flag("judged"), Some(false));
    assert_eq!(s.num("ref"), None);
    assert_eq!(s.num("fit_mkt_proc"), None);
    close(s.num("mis_count"), 0.0);
    assert_eq!(s.num("fit_avg"), None);
    // Orientation is still reported: marketing 25, AM 75, CS (25 + 0 + 25 + 0)/4 = 12.5.
    close(s.dim("f_mkt"), 25.0);
    close(s.dim("f_am"), 75.0);
    close(s.dim("f_cs"), 12.5);
    // A segment split exempts every function.
    for f in FUNCTIONS {
        assert_eq!(s.flag(&format!("ex_{f}")), Some(true));
    }
    assert_eq!(s.profiles(), ["two-oe-ci", "deliberate-split"]);
    // Deliberate, so no "make the split explicit"; margin < 10, so no "write down the choice".
    assert_eq!(s.recommendations(), Vec::<&str>::new());
    let report = s.model.report(&s.response, "en");
    let charts: Vec<&str> = report.charts.iter().map(|c| c.id.as_str()).collect();
    assert!(charts.contains(&"alignment-orientation") && !charts.contains(&"alignment-fit"));
    let grid = report
        .charts
        .iter()
        .find(|c| c.id == "alignment-orientation")
        .unwrap();
    assert_eq!(grid.items[8].value, Some(25.0));
    assert_eq!(grid.items[9].value, Some(0.0));
}

/// 4b. Leading in two (OE and PL, PL a nose ahead) without a deliberate split: alignment is still
///     judged against OE, and the split has to be made explicit.
fn leads_in_two_undecided() -> Answers {
    Answers::default()
        .allocations([
            [4, 1, 5],
            [5, 1, 4],
            [4, 2, 4],
            [4, 1, 5],
            [4, 1, 5],
            [5, 1, 4],
        ])
        .thresholds(4, 3, 5, 2)
        .grid([[1, 1, 1, 1], [4, 2, 1, 2], [2, 2, 2, 2]])
        .set("split", json!("grown"))
        .set("cx", json!("same"))
}

#[test]
fn leading_in_two_without_a_deliberate_split() {
    let s = score(&leads_in_two_undecided());
    // OE 4+5+4+4+4+5 = 26 → 43.333…; CI 1+1+2+1+1+1 = 7 → 11.666…; PL 5+4+4+5+5+4 = 27 → 45.
    close(s.dim("oe"), 260.0 / 6.0);
    close(s.dim("ci"), 70.0 / 6.0);
    close(s.dim("pl"), 45.0);
    // margin 45 − 43.333333 = 1.666667; PL is on top but not by 10, so it does not block the
    // judgement; OE − CI = 31.666667 ≥ 10 → judged against OE.
    close(s.num("margin"), 1.666667);
    assert_eq!(s.flag("pl_first"), Some(false));
    assert_eq!(s.flag("align_oe"), Some(true));
    // AM steps 4, 2, 1, 2 → fits 25, 75, 100, 75: one cell pulls against OE.
    close(s.num("fit_am_proc"), 25.0);
    close(s.num("mis_am"), 1.0);
    // (400 + 275 + 300)/12 = 81.25.
    close(s.num("fit_avg"), 81.25);
    assert_eq!(s.profiles(), ["two-oe-pl"]);
    // Both priority 2, in file order.
    assert_eq!(s.recommendations(), ["two-explicit", "fn-am"]);
}

/// 5. A firm with no clear choice.
fn no_clear_choice() -> Answers {
    Answers::default()
        .allocations([
            [4, 3, 3],
            [3, 4, 3],
            [3, 3, 4],
            [4, 3, 3],
            [3, 4, 3],
            [4, 3, 3],
        ])
        .thresholds(3, 3, 3, 2)
        .grid([[3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3]])
        .set("split", json!("one"))
        .set("cx", json!("same"))
}

#[test]
fn a_firm_with_no_clear_choice() {
    let s = score(&no_clear_choice());
    // OE 21 → 35; CI 20 → 33.333…; PL 19 → 31.666….
    close(s.dim("oe"), 35.0);
    close(s.dim("ci"), 200.0 / 6.0);
    close(s.dim("pl"), 190.0 / 6.0);
    // margin 35 − 33.333333 = 1.666667 < 10, third gap 33.333333 − 31.666667 = 1.666666 < 15.
    close(s.num("margin"), 1.666667);
    close(s.num("third_gap"), 1.666666);
    close(s.dim("focus"), 25.0);
    // Every cell in the middle: orientation 50, band "mixed"; not judged (OE − CI < 10).
    close(s.dim("o_cs_ppl"), 50.0);
    assert_eq!(s.flag("judged"), Some(false));
    assert_eq!(s.profiles(), ["no-choice"]);
    assert_eq!(s.recommendations(), ["no-choice"]);
    let report = s.model.report(&s.response, "nl");
    assert_eq!(report.headline.as_deref(), Some(
        "U heeft nog geen duidelijke keuze gemaakt: de drie disciplines liggen dicht bij elkaar, dus klanten en medewerkers weten niet waar u het verschil maakt."
    ));
    let cell = &report.dimensions[s.model.dimension_index("o_cs_ppl").unwrap()];
    assert_eq!(cell.band.as_ref().unwrap().id, "mixed");
}

/// 6. A clear OE firm whose product falls below what customers take for granted, and that has
///    never stated its choice.
fn below_threshold() -> Answers {
    Answers::default()
        .allocations([[7, 2, 1]; 6])
        .thresholds(4, 3, 1, 1)
        .grid([[2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2]])
        .set("split", json!("one"))
        .set("cx", json!("same"))
}

#[test]
fn a_firm_below_threshold_on_one_discipline() {
    let s = score(&below_threshold());
    // 7, 2, 1 six times → 70, 20, 10.
    close(s.dim("oe"), 70.0);
    close(s.dim("ci"), 20.0);
    close(s.dim("pl"), 10.0);
    // Thresholds: (4−1)/4 = 75, (3−1)/4 = 50 (at the threshold, not below), (1−1)/4 = 0.
    close(s.dim("thr_oe"), 75.0);
    close(s.dim("thr_ci"), 50.0);
    close(s.dim("thr_pl"), 0.0);
    close(s.dim("focus"), 0.0);
    // margin 70 − 20 = 50. Every cell at step 2: orientation 25, fit 75 → average exactly 75.
    close(s.num("margin"), 50.0);
    close(s.num("fit_avg"), 75.0);
    close(s.num("mis_count"), 0.0);
    assert_eq!(s.profiles(), ["oe-aligned", "oe-leads", "clear-choice"]);
    // thr-pl (priority 1); focus-explicit (priority 3): margin 50 ≥ 10 with level 1 ≤ 2.
    assert_eq!(s.recommendations(), ["thr-pl", "focus-explicit"]);
    let report = s.model.report(&s.response, "en");
    let bars = report
        .charts
        .iter()
        .find(|c| c.id == "threshold-check")
        .unwrap();
    assert_eq!(bars.items[2].value, Some(0.0));
    assert_eq!(bars.items[2].target, Some(50.0));
    let pl = &report.dimensions[s.model.dimension_index("thr_pl").unwrap()];
    assert_eq!(pl.band.as_ref().unwrap().id, "below");
}

/// 7. A firm leaning towards OE whose channels are silos with nobody in charge of the whole.
fn channel_silos() -> Answers {
    Answers::default()
        .allocations([
            [5, 3, 2],
            [5, 3, 2],
            [5, 3, 2],
            [4, 4, 2],
            [5, 3, 2],
            [5, 3, 2],
        ])
        .thresholds(3, 3, 3, 3)
        .vision([
            (1, 3),
            (2, 3),
            (3, 4),
            (1, 2),
            (2, 3),
            (1, 3),
            (3, 5),
            (3, 4),
            (3, 4),
        ])
}

#[test]
fn a_channel_silo_firm_with_no_champion() {
    let s = score(&channel_silos());
    // OE 29 → 48.333…; CI 19 → 31.666…; PL 12 → 20.
    close(s.dim("oe"), 290.0 / 6.0);
    close(s.dim("ci"), 190.0 / 6.0);
    close(s.dim("pl"), 20.0);
    // margin 48.333333 − 31.666667 = 16.666666 → between 10 and 20: "leaning".
    close(s.num("margin"), 16.666666);
    // No grid answers: alignment is judged (OE leads CI by 16.7) but every fit is unknown.
    assert_eq!(s.flag("judged"), Some(true));
    assert_eq!(s.num("fit_avg"), None);
    close(s.num("mis_count"), 0.0);
    // Positions (level − 1)/4: 0, .25, .5, 0, .25, 0, .5, .5, .5 → 2.5/9 → 27.77… → band l2.
    close(s.dim("mc_maturity"), 250.0 / 9.0);
    // Vision content: (0 + .25 + .5 + 0)/4 = 18.75; in practice (.25 + 0 + .5 + .5 + .5)/5 = 35.
    close(s.dim("mc_vision"), 18.75);
    close(s.dim("mc_realisation"), 35.0);
    // Level round(1 + 27.78/25) = round(2.11) = 2. Gaps 2, 1, 1, 1, 1, 2, 2, 1, 1 → largest 2.
    close(s.num("mc_level"), 2.0);
    close(s.num("max_gap"), 2.0);
    assert_eq!(s.profiles(), ["oe-leads", "leaning", "channel-silos"]);
    // mc-vision: central at 1. mc-champion: champion at 1. mc-resources: at 3, but its gap 2 is
    // the largest. mc-people: built at 1. Not commitments (3, gap 1) nor accountability (3, gap 1).
    assert_eq!(
        s.recommendations(),
        ["mc-vision", "mc-champion", "mc-resources", "mc-people"]
    );
    let report = s.model.report(&s.response, "en");
    let maturity = &report.dimensions[s.model.dimension_index("mc_maturity").unwrap()];
    assert_eq!(maturity.band.as_ref().unwrap().id, "l2");
    assert_eq!(
        maturity.band.as_ref().unwrap().label,
        "2 · First connections"
    );
    let level = report.computed.iter().find(|c| c.id == "mc_level").unwrap();
    assert_eq!(level.display, "2\u{a0}of 5");
}

/// 8. A respondent who answers "don't know" to half of the 42 questions they see.
fn half_dont_know() -> Answers {
    Answers::default()
        .set("a_win", json!({"oe": 6, "ci": 2, "pl": 2}))
        .set("a_praise", json!({"oe": 7, "ci": 2, "pl": 1}))
        .set("a_euro", json!({"oe": 5, "ci": 3, "pl": 2}))
        .dont_know(&["a_measure", "a_special", "a_reward"])
        .set("t_oe", json!(4))
        .set("t_ci", json!(4))
        .dont_know(&["t_pl"])
        .set("m_focus", json!({"current": 4}))
        .set("mkt_proc", json!(1))
        .set("mkt_sys", json!(2))
        .dont_know(&["mkt_org", "mkt_ppl"])
        .set("am_proc", json!(4))
        .dont_know(&["am_org", "am_sys", "am_ppl"])
        .set("cs_proc", json!(1))
        .set("cs_org", json!(2))
        .dont_know(&["cs_sys", "cs_ppl", "split", "cx"])
        .set("p_clarity", json!({"current": 2}))
        .set("p_own", json!(2))
        .set("p_ftr", json!(3))
        .set("p_kept", json!(2))
        .dont_know(&["p_where", "p_effort", "p_loyal", "p_cac"])
        .set("calc", json!("no"))
        .set("v_central", json!({"current": 2, "desired": 4}))
        .set("v_commit", json!({"current": 3, "desired": 4}))
        .set("v_champion", json!({"current": 3, "desired": 3}))
        .set("v_staff", json!({"current": 4, "desired": 4}))
        .dont_know(&[
            "v_complement",
            "v_built",
            "v_leaders",
            "v_resources",
            "v_account",
        ])
}

#[test]
fn a_respondent_who_answers_dont_know_to_half() {
    let answers = half_dont_know();
    // 20 answers and 22 "don't know" over the 42 questions shown.
    assert_eq!(answers.0.len(), 42);
    assert_eq!(
        answers
            .0
            .values()
            .filter(|v| v.as_str() == Some("dont_know"))
            .count(),
        22
    );
    let s = score(&answers);
    // Three of six allocations answered: coverage 3/6 = 0.5, just enough.
    // OE (6 + 7 + 5)/3 = 6 → 60; CI 7/3 → 23.333…; PL 5/3 → 16.666….
    assert_eq!(s.coverage("oe"), 0.5);
    close(s.dim("oe"), 60.0);
    close(s.dim("ci"), 70.0 / 3.0);
    close(s.dim("pl"), 50.0 / 3.0);
    close(s.num("margin"), 36.666667);
    // PL threshold unknown: its only item is "don't know" → coverage 0 → no score.
    assert_eq!(s.dim("thr_pl"), None);
    close(s.dim("thr_oe"), 75.0);
    // Cells: marketing processes step 1 → fit 100, systems step 2 → 75; AM processes step 4 →
    // fit 25 (pulls against OE); CS processes 1 → 100, organisation 2 → 75. Others unknown.
    close(s.num("fit_am_proc"), 25.0);
    assert_eq!(s.num("fit_am_org"), None);
    close(s.num("mis_count"), 1.0);
    // Average over the five known cells: (100 + 75 + 25 + 100 + 75)/5 = 75.
    close(s.num("fit_avg"), 75.0);
    // Marketing as a whole: 2 of 4 answered (coverage 0.5) → (0 + 0.25)/2 = 12.5.
    // Account management as a whole: 1 of 4 (coverage 0.25) → insufficient.
    close(s.dim("f_mkt"), 12.5);
    assert_eq!(s.dim("f_am"), None);
    assert_eq!(s.coverage("f_am"), 0.25);
    // Promise defined: level 2 → 0.25 of 1, "where" unknown → coverage 0.5 → 25.
    // Owned: agree 2 → 0.25, effort unknown → 25. Kept: 0.5 + 0.25 of 2 (coverage 2/3) → 37.5.
    // Cost known: unknown → no score.
    close(s.dim("promise_defined"), 25.0);
    close(s.dim("promise_owned"), 25.0);
    close(s.dim("promise_kept"), 37.5);
    assert_eq!(s.dim("waste_insight"), None);
    // Vision content: central 2 (0.25), commitments 3 (0.5), 2 of 4 → 37.5. In practice: 2 of 5
    // (coverage 0.4) → none. Maturity: 4 of 9 (coverage 0.44) → none, so no level.
    close(s.dim("mc_vision"), 37.5);
    assert_eq!(s.dim("mc_realisation"), None);
    assert_eq!(s.dim("mc_maturity"), None);
    assert_eq!(s.num("mc_level"), None);
    // Gaps known: 2, 1, 0, 0 → 2.
    close(s.num("max_gap"), 2.0);
    assert_eq!(
        s.profiles(),
        ["oe-pull", "oe-leads", "clear-choice", "promise-debt"]
    );
    // promise-gap (1); fn-am, step 1 (level 2), step 3 (agree 2), mc-vision (central 2) (all 2).
    // Step 4 stays silent: its answer is unknown, and an unknown condition is not met.
    assert_eq!(
        s.recommendations(),
        [
            "promise-gap",
            "fn-am",
            "step1-define",
            "step3-steep",
            "mc-vision"
        ]
    );
    let report = s.model.report(&s.response, "en");
    let am = &report.dimensions[s.model.dimension_index("f_am").unwrap()];
    assert_eq!(am.display, None);
}

/// 9. A product leader: the grid shows orientation without a verdict.
fn product_leader() -> Answers {
    Answers::default()
        .allocations([
            [2, 1, 7],
            [2, 1, 7],
            [2, 1, 7],
            [1, 2, 7],
            [2, 1, 7],
            [2, 1, 7],
        ])
        .thresholds(2, 3, 5, 5)
        .grid([[4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4]])
        .set("split", json!("one"))
        .set("cx", json!("tailored"))
}

#[test]
fn a_product_leader_gets_orientation_without_a_verdict() {
    let s = score(&product_leader());
    // OE 11 → 18.333…; CI 7 → 11.666…; PL 42 → 70.
    close(s.dim("oe"), 110.0 / 6.0);
    close(s.dim("ci"), 70.0 / 6.0);
    close(s.dim("pl"), 70.0);
    // margin 70 − 18.333333 = 51.666667 ≥ 10 with PL on top → pl_first; nothing is judged.
    close(s.num("margin"), 51.666667);
    assert_eq!(s.flag("pl_first"), Some(true));
    assert_eq!(s.flag("judged"), Some(false));
    assert_eq!(s.num("fit_avg"), None);
    close(s.dim("f_am"), 75.0);
    close(s.dim("thr_oe"), 25.0);
    assert_eq!(s.profiles(), ["pl-leads", "clear-choice", "cx-tailored"]);
    // thr-oe (1), cx-tailored (3), pl-orientation (4).
    assert_eq!(
        s.recommendations(),
        ["thr-oe", "cx-tailored", "pl-orientation"]
    );
    let report = s.model.report(&s.response, "en");
    let charts: Vec<&str> = report.charts.iter().map(|c| c.id.as_str()).collect();
    assert!(charts.contains(&"alignment-orientation") && !charts.contains(&"alignment-fit"));
}

/// 10. A customer-intimacy firm aligned everywhere, whose responsiveness still falls short and
///     whose service commitments and accountability are missing.
fn ci_aligned() -> Answers {
    Answers::default()
        .allocations([[1, 8, 1]; 6])
        .thresholds(3, 2, 3, 5)
        .grid([[5, 5, 5, 5], [5, 5, 5, 5], [5, 5, 5, 5]])
        .set("split", json!("one"))
        .set("cx", json!("same"))
        .set("v_commit", json!({"current": 1, "desired": 4}))
        .set("v_account", json!({"current": 1, "desired": 3}))
}

#[test]
fn an_aligned_ci_firm_short_on_commitments_and_accountability() {
    let s = score(&ci_aligned());
    close(s.dim("oe"), 10.0);
    close(s.dim("ci"), 80.0);
    close(s.dim("pl"), 10.0);
    // CI leads by 70 → ref 100; every cell at step 5 → orientation 100 → fit 100.
    close(s.num("fit_avg"), 100.0);
    close(s.dim("thr_ci"), 25.0);
    // Only two channel topics answered: content 1 of 4 and maturity 2 of 9 → no scores.
    assert_eq!(s.dim("mc_vision"), None);
    assert_eq!(s.dim("mc_maturity"), None);
    // Gaps 3 and 2 → 3.
    close(s.num("max_gap"), 3.0);
    assert_eq!(s.profiles(), ["ci-aligned", "ci-leads", "clear-choice"]);
    // thr-ci (1); commitments at 1 and accountability at 1 (both 3).
    assert_eq!(
        s.recommendations(),
        ["thr-ci", "mc-commitments", "mc-accountability"]
    );
}

/// 11. Leading in two with CI and PL, and a marketing team that runs standard campaigns.
fn ci_pl_with_standard_marketing() -> Answers {
    Answers::default()
        .allocations([
            [1, 5, 4],
            [1, 4, 5],
            [1, 5, 4],
            [2, 4, 4],
            [1, 5, 4],
            [1, 4, 5],
        ])
        .set("mkt_proc", json!(1))
        .set("split", json!("one"))
}

#[test]
fn leading_in_ci_and_pl_with_standard_marketing() {
    let s = score(&ci_pl_with_standard_marketing());
    // OE 7 → 11.666…; CI 27 → 45; PL 26 → 43.333….
    close(s.dim("oe"), 70.0 / 6.0);
    close(s.dim("ci"), 45.0);
    close(s.dim("pl"), 260.0 / 6.0);
    // margin 1.666667, third gap 31.666666, lowest OE → two-ci-pl. CI − OE = 33.3 → ref 100.
    close(s.num("margin"), 1.666667);
    assert_eq!(s.flag("align_ci"), Some(true));
    // Marketing processes step 1 → orientation 0 → fit 0.
    close(s.num("fit_mkt_proc"), 0.0);
    close(s.num("fit_avg"), 0.0);
    assert_eq!(s.profiles(), ["two-ci-pl"]);
    assert_eq!(s.recommendations(), ["two-explicit", "fn-mkt"]);
}

// ------------------------------------------------------------------------------------------
// Properties of the model as a whole
// ------------------------------------------------------------------------------------------

/// Every profile and every recommendation fires for at least one of the respondents above.
#[test]
fn every_profile_and_recommendation_can_fire() {
    let respondents = [
        pure_oe_aligned(),
        oe_firm_promising_anything(),
        oe_firm_promising_anything()
            .set("split", json!("dept"))
            .set("split_fn", json!(["am"])),
        ci_firm(),
        leads_in_two_by_segment(),
        leads_in_two_undecided(),
        no_clear_choice(),
        below_threshold(),
        channel_silos(),
        half_dont_know(),
        product_leader(),
        ci_aligned(),
        ci_pl_with_standard_marketing(),
    ];
    let m = model();
    let mut profiles = vec![false; m.assessment.profiles.len()];
    let mut recs = vec![false; m.assessment.recommendations.len()];
    for r in &respondents {
        let scores = m.score(&Response::from_json(&m, &r.json()).unwrap());
        for (i, on) in scores.profiles.iter().enumerate() {
            profiles[i] |= on;
        }
        for &i in &scores.recommendations {
            recs[i as usize] = true;
        }
    }
    let never: Vec<&str> = m
        .assessment
        .profiles
        .iter()
        .zip(&profiles)
        .filter(|(_, on)| !**on)
        .map(|(p, _)| p.id.as_str())
        .chain(
            m.assessment
                .recommendations
                .iter()
                .zip(&recs)
                .filter(|(_, on)| !**on)
                .map(|(r, _)| r.id.as_str()),
        )
        .collect();
    assert!(never.is_empty(), "never fired: {never:?}");
}

/// With all six allocations answered, exactly one reading of the choice applies: no clear
/// choice, one of the three "leads in two", or one leading discipline; and a leading discipline
/// is either "clear" or "leaning".
#[test]
fn the_choice_profiles_partition_every_allocation() {
    let m = model();
    let index = |id: &str| {
        m.assessment
            .profiles
            .iter()
            .position(|p| p.id == id)
            .unwrap()
    };
    let reading = [
        "no-choice",
        "two-oe-ci",
        "two-oe-pl",
        "two-ci-pl",
        "oe-leads",
        "ci-leads",
        "pl-leads",
    ]
    .map(index);
    let leader = ["oe-leads", "ci-leads", "pl-leads"].map(index);
    let clarity = ["clear-choice", "leaning"].map(index);
    let mut rows = Vec::new();
    for oe in 0..=10u32 {
        for ci in 0..=10 - oe {
            rows.push([oe, ci, 10 - oe - ci]);
        }
    }
    let mut checked = 0;
    for (i, a) in rows.iter().enumerate() {
        for b in rows.iter().skip(i) {
            let answers = Answers::default().allocations([*a, *a, *a, *b, *b, *b]);
            let scores = m.score(&Response::from_json(&m, &answers.json()).unwrap());
            let on = |p: &usize| scores.profiles[*p];
            assert_eq!(reading.iter().filter(|p| on(p)).count(), 1, "{a:?} {b:?}");
            let leads = leader.iter().filter(|p| on(p)).count();
            assert_eq!(
                clarity.iter().filter(|p| on(p)).count(),
                leads,
                "{a:?} {b:?}"
            );
            // The three shares always add up to 100.
            let total: f64 = ["oe", "ci", "pl"]
                .iter()
                .map(|d| scores.score[m.dimension_index(d).unwrap()].unwrap())
                .sum();
            assert!((total - 100.0).abs() < 1e-9);
            checked += 1;
        }
    }
    assert_eq!(checked, 66 * 67 / 2);
}

/// The calculator only appears when asked for, and a half-filled calculator gives a lower bound
/// from the part that is complete.
#[test]
fn the_cost_estimate_is_optional_and_partial_parts_are_left_out() {
    let m = model();
    let answers = Answers::default().set("calc", json!("no"));
    let scores = m.score(&Response::from_json(&m, &answers.json()).unwrap());
    let calc = m.question_index("c_new").unwrap();
    assert!(!scores.question_visible[calc]);

    let s = score(
        &Answers::default()
            .set("calc", json!("yes"))
            .set("c_new", json!(120))
            .set("c_cac", json!(1500))
            .set("c_lost", json!(20))
            .set("c_complaints", json!(80))
            .set("c_hours", json!("dont_know")),
    );
    assert!(s.scores.question_visible[calc]);
    // Lost: 120 × 1500 × 20/100 = 36 000. Repair: hours unknown → no value. Total: 36 000.
    close(s.num("waste_lost"), 36_000.0);
    assert_eq!(s.num("waste_repair"), None);
    close(s.num("waste"), 36_000.0);
}

#[test]
fn the_same_points_in_another_order_give_the_same_score_and_band() {
    // 24 of 60 points to operational excellence, 40 exactly: the band "from 40" in both
    // orders. Summed as floating point, one order gave 39.99999999999999.
    let rows = [
        [0, 5, 5],
        [0, 5, 5],
        [4, 3, 3],
        [10, 0, 0],
        [7, 1, 2],
        [3, 4, 3],
    ];
    let mut reversed = rows;
    reversed.reverse();
    let scored: Vec<Scored> = [rows, reversed]
        .into_iter()
        .map(|r| score(&Answers::default().allocations(r)))
        .collect();
    let oe = scored[0].model.dimension_index("oe").unwrap();
    for s in &scored {
        assert_eq!(s.scores.score[oe], Some(40.0));
    }
    assert_eq!(scored[0].scores.band[oe], scored[1].scores.band[oe]);
    let report = scored[0].model.report(&scored[0].response, "en");
    assert_eq!(
        report.dimensions[oe].band.as_ref().map(|b| b.id.as_str()),
        Some("strong")
    );
}
