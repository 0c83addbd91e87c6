//! Answers: the portable form ([`Answers`], keyed by question id, as in files and saved state)
//! and the compiled form ([`Response`], indexed, what the scorer reads).
//!
//! In JSON an answer is written by its shape:
//!
//! | question type | answer |
//! | --- | --- |
//! | likert | the scale point's value, e.g. `4` |
//! | bipolar | the step, `1` (left pole) to `steps` (right pole) |
//! | number | the number |
//! | single choice | the option id, e.g. `"b"` |
//! | multiple choice | a list of option ids, e.g. `["a", "c"]` |
//! | allocation | points per option id, e.g. `{"a": 5, "b": 3, "c": 2}` |
//! | level | `{"current": 2}` or `{"current": 2, "desired": 4}` (levels count from 1) |
//! | any, when offered | `"dont_know"` |

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};
use crate::model::QuestionType;
use crate::Model;

/// The reserved answer and option id for "don't know / not applicable".
pub const DONT_KNOW: &str = "dont_know";

/// One answer, in its portable form.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// "Don't know / not applicable".
    DontKnow,
    /// A likert value, a bipolar step, or a number.
    Number(f64),
    /// A single-choice option id.
    Choice(String),
    /// Multiple-choice option ids.
    Choices(Vec<String>),
    /// Allocation: points per option id.
    Allocation(BTreeMap<String, u32>),
    /// A level (1-based), with the desired level when asked.
    Level {
        /// The current level.
        current: u32,
        /// The desired level.
        desired: Option<u32>,
    },
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::DontKnow => s.serialize_str(DONT_KNOW),
            Answer::Number(n) => s.serialize_f64(*n),
            Answer::Choice(c) => s.serialize_str(c),
            Answer::Choices(c) => c.serialize(s),
            Answer::Allocation(a) => a.serialize(s),
            Answer::Level { current, desired } => {
                #[derive(Serialize)]
                struct L {
                    current: u32,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    desired: Option<u32>,
                }
                L {
                    current: *current,
                    desired: *desired,
                }
                .serialize(s)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        // A level answer has no other keys, so an allocation with an option called `current`
        // and another one (`{"current": 6, "new": 4}`) is read as points. One whose options are
        // all `current` or `desired` reads as a level, and `Answer::fitting` turns it back.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Level {
            current: u32,
            #[serde(default)]
            desired: Option<u32>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Num(f64),
            Str(String),
            List(Vec<String>),
            Level(Level),
            Map(BTreeMap<String, u32>),
        }
        Ok(
            match Raw::deserialize(d).map_err(|_| {
                D::Error::custom(
                    "expected an answer: a number, an option id, a list of option ids, \
                 points per option, {\"current\": n}, or \"dont_know\"",
                )
            })? {
                Raw::Num(n) => Answer::Number(n),
                Raw::Str(s) if s == DONT_KNOW => Answer::DontKnow,
                Raw::Str(s) => Answer::Choice(s),
                Raw::List(l) => Answer::Choices(l),
                Raw::Level(Level { current, desired }) => Answer::Level { current, desired },
                Raw::Map(m) => Answer::Allocation(m),
            },
        )
    }
}

impl Answer {
    /// The answer as a question of `kind` reads it. JSON cannot tell `{"current": 6}` for a
    /// level from 6 points for an allocation option called `current`; for an allocation, a
    /// level-shaped answer is those points.
    fn fitting(&self, kind: QuestionType) -> Cow<'_, Answer> {
        match (kind, self) {
            (QuestionType::Allocation, Answer::Level { current, desired }) => {
                let mut points = BTreeMap::from([("current".to_owned(), *current)]);
                if let Some(d) = desired {
                    points.insert("desired".to_owned(), *d);
                }
                Cow::Owned(Answer::Allocation(points))
            }
            _ => Cow::Borrowed(self),
        }
    }
}

/// Answers keyed by question id, in their portable form.
pub type Answers = BTreeMap<String, Answer>;

/// A stored answer slot of a [`Response`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Slot {
    /// Not answered.
    #[default]
    Empty,
    /// "Don't know / not applicable".
    DontKnow,
    /// A likert value, bipolar step or number.
    Num(f64),
    /// A single-choice option index.
    Choice(u32),
    /// Multiple-choice option indices as a bit set (options are limited to 64).
    Choices(u64),
    /// An allocation whose points add up to the total; the points are in the response
    /// ([`Response::allocation`]).
    Alloc,
    /// An allocation in progress: its points do not add up to the total yet, so it is not an
    /// answer (not scored, not counted as answered) but is kept so nothing typed is lost.
    Draft,
    /// A level, 1-based; `desired` is 0 when not given.
    Level {
        /// Current level.
        current: u32,
        /// Desired level, or 0.
        desired: u32,
    },
}

impl Slot {
    /// Whether the slot holds a real answer (not empty, "don't know" or a draft).
    pub fn is_answer(self) -> bool {
        !matches!(self, Slot::Empty | Slot::DontKnow | Slot::Draft)
    }
}

/// Answers in compiled form: one slot per question, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub(crate) slots: Vec<Slot>,
    pub(crate) points: Vec<u32>,
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    /// The question id.
    pub question: String,
    /// A stable code, e.g. `answer.out_of_range`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "answers.{}: {}", self.question, self.message)
    }
}

impl Response {
    /// An empty response for `model`.
    pub fn new(model: &Model) -> Self {
        Response {
            slots: vec![Slot::Empty; model.questions.len()],
            points: vec![0; model.points_len],
        }
    }

    /// The slot of question `index`.
    pub fn slot(&self, index: usize) -> Slot {
        self.slots.get(index).copied().unwrap_or_default()
    }

    /// The points of an allocation question (empty for other kinds).
    pub fn allocation(&self, model: &Model, index: usize) -> &[u32] {
        let q = &model.questions[index];
        if q.kind == QuestionType::Allocation {
            &self.points[q.points_at..q.points_at + q.options.len()]
        } else {
            &[]
        }
    }

    /// Sets (or with `None`, clears) the answer to question `index`, checking it against the question.
    pub fn set(
        &mut self,
        model: &Model,
        index: usize,
        answer: Option<&Answer>,
    ) -> Result<(), AnswerError> {
        let q = &model.questions[index];
        let answer = answer.map(|a| a.fitting(q.kind));
        let answer = answer.as_deref();
        let fail = |code: &'static str, message: String| AnswerError {
            question: q.id.clone(),
            code,
            message,
        };
        let slot = match answer {
            None => Slot::Empty,
            Some(Answer::DontKnow) if q.dont_know => Slot::DontKnow,
            Some(Answer::DontKnow) => {
                return Err(fail(
                    "answer.dont_know_not_offered",
                    "this question does not offer \"don't know\"".into(),
                ))
            }
            Some(answer) => q.slot_for(answer).map_err(|(c, m)| fail(c, m))?,
        };
        if q.kind == QuestionType::Allocation {
            let range = q.points_at..q.points_at + q.options.len();
            match answer {
                Some(Answer::Allocation(map)) => {
                    for (i, o) in q.options.iter().enumerate() {
                        self.points[range.start + i] = map.get(o).copied().unwrap_or(0);
                    }
                }
                _ => self.points[range].fill(0),
            }
        }
        self.slots[index] = slot;
        Ok(())
    }

    /// Builds a response from portable answers. Every problem is collected; unknown question ids
    /// and invalid answers are errors, so answers are never silently mis-loaded.
    pub fn from_answers(model: &Model, answers: &Answers) -> Result<Self, Vec<AnswerError>> {
        let mut response = Response::new(model);
        let mut errors = Vec::new();
        for (id, answer) in answers {
            match model.question_index(id) {
                Some(i) => {
                    if let Err(e) = response.set(model, i, Some(answer)) {
                        errors.push(e);
                    }
                }
                None => errors.push(AnswerError {
                    question: id.clone(),
                    code: "answer.unknown_question",
                    message: format!("there is no question `{id}`"),
                }),
            }
        }
        if errors.is_empty() {
            Ok(response)
        } else {
            Err(errors)
        }
    }

    /// Parses answers JSON (an object of question id to answer) into a response.
    pub fn from_json(model: &Model, json: &str) -> Result<Self, Error> {
        let answers: Answers =
            crate::load::from_json(json, "answers document", crate::load::MAX_ANSWERS_BYTES)?;
        Response::from_answers(model, &answers).map_err(|errors| {
            let first = &errors[0];
            Error::new(ErrorKind::Shape {
                path: first.question.clone(),
                message: if errors.len() == 1 {
                    first.message.clone()
                } else {
                    format!("{} (and {} more)", first.message, errors.len() - 1)
                },
            })
        })
    }

    /// The answers in portable form.
    pub fn to_answers(&self, model: &Model) -> Answers {
        let mut answers = Answers::new();
        for (i, q) in model.questions.iter().enumerate() {
            if let Some(a) = self.answer(model, i) {
                answers.insert(q.id.clone(), a);
            }
        }
        answers
    }

    /// The answer to question `index` in portable form.
    pub fn answer(&self, model: &Model, index: usize) -> Option<Answer> {
        let q = &model.questions[index];
        Some(match self.slots[index] {
            Slot::Empty => return None,
            Slot::DontKnow => Answer::DontKnow,
            Slot::Num(n) => Answer::Number(n),
            Slot::Choice(c) => Answer::Choice(q.options[c as usize].clone()),
            Slot::Choices(bits) => Answer::Choices(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, o)| o.clone())
                    .collect(),
            ),
            Slot::Alloc | Slot::Draft => Answer::Allocation(
                q.options
                    .iter()
                    .cloned()
                    .zip(self.allocation(model, index).iter().copied())
                    .collect(),
            ),
            Slot::Level { current, desired } => Answer::Level {
                current,
                desired: (desired > 0).then_some(desired),
            },
        })
    }

    /// Sets the points of an allocation question one by one, as a visitor types them. The
    /// points are kept whatever their sum (each capped at the total); the question counts as
    /// answered only when they add up to the total.
    pub fn set_points(&mut self, model: &Model, index: usize, option: usize, points: u32) {
        let q = &model.questions[index];
        if q.kind != QuestionType::Allocation || option >= q.options.len() {
            return;
        }
        let range = q.points_at..q.points_at + q.options.len();
        self.points[range.start + option] = points.min(q.total);
        let sum: u64 = self.points[range].iter().map(|&p| u64::from(p)).sum();
        self.slots[index] = if sum == u64::from(q.total) {
            Slot::Alloc
        } else {
            Slot::Draft
        };
    }

    /// Restores answers leniently, as saved state and imports need: every answer that fits its
    /// question is kept (an allocation in progress as a draft), and every one that does not is
    /// left out and reported, so nothing is mis-loaded and nothing is silently dropped.
    pub fn restore(model: &Model, answers: &Answers) -> (Self, Vec<AnswerError>) {
        let mut response = Response::new(model);
        let mut errors = Vec::new();
        for (id, answer) in answers {
            let Some(i) = model.question_index(id) else {
                errors.push(AnswerError {
                    question: id.clone(),
                    code: "answer.unknown_question",
                    message: format!("there is no question `{id}`"),
                });
                continue;
            };
            let q = &model.questions[i];
            match (q.kind, answer.fitting(q.kind).as_ref()) {
                (QuestionType::Allocation, Answer::Allocation(map))
                    if map.keys().all(|k| q.options.contains(k))
                        && map.values().map(|&p| u64::from(p)).sum::<u64>()
                            < u64::from(q.total) =>
                {
                    for (o, option) in q.options.iter().enumerate() {
                        response.set_points(model, i, o, map.get(option).copied().unwrap_or(0));
                    }
                    if map.values().all(|&p| p == 0) {
                        response.slots[i] = Slot::Empty;
                    }
                }
                _ => {
                    if let Err(e) = response.set(model, i, Some(answer)) {
                        errors.push(e);
                    }
                }
            }
        }
        (response, errors)
    }

    /// How many questions have a slot other than empty (answers and "don't know").
    pub fn filled(&self) -> usize {
        self.slots.iter().filter(|s| **s != Slot::Empty).count()
    }

    /// Whether question `index` has the same answer (and points) here as in `other`.
    fn same_answer(&self, model: &Model, other: &Response, index: usize) -> bool {
        self.slots[index] == other.slots[index]
            && self.allocation(model, index) == other.allocation(model, index)
    }

    /// Merges another tab's answers into this tab's, question by question: two tabs that
    /// changed different questions since they last agreed (`base`: the answers both had then)
    /// both keep their changes. A question changed in one tab only takes that tab's answer
    /// (including a cleared one). A question both changed takes the answer of the `newer` side;
    /// when neither is newer (two saves of the same revision), the one that sorts last, so that
    /// both tabs settle on the same answer without asking each other.
    pub fn merge(
        &self,
        model: &Model,
        base: &Response,
        theirs: &Response,
        newer: std::cmp::Ordering,
    ) -> Response {
        use std::cmp::Ordering;
        let mut merged = theirs.clone();
        for (i, q) in model.questions.iter().enumerate() {
            let mine_changed = !self.same_answer(model, base, i);
            let theirs_changed = !theirs.same_answer(model, base, i);
            let keep_mine = mine_changed
                && (!theirs_changed
                    || match newer {
                        Ordering::Greater => true,
                        Ordering::Less => false,
                        Ordering::Equal => {
                            format!("{:?}{:?}", self.slots[i], self.allocation(model, i))
                                > format!("{:?}{:?}", theirs.slots[i], theirs.allocation(model, i))
                        }
                    });
            if keep_mine {
                merged.slots[i] = self.slots[i];
                if q.kind == QuestionType::Allocation {
                    let range = q.points_at..q.points_at + q.options.len();
                    merged.points[range.clone()].copy_from_slice(&self.points[range]);
                }
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json() {
        let json = r#"{"a":4,"b":"x","c":["x","y"],"d":{"x":6,"y":4},"e":{"current":2,"desired":4},"f":"dont_know","g":{"current":1}}"#;
        let answers: Answers = serde_json::from_str(json).unwrap();
        assert_eq!(answers["a"], Answer::Number(4.0));
        assert_eq!(answers["f"], Answer::DontKnow);
        assert_eq!(
            answers["g"],
            Answer::Level {
                current: 1,
                desired: None
            }
        );
        let back: Answers =
            serde_json::from_str(&serde_json::to_string(&answers).unwrap()).unwrap();
        assert_eq!(back, answers);
    }

    #[test]
    fn a_malformed_answer_names_what_is_expected() {
        let err = crate::load::from_json::<Answers>(r#"{"a": true}"#, "answers", 1000).unwrap_err();
        assert!(
            err.to_string().starts_with("a: expected an answer"),
            "{err}"
        );
    }
}

mod fast {
    //! A direct parser from an answers object into a [`Response`], for batches: keys are looked
    //! up without allocating, and each value is read by its question's type, with no
    //! intermediate map and no untagged buffering.

    use std::fmt;

    use serde::de::{
        self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };

    use super::{Answer, Response, Slot, DONT_KNOW};
    use crate::compile::QInfo;
    use crate::model::QuestionType;
    use crate::Model;

    /// The whole answers object.
    pub(super) struct Object<'a> {
        pub model: &'a Model,
        pub response: &'a mut Response,
        pub errors: &'a mut Vec<String>,
    }

    impl<'de> DeserializeSeed<'de> for Object<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Object<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of question id to answer")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen = Vec::new();
            while let Some(found) = map.next_key_seed(Key { model: self.model })? {
                let index = match found {
                    Ok(index) if seen.contains(&index) => {
                        map.next_value::<IgnoredAny>()?;
                        let id = &self.model.questions[index].id;
                        self.errors
                            .push(format!("answers.{id}: `{id}` is answered twice"));
                        continue;
                    }
                    Ok(index) => index,
                    Err(key) => {
                        map.next_value::<IgnoredAny>()?;
                        self.errors.push(super::no_such_question(&key));
                        continue;
                    }
                };
                seen.push(index);
                let q = &self.model.questions[index];
                match q.kind {
                    QuestionType::SingleChoice
                    | QuestionType::MultipleChoice
                    | QuestionType::Allocation => {
                        // Option ids are resolved in place: no strings or maps are built.
                        let range = q.points_at..q.points_at + q.options.len();
                        let is_alloc = q.kind == QuestionType::Allocation;
                        let points: &mut [u32] = if is_alloc {
                            &mut self.response.points[range]
                        } else {
                            &mut []
                        };
                        points.fill(0);
                        match map.next_value_seed(Direct { q, points })? {
                            Ok(slot) => self.response.slots[index] = slot,
                            Err(message) => {
                                if is_alloc {
                                    let range = q.points_at..q.points_at + q.options.len();
                                    self.response.points[range].fill(0);
                                }
                                self.errors.push(format!("answers.{}: {message}", q.id));
                            }
                        }
                    }
                    kind => {
                        let answer = map.next_value_seed(Value { kind })?;
                        if let Err(e) = self.response.set(self.model, index, Some(&answer)) {
                            self.errors.push(e.to_string());
                        }
                    }
                }
            }
            Ok(())
        }
    }

    /// A question id, looked up without allocating; `Err` holds an unknown id.
    struct Key<'a> {
        model: &'a Model,
    }

    impl<'de> DeserializeSeed<'de> for Key<'_> {
        type Value = Result<usize, String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for Key<'_> {
        type Value = Result<usize, String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a question id")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(self.model.question_index(v).ok_or_else(|| v.to_owned()))
        }
    }

    /// A choice or allocation answer, read straight into a slot (and the allocation's points).
    /// The inner `Err` is an answer that does not fit the question, which is reported, not fatal.
    struct Direct<'a> {
        q: &'a QInfo,
        points: &'a mut [u32],
    }

    impl Direct<'_> {
        fn option(&self, id: &str) -> Result<usize, String> {
            self.q
                .options
                .iter()
                .position(|o| o == id)
                .ok_or_else(|| format!("there is no option `{id}`"))
        }

        fn kind(&self) -> String {
            let expected = match self.q.kind {
                QuestionType::SingleChoice => "an option id",
                QuestionType::MultipleChoice => "a list of option ids",
                _ => "points per option id",
            };
            format!("expected {expected} for this question")
        }
    }

    impl<'de> DeserializeSeed<'de> for Direct<'_> {
        type Value = Result<Slot, String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Direct<'_> {
        type Value = Result<Slot, String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an answer")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(if v == DONT_KNOW {
                if self.q.dont_know {
                    Ok(Slot::DontKnow)
                } else {
                    Err("this question does not offer \"don't know\"".into())
                }
            } else if self.q.kind == QuestionType::SingleChoice {
                self.option(v).map(|i| Slot::Choice(i as u32))
            } else {
                Err(self.kind())
            })
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Err(self.kind()))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Err(self.kind()))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Err(self.kind()))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Err(self.kind()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Err(self.kind()))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut bits = 0u64;
            let mut result = Ok(());
            let mut n = 0u32;
            while let Some(id) = seq.next_element::<Id>()? {
                let id = id.0;
                n += 1;
                if result.is_err() {
                    continue;
                }
                match self.option(&id) {
                    Ok(i) if bits & (1 << i) != 0 => {
                        result = Err(format!("option `{id}` is listed twice"));
                    }
                    Ok(i) => bits |= 1 << i,
                    Err(e) => result = Err(e),
                }
            }
            if self.q.kind != QuestionType::MultipleChoice {
                return Ok(Err(self.kind()));
            }
            if let Err(e) = result {
                return Ok(Err(e));
            }
            if n < self.q.min_choices || n > self.q.max_choices {
                return Ok(Err(format!(
                    "choose between {} and {} options (got {n})",
                    self.q.min_choices, self.q.max_choices
                )));
            }
            Ok(Ok(Slot::Choices(bits)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut result = Ok(());
            let mut sum: u64 = 0;
            while let Some(id) = map.next_key::<Id>()? {
                let id = id.0;
                let points = map.next_value::<u32>()?;
                sum += u64::from(points);
                if result.is_err() {
                    continue;
                }
                match self.option(&id) {
                    Ok(i) if i < self.points.len() => self.points[i] = points,
                    Ok(_) => result = Err(self.kind()),
                    Err(e) => result = Err(e),
                }
            }
            if self.q.kind != QuestionType::Allocation {
                return Ok(Err(self.kind()));
            }
            if let Err(e) = result {
                return Ok(Err(e));
            }
            if sum != u64::from(self.q.total) {
                return Ok(Err(format!(
                    "the points add up to {sum}; they must add up to {}",
                    self.q.total
                )));
            }
            Ok(Ok(Slot::Alloc))
        }
    }

    /// An option id, borrowed from the input when it has no escapes.
    struct Id<'de>(std::borrow::Cow<'de, str>);

    impl<'de> serde::Deserialize<'de> for Id<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Id<'de>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an option id")
                }
                fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Id<'de>, E> {
                    Ok(Id(std::borrow::Cow::Borrowed(v)))
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Id<'de>, E> {
                    Ok(Id(std::borrow::Cow::Owned(v.to_owned())))
                }
            }
            d.deserialize_str(V)
        }
    }

    /// One answer, read by the question's type.
    struct Value {
        kind: QuestionType,
    }

    impl<'de> DeserializeSeed<'de> for Value {
        type Value = Answer;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Answer, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Value {
        type Value = Answer;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(
                "an answer: a number, an option id, a list of option ids, points per option, \
                 {\"current\": n}, or \"dont_know\"",
            )
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Answer, E> {
            Ok(Answer::Number(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
            Ok(Answer::Number(v as f64))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
            Ok(Answer::Number(v as f64))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
            Ok(if v == DONT_KNOW {
                Answer::DontKnow
            } else {
                Answer::Choice(v.to_owned())
            })
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
            let mut ids = Vec::new();
            while let Some(id) = seq.next_element::<String>()? {
                ids.push(id);
            }
            Ok(Answer::Choices(ids))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
            if self.kind == QuestionType::Level {
                let (mut current, mut desired) = (None, None);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "current" => current = Some(map.next_value::<u32>()?),
                        "desired" => desired = map.next_value::<Option<u32>>()?,
                        other => {
                            return Err(de::Error::unknown_field(other, &["current", "desired"]))
                        }
                    }
                }
                let current = current.ok_or_else(|| de::Error::missing_field("current"))?;
                return Ok(Answer::Level { current, desired });
            }
            let mut points = std::collections::BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, u32>()? {
                points.insert(k, v);
            }
            Ok(Answer::Allocation(points))
        }
    }
}

/// What [`Response::parse_into`] says of a key that names no question: a caller that reads such
/// a key itself (a respondent's name) knows it by this message.
pub fn no_such_question(key: &str) -> String {
    format!("answers.{key}: there is no question `{key}`")
}

impl Response {
    /// Parses an answers object (JSON) straight into this response, which is cleared first.
    /// Answers that do not fit are left out and returned as messages; malformed JSON is an
    /// error. This is the fast path for batches; [`Response::from_json`] is the strict one.
    pub fn parse_into(&mut self, model: &Model, json: &str) -> Result<Vec<String>, String> {
        use serde::de::DeserializeSeed;
        if json.len() > crate::load::MAX_ANSWERS_BYTES {
            return Err(format!(
                "the line is {} bytes; the limit is {}",
                json.len(),
                crate::load::MAX_ANSWERS_BYTES
            ));
        }
        self.slots.fill(Slot::Empty);
        self.points.fill(0);
        let mut errors = Vec::new();
        let mut de = serde_json::Deserializer::from_str(json);
        fast::Object {
            model,
            response: self,
            errors: &mut errors,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            let m = e.to_string();
            match m.rfind(" at line ") {
                Some(i) if e.is_syntax() || e.is_eof() => {
                    format!("not valid JSON at column {}: {}", e.column(), &m[..i])
                }
                Some(i) => m[..i].to_owned(),
                None => m,
            }
        })?;
        Ok(errors)
    }
}
