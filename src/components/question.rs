//! One question: a fieldset with a legend and native radio buttons.

use sextant_engine::view::QuestionView;
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// Props of [`Question`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// A question as a radio group.
#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let name = format!("sx-q-{}", q.index);
    let onanswer = |answer: Answer| {
        let scan = scan.clone();
        let index = q.index;
        Callback::from(move |_: Event| scan.dispatch(Action::Answer(index, Some(answer.clone()))))
    };
    let radio = |key: String, label: String, checked: bool, answer: Answer| {
        let id = format!("{name}-{key}");
        html! {
            <div class="sx-choice">
                <input type="radio" id={id.clone()} name={name.clone()} checked={checked}
                    onchange={onanswer(answer)} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset class="sx-question">
            <legend>{ &q.text }</legend>
            if let Some(help) = &q.help {
                <p class="sx-help">{ help }</p>
            }
            <div class="sx-choices">
                { for q.choices.iter().enumerate().map(|(i, c)| {
                    radio(i.to_string(), c.label.clone(), c.checked, c.answer.clone())
                }) }
                if let Some(checked) = q.dont_know {
                    { radio("dk".into(), s.dont_know.into(), checked, Answer::DontKnow) }
                }
            </div>
        </fieldset>
    }
}
