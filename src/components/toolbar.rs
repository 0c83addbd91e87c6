//! "Start over" and "Delete my answers", always reachable, each behind a confirmation; the
//! confirmation of an import that would replace the answers given.
//! Escape anywhere in a confirmation cancels it, as its Cancel button does.

use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_focus, use_scan, Action, Confirm, Focus};

/// The scan's housekeeping actions.
#[component]
pub fn Toolbar() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let confirm_ref = use_node_ref();
    {
        let confirm_ref = confirm_ref.clone();
        use_effect_with(scan.confirm, move |confirm| {
            if confirm.is_some() {
                if let Some(el) = confirm_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // After "Cancel", back to the button that asked.
    let start_over_ref = use_node_ref();
    let delete_ref = use_node_ref();
    use_focus(Focus::Ask(Confirm::StartOver), start_over_ref.clone());
    use_focus(Focus::Ask(Confirm::Delete), delete_ref.clone());
    let ask = |c: Confirm| {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Ask(c)))
    };
    let onyes = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Confirmed))
    };
    let oncancel = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Cancel))
    };
    // Escape cancels, whichever of the confirmation's controls has focus. The key is used up
    // here, so that a dialog of the host page around the widget does not close as well.
    let onkeydown = {
        let scan = scan.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && !e.is_composing() {
                e.prevent_default();
                e.stop_propagation();
                scan.dispatch(Action::Cancel);
            }
        })
    };
    if let Some(c) = scan.confirm {
        let (question, yes) = match c {
            Confirm::StartOver => (s.confirm_start_over, s.yes_start_over),
            Confirm::Delete => (s.confirm_delete, s.yes_delete),
            Confirm::Import => (s.confirm_import, s.yes_import),
        };
        return html! {
            <div class="sx-confirm" role="alertdialog" aria-labelledby="sx-confirm-q"
                tabindex="-1" ref={confirm_ref} {onkeydown}>
                <p id="sx-confirm-q">{ question }</p>
                <div class="sx-nav">
                    <button type="button" onclick={oncancel}>{ s.cancel }</button>
                    <button type="button" class="sx-danger" onclick={onyes}>{ yes }</button>
                </div>
            </div>
        };
    }
    if scan.step == sextant_engine::view::Step::Welcome && !scan.has_answers() {
        return html! {};
    }
    html! {
        <div class="sx-toolbar" part="toolbar">
            <button type="button" class="sx-link" ref={start_over_ref} onclick={ask(Confirm::StartOver)}>{ s.start_over }</button>
            <button type="button" class="sx-link" ref={delete_ref} onclick={ask(Confirm::Delete)}>{ s.delete_answers }</button>
        </div>
    }
}
