//! "Send my result": offered only when the host set a submit URL, and only after the visitor
//! ticks consent. Failure is shown, and the result stays on screen.

use std::rc::Rc;

use sextant_engine::Report;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::i18n::{strings, Strings};
use crate::state::use_scan;

/// Props of [`SubmitPanel`].
#[derive(Properties, PartialEq)]
pub struct SubmitPanelProps {
    /// Where to POST the result as JSON.
    pub url: AttrValue,
    /// The report on screen.
    pub report: Rc<Report>,
    /// The host's consent text (default: the widget's own).
    pub consent: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    Busy,
    Done,
    Failed(String),
}

/// Why sending failed.
enum SendError {
    /// The host's `submit-url` is no address this browser can send to.
    Address,
    /// The browser says it has no network connection.
    Offline,
    /// No answer from the server: refused, not found, not allowed by CORS, or blocked by the
    /// page's policy. A page cannot tell these apart (the console names the cause).
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// No complete answer within [`SEND_TIMEOUT_MS`].
    Timeout,
}

/// How long sending may take before it is given up (and can be tried again).
const SEND_TIMEOUT_MS: u32 = 30_000;

impl SendError {
    /// The reason in the visitor's words.
    fn reason(&self, s: &Strings) -> String {
        match self {
            SendError::Address => s.send_bad_address.to_owned(),
            SendError::Offline => s.send_offline.to_owned(),
            SendError::Network => s.send_unreachable.to_owned(),
            SendError::Status(code) => s.send_status.replace("{n}", &code.to_string()),
            SendError::Timeout => s
                .send_timeout
                .replace("{n}", &(SEND_TIMEOUT_MS / 1000).to_string()),
        }
    }
}

/// POSTs `body` as JSON.
async fn post(url: &str, body: &str) -> Result<(), SendError> {
    let controller = web_sys::AbortController::new().map_err(|_| SendError::Network)?;
    let signal = controller.signal();
    // Dropping the timer (when this function returns) cancels it.
    let _timer = gloo::timers::callback::Timeout::new(SEND_TIMEOUT_MS, move || controller.abort());
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&signal));
    init.set_method("POST");
    init.set_body(&body.into());
    let headers = web_sys::Headers::new().map_err(|_| SendError::Network)?;
    let _ = headers.set("Content-Type", "application/json");
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| SendError::Address)?;
    let window = web_sys::window().ok_or(SendError::Network)?;
    let gave_up = |_| {
        if signal.aborted() {
            SendError::Timeout
        } else if !window.navigator().on_line() {
            SendError::Offline
        } else {
            SendError::Network
        }
    };
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(gave_up)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| SendError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        Err(SendError::Status(response.status()))
    }
}

/// The consent checkbox and the send button.
#[component]
pub fn SubmitPanel(props: &SubmitPanelProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let consent = use_state(|| false);
    let sending = use_state(|| Sending::Idle);
    let onconsent = {
        let consent = consent.clone();
        let sending = sending.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            consent.set(input.checked());
            // The reminder to tick the box is answered by ticking it.
            if matches!(&*sending, Sending::Failed(why) if why == s.consent_needed) {
                sending.set(Sending::Idle);
            }
        })
    };
    let onsend = {
        let scan = scan.clone();
        let sending = sending.clone();
        let consent = consent.clone();
        let url = props.url.to_string();
        let report = props.report.clone();
        Callback::from(move |_| {
            // While sending, and once sent, the button stays focusable but does nothing
            // (`aria-disabled`): disabling it would drop the keyboard focus on it.
            if matches!(*sending, Sending::Busy | Sending::Done) {
                return;
            }
            if !*consent {
                sending.set(Sending::Failed(s.consent_needed.to_owned()));
                return;
            }
            let body = scan.model.export(&scan.response, &report);
            let sending = sending.clone();
            let url = url.clone();
            sending.set(Sending::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                sending.set(match post(&url, &body).await {
                    Ok(()) => Sending::Done,
                    Err(e) => Sending::Failed(e.reason(s)),
                });
            });
        })
    };
    let status = match &*sending {
        Sending::Busy => s.sending,
        Sending::Done => s.sent,
        Sending::Idle | Sending::Failed(_) => "",
    };
    // A failure, and why, in the visitor's words.
    let failure = match &*sending {
        Sending::Failed(why) if why == s.consent_needed => html! { { why.clone() } },
        Sending::Failed(why) => html! { { format!("{} {why}", s.send_failed) } },
        _ => html! {},
    };
    html! {
        <div class="sx-submit" part="submit">
            <div class="sx-choice">
                <input type="checkbox" id="sx-consent" checked={*consent} onchange={onconsent} />
                <label for="sx-consent">{ props.consent.clone().unwrap_or_else(|| s.consent.to_owned()) }</label>
            </div>
            <button type="button" class="sx-primary" onclick={onsend}
                aria-disabled={matches!(*sending, Sending::Busy | Sending::Done).then_some("true")}>
                { match &*sending {
                    Sending::Done => s.sent_button,
                    Sending::Failed(why) if why != s.consent_needed => s.retry,
                    _ => s.send,
                } }
            </button>
            // Both regions are on the page before their text arrives, so that it is read.
            <p role="status">{ status }</p>
            <p role="alert" class="sx-failed">{ failure }</p>
        </div>
    }
}
