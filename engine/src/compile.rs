//! The second loading pass: semantic validation, and compilation of the assessment into a
//! [`Model`] whose names and expressions are resolved to indices.

use std::collections::HashMap;

use crate::answers::{Answer, Slot, DONT_KNOW};
use crate::error::{Diagnostic, Error, ErrorKind, Severity};
use crate::expr::program::{self, Program};
use crate::expr::{Expr, Ref, Resolver};
use crate::model::*;
use crate::text::Text;

/// The most questions an assessment may have.
pub const MAX_QUESTIONS: usize = 1000;
/// The most dimensions an assessment may have.
pub const MAX_DIMENSIONS: usize = 256;
/// The most options a question may have.
pub const MAX_OPTIONS: usize = 64;
/// The most controls (questions, their choices and levels) one step holds before `check` warns
/// that it will be slow to show.
pub const MAX_STEP_CONTROLS: usize = 1_000;
/// The longest text, in bytes.
pub const MAX_TEXT_BYTES: usize = 20_000;
/// The most benchmarks: the report's score table has a column for each, beside every dimension.
pub const MAX_BENCHMARKS: usize = 8;
/// The most charts the report shows.
pub const MAX_CHARTS: usize = 32;
/// The most items one chart draws (a heat map's cells included).
pub const MAX_CHART_ITEMS: usize = 100;
/// The most profiles.
pub const MAX_PROFILES: usize = 100;
/// The most recommendations.
pub const MAX_RECOMMENDATIONS: usize = 200;
/// The most computed values.
pub const MAX_COMPUTED: usize = 500;

/// A validated, compiled assessment, ready to score responses.
#[derive(Debug, Clone)]
pub struct Model {
    /// The assessment as written, for its texts.
    pub assessment: Assessment,
    pub(crate) questions: Vec<QInfo>,
    pub(crate) sections: Vec<SInfo>,
    pub(crate) dims: Vec<DInfo>,
    pub(crate) computed: Vec<Expr>,
    #[cfg(test)]
    pub(crate) computed_order: Vec<u32>,
    pub(crate) profiles: Vec<Expr>,
    #[cfg(test)]
    pub(crate) profile_order: Vec<u32>,
    pub(crate) recs: Vec<RecInfo>,
    pub(crate) rec_order: Vec<u32>,
    /// Computed values, profiles and triggers, compiled into one program for scoring.
    pub(crate) program: Program,
    pub(crate) charts: Vec<ChartInfo>,
    pub(crate) symbols: Vec<String>,
    pub(crate) points_len: usize,
    pub(crate) hash: u64,
    names: Names,
}

/// FNV-1a as a `Hasher`: ids are short, trusted strings, so a fast hash beats SipHash here.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Ids = HashMap<String, u32, std::hash::BuildHasherDefault<Fnv>>;

#[derive(Debug, Clone, Default)]
struct Names {
    questions: Ids,
    dims: Ids,
    computed: Ids,
    profiles: Ids,
    sections: Ids,
    symbols: Ids,
}

/// Two models are equal when they were compiled from the same source text.
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.assessment.id == other.assessment.id
    }
}

/// A compiled question.
#[derive(Debug, Clone)]
pub(crate) struct QInfo {
    pub id: String,
    pub section: u32,
    pub kind: QuestionType,
    pub dont_know: bool,
    pub options: Vec<String>,
    pub option_syms: Vec<u32>,
    /// Likert: the scale values in display order.
    pub values: Vec<f64>,
    /// The numeric range of the answer (likert values, bipolar steps, levels, number bounds).
    pub lo: f64,
    pub hi: f64,
    pub total: u32,
    pub min_choices: u32,
    pub max_choices: u32,
    pub desired: bool,
    pub points_at: usize,
    pub show_if: Option<Expr>,
    pub contribs: Vec<Contrib>,
}

/// How a question counts towards one dimension.
#[derive(Debug, Clone)]
pub(crate) struct Contrib {
    pub dim: u32,
    pub reverse: bool,
    pub weight: ContribWeight,
}

#[derive(Debug, Clone)]
pub(crate) enum ContribWeight {
    /// A position question: the absolute weight.
    Scalar(f64),
    /// A choice question: points per option, and the most a response can earn.
    Options { points: Vec<f64>, possible: f64 },
}

#[derive(Debug, Clone)]
pub(crate) struct SInfo {
    pub questions: std::ops::Range<usize>,
    pub show_if: Option<Expr>,
}

#[derive(Debug, Clone)]
pub(crate) struct DInfo {
    pub min_coverage: f64,
    /// (symbol, min) per band, sorted by min.
    pub bands: Vec<(u32, f64)>,
    /// Where the bands are defined: `None` for the assessment's, `Some(i)` for dimension i's own.
    pub bands_of: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct RecInfo {
    pub dim: u32,
    pub when: Expr,
}

#[derive(Debug, Clone)]
pub(crate) struct ChartInfo {
    pub show_if: Option<Expr>,
    pub items: Vec<ItemInfo>,
}

#[derive(Debug, Clone)]
pub(crate) struct ItemInfo {
    pub value: Option<Expr>,
    pub target: Option<Expr>,
    pub exempt: Option<Expr>,
}

/// The outcome of a successful load: the model and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The compiled assessment.
    pub model: Model,
    /// Warnings (never errors).
    pub warnings: Vec<Diagnostic>,
}

impl Model {
    /// Loads an assessment from JSON: deserializes it with path tracking, then validates and
    /// compiles it, collecting every error.
    ///
    /// ```
    /// let json = r#"{"format": "sextant/1", "id": "demo", "version": "1", "default_locale": "en",
    ///   "title": "Demo", "dimensions": [{"id": "d", "label": "D"}],
    ///   "scales": [{"id": "s", "points": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}],
    ///   "sections": [{"id": "one", "title": "One", "questions": [
    ///     {"id": "q", "type": "likert", "scale": "s", "text": "Q?", "weights": {"d": 1}}]}]}"#;
    /// let model = sextant_engine::Model::load(json).unwrap().model;
    /// assert_eq!(model.question_count(), 1);
    /// ```
    pub fn load(json: &str) -> Result<Loaded, Error> {
        let assessment: Assessment =
            crate::load::from_json(json, "assessment file", crate::load::MAX_ASSESSMENT_BYTES)?;
        let (model, mut diagnostics) = compile(assessment, fnv1a(json.as_bytes()));
        diagnostics.sort_by_key(|d| d.severity);
        match model {
            Some(model) if !diagnostics.iter().any(|d| d.severity == Severity::Error) => {
                Ok(Loaded {
                    model,
                    warnings: diagnostics,
                })
            }
            _ => Err(Error::new(ErrorKind::Invalid { diagnostics })),
        }
    }

    /// Every error and warning for an assessment file, for `sextant check`.
    pub fn check(json: &str) -> Vec<Diagnostic> {
        match Model::load(json) {
            Ok(loaded) => loaded.warnings,
            Err(e) => e.diagnostics(),
        }
    }

    /// The number of questions, over all sections.
    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    /// The index of a question id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.names.questions.get(id).map(|&i| i as usize)
    }

    /// The index of a dimension id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.names.dims.get(id).map(|&i| i as usize)
    }

    /// The question with index `index`, as written.
    pub fn question(&self, index: usize) -> &Question {
        let (s, q) = self.position(index);
        &self.assessment.sections[s].questions[q]
    }

    /// The section index and position within it of question `index`.
    pub fn position(&self, index: usize) -> (usize, usize) {
        let s = self.questions[index].section as usize;
        (s, index - self.sections[s].questions.start)
    }

    /// The question indices of section `section`.
    pub fn section_questions(&self, section: usize) -> std::ops::Range<usize> {
        self.sections[section].questions.clone()
    }

    /// A hash of the assessment's source text, carried in share codes.
    pub fn content_hash(&self) -> u64 {
        self.hash
    }

    /// The locale to use for `requested`: itself or its language when the assessment has it
    /// (in any letter case), else the default locale. `requested` may name several locales,
    /// most preferred first, separated by commas (`fr,en-US`): the first the assessment has
    /// wins.
    ///
    /// ```
    /// # use sextant_engine::Model;
    /// # let json = r#"{"format": "sextant/1", "id": "demo", "version": "1", "default_locale": "nl",
    /// #   "locales": ["nl", "en"], "title": "Demo", "dimensions": [{"id": "d", "label": "D"}],
    /// #   "scales": [{"id": "s", "points": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}],
    /// #   "sections": [{"id": "one", "title": "One", "questions": [
    /// #     {"id": "q", "type": "likert", "scale": "s", "text": "Q?", "weights": {"d": 1}}]}]}"#;
    /// let model = Model::load(json).unwrap().model;
    /// assert_eq!(model.locale_for("EN-gb"), "en");
    /// assert_eq!(model.locale_for("fr,en-US"), "en");
    /// assert_eq!(model.locale_for("fr"), "nl");
    /// ```
    pub fn locale_for(&self, requested: &str) -> String {
        let locales = self.locales();
        for want in requested
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            if let Some(l) = locales.iter().find(|l| l.eq_ignore_ascii_case(want)) {
                return l.clone();
            }
            let lang = crate::text::language(want);
            if let Some(l) = locales
                .iter()
                .find(|l| crate::text::language(l).eq_ignore_ascii_case(lang))
            {
                return l.clone();
            }
        }
        self.assessment.default_locale.clone()
    }

    /// The declared locales (the default locale when none are declared).
    pub fn locales(&self) -> Vec<String> {
        if self.assessment.locales.is_empty() {
            vec![self.assessment.default_locale.clone()]
        } else {
            self.assessment.locales.clone()
        }
    }

    /// Resolves a text in `locale`.
    pub fn text<'a>(&'a self, text: &'a Text, locale: &str) -> &'a str {
        text.get(locale, &self.assessment.default_locale)
    }

    pub(crate) fn symbol(&self, sym: u32) -> &str {
        &self.symbols[sym as usize]
    }

    /// The label of dimension `d`'s band `id` (its own bands, or the assessment's).
    pub(crate) fn band_label(&self, d: usize, id: &str) -> Option<&Text> {
        let bands = match self.dims.get(d)?.bands_of {
            Some(i) => self.assessment.dimensions[i]
                .bands
                .as_deref()
                .unwrap_or(&[]),
            None => &self.assessment.bands,
        };
        bands.iter().find(|b| b.id == id).map(|b| &b.label)
    }
}

impl QInfo {
    /// The slot for a (non-"don't know") answer, or why it does not fit.
    pub(crate) fn slot_for(&self, answer: &Answer) -> Result<Slot, (&'static str, String)> {
        let kind = |expected: &str| {
            Err((
                "answer.kind",
                format!(
                    "expected {expected} for this {} question",
                    type_name(self.kind)
                ),
            ))
        };
        let option = |id: &str| {
            self.options
                .iter()
                .position(|o| o == id)
                .map(|i| i as u32)
                .ok_or((
                    "answer.unknown_option",
                    format!("there is no option `{id}`"),
                ))
        };
        match (self.kind, answer) {
            (QuestionType::Likert, Answer::Number(v)) => {
                if self.values.iter().any(|x| (x - v).abs() < 1e-9) {
                    Ok(Slot::Num(*v))
                } else {
                    Err((
                        "answer.out_of_range",
                        format!("{} is not a point on the scale", num(*v)),
                    ))
                }
            }
            (QuestionType::Bipolar, Answer::Number(v)) => {
                if v.fract() == 0.0 && *v >= self.lo && *v <= self.hi {
                    Ok(Slot::Num(*v))
                } else {
                    Err((
                        "answer.out_of_range",
                        format!("{} is not a step from {} to {}", num(*v), self.lo, self.hi),
                    ))
                }
            }
            (QuestionType::Number, Answer::Number(v)) => {
                if v.is_finite() && *v >= self.lo && *v <= self.hi {
                    Ok(Slot::Num(*v))
                } else {
                    Err((
                        "answer.out_of_range",
                        format!(
                            "{} is outside {} to {}",
                            num(*v),
                            num(self.lo),
                            num(self.hi)
                        ),
                    ))
                }
            }
            (QuestionType::Level, Answer::Level { current, desired }) => {
                let n = self.hi as u32;
                let ok = |l: u32| (1..=n).contains(&l);
                if !ok(*current) {
                    return Err((
                        "answer.out_of_range",
                        format!("level {current} is not between 1 and {n}"),
                    ));
                }
                match desired {
                    Some(d) if !self.desired => Err((
                        "answer.kind",
                        format!("this question does not ask for a desired level (got {d})"),
                    )),
                    Some(d) if !ok(*d) => Err((
                        "answer.out_of_range",
                        format!("desired level {d} is not between 1 and {n}"),
                    )),
                    _ => Ok(Slot::Level {
                        current: *current,
                        desired: desired.unwrap_or(0),
                    }),
                }
            }
            (QuestionType::SingleChoice, Answer::Choice(id)) => option(id).map(Slot::Choice),
            (QuestionType::MultipleChoice, Answer::Choices(ids)) => {
                let mut bits = 0u64;
                for id in ids {
                    let i = option(id)?;
                    if bits & (1 << i) != 0 {
                        return Err(("answer.duplicate", format!("option `{id}` is listed twice")));
                    }
                    bits |= 1 << i;
                }
                let n = ids.len() as u32;
                if n < self.min_choices || n > self.max_choices {
                    return Err((
                        "answer.choices",
                        format!(
                            "choose between {} and {} options (got {n})",
                            self.min_choices, self.max_choices
                        ),
                    ));
                }
                Ok(Slot::Choices(bits))
            }
            (QuestionType::Allocation, Answer::Allocation(map)) => {
                let mut sum: u64 = 0;
                for (id, points) in map {
                    option(id)?;
                    sum += u64::from(*points);
                }
                if sum != u64::from(self.total) {
                    return Err((
                        "answer.total",
                        format!(
                            "the points add up to {sum}; they must add up to {}",
                            self.total
                        ),
                    ));
                }
                Ok(Slot::Alloc)
            }
            (QuestionType::Likert | QuestionType::Bipolar | QuestionType::Number, _) => {
                kind("a number")
            }
            (QuestionType::Level, _) => kind("{\"current\": n}"),
            (QuestionType::SingleChoice, _) => kind("an option id"),
            (QuestionType::MultipleChoice, _) => kind("a list of option ids"),
            (QuestionType::Allocation, _) => kind("points per option id"),
        }
    }
}

/// The longest version string.
const MAX_VERSION_CHARS: usize = 100;
/// The languages the widget's own texts and the report's phrases are written in.
const INTERFACE_LANGUAGES: [&str; 2] = ["nl", "en"];

/// A number as a message quotes it: in full up to a thousand million million, else as `1.7e308`
/// (a hostile file's 1.7e308 would otherwise be printed with 309 digits).
fn num(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

pub(crate) fn type_name(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Likert => "likert",
        QuestionType::SingleChoice => "single choice",
        QuestionType::MultipleChoice => "multiple choice",
        QuestionType::Allocation => "allocation",
        QuestionType::Bipolar => "bipolar",
        QuestionType::Level => "level",
        QuestionType::Number => "number",
    }
}

/// FNV-1a, 64 bits: a small, stable hash for content identity (not for security).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Resolves names while expressions compile.
struct Scope<'a> {
    names: &'a Names,
    questions: &'a [QInfo],
    dims: &'a [DInfo],
}

impl Resolver for Scope<'_> {
    fn question(&self, id: &str) -> Option<u32> {
        self.names.questions.get(id).copied()
    }
    fn option(&self, question: u32, id: &str) -> Option<u32> {
        let q = self.questions.get(question as usize)?;
        q.options.iter().position(|o| o == id).map(|i| i as u32)
    }
    fn option_symbol(&self, question: u32, option: u32) -> u32 {
        self.questions[question as usize].option_syms[option as usize]
    }
    fn dimension(&self, id: &str) -> Option<u32> {
        self.names.dims.get(id).copied()
    }
    fn computed(&self, id: &str) -> Option<u32> {
        self.names.computed.get(id).copied()
    }
    fn profile(&self, id: &str) -> Option<u32> {
        self.names.profiles.get(id).copied()
    }
    fn section(&self, id: &str) -> Option<u32> {
        self.names.sections.get(id).copied()
    }
    fn symbol(&self, text: &str) -> Option<u32> {
        self.names.symbols.get(text).copied()
    }
    fn answer_range(&self, question: u32) -> Option<(f64, f64)> {
        let q = self.questions.get(question as usize)?;
        match q.kind {
            QuestionType::SingleChoice | QuestionType::Allocation => None,
            QuestionType::MultipleChoice => {
                Some((0.0, f64::from(q.max_choices).min(q.options.len() as f64)))
            }
            _ => Some((q.lo, q.hi)),
        }
    }
    fn question_type(&self, question: u32) -> Option<QuestionType> {
        self.questions.get(question as usize).map(|q| q.kind)
    }
    fn is_option_symbol(&self, question: u32, sym: u32) -> bool {
        self.questions
            .get(question as usize)
            .is_none_or(|q| q.option_syms.contains(&sym))
    }
    fn is_band_symbol(&self, dimension: u32, sym: u32) -> bool {
        self.dims
            .get(dimension as usize)
            .is_none_or(|d| d.bands.iter().any(|&(s, _)| s == sym))
    }
}

/// Collects diagnostics during compilation.
#[derive(Default)]
struct Diags(Vec<Diagnostic>);

impl Diags {
    fn error(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Diagnostic::error(code, path, message));
    }
    fn warn(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Diagnostic::warning(code, path, message));
    }
}

fn compile(a: Assessment, hash: u64) -> (Option<Model>, Vec<Diagnostic>) {
    let mut d = Diags::default();
    let mut names = Names::default();

    // Metadata.
    if a.format != FORMAT {
        d.error(
            "format.unsupported",
            "format",
            format!("unsupported format `{}`; expected `{FORMAT}`", a.format),
        );
    }
    check_id(&mut d, "id", &a.id);
    if a.version.trim().is_empty() {
        d.error("version.empty", "version", "the version is empty");
    } else if a.version.chars().count() > MAX_VERSION_CHARS {
        // It is part of every storage key and shown by `check`.
        d.error(
            "version.too_long",
            "version",
            format!(
                "the version is {} characters long; the limit is {MAX_VERSION_CHARS}",
                a.version.chars().count()
            ),
        );
    }
    let locales: Vec<String> = if a.locales.is_empty() {
        vec![a.default_locale.clone()]
    } else {
        a.locales.clone()
    };
    // Locales become the `lang` of what is shown, and name the choices of the language menu.
    let declared = a
        .locales
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("locales[{i}]"), l));
    for (path, locale) in
        std::iter::once(("default_locale".to_owned(), &a.default_locale)).chain(declared)
    {
        if !is_language_tag(locale) {
            let hint = if locale.contains('_') && is_language_tag(&locale.replace('_', "-")) {
                format!(": write it as `{}`", locale.replace('_', "-"))
            } else {
                ", such as `nl`, `en` or `en-GB`".to_owned()
            };
            d.error(
                "locale.not_a_tag",
                path,
                format!("`{}` is not a language tag{hint}", truncate(locale, 40)),
            );
        }
    }
    // The widget's own texts (buttons, messages) and the report's phrases exist in Dutch and
    // English; any other language gets them in English, next to the assessment's own texts.
    let declared = a
        .locales
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("locales[{i}]"), l));
    let mut warned: Vec<String> = Vec::new();
    for (path, locale) in declared.chain(std::iter::once((
        "default_locale".to_owned(),
        &a.default_locale,
    ))) {
        let lang = crate::text::language(locale).to_ascii_lowercase();
        if !is_language_tag(locale)
            || INTERFACE_LANGUAGES.contains(&lang.as_str())
            || warned.contains(&lang)
        {
            continue;
        }
        d.warn(
            "locale.no_interface",
            path,
            format!(
                "the widget's buttons and messages, and the report's own phrases, exist in Dutch and English only: visitors who read `{}` see those in English",
                truncate(locale, 40)
            ),
        );
        warned.push(lang);
    }
    if !locales.contains(&a.default_locale) {
        d.error(
            "locale.default_undeclared",
            "default_locale",
            format!(
                "the default locale `{}` is not among the declared locales",
                a.default_locale
            ),
        );
    }
    if let Some(c) = a.min_coverage {
        check_coverage(&mut d, "min_coverage", c);
    }
    if a.top_recommendations == Some(0) {
        d.error(
            "recommendations.top_zero",
            "top_recommendations",
            "the report must put at least 1 recommendation first; leave the field out to put all of them first",
        );
    }
    for (i, c) in a.computed.iter().enumerate() {
        if let Some(n) = c.decimals.filter(|&n| n > 6) {
            d.error(
                "computed.decimals",
                format!("computed[{i}].decimals"),
                format!("at most 6 decimals can be shown (got {n})"),
            );
        }
    }
    for (i, r) in a.recommendations.iter().enumerate() {
        if r.priority == 0 {
            d.error(
                "recommendation.priority",
                format!("recommendations[{i}].priority"),
                "a priority is 1 (the most urgent) or more",
            );
        }
    }
    check_texts(&mut d, &a, &locales);

    // What the report draws grows with these; each is bounded, so that a file of the right
    // form cannot make the report take minutes, or more memory than the page has.
    for (code, count, max, what) in [
        (
            "limit.benchmarks",
            a.benchmarks.len(),
            MAX_BENCHMARKS,
            "benchmarks",
        ),
        ("limit.charts", a.charts.len(), MAX_CHARTS, "charts"),
        ("limit.profiles", a.profiles.len(), MAX_PROFILES, "profiles"),
        (
            "limit.recommendations",
            a.recommendations.len(),
            MAX_RECOMMENDATIONS,
            "recommendations",
        ),
        (
            "limit.computed",
            a.computed.len(),
            MAX_COMPUTED,
            "computed values",
        ),
    ] {
        if count > max {
            // The code names the field: `limit.charts` is about `charts`.
            let path = code.trim_start_matches("limit.");
            d.error(code, path, format!("{count} {what}; the limit is {max}"));
        }
    }
    for (i, chart) in a.charts.iter().enumerate() {
        if chart.items.len() > MAX_CHART_ITEMS {
            d.error(
                "limit.chart_items",
                format!("charts[{i}].items"),
                format!(
                    "{} items; a chart may have at most {MAX_CHART_ITEMS}",
                    chart.items.len()
                ),
            );
        }
    }

    // Ids.
    let groups = unique_ids(&mut d, "groups", a.groups.iter().map(|g| &g.id), "group");
    if a.dimensions.len() > MAX_DIMENSIONS {
        d.error(
            "limit.dimensions",
            "dimensions",
            format!(
                "{} dimensions; the limit is {MAX_DIMENSIONS}",
                a.dimensions.len()
            ),
        );
    }
    names.dims = unique_ids(
        &mut d,
        "dimensions",
        a.dimensions.iter().map(|x| &x.id),
        "dimension",
    );
    let scales = unique_ids(&mut d, "scales", a.scales.iter().map(|x| &x.id), "scale");
    names.sections = unique_ids(
        &mut d,
        "sections",
        a.sections.iter().map(|x| &x.id),
        "section",
    );
    names.computed = unique_ids(
        &mut d,
        "computed",
        a.computed.iter().map(|x| &x.id),
        "computed value",
    );
    names.profiles = unique_ids(
        &mut d,
        "profiles",
        a.profiles.iter().map(|x| &x.id),
        "profile",
    );
    unique_ids(
        &mut d,
        "recommendations",
        a.recommendations.iter().map(|x| &x.id),
        "recommendation",
    );
    unique_ids(&mut d, "charts", a.charts.iter().map(|x| &x.id), "chart");
    unique_ids(
        &mut d,
        "benchmarks",
        a.benchmarks.iter().map(|x| &x.id),
        "benchmark",
    );

    for (i, dim) in a.dimensions.iter().enumerate() {
        if let Some(g) = &dim.group {
            if !groups.contains_key(g) {
                d.error(
                    "group.unknown",
                    format!("dimensions[{i}].group"),
                    format!("unknown group `{g}`"),
                );
            }
        }
        if let Some(c) = dim.min_coverage {
            check_coverage(&mut d, &format!("dimensions[{i}].min_coverage"), c);
        }
    }

    // Scales.
    for (i, s) in a.scales.iter().enumerate() {
        let path = format!("scales[{i}].points");
        if s.points.len() < 2 {
            d.error(
                "scale.too_few_points",
                &path,
                "a scale needs at least two points",
            );
        }
        for (j, p) in s.points.iter().enumerate() {
            if !p.value.is_finite() || p.value.abs() > 1e9 {
                d.error(
                    "number.out_of_range",
                    format!("{path}[{j}].value"),
                    "the value must be a number between -1e9 and 1e9",
                );
            }
            if s.points[..j].iter().any(|q| q.value == p.value) {
                d.error(
                    "scale.duplicate_value",
                    format!("{path}[{j}].value"),
                    format!("the value {} appears twice on this scale", p.value),
                );
            }
        }
    }

    // Bands: symbols first, so expressions can compare with band ids.
    let mut symbols: Vec<String> = Vec::new();
    let mut intern = |names: &mut Names, s: &str| -> u32 {
        if let Some(&i) = names.symbols.get(s) {
            return i;
        }
        let i = symbols.len() as u32;
        symbols.push(s.to_owned());
        names.symbols.insert(s.to_owned(), i);
        i
    };
    let default_bands = check_bands(&mut d, "bands", &a.bands);
    let mut dims = Vec::with_capacity(a.dimensions.len());
    for (i, dim) in a.dimensions.iter().enumerate() {
        let (bands, bands_of) = match &dim.bands {
            Some(b) => (
                check_bands(&mut d, &format!("dimensions[{i}].bands"), b),
                Some(i),
            ),
            None => (default_bands.clone(), None),
        };
        let bands = bands
            .into_iter()
            .map(|(id, min)| (intern(&mut names, &id), min))
            .collect();
        dims.push(DInfo {
            min_coverage: dim.min_coverage.or(a.min_coverage).unwrap_or(0.5),
            bands,
            bands_of,
        });
    }

    // Questions.
    let total_questions: usize = a.sections.iter().map(|s| s.questions.len()).sum();
    if total_questions == 0 {
        d.error(
            "assessment.no_questions",
            "sections",
            "the assessment has no questions",
        );
    }
    if total_questions > MAX_QUESTIONS {
        d.error(
            "limit.questions",
            "sections",
            format!("{total_questions} questions; the limit is {MAX_QUESTIONS}"),
        );
        return (None, d.0);
    }
    let mut questions = Vec::with_capacity(total_questions);
    let mut sections = Vec::with_capacity(a.sections.len());
    let mut points_len = 0;
    for (si, section) in a.sections.iter().enumerate() {
        let start = questions.len();
        if section.questions.is_empty() {
            d.error(
                "section.empty",
                format!("sections[{si}].questions"),
                "a section needs at least one question",
            );
        }
        for (qi, q) in section.questions.iter().enumerate() {
            let path = format!("sections[{si}].questions[{qi}]");
            check_id(&mut d, &format!("{path}.id"), &q.id);
            if names.questions.contains_key(&q.id) {
                d.error(
                    "id.duplicate",
                    format!("{path}.id"),
                    format!("duplicate question id `{}`", q.id),
                );
            } else {
                names.questions.insert(q.id.clone(), questions.len() as u32);
            }
            let mut info = check_question(&mut d, &path, q, &a, &scales, &names.dims);
            info.section = si as u32;
            info.option_syms = info.options.iter().map(|o| intern(&mut names, o)).collect();
            if info.kind == QuestionType::Allocation {
                info.points_at = points_len;
                points_len += info.options.len();
            }
            questions.push(info);
        }
        // Every choice, level radio, number field and "don't know" is a control on one screen:
        // thousands of them take a phone seconds to show, and every answer there is slow too.
        let controls: usize = section
            .questions
            .iter()
            .map(|q| {
                let levels = q.levels.len() * if q.desired { 2 } else { 1 };
                let scale = q.scale.as_ref().map_or(0, |id| {
                    a.scales
                        .iter()
                        .find(|s| &s.id == id)
                        .map_or(0, |s| s.points.len())
                });
                let steps = q.steps.map_or(0, |n| n as usize);
                (q.options.len() + levels + scale + steps).max(1) + usize::from(q.dont_know)
            })
            .sum();
        if controls > MAX_STEP_CONTROLS {
            d.warn(
                "section.large",
                format!("sections[{si}].questions"),
                format!(
                    "{} questions with {controls} controls in all on one step; more than \
                     {MAX_STEP_CONTROLS} make the step slow to show and to answer on a phone: \
                     split it into several sections",
                    section.questions.len()
                ),
            );
        }
        sections.push(SInfo {
            questions: start..questions.len(),
            show_if: None,
        });
    }
    for (i, dim) in a.dimensions.iter().enumerate() {
        let used = a
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.weights.contains_key(&dim.id));
        if !used {
            d.warn(
                "dimension.unused",
                format!("dimensions[{i}]"),
                format!("no question counts towards dimension `{}`", dim.id),
            );
        }
    }

    // Expressions.
    let scope = Scope {
        names: &names,
        questions: &questions,
        dims: &dims,
    };
    let compile_expr = |d: &mut Diags, path: String, src: &str| -> Option<Expr> {
        match Expr::compile(src, &scope) {
            Ok(e) => Some(e),
            Err(errors) => {
                for e in errors {
                    d.error(e.code, path.clone(), e.to_string());
                }
                None
            }
        }
    };
    let mut section_show = Vec::new();
    let mut question_show = Vec::new();
    for (si, section) in a.sections.iter().enumerate() {
        let first = sections[si].questions.start;
        let e = section.show_if.as_ref().and_then(|src| {
            let path = format!("sections[{si}].show_if");
            let e = compile_expr(&mut d, path.clone(), src)?;
            check_visibility(&mut d, &path, &e, first, &sections);
            never_shown(&mut d, &path, &e, &scope, "section");
            Some(e)
        });
        section_show.push(e);
        for (qi, q) in section.questions.iter().enumerate() {
            let e = q.show_if.as_ref().and_then(|src| {
                let path = format!("sections[{si}].questions[{qi}].show_if");
                let e = compile_expr(&mut d, path.clone(), src)?;
                check_visibility(&mut d, &path, &e, first + qi, &sections);
                never_shown(&mut d, &path, &e, &scope, "question");
                Some(e)
            });
            question_show.push(e);
        }
    }
    let computed: Vec<Option<Expr>> = a
        .computed
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let path = format!("computed[{i}].expr");
            let e = compile_expr(&mut d, path.clone(), &c.expr)?;
            if e.references().iter().any(|r| matches!(r, Ref::Profile(_))) {
                d.error(
                    "computed.profile_ref",
                    path,
                    "a computed value cannot depend on a profile",
                );
            }
            Some(e)
        })
        .collect();
    let computed_ids: Vec<&str> = a.computed.iter().map(|c| c.id.as_str()).collect();
    let computed_order = order(&mut d, "computed", &computed_ids, &computed, |r| match r {
        Ref::Computed(i) => Some(i),
        _ => None,
    });
    let profiles: Vec<Option<Expr>> = a
        .profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let path = format!("profiles[{i}].when");
            let e = compile_expr(&mut d, path.clone(), &p.when)?;
            if e.can_be_true(&scope) == Some(false) {
                d.warn("profile.never", path, "this profile can never match");
            }
            Some(e)
        })
        .collect();
    let profile_ids: Vec<&str> = a.profiles.iter().map(|p| p.id.as_str()).collect();
    let profile_order = order(&mut d, "profiles", &profile_ids, &profiles, |r| match r {
        Ref::Profile(i) => Some(i),
        _ => None,
    });
    let mut recs = Vec::new();
    for (i, r) in a.recommendations.iter().enumerate() {
        let dim = names.dims.get(&r.dimension).copied();
        if dim.is_none() {
            d.error(
                "dimension.unknown",
                format!("recommendations[{i}].dimension"),
                format!("unknown dimension `{}`", r.dimension),
            );
        }
        let path = format!("recommendations[{i}].when");
        let e = compile_expr(&mut d, path.clone(), &r.when);
        if let Some(e) = &e {
            if e.can_be_true(&scope) == Some(false) {
                d.error(
                    "recommendation.never",
                    path,
                    "this recommendation can never trigger",
                );
            }
        }
        if let (Some(dim), Some(when)) = (dim, e) {
            recs.push(RecInfo { dim, when });
        }
    }
    let mut rec_order: Vec<u32> = (0..a.recommendations.len() as u32).collect();
    rec_order.sort_by_key(|&i| a.recommendations[i as usize].priority);

    let charts = check_charts(&mut d, &a, &names, &compile_expr);
    check_benchmarks(&mut d, &a, &names);

    let failed = d.0.iter().any(|x| x.severity == Severity::Error);
    if failed {
        return (None, d.0);
    }
    for (s, e) in sections.iter_mut().zip(section_show) {
        s.show_if = e;
    }
    for (q, e) in questions.iter_mut().zip(question_show) {
        q.show_if = e;
    }
    let computed: Vec<Expr> = computed.into_iter().map(Option::unwrap).collect();
    let profiles: Vec<Expr> = profiles.into_iter().map(Option::unwrap).collect();
    let mut program = program::Builder::new(computed.len(), profiles.len());
    for &c in &computed_order {
        program.computed(c, &computed[c as usize]);
    }
    for &p in &profile_order {
        program.profile(p, &profiles[p as usize]);
    }
    for r in &recs {
        program.recommendation(&r.when);
    }
    let model = Model {
        assessment: a,
        questions,
        sections,
        dims,
        computed,
        #[cfg(test)]
        computed_order,
        profiles,
        #[cfg(test)]
        profile_order,
        recs,
        rec_order,
        program: program.finish(),
        charts,
        symbols,
        points_len,
        hash,
        names,
    };
    (Some(model), d.0)
}

fn check_id(d: &mut Diags, path: &str, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    if !ok {
        d.error(
            "id.invalid",
            path,
            format!(
                "`{}` is not a valid id: use 1 to 64 letters, digits, `_`, `-` or `.`, starting with a letter",
                truncate(id, 80)
            ),
        );
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max).collect::<String>() + "…"
    }
}

fn check_coverage(d: &mut Diags, path: &str, c: f64) {
    if !(0.0..=1.0).contains(&c) {
        d.error(
            "coverage.out_of_range",
            path,
            format!(
                "the minimum coverage must be between 0 and 1 (got {})",
                num(c)
            ),
        );
    }
}

fn unique_ids<'a>(
    d: &mut Diags,
    list: &str,
    ids: impl Iterator<Item = &'a String>,
    what: &str,
) -> Ids {
    let mut map = Ids::default();
    for (i, id) in ids.enumerate() {
        let path = format!("{list}[{i}].id");
        check_id(d, &path, id);
        // A duplicate is reported, and the first definition keeps the id.
        if map.contains_key(id) {
            d.error("id.duplicate", path, format!("duplicate {what} id `{id}`"));
        } else {
            map.insert(id.clone(), i as u32);
        }
    }
    map
}

/// Checks that bands cover 0–100 without gaps or overlaps; returns (id, min) sorted by min.
fn check_bands(d: &mut Diags, path: &str, bands: &[Band]) -> Vec<(String, f64)> {
    if bands.is_empty() {
        return Vec::new();
    }
    let mut seen = HashMap::new();
    for (i, b) in bands.iter().enumerate() {
        check_id(d, &format!("{path}[{i}].id"), &b.id);
        if seen.insert(&b.id, i).is_some() {
            d.error(
                "id.duplicate",
                format!("{path}[{i}].id"),
                format!("duplicate band id `{}`", b.id),
            );
        }
        if !(b.min.is_finite() && b.max.is_finite() && b.min < b.max) {
            d.error(
                "band.range",
                format!("{path}[{i}]"),
                format!(
                    "a band needs min < max (got {} to {})",
                    num(b.min),
                    num(b.max)
                ),
            );
        }
    }
    let mut sorted: Vec<(usize, &Band)> = bands.iter().enumerate().collect();
    sorted.sort_by(|x, y| x.1.min.total_cmp(&y.1.min));
    let (first_i, first) = sorted[0];
    if first.min != 0.0 {
        d.error(
            "band.gap",
            format!("{path}[{first_i}].min"),
            format!(
                "the bands must start at 0; the lowest starts at {}",
                first.min
            ),
        );
    }
    for pair in sorted.windows(2) {
        let ((_, prev), (j, next)) = (pair[0], pair[1]);
        if next.min > prev.max {
            d.error(
                "band.gap",
                format!("{path}[{j}].min"),
                format!(
                    "gap between band `{}` (to {}) and band `{}` (from {})",
                    prev.id, prev.max, next.id, next.min
                ),
            );
        } else if next.min < prev.max {
            d.error(
                "band.overlap",
                format!("{path}[{j}].min"),
                format!(
                    "band `{}` (from {}) overlaps band `{}` (to {})",
                    next.id, next.min, prev.id, prev.max
                ),
            );
        }
    }
    let (last_i, last) = sorted[sorted.len() - 1];
    if last.max != 100.0 {
        d.error(
            "band.gap",
            format!("{path}[{last_i}].max"),
            format!(
                "the bands must end at 100; the highest ends at {}",
                last.max
            ),
        );
    }
    sorted.iter().map(|(_, b)| (b.id.clone(), b.min)).collect()
}

fn check_question(
    d: &mut Diags,
    path: &str,
    q: &Question,
    a: &Assessment,
    scales: &Ids,
    dims: &Ids,
) -> QInfo {
    use QuestionType as T;
    let mut info = QInfo {
        id: q.id.clone(),
        section: 0,
        kind: q.kind,
        dont_know: q.dont_know,
        options: q.options.iter().map(|o| o.id.clone()).collect(),
        option_syms: Vec::new(),
        values: Vec::new(),
        lo: 0.0,
        hi: 1.0,
        total: 0,
        min_choices: 0,
        max_choices: 0,
        desired: q.desired,
        points_at: 0,
        show_if: None,
        contribs: Vec::new(),
    };
    let name = type_name(q.kind);
    // "a likert question", "an allocation question".
    let a_name = if name.starts_with('a') {
        format!("an {name}")
    } else {
        format!("a {name}")
    };
    let mut needs = |present: bool, field: &str| {
        if !present {
            d.error(
                "question.missing_field",
                format!("{path}.{field}"),
                format!("{a_name} question needs `{field}`"),
            );
        }
    };
    match q.kind {
        T::Likert => needs(q.scale.is_some(), "scale"),
        T::SingleChoice | T::MultipleChoice | T::Allocation => {
            needs(!q.options.is_empty(), "options")
        }
        T::Bipolar => {
            needs(q.left.is_some(), "left");
            needs(q.right.is_some(), "right");
            needs(q.steps.is_some(), "steps");
        }
        T::Level => needs(!q.levels.is_empty(), "levels"),
        T::Number => {
            needs(q.min.is_some(), "min");
            needs(q.max.is_some(), "max");
        }
    }
    if q.kind == T::Allocation {
        needs(q.total.is_some(), "total");
    }
    let mut stray = |present: bool, field: &str, applies: &[T]| {
        if present && !applies.contains(&q.kind) {
            d.error(
                "question.stray_field",
                format!("{path}.{field}"),
                format!("`{field}` does not apply to {a_name} question"),
            );
        }
    };
    stray(q.scale.is_some(), "scale", &[T::Likert]);
    stray(
        !q.options.is_empty(),
        "options",
        &[T::SingleChoice, T::MultipleChoice, T::Allocation],
    );
    stray(q.min_choices.is_some(), "min_choices", &[T::MultipleChoice]);
    stray(q.max_choices.is_some(), "max_choices", &[T::MultipleChoice]);
    stray(q.total.is_some(), "total", &[T::Allocation]);
    stray(q.left.is_some(), "left", &[T::Bipolar]);
    stray(q.right.is_some(), "right", &[T::Bipolar]);
    stray(q.steps.is_some(), "steps", &[T::Bipolar]);
    stray(!q.levels.is_empty(), "levels", &[T::Level]);
    stray(q.desired, "desired", &[T::Level]);
    stray(q.unit.is_some(), "unit", &[T::Number]);
    stray(q.min.is_some(), "min", &[T::Number]);
    stray(q.max.is_some(), "max", &[T::Number]);

    // Options.
    if info.options.len() > MAX_OPTIONS {
        d.error(
            "limit.options",
            format!("{path}.options"),
            format!("{} options; the limit is {MAX_OPTIONS}", info.options.len()),
        );
        info.options.truncate(MAX_OPTIONS);
    }
    if matches!(q.kind, T::SingleChoice | T::MultipleChoice | T::Allocation) && q.options.len() == 1
    {
        d.error(
            "question.too_few_options",
            format!("{path}.options"),
            "a question needs at least two options",
        );
    }
    for (i, o) in q.options.iter().enumerate() {
        let opath = format!("{path}.options[{i}].id");
        check_id(d, &opath, &o.id);
        if o.id == DONT_KNOW {
            d.error(
                "option.reserved",
                &opath,
                "`dont_know` is reserved; set `dont_know: true` on the question instead",
            );
        }
        if q.options[..i].iter().any(|p| p.id == o.id) {
            d.error(
                "id.duplicate",
                &opath,
                format!("duplicate option id `{}`", o.id),
            );
        }
    }
    // Two options that read the same cannot be told apart, by eye or by a screen reader.
    let locales: Vec<&str> = if a.locales.is_empty() {
        vec![a.default_locale.as_str()]
    } else {
        a.locales.iter().map(String::as_str).collect()
    };
    // (Letter case counts in ASCII only: the Unicode case tables would cost the widget 11 KB.
    // Past the limit of options, which is an error of its own, nothing is compared.)
    let options = &q.options[..q.options.len().min(MAX_OPTIONS)];
    let mut same: Vec<Option<(usize, &str)>> = vec![None; options.len()];
    for &locale in &locales {
        let label = |i: usize| options[i].label.get(locale, &a.default_locale).trim();
        for (i, found) in same.iter_mut().enumerate() {
            let this = label(i);
            if this.is_empty() || found.is_some() {
                continue;
            }
            if let Some(j) = (0..i).find(|&j| label(j).eq_ignore_ascii_case(this)) {
                *found = Some((j, locale));
            }
        }
    }
    for (i, found) in same.into_iter().enumerate() {
        if let Some((j, locale)) = found {
            d.warn(
                "option.same_label",
                format!("{path}.options[{i}].label"),
                format!(
                    "reads the same as option `{}` in `{locale}`: a visitor cannot tell the two apart",
                    q.options[j].id
                ),
            );
        }
    }

    // Ranges.
    match q.kind {
        T::Likert => {
            if let Some(s) = &q.scale {
                match scales.get(s) {
                    Some(&i) => {
                        info.values = a.scales[i as usize]
                            .points
                            .iter()
                            .map(|p| p.value)
                            .collect();
                        info.lo = info.values.iter().copied().fold(f64::INFINITY, f64::min);
                        info.hi = info
                            .values
                            .iter()
                            .copied()
                            .fold(f64::NEG_INFINITY, f64::max);
                        if !info.lo.is_finite() || !info.hi.is_finite() || info.lo >= info.hi {
                            info.lo = 0.0;
                            info.hi = 1.0;
                        }
                    }
                    None => d.error(
                        "scale.unknown",
                        format!("{path}.scale"),
                        format!("unknown scale `{s}`"),
                    ),
                }
            }
        }
        T::Bipolar => {
            let steps = q.steps.unwrap_or(5);
            if !(2..=11).contains(&steps) {
                d.error(
                    "bipolar.steps",
                    format!("{path}.steps"),
                    format!("a bipolar question needs 2 to 11 steps (got {steps})"),
                );
            }
            info.lo = 1.0;
            info.hi = f64::from(steps.clamp(2, 11));
        }
        T::Level => {
            let n = q.levels.len();
            if n == 1 || n > 10 {
                d.error(
                    "level.count",
                    format!("{path}.levels"),
                    format!("a level question needs 2 to 10 levels (got {n})"),
                );
            }
            info.lo = 1.0;
            info.hi = n.clamp(2, 10) as f64;
        }
        T::Number => {
            let (lo, hi) = (q.min.unwrap_or(0.0), q.max.unwrap_or(1.0));
            if !(lo.is_finite()
                && hi.is_finite()
                && lo < hi
                && lo.abs() <= 1e12
                && hi.abs() <= 1e12)
            {
                d.error(
                    "number.range",
                    format!("{path}.max"),
                    format!(
                        "a number question needs finite min < max within ±1e12 (got {} to {})",
                        num(lo),
                        num(hi)
                    ),
                );
            } else {
                info.lo = lo;
                info.hi = hi;
            }
            // The field shows and reads at most six decimals: a bound finer than that would
            // show as "0 – 0", and an answer of that size would come back rounded away.
            for (field, x) in [("min", q.min), ("max", q.max)] {
                if let Some(x) = x.filter(|x| x.is_finite() && x.abs() <= 1e12) {
                    if ((x * 1e6).round() / 1e6 - x).abs() > 1e-9 * x.abs().max(1.0) {
                        d.error(
                            "number.precision",
                            format!("{path}.{field}"),
                            format!(
                                "{} has more than 6 decimals, which the answer field cannot show: \
                                 ask in a smaller unit (thousandths, millionths) instead",
                                num(x)
                            ),
                        );
                    }
                }
            }
        }
        T::MultipleChoice => {
            let n = info.options.len() as u32;
            info.min_choices = q.min_choices.unwrap_or(0);
            info.max_choices = q.max_choices.unwrap_or(n);
            if info.min_choices > info.max_choices || info.max_choices > n {
                d.error(
                    "choices.range",
                    format!("{path}.max_choices"),
                    format!(
                        "cannot choose between {} and {} of {n} options",
                        info.min_choices, info.max_choices
                    ),
                );
            }
        }
        T::Allocation => {
            let total = q.total.unwrap_or(0);
            if total == 0 || total > 1000 {
                d.error(
                    "allocation.total",
                    format!("{path}.total"),
                    format!("the points to allocate must be between 1 and 1000 (got {total})"),
                );
            }
            info.total = total;
        }
        T::SingleChoice => {}
    }

    // Weights.
    for (dim, w) in &q.weights {
        let wpath = format!("{path}.weights.{dim}");
        let Some(&di) = dims.get(dim) else {
            d.error(
                "dimension.unknown",
                &wpath,
                format!("unknown dimension `{dim}`"),
            );
            continue;
        };
        let choice = matches!(q.kind, T::SingleChoice | T::MultipleChoice | T::Allocation);
        match (w, choice) {
            (Weight::Flat(x), false) => {
                if !x.is_finite() || *x == 0.0 || x.abs() > 1000.0 {
                    d.error(
                        "weight.range",
                        &wpath,
                        format!(
                            "a weight must be non-zero and within ±1000 (got {})",
                            num(*x)
                        ),
                    );
                    continue;
                }
                info.contribs.push(Contrib {
                    dim: di,
                    reverse: q.reverse != (*x < 0.0),
                    weight: ContribWeight::Scalar(x.abs()),
                });
            }
            (Weight::PerOption(map), true) => {
                let mut points = vec![0.0; info.options.len()];
                let mut ok = true;
                for (opt, &p) in map {
                    match info.options.iter().position(|o| o == opt) {
                        Some(i) if p.is_finite() && (0.0..=1000.0).contains(&p) => points[i] = p,
                        Some(_) => {
                            ok = false;
                            d.error(
                                "weight.range",
                                format!("{wpath}.{opt}"),
                                format!("option points must be between 0 and 1000 (got {p})"),
                            );
                        }
                        None => {
                            ok = false;
                            d.error(
                                "weight.unknown_option",
                                format!("{wpath}.{opt}"),
                                format!("weight on missing option `{opt}`"),
                            );
                        }
                    }
                }
                // A choice left out scores 0, which may be an oversight: say so. (In an
                // allocation, a dimension counting one statement's points is the usual form.)
                let choice = matches!(q.kind, T::SingleChoice | T::MultipleChoice);
                for opt in info
                    .options
                    .iter()
                    .filter(|o| choice && !map.contains_key(*o))
                {
                    d.warn(
                        "weight.missing_option",
                        &wpath,
                        format!("option `{opt}` has no points here, so it scores 0; give it 0 to say so"),
                    );
                }
                let possible = match q.kind {
                    T::MultipleChoice => {
                        let mut sorted = points.clone();
                        sorted.sort_by(|x, y| y.total_cmp(x));
                        sorted.iter().take(info.max_choices as usize).sum()
                    }
                    _ => points.iter().copied().fold(0.0, f64::max),
                };
                if ok && possible <= 0.0 {
                    d.error(
                        "weight.zero",
                        &wpath,
                        "every option scores 0 for this dimension, so it cannot be scored",
                    );
                } else if ok {
                    info.contribs.push(Contrib {
                        dim: di,
                        reverse: q.reverse,
                        weight: ContribWeight::Options { points, possible },
                    });
                }
            }
            (Weight::Flat(_), true) => d.error(
                "weight.kind",
                &wpath,
                format!(
                    "{a_name} question needs points per option id, e.g. {{\"a\": 1, \"b\": 0}}"
                ),
            ),
            (Weight::PerOption(_), false) => d.error(
                "weight.kind",
                &wpath,
                format!("{a_name} question needs one number per dimension"),
            ),
        }
    }
    info
}

/// A `show_if` that no answers can make true hides its `what` (a section or a question) from
/// every visitor: a warning, as for a profile that can never match.
fn never_shown(d: &mut Diags, path: &str, e: &Expr, scope: &dyn Resolver, what: &str) {
    if e.can_be_true(scope) == Some(false) {
        d.warn(
            "show_if.never",
            path,
            format!("no answers can make this true, so the {what} is never shown"),
        );
    }
}

/// A `show_if` may only read answers to questions before `first` (its own question or the first
/// question of its section), so visibility is decided in one pass in document order.
fn check_visibility(d: &mut Diags, path: &str, e: &Expr, first: usize, sections: &[SInfo]) {
    if e.counts_all_answers() {
        d.error(
            "show_if.scope",
            path,
            "`show_if` cannot use count_answered() over all questions; name an earlier section",
        );
    }
    for r in e.references() {
        match r {
            Ref::Question(q) if (q as usize) < first => {}
            Ref::Section(s) if sections[s as usize].questions.end <= first => {}
            Ref::Section(_) => d.error(
                "show_if.forward",
                path,
                "`show_if` may only count answers of sections that come before it",
            ),
            Ref::Question(_) => d.error(
                "show_if.forward",
                path,
                "`show_if` may only refer to questions that come before it",
            ),
            _ => d.error(
                "show_if.scope",
                path,
                "`show_if` may only use answers (answer, answered, chosen, points, desired, dont_know)",
            ),
        }
    }
}

/// Orders nodes so each comes after the ones it refers to; reports cycles.
fn order(
    d: &mut Diags,
    list: &str,
    ids: &[&str],
    exprs: &[Option<Expr>],
    edge: impl Fn(Ref) -> Option<u32>,
) -> Vec<u32> {
    let n = exprs.len();
    let deps: Vec<Vec<u32>> = exprs
        .iter()
        .map(|e| {
            e.as_ref()
                .map(|e| e.references().into_iter().filter_map(&edge).collect())
                .unwrap_or_default()
        })
        .collect();
    // 0 = unvisited, 1 = on stack, 2 = done. Iterative DFS: no recursion on hostile input.
    let mut state = vec![0u8; n];
    let mut out = Vec::with_capacity(n);
    let mut reported = false;
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&dep) = deps[node].get(*next) {
                *next += 1;
                let dep = dep as usize;
                match state[dep] {
                    0 => {
                        state[dep] = 1;
                        stack.push((dep, 0));
                    }
                    1 if !reported => {
                        reported = true;
                        let from = stack.iter().position(|(x, _)| *x == dep).unwrap_or(0);
                        // Each by its place and its id, as the author wrote it.
                        let named = |x: usize| match ids.get(x) {
                            Some(id) => format!("{list}[{x}] ({id})"),
                            None => format!("{list}[{x}]"),
                        };
                        let cycle: Vec<String> = stack[from..]
                            .iter()
                            .map(|&(x, _)| named(x))
                            .chain(std::iter::once(named(dep)))
                            .collect();
                        d.error(
                            "expr.cycle",
                            format!("{list}[{dep}]"),
                            format!("cycle: {}", cycle.join(" → ")),
                        );
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                out.push(node as u32);
                stack.pop();
            }
        }
    }
    out
}

fn check_charts(
    d: &mut Diags,
    a: &Assessment,
    names: &Names,
    compile_expr: &dyn Fn(&mut Diags, String, &str) -> Option<Expr>,
) -> Vec<ChartInfo> {
    let mut charts = Vec::new();
    for (i, c) in a.charts.iter().enumerate() {
        let path = format!("charts[{i}]");
        if let Some(g) = &c.group {
            if !a.groups.iter().any(|x| &x.id == g) {
                d.error(
                    "group.unknown",
                    format!("{path}.group"),
                    format!("unknown group `{g}`"),
                );
            }
        }
        let n = c.items.len();
        let count_ok = match c.kind {
            ChartType::Bars => n >= 1,
            ChartType::Heatmap => n >= 1 && n == c.rows.len() * c.columns.len(),
            ChartType::Estimate => n == 1,
            ChartType::Radar => n >= 3,
        };
        if !count_ok {
            let need = match c.kind {
                ChartType::Bars => "at least one item".to_owned(),
                ChartType::Heatmap => format!(
                    "one item per cell: {} rows × {} columns",
                    c.rows.len(),
                    c.columns.len()
                ),
                ChartType::Estimate => "exactly one item".to_owned(),
                ChartType::Radar => "at least three items".to_owned(),
            };
            d.error(
                "chart.items",
                format!("{path}.items"),
                format!("this chart has {n} items; it needs {need}"),
            );
        }
        let show_if = c
            .show_if
            .as_ref()
            .and_then(|s| compile_expr(d, format!("{path}.show_if"), s));
        let mut items = Vec::new();
        for (j, item) in c.items.iter().enumerate() {
            let ipath = format!("{path}.items[{j}]");
            if let Some(dim) = &item.dimension {
                if !names.dims.contains_key(dim) {
                    d.error(
                        "dimension.unknown",
                        format!("{ipath}.dimension"),
                        format!("unknown dimension `{dim}`"),
                    );
                }
            } else {
                if item.value.is_none() {
                    d.error(
                        "chart.item_value",
                        &ipath,
                        "an item needs a `dimension` or a `value`",
                    );
                }
                if item.label.is_none() {
                    d.error(
                        "chart.item_label",
                        &ipath,
                        "an item needs a `dimension` or a `label`",
                    );
                }
            }
            let value = match (&item.value, &item.dimension) {
                (Some(v), _) => compile_expr(d, format!("{ipath}.value"), v),
                (None, Some(dim)) if names.dims.contains_key(dim) => {
                    compile_expr(d, format!("{ipath}.dimension"), &format!("score({dim})"))
                }
                _ => None,
            };
            items.push(ItemInfo {
                value,
                target: item
                    .target
                    .as_ref()
                    .and_then(|s| compile_expr(d, format!("{ipath}.target"), s)),
                exempt: item
                    .exempt_if
                    .as_ref()
                    .and_then(|s| compile_expr(d, format!("{ipath}.exempt_if"), s)),
            });
        }
        charts.push(ChartInfo { show_if, items });
    }
    charts
}

fn check_benchmarks(d: &mut Diags, a: &Assessment, names: &Names) {
    for (i, b) in a.benchmarks.iter().enumerate() {
        if b.source.strings().iter().all(|s| s.trim().is_empty()) {
            d.error(
                "benchmark.source",
                format!("benchmarks[{i}].source"),
                "a benchmark must name its source",
            );
        }
        for (dim, v) in &b.values {
            let path = format!("benchmarks[{i}].values.{dim}");
            if !names.dims.contains_key(dim) {
                d.error(
                    "dimension.unknown",
                    &path,
                    format!("unknown dimension `{dim}`"),
                );
            }
            if !(0.0..=100.0).contains(v) {
                d.error(
                    "benchmark.range",
                    &path,
                    format!(
                        "a benchmark score must be between 0 and 100 (got {})",
                        num(*v)
                    ),
                );
            }
        }
    }
}

/// Whether `locale` has the form of a BCP 47 language tag: a language of 2 to 3 letters, then
/// subtags of 1 to 8 letters or digits, joined by `-` (`nl`, `en-GB`, `sr-Latn-RS`).
fn is_language_tag(locale: &str) -> bool {
    let mut parts = locale.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Every text, with its path, for the locale and size checks.
fn check_texts(d: &mut Diags, a: &Assessment, locales: &[String]) {
    // Each text, and whether the format requires it (an optional one may be left out); `None`
    // where an empty one has a message of its own.
    type Texts<'a> = Vec<(String, &'a Text, Option<bool>)>;
    let mut texts: Texts = vec![("title".into(), &a.title, Some(true))];
    fn push<'a>(texts: &mut Texts<'a>, path: String, t: Option<&'a Text>) {
        if let Some(t) = t {
            texts.push((path, t, Some(false)));
        }
    }
    fn need<'a>(texts: &mut Texts<'a>, path: String, t: &'a Text) {
        texts.push((path, t, Some(true)));
    }
    push(&mut texts, "intro".into(), a.intro.as_ref());
    for (i, g) in a.groups.iter().enumerate() {
        need(&mut texts, format!("groups[{i}].label"), &g.label);
        push(
            &mut texts,
            format!("groups[{i}].description"),
            g.description.as_ref(),
        );
    }
    for (i, x) in a.dimensions.iter().enumerate() {
        need(&mut texts, format!("dimensions[{i}].label"), &x.label);
        push(
            &mut texts,
            format!("dimensions[{i}].description"),
            x.description.as_ref(),
        );
        for (j, b) in x.bands.iter().flatten().enumerate() {
            need(
                &mut texts,
                format!("dimensions[{i}].bands[{j}].label"),
                &b.label,
            );
        }
    }
    for (i, s) in a.scales.iter().enumerate() {
        for (j, p) in s.points.iter().enumerate() {
            need(
                &mut texts,
                format!("scales[{i}].points[{j}].label"),
                &p.label,
            );
        }
    }
    for (i, s) in a.sections.iter().enumerate() {
        need(&mut texts, format!("sections[{i}].title"), &s.title);
        push(&mut texts, format!("sections[{i}].intro"), s.intro.as_ref());
        for (j, q) in s.questions.iter().enumerate() {
            let p = format!("sections[{i}].questions[{j}]");
            need(&mut texts, format!("{p}.text"), &q.text);
            push(&mut texts, format!("{p}.help"), q.help.as_ref());
            push(&mut texts, format!("{p}.left"), q.left.as_ref());
            push(&mut texts, format!("{p}.right"), q.right.as_ref());
            push(&mut texts, format!("{p}.unit"), q.unit.as_ref());
            for (k, o) in q.options.iter().enumerate() {
                need(&mut texts, format!("{p}.options[{k}].label"), &o.label);
            }
            for (k, l) in q.levels.iter().enumerate() {
                need(&mut texts, format!("{p}.levels[{k}].label"), &l.label);
                push(
                    &mut texts,
                    format!("{p}.levels[{k}].description"),
                    l.description.as_ref(),
                );
            }
        }
    }
    for (i, c) in a.computed.iter().enumerate() {
        push(&mut texts, format!("computed[{i}].label"), c.label.as_ref());
        push(&mut texts, format!("computed[{i}].unit"), c.unit.as_ref());
    }
    for (i, b) in a.bands.iter().enumerate() {
        need(&mut texts, format!("bands[{i}].label"), &b.label);
    }
    for (i, p) in a.profiles.iter().enumerate() {
        need(&mut texts, format!("profiles[{i}].label"), &p.label);
        need(&mut texts, format!("profiles[{i}].headline"), &p.headline);
        push(
            &mut texts,
            format!("profiles[{i}].description"),
            p.description.as_ref(),
        );
    }
    for (i, r) in a.recommendations.iter().enumerate() {
        need(&mut texts, format!("recommendations[{i}].title"), &r.title);
        need(&mut texts, format!("recommendations[{i}].body"), &r.body);
    }
    for (i, b) in a.benchmarks.iter().enumerate() {
        need(&mut texts, format!("benchmarks[{i}].label"), &b.label);
        // A source empty in every language has its own error (`benchmark.source`); one empty
        // in some language only is an empty text there, as for any required text.
        let named = b.source.strings().iter().any(|s| !s.trim().is_empty());
        texts.push((
            format!("benchmarks[{i}].source"),
            &b.source,
            named.then_some(true),
        ));
    }
    for (i, c) in a.charts.iter().enumerate() {
        let p = format!("charts[{i}]");
        need(&mut texts, format!("{p}.title"), &c.title);
        push(
            &mut texts,
            format!("{p}.description"),
            c.description.as_ref(),
        );
        push(&mut texts, format!("{p}.formula"), c.formula.as_ref());
        push(&mut texts, format!("{p}.unit"), c.unit.as_ref());
        push(
            &mut texts,
            format!("{p}.value_label"),
            c.value_label.as_ref(),
        );
        push(
            &mut texts,
            format!("{p}.target_label"),
            c.target_label.as_ref(),
        );
        for (j, r) in c.rows.iter().enumerate() {
            need(&mut texts, format!("{p}.rows[{j}]"), r);
        }
        for (j, r) in c.columns.iter().enumerate() {
            need(&mut texts, format!("{p}.columns[{j}]"), r);
        }
        for (j, it) in c.items.iter().enumerate() {
            push(
                &mut texts,
                format!("{p}.items[{j}].label"),
                it.label.as_ref(),
            );
        }
    }
    for (path, text, required) in texts {
        // An empty text shows nothing: a heading, a question or an answer without words, which
        // a screen reader cannot name either.
        let blank: Vec<String> = match text {
            _ if required.is_none() => vec![],
            Text::Plain(s) if s.trim().is_empty() => vec![path.clone()],
            Text::Plain(_) => vec![],
            Text::Localized(map) => map
                .iter()
                .filter(|(_, s)| s.trim().is_empty())
                .map(|(l, _)| format!("{path}.{l}"))
                .collect(),
        };
        for at in blank {
            if required == Some(true) {
                d.error(
                    "text.empty",
                    at,
                    "an empty text: the visitor would see nothing here",
                );
            } else {
                d.warn(
                    "text.empty",
                    at,
                    "an empty text shows nothing; leave the field out instead",
                );
            }
        }
        // The path names the language of a text given per language: `title.nl`.
        let each: Vec<(String, &String)> = match text {
            Text::Plain(s) => vec![(path.clone(), s)],
            Text::Localized(map) => map
                .iter()
                .map(|(l, s)| (format!("{path}.{l}"), s))
                .collect(),
        };
        for (at, s) in each {
            if s.len() > MAX_TEXT_BYTES {
                d.error(
                    "text.too_long",
                    at,
                    format!(
                        "{} bytes; a text may have at most {MAX_TEXT_BYTES}",
                        s.len()
                    ),
                );
            }
        }
        if let Text::Localized(map) = text {
            for l in locales {
                if !map.contains_key(l) {
                    d.warn(
                        "text.missing_locale",
                        &path,
                        format!("no text for declared locale `{l}`"),
                    );
                }
            }
            for l in map.keys() {
                if !locales.contains(l) {
                    d.warn(
                        "text.undeclared_locale",
                        format!("{path}.{l}"),
                        format!("locale `{l}` is not declared in `locales`"),
                    );
                }
            }
        }
    }
}

/// The level band symbols, for lookups by the scorer.
pub(crate) fn band_index(bands: &[(u32, f64)], score: f64) -> Option<usize> {
    if bands.is_empty() {
        return None;
    }
    let i = bands.partition_point(|(_, min)| *min <= score);
    Some(i.saturating_sub(1))
}
