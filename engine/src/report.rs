//! The report: scores with their explanations, profiles, recommendations with the conditions
//! that triggered them, and chart data, all resolved in one locale and ready to render.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answers::{Response, Slot};
use crate::compile::Model;
use crate::expr::{Ref, Term, Value};
use crate::model::{ChartType, QuestionType};
use crate::score::{contribution, Ctx, Scores};
use crate::typed::{show_amount, show_decimals, show_number};

/// How [`ComputedReport::display`] writes a value that has none.
pub const NO_VALUE: &str = "—";

/// A full, explained result in one locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The assessment id.
    pub assessment: String,
    /// The assessment version.
    pub version: String,
    /// The assessment title.
    pub title: String,
    /// The locale the texts are in.
    pub locale: String,
    /// The headline: the first matching profile's one-sentence summary.
    pub headline: Option<String>,
    /// Every dimension, in file order.
    pub dimensions: Vec<DimensionReport>,
    /// Every computed value that has a label.
    pub computed: Vec<ComputedReport>,
    /// The matched profiles, in file order.
    pub profiles: Vec<ProfileReport>,
    /// The triggered recommendations, most urgent first.
    pub recommendations: Vec<RecommendationReport>,
    /// How many of `recommendations` the report puts first (the assessment's
    /// `top_recommendations`, at most all of them); the others follow as more.
    pub top_recommendations: usize,
    /// The charts whose `show_if` holds.
    pub charts: Vec<ChartView>,
    /// The assessment's reference scores, each with its source (left out when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmarks: Vec<BenchmarkReport>,
}

/// Reference scores from a named source, to compare a respondent's scores with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkReport {
    /// Benchmark id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Where the numbers come from.
    pub source: String,
    /// The reference score per dimension id, for the dimensions it gives one.
    pub values: BTreeMap<String, f64>,
}

/// A dimension's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionReport {
    /// Dimension id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Group id.
    pub group: Option<String>,
    /// Score 0–100; `None` when coverage is below the minimum.
    pub score: Option<f64>,
    /// The score rounded for display (`"88"`), or `None` when insufficient.
    pub display: Option<String>,
    /// The share 0–1 of the dimension's weight that was answered.
    pub coverage: f64,
    /// The level band.
    pub band: Option<BandReport>,
    /// The answers that moved the score.
    pub contributions: Vec<Contribution>,
    /// `true` when none of the questions that count towards the dimension was shown to this
    /// visitor (their `show_if` hid them all), so the dimension has no score because it does not
    /// apply, not for want of answers. Left out of the JSON when `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub does_not_apply: bool,
}

/// A level band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandReport {
    /// Band id.
    pub id: String,
    /// Label.
    pub label: String,
}

/// How much one answer contributed to a dimension score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// Question id.
    pub question: String,
    /// The question text.
    pub text: String,
    /// The answer, as shown to the visitor.
    pub answer: String,
    /// The points of the score (0–100) this answer provides; the contributions add up to the score.
    pub points: f64,
    /// The points it could have provided.
    pub max_points: f64,
}

/// A computed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComputedReport {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// The number, when the value is a number.
    pub value: Option<f64>,
    /// The value for display, with its unit.
    pub display: String,
}

/// A matched profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileReport {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// One-sentence summary.
    pub headline: String,
    /// Longer description.
    pub description: Option<String>,
}

/// A triggered recommendation, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationReport {
    /// Id.
    pub id: String,
    /// The dimension it addresses.
    pub dimension: String,
    /// That dimension's label.
    pub dimension_label: String,
    /// Priority, 1 most urgent.
    pub priority: u32,
    /// Title.
    pub title: String,
    /// Advice.
    pub body: String,
    /// The trigger, as written.
    pub rule: String,
    /// The conditions in the trigger and whether each held.
    pub conditions: Vec<ConditionReport>,
    /// The answers the trigger depends on (directly or through computed values and profiles).
    pub answers: Vec<AnswerReport>,
}

/// One condition of a trigger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConditionReport {
    /// The condition's source text.
    pub source: String,
    /// Whether it held (`None`: unknown, e.g. a missing answer).
    pub met: Option<bool>,
    /// The values compared, with the comparison's sign, e.g. `32 < 40`; empty for a condition
    /// that is itself a truth value (`profile(p)`, `answered(q)`), which `met` states.
    pub detail: String,
    /// The condition in words, in the report's locale: "The score for “Speed” is lower than
    /// 40". Empty when it is not about one thing (a sum, a function of several values).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerReport {
    /// Question id.
    pub question: String,
    /// Question text.
    pub text: String,
    /// The answer as shown, or empty when unanswered.
    pub answer: String,
}

/// Data for one chart, resolved and ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartView {
    /// Chart id.
    pub id: String,
    /// Kind.
    pub kind: ChartType,
    /// Heading.
    pub title: String,
    /// How to read it.
    pub description: Option<String>,
    /// The module (group) id.
    pub group: Option<String>,
    /// Heatmap row labels.
    pub rows: Vec<String>,
    /// Heatmap column labels.
    pub columns: Vec<String>,
    /// Estimate formula.
    pub formula: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// Legend for values.
    pub value_label: Option<String>,
    /// Legend for targets / markers.
    pub target_label: Option<String>,
    /// The items.
    pub items: Vec<ChartItemView>,
}

/// One bar, cell, axis or amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartItemView {
    /// Label.
    pub label: String,
    /// Value (0–100, or an amount for an estimate); `None` when unknown.
    pub value: Option<f64>,
    /// Target or marker.
    pub target: Option<f64>,
    /// A heatmap cell exempted from judgement (a deliberate exception).
    pub exempt: bool,
    /// The value for display.
    pub display: String,
}

/// Formats a number for display: rounded to `decimals` decimals (at most 6), and shown without
/// decimals when that is a whole number. Beyond a thousand million million, in the form `1e24`.
pub fn format_number(x: f64, decimals: u8) -> String {
    let decimals = decimals.min(6);
    let factor = 10f64.powi(i32::from(decimals));
    let rounded = (x * factor).round() / factor;
    if !rounded.is_finite() || rounded.abs() >= 1e15 {
        format!("{x:e}")
    } else if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{:.*}", usize::from(decimals), rounded)
    }
}

/// Formats a score 0–100 for display, rounded half away from zero.
pub fn format_score(x: f64) -> String {
    format_number(x, 0)
}

impl Model {
    /// Scores a response and builds the full report in `locale`.
    pub fn report(&self, response: &Response, locale: &str) -> Report {
        let scores = self.score(response);
        self.report_from(response, &scores, locale)
    }

    /// Builds the report from scores already computed.
    pub fn report_from(&self, response: &Response, scores: &Scores, locale: &str) -> Report {
        let a = &self.assessment;
        let t = |text: &crate::Text| self.text(text, locale).to_owned();
        let env = Ctx::new(self, response, scores);

        let dimensions = a
            .dimensions
            .iter()
            .enumerate()
            .map(|(d, dim)| {
                let band = scores.band[d].map(|b| {
                    let sym = self.dims[d].bands[b].0;
                    let id = self.symbol(sym).to_owned();
                    let label = self.band_label(d, &id).map(&t).unwrap_or_default();
                    BandReport { id, label }
                });
                DimensionReport {
                    id: dim.id.clone(),
                    label: t(&dim.label),
                    group: dim.group.clone(),
                    score: scores.score[d],
                    display: scores.score[d].map(format_score),
                    coverage: scores.coverage[d],
                    band,
                    contributions: self.contributions(response, scores, d, locale),
                    does_not_apply: scores.visible_possible[d] <= 0.0,
                }
            })
            .collect();

        let computed = a
            .computed
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let label = c.label.as_ref()?;
                let v = scores.computed[i];
                let unit = c.unit.as_ref().map(&t);
                Some(ComputedReport {
                    id: c.id.clone(),
                    label: t(label),
                    value: v.as_num(),
                    // As the estimate chart shows an amount: the digits grouped, a symbol
                    // ("€") before and a word after, kept on the amount's line.
                    display: match (v.as_num(), unit) {
                        (Some(n), Some(u)) => {
                            let amount = show_amount(n, c.decimals.unwrap_or(0), locale);
                            match crate::chart::UnitPosition::of(&u) {
                                crate::chart::UnitPosition::Before => format!("{u}\u{a0}{amount}"),
                                crate::chart::UnitPosition::After => format!("{amount}\u{a0}{u}"),
                            }
                        }
                        (Some(n), None) => show_amount(n, c.decimals.unwrap_or(0), locale),
                        _ => self.display_value(v, c.decimals.unwrap_or(0), locale),
                    },
                })
            })
            .collect();

        let profiles: Vec<ProfileReport> = a
            .profiles
            .iter()
            .enumerate()
            .filter(|(i, _)| scores.profiles[*i])
            .map(|(_, p)| ProfileReport {
                id: p.id.clone(),
                label: t(&p.label),
                headline: t(&p.headline),
                description: p.description.as_ref().map(&t),
            })
            .collect();

        let recommendations: Vec<RecommendationReport> = scores
            .recommendations
            .iter()
            .map(|&r| {
                let rec = &a.recommendations[r as usize];
                let info = &self.recs[r as usize];
                let conditions = info
                    .when
                    .conditions(&env)
                    .into_iter()
                    .map(|c| ConditionReport {
                        text: self.condition_text(&c, locale).unwrap_or_default(),
                        met: c.value.as_bool(),
                        detail: match (c.left, c.right) {
                            (Some(l), Some(r)) => {
                                // An option or a band by its label, as the visitor saw it.
                                let side = |v: Value, term: Term, other: Term| match v {
                                    Value::Sym(s) => self
                                        .symbol_label(self.symbol(s), term, locale)
                                        .or_else(|| {
                                            self.symbol_label(self.symbol(s), other, locale)
                                        })
                                        .map(str::to_owned)
                                        .unwrap_or_else(|| self.display_value(v, 1, locale)),
                                    _ => self.display_value(v, 1, locale),
                                };
                                format!(
                                    "{} {} {}",
                                    side(l, c.subject, c.object),
                                    c.sign,
                                    side(r, c.object, c.subject)
                                )
                            }
                            // A condition that is itself true or false: `met` says it all.
                            _ => String::new(),
                        },
                        source: c.source,
                    })
                    .collect();
                RecommendationReport {
                    id: rec.id.clone(),
                    dimension: rec.dimension.clone(),
                    dimension_label: t(&a.dimensions[info.dim as usize].label),
                    priority: rec.priority,
                    title: t(&rec.title),
                    body: t(&rec.body),
                    rule: rec.when.clone(),
                    conditions,
                    answers: self.answers_behind(&info.when.references(), response, scores, locale),
                }
            })
            .collect();

        let charts = a
            .charts
            .iter()
            .zip(&self.charts)
            .filter(|(_, info)| info.show_if.as_ref().is_none_or(|e| e.eval(&env).is_true()))
            .map(|(c, info)| {
                let items = c
                    .items
                    .iter()
                    .zip(&info.items)
                    .map(|(item, ii)| {
                        let value = ii.value.as_ref().and_then(|e| e.eval(&env).as_num());
                        let label = match (&item.label, &item.dimension) {
                            (Some(l), _) => t(l),
                            (None, Some(d)) => self
                                .dimension_index(d)
                                .map(|i| t(&a.dimensions[i].label))
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        ChartItemView {
                            label,
                            display: value.map_or_else(String::new, |v| format_number(v, 0)),
                            value,
                            target: ii.target.as_ref().and_then(|e| e.eval(&env).as_num()),
                            exempt: ii.exempt.as_ref().is_some_and(|e| e.eval(&env).is_true()),
                        }
                    })
                    .collect();
                ChartView {
                    id: c.id.clone(),
                    kind: c.kind,
                    title: t(&c.title),
                    description: c.description.as_ref().map(&t),
                    group: c.group.clone(),
                    rows: c.rows.iter().map(&t).collect(),
                    columns: c.columns.iter().map(&t).collect(),
                    formula: c.formula.as_ref().map(&t),
                    unit: c.unit.as_ref().map(&t),
                    value_label: c.value_label.as_ref().map(&t),
                    target_label: c.target_label.as_ref().map(&t),
                    items,
                }
            })
            .collect();

        let benchmarks = a
            .benchmarks
            .iter()
            .map(|b| BenchmarkReport {
                id: b.id.clone(),
                label: t(&b.label),
                source: t(&b.source),
                values: b.values.clone(),
            })
            .collect();

        Report {
            benchmarks,
            assessment: a.id.clone(),
            version: a.version.clone(),
            title: t(&a.title),
            locale: locale.to_owned(),
            headline: profiles.first().map(|p| p.headline.clone()),
            dimensions,
            computed,
            profiles,
            top_recommendations: a.top_recommendations.map_or(recommendations.len(), |n| {
                recommendations.len().min(n as usize)
            }),
            recommendations,
            charts,
        }
    }

    /// The answers behind dimension `d`: each answered, visible question that counts towards it.
    pub fn contributions(
        &self,
        response: &Response,
        scores: &Scores,
        d: usize,
        locale: &str,
    ) -> Vec<Contribution> {
        let total = scores.answered_possible[d];
        let mut out = Vec::new();
        for (qi, q) in self.questions.iter().enumerate() {
            if !scores.question_visible[qi] {
                continue;
            }
            for c in q.contribs.iter().filter(|c| c.dim as usize == d) {
                let (earned, possible) = contribution(q, c, response.slots[qi], response);
                if let (Some(earned), true) = (earned, total > 0.0) {
                    out.push(Contribution {
                        question: q.id.clone(),
                        text: self.text(&self.question(qi).text, locale).to_owned(),
                        answer: self.answer_text(response, qi, locale),
                        points: 100.0 * earned / total,
                        max_points: 100.0 * possible / total,
                    });
                }
            }
        }
        out
    }

    /// The questions an expression depends on, directly or through computed values and
    /// profiles, with their answers.
    fn answers_behind(
        &self,
        refs: &[Ref],
        response: &Response,
        scores: &Scores,
        locale: &str,
    ) -> Vec<AnswerReport> {
        let mut seen = BTreeSet::new();
        let mut questions = BTreeSet::new();
        let mut stack: Vec<Ref> = refs.to_vec();
        while let Some(r) = stack.pop() {
            if !seen.insert(r) {
                continue;
            }
            match r {
                Ref::Question(q) => {
                    questions.insert(q as usize);
                }
                Ref::Computed(c) => stack.extend(self.computed[c as usize].references()),
                Ref::Profile(p) => stack.extend(self.profiles[p as usize].references()),
                Ref::Dimension(d) => {
                    for (qi, q) in self.questions.iter().enumerate() {
                        if q.contribs.iter().any(|c| c.dim == d) {
                            questions.insert(qi);
                        }
                    }
                }
                Ref::Section(s) => questions.extend(self.sections[s as usize].questions.clone()),
            }
        }
        questions
            .into_iter()
            // A hidden question's answer is kept (it comes back when the question does) but
            // does not count, so it is not one of the answers behind anything.
            .filter(|&q| {
                scores.question_visible[q]
                    && !matches!(response.slots[q], Slot::Empty | Slot::Draft)
            })
            .map(|q| AnswerReport {
                question: self.questions[q].id.clone(),
                text: self.text(&self.question(q).text, locale).to_owned(),
                answer: self.answer_text(response, q, locale),
            })
            .collect()
    }

    /// An answer as the visitor saw it: the scale point, option or level label, or the number
    /// with its unit. "Don't know" is returned as the empty string; the caller words it.
    pub fn answer_text(&self, response: &Response, qi: usize, locale: &str) -> String {
        let q = self.question(qi);
        let info = &self.questions[qi];
        let t = |text: &crate::Text| self.text(text, locale).to_owned();
        let level = |l: u32| {
            q.levels
                .get(l as usize - 1)
                .map(|x| t(&x.label))
                .unwrap_or_default()
        };
        match response.slots[qi] {
            Slot::Empty | Slot::DontKnow | Slot::Draft => String::new(),
            Slot::Num(v) => match q.kind {
                QuestionType::Likert => {
                    let scale = self
                        .assessment
                        .scales
                        .iter()
                        .find(|s| Some(&s.id) == q.scale.as_ref());
                    scale
                        .and_then(|s| s.points.iter().find(|p| p.value == v))
                        .map(|p| t(&p.label))
                        .unwrap_or_else(|| show_number(v, locale))
                }
                QuestionType::Bipolar => {
                    format!("{} / {}", format_number(v, 0), format_number(info.hi, 0))
                }
                _ => match &q.unit {
                    Some(u) => format!("{} {}", show_number(v, locale), t(u)),
                    None => show_number(v, locale),
                },
            },
            Slot::Choice(i) => t(&q.options[i as usize].label),
            Slot::Choices(bits) => q
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, o)| t(&o.label))
                .collect::<Vec<_>>()
                .join(", "),
            Slot::Alloc => q
                .options
                .iter()
                .zip(response.allocation(self, qi))
                // A statement's own full stop would run into the colon ("prijs.: 2").
                .map(|(o, n)| format!("{}: {n}", t(&o.label).trim_end_matches('.')))
                .collect::<Vec<_>>()
                .join("; "),
            Slot::Level { current, desired } if desired > 0 => {
                format!("{} → {}", level(current), level(desired))
            }
            Slot::Level { current, .. } => level(current),
        }
    }

    /// A value as a visitor reads it in `locale`: numbers with its decimal sign, truth values as
    /// yes or no.
    fn display_value(&self, v: Value, decimals: u8, locale: &str) -> String {
        let dutch = crate::text::language(locale).eq_ignore_ascii_case("nl");
        match v {
            Value::Null => NO_VALUE.to_owned(),
            Value::Num(n) => show_decimals(n, decimals, locale),
            Value::Bool(b) => match (b, dutch) {
                (true, true) => "ja",
                (false, true) => "nee",
                (true, false) => "yes",
                (false, false) => "no",
            }
            .to_owned(),
            Value::Sym(s) => self.symbol(s).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_without_noise() {
        assert_eq!(format_number(87.5, 0), "88");
        assert_eq!(format_number(-2.5, 0), "-3");
        assert_eq!(format_number(12.0, 2), "12");
        assert_eq!(format_number(1.234, 1), "1.2");
        // Beyond what a whole number can show: no wrapped-around figure.
        assert_eq!(format_number(1e24, 0), "1e24");
        assert_eq!(format_number(-1e36, 2), "-1e36");
        assert_eq!(format_number(f64::MAX, 6), "1.7976931348623157e308");
        assert_eq!(format_number(999_999_999_999_999.0, 0), "999999999999999");
        // At most 6 decimals, whatever the file asks.
        assert_eq!(format_number(2.0 / 3.0, 200), "0.666667");
    }
}
