//! Where an assessment comes from, and fetching it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The built-in default assessment, `content/commercial-excellence-scan.json`, compiled in
/// without insignificant whitespace (see `build.rs`).
pub const DEFAULT_ASSESSMENT: &str = include_str!(concat!(env!("OUT_DIR"), "/default.json"));

/// The source of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Assessment JSON in hand (the built-in default, or text the host passed).
    Text(&'static str),
    /// A URL to fetch the assessment JSON from.
    Url(String),
    /// Nothing may be loaded, for this reason (the page's options were refused).
    Refused(String),
}

/// How long fetching an assessment may take, from the request to the last byte, before it is
/// given up with a message (a server that never answers must not leave "Loading" forever).
pub const FETCH_TIMEOUT_MS: u32 = 20_000;

/// Fetches a URL as text, with a readable error.
///
/// A body larger than `max` bytes is refused before it is copied into the module's memory
/// (which never shrinks): by its `Content-Length` when the server sends one, else by its length
/// once read. The whole fetch is aborted after [`FETCH_TIMEOUT_MS`].
pub async fn fetch_text(url: &str, max: usize) -> Result<String, String> {
    let controller = web_sys::AbortController::new().map_err(|_| "no AbortController")?;
    let signal = controller.signal();
    // Dropping the timer (when this function returns) cancels it.
    let _timer = gloo::timers::callback::Timeout::new(FETCH_TIMEOUT_MS, move || controller.abort());
    let failed = |what: &str| {
        if signal.aborted() {
            format!(
                "{url}: no complete answer within {} seconds",
                FETCH_TIMEOUT_MS / 1000
            )
        } else {
            format!("{url}: {what}")
        }
    };
    let too_large =
        |size: f64| format!("{url}: the file is {size} bytes; the limit is {max} bytes");
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&signal));
    // A page is not told why a request failed: no connection, a server that cannot be reached,
    // or a server on another origin that does not allow this page to read it (CORS) all look
    // the same, and only the console names the cause. The browser does say when it is offline.
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| {
            failed(if window.navigator().on_line() {
                "the server could not be reached, or it does not allow this page to read the \
                 file (CORS: see the browser's console)"
            } else {
                "this device is offline"
            })
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<f64>().ok());
    if let Some(size) = declared.filter(|&n| n > max as f64) {
        return Err(too_large(size));
    }
    // The body is read piece by piece and given up at the limit, so that a body without a
    // declared length, or one that unpacks to much more than it declared (a compressed body is
    // declared at its compressed size), never fills the memory.
    let body = response
        .body()
        .ok_or_else(|| failed("the body could not be read"))?;
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| failed("the body could not be read"))?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| failed("the body could not be read"))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|_| failed("the body could not be read"))?;
        let piece: js_sys::Uint8Array = value
            .dyn_into()
            .map_err(|_| failed("the body could not be read"))?;
        if bytes.len() + piece.length() as usize > max {
            let _ = reader.cancel();
            return Err(format!(
                "{url}: the file is larger than the limit of {max} bytes"
            ));
        }
        let at = bytes.len();
        bytes.resize(at + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[at..]);
    }
    // UTF-8, without a byte order mark. A file in another encoding is refused, as the
    // `sextant` command refuses it, instead of shown with replacement characters ("Strat�gie"):
    // UTF-16 and gzip are named by the assessment's reader; others by the first byte that is
    // not UTF-8.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to() + 1;
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            if sextant_engine::load::encoding_problem(&lossy).is_some() {
                lossy
            } else {
                return Err(format!(
                    "{url}: not valid UTF-8 (byte {at}): save the file as UTF-8"
                ));
            }
        }
    };
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::DEFAULT_ASSESSMENT;

    #[test]
    fn the_compiled_in_default_is_the_content_file() {
        let file = include_str!("../content/commercial-excellence-scan.json");
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert!(DEFAULT_ASSESSMENT.len() < file.len());
        assert_eq!(parse(DEFAULT_ASSESSMENT), parse(file));
    }
}
