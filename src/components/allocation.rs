//! Point allocation: a number field with − and + per statement, the points left, and why the
//! visitor cannot go on while the total is wrong. No dragging is needed.

use sextant_engine::view::QuestionView;
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// Props of [`Allocation`].
#[derive(Properties, PartialEq)]
pub struct AllocationProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// Spread a fixed number of points over statements.
#[component]
pub fn Allocation(props: &AllocationProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let Some(a) = &q.allocation else {
        return html! {};
    };
    let left = i64::from(a.total) - i64::from(a.given);
    let status_id = format!("sx-q-{}-left", q.index);
    // − and + are never `disabled`: a disabled button would drop the keyboard focus. At a limit
    // they are marked `aria-disabled` and do nothing.
    let set = |option: usize, points: i64, allowed: bool| {
        let scan = scan.clone();
        let index = q.index;
        let points = points.clamp(0, i64::from(a.total)) as u32;
        Callback::from(move |_: MouseEvent| {
            if allowed {
                scan.dispatch(Action::Points(index, option, points));
            }
        })
    };
    let status = if left >= 0 {
        format!("{} {left} {} {}", s.points_left, s.points_of, a.total)
    } else {
        format!("{} {}", s.too_many_points, -left)
    };
    let dont_know = q.dont_know.map(|checked| {
        let scan = scan.clone();
        let index = q.index;
        let id = format!("sx-q-{}-dk", q.index);
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            scan.dispatch(Action::Answer(
                index,
                input.checked().then_some(Answer::DontKnow),
            ));
        });
        html! {
            <div class="sx-choices sx-dont-know">
                <div class="sx-choice">
                    <input type="checkbox" id={id.clone()} checked={checked} {onchange} />
                    <label for={id}>{ s.dont_know }</label>
                </div>
            </div>
        }
    });
    html! {
        <>
            <ul class="sx-allocation">
                { for a.options.iter().enumerate().map(|(o, (label, points))| {
                    let id = format!("sx-q-{}-{o}", q.index);
                    let value = i64::from(*points);
                    let oninput = {
                        let scan = scan.clone();
                        let index = q.index;
                        let total = a.total;
                        Callback::from(move |e: InputEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            let n = input.value().trim().parse::<i64>().unwrap_or(0).clamp(0, i64::from(total));
                            scan.dispatch(Action::Points(index, o, n as u32));
                        })
                    };
                    html! {
                        <li class="sx-statement">
                            <label for={id.clone()}>{ label }</label>
                            <div class="sx-stepper">
                                <button type="button" aria-label={format!("{} {label}", s.less)}
                                    aria-disabled={(value == 0).then_some("true")}
                                    onclick={set(o, value - 1, value > 0)}>{ "−" }</button>
                                <input type="number" id={id} inputmode="numeric" min="0"
                                    max={a.total.to_string()} step="1" value={points.to_string()}
                                    aria-describedby={status_id.clone()} {oninput} />
                                <button type="button" aria-label={format!("{} {label}", s.more)}
                                    aria-disabled={(left <= 0).then_some("true")}
                                    onclick={set(o, value + 1, left > 0)}>{ "+" }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <p class={classes!("sx-points-left", q.issue.is_some().then_some("sx-open"))}
                id={status_id.clone()} aria-live="polite">{ status }</p>
            { for dont_know }
        </>
    }
}
