//! Shared helpers for the browser component tests.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A fresh element in the document to mount the widget into.
pub fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew run every scheduled render.
pub async fn settle() {
    yew::scheduler::flush().await;
}

/// The text of the first element matching `selector`.
pub fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches `{selector}`"))
        .text_content()
        .unwrap_or_default()
}

/// All elements matching `selector`.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Clicks the button whose text is `label`.
pub fn click_button(root: &Element, label: &str) {
    let button = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button `{label}`"));
    button.unchecked_into::<HtmlElement>().click();
}

/// Clicks the button whose text is `label`, and lets Yew render what follows.
pub async fn press(root: &Element, label: &str) {
    click_button(root, label);
    settle().await;
}

/// The radio whose label is `label` inside the fieldset whose legend is `legend`.
pub fn radio(root: &Element, legend: &str, label: &str) -> HtmlInputElement {
    let fieldset = all(root, "fieldset")
        .into_iter()
        .find(|f| {
            f.query_selector("legend")
                .unwrap()
                .and_then(|l| l.text_content())
                .as_deref()
                == Some(legend)
        })
        .unwrap_or_else(|| panic!("no question `{legend}`"));
    let label = all(&fieldset, "label")
        .into_iter()
        .find(|l| l.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no choice `{label}` in `{legend}`"));
    let id = label.get_attribute("for").unwrap();
    fieldset
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// Clicks the radio whose label is `label` inside the fieldset whose legend is `legend`.
pub fn choose(root: &Element, legend: &str, label: &str) {
    radio(root, legend, label).click();
}

/// The rows of the score tables in `root`: (dimension, score).
pub fn score_rows(root: &Element) -> Vec<(String, String)> {
    all(root, ".sx-scores tbody tr")
        .iter()
        .map(|r| (text(r, "th"), text(r, "td")))
        .collect()
}
