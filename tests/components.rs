//! Component tests in a real browser: the widget is mounted and driven through its DOM.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{all, choose, press, radio, root, score_rows, settle, text};
use sextant_widget::components::app::{App, AppProps};
use sextant_widget::load::Source;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("../e2e/fixtures/small.json");
const BROKEN: &str = include_str!("../e2e/fixtures/broken.json");

/// The widget's props for `json` in `lang`, saving under a key of its own.
fn props(json: &'static str, lang: &str) -> AppProps {
    AppProps {
        source: Source::Text(json),
        lang: lang.to_owned().into(),
        storage_key: format!("test-{}", js_sys::Math::random()).into(),
        fragment: "".into(),
        host: Default::default(),
        lang_from_host: true,
    }
}

fn mount(json: &'static str, lang: &str) -> web_sys::Element {
    let root = root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props(json, lang)).render();
    root
}

/// The small scan, mounted in English and started: on its first step.
async fn small_started() -> web_sys::Element {
    let root = mount(SMALL, "en");
    settle().await;
    press(&root, "Start").await;
    root
}

#[wasm_bindgen_test]
async fn a_scan_goes_from_welcome_through_steps_to_scores() {
    let root = mount(SMALL, "en");
    settle().await;
    assert_eq!(text(&root, "h1"), "Small test scan");

    press(&root, "Start").await;
    assert_eq!(text(&root, ".sx-progress-text"), "Step 1 of 2");
    assert_eq!(text(&root, "h2"), "Pace");
    let legends: Vec<String> = all(&root, "fieldset legend")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        legends,
        ["We deliver quickly.", "We rarely miss a deadline."]
    );
    // Five scale points and "don't know" per question.
    assert_eq!(all(&root, "input[type=radio]").len(), 12);

    answer_small_to_report(&root).await;
    assert_eq!(score_rows(&root), small_scores("88", "50"));
}

/// Answers the small scan (Agree, Strongly agree; Disagree) from its first step and opens the
/// report.
async fn answer_small_to_report(root: &web_sys::Element) {
    choose(root, "We deliver quickly.", "Agree");
    choose(root, "We rarely miss a deadline.", "Strongly agree");
    settle().await;
    press(root, "Next").await;
    assert_eq!(text(root, ".sx-progress-text"), "Step 2 of 2");
    choose(root, "We listen to every customer.", "Disagree");
    settle().await;
    press(root, "See results").await;
}

/// The small scan's score rows, as [`score_rows`] reads them.
fn small_scores(speed: &str, care: &str) -> [(String, String); 2] {
    [
        ("Speed".to_owned(), speed.to_owned()),
        ("Care".to_owned(), care.to_owned()),
    ]
}

#[wasm_bindgen_test]
async fn unanswered_dimensions_say_there_are_not_enough_answers() {
    let root = small_started().await;
    press(&root, "Next").await;
    press(&root, "See results").await;
    assert_eq!(text(&root, ".sx-scores tbody td"), "Not enough answers");
}

#[wasm_bindgen_test]
async fn a_broken_assessment_shows_the_path_of_the_fault() {
    let root = mount(BROKEN, "nl");
    settle().await;
    let alert = text(&root, "[role=alert]");
    assert!(
        alert.starts_with("Deze vragenlijst kon niet worden geladen"),
        "{alert}"
    );
    assert!(alert.contains("sections[0].questions[1].scale"), "{alert}");
}

/// Calls `window.__sextant_bench.score(n)` and returns what it returned.
fn bench_score(n: f64) -> f64 {
    let window = web_sys::window().unwrap();
    let hook = js_sys::Reflect::get(&window, &"__sextant_bench".into()).unwrap();
    let score: js_sys::Function = js_sys::Reflect::get(&hook, &"score".into()).unwrap().into();
    score
        .call1(&hook, &n.into())
        .unwrap()
        .as_f64()
        .expect("score returns a number")
}

#[wasm_bindgen_test]
async fn the_scoring_hook_scores_without_changing_the_widget() {
    let root = small_started().await;
    choose(&root, "We deliver quickly.", "Agree");
    settle().await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let saved = |s: &web_sys::Storage| {
        (0..s.length().unwrap())
            .map(|i| {
                let k = s.key(i).unwrap().unwrap();
                (k.clone(), s.get_item(&k).unwrap())
            })
            .collect::<Vec<_>>()
    };
    let before = (root.inner_html(), saved(&storage));

    assert_eq!(bench_score(100.0), 100.0);
    assert_eq!(bench_score(0.0), 0.0);
    assert_eq!(bench_score(-5.0), 0.0);
    assert_eq!(bench_score(f64::NAN), 0.0);
    settle().await;

    assert_eq!((root.inner_html(), saved(&storage)), before);
    assert!(radio(&root, "We deliver quickly.", "Agree").checked());
}

#[wasm_bindgen_test]
async fn the_scoring_hook_falls_back_to_the_widget_still_mounted() {
    let first = mount(SMALL, "en");
    settle().await;
    let second = yew::Renderer::<App>::with_root_and_props(root(), props(SMALL, "en")).render();
    settle().await;
    assert_eq!(bench_score(3.0), 3.0);
    second.destroy();
    settle().await;
    assert_eq!(bench_score(3.0), 3.0, "the first widget is still mounted");
    assert_eq!(text(&first, "h1"), "Small test scan");
}

#[wasm_bindgen_test]
async fn an_explanation_is_built_when_it_is_first_opened() {
    use wasm_bindgen::JsCast;
    let root = small_started().await;
    choose(&root, "We deliver quickly.", "Agree");
    settle().await;
    press(&root, "Next").await;
    press(&root, "See results").await;
    let details = all(&root, ".sx-explain details");
    assert!(!details.is_empty());
    assert!(
        details
            .iter()
            .all(|d| d.query_selector("li").unwrap().is_none()),
        "closed explanations are empty"
    );
    // Opened with the mouse or keyboard: a click on the summary.
    details[0]
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert!(details[0].has_attribute("open"));
    assert!(text(&details[0], "li").starts_with("We deliver quickly."));
    // Opened from script: the toggle event.
    let last = details.last().unwrap();
    last.set_attribute("open", "").unwrap();
    let mut waited = 0;
    while last.query_selector("li").unwrap().is_none() && waited < 50 {
        next_task().await;
        settle().await;
        waited += 1;
    }
    assert!(last.query_selector("li").unwrap().is_some());
}

/// Waits for a later task (the `toggle` event is dispatched in one).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_report_shown_again_follows_answers_changed_in_between() {
    let root = small_started().await;
    answer_small_to_report(&root).await;
    assert_eq!(score_rows(&root), small_scores("88", "50"));
    let first = root.query_selector(".sx-report-body").unwrap().unwrap();

    press(&root, "Back").await;
    assert!(root.query_selector(".sx-report-body").unwrap().is_none());
    choose(&root, "We listen to every customer.", "Strongly agree");
    settle().await;
    press(&root, "See results").await;
    assert_eq!(score_rows(&root), small_scores("88", "100"));
    // The same body, updated; and only one in the widget.
    let bodies = all(&root, ".sx-report-body");
    assert_eq!(bodies.len(), 1);
    assert!(bodies[0] == first, "the body drawn before is reused");
}

#[wasm_bindgen_test]
async fn a_report_drawn_ahead_is_brought_up_to_date() {
    use std::rc::Rc;

    use sextant_engine::answers::Answer;
    use sextant_engine::Model;
    use sextant_widget::components::report_view::ReportCache;
    use sextant_widget::state::{Action, Scan};
    use yew::Reducible;

    let model = Rc::new(Model::load(SMALL).unwrap().model);
    let scan = Rc::new(Scan::new(model, "en", None, None));
    // "We listen to every customer." is the third question.
    let disagree = scan.reduce(Action::Answer(2, Some(Answer::Number(2.0))));
    let cache = ReportCache::default();
    assert!(cache.prepared().is_none());

    cache.prepare(&disagree);
    settle().await;
    let host = cache.prepared().expect("a body is drawn");
    assert!(host.parent_node().is_none(), "drawn off the page");
    assert_eq!(score_rows(&host), small_scores("Not enough answers", "25"));

    let agree = disagree.reduce(Action::Answer(2, Some(Answer::Number(5.0))));
    cache.prepare(&agree);
    settle().await;
    assert!(cache.prepared().unwrap() == host, "the same body, updated");
    assert_eq!(score_rows(&host), small_scores("Not enough answers", "100"));

    cache.clear();
    settle().await;
    assert!(cache.prepared().is_none());
    assert!(host.first_child().is_none(), "taken down");
}
