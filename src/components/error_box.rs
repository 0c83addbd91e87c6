//! A readable error in place of the widget.

use yew::prelude::*;

use crate::i18n::DETAIL_LANG;

/// Props of [`ErrorBox`].
#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    /// What went wrong, in a sentence.
    pub lead: AttrValue,
    /// The detail, e.g. the path of the fault (in English, as the engine writes it).
    pub detail: AttrValue,
    /// The language of `lead`.
    pub lang: AttrValue,
}

/// An alert with a lead sentence and the detail; a detail of several lines (an assessment with
/// several errors) is a list, one line per item.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lines: Vec<&str> = props.detail.lines().collect();
    html! {
        <div class="sx-error" role="alert" lang={props.lang.clone()}>
            <p><strong>{ format!("{}.", props.lead) }</strong></p>
            if lines.len() > 1 {
                <ul>
                    { for lines.iter().map(|l| html! { <li><code lang={DETAIL_LANG}>{ *l }</code></li> }) }
                </ul>
            } else {
                <p><code lang={DETAIL_LANG}>{ props.detail.clone() }</code></p>
            }
        </div>
    }
}
