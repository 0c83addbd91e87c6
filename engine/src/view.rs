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
    /// The answer that picking it sets. A box of a multiple choice sets no answer by itself:
    /// what ticking it makes of the others is [`Model::toggle_choice`]'s.
    pub answer: Answer,
    /// Whether it is the current answer.
    pub checked: bool,
    /// The option's id (choice questions); empty for a scale point or a level.
    pub option: String,
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
    /// The choices of a radio group (likert, single choice, bipolar) or the boxes of a multiple
    /// choice, in order.
    pub choices: Vec<ChoiceView>,
    /// Whether "don't know" is offered, and whether it is the current answer.
    pub dont_know: Option<bool>,
    /// Bipolar: the two poles.
    pub poles: Option<(String, String)>,
    /// Level: the levels, lowest first.
    pub levels: Vec<LevelView>,
    /// Level: whether the desired level is asked too.
    pub desired: bool,
    /// Allocation: the statements and the points given.
    pub allocation: Option<AllocationView>,
    /// Number: the current value, bounds and unit.
    pub number: Option<NumberView>,
    /// Multiple choice: how many boxes may be ticked, `(min, max)`, when that is not simply
    /// "any number" (`None` for 1 or 0 up to all of them).
    pub choose: Option<(u32, u32)>,
    /// What keeps the visitor from going on, if anything.
    pub issue: Option<Issue>,
}

/// One level of a level question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelView {
    /// 1-based level.
    pub level: u32,
    /// Short name.
    pub label: String,
    /// What the level looks like in practice.
    pub description: Option<String>,
    /// Whether it is the current level.
    pub current: bool,
    /// Whether it is the desired level.
    pub desired: bool,
}

/// An allocation question's state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationView {
    /// The points to spread.
    pub total: u32,
    /// The points given so far.
    pub given: u32,
    /// Per statement: its label and points.
    pub options: Vec<(String, u32)>,
}

/// A number question's state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberView {
    /// The value, when given.
    pub value: Option<f64>,
    /// Smallest allowed.
    pub min: f64,
    /// Largest allowed.
    pub max: f64,
    /// Unit.
    pub unit: Option<String>,
}

/// Why a step cannot be left yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Issue {
    /// An allocation whose points do not add up yet: `left` points still to give (negative: too many).
    PointsLeft {
        /// Points still to give.
        left: i64,
        /// The total.
        total: u32,
    },
}

/// What ticking or unticking one box of a multiple choice makes of the boxes ticked.
#[derive(Debug, Clone, PartialEq)]
pub enum Toggled {
    /// An answer: no fewer boxes than the question's least, no more than its most (none at all
    /// is an answer where the least is 0).
    Answer(Answer),
    /// No box ticked where one is needed: no answer.
    Cleared,
    /// Fewer boxes than the least: they stay ticked on screen, but are no answer yet.
    TooFew(Vec<String>),
    /// More boxes than the most: refused.
    TooMany,
}

impl Model {
    /// Ticks (`on`) or unticks `option` of multiple-choice question `qi`, where `ticked` are
    /// the options ticked now.
    pub fn toggle_choice(&self, qi: usize, ticked: &[String], option: &str, on: bool) -> Toggled {
        let info = &self.questions[qi];
        let mut list: Vec<String> = ticked.iter().filter(|o| *o != option).cloned().collect();
        if on {
            list.push(option.to_owned());
        }
        let n = list.len() as u32;
        if n > info.max_choices {
            Toggled::TooMany
        } else if n >= info.min_choices {
            Toggled::Answer(Answer::Choices(list))
        } else if n == 0 {
            Toggled::Cleared
        } else {
            Toggled::TooFew(list)
        }
    }

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

    /// The first step on show with an issue that keeps the visitor on it (points that do not add
    /// up to an allocation's total), if any.
    pub fn first_step_with_issues(&self, response: &Response, scores: &Scores) -> Option<usize> {
        self.visible_sections(scores)
            .into_iter()
            .find(|&s| !self.step_issues(response, scores, s).is_empty())
    }

    /// The first step on show with a question on show still unanswered ("don't know" is an
    /// answer), or the last step when there is none: where answers saved earlier were left off.
    pub fn first_open_step(&self, response: &Response, scores: &Scores) -> Step {
        let visible = self.visible_sections(scores);
        let open = |s: &&usize| {
            self.sections[**s].questions.clone().any(|q| {
                scores.question_visible.get(q).copied().unwrap_or(false)
                    && response.slot(q) == Slot::Empty
            })
        };
        visible
            .iter()
            .find(open)
            .or(visible.last())
            .map_or(Step::Report, |&s| Step::Section(s))
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
                option: String::new(),
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
            QuestionType::SingleChoice | QuestionType::MultipleChoice => q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let checked = match slot {
                        Slot::Choice(c) => c == i as u32,
                        Slot::Choices(bits) => bits & (1 << i) != 0,
                        _ => false,
                    };
                    let answer = match q.kind {
                        QuestionType::SingleChoice => Answer::Choice(o.id.clone()),
                        _ => Answer::Choices(vec![o.id.clone()]),
                    };
                    ChoiceView {
                        option: o.id.clone(),
                        ..choice(t(&o.label), None, answer, checked)
                    }
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
            _ => Vec::new(),
        };
        let (current, desired) = match slot {
            Slot::Level { current, desired } => (current, desired),
            _ => (0, 0),
        };
        let levels = q
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| LevelView {
                level: i as u32 + 1,
                label: t(&l.label),
                description: l.description.as_ref().map(&t),
                current: current == i as u32 + 1,
                desired: desired == i as u32 + 1,
            })
            .collect();
        let allocation = (q.kind == QuestionType::Allocation).then(|| {
            let points = response.allocation(self, qi);
            AllocationView {
                total: info.total,
                given: points.iter().sum(),
                options: q
                    .options
                    .iter()
                    .zip(points)
                    .map(|(o, &p)| (t(&o.label), p))
                    .collect(),
            }
        });
        let issue = allocation.as_ref().and_then(|a| {
            (slot == Slot::Draft).then_some(Issue::PointsLeft {
                left: i64::from(a.total) - i64::from(a.given),
                total: a.total,
            })
        });
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
            levels,
            desired: q.desired,
            allocation,
            number: (q.kind == QuestionType::Number).then(|| NumberView {
                value: match slot {
                    Slot::Num(v) => Some(v),
                    _ => None,
                },
                min: info.lo,
                max: info.hi,
                unit: q.unit.as_ref().map(&t),
            }),
            choose: (q.kind == QuestionType::MultipleChoice
                && (info.min_choices > 1 || (info.max_choices as usize) < q.options.len()))
            .then_some((info.min_choices, info.max_choices)),
            issue,
        }
    }

    /// The issues that keep the visitor on a section, with the question index of each.
    pub fn step_issues(
        &self,
        response: &Response,
        scores: &Scores,
        section: usize,
    ) -> Vec<(usize, Issue)> {
        self.sections[section]
            .questions
            .clone()
            .filter(|&q| scores.question_visible.get(q).copied().unwrap_or(false))
            .filter(|&q| response.slot(q) == Slot::Draft)
            .map(|q| {
                let total = self.questions[q].total;
                let given: u32 = response.allocation(self, q).iter().sum();
                (
                    q,
                    Issue::PointsLeft {
                        left: i64::from(total) - i64::from(given),
                        total,
                    },
                )
            })
            .collect()
    }

    /// The visible steps, for a step index: (section index, title, whether it can be jumped
    /// to from `current` — only steps already passed, never ahead).
    pub fn step_index(&self, scores: &Scores, current: Step, locale: &str) -> Vec<StepEntry> {
        let at = match current {
            Step::Welcome => None,
            Step::Section(s) => Some(s),
            Step::Report => Some(usize::MAX),
        };
        self.visible_sections(scores)
            .into_iter()
            .map(|s| StepEntry {
                section: s,
                title: self
                    .text(&self.assessment.sections[s].title, locale)
                    .to_owned(),
                current: at == Some(s),
                reachable: at.is_some_and(|a| s < a),
            })
            .collect()
    }
}

/// One entry of the step index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepEntry {
    /// Section index.
    pub section: usize,
    /// Its title.
    pub title: String,
    /// Whether it is the current step.
    pub current: bool,
    /// Whether the visitor may jump to it (an earlier step).
    pub reachable: bool,
}
