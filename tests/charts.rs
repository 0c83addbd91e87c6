//! Chart components in a real browser: each kind is mounted from a hand-built chart view and
//! checked through its DOM, the drawing and its text equivalent.
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)]
mod common;

use common::{all, root, settle, text};
use sextant_engine::model::ChartType;
use sextant_engine::report::{ChartItemView, ChartView};
use sextant_widget::components::chart::{Chart, ChartProps};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn item(label: &str, value: Option<f64>, target: Option<f64>) -> ChartItemView {
    ChartItemView {
        label: label.to_owned(),
        value,
        target,
        exempt: false,
        display: value.map_or_else(String::new, |v| format!("{}", v.round())),
    }
}

fn view(id: &str, kind: ChartType, items: Vec<ChartItemView>) -> ChartView {
    ChartView {
        id: id.to_owned(),
        kind,
        title: format!("Title of {id}"),
        description: Some(format!("How to read {id}.")),
        group: None,
        rows: vec![],
        columns: vec![],
        formula: None,
        unit: None,
        value_label: None,
        target_label: None,
        items,
    }
}

async fn mount_with(view: ChartView, exempt_label: &str, lang: &str) -> Element {
    let root = root();
    let props = ChartProps {
        view,
        estimate_label: "Estimate".into(),
        no_value: "unknown".into(),
        exempt_label: exempt_label.to_owned().into(),
        lang: lang.to_owned().into(),
    };
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn mount(view: ChartView) -> Element {
    mount_with(view, "", "").await
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn attr(e: &Element, name: &str) -> String {
    e.get_attribute(name)
        .unwrap_or_else(|| panic!("no `{name}` on <{}>", e.tag_name()))
}

/// The text of the element with `id`, anywhere in the document.
fn text_of_id(id: &str) -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no element #{id}"))
        .text_content()
        .unwrap_or_default()
}

/// The drawing is an image named by the chart's title and described by its description.
fn assert_named_drawing(root: &Element, title: &str, description: &str) {
    let svgs = all(root, "svg");
    assert_eq!(svgs.len(), 1);
    let svg = &svgs[0];
    assert_eq!(attr(svg, "role"), "img");
    assert_eq!(text_of_id(&attr(svg, "aria-labelledby")), title);
    assert_eq!(text_of_id(&attr(svg, "aria-describedby")), description);
    assert!(attr(svg, "viewBox").starts_with("0 0 320 "));
    assert_eq!(text(root, "figure figcaption .sx-chart-title"), title);
}

/// Nothing is styled inline: the widget runs under `style-src 'self'`.
fn assert_no_inline_style(root: &Element) {
    assert!(all(root, "[style]").is_empty(), "an inline style attribute");
}

/// The rows of the table: each row's header and cells, as text.
fn table_rows(root: &Element) -> Vec<Vec<String>> {
    all(root, "table tbody tr")
        .iter()
        .map(|tr| texts(tr, "th, td"))
        .collect()
}

#[wasm_bindgen_test]
async fn bars_draw_one_bar_per_known_value_with_a_table_and_a_dash_for_unknown() {
    let mut v = view(
        "bars",
        ChartType::Bars,
        vec![
            item("Speed", Some(72.0), Some(50.0)),
            item("Care", None, Some(50.0)),
            item("Reach", Some(100.0), None),
        ],
    );
    v.value_label = Some("Your level".into());
    v.target_label = Some("Threshold".into());
    let root = mount(v).await;

    assert_named_drawing(&root, "Title of bars", "How to read bars.");
    assert_eq!(all(&root, "rect.sx-chart-track").len(), 3);
    assert_eq!(
        all(&root, "rect.sx-chart-bar").len(),
        2,
        "no bar for the unknown"
    );
    assert_eq!(all(&root, "line.sx-chart-marker").len(), 2);
    assert_eq!(texts(&root, "svg text.sx-chart-value"), ["72", "—", "100"]);
    assert_eq!(texts(&root, "svg text.sx-chart-value.sx-missing"), ["—"]);
    assert_eq!(
        texts(&root, "svg text.sx-chart-label"),
        ["Speed", "Care", "Reach"]
    );

    // Bar widths follow the values.
    let widths: Vec<f64> = all(&root, "rect.sx-chart-bar")
        .iter()
        .map(|r| attr(r, "width").parse().unwrap())
        .collect();
    assert!((widths[0] / widths[1] - 0.72).abs() < 1e-6);

    assert_eq!(
        texts(&root, ".sx-chart-legend li"),
        ["Your level", "Threshold"]
    );
    assert_eq!(texts(&root, "table thead th"), ["Your level", "Threshold"]);
    assert_eq!(
        table_rows(&root),
        [
            ["Speed", "72", "50"],
            ["Care", "—unknown", "50"],
            ["Reach", "100", "—unknown"],
        ]
    );
    // The dash is for the eye; assistive technology reads the word.
    let missing = &all(&root, "tbody td.sx-missing")[0];
    assert_eq!(text(missing, "[aria-hidden=true]"), "—");
    assert_eq!(text(missing, ".sx-visually-hidden"), "unknown");
    assert_eq!(text(&root, "table caption"), "Title of bars");
    assert_no_inline_style(&root);
}

#[wasm_bindgen_test]
async fn a_heatmap_draws_every_cell_with_its_number_and_class() {
    let mut items: Vec<ChartItemView> = [
        Some(10.0),
        Some(30.0),
        Some(50.0),
        Some(70.0),
        Some(90.0),
        None,
    ]
    .iter()
    .enumerate()
    .map(|(i, &v)| item(&format!("Cell {i}"), v, None))
    .collect();
    items[1].exempt = true;
    let mut v = view("heat", ChartType::Heatmap, items);
    v.rows = vec!["Marketing".into(), "Sales".into()];
    v.columns = vec!["Processes".into(), "Systems".into(), "People".into()];
    let root = mount_with(v, "exception", "").await;

    assert_named_drawing(&root, "Title of heat", "How to read heat.");
    let cells = all(&root, "svg g.sx-chart-cell");
    assert_eq!(cells.len(), 6);
    let classes: Vec<String> = cells.iter().map(|c| attr(c, "class")).collect();
    assert_eq!(
        classes,
        [
            "sx-chart-cell sx-fit-0",
            "sx-chart-cell sx-exempt",
            "sx-chart-cell sx-fit-2",
            "sx-chart-cell sx-fit-3",
            "sx-chart-cell sx-fit-4",
            "sx-chart-cell sx-unknown",
        ]
    );
    assert_eq!(all(&root, "svg rect").len(), 6);
    // Colour is never the only carrier: every cell shows its number.
    assert_eq!(
        texts(&root, "svg text.sx-chart-cell-value"),
        ["10", "30", "50", "70", "90", "—"]
    );
    assert_eq!(
        texts(&root, "svg text.sx-chart-column-label"),
        ["Processes", "Systems", "People"]
    );
    assert_eq!(
        texts(&root, "svg text.sx-chart-label"),
        ["Marketing", "Sales"]
    );

    // The table has the same rows and columns.
    assert_eq!(
        texts(&root, "table thead th"),
        ["Processes", "Systems", "People"]
    );
    assert_eq!(
        table_rows(&root),
        [
            ["Marketing", "10", "30 (exception)", "50"],
            ["Sales", "70", "90", "—unknown"],
        ]
    );
    let exempt = all(&root, "table td.sx-exempt");
    assert_eq!(exempt.len(), 1);
    // The table may be wider than a phone: it sits in a named region that scrolls and can take
    // focus.
    let region = &all(&root, ".sx-chart-scroll")[0];
    assert_eq!(attr(region, "role"), "region");
    assert_eq!(attr(region, "tabindex"), "0");
    assert_eq!(
        text_of_id(&attr(region, "aria-labelledby")),
        "Title of heat"
    );
    assert_eq!(
        texts(&root, ".sx-chart-legend li"),
        [
            "0–19",
            "20–39",
            "40–59",
            "60–79",
            "80–100",
            "exception",
            "—unknown"
        ]
    );
    assert_no_inline_style(&root);
}

#[wasm_bindgen_test]
async fn a_radar_draws_a_point_per_axis_and_a_target_polygon() {
    let mut v = view(
        "radar",
        ChartType::Radar,
        vec![
            item("Vision", Some(25.0), Some(75.0)),
            item("People", Some(50.0), Some(100.0)),
            item("Tools", None, Some(50.0)),
            item("Leadership", Some(100.0), None),
            item("Budget", Some(0.0), Some(25.0)),
        ],
    );
    v.value_label = Some("Now".into());
    v.target_label = Some("Desired".into());
    let root = mount(v).await;

    assert_named_drawing(&root, "Title of radar", "How to read radar.");
    let count = |selector: &str| {
        attr(&all(&root, selector)[0], "points")
            .split_whitespace()
            .count()
    };
    assert_eq!(count("polygon.sx-chart-area"), 5);
    assert_eq!(count("polygon.sx-chart-target"), 5);
    assert_eq!(all(&root, "polygon.sx-chart-ring").len(), 4);
    assert!(all(&root, "polygon.sx-chart-ring")
        .iter()
        .all(|p| attr(p, "points").split_whitespace().count() == 5));
    assert_eq!(all(&root, "line.sx-chart-axis").len(), 5);
    assert_eq!(
        all(&root, "circle.sx-chart-dot").len(),
        4,
        "no dot for the unknown"
    );
    // The unknown value (Tools) and the unknown target (Leadership) are marked on their axes,
    // not only drawn at the centre as if they were 0.
    assert_eq!(
        texts(&root, "svg text.sx-chart-value.sx-missing"),
        ["—", "—"]
    );
    assert_eq!(
        texts(&root, "svg text.sx-chart-label"),
        ["Vision", "People", "Tools", "Leadership", "Budget"]
    );
    let anchors: Vec<String> = all(&root, "svg text.sx-chart-label")
        .iter()
        .map(|t| attr(t, "text-anchor"))
        .collect();
    assert_eq!(anchors, ["middle", "start", "start", "end", "end"]);

    assert_eq!(texts(&root, ".sx-chart-legend li"), ["Now", "Desired"]);
    assert_eq!(texts(&root, "table thead th"), ["Now", "Desired"]);
    assert_eq!(
        table_rows(&root),
        [
            ["Vision", "25", "75"],
            ["People", "50", "100"],
            ["Tools", "—unknown", "50"],
            ["Leadership", "100", "—unknown"],
            ["Budget", "0", "25"],
        ]
    );
    assert_no_inline_style(&root);
}

#[wasm_bindgen_test]
async fn an_estimate_is_a_grouped_figure_with_its_unit_word_and_formula() {
    let mut v = view(
        "cost",
        ChartType::Estimate,
        vec![item("Estimated cost a year", Some(123456.0), None)],
    );
    v.unit = Some("€".into());
    v.formula = Some("customers × cost × share".into());
    let root = mount_with(v.clone(), "", "en").await;

    assert!(all(&root, "svg").is_empty(), "an estimate is text");
    assert_eq!(text(&root, "figcaption .sx-chart-title"), "Title of cost");
    assert_eq!(
        text(&root, ".sx-chart-estimate-label"),
        "Estimated cost a year"
    );
    assert_eq!(text(&root, ".sx-chart-amount"), "€\u{a0}123,456");
    assert_eq!(text(&root, ".sx-chart-badge"), "Estimate");
    assert_eq!(text(&root, ".sx-chart-formula"), "customers × cost × share");

    let dutch = mount_with(v.clone(), "", "nl").await;
    assert_eq!(text(&dutch, ".sx-chart-amount"), "€\u{a0}123.456");

    // A locale that is no language tag gets the English signs, as the key figures do, rather
    // than failing.
    let odd = mount_with(v.clone(), "", "not a locale!").await;
    assert_eq!(text(&odd, ".sx-chart-amount"), "€\u{a0}123,456");

    v.items[0].value = None;
    v.items[0].display = String::new();
    let unknown = mount_with(v, "", "en").await;
    assert_eq!(text(&unknown, ".sx-chart-amount"), "—unknown");
    assert_eq!(text(&unknown, ".sx-chart-amount [aria-hidden=true]"), "—");
    assert_no_inline_style(&root);
}

#[wasm_bindgen_test]
async fn two_charts_with_the_same_id_get_their_own_names() {
    let v = view("same", ChartType::Bars, vec![item("A", Some(1.0), None)]);
    let one = mount(v.clone()).await;
    let two = mount(v).await;
    let a = attr(&all(&one, "svg")[0], "aria-labelledby");
    let b = attr(&all(&two, "svg")[0], "aria-labelledby");
    assert_ne!(a, b);
    assert_eq!(text_of_id(&a), "Title of same");
    assert_eq!(text_of_id(&b), "Title of same");
}

#[wasm_bindgen_test]
async fn charts_without_items_or_values_still_render() {
    for kind in [
        ChartType::Bars,
        ChartType::Heatmap,
        ChartType::Radar,
        ChartType::Estimate,
    ] {
        let root = mount(view("empty", kind, vec![])).await;
        assert_eq!(all(&root, "figure").len(), 1);
        let root = mount(view("none", kind, vec![item("A", None, None); 3])).await;
        assert_eq!(all(&root, "figure").len(), 1);
        for svg in all(&root, "svg") {
            assert!(!attr(&svg, "viewBox").contains("NaN"));
        }
        for polygon in all(&root, "polygon") {
            assert!(!attr(&polygon, "points").contains("NaN"));
        }
    }
}
