//! A level question: concrete level descriptions, with the current level and, when asked, the
//! desired level side by side.

use sextant_engine::view::QuestionView;
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// Props of [`LevelQuestion`].
#[derive(Properties, PartialEq)]
pub struct LevelQuestionProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// The levels as rows, each with a "now" radio and, when asked, a "desired" radio.
#[component]
pub fn LevelQuestion(props: &LevelQuestionProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let current = q.levels.iter().find(|l| l.current).map(|l| l.level);
    let desired = q.levels.iter().find(|l| l.desired).map(|l| l.level);
    let set = |c: Option<u32>, d: Option<u32>| {
        let scan = scan.clone();
        let index = q.index;
        Callback::from(move |_: Event| {
            // A desired level without a current one waits: it is kept once the current is set.
            let answer = c.map(|current| Answer::Level {
                current,
                desired: d,
            });
            if let Some(answer) = answer {
                scan.dispatch(Action::Answer(index, Some(answer)));
            }
        })
    };
    let name = format!("sx-q-{}", q.index);
    // The desired column waits for a current level (not said while "don't know" is chosen).
    let first_current = q.desired && current.is_none() && q.dont_know != Some(true);
    html! {
        <>
            <div class={classes!("sx-levels", q.desired.then_some("sx-two"))} role="presentation">
                if q.desired {
                    <div class="sx-level-head" aria-hidden="true">
                        <span>{ s.current }</span><span>{ s.desired }</span><span></span>
                    </div>
                }
                { for q.levels.iter().map(|l| {
                    let cur_id = format!("{name}-c{}", l.level);
                    let des_id = format!("{name}-d{}", l.level);
                    let text_id = format!("{name}-t{}", l.level);
                    html! {
                        <div class="sx-level">
                            <input type="radio" id={cur_id.clone()} name={format!("{name}-current")}
                                checked={l.current} onchange={set(Some(l.level), desired)}
                                aria-label={format!("{}: {}", s.current_level, l.label)}
                                aria-describedby={text_id.clone()} />
                            if q.desired {
                                <input type="radio" id={des_id.clone()} name={format!("{name}-desired")}
                                    checked={l.desired} disabled={current.is_none()}
                                    onchange={set(current, Some(l.level))}
                                    aria-label={format!("{}: {}", s.desired_level, l.label)}
                                    aria-describedby={if first_current {
                                        format!("{text_id} {name}-first")
                                    } else {
                                        text_id.clone()
                                    }} />
                            }
                            <label for={cur_id} id={text_id}>
                                <strong>{ &l.label }</strong>
                                if let Some(d) = &l.description {
                                    <span class="sx-level-text">{ d }</span>
                                }
                            </label>
                        </div>
                    }
                }) }
            </div>
            // Why the desired column cannot be chosen yet; below the levels, so that nothing
            // above the next click moves when it goes.
            if first_current {
                <p class="sx-muted" id={format!("{name}-first")}>{ s.desired_after_current }</p>
            }
            if let Some(checked) = q.dont_know {
                <div class="sx-choices sx-dont-know">
                    <div class="sx-choice">
                        <input type="radio" id={format!("{name}-dk")} name={format!("{name}-current")}
                            checked={checked} onchange={{
                                let scan = scan.clone();
                                let index = q.index;
                                Callback::from(move |_: Event| scan.dispatch(Action::Answer(index, Some(Answer::DontKnow))))
                            }} />
                        <label for={format!("{name}-dk")}>{ s.dont_know }</label>
                    </div>
                </div>
            }
        </>
    }
}
