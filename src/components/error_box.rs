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
/// several errors) is a list, one line per item, after its first line when that ends in `:`
/// (the address the assessment came from).
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let mut lines: Vec<&str> = props.detail.lines().collect();
    let from = (lines.len() > 2 && lines[0].ends_with(':')).then(|| lines.remove(0));
    html! {
        <div class="sx-error" role="alert" lang={props.lang.clone()}>
            <p><strong>{ format!("{}.", props.lead) }</strong></p>
            if let Some(from) = from {
                <p><code lang={DETAIL_LANG}>{ from }</code></p>
            }
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
