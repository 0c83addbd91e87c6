//! One step: a section's heading, progress, questions and navigation.

use sextant_engine::view::{Issue, Step};
use yew::prelude::*;

use crate::components::question::Question;
use crate::components::report_view::ReportCache;
use crate::components::step_index::StepIndex;
use crate::i18n::strings;
use crate::state::{use_focus, use_heading_focus, use_scan, Action, Blocker, Focus, ScanContext};

/// Props of [`StepView`].
#[derive(Properties, PartialEq)]
pub struct StepViewProps {
    /// The section index.
    pub section: usize,
}

/// A section as one step. Focus moves to its heading when the visitor moves to it (not when
/// the page opens on it).
#[component]
pub fn StepView(props: &StepViewProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let heading = use_node_ref();
    use_heading_focus(heading.clone());
    // Each press of Next that is refused takes focus to the message saying why.
    let blocked_ref = use_node_ref();
    use_focus(Focus::Blocked, blocked_ref.clone());
    let model = &scan.model;
    let section = &model.assessment.sections[props.section];
    let progress = model.progress(&scan.scores, props.section);
    let questions = model.question_views(&scan.response, &scan.scores, props.section, &scan.locale);
    let last = model.is_last_step(&scan.scores, Step::Section(props.section));
    let onback = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Back))
    };
    let onnext = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Next))
    };
    // On the last step, draw the report ahead in a quiet moment (see `ReportCache`).
    {
        let cache = use_context::<ReportCache>();
        let scan = scan.clone();
        use_effect_with(last, move |last| {
            if let Some(cache) = cache.filter(|_| *last) {
                cache.prepare_soon(&scan);
            }
        });
    }
    let step_text = s.step_of(progress.step, progress.count);
    let blocked: Vec<String> = scan
        .blocked
        .iter()
        .map(|(q, blocker)| {
            let text = model.text(&model.question(*q).text, &scan.locale);
            match blocker {
                Blocker::Answers(Issue::PointsLeft { total, .. }) => {
                    format!(
                        "{text} — {}",
                        s.fix_points.replace("{n}", &total.to_string())
                    )
                }
                Blocker::Entry => {
                    let what = questions
                        .iter()
                        .find(|v| v.index == *q)
                        .and_then(|v| {
                            v.number
                                .as_ref()
                                .map(|n| s.enter_number(n.min, n.max, &scan.locale))
                                .or_else(|| {
                                    v.allocation
                                        .as_ref()
                                        .map(|a| s.enter_points(a.total, &scan.locale))
                                })
                                .or_else(|| v.choose.map(|c| s.choose_rule(c, v.choices.len())))
                        })
                        .unwrap_or_default();
                    format!("{text} — {what}")
                }
            }
        })
        .collect();
    html! {
        <section class="sx-step" part="screen" aria-labelledby="sx-step-title">
            <h1 class="sx-screen-title">{ model.text(&model.assessment.title, &scan.locale) }</h1>
            <StepIndex />
            <p class="sx-progress-text">{ &step_text }</p>
            <progress class="sx-progress" max={progress.count.to_string()}
                value={(progress.step - 1).to_string()} aria-label={s.steps}
                aria-valuetext={step_text.clone()} />
            <h2 id="sx-step-title" ref={heading} tabindex="-1">
                { model.text(&section.title, &scan.locale) }
            </h2>
            if let Some(intro) = &section.intro {
                <p class="sx-intro">{ model.text(intro, &scan.locale) }</p>
            }
            { for questions.into_iter().map(|q| html! { <Question key={q.id.clone()} view={q.clone()} /> }) }
            if !blocked.is_empty() {
                <div class="sx-blocked" role="alert" tabindex="-1" ref={blocked_ref}>
                    { for blocked.iter().map(|b| html! { <p>{ b }</p> }) }
                </div>
            }
            <nav class="sx-nav" aria-label={s.steps}>
                <button type="button" onclick={onback}>{ s.back }</button>
                <button type="button" class="sx-primary" onclick={onnext}>
                    { if last { s.see_results } else { s.next } }
                </button>
            </nav>
        </section>
    }
}

/// How long after the welcome screen is shown the first step is drawn off the page (see
/// [`warm_up`]): after the screen itself is painted.
pub const WARM_UP_DELAY_MS: u32 = 300;

/// Props of [`DetachedStep`].
#[derive(Properties, PartialEq)]
struct DetachedStepProps {
    scan: ScanContext,
    section: usize,
}

/// A step with the scan it needs, for drawing outside the widget.
#[component]
fn DetachedStep(props: &DetachedStepProps) -> Html {
    html! {
        <ContextProvider<ScanContext> context={props.scan.clone()}>
            <StepView section={props.section} />
        </ContextProvider<ScanContext>>
    }
}

/// Draws the step that Start leads to once, into an element that is not in the document, and
/// takes it down again. Browsers compile WebAssembly (and the JavaScript it calls) function by
/// function on first use, so the first step, the first screen with questions, used to pay for
/// compiling the code of every kind of question on it inside the click on Start. Called from
/// the welcome screen in a quiet moment, this moves that compiling out of the click. Nothing
/// is dispatched and nothing is saved: the step's effects only focus (not possible off the
/// page) and prepare the report (not available off the widget).
pub fn warm_up(scan: &ScanContext) {
    let Step::Section(section) = scan.model.next_step(&scan.scores, Step::Welcome) else {
        return;
    };
    let Ok(root) = gloo::utils::document().create_element("div") else {
        return;
    };
    let props = DetachedStepProps {
        scan: scan.clone(),
        section,
    };
    let handle = yew::Renderer::<DetachedStep>::with_root_and_props(root, props).render();
    gloo::timers::callback::Timeout::new(0, move || handle.destroy()).forget();
}
