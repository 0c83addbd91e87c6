//! A dismissible message above the screen: set-aside saved state, deleted answers, imports.

use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action, Notice};

/// The current notice, if any, as a status message.
#[component]
pub fn NoticeBar() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let Some(notice) = &scan.notice else {
        return html! {};
    };
    let text = match notice {
        Notice::SetAsideCorrupt => s.set_aside_corrupt.to_owned(),
        Notice::SetAsideVersion(v) => s.set_aside_version.replace("{v}", v),
        Notice::Skipped(ids) => format!("{} {}", s.skipped_answers, ids.join(", ")),
        Notice::Deleted => s.deleted.to_owned(),
        Notice::Imported => s.imported.to_owned(),
        Notice::ImportFailed(why) => format!("{} {why}", s.import_failed),
        Notice::NoStorage => s.storage_unavailable.to_owned(),
    };
    let ondismiss = {
        let scan = scan.clone();
        Callback::from(move |_| scan.dispatch(Action::Dismiss))
    };
    html! {
        <div class="sx-notice" part="notice" role="status">
            <p>{ text }</p>
            <button type="button" class="sx-link" onclick={ondismiss}>{ s.close }</button>
        </div>
    }
}
