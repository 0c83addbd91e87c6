//! A report opened from a share link: read-only, with a way to take the scan yourself.

use std::rc::Rc;

use sextant_engine::share::decode;
use sextant_engine::Model;
use yew::prelude::*;

use crate::components::app::Mode;
use crate::components::report_body::ReportBody;
use crate::components::report_view::groups;
use crate::i18n::{clip, strings, Strings, DETAIL_LANG};

/// Props of [`SharedReport`].
#[derive(Properties, PartialEq)]
pub struct SharedReportProps {
    /// The assessment.
    pub model: Rc<Model>,
    /// Preferred locale.
    pub lang: AttrValue,
    /// The share code from the link.
    pub code: AttrValue,
    /// Leaves for the scan.
    pub onmode: Callback<Mode>,
}

/// Why a share link cannot be opened, in the visitor's words, from its error's code: made for
/// another version of the assessment, for another assessment, or damaged.
pub fn share_failure(s: &Strings, code: &str) -> &'static str {
    match code {
        "share.other_version" => s.share_other_version,
        "share.other_assessment" => s.share_other_assessment,
        _ => s.share_damaged,
    }
}

/// The shared report, or a clear message when the link is damaged or made for another version.
#[component]
pub fn SharedReport(props: &SharedReportProps) -> Html {
    let locale = props.model.locale_for(&props.lang);
    let s = strings(&locale);
    let ontake = {
        let onmode = props.onmode.clone();
        Callback::from(move |_| onmode.emit(Mode::Scan))
    };
    let title = props
        .model
        .text(&props.model.assessment.title, &locale)
        .to_owned();
    crate::use_page(locale.clone(), title.clone());
    let body = match decode(&props.model, &props.code) {
        Ok(response) => {
            let report = Rc::new(props.model.report(&response, &locale));
            html! {
                <>
                    <p class="sx-notice" role="status">{ s.shared_report }</p>
                    // The modules' headings are h3, as in the scan's report under its h2.
                    <h2>{ s.shared_results }</h2>
                    <ReportBody report={report} groups={groups(&props.model, &locale)} />
                </>
            }
        }
        Err(e) => {
            let why = share_failure(s, e.code());
            html! {
                <div class="sx-error" role="alert">
                    <p><strong>{ format!("{} {why}.", s.share_broken) }</strong></p>
                    <p><code lang={DETAIL_LANG}>{ clip(&e.to_string()) }</code></p>
                </div>
            }
        }
    };
    html! {
        <div class="sx-app" lang={locale.clone()} dir={sextant_engine::text::direction(&locale)}>
            <section class="sx-report" aria-labelledby="sx-shared-title">
                <h1 id="sx-shared-title">{ title }</h1>
                { body }
                <div class="sx-nav">
                    <button type="button" class="sx-primary" onclick={ontake}>{ s.take_scan }</button>
                </div>
            </section>
        </div>
    }
}
