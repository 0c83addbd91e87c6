//! A number question: a native number input with its unit and bounds.

use sextant_engine::view::{NumberView, QuestionView};
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action, Entry, Field};

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

/// A number as the field shows it.
fn shown(value: f64) -> String {
    sextant_engine::report::format_number(value, 6)
}

/// What an entry means: no answer (empty), an answer, or `Err` when it is not a number within
/// `min..=max`. A decimal comma is read as a point.
fn accept(text: &str, min: f64, max: f64) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v >= min && v <= max => Ok(Some(v)),
        _ => Err(()),
    }
}

/// A number with its unit. An empty entry clears the answer; an entry out of range (or not a
/// number) is marked and explained, and leaves the answer as it was, so that nothing given
/// before is lost while typing. The step is not left while an entry is out of range
/// ([`Entry::OutOfRange`]).
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
    let (min, max) = (n.min, n.max);
    // The mark comes from the scan: an entry that is not an answer is pending there.
    let out_of_range = scan.is_pending(Field::of(q.index));
    // The field's text is the visitor's: the widget writes it only when the field appears, and
    // when the answer changed, or the entry was dropped, outside the field (start over, an
    // import, another tab). An entry still pending, or one that says the answer, stays as typed.
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with((n.value, out_of_range), move |&(value, pending)| {
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                let stale =
                    input.validity().bad_input() || accept(&input.value(), min, max) != Ok(value);
                if stale && !pending {
                    input.set_value(&value.map(shown).unwrap_or_default());
                }
            }
        });
    }
    let oninput = {
        let scan = scan.clone();
        let index = q.index;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            // What the browser cannot read as a number at all ("45-", "1e400") it reports as
            // empty, which must not be taken for "no answer".
            let entry = match accept(&input.value(), min, max) {
                Ok(value) if !input.validity().bad_input() => Entry::Answer(value),
                _ => Entry::OutOfRange,
            };
            scan.dispatch(Action::Entry(Field::of(index), entry));
        })
    };
    let range = range_text(n);
    html! {
        <>
            <div class="sx-number">
                <label for={id.clone()} class="sx-visually-hidden">{ &q.text }</label>
                <input type="number" id={id} inputmode="decimal" min={n.min.to_string()}
                    max={n.max.to_string()} step="any" ref={field}
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
