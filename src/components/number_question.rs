//! A number question: a native number input with its unit and bounds.

use sextant_engine::view::{NumberView, QuestionView};
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// Props of [`NumberQuestion`].
#[derive(Properties, PartialEq)]
pub struct NumberQuestionProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// The allowed range of a number question, as shown: "0 – 1000000".
pub fn range_text(n: &NumberView) -> String {
    format!(
        "{} – {}",
        sextant_engine::report::format_number(n.min, 6),
        sextant_engine::report::format_number(n.max, 6)
    )
}

/// A number with its unit. An empty entry clears the answer; an entry out of range (or not a
/// number) is marked and explained, and leaves the answer as it was, so that nothing given
/// before is lost while typing. The step does not go on while an entry is out of range
/// (`StepView`).
#[component]
pub fn NumberQuestion(props: &NumberQuestionProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let Some(n) = &q.number else {
        return html! {};
    };
    let id = format!("sx-q-{}", q.index);
    let unit_id = format!("{id}-unit");
    let range_id = format!("{id}-range");
    // What the visitor typed, kept as typed so an entry in progress is never rewritten.
    let typed = use_state(|| {
        n.value
            .map(|v| sextant_engine::report::format_number(v, 6))
            .unwrap_or_default()
    });
    let out_of_range = {
        let t = typed.trim();
        !t.is_empty()
            && !t
                .replace(',', ".")
                .parse::<f64>()
                .is_ok_and(|v| v.is_finite() && v >= n.min && v <= n.max)
    };
    let oninput = {
        let scan = scan.clone();
        let typed = typed.clone();
        let index = q.index;
        let (min, max) = (n.min, n.max);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            let value = text.trim().replace(',', ".").parse::<f64>().ok();
            let valid = value.filter(|v| v.is_finite() && *v >= min && *v <= max);
            let empty = text.trim().is_empty();
            typed.set(text);
            if empty || valid.is_some() {
                scan.dispatch(Action::Answer(index, valid.map(Answer::Number)));
            }
        })
    };
    let range = range_text(n);
    html! {
        <>
            <div class="sx-number">
                <label for={id.clone()} class="sx-visually-hidden">{ &q.text }</label>
                <input type="number" id={id} inputmode="decimal" min={n.min.to_string()}
                    max={n.max.to_string()} step="any" value={(*typed).clone()}
                    aria-invalid={out_of_range.then_some("true")}
                    aria-describedby={format!("{unit_id} {range_id}")} {oninput} />
                if let Some(unit) = &n.unit {
                    <span class="sx-unit" id={unit_id}>{ unit }</span>
                }
            </div>
            <p class={classes!("sx-range", out_of_range.then_some("sx-open"))} id={range_id}
                aria-live="polite">
                { format!("{} {range}", if out_of_range { s.out_of_range } else { s.allowed }) }
            </p>
            if let Some(checked) = q.dont_know {
                <div class="sx-choices sx-dont-know">
                    <div class="sx-choice">
                        <input type="checkbox" id={format!("sx-q-{}-dk", q.index)} checked={checked}
                            onchange={{
                                let scan = scan.clone();
                                let index = q.index;
                                Callback::from(move |e: Event| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    scan.dispatch(Action::Answer(index, input.checked().then_some(Answer::DontKnow)));
                                })
                            }} />
                        <label for={format!("sx-q-{}-dk", q.index)}>{ s.dont_know }</label>
                    </div>
                </div>
            }
        </>
    }
}
