//! "Import earlier answers": reads an export the visitor picks and restores its answers.

use yew::prelude::*;

use crate::download::read_file;
use crate::i18n::{clip, strings};
use crate::state::{use_focus, use_scan, Action, Confirm, Focus, ImportFailure, Notice};
use sextant_engine::save::RestoreError;

/// A file picker styled as a button; the import goes through the engine and is saved at once.
#[component]
pub fn ImportButton() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    // After Cancel on "replace your answers?", back to the file field that asked.
    let field = use_node_ref();
    use_focus(Focus::Ask(Confirm::Import), field.clone());
    let onimport = {
        let scan = scan.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let scan = scan.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let max = sextant_engine::load::MAX_EXPORT_BYTES;
                let too_large = file.size() > max as f64;
                let result = match read_file(file, max).await {
                    Err(why) if too_large => Err((ImportFailure::TooLarge, why)),
                    Err(why) => Err((ImportFailure::File, why)),
                    Ok(text) => scan.model.import(&text).map_err(|e| {
                        let failure = match e {
                            RestoreError::OtherAssessment { .. } => ImportFailure::OtherAssessment,
                            _ => ImportFailure::Unreadable,
                        };
                        (failure, e.to_string())
                    }),
                };
                match result {
                    Ok(restored) => scan.dispatch(Action::Import(Box::new(restored))),
                    Err((failure, why)) => {
                        scan.dispatch(Action::Notify(Notice::ImportFailed(failure, clip(&why))))
                    }
                }
            });
        })
    };
    html! {
        <label class="sx-file">
            <span>{ s.import }</span>
            <input type="file" accept=".json,application/json" onchange={onimport} ref={field} />
        </label>
    }
}
