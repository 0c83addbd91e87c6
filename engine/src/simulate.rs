//! Simulated respondents, so an author can see a badly balanced assessment before going live.
//!
//! Each respondent gets a *style*, drawn at random: answering uniformly at random, leaning to the
//! low end, leaning to the high end, or answering only at the extremes. Within a style, every
//! question gets a valid answer (or, one time in ten, "don't know" where it is offered): a level
//! question's desired level is drawn anywhere one time in five (so below the current one about
//! one time in twelve), and a number is whole half of the time and has two decimals otherwise.
//! Styles make the extremes of each dimension reachable in a sample of reasonable size, which is
//! what the "reaches both ends" check needs: a dimension *reaches both ends* when some respondent
//! scores at most 5 and some respondent at least 95.

use crate::answers::{Response, Slot};
use crate::compile::Model;
use crate::model::QuestionType;
use crate::score::Scores;

/// A small, seedable pseudo-random generator (SplitMix64); deterministic across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Clone, Copy)]
enum Style {
    Uniform,
    Low,
    High,
    Extreme,
}

/// Per-dimension statistics over a simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionStats {
    /// Respondents with a sufficient score.
    pub scored: u64,
    /// Lowest score.
    pub min: f64,
    /// Highest score.
    pub max: f64,
    /// Sum of scores, for the mean.
    pub sum: f64,
    /// Ten bins of width 10 (the last includes 100).
    pub histogram: [u64; 10],
}

impl DimensionStats {
    /// The mean score, when any respondent was scored.
    pub fn mean(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.sum / self.scored as f64)
    }

    /// Whether some respondent scored ≤ 5 and some ≥ 95.
    pub fn reaches_both_ends(&self) -> bool {
        self.scored > 0 && self.min <= 5.0 && self.max >= 95.0
    }
}

/// The outcome of a simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Respondents simulated.
    pub respondents: u64,
    /// Per dimension, in file order.
    pub dimensions: Vec<DimensionStats>,
    /// How often each profile matched.
    pub profiles: Vec<u64>,
    /// How often each recommendation triggered.
    pub recommendations: Vec<u64>,
}

impl Model {
    /// Fills `response` with one random respondent.
    pub fn random_response(&self, rng: &mut Rng, response: &mut Response) {
        let style = match rng.below(4) {
            0 => Style::Uniform,
            1 => Style::Low,
            2 => Style::High,
            _ => Style::Extreme,
        };
        for (i, q) in self.questions.iter().enumerate() {
            if q.dont_know && rng.below(10) == 0 {
                response.slots[i] = Slot::DontKnow;
                if q.kind == QuestionType::Allocation {
                    response.points[q.points_at..q.points_at + q.options.len()].fill(0);
                }
                continue;
            }
            // A position in [0, 1), shaped by the style.
            let mut pick = |n: u64| -> u64 {
                let u = rng.unit();
                let x = match style {
                    Style::Uniform => u,
                    Style::Low => u * u,
                    Style::High => 1.0 - u * u,
                    Style::Extreme => {
                        if u < 0.5 {
                            0.0
                        } else {
                            0.999_999
                        }
                    }
                };
                ((x * n as f64) as u64).min(n - 1)
            };
            response.slots[i] = match q.kind {
                QuestionType::Likert => {
                    let mut sorted = q.values.clone();
                    sorted.sort_by(f64::total_cmp);
                    Slot::Num(sorted[pick(sorted.len() as u64) as usize])
                }
                QuestionType::Bipolar => Slot::Num(q.lo + pick((q.hi - q.lo) as u64 + 1) as f64),
                QuestionType::Level => {
                    let n = q.hi as u64;
                    let current = pick(n) as u32 + 1;
                    // Mostly a desired level at or above the current one; one time in five
                    // anywhere, as a respondent who wants less of something would answer.
                    let desired = if !q.desired {
                        0
                    } else if rng.below(5) == 0 {
                        rng.below(n) as u32 + 1
                    } else {
                        current + rng.below(n - u64::from(current) + 1) as u32
                    };
                    Slot::Level { current, desired }
                }
                QuestionType::Number => {
                    let x = rng.unit();
                    let x = match style {
                        Style::Extreme | Style::Low => x * x * x,
                        _ => x,
                    };
                    // Whole numbers half of the time, hundredths otherwise: a number question
                    // takes any value in its range.
                    let x = q.lo + x * (q.hi - q.lo);
                    let x = if rng.below(2) == 0 {
                        x.round()
                    } else {
                        (x * 100.0).round() / 100.0
                    };
                    Slot::Num(x.clamp(q.lo, q.hi))
                }
                QuestionType::SingleChoice => {
                    Slot::Choice(rng.below(q.options.len() as u64) as u32)
                }
                QuestionType::MultipleChoice => {
                    let n = q.options.len() as u32;
                    let k = q.min_choices
                        + rng.below(u64::from(q.max_choices - q.min_choices) + 1) as u32;
                    let mut bits = 0u64;
                    while bits.count_ones() < k.min(n) {
                        bits |= 1 << rng.below(u64::from(n));
                    }
                    Slot::Choices(bits)
                }
                QuestionType::Allocation => {
                    let n = q.options.len();
                    let points = &mut response.points[q.points_at..q.points_at + n];
                    points.fill(0);
                    match style {
                        Style::Extreme => points[rng.below(n as u64) as usize] = q.total,
                        _ => {
                            for _ in 0..q.total {
                                points[rng.below(n as u64) as usize] += 1;
                            }
                        }
                    }
                    Slot::Alloc
                }
            };
        }
    }

    /// Scores `n` random respondents from `seed`.
    pub fn simulate(&self, n: u64, seed: u64) -> Simulation {
        let mut rng = Rng::new(seed);
        let mut response = Response::new(self);
        let mut scores = Scores::default();
        let mut sim = Simulation {
            respondents: n,
            dimensions: vec![
                DimensionStats {
                    scored: 0,
                    min: f64::INFINITY,
                    max: f64::NEG_INFINITY,
                    sum: 0.0,
                    histogram: [0; 10],
                };
                self.dims.len()
            ],
            profiles: vec![0; self.profiles.len()],
            recommendations: vec![0; self.recs.len()],
        };
        for _ in 0..n {
            self.random_response(&mut rng, &mut response);
            self.score_into(&response, &mut scores);
            for (stats, score) in sim.dimensions.iter_mut().zip(&scores.score) {
                if let Some(s) = *score {
                    stats.scored += 1;
                    stats.min = stats.min.min(s);
                    stats.max = stats.max.max(s);
                    stats.sum += s;
                    stats.histogram[((s / 10.0) as usize).min(9)] += 1;
                }
            }
            for (count, matched) in sim.profiles.iter_mut().zip(&scores.profiles) {
                *count += u64::from(*matched);
            }
            for &r in &scores.recommendations {
                sim.recommendations[r as usize] += 1;
            }
        }
        sim
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert!((0..1000).all(|_| a.unit() < 1.0));
    }
}
