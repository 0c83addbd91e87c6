//! The host page: the options it gives, and the events the widget dispatches on its element.
//!
//! | event | `detail` |
//! | --- | --- |
//! | `sextant:ready` | `{ assessment, version, title, locale }` (the language shown) |
//! | `sextant:step` | `{ index, count, section }` (index is 1-based; 0 is the welcome screen, `count + 1` the report) |
//! | `sextant:complete` | the export: `{ format, assessment, version, answers, report }`, once per set of answers |
//! | `sextant:error` | `{ message }` (a failed load, or a panic: see `show_panic` in `lib.rs`) |
//!
//! Every event bubbles and is composed, so it crosses the shadow root. Each is dispatched in a
//! task of its own ([`Host::emit_soon`]): `ready` first, queued as the assessment is loaded,
//! then `step` and `complete`, after the screen they belong to is rendered.

use wasm_bindgen::JsValue;

/// The element events are dispatched on, and the host's options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Host {
    /// The element events are dispatched on (the custom element, or the page's mount point).
    pub element: Option<web_sys::Element>,
    /// Where "send my result" posts the result; no submit offered without it.
    pub submit_url: Option<String>,
    /// The consent text the host wants shown next to the checkbox.
    pub consent_text: Option<String>,
    /// The page URL share links should point to (default: this page).
    pub share_base: Option<String>,
    /// The storage key of the scan's answers, set by the scan once the assessment is loaded:
    /// `sextant:complete` is not repeated for answers it was already sent with.
    pub storage_key: Option<String>,
}

impl Host {
    /// Dispatches `sextant:{name}` with a JSON `detail`.
    pub fn emit(&self, name: &str, detail: &str) {
        let Some(element) = &self.element else {
            return;
        };
        let detail = js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL);
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("sextant:{name}"), &init)
        {
            let _ = element.dispatch_event(&event);
        }
    }

    /// Dispatches `sextant:{name}` in a task of its own, queued behind the current one, with
    /// the `detail` that `detail` builds then. The screen that caused the event is on its way to
    /// the browser first: building the detail and running the host's listeners do not delay it.
    /// Events keep the order in which they were asked for.
    pub fn emit_soon(&self, name: &'static str, detail: impl FnOnce() -> String + 'static) {
        if self.element.is_none() {
            return;
        }
        let host = self.clone();
        gloo::timers::callback::Timeout::new(0, move || host.emit(name, &detail())).forget();
    }

    /// Dispatches `sextant:error` with a message.
    pub fn error(&self, message: &str) {
        self.emit(
            "error",
            &serde_json::json!({ "message": message }).to_string(),
        );
    }
}
