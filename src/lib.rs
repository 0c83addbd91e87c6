//! The Sextant widget: Yew components that render what the engine prepares.
//!
//! [`mount`] renders the widget into an element; the page's `main` calls [`start`], which reads
//! the options from the page URL (`lang`, `src`) and mounts into `#app`.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

pub mod components;
pub mod i18n;
pub mod load;
pub mod state;

use components::app::{App, AppProps};
use load::Source;

thread_local! {
    /// The elements the widget is mounted in, so a panic can show its error box there.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Options for [`mount`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Preferred locale; empty for the browser's language.
    pub lang: String,
    /// A URL to load the assessment from; `None` for the built-in default.
    pub src: Option<String>,
}

/// Mounts the widget into `root`.
pub fn mount(root: web_sys::Element, options: Options) -> yew::AppHandle<App> {
    install_panic_hook();
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    let lang = if options.lang.is_empty() {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default()
    } else {
        options.lang
    };
    let props = AppProps {
        source: options
            .src
            .map_or(Source::Text(load::DEFAULT_ASSESSMENT), Source::Url),
        lang: lang.into(),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// Mounts into `#app`, with options from the page's query string (`?lang=nl&src=/scan.json`).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let get = |k: &str| params.as_ref().and_then(|p| p.get(k));
    let handle = mount(
        root,
        Options {
            lang: get("lang").unwrap_or_default(),
            src: get("src").filter(|s| !s.is_empty()),
        },
    );
    // The page lives as long as the app; keep the handle alive.
    std::mem::forget(handle);
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_panic(&info.to_string());
        }));
    });
}

/// Replaces each mounted widget with a readable error box, using plain DOM calls only.
fn show_panic(detail: &str) {
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            let Some(document) = root.owner_document() else {
                continue;
            };
            let lang = root
                .closest("[lang]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_default();
            let s = i18n::strings(&lang);
            let Ok(div) = document.create_element("div") else {
                continue;
            };
            div.set_class_name("sx-error");
            let _ = div.set_attribute("role", "alert");
            let lead = document.create_element("p").ok();
            let code = document.create_element("pre").ok();
            if let (Some(lead), Some(code)) = (lead, code) {
                lead.set_text_content(Some(s.crashed));
                code.set_text_content(Some(detail));
                let _ = div.append_child(&lead);
                let _ = div.append_child(&code);
            }
            root.set_inner_html("");
            let _ = root.append_child(&div);
            let _ = div.dyn_ref::<web_sys::HtmlElement>();
        }
    });
}
