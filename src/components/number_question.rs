//! A number question: a text field, read in the language shown, with its unit and bounds.

use sextant_engine::typed::{range_text, read_entry, show_number};
use sextant_engine::view::QuestionView;
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
    let locale = scan.locale.clone();
    // The mark comes from the scan: an entry that is not an answer is pending there.
    let out_of_range = scan.is_pending(Field::of(q.index));
    // The field's text is the visitor's: the widget writes it only when the field appears, and
    // when the answer changed, or the entry was dropped, outside the field (start over, an
    // import, another tab). An entry still pending, or one that says the answer, stays as typed.
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(
            (n.value, out_of_range, locale.clone()),
            move |(value, pending, locale)| {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let stale = read_entry(&input.value(), locale, min, max) != Ok(*value);
                    if stale && !*pending {
                        input.set_value(&value.map(|v| show_number(v, locale)).unwrap_or_default());
                    }
                }
            },
        );
    }
    let oninput = {
        let scan = scan.clone();
        let index = q.index;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let entry = match read_entry(&input.value(), &locale, min, max) {
                Ok(value) => Entry::Answer(value),
                Err(_) => Entry::OutOfRange,
            };
            scan.dispatch(Action::Entry(Field::of(index), entry));
        })
    };
    let range = range_text(n.min, n.max, &scan.locale);
    html! {
        <>
            <div class="sx-number">
                <label for={id.clone()} class="sx-visually-hidden">{ &q.text }</label>
                // A text field, not `type="number"`: the browser would read the number in its
                // own language, not the page's ("1,5" became 15), and would report what it
                // cannot read as empty.
                // Phones' decimal keypads have no minus sign: a range below 0 gets the full
                // keyboard.
                <input type="text" id={id} inputmode={if min < 0.0 { "text" } else { "decimal" }}
                    autocomplete="off"
                    spellcheck="false" ref={field}
                    aria-invalid={out_of_range.then_some("true")}
                    aria-describedby={match n.unit {
                        Some(_) => format!("{unit_id} {range_id}"),
                        None => range_id.clone(),
                    }} {oninput} />
                if let Some(unit) = &n.unit {
                    <span class="sx-unit" id={unit_id}>{ unit }</span>
                }
            </div>
            <p class={classes!("sx-range", out_of_range.then_some("sx-open"))} id={range_id}
                aria-live="polite">
                if out_of_range {
                    { s.enter_number(n.min, n.max, &scan.locale) }
                } else {
                    { format!("{} {range}", s.allowed) }
                }
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
