//! A `<details>` disclosure whose content is built the first time it opens.
//!
//! A report has dozens of closed explanations (about 40 % of its elements). Building them only
//! when asked keeps the click that opens the report short. Closed, their content is hidden
//! from everyone, and printing leaves them out (`.sx-why`). The one difference: the browser's
//! find in page does not see the text of an explanation that was never opened.
//!
//! A disclosure marked `print` holds part of the report itself (the recommendations after the
//! first few): its content is built with it, and it opens for printing, however the print is
//! started, and closes again after.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Disclosure`].
#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The class of the `<details>` element.
    pub class: AttrValue,
    /// The text of the `<summary>`.
    pub summary: AttrValue,
    /// Builds the content; called once the disclosure has been opened.
    pub content: Callback<(), Html>,
    /// Open while the page is printed.
    #[prop_or_default]
    pub print: bool,
}

type Preparer = Rc<dyn Fn(bool)>;

thread_local! {
    /// What opens (`true`) or restores (`false`) each printed disclosure on the page.
    static PREPARERS: RefCell<Vec<(u32, Preparer)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Opens every disclosure marked `print` (`true`), or puts each back as it was (`false`). The
/// browser's `beforeprint` and `afterprint` do this for a print started from its menu; the
/// report's Print button calls it first, so that the content is built before the print starts.
pub fn prepare_print(printing: bool) {
    let all: Vec<Preparer> =
        PREPARERS.with(|p| p.borrow().iter().map(|(_, f)| f.clone()).collect());
    for f in all {
        f(printing);
    }
}

/// Listens for the browser's print events, once per page.
fn listen_for_print() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, printing) in [("beforeprint", true), ("afterprint", false)] {
        let handler = Closure::<dyn Fn()>::new(move || prepare_print(printing));
        let _ = window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        // Kept for the page's lifetime: one pair of listeners serves every widget.
        handler.forget();
    }
}

/// `<details>` with a summary, and content that is built on first opening.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let opened = use_state_eq(|| false);
    let details = use_node_ref();
    {
        let details = details.clone();
        use_effect_with(props.print, move |&print| {
            let id = NEXT.with(|n| {
                let id = n.get();
                n.set(id.wrapping_add(1));
                id
            });
            if print {
                listen_for_print();
                // Whether it was open before printing; `None` while not printing.
                let before: Rc<Cell<Option<bool>>> = Rc::default();
                let prepare: Preparer = Rc::new(move |printing| {
                    let Some(el) = details.cast::<web_sys::HtmlDetailsElement>() else {
                        return;
                    };
                    if printing {
                        if before.get().is_none() {
                            before.set(Some(el.open()));
                        }
                        el.set_open(true);
                    } else if let Some(was) = before.take() {
                        el.set_open(was);
                    }
                });
                PREPARERS.with(|p| p.borrow_mut().push((id, prepare)));
            }
            move || PREPARERS.with(|p| p.borrow_mut().retain(|(i, _)| *i != id))
        });
    }
    // A click on the summary (also Enter or Space on it) builds the content before the browser
    // opens the disclosure; the `toggle` event covers opening it from script.
    let open = {
        let opened = opened.clone();
        Callback::from(move |_: ()| opened.set(true))
    };
    let onclick = open.reform(|_: MouseEvent| ());
    let ontoggle = open.reform(|_: Event| ());
    html! {
        <details class={props.class.clone()} {ontoggle} ref={details}>
            <summary {onclick}>{ props.summary.clone() }</summary>
            // Content to print is built at once: a print started from a script (a host page's
            // own button) lays the page out before the widget could draw anything more.
            if *opened || props.print {
                { props.content.emit(()) }
            }
        </details>
    }
}
