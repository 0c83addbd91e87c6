//! A dismissible message above the screen: set-aside saved state, deleted answers, imports.

use yew::prelude::*;

use crate::i18n::{clip, strings, DETAIL_LANG};
use crate::state::{use_focus, use_scan, Action, Focus, ImportFailure, Notice};

/// The current notice, if any, as a status message.
///
/// The live region is always on the page, empty when there is nothing to say, so that a notice
/// that appears later is announced (screen readers often miss a region added with its text).
#[component]
pub fn NoticeBar() -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    // A notice that answers a button far down the page (import, export) takes focus, which
    // brings it into view; the others are only announced.
    let notice_ref = use_node_ref();
    use_focus(Focus::Notice, notice_ref.clone());
    let notice = scan.notice.as_ref().map(|notice| {
        let text = match notice {
            Notice::SetAsideCorrupt => html! { s.set_aside_corrupt },
            Notice::CorruptNotKept => html! { s.corrupt_not_kept },
            Notice::OtherTabCorrupt { kept: true } => html! { s.other_tab_kept },
            Notice::OtherTabCorrupt { kept: false } => html! { s.other_tab_not_kept },
            Notice::SetAsideVersion(v) => html! { s.set_aside_version.replace("{v}", v) },
            Notice::Skipped(ids) | Notice::SkippedNotKept(ids) => {
                // The questions as the visitor knows them; an id the assessment lacks as it is.
                // At most ten, each cut short if long: the list comes from saved or imported
                // answers, which can be anything.
                let mut questions: Vec<String> = ids
                    .iter()
                    .take(10)
                    .map(|id| match scan.model.question_index(id) {
                        Some(q) => format!(
                            "“{}”",
                            clip(scan.model.text(&scan.model.question(q).text, &scan.locale))
                        ),
                        None => clip(id),
                    })
                    .collect();
                if ids.len() > 10 {
                    questions.push(format!("… (+{})", ids.len() - 10));
                }
                let mut text = format!("{} {}", s.skipped_answers, questions.join(", "));
                if matches!(notice, Notice::SkippedNotKept(_)) {
                    text = format!("{text}. {}", s.skipped_not_kept);
                }
                html! { text }
            }
            Notice::Deleted => html! { s.deleted },
            Notice::Imported => html! { s.imported },
            Notice::ImportFailed(failure, why) => {
                let reason = match failure {
                    ImportFailure::TooLarge => Some(s.import_too_large),
                    ImportFailure::File => Some(s.import_not_read),
                    ImportFailure::Unreadable => Some(s.import_unreadable),
                    ImportFailure::OtherAssessment => Some(s.import_other_assessment),
                    ImportFailure::Empty => Some(s.import_empty),
                };
                // The technical detail follows the reason, in brackets.
                let detail = match reason {
                    Some(_) if why.is_empty() => String::new(),
                    Some(_) => format!("({why})"),
                    None => why.clone(),
                };
                html! {
                    <>
                        { s.import_failed }{ " " }
                        if let Some(reason) = reason {
                            { reason }{ " " }
                        }
                        <span lang={DETAIL_LANG}>{ detail }</span>
                    </>
                }
            }
            Notice::ExportFailed(why) => html! {
                <>{ s.export_failed }{ " " }<span lang={DETAIL_LANG}>{ why }</span></>
            },
            Notice::NoStorage => html! { s.storage_unavailable },
            Notice::NotSaved => html! { s.not_saved },
            Notice::SavedAgain => html! { s.saved_again },
        };
        let ondismiss = {
            let scan = scan.clone();
            Callback::from(move |_| scan.dispatch(Action::Dismiss))
        };
        html! {
            <div class="sx-notice" part="notice" tabindex="-1" ref={notice_ref.clone()}>
                <p>{ text }</p>
                <button type="button" class="sx-link" onclick={ondismiss}>{ s.close }</button>
            </div>
        }
    });
    html! {
        <div role="status">{ for notice }</div>
    }
}
