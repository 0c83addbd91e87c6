//! The Sextant widget: Yew components that render what the engine prepares.
//!
//! [`mount`] renders the widget into an element. The standalone page's `main` calls [`start`],
//! which reads the options from the page URL and mounts into `#app`; the `<sextant-scan>` custom
//! element (`embed/sextant.js`) calls [`mount_element`] from JavaScript.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

pub mod bench;
pub mod clipboard;
pub mod components;
pub mod download;
pub mod host;
pub mod i18n;
pub mod load;
pub mod state;
pub mod storage;

use components::app::{App, AppProps};
use host::Host;
use load::Source;

thread_local! {
    /// The elements the widget is mounted in, with the locale it was asked for and the element
    /// its events go to, so a panic can show its error box there and tell the host.
    static ROOTS: RefCell<Vec<(web_sys::Element, String, Option<web_sys::Element>)>> =
        const { RefCell::new(Vec::new()) };
    /// Whether the widget is the page (the standalone `index.html`, mounted by [`start`]); only
    /// then does it set the page's language and title.
    static OWNS_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// The longest page title the widget sets, in characters; an assessment's title can be long.
const MAX_PAGE_TITLE_CHARS: usize = 120;

/// On the standalone page, gives the document the language and the title of what the widget
/// shows, so that the page's language (WCAG 3.1.1) and title (2.4.2) follow a change of language
/// or assessment. Embedded, the host's page is the host's: nothing is changed. Called after
/// every render whose locale or title changed.
#[yew::hook]
pub fn use_page(locale: String, title: String) {
    yew::use_effect_with((locale, title), |(locale, title)| {
        follow_page(locale, title)
    });
}

pub(crate) fn follow_page(locale: &str, title: &str) {
    if !OWNS_PAGE.with(Cell::get) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", locale);
    }
    let title = i18n::clip_to(title.trim(), MAX_PAGE_TITLE_CHARS);
    document.set_title(&format!("{title} · Sextant"));
}

/// Options for [`mount`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// Preferred locale; empty for the browser's language.
    pub lang: String,
    /// A URL to load the assessment from; `None` for the built-in default.
    pub src: Option<String>,
    /// The prefix of the storage key, to keep two embeds apart (default `sextant`).
    pub storage_key: String,
    /// `light`, `dark` or `auto` (follow the system).
    pub theme: String,
    /// The host's options and the element events go to.
    pub host: Host,
    /// Why the widget must not start (options the page may not take), shown instead of it;
    /// it takes precedence over every other option.
    pub refused: Option<String>,
}

impl Options {
    /// Options from named values, as the page's query string and the element's attributes
    /// name them (`lang`, `src`, `storage-key`, `theme`, `submit-url`, `consent-text`,
    /// `share-base`), with events going to `events`.
    fn from_named(get: impl Fn(&str) -> Option<String>, events: web_sys::Element) -> Self {
        Options {
            lang: get("lang").unwrap_or_default(),
            src: get("src"),
            storage_key: get("storage-key").unwrap_or_default(),
            theme: get("theme").unwrap_or_default(),
            host: Host {
                element: Some(events),
                submit_url: get("submit-url"),
                consent_text: get("consent-text"),
                share_base: get("share-base"),
                storage_key: None,
            },
            refused: None,
        }
    }
}

/// The classes of the mount point for a theme (`light`, `dark`, in any case; else auto).
fn theme_class(theme: &str) -> String {
    match theme.trim().to_ascii_lowercase().as_str() {
        theme @ ("light" | "dark") => format!("sextant sx-theme-{theme}"),
        _ => "sextant".to_owned(),
    }
}

/// Mounts the widget into `root`.
pub fn mount(root: web_sys::Element, options: Options) -> yew::AppHandle<App> {
    install_panic_hook();
    root.set_class_name(&theme_class(&options.theme));
    let _ = root.set_attribute("part", "root");
    let lang_from_host = !options.lang.is_empty();
    // The host's language, then the browser's: the first the assessment has is shown
    // (`Model::locale_for` takes such a list).
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let lang = if options.lang.is_empty() {
        browser
    } else {
        format!("{},{browser}", options.lang)
    };
    ROOTS.with(|r| {
        r.borrow_mut()
            .push((root.clone(), lang.clone(), options.host.element.clone()))
    });
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    // A `submit-url` the widget could never send to (`javascript:`, `data:`, not an address)
    // stops it, with the reason, as a misconfiguration the host must see at once: the visitor
    // is otherwise told the result can be sent there.
    let refused = options.refused.or_else(|| {
        let url = options.host.submit_url.as_deref()?;
        let page = web_sys::window()?.location().href().ok()?;
        unusable_submit_url(url, &page)
    });
    let props = AppProps {
        source: match (refused, options.src) {
            (Some(reason), _) => Source::Refused(reason),
            (None, Some(url)) => Source::Url(url),
            (None, None) => Source::Text(load::DEFAULT_ASSESSMENT),
        },
        lang: lang.into(),
        storage_key: if options.storage_key.is_empty() {
            "sextant".into()
        } else {
            options.storage_key.into()
        },
        fragment: fragment.into(),
        host: options.host,
        lang_from_host,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// Why `submit-url` cannot be sent to, if it cannot: it must be an `http` or `https` address
/// (relative to the page `page`).
fn unusable_submit_url(url: &str, page: &str) -> Option<String> {
    // An address with a scheme stands on its own: `https:` alone (a template whose host came
    // out empty) would otherwise resolve to the page itself.
    let parsed = if has_scheme(url) {
        web_sys::Url::new(url.trim())
    } else {
        web_sys::Url::new_with_base(url, page)
    };
    match parsed {
        Ok(u) if matches!(u.protocol().as_str(), "http:" | "https:") => None,
        Ok(u) => Some(format!(
            "submit-url: a `{}` address cannot be sent to; it must be an http or https address",
            i18n::clip(&u.protocol())
        )),
        Err(_) => Some(format!(
            "submit-url: {} is not an address; it must be an http or https address",
            i18n::clip(url)
        )),
    }
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`): a letter, then letters, digits,
/// `+`, `-` or `.`, then `:`.
fn has_scheme(url: &str) -> bool {
    let url = url.trim_start();
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The options that are addresses: where the assessment comes from, where answers are sent and
/// where share links point.
const URL_OPTIONS: [&str; 3] = ["src", "submit-url", "share-base"];

/// Why an address option taken from the page's own address is refused, if it is: it must be
/// on the page's site. Anyone can send a link to the page with a query string of their making,
/// and it must not load their questions, send the answers to them or point share links at them.
/// A host that needs another site embeds the widget with `<sextant-scan>` or frames
/// `embed.html`, and sets the option itself.
fn foreign_address(name: &str, value: &str, location: &web_sys::Location) -> Option<String> {
    let href = location.href().ok()?;
    let origin = location.origin().ok()?;
    match web_sys::Url::new_with_base(value, &href) {
        Ok(url) if url.origin() == origin => None,
        // `data:`, `blob:` and the like: the browser gives them the origin "null".
        Ok(url) if url.origin() == "null" => Some(format!(
            "{name}: a `{}` address is on no site; an address in the page's query string must \
             be on this site ({origin})",
            i18n::clip(&url.protocol())
        )),
        Ok(url) => Some(format!(
            "{name}: {} is on another site than this page ({origin}); an address in the page's \
             query string must be on this site",
            i18n::clip(&url.origin())
        )),
        Err(_) => Some(format!("{name}: {} is not an address", i18n::clip(value))),
    }
}

/// Mounts into `#app`, with options from the page's query string
/// (`?lang=nl&src=/scan.json&storage-key=…&theme=dark&submit-url=…&share-base=…`). Address
/// options must be on the page's own site (see [`foreign_address`]); otherwise the widget shows
/// why it does not start.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let href = location.href().unwrap_or_default();
    let get = |k: &str| {
        let value = params
            .as_ref()
            .and_then(|p| p.get(k))
            .filter(|v| !v.trim().is_empty())?;
        // A share link is copied into mails and chats: one made from a relative `share-base`
        // would point nowhere there, so it is made absolute against this page, as the custom
        // element's loader does. (An address with a scheme is left to the checks as written.)
        if k == "share-base" && !has_scheme(&value) {
            if let Ok(url) = web_sys::Url::new_with_base(&value, &href) {
                return Some(url.href());
            }
        }
        Some(value)
    };
    let refused: Vec<String> = URL_OPTIONS
        .iter()
        .filter_map(|name| foreign_address(name, &get(name)?, &location))
        .collect();
    let options = Options {
        refused: (!refused.is_empty()).then(|| refused.join("\n")),
        ..Options::from_named(get, root.clone())
    };
    OWNS_PAGE.with(|o| o.set(true));
    let handle = mount(root, options);
    // The page lives as long as the app; keep the handle alive.
    std::mem::forget(handle);
}

/// A mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct MountHandle {
    handle: Option<yew::AppHandle<App>>,
    root: web_sys::Element,
}

#[wasm_bindgen]
impl MountHandle {
    /// Unmounts the app and frees it.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        let root = self.root.clone();
        ROOTS.with(|r| r.borrow_mut().retain(|(e, _, _)| *e != root));
    }

    /// Switches the theme without remounting: `light`, `dark` or `auto`.
    pub fn set_theme(&self, theme: &str) {
        self.root.set_class_name(&theme_class(theme));
    }
}

/// Mounts the widget into `root` for the custom element `host`, with options read from a plain
/// object of attribute names to values (`src`, `lang`, `storage-key`, `theme`, `submit-url`,
/// `share-base`, `consent-text`).
#[wasm_bindgen]
pub fn mount_element(
    root: web_sys::Element,
    host: web_sys::Element,
    options: JsValue,
) -> MountHandle {
    // Only the object's own values: a value the page put on `Object.prototype` (prototype
    // pollution) must not become a submit URL or an assessment source.
    let get = |k: &str| {
        let key = JsValue::from_str(k);
        // `is_object`, not `dyn_ref`: the loader's object has no prototype, so it is not an
        // `instanceof Object`.
        if !options.is_object() {
            return None;
        }
        let object = options.unchecked_ref::<js_sys::Object>();
        if !js_sys::Object::has_own(object, &key) {
            return None;
        }
        js_sys::Reflect::get(object, &key)
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.trim().is_empty())
    };
    let handle = mount(root.clone(), Options::from_named(get, host));
    MountHandle {
        handle: Some(handle),
        root,
    }
}

/// Panics on purpose. The end-to-end suite calls it to prove that a panic anywhere shows the
/// readable error box, with its "copy details" button, and that the host page keeps working.
#[wasm_bindgen]
pub fn panic_for_test() {
    panic!("a deliberate panic, raised by the error-box test");
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Through Yew, so its renderer does not replace the hook with its default one.
        yew::set_custom_panic_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_panic(&info.to_string());
        }));
    });
}

/// Replaces each mounted widget with a readable error box, using plain DOM calls only (the app
/// itself can no longer be trusted after a panic). The box offers to copy the details.
fn show_panic(detail: &str) {
    ROOTS.with(|roots| {
        for (root, asked, host) in roots.borrow().iter() {
            let Some(document) = root.owner_document() else {
                continue;
            };
            // The language the widget was showing, else the one it was asked for.
            let lang = root
                .query_selector(".sx-app[lang]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_else(|| asked.clone());
            let s = i18n::strings(&lang);
            let make = |tag: &str| document.create_element(tag).ok();
            let (Some(div), Some(alert), Some(lead), Some(pre), Some(button), Some(status)) = (
                make("div"),
                make("div"),
                make("p"),
                make("pre"),
                make("button"),
                make("p"),
            ) else {
                continue;
            };
            div.set_class_name("sx-error");
            let _ = div.set_attribute("lang", s.locale);
            // The alert holds what happened; "Copy details" and what it says stay outside it,
            // so that "Copied." is not read as a change to the alert (which would repeat it
            // all, detail included).
            let _ = alert.set_attribute("role", "alert");
            lead.set_text_content(Some(s.crashed));
            pre.set_text_content(Some(detail));
            let _ = pre.set_attribute("lang", i18n::DETAIL_LANG);
            let _ = button.set_attribute("type", "button");
            button.set_text_content(Some(s.copy_details));
            // Present from the start, so that "Copied." is announced.
            let _ = status.set_attribute("role", "status");
            let text = detail.to_owned();
            let copied = status.clone();
            // Plain promise callbacks, not the futures executor: after a panic its state
            // cannot be trusted. Each click leaves two small closures behind, in a widget that
            // has stopped anyway.
            let copy = Closure::<dyn Fn()>::new(move || {
                let say = |message: &'static str| {
                    let copied = copied.clone();
                    Closure::<dyn FnMut(JsValue)>::new(move |_| {
                        copied.set_text_content(Some(message));
                    })
                };
                let (ok, failed) = (say(s.copied), say(s.copy_details_failed));
                match clipboard::clipboard() {
                    Some(c) => {
                        let _ = c.write_text(&text).then2(&ok, &failed);
                    }
                    None => copied.set_text_content(Some(s.copy_details_failed)),
                }
                ok.forget();
                failed.forget();
            });
            let _ = button.add_event_listener_with_callback("click", copy.as_ref().unchecked_ref());
            copy.forget();
            let _ = alert.append_child(&lead);
            let _ = alert.append_child(&pre);
            let _ = div.append_child(&alert);
            let _ = div.append_child(&button);
            let _ = div.append_child(&status);
            // Focus that was in the widget would be lost with it: it goes to the box.
            let had_focus = js_sys::Reflect::get(&root.get_root_node(), &"activeElement".into())
                .ok()
                .and_then(|active| active.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|active| root.contains(Some(&active)));
            // Not `innerHTML`: a page that enforces Trusted Types refuses that.
            root.set_text_content(None);
            let _ = root.append_child(&div);
            if had_focus {
                let _ = alert.set_attribute("tabindex", "-1");
                if let Some(alert) = alert.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = alert.focus();
                }
            }
            if let Some(host) = host {
                tell_host(host, s.crashed, detail);
            }
        }
    });
}

/// Dispatches `sextant:error` on the host's element, as [`Host::error`] does, but from a task
/// of the browser's own: the host's listeners must not run inside the panic, and the widget's
/// code is not called again to do it.
fn tell_host(element: &web_sys::Element, lead: &str, detail: &str) {
    let message = format!("{lead} {}", i18n::clip(detail));
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let payload = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&payload, &"message".into(), &message.into());
    init.set_detail(&payload);
    let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("sextant:error", &init) else {
        return;
    };
    let dispatch = js_sys::Reflect::get(element, &"dispatchEvent".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(window), Some(dispatch)) = (web_sys::window(), dispatch) {
        let later: js_sys::Function = dispatch.bind1(element, &event).unchecked_into();
        let _ = window.set_timeout_with_callback(&later);
    }
}

#[cfg(test)]
mod tests {
    use super::has_scheme;

    #[test]
    fn an_address_with_a_scheme_is_told_from_a_relative_one() {
        for url in [
            "https:",
            "http://x",
            " mailto:a@b",
            "web+app:x",
            "a.b-c+d:x",
        ] {
            assert!(has_scheme(url), "{url}");
        }
        for url in ["/api", "./a:b", "1http:x", ":x", "", "a b:c"] {
            assert!(!has_scheme(url), "{url}");
        }
    }
}
