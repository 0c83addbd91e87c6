//! The step index: every visible step, with earlier ones as buttons to jump back to.

use sextant_engine::view::Step;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// A compact, collapsible list of the steps.
#[component]
pub fn StepIndex() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let entries = scan.model.step_index(&scan.scores, scan.step, &scan.locale);
    let current = match scan.step {
        Step::Section(_) => entries.iter().position(|e| e.current).map_or(0, |i| i + 1),
        _ => 0,
    };
    html! {
        <details class="sx-index">
            <summary>{ format!("{} ({current}/{})", s.steps, entries.len()) }</summary>
            <ol>
                { for entries.into_iter().map(|e| {
                    let onclick = {
                        let scan = scan.clone();
                        let section = e.section;
                        Callback::from(move |_| scan.dispatch(Action::GoTo(section)))
                    };
                    html! {
                        <li>
                            if e.reachable {
                                <button type="button" class="sx-link" onclick={onclick}>{ e.title }</button>
                            } else if e.current {
                                <span aria-current="step">{ e.title }</span>
                            } else {
                                <span class="sx-muted">{ e.title }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
