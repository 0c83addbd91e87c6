//! The body of a report: headline, one section per module with its charts and scores, and the
//! recommendations. Shared by the visitor's own report and a shared (read-only) one.

use std::rc::Rc;

use sextant_engine::report::NO_VALUE;
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
    let today = js_sys::Date::new_0();
    let date = short_date(
        &r.locale,
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date(),
    );
    // Modules in file order, then whatever belongs to none.
    let mut modules: Vec<(Option<String>, Option<String>)> = props
        .groups
        .iter()
        .map(|(id, label)| (Some(id.clone()), Some(label.clone())))
        .collect();
    modules.push((None, None));
    let module = |(index, (group, label)): (usize, &(Option<String>, Option<String>))| {
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
                <ScoreTable dimensions={dims} locale={r.locale.clone()}
                    benchmarks={r.benchmarks.clone()} id={index} />
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
            // The first matching profile gave the headline; its description follows it. Each
            // other matching profile: its name, its sentence and its description.
            { for r.profiles.iter().enumerate().filter(|(i, p)| *i > 0 || p.description.is_some()).map(|(i, p)| html! {
                <div class="sx-profile">
                    if i > 0 {
                        <p class="sx-profile-headline"><strong>{ format!("{}: ", p.label) }</strong>{ &p.headline }</p>
                    }
                    if let Some(description) = &p.description {
                        <p class="sx-profile-description">{ description }</p>
                    }
                </div>
            }) }
            { for modules.iter().enumerate().map(module) }
            if !r.computed.is_empty() {
                <section class="sx-module sx-key-figures">
                    <h3>{ s.key_figures }</h3>
                    <dl class="sx-values">
                        { for r.computed.iter().map(|c| html! {
                            <div>
                                <dt>{ &c.label }</dt>
                                if c.display == NO_VALUE {
                                    <dd><span aria-hidden="true">{ NO_VALUE }</span><span class="sx-visually-hidden">{ s.no_value }</span></dd>
                                } else {
                                    <dd>{ &c.display }</dd>
                                }
                            </div>
                        }) }
                    </dl>
                </section>
            }
            <RecommendationList report={r.clone()} />
        </div>
    }
}

/// A date as `locale`'s language writes it: with the month's name in the widget's languages
/// (`24 november 2026`, `24 November 2026`), in the short numeric form of `toLocaleDateString`
/// for `en-US`, `de` and `fr` (`11/24/2026`, `24.11.2026`, `24/11/2026`), and ISO 8601
/// (`2026-11-24`) for other languages and regional variants.
///
/// Written out here because the browser's first date formatting loads its locale data, which
/// took about 27 ms of the click that opens the report.
pub fn short_date(locale: &str, year: u32, month: u32, day: u32) -> String {
    // The month by name in the widget's own languages: "1/5/2026" reads as 1 May in Europe
    // and as 5 January in the United States.
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = |names: [&'static str; 12]| names[(month.clamp(1, 12) - 1) as usize];
    match locale.to_ascii_lowercase().as_str() {
        "nl" | "nl-nl" => format!("{day} {} {year}", name(NL)),
        "en" | "en-gb" => format!("{day} {} {year}", name(EN)),
        "en-us" => format!("{month}/{day}/{year}"),
        "de" | "de-de" => format!("{day}.{month}.{year}"),
        "fr" | "fr-fr" => format!("{day:02}/{month:02}/{year}"),
        _ => format!("{year}-{month:02}-{day:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::short_date;

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(short_date("nl", 2026, 1, 5), "5 januari 2026");
        assert_eq!(short_date("en", 2026, 1, 5), "5 January 2026");
        assert_eq!(short_date("en-GB", 2026, 12, 31), "31 December 2026");
        assert_eq!(short_date("en-US", 2026, 11, 24), "11/24/2026");
        assert_eq!(short_date("de", 2026, 1, 5), "5.1.2026");
        assert_eq!(short_date("fr", 2026, 1, 5), "05/01/2026");
        assert_eq!(short_date("pt", 2026, 1, 5), "2026-01-05");
        assert_eq!(short_date("", 2026, 1, 5), "2026-01-05");
    }
}
