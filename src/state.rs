//! The app state and its reducer. Every arm delegates to the engine: the widget never scores.

use std::rc::Rc;

use sextant_engine::view::Step;
use sextant_engine::{Answer, Model, Response, Scores};
use yew::prelude::*;

/// The state of one scan in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// The compiled assessment.
    pub model: Rc<Model>,
    /// The answers so far.
    pub response: Response,
    /// The engine's scores for them (visibility, scores, profiles, recommendations).
    pub scores: Scores,
    /// Where the visitor is.
    pub step: Step,
    /// The locale texts are shown in.
    pub locale: String,
}

/// What the visitor did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the welcome screen.
    Start,
    /// Answer (or clear) a question, by index.
    Answer(usize, Option<Answer>),
    /// Forward.
    Next,
    /// Back.
    Back,
    /// Change the language.
    SetLocale(String),
}

impl Scan {
    /// A fresh scan at the welcome screen.
    pub fn new(model: Rc<Model>, locale: &str) -> Self {
        let response = Response::new(&model);
        let scores = model.score(&response);
        let locale = model.locale_for(locale);
        Scan {
            model,
            response,
            scores,
            step: Step::Welcome,
            locale,
        }
    }
}

impl Reducible for Scan {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start | Action::Next => {
                next.step = next.model.next_step(&next.scores, next.step);
            }
            Action::Back => next.step = next.model.previous_step(&next.scores, next.step),
            Action::Answer(q, answer) => {
                // The controls only offer valid answers; an invalid one is ignored, not stored.
                if next.response.set(&next.model, q, answer.as_ref()).is_err() {
                    return self;
                }
                next.scores = next.model.score(&next.response);
            }
            Action::SetLocale(locale) => next.locale = next.model.locale_for(&locale),
        }
        Rc::new(next)
    }
}

/// The scan state, shared with every component below the provider.
pub type ScanContext = UseReducerHandle<Scan>;

/// The scan state and its dispatcher.
#[hook]
pub fn use_scan() -> ScanContext {
    use_context::<ScanContext>().expect("use_scan needs a ScanContext provider")
}
