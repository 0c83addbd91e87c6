//! Team results: several people's responses to one assessment, side by side, for a workshop.
//!
//! [`team`] scores every member's response and summarises each dimension over the members who
//! have a sufficient score for it: how many (`n`), the mean, the population standard deviation,
//! the lowest and highest score and the spread between them. It then ranks the dimensions from
//! the most agreement (the smallest standard deviation) to the most disagreement, so a
//! facilitator can open the discussion where the team differs most.
//!
//! Nothing here is ever NaN: a statistic that does not exist (no member has a score) is `None`.
//!
//! A team report compares at most [`MAX_MEMBERS`] members (the first ones given), so that a
//! paste of thousands of links cannot make a table thousands of columns wide.
//!
//! ```
//! # let json = r#"{"format": "sextant/1", "id": "demo", "version": "1", "default_locale": "en",
//! #   "title": "Demo", "dimensions": [{"id": "d", "label": "D"}],
//! #   "scales": [{"id": "s", "points": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}],
//! #   "sections": [{"id": "one", "title": "One", "questions": [
//! #     {"id": "q", "type": "likert", "scale": "s", "text": "Q?", "weights": {"d": 1}}]}]}"#;
//! use sextant_engine::team::{team, Member};
//! use sextant_engine::{Model, Response};
//! let model = Model::load(json).unwrap().model;
//! let members = vec![
//!     Member { name: "Ann".into(), response: Response::from_json(&model, r#"{"q": 2}"#).unwrap() },
//!     Member { name: "Bob".into(), response: Response::from_json(&model, r#"{"q": 1}"#).unwrap() },
//! ];
//! let report = team(&model, &members, "en");
//! assert_eq!(report.dimensions[0].mean, Some(50.0));
//! assert_eq!(report.dimensions[0].std_dev, Some(50.0));
//! ```

use serde::Serialize;

use crate::answers::Response;
use crate::compile::Model;
use crate::report::format_score;

/// The most dimensions listed in [`Agreement::agree_most`] and in [`Agreement::differ_most`].
pub const AGREEMENT_TOP: usize = 3;

/// The most members one team report compares: [`team`] takes the first `MAX_MEMBERS` members
/// it is given and leaves the rest out; the caller says how many were left out.
pub const MAX_MEMBERS: usize = 200;

/// One member of a team: a name to show and their response.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name shown in the team report, e.g. a first name or "Participant 3".
    pub name: String,
    /// The member's response to the model the team report is made for.
    pub response: Response,
}

/// The team's results in one locale, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    /// The assessment id.
    pub assessment: String,
    /// The assessment version.
    pub version: String,
    /// The locale the texts are in.
    pub locale: String,
    /// Every member, in the order given (at most [`MAX_MEMBERS`]).
    pub members: Vec<MemberSummary>,
    /// Every dimension, in file order.
    pub dimensions: Vec<TeamDimension>,
    /// Where the team agrees and where it differs.
    pub agreement: Agreement,
}

/// One member's own outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberSummary {
    /// The member's name.
    pub name: String,
    /// The labels of the profiles the member matched, in file order.
    pub profiles: Vec<String>,
    /// The member's headline: the first matching profile's one-sentence summary.
    pub headline: Option<String>,
}

/// One dimension over the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamDimension {
    /// Dimension id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Group id.
    pub group: Option<String>,
    /// How many members have a sufficient score for this dimension.
    pub n: usize,
    /// The mean of those scores; `None` when `n` is 0.
    pub mean: Option<f64>,
    /// The mean rounded for display (`"63"`); `None` when `n` is 0.
    pub display: Option<String>,
    /// The population standard deviation of those scores (0 for one member); `None` when `n` is 0.
    pub std_dev: Option<f64>,
    /// The lowest score; `None` when `n` is 0.
    pub min: Option<f64>,
    /// The highest score; `None` when `n` is 0.
    pub max: Option<f64>,
    /// `max − min`; `None` when `n` is 0.
    pub spread: Option<f64>,
    /// Each member's score, in member order; `None` where the member's coverage is insufficient.
    pub scores: Vec<Option<f64>>,
}

/// The dimensions ranked by how much the team agrees on them. Only dimensions that at least two
/// members have a score for take part.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Agreement {
    /// Dimension ids from the smallest standard deviation to the largest; ties keep file order.
    pub ranked: Vec<String>,
    /// The dimensions the team agrees on most, most agreed first: up to [`AGREEMENT_TOP`],
    /// and no more than half of the ranked dimensions (rounded up).
    pub agree_most: Vec<String>,
    /// The dimensions the team differs on most, most disputed first: up to [`AGREEMENT_TOP`],
    /// no more than half of the ranked dimensions (rounded down), and only those with a larger
    /// standard deviation than every dimension in `agree_most`. Never overlaps `agree_most`.
    pub differ_most: Vec<String>,
}

/// Scores every member's response and summarises the team, with texts in `locale`.
///
/// Each response should have been made for `model` (for instance decoded from a share code with
/// [`crate::share::decode`]); one made for another model is counted as unanswered. Only the
/// first [`MAX_MEMBERS`] members are compared.
pub fn team(model: &Model, members: &[Member], locale: &str) -> TeamReport {
    let a = &model.assessment;
    let members = &members[..members.len().min(MAX_MEMBERS)];
    let mut summaries = Vec::with_capacity(members.len());
    // Scores per member, then per dimension.
    let mut member_scores: Vec<Vec<Option<f64>>> = Vec::with_capacity(members.len());
    for m in members {
        let fits = m.response.slots.len() == model.questions.len()
            && m.response.points.len() == model.points_len;
        let empty;
        let response = if fits {
            &m.response
        } else {
            empty = Response::new(model);
            &empty
        };
        let report = model.report(response, locale);
        member_scores.push(
            report
                .dimensions
                .iter()
                .map(|d| d.score.filter(|s| s.is_finite()))
                .collect(),
        );
        summaries.push(MemberSummary {
            name: m.name.clone(),
            profiles: report.profiles.into_iter().map(|p| p.label).collect(),
            headline: report.headline,
        });
    }

    let dimensions: Vec<TeamDimension> = a
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let scores: Vec<Option<f64>> = member_scores
                .iter()
                .map(|s| s.get(d).copied().flatten())
                .collect();
            let stats = Stats::of(scores.iter().flatten().copied());
            TeamDimension {
                id: dim.id.clone(),
                label: model.text(&dim.label, locale).to_owned(),
                group: dim.group.clone(),
                n: stats.as_ref().map_or(0, |s| s.n),
                mean: stats.as_ref().map(|s| s.mean),
                display: stats.as_ref().map(|s| format_score(s.mean)),
                std_dev: stats.as_ref().map(|s| s.std_dev),
                min: stats.as_ref().map(|s| s.min),
                max: stats.as_ref().map(|s| s.max),
                spread: stats.as_ref().map(|s| s.max - s.min),
                scores,
            }
        })
        .collect();

    TeamReport {
        assessment: a.id.clone(),
        version: a.version.clone(),
        locale: locale.to_owned(),
        members: summaries,
        agreement: agreement(&dimensions),
        dimensions,
    }
}

/// Summary statistics of at least one score.
struct Stats {
    n: usize,
    mean: f64,
    std_dev: f64,
    min: f64,
    max: f64,
}

impl Stats {
    fn of(scores: impl Iterator<Item = f64> + Clone) -> Option<Stats> {
        let n = scores.clone().count();
        if n == 0 {
            return None;
        }
        let mean = scores.clone().sum::<f64>() / n as f64;
        // Two passes: the deviations from the mean, for accuracy.
        let variance = scores.clone().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        Some(Stats {
            n,
            mean,
            std_dev: variance.sqrt(),
            min: scores.clone().fold(f64::INFINITY, f64::min),
            max: scores.fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

fn agreement(dimensions: &[TeamDimension]) -> Agreement {
    let mut ranked: Vec<(&str, f64)> = dimensions
        .iter()
        .filter(|d| d.n >= 2)
        .filter_map(|d| Some((d.id.as_str(), d.std_dev?)))
        .collect();
    // A stable sort: ties keep file order.
    ranked.sort_by(|x, y| x.1.total_cmp(&y.1));
    let k = ranked.len();
    let agree: Vec<(&str, f64)> = ranked[..AGREEMENT_TOP.min(k.div_ceil(2))].to_vec();
    let ceiling = agree.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
    let mut differ: Vec<(&str, f64)> = ranked[agree.len()..]
        .iter()
        .copied()
        .filter(|x| x.1 > ceiling)
        .collect();
    // Most disputed first; ties keep file order.
    differ.sort_by(|x, y| y.1.total_cmp(&x.1));
    differ.truncate(AGREEMENT_TOP.min(k / 2));
    let ids = |v: &[(&str, f64)]| v.iter().map(|x| x.0.to_owned()).collect();
    Agreement {
        agree_most: ids(&agree),
        differ_most: ids(&differ),
        ranked: ids(&ranked),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dim(id: &str, scores: &[f64]) -> TeamDimension {
        let stats = Stats::of(scores.iter().copied());
        TeamDimension {
            id: id.into(),
            label: id.into(),
            group: None,
            n: scores.len(),
            mean: stats.as_ref().map(|s| s.mean),
            display: None,
            std_dev: stats.as_ref().map(|s| s.std_dev),
            min: None,
            max: None,
            spread: None,
            scores: scores.iter().map(|&s| Some(s)).collect(),
        }
    }

    #[test]
    fn statistics_of_known_values() {
        let s = Stats::of([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0].into_iter()).unwrap();
        assert_eq!(
            (s.n, s.mean, s.std_dev, s.min, s.max),
            (8, 5.0, 2.0, 2.0, 9.0)
        );
        assert!(Stats::of(std::iter::empty()).is_none());
        let one = Stats::of([42.0].into_iter()).unwrap();
        assert_eq!((one.mean, one.std_dev), (42.0, 0.0));
    }

    #[test]
    fn agreement_takes_up_to_three_each_side_without_overlap() {
        let dims: Vec<TeamDimension> = (0..8)
            .map(|i| dim(&format!("d{i}"), &[50.0, 50.0 + 10.0 * f64::from(i)]))
            .chain([dim("alone", &[10.0]), dim("nobody", &[])])
            .collect();
        let a = agreement(&dims);
        assert_eq!(a.ranked.len(), 8);
        assert_eq!(a.agree_most, ["d0", "d1", "d2"]);
        assert_eq!(a.differ_most, ["d7", "d6", "d5"]);
    }

    #[test]
    fn agreement_with_few_dimensions() {
        let a = agreement(&[dim("a", &[0.0, 100.0])]);
        assert_eq!((a.agree_most.len(), a.differ_most.len()), (1, 0));
        let a = agreement(&[dim("a", &[0.0, 100.0]), dim("b", &[50.0, 50.0])]);
        assert_eq!(a.agree_most, ["b"]);
        assert_eq!(a.differ_most, ["a"]);
        // Equal disagreement everywhere: nothing stands out as disputed.
        let a = agreement(&[dim("a", &[0.0, 10.0]), dim("b", &[20.0, 30.0])]);
        assert_eq!(a.agree_most, ["a"]);
        assert!(a.differ_most.is_empty());
        assert_eq!(agreement(&[]), Agreement::default());
    }
}
