//! Recommendations in priority order, each with "why am I seeing this".

use std::rc::Rc;

use sextant_engine::report::RecommendationReport;
use sextant_engine::Report;
use yew::prelude::*;

use crate::components::disclosure::Disclosure;
use crate::components::score_table::answer_or;
use crate::i18n::{strings, Strings};

/// Props of [`RecommendationList`].
#[derive(Properties, PartialEq)]
pub struct RecommendationListProps {
    /// The report.
    pub report: Rc<Report>,
}

/// The triggered recommendations, most urgent first: the assessment's top few, then the others
/// behind "N more recommendations" (closed, so printing leaves them out).
#[component]
pub fn RecommendationList(props: &RecommendationListProps) -> Html {
    let r = &props.report;
    let s = strings(&r.locale);
    let top = r.top_recommendations;
    let rest = r.recommendations.len() - top;
    html! {
        <section class="sx-module sx-recommendations">
            <h3>{ s.recommendations }</h3>
            if r.recommendations.is_empty() {
                <p>{ s.no_recommendations }</p>
            } else {
                { items(r, 0..top, s) }
                if rest > 0 {
                    <Disclosure class="sx-more" print=true summary={s.more_recommendations(rest)} content={{
                        let r = r.clone();
                        Callback::from(move |()| items(&r, top..r.recommendations.len(), s))
                    }} />
                }
            }
        </section>
    }
}

/// The recommendations in `range`, numbered from their place in the whole list.
fn items(r: &Rc<Report>, range: std::ops::Range<usize>, s: &'static Strings) -> Html {
    let start = (range.start + 1).to_string();
    html! {
        <ol start={start}>
            { for range.map(|i| {
                let rec = &r.recommendations[i];
                html! {
                    <li class="sx-recommendation">
                        <h4>{ &rec.title }</h4>
                        <p class="sx-muted">{ &rec.dimension_label }</p>
                        <p>{ &rec.body }</p>
                        <Disclosure class="sx-why" summary={s.why} content={{
                            let r = r.clone();
                            Callback::from(move |()| why(&r.recommendations[i], s))
                        }} />
                    </li>
                }
            }) }
        </ol>
    }
}

/// Why a recommendation shows: its conditions in words, each met or not, the rule as written,
/// and the answers behind it.
fn why(rec: &RecommendationReport, s: &'static Strings) -> Html {
    html! {
        <>
            <p><strong>{ s.conditions }</strong></p>
            <ul>
                { for rec.conditions.iter().map(|c| html! {
                    <li>
                        // In words where the engine can say it; otherwise as written.
                        if c.text.is_empty() {
                            <code>{ &c.source }</code>
                        } else {
                            { &c.text }
                        }
                        { format!(" — {}", match c.met {
                            Some(true) => s.met,
                            Some(false) => s.not_met,
                            None => s.unknown,
                        }) }
                        // The values compared ("3 < 2"), when the condition compares any.
                        if !c.detail.is_empty() {
                            { format!(" ({})", c.detail) }
                        }
                    </li>
                }) }
            </ul>
            // The whole rule as the assessment writes it, for whoever wants to check it.
            <p class="sx-muted sx-rule">{ s.rule }{ " " }<code>{ &rec.rule }</code></p>
            if !rec.answers.is_empty() {
                <p><strong>{ s.answers_behind }</strong></p>
                <ul>
                    { for rec.answers.iter().map(|a| html! {
                        <li>{ format!("{} — {}", a.text, answer_or(&a.answer, s.dont_know)) }</li>
                    }) }
                </ul>
            }
        </>
    }
}
