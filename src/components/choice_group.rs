//! Radio buttons (likert, single choice, bipolar) or checkboxes (multiple choice), with
//! "don't know" as the last choice.

use sextant_engine::model::QuestionType;
use sextant_engine::view::{QuestionView, Toggled};
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// Props of [`ChoiceGroup`].
#[derive(Properties, PartialEq)]
pub struct ChoiceGroupProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// The choices of a question as native inputs.
#[component]
pub fn ChoiceGroup(props: &ChoiceGroupProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let name = format!("sx-q-{}", q.index);
    let multiple = q.kind == QuestionType::MultipleChoice;
    let bipolar = q.kind == QuestionType::Bipolar;
    // A multiple choice with a minimum above one keeps the boxes ticked so far in the scan
    // until there are enough (`Scan::picks`): fewer are no answer, are neither saved nor
    // scored, and keep the visitor on the step (Next names the question and its rule). An
    // answer (from another tab, say) replaces them in the scan.
    let picks: Vec<String> = scan.picks(q.index).unwrap_or_default().to_vec();
    let full = use_state(|| false);
    let saved: Vec<String> = q
        .choices
        .iter()
        .filter(|c| c.checked)
        .map(|c| c.option.clone())
        .collect();
    let dont_know = q.dont_know == Some(true);
    let ticked: Vec<String> = if saved.is_empty() && !dont_know {
        picks.clone()
    } else {
        saved.clone()
    };
    let onanswer = |answer: Answer, option: String| {
        let scan = scan.clone();
        let index = q.index;
        let ticked = ticked.clone();
        // Boxes ticked below the minimum replace a saved answer, "don't know" included.
        let had_answer = !saved.is_empty() || dont_know;
        let full = full.clone();
        Callback::from(move |e: Event| {
            if !multiple {
                scan.dispatch(Action::Answer(index, Some(answer.clone())));
                return;
            }
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let toggled = scan
                .model
                .toggle_choice(index, &ticked, &option, input.checked());
            full.set(toggled == Toggled::TooMany);
            match toggled {
                // The box stays as it was: the screen never shows what is not kept.
                Toggled::TooMany => input.set_checked(false),
                // An answer replaces the boxes held below the minimum (`Scan::picks`).
                Toggled::Answer(answer) => scan.dispatch(Action::Answer(index, Some(answer))),
                Toggled::Cleared => {
                    scan.dispatch(Action::Picks(index, Vec::new()));
                    if had_answer {
                        scan.dispatch(Action::Answer(index, None));
                    }
                }
                Toggled::TooFew(list) => {
                    // Over "don't know", the boxes replace it (`Action::Picks`), without
                    // bringing back the answer it replaced.
                    if had_answer && !dont_know {
                        scan.dispatch(Action::Answer(index, None));
                    }
                    scan.dispatch(Action::Picks(index, list));
                }
            }
        })
    };
    let poles_id = format!("{name}-poles");
    let choose_id = format!("{name}-choose");
    let last = q.choices.len();
    let input = |key: String,
                 label: Html,
                 checked: bool,
                 (answer, option): (Answer, String),
                 kind: &'static str| {
        let id = format!("{name}-{key}");
        html! {
            <div class="sx-choice">
                <input type={kind} id={id.clone()} name={name.clone()} checked={checked}
                    onchange={onanswer(answer, option)} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    // The end steps of a bipolar scale are named with their pole ("1 · Every order the
    // same way"), since the row of poles above is hidden from screen readers. The pole is not
    // shown again under the step: a phone's narrow column would break it into fragments.
    let choice_label = |i: usize, label: &str| -> Html {
        let pole = match (&q.poles, bipolar) {
            (Some((left, _)), true) if i == 0 => Some(left),
            (Some((_, right)), true) if i + 1 == last => Some(right),
            _ => None,
        };
        match pole {
            Some(pole) => html! {
                <>{ label.to_owned() }<span class="sx-visually-hidden">{ format!(" · {pole}") }</span></>
            },
            None => html! { label.to_owned() },
        }
    };
    html! {
        <>
            if let (true, Some((left, right))) = (bipolar, &q.poles) {
                <p class="sx-poles" id={poles_id.clone()} aria-hidden="true">
                    <span class="sx-pole-left">{ format!("← {left}") }</span>
                    <span class="sx-pole-right">{ format!("{right} →") }</span>
                </p>
            }
            <div class={classes!("sx-choices", bipolar.then_some("sx-scale"))}>
                { for q.choices.iter().enumerate().map(|(i, c)| {
                    let kind = if multiple { "checkbox" } else { "radio" };
                    let checked = if multiple { ticked.contains(&c.option) } else { c.checked };
                    input(i.to_string(), choice_label(i, &c.label), checked, (c.answer.clone(), c.option.clone()), kind)
                }) }
            </div>
            if let (true, Some(choose)) = (multiple, q.choose) {
                <p class="sx-help sx-choose" id={choose_id} aria-live="polite">
                    { s.choose(choose, q.choices.len(), ticked.len()) }
                    if *full {
                        { format!(" {}", s.choose_full) }
                    }
                </p>
            }
            if let Some(checked) = q.dont_know {
                <div class="sx-choices sx-dont-know">
                    { if multiple {
                        // Unticking "don't know" brings back what it replaced: the answer, or
                        // the boxes ticked below the minimum (kept while it is ticked).
                        let scan = scan.clone();
                        let index = q.index;
                        let id = format!("{name}-dk");
                        let full = full.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            let answer = input.checked().then_some(Answer::DontKnow);
                            full.set(false);
                            scan.dispatch(Action::Answer(index, answer));
                        });
                        html! {
                            <div class="sx-choice">
                                <input type="checkbox" id={id.clone()} checked={checked} {onchange} />
                                <label for={id}>{ s.dont_know }</label>
                            </div>
                        }
                    } else {
                        input("dk".into(), s.dont_know.into(), checked, (Answer::DontKnow, String::new()), "radio")
                    } }
                </div>
            }
        </>
    }
}
