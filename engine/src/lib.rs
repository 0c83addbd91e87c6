//! The Sextant assessment engine.
//!
//! An assessment is a JSON file in the `sextant/1` format: dimensions, answer scales, sections of
//! questions, computed values, profiles, level bands, recommendations and charts. The engine
//! loads and validates it into a [`Model`], scores a [`Response`] into [`Scores`], and explains
//! the result in a [`Report`]. It has no web dependencies and builds for native and wasm32; the
//! widget and the `sextant` CLI are thin shells around it.
//!
//! ```
//! use sextant_engine::{Model, Response};
//!
//! let json = r#"{
//!   "format": "sextant/1", "id": "demo", "version": "1", "default_locale": "en",
//!   "title": "Demo", "dimensions": [{"id": "speed", "label": "Speed"}],
//!   "scales": [{"id": "agree", "points": [
//!     {"value": 1, "label": "Disagree"}, {"value": 2, "label": "Neutral"}, {"value": 3, "label": "Agree"}]}],
//!   "sections": [{"id": "pace", "title": "Pace", "questions": [
//!     {"id": "fast", "type": "likert", "scale": "agree", "text": "We are fast.", "weights": {"speed": 1}}]}]
//! }"#;
//! let model = Model::load(json)?.model;
//! let response = Response::from_json(&model, r#"{"fast": 2}"#)?;
//! let report = model.report(&response, "en");
//! assert_eq!(report.dimensions[0].display.as_deref(), Some("50"));
//! # Ok::<(), sextant_engine::Error>(())
//! ```

pub mod answers;
pub mod chart;
mod compile;
pub mod error;
mod explain;
pub mod expr;
pub mod load;
pub mod model;
pub mod report;
pub mod save;
pub mod score;
pub mod share;
pub mod simulate;
pub mod team;
pub mod text;
pub mod typed;
pub mod view;

pub use answers::{Answer, AnswerError, Answers, Response, Slot};
pub use compile::{
    Loaded, Model, MAX_BENCHMARKS, MAX_CHARTS, MAX_CHART_ITEMS, MAX_COMPUTED, MAX_DIMENSIONS,
    MAX_OPTIONS, MAX_PROFILES, MAX_QUESTIONS, MAX_RECOMMENDATIONS, MAX_TEXT_BYTES,
};
pub use error::{Diagnostic, Error, ErrorKind, Severity};
pub use model::Assessment;
pub use report::Report;
pub use score::Scores;
pub use text::Text;
