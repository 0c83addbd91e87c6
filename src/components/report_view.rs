//! The report: the engine's result, rendered.

use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// The result screen.
#[component]
pub fn ReportView() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let report = scan
        .model
        .report_from(&scan.response, &scan.scores, &scan.locale);
    let onback = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Back))
    };
    html! {
        <section class="sx-report">
            <h2 ref={heading} tabindex="-1">{ s.results }</h2>
            if let Some(headline) = &report.headline {
                <p class="sx-headline">{ headline }</p>
            }
            <table class="sx-scores">
                <caption>{ s.scores }</caption>
                <thead>
                    <tr><th scope="col">{ s.dimension }</th><th scope="col">{ s.score }</th></tr>
                </thead>
                <tbody>
                    { for report.dimensions.iter().map(|d| html! {
                        <tr>
                            <th scope="row">{ &d.label }</th>
                            <td>{ d.display.clone().unwrap_or_else(|| s.not_enough.to_owned()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <nav class="sx-nav">
                <button type="button" onclick={onback}>{ s.back }</button>
            </nav>
        </section>
    }
}
