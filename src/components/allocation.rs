//! Point allocation: a number field with − and + per statement, the points left, and why the
//! visitor cannot go on while the total is wrong. No dragging is needed.

use sextant_engine::typed::read_points;
use sextant_engine::view::QuestionView;
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action, Entry, Field};

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
    // With "don't know" ticked there are no points to give.
    let status = if q.dont_know == Some(true) {
        String::new()
    } else if left >= 0 {
        format!("{} {left} {} {}", s.points_left, s.points_of, a.total)
    } else {
        format!("{} {}", s.too_many_points, -left)
    };
    // Over the total, every statement with points is part of the error.
    let over = left < 0 && q.dont_know != Some(true);
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
                    html! {
                        <li class="sx-statement">
                            <label for={id.clone()}>{ label }</label>
                            <div class="sx-stepper">
                                <button type="button" aria-label={format!("{} {label}", s.less)}
                                    aria-disabled={(value == 0).then_some("true")}
                                    onclick={set(o, value - 1, value > 0)}>{ "−" }</button>
                                <PointsInput id={id} index={q.index} option={o} points={*points}
                                    total={a.total} status={status_id.clone()} {over} />
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

/// Props of [`PointsInput`].
#[derive(Properties, PartialEq)]
struct PointsInputProps {
    id: String,
    index: usize,
    option: usize,
    points: u32,
    total: u32,
    /// The id of the points-left message.
    status: String,
    /// The statements together have more points than the total.
    over: bool,
}

/// A statement's points. What the visitor types stays as typed: an entry that is not a whole
/// number within range ("15" of 10, "2.5", "2,5", "-") is marked and explained, and leaves the
/// points as they were; the step is not left while it stands ([`Entry::OutOfRange`]). Each
/// statement's entry is pending on its own: − and + on another statement leave it as it is.
///
/// A text field in the role of a spin button, not `type="number"`: the browser reads a number
/// field by its own language's rules, and takes "2,5" for 25, which a total of 100 would accept
/// without a word. The arrow keys step the points by one, as a number field's do.
#[component]
fn PointsInput(props: &PointsInputProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let this = Field {
        question: props.index,
        part: props.option,
    };
    // The mark comes from the scan: an entry that is not an answer is pending there.
    let invalid = scan.is_pending(this);
    let field = use_node_ref();
    {
        // The points are written when the field appears ...
        let field = field.clone();
        let points = props.points;
        use_effect_with((), move |_| {
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                input.set_value(&points.to_string());
            }
        });
    }
    {
        // ... and when − and +, the arrow keys or another tab change them, or the entry was
        // dropped outside the field; an entry still pending, or one that already says them (an
        // empty field says 0), is left alone.
        let field = field.clone();
        let total = props.total;
        use_effect_with((props.points, invalid), move |&(points, pending)| {
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                if !pending && read_points(&input.value(), total) != Some(points) {
                    input.set_value(&points.to_string());
                }
            }
        });
    }
    let oninput = {
        let scan = scan.clone();
        let (index, option, total) = (props.index, props.option, props.total);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match read_points(&input.value(), total) {
                Some(n) => scan.dispatch(Action::Points(index, option, n)),
                None => scan.dispatch(Action::Entry(this, Entry::OutOfRange)),
            }
        })
    };
    let onkeydown = {
        let scan = scan.clone();
        let (index, option, total, points) = (props.index, props.option, props.total, props.points);
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowUp" => points.saturating_add(1).min(total),
                "ArrowDown" => points.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            scan.dispatch(Action::Points(index, option, step));
        })
    };
    let range_id = format!("{}-range", props.id);
    html! {
        <>
            <input type="text" id={props.id.clone()} inputmode="numeric" role="spinbutton"
                aria-valuemin="0" aria-valuemax={props.total.to_string()}
                aria-valuenow={props.points.to_string()} autocomplete="off" spellcheck="false"
                ref={field}
                aria-invalid={(invalid || (props.over && props.points > 0)).then_some("true")}
                aria-describedby={if invalid { format!("{} {range_id}", props.status) } else { props.status.clone() }}
                {oninput} {onkeydown} />
            // On the page from the start, so that the message is read out as it appears.
            <span class="sx-range sx-open" id={range_id} aria-live="polite">
                if invalid {
                    { s.enter_points(props.total, &scan.locale) }
                }
            </span>
        </>
    }
}
