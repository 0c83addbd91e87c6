//! Scores as a table; each score opens to show the answers that moved it.

use sextant_engine::report::{
    format_number, format_score, BenchmarkReport, DimensionReport, NO_VALUE,
};
use yew::prelude::*;

use crate::components::disclosure::Disclosure;
use crate::i18n::{strings, Strings};

/// Props of [`ScoreTable`].
#[derive(Properties, PartialEq)]
pub struct ScoreTableProps {
    /// The dimensions to show.
    pub dimensions: Vec<DimensionReport>,
    /// The assessment's benchmarks; those with a score for one of `dimensions` get a column.
    #[prop_or_default]
    pub benchmarks: Vec<BenchmarkReport>,
    /// Tells this table's benchmark sources from another table's (the module's index).
    #[prop_or_default]
    pub id: usize,
    /// The locale of the interface strings.
    pub locale: AttrValue,
}

/// One row per dimension: score, coverage, level, and what moved it.
#[component]
pub fn ScoreTable(props: &ScoreTableProps) -> Html {
    let s = strings(&props.locale);
    if props.dimensions.is_empty() {
        return html! {};
    }
    // A benchmark's column, only where it gives a score for one of these dimensions.
    let benchmarks: Vec<&BenchmarkReport> = props
        .benchmarks
        .iter()
        .filter(|b| {
            props
                .dimensions
                .iter()
                .any(|d| b.values.contains_key(&d.id))
        })
        .collect();
    let sources_id = format!("sx-benchmark-sources-{}", props.id);
    html! {
        <>
            <div class="sx-scores-box">
            <table class={classes!("sx-scores", (!benchmarks.is_empty()).then_some("sx-benchmarked"))}
                aria-describedby={(!benchmarks.is_empty()).then(|| sources_id.clone())}>
                <caption>{ s.scores }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.dimension }</th>
                        <th scope="col">{ s.score }</th>
                        <th scope="col" class="sx-band">{ s.level }</th>
                        { for benchmarks.iter().map(|b| html! {
                            <th scope="col" class="sx-benchmark">{ &b.label }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.dimensions.iter().map(|d| html! {
                        <tr>
                            <th scope="row">{ &d.label }</th>
                            <td>{ match &d.display {
                                Some(shown) => shown.as_str(),
                                None if d.does_not_apply => s.does_not_apply,
                                None => s.not_enough,
                            } }</td>
                            <td class="sx-band">{ d.band.as_ref().map(|b| b.label.clone()).unwrap_or_default() }</td>
                            { for benchmarks.iter().map(|b| match b.values.get(&d.id) {
                                Some(v) => html! { <td class="sx-benchmark">{ format_score(*v) }</td> },
                                None => html! {
                                    <td class="sx-benchmark">
                                        <span aria-hidden="true">{ NO_VALUE }</span>
                                        <span class="sx-visually-hidden">{ s.no_value }</span>
                                    </td>
                                },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            // Each benchmark names where its numbers come from.
            if !benchmarks.is_empty() {
                <div id={sources_id} class="sx-benchmark-sources">
                    { for benchmarks.iter().map(|b| html! {
                        <p class="sx-muted">{ format!("{} — {}: {}", b.label, s.benchmark_source, b.source) }</p>
                    }) }
                </div>
            }
            <div class="sx-explain">
                { for props.dimensions.iter().filter(|d| !d.contributions.is_empty()).map(|d| {
                    let summary = format!("{} {}", s.what_moved, d.label);
                    let d = d.clone();
                    let content = Callback::from(move |()| explanation(&d, s));
                    html! { <Disclosure class="sx-why" summary={summary} {content} /> }
                }) }
            </div>
        </>
    }
}

/// What moved a dimension's score: its coverage and each answer's points.
fn explanation(d: &DimensionReport, s: &'static Strings) -> Html {
    // "2,8 punten" in Dutch: the report's language writes its own decimal sign.
    let local = |x: f64| sextant_engine::typed::show_decimals(x, 1, s.locale);
    html! {
        <>
            <p class="sx-muted">
                { format!("{}: {}%", s.coverage, format_number(d.coverage * 100.0, 0)) }
            </p>
            <ul>
                { for d.contributions.iter().map(|c| html! {
                    <li>
                        <span>{ &c.text }</span>
                        <span class="sx-answer">{ format!(" — {}", answer_or(&c.answer, s.dont_know)) }</span>
                        <span class="sx-points">{ format!(" ({} {} {} {})",
                            local(c.points), s.points, s.of_max, local(c.max_points)) }</span>
                    </li>
                }) }
            </ul>
        </>
    }
}

/// An answer as shown, or the "don't know" words for the empty answer.
pub fn answer_or(answer: &str, dont_know: &str) -> String {
    if answer.is_empty() {
        dont_know.to_owned()
    } else {
        answer.to_owned()
    }
}
