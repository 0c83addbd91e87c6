//! The root component: loads the assessment, then shows the scan, a shared report or the team view.

use std::rc::Rc;

use sextant_engine::view::Step;
use sextant_engine::Model;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bench;
use crate::components::error_box::ErrorBox;
use crate::components::notice_bar::NoticeBar;
use crate::components::report_view::{ReportCache, ReportView};
use crate::components::shared_report::SharedReport;
use crate::components::step_view::StepView;
use crate::components::team_view::{TeamMemory, TeamView};
use crate::components::toolbar::Toolbar;
use crate::components::welcome::Welcome;
use crate::host::Host;
use crate::i18n::{clip, strings};
use crate::load::{fetch_text, Source};
use crate::state::{use_scan, Action, Focus, Notice, Scan, ScanContext};
use crate::storage::{self, PageSignal};

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the assessment comes from.
    pub source: Source,
    /// The host's preferred locale, e.g. from a `lang` option; the browser's language otherwise.
    pub lang: AttrValue,
    /// The prefix of the storage key, to keep two embeds apart.
    #[prop_or(AttrValue::Static("sextant"))]
    pub storage_key: AttrValue,
    /// The URL fragment at start (`#r=…` opens a shared report, `#team` the team view).
    #[prop_or_default]
    pub fragment: AttrValue,
    /// The host's options and the element events go to.
    #[prop_or_default]
    pub host: Host,
    /// Whether `lang` was set by the host (it then wins over the language saved with the
    /// answers); otherwise it is the browser's, and the saved language is used.
    #[prop_or_default]
    pub lang_from_host: bool,
}

/// Where loading stands.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(String),
    Ready(Rc<Model>),
}

/// Loads an assessment; what is wrong with a file fetched from an address names the address,
/// as a failed request does.
fn load_now(json: &str, from: Option<&str>) -> Load {
    match Model::load(json) {
        Ok(loaded) => Load::Ready(Rc::new(loaded.model)),
        Err(e) => Load::Failed(load_error_detail(&e, from)),
    }
}

/// The most errors of an assessment listed in the error box; the rest are counted.
const MAX_LISTED_ERRORS: usize = 10;

/// What is wrong with an assessment, one error per line: every error, up to
/// [`MAX_LISTED_ERRORS`], each cut short if long, then how many more there are.
fn load_error_detail(e: &sextant_engine::Error, from: Option<&str>) -> String {
    let errors: Vec<_> = e
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == sextant_engine::Severity::Error)
        .collect();
    if errors.len() <= 1 {
        return clip(&match from {
            Some(url) => format!("{url}: {e}"),
            None => e.to_string(),
        });
    }
    let mut lines: Vec<String> = from
        .map(|url| clip(&format!("{url}:")))
        .into_iter()
        .collect();
    lines.extend(
        errors
            .iter()
            .take(MAX_LISTED_ERRORS)
            .map(|d| clip(&d.to_string())),
    );
    if errors.len() > MAX_LISTED_ERRORS {
        lines.push(format!("(and {} more)", errors.len() - MAX_LISTED_ERRORS));
    }
    lines.join("\n")
}

/// What the widget shows besides the scan itself.
#[derive(Clone, PartialEq)]
pub enum Mode {
    /// Answering, and the visitor's own report.
    Scan,
    /// A report opened from a share link (the code).
    Shared(String),
    /// The facilitator's team comparison.
    Team,
    /// The team comparison from a link that names an assessment (`#team=<id>`): on a page with
    /// several widgets, only the widget for that assessment opens it.
    TeamFor(String),
}

fn mode_from(fragment: &str) -> Mode {
    let fragment = fragment.trim_start_matches('#');
    if let Some(code) = fragment.strip_prefix("r=") {
        Mode::Shared(code.to_owned())
    } else if fragment == "team" {
        Mode::Team
    } else if let Some(id) = fragment.strip_prefix("team=") {
        Mode::TeamFor(id.to_owned())
    } else {
        Mode::Scan
    }
}

/// What a widget on the page holds, as far as links in the address go.
#[derive(Clone)]
enum Held {
    /// Its assessment is still loading.
    Loading,
    /// Its assessment.
    Ready(Rc<Model>),
    /// It shows an error instead of an assessment.
    Failed,
}

/// A widget mounted on this page.
struct Mounted {
    id: u32,
    /// Its `<sextant-scan>` element (none on the standalone page).
    element: Option<web_sys::Element>,
    held: Held,
    /// Makes it decide again (another widget came, went or loaded).
    tell: Callback<()>,
}

thread_local! {
    /// The widgets mounted on this page (by this script: wherever they are, also each in a
    /// shadow root of its own).
    static MOUNTED: std::cell::RefCell<Vec<Mounted>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Tells every widget on the page that the others changed.
fn tell_mounted() {
    let all: Vec<Callback<()>> =
        MOUNTED.with(|m| m.borrow().iter().map(|w| w.tell.clone()).collect());
    for callback in &all {
        callback.emit(());
    }
}

/// Whether this widget (`me`) opens a link in the address made for another assessment: the
/// widget it was made for opens it (`fits` says whether an assessment is that one), or, when no
/// widget on the page holds that assessment, the first widget on the page, which says the link
/// does not fit (as a page with one widget does). `None` while a widget on the page has not
/// started or is still loading: that one may hold it.
fn opens_link(
    me: u32,
    element: Option<&web_sys::Element>,
    fits: impl Fn(&Model) -> bool,
) -> Option<bool> {
    MOUNTED.with(|m| {
        let all = m.borrow();
        let mut others = 0;
        let mut undecided = false;
        for w in all.iter().filter(|w| w.id != me) {
            others += 1;
            match &w.held {
                Held::Ready(model) if fits(model) => return Some(false),
                Held::Loading => undecided = true,
                Held::Ready(_) | Held::Failed => {}
            }
        }
        // `<sextant-scan>` elements that have not started yet (in the document, or in the
        // shadow root this widget's element sits in) may hold it.
        if undecided || elements_on_page(element) > others + 1 {
            return None;
        }
        // Nobody holds it: the first widget on the page says so (in document order; the
        // browser orders widgets in different shadow trees in a way of its own, the same for
        // each of them).
        Some(
            all.iter()
                .filter(|w| w.id != me)
                .all(|w| comes_before(element, w.element.as_ref())),
        )
    })
}

/// Whether a widget's element `a` comes before `b` on the page (a widget without one, on the
/// standalone page, comes first).
fn comes_before(a: Option<&web_sys::Element>, b: Option<&web_sys::Element>) -> bool {
    match (a, b) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => {
            a.compare_document_position(b) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
        }
    }
}

/// The `<sextant-scan>` elements in the document and in the shadow root `element` sits in.
fn elements_on_page(element: Option<&web_sys::Element>) -> usize {
    let count = |found: Option<web_sys::NodeList>| found.map_or(0, |list| list.length() as usize);
    let in_document = count(
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all("sextant-scan").ok()),
    );
    let in_shadow = count(
        element
            .map(|e| e.get_root_node())
            .and_then(|root| root.dyn_into::<web_sys::ShadowRoot>().ok())
            .and_then(|root| root.query_selector_all("sextant-scan").ok()),
    );
    in_document + in_shadow
}

/// Whether `code` is a share link made for `model`'s assessment (intact or not: a damaged link,
/// or one for another version, is this assessment's to explain).
fn share_fits(model: &Model, code: &str) -> bool {
    !matches!(
        sextant_engine::share::decode(model, code),
        Err(e) if e.code() == "share.other_assessment"
    )
}

/// Loads the assessment and shows the scan, or the reason it could not be loaded.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = {
        let source = props.source.clone();
        use_state(move || match &source {
            Source::Text(json) => load_now(json, None),
            Source::Url(_) => Load::Loading,
            Source::Refused(reason) => Load::Failed(reason.clone()),
        })
    };
    {
        let load = load.clone();
        use_effect_with(props.source.clone(), move |source| {
            if let Source::Url(url) = source.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(
                        match fetch_text(&url, sextant_engine::load::MAX_ASSESSMENT_BYTES).await {
                            Ok(json) => load_now(&json, Some(&url)),
                            Err(e) => Load::Failed(clip(&e)),
                        },
                    );
                });
            }
        });
    }
    let mode = {
        let fragment = props.fragment.clone();
        use_state(move || mode_from(&fragment))
    };
    // The widgets on the page: a link for another assessment is left to the widget it was made
    // for, wherever on the page that one sits.
    let me = *use_state(crate::storage::widget_number);
    let redecide = use_force_update();
    {
        let element = props.host.element.clone();
        use_effect_with((), move |()| {
            MOUNTED.with(|m| {
                m.borrow_mut().push(Mounted {
                    id: me,
                    element: element.clone(),
                    held: Held::Loading,
                    tell: Callback::from(move |()| redecide.force_update()),
                })
            });
            move || {
                MOUNTED.with(|m| m.borrow_mut().retain(|w| w.id != me));
                tell_mounted();
            }
        });
    }
    {
        // Declared after the registration above, so that it runs after it.
        use_effect_with(load.clone(), move |load| {
            let held = match &**load {
                Load::Loading => Held::Loading,
                Load::Ready(model) => Held::Ready(model.clone()),
                Load::Failed(_) => Held::Failed,
            };
            MOUNTED.with(|m| {
                if let Some(w) = m.borrow_mut().iter_mut().find(|w| w.id == me) {
                    w.held = held;
                }
            });
            tell_mounted();
        });
    }
    // Whether this widget opens a link made for another assessment (`opens_link`). Once it has
    // left a link to another widget, it keeps doing so: a widget showing its scan is not taken
    // off it when that widget leaves the page later. (Opening it is decided again: a widget in
    // another shadow root is only seen once it has started, and may hold the link.)
    let left = use_mut_ref(|| None::<Mode>);
    let element = props.host.element.as_ref();
    let opens = |fits: &dyn Fn(&Model) -> bool| -> bool {
        if left.borrow().as_ref() == Some(&*mode) {
            return false;
        }
        match opens_link(me, element, fits) {
            Some(true) => true,
            Some(false) => {
                *left.borrow_mut() = Some((*mode).clone());
                false
            }
            None => false,
        }
    };
    // A share link for another widget on the page leaves this one on its scan.
    let shown = match (&*mode, &*load) {
        (Mode::Shared(code), Load::Ready(model))
            if !share_fits(model, code) && !opens(&|m| share_fits(m, code)) =>
        {
            Mode::Scan
        }
        // Likewise a team link that names another widget's assessment.
        (Mode::TeamFor(id), Load::Ready(model))
            if *id != model.assessment.id && !opens(&|m| m.assessment.id == *id) =>
        {
            Mode::Scan
        }
        (Mode::TeamFor(_), Load::Ready(_)) => Mode::Team,
        (m, _) => m.clone(),
    };
    // Set once the visitor has switched views: the scan's first screen then takes focus.
    let switched = use_state(|| false);
    // What the team view was given, for the visitor's return to it from the scan.
    let team_kept = use_state(TeamMemory::default);
    let onmode = {
        let mode = mode.clone();
        let switched = switched.clone();
        Callback::from(move |m: Mode| {
            // Leaving a shared report or the team view clears the widget's fragment, so a
            // reload starts the scan. A fragment of the host page's own is left alone, and so
            // is the host's history state (a single-page app keeps its routing data there).
            if let Some(w) = web_sys::window() {
                let hash = w.location().hash().unwrap_or_default();
                if let (Ok(history), Mode::Shared(_) | Mode::Team | Mode::TeamFor(_)) =
                    (w.history(), mode_from(&hash))
                {
                    let url = w.location().pathname().unwrap_or_default()
                        + &w.location().search().unwrap_or_default();
                    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
                    let _ = history.replace_state_with_url(&state, "", Some(&url));
                }
            }
            switched.set(true);
            mode.set(m);
        })
    };
    // A share or team link opened in a tab that already shows the page changes only the
    // address's fragment: the widget follows it. A fragment of the host's own is left alone.
    {
        let mode = mode.clone();
        let switched = switched.clone();
        use_effect_with((), move |()| {
            let handler = Closure::<dyn Fn()>::new(move || {
                let hash = web_sys::window()
                    .and_then(|w| w.location().hash().ok())
                    .unwrap_or_default();
                let next = mode_from(&hash);
                // The browser's Back from a link to an address without a fragment returns to
                // the scan; a fragment of the host's own (an anchor, also one named `team`)
                // changes nothing here.
                let fragment = hash.trim_start_matches('#');
                let back = next == Mode::Scan && fragment.is_empty();
                let anchor = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.get_element_by_id(fragment).is_some());
                if (next != Mode::Scan && !anchor) || back {
                    switched.set(true);
                    mode.set(next);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    handler.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        handler.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // `ready` comes first. It is queued (a task of its own, so that the host's listeners do
    // not run inside a render) while this component renders with the assessment loaded, which
    // is before the scan below it renders and queues its first `step`. Its locale is the one
    // the widget shows: the saved answers' (the visitor's last choice) unless the host now asks
    // for another language than when the visitor chose (`Restored::locale_to_show`).
    let announced = use_mut_ref(|| false);
    let first_ready = matches!(&*load, Load::Ready(_)) && !announced.replace(true);
    if let (true, Load::Ready(model)) = (first_ready, &*load) {
        // As the scan decides it: the saved answers' locale when they can be restored and the
        // scan is what is shown (a shared report and the team view use the asked language).
        let host = props.lang_from_host.then(|| model.locale_for(&props.lang));
        let saved = (shown == Mode::Scan)
            .then(|| storage::get(&model.storage_key(&props.storage_key)))
            .flatten()
            .and_then(|json| model.restore_state(&json).ok())
            .map(|restored| restored.locale_to_show(host.as_deref()).to_owned());
        let locale = model.locale_for(saved.as_deref().unwrap_or(&props.lang));
        let model = model.clone();
        props.host.emit_soon("ready", move || {
            serde_json::json!({
                "assessment": model.assessment.id,
                "version": model.assessment.version,
                "title": model.text(&model.assessment.title, &locale),
                "locale": locale,
            })
            .to_string()
        });
    }
    {
        let host = props.host.clone();
        use_effect_with(load.clone(), move |load| {
            if let Load::Failed(detail) = &**load {
                host.error(detail);
            }
        });
    }
    let s = strings(&props.lang);
    // A standalone page whose assessment could not be loaded speaks the error's language, and
    // its title says what happened instead of naming an assessment it does not show.
    let failed = matches!(&*load, Load::Failed(_));
    use_effect_with((failed, s.locale), move |&(failed, locale)| {
        if failed {
            crate::follow_page(locale, s.load_error);
        }
    });
    match &*load {
        Load::Loading => html! { <p class="sx-loading" aria-live="polite">{ "…" }</p> },
        Load::Failed(detail) => html! {
            <ErrorBox lead={s.load_error} detail={detail.clone()} lang={s.locale} />
        },
        Load::Ready(model) => match &shown {
            Mode::Scan => html! {
                <ContextProvider<Host> context={Host {
                    storage_key: Some(model.storage_key(&props.storage_key)),
                    ..props.host.clone()
                }}>
                    <Scanner model={model.clone()} lang={props.lang.clone()}
                        lang_from_host={props.lang_from_host}
                        storage_key={props.storage_key.clone()} onmode={onmode}
                        focus={*switched} />
                </ContextProvider<Host>>
            },
            Mode::Shared(code) => html! {
                <SharedReport model={model.clone()} lang={props.lang.clone()} code={code.clone()}
                    onmode={onmode} />
            },
            Mode::Team | Mode::TeamFor(_) => html! {
                <TeamView model={model.clone()} lang={props.lang.clone()} onmode={onmode}
                    focus={*switched} kept={(*team_kept).clone()} />
            },
        },
    }
}

/// Props of [`Scanner`].
#[derive(Properties, PartialEq)]
struct ScannerProps {
    model: Rc<Model>,
    lang: AttrValue,
    lang_from_host: bool,
    storage_key: AttrValue,
    onmode: Callback<Mode>,
    /// Whether the first screen takes focus (after the visitor switched to the scan).
    focus: bool,
}

/// Restores saved state (setting aside what cannot be used), holds the scan state, saves it
/// after every change, and follows saves made in other tabs.
#[component]
fn Scanner(props: &ScannerProps) -> Html {
    let key = props.model.storage_key(&props.storage_key);
    // This widget among the others on the page that may share its key.
    let widget = *use_state(storage::widget_number);
    let scan = {
        let model = props.model.clone();
        let lang = props.lang.clone();
        let lang_from_host = props.lang_from_host;
        let key = key.clone();
        let prefix = format!("{}:{}:", props.storage_key, model.assessment.id);
        let focus = props.focus;
        use_reducer(move || {
            let (restored, mut notice) = match storage::get(&key)
                .map(|json: String| model.restore_state(&json))
            {
                Some(Ok(r)) => {
                    // Answers that no longer fit are left out of the scan, and the next save
                    // would drop them: the saved value is first kept aside as it was. When it
                    // cannot be, the visitor is told.
                    let lost = (!r.skipped.is_empty() && !storage::set_aside(&key)).then(|| {
                        Notice::SkippedNotKept(
                            r.skipped.iter().map(|e| e.question.clone()).collect(),
                        )
                    });
                    (Some(r), lost)
                }
                Some(Err(_)) if storage::set_aside(&key) => (None, Some(Notice::SetAsideCorrupt)),
                Some(Err(_)) => (None, Some(Notice::CorruptNotKept)),
                None => (None, None),
            };
            if notice.is_none() && restored.is_none() {
                // Answers saved for another version stay where they are, unloaded.
                let other = storage::other_versions(&prefix, &model.assessment.id, &key);
                notice = other
                    .into_iter()
                    .next()
                    .map(|(_, v)| Notice::SetAsideVersion(clip(&v)));
            }
            if !storage::available() {
                notice = Some(Notice::NoStorage);
            }
            let host = lang_from_host.then(|| model.locale_for(&lang));
            let locale = match &restored {
                Some(r) => r.locale_to_show(host.as_deref()).to_owned(),
                None => lang.to_string(),
            };
            let mut scan = Scan::new(model, &locale, restored, notice);
            if focus {
                scan.request_focus(Focus::Heading);
            }
            scan
        })
    };

    // The benchmark's scoring hook (`window.__sextant_bench`) scores the state on screen.
    {
        let slot = use_mut_ref(|| None);
        *slot.borrow_mut() = Some(scan.clone());
        use_effect_with((), move |_| {
            bench::register(slot.clone());
            move || bench::unregister(&slot)
        });
    }

    // After "delete", erase, once: when the answers become erased, not on every later change
    // (moving between screens with nothing answered must not remove what another tab saves).
    // Everything kept for this assessment goes: the answers, the copies set aside, and answers
    // saved for its other versions, with theirs, since the visitor is told their answers are
    // erased.
    {
        let key = key.clone();
        let prefix = format!("{}:{}:", props.storage_key, props.model.assessment.id);
        let id = props.model.assessment.id.clone();
        let elsewhere = scan.erased_elsewhere;
        use_effect_with(scan.erased, move |erased| {
            // Erased by another tab: that tab removed everything and told the others.
            if *erased && !elsewhere {
                storage::remove_with_copies(&key);
                for (other, _) in storage::other_versions(&prefix, &id, &key) {
                    storage::remove_with_copies(&other);
                    storage::announce_erased(&other, widget);
                }
                // Another tab showing the same answers (or those of another version) forgets
                // them too; otherwise its next save would bring them back.
                storage::announce_erased(&key, widget);
            }
        });
    }
    // Save after every change, unless the answers are erased. Answers that no longer fit and
    // could not be set aside stay in storage as they were until the visitor changes something.
    {
        let key = key.clone();
        let state = scan.clone();
        // The page's language; on a page that asks for none, the one the visitor chose against
        // when the answers were saved, so that the choice still holds where it was made.
        let host = if props.lang_from_host {
            Some(props.model.locale_for(&props.lang))
        } else {
            scan.host_locale.clone()
        };
        let held = matches!(scan.notice, Some(Notice::SkippedNotKept(_))).then_some(scan.revision);
        let held = use_mut_ref(|| held);
        use_effect_with((scan.revision, scan.erased), move |(revision, erased)| {
            if *erased
                || *revision == 0
                || *held.borrow() == Some(*revision)
                || *revision == state.adopted
            {
                return;
            }
            let json = state.model.save_state(
                &state.response,
                state.step,
                (&state.locale, host.as_deref()),
                *revision,
            );
            // A state too large to be read back is not written: the visitor is told, as when
            // the browser's storage is full, instead of finding it set aside later.
            let saved = json.len() <= sextant_engine::load::MAX_SAVED_STATE_BYTES
                && storage::set(&key, &json);
            if saved {
                storage::tell_page(widget, &key, &PageSignal::Saved(json));
            }
            if !saved && storage::available() && state.notice != Some(Notice::NotSaved) {
                state.dispatch(Action::Notify(Notice::NotSaved));
            }
            // The message that they were not saved no longer holds: say so (every answer is in
            // this save).
            if saved && state.notice == Some(Notice::NotSaved) {
                state.dispatch(Action::Notify(Notice::SavedAgain));
            }
        });
    }

    // Follow newer saves from other tabs, and from other widgets on this page with the same
    // storage key: the newest answers win (see `sextant_engine::save`).
    {
        let key = key.clone();
        let scan = scan.clone();
        use_effect_with((), move |_| {
            let copies = key.clone();
            let on_signal = Rc::new(move |signal: &PageSignal| {
                let json = match signal {
                    PageSignal::Erased => {
                        scan.dispatch(Action::ErasedElsewhere);
                        return;
                    }
                    PageSignal::Saved(json) => json,
                };
                // The reducer decides whether it is newer.
                if let Ok(restored) = scan.model.restore_state(json) {
                    // Answers in it that do not fit (another version's, or edited by hand)
                    // are left out and named, and the value is kept aside as it was, as on
                    // loading.
                    let skipped: Vec<String> = restored
                        .skipped
                        .iter()
                        .map(|e| e.question.clone())
                        .collect();
                    scan.dispatch(Action::Restore(Box::new(restored)));
                    if !skipped.is_empty() {
                        scan.dispatch(Action::Notify(if storage::keep_copy(&copies, json) {
                            Notice::Skipped(skipped)
                        } else {
                            Notice::SkippedNotKept(skipped)
                        }));
                    }
                    return;
                }
                // A value that cannot be read is copied aside, as on loading, and left
                // where it is: this tab's next save replaces it, as any save does. Nothing
                // is written back at once, since a tab that cannot read this tab's saves
                // either (another version of the widget) would answer in kind, without end.
                let kept = storage::keep_copy(&copies, json);
                scan.dispatch(Action::Notify(Notice::OtherTabCorrupt { kept }));
            });
            let erased = storage::erased_signal(&key);
            let handler = {
                let (key, on_signal) = (key.clone(), on_signal.clone());
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                    let changed = e.key();
                    match e.new_value() {
                        Some(_) if changed.as_deref() == Some(erased.as_str()) => {
                            on_signal(&PageSignal::Erased);
                        }
                        Some(json) if changed.as_deref() == Some(key.as_str()) => {
                            on_signal(&PageSignal::Saved(json));
                        }
                        _ => {}
                    }
                })
            };
            storage::listen_on_page(widget, &key, move |signal| on_signal(signal));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
            }
            move || {
                storage::stop_listening(widget);
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "storage",
                        handler.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // Tell the host where the visitor is (the report view hands over the result itself).
    {
        let host = use_context::<Host>().unwrap_or_default();
        let state = scan.clone();
        use_effect_with(scan.step, move |step| {
            let step = *step;
            host.emit_soon("step", move || {
                let visible = state.model.visible_sections(&state.scores);
                let count = visible.len();
                let (index, section) = match step {
                    Step::Welcome => (0, None),
                    Step::Section(s) => (
                        visible.iter().position(|v| *v == s).map_or(0, |i| i + 1),
                        Some(state.model.assessment.sections[s].id.clone()),
                    ),
                    Step::Report => (count + 1, None),
                };
                serde_json::json!({ "index": index, "count": count, "section": section })
                    .to_string()
            });
        });
    }

    // The report body, drawn ahead on the last step; taken down with the widget.
    let reports = use_memo((), |_| ReportCache::default());
    {
        let reports = reports.clone();
        use_effect_with((), move |_| move || reports.clear());
    }

    html! {
        <ContextProvider<ScanContext> context={scan}>
            <ContextProvider<ReportCache> context={(*reports).clone()}>
                <Screen onmode={props.onmode.clone()} />
            </ContextProvider<ReportCache>>
        </ContextProvider<ScanContext>>
    }
}

/// Props of [`Screen`].
#[derive(Properties, PartialEq)]
struct ScreenProps {
    onmode: Callback<Mode>,
}

/// The current screen, with the notice and the toolbar.
#[component]
fn Screen(props: &ScreenProps) -> Html {
    let scan = use_scan();
    crate::use_page(
        scan.locale.clone(),
        scan.model
            .text(&scan.model.assessment.title, &scan.locale)
            .to_owned(),
    );
    let screen = match scan.step {
        Step::Welcome => html! { <Welcome onmode={props.onmode.clone()} /> },
        Step::Section(section) => html! { <StepView key={section} section={section} /> },
        Step::Report => html! { <ReportView /> },
    };
    html! {
        <div class="sx-app" lang={scan.locale.clone()} dir={sextant_engine::text::direction(&scan.locale)}>
            <NoticeBar />
            { screen }
            <Toolbar />
        </div>
    }
}
