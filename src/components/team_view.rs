//! The team view for a workshop: paste share links or import JSON exports, then compare.
//! All of it is computed in this browser by the engine; nothing is uploaded.

use std::rc::Rc;

use sextant_engine::report::format_number;
use sextant_engine::team::{team, Member, TeamReport};
use sextant_engine::Model;
use yew::prelude::*;

use crate::components::app::Mode;
use crate::download::read_file;
use crate::i18n::{clip, strings, DETAIL_LANG};

/// Props of [`TeamView`].
#[derive(Properties, PartialEq)]
pub struct TeamViewProps {
    /// The assessment.
    pub model: Rc<Model>,
    /// Preferred locale.
    pub lang: AttrValue,
    /// Leaves for the scan.
    pub onmode: Callback<Mode>,
}

/// Reads one pasted line, `Name: link` or just a link, into a member.
fn parse_line(model: &Model, line: &str, n: usize, member: &str) -> Result<Member, String> {
    let (name, link) = match line.find("#r=") {
        Some(at) => {
            let before = &line[..at];
            let name = before
                .rsplit_once(": ")
                .map(|(name, _)| name.trim().to_owned())
                .filter(|n| !n.is_empty() && !n.contains("://"));
            (name, &line[at + 3..])
        }
        None => (None, line),
    };
    let response = sextant_engine::share::decode(model, link.trim()).map_err(|e| e.to_string())?;
    Ok(Member {
        name: name.unwrap_or_else(|| format!("{member} {n}")),
        response,
    })
}

/// The team comparison.
#[component]
pub fn TeamView(props: &TeamViewProps) -> Html {
    let locale = props.model.locale_for(&props.lang);
    let s = strings(&locale);
    crate::use_page(
        locale.clone(),
        format!(
            "{} · {}",
            s.team,
            props.model.text(&props.model.assessment.title, &locale)
        ),
    );
    let text = use_state(String::new);
    let files = use_state(Vec::<Member>::new);
    let problems = use_state(Vec::<String>::new);
    let result = use_state(|| None::<TeamReport>);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let onfiles = {
        let model = props.model.clone();
        let files = files.clone();
        let problems = problems.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let picked: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            let model = model.clone();
            let files = files.clone();
            let problems = problems.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut members = Vec::new();
                let mut errors = Vec::new();
                for file in picked {
                    let name = file.name();
                    match read_file(file, sextant_engine::load::MAX_EXPORT_BYTES)
                        .await
                        .and_then(|t: String| model.import(&t).map_err(|e| e.to_string()))
                    {
                        Ok(r) => members.push(Member {
                            name: name.trim_end_matches(".json").to_owned(),
                            response: r.response,
                        }),
                        Err(e) => errors.push(clip(&format!("{name}: {e}"))),
                    }
                }
                files.set(members);
                problems.set(errors);
            });
        })
    };
    let oncompare = {
        let model = props.model.clone();
        let text = text.clone();
        let files = files.clone();
        let problems = problems.clone();
        let result = result.clone();
        let locale = locale.clone();
        Callback::from(move |_| {
            let mut members: Vec<Member> = (*files).clone();
            let mut errors: Vec<String> = problems
                .iter()
                .filter(|p| !p.starts_with('#'))
                .cloned()
                .collect();
            for (i, line) in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                match parse_line(&model, line, members.len() + 1, s.member) {
                    Ok(m) => members.push(m),
                    Err(e) => errors.push(clip(&format!("#{}: {e}", i + 1))),
                }
            }
            problems.set(errors);
            result.set(Some(team(&model, &members, &locale)));
        })
    };
    let onback = {
        let onmode = props.onmode.clone();
        Callback::from(move |_| onmode.emit(Mode::Scan))
    };
    let label_of = |id: &String, report: &TeamReport| {
        report
            .dimensions
            .iter()
            .find(|d| d.id == *id)
            .map(|d| d.label.clone())
            .unwrap_or_else(|| id.clone())
    };
    html! {
        <div class="sx-app" lang={locale.clone()}>
            <section class="sx-team" aria-labelledby="sx-team-title">
                <h1 id="sx-team-title" ref={heading} tabindex="-1">{ s.team }</h1>
                <p>{ s.team_intro }</p>
                <p>
                    <label for="sx-team-links">{ s.team_links }</label>
                    <textarea id="sx-team-links" rows="5" value={(*text).clone()} {oninput} />
                </p>
                <p>
                    <label for="sx-team-files">{ s.team_files }</label>
                    <input id="sx-team-files" type="file" multiple=true accept=".json,application/json"
                        onchange={onfiles} />
                </p>
                <div class="sx-nav">
                    <button type="button" onclick={onback}>{ s.back_to_scan }</button>
                    <button type="button" class="sx-primary" onclick={oncompare}>{ s.compare }</button>
                </div>
                // Always on the page, so that what a comparison found is announced.
                <div role="status">
                    if let Some(report) = &*result {
                        <p class="sx-visually-hidden">{ format!("{} ({})", s.team, report.members.len()) }</p>
                    }
                    if !problems.is_empty() {
                        <div class="sx-notice">
                            <p>{ s.skipped_lines }</p>
                            <ul lang={DETAIL_LANG}>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        </div>
                    }
                </div>
                if let Some(report) = &*result {
                    <div class="sx-team-result">
                        <div class="sx-table-scroll" role="region" tabindex="0"
                            aria-labelledby="sx-team-caption">
                            <table class="sx-scores">
                                <caption id="sx-team-caption">{ format!("{} ({})", s.team, report.members.len()) }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ s.dimension }</th>
                                        <th scope="col">{ s.mean }</th>
                                        <th scope="col">{ s.spread }</th>
                                        { for report.members.iter().map(|m| html! { <th scope="col">{ &m.name }</th> }) }
                                    </tr>
                                </thead>
                                <tbody>
                                    { for report.dimensions.iter().map(|d| html! {
                                        <tr>
                                            <th scope="row">{ &d.label }</th>
                                            <td>{ d.display.clone().unwrap_or_else(|| "—".into()) }</td>
                                            <td>{ d.spread.map(|x| format_number(x, 0)).unwrap_or_else(|| "—".into()) }</td>
                                            { for d.scores.iter().map(|x| html! {
                                                <td>{ x.map(|x| format_number(x, 0)).unwrap_or_else(|| "—".into()) }</td>
                                            }) }
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        <h2>{ s.agree_most }</h2>
                        <ul>{ for report.agreement.agree_most.iter().map(|id| html! { <li>{ label_of(id, report) }</li> }) }</ul>
                        <h2>{ s.differ_most }</h2>
                        <ul>{ for report.agreement.differ_most.iter().map(|id| html! { <li>{ label_of(id, report) }</li> }) }</ul>
                        <h2>{ s.members }</h2>
                        <ul>
                            { for report.members.iter().map(|m| html! {
                                <li>
                                    <strong>{ &m.name }</strong>
                                    { format!(": {}", m.headline.clone().unwrap_or_else(|| m.profiles.join(", "))) }
                                </li>
                            }) }
                        </ul>
                    </div>
                }
            </section>
        </div>
    }
}
