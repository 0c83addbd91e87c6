//! A readable error in place of the widget.

use yew::prelude::*;

/// Props of [`ErrorBox`].
#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    /// What went wrong, in a sentence.
    pub lead: AttrValue,
    /// The detail, e.g. the path of the fault.
    pub detail: AttrValue,
}

/// An alert with a lead sentence and the detail.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! {
        <div class="sx-error" role="alert">
            <p><strong>{ format!("{}.", props.lead) }</strong></p>
            <p><code>{ props.detail.clone() }</code></p>
        </div>
    }
}
