//! Copying text to the clipboard, with an answer either way.
//!
//! The clipboard is not always there: a page served over plain `http` has no
//! `navigator.clipboard`, and a cross-origin frame without `allow="clipboard-write"` (or a
//! denied permission) refuses the write. The caller then says so, instead of "Copied.".

use wasm_bindgen::JsCast;

/// The browser's clipboard, when the page has one.
pub fn clipboard() -> Option<web_sys::Clipboard> {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| c.is_object())
        .map(JsCast::unchecked_into::<web_sys::Clipboard>)
}

/// Copies `text`; `done(true)` once the browser has copied it, `done(false)` when it cannot.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = clipboard() else {
        done(false);
        return;
    };
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text));
    wasm_bindgen_futures::spawn_local(async move { done(written.await.is_ok()) });
}
