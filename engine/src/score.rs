//! Scoring: visibility, dimension scores with coverage, level bands, computed values, profiles
//! and recommendations, in that order.
//!
//! # How a dimension is scored
//! Every visible, answered question that counts towards a dimension *earns* points out of the
//! points it *could* earn:
//!
//! - likert, bipolar, level (its current level) and number: the answer's position `x` from 0 (the
//!   low end) to 1 (the high end); with weight `w`, it earns `|w|·x` of `|w|`, or `|w|·(1−x)` when
//!   `w` is negative or the question is reversed (both: not reversed);
//! - single choice: the chosen option's points, of the highest option's points;
//! - multiple choice: the chosen options' points, of the most that `max_choices` options can earn;
//! - allocation: the sum of `points(option) / total · weight(option)`, of the highest option weight;
//! - a reversed choice question earns `possible − earned`.
//!
//! The score is `100 · Σearned / Σpossible` over the answered questions. "Don't know" and
//! unanswered questions are left out. *Coverage* is `Σpossible(answered) / Σpossible(visible)`;
//! below the dimension's minimum coverage the score is reported as insufficient (`None`).

use crate::answers::{Response, Slot};
use crate::compile::{band_index, ContribWeight, Model, QInfo};
use crate::expr::{Env, Value};
use crate::model::QuestionType;

/// The outcome of scoring one response. Reuse it with [`Model::score_into`] to score many
/// responses without allocating.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Whether each section is shown.
    pub section_visible: Vec<bool>,
    /// Whether each question is shown.
    pub question_visible: Vec<bool>,
    /// Points earned per dimension (answered questions).
    pub earned: Vec<f64>,
    /// Points possible per dimension over answered questions.
    pub answered_possible: Vec<f64>,
    /// Points possible per dimension over visible questions.
    pub visible_possible: Vec<f64>,
    /// The score 0–100 per dimension, `None` when coverage is below the minimum.
    pub score: Vec<Option<f64>>,
    /// The share 0–1 of each dimension's weight that was answered.
    pub coverage: Vec<f64>,
    /// The level band (index into the dimension's bands) per dimension.
    pub band: Vec<Option<usize>>,
    /// Computed values.
    pub computed: Vec<Value>,
    /// Whether each profile matched.
    pub profiles: Vec<bool>,
    /// Triggered recommendations (indices), most urgent first.
    pub recommendations: Vec<u32>,
}

impl Scores {
    /// The raw score 0–100 of a dimension, ignoring the coverage minimum.
    pub fn raw(&self, dim: usize) -> Option<f64> {
        let possible = self.answered_possible[dim];
        (possible > 0.0).then(|| 100.0 * self.earned[dim] / possible)
    }
}

impl Model {
    /// Scores a response.
    ///
    /// ```
    /// # let json = r#"{"format": "sextant/1", "id": "demo", "version": "1", "default_locale": "en",
    /// #   "title": "Demo", "dimensions": [{"id": "d", "label": "D"}],
    /// #   "scales": [{"id": "s", "points": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}],
    /// #   "sections": [{"id": "one", "title": "One", "questions": [
    /// #     {"id": "q", "type": "likert", "scale": "s", "text": "Q?", "weights": {"d": 1}}]}]}"#;
    /// use sextant_engine::{Model, Response};
    /// let model = Model::load(json).unwrap().model;
    /// let response = Response::from_json(&model, r#"{"q": 2}"#).unwrap();
    /// assert_eq!(model.score(&response).score[0], Some(100.0));
    /// ```
    pub fn score(&self, response: &Response) -> Scores {
        let mut scores = Scores::default();
        self.score_into(response, &mut scores);
        scores
    }

    /// Scores a response into `out`, reusing its buffers.
    pub fn score_into(&self, response: &Response, out: &mut Scores) {
        let nd = self.dims.len();
        reset(&mut out.section_visible, self.sections.len(), false);
        reset(&mut out.question_visible, self.questions.len(), false);
        reset(&mut out.earned, nd, 0.0);
        reset(&mut out.answered_possible, nd, 0.0);
        reset(&mut out.visible_possible, nd, 0.0);
        reset(&mut out.score, nd, None);
        reset(&mut out.coverage, nd, 0.0);
        reset(&mut out.band, nd, None);
        reset(&mut out.computed, self.computed.len(), Value::Null);
        reset(&mut out.profiles, self.profiles.len(), false);
        out.recommendations.clear();

        // Visibility, in document order: a show_if reads only earlier questions.
        for (si, section) in self.sections.iter().enumerate() {
            let shown = section
                .show_if
                .as_ref()
                .is_none_or(|e| e.eval(&Ctx::new(self, response, out)).is_true());
            out.section_visible[si] = shown;
            for qi in section.questions.clone() {
                let visible = shown
                    && self.questions[qi]
                        .show_if
                        .as_ref()
                        .is_none_or(|e| e.eval(&Ctx::new(self, response, out)).is_true());
                out.question_visible[qi] = visible;
            }
        }

        // Dimension points.
        for (qi, q) in self.questions.iter().enumerate() {
            if !out.question_visible[qi] {
                continue;
            }
            let slot = response.slots[qi];
            for c in &q.contribs {
                let d = c.dim as usize;
                let (earned, possible) = contribution(q, c, slot, response);
                out.visible_possible[d] += possible;
                if let Some(earned) = earned {
                    out.earned[d] += earned;
                    out.answered_possible[d] += possible;
                }
            }
        }
        for d in 0..nd {
            let visible = out.visible_possible[d];
            let answered = out.answered_possible[d];
            out.coverage[d] = if visible > 0.0 {
                answered / visible
            } else {
                0.0
            };
            if answered > 0.0 && out.coverage[d] + 1e-12 >= self.dims[d].min_coverage {
                let s = 100.0 * out.earned[d] / answered;
                out.score[d] = Some(s);
                out.band[d] = band_index(&self.dims[d].bands, s);
            }
        }

        // Computed values, then profiles, in dependency order.
        for &c in &self.computed_order {
            let v = self.computed[c as usize].eval(&Ctx::new(self, response, out));
            out.computed[c as usize] = v;
        }
        for &p in &self.profile_order {
            let v = self.profiles[p as usize].eval(&Ctx::new(self, response, out));
            out.profiles[p as usize] = v.is_true();
        }
        for &r in &self.rec_order {
            if self.recs[r as usize]
                .when
                .eval(&Ctx::new(self, response, out))
                .is_true()
            {
                out.recommendations.push(r);
            }
        }
    }
}

fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

/// The answer's position from 0 (low end) to 1 (high end), for position questions.
pub(crate) fn position(q: &QInfo, slot: Slot) -> Option<f64> {
    let x = match slot {
        Slot::Num(v) => v,
        Slot::Level { current, .. } => f64::from(current),
        _ => return None,
    };
    Some(((x - q.lo) / (q.hi - q.lo)).clamp(0.0, 1.0))
}

/// (earned, possible) for one question and one dimension; `earned` is `None` when unanswered.
pub(crate) fn contribution(
    q: &QInfo,
    c: &crate::compile::Contrib,
    slot: Slot,
    response: &Response,
) -> (Option<f64>, f64) {
    match &c.weight {
        ContribWeight::Scalar(w) => {
            let earned = position(q, slot).map(|x| w * if c.reverse { 1.0 - x } else { x });
            (earned, *w)
        }
        ContribWeight::Options { points, possible } => {
            let earned = match slot {
                Slot::Choice(i) => Some(points[i as usize]),
                Slot::Choices(bits) => Some(
                    points
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, p)| p)
                        .sum::<f64>()
                        .min(*possible),
                ),
                Slot::Alloc if q.total > 0 => {
                    let alloc = &response.points[q.points_at..q.points_at + q.options.len()];
                    Some(
                        alloc
                            .iter()
                            .zip(points)
                            .map(|(&n, p)| f64::from(n) * p)
                            .sum::<f64>()
                            / f64::from(q.total),
                    )
                }
                _ => None,
            };
            let earned = earned.map(|e| if c.reverse { possible - e } else { e });
            (earned, *possible)
        }
    }
}

/// The evaluation environment over a response and the scores computed so far.
pub(crate) struct Ctx<'a> {
    model: &'a Model,
    response: &'a Response,
    scores: &'a Scores,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(model: &'a Model, response: &'a Response, scores: &'a Scores) -> Self {
        Ctx {
            model,
            response,
            scores,
        }
    }

    fn live(&self, q: u32) -> Option<(&'a QInfo, Slot)> {
        let i = q as usize;
        if !self
            .scores
            .question_visible
            .get(i)
            .copied()
            .unwrap_or(false)
        {
            return None;
        }
        Some((&self.model.questions[i], self.response.slots[i]))
    }
}

impl Env for Ctx<'_> {
    fn score(&self, dimension: u32) -> Value {
        self.scores.score[dimension as usize].map_or(Value::Null, Value::Num)
    }

    fn coverage(&self, dimension: u32) -> Value {
        Value::Num(self.scores.coverage[dimension as usize])
    }

    fn band(&self, dimension: u32) -> Value {
        let d = dimension as usize;
        match self.scores.band[d] {
            Some(b) => Value::Sym(self.model.dims[d].bands[b].0),
            None => Value::Null,
        }
    }

    fn answer(&self, question: u32) -> Value {
        let Some((q, slot)) = self.live(question) else {
            return Value::Null;
        };
        match slot {
            Slot::Num(v) => Value::Num(v),
            Slot::Choice(i) => Value::Sym(q.option_syms[i as usize]),
            Slot::Choices(bits) => Value::Num(f64::from(bits.count_ones())),
            Slot::Level { current, .. } => Value::Num(f64::from(current)),
            Slot::Empty | Slot::DontKnow | Slot::Alloc | Slot::Draft => Value::Null,
        }
    }

    fn answered(&self, question: u32) -> bool {
        self.live(question).is_some_and(|(_, s)| s.is_answer())
    }

    fn dont_know(&self, question: u32) -> bool {
        self.live(question)
            .is_some_and(|(_, s)| s == Slot::DontKnow)
    }

    fn desired(&self, question: u32) -> Value {
        match self.live(question) {
            Some((_, Slot::Level { desired, .. })) if desired > 0 => Value::Num(f64::from(desired)),
            _ => Value::Null,
        }
    }

    fn chosen(&self, question: u32, option: u32) -> bool {
        match self.live(question) {
            Some((_, Slot::Choice(i))) => i == option,
            Some((_, Slot::Choices(bits))) => option < 64 && bits & (1 << option) != 0,
            Some((q, Slot::Alloc)) => self.response.points[q.points_at + option as usize] > 0,
            _ => false,
        }
    }

    fn points(&self, question: u32, option: u32) -> Value {
        match self.live(question) {
            Some((q, Slot::Alloc)) if q.kind == QuestionType::Allocation => Value::Num(f64::from(
                self.response.points[q.points_at + option as usize],
            )),
            _ => Value::Null,
        }
    }

    fn computed(&self, computed: u32) -> Value {
        self.scores.computed[computed as usize]
    }

    fn profile(&self, profile: u32) -> bool {
        self.scores.profiles[profile as usize]
    }

    fn count_answered(&self, section: Option<u32>) -> f64 {
        let range = match section {
            Some(s) => self.model.sections[s as usize].questions.clone(),
            None => 0..self.model.questions.len(),
        };
        range.filter(|&q| self.answered(q as u32)).count() as f64
    }
}
