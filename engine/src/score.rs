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
use crate::expr::{program, Env, Value};
use crate::model::QuestionType;

/// The outcome of scoring one response. Reuse it with [`Model::score_into`] to score many
/// responses without allocating.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Whether each section is shown: its `show_if` holds, and at least one of its questions is
    /// shown (a section whose questions are all hidden is no step).
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
    /// The registers of the model's compiled program, kept to reuse the buffer.
    regs: Scratch,
}

/// A reusable buffer that takes no part in comparing or printing [`Scores`].
#[derive(Clone, Default)]
struct Scratch(Vec<u64>);

impl PartialEq for Scratch {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("..")
    }
}

impl Scores {
    /// The raw score 0–100 of a dimension, ignoring the coverage minimum.
    pub fn raw(&self, dim: usize) -> Option<f64> {
        let possible = self.answered_possible[dim];
        (possible > 0.0).then(|| tidy(100.0 * self.earned[dim] / possible))
    }
}

/// A score without the noise of floating-point sums: rounded to 9 decimals, so that the same
/// answers give the same band and the same shown figure whatever order they were added in
/// (24 of 60 points is 40, not 39.99999999999999 in one order and 40 in another).
fn tidy(score: f64) -> f64 {
    // Rounded to a whole number of billionths by adding and taking away 1.5 · 2^52, which
    // leaves no fraction (exact for the |score| · 1e9 < 2^51 a score is), instead of `round`,
    // a library call that cost a tenth of the scoring time.
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    let scaled = score * 1e9;
    if scaled.abs() < 1e15 {
        (scaled + SHIFT - SHIFT) / 1e9
    } else {
        score
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
        // Only the sums start from zero; every other entry is written below.
        sized(&mut out.section_visible, self.sections.len(), false);
        sized(&mut out.question_visible, self.questions.len(), false);
        reset(&mut out.earned, nd, 0.0);
        reset(&mut out.answered_possible, nd, 0.0);
        reset(&mut out.visible_possible, nd, 0.0);
        sized(&mut out.score, nd, None);
        sized(&mut out.coverage, nd, 0.0);
        sized(&mut out.band, nd, None);
        sized(&mut out.computed, self.computed.len(), Value::Null);
        sized(&mut out.profiles, self.profiles.len(), false);
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
            // A section whose questions are all hidden is no step: nothing in it to answer.
            out.section_visible[si] =
                shown && section.questions.clone().any(|qi| out.question_visible[qi]);
        }

        // Dimension points.
        for (qi, q) in self.questions.iter().enumerate() {
            if !out.question_visible[qi] {
                continue;
            }
            let slot = response.slots[qi];
            let x = position(q, slot);
            for c in &q.contribs {
                let d = c.dim as usize;
                let (earned, possible) = match c.weight {
                    // The common case, inline: a position question's share of its weight.
                    ContribWeight::Scalar(w) => {
                        (x.map(|x| w * if c.reverse { 1.0 - x } else { x }), w)
                    }
                    ContribWeight::Options { .. } => contribution(q, c, slot, response),
                };
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
                let s = tidy(100.0 * out.earned[d] / answered);
                out.score[d] = Some(s);
                out.band[d] = band_index(&self.dims[d].bands, s);
            } else {
                out.score[d] = None;
                out.band[d] = None;
            }
        }

        // Computed values, profiles and triggers: one pass of the compiled program.
        let mut regs = std::mem::take(&mut out.regs.0);
        self.program.run(&Ctx::new(self, response, out), &mut regs);
        for (c, v) in out.computed.iter_mut().enumerate() {
            *v = program::unpack(regs[self.program.computed_reg(c)]);
        }
        for (p, m) in out.profiles.iter_mut().enumerate() {
            *m = program::is_true(regs[self.program.profile_reg(p)]);
        }
        for &r in &self.rec_order {
            if program::is_true(regs[self.program.rec_reg(r as usize)]) {
                out.recommendations.push(r);
            }
        }
        out.regs.0 = regs;
    }
}

fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

/// Gives `v` length `n`, keeping what it holds when it already has that length.
fn sized<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    if v.len() != n {
        reset(v, n, value);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::Rng;

    /// The scores by walking each expression tree in dependency order, as the compiled program
    /// must reproduce them.
    fn by_tree(model: &Model, response: &Response) -> Scores {
        let mut out = model.score(response);
        for &c in &model.computed_order {
            let v = model.computed[c as usize].eval(&Ctx::new(model, response, &out));
            out.computed[c as usize] = v;
        }
        for &p in &model.profile_order {
            let v = model.profiles[p as usize].eval(&Ctx::new(model, response, &out));
            out.profiles[p as usize] = v.is_true();
        }
        out.recommendations.clear();
        for &r in &model.rec_order {
            let when = &model.recs[r as usize].when;
            if when.eval(&Ctx::new(model, response, &out)).is_true() {
                out.recommendations.push(r);
            }
        }
        out
    }

    fn agree(json: &str, n: u64) {
        let model = Model::load(json).expect("the assessment loads").model;
        let mut rng = Rng::new(7);
        let mut response = Response::new(&model);
        let mut scores = Scores::default();
        let mut seen = vec![false; model.computed.len()];
        let mut fired = vec![0u64; model.profiles.len()];
        for i in 0..n {
            model.random_response(&mut rng, &mut response);
            // Leave some questions unanswered too.
            for slot in response.slots.iter_mut() {
                if i % 3 == 0 && rng.below(4) == 0 {
                    *slot = Slot::Empty;
                }
            }
            model.score_into(&response, &mut scores);
            let expected = by_tree(&model, &response);
            assert_eq!(scores.computed, expected.computed, "computed, response {i}");
            assert_eq!(scores.profiles, expected.profiles, "profiles, response {i}");
            assert_eq!(
                scores.recommendations, expected.recommendations,
                "recommendations, response {i}"
            );
            for (s, v) in seen.iter_mut().zip(&scores.computed) {
                *s |= *v != Value::Null;
            }
            for (f, &m) in fired.iter_mut().zip(&scores.profiles) {
                *f += u64::from(m);
            }
        }
        // The comparison is only worth something if the values vary.
        assert!(seen.iter().all(|&s| s), "a computed value is always null");
        assert!(
            fired.iter().all(|&f| f > 0 && f < n),
            "a profile is constant: {fired:?}"
        );
    }

    #[test]
    fn the_compiled_program_agrees_with_the_tree_on_the_default_content() {
        agree(
            include_str!("../../content/commercial-excellence-scan.json"),
            20_000,
        );
    }

    #[test]
    fn the_compiled_program_agrees_with_the_tree_on_every_operation() {
        let json = r#"{"format": "sextant/1", "id": "ops", "version": "1", "default_locale": "en",
          "title": "Ops", "min_coverage": 0.6,
          "dimensions": [{"id": "d", "label": "D"}, {"id": "e", "label": "E", "bands": [
            {"id": "lo", "label": "Lo", "min": 0, "max": 50}, {"id": "hi", "label": "Hi", "min": 50, "max": 100}]}],
          "scales": [{"id": "s", "points": [{"value": 1, "label": "1"}, {"value": 2, "label": "2"},
            {"value": 3, "label": "3"}, {"value": 4, "label": "4"}]}],
          "sections": [{"id": "one", "title": "One", "questions": [
            {"id": "a", "type": "likert", "scale": "s", "text": "A", "dont_know": true, "weights": {"d": 1}},
            {"id": "b", "type": "likert", "scale": "s", "text": "B", "dont_know": true, "weights": {"d": 1, "e": 2}},
            {"id": "c", "type": "single_choice", "text": "C", "dont_know": true,
             "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}], "weights": {"e": {"x": 0, "y": 1}}},
            {"id": "m", "type": "multiple_choice", "text": "M",
             "options": [{"id": "p", "label": "P"}, {"id": "q", "label": "Q"}, {"id": "r", "label": "R"}]},
            {"id": "al", "type": "allocation", "text": "Al", "total": 10,
             "options": [{"id": "u", "label": "U"}, {"id": "v", "label": "V"}], "weights": {"d": {"u": 1, "v": 0}}},
            {"id": "lv", "type": "level", "text": "Lv", "desired": true,
             "levels": [{"label": "1"}, {"label": "2"}, {"label": "3"}, {"label": "4"}], "weights": {"e": 1}},
            {"id": "n", "type": "number", "text": "N", "min": 0, "max": 50, "dont_know": true}]},
            {"id": "two", "title": "Two", "show_if": "answer(a) >= 2", "questions": [
            {"id": "t", "type": "likert", "scale": "s", "text": "T", "weights": {"d": 1},
             "show_if": "not chosen(c, x)"}]}],
          "computed": [
            {"id": "k1", "expr": "if(answered(a), score(d) / (answer(b) - 2), -1)"},
            {"id": "k2", "expr": "round(k1 % 7, 2) + clamp(answer(n), 5, 40) - abs(gap(lv))"},
            {"id": "k3", "expr": "median(answer(a), answer(b), answer(n), points(al, u))"},
            {"id": "k4", "expr": "count(chosen(m, p), chosen(m, q), dont_know(a), k1 > 3) + count_answered() + count_answered(two)"},
            {"id": "k5", "expr": "sum(k1, k2, null) * min(k3, 10) / max(coverage(e), 0)"},
            {"id": "k6", "expr": "band(e) == \"hi\" or (answer(c) == \"y\" and not (k4 >= 5))"},
            {"id": "k7", "expr": "if(k6, round(k3), null) != desired(lv) and -k3 <= -2"},
            {"id": "k8", "expr": "clamp(k2, 10, 1) == null or true"}],
          "profiles": [
            {"id": "p1", "label": "P1", "headline": "H", "when": "k6 and k1 >= 0"},
            {"id": "p2", "label": "P2", "headline": "H", "when": "profile(p1) or k7"},
            {"id": "p3", "label": "P3", "headline": "H", "when": "not profile(p2) and score(e) < 50"}],
          "recommendations": [
            {"id": "r1", "dimension": "d", "priority": 2, "title": "T", "body": "B", "when": "profile(p3) or k5 > 20"},
            {"id": "r2", "dimension": "e", "priority": 1, "title": "T", "body": "B", "when": "k4 >= 3 and (k2 < 30 or answered(t))"},
            {"id": "r3", "dimension": "e", "priority": 1, "title": "T", "body": "B", "when": "k8 and profile(p2)"}]
        }"#;
        agree(json, 20_000);
    }

    #[test]
    fn shared_operations_are_computed_once() {
        let model = Model::load(include_str!(
            "../../content/commercial-excellence-scan.json"
        ))
        .expect("the default assessment loads")
        .model;
        let nodes: usize = model
            .computed
            .iter()
            .chain(&model.profiles)
            .chain(model.recs.iter().map(|r| &r.when))
            .map(|e| e.len())
            .sum();
        let ops = model.program.len();
        assert!(
            ops * 2 < nodes,
            "{ops} instructions for {nodes} expression nodes"
        );
    }
}
