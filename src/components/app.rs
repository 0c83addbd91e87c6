//! The root component: loads the assessment, then shows the current screen.

use std::rc::Rc;

use sextant_engine::view::Step;
use sextant_engine::Model;
use yew::prelude::*;

use crate::components::error_box::ErrorBox;
use crate::components::report_view::ReportView;
use crate::components::step_view::StepView;
use crate::components::welcome::Welcome;
use crate::i18n::strings;
use crate::load::{fetch_text, Source};
use crate::state::{use_scan, Scan, ScanContext};

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the assessment comes from.
    pub source: Source,
    /// The host's preferred locale, e.g. from a `lang` option; the browser's language otherwise.
    pub lang: AttrValue,
}

/// Where loading stands.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(String),
    Ready(Rc<Model>),
}

fn load_now(json: &str) -> Load {
    match Model::load(json) {
        Ok(loaded) => Load::Ready(Rc::new(loaded.model)),
        Err(e) => Load::Failed(e.to_string()),
    }
}

/// Loads the assessment and shows the scan, or the reason it could not be loaded.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = {
        let source = props.source.clone();
        use_state(move || match &source {
            Source::Text(json) => load_now(json),
            Source::Url(_) => Load::Loading,
        })
    };
    {
        let load = load.clone();
        use_effect_with(props.source.clone(), move |source| {
            if let Source::Url(url) = source.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(match fetch_text(&url).await {
                        Ok(json) => load_now(&json),
                        Err(e) => Load::Failed(e),
                    });
                });
            }
        });
    }
    let s = strings(&props.lang);
    match &*load {
        Load::Loading => html! { <p class="sx-loading" aria-live="polite">{ "…" }</p> },
        Load::Failed(detail) => html! { <ErrorBox lead={s.load_error} detail={detail.clone()} /> },
        Load::Ready(model) => html! { <Scanner model={model.clone()} lang={props.lang.clone()} /> },
    }
}

/// Props of [`Scanner`].
#[derive(Properties, PartialEq)]
struct ScannerProps {
    model: Rc<Model>,
    lang: AttrValue,
}

/// Holds the scan state and provides it to the screens.
#[component]
fn Scanner(props: &ScannerProps) -> Html {
    let model = props.model.clone();
    let lang = props.lang.clone();
    let scan = use_reducer(move || Scan::new(model, &lang));
    html! {
        <ContextProvider<ScanContext> context={scan}>
            <Screen />
        </ContextProvider<ScanContext>>
    }
}

/// The current screen.
#[component]
fn Screen() -> Html {
    let scan = use_scan();
    let screen = match scan.step {
        Step::Welcome => html! { <Welcome /> },
        Step::Section(section) => html! { <StepView key={section} section={section} /> },
        Step::Report => html! { <ReportView /> },
    };
    html! { <div class="sx-app" lang={scan.locale.clone()}>{ screen }</div> }
}
