//! The welcome screen.

use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action};

/// The title, what it takes, what happens to the answers, the language switch and Start.
#[component]
pub fn Welcome() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let a = &scan.model.assessment;
    let onstart = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Start))
    };
    let onlanguage = {
        let scan = scan.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            scan.dispatch(Action::SetLocale(select.value()));
        })
    };
    let locales = scan.model.locales();
    html! {
        <section class="sx-welcome">
            <h1>{ scan.model.text(&a.title, &scan.locale) }</h1>
            if let Some(intro) = &a.intro {
                <p class="sx-intro">{ scan.model.text(intro, &scan.locale) }</p>
            }
            if let Some(m) = a.minutes {
                <p>{ s.duration(m) }</p>
            }
            <p class="sx-privacy">{ s.privacy }</p>
            if locales.len() > 1 {
                <p class="sx-language">
                    <label for="sx-language">{ s.language }</label>
                    <select id="sx-language" onchange={onlanguage}>
                        { for locales.iter().map(|l| html! {
                            <option value={l.clone()} selected={*l == scan.locale}>{ language_name(l) }</option>
                        }) }
                    </select>
                </p>
            }
            <button type="button" class="sx-primary" onclick={onstart}>{ s.start }</button>
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
