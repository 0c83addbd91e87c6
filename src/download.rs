//! Offering a file to download, from text made in the browser.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the download could not start ({what})");
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a file the visitor picked, as text.
///
/// A file larger than `max` bytes is refused before it is read into the module's memory.
pub async fn read_file(file: web_sys::File, max: usize) -> Result<String, String> {
    if file.size() > max as f64 {
        return Err(format!(
            "the file is {} bytes; the limit is {max} bytes",
            file.size()
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}
