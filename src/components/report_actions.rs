//! Print, export (JSON and CSV), import and share: all in the browser, nothing uploaded.

use std::rc::Rc;

use sextant_engine::Report;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::import_button::ImportButton;
use crate::components::submit_panel::SubmitPanel;
use crate::download::download;
use crate::host::Host;
use crate::i18n::strings;
use crate::state::{use_scan, Action, Notice};

/// Props of [`ReportActions`].
#[derive(Properties, PartialEq)]
pub struct ReportActionsProps {
    /// The report on screen.
    pub report: Rc<Report>,
}

/// The report's actions.
#[component]
pub fn ReportActions(props: &ReportActionsProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let link = use_state(|| None::<String>);
    // The last copy: `Some(true)` copied, `Some(false)` refused by the browser.
    let copied = use_state(|| None::<bool>);
    // Every press of "Make a share link" (counted: the link can be the same as before) moves
    // focus to the link field, which selects the link: a screen reader reads the new field, its
    // label and its hint, and the link is ready to copy.
    let made = use_state(|| 0u32);
    let field_ref = use_node_ref();
    {
        let field_ref = field_ref.clone();
        use_effect_with(*made, move |made| {
            if *made > 0 {
                if let Some(input) = field_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    let base = format!(
        "{}-{}",
        scan.model.assessment.id, scan.model.assessment.version
    );

    // The recommendations after the first few are printed too: their disclosure is opened
    // first, and the print starts in a task of its own, once that is drawn.
    let onprint = Callback::from(|_| {
        crate::components::disclosure::prepare_print(true);
        gloo::timers::callback::Timeout::new(0, || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        })
        .forget();
    });
    let onjson = {
        let scan = scan.clone();
        let report = props.report.clone();
        let name = format!("{base}.json");
        Callback::from(move |_| {
            let json = scan.model.export(&scan.response, &report);
            if let Err(e) = download(&name, "application/json", &json) {
                scan.dispatch(Action::Notify(Notice::ExportFailed(e)));
            }
        })
    };
    let oncsv = {
        let scan = scan.clone();
        let report = props.report.clone();
        let name = format!("{base}-scores.csv");
        Callback::from(move |_| {
            let csv = sextant_engine::save::scores_csv(&report);
            if let Err(e) = download(&name, "text/csv", &csv) {
                scan.dispatch(Action::Notify(Notice::ExportFailed(e)));
            }
        })
    };
    let host = use_context::<Host>().unwrap_or_default();
    let onshare = {
        let scan = scan.clone();
        let share_base = host.share_base.clone();
        let link = link.clone();
        let copied = copied.clone();
        let made = made.clone();
        Callback::from(move |_| {
            let code = sextant_engine::share::encode(&scan.model, &scan.response);
            link.set(Some(share_url(share_base.as_deref(), &code)));
            copied.set(None);
            made.set(made.wrapping_add(1).max(1));
        })
    };
    let oncopy = {
        let link = link.clone();
        let copied = copied.clone();
        let field_ref = field_ref.clone();
        Callback::from(move |_| {
            if let Some(url) = &*link {
                let copied = copied.clone();
                let field_ref = field_ref.clone();
                crate::clipboard::copy_text(url, move |ok| {
                    copied.set(Some(ok));
                    // Refused: the link is selected, ready for the keyboard's copy.
                    if let (false, Some(input)) =
                        (ok, field_ref.cast::<web_sys::HtmlInputElement>())
                    {
                        let _ = input.focus();
                        input.select();
                    }
                });
            }
        })
    };
    let onfocus_link = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    // Named for all it holds: print, the exports, the import and the share link.
    html! {
        <section class="sx-actions" aria-label={s.actions}>
            <div class="sx-action-row">
                <button type="button" onclick={onprint}>{ s.print }</button>
                <button type="button" onclick={onjson}>{ s.export_json }</button>
                <button type="button" onclick={oncsv}>{ s.export_csv }</button>
                <ImportButton />
                <button type="button" class="sx-primary" onclick={onshare}>{ s.share }</button>
            </div>
            if let Some(url) = host.submit_url.clone() {
                <SubmitPanel {url} report={props.report.clone()} consent={host.consent_text.clone()} />
            }
            if let Some(url) = &*link {
                <div class="sx-share">
                    <label for="sx-share-link">{ s.share_label }</label>
                    <div class="sx-share-row">
                        <input id="sx-share-link" type="text" readonly=true value={url.clone()}
                            ref={field_ref}
                            onfocus={onfocus_link} aria-describedby="sx-share-hint" />
                        <button type="button" onclick={oncopy}>{ s.copy }</button>
                    </div>
                    <p id="sx-share-hint" class="sx-muted">{ s.share_hint }</p>
                    <p role="status">{ match *copied {
                        Some(true) => s.copied,
                        Some(false) => s.copy_failed,
                        None => "",
                    } }</p>
                </div>
            }
        </section>
    }
}

/// The share link: the host's `share-base` (or this page) with the share code in the fragment,
/// which browsers never send to a server.
pub fn share_url(share_base: Option<&str>, code: &str) -> String {
    let base = match share_base {
        Some(b) => b.to_owned(),
        None => web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default(),
    };
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}#r={code}")
}
