//! One question: a fieldset with a legend and the native control for its type.

use sextant_engine::model::QuestionType;
use sextant_engine::view::QuestionView;
use yew::prelude::*;

use crate::components::allocation::Allocation;
use crate::components::choice_group::ChoiceGroup;
use crate::components::level_question::LevelQuestion;
use crate::components::number_question::NumberQuestion;

/// Props of [`Question`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

/// A question in a fieldset whose legend is the question text.
#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let q = &props.view;
    let help_id = format!("sx-help-{}", q.index);
    let control = match q.kind {
        QuestionType::Allocation => html! { <Allocation view={q.clone()} /> },
        QuestionType::Level => html! { <LevelQuestion view={q.clone()} /> },
        QuestionType::Number => html! { <NumberQuestion view={q.clone()} /> },
        _ => html! { <ChoiceGroup view={q.clone()} /> },
    };
    // The help text, and a multiple choice's rule ("Choose at least 2. 1 chosen.").
    let described: Vec<String> = q
        .help
        .as_ref()
        .map(|_| help_id.clone())
        .into_iter()
        .chain(q.choose.map(|_| format!("sx-q-{}-choose", q.index)))
        .collect();
    html! {
        <fieldset part="question" class={classes!("sx-question", format!("sx-kind-{}", kind_class(q.kind)))}
            aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
            <legend>{ &q.text }</legend>
            if let Some(help) = &q.help {
                <p class="sx-help" id={help_id}>{ help }</p>
            }
            { control }
        </fieldset>
    }
}

fn kind_class(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Likert => "likert",
        QuestionType::SingleChoice => "single",
        QuestionType::MultipleChoice => "multiple",
        QuestionType::Allocation => "allocation",
        QuestionType::Bipolar => "bipolar",
        QuestionType::Level => "level",
        QuestionType::Number => "number",
    }
}
