//! Copying text to the clipboard, with an answer either way.
//!
//! The clipboard is not always there: a page served over plain `http` has no
//! `navigator.clipboard`, and a cross-origin frame without `allow="clipboard-write"` (or a
//! denied permission) refuses the write. The caller then says so, instead of "Copied.".

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `text`; `done(true)` once the browser has copied it, `done(false)` when it cannot.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| c.is_object())
        .map(JsCast::unchecked_into::<web_sys::Clipboard>);
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let done: Rc<dyn Fn(bool)> = Rc::new(done);
    let answer = |copied: bool| {
        let done = done.clone();
        Closure::once(move |_: JsValue| done(copied))
    };
    let (ok, failed) = (answer(true), answer(false));
    let _ = clipboard.write_text(text).then2(&ok, &failed);
    // Each runs at most once; the browser holds them until the promise settles.
    ok.forget();
    failed.forget();
}
