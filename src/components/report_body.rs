//! The body of a report: headline, one section per module with its charts and scores, and the
//! recommendations. Shared by the visitor's own report and a shared (read-only) one.

use std::rc::Rc;

use sextant_engine::Report;
use yew::prelude::*;

use crate::components::chart::Chart;
use crate::components::recommendation_list::RecommendationList;
use crate::components::score_table::ScoreTable;
use crate::i18n::strings;

/// Props of [`ReportBody`].
#[derive(Properties, PartialEq)]
pub struct ReportBodyProps {
    /// The report, as the engine built it.
    pub report: Rc<Report>,
    /// The modules: (group id, label), in file order.
    pub groups: Vec<(String, String)>,
}

/// Everything the report shows, without actions.
#[component]
pub fn ReportBody(props: &ReportBodyProps) -> Html {
    let r = &props.report;
    let s = strings(&r.locale);
    let date = js_sys::Date::new_0()
        .to_locale_date_string(&r.locale, &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    // Modules in file order, then whatever belongs to none.
    let mut modules: Vec<(Option<String>, Option<String>)> = props
        .groups
        .iter()
        .map(|(id, label)| (Some(id.clone()), Some(label.clone())))
        .collect();
    modules.push((None, None));
    let module = |(group, label): &(Option<String>, Option<String>)| {
        let charts: Vec<_> = r.charts.iter().filter(|c| c.group == *group).collect();
        let dims: Vec<_> = r
            .dimensions
            .iter()
            .filter(|d| d.group == *group)
            .cloned()
            .collect();
        if charts.is_empty() && dims.is_empty() {
            return html! {};
        }
        html! {
            <section class="sx-module">
                if let Some(label) = label {
                    <h3>{ label }</h3>
                }
                { for charts.iter().map(|c| html! {
                    <Chart view={(*c).clone()} estimate_label={s.estimate} no_value={s.no_value}
                        exempt_label={s.exempt} lang={r.locale.clone()} />
                }) }
                <ScoreTable dimensions={dims} locale={r.locale.clone()} />
            </section>
        }
    };
    html! {
        <div class="sx-report-body">
            <p class="sx-print-header">
                { format!("{} · {}: {date}", r.title, s.report_date) }
            </p>
            if let Some(headline) = &r.headline {
                <p class="sx-headline"><span class="sx-visually-hidden">{ format!("{}: ", s.headline) }</span>{ headline }</p>
            }
            { for r.profiles.iter().skip(1).map(|p| html! { <p class="sx-profile">{ &p.headline }</p> }) }
            { for modules.iter().map(module) }
            <RecommendationList report={r.clone()} />
        </div>
    }
}
