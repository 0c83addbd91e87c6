//! The welcome screen.

use yew::prelude::*;

use crate::components::app::Mode;
use crate::components::import_button::ImportButton;
use crate::components::step_view::{warm_up, WARM_UP_DELAY_MS};
use crate::i18n::strings;
use crate::state::{use_heading_focus, use_scan, Action};

/// Props of [`Welcome`].
#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// Switches to the team view.
    pub onmode: Callback<Mode>,
}

/// The title, what it takes, what happens to the answers, the language switch and Start.
#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let a = &scan.model.assessment;
    // Where the result would go, when the host offers to send it: its site, as the visitor
    // reads it in the address bar.
    let host = use_context::<crate::host::Host>().unwrap_or_default();
    let privacy = match host.submit_url.as_deref() {
        Some(url) => s.privacy_submit.replace(
            "{site}",
            &web_sys::window()
                .and_then(|w| w.location().href().ok())
                .and_then(|page| web_sys::Url::new_with_base(url, &page).ok())
                .map_or_else(|| crate::i18n::clip(url), |u| u.host()),
        ),
        None => s.privacy.to_owned(),
    };
    let heading = use_node_ref();
    use_heading_focus(heading.clone());
    let onstart = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Start))
    };
    // One button per language: a language changes only when the visitor presses its button
    // (a menu's value changes on an arrow key already, which would redraw the widget in
    // another language at each key).
    let onlanguage = {
        let scan = scan.clone();
        Callback::from(move |locale: String| scan.dispatch(Action::SetLocale(locale)))
    };
    let onteam = {
        let onmode = props.onmode.clone();
        Callback::from(move |_| onmode.emit(Mode::Team))
    };
    // In a quiet moment, get the first step's code ready (see `warm_up`).
    {
        let scan = scan.clone();
        use_effect_with((), move |_| {
            let timer =
                gloo::timers::callback::Timeout::new(WARM_UP_DELAY_MS, move || warm_up(&scan));
            move || drop(timer)
        });
    }
    let locales = scan.model.locales();
    let saved = scan.response.filled();
    html! {
        <section class="sx-welcome" part="screen" aria-labelledby="sx-title">
            <h1 id="sx-title" ref={heading} tabindex="-1">{ scan.model.text(&a.title, &scan.locale) }</h1>
            if let Some(intro) = &a.intro {
                <p class="sx-intro">{ scan.model.text(intro, &scan.locale) }</p>
            }
            if let Some(m) = a.minutes {
                <p>{ s.duration(m) }</p>
            }
            <p class="sx-privacy">{ privacy }</p>
            if locales.len() > 1 {
                <div class="sx-language" role="group" aria-labelledby="sx-language">
                    <span id="sx-language">{ s.language }</span>
                    { for locales.iter().map(|l| {
                        let current = *l == scan.locale;
                        // The language shown has nothing to do.
                        let onclick = (!current).then(|| {
                            let l = l.clone();
                            onlanguage.reform(move |_: MouseEvent| l.clone())
                        });
                        html! {
                            <button type="button" lang={l.clone()}
                                aria-current={current.then_some("true")} {onclick}>
                                { language_name(l) }
                            </button>
                        }
                    }) }
                </div>
            }
            if saved > 0 {
                <p>{ format!("{} {saved}", s.saved_progress) }</p>
            }
            <div class="sx-nav">
                <button type="button" class="sx-primary" onclick={onstart}>
                    { if saved > 0 { s.resume } else { s.start } }
                </button>
                <ImportButton />
                <button type="button" class="sx-link" onclick={onteam}>{ s.team }</button>
            </div>
        </section>
    }
}

/// A language's own name, for the switch.
fn language_name(locale: &str) -> String {
    match sextant_engine::text::language(locale) {
        "nl" => "Nederlands".into(),
        "en" => "English".into(),
        "de" => "Deutsch".into(),
        "fr" => "Français".into(),
        _ => locale.to_owned(),
    }
}
