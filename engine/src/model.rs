//! The assessment format, `sextant/1`, as Rust types.
//!
//! These types are what an assessment file deserializes into; [`crate::Model`] is the compiled,
//! validated form the engine scores with. The JSON Schema printed by `sextant schema` is derived
//! from these types, so the doc comments here are what editors show as help.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// The format tag every assessment file carries.
pub const FORMAT: &str = "sextant/1";

/// A whole assessment: metadata, dimensions, questions, and the rules that turn answers into a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Must be `"sextant/1"`.
    pub format: String,
    /// A stable identifier, used in storage keys and share codes (letters, digits, `-`, `_`, `.`).
    pub id: String,
    /// The version of this assessment. Saved answers and share links of another version are not loaded.
    pub version: String,
    /// The locale texts fall back to, e.g. `"nl"`.
    pub default_locale: String,
    /// Every locale the assessment is written in. A text missing in one of them is a warning, and
    /// so is a language other than Dutch and English: the widget's own texts are in those two.
    #[serde(default)]
    pub locales: Vec<String>,
    /// The title shown on the welcome screen and the report.
    pub title: Text,
    /// A short introduction for the welcome screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// How long the assessment takes, in minutes, as told to the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// The minimum coverage (0–1) a dimension needs to be shown as a number. Default 0.5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
    /// Groups of dimensions, e.g. one per module.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// What is measured. Each dimension scores 0–100.
    pub dimensions: Vec<Dimension>,
    /// Reusable answer scales for Likert questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    /// The questionnaire: one section per step.
    pub sections: Vec<Section>,
    /// Values computed from answers and scores with expressions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub computed: Vec<Computed>,
    /// The default level bands for every dimension (a dimension may override them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Profiles: named patterns a respondent can match, in priority order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
    /// Recommendations and the conditions that trigger them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// How many of the triggered recommendations the report puts first, most urgent first
    /// (at least 1). The others follow behind "more recommendations". Default: all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub top_recommendations: Option<u32>,
    /// Reference scores with a named source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmarks: Vec<Benchmark>,
    /// The report's charts, one or more per module.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<Chart>,
}

/// A group of dimensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// Optional explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A dimension: one thing the assessment measures, scored 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Identifier, used in weights and expressions.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// What a high score means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The id of the group this dimension belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Overrides the assessment's `min_coverage` for this dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
    /// Overrides the assessment's level bands for this dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<Band>>,
}

/// A reusable answer scale, e.g. five points from "strongly disagree" to "strongly agree".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Identifier, used by Likert questions.
    pub id: String,
    /// The points, in display order. At least two, with distinct values.
    pub points: Vec<ScalePoint>,
}

/// One point of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The value; scores are normalised between the scale's lowest and highest value.
    pub value: f64,
    /// The label shown next to the control.
    pub label: Text,
}

/// A section: one step of the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifier.
    pub id: String,
    /// The step heading.
    pub title: Text,
    /// A short introduction that says why this section matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Shown only when this expression is true (answers to earlier questions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// The kind of a question, which decides its control and how it is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// A point on a reusable `scale`.
    Likert,
    /// One of `options`; `weights` map each dimension to points per option.
    SingleChoice,
    /// Any number of `options` (between `min_choices` and `max_choices`).
    MultipleChoice,
    /// Spread exactly `total` points over `options`.
    Allocation,
    /// A position between a `left` and a `right` pole, in `steps` steps.
    Bipolar,
    /// One of several described `levels`; with `desired`, also the level wanted.
    Level,
    /// A number between `min` and `max`, with a `unit`.
    Number,
}

/// A question. Which fields apply depends on `type`; the validator reports a field that is
/// missing for, or does not apply to, the question's type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, unique in the assessment.
    pub id: String,
    /// The kind of question.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The question as the visitor reads it.
    pub text: Text,
    /// Extra explanation shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Shown only when this expression is true (answers to earlier questions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// Offer "don't know / not applicable", which leaves the question out of scoring. Default true.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub dont_know: bool,
    /// Score the question reversed: the low end of the answer counts as high.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// How the question counts towards dimensions. For likert, bipolar, level and number questions:
    /// a number per dimension (negative means the low end counts as high for that dimension).
    /// For single choice, multiple choice and allocation: per dimension, points per option id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, Weight>,
    /// Likert: the id of the scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Single choice, multiple choice and allocation: the options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Multiple choice: the fewest options that must be chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_choices: Option<u32>,
    /// Multiple choice: the most options that may be chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// Allocation: the points to spread, e.g. 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Bipolar: the pole at the low end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Text>,
    /// Bipolar: the pole at the high end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<Text>,
    /// Bipolar: the number of positions between the poles (2–11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<u32>,
    /// Level: the levels from lowest to highest, each with a concrete description.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelDef>,
    /// Level: also ask for the desired level (current and desired side by side).
    #[serde(default, skip_serializing_if = "is_false")]
    pub desired: bool,
    /// Number: the unit shown beside the input, e.g. "€" or "hours".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Number: the smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Number: the largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a question counts towards one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Weight {
    /// A weight for a question with a position (likert, bipolar, level, number). Negative reverses.
    Flat(f64),
    /// Points per option id (single choice, multiple choice, allocation). Zero or more.
    PerOption(BTreeMap<String, f64>),
}

/// An option of a choice or allocation question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier, unique within the question; `"dont_know"` is reserved.
    pub id: String,
    /// The label shown to the visitor.
    pub label: Text,
}

/// One level of a level question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    /// A short name, e.g. "Ad hoc".
    pub label: Text,
    /// What the level looks like in practice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A value computed from answers, scores and other computed values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Computed {
    /// Identifier, usable as a bare name in expressions.
    pub id: String,
    /// The expression. A cycle between computed values is a validation error.
    pub expr: String,
    /// Display name; values without one are internal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Unit shown after the value, e.g. "€".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Decimals shown (default 0, at most 6): the value is rounded to them, and a value that
    /// is then a whole number is shown without decimals ("15200", "8.330").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 6)))]
    pub decimals: Option<u8>,
}

/// A level band: a named range of a dimension's score, e.g. 0–40 "Low".
///
/// The bands of one dimension must cover 0–100 without gaps or overlaps: each band runs from its
/// `min` (inclusive) to the next band's `min`; the last includes 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Identifier, usable as a string in expressions: `band(oe) == "low"`.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// The lowest score in the band (inclusive).
    pub min: f64,
    /// The highest score in the band: the next band's `min` (exclusive), or 100 for the last band.
    pub max: f64,
}

/// A profile a respondent may match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// One sentence that sums the profile up; the first matching profile's is the report's headline.
    pub headline: Text,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The rule.
    pub when: String,
}

/// A recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Identifier.
    pub id: String,
    /// The dimension this recommendation addresses.
    pub dimension: String,
    /// Priority: 1 is the most urgent. Ties keep file order.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub priority: u32,
    /// A short title.
    pub title: Text,
    /// The concrete advice.
    pub body: Text,
    /// The trigger.
    pub when: String,
}

/// Reference scores from a named source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// Where the numbers come from. Required: no benchmark without a source.
    pub source: Text,
    /// Reference score per dimension id.
    pub values: BTreeMap<String, f64>,
}

/// The kind of a report chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartType {
    /// Horizontal bars 0–100, one per item, with an optional marker (e.g. a threshold) per item.
    Bars,
    /// A grid of `rows` × `columns` cells 0–100; `items` are the cells, row by row.
    Heatmap,
    /// A single estimated amount (`items[0].value`) with its `formula` shown.
    Estimate,
    /// A radar of items 0–100: `value` (e.g. current) against `target` (e.g. desired).
    Radar,
}

/// A chart in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Identifier.
    pub id: String,
    /// The kind of chart.
    #[serde(rename = "type")]
    pub kind: ChartType,
    /// The chart's heading.
    pub title: Text,
    /// What the chart shows and how to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The dimension group (module) this chart belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Shown only when this expression is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// The bars, cells, axes or the estimate.
    pub items: Vec<ChartItem>,
    /// Heatmap: row labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Text>,
    /// Heatmap: column labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Text>,
    /// Estimate: the formula, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Text>,
    /// Estimate: the unit, e.g. "€".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Label for `value` in a radar or bars legend, e.g. "Current".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_label: Option<Text>,
    /// Label for `target` (radar) or the marker (bars), e.g. "Desired" or "Threshold".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_label: Option<Text>,
}

/// One bar, cell, axis or amount of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChartItem {
    /// A dimension: its label is the default label and `score(dimension)` the default value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// The label (defaults to the dimension's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// An expression for the value (defaults to the dimension's score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// An expression for the marker (bars) or target (radar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Heatmap: an expression; when true the cell is marked as a deliberate exception rather than judged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_if: Option<String>,
}
