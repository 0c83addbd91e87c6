//! A `<details>` disclosure whose content is built the first time it opens.
//!
//! A report has dozens of closed explanations (about 40 % of its elements). Building them only
//! when asked keeps the click that opens the report short. Closed, their content is hidden
//! from everyone, and printing leaves them out (`.sx-why`). The one difference: the browser's
//! find in page does not see the text of an explanation that was never opened.

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
}

/// `<details>` with a summary, and content that is built on first opening.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let opened = use_state_eq(|| false);
    // A click on the summary (also Enter or Space on it) builds the content before the browser
    // opens the disclosure; the `toggle` event covers opening it from script.
    let open = {
        let opened = opened.clone();
        Callback::from(move |_: ()| opened.set(true))
    };
    let onclick = open.reform(|_: MouseEvent| ());
    let ontoggle = open.reform(|_: Event| ());
    html! {
        <details class={props.class.clone()} {ontoggle}>
            <summary {onclick}>{ props.summary.clone() }</summary>
            if *opened {
                { props.content.emit(()) }
            }
        </details>
    }
}
