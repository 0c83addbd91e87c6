//! The team view for a workshop: paste share links or import JSON exports, then compare.
//! All of it is computed in this browser by the engine; nothing is uploaded.

use std::cell::RefCell;
use std::rc::Rc;

use sextant_engine::report::format_number;
use sextant_engine::team::{team, Member, TeamReport, MAX_MEMBERS};
use sextant_engine::Model;
use yew::prelude::*;

use crate::components::app::Mode;
use crate::components::chart::table_value;
use crate::components::shared_report::share_failure;
use crate::download::read_file;
use crate::i18n::{clip, clip_to, strings, Strings, DETAIL_LANG};

/// The most problems listed; the others are only counted ("and 19990 more"), so that a paste of
/// thousands of lines that are not links cannot make the page thousands of items long.
const MAX_PROBLEMS_SHOWN: usize = 10;

/// The longest member name (or file name) shown, in characters.
const MAX_NAME_CHARS: usize = 80;

/// Where a problem was found.
#[derive(Clone, PartialEq)]
enum Source {
    /// A pasted line, by its number among the lines that are not blank.
    Line(usize),
    /// A file, by its (clipped) name.
    File(String),
}

/// A line or file that could not be read.
#[derive(Clone, PartialEq)]
struct Problem {
    source: Source,
    /// Why, in the visitor's language, when the widget can say it (a pasted line).
    reason: Option<&'static str>,
    /// The engine's or the browser's message, in English.
    detail: String,
}

/// Problems: the first [`MAX_PROBLEMS_SHOWN`] kept, all of them counted.
#[derive(Clone, PartialEq, Default)]
struct Problems {
    first: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.first.len() < MAX_PROBLEMS_SHOWN {
            self.first.push(problem);
        }
        self.total += 1;
    }
}

/// A comparison and how many members it left out (beyond [`MAX_MEMBERS`]).
#[derive(Clone, PartialEq)]
struct Outcome {
    report: TeamReport,
    left_out: usize,
}

/// One problem: where (a file's name isolated, so that right-to-left text in it cannot reorder
/// the message after it), then why in the visitor's language when there is a reason, and the
/// message, isolated too.
fn problem_html(problem: &Problem) -> Html {
    let source = match &problem.source {
        Source::Line(n) => html! { { format!("#{n}") } },
        Source::File(name) => html! { <bdi>{ name }</bdi> },
    };
    let detail = html! { <bdi lang={DETAIL_LANG}>{ &problem.detail }</bdi> };
    match problem.reason {
        Some(reason) => html! { <>{ source }{ ": " }{ reason }{ " (" }{ detail }{ ")" }</> },
        None => html! { <>{ source }{ ": " }{ detail }</> },
    }
}

/// Why a pasted line could not be read, in the visitor's words: no share link at all, a link
/// for another assessment or another version of it, or a damaged one.
fn line_reason(s: &Strings, link: bool, code: &str) -> &'static str {
    if link {
        share_failure(s, code)
    } else {
        s.not_a_share_link
    }
}

/// The short text the live region says about the problems: their number and the first.
fn problems_summary(s: &Strings, problems: &[&Problem], total: usize) -> Html {
    let Some(first) = problems.first() else {
        return Html::default();
    };
    let lead = if total == 1 {
        s.skipped_lines.to_owned()
    } else {
        s.not_read_count.replace("{n}", &total.to_string())
    };
    html! { <p>{ lead }{ " " }{ problem_html(first) }</p> }
}

/// What the team view was given and what it found, kept by the widget while the visitor is
/// back on the scan: returning finds the pasted links, the files read and the comparison as
/// they were. It lives as long as the widget, in this page only.
#[derive(Clone, Default, PartialEq)]
pub struct TeamKept {
    text: String,
    /// The members read from files, with the files' names.
    files: Vec<Member>,
    file_names: Vec<String>,
    file_problems: Problems,
    partial: Problems,
    line_problems: Problems,
    result: Option<Outcome>,
}

/// The widget's [`TeamKept`], shared with each team view it shows.
#[derive(Clone, Default)]
pub struct TeamMemory(Rc<RefCell<TeamKept>>);

impl PartialEq for TeamMemory {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`TeamView`].
#[derive(Properties, PartialEq)]
pub struct TeamViewProps {
    /// The assessment.
    pub model: Rc<Model>,
    /// Preferred locale.
    pub lang: AttrValue,
    /// Leaves for the scan.
    pub onmode: Callback<Mode>,
    /// Whether the heading takes focus (opened by the visitor, not by the page's address).
    #[prop_or_default]
    pub focus: bool,
    /// What an earlier team view of this widget was given.
    #[prop_or_default]
    pub kept: TeamMemory,
}

/// Reads one pasted line, `Name: link` or just a link (or a link's code), into a member; when
/// it cannot, says whether the line held a share link (`#r=`) and why not, in English.
fn parse_line(
    model: &Model,
    line: &str,
    n: usize,
    member: &str,
) -> Result<Member, (bool, &'static str, String)> {
    let (name, link) = match line.find("#r=") {
        Some(at) => {
            let before = &line[..at];
            let name = before
                .rsplit_once(": ")
                .map(|(name, _)| name.trim())
                .filter(|n| !n.is_empty() && !n.contains("://"))
                .map(|n| clip_to(n, MAX_NAME_CHARS));
            (name, &line[at + 3..])
        }
        None => (None, line),
    };
    let has_link = line.contains("#r=");
    let response = sextant_engine::share::decode(model, link.trim())
        .map_err(|e| (has_link, e.code(), e.to_string()))?;
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
    // Opened from the scan, the view's heading takes focus, as every new screen's does.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.focus, move |&focus| {
            if let (true, Some(h)) = (focus, heading.cast::<web_sys::HtmlElement>()) {
                let _ = h.focus();
            }
        });
    }
    // Taken from the widget's memory when the view opens (each field once, not on every
    // render: a paste can be megabytes).
    let kept = &props.kept.0;
    let text = use_state(|| kept.borrow().text.clone());
    let files = use_state(|| kept.borrow().files.clone());
    let file_names = use_state(|| kept.borrow().file_names.clone());
    // Kept apart: the files' problems stay until other files are picked, the lines' until the
    // next comparison.
    let file_problems = use_state(|| kept.borrow().file_problems.clone());
    // Exports compared without the answers of theirs that do not fit.
    let partial = use_state(|| kept.borrow().partial.clone());
    let line_problems = use_state(|| kept.borrow().line_problems.clone());
    let result = use_state(|| kept.borrow().result.clone());
    {
        let memory = props.kept.clone();
        use_effect_with(
            (
                text.clone(),
                files.clone(),
                file_names.clone(),
                file_problems.clone(),
                partial.clone(),
                line_problems.clone(),
                result.clone(),
            ),
            move |(text, files, file_names, file_problems, partial, line_problems, result)| {
                *memory.0.borrow_mut() = TeamKept {
                    text: (**text).clone(),
                    files: (**files).clone(),
                    file_names: (**file_names).clone(),
                    file_problems: (**file_problems).clone(),
                    partial: (**partial).clone(),
                    line_problems: (**line_problems).clone(),
                    result: (**result).clone(),
                };
            },
        );
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
        let file_names = file_names.clone();
        let file_problems = file_problems.clone();
        let partial = partial.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let picked: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            let model = model.clone();
            let files = files.clone();
            let file_names = file_names.clone();
            let file_problems = file_problems.clone();
            let partial = partial.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut members = Vec::new();
                let mut names = Vec::new();
                let mut errors = Problems::default();
                let mut without = Problems::default();
                for file in picked {
                    let name = file.name();
                    match read_file(file, sextant_engine::load::MAX_EXPORT_BYTES)
                        .await
                        .and_then(|t: String| model.import(&t).map_err(|e| e.to_string()))
                    {
                        // An export with no answer that fits is not a member (it would count
                        // as one who answered nothing); answers left out are named.
                        Ok(r) if r.response.filled() == 0 => errors.push(Problem {
                            source: Source::File(clip_to(&name, MAX_NAME_CHARS)),
                            reason: None,
                            detail: "no answer in it fits this assessment".into(),
                        }),
                        Ok(r) => {
                            if !r.skipped.is_empty() {
                                let ids: Vec<&str> =
                                    r.skipped.iter().map(|e| e.question.as_str()).collect();
                                without.push(Problem {
                                    source: Source::File(clip_to(&name, MAX_NAME_CHARS)),
                                    reason: None,
                                    detail: clip(&format!(
                                        "the answers to {} do not fit this assessment",
                                        ids.join(", ")
                                    )),
                                });
                            }
                            names.push(clip_to(&name, MAX_NAME_CHARS));
                            members.push(Member {
                                name: clip_to(name.trim_end_matches(".json"), MAX_NAME_CHARS),
                                response: r.response,
                            });
                        }
                        Err(e) => errors.push(Problem {
                            source: Source::File(clip_to(&name, MAX_NAME_CHARS)),
                            reason: None,
                            detail: clip(&e),
                        }),
                    }
                }
                files.set(members);
                file_names.set(names);
                file_problems.set(errors);
                partial.set(without);
            });
        })
    };
    let oncompare = {
        let model = props.model.clone();
        let text = text.clone();
        let files = files.clone();
        let line_problems = line_problems.clone();
        let result = result.clone();
        let locale = locale.clone();
        Callback::from(move |_| {
            let mut members: Vec<Member> = files.iter().take(MAX_MEMBERS).cloned().collect();
            let mut left_out = files.len() - members.len();
            let mut errors = Problems::default();
            for (i, line) in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                match parse_line(&model, line, members.len() + 1, s.member) {
                    Ok(m) if members.len() < MAX_MEMBERS => members.push(m),
                    Ok(_) => left_out += 1,
                    Err((link, code, e)) => errors.push(Problem {
                        source: Source::Line(i + 1),
                        reason: Some(line_reason(s, link, code)),
                        detail: clip(&e),
                    }),
                }
            }
            line_problems.set(errors);
            result.set(Some(Outcome {
                report: team(&model, &members, &locale),
                left_out,
            }));
        })
    };
    let onback = {
        let onmode = props.onmode.clone();
        Callback::from(move |_| onmode.emit(Mode::Scan))
    };
    let problems: Vec<&Problem> = file_problems
        .first
        .iter()
        .chain(&line_problems.first)
        .take(MAX_PROBLEMS_SHOWN)
        .collect();
    let problems_total = file_problems.total + line_problems.total;
    let more = problems_total - problems.len();
    let left_out = result.as_ref().map_or(0, |o| o.left_out);
    let left_out_text = s
        .members_left_out
        .replace("{max}", &MAX_MEMBERS.to_string())
        .replace("{n}", &left_out.to_string());
    // A cell without a value shows a dash and says "unknown", as the report's tables do.
    let no_value = AttrValue::from(s.no_value);
    let cell = |text: Option<String>| {
        table_value(
            text.as_deref().unwrap_or_default(),
            text.is_none(),
            &no_value,
        )
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
        <div class="sx-app" lang={locale.clone()} dir={sextant_engine::text::direction(&locale)}>
            <section class="sx-team" aria-labelledby="sx-team-title">
                <h1 id="sx-team-title" ref={heading} tabindex="-1">{ s.team }</h1>
                <p>{ s.team_intro }</p>
                <p>
                    <label for="sx-team-links">{ s.team_links }</label>
                    <textarea id="sx-team-links" rows="5" value={(*text).clone()} {oninput} />
                </p>
                // A button of the widget's own, as for importing answers: the browser's own file
                // field cannot wrap its words, and cuts them off on a narrow screen with large
                // text.
                <p>
                    <label class="sx-file">
                        <span>{ s.team_files }</span>
                        <input id="sx-team-files" type="file" multiple=true accept=".json,application/json"
                            aria-describedby={(!file_names.is_empty()).then_some("sx-team-files-read")}
                            onchange={onfiles} />
                    </label>
                </p>
                // The browser's file field forgets its files when the view is left; the files
                // read are named here, also after coming back.
                if !file_names.is_empty() {
                    <p id="sx-team-files-read" class="sx-muted">
                        { s.team_files_read.split("{names}").next().unwrap_or_default() }
                        { for file_names.iter().enumerate().map(|(i, n)| html! {
                            <>{ if i > 0 { ", " } else { "" } }<bdi>{ n }</bdi></>
                        }) }
                    </p>
                }
                <div class="sx-nav">
                    <button type="button" onclick={onback}>{ s.back_to_scan }</button>
                    <button type="button" class="sx-primary" onclick={oncompare}>{ s.compare }</button>
                </div>
                // Always on the page, so that what a comparison found is announced: in short, how
                // many were compared, left out and not read, and the first that was not read.
                <div role="status" class="sx-visually-hidden">
                    if let Some(outcome) = &*result {
                        if outcome.report.members.is_empty() {
                            if problems_total == 0 {
                                <p>{ s.team_nothing }</p>
                            }
                        } else {
                            <p>{ format!("{} ({})", s.team, outcome.report.members.len()) }</p>
                        }
                        if left_out > 0 {
                            <p>{ left_out_text.clone() }</p>
                        }
                    }
                    { problems_summary(s, &problems, problems_total) }
                </div>
                if left_out > 0 || problems_total > 0 || partial.total > 0 {
                    <div class="sx-notice sx-team-problems">
                        if left_out > 0 {
                            <p>{ left_out_text }</p>
                        }
                        if problems_total > 0 {
                            <p>{ s.skipped_lines }</p>
                            <ul>{ for problems.iter().map(|p| html! { <li>{ problem_html(p) }</li> }) }</ul>
                            if more > 0 {
                                <p>{ s.and_more.replace("{n}", &more.to_string()) }</p>
                            }
                        }
                        if partial.total > 0 {
                            <p>{ s.compared_without }</p>
                            <ul>{ for partial.first.iter().map(|p| html! { <li>{ problem_html(p) }</li> }) }</ul>
                            if partial.total > partial.first.len() {
                                <p>{ s.and_more.replace("{n}", &(partial.total - partial.first.len()).to_string()) }</p>
                            }
                        }
                    </div>
                }
                // With nothing given at all; what could not be read is listed above instead.
                if problems_total == 0 && result.as_ref().is_some_and(|o| o.report.members.is_empty()) {
                    <p class="sx-notice sx-team-nothing">{ s.team_nothing }</p>
                }
                if let Some(Outcome { report, .. }) = result.as_ref().filter(|o| !o.report.members.is_empty()) {
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
                                        { for report.members.iter().map(|m| html! { <th scope="col"><bdi>{ &m.name }</bdi></th> }) }
                                    </tr>
                                </thead>
                                <tbody>
                                    { for report.dimensions.iter().map(|d| html! {
                                        <tr>
                                            <th scope="row">{ &d.label }</th>
                                            <td>{ cell(d.display.clone()) }</td>
                                            <td>{ cell(d.spread.map(|x| format_number(x, 0))) }</td>
                                            { for d.scores.iter().map(|x| html! {
                                                <td>{ cell(x.map(|x| format_number(x, 0))) }</td>
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
                                    <strong><bdi>{ &m.name }</bdi></strong>
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
