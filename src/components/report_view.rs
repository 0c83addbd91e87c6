//! The visitor's own report: the body, and what can be done with it (print, export, import,
//! share).

use std::cell::RefCell;
use std::rc::Rc;

use sextant_engine::Report;
use yew::prelude::*;

use crate::components::report_actions::ReportActions;
use crate::components::report_body::{ReportBody, ReportBodyProps};
use crate::host::Host;
use crate::i18n::strings;
use crate::state::{use_heading_focus, use_scan, Action, Scan};
use crate::storage;

/// The result screen.
#[component]
pub fn ReportView() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let heading = use_node_ref();
    use_heading_focus(heading.clone());
    let report = use_memo((scan.scored, scan.locale.clone()), |_| {
        Rc::new(
            scan.model
                .report_from(&scan.response, &scan.scores, &scan.locale),
        )
    });
    // The host gets the result when the report is reached, from the report on screen: once
    // for a set of answers, also across Back, reloads and tabs (a host that files each result
    // gets no duplicates). Changed answers are a new result.
    {
        let host = use_context::<Host>().unwrap_or_default();
        let scan = scan.clone();
        let report = report.clone();
        use_effect_with((), move |_| {
            let fingerprint =
                sextant_engine::save::answers_fingerprint(&scan.model, &scan.response);
            let key = host.storage_key.as_deref().map(storage::completed_key);
            if key.as_deref().and_then(storage::get).as_deref() == Some(fingerprint.as_str()) {
                return;
            }
            if let Some(key) = &key {
                storage::set(key, &fingerprint);
            }
            host.emit_soon("complete", move || {
                scan.model.export(&scan.response, &report)
            });
        });
    }
    let onback = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Back))
    };
    let cache = use_context::<ReportCache>().unwrap_or_default();
    let body = use_memo((scan.scored, scan.locale.clone()), |_| {
        cache.body_for_screen((*report).clone(), groups(&scan.model, &scan.locale))
    });
    html! {
        <section class="sx-report" part="screen report" aria-labelledby="sx-report-title">
            <h1 class="sx-screen-title">
                { scan.model.text(&scan.model.assessment.title, &scan.locale) }
            </h1>
            <h2 id="sx-report-title" ref={heading} tabindex="-1">{ s.results }</h2>
            { Html::VRef((*body).clone().into()) }
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

/// A report body drawn ahead of time: its own small Yew app, so that it can be brought up to
/// date and moved into the report screen without being drawn again.
struct Prepared {
    host: web_sys::Element,
    app: yew::AppHandle<ReportBody>,
    /// What it shows.
    props: (Rc<Report>, Vec<(String, String)>),
}

#[derive(Default)]
struct Cache {
    prepared: Option<Prepared>,
    /// The newest state of the last step that is not drawn yet.
    pending: Option<Scan>,
    timer: Option<gloo::timers::callback::Timeout>,
}

/// Where one widget keeps its report body between the last step and the report screen.
///
/// Opening the report used to create its 700 or so elements inside the click on "See results".
/// Now, when the visitor reaches the last step, the body is drawn off the page in a quiet moment
/// ([`ReportCache::prepare_soon`]), and the report screen only puts it in place; answers changed
/// since are applied to it as an update, which touches only what changed. Going back and opening
/// the report again reuses it as well. The first drawing also has the browser compile the
/// report's code (WebAssembly is compiled function by function on first use), which made the
/// first opening about twice as costly as the next.
#[derive(Clone, Default)]
pub struct ReportCache(Rc<RefCell<Cache>>);

impl PartialEq for ReportCache {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ReportCache {
    /// The report body for `report`: the one drawn ahead, brought up to date if the answers or
    /// the language changed since, or a new one. Whoever calls this places the element.
    fn body(&self, report: Rc<Report>, groups: Vec<(String, String)>) -> web_sys::Element {
        let mut cache = self.0.borrow_mut();
        if let Some(prepared) = cache.prepared.as_mut() {
            if *prepared.props.0 != *report || prepared.props.1 != groups {
                prepared.props = (report.clone(), groups.clone());
                prepared.app.update(ReportBodyProps { report, groups });
            }
            return prepared.host.clone();
        }
        let host = gloo::utils::document()
            .create_element("div")
            .expect("a document can create a div");
        host.set_class_name("sx-report-body-host");
        let app = yew::Renderer::<ReportBody>::with_root_and_props(
            host.clone(),
            ReportBodyProps {
                report: report.clone(),
                groups: groups.clone(),
            },
        )
        .render();
        cache.prepared = Some(Prepared {
            host: host.clone(),
            app,
            props: (report, groups),
        });
        host
    }

    /// The report body for the report screen: what was prepared is no longer pending.
    fn body_for_screen(
        &self,
        report: Rc<Report>,
        groups: Vec<(String, String)>,
    ) -> web_sys::Element {
        {
            let mut cache = self.0.borrow_mut();
            cache.pending = None;
            cache.timer = None;
        }
        self.body(report, groups)
    }

    /// Draws (or brings up to date) the report body for `scan`, off the page.
    pub fn prepare(&self, scan: &Scan) {
        let report = Rc::new(
            scan.model
                .report_from(&scan.response, &scan.scores, &scan.locale),
        );
        self.body(report, groups(&scan.model, &scan.locale));
    }

    /// Prepares `scan` (see [`ReportCache`]) [`PREPARE_DELAY_MS`] from now, or when the timer
    /// that is already running fires: changes in between are taken along. Yew's scheduler
    /// yields to the browser every 16 ms, so input that arrives meanwhile waits at most that
    /// long plus one component's rendering.
    pub fn prepare_soon(&self, scan: &Scan) {
        let mut cache = self.0.borrow_mut();
        cache.pending = Some(scan.clone());
        if cache.timer.is_none() {
            let me = self.clone();
            cache.timer = Some(gloo::timers::callback::Timeout::new(
                PREPARE_DELAY_MS,
                move || {
                    let pending = {
                        let mut cache = me.0.borrow_mut();
                        cache.timer = None;
                        cache.pending.take()
                    };
                    if let Some(scan) = pending {
                        me.prepare(&scan);
                    }
                },
            ));
        }
    }

    /// The body drawn so far, if any: in the report screen while that is shown, otherwise not
    /// in the document.
    pub fn prepared(&self) -> Option<web_sys::Element> {
        self.0.borrow().prepared.as_ref().map(|p| p.host.clone())
    }

    /// Takes the prepared body down (when the widget goes).
    pub fn clear(&self) {
        let mut cache = self.0.borrow_mut();
        cache.pending = None;
        cache.timer = None;
        if let Some(prepared) = cache.prepared.take() {
            prepared.app.destroy();
        }
    }
}

/// How long after the last step is shown the report body is prepared: after the step's own
/// rendering, and after a Next the visitor may have pressed twice.
pub const PREPARE_DELAY_MS: u32 = 300;
