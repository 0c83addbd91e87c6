//! The visitor's own report: the body, and what can be done with it (print, export, import,
//! share).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::report_actions::ReportActions;
use crate::components::report_body::{ReportBody, ReportBodyProps};
use crate::host::Host;
use crate::i18n::strings;
use crate::state::{use_scan, Action, Scan};

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
    let report = use_memo((scan.revision, scan.locale.clone()), |_| {
        Rc::new(
            scan.model
                .report_from(&scan.response, &scan.scores, &scan.locale),
        )
    });
    // The host gets the result when the report is reached, from the report on screen.
    {
        let host = use_context::<Host>().unwrap_or_default();
        let scan = scan.clone();
        let report = report.clone();
        use_effect_with((), move |_| {
            host.emit_soon("complete", move || {
                scan.model.export(&scan.response, &report)
            });
        });
    }
    let onback = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Back))
    };
    let groups = groups(&scan.model, &scan.locale);
    html! {
        <section class="sx-report" part="screen report" aria-labelledby="sx-report-title">
            <h2 id="sx-report-title" ref={heading} tabindex="-1">{ s.results }</h2>
            <ReportBody report={(*report).clone()} {groups} />
            <ReportActions report={(*report).clone()} />
            <nav class="sx-nav" aria-label={s.steps}>
                <button type="button" onclick={onback}>{ s.back }</button>
            </nav>
        </section>
    }
}

/// The modules (dimension groups) of an assessment: id and label in `locale`.
pub fn groups(model: &sextant_engine::Model, locale: &str) -> Vec<(String, String)> {
    model
        .assessment
        .groups
        .iter()
        .map(|g| (g.id.clone(), model.text(&g.label, locale).to_owned()))
        .collect()
}

/// Draws the report for `scan` once, into an element that is not in the document, and throws it
/// away; once per page. Browsers compile WebAssembly (and the JavaScript it calls) function by
/// function on first use, which made the first opening of the report about twice as costly as
/// the next. Called while the visitor is on the last step, this moves that compiling out of the
/// click on "See results". Yew's scheduler yields to the browser every 16 ms, so input is not
/// held up for long.
pub fn warm_up(scan: &Scan) {
    thread_local! {
        static DONE: Cell<bool> = const { Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    else {
        return;
    };
    let props = ReportBodyProps {
        report: Rc::new(
            scan.model
                .report_from(&scan.response, &scan.scores, &scan.locale),
        ),
        groups: groups(&scan.model, &scan.locale),
    };
    let handle = yew::Renderer::<ReportBody>::with_root_and_props(root, props).render();
    gloo::timers::callback::Timeout::new(0, move || handle.destroy()).forget();
}
