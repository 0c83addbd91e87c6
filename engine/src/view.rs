//! View data: everything a user interface needs to render a step, prepared by the engine so the
//! interface only draws it. Steps, progress, which buttons are enabled, the controls of each
//! question and whether each is checked all come from here.

use serde::Serialize;

use crate::answers::{Answer, Response, Slot};
use crate::compile::Model;
use crate::model::QuestionType;
use crate::score::Scores;

/// Where the visitor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Step {
    /// The welcome screen.
    Welcome,
    /// A section, by index.
    Section(usize),
    /// The report.
    Report,
}

/// Progress through the visible sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The current step, 1-based.
    pub step: usize,
    /// The number of visible sections.
    pub count: usize,
    /// The share of steps completed, 0–100.
    pub percent: u8,
}

/// One answer a visitor can pick in a radio group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceView {
    /// The label.
    pub label: String,
    /// A longer description (level questions).
    pub description: Option<String>,
    /// The answer that picking it sets.
    pub answer: Answer,
    /// Whether it is the current answer.
    pub checked: bool,
}

/// A question, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionView {
    /// Index of the question in document order.
    pub index: usize,
    /// Question id.
    pub id: String,
    /// Kind.
    pub kind: QuestionType,
    /// Text.
    pub text: String,
    /// Help text.
    pub help: Option<String>,
    /// The choices of a radio group (likert, single choice, bipolar, level), in order.
    pub choices: Vec<ChoiceView>,
    /// Whether "don't know" is offered, and whether it is the current answer.
    pub dont_know: Option<bool>,
    /// Bipolar: the two poles.
    pub poles: Option<(String, String)>,
}

impl Model {
    /// The visible sections, in order.
    pub fn visible_sections(&self, scores: &Scores) -> Vec<usize> {
        (0..self.sections.len())
            .filter(|&s| scores.section_visible.get(s).copied().unwrap_or(false))
            .collect()
    }

    /// The step after `step`.
    pub fn next_step(&self, scores: &Scores, step: Step) -> Step {
        let visible = self.visible_sections(scores);
        match step {
            Step::Welcome => visible.first().map_or(Step::Report, |&s| Step::Section(s)),
            Step::Section(current) => visible
                .iter()
                .find(|&&s| s > current)
                .map_or(Step::Report, |&s| Step::Section(s)),
            Step::Report => Step::Report,
        }
    }

    /// The step before `step`.
    pub fn previous_step(&self, scores: &Scores, step: Step) -> Step {
        let visible = self.visible_sections(scores);
        match step {
            Step::Welcome => Step::Welcome,
            Step::Section(current) => visible
                .iter()
                .rev()
                .find(|&&s| s < current)
                .map_or(Step::Welcome, |&s| Step::Section(s)),
            Step::Report => visible.last().map_or(Step::Welcome, |&s| Step::Section(s)),
        }
    }

    /// Whether `step` is the last section (its forward button leads to the report).
    pub fn is_last_step(&self, scores: &Scores, step: Step) -> bool {
        self.next_step(scores, step) == Step::Report
    }

    /// Progress at a section.
    pub fn progress(&self, scores: &Scores, section: usize) -> Progress {
        let visible = self.visible_sections(scores);
        let count = visible.len().max(1);
        let step = visible
            .iter()
            .position(|&s| s == section)
            .map_or(1, |i| i + 1);
        Progress {
            step,
            count,
            percent: ((100 * (step - 1)) / count) as u8,
        }
    }

    /// The visible questions of a section, ready to render.
    pub fn question_views(
        &self,
        response: &Response,
        scores: &Scores,
        section: usize,
        locale: &str,
    ) -> Vec<QuestionView> {
        self.sections[section]
            .questions
            .clone()
            .filter(|&q| scores.question_visible.get(q).copied().unwrap_or(false))
            .map(|q| self.question_view(response, q, locale))
            .collect()
    }

    /// One question, ready to render.
    pub fn question_view(&self, response: &Response, qi: usize, locale: &str) -> QuestionView {
        let q = self.question(qi);
        let info = &self.questions[qi];
        let slot = response.slot(qi);
        let t = |text: &crate::Text| self.text(text, locale).to_owned();
        let choice = |label: String, description: Option<String>, answer: Answer, checked: bool| {
            ChoiceView {
                label,
                description,
                answer,
                checked,
            }
        };
        let choices = match q.kind {
            QuestionType::Likert => self
                .assessment
                .scales
                .iter()
                .find(|s| Some(&s.id) == q.scale.as_ref())
                .map(|s| {
                    s.points
                        .iter()
                        .map(|p| {
                            choice(
                                t(&p.label),
                                None,
                                Answer::Number(p.value),
                                slot == Slot::Num(p.value),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            QuestionType::SingleChoice => q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    choice(
                        t(&o.label),
                        None,
                        Answer::Choice(o.id.clone()),
                        slot == Slot::Choice(i as u32),
                    )
                })
                .collect(),
            QuestionType::Bipolar => (1..=info.hi as u32)
                .map(|s| {
                    choice(
                        s.to_string(),
                        None,
                        Answer::Number(f64::from(s)),
                        slot == Slot::Num(f64::from(s)),
                    )
                })
                .collect(),
            QuestionType::Level => q
                .levels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let level = i as u32 + 1;
                    let current = match slot {
                        Slot::Level { current, .. } => current == level,
                        _ => false,
                    };
                    choice(
                        t(&l.label),
                        l.description.as_ref().map(&t),
                        Answer::Level {
                            current: level,
                            desired: None,
                        },
                        current,
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        QuestionView {
            index: qi,
            id: q.id.clone(),
            kind: q.kind,
            text: t(&q.text),
            help: q.help.as_ref().map(&t),
            choices,
            dont_know: q.dont_know.then_some(slot == Slot::DontKnow),
            poles: match (&q.left, &q.right) {
                (Some(l), Some(r)) => Some((t(l), t(r))),
                _ => None,
            },
        }
    }
}
